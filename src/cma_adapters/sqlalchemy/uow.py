"""The SQLAlchemy unit of work and its own journal: the outbox, the inbox and the audit
trail (SQLAlchemy Core over row tables). The areas' repositories join it through their
factories (``cma_adapters.sqlalchemy.cases.cases`` and the like).

Core statements, not an ORM session: mapping is explicit anyway, and a connection running
Core costs about what the raw driver does (see design/STACK-NOTES.md).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
from collections.abc import Callable, Collection, Mapping, Sequence
from types import TracebackType
from typing import Any, Self, cast

from sqlalchemy import (
    ColumnElement,
    Table,
    bindparam,
    func,
    insert,
    or_,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.util import greenlet_spawn

from cma_adapters.sqlalchemy import mappers as m
from cma_adapters.sqlalchemy.crypto import CentreKeys, DataKeyCache
from cma_adapters.sqlalchemy.deferred import DeferredWrites
from cma_adapters.sqlalchemy.engine import (
    PENDING_CENTRE,
    checkin,
    checkout,
    driver_begin,
    driver_end,
    driver_in_transaction,
)
from cma_adapters.sqlalchemy.raw import RawStatement
from cma_adapters.sqlalchemy.rows import (
    AuditHeadRow,
    AuditRow,
    CaseListCountRow,
    InboxRow,
    OutboxRow,
)
from cma_core.audit.chain import GENESIS, link
from cma_core.audit.model import AuditEntry, ChainHead
from cma_core.audit.ports import AuditLog
from cma_core.privacy.ports import KeyManagement
from cma_core.shared.errors import CrossTenantAccess
from cma_core.shared.events import Aggregate, DomainEvent, EventEnvelope, staged_events
from cma_core.shared.ids import AuditId, CaseId, CentreId, EventId, NoteId, UserId
from cma_core.shared.jobs import EventPublisher
from cma_core.shared.uow import Inbox, Outbox, Page, UnitOfWork

log = logging.getLogger(__name__)

audit_t = cast(Table, AuditRow.__table__)
heads_t = cast(Table, AuditHeadRow.__table__)
outbox_t = cast(Table, OutboxRow.__table__)
inbox_t = cast(Table, InboxRow.__table__)
counts_t = cast(Table, CaseListCountRow.__table__)

# The hot path of every audited view, built once: constructing a Core statement and its
# cache key per call cost ~0.2 ms of CPU each, more than the driver's work (benchmarks/).


def _lock_head(dialect: Any) -> Any:
    """Create the centre's chain head if missing and otherwise lock it, returning it: ON
    CONFLICT DO UPDATE takes the row lock (held to commit), RETURNING reads the head."""
    return (
        dialect.insert(heads_t)
        .values(centre_id=bindparam("head_centre"), seq=0, hash=GENESIS)
        .on_conflict_do_update(index_elements=[heads_t.c.centre_id], set_={"seq": heads_t.c.seq})
        .returning(heads_t.c.seq, heads_t.c.hash)
    )


_LOCK_HEAD = {"postgresql": _lock_head(postgresql), "sqlite": _lock_head(sqlite)}
_MOVE_HEAD = (
    update(heads_t)
    .where(heads_t.c.centre_id == bindparam("head_centre"))
    .values(seq=bindparam("head_seq"), hash=bindparam("head_hash"))
)
_AUDIT_COLUMNS = [c for c in audit_t.c if c.name != "seq"]
#: PostgreSQL: one linked entry inserted and the head moved in one statement (a
#: data-modifying CTE). SQLite has none and runs the two statements.
_APPEND_ONE_PG = _MOVE_HEAD.add_cte(
    insert(audit_t)
    .values({c.name: bindparam("a_" + c.name, type_=c.type) for c in _AUDIT_COLUMNS})
    .cte("appended")
)
#: An unsealed entry (``seal_later``): a plain insert, no chain lock.
_INSERT_UNSEALED = insert(audit_t).values(
    {c.name: bindparam("a_" + c.name, type_=c.type) for c in _AUDIT_COLUMNS}
)
#: The same insert for one entry, sent on the asyncpg connection (``raw``): one round trip,
#: nothing returned (``inline``: no ``RETURNING seq``, which nothing reads).
_INSERT_UNSEALED_RAW = RawStatement(_INSERT_UNSEALED.inline(), ready=("a_fields",))


@functools.lru_cache(maxsize=1024)
def _fields_value(processor: Callable[[Any], Any] | None, fields: tuple[str, ...]) -> Any:
    """The ``fields`` column's value for these field names, as its JSON type's bind
    processor makes it, remembered: the names are code's constants (a view has none), and
    serialising them through ``json.dumps`` was ~2 % of a case view's CPU."""
    value = {"names": list(fields)}
    return value if processor is None else processor(value)


