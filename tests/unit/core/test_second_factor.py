"""A centre's second-factor rule (ASVS 2.2.2): which roles must use TOTP, and the
setup-only context a member of such a role without TOTP gets on every path into the
centre (sign-in, refresh, centre switch) until they confirm a code."""

from __future__ import annotations

import attrs
import pyotp
import pytest

from cma_adapters.memory.identity import InMemoryRefreshTokenStore
from cma_adapters.security.totp import PyOtpOneTimePasswords
from cma_core.audit.service import AuditTrail
from cma_core.identity.errors import SecondFactorRequired
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.identity.second_factor import (
    CENTRE_ROLE_CHOICES,
    SecondFactorPolicy,
    must_set_up,
    policy_roles,
)
from cma_core.identity.service import SessionService
from cma_core.shared.errors import Conflict, PermissionDenied, StaleVersion, ValidationError

from .support import PASSWORD, App


def test_policy_roles_are_a_centres_roles_each_once() -> None:
    assert policy_roles(["adviser", Role.SUPERVISOR, "adviser"]) == {
        Role.ADVISER,
        Role.SUPERVISOR,
    }
    assert policy_roles([]) == frozenset()
    for bad in ("platform_admin", "wizard", ""):
        with pytest.raises(ValidationError) as err:
            policy_roles([bad])
        assert err.value.field == "roles"
        assert err.value.allowed == tuple(r.value for r in CENTRE_ROLE_CHOICES)
        assert "platform_admin" not in (err.value.allowed or ())


def test_who_must_set_it_up() -> None:
    policy = SecondFactorPolicy(centre_id=..., roles=frozenset({Role.SUPERVISOR}))  # type: ignore[arg-type]
    assert must_set_up(policy, {Role.ADVISER, Role.SUPERVISOR}, totp_enabled=False)
    assert not must_set_up(policy, {Role.SUPERVISOR}, totp_enabled=True)
    assert not must_set_up(policy, {Role.ADVISER}, totp_enabled=False)
    assert not must_set_up(None, {Role.SUPERVISOR}, totp_enabled=False)
    assert policy.ordered_roles == [Role.SUPERVISOR]


def test_a_setup_only_context_has_no_permission() -> None:
    ctx = TenantContext(centre_id=..., user_id=None, roles=frozenset({Role.CENTRE_ADMIN}))  # type: ignore[arg-type]
    assert ctx.permissions
    assert attrs.evolve(ctx, setup_only=True).permissions == frozenset()


@pytest.fixture
def otp_app(app: App) -> App:
    """The app with one-time passwords and sign-in events audited."""
    identity = attrs.evolve(
        app.identity, otp=PyOtpOneTimePasswords(), audit=AuditTrail(app.uow, app.clock)
    )
    return attrs.evolve(app, identity=identity)


async def _require(app: App, admin: TenantContext, *roles: Role, version: int = 0) -> None:
    await app.identity.set_second_factor_roles(admin, roles, expected_version=version)


async def test_the_setting_is_the_admins_versioned_and_audited(otp_app: App) -> None:
    app = otp_app
    centre = await app.centre()
    admin = await app.staff(centre, Role.CENTRE_ADMIN)
    adviser = await app.staff(centre, Role.ADVISER)
    assert (await app.identity.second_factor_policy(admin)).version == 0
    with pytest.raises(PermissionDenied):
        await app.identity.second_factor_policy(adviser)
    with pytest.raises(PermissionDenied):
        await _require(app, adviser, Role.ADVISER)
    await _require(app, admin, Role.ADVISER)
    saved = await app.identity.second_factor_policy(admin)
    assert (saved.roles, saved.version, saved.updated_by) == ({Role.ADVISER}, 1, admin.user_id)
    with pytest.raises(StaleVersion):
        await _require(app, admin, Role.SUPERVISOR)
    await _require(app, admin, version=1)
    assert (await app.identity.second_factor_policy(admin)).roles == frozenset()
    entries = await app.audit(centre.id)
    assert [e.fields for e in entries if e.action == "centre.second_factor_changed"] == [
        ("adviser",),
        (),
    ]
    # Another centre's rule is its own.
    other = await app.staff(await app.centre("Other"), Role.CENTRE_ADMIN)
    assert (await app.identity.second_factor_policy(other)).version == 0


