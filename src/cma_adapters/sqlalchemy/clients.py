"""The SQL client repository, joined to ``SqlAlchemyUnitOfWork`` through ``clients``.

Names, contact details and notes are sealed with the centre's data key; name search goes
through blind indexes (``cma_adapters.sqlalchemy.crypto``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from typing import Any, cast

from jellyfish import metaphone
from sqlalchemy import ColumnElement, Table, bindparam, delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from cma_adapters.sqlalchemy import mappers as m
from cma_adapters.sqlalchemy.crypto import CentreKey, Keyring, indexes_for
from cma_adapters.sqlalchemy.rows import CaseRow, ClientLookupTermRow, ClientRow
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork, SqlContext, keyset, page_from
from cma_core.clients.lookup import ClientLookup, client_terms
from cma_core.clients.model import Client
from cma_core.clients.ports import ClientRepository
from cma_core.shared.errors import StaleVersion
from cma_core.shared.ids import ClientId
from cma_core.shared.uow import Page, UnitOfWork

clients_t = cast(Table, ClientRow.__table__)
terms_t = cast(Table, ClientLookupTermRow.__table__)
cases_t = cast(Table, CaseRow.__table__)

#: The lists' order, newest first (and their keyset cursor's key).
_NEWEST = (clients_t.c.created_at, clients_t.c.id)
#: Built once: the case page reads its client on every view (construction cost more CPU
#: than the driver's work).
_CLIENT_BY_ID = select(clients_t).where(
    clients_t.c.id == bindparam("client_id"), clients_t.c.centre_id == bindparam("centre_id")
)

_CLIENT_NAME_BY_ID = select(
    clients_t.c.id, clients_t.c.key_version, clients_t.c.first_name_enc, clients_t.c.last_name_enc
).where(clients_t.c.id == bindparam("client_id"), clients_t.c.centre_id == bindparam("centre_id"))

#: The names of a page of clients (search's client hits): one statement, not one a hit.
_CLIENT_NAMES_BY_IDS = select(
    clients_t.c.id, clients_t.c.key_version, clients_t.c.first_name_enc, clients_t.c.last_name_enc
).where(
    clients_t.c.id.in_(bindparam("client_ids", expanding=True)),
    clients_t.c.centre_id == bindparam("centre_id"),
)

#: Prefix of the look-up terms' blind-index purposes (``client.lookup.<term purpose>``):
#: the HMAC input, so a term of one kind never matches another kind's.
LOOKUP_PURPOSE = "client.lookup."


def lookup_rows(client: Client, key: CentreKey) -> list[dict[str, Any]]:
    """The ``client_lookup_terms`` rows of ``client`` under ``key``: digests only."""
    return [
        {
            "client_id": client.id,
            "digest": key.index(t.value, LOOKUP_PURPOSE + t.purpose),
            "centre_id": client.centre_id,
            "key_version": key.version,
        }
        for t in client_terms(client, metaphone)
    ]


async def write_lookup_terms(conn: AsyncConnection, client: Client, key: CentreKey) -> None:
    """Replace the client's look-up digests (on every add, save and key rotation)."""
    await conn.execute(
        delete(terms_t).where(
            terms_t.c.client_id == client.id, terms_t.c.centre_id == client.centre_id
        )
    )
    await conn.execute(insert(terms_t), lookup_rows(client, key))


