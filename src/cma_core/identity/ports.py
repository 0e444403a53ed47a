"""Ports of the identity area: the identity store (centres, users, memberships,
grants), password hashing, the login throttle, refresh tokens, one-time passwords and the
request rate limiter.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Protocol

from cma_core.identity.model import Centre, TenantContext, User
from cma_core.identity.second_factor import SecondFactorPolicy
from cma_core.identity.sessions import PasswordReset, RefreshToken, ResetRequest
from cma_core.shared.ids import CentreId, UserId


class SignInAudit(Protocol):
    """Where sign-in and session events are audited: the audit area's trail (identity sits
    below audit, so it names only this narrow port)."""

    async def __call__(
        self,
        ctx: TenantContext,
        action: str,
        entity_type: str,
        entity_id: str,
        *,
        fields: tuple[str, ...] = (),
    ) -> None:
        """Append one entry to ``ctx``'s centre's chain in a transaction of its own."""
        ...


class PasswordHasher(Protocol):
    def hash(self, password: str) -> str:
        """A salted, slow hash of ``password`` (the encoded form carries its parameters)."""
        ...

    def verify(self, password_hash: str, password: str) -> bool:
        """True if ``password`` matches. Never raises for a wrong password."""
        ...

    def needs_rehash(self, password_hash: str) -> bool:
        """True if the hash was made with weaker parameters than today's."""
        ...


class IdentityStore(Protocol):
    """Centres and users: the platform-level records that sit above tenancy.

    Users are global (one person may work for several centres); memberships say where.
    """

    async def add_centre(self, centre: Centre) -> None: ...

    async def get_centre(self, centre_id: CentreId) -> Centre | None: ...

    async def list_centres(self) -> Sequence[Centre]: ...

    async def add_user(self, user: User) -> None:
        """Raises ``Conflict`` if the email is taken."""
        ...

    async def save_user(self, user: User) -> None: ...

    async def get_user(self, user_id: UserId) -> User | None: ...

    async def get_user_by_email(self, email: str) -> User | None: ...

    async def list_users(self, centre_id: CentreId) -> Sequence[User]: ...

    async def get_second_factor_policy(self, centre_id: CentreId) -> SecondFactorPolicy | None:
        """The centre's second-factor rule; ``None`` if never saved."""
        ...

    async def save_second_factor_policy(
        self, policy: SecondFactorPolicy, *, expected_version: int
    ) -> SecondFactorPolicy:
        """Store ``policy`` if the stored version is ``expected_version`` (0: none stored
        yet), else ``StaleVersion``; returns it with the version raised by one."""
        ...

    async def replace_recovery_codes(
        self, user_id: UserId, digests: Sequence[str], at: dt.datetime
    ) -> None:
        """Make ``digests`` the user's only recovery codes (none: drop them all), each
        unused; every earlier code stops working."""
        ...

    async def use_recovery_code(self, user_id: UserId, digest: str, at: dt.datetime) -> bool:
        """Spend the user's unused code with ``digest``, atomically: True for exactly one
        of any number of concurrent uses, False for an unknown or spent code."""
        ...

    async def recovery_codes_left(self, user_id: UserId) -> int:
        """How many of the user's recovery codes are still unused."""
        ...

    async def remember_centre(self, user_id: UserId, centre_id: CentreId) -> None:
        """Record the centre the person last signed in to or switched to, where a sign-in
        that names no centre lands next. Not part of the user's stored version: an admin's
        edit read before it neither loses to it nor undoes it."""
        ...

    async def last_centre(self, user_id: UserId) -> CentreId | None:
        """The centre last recorded by ``remember_centre`` (``None``: never, or that centre
        is gone)."""
        ...


