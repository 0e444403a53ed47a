"""The centre's second-factor rule over HTTP: which roles must use TOTP in this centre.

The centre admin reads and edits it (``centre:settings``); an edit needs ``If-Match`` with
the ETag read (428 without it, 412 when stale; ``"0"`` before the first save) and a recent
sign-in (it weakens or strengthens every member's sign-in). Audited as
``centre.second_factor_changed``. The rule itself is ``cma_core.identity.second_factor``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from litestar import Controller, Response, get, put
from msgspec import Struct

from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission, Role
from cma_core.identity.second_factor import SecondFactorPolicy
from cma_core.identity.service import IdentityService
from cma_entrypoints.http.auth import RECENT_AUTH, requires
from cma_entrypoints.http.common.examples import (
    AT,
    CENTRE_ID,
    MANAGER_ID,
    example_body,
    with_example,
)
from cma_entrypoints.http.common.params import IfMatch, parse_if_match
from cma_entrypoints.http.common.responses import versioned


class SecondFactorIn(Struct, forbid_unknown_fields=True):
    """The roles whose members must use a second factor here (empty: nobody)."""

    roles: list[Role]


class SecondFactorOut(Struct):
    centre_id: uuid.UUID
    #: Members holding any of these roles here must use TOTP: without it they get
    #: setup-only tokens (sign-in, refresh, centre switch) until they confirm a code.
    roles: list[Role]
    updated_at: dt.datetime | None
    updated_by: uuid.UUID | None
    version: int

    @classmethod
    def of(cls, p: SecondFactorPolicy) -> SecondFactorOut:
        return cls(
            centre_id=p.centre_id,
            roles=p.ordered_roles,
            updated_at=p.updated_at,
            updated_by=p.updated_by,
            version=p.version,
        )


EXAMPLE = SecondFactorOut(
    centre_id=CENTRE_ID,
    roles=[Role.CENTRE_ADMIN, Role.SUPERVISOR],
    updated_at=AT,
    updated_by=MANAGER_ID,
    version=2,
)


class CentreSecondFactorController(Controller):
    path = "/api/v1/centre/second-factor"
    tags = ["centre"]

    @get(
        "/",
        guards=[requires(Permission.CENTRE_SETTINGS)],
        summary="The roles that must use a second factor (TOTP) in this centre",
        operation_class=with_example(EXAMPLE, "Admins and supervisors"),
        description="Version 0 and no roles until first saved. Centre admins only.",
    )
    async def get_rule(
        self, ctx: TenantContext, identity: IdentityService
    ) -> Response[SecondFactorOut]:
        p = await identity.second_factor_policy(ctx)
        return versioned(SecondFactorOut.of(p), p.version)

    @put(
        "/",
        guards=[requires(Permission.CENTRE_SETTINGS), RECENT_AUTH],
        summary="Choose the roles that must use a second factor (TOTP) in this centre",
        operation_class=with_example(EXAMPLE, "Saved"),
        description='Replaces the roles. `If-Match: "0"` for the first save (428 without '
        "If-Match, 412 when stale). A role that is not a centre's (e.g. `platform_admin`) "
        "is 422 naming `roles`. Takes effect at each member's next sign-in, token refresh "
        "or centre switch: a member of a chosen role without TOTP then gets setup-only "
        "tokens (403 `second-factor-setup-required` everywhere but TOTP enrolment, "
        "step-up, `/auth/me` and sign-out) until they confirm a code; nobody, the last "
        "admin included, is shut out of enrolling. 409 when this deployment has no "
        "one-time passwords. Needs a recent sign-in (401 `reauthentication-required`). "
        "Audited as `centre.second_factor_changed`.",
    )
    async def put_rule(
        self,
        ctx: TenantContext,
        data: Annotated[
            SecondFactorIn,
            example_body("Admins and supervisors", {"roles": ["centre_admin", "supervisor"]}),
        ],
        identity: IdentityService,
        if_match: IfMatch = None,
    ) -> Response[SecondFactorOut]:
        expected = parse_if_match(if_match, required=True)
        assert expected is not None
        p = await identity.set_second_factor_roles(ctx, data.roles, expected_version=expected)
        return versioned(SecondFactorOut.of(p), p.version)
