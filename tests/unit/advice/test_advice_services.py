"""The debt-advice services on the in-memory adapters: rules, audit, events, tenancy."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import attrs
import pytest
from tests.unit.core.support import App, build_app, register_cmd
from tests.wiring import ADVICE, APPRAISALS, BUDGETS, DEBTS, LETTERS, ports

from cma_adapters.letters import JinjaLetterRenderer
from cma_adapters.re2 import Re2PatternEngine
from cma_adapters.sfs import SfsDdsCodec
from cma_core.advice.ports import ClientDecision, LetterKind
from cma_core.advice.service import AdviceService, LetterService, RecordAdvice
from cma_core.budgets.catalogue import Category
from cma_core.budgets.frequency import Frequency
from cma_core.budgets.model import Budget, Household, Tenure
from cma_core.budgets.offers import OfferKind
from cma_core.budgets.ports import SfsFormat, SfsStatementDetails
from cma_core.budgets.service import BudgetService, ReferenceService
from cma_core.debts.model import DebtType
from cma_core.debts.service import DebtDetails, DebtService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.errors import (
    NotFound,
    PermissionDenied,
    StaleVersion,
    ValidationError,
)
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money
from cma_core.solutions.model import Eligibility, Solution
from cma_core.solutions.service import AppraisalService

TODAY = dt.date(2026, 3, 2)


@attrs.define
class Advice:
    app: App
    debts: DebtService
    budgets: BudgetService
    appraisals: AppraisalService
    advice: AdviceService
    letters: LetterService
    reference: ReferenceService


@pytest.fixture
def svc() -> Advice:
    return build_services()


def build_services() -> Advice:
    """The advice-area services on one in-memory app, wired as the container wires them."""
    app = build_app()
    appraisals = AppraisalService(app.uow, app.clock, **ports(APPRAISALS))
    return Advice(
        app=app,
        debts=DebtService(app.uow, app.clock, patterns=Re2PatternEngine(), **ports(DEBTS)),
        budgets=BudgetService(app.uow, app.clock, SfsDdsCodec(), **ports(BUDGETS)),
        appraisals=appraisals,
        advice=AdviceService(app.uow, app.clock, appraisals, **ports(ADVICE)),
        letters=LetterService(
            app.uow,
            JinjaLetterRenderer(),
            app.clock,
            **ports((*LETTERS, "facts", "centre_profiles")),
            identity=app.store,
        ),
        reference=ReferenceService(app.uow, app.clock, **ports(("reference",))),
    )


async def adviser_case(svc: Advice, name: str = "Leeds") -> tuple[TenantContext, CaseId]:
    from cma_core.cases.service import OpenCase

    centre = await svc.app.centre(name)
    ctx = await svc.app.staff(centre, Role.ADVISER)
    client = await svc.app.clients.register(ctx, register_cmd())
    case = await svc.app.cases.open(ctx, OpenCase(client_id=client.id))
    return ctx, case.id


def card(balance: int = 150000, **kw: object) -> DebtDetails:
    values: dict[str, object] = {"debt_type": DebtType.CREDIT_CARD, "balance": Money(balance)}
    values.update(kw)
    return DebtDetails(**values)  # type: ignore[arg-type]


def small_budget(food: int = 30000, note: str | None = None) -> Budget:
    b = Budget(household=Household(tenure=Tenure.TENANT_SOCIAL), asset_use_considered=True)
    b.set_line("client_salary", Money(200000))
    b.set_line("rent", Money(60000))
    b.set_line("groceries", Money(food), note=note)
    b.set_savings_contribution(Money(0))
    return b


# --------------------------------------------------------------------------- debts


async def test_adding_a_debt_audits_and_raises_debt_added(svc: Advice) -> None:
    ctx, case_id = await adviser_case(svc)
    view = await svc.debts.add_debt(ctx, case_id, card())
    assert view.priority.is_priority is False
    events = svc.app.published("DebtAdded")
    assert [e.payload["case_id"] for e in events] == [str(case_id)]
    audit = await svc.app.audit(ctx.centre_id, entity_type="debt")
    assert [a.action for a in audit] == ["debt.created"]


async def test_a_ccj_alone_never_makes_a_debt_priority(svc: Advice) -> None:
    ctx, case_id = await adviser_case(svc)
    view = await svc.debts.add_debt(ctx, case_id, card(ccj=True))
    assert view.priority.is_priority is False
    assert any("PRI-CCJ" in f for f in view.priority.flags)


async def test_an_override_needs_a_reason_and_is_kept(svc: Advice) -> None:
    ctx, case_id = await adviser_case(svc)
    with pytest.raises(ValidationError) as err:
        await svc.debts.add_debt(ctx, case_id, card(priority_override=True))
    assert err.value.field == "priority_override_reason"
    view = await svc.debts.add_debt(
        ctx, case_id, card(priority_override=True, priority_override_reason="charging order")
    )
    assert view.priority.is_priority is True
    assert view.priority.override_reason == "charging order"


async def test_bad_figures_name_the_field(svc: Advice) -> None:
    ctx, case_id = await adviser_case(svc)
    with pytest.raises(ValidationError) as err:
        await svc.debts.add_debt(ctx, case_id, card(-1))
    assert err.value.field == "balance_pence"
    with pytest.raises(ValidationError) as err:
        await svc.debts.add_debt(ctx, case_id, card(arrears=Money(-5)))
    assert err.value.field == "arrears_pence"
    with pytest.raises(ValidationError) as err:
        await svc.debts.add_debt(ctx, case_id, card(last_payment_date=TODAY + dt.timedelta(1)))
    assert err.value.field == "last_payment_date"


async def test_limitation_warning_after_six_years(svc: Advice) -> None:
    ctx, case_id = await adviser_case(svc)
    six_years_ago = dt.date(2020, 3, 1)  # period ends 2026-03-01, the day before today
    view = await svc.debts.add_debt(
        ctx,
        case_id,
        card(last_payment_date=six_years_ago, last_acknowledgment_date=six_years_ago, ccj=False),
    )
    assert view.limitation.warning is True
    within = await svc.debts.add_debt(
        ctx,
        case_id,
        card(last_payment_date=dt.date(2020, 3, 2), last_acknowledgment_date=None, ccj=False),
    )
    assert within.limitation.warning is False


async def test_edits_are_optimistic_and_raise_debt_updated(svc: Advice) -> None:
    ctx, case_id = await adviser_case(svc)
    view = await svc.debts.add_debt(ctx, case_id, card())
    updated = await svc.debts.update_debt(
        ctx, case_id, view.entry.id, card(140000), expected_version=1
    )
    assert updated.entry.version == 2
    assert svc.app.published("DebtUpdated")[0].payload["fields"] == ["balance"]
    with pytest.raises(StaleVersion):
        await svc.debts.update_debt(ctx, case_id, view.entry.id, card(1), expected_version=1)


async def test_another_centre_sees_nothing(svc: Advice) -> None:
    ctx, case_id = await adviser_case(svc, "Leeds")
    other, _ = await adviser_case(svc, "York")
    view = await svc.debts.add_debt(ctx, case_id, card())
    with pytest.raises(NotFound):
        await svc.debts.list_debts(other, case_id)
    with pytest.raises(NotFound):
        await svc.debts.add_debt(other, case_id, card())
    with pytest.raises(NotFound):
        await svc.debts.get_debt(other, case_id, view.entry.id)
    with pytest.raises(NotFound):
        await svc.budgets.get(other, case_id)


async def test_caseworkers_have_no_financial_access(svc: Advice) -> None:
    ctx, case_id = await adviser_case(svc)
    worker = TenantContext(
        centre_id=ctx.centre_id, user_id=ctx.user_id, roles=frozenset({Role.CASEWORKER})
    )
    with pytest.raises(PermissionDenied):
        await svc.debts.list_debts(worker, case_id)
    with pytest.raises(PermissionDenied):
        await svc.budgets.get(worker, case_id)


# --------------------------------------------------------------------------- budget


async def test_budget_put_is_versioned_and_raises_budget_changed(svc: Advice) -> None:
    ctx, case_id = await adviser_case(svc)
    view = await svc.budgets.put(ctx, case_id, small_budget(), expected_version=0)
    assert view.record.version == 1
    assert view.summary.available_for_priority == Money(200000 - 60000 - 30000)
    assert svc.app.published("BudgetChanged")[0].payload["case_id"] == str(case_id)
    with pytest.raises(StaleVersion):
        await svc.budgets.put(ctx, case_id, small_budget(), expected_version=0)


async def test_above_guideline_needs_a_note_before_completion(svc: Advice) -> None:
    ctx, case_id = await adviser_case(svc)
    example = (
        resources.files("cma_core.reference")
        .joinpath("example_spending_guidelines.csv")
        .read_text("utf-8")
    )
    await svc.reference.load(ctx, guidelines_csv=example, source="EXAMPLE")
    # Example guideline for 1 adult, food & housekeeping, from 2025-04-07: £315.00.
    at = await svc.budgets.put(ctx, case_id, small_budget(31500), expected_version=0)
    assert not at.flagged
    over = await svc.budgets.put(ctx, case_id, small_budget(31501), expected_version=1)
    assert [c.category for c in over.flagged] == [Category.FOOD_HOUSEKEEPING]
    with pytest.raises(ValidationError) as err:
        await svc.budgets.put(ctx, case_id, small_budget(31501), complete=True, expected_version=2)
    assert err.value.field == "category_notes.food_housekeeping"
    done = await svc.budgets.put(
        ctx,
        case_id,
        small_budget(31501, note="special diet"),
        complete=True,
        expected_version=2,
    )
    assert done.record.completed_at is not None


async def test_sfs_import_creates_budget_debts_and_offers(svc: Advice) -> None:
    ctx, case_id = await adviser_case(svc)
    await svc.debts.add_debt(ctx, case_id, card(ccj=False))
    b = small_budget()
    b.set_line("client_salary", Money(50000), Frequency.WEEKLY, "payslips")
    await svc.budgets.put(
        ctx,
        case_id,
        b,
        details=SfsStatementDetails(client_employment_status=("Full-time",)),
        expected_version=0,
    )
    exported = await svc.budgets.export_sfs(ctx, case_id, SfsFormat.XML)
    other_ctx, other_case = await adviser_case(svc, "York")
    view = await svc.budgets.import_sfs(
        other_ctx, other_case, exported, SfsFormat.XML, expected_version=0
    )
    assert view.record.budget.lines["client_salary"].frequency is Frequency.WEEKLY
    debts = await svc.debts.list_debts(other_ctx, other_case)
    assert [d.entry.debt.balance for d in debts.items] == [Money(150000)]
    assert debts.items[0].creditor is None


# --------------------------------------------------------------------------- options, offers


async def test_options_need_a_jurisdiction_and_list_every_solution(svc: Advice) -> None:
    ctx, case_id = await adviser_case(svc)
    with pytest.raises(ValidationError) as err:
        await svc.appraisals.options(ctx, case_id)
    assert err.value.field == "jurisdiction"
    result = await svc.appraisals.options(ctx, case_id, jurisdiction=Jurisdiction.SCO)
    assert {o.solution for o in result.options} >= {Solution.MAP, Solution.SEQUESTRATION}
    await svc.debts.add_debt(ctx, case_id, card())
    dro = (await svc.appraisals.options(ctx, case_id, jurisdiction=Jurisdiction.EW)).get(
        Solution.DRO
    )
    # A debt but no budget or facts: missing facts mean adviser judgement, never a guess.
    assert dro.status is Eligibility.ADVISER_JUDGEMENT
    assert "missing: budget (SFS)" in dro.missing


async def test_offers_priority_first_then_pro_rata_to_the_penny(svc: Advice) -> None:
    ctx, case_id = await adviser_case(svc)
    council = await svc.debts.add_debt(
        ctx, case_id, DebtDetails(debt_type=DebtType.COUNCIL_TAX, balance=Money(80000))
    )
    balances = [50000, 100000, 23300, 20000]  # UK-DEBT-ADVICE §4 worked example
    for b in balances:
        svc.app.clock.advance(dt.timedelta(seconds=1))  # creditors are listed oldest first
        await svc.debts.add_debt(ctx, case_id, card(b))
    budget = Budget(household=Household())
    budget.set_line("client_salary", Money(15000))
    await svc.budgets.put(ctx, case_id, budget, expected_version=0)
    plan = await svc.appraisals.plan(ctx, case_id, priority_offers={council.entry.id: Money(5000)})
    amounts = [x.amount.pence for x in plan.lines if x.kind is OfferKind.PRO_RATA]
    assert amounts == [2587, 5173, 1205, 1035]
    assert sum(amounts) == plan.available_for_non_priority.pence == 10000
    with pytest.raises(ValidationError) as err:
        await svc.appraisals.plan(ctx, case_id, priority_offers={council.entry.id: Money(15001)})
    assert err.value.field == "priority_offers"


async def test_token_payments_when_nothing_is_left(svc: Advice) -> None:
    ctx, case_id = await adviser_case(svc)
    await svc.debts.add_debt(ctx, case_id, card())
    await svc.budgets.put(ctx, case_id, Budget(household=Household()), expected_version=0)
    plan = await svc.appraisals.plan(ctx, case_id, priority_offers={})
    assert plan.uses_token_payments
    assert [x.kind for x in plan.lines] == [OfferKind.TOKEN]


# --------------------------------------------------------------------------- advice, letters


async def test_advice_record_checks_cr05_and_cr13(svc: Advice) -> None:
    ctx, case_id = await adviser_case(svc)
    await svc.budgets.put(ctx, case_id, small_budget(), expected_version=0)
    base = RecordAdvice(
        on_date=TODAY, recommended=Solution.MAP, reasons="x", jurisdiction=Jurisdiction.EW
    )
    with pytest.raises(ValidationError) as err:
        await svc.advice.record_advice(ctx, case_id, base)
    assert err.value.field == "recommended"
    too_much = attrs.evolve(base, recommended=Solution.DMP, monthly_payment=Money(110001))
    with pytest.raises(ValidationError) as err:
        await svc.advice.record_advice(ctx, case_id, too_much)
    assert err.value.field == "monthly_payment_pence"
    ok = attrs.evolve(too_much, monthly_payment=Money(110000))
    record = await svc.advice.record_advice(ctx, case_id, ok)
    assert {o.solution for o in record.options} >= {Solution.DRO, Solution.DMP}
    assert svc.app.published("AdviceRecorded")[0].payload["recommended"] == "dmp"
    decided = await svc.advice.record_decision(
        ctx, case_id, record.id, ClientDecision.ACCEPTED, None, expected_version=1
    )
    assert decided.version == 2


async def test_cr13_at_save_time_uses_the_amount_for_non_priority_debts(svc: Advice) -> None:
    """£150 available for priority debts, £50 of it offered on council tax arrears: a £120
    DMP payment fits the £150 but not the £100 left, so it is refused (the compliance rule
    reads the same ``solutions.affordability.check_payment``)."""
    ctx, case_id = await adviser_case(svc)
    council = await svc.debts.add_debt(
        ctx, case_id, DebtDetails(debt_type=DebtType.COUNCIL_TAX, balance=Money(80000))
    )
    await svc.debts.add_debt(ctx, case_id, card())
    budget = Budget(household=Household())
    budget.set_line("client_salary", Money(15000))
    await svc.budgets.put(ctx, case_id, budget, expected_version=0)
    await svc.appraisals.plan(ctx, case_id, priority_offers={council.entry.id: Money(5000)})
    dmp = RecordAdvice(
        on_date=TODAY,
        recommended=Solution.DMP,
        reasons="x",
        jurisdiction=Jurisdiction.EW,
        monthly_payment=Money(12000),
        expected_term_months=60,
    )
    with pytest.raises(ValidationError) as err:
        await svc.advice.record_advice(ctx, case_id, dmp)
    assert err.value.field == "monthly_payment_pence"
    assert "£100.00" in str(err.value)
    record = await svc.advice.record_advice(
        ctx, case_id, attrs.evolve(dmp, monthly_payment=Money(10000))
    )
    assert record.monthly_payment == Money(10000)


async def test_letters_from_default_and_centre_templates(svc: Advice) -> None:
    ctx, case_id = await adviser_case(svc)
    debt = await svc.debts.add_debt(ctx, case_id, card(account_reference="12<b>34"))
    with pytest.raises(ValidationError) as err:
        await svc.letters.generate(ctx, case_id, LetterKind.ADVICE_SUMMARY)
    assert err.value.field == "kind"
    with pytest.raises(ValidationError) as err:
        await svc.letters.generate(ctx, case_id, LetterKind.OFFER_OF_PAYMENT)
    assert err.value.field == "debt_id"
    letter = await svc.letters.generate(
        ctx, case_id, LetterKind.OFFER_OF_PAYMENT, debt_id=debt.entry.id
    )
    # Only the last four characters of an account number, never markup from it.
    assert "Account reference: *2b34" in letter.html
    assert "12<b>34" not in letter.html
    assert "12&lt;b&gt;34" not in letter.html
    sent = await svc.letters.mark_sent(ctx, case_id, letter.id, expected_version=1)
    assert sent.sent_at is not None
    assert svc.app.published("LetterSent")[0].payload["case_id"] == str(case_id)
    with pytest.raises(ValidationError) as err:
        await svc.letters.put_template(
            ctx, LetterKind.OFFER_OF_PAYMENT, "s", "{{ debt.nonsense }}", expected_version=0
        )
    assert err.value.field == "body"
    await svc.letters.put_template(
        ctx,
        LetterKind.OFFER_OF_PAYMENT,
        "Offer",
        "<p>{{ debt.balance }}</p>",
        expected_version=0,
    )
    mine = await svc.letters.generate(
        ctx, case_id, LetterKind.OFFER_OF_PAYMENT, debt_id=debt.entry.id
    )
    # The centre's own template is framed by the letterhead all the same.
    assert "<p>£1,500.00</p>" in mine.html
    assert mine.html.index("<b>Leeds</b>") < mine.html.index("<p>£1,500.00</p>")
    assert (await svc.letters.pdf(ctx, case_id, mine.id)).startswith(b"%PDF")


async def test_printable_sfs_lists_every_line_monthly(svc: Advice) -> None:
    ctx, case_id = await adviser_case(svc)
    b = small_budget(note="receipts held")
    b.set_line("mobile_phone", Money(1000), Frequency.WEEKLY)
    await svc.budgets.put(ctx, case_id, b, expected_version=0)
    letter = await svc.letters.generate(ctx, case_id, LetterKind.SFS_STATEMENT)
    assert "Groceries: £300.00 a month (receipts held)" in letter.html
    assert "Mobile phone: £43.33 a month" in letter.html  # £10 weekly x 52 / 12
    assert (await svc.letters.pdf(ctx, case_id, letter.id)).startswith(b"%PDF")


async def test_a_change_of_law_is_a_data_change(svc: Advice) -> None:
    """A centre's threshold table replaces the shipped one: the DRO debt limit (DRO-E2)
    moves with the data, at the penny, with no code change."""
    import json

    ctx, case_id = await adviser_case(svc)
    await svc.debts.add_debt(ctx, case_id, card(5_000_000))  # £50,000.00: at the limit

    async def dro_e2() -> str:
        result = await svc.appraisals.options(ctx, case_id, jurisdiction=Jurisdiction.EW)
        return result.get(Solution.DRO).reasons_for("DRO-E2")[0].finding.value

    assert await dro_e2() == "pass"
    shipped = json.loads(
        resources.files("cma_core.reference").joinpath("thresholds.json").read_text("utf-8")
    )
    for rec in shipped["records"]:
        if (
            rec["param"] == "dro.max_debt"
            and rec["jurisdiction"] == "EW"
            and not rec.get("valid_to")
        ):
            rec["value"] = 4_999_999  # one penny less, as a centre's own table
            rec["source"] = "TEST table"
    await svc.reference.load(ctx, thresholds_json=json.dumps(shipped))
    assert await dro_e2() == "fail"
    with pytest.raises(ValidationError):
        await svc.reference.load(ctx, thresholds_json='{"records": [{"value": 1}]}')