def _unsealed_params(entry: AuditEntry, fields: Any) -> dict[str, Any]:
    """``_INSERT_UNSEALED``'s parameters for ``entry`` (``m.audit_to_row`` with the
    ``a_`` prefix, built directly), ``fields`` already converted."""
    return {
        "a_id": entry.id,
        "a_centre_id": entry.centre_id,
        "a_actor_id": entry.actor_id,
        "a_action": entry.action,
        "a_entity_type": entry.entity_type,
        "a_entity_id": entry.entity_id,
        "a_at": entry.at,
        "a_fields": fields,
        "a_source_event_id": entry.source_event_id,
        "a_source_address": entry.source_address,
        "a_chain_seq": entry.chain_seq,
        "a_prev_hash": entry.prev_hash,
        "a_hash": entry.hash,
    }


#: The sealer's batch: committed unsealed entries in write order (partial index
#: ``ix_audit_unsealed``), and each one's chain fields filled in (the only update the
#: append-only trigger admits, once, from empty).
_UNSEALED = (
    select(audit_t)
    .where(audit_t.c.centre_id == bindparam("u_centre"), audit_t.c.hash.is_(None))
    .order_by(audit_t.c.seq)
    .limit(bindparam("u_limit"))
)
_SEAL = (
    update(audit_t)
    .where(audit_t.c.seq == bindparam("s_seq"), audit_t.c.hash.is_(None))
    .values(
        chain_seq=bindparam("s_chain_seq"),
        prev_hash=bindparam("s_prev_hash"),
        hash=bindparam("s_hash"),
    )
)


