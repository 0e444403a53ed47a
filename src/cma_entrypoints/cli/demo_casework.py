"""Demo casework: what an adviser records on the open demo cases, through the same
services the API uses (so audit entries, events and findings are real).

Each scenario is data: the client's debts (every common type across the five, some from
a statutory credit report accepted line by line), a full SFS budget (the example spending
guidelines loaded for the centre), facts, the saved options appraisal with the adviser's
eligibility decisions, offers, the contact log, a vulnerability screening and the
first-contact checklist. Two cases are fully compliant; the others carry real findings
(authority to act after a creditor call, no screening, health data without consent, no
credit report check) or are part-way through (no budget yet).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs
from attrs import field, frozen

from cma_core.advice.ports import LetterKind
from cma_core.advice.service import RecordAdvice
from cma_core.assets.model import AssetSchedule, ResidenceFacts
from cma_core.budgets.frequency import Frequency
from cma_core.budgets.model import Budget, Household, Tenure
from cma_core.casework.breathing_space import BreathingSpaceDetails
from cma_core.casework.model import BsCheck, Channel, Direction, MoratoriumKind, Party, Purpose
from cma_core.casework.service import ContactDetails, ScreeningDetails
from cma_core.compliance.qa import Answer
from cma_core.compliance.registry import RULES
from cma_core.debts.model import DebtType
from cma_core.debts.service import CreditorDetails, DebtDetails, FactsDetails
from cma_core.identity.model import TenantContext
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.scheduling.ports import FactKind
from cma_core.scheduling.service import RecordFact
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money
from cma_core.solutions.model import Eligibility, Solution

if TYPE_CHECKING:
    from cma_entrypoints.container import Container

CHECKLIST_ALL = ("privacy_notice", "service_information", "lawful_basis", "authority_to_act")
CHECKLIST_VALUES = {
    "lawful_basis": "legitimate_interests",
    "credit_report_not_checked": "Client has no ID or online access this week; a statutory "
    "report is requested by post and will be checked at the review.",
}


@frozen
class DemoDebt:
    creditor: str
    debt_type: DebtType
    balance: int  # pence
    last_paid_days_ago: int = 40
    reference: str | None = None
    priority_offer: int | None = None  # pence a month, for a priority debt


@frozen
class Scenario:
    """What the adviser records on one open demo case (``case`` indexes ``demo.CASES``)."""

    case: int
    jurisdiction: Jurisdiction
    debts: tuple[DemoDebt, ...]
    report_csv: str | None = None
    lines: Mapping[str, int] = field(factory=dict)  # budget lines, monthly pence
    household: Household = field(factory=Household)
    budget_complete: bool = True
    recommend: Solution | None = None
    send_letter: bool = True
    checklist: tuple[str, ...] = CHECKLIST_ALL
    drivers: tuple[str, ...] = ()
    adjustments: tuple[str, ...] = ()
    screen: bool = True
    creditor_call_before_authority: bool = False
    #: A standard Breathing Space applied for yesterday, after the first call's advice,
    #: every reg 24(3) check confirmed, and registered the same day (CR-15…CR-17).
    breathing_space: bool = False
    note: str = ""


def _report(*rows: str) -> str:
    head = "lender,account_number,account_type,balance,status,default_date,opened_date,"
    return head + "last_payment_date\n" + "\n".join(rows) + "\n"


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        case=0,
        jurisdiction=Jurisdiction.EW,
        note="Compliant: DMP after council tax and water are dealt with first.",
        debts=(
            DemoDebt("Leeds City Council", DebtType.COUNCIL_TAX, 84500, priority_offer=6000),
            DemoDebt("Yorkshire Water", DebtType.WATER, 31200),
        ),
        report_csv=_report(
            "Northern Bank,4929000000004411,Credit Card,2310.44,default,2025-06-01,2018-02-11,"
            "2025-04-30",
            "Very Catalogue,VC-88120033,Mail Order,612.90,3 months in arrears,,2021-09-05,"
            "2026-08-02",
            "Highstreet Stores,ST-55012,Store Card,389.00,2 months in arrears,,2022-11-20,"
            "2026-09-14",
            "Old Lender,5500123,Personal Loan,0.00,settled,,2014-02-01,2017-01-01",
        ),
        lines={
            "client_salary": 198000,
            "child_benefit": 10400,
            "rent": 62000,
            "council_tax": 14000,
            "gas": 6500,
            "electricity": 7000,
            "water_supply": 3800,
            "groceries": 34000,
            "mobile_phone": 1800,
            "public_transport": 6400,
            "clothing_footwear": 2500,
        },
        household=Household(dependent_children_under_16=1, tenure=Tenure.TENANT_SOCIAL),
        recommend=Solution.DMP,
        drivers=("life_events",),
        adjustments=("Shorter appointments", "Summary of each call by email"),
    ),
    Scenario(
        case=1,
        jurisdiction=Jurisdiction.EW,
        note="Compliant deficit budget: nothing offered, advice on the deficit options, "
        "and a Breathing Space while income is maximised.",
        debts=(
            DemoDebt("Pennine Housing", DebtType.RENT, 126000, priority_offer=None),
            DemoDebt("HMCTS Fines", DebtType.MAGISTRATES_FINE, 45000),
            DemoDebt("TV Licensing", DebtType.TV_LICENCE, 15900),
            DemoDebt("ParkRight Ltd", DebtType.PARKING_CHARGE, 17000),
            DemoDebt("QuickCash", DebtType.PAYDAY_LOAN, 54000, last_paid_days_ago=120),
            DemoDebt("PayLater", DebtType.BNPL, 23900),
        ),
        lines={
            "uc_tax_credits": 98000,
            "rent": 65000,
            "council_tax": 9000,
            "electricity": 8000,
            "gas": 7000,
            "groceries": 30000,
            "mobile_phone": 1500,
        },
        household=Household(tenure=Tenure.TENANT_SOCIAL),
        recommend=None,
        send_letter=False,
        checklist=(*CHECKLIST_ALL, "credit_report_not_checked"),
        breathing_space=True,
    ),
    Scenario(
        case=2,
        jurisdiction=Jurisdiction.EW,
        note="Findings: a creditor was called before authority to act; no screening.",
        debts=(),
        report_csv=_report(
            "Example Bank,4929000000001234,Credit Card,3120.00,default,2025-03-01,2019-06-10,"
            "2025-02-01",
            "Card Co,5500000000009876,Credit Card,1870.25,arrears,,2020-01-15,2026-09-28",
            "High Street Bank,20-00-00 41234567,Current Account,940.00,arrears,,2012-04-02,"
            "2026-10-01",
            "Loans Direct,LD-20931,Unsecured Loan,4200.00,arrears,,2023-05-20,2026-08-30",
        ),
        lines={
            "client_salary": 205000,
            "rent": 72000,
            "council_tax": 13000,
            "electricity": 7000,
            "gas": 6000,
            "groceries": 28000,
            "home_phone_internet_tv": 3500,
            "public_transport": 8000,
        },
        household=Household(tenure=Tenure.TENANT_PRIVATE),
        recommend=Solution.DMP,
        checklist=("privacy_notice", "service_information", "lawful_basis"),
        screen=False,
        creditor_call_before_authority=True,
    ),
    Scenario(
        case=3,
        jurisdiction=Jurisdiction.EW,
        note="Findings: health recorded without consent; no credit report check.",
        debts=(
            DemoDebt("Northern Energy", DebtType.GAS, 64000, priority_offer=3000),
            DemoDebt("Northern Energy", DebtType.ELECTRICITY, 58000, priority_offer=3000),
            DemoDebt("Drive Finance", DebtType.HIRE_PURCHASE, 540000),
            DemoDebt("HMRC", DebtType.INCOME_TAX_VAT_NI, 120000),
            DemoDebt("Child Maintenance Service", DebtType.CHILD_MAINTENANCE, 38000),
            DemoDebt("Welsh Bank", DebtType.OVERDRAFT, 75000),
        ),
        lines={
            "client_salary": 240000,
            "rent": 70000,
            "council_tax": 15000,
            "gas": 9000,
            "electricity": 9000,
            "vehicle_hp": 18000,
            "car_insurance": 6000,
            "groceries": 30500,
            "mobile_phone": 2000,
        },
        household=Household(vehicles=1, tenure=Tenure.TENANT_PRIVATE),
        recommend=Solution.DMP,
        drivers=("health",),
        adjustments=("Phone calls, not letters",),
    ),
    Scenario(
        case=4,
        jurisdiction=Jurisdiction.SCO,
        note="Part-way: debts and facts recorded, no budget yet (Scotland).",
        debts=(
            DemoDebt("Speedy Loans", DebtType.PAYDAY_LOAN, 42000),
            DemoDebt("SLC", DebtType.STUDENT_LOAN, 1200000),
            DemoDebt("DWP", DebtType.UNIVERSAL_CREDIT_ADVANCE, 60000),
            DemoDebt("DWP", DebtType.BENEFIT_OVERPAYMENT, 83000),
            DemoDebt("Home Lender", DebtType.MORTGAGE_SHORTFALL, 1450000, 900),
        ),
        lines={},
        recommend=None,
        send_letter=False,
        checklist=("privacy_notice", "service_information", "lawful_basis"),
    ),
)


def steps() -> int:
    return len(SCENARIOS) + 2


async def load_guidelines(container: Container, admin: TenantContext) -> None:
    text = (
        resources.files("cma_core.reference")
        .joinpath("example_spending_guidelines.csv")
        .read_text("utf-8")
    )
    await container.reference().load(admin, guidelines_csv=text, source="EXAMPLE")


async def seed_casework(
    container: Container,
    staff: Mapping[str, TenantContext],
    case_ids: Sequence[CaseId],
    advance: Callable[[str], None],
    centre_name: str,
) -> None:
    """The scenarios on the centre's open demo cases (``case_ids`` in ``CASES`` order)."""
    await load_guidelines(container, staff["supervisor"])
    advance(f"{centre_name}: example spending guidelines")
    await file_reviews(container, staff, case_ids)
    advance(f"{centre_name}: last quarter's file reviews")
    for scenario in SCENARIOS:
        # The supervisor records the finances of the caseworker's case (no finance grant).
        ctx = staff["adviser1" if scenario.case in (0, 1) else "adviser2"]
        if scenario.case == 4:
            ctx = staff["supervisor"]
        await _run(container, ctx, case_ids[scenario.case], scenario)
        advance(f"{centre_name}: casework on case {scenario.case + 1}")


