"""DocumentService and DocumentJobs on the in-memory adapters: no mocks, canned OCR."""

from __future__ import annotations

import datetime as dt
import hashlib

import attrs
import pytest
from tests.unit.core.support import App, build_app, register_cmd
from tests.wiring import DEBTS, DOCUMENTS, ports

from cma_adapters.memory import documents as memory_docs
from cma_adapters.memory.tasks import tasks as memory_tasks
from cma_adapters.memory_documents import (
    CannedTextExtractor,
    InMemoryDocumentStore,
    ScriptedAssistant,
)
from cma_adapters.re2 import Re2PatternEngine
from cma_core.documents.errors import (
    AssistantTimeout,
    DuplicateDocument,
    TextExtractionFailed,
)
from cma_core.documents.model import (
    DocumentClass,
    DocumentStatus,
    Extraction,
    SuggestionKind,
    SuggestionStatus,
)
from cma_core.documents.service import DocumentJobs, DocumentService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.errors import (
    InvalidTransition,
    NotFound,
    PermissionDenied,
    StaleVersion,
    ValidationError,
)
from cma_core.shared.handlers import EventHandlers
from cma_core.shared.ids import CaseId
from cma_core.tasks.model import TaskKind
from cma_core.tasks.service import TaskJobs

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
LOWELL = Extraction(
    document_class=DocumentClass.CREDITOR_LETTER,
    confidence=0.8,
    source="script",
    creditor_name="Lowell Portfolio Ltd",
    account_reference="12345678",
    balance_pence=123456,
)
N1 = Extraction(
    document_class=DocumentClass.COURT_CLAIM_N1,
    confidence=0.9,
    source="script",
    creditor_name="Cabot Financial Ltd",
    balance_pence=234000,
    letter_date=dt.date(2026, 3, 1),
    court_claim_number="K1QZ4521",
)


def png(n: int) -> bytes:
    return PNG + n.to_bytes(4, "big")


@attrs.define
class World:
    app: App
    store: InMemoryDocumentStore
    extractor: CannedTextExtractor
    assistant: ScriptedAssistant
    documents: DocumentService
    jobs: DocumentJobs
    handlers: EventHandlers

    async def run_jobs(self) -> int:
        """Dispatch every published event once (the worker, synchronously)."""
        ran = 0
        seen: set[object] = set()
        while True:
            pending = [e for e in self.app.publisher.published if e.event_id not in seen]
            if not pending:
                return ran
            for env in pending:
                seen.add(env.event_id)
                ran += await self.handlers.dispatch(env.centre_id, env.event_id)


@pytest.fixture
def world() -> World:
    return make_world()


def make_world() -> World:
    app = build_app()
    repos = {
        "documents": memory_docs.documents,
        "suggestions": memory_docs.suggestions,
        **ports(DOCUMENTS),
    }
    store = InMemoryDocumentStore()
    extractor = CannedTextExtractor()
    assistant = ScriptedAssistant()
    documents = DocumentService(app.uow, store, assistant, app.clock, max_bytes=1000, **repos)
    jobs = DocumentJobs(
        store,
        extractor,
        assistant,
        app.clock,
        retry_backoff=0,
        documents=memory_docs.documents,
        suggestions=memory_docs.suggestions,
    )
    handlers = EventHandlers(
        app.uow,
        app.clock,
        registered=(*TaskJobs(app.clock, tasks=memory_tasks).handlers(), *jobs.handlers()),
    )
    return World(app, store, extractor, assistant, documents, jobs, handlers)


async def open_case(world: World, role: Role = Role.ADVISER) -> tuple[TenantContext, CaseId]:
    centre = await world.app.centre()
    ctx = await world.app.staff(centre, role)
    client = await world.app.clients.register(ctx, register_cmd())
    from cma_core.cases.service import OpenCase

    case = await world.app.cases.open(ctx, OpenCase(client_id=client.id))
    return ctx, case.id


async def test_upload_stores_under_the_centre_and_queues(world: World) -> None:
    ctx, case_id = await open_case(world)
    doc = await world.documents.upload(ctx, case_id, filename="a/b/letter.exe", data=png(1))
    assert doc.status is DocumentStatus.QUEUED
    assert doc.filename == "letter.exe.png"
    assert doc.sha256 == hashlib.sha256(png(1)).hexdigest()
    assert f"centres/{ctx.centre_id}/documents/{doc.id}/original" in world.store.objects
    assert [e.payload["document_id"] for e in world.app.published("DocumentUploaded")] == [
        str(doc.id)
    ]
    actions = [e.action for e in await world.app.audit(ctx.centre_id, entity_type="document")]
    assert actions == ["document.uploaded"]


