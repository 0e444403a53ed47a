"""SQLAlchemy repositories of the case clock and compliance, joining ``SqlAlchemyUnitOfWork``.

Their rows are in :mod:`.rows`; the hand-written migration is
``migrations/versions/20261128_0500_scheduling``.
Every query filters on the unit of work's centre; PostgreSQL RLS filters again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, cast

from sqlalchemy import (
    Table,
    delete,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from cma_adapters.sqlalchemy.rows import (
    AdviserAvailabilityRow,
    AppointmentRow,
    CaseDeadlineRow,
    CaseFactRow,
    CentreClosureRow,
    CentreWorkingHoursRow,
    ContactConsentRow,
    ReminderRow,
)
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork, SqlContext, keyset, page_total
from cma_adapters.sqlalchemy.versioned import put_versioned
from cma_core.scheduling.appointments import (
    AdviserAvailability,
    Appointment,
    AppointmentId,
    AppointmentKind,
    AppointmentStatus,
    LeavePeriod,
    WorkingHours,
)
from cma_core.scheduling.conflicts import CentreHours
from cma_core.scheduling.deadlines import CountingRule, Deadline, DeadlineKind
from cma_core.scheduling.ports import (
    AppointmentRepository,
    AvailabilityRepository,
    CaseFact,
    CentreHoursRepository,
    ClosureDay,
    ClosureRepository,
    ConsentRepository,
    DeadlineId,
    DeadlineRepository,
    DeadlineStatus,
    FactId,
    FactKind,
    FactRepository,
    ReminderRecord,
    ReminderRepository,
    ReminderStatus,
    StoredAppointment,
    StoredAvailability,
    StoredCentreHours,
    StoredConsent,
    TrackedDeadline,
)
from cma_core.scheduling.reminders import ContactConsent
from cma_core.shared.errors import Conflict, NotFound, StaleVersion
from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId
from cma_core.shared.uow import Page, UnitOfWork

# --------------------------------------------------------------------------- rows


facts_t = cast(Table, CaseFactRow.__table__)
deadlines_t = cast(Table, CaseDeadlineRow.__table__)
appointments_t = cast(Table, AppointmentRow.__table__)
availability_t = cast(Table, AdviserAvailabilityRow.__table__)
hours_t = cast(Table, CentreWorkingHoursRow.__table__)
consents_t = cast(Table, ContactConsentRow.__table__)
reminders_t = cast(Table, ReminderRow.__table__)
closures_t = cast(Table, CentreClosureRow.__table__)


# --------------------------------------------------------------------------- helpers


class RepoBase:
    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx

    async def _rows(self, stmt: Any) -> Sequence[Any]:
        return (await self._x.c.execute(stmt)).mappings().all()

    async def _first(self, stmt: Any) -> Any:
        return (await self._x.c.execute(stmt)).mappings().first()

    async def _count(self, table: Table, where: Sequence[Any]) -> int:
        stmt = select(func.count()).select_from(table).where(*where)
        return int((await self._x.c.execute(stmt)).scalar_one())

    async def _total(
        self, table: Table, where: Sequence[Any], found: int, limit: int, offset: int, after: Any
    ) -> int:
        """A page's total (``page_total``): counted only when the page does not show it."""
        stmt = select(func.count()).select_from(table).where(*where)
        return await page_total(self._x.c, stmt, found, limit, offset, after)


# --------------------------------------------------------------------------- repositories


class SqlAlchemyFactRepository(RepoBase, FactRepository):
    async def add(self, fact: CaseFact) -> None:
        self._x.own(fact.centre_id, "fact")
        await self._x.c.execute(insert(facts_t).values(_fact_values(fact)))

    async def list(self, case_id: CaseId) -> Sequence[CaseFact]:
        rows = await self._rows(
            select(facts_t)
            .where(facts_t.c.centre_id == self._x.centre_id, facts_t.c.case_id == case_id)
            .order_by(facts_t.c.occurred_on, facts_t.c.recorded_at, facts_t.c.id)
        )
        return [_fact(r) for r in rows]

    async def get(self, fact_id: FactId) -> CaseFact | None:
        rows = await self._rows(
            select(facts_t).where(facts_t.c.centre_id == self._x.centre_id, facts_t.c.id == fact_id)
        )
        return _fact(rows[0]) if rows else None

    async def save(self, fact: CaseFact, expected_version: int) -> None:
        self._x.own(fact.centre_id, "fact")
        values = _fact_values(fact)
        for k in ("id", "centre_id", "case_id", "recorded_at", "recorded_by"):
            values.pop(k)
        result = await self._x.c.execute(
            update(facts_t)
            .where(
                facts_t.c.id == fact.id,
                facts_t.c.centre_id == self._x.centre_id,
                facts_t.c.version == expected_version,
            )
            .values(values)
        )
        if result.rowcount == 0:
            current = await self.get(fact.id)
            if current is None:
                raise NotFound("fact", fact.id)
            raise StaleVersion("fact", expected_version, current.version)


