"""The browser's refresh token: an ``HttpOnly; Secure; SameSite=Strict`` cookie.

A browser client (the web console) asks for it by sending ``X-CMA-Refresh-Cookie: 1`` to
sign-in, refresh or switch-centre: the refresh token then goes into the cookie and not the
JSON body, so no script can read it. Other clients keep the token in the body as before.

The cookie is scoped to ``/api/v1/auth`` (refresh, logout, switch-centre; never a data
route). A request that *uses* it (refresh or logout without a token in the body) must carry
the same header, which a cross-site form cannot send and a cross-site script can only send
after a CORS preflight the allow-list refuses, and an ``Origin`` that is this server's own or
one on ``CMA_CORS_ORIGINS``: two independent CSRF walls besides ``SameSite=Strict``.
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response
from litestar.datastructures import Cookie
from litestar.params import Parameter

from cma_core.identity.errors import InvalidSession
from cma_entrypoints.http.identity.schemas import TokenOut

COOKIE = "cma_refresh"
COOKIE_PATH = "/api/v1/auth"
HEADER = "X-CMA-Refresh-Cookie"

#: The optional header parameter of the session routes (documented in the OpenAPI).
CookieMode = Annotated[
    str | None,
    Parameter(
        header=HEADER,
        required=False,
        description="`1`: keep the refresh token in an HttpOnly cookie (browsers) instead "
        "of the response body.",
    ),
]


def wants_cookie(mode: str | None) -> bool:
    return mode == "1"


def token_response(out: TokenOut, mode: str | None) -> Response[TokenOut]:
    """The token answer; in cookie mode the refresh token moves into the cookie."""
    if not wants_cookie(mode) or out.refresh_token is None:
        return Response(out)
    cookie = Cookie(
        key=COOKIE,
        value=out.refresh_token,
        path=COOKIE_PATH,
        max_age=out.refresh_expires_in,
        httponly=True,
        secure=True,
        samesite="strict",
    )
    out.refresh_token = None
    return Response(out, cookies=[cookie], headers={"Cache-Control": "no-store"})


def clear_cookie() -> Cookie:
    return Cookie(
        key=COOKIE,
        value="",
        path=COOKIE_PATH,
        max_age=0,
        httponly=True,
        secure=True,
        samesite="strict",
    )


def refresh_token_from(
    body_token: str | None,
    mode: str | None,
    request: Request[Any, Any, Any],
    origins: tuple[str, ...],
) -> str:
    """The refresh token of the request: the body's, else the cookie's (CSRF-checked)."""
    if body_token:
        return body_token
    raw = request.cookies.get(COOKIE)
    if not raw:
        raise InvalidSession
    if not wants_cookie(mode) or not _same_origin(request, origins):
        raise InvalidSession
    return raw


def _same_origin(request: Request[Any, Any, Any], origins: tuple[str, ...]) -> bool:
    origin = request.headers.get("origin")
    if origin is None:
        # Browsers send Origin on every POST; a client that sends none is not a browser
        # being tricked by another site.
        return True
    host = request.headers.get("host", "")
    return origin in (f"http://{host}", f"https://{host}") or origin in origins