async def test_duplicate_names_the_existing_document_and_stores_nothing(world: World) -> None:
    ctx, case_id = await open_case(world)
    first = await world.documents.upload(ctx, case_id, filename="a.png", data=png(1))
    with pytest.raises(DuplicateDocument) as info:
        await world.documents.upload(ctx, case_id, filename="b.png", data=png(1))
    assert info.value.existing_id == first.id
    assert len(world.store.objects) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty"), (b"MZ" + b"\x00" * 40, "PDF, PNG"), (PNG + b"\x00" * 2000, "at most")],
)
async def test_refused_files_name_the_file_field(world: World, data: bytes, message: str) -> None:
    ctx, case_id = await open_case(world)
    with pytest.raises(ValidationError) as info:
        await world.documents.upload(ctx, case_id, filename="x.png", data=data)
    assert info.value.field == "file"
    assert message in info.value.detail
    assert world.store.objects == {}


async def test_ocr_classify_suggest_accept_creates_debt_task(world: World) -> None:
    ctx, case_id = await open_case(world)
    world.extractor.register(png(1), "Lowell ... £1,234.56")
    world.assistant = ScriptedAssistant([LOWELL])
    world.jobs.assistant = world.documents.assistant = world.assistant
    doc = await world.documents.upload(ctx, case_id, filename="l.png", data=png(1))
    # The case's initial-contact task, then: mark processing, extract, classify.
    assert await world.run_jobs() == 4

    doc = await world.documents.get(ctx, doc.id)
    assert doc.status is DocumentStatus.DONE
    assert doc.attempts == 1
    assert doc.document_class is DocumentClass.CREDITOR_LETTER
    assert world.assistant.texts == ["Lowell ... £1,234.56"]
    page = await world.documents.list_suggestions(ctx, case_id)
    assert page.total == 1
    suggestion = page.items[0]
    assert suggestion.kind is SuggestionKind.NEW_DEBT

    # Replaying every event changes nothing.
    for env in list(world.app.publisher.published):
        assert await world.handlers.dispatch(env.centre_id, env.event_id) == 0

    with pytest.raises(StaleVersion):
        await world.documents.accept_suggestion(ctx, suggestion.id, expected_version=7)
    decision = await world.documents.accept_suggestion(ctx, suggestion.id, expected_version=1)
    assert decision.suggestion.status is SuggestionStatus.ACCEPTED
    assert decision.task.kind is TaskKind.GENERAL
    assert decision.task.title == (
        "Add debt: Lowell Portfolio Ltd, ref 12345678, £1,234.56 (from document l.png)"
    )
    tasks = await world.app.tasks.list(ctx, case_id=case_id)
    assert decision.task.id in {t.id for t in tasks.items}
    document_audit = await world.app.audit(ctx.centre_id, entity_id=str(doc.id))
    assert "document.suggestion_accepted" in [e.action for e in document_audit]
    with pytest.raises(InvalidTransition):
        await world.documents.accept_suggestion(ctx, suggestion.id, expected_version=2)

    draft = await world.documents.summary_draft(ctx, case_id)
    assert draft.status == "draft"
    assert world.assistant.cases[0].debts[0].creditor_name == "Lowell Portfolio Ltd"


async def test_with_the_debts_service_accepting_adds_the_debt(world: World) -> None:
    from cma_core.debts.service import DebtService

    debts = DebtService(world.app.uow, world.app.clock, patterns=Re2PatternEngine(), **ports(DEBTS))
    world.documents.debts = debts
    ctx, case_id = await open_case(world)
    world.assistant = ScriptedAssistant([LOWELL, LOWELL])
    world.jobs.assistant = world.documents.assistant = world.assistant
    await world.documents.upload(ctx, case_id, filename="l.png", data=png(1))
    await world.documents.upload(ctx, case_id, filename="m.png", data=png(2))
    await world.run_jobs()
    # The second letter names the same account: no second suggestion.
    [suggestion] = (await world.documents.list_suggestions(ctx, case_id)).items

    decision = await world.documents.accept_suggestion(ctx, suggestion.id, expected_version=1)
    assert decision.task is None
    assert decision.debt_id is not None
    [view] = (await debts.list_debts(ctx, case_id)).items
    assert view.entry.id == decision.debt_id
    assert view.entry.debt.balance.pence == 123456
    assert view.creditor is not None
    assert view.creditor.name == "Lowell Portfolio Ltd"
    assert (await debts.list_creditors(ctx)).total == 1
    with pytest.raises(InvalidTransition):
        await world.documents.accept_suggestion(ctx, suggestion.id, expected_version=2)
    assert (await debts.list_debts(ctx, case_id)).total == 1


