"""What operators see (issue 13): JSON-lines access logs, Prometheus metrics at /metrics,
error reports to a Sentry-compatible endpoint. On SQLite, over ASGI (one database kind is
enough: none of this depends on it)."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import re
import threading
import uuid
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.e2e.conftest import make_centre, settle, sign_in

from cma_core.cases.model import CaseNoteAdded
from cma_core.documents.files import ContentType
from cma_core.documents.model import PageText
from cma_core.readmodels.service import CaseListQuery
from cma_core.shared.events import EventEnvelope
from cma_core.shared.ids import CaseId, CentreId, NoteId
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.http.app import create_app
from cma_entrypoints.logs import configure_logging
from cma_entrypoints.observability import ObservabilitySettings, ObservabilitySettingsError
from cma_entrypoints.observability.errors import configure_error_reporting
from cma_entrypoints.observability.metrics import TimedTextExtractor
from cma_entrypoints.settings import Settings

UNKNOWN_EMAIL = "nobody-zq@nowhere.example"
SURNAME = "Quixotebrook"


@pytest.fixture
def container(sqlite_url: str, tmp_path: Path) -> Container:
    settings = Settings.from_env(
        {
            "CMA_DATA_DIR": str(tmp_path),
            "CMA_DATABASE_URL": sqlite_url,
            "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
            "CMA_ARGON2_TIME_COST": "1",
            "CMA_ARGON2_MEMORY_COST": "1024",
        }
    )
    return build_container(settings)


def _client(app: Any, address: str = "127.0.0.1") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


@pytest.fixture
async def http(container: Container) -> AsyncIterator[httpx.AsyncClient]:
    async with _client(create_app(container)) as client:
        yield client
    await shutdown(container)


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """Every log record of the test, as the JSON lines ``cma serve`` writes."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    stream = io.StringIO()
    configure_logging("INFO", stream)
    yield stream
    root.handlers, root.level = saved[0], saved[1]


def _parse(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


async def test_one_access_line_per_request_with_ids_route_status_and_duration(
    container: Container, http: httpx.AsyncClient, log_lines: io.StringIO
) -> None:
    centre = await make_centre(container, "Logs Centre")
    api = await sign_in(http, "adviser@logscentre.example")
    made = await api.post(
        "/api/v1/clients",
        {"first_name": "Ann", "last_name": SURNAME, "date_of_birth": "1984-03-02"},
        headers={"X-Request-ID": "req-create-1"},
    )
    assert made.status_code == 201
    listed = await api.get(
        f"/api/v1/cases?client_id={made.json()['id']}", headers={"X-Request-ID": "req-list-1"}
    )
    assert listed.status_code == 200
    refused = await http.post(
        "/api/v1/auth/login", json={"email": UNKNOWN_EMAIL, "password": "not the password"}
    )
    assert refused.status_code == 401

    text = log_lines.getvalue()
    lines = _parse(log_lines)  # every line is one JSON object
    access = {x["request_id"]: x for x in lines if x.get("logger") == "cma.http.access"}
    create, listing = access["req-create-1"], access["req-list-1"]
    assert create["route"] == "/api/v1/clients"
    assert create["method"] == "POST"
    assert create["status"] == 201
    assert create["centre_id"] == centre
    assert re.fullmatch(r"[0-9a-f-]{36}", create["user_id"])
    assert isinstance(create["duration_ms"], int | float)
    assert listing["route"] == "/api/v1/cases"
    assert listing["status"] == 200
    # One access line per request: the login (200), two calls, the refused login.
    assert len([x for x in lines if x.get("logger") == "cma.http.access"]) == 4
    # Never bodies, query strings or personal data.
    assert SURNAME not in text
    assert made.json()["id"] not in text  # it was only in the query string
    assert UNKNOWN_EMAIL not in text
    assert "not the password" not in text
    # The failed sign-in for an unknown email leaves a trace (by blind index).
    assert any(x.get("logger") == "cma.security" and "login_failed" in x["event"] for x in lines), (
        text
    )


async def test_metrics_by_route_template_login_failures_backlog_and_projection_lag(
    container: Container, http: httpx.AsyncClient
) -> None:
    await make_centre(container, "Metrics Centre")
    api = await sign_in(http, "adviser@metricscentre.example")
    before = (await http.get("/metrics")).text
    case = await api.new_case()
    assert (await api.get(f"/api/v1/cases/{case['id']}")).status_code == 200
    assert (
        await http.post("/api/v1/auth/login", json={"email": UNKNOWN_EMAIL, "password": "x" * 12})
    ).status_code == 401
    await settle(container)
    caught_up = (await http.get("/metrics")).text
    for name in ("case_list", "search"):
        assert f'cma_projection_lag_seconds{{projection="{name}"}} 0.0' in caught_up
    # An event committed a minute ago that no worker has handled: both read models lag.
    centre_id = CentreId(uuid.UUID(api.centre_id))
    stale = CaseNoteAdded(
        centre_id=centre_id,
        occurred_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1),
        case_id=CaseId(uuid.UUID(case["id"])),
        note_id=NoteId(uuid.uuid4()),
        author_id=None,
    )
    async with container.uow()(centre_id) as uow:
        await uow.outbox.add([EventEnvelope.wrap(stale)])
        await uow.commit()

    after = await http.get("/metrics")
    assert after.status_code == 200
    assert after.headers["content-type"].startswith("text/plain")
    text = after.text

    def value(text: str, name: str) -> float:
        found = re.search(rf"^{re.escape(name)} ([0-9.e+-]+)$", text, re.M)
        return float(found.group(1)) if found else 0.0

    case_reads = (
        'cma_http_requests_total{method="GET",route="/api/v1/cases/{case_id}",status="200"}'
    )
    assert value(text, case_reads) == value(before, case_reads) + 1
    rejected = 'cma_login_failures_total{outcome="rejected"}'
    assert value(text, rejected) == value(before, rejected) + 1
    assert (
        'cma_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/v1/cases/{case_id}"}'
        in text
    )
    for name in ("case_list", "search"):
        assert value(text, f'cma_projection_lag_seconds{{projection="{name}"}}') >= 60
    # Read at scrape time from every centre's outbox (the in-process jobs may be running).
    assert re.search(r'^cma_outbox_owed_events\{state="unpublished"\} \d', text, re.M)
    assert "cma_outbox_oldest_owed_age_seconds" in text
    # Route templates only: no id of any record appears in a label.
    assert case["id"] not in text
    assert case["client_id"] not in text


