"""API rate limiters: fixed windows, in memory (embedded default) or in Redis (shared by
every process behind a load balancer). Same style as the login throttles. The Redis one
counts in this process while Redis is down (``RedisGuard``): the API keeps answering."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

from cma_adapters.security.redis_guard import RedisGuard, resilient_redis
from cma_core.identity.ports import RateLimiter


class InMemoryRateLimiter(RateLimiter):
    def __init__(self, *, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._now = monotonic
        self._windows: dict[str, tuple[int, float]] = {}

    async def hit(self, key: str, *, limit: int, window_seconds: int) -> int:
        now = self._now()
        count, ends = self._windows.get(key, (0, 0.0))
        if now >= ends:
            count, ends = 0, now + window_seconds
            if len(self._windows) > 10_000:
                self._windows = {k: v for k, v in self._windows.items() if v[1] > now}
        count += 1
        self._windows[key] = (count, ends)
        if count <= limit:
            return 0
        return max(1, math.ceil(ends - now))


class RedisRateLimiter(RateLimiter):
    """``INCR`` + ``EXPIRE NX`` in one transaction; the key's TTL is the ``Retry-After``.
    Keys hold a user id or an address, never personal data."""

    def __init__(
        self, client: Any, *, namespace: str = "cma", guard: RedisGuard | None = None
    ) -> None:
        self._r = client
        self._prefix = f"{namespace}:rate:"
        self.guard = guard or RedisGuard("the API rate limiter")
        self._fallback = InMemoryRateLimiter()

    @classmethod
    def from_url(cls, url: str, **kw: Any) -> RedisRateLimiter:
        return cls(resilient_redis(url), **kw)

    async def hit(self, key: str, *, limit: int, window_seconds: int) -> int:
        return await self.guard.call(
            lambda: self._hit(key, limit, window_seconds),
            lambda: self._fallback.hit(key, limit=limit, window_seconds=window_seconds),
        )

    async def _hit(self, key: str, limit: int, window_seconds: int) -> int:
        name = self._prefix + key
        async with self._r.pipeline(transaction=True) as pipe:
            pipe.incr(name)
            pipe.expire(name, window_seconds, nx=True)
            pipe.ttl(name)
            count, _, ttl = await pipe.execute()
        if int(count) <= limit:
            return 0
        return max(1, int(ttl) if int(ttl) > 0 else window_seconds)

    async def aclose(self) -> None:
        await self._r.aclose()
