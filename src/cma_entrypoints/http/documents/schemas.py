"""Response and request shapes of documents, suggestions and the case summary draft."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Annotated

from msgspec import Meta, Struct

from cma_core.budgets.frequency import Frequency
from cma_core.debts.model import DebtType, EnforcementStage
from cma_core.debts.priority import PRIORITY_TABLE, Treatment
from cma_core.documents.learning import Correction
from cma_core.documents.model import (
    AMENDMENT_API_NAMES,
    Amendment,
    Document,
    DocumentClass,
    DocumentStatus,
    FieldEvidence,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
)
from cma_core.shared.money import Money
from cma_entrypoints.http.common.schemas import LINE, Day, Input, PageOf, from_attributes
from cma_entrypoints.http.tasks.schemas import TaskOut

if TYPE_CHECKING:
    from cma_core.documents.service import Decision


class PageOut(Struct):
    number: int
    text: str
    confidence: float
    source: str


class ClassAlternativeOut(Struct):
    document_class: DocumentClass
    probability: float
    """How likely the assistant thinks this kind (the doubt its calibration leaves between
    the document's kind and this one), for ordering: the alternatives need not sum to 1."""


class DocumentOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    filename: str
    content_type: str
    size: int
    sha256: str
    status: DocumentStatus
    failure_reason: str | None
    attempts: int
    document_class: DocumentClass | None
    class_confidence: float | None
    class_alternatives: list[ClassAlternativeOut]
    """Other kinds it may be, likeliest first (at most 3; empty when the assistant is sure
    or cannot say, or the adviser gave the kind): shown when the kind is in doubt, to read
    it again as one (``POST /api/v1/documents/{id}/reclassify``)."""
    page_count: int | None
    mean_confidence: float | None
    uploaded_at: dt.datetime
    updated_at: dt.datetime
    uploaded_by: uuid.UUID | None
    version: int
    pages: list[PageOut] | None = None
    """Only on ``GET /api/v1/documents/{id}``."""

    @classmethod
    def of(cls, d: Document, *, with_pages: bool = False) -> DocumentOut:
        return cls(
            id=d.id,
            case_id=d.case_id,
            filename=d.filename,
            content_type=d.content_type.value,
            size=d.size,
            sha256=d.sha256,
            status=d.status,
            failure_reason=d.failure_reason,
            attempts=d.attempts,
            document_class=d.document_class,
            class_confidence=d.class_confidence,
            class_alternatives=[
                ClassAlternativeOut(document_class=a.document_class, probability=a.probability)
                for a in d.class_alternatives
            ],
            page_count=len(d.pages) if with_pages else None,
            mean_confidence=d.mean_confidence if with_pages else None,
            uploaded_at=d.uploaded_at,
            updated_at=d.updated_at,
            uploaded_by=d.uploaded_by,
            version=d.version,
            pages=[
                PageOut(
                    number=p.number, text=p.text, confidence=p.confidence, source=p.source.value
                )
                for p in d.pages
            ]
            if with_pages
            else None,
        )


class DocumentPage(PageOf[DocumentOut]):
    items: list[DocumentOut]


class LinkOut(Struct):
    url: str
    expires_at: dt.datetime


class EvidenceOut(Struct):
    """Where one value was read, for the adviser to check it against the page."""

    field: str
    value: str
    page: int
    box: list[int] | None
    """``[left, top, width, height]`` in the page image's pixels (``null``: not located)."""
    label: str | None
    role: str | None
    """What this candidate is ("collection agent", "instalment", "date in the body"...)."""
    score: float
    chosen: bool
    """The value the suggestion uses; the others are alternatives passed over."""
    read_confidence: float | None = None
    """How sure the OCR was of the words the value was read from (0–1: the least sure of
    them); ``null`` where the page was not read by OCR or the value is not located."""
    hard_to_read: bool = False
    """The OCR was unsure of the value's words (``read_confidence`` under 0.7): check it
    against the page before accepting."""
    choice_confidence: float | None = None
    """How sure the reader was that this is the field's value among what the page holds
    (0–1: the learned field ranker's probability); ``null`` where no ranker chose."""
    unsure_choice: bool = False
    """The value chosen, the reader unsure it is the field's (``choice_confidence`` under
    0.4): check it against the page and the alternatives before accepting. Always false
    on an alternative."""

    @classmethod
    def of(cls, e: FieldEvidence) -> EvidenceOut:
        box = [e.box.left, e.box.top, e.box.width, e.box.height] if e.box else None
        return cls(
            field=e.field, value=e.value, page=e.page, box=box, label=e.label,
            role=e.role, score=e.score, chosen=e.chosen, read_confidence=e.read_confidence,
            hard_to_read=e.hard_to_read, choice_confidence=e.choice_confidence,
            unsure_choice=e.unsure_choice,
        )  # fmt: skip


class AsReadOut(Struct, omit_defaults=True):
    """What the reader had proposed for each field the adviser changed on accepting
    (only those fields are present)."""

    creditor_name: str | None = None
    account_reference: str | None = None
    balance_pence: int | None = None
    deadline: dt.date | None = None
    fact_date: dt.date | None = None
    budget_line: str | None = None
    frequency: str | None = None
    debt_type: DebtType | None = None
    not_read: list[str] = []
    """The fields the adviser gave where the reader had read nothing (as the API names
    them: ``balance_pence``...)."""

    @classmethod
    def of(cls, a: Amendment) -> AsReadOut:
        return from_attributes(
            cls,
            a,
            balance_pence=a.balance.pence if a.balance else None,
            not_read=[AMENDMENT_API_NAMES.get(n, n) for n in a.not_read],
        )


class SuggestionOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    document_id: uuid.UUID
    kind: SuggestionKind
    title: str
    confidence: float
    source: str
    status: SuggestionStatus
    created_at: dt.datetime
    creditor_name: str | None
    account_reference: str | None
    balance_pence: int | None
    deadline: dt.date | None
    deadline_basis: str | None
    court_claim_number: str | None
    debt_id: uuid.UUID | None
    """``update_debt``: the debt on the case (same account reference) to update."""
    previous_balance_pence: int | None
    """``update_debt``: the debt's balance when suggested (``balance_pence`` is the new)."""
    fact_date: dt.date | None
    """Deadlines: the date they count from (service, notice), recorded on acceptance."""
    decided_by: uuid.UUID | None
    decided_at: dt.datetime | None
    rejection_reason: str | None
    version: int
    budget_line: str | None = None
    """``new_income``: the SFS line to set (``balance_pence`` is the amount per
    ``frequency``)."""
    frequency: str | None = None
    debt_type: DebtType | None = None
    """``new_debt``: the type the debt is added as (the document's kind and words say it;
    ``other`` where they cannot tell). Accept with ``changes.debt_type`` to choose
    another; ``null`` on other kinds (and on suggestions made before 2026-12-08: accepting
    then types the debt from its document)."""
    debt_treatment: Treatment | None = None
    """``new_debt``: whether that type is a priority debt (UK debt advice's table, before
    any adviser override on the debt): ``priority``, ``non_priority``, ``case_by_case``
    (overpayments) or ``depends_on_goods`` (hire purchase)."""
    enforcement_stage: EnforcementStage | None = None
    """``new_debt``, ``update_debt``: how far recovery has gone, as the document's kind
    shows it (a claim form ``claim_issued``, a judgment ``judgment``: the debt is then
    recorded with its county court judgment). A new debt is recorded at it; an update moves
    the debt's stage on to it where that is further along the court route, never back.
    ``null`` where the kind does not say."""
    evidence: list[EvidenceOut] = []
    """Where each value came from (page, box) and the alternatives, with their roles."""
    as_read: AsReadOut | None = None
    """Accepted with the adviser's changes: what the reader had proposed for each field
    changed (the fields above are what was applied); ``null`` otherwise."""
    fields_to_check: list[str] = []
    """The fields this suggestion is made of whose chosen value is to be checked against
    the page before accepting: the scan was hard to read there, or the reader was unsure
    which value it is (``hard_to_read`` and ``unsure_choice`` on their evidence). Filter
    lists with ``to_check=true``."""

    @classmethod
    def of(cls, s: Suggestion) -> SuggestionOut:
        return from_attributes(
            cls,
            s,
            evidence=[EvidenceOut.of(e) for e in s.evidence],
            fields_to_check=list(s.fields_to_check),
            as_read=AsReadOut.of(s.as_read) if s.as_read is not None else None,
            balance_pence=s.balance.pence if s.balance is not None else None,
            previous_balance_pence=(
                s.previous_balance.pence if s.previous_balance is not None else None
            ),
            debt_treatment=(
                PRIORITY_TABLE[DebtType(s.debt_type)].treatment if s.debt_type else None
            ),
        )


class SuggestionPage(PageOf[SuggestionOut]):
    items: list[SuggestionOut]


class AcceptOut(Struct):
    """What accepting did: the debt added or updated, the dated fact recorded on the case
    and its tracked deadlines, or the adviser task created."""

    suggestion: SuggestionOut
    debt_id: uuid.UUID | None
    task: TaskOut | None
    fact_id: uuid.UUID | None = None
    deadline_ids: list[uuid.UUID] = []

    @classmethod
    def of(cls, decision: Decision) -> AcceptOut:
        return cls(
            suggestion=SuggestionOut.of(decision.suggestion),
            debt_id=decision.debt_id,
            task=TaskOut.of(decision.task) if decision.task else None,
            fact_id=decision.fact_id,
            deadline_ids=list(decision.deadline_ids),
        )


class CorrectionIn(Input):
    """What is right instead, as the adviser sees it: kept as a labelled example that
    ``cma assistant train --centre`` learns from. Every part is optional."""

    document_class: DocumentClass | None = None
    budget_line: (
        Annotated[str, Meta(min_length=1, max_length=60, pattern=r"^[a-z][a-z0-9_]*$")] | None
    ) = None
    """A statement payee's SFS line key (or ``debt_repayment``, ``not_budgeted``)."""
    creditor_name: Annotated[str, Meta(min_length=1, max_length=200, pattern=LINE)] | None = None
    account_reference: Annotated[str, Meta(min_length=1, max_length=100, pattern=LINE)] | None = (
        None
    )
    balance_pence: Annotated[int, Meta(ge=0, le=100_000_000_000)] | None = None
    deadline_date: dt.date | None = None
    court_claim_number: Annotated[str, Meta(min_length=1, max_length=40, pattern=LINE)] | None = (
        None
    )

    def to_core(self) -> Correction:
        """The correction as the learning area records it (only the values given)."""
        values = {
            "creditor_name": self.creditor_name,
            "account_reference": self.account_reference,
            "balance_pence": str(self.balance_pence) if self.balance_pence is not None else None,
            "deadline_date": self.deadline_date.isoformat() if self.deadline_date else None,
            "court_claim_number": self.court_claim_number,
        }
        return Correction(
            document_class=self.document_class,
            budget_line=self.budget_line,
            values={k: v for k, v in values.items() if v is not None},
        )


class AcceptChangesIn(Input):
    """The adviser's values in place of what was read; every part optional. Which fields a
    kind takes: ``new_debt`` creditor_name, account_reference, balance_pence, debt_type;
    ``update_debt`` balance_pence; the claim, demand, enforcement and letter-of-claim
    deadlines fact_date (the date served or sent, from which the case clock counts; the
    deadline follows) or deadline (a claim's or demand's gives the date of service; a
    notice's or letter's only where its date is unknown); ``response_deadline`` deadline;
    ``new_income`` and ``new_expenditure`` balance_pence (per ``frequency``), frequency,
    budget_line. The suggestion's title is written again for the values applied."""

    creditor_name: Annotated[str, Meta(min_length=1, max_length=200, pattern=LINE)] | None = None
    account_reference: Annotated[str, Meta(min_length=1, max_length=100, pattern=LINE)] | None = (
        None
    )
    balance_pence: Annotated[int, Meta(ge=0, le=100_000_000_000)] | None = None
    deadline: Day | None = None
    """A claim's or demand's deadline gives the date of service counted back by the same
    period; a notice's or letter of claim's is counted from its date (change that date)."""
    fact_date: Day | None = None
    """The date served (claim, demand) or of the notice or letter: the deadline the case
    clock counts from it replaces the one read. Not with ``deadline``: one follows from the
    other."""
    budget_line: (
        Annotated[str, Meta(min_length=1, max_length=60, pattern=r"^[a-z][a-z0-9_]*$")] | None
    ) = None
    """An SFS line key: an income line for ``new_income``, a spending line for
    ``new_expenditure``."""
    frequency: Frequency | None = None
    debt_type: DebtType | None = None
    """``new_debt``: the type to add the debt as (its priority follows from it)."""

    def to_core(self) -> Amendment:
        return Amendment(
            creditor_name=self.creditor_name,
            account_reference=self.account_reference,
            balance=Money(self.balance_pence) if self.balance_pence is not None else None,
            deadline=self.deadline,
            fact_date=self.fact_date,
            budget_line=self.budget_line,
            frequency=self.frequency.value if self.frequency is not None else None,
            debt_type=self.debt_type.value if self.debt_type is not None else None,
        )


class SuggestionAcceptIn(Input):
    """Accept a suggestion: as read (no body, or no ``changes``), or with the adviser's
    values where the reader was wrong."""

    changes: AcceptChangesIn | None = None
    """Accept with these values in place of what was read (the reader's are kept as the
    suggestion's ``as_read``); omit to accept as read."""


class RejectIn(Input):
    reason: Annotated[str, Meta(max_length=500, pattern=LINE)] | None = None
    correction: CorrectionIn | None = None
    """Say what is right (the document's class, values, SFS line) so the assistant
    learns from the rejection."""


class SummaryDraftOut(Struct):
    case_id: uuid.UUID
    status: str
    """Always ``draft``: it becomes a case note only when an adviser saves it."""
    text: str
    source: str
    generated_at: dt.datetime
    save_with: str


class ReclassifyIn(Input):
    document_class: DocumentClass
    """What the document is, as the adviser sees it."""


class ReclassifiedOut(Struct):
    """The document read again as the adviser's kind, and the suggestions that reading
    made (its earlier pending ones are rejected as replaced)."""

    document: DocumentOut
    suggestions: list[SuggestionOut]
    replaced: int
    """How many of its suggestions waiting for a decision were rejected as replaced."""
