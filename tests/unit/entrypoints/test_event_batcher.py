"""The worker's ``EventBatcher`` with a recording dispatcher: messages waiting together go
out as one batch, an event asked for twice is dispatched once, a failing batch is
dispatched again event by event with the failure raised for its own event only, and a
stopped batcher leaves no message waiting."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence

import pytest

from cma_core.shared.ids import CentreId, EventId
from cma_entrypoints.worker.batching import EventBatcher

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
