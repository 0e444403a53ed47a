"""Document use cases: upload, read, delete; the worker jobs that read them; suggestions.

The machine reads and suggests, the adviser decides. Uploading files a document and queues
it (``DocumentUploaded``); the worker extracts its text (``extract_document_text``), then
the assistant classifies it and proposes changes (``classify_document``). Nothing reaches
the case until an adviser accepts a suggestion.

Accepting a *new debt* suggestion adds the debt through the debts area's ``DebtService``
when one is wired (the composition root does), else it creates an adviser task to add it;
an *update debt* suggestion (a letter about a debt already on the case) sets that debt's
balance. Accepting a *deadline* records the dated fact (service of the claim or demand,
the enforcement notice) with the case clock's ``SchedulingService`` when one is wired, so
the case gets tracked deadlines, their tasks, reminders and escalation; else a deadline
task.
"""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
import logging
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import BinaryIO

from attrs import define, evolve, field, frozen

from cma_core.audit.service import commit_audited, record_audit
from cma_core.budgets.catalogue import LINES_BY_KEY
from cma_core.budgets.frequency import Frequency
from cma_core.budgets.ports import BudgetRepository
from cma_core.budgets.service import BudgetService
from cma_core.cases.model import Case, visible_adviser
from cma_core.cases.ports import CaseRepository
from cma_core.cases.service import case_scope, load_case
from cma_core.debts.formats import LearnedFormat, learned_reference_format
from cma_core.debts.model import Creditor, DebtId, DebtType, EnforcementStage
from cma_core.debts.ports import CreditorDirectory, DebtRepository, PatternEngine
from cma_core.debts.priority import classify as classify_debt
from cma_core.debts.service import LEARN_FROM, DebtDetails, DebtService
from cma_core.documents.errors import (
    AssistantReplyInvalid,
    AssistantUnavailable,
    CorruptDocument,
    DuplicateDocument,
    ObjectNotFound,
    TextExtractionFailed,
)
from cma_core.documents.files import (
    MAX_DOCUMENT_BYTES,
    FileFacts,
    UploadInspector,
    inspect_upload,
)
from cma_core.documents.known_creditors import checked_reference, recognise
from cma_core.documents.learning import (
    Correction,
    ExampleId,
    ExampleOutcome,
    ExampleRepository,
    class_example,
    example_from,
)
from cma_core.documents.locate import locate_evidence, read_confidences
from cma_core.documents.model import (
    Amendment,
    CaseFacts,
    DeadlineFact,
    DebtFact,
    Document,
    DocumentClass,
    DocumentDeleted,
    DocumentId,
    DocumentRequeued,
    DocumentStatus,
    DocumentTextExtracted,
    DocumentUploaded,
    Draft,
    Extraction,
    PageText,
    Suggestion,
    SuggestionId,
    SuggestionKind,
    SuggestionStatus,
    Verdict,
)
from cma_core.documents.naming import debt_name
from cma_core.documents.ports import (
    Assistant,
    DocumentRepository,
    DocumentStore,
    PageRenderer,
    SuggestionRepository,
    TextExtractor,
)
from cma_core.documents.rules import (
    DEBT_KINDS,
    RecordedDebt,
    dated_changes,
    debt_type_for,
    suggest,
    title_of,
)
from cma_core.documents.storage import MAX_LINK_EXPIRY, document_key
from cma_core.documents.transactions import DEBT_REPAYMENT, NOT_BUDGETED
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.identity.ports import IdentityStore
from cma_core.scheduling.ports import DeadlineRepository, DeadlineStatus, FactKind
from cma_core.scheduling.service import (
    DEEMED_SERVICE_AHEAD_DAYS,
    DEEMED_SERVICE_KINDS,
    RecordFact,
    SchedulingService,
)
from cma_core.shared.clock import Clock
from cma_core.shared.errors import (
    DomainError,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from cma_core.shared.events import EventEnvelope
from cma_core.shared.handlers import (
    Finish,
    GivesUp,
    Handles,
    OutsideTransaction,
    Work,
    handles,
)
from cma_core.shared.ids import CaseId, CentreId, EventId, TaskId, UserId
from cma_core.shared.paging import every_item, start_after, with_next_cursor
from cma_core.shared.service import IdFactory, check_page, check_version
from cma_core.shared.uow import Page, RepositoryFactory, UnitOfWork, UnitOfWorkFactory
from cma_core.tasks.model import Task, TaskKind, TaskStatus
from cma_core.tasks.ports import TaskRepository

log = logging.getLogger(__name__)

_READ_CHUNK = 256 * 1024
DEADLINE_TASK_TIME = dt.time(9, 0, tzinfo=dt.UTC)
"""A deadline task falls due at the start of the working day of the deadline: the adviser
sees it as overdue on the day itself, not the day after."""
DEFAULT_MAX_ATTEMPTS = 3
"""Text extraction tries before a document is marked failed (engine crashes, timeouts)."""
_SCAN_LIMIT = 200


@frozen(kw_only=True)
class Download:
    """A document's metadata and its bytes as a stream (opened, so it exists)."""

    document: Document
    chunks: AsyncIterator[bytes]


@frozen(kw_only=True)
class Reread:
    """A document read again as the kind the adviser said (``reclassify``)."""

    document: Document
    made: tuple[Suggestion, ...]
    """The new reading's suggestions."""
    replaced: int
    """How many of its pending suggestions were rejected as replaced."""


@frozen(kw_only=True)
class Decision:
    """What accepting a suggestion did: the debt it added or updated, the fact and tracked
    deadlines it recorded, or the task it created."""

    suggestion: Suggestion
    task: Task | None = None
    debt_id: DebtId | None = None
    fact_id: uuid.UUID | None = None
    deadline_ids: tuple[uuid.UUID, ...] = ()


@frozen(kw_only=True)
class Ruling:
    """One of several decisions asked for at once (``decide_many``): accept as read, or
    reject (with a reason), the suggestion at the version the adviser saw."""

    suggestion_id: SuggestionId
    expected_version: int
    verdict: Verdict
    reason: str | None = None


@frozen(kw_only=True)
class Ruled:
    """What became of one ruling: accepted (``decision``), rejected (``rejected``), or not
    decided (``error``: changed since, already decided, not of the case, its debt
    changed, a permission it needs)."""

    suggestion_id: SuggestionId
    decision: Decision | None = None
    rejected: Suggestion | None = None
    error: DomainError | None = None


#: Decisions taken in one ``decide_many`` call at most.
MAX_RULINGS = 100


@frozen(kw_only=True)
class SummaryDraft:
    """A draft case note. Not saved: the adviser edits it and saves it as a note."""

    case_id: CaseId
    text: str
    source: str
    generated_at: dt.datetime
    status: str = "draft"


@define
class DocumentService:
    """Documents and suggestions as advisers see them (HTTP and CLI)."""

    uow: UnitOfWorkFactory
    store: DocumentStore
    assistant: Assistant
    clock: Clock
    new_id: IdFactory = field(default=uuid.uuid4)
    max_bytes: int = MAX_DOCUMENT_BYTES
    link_expiry: dt.timedelta = dt.timedelta(minutes=5)
    debts: DebtService | None = None
    """Where accepted new debts go; ``None``: an adviser task to add the debt instead."""
    deadlines: RepositoryFactory[DeadlineRepository] | None = None
    """The case's tracked deadlines, for the summary; ``None``: deadline tasks only."""
    budgets: RepositoryFactory[BudgetRepository] | None = None
    """The case's budget, for the summary; ``None``: the summary has no budget figures."""
    budget_lines: BudgetService | None = None
    """Where accepted income suggestions go (an SFS line); ``None``: a task instead."""
    case_clock: SchedulingService | None = None
    """Where accepted deadlines go (a dated fact and its tracked deadlines); ``None``: a
    deadline task instead."""
    examples: RepositoryFactory[ExampleRepository] | None = None
    """Where advisers' decisions are kept as labelled examples (``cma assistant train
    --centre``); ``None``: decisions teach nothing."""
    pages: PageRenderer | None = None
    """Draws page images for the evidence boxes; ``None``: no page images."""
    reader: DocumentJobs | None = None
    """Makes the suggestions of a document read again as the kind the adviser says
    (``reclassify``); ``None``: documents are not read again."""
    cases: RepositoryFactory[CaseRepository] = field(kw_only=True)
    tasks: RepositoryFactory[TaskRepository] = field(kw_only=True)
    documents: RepositoryFactory[DocumentRepository] = field(kw_only=True)
    suggestions: RepositoryFactory[SuggestionRepository] = field(kw_only=True)

    # -- documents ---------------------------------------------------------------------

    def _patterns(self) -> PatternEngine | None:
        """The engine for creditors' reference formats (the debts service's), if any."""
        return self.debts.patterns if self.debts is not None else None

    async def upload(
        self, ctx: TenantContext, case_id: CaseId, *, filename: str, data: bytes | BinaryIO
    ) -> Document:
        """File ``data`` on the case and queue it for reading.

        The type is sniffed from the bytes, the size limited to ``max_bytes``, the name
        sanitised. Raises ``ValidationError`` naming ``file`` (empty, too large, not a PDF,
        PNG, JPEG or TIFF), ``NotFound`` for a case not visible to ``ctx``, and
        ``DuplicateDocument`` (with ``existing_id``) if the case already holds these bytes.
        The bytes are stored before the record commits and removed again if it does not,
        so a failed upload leaves nothing behind.
        """
        ctx.require(Permission.CASE_WRITE)
        if isinstance(data, bytes):
            facts = inspect_upload(data, max_bytes=self.max_bytes)
        else:
            facts = await asyncio.to_thread(_inspect_stream, data, self.max_bytes)
        async with case_scope(self, ctx, case_id, Permission.CASE_WRITE) as (uow, _):
            existing = await self.documents(uow).find_by_checksum(case_id, facts.sha256)
            if existing is not None:
                raise DuplicateDocument(existing.id, existing.filename)
        document_id = DocumentId(self.new_id())
        key = document_key(document_id)
        # No transaction is held while the bytes travel to the store (S3 can take seconds).
        await self.store.put(ctx.centre_id, key, data, facts.content_type.value)
        committed = False
        try:
            async with case_scope(self, ctx, case_id, Permission.CASE_WRITE) as (uow, _):
                docs = self.documents(uow)
                existing = await docs.find_by_checksum(case_id, facts.sha256)
                if existing is not None:
                    raise DuplicateDocument(existing.id, existing.filename)
                now = self.clock.now()
                document = Document.receive(
                    document_id=document_id,
                    centre_id=ctx.centre_id,
                    case_id=case_id,
                    filename=filename,
                    facts=facts,
                    storage_key=key,
                    uploaded_by=ctx.user_id,
                    now=now,
                )
                await docs.add(document)
                await commit_audited(
                    uow,
                    ctx,
                    self.new_id,
                    "document.uploaded",
                    "document",
                    document.id,
                    now,
                    ("case_id", "filename", "content_type", "size", "sha256"),
                )
                committed = True
        finally:
            if not committed:
                await self.store.delete(ctx.centre_id, key)
        return document

    async def get(self, ctx: TenantContext, document_id: DocumentId) -> Document:
        """The document with its pages. ``NotFound`` if not visible to ``ctx``."""
        ctx.require(Permission.CASE_READ)
        async with self.uow(ctx.centre_id) as uow:
            return await self._load(uow, ctx, document_id)

    async def list(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        *,
        limit: int = 50,
        offset: int = 0,
        status: DocumentStatus | None = None,
        document_class: DocumentClass | None = None,
        cursor: str | None = None,
    ) -> Page[Document]:
        """The case's documents, newest first, without their pages; ``cursor`` (a page's
        ``next_cursor``) continues after that page."""
        key = start_after(cursor, offset, (dt.datetime, uuid.UUID))
        scope = case_scope(self, ctx, case_id, Permission.CASE_READ, page=(limit, offset))
        async with scope as (uow, _):
            page = await self.documents(uow).list(
                case_id=case_id,
                limit=limit,
                offset=offset,
                status=status,
                document_class=document_class,
                after=None if key is None else (key[0], key[1]),
            )
        return with_next_cursor(page, lambda d: (d.uploaded_at, d.id))

    async def download(self, ctx: TenantContext, document_id: DocumentId) -> Download:
        """The original bytes, streamed; audited. ``NotFound`` if the record or the stored
        object is missing."""
        ctx.require(Permission.CASE_READ)
        async with self.uow(ctx.centre_id) as uow:
            document = await self._load(uow, ctx, document_id)
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "document.downloaded",
                "document",
                document.id,
                self.clock.now(),
            )
        try:
            chunks = await self.store.open(ctx.centre_id, document.storage_key)
        except ObjectNotFound:
            raise NotFound("document", document_id) from None
        return Download(document=document, chunks=chunks)

    async def page_image(self, ctx: TenantContext, document_id: DocumentId, number: int) -> bytes:
        """Page ``number`` of the document as a PNG in the reader's pixel space (where the
        evidence boxes are); audited as a download of that page. ``NotFound`` for a page
        past the last, a document not visible to ``ctx``, or no renderer configured."""
        ctx.require(Permission.CASE_READ)
        if self.pages is None:
            raise NotFound("page", number)
        async with self.uow(ctx.centre_id) as uow:
            document = await self._load(uow, ctx, document_id)
            if document.pages and number > len(document.pages):
                raise NotFound("page", number)
            await commit_audited(
                uow, ctx, self.new_id, "document.downloaded", "document", document.id,
                self.clock.now(), ("page",),
            )  # fmt: skip
        try:
            chunks = await self.store.open(ctx.centre_id, document.storage_key)
        except ObjectNotFound:
            raise NotFound("document", document_id) from None
        data = b"".join([chunk async for chunk in chunks])
        return await self.pages.render(data, document.content_type, number)

    async def download_link(
        self, ctx: TenantContext, document_id: DocumentId
    ) -> tuple[Document, str, dt.datetime]:
        """A short-lived link to the original (the store signs it); audited."""
        ctx.require(Permission.CASE_READ)
        expiry = min(self.link_expiry, MAX_LINK_EXPIRY)
        async with self.uow(ctx.centre_id) as uow:
            document = await self._load(uow, ctx, document_id)
            now = self.clock.now()
            await commit_audited(
                uow, ctx, self.new_id, "document.link_issued", "document", document.id, now
            )
        try:
            url = await self.store.presigned_url(
                ctx.centre_id, document.storage_key, expires_in=expiry
            )
        except ObjectNotFound:
            raise NotFound("document", document_id) from None
        return document, url, now + expiry

    async def delete(
        self, ctx: TenantContext, document_id: DocumentId, *, expected_version: int | None = None
    ) -> None:
        """Remove the document, its suggestions and the stored object.

        The object goes first: if the record's deletion then fails, deleting again
        finishes the job, and the client's file is never left behind a removed record.
        """
        ctx.require(Permission.CASE_WRITE)
        async with self.uow(ctx.centre_id) as uow:
            document = await self._load(uow, ctx, document_id)
            check_version("document", expected_version, document.version)
            await self.store.delete(ctx.centre_id, document.storage_key)
            await self.documents(uow).delete(document.id)
            now = self.clock.now()
            uow.emit(
                DocumentDeleted(
                    centre_id=ctx.centre_id, occurred_at=now, document_id=document.id,
                    case_id=document.case_id,
                )
            )  # fmt: skip
            await commit_audited(
                uow, ctx, self.new_id, "document.deleted", "document", document.id, now
            )

    async def retry(
        self, ctx: TenantContext, document_id: DocumentId, *, expected_version: int | None
    ) -> Document:
        """Queue a failed document for reading again; audited ``document.retried``.

        Raises ``StaleVersion`` if ``expected_version`` is behind and ``InvalidTransition``
        unless the document is ``failed`` (a queued or processing one is already on its
        way, a done one has its text).
        """
        ctx.require(Permission.CASE_WRITE)
        async with self.uow(ctx.centre_id) as uow:
            document = await self._load(uow, ctx, document_id)
            check_version("document", expected_version, document.version)
            now = self.clock.now()
            document.retry(now=now, by=ctx.user_id)
            await self.documents(uow).save(document)
            await commit_audited(
                uow, ctx, self.new_id, "document.retried", "document", document.id, now,
                ("status", "attempts"),
            )  # fmt: skip
        return document

    async def reclassify(
        self,
        ctx: TenantContext,
        document_id: DocumentId,
        document_class: DocumentClass,
        *,
        expected_version: int | None,
    ) -> Reread:
        """The adviser says what kind of document this is: it is read again as that kind.

        The text stays; the class becomes ``document_class`` at confidence 1.0 (no
        "check the document type" any more, no other kinds offered). The document's
        pending suggestions are replaced: rejected, the reason saying why (each audited
        ``suggestion.rejected``; not taken as the adviser's judgement of their values),
        and the reading as that kind suggests afresh — also when the kind is the one read,
        so the suggestions lose their doubt. Decided ones stay as decided. The decision is
        a labelled example for the classifier (``class_example``). Audited
        ``document.reclassified``.

        Raises ``StaleVersion`` (also if the document changed while it was read),
        ``InvalidTransition`` unless the document is ``done``, ``ValidationError`` on
        ``document_class`` if the document cannot be that kind (a bank's CSV or OFX export
        is a statement), and an ``AssistantError`` if the assistant could not answer.
        Nothing has changed when it raises.
        """
        ctx.require(Permission.CASE_WRITE)
        by = _person(ctx)
        if self.reader is None:
            raise InvalidTransition("documents cannot be read again here")
        async with self.uow(ctx.centre_id) as uow:
            document = await self._load(uow, ctx, document_id)
            check_version("document", expected_version, document.version)
            if document.status is not DocumentStatus.DONE:
                raise InvalidTransition(
                    f"a {document.status.value} document has no text to read again yet"
                )
            text, pages, version = document.text, document.pages, document.version
        # The assistant may be a remote model: no transaction is held while it reads.
        extraction = await self.assistant.classify_and_extract(
            text, pages, centre_id=ctx.centre_id, document_class=document_class
        )
        if extraction.document_class is not document_class:
            raise ValidationError(
                "document_class",
                f"this document can only be read as a {extraction.document_class.value}",
            )
        extraction = with_evidence(extraction, pages)
        async with self.uow(ctx.centre_id) as uow:
            document = await self._load(uow, ctx, document_id)
            check_version("document", version, document.version)
            now = self.clock.now()
            if self.examples is not None:
                example = class_example(
                    document, document_class, example_id=ExampleId(self.new_id()), by=by, now=now
                )
                await self.examples(uow).add(example)
            replaced = await self._replace_pending(uow, ctx, document, document_class, by, now)
            made = await self.reader.record_reading(uow, document, extraction)
            await commit_audited(
                uow, ctx, self.new_id, "document.reclassified", "document", document.id, now,
                ("document_class", "class_confidence", "suggestions"),
            )  # fmt: skip
        return Reread(document=document, made=tuple(made), replaced=replaced)

    async def _replace_pending(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        document: Document,
        document_class: DocumentClass,
        by: UserId,
        now: dt.datetime,
    ) -> int:
        """Reject ``document``'s pending suggestions as replaced; how many there were."""
        repo = self.suggestions(uow)
        # Every page: a long statement has hundreds of lines pending.
        pending = await self._every_suggestion(
            uow, document.case_id, SuggestionStatus.PENDING, document_id=document.id
        )
        kind = document_class.value.replace("_", " ")
        for old in pending:
            old.reject(by=by, now=now, reason=f"Replaced: the document was read again as {kind}")
            await repo.save(old)
            await record_audit(
                uow, ctx, self.new_id, "suggestion.rejected", "suggestion", old.id, now,
                ("status", "rejection_reason"),
            )  # fmt: skip
        return len(pending)

    # -- suggestions -------------------------------------------------------------------

    async def list_suggestions(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        *,
        limit: int = 50,
        offset: int = 0,
        status: SuggestionStatus | None = None,
        document_id: DocumentId | None = None,
        kind: SuggestionKind | None = None,
        cursor: str | None = None,
        to_check: bool | None = None,
    ) -> Page[Suggestion]:
        """The case's suggestions, oldest first; filtered by status, document, kind and
        whether they hold a value to check against the page (a document of another case,
        or of another centre, has none here); ``cursor`` (a page's ``next_cursor``)
        continues after that page."""
        key = start_after(cursor, offset, (dt.datetime, uuid.UUID))
        scope = case_scope(self, ctx, case_id, Permission.CASE_READ, page=(limit, offset))
        async with scope as (uow, _):
            page = await self.suggestions(uow).list(
                case_id=case_id,
                limit=limit,
                offset=offset,
                status=status,
                document_id=document_id,
                kind=kind,
                after=None if key is None else (key[0], key[1]),
                to_check=to_check,
            )
        return with_next_cursor(page, lambda s: (s.created_at, s.id))

    async def list_centre_suggestions(
        self,
        ctx: TenantContext,
        *,
        limit: int = 50,
        offset: int = 0,
        status: SuggestionStatus | None = None,
        adviser_id: UserId | None = None,
        kind: SuggestionKind | None = None,
        cursor: str | None = None,
        to_check: bool | None = None,
    ) -> Page[Suggestion]:
        """Suggestions across the centre's cases, oldest first (the work queue's documents
        waiting for review): with ``case:read_all`` every case's, or ``adviser_id``'s;
        otherwise only those of one's own cases (another adviser's asked for: none); with
        ``kind``, of that kind only; ``cursor`` continues after a page."""
        ctx.require(Permission.CASE_READ)
        check_page(limit, offset)
        key = start_after(cursor, offset, (dt.datetime, uuid.UUID))
        any_visible, adviser = visible_adviser(ctx, adviser_id)
        if not any_visible:
            return Page(items=[], total=0, limit=limit, offset=offset)
        async with self.uow(ctx.centre_id) as uow:
            page = await self.suggestions(uow).list_centre(
                limit=limit,
                offset=offset,
                status=status,
                case_adviser=adviser,
                kind=kind,
                after=None if key is None else (key[0], key[1]),
                to_check=to_check,
            )
        return with_next_cursor(page, lambda s: (s.created_at, s.id))

    async def get_suggestion(self, ctx: TenantContext, suggestion_id: SuggestionId) -> Suggestion:
        ctx.require(Permission.CASE_READ)
        async with self.uow(ctx.centre_id) as uow:
            suggestion, _ = await self._load_suggestion(uow, ctx, suggestion_id)
            return suggestion

    async def accept_suggestion(
        self,
        ctx: TenantContext,
        suggestion_id: SuggestionId,
        *,
        expected_version: int | None,
        changes: Amendment | None = None,
        of_case: CaseId | None = None,
    ) -> Decision:
        """The adviser accepts: the change is made in the same transaction, audited as
        accepted from the document.

        With ``changes`` (the adviser's values for what the reader got wrong: another
        balance, the right creditor or reference, the date a claim was served, an income's
        frequency or SFS line; ``model.AMENDABLE`` says which fields each kind takes), the
        change is made with the adviser's values, the reader's kept on the suggestion
        (``as_read``), and the decision is a corrected labelled example, not a confirmation.

        - New debt: added to the case with ``DebtService`` (its creditor found in the
          centre's directory by name, or added to it); without one, an adviser task
          (general) "Add debt: <creditor>, ref <ref>, <balance>" is created instead.
        - Update debt: the recorded debt's balance is set to the letter's with
          ``DebtService``; ``NotFound`` (debt) if it was removed, ``Conflict`` if its
          balance changed since the suggestion was made. Without one, a general task.
        - Deadline: with ``case_clock`` and a known fact date, the fact (claim served,
          demand served, enforcement notice) is recorded, dated as the document says: a
          date of service still ahead is recorded as the deemed date it is (up to
          ``DEEMED_SERVICE_AHEAD_DAYS``; further ahead, or any other fact ahead, is taken
          as today, which counts the deadlines early, the safe side); the case clock
          derives the tracked deadlines and their tasks. Otherwise a deadline task due on
          the deadline.

        Raises ``StaleVersion`` if ``expected_version`` is behind, ``InvalidTransition`` if
        already decided, ``CaseIsClosed`` while its case is closed (reopen it first),
        ``PermissionDenied`` for a debt without ``finance:write``; ``NotFound`` if it is
        not a suggestion of ``of_case`` (where given).
        """
        ctx.require(Permission.CASE_WRITE)
        by = _person(ctx)
        async with self.uow(ctx.centre_id) as uow:
            suggestion, case = await self._load_suggestion(uow, ctx, suggestion_id, of_case, True)
            check_version("suggestion", expected_version, suggestion.version)
            case.require_open("accept a suggestion")  # what it changes is frozen while closed
            read = copy.copy(suggestion)  # the reader's values, for the labelled example
            changed: tuple[str, ...] = ()
            if changes is not None:
                suggestion.check_amendable(changes)  # (decided, or a field of another kind)
                dated, basis = dated_changes(suggestion, changes)
                changed = suggestion.amend(dated, basis=basis)
            outcome, correction = ExampleOutcome.ACCEPTED, None
            if changed:
                suggestion.retitle(title_of(suggestion))
                correction = _correction(suggestion, changed)
                if correction.values or "budget_line" in changed:
                    outcome = ExampleOutcome.CORRECTED
                await record_audit(
                    uow, ctx, self.new_id, "suggestion.amended", "suggestion", suggestion.id,
                    self.clock.now(), ("title", *changed),
                )  # fmt: skip
            await self._learn(uow, ctx, read, outcome, by, correction)
            if (
                suggestion.kind is SuggestionKind.NEW_DEBT
                and self.debts is not None
                and suggestion.balance is not None
            ):
                return await self._accept_as_debt(uow, ctx, self.debts, suggestion, by)
            if suggestion.kind is SuggestionKind.UPDATE_DEBT and self.debts is not None:
                return await self._accept_as_update(uow, ctx, self.debts, suggestion, by)
            if suggestion.kind in _BUDGET_KINDS and self.budget_lines is not None:
                return await self._accept_as_income(uow, ctx, self.budget_lines, suggestion, by)
            fact_kind = _FACT_KINDS.get(suggestion.kind)
            if (
                fact_kind is not None
                and self.case_clock is not None
                and suggestion.fact_date is not None
            ):
                return await self._accept_as_fact(
                    uow, ctx, self.case_clock, fact_kind, suggestion, by
                )
            return await self._accept_as_task(uow, ctx, suggestion, case, by)

    async def _accept_as_task(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        suggestion: Suggestion,
        case: Case,
        by: UserId,
    ) -> Decision:
        """Accepted without an effect of its own: a task for the adviser (a general task to
        add or update the debt, or a deadline task due on the deadline)."""
        debt = suggestion.kind in DEBT_KINDS or suggestion.kind in _BUDGET_KINDS
        if debt:
            ctx.require(Permission.FINANCE_WRITE)
        else:
            assert suggestion.deadline is not None
        now = self.clock.now()
        document = await self.documents(uow).get(suggestion.document_id)
        source = f" (from document {document.filename})" if document else ""
        suggestion.accept(by=by, now=now)
        task = Task(
            id=TaskId(self.new_id()),
            centre_id=ctx.centre_id,
            case_id=suggestion.case_id,
            kind=TaskKind.GENERAL if debt else TaskKind.DEADLINE,
            title=((_debt_task_title(suggestion) if debt else suggestion.title) + source)[:300],
            assignee_id=case.adviser_id or by,
            due_at=None
            if debt or suggestion.deadline is None
            else dt.datetime.combine(suggestion.deadline, DEADLINE_TASK_TIME),
            status=TaskStatus.OPEN,
            created_at=now,
        )
        await self.tasks(uow).add(task)
        await self.suggestions(uow).save(suggestion)
        await record_audit(
            uow, ctx, self.new_id, "suggestion.accepted", "suggestion", suggestion.id, now,
            ("status", "document_id", "task_id"),
        )  # fmt: skip
        await record_audit(
            uow, ctx, self.new_id, "task.created_from_document", "task", task.id, now,
            ("kind", "title", "due_at", "document_id"),
        )  # fmt: skip
        await commit_audited(
            uow, ctx, self.new_id, "document.suggestion_accepted", "document",
            suggestion.document_id, now, ("suggestion_id", "task_id"),
        )  # fmt: skip
        return Decision(suggestion=suggestion, task=task)

    async def _accept_as_income(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        budgets: BudgetService,
        suggestion: Suggestion,
        by: UserId,
    ) -> Decision:
        """Set the suggested SFS income line (amount and frequency as printed; the budget
        converts to monthly) and accept, in one transaction."""
        now = self.clock.now()
        suggestion.accept(by=by, now=now)
        assert suggestion.balance is not None
        assert suggestion.budget_line is not None
        document = await self.documents(uow).get(suggestion.document_id)
        filename = document.filename if document else "a deleted document"
        await budgets.set_line_in(
            uow, ctx, suggestion.case_id, suggestion.budget_line, suggestion.balance,
            Frequency(suggestion.frequency or Frequency.MONTHLY.value),
            note=f"From {suggestion.creditor_name or 'a document'} ({filename}).",
        )  # fmt: skip
        await self.suggestions(uow).save(suggestion)
        await commit_audited(
            uow, ctx, self.new_id, "document.suggestion_accepted", "document",
            suggestion.document_id, now, ("suggestion_id", "budget_line"),
        )  # fmt: skip
        return Decision(suggestion=suggestion)

    async def _accept_as_debt(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        debts: DebtService,
        suggestion: Suggestion,
        by: UserId,
    ) -> Decision:
        """Add the debt (and its creditor, if new) and accept the suggestion in ``uow``:
        one transaction, so either both happen or neither does. If another adviser decided
        the suggestion meanwhile, the save is refused (``StaleVersion``) and the debt just
        staged is rolled back with it."""
        ctx.require(Permission.FINANCE_WRITE)
        now = self.clock.now()
        suggestion.accept(by=by, now=now)  # InvalidTransition if already decided
        assert suggestion.balance is not None
        document = await self.documents(uow).get(suggestion.document_id)
        filename = document.filename if document else "a deleted document"
        # The type the suggestion names (the reader's, or the adviser's on accepting); a
        # suggestion made before types were kept is typed from its document, as then.
        debt_type = (
            DebtType(suggestion.debt_type)
            if suggestion.debt_type
            else debt_type_for(document.document_class, document.text)
            if document and document.document_class
            else DebtType.OTHER
        )
        stage = suggestion.recovery_stage
        creditor_id = (
            await debts.creditor_named_in(uow, ctx, suggestion.creditor_name)
            if suggestion.creditor_name and suggestion.creditor_name.strip()
            else None
        )
        view = await debts.add_debt_in(
            uow,
            ctx,
            suggestion.case_id,
            DebtDetails(
                debt_type=debt_type,
                balance=suggestion.balance,
                enforcement_stage=stage,
                ccj=True if stage is EnforcementStage.JUDGMENT else None,
                creditor_id=creditor_id,
                account_reference=suggestion.account_reference,
                notes=f"Added from document {filename} (suggestion {suggestion.id}).",
            ),
            staged_creditor=creditor_id,
        )
        debt_id = view.entry.id
        await self.suggestions(uow).save(suggestion)
        await record_audit(
            uow, ctx, self.new_id, "suggestion.accepted", "suggestion", suggestion.id, now,
            ("status", "document_id", "debt_id"),
        )  # fmt: skip
        await record_audit(
            uow, ctx, self.new_id, "debt.created_from_document", "debt", debt_id, now,
            ("document_id", "suggestion_id"),
        )  # fmt: skip
        await commit_audited(
            uow, ctx, self.new_id, "document.suggestion_accepted", "document",
            suggestion.document_id, now, ("suggestion_id", "debt_id"),
        )  # fmt: skip
        return Decision(suggestion=suggestion, debt_id=debt_id)

    async def _accept_as_update(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        debts: DebtService,
        suggestion: Suggestion,
        by: UserId,
    ) -> Decision:
        """Set the recorded debt's balance and accept the suggestion in ``uow``: one
        transaction. The debt must still be on the case with the balance it had when the
        suggestion was made; a concurrent edit of the debt or the suggestion fails the save
        (``StaleVersion``) and neither change is kept."""
        ctx.require(Permission.FINANCE_WRITE)
        now = self.clock.now()
        suggestion.accept(by=by, now=now)  # InvalidTransition if already decided
        if suggestion.debt_id is None or suggestion.balance is None:
            raise ValidationError("suggestion", "names no debt to update")
        document = await self.documents(uow).get(suggestion.document_id)
        filename = document.filename if document else "a deleted document"
        debt_id = DebtId(suggestion.debt_id)
        await debts.update_balance_in(
            uow,
            ctx,
            suggestion.case_id,
            debt_id,
            suggestion.balance,
            expected_balance=suggestion.previous_balance,
            note=f"Balance updated from document {filename} (suggestion {suggestion.id}).",
            stage=suggestion.recovery_stage,
        )
        await self.suggestions(uow).save(suggestion)
        await record_audit(
            uow, ctx, self.new_id, "suggestion.accepted", "suggestion", suggestion.id, now,
            ("status", "document_id", "debt_id"),
        )  # fmt: skip
        await record_audit(
            uow, ctx, self.new_id, "debt.updated_from_document", "debt", debt_id, now,
            ("balance", "document_id", "suggestion_id"),
        )  # fmt: skip
        await commit_audited(
            uow, ctx, self.new_id, "document.suggestion_accepted", "document",
            suggestion.document_id, now, ("suggestion_id", "debt_id"),
        )  # fmt: skip
        return Decision(suggestion=suggestion, debt_id=debt_id)

    async def _accept_as_fact(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        clock: SchedulingService,
        kind: FactKind,
        suggestion: Suggestion,
        by: UserId,
    ) -> Decision:
        """Record the document's dated fact with the case clock and accept the suggestion
        in ``uow``: the fact, its tracked deadlines and their tasks commit with the
        acceptance, or none of them does."""
        now = self.clock.now()
        suggestion.accept(by=by, now=now)
        assert suggestion.fact_date is not None
        occurred_on, deemed = _fact_day(kind, suggestion.fact_date, clock.today())
        fact, tracked = await clock.record_fact_in(
            uow,
            ctx,
            suggestion.case_id,
            RecordFact(
                kind=kind,
                occurred_on=occurred_on,
                details={
                    "document_id": str(suggestion.document_id),
                    "suggestion_id": str(suggestion.id),
                },
                deemed=deemed,
            ),
        )
        await self.suggestions(uow).save(suggestion)
        await record_audit(
            uow, ctx, self.new_id, "suggestion.accepted", "suggestion", suggestion.id, now,
            ("status", "document_id", "fact_id"),
        )  # fmt: skip
        await record_audit(
            uow, ctx, self.new_id, "case.fact_recorded_from_document", "case",
            suggestion.case_id, now, ("kind", "occurred_on", "document_id", "suggestion_id"),
        )  # fmt: skip
        await commit_audited(
            uow, ctx, self.new_id, "document.suggestion_accepted", "document",
            suggestion.document_id, now, ("suggestion_id", "fact_id"),
        )  # fmt: skip
        return Decision(
            suggestion=suggestion,
            fact_id=fact.id,
            deadline_ids=tuple(t.id for t in tracked),
        )

    async def reject_suggestion(
        self,
        ctx: TenantContext,
        suggestion_id: SuggestionId,
        *,
        expected_version: int | None,
        reason: str | None = None,
        correction: Correction | None = None,
        of_case: CaseId | None = None,
    ) -> Suggestion:
        """The adviser rejects. With a ``correction`` (the document's real class, the
        right values, the right SFS line), the rejection is recorded as a corrected
        labelled example; without, as a plain rejection. ``NotFound`` if it is not a
        suggestion of ``of_case`` (where given)."""
        ctx.require(Permission.CASE_WRITE)
        by = _person(ctx)
        line = correction.budget_line if correction is not None else None
        if line is not None and line not in _CATEGORIES:
            raise ValidationError("correction.budget_line", "is not an SFS line")
        corrected = correction is not None and not correction.empty
        async with self.uow(ctx.centre_id) as uow:
            suggestion, _ = await self._load_suggestion(uow, ctx, suggestion_id, of_case)
            check_version("suggestion", expected_version, suggestion.version)
            now = self.clock.now()
            suggestion.reject(by=by, now=now, reason=reason)
            outcome = ExampleOutcome.CORRECTED if corrected else ExampleOutcome.REJECTED
            await self._learn(uow, ctx, suggestion, outcome, by, correction)
            await self.suggestions(uow).save(suggestion)
            await commit_audited(
                uow, ctx, self.new_id, "suggestion.rejected", "suggestion", suggestion.id, now,
                ("status", "rejection_reason", *(("correction",) if corrected else ())),
            )  # fmt: skip
        return suggestion

    async def decide_many(
        self, ctx: TenantContext, case_id: CaseId, rulings: Sequence[Ruling]
    ) -> tuple[Ruled, ...]:
        """Several of a case's suggestions decided at once (a statement's lines accepted
        together), in the order given, each exactly as ``accept_suggestion`` (as read) or
        ``reject_suggestion`` decides it alone, in its own transaction: one that cannot be
        decided is answered with its error and the others stand.

        Raises ``ValidationError`` (``decisions``: none or more than ``MAX_RULINGS``;
        ``decisions[i].suggestion_id``: asked twice) before anything is decided, and
        ``NotFound`` if the case is not one the context may see. A suggestion of another
        case is not decided (``NotFound``), as one of another centre.
        """
        ctx.require(Permission.CASE_WRITE)
        if not rulings:
            raise ValidationError("decisions", "give at least one decision")
        if len(rulings) > MAX_RULINGS:
            raise ValidationError("decisions", f"at most {MAX_RULINGS} decisions at once")
        asked: set[SuggestionId] = set()
        for i, ruling in enumerate(rulings):
            if ruling.suggestion_id in asked:
                raise ValidationError(f"decisions[{i}].suggestion_id", "is asked for twice")
            asked.add(ruling.suggestion_id)
        async with case_scope(self, ctx, case_id, Permission.CASE_WRITE):
            pass  # the case is one the context may see (NotFound otherwise)
        return tuple([await self._rule(ctx, case_id, ruling) for ruling in rulings])

    async def _rule(self, ctx: TenantContext, case_id: CaseId, ruling: Ruling) -> Ruled:
        sid = ruling.suggestion_id
        try:
            if ruling.verdict is Verdict.ACCEPT:
                decision = await self.accept_suggestion(
                    ctx, sid, expected_version=ruling.expected_version, of_case=case_id
                )
                return Ruled(suggestion_id=sid, decision=decision)
            rejected = await self.reject_suggestion(
                ctx,
                sid,
                expected_version=ruling.expected_version,
                reason=ruling.reason,
                of_case=case_id,
            )
            return Ruled(suggestion_id=sid, rejected=rejected)
        except DomainError as error:
            return Ruled(suggestion_id=sid, error=error)

    async def _learn(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        suggestion: Suggestion,
        outcome: ExampleOutcome,
        by: UserId,
        correction: Correction | None = None,
    ) -> None:
        """Stage the decision as a labelled example (in the decision's transaction)."""
        if self.examples is None:
            return
        document = await self.documents(uow).get(suggestion.document_id)
        example = example_from(
            suggestion, document, outcome, example_id=ExampleId(self.new_id()), by=by,
            now=self.clock.now(), correction=correction,
        )  # fmt: skip
        await self.examples(uow).add(example)
        await record_audit(
            uow, ctx, self.new_id, "assistant.example_recorded", "suggestion", suggestion.id,
            example.recorded_at, ("outcome", "document_class", "budget_line"),
        )  # fmt: skip

    # -- summary -----------------------------------------------------------------------

    async def summary_draft(self, ctx: TenantContext, case_id: CaseId) -> SummaryDraft:
        """A draft case summary from the structured case data, by the assistant.

        Debts (with priority) are the case's recorded debts; the budget gives income,
        expenditure and the surplus available; deadlines are the case's open tracked
        deadlines and open deadline tasks. No names or contact details go into the facts.
        The draft is not saved: it becomes a case note only when an adviser edits and
        saves it.
        """
        ctx.require(Permission.CASE_READ)
        ctx.require(Permission.FINANCE_READ)
        async with case_scope(self, ctx, case_id, Permission.CASE_READ) as (uow, case):
            facts = await self._case_facts(uow, case)
            now = self.clock.now()
            await commit_audited(
                uow, ctx, self.new_id, "case.summary_drafted", "case", case.id, now
            )
        draft: Draft = await self.assistant.summarise_case(facts)
        return SummaryDraft(case_id=case_id, text=draft.text, source=draft.source, generated_at=now)

    async def _every_suggestion(
        self,
        uow: UnitOfWork,
        case_id: CaseId,
        status: SuggestionStatus,
        *,
        document_id: DocumentId | None = None,
        kind: SuggestionKind | None = None,
    ) -> Sequence[Suggestion]:
        """Every page of the case's suggestions of ``status`` (and document, kind)."""
        repo = self.suggestions(uow)
        return await every_item(
            lambda limit, offset: repo.list(
                case_id=case_id, limit=limit, offset=offset,
                status=status, document_id=document_id, kind=kind,
            ),
            _SCAN_LIMIT,
        )  # fmt: skip

    async def _debt_facts(self, uow: UnitOfWork, case: Case) -> tuple[DebtFact, ...]:
        if self.debts is None:
            # No debts area wired (unit tests of this area alone): what advisers accepted.
            accepted = await self._every_suggestion(
                uow, case.id, SuggestionStatus.ACCEPTED, kind=SuggestionKind.NEW_DEBT
            )
            return tuple(
                DebtFact(creditor_name=s.creditor_name, balance=s.balance)
                for s in accepted
                if s.creditor_name and s.balance is not None
            )
        directory = [e.creditor for e in await self.debts.creditors(uow).list()]
        facts = []
        for entry in await self.debts.debts(uow).list_for_case(case.id):
            debt = entry.debt
            facts.append(
                DebtFact(
                    creditor_name=debt_name(debt, directory, self._patterns()),
                    balance=debt.balance,
                    priority=classify_debt(debt).is_priority,
                    debt_type=debt.debt_type.value,
                    arrears=debt.arrears,
                )
            )
        return tuple(facts)

    async def _case_facts(self, uow: UnitOfWork, case: Case) -> CaseFacts:
        income = expenditure = available = None
        if self.budgets is not None:
            record = await self.budgets(uow).get(case.id)
            if record is not None:
                budget = record.budget
                income, expenditure = budget.total_income, budget.total_outgoings
                available = budget.available_for_priority
        # Every page of each list: the draft names every open deadline of the case.
        tasks = await every_item(
            lambda limit, offset: self.tasks(uow).list(
                limit=limit, offset=offset, case_id=case.id, status=TaskStatus.OPEN
            )
        )
        deadline_tasks = {
            t.id: t for t in tasks if t.kind is TaskKind.DEADLINE and t.due_at is not None
        }
        deadlines: list[DeadlineFact] = []
        if (tracked_deadlines := self.deadlines) is not None:
            tracked = await every_item(
                lambda limit, offset: tracked_deadlines(uow).list(
                    limit=limit, offset=offset, case_id=case.id, status=DeadlineStatus.OPEN
                )
            )
            for d in tracked:
                # A tracked deadline and the task made for it are one deadline: said once,
                # in the task's words when there is one.
                task = deadline_tasks.pop(TaskId(d.task_id), None) if d.task_id else None
                title = task.title if task is not None else d.deadline.rule
                deadlines.append(DeadlineFact(due_on=d.deadline.due, description=title))
        deadlines.extend(
            DeadlineFact(due_on=t.due_at.date(), description=t.title)
            for t in deadline_tasks.values()
            if t.due_at is not None
        )
        deadlines = list({(d.due_on, d.description): d for d in deadlines}.values())
        documents = await every_item(
            lambda limit, offset: self.documents(uow).list(
                case_id=case.id, limit=limit, offset=offset
            )
        )
        return CaseFacts(
            case_reference=case.reference,
            opened_on=case.opened_at.date(),
            debts=await self._debt_facts(uow, case),
            monthly_income=income,
            monthly_expenditure=expenditure,
            available_surplus=available,
            deadlines=tuple(sorted(deadlines, key=lambda d: d.due_on)),
            document_classes=tuple(
                d.document_class for d in documents if d.document_class is not None
            ),
            open_task_count=len(tasks),
        )

    # -- helpers -----------------------------------------------------------------------

    async def _load(self, uow: UnitOfWork, ctx: TenantContext, document_id: DocumentId) -> Document:
        document = await self.documents(uow).get(document_id)
        if document is None:
            raise NotFound("document", document_id)
        try:
            await load_case(self.cases(uow), ctx, document.case_id)
        except NotFound:
            raise NotFound("document", document_id) from None
        return document

    async def _load_suggestion(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        suggestion_id: SuggestionId,
        of_case: CaseId | None = None,
        for_change: bool = False,
    ) -> tuple[Suggestion, Case]:
        """The suggestion and its case, if the context may see that case (and, with
        ``of_case``, it is that case's); ``NotFound`` otherwise, as for another centre's.
        ``for_change``: the case read as ``CaseRepository.get``'s (accepting changes it)."""
        suggestion = await self.suggestions(uow).get(suggestion_id)
        if suggestion is None or (of_case is not None and suggestion.case_id != of_case):
            raise NotFound("suggestion", suggestion_id)
        try:
            case = await load_case(self.cases(uow), ctx, suggestion.case_id, for_change=for_change)
        except NotFound:
            raise NotFound("suggestion", suggestion_id) from None
        return suggestion, case


