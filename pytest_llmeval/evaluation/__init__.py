"""Evaluation: the scenario schema and loader, the scorers, and asking + scoring one case (no pytest here)."""
