"""The SQL case list rows (``case_list_rows``, migration 1620), joined to
``SqlAlchemyUnitOfWork`` through ``case_list_rows``.

The client's display name is sealed with the centre's data key (AES-GCM, bound to the
table, column and case id), as the clients' own columns are: the table holds no personal
data in clear. On PostgreSQL, Row Level Security is the second wall; ``hold`` takes a
transaction-scoped advisory lock on the case, so two handlers of one case write in the
order they read.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection, Sequence
from typing import Any, cast

from sqlalchemy import Table, and_, delete, exists, func, insert, or_, select, text
from sqlalchemy.dialects import postgresql, sqlite

from cma_adapters.sqlalchemy.crypto import CentreKey, Keyring, aad
from cma_adapters.sqlalchemy.rows import (
    CaseListCountRow,
    CaseListEntryRow,
    InboxRow,
    OutboxRow,
    TimelineEntryRow,
    WorkItemRow,
)
from cma_adapters.sqlalchemy.uow import HOLD_LOCKS, SqlAlchemyUnitOfWork, SqlContext
from cma_core.cases.model import CaseStatus, CloseReason
from cma_core.readmodels.model import (
    CaseListRow,
    TimelineEntry,
    TimelineKind,
    WorkItem,
    WorkSection,
)
from cma_core.readmodels.ports import CaseListRows, CaseTimelines, WorkQueueItems
from cma_core.shared.errors import CrossTenantAccess
from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId
from cma_core.shared.uow import Page, UnitOfWork

rows_t = cast(Table, CaseListEntryRow.__table__)
counts_t = cast(Table, CaseListCountRow.__table__)
outbox_t = cast(Table, OutboxRow.__table__)
inbox_t = cast(Table, InboxRow.__table__)
timeline_t = cast(Table, TimelineEntryRow.__table__)
work_t = cast(Table, WorkItemRow.__table__)
_TABLE = "case_list_rows"
_TIMELINE = "case_timeline_entries"


def _name_aad(case_id: uuid.UUID) -> bytes:
    return aad(_TABLE, "client_name", case_id)


#: The tables whose writes a batch holds (``SqlContext.deferred``).
_TIMELINE = "case_timeline_entries"
_WORK = "work_queue_items"


def _lock_key(case_id: uuid.UUID) -> int:
    """A signed 64-bit advisory lock key from the case id (collisions only serialise)."""
    return int.from_bytes(case_id.bytes[:8], "big", signed=True)


async def _take(x: SqlContext, locks: set[tuple[int, uuid.UUID]]) -> None:
    """The transaction-scoped advisory locks of these (salt, case) pairs, all at once in key
    order (so two takers never wait on each other crosswise), remembered as held."""
    keys = sorted({_lock_key(scope) ^ salt for salt, scope in locks})
    if len(keys) == 1:
        await x.c.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": keys[0]})
    else:
        await x.c.execute(HOLD_LOCKS, {"ks": keys})
    x.held.update(locks)


async def _hold(x: SqlContext, scope: uuid.UUID, salt: int) -> None:
    """A projection's transaction-scoped lock on one case (scope), ``salt`` telling the
    projections apart. When the unit of work reads its cases together (a batch) and this
    is one of them, every one of them is locked at once, in key order, the first time."""
    if x.c.dialect.name != "postgresql" or (salt, scope) in x.held:
        return
    scopes = x.together if scope in x.together else {scope}
    await _take(x, {(salt, s) for s in scopes})


# Each projection's salt for its locks (``_hold``): the case list, the timeline, the work
# queue.
_SALT_CASE_LIST, _SALT_TIMELINE, _SALT_WORK_QUEUE = 0, 0x7131, 0x7132


async def hold_projections(x: SqlContext, case_ids: Collection[uuid.UUID]) -> None:
    """Every projection's lock on each of these cases, taken together in key order (as
    ``_hold`` takes a batch's, so the two never wait on each other crosswise): the case
    eraser's, before it writes anything. A projection holding one finishes first; one
    asking for one waits until the eraser's transaction ends, then finds the case gone."""
    if x.c.dialect.name != "postgresql" or not case_ids:
        return
    salts = (_SALT_CASE_LIST, _SALT_TIMELINE, _SALT_WORK_QUEUE)
    await _take(x, {(salt, c) for c in case_ids for salt in salts})