def with_evidence(extraction: Extraction, pages: Sequence[PageText]) -> Extraction:
    """``extraction`` with each value boxed where it is printed, if the assistant said
    nothing of where (a chat model reads text only)."""
    if extraction.evidence or not any(p.words for p in pages):
        return extraction
    return evolve(extraction, evidence=locate_evidence(extraction, pages))


def _fact_day(kind: FactKind, on: dt.date, today: dt.date) -> tuple[dt.date, bool]:
    """The day a document's fact is recorded on, and whether it is a deemed date of
    service ahead of today: a date of service up to ``DEEMED_SERVICE_AHEAD_DAYS`` ahead is
    the deemed one the form prints (or issue + 5 days); any other date ahead is a
    misreading or a fact not yet happened, recorded as today (the deadlines count early)."""
    if on <= today:
        return on, False
    if kind in DEEMED_SERVICE_KINDS and (on - today).days <= DEEMED_SERVICE_AHEAD_DAYS:
        return on, True
    return today, False


def _person(ctx: TenantContext) -> UserId:
    if ctx.user_id is None:
        raise PermissionDenied("a suggestion is decided by a person, not the system")
    return ctx.user_id


_CATEGORIES = frozenset({*LINES_BY_KEY, DEBT_REPAYMENT, NOT_BUDGETED})
_BUDGET_KINDS = frozenset({SuggestionKind.NEW_INCOME, SuggestionKind.NEW_EXPENDITURE})
_FACT_KINDS = {
    SuggestionKind.COURT_CLAIM_DEADLINE: FactKind.COURT_CLAIM_SERVED,
    SuggestionKind.STATUTORY_DEMAND_DEADLINE: FactKind.STATUTORY_DEMAND_SERVED,
    SuggestionKind.ENFORCEMENT_DEADLINE: FactKind.ENFORCEMENT_NOTICE,
    SuggestionKind.LETTER_OF_CLAIM_DEADLINE: FactKind.LETTER_OF_CLAIM,
}


