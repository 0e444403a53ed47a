"""Your own account over HTTP: change password, forgotten password (reset by email),
step-up re-authentication before sensitive changes, and your signed-in sessions."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Annotated, Any

from litestar import Controller, Request, Response, delete, get, post

from cma_core.identity.accounts import AccountService
from cma_core.identity.model import TenantContext
from cma_core.identity.service import CentreChoice, IdentityService, SessionService
from cma_core.identity.sessions import ActiveSession, Client
from cma_entrypoints.http.auth import SETUP_ROUTE, TokenCodec
from cma_entrypoints.http.common.examples import example_body, page, with_example
from cma_entrypoints.http.common.params import Limit, Offset
from cma_entrypoints.http.common.responses import slice_out
from cma_entrypoints.http.identity.examples import (
    CENTRE_CHOICE_EXAMPLE,
    RESET_REQUESTED_EXAMPLE,
    SESSION_EXAMPLE,
    TOKEN_EXAMPLE,
)
from cma_entrypoints.http.identity.schemas import (
    CentreChoiceOut,
    CentreChoicePage,
    PasswordChangeIn,
    ReauthenticateIn,
    ResetConfirmIn,
    ResetRequestedOut,
    ResetRequestIn,
    SessionOut,
    SessionPage,
    TokenOut,
)

#: The one answer to every reset request (whether or not the address has an account).
RESET_REQUESTED = (
    "If that address has an account, we have sent it a link to set a new password. "
    "It works once, for a short time."
)

_BROWSERS = (
    ("Edge", re.compile(r"Edg(?:e|A|iOS)?/")),
    ("Opera", re.compile(r"OPR/|Opera")),
    ("Firefox", re.compile(r"Firefox/|FxiOS/")),
    ("Chrome", re.compile(r"Chrome/|CriOS/")),
    ("Safari", re.compile(r"Safari/")),
    ("curl", re.compile(r"^curl/")),
    ("Python", re.compile(r"python-httpx|python-requests|aiohttp", re.I)),
)
_SYSTEMS = (
    ("Windows", re.compile(r"Windows")),
    ("Android", re.compile(r"Android")),
    ("iOS", re.compile(r"iPhone|iPad|iPod")),
    ("macOS", re.compile(r"Mac OS X|Macintosh")),
    ("ChromeOS", re.compile(r"CrOS")),
    ("Linux", re.compile(r"Linux")),
)


def user_agent_summary(header: str | None) -> str | None:
    """ "Firefox on Linux" from a User-Agent header: enough for a person to recognise their
    device, and all that is stored (the whole header is a fingerprint)."""
    if not header:
        return None
    browser = next((name for name, rx in _BROWSERS if rx.search(header)), "Other")
    system = next((name for name, rx in _SYSTEMS if rx.search(header)), None)
    return f"{browser} on {system}" if system else browser


def client_of(request: Request[Any, Any, Any]) -> Client:
    """Where a request came from (the address after the trusted-proxy rule)."""
    address = request.client.host if request.client else None
    return Client(
        address[:64] if address else None, user_agent_summary(request.headers.get("user-agent"))
    )


def _session_out(s: ActiveSession) -> SessionOut:
    return SessionOut(
        id=s.id,
        centre_id=s.centre_id,
        created_at=s.created_at,
        last_used_at=s.last_used_at,
        address=s.address,
        user_agent=s.user_agent,
        current=s.current,
    )


def _centre_out(c: CentreChoice) -> CentreChoiceOut:
    return CentreChoiceOut(
        centre_id=c.centre_id,
        name=c.name,
        roles=sorted(c.roles, key=lambda r: r.value),
        current=c.current,
        active=c.active,
    )


def access_only(ctx: TenantContext, codec: TokenCodec) -> TokenOut:
    """An access token for ``ctx`` (no refresh token: step-up keeps the session's)."""
    now = dt.datetime.now(dt.UTC)
    return TokenOut(
        access_token=codec.issue(ctx, now),
        token_type="bearer",  # noqa: S106 - the OAuth 2 token type, not a secret
        expires_in=codec.lifetime(ctx, now),
        centre_id=ctx.centre_id,
        roles=sorted(r.value for r in ctx.roles),
        second_factor_setup_required=ctx.setup_only,
    )


class AccountController(Controller):
    path = "/api/v1/auth"
    tags = ["auth"]

    @post(
        "/password",
        status_code=204,
        summary="Change your password",
        description="Needs your current password (and code, with TOTP). The new one: 12 to "
        "128 characters, any characters, not a common or breached password and not built "
        "on your email (422 naming `new_password`). A wrong current password is 422 naming "
        "`current_password` (throttled like sign-in). Every *other* session "
        "of yours ends; this one goes on. Audited as `auth.password_changed`.",
    )
    async def change_password(
        self,
        ctx: TenantContext,
        data: Annotated[
            PasswordChangeIn,
            example_body(
                "A new passphrase",
                {
                    "current_password": "correct horse battery",
                    "new_password": "plum tractor lighthouse sings",
                },
            ),
        ],
        accounts: AccountService,
        request: Request[Any, Any, Any],
    ) -> None:
        await accounts.change_password(
            ctx,
            data.current_password,
            data.new_password,
            otp=data.otp,
            address=client_of(request).address,
            recovery_code=data.recovery_code,
        )

    @post(
        "/reauthenticate",
        opt={SETUP_ROUTE: True},
        status_code=200,
        summary="Confirm your password before a sensitive change (step-up)",
        operation_class=with_example(TOKEN_EXAMPLE, "A freshly authenticated access token"),
        description="Sensitive changes (staff and roles, grants, erasure, compliance policy, "
        "TOTP enrolment) need a sign-in or confirmation at most `CMA_REAUTH_MAX_AGE` seconds "
        "old (15 minutes by default); otherwise they answer 401 `reauthentication-required`. "
        "Send your password (and code, with TOTP, or an unused recovery code as "
        "`recovery_code`: 422 naming it when wrong or spent) here and retry with the access token "
        "returned (same session; no new refresh token: the session's refreshes keep the "
        "new time). A wrong password is 422 naming `password` (throttled like sign-in). "
        "Audited as `auth.reauthenticated`.",
    )
    async def reauthenticate(
        self,
        ctx: TenantContext,
        data: Annotated[
            ReauthenticateIn, example_body("Password", {"password": "correct horse battery"})
        ],
        accounts: AccountService,
        codec: TokenCodec,
        request: Request[Any, Any, Any],
    ) -> Response[TokenOut]:
        fresh = await accounts.reauthenticate(
            ctx,
            data.password,
            data.otp,
            address=client_of(request).address,
            recovery_code=data.recovery_code,
        )
        return Response(access_only(fresh, codec), headers={"Cache-Control": "no-store"})

    @post(
        "/password-reset",
        exclude_from_auth=True,
        status_code=202,
        summary="Forgotten password: email me a reset link",
        operation_class=with_example(RESET_REQUESTED_EXAMPLE, "Always this answer"),
        description="Always 202 with the same answer, whether or not the address has an "
        "account. If it has an active one, a single-use link valid for "
        "`CMA_PASSWORD_RESET_TTL` seconds (30 minutes) is emailed to it, replacing any "
        "earlier one. At most 3 emails per account per hour (more are dropped silently) and "
        "20 requests per client address per hour (429 + `Retry-After`).",
    )
    async def request_reset(
        self,
        data: Annotated[
            ResetRequestIn, example_body("Forgotten", {"email": "adviser@northside.example"})
        ],
        accounts: AccountService,
        request: Request[Any, Any, Any],
    ) -> ResetRequestedOut:
        await accounts.request_reset(data.email, address=client_of(request).address)
        return ResetRequestedOut(detail=RESET_REQUESTED)

    @post(
        "/password-reset/confirm",
        exclude_from_auth=True,
        status_code=204,
        summary="Set a new password with the code from the reset email",
        description="422 naming `token` when the code is unknown, used, replaced or expired; "
        "422 naming `new_password` when the password breaks the policy (the code stays "
        "usable then). Every session of the account ends (sign in with the new password). "
        "Audited as `auth.password_reset` in each of the user's centres.",
    )
    async def confirm_reset(
        self,
        data: Annotated[
            ResetConfirmIn,
            example_body(
                "A new password",
                {"token": "q1XcB7m2kP9sVt4y…", "new_password": "plum tractor lighthouse sings"},
            ),
        ],
        accounts: AccountService,
    ) -> None:
        await accounts.confirm_reset(data.token, data.new_password)

    @get(
        "/sessions",
        summary="Your signed-in sessions",
        operation_class=with_example(page(SESSION_EXAMPLE), "This browser"),
        description="Every live session of yours, on every device and centre, most recently "
        "used first: when it began, its last sign-in or refresh, the address and a summary "
        "of the browser. `current` marks the session of this token. Yours only.",
    )
    async def list_sessions(
        self,
        ctx: TenantContext,
        sessions: SessionService,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response[SessionPage]:
        found = await sessions.list_sessions(ctx)
        body = slice_out(SessionPage, _session_out, found, limit, offset)
        return Response(body, headers={"Cache-Control": "no-store"})

    @get(
        "/centres",
        summary="The centres you work for",
        operation_class=with_example(page(CENTRE_CHOICE_EXAMPLE), "One centre"),
        description="Every centre you have a role in, by name (the current one included, "
        "`current`), with your roles there: the centres `POST /api/v1/auth/switch-centre` "
        "can be asked for. `active` is false where that centre's admin has switched your "
        "membership off (a switch there answers 403). Yours only; `?active=true` leaves "
        "those out.",
    )
    async def list_centres(
        self,
        ctx: TenantContext,
        identity: IdentityService,
        active: bool | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response[CentreChoicePage]:
        found = await identity.my_centres(ctx)
        if active is not None:
            found = [c for c in found if c.active is active]
        body = slice_out(CentreChoicePage, _centre_out, found, limit, offset)
        return Response(body, headers={"Cache-Control": "no-store"})

    @delete(
        "/sessions/{session_id:uuid}",
        summary="End one of your sessions",
        description="Its refresh token stops working at once and its access tokens within "
        "`CMA_SESSION_CHECK_SECONDS` (at once where Redis is shared). 404 for an id that is "
        "not a live session of yours. Ending the current session is signing out. Audited "
        "as `auth.session_revoked`.",
    )
    async def revoke_session(
        self, ctx: TenantContext, session_id: uuid.UUID, sessions: SessionService
    ) -> None:
        await sessions.revoke_session(ctx, session_id)