def _fact_values(fact: CaseFact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "centre_id": fact.centre_id,
        "case_id": fact.case_id,
        "kind": fact.kind.value,
        "occurred_on": fact.occurred_on,
        "recorded_at": fact.recorded_at,
        "recorded_by": fact.recorded_by,
        "details": dict(fact.details),
        "version": fact.version,
        "withdrawn_at": fact.withdrawn_at,
        "withdrawn_by": fact.withdrawn_by,
        "withdrawn_reason": fact.withdrawn_reason,
    }


def _fact(r: Any) -> CaseFact:
    return CaseFact(
        id=FactId(r["id"]),
        centre_id=CentreId(r["centre_id"]),
        case_id=CaseId(r["case_id"]),
        kind=FactKind(r["kind"]),
        occurred_on=r["occurred_on"],
        recorded_at=r["recorded_at"],
        recorded_by=UserId(r["recorded_by"]) if r["recorded_by"] else None,
        details=dict(r["details"] or {}),
        version=r["version"],
        withdrawn_at=r["withdrawn_at"],
        withdrawn_by=UserId(r["withdrawn_by"]) if r["withdrawn_by"] else None,
        withdrawn_reason=r["withdrawn_reason"],
    )


def _deadline_values(d: TrackedDeadline) -> dict[str, Any]:
    return {
        "id": d.id,
        "centre_id": d.centre_id,
        "case_id": d.case_id,
        "fact_id": d.fact_id,
        "kind": d.deadline.kind.value,
        "due": d.deadline.due,
        "trigger": d.deadline.trigger,
        "counting": d.deadline.counting.value,
        "amount": d.deadline.amount,
        "rule": d.deadline.rule,
        "source": d.deadline.source,
        "is_earliest": d.deadline.is_earliest,
        "adviser_id": d.adviser_id,
        "status": d.status.value,
        "created_at": d.created_at,
        "task_id": d.task_id,
        "closed_at": d.closed_at,
        "escalated_to": d.escalated_to,
    }


def _deadline_from(r: Any) -> TrackedDeadline:
    return TrackedDeadline(
        id=DeadlineId(r["id"]),
        centre_id=CentreId(r["centre_id"]),
        case_id=CaseId(r["case_id"]),
        fact_id=FactId(r["fact_id"]),
        deadline=Deadline(
            kind=DeadlineKind(r["kind"]),
            due=r["due"],
            trigger=r["trigger"],
            counting=CountingRule(r["counting"]),
            amount=r["amount"],
            rule=r["rule"],
            source=r["source"],
            is_earliest=bool(r["is_earliest"]),
        ),
        adviser_id=UserId(r["adviser_id"]) if r["adviser_id"] else None,
        status=DeadlineStatus(r["status"]),
        created_at=r["created_at"],
        task_id=r["task_id"],
        closed_at=r["closed_at"],
        escalated_to=UserId(r["escalated_to"]) if r["escalated_to"] else None,
    )


