"""The session check every access token passes on every request.

An access token is a signed statement that lives for minutes. Two things must end it
sooner: its session being signed out (logout, sign-out everywhere, a replayed refresh
token) and its user no longer working for the centre (membership removed or deactivated
there, account locked). ``SessionGate`` answers "is this token's session still live?":

1. the shared revocation list (``SessionRevocations``: Redis, or this process while Redis
   is down) says at once if the session or the user's sessions were ended;
2. otherwise the database decides (the refresh-token family not revoked; the user active
   and a member of the centre), and its verdict is kept for ``cache_seconds`` so a busy
   session costs one query every few seconds, not one per request. Requests of one session
   that arrive while that query runs wait for its verdict instead of each asking again
   (a client with 16 requests in flight sent 16 queries every time the verdict expired).

So a sign-out takes effect at once wherever Redis is shared, and within ``cache_seconds``
(plus nothing) everywhere else; a removed member within ``cache_seconds``.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable

from attrs import define, field

from cma_core.identity.model import TenantContext
from cma_core.identity.ports import IdentityStore, RefreshTokenStore, SessionRevocations
from cma_core.shared.ids import CentreId, UserId

#: How long a database verdict on a session is trusted (``CMA_SESSION_CHECK_SECONDS``).
DEFAULT_CACHE_SECONDS = 5.0
_CACHE_MAX = 20_000

_Key = tuple[uuid.UUID | None, UserId, CentreId]


@define
class SessionGate:
    identity: IdentityStore
    tokens: RefreshTokenStore
    revocations: SessionRevocations
    cache_seconds: float = DEFAULT_CACHE_SECONDS
    monotonic: Callable[[], float] = field(default=time.monotonic, repr=False)
    _verdicts: dict[_Key, tuple[bool, float]] = field(factory=dict, init=False, repr=False)
    #: The database question being asked for a key: later askers wait for its verdict.
    _asking: dict[_Key, asyncio.Future[bool | None]] = field(factory=dict, init=False, repr=False)

    async def live(self, ctx: TenantContext) -> bool:
        """False if ``ctx``'s session has ended or its user no longer works for its centre."""
        if ctx.user_id is None:
            return False
        if ctx.issued_at is not None and await self.revocations.ended(
            ctx.session_id, ctx.user_id, ctx.issued_at
        ):
            return False
        key: _Key = (ctx.session_id, ctx.user_id, ctx.centre_id)
        while True:
            now = self.monotonic()
            cached = self._verdicts.get(key)
            if cached is not None and now < cached[1]:
                return cached[0]
            asking = self._asking.get(key)
            if asking is None:
                return await self._ask_once(key, now)
            shared = await asyncio.shield(asking)
            if shared is not None:
                return shared
            # The question failed for the one who asked it (its request got the error):
            # the waiting ones ask again, one of them for all.

    async def _ask_once(self, key: _Key, now: float) -> bool:
        """Ask the database for ``key``'s verdict and cache it; concurrent askers of the
        same key get it too (or ``None`` if the question failed, to ask themselves)."""
        asking: asyncio.Future[bool | None] = asyncio.get_running_loop().create_future()
        self._asking[key] = asking
        answered: bool | None = None
        try:
            answered = verdict = await self._ask_database(*key)
        finally:
            current = self._asking.get(key) is asking  # not forgotten meanwhile
            if current:
                del self._asking[key]
            asking.set_result(answered)
        if not current:
            return verdict  # answers this request; not kept for the next
        if len(self._verdicts) >= _CACHE_MAX:
            self._verdicts = {k: v for k, v in self._verdicts.items() if v[1] > now}
            if len(self._verdicts) >= _CACHE_MAX:
                self._verdicts.clear()
        self._verdicts[key] = (verdict, now + self.cache_seconds)
        return verdict

    def forget(self, session_id: uuid.UUID | None = None, user_id: UserId | None = None) -> None:
        """Drop this process's cached verdicts for a session or a user (after it ended
        them itself), so the next request asks again."""
        for key in [
            k for k in self._verdicts if k[0] == session_id or (user_id and k[1] == user_id)
        ]:
            del self._verdicts[key]
        # A question already asked may predate the change: the next request asks anew.
        for key in [k for k in self._asking if k[0] == session_id or (user_id and k[1] == user_id)]:
            del self._asking[key]

    async def _ask_database(
        self, session_id: uuid.UUID | None, user_id: UserId, centre_id: CentreId
    ) -> bool:
        user = await self.identity.get_user(user_id)
        if user is None or not user.active_in(centre_id):
            return False
        return session_id is None or not await self.tokens.family_revoked(session_id)
