"""The worker's ``EventBatcher`` with a recording dispatcher: messages waiting together go
out as one batch, an event asked for twice is dispatched once, a failing batch is
dispatched again event by event with the failure raised for its own event only, and a
stopped batcher leaves no message waiting."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Collection, Sequence

import pytest

from cma_core.shared.handlers import TopUp
from cma_core.shared.ids import CentreId, EventId
from cma_entrypoints.worker.batching import HELD_POLL_SECONDS, MAX_BATCH, EventBatcher

CENTRE = CentreId(uuid.UUID(int=1))


def _ids(n: int) -> list[EventId]:
    return [EventId(uuid.UUID(int=100 + i)) for i in range(n)]


class Recording:
    def __init__(self, fails: set[EventId] | None = None, gate: asyncio.Event | None = None):
        self.calls: list[tuple[str, list[EventId]]] = []
        self.fails = fails or set()
        self.gate = gate

    async def dispatch(self, centre_id: CentreId, event_id: EventId) -> int:
        self.calls.append(("one", [event_id]))
        if self.gate is not None:
            await self.gate.wait()
        if event_id in self.fails:
            raise ConnectionError(str(event_id))
        return 1

    async def dispatch_many(self, centre_id: CentreId, event_ids: Sequence[EventId]) -> int:
        self.calls.append(("many", list(event_ids)))
        if self.fails & set(event_ids):
            raise ConnectionError("batch")
        return 2


async def test_messages_waiting_together_are_one_batch_and_duplicates_one_event() -> None:
    gate = asyncio.Event()
    recording = Recording(gate=gate)
    sizes: list[int] = []
    batcher = EventBatcher(recording, on_batch=sizes.append)
    first, *rest = _ids(4)
    running = [asyncio.create_task(batcher.handle(CENTRE, first))]
    await asyncio.sleep(0.01)  # the first is being dispatched on its own
    running += [asyncio.create_task(batcher.handle(CENTRE, e)) for e in [*rest, rest[0]]]
    await asyncio.sleep(0.01)
    gate.set()
    assert await asyncio.gather(*running) == [1, 2, 2, 2, 2]
    assert recording.calls == [("one", [first]), ("many", rest)]
    assert sizes == [1, 3]


async def test_a_failing_batch_is_dispatched_one_by_one_and_fails_only_its_event() -> None:
    ids = _ids(3)
    recording = Recording(fails={ids[1]})
    batcher = EventBatcher(recording, max_batch=2)
    results = await asyncio.gather(
        *(batcher.handle(CENTRE, e) for e in ids), return_exceptions=True
    )
    assert results[0] == 1
    assert isinstance(results[1], ConnectionError)
    assert results[2] == 1  # over the cap: on its own, after the first batch
    assert recording.calls == [
        ("many", ids[:2]),
        ("one", [ids[0]]),
        ("one", [ids[1]]),
        ("one", [ids[2]]),
    ]


async def test_a_stopped_batch_leaves_no_message_waiting() -> None:
    gate = asyncio.Event()  # never set: the dispatch hangs until cancelled
    batcher = EventBatcher(Recording(gate=gate))
    first, second = _ids(2)
    waiting = [asyncio.create_task(batcher.handle(CENTRE, first))]
    await asyncio.sleep(0.01)  # the first is being dispatched (and hangs)
    waiting.append(asyncio.create_task(batcher.handle(CENTRE, second)))  # waits its turn
    await asyncio.sleep(0.01)
    for task in asyncio.all_tasks():
        if task.get_name().startswith("cma-batch-"):
            task.cancel()
    for task in waiting:
        with pytest.raises(RuntimeError, match="stopped"):
            await task


# ------------------------------------------------ topped up from the outbox (issue 15)


class Outbox(Recording):
    """A recording dispatcher over an outbox: events handed to the broker, oldest first;
    a dispatch that succeeds settles its events; ``waiting`` as ``EventHandlers``'."""

    def __init__(self, owed: list[EventId], fails: set[EventId] | None = None) -> None:
        super().__init__(fails=fails)
        self.owed = list(owed)
        self.settled: set[EventId] = set()
        #: Events another worker's batch holds (a claim not run out).
        self.held: set[EventId] = set()
        self.asked: list[tuple[list[EventId], int, set[EventId]]] = []

    async def dispatch(self, centre_id: CentreId, event_id: EventId) -> int:
        ran = await super().dispatch(centre_id, event_id)
        self.settled.add(event_id)
        return ran

    async def dispatch_many(self, centre_id: CentreId, event_ids: Sequence[EventId]) -> int:
        ran = await super().dispatch_many(centre_id, event_ids)
        self.settled.update(event_ids)
        return ran

    async def waiting(
        self,
        centre_id: CentreId,
        event_ids: Sequence[EventId],
        *,
        more: int,
        skip: Collection[EventId] = (),
    ) -> TopUp:
        self.asked.append((list(event_ids), more, set(skip)))
        settled = self.settled & set(event_ids)
        extra = [
            e
            for e in self.owed
            if e not in self.settled and e not in event_ids and e not in skip and e not in self.held
        ]
        return TopUp(settled, (self.held & set(event_ids)) - settled, extra[:more])


