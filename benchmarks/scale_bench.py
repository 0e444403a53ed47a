"""The national-scale ratios on databases seeded by ``seed_national.py`` (``cma demo
--scale``), each measured in the same run:

1. case list p95, ``GET /api/v1/cases`` (first page, and the next page by its cursor) in
   process (ASGI, JWT, RLS, names opened), on the big database against the small one
   with the same centres count, alternating per round (goal: big/small <= 1.5);
2. search p95 on the big database, the index adapter directly and ``GET /api/v1/search``
   (``search_bench.run``: goal p95 <= 50 ms, API/direct >= 0.7);
3. the API worker's memory: ``cma serve`` (one uvicorn process) on the big database,
   resident set at idle after a warm-up request, then its peak while ``--clients``
   concurrent clients list cases and search for ``--seconds`` (goal <= 150 / 250 MB).

    .venv/bin/python -m benchmarks.scale_bench --big postgresql://.../cma_big \
        --small postgresql://.../cma_small --big-dir DIR --small-dir DIR
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from benchmarks.search_bench import QUERIES, summary
from benchmarks.seed_national import PASSWORD, SECRET, load_average, settings_for
from cma_entrypoints.container import build_container, shutdown
from cma_entrypoints.http.app import create_app


async def _logins(http: httpx.AsyncClient, container: Any, count: int) -> list[str]:
    tokens = []
    for centre in list(await container.identity_store().list_centres())[:count]:
        n = int(centre.name.split()[-1])
        r = await http.post(
            "/api/v1/auth/login",
            json={"email": f"adviser{n}@c{n}.scale.example", "password": PASSWORD,
                  "centre_id": str(centre.id)},
        )  # fmt: skip
        assert r.status_code in (200, 201), r.text
        tokens.append(r.json()["access_token"])
    return tokens


async def _list_once(http: httpx.AsyncClient, token: str, ms: list[float]) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    t = time.perf_counter()
    r = await http.get("/api/v1/cases", params={"limit": 20}, headers=headers)
    ms.append((time.perf_counter() - t) * 1000)
    assert r.status_code == 200, r.text
    cursor = r.json().get("next_cursor")
    if cursor:
        t = time.perf_counter()
        r = await http.get("/api/v1/cases", params={"limit": 20, "cursor": cursor}, headers=headers)
        ms.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, r.text


async def case_lists(args: argparse.Namespace) -> dict[str, Any]:
    sides: dict[str, Any] = {}
    for name, url, data_dir in (
        ("small", args.small, args.small_dir),
        ("big", args.big, args.big_dir),
    ):
        container = build_container(settings_for(url, Path(data_dir)))
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(container)),
                                 base_url="http://bench")  # fmt: skip
        sides[name] = {"c": container, "http": http, "ms": [],
                       "tokens": await _logins(http, container, args.centres)}  # fmt: skip
    rng = random.Random(3)
    for _ in range(args.rounds):
        for name in ("small", "big"):
            side = sides[name]
            for _ in range(args.lists):
                await _list_once(side["http"], rng.choice(side["tokens"]), side["ms"])
    out: dict[str, Any] = {}
    for name, side in sides.items():
        out[name] = summary(side["ms"])
        await side["http"].aclose()
        await shutdown(side["c"])
    out["p95_big_over_small"] = round(out["big"]["p95_ms"] / out["small"]["p95_ms"], 2)
    return out


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def memory(args: argparse.Namespace) -> dict[str, Any]:
    port = args.port
    env = {**os.environ, "CMA_DATABASE_URL": args.big, "CMA_DATA_DIR": args.big_dir,
           "CMA_SECRET_KEY": SECRET, "CMA_LOG_LEVEL": "WARNING",
           # Memory under load, not the abuse limits (8 clients pass 1,200 a minute).
           "CMA_RATE_LIMIT_PER_MINUTE": "0", "CMA_RATE_LIMIT_PER_IP_PER_MINUTE": "0"}  # fmt: skip
    env.pop("CMA_REDIS_URL", None)
    cma = str(Path(sys.executable).with_name("cma"))
    proc = subprocess.Popen([cma, "serve", "--port", str(port)], env=env)  # noqa: ASYNC220
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            for _ in range(600):
                try:
                    if (await http.get("/health")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.5)
            container = build_container(settings_for(args.big, Path(args.big_dir)))
            tokens = await _logins(http, container, args.centres)
            await shutdown(container)
            await _list_once(http, tokens[0], [])
            await http.get("/api/v1/search", params={"q": "council tax"},
                           headers={"Authorization": f"Bearer {tokens[0]}"})  # fmt: skip
            await asyncio.sleep(5)
            idle = _rss_mb(proc.pid)
            peak, served = idle, 0
            stop = time.monotonic() + args.seconds
            rng = random.Random(5)

            async def client() -> None:
                nonlocal served
                while time.monotonic() < stop:
                    token = rng.choice(tokens)
                    if rng.random() < 0.5:
                        await _list_once(http, token, [])
                    else:
                        q = {"q": rng.choice(QUERIES)}
                        auth = {"Authorization": f"Bearer {token}"}
                        r = await http.get("/api/v1/search", params=q, headers=auth)
                        assert r.status_code == 200, r.text
                    served += 1

            async def sample() -> None:
                nonlocal peak
                while time.monotonic() < stop:
                    peak = max(peak, _rss_mb(proc.pid))
                    await asyncio.sleep(0.2)

            await asyncio.gather(sample(), *(client() for _ in range(args.clients)))
            after = _rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(30)
    return {"idle_mb": round(idle, 1), "peak_under_load_mb": round(peak, 1),
            "after_load_mb": round(after, 1), "requests": served, "clients": args.clients,
            "seconds": args.seconds}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--big", required=True)
    parser.add_argument("--big-dir", required=True)
    parser.add_argument("--small", required=True)
    parser.add_argument("--small-dir", required=True)
    parser.add_argument("--centres", type=int, default=10, help="centres to log in to")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--lists", type=int, default=50, help="list requests per side a round")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--port", type=int, default=8716)
    parser.add_argument("--skip", nargs="*", default=[], choices=["lists", "search", "memory"])
    args = parser.parse_args()
    from benchmarks import search_bench

    out: dict[str, Any] = {"load_before": load_average()}
    if "lists" not in args.skip:
        out["case_list"] = asyncio.run(case_lists(args))
        out["load_after_lists"] = load_average()
    if "search" not in args.skip:
        ns = argparse.Namespace(database=args.big, data_dir=args.big_dir, centres=args.centres,
                                queries=args.queries, rounds=args.rounds,
                                audit_order=False)  # fmt: skip
        out["search"] = asyncio.run(search_bench.run(ns))
        out["load_after_search"] = load_average()
    if "memory" not in args.skip:
        out["memory"] = asyncio.run(memory(args))
        out["load_after_memory"] = load_average()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