class SqlContext:
    """What the repositories of one unit of work share: its connection (in its open
    transaction), its centre, and the aggregates whose events go to the outbox.

    The areas' repositories get it from ``SqlAlchemyUnitOfWork.context``."""

    def __init__(
        self,
        centre_id: CentreId,
        key_cache: DataKeyCache | None = None,
        engine: AsyncEngine | None = None,
    ) -> None:
        self.centre_id = centre_id
        self.keys = CentreKeys(key_cache, centre_id)
        self.conn: AsyncConnection | None = None
        #: On asyncpg: the pooled connection checked out for this unit of work, until a
        #: statement needs SQLAlchemy's ``Connection`` (``c`` wraps it then). A view whose
        #: statements all go through ``driver()`` never builds one (``DriverTransaction``).
        self.raw: Any | None = None
        self._engine = engine
        self.touched: dict[object, Aggregate | tuple[DomainEvent, ...]] = {}
        self.loaded_notes: dict[CaseId, set[NoteId]] = {}
        #: The sealed name columns of the client of the case read last (the case
        #: statement joins them), for ``ClientRepository.display_name`` right after:
        #: taken once, and dropped when the client is written in this unit of work.
        self.case_client: tuple[Any, Mapping[Any, Any]] | None = None
        self.pending_audit: list[AuditEntry] = []
        #: (record table, case id) -> the case's rows of that table in their list order,
        #: fetched together by ``records.read_ahead`` (compliance's case file): what
        #: ``RecordTable.for_case`` and ``get`` serve. Dropped per table on a write.
        self.read_ahead: dict[tuple[str, Any], list[Any]] = {}
        #: The cases this unit of work reads one at a time (``UnitOfWork.read_together``),
        #: and per table the rows of all of them, read on the first case's ask
        #: (``rows_together``); a table's are dropped when it is written (``wrote``).
        self.together: frozenset[Any] = frozenset()
        self.together_rows: dict[str, dict[Any, list[Any]]] = {}
        self.together_stale: set[tuple[str, Any]] = set()
        #: (projection's salt, case) advisory locks taken in this transaction.
        self.held: set[tuple[int, Any]] = set()
        #: Changes to the case list's counters ((status, adviser key) -> rows added less
        #: rows removed) by this transaction's writes, applied by ``flush_counts``.
        self.counted: dict[tuple[str, str], int] = {}
        #: While reading together: the projections' rewrites of each case, held to go as
        #: one statement per table and kind (``deferred``), sent by ``flush``.
        self.deferring = False
        self.deferred = DeferredWrites()
        self.unsealed_audit: list[AuditEntry] = []
        self.seal_later = False
        self.committed = False

    @property
    def c(self) -> AsyncConnection:
        if self.conn is None:
            if self.raw is None or self._engine is None:
                raise RuntimeError("unit of work used outside 'async with'")
            self.conn = self._wrap(self._engine, self.raw)
            self.raw = None
        return self.conn

    @property
    def dialect(self) -> Dialect:
        """The connection's dialect, without building SQLAlchemy's ``Connection``."""
        if self.conn is None and self._engine is not None:
            return self._engine.dialect
        return self.c.dialect

    def _wrap(self, engine: AsyncEngine, raw: Any) -> AsyncConnection:
        """SQLAlchemy's connection around the checked-out ``raw`` one (no I/O): in the
        transaction ``driver()`` began, or bound to the centre for its first statement."""
        sync = Connection(engine.sync_engine, raw)
        if raw.dbapi_connection._transaction is not None:
            sync.begin()  # joined (no I/O): the centre is set in it already
        else:
            sync.info[PENDING_CENTRE] = str(self.centre_id)
        return AsyncConnection(engine, sync)

    async def driver(self) -> Any | None:
        """The asyncpg connection of this unit of work, in its transaction (started now,
        bound to the centre, if no statement has run yet), for the hot statements of a view
        (``raw.RawStatement``); ``None`` on any other driver: use ``c`` then."""
        if self.conn is None and self.raw is not None:
            driver = await driver_begin(self.raw.dbapi_connection, self.centre_id)
            if driver is not None:
                return driver
        return await driver_in_transaction(self.c)

    async def rows_together(
        self, table: str, case_id: Any, select_cases: Callable[[Sequence[Any]], Any]
    ) -> list[Any] | None:
        """``table``'s rows of ``case_id`` when the unit of work reads its cases together
        and this is one of them, else ``None`` (the caller reads the case alone).

        The first ask runs ``select_cases(ids)`` for every case of the batch: the caller's
        own query for one case with ``case_id IN ids`` instead, ordered by the caller's
        order (a total one, ending in a unique column), so each case's rows come in the
        order its own query gives them (a subsequence of a sorted list is sorted)."""
        if case_id not in self.together or (table, case_id) in self.together_stale:
            return None
        by_case = self.together_rows.get(table)
        if by_case is None:
            ids = sorted(self.together, key=str)
            rows = (await self.c.execute(select_cases(ids))).mappings().all()
            by_case = {}
            for r in rows:
                by_case.setdefault(r["case_id"], []).append(r)
            self.together_rows[table] = by_case
        return by_case.get(case_id, [])

    def wrote(self, table: str, case_id: Any = None) -> None:
        """``table`` was written in this unit of work (the rows of ``case_id`` only, when
        given): what was read together of them is stale, and is read alone from now on."""
        if case_id is None:
            self.together_rows.pop(table, None)
        else:
            self.together_stale.add((table, case_id))

    async def flush(self, table: str | None = None) -> None:
        """Send the held writes (of ``table`` only, when given)."""
        for statement, params in self.deferred.take(table):
            if params is None:
                await self.c.execute(statement)
            else:
                await self.c.execute(statement, params)

    def count(self, key: tuple[str, str], delta: int) -> None:
        """A case list row added (+1) or removed (-1) under ``key`` (``counted``)."""
        self.counted[key] = self.counted.get(key, 0) + delta

    async def flush_counts(self) -> None:
        """Add ``counted`` to the centre's case list counters: one upsert of every key that
        changed, in key order, just before the commit, so two transactions changing the
        same counters lock them in the same order (and hold them only until they commit)."""
        changed = sorted((k, n) for k, n in self.counted.items() if n)
        self.counted.clear()
        if not changed:
            return
        dialect = postgresql if self.c.dialect.name == "postgresql" else sqlite
        stmt = dialect.insert(counts_t)
        await self.c.execute(
            stmt.on_conflict_do_update(
                index_elements=[counts_t.c.centre_id, counts_t.c.status, counts_t.c.adviser_key],
                set_={"n": counts_t.c.n + stmt.excluded.n},
            ),
            [
                {"centre_id": self.centre_id, "status": st, "adviser_key": adv, "n": n}
                for (st, adv), n in changed
            ],
        )

    async def settle(self, table: str, scope: Any = None) -> None:
        """Before reading ``table`` (``scope``'s rows of it, when given): send its held
        writes if there are any (of that scope)."""
        if self.deferred.holds(table, scope):
            await self.flush(table)

    def own(self, centre_id: CentreId, what: str) -> None:
        if centre_id != self.centre_id:
            raise CrossTenantAccess(f"{what} belongs to another centre")


def page_from(rows: Sequence[Any], total: int, limit: int, offset: int) -> Page[Any]:
    return Page(items=rows, total=total, limit=limit, offset=offset)


async def page_total(
    conn: Any, count: Any, found: int, limit: int, offset: int, after: object = None
) -> int:
    """A page's total: ``found`` itself when the page is the first (no offset, no cursor)
    and not full, so every row matching is on it; else ``count`` (a ``SELECT count(*)``)
    is run. Read the rows first: a case's tasks or deadlines read whole by a handler cost
    one statement, not two."""
    if offset == 0 and after is None and found < limit:
        return found
    return int((await conn.execute(count)).scalar_one())


