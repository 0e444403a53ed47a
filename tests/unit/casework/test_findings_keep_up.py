"""Findings keep up: on a complete case every finding is green; changing one input a rule
reads, through the use case an adviser would call, moves that rule's finding once the
worker has handled the change's event (``compliance.reevaluate``)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any

import pytest
from tests.unit.casework.support import (
    FIRST_CALL,
    REPORT_CSV,
    Compliant,
    World,
    build_world,
    compliant_case,
    full_budget,
)
from tests.unit.core.support import register_cmd
from tests.wiring import ports

from cma_core.advice.service import RecordAdvice
from cma_core.budgets.service import ReferenceService
from cma_core.cases.service import OpenCase
from cma_core.casework.model import Channel, Direction, Party, Purpose
from cma_core.casework.service import ContactDetails, ScreeningDetails
from cma_core.compliance.model import Status
from cma_core.debts.model import DebtType
from cma_core.debts.service import DebtDetails, FactsDetails
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.scheduling.deadlines import CountingRule, Deadline, DeadlineKind
from cma_core.scheduling.ports import DeadlineId, DeadlineStatus, FactId, TrackedDeadline
from cma_core.shared.money import Money
from cma_core.solutions.model import Eligibility, Solution
from cma_core.tasks.model import TaskId
from cma_core.tasks.service import CreateTask, UpdateTask

Change = Callable[[World, Compliant], Awaitable[Any]]

#: Rules whose trigger has not happened on the complete case (no settlement, no
#: data-subject request, no complaint, no breathing space, the case is open).
NOT_TRIGGERED = {"CR-15", "CR-16", "CR-17", "CR-19", "CR-22", "CR-23", "CR-24"}


def _contact(
    at: dt.datetime, party: Party, direction: Direction, purpose: Purpose
) -> ContactDetails:
    return ContactDetails(
        at=at,
        channel=Channel.PHONE,
        direction=direction,
        party=party,
        with_whom="Someone",
        summary="A call",
        purpose=purpose,
    )


async def untick(w: World, c: Compliant, item: str) -> None:
    view = await w.casework.get_checklist(c.ctx, c.case_id)
    await w.casework.untick(c.ctx, c.case_id, item, expected_version=view.record.version)


async def early_creditor_call(w: World, c: Compliant) -> None:
    at = w.app.clock.now() - FIRST_CALL - dt.timedelta(days=1)
    await w.casework.log_contact(
        c.ctx, c.case_id, _contact(at, Party.CREDITOR, Direction.OUTBOUND, Purpose.OTHER)
    )


async def earlier_client_call(w: World, c: Compliant) -> None:
    at = w.app.clock.now() - dt.timedelta(days=3)
    await w.casework.log_contact(
        c.ctx, c.case_id, _contact(at, Party.CLIENT, Direction.INBOUND, Purpose.OTHER)
    )


async def review_without_screening(w: World, c: Compliant) -> None:
    at = w.app.clock.now() - dt.timedelta(hours=1)
    await w.casework.log_contact(
        c.ctx, c.case_id, _contact(at, Party.CLIENT, Direction.OUTBOUND, Purpose.REVIEW)
    )
    # The review is today and so is the screening: move the screening a week back.
    s = c.screening.screening
    await w.casework.update_screening(
        c.ctx,
        c.case_id,
        s.id,
        ScreeningDetails(
            on=s.on - dt.timedelta(days=7), drivers=s.drivers, adjustments=s.adjustments
        ),
        expected_version=s.version,
    )


async def drivers_without_adjustment(w: World, c: Compliant) -> None:
    s = c.screening.screening
    await w.casework.update_screening(
        c.ctx,
        c.case_id,
        s.id,
        ScreeningDetails(on=s.on, drivers=("resilience",)),
        expected_version=s.version,
    )


async def health_without_consent(w: World, c: Compliant) -> None:
    await w.casework.record_screening(
        c.ctx,
        c.case_id,
        ScreeningDetails(
            on=w.app.clock.now().date(), drivers=("health",), adjustments=("Large print",)
        ),
    )


async def debt_without_creditor(w: World, c: Compliant) -> None:
    await w.debts.add_debt(
        c.ctx, c.case_id, DebtDetails(debt_type=DebtType.OVERDRAFT, balance=Money(30000))
    )


async def incomplete_budget(w: World, c: Compliant) -> None:
    view = await w.budgets.get(c.ctx, c.case_id)
    await w.budgets.put(
        c.ctx, c.case_id, full_budget(), complete=False, expected_version=view.record.version
    )


async def groceries_above_guideline(w: World, c: Compliant) -> None:
    # A complete budget refuses it (CR-08 at save time); a draft keeps it, flagged.
    view = await w.budgets.get(c.ctx, c.case_id)
    budget = full_budget()
    budget.set_line("groceries", Money(150000))
    await w.budgets.put(
        c.ctx, c.case_id, budget, complete=False, expected_version=view.record.version
    )


async def lower_income(w: World, c: Compliant) -> None:
    view = await w.budgets.get(c.ctx, c.case_id)
    await w.budgets.put(
        c.ctx,
        c.case_id,
        full_budget(salary=160000),
        complete=True,
        expected_version=view.record.version,
    )


async def budget_in_deficit(w: World, c: Compliant) -> None:
    view = await w.budgets.get(c.ctx, c.case_id)
    await w.budgets.put(
        c.ctx,
        c.case_id,
        full_budget(salary=100000),
        complete=True,
        expected_version=view.record.version,
    )


async def unaffordable_advice(w: World, c: Compliant) -> None:
    await w.advice.record_advice(
        c.ctx,
        c.case_id,
        RecordAdvice(
            on_date=w.app.clock.now().date(),
            recommended=Solution.DMP,
            reasons="r",
            monthly_payment=None,
            expected_term_months=None,
        ),
    )


async def old_advice(w: World, c: Compliant) -> None:
    # Two weeks on, advice given ten days ago is recorded: the summary letter went before
    # it, and none has gone since.
    w.app.clock.advance(dt.timedelta(days=14))
    await w.advice.record_advice(
        c.ctx,
        c.case_id,
        RecordAdvice(
            on_date=w.app.clock.now().date() - dt.timedelta(days=10),
            recommended=Solution.DMP,
            reasons="r",
            risks="x",
            next_steps="y",
            monthly_payment=Money(100),
            expected_term_months=12,
        ),
    )


async def old_silent_debt(w: World, c: Compliant) -> None:
    view = await w.debts.get_debt(c.ctx, c.case_id, c.council.entry.id)
    d = view.entry.debt
    await w.debts.update_debt(
        c.ctx,
        c.case_id,
        d.id,
        DebtDetails(
            debt_type=d.debt_type,
            balance=d.balance,
            creditor_id=d.creditor_id,
            last_payment_date=dt.date(2012, 1, 1),
        ),
        expected_version=view.entry.version,
    )
    await w.appraisals.plan(c.ctx, c.case_id, priority_offers={c.council.entry.id: Money(6000)})


async def threat_with_task(w: World, c: Compliant) -> TaskId:
    """A statutory demand's deadline on the case, with the task the clock links to it (as
    the scheduler records them), due the day before."""
    today = w.app.clock.now().date()
    task = await w.app.tasks.create(
        c.ctx,
        CreateTask(
            title="Apply to set aside",
            case_id=c.case_id,
            due_at=w.app.clock.now() + dt.timedelta(days=9),
        ),
    )
    deadline = Deadline(
        kind=DeadlineKind.STATUTORY_DEMAND_SET_ASIDE,
        due=today + dt.timedelta(days=10),
        trigger=today - dt.timedelta(days=8),
        counting=CountingRule.CALENDAR_DAYS,
        amount=18,
        rule="18 days from service",
        source="test",
    )
    async with w.app.uow(c.ctx.centre_id) as uow:
        await ports(("deadlines",))["deadlines"](uow).add(
            TrackedDeadline(
                id=DeadlineId(uuid.uuid4()),
                centre_id=c.ctx.centre_id,
                case_id=c.case_id,
                fact_id=FactId(uuid.uuid4()),
                deadline=deadline,
                adviser_id=c.ctx.user_id,
                status=DeadlineStatus.OPEN,
                created_at=w.app.clock.now(),
                task_id=task.id,
            )
        )
        await uow.commit()
    findings = await w.compliance.check_case(c.ctx.centre_id, c.case_id)
    assert next(f for f in findings if f.rule_id == "CR-04").status is Status.PASS
    w.handled.update(e.event_id for e in w.app.publisher.published)  # only the change's own
    return task.id


async def task_cancelled(w: World, c: Compliant) -> None:
    task = await w.app.tasks.get(c.ctx, await threat_with_task(w, c))
    await w.app.tasks.cancel(c.ctx, task.id, "No longer needed", expected_version=task.version)


async def task_due_after_the_threat(w: World, c: Compliant) -> None:
    task = await w.app.tasks.get(c.ctx, await threat_with_task(w, c))
    later = w.app.clock.now() + dt.timedelta(days=20)
    await w.app.tasks.update(
        c.ctx, task.id, UpdateTask(expected_version=task.version, due_at=later)
    )


async def stricter_guidelines(w: World, c: Compliant) -> None:
    """The centre loads guidelines under which the budget's groceries are too high."""
    text = (
        resources.files("cma_core.reference")
        .joinpath("example_spending_guidelines.csv")
        .read_text("utf-8")
    )
    lines = []
    for line in text.splitlines():
        cells = line.split(",")
        if not line.startswith("#") and cells[5].isdigit():
            cells[5] = "100"  # £1 a month for every category
        lines.append(",".join(cells))
    service = ReferenceService(w.app.uow, w.app.clock, **ports(("reference",)))
    await service.load(c.ctx, guidelines_csv="\n".join(lines) + "\n", source="STRICT")


