from __future__ import annotations

import datetime as dt
import itertools
import uuid

import pytest

from cma_core.documents.errors import DuplicateDocument
from cma_core.documents.files import ContentType, inspect_upload
from cma_core.documents.model import (
    Document,
    DocumentClass,
    DocumentId,
    DocumentStatus,
    Extraction,
    PageSource,
    PageText,
    SuggestionId,
    SuggestionKind,
    SuggestionStatus,
)
from cma_core.documents.rules import (
    court_claim_response_deadline,
    ensure_not_duplicate,
    find_duplicate,
    suggest,
)
from cma_core.documents.storage import document_key
from cma_core.shared.errors import InvalidTransition, ValidationError
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money

NOW = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)
CENTRE = CentreId(uuid.uuid4())
CASE = CaseId(uuid.uuid4())
ADVISER = UserId(uuid.uuid4())


def make_document(data: bytes = b"%PDF-1.7 hello", name: str = "letter.pdf") -> Document:
    doc_id = DocumentId(uuid.uuid4())
    return Document.receive(
        document_id=doc_id,
        centre_id=CENTRE,
        case_id=CASE,
        filename=name,
        facts=inspect_upload(data),
        storage_key=document_key(doc_id),
        uploaded_by=ADVISER,
        now=NOW,
    )


def page(n: int, text: str = "text", confidence: float = 0.9) -> PageText:
    return PageText(number=n, text=text, confidence=confidence)


def test_receive_sniffs_sanitises_and_queues() -> None:
    doc = make_document(name="../secret/Letter.exe")
    assert doc.status is DocumentStatus.QUEUED
    assert doc.content_type is ContentType.PDF
    assert doc.filename == "Letter.exe.pdf"
    assert doc.size == len(b"%PDF-1.7 hello")
    assert len(doc.sha256) == 64
    assert doc.storage_key == f"documents/{doc.id}/original"
    [event] = doc.pull_events()
    assert event.name == "DocumentUploaded"
    assert event.payload()["content_type"] == "application/pdf"


def test_happy_path_to_done() -> None:
    doc = make_document()
    doc.start_processing(now=NOW)
    doc.complete((page(1, "abc", 0.5), page(2, "defghi", 1.0)), now=NOW)
    assert doc.status is DocumentStatus.DONE
    assert doc.text == "abc\fdefghi"
    assert doc.mean_confidence == pytest.approx((0.5 * 3 + 1.0 * 6) / 9)
    names = [e.name for e in doc.pull_events()]
    assert names == ["DocumentUploaded", "DocumentTextExtracted"]


def test_redelivered_job_can_take_over_processing() -> None:
    doc = make_document()
    doc.start_processing(now=NOW)
    doc.start_processing(now=NOW)
    assert doc.attempts == 2


def test_fail_then_retry() -> None:
    doc = make_document()
    doc.start_processing(now=NOW)
    doc.fail("  corrupt PDF  ", now=NOW)
    assert doc.status is DocumentStatus.FAILED
    assert doc.failure_reason == "corrupt PDF"
    doc.retry(now=NOW)
    assert doc.status is DocumentStatus.QUEUED
    doc.start_processing(now=NOW)
    doc.complete((page(1),), now=NOW)
    assert doc.failure_reason is None


def test_invalid_transitions() -> None:
    doc = make_document()
    with pytest.raises(InvalidTransition):
        doc.complete((page(1),), now=NOW)
    with pytest.raises(InvalidTransition):
        doc.retry(now=NOW)
    doc.start_processing(now=NOW)
    doc.complete((page(1),), now=NOW)
    for action in (
        lambda: doc.start_processing(now=NOW),
        lambda: doc.fail("x", now=NOW),
        lambda: doc.retry(now=NOW),
    ):
        with pytest.raises(InvalidTransition):
            action()


def test_pages_must_be_numbered_in_order() -> None:
    doc = make_document()
    doc.start_processing(now=NOW)
    with pytest.raises(ValidationError):
        doc.complete((page(2), page(1)), now=NOW)
    with pytest.raises(ValidationError):
        PageText(number=1, text="", confidence=1.5)
    with pytest.raises(ValidationError):
        PageText(number=0, text="", confidence=0.5)
    assert PageText(number=1, text="", confidence=1.0, source=PageSource.TEXT_LAYER)