class SqlAlchemyDeadlineRepository(RepoBase, DeadlineRepository):
    async def add(self, deadline: TrackedDeadline) -> None:
        self._x.own(deadline.centre_id, "deadline")
        self._x.wrote("case_deadlines", deadline.case_id)
        try:
            async with self._x.c.begin_nested():
                await self._x.c.execute(insert(deadlines_t).values(_deadline_values(deadline)))
        except IntegrityError as exc:
            raise Conflict("the fact already has a deadline of that kind") from exc

    async def get(self, deadline_id: DeadlineId) -> TrackedDeadline | None:
        r = await self._first(
            select(deadlines_t).where(
                deadlines_t.c.id == deadline_id, deadlines_t.c.centre_id == self._x.centre_id
            )
        )
        return _deadline_from(r) if r else None

    async def save(self, deadline: TrackedDeadline) -> None:
        self._x.own(deadline.centre_id, "deadline")
        self._x.wrote("case_deadlines", deadline.case_id)
        result = await self._x.c.execute(
            update(deadlines_t)
            .where(deadlines_t.c.id == deadline.id, deadlines_t.c.centre_id == self._x.centre_id)
            .values(
                status=deadline.status.value,
                task_id=deadline.task_id,
                closed_at=deadline.closed_at,
                escalated_to=deadline.escalated_to,
                adviser_id=deadline.adviser_id,
            )
        )
        if result.rowcount == 0:
            raise NotFound("deadline", deadline.id)

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        case_id: CaseId | None = None,
        status: DeadlineStatus | None = None,
        due_before: dt.date | None = None,
    ) -> Page[TrackedDeadline]:
        if case_id is not None and due_before is None and offset == 0:
            together = await self._x.rows_together("case_deadlines", case_id, self._of_cases)
            if together is not None:
                found = [r for r in together if status is None or r["status"] == status.value]
                items = [_deadline_from(r) for r in found[:limit]]
                return Page(items=items, total=len(found), limit=limit, offset=0)
        where: list[Any] = [deadlines_t.c.centre_id == self._x.centre_id]
        if case_id is not None:
            where.append(deadlines_t.c.case_id == case_id)
        if status is not None:
            where.append(deadlines_t.c.status == status.value)
        if due_before is not None:
            where.append(deadlines_t.c.due < due_before)
        rows = await self._rows(
            select(deadlines_t)
            .where(*where)
            .order_by(deadlines_t.c.due, deadlines_t.c.kind, deadlines_t.c.id)
            .limit(limit)
            .offset(offset)
        )
        total = await self._total(deadlines_t, where, len(rows), limit, offset, None)
        return Page(
            items=[_deadline_from(r) for r in rows], total=total, limit=limit, offset=offset
        )

    def _of_cases(self, case_ids: Sequence[Any]) -> Any:
        """The deadlines of several cases, in ``list``'s order (``rows_together``)."""
        return (
            select(deadlines_t)
            .where(
                deadlines_t.c.centre_id == self._x.centre_id, deadlines_t.c.case_id.in_(case_ids)
            )
            .order_by(deadlines_t.c.due, deadlines_t.c.kind, deadlines_t.c.id)
        )


def _appointment_values(s: StoredAppointment) -> dict[str, Any]:
    a = s.appointment
    return {
        "id": a.id,
        "centre_id": s.centre_id,
        "case_id": a.case_id,
        "client_id": a.client_id,
        "adviser_id": a.adviser_id,
        "kind": a.kind.value,
        "start_at": a.start,
        "end_at": a.end,
        "status": a.status.value,
        "location": a.location,
        "sequence": a.sequence,
        "cancel_reason": a.cancel_reason,
        "version": s.version,
        "created_at": s.created_at,
    }


def _appointment_from(r: Any) -> StoredAppointment:
    return StoredAppointment(
        centre_id=CentreId(r["centre_id"]),
        appointment=Appointment(
            id=AppointmentId(r["id"]),
            case_id=CaseId(r["case_id"]),
            client_id=ClientId(r["client_id"]),
            adviser_id=UserId(r["adviser_id"]),
            kind=AppointmentKind(r["kind"]),
            start=r["start_at"],
            end=r["end_at"],
            status=AppointmentStatus(r["status"]),
            location=r["location"],
            sequence=r["sequence"],
            cancel_reason=r["cancel_reason"],
        ),
        version=r["version"],
        created_at=r["created_at"],
    )


