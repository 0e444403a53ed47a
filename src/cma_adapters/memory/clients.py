"""The in-memory client repository, joined to ``InMemoryUnitOfWork`` through ``clients``."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Collection, Sequence

from cma_adapters.memory.uow import InMemoryUnitOfWork, Staging, page_of, stored_copy
from cma_core.clients.lookup import ClientLookup
from cma_core.clients.model import Client
from cma_core.clients.ports import ClientRepository
from cma_core.shared.errors import CrossTenantAccess, StaleVersion
from cma_core.shared.ids import ClientId
from cma_core.shared.uow import Page, UnitOfWork


class InMemoryClientRepository(ClientRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow, self._db, self._centre = uow, uow.db, uow.centre_id

    @property
    def _st(self) -> Staging:
        return self._uow.staging

    async def add(self, client: Client) -> None:
        if client.centre_id != self._centre:
            raise CrossTenantAccess("client belongs to another centre")
        stored = stored_copy(client)
        self._st.ops.append(lambda: self._db.clients.__setitem__(client.id, stored))
        self._st.touched[client.id] = client

    async def get(self, client_id: ClientId) -> Client | None:
        client = self._db.clients.get(client_id)
        if client is None or client.centre_id != self._centre:
            return None
        return copy.deepcopy(client)

    async def display_name(self, client_id: ClientId) -> str | None:
        client = self._db.clients.get(client_id)
        if client is None or client.centre_id != self._centre:
            return None
        return client.display_name

    async def display_names(self, client_ids: Sequence[ClientId]) -> dict[ClientId, str]:
        found = (self._db.clients.get(i) for i in client_ids)
        return {
            c.id: c.display_name for c in found if c is not None and c.centre_id == self._centre
        }

    async def existing(self, client_ids: Collection[ClientId]) -> set[ClientId]:
        found = (self._db.clients.get(i) for i in client_ids)
        return {c.id for c in found if c is not None and c.centre_id == self._centre}

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        name: str | None = None,
        after: tuple[dt.datetime, ClientId] | None = None,
    ) -> Page[Client]:
        rows = [c for c in self._db.clients.values() if c.centre_id == self._centre]
        if name:
            wanted = name.strip().casefold()
            rows = [c for c in rows if wanted in (c.first_name.casefold(), c.last_name.casefold())]
        rows.sort(key=_newest, reverse=True)
        return page_of(
            [copy.deepcopy(c) for c in rows],
            limit,
            offset,
            after=after,
            key=_newest,
            descending=True,
        )

    async def lookup(
        self,
        query: ClientLookup,
        *,
        limit: int,
        offset: int,
        after: tuple[dt.datetime, ClientId] | None = None,
    ) -> Page[Client]:
        refs: dict[ClientId, set[str]] = {}
        for case in self._db.cases.values():
            if case.centre_id == self._centre:
                refs.setdefault(case.client_id, set()).add(case.reference)
        rows = [
            c
            for c in self._db.clients.values()
            if c.centre_id == self._centre and query.matches(c, _metaphone, refs.get(c.id, set()))
        ]
        rows.sort(key=_newest, reverse=True)
        return page_of(
            [copy.deepcopy(c) for c in rows],
            limit,
            offset,
            after=after,
            key=_newest,
            descending=True,
        )

    async def refresh_lookup(self, client_ids: Sequence[ClientId]) -> int:
        # Terms are derived from the clients on every look-up: nothing is stored to rewrite.
        return sum(
            1
            for i in client_ids
            if (c := self._db.clients.get(i)) is not None and c.centre_id == self._centre
        )

    async def ids(self, *, limit: int, offset: int) -> Sequence[ClientId]:
        rows = sorted(
            (c for c in self._db.clients.values() if c.centre_id == self._centre),
            key=lambda c: (c.created_at, c.id),
        )
        return [c.id for c in rows[offset : offset + limit]]

    async def save(self, client: Client) -> None:
        if client.centre_id != self._centre:
            raise CrossTenantAccess("client belongs to another centre")
        expected = self._st.base_versions.setdefault(client.id, client.version)
        client.version += 1
        stored = stored_copy(client)

        def check() -> None:
            current = self._db.clients.get(client.id)
            if current is None or current.centre_id != self._centre or current.version != expected:
                raise StaleVersion("client", expected, current.version if current else 0)

        self._st.checks.append(check)
        self._st.ops.append(lambda: self._db.clients.__setitem__(client.id, stored))
        self._st.touched[client.id] = client


def clients(uow: UnitOfWork) -> ClientRepository:
    return InMemoryClientRepository(InMemoryUnitOfWork.of(uow))


def _metaphone(word: str) -> str:
    """jellyfish's Metaphone, imported on first look-up: the memory adapters run on attrs
    alone (an embedding program without the server extra never looks clients up by name)."""
    from jellyfish import metaphone

    return str(metaphone(word))


def _newest(c: Client) -> tuple[dt.datetime, ClientId]:
    return (c.created_at, c.id)
