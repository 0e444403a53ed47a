"""Identity over HTTP: sign-in, tokens, sessions, TOTP and permission grants."""

from cma_entrypoints.http.identity.controllers import (
    AuthController,
    GrantController,
    SessionController,
)

__all__ = ["AuthController", "GrantController", "SessionController"]
