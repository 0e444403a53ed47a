"""Fault-suite fixtures: a private Redis and a private PostgreSQL on spare ports."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.faults.servers import PostgresServer, RedisServer


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[RedisServer]:
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer(tmp_path / "redis")
    server.start()
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture(scope="session")
def private_postgres() -> Iterator[PostgresServer]:
    """One cluster for the session (initdb costs a second or two); tests that restart it
    leave it running."""
    try:
        server = PostgresServer()
    except FileNotFoundError:
        pytest.skip("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin")
    server.init()
    server.start()
    try:
        yield server
    finally:
        server.stop("immediate")
        server.remove()


@pytest.fixture(scope="session")
def private_db_url(private_postgres: PostgresServer) -> str:
    """The private cluster's ``postgres`` database, migrated once for the session."""
    from cma_adapters.sqlalchemy.migrate import upgrade

    url = private_postgres.admin_url
    upgrade(url)
    return url