CASES: list[tuple[str, str, Change, Status]] = [
    ("CR-01", "contact log", early_creditor_call, Status.FAIL),
    ("CR-01", "checklist", lambda w, c: untick(w, c, "authority_to_act"), Status.FAIL),
    ("CR-02", "checklist", lambda w, c: untick(w, c, "privacy_notice"), Status.FAIL),
    ("CR-02", "contact log", earlier_client_call, Status.FAIL),
    ("CR-02", "screening", health_without_consent, Status.FAIL),
    ("CR-03", "screening", drivers_without_adjustment, Status.FAIL),
    ("CR-03", "contact log", review_without_screening, Status.FAIL),
    ("CR-06", "budget", incomplete_budget, Status.FAIL),
    ("CR-08", "budget", groceries_above_guideline, Status.FAIL),
    ("CR-09", "debts", debt_without_creditor, Status.FAIL),
    ("CR-10", "budget", budget_in_deficit, Status.FAIL),
    ("CR-11", "budget", lower_income, Status.FAIL),
    ("CR-13", "advice", unaffordable_advice, Status.FAIL),
    ("CR-18", "advice, letters", old_advice, Status.FAIL),
    ("CR-20", "debts, offers", old_silent_debt, Status.NOT_ASSESSABLE),
    ("CR-04", "task cancelled", task_cancelled, Status.FAIL),
    ("CR-04", "task due date", task_due_after_the_threat, Status.FAIL),
    ("CR-08", "guidelines loaded", stricter_guidelines, Status.FAIL),
]


