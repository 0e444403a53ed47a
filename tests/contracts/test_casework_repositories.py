"""Contract suite for the casework repository ports, on memory, SQLite and PostgreSQL.

Every port: round trip of every field, rollback, optimistic concurrency, and the required
tenancy case (bound to centre A, a repository can neither read nor write centre B's
records). Then the ports' own promises: the contact log's order, screenings by date, and
on SQL, sensitive parts stored sealed (never as plain text in the row).
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
from cma_core.casework.model import (
    BreathingSpace,
    BsCheck,
    Channel,
    ChecklistRecord,
    Complaint,
    ComplaintKind,
    Contact,
    CreditLine,
    CreditorReview,
    CreditReport,
    Direction,
    EligibilityRecord,
    LineDecision,
    MidwayOutcome,
    MoratoriumKind,
    OptionDecision,
    Party,
    Purpose,
    ReportSource,
    Screening,
    Settlement,
    Tick,
)
from cma_core.debts.model import DebtType
from cma_core.shared.errors import Conflict, CrossTenantAccess, StaleVersion
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money
from cma_core.solutions.model import Solution

_PORTS = (
    "contacts", "checklists", "screenings", "credit_reports", "eligibility", "settlements",
    "complaints", "breathing_spaces",
)  # fmt: skip
SECRET = "Fled an abusive partner in March"


@attrs.define
class CaseworkBackend:
    base: Backend
    repos: SimpleNamespace
    raw: Callable[[str, uuid.UUID], Awaitable[str | None]] | None = None
    """The stored row's ``data`` as text (SQL only), to check what is sealed."""


def contact(centre: CentreId, case: CaseId, at: dt.datetime = T0) -> Contact:
    return Contact(
        id=uuid.uuid4(),
        centre_id=centre,
        case_id=case,
        at=at,
        channel=Channel.PHONE,
        direction=Direction.OUTBOUND,
        party=Party.THIRD_PARTY,
        with_whom="Housing officer",
        summary=SECRET,
        purpose=Purpose.FOLLOW_UP,
        document_id=uuid.uuid4(),
        created_at=T0,
        created_by=UserId(uuid.uuid4()),
        updated_at=T0,
    )


def checklist(centre: CentreId, case: CaseId) -> ChecklistRecord:
    return ChecklistRecord(
        id=case,
        centre_id=centre,
        case_id=case,
        checklist_version="2026-12",
        ticks=(
            Tick(item="privacy_notice", done_at=T0, by=None),
            Tick(
                item="lawful_basis", done_at=T0, by=UserId(uuid.uuid4()), value="consent", note="n"
            ),
        ),
        created_at=T0,
        updated_at=T0,
    )


def screening(centre: CentreId, case: CaseId, on: dt.date = dt.date(2026, 11, 28)) -> Screening:
    return Screening(
        id=uuid.uuid4(),
        centre_id=centre,
        case_id=case,
        on=on,
        guide_version="2026-12",
        drivers=("health", "life_events"),
        answers={"idea_impact": SECRET},
        adjustments=("Large print",),
        no_adjustment_reason=None,
        notes=SECRET,
        created_at=T0,
        created_by=None,
        updated_at=T0,
    )


def report(centre: CentreId, case: CaseId) -> CreditReport:
    return CreditReport(
        id=uuid.uuid4(),
        centre_id=centre,
        case_id=case,
        agency="Experian",
        report_on=dt.date(2026, 11, 20),
        checked_on=dt.date(2026, 11, 28),
        source=ReportSource.CSV,
        filename="r.csv",
        lines=(
            CreditLine(
                line=1,
                lender="Example Bank",
                account_number="4929000000001234",
                account_type="Credit Card",
                balance=Money(123456),
                status="default",
                default_on=dt.date(2025, 3, 1),
                opened_on=dt.date(2019, 1, 1),
                last_payment_on=dt.date(2025, 1, 1),
                suggested_type=DebtType.CREDIT_CARD,
                decision=LineDecision.ACCEPTED,
                debt_id=uuid.uuid4(),
                decided_by=UserId(uuid.uuid4()),
                decided_at=T0,
            ),
        ),
        created_at=T0,
        created_by=None,
        updated_at=T0,
    )


