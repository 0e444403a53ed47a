"""Login throttles, in memory (embedded default) or Redis: a progressive delay per account
and a fixed failure budget per client address (``LoginThrottle``).

Why not a hard lock after N failures (what this replaced): anyone who knows an adviser's
email could then keep them out of their work by sending five wrong passwords every
quarter of an hour, and five failures from one office's address locked everyone there.
The usual answer (OWASP's authentication cheat sheet, NIST SP 800-63B §5.2.2) is what this
does: a growing delay between tries on one account, capped so the right password always
gets through soon, and a separate, larger budget per address.

No library: ``limits`` (the usual Python rate-limit library) counts windows but has no
exponential back-off, and the windows here are the same few Redis commands as the API
rate limiter's, with the same fall-back while Redis is down (``RedisGuard``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

from cma_adapters.security.redis_guard import RedisGuard, resilient_redis
from cma_core.identity.ports import LoginThrottle


def backoff_seconds(failures: int, *, free: int, cap: int) -> float:
    """The wait after ``failures`` consecutive failures of one account: none for the first
    ``free - 1``, then 1 s, 2 s, 4 s... never more than ``cap``."""
    if failures < free:
        return 0.0
    return float(min(cap, 2 ** min(failures - free, 30)))


class InMemoryLoginThrottle(LoginThrottle):
    """One process's counters. Right for the embedded default (one process); behind a load
    balancer use ``RedisLoginThrottle`` so every process sees the same counts."""

    def __init__(
        self,
        *,
        limit: int = 5,
        window_seconds: int = 900,
        max_delay_seconds: int = 300,
        address_limit: int = 100,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window_seconds
        self.max_delay = max_delay_seconds
        self.address_limit = address_limit
        self._now = monotonic
        #: account -> (consecutive failures, time of the last one)
        self._accounts: dict[str, tuple[int, float]] = {}
        #: address -> (failures in the window, window end)
        self._addresses: dict[str, tuple[int, float]] = {}

    def _account(self, account: str) -> tuple[int, float] | None:
        entry = self._accounts.get(account)
        if entry is not None and self._now() >= entry[1] + max(self.window, self.max_delay):
            del self._accounts[account]
            return None
        return entry

    def _address(self, address: str) -> tuple[int, float] | None:
        entry = self._addresses.get(address)
        if entry is not None and self._now() >= entry[1]:
            del self._addresses[address]
            return None
        return entry

    async def blocked_for(self, account: str, address: str | None) -> int:
        now = self._now()
        wait = 0.0
        entry = self._account(account)
        if entry is not None:
            delay = backoff_seconds(entry[0], free=self.limit, cap=self.max_delay)
            wait = max(wait, entry[1] + delay - now)
        if address:
            window = self._address(address)
            if window is not None and window[0] >= self.address_limit:
                wait = max(wait, window[1] - now)
        return math.ceil(wait) if wait > 0 else 0

    async def record_failure(self, account: str, address: str | None) -> None:
        now = self._now()
        if len(self._accounts) > 50_000:
            self._accounts = {k: v for k, v in self._accounts.items() if self._account(k)}
        entry = self._account(account)
        self._accounts[account] = ((entry[0] if entry else 0) + 1, now)
        if address:
            window = self._address(address)
            if window is None:
                self._addresses[address] = (1, now + self.window)
            else:
                self._addresses[address] = (window[0] + 1, window[1])

    async def reset(self, account: str) -> None:
        self._accounts.pop(account, None)


class RedisLoginThrottle(LoginThrottle):
    """Counters in Redis (``redis.asyncio``). An account is a hash ``{n, last}`` updated by
    ``HINCRBY`` and ``HSET`` in one transaction, kept for the window after its last
    failure; an address is ``INCR`` + ``EXPIRE NX`` (its TTL is the ``Retry-After``).
    Keys hold only blind indexes or addresses, never an email. While Redis is down the
    counts are this process's own (``RedisGuard``): sign-in keeps working, still slowed."""

    def __init__(
        self,
        client: Any,
        *,
        limit: int = 5,
        window_seconds: int = 900,
        max_delay_seconds: int = 300,
        address_limit: int = 100,
        namespace: str = "cma",
        guard: RedisGuard | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._r = client
        self.limit = limit
        self.window = window_seconds
        self.max_delay = max_delay_seconds
        self.address_limit = address_limit
        self._clock = clock
        self._acct = f"{namespace}:login-acct:"
        self._addr = f"{namespace}:login-addr:"
        self.guard = guard or RedisGuard("the login throttle")
        self._fallback = InMemoryLoginThrottle(
            limit=limit,
            window_seconds=window_seconds,
            max_delay_seconds=max_delay_seconds,
            address_limit=address_limit,
        )

    @classmethod
    def from_url(cls, url: str, **kw: Any) -> RedisLoginThrottle:
        return cls(resilient_redis(url), **kw)

    async def blocked_for(self, account: str, address: str | None) -> int:
        return await self.guard.call(
            lambda: self._blocked_for(account, address),
            lambda: self._fallback.blocked_for(account, address),
        )

    async def record_failure(self, account: str, address: str | None) -> None:
        await self.guard.call(
            lambda: self._record_failure(account, address),
            lambda: self._fallback.record_failure(account, address),
        )

    async def reset(self, account: str) -> None:
        await self._fallback.reset(account)
        await self.guard.call(lambda: self._reset(account), lambda: self._fallback.reset(account))

    async def _blocked_for(self, account: str, address: str | None) -> int:
        async with self._r.pipeline(transaction=False) as pipe:
            pipe.hmget(self._acct + account, "n", "last")
            if address:
                pipe.get(self._addr + address)
                pipe.ttl(self._addr + address)
            results = await pipe.execute()
        wait = 0.0
        n, last = results[0]
        if n is not None and last is not None:
            delay = backoff_seconds(int(n), free=self.limit, cap=self.max_delay)
            wait = float(last) + delay - self._clock()
        if address and results[1] is not None and int(results[1]) >= self.address_limit:
            ttl = int(results[2])
            wait = max(wait, ttl if ttl > 0 else self.window)
        return math.ceil(wait) if wait > 0 else 0

    async def _record_failure(self, account: str, address: str | None) -> None:
        keep = max(self.window, self.max_delay)
        async with self._r.pipeline(transaction=True) as pipe:
            pipe.hincrby(self._acct + account, "n", 1)
            pipe.hset(self._acct + account, "last", repr(self._clock()))
            pipe.expire(self._acct + account, keep)
            if address:
                pipe.incr(self._addr + address)
                pipe.expire(self._addr + address, self.window, nx=True)
            await pipe.execute()

    async def _reset(self, account: str) -> None:
        await self._r.delete(self._acct + account)

    async def aclose(self) -> None:
        await self._r.aclose()
