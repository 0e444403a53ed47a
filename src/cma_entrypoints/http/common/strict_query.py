"""Unknown query parameters are a 400, on every route.

A misspelt filter (``?stauts=open``) silently ignored returns the whole list, which looks
like an answer. ``refuse_unknown_query`` (a step of ``protection.RequestPipeline``) refuses
any query parameter the matched route's handler (and its dependencies) does not take, as a
problem+json naming it. The allowed
names are read from the same signature models Litestar parses parameters with, which is
also what the OpenAPI document is generated from: a documented parameter always passes
(tests/e2e/test_strict_query.py checks every operation of the document).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from litestar.enums import ScopeType
from litestar.exceptions import ValidationException
from litestar.routes import HTTPRoute
from litestar.types import Scope

_CACHE_KEY = "cma_allowed_query"


def allowed_query_params(app: Any) -> dict[int, frozenset[str]]:
    """Every HTTP handler of ``app`` (by ``id``) → the query parameter names it takes."""
    cached = app.state.get(_CACHE_KEY)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    allowed: dict[int, frozenset[str]] = {}
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler, model in route.route_handler_map.values():
            if handler.opt.get("strict_query", True):
                allowed[id(handler)] = frozenset(p.field_alias for p in model.expected_query_params)
    app.state[_CACHE_KEY] = allowed
    return allowed


def unknown_query_params(app: Any, handler: Any, query_string: bytes) -> list[str]:
    """The names in ``query_string`` that ``handler`` does not take, in order, once each.
    A handler that reads its raw query itself opts out with ``opt={"strict_query": False}``
    (the signed file links)."""
    known = allowed_query_params(app).get(id(handler))
    if known is None:
        return []
    names = dict.fromkeys(k for k, _ in parse_qsl(query_string.decode("latin-1"), True))
    return [n for n in names if n not in known]


def refuse_unknown_query(scope: Scope) -> None:
    """Raise a 400 (``ValidationException`` naming each) if the request's query has a
    parameter its matched handler does not take; run by ``protection.RequestPipeline``
    after authentication."""
    if scope["type"] == ScopeType.HTTP and scope.get("query_string"):
        handler = scope.get("route_handler")
        app = scope.get("litestar_app")
        if handler is not None and app is not None:
            unknown = unknown_query_params(app, handler, scope["query_string"])
            if unknown:
                raise ValidationException(
                    detail=f"unknown query parameter: {', '.join(unknown)}",
                    extra=[
                        {"key": n, "message": "is not a parameter of this route"} for n in unknown
                    ],
                )
