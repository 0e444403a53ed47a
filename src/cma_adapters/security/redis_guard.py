"""Redis for counters that must not take the API down with it.

The rate limiter and the login throttle keep their counters in Redis so every API process
sees the same counts. When Redis is unreachable they fall back to this process's own
counters (the embedded default's), log a warning once per outage, and try Redis again
after a short cool-down; the API keeps answering. A stale pooled connection (Redis
restarted) is retried on a fresh one by redis-py's own ``Retry`` with exponential backoff,
so the first request after Redis returns is not an error either.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

log = logging.getLogger("cma.redis")

T = TypeVar("T")

#: How long a failed Redis is left alone before the next request tries it again.
DEFAULT_COOLDOWN_SECONDS = 5.0


def resilient_redis(url: str) -> Any:
    """An asyncio Redis client that retries a dropped connection (2 retries, exponential
    backoff from 20 ms capped at 200 ms) and gives up fast (0.5 s to connect, 1 s to
    answer) so a dead Redis costs a request little before the fallback takes over."""
    import redis.asyncio as aioredis
    from redis.asyncio.retry import Retry
    from redis.backoff import ExponentialBackoff
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    return aioredis.Redis.from_url(
        url,
        retry=Retry(ExponentialBackoff(cap=0.2, base=0.02), retries=2),
        retry_on_error=[RedisConnectionError, RedisTimeoutError, ConnectionResetError],
        socket_connect_timeout=0.5,
        socket_timeout=1.0,
    )


def _redis_errors() -> tuple[type[BaseException], ...]:
    from redis.exceptions import RedisError

    return (RedisError, OSError)


class RedisGuard:
    """Runs a Redis call, or its in-process fallback while Redis is down.

    ``degraded`` is true from a failure until a call succeeds again (``/health`` reports
    it). During the cool-down no call goes to Redis at all, so an outage does not add a
    connect timeout to every request.
    """

    def __init__(
        self,
        what: str,
        *,
        cooldown_seconds: float = DEFAULT_COOLDOWN_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.what = what
        self.cooldown = cooldown_seconds
        self._now = monotonic
        self._retry_at: float | None = None

    @property
    def degraded(self) -> bool:
        return self._retry_at is not None

    async def call(
        self, primary: Callable[[], Awaitable[T]], fallback: Callable[[], Awaitable[T]]
    ) -> T:
        if self._retry_at is not None and self._now() < self._retry_at:
            return await fallback()
        try:
            result = await primary()
        except _redis_errors() as exc:
            if self._retry_at is None:
                log.warning(
                    "Redis unreachable (%s): %s falls back to per-process counting",
                    type(exc).__name__,
                    self.what,
                )
            self._retry_at = self._now() + self.cooldown
            return await fallback()
        if self._retry_at is not None:
            log.warning("Redis is back: %s counts in Redis again", self.what)
            self._retry_at = None
        return result