def _adviser_key(adviser_id: uuid.UUID | None) -> str:
    """``case_list_counts.adviser_key``: the adviser's id in hex, ``""`` for none."""
    return adviser_id.hex if adviser_id is not None else ""


def _counted_key(row: CaseListRow) -> tuple[str, str]:
    """The ``case_list_counts`` key a row is counted under: its status and adviser."""
    return row.status.value, _adviser_key(row.adviser_id)


def _row_of(r: Any, keys: Keyring | None) -> CaseListRow:
    sealed = r["client_name_enc"]
    return CaseListRow(
        centre_id=CentreId(r["centre_id"]),
        case_id=CaseId(r["case_id"]),
        reference=r["reference"],
        status=CaseStatus(r["status"]),
        close_reason=CloseReason(r["close_reason"]) if r["close_reason"] else None,
        client_id=ClientId(r["client_id"]),
        client_name=keys.open(sealed, _name_aad(r["case_id"])) if sealed and keys else None,
        adviser_id=UserId(r["adviser_id"]) if r["adviser_id"] else None,
        opened_at=r["opened_at"],
        updated_at=r["updated_at"],
        closed_at=r["closed_at"],
        case_version=r["case_version"],
        next_deadline=r["next_deadline"],
        open_tasks=r["open_tasks"],
        findings=r["findings"],
        last_activity_at=r["last_activity_at"],
        as_of=r["as_of"],
    )


