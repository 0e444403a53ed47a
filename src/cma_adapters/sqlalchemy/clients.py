"""The SQL client repository, joined to ``SqlAlchemyUnitOfWork`` through ``clients``.

Names, contact details and notes are sealed with the centre's data key; name search goes
through blind indexes (``cma_adapters.sqlalchemy.crypto``)."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, func, insert, select, update

from cma_adapters.sqlalchemy import mappers as m
from cma_adapters.sqlalchemy.crypto import indexes_for
from cma_adapters.sqlalchemy.rows import ClientRow
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork, SqlContext, page_from
from cma_core.clients.model import Client
from cma_core.clients.ports import ClientRepository
from cma_core.shared.errors import StaleVersion
from cma_core.shared.ids import ClientId
from cma_core.shared.uow import Page, UnitOfWork

clients_t = cast(Table, ClientRow.__table__)


class SqlAlchemyClientRepository(ClientRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx

    async def add(self, client: Client) -> None:
        self._x.own(client.centre_id, "client")
        key = await self._x.keys.current(self._x.c)
        await self._x.c.execute(insert(clients_t).values(m.client_to_row(client, key)))
        self._x.touched[client.id] = client

    async def get(self, client_id: ClientId) -> Client | None:
        row = (
            (
                await self._x.c.execute(
                    select(clients_t).where(
                        clients_t.c.id == client_id, clients_t.c.centre_id == self._x.centre_id
                    )
                )
            )
            .mappings()
            .first()
        )
        if row is None:
            return None
        return m.client_from_row(row, await self._x.keys.keyring(self._x.c))

    async def list(self, *, limit: int, offset: int, name: str | None = None) -> Page[Client]:
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
        total = (
            await self._x.c.execute(select(func.count()).select_from(clients_t).where(*where))
        ).scalar_one()
        rows = (
            (
                await self._x.c.execute(
                    select(clients_t)
                    .where(*where)
                    .order_by(clients_t.c.created_at.desc(), clients_t.c.id.desc())
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

    async def save(self, client: Client) -> None:
        self._x.own(client.centre_id, "client")
        expected = client.version
        values = m.client_to_row(client, await self._x.keys.current(self._x.c))
        values.update(version=expected + 1)
        for key in ("id", "centre_id", "created_at"):
            values.pop(key)
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
        client.version = expected + 1
        self._x.touched[client.id] = client


def clients(uow: UnitOfWork) -> ClientRepository:
    return SqlAlchemyClientRepository(SqlAlchemyUnitOfWork.of(uow).context)