def keyset(
    columns: Sequence[Any], after: Sequence[Any] | None, *, descending: bool = False
) -> list[ColumnElement[bool]]:
    """The condition for rows sorting after ``after`` (a cursor's key) by ``columns``, all
    ascending or all ``descending``: a row-value comparison, which PostgreSQL serves from
    the index on those columns and SQLite understands. No condition without a key."""
    if after is None:
        return []
    row = tuple_(*columns)
    return [row < tuple(after) if descending else row > tuple(after)]


class SqlAlchemyAuditLog(AuditLog):
    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx

    async def append(self, entry: AuditEntry, *, seal_later: bool = False) -> None:
        self._x.own(entry.centre_id, "audit entry")
        if seal_later and self._x.seal_later:
            self._x.unsealed_audit.append(entry)
        else:
            self._x.pending_audit.append(entry)

    async def _write_unsealed(self) -> None:
        unsealed, self._x.unsealed_audit = self._x.unsealed_audit, []
        if not unsealed:
            return
        if len(unsealed) == 1 and (driver := await self._x.driver()) is not None:
            entry, dialect = unsealed[0], self._x.dialect
            fields = _fields_value(
                _INSERT_UNSEALED_RAW.processor_of(dialect, "a_fields"), tuple(entry.fields)
            )
            await _INSERT_UNSEALED_RAW.execute(driver, dialect, _unsealed_params(entry, fields))
            return
        rows = [{"a_" + k: v for k, v in m.audit_to_row(e).items()} for e in unsealed]
        await self._x.c.execute(_INSERT_UNSEALED, rows if len(rows) > 1 else rows[0])

    async def seal(self, *, limit: int) -> int:
        """Lock the head first, then read what is unsealed: a second sealer waits on the
        lock and then sees these entries sealed (READ COMMITTED reads anew per statement)."""
        conn = self._x.c
        centre = self._x.centre_id
        row = (await conn.execute(_LOCK_HEAD[conn.dialect.name], {"head_centre": centre})).one()
        head = ChainHead(centre_id=centre, seq=row.seq, hash=row.hash) if row.seq else None
        found = (
            (await conn.execute(_UNSEALED, {"u_centre": centre, "u_limit": limit})).mappings().all()
        )
        if not found:
            return 0
        params = []
        for r in found:
            linked, head = link(m.audit_from_row(r), head)
            params.append(
                {
                    "s_seq": r["seq"],
                    "s_chain_seq": linked.chain_seq,
                    "s_prev_hash": linked.prev_hash,
                    "s_hash": linked.hash,
                }
            )
        assert head is not None
        await conn.execute(_SEAL, params)
        await conn.execute(
            _MOVE_HEAD, {"head_centre": centre, "head_seq": head.seq, "head_hash": head.hash}
        )
        return len(found)

    async def unsealed(self, *, before: dt.datetime | None = None) -> int:
        where = [audit_t.c.centre_id == self._x.centre_id, audit_t.c.hash.is_(None)]
        if before is not None:
            where.append(audit_t.c.at < before)
        count = select(func.count()).select_from(audit_t).where(*where)
        return int((await self._x.c.execute(count)).scalar_one())

    async def flush(self) -> None:
        """Link the staged entries onto the centre's chain, just before the commit.

        The head row is locked by an upsert (created first if the centre has none):
        concurrent commits of one centre queue here for a moment and each extends the
        chain the previous one left. Taken last in the transaction, the lock cannot
        deadlock against row locks taken earlier in another order.
        """
        await self._write_unsealed()
        pending, self._x.pending_audit = self._x.pending_audit, []
        if not pending:
            return
        conn = self._x.c
        centre = self._x.centre_id
        dialect = conn.dialect.name
        row = (await conn.execute(_LOCK_HEAD[dialect], {"head_centre": centre})).one()
        head = ChainHead(centre_id=centre, seq=row.seq, hash=row.hash) if row.seq else None
        rows = []
        for entry in pending:
            linked, head = link(entry, head)
            rows.append(m.audit_to_row(linked))
        assert head is not None
        moved = {"head_centre": centre, "head_seq": head.seq, "head_hash": head.hash}
        if dialect == "postgresql" and len(rows) == 1:
            params = {"a_" + k: v for k, v in rows[0].items()}
            await conn.execute(_APPEND_ONE_PG, params | moved)
            return
        await conn.execute(insert(audit_t), rows)
        await conn.execute(_MOVE_HEAD, moved)

    def _where(
        self,
        entity_type: str | None,
        entity_id: str | None,
        actor_id: UserId | None,
        action: str | None,
        since: dt.datetime | None,
        until: dt.datetime | None,
    ) -> list[Any]:
        where: list[Any] = [audit_t.c.centre_id == self._x.centre_id]
        if entity_type is not None:
            where.append(audit_t.c.entity_type == entity_type)
        if entity_id is not None:
            where.append(audit_t.c.entity_id == entity_id)
        if actor_id is not None:
            where.append(audit_t.c.actor_id == actor_id)
        if action is not None:
            where.append(audit_t.c.action == action)
        if since is not None:
            where.append(audit_t.c.at >= since)
        if until is not None:
            where.append(audit_t.c.at < until)
        return where

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        entity_type: str | None = None,
        entity_id: str | None = None,
        actor_id: UserId | None = None,
        action: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        after: AuditId | None = None,
    ) -> Page[AuditEntry]:
        where = self._where(entity_type, entity_id, actor_id, action, since, until)
        page_where = list(where)
        if after is not None:  # keyset on write order, found through the unique id
            after_seq = select(audit_t.c.seq).where(audit_t.c.id == after).scalar_subquery()
            page_where.append(audit_t.c.seq > after_seq)
        rows = (
            (
                await self._x.c.execute(
                    select(audit_t)
                    .where(*page_where)
                    .order_by(audit_t.c.seq)
                    .limit(limit)
                    .offset(offset)
                )
            )
            .mappings()
            .all()
        )
        count = select(func.count()).select_from(audit_t).where(*where)
        total = await page_total(self._x.c, count, len(rows), limit, offset, after)
        return page_from([m.audit_from_row(r) for r in rows], total, limit, offset)

    async def chain(self, *, after_seq: int, limit: int) -> Sequence[AuditEntry]:
        rows = (
            (
                await self._x.c.execute(
                    select(audit_t)
                    .where(
                        audit_t.c.centre_id == self._x.centre_id,
                        audit_t.c.chain_seq > after_seq,
                    )
                    .order_by(audit_t.c.chain_seq, audit_t.c.seq)
                    .limit(limit)
                )
            )
            .mappings()
            .all()
        )
        return [m.audit_from_row(r) for r in rows]

    async def head(self) -> ChainHead | None:
        row = (
            await self._x.c.execute(
                select(heads_t.c.seq, heads_t.c.hash).where(
                    heads_t.c.centre_id == self._x.centre_id
                )
            )
        ).first()
        if row is None or row.seq == 0:
            return None
        return ChainHead(centre_id=self._x.centre_id, seq=row.seq, hash=row.hash)


