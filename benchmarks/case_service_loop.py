"""In-process companion of case_read.py: CPU per ``CaseService.get`` against PostgreSQL,
and per call of the bare handler (bare_app.py) on the same data, without HTTP or wrk.

    .venv/bin/python benchmarks/case_service_loop.py [--cases N] [--calls N]

Quick to compare a change before and after (best of 3 runs of --calls calls, measured
with ``time.process_time()``, so the database server's CPU is not counted). Creates and
drops its own database.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from benchmarks.case_read import ADMIN_URL, SECRET, seed  # noqa: E402


async def best_of(fn: Callable[[int], Awaitable[None]], calls: int) -> float:
    for i in range(200):  # warm up: pool, statement caches
        await fn(i)
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for i in range(calls):
            await fn(i)
        best = min(best, (time.process_time() - started) / calls * 1000)
    return best


async def run(url: str, centre: str, ids: list[uuid.UUID], calls: int, data: Path) -> None:
    os.environ["BENCH_DSN"], os.environ["BENCH_CENTRE"] = url, centre
    import asyncpg

    import benchmarks.bare_app as bare
    from cma_core.identity.model import TenantContext
    from cma_entrypoints.container import build_container, shutdown
    from cma_entrypoints.settings import Settings

    settings = Settings.from_env(
        {"CMA_DATABASE_URL": url, "CMA_SECRET_KEY": SECRET, "CMA_DATA_DIR": str(data)}
    )
    container = build_container(settings)
    cases = container.cases()
    ctx = TenantContext.system(uuid.UUID(centre))  # type: ignore[arg-type]
    bare.pool = await asyncpg.create_pool(url, min_size=2, max_size=2)
    try:

        async def cma_call(i: int) -> None:
            await cases.get(ctx, ids[i % len(ids)])  # type: ignore[arg-type]

        async def bare_call(i: int) -> None:
            await bare.read_case.fn(ids[i % len(ids)])

        cma_ms = await best_of(cma_call, calls)
        bare_ms = await best_of(bare_call, calls)
    finally:
        await bare.pool.close()
        await shutdown(container)
    print(f"CPU per call: CMA {cma_ms:.3f} ms, bare {bare_ms:.3f} ms, ratio {bare_ms / cma_ms:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--calls", type=int, default=1000)
    args = parser.parse_args()
    name = f"cma_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        data = Path(tempfile.mkdtemp(prefix="cma-bench-"))
        centre, ids = seed(url, args.cases, data)
        asyncio.run(run(url, centre, [uuid.UUID(i) for i in ids[:2000]], args.calls, data))
        return 0
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    raise SystemExit(main())
