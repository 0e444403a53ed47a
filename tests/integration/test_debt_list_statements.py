"""A case's debt list reads what its debts are judged with once, not once a debt: the
case's jurisdiction, the centre's thresholds, each creditor and the references the centre
holds for it (``DebtService._view``'s ``_Judging``). The statements of a list are counted
on SQLite and PostgreSQL, so a register read again for every debt shows up here."""

from __future__ import annotations

import datetime as dt

from tests.integration.conftest import adviser_of_new_centre, counting

from cma_core.cases.service import OpenCase
from cma_core.clients.service import RegisterClient
from cma_core.debts.model import CreditorId, DebtType
from cma_core.debts.service import CreditorDetails, DebtDetails
from cma_core.identity.model import TenantContext
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money
from cma_entrypoints.container import Container


async def _case(c: Container) -> tuple[TenantContext, CaseId, list[CreditorId]]:
    ctx = await adviser_of_new_centre(c, "Listley")
    client = await c.clients().register(
        ctx, RegisterClient(first_name="Ann", last_name="Lee", date_of_birth=dt.date(1984, 3, 2))
    )
    case = await c.cases().open(ctx, OpenCase(client_id=client.id))
    creditors = [
        (await c.debts().add_creditor(ctx, CreditorDetails(name=name))).id
        for name in ("Fellside Finance", "Tarnbeck Bank")
    ]
    return ctx, case.id, creditors


async def _add(c: Container, ctx: TenantContext, case_id: CaseId, creditor: CreditorId, n: int):
    await c.debts().add_debt(
        ctx,
        case_id,
        DebtDetails(
            debt_type=DebtType.PERSONAL_LOAN, balance=Money(10000 + n), creditor_id=creditor,
            account_reference=f"FF-{100000 + n}",
        ),
    )  # fmt: skip


async def test_a_debt_list_reads_the_same_statements_for_two_debts_as_for_twelve(
    c: Container,
) -> None:
    ctx, case_id, creditors = await _case(c)
    for n, creditor in enumerate(creditors):
        await _add(c, ctx, case_id, creditor, n)
    await c.publisher().drain()  # type: ignore[attr-defined]  # the handlers' statements
    with counting(c) as two:
        page = await c.debts().list_debts(ctx, case_id, limit=50)
    assert page.total == 2
    for n in range(2, 12):
        await _add(c, ctx, case_id, creditors[n % 2], n)
    await c.publisher().drain()  # type: ignore[attr-defined]
    with counting(c) as twelve:
        page = await c.debts().list_debts(ctx, case_id, limit=50)
    assert page.total == 12
    # every debt judged by the shape its creditor's other debts teach
    assert {v.reference_matches for v in page.items} == {True}
    assert len(twelve) == len(two), "\n".join(twelve)
