"""Controllers of the case clock and compliance: facts and deadlines, appointments,
availability, the adviser iCalendar feed, client contact consent, compliance and QA."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

import msgspec
from litestar import Controller, Response, delete, get, patch, post, put
from litestar.openapi.spec import Example
from litestar.params import Body, Parameter
from msgspec import Meta, Struct

from cma_core.compliance.model import CompliancePolicy, Finding, Severity, Status
from cma_core.compliance.ports import POLICY_FIELDS, QaReview, QaSample, QaSampleId, StoredFinding
from cma_core.compliance.qa import Answer
from cma_core.compliance.service import ComplianceService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.scheduling.appointments import AppointmentId, AppointmentKind
from cma_core.scheduling.ports import (
    ClosureDay,
    DeadlineId,
    DeadlineStatus,
    FactKind,
    ReminderRecord,
    StoredAppointment,
    StoredAvailability,
    TrackedDeadline,
)
from cma_core.scheduling.service import (
    BookAppointment,
    RecordFact,
    SchedulingService,
    SetAvailability,
)
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId, ClientId, UserId
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import with_example
from cma_entrypoints.http.common.params import (
    IfMatch,
    Limit,
    Offset,
    etag,
    parse_if_match,
    user_or_me,
)

# --------------------------------------------------------------------------- shapes


class FactIn(Struct, forbid_unknown_fields=True):
    kind: FactKind
    occurred_on: dt.date
    details: dict[str, Any] = {}


class DeadlineOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    fact_id: uuid.UUID
    kind: str
    due: dt.date
    trigger: dt.date
    counting: str
    amount: int
    rule: str
    source: str
    is_earliest: bool
    status: str
    adviser_id: uuid.UUID | None
    task_id: uuid.UUID | None
    escalated_to: uuid.UUID | None

    @classmethod
    def of(cls, d: TrackedDeadline) -> DeadlineOut:
        return cls(
            id=d.id,
            case_id=d.case_id,
            fact_id=d.fact_id,
            kind=d.deadline.kind.value,
            due=d.deadline.due,
            trigger=d.deadline.trigger,
            counting=d.deadline.counting.value,
            amount=d.deadline.amount,
            rule=d.deadline.rule,
            source=d.deadline.source,
            is_earliest=d.deadline.is_earliest,
            status=d.status.value,
            adviser_id=d.adviser_id,
            task_id=d.task_id,
            escalated_to=d.escalated_to,
        )


class FactOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    kind: str
    occurred_on: dt.date
    deadlines: list[DeadlineOut]


class DeadlinePage(Struct):
    items: list[DeadlineOut]
    total: int
    limit: int
    offset: int


class AppointmentIn(Struct, forbid_unknown_fields=True):
    case_id: uuid.UUID
    kind: AppointmentKind
    start: dt.datetime
    end: dt.datetime
    adviser_id: uuid.UUID | None = None
    location: Annotated[str, Meta(max_length=300)] = ""


class ReschedulePatch(Struct, forbid_unknown_fields=True):
    start: dt.datetime
    end: dt.datetime


class CancelIn(Struct, forbid_unknown_fields=True):
    reason: Annotated[str, Meta(min_length=1, max_length=500)]


class AppointmentOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    client_id: uuid.UUID
    adviser_id: uuid.UUID
    kind: str
    start: dt.datetime
    end: dt.datetime
    status: str
    location: str
    sequence: int
    cancel_reason: str | None
    version: int

    @classmethod
    def of(cls, s: StoredAppointment) -> AppointmentOut:
        a = s.appointment
        return cls(
            id=a.id,
            case_id=a.case_id,
            client_id=a.client_id,
            adviser_id=a.adviser_id,
            kind=a.kind.value,
            start=a.start,
            end=a.end,
            status=a.status.value,
            location=a.location,
            sequence=a.sequence,
            cancel_reason=a.cancel_reason,
            version=s.version,
        )


class AppointmentPage(Struct):
    items: list[AppointmentOut]
    total: int
    limit: int
    offset: int


class WindowIn(Struct, forbid_unknown_fields=True):
    start: dt.time
    end: dt.time


class LeaveIn(Struct, forbid_unknown_fields=True):
    first_day: dt.date
    last_day: dt.date


class AvailabilityIn(Struct, forbid_unknown_fields=True):
    weekly_hours: dict[str, list[WindowIn]]
    leave: list[LeaveIn] = []
    timezone: str = "Europe/London"


class AvailabilityOut(Struct):
    adviser_id: uuid.UUID
    weekly_hours: dict[str, list[WindowIn]]
    leave: list[LeaveIn]
    timezone: str
    version: int

    @classmethod
    def of(cls, s: StoredAvailability) -> AvailabilityOut:
        a = s.availability
        return cls(
            adviser_id=a.adviser_id,
            weekly_hours={
                str(day): [WindowIn(start=w.start, end=w.end) for w in wins]
                for day, wins in a.weekly_hours
            },
            leave=[LeaveIn(first_day=p.first_day, last_day=p.last_day) for p in a.leave],
            timezone=a.timezone,
            version=s.version,
        )


class ConsentIn(Struct, forbid_unknown_fields=True):
    email: bool | None = None
    sms: bool | None = None


class ConsentOut(Struct):
    client_id: uuid.UUID
    email: bool | None
    sms: bool | None
    recorded_at: dt.datetime


class FindingOut(Struct):
    rule_id: str
    severity: str
    status: str
    message: str
    facts: dict[str, str]
    fix: str | None
    due_on: dt.date | None

    @classmethod
    def of(cls, f: Finding) -> FindingOut:
        return cls(
            rule_id=f.rule_id,
            severity=f.severity.value,
            status=f.status.value,
            message=f.message,
            facts=dict(f.facts),
            fix=f.fix,
            due_on=f.due_on,
        )


class CaseComplianceOut(Struct):
    case_id: uuid.UUID
    evaluated_at: dt.datetime | None
    stored: bool
    summary: dict[str, int]
    findings: list[FindingOut]


class ReportRowOut(Struct):
    key: str
    fail: int
    not_assessable: int
    passed: int
    not_applicable: int


class ReportFindingOut(Struct):
    case_id: uuid.UUID
    adviser_id: uuid.UUID | None
    evaluated_at: dt.datetime
    finding: FindingOut

    @classmethod
    def of(cls, s: StoredFinding) -> ReportFindingOut:
        return cls(
            case_id=s.case_id,
            adviser_id=s.adviser_id,
            evaluated_at=s.evaluated_at,
            finding=FindingOut.of(s.finding),
        )


class QaCoverageOut(Struct):
    adviser_id: str
    closed_cases: int
    reviewed: int
    quota: int


class ReportOut(Struct):
    cases: int
    by_adviser: list[ReportRowOut]
    by_rule: list[ReportRowOut]
    by_severity: list[ReportRowOut]
    qa_coverage: list[QaCoverageOut]
    items: list[ReportFindingOut]
    total: int
    limit: int
    offset: int


class SampleIn(Struct, forbid_unknown_fields=True):
    seed: Annotated[str, Meta(min_length=1, max_length=200)]
    quota: Annotated[int, Meta(ge=0, le=100)] | None = None


class SampleOut(Struct):
    id: uuid.UUID
    seed: str
    quota: int
    picks: dict[str, list[uuid.UUID]]
    drawn_at: dt.datetime

    @classmethod
    def of(cls, s: QaSample) -> SampleOut:
        return cls(
            id=s.id,
            seed=s.seed,
            quota=s.quota,
            picks={str(k): list(v) for k, v in s.picks.items()},
            drawn_at=s.drawn_at,
        )


class ReviewIn(Struct, forbid_unknown_fields=True):
    case_id: uuid.UUID
    answers: dict[str, Answer]
    actions: Annotated[str, Meta(max_length=5000)] | None = None


class ReviewOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    adviser_id: uuid.UUID | None
    reviewer_id: uuid.UUID | None
    reviewed_on: dt.date
    percent: int
    passed: bool
    actions: str | None

    @classmethod
    def of(cls, r: QaReview) -> ReviewOut:
        return cls(
            id=r.id,
            case_id=r.case_id,
            adviser_id=r.adviser_id,
            reviewer_id=r.reviewer_id,
            reviewed_on=r.reviewed_on,
            percent=r.percent,
            passed=r.passed,
            actions=r.actions,
        )


class SamplePage(Struct):
    items: list[SampleOut]
    total: int
    limit: int
    offset: int


class ReviewOutFull(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    adviser_id: uuid.UUID | None
    reviewer_id: uuid.UUID | None
    reviewed_on: dt.date
    percent: int
    passed: bool
    actions: str | None
    answers: dict[str, str]
    created_at: dt.datetime

    @classmethod
    def of(cls, r: QaReview) -> ReviewOutFull:
        return cls(
            id=r.id,
            case_id=r.case_id,
            adviser_id=r.adviser_id,
            reviewer_id=r.reviewer_id,
            reviewed_on=r.reviewed_on,
            percent=r.percent,
            passed=r.passed,
            actions=r.actions,
            answers=dict(r.answers),
            created_at=r.created_at,
        )


class ReviewPage(Struct):
    items: list[ReviewOutFull]
    total: int
    limit: int
    offset: int


Days = Annotated[int, Meta(ge=0, le=3650)]


class PolicyIn(Struct, forbid_unknown_fields=True):
    """Every value optional: one left out takes its default (this is a replacement)."""

    written_advice_working_days: Annotated[int, Meta(ge=0, le=60)] | None = None
    file_review_quota: Annotated[int, Meta(ge=0, le=100)] | None = None
    file_review_period_months: Annotated[int, Meta(ge=1, le=12)] | None = None
    retention_years: Annotated[int, Meta(ge=1, le=100)] | None = None
    disposal_grace_days: Days | None = None
    complaint_final_response_days: Days | None = None
    dp_complaint_ack_days: Days | None = None
    vulnerability_review_tolerance_days: Days | None = None


class PolicyOut(Struct):
    written_advice_working_days: int
    file_review_quota: int
    file_review_period_months: int
    retention_years: int
    disposal_grace_days: int
    complaint_final_response_days: int
    dp_complaint_ack_days: int
    vulnerability_review_tolerance_days: int
    version: int
    defaults: bool

    @classmethod
    def of(cls, policy: CompliancePolicy, version: int) -> PolicyOut:
        values = {name: int(getattr(policy, name)) for name in POLICY_FIELDS}
        return cls(**values, version=version, defaults=version == 0)


class ClosureIn(Struct, forbid_unknown_fields=True):
    day: dt.date
    reason: Annotated[str, Meta(min_length=1, max_length=200)]


class ClosureOut(Struct):
    day: dt.date
    reason: str
    created_at: dt.datetime
    created_by: uuid.UUID | None

    @classmethod
    def of(cls, c: ClosureDay) -> ClosureOut:
        return cls(day=c.day, reason=c.reason, created_at=c.created_at, created_by=c.created_by)


class ReminderOut(Struct):
    key: str
    audience: str
    channel: str
    recipient: str
    subject_kind: str
    subject_ref: str
    send_at: dt.datetime
    event_at: dt.datetime
    status: str
    attempts: int
    sent_at: dt.datetime | None
    note: str | None

    @classmethod
    def of(cls, r: ReminderRecord) -> ReminderOut:
        return cls(
            key=r.key,
            audience=r.audience,
            channel=r.channel,
            recipient=r.recipient,
            subject_kind=r.subject_kind,
            subject_ref=r.subject_ref,
            send_at=r.send_at,
            event_at=r.event_at,
            status=r.status.value,
            attempts=r.attempts,
            sent_at=r.sent_at,
            # The note of a sent email is the provider's reference (e.g. an outbox path):
            # only the reason of a skipped one is for the reader.
            note=r.note if r.status.value == "skipped" else None,
        )


class ReminderPage(Struct):
    items: list[ReminderOut]
    total: int
    limit: int
    offset: int


def _aware(value: dt.datetime | None, field: str) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        raise ValidationError(field, "must include a timezone, e.g. Z or +01:00")
    return value


# --------------------------------------------------------------------------- controllers


# ------------------------------------------------------------------------------ examples
# Made-up ids and people (see example_schemas), as the handlers would send them.

_FACT_ID = uuid.UUID("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d")
_DEADLINE = DeadlineOut(
    id=uuid.UUID("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e"),
    case_id=ex.CASE_ID,
    fact_id=_FACT_ID,
    kind="claim_response",
    due=dt.date(2026, 12, 9),
    trigger=dt.date(2026, 11, 20),
    counting="calendar_days",
    amount=14,
    rule="CPR 10.3(1)(a) + CPR 6.14",
    source="Civil Procedure Rules",
    is_earliest=False,
    status="open",
    adviser_id=ex.ADVISER_ID,
    task_id=ex.TASK_ID,
    escalated_to=None,
)
_DEADLINE_MET = DeadlineOut(**{**msgspec.structs.asdict(_DEADLINE), "status": "met"})
_APPOINTMENT = AppointmentOut(
    id=uuid.UUID("c3d4e5f6-a7b8-4c9d-8e1f-2a3b4c5d6e7f"),
    case_id=ex.CASE_ID,
    client_id=ex.CLIENT_ID,
    adviser_id=ex.ADVISER_ID,
    kind="phone",
    start=dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC),
    end=dt.datetime(2026, 12, 1, 11, 0, tzinfo=dt.UTC),
    status="booked",
    location="",
    sequence=0,
    cancel_reason=None,
    version=1,
)


def _appointment(**changes: Any) -> AppointmentOut:
    return AppointmentOut(**{**msgspec.structs.asdict(_APPOINTMENT), **changes})


_AVAILABILITY = AvailabilityOut(
    adviser_id=ex.ADVISER_ID,
    weekly_hours={
        day: [WindowIn(start=dt.time(9, 0), end=dt.time(13, 0))] for day in ("0", "1", "2")
    },
    leave=[LeaveIn(first_day=dt.date(2026, 12, 21), last_day=dt.date(2026, 12, 24))],
    timezone="Europe/London",
    version=2,
)
_FINDING = FindingOut(
    rule_id="FCA-CONC-8.3.2",
    severity="high",
    status="fail",
    message="Written advice not sent within 5 working days of the advice.",
    facts={"advice_given_on": "2026-11-18", "letter_sent_on": "none"},
    fix="Generate and send the advice summary letter.",
    due_on=dt.date(2026, 11, 25),
)
_COMPLIANCE = CaseComplianceOut(
    case_id=ex.CASE_ID,
    evaluated_at=ex.AT,
    stored=True,
    summary={"fail": 1, "not_applicable": 4, "not_assessable": 0, "pass": 12},
    findings=[_FINDING],
)
_REPORT = ReportOut(
    cases=18,
    by_adviser=[
        ReportRowOut(key=str(ex.ADVISER_ID), fail=1, not_assessable=2, passed=40, not_applicable=9)
    ],
    by_rule=[
        ReportRowOut(key="FCA-CONC-8.3.2", fail=1, not_assessable=0, passed=17, not_applicable=0)
    ],
    by_severity=[ReportRowOut(key="high", fail=1, not_assessable=0, passed=30, not_applicable=2)],
    qa_coverage=[QaCoverageOut(adviser_id=str(ex.ADVISER_ID), closed_cases=6, reviewed=3, quota=4)],
    items=[
        ReportFindingOut(
            case_id=ex.CASE_ID, adviser_id=ex.ADVISER_ID, evaluated_at=ex.AT, finding=_FINDING
        )
    ],
    total=1,
    limit=50,
    offset=0,
)
_SAMPLE = SampleOut(
    id=uuid.UUID("d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70"),
    seed="2026-Q4",
    quota=4,
    picks={str(ex.ADVISER_ID): [ex.CASE_ID]},
    drawn_at=ex.AT,
)
_REVIEW_ID = uuid.UUID("e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b")
_REVIEW = ReviewOut(
    id=_REVIEW_ID,
    case_id=ex.CASE_ID,
    adviser_id=ex.ADVISER_ID,
    reviewer_id=ex.MANAGER_ID,
    reviewed_on=ex.ON,
    percent=90,
    passed=True,
    actions="Record the income check in a note.",
)
_REVIEW_FULL = ReviewOutFull(
    **msgspec.structs.asdict(_REVIEW),
    answers={"budget_checked": "yes", "written_advice_sent": "yes"},
    created_at=ex.AT,
)
_POLICY = PolicyOut(
    written_advice_working_days=3,
    file_review_quota=4,
    file_review_period_months=3,
    retention_years=6,
    disposal_grace_days=30,
    complaint_final_response_days=56,
    dp_complaint_ack_days=30,
    vulnerability_review_tolerance_days=14,
    version=2,
    defaults=False,
)
_CLOSURE = ClosureOut(
    day=dt.date(2026, 12, 29), reason="Training", created_at=ex.AT, created_by=ex.MANAGER_ID
)
_REMINDER = ReminderOut(
    key=f"appointment:{_APPOINTMENT.id}:client:sms:24h",
    audience="client",
    channel="sms",
    recipient="07700 900123",
    subject_kind="appointment",
    subject_ref=str(_APPOINTMENT.id),
    send_at=dt.datetime(2026, 11, 30, 10, 0, tzinfo=dt.UTC),
    event_at=_APPOINTMENT.start,
    status="pending",
    attempts=0,
    sent_at=None,
    note=None,
)


class CaseClockController(Controller):
    path = "/api/v1/cases"
    tags = ["case clock"]

    @post(
        "/{case_id:uuid}/facts",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Record a dated fact; get the deadlines it starts",
        operation_class=with_example(
            FactOut(
                id=_FACT_ID,
                case_id=ex.CASE_ID,
                kind="court_claim_served",
                occurred_on=dt.date(2026, 11, 20),
                deadlines=[_DEADLINE],
            ),
            "A claim served",
        ),
        description="Each deadline states how it was counted (calendar/clear/business days, "
        "months) and its source. Obligations get a task for the case's adviser.",
    )
    async def record_fact(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            FactIn,
            Body(
                examples=[
                    Example(
                        summary="A county court claim was served",
                        value={"kind": "court_claim_served", "occurred_on": "2026-11-20"},
                    ),
                    Example(
                        summary="A statutory demand served abroad",
                        value={
                            "kind": "statutory_demand_served",
                            "occurred_on": "2026-11-20",
                            "details": {"served_outside_ew": True},
                        },
                    ),
                ]
            ),
        ],
        scheduling: SchedulingService,
    ) -> Response[FactOut]:
        fact, deadlines = await scheduling.record_fact(
            ctx,
            CaseId(case_id),
            RecordFact(kind=data.kind, occurred_on=data.occurred_on, details=data.details),
        )
        return Response(
            FactOut(
                id=fact.id,
                case_id=fact.case_id,
                kind=fact.kind.value,
                occurred_on=fact.occurred_on,
                deadlines=[DeadlineOut.of(d) for d in deadlines],
            ),
            status_code=201,
        )

    @get(
        "/{case_id:uuid}/deadlines",
        guards=[requires(Permission.CASE_READ)],
        summary="The case's deadlines, soonest first",
        operation_class=with_example(ex.page(_DEADLINE), "One open deadline"),
    )
    async def list_deadlines(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        scheduling: SchedulingService,
        limit: Limit = 50,
        offset: Offset = 0,
        status: DeadlineStatus | None = None,
    ) -> DeadlinePage:
        page = await scheduling.list_deadlines(
            ctx, CaseId(case_id), limit=limit, offset=offset, status=status
        )
        return DeadlinePage(
            items=[DeadlineOut.of(d) for d in page.items],
            total=page.total,
            limit=page.limit,
            offset=page.offset,
        )

    @post(
        "/{case_id:uuid}/deadlines/{deadline_id:uuid}/complete",
        guards=[requires(Permission.CASE_WRITE)],
        status_code=200,
        summary="Record that a deadline was met",
        operation_class=with_example(_DEADLINE_MET, "Met"),
    )
    async def complete_deadline(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        deadline_id: uuid.UUID,
        scheduling: SchedulingService,
    ) -> DeadlineOut:
        item = await scheduling.complete_deadline(ctx, CaseId(case_id), DeadlineId(deadline_id))
        return DeadlineOut.of(item)

    @get(
        "/{case_id:uuid}/compliance",
        guards=[requires(Permission.CASE_READ)],
        summary="The case's compliance findings",
        operation_class=with_example(_COMPLIANCE, "One failed rule"),
        description="Stored findings (re-evaluated by the worker on every change to the "
        "case). `not_assessable` means the system does not hold a fact the rule needs.",
    )
    async def case_compliance(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        compliance: ComplianceService,
    ) -> CaseComplianceOut:
        result = await compliance.case_compliance(ctx, CaseId(case_id))
        summary = {s.value: 0 for s in Status}
        for f in result.findings:
            summary[f.status.value] += 1
        return CaseComplianceOut(
            case_id=result.case_id,
            evaluated_at=result.evaluated_at,
            stored=result.stored,
            summary=summary,
            findings=[FindingOut.of(f) for f in result.findings],
        )


class AppointmentController(Controller):
    path = "/api/v1/appointments"
    tags = ["appointments"]

    @post(
        "/",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Book an appointment",
        operation_class=with_example(_APPOINTMENT, "A phone appointment"),
        description="409 `double-booking` if the adviser already has a booked appointment "
        "overlapping the slot; 422 `adviser-unavailable` outside their hours or on leave.",
    )
    async def book(
        self,
        ctx: TenantContext,
        data: Annotated[
            AppointmentIn,
            Body(
                examples=[
                    Example(
                        summary="A phone appointment",
                        value={
                            "case_id": "0b8e6a2c-4d8f-4f7e-9a57-1c2d3e4f5a6b",
                            "kind": "phone",
                            "start": "2026-12-01T10:00:00Z",
                            "end": "2026-12-01T11:00:00Z",
                        },
                    )
                ]
            ),
        ],
        scheduling: SchedulingService,
    ) -> Response[AppointmentOut]:
        stored = await scheduling.book(
            ctx,
            BookAppointment(
                case_id=CaseId(data.case_id),
                kind=data.kind,
                start=_aware(data.start, "start") or data.start,
                end=_aware(data.end, "end") or data.end,
                adviser_id=UserId(data.adviser_id) if data.adviser_id else None,
                location=data.location,
            ),
        )
        return Response(
            AppointmentOut.of(stored),
            status_code=201,
            headers={**etag(stored.version), "Location": f"/api/v1/appointments/{stored.id}"},
        )

    @get(
        "/",
        guards=[requires(Permission.CASE_READ)],
        summary="The calendar: the centre's appointments or one adviser's",
        operation_class=with_example(ex.page(_APPOINTMENT), "One appointment"),
        description="Earliest first. `from` inclusive, `to` exclusive (by start).",
    )
    async def list_appointments(
        self,
        ctx: TenantContext,
        scheduling: SchedulingService,
        limit: Limit = 50,
        offset: Offset = 0,
        adviser_id: Annotated[str | None, Parameter(description='A user id, or "me".')] = None,
        case_id: uuid.UUID | None = None,
        start_from: Annotated[dt.datetime | None, Parameter(query="from")] = None,
        start_to: Annotated[dt.datetime | None, Parameter(query="to")] = None,
    ) -> AppointmentPage:
        page = await scheduling.list_appointments(
            ctx,
            limit=limit,
            offset=offset,
            adviser_id=user_or_me(ctx, adviser_id, "adviser_id"),
            case_id=CaseId(case_id) if case_id else None,
            start_from=_aware(start_from, "from"),
            start_to=_aware(start_to, "to"),
        )
        return AppointmentPage(
            items=[AppointmentOut.of(s) for s in page.items],
            total=page.total,
            limit=page.limit,
            offset=page.offset,
        )

    @get(
        "/{appointment_id:uuid}",
        guards=[requires(Permission.CASE_READ)],
        summary="An appointment",
        operation_class=with_example(_APPOINTMENT, "Booked"),
    )
    async def get_appointment(
        self,
        ctx: TenantContext,
        appointment_id: uuid.UUID,
        scheduling: SchedulingService,
    ) -> Response[AppointmentOut]:
        stored = await scheduling.get_appointment(ctx, AppointmentId(appointment_id))
        return Response(AppointmentOut.of(stored), headers=etag(stored.version))

    @patch(
        "/{appointment_id:uuid}",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Reschedule an appointment",
        operation_class=with_example(
            _appointment(
                start=dt.datetime(2026, 12, 1, 14, 0, tzinfo=dt.UTC),
                end=dt.datetime(2026, 12, 1, 15, 0, tzinfo=dt.UTC),
                sequence=1,
                version=2,
            ),
            "Moved to the afternoon",
        ),
        description="Send `If-Match` with the ETag you read; 412 if it changed since, 428 "
        "without it; 409 if the new slot clashes.",
    )
    async def reschedule(
        self,
        ctx: TenantContext,
        appointment_id: uuid.UUID,
        data: Annotated[
            ReschedulePatch,
            Body(
                examples=[
                    Example(
                        summary="Move to the afternoon",
                        value={"start": "2026-12-01T14:00:00Z", "end": "2026-12-01T15:00:00Z"},
                    )
                ]
            ),
        ],
        scheduling: SchedulingService,
        if_match: IfMatch = None,
    ) -> Response[AppointmentOut]:
        expected = parse_if_match(if_match, required=True)
        stored = await scheduling.reschedule(
            ctx,
            AppointmentId(appointment_id),
            _aware(data.start, "start") or data.start,
            _aware(data.end, "end") or data.end,
            expected_version=expected,
        )
        return Response(AppointmentOut.of(stored), headers=etag(stored.version))

    @post(
        "/{appointment_id:uuid}/cancel",
        guards=[requires(Permission.CASE_WRITE)],
        status_code=200,
        summary="Cancel an appointment",
        operation_class=with_example(
            _appointment(
                status="cancelled", cancel_reason="client is unwell", sequence=1, version=2
            ),
            "Client asked",
        ),
        description="`If-Match` is checked when sent.",
    )
    async def cancel(
        self,
        ctx: TenantContext,
        appointment_id: uuid.UUID,
        data: Annotated[
            CancelIn,
            Body(examples=[Example(summary="Client asked", value={"reason": "client is unwell"})]),
        ],
        scheduling: SchedulingService,
        if_match: IfMatch = None,
    ) -> Response[AppointmentOut]:
        stored = await scheduling.cancel(
            ctx,
            AppointmentId(appointment_id),
            data.reason,
            expected_version=parse_if_match(if_match, required=False),
        )
        return Response(AppointmentOut.of(stored), headers=etag(stored.version))

    @post(
        "/{appointment_id:uuid}/complete",
        guards=[requires(Permission.CASE_WRITE)],
        status_code=200,
        summary="Record that an appointment took place",
        operation_class=with_example(_appointment(status="completed", version=2), "Took place"),
        description="Only a booked appointment that has started. `If-Match` is checked when sent.",
    )
    async def complete(
        self,
        ctx: TenantContext,
        appointment_id: uuid.UUID,
        scheduling: SchedulingService,
        if_match: IfMatch = None,
    ) -> Response[AppointmentOut]:
        stored = await scheduling.complete(
            ctx,
            AppointmentId(appointment_id),
            expected_version=parse_if_match(if_match, required=False),
        )
        return Response(AppointmentOut.of(stored), headers=etag(stored.version))

    @post(
        "/{appointment_id:uuid}/no-show",
        guards=[requires(Permission.CASE_WRITE)],
        status_code=200,
        summary="Record that the client did not come",
        operation_class=with_example(_appointment(status="no_show", version=2), "No show"),
        description="Only a booked appointment that has started. `If-Match` is checked when sent.",
    )
    async def no_show(
        self,
        ctx: TenantContext,
        appointment_id: uuid.UUID,
        scheduling: SchedulingService,
        if_match: IfMatch = None,
    ) -> Response[AppointmentOut]:
        stored = await scheduling.no_show(
            ctx,
            AppointmentId(appointment_id),
            expected_version=parse_if_match(if_match, required=False),
        )
        return Response(AppointmentOut.of(stored), headers=etag(stored.version))


class AdviserController(Controller):
    path = "/api/v1/advisers"
    tags = ["appointments"]

    @get(
        "/{user_id:uuid}/availability",
        guards=[requires(Permission.CASE_READ)],
        summary="An adviser's working hours and leave",
        operation_class=with_example(_AVAILABILITY, "Mornings, a week off"),
    )
    async def get_availability(
        self, ctx: TenantContext, user_id: uuid.UUID, scheduling: SchedulingService
    ) -> Response[AvailabilityOut]:
        stored = await scheduling.get_availability(ctx, UserId(user_id))
        return Response(AvailabilityOut.of(stored), headers=etag(stored.version))

    @put(
        "/{user_id:uuid}/availability",
        guards=[requires(Permission.CASE_READ)],
        summary="Set an adviser's working hours and leave",
        operation_class=with_example(_AVAILABILITY, "Mornings, a week off"),
        description="Weekdays are 0 (Monday) to 6. Advisers set their own; supervisors "
        "anyone's. Replacing existing availability needs `If-Match`.",
    )
    async def put_availability(
        self,
        ctx: TenantContext,
        user_id: uuid.UUID,
        data: Annotated[
            AvailabilityIn,
            Body(
                examples=[
                    Example(
                        summary="Mornings Monday to Wednesday, a week off",
                        value={
                            "weekly_hours": {
                                "0": [{"start": "09:00", "end": "13:00"}],
                                "1": [{"start": "09:00", "end": "13:00"}],
                                "2": [{"start": "09:00", "end": "13:00"}],
                            },
                            "leave": [{"first_day": "2026-12-21", "last_day": "2026-12-31"}],
                        },
                    )
                ]
            ),
        ],
        scheduling: SchedulingService,
        if_match: IfMatch = None,
    ) -> Response[AvailabilityOut]:
        hours: dict[int, list[tuple[dt.time, dt.time]]] = {}
        for key, windows in data.weekly_hours.items():
            if not key.isdigit():
                raise ValidationError("weekly_hours", "keys are weekdays 0 (Monday) to 6")
            hours[int(key)] = [(w.start, w.end) for w in windows]
        stored = await scheduling.set_availability(
            ctx,
            UserId(user_id),
            SetAvailability(
                weekly_hours=hours,
                leave=[(p.first_day, p.last_day) for p in data.leave],
                timezone=data.timezone,
            ),
            expected_version=parse_if_match(if_match, required=False),
        )
        return Response(AvailabilityOut.of(stored), headers=etag(stored.version))

    @get(
        "/{user_id:uuid}/calendar.ics",
        guards=[requires(Permission.CASE_READ)],
        summary="An adviser's appointments as an iCalendar feed",
        media_type="text/calendar",
    )
    async def calendar_feed(
        self, ctx: TenantContext, user_id: uuid.UUID, scheduling: SchedulingService
    ) -> Response[str]:
        body = await scheduling.adviser_calendar(ctx, UserId(user_id))
        return Response(
            body,
            media_type="text/calendar; charset=utf-8",
            headers={"Content-Disposition": f'inline; filename="adviser-{user_id}.ics"'},
        )


class ConsentController(Controller):
    path = "/api/v1/clients"
    tags = ["clients"]

    @put(
        "/{client_id:uuid}/contact-consent",
        guards=[requires(Permission.CLIENT_WRITE)],
        summary="Record the client's consent to reminders per channel",
        operation_class=with_example(
            ConsentOut(client_id=ex.CLIENT_ID, email=False, sms=True, recorded_at=ex.AT),
            "Texts yes, email no",
        ),
        description="`null` means not asked, which is treated as no.",
    )
    async def put_consent(
        self,
        ctx: TenantContext,
        client_id: uuid.UUID,
        data: Annotated[
            ConsentIn,
            Body(
                examples=[
                    Example(summary="Texts yes, email no", value={"sms": True, "email": False})
                ]
            ),
        ],
        scheduling: SchedulingService,
    ) -> ConsentOut:
        stored = await scheduling.record_consent(
            ctx, ClientId(client_id), email=data.email, sms=data.sms
        )
        return ConsentOut(
            client_id=stored.consent.client_id,
            email=stored.consent.email,
            sms=stored.consent.sms,
            recorded_at=stored.recorded_at,
        )


class ComplianceController(Controller):
    path = "/api/v1"
    tags = ["compliance"]

    @get(
        "/compliance/report",
        guards=[requires(Permission.CASE_READ_ALL)],
        summary="The centre's compliance report",
        operation_class=with_example(_REPORT, "One failure"),
        description="Counts by adviser, rule and severity over the stored findings, QA "
        "coverage per adviser, and the findings with `status` (default `fail`), most "
        "severe first, paged.",
    )
    async def report(
        self,
        ctx: TenantContext,
        compliance: ComplianceService,
        limit: Limit = 50,
        offset: Offset = 0,
        adviser_id: Annotated[str | None, Parameter(description='A user id, or "me".')] = None,
        rule_id: Annotated[str | None, Parameter(max_length=16)] = None,
        severity: Severity | None = None,
        status: Status | None = None,
    ) -> ReportOut:
        report = await compliance.report(
            ctx,
            adviser_id=user_or_me(ctx, adviser_id, "adviser_id"),
            rule_id=rule_id,
            severity=severity,
            status=status,
            limit=limit,
            offset=offset,
        )

        def rows(items: Any) -> list[ReportRowOut]:
            return [
                ReportRowOut(
                    key=r.key,
                    fail=r.fail,
                    not_assessable=r.not_assessable,
                    passed=r.passed,
                    not_applicable=r.not_applicable,
                )
                for r in items
            ]

        return ReportOut(
            cases=report.cases,
            by_adviser=rows(report.by_adviser),
            by_rule=rows(report.by_rule),
            by_severity=rows(report.by_severity),
            qa_coverage=[
                QaCoverageOut(
                    adviser_id=q.adviser_id,
                    closed_cases=q.closed_cases,
                    reviewed=q.reviewed,
                    quota=q.quota,
                )
                for q in report.qa
            ],
            items=[ReportFindingOut.of(s) for s in report.failures.items],
            total=report.failures.total,
            limit=report.failures.limit,
            offset=report.failures.offset,
        )

    @post(
        "/qa/samples",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="Draw a reproducible sample of closed cases per adviser",
        operation_class=with_example(_SAMPLE, "Quarterly sample"),
        description="The same seed over the same closed cases draws the same sample.",
    )
    async def sample(
        self,
        ctx: TenantContext,
        data: Annotated[
            SampleIn,
            Body(examples=[Example(summary="Quarterly sample", value={"seed": "2026-Q4"})]),
        ],
        compliance: ComplianceService,
    ) -> Response[SampleOut]:
        sample = await compliance.draw_sample(ctx, seed=data.seed, quota=data.quota)
        return Response(SampleOut.of(sample), status_code=201)

    @post(
        "/qa/reviews",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="Score a closed case against the rules checklist",
        operation_class=with_example(_REVIEW, "Passed"),
    )
    async def review(
        self,
        ctx: TenantContext,
        data: Annotated[
            ReviewIn,
            Body(
                examples=[
                    Example(
                        summary="Two items checked",
                        value={
                            "case_id": "0b8e6a2c-4d8f-4f7e-9a57-1c2d3e4f5a6b",
                            "answers": {"CR-01": "met", "CR-18": "not_met"},
                            "actions": "Send the written advice letter.",
                        },
                    )
                ]
            ),
        ],
        compliance: ComplianceService,
    ) -> Response[ReviewOut]:
        review = await compliance.record_review(
            ctx, CaseId(data.case_id), data.answers, data.actions
        )
        return Response(ReviewOut.of(review), status_code=201)

    @get(
        "/qa/samples",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="The centre's QA samples",
        operation_class=with_example(ex.page(_SAMPLE), "One sample"),
        description="Newest first.",
    )
    async def list_samples(
        self,
        ctx: TenantContext,
        compliance: ComplianceService,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> SamplePage:
        page = await compliance.list_samples(ctx, limit=limit, offset=offset)
        return SamplePage(
            items=[SampleOut.of(x) for x in page.items],
            total=page.total,
            limit=page.limit,
            offset=page.offset,
        )

    @get(
        "/qa/samples/{sample_id:uuid}",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="One QA sample",
        operation_class=with_example(_SAMPLE, "Quarterly sample"),
    )
    async def get_sample(
        self, ctx: TenantContext, sample_id: uuid.UUID, compliance: ComplianceService
    ) -> SampleOut:
        return SampleOut.of(await compliance.get_sample(ctx, QaSampleId(sample_id)))

    @get(
        "/qa/reviews",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="The centre's file reviews",
        operation_class=with_example(ex.page(_REVIEW_FULL), "One review"),
        description="Oldest first; `case_id` narrows to one case.",
    )
    async def list_reviews(
        self,
        ctx: TenantContext,
        compliance: ComplianceService,
        limit: Limit = 50,
        offset: Offset = 0,
        case_id: uuid.UUID | None = None,
    ) -> ReviewPage:
        page = await compliance.list_reviews(
            ctx,
            case_id=CaseId(case_id) if case_id else None,
            limit=limit,
            offset=offset,
        )
        return ReviewPage(
            items=[ReviewOutFull.of(r) for r in page.items],
            total=page.total,
            limit=page.limit,
            offset=page.offset,
        )


class PolicyController(Controller):
    path = "/api/v1/compliance/policy"
    tags = ["compliance"]

    @get(
        "/",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="The centre's compliance policy",
        operation_class=with_example(_POLICY, "Set by the centre"),
        description="The values the rules use for this centre; `defaults` while none are set "
        '(ETag `"0"`).',
    )
    async def get_policy(
        self, ctx: TenantContext, compliance: ComplianceService
    ) -> Response[PolicyOut]:
        policy, version = await compliance.get_policy(ctx)
        return Response(PolicyOut.of(policy, version), headers=etag(version))

    @put(
        "/",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="Set the centre's compliance policy",
        operation_class=with_example(_POLICY, "Saved"),
        description='Centre admins and supervisors. `If-Match` is required (`"0"` for the '
        "first policy). Values left out take their default. Stored findings are re-evaluated "
        "on each case's next change, or at once with `cma compliance check`.",
    )
    async def put_policy(
        self,
        ctx: TenantContext,
        data: Annotated[
            PolicyIn,
            Body(
                examples=[
                    Example(
                        summary="Written advice within 3 working days, 4 file reviews",
                        value={"written_advice_working_days": 3, "file_review_quota": 4},
                    )
                ]
            ),
        ],
        compliance: ComplianceService,
        if_match: IfMatch = None,
    ) -> Response[PolicyOut]:
        expected = parse_if_match(if_match, required=True)
        values = {name: getattr(data, name) for name in POLICY_FIELDS}
        stored = await compliance.set_policy(
            ctx,
            {k: v for k, v in values.items() if v is not None},
            expected_version=expected,
        )
        return Response(PolicyOut.of(stored.policy, stored.version), headers=etag(stored.version))


class CalendarController(Controller):
    path = "/api/v1/calendar/closures"
    tags = ["appointments"]

    @post(
        "/",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="Close the centre on a day",
        operation_class=with_example(_CLOSURE, "Staff training"),
        description="The day stops being a working day for this centre: deadlines counted "
        "in working days and bookings skip it from now on. 409 if already closed.",
    )
    async def add(
        self,
        ctx: TenantContext,
        data: Annotated[
            ClosureIn,
            Body(
                examples=[
                    Example(
                        summary="Staff training", value={"day": "2026-12-29", "reason": "Training"}
                    )
                ]
            ),
        ],
        scheduling: SchedulingService,
    ) -> Response[ClosureOut]:
        closure = await scheduling.add_closure(ctx, data.day, data.reason)
        return Response(
            ClosureOut.of(closure),
            status_code=201,
            headers={"Location": f"/api/v1/calendar/closures/{closure.day.isoformat()}"},
        )

    @get(
        "/",
        guards=[requires(Permission.CASE_READ)],
        summary="The centre's closure days",
        operation_class=with_example([_CLOSURE], "One closure"),
        description="In date order; `from` and `to` inclusive.",
    )
    async def list_closures(
        self,
        ctx: TenantContext,
        scheduling: SchedulingService,
        start: Annotated[dt.date | None, Parameter(query="from")] = None,
        end: Annotated[dt.date | None, Parameter(query="to")] = None,
    ) -> list[ClosureOut]:
        items = await scheduling.list_closures(ctx, start=start, end=end)
        return [ClosureOut.of(c) for c in items]

    @delete(
        "/{day:date}",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="Reopen a closed day",
        status_code=204,
    )
    async def remove(self, ctx: TenantContext, day: dt.date, scheduling: SchedulingService) -> None:
        await scheduling.remove_closure(ctx, day)


class ReminderController(Controller):
    path = "/api/v1/reminders"
    tags = ["case clock"]

    @get(
        "/",
        guards=[requires(Permission.CASE_READ_ALL)],
        summary="Reminders the scheduler planned and sent",
        operation_class=with_example(ex.page(_REMINDER), "One planned text"),
        description="Every reminder of the centre, oldest `send_at` first: pending, sent, "
        "or skipped (with the reason, e.g. no address on file).",
    )
    async def list_reminders(
        self,
        ctx: TenantContext,
        scheduling: SchedulingService,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> ReminderPage:
        page = await scheduling.list_reminders(ctx, limit=limit, offset=offset)
        return ReminderPage(
            items=[ReminderOut.of(r) for r in page.items],
            total=page.total,
            limit=page.limit,
            offset=page.offset,
        )


SCHEDULING_CONTROLLERS = (
    CaseClockController,
    AppointmentController,
    AdviserController,
    ConsentController,
    ComplianceController,
    PolicyController,
    CalendarController,
    ReminderController,
)