@pytest.fixture
async def complete() -> tuple[World, Compliant]:
    world = build_world()
    return world, await compliant_case(world)


async def test_a_complete_case_has_every_finding_green(complete: tuple[World, Compliant]) -> None:
    world, c = complete
    status = await world.status(c.ctx, c.case_id)
    assert {k for k, v in status.items() if v is Status.FAIL} == set()
    assert {k for k, v in status.items() if v is Status.NOT_ASSESSABLE} == set()
    assert {k for k, v in status.items() if v is Status.NOT_APPLICABLE} >= NOT_TRIGGERED
    result = await world.compliance.case_compliance(c.ctx, c.case_id)
    assert result.evaluated_at == world.app.clock.now()


@pytest.mark.parametrize(
    ("rule", "what", "change", "expected"),
    CASES,
    ids=[f"{rule}-{what.replace(', ', '+').replace(' ', '_')}" for rule, what, _, _ in CASES],
)
async def test_changing_an_input_moves_the_finding(
    complete: tuple[World, Compliant], rule: str, what: str, change: Change, expected: Status
) -> None:
    world, c = complete
    assert (await world.status(c.ctx, c.case_id))[rule] is Status.PASS
    world.app.clock.advance(dt.timedelta(minutes=5))
    await change(world, c)
    handled = await world.work()
    assert handled >= 1  # the change's event reached compliance.reevaluate
    finding = (await world.findings(c.ctx, c.case_id))[rule]
    assert finding.status is expected, finding.message


