"""Refresh tokens: long-lived, single-use, stored only as a hash.

A sign-in starts a *family*. Each refresh uses up the presented token and issues the next
one of the same family. A used token presented again means it was copied (the thief or the
user is replaying it), so the whole family is revoked: both have to sign in again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

from attrs import frozen

from cma_core.shared.ids import CentreId, UserId


def hash_token(raw: str) -> str:
    """SHA-256 hex of the raw token. The tokens are 256 random bits, so a fast hash is
    enough: there is nothing to brute-force, unlike a password."""
    return hashlib.sha256(raw.encode()).hexdigest()


@frozen(kw_only=True)
class RefreshToken:
    id: uuid.UUID
    family_id: uuid.UUID
    user_id: UserId
    centre_id: CentreId
    token_hash: str
    issued_at: dt.datetime
    expires_at: dt.datetime
    used_at: dt.datetime | None = None
    revoked_at: dt.datetime | None = None
    #: When the user last proved who they are in this family (sign-in or step-up): the
    #: access tokens' ``auth_time``. Carried from token to token by rotation.
    authenticated_at: dt.datetime | None = None
    #: Where the token was issued to: the client address and a short summary of the user
    #: agent ("Firefox on Linux"), never the whole header (shown in the session list).
    address: str | None = None
    user_agent: str | None = None

    def live(self, now: dt.datetime) -> bool:
        return self.used_at is None and self.revoked_at is None and now < self.expires_at


@frozen
class Client:
    """Where a request came from: the client address and a user-agent summary."""

    address: str | None = None
    user_agent: str | None = None


@frozen(kw_only=True)
class ActiveSession:
    """One signed-in session (a refresh family) as its owner sees it."""

    id: uuid.UUID
    centre_id: CentreId
    created_at: dt.datetime
    #: The last sign-in or refresh of the session (access tokens are not recorded per use).
    last_used_at: dt.datetime
    address: str | None
    user_agent: str | None
    current: bool


def active_sessions(
    tokens: list[RefreshToken], now: dt.datetime, current: uuid.UUID | None
) -> list[ActiveSession]:
    """The live sessions among a user's tokens, the most recently used first. A family is
    live while none of its tokens is revoked and its newest has not expired."""
    families: dict[uuid.UUID, list[RefreshToken]] = {}
    for token in tokens:
        families.setdefault(token.family_id, []).append(token)
    out: list[ActiveSession] = []
    for family_id, members in families.items():
        newest = max(members, key=lambda t: t.issued_at)
        if any(t.revoked_at is not None for t in members) or now >= newest.expires_at:
            continue
        out.append(
            ActiveSession(
                id=family_id,
                centre_id=newest.centre_id,
                created_at=min(t.issued_at for t in members),
                last_used_at=newest.issued_at,
                address=newest.address,
                user_agent=newest.user_agent,
                current=family_id == current,
            )
        )
    return sorted(out, key=lambda s: (s.last_used_at, s.id), reverse=True)


@frozen(kw_only=True)
class PasswordReset:
    """A password-reset token: 256 random bits mailed to the user, stored only as a hash;
    single-use and short-lived."""

    id: uuid.UUID
    user_id: UserId
    token_hash: str
    created_at: dt.datetime
    expires_at: dt.datetime
    used_at: dt.datetime | None = None

    def live(self, now: dt.datetime) -> bool:
        return self.used_at is None and now < self.expires_at


@frozen(kw_only=True)
class ResetRequest:
    """A forgotten-password request waiting for the worker: the address as typed
    (normalised), whether or not it has an account. The request itself only queues it, so
    an existing and an unknown address cost the caller the same work (no timing signal)."""

    id: uuid.UUID
    email: str
    requested_at: dt.datetime
