"""Bulk writes of clients, cases and debts: the fast path of back-office imports and the seed.

The rows are the repositories' own (``mappers.client_to_row`` seals the personal fields
under the centre's data key and computes the blind indexes; ``lookup_rows`` the keyed
look-up digests; ``mappers.note_to_row`` seals sensitive notes; a debt's row is what the
debt repository writes), so a bulk-written record reads back exactly like one the API
wrote. What differs is how they reach the database: many rows per statement
(``executemany``, which SQLAlchemy sends as multi-row ``INSERT``\\ s on PostgreSQL) inside
the caller's unit of work, so Row Level Security, the audit chain (entries appended to
the unit of work are linked at commit) and the outbox (the aggregates are tracked, so
their events are written at commit and the worker makes each case's initial-contact task
and search documents, as for a case opened through the API) all apply unchanged.

``copy_rows`` is the PostgreSQL ``COPY`` variant for the national seed, which writes as
the database owner into an empty database (``COPY FROM`` is refused on tables under
Row Level Security for the application role).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Table, column, insert, select, table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from cma_adapters.sqlalchemy import mappers as m
from cma_adapters.sqlalchemy.clients import lookup_rows
from cma_adapters.sqlalchemy.crypto import CentreKey, aad
from cma_adapters.sqlalchemy.debts import CREDITOR_INDEX, DEBT_SEALED, debt_creditor_key
from cma_adapters.sqlalchemy.readmodels import row_values
from cma_adapters.sqlalchemy.rows import (
    TABLES,
    Base,
    CaseNoteRow,
    CaseRow,
    CentreCounterRow,
    ClientLookupTermRow,
    ClientRow,
    ImportRefRow,
)
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork, SqlContext
from cma_core.cases.model import Case
from cma_core.clients.model import Client
from cma_core.debts.ports import DebtEntry
from cma_core.readmodels.model import CaseListRow
from cma_core.shared.data import to_data
from cma_core.shared.uow import UnitOfWork

clients_t = cast(Table, ClientRow.__table__)
terms_t = cast(Table, ClientLookupTermRow.__table__)
cases_t = cast(Table, CaseRow.__table__)
notes_t = cast(Table, CaseNoteRow.__table__)
counters_t = cast(Table, CentreCounterRow.__table__)
refs_t = cast(Table, ImportRefRow.__table__)
debts_t = TABLES["advice_debts"]

#: Rows per statement: large enough to amortise the round trip, small enough to stay
#: under PostgreSQL's 32,767 bind parameters with the widest row (clients, 24 columns).
BATCH = 1000

#: ``import_refs.kind`` of each record kind, and the column that holds its id.
REF_COLUMN = {"client": "client_id", "case": "case_id", "debt": "debt_id"}


def client_rows(client: Client, key: CentreKey) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The ``clients`` row of ``client`` and its ``client_lookup_terms`` rows under ``key``."""
    return m.client_to_row(client, key), lookup_rows(client, key)


def case_list_row(row: CaseListRow, key: CentreKey) -> dict[str, Any]:
    """The ``case_list_rows`` row of ``row``, as the projection's adapter writes it."""
    return row_values(row, key)


def debt_row(entry: DebtEntry, key: CentreKey) -> dict[str, Any]:
    """The ``advice_debts`` row of ``entry``, as the debt repository writes it (its
    ``DEBT_SEALED`` parts sealed under ``key``)."""
    debt = entry.debt
    data: dict[str, Any] = to_data(entry)
    secret = json.dumps({k: data.pop(k) for k in DEBT_SEALED if k in data})
    data["sealed"] = key.seal(secret, aad("advice_debts", "sealed", debt.id))
    return {
        "id": debt.id,
        "centre_id": debt.centre_id,
        "case_id": debt.case_id,
        "kind": debt.debt_type.value,
        "sort_key": None
        if (creditor := debt_creditor_key(entry)) is None
        else key.index(creditor, CREDITOR_INDEX),
        "created_at": entry.created_at,
        "version": entry.version,
        "data": data,
    }


