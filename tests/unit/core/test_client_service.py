"""ClientService on in-memory adapters: permissions, audit, tenancy, listing."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from cma_core.identity.permissions import Role
from cma_core.shared.errors import NotFound, PermissionDenied, ValidationError
from cma_core.shared.ids import ClientId

from .support import NOW, App, register_cmd


async def test_register_stores_the_client_audits_field_names_and_publishes(app: App) -> None:
    centre = await app.centre()
    ctx = await app.staff(centre, Role.CASEWORKER)
    client = await app.clients.register(ctx, register_cmd(email="JANE@example.org"))
    assert client.centre_id == centre.id
    assert client.email == "jane@example.org"
    assert await app.clients.get(ctx, client.id) == client
    created = (await app.audit(centre.id, entity_id=str(client.id)))[0]
    assert (created.action, created.actor_id, created.at) == ("client.created", ctx.user_id, NOW)
    assert created.fields == (
        "first_name",
        "last_name",
        "date_of_birth",
        "email",
        "phone",
        "ni_number",
    )
    # Names of fields only: never the personal data itself.
    assert "Jane" not in repr(created)
    assert "jane@example.org" not in repr(created)
    [event] = app.published("ClientRegistered")
    assert event.payload == {"client_id": str(client.id), "registered_by": str(ctx.user_id)}


async def test_invalid_client_is_not_stored(app: App) -> None:
    centre = await app.centre()
    ctx = await app.staff(centre, Role.ADVISER)
    with pytest.raises(ValidationError):
        await app.clients.register(ctx, register_cmd(date_of_birth=dt.date(2030, 1, 1)))
    assert (await app.clients.list(ctx)).total == 0
    assert await app.audit(centre.id) == []
    assert app.publisher.published == []


async def test_get_is_audited_as_a_view(app: App) -> None:
    centre = await app.centre()
    ctx = await app.staff(centre, Role.ADVISER)
    client = await app.clients.register(ctx, register_cmd())
    await app.clients.get(ctx, client.id)
    actions = [e.action for e in await app.audit(centre.id, entity_type="client")]
    assert actions == ["client.created", "client.viewed"]


async def test_another_centres_client_is_not_found(app: App) -> None:
    leeds = await app.centre("Leeds")
    york = await app.centre("York")
    ours = await app.staff(leeds, Role.ADVISER)
    theirs = await app.staff(york, Role.CENTRE_ADMIN)
    client = await app.clients.register(ours, register_cmd())
    with pytest.raises(NotFound):
        await app.clients.get(theirs, client.id)
    with pytest.raises(NotFound):
        await app.clients.get(ours, ClientId(uuid.uuid4()))
    assert (await app.clients.list(theirs)).total == 0
    assert await app.audit(york.id) == []


async def test_list_filters_by_name_and_pages(app: App) -> None:
    centre = await app.centre()
    ctx = await app.staff(centre, Role.ADVISER)
    for first in ("Ann", "Bob", "Cat"):
        await app.clients.register(ctx, register_cmd(first_name=first, last_name="Smith"))
        app.clock.advance(dt.timedelta(minutes=1))
    await app.clients.register(ctx, register_cmd(first_name="Dan", last_name="Jones"))
    page = await app.clients.list(ctx, limit=2, offset=0, name="smith")
    assert [c.first_name for c in page.items] == ["Cat", "Bob"]
    assert page.total == 3
    everyone = await app.clients.list(ctx)
    assert [c.first_name for c in everyone.items] == ["Dan", "Cat", "Bob", "Ann"]


@pytest.mark.parametrize(
    ("limit", "offset", "field"),
    [
        (0, 0, "limit"),
        (201, 0, "limit"),
        (
            10,
            -1,
            "offset",
        ),
    ],
)
async def test_list_page_bounds(app: App, limit: int, offset: int, field: str) -> None:
    centre = await app.centre()
    ctx = await app.staff(centre, Role.ADVISER)
    with pytest.raises(ValidationError) as err:
        await app.clients.list(ctx, limit=limit, offset=offset)
    assert err.value.field == field


async def test_platform_admin_and_auditor_cannot_register(app: App) -> None:
    centre = await app.centre()
    for role in (Role.PLATFORM_ADMIN, Role.AUDITOR):
        ctx = await app.staff(centre, role)
        with pytest.raises(PermissionDenied):
            await app.clients.register(ctx, register_cmd())
    platform = await app.staff(centre, Role.PLATFORM_ADMIN, "root@example.org")
    with pytest.raises(PermissionDenied):
        await app.clients.list(platform)
