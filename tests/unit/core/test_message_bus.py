"""The message bus as areas use it: handlers registered by event type, events staged in
the unit of work (``uow.emit``) in order, and the wire names the outbox keeps."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import uuid
from typing import Any

import pytest

from cma_core.cases.model import AdviserAssigned, Case, CaseClosed, CaseOpened, visible_adviser
from cma_core.compliance.service import REEVALUATE_ON
from cma_core.identity.permissions import Role
from cma_core.shared.errors import Conflict
from cma_core.shared.events import EventEnvelope
from cma_core.shared.handlers import (
    EventHandlers,
    GivesUp,
    Handles,
    OutsideTransaction,
    TopUp,
    case_of,
    handles,
)
from cma_core.shared.ids import CaseId, CentreId, ClientId, EventId, UserId
from cma_core.shared.uow import UnitOfWork

from .support import NOW, App


def _case(centre: CentreId) -> Case:
    return Case.open(
        case_id=CaseId(uuid.uuid4()),
        centre_id=centre,
        client_id=ClientId(uuid.uuid4()),
        reference="C-000001",
        adviser_id=None,
        now=NOW,
        by=None,
    )


async def test_emitted_events_reach_the_outbox_in_staging_order(app: App) -> None:
    centre = (await app.centre()).id
    case = _case(centre)
    loose = CaseClosed(
        centre_id=centre, occurred_at=NOW, case_id=case.id, reason="other", closed_by=None
    )
    async with app.uow(centre) as uow:
        uow.emit(loose)
        uow.track(case)  # records CaseOpened when opened
        uow.emit(
            AdviserAssigned(
                centre_id=centre,
                occurred_at=NOW,
                case_id=case.id,
                adviser_id=None,
                previous_adviser_id=None,
            )
        )
        await uow.commit()
    assert [e.name for e in app.publisher.published] == [
        "CaseClosed",
        "CaseOpened",
        "AdviserAssigned",
    ]


async def test_emitted_events_are_dropped_on_rollback(app: App) -> None:
    centre = (await app.centre()).id
    async with app.uow(centre) as uow:
        uow.emit(
            CaseClosed(
                centre_id=centre, occurred_at=NOW, case_id=CaseId(uuid.uuid4()),
                reason="other", closed_by=None,
            )
        )  # fmt: skip
    async with app.uow(centre) as uow:
        assert await uow.outbox.unpublished(limit=10) == []
    assert app.publisher.published == []


async def test_handlers_are_found_by_the_type_of_the_stored_event(app: App) -> None:
    centre = (await app.centre()).id
    ran: list[str] = []

    async def on_opened(uow: UnitOfWork, event: EventEnvelope) -> None:
        ran.append(f"opened:{event.payload['case_id']}")

    async def on_closed(uow: UnitOfWork, event: EventEnvelope) -> None:
        ran.append("closed")

    bus = EventHandlers(
        app.uow,
        app.clock,
        registered=(
            Handles(CaseOpened, "on_opened", on_opened),
            *handles([CaseClosed], "on_closed", on_closed),
        ),
    )
    case = _case(centre)
    async with app.uow(centre) as uow:
        uow.track(case)
        await uow.commit()
    [event] = app.published("CaseOpened")

    assert await bus.dispatch(centre, event.event_id) == 1
    assert ran == [f"opened:{case.id}"]
    assert await bus.dispatch(centre, event.event_id) == 0  # the inbox remembers it


async def test_give_up_handlers_are_found_by_type(app: App) -> None:
    centre = (await app.centre()).id
    reasons: list[str] = []

    async def abandon(uow: UnitOfWork, event: EventEnvelope, reason: str) -> None:
        reasons.append(reason)

    bus = EventHandlers(
        app.uow,
        app.clock,
        give_up_handlers=(GivesUp(CaseOpened, abandon), GivesUp(CaseClosed, abandon)),
    )
    async with app.uow(centre) as uow:
        uow.track(_case(centre))
        await uow.commit()
    [event] = app.published("CaseOpened")

    assert await bus.give_up(centre, event.event_id, "retries exhausted") == 1
    assert reasons == ["retries exhausted"]


def test_the_wire_names_of_the_events_compliance_follows_are_unchanged() -> None:
    assert [e.name for e in REEVALUATE_ON] == [
        "CaseOpened", "CaseNoteAdded", "CaseClosed", "CaseReopened", "AdviserAssigned",
        "DebtAdded", "DebtUpdated", "DebtRemoved", "BudgetChanged", "AdviceRecorded",
        "LetterSent", "DeadlinePassed", "FactRecorded", "FactWithdrawn", "FactsChanged",
        "OffersPlanned", "AppraisalSaved", "CaseworkChanged", "TaskChanged", "ReferenceLoaded",
    ]  # fmt: skip


async def test_a_list_by_adviser_follows_the_visibility_rule(app: App) -> None:
    centre = await app.centre()
    caseworker = await app.staff(centre, Role.CASEWORKER)
    supervisor = await app.staff(centre, Role.SUPERVISOR)
    someone = UserId(uuid.uuid4())

    assert visible_adviser(supervisor, someone) == (True, someone)
    assert visible_adviser(supervisor, None) == (True, None)
    assert visible_adviser(caseworker, None) == (True, caseworker.user_id)
    assert visible_adviser(caseworker, caseworker.user_id) == (True, caseworker.user_id)
    assert visible_adviser(caseworker, someone)[0] is False


async def test_an_event_the_broker_lost_is_published_again_until_its_handlers_have_it(
    app: App,
) -> None:
    """Issue 13: the outbox marked an event published once Redis had it; Redis restarted
    without persistence and the initial-contact task never happened. Now the event is owed
    until the handlers' inbox records it, and the relay sends it again after a while."""
    import datetime as dt

    from cma_adapters.memory import FixedClock
    from cma_core.shared.handlers import OutboxRelay

    centre = (await app.centre()).id
    async with app.uow(centre) as uow:
        uow.track(_case(centre))
        await uow.commit()
    lost = app.publisher.published[-1]  # handed to the "broker", which then lost it
    later = FixedClock(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10))
    relay = OutboxRelay(
        app.uow, app.store, app.publisher, later, redeliver_after=dt.timedelta(minutes=5)
    )
    early = OutboxRelay(
        app.uow, app.store, app.publisher, app.clock, redeliver_after=dt.timedelta(minutes=5)
    )
    assert await early.relay() == 0  # not yet due
    assert await relay.relay() == 1
    assert app.publisher.published[-1].event_id == lost.event_id
    assert await relay.relay() == 0  # just published again: the timeout starts afresh

    await app.handlers.dispatch(centre, lost.event_id)  # the handler's inbox records it
    much_later = FixedClock(dt.datetime.now(dt.UTC) + dt.timedelta(hours=2))
    settled = OutboxRelay(
        app.uow, app.store, app.publisher, much_later, redeliver_after=dt.timedelta(minutes=5)
    )
    assert await settled.relay() == 0


