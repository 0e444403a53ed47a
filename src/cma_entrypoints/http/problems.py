"""Every error leaves as RFC 9457 problem+json, naming the field at fault when there is one.

No traceback or internal detail ever reaches the client; unexpected errors are logged
with the request id and answered with a generic 500 problem.
"""

from __future__ import annotations

import logging
import math
import re
from typing import Any

from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR

from cma_core.documents.errors import (
    AssistantRateLimited,
    AssistantReplyInvalid,
    AssistantUnavailable,
)
from cma_core.identity.errors import (
    InvalidSession,
    ReauthenticationRequired,
    SecondFactorRequired,
    SecondFactorSetupRequired,
    TooManyAttempts,
)
from cma_core.shared.errors import (
    AuthenticationFailed,
    Conflict,
    DomainError,
    NotFound,
    PermissionDenied,
    StaleVersion,
    ValidationError,
)
from cma_entrypoints.http.common.enums import enum_values_at
from cma_entrypoints.http.common.schemas import FieldError, Problem

log = logging.getLogger("cma.http")

PROBLEM_JSON = "application/problem+json"
_TYPE_BASE = PROBLEM_TYPE_BASE = "https://cma.example.org/problems/"

_STATUS: list[tuple[type[DomainError], int]] = [
    (ValidationError, 422),
    (NotFound, 404),
    (StaleVersion, 412),
    (Conflict, 409),
    (PermissionDenied, 403),
    (AuthenticationFailed, 401),
    (SecondFactorRequired, 401),
    (SecondFactorSetupRequired, 403),
    (InvalidSession, 401),
    (ReauthenticationRequired, 401),
    (TooManyAttempts, 429),
    # The assistant (a remote model) could not answer: nothing changed, try again later.
    (AssistantUnavailable, 503),
    (AssistantReplyInvalid, 502),
]

_TITLES = {
    400: "Bad request",
    401: "Not authenticated",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    412: "Precondition failed",
    413: "Request too large",
    415: "Unsupported media type",
    422: "Unprocessable content",
    428: "Precondition required",
    429: "Too many requests",
    500: "Internal server error",
    502: "Bad gateway",
    503: "Service unavailable",
}