def _correction(s: Suggestion, changed: Sequence[str]) -> Correction:
    """The adviser's values, as the labelled example records a correction (the fields it
    learns from; a fact date or frequency is applied but not learned). A budget line is
    the one accepted, changed or not: the payee's line the categoriser learns."""
    values = {
        "creditor_name": s.creditor_name if "creditor_name" in changed else None,
        "account_reference": s.account_reference if "account_reference" in changed else None,
        "balance_pence": str(s.balance.pence) if "balance" in changed and s.balance else None,
        "deadline_date": s.deadline.isoformat() if "deadline" in changed and s.deadline else None,
    }
    return Correction(
        budget_line=s.budget_line,
        values={k: v for k, v in values.items() if v is not None},
    )


def _debt_task_title(s: Suggestion) -> str:
    if s.kind is SuggestionKind.UPDATE_DEBT or s.kind in _BUDGET_KINDS:
        return s.title
    parts = [f"Add debt: {s.creditor_name or 'unknown creditor'}"]
    if s.account_reference:
        parts.append(f"ref {s.account_reference}")
    if s.balance is not None:
        parts.append(str(s.balance))
    return ", ".join(parts)


def _inspect_stream(stream: BinaryIO, max_bytes: int) -> FileFacts:
    start = stream.tell()
    inspector = UploadInspector(max_bytes=max_bytes)
    while chunk := stream.read(_READ_CHUNK):
        inspector.feed(chunk)
    stream.seek(start)
    return inspector.finish()


