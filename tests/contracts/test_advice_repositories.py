"""Contract suites for the debt-advice repository ports, on memory, SQLite and PostgreSQL.

Each port has a :class:`PortSpec`: how to make a record, change it, and read it back.
``AdviceRepositoriesContract`` runs the same tests for every port (round trip of every
field, optimistic concurrency, rollback, and the required tenancy case: bound to centre
A, a repository can neither read nor write centre B's records); each backend subclasses
it. Port-specific promises (ordering, lookup by kind, duplicates) follow.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from types import SimpleNamespace
from typing import Any

import attrs
import pytest
from tests.contracts.test_repositories import (
    T0,
    Backend,
    memory_backend,
    new_centre,
    seed_case,
    sqlalchemy_backend,
)

from cma_adapters.memory.factories import repository_factories as memory_factories
from cma_core.advice.ports import (
    AdviceRecord,
    ClientDecision,
    ConsideredOption,
    Letter,
    LetterKind,
    LetterTemplate,
    template_id,
)
from cma_core.assets.model import AssetSchedule, ResidenceFacts, Vehicle
from cma_core.budgets.frequency import Frequency
from cma_core.budgets.model import Budget, Household, Tenure
from cma_core.budgets.offers import OfferKind
from cma_core.budgets.ports import BudgetRecord, OfferLine, OfferPlanRecord, SfsStatementDetails
from cma_core.debts.model import Creditor, CreditorId, Debt, DebtId, DebtType, Ownership
from cma_core.debts.ports import CaseFinancialFacts, CreditorEntry, DebtEntry
from cma_core.reference.centre import CentreProfile
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.overrides import ThresholdOverride
from cma_core.reference.ports import CentreReference, GuidelineImport
from cma_core.reference.thresholds import Unit
from cma_core.shared.errors import Conflict, CrossTenantAccess, StaleVersion
from cma_core.shared.ids import CaseId, CentreId
from cma_core.shared.money import Money
from cma_core.solutions.model import CaseFacts, Eligibility, Solution
from cma_core.solutions.ports import AppraisalRecord
from cma_core.solutions.rules import appraise

DAY = dt.date(2026, 11, 28)


@attrs.define
class AdviceBackend:
    base: Backend
    repos: SimpleNamespace
    """The adapter's ``RepositoryFactory`` of each port, by name."""


_PORTS = (
    "creditors", "debts", "facts", "budgets", "appraisals", "offers", "advice",
    "letter_templates", "letters", "reference", "centre_profiles",
)  # fmt: skip


def factories(find: Callable[..., dict[str, Any]]) -> SimpleNamespace:
    return SimpleNamespace(**find(*_PORTS))


# --------------------------------------------------------------------------- records


def creditor(centre: CentreId, case: CaseId, name: str = "Example Bank") -> CreditorEntry:
    return CreditorEntry(
        creditor=Creditor(
            id=CreditorId(uuid.uuid4()),
            centre_id=centre,
            name=name,
            address="PO Box 1",
            email="c@example.org",
            phone="0100",
            reference_pattern=r"\d{4}",
        ),
        created_at=T0,
    )


def debt(centre: CentreId, case: CaseId, at: dt.datetime = T0) -> DebtEntry:
    d = Debt(
        id=DebtId(uuid.uuid4()),
        centre_id=centre,
        case_id=case,
        creditor_id=CreditorId(uuid.uuid4()),
        debt_type=DebtType.CREDIT_CARD,
        balance=Money(123456),
        arrears=Money(0),
        contractual_payment=None,
        ownership=Ownership.JOINT,
        account_reference="1234",
        ccj=None,
        last_payment_date=dt.date(2020, 2, 29),
    )
    d.override_priority(is_priority=True, reason="charging order", by=None, on=DAY)
    return DebtEntry(debt=d, notes="n", created_at=at, updated_at=at)


def facts(centre: CentreId, case: CaseId) -> CaseFinancialFacts:
    return CaseFinancialFacts(
        case_id=case,
        centre_id=centre,
        jurisdiction=Jurisdiction.SCO,
        assets=AssetSchedule(
            owns_property=False,
            vehicles=(Vehicle(description="van", value=Money(300000), work_only=True),),
            savings_and_cash=Money(0),
        ),
        residence=ResidenceFacts(jurisdiction=Jurisdiction.SCO, lived_there_last_year=True),
        lump_sum_available=Money(5000),
        created_at=T0,
        updated_at=T0,
    )


