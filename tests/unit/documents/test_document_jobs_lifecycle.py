"""The documents pipeline's lifecycle on the in-memory adapters: background in-process
jobs, giving up, the stuck-document sweep, retry, one-transaction accept, the summary."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable, Sequence

import pytest
from tests.unit.documents.test_documents_service import (
    LOWELL,
    PNG,
    World,
    make_world,
    open_case,
    png,
)
from tests.wiring import DEBTS, ports

from cma_adapters.jobs import InProcessEventPublisher
from cma_adapters.memory.uow import InMemoryUnitOfWork
from cma_adapters.memory_documents import ScriptedAssistant
from cma_adapters.re2 import Re2PatternEngine
from cma_core.debts.service import DebtService
from cma_core.documents.model import DocumentStatus, PageText, SuggestionStatus
from cma_core.documents.service import DocumentSweep
from cma_core.identity.model import TenantContext
from cma_core.shared.errors import InvalidTransition, StaleVersion
from cma_core.shared.events import EventEnvelope

PROCESSING_TIMEOUT = dt.timedelta(minutes=15)


@pytest.fixture(name="world")
def world_fixture() -> World:
    return make_world()


class Forwarding:
    """The unit of work's publisher: records, then hands to the in-process publisher."""

    def __init__(self, world: World, inner: InProcessEventPublisher) -> None:
        self.world, self.inner = world, inner

    async def publish(self, envelopes: Sequence[EventEnvelope]) -> None:
        self.world.app.publisher.published.extend(envelopes)
        await self.inner.publish(envelopes)


def in_process(world: World) -> InProcessEventPublisher:
    """Route the world's committed events through a real in-process publisher."""
    publisher = InProcessEventPublisher(lambda: world.handlers)
    forward = Forwarding(world, publisher)
    original = world.app.uow

    def uow(centre_id):  # type: ignore[no-untyped-def]
        unit: InMemoryUnitOfWork = original(centre_id)
        unit._publisher = forward
        return unit

    world.app.uow = uow  # type: ignore[assignment]
    world.documents.uow = uow
    world.handlers.uow = uow
    return publisher


class Gate:
    def __init__(self, pages: int = 1, error: Exception | None = None) -> None:
        self.started = asyncio.Event()
        self.release = asyncio.Event()
        self.error = error

    async def extract(self, data: bytes, content_type: object) -> tuple[PageText, ...]:
        self.started.set()
        await self.release.wait()
        if self.error is not None:
            raise self.error
        return (PageText(number=1, text="Lowell", confidence=0.9),)


async def test_upload_returns_before_reading_starts_then_the_document_is_done(
    world: World,
) -> None:
    publisher = in_process(world)
    gate = Gate()
    world.jobs.extractor = gate
    ctx, case_id = await open_case(world)
    doc = await world.documents.upload(ctx, case_id, filename="l.png", data=png(1))
    assert doc.status is DocumentStatus.QUEUED
    assert not gate.started.is_set()  # nothing was read while the upload ran
    assert publisher.pending >= 1
    await asyncio.wait_for(gate.started.wait(), 5)
    assert (await world.documents.get(ctx, doc.id)).status is DocumentStatus.PROCESSING
    gate.release.set()
    handled = await asyncio.wait_for(publisher.drain(), 5)
    assert handled >= 3
    assert publisher.pending == 0
    assert (await world.documents.get(ctx, doc.id)).status is DocumentStatus.DONE


async def test_a_failing_in_process_handler_fails_the_document_with_a_reason(
    world: World,
) -> None:
    publisher = in_process(world)
    gate = Gate(error=RuntimeError("boom"))
    gate.release.set()
    world.jobs.extractor = gate
    world.handlers.give_up_handlers = world.jobs.give_up_handlers()
    ctx, case_id = await open_case(world)
    doc = await world.documents.upload(ctx, case_id, filename="l.png", data=png(1))
    await asyncio.wait_for(publisher.drain(), 5)
    doc = await world.documents.get(ctx, doc.id)
    assert doc.status is DocumentStatus.FAILED
    assert doc.failure_reason is not None
    assert "RuntimeError" in doc.failure_reason
    actions = [e.action for e in await world.app.audit(ctx.centre_id, entity_id=str(doc.id))]
    assert "document.failed" in actions

    # Given up twice (a redelivered message): nothing changes.
    [uploaded] = world.app.published("DocumentUploaded")
    await world.handlers.give_up(uploaded.centre_id, uploaded.event_id, "again")
    assert (await world.documents.get(ctx, doc.id)).failure_reason == doc.failure_reason