@frozen
class StoppedClock:
    """A clock stopped at one moment (the file reviews were done last quarter; the staff
    started a year ago)."""

    at: dt.datetime

    def now(self) -> dt.datetime:
        return self.at


#: (adviser, index in ``CASES`` of their closed file the supervisor reviewed)
REVIEWED = (("adviser1", 5), ("adviser2", 6))


async def file_reviews(
    container: Container, staff: Mapping[str, TenantContext], case_ids: Sequence[CaseId]
) -> None:
    """CR-21: the demo centres review one closed file per adviser per quarter (their
    policy's ``file_review_quota`` is 1; the default is 2), and the supervisor reviewed
    each adviser's closed file in the last complete quarter, with a score and actions."""
    supervisor = staff["supervisor"]
    compliance = container.compliance()
    await compliance.set_policy(supervisor, {"file_review_quota": 1}, expected_version=None)
    today = dt.datetime.now(dt.UTC).date()
    quarter_start = dt.date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    then = dt.datetime.combine(quarter_start - dt.timedelta(days=20), dt.time(11), dt.UTC)
    reviewer = attrs.evolve(compliance, clock=StoppedClock(then))
    for _adviser, index in REVIEWED:
        await reviewer.record_review(
            supervisor,
            case_ids[index],
            {rule.id: Answer.MET for rule in RULES},
            actions="Good file. Record the lawful basis at the first call, not later.",
        )


