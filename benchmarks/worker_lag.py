"""Projection lag and memory with the Dramatiq worker (issue 15), this checkout against a
baseline checkout's ``src`` in the same run, on PostgreSQL and Redis.

For each side, alternating per round, on a fresh database and its own Redis namespace: a
worker process (``cma worker``'s runner, ``--threads``) from that side's ``src`` — or
several sharing the work (``--workers 1 2`` runs each side with one, then two); two writers
in this process register a client, open a case and add a note through the services as fast
as they can for ``--seconds``, publishing to Redis; the case list's lag is sampled every
0.2 s. Reported per side: the case list's events applied / produced when the writers stop,
the time until every event is settled (drain), lag p50/p95/max, and the worker's resident
memory (VmRSS) idle after start, at its peak under the load, and idle again after (the
largest of the workers'). Each worker, once stopped, reports what it counted: duplicate
deliveries (``cma_duplicate_deliveries``: a handler failed because another delivery had
run it), batches and the events in them (``cma_worker_event_batch_size``), and batches that
failed and were redone event by event (its log). Then the effects are counted: every case
opened has exactly one initial-contact task, and every outbox event is settled.

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
#: A worker (argv: threads, where to write its counts at exit). It counts the batches
#: redone event by event from its own log line, and reads the rest from its metrics.
WORKER = """
import json, logging, sys
from prometheus_client import REGISTRY
from cma_entrypoints.worker.runner import main

class Redone(logging.Handler):
    n = 0
    def emit(self, record):
        if str(record.msg).startswith("a batch of"):
            Redone.n += 1

logging.basicConfig(level="WARNING")
logging.getLogger().handlers[0].setLevel(logging.WARNING)
logging.getLogger("cma.worker").setLevel(logging.INFO)
logging.getLogger("cma.worker").addHandler(Redone())
code = main(threads=int(sys.argv[1]))

def total(name):
    return sum(s.value for m in REGISTRY.collect() for s in m.samples if s.name == name)

counts = {
    "duplicate_deliveries": total("cma_duplicate_deliveries_total"),
    "batches": total("cma_worker_event_batch_size_count"),
    "events_in_batches": total("cma_worker_event_batch_size_sum"),
    "batches_redone": Redone.n,
}
with open(sys.argv[2], "w") as out:
    json.dump(counts, out)
sys.exit(code)
"""


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


def _rss(procs: list[subprocess.Popen[bytes]]) -> float:
    return max(_rss_mb(proc.pid) for proc in procs)


async def _peak(
    procs: list[subprocess.Popen[bytes]], stop: asyncio.Event, peak: list[float]
) -> None:
    while not stop.is_set():
        peak[0] = max(peak[0], _rss(procs))
        await asyncio.sleep(0.1)


async def run_side(
    src: str, workers: int, args: argparse.Namespace, extra_env: dict[str, str] | None = None
) -> dict[str, Any]:
    name, url = _pg_database()
    namespace = f"cma-bench-{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**_env(url, Path(tmp), namespace), **(extra_env or {})}
        upgrade(url)
        c = build_container(Settings.from_env(env))
        counts = [Path(tmp) / f"worker-{i}.json" for i in range(workers)]
        procs = [
            subprocess.Popen(  # noqa: ASYNC220 - once per side, before the timing
                [sys.executable, "-c", WORKER, str(args.threads), str(out)],
                env={**os.environ, **env, "PYTHONPATH": src},
            )
            for out in counts
        ]
        try:
            result = await _measure(c, procs, namespace, args)
        finally:
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.wait(timeout=60)
            await shutdown(c)
            _drop(name)
            _forget(namespace)
        result["workers"] = workers
        for out in counts:
            for key, value in json.loads(out.read_text()).items():
                result[key] = result.get(key, 0) + value
        settled = max(result["outbox_events"], 1)
        result["events_in_batches_per_event"] = round(result["events_in_batches"] / settled, 3)
        return result


async def _effects(c: Container, centre: CentreId) -> dict[str, int]:
    """Counted in the database once drained: no effect lost or made twice."""
    from sqlalchemy import text

    from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork

    async with c.uow()(centre) as uow:
        conn = SqlAlchemyUnitOfWork.of(uow).context.c
        per_case = dict(
            (
                await conn.execute(
                    text(
                        "SELECT c.id, count(t.id) FROM cases c LEFT JOIN tasks t ON "
                        "t.case_id = c.id AND t.kind = 'initial_contact' "
                        "WHERE c.centre_id = :centre GROUP BY c.id"
                    ),
                    {"centre": centre},
                )
            ).all()
        )
    events, settled = await _outbox_counts(c, centre)
    return {
        "cases": len(per_case),
        "cases_without_task": sum(1 for n in per_case.values() if n == 0),
        "cases_with_more_than_one_task": sum(1 for n in per_case.values() if n > 1),
        "outbox_events": events,
        "outbox_unsettled": events - settled,
    }


def _forget(namespace: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS)
    keys = list(client.scan_iter(f"{namespace}:*"))
    if keys:
        client.delete(*keys)


async def _booted(procs: list[subprocess.Popen[bytes]], namespace: str) -> float:
    """Seconds until every worker's consumer heartbeats in Redis (it is taking messages)."""
    import redis

    client = redis.Redis.from_url(REDIS)
    started = time.monotonic()
    while client.zcard(f"{namespace}:__heartbeats__") < len(procs):
        if any(proc.poll() is not None for proc in procs):
            raise RuntimeError("a worker exited")
        if time.monotonic() - started > 120:
            raise RuntimeError("the worker did not start in 120 s")
        await asyncio.sleep(0.2)
    return time.monotonic() - started