def budget(centre: CentreId, case: CaseId) -> BudgetRecord:
    b = Budget(household=Household(has_partner=True, tenure=Tenure.MORTGAGE))
    b.set_line("client_salary", Money(52000), Frequency.FORTNIGHTLY, "payslip")
    b.add_other_essential("Bus", Money(100))
    return BudgetRecord(
        case_id=case,
        centre_id=centre,
        budget=b,
        details=SfsStatementDetails(client_employment_status=("Carer",)),
        created_at=T0,
        updated_at=T0,
    )


def appraisal(centre: CentreId, case: CaseId) -> AppraisalRecord:
    return AppraisalRecord(
        id=uuid.uuid4(),
        centre_id=centre,
        case_id=case,
        appraisal=appraise(CaseFacts(jurisdiction=Jurisdiction.EW, on_date=DAY)),
        created_at=T0,
        created_by=None,
    )


def plan(centre: CentreId, case: CaseId) -> OfferPlanRecord:
    return OfferPlanRecord(
        id=uuid.uuid4(),
        centre_id=centre,
        case_id=case,
        on_date=DAY,
        jurisdiction=Jurisdiction.EW,
        available_for_priority=Money(-100),
        total_priority_offers=Money(0),
        available_for_non_priority=Money(-100),
        uses_token_payments=True,
        lines=(
            OfferLine(
                debt_id=DebtId(uuid.uuid4()),
                creditor="Bank",
                kind=OfferKind.TOKEN,
                balance=Money(1),
                amount=Money(100),
            ),
        ),
        notes=("token",),
        created_at=T0,
        created_by=None,
    )


def advice(centre: CentreId, case: CaseId) -> AdviceRecord:
    return AdviceRecord(
        id=uuid.uuid4(),
        centre_id=centre,
        case_id=case,
        jurisdiction=Jurisdiction.NI,
        on_date=DAY,
        options=(
            ConsideredOption(
                solution=Solution.DRO, status=Eligibility.ADVISER_JUDGEMENT, reasons=("x",)
            ),
        ),
        recommended=Solution.DRO,
        reasons="because",
        monthly_payment=Money(0),
        created_at=T0,
        created_by=None,
    )


def template(centre: CentreId, case: CaseId) -> LetterTemplate:
    kind = LetterKind.WRITE_OFF_REQUEST
    return LetterTemplate(
        id=template_id(centre, kind),
        centre_id=centre,
        kind=kind,
        subject="s",
        body="<p>{{ client.name }}</p>",
        created_at=T0,
        updated_at=T0,
    )


def letter(centre: CentreId, case: CaseId) -> Letter:
    return Letter(
        id=uuid.uuid4(),
        centre_id=centre,
        case_id=case,
        kind=LetterKind.ADVICE_SUMMARY,
        debt_id=None,
        subject="Your advice",
        html="<p>£1 – “quoted”</p>",
        template_version=None,
        created_at=T0,
        created_by=None,
    )


def reference(centre: CentreId, case: CaseId) -> CentreReference:
    return CentreReference(
        centre_id=centre,
        guidelines_csv="valid_from,valid_to,adults,children,category,monthly_pence,source\n",
        guidelines_source="EXAMPLE",
        threshold_overrides=(
            ThresholdOverride(
                jurisdiction=Jurisdiction.EW,
                param="dro.max_debt",
                value=6_000_000,
                unit=Unit.PENCE,
                effective_from=DAY,
                reason="pilot — agreed locally",
                national_value=5_000_000,
                national_source="SI 2024/626 [V] from 2024-06-28",
                set_at=T0,
                set_by=uuid.UUID(int=7),
            ),
        ),
        overrides_version=2,
        guideline_imports=(
            GuidelineImport(
                id=uuid.UUID(int=8),
                source="EXAMPLE",
                imported_at=T0,
                imported_by=None,
                rows=18,
                added=18,
                removed=0,
                changed=0,
            ),
        ),
        created_at=T0,
        updated_at=T0,
    )


def profile(centre: CentreId, case: CaseId) -> CentreProfile:
    return CentreProfile(
        centre_id=centre,
        name="Łódź Street Advice — Ωmega",
        address="1 High Street\nGlasgow G1 1AA",
        phone="0141 000 0000",
        email="advice@example.org",
        charity_number="SC012345",
        fca_number="123456",
        jurisdiction=Jurisdiction.SCO,
        logo_type="image/png",
        logo_base64="iVBORw0KGgo=",
        created_at=T0,
        updated_at=T0,
    )


