"""A budget in deficit is not a nil budget: the shortfall is flagged on the budget, the
offers and the findings, with the deficit options as cited notes; no token offers by
default."""

from __future__ import annotations

import datetime as dt

from tests.unit.casework.support import build_world, compliant_case, full_budget

from cma_core.advice.service import RecordAdvice
from cma_core.budgets.deficit import deficit_of
from cma_core.budgets.service import BudgetView
from cma_core.compliance.model import Status
from cma_core.debts.service import FactsDetails
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.money import Money
from cma_core.solutions.model import Solution


async def test_a_deficit_is_flagged_everywhere_and_offers_nothing_by_default() -> None:
    world = build_world()
    c = await compliant_case(world)
    assert (await world.findings(c.ctx, c.case_id))["DB-01"].status is Status.NOT_APPLICABLE

    view = await world.budgets.get(c.ctx, c.case_id)
    deficit_budget = full_budget(salary=90000)  # outgoings are £1,115 a month
    view = await world.budgets.put(
        c.ctx, c.case_id, deficit_budget, complete=True, expected_version=view.record.version
    )
    deficit = deficit_of(view.summary.available_for_priority)
    assert deficit is not None
    assert deficit.shortfall == Money(21500)

    # The old plan still offers payments: the finding fails and says why.
    failing = (await world.findings(c.ctx, c.case_id))["DB-01"]
    assert failing.status is Status.FAIL
    assert "£215.00" in failing.message
    assert failing.fix is not None
    assert "maximise income" in failing.fix

    world.app.clock.advance(dt.timedelta(minutes=1))
    plan = await world.appraisals.plan(c.ctx, c.case_id, priority_offers={})
    assert plan.shortfall == Money(21500)
    assert not plan.uses_token_payments
    assert all(line.amount == Money(0) for line in plan.lines)
    assert any("DEF-BREATHING-SPACE" in n and "§2" in n for n in plan.notes)
    world.app.clock.advance(dt.timedelta(minutes=1))
    await world.advice.record_advice(
        c.ctx,
        c.case_id,
        RecordAdvice(
            on_date=world.app.clock.now().date(),
            recommended=Solution.BREATHING_SPACE,
            reasons="Deficit budget: protect the client while income is maximised.",
        ),
    )
    findings = await world.findings(c.ctx, c.case_id)
    # Offering priority creditors nothing is not "more than is available" (CR-10).
    assert findings["CR-10"].status is Status.PASS, findings["CR-10"].message
    passing = findings["DB-01"]
    assert passing.status is Status.PASS, passing.message
    assert dict(passing.facts)["shortfall"] == "£215.00"
    assert "DEF-INCOME" in dict(passing.facts)


async def test_the_budgets_deficit_notes_follow_the_cases_jurisdiction() -> None:
    world = build_world()
    c = await compliant_case(world)
    view = await world.budgets.get(c.ctx, c.case_id)
    view = await world.budgets.put(
        c.ctx, c.case_id, full_budget(salary=90000), expected_version=view.record.version
    )

    def notes(v: BudgetView) -> set[str]:
        deficit = deficit_of(v.summary.available_for_priority, v.jurisdiction)
        assert deficit is not None
        return {n.id for n in deficit.notes}

    assert view.jurisdiction is Jurisdiction.EW  # the compliant case's recorded facts
    assert "DEF-BREATHING-SPACE" in notes(view)
    facts = await world.debts.get_facts(c.ctx, c.case_id)
    await world.debts.put_facts(
        c.ctx,
        c.case_id,
        FactsDetails(jurisdiction=Jurisdiction.SCO),
        expected_version=facts.version if facts else None,
    )
    view = await world.budgets.get(c.ctx, c.case_id)
    assert view.jurisdiction is Jurisdiction.SCO
    assert "DEF-BREATHING-SPACE" not in notes(view)  # an England and Wales scheme
    assert "DEF-HOLD" in notes(view)
