"""One contract for the case-clock and compliance repositories (each joining the unit of
work through its own factory), run on the in-memory fake, SQLite and PostgreSQL. Includes
the tenancy case: bound to centre A, a unit of work can neither read nor write centre B's
records."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import attrs
import pytest
from tests.wiring import scheduling_store

from cma_adapters.memory import InMemoryDatabase, InMemoryIdentityStore, in_memory_uow_factory
from cma_adapters.memory.factories import repository_factories as memory_factories
from cma_core.cases.model import Case
from cma_core.clients.model import Client
from cma_core.compliance.model import Finding, Severity, Status
from cma_core.compliance.ports import (
    FindingOutcome,
    QaReview,
    QaReviewId,
    QaSample,
    QaSampleId,
    StoredPolicy,
    policy_from,
)
from cma_core.identity.model import Centre
from cma_core.identity.ports import IdentityStore
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.scheduling.appointments import (
    AdviserAvailability,
    Appointment,
    AppointmentId,
    AppointmentKind,
    LeavePeriod,
    WorkingHours,
)
from cma_core.scheduling.calendar import WorkingCalendar
from cma_core.scheduling.conflicts import DEFAULT_CENTRE_HOURS, CentreHours
from cma_core.scheduling.deadlines import claim_response_due, defence_due
from cma_core.scheduling.ports import (
    CaseFact,
    ClosureDay,
    DeadlineId,
    DeadlineStatus,
    FactId,
    FactKind,
    ReminderRecord,
    ReminderStatus,
    StoredAppointment,
    StoredAvailability,
    StoredCentreHours,
    StoredConsent,
    TrackedDeadline,
)
from cma_core.scheduling.reminders import ContactConsent
from cma_core.shared.errors import Conflict, CrossTenantAccess, StaleVersion
from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId
from cma_core.shared.uow import UnitOfWork, UnitOfWorkFactory

UTC = dt.UTC
T0 = dt.datetime(2026, 11, 16, 9, 30, 15, 123456, tzinfo=UTC)
CAL = WorkingCalendar(jurisdiction=Jurisdiction.EW)


@attrs.define
class Backend:
    identity: IdentityStore
    uow: UnitOfWorkFactory
    store: Callable[[UnitOfWork], Any]


def uid() -> uuid.UUID:
    return uuid.uuid4()


async def new_case(backend: Backend) -> tuple[CentreId, Case]:
    centre = Centre(id=CentreId(uid()), name="C", created_at=T0)
    await backend.identity.add_centre(centre)
    async with backend.uow(centre.id) as uow:
        client = Client.register(
            client_id=ClientId(uid()),
            centre_id=centre.id,
            first_name="Ann",
            last_name="Lee",
            date_of_birth=dt.date(1980, 1, 1),
            email=None,
            phone=None,
            now=T0,
            by=None,
        )
        await backend.store(uow).clients.add(client)
        case = Case.open(
            case_id=CaseId(uid()),
            centre_id=centre.id,
            client_id=client.id,
            reference=f"C-{uid().hex[:6]}",
            adviser_id=None,
            now=T0,
            by=None,
        )
        await backend.store(uow).cases.add(case)
        await uow.commit()
    return centre.id, case


def fact_of(centre: CentreId, case: Case) -> CaseFact:
    return CaseFact(
        id=FactId(uid()),
        centre_id=centre,
        case_id=case.id,
        kind=FactKind.COURT_CLAIM_SERVED,
        occurred_on=dt.date(2026, 11, 16),
        recorded_at=T0,
        recorded_by=None,
        details={"note": "by post"},
    )


def deadline_of(fact: CaseFact, which: Any = claim_response_due) -> TrackedDeadline:
    return TrackedDeadline(
        id=DeadlineId(uid()),
        centre_id=fact.centre_id,
        case_id=fact.case_id,
        fact_id=fact.id,
        deadline=which(fact.occurred_on, CAL),
        adviser_id=UserId(uid()),
        status=DeadlineStatus.OPEN,
        created_at=T0,
        task_id=uid(),
    )


def appointment_of(centre: CentreId, case: Case, adviser: UserId, hour: int) -> StoredAppointment:
    return StoredAppointment(
        centre_id=centre,
        appointment=Appointment(
            id=AppointmentId(uid()),
            case_id=case.id,
            client_id=case.client_id,
            adviser_id=adviser,
            kind=AppointmentKind.IN_PERSON,
            start=dt.datetime(2026, 11, 18, hour, tzinfo=UTC),
            end=dt.datetime(2026, 11, 18, hour + 1, tzinfo=UTC),
            location="Room 2, Civic Centre",
        ),
        version=1,
        created_at=T0,
    )


def reminder_of(centre: CentreId, key: str, hour: int = 9) -> ReminderRecord:
    return ReminderRecord(
        key=key,
        centre_id=centre,
        audience="adviser",
        channel="in_app",
        recipient=str(uid()),
        subject_kind="claim_response",
        subject_ref="x",
        send_at=dt.datetime(2026, 11, 23, hour, tzinfo=UTC),
        event_at=dt.datetime(2026, 11, 30, 23, 59, tzinfo=UTC),
        created_at=T0,
    )


class SchedulingStoreContract:
    async def test_facts_and_deadlines_round_trip_order_and_filters(self, backend: Backend) -> None:
        centre, case = await new_case(backend)
        fact = fact_of(centre, case)
        first, second = deadline_of(fact), deadline_of(fact, defence_due)
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            await s.facts.add(fact)
            await s.deadlines.add(second)
            await s.deadlines.add(first)
            await uow.commit()
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            assert list(await s.facts.list(case.id)) == [fact]
            assert await s.deadlines.get(first.id) == first
            page = await s.deadlines.list(limit=10, offset=0, case_id=case.id)
            assert [d.id for d in page.items] == [first.id, second.id]
            assert page.total == 2
            due = await s.deadlines.list(
                limit=10, offset=0, status=DeadlineStatus.OPEN, due_before=dt.date(2026, 12, 1)
            )
            assert [d.id for d in due.items] == [first.id]
            await s.deadlines.save(attrs.evolve(first, status=DeadlineStatus.MISSED, closed_at=T0))
            await uow.commit()
        async with backend.uow(centre) as uow:
            got = await backend.store(uow).deadlines.get(first.id)
            assert got is not None
            assert got.status is DeadlineStatus.MISSED
            assert got.closed_at == T0

    async def test_a_fact_is_got_and_withdrawn_by_version(self, backend: Backend) -> None:
        centre, case = await new_case(backend)
        fact = fact_of(centre, case)
        async with backend.uow(centre) as uow:
            await backend.store(uow).facts.add(fact)
            await uow.commit()
        withdrawn = attrs.evolve(
            fact,
            version=2,
            withdrawn_at=T0 + dt.timedelta(hours=1),
            withdrawn_by=UserId(uid()),
            withdrawn_reason="date mistyped",
        )
        async with backend.uow(centre) as uow:
            facts = backend.store(uow).facts
            assert await facts.get(fact.id) == fact
            assert await facts.get(FactId(uid())) is None
            with pytest.raises(StaleVersion):
                await facts.save(withdrawn, 2)
            await facts.save(withdrawn, 1)
            await uow.commit()
        async with backend.uow(centre) as uow:
            facts = backend.store(uow).facts
            assert await facts.get(fact.id) == withdrawn
            assert list(await facts.list(case.id)) == [withdrawn]
            with pytest.raises(StaleVersion):  # a second withdrawal on the old version
                await facts.save(attrs.evolve(withdrawn, version=3), 1)
        other, _ = await new_case(backend)
        async with backend.uow(other) as uow:
            facts = backend.store(uow).facts
            assert await facts.get(fact.id) is None
            with pytest.raises(CrossTenantAccess):
                await facts.save(attrs.evolve(withdrawn, version=3), 2)

    async def test_a_second_deadline_of_the_same_kind_for_a_fact_is_refused(
        self, backend: Backend
    ) -> None:
        centre, case = await new_case(backend)
        fact = fact_of(centre, case)
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            await s.facts.add(fact)
            await s.deadlines.add(deadline_of(fact))
            with pytest.raises(Conflict):
                await s.deadlines.add(deadline_of(fact))

    async def test_appointments_overlap_query_versions_and_listing(self, backend: Backend) -> None:
        centre, case = await new_case(backend)
        adviser = UserId(uid())
        ten, eleven = (appointment_of(centre, case, adviser, h) for h in (10, 11))
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            await s.appointments.lock_adviser(adviser)
            await s.appointments.add(eleven)
            await s.appointments.add(ten)
            await uow.commit()
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            assert await s.appointments.get(ten.id) == ten
            clash = await s.appointments.booked_between(
                adviser, dt.datetime(2026, 11, 18, 10, 30, tzinfo=UTC), ten.appointment.end
            )
            assert [a.id for a in clash] == [ten.id]
            touching = await s.appointments.booked_between(
                adviser,
                ten.appointment.end - dt.timedelta(hours=1, minutes=1),
                ten.appointment.start,
            )
            assert touching == []
            page = await s.appointments.list(limit=1, offset=0, adviser_id=adviser)
            assert page.total == 2
            assert [a.id for a in page.items] == [ten.id]
            cancelled = attrs.evolve(
                ten, appointment=ten.appointment.cancelled("unwell"), version=2
            )
            await s.appointments.save(cancelled, 1)
            await uow.commit()
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            assert await s.appointments.get(ten.id) == cancelled
            assert (await s.appointments.list(limit=5, offset=0, booked_only=True)).total == 1
            with pytest.raises(StaleVersion):
                await s.appointments.save(attrs.evolve(cancelled, version=3), 1)

    async def test_finding_history_appends_and_reads_in_order_per_centre(
        self, backend: Backend
    ) -> None:
        centre, case = await new_case(backend)
        other, other_case = await new_case(backend)
        adviser = UserId(uid())

        def outcome(c: Case, rule: str, status: Status, minutes: int) -> FindingOutcome:
            return FindingOutcome(
                case_id=c.id, rule_id=rule, adviser_id=adviser, status=status,
                evaluated_at=T0 + dt.timedelta(minutes=minutes),
            )  # fmt: skip

        first = [outcome(case, "CR-02", Status.FAIL, 0), outcome(case, "CR-01", Status.PASS, 0)]
        later = outcome(case, "CR-02", Status.PASS, 90)
        async with backend.uow(centre) as uow:
            await backend.store(uow).history.append(first)
            await backend.store(uow).history.append([later])
            await backend.store(uow).history.append([])
            await uow.commit()
        async with backend.uow(other) as uow:
            await backend.store(uow).history.append([outcome(other_case, "CR-01", Status.FAIL, 5)])
            await uow.commit()
        async with backend.uow(centre) as uow:
            h = backend.store(uow).history
            got = await h.until(T0 + dt.timedelta(hours=2))
            assert got == [*first, later]
            assert await h.until(T0 + dt.timedelta(minutes=90)) == first
            assert await h.until(T0 + dt.timedelta(hours=2), rule_id="CR-02") == [first[0], later]

    async def test_booked_between_anyone_finds_every_adviser(self, backend: Backend) -> None:
        centre, case = await new_case(backend)
        a, b = UserId(uid()), UserId(uid())
        first, second = appointment_of(centre, case, a, 10), appointment_of(centre, case, b, 10)
        later = appointment_of(centre, case, a, 14)
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            for x in (first, second, later):
                await s.appointments.add(x)
            await uow.commit()
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            got = await s.appointments.booked_between(
                None, first.appointment.start, first.appointment.end
            )
            assert sorted(str(x.id) for x in got) == sorted([str(first.id), str(second.id)])

    async def test_centre_hours_versioned_and_per_centre(self, backend: Backend) -> None:
        centre, _ = await new_case(backend)
        other, _ = await new_case(backend)
        hours = StoredCentreHours(
            centre_id=centre,
            hours=CentreHours(
                weekly={
                    0: [
                        WorkingHours(dt.time(9), dt.time(12)),
                        WorkingHours(dt.time(13), dt.time(17)),
                    ],
                    5: [WorkingHours(dt.time(10), dt.time(12, 30))],
                },
                timezone="Europe/Belfast",
            ),
            version=1,
            updated_at=T0,
        )
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            assert await s.centre_hours.get() is None
            await s.centre_hours.put(hours, 0)
            await uow.commit()
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            assert await s.centre_hours.get() == hours
            with pytest.raises(StaleVersion):
                await s.centre_hours.put(attrs.evolve(hours, version=1), 0)
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            second = attrs.evolve(hours, hours=DEFAULT_CENTRE_HOURS, version=2)
            await s.centre_hours.put(second, 1)
            await uow.commit()
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            assert await s.centre_hours.get() == second
            with pytest.raises(StaleVersion):
                await s.centre_hours.put(attrs.evolve(second, version=3), 1)
        async with backend.uow(other) as uow:
            s = backend.store(uow)
            assert await s.centre_hours.get() is None
            with pytest.raises(CrossTenantAccess):
                await s.centre_hours.put(hours, 0)

    async def test_availability_and_consent_put_replace(self, backend: Backend) -> None:
        centre, case = await new_case(backend)
        adviser = UserId(uid())
        avail = StoredAvailability(
            centre_id=centre,
            availability=AdviserAvailability(
                adviser_id=adviser,
                weekly_hours={0: [WorkingHours(dt.time(9), dt.time(13))]},
                leave=(LeavePeriod(dt.date(2026, 12, 21), dt.date(2026, 12, 31)),),
            ),
            version=1,
            updated_at=T0,
        )
        consent = StoredConsent(
            centre_id=centre,
            consent=ContactConsent(client_id=case.client_id, email=True, sms=None),
            recorded_at=T0,
            recorded_by=None,
        )
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            await s.availability.put(avail)
            await s.consents.put(consent)
            await uow.commit()
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            assert await s.availability.get(adviser) == avail
            assert await s.consents.get(case.client_id) == consent
            assert await s.consents.for_clients([case.client_id, ClientId(uid())]) == {
                case.client_id: consent.consent
            }
            await s.consents.put(
                attrs.evolve(consent, consent=attrs.evolve(consent.consent, sms=False), version=2)
            )
            await uow.commit()
        async with backend.uow(centre) as uow:
            got = await backend.store(uow).consents.get(case.client_id)
            assert got is not None
            assert got.consent.sms is False
            assert got.version == 2
        # A writer that read version 1 (or nothing) cannot overwrite version 2.
        for stale in (2, 1):
            async with backend.uow(centre) as uow:
                with pytest.raises(StaleVersion):
                    await backend.store(uow).consents.put(attrs.evolve(consent, version=stale))
        async with backend.uow(centre) as uow:
            got = await backend.store(uow).consents.get(case.client_id)
            assert got is not None
            assert (got.version, got.consent.sms) == (2, False)

    async def test_reminder_keys_are_stored_once_and_pending_oldest_first(
        self, backend: Backend
    ) -> None:
        centre, case = await new_case(backend)
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            k2 = attrs.evolve(reminder_of(centre, "k2", 10), case_id=case.id)
            assert await s.reminders.add_pending(k2) is True
            assert await s.reminders.add_pending(reminder_of(centre, "k1", 9)) is True
            assert await s.reminders.add_pending(reminder_of(centre, "k1", 9)) is False
            await uow.commit()
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            assert await s.reminders.add_pending(reminder_of(centre, "k1", 9)) is False
            pending = await s.reminders.pending(limit=10)
            assert [r.key for r in pending] == ["k1", "k2"]
            await s.reminders.save(
                attrs.evolve(pending[0], status=ReminderStatus.SENT, attempts=1, sent_at=T0)
            )
            await uow.commit()
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            assert [r.key for r in await s.reminders.pending(limit=10)] == ["k2"]
            assert (await s.reminders.list(limit=10, offset=0)).total == 2
            # Filters, lookup by key, and which keys are known (for planned reminders).
            sent = await s.reminders.list(limit=10, offset=0, status=ReminderStatus.SENT)
            assert [r.key for r in sent.items] == ["k1"]
            assert sent.total == 1
            assert (await s.reminders.list(limit=10, offset=0, audience="client")).total == 0
            by_kind = await s.reminders.list(limit=1, offset=1, subject_kind="claim_response")
            assert ([r.key for r in by_kind.items], by_kind.total) == (["k2"], 2)
            got = await s.reminders.get("k2")
            assert got is not None
            assert (got.status, got.case_id, got.version) == (ReminderStatus.PENDING, case.id, 1)
            of_case = await s.reminders.list(limit=10, offset=0, case_id=case.id)
            assert [r.key for r in of_case.items] == ["k2"]
            k1 = await s.reminders.get("k1")
            assert k1 is not None
            assert k1.version == 2  # saved once (sent)
            assert await s.reminders.get("nope") is None
            assert await s.reminders.known(["k1", "k3", "k2"]) == {"k1", "k2"}
            assert await s.reminders.known([]) == set()
            await s.reminders.add_pending(
                attrs.evolve(reminder_of(centre, "k3"), status=ReminderStatus.CANCELLED)
            )
            await uow.commit()
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            assert [r.key for r in await s.reminders.pending(limit=10)] == ["k2"]
            cancelled = await s.reminders.list(limit=10, offset=0, status=ReminderStatus.CANCELLED)
            assert [r.key for r in cancelled.items] == ["k3"]
        other, _ = await new_case(backend)
        async with backend.uow(other) as uow:
            s = backend.store(uow)
            assert await s.reminders.get("k2") is None
            assert await s.reminders.known(["k1", "k2"]) == set()

    async def test_findings_replace_filters_and_qa_reviews(self, backend: Backend) -> None:
        centre, case = await new_case(backend)
        adviser = UserId(uid())
        f1 = Finding(
            rule_id="CR-04",
            severity=Severity.CRITICAL,
            status=Status.FAIL,
            message="m",
            facts=(("a", "1"),),
            fix="do",
            due_on=dt.date(2026, 12, 1),
        )
        f2 = Finding(
            rule_id="CR-14", severity=Severity.CRITICAL, status=Status.NOT_ASSESSABLE, message="n"
        )
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            await s.findings.replace(case.id, adviser, [f1, f2], T0)
            await s.findings.replace(case.id, adviser, [f1, f2], T0)  # idempotent
            review = QaReview(
                id=QaReviewId(uid()),
                centre_id=centre,
                case_id=case.id,
                adviser_id=adviser,
                reviewer_id=None,
                reviewed_on=dt.date(2026, 11, 20),
                answers={"CR-01": "met"},
                percent=100,
                passed=True,
                actions=None,
                created_at=T0,
            )
            await s.qa.add_review(review)
            await uow.commit()
        async with backend.uow(centre) as uow:
            s = backend.store(uow)
            assert [x.finding for x in await s.findings.for_case(case.id)] == [f1, f2]
            assert [x.finding for x in await s.findings.list(status="fail")] == [f1]
            assert [
                x.finding for x in await s.findings.list(adviser_id=adviser, rule_id="CR-14")
            ] == [f2]
            assert list(await s.qa.list_reviews(case_id=case.id)) == [review]
            await s.findings.replace(case.id, adviser, [f2], T0)
            await uow.commit()
        async with backend.uow(centre) as uow:
            assert [x.finding for x in await backend.store(uow).findings.for_case(case.id)] == [f2]

    async def test_bound_to_centre_a_it_cannot_read_or_write_centre_b(
        self, backend: Backend
    ) -> None:
        a, case_a = await new_case(backend)
        b, case_b = await new_case(backend)
        fact_b = fact_of(b, case_b)
        dl_b = deadline_of(fact_b)
        appt_b = appointment_of(b, case_b, UserId(uid()), 10)
        async with backend.uow(b) as uow:
            s = backend.store(uow)
            await s.facts.add(fact_b)
            await s.deadlines.add(dl_b)
            await s.appointments.add(appt_b)
            await s.reminders.add_pending(reminder_of(b, "shared-key"))
            await s.findings.replace(
                case_b.id,
                None,
                [Finding(rule_id="CR-01", severity=Severity.HIGH, status=Status.FAIL, message="x")],
                T0,
            )
            await uow.commit()
        async with backend.uow(a) as uow:
            s = backend.store(uow)
            assert await s.facts.list(case_b.id) == []
            assert await s.deadlines.get(dl_b.id) is None
            assert (await s.deadlines.list(limit=10, offset=0)).total == 0
            assert await s.appointments.get(appt_b.id) is None
            assert (await s.appointments.list(limit=10, offset=0)).total == 0
            assert (
                await s.appointments.booked_between(
                    appt_b.appointment.adviser_id, appt_b.appointment.start, appt_b.appointment.end
                )
                == []
            )
            assert await s.reminders.pending(limit=10) == []
            assert await s.findings.for_case(case_b.id) == []
            assert await s.findings.list() == []
            # The same idempotency key in another centre is a different reminder.
            assert await s.reminders.add_pending(reminder_of(a, "shared-key")) is True
            for write in (
                s.facts.add(fact_of(b, case_b)),
                s.deadlines.add(deadline_of(fact_of(b, case_b))),
                s.appointments.add(appointment_of(b, case_b, UserId(uid()), 12)),
                s.reminders.add_pending(reminder_of(b, "other")),
                s.consents.put(
                    StoredConsent(
                        centre_id=b,
                        consent=ContactConsent(client_id=case_b.client_id, sms=True),
                        recorded_at=T0,
                        recorded_by=None,
                    )
                ),
            ):
                with pytest.raises(CrossTenantAccess):
                    await write
            with pytest.raises(CrossTenantAccess):
                await s.appointments.save(attrs.evolve(appt_b, version=2), 1)
        async with backend.uow(b) as uow:
            assert await backend.store(uow).appointments.get(appt_b.id) == appt_b
        del case_a

    async def test_policy_versions_and_tenancy(self, backend: Backend) -> None:
        a, _ = await new_case(backend)
        b, _ = await new_case(backend)
        first = StoredPolicy(
            centre_id=a,
            policy=policy_from({"written_advice_working_days": 3, "file_review_quota": 4}),
            version=1,
            updated_at=T0,
            updated_by=UserId(uid()),
        )
        async with backend.uow(a) as uow:
            s = backend.store(uow)
            assert await s.policy.get() is None
            with pytest.raises(CrossTenantAccess):
                await s.policy.put(attrs.evolve(first, centre_id=b), 0)
            await s.policy.put(first, 0)
            await uow.commit()
        async with backend.uow(a) as uow:
            s = backend.store(uow)
            got = await s.policy.get()
            assert got == first
            assert got.policy.written_advice_working_days == 3
            assert got.policy.retention_years == 6  # not set: the default
            with pytest.raises(StaleVersion):
                await s.policy.put(attrs.evolve(first, version=1), 0)  # a second "first"
        async with backend.uow(a) as uow:
            s = backend.store(uow)
            second = attrs.evolve(
                first, policy=policy_from({"retention_years": 7}), version=2, updated_by=None
            )
            await s.policy.put(second, 1)
            await uow.commit()
        async with backend.uow(a) as uow:
            s = backend.store(uow)
            assert await s.policy.get() == second
            with pytest.raises(StaleVersion):
                await s.policy.put(attrs.evolve(second, version=2), 1)
        async with backend.uow(b) as uow:
            assert await backend.store(uow).policy.get() is None

    async def test_closures_add_list_remove_and_tenancy(self, backend: Backend) -> None:
        a, _ = await new_case(backend)
        b, _ = await new_case(backend)

        def closed(centre: CentreId, day: int) -> ClosureDay:
            return ClosureDay(
                centre_id=centre,
                day=dt.date(2026, 12, day),
                reason=f"training {day}",
                created_at=T0,
                created_by=None,
            )

        async with backend.uow(a) as uow:
            s = backend.store(uow)
            await s.closures.add(closed(a, 29))
            await s.closures.add(closed(a, 3))
            with pytest.raises(CrossTenantAccess):
                await s.closures.add(closed(b, 4))
            await uow.commit()
        async with backend.uow(a) as uow:
            s = backend.store(uow)
            assert list(await s.closures.list()) == [closed(a, 3), closed(a, 29)]
            assert list(
                await s.closures.list(start=dt.date(2026, 12, 4), end=dt.date(2026, 12, 29))
            ) == [closed(a, 29)]
            with pytest.raises(Conflict):
                await s.closures.add(closed(a, 3))
        async with backend.uow(b) as uow:
            s = backend.store(uow)
            assert list(await s.closures.list()) == []
            assert await s.closures.remove(dt.date(2026, 12, 3)) is False
            await uow.commit()
        async with backend.uow(a) as uow:
            s = backend.store(uow)
            assert await s.closures.remove(dt.date(2026, 12, 3)) is True
            await uow.commit()
        async with backend.uow(a) as uow:
            assert list(await backend.store(uow).closures.list()) == [closed(a, 29)]

    async def test_qa_samples_newest_first_and_by_id(self, backend: Backend) -> None:
        a, case = await new_case(backend)
        b, _ = await new_case(backend)
        adviser = UserId(uid())
        samples = [
            QaSample(
                id=QaSampleId(uid()),
                centre_id=a,
                seed=f"seed-{i}",
                quota=2,
                picks={adviser: (case.id,)},
                drawn_at=T0 + dt.timedelta(days=i),
                drawn_by=None,
            )
            for i in range(3)
        ]
        async with backend.uow(a) as uow:
            for x in samples:
                await backend.store(uow).qa.add_sample(x)
            await uow.commit()
        async with backend.uow(a) as uow:
            s = backend.store(uow)
            page = await s.qa.list_samples(limit=2, offset=0)
            assert [x.seed for x in page.items] == ["seed-2", "seed-1"]
            assert page.total == 3
            assert await s.qa.get_sample(samples[0].id) == samples[0]
        async with backend.uow(b) as uow:
            s = backend.store(uow)
            assert await s.qa.get_sample(samples[0].id) is None
            assert (await s.qa.list_samples(limit=10, offset=0)).total == 0


class TestInMemory(SchedulingStoreContract):
    @pytest.fixture
    def backend(self) -> Backend:
        db = InMemoryDatabase()
        return Backend(
            identity=InMemoryIdentityStore(db),
            uow=in_memory_uow_factory(db),
            store=scheduling_store(memory_factories),
        )


async def _sql(url: str) -> AsyncIterator[Backend]:
    from cma_adapters.memory import InMemoryKeyManagement
    from cma_adapters.sqlalchemy import (
        SqlAlchemyIdentityStore,
        SqlAlchemyUnitOfWorkFactory,
        create_engine_for,
    )
    from cma_adapters.sqlalchemy.factories import repository_factories as sql_factories

    engine = create_engine_for(url)
    try:
        yield Backend(
            identity=SqlAlchemyIdentityStore(engine),
            uow=SqlAlchemyUnitOfWorkFactory(engine, keys=InMemoryKeyManagement()),
            store=scheduling_store(sql_factories),
        )
    finally:
        await engine.dispose()


class TestSqlite(SchedulingStoreContract):
    @pytest.fixture
    async def backend(self, sqlite_url: str) -> AsyncIterator[Backend]:
        async for b in _sql(sqlite_url):
            yield b


@pytest.mark.postgres
class TestPostgres(SchedulingStoreContract):
    @pytest.fixture
    async def backend(self, postgres_url: str) -> AsyncIterator[Backend]:
        async for b in _sql(postgres_url):
            yield b

    async def test_rls_hides_other_centres_rows_even_without_a_filter(
        self, backend: Backend
    ) -> None:
        from sqlalchemy import text

        from cma_adapters.sqlalchemy import SqlAlchemyUnitOfWork

        a, _ = await new_case(backend)
        b, case_b = await new_case(backend)
        async with backend.uow(b) as uow:
            await backend.store(uow).reminders.add_pending(reminder_of(b, "rls"))
            await uow.commit()
        async with backend.uow(a) as uow:
            assert isinstance(uow, SqlAlchemyUnitOfWork)
            c = uow.context.c
            # The engine switched to the application role (engine.py): RLS binds it.
            bypass = (
                await c.execute(
                    text(
                        "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"
                    )
                )
            ).scalar_one()
            assert bypass is False
            rows = (
                await c.execute(text("SELECT count(*) FROM reminders WHERE key='rls'"))
            ).scalar_one()
            assert rows == 0
        del case_b
