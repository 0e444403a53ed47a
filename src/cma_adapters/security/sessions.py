"""Ended sessions, for the access-token check (``SessionGate``): in this process (the
embedded default) or in Redis (shared by every API process), with the same fall-back to
this process's own list while Redis is down as the rate limiters (``RedisGuard``)."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Callable
from typing import Any

from cma_adapters.security.redis_guard import RedisGuard, resilient_redis
from cma_core.identity.ports import SessionRevocations
from cma_core.shared.ids import UserId

_MAX_ENTRIES = 100_000


class InMemorySessionRevocations(SessionRevocations):
    """Ended sessions and sign-out-everywhere cut-offs, each kept for ``ttl_seconds``
    (an access token's lifetime: after that no token of the session is left to refuse)."""

    def __init__(self, *, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._now = monotonic
        self._sessions: dict[uuid.UUID, float] = {}
        self._users: dict[UserId, tuple[int, float]] = {}

    def _prune(self) -> None:
        if len(self._sessions) + len(self._users) < _MAX_ENTRIES:
            return
        now = self._now()
        self._sessions = {k: v for k, v in self._sessions.items() if v > now}
        self._users = {k: v for k, v in self._users.items() if v[1] > now}

    async def revoke_session(self, session_id: uuid.UUID, *, ttl_seconds: int) -> None:
        self._prune()
        self._sessions[session_id] = self._now() + ttl_seconds

    async def revoke_user(self, user_id: UserId, at: dt.datetime, *, ttl_seconds: int) -> None:
        self._prune()
        cutoff = int(at.timestamp())
        previous = self._users.get(user_id)
        if previous is not None:
            cutoff = max(cutoff, previous[0])
        self._users[user_id] = (cutoff, self._now() + ttl_seconds)

    async def ended(
        self, session_id: uuid.UUID | None, user_id: UserId, issued_at: dt.datetime
    ) -> bool:
        now = self._now()
        if session_id is not None:
            until = self._sessions.get(session_id)
            if until is not None and now < until:
                return True
        cut = self._users.get(user_id)
        return cut is not None and now < cut[1] and int(issued_at.timestamp()) < cut[0]


class RedisSessionRevocations(SessionRevocations):
    """``SET key 1 EX ttl`` per ended session and ``SET key <cut-off> EX ttl`` per user
    signed out everywhere; one ``MGET`` per check. Keys hold ids and times only."""

    def __init__(
        self, client: Any, *, namespace: str = "cma", guard: RedisGuard | None = None
    ) -> None:
        self._r = client
        self._prefix = f"{namespace}:session-ended:"
        self._user_prefix = f"{namespace}:user-signed-out:"
        self.guard = guard or RedisGuard("the session revocation list")
        self._fallback = InMemorySessionRevocations()

    @classmethod
    def from_url(cls, url: str, **kw: Any) -> RedisSessionRevocations:
        return cls(resilient_redis(url), **kw)

    async def revoke_session(self, session_id: uuid.UUID, *, ttl_seconds: int) -> None:
        # Always remembered here as well: this process refuses the token even if the
        # write to Redis is lost; other processes have the database within seconds.
        await self._fallback.revoke_session(session_id, ttl_seconds=ttl_seconds)

        async def primary() -> None:
            await self._r.set(self._prefix + str(session_id), "1", ex=max(1, ttl_seconds))

        await self.guard.call(primary, _nothing)

    async def revoke_user(self, user_id: UserId, at: dt.datetime, *, ttl_seconds: int) -> None:
        await self._fallback.revoke_user(user_id, at, ttl_seconds=ttl_seconds)

        async def primary() -> None:
            await self._r.set(
                self._user_prefix + str(user_id), str(int(at.timestamp())), ex=max(1, ttl_seconds)
            )

        await self.guard.call(primary, _nothing)

    async def ended(
        self, session_id: uuid.UUID | None, user_id: UserId, issued_at: dt.datetime
    ) -> bool:
        if await self._fallback.ended(session_id, user_id, issued_at):
            return True

        async def primary() -> bool:
            names = [self._user_prefix + str(user_id)]
            if session_id is not None:
                names.append(self._prefix + str(session_id))
            values = await self._r.mget(names)
            if len(values) > 1 and values[1] is not None:
                return True
            return values[0] is not None and int(issued_at.timestamp()) < int(values[0])

        async def unknown() -> bool:
            return False  # the database decides (SessionGate), within its cache time

        return await self.guard.call(primary, unknown)

    async def aclose(self) -> None:
        await self._r.aclose()


async def _nothing() -> None:
    return None
