"""Compliance reads a case's registers ahead in one statement (``CaseFileReadAhead``):
the statements one case's re-check runs are counted, so a register read on its own again
shows up here; and the findings and every register's records are the same with the
read-ahead as without it (on SQLite and PostgreSQL, the case holding several records of
each kind, so their order is checked too)."""

from __future__ import annotations

import datetime as dt

import attrs
from tests.integration.conftest import adviser_of_new_centre, counting
from tests.unit.casework.support import REPORT_CSV, full_budget

from cma_adapters.sqlalchemy import advice as sql_advice
from cma_adapters.sqlalchemy import budgets as sql_budgets
from cma_adapters.sqlalchemy import casework as sql_casework
from cma_adapters.sqlalchemy import debts as sql_debts
from cma_adapters.sqlalchemy import solutions as sql_solutions
from cma_adapters.sqlalchemy.compliance import CaseFileReadAhead
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork
from cma_core.assets.model import AssetSchedule, ResidenceFacts
from cma_core.cases.service import OpenCase
from cma_core.casework.model import Channel, Direction, Party, Purpose
from cma_core.casework.service import ContactDetails, ScreeningDetails
from cma_core.clients.service import RegisterClient
from cma_core.debts.model import DebtType
from cma_core.debts.service import CreditorDetails, DebtDetails, FactsDetails
from cma_core.identity.model import TenantContext
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.ids import CaseId, CentreId
from cma_core.shared.money import Money
from cma_entrypoints.container import Container

#: Statements of one case's re-check (``check_case``: its own unit of work, so the
#: centre-wide inputs are read too). Was 34 on this case, each register read on its own;
#: 17 now, on both databases: the case, its tasks and deadlines (with their counts), the
#: centre's profile, data key, closures, policy and file reviews, the adviser's start, the
#: privacy register, the creditor directory, one read-ahead of every debt-advice and
#: casework register, and reading, deleting and writing the findings.
MAX_STATEMENTS = 20


def _contact(at: dt.datetime, party: Party, summary: str) -> ContactDetails:
    return ContactDetails(
        at=at,
        channel=Channel.PHONE,
        direction=Direction.INBOUND,
        party=party,
        with_whom="Someone",
        summary=summary,
        purpose=Purpose.FIRST_CONTACT if party is Party.CLIENT else Purpose.OTHER,
    )


async def _full_case(c: Container, name: str) -> tuple[TenantContext, CaseId]:
    """A case (of its own centre) with two or more records in most registers."""
    ctx = await adviser_of_new_centre(c, name)
    client = await c.clients().register(
        ctx, RegisterClient(first_name="Ann", last_name="Lee", date_of_birth=dt.date(1984, 3, 2))
    )
    case = await c.cases().open(ctx, OpenCase(client_id=client.id))
    cw, now = c.casework(), dt.datetime.now(dt.UTC)
    # Logged out of order: the register lists them by when they happened.
    for hours, party in ((1, Party.CREDITOR), (5, Party.CLIENT), (3, Party.CLIENT)):
        await cw.log_contact(
            ctx, case.id, _contact(now - dt.timedelta(hours=hours), party, f"call {hours}")
        )
    for item in ("privacy_notice", "service_information"):
        view = await cw.get_checklist(ctx, case.id)
        await cw.tick(
            ctx, case.id, item, done_at=now, value=None, expected_version=view.record.version
        )
    for days in (0, 2):
        await cw.record_screening(
            ctx,
            case.id,
            ScreeningDetails(on=now.date() - dt.timedelta(days=days), drivers=("life_events",)),
        )
    await cw.import_credit_report(
        ctx, case.id, filename="r.csv", content=REPORT_CSV.encode(), agency="Experian"
    )
    creditor = await c.debts().add_creditor(ctx, CreditorDetails(name="Leeds City Council"))
    for pence in (60000, 12000):
        await c.debts().add_debt(
            ctx,
            case.id,
            DebtDetails(
                debt_type=DebtType.COUNCIL_TAX, balance=Money(pence), creditor_id=creditor.id
            ),
        )
    await c.debts().put_facts(
        ctx,
        case.id,
        FactsDetails(
            jurisdiction=Jurisdiction.EW,
            assets=AssetSchedule(owns_property=False, vehicles=(), savings_and_cash=Money(0)),
            residence=ResidenceFacts(jurisdiction=Jurisdiction.EW, domiciled=True),
        ),
        expected_version=None,
    )
    await c.budgets().put(ctx, case.id, full_budget(), complete=True, expected_version=None)
    await c.appraisals().save_appraisal(ctx, case.id)
    await c.publisher().drain()  # type: ignore[attr-defined]
    return ctx, case.id


