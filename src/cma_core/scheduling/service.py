"""The case clock as use cases: facts → deadlines → tasks; appointments; reminders; sweeps.

* ``SchedulingService`` is what the HTTP API and CLI call for one centre and one user.
* ``Scheduler`` is the sweep a scheduler process runs (``cma scheduler``): it marks missed
  deadlines and escalates them, plans due reminders and delivers them.

Idempotency of the sweep: a reminder is first stored as *pending* under its idempotency key
(the key is unique, so planning twice stores it once), then sent, then marked *sent* in its
own transaction. A crash before the send leaves it pending (sent next time); a crash
between the send and the mark makes the next sweep resend with the same key, which the
notifier folds into the first delivery. Missed deadlines are marked and escalated in one
transaction together with their ``DeadlinePassed`` event, so a second sweep finds nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any
from zoneinfo import ZoneInfo

import attrs
from attrs import define, field, frozen

from cma_core.audit.service import commit_audited, record_audit
from cma_core.cases.model import Case, CaseClosed, sees_work_of, visible_adviser
from cma_core.cases.ports import CaseRepository
from cma_core.cases.service import case_scope, load_case
from cma_core.clients.ports import ClientRepository
from cma_core.debts.ports import FactsRepository
from cma_core.debts.service import thresholds_of
from cma_core.identity.model import TenantContext, User
from cma_core.identity.permissions import Permission, Role
from cma_core.identity.ports import IdentityStore
from cma_core.reference.centre import effective_jurisdiction
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.ports import CentreProfileRepository, ReferenceDataRepository
from cma_core.scheduling import deadlines as dl
from cma_core.scheduling import petition
from cma_core.scheduling.appointments import (
    LONDON,
    AdviserAvailability,
    Appointment,
    AppointmentId,
    AppointmentKind,
    LeavePeriod,
    WorkingHours,
    book,
    reschedule,
)
from cma_core.scheduling.calendar import Roll, WorkingCalendar
from cma_core.scheduling.conflicts import CentreHours, Surroundings
from cma_core.scheduling.ical import to_icalendar
from cma_core.scheduling.ports import (
    AppointmentChanged,
    AppointmentRepository,
    AvailabilityRepository,
    CaseFact,
    CentreHoursRepository,
    ClosureDay,
    ClosureRepository,
    ConsentRepository,
    DeadlineId,
    DeadlineMet,
    DeadlinePassed,
    DeadlineRepository,
    DeadlineStatus,
    FactId,
    FactKind,
    FactRecorded,
    FactRepository,
    FactWithdrawn,
    HolidayProvider,
    Notifier,
    NotifyChannel,
    OutgoingMessage,
    ReminderRecord,
    ReminderRepository,
    ReminderStatus,
    StoredAppointment,
    StoredAvailability,
    StoredCentreHours,
    StoredConsent,
    TrackedDeadline,
    WrittenAdviceDays,
)
from cma_core.scheduling.reminders import (
    Audience,
    CaseDeadline,
    Channel,
    ContactConsent,
    ReminderIntent,
    ReminderPlan,
    ReminderPolicy,
    plan_reminders,
)
from cma_core.scheduling.surroundings import (
    MAX_CONFLICT_WINDOW,
    centre_hours_of,
    load_surroundings,
    with_conflicts,
)
from cma_core.shared.clock import Clock
from cma_core.shared.errors import Conflict, InvalidTransition, NotFound, ValidationError
from cma_core.shared.events import EventEnvelope
from cma_core.shared.handlers import Handles
from cma_core.shared.ids import CaseId, CentreId, ClientId, TaskId, UserId
from cma_core.shared.paging import every_item, keyset_slice, start_after, with_next_cursor
from cma_core.shared.service import IdFactory, check_page, check_version
from cma_core.shared.text import check_line
from cma_core.shared.uow import Page, RepositoryFactory, UnitOfWork, UnitOfWorkFactory
from cma_core.tasks.model import Task, TaskKind, TaskStatus
from cma_core.tasks.ports import TaskRepository
from cma_core.tasks.service import case_closed_note

log = logging.getLogger(__name__)


# "Earliest day" markers and timeline ends: shown and reminded, never missed or escalated.
INFO_KINDS = frozenset(
    {
        dl.DeadlineKind.ENFORCEMENT_EARLIEST_VISIT,
        dl.DeadlineKind.BS_MIDWAY_REVIEW_OPENS,
        dl.DeadlineKind.BS_END,
        dl.DeadlineKind.DRO_MORATORIUM_END,
        dl.DeadlineKind.MHCM_END,
        # Only applies if the requester was told of an extension within the first month.
        dl.DeadlineKind.SAR_EXTENDED_DUE,
    }
)

# Deadlines the client must act on too (reply to the court, the creditor): they are
# reminded as well as the adviser, on the channels they consented to.
CLIENT_KINDS = frozenset(
    {
        dl.DeadlineKind.CLAIM_RESPONSE,
        dl.DeadlineKind.DEFENCE,
        dl.DeadlineKind.LETTER_OF_CLAIM_REPLY,
        dl.DeadlineKind.STATUTORY_DEMAND_SET_ASIDE,
        dl.DeadlineKind.CHARGING_ORDER_OBJECTION,
    }
)

TASK_DUE_TIME = dt.time(17, 0)


@frozen(kw_only=True)
class SchedulingConfig:
    """Per-deployment defaults (per-centre values later come from a centre settings store)."""

    jurisdiction: Jurisdiction = Jurisdiction.EW
    reminders: ReminderPolicy = field(factory=ReminderPolicy)
    closures: frozenset[dt.date] = frozenset()
    timezone: str = LONDON
    uid_domain: str = "cma.invalid"
    written_advice_working_days: int = 5
    case_review_every_months: int = 3


def working_calendar(
    holidays: HolidayProvider, config: SchedulingConfig, around: Iterable[dt.date]
) -> WorkingCalendar:
    """The centre's calendar for the years around ``around`` (±1 year for spill-over)."""
    years: set[int] = set()
    for day in around:
        years |= {day.year - 1, day.year, day.year + 1}
    return WorkingCalendar.from_provider(holidays, config.jurisdiction, years, config.closures)


async def case_jurisdiction(
    uow: UnitOfWork,
    case_id: CaseId | None,
    *,
    facts: RepositoryFactory[FactsRepository] | None,
    profiles: RepositoryFactory[CentreProfileRepository] | None,
    default: Jurisdiction,
) -> Jurisdiction:
    """The jurisdiction whose bank holidays count a case's deadlines: the case's own (its
    financial facts), else the centre's profile, else ``default`` (``case_id`` ``None``:
    the centre's). A service wired without those repositories uses ``default``."""
    own = None
    if case_id is not None and facts is not None:
        recorded = await facts(uow).get(case_id)
        own = recorded.jurisdiction if recorded is not None else None
    profile = await profiles(uow).get() if profiles is not None and own is None else None
    return effective_jurisdiction(own, profile, default)


async def centre_calendar(
    closures: ClosureRepository,
    holidays: HolidayProvider,
    config: SchedulingConfig,
    around: Iterable[dt.date],
    *,
    for_field: str = "date",
    jurisdiction: Jurisdiction | None = None,
) -> WorkingCalendar:
    """Like ``working_calendar``, with the centre's own closure days added, in
    ``jurisdiction`` (default: the deployment's, ``config.jurisdiction``).

    Raises ``ValidationError`` naming ``for_field`` for a date whose year has no bank holiday
    table (a typo such as 1240 or 3024): deadlines cannot be counted there.
    """
    years: set[int] = set()
    for day in around:
        years |= {day.year - 1, day.year, day.year + 1}
    try:
        bank_holidays = WorkingCalendar.from_provider(
            holidays, jurisdiction or config.jurisdiction, years
        )
    except LookupError as err:
        raise ValidationError(
            for_field, f"is outside the years the working calendar covers ({err})"
        ) from None
    closed = await closures.list(start=dt.date(min(years), 1, 1), end=dt.date(max(years), 12, 31))
    return attrs.evolve(bank_holidays, closures=config.closures | {c.day for c in closed})


async def centre_written_advice_days(
    written_advice_days: WrittenAdviceDays, config: SchedulingConfig
) -> int:
    """The centre's written-advice deadline (working days), else the deployment default."""
    days = await written_advice_days()
    return days if days is not None else config.written_advice_working_days


