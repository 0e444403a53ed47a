"""The centre's working hours, a centre setting: anyone in the centre reads them; centre
admins (``centre:settings``) replace them with ``If-Match`` (``"0"`` before the first save;
428 without it, 412 when stale). Every change is audited. An appointment outside them is
flagged ``outside_hours`` in its ``conflicts``; nothing is refused or moved.
"""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Response, get, put

from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.scheduling.service import SchedulingService
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common.examples import example_body, with_example
from cma_entrypoints.http.common.params import IfMatch, parse_if_match
from cma_entrypoints.http.common.responses import versioned
from cma_entrypoints.http.scheduling.examples import CENTRE_HOURS, CENTRE_HOURS_IN
from cma_entrypoints.http.scheduling.schemas import CentreHoursIn, CentreHoursOut


class WorkingHoursController(Controller):
    path = "/api/v1/centre/working-hours"
    tags = ["centre"]

    @get(
        "/",
        guards=[requires(Permission.CASE_READ)],
        summary="The centre's working hours",
        operation_class=with_example(CENTRE_HOURS, "Monday to Thursday, Friday mornings"),
        description='Windows per weekday (`"0"` is Monday) in the centre\'s time zone; a '
        "weekday not listed is closed. Version 0 — Monday to Friday 09:00–17:00, London — "
        "until first saved.",
    )
    async def get_hours(
        self, ctx: TenantContext, scheduling: SchedulingService
    ) -> Response[CentreHoursOut]:
        stored = await scheduling.get_centre_hours(ctx)
        return versioned(CentreHoursOut.of(stored), stored.version)

    @put(
        "/",
        guards=[requires(Permission.CENTRE_SETTINGS)],
        summary="Set the centre's working hours",
        operation_class=with_example(CENTRE_HOURS, "Saved"),
        description='Replaces every weekday. `If-Match: "0"` for the first save. Windows of '
        "one day must not overlap; each starts before it ends.",
    )
    async def put_hours(
        self,
        ctx: TenantContext,
        data: Annotated[
            CentreHoursIn, example_body("Monday to Thursday, Friday mornings", CENTRE_HOURS_IN)
        ],
        scheduling: SchedulingService,
        if_match: IfMatch = None,
    ) -> Response[CentreHoursOut]:
        expected = parse_if_match(if_match, required=True)
        stored = await scheduling.set_centre_hours(
            ctx, data.hours(), expected_version=expected or 0
        )
        return versioned(CentreHoursOut.of(stored), stored.version)
