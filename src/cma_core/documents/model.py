"""The document aggregate, what an assistant extracts from one, and suggestions.

Document state machine::

    queued ──start_processing──▶ processing ──complete──▶ done
      ▲                            │  ▲  │
      │                            │  └──┘ start_processing again (a worker died mid-job)
      └────────── retry ◀── failed ◀┘ fail (also straight from queued)

A suggestion is what the assistant proposes from a document (a new debt, a deadline). It
is never applied silently: an adviser accepts or rejects it, once.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import TYPE_CHECKING, NewType

from attrs import define, frozen

from cma_core.budgets.catalogue import LINES_BY_KEY, Section
from cma_core.budgets.frequency import Frequency
from cma_core.debts.model import DebtType, EnforcementStage
from cma_core.documents.files import ContentType, FileFacts, sanitise_filename
from cma_core.shared.errors import InvalidTransition, ValidationError
from cma_core.shared.events import Aggregate, DomainEvent
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money
from cma_core.shared.text import check_line

if TYPE_CHECKING:
    from cma_core.documents.transactions import Transaction

DocumentId = NewType("DocumentId", uuid.UUID)
SuggestionId = NewType("SuggestionId", uuid.UUID)

MAX_FAILURE_REASON = 500


class DocumentStatus(enum.StrEnum):
    QUEUED = "queued"
    PROCESSING = "processing"
    DONE = "done"
    FAILED = "failed"


class DocumentClass(enum.StrEnum):
    """The kinds of paper a debt adviser sees most; ``OTHER`` for everything else."""

    CREDITOR_LETTER = "creditor_letter"
    """Arrears letters, default notices (Consumer Credit Act 1974 s.87) and demands."""
    COURT_CLAIM_N1 = "court_claim_n1"
    ENFORCEMENT_AGENT_NOTICE = "enforcement_agent_notice"
    STATUTORY_DEMAND = "statutory_demand"
    COUNCIL_TAX = "council_tax"
    """Council tax bills, reminders and final notices."""
    UTILITY_BILL = "utility_bill"
    PAYSLIP = "payslip"
    BANK_STATEMENT = "bank_statement"
    BENEFIT_AWARD = "benefit_award"
    COUNTY_COURT_JUDGMENT = "county_court_judgment"
    """A judgment already given: never a claim to respond to (no response deadline)."""
    MAGISTRATES_FINE = "magistrates_fine"
    NOTICE_OF_ASSIGNMENT = "notice_of_assignment"
    """The debt was sold: a new owner to pay, the original creditor named alongside."""
    OVERPAYMENT = "overpayment"
    """HMRC tax-credit or DWP benefit overpayment demands."""
    MORTGAGE_ARREARS = "mortgage_arrears"
    RENT_ARREARS = "rent_arrears"
    BNPL_CATALOGUE_ARREARS = "bnpl_catalogue_arrears"
    LETTER_OF_CLAIM = "letter_of_claim"
    """Pre-action protocol for debt claims: 30 days to reply before court action."""
    UTILITY_ARREARS = "utility_arrears"
    """Energy or water arrears and final demands (a debt, unlike a routine bill)."""
    OTHER = "other"


class PageSource(enum.StrEnum):
    TEXT_LAYER = "text_layer"
    """Text read from the PDF itself: exact, confidence 1.0."""
    OCR = "ocr"


@frozen(kw_only=True)
class Box:
    """A rectangle on a page, in the page image's pixels (origin top left)."""

    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


@frozen(kw_only=True)
class Word:
    """One word the extractor read and where (Tesseract's ``image_to_data`` boxes)."""

    text: str
    box: Box
    confidence: float = 1.0
    line: int = 0
    """The extractor's line number on the page (0: unknown; lines are then found by
    position)."""


@frozen(kw_only=True)
class PageText:
    """The text of one page (numbered from 1) and how sure the extractor is (0.0–1.0).

    ``words`` and ``size`` (pixels) carry the layout when the extractor has it (OCR):
    they let the assistant read a value by its position beside or under its label, and
    box each value it reads. They are stored with the page (sealed with its text), so a
    document read again as another kind is read the same way; pages stored before they
    were kept (2026-12-08) have none.
    """

    number: int
    text: str
    confidence: float
    source: PageSource = PageSource.OCR
    words: tuple[Word, ...] = ()
    size: tuple[int, int] | None = None

    def __attrs_post_init__(self) -> None:
        if self.number < 1:
            raise ValidationError("pages.number", "must be 1 or more")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValidationError("pages.confidence", "must be between 0 and 1")


