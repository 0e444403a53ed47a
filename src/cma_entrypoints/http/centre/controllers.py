"""The centre profile: what every letter the centre sends carries at its head (name,
address, phone, email, charity and FCA numbers, logo), and the centre's jurisdiction,
which every case follows unless its own facts record another.

Anyone in the centre reads it; edits need ``centre:settings`` (the centre admin) and
``If-Match`` with the ETag read (428 without it, 412 when stale; ``"0"`` before the first
save). Every edit is audited.
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, delete, get, put

from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.reference.centre import MAX_LOGO_BYTES, ProfileDetails
from cma_core.reference.service import CentreProfileService
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.centre.examples import PROFILE, PROFILE_IN
from cma_entrypoints.http.centre.schemas import ProfileIn, ProfileOut
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import example_body, with_example
from cma_entrypoints.http.common.params import IfMatch, parse_if_match
from cma_entrypoints.http.common.responses import versioned


class CentreProfileController(Controller):
    path = "/api/v1/centre/profile"
    tags = ["centre"]

    @get(
        "/",
        summary="The centre's profile",
        operation_class=with_example(PROFILE, "A centre in England & Wales"),
        description="Version 0 (and the centre's registered name) until first saved.",
    )
    async def get_profile(
        self, ctx: TenantContext, centre_profile: CentreProfileService
    ) -> Response[ProfileOut]:
        p = await centre_profile.profile(ctx)
        return versioned(ProfileOut.of(p), p.version)

    @put(
        "/",
        guards=[requires(Permission.CENTRE_SETTINGS)],
        summary="Edit the centre's profile and jurisdiction",
        operation_class=with_example(PROFILE, "Saved"),
        description='Replaces every field. `If-Match: "0"` for the first save. '
        "`fca_number` is the 6- or 7-digit FCA firm reference number.",
    )
    async def put_profile(
        self,
        ctx: TenantContext,
        data: Annotated[ProfileIn, example_body("A centre's letterhead", PROFILE_IN)],
        centre_profile: CentreProfileService,
        if_match: IfMatch = None,
    ) -> Response[ProfileOut]:
        expected = parse_if_match(if_match, required=True)
        details = ProfileDetails(
            name=data.name,
            address=data.address,
            phone=data.phone,
            email=data.email,
            charity_number=data.charity_number,
            fca_number=data.fca_number,
            jurisdiction=data.jurisdiction,
        )
        p = await centre_profile.update(ctx, details, expected_version=expected)
        return versioned(ProfileOut.of(p), p.version)

    @get(
        "/logo",
        summary="The centre's logo",
        operation_class=ex.binary_response(
            200, "The logo as uploaded", {"image/png": "PNG", "image/jpeg": "JPEG"}
        ),
    )
    async def get_logo(
        self, ctx: TenantContext, centre_profile: CentreProfileService
    ) -> Response[bytes]:
        content, media = await centre_profile.logo(ctx)
        return Response(content, media_type=media, headers={"Cache-Control": "no-store"})

    @put(
        "/logo",
        guards=[requires(Permission.CENTRE_SETTINGS)],
        summary="Upload the centre's logo (PNG or JPEG)",
        operation_class=with_example(PROFILE, "Logo set"),
        description="The request body is the image itself, with `Content-Type: image/png` "
        f"or `image/jpeg`; at most {MAX_LOGO_BYTES // 1024} KiB. Printed at the head of "
        "every letter.",
    )
    async def put_logo(
        self,
        ctx: TenantContext,
        request: Request[Any, Any, Any],
        centre_profile: CentreProfileService,
        if_match: IfMatch = None,
    ) -> Response[ProfileOut]:
        expected = parse_if_match(if_match, required=True)
        content = await request.body()
        media = request.headers.get("content-type", "")
        p = await centre_profile.set_logo(ctx, content, media, expected_version=expected)
        return versioned(ProfileOut.of(p), p.version)

    @delete(
        "/logo",
        guards=[requires(Permission.CENTRE_SETTINGS)],
        summary="Remove the centre's logo",
        status_code=200,
        operation_class=with_example(PROFILE, "Logo removed"),
        description="Answers with the profile (and its new ETag), as the other edits do.",
    )
    async def delete_logo(
        self,
        ctx: TenantContext,
        centre_profile: CentreProfileService,
        if_match: IfMatch = None,
    ) -> Response[ProfileOut]:
        expected = parse_if_match(if_match, required=True)
        p = await centre_profile.set_logo(ctx, None, None, expected_version=expected)
        return versioned(ProfileOut.of(p), p.version)
