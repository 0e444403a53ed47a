"""The staff directory over HTTP: who works in the signed-in centre; and the centre
admin's edits of it (``user:manage``): add a member, change their roles, deactivate and
reactivate them. Each edit goes through ``IdentityService`` (what ``cma user create``
uses), is audited there, and takes ``If-Match`` with the member's ``ETag``."""

from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, Response, get, post, put
from litestar.params import Parameter

from cma_core.identity.accounts import AccountService
from cma_core.identity.directory import StaffDirectory, StaffMember
from cma_core.identity.model import TenantContext, User
from cma_core.identity.permissions import Permission, Role
from cma_core.identity.service import IdentityService
from cma_core.shared.ids import UserId
from cma_entrypoints.http.auth import RECENT_AUTH, requires
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import example_body, with_example
from cma_entrypoints.http.common.params import Cursor, IfMatch, Limit, Offset, parse_if_match
from cma_entrypoints.http.common.responses import created, page_out, versioned
from cma_entrypoints.http.identity.examples import STAFF_EXAMPLE
from cma_entrypoints.http.identity.schemas import MemberIn, RolesIn, StaffOut, StaffPage

_MANAGE = [requires(Permission.USER_MANAGE), RECENT_AUTH]
_EDIT_NOTE = (
    " Send `If-Match` with the member's `ETag` (the `version` of the member you read): "
    "428 without it, 412 when someone changed them since (the version is stored and the "
    "write is conditional on it, so of two admins racing exactly one wins). Needs "
    "`user:manage` and a recent sign-in (401 `reauthentication-required`)."
)


