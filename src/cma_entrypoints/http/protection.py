"""Per-request middleware: request id and access log, rate limits per address and per user,
authentication and the strict query check, as ONE ASGI layer (``RequestPipeline``).

In order: bind ``request_id`` (echoed as ``X-Request-ID``) and open the access line; the
per-address limit (before authentication, so floods of bad tokens count too); the JWT
check (``JWTAuthMiddleware.authenticate``); bind ``centre_id``/``user_id`` for logs and
the per-user limit; unknown query parameters refused (400, after authentication). They
were five middleware layers, each an extra coroutine and scope check per request; one
layer runs the same steps in the same order (benchmarks/README.md, branch ``caseread4``).
A refusal is 429 problem+json with ``Retry-After``; a 401 or 400 is raised to the app's
exception handlers, as before.
"""

from __future__ import annotations

import logging
import re
import secrets
import time
from typing import Any, cast

import msgspec
import structlog
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from opentelemetry import context as otel_context
from opentelemetry import propagate, trace

from cma_core.identity.gate import SessionGate
from cma_core.identity.model import TenantContext
from cma_core.identity.ports import RateLimiter
from cma_core.shared.origin import bind_source_address, reset_source_address
from cma_entrypoints.http.auth import JWTAuthMiddleware, TokenCodec
from cma_entrypoints.http.common.schemas import Problem
from cma_entrypoints.http.common.strict_query import refuse_unknown_query
from cma_entrypoints.http.problems import PROBLEM_JSON, PROBLEM_TYPE_BASE
from cma_entrypoints.logs import get_logger
from cma_entrypoints.observability.metrics import observe_request
from cma_entrypoints.observability.tracing import tracer

REQUEST_ID = "x-request-id"
_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_WINDOW = 60
_SCOPE_KEY = "cma.request_id"
_REQUEST_ID_RAW = REQUEST_ID.encode()

access_log = get_logger("cma.http.access")
_ACCESS_LOGGER = logging.getLogger("cma.http.access")


def _request_id(scope: Scope) -> str:
    for name, value in scope.get("headers", ()):
        if name == _REQUEST_ID_RAW:
            candidate = value.decode("latin-1").strip()
            # Anything else is replaced, not logged: a header is attacker-controlled text.
            if _VALID_ID.match(candidate):
                return candidate
    # 32 random hex digits, as ``uuid4().hex`` gave, without building a UUID for it.
    return secrets.token_hex(16)


def _start_span(scope: Scope) -> tuple[Any, object] | None:
    """With tracing on, open the request's server span (continuing the caller's W3C
    ``traceparent`` if sent) and make it current, so the jobs the request enqueues carry
    it; returns the span and the context token to detach."""
    t = tracer()
    if t is None:
        return None
    carrier = {
        name.decode("latin-1"): value.decode("latin-1")
        for name, value in scope.get("headers", ())
        if name in (b"traceparent", b"tracestate")
    }
    span = t.start_span(
        f"HTTP {scope.get('method')}",
        context=propagate.extract(carrier) if carrier else None,
        kind=trace.SpanKind.SERVER,
    )
    return span, otel_context.attach(trace.set_span_in_context(span))


def _observed(scope: Scope, status: int, started: float, active: Any) -> None:
    """The request's metrics (by route template), and its span ended, when it ends."""
    method = str(scope.get("method"))
    route = cast(dict[str, Any], scope).get("path_template") or "(unmatched)"
    observe_request(method, route, status, time.perf_counter() - started)
    if active is None:
        return
    span, token = active
    span.update_name(f"{method} {route}")
    span.set_attributes(
        {
            "http.request.method": method,
            "http.route": route,
            "http.response.status_code": status,
        }
    )
    if status >= 500:
        span.set_status(trace.Status(trace.StatusCode.ERROR))
    span.end()
    otel_context.detach(token)


#: Sent on every answer, errors included (Litestar's ``response_headers`` reach only the
#: answers of route handlers, not a 404, 405, 413 or 500 made outside them).
SECURITY_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Cross-Origin-Resource-Policy": "same-origin",
}


_SECURITY_RAW = tuple(
    (name.lower().encode("latin-1"), value.encode("latin-1"))
    for name, value in SECURITY_HEADERS.items()
)
_CACHE_CONTROL = b"cache-control"
_NO_STORE = (_CACHE_CONTROL, b"no-store")


