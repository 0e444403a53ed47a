"""Row Level Security binds the app by default, even on a superuser URL (PostgreSQL).

``cma migrate`` creates the ``cma_app`` role (NOLOGIN, NOSUPERUSER, NOBYPASSRLS) and every
engine the app serves with switches to it right after connecting. The test database URL is
the plain ``postgresql://postgres@…`` of the skeleton: a superuser, which RLS never binds.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from tests.contracts.test_repositories import make_client

from cma_adapters.sqlalchemy import SqlAlchemyUnitOfWork, create_engine_for
from cma_adapters.sqlalchemy.clients import clients as sql_clients
from cma_adapters.sqlalchemy.migrate import grant_app_role
from cma_core.identity.model import Centre
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.settings import Settings, SettingsError

pytestmark = pytest.mark.postgres


def _admin(url: str) -> object:
    import psycopg

    return psycopg.connect(url, autocommit=True)


def _settings(url: str, tmp_path: Path, **extra: str) -> Settings:
    return Settings.from_env(
        {
            "CMA_DATA_DIR": str(tmp_path),
            "CMA_DATABASE_URL": url,
            "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
            **extra,
        }
    )


async def _two_centres_with_a_client_each(container: Container) -> tuple[CentreId, CentreId]:
    ids = []
    for name in ("A", "B"):
        centre = Centre(
            id=CentreId(uuid.uuid4()), name=f"rls {name}", created_at=dt.datetime.now(dt.UTC)
        )
        await container.identity_store().add_centre(centre)
        async with container.uow()(centre.id) as uow:
            await sql_clients(uow).add(make_client(centre.id))
            await uow.commit()
        ids.append(centre.id)
    return ids[0], ids[1]


def test_migrate_creates_the_role_without_superuser_or_bypassrls(postgres_url: str) -> None:
    with _admin(postgres_url) as conn:  # type: ignore[attr-defined]
        row = conn.execute(
            "SELECT rolsuper, rolbypassrls, rolcanlogin, rolcreaterole, rolcreatedb "
            "FROM pg_roles WHERE rolname = 'cma_app'"
        ).fetchone()
        assert row == (False, False, False, False, False)
        grants = conn.execute(
            "SELECT has_table_privilege('cma_app', 'clients', 'SELECT, INSERT, UPDATE, DELETE'),"
            " has_table_privilege('cma_app', 'alembic_version', 'INSERT'),"
            " has_schema_privilege('cma_app', 'public', 'CREATE')"
        ).fetchone()
        assert grants == (True, False, False)


async def test_the_apps_engine_on_the_superuser_url_is_bound_by_rls(
    postgres_url: str, tmp_path: Path
) -> None:
    container = build_container(_settings(postgres_url, tmp_path))
    try:
        a, b = await _two_centres_with_a_client_each(container)
        engine = container.engine()
        async with engine.connect() as conn:
            who = (await conn.execute(text("SELECT session_user, current_user"))).one()
            assert tuple(who) == ("postgres", "cma_app")
            # No centre bound: a query that forgot its filter sees nothing at all.
            assert (await conn.execute(text("SELECT * FROM clients"))).all() == []
            # Nor may it step out of the role's reach by writing another centre's rows.
        async with SqlAlchemyUnitOfWork(engine, a) as uow:
            rows = (await uow.context.c.execute(text("SELECT * FROM clients"))).mappings().all()
            assert rows
            assert {r["centre_id"] for r in rows} == {a}
            with pytest.raises(Exception, match="row-level security"):
                await uow.context.c.execute(text("UPDATE clients SET centre_id = :b"), {"b": b})
    finally:
        await shutdown(container)


async def test_an_empty_setting_keeps_the_connected_users_rights(
    postgres_url: str, tmp_path: Path
) -> None:
    container = build_container(_settings(postgres_url, tmp_path, CMA_DATABASE_APP_ROLE=""))
    try:
        assert container.settings().database_app_role is None
        a, b = await _two_centres_with_a_client_each(container)
        async with container.engine().connect() as conn:
            assert (await conn.execute(text("SELECT current_user"))).scalar_one() == "postgres"
            seen = set((await conn.execute(text("SELECT centre_id FROM clients"))).scalars())
            assert {a, b} <= seen  # the old behaviour: the superuser sees every centre
    finally:
        await shutdown(container)


async def test_a_user_that_cannot_switch_is_warned_about(
    postgres_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    engine = create_engine_for(postgres_url, app_role="cma_no_such_role")
    try:
        with caplog.at_level(logging.WARNING, logger="cma_adapters.sqlalchemy.engine"):
            async with engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            async with engine.connect() as conn:  # once per engine, not per connection
                await conn.execute(text("SELECT 1"))
        warnings = [r.getMessage() for r in caplog.records if "NOT ENFORCED" in r.getMessage()]
        assert len(warnings) == 1
        assert "cma_no_such_role" in warnings[0]
        assert "cma migrate" in warnings[0]
    finally:
        await engine.dispose()


async def test_connected_as_a_role_that_cannot_bypass_rls_nothing_changes(
    postgres_url: str,
) -> None:
    role = f"cma_login_{uuid.uuid4().hex[:8]}"
    with _admin(postgres_url) as conn:  # type: ignore[attr-defined]
        conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'pw' NOSUPERUSER NOBYPASSRLS")
    base, db = postgres_url.rsplit("/", 1)
    url = f"postgresql://{role}:pw@{base.split('@', 1)[1]}/{db}"
    engine = create_engine_for(url)
    try:
        async with engine.connect() as conn:
            assert (await conn.execute(text("SELECT current_user"))).scalar_one() == role
    finally:
        await engine.dispose()
        with _admin(postgres_url) as conn:  # type: ignore[attr-defined]
            conn.execute(f"DROP ROLE {role}")


@pytest.fixture
def fresh_role(postgres_url: str) -> Iterator[str]:
    role = f"cma_app_{uuid.uuid4().hex[:8]}"
    yield role
    with _admin(postgres_url) as conn:  # type: ignore[attr-defined]
        conn.execute(f"DROP OWNED BY {role}")
        conn.execute(f"DROP ROLE {role}")


@pytest.fixture
def another_database(postgres_url: str) -> Iterator[str]:
    """A second, empty database of the same cluster."""
    base, _ = postgres_url.rsplit("/", 1)
    name = f"cma_test_{uuid.uuid4().hex[:12]}"
    with _admin(postgres_url) as conn:  # type: ignore[attr-defined]
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{base}/{name}"
    with _admin(postgres_url) as conn:  # type: ignore[attr-defined]
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_creating_the_role_is_idempotent_and_safe_when_migrations_race(
    postgres_url: str, another_database: str, fresh_role: str
) -> None:
    # Several databases of one cluster migrating at once (the test suite makes one per
    # session) all try to create the cluster-wide role, and two processes may migrate one
    # database at the same time: none may fail.
    urls = [postgres_url, postgres_url, another_database, another_database]
    results: list[object] = []
    barrier = threading.Barrier(len(urls))

    def migrate(url: str) -> None:
        barrier.wait()
        try:
            results.append(grant_app_role(url, fresh_role))
        except Exception as exc:  # recorded and asserted below
            results.append(exc)

    threads = [threading.Thread(target=migrate, args=(url,)) for url in urls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * len(urls)
    assert grant_app_role(postgres_url, fresh_role) is True
    with _admin(postgres_url) as conn:  # type: ignore[attr-defined]
        flags = conn.execute(
            "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = %s", (fresh_role,)
        ).fetchall()
    assert flags == [(False, False)]
    with _admin(another_database) as conn:  # type: ignore[attr-defined]
        conn.execute(f"DROP OWNED BY {fresh_role}")  # so the fixture can drop the role


def test_a_role_made_to_bypass_rls_is_put_back_by_migrate(
    postgres_url: str, fresh_role: str
) -> None:
    assert grant_app_role(postgres_url, fresh_role) is True
    with _admin(postgres_url) as conn:  # type: ignore[attr-defined]
        conn.execute(f"ALTER ROLE {fresh_role} BYPASSRLS")
    assert grant_app_role(postgres_url, fresh_role) is True
    with _admin(postgres_url) as conn:  # type: ignore[attr-defined]
        bypass = conn.execute(
            "SELECT rolbypassrls FROM pg_roles WHERE rolname = %s", (fresh_role,)
        ).fetchone()
    assert bypass == (False,)


def test_the_setting_is_checked(tmp_path: Path) -> None:
    url = "postgresql://postgres@127.0.0.1/x"
    assert _settings(url, tmp_path).database_app_role == "cma_app"
    assert _settings(url, tmp_path, CMA_DATABASE_APP_ROLE="svc_app").database_app_role == (
        "svc_app"
    )
    with pytest.raises(SettingsError, match="CMA_DATABASE_APP_ROLE"):
        _settings(url, tmp_path, CMA_DATABASE_APP_ROLE='x"; DROP ROLE postgres; --')
