"""Learning from the adviser: each decision on a suggestion is a labelled example.

Accepting a suggestion confirms the document's class and the values read (with where
they were read: label, page, box, role); rejecting it says the reading was wrong; a
*correction* (a rejection that says what is right: the document's real class, the right
values, the right SFS line for a statement's payee) labels the document anew.
``cma assistant train --centre`` fits the embedded assistant's classifier and
transaction categoriser to the generated corpus plus a centre's examples.

What an example holds is what the suggestion and its document already hold on the case:
no new personal data. The document's text is *not* copied: training reads it from the
document (sealed at rest), so an example of a deleted or erased document no longer
teaches the classifier (the example row goes with the document). The field values and
labels are sealed by the SQL adapter like other case text.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Mapping, Sequence
from typing import NewType, Protocol

from attrs import field, frozen

from cma_core.documents.model import (
    Box,
    Document,
    DocumentClass,
    DocumentId,
    Suggestion,
    SuggestionId,
    SuggestionKind,
)
from cma_core.documents.ports import DocumentRepository
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.uow import Page, UnitOfWork

ExampleId = NewType("ExampleId", uuid.UUID)

MAX_TRAINING_EXAMPLES = 5000
"""A centre's newest examples that one training run reads (the rest are older news)."""
MAX_VALUE = 300
"""A corrected value's longest form (a creditor's name, a reference, a date, pence)."""
CORRECTABLE_FIELDS = (
    "creditor_name",
    "account_reference",
    "balance_pence",
    "letter_date",
    "deadline_date",
    "court_claim_number",
)


class ExampleOutcome(enum.StrEnum):
    ACCEPTED = "accepted"
    """The adviser accepted the suggestion: class and values confirmed."""
    CORRECTED = "corrected"
    """The adviser said what is right instead (class, values or budget line)."""
    REJECTED = "rejected"
    """The adviser rejected the suggestion without saying what is right."""


@frozen(kw_only=True)
class FieldLabel:
    """One value of the suggestion as the adviser judged it, with where it was read."""

    field: str
    value: str
    correct: bool
    """``True``: confirmed (accepted) or given by the adviser; ``False``: read and not
    confirmed (corrected to another value, or the suggestion rejected)."""
    label: str | None = None
    page: int | None = None
    box: Box | None = None
    role: str | None = None


@frozen(kw_only=True)
class Correction:
    """What the adviser says is right. Every part is optional."""

    document_class: DocumentClass | None = None
    budget_line: str | None = None
    """A statement line's payee belongs on this SFS line (or ``debt_repayment``)."""
    values: Mapping[str, str] = field(factory=dict)

    def __attrs_post_init__(self) -> None:
        for name, value in self.values.items():
            if name not in CORRECTABLE_FIELDS:
                raise ValidationError(f"correction.values.{name}", "is not a field read")
            if not value.strip() or len(value) > MAX_VALUE:
                raise ValidationError(
                    f"correction.values.{name}", f"must be 1 to {MAX_VALUE} characters"
                )
        if self.budget_line is not None and not 1 <= len(self.budget_line) <= 60:
            raise ValidationError("correction.budget_line", "must be 1 to 60 characters")

    @property
    def empty(self) -> bool:
        return self.document_class is None and self.budget_line is None and not self.values


@frozen(kw_only=True)
class LabelledExample:
    id: ExampleId
    centre_id: CentreId
    case_id: CaseId
    document_id: DocumentId
    suggestion_id: SuggestionId | None
    """The suggestion decided; ``None``: the adviser said what the document is
    (``class_example``)."""
    outcome: ExampleOutcome
    suggested_class: DocumentClass | None
    """What the assistant said the document was."""
    document_class: DocumentClass | None
    """What the adviser's decision says it is (``None``: not known, e.g. a plain reject)."""
    recorded_at: dt.datetime
    recorded_by: UserId
    fields: tuple[FieldLabel, ...] = ()
    payee: str | None = None
    """A statement suggestion's payee (the categoriser's input), if any."""
    income: bool = False
    budget_line: str | None = None
    """The SFS line the payee's transactions belong on (the categoriser's label)."""


