"""Recovery codes and the centre admin's reset of a lost second factor (ASVS 2.5.6): the
rules of a code (shape, lenient reading, single use, only digests kept), where one is
accepted (sign-in, step-up), throttled and audited like a TOTP code; regenerating them;
and who may reset whose factor (own centre only, never oneself, never someone another
centre relies on), after which the member is held on setup where the rule says so."""

from __future__ import annotations

import itertools
import uuid

import attrs
import pyotp
import pytest

from cma_adapters.memory.identity import InMemoryPasswordResetStore, InMemoryRefreshTokenStore
from cma_adapters.security.throttle import InMemoryLoginThrottle
from cma_adapters.security.totp import PyOtpOneTimePasswords
from cma_core.audit.service import AuditTrail
from cma_core.identity.accounts import AccountService
from cma_core.identity.errors import InvalidSession, SecondFactorRequired, TooManyAttempts
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.identity.recovery import (
    ALPHABET,
    RECOVERY_CODE_COUNT,
    new_recovery_code,
    new_recovery_codes,
    normalise_recovery_code,
    plain_digest,
)
from cma_core.identity.service import SessionService
from cma_core.shared.errors import (
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    StaleVersion,
    ValidationError,
)
from cma_core.shared.ids import UserId

from .support import PASSWORD, App

EMAIL = "ada@example.org"


def test_a_code_is_ten_crockford_characters_in_two_groups() -> None:
    code = new_recovery_code()
    head, sep, tail = code.partition("-")
    assert (len(head), sep, len(tail)) == (5, "-", 5)
    assert all(c in ALPHABET for c in head + tail)
    assert len(ALPHABET) == 32  # 5 bits a character: 50 bits a code
    codes = new_recovery_codes()
    assert len(codes) == RECOVERY_CODE_COUNT == len(set(codes))


def test_codes_are_distinct_even_when_the_source_repeats() -> None:
    # A source that gives the same code twice in a row: the second is drawn again.
    letters = itertools.chain("a" * 20, itertools.cycle("bcdefghjkmn"))
    codes = new_recovery_codes(3, choose=lambda _alphabet: next(letters))
    assert len(set(codes)) == 3


def test_what_the_user_types_is_read_leniently() -> None:
    assert normalise_recovery_code("7K2MQ-X9VHA") == "7k2mqx9vha"
    assert normalise_recovery_code(" 7k2mq x9vha ") == "7k2mqx9vha"
    # Crockford: i and l read as 1, o as 0.
    assert normalise_recovery_code("iL0oo-12345") == "11000" + "12345"
    for bad in ("", "123456", "7k2mq-x9vh", "7k2mq-x9vhaa", "7k2mq-x9vhu", "7k2mq_x9vha"):
        assert normalise_recovery_code(bad) is None


def test_a_digest_is_bound_to_its_user() -> None:
    a, b = UserId(uuid.uuid4()), UserId(uuid.uuid4())
    assert plain_digest(a, "7k2mqx9vha") != plain_digest(b, "7k2mqx9vha")
    assert "7k2mqx9vha" not in plain_digest(a, "7k2mqx9vha")


@pytest.fixture
def otp_app(app: App) -> App:
    identity = attrs.evolve(
        app.identity,
        otp=PyOtpOneTimePasswords(),
        audit=AuditTrail(app.uow, app.clock),
        throttle=InMemoryLoginThrottle(limit=3, monotonic=lambda: 0.0),
    )
    return attrs.evolve(app, identity=identity)


async def _with_totp(app: App, ctx: TenantContext) -> tuple[pyotp.TOTP, list[str]]:
    secret, _ = await app.identity.enrol_totp(ctx)
    totp = pyotp.TOTP(secret)
    codes = await app.identity.confirm_totp(ctx, totp.at(app.clock.now()))
    return totp, codes


async def test_confirming_totp_gives_ten_codes_and_keeps_only_digests(otp_app: App) -> None:
    app = otp_app
    ctx = await app.staff(await app.centre(), Role.ADVISER, email=EMAIL)
    _, codes = await _with_totp(app, ctx)
    assert len(codes) == RECOVERY_CODE_COUNT
    assert await app.identity.recovery_codes_left(ctx) == (True, RECOVERY_CODE_COUNT)
    stored = app.db.recovery_codes[UserId(ctx.user_id)]  # type: ignore[arg-type]
    assert len(stored) == RECOVERY_CODE_COUNT
    typed = {c.replace("-", "") for c in codes}
    assert not typed & set(stored)
    assert not any(t in d for t in typed for d in stored)


