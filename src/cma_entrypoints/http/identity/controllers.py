"""Identity routes: sign-in and who-am-I, refresh/logout/switch-centre, the TOTP second
factor, and per-user permission grants."""

from __future__ import annotations

import datetime as dt
import uuid
from functools import partial
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, delete, get, post
from litestar.params import Parameter

from cma_core.identity.model import PermissionGrant, TenantContext
from cma_core.identity.permissions import GRANTABLE, Permission
from cma_core.identity.service import IdentityService, SessionService
from cma_core.identity.sessions import Client
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CentreId, UserId
from cma_entrypoints.http.auth import RECENT_AUTH, SETUP_ROUTE, TokenCodec, requires
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import example_body, with_example
from cma_entrypoints.http.common.params import Cursor, Limit, Offset
from cma_entrypoints.http.common.responses import slice_out
from cma_entrypoints.http.common.schemas import CODE
from cma_entrypoints.http.identity.accounts import access_only, client_of
from cma_entrypoints.http.identity.cookies import (
    COOKIE,
    CookieMode,
    clear_cookie,
    refresh_token_from,
    token_response,
)
from cma_entrypoints.http.identity.examples import (
    GRANT_EXAMPLE,
    ME_EXAMPLE,
    RECOVERY_CODES_EXAMPLE,
    RECOVERY_LEFT_EXAMPLE,
    TOKEN_EXAMPLE,
    TOTP_EXAMPLE,
)
from cma_entrypoints.http.identity.schemas import (
    GrantIn,
    GrantOut,
    GrantPage,
    LoginIn,
    MeOut,
    OtpIn,
    RecoveryCodesLeftOut,
    RecoveryCodesOut,
    RefreshIn,
    SwitchCentreIn,
    TokenOut,
    TotpEnrolmentOut,
)


async def issue_tokens(
    ctx: TenantContext, codec: TokenCodec, sessions: SessionService, client: Client | None = None
) -> TokenOut:
    """The login/switch answer: a new session, a short-lived access token for it and its
    first single-use refresh token."""
    ctx, refresh = await sessions.open(ctx, client)
    return _token_out(ctx, refresh, codec, sessions)


async def rotate_tokens(
    raw: str, codec: TokenCodec, sessions: SessionService, client: Client | None = None
) -> TokenOut:
    """The refresh answer: ``raw`` is spent and a new pair issued for its context."""
    ctx, refresh = await sessions.rotate(raw, client)
    return _token_out(ctx, refresh, codec, sessions)


def _token_out(
    ctx: TenantContext, refresh: str, codec: TokenCodec, sessions: SessionService
) -> TokenOut:
    return msgspec.structs.replace(
        access_only(ctx, codec),
        refresh_token=refresh,
        refresh_expires_in=int(sessions.ttl.total_seconds()),
    )


