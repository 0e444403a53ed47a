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

    def live(self, now: dt.datetime) -> bool:
        return self.used_at is None and self.revoked_at is None and now < self.expires_at
