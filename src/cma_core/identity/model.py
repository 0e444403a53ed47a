"""Identity aggregates: centres, users and their memberships of centres."""

from __future__ import annotations

import datetime as dt
import re

from attrs import define, field, frozen

from cma_core.identity.permissions import Permission, Role, permissions_for
from cma_core.shared.errors import PermissionDenied, ValidationError
from cma_core.shared.ids import CentreId, UserId

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalise_email(email: str) -> str:
    value = email.strip().lower()
    if not _EMAIL.match(value) or len(value) > 254:
        raise ValidationError("email", "is not a valid email address")
    return value


def require_name(value: str, *, field: str, max_len: int = 200) -> str:
    value = value.strip()
    if not value:
        raise ValidationError(field, "must not be empty")
    if len(value) > max_len:
        raise ValidationError(field, f"must be at most {max_len} characters")
    return value


@define(kw_only=True)
class Centre:
    """A debt advice centre: the unit of tenancy. Nothing of one centre is seen by another."""

    id: CentreId
    name: str
    created_at: dt.datetime


@frozen
class Membership:
    centre_id: CentreId
    role: Role


@define(kw_only=True)
class User:
    """A person who signs in. May work for more than one centre, with a role in each."""

    id: UserId
    email: str
    full_name: str
    password_hash: str
    created_at: dt.datetime
    memberships: list[Membership] = field(factory=list)
    active: bool = True
    #: Base32 TOTP secret once enrolled; the second factor is required only when enabled.
    totp_secret: str | None = field(default=None, repr=False)
    totp_enabled: bool = False

    def roles_in(self, centre_id: CentreId) -> frozenset[Role]:
        return frozenset(m.role for m in self.memberships if m.centre_id == centre_id)

    def grant(self, centre_id: CentreId, role: Role) -> None:
        membership = Membership(centre_id, role)
        if membership not in self.memberships:
            self.memberships.append(membership)

    @property
    def centre_ids(self) -> list[CentreId]:
        seen: list[CentreId] = []
        for m in self.memberships:
            if m.centre_id not in seen:
                seen.append(m.centre_id)
        return seen


@frozen(kw_only=True)
class TenantContext:
    """Who is acting, for which centre, with which roles.

    Built once at the edge (from a verified token, a worker message or ``--centre``) and
    passed to every service call. The unit of work is opened for ``centre_id`` only.
    """

    centre_id: CentreId
    user_id: UserId | None
    roles: frozenset[Role]

    @property
    def permissions(self) -> frozenset[Permission]:
        return permissions_for(self.roles)

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDenied(f"your role does not allow {permission.value}")

    @classmethod
    def system(cls, centre_id: CentreId) -> TenantContext:
        """The context of the worker and admin CLI acting for a centre on its own behalf."""
        return cls(
            centre_id=centre_id,
            user_id=None,
            roles=frozenset({Role.CENTRE_ADMIN, Role.SUPERVISOR}),
        )