def derive_deadlines(
    kind: FactKind,
    occurred_on: dt.date,
    details: Mapping[str, Any],
    calendar: WorkingCalendar,
    config: SchedulingConfig,
) -> tuple[dl.Deadline, ...]:
    """The deadlines a fact starts, each with its counting rule and source."""
    if kind is FactKind.COURT_CLAIM_SERVED:
        return (
            dl.claim_response_due(occurred_on, calendar),
            dl.defence_due(occurred_on, calendar),
        )
    if kind is FactKind.LETTER_OF_CLAIM:
        return (dl.letter_of_claim_reply_due(occurred_on),)
    if kind is FactKind.STATUTORY_DEMAND_SERVED:
        outside = bool(details.get("served_outside_ew", False))
        return dl.statutory_demand_deadlines(occurred_on, calendar, served_outside_ew=outside)
    if kind is FactKind.ENFORCEMENT_NOTICE:
        return (dl.enforcement_earliest_visit(occurred_on, calendar),)
    if kind is FactKind.INTERIM_CHARGING_ORDER_SERVED:
        return (dl.charging_order_objection_due(occurred_on, calendar),)
    if kind is FactKind.BREATHING_SPACE_REGISTERED:
        return dl.breathing_space_deadlines(dl.breathing_space_start(occurred_on))
    if kind is FactKind.DRO_APPROVED:
        return (dl.dro_moratorium_end(occurred_on),)
    if kind is FactKind.SUBJECT_ACCESS_REQUEST:
        return dl.sar_deadlines(occurred_on, calendar)
    if kind is FactKind.ADVICE_GIVEN:
        return (dl.written_advice_due(occurred_on, config.written_advice_working_days, calendar),)
    if kind is FactKind.CASE_REVIEWED:
        return (dl.case_review_due(occurred_on, config.case_review_every_months, calendar),)
    if kind is FactKind.CRISIS_TREATMENT_ENDED:
        return (dl.mhcm_end(occurred_on),)
    if kind is FactKind.CREDITOR_PETITION:
        hearing = petition.hearing_on(details)
        notes = tuple(details.get("notes", ()))
        return () if hearing is None else (dl.petition_hearing(occurred_on, hearing, notes),)
    raise ValidationError("kind", f"unknown fact kind {kind}")  # pragma: no cover


#: Facts whose date may be a *deemed* date of service: the day the rules say a document
#: posted is taken to be served (CPR 6.14 and 6.26 for a claim form and other court
#: documents; IR 2016 r1.41-1.42 for a statutory demand), which the court prints on the
#: form and which may still be a few days ahead when the client brings the letter in.
DEEMED_SERVICE_KINDS = frozenset(
    {
        FactKind.COURT_CLAIM_SERVED,
        FactKind.STATUTORY_DEMAND_SERVED,
        FactKind.INTERIM_CHARGING_ORDER_SERVED,
    }
)
#: How far ahead a deemed date of service may be: second business day after posting, or
#: issue + 5 days, lands within a week; two allow for bank holidays and the post. A date
#: further ahead is a misreading or a typing slip, refused by field.
DEEMED_SERVICE_AHEAD_DAYS = 14


@frozen(kw_only=True)
class FactView:
    """A fact on the case and every deadline it started, in their state now."""

    fact: CaseFact
    deadlines: tuple[TrackedDeadline, ...]

    @property
    def version(self) -> int:
        return self.fact.version


@frozen(kw_only=True)
class RecordFact:
    kind: FactKind
    occurred_on: dt.date
    details: Mapping[str, Any] = field(factory=dict)
    #: ``occurred_on`` is a deemed date of service (``DEEMED_SERVICE_KINDS`` only), which
    #: may be up to ``DEEMED_SERVICE_AHEAD_DAYS`` ahead; the deadlines count from it, and
    #: the fact keeps ``details["deemed"] = True``. Any other fact is never dated ahead.
    deemed: bool = False


def check_fact_date(cmd: RecordFact, today: dt.date) -> None:
    """``ValidationError`` on ``occurred_on`` (or ``deemed``) unless the fact's date may be
    recorded ``today``: on or before it, or, for a deemed date of service, at most
    ``DEEMED_SERVICE_AHEAD_DAYS`` after it."""
    if cmd.deemed and cmd.kind not in DEEMED_SERVICE_KINDS:
        raise ValidationError("deemed", f"only a date of service can be deemed, not {cmd.kind}")
    if cmd.occurred_on <= today:
        return
    if not cmd.deemed:
        raise ValidationError(
            "occurred_on",
            "must not be in the future (a deemed date of service may be: set deemed)"
            if cmd.kind in DEEMED_SERVICE_KINDS
            else "must not be in the future",
        )
    if (cmd.occurred_on - today).days > DEEMED_SERVICE_AHEAD_DAYS:
        raise ValidationError(
            "occurred_on",
            f"a deemed date of service is at most {DEEMED_SERVICE_AHEAD_DAYS} days ahead",
        )


@frozen(kw_only=True)
class BookAppointment:
    case_id: CaseId
    kind: AppointmentKind
    start: dt.datetime
    end: dt.datetime
    adviser_id: UserId | None = None  # default: the case's adviser, else the caller
    location: str = ""
    #: Book even if the adviser is double-booked or unavailable; the conflicts are answered.
    allow_conflict: bool = False


@frozen(kw_only=True)
class SetAvailability:
    weekly_hours: Mapping[int, Sequence[tuple[dt.time, dt.time]]]
    leave: Sequence[tuple[dt.date, dt.date]] = ()
    timezone: str = LONDON


def local_date(instant: dt.datetime, timezone: str = LONDON) -> dt.date:
    return instant.astimezone(ZoneInfo(timezone)).date()


#: Most deadlines of one case read for its list (far more than any case has).
MAX_CASE_DEADLINES = 10_000
MAX_WITHDRAW_REASON = 500
#: The deadlines a withdrawn fact takes with it: those still counting.
_STANDING = frozenset({DeadlineStatus.OPEN, DeadlineStatus.INFO})


def _fact_key(f: CaseFact) -> tuple[dt.date, dt.datetime, uuid.UUID]:
    """A case's facts' order (as stored: date, then recorded, then id) and cursor."""
    return (f.occurred_on, f.recorded_at, f.id)


def _deadline_key(d: TrackedDeadline) -> tuple[dt.date, str, uuid.UUID]:
    """A case's deadlines' order (as stored: due, kind, id) and cursor."""
    return (d.deadline.due, d.deadline.kind.value, d.id)


