"""The offer plan use case: its checks, notes and labelled lines (CR-10, CR-11, CR-20)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from tests.unit.core.support import App, build_app, register_cmd
from tests.wiring import APPRAISALS, BUDGETS, DEBTS, ports

from cma_adapters.re2 import Re2PatternEngine
from cma_adapters.sfs import SfsDdsCodec
from cma_core.budgets.model import Budget, Household
from cma_core.budgets.service import BudgetService
from cma_core.cases.service import OpenCase
from cma_core.debts.model import DebtId, DebtType
from cma_core.debts.service import CreditorDetails, DebtDetails, DebtService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money
from cma_core.solutions.service import AppraisalService


class Services:
    def __init__(self) -> None:
        self.app: App = build_app()
        clock = self.app.clock
        self.debts = DebtService(self.app.uow, clock, patterns=Re2PatternEngine(), **ports(DEBTS))
        self.budgets = BudgetService(self.app.uow, clock, SfsDdsCodec(), **ports(BUDGETS))
        self.appraisals = AppraisalService(self.app.uow, clock, **ports(APPRAISALS))

    async def case(self) -> tuple[TenantContext, CaseId]:
        centre = await self.app.centre("Leeds")
        ctx = await self.app.staff(centre, Role.ADVISER)
        client = await self.app.clients.register(ctx, register_cmd())
        case = await self.app.cases.open(ctx, OpenCase(client_id=client.id))
        return ctx, case.id

    async def debt(self, ctx: TenantContext, case_id: CaseId, **kw: object) -> DebtId:
        self.app.clock.advance(dt.timedelta(seconds=1))  # debts are listed oldest first
        view = await self.debts.add_debt(ctx, case_id, DebtDetails(**kw))  # type: ignore[arg-type]
        return view.entry.id


@pytest.fixture
def svc() -> Services:
    return Services()


async def a_case(svc: Services) -> tuple[TenantContext, CaseId, dict[str, DebtId]]:
    ctx, case_id = await svc.case()
    council = await svc.debts.add_creditor(ctx, CreditorDetails(name="Leeds City Council"))
    bank = await svc.debts.add_creditor(ctx, CreditorDetails(name="Big Bank"))
    old = dt.date(2015, 1, 1)
    ids = {
        "council": await svc.debt(
            ctx,
            case_id,
            debt_type=DebtType.COUNCIL_TAX,
            balance=Money(80_000),
            creditor_id=council.id,
        ),
        "gas": await svc.debt(ctx, case_id, debt_type=DebtType.GAS, balance=Money(30_000)),
        "card": await svc.debt(
            ctx, case_id, debt_type=DebtType.CREDIT_CARD, balance=Money(50_000), creditor_id=bank.id
        ),
        "loan": await svc.debt(
            ctx,
            case_id,
            debt_type=DebtType.PERSONAL_LOAN,
            balance=Money(100_000),
            last_payment_date=old,
            last_acknowledgment_date=old,
            ccj=False,
        ),
    }
    budget = Budget(household=Household())
    budget.set_line("client_salary", Money(15_000))
    await svc.budgets.put(ctx, case_id, budget, expected_version=0)
    return ctx, case_id, ids


async def test_lines_are_labelled_and_notes_name_what_to_check(svc: Services) -> None:
    ctx, case_id, ids = await a_case(svc)
    plan = await svc.appraisals.plan(ctx, case_id, priority_offers={ids["council"]: Money(5_000)})
    got = [
        (line.debt_id, line.creditor, line.kind.value, line.balance.pence, line.amount.pence)
        for line in plan.lines
    ]
    assert got == [
        (ids["council"], "Leeds City Council", "priority", 80_000, 5_000),
        (ids["gas"], "", "priority", 30_000, 0),
        (ids["card"], "Big Bank", "pro_rata", 50_000, 3_333),
        (ids["loan"], "", "pro_rata", 100_000, 6_667),
    ]
    assert plan.notes == (
        "no offer given for the priority gas debt",
        "CR-20: the personal_loan debt may be statute barred (LIM-01: 6 years (Limitation Act "
        "1980 s5 [S] from (start unknown)) from 2015-01-01, the later known date of last "
        "payment / written acknowledgment; period ends 2021-01-01); check before offering",
    )


@pytest.mark.parametrize(
    ("offers", "field", "message"),
    [
        ({"nowhere": 1}, "priority_offers.nowhere", "no such debt on the case"),
        ({"council": -1}, "priority_offers.council", "must not be negative"),
        ({"card": 1}, "priority_offers.card", "is not a priority debt"),
        # Each offer is checked for the debt and the amount before any is checked for kind.
        ({"card": 1, "gas": -1}, "priority_offers.gas", "must not be negative"),
    ],
)
async def test_priority_offers_are_checked(
    svc: Services, offers: dict[str, int], field: str, message: str
) -> None:
    ctx, case_id, ids = await a_case(svc)
    ids["nowhere"] = DebtId(uuid.UUID(int=7))
    by_id = {ids[k]: Money(v) for k, v in offers.items()}
    with pytest.raises(ValidationError) as err:
        await svc.appraisals.plan(ctx, case_id, priority_offers=by_id)
    name = field.split(".")[1]
    assert err.value.field == f"priority_offers.{ids[name]}"
    assert message in str(err.value)