class SessionController(Controller):
    path = "/api/v1/auth"
    tags = ["auth"]

    @post(
        "/refresh",
        exclude_from_auth=True,
        status_code=200,
        summary="Trade a refresh token for a new access token and refresh token",
        operation_class=with_example(TOKEN_EXAMPLE, "A new pair"),
        description="Refresh tokens are single-use. Presenting one that was already used "
        "revokes its whole family (every session started by that sign-in): 401. Roles, "
        "grants and the centre's second-factor rule are read afresh: a setup-only session "
        "gets normal tokens once TOTP is confirmed, and a session of a role the centre has "
        "just required a second factor of gets setup-only ones.",
    )
    async def refresh(
        self,
        data: Annotated[
            RefreshIn,
            example_body("Refresh", {"refresh_token": "q1X…"}),
        ],
        sessions: SessionService,
        codec: TokenCodec,
        request: Request[Any, Any, Any],
        cookie_mode: CookieMode = None,
    ) -> Response[TokenOut]:
        raw = refresh_token_from(data.refresh_token, cookie_mode, request, _origins(request))
        out = await rotate_tokens(raw, codec, sessions, client_of(request))
        return token_response(out, cookie_mode)

    @post(
        "/logout",
        opt={SETUP_ROUTE: True},
        status_code=204,
        # A browser's refresh cookie (cookies.py) is cleared by every sign-out.
        response_cookies=[clear_cookie()],
        summary="Sign out: end this session",
        description="Ends the access token's session and the refresh token's family: the "
        "refresh token and every token rotated from it stop working at once, and so does the "
        "access token (every API process refuses it within `CMA_SESSION_CHECK_SECONDS`, at "
        "once where Redis is shared).",
    )
    async def logout(
        self,
        ctx: TenantContext,
        data: Annotated[
            RefreshIn,
            example_body("Sign out", {"refresh_token": "q1X…"}),
        ],
        sessions: SessionService,
        request: Request[Any, Any, Any],
        cookie_mode: CookieMode = None,
    ) -> None:
        raw: str | None = None
        if data.refresh_token or COOKIE in request.cookies:
            raw = refresh_token_from(data.refresh_token, cookie_mode, request, _origins(request))
        # Without a refresh token the access token's own session still ends.
        await sessions.logout(ctx, raw)

    @post(
        "/logout-everywhere",
        opt={SETUP_ROUTE: True},
        status_code=204,
        response_cookies=[clear_cookie()],
        summary="Sign out everywhere: end every session of yours",
        description="Every refresh token of yours is revoked and every access token of "
        "yours, on any device and for any centre, is refused from now on. Audited as "
        "`auth.logout_everywhere`.",
    )
    async def logout_everywhere(self, ctx: TenantContext, sessions: SessionService) -> None:
        await sessions.logout_everywhere(ctx)

    @post(
        "/switch-centre",
        status_code=200,
        summary="Get tokens for another centre you work for",
        operation_class=with_example(TOKEN_EXAMPLE, "Tokens for the other centre"),
        description="A token is for one centre at a time; 403 for a centre you do not belong to.",
    )
    async def switch_centre(
        self,
        ctx: TenantContext,
        data: Annotated[
            SwitchCentreIn,
            example_body("Switch", {"centre_id": "0b8e6a2c-4d8f-4f7e-9a57-1c2d3e4f5a6b"}),
        ],
        sessions: SessionService,
        codec: TokenCodec,
        request: Request[Any, Any, Any],
        cookie_mode: CookieMode = None,
    ) -> Response[TokenOut]:
        ctx = await sessions.switch_centre(ctx, CentreId(data.centre_id))
        out = await issue_tokens(ctx, codec, sessions, client_of(request))
        return token_response(out, cookie_mode)

    @post(
        "/totp/enrol",
        opt={SETUP_ROUTE: True},
        status_code=200,
        guards=[RECENT_AUTH],
        summary="Start enrolling a TOTP second factor",
        operation_class=with_example(TOTP_EXAMPLE, "A new secret"),
        description="Returns a new secret and its otpauth:// URI (show it as a QR code). "
        "It is not required at sign-in until confirmed with a code. Needs a recent sign-in "
        "(401 `reauthentication-required`: see `POST /api/v1/auth/reauthenticate`).",
    )
    async def totp_enrol(self, ctx: TenantContext, identity: IdentityService) -> TotpEnrolmentOut:
        secret, uri = await identity.enrol_totp(ctx)
        return TotpEnrolmentOut(secret=secret, otpauth_uri=uri)

    @post(
        "/totp/confirm",
        opt={SETUP_ROUTE: True},
        status_code=200,
        summary="Confirm the TOTP second factor with a current code",
        operation_class=with_example(RECOVERY_CODES_EXAMPLE, "Ten recovery codes"),
        description="From now on sign-in and step-up need a code. The answer carries 10 "
        "single-use recovery codes, shown this once (only their keyed digests are kept): "
        "each works once in place of a code (`recovery_code`), for when the phone is lost. "
        "Any earlier codes stop working. With a setup-only token (the centre requires a "
        "second factor of your role), refresh (`POST /api/v1/auth/refresh`) for a normal "
        "one. A wrong code: 422 naming `otp`.",
    )
    async def totp_confirm(
        self,
        ctx: TenantContext,
        data: Annotated[OtpIn, example_body("Code", {"otp": "123456"})],
        identity: IdentityService,
    ) -> Response[RecoveryCodesOut]:
        codes = await identity.confirm_totp(ctx, data.otp)
        return _no_store(RecoveryCodesOut(recovery_codes=codes, remaining=len(codes)))

    @get(
        "/recovery-codes",
        summary="How many of your recovery codes are left",
        operation_class=with_example(RECOVERY_LEFT_EXAMPLE, "Three used"),
        description="The count of your unused recovery codes (never the codes: they are "
        "shown once, when made). 0 without 2-step verification.",
    )
    async def recovery_codes_left(
        self, ctx: TenantContext, identity: IdentityService
    ) -> RecoveryCodesLeftOut:
        enabled, left = await identity.recovery_codes_left(ctx)
        return RecoveryCodesLeftOut(remaining=left, second_factor=enabled)

    @post(
        "/recovery-codes",
        status_code=200,
        guards=[RECENT_AUTH],
        summary="Make new recovery codes (the old ones stop working)",
        operation_class=with_example(RECOVERY_CODES_EXAMPLE, "Ten new codes"),
        description="10 new single-use codes, shown this once; every earlier code of yours "
        "stops working. 409 without 2-step verification. Needs a recent sign-in (401 "
        "`reauthentication-required`). Audited as `auth.recovery_codes_regenerated`.",
    )
    async def regenerate_recovery_codes(
        self, ctx: TenantContext, identity: IdentityService
    ) -> Response[RecoveryCodesOut]:
        codes = await identity.regenerate_recovery_codes(ctx)
        return _no_store(RecoveryCodesOut(recovery_codes=codes, remaining=len(codes)))


