"""The centre's retention policy and a preview of the retention run over HTTP.

The policy is the retention part of the centre's compliance policy (the same stored
values, the same version: CR-22 judges by them, the run deletes by them). The run itself
is ``cma retention run`` and the worker's daily sweep, not an HTTP call: it deletes files
for good, so it belongs to the operator's schedule; ``GET /retention/due`` shows what the
next run would delete.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from litestar import Controller, Response, get, put
from msgspec import Meta, Struct

from cma_core.compliance.ports import policy_values
from cma_core.compliance.service import ComplianceService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.privacy.retention import RetentionReceipt, RetentionService
from cma_entrypoints.http.auth import RECENT_AUTH, requires
from cma_entrypoints.http.common.examples import example_body, with_example
from cma_entrypoints.http.common.params import IfMatch, parse_if_match
from cma_entrypoints.http.common.responses import versioned
from cma_entrypoints.http.common.schemas import Input


class RetentionPolicyIn(Input):
    retention_years: Annotated[int, Meta(ge=1, le=100)]
    disposal_grace_days: Annotated[int, Meta(ge=0, le=365)] = 30


class RetentionPolicyOut(Struct):
    #: Closed files are kept this many years after closure, then deleted.
    retention_years: int
    #: Days the run may take after the retention date before CR-22 fails the case.
    disposal_grace_days: int
    source: str
    version: int


class DueOut(Struct):
    retention_years: int
    due: int
    would_delete_cases: list[uuid.UUID]
    held_cases: list[uuid.UUID]
    checked_at: dt.datetime

    @classmethod
    def of(cls, r: RetentionReceipt) -> DueOut:
        return cls(
            retention_years=r.retention_years,
            due=r.due,
            would_delete_cases=list(r.deleted_cases),
            held_cases=list(r.held),
            checked_at=r.at,
        )


SOURCE = (
    "No statutory period for debt advice files; 6 years after closure matches the "
    "limitation period (Limitation Act 1980 s5) and the sector's norm (UK-DEBT-ADVICE §7)."
)
POLICY = RetentionPolicyOut(retention_years=6, disposal_grace_days=30, source=SOURCE, version=1)
DUE = DueOut(
    retention_years=6,
    due=2,
    would_delete_cases=[uuid.UUID("6f1c2d3e-4a5b-4c6d-8e7f-901234567890")],
    held_cases=[uuid.UUID("7a1c2d3e-4a5b-4c6d-8e7f-901234567891")],
    checked_at=dt.datetime(2026, 11, 28, 2, 0, tzinfo=dt.UTC),
)


class RetentionController(Controller):
    path = "/api/v1/retention"
    tags = ["data protection"]

    @get(
        "/policy",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="The centre's retention policy",
        operation_class=with_example(POLICY, "The default"),
    )
    async def get_policy(
        self, ctx: TenantContext, compliance: ComplianceService
    ) -> Response[RetentionPolicyOut]:
        policy, version = await compliance.get_policy(ctx)
        out = RetentionPolicyOut(
            retention_years=policy.retention_years,
            disposal_grace_days=policy.disposal_grace_days,
            source=SOURCE,
            version=version,
        )
        return versioned(out, version)

    @put(
        "/policy",
        guards=[requires(Permission.CASE_ASSIGN), RECENT_AUTH],
        summary="Set the centre's retention policy (If-Match)",
        description='`If-Match` is the compliance policy\'s version (`"0"` while the centre '
        "uses the defaults): the retention values are part of it. The other compliance "
        "settings are kept. Audited `compliance.policy_set`.",
        operation_class=with_example(POLICY, "Saved"),
    )
    async def put_policy(
        self,
        ctx: TenantContext,
        data: Annotated[
            RetentionPolicyIn,
            example_body("Seven years", {"retention_years": 7, "disposal_grace_days": 30}),
        ],
        compliance: ComplianceService,
        if_match: IfMatch = None,
    ) -> Response[RetentionPolicyOut]:
        expected = parse_if_match(if_match, required=True)
        current, _ = await compliance.get_policy(ctx)
        values = {
            **policy_values(current),
            "retention_years": data.retention_years,
            "disposal_grace_days": data.disposal_grace_days,
        }
        stored = await compliance.set_policy(ctx, values, expected_version=expected)
        out = RetentionPolicyOut(
            retention_years=stored.policy.retention_years,
            disposal_grace_days=stored.policy.disposal_grace_days,
            source=SOURCE,
            version=stored.version,
        )
        return versioned(out, stored.version)

    @get(
        "/due",
        guards=[requires(Permission.CASE_DELETE)],
        summary="What the next retention run would delete (a dry run)",
        operation_class=with_example(DUE, "One case due, one held"),
    )
    async def due(self, ctx: TenantContext, retention: RetentionService) -> DueOut:
        return DueOut.of(await retention.preview(ctx))
