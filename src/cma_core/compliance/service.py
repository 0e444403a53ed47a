"""Compliance as use cases: build the case file, evaluate, store findings, report, QA.

The worker re-evaluates a case whenever an event that changes it arrives (``handlers()``);
the case page and the centre report read the stored findings without recomputing.

**What the case file holds today.** The case (adviser, closure), its tasks and the case
clock (deadlines as dated threats); with the advice area's repositories (``advice``), also
its debts, budget (SFS), options appraisal, recommendation, offers and advice letter (see
``compliance.inputs``); with the casework repositories (``casework``), the contact log,
first-contact checklist, screenings, credit reports and eligibility decisions (see
``compliance.records`` and docs/compliance-inputs.md). Breathing space records,
settlements and complaints (``casework.registers``), the adviser's QA file reviews and,
through ``privacy``, the client's data-subject requests and legal holds also feed the
file. Breathing space records are not held yet: that section stays ``None`` and the rules
that need it say ``not_assessable`` - never a pass.

A closed case's retention date (CR-22) is its closing date plus the centre's
``retention_years``: the date the retention run (``privacy.retention``) deletes it on,
unless a legal hold covers it.

Besides CR-01 … CR-24 one case-clock rule is added here, **CC-01** (critical): no
deadline on the case passed while still open. CR-04 checks a task exists *before* each
threat; CC-01 catches the threat date itself going by. With the advice area, **DB-01**
(``compliance.deficit``) flags a budget in deficit with the options to advise on.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import TypeVar, cast
from weakref import WeakKeyDictionary
from zoneinfo import ZoneInfo

import attrs
from attrs import define, field, frozen

from cma_core.advice.model import AdviceRecorded, LetterSent
from cma_core.audit.service import commit_audited
from cma_core.budgets.model import BudgetChanged, OffersPlanned
from cma_core.cases.model import (
    AdviserAssigned,
    Case,
    CaseClosed,
    CaseNoteAdded,
    CaseOpened,
    CaseReopened,
    CaseStatus,
)
from cma_core.cases.ports import CaseRepository
from cma_core.cases.service import case_scope
from cma_core.casework.model import CaseworkChanged
from cma_core.compliance.casefile import CaseFile, Closure, TaskSummary, Threat, ThreatKind
from cma_core.compliance.deficit import DEFICIT_RULE_ID, deficit_finding
from cma_core.compliance.history import (
    ComplianceHistory,
    Interval,
    outcome_changes,
    pass_rates,
    periods,
)
from cma_core.compliance.inputs import UNRECORDABLE, advice_sections, soften, unrecordable
from cma_core.compliance.model import (
    CompliancePolicy,
    FileReviewRecorded,
    Finding,
    Severity,
    Status,
)
from cma_core.compliance.ports import (
    POLICY_FIELDS,
    CaseFileSources,
    CaseReadAhead,
    FindingHistoryRepository,
    FindingOutcome,
    FindingRepository,
    PolicyRepository,
    PrivacyRecords,
    QaRepository,
    QaReview,
    QaReviewId,
    QaSample,
    QaSampleId,
    StaffStarts,
    StoredFinding,
    StoredPolicy,
    policy_from,
)
from cma_core.compliance.qa import (
    Answer,
    checklist_from_rules,
    sample_closed_cases,
    score_checklist,
)
from cma_core.compliance.records import (
    CaseworkSources,
    file_reviews,
    register_sections,
    with_casework,
)
from cma_core.compliance.registry import RULES, evaluate
from cma_core.debts.model import DebtAdded, DebtRemoved, DebtUpdated, FactsChanged
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.reference.centre import effective_jurisdiction
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.periods import add_years
from cma_core.reference.ports import CentreProfileRepository, ReferenceLoaded
from cma_core.scheduling.deadlines import DeadlineKind
from cma_core.scheduling.ports import (
    ClosureRepository,
    DeadlinePassed,
    DeadlineRepository,
    DeadlineStatus,
    FactRecorded,
    FactWithdrawn,
    HolidayProvider,
    TrackedDeadline,
)
from cma_core.scheduling.service import (
    SchedulingConfig,
    case_jurisdiction,
    centre_calendar,
    local_date,
)
from cma_core.shared.clock import Clock
from cma_core.shared.errors import NotFound, ValidationError
from cma_core.shared.events import DomainEvent, EventEnvelope
from cma_core.shared.handlers import Handles, case_of, handles
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.paging import each_page, every_item
from cma_core.shared.service import IdFactory, check_page, check_version
from cma_core.shared.text import check_line
from cma_core.shared.uow import Page, RepositoryFactory, UnitOfWork, UnitOfWorkFactory
from cma_core.solutions.model import AppraisalSaved
from cma_core.tasks.model import TaskChanged, TaskStatus
from cma_core.tasks.ports import TaskRepository

Handler = Callable[[UnitOfWork, EventEnvelope], Awaitable[None]]

#: Events after which a case's findings are re-evaluated (the debts, budget, advice and
#: letter events come from the advice area).
REEVALUATE_ON: tuple[type[DomainEvent], ...] = (
    CaseOpened,
    CaseNoteAdded,
    CaseClosed,
    CaseReopened,
    AdviserAssigned,
    DebtAdded,
    DebtUpdated,
    DebtRemoved,
    BudgetChanged,
    AdviceRecorded,
    LetterSent,
    DeadlinePassed,
    FactRecorded,
    FactWithdrawn,
    FactsChanged,
    OffersPlanned,
    AppraisalSaved,
    CaseworkChanged,
    TaskChanged,  # CR-04 reads the tasks: created, completed, cancelled, reopened
    ReferenceLoaded,  # no case: every open case of the centre (CR-08 guidelines)
)

CLOCK_RULE_ID = "CC-01"
CLOCK_RULE_TITLE = "No case deadline passed while open"
CLOCK_RULE_SOURCE = "UK-DEBT-ADVICE §5; PRIN 2A (Consumer Duty, avoid foreseeable harm)"

_THREAT_KIND = {
    DeadlineKind.CLAIM_RESPONSE: ThreatKind.REPLY_FORM,
    DeadlineKind.DEFENCE: ThreatKind.HEARING,
    DeadlineKind.LETTER_OF_CLAIM_REPLY: ThreatKind.REPLY_FORM,
    DeadlineKind.STATUTORY_DEMAND_SET_ASIDE: ThreatKind.STATUTORY_DEMAND,
    DeadlineKind.STATUTORY_DEMAND_COMPLY: ThreatKind.STATUTORY_DEMAND,
    DeadlineKind.ENFORCEMENT_EARLIEST_VISIT: ThreatKind.ENFORCEMENT_VISIT,
    DeadlineKind.PETITION_HEARING: ThreatKind.HEARING,
}


#: Deadlines that are no threat to the client: a date to know, or one whose event was
#: withdrawn as recorded in error.
_NOT_THREATS = frozenset({DeadlineStatus.INFO, DeadlineStatus.WITHDRAWN})


def clock_finding(deadlines: Iterable[TrackedDeadline], today: dt.date) -> Finding:
    """CC-01 over the case's tracked deadlines."""
    tracked = [d for d in deadlines if d.status not in _NOT_THREATS]
    missed = [
        d
        for d in tracked
        if d.status is DeadlineStatus.MISSED
        or (d.status is DeadlineStatus.OPEN and d.deadline.due < today)
    ]
    facts = (
        (
            "deadlines",
            ", ".join(f"{d.deadline.kind}:{d.deadline.due}:{d.status}" for d in tracked) or "none",
        ),
        ("today", today.isoformat()),
    )
    if not tracked:
        return Finding(
            rule_id=CLOCK_RULE_ID,
            severity=Severity.CRITICAL,
            status=Status.NOT_APPLICABLE,
            message="No dated deadlines are recorded on the case.",
            facts=facts,
        )
    if missed:
        worst = min(missed, key=lambda d: d.deadline.due)
        return Finding(
            rule_id=CLOCK_RULE_ID,
            severity=Severity.CRITICAL,
            status=Status.FAIL,
            message=f"{len(missed)} deadline(s) passed while open, the first the "
            f"{worst.deadline.kind} due {worst.deadline.due:%d %b %Y} ({worst.deadline.rule}).",
            facts=facts,
            fix="Act now (late filing, application for relief, contact the creditor or court) "
            "and record the outcome; the supervisor has been alerted.",
        )
    upcoming = [d for d in tracked if d.status is DeadlineStatus.OPEN]
    return Finding(
        rule_id=CLOCK_RULE_ID,
        severity=Severity.CRITICAL,
        status=Status.PASS,
        message="No deadline has passed while open.",
        facts=facts,
        due_on=min((d.deadline.due for d in upcoming), default=None),
    )