async def test_one_case_recheck_runs_a_bounded_number_of_statements(c: Container) -> None:
    ctx, case_id = await _full_case(c, "Countley")
    with counting(c) as statements:
        await c.compliance().check_case(ctx.centre_id, case_id)
    assert len(statements) <= MAX_STATEMENTS, "\n".join(statements)
    # Each register read on its own (as before the read-ahead) goes over the bound.
    with counting(c) as one_by_one:
        await attrs.evolve(c.compliance(), read_ahead=None).check_case(ctx.centre_id, case_id)
    assert len(one_by_one) > MAX_STATEMENTS + 10, (len(statements), len(one_by_one))


async def test_findings_are_the_same_without_the_read_ahead(c: Container) -> None:
    ctx, case_id = await _full_case(c, "Sameley")
    service = c.compliance()
    assert isinstance(service.read_ahead, CaseFileReadAhead)
    with_ahead = await service.check_case(ctx.centre_id, case_id)
    without = await attrs.evolve(service, read_ahead=None).check_case(ctx.centre_id, case_id)
    assert [attrs.asdict(f) for f in with_ahead] == [attrs.asdict(f) for f in without]
    assert {f.rule_id for f in with_ahead} >= {"CR-01", "CR-02", "CR-03", "CR-09", "CR-14"}


REGISTERS = {
    "contacts": lambda u, k: sql_casework.contacts(u).list_for_case(k),
    "screenings": lambda u, k: sql_casework.screenings(u).list_for_case(k),
    "credit_reports": lambda u, k: sql_casework.credit_reports(u).list_for_case(k),
    "checklist": lambda u, k: sql_casework.checklists(u).get(k),
    "eligibility": lambda u, k: sql_casework.eligibility(u).get(k),
    "debts": lambda u, k: sql_debts.debts(u).list_for_case(k),
    "facts": lambda u, k: sql_debts.facts(u).get(k),
    "budget": lambda u, k: sql_budgets.budgets(u).get(k),
    "offers": lambda u, k: sql_budgets.offers(u).list_for_case(k),
    "appraisals": lambda u, k: sql_solutions.appraisals(u).list_for_case(k),
    "advice": lambda u, k: sql_advice.advice(u).list_for_case(k),
}


async def test_every_register_reads_the_same_ahead(c: Container) -> None:
    ctx, case_id = await _full_case(c, "Aheadley")
    reads = {}
    async with c.uow()(CentreId(ctx.centre_id)) as uow:
        reads = {name: await read(uow, case_id) for name, read in REGISTERS.items()}
        async with CaseFileReadAhead().case(uow, case_id):
            sql = SqlAlchemyUnitOfWork.of(uow).context
            assert sql.read_ahead, "nothing was read ahead"
            with counting(c) as statements:
                ahead = {name: await read(uow, case_id) for name, read in REGISTERS.items()}
        assert not sql.read_ahead  # dropped with the context
    assert statements == []
    assert ahead == reads
    assert len(reads["contacts"]) == 3  # type: ignore[arg-type]
    assert len(reads["debts"]) == 2  # type: ignore[arg-type]


async def test_a_write_drops_what_was_read_ahead(c: Container) -> None:
    ctx, case_id = await _full_case(c, "Writeley")
    async with c.uow()(CentreId(ctx.centre_id)) as uow, CaseFileReadAhead().case(uow, case_id):
        debts = sql_debts.debts(uow)
        first = list(await debts.list_for_case(case_id))
        await debts.remove(first[0])
        assert [e.debt.id for e in await debts.list_for_case(case_id)] == [
            e.debt.id for e in first[1:]
        ]
