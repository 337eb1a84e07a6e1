"""Serving: the vLLM launcher and attached servers, the pool, the embedded model, the chat client,
memory sampling and hardware info (no pytest here)."""
