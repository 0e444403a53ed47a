"""What an adviser's decision records as a labelled example."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from cma_core.documents.learning import (
    Correction,
    ExampleId,
    ExampleOutcome,
    LabelledExample,
    example_from,
)
from cma_core.documents.model import (
    Box,
    DocumentClass,
    DocumentId,
    FieldEvidence,
    Suggestion,
    SuggestionId,
    SuggestionKind,
)
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money

NOW = dt.datetime(2026, 12, 3, 10, tzinfo=dt.UTC)


def suggestion(**kw: object) -> Suggestion:
    base: dict[str, object] = {
        "id": SuggestionId(uuid.uuid4()),
        "centre_id": CentreId(uuid.uuid4()),
        "case_id": CaseId(uuid.uuid4()),
        "document_id": DocumentId(uuid.uuid4()),
        "kind": SuggestionKind.NEW_DEBT,
        "title": "Add debt",
        "confidence": 0.9,
        "source": "rules",
        "created_at": NOW,
        "creditor_name": "Acme Loans Ltd",
        "account_reference": "AC-1",
        "balance": Money(12345),
        "evidence": (
            FieldEvidence(
                field="account_reference", value="AC-1", page=1, chosen=True,
                box=Box(left=1, top=2, width=3, height=4), label="Account no",
            ),
        ),
    }  # fmt: skip
    return Suggestion(**(base | kw))  # type: ignore[arg-type]


def make(s: Suggestion, outcome: ExampleOutcome, fix: Correction | None = None) -> LabelledExample:
    return example_from(
        s, None, outcome, example_id=ExampleId(uuid.uuid4()), by=UserId(uuid.uuid4()), now=NOW,
        correction=fix,
    )  # fmt: skip


def test_accepted_confirms_values_with_where_they_were_read() -> None:
    e = make(suggestion(), ExampleOutcome.ACCEPTED)
    ref = next(f for f in e.fields if f.field == "account_reference")
    assert ref.correct
    assert (ref.label, ref.page) == ("Account no", 1)
    assert ref.box is not None
    assert {f.field for f in e.fields} == {
        "creditor_name", "account_reference", "balance_pence",
    }  # fmt: skip


def test_correction_keeps_the_wrong_reading_and_the_right_value() -> None:
    fix = Correction(
        document_class=DocumentClass.MORTGAGE_ARREARS, values={"account_reference": "X9"}
    )
    e = make(suggestion(), ExampleOutcome.CORRECTED, fix)
    assert e.document_class is DocumentClass.MORTGAGE_ARREARS
    refs = {(f.value, f.correct) for f in e.fields if f.field == "account_reference"}
    assert refs == {("AC-1", False), ("X9", True)}


def test_plain_rejection_labels_no_class() -> None:
    e = make(suggestion(), ExampleOutcome.REJECTED)
    assert e.document_class is None
    assert not any(f.correct for f in e.fields)


def test_statement_line_labels_its_payee() -> None:
    s = suggestion(
        kind=SuggestionKind.NEW_EXPENDITURE, creditor_name="Tesco", budget_line="food", evidence=()
    )
    assert make(s, ExampleOutcome.ACCEPTED).budget_line == "food"
    moved = make(s, ExampleOutcome.CORRECTED, Correction(budget_line="housekeeping"))
    assert moved.budget_line == "housekeeping"
    assert moved.payee == "Tesco"
    assert make(s, ExampleOutcome.REJECTED).budget_line is None


def test_correction_refuses_unknown_fields_and_empty_values() -> None:
    with pytest.raises(ValidationError):
        Correction(values={"client_name": "A"})
    with pytest.raises(ValidationError):
        Correction(values={"creditor_name": " "})
