"""The casework, debt-advice and compliance services on the in-memory adapters, with a
worker step that hands every published event to the compliance handlers (as the worker
does) so findings can be read after each change."""

from __future__ import annotations

from typing import Any

import attrs
from tests.unit.core.support import App, build_app, register_cmd
from tests.wiring import ADVICE, APPRAISALS, BUDGETS, COMPLIANCE, DEBTS, LETTERS, ports

from cma_adapters.holidays_calendar import HolidaysLibraryProvider
from cma_adapters.letters import JinjaLetterRenderer
from cma_adapters.memory.factories import repository_factories as memory_factories
from cma_adapters.sfs import SfsDdsCodec
from cma_core.advice.service import AdviceService, LetterService
from cma_core.budgets.frequency import Frequency
from cma_core.budgets.model import Budget, Household, Tenure
from cma_core.budgets.service import BudgetService
from cma_core.cases.service import OpenCase
from cma_core.casework.service import CaseworkService
from cma_core.compliance.model import Finding, Status
from cma_core.compliance.ports import CaseFileSources
from cma_core.compliance.records import CaseworkSources
from cma_core.compliance.service import ComplianceService
from cma_core.debts.service import DebtService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
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
    "budgets", "offers", "reference",
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
    debts = DebtService(app.uow, app.clock, **ports(DEBTS))
    compliance = ComplianceService(
        app.uow,
        app.clock,
        HolidaysLibraryProvider(),
        SchedulingConfig(),
        **ports(COMPLIANCE),
        advice=CaseFileSources(**memory_factories(*CASE_FILE)),
        casework=CaseworkSources(**memory_factories(*CASEWORK_SOURCES)),
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