async def _run(container: Container, ctx: TenantContext, case_id: CaseId, s: Scenario) -> None:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    first_call = now - dt.timedelta(days=2)
    await _contacts_and_checklist(container, ctx, case_id, s, first_call)
    if s.screen:
        await container.casework().record_screening(
            ctx,
            case_id,
            ScreeningDetails(
                on=first_call.date(),
                drivers=s.drivers,
                adjustments=s.adjustments,
                answers={"idea_impact": "Finds letters stressful; prefers a call first."}
                if s.drivers
                else {},
            ),
        )
    debts = await _debts(container, ctx, case_id, s, now.date())
    await container.debts().put_facts(
        ctx,
        case_id,
        FactsDetails(
            jurisdiction=s.jurisdiction,
            assets=AssetSchedule(owns_property=False, vehicles=(), savings_and_cash=Money(0)),
            residence=ResidenceFacts(jurisdiction=s.jurisdiction, domiciled=True),
        ),
        expected_version=None,
    )
    if s.breathing_space:
        await _breathing_space(container, ctx, case_id, first_call.date())
    if not s.lines:
        return
    await _budget_and_advice(container, ctx, case_id, s, debts)


async def _breathing_space(
    container: Container, ctx: TenantContext, case_id: CaseId, advised_on: dt.date
) -> None:
    applied = advised_on + dt.timedelta(days=1)
    await container.case_registers().record_breathing_space(
        ctx,
        case_id,
        BreathingSpaceDetails(
            kind=MoratoriumKind.STANDARD,
            applied_on=applied,
            advice_on=advised_on,
            checks_confirmed=frozenset(BsCheck),
        ),
    )
    await container.scheduling().record_fact(
        ctx,
        case_id,
        RecordFact(kind=FactKind.BREATHING_SPACE_REGISTERED, occurred_on=applied),
    )


