"""A case's settlements (CR-19) and complaints (CR-24) over HTTP.

Edits take ``If-Match`` with the ETag read (428 without it, 412 when stale). Every change
is audited and re-evaluates the case's findings in the worker.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, Response, get, patch, post

from cma_core.casework.model import ComplaintKind
from cma_core.casework.registers import CaseRegisterService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.ids import CaseId
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.casework.register_schemas import (
    COMPLAINT,
    SETTLEMENT,
    ComplaintIn,
    ComplaintOut,
    ComplaintPage,
    ComplaintPatch,
    SettlementIn,
    SettlementOut,
    SettlementPage,
    SettlementPatch,
)
from cma_entrypoints.http.common.examples import example_body, page, with_example
from cma_entrypoints.http.common.params import Cursor, IfMatch, Limit, Offset, parse_if_match
from cma_entrypoints.http.common.responses import created, page_out, versioned

_CASE = "/{case_id:uuid}"


class CaseRegisterController(Controller):
    path = "/api/v1/cases"
    tags = ["casework"]

    # ----------------------------------------------------------------- settlements

    @get(
        f"{_CASE}/settlements",
        guards=[requires(Permission.CASE_READ)],
        summary="The case's full-and-final settlements, oldest first (CR-19)",
        operation_class=with_example(page(SETTLEMENT), "One settlement, accepted then paid"),
    )
    async def list_settlements(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        case_registers: CaseRegisterService,
        paid: bool | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
    ) -> SettlementPage:
        found = await case_registers.list_settlements(
            ctx, CaseId(case_id), paid=paid, limit=limit, offset=offset, cursor=cursor
        )
        return page_out(SettlementPage, SettlementOut.of, found)

    @post(
        f"{_CASE}/settlements",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Record a settlement of one of the case's debts",
        description="The amount agreed and, when they exist, the creditor's written "
        "acceptance (date and the document on the case holding it) and the payment. A "
        "payment recorded with no acceptance on file, or dated before it, is stored as "
        "given and fails CR-19 on the case's findings.",
        operation_class=with_example(SETTLEMENT, "Recorded"),
    )
    async def record_settlement(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            SettlementIn,
            example_body(
                "An offer accepted in writing",
                {
                    "debt_id": str(SETTLEMENT.debt_id),
                    "amount_pence": 60000,
                    "accepted_on": "2026-11-20",
                    "acceptance_document_id": str(SETTLEMENT.acceptance_document_id),
                },
            ),
        ],
        case_registers: CaseRegisterService,
    ) -> Response[SettlementOut]:
        s = await case_registers.record_settlement(ctx, CaseId(case_id), data.details())
        return created(
            SettlementOut.of(s), s.version, f"/api/v1/cases/{case_id}/settlements/{s.id}"
        )

    @get(
        f"{_CASE}/settlements/{{settlement_id:uuid}}",
        guards=[requires(Permission.CASE_READ)],
        summary="One settlement",
        operation_class=with_example(SETTLEMENT, "Accepted then paid"),
    )
    async def get_settlement(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        settlement_id: uuid.UUID,
        case_registers: CaseRegisterService,
    ) -> Response[SettlementOut]:
        s = await case_registers.get_settlement(ctx, CaseId(case_id), settlement_id)
        return versioned(SettlementOut.of(s), s.version)

    @patch(
        f"{_CASE}/settlements/{{settlement_id:uuid}}",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Record the acceptance or the payment, or correct a settlement (If-Match)",
        operation_class=with_example(SETTLEMENT, "Payment recorded"),
    )
    async def update_settlement(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        settlement_id: uuid.UUID,
        data: Annotated[
            SettlementPatch, example_body("The payment went out", {"paid_on": "2026-11-27"})
        ],
        case_registers: CaseRegisterService,
        if_match: IfMatch = None,
    ) -> Response[SettlementOut]:
        expected = parse_if_match(if_match, required=True)
        s = await case_registers.update_settlement(
            ctx, CaseId(case_id), settlement_id, data.changes(), expected_version=expected
        )
        return versioned(SettlementOut.of(s), s.version)

    # ----------------------------------------------------------------- complaints

    @get(
        f"{_CASE}/complaints",
        guards=[requires(Permission.CASE_READ)],
        summary="The case's complaints, by date received (CR-24)",
        operation_class=with_example(page(COMPLAINT), "One data-protection complaint"),
    )
    async def list_complaints(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        case_registers: CaseRegisterService,
        kind: ComplaintKind | None = None,
        open_only: bool = False,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
    ) -> ComplaintPage:
        found = await case_registers.list_complaints(
            ctx,
            CaseId(case_id),
            kind=kind,
            open_only=open_only,
            limit=limit,
            offset=offset,
            cursor=cursor,
        )
        return page_out(ComplaintPage, ComplaintOut.of, found)

    @post(
        f"{_CASE}/complaints",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Enter a complaint in the register",
        description="Limits (the centre's compliance policy): a final response within 56 "
        "days (DISP, 8 weeks); a data-protection complaint received from 19 June 2026 "
        "acknowledged within 30 days (Data (Use and Access) Act 2025).",
        operation_class=with_example(COMPLAINT, "Received"),
    )
    async def record_complaint(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            ComplaintIn,
            example_body(
                "A data-protection complaint",
                {
                    "kind": "data_protection",
                    "received_on": "2026-11-02",
                    "summary": "A letter about the case was sent to a former address.",
                },
            ),
        ],
        case_registers: CaseRegisterService,
    ) -> Response[ComplaintOut]:
        c = await case_registers.record_complaint(ctx, CaseId(case_id), data.details())
        return created(ComplaintOut.of(c), c.version, f"/api/v1/cases/{case_id}/complaints/{c.id}")

    @get(
        f"{_CASE}/complaints/{{complaint_id:uuid}}",
        guards=[requires(Permission.CASE_READ)],
        summary="One complaint",
        operation_class=with_example(COMPLAINT, "Acknowledged"),
    )
    async def get_complaint(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        complaint_id: uuid.UUID,
        case_registers: CaseRegisterService,
    ) -> Response[ComplaintOut]:
        c = await case_registers.get_complaint(ctx, CaseId(case_id), complaint_id)
        return versioned(ComplaintOut.of(c), c.version)

    @patch(
        f"{_CASE}/complaints/{{complaint_id:uuid}}",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Record the acknowledgement or final response, or correct (If-Match)",
        operation_class=with_example(COMPLAINT, "Acknowledged"),
    )
    async def update_complaint(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        complaint_id: uuid.UUID,
        data: Annotated[
            ComplaintPatch, example_body("Acknowledged", {"acknowledged_on": "2026-11-04"})
        ],
        case_registers: CaseRegisterService,
        if_match: IfMatch = None,
    ) -> Response[ComplaintOut]:
        expected = parse_if_match(if_match, required=True)
        c = await case_registers.update_complaint(
            ctx, CaseId(case_id), complaint_id, data.changes(), expected_version=expected
        )
        return versioned(ComplaintOut.of(c), c.version)
