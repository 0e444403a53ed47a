"""Identity aggregates: centres, users and their memberships of centres."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable

from attrs import define, field, frozen

from cma_core.identity.permissions import (
    NOT_GRANTABLE,
    Permission,
    Role,
    effective_permissions,
)
from cma_core.shared.errors import PermissionDenied, StaleVersion, ValidationError
from cma_core.shared.ids import CentreId, UserId
from cma_core.shared.text import check_line

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
    return check_line(value, field, max_length=max_len)


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


@frozen(kw_only=True)
class PermissionGrant:
    """One permission given to one user in one centre, beyond what their roles allow
    ("no sensitive detail *unless granted*"). Optional expiry; revoked by removal."""

    centre_id: CentreId
    permission: Permission
    granted_by: UserId | None
    granted_at: dt.datetime
    reason: str
    expires_at: dt.datetime | None = None

    def active_at(self, now: dt.datetime) -> bool:
        return self.expires_at is None or now < self.expires_at


def check_grantable(permission: Permission) -> Permission:
    if permission in NOT_GRANTABLE:
        raise PermissionDenied(
            f"{permission.value} cannot be granted to one user; give them a role instead"
        )
    return permission


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
    grants: list[PermissionGrant] = field(factory=list)
    #: Centres where this person's membership is switched off (deactivated by that centre's
    #: admin): roles kept, no sign-in or token there. ``active`` is the account-wide lock.
    inactive_in: list[CentreId] = field(factory=list)
    #: The stored version (``ETag``/``If-Match``): every save is conditional on it and
    #: raises it, so two admins editing one user cannot both win.
    version: int = 1

    def active_in(self, centre_id: CentreId) -> bool:
        """May sign in and act for ``centre_id``: the account is not locked, the user is a
        member there and that membership is not deactivated."""
        return self.active and centre_id in self.centre_ids and centre_id not in self.inactive_in

    def set_active_in(self, centre_id: CentreId, active: bool) -> None:
        """Switch the membership of ``centre_id`` on or off (other centres untouched)."""
        self.inactive_in = [c for c in self.inactive_in if c != centre_id]
        if not active:
            self.inactive_in.append(centre_id)

    @property
    def working_centres(self) -> list[CentreId]:
        """The centres this user may sign in to now (none while the account is locked)."""
        if not self.active:
            return []
        return [c for c in self.centre_ids if c not in self.inactive_in]

    def roles_in(self, centre_id: CentreId) -> frozenset[Role]:
        return frozenset(m.role for m in self.memberships if m.centre_id == centre_id)

    def grant(self, centre_id: CentreId, role: Role) -> None:
        membership = Membership(centre_id, role)
        if membership not in self.memberships:
            self.memberships.append(membership)

    def leave(self, centre_id: CentreId) -> bool:
        """Drop every role and grant in ``centre_id``; False if the user had none."""
        before = len(self.memberships)
        self.memberships = [m for m in self.memberships if m.centre_id != centre_id]
        self.grants = [g for g in self.grants if g.centre_id != centre_id]
        self.inactive_in = [c for c in self.inactive_in if c != centre_id]
        return len(self.memberships) != before

    def set_roles(self, centre_id: CentreId, roles: Iterable[Role]) -> None:
        """Replace the user's roles in ``centre_id`` (memberships elsewhere stay)."""
        self.memberships = [m for m in self.memberships if m.centre_id != centre_id]
        for role in roles:
            self.grant(centre_id, role)

    def grants_in(self, centre_id: CentreId, now: dt.datetime) -> list[PermissionGrant]:
        """The grants in force in ``centre_id`` at ``now`` (expired ones are ignored)."""
        return [g for g in self.grants if g.centre_id == centre_id and g.active_at(now)]

    def give(self, grant: PermissionGrant) -> None:
        """Add or replace the grant of ``grant.permission`` in its centre."""
        check_grantable(grant.permission)
        self.revoke(grant.centre_id, grant.permission)
        self.grants.append(grant)

    def revoke(self, centre_id: CentreId, permission: Permission) -> PermissionGrant | None:
        for g in self.grants:
            if g.centre_id == centre_id and g.permission == permission:
                self.grants.remove(g)
                return g
        return None

    def context_in(self, centre_id: CentreId, now: dt.datetime) -> TenantContext:
        """The context this user acts in for ``centre_id``: roles plus grants in force."""
        grants = self.grants_in(centre_id, now)
        expiries = [g.expires_at for g in grants if g.expires_at is not None]
        return TenantContext(
            centre_id=centre_id,
            user_id=self.id,
            roles=self.roles_in(centre_id),
            granted=frozenset(g.permission for g in grants),
            granted_until=min(expiries) if expiries else None,
        )

    @property
    def centre_ids(self) -> list[CentreId]:
        seen: list[CentreId] = []
        for m in self.memberships:
            if m.centre_id not in seen:
                seen.append(m.centre_id)
        return seen