async def test_a_code_signs_in_once_in_place_of_the_totp_code(otp_app: App) -> None:
    app = otp_app
    centre = await app.centre()
    ctx = await app.staff(centre, Role.ADVISER, email=EMAIL)
    _, codes = await _with_totp(app, ctx)
    with pytest.raises(SecondFactorRequired):
        await app.identity.authenticate(EMAIL, PASSWORD)
    signed = await app.identity.authenticate(EMAIL, PASSWORD, recovery_code=codes[0].upper())
    assert signed.user.id == ctx.user_id
    assert await app.identity.recovery_codes_left(ctx) == (True, RECOVERY_CODE_COUNT - 1)
    # Spent: refused, like a wrong code (which says nothing of which).
    with pytest.raises(AuthenticationFailed):
        await app.identity.authenticate(EMAIL, PASSWORD, recovery_code=codes[0])
    with pytest.raises(AuthenticationFailed):
        await app.identity.authenticate(EMAIL, PASSWORD, recovery_code="zzzzz-zzzzz")
    with pytest.raises(AuthenticationFailed):
        await app.identity.authenticate(EMAIL, PASSWORD, recovery_code="not a code")
    actions = [e.action for e in await app.audit(centre.id)]
    assert actions.count("auth.recovery_code_used") == 1
    assert actions.count("auth.recovery_code_failed") == 3
    # The wrong password is refused before any code is looked at (none spent).
    with pytest.raises(TooManyAttempts):  # three failures: the throttle's limit here
        await app.identity.authenticate(EMAIL, "wrong", recovery_code=codes[1])
    assert await app.identity.recovery_codes_left(ctx) == (True, RECOVERY_CODE_COUNT - 1)


async def test_wrong_codes_are_throttled_like_wrong_totp_codes(otp_app: App) -> None:
    app = otp_app
    ctx = await app.staff(await app.centre(), Role.ADVISER, email=EMAIL)
    _, codes = await _with_totp(app, ctx)
    for _ in range(3):
        with pytest.raises(AuthenticationFailed):
            await app.identity.authenticate(EMAIL, PASSWORD, recovery_code="zzzzz-zzzzz")
    with pytest.raises(TooManyAttempts):
        await app.identity.authenticate(EMAIL, PASSWORD, recovery_code=codes[0])
    # The throttled attempt spent nothing.
    assert await app.identity.recovery_codes_left(ctx) == (True, RECOVERY_CODE_COUNT)


async def test_step_up_takes_a_code_once(otp_app: App) -> None:
    app = otp_app
    centre = await app.centre()
    ctx = await app.staff(centre, Role.ADVISER, email=EMAIL)
    _, codes = await _with_totp(app, ctx)
    await app.identity.confirm_identity(ctx, PASSWORD, None, address=None, recovery_code=codes[3])
    with pytest.raises(ValidationError) as err:
        await app.identity.confirm_identity(
            ctx, PASSWORD, None, address=None, recovery_code=codes[3]
        )
    assert err.value.field == "recovery_code"
    with pytest.raises(ValidationError) as err:
        await app.identity.confirm_identity(ctx, PASSWORD, None, address=None)
    assert err.value.field == "otp"
    actions = [e.action for e in await app.audit(centre.id)]
    assert actions.count("auth.recovery_code_used") == 1


async def test_regenerating_voids_the_old_codes_and_enrolling_again_drops_them(
    otp_app: App,
) -> None:
    app = otp_app
    centre = await app.centre()
    ctx = await app.staff(centre, Role.ADVISER, email=EMAIL)
    with pytest.raises(Conflict):
        await app.identity.regenerate_recovery_codes(ctx)
    assert await app.identity.recovery_codes_left(ctx) == (False, 0)
    _totp, old = await _with_totp(app, ctx)
    new = await app.identity.regenerate_recovery_codes(ctx)
    assert len(new) == RECOVERY_CODE_COUNT
    assert not set(new) & set(old)
    with pytest.raises(AuthenticationFailed):
        await app.identity.authenticate(EMAIL, PASSWORD, recovery_code=old[0])
    await app.identity.authenticate(EMAIL, PASSWORD, recovery_code=new[0])
    assert "auth.recovery_codes_regenerated" in [e.action for e in await app.audit(centre.id)]
    # A new secret: the codes of the old one go (new ones come with the confirmation).
    await app.identity.enrol_totp(ctx)
    assert await app.identity.recovery_codes_left(ctx) == (False, 0)
    assert app.db.recovery_codes[UserId(ctx.user_id)] == {}  # type: ignore[arg-type]


