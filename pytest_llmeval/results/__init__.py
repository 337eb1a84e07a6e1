"""Results: the typed results document, its recorder, aggregation, and the renderers (no pytest here)."""
