"""Data protection routes: the subject access export of a client.

Deleting a case and erasing a client are the ``DELETE`` routes of ``CaseController`` and
``ClientController`` (Litestar keeps every method of one path in one controller); their
receipt shape and examples live here in ``schemas`` and ``examples``.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import msgspec
from litestar import Controller, Response, get
from litestar.openapi.datastructures import ResponseSpec

from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.privacy.service import ErasureReport, PrivacyService, parse_reason
from cma_core.shared.ids import ClientId
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common.examples import JsonExample
from cma_entrypoints.http.common.params import parse_if_match
from cma_entrypoints.http.privacy.examples import EXPORT_EXAMPLE
from cma_entrypoints.http.privacy.schemas import ErasureOut, RequestId, SubjectAccessExport


async def erasure_receipt(
    erase: Callable[..., Awaitable[ErasureReport]],
    ctx: TenantContext,
    entity_id: uuid.UUID,
    reason: str | None,
    if_match: str | None,
    **more: Any,
) -> ErasureOut:
    """Delete a case or erase a client (``erase``): ``If-Match`` and a reason code are
    required; the answer is the receipt."""
    expected = parse_if_match(if_match, required=True)
    report = await erase(
        ctx, entity_id, reason=parse_reason(reason), expected_version=expected, **more
    )
    return ErasureOut.of(report)


class SubjectAccessController(Controller):
    """A client's subject access export (the erasure routes live on the case and client
    controllers: Litestar keeps all the methods of one path in one controller)."""

    path = "/api/v1/clients"
    tags = ["clients"]

    @get(
        "/{client_id:uuid}/export",
        guards=[requires(Permission.CLIENT_EXPORT)],
        tags=["data protection"],
        summary="Everything held about a client (subject access request)",
        description="One JSON document: the client's fields (decrypted), and per case the "
        "notes (sensitive ones included), tasks, debts, financial facts, budget, "
        "appraisals, offers, advice, letters, facts, deadlines, appointments, compliance "
        "findings, QA reviews, contact log, first-contact checklist, screenings, credit reports, "
        "eligibility decisions, settlements, complaints, the client's data-subject requests "
        "and legal holds, suggestions and documents' metadata with a download link "
        "valid for 10 minutes. Needs `client:export`, `sensitive:read` and `finance:read`: "
        "a subject access copy must be complete, so a role that would get a partial one "
        "is refused. Audited `client.exported`. With `request_id` (an access or portability "
        "request of this client in the register) the request is marked answered today.",
        responses={
            200: ResponseSpec(
                data_container=SubjectAccessExport,
                description="The subject access export",
                generate_examples=False,
                examples=[
                    JsonExample(
                        summary="A client with one case",
                        value=msgspec.to_builtins(EXPORT_EXAMPLE),
                    )
                ],
            )
        },
    )
    async def export_client(
        self,
        ctx: TenantContext,
        client_id: uuid.UUID,
        privacy: PrivacyService,
        request_id: RequestId = None,
    ) -> Response[dict[str, Any]]:
        document = await privacy.export_client(ctx, ClientId(client_id), request_id=request_id)
        return Response(
            document,
            headers={
                "Content-Disposition": f'attachment; filename="client-{client_id}.json"',
                "Cache-Control": "no-store",
            },
        )