class SqlAlchemyAppointmentRepository(RepoBase, AppointmentRepository):
    async def lock_adviser(self, adviser_id: UserId) -> None:
        if self._x.c.dialect.name == "postgresql":
            # Transaction-scoped: released at commit or rollback.
            await self._x.c.execute(
                text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))"),
                {"k": f"appointments:{adviser_id}"},
            )

    async def add(self, stored: StoredAppointment) -> None:
        self._x.own(stored.centre_id, "appointment")
        self._x.wrote("appointments", stored.appointment.case_id)
        await self._x.c.execute(insert(appointments_t).values(_appointment_values(stored)))

    async def get(self, appointment_id: AppointmentId) -> StoredAppointment | None:
        r = await self._first(
            select(appointments_t).where(
                appointments_t.c.id == appointment_id,
                appointments_t.c.centre_id == self._x.centre_id,
            )
        )
        return _appointment_from(r) if r else None

    async def save(self, stored: StoredAppointment, expected_version: int) -> None:
        self._x.own(stored.centre_id, "appointment")
        self._x.wrote("appointments")  # its case may have changed
        values = _appointment_values(stored)
        for k in ("id", "centre_id", "created_at"):
            values.pop(k)
        result = await self._x.c.execute(
            update(appointments_t)
            .where(
                appointments_t.c.id == stored.id,
                appointments_t.c.centre_id == self._x.centre_id,
                appointments_t.c.version == expected_version,
            )
            .values(values)
        )
        if result.rowcount == 0:
            current = await self.get(stored.id)
            raise StaleVersion("appointment", expected_version, current.version if current else 0)

    async def booked_between(
        self, adviser_id: UserId | None, start: dt.datetime, end: dt.datetime
    ) -> Sequence[Appointment]:
        where: list[Any] = [
            appointments_t.c.centre_id == self._x.centre_id,
            appointments_t.c.status == AppointmentStatus.BOOKED.value,
            appointments_t.c.start_at < end,
            appointments_t.c.end_at > start,
        ]
        if adviser_id is not None:
            where.append(appointments_t.c.adviser_id == adviser_id)
        rows = await self._rows(select(appointments_t).where(*where))
        return [_appointment_from(r).appointment for r in rows]

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        adviser_id: UserId | None = None,
        case_id: CaseId | None = None,
        start_from: dt.datetime | None = None,
        start_to: dt.datetime | None = None,
        booked_only: bool = False,
        after: tuple[dt.datetime, AppointmentId] | None = None,
    ) -> Page[StoredAppointment]:
        t = appointments_t
        alone = (adviser_id, start_from, start_to, after) == (None,) * 4
        if alone and case_id is not None and offset == 0:
            together = await self._x.rows_together("appointments", case_id, self._of_cases)
            if together is not None:
                booked = AppointmentStatus.BOOKED.value
                found = [r for r in together if not booked_only or r["status"] == booked]
                items = [_appointment_from(r) for r in found[:limit]]
                return Page(items=items, total=len(found), limit=limit, offset=0)
        where: list[Any] = [t.c.centre_id == self._x.centre_id]
        if adviser_id is not None:
            where.append(t.c.adviser_id == adviser_id)
        if case_id is not None:
            where.append(t.c.case_id == case_id)
        if start_from is not None:
            where.append(t.c.start_at >= start_from)
        if start_to is not None:
            where.append(t.c.start_at < start_to)
        if booked_only:
            where.append(t.c.status == AppointmentStatus.BOOKED.value)
        page_where = where + keyset((t.c.start_at, t.c.id), after)
        rows = await self._rows(
            select(t).where(*page_where).order_by(t.c.start_at, t.c.id).limit(limit).offset(offset)
        )
        total = await self._total(t, where, len(rows), limit, offset, after)
        return Page(
            items=[_appointment_from(r) for r in rows], total=total, limit=limit, offset=offset
        )

    def _of_cases(self, case_ids: Sequence[Any]) -> Any:
        """The appointments of several cases, in ``list``'s order (``rows_together``)."""
        t = appointments_t
        return (
            select(t)
            .where(t.c.centre_id == self._x.centre_id, t.c.case_id.in_(case_ids))
            .order_by(t.c.start_at, t.c.id)
        )


def _windows(value: Mapping[str, Any]) -> dict[int, list[WorkingHours]]:
    return {
        int(day): [
            WorkingHours(dt.time.fromisoformat(s), dt.time.fromisoformat(e)) for s, e in wins
        ]
        for day, wins in (value or {}).items()
    }


def _windows_json(weekly: Sequence[tuple[int, Sequence[WorkingHours]]]) -> dict[str, Any]:
    return {
        str(day): [[w.start.isoformat(), w.end.isoformat()] for w in wins] for day, wins in weekly
    }