async def _contacts_and_checklist(
    container: Container,
    ctx: TenantContext,
    case_id: CaseId,
    s: Scenario,
    first_call: dt.datetime,
) -> None:
    cw = container.casework()
    await cw.log_contact(
        ctx,
        case_id,
        ContactDetails(
            at=first_call,
            channel=Channel.PHONE,
            direction=Direction.INBOUND,
            party=Party.CLIENT,
            with_whom="Client",
            summary="First call: explained the service, took the debts and income.",
            purpose=Purpose.FIRST_CONTACT,
        ),
    )
    if s.creditor_call_before_authority:
        await cw.log_contact(
            ctx,
            case_id,
            ContactDetails(
                at=first_call + dt.timedelta(hours=1),
                channel=Channel.PHONE,
                direction=Direction.OUTBOUND,
                party=Party.CREDITOR,
                with_whom="Example Bank collections",
                summary="Asked the bank to hold action for 30 days.",
            ),
        )
    version = 0
    for item in s.checklist:
        view = await cw.tick(
            ctx,
            case_id,
            item,
            done_at=first_call,
            value=CHECKLIST_VALUES.get(item),
            expected_version=version,
        )
        version = view.record.version
    await cw.log_contact(
        ctx,
        case_id,
        ContactDetails(
            at=first_call + dt.timedelta(days=1),
            channel=Channel.EMAIL,
            direction=Direction.OUTBOUND,
            party=Party.CLIENT,
            with_whom="Client",
            summary="Sent the SFS form and asked for bank statements and payslips.",
            purpose=Purpose.FOLLOW_UP,
        ),
    )


async def _debts(
    container: Container, ctx: TenantContext, case_id: CaseId, s: Scenario, today: dt.date
) -> dict[str, Any]:
    """Add the scenario's debts (by hand and from the credit report): ids by creditor."""
    out: dict[str, Any] = {}
    names: dict[str, Any] = {}
    for d in s.debts:
        if d.creditor not in names:
            names[d.creditor] = (
                await container.debts().add_creditor(ctx, CreditorDetails(name=d.creditor))
            ).id
        view = await container.debts().add_debt(
            ctx,
            case_id,
            DebtDetails(
                debt_type=d.debt_type,
                balance=Money(d.balance),
                creditor_id=names[d.creditor],
                account_reference=d.reference,
                last_payment_date=today - dt.timedelta(days=d.last_paid_days_ago),
            ),
        )
        out[f"{d.creditor}/{d.debt_type.value}"] = (view.entry.id, d)
    if s.report_csv:
        cw = container.casework()
        report = await cw.import_credit_report(
            ctx, case_id, filename="statutory-report.csv", content=s.report_csv.encode(),
            agency="Experian",
        )  # fmt: skip
        for line in report.lines:
            if line.decision.value == "pending":
                report = await cw.decide_line(
                    ctx, case_id, report.id, line.line, accept=True,
                    expected_version=report.version,
                )  # fmt: skip
    return out


async def _budget_and_advice(
    container: Container,
    ctx: TenantContext,
    case_id: CaseId,
    s: Scenario,
    debts: Mapping[str, Any],
) -> None:
    budget = Budget(household=s.household, asset_use_considered=True)
    for key, pence in s.lines.items():
        note = "payslips seen" if key == "client_salary" else None
        budget.set_line(key, Money(pence), Frequency.MONTHLY, note)
    budget.set_savings_contribution(Money(0))
    await container.budgets().put(
        ctx, case_id, budget, complete=s.budget_complete, expected_version=None
    )
    appraisal = await container.appraisals().save_appraisal(ctx, case_id)
    version = 0
    for option in appraisal.appraisal.options:
        if option.status is Eligibility.ADVISER_JUDGEMENT:
            await container.casework().decide_option(
                ctx,
                case_id,
                option.solution,
                eligible=option.solution is s.recommend,
                reason="Discussed with the client at the second appointment.",
                expected_version=version,
            )
            version += 1
    offers = {
        debt_id: Money(d.priority_offer)
        for debt_id, d in debts.values()
        if d.priority_offer is not None
    }
    plan = await container.appraisals().plan(ctx, case_id, priority_offers=offers)
    if s.recommend is None:
        return
    await container.advice_records().record_advice(
        ctx,
        case_id,
        RecordAdvice(
            on_date=dt.datetime.now(dt.UTC).date(),
            recommended=s.recommend,
            reasons="The surplus covers the priority debts and a fair share for the rest.",
            risks="Creditors may refuse the plan or add interest; credit file affected.",
            next_steps="Send the offers; review the budget in three months.",
            monthly_payment=plan.available_for_non_priority,
            expected_term_months=36,
        ),
    )
    if s.send_letter:
        letters = container.letters()
        letter = await letters.generate(ctx, case_id, LetterKind.ADVICE_SUMMARY)
        await letters.mark_sent(ctx, case_id, letter.id, expected_version=letter.version)
