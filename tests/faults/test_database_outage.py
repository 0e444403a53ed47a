"""A PostgreSQL restart, a stopped server or a wrong database URL answer 503 with
``Retry-After`` on API routes, never a 500 (issue 13); the API recovers by itself."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from tests.e2e.conftest import make_centre, sign_in
from tests.faults.servers import PostgresServer

from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.http.app import create_app
from cma_entrypoints.settings import Settings


def _settings(url: str, tmp_path: Path) -> Settings:
    return Settings.from_env(
        {
            "CMA_DATA_DIR": str(tmp_path),
            "CMA_DATABASE_URL": url,
            "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
            "CMA_ARGON2_TIME_COST": "1",
            "CMA_ARGON2_MEMORY_COST": "1024",
            "CMA_KEYRING_PATH": str(tmp_path / "keyring.key"),
        }
    )


@pytest.fixture
async def app_on_private_pg(
    private_db_url: str, tmp_path: Path
) -> AsyncIterator[tuple[Container, httpx.AsyncClient]]:
    container = build_container(_settings(private_db_url, tmp_path))
    transport = httpx.ASGITransport(app=create_app(container))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield container, http
    await shutdown(container)


def _is_503_problem(r: httpx.Response) -> None:
    assert r.status_code == 503, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert 1 <= int(r.headers["retry-after"]) <= 60
    assert "Traceback" not in r.text


async def test_database_restart_and_outage_answer_503_then_recover(
    app_on_private_pg: tuple[Container, httpx.AsyncClient], private_postgres: PostgresServer
) -> None:
    container, http = app_on_private_pg
    centre = await make_centre(container, "Restart Centre")
    api = await sign_in(http, "adviser@restartcentre.example", centre)
    assert (await api.get("/api/v1/clients")).status_code == 200  # a pooled connection

    private_postgres.restart()  # every pooled connection is now dead
    first = await api.get("/api/v1/clients")
    assert first.status_code in (200, 503), first.text
    if first.status_code == 503:
        _is_503_problem(first)
    assert (await api.get("/api/v1/clients")).status_code == 200

    private_postgres.stop("immediate")
    try:
        _is_503_problem(await api.get("/api/v1/clients"))
        _is_503_problem(
            await api.post(
                "/api/v1/clients",
                {"first_name": "A", "last_name": "B", "date_of_birth": "1980-01-01"},
            )
        )
        health = await http.get("/health")
        assert health.status_code == 503
        assert health.headers["retry-after"]
    finally:
        private_postgres.start()
    assert (await api.get("/api/v1/clients")).status_code == 200


async def test_wrong_database_url_is_503(
    private_postgres: PostgresServer, private_db_url: str, tmp_path: Path
) -> None:
    wrong = private_postgres.admin_url.rsplit("/", 1)[0] + "/no_such_database"
    container = build_container(_settings(wrong, tmp_path))
    transport = httpx.ASGITransport(app=create_app(container))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        login = await http.post(
            "/api/v1/auth/login",
            json={"email": "someone@example.org", "password": "whatever password"},
        )
        _is_503_problem(login)
    await shutdown(container)
