"""Accepting a suggestion with the adviser's values: where the reader took the wrong
balance (or creditor, reference, the date a claim was served, an income's frequency or SFS
line), the adviser accepts with the right one. The case gets the adviser's values, the
suggestion keeps what the reader proposed (``as_read``), and the decision is a corrected
labelled example. In-memory adapters, the real ``holidays`` calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.unit.documents.test_documents_service import LOWELL, N1, PAYSLIP, open_case, png
from tests.unit.documents.test_suggestion_effects import script, update_suggestion
from tests.unit.documents.test_suggestion_effects import wired as wired
from tests.wiring import BUDGETS, ports

from cma_adapters.memory import documents as memory_docs
from cma_adapters.sfs import SfsDdsCodec
from cma_core.budgets.service import BudgetService
from cma_core.documents.learning import ExampleOutcome
from cma_core.documents.model import (
    Amendment,
    DocumentClass,
    Extraction,
    SuggestionKind,
    SuggestionStatus,
)
from cma_core.scheduling.deadlines import DeadlineKind
from cma_core.shared.errors import InvalidTransition, StaleVersion, ValidationError
from cma_core.shared.money import Money

NOTICE = Extraction(
    document_class=DocumentClass.ENFORCEMENT_AGENT_NOTICE, confidence=0.9, source="script",
    deadline_date=dt.date(2026, 3, 12),
)  # fmt: skip
NOTICE_DATED = Extraction(
    document_class=DocumentClass.ENFORCEMENT_AGENT_NOTICE, confidence=0.9, source="script",
    letter_date=dt.date(2026, 3, 1), deadline_date=dt.date(2026, 3, 12),
)  # fmt: skip


async def _examples(world, centre_id):  # type: ignore[no-untyped-def]
    async with world.app.uow(centre_id) as uow:
        return (await memory_docs.examples(uow).list(limit=10, offset=0)).items


async def _one(world, ctx, case_id, extraction, n):  # type: ignore[no-untyped-def]
    script(world, extraction)
    await world.documents.upload(ctx, case_id, filename=f"d{n}.png", data=png(n))
    await world.run_jobs()
    return (await world.documents.list_suggestions(ctx, case_id)).items


async def test_a_new_debt_is_added_with_the_advisers_balance_and_reference(wired) -> None:  # type: ignore[no-untyped-def]
    world, debts, _ = wired
    world.documents.examples = memory_docs.examples
    ctx, case_id = await open_case(world)
    [s] = await _one(world, ctx, case_id, LOWELL, 1)
    changes = Amendment(balance=Money(184_250), account_reference=" LW-12345678 ")
    decision = await world.documents.accept_suggestion(
        ctx, s.id, expected_version=1, changes=changes
    )
    [view] = (await debts.list_debts(ctx, case_id)).items
    assert view.entry.debt.balance == Money(184_250)
    assert view.entry.debt.account_reference == "LW-12345678"
    assert view.creditor is not None
    assert view.creditor.name == "Lowell Portfolio Ltd"
    got = decision.suggestion
    assert got.status is SuggestionStatus.ACCEPTED
    assert (got.balance, got.account_reference) == (Money(184_250), "LW-12345678")
    assert got.as_read == Amendment(balance=Money(123_456), account_reference="12345678")
    assert got.title == "Add debt: Lowell Portfolio Ltd, £1,842.50"  # as applied
    stored = await world.documents.get_suggestion(ctx, s.id)
    assert stored.as_read == got.as_read
    # The decision teaches the reader: what it read, judged wrong, and the adviser's values.
    [example] = await _examples(world, ctx.centre_id)
    assert example.outcome is ExampleOutcome.CORRECTED
    assert example.document_class is DocumentClass.CREDITOR_LETTER
    judged = {(f.field, f.value, f.correct) for f in example.fields}
    assert ("balance_pence", "123456", False) in judged
    assert ("balance_pence", "184250", True) in judged
    assert ("account_reference", "LW-12345678", True) in judged
    assert ("creditor_name", "Lowell Portfolio Ltd", True) in judged  # kept: confirmed
    actions = [e.action for e in await world.app.audit(ctx.centre_id, entity_id=str(s.id))]
    assert "suggestion.amended" in actions
    assert "suggestion.accepted" in actions


async def test_values_equal_to_those_read_accept_as_read(wired) -> None:  # type: ignore[no-untyped-def]
    world, _, _ = wired
    world.documents.examples = memory_docs.examples
    ctx, case_id = await open_case(world)
    [s] = await _one(world, ctx, case_id, LOWELL, 2)
    same = Amendment(balance=Money(123_456), creditor_name="Lowell Portfolio Ltd")
    decision = await world.documents.accept_suggestion(ctx, s.id, expected_version=1, changes=same)
    assert decision.suggestion.as_read is None
    [example] = await _examples(world, ctx.centre_id)
    assert example.outcome is ExampleOutcome.ACCEPTED


async def test_an_update_takes_the_advisers_balance(wired) -> None:  # type: ignore[no-untyped-def]
    world, debts, _ = wired
    ctx, case_id = await open_case(world)
    debt_id, s = await update_suggestion(world, debts, ctx, case_id)
    await world.documents.accept_suggestion(
        ctx, s.id, expected_version=1, changes=Amendment(balance=Money(99_000))
    )
    view = await debts.get_debt(ctx, case_id, debt_id)  # type: ignore[arg-type]
    assert view.entry.debt.balance == Money(99_000)


async def test_a_claim_counts_its_deadlines_from_the_served_date_the_adviser_gives(wired) -> None:  # type: ignore[no-untyped-def]
    world, _, clock = wired
    ctx, case_id = await open_case(world)
    items = {s.kind: s for s in await _one(world, ctx, case_id, N1, 3)}
    claim = items[SuggestionKind.COURT_CLAIM_DEADLINE]
    assert claim.fact_date == dt.date(2026, 3, 6)  # read: issued 1 March + 5 days
    world.documents.examples = memory_docs.examples
    decision = await world.documents.accept_suggestion(
        ctx, claim.id, expected_version=1, changes=Amendment(fact_date=dt.date(2026, 3, 2))
    )
    # The deadline follows the date of service: the suggestion, its title and the example
    # say the clock's, not the one read from the old date.
    got = decision.suggestion
    assert got.as_read == Amendment(fact_date=dt.date(2026, 3, 6), deadline=dt.date(2026, 3, 20))
    assert (got.fact_date, got.deadline) == (dt.date(2026, 3, 2), dt.date(2026, 3, 16))
    assert got.title == "Respond to court claim K1QZ4521 by 16 March 2026"
    assert got.deadline_basis is not None
    assert got.deadline_basis.startswith("counted from 2 March 2026, the date the adviser gave")
    [example] = await _examples(world, ctx.centre_id)
    assert example.outcome is ExampleOutcome.CORRECTED
    judged = {(f.field, f.value, f.correct) for f in example.fields}
    assert ("deadline_date", "2026-03-20", False) in judged
    assert ("deadline_date", "2026-03-16", True) in judged
    by_kind = {
        t.deadline.kind: t.deadline for t in (await clock.list_deadlines(ctx, case_id)).items
    }
    assert by_kind[DeadlineKind.CLAIM_RESPONSE].trigger == dt.date(2026, 3, 2)
    assert by_kind[DeadlineKind.CLAIM_RESPONSE].due == dt.date(2026, 3, 16)


async def test_a_served_date_given_where_none_was_read_starts_the_case_clock(wired) -> None:  # type: ignore[no-untyped-def]
    world, _, clock = wired
    ctx, case_id = await open_case(world)
    [s] = await _one(world, ctx, case_id, NOTICE, 4)
    assert s.fact_date is None  # as read: a deadline task only
    decision = await world.documents.accept_suggestion(
        ctx, s.id, expected_version=1, changes=Amendment(fact_date=dt.date(2026, 3, 1))
    )
    assert decision.task is None
    assert decision.fact_id is not None
    assert (await clock.list_deadlines(ctx, case_id)).total >= 1
    assert decision.suggestion.as_read == Amendment(
        deadline=dt.date(2026, 3, 12), not_read=("fact_date",)
    )
    assert decision.suggestion.deadline == dt.date(2026, 3, 9)  # 1 March + 7 clear days


async def test_a_changed_deadline_is_the_task_s_title_and_due_date(wired) -> None:  # type: ignore[no-untyped-def]
    world, _, clock = wired
    ctx, case_id = await open_case(world)
    [s] = await _one(world, ctx, case_id, NOTICE, 11)
    decision = await world.documents.accept_suggestion(
        ctx, s.id, expected_version=1, changes=Amendment(deadline=dt.date(2026, 3, 20))
    )
    assert decision.task is not None
    assert decision.task.due_at is not None
    assert decision.task.due_at.date() == dt.date(2026, 3, 20)
    assert "20 March 2026" in decision.task.title
    assert "12 March" not in decision.task.title
    assert decision.suggestion.deadline_basis == "given by the adviser"
    assert (await clock.list_deadlines(ctx, case_id)).total == 0


async def test_a_claims_deadline_gives_the_date_of_service_counted_back(wired) -> None:  # type: ignore[no-untyped-def]
    world, _, clock = wired
    ctx, case_id = await open_case(world)
    items = {s.kind: s for s in await _one(world, ctx, case_id, N1, 12)}
    claim = items[SuggestionKind.COURT_CLAIM_DEADLINE]
    decision = await world.documents.accept_suggestion(
        ctx, claim.id, expected_version=1, changes=Amendment(deadline=dt.date(2026, 3, 30))
    )
    assert decision.suggestion.fact_date == dt.date(2026, 3, 16)  # 30 March - 14 days
    tracked = {
        t.deadline.kind: t.deadline for t in (await clock.list_deadlines(ctx, case_id)).items
    }
    assert tracked[DeadlineKind.CLAIM_RESPONSE].due == dt.date(2026, 3, 30)


async def test_a_debt_whose_balance_was_not_read_is_added_with_the_advisers(wired) -> None:  # type: ignore[no-untyped-def]
    world, debts, _ = wired
    ctx, case_id = await open_case(world)
    unread = Extraction(
        document_class=DocumentClass.CREDITOR_LETTER, confidence=0.8, source="script",
        creditor_name="Lowell Portfolio Ltd", account_reference="55550000",
    )  # fmt: skip
    [s] = await _one(world, ctx, case_id, unread, 13)
    assert s.kind is SuggestionKind.NEW_DEBT
    assert s.balance is None
    assert s.title == "Add debt: Lowell Portfolio Ltd (balance not read: give it to add the debt)"
    decision = await world.documents.accept_suggestion(
        ctx, s.id, expected_version=1, changes=Amendment(balance=Money(40_000))
    )
    assert decision.debt_id is not None
    assert decision.suggestion.as_read == Amendment(not_read=("balance",))
    assert decision.suggestion.title == "Add debt: Lowell Portfolio Ltd, £400.00"
    [view] = (await debts.list_debts(ctx, case_id)).items
    assert view.entry.debt.balance == Money(40_000)


async def test_an_amount_changed_keeps_the_line_the_categoriser_learns(wired) -> None:  # type: ignore[no-untyped-def]
    world, _, _ = wired
    world.documents.examples = memory_docs.examples
    budgets = BudgetService(world.app.uow, world.app.clock, SfsDdsCodec(), **ports(BUDGETS))
    world.documents.budget_lines = budgets
    ctx, case_id = await open_case(world)
    [s] = await _one(world, ctx, case_id, PAYSLIP, 14)
    await world.documents.accept_suggestion(
        ctx, s.id, expected_version=1, changes=Amendment(balance=Money(42_000))
    )
    [example] = await _examples(world, ctx.centre_id)
    assert example.outcome is ExampleOutcome.CORRECTED
    assert example.budget_line == "client_salary"


async def test_an_income_line_takes_the_advisers_frequency_and_line(wired) -> None:  # type: ignore[no-untyped-def]
    world, _, _ = wired
    budgets = BudgetService(world.app.uow, world.app.clock, SfsDdsCodec(), **ports(BUDGETS))
    world.documents.budget_lines = budgets
    ctx, case_id = await open_case(world)
    [s] = await _one(world, ctx, case_id, PAYSLIP, 5)
    await world.documents.accept_suggestion(
        ctx, s.id, expected_version=1,
        changes=Amendment(frequency="fortnightly", budget_line="partner_salary"),
    )  # fmt: skip
    lines = (await budgets.get(ctx, case_id)).record.budget.lines
    assert "client_salary" not in lines
    assert lines["partner_salary"].monthly == Money(88_833)  # £410 x 26 / 12


@pytest.mark.parametrize(
    ("extraction", "changes", "field"),
    [
        (LOWELL, Amendment(fact_date=dt.date(2026, 3, 1)), "changes.fact_date"),
        (LOWELL, Amendment(frequency="weekly"), "changes.frequency"),
        (LOWELL, Amendment(creditor_name="   "), "changes.creditor_name"),
        (LOWELL, Amendment(account_reference="A\nB"), "changes.account_reference"),
        (LOWELL, Amendment(balance=Money(-1)), "changes.balance_pence"),
        (PAYSLIP, Amendment(frequency="hourly"), "changes.frequency"),
        (PAYSLIP, Amendment(budget_line="rent"), "changes.budget_line"),
        (PAYSLIP, Amendment(budget_line="no_such_line"), "changes.budget_line"),
        (PAYSLIP, Amendment(creditor_name="Someone"), "changes.creditor_name"),
        (PAYSLIP, Amendment(debt_type="rent"), "changes.debt_type"),
        (
            N1,
            Amendment(deadline=dt.date(2026, 3, 30), fact_date=dt.date(2026, 3, 2)),
            "changes.deadline",
        ),
        (NOTICE_DATED, Amendment(deadline=dt.date(2026, 3, 30)), "changes.deadline"),
        (LOWELL, Amendment(budget_line="rent"), "changes.budget_line"),
    ],
)
async def test_a_change_the_kind_does_not_take_is_refused_naming_it(  # type: ignore[no-untyped-def]
    wired, extraction, changes, field
) -> None:
    world, debts, clock = wired
    budgets = BudgetService(world.app.uow, world.app.clock, SfsDdsCodec(), **ports(BUDGETS))
    world.documents.budget_lines = budgets
    ctx, case_id = await open_case(world)
    items = await _one(world, ctx, case_id, extraction, 6)
    s = next(i for i in items if i.kind is not SuggestionKind.NEW_DEBT or len(items) == 1)
    with pytest.raises(ValidationError) as caught:
        await world.documents.accept_suggestion(ctx, s.id, expected_version=1, changes=changes)
    assert caught.value.field == field
    # Nothing changed: still pending, at its version, nothing on the case.
    again = await world.documents.get_suggestion(ctx, s.id)
    assert (again.status, again.version, again.as_read) == (SuggestionStatus.PENDING, 1, None)
    assert (await debts.list_debts(ctx, case_id)).total == 0
    assert (await clock.list_deadlines(ctx, case_id)).total == 0


async def test_stale_or_decided_suggestions_are_refused_with_changes_too(wired) -> None:  # type: ignore[no-untyped-def]
    world, debts, _ = wired
    ctx, case_id = await open_case(world)
    [s] = await _one(world, ctx, case_id, LOWELL, 7)
    change = Amendment(balance=Money(1))
    with pytest.raises(StaleVersion):
        await world.documents.accept_suggestion(ctx, s.id, expected_version=2, changes=change)
    await world.documents.reject_suggestion(ctx, s.id, expected_version=1)
    with pytest.raises(InvalidTransition):
        await world.documents.accept_suggestion(ctx, s.id, expected_version=2, changes=change)
    assert (await debts.list_debts(ctx, case_id)).total == 0


COUNCIL = Extraction(
    document_class=DocumentClass.COUNCIL_TAX, confidence=0.9, source="script",
    creditor_name="Leeds City Council", account_reference="CT-4471", balance_pence=84_210,
)  # fmt: skip


async def test_a_new_debt_names_its_type_and_the_adviser_may_choose_another(wired) -> None:  # type: ignore[no-untyped-def]
    """The type a debt is added as is decided when it is suggested (a council tax bill's
    is council tax, a priority debt; a creditor's letter cannot say: other), kept on the
    suggestion, and the adviser's choice on accepting wins and is kept as read."""
    from cma_core.debts.model import DebtType

    world, debts, _ = wired
    ctx, case_id = await open_case(world)
    [council] = await _one(world, ctx, case_id, COUNCIL, 21)
    assert council.debt_type == "council_tax"
    await world.documents.accept_suggestion(ctx, council.id, expected_version=1)
    [lowell] = [
        s for s in await _one(world, ctx, case_id, LOWELL, 22) if s.status.value == "pending"
    ]
    assert lowell.debt_type == "other"
    decision = await world.documents.accept_suggestion(
        ctx, lowell.id, expected_version=1, changes=Amendment(debt_type="credit_card")
    )
    assert decision.suggestion.debt_type == "credit_card"
    assert decision.suggestion.as_read == Amendment(debt_type="other")
    types = {v.entry.debt.debt_type for v in (await debts.list_debts(ctx, case_id)).items}
    assert types == {DebtType.COUNCIL_TAX, DebtType.CREDIT_CARD}


async def test_an_unknown_debt_type_is_refused_naming_the_field(wired) -> None:  # type: ignore[no-untyped-def]
    world, debts, _ = wired
    ctx, case_id = await open_case(world)
    [s] = await _one(world, ctx, case_id, LOWELL, 23)
    with pytest.raises(ValidationError) as caught:
        await world.documents.accept_suggestion(
            ctx, s.id, expected_version=1, changes=Amendment(debt_type="space_loan")
        )
    assert caught.value.field == "changes.debt_type"
    assert (await debts.list_debts(ctx, case_id)).total == 0


JUDGMENT = Extraction(
    document_class=DocumentClass.COUNTY_COURT_JUDGMENT, confidence=0.9, source="script",
    creditor_name="Northgate Bank PLC", account_reference="RP-67286747", balance_pence=44_357,
)  # fmt: skip


async def test_a_debt_from_a_judgment_is_recorded_at_judgment_with_its_ccj(wired) -> None:  # type: ignore[no-untyped-def]
    """The paper's kind says how far recovery has gone: a judgment's debt is recorded at
    that stage and with its county court judgment; a creditor's letter says neither."""
    from cma_core.debts.model import EnforcementStage

    world, debts, _ = wired
    ctx, case_id = await open_case(world)
    [judgment] = await _one(world, ctx, case_id, JUDGMENT, 31)
    assert judgment.enforcement_stage == "judgment"
    await world.documents.accept_suggestion(ctx, judgment.id, expected_version=1)
    [letter] = [
        s for s in await _one(world, ctx, case_id, LOWELL, 32) if s.status.value == "pending"
    ]
    assert letter.enforcement_stage is None
    await world.documents.accept_suggestion(ctx, letter.id, expected_version=1)
    recorded = {
        v.entry.debt.account_reference: (v.entry.debt.enforcement_stage, v.entry.debt.ccj)
        for v in (await debts.list_debts(ctx, case_id)).items
    }
    assert recorded == {"RP-67286747": (EnforcementStage.JUDGMENT, True), "12345678": (None, None)}