class SqlAlchemyOutbox(Outbox):
    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx

    async def add(self, envelopes: Sequence[EventEnvelope]) -> None:
        if not envelopes:
            return
        for env in envelopes:
            self._x.own(env.centre_id, "event")
        await self._x.c.execute(insert(outbox_t), [m.envelope_to_row(e) for e in envelopes])

    async def get(self, event_id: EventId) -> EventEnvelope | None:
        row = (
            (
                await self._x.c.execute(
                    select(outbox_t).where(
                        outbox_t.c.event_id == event_id, outbox_t.c.centre_id == self._x.centre_id
                    )
                )
            )
            .mappings()
            .first()
        )
        return m.envelope_from_row(row) if row else None

    async def get_many(self, event_ids: Sequence[EventId]) -> list[EventEnvelope]:
        if not event_ids:
            return []
        rows = (
            (
                await self._x.c.execute(
                    select(outbox_t).where(
                        outbox_t.c.event_id.in_(list(event_ids)),
                        outbox_t.c.centre_id == self._x.centre_id,
                    )
                )
            )
            .mappings()
            .all()
        )
        found = {r["event_id"]: m.envelope_from_row(r) for r in rows}
        return [found[i] for i in event_ids if i in found]

    async def unpublished(self, *, limit: int) -> Sequence[EventEnvelope]:
        rows = (
            (
                await self._x.c.execute(
                    select(outbox_t)
                    .where(
                        outbox_t.c.centre_id == self._x.centre_id, outbox_t.c.published_at.is_(None)
                    )
                    .order_by(outbox_t.c.occurred_at)
                    .limit(limit)
                )
            )
            .mappings()
            .all()
        )
        return [m.envelope_from_row(r) for r in rows]

    async def mark_published(self, event_ids: Sequence[EventId], at: dt.datetime) -> None:
        if not event_ids:
            return
        await self._x.c.execute(
            update(outbox_t)
            .where(
                outbox_t.c.centre_id == self._x.centre_id, outbox_t.c.event_id.in_(list(event_ids))
            )
            .values(published_at=at)
        )

    async def owed(
        self,
        *,
        published_before: dt.datetime,
        limit: int,
        unclaimed_at: dt.datetime | None = None,
    ) -> Sequence[EventEnvelope]:
        query = select(outbox_t).where(
            outbox_t.c.centre_id == self._x.centre_id,
            outbox_t.c.settled_at.is_(None),
            outbox_t.c.published_at < published_before,
        )
        if unclaimed_at is not None:
            query = query.where(_unclaimed(unclaimed_at))
        query = query.order_by(outbox_t.c.occurred_at).limit(limit)
        rows = (await self._x.c.execute(query)).mappings().all()
        return [m.envelope_from_row(r) for r in rows]

    async def claim(
        self, event_ids: Sequence[EventId], *, by: str, until: dt.datetime, now: dt.datetime
    ) -> set[EventId]:
        if not event_ids:
            return set()
        # One statement: rows another unit of work is claiming are skipped, not waited for
        # (SQLite has no row locks and renders no FOR UPDATE: its single writer serialises
        # the claims).
        free = (
            select(outbox_t.c.event_id)
            .where(
                outbox_t.c.centre_id == self._x.centre_id,
                outbox_t.c.event_id.in_(list(event_ids)),
                outbox_t.c.settled_at.is_(None),
                or_(_unclaimed(now), outbox_t.c.claimed_by == by),
            )
            .with_for_update(skip_locked=True)
        )
        claimed = await self._x.c.execute(
            update(outbox_t)
            .where(outbox_t.c.event_id.in_(free.scalar_subquery()))
            .values(claimed_by=by, claimed_until=until)
            .returning(outbox_t.c.event_id)
        )
        return {EventId(i) for i in claimed.scalars()}

    async def release(self, event_ids: Sequence[EventId], *, by: str) -> set[EventId]:
        if not event_ids:
            return set()
        released = await self._x.c.execute(
            update(outbox_t)
            .where(
                outbox_t.c.centre_id == self._x.centre_id,
                outbox_t.c.event_id.in_(list(event_ids)),
                outbox_t.c.settled_at.is_(None),
                outbox_t.c.claimed_by == by,
            )
            .values(claimed_by=None, claimed_until=None)
            .returning(outbox_t.c.event_id)
        )
        return {EventId(i) for i in released.scalars()}

    async def held_by_others(
        self, event_ids: Sequence[EventId], *, by: str, now: dt.datetime
    ) -> set[EventId]:
        if not event_ids:
            return set()
        found = await self._x.c.execute(
            select(outbox_t.c.event_id).where(
                outbox_t.c.centre_id == self._x.centre_id,
                outbox_t.c.event_id.in_(list(event_ids)),
                outbox_t.c.settled_at.is_(None),
                outbox_t.c.claimed_until > now,
                outbox_t.c.claimed_by != by,
            )
        )
        return {EventId(i) for i in found.scalars()}

    async def settled_of(self, event_ids: Sequence[EventId]) -> set[EventId]:
        if not event_ids:
            return set()
        found = await self._x.c.execute(
            select(outbox_t.c.event_id).where(
                outbox_t.c.centre_id == self._x.centre_id,
                outbox_t.c.event_id.in_(list(event_ids)),
                outbox_t.c.settled_at.is_not(None),
            )
        )
        return {EventId(i) for i in found.scalars()}

    async def settle(
        self, event_id: EventId, at: dt.datetime, *, dead_letter: str | None = None
    ) -> None:
        await self._x.c.execute(
            update(outbox_t)
            .where(
                outbox_t.c.centre_id == self._x.centre_id,
                outbox_t.c.event_id == event_id,
                outbox_t.c.settled_at.is_(None),
            )
            .values(settled_at=at, dead_letter=dead_letter)
        )

    async def settle_many(self, event_ids: Sequence[EventId], at: dt.datetime) -> None:
        if not event_ids:
            return
        await self._x.c.execute(
            update(outbox_t)
            .where(
                outbox_t.c.centre_id == self._x.centre_id,
                outbox_t.c.event_id.in_(list(event_ids)),
                outbox_t.c.settled_at.is_(None),
            )
            .values(settled_at=at)
        )