@pytest.fixture
def accounts(otp_app: App) -> tuple[AccountService, SessionService]:
    sessions = SessionService(InMemoryRefreshTokenStore(), otp_app.identity, otp_app.clock)
    return (
        AccountService(otp_app.identity, sessions, InMemoryPasswordResetStore(), otp_app.clock),
        sessions,
    )


async def test_an_admin_resets_a_members_factor_and_their_sessions_end(
    otp_app: App, accounts: tuple[AccountService, SessionService]
) -> None:
    app = otp_app
    service, sessions = accounts
    centre = await app.centre()
    admin = await app.staff(centre, Role.CENTRE_ADMIN)
    ctx = await app.staff(centre, Role.ADVISER, email=EMAIL)
    totp, codes = await _with_totp(app, ctx)
    signed = await app.identity.authenticate(EMAIL, PASSWORD, otp=totp.at(app.clock.now()))
    _, raw = await sessions.open(signed.context)
    await app.identity.set_second_factor_roles(admin, [Role.ADVISER], expected_version=0)

    version = (await app.user(ctx)).version
    with pytest.raises(StaleVersion):
        await service.reset_second_factor(admin, UserId(ctx.user_id), expected_version=version + 1)  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):  # an adviser may not
        await service.reset_second_factor(ctx, UserId(ctx.user_id), expected_version=None)  # type: ignore[arg-type]
    user = await service.reset_second_factor(admin, UserId(ctx.user_id), expected_version=version)  # type: ignore[arg-type]
    assert (user.totp_enabled, user.totp_secret) == (False, None)
    assert app.db.recovery_codes[user.id] == {}
    with pytest.raises(InvalidSession):
        await sessions.rotate(raw)
    # The password alone lets them in, held on setup (their role requires it).
    again = await app.identity.authenticate(EMAIL, PASSWORD)
    assert again.context.setup_only
    assert await app.identity.recovery_codes_left(again.context) == (False, 0)
    with pytest.raises(Conflict):  # nothing left to reset
        await service.reset_second_factor(admin, user.id, expected_version=None)
    # Setting up again gives new codes; the old ones stay dead.
    totp, _ = await _with_totp(app, again.context)
    with pytest.raises(AuthenticationFailed):
        await app.identity.authenticate(EMAIL, PASSWORD, recovery_code=codes[0])
    entries = [e for e in await app.audit(centre.id) if e.action == "user.second_factor_reset"]
    assert [(e.actor_id, e.entity_id) for e in entries] == [(admin.user_id, str(user.id))]


async def test_a_reset_never_crosses_centres_nor_touches_oneself(
    otp_app: App, accounts: tuple[AccountService, SessionService]
) -> None:
    app = otp_app
    service, _ = accounts
    centre, other = await app.centre(), await app.centre("Other")
    admin = await app.staff(centre, Role.CENTRE_ADMIN, email="admin@example.org")
    await _with_totp(app, admin)
    stranger = await app.staff(other, Role.ADVISER, email="stranger@example.org")
    await _with_totp(app, stranger)
    with pytest.raises(NotFound):
        await service.reset_second_factor(admin, UserId(stranger.user_id), expected_version=None)  # type: ignore[arg-type]
    with pytest.raises(Conflict):
        await service.reset_second_factor(admin, UserId(admin.user_id), expected_version=None)  # type: ignore[arg-type]
    # Someone who also works for another centre: that centre relies on their factor too.
    both = await app.staff(centre, Role.ADVISER, email=EMAIL)
    await app.identity.create_user(
        centre_id=other.id, email=EMAIL, role=Role.ADVISER, password=PASSWORD
    )
    await _with_totp(app, both)
    with pytest.raises(Conflict):
        await service.reset_second_factor(admin, UserId(both.user_id), expected_version=None)  # type: ignore[arg-type]
    assert (await app.user(both)).totp_enabled
    assert (await app.user(stranger)).totp_enabled
