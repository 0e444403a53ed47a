"""Controllers: parse, authorise, call a service, shape the response. Nothing else."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, get, patch, post
from litestar.openapi.spec import Example
from litestar.params import Body, Parameter

from cma_core.cases.model import CaseStatus
from cma_core.cases.service import CaseService, OpenCase, UpdateCase
from cma_core.clients.service import ClientService, RegisterClient, UpdateClient
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.identity.service import IdentityService
from cma_core.identity.session_service import SessionService
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId
from cma_core.tasks.model import TaskStatus
from cma_core.tasks.service import TaskService
from cma_entrypoints.http.auth import TokenCodec, issue_tokens, requires
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import with_example
from cma_entrypoints.http.common.params import (
    IfMatch,
    Limit,
    Offset,
    etag,
    parse_if_match,
    user_or_me,
)
from cma_entrypoints.http.common.schemas import (
    CASE_EXAMPLE,
    CLIENT_EXAMPLE,
    CLOSED_CASE_EXAMPLE,
    ME_EXAMPLE,
    NOTE_EXAMPLE,
    REOPENED_CASE_EXAMPLE,
    TASK_EXAMPLE,
    TOKEN_EXAMPLE,
    CaseIn,
    CaseOut,
    CasePage,
    CasePatch,
    ClientIn,
    ClientOut,
    ClientPage,
    ClientPatch,
    CloseIn,
    LoginIn,
    MeOut,
    NoteIn,
    NoteOut,
    NotePage,
    TaskOut,
    TaskPage,
    TokenOut,
)


class AuthController(Controller):
    path = "/api/v1/auth"
    tags = ["auth"]

    @post(
        "/login",
        exclude_from_auth=True,
        status_code=200,
        summary="Sign in and get an access token",
        operation_class=with_example(TOKEN_EXAMPLE, "An adviser"),
        description="The token is for one centre. A user of several centres names the "
        "centre with `centre_id`; otherwise the first centre is used.",
    )
    async def login(
        self,
        data: Annotated[
            LoginIn,
            Body(
                examples=[
                    Example(
                        summary="An adviser signs in",
                        value={
                            "email": "adviser@northside.example",
                            "password": "correct horse battery",
                        },
                    )
                ]
            ),
        ],
        identity: IdentityService,
        sessions: SessionService,
        codec: TokenCodec,
        request: Request[Any, Any, Any],
    ) -> TokenOut:
        signed = await identity.authenticate(
            data.email,
            data.password,
            centre_id=CentreId(data.centre_id) if data.centre_id else None,
            otp=data.otp,
            address=request.client.host if request.client else None,
        )
        return await issue_tokens(signed.context, codec, sessions)

    @get(
        "/me",
        summary="Who the token says you are",
        operation_class=with_example(ME_EXAMPLE, "An adviser"),
    )
    async def me(self, ctx: TenantContext) -> MeOut:
        return MeOut(
            user_id=ctx.user_id,
            centre_id=ctx.centre_id,
            roles=sorted(r.value for r in ctx.roles),
            permissions=sorted(p.value for p in ctx.permissions),
        )


class ClientController(Controller):
    path = "/api/v1/clients"
    tags = ["clients"]

    @post(
        "/",
        guards=[requires(Permission.CLIENT_WRITE)],
        summary="Register a client",
        operation_class=with_example(CLIENT_EXAMPLE, "Registered"),
    )
    async def create(
        self,
        ctx: TenantContext,
        data: Annotated[
            ClientIn,
            Body(
                examples=[
                    Example(
                        summary="A new client",
                        value={
                            "first_name": "Ann",
                            "last_name": "Lee",
                            "date_of_birth": "1984-03-02",
                            "email": "ann.lee@example.org",
                            "phone": "07700 900123",
                            "ni_number": "AB123456C",
                            "address": {"lines": ["1 High Street", "Leeds"], "postcode": "LS1 4AP"},
                        },
                    ),
                    Example(
                        summary="With vulnerabilities (needs sensitive:write)",
                        value={
                            "first_name": "Bea",
                            "last_name": "Khan",
                            "date_of_birth": "1979-11-20",
                            "address": {"lines": ["Flat 2", "Bradford"], "postcode": "BD1 1AA"},
                            "address_suppressed": True,
                            "address_suppression_reason": "domestic abuse: refuge address",
                            "vulnerabilities": ["domestic_abuse", "mental_health"],
                            "health_notes": "anxiety; prefers email",
                            "health_data_consent_at": "2026-11-28T10:00:00Z",
                        },
                    ),
                ]
            ),
        ],
        clients: ClientService,
    ) -> Response[ClientOut]:
        client = await clients.register(
            ctx,
            RegisterClient(
                first_name=data.first_name,
                last_name=data.last_name,
                date_of_birth=data.date_of_birth,
                email=data.email,
                phone=data.phone,
                ni_number=data.ni_number,
                details=data.details(),
            ),
        )
        return Response(
            ClientOut.of(client, sensitive=ctx.can(Permission.SENSITIVE_READ)),
            status_code=201,
            headers={**etag(client.version), "Location": f"/api/v1/clients/{client.id}"},
        )

    @get(
        "/",
        guards=[requires(Permission.CLIENT_READ)],
        summary="List clients",
        operation_class=with_example(ex.page(CLIENT_EXAMPLE), "One client"),
    )
    async def list_clients(
        self,
        ctx: TenantContext,
        clients: ClientService,
        limit: Limit = 50,
        offset: Offset = 0,
        name: Annotated[
            str | None, Parameter(max_length=200, description="Exact first or last name, any case.")
        ] = None,
    ) -> ClientPage:
        page = await clients.list(ctx, limit=limit, offset=offset, name=name)
        return ClientPage(
            items=[
                ClientOut.of(c, sensitive=ctx.can(Permission.SENSITIVE_READ)) for c in page.items
            ],
            total=page.total,
            limit=page.limit,
            offset=page.offset,
        )

    @get(
        "/{client_id:uuid}",
        guards=[requires(Permission.CLIENT_READ)],
        summary="A client",
        operation_class=with_example(CLIENT_EXAMPLE, "A client"),
    )
    async def get_client(
        self, ctx: TenantContext, client_id: uuid.UUID, clients: ClientService
    ) -> Response[ClientOut]:
        client = await clients.get(ctx, ClientId(client_id))
        return Response(
            ClientOut.of(client, sensitive=ctx.can(Permission.SENSITIVE_READ)),
            headers=etag(client.version),
        )

    @patch(
        "/{client_id:uuid}",
        guards=[requires(Permission.CLIENT_WRITE)],
        summary="Edit a client",
        operation_class=with_example(CLIENT_EXAMPLE, "New phone number"),
        description="Partial update: fields left out are not touched, `null` clears one. "
        "Send `If-Match` with the ETag you read; 412 if someone changed the client since, "
        "428 without it. Health, vulnerability and address-suppression fields (and the "
        "address of a client whose address is suppressed) need `sensitive:write` (403). "
        "Audited as `client.updated` with the names of the changed fields only.",
    )
    async def update_client(
        self,
        ctx: TenantContext,
        client_id: uuid.UUID,
        data: Annotated[
            ClientPatch,
            Body(
                examples=[
                    Example(summary="New phone number", value={"phone": "0113 496 0000"}),
                    Example(
                        summary="Suppress the address (needs sensitive:write)",
                        value={
                            "address_suppressed": True,
                            "address_suppression_reason": "domestic abuse: do not disclose",
                        },
                    ),
                ]
            ),
        ],
        clients: ClientService,
        if_match: IfMatch = None,
    ) -> Response[ClientOut]:
        expected = parse_if_match(if_match, required=True)
        client = await clients.update(
            ctx,
            ClientId(client_id),
            UpdateClient(expected_version=expected, changes=data.changes()),
        )
        return Response(
            ClientOut.of(client, sensitive=ctx.can(Permission.SENSITIVE_READ)),
            headers=etag(client.version),
        )


class CaseController(Controller):
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
            Body(
                examples=[
                    Example(
                        summary="Open a case",
                        value={"client_id": "0b8e6a2c-4d8f-4f7e-9a57-1c2d3e4f5a6b"},
                    )
                ]
            ),
        ],
        cases: CaseService,
    ) -> Response[CaseOut]:
        case = await cases.open(
            ctx,
            OpenCase(
                client_id=ClientId(data.client_id),
                adviser_id=UserId(data.adviser_id) if data.adviser_id else None,
            ),
        )
        return Response(
            CaseOut.of(case),
            status_code=201,
            headers={**etag(case.version), "Location": f"/api/v1/cases/{case.id}"},
        )

    @get(
        "/",
        guards=[requires(Permission.CASE_READ)],
        summary="List cases",
        operation_class=with_example(ex.page(CASE_EXAMPLE), "One open case"),
        description="Newest first. Roles without `case:read_all` see only their own cases.",
    )
    async def list_cases(
        self,
        ctx: TenantContext,
        cases: CaseService,
        limit: Limit = 50,
        offset: Offset = 0,
        status: CaseStatus | None = None,
        adviser_id: Annotated[
            str | None, Parameter(description='An adviser\'s user id, or "me".')
        ] = None,
        client_id: uuid.UUID | None = None,
    ) -> CasePage:
        page = await cases.list(
            ctx,
            limit=limit,
            offset=offset,
            status=status,
            adviser_id=user_or_me(ctx, adviser_id, "adviser_id"),
            client_id=ClientId(client_id) if client_id else None,
        )
        return CasePage(
            items=[CaseOut.of(c) for c in page.items],
            total=page.total,
            limit=page.limit,
            offset=page.offset,
        )

    @get(
        "/{case_id:uuid}",
        guards=[requires(Permission.CASE_READ)],
        summary="A case",
        operation_class=with_example(CASE_EXAMPLE, "An open case"),
    )
    async def get_case(
        self, ctx: TenantContext, case_id: uuid.UUID, cases: CaseService
    ) -> Response[CaseOut]:
        case = await cases.get(ctx, CaseId(case_id))
        return Response(CaseOut.of(case), headers=etag(case.version))

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
            Body(
                examples=[
                    Example(
                        summary="Assign an adviser",
                        value={"adviser_id": "5f0c2b1a-7d3e-4c9b-8a6f-2e1d0c9b8a7f"},
                    )
                ]
            ),
        ],
        cases: CaseService,
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
        return Response(CaseOut.of(case), headers=etag(case.version))

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
            Body(examples=[Example(summary="Advice given", value={"reason": "advice_complete"})]),
        ],
        cases: CaseService,
        if_match: IfMatch = None,
    ) -> Response[CaseOut]:
        case = await cases.close(
            ctx,
            CaseId(case_id),
            data.reason,
            expected_version=parse_if_match(if_match, required=False),
        )
        return Response(CaseOut.of(case), headers=etag(case.version))

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
        if_match: IfMatch = None,
    ) -> Response[CaseOut]:
        case = await cases.reopen(
            ctx,
            CaseId(case_id),
            expected_version=parse_if_match(if_match, required=False),
        )
        return Response(CaseOut.of(case), headers=etag(case.version))

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
            Body(
                examples=[
                    Example(
                        summary="A phone call",
                        value={"body": "Client called; sending bank statements."},
                    )
                ]
            ),
        ],
        cases: CaseService,
    ) -> Response[NoteOut]:
        note = await cases.add_note(ctx, CaseId(case_id), data.body, sensitive=data.sensitive)
        return Response(NoteOut.of(note), status_code=201)

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
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> NotePage:
        case = await cases.get(ctx, CaseId(case_id))
        notes = [n for n in case.notes if not n.sensitive or ctx.can(Permission.SENSITIVE_READ)]
        return NotePage(
            items=[NoteOut.of(n) for n in notes[offset : offset + limit]],
            total=len(notes),
            limit=limit,
            offset=offset,
        )


class TaskController(Controller):
    path = "/api/v1/tasks"
    tags = ["tasks"]

    @get(
        "/",
        guards=[requires(Permission.TASK_READ)],
        summary="The task queue",
        operation_class=with_example(ex.page(TASK_EXAMPLE), "One open task"),
        description="Soonest due first. `assignee=me` gives your own work queue.",
    )
    async def list_tasks(
        self,
        ctx: TenantContext,
        tasks: TaskService,
        limit: Limit = 50,
        offset: Offset = 0,
        assignee: Annotated[str | None, Parameter(description='A user id, or "me".')] = None,
        case_id: uuid.UUID | None = None,
        status: TaskStatus | None = None,
        due_before: dt.datetime | None = None,
    ) -> TaskPage:
        if due_before is not None and due_before.tzinfo is None:
            raise ValidationError("due_before", "must include a timezone, e.g. Z")
        page = await tasks.list(
            ctx,
            limit=limit,
            offset=offset,
            assignee_id=user_or_me(ctx, assignee, "assignee"),
            case_id=CaseId(case_id) if case_id else None,
            status=status,
            due_before=due_before,
        )
        return TaskPage(
            items=[TaskOut.of(t) for t in page.items],
            total=page.total,
            limit=page.limit,
            offset=page.offset,
        )