async def insert_rows(conn: AsyncConnection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """Insert ``rows`` into ``table``, ``BATCH`` rows a statement."""
    for start in range(0, len(rows), BATCH):
        await conn.execute(insert(table), list(rows[start : start + BATCH]))
    return len(rows)


async def insert_named(conn: AsyncConnection, name: str, rows: Sequence[dict[str, Any]]) -> int:
    """``insert_rows`` into the table called ``name``: the model's table (its column types
    convert the values) or, for a table only a migration declares (``search_documents``),
    a bare one of the rows' columns (JSON objects serialised first, lists left as arrays)."""
    if not rows:
        return 0
    known = Base.metadata.tables.get(name)
    if known is not None:
        return await insert_rows(conn, known, rows)
    bare = table(name, *(column(c) for c in rows[0]))
    plain = [{k: json.dumps(v) if isinstance(v, dict) else v for k, v in r.items()} for r in rows]
    return await insert_rows(conn, cast(Table, bare), plain)


class BulkWriter:
    """Writes validated records in bulk in one open SQL unit of work (which the caller
    commits, or not: nothing is written until it does)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = SqlAlchemyUnitOfWork.of(uow)
        self._x: SqlContext = self._uow.context

    async def known(self, kind: str, external_ids: Iterable[str]) -> dict[str, uuid.UUID]:
        """Which of ``external_ids`` of ``kind`` were imported before, and as what."""
        wanted = list(dict.fromkeys(external_ids))
        found: dict[str, uuid.UUID] = {}
        column = refs_t.c[REF_COLUMN[kind]]
        for start in range(0, len(wanted), BATCH):
            rows = await self._x.c.execute(
                select(refs_t.c.external_id, column).where(
                    refs_t.c.centre_id == self._x.centre_id,
                    refs_t.c.kind == kind,
                    refs_t.c.external_id.in_(wanted[start : start + BATCH]),
                )
            )
            found.update({r[0]: r[1] for r in rows})
        return found

    async def reserve_case_numbers(self, count: int) -> int:
        """The first of ``count`` consecutive case reference numbers, taken from the
        centre's counter in one statement (the counter row stays locked until commit, as
        when one case is opened)."""
        dialect = self._x.c.dialect.name
        ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(counters_t)
        stmt = (
            ins.values(centre_id=self._x.centre_id, case_seq=count)
            .on_conflict_do_update(
                index_elements=[counters_t.c.centre_id],
                set_={"case_seq": counters_t.c.case_seq + count},
            )
            .returning(counters_t.c.case_seq)
        )
        last = int((await self._x.c.execute(stmt)).scalar_one())
        return last - count + 1

    async def add_clients(self, clients: Sequence[tuple[str, Client]], at: dt.datetime) -> int:
        """Clients (with their external ids), sealed and indexed as the repository does."""
        key = await self._x.keys.current(self._x.c)
        rows, terms = [], []
        for _, client in clients:
            self._x.own(client.centre_id, "client")
            row, client_terms = client_rows(client, key)
            rows.append(row)
            terms += client_terms
            self._uow.track(client)
        await insert_rows(self._x.c, clients_t, rows)
        await insert_rows(self._x.c, terms_t, terms)
        await self._refs("client", [(ext, c.id) for ext, c in clients], at)
        return len(rows)

    async def add_cases(self, cases: Sequence[tuple[str, Case]], at: dt.datetime) -> int:
        """Cases and their notes (sensitive ones sealed), as the case repository does."""
        notes = [c for _, c in cases if c.notes]
        key = await self._x.keys.current(self._x.c) if notes else None
        rows, note_rows = [], []
        for _, case in cases:
            self._x.own(case.centre_id, "case")
            rows.append(m.case_to_row(case))
            note_rows += [m.note_to_row(case, n, key) for n in case.notes]
            self._uow.track(case)
        await insert_rows(self._x.c, cases_t, rows)
        await insert_rows(self._x.c, notes_t, note_rows)
        await self._refs("case", [(ext, c.id) for ext, c in cases], at)
        return len(rows)

    async def add_debts(self, debts: Sequence[tuple[str, DebtEntry]], at: dt.datetime) -> int:
        if not debts:
            return 0
        rows = []
        key = await self._x.keys.current(self._x.c)
        for _, entry in debts:
            self._x.own(entry.debt.centre_id, "debt")
            rows.append(debt_row(entry, key))
        await insert_rows(self._x.c, debts_t, rows)
        await self._refs("debt", [(ext, e.debt.id) for ext, e in debts], at)
        return len(rows)

    async def _refs(
        self, kind: str, refs: Sequence[tuple[str, uuid.UUID]], at: dt.datetime
    ) -> None:
        column = REF_COLUMN[kind]
        rows = [
            {
                "centre_id": self._x.centre_id,
                "kind": kind,
                "external_id": ext,
                "client_id": None,
                "case_id": None,
                "debt_id": None,
                column: record_id,
                "created_at": at,
            }
            for ext, record_id in refs
        ]
        await insert_rows(self._x.c, refs_t, rows)


def _copy_value(value: Any) -> Any:
    return json.dumps(value) if isinstance(value, dict | list) else value


async def copy_rows(driver_conn: Any, table: str, rows: Sequence[dict[str, Any]]) -> int:
    """``COPY`` ``rows`` (dicts with the same keys) into ``table`` through an asyncpg
    connection: the seed's PostgreSQL path (as the owner, outside Row Level Security)."""
    if not rows:
        return 0
    columns = list(rows[0])
    records = [tuple(_copy_value(r[c]) for c in columns) for r in rows]
    await driver_conn.copy_records_to_table(table, records=records, columns=columns)
    return len(records)
