"""Bearer tokens: HS256 JWTs carrying user, centre, roles and per-user grants, checked on
every /api/v1 route.

The centre always comes from the verified token, never from the body or a header. Grants
(``grants`` claim) are read from the store when the token is issued (sign-in, refresh,
switching centre), so a revoked grant stops working when the access tokens that carry it
expire: at most ``CMA_ACCESS_TOKEN_TTL`` (15 minutes by default), at once for new tokens.
A token never outlives the first of its grants' expiries.

Each token names its sign-in session (``sid``, the refresh-token family). On every request
``SessionGate`` checks that the session has not ended and the user still works for the
centre, so sign-out, sign-out everywhere and removal from the centre take effect within
seconds rather than at the token's expiry.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from typing import Any

import jwt
from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from litestar.middleware._utils import should_bypass_middleware
from litestar.middleware.authentication import (
    AbstractAuthenticationMiddleware,
    AuthenticationResult,
)
from litestar.types import ASGIApp, Scope

from cma_core.identity.errors import ReauthenticationRequired, SecondFactorSetupRequired
from cma_core.identity.gate import SessionGate
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission, Role
from cma_core.shared.ids import CentreId, UserId
from cma_entrypoints.settings import Settings

ALGORITHM = "HS256"

#: The ``scope`` claim of a setup-only token (``second_factor``): only the routes whose
#: handler ``opt`` carries ``SETUP_ROUTE`` answer it; every other one is 403
#: ``second-factor-setup-required``.
SETUP_SCOPE = "second-factor-setup"
SETUP_ROUTE = "second_factor_setup"
_VERIFIED_MAX = 10_000
_AUTHORIZATION = b"authorization"


class TokenCodec:
    def __init__(self, settings: Settings) -> None:
        self._key = settings.secret_key
        self._issuer = settings.jwt_issuer
        self._audience = settings.jwt_audience
        self.ttl = settings.access_token_ttl_seconds
        self._verified: dict[str, tuple[TenantContext, float]] = {}

    def lifetime(self, ctx: TenantContext, now: dt.datetime) -> int:
        """Seconds the token for ``ctx`` lives: the TTL, cut short by an expiring grant."""
        if ctx.granted_until is None:
            return self.ttl
        return max(1, min(self.ttl, int((ctx.granted_until - now).total_seconds())))

    def issue(self, ctx: TenantContext, now: dt.datetime) -> str:
        claims = {
            "sub": str(ctx.user_id),
            "cid": str(ctx.centre_id),
            "roles": sorted(r.value for r in ctx.roles),
            "grants": sorted(p.value for p in ctx.granted),
            "iat": int(now.timestamp()),
            "nbf": int(now.timestamp()),
            "exp": int(now.timestamp()) + self.lifetime(ctx, now),
            "iss": self._issuer,
            "aud": self._audience,
            "jti": uuid.uuid4().hex,
        }
        if ctx.session_id is not None:
            claims["sid"] = str(ctx.session_id)
        if ctx.setup_only:
            claims["scope"] = SETUP_SCOPE
        if ctx.authenticated_at is not None:
            # OpenID Connect's name: when the user last proved who they are (ASVS 3.7.1).
            claims["auth_time"] = int(ctx.authenticated_at.timestamp())
        return jwt.encode(claims, self._key, algorithm=ALGORITHM)

    def verify(self, token: str) -> TenantContext:
        """Raise ``NotAuthorizedException`` for any token that is not exactly ours and live.

        Only HS256 is accepted (so ``alg: none`` and key-confusion tricks fail), and the
        issuer, audience, expiry and every claim CMA relies on are required.

        A token verified once is remembered until it expires: the same bytes under the same
        key verify the same way, so only the expiry needs checking again.
        """
        cached = self._verified.get(token)
        if cached is not None:
            ctx, expires = cached
            if time.time() < expires:
                return ctx
            del self._verified[token]
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                self._key,
                algorithms=[ALGORITHM],
                audience=self._audience,
                issuer=self._issuer,
                options={"require": ["exp", "iat", "sub", "iss", "aud", "cid", "roles"]},
            )
            ctx = TenantContext(
                centre_id=CentreId(uuid.UUID(claims["cid"])),
                user_id=UserId(uuid.UUID(claims["sub"])),
                roles=frozenset(Role(r) for r in claims["roles"]),
                granted=frozenset(Permission(p) for p in claims.get("grants", [])),
                session_id=uuid.UUID(claims["sid"]) if claims.get("sid") else None,
                issued_at=dt.datetime.fromtimestamp(int(claims["iat"]), dt.UTC),
                authenticated_at=(
                    dt.datetime.fromtimestamp(int(claims["auth_time"]), dt.UTC)
                    if claims.get("auth_time") is not None
                    else None
                ),
                setup_only=claims.get("scope") == SETUP_SCOPE,
            )
        except (jwt.PyJWTError, ValueError, TypeError, KeyError):
            raise NotAuthorizedException("invalid or expired access token") from None
        if len(self._verified) >= _VERIFIED_MAX:
            self._verified.clear()  # crude but bounded; a refill costs one decode per token
        self._verified[token] = (ctx, float(claims["exp"]))
        return ctx


class JWTAuthMiddleware(AbstractAuthenticationMiddleware):
    """Every route needs a valid token unless its handler opts out
    (``exclude_from_auth=True``: health, login, the OpenAPI document)."""

    def __init__(self, app: ASGIApp, codec: TokenCodec, gate: SessionGate | None = None) -> None:
        super().__init__(app, exclude=["^/schema"], exclude_http_methods=["OPTIONS"])
        self._codec = codec
        self._gate = gate

    async def authenticate(self, scope: Scope) -> None:
        """What this middleware does before calling its app (Litestar's
        ``AbstractAuthenticationMiddleware.__call__``), for ``protection.RequestPipeline``,
        which runs it as a step of its one layer: unless the route opts out, the token is
        checked (401 raised) and ``scope["user"]``/``scope["auth"]`` set."""
        if should_bypass_middleware(
            exclude_http_methods=self.exclude_http_methods,
            exclude_opt_key=self.exclude_opt_key,
            exclude_path_pattern=self.exclude,
            scope=scope,
            scopes=self.scopes,
        ):
            return
        # The header read off the raw list, as ``authenticate_request`` reads it through
        # Litestar's ``Headers`` (the first one, names in any case), without building that
        # object: the case view never needs it otherwise (benchmarks/README.md, ``caseview``).
        header = ""
        for name, value in scope.get("headers", ()):
            if name.lower() == _AUTHORIZATION:
                header = value.decode("latin-1")
                break
        token = await self._context_of(header, scope)
        scope["user"] = token[0]
        scope["auth"] = token[1]

    async def authenticate_request(
        self, connection: ASGIConnection[Any, Any, Any, Any]
    ) -> AuthenticationResult:
        ctx, token = await self._context_of(
            connection.headers.get("authorization", ""), connection.scope
        )
        return AuthenticationResult(user=ctx, auth=token)

    async def _context_of(self, header: str, scope: Scope) -> tuple[TenantContext, str]:
        """The caller of an ``Authorization`` header's value, or ``NotAuthorizedException``."""
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise NotAuthorizedException("a bearer access token is required")
        ctx = self._codec.verify(token.strip())
        # A well-signed token of an ended session (signed out, or its user no longer in
        # the centre) is refused like an expired one.
        if self._gate is not None and not await self._gate.live(ctx):
            raise NotAuthorizedException("this session has ended; sign in again")
        if ctx.setup_only and not _setup_route(scope):
            raise SecondFactorSetupRequired()
        return ctx, token


