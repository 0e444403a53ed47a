"""Accounts (issue 13, ASVS V2/V3): password policy, reset by email, change password, the
session list, step-up; and (issue 11) per-centre deactivation and stored user versions."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from cma_adapters.memory.identity import (
    InMemoryPasswordResetStore,
    InMemoryRefreshTokenStore,
    InMemoryResetRequestQueue,
)
from cma_adapters.security import InMemoryRateLimiter
from cma_core.identity.accounts import AccountService
from cma_core.identity.errors import TooManyAttempts
from cma_core.identity.model import TenantContext, User
from cma_core.identity.passwords import MAX_PASSWORD_LENGTH, check_password_policy
from cma_core.identity.permissions import Role
from cma_core.identity.service import SessionService
from cma_core.identity.sessions import Client
from cma_core.shared.errors import (
    AuthenticationFailed,
    NotFound,
    StaleVersion,
    ValidationError,
)
from cma_core.shared.ids import UserId

from .support import NOW, PASSWORD, App

NEW = "plum tractor lighthouse sings"


@attrs.define
class Mailbox:
    sent: list[dict[str, str]] = attrs.field(factory=list)

    async def __call__(self, *, to: str, subject: str, body: str, key: str) -> None:
        self.sent.append({"to": to, "subject": subject, "body": body, "key": key})

    def code(self) -> str:
        return self.sent[-1]["body"].split("Your reset code: ")[1].split()[0]


@attrs.define
class AuditLog:
    """The sign-in audit port, recording (centre, action)."""

    entries: list[tuple[object, str]] = attrs.field(factory=list)

    async def __call__(
        self,
        ctx: TenantContext,
        action: str,
        entity_type: str,
        entity_id: str,
        *,
        fields: tuple[str, ...] = (),
    ) -> None:
        self.entries.append((ctx.centre_id, action))

    def actions(self, centre_id: object) -> list[str]:
        return [a for c, a in self.entries if c == centre_id]


@attrs.define
class Accounts:
    audit: AuditLog
    app: App
    tokens: InMemoryRefreshTokenStore
    sessions: SessionService
    service: AccountService
    mail: Mailbox


@pytest.fixture
def acc(app: App) -> Accounts:
    tokens = InMemoryRefreshTokenStore()
    sessions = SessionService(tokens, app.identity, app.clock)
    mail = Mailbox()
    audit = AuditLog()
    app.identity.audit = audit
    service = AccountService(
        app.identity,
        sessions,
        InMemoryPasswordResetStore(),
        app.clock,
        mail=mail,
        limiter=InMemoryRateLimiter(),
        requests=InMemoryResetRequestQueue(),
    )
    return Accounts(audit, app, tokens, sessions, service, mail)


async def _signed_in(acc: Accounts, email: str = "ada@example.org") -> TenantContext:
    centre = await acc.app.centre()
    await acc.app.staff(centre, Role.ADVISER, email)
    signed = await acc.app.identity.authenticate(email, PASSWORD)
    ctx, _ = await acc.sessions.open(signed.context, Client("203.0.113.7", "Firefox on Linux"))
    return ctx


# --- policy ---------------------------------------------------------------------------


def test_policy_bounds_unicode_and_no_composition_rules() -> None:
    for bad in ("eleven char", "x" * 5 + "y" * (MAX_PASSWORD_LENGTH - 4)):
        with pytest.raises(ValidationError):
            check_password_policy(bad)
    check_password_policy("ünïcödé pässwörd ✓ 漢字")  # any Unicode, spaces
    check_password_policy("all lower case words here")  # no "one digit, one capital"
    check_password_policy("z" + "q" * 6 + "w" * 5)  # exactly 12, no composition rule
    with pytest.raises(ValidationError, match="breached"):
        check_password_policy("sunflower-hollow", extra=frozenset({"sunflower-hollow"}))
    with pytest.raises(ValidationError, match="breached"):
        check_password_policy("Sunflower-Hollow1!", extra=frozenset({"sunflower-hollow"}))


def test_the_shipped_breached_list_refuses_leaked_passwords() -> None:
    from cma_adapters.security.breached import breached_passwords

    listed = breached_passwords()
    assert len(listed) > 25_000
    for leaked in ("qwerty123456", "1qaz2wsx3edc", "leavemealone"):
        with pytest.raises(ValidationError):
            check_password_policy(leaked, extra=listed)
    check_password_policy("plum tractor lighthouse sings", extra=listed)


async def test_a_short_password_set_under_the_old_policy_still_signs_in(app: App) -> None:
    centre = await app.centre()
    ctx = await app.staff(centre, Role.ADVISER, "old@example.org")
    user = await app.user(ctx)
    user.password_hash = app.identity.hasher.hash("ten chars!")  # the old 10-char minimum
    await app.store.save_user(user)
    signed = await app.identity.authenticate("old@example.org", "ten chars!")
    assert signed.user.id == user.id


# --- reset ------------------------------------------------------------------------------


async def test_reset_by_email_is_single_use_and_ends_every_session(acc: Accounts) -> None:
    ctx = await _signed_in(acc)
    _, refresh = await acc.sessions.open(ctx)
    await acc.service.request_reset("nobody@example.org", address="198.51.100.1")
    await acc.service.request_reset("ADA@example.org", address="198.51.100.1")
    assert acc.mail.sent == []  # the request only queues; the worker mails
    assert await acc.service.send_requested_resets() == 1
    assert [m["to"] for m in acc.mail.sent] == ["ada@example.org"]
    code = acc.mail.code()
    # A refused password leaves the code usable.
    with pytest.raises(ValidationError) as err:
        await acc.service.confirm_reset(code, "password1234")
    assert err.value.field == "new_password"
    await acc.service.confirm_reset(code, NEW)
    with pytest.raises(ValidationError) as err:
        await acc.service.confirm_reset(code, NEW + " again")
    assert err.value.field == "token"
    assert (await acc.app.identity.authenticate("ada@example.org", NEW)).user.id == ctx.user_id
    with pytest.raises(AuthenticationFailed):
        await acc.app.identity.authenticate("ada@example.org", PASSWORD)
    assert await acc.sessions.list_sessions(ctx) == []
    assert ctx.session_id is not None
    assert await acc.tokens.family_revoked(ctx.session_id)
    actions = acc.audit.actions(ctx.centre_id)
    assert "auth.password_reset_requested" in actions
    assert "auth.password_reset" in actions
    assert refresh  # the raw token itself never reached the store
    assert all(refresh not in str(t) for t in acc.tokens.tokens.values())


@attrs.define
class Recorder:
    """Wraps a port and records every method called on it, in order."""

    inner: object
    calls: list[str]
    label: str

    def __getattr__(self, name: str) -> object:
        found = getattr(self.inner, name)
        if not callable(found):
            return found

        def call(*args: object, **kwargs: object) -> object:
            self.calls.append(f"{self.label}.{name}")
            return found(*args, **kwargs)

        return call


async def test_a_reset_request_does_the_same_work_for_known_and_unknown_addresses(
    acc: Accounts,
) -> None:
    """No timing side channel (ASVS 2.5): the request touches the same ports in the same
    order whether or not the address has an account; it never reads the users, writes a
    token, audits or mails (all of which only an existing account would cause). The
    worker's run does that afterwards, for the existing account only."""
    await _signed_in(acc)
    service = acc.service

    async def trace(email: str) -> list[str]:
        calls: list[str] = []
        identity = attrs.evolve(
            service.identity,
            store=Recorder(service.identity.store, calls, "users"),
            audit=Recorder(service.identity.audit, calls, "audit"),
        )
        recorded = attrs.evolve(
            service,
            identity=identity,
            resets=Recorder(service.resets, calls, "tokens"),
            mail=Recorder(service.mail, calls, "mail"),
            limiter=Recorder(service.limiter, calls, "limiter"),
            requests=Recorder(service.requests, calls, "queue"),
        )
        await recorded.request_reset(email, address="198.51.100.4")
        return calls

    known = await trace("ada@example.org")
    unknown = await trace("nobody@example.org")
    assert known == unknown == ["limiter.hit", "limiter.hit", "queue.add"]
    assert acc.mail.sent == []
    assert await service.send_requested_resets() == 1
    assert [m["to"] for m in acc.mail.sent] == ["ada@example.org"]
    assert await service.send_requested_resets() == 0  # each request once


