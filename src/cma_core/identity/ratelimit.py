"""Request rate limits (per user, per address) for the API."""

from __future__ import annotations

from typing import Protocol


class RateLimiter(Protocol):
    """Fixed-window request counters."""

    async def hit(self, key: str, *, limit: int, window_seconds: int) -> int:
        """Count one request against ``key``.

        Returns:
            0 if this request is within ``limit`` for the current window; otherwise the
            whole seconds until the window ends (the ``Retry-After``), at least 1. A refused
            request still counts, so hammering does not shorten the wait.
        """
        ...
