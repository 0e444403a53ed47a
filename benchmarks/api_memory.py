"""``cma serve``'s resident memory at idle and under load, this checkout against a
baseline checkout's ``src`` in the same run (issue 15: the API worker <= 150 MB idle,
<= 250 MB under load).

Seeds a small national data set (``cma demo --scale``'s code, ``seed_national.seed``) on
the embedded default (SQLite) and, with ``--postgres``, on a fresh PostgreSQL database;
then, for each database, starts ``cma serve`` from the baseline and from this checkout in
turn (alternating per round), signs in, warms up with one case list and one search, waits,
reads VmRSS (idle), then samples VmRSS while ``--clients`` concurrent clients list cases
and search for ``--seconds`` (peak). The baseline runs the same interpreter and packages
with ``PYTHONPATH`` pointing at its ``src`` (for example ``git archive main src | tar -x
-C /tmp/base``).

    .venv/bin/python -m benchmarks.api_memory --baseline-src /tmp/base/src --postgres
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

import httpx

from benchmarks.scale_bench import _list_once, _logins, _rss_mb
from benchmarks.search_bench import QUERIES
from benchmarks.seed_national import ADMIN_URL, SECRET, load_average, seed, settings_for
from cma_entrypoints.container import build_container, shutdown

SRC = str(Path(__file__).resolve().parents[1] / "src")


async def _wait_healthy(http: httpx.AsyncClient, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(1200):
        if proc.poll() is not None:
            raise RuntimeError(f"cma serve exited with {proc.returncode}")
        try:
            if (await http.get("/health")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.25)
    raise RuntimeError("cma serve did not become healthy")


async def _load(http: httpx.AsyncClient, tokens: list[str], pid: int, args: Any) -> dict[str, Any]:
    loop = asyncio.get_running_loop()
    stop = loop.time() + args.seconds
    rng = random.Random(5)
    peak, served = _rss_mb(pid), 0

    async def client() -> None:
        nonlocal served
        while loop.time() < stop:
            token = rng.choice(tokens)
            if rng.random() < 0.5:
                await _list_once(http, token, [])
            else:
                auth = {"Authorization": f"Bearer {token}"}
                r = await http.get("/api/v1/search", params={"q": rng.choice(QUERIES)},
                                   headers=auth)  # fmt: skip
                assert r.status_code == 200, r.text
            served += 1

    async def sample() -> None:
        nonlocal peak
        while loop.time() < stop:
            peak = max(peak, _rss_mb(pid))
            await asyncio.sleep(0.2)

    await asyncio.gather(sample(), *(client() for _ in range(args.clients)))
    return {"peak_under_load_mb": round(peak, 1), "after_load_mb": round(_rss_mb(pid), 1),
            "requests": served}  # fmt: skip


async def measure(src: str, url: str, data_dir: Path, args: Any) -> dict[str, Any]:
    """One ``cma serve`` from ``src``: RSS once healthy, at idle after a warm-up, peak."""
    env = {**os.environ, "CMA_DATABASE_URL": url, "CMA_DATA_DIR": str(data_dir),
           "CMA_SECRET_KEY": SECRET, "CMA_LOG_LEVEL": "WARNING", "PYTHONPATH": src,
           "CMA_ARGON2_TIME_COST": "1", "CMA_ARGON2_MEMORY_COST": "1024",
           # One address sends every request: the limits would answer 429 within seconds.
           "CMA_RATE_LIMIT_PER_MINUTE": "1000000",
           "CMA_RATE_LIMIT_PER_IP_PER_MINUTE": "1000000"}  # fmt: skip
    env.pop("CMA_REDIS_URL", None)
    cmd = [sys.executable, "-c", "from cma_entrypoints.cli.main import run; run()",
           "serve", "--port", str(args.port)]  # fmt: skip
    proc = subprocess.Popen(cmd, env=env)  # noqa: ASYNC220 - one server, started once
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{args.port}", timeout=120) as http:
            await _wait_healthy(http, proc)
            started = _rss_mb(proc.pid)
            container = build_container(settings_for(url, data_dir))
            tokens = await _logins(http, container, args.centres)
            await shutdown(container)
            await _list_once(http, tokens[0], [])
            await http.get("/api/v1/search", params={"q": "council tax"},
                           headers={"Authorization": f"Bearer {tokens[0]}"})  # fmt: skip
            await asyncio.sleep(args.settle)
            idle = _rss_mb(proc.pid)
            loaded = await _load(http, tokens, proc.pid, args)
    finally:
        proc.terminate()
        proc.wait(60)
    return {"healthy_mb": round(started, 1), "idle_mb": round(idle, 1), **loaded}


async def _run_database(name: str, url: str, data_dir: Path, args: Any) -> dict[str, Any]:
    sides: dict[str, list[dict[str, Any]]] = {"baseline": [], "this": []}
    for _ in range(args.rounds):
        for side, src in (("baseline", args.baseline_src), ("this", SRC)):
            r = await measure(src, url, data_dir, args)
            sides[side].append({**r, "load": load_average()})
            print(name, side, r, file=sys.stderr)
    out: dict[str, Any] = {"runs": sides}
    for key in ("idle_mb", "peak_under_load_mb"):
        base = min(r[key] for r in sides["baseline"])
        this = min(r[key] for r in sides["this"])
        out[key] = {"baseline": base, "this": this, "ratio": round(this / base, 2)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline-src", required=True, help="the baseline checkout's src")
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--centres", type=int, default=4)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--settle", type=float, default=3, help="idle seconds before reading")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--port", type=int, default=8717)
    args = parser.parse_args()
    out: dict[str, Any] = {"load_before": load_average()}
    with tempfile.TemporaryDirectory(prefix="cma-mem-") as tmp:
        lite = Path(tmp) / "sqlite"
        lite.mkdir()
        lite_url = f"sqlite:///{lite / 'cma.db'}"
        asyncio.run(seed(lite_url, lite, args))
        out["sqlite"] = asyncio.run(_run_database("sqlite", lite_url, lite, args))
        if args.postgres:
            import psycopg

            name = f"cma_mem_{uuid.uuid4().hex[:10]}"
            with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
            url = f"{ADMIN_URL.rsplit('/', 1)[0]}/{name}"
            pg = Path(tmp) / "pg"
            try:
                asyncio.run(seed(url, pg, args))
                out["postgres"] = asyncio.run(_run_database("postgres", url, pg, args))
            finally:
                with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')  # type: ignore[arg-type]
    out["load_after"] = load_average()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
