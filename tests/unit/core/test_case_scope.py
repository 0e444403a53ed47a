"""The visibility rule (``Case.visible_to``) and ``case_scope``, the preamble every use
case on a case opens: permission, unit of work, visible case, expected version."""

from __future__ import annotations

import pytest

from cma_core.cases.model import Case
from cma_core.cases.service import OpenCase, case_scope
from cma_core.identity.model import Centre, TenantContext
from cma_core.identity.permissions import Permission, Role
from cma_core.shared.errors import NotFound, PermissionDenied, StaleVersion
from cma_core.shared.ids import CaseId

from .support import App, register_cmd


@pytest.fixture
async def centre(app: App) -> Centre:
    return await app.centre()


async def open_case(app: App, ctx: TenantContext) -> Case:
    client = await app.clients.register(ctx, register_cmd())
    return await app.cases.open(ctx, OpenCase(client_id=client.id))


async def test_a_case_is_visible_to_its_adviser_and_to_read_all_only(
    app: App, centre: Centre
) -> None:
    mine = await app.staff(centre, Role.CASEWORKER, "mine@example.org")
    other = await app.staff(centre, Role.CASEWORKER, "other@example.org")
    supervisor = await app.staff(centre, Role.SUPERVISOR, "sup@example.org")
    case = await open_case(app, mine)

    assert case.visible_to(mine)
    assert not case.visible_to(other)
    assert case.visible_to(supervisor)


async def test_case_scope_yields_the_open_unit_of_work_and_the_case(
    app: App, centre: Centre
) -> None:
    adviser = await app.staff(centre, Role.ADVISER)
    case = await open_case(app, adviser)

    async with case_scope(app.cases, adviser, case.id, Permission.CASE_READ) as (uow, loaded):
        assert loaded.id == case.id
        assert uow.centre_id == centre.id


async def test_case_scope_checks_permission_visibility_and_version(
    app: App, centre: Centre
) -> None:
    adviser = await app.staff(centre, Role.CASEWORKER, "mine@example.org")
    other = await app.staff(centre, Role.CASEWORKER, "other@example.org")
    auditor = await app.staff(centre, Role.AUDITOR, "auditor@example.org")
    case = await open_case(app, adviser)

    with pytest.raises(PermissionDenied):
        async with case_scope(app.cases, auditor, case.id, Permission.CASE_WRITE):
            pass
    with pytest.raises(NotFound):
        async with case_scope(app.cases, other, case.id, Permission.CASE_READ):
            pass
    with pytest.raises(NotFound):
        async with case_scope(app.cases, adviser, CaseId(centre.id), Permission.CASE_READ):
            pass
    with pytest.raises(StaleVersion):
        async with case_scope(
            app.cases, adviser, case.id, Permission.CASE_READ, expected_version=case.version + 1
        ):
            pass


async def test_another_centres_case_is_not_found(app: App, centre: Centre) -> None:
    adviser = await app.staff(centre, Role.ADVISER)
    case = await open_case(app, adviser)
    elsewhere = await app.staff(await app.centre("Elsewhere"), Role.CENTRE_ADMIN)

    with pytest.raises(NotFound):
        async with case_scope(app.cases, elsewhere, case.id, Permission.CASE_READ):
            pass