@define
class DocumentJobs:
    """The worker's side: read a document's text, then classify it and suggest changes.

    All are event handlers (run idempotently by ``EventHandlers.dispatch``, each in its own
    unit of work) and safe to run twice: a document already read, failed, classified or
    deleted is left alone.
    """

    store: DocumentStore
    extractor: TextExtractor
    assistant: Assistant
    clock: Clock
    new_id: IdFactory = field(default=uuid.uuid4)
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    retry_backoff: float = 1.0
    """Seconds before the second extraction attempt, doubling for each one after."""
    debts: RepositoryFactory[DebtRepository] | None = None
    """The case's recorded debts, so a letter about one suggests updating it (not adding
    it again); ``None``: only earlier suggestions' references are known."""
    creditors: RepositoryFactory[CreditorDirectory] | None = None
    """The creditor directory, to name the recorded debts' creditors."""
    patterns: PatternEngine | None = None
    """Runs creditors' reference formats in bounded time; ``None``: names by type only."""
    documents: RepositoryFactory[DocumentRepository] = field(kw_only=True)
    suggestions: RepositoryFactory[SuggestionRepository] = field(kw_only=True)

    def handlers(self) -> tuple[Handles, ...]:
        reading = (DocumentUploaded, DocumentRequeued)
        return (
            # Two handlers, two commits: "processing" is visible while the text is read,
            # and the reading holds no transaction (see ``extract_text``).
            *handles(reading, "mark_document_processing", self.mark_processing),
            *handles(reading, "extract_document_text", OutsideTransaction(self.extract_text)),
            Handles(DocumentTextExtracted, "classify_document", self.classify),
        )

    def give_up_handlers(self) -> tuple[GivesUp, ...]:
        """Delivery abandoned: the document must not stay queued or processing."""
        return (GivesUp(DocumentUploaded, self.abandon), GivesUp(DocumentRequeued, self.abandon))

    async def mark_processing(self, uow: UnitOfWork, event: EventEnvelope) -> None:
        docs = self.documents(uow)
        document = await docs.get(DocumentId(uuid.UUID(event.payload["document_id"])))
        if document is None or document.status is not DocumentStatus.QUEUED:
            return
        document.start_processing(now=self.clock.now())
        await docs.save(document)

    async def extract_text(self, uow: UnitOfWork, event: EventEnvelope) -> Work | None:
        """OCR (or the PDF's text layer), page by page, with no transaction open.

        Run as an ``OutsideTransaction``: the document is read here, the text extracted by
        the returned work with no unit of work open, and the result saved by the work's
        finish in a second one (left alone if the document was deleted, or settled by the
        sweep or another run meanwhile).

        A corrupt file, or one the extractor refuses (too many pages), fails at once with
        a reason to show the adviser. An engine failure (``TextExtractionFailed``) is
        retried with backoff, up to ``max_attempts``, then the document fails with the
        reason. Anything else (store outage) propagates for the worker's own retries; the
        document stays ``processing`` meanwhile, and fails when they are exhausted
        (``abandon``) or the stale sweep finds it.
        """
        document = await self.documents(uow).get(
            DocumentId(uuid.UUID(event.payload["document_id"]))
        )
        if document is None or document.status is not DocumentStatus.PROCESSING:
            return None
        doc_id, centre_id = document.id, document.centre_id
        key, content_type = document.storage_key, document.content_type

        async def work() -> Finish:
            pages: tuple[PageText, ...] | None = None
            reason = "unknown error"
            attempt = 1
            for attempt in range(1, self.max_attempts + 1):
                if attempt > 1:
                    await asyncio.sleep(self.retry_backoff * 2 ** (attempt - 2))
                try:
                    data = await self.store.get(centre_id, key)
                    # The extractor runs Tesseract in subprocesses from worker threads, one
                    # page per core: the event loop stays free while pages are read.
                    pages = await self.extractor.extract(data, content_type)
                except ObjectNotFound:
                    reason = "the stored file is missing; upload it again"
                except CorruptDocument as err:
                    reason = err.message
                except ValidationError as err:
                    reason = f"{err.field} {err.detail}"
                except TextExtractionFailed as err:
                    reason = f"text could not be read after {attempt} attempt(s): {err.message}"
                    log.warning("document %s: extraction attempt %d failed", doc_id, attempt)
                    continue
                break
            tries = attempt
            # Read the document with its layout while no transaction is open, so the
            # suggestions commit with the status that says the document is done.
            extraction = await self._read(doc_id, pages, centre_id) if pages is not None else None

            async def finish(uow: UnitOfWork) -> None:
                docs = self.documents(uow)
                current = await docs.get(doc_id)
                if current is None or current.status is not DocumentStatus.PROCESSING:
                    return
                now = self.clock.now()
                for _ in range(tries - 1):
                    current.start_processing(now=now)  # counts the extra attempts
                if pages is None:
                    log.warning("document %s failed: %s", doc_id, reason)
                    current.fail(reason, now=now)
                    await docs.save(current)
                    return
                current.complete(pages, now=now)
                if extraction is None:
                    await docs.save(current)  # classified later by ``classify``
                    return
                await self._record_classification(uow, current, extraction, event.event_id)

            return finish

        return work

    async def abandon(self, uow: UnitOfWork, event: EventEnvelope, reason: str) -> None:
        """Fail the document of an event whose handlers will not run again."""
        docs = self.documents(uow)
        document = await docs.get(DocumentId(uuid.UUID(event.payload["document_id"])))
        if document is None or document.status not in (
            DocumentStatus.QUEUED,
            DocumentStatus.PROCESSING,
        ):
            return
        log.warning("document %s failed: %s", document.id, reason)
        document.fail(reason, now=self.clock.now())
        await docs.save(document)
        await record_audit(
            uow, TenantContext.system(document.centre_id), self.new_id, "document.failed",
            "document", document.id, document.updated_at, ("status", "failure_reason"),
            source_event_id=event.event_id,
        )  # fmt: skip

    async def classify(self, uow: UnitOfWork, event: EventEnvelope) -> None:
        """Classify the read document and record suggestions for the adviser.

        ``AssistantUnavailable`` (timeouts, rate limits) is raised for the worker to retry;
        a malformed reply leaves the document unclassified (logged), since asking again
        rarely helps and the adviser still has the text.
        """
        docs = self.documents(uow)
        document = await docs.get(DocumentId(uuid.UUID(event.payload["document_id"])))
        if (
            document is None
            or document.status is not DocumentStatus.DONE
            or document.document_class is not None
        ):
            return
        try:
            extraction = await self.assistant.classify_and_extract(
                document.text, centre_id=document.centre_id
            )
        except AssistantUnavailable:
            raise
        except AssistantReplyInvalid as err:
            log.warning("document %s not classified: %s", document.id, err.message)
            return
        await self._record_classification(uow, document, extraction, event.event_id)

    async def _read(
        self, document_id: DocumentId, pages: tuple[PageText, ...], centre_id: CentreId
    ) -> Extraction | None:
        """The assistant's reading of freshly extracted pages (with their word boxes), or
        ``None`` if it could not answer now (``classify`` then tries again later)."""
        text = "\f".join(p.text for p in pages)
        try:
            extraction = await self.assistant.classify_and_extract(text, pages, centre_id=centre_id)
        except (AssistantUnavailable, AssistantReplyInvalid) as err:
            log.warning("document %s: reading deferred: %s", document_id, err.message)
            return None
        # An assistant that reads text only (a chat model) says nothing of where: each
        # value is boxed where it is printed, so the adviser can still check it.
        return with_evidence(extraction, pages)

    async def _record_classification(
        self,
        uow: UnitOfWork,
        document: Document,
        extraction: Extraction,
        source_event_id: EventId,
    ) -> None:
        """``record_reading``, audited as the worker's ``document.classified``."""
        await self.record_reading(uow, document, extraction)
        await record_audit(
            uow, TenantContext.system(document.centre_id), self.new_id, "document.classified",
            "document", document.id, document.updated_at,
            ("document_class", "class_confidence", "suggestions"),
            source_event_id=source_event_id,
        )  # fmt: skip

    async def record_reading(
        self, uow: UnitOfWork, document: Document, extraction: Extraction
    ) -> list[Suggestion]:
        """Classify ``document`` (saving it) and add the suggestions its extraction
        justifies, in ``uow``; the caller audits."""
        docs = self.documents(uow)
        now = self.clock.now()
        suggestions_repo = self.suggestions(uow)
        # A reference suggested once is not suggested again, however many the case's
        # documents have suggested before it.
        references = await suggestions_repo.account_references(case_id=document.case_id)
        directory = [e.creditor for e in await self.creditors(uow).list()] if self.creditors else []
        # The creditor as the centre's directory names it, where the letter names one
        # the centre knows, and its reference by that creditor's format
        # (``known_creditors``), whichever assistant read them.
        recognition = recognise(extraction, document.pages, directory)
        learned = await self._learned_format(uow, recognition.creditor)
        extraction = checked_reference(recognition, document.pages, self.patterns, learned)
        # How sure the OCR was of each value's words, whichever chose it: the adviser is
        # asked to check those it was unsure of against the page.
        extraction = evolve(
            extraction, evidence=read_confidences(extraction.evidence, document.pages)
        )
        document.classify(extraction, now=now)
        await docs.save(document)
        made = suggest(
            extraction,
            document,
            new_id=lambda: SuggestionId(self.new_id()),
            now=now,
            known_account_references=references,
            recorded_debts=await self._recorded_debts(uow, document.case_id, directory),
        )
        for suggestion in made:
            if suggestion.evidence is not extraction.evidence:
                # Its own evidence (a statement line's transactions): how sure the OCR was.
                suggestion.evidence = read_confidences(suggestion.evidence, document.pages)
            await suggestions_repo.add(suggestion)
        return made

    async def _learned_format(
        self, uow: UnitOfWork, creditor: Creditor | None
    ) -> LearnedFormat | None:
        """The reference format of the directory creditor the letter is recognised as,
        learned from the references of the centre's debts owed to it, where the directory
        sets none (``cma_core.debts.formats``): one indexed query, that creditor's debts
        only."""
        if self.debts is None or self.patterns is None:
            return None
        if creditor is None or creditor.reference_pattern is not None:
            return None
        references = await self.debts(uow).references_to(creditor.id, limit=LEARN_FROM)
        return learned_reference_format(references)

    async def _recorded_debts(
        self, uow: UnitOfWork, case_id: CaseId, directory: Sequence[Creditor]
    ) -> list[RecordedDebt]:
        if self.debts is None or self.creditors is None:
            return []
        return [
            RecordedDebt(
                id=entry.debt.id,
                account_reference=entry.debt.account_reference,
                balance=entry.debt.balance,
                creditor_name=debt_name(entry.debt, directory, self.patterns),
                enforcement_stage=entry.debt.enforcement_stage,
                ccj=entry.debt.ccj,
            )
            for entry in await self.debts(uow).list_for_case(case_id)
        ]