async def test_a_dead_letter_settles_the_event(app: App) -> None:
    import datetime as dt

    from cma_adapters.memory import FixedClock
    from cma_core.shared.handlers import OutboxRelay

    centre = (await app.centre()).id
    async with app.uow(centre) as uow:
        uow.track(_case(centre))
        await uow.commit()
    event = app.publisher.published[-1]
    await app.handlers.give_up(centre, event.event_id, "retries exhausted")
    assert app.db.outbox_settled[event.event_id][1] == "retries exhausted"
    later = FixedClock(dt.datetime.now(dt.UTC) + dt.timedelta(hours=2))
    relay = OutboxRelay(app.uow, app.store, app.publisher, later)
    assert await relay.relay() == 0


async def _opened_and_closed(app: App, centre: CentreId, cases: int) -> list[EventEnvelope]:
    """``cases`` cases opened, then each closed: two events a case, in that order."""
    made = [_case(centre) for _ in range(cases)]
    for case in made:
        async with app.uow(centre) as uow:
            uow.track(case)
            await uow.commit()
    for case in made:
        async with app.uow(centre) as uow:
            uow.emit(
                CaseClosed(
                    centre_id=centre, occurred_at=NOW, case_id=case.id, reason="other",
                    closed_by=None,
                )
            )  # fmt: skip
            await uow.commit()
    return [e for e in app.publisher.published if e.name in {"CaseOpened", "CaseClosed"}]


