"""Identity over HTTP: sign-in, tokens, sessions, TOTP and permission grants."""

from cma_entrypoints.http.identity.accounts import AccountController
from cma_entrypoints.http.identity.controllers import (
    AuthController,
    GrantController,
    SessionController,
)
from cma_entrypoints.http.identity.staff import StaffController

__all__ = [
    "AccountController",
    "AuthController",
    "GrantController",
    "SessionController",
    "StaffController",
]