class SqlAlchemyCentreHoursRepository(RepoBase, CentreHoursRepository):
    async def get(self) -> StoredCentreHours | None:
        r = await self._first(select(hours_t).where(hours_t.c.centre_id == self._x.centre_id))
        if r is None:
            return None
        return StoredCentreHours(
            centre_id=CentreId(r["centre_id"]),
            hours=CentreHours(weekly=_windows(r["weekly_hours"]), timezone=r["timezone"]),
            version=r["version"],
            updated_at=r["updated_at"],
        )

    async def put(self, stored: StoredCentreHours, expected_version: int) -> None:
        self._x.own(stored.centre_id, "working hours")
        values = {
            "weekly_hours": _windows_json(stored.hours.weekly),
            "timezone": stored.hours.timezone,
            "version": stored.version,
            "updated_at": stored.updated_at,
        }
        await put_versioned(
            self._x.c,
            hours_t,
            {"centre_id": stored.centre_id},
            values,
            expected_version=expected_version,
            what="working hours",
        )


class SqlAlchemyAvailabilityRepository(RepoBase, AvailabilityRepository):
    async def get(self, adviser_id: UserId) -> StoredAvailability | None:
        r = await self._first(
            select(availability_t).where(
                availability_t.c.centre_id == self._x.centre_id,
                availability_t.c.adviser_id == adviser_id,
            )
        )
        if r is None:
            return None
        hours = {
            int(day): [
                WorkingHours(dt.time.fromisoformat(s), dt.time.fromisoformat(e)) for s, e in wins
            ]
            for day, wins in (r["weekly_hours"] or {}).items()
        }
        leave = tuple(
            LeavePeriod(dt.date.fromisoformat(a), dt.date.fromisoformat(b))
            for a, b in (r["leave"] or {}).get("periods", [])
        )
        return StoredAvailability(
            centre_id=CentreId(r["centre_id"]),
            availability=AdviserAvailability(
                adviser_id=UserId(r["adviser_id"]),
                weekly_hours=hours,
                leave=leave,
                timezone=r["timezone"],
            ),
            version=r["version"],
            updated_at=r["updated_at"],
        )

    async def put(self, stored: StoredAvailability) -> None:
        self._x.own(stored.centre_id, "availability")
        a = stored.availability
        await self._x.c.execute(
            delete(availability_t).where(
                availability_t.c.centre_id == self._x.centre_id,
                availability_t.c.adviser_id == a.adviser_id,
            )
        )
        await self._x.c.execute(
            insert(availability_t).values(
                centre_id=stored.centre_id,
                adviser_id=a.adviser_id,
                weekly_hours={
                    str(day): [[w.start.isoformat(), w.end.isoformat()] for w in wins]
                    for day, wins in a.weekly_hours
                },
                leave={
                    "periods": [[p.first_day.isoformat(), p.last_day.isoformat()] for p in a.leave]
                },
                timezone=a.timezone,
                version=stored.version,
                updated_at=stored.updated_at,
            )
        )


class SqlAlchemyConsentRepository(RepoBase, ConsentRepository):
    def _from(self, r: Any) -> StoredConsent:
        return StoredConsent(
            centre_id=CentreId(r["centre_id"]),
            consent=ContactConsent(
                client_id=ClientId(r["client_id"]), email=r["email"], sms=r["sms"]
            ),
            recorded_at=r["recorded_at"],
            recorded_by=UserId(r["recorded_by"]) if r["recorded_by"] else None,
            version=r["version"],
        )

    async def get(self, client_id: ClientId) -> StoredConsent | None:
        r = await self._first(
            select(consents_t).where(
                consents_t.c.centre_id == self._x.centre_id, consents_t.c.client_id == client_id
            )
        )
        return self._from(r) if r else None

    async def put(self, stored: StoredConsent) -> None:
        self._x.own(stored.centre_id, "consent")
        c = stored.consent
        values = {
            "email": c.email,
            "sms": c.sms,
            "recorded_at": stored.recorded_at,
            "recorded_by": stored.recorded_by,
            "version": stored.version,
        }
        if stored.version > 1:
            # Compare and set: only the version the writer read is replaced.
            done = await self._x.c.execute(
                update(consents_t)
                .where(
                    consents_t.c.centre_id == self._x.centre_id,
                    consents_t.c.client_id == c.client_id,
                    consents_t.c.version == stored.version - 1,
                )
                .values(**values)
            )
            if done.rowcount != 1:
                current = await self.get(c.client_id)
                actual = current.version if current else 0
                raise StaleVersion("contact consent", stored.version - 1, actual)
            return
        current = await self.get(c.client_id)
        if current is not None:
            raise StaleVersion("contact consent", 0, current.version)
        try:
            await self._x.c.execute(
                insert(consents_t).values(
                    centre_id=stored.centre_id, client_id=c.client_id, **values
                )
            )
        except IntegrityError as exc:  # a concurrent first consent won the race
            raise StaleVersion("contact consent", 0, 1) from exc

    async def for_clients(
        self, client_ids: Sequence[ClientId]
    ) -> Mapping[ClientId, ContactConsent]:
        if not client_ids:
            return {}
        rows = await self._rows(
            select(consents_t).where(
                consents_t.c.centre_id == self._x.centre_id,
                consents_t.c.client_id.in_(list(client_ids)),
            )
        )
        return {ClientId(r["client_id"]): self._from(r).consent for r in rows}


