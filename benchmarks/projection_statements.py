"""SQL statements and wall time per event, per handler, for the projection workload of
``projection_lag.py`` (register a client, open a case, add a note).

Writes ``--cases`` cases through the services on a fresh PostgreSQL database (or a SQLite
file with ``--sqlite``) with the in-process publisher held, so nothing is handled while
writing; then hands the backlog to the handlers, taken as the publisher takes it (batches
of at most ``--batch`` events; ``--batch 1``: every event on its own), and counts every
statement sent (SQLAlchemy's ``before_cursor_execute``) against the handler running it, or
against ``dispatch`` (reading, inbox and settling the events) outside any handler. Also
reports each handler's wall time (it includes its statements' round trips). Not counted:
statements sent on the raw asyncpg connection (``raw.RawStatement``: the case read).

    .venv/bin/python -m benchmarks.projection_statements --cases 20
    .venv/bin/python -m benchmarks.projection_statements --cases 20 --batch 1
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import datetime as dt
import json
import os
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
from sqlalchemy import event
from sqlalchemy.engine import Engine

from benchmarks.projection_lag import _drop, _pg_database
from benchmarks.seed_national import settings_for
from cma_adapters.jobs import InProcessEventPublisher, inprocess
from cma_adapters.sqlalchemy.migrate import upgrade
from cma_core.cases.service import OpenCase
from cma_core.clients.service import RegisterClient
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.events import EventEnvelope
from cma_core.shared.handlers import OutsideTransaction
from cma_core.shared.uow import UnitOfWork
from cma_entrypoints.container import Container, build_container, shutdown

_WHO: contextvars.ContextVar[str] = contextvars.ContextVar("who", default="writer")
STATEMENTS: Counter[str] = Counter()
TEXTS: Counter[tuple[str, str]] = Counter()
TEXT_MS: Counter[tuple[str, str]] = Counter()
WALL: Counter[str] = Counter()


@event.listens_for(Engine, "before_cursor_execute")
def _count(conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
    STATEMENTS[_WHO.get()] += 1
    TEXTS[_WHO.get(), " ".join(statement.split())[:150]] += 1
    conn.info["cma_started"] = time.perf_counter()


@event.listens_for(Engine, "after_cursor_execute")
def _timed_statement(conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
    took = time.perf_counter() - conn.info.pop("cma_started", time.perf_counter())
    TEXT_MS[_WHO.get(), " ".join(statement.split())[:150]] += 1000 * took


def _timed(name: str, handler: Any) -> Any:
    if isinstance(handler, OutsideTransaction):
        return attrs.evolve(handler, prepare=_timed(name, handler.prepare))

    async def run(uow: UnitOfWork, envelope: EventEnvelope) -> Any:
        token = _WHO.set(name)
        started = time.perf_counter()
        try:
            return await handler(uow, envelope)
        finally:
            WALL[name] += time.perf_counter() - started
            _WHO.reset(token)

    return run


def _instrument(c: Container) -> None:
    handlers = c.event_handlers()
    handlers.registered = [
        attrs.evolve(h, handler=_timed(h.name, h.handler)) for h in handlers.registered
    ]


async def run(
    url: str, data_dir: Path, cases: int, batch: int, *, show: bool = False
) -> dict[str, Any]:
    upgrade(url)
    c = build_container(settings_for(url, data_dir))
    try:
        _instrument(c)
        centre = await c.identity().create_centre("Count Centre")
        user = await c.identity().create_user(
            centre_id=centre.id, email="count@count.example", role=Role.ADVISER,
            password="correct horse battery staple",
        )  # fmt: skip
        ctx = TenantContext(centre_id=centre.id, user_id=user.id, roles=frozenset({Role.ADVISER}))
        publisher = c.publisher()
        assert isinstance(publisher, InProcessEventPublisher)
        await publisher.drain()
        inprocess.BATCH = batch
        before = publisher.handled
        writer_started = time.perf_counter()
        async with publisher.held():
            for n in range(cases):
                cmd = RegisterClient(
                    first_name="Count", last_name=f"Client{n}", date_of_birth=dt.date(1980, 1, 1)
                )
                client = await c.clients().register(ctx, cmd)
                case = await c.cases().open(ctx, OpenCase(client_id=client.id))
                await c.cases().add_note(ctx, case.id, "Called the client about the arrears.")
            writing = time.perf_counter() - writer_started
            written = STATEMENTS["writer"]
            STATEMENTS.clear()
            TEXTS.clear()
            TEXT_MS.clear()
            WALL.clear()
            _WHO.set("dispatch")
            drain_started = time.perf_counter()
        drain = time.perf_counter() - drain_started
        _WHO.set("writer")
        events = publisher.handled - before
        per_event = {k: round(v / events, 2) for k, v in STATEMENTS.most_common()}
        return {
            "database": url.split(":", 1)[0],
            "cases": cases,
            "batch": batch,
            "events": events,
            "writer_statements_per_case": round(written / cases, 1),
            "writer_seconds_per_case": round(writing / cases, 4),
            "statements_per_event": round(sum(STATEMENTS.values()) / events, 2),
            "statements_per_event_by_handler": per_event,
            "handler_ms_per_event": {k: round(1000 * v / events, 2) for k, v in WALL.most_common()},
            "statements": [
                [who, round(n / events, 2), round(TEXT_MS[who, text] / events, 3), text]
                for (who, text), n in TEXTS.most_common()
            ]
            if show
            else None,
            "drain_seconds": round(drain, 3),
            "drain_events_per_s": round(events / drain, 1),
            "load_average": [round(x, 2) for x in os.getloadavg()],
        }
    finally:
        await shutdown(c)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=20)
    parser.add_argument("--batch", type=int, default=inprocess.DEFAULT_BATCH)
    parser.add_argument("--sqlite", action="store_true")
    parser.add_argument("--show", action="store_true", help="every statement, per event")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        if args.sqlite:
            url = f"sqlite:///{data / 'cma.db'}"
            result = asyncio.run(run(url, data, args.cases, args.batch, show=args.show))
        else:
            name, url = _pg_database()
            try:
                result = asyncio.run(run(url, data, args.cases, args.batch, show=args.show))
            finally:
                _drop(name)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
