"""Request size and rate limits, request ids, and no personal data in the logs."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from tests.e2e.conftest import make_centre, sign_in

from cma_adapters.security import InMemoryRateLimiter, RedisRateLimiter
from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.http.app import create_app
from cma_entrypoints.logs import json_formatter
from cma_entrypoints.settings import Settings

NAME = ("Zanzibar", "Quixote")


def _container(url: str, tmp_path: Any, **env: str) -> Container:
    return build_container(
        Settings.from_env(
            {
                "CMA_DATA_DIR": str(tmp_path),
                "CMA_DATABASE_URL": url,
                "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
                "CMA_ARGON2_TIME_COST": "1",
                "CMA_ARGON2_MEMORY_COST": "1024",
                **env,
            }
        )
    )


@pytest.fixture
async def small(
    sqlite_url: str, tmp_path: Any
) -> AsyncIterator[tuple[Container, httpx.AsyncClient]]:
    container = _container(
        sqlite_url,
        tmp_path,
        CMA_MAX_REQUEST_BYTES="2048",
        CMA_RATE_LIMIT_PER_MINUTE="5",
        CMA_RATE_LIMIT_PER_IP_PER_MINUTE="12",
    )
    transport = httpx.ASGITransport(app=create_app(container))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield container, http
    await shutdown(container)


async def test_oversized_body_is_413_problem(small: tuple[Container, httpx.AsyncClient]) -> None:
    container, http = small
    centre = await make_centre(container, "Centre A")
    api = await sign_in(http, "adviser@centrea.example", centre)
    body = {"first_name": "Ann", "last_name": "Lee", "date_of_birth": "1984-03-02"}
    body["phone"] = "0" * 4000
    r = await api.post("/api/v1/clients", body)
    assert r.status_code == 413, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["status"] == 413


async def test_per_user_and_per_address_limits_answer_429_with_retry_after(
    small: tuple[Container, httpx.AsyncClient],
) -> None:
    container, http = small
    centre = await make_centre(container, "Centre A")
    await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(centre)),
        email="second@centrea.example",
        role=Role.ADVISER,
        password="correct horse battery staple",
    )
    one = await sign_in(http, "adviser@centrea.example", centre)  # 1 request from the address
    two = await sign_in(http, "second@centrea.example", centre)  # 2
    codes = [(await one.get("/api/v1/clients")).status_code for _ in range(6)]  # 8
    assert codes == [200] * 5 + [429]
    refused = await one.get("/api/v1/clients")  # 9
    assert refused.status_code == 429
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.json()["type"].endswith("/too-many-requests")
    assert "user" in refused.json()["detail"]
    assert refused.headers["x-request-id"]
    # Another user of the same address is not limited by the first one's count...
    assert [(await two.get("/api/v1/clients")).status_code for _ in range(3)] == [200] * 3  # 12
    # ...until the address itself is over its limit, signed in or not.
    by_address = await http.get("/api/v1/clients")
    assert by_address.status_code == 429
    assert "address" in by_address.json()["detail"]
    assert (await http.get("/health")).status_code == 200  # health checks are not limited


async def test_request_id_is_echoed_or_generated(
    small: tuple[Container, httpx.AsyncClient],
) -> None:
    _, http = small
    r = await http.get("/health", headers={"X-Request-ID": "abc-123"})
    assert r.headers["x-request-id"] == "abc-123"
    generated = (await http.get("/health", headers={"X-Request-ID": "bad id\nforged"})).headers
    assert generated["x-request-id"] != "bad id\nforged"
    assert len(generated["x-request-id"]) == 32
    assert (await http.get("/api/v1/clients")).headers["x-request-id"]  # on a 401 too


@pytest.mark.parametrize("make", ["memory", "redis"])
async def test_rate_limiters(make: str, request: pytest.FixtureRequest) -> None:
    if make == "redis":
        url = request.getfixturevalue("redis_url")
        limiter: Any = RedisRateLimiter.from_url(url, namespace=f"cma-test-{uuid.uuid4().hex}")
    else:
        limiter = InMemoryRateLimiter()
    try:
        results = [await limiter.hit("user:u1", limit=3, window_seconds=30) for _ in range(5)]
        assert results[:3] == [0, 0, 0]
        assert all(1 <= r <= 30 for r in results[3:])
        assert await limiter.hit("user:u2", limit=3, window_seconds=30) == 0
    finally:
        if make == "redis":
            await limiter.aclose()


async def test_in_memory_window_resets() -> None:
    now = [100.0]
    limiter = InMemoryRateLimiter(monotonic=lambda: now[0])
    assert [await limiter.hit("k", limit=1, window_seconds=60) for _ in range(2)] == [0, 60]
    now[0] += 60
    assert await limiter.hit("k", limit=1, window_seconds=60) == 0


# --------------------------------------------------------------------------- logs


@contextlib.contextmanager
def all_logs() -> Iterator[io.StringIO]:
    """Every logger at DEBUG (sqlalchemy.engine at INFO, where it logs statements and would
    log their parameters), rendered by the app's JSON formatter. Entered inside the test:
    pytest resets the root level between a test's phases."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(json_formatter())
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    saved = root.level, logging.getLogger("sqlalchemy.engine").level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(saved[0])
        logging.getLogger("sqlalchemy.engine").setLevel(saved[1])


