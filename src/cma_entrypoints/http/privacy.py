"""Data protection routes: delete a case, erase a client, export what is held on a client.

The erasure routes answer ``200`` with a receipt (ids and counts, nothing personal) rather
than ``204``: a data controller files it with the request it answered.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from litestar import Request, Response, delete, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.params import Parameter
from msgspec import Struct

from cma_core.identity.permissions import Permission
from cma_core.services.privacy import (
    ErasureReason,
    ErasureReport,
    PrivacyService,
    parse_reason,
)
from cma_core.shared.ids import CaseId, ClientId
from cma_entrypoints.http import routes
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.routes import IfMatch, ctx_of, parse_if_match

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
_EXPORT_EXAMPLE = {
    "format": "cma-subject-access/1",
    "generated_at": "2026-11-28T10:15:00+00:00",
    "centre_id": "2d6f4e1a-0c9b-4a8e-b7d6-5c4b3a291807",
    "client": {
        "id": _CLIENT_ID,
        "first_name": "Ann",
        "last_name": "Lee",
        "date_of_birth": "1984-03-02",
        "email": "ann.lee@example.org",
        "phone": "07700 900123",
        "ni_number": "AB123456C",
        "version": 2,
    },
    "contact_consent": {"email": True, "sms": False},
    "cases": [
        {
            "id": _CASE_ID,
            "reference": "C-000012",
            "status": "open",
            "notes": [{"body": "First meeting; brought 6 letters.", "sensitive": False}],
            "tasks": [],
            "debts": [{"debt": {"creditor_id": "…", "balance": 123456}}],
            "budget": None,
            "advice": [],
            "appointments": [],
            "deadlines": [],
            "documents": [
                {
                    "id": "3c2b1a09-8f7e-4d6c-b5a4-93827160fedc",
                    "filename": "lowell-letter.pdf",
                    "content_type": "application/pdf",
                    "download_url": "https://…/centres/…/documents/…/original?X-Amz-Expires=600",
                    "download_expires_at": "2026-11-28T10:25:00+00:00",
                }
            ],
        }
    ],
}


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
        request: Request[Any, Any, Any],
        case_id: uuid.UUID,
        privacy: PrivacyService,
        reason: Reason = None,
        if_match: IfMatch = None,
    ) -> ErasureOut:
        expected = parse_if_match(if_match, required=True)
        report = await privacy.delete_case(
            ctx_of(request),
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
        request: Request[Any, Any, Any],
        client_id: uuid.UUID,
        privacy: PrivacyService,
        reason: Reason = None,
        if_match: IfMatch = None,
    ) -> ErasureOut:
        expected = parse_if_match(if_match, required=True)
        report = await privacy.erase_client(
            ctx_of(request),
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
                data_container=dict[str, Any],
                description="The subject access export",
                examples=[Example(summary="A client with one case", value=_EXPORT_EXAMPLE)],
            )
        },
    )
    async def export_client(
        self, request: Request[Any, Any, Any], client_id: uuid.UUID, privacy: PrivacyService
    ) -> Response[dict[str, Any]]:
        document = await privacy.export_client(ctx_of(request), ClientId(client_id))
        return Response(
            document,
            headers={
                "Content-Disposition": f'attachment; filename="client-{client_id}.json"',
                "Cache-Control": "no-store",
            },
        )


__all__ = ["CaseController", "ClientController"]
