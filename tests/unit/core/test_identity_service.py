"""IdentityService: centres, users, password policy and signing in."""

from __future__ import annotations

import uuid

import pytest

from cma_adapters.memory import PlainPasswordHasher
from cma_adapters.memory.identity import InMemoryRefreshTokenStore
from cma_core.identity.model import Membership, TenantContext, member_version
from cma_core.identity.permissions import Role
from cma_core.identity.service import (
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    IdentityService,
    SessionService,
)
from cma_core.shared.errors import (
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    StaleVersion,
    ValidationError,
)
from cma_core.shared.ids import CentreId

from .support import NOW, PASSWORD, App


async def test_create_centre(app: App) -> None:
    centre = await app.identity.create_centre("  Leeds Debt Advice ")
    assert centre.name == "Leeds Debt Advice"
    assert centre.created_at == NOW
    assert await app.store.get_centre(centre.id) == centre
    with pytest.raises(ValidationError):
        await app.identity.create_centre("   ")


async def test_create_user_hashes_the_password_and_normalises_email(app: App) -> None:
    centre = await app.centre()
    user = await app.identity.create_user(
        centre_id=centre.id,
        email="  Ada.Adviser@Example.org",
        role=Role.ADVISER,
        password=PASSWORD,
        full_name="Ada Adviser",
    )
    assert user.email == "ada.adviser@example.org"
    assert user.full_name == "Ada Adviser"
    assert user.password_hash != PASSWORD
    assert PASSWORD not in user.password_hash
    assert user.memberships == [Membership(centre.id, Role.ADVISER)]
    assert await app.store.get_user_by_email("ada.adviser@example.org") == user


async def test_full_name_defaults_to_the_local_part(app: App) -> None:
    centre = await app.centre()
    user = await app.identity.create_user(
        centre_id=centre.id, email="sam@example.org", role=Role.ADVISER, password=PASSWORD
    )
    assert user.full_name == "sam"


async def test_password_policy_bounds(app: App) -> None:
    centre = await app.centre()
    for bad in ("x" * (MIN_PASSWORD_LENGTH - 1), "x" * (MAX_PASSWORD_LENGTH + 1)):
        with pytest.raises(ValidationError) as err:
            await app.identity.create_user(
                centre_id=centre.id, email="a@example.org", role=Role.ADVISER, password=bad
            )
        assert err.value.field == "password"
    assert await app.store.get_user_by_email("a@example.org") is None
    user = await app.identity.create_user(
        centre_id=centre.id,
        email="a@example.org",
        role=Role.ADVISER,
        password="kx9-Vq2m#zR4w"[:MIN_PASSWORD_LENGTH],  # the shortest allowed, and uncommon
    )
    assert user.email == "a@example.org"


async def test_user_in_an_unknown_centre_is_not_found(app: App) -> None:
    with pytest.raises(NotFound):
        await app.identity.create_user(
            centre_id=CentreId(uuid.uuid4()),
            email="a@example.org",
            role=Role.ADVISER,
            password=PASSWORD,
        )


async def test_same_role_twice_is_a_conflict(app: App) -> None:
    centre = await app.centre()
    await app.staff(centre, Role.ADVISER, "a@example.org")
    with pytest.raises(Conflict):
        await app.staff(centre, Role.ADVISER, "A@example.org")


async def test_an_existing_user_gains_roles_and_centres(app: App) -> None:
    leeds = await app.centre("Leeds")
    york = await app.centre("York")
    first = await app.staff(leeds, Role.ADVISER, "a@example.org")
    await app.staff(leeds, Role.SUPERVISOR, "a@example.org")
    again = await app.staff(york, Role.CASEWORKER, "a@example.org")
    assert again.user_id == first.user_id
    user = await app.user(first)
    assert user.roles_in(leeds.id) == {Role.ADVISER, Role.SUPERVISOR}
    assert user.roles_in(york.id) == {Role.CASEWORKER}
    assert {u.id for u in await app.store.list_users(york.id)} == {user.id}


