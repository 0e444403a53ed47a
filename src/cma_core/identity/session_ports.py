"""Ports for sign-in: throttling, refresh tokens, one-time passwords."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Protocol

from cma_core.identity.sessions import RefreshToken
from cma_core.shared.ids import UserId


class LoginThrottle(Protocol):
    """Counts failed sign-ins per key (an account's blind index, a client address) in a
    fixed window. Counters live in memory by default and in Redis in production, so every
    API process sees the same counts."""

    async def blocked_for(self, keys: Sequence[str]) -> int:
        """Seconds until every key may try again; 0 when none has reached the limit."""
        ...

    async def record_failure(self, keys: Sequence[str]) -> None:
        """Count one failure against each key (starting its window if it has none)."""
        ...

    async def reset(self, key: str) -> None:
        """Forget a key's failures (after a successful sign-in of that account)."""
        ...


class RefreshTokenStore(Protocol):
    """Refresh tokens (hashes only). Platform-level: a token names its centre."""

    async def add(self, token: RefreshToken) -> None: ...

    async def get_by_hash(self, token_hash: str) -> RefreshToken | None:
        """The token with that hash, whatever its state, or ``None``."""
        ...

    async def mark_used(self, token_id: uuid.UUID, at: dt.datetime) -> bool:
        """Use the token up, atomically: ``False`` if it was already used or revoked
        (two refreshes racing with one token: exactly one wins)."""
        ...

    async def revoke_family(self, family_id: uuid.UUID, at: dt.datetime) -> None:
        """Revoke every token of the family (idempotent)."""
        ...

    async def revoke_user(self, user_id: UserId, at: dt.datetime) -> None:
        """Revoke every token of the user (password change, deactivation)."""
        ...


class OneTimePasswords(Protocol):
    """Time-based one-time passwords (RFC 6238)."""

    def new_secret(self) -> str:
        """A fresh base32 secret."""
        ...

    def verify(self, secret: str, code: str, at: dt.datetime) -> bool:
        """True if ``code`` is valid at ``at`` (one step of clock drift either way)."""
        ...

    def provisioning_uri(self, secret: str, *, account: str, issuer: str) -> str:
        """The ``otpauth://`` URI an authenticator app reads from a QR code."""
        ...


__all__ = ["LoginThrottle", "OneTimePasswords", "RefreshTokenStore", "Sequence"]