async def echo_request_id(message: Message, scope: Scope) -> None:
    """``before_send`` hook: every answer carries the request id and the security headers,
    error answers made by the app's exception handlers (401, 404...) included; every API
    answer (tokens, personal data) is ``Cache-Control: no-store``.

    Works on the message's raw header list (one pass over the names present) rather than
    ``MutableScopeHeaders``, whose look-ups decode every header again for each name: a
    tenth of a millisecond on every request (benchmarks/README.md, branch ``apipath``)."""
    if message["type"] != "http.response.start":
        return
    raw = cast(dict[str, Any], message)
    headers = raw.get("headers")
    if not isinstance(headers, list):
        headers = list(headers or ())
        raw["headers"] = headers
    present = {name.lower() for name, _ in headers}
    rid = cast(dict[str, Any], scope).get(_SCOPE_KEY)
    api = str(scope.get("path", "")).startswith("/api/")
    replaced = {n for n in (_REQUEST_ID_RAW if rid else b"", _CACHE_CONTROL if api else b"") if n}
    if present & replaced:  # set, not added: one value each, as a header assignment
        headers[:] = [(n, v) for n, v in headers if n.lower() not in replaced]
    if rid:
        headers.append((_REQUEST_ID_RAW, rid.encode("latin-1")))
    for name, value in _SECURITY_RAW:
        if name not in present:
            headers.append((name, value))
    if api:
        headers.append(_NO_STORE)


async def _too_many(scope: Scope, send: Send, wait: int, who: str) -> None:
    """429 problem+json, sent from here rather than raised: an exception would leave this
    stack and reach the app's handler outside the request-id middleware."""
    body = msgspec.json.encode(
        Problem(
            type=PROBLEM_TYPE_BASE + "too-many-requests",
            title="Too many requests",
            status=429,
            detail=f"too many requests from this {who}; try again in {wait} s",
            instance=scope.get("path"),
        )
    )
    start: Any = {
        "type": "http.response.start",
        "status": 429,
        "headers": [
            (b"content-type", PROBLEM_JSON.encode()),
            (b"content-length", str(len(body)).encode()),
            (b"retry-after", str(wait).encode()),
            *((k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()),
        ],
    }
    await send(start)
    await send({"type": "http.response.body", "body": body, "more_body": False})


class RequestPipeline:
    """The request's steps (module docstring) in one ASGI layer. ``auth`` decides whether
    the route needs a token and checks it; a scope other than HTTP (a websocket) goes
    through ``auth`` as a layer of its own, as before."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        limiter: RateLimiter,
        per_ip_per_minute: int,
        per_user_per_minute: int,
        codec: TokenCodec,
        gate: SessionGate | None = None,
    ) -> None:
        self.app = app
        self.limiter = limiter
        self.per_ip = per_ip_per_minute
        self.per_user = per_user_per_minute
        self.auth = JWTAuthMiddleware(app, codec, gate)

    async def _refused(self, scope: Scope, send: Send, key: str, limit: int, who: str) -> bool:
        """Count this request against ``key``; over ``limit``, send the 429 and say so."""
        wait = await self.limiter.hit(key, limit=limit, window_seconds=_WINDOW)
        if wait:
            await _too_many(scope, send, wait, who)
        return bool(wait)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.auth(scope, receive, send)
            return
        rid = _request_id(scope)
        cast(dict[str, Any], scope)[_SCOPE_KEY] = rid
        status = 500
        started = time.perf_counter()
        active = _start_span(scope)  # None unless tracing is on (observability.tracing)

        async def send_seen(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=rid)
        # For the audit trail: the client as the edge established it (ProxyHeaders, the
        # outer layer, has already replaced a trusted proxy's address by the forwarded one).
        client = scope.get("client")
        origin = bind_source_address(client[0] if client else None)
        try:
            if (
                self.per_ip > 0
                and scope.get("path") != "/health"
                and await self._refused(
                    scope,
                    send_seen,
                    f"ip:{client[0] if client else 'unknown'}",
                    self.per_ip,
                    "address",
                )
            ):
                return
            await self.auth.authenticate(scope)
            ctx: Any = scope.get("user")
            if isinstance(ctx, TenantContext):
                # Left bound until the end of the request, so the access line has them.
                structlog.contextvars.bind_contextvars(
                    centre_id=str(ctx.centre_id),
                    user_id=str(ctx.user_id) if ctx.user_id else None,
                )
                if (
                    self.per_user > 0
                    and ctx.user_id is not None
                    and await self._refused(
                        scope, send_seen, f"user:{ctx.user_id}", self.per_user, "user"
                    )
                ):
                    return
            refuse_unknown_query(scope)  # a misspelt filter is a 400 naming it
            await self.app(scope, receive, send_seen)
        except Exception as exc:
            # Answered by the app's exception handlers, outside this middleware.
            status = getattr(exc, "status_code", 500)
            raise
        finally:
            # The route template (``/api/v1/clients/{client_id:uuid}``), not the path, so
            # lines group by route; the query string (which may hold a name to search for)
            # is never logged.
            # Asked first: structlog's level filter drops the line only after building the
            # event and running its first processor, on every request.
            if _ACCESS_LOGGER.isEnabledFor(logging.INFO):
                access_log.info(
                    "request",
                    method=scope.get("method"),
                    route=cast(dict[str, Any], scope).get("path_template") or "(unmatched)",
                    status=status,
                    duration_ms=round((time.perf_counter() - started) * 1000, 1),
                )
            _observed(scope, status, started, active)
            structlog.contextvars.clear_contextvars()
            reset_source_address(origin)
