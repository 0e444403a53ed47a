"""The staff directory over HTTP: who works in the signed-in centre."""

from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, get
from litestar.params import Parameter

from cma_core.identity.directory import StaffDirectory
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.ids import UserId
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import with_example
from cma_entrypoints.http.common.params import Limit, Offset
from cma_entrypoints.http.common.responses import page_out
from cma_entrypoints.http.identity.examples import STAFF_EXAMPLE
from cma_entrypoints.http.identity.schemas import StaffOut, StaffPage


class StaffController(Controller):
    path = "/api/v1/users"
    tags = ["staff"]

    @get(
        "/",
        summary="The staff directory of your centre",
        operation_class=with_example(ex.page(STAFF_EXAMPLE), "One adviser"),
        description="Everyone with a role in the centre of your token, by display name: "
        "id, display name, roles in this centre, active. Needs `case:read`, `task:read` or "
        "`user:manage`. No email addresses, nothing of other centres.",
    )
    async def list_staff(
        self,
        ctx: TenantContext,
        directory: StaffDirectory,
        limit: Limit = 50,
        offset: Offset = 0,
        role: Role | None = None,
        active: bool | None = None,
        name: Annotated[
            str | None, Parameter(max_length=200, description="Part of the display name.")
        ] = None,
    ) -> StaffPage:
        page = await directory.list(
            ctx, limit=limit, offset=offset, role=role, active=active, name=name
        )
        return page_out(StaffPage, StaffOut.of, page)

    @get(
        "/{user_id:uuid}",
        summary="A member of staff of your centre",
        operation_class=with_example(STAFF_EXAMPLE, "An adviser"),
        description="404 for anyone who is not a member of your centre.",
    )
    async def get_staff(
        self, ctx: TenantContext, user_id: uuid.UUID, directory: StaffDirectory
    ) -> StaffOut:
        return StaffOut.of(await directory.get(ctx, UserId(user_id)))
