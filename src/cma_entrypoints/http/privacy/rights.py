"""The register of data-subject requests (CR-23) and legal holds over HTTP.

A request's due date follows UK-DEBT-ADVICE §7 in the centre's working calendar; the
subject access export (``GET /clients/{id}/export?request_id=``) and the client erasure
(``DELETE /clients/{id}?request_id=``) answer a registered request. A legal hold keeps a
case or client from erasure and from the retention run until released.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, Response, get, patch, post

from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.privacy.requests import RequestKind
from cma_core.privacy.rights import DataRightsService
from cma_core.shared.ids import CaseId, ClientId
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common.examples import example_body, page, with_example
from cma_entrypoints.http.common.params import Cursor, IfMatch, Limit, Offset, parse_if_match
from cma_entrypoints.http.common.responses import created, page_out, versioned
from cma_entrypoints.http.privacy.rights_schemas import (
    HOLD,
    REQUEST,
    HoldIn,
    HoldOut,
    HoldPage,
    RequestIn,
    RequestOut,
    RequestPage,
    RequestPatch,
)


class DataSubjectRequestController(Controller):
    path = "/api/v1/data-subject-requests"
    tags = ["data protection"]

    @get(
        "/",
        guards=[requires(Permission.CLIENT_EXPORT)],
        summary="The register of data-subject requests, by date received, with due dates",
        operation_class=with_example(page(REQUEST), "One open access request"),
    )
    async def list_requests(
        self,
        ctx: TenantContext,
        data_rights: DataRightsService,
        client_id: uuid.UUID | None = None,
        kind: RequestKind | None = None,
        open_only: bool = False,
        overdue: bool | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
    ) -> RequestPage:
        found = await data_rights.list_requests(
            ctx,
            cursor=cursor,
            client_id=ClientId(client_id) if client_id else None,
            kind=kind,
            open_only=open_only,
            overdue=overdue,
            limit=limit,
            offset=offset,
        )
        return page_out(RequestPage, RequestOut.of, found)

    @post(
        "/",
        guards=[requires(Permission.CLIENT_EXPORT)],
        summary="Register a data-subject request (access, erasure, rectification…)",
        description="Due one calendar month from the day the clock started (receipt, or "
        "the later day identity evidence or clarification arrived), to the same date "
        "(the month's last day if none), then the next working day; three months if "
        "extended and the requester was told within the first month (UK GDPR Art 12(3); "
        "ICO). Re-evaluates CR-23 on every case of the client.",
        operation_class=with_example(REQUEST, "Registered"),
    )
    async def record_request(
        self,
        ctx: TenantContext,
        data: Annotated[
            RequestIn,
            example_body(
                "A subject access request by email",
                {
                    "client_id": str(REQUEST.client_id),
                    "kind": "access",
                    "received_on": "2026-11-02",
                },
            ),
        ],
        data_rights: DataRightsService,
    ) -> Response[RequestOut]:
        due = await data_rights.record_request(ctx, ClientId(data.client_id), data.details())
        r = due.request
        return created(RequestOut.of(due), r.version, f"/api/v1/data-subject-requests/{r.id}")

    @get(
        "/{request_id:uuid}",
        guards=[requires(Permission.CLIENT_EXPORT)],
        summary="One data-subject request",
        operation_class=with_example(REQUEST, "Open"),
    )
    async def get_request(
        self, ctx: TenantContext, request_id: uuid.UUID, data_rights: DataRightsService
    ) -> Response[RequestOut]:
        due = await data_rights.get_request(ctx, request_id)
        return versioned(RequestOut.of(due), due.request.version)

    @patch(
        "/{request_id:uuid}",
        guards=[requires(Permission.CLIENT_EXPORT)],
        summary="Record the clock start, an extension or the answer (If-Match)",
        operation_class=with_example(REQUEST, "Updated"),
    )
    async def update_request(
        self,
        ctx: TenantContext,
        request_id: uuid.UUID,
        data: Annotated[
            RequestPatch,
            example_body(
                "Extended: complex request, requester told",
                {"extended": True, "extension_notified_on": "2026-11-20"},
            ),
        ],
        data_rights: DataRightsService,
        if_match: IfMatch = None,
    ) -> Response[RequestOut]:
        expected = parse_if_match(if_match, required=True)
        due = await data_rights.update_request(
            ctx, request_id, data.changes(), expected_version=expected
        )
        return versioned(RequestOut.of(due), due.request.version)


class LegalHoldController(Controller):
    path = "/api/v1/legal-holds"
    tags = ["data protection"]

    @get(
        "/",
        guards=[requires(Permission.CASE_READ_ALL)],
        summary="Legal holds, oldest first",
        operation_class=with_example(page(HOLD), "A case held for a complaint"),
    )
    async def list_holds(
        self,
        ctx: TenantContext,
        data_rights: DataRightsService,
        active_only: bool = False,
        case_id: uuid.UUID | None = None,
        client_id: uuid.UUID | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
    ) -> HoldPage:
        found = await data_rights.list_holds(
            ctx,
            cursor=cursor,
            active_only=active_only,
            case_id=CaseId(case_id) if case_id else None,
            client_id=ClientId(client_id) if client_id else None,
            limit=limit,
            offset=offset,
        )
        return page_out(HoldPage, HoldOut.of, found)

    @post(
        "/",
        guards=[requires(Permission.CASE_DELETE)],
        summary="Hold a case or a client back from erasure and retention",
        description="Exactly one of `case_id` and `client_id`. A hold on a client covers "
        "all the client's cases. While held, deleting or erasing is refused (409) and the "
        "retention run skips it; CR-22 accepts a retention date beyond policy.",
        operation_class=with_example(HOLD, "Placed"),
    )
    async def place_hold(
        self,
        ctx: TenantContext,
        data: Annotated[
            HoldIn,
            example_body(
                "A complaint with the Ombudsman",
                {"case_id": str(HOLD.case_id), "reason": "complaint"},
            ),
        ],
        data_rights: DataRightsService,
    ) -> Response[HoldOut]:
        hold = await data_rights.place_hold(
            ctx,
            case_id=CaseId(data.case_id) if data.case_id else None,
            client_id=ClientId(data.client_id) if data.client_id else None,
            reason=data.reason,
            note=data.note,
        )
        return created(HoldOut.of(hold), hold.version, f"/api/v1/legal-holds/{hold.id}")

    @get(
        "/{hold_id:uuid}",
        guards=[requires(Permission.CASE_READ_ALL)],
        summary="One legal hold",
        operation_class=with_example(HOLD, "Active"),
    )
    async def get_hold(
        self, ctx: TenantContext, hold_id: uuid.UUID, data_rights: DataRightsService
    ) -> Response[HoldOut]:
        hold = await data_rights.get_hold(ctx, hold_id)
        return versioned(HoldOut.of(hold), hold.version)

    @post(
        "/{hold_id:uuid}/release",
        guards=[requires(Permission.CASE_DELETE)],
        status_code=200,
        summary="Release a legal hold (If-Match)",
        operation_class=with_example(HOLD, "Released"),
    )
    async def release_hold(
        self,
        ctx: TenantContext,
        hold_id: uuid.UUID,
        data_rights: DataRightsService,
        if_match: IfMatch = None,
    ) -> Response[HoldOut]:
        expected = parse_if_match(if_match, required=True)
        hold = await data_rights.release_hold(ctx, hold_id, expected_version=expected)
        return versioned(HoldOut.of(hold), hold.version)