def test_classify_only_after_text() -> None:
    doc = make_document()
    extraction = Extraction(document_class=DocumentClass.PAYSLIP, confidence=0.8, source="t")
    with pytest.raises(InvalidTransition):
        doc.classify(extraction, now=NOW)
    doc.start_processing(now=NOW)
    doc.complete((page(1),), now=NOW)
    doc.classify(extraction, now=NOW)
    assert doc.document_class is DocumentClass.PAYSLIP
    assert doc.pull_events()[-1].payload()["document_class"] == "payslip"


def test_duplicates_by_checksum() -> None:
    a = make_document(b"%PDF-1.7 one")
    b = make_document(b"%PDF-1.7 two")
    same_as_a = inspect_upload(b"%PDF-1.7 one")
    assert find_duplicate(same_as_a.sha256, [b, a]) is a
    assert find_duplicate(inspect_upload(b"%PDF-1.7 three").sha256, [a, b]) is None
    with pytest.raises(DuplicateDocument) as err:
        ensure_not_duplicate(same_as_a.sha256, [a, b])
    assert err.value.existing_id == a.id
    ensure_not_duplicate(inspect_upload(b"%PDF-1.7 new").sha256, [a, b])


def _ids() -> itertools.count[int]:
    return itertools.count(1)


def new_ids() -> object:
    counter = _ids()
    return lambda: SuggestionId(uuid.UUID(int=next(counter)))


def test_court_claim_suggests_debt_and_computed_deadline() -> None:
    doc = make_document()
    extraction = Extraction(
        document_class=DocumentClass.COURT_CLAIM_N1,
        confidence=0.9,
        source="rules",
        creditor_name="Lowell Portfolio I Ltd",
        account_reference="LP-998877",
        balance_pence=123456,
        letter_date=dt.date(2025, 3, 3),
        court_claim_number="K1QZ4821",
    )
    out = suggest(extraction, doc, new_id=new_ids(), now=NOW)  # type: ignore[arg-type]
    assert [s.kind for s in out] == [SuggestionKind.NEW_DEBT, SuggestionKind.COURT_CLAIM_DEADLINE]
    debt, deadline = out
    assert debt.balance == Money(123456)
    assert debt.title == "Add debt: Lowell Portfolio I Ltd, £1,234.56"
    assert (
        deadline.deadline
        == dt.date(2025, 3, 22)
        == court_claim_response_deadline(dt.date(2025, 3, 3))
    )
    assert "CPR" in (deadline.deadline_basis or "")
    assert "K1QZ4821" in deadline.title
    assert all(s.status is SuggestionStatus.PENDING for s in out)
    assert [e.name for s in out for e in s.pull_events()] == ["SuggestionMade"] * 2


def test_printed_deadline_wins_and_known_debt_is_not_suggested_again() -> None:
    doc = make_document()
    extraction = Extraction(
        document_class=DocumentClass.STATUTORY_DEMAND,
        confidence=0.7,
        source="rules",
        creditor_name="HMRC",
        account_reference="ab 12-34",
        balance_pence=1_000_000,
        letter_date=dt.date(2025, 1, 1),
        deadline_date=dt.date(2025, 1, 10),
    )
    out = suggest(
        extraction,
        doc,
        new_id=new_ids(),  # type: ignore[arg-type]
        now=NOW,
        known_account_references=["AB1234"],
    )
    [deadline] = out
    assert deadline.kind is SuggestionKind.STATUTORY_DEMAND_DEADLINE
    assert deadline.deadline == dt.date(2025, 1, 10)