def eligibility(centre: CentreId, case: CaseId) -> EligibilityRecord:
    return EligibilityRecord(
        id=case,
        centre_id=centre,
        case_id=case,
        decisions=(
            OptionDecision(solution=Solution.IVA, eligible=False, reason="r", by=None, at=T0),
        ),
        created_at=T0,
        updated_at=T0,
    )


def settlement(centre: CentreId, case: CaseId) -> Settlement:
    return Settlement(
        id=uuid.uuid4(),
        centre_id=centre,
        case_id=case,
        debt_id=uuid.uuid4(),
        creditor="Example Bank",
        amount=Money(60000),
        accepted_on=dt.date(2026, 11, 20),
        acceptance_document_id=uuid.uuid4(),
        paid_on=dt.date(2026, 11, 27),
        note=SECRET,
        created_at=T0,
        created_by=UserId(uuid.uuid4()),
        updated_at=T0,
    )


def complaint(centre: CentreId, case: CaseId) -> Complaint:
    return Complaint(
        id=uuid.uuid4(),
        centre_id=centre,
        case_id=case,
        kind=ComplaintKind.DATA_PROTECTION,
        received_on=dt.date(2026, 11, 2),
        summary=SECRET,
        acknowledged_on=dt.date(2026, 11, 4),
        final_response_on=None,
        outcome=None,
        created_at=T0,
        created_by=None,
        updated_at=T0,
    )


def breathing(centre: CentreId, case: CaseId) -> BreathingSpace:
    return BreathingSpace(
        id=uuid.uuid4(),
        centre_id=centre,
        case_id=case,
        kind=MoratoriumKind.STANDARD,
        applied_on=dt.date(2026, 10, 1),
        advice_on=dt.date(2026, 9, 30),
        checks_confirmed=frozenset({BsCheck.INDIVIDUAL, BsCheck.QUALIFYING_DEBT}),
        fee_charged=Money(0),
        midway_review_on=dt.date(2026, 10, 28),
        midway_review_outcome=MidwayOutcome.CONTINUES,
        creditor_reviews=(
            CreditorReview(creditor="Example Bank", received_on=dt.date(2026, 10, 10)),
        ),
        note=SECRET,
        created_at=T0,
        created_by=None,
        updated_at=T0,
    )


def _change(rec: Any) -> None:
    if isinstance(rec, Contact):
        rec.summary = "changed"
    elif isinstance(rec, ChecklistRecord):
        rec.ticks = ()
    elif isinstance(rec, Screening):
        rec.adjustments = ("Extra time",)
    elif isinstance(rec, CreditReport):
        rec.lines = ()
    elif isinstance(rec, EligibilityRecord):
        rec.decisions = ()
    elif isinstance(rec, Settlement):
        rec.paid_on = None
    elif isinstance(rec, Complaint):
        rec.final_response_on = dt.date(2026, 11, 30)
    elif isinstance(rec, BreathingSpace):
        rec.ended_on = dt.date(2026, 11, 30)


@attrs.frozen
class PortSpec:
    name: str
    table: str
    make: Callable[[CentreId, CaseId], Any]
    by_case: bool = False  # one per case: read by the case id

    def repo(self, repos: SimpleNamespace, uow: Any) -> Any:
        return getattr(repos, self.name)(uow)

    def read(self, repo: Any, rec: Any) -> Awaitable[Any]:
        return repo.get(rec.case_id if self.by_case else rec.id)  # type: ignore[no-any-return]


PORTS = [
    PortSpec("contacts", "casework_contacts", contact),
    PortSpec("checklists", "casework_checklists", checklist, by_case=True),
    PortSpec("screenings", "casework_screenings", screening),
    PortSpec("credit_reports", "casework_credit_reports", report),
    PortSpec("eligibility", "casework_eligibility", eligibility, by_case=True),
    PortSpec("settlements", "casework_settlements", settlement),
    PortSpec("complaints", "casework_complaints", complaint),
    PortSpec("breathing_spaces", "casework_breathing_spaces", breathing),
]
IDS = [p.name for p in PORTS]
#: The ports whose records hold free text or account numbers (sealed at rest).
SEALED = {
    "contacts", "screenings", "credit_reports", "settlements", "complaints", "breathing_spaces",
}  # fmt: skip


