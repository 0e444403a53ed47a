"""The case timeline handler's cost per event: every kind of record re-read for each event
(``whole``, as the projection did when it merged) against only the kinds the event touched
(``touched``, ``readmodels.timeline.touched``), in the same process on the same data.

Seeds ``--cases`` cases through the services on a SQLite file (or a fresh PostgreSQL
database with ``--postgres``): each opened, with notes, tasks (one completed), a debt, a
contact and a closure, the in-process publisher applying every handler. Then, alternating
the sides for ``--rounds``, hands every outbox event the timeline handles to the
timeline's handler one at a time (each in its own unit of work, committed, as
``EventHandlers.dispatch`` runs it), and reports per side: CPU seconds of the process
(``time.process_time``), SQL statements per event, and that both sides leave the same
timeline (compared with a rebuild).

    .venv/bin/python -m benchmarks.timeline_cost --cases 40 --rounds 2
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.engine import Engine

from benchmarks.projection_lag import _drop, _pg_database
from benchmarks.seed_national import settings_for
from cma_adapters.jobs import InProcessEventPublisher
from cma_adapters.sqlalchemy.migrate import upgrade
from cma_adapters.sqlalchemy.rows import OutboxRow
from cma_adapters.sqlalchemy.rows import TimelineEntryRow as T
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork
from cma_core.cases.model import CloseReason
from cma_core.cases.service import OpenCase
from cma_core.casework.model import Channel, Direction, Party
from cma_core.casework.service import ContactDetails
from cma_core.clients.service import RegisterClient
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.readmodels import timeline
from cma_core.shared.events import EventEnvelope
from cma_core.shared.ids import CentreId
from cma_core.tasks.service import CreateTask
from cma_entrypoints.container import Container, build_container, shutdown

STATEMENTS = [0]


@event.listens_for(Engine, "before_cursor_execute")
def _count(*_: Any) -> None:
    STATEMENTS[0] += 1


async def _seed(c: Container, ctx: TenantContext, cases: int) -> None:
    for n in range(cases):
        client = await c.clients().register(
            ctx,
            RegisterClient(
                first_name="Cost", last_name=f"Client{n}", date_of_birth=dt.date(1980, 1, 1)
            ),
        )
        case = await c.cases().open(ctx, OpenCase(client_id=client.id))
        for i in range(3):
            await c.cases().add_note(ctx, case.id, f"Note {i} about the arrears.")
        done = await c.tasks().create(ctx, CreateTask(title="Call the council", case_id=case.id))
        await c.tasks().create(ctx, CreateTask(title="Ask for statements", case_id=case.id))
        await c.tasks().complete(ctx, done.id, "Called", expected_version=None)
        await c.casework().log_contact(ctx, case.id, _contact(c))
        await c.cases().close(ctx, case.id, CloseReason.ADVICE_COMPLETE)
    publisher = c.publisher()
    assert isinstance(publisher, InProcessEventPublisher)
    await publisher.drain()


def _contact(c: Container) -> ContactDetails:
    return ContactDetails(
        at=c.clock().now(), channel=Channel.PHONE, direction=Direction.INBOUND,
        party=Party.CLIENT, with_whom="the client", summary="Rang about the bailiff letter",
    )  # fmt: skip


async def _events(c: Container, centre: CentreId) -> list[EventEnvelope]:
    async with c.uow()(centre) as uow:
        conn = SqlAlchemyUnitOfWork.of(uow).context.c
        ids = (
            await conn.scalars(
                select(OutboxRow.event_id)
                .where(
                    OutboxRow.centre_id == centre,
                    OutboxRow.name.in_(sorted(timeline.EVENT_NAMES)),
                )
                .order_by(OutboxRow.occurred_at)
            )
        ).all()
        found = [await uow.outbox.get(i) for i in ids]
    return [e for e in found if e is not None]


async def _side(
    c: Container, centre: CentreId, events: list[EventEnvelope], whole: bool
) -> dict[str, Any]:
    projection = c.case_timeline_projection()
    original = timeline.touched
    if whole:  # every kind for every event: the handler as it merged
        timeline.touched = lambda _name: frozenset(timeline.ALL_KINDS)
    try:
        STATEMENTS[0] = 0
        cpu, wall = time.process_time(), time.monotonic()
        for envelope in events:
            async with c.uow()(centre) as uow:
                await projection.apply(uow, envelope)
                await uow.commit()
        cpu, wall = time.process_time() - cpu, time.monotonic() - wall
        statements = STATEMENTS[0]
    finally:
        timeline.touched = original
    async with c.uow()(centre) as uow:
        conn = SqlAlchemyUnitOfWork.of(uow).context.c
        incremental = sorted(
            (r.case_id, r.entry_id) for r in (await conn.execute(select(T.case_id, T.entry_id)))
        )
    await projection.rebuild(centre)
    async with c.uow()(centre) as uow:
        conn = SqlAlchemyUnitOfWork.of(uow).context.c
        rebuilt = sorted(
            (r.case_id, r.entry_id) for r in (await conn.execute(select(T.case_id, T.entry_id)))
        )
    return {
        "events": len(events),
        "cpu_s": round(cpu, 3),
        "wall_s": round(wall, 3),
        "cpu_ms_per_event": round(1000 * cpu / len(events), 2),
        "statements_per_event": round(statements / len(events), 2),
        "same_as_rebuild": incremental == rebuilt,
        "entries": len(rebuilt),
    }


async def run(url: str, data: Path, cases: int, rounds: int) -> dict[str, Any]:
    upgrade(url)
    c = build_container(settings_for(url, data))
    try:
        centre = await c.identity().create_centre("Cost Centre")
        user = await c.identity().create_user(
            centre_id=centre.id, email="cost@cost.example", role=Role.SUPERVISOR,
            password="correct horse battery staple",
        )  # fmt: skip
        ctx = TenantContext(
            centre_id=centre.id, user_id=user.id, roles=frozenset({Role.SUPERVISOR})
        )
        await _seed(c, ctx, cases)
        events = await _events(c, centre.id)
        runs: dict[str, list[dict[str, Any]]] = {"whole": [], "touched": []}
        for _ in range(rounds):
            runs["whole"].append(await _side(c, centre.id, events, whole=True))
            runs["touched"].append(await _side(c, centre.id, events, whole=False))
    finally:
        await shutdown(c)
    mean = {
        side: {
            k: round(statistics.fmean(r[k] for r in rs), 3)
            for k in ("cpu_ms_per_event", "statements_per_event", "wall_s")
        }
        for side, rs in runs.items()
    }
    return {
        "database": url.split(":", 1)[0],
        "cases": cases,
        "rounds": rounds,
        "runs": runs,
        "mean": mean,
        "touched_over_whole": {
            k: round(mean["touched"][k] / max(mean["whole"][k], 1e-9), 3) for k in mean["whole"]
        },
        "load_average": os.getloadavg(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.postgres:
            name, url = _pg_database()
            try:
                result = asyncio.run(run(url, Path(tmp), args.cases, args.rounds))
            finally:
                _drop(name)
        else:
            url = f"sqlite:///{Path(tmp) / 'cma.db'}"
            result = asyncio.run(run(url, Path(tmp), args.cases, args.rounds))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
