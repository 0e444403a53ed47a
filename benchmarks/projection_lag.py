"""Projection lag under load: events produced by writers against events applied by the
handlers (every area's, the case list projection among them), in the same run.

Writers open cases and add notes through the services as fast as they can, for
``--seconds``, while the in-process publisher (the embedded default's worker) applies the
events on the same event loop. Every 0.2 s the case list's lag is sampled (the age of the
oldest event its handler has not applied: what ``/metrics`` and ``X-CMA-Read-Lag`` report).
When the writers stop, the time to drain the backlog is measured.

    .venv/bin/python -m benchmarks.projection_lag --seconds 20            # SQLite file
    .venv/bin/python -m benchmarks.projection_lag --seconds 20 --postgres  # a fresh database
    .venv/bin/python -m benchmarks.projection_lag --compare --rounds 2      # batched vs not
    .venv/bin/python -m benchmarks.projection_lag --compare --what read-ahead  # compliance
    .venv/bin/python -m benchmarks.projection_lag --postgres --against /tmp/base/src  # code

``--against SRC`` runs another tree's code (``git archive REV src migrations alembic.ini |
tar -x -C /tmp/base``) and this one alternating, each run in a fresh process on a fresh
database.

``--compare`` runs the publisher both ways in the same process, alternating, each on a fresh
database: one event at a time (``BATCH`` 1: every event pays every handler, as before) and
batched (what was queued taken together, coalescing handlers once per case), and reports
each side's figures and the batched/one-at-a-time ratios.

Reported: events produced/s and applied/s while writing, their ratio (1 means the handlers
keep up), the backlog when the writers stop and the time to drain it, and the lag
p50/p95/max while writing. A ratio, not an absolute speed: both sides share the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any, cast

from benchmarks.seed_national import settings_for
from cma_adapters.jobs import InProcessEventPublisher, inprocess
from cma_adapters.sqlalchemy.migrate import upgrade
from cma_core.cases.service import OpenCase
from cma_core.clients.service import RegisterClient
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container, build_container, shutdown

PG_ADMIN = os.environ.get("CMA_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values) or [0.0]
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


async def _writer(c: Container, ctx: TenantContext, stop: float, counts: list[int]) -> None:
    n = 0
    while time.monotonic() < stop:
        cmd = RegisterClient(
            first_name="Load", last_name=f"Client{n}", date_of_birth=dt.date(1980, 1, 1)
        )
        client = await c.clients().register(ctx, cmd)
        case = await c.cases().open(ctx, OpenCase(client_id=client.id))
        await c.cases().add_note(ctx, case.id, "Called the client about the arrears.")
        n += 1
        counts[0] += 3  # ClientRegistered, CaseOpened, CaseNoteAdded (handlers add more)


async def _sampler(c: Container, centre: CentreId, stop: float, lags: list[float]) -> None:
    projection = c.case_list_projection()
    while time.monotonic() < stop:
        async with c.uow()(centre) as uow:
            lags.append((await projection.version(uow)).lag_seconds)
        await asyncio.sleep(0.2)


async def _case_list_counts(c: Container, centre: CentreId) -> tuple[int, int]:
    """(events the case list handles, of them applied by its handler) in the outbox and
    inbox now: per event, whatever batch it was handled in."""
    from sqlalchemy import func, select

    from cma_adapters.sqlalchemy.rows import InboxRow, OutboxRow
    from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork
    from cma_core.readmodels.service import EVENT_NAMES, HANDLER

    async with c.uow()(centre) as uow:
        conn = SqlAlchemyUnitOfWork.of(uow).context.c
        produced = await conn.scalar(
            select(func.count())
            .select_from(OutboxRow)
            .where(OutboxRow.centre_id == centre, OutboxRow.name.in_(sorted(EVENT_NAMES)))
        )
        applied = await conn.scalar(
            select(func.count())
            .select_from(InboxRow)
            .where(InboxRow.centre_id == centre, InboxRow.handler == HANDLER)
        )
    return int(produced or 0), int(applied or 0)


async def run(
    url: str, data_dir: Path, seconds: float, writers: int, *, read_ahead: bool = True
) -> dict[str, Any]:
    upgrade(url)
    c = build_container(settings_for(url, data_dir))
    if not read_ahead:  # compliance reads each register on its own, as before the read-ahead
        c.compliance().read_ahead = None
    try:
        centre = await c.identity().create_centre("Load Centre")
        user = await c.identity().create_user(
            centre_id=centre.id, email="load@load.example", role=Role.ADVISER,
            password="correct horse battery staple",
        )  # fmt: skip
        ctx = TenantContext(centre_id=centre.id, user_id=user.id, roles=frozenset({Role.ADVISER}))
        publisher = c.publisher()
        assert isinstance(publisher, InProcessEventPublisher)
        produced_cmds, lags = [0], []
        handled_before = publisher.handled
        started = time.monotonic()
        stop = started + seconds
        await asyncio.gather(
            *(_writer(c, ctx, stop, produced_cmds) for _ in range(writers)),
            _sampler(c, centre.id, stop, lags),
        )
        wrote = time.monotonic() - started
        backlog, applied_writing = publisher.pending, publisher.handled - handled_before
        list_produced, list_applied = await _case_list_counts(c, centre.id)
        await publisher.drain()
        total = time.monotonic() - started
        applied = publisher.handled - handled_before
        produced = applied_writing + backlog  # committed while writing (handlers' own too)
        rows = (await c.case_list().list(TenantContext.system(centre.id), limit=1))[0].total
        return {
            "database": url.split(":", 1)[0],
            "writers": writers,
            "seconds_writing": round(wrote, 1),
            "events_produced": produced,
            "events_applied": applied,
            "produced_per_s": round(produced / wrote, 1),
            "applied_per_s_while_writing": round(applied_writing / wrote, 1),
            "applied_over_produced": round(applied_writing / max(produced, 1), 3),
            "backlog_at_stop": backlog,
            # The case list's own: its events produced while writing, and of them applied
            # by its handler when the writers stopped (counted per event from the inbox, so
            # a batch half done counts what it did; ``applied_over_produced`` counts a
            # batch only once all of it is handled).
            "case_list_events_at_stop": list_produced,
            "case_list_applied_at_stop": list_applied,
            "case_list_applied_over_produced": round(list_applied / max(list_produced, 1), 3),
            "drain_seconds": round(total - wrote, 2),
            "lag_p50_s": round(pct(lags, 0.5), 3),
            "lag_p95_s": round(pct(lags, 0.95), 3),
            "lag_max_s": round(max(lags, default=0.0), 3),
            "lag_mean_s": round(statistics.fmean(lags), 3) if lags else 0.0,
            "case_list_rows": rows,
            "load_average": os.getloadavg()[0],
        }
    finally:
        await shutdown(c)


def _pg_database() -> tuple[str, str]:
    import psycopg

    name = f"cma_lag_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name, PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"


def _drop(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def once(
    postgres: bool, seconds: float, writers: int, batch: int, read_ahead: bool = True
) -> dict[str, Any]:
    """One run on a fresh database with the publisher taking at most ``batch`` events,
    compliance reading a case's registers ahead or not."""
    inprocess.BATCH = batch
    side = {"batch": batch, "read_ahead": read_ahead}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        if postgres:
            name, url = _pg_database()
            try:
                return {
                    **side,
                    **asyncio.run(run(url, data, seconds, writers, read_ahead=read_ahead)),
                }
            finally:
                _drop(name)
        url = f"sqlite:///{data / 'cma.db'}"
        return {**side, **asyncio.run(run(url, data, seconds, writers, read_ahead=read_ahead))}