def _change(rec: Any) -> None:
    """An edit every record type allows."""
    if isinstance(rec, CreditorEntry):
        rec.creditor.address = "New address"
    elif isinstance(rec, DebtEntry):
        rec.debt.balance = Money(1)
    elif isinstance(rec, CaseFinancialFacts):
        rec.benefits_only_months = 7
    elif isinstance(rec, BudgetRecord):
        rec.budget.set_line("rent", Money(40000))
    elif isinstance(rec, AdviceRecord):
        rec.client_decision = ClientDecision.DECLINED
    elif isinstance(rec, LetterTemplate):
        rec.body = "<p>changed</p>"
    elif isinstance(rec, Letter):
        rec.sent_at = T0
    elif isinstance(rec, CentreReference):
        rec.thresholds_json = '{"records": []}'
    elif isinstance(rec, CentreProfile):
        rec.jurisdiction = Jurisdiction.NI


@attrs.frozen
class PortSpec:
    name: str
    make: Callable[[CentreId, CaseId], Any]
    repo: Callable[[SimpleNamespace, Any], Any]
    read: Callable[[Any, Any], Awaitable[Any]]
    saves: bool = True


def _by_id(repo: Any, rec: Any) -> Awaitable[Any]:
    return repo.get(rec.id)  # type: ignore[no-any-return]


def _by_case(repo: Any, rec: Any) -> Awaitable[Any]:
    return repo.get(rec.case_id)  # type: ignore[no-any-return]


def _by_kind(repo: Any, rec: Any) -> Awaitable[Any]:
    return repo.get(rec.kind)  # type: ignore[no-any-return]


def _singleton(repo: Any, rec: Any) -> Awaitable[Any]:
    return repo.get()  # type: ignore[no-any-return]


PORTS = [
    PortSpec("creditors", creditor, lambda r, u: r.creditors(u), _by_id),
    PortSpec("debts", debt, lambda r, u: r.debts(u), _by_id),
    PortSpec("facts", facts, lambda r, u: r.facts(u), _by_case),
    PortSpec("budgets", budget, lambda r, u: r.budgets(u), _by_case),
    PortSpec("appraisals", appraisal, lambda r, u: r.appraisals(u), _by_id, saves=False),
    PortSpec("offers", plan, lambda r, u: r.offers(u), _by_id, saves=False),
    PortSpec("advice", advice, lambda r, u: r.advice(u), _by_id),
    PortSpec("letter_templates", template, lambda r, u: r.letter_templates(u), _by_kind),
    PortSpec("letters", letter, lambda r, u: r.letters(u), _by_id),
    PortSpec("reference", reference, lambda r, u: r.reference(u), _singleton),
    PortSpec("centre_profiles", profile, lambda r, u: r.centre_profiles(u), _singleton),
]


async def in_uow(backend: AdviceBackend, centre: CentreId, write: Callable[[Any], Any]) -> None:
    """One write and a commit: a lost race may surface at either step."""
    async with backend.base.uow(centre) as uow:
        await write(uow)
        await uow.commit()


