"""Budgets over HTTP: a case's SFS budget with its spending-guideline checks, and SFS
import and export (SFS-DDS v1.1)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, get, post, put

from cma_core.budgets.model import Budget
from cma_core.budgets.ports import SfsFormat, SfsStatementDetails
from cma_core.budgets.service import BudgetService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.data import from_data
from cma_core.shared.ids import CaseId
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.budgets.examples import BUDGET_EXAMPLE
from cma_entrypoints.http.budgets.schemas import BudgetIn, budget_out
from cma_entrypoints.http.common import data_shapes as shapes
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.data_shapes import documented
from cma_entrypoints.http.common.examples import example_body
from cma_entrypoints.http.common.input import decode_json_body
from cma_entrypoints.http.common.params import (
    IfMatch,
    parse_if_match,
)
from cma_entrypoints.http.common.responses import versioned


class BudgetController(Controller):
    """A case's SFS budget, and SFS import and export."""

    path = "/api/v1/cases/{case_id:uuid}"
    tags = ["debt advice"]

    @get(
        "/budget",
        guards=[requires(Permission.FINANCE_READ)],
        summary="The SFS budget",
        responses=documented(200, shapes.BudgetOut, "budget", "A small budget"),
    )
    async def get_budget(
        self, ctx: TenantContext, case_id: uuid.UUID, budgets: BudgetService
    ) -> Response[dict[str, Any]]:
        view = await budgets.get(ctx, CaseId(case_id))
        return versioned(budget_out(view), view.record.version)

    @put(
        "/budget",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Replace the SFS budget",
        responses=documented(200, shapes.BudgetOut, "budget", "A small budget"),
        description="Amounts as paid with their `frequency` (weekly, fortnightly, "
        "four_weekly, monthly, quarterly, yearly); the summary shows monthly figures, each "
        "line converted exactly and rounded half up to the penny. `complete: true` dates "
        "the SFS and needs a note on every category above its spending guideline.",
    )
    async def put_budget(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[BudgetIn, example_body("A small budget", BUDGET_EXAMPLE)],
        budgets: BudgetService,
        if_match: IfMatch = None,
    ) -> Response[dict[str, Any]]:
        expected = parse_if_match(if_match, required=True)
        raw = msgspec.to_builtins(data)
        details = raw.pop("details", None)
        complete = raw.pop("complete", False)
        raw["lines"] = {k: {"key": k, **v} for k, v in raw.get("lines", {}).items()}
        budget = from_data(Budget, raw)
        view = await budgets.put(
            ctx,
            CaseId(case_id),
            budget,
            details=from_data(SfsStatementDetails, details, "details") if details else None,
            complete=complete,
            expected_version=expected,
        )
        return versioned(budget_out(view), view.record.version)

    @get(
        "/sfs",
        guards=[requires(Permission.FINANCE_READ)],
        summary="Export the SFS (SFS-DDS v1.1 data entry)",
        description="`format=json|xml`; validated against the published schema first.",
        operation_class=ex.binary_response(
            200,
            "The SFS-DDS v1.1 data entry document, as an attachment",
            {
                "application/json": "format=json: the SFS data entry document (JSON)",
                "application/xml": "format=xml: the SFS data entry document (XML)",
            },
        ),
    )
    async def export_sfs(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        budgets: BudgetService,
        format: SfsFormat = SfsFormat.JSON,
    ) -> Response[bytes]:
        data = await budgets.export_sfs(ctx, CaseId(case_id), format)
        media = "application/json" if format is SfsFormat.JSON else "application/xml"
        return Response(
            data,
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="sfs-{case_id}.{format.value}"'},
        )

    @post(
        "/sfs",
        guards=[requires(Permission.FINANCE_WRITE)],
        status_code=200,
        summary="Import an SFS document (replaces the budget)",
        responses=documented(200, shapes.BudgetOut, "budget", "The imported budget"),
        operation_class=ex.raw_request_body(
            "An SFS data entry document (SFS-DDS v1.1) as another agency or tool exported it",
            {
                "application/json": "the SFS data entry document (JSON)",
                "application/xml": "the SFS data entry document (XML)",
            },
        ),
        description="Body: the document; `format=json|xml` (default from Content-Type). "
        '`If-Match` with the budget\'s ETag (`"0"` while the case has no budget yet). '
        "Replaces the budget's lines, household and details with the document's; a "
        "document that is not SFS, or not valid against the published schema, is a 422 "
        "naming what is wrong, and nothing is changed.",
    )
    async def import_sfs(
        self,
        request: Request[Any, Any, Any],
        ctx: TenantContext,
        case_id: uuid.UUID,
        budgets: BudgetService,
        format: SfsFormat | None = None,
        if_match: IfMatch = None,
    ) -> Response[dict[str, Any]]:
        expected = parse_if_match(if_match, required=True)
        body = await request.body()
        fmt = format or (
            SfsFormat.XML if "xml" in request.headers.get("content-type", "") else SfsFormat.JSON
        )
        if fmt is SfsFormat.JSON:
            decode_json_body(body)  # the size and depth limits every JSON body has
        view = await budgets.import_sfs(ctx, CaseId(case_id), body, fmt, expected_version=expected)
        return versioned(budget_out(view), view.record.version)