async def _flow(url: str, tmp_path: Any) -> str:
    """Create, read, list by name, open a case, add a sensitive note, update the case and
    the client's contact consent, and one invalid request. Returns the centre id."""
    container = _container(url, tmp_path)  # its engine is made now, at INFO
    transport = httpx.ASGITransport(app=create_app(container))
    first, last = NAME
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            centre = await make_centre(container, "Centre Logs", Role.SUPERVISOR)
            api = await sign_in(http, "supervisor@centrelogs.example", centre)
            api.headers["X-Request-ID"] = "req-flow-1"
            created = await api.post(
                "/api/v1/clients",
                {
                    "first_name": first,
                    "last_name": last,
                    "date_of_birth": "1961-07-04",
                    "email": "zanzibar.quixote@example.org",
                    "phone": "07700 900777",
                    "ni_number": "JK123456D",
                },
            )
            assert created.status_code == 201, created.text
            client_id = created.json()["id"]
            assert (await api.get(f"/api/v1/clients/{client_id}")).json()["last_name"] == last
            listed = await api.get("/api/v1/clients", params={"name": first.lower()})
            assert [c["id"] for c in listed.json()["items"]] == [client_id]
            case = await api.post("/api/v1/cases", {"client_id": client_id})
            assert case.status_code == 201, case.text
            case_id = case.json()["id"]
            note = await api.post(
                f"/api/v1/cases/{case_id}/notes",
                {"body": f"{first} {last} told us about a health condition", "sensitive": True},
            )
            assert note.status_code == 201, note.text
            patched = await api.patch(
                f"/api/v1/cases/{case_id}",
                {"adviser_id": None},
                headers={"If-Match": (await api.get(f"/api/v1/cases/{case_id}")).headers["etag"]},
            )
            assert patched.status_code == 200, patched.text
            consent = await api.client.put(
                f"/api/v1/clients/{client_id}/contact-consent",
                json={"email": True, "sms": False},
                headers={**api.headers, "If-Match": '"0"'},
            )
            assert consent.status_code == 200, consent.text
            notes = await api.get(f"/api/v1/cases/{case_id}/notes")
            assert first in notes.text  # the API returns it; the logs must not
            bad = await api.post("/api/v1/clients", {"first_name": first, "last_name": last})
            assert bad.status_code == 400
    finally:
        await shutdown(container)
    return centre


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
async def test_no_personal_data_in_logs(
    backend: str, tmp_path: Any, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "postgres_url")
    first, last = NAME
    with all_logs() as captured:
        centre = await _flow(url, tmp_path)
    # The test's own HTTP client (httpx) logs the URLs it requests, query string included;
    # that is this harness, not the application.
    lines = [json.loads(line) for line in captured.getvalue().splitlines() if line.strip()]
    lines = [line for line in lines if line.get("logger") != "httpx"]
    text = "\n".join(json.dumps(line) for line in lines)
    assert not [line for line in lines if line.get("logger") == "aiosqlite"]
    assert any(line.get("logger", "").startswith("sqlalchemy.engine") for line in lines)
    assert "[SQL parameters hidden due to hide_parameters=True]" in text
    access = [line for line in lines if line.get("event") == "request"]
    assert access
    flow = [a for a in access if a.get("request_id") == "req-flow-1"]
    assert flow
    assert all(a["centre_id"] == centre for a in flow)
    assert all(a.get("user_id") for a in flow)
    for secret in (first, last, "zanzibar", "quixote", "900777", "JK123456D", "1961-07-04"):
        assert secret.casefold() not in text.casefold(), secret


async def test_security_headers_and_no_store_on_every_answer_errors_included(
    small: tuple[Container, httpx.AsyncClient],
) -> None:
    """Issue 13: 400/401/404/405/413/500 answers had none of the security headers."""
    from dependency_injector import providers

    container, http = small
    centre = await make_centre(container, "Centre A")
    api = await sign_in(http, "adviser@centrea.example", centre)

    class Broken:
        async def list(self, *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("boom")

    JSON = {"content-type": "application/json"}
    answers = {
        200: await http.get("/health"),
        400: await http.post("/api/v1/auth/login", content=b"{", headers=JSON),
        401: await http.get("/api/v1/clients"),
        404: await http.get("/api/v1/no/such/route"),
        405: await http.delete("/health"),
        413: await http.post("/api/v1/auth/login", content=b"x" * 4096, headers=JSON),
        415: await http.post("/api/v1/auth/login", content=b"{}"),
    }
    with container.clients.override(providers.Object(Broken())):
        answers[500] = await api.get("/api/v1/clients")
    for status, r in answers.items():
        assert r.status_code == status, (status, r.text)
        assert r.headers["x-content-type-options"] == "nosniff", status
        assert r.headers["x-frame-options"] == "DENY", status
        assert r.headers["content-security-policy"].startswith("default-src 'none'"), status
        assert r.headers["strict-transport-security"], status
        assert r.headers["referrer-policy"] == "no-referrer", status
        assert r.headers["content-type"].count("charset") <= 1, status
    token = await http.post(
        "/api/v1/auth/login",
        json={"email": "adviser@centrea.example", "password": "correct horse battery staple"},
    )
    assert token.headers["cache-control"] == "no-store"
    assert (await api.get("/api/v1/clients")).headers["cache-control"] == "no-store"


async def test_failed_sign_in_of_an_unknown_email_is_logged_without_the_email(
    small: tuple[Container, httpx.AsyncClient], caplog: pytest.LogCaptureFixture
) -> None:
    """Issue 13: failed sign-ins for unknown emails left no trace at all."""
    _, http = small
    with caplog.at_level(logging.WARNING, logger="cma.security"):
        r = await http.post(
            "/api/v1/auth/login",
            json={"email": "nobody-zanzibar@example.org", "password": "wrong password 123"},
        )
    assert r.status_code == 401
    lines = [rec.getMessage() for rec in caplog.records if rec.name == "cma.security"]
    assert len(lines) == 1
    assert lines[0].startswith("auth.login_failed account=")
    assert "zanzibar" not in lines[0].lower()
