"""OpenAPI examples of the data protection routes: erasure receipts and a subject access
export."""

from __future__ import annotations

import datetime as dt
from typing import Any

from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example

from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.privacy.schemas import ErasureOut, SubjectAccessExport

_CASE_ID = "6f1c2a34-8d1e-4b7a-9c3f-0a1b2c3d4e5f"

_CLIENT_ID = "0b8e6a2c-4d8f-4f7e-9a57-1c2d3e4f5a6b"

CASE_RECEIPT = {
    "entity_type": "case",
    "entity_id": _CASE_ID,
    "reason": "created_in_error",
    "case_ids": [_CASE_ID],
    "objects_deleted": 2,
    "rows": {"advice_debts": 3, "case_notes": 4, "cases": 1, "documents": 2, "tasks": 1},
    "erased_at": "2026-11-28T10:15:00+00:00",
}

CLIENT_RECEIPT = {
    **CASE_RECEIPT,
    "entity_type": "client",
    "entity_id": _CLIENT_ID,
    "reason": "data_subject_request",
    "rows": {**CASE_RECEIPT["rows"], "clients": 1, "contact_consents": 1},  # type: ignore[dict-item]
}

EXPORT_EXAMPLE = SubjectAccessExport(
    format="cma-subject-access/1",
    generated_at=ex.AT,
    centre_id=ex.CENTRE_ID,
    client={
        "id": _CLIENT_ID,
        "centre_id": str(ex.CENTRE_ID),
        "first_name": "Ann",
        "last_name": "Example",
        "date_of_birth": "1984-03-02",
        "email": "ann.example@example.org",
        "phone": "07700 900123",
        "ni_number": "QQ123456C",
        "address": {"lines": ["1 Example Street", "Leeds"], "postcode": "LS1 1AA"},
        "address_suppressed": False,
        "address_suppression_reason": None,
        "health_notes": None,
        "vulnerabilities": [],
        "vulnerability_notes": None,
        "health_data_consent_at": None,
        "created_at": ex.EARLIER.isoformat(),
        "updated_at": ex.AT.isoformat(),
        "version": 2,
    },
    contact_consent={
        "centre_id": str(ex.CENTRE_ID),
        "consent": {"client_id": _CLIENT_ID, "email": False, "sms": True},
        "recorded_at": ex.EARLIER.isoformat(),
        "recorded_by": str(ex.ADVISER_ID),
    },
    cases=[
        {
            "id": _CASE_ID,
            "centre_id": str(ex.CENTRE_ID),
            "client_id": _CLIENT_ID,
            "reference": "C-000012",
            "status": "open",
            "adviser_id": str(ex.ADVISER_ID),
            "opened_at": ex.EARLIER.isoformat(),
            "updated_at": ex.AT.isoformat(),
            "closed_at": None,
            "close_reason": None,
            "version": 2,
            "notes": [
                {
                    "id": "7d8e9f00-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
                    "author_id": str(ex.ADVISER_ID),
                    "body": "First meeting; brought 6 letters.",
                    "created_at": ex.EARLIER.isoformat(),
                    "sensitive": False,
                }
            ],
            "tasks": [],
            "debts": [],
            "financial_facts": None,
            "budget": None,
            "appraisals": [],
            "offer_plans": [],
            "advice": [],
            "letters": [],
            "case_facts": [],
            "deadlines": [],
            "appointments": [],
            "compliance_findings": [],
            "qa_reviews": [],
            "documents": [
                {
                    "id": str(ex.DOCUMENT_ID),
                    "centre_id": str(ex.CENTRE_ID),
                    "case_id": _CASE_ID,
                    "filename": "lowell-letter.pdf",
                    "content_type": "application/pdf",
                    "size": 184320,
                    "sha256": "9f2c1d0b7a6e5f4c3b2a19081726354453627180f9e8d7c6b5a4938271605f4e",
                    "storage_key": f"centres/{ex.CENTRE_ID}/documents/{ex.DOCUMENT_ID}/original",
                    "status": "done",
                    "uploaded_at": ex.EARLIER.isoformat(),
                    "updated_at": ex.EARLIER.isoformat(),
                    "uploaded_by": str(ex.ADVISER_ID),
                    "failure_reason": None,
                    "attempts": 1,
                    "document_class": "creditor_letter",
                    "class_confidence": 0.91,
                    "version": 3,
                    "download_url": f"https://cma.example.org/files/centres/{ex.CENTRE_ID}/"
                    f"documents/{ex.DOCUMENT_ID}/original?expires=1795862400&signature=3b1f0c9a",
                    "download_expires_at": (ex.AT + dt.timedelta(minutes=10)).isoformat(),
                }
            ],
            "suggestions": [],
        }
    ],
)


def receipt_spec(example: dict[str, Any], summary: str) -> dict[int, ResponseSpec]:
    return {
        200: ResponseSpec(
            data_container=ErasureOut,
            description="What was removed (ids and counts only)",
            examples=[Example(summary=summary, value=example)],
        )
    }
