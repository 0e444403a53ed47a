"""The case list projection on the in-memory adapters: events applied late, twice and in
reverse order converge on the rows a rebuild reads from the write side; the query's
visibility and withheld names; read-your-writes falling back to the write side."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from tests.unit.core.support import App, build_app, register_cmd
from tests.wiring import ports

from cma_core.cases.model import CaseStatus, CloseReason
from cma_core.cases.service import OpenCase, UpdateCase
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.readmodels.model import CaseListRow
from cma_core.readmodels.service import EVENTS, CaseListProjection, CaseListQuery
from cma_core.shared.handlers import EventHandlers
from cma_core.shared.ids import CentreId

ROWS = ("case_list_rows", "cases", "clients", "tasks", "deadlines", "findings")


def _projection(app: App) -> CaseListProjection:
    return CaseListProjection(app.uow, app.clock, **ports(ROWS))


async def _rows(app: App, centre: CentreId) -> list[CaseListRow]:
    projection = _projection(app)
    async with app.uow(centre) as uow:
        page = await projection.case_list_rows(uow).list(limit=200, offset=0)
    return [r.content() for r in page.items]


async def _seed(app: App) -> tuple[TenantContext, TenantContext]:
    centre = await app.centre()
    sup = await app.staff(centre, Role.SUPERVISOR)
    adviser = await app.staff(centre, Role.ADVISER)
    for i in range(3):
        client = await app.clients.register(sup, register_cmd(last_name=f"Doe{i}"))
        app.clock.advance(dt.timedelta(minutes=1))
        case = await app.cases.open(sup, OpenCase(client_id=client.id))
        app.clock.advance(dt.timedelta(minutes=1))
        await app.cases.add_note(sup, case.id, f"note {i}")
        if i == 1:
            await app.cases.close(sup, case.id, CloseReason.ADVICE_COMPLETE)
        if i == 2:
            cmd = UpdateCase(expected_version=None, adviser_id=adviser.user_id)
            await app.cases.update(sup, case.id, cmd)
    return sup, adviser


async def test_out_of_order_and_duplicate_events_converge_on_the_rebuild() -> None:
    app = build_app()
    sup, _ = await _seed(app)
    projection = _projection(app)
    handlers = EventHandlers(app.uow, app.clock, registered=projection.handlers())
    events = [e for e in app.publisher.published if e.name in _names()]
    assert len(events) == 8  # 3 opened, 3 notes, a closure, an assignment
    # Newest first, then every event again: each run re-reads the current state.
    for env in [*reversed(events), *events]:
        await handlers.dispatch(env.centre_id, env.event_id)
    incremental = await _rows(app, sup.centre_id)
    assert len(incremental) == 3
    assert {r.status for r in incremental} == {CaseStatus.OPEN, CaseStatus.CLOSED}
    assert all(r.client_name and r.client_name.startswith("Jane Doe") for r in incremental)

    assert await projection.rebuild(sup.centre_id) == 3
    assert await _rows(app, sup.centre_id) == incremental
    async with app.uow(sup.centre_id) as uow:
        version = await projection.version(uow)
    assert version.lag_seconds == 0
    assert version.source == "projection"


async def test_batches_of_events_out_of_order_and_twice_converge_on_the_rebuild() -> None:
    """The in-process publisher hands queued events over in batches, and the handler runs
    once per case for a batch (``Handles.coalesce``): batches of the events newest first,
    then all of them again, leave the rows a rebuild reads."""
    app = build_app()
    sup, _ = await _seed(app)
    projection = _projection(app)
    handlers = EventHandlers(app.uow, app.clock, registered=projection.handlers())
    events = [e for e in app.publisher.published if e.name in _names()]
    ids = [e.event_id for e in reversed(events)]
    for batch in (ids[:3], ids[3:], ids):
        await handlers.dispatch_many(sup.centre_id, batch)
    incremental = await _rows(app, sup.centre_id)
    assert len(incremental) == 3
    assert await projection.rebuild(sup.centre_id) == 3
    assert await _rows(app, sup.centre_id) == incremental


async def test_rebuild_removes_rows_of_cases_that_are_gone() -> None:
    app = build_app()
    sup, _ = await _seed(app)
    projection = _projection(app)
    await projection.rebuild(sup.centre_id)
    rows = await _rows(app, sup.centre_id)
    ghost = attrs.evolve(rows[0], case_id=rows[1].client_id, reference="C-999999")
    async with app.uow(sup.centre_id) as uow:
        await projection.case_list_rows(uow).put(ghost)
        await uow.commit()
    assert len(await _rows(app, sup.centre_id)) == 4
    await projection.rebuild(sup.centre_id)
    assert await _rows(app, sup.centre_id) == rows


async def test_visibility_follows_case_read_all() -> None:
    app = build_app()
    sup, adviser = await _seed(app)
    projection = _projection(app)
    await projection.rebuild(sup.centre_id)
    query = CaseListQuery(app.uow, app.clock, projection)
    page, _ = await query.list(sup)
    assert page.total == 3
    caseworker = attrs.evolve(adviser, roles=frozenset({Role.CASEWORKER}))  # own cases only
    mine, _ = await query.list(caseworker)
    assert [r.adviser_id for r in mine.items] == [adviser.user_id]
    other, _ = await query.list(caseworker, adviser_id=sup.user_id)
    assert other.total == 0


async def test_read_your_writes_falls_back_to_the_write_side() -> None:
    app = build_app()
    sup, _ = await _seed(app)  # nothing handled: the projection is empty
    query = CaseListQuery(app.uow, app.clock, _projection(app), wait_seconds=0.05)
    eventual, version = await query.list(sup)
    assert eventual.total == 0
    assert version.source == "projection"
    assert version.lag_seconds > 0
    consistent, version = await query.list(sup, written_at=app.clock.now())
    assert consistent.total == 3
    assert version.source == "write"
    assert [r.reference for r in consistent.items] == ["C-000003", "C-000002", "C-000001"]

    handlers = EventHandlers(app.uow, app.clock, registered=_projection(app).handlers())
    for env in app.publisher.published:
        await handlers.dispatch(env.centre_id, env.event_id)
    caught_up, version = await query.list(sup, written_at=app.clock.now())
    assert version.source == "projection"
    assert version.lag_seconds == 0
    assert [r.content() for r in caught_up.items] == [r.content() for r in consistent.items]


@pytest.mark.parametrize("event", sorted(e.name for e in EVENTS))
def test_every_event_has_a_case_or_a_rule_to_find_its_cases(event: str) -> None:
    # What ``_affected`` knows how to route: a case id in the payload, or a special case.
    special = {"ClientUpdated", "ClientErased", "FileReviewRecorded", "ReferenceLoaded"}
    fields = next(e for e in EVENTS if e.name == event).__attrs_attrs__  # type: ignore[attr-defined]
    assert event in special or "case_id" in {f.name for f in fields}


def _names() -> set[str]:
    return {e.name for e in EVENTS}
