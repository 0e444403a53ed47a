"""Where a ``GET /api/v1/cases/{id}`` spends its time, in-process: the whole ASGI app called
through httpx's ASGI transport (no sockets, no uvicorn), against PostgreSQL seeded like
case_read.py. Prints CPU per request, the driver round trips per request (asyncpg's query
logger), and optionally a cProfile of the loop.

    .venv/bin/python benchmarks/profile_case_read.py [--cases N] [--calls N] [--profile OUT]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from benchmarks.case_read import ADMIN_URL, PASSWORD, SECRET, bench_db_name, seed, served_env  # noqa: E402


async def run(url: str, centre: str, ids: list[str], args: argparse.Namespace, data: Path) -> None:
    import asyncpg
    import httpx

    from cma_entrypoints.container import build_container
    from cma_entrypoints.http.app import create_app
    from cma_entrypoints.settings import Settings

    os.environ.update(served_env(url, data))
    os.environ.pop("CMA_REDIS_URL", None)
    statements: collections.Counter[str] = collections.Counter()
    counting = False

    def logger(record: Any) -> None:
        if counting:
            statements[" ".join(record.query.split())[:110]] += 1

    original_connect = asyncpg.connect

    async def connect(*a: Any, **kw: Any) -> Any:
        conn = await original_connect(*a, **kw)
        conn.add_query_logger(logger)
        return conn

    asyncpg.connect = connect
    # Statements SQLAlchemy sends as prepared statements do not pass the query logger.
    from sqlalchemy.dialects.postgresql import asyncpg as sa_asyncpg

    cursor_cls = sa_asyncpg.AsyncAdapt_asyncpg_cursor
    original_run = cursor_cls._prepare_and_execute

    async def counted(self: Any, operation: Any, parameters: Any) -> Any:
        if counting:
            statements[" ".join(str(operation).split())[:110]] += 1
        return await original_run(self, operation, parameters)  # type: ignore[no-untyped-call]

    cursor_cls._prepare_and_execute = counted  # type: ignore[method-assign]
    container = build_container(Settings.from_env())
    app = create_app(container)
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with (
        app.lifespan() if hasattr(app, "lifespan") else _nothing(),
        httpx.AsyncClient(transport=transport, base_url="http://test") as client,
    ):
        token = (
            await client.post(
                "/api/v1/auth/login",
                json={"email": "bench@bench.example", "password": PASSWORD},
            )
        ).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}

        async def one(i: int) -> None:
            r = await client.get(f"/api/v1/cases/{ids[i % len(ids)]}", headers=headers)
            assert r.status_code == 200, r.text

        for i in range(100):
            await one(i)
        counting = True
        for i in range(20):
            await one(i)
        counting = False
        print("driver calls per request (asyncpg query logger, 20 requests):")
        for q, n in statements.most_common():
            print(f"  {n / 20:5.2f}  {q}")
        best = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            for i in range(args.calls):
                await one(i)
            best = min(best, (time.process_time() - t0) / args.calls * 1000)
        print(f"CPU per request (best of 3 x {args.calls}): {best:.3f} ms")
        if args.profile:
            prof = cProfile.Profile()
            prof.enable()
            for i in range(args.calls):
                await one(i)
            prof.disable()
            prof.dump_stats(args.profile)
            pstats.Stats(prof).sort_stats("cumulative").print_stats(60)


class _nothing:
    async def __aenter__(self) -> None:
        return None

    async def __aexit__(self, *a: object) -> None:
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()
    name = bench_db_name()
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        data = Path(tempfile.mkdtemp(prefix="cma-bench-"))
        centre, ids = seed(url, args.cases, data)
        import subprocess

        subprocess.run(
            [
                str(Path(sys.executable).parent / "cma"),
                "user",
                "create",
                "--centre",
                centre,
                "--email",
                "bench@bench.example",
                "--role",
                "adviser",
                "--password-stdin",
            ],
            input=PASSWORD,
            text=True,
            check=True,
            capture_output=True,
            cwd=ROOT,
            env={
                **os.environ,
                "CMA_DATABASE_URL": url,
                "CMA_SECRET_KEY": SECRET,
                "CMA_DATA_DIR": str(data),
                "PYTHONPATH": str(ROOT / "src"),
            },
        )
        asyncio.run(run(url, centre, ids[:2000], args, data))
        return 0
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    raise SystemExit(main())