async def test_queued_reset_requests_are_claimed_once_and_dropped_when_stale(
    acc: Accounts,
) -> None:
    await _signed_in(acc)
    queue = acc.service.requests
    assert isinstance(queue, InMemoryResetRequestQueue)
    await acc.service.request_reset("ada@example.org", address=None)
    [request] = await queue.pending(claimed_before=NOW, limit=5)
    assert await queue.claim(request.id, NOW, claimed_before=NOW)
    assert not await queue.claim(request.id, NOW, claimed_before=NOW)  # another worker's
    assert await acc.service.send_requested_resets() == 0  # held: not sent twice
    acc.app.clock.at = NOW + dt.timedelta(minutes=3)  # the holder died: taken again
    assert await acc.service.send_requested_resets() == 1
    await acc.service.request_reset("ada@example.org", address=None)
    acc.app.clock.at = NOW + dt.timedelta(hours=1)  # older than a link lives: dropped
    assert await acc.service.send_requested_resets() == 0
    assert await queue.pending(claimed_before=acc.app.clock.at, limit=5) == []


async def test_a_reset_code_expires_and_a_newer_one_replaces_it(acc: Accounts) -> None:
    await _signed_in(acc)
    await acc.service.request_reset("ada@example.org", address=None)
    await acc.service.send_requested_resets()
    first = acc.mail.code()
    await acc.service.request_reset("ada@example.org", address=None)
    await acc.service.send_requested_resets()
    second = acc.mail.code()
    with pytest.raises(ValidationError):
        await acc.service.confirm_reset(first, NEW)
    acc.app.clock.at = NOW + dt.timedelta(minutes=31)
    with pytest.raises(ValidationError):
        await acc.service.confirm_reset(second, NEW)


