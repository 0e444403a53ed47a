"""Centre and user administration, and signing in."""

from __future__ import annotations

import uuid

from attrs import define, field, frozen

from cma_core.identity.model import Centre, TenantContext, User, normalise_email, require_name
from cma_core.identity.permissions import Role
from cma_core.ports.clock import Clock
from cma_core.ports.security import PasswordHasher
from cma_core.ports.uow import IdentityStore
from cma_core.services.common import IdFactory
from cma_core.shared.errors import AuthenticationFailed, Conflict, NotFound, ValidationError
from cma_core.shared.ids import CentreId, UserId

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024


def check_password_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError("password", f"must be at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError("password", f"must be at most {MAX_PASSWORD_LENGTH} characters")


@frozen
class SignedIn:
    """The outcome of a successful sign-in: who, for which centre, with which roles."""

    user: User
    context: TenantContext


@define
class IdentityService:
    store: IdentityStore
    hasher: PasswordHasher
    clock: Clock
    new_id: IdFactory = field(default=uuid.uuid4)

    async def create_centre(self, name: str) -> Centre:
        centre = Centre(
            id=CentreId(self.new_id()),
            name=require_name(name, field="name"),
            created_at=self.clock.now(),
        )
        await self.store.add_centre(centre)
        return centre

    async def create_user(
        self,
        *,
        centre_id: CentreId,
        email: str,
        role: Role,
        password: str,
        full_name: str | None = None,
    ) -> User:
        """Create a user with a role in a centre, or grant the role to an existing user."""
        if await self.store.get_centre(centre_id) is None:
            raise NotFound("centre", centre_id)
        address = normalise_email(email)
        existing = await self.store.get_user_by_email(address)
        if existing is not None:
            if any(m.centre_id == centre_id and m.role == role for m in existing.memberships):
                raise Conflict(f"{address} already has the role {role.value} in this centre")
            existing.grant(centre_id, role)
            await self.store.save_user(existing)
            return existing
        check_password_policy(password)
        user = User(
            id=UserId(self.new_id()),
            email=address,
            full_name=require_name(full_name or address.split("@")[0], field="full_name"),
            password_hash=self.hasher.hash(password),
            created_at=self.clock.now(),
        )
        user.grant(centre_id, role)
        await self.store.add_user(user)
        return user

    async def authenticate(
        self, email: str, password: str, *, centre_id: CentreId | None = None
    ) -> SignedIn:
        """Check credentials and pick the centre the session is for.

        Raises ``AuthenticationFailed`` for an unknown email, a wrong password, an inactive
        user or a centre the user does not belong to, without saying which.
        """
        try:
            address = normalise_email(email)
        except ValidationError:
            raise AuthenticationFailed() from None
        user = await self.store.get_user_by_email(address)
        if user is None:
            # Hash anyway so an unknown email takes as long as a wrong password.
            self.hasher.verify(_DUMMY_HASH.value(self.hasher), password)
            raise AuthenticationFailed()
        if not self.hasher.verify(user.password_hash, password) or not user.active:
            raise AuthenticationFailed()
        if self.hasher.needs_rehash(user.password_hash):
            user.password_hash = self.hasher.hash(password)
            await self.store.save_user(user)
        centres = user.centre_ids
        chosen = centre_id if centre_id is not None else (centres[0] if centres else None)
        if chosen is None or chosen not in centres:
            raise AuthenticationFailed()
        ctx = TenantContext(centre_id=chosen, user_id=user.id, roles=user.roles_in(chosen))
        return SignedIn(user=user, context=ctx)

    async def context_for(self, user_id: UserId, centre_id: CentreId) -> TenantContext:
        """Rebuild a context from the store (roles may have changed since a token was issued)."""
        user = await self.store.get_user(user_id)
        if user is None or not user.active or centre_id not in user.centre_ids:
            raise NotFound("user", user_id)
        return TenantContext(centre_id=centre_id, user_id=user.id, roles=user.roles_in(centre_id))


class _DummyHash:
    """A hash made once per hasher, used to equalise timing for unknown emails."""

    def __init__(self) -> None:
        self._cache: dict[int, str] = {}

    def value(self, hasher: PasswordHasher) -> str:
        key = id(hasher)
        if key not in self._cache:
            self._cache[key] = hasher.hash("not-a-real-password-0")
        return self._cache[key]


_DUMMY_HASH = _DummyHash()