async def test_aclose_gives_up_waiting_after_the_grace_period(world: World) -> None:
    publisher = in_process(world)
    gate = Gate()
    world.jobs.extractor = gate
    ctx, case_id = await open_case(world)
    await world.documents.upload(ctx, case_id, filename="l.png", data=png(1))
    await asyncio.wait_for(gate.started.wait(), 5)
    await asyncio.wait_for(publisher.aclose(grace=0.05), 5)
    assert publisher.pending == 0


async def test_sweep_fails_documents_stuck_processing_and_retry_requeues(world: World) -> None:
    ctx, case_id = await open_case(world)
    doc = await world.documents.upload(ctx, case_id, filename="l.png", data=png(1))
    [uploaded] = world.app.published("DocumentUploaded")
    # A worker marked it processing, then died.
    async with world.app.uow(ctx.centre_id) as uow:
        await world.jobs.mark_processing(uow, uploaded)
        await uow.commit()
    sweep = DocumentSweep(
        world.app.uow,
        world.app.store,
        world.app.clock,
        PROCESSING_TIMEOUT,
        documents=world.jobs.documents,
        suggestions=world.jobs.suggestions,
    )
    assert await sweep.sweep() == 0  # not yet stale
    world.app.clock.advance(PROCESSING_TIMEOUT + dt.timedelta(seconds=1))
    assert await sweep.sweep() == 1
    assert await sweep.sweep() == 0  # idempotent
    failed = await world.documents.get(ctx, doc.id)
    assert failed.status is DocumentStatus.FAILED
    assert failed.failure_reason is not None
    assert failed.failure_reason.startswith("timed out")
    actions = [e.action for e in await world.app.audit(ctx.centre_id, entity_id=str(doc.id))]
    assert "document.timed_out" in actions

    # The adviser retries: queued again, read again, done.
    with pytest.raises(StaleVersion):
        await world.documents.retry(ctx, doc.id, expected_version=1)
    queued = await world.documents.retry(ctx, doc.id, expected_version=failed.version)
    assert queued.status is DocumentStatus.QUEUED
    assert [e.name for e in world.app.publisher.published][-1] == "DocumentRequeued"
    await world.run_jobs()
    done = await world.documents.get(ctx, doc.id)
    assert done.status is DocumentStatus.DONE
    assert done.failure_reason is None
    assert done.attempts == 1
    actions = [e.action for e in await world.app.audit(ctx.centre_id, entity_id=str(doc.id))]
    assert "document.retried" in actions
    with pytest.raises(InvalidTransition):
        await world.documents.retry(ctx, doc.id, expected_version=None)


async def test_sweep_fails_documents_never_picked_up_from_the_queue(world: World) -> None:
    """The embedded default's in-process queue is lost when the process stops: the
    document stays ``queued`` with no event left to read it. The sweep fails it (later
    than a stuck ``processing`` one) so the adviser sees it and can retry."""
    ctx, case_id = await open_case(world)
    doc = await world.documents.upload(ctx, case_id, filename="l.png", data=png(1))
    queue_timeout = dt.timedelta(hours=1)
    sweep = DocumentSweep(
        world.app.uow,
        world.app.store,
        world.app.clock,
        PROCESSING_TIMEOUT,
        queue_timeout,
        documents=world.jobs.documents,
        suggestions=world.jobs.suggestions,
    )
    world.app.clock.advance(PROCESSING_TIMEOUT + dt.timedelta(seconds=1))
    assert await sweep.sweep() == 0  # queued, not processing: it may just be waiting
    world.app.clock.advance(queue_timeout)
    assert await sweep.sweep() == 1
    assert await sweep.sweep() == 0
    failed = await world.documents.get(ctx, doc.id)
    assert failed.status is DocumentStatus.FAILED
    assert failed.failure_reason is not None
    assert failed.failure_reason.startswith("not read: waited 60 minute(s) in the queue")
    queued = await world.documents.retry(ctx, doc.id, expected_version=failed.version)
    assert queued.status is DocumentStatus.QUEUED
    await world.run_jobs()
    assert (await world.documents.get(ctx, doc.id)).status is DocumentStatus.DONE


async def test_the_reading_result_is_dropped_if_the_sweep_failed_it_meanwhile(
    world: World,
) -> None:
    gate = Gate()
    world.jobs.extractor = gate
    ctx, case_id = await open_case(world)
    doc = await world.documents.upload(ctx, case_id, filename="l.png", data=png(1))
    run = asyncio.create_task(world.run_jobs())
    await asyncio.wait_for(gate.started.wait(), 5)
    world.app.clock.advance(PROCESSING_TIMEOUT * 2)
    sweep = DocumentSweep(
        world.app.uow,
        world.app.store,
        world.app.clock,
        documents=world.jobs.documents,
        suggestions=world.jobs.suggestions,
    )
    assert await sweep.sweep() == 1
    gate.release.set()
    await asyncio.wait_for(run, 5)
    assert (await world.documents.get(ctx, doc.id)).status is DocumentStatus.FAILED


