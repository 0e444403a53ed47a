"""Identity use cases: centre and user administration, signing in, and sessions (refresh
token rotation, sign-out everywhere)."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import secrets
import uuid
from collections.abc import Callable, Collection, Iterable

import attrs
from attrs import define, field, frozen

from cma_core.identity.errors import InvalidSession, SecondFactorRequired, TooManyAttempts
from cma_core.identity.model import (
    Centre,
    PermissionGrant,
    TenantContext,
    User,
    centre_roles,
    check_grantable,
    check_member_version,
    normalise_email,
    require_name,
)
from cma_core.identity.passwords import (
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    check_password_policy,
)
from cma_core.identity.permissions import Permission, Role
from cma_core.identity.ports import (
    IdentityStore,
    LoginThrottle,
    OneTimePasswords,
    PasswordHasher,
    RefreshTokenStore,
    SessionRevocations,
    SignInAudit,
)
from cma_core.identity.recovery import (
    RecoveryDigest,
    new_recovery_codes,
    normalise_recovery_code,
    plain_digest,
)
from cma_core.identity.second_factor import SecondFactorPolicy, must_set_up, policy_roles
from cma_core.identity.sessions import (
    ActiveSession,
    Client,
    RefreshToken,
    active_sessions,
    hash_token,
)
from cma_core.shared.clock import Clock
from cma_core.shared.errors import (
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    StaleVersion,
    ValidationError,
)
from cma_core.shared.ids import CentreId, UserId
from cma_core.shared.service import IdFactory
from cma_core.shared.text import check_line

#: Security log: failed and throttled sign-ins, by the account's blind index (never the
#: email), so operators see attacks on unknown accounts too, which have no audit chain.
security_log = logging.getLogger("cma.security")

__all__ = [
    "MAX_PASSWORD_LENGTH",
    "MIN_PASSWORD_LENGTH",
    "CentreChoice",
    "IdentityService",
    "Profile",
    "SignedIn",
    "check_password_policy",
]

#: Turns a normalised email into its keyed blind index (never stored or logged in clear).
EmailIndex = Callable[[str], str]


@frozen
class SignedIn:
    """The outcome of a successful sign-in: who, for which centre, with which roles."""

    user: User
    context: TenantContext


@frozen
class Profile:
    """Who a context is, for the person signed in: their name and email, and the centre
    they are acting for (a system context has no user: ``None`` for both)."""

    display_name: str | None
    email: str | None
    centre_name: str | None


@frozen
class CentreChoice:
    """One centre the signed-in person works for, as they choose between them: its name,
    their roles there, whether it is the centre of this session, and whether they may act
    there (``False``: that centre's admin switched their membership off)."""

    centre_id: CentreId
    name: str
    roles: frozenset[Role]
    current: bool
    active: bool


@define
class IdentityService:
    store: IdentityStore
    hasher: PasswordHasher
    clock: Clock
    new_id: IdFactory = field(default=uuid.uuid4)
    #: Where sign-in events are audited (the centre's chain); ``None``: not audited.
    audit: SignInAudit | None = None
    email_index: EmailIndex | None = field(default=None, repr=False)
    throttle: LoginThrottle | None = None
    otp: OneTimePasswords | None = None
    #: A deployment's list of breached passwords, on top of the shipped common list.
    breached: Collection[str] = field(default=(), repr=False)
    #: How recovery codes are stored (``recovery``): the deployment's keyed HMAC.
    recovery_digest: RecoveryDigest = field(default=plain_digest, repr=False)

    def check_password(self, password: str, email: str, *, field: str = "password") -> None:
        """The password policy (``passwords.check_password_policy``) with this deployment's
        breached list."""
        check_password_policy(password, email=email, extra=self.breached, field=field)

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
        return await self._create_or_grant(centre_id, email, (role,), password, full_name)

    async def _create_or_grant(
        self,
        centre_id: CentreId,
        email: str,
        roles: tuple[Role, ...],
        password: str,
        full_name: str | None,
    ) -> User:
        if await self.store.get_centre(centre_id) is None:
            raise NotFound("centre", centre_id)
        address = normalise_email(email)
        existing = await self.store.get_user_by_email(address)
        if existing is not None:
            held = existing.roles_in(centre_id)
            if all(r in held for r in roles):
                names = ", ".join(r.value for r in roles)
                raise Conflict(f"{address} already has the role {names} in this centre")
            for role in roles:
                existing.grant(centre_id, role)
            await self.store.save_user(existing)
            return existing
        self.check_password(password, address)
        user = User(
            id=UserId(self.new_id()),
            email=address,
            full_name=require_name(full_name or address.split("@")[0], field="full_name"),
            password_hash=self.hasher.hash(password),
            created_at=self.clock.now(),
        )
        for role in roles:
            user.grant(centre_id, role)
        await self.store.add_user(user)
        return user

    # --- members of the acting centre (the centre admin's, ``user:manage``) -------------

    async def add_member(
        self,
        ctx: TenantContext,
        *,
        email: str,
        roles: Iterable[Role],
        password: str,
        full_name: str | None = None,
    ) -> User:
        """Create a user with ``roles`` in the acting centre (what ``cma user create`` does
        for one role). Someone who already has an account (in another centre) gets the
        roles here and keeps their password; one already working here with those roles is
        a conflict. Audited as ``user.created`` (field names: the roles)."""
        ctx.require(Permission.USER_MANAGE)
        chosen = centre_roles(roles)
        user = await self._create_or_grant(ctx.centre_id, email, chosen, password, full_name)
        await self.audit_event(
            ctx, "user.created", "user", str(user.id), fields=tuple(r.value for r in chosen)
        )
        return user

    async def set_member_roles(
        self,
        ctx: TenantContext,
        user_id: UserId,
        roles: Iterable[Role],
        *,
        expected_version: int | None,
    ) -> User:
        """Replace a member's roles in the acting centre (other centres are untouched).
        An admin cannot take ``centre_admin`` from themselves (the centre would risk having
        no admin). Audited as ``user.roles_changed`` with the new roles."""
        user = await self._member(ctx, user_id)
        check_member_version(user, ctx.centre_id, expected_version)
        chosen = centre_roles(roles)
        if user.id == ctx.user_id and Role.CENTRE_ADMIN not in chosen:
            raise ValidationError("roles", "you cannot remove centre_admin from yourself")
        user.set_roles(ctx.centre_id, chosen)
        await self.store.save_user(user)
        await self.audit_event(
            ctx, "user.roles_changed", "user", str(user.id), fields=tuple(r.value for r in chosen)
        )
        return user

    async def set_member_active(
        self,
        ctx: TenantContext,
        user_id: UserId,
        active: bool,
        *,
        expected_version: int | None,
    ) -> User:
        """Deactivate (no sign-in, no refresh, tokens refused within seconds) or reactivate
        a member *in the acting centre*: their membership here is switched, their roles
        kept; other centres they work for are untouched. The account-wide lock is the
        operator's (``cma user lock``). Nobody deactivates themselves. Audited as
        ``user.deactivated`` / ``user.reactivated``."""
        user = await self._member(ctx, user_id)
        check_member_version(user, ctx.centre_id, expected_version)
        if (ctx.centre_id not in user.inactive_in) is active:
            return user
        if not active and user.id == ctx.user_id:
            raise Conflict("you cannot deactivate yourself")
        user.set_active_in(ctx.centre_id, active)
        await self.store.save_user(user)
        action = "user.reactivated" if active else "user.deactivated"
        await self.audit_event(ctx, action, "user", str(user.id), fields=("active",))
        return user

    async def authenticate(
        self,
        email: str,
        password: str,
        *,
        centre_id: CentreId | None = None,
        otp: str | None = None,
        address: str | None = None,
        recovery_code: str | None = None,
    ) -> SignedIn:
        """Check credentials and pick the centre the session is for: the one named, else
        the one the person last chose (named at sign-in, or switched to) while they still
        work there, else their first.

        Raises ``AuthenticationFailed`` for an unknown email, a wrong password, an inactive
        user or a centre the user does not belong to, without saying which;
        ``TooManyAttempts`` when the account or the client ``address`` is throttled;
        ``SecondFactorRequired`` when the password is right but a needed ``otp`` (or a
        ``recovery_code`` in its place, spent by this sign-in) is missing. Every outcome
        is audited under the centre when one is known; an unknown account is recorded by
        its email's blind index, never the email itself.
        """
        try:
            normalised: str | None = normalise_email(email)
        except ValidationError:
            normalised = None
        account = self._index(normalised or email.strip())
        attempt = _Attempt(account, address)
        if self.throttle is not None:
            wait = await self.throttle.blocked_for(account, address)
            if wait > 0:
                user = await self.store.get_user_by_email(normalised) if normalised else None
                await self._audit_failure(user, centre_id, attempt, "auth.login_throttled")
                raise TooManyAttempts(wait)
        user = await self.store.get_user_by_email(normalised) if normalised else None
        if user is None:
            # Hash anyway so an unknown email takes as long as a wrong password.
            self.hasher.verify(_DUMMY_HASH.value(self.hasher), password)
            await self._fail(attempt, None, centre_id)
        assert user is not None
        if not self.hasher.verify(user.password_hash, password) or not user.active:
            await self._fail(attempt, user, centre_id)
        centres = user.working_centres
        chosen = centre_id if centre_id is not None else await self._landing(user.id, centres)
        if chosen is None or chosen not in centres:
            await self._fail(attempt, user, centre_id)
        assert chosen is not None
        if user.totp_enabled:
            if not otp and not recovery_code:
                raise SecondFactorRequired()
            wrong = await self._second_factor_wrong(user, otp, recovery_code)
            if wrong is not None:
                failed = "auth.otp_failed" if wrong == "otp" else "auth.recovery_code_failed"
                await self._fail(attempt, user, chosen, action=failed)
        if self.hasher.needs_rehash(user.password_hash):
            user.password_hash = self.hasher.hash(password)
            with contextlib.suppress(StaleVersion):  # an admin's edit won: rehash next time
                await self.store.save_user(user)
        if self.throttle is not None:
            await self.throttle.reset(account)
        if centre_id is not None:
            await self.store.remember_centre(user.id, chosen)
        now = self.clock.now()
        ctx = attrs.evolve(await self._context(user, chosen), authenticated_at=now)
        await self.audit_event(
            ctx,
            "auth.login_succeeded",
            "user",
            str(user.id),
            fields=("second_factor_setup",) if ctx.setup_only else (),
        )
        if user.totp_enabled and recovery_code:
            await self.audit_event(ctx, "auth.recovery_code_used", "user", str(user.id))
        return SignedIn(user=user, context=ctx)

    async def _landing(self, user_id: UserId, centres: list[CentreId]) -> CentreId | None:
        """Where a sign-in naming no centre lands: the centre last chosen (signed in to by
        name, or switched to) while the person still works there, else their first."""
        if not centres:
            return None
        last = await self.store.last_centre(user_id)
        return last if last in centres else centres[0]

    async def remember_centre(self, user_id: UserId, centre_id: CentreId) -> None:
        """Record a centre the person chose (a switch): their next sign-in lands there."""
        await self.store.remember_centre(user_id, centre_id)

    async def context_for(self, user_id: UserId, centre_id: CentreId) -> TenantContext:
        """Rebuild a context from the store (roles and grants may have changed since a
        token was issued, and so may the centre's second-factor rule)."""
        user = await self.store.get_user(user_id)
        if user is None or not user.active_in(centre_id):
            raise NotFound("user", user_id)
        return await self._context(user, centre_id)

    async def profile(self, ctx: TenantContext) -> Profile:
        """The signed-in person's own name and email and their centre's name (their own
        account only: nothing another user could not already see of themselves)."""
        user = await self.store.get_user(ctx.user_id) if ctx.user_id else None
        centre = await self.store.get_centre(ctx.centre_id)
        return Profile(
            display_name=user.full_name if user else None,
            email=user.email if user else None,
            centre_name=centre.name if centre else None,
        )

    async def my_centres(self, ctx: TenantContext) -> list[CentreChoice]:
        """Every centre the signed-in person has a role in, by name (their own memberships
        only, the current centre's included): what ``switch_centre`` can be asked for. A
        system context has no person and no centres to choose from."""
        user = await self.store.get_user(ctx.user_id) if ctx.user_id else None
        if user is None:
            return []
        choices = []
        for centre_id in dict.fromkeys(m.centre_id for m in user.memberships):
            centre = await self.store.get_centre(centre_id)
            if centre is None:
                continue
            choices.append(
                CentreChoice(
                    centre_id=centre_id,
                    name=centre.name,
                    roles=user.roles_in(centre_id),
                    current=centre_id == ctx.centre_id,
                    active=user.active_in(centre_id),
                )
            )
        return sorted(choices, key=lambda c: (c.name.casefold(), str(c.centre_id)))

    async def _context(self, user: User, centre_id: CentreId) -> TenantContext:
        """``user``'s context in ``centre_id``: setup-only when the centre requires a
        second factor of one of their roles there and they have not enabled TOTP."""
        ctx = user.context_in(centre_id, self.clock.now())
        if user.totp_enabled:
            return ctx
        policy = await self.store.get_second_factor_policy(centre_id)
        if must_set_up(policy, ctx.roles, totp_enabled=user.totp_enabled):
            return attrs.evolve(ctx, setup_only=True)
        return ctx

    # --- the centre's second-factor rule (``centre:settings``) ---------------------------

    async def second_factor_policy(self, ctx: TenantContext) -> SecondFactorPolicy:
        """The acting centre's rule (version 0, no roles, until first saved)."""
        ctx.require(Permission.CENTRE_SETTINGS)
        stored = await self.store.get_second_factor_policy(ctx.centre_id)
        return stored or SecondFactorPolicy(centre_id=ctx.centre_id)

    async def set_second_factor_roles(
        self, ctx: TenantContext, roles: Iterable[str | Role], *, expected_version: int
    ) -> SecondFactorPolicy:
        """Require a second factor of ``roles`` in the acting centre (none: of nobody).
        Takes effect at each member's next sign-in, refresh or centre switch. Refused
        (409) when this deployment has no one-time passwords, as nobody could comply.
        Audited as ``centre.second_factor_changed`` (field names: the roles)."""
        ctx.require(Permission.CENTRE_SETTINGS)
        chosen = policy_roles(roles)
        if chosen and self.otp is None:
            raise Conflict(
                "one-time passwords are not available in this deployment: "
                "a second factor cannot be required"
            )
        policy = SecondFactorPolicy(
            centre_id=ctx.centre_id,
            roles=chosen,
            updated_at=self.clock.now(),
            updated_by=ctx.user_id,
            version=expected_version,
        )
        saved = await self.store.save_second_factor_policy(
            policy, expected_version=expected_version
        )
        await self.audit_event(
            ctx,
            "centre.second_factor_changed",
            "centre",
            str(ctx.centre_id),
            fields=tuple(r.value for r in saved.ordered_roles),
        )
        return saved

    async def confirm_identity(
        self,
        ctx: TenantContext,
        password: str,
        otp: str | None,
        *,
        address: str | None,
        password_field: str = "password",  # noqa: S107 - a field name
        recovery_code: str | None = None,
    ) -> User:
        """The signed-in user proves again who they are (step-up, password change): their
        password, and a code when they enabled TOTP (or an unused recovery code, spent
        here). Throttled and audited like a sign-in; a wrong answer is a 422 naming
        ``password``, ``otp`` or ``recovery_code`` (the session stays)."""
        user = await self._acting_user(ctx)
        attempt = _Attempt(self._index(user.email), address)
        if self.throttle is not None:
            wait = await self.throttle.blocked_for(attempt.account, address)
            if wait > 0:
                raise TooManyAttempts(wait)
        wrong: str | None = None
        if not self.hasher.verify(user.password_hash, password):
            wrong = password_field
        elif user.totp_enabled:
            wrong = await self._second_factor_wrong(user, otp, recovery_code)
        if wrong is not None:
            if self.throttle is not None:
                await self.throttle.record_failure(attempt.account, address)
            await self.audit_event(ctx, "auth.reauth_failed", "user", str(user.id))
            raise ValidationError(wrong, _WRONG.get(wrong, "is not your password"))
        if self.throttle is not None:
            await self.throttle.reset(attempt.account)
        if user.totp_enabled and recovery_code:
            await self.audit_event(ctx, "auth.recovery_code_used", "user", str(user.id))
        return user

    async def _second_factor_wrong(
        self, user: User, otp: str | None, recovery_code: str | None
    ) -> str | None:
        """``None`` when ``user`` gave their current TOTP code or one of their unused
        recovery codes (which this spends, atomically: of two concurrent uses one wins);
        otherwise the field at fault. A recovery code, when given, is what is checked."""
        if recovery_code:
            code = normalise_recovery_code(recovery_code)
            if code is None or not await self.store.use_recovery_code(
                user.id, self.recovery_digest(user.id, code), self.clock.now()
            ):
                return "recovery_code"
            return None
        if not otp or self.otp is None:
            return "otp"
        if not self.otp.verify(user.totp_secret or "", otp, self.clock.now()):
            return "otp"
        return None

    # --- per-user permission grants ------------------------------------------------------

    async def _member(self, ctx: TenantContext, user_id: UserId) -> User:
        """A user of the acting centre; any other user is not found (tenancy)."""
        ctx.require(Permission.USER_MANAGE)
        user = await self.store.get_user(user_id)
        if user is None or ctx.centre_id not in user.centre_ids:
            raise NotFound("user", user_id)
        return user

    async def list_grants(self, ctx: TenantContext, user_id: UserId) -> list[PermissionGrant]:
        """The user's grants in the acting centre, expired ones included (by permission)."""
        user = await self._member(ctx, user_id)
        return sorted(
            (g for g in user.grants if g.centre_id == ctx.centre_id),
            key=lambda g: g.permission.value,
        )

    async def grant(
        self,
        ctx: TenantContext,
        user_id: UserId,
        permission: Permission,
        *,
        reason: str,
        expires_at: dt.datetime | None = None,
    ) -> PermissionGrant:
        """Give one user ``permission`` in the acting centre (replacing an earlier grant of
        it). Never ``centre:manage``/``user:manage``, and only what the granter holds
        themselves (the CLI's system context holds every grantable permission).
        Audited as ``user.permission_granted``."""
        check_line(reason, "reason", max_length=500)
        user = await self._member(ctx, user_id)
        check_grantable(permission)
        if not ctx.can(permission):
            raise PermissionDenied(f"you cannot grant {permission.value}: you do not hold it")
        now = self.clock.now()
        if expires_at is not None and expires_at <= now:
            raise ValidationError("expires_at", "must be in the future")
        grant = PermissionGrant(
            centre_id=ctx.centre_id,
            permission=permission,
            granted_by=ctx.user_id,
            granted_at=now,
            reason=require_name(reason, field="reason", max_len=500),
            expires_at=expires_at,
        )
        user.give(grant)
        await self.store.save_user(user)
        await self.audit_event(
            ctx, "user.permission_granted", "user", str(user.id), fields=(permission.value,)
        )
        return grant

    async def revoke(self, ctx: TenantContext, user_id: UserId, permission: Permission) -> None:
        """Take a grant back (404 if the user has no such grant here). Tokens already
        issued keep it until they expire (at most the access-token lifetime); refreshing
        drops it at once. Audited as ``user.permission_revoked``."""
        user = await self._member(ctx, user_id)
        if user.revoke(ctx.centre_id, permission) is None:
            raise NotFound("grant", permission.value)
        await self.store.save_user(user)
        await self.audit_event(
            ctx, "user.permission_revoked", "user", str(user.id), fields=(permission.value,)
        )

    async def remove_member(self, ctx: TenantContext, user_id: UserId) -> None:
        """Take a user out of the acting centre (every role and grant there). Their access
        tokens for it stop working within the session check's cache time (seconds), their
        refresh tokens for it at the next refresh. Audited as ``user.removed``."""
        user = await self._member(ctx, user_id)
        if ctx.user_id == user.id:
            raise Conflict("you cannot remove yourself from the centre")
        user.leave(ctx.centre_id)
        await self.store.save_user(user)
        await self.audit_event(ctx, "user.removed", "user", str(user.id))

    # --- second factor -----------------------------------------------------------------

    async def enrol_totp(self, ctx: TenantContext, *, issuer: str = "CMA") -> tuple[str, str]:
        """Give the user a new, not yet active, TOTP secret: ``(secret, otpauth URI)``."""
        user = await self._acting_user(ctx)
        if self.otp is None:
            raise Conflict("one-time passwords are not available in this deployment")
        user.totp_secret = self.otp.new_secret()
        user.totp_enabled = False
        await self.store.save_user(user)
        # A new secret: the recovery codes of the old one go with it (new ones on confirm).
        await self.store.replace_recovery_codes(user.id, (), self.clock.now())
        await self.audit_event(ctx, "auth.totp_enrolled", "user", str(user.id))
        return user.totp_secret, self.otp.provisioning_uri(
            user.totp_secret, account=user.email, issuer=issuer
        )

    async def confirm_totp(self, ctx: TenantContext, code: str) -> list[str]:
        """Turn the second factor on once the user proves their app has the secret. Returns
        the user's new recovery codes (``recovery``): the only time they are seen."""
        user = await self._acting_user(ctx)
        if self.otp is None or not user.totp_secret:
            raise Conflict("enrol first: POST /api/v1/auth/totp/enrol")
        if not self.otp.verify(user.totp_secret, code, self.clock.now()):
            raise ValidationError("otp", "is not the current code from your authenticator app")
        user.totp_enabled = True
        await self.store.save_user(user)
        codes = await self._new_recovery_codes(user)
        await self.audit_event(ctx, "auth.totp_enabled", "user", str(user.id))
        return codes

    async def _new_recovery_codes(self, user: User) -> list[str]:
        codes = new_recovery_codes()
        digests = [self.recovery_digest(user.id, normalise_recovery_code(c) or c) for c in codes]
        await self.store.replace_recovery_codes(user.id, digests, self.clock.now())
        return codes

    async def recovery_codes_left(self, ctx: TenantContext) -> tuple[bool, int]:
        """Whether the signed-in user has TOTP on, and how many unused recovery codes they
        have (0 without TOTP)."""
        user = await self._acting_user(ctx)
        if not user.totp_enabled:
            return False, 0
        return True, await self.store.recovery_codes_left(user.id)

    async def regenerate_recovery_codes(self, ctx: TenantContext) -> list[str]:
        """New recovery codes for the signed-in user; every earlier one stops working.
        409 without TOTP enabled. Audited as ``auth.recovery_codes_regenerated``."""
        user = await self._acting_user(ctx)
        if not user.totp_enabled:
            raise Conflict("turn on 2-step verification first: recovery codes go with it")
        codes = await self._new_recovery_codes(user)
        await self.audit_event(ctx, "auth.recovery_codes_regenerated", "user", str(user.id))
        return codes

    async def reset_member_second_factor(
        self, ctx: TenantContext, user_id: UserId, *, expected_version: int | None
    ) -> User:
        """A centre admin (``user:manage``) takes a member's lost second factor away: their
        TOTP secret and recovery codes go, so their next sign-in needs the password alone,
        or gives a setup-only token where the centre requires a second factor of their role.
        Only for someone who works for the acting centre alone (a factor is account-wide:
        one centre's admin must not weaken a sign-in another centre relies on), never one's
        own, never a platform admin's. Audited as ``user.second_factor_reset`` (actor: the
        admin; entity: the member). The caller ends the member's sessions
        (``AccountService.reset_second_factor``)."""
        user = await self._member(ctx, user_id)
        check_member_version(user, ctx.centre_id, expected_version)
        if user.id == ctx.user_id:
            raise Conflict(
                "you cannot reset your own 2-step verification: use a recovery code, or ask "
                "another admin of the centre"
            )
        if any(m.role is Role.PLATFORM_ADMIN for m in user.memberships):
            raise PermissionDenied("a platform admin's 2-step verification is not the centre's")
        if any(c != ctx.centre_id for c in user.centre_ids):
            raise Conflict(
                "they also work for another centre: their 2-step verification is reset by "
                "the platform operator"
            )
        if user.totp_secret is None and not user.totp_enabled:
            raise Conflict("they have no 2-step verification to reset")
        user.totp_secret = None
        user.totp_enabled = False
        await self.store.save_user(user)
        await self.store.replace_recovery_codes(user.id, (), self.clock.now())
        await self.audit_event(
            ctx, "user.second_factor_reset", "user", str(user.id), fields=("second_factor",)
        )
        return user

    async def _acting_user(self, ctx: TenantContext) -> User:
        user = await self.store.get_user(ctx.user_id) if ctx.user_id else None
        if user is None:
            raise NotFound("user", ctx.user_id)
        return user

    # --- auditing ------------------------------------------------------------------------

    def account_index(self, email: str) -> str:
        """The keyed blind index of a normalised email (throttle and log keys)."""
        return self._index(email)

    def _index(self, value: str) -> str:
        if self.email_index is None:
            return "unindexed"
        return self.email_index(value)

    async def _fail(
        self,
        attempt: _Attempt,
        user: User | None,
        centre_id: CentreId | None,
        *,
        action: str = "auth.login_failed",
    ) -> None:
        if self.throttle is not None:
            await self.throttle.record_failure(attempt.account, attempt.address)
        await self._audit_failure(user, centre_id, attempt, action)
        raise AuthenticationFailed()

    async def _audit_failure(
        self, user: User | None, centre_id: CentreId | None, attempt: _Attempt, action: str
    ) -> None:
        """A failed attempt goes on the chain of the centre asked for, else the user's
        first centre; with no centre known (unknown email, no centre named) there is no
        chain to put it on, and the security log and the throttle record it. Never the
        email or the password: the account's blind index and the client address."""
        security_log.warning(
            "%s account=%s user=%s centre=%s address=%s",
            action,
            attempt.account,
            user.id if user is not None else None,
            centre_id,
            attempt.address,
        )
        centre = centre_id
        if user is not None and (centre is None or centre not in user.centre_ids):
            centre = user.centre_ids[0] if user.centre_ids else None
        if centre is None or await self.store.get_centre(centre) is None:
            return
        ctx = TenantContext(centre_id=centre, user_id=None, roles=frozenset())
        if user is not None:
            await self.audit_event(ctx, action, "user", str(user.id))
        else:
            await self.audit_event(ctx, action, "login", attempt.account)

    async def audit_event(
        self,
        ctx: TenantContext,
        action: str,
        entity_type: str,
        entity_id: str,
        *,
        fields: tuple[str, ...] = (),
    ) -> None:
        """Append a sign-in/session event to the centre's chain in its own transaction."""
        if self.audit is not None:
            await self.audit(ctx, action, entity_type, entity_id, fields=fields)


#: What a wrong second factor is called, by the field that carried it.
_WRONG = {
    "otp": "is not right",
    "recovery_code": "is not an unused recovery code of yours",
}


@frozen
class _Attempt:
    """Who a sign-in attempt was for (the email's blind index) and where it came from."""

    account: str
    address: str | None


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


DEFAULT_REFRESH_TTL = dt.timedelta(days=14)


def _new_raw_token() -> str:
    return secrets.token_urlsafe(32)


@define
class SessionService:
    tokens: RefreshTokenStore
    identity: IdentityService
    clock: Clock
    ttl: dt.timedelta = DEFAULT_REFRESH_TTL
    new_raw_token: Callable[[], str] = field(default=_new_raw_token)
    #: Where ended sessions are announced to every API process (``SessionGate``);
    #: ``None``: the database alone, within the gate's cache time.
    revocations: SessionRevocations | None = None
    #: How long an access token lives: an ended session must be remembered that long.
    access_ttl_seconds: int = 900
    #: Called with (session id, user id) after this process ended sessions, so its own
    #: cached verdicts go at once (the gate's ``forget``).
    on_ended: Callable[[uuid.UUID | None, UserId | None], None] | None = None

    async def open(
        self, ctx: TenantContext, client: Client | None = None
    ) -> tuple[TenantContext, str]:
        """Begin a session (a new refresh family) for ``ctx``: the context its access
        tokens carry (with the session id) and the first refresh token. ``client`` is
        where it was asked from (shown in the user's session list)."""
        family = uuid.uuid4()
        raw = await self.start(ctx, family_id=family, client=client)
        return attrs.evolve(ctx, session_id=family, issued_at=self.clock.now()), raw

    async def start(
        self,
        ctx: TenantContext,
        *,
        family_id: uuid.UUID | None = None,
        client: Client | None = None,
    ) -> str:
        """Issue a refresh token for ``ctx`` (a new family unless continuing one)."""
        assert ctx.user_id is not None
        raw = self.new_raw_token()
        now = self.clock.now()
        await self.tokens.add(
            RefreshToken(
                id=uuid.uuid4(),
                family_id=family_id or uuid.uuid4(),
                user_id=ctx.user_id,
                centre_id=ctx.centre_id,
                token_hash=hash_token(raw),
                issued_at=now,
                expires_at=now + self.ttl,
                authenticated_at=ctx.authenticated_at,
                address=client.address if client else None,
                user_agent=client.user_agent if client else None,
            )
        )
        return raw

    async def rotate(self, raw: str, client: Client | None = None) -> tuple[TenantContext, str]:
        """Use up ``raw`` and return a fresh context (current roles) and the next token.

        A token already used (or revoked) revokes its whole family: whoever holds the
        newer token has to sign in again, so a stolen token is worth one use at most.
        """
        now = self.clock.now()
        token = await self.tokens.get_by_hash(hash_token(raw))
        if token is None:
            raise InvalidSession()
        if token.used_at is not None or token.revoked_at is not None:
            await self._reuse(token)
            raise InvalidSession()
        if now >= token.expires_at:
            raise InvalidSession()
        if not await self.tokens.mark_used(token.id, now):
            await self._reuse(token)  # lost a race with another use of the same token
            raise InvalidSession()
        try:
            ctx = await self.identity.context_for(token.user_id, token.centre_id)
        except NotFound:
            await self.tokens.revoke_family(token.family_id, now)
            raise InvalidSession() from None
        ctx = attrs.evolve(ctx, authenticated_at=token.authenticated_at)
        if client is None or (client.address is None and client.user_agent is None):
            client = Client(token.address, token.user_agent)
        new_raw = await self.start(ctx, family_id=token.family_id, client=client)
        await self.identity.audit_event(ctx, "auth.refreshed", "user", str(ctx.user_id))
        return attrs.evolve(ctx, session_id=token.family_id, issued_at=now), new_raw

    async def _reuse(self, token: RefreshToken) -> None:
        if token.revoked_at is None or token.used_at is not None:
            await self.tokens.revoke_family(token.family_id, self.clock.now())
            await self._ended(token.family_id)
        ctx = TenantContext(centre_id=token.centre_id, user_id=token.user_id, roles=frozenset())
        await self.identity.audit_event(ctx, "auth.refresh_reused", "user", str(token.user_id))

    async def logout(self, ctx: TenantContext, raw: str | None) -> None:
        """End the session: the access token's own session and the refresh token's family
        (if it is the caller's). Both stop working: the refresh token at once, the access
        token at once in this process and wherever Redis is shared, and within the
        session check's cache time (``CMA_SESSION_CHECK_SECONDS``) everywhere else."""
        now = self.clock.now()
        families: set[uuid.UUID] = set()
        if ctx.session_id is not None:
            families.add(ctx.session_id)
        if raw:
            token = await self.tokens.get_by_hash(hash_token(raw))
            if token is not None and token.user_id == ctx.user_id:
                families.add(token.family_id)
        for family in sorted(families):
            await self.tokens.revoke_family(family, now)
            await self._ended(family)
        await self.identity.audit_event(ctx, "auth.logout", "user", str(ctx.user_id))

    async def logout_everywhere(self, ctx: TenantContext) -> None:
        """Sign out everywhere: every session of the caller, on every device and centre,
        ends (every refresh token revoked, every access token refused)."""
        if ctx.user_id is None:
            raise PermissionDenied("only a signed-in user can sign out")
        now = self.clock.now()
        await self.tokens.revoke_user(ctx.user_id, now)
        if self.revocations is not None:
            await self.revocations.revoke_user(
                ctx.user_id, now, ttl_seconds=self.access_ttl_seconds
            )
        if self.on_ended is not None:
            self.on_ended(None, ctx.user_id)
        await self.identity.audit_event(ctx, "auth.logout_everywhere", "user", str(ctx.user_id))

    async def _ended(self, family: uuid.UUID) -> None:
        if self.revocations is not None:
            await self.revocations.revoke_session(family, ttl_seconds=self.access_ttl_seconds)
        if self.on_ended is not None:
            self.on_ended(family, None)

    async def switch_centre(self, ctx: TenantContext, centre_id: CentreId) -> TenantContext:
        """A context for another centre of the same user (403 if not a member)."""
        if ctx.user_id is None:
            raise PermissionDenied("only a signed-in user can switch centre")
        try:
            new_ctx = await self.identity.context_for(ctx.user_id, centre_id)
        except NotFound:
            raise PermissionDenied("you do not work for that centre") from None
        await self.identity.audit_event(new_ctx, "auth.centre_switched", "user", str(ctx.user_id))
        await self.identity.remember_centre(ctx.user_id, centre_id)
        # The same person, proven at the same moment: a switch is not a new sign-in.
        return attrs.evolve(new_ctx, authenticated_at=ctx.authenticated_at)

    # --- the user's own sessions (ASVS 3.3.4) ------------------------------------------

    async def list_sessions(self, ctx: TenantContext) -> list[ActiveSession]:
        """The caller's live sessions on every device and centre, newest use first."""
        if ctx.user_id is None:
            raise PermissionDenied("only a signed-in user has sessions")
        now = self.clock.now()
        tokens = list(await self.tokens.list_user(ctx.user_id, now))
        return active_sessions(tokens, now, ctx.session_id)

    async def revoke_session(self, ctx: TenantContext, session_id: uuid.UUID) -> None:
        """End one of the caller's sessions (404 for any other id): its refresh token at
        once, its access tokens at once where Redis is shared and within the session
        check's cache time elsewhere. Audited as ``auth.session_revoked``."""
        if not any(s.id == session_id for s in await self.list_sessions(ctx)):
            raise NotFound("session", session_id)
        await self.tokens.revoke_family(session_id, self.clock.now())
        await self._ended(session_id)
        await self.identity.audit_event(ctx, "auth.session_revoked", "session", str(session_id))

    async def end_all(self, user_id: UserId, *, keep: uuid.UUID | None = None) -> None:
        """End every session of ``user_id`` (a password reset, a lock), or every one but
        ``keep`` (a password change keeps the session it was made in)."""
        now = self.clock.now()
        if keep is None:
            await self.tokens.revoke_user(user_id, now)
            if self.revocations is not None:
                await self.revocations.revoke_user(
                    user_id, now, ttl_seconds=self.access_ttl_seconds
                )
            if self.on_ended is not None:
                self.on_ended(None, user_id)
            return
        for session in active_sessions(list(await self.tokens.list_user(user_id, now)), now, keep):
            if not session.current:
                await self.tokens.revoke_family(session.id, now)
                await self._ended(session.id)

    async def reauthenticated(self, ctx: TenantContext) -> TenantContext:
        """After a step-up: the context with a fresh ``authenticated_at``; the session's
        refresh tokens carry it from now on."""
        now = self.clock.now()
        if ctx.session_id is not None:
            await self.tokens.set_authenticated(ctx.session_id, now)
        return attrs.evolve(ctx, authenticated_at=now, issued_at=now)
