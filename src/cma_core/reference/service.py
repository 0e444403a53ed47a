"""Use cases of a centre's profile: read it, edit it, set its logo.

Every member of the centre may read the profile (it is printed on letters they send); only
a holder of ``centre:settings`` (the centre admin) edits it. Edits are optimistic
(``expected_version``; the first edit expects version 0, the profile not yet saved) and
audited with the fields they change.
"""

from __future__ import annotations

import base64
import uuid

from attrs import define, field

from cma_core.audit.service import commit_audited
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.identity.ports import IdentityStore
from cma_core.reference.centre import (
    CentreProfile,
    ProfileDetails,
    check_details,
    check_logo,
)
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.ports import CentreProfileRepository
from cma_core.shared.clock import Clock
from cma_core.shared.errors import NotFound
from cma_core.shared.service import IdFactory, check_version
from cma_core.shared.uow import RepositoryFactory, UnitOfWorkFactory

_FIELDS = (
    "name", "address", "phone", "email", "charity_number", "fca_number", "jurisdiction",
)  # fmt: skip


@define
class CentreProfileService:
    uow: UnitOfWorkFactory
    identity: IdentityStore
    clock: Clock
    default_jurisdiction: Jurisdiction = Jurisdiction.EW
    new_id: IdFactory = field(default=uuid.uuid4)
    centre_profiles: RepositoryFactory[CentreProfileRepository] = field(kw_only=True)

    async def _default(self, ctx: TenantContext) -> CentreProfile:
        """The profile of a centre that saved none: its registered name, version 0."""
        centre = await self.identity.get_centre(ctx.centre_id)
        now = self.clock.now()
        return CentreProfile(
            centre_id=ctx.centre_id,
            name=centre.name if centre else "",
            jurisdiction=self.default_jurisdiction,
            created_at=centre.created_at if centre else now,
            updated_at=centre.created_at if centre else now,
            version=0,
        )

    async def profile(self, ctx: TenantContext) -> CentreProfile:
        """The centre's profile (``version`` 0 until it is first saved)."""
        async with self.uow(ctx.centre_id) as uow:
            saved = await self.centre_profiles(uow).get()
        return saved if saved is not None else await self._default(ctx)

    async def update(
        self, ctx: TenantContext, details: ProfileDetails, *, expected_version: int | None
    ) -> CentreProfile:
        """Replace the editable fields (not the logo)."""
        ctx.require(Permission.CENTRE_SETTINGS)
        details = check_details(details)
        now = self.clock.now()
        # Read before the unit of work: the identity store has connections of its own, and
        # an embedded SQLite database has one connection in all.
        fallback = await self._default(ctx)
        async with self.uow(ctx.centre_id) as uow:
            repo = self.centre_profiles(uow)
            current = await repo.get()
            if current is None:
                check_version("centre profile", expected_version, 0)
                current = fallback
                current.apply(details)
                current.version, current.created_at, current.updated_at = 1, now, now
                await repo.add(current)
            else:
                check_version("centre profile", expected_version, current.version)
                current.apply(details)
                current.updated_at = now
                await repo.save(current)
            await commit_audited(
                uow, ctx, self.new_id, "centre_profile.updated", "centre_profile",
                current.id, now, _FIELDS,
            )  # fmt: skip
        return current

    async def set_logo(
        self,
        ctx: TenantContext,
        content: bytes | None,
        content_type: str | None,
        *,
        expected_version: int | None,
    ) -> CentreProfile:
        """Set the logo (PNG or JPEG, checked by its first bytes), or remove it (``None``)."""
        ctx.require(Permission.CENTRE_SETTINGS)
        media = None if content is None else check_logo(content, content_type or "")
        now = self.clock.now()
        fallback = await self._default(ctx)
        async with self.uow(ctx.centre_id) as uow:
            repo = self.centre_profiles(uow)
            current = await repo.get()
            first = current is None
            if current is None:
                current = fallback
            check_version("centre profile", expected_version, current.version)
            current.logo_type = media
            current.logo_base64 = None if content is None else base64.b64encode(content).decode()
            current.updated_at = now
            if first:
                current.version, current.created_at = 1, now
                await repo.add(current)
            else:
                await repo.save(current)
            action = "centre_profile.logo_removed" if content is None else "centre_profile.logo_set"
            await commit_audited(
                uow, ctx, self.new_id, action, "centre_profile", current.id, now, ("logo",)
            )
        return current

    async def logo(self, ctx: TenantContext) -> tuple[bytes, str]:
        """The logo and its media type; ``NotFound`` if the centre has none."""
        profile = await self.profile(ctx)
        content = profile.logo
        if content is None or profile.logo_type is None:
            raise NotFound("logo", ctx.centre_id)
        return content, profile.logo_type