def example_from(
    suggestion: Suggestion,
    document: Document | None,
    outcome: ExampleOutcome,
    *,
    example_id: ExampleId,
    by: UserId,
    now: dt.datetime,
    correction: Correction | None = None,
) -> LabelledExample:
    """The labelled example an adviser's decision on ``suggestion`` makes."""
    fix = correction or Correction()
    suggested = document.document_class if document else None
    if fix.document_class is not None:
        cls: DocumentClass | None = fix.document_class
    elif outcome is ExampleOutcome.REJECTED:
        cls = None
    else:
        cls = suggested
    fields = [j for f in _read_fields(suggestion) for j in _judged(f, outcome, fix)]
    known = {f.field for f in fields}
    fields += [
        FieldLabel(field=name, value=value, correct=True)
        for name, value in sorted(fix.values.items())
        if name not in known
    ]
    statement = suggestion.kind in _STATEMENT_KINDS and suggestion.budget_line is not None
    line = fix.budget_line or (
        suggestion.budget_line if statement and outcome is ExampleOutcome.ACCEPTED else None
    )
    return LabelledExample(
        id=example_id,
        centre_id=suggestion.centre_id,
        case_id=suggestion.case_id,
        document_id=suggestion.document_id,
        suggestion_id=suggestion.id,
        outcome=outcome,
        suggested_class=suggested,
        document_class=cls,
        recorded_at=now,
        recorded_by=by,
        fields=tuple(fields),
        payee=suggestion.creditor_name if statement else None,
        income=suggestion.kind is SuggestionKind.NEW_INCOME,
        budget_line=line if statement else None,
    )


def class_example(
    document: Document,
    document_class: DocumentClass,
    *,
    example_id: ExampleId,
    by: UserId,
    now: dt.datetime,
) -> LabelledExample:
    """The labelled example of an adviser saying what kind ``document`` is: corrected if
    it was read as another kind, accepted if as that one (a confirmation)."""
    same = document.document_class is document_class
    return LabelledExample(
        id=example_id,
        centre_id=document.centre_id,
        case_id=document.case_id,
        document_id=document.id,
        suggestion_id=None,
        outcome=ExampleOutcome.ACCEPTED if same else ExampleOutcome.CORRECTED,
        suggested_class=document.document_class,
        document_class=document_class,
        recorded_at=now,
        recorded_by=by,
    )


_STATEMENT_KINDS = frozenset({SuggestionKind.NEW_EXPENDITURE, SuggestionKind.NEW_INCOME})


def _read_fields(s: Suggestion) -> list[tuple[str, str, Mapping[str, object]]]:
    """The suggestion's values, each with the evidence of the chosen reading, if any."""
    chosen = {e.field: e for e in s.evidence if e.chosen}
    values: dict[str, str | None] = {
        "creditor_name": s.creditor_name,
        "account_reference": s.account_reference,
        "court_claim_number": s.court_claim_number,
        "balance_pence": str(s.balance.pence) if s.balance is not None else None,
        "deadline_date": s.deadline.isoformat() if s.deadline else None,
    }
    out: list[tuple[str, str, Mapping[str, object]]] = []
    for name, value in values.items():
        if value is None:
            continue
        e = chosen.get(name)
        where: dict[str, object] = (
            {"label": e.label, "page": e.page, "box": e.box, "role": e.role} if e else {}
        )
        out.append((name, value, where))
    return out