class SqlAlchemyCaseListRows(CaseListRows):
    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx
        #: The counter key of each row ``get`` read alone (``None``: no row), for the
        #: ``put`` that follows it (``refresh``: get, then put, under the case's lock),
        #: so the put does not read the row a second time. Any write forgets it.
        self._read: dict[CaseId, tuple[str, str] | None] = {}

    @property
    def _mine(self) -> Any:
        return rows_t.c.centre_id == self._x.centre_id

    async def hold(self, case_id: CaseId) -> None:
        await _hold(self._x, case_id, _SALT_CASE_LIST)

    async def _counted_as(self, case_id: CaseId) -> tuple[str, str] | None:
        """The counter key the case's row is counted under now (``None``: no row). Read
        from the batch's one read of its cases when there is one, or from ``get``."""
        if case_id in self._read:
            return self._read.pop(case_id)
        await self._x.settle(_TABLE, case_id)
        together = await self._x.rows_together(
            _TABLE, case_id, lambda ids: select(rows_t).where(self._mine, rows_t.c.case_id.in_(ids))
        )
        if together is not None:
            found = together[0] if together else None
        else:
            found = (
                (
                    await self._x.c.execute(
                        select(rows_t.c.status, rows_t.c.adviser_id).where(
                            self._mine, rows_t.c.case_id == case_id
                        )
                    )
                )
                .mappings()
                .first()
            )
        return None if found is None else (found["status"], _adviser_key(found["adviser_id"]))

    async def put(self, row: CaseListRow) -> None:
        if row.centre_id != self._x.centre_id:
            raise CrossTenantAccess("case list row belongs to another centre")
        was = await self._counted_as(row.case_id)
        now = _counted_key(row)
        if was != now:  # the counters follow the row, committed with it
            if was is not None:
                self._x.count(was, -1)
            self._x.count(now, 1)
        self._x.wrote("case_list_rows", row.case_id)
        key = await self._x.keys.current(self._x.c) if row.client_name is not None else None
        values = row_values(row, key)
        dialect = postgresql if self._x.c.dialect.name == "postgresql" else sqlite
        keys = {"centre_id", "case_id"}
        if self._x.deferring:  # one upsert of the batch's rows (``deferred``)
            await self._x.settle("case_list_rows", row.case_id)
            stmt = dialect.insert(rows_t)
            upsert = stmt.on_conflict_do_update(
                index_elements=[rows_t.c.centre_id, rows_t.c.case_id],
                set_={k: stmt.excluded[k] for k in values if k not in keys},
            )
            self._x.deferred.insert("case_list_rows", row.case_id, upsert, [values])
            return
        stmt = dialect.insert(rows_t).values(values)
        await self._x.c.execute(
            stmt.on_conflict_do_update(
                index_elements=[rows_t.c.centre_id, rows_t.c.case_id],
                set_={k: stmt.excluded[k] for k in values if k not in keys},
            )
        )

    async def _rows(self, stmt: Any) -> list[CaseListRow]:
        found = (await self._x.c.execute(stmt)).mappings().all()
        keys = None
        if any(r["client_name_enc"] for r in found):
            keys = await self._x.keys.keyring(self._x.c)
        return [_row_of(r, keys) for r in found]

    async def get(self, case_id: CaseId) -> CaseListRow | None:
        await self._x.settle("case_list_rows", case_id)
        together = await self._x.rows_together(
            "case_list_rows",
            case_id,
            lambda ids: select(rows_t).where(self._mine, rows_t.c.case_id.in_(ids)),
        )
        if together is not None:  # one row a case at most
            if not together:
                return None
            sealed = together[0]["client_name_enc"]
            keys = await self._x.keys.keyring(self._x.c) if sealed else None
            return _row_of(together[0], keys)
        found = await self._rows(select(rows_t).where(self._mine, rows_t.c.case_id == case_id))
        row = found[0] if found else None
        self._read[case_id] = None if row is None else _counted_key(row)
        return row

    async def delete(self, case_ids: Collection[CaseId]) -> None:
        self._read.clear()
        await self._x.settle("case_list_rows")
        for case_id in case_ids:
            self._x.wrote("case_list_rows", case_id)
        if case_ids:
            await uncount(self._x, case_ids)
            await self._x.c.execute(
                delete(rows_t).where(self._mine, rows_t.c.case_id.in_(list(case_ids)))
            )

    async def case_ids_of_client(self, client_id: ClientId) -> Sequence[CaseId]:
        await self._x.settle("case_list_rows")
        found = await self._x.c.execute(
            select(rows_t.c.case_id).where(self._mine, rows_t.c.client_id == client_id)
        )
        return [CaseId(r[0]) for r in found]

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        status: CaseStatus | None = None,
        adviser_id: UserId | None = None,
        client_id: ClientId | None = None,
        after: tuple[dt.datetime, CaseId] | None = None,
    ) -> Page[CaseListRow]:
        await self._x.settle("case_list_rows")
        where = [self._mine]
        if status is not None:
            where.append(rows_t.c.status == status.value)
        if adviser_id is not None:
            where.append(rows_t.c.adviser_id == adviser_id)
        if client_id is not None:
            where.append(rows_t.c.client_id == client_id)
            # A client's cases are few: counted from the client index.
            total = (
                await self._x.c.execute(select(func.count()).select_from(rows_t).where(*where))
            ).scalar_one()
        else:  # the counters of the filters' (status, adviser) keys: a few rows, not all
            total = await self._total(status, adviser_id)
        if after is not None:  # keyset: rows sorting after the cursor's (opened_at, case_id)
            at, after_id = after
            where.append(
                or_(
                    rows_t.c.opened_at < at,
                    and_(rows_t.c.opened_at == at, rows_t.c.case_id < after_id),
                )
            )
        items = await self._rows(
            select(rows_t)
            .where(*where)
            .order_by(rows_t.c.opened_at.desc(), rows_t.c.case_id.desc())
            .limit(limit)
            .offset(offset)
        )
        return Page(items=items, total=int(total), limit=limit, offset=offset)

    async def _total(self, status: CaseStatus | None, adviser_id: UserId | None) -> int:
        await self._x.flush_counts()  # this transaction's own writes, counted
        where = [counts_t.c.centre_id == self._x.centre_id]
        if status is not None:
            where.append(counts_t.c.status == status.value)
        if adviser_id is not None:
            where.append(counts_t.c.adviser_key == _adviser_key(adviser_id))
        found = await self._x.c.execute(
            select(func.coalesce(func.sum(counts_t.c.n), 0)).where(*where)
        )
        return int(found.scalar_one())

    async def counts(self) -> dict[tuple[CaseStatus, UserId | None], int]:
        await self._x.settle("case_list_rows")
        await self._x.flush_counts()
        found = await self._x.c.execute(
            select(counts_t.c.status, counts_t.c.adviser_key, counts_t.c.n).where(
                counts_t.c.centre_id == self._x.centre_id, counts_t.c.n != 0
            )
        )
        return {
            (CaseStatus(st), UserId(uuid.UUID(adv)) if adv else None): int(n)
            for st, adv, n in found
        }

    async def recount(self) -> int:
        await self._x.settle("case_list_rows")
        self._x.counted.clear()
        await self._x.c.execute(delete(counts_t).where(counts_t.c.centre_id == self._x.centre_id))
        found = await self._x.c.execute(
            select(rows_t.c.status, rows_t.c.adviser_id, func.count())
            .where(self._mine)
            .group_by(rows_t.c.status, rows_t.c.adviser_id)
        )
        values = [
            {"centre_id": self._x.centre_id, "status": st, "adviser_key": _adviser_key(adv), "n": n}
            for st, adv, n in found
        ]
        if values:
            await self._x.c.execute(insert(counts_t), values)
        return sum(v["n"] for v in values)

    async def clear(self) -> int:
        self._read.clear()
        await self._x.settle("case_list_rows")
        self._x.counted.clear()
        await self._x.c.execute(delete(counts_t).where(counts_t.c.centre_id == self._x.centre_id))
        result = await self._x.c.execute(delete(rows_t).where(self._mine))
        return int(result.rowcount or 0)

    async def oldest_unapplied(
        self, handler: str, events: Collection[str], *, limit_at: dt.datetime | None = None
    ) -> dt.datetime | None:
        applied = exists().where(
            inbox_t.c.event_id == outbox_t.c.event_id, inbox_t.c.handler == handler
        )
        where = [
            outbox_t.c.centre_id == self._x.centre_id,
            outbox_t.c.settled_at.is_(None),
            outbox_t.c.name.in_(sorted(events)),
            ~applied,
        ]
        if limit_at is not None:
            where.append(outbox_t.c.occurred_at <= limit_at)
        # The oldest by ORDER BY … LIMIT 1, not min(): the column's type reads it back
        # (an aware datetime on both databases).
        found = (
            await self._x.c.execute(
                select(outbox_t.c.occurred_at)
                .where(*where)
                .order_by(outbox_t.c.occurred_at)
                .limit(1)
            )
        ).scalar()
        return cast(dt.datetime | None, found)