def _out(user: User, ctx: TenantContext) -> StaffOut:
    return StaffOut.of(StaffMember.of(user, ctx))


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
        cursor: Cursor = None,
    ) -> StaffPage:
        page = await directory.list(
            ctx, limit=limit, offset=offset, role=role, active=active, name=name, cursor=cursor
        )
        return page_out(StaffPage, StaffOut.of, page)

    @get(
        "/{user_id:uuid}",
        summary="A member of staff of your centre",
        operation_class=with_example(STAFF_EXAMPLE, "An adviser"),
        description="404 for anyone who is not a member of your centre. The `ETag` is what "
        "an edit of this member sends as `If-Match`.",
    )
    async def get_staff(
        self, ctx: TenantContext, user_id: uuid.UUID, directory: StaffDirectory
    ) -> Response[StaffOut]:
        member = await directory.get(ctx, UserId(user_id))
        return versioned(StaffOut.of(member), member.version)

    @post(
        "/",
        guards=_MANAGE,
        summary="Add a member of staff to your centre",
        operation_class=with_example(STAFF_EXAMPLE, "A new adviser"),
        description="Creates the account with its first password and the roles given, in "
        "the centre of your token (`platform_admin` is refused). Someone who already has an "
        "account elsewhere is given the roles here and keeps their own password; someone "
        "who already has these roles here is 409. The password policy: 12 to 128 "
        "characters, not common or breached (problem names `password`). Audited as "
        "`user.created`. Needs `user:manage` and a recent sign-in.",
    )
    async def add_member(
        self,
        ctx: TenantContext,
        data: Annotated[
            MemberIn,
            example_body(
                "A new adviser",
                {
                    "email": "ada@northside.example",
                    "display_name": "Ada Adviser",
                    "roles": ["adviser"],
                    "password": "a long first passphrase",
                },
            ),
        ],
        identity: IdentityService,
    ) -> Response[StaffOut]:
        user = await identity.add_member(
            ctx,
            email=data.email,
            roles=data.roles,
            password=data.password,
            full_name=data.display_name,
        )
        body = _out(user, ctx)
        return created(body, body.version, f"/api/v1/users/{user.id}")

    @put(
        "/{user_id:uuid}/roles",
        guards=_MANAGE,
        summary="Set a member's roles in your centre",
        operation_class=with_example(STAFF_EXAMPLE, "Now an adviser only"),
        description="Replaces their roles in this centre (other centres are untouched); at "
        "least one, never `platform_admin`; you cannot take `centre_admin` from yourself. "
        "Takes effect with their next token. Audited as `user.roles_changed`." + _EDIT_NOTE,
    )
    async def set_roles(
        self,
        ctx: TenantContext,
        user_id: uuid.UUID,
        data: Annotated[RolesIn, example_body("Adviser only", {"roles": ["adviser"]})],
        identity: IdentityService,
        if_match: IfMatch = None,
    ) -> Response[StaffOut]:
        user = await identity.set_member_roles(
            ctx,
            UserId(user_id),
            data.roles,
            expected_version=parse_if_match(if_match, required=True),
        )
        body = _out(user, ctx)
        return versioned(body, body.version)

    @post(
        "/{user_id:uuid}/deactivate",
        status_code=200,
        guards=_MANAGE,
        summary="Deactivate a member in your centre: no sign-in, refresh or token here",
        operation_class=with_example(STAFF_EXAMPLE, "Deactivated"),
        description="Switches off their membership of *your* centre (roles kept, shown as "
        "`active: false`); other centres they work for are untouched. Their tokens for "
        "this centre are refused within `CMA_SESSION_CHECK_SECONDS`. 409 for yourself. The "
        "account-wide lock is the operator's `cma user lock`. Audited as "
        "`user.deactivated`." + _EDIT_NOTE,
    )
    async def deactivate(
        self,
        ctx: TenantContext,
        user_id: uuid.UUID,
        identity: IdentityService,
        if_match: IfMatch = None,
    ) -> Response[StaffOut]:
        return await _set_active(ctx, user_id, False, identity, if_match)

    @post(
        "/{user_id:uuid}/reactivate",
        status_code=200,
        guards=_MANAGE,
        summary="Reactivate a member",
        operation_class=with_example(STAFF_EXAMPLE, "Active again"),
        description="They sign in to your centre again with their password (unless an "
        "operator locked the account). Audited as `user.reactivated`." + _EDIT_NOTE,
    )
    async def reactivate(
        self,
        ctx: TenantContext,
        user_id: uuid.UUID,
        identity: IdentityService,
        if_match: IfMatch = None,
    ) -> Response[StaffOut]:
        return await _set_active(ctx, user_id, True, identity, if_match)

    @post(
        "/{user_id:uuid}/second-factor/reset",
        status_code=200,
        guards=_MANAGE,
        summary="Reset a member's lost 2-step verification",
        operation_class=with_example(STAFF_EXAMPLE, "Reset"),
        description="For a member who lost their authenticator and their recovery codes: "
        "their TOTP secret and recovery codes are deleted and every session of theirs ends "
        "(refresh tokens revoked, access tokens refused). They sign in with their password "
        "alone, and where the centre requires a second factor of their role "
        "(`GET /api/v1/centre/second-factor`) they are held on setting it up again "
        "(setup-only token). 404 for anyone not a member of your centre; 409 for yourself, "
        "for someone without 2-step verification and for someone who also works for "
        "another centre (a factor is account-wide: the platform operator resets theirs); "
        "403 for a platform admin. Audited as `user.second_factor_reset` (actor: you, "
        "entity: the member)." + _EDIT_NOTE,
    )
    async def reset_second_factor(
        self,
        ctx: TenantContext,
        user_id: uuid.UUID,
        accounts: AccountService,
        if_match: IfMatch = None,
    ) -> Response[StaffOut]:
        user = await accounts.reset_second_factor(
            ctx, UserId(user_id), expected_version=parse_if_match(if_match, required=True)
        )
        body = _out(user, ctx)
        return versioned(body, body.version)


async def _set_active(
    ctx: TenantContext,
    user_id: uuid.UUID,
    active: bool,
    identity: IdentityService,
    if_match: str | None,
) -> Response[StaffOut]:
    user = await identity.set_member_active(
        ctx,
        UserId(user_id),
        active,
        expected_version=parse_if_match(if_match, required=True),
    )
    body = _out(user, ctx)
    return versioned(body, body.version)
