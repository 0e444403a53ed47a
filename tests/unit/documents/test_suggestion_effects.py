"""Accepting suggestions changes the case for real: a letter about a debt already on the
case updates it, and a deadline drawn from a document becomes a dated fact with tracked
deadlines on the case clock. In-memory adapters, the real ``holidays`` calendar."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from tests.unit.documents.test_documents_service import (
    LOWELL,
    N1,
    World,
    make_world,
    open_case,
    png,
)
from tests.wiring import DEBTS, SCHEDULING, ports

from cma_adapters.holidays_calendar import HolidaysLibraryProvider
from cma_adapters.memory import budgets as memory_budgets
from cma_adapters.memory import debts as memory_debts
from cma_adapters.memory import documents as memory_docs
from cma_adapters.memory import scheduling as memory_scheduling
from cma_adapters.memory_documents import ScriptedAssistant
from cma_adapters.re2 import Re2PatternEngine
from cma_core.debts.model import DebtType, EnforcementStage
from cma_core.debts.service import DebtDetails, DebtService
from cma_core.documents.model import (
    DocumentClass,
    Extraction,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
    Verdict,
)
from cma_core.documents.ports import SuggestionRepository
from cma_core.documents.service import Ruling
from cma_core.identity.model import TenantContext
from cma_core.scheduling.deadlines import DeadlineKind
from cma_core.scheduling.ports import DeadlineStatus
from cma_core.scheduling.service import SchedulingService
from cma_core.shared.errors import Conflict, NotFound, StaleVersion, ValidationError
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money
from cma_core.shared.uow import UnitOfWork
from cma_core.tasks.model import TaskKind

NEW_BALANCE = Extraction(
    document_class=DocumentClass.CREDITOR_LETTER,
    confidence=0.8,
    source="script",
    creditor_name="Lowell Portfolio Ltd",
    account_reference="1234-5678",  # the recorded one, written differently
    balance_pence=98_765,
)


@pytest.fixture
def wired() -> tuple[World, DebtService, SchedulingService]:
    world = make_world()
    debts = DebtService(world.app.uow, world.app.clock, patterns=Re2PatternEngine(), **ports(DEBTS))
    clock = SchedulingService(
        world.app.uow,
        world.app.store,
        world.app.clock,
        HolidaysLibraryProvider(),
        **ports(SCHEDULING),
    )
    world.documents.debts = debts
    world.documents.case_clock = clock
    world.documents.deadlines = memory_scheduling.deadlines
    world.documents.budgets = memory_budgets.budgets
    world.jobs.debts = memory_debts.debts
    world.jobs.creditors = memory_debts.creditors
    return world, debts, clock


def script(world: World, *extractions: Extraction) -> None:
    world.assistant = ScriptedAssistant(list(extractions))
    world.jobs.assistant = world.documents.assistant = world.assistant


async def debt_on_case(debts: DebtService, ctx: TenantContext, case_id: CaseId) -> object:
    view = await debts.add_debt(
        ctx,
        case_id,
        DebtDetails(
            debt_type=DebtType.OTHER,
            balance=Money(123_456),
            creditor_id=(await debts.add_creditor(ctx, _lowell())).id,
            account_reference="12345678",
        ),
    )
    return view.entry.id


def _lowell():  # type: ignore[no-untyped-def]
    from cma_core.debts.service import CreditorDetails

    return CreditorDetails(name="Lowell Portfolio Ltd")


async def update_suggestion(
    world: World, debts: DebtService, ctx: TenantContext, case_id: CaseId
) -> tuple[object, Suggestion]:
    debt_id = await debt_on_case(debts, ctx, case_id)
    script(world, NEW_BALANCE)
    await world.documents.upload(ctx, case_id, filename="update.png", data=png(7))
    await world.run_jobs()
    [suggestion] = (await world.documents.list_suggestions(ctx, case_id)).items
    return debt_id, suggestion


async def test_a_letter_for_a_recorded_debt_suggests_updating_it(wired) -> None:  # type: ignore[no-untyped-def]
    world, debts, _ = wired
    ctx, case_id = await open_case(world)
    debt_id, suggestion = await update_suggestion(world, debts, ctx, case_id)
    assert suggestion.kind is SuggestionKind.UPDATE_DEBT
    assert suggestion.debt_id == debt_id
    assert suggestion.title == (
        "Update debt: Lowell Portfolio Ltd, ref 1234-5678: £1,234.56 → £987.65"
    )
    assert suggestion.previous_balance == Money(123_456)
    assert suggestion.balance == Money(98_765)

    decision = await world.documents.accept_suggestion(ctx, suggestion.id, expected_version=1)
    assert decision.debt_id == debt_id
    assert decision.task is None
    view = await debts.get_debt(ctx, case_id, debt_id)  # type: ignore[arg-type]
    assert view.entry.debt.balance == Money(98_765)
    assert view.entry.version == 2
    assert "update.png" in (view.entry.notes or "")
    [updated] = [e for e in await world.app.audit(ctx.centre_id, entity_type="debt")
                 if e.action == "debt.updated_from_document"]  # fmt: skip
    assert updated.fields == ("balance", "document_id", "suggestion_id")
    [debt_update] = [
        e for e in await world.app.audit(ctx.centre_id, entity_type="debt")
        if e.action == "debt.updated"
    ]  # fmt: skip
    assert debt_update.fields == ("balance", "notes")
    assert "98765" not in repr(updated) + repr(debt_update)  # names only, never values


async def test_no_new_debt_and_no_update_for_a_known_reference_with_the_same_balance(
    wired,  # type: ignore[no-untyped-def]
) -> None:
    world, debts, _ = wired
    ctx, case_id = await open_case(world)
    await debt_on_case(debts, ctx, case_id)
    script(world, LOWELL)  # same reference, same balance as recorded
    await world.documents.upload(ctx, case_id, filename="again.png", data=png(8))
    await world.run_jobs()
    assert (await world.documents.list_suggestions(ctx, case_id)).total == 0


async def test_no_new_debt_suggestion_when_the_reference_is_recorded(wired) -> None:  # type: ignore[no-untyped-def]
    world, debts, _ = wired
    ctx, case_id = await open_case(world)
    _, suggestion = await update_suggestion(world, debts, ctx, case_id)
    kinds = [s.kind for s in (await world.documents.list_suggestions(ctx, case_id)).items]
    assert kinds == [SuggestionKind.UPDATE_DEBT]
    assert suggestion.kind is not SuggestionKind.NEW_DEBT


class _RefusingSave:
    """The suggestions repository, but its save loses the race (another adviser decided)."""

    def __init__(self, inner: SuggestionRepository) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> object:
        return getattr(self._inner, name)

    async def save(self, suggestion: Suggestion) -> None:
        raise StaleVersion("suggestion", suggestion.version, suggestion.version + 1)


def refusing(uow: UnitOfWork) -> SuggestionRepository:
    return _RefusingSave(memory_docs.suggestions(uow))  # type: ignore[return-value]


async def test_a_conflict_on_the_suggestion_leaves_the_debt_unchanged(wired) -> None:  # type: ignore[no-untyped-def]
    world, debts, _ = wired
    ctx, case_id = await open_case(world)
    debt_id, suggestion = await update_suggestion(world, debts, ctx, case_id)
    world.documents.suggestions = refusing
    with pytest.raises(StaleVersion):
        await world.documents.accept_suggestion(ctx, suggestion.id, expected_version=1)
    view = await debts.get_debt(ctx, case_id, debt_id)  # type: ignore[arg-type]
    assert view.entry.debt.balance == Money(123_456)
    assert view.entry.version == 1
    actions = [e.action for e in await world.app.audit(ctx.centre_id)]
    assert "debt.updated" not in actions
    assert "suggestion.accepted" not in actions


async def test_a_changed_or_removed_debt_is_refused_clearly(wired) -> None:  # type: ignore[no-untyped-def]
    world, debts, _ = wired
    ctx, case_id = await open_case(world)
    debt_id, suggestion = await update_suggestion(world, debts, ctx, case_id)
    current = await debts.get_debt(ctx, case_id, debt_id)  # type: ignore[arg-type]
    await debts.update_debt(
        ctx,
        case_id,
        debt_id,  # type: ignore[arg-type]
        DebtDetails(
            debt_type=DebtType.OTHER,
            balance=Money(100_000),
            creditor_id=current.entry.debt.creditor_id,
            account_reference="12345678",
        ),
        expected_version=1,
    )
    with pytest.raises(Conflict, match="balance changed"):
        await world.documents.accept_suggestion(ctx, suggestion.id, expected_version=1)
    await debts.remove_debt(ctx, case_id, debt_id, expected_version=2)  # type: ignore[arg-type]
    with pytest.raises(NotFound) as info:
        await world.documents.accept_suggestion(ctx, suggestion.id, expected_version=1)
    assert info.value.entity == "debt"
    [pending] = (await world.documents.list_suggestions(ctx, case_id)).items
    assert pending.status is SuggestionStatus.PENDING


async def test_accepting_a_court_claim_records_service_and_tracked_deadlines(wired) -> None:  # type: ignore[no-untyped-def]
    world, _, clock = wired
    ctx, case_id = await open_case(world)
    script(world, N1)  # issued 1 March: deemed served 6 March, after "today" (2 March)
    await world.documents.upload(ctx, case_id, filename="n1.pdf", data=b"%PDF-1.4" + b"1" * 20)
    await world.run_jobs()
    items = {s.kind: s for s in (await world.documents.list_suggestions(ctx, case_id)).items}
    claim = items[SuggestionKind.COURT_CLAIM_DEADLINE]
    assert claim.fact_date == dt.date(2026, 3, 6)

    decision = await world.documents.accept_suggestion(ctx, claim.id, expected_version=1)
    assert decision.task is None
    assert decision.fact_id is not None
    tracked = (await clock.list_deadlines(ctx, case_id)).items
    assert {t.id for t in tracked} == set(decision.deadline_ids)
    by_kind = {t.deadline.kind: t for t in tracked}
    # Counted from the deemed date of service the form prints, though still ahead: the
    # clock's deadlines are the ones the letter states, not a few days earlier.
    assert by_kind[DeadlineKind.CLAIM_RESPONSE].deadline.trigger == dt.date(2026, 3, 6)
    assert by_kind[DeadlineKind.CLAIM_RESPONSE].deadline.due == dt.date(2026, 3, 20)
    assert by_kind[DeadlineKind.CLAIM_RESPONSE].status is DeadlineStatus.OPEN
    assert DeadlineKind.DEFENCE in by_kind
    tasks = (await world.app.tasks.list(ctx, case_id=case_id)).items
    deadline_tasks = {t.id for t in tasks if t.kind is TaskKind.DEADLINE}
    assert {t.task_id for t in tracked} <= deadline_tasks
    actions = [e.action for e in await world.app.audit(ctx.centre_id)]
    assert "case.fact_recorded_from_document" in actions
    assert "case.fact_recorded" in actions
    assert "document.suggestion_accepted" in actions


async def test_a_printed_statutory_demand_deadline_is_counted_back_to_service(wired) -> None:  # type: ignore[no-untyped-def]
    world, _, clock = wired
    ctx, case_id = await open_case(world)
    script(
        world,
        Extraction(
            document_class=DocumentClass.STATUTORY_DEMAND,
            confidence=0.9,
            source="script",
            deadline_date=dt.date(2026, 3, 18),
        ),
    )
    await world.documents.upload(ctx, case_id, filename="sd.png", data=png(9))
    await world.run_jobs()
    [demand] = (await world.documents.list_suggestions(ctx, case_id)).items
    assert demand.fact_date == dt.date(2026, 2, 28)
    await world.documents.accept_suggestion(ctx, demand.id, expected_version=1)
    by_kind = {
        t.deadline.kind: t.deadline for t in (await clock.list_deadlines(ctx, case_id)).items
    }
    assert by_kind[DeadlineKind.STATUTORY_DEMAND_SET_ASIDE].due == dt.date(2026, 3, 18)
    assert by_kind[DeadlineKind.STATUTORY_DEMAND_COMPLY].due == dt.date(2026, 3, 21)


async def test_without_a_date_to_count_from_a_deadline_task_is_kept(wired) -> None:  # type: ignore[no-untyped-def]
    world, _, clock = wired
    ctx, case_id = await open_case(world)
    script(
        world,
        Extraction(
            document_class=DocumentClass.ENFORCEMENT_AGENT_NOTICE,
            confidence=0.9,
            source="script",
            deadline_date=dt.date(2026, 3, 12),
        ),
    )
    await world.documents.upload(ctx, case_id, filename="ea.png", data=png(10))
    await world.run_jobs()
    [notice] = (await world.documents.list_suggestions(ctx, case_id)).items
    assert notice.fact_date is None
    decision = await world.documents.accept_suggestion(ctx, notice.id, expected_version=1)
    assert decision.task is not None
    assert decision.task.kind is TaskKind.DEADLINE
    assert (await clock.list_deadlines(ctx, case_id)).total == 0


async def test_several_decided_at_once_each_as_alone(wired) -> None:  # type: ignore[no-untyped-def]
    """decide_many: each decision taken as accept/reject takes it alone; one that cannot
    be (its debt changed since: Conflict) is answered with its error, the others stand."""
    world, debts, _ = wired
    ctx, case_id = await open_case(world)
    debt_id, update = await update_suggestion(world, debts, ctx, case_id)
    script(world, NEW_BALANCE, NEW_BALANCE)
    await world.documents.upload(ctx, case_id, filename="again.png", data=png(8))
    await world.documents.upload(ctx, case_id, filename="third.png", data=png(9))
    await world.run_jobs()
    listed = (await world.documents.list_suggestions(ctx, case_id)).items
    second, third = [s for s in listed if s.id != update.id]

    with pytest.raises(ValidationError) as twice:
        await world.documents.decide_many(
            ctx, case_id, [Ruling(suggestion_id=s.id, expected_version=1, verdict=Verdict.ACCEPT)
                           for s in (update, update)],
        )  # fmt: skip
    assert twice.value.field == "decisions[1].suggestion_id"
    with pytest.raises(ValidationError, match="at least one"):
        await world.documents.decide_many(ctx, case_id, [])
    assert all(
        s.status is SuggestionStatus.PENDING
        for s in (await world.documents.list_suggestions(ctx, case_id)).items
    )

    ruled = await world.documents.decide_many(
        ctx,
        case_id,
        [
            Ruling(suggestion_id=update.id, expected_version=1, verdict=Verdict.ACCEPT),
            # The same debt's balance, read again: changed by the first by now (Conflict).
            Ruling(suggestion_id=second.id, expected_version=1, verdict=Verdict.ACCEPT),
            Ruling(
                suggestion_id=third.id, expected_version=1, verdict=Verdict.REJECT,
                reason="A copy",
            ),
        ],
    )  # fmt: skip
    first, conflict, rejected = ruled
    assert first.decision is not None
    assert first.decision.debt_id == debt_id
    assert isinstance(conflict.error, Conflict)
    assert rejected.rejected is not None
    assert rejected.rejected.rejection_reason == "A copy"
    statuses = {
        s.id: s.status for s in (await world.documents.list_suggestions(ctx, case_id)).items
    }
    assert statuses == {
        update.id: SuggestionStatus.ACCEPTED,
        second.id: SuggestionStatus.PENDING,
        third.id: SuggestionStatus.REJECTED,
    }
    # A case of another centre: nothing is decided (a suggestion of another case of the
    # same centre is answered NotFound on its own: tests/e2e/test_documents_api.py).
    _, elsewhere = await open_case(world)
    with pytest.raises(NotFound):
        await world.documents.decide_many(
            ctx, elsewhere,
            [Ruling(suggestion_id=second.id, expected_version=1, verdict=Verdict.ACCEPT)],
        )  # fmt: skip
    assert (await world.documents.get_suggestion(ctx, second.id)).status is SuggestionStatus.PENDING


_STAGE = EnforcementStage


@pytest.mark.parametrize(
    ("recorded", "paper", "stage", "ccj"),
    [
        (None, DocumentClass.COURT_CLAIM_N1, EnforcementStage.CLAIM_ISSUED, None),
        (
            EnforcementStage.LETTER_OF_CLAIM,
            DocumentClass.COUNTY_COURT_JUDGMENT,
            EnforcementStage.JUDGMENT,
            True,
        ),
        # Never back along the court route; a stage off it is left as recorded.
        (
            EnforcementStage.ENFORCEMENT_AGENT,
            DocumentClass.COURT_CLAIM_N1,
            EnforcementStage.ENFORCEMENT_AGENT,
            None,
        ),
        (
            EnforcementStage.CHARGING_ORDER,
            DocumentClass.COURT_CLAIM_N1,
            EnforcementStage.CHARGING_ORDER,
            None,
        ),
        (None, DocumentClass.CREDITOR_LETTER, None, None),
    ],
)
async def test_an_update_from_a_paper_further_along_moves_the_debts_recovery_stage(  # type: ignore[no-untyped-def]
    wired, recorded, paper, stage, ccj
) -> None:
    world, debts, _ = wired
    ctx, case_id = await open_case(world)
    debt_id = await debt_on_case(debts, ctx, case_id)
    if recorded is not None:
        view = await debts.get_debt(ctx, case_id, debt_id)  # type: ignore[arg-type]
        await debts.update_debt(
            ctx, case_id, debt_id,  # type: ignore[arg-type]
            DebtDetails(
                debt_type=DebtType.OTHER, balance=Money(123_456), account_reference="12345678",
                creditor_id=view.entry.debt.creditor_id, enforcement_stage=recorded,
            ),
            expected_version=view.entry.version,
        )  # fmt: skip
    script(world, attrs.evolve(NEW_BALANCE, document_class=paper))
    await world.documents.upload(ctx, case_id, filename="paper.png", data=png(41))
    await world.run_jobs()
    [s] = [
        s
        for s in (await world.documents.list_suggestions(ctx, case_id)).items
        if s.kind is SuggestionKind.UPDATE_DEBT
    ]
    await world.documents.accept_suggestion(ctx, s.id, expected_version=s.version)
    debt = (await debts.get_debt(ctx, case_id, debt_id)).entry.debt  # type: ignore[arg-type]
    assert (debt.balance, debt.enforcement_stage, debt.ccj) == (Money(98_765), stage, ccj)


async def test_a_judgment_for_a_recorded_debt_at_the_same_balance_still_records_it(wired) -> None:  # type: ignore[no-untyped-def]
    """The balance is what the record says, but the paper shows the debt further along
    (a judgment): an update is still proposed, for the stage and the CCJ; once they are
    recorded, the same paper proposes nothing."""
    world, debts, _ = wired
    ctx, case_id = await open_case(world)
    debt_id = await debt_on_case(debts, ctx, case_id)
    same = attrs.evolve(
        NEW_BALANCE, document_class=DocumentClass.COUNTY_COURT_JUDGMENT, balance_pence=123_456
    )
    script(world, same)
    await world.documents.upload(ctx, case_id, filename="judgment.png", data=png(42))
    await world.run_jobs()
    [s] = [
        s
        for s in (await world.documents.list_suggestions(ctx, case_id)).items
        if s.kind is SuggestionKind.UPDATE_DEBT
    ]
    assert s.title == (
        "Update debt: Lowell Portfolio Ltd, ref 1234-5678: now at judgment (balance £1,234.56)"
    )
    await world.documents.accept_suggestion(ctx, s.id, expected_version=s.version)
    debt = (await debts.get_debt(ctx, case_id, debt_id)).entry.debt  # type: ignore[arg-type]
    assert (debt.balance, debt.enforcement_stage, debt.ccj) == (
        Money(123_456), EnforcementStage.JUDGMENT, True,
    )  # fmt: skip
    script(world, same)
    await world.documents.upload(ctx, case_id, filename="judgment-copy.png", data=png(43))
    await world.run_jobs()
    updates = [
        s
        for s in (await world.documents.list_suggestions(ctx, case_id)).items
        if s.kind is SuggestionKind.UPDATE_DEBT
    ]
    assert len(updates) == 1  # the first, accepted: nothing new to record
