"""Ports of the clients area: the client repository."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import Protocol

from cma_core.clients.lookup import ClientLookup
from cma_core.clients.model import Client
from cma_core.shared.ids import ClientId
from cma_core.shared.uow import Page


class ClientRepository(Protocol):
    async def add(self, client: Client) -> None:
        """Stage a new client. Raises ``CrossTenantAccess`` for another centre's client."""
        ...

    async def get(self, client_id: ClientId) -> Client | None:
        """The client, or ``None`` if it does not exist in this centre."""
        ...

    async def display_name(self, client_id: ClientId) -> str | None:
        """``get(client_id).display_name`` without opening the client's other sealed
        fields (the case page shows the name only), or ``None`` as ``get`` would."""
        ...

    async def display_names(self, client_ids: Sequence[ClientId]) -> dict[ClientId, str]:
        """``display_name`` of each of these clients of this centre, read together (one
        statement in the SQL adapter, the name fields only); a client that does not exist
        in this centre (erased, or another centre's) is absent from the answer."""
        ...

    async def existing(self, client_ids: Collection[ClientId]) -> set[ClientId]:
        """Those of these clients that exist in this centre (``CaseRepository.existing``'s
        twin)."""
        ...

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        name: str | None = None,
        after: tuple[dt.datetime, ClientId] | None = None,
    ) -> Page[Client]:
        """Clients of this centre, newest first; ``name`` matches first or last name exactly
        (case-insensitive), since names are stored encrypted in production. With ``after``,
        only those sorting after that ``(created_at, id)`` (keyset pages)."""
        ...

    async def lookup(
        self,
        query: ClientLookup,
        *,
        limit: int,
        offset: int,
        after: tuple[dt.datetime, ClientId] | None = None,
    ) -> Page[Client]:
        """Clients of this centre matching every criterion of ``query``
        (``ClientLookup.matches``), newest first (``after`` as for ``list``). The SQL
        adapter matches keyed blind indexes of the look-up terms, never plaintext."""
        ...

    async def refresh_lookup(self, client_ids: Sequence[ClientId]) -> int:
        """Rewrite the look-up indexes of these clients of this centre from their current
        fields (a backfill after an upgrade; idempotent). The number rewritten."""
        ...

    async def ids(self, *, limit: int, offset: int) -> Sequence[ClientId]:
        """Ids of this centre's clients, oldest first (for batch jobs)."""
        ...

    async def save(self, client: Client) -> None:
        """Persist changes; raises ``StaleVersion`` if the stored version moved on."""
        ...
