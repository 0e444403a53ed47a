"""``GET /metrics``: Prometheus metrics, for operators only (not part of the API).

``CMA_METRICS=local`` (the default) answers only scrapes from this machine; ``on`` answers
any address presenting ``Authorization: Bearer $CMA_METRICS_TOKEN``; ``off`` removes the
route. Not in the OpenAPI document: it is the operators' endpoint, documented in
``docs/operations.md``.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
from typing import Any

from litestar import Request, Response, get

from cma_entrypoints.container import EVENTS_QUEUE, Container
from cma_entrypoints.observability import ObservabilitySettings
from cma_entrypoints.observability.metrics import CONTENT_TYPE, exposition, refresh_backlog

log = logging.getLogger("cma.http.metrics")


def _loopback(request: Request[Any, Any, Any]) -> bool:
    client = request.scope.get("client")
    if not client:
        return False
    try:
        return ipaddress.ip_address(client[0]).is_loopback
    except ValueError:
        return False


def _token_ok(request: Request[Any, Any, Any], token: str | None) -> bool:
    if not token:
        return False
    sent = request.headers.get("authorization", "")
    return hmac.compare_digest(sent.encode(), f"Bearer {token}".encode())


def metrics_routes(container: Container, settings: ObservabilitySettings) -> list[Any]:
    if settings.metrics == "off":
        return []

    @get(
        "/metrics",
        exclude_from_auth=True,
        include_in_schema=False,
    )
    async def metrics(request: Request[Any, Any, Any]) -> Response[bytes]:
        allowed = _token_ok(request, settings.metrics_token) or (
            settings.metrics == "local" and _loopback(request)
        )
        if not allowed:
            # As if there were no such route: nothing tells a stranger it exists.
            return Response(b"", status_code=404, media_type="text/plain")
        try:
            await refresh_backlog(container, [EVENTS_QUEUE])
        except Exception as exc:
            log.warning("metrics: backlog not read: %s", type(exc).__name__)
        return Response(exposition(), media_type=CONTENT_TYPE)

    return [metrics]
