"""CMA's ``GET /api/v1/cases/{id}`` against the bare same-SQL endpoint (``bare_app.py``),
both ASGI apps called directly in one process (no sockets, no uvicorn, no HTTP client),
alternating, CPU time per request (``time.process_time``). Only the two apps' own work is
counted, so it reads the ratio ``case_read.py`` reports as "CPU efficiency" without its
HTTP parsing and load generator, and is steadier under load than wall time.

    .venv/bin/python benchmarks/case_read_asgi.py [--cases N] [--calls N] [--rounds N]
        [--profile OUT]       # cProfile of the CMA side (sorted by own time)
        [--keep URL]          # reuse a database seeded by a previous run (--seed-only)

For instruction counts independent of load, run it under callgrind with ``--calls`` 0 and
N and subtract (``valgrind --tool=callgrind``; the database server's work is not counted).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import logging
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from benchmarks.case_read import ADMIN_URL, PASSWORD, bench_db_name, seed, served_env  # noqa: E402


class Caller:
    """Calls an ASGI app with a GET and collects the status; what uvicorn would do, minus
    the socket."""

    def __init__(self, app: Any, headers: list[tuple[bytes, bytes]]) -> None:
        self.app = app
        self.headers = headers

    async def get(self, target: str) -> tuple[int, bytes]:
        path, _, query = target.partition("?")
        scope = {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.3"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": query.encode("latin-1"),
            "root_path": "",
            "headers": [(b"host", b"bench"), *self.headers],
            "client": ("127.0.0.1", 40000),
            "server": ("127.0.0.1", 8000),
            "state": {},
        }
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        await self.app(scope, receive, send)
        return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


async def run(args: argparse.Namespace, env: dict[str, str], ids: list[str]) -> dict[str, Any]:
    os.environ.update(env)
    os.environ.pop("CMA_REDIS_URL", None)
    import httpx

    from benchmarks import bare_app
    from cma_entrypoints.container import build_container
    from cma_entrypoints.http.app import create_app
    from cma_entrypoints.settings import Settings

    if args.callgrind:
        # Under callgrind a view takes ~0.5 s, longer the more the machine is loaded, so the
        # 5 s caches (session verdicts, staff names) and the data keys' 300 s would refresh
        # every few views, by wall time: the count would depend on the load. Served, they
        # refresh a few times a minute over thousands of views. Counted without them.
        os.environ["CMA_SESSION_CHECK_SECONDS"] = "3600"
        os.environ["CMA_DATA_KEY_CACHE_TTL"] = "3600"
    container = build_container(Settings.from_env())
    if args.callgrind:
        container.directory().names_ttl = 3600.0
    app = create_app(container)
    async with app.lifespan(), bare_app.app.lifespan():
        # As served by uvicorn (case_read.py): the bare app's default logging config (a
        # queue handler at INFO) belongs to its own process, not CMA's.
        logging.getLogger().handlers = []
        logging.getLogger().setLevel(logging.WARNING)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),  # type: ignore[arg-type]
            base_url="http://test",
        ) as client:
            token = (
                await client.post(
                    "/api/v1/auth/login",
                    json={"email": "bench@bench.example", "password": PASSWORD},
                )
            ).json()["access_token"]
        cma = Caller(app, [(b"authorization", f"Bearer {token}".encode())])
        bare = Caller(bare_app.app, [])

        async def loop(caller: Caller, prefix: str, n: int) -> float:
            t0 = time.process_time()
            for i in range(n):
                status, body = await caller.get(f"{prefix}{ids[i % len(ids)]}")
                assert status == 200, body
            return (time.process_time() - t0) / max(n, 1) * 1000

        await loop(cma, "/api/v1/cases/", 100)
        await loop(bare, "/cases/", 100)
        if args.callgrind:  # instructions of `calls` requests of one side, under callgrind
            caller, prefix = (
                (cma, "/api/v1/cases/") if args.callgrind == "cma" else (bare, "/cases/")
            )
            _instrument(on=True)
            await loop(caller, prefix, args.calls)
            _instrument(on=False)
            return {}
        rounds: dict[str, list[float]] = {"cma": [], "bare": []}
        for _ in range(args.rounds):
            rounds["bare"].append(await loop(bare, "/cases/", args.calls))
            rounds["cma"].append(await loop(cma, "/api/v1/cases/", args.calls))
        if args.profile:
            prof = cProfile.Profile(time.process_time)
            prof.enable()
            await loop(cma, "/api/v1/cases/", args.calls)
            prof.disable()
            prof.dump_stats(args.profile)
            pstats.Stats(prof).sort_stats("tottime").print_stats(45)
    best = {k: min(v) for k, v in rounds.items()}
    return {
        "rounds": rounds,
        "best_cpu_ms": best,
        "cpu_efficiency_best": best["bare"] / best["cma"],
        "cpu_efficiency_mean": (sum(rounds["bare"]) / len(rounds["bare"]))
        / (sum(rounds["cma"]) / len(rounds["cma"])),
        "load_average": os.getloadavg(),
    }


def _instrument(*, on: bool) -> None:
    """Callgrind's collection on or off (nothing outside valgrind: then ``--callgrind`` with
    ``--calls`` 0 and N under ``strace -c -f`` counts a request's system calls)."""
    if not _under_valgrind():
        return
    subprocess.run(
        ["callgrind_control", "--instr=on" if on else "--instr=off", str(os.getpid())],
        check=True,
        capture_output=True,
    )


def _under_valgrind() -> bool:
    maps = Path(f"/proc/{os.getpid()}/maps").read_text()
    return "vgpreload" in maps or "valgrind" in maps


def prepare(cases: int) -> tuple[str, str, Path, list[str]]:
    name = bench_db_name()
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    data = Path(tempfile.mkdtemp(prefix="cma-bench-"))
    centre, ids = seed(url, cases, data)
    subprocess.run(
        [
            str(Path(sys.executable).parent / "cma"),
            *("user", "create", "--centre", centre, "--email", "bench@bench.example"),
            *("--role", "adviser", "--password-stdin"),
        ],
        input=PASSWORD,
        text=True,
        check=True,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, **served_env(url, data, centre), "PYTHONPATH": str(ROOT / "src")},
    )
    return url, centre, data, ids[:2000]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--state", type=Path, help="seeded database's details (kept)")
    parser.add_argument("--seed-only", action="store_true")
    parser.add_argument(
        "--callgrind",
        choices=("cma", "bare"),
        help="under `valgrind --tool=callgrind --instr-atstart=no`: count only this side's "
        "`--calls` requests (Ir / calls = instructions a request)",
    )
    args = parser.parse_args()
    if args.state and args.state.exists():
        st = json.loads(args.state.read_text())
        url, centre, data, ids = st["url"], st["centre"], Path(st["data"]), st["ids"]
    else:
        url, centre, data, ids = prepare(args.cases)
        if args.state:
            args.state.write_text(
                json.dumps({"url": url, "centre": centre, "data": str(data), "ids": ids})
            )
    try:
        if args.seed_only:
            return 0
        result = asyncio.run(run(args, served_env(url, data, centre), ids))
        print(json.dumps(result, indent=2))
        if args.json:
            args.json.write_text(json.dumps(result, indent=2))
        return 0
    finally:
        if not args.state:
            with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


if __name__ == "__main__":
    raise SystemExit(main())
