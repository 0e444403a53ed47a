"""Solutions over HTTP: the options appraisal of a case and its offer plans (priority
debts first, then pro rata)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from litestar import Controller, Response, get, post

from cma_core.debts.model import (
    DebtId,
)
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.data import to_data
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money
from cma_core.solutions.service import AppraisalService
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common import data_shapes as shapes
from cma_entrypoints.http.common.data_shapes import documented
from cma_entrypoints.http.common.examples import example_body
from cma_entrypoints.http.common.params import (
    Limit,
    Offset,
)
from cma_entrypoints.http.common.responses import created, slice_out, versioned
from cma_entrypoints.http.solutions.schemas import OffersIn


class AppraisalController(Controller):
    """Options appraisals (eligibility on a date) and offer plans."""

    path = "/api/v1/cases/{case_id:uuid}"
    tags = ["debt advice"]

    @get(
        "/options",
        guards=[requires(Permission.FINANCE_READ)],
        summary="Options appraisal on a date, in a jurisdiction",
        responses=documented(200, shapes.AppraisalOut, "appraisal", "Every option in EW"),
        description="Every option of the jurisdiction: eligible, not_eligible or "
        "adviser_judgement, each reason with its rule id and the threshold in force on the "
        "date. `jurisdiction` defaults to the case's facts; `date` to today.",
    )
    async def options(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        appraisals: AppraisalService,
        date: dt.date | None = None,
        jurisdiction: Jurisdiction | None = None,
    ) -> dict[str, Any]:
        result = await appraisals.options(
            ctx, CaseId(case_id), on_date=date, jurisdiction=jurisdiction
        )
        out: dict[str, Any] = to_data(result)
        return out

    @post(
        "/options",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Save an options appraisal (the facts as they are now, on a date)",
        responses=documented(201, shapes.AppraisalRecordOut, "saved_appraisal", "Saved"),
    )
    async def save_options(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        appraisals: AppraisalService,
        date: dt.date | None = None,
        jurisdiction: Jurisdiction | None = None,
    ) -> Response[dict[str, Any]]:
        record = await appraisals.save_appraisal(
            ctx, CaseId(case_id), on_date=date, jurisdiction=jurisdiction
        )
        return created(to_data(record), record.version, f"/api/v1/cases/{case_id}/appraisals")

    @get(
        "/appraisals",
        guards=[requires(Permission.FINANCE_READ)],
        summary="Saved appraisals",
        responses=documented(200, shapes.AppraisalPage, "appraisals", "One saved appraisal"),
    )
    async def list_appraisals(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        appraisals: AppraisalService,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        records = await appraisals.list_appraisals(ctx, CaseId(case_id))
        return slice_out(dict, to_data, records, limit, offset)

    @post(
        "/offers",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Plan offers: priority first, then pro rata",
        responses=documented(201, shapes.OfferPlanOut, "plan", "One pro rata offer"),
        description="Give an offer for each priority debt; the rest of the surplus is shared "
        "pro rata to non-priority balances, penny-exact (largest remainder: totals never "
        "exceed what is available), or token payments when nothing is left. A budget in deficit "
        "is not nil: no token offers unless `tokens_in_deficit`, the shortfall in "
        "`shortfall_pence` and the deficit options, cited, in `notes`.",
    )
    async def plan_offers(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            OffersIn,
            example_body(
                "Council tax arrears offer",
                {
                    "priority_offers": [
                        {
                            "debt_id": "0b8e6a2c-4d8f-4f7e-9a57-1c2d3e4f5a6b",
                            "amount_pence": 2500,
                        }
                    ]
                },
            ),
        ],
        appraisals: AppraisalService,
    ) -> Response[dict[str, Any]]:
        offers: dict[DebtId, Money] = {}
        for i, o in enumerate(data.priority_offers):
            offers[DebtId(o.debt_id)] = Money.of(
                o.amount_pence, field=f"priority_offers[{i}].amount_pence"
            )
        plan = await appraisals.plan(
            ctx,
            CaseId(case_id),
            priority_offers=offers,
            on_date=data.on_date,
            jurisdiction=data.jurisdiction,
            tokens_in_deficit=data.tokens_in_deficit,
        )
        return versioned(to_data(plan), plan.version, status_code=201)

    @get(
        "/offers",
        guards=[requires(Permission.FINANCE_READ)],
        summary="Offer plans",
        responses=documented(200, shapes.OfferPlanPage, "plans", "One plan"),
    )
    async def list_offers(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        appraisals: AppraisalService,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        plans = await appraisals.list_plans(ctx, CaseId(case_id))
        return slice_out(dict, to_data, plans, limit, offset)