async def uncount(x: SqlContext, case_ids: Collection[Any]) -> None:
    """Before the case list rows of ``case_ids`` are deleted (by the adapter, or by the
    case eraser's sweep): take them off the counters, in the same transaction."""
    found = await x.c.execute(
        select(rows_t.c.status, rows_t.c.adviser_id).where(
            rows_t.c.centre_id == x.centre_id, rows_t.c.case_id.in_(list(case_ids))
        )
    )
    for st, adv in found:
        x.count((st, _adviser_key(adv)), -1)


def case_list_rows(uow: UnitOfWork) -> CaseListRows:
    return SqlAlchemyCaseListRows(SqlAlchemyUnitOfWork.of(uow).context)


def row_values(row: CaseListRow, key: CentreKey | None) -> dict[str, Any]:
    """The ``case_list_rows`` row of ``row``: the client's name sealed under ``key`` (which
    must be given when there is a name). The bulk seed writes its rows through this too."""
    sealed = None
    if row.client_name is not None:
        if key is None:
            raise ValueError("a case list row with a client name needs the centre's key")
        sealed = key.seal(row.client_name, _name_aad(row.case_id))
    return {
        "centre_id": row.centre_id,
        "case_id": row.case_id,
        "reference": row.reference,
        "status": row.status.value,
        "close_reason": row.close_reason.value if row.close_reason else None,
        "client_id": row.client_id,
        "client_name_enc": sealed,
        "adviser_id": row.adviser_id,
        "opened_at": row.opened_at,
        "updated_at": row.updated_at,
        "closed_at": row.closed_at,
        "case_version": row.case_version,
        "next_deadline": row.next_deadline,
        "open_tasks": row.open_tasks,
        "failing": row.failing,
        "findings": {k: dict(v) for k, v in row.findings.items()},
        "last_activity_at": row.last_activity_at,
        "as_of": row.as_of,
    }


def _detail_aad(entry_id: uuid.UUID) -> bytes:
    return aad(_TIMELINE, "detail", entry_id)