DEFAULT_PROCESSING_TIMEOUT = dt.timedelta(minutes=15)
"""How long a document may stay ``processing`` before the sweep fails it: far beyond a
real OCR job (a 50-page scan takes about a minute a core), so only a dead worker's
document is caught."""
DEFAULT_QUEUE_TIMEOUT = dt.timedelta(hours=1)
"""How long a document may wait ``queued``: a batch of hundreds of scanned pages is read
well within the hour on two cores, so a longer wait means no worker is reading."""


@define
class DocumentSweep:
    """Fails documents left ``processing`` by a dead worker, or ``queued`` and never
    picked up (no worker running, or the embedded default's in-process queue lost when the
    process stopped), so none waits for ever: the adviser sees why and can retry.

    Idempotent and safe from several processes: a document the worker settles meanwhile
    is skipped (its version moved on), and the next sweep finds anything left.
    """

    uow: UnitOfWorkFactory
    identity: IdentityStore
    clock: Clock
    timeout: dt.timedelta = DEFAULT_PROCESSING_TIMEOUT
    queue_timeout: dt.timedelta = DEFAULT_QUEUE_TIMEOUT
    new_id: IdFactory = field(default=uuid.uuid4)
    batch: int = 200
    documents: RepositoryFactory[DocumentRepository] = field(kw_only=True)
    suggestions: RepositoryFactory[SuggestionRepository] = field(kw_only=True)

    async def sweep(self) -> int:
        """Fail stale documents of every centre. Returns how many were failed."""
        total = 0
        for centre in await self.identity.list_centres():
            total += await self.sweep_centre(centre.id)
        return total

    async def sweep_centre(self, centre_id: CentreId) -> int:
        now = self.clock.now()
        failed = 0
        async with self.uow(centre_id) as uow:
            for status, after, reason in (
                (
                    DocumentStatus.PROCESSING,
                    self.timeout,
                    "timed out: still processing after {m} minute(s) "
                    "(the worker may have stopped); retry it",
                ),
                (
                    DocumentStatus.QUEUED,
                    self.queue_timeout,
                    "not read: waited {m} minute(s) in the queue "
                    "(no worker running, or the queue was lost on a restart); retry it",
                ),
            ):
                minutes = max(1, round(after.total_seconds() / 60))
                failed += await self._fail_stale(
                    uow, centre_id, status, now - after, reason.format(m=minutes), now
                )
            await uow.commit()
        if failed:
            log.warning("centre %s: %d document(s) timed out unread", centre_id, failed)
        return failed

    async def _fail_stale(
        self,
        uow: UnitOfWork,
        centre_id: CentreId,
        status: DocumentStatus,
        updated_before: dt.datetime,
        reason: str,
        now: dt.datetime,
    ) -> int:
        docs = self.documents(uow)
        failed = 0
        for listed in await docs.stuck(
            status=status, updated_before=updated_before, limit=self.batch
        ):
            document = await docs.get(listed.id)  # with its pages, for the save
            if document is None or document.status is not status:
                continue
            document.fail(reason, now=now)
            await docs.save(document)
            await record_audit(
                uow, TenantContext.system(centre_id), self.new_id, "document.timed_out",
                "document", document.id, now, ("status", "failure_reason"),
            )  # fmt: skip
            failed += 1
        return failed