async def test_authenticate_success_picks_the_first_centre_by_default(app: App) -> None:
    leeds = await app.centre("Leeds")
    york = await app.centre("York")
    await app.staff(leeds, Role.ADVISER, "a@example.org")
    await app.staff(york, Role.CASEWORKER, "a@example.org")
    signed_in = await app.identity.authenticate(" A@Example.org ", PASSWORD)
    assert signed_in.user.email == "a@example.org"
    assert signed_in.context.centre_id == leeds.id
    assert signed_in.context.roles == {Role.ADVISER}
    in_york = await app.identity.authenticate("a@example.org", PASSWORD, centre_id=york.id)
    assert in_york.context.centre_id == york.id
    assert in_york.context.roles == {Role.CASEWORKER}
    assert in_york.context.user_id == signed_in.user.id


async def lands(app: App) -> CentreId:
    """Where a@example.org's sign-in naming no centre lands."""
    return (await app.identity.authenticate("a@example.org", PASSWORD)).context.centre_id


async def test_a_sign_in_naming_no_centre_lands_in_the_centre_last_chosen(app: App) -> None:
    leeds = await app.centre("Leeds")
    york = await app.centre("York")
    hull = await app.centre("Hull")
    admin = await app.staff(york, Role.CENTRE_ADMIN, "boss@example.org")
    in_leeds = await app.staff(leeds, Role.ADVISER, "a@example.org")
    await app.staff(york, Role.CASEWORKER, "a@example.org")
    await app.staff(hull, Role.ADVISER, "a@example.org")
    # Never chosen: the first centre, as before.
    assert await lands(app) == leeds.id
    # Named at sign-in: the next sign-in naming none lands there.
    await app.identity.authenticate("a@example.org", PASSWORD, centre_id=york.id)
    assert await lands(app) == york.id
    # Switched to: the same.
    sessions = SessionService(InMemoryRefreshTokenStore(), app.identity, app.clock)
    await sessions.switch_centre(in_leeds, hull.id)
    landed = await app.identity.authenticate("a@example.org", PASSWORD)
    assert landed.context.centre_id == hull.id
    assert landed.context.roles == {Role.ADVISER}
    # A centre that switched the membership off is not landed in: the first working one is.
    await app.identity.authenticate("a@example.org", PASSWORD, centre_id=york.id)
    assert in_leeds.user_id is not None
    user = await app.user(in_leeds)
    await app.identity.set_member_active(
        admin, in_leeds.user_id, False, expected_version=member_version(user, york.id)
    )
    assert await lands(app) == leeds.id
    # A failed sign-in naming a centre records nothing.
    with pytest.raises(AuthenticationFailed):
        await app.identity.authenticate("a@example.org", "wrong password!", centre_id=hull.id)
    assert await lands(app) == leeds.id


async def test_authenticate_failures_all_look_the_same(app: App) -> None:
    leeds = await app.centre("Leeds")
    york = await app.centre("York")
    ctx = await app.staff(leeds, Role.ADVISER, "a@example.org")
    attempts = [
        ("a@example.org", "wrong password!", None),
        ("nobody@example.org", PASSWORD, None),
        ("not an email", PASSWORD, None),
        ("a@example.org", PASSWORD, york.id),
        ("a@example.org", PASSWORD, CentreId(uuid.uuid4())),
    ]
    messages = set()
    for email, password, centre_id in attempts:
        with pytest.raises(AuthenticationFailed) as err:
            await app.identity.authenticate(email, password, centre_id=centre_id)
        messages.add(str(err.value))
    assert messages == {"email or password is incorrect"}
    user = await app.user(ctx)
    user.active = False
    await app.store.save_user(user)
    with pytest.raises(AuthenticationFailed):
        await app.identity.authenticate("a@example.org", PASSWORD)


async def test_context_for_rebuilds_current_roles(app: App) -> None:
    leeds = await app.centre("Leeds")
    york = await app.centre("York")
    ctx = await app.staff(leeds, Role.CASEWORKER, "a@example.org")
    assert ctx.user_id is not None
    await app.staff(leeds, Role.SUPERVISOR, "a@example.org")
    rebuilt = await app.identity.context_for(ctx.user_id, leeds.id)
    assert rebuilt.roles == {Role.CASEWORKER, Role.SUPERVISOR}
    with pytest.raises(NotFound):
        await app.identity.context_for(ctx.user_id, york.id)