class SqlAlchemyClientRepository(ClientRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx

    async def add(self, client: Client) -> None:
        self._x.own(client.centre_id, "client")
        self._x.case_client = None
        key = await self._x.keys.current(self._x.c)
        await self._x.c.execute(insert(clients_t).values(m.client_to_row(client, key)))
        await write_lookup_terms(self._x.c, client, key)
        self._x.touched[client.id] = client

    async def get(self, client_id: ClientId) -> Client | None:
        found = await self._x.c.execute(
            _CLIENT_BY_ID, {"client_id": client_id, "centre_id": self._x.centre_id}
        )
        row = found.mappings().first()
        if row is None:
            return None
        keyring = await self._x.keys.keyring(self._x.c, needs=row["key_version"])
        return m.client_from_row(row, keyring)

    async def display_name(self, client_id: ClientId) -> str | None:
        joined, self._x.case_client = self._x.case_client, None
        row: Mapping[Any, Any] | None
        if joined is not None and joined[0] == client_id:
            row = joined[1]  # read with the case, in this transaction
        else:
            found = await self._x.c.execute(
                _CLIENT_NAME_BY_ID, {"client_id": client_id, "centre_id": self._x.centre_id}
            )
            row = found.mappings().first()
            if row is None:
                return None
        keyring = await self._x.keys.keyring(lambda: self._x.c, needs=row["key_version"])
        return m.client_display_name(row, keyring)

    async def display_names(self, client_ids: Sequence[ClientId]) -> dict[ClientId, str]:
        wanted = list(dict.fromkeys(client_ids))
        if not wanted:
            return {}
        found = await self._x.c.execute(
            _CLIENT_NAMES_BY_IDS, {"client_ids": wanted, "centre_id": self._x.centre_id}
        )
        names: dict[ClientId, str] = {}
        rings: dict[int, Keyring] = {}
        for row in found.mappings().all():
            version = row["key_version"]
            if version not in rings:
                rings[version] = await self._x.keys.keyring(self._x.c, needs=version)
            names[ClientId(row["id"])] = m.client_display_name(row, rings[version])
        return names

    async def existing(self, client_ids: Collection[ClientId]) -> set[ClientId]:
        if not client_ids:
            return set()
        found = await self._x.c.execute(
            select(clients_t.c.id).where(
                clients_t.c.centre_id == self._x.centre_id, clients_t.c.id.in_(list(client_ids))
            )
        )
        return {ClientId(r[0]) for r in found}

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        name: str | None = None,
        after: tuple[dt.datetime, ClientId] | None = None,
    ) -> Page[Client]:
        where = [clients_t.c.centre_id == self._x.centre_id]
        if name:
            # Exact first or last name, any case, through the blind indexes of every key
            # version (rows a rotation has not reached yet keep their old index).
            keys = await self._x.keys.all(self._x.c)
            if not keys:
                return page_from([], 0, limit, offset)
            where.append(
                clients_t.c.first_name_bidx.in_(indexes_for(keys, name, m.FIRST_NAME_INDEX))
                | clients_t.c.last_name_bidx.in_(indexes_for(keys, name, m.LAST_NAME_INDEX))
            )
        return await self._page(where, limit, offset, after)

    async def lookup(
        self,
        query: ClientLookup,
        *,
        limit: int,
        offset: int,
        after: tuple[dt.datetime, ClientId] | None = None,
    ) -> Page[Client]:
        keys = await self._x.keys.all(self._x.c)
        if not keys:
            return page_from([], 0, limit, offset)
        centre = self._x.centre_id
        where: list[ColumnElement[bool]] = [clients_t.c.centre_id == centre]
        for either in query.criteria(metaphone):
            # Under every key version: rows a rotation has not reached keep their old digests.
            digests = [k.index(t.value, LOOKUP_PURPOSE + t.purpose) for k in keys for t in either]
            where.append(
                clients_t.c.id.in_(
                    select(terms_t.c.client_id).where(
                        terms_t.c.centre_id == centre, terms_t.c.digest.in_(digests)
                    )
                )
            )
        if query.reference is not None:
            where.append(
                clients_t.c.id.in_(
                    select(cases_t.c.client_id).where(
                        cases_t.c.centre_id == centre, cases_t.c.reference == query.reference
                    )
                )
            )
        return await self._page(where, limit, offset, after)

    async def _page(
        self,
        where: Sequence[ColumnElement[bool]],
        limit: int,
        offset: int,
        after: tuple[dt.datetime, ClientId] | None = None,
    ) -> Page[Client]:
        total = (
            await self._x.c.execute(select(func.count()).select_from(clients_t).where(*where))
        ).scalar_one()
        rows = (
            (
                await self._x.c.execute(
                    select(clients_t)
                    .where(*where, *keyset(_NEWEST, after, descending=True))
                    .order_by(*(c.desc() for c in _NEWEST))
                    .limit(limit)
                    .offset(offset)
                )
            )
            .mappings()
            .all()
        )
        if not rows:
            return page_from([], total, limit, offset)
        keyring = await self._x.keys.keyring(self._x.c)
        return page_from([m.client_from_row(r, keyring) for r in rows], total, limit, offset)

    async def refresh_lookup(self, client_ids: Sequence[ClientId]) -> int:
        key = await self._x.keys.current(self._x.c)
        done = 0
        for client_id in client_ids:
            client = await self.get(client_id)
            if client is not None:
                await write_lookup_terms(self._x.c, client, key)
                done += 1
        return done

    async def ids(self, *, limit: int, offset: int) -> Sequence[ClientId]:
        rows = await self._x.c.execute(
            select(clients_t.c.id)
            .where(clients_t.c.centre_id == self._x.centre_id)
            .order_by(clients_t.c.created_at, clients_t.c.id)
            .limit(limit)
            .offset(offset)
        )
        return [ClientId(i) for i in rows.scalars()]

    async def save(self, client: Client) -> None:
        self._x.case_client = None
        self._x.own(client.centre_id, "client")
        expected = client.version
        key = await self._x.keys.current(self._x.c)
        values = m.client_to_row(client, key)
        values.update(version=expected + 1)
        for column in ("id", "centre_id", "created_at"):
            values.pop(column)
        result = await self._x.c.execute(
            update(clients_t)
            .where(
                clients_t.c.id == client.id,
                clients_t.c.centre_id == self._x.centre_id,
                clients_t.c.version == expected,
            )
            .values(values)
        )
        if result.rowcount != 1:
            actual = (
                await self._x.c.execute(
                    select(clients_t.c.version).where(
                        clients_t.c.id == client.id, clients_t.c.centre_id == self._x.centre_id
                    )
                )
            ).scalar()
            raise StaleVersion("client", expected, actual or 0)
        await write_lookup_terms(self._x.c, client, key)
        client.version = expected + 1
        self._x.touched[client.id] = client


def clients(uow: UnitOfWork) -> ClientRepository:
    return SqlAlchemyClientRepository(SqlAlchemyUnitOfWork.of(uow).context)