def build_casefile(
    case: Case,
    tasks: Sequence[object],
    deadlines: Sequence[TrackedDeadline],
    retention_years: int | None = None,
) -> CaseFile:
    """What the system holds about the case, in the rules' shapes; the rest stays None.
    ``retention_years`` (the centre's policy) dates a closed case's retention."""
    from cma_core.tasks.model import Task

    task_of = {d.task_id: d for d in deadlines if d.task_id is not None}
    summaries = []
    for t in tasks:
        assert isinstance(t, Task)
        if t.status is TaskStatus.CANCELLED:
            continue  # a cancelled task covers no threat (CR-04)
        linked = task_of.get(t.id)
        summaries.append(
            TaskSummary(
                id=str(t.id),
                due=local_date(t.due_at) if t.due_at else None,
                threat_id=str(linked.id) if linked else None,
                done=t.status is TaskStatus.DONE,
            )
        )
    threats = tuple(
        Threat(
            id=str(d.id),
            kind=_THREAT_KIND.get(d.deadline.kind, ThreatKind.OTHER),
            deadline=d.deadline.due,
            description=d.deadline.rule,
        )
        for d in deadlines
        if d.status not in _NOT_THREATS
    )
    closure = None
    if case.status is CaseStatus.CLOSED:
        closed_on = local_date(case.closed_at) if case.closed_at else None
        closure = Closure(
            closed_on=closed_on,
            retain_until=(
                add_years(closed_on, retention_years)
                if closed_on is not None and retention_years is not None
                else None
            ),
        )
    return CaseFile(
        case_id=case.id,
        adviser_id=case.adviser_id,
        threats=threats,
        tasks=tuple(summaries),
        closure=closure,
        # The solutions/advice areas are not readable here yet: say so, never pass.
        recommendation_known=False,
    )