@frozen(kw_only=True)
class DocumentUploaded(DomainEvent):
    name = "DocumentUploaded"
    document_id: DocumentId
    case_id: CaseId
    content_type: str
    size: int
    uploaded_by: UserId | None


@frozen(kw_only=True)
class DocumentTextExtracted(DomainEvent):
    name = "DocumentTextExtracted"
    document_id: DocumentId
    case_id: CaseId
    page_count: int
    mean_confidence: float


@frozen(kw_only=True)
class DocumentProcessingFailed(DomainEvent):
    name = "DocumentProcessingFailed"
    document_id: DocumentId
    case_id: CaseId
    reason: str


@frozen(kw_only=True)
class DocumentDeleted(DomainEvent):
    """A document removed from its case (its record, suggestions and stored object): what
    was read from it goes from the search index, the work queue and the case's timeline."""

    name = "DocumentDeleted"
    document_id: DocumentId
    case_id: CaseId


@frozen(kw_only=True)
class DocumentRequeued(DomainEvent):
    """A failed document queued again for reading (an adviser asked for a retry)."""

    name = "DocumentRequeued"
    document_id: DocumentId
    case_id: CaseId
    requeued_by: UserId | None


@frozen(kw_only=True)
class DocumentClassified(DomainEvent):
    name = "DocumentClassified"
    document_id: DocumentId
    case_id: CaseId
    document_class: str
    confidence: float
    source: str