async def test_a_batch_runs_a_coalescing_handler_once_per_case_after_the_others(
    app: App,
) -> None:
    centre = (await app.centre()).id
    ran: list[str] = []

    async def each(uow: UnitOfWork, event: EventEnvelope) -> None:
        ran.append(f"each:{event.name}")

    async def per_case(uow: UnitOfWork, event: EventEnvelope) -> None:
        ran.append(f"case:{event.payload['case_id']}:{event.name}")

    bus = EventHandlers(
        app.uow,
        app.clock,
        registered=(
            *handles([CaseOpened, CaseClosed], "per_case", per_case, coalesce=case_of),
            *handles([CaseOpened, CaseClosed], "each", each),
        ),
    )
    events = await _opened_and_closed(app, centre, 3)
    assert len(events) == 6
    # One unit of work per event for ``each``; one for all of ``per_case``'s runs.
    assert await bus.dispatch_many(centre, [e.event_id for e in events]) == 6 + 1
    case_ids = list(dict.fromkeys(str(e.payload["case_id"]) for e in events))
    # The others first, per event in order; then the coalescing one, once per case.
    assert ran[:6] == [f"each:{e.name}" for e in events]
    assert [r.split(":")[1] for r in ran[6:]] == case_ids
    # Every event is in both handlers' inboxes and settled: nothing runs again.
    assert await bus.dispatch_many(centre, [e.event_id for e in events]) == 0
    assert all(app.db.outbox_settled.get(e.event_id) for e in events)
    for e in events:
        assert await bus.dispatch(centre, e.event_id) == 0


async def test_an_event_already_handled_alone_is_not_run_again_in_a_batch(app: App) -> None:
    centre = (await app.centre()).id
    ran: list[str] = []

    async def per_case(uow: UnitOfWork, event: EventEnvelope) -> None:
        ran.append(event.name)

    bus = EventHandlers(
        app.uow,
        app.clock,
        registered=handles([CaseOpened, CaseClosed], "per_case", per_case, coalesce=case_of),
    )
    events = await _opened_and_closed(app, centre, 1)
    await bus.dispatch(centre, events[1].event_id)  # the closure alone, first
    assert ran == ["CaseClosed"]
    await bus.dispatch_many(centre, [e.event_id for e in events])
    assert ran == ["CaseClosed", "CaseOpened"]  # only the one not in the inbox


async def test_the_in_process_publisher_gives_up_only_the_failing_event_of_a_batch(
    app: App,
) -> None:
    from cma_adapters.jobs import InProcessEventPublisher

    centre = (await app.centre()).id
    events = await _opened_and_closed(app, centre, 2)
    bad = str(events[0].payload["case_id"])
    ran: list[str] = []

    async def per_case(uow: UnitOfWork, event: EventEnvelope) -> None:
        if event.payload["case_id"] == bad:
            raise RuntimeError("boom")
        ran.append(event.name)

    bus = EventHandlers(
        app.uow,
        app.clock,
        registered=handles([CaseOpened, CaseClosed], "per_case", per_case, coalesce=case_of),
    )
    publisher = InProcessEventPublisher(lambda: bus)
    await publisher.publish(events)
    assert await publisher.drain() == 4
    settled = {e.event_id: app.db.outbox_settled[e.event_id][1] for e in events}
    # The failing case's two events are dead letters; the other case's are handled.
    failed = [e.event_id for e in events if e.payload["case_id"] == bad]
    assert all(settled[i] for i in failed)
    assert not any(settled[e.event_id] for e in events if e.event_id not in failed)
    assert ran  # the other case's row was written (alone, after the batch failed)


