"""CaseService on in-memory adapters: opening, listing, updating, closing, tenancy."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from cma_core.cases.model import Case, CaseStatus, CloseReason
from cma_core.cases.service import OpenCase, UpdateCase
from cma_core.identity.model import Centre, TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.errors import (
    InvalidTransition,
    NotFound,
    PermissionDenied,
    StaleVersion,
    ValidationError,
)
from cma_core.shared.ids import CaseId, ClientId, UserId

from .support import NOW, App, register_cmd


async def open_for(app: App, ctx: TenantContext, adviser_id: UserId | None = None) -> Case:
    client = await app.clients.register(ctx, register_cmd())
    return await app.cases.open(ctx, OpenCase(client_id=client.id, adviser_id=adviser_id))


@pytest.fixture
async def centre(app: App) -> Centre:
    return await app.centre()


@pytest.fixture
async def adviser(app: App, centre: Centre) -> TenantContext:
    return await app.staff(centre, Role.ADVISER, "adviser@example.org")


async def test_open_numbers_cases_audits_and_publishes(
    app: App, centre: Centre, adviser: TenantContext
) -> None:
    first = await open_for(app, adviser)
    second = await open_for(app, adviser)
    assert (first.reference, second.reference) == ("C-000001", "C-000002")
    assert first.adviser_id == adviser.user_id  # defaults to the opener
    assert first.status is CaseStatus.OPEN
    assert await app.cases.get(adviser, first.id) == first
    entries = await app.audit(centre.id, entity_type="case", entity_id=str(first.id))
    assert [e.action for e in entries] == ["case.created", "case.viewed"]
    assert entries[0].fields == ("client_id", "adviser_id")
    assert entries[0].actor_id == adviser.user_id
    assert entries[0].at == NOW
    opened = app.published("CaseOpened")
    assert [e.payload["case_id"] for e in opened] == [str(first.id), str(second.id)]


async def test_open_needs_a_client_of_this_centre(app: App, adviser: TenantContext) -> None:
    york = await app.centre("York")
    other = await app.staff(york, Role.ADVISER)
    their_client = await app.clients.register(other, register_cmd())
    for client_id in (their_client.id, ClientId(uuid.uuid4())):
        with pytest.raises(ValidationError) as err:
            await app.cases.open(adviser, OpenCase(client_id=client_id))
        assert err.value.field == "client_id"
    assert (await app.cases.list(adviser)).total == 0


async def test_open_for_another_adviser_must_be_staff_of_the_centre(
    app: App, centre: Centre, adviser: TenantContext
) -> None:
    colleague = await app.staff(centre, Role.CASEWORKER, "colleague@example.org")
    case = await open_for(app, adviser, colleague.user_id)
    assert case.adviser_id == colleague.user_id
    york = await app.centre("York")
    outsider = await app.staff(york, Role.ADVISER, "outsider@example.org")
    for stranger in (outsider.user_id, UserId(uuid.uuid4())):
        with pytest.raises(ValidationError) as err:
            await open_for(app, adviser, stranger)
        assert err.value.field == "adviser_id"


async def test_auditor_cannot_open_cases(app: App, centre: Centre, adviser: TenantContext) -> None:
    client = await app.clients.register(adviser, register_cmd())
    auditor = await app.staff(centre, Role.AUDITOR)
    with pytest.raises(PermissionDenied):
        await app.cases.open(auditor, OpenCase(client_id=client.id))


async def test_list_filters_and_caseworkers_see_only_their_own(
    app: App, centre: Centre, adviser: TenantContext
) -> None:
    caseworker = await app.staff(centre, Role.CASEWORKER, "cw@example.org")
    mine = await open_for(app, caseworker)
    app.clock.advance(dt.timedelta(minutes=1))
    theirs = await open_for(app, adviser)
    app.clock.advance(dt.timedelta(minutes=1))
    closed = await open_for(app, adviser)
    await app.cases.close(adviser, closed.id, CloseReason.OTHER)

    everything = await app.cases.list(adviser)
    assert [c.id for c in everything.items] == [closed.id, theirs.id, mine.id]
    assert [c.id for c in (await app.cases.list(adviser, status=CaseStatus.OPEN)).items] == [
        theirs.id,
        mine.id,
    ]
    by_adviser = await app.cases.list(adviser, adviser_id=adviser.user_id)
    assert [c.id for c in by_adviser.items] == [closed.id, theirs.id]
    by_client = await app.cases.list(adviser, client_id=mine.client_id)
    assert [c.id for c in by_client.items] == [mine.id]

    own = await app.cases.list(caseworker)
    assert [c.id for c in own.items] == [mine.id]
    assert own.total == 1
    assert (await app.cases.list(caseworker, adviser_id=adviser.user_id)).total == 0
    with pytest.raises(NotFound):
        await app.cases.get(caseworker, theirs.id)
    assert (await app.cases.get(caseworker, mine.id)).id == mine.id


async def test_another_centres_case_is_not_found(
    app: App, centre: Centre, adviser: TenantContext
) -> None:
    case = await open_for(app, adviser)
    york = await app.centre("York")
    admin = await app.staff(york, Role.CENTRE_ADMIN)
    with pytest.raises(NotFound):
        await app.cases.get(admin, case.id)
    with pytest.raises(NotFound):
        await app.cases.add_note(admin, case.id, "hello")
    with pytest.raises(NotFound):
        await app.cases.close(admin, case.id, CloseReason.OTHER)
    with pytest.raises(NotFound):
        await app.cases.update(admin, case.id, UpdateCase(expected_version=1, adviser_id=None))
    with pytest.raises(NotFound):
        await app.cases.get(adviser, CaseId(uuid.uuid4()))
    assert (await app.cases.list(admin)).total == 0
    assert (await app.cases.get(adviser, case.id)).notes == []


async def test_update_assigns_and_checks_the_version(
    app: App, centre: Centre, adviser: TenantContext
) -> None:
    supervisor = await app.staff(centre, Role.SUPERVISOR, "sup@example.org")
    colleague = await app.staff(centre, Role.ADVISER, "colleague@example.org")
    case = await open_for(app, adviser)
    with pytest.raises(PermissionDenied):
        await app.cases.update(
            adviser, case.id, UpdateCase(expected_version=1, adviser_id=colleague.user_id)
        )
    updated = await app.cases.update(
        supervisor, case.id, UpdateCase(expected_version=1, adviser_id=colleague.user_id)
    )
    assert updated.adviser_id == colleague.user_id
    assert updated.version == 2
    with pytest.raises(StaleVersion) as err:
        await app.cases.update(supervisor, case.id, UpdateCase(expected_version=1, adviser_id=None))
    assert (err.value.expected, err.value.actual) == (1, 2)
    unassigned = await app.cases.update(
        supervisor, case.id, UpdateCase(expected_version=2, adviser_id=None)
    )
    assert unassigned.adviser_id is None
    assert (await app.cases.get(supervisor, case.id)).adviser_id is None
    actions = [e.action for e in await app.audit(centre.id, entity_type="case")]
    assert actions.count("case.updated") == 2
    assert [e.payload["adviser_id"] for e in app.published("AdviserAssigned")] == [
        str(colleague.user_id),
        None,
    ]


async def test_update_without_changes_saves_nothing(
    app: App, centre: Centre, adviser: TenantContext
) -> None:
    case = await open_for(app, adviser)
    same = await app.cases.update(adviser, case.id, UpdateCase(expected_version=1))
    assert same.version == 1
    assert "case.updated" not in [e.action for e in await app.audit(centre.id)]


async def test_notes_close_and_reopen(app: App, centre: Centre, adviser: TenantContext) -> None:
    case = await open_for(app, adviser)
    note = await app.cases.add_note(adviser, case.id, "Discussed priority debts", sensitive=True)
    assert note.author_id == adviser.user_id
    closed = await app.cases.close(
        adviser, case.id, CloseReason.ADVICE_COMPLETE, expected_version=2
    )
    assert closed.status is CaseStatus.CLOSED
    assert closed.closed_at == NOW
    with pytest.raises(InvalidTransition):
        await app.cases.close(adviser, case.id, CloseReason.OTHER)
    with pytest.raises(InvalidTransition):
        await app.cases.add_note(adviser, case.id, "too late")
    with pytest.raises(StaleVersion):
        await app.cases.reopen(adviser, case.id, expected_version=2)
    reopened = await app.cases.reopen(adviser, case.id, expected_version=3)
    assert reopened.is_open
    stored = await app.cases.get(adviser, case.id)
    assert [n.body for n in stored.notes] == ["Discussed priority debts"]
    assert stored.notes[0].sensitive
    assert stored.version == 4
    actions = [e.action for e in await app.audit(centre.id, entity_type="case")]
    assert actions == [
        "case.created",
        "case.note_added",
        "case.closed",
        "case.reopened",
        "case.viewed",
    ]
    names = [e.name for e in app.publisher.published if e.name.startswith("Case")]
    assert names == ["CaseOpened", "CaseNoteAdded", "CaseClosed", "CaseReopened"]


async def test_caseworker_cannot_close(app: App, centre: Centre) -> None:
    caseworker = await app.staff(centre, Role.CASEWORKER)
    case = await open_for(app, caseworker)
    with pytest.raises(PermissionDenied):
        await app.cases.close(caseworker, case.id, CloseReason.OTHER)
    assert (await app.cases.get(caseworker, case.id)).is_open
