"""Test helpers shipped with the package: a local OpenAI-compatible server whose answers you control."""