async def test_court_claim_deadline_task_and_reject(world: World) -> None:
    ctx, case_id = await open_case(world)
    world.assistant = ScriptedAssistant([N1])
    world.jobs.assistant = world.documents.assistant = world.assistant
    await world.documents.upload(ctx, case_id, filename="n1.pdf", data=b"%PDF-1.4" + b"0" * 20)
    await world.run_jobs()
    items = {s.kind: s for s in (await world.documents.list_suggestions(ctx, case_id)).items}
    deadline = items[SuggestionKind.COURT_CLAIM_DEADLINE]
    assert deadline.title.endswith(" by 20 March 2026")  # as an adviser reads a date
    decision = await world.documents.accept_suggestion(ctx, deadline.id, expected_version=1)
    assert decision.task.kind is TaskKind.DEADLINE
    assert "20 March 2026" in decision.task.title
    assert decision.task.due_at == dt.datetime(2026, 3, 20, 9, 0, tzinfo=dt.UTC)
    rejected = await world.documents.reject_suggestion(
        ctx, items[SuggestionKind.NEW_DEBT].id, expected_version=1, reason=" duplicate "
    )
    assert rejected.rejection_reason == "duplicate"


async def test_caseworker_cannot_accept_a_debt(world: World) -> None:
    ctx, case_id = await open_case(world)
    world.assistant = ScriptedAssistant([LOWELL])
    world.jobs.assistant = world.documents.assistant = world.assistant
    await world.documents.upload(ctx, case_id, filename="l.png", data=png(1))
    await world.run_jobs()
    suggestion = (await world.documents.list_suggestions(ctx, case_id)).items[0]
    centre = await world.app.store.get_centre(ctx.centre_id)
    assert centre is not None
    caseworker = await world.app.staff(centre, Role.CASEWORKER)
    with pytest.raises((PermissionDenied, NotFound)):
        await world.documents.accept_suggestion(caseworker, suggestion.id, expected_version=1)


async def test_centre_list_shows_each_user_the_cases_they_may_see(world: World) -> None:
    ctx, case_id = await open_case(world)
    world.assistant = ScriptedAssistant([LOWELL])
    world.jobs.assistant = world.documents.assistant = world.assistant
    await world.documents.upload(ctx, case_id, filename="l.png", data=png(1))
    await world.run_jobs()
    made = [s.id for s in (await world.documents.list_suggestions(ctx, case_id)).items]
    assert made
    pending = SuggestionStatus.PENDING
    every = await world.documents.list_centre_suggestions(ctx, status=pending)
    assert [s.id for s in every.items] == made
    mine = await world.documents.list_centre_suggestions(ctx, adviser_id=ctx.user_id)
    assert [s.id for s in mine.items] == made  # the case opener is its adviser
    centre = await world.app.store.get_centre(ctx.centre_id)
    assert centre is not None
    caseworker = await world.app.staff(centre, Role.CASEWORKER)
    assert (await world.documents.list_centre_suggestions(caseworker)).total == 0
    theirs = await world.documents.list_centre_suggestions(caseworker, adviser_id=ctx.user_id)
    assert theirs.total == 0  # another adviser's work is not a caseworker's to see
    with pytest.raises(ValidationError):
        await world.documents.list_centre_suggestions(ctx, limit=0)


async def test_corrupt_file_fails_cleanly(world: World) -> None:
    ctx, case_id = await open_case(world)
    world.extractor.corrupt(png(2))
    doc = await world.documents.upload(ctx, case_id, filename="c.png", data=png(2))
    await world.run_jobs()
    doc = await world.documents.get(ctx, doc.id)
    assert doc.status is DocumentStatus.FAILED
    assert doc.failure_reason == "the file could not be read"
    assert (await world.documents.list_suggestions(ctx, case_id)).total == 0