@define(kw_only=True)
class Document(Aggregate):
    id: DocumentId
    centre_id: CentreId
    case_id: CaseId
    filename: str
    content_type: ContentType
    size: int
    sha256: str
    storage_key: str
    """Key inside the centre's space of the document store (see ``storage.document_key``)."""
    status: DocumentStatus
    uploaded_at: dt.datetime
    updated_at: dt.datetime
    uploaded_by: UserId | None = None
    failure_reason: str | None = None
    attempts: int = 0
    pages: tuple[PageText, ...] = ()
    document_class: DocumentClass | None = None
    class_confidence: float | None = None
    class_alternatives: tuple[ClassAlternative, ...] = ()
    """Other kinds it may be, likeliest first (``Extraction.class_alternatives``)."""
    version: int = 1

    @classmethod
    def receive(
        cls,
        *,
        document_id: DocumentId,
        centre_id: CentreId,
        case_id: CaseId,
        filename: str,
        facts: FileFacts,
        storage_key: str,
        uploaded_by: UserId | None,
        now: dt.datetime,
    ) -> Document:
        """A newly uploaded document, queued for text extraction.

        ``facts`` come from ``inspect_upload``/``UploadInspector``, so the type is sniffed
        and the checksum is of the bytes actually stored. ``filename`` is sanitised here.
        """
        doc = cls(
            id=document_id,
            centre_id=centre_id,
            case_id=case_id,
            filename=sanitise_filename(filename, facts.content_type),
            content_type=facts.content_type,
            size=facts.size,
            sha256=facts.sha256,
            storage_key=storage_key,
            status=DocumentStatus.QUEUED,
            uploaded_at=now,
            updated_at=now,
            uploaded_by=uploaded_by,
        )
        doc.record(
            DocumentUploaded(
                centre_id=centre_id,
                occurred_at=now,
                document_id=document_id,
                case_id=case_id,
                content_type=facts.content_type.value,
                size=facts.size,
                uploaded_by=uploaded_by,
            )
        )
        return doc

    @property
    def text(self) -> str:
        """All pages' text, pages separated by a form feed (as ``pdftotext`` does)."""
        return "\f".join(p.text for p in self.pages)

    @property
    def mean_confidence(self) -> float | None:
        """Confidence over all pages, weighted by how much text each holds."""
        weight = sum(max(len(p.text), 1) for p in self.pages)
        if not self.pages:
            return None
        return sum(p.confidence * max(len(p.text), 1) for p in self.pages) / weight

    def start_processing(self, *, now: dt.datetime) -> None:
        """Mark that a worker has picked the document up.

        Allowed again while ``processing``: the message broker redelivers a job whose
        worker died, and the new worker must be able to take over.
        """
        if self.status not in (DocumentStatus.QUEUED, DocumentStatus.PROCESSING):
            raise InvalidTransition(f"cannot process a document that is {self.status.value}")
        self.status = DocumentStatus.PROCESSING
        self.attempts += 1
        self.updated_at = now

    def complete(self, pages: tuple[PageText, ...], *, now: dt.datetime) -> None:
        if self.status is not DocumentStatus.PROCESSING:
            raise InvalidTransition(f"cannot complete a document that is {self.status.value}")
        numbers = [p.number for p in pages]
        if numbers != list(range(1, len(pages) + 1)):
            raise ValidationError("pages", "must be numbered 1, 2, 3... in order")
        self.pages = pages
        self.status = DocumentStatus.DONE
        self.failure_reason = None
        self.updated_at = now
        self.record(
            DocumentTextExtracted(
                centre_id=self.centre_id,
                occurred_at=now,
                document_id=self.id,
                case_id=self.case_id,
                page_count=len(pages),
                mean_confidence=self.mean_confidence or 0.0,
            )
        )

    def fail(self, reason: str, *, now: dt.datetime) -> None:
        if self.status not in (DocumentStatus.QUEUED, DocumentStatus.PROCESSING):
            raise InvalidTransition(f"cannot fail a document that is {self.status.value}")
        text = reason.strip() or "unknown error"
        self.status = DocumentStatus.FAILED
        self.failure_reason = text[:MAX_FAILURE_REASON]
        self.updated_at = now
        self.record(
            DocumentProcessingFailed(
                centre_id=self.centre_id,
                occurred_at=now,
                document_id=self.id,
                case_id=self.case_id,
                reason=self.failure_reason,
            )
        )

    def retry(self, *, now: dt.datetime, by: UserId | None = None) -> None:
        """Queue a failed document again (after a fix or a transient error).

        The reason stays until the next attempt settles, so the adviser still sees why it
        failed last time; the attempt count starts again.
        """
        if self.status is not DocumentStatus.FAILED:
            raise InvalidTransition(f"cannot retry a document that is {self.status.value}")
        self.status = DocumentStatus.QUEUED
        self.attempts = 0
        self.updated_at = now
        self.record(
            DocumentRequeued(
                centre_id=self.centre_id,
                occurred_at=now,
                document_id=self.id,
                case_id=self.case_id,
                requeued_by=by,
            )
        )

    def classify(self, extraction: Extraction, *, now: dt.datetime) -> None:
        """Record what the assistant thinks the document is. Only once text exists."""
        if self.status is not DocumentStatus.DONE:
            raise InvalidTransition("cannot classify a document before its text is extracted")
        self.document_class = extraction.document_class
        self.class_confidence = extraction.confidence
        self.class_alternatives = tuple(
            a for a in extraction.class_alternatives if a.document_class is not self.document_class
        )[:MAX_CLASS_ALTERNATIVES]
        self.updated_at = now
        self.record(
            DocumentClassified(
                centre_id=self.centre_id,
                occurred_at=now,
                document_id=self.id,
                case_id=self.case_id,
                document_class=extraction.document_class.value,
                confidence=extraction.confidence,
                source=extraction.source,
            )
        )


@frozen(kw_only=True)
class FieldEvidence:
    """Where a value came from, so the adviser can check it at a glance.

    One per candidate the assistant considered for a field: the chosen one
    (``chosen=True``) and the alternatives it passed over, each with its role ("original
    creditor", "collection agent", "instalment", "date in the body"...) and score.
    """

    field: str
    value: str
    page: int
    box: Box | None = None
    label: str | None = None
    """The printed label the value was read against, if any."""
    role: str | None = None
    score: float = 0.0
    chosen: bool = False
    read_confidence: float | None = None
    """How sure the OCR was of the words the value was read from: the least confidence of
    those of them with two or more letters or figures (0.0–1.0; ``locate.read_confidences``).
    ``None`` where the page was not read by OCR (a PDF's text layer, a bank's export) or
    the value is not boxed."""
    choice_confidence: float | None = None
    """How sure the reader was that this is the field's value among what the page holds:
    the learned field ranker's probability for it (0.0–1.0). ``None`` where no ranker chose
    (the rules alone, a language model, a value the centre's directory corrected)."""

    @property
    def hard_to_read(self) -> bool:
        """The OCR was unsure of the value's words: the adviser is asked to check it
        against the page (``HARD_TO_READ_BELOW``)."""
        return self.read_confidence is not None and self.read_confidence < HARD_TO_READ_BELOW

    @property
    def unsure_choice(self) -> bool:
        """The value chosen, the reader unsure it is the field's (``UNSURE_CHOICE_BELOW``):
        the adviser is asked to check it against the page and the alternatives. (An
        alternative passed over is not a choice: never.)"""
        return (
            self.chosen
            and self.choice_confidence is not None
            and self.choice_confidence < UNSURE_CHOICE_BELOW
        )

    @property
    def to_check(self) -> bool:
        """To be checked against the page before it is accepted: hard to read, or an
        unsure choice."""
        return self.hard_to_read or self.unsure_choice