class LoginThrottle(Protocol):
    """Slows down password guessing without letting a stranger lock anyone out.

    Per account (its email's blind index): a few failures are free, then each further one
    makes the account wait twice as long before the next try (1 s, 2 s, 4 s... capped),
    and a success forgets them. Never a lock that outlasts the cap: the right password
    works once the short wait is over, however many wrong ones a stranger sent.
    Per client address: a fixed number of failures per window, for every account tried
    from it together (one address spraying many accounts). Counters live in memory by
    default and in Redis in production, so every API process sees the same counts."""

    async def blocked_for(self, account: str, address: str | None) -> int:
        """Seconds until a sign-in of ``account`` from ``address`` may be tried; 0: now."""
        ...

    async def record_failure(self, account: str, address: str | None) -> None:
        """Count one failed sign-in against the account and the address."""
        ...

    async def reset(self, account: str) -> None:
        """Forget an account's failures (after it signed in successfully)."""
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

    async def family_revoked(self, family_id: uuid.UUID) -> bool:
        """True once any token of the family was revoked (sign-out, reuse, sign-out
        everywhere): the session the family stands for has ended. The source of truth
        behind the access tokens' session check."""
        ...

    async def list_user(self, user_id: UserId, now: dt.datetime) -> Sequence[RefreshToken]:
        """The user's tokens not revoked and not expired at ``now`` (used ones included:
        they date the start of their session)."""
        ...

    async def set_authenticated(self, family_id: uuid.UUID, at: dt.datetime) -> None:
        """Record a step-up: the family's tokens carry ``at`` as their ``authenticated_at``
        (so a refresh keeps it)."""
        ...


class PasswordResetStore(Protocol):
    """Password-reset tokens (hashes only). Platform-level, like users."""

    async def add(self, reset: PasswordReset) -> None: ...

    async def get_by_hash(self, token_hash: str) -> PasswordReset | None: ...

    async def mark_used(self, reset_id: uuid.UUID, at: dt.datetime) -> bool:
        """Use the token up, atomically: ``False`` if it was already used (two resets
        racing with one token: exactly one wins)."""
        ...

    async def use_all(self, user_id: UserId, at: dt.datetime) -> None:
        """Use up every unused token of the user (a newer one was sent, or the password
        changed): only the latest link ever works."""
        ...


class ResetRequestQueue(Protocol):
    """Forgotten-password requests between the API and the worker (platform-level, like
    users). The address is personal data: sealed at rest by the adapter."""

    async def add(self, request: ResetRequest) -> None: ...

    async def pending(self, *, claimed_before: dt.datetime, limit: int) -> Sequence[ResetRequest]:
        """Requests not yet done, oldest first: never claimed, or claimed before
        ``claimed_before`` (the worker holding them died or the mail failed)."""
        ...

    async def claim(
        self, request_id: uuid.UUID, at: dt.datetime, *, claimed_before: dt.datetime
    ) -> bool:
        """Take the request for this worker, atomically: ``False`` if another holds it."""
        ...

    async def done(self, request_id: uuid.UUID) -> None:
        """Forget the request (mailed, or nothing to mail)."""
        ...


class AccountMail(Protocol):
    """How account mail (the password-reset link) reaches a user: the notifier port of
    the scheduling area, adapted (identity sits below it and names only this)."""

    async def __call__(self, *, to: str, subject: str, body: str, key: str) -> None:
        """Send one email; ``key`` names it across retries. Raises on failure."""
        ...


class SessionRevocations(Protocol):
    """A fast, shared list of ended sessions that access tokens are checked against on
    every request: in Redis in production (every API process sees a sign-out at once), in
    this process otherwise. Entries need live only as long as an access token; the
    database (``RefreshTokenStore.family_revoked``) stays the source of truth."""

    async def revoke_session(self, session_id: uuid.UUID, *, ttl_seconds: int) -> None:
        """Record that the session ``session_id`` (a refresh family) has ended."""
        ...

    async def revoke_user(self, user_id: UserId, at: dt.datetime, *, ttl_seconds: int) -> None:
        """Record that every session of ``user_id`` begun before ``at`` has ended."""
        ...

    async def ended(
        self, session_id: uuid.UUID | None, user_id: UserId, issued_at: dt.datetime
    ) -> bool:
        """True if the session was revoked, or its user signed out everywhere after
        ``issued_at``; False when nothing is known (the caller asks the database)."""
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


__all__ = [
    "AccountMail",
    "LoginThrottle",
    "OneTimePasswords",
    "PasswordResetStore",
    "RefreshTokenStore",
    "ResetRequestQueue",
    "Sequence",
    "SessionRevocations",
]


class RateLimiter(Protocol):
    """Fixed-window request counters."""

    async def hit(self, key: str, *, limit: int, window_seconds: int) -> int:
        """Count one request against ``key``.

        Returns:
            0 if this request is within ``limit`` for the current window; otherwise the
            whole seconds until the window ends (the ``Retry-After``), at least 1. A refused
            request still counts, so hammering does not shorten the wait.
        """
        ...