class FlakyExtractor(CannedTextExtractor):
    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures

    async def extract(self, data, content_type):  # type: ignore[no-untyped-def]
        if self.failures:
            self.failures -= 1
            raise TextExtractionFailed("tesseract crashed")
        return await super().extract(data, content_type)


async def test_transient_failures_are_retried_then_fail_with_reason(world: World) -> None:
    ctx, case_id = await open_case(world)
    world.jobs.extractor = FlakyExtractor(failures=2)
    ok = await world.documents.upload(ctx, case_id, filename="a.png", data=png(1))
    await world.run_jobs()
    ok = await world.documents.get(ctx, ok.id)
    assert ok.status is DocumentStatus.DONE
    assert ok.attempts == 3

    world.jobs.extractor = FlakyExtractor(failures=5)
    bad = await world.documents.upload(ctx, case_id, filename="b.png", data=png(2))
    await world.run_jobs()
    bad = await world.documents.get(ctx, bad.id)
    assert bad.status is DocumentStatus.FAILED
    assert bad.failure_reason is not None
    assert "after 3 attempt(s): tesseract crashed" in bad.failure_reason


async def test_suggestions_commit_with_the_done_status_document_by_document(
    world: World,
) -> None:
    """Reading the text and suggesting happen in one job: when a document shows ``done``
    its suggestions are already there, without waiting for any other document or event."""
    ctx, case_id = await open_case(world)
    world.assistant = ScriptedAssistant([LOWELL, N1])
    world.jobs.assistant = world.documents.assistant = world.assistant
    first = await world.documents.upload(ctx, case_id, filename="a.png", data=png(1))
    second = await world.documents.upload(ctx, case_id, filename="b.png", data=png(2))
    uploaded = world.app.published("DocumentUploaded")
    # Only the first document's reading runs: no DocumentTextExtracted handler at all.
    assert await world.handlers.dispatch(uploaded[0].centre_id, uploaded[0].event_id) == 2
    done = await world.documents.get(ctx, first.id)
    assert done.status is DocumentStatus.DONE
    assert done.document_class is DocumentClass.CREDITOR_LETTER
    made = (await world.documents.list_suggestions(ctx, case_id)).items
    assert [s.document_id for s in made] == [first.id]
    assert (await world.documents.get(ctx, second.id)).status is DocumentStatus.QUEUED


async def test_assistant_timeout_is_raised_for_the_worker_to_retry(world: World) -> None:
    """The reading with the text is deferred on a timeout (the text is saved); the
    classify handler then raises for the worker to retry."""
    ctx, case_id = await open_case(world)
    world.assistant = ScriptedAssistant(
        [AssistantTimeout("slow"), AssistantTimeout("slow"), LOWELL]
    )
    world.jobs.assistant = world.documents.assistant = world.assistant
    doc = await world.documents.upload(ctx, case_id, filename="l.png", data=png(1))
    with pytest.raises(AssistantTimeout):
        await world.run_jobs()
    assert (await world.documents.get(ctx, doc.id)).status is DocumentStatus.DONE
    extracted = world.app.published("DocumentTextExtracted")[0]
    assert await world.handlers.dispatch(extracted.centre_id, extracted.event_id) == 1
    doc = await world.documents.get(ctx, doc.id)
    assert doc.document_class is DocumentClass.CREDITOR_LETTER


async def test_delete_reaches_the_stored_object(world: World) -> None:
    ctx, case_id = await open_case(world)
    a = await world.documents.upload(ctx, case_id, filename="a.png", data=png(1))
    await world.documents.upload(ctx, case_id, filename="b.png", data=png(2))
    await world.documents.upload(ctx, case_id, filename="c.png", data=png(3))
    with pytest.raises(StaleVersion):
        await world.documents.delete(ctx, a.id, expected_version=5)
    await world.documents.delete(ctx, a.id, expected_version=1)
    assert len(world.store.objects) == 2
    with pytest.raises(NotFound):
        await world.documents.get(ctx, a.id)


