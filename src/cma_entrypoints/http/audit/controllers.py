"""The audit trail over HTTP: the centre's audit entries, newest first."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from litestar import Controller, get
from litestar.params import Parameter

from cma_core.audit.service import AuditService
from cma_core.identity.directory import StaffDirectory
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.ids import UserId
from cma_entrypoints.http.audit.examples import AUDIT_EXAMPLE, VERIFY_EXAMPLE
from cma_entrypoints.http.audit.schemas import AuditOut, AuditPage, ChainVerifyOut
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import with_example
from cma_entrypoints.http.common.params import Cursor, Limit, Offset
from cma_entrypoints.http.common.responses import page_out
from cma_entrypoints.http.common.schemas import CODE


class AuditController(Controller):
    path = "/api/v1/audit"
    tags = ["audit"]

    @get(
        "/",
        guards=[requires(Permission.AUDIT_READ)],
        summary="The centre's audit trail",
        operation_class=with_example(ex.page(AUDIT_EXAMPLE), "A phone number changed"),
        description="Oldest first, each entry with its place in the centre's hash chain "
        "(`seq`, `prev_hash`, `hash`). Field *names* only, never values. `from` is "
        "inclusive, `to` exclusive. Supervisors, centre admins and auditors. Page deep with "
        "`cursor` (each page's `next_cursor`).",
    )
    async def list_audit(
        self,
        ctx: TenantContext,
        audit: AuditService,
        directory: StaffDirectory,
        limit: Limit = 50,
        offset: Offset = 0,
        entity_type: Annotated[str | None, Parameter(max_length=32, pattern=CODE)] = None,
        entity_id: Annotated[str | None, Parameter(max_length=64, pattern=CODE)] = None,
        actor_id: uuid.UUID | None = None,
        action: Annotated[str | None, Parameter(max_length=64, pattern=CODE)] = None,
        since: Annotated[
            dt.datetime | None, Parameter(query="from", description="Inclusive, with a timezone.")
        ] = None,
        until: Annotated[
            dt.datetime | None, Parameter(query="to", description="Exclusive, with a timezone.")
        ] = None,
        cursor: Cursor = None,
    ) -> AuditPage:
        page = await audit.list(
            ctx,
            limit=limit,
            offset=offset,
            cursor=cursor,
            entity_type=entity_type,
            entity_id=entity_id,
            actor_id=UserId(actor_id) if actor_id else None,
            action=action,
            since=since,
            until=until,
        )
        staff = await directory.names(ctx)
        return page_out(AuditPage, lambda e: AuditOut.of(e, staff), page)

    @get(
        "/verify",
        guards=[requires(Permission.AUDIT_READ)],
        summary="Check the centre's audit hash chain",
        operation_class=with_example(VERIFY_EXAMPLE, "An intact chain"),
        description="What `cma audit verify` checks, for the centre of your token: every "
        "entry's hash, every link, the count and the head. `intact: false` names the "
        "first bad entry. Compare `head_seq`/`head_hash` with what you saw before to catch "
        "a chain cut back together with its head. Reads the whole chain: seconds for a "
        "large centre. Supervisors, centre admins and auditors.",
    )
    async def verify(self, ctx: TenantContext, audit: AuditService) -> ChainVerifyOut:
        return ChainVerifyOut.of(await audit.verify(ctx))