HARD_TO_READ_BELOW = 0.7
"""Below this ``FieldEvidence.read_confidence`` a value is shown as hard to read. On the 48
read families' scans (912 documents, ``benchmarks/OCR.md`` round 58) it marks 41% of the
values the reader chose wrongly (61% of wrong references) and 7% of those it chose rightly."""

UNSURE_CHOICE_BELOW = 0.4
"""Below this ``FieldEvidence.choice_confidence`` the reader's choice is shown as unsure.
Chosen on half the read families' scans (``benchmarks/OCR.md`` round 60: the ranker's
probabilities are two-humped, and any threshold from 0.3 to 0.5 marks the same values)."""


def evidence_value(value: object) -> str:
    """A read value as ``FieldEvidence.value`` shows it: a date ISO, pence as pounds."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return f"£{value // 100:,}.{value % 100:02d}"
    return str(value)


@frozen(kw_only=True)
class ClassAlternative:
    """Another kind a document may be, with how likely the assistant thinks it (the rules
    reader: its calibration on the margin between the chosen kind and this one; for
    ordering, not a distribution)."""

    document_class: DocumentClass
    probability: float

    def __attrs_post_init__(self) -> None:
        if not 0.0 <= self.probability <= 1.0:
            raise ValidationError("probability", "must be between 0 and 1")


MAX_CLASS_ALTERNATIVES = 3


@frozen(kw_only=True)
class Extraction:
    """What an assistant read from a document's text. Every field may be missing.

    Amounts are pence; dates are calendar dates as printed (no time zone).
    """

    document_class: DocumentClass
    confidence: float
    source: str
    """Which assistant produced it (``rules``, ``openai:<model>``...), for the audit trail."""
    creditor_name: str | None = None
    account_reference: str | None = None
    balance_pence: int | None = None
    letter_date: dt.date | None = None
    deadline_date: dt.date | None = None
    court_claim_number: str | None = None
    amounts_pence: tuple[int, ...] = ()
    original_creditor: str | None = None
    """Notices of assignment and agents' letters: the creditor the debt began with."""
    payer_name: str | None = None
    """Payslips and benefit letters: the employer or the paying department."""
    income_pence: int | None = None
    """Net pay, or the benefit paid, per ``frequency``."""
    gross_pence: int | None = None
    frequency: str | None = None
    """``weekly``, ``fortnightly``, ``four_weekly``, ``monthly``, ``annually``."""
    served_date: dt.date | None = None
    """A claim form's or demand's printed date of (deemed) service, where it has one."""
    transactions: tuple[Transaction, ...] = ()
    """A bank statement's transactions, categorised (``documents.transactions``)."""
    evidence: tuple[FieldEvidence, ...] = ()
    class_alternatives: tuple[ClassAlternative, ...] = ()
    """Other kinds the document may be, likeliest first (the adviser sees them when the
    kind is in doubt); empty where the assistant cannot say."""
    debt_confidence: float | None = None
    """How sure the assistant is that the paper is about a debt owed — one of the debt
    classes (``rules.DEBT_CLASSES``), whichever — where it can say (``None``: not said).
    A letter between two kinds of debt letter (a catalogue's arrears letter worded as a
    lender's) leaves ``confidence`` in its kind low while this stays high."""

    def __attrs_post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValidationError("confidence", "must be between 0 and 1")
        if self.debt_confidence is not None and not 0.0 <= self.debt_confidence <= 1.0:
            raise ValidationError("debt_confidence", "must be between 0 and 1")
        if self.balance_pence is not None and self.balance_pence < 0:
            raise ValidationError("balance_pence", "must not be negative")


