"""Fixtures shared by every test layer: real databases, migrated, one per test session."""

from __future__ import annotations

import gc
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

POSTGRES_ADMIN_URL = os.environ.get(
    "CMA_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("CMA_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def pytest_collection_finish(session: pytest.Session) -> None:
    """Less time in Python's cyclic garbage collector, for every test of the session.

    After collection each test process holds every module it imported (the app, the
    corpus families, numpy, scikit-learn) and the collected tests: objects that live for
    the whole session. ``gc.freeze()`` moves them out of the collector's sight, so a full
    collection no longer walks them, and the higher first threshold (50,000 allocations
    rather than 700) collects young objects less often. Building the HTTP app (done per
    end-to-end test) takes 0.63 of the CPU it took with the defaults
    (``benchmarks/app_build.py``, alternating in one process), and three end-to-end
    modules took 12-22% less CPU. Garbage is still collected, only less often.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def _admin_execute(sql: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def _migrated_postgres(*, loud_in_ci: bool) -> Iterator[str]:
    """A fresh PostgreSQL database migrated to every head, dropped afterwards. Unreachable:
    the test is skipped (``loud_in_ci``: it fails under CI, an environment problem)."""
    pytest.importorskip("psycopg")
    from cma_adapters.sqlalchemy.migrate import upgrade

    name = f"cma_test_{uuid.uuid4().hex[:12]}"
    try:
        _admin_execute(f'CREATE DATABASE "{name}"')
    except Exception as exc:  # pragma: no cover - environment problem, made loud
        if loud_in_ci and os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}: {exc}")
    url = f"{POSTGRES_ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    upgrade(url)
    yield url
    _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this test session (dropped afterwards)."""
    yield from _migrated_postgres(loud_in_ci=True)


@pytest.fixture
def own_postgres() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database of this test's own: for a test that works on
    every centre of its database (the demo seed adds centres; a migration run again seals
    every centre's rows, and cannot open other tests' data keys)."""
    yield from _migrated_postgres(loud_in_ci=False)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite database migrated to every head, per test process: migrating takes
    about 0.5 s, copying the file about a millisecond."""
    from cma_adapters.sqlalchemy.migrate import upgrade

    path = tmp_path_factory.mktemp("sqlite-template") / "cma.db"
    upgrade(f"sqlite:///{path}")
    # Every connection is closed, so the write-ahead log is checkpointed into the file.
    assert not path.with_name("cma.db-wal").exists()
    return path


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    """A fresh, migrated SQLite database file for one test (a copy of the template)."""
    target = tmp_path / "cma.db"
    shutil.copyfile(sqlite_template, target)
    return f"sqlite:///{target}"


@pytest.fixture(scope="session")
def redis_url() -> str:
    pytest.importorskip("redis")
    import redis

    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except Exception as exc:  # pragma: no cover
        if os.environ.get("CI"):
            raise
        pytest.skip(f"Redis not reachable at {REDIS_URL}: {exc}")
    return REDIS_URL


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """One AWS API server (moto's server mode: S3 and KMS) on loopback for the session.

    Real HTTP, real boto3 clients; tests create their own uniquely named buckets and keys,
    so they never see each other's. Credentials are the test's to set (``testing``).
    """
    moto_server = pytest.importorskip("moto.server")
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()
