"""Row Level Security as the application's own database role (PostgreSQL).

The app must serve as a role that is neither superuser nor BYPASSRLS. By default it
switches to ``cma_app`` after connecting (test_rls_default_role.py); here the operator
connects as a LOGIN role of their own instead, and nothing is switched. Either way, a query
that forgot its centre filter still sees only the bound centre's rows, and none at all with
no centre bound.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from tests.contracts.test_repositories import make_client

from cma_adapters.memory import InMemoryKeyManagement
from cma_adapters.sqlalchemy import (
    SqlAlchemyIdentityStore,
    SqlAlchemyUnitOfWork,
    SqlAlchemyUnitOfWorkFactory,
    create_engine_for,
)
from cma_adapters.sqlalchemy.clients import clients as sql_clients
from cma_core.identity.model import Centre
from cma_core.shared.ids import CentreId

pytestmark = pytest.mark.postgres


def _admin(url: str) -> object:
    import psycopg

    return psycopg.connect(url, autocommit=True)


@pytest.fixture
def app_role_url(postgres_url: str) -> Iterator[str]:
    role = f"cma_app_{uuid.uuid4().hex[:10]}"
    password = uuid.uuid4().hex
    with _admin(postgres_url) as conn:  # type: ignore[attr-defined]
        conn.execute(
            f"CREATE ROLE {role} LOGIN PASSWORD '{password}' "
            "NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE"
        )
        conn.execute(f"GRANT USAGE ON SCHEMA public TO {role}")
        conn.execute(
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}"
        )
        conn.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
    base, db = postgres_url.rsplit("/", 1)
    host = base.split("@", 1)[1]
    yield f"postgresql://{role}:{password}@{host}/{db}"
    with _admin(postgres_url) as conn:  # type: ignore[attr-defined]
        conn.execute(f"DROP OWNED BY {role}")
        conn.execute(f"DROP ROLE {role}")


def test_every_table_with_centre_id_has_rls_enabled_and_forced(postgres_url: str) -> None:
    with _admin(postgres_url) as conn:  # type: ignore[attr-defined]
        rows = conn.execute(
            """
            SELECT c.table_name, k.relrowsecurity, k.relforcerowsecurity
            FROM information_schema.columns c
            JOIN pg_class k ON k.relname = c.table_name
            JOIN pg_namespace n ON n.oid = k.relnamespace AND n.nspname = c.table_schema
            WHERE c.column_name = 'centre_id' AND c.table_schema = 'public'
              AND k.relkind = 'r'
            ORDER BY 1
            """
        ).fetchall()
    assert len(rows) >= 10
    unprotected = [name for name, enabled, forced in rows if not (enabled and forced)]
    assert not unprotected, f"tables with centre_id but without forced RLS: {unprotected}"


async def test_a_forgotten_filter_sees_only_the_bound_centre(
    postgres_url: str, app_role_url: str
) -> None:
    owner = create_engine_for(postgres_url)
    app = create_engine_for(app_role_url)
    try:
        store = SqlAlchemyIdentityStore(owner)
        now = dt.datetime.now(dt.UTC)
        a, b = (Centre(id=CentreId(uuid.uuid4()), name=n, created_at=now) for n in "AB")
        for c in (a, b):
            await store.add_centre(c)
            async with SqlAlchemyUnitOfWorkFactory(owner, keys=InMemoryKeyManagement())(
                c.id
            ) as uow:
                await sql_clients(uow).add(make_client(c.id))
                await uow.commit()
        async with app.connect() as conn:
            flags = (
                await conn.execute(
                    text("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
                )
            ).one()
            assert tuple(flags) == (False, False)
        async with SqlAlchemyUnitOfWork(app, a.id) as uow:
            centres = (
                (await uow.context.c.execute(text("SELECT centre_id FROM clients"))).scalars().all()
            )
            assert set(centres) == {a.id}
            # Writing a row of another centre is refused by the policy's WITH CHECK too.
            with pytest.raises(Exception, match="row-level security"):
                await uow.context.c.execute(text("UPDATE clients SET centre_id = :b"), {"b": b.id})
        async with app.connect() as conn:
            rows = (await conn.execute(text("SELECT count(*) FROM clients"))).scalar_one()
            assert rows == 0
    finally:
        await owner.dispose()
        await app.dispose()