def _entry_of(r: Any, keys: Keyring | None) -> TimelineEntry:
    sealed = r["detail_enc"]
    return TimelineEntry(
        centre_id=CentreId(r["centre_id"]),
        case_id=CaseId(r["case_id"]),
        client_id=ClientId(r["client_id"]),
        entry_id=r["entry_id"],
        kind=TimelineKind(r["kind"]),
        action=r["action"],
        at=r["at"],
        subject_id=r["subject_id"],
        actor_id=UserId(r["actor_id"]) if r["actor_id"] else None,
        title=r["title"],
        detail=keys.open(sealed, _detail_aad(r["entry_id"])) if sealed and keys else None,
        sensitive=r["sensitive"],
    )


class SqlAlchemyCaseTimelines(CaseTimelines):
    """A case's entries are replaced whole: delete, then one multi-row insert."""

    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx

    @property
    def _mine(self) -> Any:
        return timeline_t.c.centre_id == self._x.centre_id

    async def hold(self, case_id: CaseId) -> None:
        # The case list's key, xor'd so the two projections of a case do not wait on
        # each other (a collision would only serialise them).
        await _hold(self._x, case_id, _SALT_TIMELINE)

    async def replace(
        self,
        case_id: CaseId,
        entries: Sequence[TimelineEntry],
        *,
        kinds: Collection[TimelineKind] | None = None,
    ) -> None:
        for e in entries:
            if e.centre_id != self._x.centre_id:
                raise CrossTenantAccess("timeline entry belongs to another centre")
            if e.case_id != case_id:
                raise CrossTenantAccess("timeline entry belongs to another case")
            if kinds is not None and e.kind not in kinds:
                raise ValueError(f"a {e.kind} entry replacing only {sorted(kinds)}")
        if self._x.deferring:  # the batch's rewrites go together (``deferred``)
            await self._defer(case_id, entries, kinds)
            return
        if kinds is None:
            await self.delete([case_id])
        elif kinds:
            await self._x.c.execute(
                delete(timeline_t).where(
                    self._mine,
                    timeline_t.c.case_id == case_id,
                    timeline_t.c.kind.in_(sorted(k.value for k in kinds)),
                )
            )
        if not entries:
            return
        await self._x.c.execute(timeline_t.insert(), await self._values(entries))

    async def _values(self, entries: Sequence[TimelineEntry]) -> list[dict[str, Any]]:
        key = None
        if any(e.detail is not None for e in entries):
            key = await self._x.keys.current(self._x.c)
        return [timeline_values(e, key) for e in entries]

    async def _defer(
        self,
        case_id: CaseId,
        entries: Sequence[TimelineEntry],
        kinds: Collection[TimelineKind] | None,
    ) -> None:
        await self._x.settle(_TIMELINE, case_id)
        if kinds is None:
            self._x.deferred.delete(_TIMELINE, case_id, None, self._delete_cases)
        elif kinds:
            values = tuple(sorted(k.value for k in kinds))

            def of_kinds(ids: Sequence[Any]) -> Any:
                return self._delete_cases(ids).where(timeline_t.c.kind.in_(values))

            self._x.deferred.delete(_TIMELINE, case_id, values, of_kinds)
        if entries:
            rows = await self._values(entries)
            self._x.deferred.insert(_TIMELINE, case_id, timeline_t.insert(), rows)

    def _delete_cases(self, case_ids: Sequence[Any]) -> Any:
        return delete(timeline_t).where(self._mine, timeline_t.c.case_id.in_(list(case_ids)))

    async def list(
        self,
        case_id: CaseId,
        *,
        limit: int,
        kinds: Collection[TimelineKind] = (),
        after: tuple[dt.datetime, uuid.UUID] | None = None,
    ) -> Page[TimelineEntry]:
        await self._x.settle(_TIMELINE)
        where = [self._mine, timeline_t.c.case_id == case_id]
        if kinds:
            where.append(timeline_t.c.kind.in_(sorted(k.value for k in kinds)))
        total = (
            await self._x.c.execute(select(func.count()).select_from(timeline_t).where(*where))
        ).scalar_one()
        if after is not None:
            at, after_id = after
            where.append(
                or_(
                    timeline_t.c.at < at,
                    and_(timeline_t.c.at == at, timeline_t.c.entry_id < after_id),
                )
            )
        found = (
            (
                await self._x.c.execute(
                    select(timeline_t)
                    .where(*where)
                    .order_by(timeline_t.c.at.desc(), timeline_t.c.entry_id.desc())
                    .limit(limit)
                )
            )
            .mappings()
            .all()
        )
        keys = None
        if any(r["detail_enc"] for r in found):
            keys = await self._x.keys.keyring(self._x.c)
        items = [_entry_of(r, keys) for r in found]
        return Page(items=items, total=int(total), limit=limit, offset=0)

    async def case_ids(self, *, limit: int, after: CaseId | None = None) -> Sequence[CaseId]:
        await self._x.settle(_TIMELINE)
        where = [self._mine]
        if after is not None:
            where.append(timeline_t.c.case_id > after)
        found = await self._x.c.execute(
            select(timeline_t.c.case_id)
            .where(*where)
            .group_by(timeline_t.c.case_id)
            .order_by(timeline_t.c.case_id)
            .limit(limit)
        )
        return [CaseId(r[0]) for r in found]

    async def case_ids_of_client(self, client_id: ClientId) -> Sequence[CaseId]:
        await self._x.settle(_TIMELINE)
        found = await self._x.c.execute(
            select(timeline_t.c.case_id)
            .where(self._mine, timeline_t.c.client_id == client_id)
            .group_by(timeline_t.c.case_id)
            .order_by(timeline_t.c.case_id)
        )
        return [CaseId(r[0]) for r in found]

    async def delete(self, case_ids: Collection[CaseId]) -> None:
        await self._x.settle(_TIMELINE)
        if case_ids:
            await self._x.c.execute(
                delete(timeline_t).where(self._mine, timeline_t.c.case_id.in_(list(case_ids)))
            )