def _setup_route(scope: Scope) -> bool:
    """True if the route answers a setup-only token (its handler's ``opt``)."""
    handler = scope.get("route_handler")
    return handler is not None and bool(handler.opt.get(SETUP_ROUTE))


def requires(permission: Permission) -> Any:
    """A Litestar guard: the token's roles, or a grant to this user, must allow
    ``permission`` (``TenantContext.can``: the matrix plus grants)."""

    # async on purpose: Litestar runs a sync guard in a worker thread, which measured about
    # a tenth of the CPU of a simple read (benchmarks/README.md).
    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        ctx = connection.user
        if not isinstance(ctx, TenantContext) or not ctx.can(permission):
            raise PermissionDeniedException(f"your role does not allow {permission.value}")

    guard.__name__ = f"requires_{permission.name.lower()}"
    return guard


def requires_recent_auth() -> Any:
    """A Litestar guard for sensitive changes (ASVS 3.7.1): the token's ``auth_time`` (the
    session's last sign-in or step-up) must be at most ``CMA_REAUTH_MAX_AGE`` seconds old,
    else 401 ``reauthentication-required`` (problem+json and ``WWW-Authenticate: Bearer
    error="insufficient_user_authentication"``, RFC 9470). The client confirms the password
    at ``POST /api/v1/auth/reauthenticate`` and retries with the access token it returns."""

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        ctx = connection.user
        container = connection.app.state.container
        max_age = container.settings().reauth_max_age_seconds
        if max_age <= 0 or not isinstance(ctx, TenantContext):
            return
        now = container.clock().now()  # the clock sign-in stamped ``auth_time`` with
        if not ctx.authenticated_within(now, dt.timedelta(seconds=max_age)):
            raise ReauthenticationRequired(max_age)

    guard.__name__ = "requires_recent_auth"
    return guard


#: The guard, made once (every sensitive route names the same one).
RECENT_AUTH = requires_recent_auth()
