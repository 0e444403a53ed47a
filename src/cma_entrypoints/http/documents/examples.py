"""OpenAPI examples of the document and suggestion routes."""

from __future__ import annotations

import datetime as dt
import uuid

import msgspec

from cma_core.debts.model import DebtType
from cma_core.debts.priority import Treatment
from cma_core.documents.model import (
    Box,
    DocumentClass,
    DocumentStatus,
    FieldEvidence,
    SuggestionKind,
    SuggestionStatus,
)
from cma_entrypoints.http.common.examples import (
    AT,
    CASE_ID,
    DOCUMENT_ID,
    EARLIER,
)
from cma_entrypoints.http.documents.schemas import (
    ClassAlternativeOut,
    DocumentOut,
    EvidenceOut,
    PageOut,
    ReclassifiedOut,
    SuggestionOut,
    SummaryDraftOut,
)

SUGGESTION_ID = uuid.UUID("5b6c7d8e-9f01-4a2b-8c3d-4e5f60718293")

UPLOADED = DocumentOut(
    id=DOCUMENT_ID,
    case_id=CASE_ID,
    filename="lowell-letter.pdf",
    content_type="application/pdf",
    size=184_320,
    sha256="9f2c1d0b7a6e5f4c3b2a19081726354453627180f9e8d7c6b5a4938271605f4e",
    status=DocumentStatus.QUEUED,
    failure_reason=None,
    attempts=0,
    document_class=None,
    class_confidence=None,
    class_alternatives=[],
    page_count=None,
    mean_confidence=None,
    uploaded_at=EARLIER,
    updated_at=EARLIER,
    uploaded_by=uuid.UUID("9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a"),
    version=1,
)

READ = DocumentOut(
    **{
        **msgspec.structs.asdict(UPLOADED),
        "status": DocumentStatus.DONE,
        "attempts": 1,
        "document_class": DocumentClass.CREDITOR_LETTER,
        "class_confidence": 0.91,
        "class_alternatives": [
            ClassAlternativeOut(document_class=DocumentClass.LETTER_OF_CLAIM, probability=0.06)
        ],
        "updated_at": EARLIER + dt.timedelta(minutes=1),
        "version": 3,
    }
)

WITH_PAGES = DocumentOut(
    **{
        **msgspec.structs.asdict(READ),
        "page_count": 1,
        "mean_confidence": 0.94,
        "pages": [
            PageOut(
                number=1,
                text="Lowell Portfolio I Ltd\nAccount number: 12345678\nBalance: £1,234.56",
                confidence=0.94,
                source="ocr",
            )
        ],
    }
)

FAILED_RETRIED = DocumentOut(
    **{
        **msgspec.structs.asdict(UPLOADED),
        "failure_reason": "OCR timed out",
        "attempts": 1,
        "updated_at": AT,
        "version": 4,
    }
)

# Where the example letter's values were read: field, value, box, label, role, score,
# chosen, and how sure the OCR was (the reference under HARD_TO_READ_BELOW: hard to read).
# The scores are the field ranker's probabilities, so also each one's choice_confidence.
_READ = (
    ("creditor_name", "Lowell Portfolio I Ltd", (120, 96, 610, 44), None, "letterhead",
     0.93, True, 0.96),
    ("account_reference", "12345678", (842, 402, 236, 38), "Account number", None,
     0.9, True, 0.52),
    ("balance_pence", "£1,234.56", (1012, 610, 214, 40), "Outstanding balance", None,
     0.88, True, 0.91),
    ("balance_pence", "£45.00", (1012, 668, 150, 40), "Monthly payment", "instalment",
     0.2, False, 0.94),
)  # fmt: skip