def test_enforcement_and_statutory_demand_rules() -> None:
    doc = make_document()
    base = {"confidence": 0.8, "source": "r", "letter_date": dt.date(2025, 2, 1)}
    [ea] = suggest(
        Extraction(document_class=DocumentClass.ENFORCEMENT_AGENT_NOTICE, **base),  # type: ignore[arg-type]
        doc,
        new_id=new_ids(),  # type: ignore[arg-type]
        now=NOW,
    )
    assert ea.deadline == dt.date(2025, 2, 9)
    [sd] = suggest(
        Extraction(document_class=DocumentClass.STATUTORY_DEMAND, **base),  # type: ignore[arg-type]
        doc,
        new_id=new_ids(),  # type: ignore[arg-type]
        now=NOW,
    )
    assert sd.deadline == dt.date(2025, 2, 19)


def test_no_suggestions_when_unsure_or_not_a_debt() -> None:
    doc = make_document()
    unsure = Extraction(
        document_class=DocumentClass.CREDITOR_LETTER,
        confidence=0.2,
        source="r",
        creditor_name="X",
        balance_pence=100,
    )
    assert suggest(unsure, doc, new_id=new_ids(), now=NOW) == []  # type: ignore[arg-type]
    payslip = Extraction(
        document_class=DocumentClass.PAYSLIP, confidence=0.9, source="r", balance_pence=100
    )
    assert suggest(payslip, doc, new_id=new_ids(), now=NOW) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cls", "debt_confidence", "made"),
    [
        (DocumentClass.BNPL_CATALOGUE_ARREARS, 0.95, ["new_debt"]),  # sure it is a debt letter
        (DocumentClass.BNPL_CATALOGUE_ARREARS, 0.5, []),  # unsure of that too
        (DocumentClass.BNPL_CATALOGUE_ARREARS, None, []),  # the assistant does not say
        (DocumentClass.PAYSLIP, 0.95, []),  # no debt class: nothing to propose
    ],
)
def test_unsure_of_the_kind_but_sure_of_a_debt_proposes_the_debt_only_to_be_checked(
    cls: DocumentClass, debt_confidence: float | None, made: list[str]
) -> None:
    extraction = Extraction(
        document_class=cls,
        confidence=0.24,
        debt_confidence=debt_confidence,
        source="r",
        creditor_name="Hollin Catalogue Ltd",
        balance_pence=41_250,
        deadline_date=dt.date(2026, 12, 20),
        letter_date=dt.date(2026, 12, 1),
    )
    out = suggest(extraction, make_document(), new_id=new_ids(), now=NOW)  # type: ignore[arg-type]
    assert [s.kind.value for s in out] == made
    for suggestion in out:  # no deadline: it depends on the kind, which is unsure
        assert suggestion.title.startswith("Check the document type (read as bnpl catalogue")


def test_accept_and_reject_once() -> None:
    doc = make_document()
    extraction = Extraction(
        document_class=DocumentClass.CREDITOR_LETTER,
        confidence=0.9,
        source="r",
        creditor_name="Acme Loans Ltd",
        balance_pence=5000,
    )
    a, b = (suggest(extraction, doc, new_id=new_ids(), now=NOW)[0] for _ in range(2))  # type: ignore[arg-type]
    a.accept(by=ADVISER, now=NOW)
    assert a.status is SuggestionStatus.ACCEPTED
    assert a.decided_by == ADVISER
    with pytest.raises(InvalidTransition):
        a.reject(by=ADVISER, now=NOW)
    b.reject(by=ADVISER, now=NOW, reason="  already recorded ")
    assert b.rejection_reason == "already recorded"
    with pytest.raises(InvalidTransition):
        b.accept(by=ADVISER, now=NOW)
    assert a.pull_events()[-1].name == "SuggestionAccepted"
    assert b.pull_events()[-1].payload()["reason"] == "already recorded"


def test_extraction_validates() -> None:
    with pytest.raises(ValidationError):
        Extraction(document_class=DocumentClass.OTHER, confidence=2.0, source="r")
    with pytest.raises(ValidationError):
        Extraction(document_class=DocumentClass.OTHER, confidence=0.5, source="r", balance_pence=-1)
    with pytest.raises(ValidationError):
        Extraction(
            document_class=DocumentClass.OTHER, confidence=0.5, source="r", debt_confidence=1.5
        )