class AdviceRepositoriesContract:
    @pytest.fixture
    def backend(self) -> AdviceBackend:
        raise NotImplementedError

    async def _case(self, b: AdviceBackend, centre: CentreId) -> CaseId:
        _, case = await seed_case(b.base, centre)
        return case.id

    @pytest.mark.parametrize("spec", PORTS, ids=[p.name for p in PORTS])
    async def test_round_trip_keeps_every_field(
        self, backend: AdviceBackend, spec: PortSpec
    ) -> None:
        centre = await new_centre(backend.base)
        rec = spec.make(centre, await self._case(backend, centre))
        async with backend.base.uow(centre) as uow:
            await spec.repo(backend.repos, uow).add(rec)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            loaded = await spec.read(spec.repo(backend.repos, uow), rec)
        assert loaded == rec

    @pytest.mark.parametrize("spec", PORTS, ids=[p.name for p in PORTS])
    async def test_uncommitted_writes_roll_back(
        self, backend: AdviceBackend, spec: PortSpec
    ) -> None:
        centre = await new_centre(backend.base)
        rec = spec.make(centre, await self._case(backend, centre))
        async with backend.base.uow(centre) as uow:
            await spec.repo(backend.repos, uow).add(rec)
        async with backend.base.uow(centre) as uow:
            assert await spec.read(spec.repo(backend.repos, uow), rec) is None

    @pytest.mark.parametrize("spec", [p for p in PORTS if p.saves], ids=lambda p: p.name)
    async def test_save_bumps_version_and_refuses_stale(
        self, backend: AdviceBackend, spec: PortSpec
    ) -> None:
        centre = await new_centre(backend.base)
        rec = spec.make(centre, await self._case(backend, centre))
        async with backend.base.uow(centre) as uow:
            await spec.repo(backend.repos, uow).add(rec)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            first = await spec.read(spec.repo(backend.repos, uow), rec)
        async with backend.base.uow(centre) as uow:
            second = await spec.read(spec.repo(backend.repos, uow), rec)
        _change(first)
        async with backend.base.uow(centre) as uow:
            await spec.repo(backend.repos, uow).save(first)
            await uow.commit()
        assert first.version == 2
        async with backend.base.uow(centre) as uow:
            assert await spec.read(spec.repo(backend.repos, uow), rec) == first
        with pytest.raises(StaleVersion):
            await in_uow(backend, centre, lambda uow: spec.repo(backend.repos, uow).save(second))

    @pytest.mark.parametrize("spec", PORTS, ids=[p.name for p in PORTS])
    async def test_bound_to_one_centre_it_cannot_read_or_write_another(
        self, backend: AdviceBackend, spec: PortSpec
    ) -> None:
        a = await new_centre(backend.base, "A")
        b = await new_centre(backend.base, "B")
        theirs = spec.make(b, await self._case(backend, b))
        async with backend.base.uow(b) as uow:
            await spec.repo(backend.repos, uow).add(theirs)
            await uow.commit()
        async with backend.base.uow(a) as uow:
            repo = spec.repo(backend.repos, uow)
            if spec.read is _by_id or spec.read is _by_case:
                assert await spec.read(repo, theirs) is None
            else:
                assert await spec.read(repo, theirs) is None
            with pytest.raises(CrossTenantAccess):
                await repo.add(spec.make(b, getattr(theirs, "case_id", CaseId(uuid.uuid4()))))
            if spec.saves:
                with pytest.raises(CrossTenantAccess):
                    await repo.save(theirs)
        async with backend.base.uow(b) as uow:
            assert await spec.read(spec.repo(backend.repos, uow), theirs) == theirs

    # ---- port-specific promises

    async def test_debts_list_for_case_oldest_first_and_remove(
        self, backend: AdviceBackend
    ) -> None:
        centre = await new_centre(backend.base)
        case = await self._case(backend, centre)
        other_case = await self._case(backend, centre)
        later = debt(centre, case, T0 + dt.timedelta(hours=1))
        earlier = debt(centre, case, T0)
        elsewhere = debt(centre, other_case)
        async with backend.base.uow(centre) as uow:
            repo = backend.repos.debts(uow)
            for e in (later, earlier, elsewhere):
                await repo.add(e)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            listed = await backend.repos.debts(uow).list_for_case(case)
        assert [e.id for e in listed] == [earlier.id, later.id]
        stale = attrs.evolve(earlier, version=5)
        with pytest.raises(StaleVersion):
            await in_uow(backend, centre, lambda uow: backend.repos.debts(uow).remove(stale))
        async with backend.base.uow(centre) as uow:
            await backend.repos.debts(uow).remove(earlier)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            assert [e.id for e in await backend.repos.debts(uow).list_for_case(case)] == [later.id]

    async def test_debts_references_to_one_creditor_newest_first_in_this_centre_only(
        self, backend: AdviceBackend
    ) -> None:
        centre, elsewhere = await new_centre(backend.base), await new_centre(backend.base)
        cases = [await self._case(backend, centre) for _ in range(2)]
        owed, other = CreditorId(uuid.uuid4()), CreditorId(uuid.uuid4())

        def owing(to: CreditorId, ref: str | None, hours: int, case: CaseId) -> DebtEntry:
            entry = debt(
                centre if case in cases else elsewhere, case, T0 + dt.timedelta(hours=hours)
            )
            entry.debt.creditor_id, entry.debt.account_reference = to, ref
            return entry

        theirs = await self._case(backend, elsewhere)
        rows = [
            owing(owed, "QF-000001", 1, cases[0]),
            owing(owed, "QF-000003", 3, cases[1]),
            owing(owed, None, 4, cases[1]),  # the newest two teach nothing: no reference
            owing(owed, "  ", 5, cases[0]),
            owing(other, "99999999", 6, cases[0]),
            owing(owed, "QF-000002", 2, cases[0]),
        ]
        async with backend.base.uow(centre) as uow:
            for e in rows:
                await backend.repos.debts(uow).add(e)
            await uow.commit()
        async with backend.base.uow(elsewhere) as uow:
            await backend.repos.debts(uow).add(owing(owed, "QF-999999", 9, theirs))
            await uow.commit()
        moved = rows[0]
        moved.debt.creditor_id = other  # a debt moved to another creditor leaves the first
        async with backend.base.uow(centre) as uow:
            await backend.repos.debts(uow).save(moved)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            repo = backend.repos.debts(uow)
            assert await repo.references_to(owed, limit=10) == ["QF-000003", "QF-000002"]
            assert await repo.references_to(owed, limit=1) == ["QF-000003"]
            assert await repo.references_to(other, limit=10) == ["99999999", "QF-000001"]
            assert await repo.references_to(CreditorId(uuid.uuid4()), limit=10) == []

    async def test_creditors_listed_by_name(self, backend: AdviceBackend) -> None:
        centre = await new_centre(backend.base)
        case = CaseId(uuid.uuid4())
        names = ["zeta Loans", "Alpha Bank", "beta Credit"]
        async with backend.base.uow(centre) as uow:
            for n in names:
                await backend.repos.creditors(uow).add(creditor(centre, case, n))
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            listed = await backend.repos.creditors(uow).list()
        assert [e.creditor.name for e in listed] == ["Alpha Bank", "beta Credit", "zeta Loans"]

    async def test_second_budget_for_a_case_conflicts(self, backend: AdviceBackend) -> None:
        centre = await new_centre(backend.base)
        case = await self._case(backend, centre)
        again = budget(centre, case)
        async with backend.base.uow(centre) as uow:
            await backend.repos.budgets(uow).add(budget(centre, case))
            await uow.commit()
        with pytest.raises(Conflict):
            await in_uow(backend, centre, lambda uow: backend.repos.budgets(uow).add(again))

    async def test_templates_one_per_kind_listed_by_kind(self, backend: AdviceBackend) -> None:
        centre = await new_centre(backend.base)
        case = CaseId(uuid.uuid4())
        offer = attrs.evolve(
            template(centre, case),
            kind=LetterKind.OFFER_OF_PAYMENT,
            id=template_id(centre, LetterKind.OFFER_OF_PAYMENT),
        )
        async with backend.base.uow(centre) as uow:
            await backend.repos.letter_templates(uow).add(template(centre, case))
            await backend.repos.letter_templates(uow).add(offer)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            kinds = [t.kind for t in await backend.repos.letter_templates(uow).list()]
            assert await backend.repos.letter_templates(uow).get(LetterKind.SFS_STATEMENT) is None
        assert kinds == [LetterKind.OFFER_OF_PAYMENT, LetterKind.WRITE_OFF_REQUEST]

    async def test_a_removed_template_is_gone_and_a_stale_one_is_not_removed(
        self, backend: AdviceBackend
    ) -> None:
        centre = await new_centre(backend.base)
        case = CaseId(uuid.uuid4())
        kind = template(centre, case).kind
        await in_uow(
            backend,
            centre,
            lambda uow: backend.repos.letter_templates(uow).add(template(centre, case)),
        )
        async with backend.base.uow(centre) as uow:
            first = await backend.repos.letter_templates(uow).get(kind)
        assert first is not None
        async with backend.base.uow(centre) as uow:
            read = await backend.repos.letter_templates(uow).get(kind)
            assert read is not None
            read.subject = "Changed"
            await backend.repos.letter_templates(uow).save(read)
            await uow.commit()
        with pytest.raises(StaleVersion):
            await in_uow(
                backend, centre, lambda uow: backend.repos.letter_templates(uow).remove(first)
            )
        async with backend.base.uow(centre) as uow:
            now = await backend.repos.letter_templates(uow).get(kind)
        assert now is not None
        assert now.subject == "Changed"
        await in_uow(backend, centre, lambda uow: backend.repos.letter_templates(uow).remove(now))
        async with backend.base.uow(centre) as uow:
            assert await backend.repos.letter_templates(uow).get(kind) is None
            assert await backend.repos.letter_templates(uow).list() == []


class TestInMemoryAdviceRepositories(AdviceRepositoriesContract):
    @pytest.fixture
    def backend(self) -> AdviceBackend:
        return AdviceBackend(memory_backend(), factories(memory_factories))


class TestSqliteAdviceRepositories(AdviceRepositoriesContract):
    @pytest.fixture
    async def backend(
        self,
        sqlite_url: str,
    ) -> AsyncIterator[AdviceBackend]:
        from cma_adapters.sqlalchemy.factories import repository_factories

        async for base in sqlalchemy_backend(sqlite_url):
            yield AdviceBackend(base, factories(repository_factories))


@pytest.mark.postgres
class TestPostgresAdviceRepositories(AdviceRepositoriesContract):
    @pytest.fixture
    async def backend(self, postgres_url: str) -> AsyncIterator[AdviceBackend]:
        from cma_adapters.sqlalchemy.factories import repository_factories

        async for base in sqlalchemy_backend(postgres_url):
            yield AdviceBackend(base, factories(repository_factories))