async def test_the_in_process_publisher_tries_a_failed_event_once_more_before_giving_up(
    app: App,
) -> None:
    """A failure of the moment (a case erased between a handler's read and its write) is
    not a dead letter: the event alone is tried once more; a second failure gives it up."""
    from cma_adapters.jobs import InProcessEventPublisher

    centre = (await app.centre()).id
    [opened, closed] = await _opened_and_closed(app, centre, 1)
    failures = {"CaseOpened": 1, "CaseClosed": 2}
    ran: list[str] = []

    async def flaky(uow: UnitOfWork, event: EventEnvelope) -> None:
        if failures[event.name]:
            failures[event.name] -= 1
            raise RuntimeError("of the moment")
        ran.append(event.name)

    bus = EventHandlers(
        app.uow, app.clock, registered=handles([CaseOpened, CaseClosed], "flaky", flaky)
    )
    publisher = InProcessEventPublisher(lambda: bus)
    await publisher.publish([opened])
    await publisher.drain()
    assert ran == ["CaseOpened"]
    assert not app.db.outbox_settled[opened.event_id][1]  # handled, not a dead letter
    await publisher.publish([closed])
    await publisher.drain()
    assert ran == ["CaseOpened"]  # failed twice: given up
    assert app.db.outbox_settled[closed.event_id][1]


async def test_events_published_while_held_are_handled_at_the_end_in_batches(
    app: App,
) -> None:
    """The demo's seeding holds a centre's events: nothing runs inside the block, then the
    backlog goes to the dispatcher as one batch, so a coalescing handler runs once per
    case (not once per event) and the others still see every event, in order."""
    import asyncio

    from cma_adapters.jobs import InProcessEventPublisher

    centre = (await app.centre()).id
    events = await _opened_and_closed(app, centre, 3)
    ran: list[str] = []

    async def each(uow: UnitOfWork, event: EventEnvelope) -> None:
        ran.append(f"each:{event.event_id}")

    async def per_case(uow: UnitOfWork, event: EventEnvelope) -> None:
        ran.append(f"case:{event.payload['case_id']}")

    bus = EventHandlers(
        app.uow,
        app.clock,
        registered=(
            *handles([CaseOpened, CaseClosed], "per_case", per_case, coalesce=case_of),
            *handles([CaseOpened, CaseClosed], "each", each),
        ),
    )
    publisher = InProcessEventPublisher(lambda: bus)
    progress: list[tuple[int, int]] = []
    async with publisher.held(lambda done, of: progress.append((done, of))):
        for event in events:
            await publisher.publish([event])
            await asyncio.sleep(0.01)  # time enough for a background task to run
        assert ran == []
        assert publisher.pending == 6
    assert publisher.pending == 0
    assert publisher.handled == 6
    assert ran[:6] == [f"each:{e.event_id}" for e in events]
    cases = list(dict.fromkeys(f"case:{e.payload['case_id']}" for e in events))
    assert ran[6:] == cases  # once per case: a batch of six, not six batches of one
    assert progress[-1] == (6, 6)
    # Every event is settled in the outbox.
    assert all(app.db.outbox_settled.get(e.event_id) for e in events)