async def in_uow(backend: CaseworkBackend, centre: CentreId, write: Callable[[Any], Any]) -> None:
    async with backend.base.uow(centre) as uow:
        await write(uow)
        await uow.commit()


class CaseworkRepositoriesContract:
    @pytest.fixture
    def backend(self) -> CaseworkBackend:
        raise NotImplementedError

    async def _case(self, b: CaseworkBackend, centre: CentreId) -> CaseId:
        _, case = await seed_case(b.base, centre)
        return case.id

    @pytest.mark.parametrize("spec", PORTS, ids=IDS)
    async def test_round_trip_keeps_every_field(
        self, backend: CaseworkBackend, spec: PortSpec
    ) -> None:
        centre = await new_centre(backend.base)
        rec = spec.make(centre, await self._case(backend, centre))
        await in_uow(backend, centre, lambda uow: spec.repo(backend.repos, uow).add(rec))
        async with backend.base.uow(centre) as uow:
            assert await spec.read(spec.repo(backend.repos, uow), rec) == rec
        with pytest.raises(Conflict):
            await in_uow(backend, centre, lambda uow: spec.repo(backend.repos, uow).add(rec))

    @pytest.mark.parametrize("spec", PORTS, ids=IDS)
    async def test_uncommitted_writes_roll_back(
        self, backend: CaseworkBackend, spec: PortSpec
    ) -> None:
        centre = await new_centre(backend.base)
        rec = spec.make(centre, await self._case(backend, centre))
        async with backend.base.uow(centre) as uow:
            await spec.repo(backend.repos, uow).add(rec)
        async with backend.base.uow(centre) as uow:
            assert await spec.read(spec.repo(backend.repos, uow), rec) is None

    @pytest.mark.parametrize("spec", PORTS, ids=IDS)
    async def test_save_bumps_version_and_refuses_stale(
        self, backend: CaseworkBackend, spec: PortSpec
    ) -> None:
        centre = await new_centre(backend.base)
        rec = spec.make(centre, await self._case(backend, centre))
        await in_uow(backend, centre, lambda uow: spec.repo(backend.repos, uow).add(rec))
        async with backend.base.uow(centre) as uow:
            first = await spec.read(spec.repo(backend.repos, uow), rec)
            second = await spec.read(spec.repo(backend.repos, uow), rec)
        _change(first)
        await in_uow(backend, centre, lambda uow: spec.repo(backend.repos, uow).save(first))
        assert first.version == 2
        async with backend.base.uow(centre) as uow:
            assert await spec.read(spec.repo(backend.repos, uow), rec) == first
        with pytest.raises(StaleVersion):
            await in_uow(backend, centre, lambda uow: spec.repo(backend.repos, uow).save(second))

    @pytest.mark.parametrize("spec", PORTS, ids=IDS)
    async def test_bound_to_one_centre_it_cannot_read_or_write_another(
        self, backend: CaseworkBackend, spec: PortSpec
    ) -> None:
        a = await new_centre(backend.base, "A")
        b = await new_centre(backend.base, "B")
        theirs = spec.make(b, await self._case(backend, b))
        await in_uow(backend, b, lambda uow: spec.repo(backend.repos, uow).add(theirs))
        async with backend.base.uow(a) as uow:
            repo = spec.repo(backend.repos, uow)
            assert await spec.read(repo, theirs) is None
            if hasattr(repo, "list_for_case"):
                assert list(await repo.list_for_case(theirs.case_id)) == []
            with pytest.raises(CrossTenantAccess):
                await repo.add(spec.make(b, theirs.case_id))
            with pytest.raises(CrossTenantAccess):
                await repo.save(theirs)
        async with backend.base.uow(b) as uow:
            assert await spec.read(spec.repo(backend.repos, uow), theirs) == theirs

    async def test_contacts_listed_by_when_they_happened(self, backend: CaseworkBackend) -> None:
        centre = await new_centre(backend.base)
        case = await self._case(backend, centre)
        other = await self._case(backend, centre)
        later = contact(centre, case, T0 + dt.timedelta(days=1))
        earlier = contact(centre, case, T0 - dt.timedelta(days=1))
        elsewhere = contact(centre, other, T0)

        async def add(uow: Any) -> None:
            for c in (later, earlier, elsewhere):
                await backend.repos.contacts(uow).add(c)

        await in_uow(backend, centre, add)
        async with backend.base.uow(centre) as uow:
            listed = await backend.repos.contacts(uow).list_for_case(case)
        assert [c.id for c in listed] == [earlier.id, later.id]

    async def test_screenings_listed_by_date(self, backend: CaseworkBackend) -> None:
        centre = await new_centre(backend.base)
        case = await self._case(backend, centre)
        newer = screening(centre, case, dt.date(2026, 11, 28))
        older = screening(centre, case, dt.date(2026, 10, 1))

        async def add(uow: Any) -> None:
            for s in (newer, older):
                await backend.repos.screenings(uow).add(s)

        await in_uow(backend, centre, add)
        async with backend.base.uow(centre) as uow:
            listed = await backend.repos.screenings(uow).list_for_case(case)
        assert [s.id for s in listed] == [older.id, newer.id]

    @pytest.mark.parametrize(
        "spec", [p for p in PORTS if p.name in SEALED], ids=sorted(SEALED, key=IDS.index),
    )  # fmt: skip
    async def test_sensitive_parts_are_sealed_at_rest(
        self, backend: CaseworkBackend, spec: PortSpec
    ) -> None:
        if backend.raw is None:
            pytest.skip("the in-memory adapter stores no bytes")
        centre = await new_centre(backend.base)
        rec = spec.make(centre, await self._case(backend, centre))
        await in_uow(backend, centre, lambda uow: spec.repo(backend.repos, uow).add(rec))
        stored = await backend.raw(spec.table, rec.id)
        assert stored is not None
        for plain in (SECRET, "4929000000001234", "health"):
            assert plain not in stored