SUGGESTION = SuggestionOut(
    id=SUGGESTION_ID,
    case_id=CASE_ID,
    document_id=DOCUMENT_ID,
    kind=SuggestionKind.NEW_DEBT,
    title="Debt to Lowell Portfolio I Ltd, £1,234.56",
    confidence=0.88,
    source="rules",
    status=SuggestionStatus.PENDING,
    created_at=EARLIER + dt.timedelta(minutes=1),
    creditor_name="Lowell Portfolio I Ltd",
    account_reference="12345678",
    balance_pence=123_456,
    deadline=None,
    deadline_basis=None,
    court_claim_number=None,
    debt_id=None,
    previous_balance_pence=None,
    fact_date=None,
    decided_by=None,
    decided_at=None,
    rejection_reason=None,
    version=1,
    debt_type=DebtType.OTHER,
    debt_treatment=Treatment.NON_PRIORITY,
    evidence=[
        EvidenceOut.of(
            FieldEvidence(
                field=field,
                value=value,
                page=1,
                box=Box(left=x, top=y, width=w, height=h),
                label=label,
                role=role,
                score=score,
                chosen=chosen,
                read_confidence=sure,
                choice_confidence=score,
            )
        )
        for field, value, (x, y, w, h), label, role, score, chosen, sure in _READ
    ],
    fields_to_check=["account_reference"],
)

UPDATE = SuggestionOut(
    **{
        **msgspec.structs.asdict(SUGGESTION),
        "id": uuid.UUID("6c7d8e9f-0112-4b3c-9d4e-5f6071829304"),
        "kind": SuggestionKind.UPDATE_DEBT,
        "title": "Update debt: Cabot Financial, ref 44-901-22: £850.00 → £912.40",
        "creditor_name": "Cabot Financial",
        "account_reference": "44-901-22",
        "balance_pence": 91_240,
        "debt_id": uuid.UUID("7d8e9f01-1223-4c4d-8e5f-607182930415"),
        "previous_balance_pence": 85_000,
        "debt_type": None,
        "debt_treatment": None,
        "evidence": [],
        "fields_to_check": [],
    }
)

CLAIM = SuggestionOut(
    **{
        **msgspec.structs.asdict(SUGGESTION),
        "id": uuid.UUID("8e9f0112-2334-4d5e-9f60-718293041526"),
        "kind": SuggestionKind.COURT_CLAIM_DEADLINE,
        "title": "Respond to court claim K1QZ4521 by 30 November 2026",
        "creditor_name": None,
        "account_reference": None,
        "balance_pence": None,
        "court_claim_number": "K1QZ4521",
        "deadline": dt.date(2026, 11, 30),
        "deadline_basis": "issue date + 5 days' deemed service + 14 days to respond "
        "(CPR 10.3, 15.4); check the date of service on the claim",
        "fact_date": dt.date(2026, 11, 16),
        "debt_type": None,
        "debt_treatment": None,
        "evidence": [],
        "fields_to_check": [],
    }
)

ACCEPTED = SuggestionOut(
    **{
        **msgspec.structs.asdict(SUGGESTION),
        "status": SuggestionStatus.ACCEPTED,
        "decided_by": uuid.UUID("9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a"),
        "decided_at": AT,
        "version": 2,
    }
)

REJECTED = SuggestionOut(
    **{
        **msgspec.structs.asdict(ACCEPTED),
        "status": SuggestionStatus.REJECTED,
        "rejection_reason": "debt already on file",
    }
)

SUMMARY = SummaryDraftOut(
    case_id=CASE_ID,
    status="draft",
    text="Client has 3 debts totalling £4,120.00, one of them priority (council tax). "
    "Monthly surplus £12.00. Next appointment 2 December 2026.",
    source="rules",
    generated_at=AT,
    save_with=f"POST /api/v1/cases/{CASE_ID}/notes",
)

RECLASSIFIED = ReclassifiedOut(
    document=DocumentOut(
        **{
            **msgspec.structs.asdict(READ),
            "document_class": DocumentClass.COUNTY_COURT_JUDGMENT,
            "class_confidence": 1.0,
            "class_alternatives": [],
            "updated_at": AT,
            "version": 4,
        }
    ),
    suggestions=[
        SuggestionOut(
            **{
                **msgspec.structs.asdict(SUGGESTION),
                "id": uuid.UUID("3c4d5e6f-7081-4a92-b3c4-d5e6f7081920"),
                "kind": SuggestionKind.NEW_DEBT,
                "title": "Debt to Lowell Portfolio I Ltd, £1,234.56",
                "confidence": 1.0,
                "source": "rules+adviser",
                "created_at": AT,
            }
        )
    ],
    replaced=2,
)