async def test_no_rule_without_one_time_passwords(app: App) -> None:
    centre = await app.centre()
    admin = await app.staff(centre, Role.CENTRE_ADMIN)
    with pytest.raises(Conflict):
        await _require(app, admin, Role.ADVISER)
    await _require(app, admin)  # requiring nobody is always possible


async def test_every_path_in_gives_a_setup_only_context_until_totp_is_confirmed(
    otp_app: App,
) -> None:
    app = otp_app
    centre, elsewhere = await app.centre(), await app.centre("Elsewhere")
    admin = await app.staff(centre, Role.CENTRE_ADMIN)
    adviser = await app.staff(centre, Role.ADVISER, email="ada@example.org")
    await app.identity.create_user(
        centre_id=elsewhere.id, email="ada@example.org", role=Role.ADVISER, password=PASSWORD
    )
    sessions = SessionService(InMemoryRefreshTokenStore(), app.identity, app.clock)

    signed = await app.identity.authenticate("ada@example.org", PASSWORD, centre_id=centre.id)
    assert not signed.context.setup_only
    ctx, raw = await sessions.open(signed.context)
    await _require(app, admin, Role.ADVISER)

    # Refresh: the rule now applies.
    ctx, raw = await sessions.rotate(raw)
    assert ctx.setup_only
    # Sign-in and centre switch too; the other centre does not require it.
    signed = await app.identity.authenticate("ada@example.org", PASSWORD, centre_id=centre.id)
    assert signed.context.setup_only
    there = await app.identity.authenticate("ada@example.org", PASSWORD, centre_id=elsewhere.id)
    assert not there.context.setup_only
    assert (await sessions.switch_centre(there.context, centre.id)).setup_only
    assert not (await sessions.switch_centre(ctx, elsewhere.id)).setup_only

    # Setting it up works with the setup-only context, and the next refresh is normal.
    secret, _ = await app.identity.enrol_totp(ctx)
    ctx, raw = await sessions.rotate(raw)
    assert ctx.setup_only  # enrolled, not yet confirmed
    await app.identity.confirm_totp(ctx, pyotp.TOTP(secret).at(app.clock.now()))
    ctx, raw = await sessions.rotate(raw)
    assert not ctx.setup_only
    assert ctx == adviser
    with pytest.raises(SecondFactorRequired):
        await app.identity.authenticate("ada@example.org", PASSWORD, centre_id=centre.id)
    signed = await app.identity.authenticate(
        "ada@example.org", PASSWORD, centre_id=centre.id, otp=pyotp.TOTP(secret).at(app.clock.now())
    )
    assert not signed.context.setup_only


async def test_the_last_admin_requiring_it_of_themselves_can_still_enrol(otp_app: App) -> None:
    app = otp_app
    centre = await app.centre()
    await app.staff(centre, Role.CENTRE_ADMIN, email="only@example.org")
    admin = (await app.identity.authenticate("only@example.org", PASSWORD)).context
    await _require(app, admin, Role.CENTRE_ADMIN)
    locked = (await app.identity.authenticate("only@example.org", PASSWORD)).context
    assert locked.setup_only
    with pytest.raises(PermissionDenied):
        await app.identity.second_factor_policy(locked)
    secret, _ = await app.identity.enrol_totp(locked)
    await app.identity.confirm_totp(locked, pyotp.TOTP(secret).at(app.clock.now()))
    back = await app.identity.authenticate(
        "only@example.org", PASSWORD, otp=pyotp.TOTP(secret).at(app.clock.now())
    )
    assert not back.context.setup_only
    assert (await app.identity.second_factor_policy(back.context)).roles == {Role.CENTRE_ADMIN}
