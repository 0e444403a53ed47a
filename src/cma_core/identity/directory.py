"""The staff directory: who works in the signed-in centre, and the names behind user ids.

Any member of staff who works on cases, tasks or users may read it (``case:read``,
``task:read`` or ``user:manage``). It shows a user's display name, roles in *this* centre
and whether they are active here (account not locked, membership not deactivated);
never an email, a password hash or another centre's memberships. A user who is not a
member of the centre is reported as not found.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable, Mapping

from attrs import define, field, frozen

from cma_core.identity.model import TenantContext, User, member_version
from cma_core.identity.permissions import Permission, Role
from cma_core.identity.ports import IdentityStore
from cma_core.shared.errors import NotFound, PermissionDenied
from cma_core.shared.ids import UserId
from cma_core.shared.paging import keyset_slice
from cma_core.shared.service import check_page
from cma_core.shared.single_flight import SingleFlight
from cma_core.shared.uow import Page

_READERS = (Permission.CASE_READ, Permission.TASK_READ, Permission.USER_MANAGE)


@frozen(kw_only=True)
class StaffMember:
    id: UserId
    display_name: str
    roles: tuple[Role, ...]
    active: bool
    #: What an edit's ``If-Match`` names (``member_version``).
    version: int = 0

    @classmethod
    def of(cls, user: User, ctx: TenantContext) -> StaffMember:
        return cls(
            id=user.id,
            display_name=user.full_name,
            roles=tuple(sorted(user.roles_in(ctx.centre_id))),
            active=user.active_in(ctx.centre_id),
            version=member_version(user, ctx.centre_id),
        )


def _require_reader(ctx: TenantContext) -> None:
    if not any(ctx.can(p) for p in _READERS):
        raise PermissionDenied("your role does not allow reading the staff directory")


@define
class StaffDirectory:
    identity: IdentityStore
    #: ``names(ctx, ids=...)`` reuses a centre's names for this many seconds when every id
    #: asked for is among them (a case view names its adviser on every read); 0: never.
    names_ttl: float = 0.0
    _names: dict[object, tuple[float, StaffNames]] = field(factory=dict, init=False)
    #: Reads of a centre's names in flight: requests arriving meanwhile share one.
    _reading: SingleFlight[object, StaffNames] = field(factory=SingleFlight, init=False)

    async def list(
        self,
        ctx: TenantContext,
        *,
        limit: int = 50,
        offset: int = 0,
        role: Role | None = None,
        active: bool | None = None,
        name: str | None = None,
        cursor: str | None = None,
    ) -> Page[StaffMember]:
        """Staff of the centre by display name; ``name`` matches any part of it, any case;
        ``cursor`` (a page's ``next_cursor``) continues after that page."""
        _require_reader(ctx)
        check_page(limit, offset)
        wanted = (name or "").strip().casefold()
        staff = [
            StaffMember.of(u, ctx)
            for u in await self.identity.list_users(ctx.centre_id)
            if (role is None or role in u.roles_in(ctx.centre_id))
            and (active is None or u.active_in(ctx.centre_id) is active)
            and (not wanted or wanted in u.full_name.casefold())
        ]
        staff.sort(key=_by_name)
        return keyset_slice(
            staff,
            limit=limit,
            offset=offset,
            cursor=cursor,
            key=_by_name,
            kinds=(str, uuid.UUID),
        )

    async def get(self, ctx: TenantContext, user_id: UserId) -> StaffMember:
        _require_reader(ctx)
        user = await self.identity.get_user(user_id)
        if user is None or ctx.centre_id not in user.centre_ids:
            raise NotFound("user", user_id)
        return StaffMember.of(user, ctx)

    async def names(
        self, ctx: TenantContext, *, ids: Iterable[UserId | None] | None = None
    ) -> StaffNames:
        """The display names of the centre's staff (for ``*_name`` next to user ids).
        Empty for a caller who may not read the directory: names are then withheld.

        With ``ids`` (the ids the caller will name) and ``names_ttl``, names read less than
        ``names_ttl`` seconds ago are reused if they name every one of them; someone new
        to the centre is therefore never missed, and a name read stays at most that long."""
        if not any(ctx.can(p) for p in _READERS):
            return StaffNames({})
        now = time.monotonic()
        if ids is not None and self.names_ttl > 0:
            cached = self._names.get(ctx.centre_id)
            fresh = cached is not None and now - cached[0] < self.names_ttl
            if fresh and all(i is None or i in cached[1].by_id for i in ids):  # type: ignore[index]
                return cached[1]  # type: ignore[index]
        if self.names_ttl <= 0:
            return await self._read(ctx, now)
        names = await self._reading.run(ctx.centre_id, lambda: self._read(ctx, now))
        if ids is not None and not all(i is None or i in names.by_id for i in ids):
            names = await self._read(ctx, now)  # a shared read began before someone joined
        return names

    async def _read(self, ctx: TenantContext, now: float) -> StaffNames:
        users = await self.identity.list_users(ctx.centre_id)
        names = StaffNames({u.id: u.full_name for u in users})
        if self.names_ttl > 0:
            self._names[ctx.centre_id] = (now, names)
        return names


@frozen
class StaffNames:
    """User id → display name; ``None`` for no id or someone not (or no longer) on staff."""

    by_id: Mapping[UserId, str]

    def __call__(self, user_id: object) -> str | None:
        if user_id is None:
            return None
        return self.by_id.get(user_id)  # type: ignore[call-overload,no-any-return]

    def of(self, ids: Iterable[object]) -> list[str | None]:
        return [self(i) for i in ids]


def _by_name(s: StaffMember) -> tuple[str, uuid.UUID]:
    return (s.display_name.casefold(), s.id)
