"""Errors of signing in and sessions."""

from __future__ import annotations

from cma_core.shared.errors import DomainError


class TooManyAttempts(DomainError):
    """Sign-in is throttled for this account or address; try again after ``retry_after``."""

    code = "too-many-attempts"

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many failed sign-in attempts; try again in {retry_after} s")
        self.retry_after = max(1, int(retry_after))


class SecondFactorRequired(DomainError):
    """The password was right but the account needs a one-time code (``otp``)."""

    code = "otp-required"

    def __init__(self) -> None:
        super().__init__("a one-time code (otp) from your authenticator app is required")


class InvalidSession(DomainError):
    """A refresh token that is unknown, expired, revoked or already used."""

    code = "invalid-session"

    def __init__(self) -> None:
        super().__init__("the refresh token is not valid; sign in again")