async def test_metrics_are_for_this_machine_unless_a_token_is_configured(
    container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(container)
    async with _client(app, "203.0.113.9") as remote:
        assert (await remote.get("/metrics")).status_code == 404
    monkeypatch.setenv("CMA_METRICS", "on")
    monkeypatch.setenv("CMA_METRICS_TOKEN", "scrape-token-0123456789")
    app = create_app(container)
    async with _client(app, "203.0.113.9") as remote:
        assert (await remote.get("/metrics")).status_code == 404
        bad = {"Authorization": "Bearer wrong"}
        assert (await remote.get("/metrics", headers=bad)).status_code == 404
        good = {"Authorization": "Bearer scrape-token-0123456789"}
        ok = await remote.get("/metrics", headers=good)
        assert ok.status_code == 200
        assert "cma_http_requests_total" in ok.text
    monkeypatch.setenv("CMA_METRICS", "off")
    app = create_app(container)
    async with _client(app) as local:
        # No such route: the path falls through to the web console.
        assert "cma_http_requests_total" not in (await local.get("/metrics")).text
    # Not part of the API: absent from the OpenAPI document.
    assert "/metrics" not in app.openapi_schema.paths  # type: ignore[operator]
    await shutdown(container)


def test_metrics_on_for_everyone_needs_a_token() -> None:
    with pytest.raises(ObservabilitySettingsError, match="CMA_METRICS_TOKEN"):
        ObservabilitySettings.from_env({"CMA_METRICS": "on"})
    with pytest.raises(ObservabilitySettingsError, match="CMA_METRICS"):
        ObservabilitySettings.from_env({"CMA_METRICS": "public"})
    assert ObservabilitySettings.from_env({}).metrics == "local"
    assert ObservabilitySettings.from_env({}).otel_exporter == ""
    assert ObservabilitySettings.from_env({}).sentry_dsn is None


class _Reader:
    def __init__(self, fail: bool) -> None:
        self.fail = fail

    async def extract(self, data: bytes, content_type: ContentType) -> tuple[PageText, ...]:
        if self.fail:
            raise RuntimeError("unreadable")
        return ()


async def test_ocr_durations_are_timed_by_outcome() -> None:
    from prometheus_client import REGISTRY

    def count(outcome: str) -> float:
        got = REGISTRY.get_sample_value("cma_ocr_duration_seconds_count", {"outcome": outcome})
        return got or 0.0

    ok, failed = count("ok"), count("failed")
    assert await TimedTextExtractor(_Reader(False)).extract(b"x", ContentType.PNG) == ()
    with pytest.raises(RuntimeError):
        await TimedTextExtractor(_Reader(True)).extract(b"x", ContentType.PNG)
    assert (count("ok"), count("failed")) == (ok + 1, failed + 1)


# --- error reports -------------------------------------------------------------------------


class _Envelopes(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.headers.get("Content-Encoding") == "gzip":
            import gzip

            body = gzip.decompress(body)
        self.received.append(body)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def sentry_endpoint() -> Iterator[tuple[str, list[bytes]]]:
    import sentry_sdk

    received: list[bytes] = []
    handler = type("Handler", (_Envelopes,), {"received": received})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://publickey@127.0.0.1:{server.server_port}/7", received
    finally:
        # Reporting off again for the rest of the session: close the client and clear it.
        # (A bare ``sentry_sdk.init()`` here, as once written, switched on every default
        # integration, the Litestar one among them, which parses request bodies without
        # CMA's depth limit: a later test's 400 for JSON nested 1,000 deep became a 500.)
        sentry_sdk.get_client().close(timeout=1)
        sentry_sdk.get_global_scope().set_client(None)
        server.shutdown()


async def _boom(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("case store exploded")


async def test_unexpected_errors_reach_a_sentry_compatible_endpoint_without_personal_data(
    container: Container,
    http: httpx.AsyncClient,
    sentry_endpoint: tuple[str, list[bytes]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sentry_sdk

    dsn, received = sentry_endpoint
    assert not configure_error_reporting("cma-api", ObservabilitySettings.from_env({}))
    assert configure_error_reporting(
        "cma-api", ObservabilitySettings.from_env({"CMA_SENTRY_DSN": dsn})
    )
    await make_centre(container, "Errors Centre")
    api = await sign_in(http, "adviser@errorscentre.example")
    monkeypatch.setattr(CaseListQuery, "list", _boom)
    r = await api.get("/api/v1/cases?status=open", headers={"X-Request-ID": "req-boom"})
    assert r.status_code == 500
    sentry_sdk.flush(timeout=5)

    sent = b"\n".join(received).decode()
    assert "case store exploded" in sent
    assert "RuntimeError" in sent
    token = api.headers["Authorization"].removeprefix("Bearer ")
    assert token not in sent
    assert "status=open" not in sent
    assert "errorscentre.example" not in sent
