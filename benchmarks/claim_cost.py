"""What a worker's claim adds to a batch (issue 15): ``EventHandlers.waiting`` for a top-up
of ``--batch`` owed events with claims on (``claim_for``) against off, alternating, on a
fresh PostgreSQL database holding ``--events`` published events of one centre. After each
call the batch is settled, as ``dispatch_many`` does, so every call takes fresh events.

    .venv/bin/python -m benchmarks.claim_cost --events 12000 --rounds 20

Prints the median and mean milliseconds per call of each side (one process, no worker).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import statistics
import time
import uuid

from benchmarks.projection_lag import _drop, _pg_database
from cma_adapters.memory import InMemoryKeyManagement, SystemClock
from cma_adapters.sqlalchemy import (
    SqlAlchemyIdentityStore,
    SqlAlchemyUnitOfWorkFactory,
    create_engine_for,
)
from cma_adapters.sqlalchemy.migrate import upgrade
from cma_core.identity.model import Centre
from cma_core.shared.events import EventEnvelope
from cma_core.shared.handlers import EventHandlers
from cma_core.shared.ids import CentreId, EventId


async def measure(url: str, args: argparse.Namespace) -> dict[str, list[float]]:
    engine = create_engine_for(url)
    try:
        uow = SqlAlchemyUnitOfWorkFactory(engine, None, keys=InMemoryKeyManagement())
        centre = CentreId(uuid.uuid4())
        now = dt.datetime.now(dt.UTC)
        await SqlAlchemyIdentityStore(engine).add_centre(
            Centre(id=centre, name="Claims", created_at=now)
        )
        events = [
            EventEnvelope(
                event_id=EventId(uuid.uuid4()),
                centre_id=centre,
                name="CaseOpened",
                occurred_at=now + dt.timedelta(microseconds=i),
                payload={"case_id": str(uuid.uuid4())},
            )
            for i in range(args.events)
        ]
        for i in range(0, len(events), 1000):
            chunk = events[i : i + 1000]
            async with uow(centre) as u:
                await u.outbox.add(chunk)
                await u.commit()
            async with uow(centre) as u:
                await u.outbox.mark_published([e.event_id for e in chunk], now)
                await u.commit()
        # No handlers registered: every event is batchable, so each call takes a full top-up.
        sides = {
            "on": EventHandlers(uow, SystemClock(), claim_for=dt.timedelta(seconds=60)),
            "off": EventHandlers(uow, SystemClock()),
        }
        times: dict[str, list[float]] = {"on": [], "off": []}
        for r in range(args.rounds):
            for side in ("on", "off") if r % 2 == 0 else ("off", "on"):
                started = time.perf_counter()
                found = await sides[side].waiting(centre, [], more=args.batch)
                times[side].append(time.perf_counter() - started)
                if len(found.more) != args.batch:
                    raise RuntimeError(f"only {len(found.more)} owed events left: raise --events")
                async with uow(centre) as u:
                    await u.outbox.settle_many(found.more, dt.datetime.now(dt.UTC))
                    await u.commit()
        return times
    finally:
        await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=12000)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    name, url = _pg_database()
    try:
        upgrade(url)
        times = asyncio.run(measure(url, args))
    finally:
        _drop(name)
    print(
        json.dumps(
            {
                side: {
                    "median_ms": round(1000 * statistics.median(ts), 1),
                    "mean_ms": round(1000 * statistics.fmean(ts), 1),
                    "calls": len(ts),
                }
                for side, ts in times.items()
            }
            | {"batch": args.batch, "events": args.events, "load_average": os.getloadavg()},
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