def _no_store(body: RecoveryCodesOut) -> Response[RecoveryCodesOut]:
    """Codes are secrets: no cache keeps the answer."""
    return Response(body, headers={"Cache-Control": "no-store"})


def _origins(request: Request[Any, Any, Any]) -> tuple[str, ...]:
    return tuple(request.app.state.container.settings().cors_origins)


def _permission(value: str, field: str = "permission") -> Permission:
    try:
        return Permission(value)
    except ValueError:
        allowed = ", ".join(sorted(p.value for p in GRANTABLE))
        raise ValidationError(field, f"is not a permission; grantable: {allowed}") from None


def _grant_out(user_id: uuid.UUID, g: PermissionGrant) -> GrantOut:
    now = dt.datetime.now(dt.UTC)
    return GrantOut(
        user_id=user_id,
        permission=g.permission.value,
        reason=g.reason,
        granted_by=g.granted_by,
        granted_at=g.granted_at,
        expires_at=g.expires_at,
        active=g.active_at(now),
    )


class GrantController(Controller):
    """Permissions given to one user in the caller's centre beyond their roles."""

    path = "/api/v1/users/{user_id:uuid}/grants"
    tags = ["users"]
    # Guards on each handler, not the controller: a controller's guards also guard the
    # OPTIONS handler Litestar adds, where no user is authenticated (a CORS preflight), and
    # answered it 500.

    @get(
        "/",
        guards=[requires(Permission.USER_MANAGE)],
        summary="A user's permission grants in this centre",
        operation_class=with_example(ex.page(GRANT_EXAMPLE), "One grant"),
        description="404 for a user who does not work for this centre.",
    )
    async def list_grants(
        self,
        ctx: TenantContext,
        user_id: uuid.UUID,
        identity: IdentityService,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
    ) -> GrantPage:
        grants = await identity.list_grants(ctx, UserId(user_id))
        return slice_out(
            GrantPage, partial(_grant_out, user_id), grants, limit, offset,
            cursor=cursor, key=lambda g: (g.permission.value,), kinds=(str,),
        )  # fmt: skip

    @post(
        "/",
        status_code=201,
        guards=[requires(Permission.USER_MANAGE), RECENT_AUTH],
        summary="Grant a user one permission in this centre",
        operation_class=with_example(GRANT_EXAMPLE, "Sensitive detail for a month"),
        description="E.g. `sensitive:read` for a caseworker on a case that needs it. Replaces "
        "an earlier grant of the same permission. `centre:manage` and `user:manage` are never "
        "granted (403), nor a permission you do not hold yourself. Audited as "
        "`user.permission_granted`. Takes effect with the user's next token (sign-in or "
        "refresh). Needs a recent sign-in (401 `reauthentication-required`).",
    )
    async def grant(
        self,
        ctx: TenantContext,
        user_id: uuid.UUID,
        data: Annotated[
            GrantIn,
            example_body(
                "Sensitive detail for a month",
                {
                    "permission": "sensitive:read",
                    "reason": "supports vulnerable clients on the Tuesday rota",
                    "expires_at": "2026-12-31T17:00:00Z",
                },
            ),
        ],
        identity: IdentityService,
    ) -> GrantOut:
        grant = await identity.grant(
            ctx,
            UserId(user_id),
            _permission(data.permission),
            reason=data.reason,
            expires_at=data.expires_at,
        )
        return _grant_out(user_id, grant)

    @delete(
        "/{permission:str}",
        guards=[requires(Permission.USER_MANAGE), RECENT_AUTH],
        summary="Revoke a user's grant",
        description="404 if the user has no such grant here. Tokens already issued keep it "
        "until they expire (at most the access-token lifetime). Audited as "
        "`user.permission_revoked`. Needs a recent sign-in (401 `reauthentication-required`).",
    )
    async def revoke(
        self,
        ctx: TenantContext,
        user_id: uuid.UUID,
        permission: Annotated[str, Parameter(max_length=64, pattern=CODE)],
        identity: IdentityService,
    ) -> None:
        await identity.revoke(ctx, UserId(user_id), _permission(permission))