RATIOS = (
    "applied_over_produced",
    "case_list_applied_over_produced",
    "applied_per_s_while_writing",
    "drain_seconds",
    "lag_p95_s",
)


#: ``--compare`` sides: (name, batch, read_ahead); the second over the first is reported.
SIDES = {
    "batch": (("one_at_a_time", 1, True), ("batched", inprocess.DEFAULT_BATCH, True)),
    # Compliance reading each register on its own (main before issue 15's read-ahead)
    # against the read-ahead, both batched.
    "read-ahead": (
        ("register_by_register", inprocess.DEFAULT_BATCH, False),
        ("read_ahead", inprocess.DEFAULT_BATCH, True),
    ),
}


def compare(
    postgres: bool, seconds: float, writers: int, rounds: int, what: str = "batch"
) -> dict[str, Any]:
    """Two sides (``SIDES[what]``), alternating, in the same process."""
    (base, b_batch, b_ahead), (new, n_batch, n_ahead) = SIDES[what]
    runs: dict[str, list[dict[str, Any]]] = {base: [], new: []}
    for _ in range(rounds):
        runs[base].append(once(postgres, seconds, writers, b_batch, b_ahead))
        runs[new].append(once(postgres, seconds, writers, n_batch, n_ahead))
    mean = {
        side: {k: round(statistics.fmean(r[k] for r in rs), 3) for k in RATIOS}
        for side, rs in runs.items()
    }
    return {
        "database": "postgresql" if postgres else "sqlite",
        "compare": what,
        "rounds": rounds,
        "runs": runs,
        "mean": mean,
        f"{new}_over_{base}": {
            k: round(mean[new][k] / max(mean[base][k], 1e-9), 2) for k in RATIOS
        },
        "load_average": os.getloadavg(),
    }


