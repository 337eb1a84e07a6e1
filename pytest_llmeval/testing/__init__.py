"""Test helpers shipped with the package: a local OpenAI-compatible server whose answers you control, a
headless-browser driver, and fault injection against a pytest run (`faults`)."""