async def test_a_duplicate_delivery_is_skipped_at_info_and_counted(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    """Two deliveries of one event ran at once: the other one recorded the handler (its
    inbox mark committed) while this one ran, so this one trips the effect's unique key.
    That is at-least-once delivery working, not a fault: skipped, INFO, no traceback."""
    centre = (await app.centre()).id
    counted: list[str] = []

    async def raced(uow: UnitOfWork, event: EventEnvelope) -> None:
        async with app.uow(centre) as other:  # the winning delivery commits first
            await other.inbox.mark(event.event_id, "raced", NOW)
            await other.commit()
        raise Conflict("a task for this event already exists")

    bus = EventHandlers(
        app.uow,
        app.clock,
        registered=(Handles(CaseOpened, "raced", raced),),
        on_duplicate=counted.append,
    )
    async with app.uow(centre) as uow:
        uow.track(_case(centre))
        await uow.commit()
    [event] = app.published("CaseOpened")

    with caplog.at_level(logging.DEBUG, logger="cma.worker"):
        assert await bus.dispatch(centre, event.event_id) == 0

    assert counted == ["raced"]
    [record] = [r for r in caplog.records if r.name == "cma.worker"]
    assert (record.levelno, record.getMessage()) == (logging.INFO, "duplicate delivery skipped")
    assert record.exc_info is None
    assert (record.__dict__["event_id"], record.__dict__["handler"]) == (
        str(event.event_id),
        "raced",
    )
    async with app.uow(centre) as uow:  # settled: the relay no longer owes it
        assert await uow.outbox.owed(published_before=NOW + dt.timedelta(days=1), limit=5) == []


async def test_a_failure_the_inbox_does_not_explain_still_raises(app: App) -> None:
    centre = (await app.centre()).id
    counted: list[str] = []

    async def broken(uow: UnitOfWork, event: EventEnvelope) -> None:
        raise Conflict("something else went wrong")

    bus = EventHandlers(
        app.uow,
        app.clock,
        registered=(Handles(CaseOpened, "broken", broken),),
        on_duplicate=counted.append,
    )
    async with app.uow(centre) as uow:
        uow.track(_case(centre))
        await uow.commit()
    [event] = app.published("CaseOpened")

    with pytest.raises(Conflict):
        await bus.dispatch(centre, event.event_id)
    assert counted == []


async def test_a_batch_runs_its_coalescing_handlers_at_once_after_those_they_read(
    app: App,
) -> None:
    """With ``concurrency``: a handler starts once the earlier ones it reads (``after``)
    have finished, alongside the others; one not named waits for every earlier one."""
    centre = (await app.centre()).id
    log: list[str] = []
    release = asyncio.Event()

    def handler(name: str) -> Any:
        async def run(uow: UnitOfWork, event: EventEnvelope) -> None:
            log.append(f"start {name}")
            if name == "writes":
                # Held until the independent one has run (one at a time: times out).
                await asyncio.wait_for(release.wait(), 5)
            log.append(f"end {name}")
            if name == "independent":
                release.set()

        return run

    names = ("writes", "reads", "independent", "unnamed")
    bus = EventHandlers(
        app.uow,
        app.clock,
        registered=[
            h for n in names for h in handles([CaseOpened], n, handler(n), coalesce=case_of)
        ],
        concurrency=3,
        after={"reads": {"writes"}, "independent": set()},
    )
    events = await _opened_and_closed(app, centre, 2)
    opened = [e.event_id for e in events if e.name == CaseOpened.name]
    assert await bus.dispatch_many(centre, opened) == 4
    # ``independent`` ran while ``writes`` was still running (it released it).
    assert log.index("start independent") < log.index("end writes")
    assert log.index("end writes") < log.index("start reads")
    for earlier in ("writes", "reads", "independent"):
        assert log.index(f"end {earlier}") < log.index("start unnamed")
    assert all(app.db.outbox_settled.get(i) for i in opened)


async def test_a_failure_among_handlers_run_at_once_fails_the_batch(app: App) -> None:
    centre = (await app.centre()).id

    async def fine(uow: UnitOfWork, event: EventEnvelope) -> None:
        return None

    async def boom(uow: UnitOfWork, event: EventEnvelope) -> None:
        raise RuntimeError("boom")

    bus = EventHandlers(
        app.uow,
        app.clock,
        registered=[
            *handles([CaseOpened], "boom", boom, coalesce=case_of),
            *handles([CaseOpened], "fine", fine, coalesce=case_of),
        ],
        concurrency=2,
        after={"fine": set()},
    )
    events = await _opened_and_closed(app, centre, 2)
    opened = [e.event_id for e in events if e.name == CaseOpened.name]
    with pytest.raises(RuntimeError, match="boom"):
        await bus.dispatch_many(centre, opened)
    assert not any(app.db.outbox_settled.get(i) for i in opened)
    async with app.uow(centre) as uow:  # the handler that succeeded kept its inbox entries
        assert await uow.inbox.seen_of(opened, "fine") == set(opened)


async def test_a_batch_combines_the_slow_parts_of_a_handler_that_says_they_can_be(
    app: App,
) -> None:
    """``OutsideTransaction.combine``: a coalescing group's slow parts run as one work."""
    centre = (await app.centre()).id
    wrote: list[list[str]] = []

    def write(case_id: str) -> Any:
        async def work() -> None:
            wrote.append([case_id])

        work.case_id = case_id  # type: ignore[attr-defined]
        return work

    async def prepare(uow: UnitOfWork, event: EventEnvelope) -> Any:
        return write(str(event.payload["case_id"]))

    def combine(works: Any) -> Any:
        async def all_at_once() -> None:
            wrote.append([w.case_id for w in works])

        return all_at_once

    bus = EventHandlers(
        app.uow,
        app.clock,
        registered=handles(
            [CaseOpened], "index", OutsideTransaction(prepare, combine=combine), coalesce=case_of
        ),
    )
    events = await _opened_and_closed(app, centre, 3)
    opened = [e for e in events if e.name == CaseOpened.name]
    await bus.dispatch_many(centre, [e.event_id for e in opened])
    assert wrote == [[str(e.payload["case_id"]) for e in opened]]  # one write, every case
    async with app.uow(centre) as uow:
        assert await uow.inbox.seen_of([e.event_id for e in opened], "index") == {
            e.event_id for e in opened
        }


async def test_waiting_names_settled_events_and_the_batchable_owed_ones(app: App) -> None:
    """What the worker's batch asks before dispatching (``EventHandlers.waiting``): which of
    its messages' events are settled, and the centre's other owed events it may take —
    only those whose every handler coalesces (a handler run per event, or slow work, is
    left to the event's own message)."""
    centre = (await app.centre()).id

    async def noop(uow: UnitOfWork, event: EventEnvelope) -> None:
        return None

    bus = EventHandlers(
        app.uow,
        app.clock,
        registered=(
            *handles([CaseOpened, CaseClosed], "per_case", noop, coalesce=case_of),
            Handles(CaseClosed, "each_closed", noop),  # not coalescing: CaseClosed stays
        ),
    )
    events = await _opened_and_closed(app, centre, 3)
    opened = [e.event_id for e in events if e.name == "CaseOpened"]
    async with app.uow(centre) as uow:
        await uow.outbox.mark_published([e.event_id for e in events], NOW - dt.timedelta(minutes=1))
        await uow.outbox.settle(opened[0], NOW)
        await uow.commit()

    found = await bus.waiting(centre, [opened[0], opened[1]], more=10)
    assert found.settled == {opened[0]}
    assert found.more == [opened[2]]  # not the asked ones, not the CaseClosed ones
    assert found.held == set()  # no claims (``claim_for`` unset)
    assert await bus.waiting(centre, [opened[1]], more=10, skip={opened[2]}) == TopUp(
        set(), set(), []
    )
    assert await bus.waiting(centre, [opened[1]], more=0) == TopUp(set(), set(), [])


async def test_two_workers_claiming_never_take_the_same_events_and_a_dead_ones_run_out(
    app: App,
) -> None:
    """With ``claim_for``, ``waiting`` claims the batch: a second worker's top-up offers
    only what the first does not hold, its messages for the first's events are ``held``,
    and once the first worker's claim has run out (it died) they are its to take."""
    centre = (await app.centre()).id

    async def noop(uow: UnitOfWork, event: EventEnvelope) -> None:
        return None

    lease = dt.timedelta(seconds=30)
    first, second = (
        EventHandlers(
            app.uow,
            app.clock,
            registered=handles([CaseOpened, CaseClosed], "per_case", noop, coalesce=case_of),
            claim_for=lease,
            claimant=name,
        )
        for name in ("first", "second")
    )
    events = [e.event_id for e in await _opened_and_closed(app, centre, 3)]
    async with app.uow(centre) as uow:
        await uow.outbox.mark_published(events, NOW - dt.timedelta(minutes=1))
        await uow.commit()
    took = await first.waiting(centre, events[:1], more=2)
    assert took == TopUp(set(), set(), events[1:3])
    # The second worker holds a message of one of them, and tops up with what is left.
    found = await second.waiting(centre, [events[1]], more=10)
    assert found == TopUp(set(), {events[1]}, events[3:])
    # An event the outbox lacks is not held: its dispatch says it is missing.
    missing = EventId(uuid.uuid4())
    assert (await second.waiting(centre, [missing], more=0)).held == set()
    await first.dispatch_many(centre, events[:2])  # the first worker settles two, then dies
    found = await second.waiting(centre, events[:3], more=10)
    assert found == TopUp({events[0], events[1]}, {events[2]}, [])
    app.clock.advance(lease)
    found = await second.waiting(centre, events[2:3], more=10)
    # Its own now, dispatched with no wait; so are the ones its earlier claim let go.
    assert found == TopUp(set(), set(), events[3:])


async def test_a_case_opened_and_closed_in_one_batch_keeps_no_open_task(app: App) -> None:
    """The initial-contact handler coalesces, so a batch runs it after the closing
    handler (which then finds no task to cancel): it must not leave an open task on a
    closed case (seen as a case list row "closed, 1 open task" when the close request
    came before the background handled the opening). The closed case's task is made
    cancelled, as closing would have left it."""
    from cma_adapters.memory.tasks import tasks as memory_tasks
    from cma_core.cases.model import CloseReason
    from cma_core.cases.service import OpenCase
    from cma_core.tasks.model import TaskStatus

    from .support import register_cmd

    centre = await app.centre()
    ctx = await app.staff(centre, Role.ADVISER)
    client = await app.clients.register(ctx, register_cmd())
    closed = await app.cases.open(ctx, OpenCase(client_id=client.id))
    kept = await app.cases.open(ctx, OpenCase(client_id=client.id))
    await app.cases.close(ctx, closed.id, CloseReason.ADVICE_COMPLETE)
    events = [e for e in app.publisher.published if e.name in {"CaseOpened", "CaseClosed"}]
    assert [e.name for e in events] == ["CaseOpened", "CaseOpened", "CaseClosed"]
    await app.handlers.dispatch_many(centre.id, [e.event_id for e in events])
    async with app.uow(centre.id) as uow:
        open_tasks = {
            t.case_id
            for t in (
                await memory_tasks(uow).list(limit=50, offset=0, status=TaskStatus.OPEN)
            ).items
        }
        every = (await memory_tasks(uow).list(limit=50, offset=0)).items
    assert open_tasks == {kept.id}
    [cancelled] = [t for t in every if t.case_id == closed.id]
    assert cancelled.status is TaskStatus.CANCELLED
    assert cancelled.outcome_note is not None
    assert "closed" in cancelled.outcome_note


async def test_a_close_handled_while_the_task_is_being_made_elsewhere_cancels_it(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two workers: one makes a new case's initial-contact task (it has read the case,
    still open), while the case is closed and another worker handles the close. Both
    handlers hold the case's tasks (``Handles.holds``), so the close waits for the task
    to be committed, then cancels it; without that it found nothing to cancel and the
    task stayed open on a closed case for good."""
    from cma_adapters.memory.cases import InMemoryCaseRepository
    from cma_adapters.memory.tasks import tasks as memory_tasks
    from cma_core.cases.model import CloseReason
    from cma_core.cases.service import OpenCase
    from cma_core.tasks.model import TaskStatus

    from .support import register_cmd

    centre = await app.centre()
    ctx = await app.staff(centre, Role.ADVISER)
    client = await app.clients.register(ctx, register_cmd())
    case = await app.cases.open(ctx, OpenCase(client_id=client.id))
    [opened] = [e for e in app.publisher.published if e.name == "CaseOpened"]

    read, go = asyncio.Event(), asyncio.Event()
    real_get = InMemoryCaseRepository.get

    async def get_then_wait(self: InMemoryCaseRepository, case_id: CaseId) -> Case | None:
        found = await real_get(self, case_id)
        if not read.is_set():  # the task maker's read: the case is still open
            read.set()
            await go.wait()
        return found

    monkeypatch.setattr(InMemoryCaseRepository, "get", get_then_wait)
    making = asyncio.ensure_future(app.handlers.dispatch(centre.id, opened.event_id))
    await read.wait()
    monkeypatch.setattr(InMemoryCaseRepository, "get", real_get)
    await app.cases.close(ctx, case.id, CloseReason.ADVICE_COMPLETE)
    [closed] = [e for e in app.publisher.published if e.name == "CaseClosed"]
    closing = asyncio.ensure_future(app.handlers.dispatch(centre.id, closed.event_id))
    for _ in range(20):  # let the close run as far as it can while the task is unmade
        await asyncio.sleep(0)
    go.set()
    await asyncio.gather(making, closing)

    async with app.uow(centre.id) as uow:
        [task] = (await memory_tasks(uow).list(limit=50, offset=0, case_id=case.id)).items
    assert task.status is TaskStatus.CANCELLED
    assert task.outcome_note is not None
    assert "closed" in task.outcome_note
