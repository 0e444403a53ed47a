"""Seed a national data set with ``cma demo --scale``'s own code, and measure its rate
against PostgreSQL ``COPY`` of the same rows in the same run.

The seed is ``cma_entrypoints.scale_seed`` (what ``cma demo --scale N`` runs): the rows
the repositories and the bulk import write, generated and sealed per case, written with
psycopg ``COPY`` on PostgreSQL (``--jobs`` processes, each with its own centres) and
``executemany`` on SQLite. The ceiling (PostgreSQL): ``COPY`` of the seed's own
already-made rows into shadow copies of the same tables (same indexes), interleaved with
the seed: after each segment of the seed (``--pairs`` of them at most), with the seed
paused, the segment's rows again, so load swings hit both sides; the receipt's
``interleaved`` holds each pair's times (wall and CPU) and shares, with the load.
(Results before this change measured the first chunk's rows once, after the seed.)

    .venv/bin/python -m benchmarks.seed_national --cases 200000 --centres 40 --postgres \
        --jobs 2 --keep
    .venv/bin/python -m benchmarks.seed_national --cases 100000 --centres 20 --sqlite DIR

Creates its own PostgreSQL database (``--keep`` keeps it, for ``scale_bench.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import uuid
from pathlib import Path
from typing import Any

from cma_entrypoints import scale_seed
from cma_entrypoints.container import build_container, migrate_database, shutdown
from cma_entrypoints.settings import Settings

ADMIN_URL = os.environ.get("CMA_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
SECRET = "benchmark-secret-key-0123456789-abcdefghijkl"
PASSWORD = "benchmark-password-1"


def settings_for(url: str, data_dir: Path) -> Settings:
    return Settings.from_env(
        {
            "CMA_DATA_DIR": str(data_dir),
            "CMA_DATABASE_URL": url,
            "CMA_SECRET_KEY": SECRET,
            "CMA_ARGON2_TIME_COST": "1",
            "CMA_ARGON2_MEMORY_COST": "1024",
            # A benchmark measures latency, not the abuse limits: off, as in the web e2e.
            "CMA_RATE_LIMIT_PER_MINUTE": "0",
            "CMA_RATE_LIMIT_PER_IP_PER_MINUTE": "0",
        }
    )


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


async def seed(url: str, data_dir: Path, args: argparse.Namespace) -> dict[str, Any]:
    settings = settings_for(url, data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 - once, before the run
    migrate_database(settings)
    container = build_container(settings)
    try:
        receipt = await scale_seed.seed(
            container, args.cases, args.centres, password=PASSWORD, jobs=args.jobs,
            compare_copy=True,
        )  # fmt: skip
    finally:
        await shutdown(container)
    return {**receipt.as_dict(), "database": url, "data_dir": str(data_dir)}


def seed_postgres(args: argparse.Namespace) -> dict[str, Any]:
    import psycopg

    name = args.name or f"cma_seed_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    url = f"{ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    try:
        return asyncio.run(seed(url, Path(args.data_dir or f"/tmp/{name}"), args))
    finally:
        if not args.keep:
            with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--centres", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=1, help="PostgreSQL: writer processes")
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--name", help="PostgreSQL: the database's name (default: random)")
    parser.add_argument("--sqlite", metavar="DIR")
    parser.add_argument("--data-dir")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    parser.add_argument("--pairs", type=int, default=scale_seed.PAIRS,
                        help="PostgreSQL: at most this many seed/COPY pairs")  # fmt: skip
    args = parser.parse_args()
    scale_seed.PAIRS = args.pairs
    results = []
    if args.postgres:
        results.append({"load_before": load_average(), **seed_postgres(args)})
    if args.sqlite:
        data_dir = Path(args.sqlite)
        url = f"sqlite:///{data_dir / 'cma.db'}"
        results.append({"load_before": load_average(), **asyncio.run(seed(url, data_dir, args))})
    for r in results:
        r["load_after"] = load_average()
        r.pop("logins", None)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