def _debts(world: World) -> DebtService:
    debts = DebtService(world.app.uow, world.app.clock, patterns=Re2PatternEngine(), **ports(DEBTS))
    world.documents.debts = debts
    return debts


class RacingDebtService(DebtService):
    """Stages the debt, then another adviser decides the suggestion first."""

    race: Callable[[], Awaitable[object]] | None = None

    async def add_debt_in(self, uow, ctx, case_id, details, **kw):  # type: ignore[no-untyped-def]
        view = await super().add_debt_in(uow, ctx, case_id, details, **kw)
        if self.race is not None:
            await self.race()
        return view


async def test_accept_conflict_leaves_no_debt_and_no_creditor(world: World) -> None:
    """Another adviser rejects the suggestion while the debt is being staged: the accept
    is refused and the debt and new creditor go with it (one transaction)."""
    debts = RacingDebtService(
        world.app.uow, world.app.clock, patterns=Re2PatternEngine(), **ports(DEBTS)
    )
    world.documents.debts = debts
    ctx, case_id = await open_case(world)
    world.assistant = ScriptedAssistant([LOWELL])
    world.jobs.assistant = world.documents.assistant = world.assistant
    await world.documents.upload(ctx, case_id, filename="l.png", data=png(1))
    await world.run_jobs()
    [suggestion] = (await world.documents.list_suggestions(ctx, case_id)).items

    async def reject() -> object:
        return await world.documents.reject_suggestion(ctx, suggestion.id, expected_version=1)

    debts.race = reject
    with pytest.raises(StaleVersion):
        await world.documents.accept_suggestion(ctx, suggestion.id, expected_version=1)
    assert (await debts.list_debts(ctx, case_id)).total == 0
    assert (await debts.list_creditors(ctx)).total == 0
    current = await world.documents.get_suggestion(ctx, suggestion.id)
    assert current.status is SuggestionStatus.REJECTED


async def test_accept_adds_debt_audited_from_the_document(world: World) -> None:
    debts = _debts(world)
    ctx, case_id = await open_case(world)
    world.assistant = ScriptedAssistant([LOWELL])
    world.jobs.assistant = world.documents.assistant = world.assistant
    doc = await world.documents.upload(ctx, case_id, filename="l.png", data=png(1))
    await world.run_jobs()
    [suggestion] = (await world.documents.list_suggestions(ctx, case_id)).items
    decision = await world.documents.accept_suggestion(ctx, suggestion.id, expected_version=1)
    assert decision.debt_id is not None
    [view] = (await debts.list_debts(ctx, case_id)).items
    assert view.entry.id == decision.debt_id
    assert view.creditor is not None
    assert view.creditor.name == "Lowell Portfolio Ltd"
    debt_audit = await world.app.audit(ctx.centre_id, entity_id=str(decision.debt_id))
    assert {"debt.created", "debt.created_from_document"} <= {e.action for e in debt_audit}
    doc_audit = await world.app.audit(ctx.centre_id, entity_id=str(doc.id))
    assert "document.suggestion_accepted" in [e.action for e in doc_audit]


async def test_summary_uses_the_cases_debts_budget_and_deadlines(world: World) -> None:
    from cma_core.debts.model import DebtType
    from cma_core.debts.service import CreditorDetails, DebtDetails
    from cma_core.shared.money import Money

    debts = _debts(world)
    ctx, case_id = await open_case(world)
    creditor = await debts.add_creditor(ctx, _creditor("Leeds City Council"))
    await debts.add_debt(
        ctx,
        case_id,
        DebtDetails(debt_type=DebtType.COUNCIL_TAX, balance=Money(81000), creditor_id=creditor.id),
    )
    await debts.add_debt(ctx, case_id, DebtDetails(debt_type=DebtType.OTHER, balance=Money(5000)))
    # No creditor recorded, but the directory knows whose reference format this is.
    await debts.add_creditor(
        ctx, CreditorDetails(name="Lowell Portfolio Ltd", reference_pattern=r"LW\d{6}")
    )
    await debts.add_debt(
        ctx,
        case_id,
        DebtDetails(
            debt_type=DebtType.CREDIT_CARD, balance=Money(1000), account_reference="LW123456"
        ),
    )
    world.assistant = ScriptedAssistant()
    world.documents.assistant = world.assistant
    draft = await world.documents.summary_draft(ctx, case_id)
    assert draft.status == "draft"
    facts = world.assistant.cases[-1]
    by_name = {d.creditor_name: d for d in facts.debts}
    assert by_name["Leeds City Council"].priority is True
    assert by_name["Leeds City Council"].debt_type == "council_tax"
    assert by_name["Other debt"].priority is False  # its kind, never "unnamed creditor"
    assert by_name["Lowell Portfolio Ltd"].balance == Money(1000)
    assert "unnamed creditor" not in by_name
    assert facts.total_debt == Money(87000)
    assert facts.monthly_income is None  # no budget yet