def _unclaimed(at: dt.datetime) -> ColumnElement[bool]:
    """An outbox row no claim holds at ``at`` (never claimed, or the claim ran out)."""
    return or_(outbox_t.c.claimed_until.is_(None), outbox_t.c.claimed_until <= at)


class SqlAlchemyInbox(Inbox):
    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx

    async def seen(self, event_id: EventId, handler: str) -> bool:
        row = (
            await self._x.c.execute(
                select(inbox_t.c.event_id).where(
                    inbox_t.c.event_id == event_id,
                    inbox_t.c.handler == handler,
                    inbox_t.c.centre_id == self._x.centre_id,
                )
            )
        ).first()
        return row is not None

    async def seen_of(self, event_ids: Sequence[EventId], handler: str) -> set[EventId]:
        if not event_ids:
            return set()
        rows = await self._x.c.execute(
            select(inbox_t.c.event_id).where(
                inbox_t.c.event_id.in_(list(event_ids)),
                inbox_t.c.handler == handler,
                inbox_t.c.centre_id == self._x.centre_id,
            )
        )
        return {EventId(r.event_id) for r in rows}

    async def mark(self, event_id: EventId, handler: str, at: dt.datetime) -> None:
        await self._x.c.execute(
            insert(inbox_t).values(
                event_id=event_id, handler=handler, centre_id=self._x.centre_id, processed_at=at
            )
        )

    async def mark_many(self, event_ids: Sequence[EventId], handler: str, at: dt.datetime) -> None:
        if not event_ids:
            return
        centre = self._x.centre_id
        await self._x.c.execute(
            insert(inbox_t),
            [
                {"event_id": i, "handler": handler, "centre_id": centre, "processed_at": at}
                for i in event_ids
            ],
        )