class AuthController(Controller):
    path = "/api/v1/auth"
    tags = ["auth"]

    @post(
        "/login",
        exclude_from_auth=True,
        status_code=200,
        summary="Sign in and get an access token",
        operation_class=with_example(TOKEN_EXAMPLE, "An adviser"),
        description="The token is for one centre. A user of several centres names the "
        "centre with `centre_id`; otherwise the first centre is used. With TOTP enabled the "
        "`otp` is required (401 `otp-required`), or one of your unused recovery codes as "
        "`recovery_code` (spent; a wrong or spent one is 401 like a wrong code, throttled "
        "alike, and audited as `auth.recovery_code_failed`; a right one as "
        "`auth.recovery_code_used`). When the centre requires a second factor "
        "of your role there (`GET /api/v1/centre/second-factor`) and you have not set one "
        "up, the tokens are setup-only (`second_factor_setup_required: true`): every route "
        "but TOTP enrolment and confirmation, step-up, `/auth/me` and sign-out answers 403 "
        "`second-factor-setup-required`. Refresh, centre switch and step-up follow the "
        "same rule, checked afresh each time.",
    )
    async def login(
        self,
        data: Annotated[
            LoginIn,
            example_body(
                "An adviser signs in",
                {
                    "email": "adviser@northside.example",
                    "password": "correct horse battery",
                },
            ),
        ],
        identity: IdentityService,
        sessions: SessionService,
        codec: TokenCodec,
        request: Request[Any, Any, Any],
        cookie_mode: CookieMode = None,
    ) -> Response[TokenOut]:
        signed = await identity.authenticate(
            data.email,
            data.password,
            centre_id=CentreId(data.centre_id) if data.centre_id else None,
            otp=data.otp,
            address=request.client.host if request.client else None,
            recovery_code=data.recovery_code,
        )
        out = await issue_tokens(signed.context, codec, sessions, client_of(request))
        return token_response(out, cookie_mode)

    @get(
        "/me",
        opt={SETUP_ROUTE: True},
        summary="Who the token says you are",
        operation_class=with_example(ME_EXAMPLE, "An adviser"),
    )
    async def me(self, ctx: TenantContext, identity: IdentityService) -> MeOut:
        profile = await identity.profile(ctx)
        return MeOut(
            user_id=ctx.user_id,
            centre_id=ctx.centre_id,
            roles=sorted(r.value for r in ctx.roles),
            permissions=sorted(p.value for p in ctx.permissions),
            second_factor_setup_required=ctx.setup_only,
            display_name=profile.display_name,
            email=profile.email,
            centre_name=profile.centre_name,
        )