async def test_another_centre_sees_nothing(world: World) -> None:
    ctx, case_id = await open_case(world)
    doc = await world.documents.upload(ctx, case_id, filename="a.png", data=png(1))
    other_centre = await world.app.centre("Elsewhere")
    other = await world.app.staff(other_centre, Role.ADVISER)
    with pytest.raises(NotFound):
        await world.documents.get(other, doc.id)
    with pytest.raises(NotFound):
        await world.documents.download(other, doc.id)
    with pytest.raises(NotFound):
        await world.documents.delete(other, doc.id)
    with pytest.raises(NotFound):
        await world.documents.list(other, case_id)
    with pytest.raises(NotFound):
        await world.documents.upload(other, case_id, filename="x.png", data=png(9))
    assert len(world.store.objects) == 1


async def test_download_streams_and_links_are_short(world: World) -> None:
    ctx, case_id = await open_case(world)
    doc = await world.documents.upload(ctx, case_id, filename="a.png", data=png(1))
    download = await world.documents.download(ctx, doc.id)
    assert b"".join([c async for c in download.chunks]) == png(1)
    _, url, expires = await world.documents.download_link(ctx, doc.id)
    assert world.store.read_link(url) == png(1)
    assert expires - world.app.clock.now() <= dt.timedelta(minutes=15)


PAYSLIP = Extraction(
    document_class=DocumentClass.PAYSLIP,
    confidence=0.9,
    source="script",
    payer_name="Aire Valley Logistics Ltd",
    income_pence=41000,
    gross_pence=52000,
    frequency="weekly",
)


async def test_payslip_suggests_an_income_line_that_sets_the_budget(world: World) -> None:
    """Net weekly pay becomes the SFS salary line; the budget converts it to monthly
    (£410.00 x 52 / 12 = £1,776.67)."""
    from tests.wiring import BUDGETS

    from cma_adapters.sfs import SfsDdsCodec
    from cma_core.budgets.service import BudgetService

    ctx, case_id = await open_case(world)
    budgets = BudgetService(world.app.uow, world.app.clock, SfsDdsCodec(), **ports(BUDGETS))
    world.documents.budget_lines = budgets
    world.assistant = ScriptedAssistant([PAYSLIP])
    world.jobs.assistant = world.documents.assistant = world.assistant
    await world.documents.upload(ctx, case_id, filename="pay.png", data=png(7))
    await world.run_jobs()
    [suggestion] = (await world.documents.list_suggestions(ctx, case_id)).items
    assert suggestion.kind is SuggestionKind.NEW_INCOME
    assert suggestion.budget_line == "client_salary"
    assert suggestion.frequency == "weekly"
    assert "£1,776.67 a month" in suggestion.title
    decision = await world.documents.accept_suggestion(
        ctx, suggestion.id, expected_version=suggestion.version
    )
    assert decision.suggestion.status.value == "accepted"
    view = await budgets.get(ctx, case_id)
    line = view.record.budget.lines["client_salary"]
    assert line.amount.pence == 41000
    assert line.monthly.pence == 177667


async def test_a_reference_suggested_after_two_hundred_others_is_not_suggested_again(
    world: World,
) -> None:
    """The references already suggested on the case are read from every page of its
    suggestions: a letter read again is no second debt, however many came before it."""
    from tests.contracts.test_document_repositories import make_suggestion

    ctx, case_id = await open_case(world)
    world.assistant = ScriptedAssistant([LOWELL, LOWELL])
    world.jobs.assistant = world.documents.assistant = world.assistant
    await world.documents.upload(ctx, case_id, filename="lowell.png", data=png(1))
    await world.run_jobs()
    [lowell] = (await world.documents.list_suggestions(ctx, case_id)).items
    document = await world.documents.get(ctx, lowell.document_id)
    async with world.app.uow(ctx.centre_id) as uow:
        repo = memory_docs.suggestions(uow)
        for n in range(200):  # older than the Lowell letter's: they sort first
            filler = attrs.evolve(
                make_suggestion(document, at=lowell.created_at - dt.timedelta(days=1)),
                account_reference=f"OTHER-{n}",
            )
            filler.announce()
            await repo.add(filler)
        await uow.commit()
    await world.documents.upload(ctx, case_id, filename="lowell-again.png", data=png(2))
    await world.run_jobs()
    page = await world.documents.list_suggestions(ctx, case_id, limit=200, offset=200)
    assert page.total == 201
    assert [s.id for s in page.items] == [lowell.id]