class TestInMemoryCaseworkRepositories(CaseworkRepositoriesContract):
    @pytest.fixture
    def backend(self) -> CaseworkBackend:
        return CaseworkBackend(memory_backend(), SimpleNamespace(**memory_factories(*_PORTS)))


def _raw_reader(url: str) -> Callable[[str, uuid.UUID], Awaitable[str | None]]:
    import sqlalchemy as sa

    async def raw(table: str, rec_id: uuid.UUID) -> str | None:
        # The test's own connection, as the table owner (no RLS): what is on disk.
        engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
        try:
            with engine.connect() as conn:
                value = conn.execute(
                    sa.text(f"SELECT data FROM {table} WHERE id = :id"),  # noqa: S608 - fixed names
                    {"id": rec_id.hex if url.startswith("sqlite") else rec_id},
                ).scalar()
        finally:
            engine.dispose()
        return None if value is None else str(value)

    return raw


class TestSqliteCaseworkRepositories(CaseworkRepositoriesContract):
    @pytest.fixture
    async def backend(
        self,
        sqlite_url: str,
    ) -> AsyncIterator[CaseworkBackend]:
        from cma_adapters.sqlalchemy.factories import repository_factories

        async for base in sqlalchemy_backend(sqlite_url):
            yield CaseworkBackend(
                base,
                SimpleNamespace(**repository_factories(*_PORTS)),
                _raw_reader(sqlite_url),
            )


@pytest.mark.postgres
class TestPostgresCaseworkRepositories(CaseworkRepositoriesContract):
    @pytest.fixture
    async def backend(self, postgres_url: str) -> AsyncIterator[CaseworkBackend]:
        from cma_adapters.sqlalchemy.factories import repository_factories

        async for base in sqlalchemy_backend(postgres_url):
            yield CaseworkBackend(
                base, SimpleNamespace(**repository_factories(*_PORTS)), _raw_reader(postgres_url)
            )