class SuggestionKind(enum.StrEnum):
    NEW_DEBT = "new_debt"
    UPDATE_DEBT = "update_debt"
    """The letter gives a new balance for a debt already recorded on the case."""
    COURT_CLAIM_DEADLINE = "court_claim_deadline"
    STATUTORY_DEMAND_DEADLINE = "statutory_demand_deadline"
    ENFORCEMENT_DEADLINE = "enforcement_deadline"
    LETTER_OF_CLAIM_DEADLINE = "letter_of_claim_deadline"
    """30 days to reply to a letter of claim (Pre-Action Protocol for Debt Claims)."""
    RESPONSE_DEADLINE = "response_deadline"
    """A date printed on a creditor's letter or notice by which the client must act."""
    NEW_INCOME = "new_income"
    """A payslip or benefit letter: an income line for the budget (SFS)."""
    NEW_EXPENDITURE = "new_expenditure"
    """A bank statement's spending on one SFS expenditure line."""


_DEBT_FIELDS = ("creditor_name", "account_reference", "balance_pence")
_DEADLINE_FIELDS = ("letter_date", "deadline_date", "court_claim_number")
SUGGESTION_FIELDS: dict[SuggestionKind, tuple[str, ...]] = {
    SuggestionKind.NEW_DEBT: _DEBT_FIELDS,
    SuggestionKind.UPDATE_DEBT: _DEBT_FIELDS,
    SuggestionKind.NEW_INCOME: (
        "payer_name", "creditor_name", "income_pence", "gross_pence", "frequency", "letter_date"
    ),
    SuggestionKind.NEW_EXPENDITURE: ("creditor_name", "balance_pence", "frequency"),
    **dict.fromkeys(
        (
            SuggestionKind.COURT_CLAIM_DEADLINE, SuggestionKind.STATUTORY_DEMAND_DEADLINE,
            SuggestionKind.ENFORCEMENT_DEADLINE, SuggestionKind.LETTER_OF_CLAIM_DEADLINE,
            SuggestionKind.RESPONSE_DEADLINE,
        ),
        _DEADLINE_FIELDS,
    ),
}  # fmt: skip
"""The read values each kind of suggestion is made of (a suggestion carries the evidence of
everything read from its document; the rest is shown apart). A field no kind names (the
original creditor, the served date) belongs to every kind. The console's ``USES``
(``web/src/pages/case/Evidence.tsx``) is the same table."""
_NAMED_FIELDS = frozenset(f for fields in SUGGESTION_FIELDS.values() for f in fields)


def made_of(kind: SuggestionKind, field: str) -> bool:
    """Whether a suggestion of ``kind`` is made of the read value ``field``."""
    return field in SUGGESTION_FIELDS.get(kind, ()) or field not in _NAMED_FIELDS