@frozen(kw_only=True)
class CaseCompliance:
    case_id: CaseId
    evaluated_at: dt.datetime | None
    findings: tuple[Finding, ...]
    stored: bool


@frozen(kw_only=True)
class ReportRow:
    key: str
    fail: int
    not_assessable: int
    passed: int
    not_applicable: int


@frozen(kw_only=True)
class QaCoverage:
    adviser_id: str
    closed_cases: int
    reviewed: int
    quota: int


@frozen(kw_only=True)
class ComplianceReport:
    cases: int
    by_adviser: tuple[ReportRow, ...]
    by_rule: tuple[ReportRow, ...]
    by_severity: tuple[ReportRow, ...]
    failures: Page[StoredFinding]
    qa: tuple[QaCoverage, ...]


def _rows(
    findings: Iterable[StoredFinding], key: Callable[[StoredFinding], str]
) -> tuple[ReportRow, ...]:
    counts: dict[str, Counter[Status]] = {}
    for f in findings:
        counts.setdefault(key(f), Counter())[f.finding.status] += 1
    return tuple(
        ReportRow(
            key=k,
            fail=c[Status.FAIL],
            not_assessable=c[Status.NOT_ASSESSABLE],
            passed=c[Status.PASS],
            not_applicable=c[Status.NOT_APPLICABLE],
        )
        for k, c in sorted(counts.items())
    )


_T = TypeVar("_T")


