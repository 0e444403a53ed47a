"""The error answers every operation can give, written into the OpenAPI document.

Litestar documents one generic 400 (``application/json``, a shape we never send); every
other error status (401, 404, 412, 415, 422, 429...) went undocumented, so a client
generated from the document, or schemathesis, saw undocumented status codes and content
types on every error. Here each operation gets the problem+json answers it can give, with
the ``Problem`` schema, and the generic 400 is replaced.
"""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Litestar
from litestar._openapi.plugin import OpenAPIPlugin

from cma_entrypoints.http.common.enums import describe_enums
from cma_entrypoints.http.common.input import MAX_JSON_BYTES, MAX_JSON_DEPTH
from cma_entrypoints.http.common.response_bounds import mirror_request_bounds
from cma_entrypoints.http.common.schemas import Problem
from cma_entrypoints.http.problems import PROBLEM_JSON

_ALWAYS = {
    "400": "The request is not valid: a field or parameter outside its type or bounds "
    f"(JSON strictly typed, at most {MAX_JSON_DEPTH} levels deep). `errors[].field` names it.",
    "401": "Not signed in, the token is not valid, or the sign-in failed.",
    "404": "Not found (a record of another centre is reported the same way).",
    "405": "Method not allowed on this path.",
    "422": "The request is well-formed but breaks a rule; `errors[].field` names the field.",
    "429": "Too many requests; `Retry-After` says when to try again.",
    "500": "Something went wrong on our side; it has been logged.",
    "503": "A service CMA needs is unavailable; try again later.",
}
_AUTHENTICATED = {"403": "Your role does not allow this."}
_WITH_BODY = {
    "409": "Conflicts with the current state of the record. Type `case-closed`: the "
    "change would alter a closed case's record; reopen the case first.",
    "413": f"The body is too large (JSON: at most {MAX_JSON_BYTES} bytes).",
    "415": "The body must be sent as `application/json`.",
}
_WITH_IF_MATCH = {
    "412": "The record changed since you read it (`If-Match` is stale).",
    "428": "Send `If-Match` with the ETag of the version you are editing.",
}
_METHODS = ("get", "put", "post", "delete", "patch")


def _problem_schemas() -> dict[str, Any]:
    (_, defs) = msgspec.json.schema_components(
        [Problem], ref_template="#/components/schemas/{name}"
    )
    return defs


def _public(app: Litestar) -> set[tuple[str, str]]:
    """(path, method) of the operations that need no token (``exclude_from_auth``)."""
    out = set()
    for route in app.routes:
        for handler in getattr(route, "route_handlers", ()):
            if handler.opt.get("exclude_from_auth"):
                for method in handler.http_methods:
                    out.add((route.path_format or "/", method.lower()))
    return out


def _document(schema: dict[str, Any], public: set[tuple[str, str]]) -> dict[str, Any]:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name, body in _problem_schemas().items():
        components.setdefault(name, body)
    secured_by_default = bool(schema.get("security"))
    for path, item in schema.get("paths", {}).items():
        for method in _METHODS:
            op = item.get(method)
            if op is None:
                continue
            if (path, method) in public:
                op["security"] = []  # sign-in, refresh, /health: no token needed
            codes = dict(_ALWAYS)
            if op.get("security", [{}] if secured_by_default else []) != []:
                codes.update(_AUTHENTICATED)
            if "requestBody" in op or method in ("put", "post", "patch", "delete"):
                codes.update(_WITH_BODY)
            if any(p.get("name") == "If-Match" for p in op.get("parameters", [])):
                codes.update(_WITH_IF_MATCH)
            responses = op.setdefault("responses", {})
            for code, description in codes.items():
                given = responses.get(code)
                if given is None or "application/json" in given.get("content", {}):
                    responses[code] = {
                        "description": description,
                        "content": {
                            PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}
                        },
                    }
    return schema


class _DocumentedOpenAPIPlugin(OpenAPIPlugin):
    """Litestar's plugin, serving the document with the problem answers added."""

    __slots__ = ()

    def provide_openapi_schema(self) -> dict[str, Any]:
        if not self._openapi_schema:
            self._openapi_schema = mirror_request_bounds(
                describe_enums(_document(super().provide_openapi_schema(), _public(self.app)))
            )
        return self._openapi_schema


def document_problems(app: Litestar) -> None:
    """Add the problem answers to ``app``'s OpenAPI document when it is first served.

    Litestar builds its own plugin inside ``Litestar()``; this swaps in the subclass (no
    new state: the same slots), the one way to post-process the served document."""
    plugin = app.plugins.get(OpenAPIPlugin)
    plugin.__class__ = _DocumentedOpenAPIPlugin
