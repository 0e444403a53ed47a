"""The casework, debt-advice and compliance services on the in-memory adapters, with a
worker step that hands every published event to the compliance handlers (as the worker
does) so findings can be read after each change."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from tests.unit.core.support import App, build_app, register_cmd
from tests.wiring import ADVICE, APPRAISALS, BUDGETS, COMPLIANCE, DEBTS, LETTERS, ports

from cma_adapters.holidays_calendar import HolidaysLibraryProvider
from cma_adapters.letters import JinjaLetterRenderer
from cma_adapters.memory import privacy as memory_privacy
from cma_adapters.memory.factories import repository_factories as memory_factories
from cma_adapters.re2 import Re2PatternEngine
from cma_adapters.sfs import SfsDdsCodec
from cma_core.advice.service import AdviceService, LetterService
from cma_core.budgets.frequency import Frequency
from cma_core.budgets.model import Budget, Household, Tenure
from cma_core.budgets.service import BudgetService
from cma_core.cases.service import OpenCase
from cma_core.casework.registers import CaseRegisterService
from cma_core.casework.service import CaseworkService
from cma_core.compliance.model import Finding, Status
from cma_core.compliance.ports import CaseFileSources
from cma_core.compliance.records import CaseworkSources
from cma_core.compliance.service import ComplianceService
from cma_core.debts.service import DebtService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.privacy.rights import DataRightsService, PrivacyRecordsReader
from cma_core.scheduling.service import SchedulingConfig
from cma_core.shared.handlers import EventHandlers
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money
from cma_core.solutions.service import AppraisalService

CASEWORK = (
    "cases", "documents", "contacts", "checklists", "screenings", "credit_reports", "eligibility",
)  # fmt: skip
CASEWORK_SOURCES = (
    "contacts", "checklists", "screenings", "credit_reports", "eligibility", "debts", "facts",
    "budgets", "offers", "reference", "settlements", "complaints", "breathing_spaces",
)  # fmt: skip
REGISTERS = (
    "cases", "debts", "creditors", "documents", "settlements", "complaints", "breathing_spaces",
)  # fmt: skip
CASE_FILE = ("creditors", "debts", "facts", "budgets", "appraisals", "offers", "advice", "letters")


@attrs.define
class World:
    app: App
    debts: DebtService
    budgets: BudgetService
    appraisals: AppraisalService
    advice: AdviceService
    letters: LetterService
    casework: CaseworkService
    compliance: ComplianceService
    registers: CaseRegisterService
    rights: DataRightsService
    worker: EventHandlers
    handled: set[Any] = attrs.field(factory=set)

    async def case(self, name: str = "Leeds") -> tuple[TenantContext, CaseId]:
        centre = await self.app.centre(name)
        ctx = await self.app.staff(centre, Role.ADVISER)
        client = await self.app.clients.register(ctx, register_cmd())
        case = await self.app.cases.open(ctx, OpenCase(client_id=client.id))
        return ctx, case.id

    async def work(self) -> int:
        """Run the compliance handlers for every event published since the last call."""
        done = 0
        for envelope in list(self.app.publisher.published):
            if envelope.event_id in self.handled:
                continue
            self.handled.add(envelope.event_id)
            done += await self.worker.dispatch(envelope.centre_id, envelope.event_id)
        return done

    async def settle(self, ctx: TenantContext, case_id: CaseId) -> None:
        """Evaluate the case once, as if the worker had handled every event so far (each
        would evaluate it again: the same findings, more slowly)."""
        self.handled.update(e.event_id for e in self.app.publisher.published)
        await self.compliance.check_case(ctx.centre_id, case_id)

    async def findings(self, ctx: TenantContext, case_id: CaseId) -> dict[str, Finding]:
        await self.work()
        result = await self.compliance.case_compliance(ctx, case_id)
        assert result.stored
        return {f.rule_id: f for f in result.findings}

    async def status(self, ctx: TenantContext, case_id: CaseId) -> dict[str, Status]:
        return {k: f.status for k, f in (await self.findings(ctx, case_id)).items()}


def build_world() -> World:
    app = build_app()
    appraisals = AppraisalService(app.uow, app.clock, **ports(APPRAISALS))
    debts = DebtService(app.uow, app.clock, patterns=Re2PatternEngine(), **ports(DEBTS))
    compliance = ComplianceService(
        app.uow,
        app.clock,
        HolidaysLibraryProvider(),
        SchedulingConfig(),
        **ports(COMPLIANCE),
        advice=CaseFileSources(**memory_factories(*CASE_FILE)),
        casework=CaseworkSources(**memory_factories(*CASEWORK_SOURCES)),
        privacy=PrivacyRecordsReader(
            requests=memory_privacy.data_subject_requests, holds=memory_privacy.legal_holds
        ),
    )
    rights = DataRightsService(
        app.uow,
        app.clock,
        HolidaysLibraryProvider(),
        SchedulingConfig(),
        **ports(("cases", "clients", "closures")),
        requests=memory_privacy.data_subject_requests,
        holds=memory_privacy.legal_holds,
    )
    return World(
        app=app,
        debts=debts,
        budgets=BudgetService(app.uow, app.clock, SfsDdsCodec(), **ports(BUDGETS)),
        appraisals=appraisals,
        advice=AdviceService(app.uow, app.clock, appraisals, **ports(ADVICE)),
        letters=LetterService(app.uow, JinjaLetterRenderer(), app.clock, **ports(LETTERS)),
        casework=CaseworkService(app.uow, app.clock, **ports(CASEWORK), debt_service=debts),
        compliance=compliance,
        registers=CaseRegisterService(app.uow, app.clock, **ports(REGISTERS)),
        rights=rights,
        worker=EventHandlers(app.uow, app.clock, registered=compliance.handlers()),
    )


def full_budget(*, salary: int = 180000, rent: int = 55000) -> Budget:
    """A complete monthly budget with a modest surplus (income £1,800)."""
    b = Budget(household=Household(tenure=Tenure.TENANT_SOCIAL), asset_use_considered=True)
    b.set_line("client_salary", Money(salary), Frequency.MONTHLY, "payslip")
    b.set_line("rent", Money(rent))
    b.set_line("council_tax", Money(12000))
    b.set_line("gas", Money(6000))
    b.set_line("electricity", Money(6000))
    b.set_line("groceries", Money(30000))
    b.set_line("home_phone_internet_tv", Money(2500))
    b.set_savings_contribution(Money(0))
    return b


REPORT_CSV = (
    "lender,account_number,account_type,balance,status,default_date,opened_date,last_payment_date\n"
    "Example Bank,4929000000001234,Credit Card,1500.00,default,2025-03-01,2019-06-10,2025-02-01\n"
    "Mail Order Ltd,88120033,Mail Order,400.00,arrears,,2021-01-05,2026-01-14\n"
)
FIRST_CALL = dt.timedelta(hours=2)


@attrs.define
class Compliant:
    """A case with everything a complete file holds, every finding green."""

    ctx: TenantContext
    case_id: CaseId
    council: Any
    report: Any
    screening: Any


async def load_example_guidelines(world: World, ctx: TenantContext) -> None:
    from importlib import resources

    from cma_core.budgets.service import ReferenceService

    text = (
        resources.files("cma_core.reference")
        .joinpath("example_spending_guidelines.csv")
        .read_text("utf-8")
    )
    service = ReferenceService(world.app.uow, world.app.clock, **ports(("reference",)))
    await service.load(ctx, guidelines_csv=text, source="EXAMPLE")


async def compliant_case(world: World, *, credit_report: bool = True) -> Compliant:
    """Call logged, screening, checklist, debts from a credit report, facts, budget,
    options with eligibility decided, offers, advice and the written summary sent."""
    from cma_core.advice.ports import LetterKind
    from cma_core.advice.service import RecordAdvice
    from cma_core.assets.model import AssetSchedule, ResidenceFacts
    from cma_core.casework.model import Channel, Direction, Party, Purpose
    from cma_core.casework.service import ContactDetails, ScreeningDetails
    from cma_core.debts.model import DebtType
    from cma_core.debts.service import DebtDetails, FactsDetails
    from cma_core.reference.jurisdiction import Jurisdiction
    from cma_core.solutions.model import Eligibility, Solution

    ctx, case_id = await world.case()
    await reviewed_last_quarter(world, ctx)
    await load_example_guidelines(world, ctx)
    now = world.app.clock.now()
    today = now.date()
    cw = world.casework
    call = now - FIRST_CALL
    await cw.log_contact(
        ctx,
        case_id,
        ContactDetails(
            at=call,
            channel=Channel.PHONE,
            direction=Direction.INBOUND,
            party=Party.CLIENT,
            with_whom="Client",
            summary="First call",
            purpose=Purpose.FIRST_CONTACT,
        ),
    )
    for item, value in (
        ("privacy_notice", None),
        ("service_information", None),
        ("lawful_basis", "legitimate_interests"),
        ("authority_to_act", None),
    ):
        view = await cw.get_checklist(ctx, case_id)
        await cw.tick(
            ctx, case_id, item, done_at=call, value=value, expected_version=view.record.version
        )
    await cw.log_contact(
        ctx,
        case_id,
        ContactDetails(
            at=now - dt.timedelta(hours=1),
            channel=Channel.EMAIL,
            direction=Direction.OUTBOUND,
            party=Party.CREDITOR,
            with_whom="Example Bank",
            summary="Asked for a statement and to hold action",
        ),
    )
    screening = await cw.record_screening(
        ctx,
        case_id,
        ScreeningDetails(on=today, drivers=("life_events",), adjustments=("Shorter calls",)),
    )
    report = None
    if credit_report:
        report = await cw.import_credit_report(
            ctx, case_id, filename="r.csv", content=REPORT_CSV.encode(), agency="Experian"
        )
        for line in (1, 2):
            report = await cw.decide_line(
                ctx, case_id, report.id, line, accept=True, expected_version=report.version
            )
    creditor = await world.debts.add_creditor(ctx, _creditor("Leeds City Council"))
    council = await world.debts.add_debt(
        ctx,
        case_id,
        DebtDetails(
            debt_type=DebtType.COUNCIL_TAX,
            balance=Money(60000),
            creditor_id=creditor.id,
            last_payment_date=dt.date(2026, 1, 1),
        ),
    )
    await world.debts.put_facts(
        ctx,
        case_id,
        FactsDetails(
            jurisdiction=Jurisdiction.EW,
            assets=AssetSchedule(owns_property=False, vehicles=(), savings_and_cash=Money(0)),
            residence=ResidenceFacts(jurisdiction=Jurisdiction.EW, domiciled=True),
        ),
        expected_version=None,
    )
    await world.budgets.put(ctx, case_id, full_budget(), complete=True, expected_version=None)
    appraisal = await world.appraisals.save_appraisal(ctx, case_id)
    version = 0
    for option in appraisal.appraisal.options:
        if option.status is Eligibility.ADVISER_JUDGEMENT:
            await cw.decide_option(
                ctx,
                case_id,
                option.solution,
                eligible=option.solution is Solution.DMP,
                reason="Considered with the client",
                expected_version=version,
            )
            version += 1
    plan = await world.appraisals.plan(
        ctx, case_id, priority_offers={council.entry.id: Money(6000)}
    )
    await world.advice.record_advice(
        ctx,
        case_id,
        RecordAdvice(
            on_date=today,
            recommended=Solution.DMP,
            reasons="Surplus covers the council tax and a fair share for the rest.",
            risks="Creditors may refuse.",
            next_steps="Contact a free DMP provider.",
            monthly_payment=plan.available_for_non_priority,
            expected_term_months=12,
        ),
    )
    letter = await world.letters.generate(ctx, case_id, LetterKind.ADVICE_SUMMARY)
    await world.letters.mark_sent(ctx, case_id, letter.id, expected_version=letter.version)
    await world.settle(ctx, case_id)
    return Compliant(ctx=ctx, case_id=case_id, council=council, report=report, screening=screening)


def _creditor(name: str) -> Any:
    from cma_core.debts.service import CreditorDetails

    return CreditorDetails(name=name)


async def reviewed_last_quarter(world: World, ctx: TenantContext, reviews: int = 2) -> None:
    """``reviews`` closed files of the adviser ``ctx`` reviewed by a supervisor in the last
    complete quarter (CR-21's default period), each with a score and actions."""
    from cma_core.cases.model import CloseReason
    from cma_core.compliance.qa import Answer
    from cma_core.compliance.rules import _period_bounds

    clock = world.app.clock
    back_to = clock.at
    start, _ = _period_bounds(back_to.date(), 3)
    clock.at = dt.datetime.combine(start - dt.timedelta(days=10), dt.time(12), tzinfo=dt.UTC)
    centre = await world.app.store.get_centre(ctx.centre_id)
    assert centre is not None
    supervisor = await world.app.staff(centre, Role.SUPERVISOR)
    for _ in range(reviews):
        client = await world.app.clients.register(ctx, register_cmd())
        case = await world.app.cases.open(ctx, OpenCase(client_id=client.id))
        await world.app.cases.close(ctx, case.id, CloseReason.ADVICE_COMPLETE)
        await world.compliance.record_review(
            supervisor, case.id, {"CR-01": Answer.MET}, actions="Record the lawful basis earlier."
        )
    clock.at = back_to