@define
class SchedulingService:
    uow: UnitOfWorkFactory
    identity: IdentityStore
    clock: Clock
    holidays: HolidayProvider
    config: SchedulingConfig = field(factory=SchedulingConfig)
    new_id: IdFactory = field(default=uuid.uuid4)
    cases: RepositoryFactory[CaseRepository] = field(kw_only=True)
    clients: RepositoryFactory[ClientRepository] = field(kw_only=True)
    tasks: RepositoryFactory[TaskRepository] = field(kw_only=True)
    dated_facts: RepositoryFactory[FactRepository] = field(kw_only=True)
    deadlines: RepositoryFactory[DeadlineRepository] = field(kw_only=True)
    appointments: RepositoryFactory[AppointmentRepository] = field(kw_only=True)
    availability: RepositoryFactory[AvailabilityRepository] = field(kw_only=True)
    consents: RepositoryFactory[ConsentRepository] = field(kw_only=True)
    reminders: RepositoryFactory[ReminderRepository] = field(kw_only=True)
    closures: RepositoryFactory[ClosureRepository] = field(kw_only=True)
    written_advice_days: RepositoryFactory[WrittenAdviceDays] = field(kw_only=True)
    # Where the case's and the centre's jurisdiction come from (bank holidays follow it);
    # without them every calendar is the deployment's (``config.jurisdiction``).
    facts: RepositoryFactory[FactsRepository] | None = field(default=None, kw_only=True)
    #: The centre's loaded reference data (thresholds for a creditor's petition); without
    #: it the table shipped with CMA.
    reference: RepositoryFactory[ReferenceDataRepository] | None = field(default=None, kw_only=True)
    centre_profiles: RepositoryFactory[CentreProfileRepository] | None = field(
        default=None, kw_only=True
    )
    #: The centre's working hours; without it every centre keeps the default hours.
    centre_hours: RepositoryFactory[CentreHoursRepository] | None = field(
        default=None, kw_only=True
    )

    async def jurisdiction_in(self, uow: UnitOfWork, case_id: CaseId | None) -> Jurisdiction:
        """The case's effective jurisdiction (``None``: the centre's)."""
        return await case_jurisdiction(
            uow,
            case_id,
            facts=self.facts,
            profiles=self.centre_profiles,
            default=self.config.jurisdiction,
        )

    # ----------------------------------------------------------------- facts and deadlines

    async def record_fact(
        self, ctx: TenantContext, case_id: CaseId, cmd: RecordFact
    ) -> tuple[CaseFact, list[TrackedDeadline]]:
        """Record a dated fact; derive its deadlines and a task for each obligation.

        The fact, deadlines, tasks, audit entry and ``FactRecorded`` event commit together.
        """
        async with self.uow(ctx.centre_id) as uow:
            fact, tracked = await self.record_fact_in(uow, ctx, case_id, cmd)
            await uow.commit()
        return fact, tracked

    def today(self) -> dt.date:
        """Today in the centre's time zone (facts may not be dated after it)."""
        return local_date(self.clock.now(), self.config.timezone)

    async def record_fact_in(
        self, uow: UnitOfWork, ctx: TenantContext, case_id: CaseId, cmd: RecordFact
    ) -> tuple[CaseFact, list[TrackedDeadline]]:
        """``record_fact`` inside the caller's unit of work, which commits (or not): for use
        cases that record a fact together with other changes (accepting a deadline drawn
        from a document), all or nothing."""
        ctx.require(Permission.CASE_WRITE)
        now = self.clock.now()
        today = local_date(now, self.config.timezone)
        check_fact_date(cmd, today)
        case = await load_case(self.cases(uow), ctx, case_id, for_change=True)
        case.require_open("record a dated event")
        calendar = await centre_calendar(
            self.closures(uow),
            self.holidays,
            self.config,
            [cmd.occurred_on, today],
            for_field="occurred_on",
            jurisdiction=await self.jurisdiction_in(uow, case_id),
        )
        config = attrs.evolve(
            self.config,
            written_advice_working_days=await centre_written_advice_days(
                self.written_advice_days(uow), self.config
            ),
        )
        details: Mapping[str, Any] = cmd.details
        if cmd.kind is FactKind.CREDITOR_PETITION:
            table = thresholds_of(await self.reference(uow).get()) if self.reference else None
            check = petition.check_petition(
                cmd.occurred_on,
                details,
                table,
                jurisdiction=await self.jurisdiction_in(uow, case_id),
            )
            details = petition.checked_details(check, details)
        # ``deemed`` in the details is the clock's own mark, set from the command only.
        details = {k: v for k, v in details.items() if k != "deemed"}
        if cmd.deemed:
            details["deemed"] = True
        derived = derive_deadlines(cmd.kind, cmd.occurred_on, details, calendar, config)
        fact = CaseFact(
            id=FactId(self.new_id()),
            centre_id=ctx.centre_id,
            case_id=case.id,
            kind=cmd.kind,
            occurred_on=cmd.occurred_on,
            recorded_at=now,
            recorded_by=ctx.user_id,
            details=dict(details),
        )
        await self.dated_facts(uow).add(fact)
        tracked = [
            await self._track(uow, ctx, case, fact, deadline, calendar) for deadline in derived
        ]
        uow.emit(
            FactRecorded(
                centre_id=ctx.centre_id,
                occurred_at=now,
                case_id=case.id,
                fact_id=fact.id,
                kind=cmd.kind.value,
                occurred_on=cmd.occurred_on,
            )
        )
        await record_audit(
            uow, ctx, self.new_id, "case.fact_recorded", "case", case.id, now, ("facts",)
        )
        return fact, tracked

    async def _track(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        case: Case,
        fact: CaseFact,
        deadline: dl.Deadline,
        calendar: WorkingCalendar,
    ) -> TrackedDeadline:
        """Track one deadline drawn from a fact, with a task for the adviser unless it is
        for information only."""
        info = deadline.kind in INFO_KINDS
        task_id: TaskId | None = None
        if not info:
            task_id = TaskId(self.new_id())
            await self.tasks(uow).add(
                Task(
                    id=task_id,
                    centre_id=ctx.centre_id,
                    case_id=case.id,
                    kind=TaskKind.DEADLINE,
                    title=f"Deadline {deadline.due:%d %b %Y}: {deadline.rule}"[:300],
                    assignee_id=case.adviser_id,
                    due_at=self._task_due(deadline, calendar),
                    status=TaskStatus.OPEN,
                    created_at=fact.recorded_at,
                )
            )
        item = TrackedDeadline(
            id=DeadlineId(self.new_id()),
            centre_id=ctx.centre_id,
            case_id=case.id,
            fact_id=fact.id,
            deadline=deadline,
            adviser_id=case.adviser_id,
            status=DeadlineStatus.INFO if info else DeadlineStatus.OPEN,
            created_at=fact.recorded_at,
            task_id=task_id,
        )
        await self.deadlines(uow).add(item)
        return item

    def _task_due(self, deadline: dl.Deadline, calendar: WorkingCalendar) -> dt.datetime:
        # The working day before the deadline, end of the afternoon: the task is due
        # *before* the threat (CR-04) and the adviser still has the last day in hand.
        day = calendar.roll(deadline.due - dt.timedelta(days=1), Roll.PRECEDING)
        return dt.datetime.combine(day, TASK_DUE_TIME, tzinfo=ZoneInfo(self.config.timezone))

    async def list_deadlines(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        *,
        limit: int = 50,
        offset: int = 0,
        status: DeadlineStatus | None = None,
        cursor: str | None = None,
    ) -> Page[TrackedDeadline]:
        """The case's deadlines, soonest first (then by kind and id); ``cursor`` (a page's
        ``next_cursor``) continues after that page. A case has a few dozen at most: they are
        read whole (``MAX_CASE_DEADLINES``) and paged here."""
        scope = case_scope(self, ctx, case_id, Permission.CASE_READ, page=(limit, offset))
        async with scope as (uow, _):
            every = await self.deadlines(uow).list(
                limit=MAX_CASE_DEADLINES, offset=0, case_id=case_id, status=status
            )
        rows = sorted(every.items, key=_deadline_key)
        return keyset_slice(
            rows, limit=limit, offset=offset, cursor=cursor, key=_deadline_key,
            kinds=(dt.date, str, uuid.UUID),
        )  # fmt: skip

    async def list_facts(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        *,
        limit: int = 50,
        offset: int = 0,
        withdrawn: bool | None = None,
        cursor: str | None = None,
    ) -> Page[FactView]:
        """The dated facts recorded on the case, oldest first (then in recorded order),
        each with the deadlines it started; ``withdrawn``: only those withdrawn (``True``)
        or only those standing (``False``). ``cursor`` (a page's ``next_cursor``) continues
        after that page. A case has a few dozen at most: read whole and paged here."""
        scope = case_scope(self, ctx, case_id, Permission.CASE_READ, page=(limit, offset))
        async with scope as (uow, _):
            every = await self.dated_facts(uow).list(case_id)
            tracked = await self.deadlines(uow).list(
                limit=MAX_CASE_DEADLINES, offset=0, case_id=case_id
            )
        rows = [f for f in every if withdrawn is None or f.withdrawn is withdrawn]
        page = keyset_slice(
            rows, limit=limit, offset=offset, cursor=cursor, key=_fact_key,
            kinds=(dt.date, dt.datetime, uuid.UUID),
        )  # fmt: skip
        by_fact: dict[FactId, list[TrackedDeadline]] = {}
        for item in sorted(tracked.items, key=_deadline_key):
            by_fact.setdefault(item.fact_id, []).append(item)
        return Page(
            items=[FactView(fact=f, deadlines=tuple(by_fact.get(f.id, ()))) for f in page.items],
            total=page.total,
            limit=page.limit,
            offset=page.offset,
            next_cursor=page.next_cursor,
        )

    async def withdraw_fact(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        fact_id: FactId,
        reason: str,
        *,
        expected_version: int | None,
    ) -> FactView:
        """Withdraw a fact recorded in error (a mistyped date, the wrong kind or case), so
        that its deadlines stop counting: its open and for-information deadlines become
        ``withdrawn`` and the open tasks they made are cancelled with the reason. A deadline
        already met or missed stays as it was (that happened). The fact is kept, marked
        withdrawn; the right one is then recorded anew. All in one transaction, audited.

        ``ValidationError`` on ``reason`` if empty; ``InvalidTransition`` if already
        withdrawn; ``StaleVersion`` if ``expected_version`` is behind."""
        reason = reason.strip()
        if not reason:
            raise ValidationError("reason", "say why it is withdrawn (e.g. the date was wrong)")
        if len(reason) > MAX_WITHDRAW_REASON:
            raise ValidationError("reason", f"must be at most {MAX_WITHDRAW_REASON} characters")
        now = self.clock.now()
        async with case_scope(
            self, ctx, case_id, Permission.CASE_WRITE, changing="withdraw a dated event"
        ) as (uow, _):
            fact = await self.dated_facts(uow).get(fact_id)
            if fact is None or fact.case_id != case_id:
                raise NotFound("fact", fact_id)
            check_version("fact", expected_version, fact.version)
            if fact.withdrawn:
                raise InvalidTransition("the fact is already withdrawn")
            withdrawn = attrs.evolve(
                fact,
                version=fact.version + 1,
                withdrawn_at=now,
                withdrawn_by=ctx.user_id,
                withdrawn_reason=reason,
            )
            await self.dated_facts(uow).save(withdrawn, fact.version)
            after: list[TrackedDeadline] = []
            every = await self.deadlines(uow).list(
                limit=MAX_CASE_DEADLINES, offset=0, case_id=case_id
            )
            for item in sorted(every.items, key=_deadline_key):
                if item.fact_id != fact.id:
                    continue
                if item.status not in _STANDING:
                    after.append(item)
                    continue
                item = attrs.evolve(item, status=DeadlineStatus.WITHDRAWN, closed_at=now)
                await self.deadlines(uow).save(item)
                after.append(item)
                task = await self.tasks(uow).get(TaskId(item.task_id)) if item.task_id else None
                if task is not None and task.is_open:
                    task.cancel(f"The event it was counted from was withdrawn: {reason}"[:2000],
                                now=now, by=ctx.user_id)  # fmt: skip
                    await self.tasks(uow).save(task)
                    uow.emit(task.event("cancelled", now))
            uow.emit(
                FactWithdrawn(
                    centre_id=ctx.centre_id,
                    occurred_at=now,
                    case_id=case_id,
                    fact_id=fact.id,
                    kind=fact.kind.value,
                )
            )
            await commit_audited(
                uow, ctx, self.new_id, "case.fact_withdrawn", "case", case_id, now,
                ("fact_id", "kind", "withdrawn_reason"),
            )  # fmt: skip
        return FactView(fact=withdrawn, deadlines=tuple(after))

    async def complete_deadline(
        self, ctx: TenantContext, case_id: CaseId, deadline_id: DeadlineId
    ) -> TrackedDeadline:
        """Record that an open deadline was dealt with (it will not be escalated)."""
        now = self.clock.now()
        async with case_scope(self, ctx, case_id, Permission.CASE_WRITE) as (uow, _):
            item = await self.deadlines(uow).get(deadline_id)
            if item is None or item.case_id != case_id:
                raise NotFound("deadline", deadline_id)
            if item.status is not DeadlineStatus.OPEN:
                raise ValidationError("status", f"the deadline is {item.status}, not open")
            item = attrs.evolve(item, status=DeadlineStatus.MET, closed_at=now)
            await self.deadlines(uow).save(item)
            uow.emit(
                DeadlineMet(
                    centre_id=ctx.centre_id, occurred_at=now, case_id=case_id, deadline_id=item.id
                )
            )
            await commit_audited(
                uow, ctx, self.new_id, "deadline.met", "deadline", item.id, now, ("status",)
            )
        return item

    # ----------------------------------------------------------------- appointments

    async def book(self, ctx: TenantContext, cmd: BookAppointment) -> StoredAppointment:
        """Book an appointment. Raises ``DoubleBooking`` (a ``Conflict``) if the adviser is
        already booked then, ``AdviserUnavailable`` outside their hours or on leave."""
        ctx.require(Permission.CASE_WRITE)
        check_line(cmd.location, "location")
        now = self.clock.now()
        if cmd.adviser_id is not None:
            await self._require_staff(ctx, cmd.adviser_id)
        async with case_scope(
            self, ctx, cmd.case_id, Permission.CASE_WRITE, changing="book an appointment"
        ) as (uow, case):
            adviser = cmd.adviser_id or case.adviser_id or ctx.user_id
            if adviser is None:
                raise ValidationError("adviser_id", "the case has no adviser; name one")
            candidate = Appointment(
                id=AppointmentId(self.new_id()),
                case_id=case.id,
                client_id=case.client_id,
                adviser_id=adviser,
                kind=cmd.kind,
                start=cmd.start,
                end=cmd.end,
                location=cmd.location,
            )
            await self.appointments(uow).lock_adviser(adviser)
            existing = await self.appointments(uow).booked_between(adviser, cmd.start, cmd.end)
            availability = await self.availability(uow).get(adviser)
            calendar = await centre_calendar(
                self.closures(uow),
                self.holidays,
                self.config,
                [local_date(cmd.start)],
                for_field="start",
                jurisdiction=await self.jurisdiction_in(uow, None),
            )
            appt = book(
                candidate,
                existing,
                availability.availability if availability else None,
                calendar,
                allow_conflict=cmd.allow_conflict,
            )
            stored = StoredAppointment(
                centre_id=ctx.centre_id, appointment=appt, version=1, created_at=now
            )
            (shown,) = with_conflicts([stored], await self._around(uow, [appt]))
            await self.appointments(uow).add(stored)
            _changed(uow, ctx, appt, now, "booked")
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "appointment.booked",
                "appointment",
                appt.id,
                now,
                ("adviser_id", "start", "end", "kind")
                + (("allow_conflict",) if cmd.allow_conflict and shown.conflicts else ()),
            )
        return shown

    async def get_appointment(
        self, ctx: TenantContext, appointment_id: AppointmentId
    ) -> StoredAppointment:
        async with self._appointment_scope(ctx, appointment_id, Permission.CASE_READ) as (
            uow,
            stored,
        ):
            (shown,) = with_conflicts([stored], await self._around(uow, [stored.appointment]))
            return shown

    async def _around(self, uow: UnitOfWork, items: Sequence[Appointment]) -> Surroundings:
        """What ``items``' conflicts are computed against (see ``surroundings``)."""
        return await load_surroundings(
            items,
            appointments=self.appointments(uow),
            availability=self.availability(uow),
            closures=self.closures(uow),
            hours=self.centre_hours(uow) if self.centre_hours else None,
            holidays=self.holidays,
            jurisdiction=await self.jurisdiction_in(uow, None),
            config_closures=self.config.closures,
        )

    @asynccontextmanager
    async def _appointment_scope(
        self,
        ctx: TenantContext,
        appointment_id: AppointmentId,
        permission: Permission,
        expected_version: int | None = None,
    ) -> AsyncIterator[tuple[UnitOfWork, StoredAppointment]]:
        """``case_scope`` for an appointment: the permission, a unit of work, the
        appointment if ``ctx`` may see it (the same visibility rule), its version."""
        ctx.require(permission)
        async with self.uow(ctx.centre_id) as uow:
            stored = await self._load_appointment(uow, ctx, appointment_id)
            check_version("appointment", expected_version, stored.version)
            yield uow, stored

    async def _load_appointment(
        self, uow: UnitOfWork, ctx: TenantContext, appointment_id: AppointmentId
    ) -> StoredAppointment:
        stored = await self.appointments(uow).get(appointment_id)
        if stored is None or not sees_work_of(ctx, stored.appointment.adviser_id):
            raise NotFound("appointment", appointment_id)
        return stored

    async def list_appointments(
        self,
        ctx: TenantContext,
        *,
        limit: int = 50,
        offset: int = 0,
        adviser_id: UserId | None = None,
        case_id: CaseId | None = None,
        start_from: dt.datetime | None = None,
        start_to: dt.datetime | None = None,
        cursor: str | None = None,
        has_conflicts: bool | None = None,
    ) -> Page[StoredAppointment]:
        """The centre's calendar (or one adviser's); without ``case:read_all``, your own.
        ``cursor`` (a page's ``next_cursor``) continues after that page. Each appointment
        carries its conflicts; ``has_conflicts`` keeps those with (or without) any, computed
        over a window of at most ``MAX_CONFLICT_WINDOW`` (default: from today)."""
        ctx.require(Permission.CASE_READ)
        check_page(limit, offset)
        key = start_after(cursor, offset, (dt.datetime, uuid.UUID))
        after = None if key is None else (key[0], AppointmentId(key[1]))
        visible, adviser_id = visible_adviser(ctx, adviser_id)
        if not visible:
            return Page(items=(), total=0, limit=limit, offset=offset)
        query: dict[str, Any] = {"adviser_id": adviser_id, "case_id": case_id}
        async with self.uow(ctx.centre_id) as uow:
            if has_conflicts is not None:
                page = await self._conflicted(
                    uow, query, start_from, start_to, has_conflicts, limit, offset, after
                )
            else:
                page = await self.appointments(uow).list(
                    limit=limit,
                    offset=offset,
                    start_from=start_from,
                    start_to=start_to,
                    after=after,
                    **query,
                )
                around = await self._around(uow, [s.appointment for s in page.items])
                page = attrs.evolve(page, items=tuple(with_conflicts(page.items, around)))
        return with_next_cursor(page, lambda s: (s.appointment.start, s.id))

    async def _conflicted(
        self,
        uow: UnitOfWork,
        query: Mapping[str, Any],
        start_from: dt.datetime | None,
        start_to: dt.datetime | None,
        wanted: bool,
        limit: int,
        offset: int,
        after: tuple[dt.datetime, AppointmentId] | None,
    ) -> Page[StoredAppointment]:
        """One page of the appointments in the window whose conflicts are (not) empty: the
        window is read in batches and checked, so it is bounded."""
        if start_from is None:
            start_from = dt.datetime.combine(
                local_date(self.clock.now(), self.config.timezone),
                dt.time(0),
                ZoneInfo(self.config.timezone),
            )
        for name, moment in (("from", start_from), ("to", start_to)):
            if moment is not None and not 1900 <= moment.year <= 2100:
                raise ValidationError(name, "must be from 1900 to 2100")
        if start_to is None:
            start_to = start_from + MAX_CONFLICT_WINDOW
        if start_to - start_from > MAX_CONFLICT_WINDOW:
            raise ValidationError(
                "to", f"with has_conflicts, at most {MAX_CONFLICT_WINDOW.days} days after from"
            )
        kept: list[StoredAppointment] = []
        batch_after: tuple[dt.datetime, AppointmentId] | None = None
        while True:
            batch = await self.appointments(uow).list(
                limit=500,
                offset=0,
                start_from=start_from,
                start_to=start_to,
                booked_only=wanted,
                after=batch_after,
                **query,
            )
            if not batch.items:
                break
            around = await self._around(uow, [s.appointment for s in batch.items])
            kept += [s for s in with_conflicts(batch.items, around) if bool(s.conflicts) is wanted]
            last = batch.items[-1]
            batch_after = (last.appointment.start, last.id)
        rows = [s for s in kept if after is None or (s.appointment.start, s.id) > after]
        return Page(
            items=rows[offset : offset + limit], total=len(kept), limit=limit, offset=offset
        )

    async def reschedule(
        self,
        ctx: TenantContext,
        appointment_id: AppointmentId,
        start: dt.datetime,
        end: dt.datetime,
        *,
        expected_version: int | None,
        allow_conflict: bool = False,
    ) -> StoredAppointment:
        """Move a booked appointment; refused like a booking unless ``allow_conflict``."""
        now = self.clock.now()
        async with self._appointment_scope(
            ctx, appointment_id, Permission.CASE_WRITE, expected_version
        ) as (uow, stored):
            adviser = stored.appointment.adviser_id
            await self.appointments(uow).lock_adviser(adviser)
            existing = await self.appointments(uow).booked_between(adviser, start, end)
            availability = await self.availability(uow).get(adviser)
            calendar = await centre_calendar(
                self.closures(uow),
                self.holidays,
                self.config,
                [local_date(start)],
                for_field="start",
                jurisdiction=await self.jurisdiction_in(uow, None),
            )
            moved = reschedule(
                stored.appointment,
                start,
                end,
                existing,
                availability.availability if availability else None,
                calendar,
                allow_conflict=allow_conflict,
            )
            updated = attrs.evolve(stored, appointment=moved, version=stored.version + 1)
            (shown,) = with_conflicts([updated], await self._around(uow, [moved]))
            await self.appointments(uow).save(updated, stored.version)
            _changed(uow, ctx, moved, now, "rescheduled")
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "appointment.rescheduled",
                "appointment",
                moved.id,
                now,
                ("start", "end")
                + (("allow_conflict",) if allow_conflict and shown.conflicts else ()),
            )
        return shown

    async def cancel(
        self,
        ctx: TenantContext,
        appointment_id: AppointmentId,
        reason: str,
        *,
        expected_version: int | None,
    ) -> StoredAppointment:
        now = self.clock.now()
        async with self._appointment_scope(
            ctx, appointment_id, Permission.CASE_WRITE, expected_version
        ) as (uow, stored):
            updated = attrs.evolve(
                stored, appointment=stored.appointment.cancelled(reason), version=stored.version + 1
            )
            await self.appointments(uow).save(updated, stored.version)
            _changed(uow, ctx, updated.appointment, now, "cancelled")
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "appointment.cancelled",
                "appointment",
                stored.id,
                now,
                ("status", "cancel_reason"),
            )
        return updated

    async def complete(
        self, ctx: TenantContext, appointment_id: AppointmentId, *, expected_version: int | None
    ) -> StoredAppointment:
        """Record that a booked appointment took place."""
        return await self._settle(ctx, appointment_id, expected_version, no_show=False)

    async def no_show(
        self, ctx: TenantContext, appointment_id: AppointmentId, *, expected_version: int | None
    ) -> StoredAppointment:
        """Record that the client did not come to a booked appointment."""
        return await self._settle(ctx, appointment_id, expected_version, no_show=True)

    async def _settle(
        self,
        ctx: TenantContext,
        appointment_id: AppointmentId,
        expected_version: int | None,
        *,
        no_show: bool,
    ) -> StoredAppointment:
        now = self.clock.now()
        async with self._appointment_scope(
            ctx, appointment_id, Permission.CASE_WRITE, expected_version
        ) as (uow, stored):
            appt = stored.appointment
            if appt.start > now:
                raise ValidationError("status", "the appointment has not started yet")
            settled = appt.no_show() if no_show else appt.completed()
            updated = attrs.evolve(stored, appointment=settled, version=stored.version + 1)
            await self.appointments(uow).save(updated, stored.version)
            _changed(uow, ctx, settled, now, "no_show" if no_show else "completed")
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "appointment.no_show" if no_show else "appointment.completed",
                "appointment",
                stored.id,
                now,
                ("status",),
            )
        return updated

    def handlers(self) -> tuple[Handles, ...]:
        return (
            Handles(
                CaseClosed,
                "cancel_appointments_of_closed_case",
                self.cancel_appointments_of_closed_case,
            ),
        )

    async def cancel_appointments_of_closed_case(
        self, uow: UnitOfWork, event: EventEnvelope
    ) -> None:
        """A closed case keeps no appointment ahead: each one still booked to start after
        the case closed is cancelled, with a reason saying so, and the client is reminded
        of none of them (only booked appointments are reminded). Those already begun are
        left for the adviser to record as attended or missed. Idempotent: a rerun finds
        none booked; a case reopened since keeps its appointments."""
        case_id = CaseId(uuid.UUID(event.payload["case_id"]))
        case = await self.cases(uow).get(case_id)
        if case is None or case.is_open:
            return
        now = self.clock.now()
        reason = case_closed_note(
            case.reference, str(event.payload["reason"]), event.occurred_at.date()
        )
        system = TenantContext.system(event.centre_id)
        repo = self.appointments(uow)
        ahead = await every_item(
            lambda limit, offset: repo.list(
                limit=limit,
                offset=offset,
                case_id=case_id,
                start_from=max(now, event.occurred_at),
                booked_only=True,
            )
        )
        for stored in ahead:
            updated = attrs.evolve(
                stored, appointment=stored.appointment.cancelled(reason), version=stored.version + 1
            )
            await repo.save(updated, stored.version)
            _changed(uow, system, updated.appointment, now, "cancelled")
            await record_audit(
                uow, system, self.new_id, "appointment.cancelled", "appointment", stored.id,
                now, ("status", "cancel_reason"), source_event_id=event.event_id,
            )  # fmt: skip

    # ----------------------------------------------------------------- reminders

    async def list_reminders(
        self,
        ctx: TenantContext,
        *,
        limit: int = 50,
        offset: int = 0,
        status: ReminderStatus | None = None,
        audience: str | None = None,
        subject_kind: str | None = None,
        cursor: str | None = None,
        case_id: CaseId | None = None,
    ) -> Page[ReminderRecord]:
        """The centre's reminders, oldest ``send_at`` first: the stored ones (pending, sent,
        skipped, cancelled), or with ``status=planned`` those still ahead that the sweep
        will store when they fall due (shown before they are due, so they can be
        cancelled). With ``case_id``, that case's only, for anyone who may see the case
        (a caseworker their own); the whole centre's needs ``case:read_all``."""
        key = start_after(cursor, offset, (dt.datetime, str))
        async with self._reminder_scope(ctx, case_id, Permission.CASE_READ, limit, offset) as uow:
            if status is not ReminderStatus.PLANNED:
                page = await self.reminders(uow).list(
                    limit=limit,
                    offset=offset,
                    status=status,
                    audience=audience,
                    subject_kind=subject_kind,
                    after=None if key is None else (key[0], key[1]),
                    case_id=case_id,
                )
                return with_next_cursor(page, _reminder_key)
            planned = await self._planned(uow, ctx.centre_id)
        rows = [
            r
            for r in planned
            if (audience is None or r.audience == audience)
            and (subject_kind is None or r.subject_kind == subject_kind)
            and (case_id is None or r.case_id == case_id)
        ]
        rows.sort(key=_reminder_key)
        return keyset_slice(
            rows,
            limit=limit,
            offset=offset,
            cursor=cursor,
            key=_reminder_key,
            kinds=(dt.datetime, str),
        )

    @asynccontextmanager
    async def _reminder_scope(
        self,
        ctx: TenantContext,
        case_id: CaseId | None,
        permission: Permission,
        limit: int = 1,
        offset: int = 0,
    ) -> AsyncIterator[UnitOfWork]:
        """A unit of work on one case's reminders (the case must be visible to ``ctx``), or
        on the whole centre's (``case:read_all``)."""
        if case_id is not None:
            scope = case_scope(self, ctx, case_id, permission, page=(limit, offset))
            async with scope as (uow, _):
                yield uow
            return
        ctx.require(Permission.CASE_READ_ALL)
        ctx.require(permission)
        check_page(limit, offset)
        async with self.uow(ctx.centre_id) as uow:
            yield uow

    async def _planned(self, uow: UnitOfWork, centre_id: CentreId) -> list[ReminderRecord]:
        """Reminders ahead (not yet due) that are not stored (sent, pending or cancelled)."""
        now = self.clock.now()
        plan = await centre_reminder_plan(self, uow, now)
        ahead = [i for i in plan.intents if i.send_at > now]
        stored = await self.reminders(uow).known([i.key for i in ahead])
        return [
            reminder_record(i, centre_id, now, ReminderStatus.PLANNED)
            for i in ahead
            if i.key not in stored
        ]

    async def cancel_reminder(
        self, ctx: TenantContext, key: str, expected_version: int | None = None
    ) -> ReminderRecord:
        """Cancel a reminder not yet sent: a pending one, or a planned one (version 0; stored
        as cancelled under its key, so the sweep never plans it again). ``NotFound`` for an
        unknown key or one of a case ``ctx`` may not see; ``StaleVersion`` when
        ``expected_version`` is not the reminder's; ``Conflict`` for one already sent,
        skipped or cancelled. Without ``case:read_all``, only reminders of one's own cases."""
        ctx.require(Permission.CASE_WRITE)
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            repo = self.reminders(uow)
            stored = await repo.get(key)
            if stored is None:
                planned = {r.key: r for r in await self._planned(uow, ctx.centre_id)}
                stored = planned.get(key)
            if stored is None or not await self._may_see_reminder(uow, ctx, stored):
                raise NotFound("reminder", key)
            check_version("reminder", expected_version, stored.version)
            if stored.status is ReminderStatus.PENDING:
                cancelled = attrs.evolve(stored, status=ReminderStatus.CANCELLED)
                await repo.save(cancelled)
                cancelled = attrs.evolve(cancelled, version=stored.version + 1)
            elif stored.status is ReminderStatus.PLANNED:
                cancelled = attrs.evolve(stored, status=ReminderStatus.CANCELLED, version=1)
                await repo.add_pending(cancelled)
            else:
                raise Conflict(f"the reminder is {stored.status.value}, not pending")
            await commit_audited(
                uow, ctx, self.new_id, "reminder.cancelled", "reminder",
                _reminder_entity_id(key), now, ("status",),
            )  # fmt: skip
        return cancelled

    async def _may_see_reminder(
        self, uow: UnitOfWork, ctx: TenantContext, record: ReminderRecord
    ) -> bool:
        if ctx.can(Permission.CASE_READ_ALL):
            return True
        if record.case_id is None:
            return False
        case = await self.cases(uow).get(record.case_id)
        return case is not None and case.visible_to(ctx)

    # ----------------------------------------------------------------- closure days

    async def add_closure(self, ctx: TenantContext, day: dt.date, reason: str) -> ClosureDay:
        """Close the centre on ``day``: deadlines counted in working days and bookings skip
        it from now on (deadlines already derived keep their dates)."""
        ctx.require(Permission.CASE_ASSIGN)
        reason = check_line(reason.strip(), "reason", max_length=200)
        if not reason:
            raise ValidationError("reason", "must not be empty")
        now = self.clock.now()
        closure = ClosureDay(
            centre_id=ctx.centre_id, day=day, reason=reason, created_at=now, created_by=ctx.user_id
        )
        async with self.uow(ctx.centre_id) as uow:
            await self.closures(uow).add(closure)
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "centre.closure_added",
                "centre",
                ctx.centre_id,
                now,
                ("closures",),
            )
        return closure

    async def list_closures(
        self, ctx: TenantContext, *, start: dt.date | None = None, end: dt.date | None = None
    ) -> Sequence[ClosureDay]:
        ctx.require(Permission.CASE_READ)
        if start is not None and end is not None and end < start:
            raise ValidationError("to", "must not be before from")
        async with self.uow(ctx.centre_id) as uow:
            return await self.closures(uow).list(start=start, end=end)

    async def remove_closure(self, ctx: TenantContext, day: dt.date) -> None:
        ctx.require(Permission.CASE_ASSIGN)
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            if not await self.closures(uow).remove(day):
                raise NotFound("closure day", day)
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "centre.closure_removed",
                "centre",
                ctx.centre_id,
                now,
                ("closures",),
            )

    # ----------------------------------------------------------------- working hours

    async def get_centre_hours(self, ctx: TenantContext) -> StoredCentreHours:
        """The centre's working hours; version 0 (the default hours) until first saved."""
        ctx.require(Permission.CASE_READ)
        async with self.uow(ctx.centre_id) as uow:
            repo = self.centre_hours(uow) if self.centre_hours else None
            stored = await repo.get() if repo is not None else None
            if stored is None:
                return StoredCentreHours(
                    centre_id=ctx.centre_id,
                    hours=await centre_hours_of(None),
                    version=0,
                    updated_at=None,
                )
            return stored

    async def set_centre_hours(
        self, ctx: TenantContext, hours: CentreHours, *, expected_version: int
    ) -> StoredCentreHours:
        """Replace the centre's working hours (centre admins): appointments outside them are
        flagged ``outside_hours`` from now on, never moved or refused."""
        ctx.require(Permission.CENTRE_SETTINGS)
        if self.centre_hours is None:
            raise ValidationError("weekly_hours", "this deployment keeps the default hours")
        now = self.clock.now()
        stored = StoredCentreHours(
            centre_id=ctx.centre_id, hours=hours, version=expected_version + 1, updated_at=now
        )
        async with self.uow(ctx.centre_id) as uow:
            await self.centre_hours(uow).put(stored, expected_version)
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "centre.working_hours_set",
                "centre",
                ctx.centre_id,
                now,
                ("weekly_hours", "timezone"),
            )
        return stored

    # ----------------------------------------------------------------- availability

    async def get_availability(self, ctx: TenantContext, adviser_id: UserId) -> StoredAvailability:
        ctx.require(Permission.CASE_READ)
        async with self.uow(ctx.centre_id) as uow:
            stored = await self.availability(uow).get(adviser_id)
        if stored is None:
            raise NotFound("availability", adviser_id)
        return stored

    async def set_availability(
        self,
        ctx: TenantContext,
        adviser_id: UserId,
        cmd: SetAvailability,
        *,
        expected_version: int | None = None,
    ) -> StoredAvailability:
        """Advisers set their own; supervisors and centre admins anyone's."""
        if adviser_id != ctx.user_id:
            ctx.require(Permission.CASE_ASSIGN)
        # The adviser is the resource in the path: another centre's user is not found.
        user = await self.identity.get_user(adviser_id)
        if user is None or ctx.centre_id not in user.centre_ids:
            raise NotFound("user", adviser_id)
        try:
            ZoneInfo(cmd.timezone)
        except (KeyError, ValueError):
            raise ValidationError("timezone", "is not a known time zone") from None
        for day in cmd.weekly_hours:
            if not 0 <= day <= 6:
                raise ValidationError("weekly_hours", "weekday must be 0 (Monday) to 6")
        availability = AdviserAvailability(
            adviser_id=adviser_id,
            weekly_hours={
                d: tuple(WorkingHours(s, e) for s, e in windows)
                for d, windows in cmd.weekly_hours.items()
            },
            leave=tuple(LeavePeriod(a, b) for a, b in cmd.leave),
            timezone=cmd.timezone,
        )
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            current = await self.availability(uow).get(adviser_id)
            if current is not None:
                check_version("availability", expected_version, current.version)
            stored = StoredAvailability(
                centre_id=ctx.centre_id,
                availability=availability,
                version=(current.version + 1) if current else 1,
                updated_at=now,
            )
            await self.availability(uow).put(stored)
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "availability.set",
                "user",
                adviser_id,
                now,
                ("weekly_hours", "leave"),
            )
        return stored

    async def adviser_calendar(
        self,
        ctx: TenantContext,
        adviser_id: UserId,
        *,
        start_from: dt.datetime | None = None,
        start_to: dt.datetime | None = None,
    ) -> str:
        """The adviser's appointments as iCalendar text (cancelled ones kept, marked)."""
        ctx.require(Permission.CASE_READ)
        if adviser_id != ctx.user_id:
            ctx.require(Permission.CASE_READ_ALL)
            # Another centre's adviser (or no such user) is not found, like any other record
            # of another centre; checked before the unit of work opens (see _require_staff).
            user = await self.identity.get_user(adviser_id)
            if user is None or ctx.centre_id not in user.centre_ids:
                raise NotFound("user", adviser_id)
        async with self.uow(ctx.centre_id) as uow:
            appointments = self.appointments(uow)
            slots = await every_item(
                lambda limit, offset: appointments.list(
                    limit=limit, offset=offset, adviser_id=adviser_id,
                    start_from=start_from, start_to=start_to,
                )
            )  # fmt: skip
        items = [s.appointment for s in slots]
        return to_icalendar(items, dtstamp=self.clock.now(), uid_domain=self.config.uid_domain)

    # ----------------------------------------------------------------- consent

    async def get_consent(self, ctx: TenantContext, client_id: ClientId) -> StoredConsent:
        """The client's recorded consent; version 0 (nothing asked) if none was recorded."""
        ctx.require(Permission.CLIENT_READ)
        async with self.uow(ctx.centre_id) as uow:
            if await self.clients(uow).get(client_id) is None:
                raise NotFound("client", client_id)
            stored = await self.consents(uow).get(client_id)
        if stored is not None:
            return stored
        return StoredConsent(
            centre_id=ctx.centre_id,
            consent=ContactConsent(client_id=client_id, email=None, sms=None),
            recorded_at=self.clock.now(),
            recorded_by=None,
            version=0,
        )

    async def record_consent(
        self,
        ctx: TenantContext,
        client_id: ClientId,
        *,
        email: bool | None,
        sms: bool | None,
        expected_version: int | None = None,
    ) -> StoredConsent:
        """Record the client's answer per channel (``None``: not asked = no reminders).

        ``expected_version`` is the version read (0 before the first answer); a stale one
        is refused (``StaleVersion``) rather than overwriting a newer answer.
        """
        ctx.require(Permission.CLIENT_WRITE)
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            if await self.clients(uow).get(client_id) is None:
                raise NotFound("client", client_id)
            current = await self.consents(uow).get(client_id)
            actual = current.version if current else 0
            check_version("contact consent", expected_version, actual)
            stored = StoredConsent(
                centre_id=ctx.centre_id,
                consent=ContactConsent(client_id=client_id, email=email, sms=sms),
                recorded_at=now,
                recorded_by=ctx.user_id,
                version=actual + 1,
            )
            await self.consents(uow).put(stored)
            await commit_audited(
                uow, ctx, self.new_id, "client.consent", "client", client_id, now, ("consent",)
            )
        return stored

    async def _require_staff(
        self, ctx: TenantContext, user_id: UserId, field_name: str = "adviser_id"
    ) -> None:
        # Before any unit of work opens: the identity store is another connection, and the
        # embedded SQLite pool holds one.
        user = await self.identity.get_user(user_id)
        if user is None or ctx.centre_id not in user.centre_ids:
            raise ValidationError(field_name, "no such user in this centre")