@define
class ComplianceService:
    uow: UnitOfWorkFactory
    clock: Clock
    holidays: HolidayProvider
    config: SchedulingConfig = field(factory=SchedulingConfig)
    policy_for: Callable[[CentreId], CompliancePolicy] = field(
        default=lambda _centre: CompliancePolicy()
    )
    new_id: IdFactory = field(default=uuid.uuid4)
    cases: RepositoryFactory[CaseRepository] = field(kw_only=True)
    tasks: RepositoryFactory[TaskRepository] = field(kw_only=True)
    deadlines: RepositoryFactory[DeadlineRepository] = field(kw_only=True)
    closures: RepositoryFactory[ClosureRepository] = field(kw_only=True)
    findings: RepositoryFactory[FindingRepository] = field(kw_only=True)
    qa: RepositoryFactory[QaRepository] = field(kw_only=True)
    policies: RepositoryFactory[PolicyRepository] = field(kw_only=True)
    #: The debt-advice area's repositories; without them debts, budget, advice and letters
    #: stay out of the case file and their rules say ``not_assessable``.
    advice: CaseFileSources | None = None
    #: The centre's profile, for its jurisdiction (the case's facts win): working-day rules
    #: count in that jurisdiction's bank holidays, else the deployment's.
    centre_profiles: RepositoryFactory[CentreProfileRepository] | None = field(
        default=None, kw_only=True
    )
    #: The casework records (contact log, checklist, screenings, credit reports,
    #: eligibility); without them CR-01 … CR-03 say ``not_assessable``.
    casework: CaseworkSources | None = None
    #: The privacy area's registers (data-subject requests, legal holds); without them
    #: CR-23 says ``not_assessable`` and no legal hold is seen.
    privacy: PrivacyRecords | None = field(default=None, kw_only=True)
    #: The day an adviser started (CR-21 does not judge a period they were not there for
    #: the whole of); without it every period is judged.
    staff_starts: RepositoryFactory[StaffStarts] | None = field(default=None, kw_only=True)
    #: Where each re-evaluation's changed outcomes are kept (pass rates over time); without
    #: it no history is kept and ``report_history`` answers empty periods.
    finding_history: RepositoryFactory[FindingHistoryRepository] | None = field(
        default=None, kw_only=True
    )
    #: Reads the case's registers in one go before the case file is built (a few
    #: statements per case, not one per register); without it each is read on its own.
    read_ahead: CaseReadAhead | None = field(default=None, kw_only=True)

    # ----------------------------------------------------------------- policy

    #: Per unit of work, what ``_once`` has read (dropped with the unit of work).
    _memo: WeakKeyDictionary[UnitOfWork, dict[tuple[object, ...], object]] = field(
        factory=WeakKeyDictionary, init=False, repr=False
    )

    async def policy_in(self, uow: UnitOfWork) -> CompliancePolicy:
        """The centre's stored policy, else the deployment's defaults."""
        stored = await self.policies(uow).get()
        return stored.policy if stored else self.policy_for(uow.centre_id)

    async def get_policy(self, ctx: TenantContext) -> tuple[CompliancePolicy, int]:
        """The policy in force and its version (0 while the centre uses the defaults)."""
        ctx.require(Permission.CASE_ASSIGN)
        async with self.uow(ctx.centre_id) as uow:
            stored = await self.policies(uow).get()
        if stored is None:
            return self.policy_for(ctx.centre_id), 0
        return stored.policy, stored.version

    async def set_policy(
        self, ctx: TenantContext, values: Mapping[str, int], *, expected_version: int | None
    ) -> StoredPolicy:
        """Replace the centre's policy values (those not given keep their default).

        ``expected_version`` (``If-Match``) is required once a policy is stored; the first
        write may send 0 or nothing. Findings are re-evaluated on each case's next event or
        by ``cma compliance check``."""
        ctx.require(Permission.CASE_ASSIGN)
        unknown = sorted(set(values) - set(POLICY_FIELDS))
        if unknown:
            raise ValidationError(unknown[0], "is not a policy setting")
        policy = policy_from(values, self.policy_for(ctx.centre_id))
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            current = await self.policies(uow).get()
            actual = current.version if current else 0
            if current is not None or expected_version is not None:
                check_version("compliance policy", expected_version, actual)
            stored = StoredPolicy(
                centre_id=ctx.centre_id,
                policy=policy,
                version=actual + 1,
                updated_at=now,
                updated_by=ctx.user_id,
            )
            await self.policies(uow).put(stored, actual)
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "compliance.policy_set",
                "centre",
                ctx.centre_id,
                now,
                tuple(sorted(values)),
            )
        return stored

    # ----------------------------------------------------------------- evaluation

    async def evaluate_in(self, uow: UnitOfWork, case_id: CaseId) -> list[Finding] | None:
        """Evaluate and store the case's findings in ``uow``'s transaction (not committed).
        ``None`` if the case does not exist in the centre."""
        if self.read_ahead is None:
            return await self._evaluate_in(uow, case_id)
        async with self.read_ahead.case(uow, case_id):
            return await self._evaluate_in(uow, case_id)

    async def _evaluate_in(self, uow: UnitOfWork, case_id: CaseId) -> list[Finding] | None:
        case = await self.cases(uow).get(case_id)
        if case is None:
            return None
        # Every page: a rule about a case's tasks or deadlines sees all of them.
        tasks = await every_item(
            lambda limit, offset: self.tasks(uow).list(limit=limit, offset=offset, case_id=case_id)
        )
        deadlines = await every_item(
            lambda limit, offset: self.deadlines(uow).list(
                limit=limit, offset=offset, case_id=case_id
            )
        )
        now = self.clock.now()
        today = local_date(now, self.config.timezone)
        jurisdiction = await self._jurisdiction(uow, case_id)
        calendar = await self._once(
            uow,
            ("calendar", jurisdiction, today),
            lambda: centre_calendar(
                self.closures(uow), self.holidays, self.config, [today], jurisdiction=jurisdiction
            ),
        )
        policy = await self._once(uow, ("policy",), lambda: self.policy_in(uow))
        casefile = await self._registers(
            uow, case, build_casefile(case, tasks, deadlines, policy.retention_years), deadlines
        )
        if self.advice is None:
            findings = evaluate(casefile, policy, today, calendar=calendar)
        else:
            advice = self.advice
            casefile = attrs.evolve(
                casefile,
                **await advice_sections(
                    uow,
                    advice,
                    case.id,
                    self.config.timezone,
                    creditors=await self._once(
                        uow, ("creditors",), lambda: advice.creditor_names(uow)
                    ),
                ),
            )
            reasons = dict(UNRECORDABLE)
            if self.casework is not None:
                casefile = await with_casework(casefile, uow, self.casework, self.config.timezone)
                reasons.pop("CR-09")  # the credit report check is recorded now
            findings = soften(
                evaluate(casefile, policy, today, calendar=calendar),
                evaluate(unrecordable(casefile), policy, today, calendar=calendar),
                reasons,
            )
        findings.append(clock_finding(deadlines, today))
        if self.advice is not None:
            findings.append(deficit_finding(casefile))
        if self.finding_history is not None:
            previous = await self.findings(uow).for_case(case.id)
            changed = outcome_changes(previous, case.id, case.adviser_id, findings, now)
            await self.finding_history(uow).append(changed)
        await self.findings(uow).replace(case.id, case.adviser_id, findings, now)
        return findings

    async def _jurisdiction(self, uow: UnitOfWork, case_id: CaseId) -> Jurisdiction:
        """``case_jurisdiction``, the centre's profile read once per unit of work."""
        profiles = self.centre_profiles
        if profiles is None:
            return await case_jurisdiction(
                uow,
                case_id,
                facts=self.advice.facts if self.advice is not None else None,
                profiles=None,
                default=self.config.jurisdiction,
            )
        own = None
        if self.advice is not None:
            recorded = await self.advice.facts(uow).get(case_id)
            own = recorded.jurisdiction if recorded is not None else None
        profile = None
        if own is None:
            profile = await self._once(uow, ("centre_profile",), lambda: profiles(uow).get())
        return effective_jurisdiction(own, profile, self.config.jurisdiction)

    async def _once(
        self, uow: UnitOfWork, key: tuple[object, ...], read: Callable[[], Awaitable[_T]]
    ) -> _T:
        """What ``read`` gives, read once per unit of work: the centre-wide inputs of an
        evaluation (policy, calendar, file reviews), which a batch of queued events
        re-evaluating many cases in one unit of work would otherwise read for each case.
        Evaluation writes none of them."""
        memo = self._memo.setdefault(uow, {})
        if key not in memo:
            memo[key] = await read()
        return cast(_T, memo[key])

    async def _registers(
        self,
        uow: UnitOfWork,
        case: Case,
        casefile: CaseFile,
        deadlines: Sequence[TrackedDeadline] = (),
    ) -> CaseFile:
        """The file reviews of the case's adviser (CR-21), its settlements, complaints and
        Breathing Space register (CR-19, CR-24, CR-15…17) and the privacy registers (CR-22's
        hold, CR-23)."""
        extra: dict[str, object] = {}
        if case.adviser_id is not None:
            extra["adviser_file_reviews"] = file_reviews(
                await self._once(uow, ("qa_reviews",), lambda: self.qa(uow).list_reviews()),
                case.adviser_id,
            )
            if (starts := self.staff_starts) is not None:
                adviser = case.adviser_id
                started = await self._once(
                    uow, ("started", adviser), lambda: starts(uow).started_at(adviser)
                )
                if started is not None:
                    extra["adviser_started_on"] = local_date(started, self.config.timezone)
        if self.casework is not None:
            extra.update(await register_sections(uow, self.casework, case.id, deadlines))
        if self.privacy is not None:
            extra["data_subject_requests"] = await self.privacy.data_subject_requests(
                uow, case.client_id
            )
            if casefile.closure is not None:
                held = await self.privacy.on_hold(uow, case.id, case.client_id)
                extra["closure"] = attrs.evolve(casefile.closure, legal_hold=held)
        return attrs.evolve(casefile, **extra)  # type: ignore[arg-type]

    async def reevaluate(self, uow: UnitOfWork, event: EventEnvelope) -> None:
        """Event handler: re-check the case the event is about (run once per event)."""
        raw = event.payload.get("case_id")
        if raw is not None:
            await self.evaluate_in(uow, CaseId(uuid.UUID(str(raw))))
        elif event.name == ReferenceLoaded.name:
            # Centre-wide data changed: every open case, in this event's transaction.
            cases = self.cases(uow)
            async for page in each_page(
                lambda limit, offset: cases.list(
                    limit=limit, offset=offset, status=CaseStatus.OPEN
                ),
                100,
            ):
                for case in page.items:
                    await self.evaluate_in(uow, case.id)

    async def reevaluate_adviser(self, uow: UnitOfWork, event: EventEnvelope) -> None:
        """Event handler: a file review of the adviser's moves CR-21 on each of the
        adviser's open cases (re-evaluated in this one transaction)."""
        raw = event.payload.get("adviser_id")
        if raw is None:
            return
        adviser = UserId(uuid.UUID(str(raw)))
        cases = self.cases(uow)
        async for page in each_page(
            lambda limit, offset: cases.list(
                limit=limit, offset=offset, adviser_id=adviser, status=CaseStatus.OPEN
            )
        ):
            for case in page.items:
                await self.evaluate_in(uow, case.id)

    def handlers(self) -> tuple[Handles, ...]:
        return (
            # Findings are re-derived from the case's current file: several queued events
            # of one case need one evaluation (``case_of``).
            *handles(REEVALUATE_ON, "compliance.reevaluate", self.reevaluate, coalesce=case_of),
            Handles(FileReviewRecorded, "compliance.reevaluate_adviser", self.reevaluate_adviser),
        )

    async def check_case(self, centre_id: CentreId, case_id: CaseId) -> list[Finding]:
        async with self.uow(centre_id) as uow:
            findings = await self.evaluate_in(uow, case_id)
            if findings is None:
                raise NotFound("case", case_id)
            await uow.commit()
        return findings

    async def check_centre(
        self, centre_id: CentreId, progress: Callable[[int, int], None] | None = None
    ) -> int:
        """Re-evaluate every case of the centre, one transaction per case."""
        async with self.uow(centre_id) as uow:
            first = await self.cases(uow).list(limit=1, offset=0)
        total, done = first.total, 0

        async def fetch(limit: int, offset: int) -> Page[Case]:
            async with self.uow(centre_id) as uow:
                return await self.cases(uow).list(limit=limit, offset=offset)

        async for page in each_page(fetch, 100):
            for case in page.items:
                await self.check_case(centre_id, case.id)
                done += 1
                if progress is not None:
                    progress(done, total)
        return done

    # ----------------------------------------------------------------- queries

    async def case_compliance(self, ctx: TenantContext, case_id: CaseId) -> CaseCompliance:
        """Stored findings; a case never evaluated yet is evaluated now (not stored)."""
        async with case_scope(self, ctx, case_id, Permission.CASE_READ) as (uow, _):
            stored = await self.findings(uow).for_case(case_id)
            if stored:
                return CaseCompliance(
                    case_id=case_id,
                    evaluated_at=max(s.evaluated_at for s in stored),
                    findings=tuple(s.finding for s in stored),
                    stored=True,
                )
            findings = await self.evaluate_in(uow, case_id)
            # Not committed: a read does not write; the worker stores it on the next event.
        return CaseCompliance(
            case_id=case_id,
            evaluated_at=self.clock.now(),
            findings=tuple(findings or ()),
            stored=False,
        )

    async def report(
        self,
        ctx: TenantContext,
        *,
        adviser_id: UserId | None = None,
        rule_id: str | None = None,
        severity: Severity | None = None,
        status: Status | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> ComplianceReport:
        """The centre's stored findings by adviser, rule and severity, the failing findings
        (filtered, paged) and QA coverage per adviser."""
        ctx.require(Permission.CASE_READ_ALL)
        check_page(limit, offset)
        known = {r.id for r in RULES} | {CLOCK_RULE_ID, DEFICIT_RULE_ID}
        if rule_id is not None and rule_id not in known:
            raise ValidationError("rule_id", "unknown rule id")
        async with self.uow(ctx.centre_id) as uow:
            policy = await self.policy_in(uow)
            rows = list(
                await self.findings(uow).list(
                    adviser_id=adviser_id,
                    rule_id=rule_id,
                    severity=severity.value if severity else None,
                )
            )
            reviews = await self.qa(uow).list_reviews()
            closed = await _closed_cases_by_adviser(self.cases(uow))
        shown = [r for r in rows if r.finding.status is (status or Status.FAIL)]
        order = {s: i for i, s in enumerate(Severity)}
        shown.sort(key=lambda r: (order[r.finding.severity], r.finding.rule_id, str(r.case_id)))
        reviewed: Counter[str] = Counter(str(r.adviser_id) for r in reviews)
        return ComplianceReport(
            cases=len({r.case_id for r in rows}),
            by_adviser=_rows(rows, lambda f: str(f.adviser_id) if f.adviser_id else "unassigned"),
            by_rule=_rows(rows, lambda f: f.finding.rule_id),
            by_severity=_rows(rows, lambda f: f.finding.severity.value),
            failures=Page.sliced(shown, limit, offset),
            qa=tuple(
                QaCoverage(
                    adviser_id=str(a),
                    closed_cases=len(ids),
                    reviewed=reviewed[str(a)],
                    quota=policy.file_review_quota,
                )
                for a, ids in sorted(closed.items(), key=lambda kv: str(kv[0]))
            ),
        )

    async def report_history(
        self,
        ctx: TenantContext,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        interval: Interval = Interval.WEEK,
        adviser_id: UserId | None = None,
        rule_id: str | None = None,
    ) -> ComplianceHistory:
        """Pass rates per rule (and overall) at the end of each week or month from ``start``
        to ``end`` (default: the 12 weeks or 12 months to today), from the findings
        history; with ``adviser_id``, of that adviser's cases."""
        ctx.require(Permission.CASE_READ_ALL)
        known = {r.id for r in RULES} | {CLOCK_RULE_ID, DEFICIT_RULE_ID}
        if rule_id is not None and rule_id not in known:
            raise ValidationError("rule_id", "unknown rule id")
        end = end or local_date(self.clock.now(), self.config.timezone)
        if start is None:
            back = dt.timedelta(weeks=11) if interval is Interval.WEEK else dt.timedelta(days=334)
            start = end - back
        spans = periods(start, end, interval)
        last = dt.datetime.combine(spans[-1][1], dt.time(0), ZoneInfo(self.config.timezone))
        outcomes: Sequence[FindingOutcome] = ()
        if self.finding_history is not None:
            async with self.uow(ctx.centre_id) as uow:
                outcomes = await self.finding_history(uow).until(last, rule_id=rule_id)
        return pass_rates(
            outcomes, spans, interval, adviser_id=adviser_id, timezone=self.config.timezone
        )

    # ----------------------------------------------------------------- QA

    async def draw_sample(
        self, ctx: TenantContext, *, seed: str, quota: int | None = None
    ) -> QaSample:
        """Sample closed cases per adviser, reproducibly (same seed, same cases → same
        sample). The seed is stored with the sample so an auditor can re-draw it."""
        ctx.require(Permission.CASE_ASSIGN)
        if not check_line(seed, "seed", max_length=200).strip():
            raise ValidationError("seed", "must not be empty")
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            if quota is None:
                quota = (await self.policy_in(uow)).file_review_quota
            closed = await _closed_cases_by_adviser(self.cases(uow))
            picks = sample_closed_cases(closed, quota, seed)
            sample = QaSample(
                id=QaSampleId(self.new_id()),
                centre_id=ctx.centre_id,
                seed=seed,
                quota=quota,
                picks=picks,
                drawn_at=now,
                drawn_by=ctx.user_id,
            )
            await self.qa(uow).add_sample(sample)
            await commit_audited(
                uow, ctx, self.new_id, "qa.sampled", "qa_sample", sample.id, now, ("picks",)
            )
        return sample

    async def list_samples(
        self, ctx: TenantContext, *, limit: int = 50, offset: int = 0
    ) -> Page[QaSample]:
        """The centre's QA samples, newest first."""
        ctx.require(Permission.CASE_ASSIGN)
        check_page(limit, offset)
        async with self.uow(ctx.centre_id) as uow:
            return await self.qa(uow).list_samples(limit=limit, offset=offset)

    async def get_sample(self, ctx: TenantContext, sample_id: QaSampleId) -> QaSample:
        ctx.require(Permission.CASE_ASSIGN)
        async with self.uow(ctx.centre_id) as uow:
            sample = await self.qa(uow).get_sample(sample_id)
        if sample is None:
            raise NotFound("QA sample", sample_id)
        return sample

    async def list_reviews(
        self,
        ctx: TenantContext,
        *,
        case_id: CaseId | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[QaReview]:
        """The centre's file reviews, oldest first (optionally of one case)."""
        ctx.require(Permission.CASE_ASSIGN)
        check_page(limit, offset)
        async with self.uow(ctx.centre_id) as uow:
            rows = list(await self.qa(uow).list_reviews(case_id=case_id))
        return Page.sliced(tuple(rows), limit, offset)

    async def record_review(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        answers: Mapping[str, Answer],
        actions: str | None = None,
    ) -> QaReview:
        """Score a closed case against the rules checklist and record the actions."""
        ctx.require(Permission.CASE_ASSIGN)
        checklist = checklist_from_rules([r.id for r in RULES], {r.id: r.title for r in RULES})
        score = score_checklist(checklist, answers)
        now = self.clock.now()
        async with case_scope(self, ctx, case_id, Permission.CASE_ASSIGN) as (uow, case):
            if case.status is not CaseStatus.CLOSED:
                raise ValidationError("case_id", "file reviews sample closed cases")
            review = QaReview(
                id=QaReviewId(self.new_id()),
                centre_id=ctx.centre_id,
                case_id=case.id,
                adviser_id=case.adviser_id,
                reviewer_id=ctx.user_id,
                reviewed_on=local_date(now, self.config.timezone),
                answers={k: v.value for k, v in answers.items()},
                percent=score.percent,
                passed=score.passed,
                actions=actions,
                created_at=now,
            )
            await self.qa(uow).add_review(review)
            uow.emit(
                FileReviewRecorded(
                    centre_id=ctx.centre_id,
                    occurred_at=now,
                    case_id=case.id,
                    adviser_id=case.adviser_id,
                )
            )
            await commit_audited(
                uow, ctx, self.new_id, "qa.reviewed", "case", case.id, now, ("answers", "actions")
            )
        return review


async def _closed_cases_by_adviser(cases: CaseRepository) -> dict[UserId, list[CaseId]]:
    out: dict[UserId, list[CaseId]] = {}
    closed = await every_item(
        lambda limit, offset: cases.list(limit=limit, offset=offset, status=CaseStatus.CLOSED)
    )
    for case in closed:
        if case.adviser_id is not None:
            out.setdefault(case.adviser_id, []).append(case.id)
    return out
