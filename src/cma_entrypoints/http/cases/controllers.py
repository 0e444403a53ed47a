"""Cases over HTTP: open, list, read, edit, close, reopen and delete a case; its notes.

Controllers parse, authorise, call a service and shape the response. Nothing else."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

import msgspec
from litestar import Controller, Response, delete, get, patch, post
from litestar.params import Parameter

from cma_core.cases.model import Case, CaseStatus
from cma_core.cases.service import CaseService, OpenCase, UpdateCase
from cma_core.clients.service import ClientService
from cma_core.identity.directory import StaffDirectory
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.privacy.service import PrivacyService
from cma_core.readmodels.service import CaseListQuery
from cma_core.shared.ids import CaseId, ClientId, UserId
from cma_entrypoints.http.auth import RECENT_AUTH, requires
from cma_entrypoints.http.cases.examples import (
    CASE_EXAMPLE,
    CLOSED_CASE_EXAMPLE,
    NOTE_EXAMPLE,
    REOPENED_CASE_EXAMPLE,
)
from cma_entrypoints.http.cases.listing import (
    CASE_LIST_EXAMPLE,
    LIST_HEADERS,
    CaseListItemOut,
    CaseListPage,
    ConsistencyToken,
    RecentWrites,
    read_headers,
)
from cma_entrypoints.http.cases.schemas import (
    CaseIn,
    CaseOut,
    CasePatch,
    CloseIn,
    NoteIn,
    NoteOut,
    NotePage,
)
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import example_body, with_example
from cma_entrypoints.http.common.params import (
    USER_OR_ME,
    Cursor,
    IfMatch,
    Limit,
    Offset,
    parse_if_match,
    user_or_me,
)
from cma_entrypoints.http.common.responses import (
    created,
    page_out,
    slice_out,
    versioned,
)
from cma_entrypoints.http.privacy.controllers import erasure_receipt
from cma_entrypoints.http.privacy.examples import CASE_RECEIPT, receipt_spec
from cma_entrypoints.http.privacy.schemas import ErasureOut, Reason


async def _named(
    case: Case, ctx: TenantContext, directory: StaffDirectory, clients: ClientService
) -> Response[CaseOut]:
    """The case with its adviser's and client's names, as every answer carries them."""
    staff = await directory.names(ctx)
    names = await clients.display_names(ctx, [case.client_id])
    return versioned(CaseOut.of(case, staff, names), case.version)


class CaseController(Controller):
    """Cases, their notes, and deleting a case with everything under it."""

    path = "/api/v1/cases"
    tags = ["cases"]

    @post(
        "/",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Open a case for a client",
        operation_class=with_example(CASE_EXAMPLE, "Opened"),
    )
    async def create(
        self,
        ctx: TenantContext,
        data: Annotated[
            CaseIn,
            example_body("Open a case", {"client_id": "0b8e6a2c-4d8f-4f7e-9a57-1c2d3e4f5a6b"}),
        ],
        cases: CaseService,
        directory: StaffDirectory,
        clients: ClientService,
    ) -> Response[CaseOut]:
        case = await cases.open(
            ctx,
            OpenCase(
                client_id=ClientId(data.client_id),
                adviser_id=UserId(data.adviser_id) if data.adviser_id else None,
            ),
        )
        named = await _named(case, ctx, directory, clients)
        return created(named.content, case.version, f"/api/v1/cases/{case.id}")

    @get(
        "/",
        guards=[requires(Permission.CASE_READ)],
        summary="List cases",
        operation_class=with_example(ex.page(CASE_LIST_EXAMPLE), "One open case"),
        response_headers=LIST_HEADERS,
        description="Newest first, from the case list read model (docs/READ-MODELS.md). "
        "Roles without `case:read_all` see only their own cases. Page deep with `cursor` "
        "(each page's `next_cursor`); `offset` stops at 10,000. Send a write answer's "
        "`X-CMA-Consistency-Token` to see that write (read-your-writes).",
    )
    async def list_cases(
        self,
        ctx: TenantContext,
        case_list: CaseListQuery,
        recent_writes: RecentWrites,
        directory: StaffDirectory,
        limit: Limit = 50,
        offset: Offset = 0,
        status: CaseStatus | None = None,
        adviser_id: Annotated[
            str | None,
            Parameter(
                max_length=36, pattern=USER_OR_ME, description='An adviser\'s user id, or "me".'
            ),
        ] = None,
        client_id: uuid.UUID | None = None,
        cursor: Cursor = None,
        consistency: ConsistencyToken = None,
    ) -> Response[CaseListPage]:
        page, version = await case_list.list(
            ctx,
            limit=limit,
            offset=offset,
            cursor=cursor,
            status=status,
            adviser_id=user_or_me(ctx, adviser_id, "adviser_id"),
            client_id=ClientId(client_id) if client_id else None,
            written_at=recent_writes.written_at(ctx, consistency),
        )
        staff = await directory.names(ctx)
        body = page_out(CaseListPage, lambda r: CaseListItemOut.of(r, staff), page)
        return Response(body, headers=read_headers(version))

    @get(
        "/{case_id:uuid}",
        guards=[requires(Permission.CASE_READ)],
        summary="A case",
        operation_class=with_example(CASE_EXAMPLE, "An open case"),
    )
    async def get_case(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        cases: CaseService,
        directory: StaffDirectory,
    ) -> Response[CaseOut]:
        case, client_name = await cases.view(ctx, CaseId(case_id))
        named = [case.adviser_id, *(n.author_id for n in case.notes)]
        staff = await directory.names(ctx, ids=named)
        names = {case.client_id: client_name} if client_name is not None else {}
        return versioned(CaseOut.of(case, staff, names), case.version)

    @patch(
        "/{case_id:uuid}",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Edit a case",
        operation_class=with_example(CASE_EXAMPLE, "Adviser assigned"),
        description="Send `If-Match` with the ETag you read; 412 if someone changed the "
        "case since, 428 without it.",
    )
    async def update_case(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            CasePatch,
            example_body(
                "Assign an adviser", {"adviser_id": "5f0c2b1a-7d3e-4c9b-8a6f-2e1d0c9b8a7f"}
            ),
        ],
        cases: CaseService,
        directory: StaffDirectory,
        clients: ClientService,
        if_match: IfMatch = None,
    ) -> Response[CaseOut]:
        expected = parse_if_match(if_match, required=True)
        adviser: object = UpdateCase.UNCHANGED
        if data.adviser_id is not msgspec.UNSET:
            adviser = UserId(data.adviser_id) if data.adviser_id else None
        case = await cases.update(
            ctx,
            CaseId(case_id),
            UpdateCase(expected_version=expected, adviser_id=adviser),
        )
        return await _named(case, ctx, directory, clients)

    @delete(
        "/{case_id:uuid}",
        guards=[requires(Permission.CASE_DELETE), RECENT_AUTH],
        tags=["data protection"],
        status_code=200,
        summary="Delete a case and everything under it",
        description="Removes the case's notes, tasks, debts, budget, advice, offers, letters, "
        "facts, deadlines, appointments, reminders, compliance findings, documents **and "
        "their stored files**, suggestions and the outbox events naming it. Audited "
        "`case.deleted` with the reason and row counts. `If-Match` (the case's ETag) and "
        "`reason` are required; a retry after a failure part way finishes the job.",
        responses=receipt_spec(CASE_RECEIPT, "A case opened in error"),
    )
    async def delete_case(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        privacy: PrivacyService,
        reason: Reason = None,
        if_match: IfMatch = None,
    ) -> ErasureOut:
        return await erasure_receipt(privacy.delete_case, ctx, CaseId(case_id), reason, if_match)

    @post(
        "/{case_id:uuid}/close",
        guards=[requires(Permission.CASE_CLOSE)],
        status_code=200,
        summary="Close a case",
        operation_class=with_example(CLOSED_CASE_EXAMPLE, "Advice given"),
    )
    async def close_case(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            CloseIn,
            example_body("Advice given", {"reason": "advice_complete"}),
        ],
        cases: CaseService,
        directory: StaffDirectory,
        clients: ClientService,
        if_match: IfMatch = None,
    ) -> Response[CaseOut]:
        expected = parse_if_match(if_match, required=True)
        case = await cases.close(ctx, CaseId(case_id), data.reason, expected_version=expected)
        return await _named(case, ctx, directory, clients)

    @post(
        "/{case_id:uuid}/reopen",
        guards=[requires(Permission.CASE_CLOSE)],
        status_code=200,
        summary="Reopen a closed case",
        operation_class=with_example(REOPENED_CASE_EXAMPLE, "Open again"),
    )
    async def reopen_case(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        cases: CaseService,
        directory: StaffDirectory,
        clients: ClientService,
        if_match: IfMatch = None,
    ) -> Response[CaseOut]:
        expected = parse_if_match(if_match, required=True)
        case = await cases.reopen(ctx, CaseId(case_id), expected_version=expected)
        return await _named(case, ctx, directory, clients)

    @post(
        "/{case_id:uuid}/notes",
        guards=[requires(Permission.NOTE_WRITE)],
        summary="Add a note to a case",
        operation_class=with_example(NOTE_EXAMPLE, "A phone call"),
    )
    async def add_note(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            NoteIn,
            example_body("A phone call", {"body": "Client called; sending bank statements."}),
        ],
        cases: CaseService,
        directory: StaffDirectory,
    ) -> Response[NoteOut]:
        note = await cases.add_note(ctx, CaseId(case_id), data.body, sensitive=data.sensitive)
        return Response(NoteOut.of(note, await directory.names(ctx)), status_code=201)

    @get(
        "/{case_id:uuid}/notes",
        guards=[requires(Permission.CASE_READ)],
        summary="A case's notes, oldest first",
        operation_class=with_example(ex.page(NOTE_EXAMPLE), "One note"),
    )
    async def list_notes(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        cases: CaseService,
        directory: StaffDirectory,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
    ) -> NotePage:
        case = await cases.get(ctx, CaseId(case_id))
        notes = [n for n in case.notes if not n.sensitive or ctx.can(Permission.SENSITIVE_READ)]
        staff = await directory.names(ctx)
        return slice_out(
            NotePage,
            lambda n: NoteOut.of(n, staff),
            notes,
            limit,
            offset,
            cursor=cursor,
            key=lambda n: (n.created_at, n.id),
            kinds=(dt.datetime, uuid.UUID),
        )