#: Advisory locks on several keys in one statement, taken in the array's order (sorted):
#: ``serialise``'s and the projections' per-case locks (``readmodels._hold``).
HOLD_LOCKS = text("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(CAST(:ks AS bigint[])) AS k")


def serial_lock(centre_id: CentreId, key: str) -> int:
    """The signed 64-bit advisory lock of a centre's ``UnitOfWork.serialise`` key (a hash:
    a collision only makes two keys wait for each other)."""
    digest = hashlib.blake2b(f"{centre_id}\x1f{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class SqlAlchemyUnitOfWork(UnitOfWork):
    """One connection and one transaction for one centre.

    On PostgreSQL the centre is also set for Row Level Security with ``set_config(...,
    true)``: transaction-local, so it never leaks to the next user of the pooled connection.
    """

    def __init__(
        self,
        engine: AsyncEngine,
        centre_id: CentreId,
        publisher: EventPublisher | None = None,
        key_cache: DataKeyCache | None = None,
        *,
        seal_views_later: bool = False,
    ) -> None:
        self.centre_id = centre_id
        self._engine = engine
        self._publisher = publisher
        self._x = SqlContext(centre_id, key_cache, engine)
        self._x.seal_later = seal_views_later
        self._committed: list[EventEnvelope] = []
        self.audit = SqlAlchemyAuditLog(self._x)
        self.outbox = SqlAlchemyOutbox(self._x)
        self.inbox = SqlAlchemyInbox(self._x)

    async def __aenter__(self) -> Self:
        if self._engine.dialect.driver == "asyncpg":
            # The pooled connection alone: SQLAlchemy's ``Connection`` is built on the
            # first statement that needs it (``SqlContext.c``), never for a view whose
            # statements all go to the driver (benchmarks/README.md, branch ``caseread``);
            # without a greenlet hop when the pool has one idle (branch ``caseread4``).
            self._x.raw = await checkout(self._engine)
            return self
        self._x.conn = await self._engine.connect()
        self._pend_centre()
        return self

    def _pend_centre(self, *, bind: bool = True) -> None:
        """Bind the next transaction on this connection to the centre (or drop the binding
        when the connection goes back to the pool).

        No round trip and no greenlet hop: the connection autobegins on its first
        statement, and on PostgreSQL the engine's hook sets ``app.centre_id`` right before
        that statement (engine.py). A transaction that never runs a statement costs nothing.
        """
        conn = self._x.c
        if conn.dialect.name != "postgresql":
            return
        sync = conn.sync_connection
        if sync is None or sync.invalidated:
            # The server dropped it (a restart): reading ``info`` would try to reconnect
            # synchronously, outside the greenlet. The pool replaces it on the next checkout.
            return
        info = sync.info
        if bind:
            info[PENDING_CENTRE] = str(self.centre_id)
        else:
            info.pop(PENDING_CENTRE, None)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            await self.rollback()
        finally:
            if self._x.conn is not None:
                self._pend_centre(bind=False)
                await self._x.conn.close()
                self._x.conn = None
            elif self._x.raw is not None:
                raw, self._x.raw = self._x.raw, None
                await checkin(self._engine, raw)  # back to the pool (its reset included)
        # Publish only once the connection is back in the pool: in-process handlers open
        # units of work of their own, and the embedded SQLite pool holds one connection.
        committed, self._committed = self._committed, []
        if committed and self._publisher is not None:
            await self._publish(committed)

    async def commit(self) -> None:
        await self._x.flush()
        await self._x.flush_counts()
        envelopes = [EventEnvelope.wrap(e) for e in staged_events(self._x.touched)]
        await self.outbox.add(envelopes)
        await self.audit.flush()
        if self._x.conn is None and self._x.raw is not None:
            await self._end_raw(commit=True)
        else:
            await self._x.c.commit()
            self._pend_centre()
        self._x.held.clear()  # transaction-scoped locks end with it
        self._x.touched.clear()
        self._committed.extend(envelopes)

    async def _end_raw(self, *, commit: bool) -> None:
        """Commit or roll back the transaction ``driver()`` began on the pooled connection
        no ``Connection`` wraps. If that fails and leaves the connection closed or still in
        a transaction, it is not given back for reuse (SQLAlchemy's ``Connection`` would
        invalidate it on a disconnect the same way); a refused commit (a deferred
        constraint) ends the transaction and keeps the connection."""
        raw: Any = self._x.raw
        try:
            await driver_end(raw.dbapi_connection, commit=commit)
        except Exception as error:
            driver = raw.driver_connection
            if driver is not None and (driver.is_closed() or driver.is_in_transaction()):
                await greenlet_spawn(raw.invalidate, error)
            raise

    async def _publish(self, envelopes: list[EventEnvelope]) -> None:
        try:
            await self._publisher.publish(envelopes)  # type: ignore[union-attr]
        except Exception:  # the commit stands; the outbox relay publishes them later
            log.exception("publishing %d events failed; left for the relay", len(envelopes))
            return
        async with self._engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                await conn.execute(
                    text("SELECT set_config('app.centre_id', :c, true)"),
                    {"c": str(self.centre_id)},
                )
            await conn.execute(
                update(outbox_t)
                .where(
                    outbox_t.c.centre_id == self.centre_id,
                    outbox_t.c.event_id.in_([e.event_id for e in envelopes]),
                    outbox_t.c.published_at.is_(None),
                )
                .values(published_at=dt.datetime.now(dt.UTC))
            )

    @property
    def context(self) -> SqlContext:
        return self._x

    @classmethod
    def of(cls, uow: UnitOfWork) -> SqlAlchemyUnitOfWork:
        """``uow`` as this adapter's unit of work: what a ``RepositoryFactory`` of the SQL
        adapter calls first. Another adapter's unit of work is a wiring error."""
        if not isinstance(uow, cls):
            raise TypeError(f"SQL repositories need a SqlAlchemyUnitOfWork, not {type(uow)}")
        return uow

    def track(self, aggregate: Aggregate) -> None:
        self._x.touched[id(aggregate)] = aggregate

    def emit(self, *events: DomainEvent) -> None:
        self._x.touched[object()] = events

    async def serialise(self, keys: Collection[str]) -> None:
        # PostgreSQL: transaction-scoped advisory locks, all in one statement, in key order.
        # SQLite has one writer and the worker one connection on it: nothing to hold.
        if not keys or self._x.c.dialect.name != "postgresql":
            return
        locks = sorted({serial_lock(self.centre_id, k) for k in keys})
        await self._x.c.execute(HOLD_LOCKS, {"ks": locks})

    def read_together(self, case_ids: Collection[CaseId]) -> None:
        self._x.together = frozenset(case_ids) if len(case_ids) > 1 else frozenset()
        self._x.together_rows.clear()
        self._x.together_stale.clear()
        self._x.deferring = bool(self._x.together)

    async def rollback(self) -> None:
        conn = self._x.conn
        if conn is not None and conn.in_transaction():
            await conn.rollback()
            self._pend_centre()
        elif conn is None and self._x.raw is not None:
            await self._end_raw(commit=False)
        self._x.touched.clear()
        self._x.held.clear()
        self._x.counted.clear()
        self._x.deferred.clear()
        self._x.pending_audit.clear()
        self._x.unsealed_audit.clear()


class SqlAlchemyUnitOfWorkFactory:
    """Units of work on ``engine``. ``keys`` seals personal data (required to read or write
    clients and sensitive notes); unwrapped data keys are cached for ``key_cache_ttl`` s."""

    def __init__(
        self,
        engine: AsyncEngine,
        publisher: EventPublisher | None = None,
        *,
        keys: KeyManagement | None = None,
        key_cache_ttl: float = 300.0,
        seal_views_later: bool = False,
    ) -> None:
        self.engine = engine
        self.publisher = publisher
        #: ``CMA_AUDIT_SEAL``: write view entries unsealed for ``AuditSealer`` (``True``),
        #: or link them at commit under the chain lock like every other entry.
        self.seal_views_later = seal_views_later
        self.key_cache = DataKeyCache(keys, ttl_seconds=key_cache_ttl) if keys else None

    def __call__(self, centre_id: CentreId) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(
            self.engine,
            centre_id,
            self.publisher,
            self.key_cache,
            seal_views_later=self.seal_views_later,
        )