def _reminder_values(r: ReminderRecord) -> dict[str, Any]:
    return {
        "centre_id": r.centre_id,
        "key": r.key,
        "case_id": r.case_id,
        "version": r.version,
        "audience": r.audience,
        "channel": r.channel,
        "recipient": r.recipient,
        "subject_kind": r.subject_kind,
        "subject_ref": r.subject_ref,
        "send_at": r.send_at,
        "event_at": r.event_at,
        "created_at": r.created_at,
        "status": r.status.value,
        "attempts": r.attempts,
        "sent_at": r.sent_at,
        "note": r.note,
    }


def _reminder_from(r: Any) -> ReminderRecord:
    return ReminderRecord(
        key=r["key"],
        centre_id=CentreId(r["centre_id"]),
        case_id=CaseId(r["case_id"]) if r["case_id"] is not None else None,
        version=r["version"],
        audience=r["audience"],
        channel=r["channel"],
        recipient=r["recipient"],
        subject_kind=r["subject_kind"],
        subject_ref=r["subject_ref"],
        send_at=r["send_at"],
        event_at=r["event_at"],
        created_at=r["created_at"],
        status=ReminderStatus(r["status"]),
        attempts=r["attempts"],
        sent_at=r["sent_at"],
        note=r["note"],
    )


class SqlAlchemyReminderRepository(RepoBase, ReminderRepository):
    async def add_pending(self, record: ReminderRecord) -> bool:
        self._x.own(record.centre_id, "reminder")
        dialect = self._x.c.dialect.name
        builder: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
        stmt = builder(reminders_t).values(_reminder_values(record)).on_conflict_do_nothing()
        result = await self._x.c.execute(stmt)
        return bool(result.rowcount)

    async def pending(self, *, limit: int) -> Sequence[ReminderRecord]:
        rows = await self._rows(
            select(reminders_t)
            .where(
                reminders_t.c.centre_id == self._x.centre_id,
                reminders_t.c.status == ReminderStatus.PENDING.value,
            )
            .order_by(reminders_t.c.send_at, reminders_t.c.key)
            .limit(limit)
        )
        return [_reminder_from(r) for r in rows]

    async def save(self, record: ReminderRecord) -> None:
        self._x.own(record.centre_id, "reminder")
        result = await self._x.c.execute(
            update(reminders_t)
            .where(reminders_t.c.centre_id == self._x.centre_id, reminders_t.c.key == record.key)
            .values(
                status=record.status.value,
                attempts=record.attempts,
                sent_at=record.sent_at,
                note=record.note,
                version=record.version + 1,
            )
        )
        if result.rowcount == 0:
            raise NotFound("reminder", record.key)

    async def get(self, key: str) -> ReminderRecord | None:
        r = await self._first(
            select(reminders_t).where(
                reminders_t.c.centre_id == self._x.centre_id, reminders_t.c.key == key
            )
        )
        return _reminder_from(r) if r else None

    async def known(self, keys: Sequence[str]) -> set[str]:
        if not keys:
            return set()
        rows = await self._rows(
            select(reminders_t.c.key).where(
                reminders_t.c.centre_id == self._x.centre_id, reminders_t.c.key.in_(list(keys))
            )
        )
        return {r["key"] for r in rows}

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        status: ReminderStatus | None = None,
        audience: str | None = None,
        subject_kind: str | None = None,
        after: tuple[dt.datetime, str] | None = None,
        case_id: CaseId | None = None,
    ) -> Page[ReminderRecord]:
        where = [reminders_t.c.centre_id == self._x.centre_id]
        if case_id is not None:
            where.append(reminders_t.c.case_id == case_id)
        if status is not None:
            where.append(reminders_t.c.status == status.value)
        if audience is not None:
            where.append(reminders_t.c.audience == audience)
        if subject_kind is not None:
            where.append(reminders_t.c.subject_kind == subject_kind)
        rows = await self._rows(
            select(reminders_t)
            .where(*where, *keyset((reminders_t.c.send_at, reminders_t.c.key), after))
            .order_by(reminders_t.c.send_at, reminders_t.c.key)
            .limit(limit)
            .offset(offset)
        )
        total = await self._total(reminders_t, where, len(rows), limit, offset, after)
        return Page(
            items=[_reminder_from(r) for r in rows], total=total, limit=limit, offset=offset
        )


