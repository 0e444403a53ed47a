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


class SecondFactorSetupRequired(DomainError):
    """The token is setup-only: the centre requires a second factor of the user's role and
    they have not set one up. Only TOTP enrolment, step-up, who-am-I and sign-out answer
    until they confirm a code and refresh (``second_factor``)."""

    code = "second-factor-setup-required"

    def __init__(self) -> None:
        super().__init__(
            "this centre requires 2-step verification for your role: set it up first "
            "(POST /api/v1/auth/totp/enrol, then /api/v1/auth/totp/confirm) and refresh "
            "your token"
        )


class InvalidSession(DomainError):
    """A refresh token that is unknown, expired, revoked or already used."""

    code = "invalid-session"

    def __init__(self) -> None:
        super().__init__("the refresh token is not valid; sign in again")


class ReauthenticationRequired(DomainError):
    """A sensitive change needs a recent proof of identity (ASVS 3.7.1): the session's
    last sign-in or step-up is older than ``max_age`` seconds. The client confirms the
    password (and code) at ``POST /api/v1/auth/reauthenticate`` and tries again."""

    code = "reauthentication-required"

    def __init__(self, max_age: int) -> None:
        super().__init__(
            "this change needs a recent sign-in: confirm your password at "
            f"POST /api/v1/auth/reauthenticate (valid for {max_age} s) and try again"
        )
        self.max_age = max_age