# --------------------------------------------------------------------------- the sweep


@frozen(kw_only=True)
class SweepReport:
    missed: int = 0
    escalated: int = 0
    planned: int = 0
    sent: int = 0
    skipped: int = 0
    failed: int = 0

    def __add__(self, other: SweepReport) -> SweepReport:
        return SweepReport(
            **{
                a.name: getattr(self, a.name) + getattr(other, a.name)
                for a in attrs.fields(SweepReport)
            }
        )


def _supervisors(users: Iterable[User], centre_id: CentreId) -> list[User]:
    found = [
        u for u in users if u.active_in(centre_id) and Role.SUPERVISOR in u.roles_in(centre_id)
    ]
    return sorted(found, key=lambda u: (u.email, str(u.id)))


@define
class Scheduler:
    """Sweeps every centre: missed deadlines, reminder planning, delivery. Idempotent."""

    uow: UnitOfWorkFactory
    identity: IdentityStore
    clock: Clock
    notifier: Notifier
    config: SchedulingConfig = field(factory=SchedulingConfig)
    new_id: IdFactory = field(default=uuid.uuid4)
    batch: int = 200
    cases: RepositoryFactory[CaseRepository] = field(kw_only=True)
    clients: RepositoryFactory[ClientRepository] = field(kw_only=True)
    tasks: RepositoryFactory[TaskRepository] = field(kw_only=True)
    deadlines: RepositoryFactory[DeadlineRepository] = field(kw_only=True)
    appointments: RepositoryFactory[AppointmentRepository] = field(kw_only=True)
    consents: RepositoryFactory[ConsentRepository] = field(kw_only=True)
    reminders: RepositoryFactory[ReminderRepository] = field(kw_only=True)

    async def sweep(self) -> SweepReport:
        total = SweepReport()
        for centre in await self.identity.list_centres():
            total = total + await self.sweep_centre(centre.id)
        return total

    async def sweep_centre(self, centre_id: CentreId) -> SweepReport:
        users = list(await self.identity.list_users(centre_id))
        missed, escalated = await self.sweep_deadlines(centre_id, users)
        planned = await self.plan(centre_id)
        delivered = await self.deliver(centre_id, users)
        return attrs.evolve(delivered, missed=missed, escalated=escalated, planned=planned)

    async def sweep_deadlines(
        self, centre_id: CentreId, users: Sequence[User] | None = None
    ) -> tuple[int, int]:
        """Mark open deadlines whose last day has passed as missed and escalate each to a
        supervisor: a task for them, a reminder, and a ``DeadlinePassed`` event."""
        if users is None:
            users = list(await self.identity.list_users(centre_id))
        supervisors = _supervisors(users, centre_id)
        now = self.clock.now()
        today = local_date(now, self.config.timezone)
        missed = escalated = 0
        async with self.uow(centre_id) as uow:
            page = await self.deadlines(uow).list(
                limit=self.batch, offset=0, status=DeadlineStatus.OPEN, due_before=today
            )
            for item in page.items:
                event = DeadlinePassed(
                    centre_id=centre_id,
                    occurred_at=now,
                    case_id=item.case_id,
                    deadline_id=item.id,
                    kind=item.deadline.kind.value,
                    due=item.deadline.due,
                    adviser_id=item.adviser_id,
                )
                supervisor = supervisors[0] if supervisors else None
                if supervisor is not None:
                    await self.tasks(uow).add(
                        Task(
                            id=TaskId(self.new_id()),
                            centre_id=centre_id,
                            case_id=item.case_id,
                            kind=TaskKind.DEADLINE,
                            title=f"Escalated: missed {item.deadline.kind} deadline of "
                            f"{item.deadline.due:%d %b %Y}"[:300],
                            assignee_id=supervisor.id,
                            due_at=now,
                            status=TaskStatus.OPEN,
                            created_at=now,
                            source_event_id=event.event_id,
                        )
                    )
                    for sup in supervisors:
                        await self.reminders(uow).add_pending(
                            ReminderRecord(
                                key=f"escalation:{item.id}:{sup.id}",
                                centre_id=centre_id,
                                case_id=item.case_id,
                                audience="supervisor",
                                channel=Channel.EMAIL.value,
                                recipient=str(sup.id),
                                subject_kind=f"missed_{item.deadline.kind}",
                                subject_ref=str(item.id),
                                send_at=now,
                                event_at=now,
                                created_at=now,
                            )
                        )
                    escalated += 1
                else:
                    log.warning("centre %s has no supervisor to escalate to", centre_id)
                await self.deadlines(uow).save(
                    attrs.evolve(
                        item,
                        status=DeadlineStatus.MISSED,
                        closed_at=now,
                        escalated_to=supervisor.id if supervisor else None,
                    )
                )
                uow.emit(event)
                await record_audit(
                    uow, TenantContext.system(centre_id), self.new_id, "deadline.missed",
                    "deadline", item.id, now, ("status",), source_event_id=event.event_id,
                )  # fmt: skip
                missed += 1
            await uow.commit()
        return missed, escalated

    async def plan(self, centre_id: CentreId) -> int:
        """Store reminders that are due now as pending (once per idempotency key)."""
        now = self.clock.now()
        new = 0
        async with self.uow(centre_id) as uow:
            plan = await centre_reminder_plan(self, uow, now)
            for intent in plan.intents:
                if intent.send_at > now:
                    continue
                added = await self.reminders(uow).add_pending(
                    reminder_record(intent, centre_id, now)
                )
                new += int(added)
            await uow.commit()
        return new

    async def deliver(
        self, centre_id: CentreId, users: Sequence[User] | None = None
    ) -> SweepReport:
        """Send pending reminders; each is marked sent in its own transaction."""
        if users is None:
            users = list(await self.identity.list_users(centre_id))
        by_id = {u.id: u for u in users}
        sent = skipped = failed = 0
        async with self.uow(centre_id) as uow:
            pending = list(await self.reminders(uow).pending(limit=self.batch))
            addresses: dict[str, tuple[str | None, str | None]] = {}
            for rec in pending:
                if rec.audience == Audience.CLIENT.value and rec.recipient not in addresses:
                    client = await self.clients(uow).get(ClientId(uuid.UUID(rec.recipient)))
                    addresses[rec.recipient] = (
                        (client.email, client.phone) if client else (None, None)
                    )
        now = self.clock.now()
        for rec in pending:
            message = self._message(rec, by_id, addresses)
            if message is None:
                await self._mark(
                    centre_id, attrs.evolve(rec, status=ReminderStatus.SKIPPED, note="no address")
                )
                skipped += 1
                continue
            if message.channel not in self.notifier.channels():
                await self._mark(
                    centre_id,
                    attrs.evolve(
                        rec,
                        status=ReminderStatus.SKIPPED,
                        note=f"no {message.channel} notifier configured",
                    ),
                )
                skipped += 1
                continue
            try:
                delivery = await self.notifier.send(message)
            except Exception as exc:  # provider down: stays pending, retried next sweep
                log.warning("reminder %s not sent: %s", rec.key, exc)
                await self._mark(centre_id, attrs.evolve(rec, attempts=rec.attempts + 1))
                failed += 1
                continue
            await self._mark(
                centre_id,
                attrs.evolve(
                    rec,
                    status=ReminderStatus.SENT,
                    attempts=rec.attempts + 1,
                    sent_at=now,
                    note=delivery.provider_ref,
                ),
            )
            sent += 1
        return SweepReport(sent=sent, skipped=skipped, failed=failed)

    async def _mark(self, centre_id: CentreId, record: ReminderRecord) -> None:
        async with self.uow(centre_id) as uow:
            await self.reminders(uow).save(record)
            await uow.commit()

    def _message(
        self,
        rec: ReminderRecord,
        users: Mapping[UserId, User],
        clients: Mapping[str, tuple[str | None, str | None]],
    ) -> OutgoingMessage | None:
        subject, body = _wording(rec, self.config.timezone)
        if rec.audience == Audience.CLIENT.value:
            email, phone = clients.get(rec.recipient, (None, None))
            if rec.channel == Channel.SMS.value:
                if not phone:
                    return None
                return OutgoingMessage(
                    idempotency_key=rec.key,
                    channel=NotifyChannel.SMS,
                    to=phone,
                    subject=subject,
                    body=body,
                )
            if not email:
                return None
            return OutgoingMessage(
                idempotency_key=rec.key,
                channel=NotifyChannel.EMAIL,
                to=email,
                subject=subject,
                body=body,
            )
        # Staff (adviser in-app reminders and supervisor escalations) get internal email.
        user = users.get(UserId(uuid.UUID(rec.recipient)))
        if user is None:
            return None
        return OutgoingMessage(
            idempotency_key=rec.key,
            channel=NotifyChannel.EMAIL,
            to=user.email,
            subject=subject,
            body=body,
        )