def case_timelines(uow: UnitOfWork) -> CaseTimelines:
    return SqlAlchemyCaseTimelines(SqlAlchemyUnitOfWork.of(uow).context)


def timeline_values(entry: TimelineEntry, key: CentreKey | None) -> dict[str, Any]:
    """The ``case_timeline_entries`` row of ``entry``: its detail sealed under ``key``."""
    sealed = None
    if entry.detail is not None:
        if key is None:
            raise ValueError("a timeline entry with a detail needs the centre's key")
        sealed = key.seal(entry.detail, _detail_aad(entry.entry_id))
    return {
        "centre_id": entry.centre_id,
        "case_id": entry.case_id,
        "entry_id": entry.entry_id,
        "client_id": entry.client_id,
        "kind": entry.kind.value,
        "action": entry.action,
        "at": entry.at,
        "subject_id": entry.subject_id,
        "actor_id": entry.actor_id,
        "title": entry.title[:120],
        "detail_enc": sealed,
        "sensitive": entry.sensitive,
    }


def _work_of(r: Any) -> WorkItem:
    return WorkItem(
        centre_id=CentreId(r["centre_id"]),
        user_id=UserId(r["user_id"]),
        section=WorkSection(r["section"]),
        item_id=r["item_id"],
        scope_id=r["scope_id"],
        case_id=CaseId(r["case_id"]) if r["case_id"] else None,
        at=r["at"],
        title=r["title"],
        label=r["label"],
        kind=r["kind"],
        due_at=r["due_at"],
        version=r["version"],
        case_reference=r["case_reference"],
        to_check=r["to_check"],
    )


