"""``echo_request_id`` (the ``before_send`` hook) on raw ASGI messages: each header it owns
once, set rather than added, whatever the answer already carried; and the request metrics'
cached children count like ``labels()``."""

from __future__ import annotations

from typing import Any

import pytest
from prometheus_client import REGISTRY

from cma_entrypoints.http.protection import SECURITY_HEADERS, echo_request_id
from cma_entrypoints.observability.metrics import observe_request


def _start(headers: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    return {"type": "http.response.start", "status": 200, "headers": headers}


def _values(message: dict[str, Any], name: str) -> list[bytes]:
    return [v for n, v in message["headers"] if n.lower() == name.encode()]


@pytest.mark.parametrize("path", ["/api/v1/cases/1", "/"], ids=["api", "console"])
async def test_each_owned_header_once_and_the_request_id_set_not_added(path: str) -> None:
    message = _start(
        [
            (b"content-type", b"application/problem+json"),
            (b"X-Request-ID", b"stale"),
            (b"cache-control", b"max-age=60"),
            (b"content-security-policy", b"default-src 'self'"),  # the console's, kept
        ]
    )
    await echo_request_id(message, {"type": "http", "path": path, "cma.request_id": "rid-1"})  # type: ignore[arg-type]
    assert _values(message, "x-request-id") == [b"rid-1"]
    assert _values(message, "content-type") == [b"application/problem+json"]
    assert _values(message, "content-security-policy") == [b"default-src 'self'"]
    for name, value in SECURITY_HEADERS.items():
        if name != "Content-Security-Policy":
            assert _values(message, name.lower()) == [value.encode()]
    expected = [b"no-store"] if path.startswith("/api/") else [b"max-age=60"]
    assert _values(message, "cache-control") == expected


async def test_no_request_id_leaves_headers_alone_and_a_body_is_untouched() -> None:
    message = _start([(b"x-request-id", b"from-handler")])
    await echo_request_id(message, {"type": "http", "path": "/health"})  # type: ignore[arg-type]
    assert _values(message, "x-request-id") == [b"from-handler"]
    assert _values(message, "cache-control") == []
    body = {"type": "http.response.body", "body": b"{}"}
    await echo_request_id(body, {"type": "http", "path": "/api/v1/x"})  # type: ignore[arg-type]
    assert body == {"type": "http.response.body", "body": b"{}"}


def test_request_metrics_count_every_request_through_the_cached_children() -> None:
    labels = {"method": "GET", "route": "/test/metrics/{id}", "status": "204"}

    def count() -> float:
        return REGISTRY.get_sample_value("cma_http_requests_total", labels) or 0.0

    before = count()
    for _ in range(3):
        observe_request("GET", "/test/metrics/{id}", 204, 0.01)
    assert count() == before + 3
    seconds = REGISTRY.get_sample_value(
        "cma_http_request_duration_seconds_count", {"method": "GET", "route": "/test/metrics/{id}"}
    )
    assert seconds is not None
    assert seconds >= 3