class SuggestionStatus(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Verdict(enum.StrEnum):
    """An adviser's decision on a suggestion, one of several taken at once."""

    ACCEPT = "accept"
    REJECT = "reject"


@frozen(kw_only=True)
class SuggestionMade(DomainEvent):
    name = "SuggestionMade"
    suggestion_id: SuggestionId
    document_id: DocumentId
    case_id: CaseId
    kind: str


@frozen(kw_only=True)
class SuggestionAccepted(DomainEvent):
    name = "SuggestionAccepted"
    suggestion_id: SuggestionId
    case_id: CaseId
    kind: str
    accepted_by: UserId


@frozen(kw_only=True)
class SuggestionRejected(DomainEvent):
    name = "SuggestionRejected"
    suggestion_id: SuggestionId
    case_id: CaseId
    kind: str
    rejected_by: UserId
    reason: str | None


@frozen(kw_only=True)
class Waiting:
    """A suggestion waiting for an adviser, as a list of work shows it: what it is and
    since when, nothing it read (``SuggestionRepository.waiting``)."""

    id: SuggestionId
    kind: SuggestionKind
    created_at: dt.datetime
    to_check: int = 0
    """How many of the values it is made of are to be checked against the page
    (``Suggestion.fields_to_check``): a count, never the values."""


@define(kw_only=True)
class Suggestion(Aggregate):
    """A proposed change to a case, drawn from a document, awaiting an adviser's decision."""

    id: SuggestionId
    centre_id: CentreId
    case_id: CaseId
    document_id: DocumentId
    kind: SuggestionKind
    title: str
    """One line for the adviser, e.g. ``Add debt: Acme Loans Ltd, £1,234.56``."""
    confidence: float
    source: str
    created_at: dt.datetime
    creditor_name: str | None = None
    account_reference: str | None = None
    balance: Money | None = None
    deadline: dt.date | None = None
    deadline_basis: str | None = None
    """Why the deadline is that date: printed on the document, or the rule that computed it."""
    court_claim_number: str | None = None
    debt_id: uuid.UUID | None = None
    """``update_debt``: the recorded debt (same account reference) the letter is about."""
    previous_balance: Money | None = None
    """``update_debt``: the debt's balance when the suggestion was made; accepting is
    refused if the debt's balance has changed since (the adviser reviews it instead)."""
    fact_date: dt.date | None = None
    """Deadlines: the date the deadlines count from (service of the claim or demand, the
    date of the enforcement notice), recorded as the case's dated fact on acceptance;
    ``None`` when the document does not say (a deadline task only, then)."""
    budget_line: str | None = None
    """``new_income``: the SFS budget line (``client_salary``, ``other_benefits``...);
    ``balance`` holds the amount paid per ``frequency``."""
    frequency: str | None = None
    """``new_income``: how often the amount is paid (the budgets area's frequencies)."""
    debt_type: str | None = None
    """``new_debt``: the debts area's type the debt is added as (``DebtType``: its priority
    follows from it), as the document's kind and words say (``rules.debt_type_for``);
    ``other`` where they cannot tell. The adviser may choose another on accepting.
    ``None`` on suggestions made before it was kept (accepting then decides as before)."""
    enforcement_stage: str | None = None
    """``new_debt``, ``update_debt``: how far recovery has gone, as the document's kind shows it
    (``EnforcementStage``: a claim form ``claim_issued``, a county court judgment
    ``judgment`` — the debt is then recorded with its CCJ —, a letter of claim, a statutory
    demand, an enforcement agent's notice); ``None`` where the kind does not say. An
    update moves the debt's recorded stage on to it, never back (``advanced_stage``)."""
    evidence: tuple[FieldEvidence, ...] = ()
    """Where on the document each value was read (page, box), with the alternatives
    passed over and their roles, for the adviser to check at a glance."""
    as_read: Amendment | None = None
    """Accepted with the adviser's changes: what the reader had proposed for each field
    the adviser changed (the fields above hold what was applied)."""
    status: SuggestionStatus = SuggestionStatus.PENDING
    decided_by: UserId | None = None
    decided_at: dt.datetime | None = None
    rejection_reason: str | None = None
    version: int = 1

    def announce(self) -> None:
        """Record ``SuggestionMade`` (called once by whoever creates the suggestion)."""
        self.record(
            SuggestionMade(
                centre_id=self.centre_id,
                occurred_at=self.created_at,
                suggestion_id=self.id,
                document_id=self.document_id,
                case_id=self.case_id,
                kind=self.kind.value,
            )
        )

    @property
    def recovery_stage(self) -> EnforcementStage | None:
        """``enforcement_stage`` as the debts area's stage (``None``: the paper says none)."""
        return EnforcementStage(self.enforcement_stage) if self.enforcement_stage else None

    @property
    def fields_to_check(self) -> tuple[str, ...]:
        """The fields it is made of (``made_of``) whose chosen value is to be checked
        against the page (``FieldEvidence.to_check``: hard to read, or an unsure choice),
        each once, in the evidence's order."""
        return tuple(
            dict.fromkeys(
                e.field
                for e in self.evidence
                if e.chosen and e.to_check and made_of(self.kind, e.field)
            )
        )

    def _require_pending(self, action: str) -> None:
        if self.status is not SuggestionStatus.PENDING:
            raise InvalidTransition(f"cannot {action} a suggestion that is {self.status.value}")

    def accept(self, *, by: UserId, now: dt.datetime) -> None:
        """The adviser agrees. Applying it to the case is the handler's job, in the same
        unit of work, so an accepted suggestion and its effect commit together."""
        self._require_pending("accept")
        self.status = SuggestionStatus.ACCEPTED
        self.decided_by = by
        self.decided_at = now
        self.record(
            SuggestionAccepted(
                centre_id=self.centre_id,
                occurred_at=now,
                suggestion_id=self.id,
                case_id=self.case_id,
                kind=self.kind.value,
                accepted_by=by,
            )
        )

    def check_amendable(self, changes: Amendment) -> dict[str, object]:
        """The adviser's values, checked (names and references stripped), before any is
        applied. Raises ``InvalidTransition`` if already decided, ``ValidationError``
        (named ``changes.<field>`` as the API names it) for a field the kind does not
        apply, a blank or overlong name or reference, an unknown frequency, a negative
        amount, or an SFS line of the wrong section (income for income, spending for
        spending)."""
        self._require_pending("accept")
        allowed = AMENDABLE.get(self.kind, frozenset())
        for name in changes.given():
            if name not in allowed:
                raise ValidationError(
                    _api_name(name), f"cannot be changed on a {self.kind.value} suggestion"
                )
        return _checked(self.kind, changes)

    def amend(self, changes: Amendment, *, basis: str | None = None) -> tuple[str, ...]:
        """Apply the adviser's values before accepting (``check_amendable`` first): each
        given field takes the adviser's value, and what was read for it is kept in
        ``as_read`` (a field the reader had not read, in its ``not_read``). ``basis``: why
        the deadline is what it now is, where it changed. Returns the fields that changed
        (a value given equal to the one read changes nothing). The dates of a deadline
        kind are kept consistent by the caller (``rules.dated_changes``)."""
        values = self.check_amendable(changes)
        changed = tuple(n for n, v in values.items() if getattr(self, n) != v)
        if not changed:
            return ()
        read = {n: getattr(self, n) for n in changed if getattr(self, n) is not None}
        absent = tuple(n for n in changed if getattr(self, n) is None)
        if self.as_read is not None:  # (never twice: amend is followed by accept)
            read = {**read, **{n: getattr(self.as_read, n) for n in self.as_read.given()}}
            absent = (*absent, *self.as_read.not_read)
        self.as_read = Amendment(**read, not_read=absent)
        for name in changed:
            setattr(self, name, values[name])
        if "deadline" in changed and basis is not None:
            self.deadline_basis = basis
        return changed

    def retitle(self, title: str) -> None:
        """The one line for the adviser, written again for the values now applied."""
        self.title = title[:MAX_TITLE]

    def reject(self, *, by: UserId, now: dt.datetime, reason: str | None = None) -> None:
        self._require_pending("reject")
        text = reason.strip()[:MAX_FAILURE_REASON] if reason and reason.strip() else None
        self.status = SuggestionStatus.REJECTED
        self.decided_by = by
        self.decided_at = now
        self.rejection_reason = text
        self.record(
            SuggestionRejected(
                centre_id=self.centre_id,
                occurred_at=now,
                suggestion_id=self.id,
                case_id=self.case_id,
                kind=self.kind.value,
                rejected_by=by,
                reason=text,
            )
        )


@frozen(kw_only=True)
class Amendment:
    """Values of a suggestion's fields: those an adviser gives on accepting, in place of
    what was read (a balance taken from another line, the payer's real frequency, the
    date a claim was served where none was read); and, kept on the suggestion as
    ``as_read``, what the reader had proposed for the fields changed. ``None``: not
    given."""

    creditor_name: str | None = None
    account_reference: str | None = None
    balance: Money | None = None
    deadline: dt.date | None = None
    fact_date: dt.date | None = None
    budget_line: str | None = None
    frequency: str | None = None
    debt_type: str | None = None
    not_read: tuple[str, ...] = ()
    """As ``as_read``: the fields the adviser gave where the reader had read nothing (a
    balance not found on an unfamiliar layout)."""

    def given(self) -> tuple[str, ...]:
        """The fields given, in declaration order."""
        return tuple(f for f in AMENDMENT_FIELDS if getattr(self, f) is not None)


AMENDMENT_FIELDS = ("creditor_name", "account_reference", "balance", "deadline", "fact_date",
                    "budget_line", "frequency", "debt_type")  # fmt: skip
#: A field's name in the API where it differs (``changes.balance_pence``).
AMENDMENT_API_NAMES = {"balance": "balance_pence"}
_DEADLINE_KINDS = frozenset(
    {
        SuggestionKind.COURT_CLAIM_DEADLINE,
        SuggestionKind.STATUTORY_DEMAND_DEADLINE,
        SuggestionKind.ENFORCEMENT_DEADLINE,
        SuggestionKind.LETTER_OF_CLAIM_DEADLINE,
    }
)
AMENDABLE: dict[SuggestionKind, frozenset[str]] = {
    SuggestionKind.NEW_DEBT: frozenset(
        {"creditor_name", "account_reference", "balance", "debt_type"}
    ),
    SuggestionKind.UPDATE_DEBT: frozenset({"balance"}),
    **dict.fromkeys(_DEADLINE_KINDS, frozenset({"fact_date", "deadline"})),
    SuggestionKind.RESPONSE_DEADLINE: frozenset({"deadline"}),
    SuggestionKind.NEW_INCOME: frozenset({"balance", "frequency", "budget_line"}),
    SuggestionKind.NEW_EXPENDITURE: frozenset({"balance", "frequency", "budget_line"}),
}
"""What an adviser may change on accepting each kind: what its acceptance applies (a
deadline kind's fact date: the case clock counts its deadlines from it)."""


@frozen(kw_only=True)
class DebtFact:
    creditor_name: str
    balance: Money
    priority: bool = False
    """Priority debts (council tax, rent, energy, fines...) carry the gravest consequences."""
    debt_type: str | None = None
    """The debts area's type (``council_tax``, ``credit_card``...), when recorded."""
    arrears: Money | None = None


@frozen(kw_only=True)
class DeadlineFact:
    due_on: dt.date
    description: str


@frozen(kw_only=True)
class CaseFacts:
    """The structured, de-identified view of a case an assistant may summarise.

    Holds no names, addresses or contact details on purpose: only what the summary needs.
    """

    case_reference: str
    opened_on: dt.date
    debts: tuple[DebtFact, ...] = ()
    monthly_income: Money | None = None
    monthly_expenditure: Money | None = None
    available_surplus: Money | None = None
    """What is left each month for priority debts once savings and fees are set aside
    (the SFS's ``available_for_priority``); ``None`` without a budget."""
    deadlines: tuple[DeadlineFact, ...] = ()
    document_classes: tuple[DocumentClass, ...] = ()
    open_task_count: int = 0

    @property
    def total_debt(self) -> Money:
        return sum((d.balance for d in self.debts), Money.zero())

    @property
    def monthly_surplus(self) -> Money | None:
        if self.monthly_income is None or self.monthly_expenditure is None:
            return None
        return self.monthly_income - self.monthly_expenditure


@frozen(kw_only=True)
class Draft:
    """Text an assistant wrote for an adviser to edit. Never sent or filed as is."""

    text: str
    source: str


def _api_name(name: str) -> str:
    return f"changes.{AMENDMENT_API_NAMES.get(name, name)}"


def _checked(kind: SuggestionKind, changes: Amendment) -> dict[str, object]:
    """The given values, names and references stripped, each checked."""
    line = changes.budget_line
    if line is not None:
        known = LINES_BY_KEY.get(line)
        income = kind is SuggestionKind.NEW_INCOME
        if known is None or (known.section is Section.INCOME) is not income:
            what = "an SFS income line" if income else "an SFS spending line"
            raise ValidationError("changes.budget_line", f"must be {what}")
    out: dict[str, object] = {}
    for name in changes.given():
        value = getattr(changes, name)
        if name in ("creditor_name", "account_reference"):
            value = check_line(value.strip(), _api_name(name), max_length=_MAX_AMENDED[name])
            if not value:
                raise ValidationError(_api_name(name), "must not be blank")
        elif name == "frequency" and value not in _FREQUENCY_VALUES:
            raise ValidationError(
                _api_name(name), f"must be one of {', '.join(sorted(_FREQUENCY_VALUES))}"
            )
        elif name == "debt_type" and value not in _DEBT_TYPE_VALUES:
            raise ValidationError(
                _api_name(name), f"must be one of {', '.join(sorted(_DEBT_TYPE_VALUES))}"
            )
        elif name == "balance" and value.pence < 0:
            raise ValidationError(_api_name(name), "must not be negative")
        out[name] = value
    return out


_MAX_AMENDED = {"creditor_name": 200, "account_reference": 100}
MAX_TITLE = 300
_FREQUENCY_VALUES = frozenset(f.value for f in Frequency)
_DEBT_TYPE_VALUES = frozenset(t.value for t in DebtType)