class SqlAlchemyClosureRepository(RepoBase, ClosureRepository):
    async def add(self, closure: ClosureDay) -> None:
        self._x.own(closure.centre_id, "closure day")
        try:
            async with self._x.c.begin_nested():
                await self._x.c.execute(
                    insert(closures_t).values(
                        centre_id=closure.centre_id,
                        day=closure.day,
                        reason=closure.reason,
                        created_at=closure.created_at,
                        created_by=closure.created_by,
                    )
                )
        except IntegrityError as exc:
            raise Conflict(f"{closure.day} is already a closure day") from exc

    async def remove(self, day: dt.date) -> bool:
        result = await self._x.c.execute(
            delete(closures_t).where(
                closures_t.c.centre_id == self._x.centre_id, closures_t.c.day == day
            )
        )
        return bool(result.rowcount)

    async def list(
        self, *, start: dt.date | None = None, end: dt.date | None = None
    ) -> Sequence[ClosureDay]:
        t = closures_t
        where: list[Any] = [t.c.centre_id == self._x.centre_id]
        if start is not None:
            where.append(t.c.day >= start)
        if end is not None:
            where.append(t.c.day <= end)
        rows = await self._rows(select(t).where(*where).order_by(t.c.day))
        return [
            ClosureDay(
                centre_id=CentreId(r["centre_id"]),
                day=r["day"],
                reason=r["reason"],
                created_at=r["created_at"],
                created_by=UserId(r["created_by"]) if r["created_by"] else None,
            )
            for r in rows
        ]


# RepositoryFactory functions: given the unit of work, the repository in its transaction.
def dated_facts(uow: UnitOfWork) -> FactRepository:
    return SqlAlchemyFactRepository(SqlAlchemyUnitOfWork.of(uow).context)


def deadlines(uow: UnitOfWork) -> DeadlineRepository:
    return SqlAlchemyDeadlineRepository(SqlAlchemyUnitOfWork.of(uow).context)


def appointments(uow: UnitOfWork) -> AppointmentRepository:
    return SqlAlchemyAppointmentRepository(SqlAlchemyUnitOfWork.of(uow).context)


def centre_hours(uow: UnitOfWork) -> CentreHoursRepository:
    return SqlAlchemyCentreHoursRepository(SqlAlchemyUnitOfWork.of(uow).context)


def availability(uow: UnitOfWork) -> AvailabilityRepository:
    return SqlAlchemyAvailabilityRepository(SqlAlchemyUnitOfWork.of(uow).context)


def consents(uow: UnitOfWork) -> ConsentRepository:
    return SqlAlchemyConsentRepository(SqlAlchemyUnitOfWork.of(uow).context)


def reminders(uow: UnitOfWork) -> ReminderRepository:
    return SqlAlchemyReminderRepository(SqlAlchemyUnitOfWork.of(uow).context)


def closures(uow: UnitOfWork) -> ClosureRepository:
    return SqlAlchemyClosureRepository(SqlAlchemyUnitOfWork.of(uow).context)