async def test_summary_says_each_deadline_once(world: World) -> None:
    """A court claim makes tracked deadlines and a task for each: one deadline each."""
    from tests.wiring import SCHEDULING

    from cma_adapters.holidays_calendar.provider import HolidaysLibraryProvider
    from cma_core.scheduling.ports import FactKind
    from cma_core.scheduling.service import RecordFact, SchedulingService

    ctx, case_id = await open_case(world)
    scheduling = SchedulingService(
        world.app.uow,
        world.app.store,
        world.app.clock,
        HolidaysLibraryProvider(),
        **ports(SCHEDULING),
    )
    world.documents.deadlines = ports(("deadlines",))["deadlines"]
    served = world.app.clock.now().date()
    _, tracked = await scheduling.record_fact(
        ctx, case_id, RecordFact(kind=FactKind.COURT_CLAIM_SERVED, occurred_on=served)
    )
    assert len(tracked) == 2
    assert all(t.task_id is not None for t in tracked)
    world.assistant = ScriptedAssistant()
    world.documents.assistant = world.assistant
    await world.documents.summary_draft(ctx, case_id)
    facts = world.assistant.cases[-1]
    assert sorted(d.due_on for d in facts.deadlines) == sorted(t.deadline.due for t in tracked)
    assert len(facts.deadlines) == 2


async def test_summary_names_a_deadline_after_two_hundred_open_tasks(world: World) -> None:
    """The draft reads every open task of the case, not the first 200: the deadline task
    made last is named, and the open tasks counted."""
    import uuid

    from cma_adapters.memory.tasks import tasks as memory_tasks
    from cma_core.shared.ids import TaskId
    from cma_core.tasks.model import Task, TaskKind, TaskStatus
    from cma_core.tasks.service import CreateTask

    ctx, case_id = await open_case(world)
    now = world.app.clock.now()
    soon = now + dt.timedelta(days=1)  # due first: the list puts them before the deadline
    for n in range(200):
        await world.app.tasks.create(
            ctx, CreateTask(title=f"Call back {n}", case_id=case_id, due_at=soon)
        )
    async with world.app.uow(ctx.centre_id) as uow:  # as accepting a letter's deadline makes
        await memory_tasks(uow).add(
            Task(
                id=TaskId(uuid.uuid4()), centre_id=ctx.centre_id, case_id=case_id,
                kind=TaskKind.DEADLINE, title="Reply to the claim", assignee_id=ctx.user_id,
                due_at=now + dt.timedelta(days=14), status=TaskStatus.OPEN,
                created_at=now + dt.timedelta(seconds=1),
            )
        )  # fmt: skip
        await uow.commit()
    world.assistant = ScriptedAssistant()
    world.documents.assistant = world.assistant
    await world.documents.summary_draft(ctx, case_id)
    facts = world.assistant.cases[-1]
    assert [d.description for d in facts.deadlines] == ["Reply to the claim"]
    assert facts.open_task_count == 201


def _creditor(name: str):  # type: ignore[no-untyped-def]
    from cma_core.debts.service import CreditorDetails

    return CreditorDetails(name=name)


_ = (PNG, TenantContext)


def test_rule_based_summary_shows_priority_debts_budget_and_deadlines() -> None:
    from cma_adapters.rules_assistant.assistant import summarise
    from cma_core.documents.model import CaseFacts, DeadlineFact, DebtFact
    from cma_core.shared.money import Money

    text = summarise(
        CaseFacts(
            case_reference="C-1",
            opened_on=dt.date(2026, 3, 1),
            debts=(
                DebtFact(creditor_name="Card Co", balance=Money(50000)),
                # (no creditor recorded: named by its type, said once)
                DebtFact(creditor_name="Credit card", balance=Money(9000), debt_type="credit_card"),
                DebtFact(
                    creditor_name="Leeds City Council",
                    balance=Money(81000),
                    priority=True,
                    debt_type="council_tax",
                    arrears=Money(20000),
                ),
            ),
            monthly_income=Money(150000),
            monthly_expenditure=Money(140000),
            available_surplus=Money(8000),
            deadlines=(DeadlineFact(due_on=dt.date(2026, 3, 20), description="Respond to N1"),),
        )
    )
    lines = text.splitlines()
    assert lines[2] == "- Leeds City Council council tax: £810.00, arrears £200.00 (priority)"
    assert "- Credit card: £90.00" in lines
    assert lines[0] == "Case C-1, opened 1 March 2026."
    assert "surplus of £100.00" in text
    assert "Available for priority debts after savings and fees: £80.00." in text
    assert "Deadline 20 March 2026: Respond to N1." in text
    assert "Draft" in lines[-1]