async def test_a_message_takes_the_centres_owed_events_and_theirs_find_them_settled() -> None:
    """One message dispatches the owed events queued behind it (up to ``max_batch``) in
    one batch; their messages, when they come, are answered with no dispatch of theirs;
    what was over the cap goes in a later batch."""
    ids = _ids(6)
    outbox = Outbox(owed=ids)
    sizes: list[int] = []
    batcher = EventBatcher(outbox, max_batch=4, on_batch=sizes.append, waiting=outbox.waiting)
    assert await batcher.handle(CENTRE, ids[0]) == 2
    assert outbox.calls == [("many", ids[:4])]
    assert outbox.asked[0][:2] == ([ids[0]], 3)
    # The messages of the events taken with it: nothing left to do, none dispatched again
    # (their batch takes the next owed event instead).
    assert await asyncio.gather(*(batcher.handle(CENTRE, e) for e in ids[1:4])) == [0, 0, 0]
    assert outbox.calls == [("many", ids[:4]), ("one", [ids[4]])]
    # The next message takes the rest; the last ones find theirs settled.
    assert await batcher.handle(CENTRE, ids[5]) == 1
    assert outbox.calls[-1] == ("one", [ids[5]])
    assert await asyncio.gather(*(batcher.handle(CENTRE, e) for e in ids[4:])) == [0, 0]
    assert len(outbox.calls) == 3
    assert outbox.settled == set(ids)
    assert sizes == [4, 1, 1]


async def test_an_owed_event_that_fails_is_left_to_its_own_message() -> None:
    """An event taken from the outbox whose handling fails: the batch goes one by one, the
    message that took it still succeeds, the event is not taken again, and its own message
    meets the failure (so Dramatiq retries it, in the end dead-lettering it)."""
    ids = _ids(3)
    outbox = Outbox(owed=ids, fails={ids[1]})
    batcher = EventBatcher(outbox, waiting=outbox.waiting)
    assert await batcher.handle(CENTRE, ids[0]) == 1
    assert outbox.calls == [
        ("many", ids),
        ("one", [ids[0]]),
        ("one", [ids[1]]),
        ("one", [ids[2]]),
    ]
    assert outbox.settled == {ids[0], ids[2]}
    with pytest.raises(ConnectionError):
        await batcher.handle(CENTRE, ids[1])
    # Skipped as an extra, not as a message.
    assert outbox.asked[-1] == ([ids[1]], MAX_BATCH - 1, {ids[1]})
    assert outbox.calls[-1] == ("one", [ids[1]])


