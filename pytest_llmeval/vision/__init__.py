"""Vision evaluation: images in cases, OCR-style scorers, benchmark datasets from disk (no pytest here)."""
