"""``CaseDataEraser`` on SQLAlchemy: delete by schema, not by a hand-kept list.

Every table of the metadata with a ``case_id`` column is cleared for the case, children
before parents, with the centre in every ``WHERE`` (and Row Level Security behind it on
PostgreSQL). A table a later area adds is covered as soon as its row model is imported
(the area modules are imported here for that); the foreign keys with ``ON DELETE CASCADE``
are a second net, and ``tests/e2e/test_privacy_api.py`` checks the live schema
for any table with a ``case_id`` column still holding the case's rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Table, delete, or_, select
from sqlalchemy.exc import IntegrityError

from cma_adapters.sqlalchemy.readmodels import hold_projections, uncount
from cma_adapters.sqlalchemy.records import RecordTable
from cma_adapters.sqlalchemy.rows import TABLES as RECORD_TABLES
from cma_adapters.sqlalchemy.rows import (
    AppointmentRow,
    Base,
    CaseDeadlineRow,
    CaseRow,
    ClientRow,
    OutboxRow,
    ReminderRow,
)
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork, SqlContext
from cma_core.privacy.ports import (
    CaseDataEraser,
    DataSubjectRequestRepository,
    LegalHoldRepository,
)
from cma_core.privacy.requests import DataSubjectRequest, LegalHold
from cma_core.shared.errors import Conflict
from cma_core.shared.ids import CaseId, ClientId
from cma_core.shared.uow import UnitOfWork

cases_t = cast(Table, CaseRow.__table__)
clients_t = cast(Table, ClientRow.__table__)
outbox_t = cast(Table, OutboxRow.__table__)
reminders_t = cast(Table, ReminderRow.__table__)
appointments_t = cast(Table, AppointmentRow.__table__)
deadlines_t = cast(Table, CaseDeadlineRow.__table__)


def tables_with(column: str) -> list[Table]:
    """Tenant tables with ``column``, children before parents (safe deletion order)."""
    skip = {"cases", "clients"}
    return [
        t
        for t in reversed(Base.metadata.sorted_tables)
        if column in t.c and "centre_id" in t.c and t.name not in skip
    ]


class SqlAlchemyCaseDataEraser(CaseDataEraser):
    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx

    async def _delete(self, table: Table, *where: Any) -> int:
        result = await self._x.c.execute(
            delete(table).where(table.c.centre_id == self._x.centre_id, *where)
        )
        return int(result.rowcount or 0)

    async def hold(self, case_ids: Collection[CaseId]) -> None:
        await hold_projections(self._x, case_ids)

    async def erase_case(self, case_id: CaseId) -> Mapping[str, int]:
        removed: dict[str, int] = {}

        def count(table: str, n: int) -> None:
            if n:
                removed[table] = removed.get(table, 0) + n

        refs = [str(i) for i in await self._ids(appointments_t, case_id)]
        refs += [str(i) for i in await self._ids(deadlines_t, case_id)]
        # Appointment reminders name the appointment; deadline reminders "<case>:<kind>:…".
        count(
            "reminders",
            await self._delete(
                reminders_t,
                or_(
                    reminders_t.c.subject_ref.in_(refs),
                    reminders_t.c.subject_ref.startswith(f"{case_id}:", autoescape=True),
                ),
            ),
        )
        count("outbox", await self._forget_events("case_id", case_id))
        await uncount(self._x, [case_id])  # the case list's counters lose its row with it
        for table in tables_with("case_id"):
            count(table.name, await self._delete(table, table.c.case_id == case_id))
        count("cases", await self._delete(cases_t, cases_t.c.id == case_id))
        return removed

    async def erase_client(self, client_id: ClientId) -> Mapping[str, int]:
        removed: dict[str, int] = {}
        remaining = await self._x.c.execute(
            select(cases_t.c.id).where(
                cases_t.c.centre_id == self._x.centre_id, cases_t.c.client_id == client_id
            )
        )
        if remaining.first() is not None:
            raise Conflict("the client still has cases: erase them first")
        n = await self._delete(reminders_t, reminders_t.c.recipient == str(client_id))
        if n:
            removed["reminders"] = n
        n = await self._forget_events("client_id", client_id)
        if n:
            removed["outbox"] = n
        for table in tables_with("client_id"):
            n = await self._delete(table, table.c.client_id == client_id)
            if n:
                removed[table.name] = n
        try:
            n = await self._delete(clients_t, clients_t.c.id == client_id)
        except IntegrityError as exc:  # a row of a table that forgot erasure still refers
            raise Conflict(f"the client is still referred to: {exc.orig}") from exc
        if n:
            removed["clients"] = n
        return removed

    async def _ids(self, table: Table, case_id: CaseId) -> list[uuid.UUID]:
        rows = await self._x.c.execute(
            select(table.c.id).where(
                table.c.centre_id == self._x.centre_id, table.c.case_id == case_id
            )
        )
        return [r[0] for r in rows]

    async def _forget_events(self, key: str, value: uuid.UUID) -> int:
        return await self._delete(outbox_t, outbox_t.c.payload[key].as_string() == str(value))


def case_data_eraser(uow: UnitOfWork) -> CaseDataEraser:
    """The ``RepositoryFactory[CaseDataEraser]`` of the SQLAlchemy unit of work."""
    return SqlAlchemyCaseDataEraser(SqlAlchemyUnitOfWork.of(uow).context)


_REQUESTS = RECORD_TABLES["privacy_requests"]
_HOLDS = RECORD_TABLES["privacy_legal_holds"]


class SqlAlchemyDataSubjectRequestRepository(DataSubjectRequestRepository):
    """On a record table (no case): ``kind`` holds the client's id, the one column the
    register is queried by; ``sort_key`` the date received. The note is sealed."""

    def __init__(self, ctx: SqlContext) -> None:
        self._t = RecordTable(
            ctx,
            "privacy_requests",
            DataSubjectRequest,
            "data-subject request",
            kind=lambda r: str(r.data_subject_id),
            sort_key=lambda r: r.received_on.isoformat(),
            sealed=("note",),
        )

    async def add(self, request: DataSubjectRequest) -> None:
        await self._t.add(request)

    async def get(self, request_id: uuid.UUID) -> DataSubjectRequest | None:
        return await self._t.get(request_id)

    async def save(self, request: DataSubjectRequest) -> None:
        await self._t.save(request)

    async def list(
        self, *, data_subject_id: ClientId | None = None
    ) -> Sequence[DataSubjectRequest]:
        where = () if data_subject_id is None else (_REQUESTS.c.kind == str(data_subject_id),)
        return await self._t.where(
            *where, order=(_REQUESTS.c.sort_key, _REQUESTS.c.created_at, _REQUESTS.c.id)
        )


class SqlAlchemyLegalHoldRepository(LegalHoldRepository):
    """On a record table: ``case_id`` is the held case (no foreign key: a hold outlives
    nothing it holds, but must not block a case's deletion once released), ``kind`` is
    ``active`` or ``released``."""

    def __init__(self, ctx: SqlContext) -> None:
        self._t = RecordTable(
            ctx,
            "privacy_legal_holds",
            LegalHold,
            "legal hold",
            kind=lambda h: "active" if h.active else "released",
            sealed=("note",),
        )

    async def add(self, hold: LegalHold) -> None:
        await self._t.add(hold)

    async def get(self, hold_id: uuid.UUID) -> LegalHold | None:
        return await self._t.get(hold_id)

    async def save(self, hold: LegalHold) -> None:
        await self._t.save(hold)

    async def list(self, *, active_only: bool = False) -> Sequence[LegalHold]:
        where = (_HOLDS.c.kind == "active",) if active_only else ()
        return await self._t.where(*where)


def data_subject_requests(uow: UnitOfWork) -> DataSubjectRequestRepository:
    return SqlAlchemyDataSubjectRequestRepository(SqlAlchemyUnitOfWork.of(uow).context)


def legal_holds(uow: UnitOfWork) -> LegalHoldRepository:
    return SqlAlchemyLegalHoldRepository(SqlAlchemyUnitOfWork.of(uow).context)