async def test_my_centres_lists_the_persons_own_memberships_by_name(app: App) -> None:
    york = await app.centre("York")
    leeds = await app.centre("leeds")
    hull = await app.centre("Hull")
    stranger = await app.centre("Aberdeen")
    in_york = await app.staff(york, Role.ADVISER, "a@example.org")
    await app.staff(york, Role.SUPERVISOR, "a@example.org")
    await app.staff(leeds, Role.CASEWORKER, "a@example.org")
    await app.staff(hull, Role.ADVISER, "a@example.org")
    await app.staff(stranger, Role.ADVISER, "b@example.org")
    user = await app.user(in_york)
    user.set_active_in(hull.id, False)
    await app.store.save_user(user)

    choices = await app.identity.my_centres(in_york)

    assert [(c.name, c.current, c.active) for c in choices] == [
        ("Hull", False, False),
        ("leeds", False, True),
        ("York", True, True),
    ]
    assert choices[2].roles == {Role.ADVISER, Role.SUPERVISOR}
    assert choices[1].roles == {Role.CASEWORKER}
    assert stranger.id not in {c.centre_id for c in choices}
    system = TenantContext(centre_id=york.id, user_id=None, roles=frozenset())
    assert await app.identity.my_centres(system) == []


class UpgradingHasher(PlainPasswordHasher):
    """Treats hashes without the current prefix as made with older, weaker parameters."""

    def hash(self, password: str) -> str:
        return "v2$" + super().hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        return password_hash.removeprefix("v2$") == super().hash(password)

    def needs_rehash(self, password_hash: str) -> bool:
        return not password_hash.startswith("v2$")


async def test_sign_in_upgrades_an_old_hash(app: App) -> None:
    centre = await app.centre()
    ctx = await app.staff(centre, Role.ADVISER, "a@example.org")
    old_hash = (await app.user(ctx)).password_hash
    upgrading = IdentityService(app.store, UpgradingHasher(), app.clock)
    await upgrading.authenticate("a@example.org", PASSWORD)
    new_hash = (await app.user(ctx)).password_hash
    assert new_hash == "v2$" + old_hash
    await upgrading.authenticate("a@example.org", PASSWORD)
    assert (await app.user(ctx)).password_hash == new_hash


async def test_a_centre_admin_manages_members_with_versions(app: App) -> None:
    centre = await app.centre()
    admin_user = await app.identity.create_user(
        centre_id=centre.id, email="boss@example.org", role=Role.CENTRE_ADMIN, password=PASSWORD
    )
    admin = admin_user.context_in(centre.id, NOW)
    user = await app.identity.add_member(
        admin,
        email="Nia@Example.org",
        roles=[Role.CASEWORKER, Role.ADVISER, Role.ADVISER],
        password=PASSWORD,
        full_name="Nia",
    )
    assert user.roles_in(centre.id) == {Role.ADVISER, Role.CASEWORKER}
    with pytest.raises(Conflict):
        await app.identity.add_member(
            admin, email="nia@example.org", roles=[Role.ADVISER], password=PASSWORD
        )
    for roles in ([], [Role.PLATFORM_ADMIN]):
        with pytest.raises(ValidationError) as err:
            await app.identity.add_member(
                admin, email="x@example.org", roles=roles, password=PASSWORD
            )
        assert err.value.field == "roles"
    with pytest.raises(PermissionDenied):
        await app.identity.add_member(
            user.context_in(centre.id, NOW),
            email="y@example.org",
            roles=[Role.ADVISER],
            password=PASSWORD,
        )
    old = member_version(user, centre.id)
    changed = await app.identity.set_member_roles(
        admin, user.id, [Role.SUPERVISOR], expected_version=old
    )
    assert changed.roles_in(centre.id) == {Role.SUPERVISOR}
    with pytest.raises(StaleVersion):
        await app.identity.set_member_active(admin, user.id, False, expected_version=old)
    off = await app.identity.set_member_active(
        admin, user.id, False, expected_version=member_version(changed, centre.id)
    )
    assert off.active_in(centre.id) is False
    assert off.active is True  # the account-wide lock is the operator's
    # Not from another centre: not found.
    other = await app.centre()
    stranger = TenantContext(centre_id=other.id, user_id=None, roles=frozenset({Role.CENTRE_ADMIN}))
    with pytest.raises(NotFound):
        await app.identity.set_member_active(stranger, user.id, True, expected_version=None)
    # An admin keeps their own admin role and cannot switch themselves off.
    with pytest.raises(ValidationError):
        await app.identity.set_member_roles(
            admin, admin_user.id, [Role.ADVISER], expected_version=None
        )
    with pytest.raises(Conflict):
        await app.identity.set_member_active(admin, admin_user.id, False, expected_version=None)
