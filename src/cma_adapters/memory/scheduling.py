"""In-memory repositories of the case clock and compliance, joining ``InMemoryUnitOfWork``.

Writes are staged on the unit of work and applied on commit, like its own repositories;
records are frozen attrs values, so no copies are needed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from cma_adapters.memory.uow import InMemoryUnitOfWork
from cma_core.scheduling.appointments import Appointment, AppointmentId
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
from cma_core.shared.errors import Conflict, CrossTenantAccess, NotFound, StaleVersion
from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId
from cma_core.shared.uow import Page, UnitOfWork


class RepoBase:
    table_name = ""

    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow

    @property
    def _centre(self) -> CentreId:
        return self._uow.centre_id

    @property
    def _rows(self) -> dict[Any, Any]:
        return self._uow.db.table(self.table_name)

    def _own(self, centre_id: CentreId, what: str) -> None:
        if centre_id != self._centre:
            raise CrossTenantAccess(f"{what} belongs to another centre")

    def _stage(self, key: Any, value: Any) -> None:
        rows = self._rows
        self._uow.staging.ops.append(lambda: rows.__setitem__(key, value))

    def _mine(self) -> list[Any]:
        return [v for (c, _), v in self._rows.items() if c == self._centre]


class InMemoryFactRepository(RepoBase, FactRepository):
    table_name = "scheduling.facts"

    async def add(self, fact: CaseFact) -> None:
        self._own(fact.centre_id, "fact")
        self._stage((fact.centre_id, fact.id), fact)

    async def list(self, case_id: CaseId) -> Sequence[CaseFact]:
        rows = [f for f in self._mine() if f.case_id == case_id]
        return sorted(rows, key=lambda f: (f.occurred_on, f.recorded_at, str(f.id)))

    async def get(self, fact_id: FactId) -> CaseFact | None:
        found: CaseFact | None = self._rows.get((self._centre, fact_id))
        return found

    async def save(self, fact: CaseFact, expected_version: int) -> None:
        self._own(fact.centre_id, "fact")
        key = (fact.centre_id, fact.id)
        rows = self._rows
        if key not in rows:
            raise NotFound("fact", fact.id)

        def check() -> None:
            current = rows.get(key)
            actual = current.version if current else 0
            if actual != expected_version:
                raise StaleVersion("fact", expected_version, actual)

        check()
        self._uow.staging.checks.append(check)
        self._stage(key, fact)


class InMemoryDeadlineRepository(RepoBase, DeadlineRepository):
    table_name = "scheduling.deadlines"

    async def add(self, deadline: TrackedDeadline) -> None:
        self._own(deadline.centre_id, "deadline")
        key = (deadline.fact_id, deadline.deadline.kind)
        staged: set[Any] = self._uow.staging.__dict__.setdefault("deadline_keys", set())
        if key in staged or any((d.fact_id, d.deadline.kind) == key for d in self._rows.values()):
            raise Conflict("the fact already has a deadline of that kind")
        staged.add(key)
        self._stage((deadline.centre_id, deadline.id), deadline)

    async def get(self, deadline_id: DeadlineId) -> TrackedDeadline | None:
        found: TrackedDeadline | None = self._rows.get((self._centre, deadline_id))
        return found

    async def save(self, deadline: TrackedDeadline) -> None:
        self._own(deadline.centre_id, "deadline")
        if (self._centre, deadline.id) not in self._rows:
            raise NotFound("deadline", deadline.id)
        self._stage((deadline.centre_id, deadline.id), deadline)

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        case_id: CaseId | None = None,
        status: DeadlineStatus | None = None,
        due_before: dt.date | None = None,
    ) -> Page[TrackedDeadline]:
        rows = [
            d
            for d in self._mine()
            if (case_id is None or d.case_id == case_id)
            and (status is None or d.status is status)
            and (due_before is None or d.deadline.due < due_before)
        ]
        rows.sort(key=lambda d: (d.deadline.due, d.deadline.kind.value, str(d.id)))
        return Page.sliced(rows, limit, offset)


class InMemoryAppointmentRepository(RepoBase, AppointmentRepository):
    table_name = "scheduling.appointments"

    async def lock_adviser(self, adviser_id: UserId) -> None:
        return None  # one event loop, no interleaving between check and commit here

    async def add(self, stored: StoredAppointment) -> None:
        self._own(stored.centre_id, "appointment")
        self._stage((stored.centre_id, stored.id), stored)

    async def get(self, appointment_id: AppointmentId) -> StoredAppointment | None:
        found: StoredAppointment | None = self._rows.get((self._centre, appointment_id))
        return found

    async def save(self, stored: StoredAppointment, expected_version: int) -> None:
        self._own(stored.centre_id, "appointment")
        key = (stored.centre_id, stored.id)
        rows = self._rows

        def check() -> None:
            current = rows.get(key)
            actual = current.version if current else 0
            if actual != expected_version:
                raise StaleVersion("appointment", expected_version, actual)

        check()
        self._uow.staging.checks.append(check)
        self._stage(key, stored)

    async def booked_between(
        self, adviser_id: UserId | None, start: dt.datetime, end: dt.datetime
    ) -> Sequence[Appointment]:
        return [
            s.appointment
            for s in self._mine()
            if adviser_id in (None, s.appointment.adviser_id)
            and s.appointment.holds_slot
            and s.appointment.overlaps(start, end)
        ]

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
        total = [
            s
            for s in self._mine()
            if (adviser_id is None or s.appointment.adviser_id == adviser_id)
            and (case_id is None or s.appointment.case_id == case_id)
            and (start_from is None or s.appointment.start >= start_from)
            and (start_to is None or s.appointment.start < start_to)
            and (not booked_only or s.appointment.holds_slot)
        ]
        total.sort(key=lambda s: (s.appointment.start, str(s.id)))
        rows = [s for s in total if after is None or (s.appointment.start, s.id) > after]
        return Page(
            items=rows[offset : offset + limit], total=len(total), limit=limit, offset=offset
        )


class InMemoryCentreHoursRepository(RepoBase, CentreHoursRepository):
    table_name = "scheduling.centre_hours"

    async def get(self) -> StoredCentreHours | None:
        found: StoredCentreHours | None = self._rows.get((self._centre, "hours"))
        return found

    async def put(self, stored: StoredCentreHours, expected_version: int) -> None:
        self._own(stored.centre_id, "working hours")
        key = (stored.centre_id, "hours")
        rows = self._rows

        def check() -> None:
            current = rows.get(key)
            actual = current.version if current else 0
            if actual != expected_version:
                raise StaleVersion("working hours", expected_version, actual)

        check()
        self._uow.staging.checks.append(check)
        self._stage(key, stored)


class InMemoryAvailabilityRepository(RepoBase, AvailabilityRepository):
    table_name = "scheduling.availability"

    async def get(self, adviser_id: UserId) -> StoredAvailability | None:
        found: StoredAvailability | None = self._rows.get((self._centre, adviser_id))
        return found

    async def put(self, stored: StoredAvailability) -> None:
        self._own(stored.centre_id, "availability")
        self._stage((stored.centre_id, stored.availability.adviser_id), stored)


class InMemoryConsentRepository(RepoBase, ConsentRepository):
    table_name = "scheduling.consents"

    async def get(self, client_id: ClientId) -> StoredConsent | None:
        found: StoredConsent | None = self._rows.get((self._centre, client_id))
        return found

    async def put(self, stored: StoredConsent) -> None:
        self._own(stored.centre_id, "consent")
        key = (stored.centre_id, stored.consent.client_id)
        rows = self._rows

        def check() -> None:
            current = rows.get(key)
            actual = current.version if current else 0
            if actual != stored.version - 1:
                raise StaleVersion("contact consent", stored.version - 1, actual)

        check()
        self._uow.staging.checks.append(check)
        self._stage(key, stored)

    async def for_clients(
        self, client_ids: Sequence[ClientId]
    ) -> Mapping[ClientId, ContactConsent]:
        out: dict[ClientId, ContactConsent] = {}
        for cid in client_ids:
            stored = self._rows.get((self._centre, cid))
            if stored is not None:
                out[cid] = stored.consent
        return out


class InMemoryReminderRepository(RepoBase, ReminderRepository):
    table_name = "scheduling.reminders"

    async def add_pending(self, record: ReminderRecord) -> bool:
        self._own(record.centre_id, "reminder")
        staged: set[str] = self._uow.staging.__dict__.setdefault("reminder_keys", set())
        key = (record.centre_id, record.key)
        if key in self._rows or record.key in staged:
            return False
        staged.add(record.key)
        self._stage(key, record)
        return True

    async def pending(self, *, limit: int) -> Sequence[ReminderRecord]:
        rows = [r for r in self._mine() if r.status is ReminderStatus.PENDING]
        rows.sort(key=lambda r: (r.send_at, r.key))
        return rows[:limit]

    async def save(self, record: ReminderRecord) -> None:
        self._own(record.centre_id, "reminder")
        if (record.centre_id, record.key) not in self._rows:
            raise NotFound("reminder", record.key)
        self._stage(
            (record.centre_id, record.key), attrs.evolve(record, version=record.version + 1)
        )

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
        rows = sorted(
            (
                r
                for r in self._mine()
                if (status is None or r.status is status)
                and (audience is None or r.audience == audience)
                and (subject_kind is None or r.subject_kind == subject_kind)
                and (case_id is None or r.case_id == case_id)
            ),
            key=lambda r: (r.send_at, r.key),
        )
        rest = [r for r in rows if after is None or (r.send_at, r.key) > after]
        return Page(
            items=rest[offset : offset + limit], total=len(rows), limit=limit, offset=offset
        )

    async def get(self, key: str) -> ReminderRecord | None:
        found: ReminderRecord | None = self._rows.get((self._centre, key))
        return found

    async def known(self, keys: Sequence[str]) -> set[str]:
        return {k for k in keys if (self._centre, k) in self._rows}


class InMemoryClosureRepository(RepoBase, ClosureRepository):
    table_name = "scheduling.closures"

    async def add(self, closure: ClosureDay) -> None:
        self._own(closure.centre_id, "closure day")
        key = (closure.centre_id, closure.day)
        rows = self._rows

        def check() -> None:
            if key in rows:
                raise Conflict(f"{closure.day} is already a closure day")

        check()
        self._uow.staging.checks.append(check)
        self._stage(key, closure)

    async def remove(self, day: dt.date) -> bool:
        key = (self._centre, day)
        rows = self._rows
        if key not in rows:
            return False
        self._uow.staging.ops.append(lambda: rows.pop(key, None))
        return True

    async def list(
        self, *, start: dt.date | None = None, end: dt.date | None = None
    ) -> Sequence[ClosureDay]:
        return sorted(
            (
                c
                for c in self._mine()
                if (start is None or c.day >= start) and (end is None or c.day <= end)
            ),
            key=lambda c: c.day,
        )


# RepositoryFactory functions: given the unit of work, the repository in its transaction.
def dated_facts(uow: UnitOfWork) -> FactRepository:
    return InMemoryFactRepository(InMemoryUnitOfWork.of(uow))


def deadlines(uow: UnitOfWork) -> DeadlineRepository:
    return InMemoryDeadlineRepository(InMemoryUnitOfWork.of(uow))


def appointments(uow: UnitOfWork) -> AppointmentRepository:
    return InMemoryAppointmentRepository(InMemoryUnitOfWork.of(uow))


def availability(uow: UnitOfWork) -> AvailabilityRepository:
    return InMemoryAvailabilityRepository(InMemoryUnitOfWork.of(uow))


def centre_hours(uow: UnitOfWork) -> CentreHoursRepository:
    return InMemoryCentreHoursRepository(InMemoryUnitOfWork.of(uow))


def consents(uow: UnitOfWork) -> ConsentRepository:
    return InMemoryConsentRepository(InMemoryUnitOfWork.of(uow))


def reminders(uow: UnitOfWork) -> ReminderRepository:
    return InMemoryReminderRepository(InMemoryUnitOfWork.of(uow))


def closures(uow: UnitOfWork) -> ClosureRepository:
    return InMemoryClosureRepository(InMemoryUnitOfWork.of(uow))
