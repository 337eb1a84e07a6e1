"""Cost per 1,000 requests, local GPU against a cloud API, from measured tokens and throughput (no pytest).

Local: GPU cost per hour / requests per hour the server sustains. The requests per hour come from the
throughput benchmark at its concurrency when --llm-bench ran (its request throughput), else from serial
decoding (one request at a time: 3600 / mean end-to-end seconds) - the report says which. API: mean prompt
and output tokens of the run's cases times the price per million tokens. The break-even volume is the daily
number of requests at which a GPU kept for this model costs as much per day as the API.
"""

from __future__ import annotations

from .model import cost_rows
from .prices import Prices, PricesError, load_prices

__all__ = ["Prices", "PricesError", "cost_rows", "load_prices"]
