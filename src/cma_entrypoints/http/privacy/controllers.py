"""Data protection routes: delete a case, erase a client, export what is held on a client.

The erasure routes answer ``200`` with a receipt (ids and counts, nothing personal) rather
than ``204``: a data controller files it with the request it answered.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

import msgspec
from litestar import Response, delete, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.params import Parameter
from msgspec import Struct

from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.privacy.service import ErasureReason, ErasureReport, PrivacyService, parse_reason
from cma_core.shared.ids import CaseId, ClientId
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.cases import controllers as routes
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import JsonExample
from cma_entrypoints.http.common.params import IfMatch, parse_if_match

_REASONS = ", ".join(f"`{r.value}`" for r in ErasureReason)

Reason = Annotated[
    str | None,
    Parameter(
        query="reason",
        required=False,
        description=f"Why the records are removed (kept in the audit trail): one of {_REASONS}. "
        "A code, never free text: the audit trail cannot be erased.",
        examples=[Example(summary="The client asked", value="data_subject_request")],
    ),
]


class ErasureOut(Struct):
    """What was removed: ids and counts."""

    entity_type: str
    entity_id: uuid.UUID
    reason: str
    case_ids: list[uuid.UUID]
    objects_deleted: int
    rows: dict[str, int]
    erased_at: str

    @classmethod
    def of(cls, r: ErasureReport) -> ErasureOut:
        return cls(
            entity_type=r.entity_type,
            entity_id=r.entity_id,
            reason=r.reason.value,
            case_ids=list(r.case_ids),
            objects_deleted=r.objects_deleted,
            rows=dict(sorted(r.rows.items())),
            erased_at=r.at.isoformat(),
        )


_CASE_ID = "6f1c2a34-8d1e-4b7a-9c3f-0a1b2c3d4e5f"
_CLIENT_ID = "0b8e6a2c-4d8f-4f7e-9a57-1c2d3e4f5a6b"

_CASE_RECEIPT = {
    "entity_type": "case",
    "entity_id": _CASE_ID,
    "reason": "created_in_error",
    "case_ids": [_CASE_ID],
    "objects_deleted": 2,
    "rows": {"advice_debts": 3, "case_notes": 4, "cases": 1, "documents": 2, "tasks": 1},
    "erased_at": "2026-11-28T10:15:00+00:00",
}
_CLIENT_RECEIPT = {
    **_CASE_RECEIPT,
    "entity_type": "client",
    "entity_id": _CLIENT_ID,
    "reason": "data_subject_request",
    "rows": {**_CASE_RECEIPT["rows"], "clients": 1, "contact_consents": 1},  # type: ignore[dict-item]
}


class SubjectAccessExport(Struct):
    """Everything held about a client: the client's fields (decrypted) and, per case, the
    case's fields with its notes, tasks, debts, facts, budget, appraisals, offer plans,
    advice, letters, dated facts, deadlines, appointments, compliance findings, QA reviews,
    suggestions and documents (metadata and a short-lived ``download_url``). Each section
    is the stored record's fields as JSON (ids and dates as strings, money in pence)."""

    format: str
    """``cma-subject-access/1``."""
    generated_at: dt.datetime
    centre_id: uuid.UUID
    client: dict[str, Any]
    contact_consent: dict[str, Any] | None
    cases: list[dict[str, Any]]


_EXPORT_EXAMPLE = SubjectAccessExport(
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


def _receipt_spec(example: dict[str, Any], summary: str) -> dict[int, ResponseSpec]:
    return {
        200: ResponseSpec(
            data_container=ErasureOut,
            description="What was removed (ids and counts only)",
            examples=[Example(summary=summary, value=example)],
        )
    }


class CaseController(routes.CaseController):
    """The case routes plus deletion (one controller per path: Litestar 2.25 cannot merge
    two controllers' handlers on one path)."""

    @delete(
        "/{case_id:uuid}",
        guards=[requires(Permission.CASE_DELETE)],
        tags=["data protection"],
        status_code=200,
        summary="Delete a case and everything under it",
        description="Removes the case's notes, tasks, debts, budget, advice, offers, letters, "
        "facts, deadlines, appointments, reminders, compliance findings, documents **and "
        "their stored files**, suggestions and the outbox events naming it. Audited "
        "`case.deleted` with the reason and row counts. `If-Match` (the case's ETag) and "
        "`reason` are required; a retry after a failure part way finishes the job.",
        responses=_receipt_spec(_CASE_RECEIPT, "A case opened in error"),
    )
    async def delete_case(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        privacy: PrivacyService,
        reason: Reason = None,
        if_match: IfMatch = None,
    ) -> ErasureOut:
        expected = parse_if_match(if_match, required=True)
        report = await privacy.delete_case(
            ctx,
            CaseId(case_id),
            reason=parse_reason(reason),
            expected_version=expected,
        )
        return ErasureOut.of(report)


class ClientController(routes.ClientController):
    """The client routes plus erasure and the subject access export."""

    @delete(
        "/{client_id:uuid}",
        guards=[requires(Permission.CLIENT_ERASE)],
        tags=["data protection"],
        status_code=200,
        summary="Erase a client (right to erasure)",
        description="Erases every case of the client as `DELETE /api/v1/cases/{id}` does, "
        "then the client: every personal field, blind-index entries, contact consents and "
        "reminders. Audited `client.erased` (and `case.deleted` per case) with the reason "
        "and counts; audit entries themselves stay (ids and field names only). `If-Match` "
        "(the client's ETag) and `reason` are required. Safe to retry.",
        responses=_receipt_spec(_CLIENT_RECEIPT, "Erased at the client's request"),
    )
    async def erase_client(
        self,
        ctx: TenantContext,
        client_id: uuid.UUID,
        privacy: PrivacyService,
        reason: Reason = None,
        if_match: IfMatch = None,
    ) -> ErasureOut:
        expected = parse_if_match(if_match, required=True)
        report = await privacy.erase_client(
            ctx,
            ClientId(client_id),
            reason=parse_reason(reason),
            expected_version=expected,
        )
        return ErasureOut.of(report)

    @get(
        "/{client_id:uuid}/export",
        guards=[requires(Permission.CLIENT_EXPORT)],
        tags=["data protection"],
        summary="Everything held about a client (subject access request)",
        description="One JSON document: the client's fields (decrypted), and per case the "
        "notes (sensitive ones included), tasks, debts, financial facts, budget, "
        "appraisals, offers, advice, letters, facts, deadlines, appointments, compliance "
        "findings, QA reviews, suggestions and documents' metadata with a download link "
        "valid for 10 minutes. Needs `client:export`, `sensitive:read` and `finance:read`: "
        "a subject access copy must be complete, so a role that would get a partial one "
        "is refused. Audited `client.exported`.",
        responses={
            200: ResponseSpec(
                data_container=SubjectAccessExport,
                description="The subject access export",
                generate_examples=False,
                examples=[
                    JsonExample(
                        summary="A client with one case",
                        value=msgspec.to_builtins(_EXPORT_EXAMPLE),
                    )
                ],
            )
        },
    )
    async def export_client(
        self, ctx: TenantContext, client_id: uuid.UUID, privacy: PrivacyService
    ) -> Response[dict[str, Any]]:
        document = await privacy.export_client(ctx, ClientId(client_id))
        return Response(
            document,
            headers={
                "Content-Disposition": f'attachment; filename="client-{client_id}.json"',
                "Cache-Control": "no-store",
            },
        )


__all__ = ["CaseController", "ClientController"]