async def test_a_credit_report_or_a_reason_addresses_cr09() -> None:
    world = build_world()
    c = await compliant_case(world, credit_report=False)
    assert (await world.status(c.ctx, c.case_id))["CR-09"] is Status.FAIL
    report = await world.casework.import_credit_report(
        c.ctx, c.case_id, filename="r.csv", content=REPORT_CSV.encode(), agency="Equifax"
    )
    assert report.checked_on == world.app.clock.now().date()
    assert (await world.status(c.ctx, c.case_id))["CR-09"] is Status.PASS

    other = await compliant_case(world, credit_report=False)
    view = await world.casework.get_checklist(other.ctx, other.case_id)
    await world.casework.tick(
        other.ctx,
        other.case_id,
        "credit_report_not_checked",
        value="Client declined: no online access and no ID to hand",
        expected_version=view.record.version,
    )
    assert (await world.status(other.ctx, other.case_id))["CR-09"] is Status.PASS


async def test_the_advisers_eligibility_decisions_complete_cr12() -> None:
    world = build_world()
    c = await compliant_case(world)
    record = await world.casework.get_eligibility(c.ctx, c.case_id)
    assert record.decisions  # the appraisal left some options to the adviser
    # A case where nobody decided: CR-12 fails until each judgement option is decided.
    ctx, case_id = c.ctx, c.case_id
    other_ctx, other = await world.case("Bradford")
    from tests.unit.casework.support import full_budget as budget

    await world.debts.put_facts(
        other_ctx, other, FactsDetails(jurisdiction=Jurisdiction.EW), expected_version=None
    )
    await world.budgets.put(other_ctx, other, budget(), complete=True, expected_version=None)
    saved = await world.appraisals.save_appraisal(other_ctx, other)
    await world.advice.record_advice(
        other_ctx,
        other,
        RecordAdvice(on_date=world.app.clock.now().date(), recommended=Solution.DMP, reasons="r"),
    )
    assert (await world.status(other_ctx, other))["CR-12"] is Status.FAIL
    version = 0
    for option in saved.appraisal.options:
        if option.status is Eligibility.ADVISER_JUDGEMENT:
            await world.casework.decide_option(
                other_ctx,
                other,
                option.solution,
                eligible=False,
                reason="Not suitable",
                expected_version=version,
            )
            version += 1
    assert (await world.status(other_ctx, other))["CR-12"] is Status.PASS
    assert (await world.status(ctx, case_id))["CR-12"] is Status.PASS