def _judged(
    read: tuple[str, str, Mapping[str, object]], outcome: ExampleOutcome, fix: Correction
) -> list[FieldLabel]:
    """The value as read (confirmed or not, with where it was read) and, if the adviser
    gave another, theirs."""
    name, value, where = read
    corrected = fix.values.get(name)
    box, page, label, role = (where.get(k) for k in ("box", "page", "label", "role"))
    confirmed = outcome is ExampleOutcome.ACCEPTED or (
        outcome is ExampleOutcome.CORRECTED and (corrected is None or corrected == value)
    )
    out = [
        FieldLabel(
            field=name,
            value=value,
            correct=confirmed,
            label=label if isinstance(label, str) else None,
            page=page if isinstance(page, int) else None,
            box=box if isinstance(box, Box) else None,
            role=role if isinstance(role, str) else None,
        )
    ]
    if corrected is not None and corrected != value:
        out.append(FieldLabel(field=name, value=corrected, correct=True))
    return out


class ExampleRepository(Protocol):
    """The centre's labelled examples (its unit of work's centre only)."""

    async def add(self, example: LabelledExample) -> None:
        """Stage the example. ``CrossTenantAccess`` for another centre's."""
        ...

    async def list(self, *, limit: int, offset: int) -> Page[LabelledExample]:
        """The centre's examples, oldest first."""
        ...

    async def for_training(self, *, limit: int) -> Sequence[LabelledExample]:
        """The newest ``limit`` examples that label something (a class or a budget line),
        oldest first."""
        ...


@frozen(kw_only=True)
class TrainingSet:
    """A centre's examples as the learned parts take them."""

    documents: tuple[tuple[str, DocumentClass], ...]
    """``(text, class)``: the document's text (read from the document) and its class."""
    payees: tuple[tuple[str, bool, str], ...]
    """``(payee, money in, SFS line)``: a statement line's payee and where it belongs."""
    examples: int
    missing_documents: int
    """Examples whose document has gone (deleted or erased): they teach nothing now."""
    values: tuple[tuple[str, str, str], ...] = ()
    """``(text, field, value)``: a value the adviser gave in a correction, with the text
    of its document — where that value is printed teaches the reader the label a centre's
    letters use for the field (``cma_adapters.rules_assistant.label_learning``)."""


async def training_set(
    uow: UnitOfWork,
    examples: ExampleRepository,
    documents: DocumentRepository,
    *,
    limit: int = MAX_TRAINING_EXAMPLES,
) -> TrainingSet:
    """The newest ``limit`` labelled examples of ``uow``'s centre with their documents'
    text. A document labelled twice counts once, with its latest class."""
    del uow  # the repositories are already joined to it
    found = await examples.for_training(limit=limit)
    latest: dict[DocumentId, DocumentClass] = {}
    payees: dict[tuple[str, bool], str] = {}
    given: dict[tuple[DocumentId, str], str] = {}
    for e in found:
        if e.document_class is not None:
            latest[e.document_id] = e.document_class
        if e.payee and e.budget_line:
            payees[(e.payee, e.income)] = e.budget_line
        if e.outcome is ExampleOutcome.CORRECTED:
            wrong = {f.field for f in e.fields if not f.correct}
            for f in e.fields:
                if f.correct and f.field in wrong:
                    given[(e.document_id, f.field)] = f.value  # the adviser's, not the read one
    texts: list[tuple[str, DocumentClass]] = []
    missing = 0
    text_of: dict[DocumentId, str] = {}
    for document_id in [*latest, *(d for d, _ in given)]:
        if document_id in text_of:
            continue
        document = await documents.get(document_id)
        text_of[document_id] = document.text if document is not None else ""
    for document_id, cls in latest.items():
        if not text_of[document_id].strip():
            missing += 1
            continue
        texts.append((text_of[document_id], cls))
    return TrainingSet(
        documents=tuple(texts),
        payees=tuple((p, income, line) for (p, income), line in payees.items()),
        examples=len(found),
        missing_documents=missing,
        values=tuple(
            (text_of[d], name, value) for (d, name), value in given.items() if text_of[d].strip()
        ),
    )