def _side(src: str | None, postgres: bool, seconds: float, writers: int) -> dict[str, Any]:
    """One run in a fresh process: this tree's ``src``, or another's (``src``) first on
    the path (``git archive REV src migrations alembic.ini | tar -x -C /tmp/base``)."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    cmd = [sys.executable, "-m", "benchmarks.projection_lag", "--seconds", str(seconds)]
    cmd += ["--writers", str(writers)] + (["--postgres"] if postgres else [])
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    return cast(dict[str, Any], json.loads(out))


AGAINST = (*RATIOS, "produced_per_s", "backlog_at_stop", "lag_p50_s", "lag_max_s")


def against(src: str, postgres: bool, seconds: float, writers: int, rounds: int) -> dict[str, Any]:
    """Another tree's code (``src``) against this one, alternating, each run in a fresh
    process on a fresh database."""
    runs: dict[str, list[dict[str, Any]]] = {"base": [], "this": []}
    for _ in range(rounds):
        runs["base"].append(_side(src, postgres, seconds, writers))
        runs["this"].append(_side(None, postgres, seconds, writers))
    mean = {
        side: {k: round(statistics.fmean(r[k] for r in rs), 3) for k in AGAINST}
        for side, rs in runs.items()
    }
    return {
        "database": "postgresql" if postgres else "sqlite",
        "base_src": src,
        "rounds": rounds,
        "runs": runs,
        "mean": mean,
        "this_over_base": {
            k: round(mean["this"][k] / max(mean["base"][k], 1e-9), 2) for k in AGAINST
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--what", choices=sorted(SIDES), default="batch")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--against", metavar="SRC", help="another tree's src/, alternating")
    args = parser.parse_args()
    if args.against:
        result = against(args.against, args.postgres, args.seconds, args.writers, args.rounds)
        print(json.dumps(result, indent=2))
        return
    if args.compare:
        result = compare(args.postgres, args.seconds, args.writers, args.rounds, args.what)
        print(json.dumps(result, indent=2))
        return
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        if args.postgres:
            name, url = _pg_database()
            try:
                result = asyncio.run(run(url, data, args.seconds, args.writers))
            finally:
                _drop(name)
        else:
            url = f"sqlite:///{data / 'cma.db'}"
            result = asyncio.run(run(url, data, args.seconds, args.writers))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