async def test_a_message_whose_event_another_worker_holds_waits_for_it() -> None:
    """A message whose event another worker's batch has claimed is not dispatched here:
    it waits, while this worker's batch goes on with the rest; it is answered with nothing
    to do once the other batch settles the event, and dispatched here once the other
    worker's claim has run out instead (it died)."""
    ids = _ids(4)
    outbox = Outbox(owed=ids)
    outbox.held = {ids[0], ids[1]}
    batcher = EventBatcher(outbox, waiting=outbox.waiting)
    settles = asyncio.create_task(batcher.handle(CENTRE, ids[0]))
    dies = asyncio.create_task(batcher.handle(CENTRE, ids[1]))
    await asyncio.sleep(0.01)
    assert outbox.calls == [("many", ids[2:])]  # the top-up, without the held ones
    assert not settles.done()
    assert not dies.done()
    outbox.settled.add(ids[0])  # the other worker's batch finished it
    assert await settles == 0
    assert not dies.done()
    outbox.held.clear()  # the other worker died: its claim ran out
    await asyncio.wait_for(dies, timeout=5 * HELD_POLL_SECONDS)
    assert outbox.calls == [("many", ids[2:]), ("one", [ids[1]])]
    assert dies.result() == 1


async def test_without_the_outbox_a_batch_is_only_its_messages() -> None:
    """No ``waiting``: the batcher dispatches what its messages ask for, as before."""
    ids = _ids(3)
    outbox = Outbox(owed=ids)
    batcher = EventBatcher(outbox)
    assert await batcher.handle(CENTRE, ids[0]) == 1
    assert outbox.calls == [("one", [ids[0]])]


def test_the_worker_batch_is_a_setting() -> None:
    """``CMA_WORKER_BATCH`` caps the worker's batches (256 unless set)."""
    from cma_entrypoints.settings import Settings

    assert Settings.from_env({}).worker_batch == MAX_BATCH == 256
    assert Settings.from_env({"CMA_WORKER_BATCH": "4"}).worker_batch == 4


def test_the_claim_lasts_as_long_as_redis_waits_for_a_silent_worker_unless_set() -> None:
    """``CMA_WORKER_CLAIM_SECONDS``: the redelivery window unless set; 0 turns claims off."""
    from cma_entrypoints.settings import Settings

    assert Settings.from_env({}).worker_claim_seconds == 60
    quick = {"CMA_WORKER_REDELIVERY_SECONDS": "2"}
    assert Settings.from_env(quick).worker_claim_seconds == 2
    assert Settings.from_env({**quick, "CMA_WORKER_CLAIM_SECONDS": "0"}).worker_claim_seconds == 0


async def test_the_claims_of_events_that_failed_are_released_before_they_are_answered() -> None:
    """A batch fails, is dispatched event by event, and the events that fail there (asked
    by a message, or taken from the outbox) are released in one call, before the failed
    message hears of it (its retry may go to another worker at once). Nothing is released
    when nothing failed; a release that fails is logged, and the message still fails."""
    ids = _ids(3)
    extra = EventId(uuid.UUID(int=999))
    recording = Recording(fails={ids[1], extra})
    released: list[list[EventId]] = []
    answered_after: list[int] = []

    async def waiting(
        centre_id: CentreId,
        event_ids: Sequence[EventId],
        *,
        more: int,
        skip: Collection[EventId] = (),
    ) -> TopUp:
        return TopUp(set(), set(), [] if extra in skip else [extra])

    async def release(centre_id: CentreId, event_ids: Sequence[EventId]) -> object:
        released.append(list(event_ids))
        return set(event_ids)

    batcher = EventBatcher(recording, waiting=waiting, release=release)

    async def handle(event_id: EventId) -> object:
        try:
            return await batcher.handle(CENTRE, event_id)
        except ConnectionError as exc:
            answered_after.append(len(released))
            return exc

    results = await asyncio.gather(*(handle(e) for e in ids))
    assert isinstance(results[1], ConnectionError)
    assert results[0] == results[2] == 1
    assert released == [[ids[1], extra]]
    assert answered_after == [1]  # released, then answered

    calm = EventBatcher(Recording(), release=release)
    await asyncio.gather(*(calm.handle(CENTRE, e) for e in ids))
    assert released == [[ids[1], extra]]  # nothing failed: nothing released

    async def down(centre_id: CentreId, event_ids: Sequence[EventId]) -> object:
        raise ConnectionError("database down")

    broken = EventBatcher(Recording(fails={ids[0]}), release=down)
    with pytest.raises(ConnectionError, match=str(ids[0])):
        await broken.handle(CENTRE, ids[0])