def problem(
    request: Request[Any, Any, Any],
    status: int,
    code: str,
    detail: str | None,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> Response[Problem]:
    body = Problem(
        type=_TYPE_BASE + code,
        title=_TITLES.get(status, "Error"),
        status=status,
        detail=detail,
        instance=request.url.path,
        errors=errors or [],
    )
    return Response(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def domain_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    assert isinstance(exc, DomainError)
    body, headers = domain_problem(exc, request.url.path)
    return Response(body, status_code=body.status, media_type=PROBLEM_JSON, headers=headers)


def domain_problem(exc: DomainError, instance: str) -> tuple[Problem, dict[str, str] | None]:
    """The problem a domain error is answered with (and its headers): the response's body,
    or one decision's answer among several (``POST .../suggestions/decisions``)."""
    status = next((s for cls, s in _STATUS if isinstance(exc, cls)), 400)
    errors = None
    headers = None
    if isinstance(exc, ValidationError):
        listed = _ONE_OF.search(exc.detail)
        allowed = list(exc.allowed) if exc.allowed else None
        if allowed is None and listed:
            allowed = listed.group(1).split(", ")
        errors = [FieldError(field=exc.field, message=exc.detail, allowed=allowed)]
    if isinstance(exc, AuthenticationFailed | SecondFactorRequired | InvalidSession):
        headers = {"WWW-Authenticate": 'Bearer realm="cma"'}
    if isinstance(exc, ReauthenticationRequired):
        headers = {
            "WWW-Authenticate": 'Bearer realm="cma", error="insufficient_user_authentication", '
            f'error_description="a recent sign-in is required", max_age={exc.max_age}'
        }
    if isinstance(exc, TooManyAttempts):
        headers = {"Retry-After": str(exc.retry_after)}
    if isinstance(exc, AssistantRateLimited) and exc.retry_after_seconds is not None:
        headers = {"Retry-After": str(max(1, math.ceil(exc.retry_after_seconds)))}
    body = Problem(
        type=_TYPE_BASE + exc.code,
        title=_TITLES.get(status, "Error"),
        status=status,
        detail=exc.message,
        instance=instance,
        errors=errors or [],
    )
    return body, headers


# ``shared.data.from_data`` names the closed set: "unknown value 'x'; one of: a, b".
_ONE_OF = re.compile(r"; one of: (.+)$")
_BAD_ENUM = re.compile(r"^Invalid enum value (.+)$")
_MSGSPEC_PATH = re.compile(r"at `\$\.?([^`]*)`")
_MSGSPEC_FIELD = re.compile(r"(?:missing required|contains unknown) field `([^`]+)`")
# ``Input.__post_init__`` (date ranges) names its field first: "on_date: must be ...".
_NAMED = re.compile(r"^([a-z_][a-z0-9_]*): (.+)$")
# msgspec's words for a date, time or timestamp it cannot read, in the words the query
# values' check uses (``common.input``): the form a value takes, not the decoder's name.
_TEMPORAL = {
    "Invalid RFC3339 encoded date": "must be a date (YYYY-MM-DD)",
    "Invalid RFC3339 encoded time": "must be a time (HH:MM)",
    "Invalid RFC3339 encoded datetime": "must be a date-time (ISO 8601)",
}


def _field_errors(exc: ValidationException) -> list[FieldError]:
    """Litestar reports body errors as ``{"message": "... - at `$.field`", "key": ...}``."""
    out: list[FieldError] = []
    extra = exc.extra if isinstance(exc.extra, list) else []
    for item in extra:
        if not isinstance(item, dict):
            continue
        message = str(item.get("message", "invalid"))
        field = item.get("key")
        match = _MSGSPEC_PATH.search(message)
        if match:
            field = match.group(1) or "body"
            message = message[: match.start()].rstrip(" -")
        named = _MSGSPEC_FIELD.search(message) or _NAMED.match(message)
        if named:
            prefix = f"{field}." if field and field not in {"data", "body"} else ""
            field = prefix + named.group(1)
            if named.re is _NAMED:
                message = named.group(2)
        if not field:
            field = "body"
        message = _TEMPORAL.get(message, message)
        out.append(FieldError(field=str(field), message=message))
    return out


def _closed_sets(request: Request[Any, Any, Any], errors: list[FieldError]) -> bool:
    """Name the allowed values of each error that is a value outside a closed set (an
    enum); ``True`` if every error is one (the request is well-formed JSON of the right
    types, but a value is not one the API knows: 422)."""
    if not errors:
        return False
    for i, e in enumerate(errors):
        bad = _BAD_ENUM.match(e.message)
        allowed = enum_values_at(request, e.field) if bad else None
        if allowed is None:
            return False
        errors[i] = FieldError(
            field=e.field,
            message=f"unknown value {bad.group(1) if bad else ''}; one of: {', '.join(allowed)}",
            allowed=allowed,
        )
    return True


def _query_names(request: Request[Any, Any, Any], errors: list[FieldError]) -> list[FieldError]:
    """The errors with a query parameter's field said by its name in the query (``from``),
    as the client sent it and the API document lists it, not the handler's own name for
    it (``start``, from ``Parameter(query="from")``)."""
    handler = request.scope.get("route_handler")
    if handler is None:
        return errors
    aliases: dict[str, str] = {}
    for name, field in handler.parsed_fn_signature.parameters.items():
        alias = getattr(field.kwarg_definition, "query", None)
        if isinstance(alias, str) and alias != name:
            aliases[name] = alias
    if not aliases:
        return errors
    out = []
    for e in errors:
        alias = aliases.get(e.field)
        out.append(FieldError(field=alias, message=e.message, allowed=e.allowed) if alias else e)
    return out


def http_exception_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    assert isinstance(exc, HTTPException)
    status = exc.status_code
    headers = dict(exc.headers or {})
    if isinstance(exc, ValidationException):
        errors = _field_errors(exc)
        closed = _closed_sets(request, errors)
        errors = _query_names(request, errors)
        detail = (
            "the request is not valid: " + "; ".join(f"{e.field}: {e.message}" for e in errors)
            if errors
            else exc.detail
        )
        if closed:
            return problem(request, 422, "validation-error", detail, errors, headers)
        return problem(request, 400, "invalid-request", detail, errors, headers)
    if status == 401:
        headers.setdefault("WWW-Authenticate", 'Bearer realm="cma"')
    if status >= 500:
        log.error("HTTP %s on %s: %s", status, request.url.path, exc.detail)
        return problem(request, status, "server-error", _TITLES.get(status), None, headers)
    code = _TITLES.get(status, "error").lower().replace(" ", "-")
    return problem(request, status, code, exc.detail, None, headers)


#: What a 503 tells the client to wait before trying again (a database restart takes a few
#: seconds; the pool reconnects on the next request).
RETRY_AFTER_SECONDS = 5

#: Exception types (by name, so no driver has to be imported here) that mean the database
#: could not be reached or dropped the connection: asyncpg's, psycopg's and SQLAlchemy's.
_UNAVAILABLE_NAMES = frozenset(
    {
        "CannotConnectNowError",  # asyncpg: the server is starting or shutting down
        "ConnectionDoesNotExistError",
        "ConnectionFailureError",
        "InvalidCatalogNameError",  # the URL names a database that does not exist
        "InvalidPasswordError",
        "InvalidAuthorizationSpecificationError",
        "AdminShutdown",  # psycopg
        "CrashShutdown",
        "TooManyConnectionsError",
        "InterfaceError",
        "OperationalError",  # psycopg, sqlite3, SQLAlchemy: connection-level failures
    }
)


def database_unavailable(exc: BaseException) -> bool:
    """Whether ``exc`` (or what caused it) says the database is unreachable, rather than
    that a statement was wrong: a refused or dropped connection, a server restarting, a
    wrong database URL, or a pool timeout."""
    from sqlalchemy import exc as sa_exc

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sa_exc.DBAPIError) and current.connection_invalidated:
            return True
        if isinstance(current, sa_exc.TimeoutError | ConnectionError | TimeoutError):
            return True
        if isinstance(current, OSError) and not isinstance(current, FileNotFoundError):
            return True
        if type(current).__name__ in _UNAVAILABLE_NAMES and not _is_sqlite_logic(current):
            return True
        current = current.__cause__ or current.__context__
    return False


def _is_sqlite_logic(exc: BaseException) -> bool:
    """sqlite3 raises ``OperationalError`` for a bad statement too (no such table)."""
    text = str(exc)
    return "no such" in text or "syntax error" in text


def unavailable_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    log.debug("database unavailable", exc_info=exc)
    log.warning(
        "database unavailable on %s %s: %s", request.method, request.url.path, type(exc).__name__
    )
    return problem(
        request,
        503,
        "service-unavailable",
        "the database is unavailable; try again shortly",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def unexpected_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    if database_unavailable(exc):
        return unavailable_handler(request, exc)
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return problem(
        request,
        HTTP_500_INTERNAL_SERVER_ERROR,
        "server-error",
        "something went wrong on our side; it has been logged",
    )


EXCEPTION_HANDLERS: dict[type[Exception] | int, Any] = {
    DomainError: domain_error_handler,
    HTTPException: http_exception_handler,
    Exception: unexpected_error_handler,
}
