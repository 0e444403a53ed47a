"""The SQL case repository, joined to ``SqlAlchemyUnitOfWork`` through ``cases``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from cma_adapters.sqlalchemy import mappers as m
from cma_adapters.sqlalchemy.raw import RawStatement
from cma_adapters.sqlalchemy.rows import CaseNoteRow, CaseRow, CentreCounterRow, ClientRow
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork, SqlContext, page_from
from cma_core.cases.model import Case, CaseStatus, Note
from cma_core.cases.ports import CaseRepository
from cma_core.shared.errors import StaleVersion
from cma_core.shared.ids import CaseId, ClientId, UserId
from cma_core.shared.uow import Page, UnitOfWork

cases_t = cast(Table, CaseRow.__table__)
notes_t = cast(Table, CaseNoteRow.__table__)
counters_t = cast(Table, CentreCounterRow.__table__)
clients_t = cast(Table, ClientRow.__table__)

# The hot path of every audited view, built once: constructing a Core statement and its
# cache key per call cost ~0.2 ms of CPU each, more than the driver's work (benchmarks/).

#: A case, its notes and its client's sealed name in one round trip: one row per note, or
#: one row of NULL ``n_*`` columns for a case without notes. The name columns (``c_*``)
#: save the case page the client's own statement (``ClientRepository.display_name``).
_NOTE_PREFIX = "n_"
_CLIENT_PREFIX = "c_"
_CLIENT_NAME_COLUMNS = ("id", "key_version", "first_name_enc", "last_name_enc")
_CASE_WITH_NOTES = (
    select(
        cases_t,
        *(c.label(_NOTE_PREFIX + c.name) for c in notes_t.c),
        *(clients_t.c[name].label(_CLIENT_PREFIX + name) for name in _CLIENT_NAME_COLUMNS),
    )
    .select_from(
        cases_t.outerjoin(
            notes_t,
            and_(notes_t.c.case_id == cases_t.c.id, notes_t.c.centre_id == cases_t.c.centre_id),
        ).outerjoin(
            clients_t,
            and_(
                clients_t.c.id == cases_t.c.client_id,
                clients_t.c.centre_id == cases_t.c.centre_id,
            ),
        )
    )
    .where(cases_t.c.id == bindparam("case_id"), cases_t.c.centre_id == bindparam("centre_id"))
    .order_by(notes_t.c.created_at, notes_t.c.id)
)

#: The same on the asyncpg connection (the hot path of every view: ``raw``).
_CASE_WITH_NOTES_RAW = RawStatement(_CASE_WITH_NOTES)
# Read to change what hangs off the case: its row locked until the transaction ends
# (``CaseRepository.get``'s ``for_change``); NO KEY UPDATE, the lock an UPDATE of the case
# takes, so two such units of work queue rather than deadlock when both then save it.
_CASE_WITH_NOTES_FOR_CHANGE = _CASE_WITH_NOTES.with_for_update(key_share=True, of=cases_t)
_CASE_WITH_NOTES_FOR_CHANGE_RAW = RawStatement(_CASE_WITH_NOTES_FOR_CHANGE)


def _note_of(row: Any) -> dict[str, Any]:
    return {c.name: row[_NOTE_PREFIX + c.name] for c in notes_t.c}


class SqlAlchemyCaseRepository(CaseRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx

    async def add(self, case: Case) -> None:
        self._x.own(case.centre_id, "case")
        await self._x.c.execute(insert(cases_t).values(m.case_to_row(case)))
        if case.notes:
            await self._x.c.execute(insert(notes_t), await self._note_rows(case, case.notes))
        self._x.loaded_notes[case.id] = {n.id for n in case.notes}
        self._x.touched[case.id] = case

    async def get(self, case_id: CaseId, *, for_change: bool = False) -> Case | None:
        params = {"case_id": case_id, "centre_id": self._x.centre_id}
        driver = await self._x.driver()
        rows: Sequence[Mapping[Any, Any]]
        query, raw = (
            (_CASE_WITH_NOTES_FOR_CHANGE, _CASE_WITH_NOTES_FOR_CHANGE_RAW)
            if for_change
            else (_CASE_WITH_NOTES, _CASE_WITH_NOTES_RAW)
        )
        if driver is not None:  # asyncpg's records read like mappings
            rows = await raw.fetch(driver, self._x.dialect, params)
        else:
            rows = [r._mapping for r in (await self._x.c.execute(query, params))]
        if not rows:
            return None
        notes = [_note_of(r) for r in rows if r["n_id"] is not None]
        keyring = (
            await self._x.keys.keyring(lambda: self._x.c)
            if any(n["body_enc"] is not None for n in notes)
            else None
        )
        first = rows[0]
        case = m.case_from_row(first, notes, keyring)
        self._x.loaded_notes[case.id] = {n.id for n in case.notes}
        if first[_CLIENT_PREFIX + "id"] is not None:
            name = {c: first[_CLIENT_PREFIX + c] for c in _CLIENT_NAME_COLUMNS}
            self._x.case_client = (case.client_id, name)
        return case

    async def existing(self, case_ids: Collection[CaseId]) -> set[CaseId]:
        if not case_ids:
            return set()
        found = await self._x.c.execute(
            select(cases_t.c.id).where(
                cases_t.c.centre_id == self._x.centre_id, cases_t.c.id.in_(list(case_ids))
            )
        )
        return {CaseId(r[0]) for r in found}

    async def save(self, case: Case) -> None:
        self._x.own(case.centre_id, "case")
        expected = case.version
        values = m.case_to_row(case)
        values.update(version=expected + 1)
        for key in ("id", "centre_id", "client_id", "opened_at"):
            values.pop(key)
        result = await self._x.c.execute(
            update(cases_t)
            .where(
                cases_t.c.id == case.id,
                cases_t.c.centre_id == self._x.centre_id,
                cases_t.c.version == expected,
            )
            .values(values)
        )
        if result.rowcount != 1:
            actual = (
                await self._x.c.execute(
                    select(cases_t.c.version).where(
                        cases_t.c.id == case.id, cases_t.c.centre_id == self._x.centre_id
                    )
                )
            ).scalar()
            raise StaleVersion("case", expected, actual or 0)
        known = self._x.loaded_notes.setdefault(case.id, set())
        new_notes = [n for n in case.notes if n.id not in known]
        if new_notes:
            await self._x.c.execute(insert(notes_t), await self._note_rows(case, new_notes))
            known.update(n.id for n in new_notes)
        case.version = expected + 1
        self._x.touched[case.id] = case

    async def _note_rows(self, case: Case, notes: Sequence[Note]) -> list[dict[str, Any]]:
        keys = self._x.keys
        sealing = keys.available or any(n.sensitive for n in notes)
        key = await keys.current(self._x.c) if sealing else None
        return [m.note_to_row(case, n, key) for n in notes]

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        status: CaseStatus | None = None,
        adviser_id: UserId | None = None,
        client_id: ClientId | None = None,
        after: tuple[dt.datetime, CaseId] | None = None,
    ) -> Page[Case]:
        where = [cases_t.c.centre_id == self._x.centre_id]
        if status is not None:
            where.append(cases_t.c.status == status.value)
        if adviser_id is not None:
            where.append(cases_t.c.adviser_id == adviser_id)
        if client_id is not None:
            where.append(cases_t.c.client_id == client_id)
        total = (
            await self._x.c.execute(select(func.count()).select_from(cases_t).where(*where))
        ).scalar_one()
        page_where = list(where)
        if after is not None:  # keyset: rows sorting after the cursor's (opened_at, id)
            at, after_id = after
            page_where.append(
                or_(
                    cases_t.c.opened_at < at,
                    and_(cases_t.c.opened_at == at, cases_t.c.id < after_id),
                )
            )
        rows = (
            (
                await self._x.c.execute(
                    select(cases_t)
                    .where(*page_where)
                    .order_by(cases_t.c.opened_at.desc(), cases_t.c.id.desc())
                    .limit(limit)
                    .offset(offset)
                )
            )
            .mappings()
            .all()
        )
        return page_from([m.case_from_row(r) for r in rows], total, limit, offset)

    async def next_reference_number(self) -> int:
        dialect = self._x.c.dialect.name
        ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(counters_t)
        stmt = (
            ins.values(centre_id=self._x.centre_id, case_seq=1)
            .on_conflict_do_update(
                index_elements=[counters_t.c.centre_id],
                set_={"case_seq": counters_t.c.case_seq + 1},
            )
            .returning(counters_t.c.case_seq)
        )
        return int((await self._x.c.execute(stmt)).scalar_one())


def cases(uow: UnitOfWork) -> CaseRepository:
    return SqlAlchemyCaseRepository(SqlAlchemyUnitOfWork.of(uow).context)