async def test_a_recommended_dro_is_judged_on_the_recorded_facts() -> None:
    """CR-14 with no saved appraisal: the DRO engine on the financial facts; recording a
    fact the DRO needs moves the finding."""
    world = build_world()
    ctx, case_id = await world.case()
    await world.debts.add_debt(
        ctx, case_id, DebtDetails(debt_type=DebtType.CREDIT_CARD, balance=Money(300000))
    )
    await world.debts.put_facts(
        ctx, case_id, FactsDetails(jurisdiction=Jurisdiction.EW), expected_version=None
    )
    await world.advice.record_advice(
        ctx,
        case_id,
        RecordAdvice(on_date=world.app.clock.now().date(), recommended=Solution.DRO, reasons="r"),
    )
    before = (await world.findings(ctx, case_id))["CR-14"]
    assert before.status is Status.NOT_ASSESSABLE
    assert "missing" in before.message
    from cma_core.assets.model import AssetSchedule, InsolvencyHistory

    facts = await world.debts.get_facts(ctx, case_id)
    owner = AssetSchedule(owns_property=True, properties=(_home(),))
    await world.debts.put_facts(
        ctx,
        case_id,
        FactsDetails(jurisdiction=Jurisdiction.EW, assets=owner, insolvency=InsolvencyHistory()),
        expected_version=facts.version,
    )
    after = (await world.findings(ctx, case_id))["CR-14"]
    assert after.status is Status.FAIL, after.message


def _home() -> Any:
    from cma_core.assets.model import HomeTenure, Property

    return Property(tenure=HomeTenure.OWNED_OUTRIGHT, value=Money(20000000))


async def test_a_batch_reads_the_centre_wide_inputs_once_with_the_same_findings() -> None:
    """Re-evaluating several cases in one unit of work (a batch of queued events) reads the
    policy, calendar and file reviews once, and gives each case the findings it gets alone."""
    w = build_world()
    ctx, first = await w.case()
    second = (await w.app.cases.open(ctx, OpenCase(client_id=await _client(w, ctx)))).id
    reads: list[str] = []
    qa = w.compliance.qa

    def counting(uow: Any) -> Any:
        repo = qa(uow)

        class Counting:
            def __getattr__(self, name: str) -> Any:
                if name == "list_reviews":
                    reads.append(name)
                return getattr(repo, name)

        return Counting()

    alone = {}
    for case_id in (first, second):
        async with w.app.uow(ctx.centre_id) as uow:
            alone[case_id] = await w.compliance.evaluate_in(uow, case_id)
    w.compliance.qa = counting
    try:
        async with w.app.uow(ctx.centre_id) as uow:
            together = {c: await w.compliance.evaluate_in(uow, c) for c in (first, second)}
    finally:
        w.compliance.qa = qa
    assert together == alone
    assert reads == ["list_reviews"]  # once for both cases


async def _client(w: World, ctx: Any) -> Any:
    return (await w.app.clients.register(ctx, register_cmd(last_name="Other"))).id


async def test_a_deadline_missed_after_two_hundred_others_is_found(
    complete: tuple[World, Compliant],
) -> None:
    """The clock rule reads every tracked deadline of the case, not the first 200."""
    world, c = complete
    today = world.app.clock.now().date()

    def tracked(due: dt.date, status: DeadlineStatus) -> TrackedDeadline:
        return TrackedDeadline(
            id=DeadlineId(uuid.uuid4()),
            centre_id=c.ctx.centre_id,
            case_id=c.case_id,
            fact_id=FactId(uuid.uuid4()),
            deadline=Deadline(
                kind=DeadlineKind.STATUTORY_DEMAND_SET_ASIDE,
                due=due,
                trigger=due - dt.timedelta(days=18),
                counting=CountingRule.CALENDAR_DAYS,
                amount=18,
                rule="18 days from service",
                source="test",
            ),
            adviser_id=c.ctx.user_id,
            status=status,
            created_at=world.app.clock.now(),
        )

    async with world.app.uow(c.ctx.centre_id) as uow:
        repo = ports(("deadlines",))["deadlines"](uow)
        for n in range(200):  # met long ago: they sort first
            await repo.add(tracked(today - dt.timedelta(days=400 - n), DeadlineStatus.MET))
        await repo.add(tracked(today - dt.timedelta(days=1), DeadlineStatus.OPEN))
        await uow.commit()
    findings = await world.compliance.check_case(c.ctx.centre_id, c.case_id)
    clock = next(f for f in findings if f.rule_id == "CC-01")
    assert clock.status is Status.FAIL, clock.message
