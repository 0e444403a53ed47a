"""The client look-up's blind indexes hold no plaintext and no unkeyed hash, follow a key
rotation, and go with the client, on SQLite and PostgreSQL (raw SQL reads: what a dump
or a backup holds)."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

import pytest
from jellyfish import metaphone
from sqlalchemy.ext.asyncio import AsyncEngine
from tests.security.test_field_encryption import db_url, engine, new_centre, raw

from cma_adapters.memory import InMemoryKeyManagement
from cma_adapters.sqlalchemy import SqlAlchemyUnitOfWorkFactory
from cma_adapters.sqlalchemy.clients import clients as sql_clients
from cma_adapters.sqlalchemy.rotation import SqlAlchemyKeyRotation
from cma_core.clients.lookup import ClientLookup, client_terms
from cma_core.clients.model import Client, PostalAddress
from cma_core.shared.ids import CentreId, ClientId

__all__ = ["db_url", "engine"]

NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
DOB = dt.date(1971, 7, 14)


def zanzibar(centre: CentreId) -> Client:
    return Client.register(
        client_id=ClientId(uuid.uuid4()),
        centre_id=centre,
        first_name="Zanzibar",
        last_name="Quixote-Marsh",
        date_of_birth=DOB,
        email=None,
        phone=None,
        now=NOW,
        by=None,
        address=PostalAddress.of(["9 Elm Row"], "EH7 4AA"),
    )


async def lookup(factory: SqlAlchemyUnitOfWorkFactory, centre: CentreId, **q: object) -> int:
    async with factory(centre) as uow:
        page = await sql_clients(uow).lookup(ClientLookup.of(**q), limit=10, offset=0)  # type: ignore[arg-type]
    return page.total


@pytest.mark.usefixtures("db_url")
async def test_lookup_columns_hold_no_plaintext_and_no_unkeyed_hash(engine: AsyncEngine) -> None:
    factory = SqlAlchemyUnitOfWorkFactory(engine, keys=InMemoryKeyManagement())
    centre = await new_centre(engine)
    client = zanzibar(centre)
    async with factory(centre) as uow:
        await sql_clients(uow).add(client)
        await uow.commit()

    rows = await raw(
        engine, centre, "SELECT * FROM client_lookup_terms WHERE client_id = :id", id=client.id
    )
    terms = client_terms(client, metaphone)
    assert len(rows) == len(terms) >= 10
    dump = " ".join(str(v) for r in rows for v in r).casefold()
    values = {t.value.casefold() for t in terms}
    for secret in (*values, "zanzibar", "quixote", "marsh", "eh7", "1971-07-14", "19710714"):
        assert secret not in dump, secret
    digests = {r.digest for r in rows}
    assert all(len(d) == 64 and int(d, 16) >= 0 for d in digests)
    # Not a plain hash of any term (which a dictionary of names or dates would reverse).
    for t in terms:
        for text in (
            t.value,
            f"{t.purpose}\x00{t.value}",
            f"client.lookup.{t.purpose}\x00{t.value}",
        ):
            assert hashlib.sha256(text.encode()).hexdigest() not in digests
    assert {r.key_version for r in rows} == {1}
    assert await lookup(factory, centre, name="quix", postcode="EH7", dob=DOB) == 1

    # Another centre: other keys, so the same person gives unrelated digests.
    other = await new_centre(engine)
    async with factory(other) as uow:
        await sql_clients(uow).add(zanzibar(other))
        await uow.commit()
    theirs = await raw(
        engine, other, "SELECT digest FROM client_lookup_terms WHERE centre_id = :c", c=other
    )
    assert digests.isdisjoint({r.digest for r in theirs})


@pytest.mark.usefixtures("db_url")
async def test_rotation_rewrites_the_lookup_digests(engine: AsyncEngine) -> None:
    factory = SqlAlchemyUnitOfWorkFactory(engine, keys=InMemoryKeyManagement())
    centre = await new_centre(engine)
    client = zanzibar(centre)
    async with factory(centre) as uow:
        await sql_clients(uow).add(client)
        await uow.commit()
    sql = "SELECT digest, key_version FROM client_lookup_terms WHERE client_id = :id"
    before = await raw(engine, centre, sql, id=client.id)
    await SqlAlchemyKeyRotation(factory).rotate(centre)
    after = await raw(engine, centre, sql, id=client.id)
    assert {r.key_version for r in after} == {2}
    assert len(after) == len(before)
    assert {r.digest for r in after}.isdisjoint({r.digest for r in before})
    assert await lookup(factory, centre, name="zanzibar") == 1
    assert await lookup(factory, centre, postcode="EH7 4AA") == 1


@pytest.mark.usefixtures("db_url")
async def test_reindex_rewrites_missing_digests(engine: AsyncEngine) -> None:
    """A client stored before the upgrade has no digests until ``reindex``."""
    from cma_adapters.memory import FixedClock
    from cma_adapters.sqlalchemy.factories import repository_factories
    from cma_core.clients.service import ClientService

    factory = SqlAlchemyUnitOfWorkFactory(engine, keys=InMemoryKeyManagement())
    centre = await new_centre(engine)
    client = zanzibar(centre)
    async with factory(centre) as uow:
        await sql_clients(uow).add(client)
        await uow.commit()
    async with engine.begin() as conn:  # as migration 0701 leaves an existing client
        from sqlalchemy import text

        if conn.dialect.name == "postgresql":
            await conn.execute(
                text("SELECT set_config('app.centre_id', :c, true)"), {"c": str(centre)}
            )
        await conn.execute(
            text("DELETE FROM client_lookup_terms WHERE client_id = :id"),
            {"id": client.id.hex if conn.dialect.name == "sqlite" else client.id},
        )
    assert await lookup(factory, centre, name="zanzibar") == 0
    service = ClientService(factory, FixedClock(NOW), **repository_factories("clients"))
    assert await service.reindex(centre, batch=1) == 1
    assert await service.reindex(centre) == 1  # idempotent
    assert await lookup(factory, centre, name="zanzibar") == 1
