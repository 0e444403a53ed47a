"""A user's own account: change password, forgotten password (reset by email), step-up
re-authentication; and the operator's account-wide lock and password reset.

Password reset (ASVS 2.5): anyone may ask for a reset of an email address and always gets
the same answer, whether or not the address has an account (the caller learns nothing).
If it has an active one, a link is mailed to it carrying 256 random bits; only their
SHA-256 is stored, the link works once and for ``reset_ttl`` (30 minutes by default), and
a newer link replaces older ones. Setting the new password (which must meet the policy)
ends every session of the user and is audited in each of their centres.

The request does the same work whether or not the address has an account (ASVS 2.5.x, no
timing side channel): it checks the rate limits and queues the address
(``ResetRequestQueue``), never reading the users or mailing. The worker
(``send_requested_resets``, every few seconds; in the embedded default a background task
after the answer) looks the address up, makes the link and mails it.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import uuid
from collections.abc import Callable

from attrs import define, field

from cma_core.identity.errors import TooManyAttempts
from cma_core.identity.model import TenantContext, User, normalise_email
from cma_core.identity.ports import (
    AccountMail,
    PasswordResetStore,
    RateLimiter,
    ResetRequestQueue,
)
from cma_core.identity.service import IdentityService, SessionService
from cma_core.identity.sessions import PasswordReset, ResetRequest, hash_token
from cma_core.shared.clock import Clock
from cma_core.shared.errors import NotFound, ValidationError
from cma_core.shared.ids import UserId

security_log = logging.getLogger("cma.security")

DEFAULT_RESET_TTL = dt.timedelta(minutes=30)
#: Reset requests per account and per client address per hour (more are dropped / 429).
RESET_PER_ACCOUNT_PER_HOUR = 3
RESET_PER_ADDRESS_PER_HOUR = 20

RESET_SUBJECT = "Reset your CMA password"
#: A request claimed by a worker that has not finished it this long after is taken again.
RESET_CLAIM_TIMEOUT = dt.timedelta(minutes=2)


def _new_raw_token() -> str:
    return secrets.token_urlsafe(32)


@define
class AccountService:
    identity: IdentityService
    sessions: SessionService
    resets: PasswordResetStore
    clock: Clock
    #: Where the reset link goes; ``None``: resets cannot be mailed (requests are no-ops).
    mail: AccountMail | None = None
    limiter: RateLimiter | None = None
    reset_ttl: dt.timedelta = DEFAULT_RESET_TTL
    #: The page the link opens, the token appended (``…/reset-password#token=``); empty:
    #: the mail carries the token alone, to paste into ``POST /auth/password-reset/confirm``.
    reset_link: str = ""
    new_raw_token: Callable[[], str] = field(default=_new_raw_token, repr=False)
    #: Requests waiting for the worker; ``None``: resets cannot be requested (no-ops).
    requests: ResetRequestQueue | None = None
    #: Called after a request is queued: the embedded default starts a background send;
    #: with a worker, ``None`` (its periodic run picks the request up).
    kick: Callable[[], None] | None = None

    # --- signed in -----------------------------------------------------------------------

    async def change_password(
        self,
        ctx: TenantContext,
        current: str,
        new: str,
        *,
        otp: str | None = None,
        address: str | None = None,
        recovery_code: str | None = None,
    ) -> TenantContext:
        """Change the caller's password: the current one (and code) first, then the policy.
        Every *other* session of theirs ends; this one goes on, freshly authenticated.
        Audited as ``auth.password_changed``."""
        user = await self.identity.confirm_identity(
            ctx,
            current,
            otp,
            address=address,
            password_field="current_password",  # noqa: S106
            recovery_code=recovery_code,
        )
        self.identity.check_password(new, user.email, field="new_password")
        await self._set_password(user, new)
        await self.sessions.end_all(user.id, keep=ctx.session_id)
        await self.identity.audit_event(ctx, "auth.password_changed", "user", str(user.id))
        return await self.sessions.reauthenticated(ctx)

    async def reauthenticate(
        self,
        ctx: TenantContext,
        password: str,
        otp: str | None,
        *,
        address: str | None,
        recovery_code: str | None = None,
    ) -> TenantContext:
        """Step-up (ASVS 3.7.1): the caller proves who they are again; their session's
        ``authenticated_at`` becomes now. Audited as ``auth.reauthenticated``."""
        user = await self.identity.confirm_identity(
            ctx, password, otp, address=address, recovery_code=recovery_code
        )
        fresh = await self.sessions.reauthenticated(ctx)
        await self.identity.audit_event(ctx, "auth.reauthenticated", "user", str(user.id))
        return fresh

    # --- a member's lost second factor (the centre admin) -------------------------------

    async def reset_second_factor(
        self, ctx: TenantContext, user_id: UserId, *, expected_version: int | None
    ) -> User:
        """``IdentityService.reset_member_second_factor``, then every session of the member
        ends (refresh tokens revoked, access tokens refused): whoever holds their phone or
        a session now has to sign in again, and is held on setup where the rule says so."""
        user = await self.identity.reset_member_second_factor(
            ctx, user_id, expected_version=expected_version
        )
        await self.sessions.end_all(user.id)
        return user

    # --- forgotten password --------------------------------------------------------------

    async def request_reset(self, email: str, *, address: str | None) -> None:
        """Queue a reset request for ``email``; the worker mails a link if it has an active
        account, nothing otherwise. Never says which, and does the same work either way.
        ``TooManyAttempts`` (429) only per client address, which reveals nothing
        about the account; per account, requests past the limit are dropped silently."""
        if self.limiter is not None and address is not None:
            wait = await self.limiter.hit(
                f"reset-address:{address}", limit=RESET_PER_ADDRESS_PER_HOUR, window_seconds=3600
            )
            if wait:
                raise TooManyAttempts(wait)
        try:
            normalised = normalise_email(email)
        except ValidationError:
            return
        account = self.identity.account_index(normalised)
        if self.limiter is not None and await self.limiter.hit(
            f"reset-account:{account}", limit=RESET_PER_ACCOUNT_PER_HOUR, window_seconds=3600
        ):
            security_log.warning("auth.reset_throttled account=%s address=%s", account, address)
            return
        if self.requests is None:
            return
        await self.requests.add(
            ResetRequest(id=uuid.uuid4(), email=normalised, requested_at=self.clock.now())
        )
        security_log.info("auth.reset_queued account=%s address=%s", account, address)
        if self.kick is not None:
            self.kick()

    async def send_requested_resets(self, limit: int = 100) -> int:
        """The worker's part of a reset request: for each queued request, look the address
        up and, if it has an active account, mail it a link. A request older than the link
        would live is dropped. A failed mail leaves the request to be taken again after
        ``RESET_CLAIM_TIMEOUT``. Returns how many links were mailed."""
        if self.requests is None:
            return 0
        now = self.clock.now()
        stale = now - RESET_CLAIM_TIMEOUT
        sent = 0
        for request in await self.requests.pending(claimed_before=stale, limit=limit):
            if not await self.requests.claim(request.id, now, claimed_before=stale):
                continue  # another worker has it
            if request.requested_at + self.reset_ttl < now:
                await self.requests.done(request.id)
                continue
            user = await self.identity.store.get_user_by_email(request.email)
            if user is None or not user.active or not user.working_centres:
                account = self.identity.account_index(request.email)
                security_log.info("auth.reset_unknown account=%s", account)
            else:
                try:
                    await self._mail_link(user, "auth.password_reset_requested")
                except Exception:  # the mail server: taken again after the claim times out
                    security_log.warning("auth.reset_mail_failed request=%s", request.id)
                    continue
                sent += 1
            await self.requests.done(request.id)
        return sent

    async def _mail_link(self, user: User, action: str) -> None:
        now = self.clock.now()
        raw = self.new_raw_token()
        await self.resets.use_all(user.id, now)
        reset = PasswordReset(
            id=uuid.uuid4(),
            user_id=user.id,
            token_hash=hash_token(raw),
            created_at=now,
            expires_at=now + self.reset_ttl,
        )
        await self.resets.add(reset)
        if self.mail is not None:
            await self.mail(
                to=user.email,
                subject=RESET_SUBJECT,
                body=_reset_body(raw, self.reset_link, self.reset_ttl),
                key=f"password-reset:{reset.id}",
            )
        await self._audit_everywhere(user, action)

    async def confirm_reset(self, raw: str, new_password: str) -> None:
        """Set a new password with a mailed token. The token is checked, then the policy
        (a refused password leaves the token usable), then used up atomically. Every session
        of the user ends. Audited as ``auth.password_reset``."""
        now = self.clock.now()
        reset = await self.resets.get_by_hash(hash_token(raw))
        user = await self.identity.store.get_user(reset.user_id) if reset else None
        if reset is None or not reset.live(now) or user is None or not user.active:
            raise ValidationError("token", "is not valid: it was used, replaced or has expired")
        self.identity.check_password(new_password, user.email, field="new_password")
        if not await self.resets.mark_used(reset.id, now):
            raise ValidationError("token", "is not valid: it was used, replaced or has expired")
        await self._set_password(user, new_password)
        await self.sessions.end_all(user.id)
        if self.identity.throttle is not None:
            await self.identity.throttle.reset(self.identity.account_index(user.email))
        await self._audit_everywhere(user, "auth.password_reset")

    # --- the operator (``cma user ...``) --------------------------------------------------

    async def operator_reset(self, user_id: UserId, new_password: str | None) -> User:
        """``cma user reset-password``: with a password, set it (policy applies; sessions
        end); without, mail the user a reset link. Audited as
        ``user.password_reset_by_operator`` / ``auth.password_reset_requested``."""
        user = await self._user(user_id)
        if new_password is None:
            await self._mail_link(user, "auth.password_reset_requested")
            return user
        self.identity.check_password(new_password, user.email)
        await self._set_password(user, new_password)
        await self.sessions.end_all(user.id)
        await self._audit_everywhere(user, "user.password_reset_by_operator")
        return user

    async def operator_reset_second_factor(self, user_id: UserId) -> bool:
        """``cma user reset-second-factor``: the operator's reset of a lost second factor,
        for anyone (a member of several centres included, whom no one centre's admin may
        reset). Secret and recovery codes deleted, every session ends; where a centre
        requires a second factor of their role they set it up again at their next sign-in.
        False (nothing done) when they have none. Audited in each of their centres as
        ``user.second_factor_reset_by_operator``."""
        user = await self._user(user_id)
        if user.totp_secret is None and not user.totp_enabled:
            return False
        user.totp_secret = None
        user.totp_enabled = False
        await self.identity.store.save_user(user)
        await self.identity.store.replace_recovery_codes(user.id, (), self.clock.now())
        await self.sessions.end_all(user.id)
        await self._audit_everywhere(user, "user.second_factor_reset_by_operator")
        return True

    async def set_locked(self, user_id: UserId, locked: bool) -> User:
        """``cma user lock/unlock``: the account-wide switch, across every centre (a
        centre's admin deactivates only their own centre's membership). Locking ends every
        session. Audited in each centre as ``user.locked`` / ``user.unlocked``."""
        user = await self._user(user_id)
        if user.active is not locked:
            return user
        user.active = not locked
        await self.identity.store.save_user(user)
        if locked:
            await self.sessions.end_all(user.id)
        await self._audit_everywhere(user, "user.locked" if locked else "user.unlocked")
        return user

    # --- helpers ---------------------------------------------------------------------------

    async def _user(self, user_id: UserId) -> User:
        user = await self.identity.store.get_user(user_id)
        if user is None:
            raise NotFound("user", user_id)
        return user

    async def _set_password(self, user: User, password: str) -> None:
        user.password_hash = self.identity.hasher.hash(password)
        await self.identity.store.save_user(user)
        await self.resets.use_all(user.id, self.clock.now())

    async def _audit_everywhere(self, user: User, action: str) -> None:
        """An account event belongs to every centre the person works for."""
        for centre_id in user.centre_ids:
            ctx = TenantContext(centre_id=centre_id, user_id=user.id, roles=frozenset())
            await self.identity.audit_event(ctx, action, "user", str(user.id))


def _reset_body(raw: str, link: str, ttl: dt.timedelta) -> str:
    minutes = int(ttl.total_seconds() // 60)
    where = f"{link}{raw}" if link else f"Your reset code: {raw}"
    return (
        "Someone (we hope you) asked to reset the password of your CMA account.\n\n"
        f"{where}\n\n"
        f"It works once, for {minutes} minutes. If you did not ask, ignore this email: "
        "your password stays as it is.\n"
    )
