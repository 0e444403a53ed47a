"""Clients over HTTP: register, list, read, edit, and erase (right to erasure)."""

from __future__ import annotations

import datetime as dt
import uuid
from functools import partial
from typing import Annotated

from litestar import Controller, Response, delete, get, patch, post
from litestar.openapi.spec import Example
from litestar.params import Body, Parameter

from cma_core.clients.lookup import ClientLookup
from cma_core.clients.service import ClientService, RegisterClient, UpdateClient
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.privacy.service import PrivacyService
from cma_core.shared.ids import ClientId
from cma_entrypoints.http.auth import RECENT_AUTH, requires
from cma_entrypoints.http.clients.examples import CLIENT_EXAMPLE
from cma_entrypoints.http.clients.schemas import ClientIn, ClientOut, ClientPage, ClientPatch
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import with_example
from cma_entrypoints.http.common.params import (
    SEARCH,
    Cursor,
    IfMatch,
    Limit,
    Offset,
    parse_if_match,
)
from cma_entrypoints.http.common.responses import created, page_out, versioned
from cma_entrypoints.http.common.schemas import LINE
from cma_entrypoints.http.privacy.controllers import erasure_receipt
from cma_entrypoints.http.privacy.examples import CLIENT_RECEIPT, receipt_spec
from cma_entrypoints.http.privacy.schemas import ErasureOut, Reason, RequestId


class ClientController(Controller):
    """Clients: register, list, read, edit, and erase (right to erasure)."""

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
        return created(
            ClientOut.of(client, sensitive=ctx.can(Permission.SENSITIVE_READ)),
            client.version,
            f"/api/v1/clients/{client.id}",
        )

    @get(
        "/",
        guards=[requires(Permission.CLIENT_READ)],
        summary="List or look up clients",
        operation_class=with_example(ex.page(CLIENT_EXAMPLE), "One client"),
        description="Newest first. With any of `name`, `postcode`, `dob`, `reference`, only "
        "the clients matching all of them: each word of `name` is a whole first or last "
        "name word, the start of a surname (3 or 4 letters) or sounds alike (4 letters or "
        "more: Smyth finds Smith); `postcode` is a full postcode or its outward code (LS1); "
        "`dob` a date of birth; `reference` a case reference of the client (C-000123 or "
        "123). Matched on keyed blind indexes, never plaintext (docs/CLIENT-LOOKUP.md).",
    )
    async def list_clients(
        self,
        ctx: TenantContext,
        clients: ClientService,
        limit: Limit = 50,
        offset: Offset = 0,
        name: Annotated[
            str | None,
            Parameter(**SEARCH, description="Whole, partial or sound-alike name words."),
        ] = None,
        postcode: Annotated[
            str | None,
            Parameter(max_length=10, pattern=LINE, description="A postcode or outward code."),
        ] = None,
        dob: Annotated[dt.date | None, Parameter(description="Date of birth.")] = None,
        reference: Annotated[
            str | None,
            Parameter(max_length=20, pattern=LINE, description="A case reference of the client."),
        ] = None,
        cursor: Cursor = None,
    ) -> ClientPage:
        if any(v not in (None, "") for v in (name, postcode, dob, reference)):
            query = ClientLookup.of(name=name, postcode=postcode, dob=dob, reference=reference)
            page = await clients.lookup(ctx, query, limit=limit, offset=offset, cursor=cursor)
        else:
            page = await clients.list(ctx, limit=limit, offset=offset, cursor=cursor)
        sensitive = ctx.can(Permission.SENSITIVE_READ)
        return page_out(ClientPage, partial(ClientOut.of, sensitive=sensitive), page)

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
        return versioned(
            ClientOut.of(client, sensitive=ctx.can(Permission.SENSITIVE_READ)), client.version
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
        return versioned(
            ClientOut.of(client, sensitive=ctx.can(Permission.SENSITIVE_READ)), client.version
        )

    @delete(
        "/{client_id:uuid}",
        guards=[requires(Permission.CLIENT_ERASE), RECENT_AUTH],
        tags=["data protection"],
        status_code=200,
        summary="Erase a client (right to erasure)",
        description="Erases every case of the client as `DELETE /api/v1/cases/{id}` does, "
        "then the client: every personal field, blind-index entries, contact consents and "
        "reminders. Audited `client.erased` (and `case.deleted` per case) with the reason "
        "and counts; audit entries themselves stay (ids and field names only). `If-Match` "
        "(the client's ETag) and `reason` are required. Safe to retry. With `request_id` (an "
        "erasure request of the client in the register) the request is answered; a legal "
        "hold on the client or one of its cases refuses the erasure (409).",
        responses=receipt_spec(CLIENT_RECEIPT, "Erased at the client's request"),
    )
    async def erase_client(
        self,
        ctx: TenantContext,
        client_id: uuid.UUID,
        privacy: PrivacyService,
        reason: Reason = None,
        if_match: IfMatch = None,
        request_id: RequestId = None,
    ) -> ErasureOut:
        return await erasure_receipt(
            privacy.erase_client, ctx, ClientId(client_id), reason, if_match, request_id=request_id
        )
