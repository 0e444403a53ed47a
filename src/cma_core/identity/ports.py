"""Security ports: password hashing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from cma_core.identity.model import Centre, TenantContext, User
from cma_core.shared.ids import CentreId, UserId


class SignInAudit(Protocol):
    """Where sign-in and session events are audited: the audit area's trail (identity sits
    below audit, so it names only this narrow port)."""

    async def __call__(
        self,
        ctx: TenantContext,
        action: str,
        entity_type: str,
        entity_id: str,
        *,
        fields: tuple[str, ...] = (),
    ) -> None:
        """Append one entry to ``ctx``'s centre's chain in a transaction of its own."""
        ...


class PasswordHasher(Protocol):
    def hash(self, password: str) -> str:
        """A salted, slow hash of ``password`` (the encoded form carries its parameters)."""
        ...

    def verify(self, password_hash: str, password: str) -> bool:
        """True if ``password`` matches. Never raises for a wrong password."""
        ...

    def needs_rehash(self, password_hash: str) -> bool:
        """True if the hash was made with weaker parameters than today's."""
        ...


class IdentityStore(Protocol):
    """Centres and users: the platform-level records that sit above tenancy.

    Users are global (one person may work for several centres); memberships say where.
    """

    async def add_centre(self, centre: Centre) -> None: ...

    async def get_centre(self, centre_id: CentreId) -> Centre | None: ...

    async def list_centres(self) -> Sequence[Centre]: ...

    async def add_user(self, user: User) -> None:
        """Raises ``Conflict`` if the email is taken."""
        ...

    async def save_user(self, user: User) -> None: ...

    async def get_user(self, user_id: UserId) -> User | None: ...

    async def get_user_by_email(self, email: str) -> User | None: ...

    async def list_users(self, centre_id: CentreId) -> Sequence[User]: ...
