"""Sessions: refresh-token rotation with reuse detection, logout, switching centre."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from collections.abc import Callable

from attrs import define, field

from cma_core.identity.errors import InvalidSession
from cma_core.identity.model import TenantContext
from cma_core.identity.ports import RefreshTokenStore
from cma_core.identity.service import IdentityService
from cma_core.identity.sessions import RefreshToken, hash_token
from cma_core.shared.clock import Clock
from cma_core.shared.errors import NotFound, PermissionDenied
from cma_core.shared.ids import CentreId

DEFAULT_REFRESH_TTL = dt.timedelta(days=14)


def _new_raw_token() -> str:
    return secrets.token_urlsafe(32)


@define
class SessionService:
    tokens: RefreshTokenStore
    identity: IdentityService
    clock: Clock
    ttl: dt.timedelta = DEFAULT_REFRESH_TTL
    new_raw_token: Callable[[], str] = field(default=_new_raw_token)

    async def start(self, ctx: TenantContext, *, family_id: uuid.UUID | None = None) -> str:
        """Issue a refresh token for ``ctx`` (a new family unless continuing one)."""
        assert ctx.user_id is not None
        raw = self.new_raw_token()
        now = self.clock.now()
        await self.tokens.add(
            RefreshToken(
                id=uuid.uuid4(),
                family_id=family_id or uuid.uuid4(),
                user_id=ctx.user_id,
                centre_id=ctx.centre_id,
                token_hash=hash_token(raw),
                issued_at=now,
                expires_at=now + self.ttl,
            )
        )
        return raw

    async def rotate(self, raw: str) -> tuple[TenantContext, str]:
        """Use up ``raw`` and return a fresh context (current roles) and the next token.

        A token already used (or revoked) revokes its whole family: whoever holds the
        newer token has to sign in again, so a stolen token is worth one use at most.
        """
        now = self.clock.now()
        token = await self.tokens.get_by_hash(hash_token(raw))
        if token is None:
            raise InvalidSession()
        if token.used_at is not None or token.revoked_at is not None:
            await self._reuse(token)
            raise InvalidSession()
        if now >= token.expires_at:
            raise InvalidSession()
        if not await self.tokens.mark_used(token.id, now):
            await self._reuse(token)  # lost a race with another use of the same token
            raise InvalidSession()
        try:
            ctx = await self.identity.context_for(token.user_id, token.centre_id)
        except NotFound:
            await self.tokens.revoke_family(token.family_id, now)
            raise InvalidSession() from None
        new_raw = await self.start(ctx, family_id=token.family_id)
        await self.identity.audit_event(ctx, "auth.refreshed", "user", str(ctx.user_id))
        return ctx, new_raw

    async def _reuse(self, token: RefreshToken) -> None:
        if token.revoked_at is None or token.used_at is not None:
            await self.tokens.revoke_family(token.family_id, self.clock.now())
        ctx = TenantContext(centre_id=token.centre_id, user_id=token.user_id, roles=frozenset())
        await self.identity.audit_event(ctx, "auth.refresh_reused", "user", str(token.user_id))

    async def logout(self, ctx: TenantContext, raw: str | None) -> None:
        """End the session: revoke the refresh token's family (if it is the caller's)."""
        if raw:
            token = await self.tokens.get_by_hash(hash_token(raw))
            if token is not None and token.user_id == ctx.user_id:
                await self.tokens.revoke_family(token.family_id, self.clock.now())
        await self.identity.audit_event(ctx, "auth.logout", "user", str(ctx.user_id))

    async def switch_centre(self, ctx: TenantContext, centre_id: CentreId) -> TenantContext:
        """A context for another centre of the same user (403 if not a member)."""
        if ctx.user_id is None:
            raise PermissionDenied("only a signed-in user can switch centre")
        try:
            new_ctx = await self.identity.context_for(ctx.user_id, centre_id)
        except NotFound:
            raise PermissionDenied("you do not work for that centre") from None
        await self.identity.audit_event(new_ctx, "auth.centre_switched", "user", str(ctx.user_id))
        return new_ctx