def member_version(user: User, centre_id: CentreId) -> int:
    """The version of a member as their centre sees it (``ETag``/``If-Match``): the user's
    stored version (migration 1720). Memberships and grants are written only together with
    their user, in one conditional update of the user row, so it covers them too."""
    del centre_id  # one version per user: an edit anywhere makes every read of them stale
    return user.version


def check_member_version(user: User, centre_id: CentreId, expected: int | None) -> None:
    """Refuse an edit made on a stale read. The store's save is conditional on the version
    read as well, so an edit racing another between this check and the write loses too."""
    if expected is None:
        return
    actual = member_version(user, centre_id)
    if actual != expected:
        raise StaleVersion("user", expected, actual)


#: Roles a centre admin gives in their centre; running the platform is not one of them.
CENTRE_ROLES: tuple[Role, ...] = tuple(r for r in Role if r is not Role.PLATFORM_ADMIN)


def centre_roles(roles: Iterable[Role]) -> tuple[Role, ...]:
    """At least one role, none of them ``platform_admin``, each once, in a stable order."""
    chosen = set(roles)
    if not chosen:
        raise ValidationError("roles", "give at least one role")
    if Role.PLATFORM_ADMIN in chosen:
        raise ValidationError("roles", "platform_admin is not given within a centre")
    return tuple(r for r in CENTRE_ROLES if r in chosen)


def _grantable_only(permissions: Iterable[Permission]) -> frozenset[Permission]:
    return frozenset(permissions) - NOT_GRANTABLE


@frozen(kw_only=True)
class TenantContext:
    """Who is acting, for which centre, with which roles.

    Built once at the edge (from a verified token, a worker message or ``--centre``) and
    passed to every service call. The unit of work is opened for ``centre_id`` only.
    """

    centre_id: CentreId
    user_id: UserId | None
    roles: frozenset[Role]
    #: Permissions granted to this user alone in this centre (never ``NOT_GRANTABLE`` ones).
    granted: frozenset[Permission] = field(default=frozenset(), converter=_grantable_only)
    #: When the first of those grants runs out: a token must not outlive it.
    granted_until: dt.datetime | None = None
    #: The sign-in session (refresh-token family) a token was issued for, and when: the
    #: access token is refused once that session ends (``SessionGate``). Not part of
    #: equality: the same person acting for the same centre.
    session_id: uuid.UUID | None = field(default=None, eq=False)
    issued_at: dt.datetime | None = field(default=None, eq=False)
    #: When the user last proved who they are (password, and code when enrolled) in this
    #: session: the ``auth_time`` claim. Sensitive changes need it recent (ASVS 3.7.1).
    authenticated_at: dt.datetime | None = field(default=None, eq=False)
    #: The centre requires a second factor of these roles and the user has none yet
    #: (``second_factor``): this context may only set one up. No permission at all.
    setup_only: bool = False

    def authenticated_within(self, now: dt.datetime, max_age: dt.timedelta) -> bool:
        """True if the user signed in or re-authenticated no longer than ``max_age`` ago."""
        return self.authenticated_at is not None and now - self.authenticated_at <= max_age

    @property
    def permissions(self) -> frozenset[Permission]:
        if self.setup_only:
            return frozenset()
        return effective_permissions(self.roles, self.granted)

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