async def test_reset_requests_are_rate_limited_without_telling(acc: Accounts) -> None:
    await _signed_in(acc)
    for _ in range(5):
        await acc.service.request_reset("ada@example.org", address=None)
    await acc.service.send_requested_resets()
    assert len(acc.mail.sent) == 3  # per account per hour; the rest dropped silently
    for _ in range(20):
        await acc.service.request_reset("x@example.org", address="198.51.100.9")
    with pytest.raises(TooManyAttempts):  # the 21st from one address this hour
        await acc.service.request_reset("x@example.org", address="198.51.100.9")


async def test_an_operator_sets_a_password_or_mails_a_link(acc: Accounts) -> None:
    ctx = await _signed_in(acc)
    assert ctx.user_id is not None
    with pytest.raises(ValidationError):
        await acc.service.operator_reset(ctx.user_id, "short")
    await acc.service.operator_reset(ctx.user_id, NEW)
    assert await acc.sessions.list_sessions(ctx) == []
    await acc.service.operator_reset(ctx.user_id, None)
    assert acc.mail.sent[-1]["to"] == "ada@example.org"
    actions = acc.audit.actions(ctx.centre_id)
    assert "user.password_reset_by_operator" in actions


# --- change password, sessions, step-up --------------------------------------------------


async def test_change_password_needs_the_current_one_and_keeps_this_session(
    acc: Accounts,
) -> None:
    ctx = await _signed_in(acc)
    other, _ = await acc.sessions.open(ctx)
    with pytest.raises(ValidationError) as err:
        await acc.service.change_password(ctx, "not my password", NEW)
    assert err.value.field == "current_password"
    with pytest.raises(ValidationError) as err:
        await acc.service.change_password(ctx, PASSWORD, "qwerty123456")
    assert err.value.field == "new_password"
    await acc.service.change_password(ctx, PASSWORD, NEW)
    left = await acc.sessions.list_sessions(ctx)
    assert [s.id for s in left] == [ctx.session_id]
    assert other.session_id is not None
    assert await acc.tokens.family_revoked(other.session_id)


async def test_the_session_list_and_revoking_one(acc: Accounts) -> None:
    ctx = await _signed_in(acc)
    acc.app.clock.at = NOW + dt.timedelta(minutes=5)
    phone, _ = await acc.sessions.open(ctx, Client("198.51.100.4", "Safari on iOS"))
    listed = await acc.sessions.list_sessions(ctx)
    assert [(s.user_agent, s.current) for s in listed] == [
        ("Safari on iOS", False),
        ("Firefox on Linux", True),
    ]
    assert listed[1].address == "203.0.113.7"
    assert listed[1].created_at == NOW
    assert phone.session_id is not None
    await acc.sessions.revoke_session(ctx, phone.session_id)
    assert [s.id for s in await acc.sessions.list_sessions(ctx)] == [ctx.session_id]
    with pytest.raises(NotFound):  # already ended
        await acc.sessions.revoke_session(ctx, phone.session_id)
    # Someone else's session is not found either.
    stranger = await _signed_in(acc, "bo@example.org")
    assert ctx.session_id is not None
    with pytest.raises(NotFound):
        await acc.sessions.revoke_session(stranger, ctx.session_id)


