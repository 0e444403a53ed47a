"""Projection lag and memory with the Dramatiq worker (issue 15), this checkout against a
baseline checkout's ``src`` in the same run, on PostgreSQL and Redis.

For each side, alternating per round, on a fresh database and its own Redis namespace: a
worker process (``cma worker``'s runner, ``--threads``) from that side's ``src``; two writers
in this process register a client, open a case and add a note through the services as fast
as they can for ``--seconds``, publishing to Redis; the case list's lag is sampled every
0.2 s. Reported per side: the case list's events applied / produced when the writers stop,
the time until every event is settled (drain), lag p50/p95/max, and the worker's resident
memory (VmRSS) idle after start, at its peak under the load, and idle again after.

The baseline runs the same interpreter and packages with ``PYTHONPATH`` at its ``src``::

    git archive main src | tar -x -C /tmp/base
    .venv/bin/python -m benchmarks.worker_lag --baseline-src /tmp/base/src --rounds 2

Writers and worker share the machine's two cores: a ratio within a run, not a speed.
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
from typing import Any

from benchmarks.projection_lag import _case_list_counts, _drop, _pg_database, _sampler, _writer, pct
from benchmarks.scale_bench import _rss_mb
from benchmarks.seed_national import SECRET
from cma_adapters.sqlalchemy.migrate import upgrade
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.settings import Settings

SRC = str(Path(__file__).resolve().parents[1] / "src")
REDIS = os.environ.get("CMA_BENCH_REDIS", "redis://127.0.0.1:6379/9")
WORKER = (
    "import logging, sys\n"
    "from cma_entrypoints.worker.runner import main\n"
    "logging.basicConfig(level='WARNING')\n"
    "sys.exit(main(threads=int(sys.argv[1])))\n"
)


def _env(url: str, data_dir: Path, namespace: str) -> dict[str, str]:
    return {
        "CMA_DATABASE_URL": url,
        "CMA_REDIS_URL": REDIS,
        "CMA_REDIS_NAMESPACE": namespace,
        "CMA_SECRET_KEY": SECRET,
        "CMA_DATA_DIR": str(data_dir),
        "CMA_ARGON2_TIME_COST": "1",
        "CMA_ARGON2_MEMORY_COST": "1024",
    }


async def _owed(c: Container, centre: CentreId) -> int:
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    async with c.uow()(centre) as uow:
        owed = await uow.outbox.owed(published_before=later, limit=5000)
        unpublished = await uow.outbox.unpublished(limit=5000)
    return len(owed) + len(unpublished)


async def _outbox_counts(c: Container, centre: CentreId) -> tuple[int, int]:
    """(events in the centre's outbox, of them settled): produced, and applied by every
    handler (the writers' events and the handlers' own)."""
    from sqlalchemy import func, select

    from cma_adapters.sqlalchemy.rows import OutboxRow
    from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork

    async with c.uow()(centre) as uow:
        conn = SqlAlchemyUnitOfWork.of(uow).context.c
        row = (
            await conn.execute(
                select(func.count(), func.count(OutboxRow.settled_at)).where(
                    OutboxRow.centre_id == centre
                )
            )
        ).one()
    return int(row[0]), int(row[1])


async def _peak(pid: int, stop: asyncio.Event, peak: list[float]) -> None:
    while not stop.is_set():
        peak[0] = max(peak[0], _rss_mb(pid))
        await asyncio.sleep(0.1)


async def run_side(src: str, args: argparse.Namespace) -> dict[str, Any]:
    name, url = _pg_database()
    namespace = f"cma-bench-{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(url, Path(tmp), namespace)
        upgrade(url)
        c = build_container(Settings.from_env(env))
        proc = subprocess.Popen(  # noqa: ASYNC220 - once per side, before the timing
            [sys.executable, "-c", WORKER, str(args.threads)],
            env={**os.environ, **env, "PYTHONPATH": src},
        )
        try:
            return await _measure(c, proc, namespace, args)
        finally:
            proc.terminate()
            proc.wait(timeout=60)
            await shutdown(c)
            _drop(name)
            _forget(namespace)


def _forget(namespace: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS)
    keys = list(client.scan_iter(f"{namespace}:*"))
    if keys:
        client.delete(*keys)


async def _booted(proc: subprocess.Popen[bytes], namespace: str) -> float:
    """Seconds until the worker's consumer heartbeats in Redis (it is taking messages)."""
    import redis

    client = redis.Redis.from_url(REDIS)
    started = time.monotonic()
    while not client.zcard(f"{namespace}:__heartbeats__"):
        if proc.poll() is not None:
            raise RuntimeError(f"the worker exited with {proc.returncode}")
        if time.monotonic() - started > 120:
            raise RuntimeError("the worker did not start in 120 s")
        await asyncio.sleep(0.2)
    return time.monotonic() - started


async def _measure(
    c: Container, proc: subprocess.Popen[bytes], namespace: str, args: Any
) -> dict[str, Any]:
    centre = await c.identity().create_centre("Load Centre")
    user = await c.identity().create_user(
        centre_id=centre.id, email="load@load.example", role=Role.ADVISER,
        password="correct horse battery staple",
    )  # fmt: skip
    ctx = TenantContext(centre_id=centre.id, user_id=user.id, roles=frozenset({Role.ADVISER}))
    booted = await _booted(proc, namespace)
    await asyncio.sleep(args.settle)  # then idles
    idle = _rss_mb(proc.pid)
    produced, lags, peak, done = [0], [], [idle], asyncio.Event()
    sampler = asyncio.create_task(_peak(proc.pid, done, peak))
    started = time.monotonic()
    stop = started + args.seconds
    await asyncio.gather(
        *(_writer(c, ctx, stop, produced) for _ in range(args.writers)),
        _sampler(c, centre.id, stop, lags),
    )
    wrote = time.monotonic() - started
    list_produced, list_applied = await _case_list_counts(c, centre.id)
    events, settled = await _outbox_counts(c, centre.id)
    owed_at_stop = await _owed(c, centre.id)
    deadline = time.monotonic() + args.drain_timeout
    while (owed := await _owed(c, centre.id)) and time.monotonic() < deadline:  # noqa: ASYNC110
        await asyncio.sleep(0.25)  # polling the database: there is nothing to wait on
    drained = time.monotonic() - started - wrote
    done.set()
    await sampler
    await asyncio.sleep(args.settle)
    return {
        "worker_boot_seconds": round(booted, 1),
        "seconds_writing": round(wrote, 1),
        "cases_opened": produced[0] // 3,
        "events_at_stop": events,
        "produced_per_s": round(events / wrote, 1),
        "applied_per_s_while_writing": round(settled / wrote, 1),
        "case_list_events_at_stop": list_produced,
        "case_list_applied_at_stop": list_applied,
        "case_list_applied_over_produced": round(list_applied / max(list_produced, 1), 3),
        "owed_at_stop": owed_at_stop,
        "drain_seconds": round(drained, 2),
        "drained": owed == 0,
        "drain_events_per_s": round(owed_at_stop / max(drained, 1e-9), 1),
        "lag_p50_s": round(pct(lags, 0.5), 3),
        "lag_p95_s": round(pct(lags, 0.95), 3),
        "lag_max_s": round(max(lags, default=0.0), 3),
        "worker_rss_idle_mb": round(idle, 1),
        "worker_rss_peak_mb": round(peak[0], 1),
        "worker_rss_idle_after_mb": round(_rss_mb(proc.pid), 1),
        "load_average": os.getloadavg()[0],
    }


KEYS = (
    "produced_per_s",
    "applied_per_s_while_writing",
    "owed_at_stop",
    "lag_p50_s",
    "lag_max_s",
    "case_list_applied_over_produced",
    "drain_seconds",
    "drain_events_per_s",
    "lag_p95_s",
    "worker_rss_idle_mb",
    "worker_rss_peak_mb",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline-src", required=True)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--settle", type=float, default=5, help="idle seconds before/after")
    parser.add_argument("--drain-timeout", type=float, default=180)
    args = parser.parse_args()
    runs: dict[str, list[dict[str, Any]]] = {"baseline": [], "this": []}
    for _ in range(args.rounds):
        runs["baseline"].append(asyncio.run(run_side(args.baseline_src, args)))
        runs["this"].append(asyncio.run(run_side(SRC, args)))
    mean = {
        side: {k: round(statistics.fmean(r[k] for r in rs), 3) for k in KEYS}
        for side, rs in runs.items()
    }
    result = {
        "database": "postgresql",
        "threads": args.threads,
        "writers": args.writers,
        "rounds": args.rounds,
        "runs": runs,
        "mean": mean,
        "this_over_baseline": {
            k: round(mean["this"][k] / max(mean["baseline"][k], 1e-9), 2) for k in KEYS
        },
        "load_average": os.getloadavg(),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