class SqlAlchemyWorkQueueItems(WorkQueueItems):
    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx

    @property
    def _mine(self) -> Any:
        return work_t.c.centre_id == self._x.centre_id

    async def hold(self, scope_id: uuid.UUID) -> None:
        await _hold(self._x, scope_id, _SALT_WORK_QUEUE)

    async def replace(self, scope_id: uuid.UUID, items: Sequence[WorkItem]) -> None:
        for i in items:
            if i.centre_id != self._x.centre_id:
                raise CrossTenantAccess("work item belongs to another centre")
            if i.scope_id != scope_id:
                raise CrossTenantAccess("work item belongs to another scope")
        deferring = self._x.deferring
        if deferring:  # the batch's rewrites go together (``deferred``)
            await self._x.settle(_WORK, scope_id)
            self._x.deferred.delete(_WORK, scope_id, None, self._delete_scopes)
        else:
            await self.delete([scope_id])
        if items:
            rows = [
                    {
                        "centre_id": i.centre_id, "scope_id": i.scope_id,
                        "section": i.section.value, "item_id": i.item_id,
                        "user_id": i.user_id, "case_id": i.case_id, "at": i.at,
                        "title": i.title, "label": i.label, "kind": i.kind,
                        "due_at": i.due_at, "version": i.version,
                        "case_reference": i.case_reference,
                        "to_check": i.to_check,
                    }
                    for i in items
                ]  # fmt: skip
            if deferring:
                self._x.deferred.insert(_WORK, scope_id, work_t.insert(), rows)
            else:
                await self._x.c.execute(work_t.insert(), rows)

    def _delete_scopes(self, scope_ids: Sequence[Any]) -> Any:
        return delete(work_t).where(self._mine, work_t.c.scope_id.in_(list(scope_ids)))

    def _where(
        self,
        user_id: UserId,
        section: WorkSection | None,
        appointments: tuple[dt.datetime, dt.datetime] | None,
        without: Collection[uuid.UUID] = (),
    ) -> list[Any]:
        where = [self._mine, work_t.c.user_id == user_id]
        if without:
            where.append(work_t.c.scope_id.not_in(list(without)))
        if section is not None:
            where.append(work_t.c.section == section.value)
        if appointments is not None:
            start, end = appointments
            where.append(
                or_(
                    work_t.c.section != WorkSection.APPOINTMENT.value,
                    and_(work_t.c.at >= start, work_t.c.at < end),
                )
            )
        return where

    async def list(
        self,
        user_id: UserId,
        *,
        limit: int,
        section: WorkSection | None = None,
        appointments: tuple[dt.datetime, dt.datetime] | None = None,
        after: tuple[dt.datetime, uuid.UUID] | None = None,
        without: Collection[uuid.UUID] = (),
    ) -> Page[WorkItem]:
        await self._x.settle(_WORK)
        where = self._where(user_id, section, appointments, without)
        total = (
            await self._x.c.execute(select(func.count()).select_from(work_t).where(*where))
        ).scalar_one()
        if after is not None:
            at, after_id = after
            where.append(
                or_(work_t.c.at > at, and_(work_t.c.at == at, work_t.c.item_id > after_id))
            )
        found = (
            (
                await self._x.c.execute(
                    select(work_t)
                    .where(*where)
                    .order_by(work_t.c.at, work_t.c.item_id)
                    .limit(limit)
                )
            )
            .mappings()
            .all()
        )
        return Page(items=[_work_of(r) for r in found], total=int(total), limit=limit, offset=0)

    async def counts(
        self,
        user_id: UserId,
        *,
        appointments: tuple[dt.datetime, dt.datetime] | None = None,
        without: Collection[uuid.UUID] = (),
    ) -> dict[WorkSection, int]:
        await self._x.settle(_WORK)
        found = await self._x.c.execute(
            select(work_t.c.section, func.count())
            .where(*self._where(user_id, None, appointments, without))
            .group_by(work_t.c.section)
        )
        out = dict.fromkeys(WorkSection, 0)
        for section, n in found:
            out[WorkSection(section)] = int(n)
        return out

    async def scope_ids(self, *, limit: int, after: uuid.UUID | None = None) -> Sequence[uuid.UUID]:
        await self._x.settle(_WORK)
        where = [self._mine]
        if after is not None:
            where.append(work_t.c.scope_id > after)
        found = await self._x.c.execute(
            select(work_t.c.scope_id)
            .where(*where)
            .group_by(work_t.c.scope_id)
            .order_by(work_t.c.scope_id)
            .limit(limit)
        )
        return [r[0] for r in found]

    async def delete(self, scope_ids: Collection[uuid.UUID]) -> None:
        await self._x.settle(_WORK)
        if scope_ids:
            await self._x.c.execute(
                delete(work_t).where(self._mine, work_t.c.scope_id.in_(list(scope_ids)))
            )


def work_queue_items(uow: UnitOfWork) -> WorkQueueItems:
    return SqlAlchemyWorkQueueItems(SqlAlchemyUnitOfWork.of(uow).context)
