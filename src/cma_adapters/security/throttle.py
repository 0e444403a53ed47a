"""Login throttles: fixed-window failure counters, in memory (embedded default) or Redis."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from typing import Any

from cma_adapters.security.redis_guard import RedisGuard, resilient_redis
from cma_core.identity.ports import LoginThrottle


class InMemoryLoginThrottle(LoginThrottle):
    """One process's counters. Right for the embedded default (one process); behind a load
    balancer use ``RedisLoginThrottle`` so every process sees the same counts."""

    def __init__(
        self,
        *,
        limit: int = 5,
        window_seconds: int = 900,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window_seconds
        self._now = monotonic
        self._counts: dict[str, tuple[int, float]] = {}

    def _live(self, key: str) -> tuple[int, float] | None:
        entry = self._counts.get(key)
        if entry is None:
            return None
        if self._now() >= entry[1]:
            del self._counts[key]
            return None
        return entry

    async def blocked_for(self, keys: Sequence[str]) -> int:
        wait = 0.0
        for key in keys:
            entry = self._live(key)
            if entry is not None and entry[0] >= self.limit:
                wait = max(wait, entry[1] - self._now())
        return math.ceil(wait)

    async def record_failure(self, keys: Sequence[str]) -> None:
        for key in keys:
            entry = self._live(key)
            if entry is None:
                self._counts[key] = (1, self._now() + self.window)
            else:
                self._counts[key] = (entry[0] + 1, entry[1])

    async def reset(self, key: str) -> None:
        self._counts.pop(key, None)


class RedisLoginThrottle(LoginThrottle):
    """Counters in Redis (``redis.asyncio``): ``INCR`` and, on the first failure of a
    window, ``EXPIRE``; the key's TTL is the ``Retry-After``. Keys are namespaced and hold
    only blind indexes or addresses, never an email. While Redis is down the counts are
    this process's own (``RedisGuard``), so sign-in keeps working and stays throttled."""

    def __init__(
        self,
        client: Any,
        *,
        limit: int = 5,
        window_seconds: int = 900,
        namespace: str = "cma",
        guard: RedisGuard | None = None,
    ) -> None:
        self._r = client
        self.limit = limit
        self.window = window_seconds
        self._prefix = f"{namespace}:login-fail:"
        self.guard = guard or RedisGuard("the login throttle")
        self._fallback = InMemoryLoginThrottle(limit=limit, window_seconds=window_seconds)

    @classmethod
    def from_url(cls, url: str, **kw: Any) -> RedisLoginThrottle:
        return cls(resilient_redis(url), **kw)

    async def blocked_for(self, keys: Sequence[str]) -> int:
        return await self.guard.call(
            lambda: self._blocked_for(keys), lambda: self._fallback.blocked_for(keys)
        )

    async def record_failure(self, keys: Sequence[str]) -> None:
        await self.guard.call(
            lambda: self._record_failure(keys), lambda: self._fallback.record_failure(keys)
        )

    async def reset(self, key: str) -> None:
        await self._fallback.reset(key)
        await self.guard.call(lambda: self._reset(key), lambda: self._fallback.reset(key))

    async def _blocked_for(self, keys: Sequence[str]) -> int:
        wait = 0
        for key in keys:
            name = self._prefix + key
            count = await self._r.get(name)
            if count is not None and int(count) >= self.limit:
                ttl = int(await self._r.ttl(name))
                wait = max(wait, ttl if ttl > 0 else self.window)
        return wait

    async def _record_failure(self, keys: Sequence[str]) -> None:
        for key in keys:
            name = self._prefix + key
            async with self._r.pipeline(transaction=True) as pipe:
                pipe.incr(name)
                pipe.expire(name, self.window, nx=True)
                await pipe.execute()

    async def _reset(self, key: str) -> None:
        await self._r.delete(self._prefix + key)

    async def aclose(self) -> None:
        await self._r.aclose()