async def _measure(
    c: Container, procs: list[subprocess.Popen[bytes]], namespace: str, args: Any
) -> dict[str, Any]:
    centre = await c.identity().create_centre("Load Centre")
    user = await c.identity().create_user(
        centre_id=centre.id, email="load@load.example", role=Role.ADVISER,
        password="correct horse battery staple",
    )  # fmt: skip
    ctx = TenantContext(centre_id=centre.id, user_id=user.id, roles=frozenset({Role.ADVISER}))
    booted = await _booted(procs, namespace)
    await asyncio.sleep(args.settle)  # then idles
    idle = _rss(procs)
    produced, lags, peak, done = [0], [], [idle], asyncio.Event()
    sampler = asyncio.create_task(_peak(procs, done, peak))
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
    effects = await _effects(c, centre.id)
    await asyncio.sleep(args.settle)
    return {
        **effects,
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
        "worker_rss_idle_after_mb": round(_rss(procs), 1),
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
    "duplicate_deliveries",
    "batches_redone",
    "events_in_batches_per_event",
    "cases_without_task",
    "cases_with_more_than_one_task",
    "outbox_unsettled",
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
    parser.add_argument("--workers", type=int, nargs="+", default=[1], help="e.g. 1 2")
    parser.add_argument(
        "--baseline-env",
        nargs="*",
        default=[],
        metavar="NAME=VALUE",
        help="settings of the baseline's workers only (e.g. --baseline-src src "
        "--baseline-env CMA_WORKER_CLAIM_SECONDS=0: this code with its claims off)",
    )
    parser.add_argument("--this-env", nargs="*", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()
    baseline_env = dict(item.split("=", 1) for item in args.baseline_env)
    this_env = dict(item.split("=", 1) for item in args.this_env)
    runs: dict[str, list[dict[str, Any]]] = {}
    for _ in range(args.rounds):
        for workers in args.workers:
            for side, src, env in (
                ("baseline", args.baseline_src, baseline_env),
                ("this", SRC, this_env),
            ):
                runs.setdefault(f"{side}-{workers}w", []).append(
                    asyncio.run(run_side(src, workers, args, env))
                )
    mean = {
        side: {k: round(statistics.fmean(r[k] for r in rs), 3) for k in KEYS}
        for side, rs in runs.items()
    }
    result = {
        "database": "postgresql",
        "threads": args.threads,
        "writers": args.writers,
        "rounds": args.rounds,
        "baseline_src": args.baseline_src,
        "baseline_env": baseline_env,
        "this_env": this_env,
        "runs": runs,
        "mean": mean,
        "this_over_baseline": {
            w: {
                k: round(mean[f"this-{w}w"][k] / max(mean[f"baseline-{w}w"][k], 1e-9), 2)
                for k in KEYS
            }
            for w in args.workers
        },
        "load_average": os.getloadavg(),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