def _wording(rec: ReminderRecord, timezone: str) -> tuple[str, str]:
    when = rec.event_at.astimezone(ZoneInfo(timezone))
    if rec.subject_kind == "appointment":
        return (
            "Reminder: your debt advice appointment",
            f"You have a debt advice appointment on {when:%A %d %B %Y at %H:%M}. "
            "Contact your adviser if you need to change it.",
        )
    if rec.audience == "supervisor":
        return (
            "Escalation: a case deadline was missed",
            f"A {rec.subject_kind.removeprefix('missed_')} deadline passed without being "
            f"marked as dealt with (deadline record {rec.subject_ref}). Please review the case.",
        )
    label = rec.subject_kind.replace("_", " ")
    if rec.audience == Audience.CLIENT.value:
        return (
            "Reminder: a deadline on your debt case",
            f"There is a {label} deadline on {when:%A %d %B %Y}. Please contact your adviser.",
        )
    return (
        f"Deadline reminder: {label}",
        f"The {label} deadline on case {rec.subject_ref.split(':')[0]} falls on "
        f"{when:%A %d %B %Y}.",
    )


async def centre_reminder_plan(repos: Any, uow: UnitOfWork, now: dt.datetime) -> ReminderPlan:
    """Every reminder the centre's booked appointments and open deadlines call for, as
    ``plan_reminders`` sees them (``repos`` has the ``appointments``, ``deadlines``,
    ``cases``, ``consents`` factories and the ``config``: the sweep and the service)."""
    appts = await every_item(
        lambda limit, offset: repos.appointments(uow).list(
            limit=limit, offset=offset, start_from=now, booked_only=True
        )
    )
    open_deadlines = await every_item(
        lambda limit, offset: repos.deadlines(uow).list(
            limit=limit, offset=offset, status=DeadlineStatus.OPEN
        )
    )
    case_clients: dict[CaseId, ClientId] = {}
    for item in open_deadlines:
        if item.case_id not in case_clients:
            case = await repos.cases(uow).get(item.case_id)
            if case is not None:
                case_clients[item.case_id] = case.client_id
    client_ids = {a.appointment.client_id for a in appts} | set(case_clients.values())
    consents = await repos.consents(uow).for_clients(sorted(client_ids, key=str))
    return plan_reminders(
        appointments=[a.appointment for a in appts],
        deadlines=[
            CaseDeadline(
                case_id=item.case_id,
                deadline=item.deadline,
                adviser_id=item.adviser_id,
                client_id=case_clients.get(item.case_id),
                remind_client=item.deadline.kind in CLIENT_KINDS,
            )
            for item in open_deadlines
        ],
        consents=consents,
        policy=repos.config.reminders,
        now=now,
    )


