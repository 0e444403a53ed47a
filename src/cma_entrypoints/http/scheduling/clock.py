"""The case clock's facts and deadlines over HTTP: record a dated event (it starts the
deadlines the rules call for), list the events with their deadlines, withdraw one recorded
in error, list the deadlines and mark one met."""

from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, Response, get, post
from litestar.params import Body

from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.scheduling.ports import (
    DeadlineId,
    DeadlineStatus,
    FactId,
)
from cma_core.scheduling.service import (
    FactView,
    RecordFact,
    SchedulingService,
)
from cma_core.shared.ids import CaseId
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import example_body, with_example
from cma_entrypoints.http.common.params import (
    Cursor,
    IfMatch,
    Limit,
    Offset,
)
from cma_entrypoints.http.common.responses import (
    page_out,
    versioned,
    versioned_change,
)
from cma_entrypoints.http.scheduling.examples import (
    DEADLINE,
    DEADLINE_MET,
    FACT,
    FACT_BODIES,
    FACT_WITHDRAWN,
)
from cma_entrypoints.http.scheduling.schemas import (
    DeadlineOut,
    DeadlinePage,
    FactIn,
    FactOut,
    FactPage,
    WithdrawFactIn,
)


def _fact_out(view: FactView) -> FactOut:
    return FactOut.of(view.fact, view.deadlines)


class CaseClockController(Controller):
    path = "/api/v1/cases"
    tags = ["case clock"]

    @post(
        "/{case_id:uuid}/facts",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Record a dated fact; get the deadlines it starts",
        operation_class=with_example(FACT, "A claim served"),
        description="Each deadline states how it was counted (calendar/clear/business days, "
        "months) and its source. Obligations get a task for the case's adviser. "
        "`details` by kind: `statutory_demand_served` takes `served_outside_ew`; "
        "`crisis_treatment_ended` (the crisis moratorium ends 30 days later) takes none; "
        "`creditor_petition` takes `debt_pence` (required), `deposit_pence` and "
        "`hearing_on` (a task before the hearing), and is checked against the petition debt "
        "minimum and deposit in force that day (kept in the fact's details as "
        "`below_minimum`, `minimum_pence`, `deposit_in_force_pence`, `notes`).",
    )
    async def record_fact(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            FactIn,
            Body(
                examples=FACT_BODIES,
            ),
        ],
        scheduling: SchedulingService,
    ) -> Response[FactOut]:
        fact, deadlines = await scheduling.record_fact(
            ctx,
            CaseId(case_id),
            RecordFact(
                kind=data.kind,
                occurred_on=data.occurred_on,
                details=data.details,
                deemed=data.deemed,
            ),
        )
        return versioned(FactOut.of(fact, deadlines), fact.version, status_code=201)

    @get(
        "/{case_id:uuid}/facts",
        guards=[requires(Permission.CASE_READ)],
        summary="The dated events recorded on the case, oldest first, with their deadlines",
        operation_class=with_example(ex.page(FACT), "A claim served"),
        description="`withdrawn=false`: only the events that stand; `true`: only those "
        "withdrawn as recorded in error.",
    )
    async def list_facts(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        scheduling: SchedulingService,
        limit: Limit = 50,
        offset: Offset = 0,
        withdrawn: bool | None = None,
        cursor: Cursor = None,
    ) -> FactPage:
        page = await scheduling.list_facts(
            ctx, CaseId(case_id), limit=limit, offset=offset, withdrawn=withdrawn, cursor=cursor
        )
        return page_out(FactPage, _fact_out, page)

    @post(
        "/{case_id:uuid}/facts/{fact_id:uuid}/withdraw",
        guards=[requires(Permission.CASE_WRITE)],
        status_code=200,
        summary="Withdraw an event recorded in error, with the deadlines it started",
        operation_class=with_example(FACT_WITHDRAWN, "The date was mistyped"),
        description="For a wrong date, kind or case: the event is kept, marked withdrawn "
        "with the reason; its open deadlines become `withdrawn` and their tasks are "
        "cancelled (a deadline already met or missed stays). Record the right event anew. "
        "`If-Match` with the event's ETag is required (428 without, 412 if stale); 409 if "
        "already withdrawn.",
    )
    async def withdraw_fact(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        fact_id: uuid.UUID,
        data: Annotated[
            WithdrawFactIn,
            example_body("The date was mistyped", {"reason": "date mistyped: served 16 Nov"}),
        ],
        scheduling: SchedulingService,
        if_match: IfMatch = None,
    ) -> Response[FactOut]:
        return await versioned_change(
            scheduling.withdraw_fact,
            _fact_out,
            ctx,
            CaseId(case_id),
            FactId(fact_id),
            data.reason,
            if_match=if_match,
        )

    @get(
        "/{case_id:uuid}/deadlines",
        guards=[requires(Permission.CASE_READ)],
        summary="The case's deadlines, soonest first",
        operation_class=with_example(ex.page(DEADLINE), "One open deadline"),
    )
    async def list_deadlines(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        scheduling: SchedulingService,
        limit: Limit = 50,
        offset: Offset = 0,
        status: DeadlineStatus | None = None,
        cursor: Cursor = None,
    ) -> DeadlinePage:
        page = await scheduling.list_deadlines(
            ctx, CaseId(case_id), limit=limit, offset=offset, status=status, cursor=cursor
        )
        return page_out(DeadlinePage, DeadlineOut.of, page)

    @post(
        "/{case_id:uuid}/deadlines/{deadline_id:uuid}/complete",
        guards=[requires(Permission.CASE_WRITE)],
        status_code=200,
        summary="Record that a deadline was met",
        operation_class=with_example(DEADLINE_MET, "Met"),
    )
    async def complete_deadline(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        deadline_id: uuid.UUID,
        scheduling: SchedulingService,
    ) -> DeadlineOut:
        item = await scheduling.complete_deadline(ctx, CaseId(case_id), DeadlineId(deadline_id))
        return DeadlineOut.of(item)
