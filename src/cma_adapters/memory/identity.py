"""In-memory refresh-token and password-reset stores (unit tests, embedding programs)."""

from __future__ import annotations

import datetime as dt
import uuid

import attrs

from cma_core.identity.ports import PasswordResetStore, RefreshTokenStore, ResetRequestQueue
from cma_core.identity.sessions import PasswordReset, RefreshToken, ResetRequest
from cma_core.shared.ids import UserId


class InMemoryRefreshTokenStore(RefreshTokenStore):
    def __init__(self) -> None:
        self.tokens: dict[uuid.UUID, RefreshToken] = {}

    async def add(self, token: RefreshToken) -> None:
        self.tokens[token.id] = token

    async def get_by_hash(self, token_hash: str) -> RefreshToken | None:
        return next((t for t in self.tokens.values() if t.token_hash == token_hash), None)

    async def mark_used(self, token_id: uuid.UUID, at: dt.datetime) -> bool:
        token = self.tokens.get(token_id)
        if token is None or token.used_at is not None or token.revoked_at is not None:
            return False
        self.tokens[token_id] = attrs.evolve(token, used_at=at)
        return True

    async def revoke_family(self, family_id: uuid.UUID, at: dt.datetime) -> None:
        for key, t in list(self.tokens.items()):
            if t.family_id == family_id and t.revoked_at is None:
                self.tokens[key] = attrs.evolve(t, revoked_at=at)

    async def revoke_user(self, user_id: UserId, at: dt.datetime) -> None:
        for key, t in list(self.tokens.items()):
            if t.user_id == user_id and t.revoked_at is None:
                self.tokens[key] = attrs.evolve(t, revoked_at=at)

    async def family_revoked(self, family_id: uuid.UUID) -> bool:
        return any(
            t.family_id == family_id and t.revoked_at is not None for t in self.tokens.values()
        )

    async def list_user(self, user_id: UserId, now: dt.datetime) -> list[RefreshToken]:
        return [
            t
            for t in self.tokens.values()
            if t.user_id == user_id and t.revoked_at is None and now < t.expires_at
        ]

    async def set_authenticated(self, family_id: uuid.UUID, at: dt.datetime) -> None:
        for key, t in list(self.tokens.items()):
            if t.family_id == family_id:
                self.tokens[key] = attrs.evolve(t, authenticated_at=at)


class InMemoryPasswordResetStore(PasswordResetStore):
    def __init__(self) -> None:
        self.resets: dict[uuid.UUID, PasswordReset] = {}

    async def add(self, reset: PasswordReset) -> None:
        self.resets[reset.id] = reset

    async def get_by_hash(self, token_hash: str) -> PasswordReset | None:
        return next((r for r in self.resets.values() if r.token_hash == token_hash), None)

    async def mark_used(self, reset_id: uuid.UUID, at: dt.datetime) -> bool:
        reset = self.resets.get(reset_id)
        if reset is None or reset.used_at is not None:
            return False
        self.resets[reset_id] = attrs.evolve(reset, used_at=at)
        return True

    async def use_all(self, user_id: UserId, at: dt.datetime) -> None:
        for key, r in list(self.resets.items()):
            if r.user_id == user_id and r.used_at is None:
                self.resets[key] = attrs.evolve(r, used_at=at)


class InMemoryResetRequestQueue(ResetRequestQueue):
    def __init__(self) -> None:
        self.requests: dict[uuid.UUID, tuple[ResetRequest, dt.datetime | None]] = {}

    async def add(self, request: ResetRequest) -> None:
        self.requests[request.id] = (request, None)

    async def pending(self, *, claimed_before: dt.datetime, limit: int) -> list[ResetRequest]:
        waiting = [r for r, at in self.requests.values() if at is None or at < claimed_before]
        return sorted(waiting, key=lambda r: r.requested_at)[:limit]

    async def claim(
        self, request_id: uuid.UUID, at: dt.datetime, *, claimed_before: dt.datetime
    ) -> bool:
        found = self.requests.get(request_id)
        if found is None or (found[1] is not None and found[1] >= claimed_before):
            return False
        self.requests[request_id] = (found[0], at)
        return True

    async def done(self, request_id: uuid.UUID) -> None:
        self.requests.pop(request_id, None)