def _reminder_entity_id(key: str) -> uuid.UUID:
    """A reminder's key as the audit trail's entity id: the key itself (32 hex digits)."""
    try:
        return uuid.UUID(hex=key)
    except ValueError:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"cma:reminder:{key}")


def reminder_record(
    intent: ReminderIntent,
    centre_id: CentreId,
    now: dt.datetime,
    status: ReminderStatus = ReminderStatus.PENDING,
) -> ReminderRecord:
    """The stored form of a planned reminder."""
    return ReminderRecord(
        key=intent.key,
        centre_id=centre_id,
        case_id=intent.case_id,
        version=0 if status is ReminderStatus.PLANNED else 1,
        audience=intent.audience.value,
        channel=intent.channel.value,
        recipient=intent.recipient,
        subject_kind=intent.subject_kind,
        subject_ref=intent.subject_ref,
        send_at=intent.send_at,
        event_at=intent.event_at,
        created_at=now,
        status=status,
    )


def _reminder_key(r: ReminderRecord) -> tuple[dt.datetime, str]:
    """The reminders list's order and cursor: ``send_at``, then the unique key."""
    return (r.send_at, r.key)


def _changed(
    uow: UnitOfWork, ctx: TenantContext, appt: Appointment, now: dt.datetime, change: str
) -> None:
    """Stage ``AppointmentChanged`` (the case timeline reads it)."""
    uow.emit(
        AppointmentChanged(
            centre_id=ctx.centre_id,
            occurred_at=now,
            case_id=appt.case_id,
            appointment_id=appt.id,
            change=change,
            by=ctx.user_id,
        )
    )