async def test_auth_time_survives_refresh_and_step_up_renews_it(acc: Accounts) -> None:
    centre = await acc.app.centre()
    await acc.app.staff(centre, Role.ADVISER, "ada@example.org")
    signed = await acc.app.identity.authenticate("ada@example.org", PASSWORD)
    assert signed.context.authenticated_at == NOW
    ctx, raw = await acc.sessions.open(signed.context)
    acc.app.clock.at = NOW + dt.timedelta(hours=2)
    rotated, _ = await acc.sessions.rotate(raw)
    assert rotated.authenticated_at == NOW  # a refresh is not a sign-in
    assert not rotated.authenticated_within(acc.app.clock.now(), dt.timedelta(minutes=15))
    with pytest.raises(ValidationError) as err:
        await acc.service.reauthenticate(rotated, "wrong password!", None, address=None)
    assert err.value.field == "password"
    fresh = await acc.service.reauthenticate(rotated, PASSWORD, None, address=None)
    assert fresh.authenticated_within(acc.app.clock.now(), dt.timedelta(minutes=15))
    stored = [t for t in acc.tokens.tokens.values() if t.family_id == ctx.session_id]
    assert all(t.authenticated_at == acc.app.clock.now() for t in stored)


# --- issue 11: per-centre deactivation, stored versions -----------------------------------


async def test_a_user_of_two_centres_is_deactivated_in_one_only(app: App) -> None:
    leeds = await app.centre("Leeds")
    york = await app.centre("York")
    leeds_admin = await app.staff(leeds, Role.CENTRE_ADMIN, "admin@leeds.example")
    member = await app.staff(leeds, Role.ADVISER, "sam@example.org")
    await app.staff(york, Role.CASEWORKER, "sam@example.org")
    user = await app.user(member)
    off = await app.identity.set_member_active(
        leeds_admin, user.id, False, expected_version=user.version
    )
    assert not off.active_in(leeds.id)
    assert off.active_in(york.id)
    assert off.active
    with pytest.raises(AuthenticationFailed):
        await app.identity.authenticate("sam@example.org", PASSWORD, centre_id=leeds.id)
    signed = await app.identity.authenticate("sam@example.org", PASSWORD)
    assert signed.context.centre_id == york.id  # the first centre still open
    with pytest.raises(NotFound):
        await app.identity.context_for(user.id, leeds.id)
    on = await app.identity.set_member_active(
        leeds_admin, user.id, True, expected_version=off.version
    )
    assert on.active_in(leeds.id)


async def test_two_admins_racing_on_one_user_cannot_both_win(app: App) -> None:
    centre = await app.centre()
    admin = await app.staff(centre, Role.CENTRE_ADMIN, "admin@example.org")
    member = await app.staff(centre, Role.ADVISER, "sam@example.org")
    assert member.user_id is not None
    first = await app.store.get_user(member.user_id)
    second = await app.store.get_user(member.user_id)
    assert isinstance(first, User)
    assert isinstance(second, User)
    first.set_roles(centre.id, [Role.SUPERVISOR])
    await app.store.save_user(first)
    second.set_active_in(centre.id, False)
    with pytest.raises(StaleVersion):
        await app.store.save_user(second)  # read before the first save: refused
    saved = await app.store.get_user(UserId(member.user_id))
    assert saved is not None
    assert saved.active_in(centre.id)
    assert saved.version == first.version
    with pytest.raises(StaleVersion):  # and through the service, by If-Match
        await app.identity.set_member_roles(
            admin, member.user_id, [Role.ADVISER], expected_version=second.version
        )


async def test_a_locked_account_signs_in_nowhere(acc: Accounts) -> None:
    ctx = await _signed_in(acc)
    assert ctx.user_id is not None
    await acc.service.set_locked(ctx.user_id, True)
    with pytest.raises(AuthenticationFailed):
        await acc.app.identity.authenticate("ada@example.org", PASSWORD)
    assert await acc.sessions.list_sessions(ctx) == []
    await acc.service.set_locked(ctx.user_id, False)
    assert await acc.app.identity.authenticate("ada@example.org", PASSWORD)
