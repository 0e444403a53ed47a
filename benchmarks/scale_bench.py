"""The national-scale ratios on databases seeded by ``seed_national.py`` (``cma demo
--scale``), each measured in the same run:

1. case list p95, ``GET /api/v1/cases`` (first page, and the next page by its cursor) in
   process (ASGI, JWT, RLS, names opened), on the big database against the small one
   with the same centres count, ``--rounds`` rounds of ``--lists`` lists a side, the side
   going first alternating (goal: big/small <= 1.5). Before the rounds, on each side,
   each of the ``--centres`` centres' first list is timed on its own (``first_touch``:
   pages no list has read yet) and then ``--warmup`` untimed lists a centre;
   ``with_first_touch`` pools the first touches in (how the bench counted before).
   ``--cold`` first drops both databases' files from the OS page cache (Linux
   ``posix_fadvise``, those files only). ``--phases`` adds, per side, the SQL time and
   the bytes read (through read calls, and from the disk, ``/proc/self/io``) of each kind
   of statement (``count``: the page's total, ``page``: its rows, ``other``) over the
   timed lists, their slowest 5% and the first touches;
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
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event

from benchmarks.search_bench import QUERIES, pct, summary
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


def _read_bytes() -> tuple[int, int]:
    """This process's bytes read so far: through read calls (``rchar``: SQLite's page
    cache misses, served by the OS cache or the disk) and from the disk (``read_bytes``)."""
    fields = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    return int(fields["rchar"]), int(fields["read_bytes"])


class Phases:
    """``--phases``: per list request, the SQL time and the bytes read (KB through read
    calls, KB from the disk) of each kind of statement: ``count`` (the page's total, a
    ``count(*)`` of rows or a sum of ``case_list_counts``),
    ``page`` (the page's rows), ``other`` (the projection's lag, keys, staff names)."""

    KINDS = ("count", "page", "other")

    def __init__(self, engine: Any) -> None:
        self.now: dict[str, float] = {}
        self.stage = "first_touch"  # then "warmup", then "timed"
        self.requests: list[dict[str, Any]] = []
        event.listen(engine.sync_engine, "before_cursor_execute", self._before)
        event.listen(engine.sync_engine, "after_cursor_execute", self._after)

    @staticmethod
    def kind(statement: str) -> str:
        # The total: a count of the centre's rows, or (migration 2050) a sum of counters.
        if "count(*)" in statement or "FROM case_list_counts" in statement:
            return "count"
        return "page" if "FROM case_list_rows" in statement else "other"

    def _before(self, conn: Any, *_: Any) -> None:
        conn.info["bench.start"] = (time.perf_counter(), *_read_bytes())

    def _after(self, conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        t0, r0, d0 = conn.info.pop("bench.start")
        ms, (r1, d1), k = (time.perf_counter() - t0) * 1000, _read_bytes(), self.kind(statement)
        for key, value in (
            (k, ms),
            (f"{k}_kb", (r1 - r0) / 1024),
            (f"{k}_disk_kb", (d1 - d0) / 1024),
        ):
            self.now[key] = self.now.get(key, 0.0) + value

    def record(self, ms: float) -> None:
        self.requests.append({"ms": ms, "stage": self.stage, **self.now})
        self.now = {}

    def summary(self, requests: list[dict[str, Any]]) -> dict[str, float]:
        keys = [f"{k}{s}" for k in self.KINDS for s in ("", "_kb", "_disk_kb")]
        return {f"{key}_mean": round(statistics.fmean(r.get(key, 0.0) for r in requests), 3)
                for key in keys}  # fmt: skip


async def _get(http: httpx.AsyncClient, token: str, params: dict[str, Any],
               ms: list[float], phases: Phases | None) -> Any:  # fmt: skip
    headers = {"Authorization": f"Bearer {token}"}
    t = time.perf_counter()
    r = await http.get("/api/v1/cases", params=params, headers=headers)
    ms.append((time.perf_counter() - t) * 1000)
    assert r.status_code == 200, r.text
    if phases is not None:
        phases.record(ms[-1])
    return r.json().get("next_cursor")


async def _list_once(
    http: httpx.AsyncClient,
    token: str,
    ms: list[float],
    phases: Phases | None = None,
    cursor_ms: list[float] | None = None,
) -> None:
    """The first page, then the next by its cursor (timed into ``cursor_ms`` if given)."""
    cursor = await _get(http, token, {"limit": 20}, ms, phases)
    if cursor:
        params = {"limit": 20, "cursor": cursor}
        await _get(http, token, params, ms if cursor_ms is None else cursor_ms, phases)


def drop_cached(data_dir: str) -> None:
    """``--cold``: the OS page cache forgets the database's files (``POSIX_FADV_DONTNEED``;
    clean pages of these files only), so the first lists read them from the disk."""
    for path in Path(data_dir).glob("cma.db*"):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def _side_summary(side: dict[str, Any]) -> dict[str, Any]:
    both, touch = side["first"] + side["next"], side["touch"]
    out: dict[str, Any] = {
        **summary(both),
        "samples": len(both),
        "first_page": summary(side["first"]),
        "cursor_page": summary(side["next"]),
        "first_touch": {**summary(touch), "samples": len(touch), "max_ms": round(max(touch), 2)},
        # As the bench measured before --warmup and first_touch: the first touches pooled in.
        "with_first_touch": summary(touch + both),
    }
    phases: Phases | None = side["phases"]
    if phases is not None:
        timed = [r for r in phases.requests if r["stage"] == "timed"]
        cut = pct([r["ms"] for r in timed], 0.95)
        out["phases"] = {
            "timed": phases.summary(timed),
            "slowest_5pct": phases.summary([r for r in timed if r["ms"] >= cut]),
            "first_touch": phases.summary(
                [r for r in phases.requests if r["stage"] == "first_touch"]
            ),
        }
    return out


async def case_lists(args: argparse.Namespace) -> dict[str, Any]:
    """``--rounds`` rounds of ``--lists`` lists a side, the side going first alternating.
    Before them, on each side: every centre's first list (``first_touch``, reported on its
    own: the pages no list has read yet), then ``--warmup`` untimed lists per centre."""
    sides: dict[str, Any] = {}
    if args.cold:
        drop_cached(args.small_dir)
        drop_cached(args.big_dir)
    for name, url, data_dir in (
        ("small", args.small, args.small_dir),
        ("big", args.big, args.big_dir),
    ):
        container = build_container(settings_for(url, Path(data_dir)))
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(container)),
                                 base_url="http://bench")  # fmt: skip
        phases = Phases(container.engine()) if args.phases else None
        sides[name] = {"c": container, "http": http, "first": [], "next": [], "touch": [],
                       "phases": phases,
                       "tokens": await _logins(http, container, args.centres)}  # fmt: skip
    for side in sides.values():
        for token in side["tokens"]:
            await _list_once(side["http"], token, side["touch"], side["phases"])
        if side["phases"]:
            side["phases"].stage = "warmup"
        for token in side["tokens"] * args.warmup:
            await _list_once(side["http"], token, [], side["phases"])
        if side["phases"]:
            side["phases"].stage = "timed"
    rng = random.Random(3)
    for r in range(args.rounds):
        for name in ("small", "big") if r % 2 == 0 else ("big", "small"):
            side = sides[name]
            for _ in range(args.lists):
                token = rng.choice(side["tokens"])
                await _list_once(side["http"], token, side["first"], side["phases"], side["next"])
    out: dict[str, Any] = {"rounds": args.rounds, "lists": args.lists, "warmup": args.warmup,
                           "cold": args.cold, "centres": args.centres}  # fmt: skip
    for name, side in sides.items():
        out[name] = _side_summary(side)
        await side["http"].aclose()
        await shutdown(side["c"])
    out["p95_big_over_small"] = round(out["big"]["p95_ms"] / out["small"]["p95_ms"], 2)
    out["p95_with_first_touch_big_over_small"] = round(
        out["big"]["with_first_touch"]["p95_ms"] / out["small"]["with_first_touch"]["p95_ms"], 2
    )
    out["p50_big_over_small"] = round(out["big"]["p50_ms"] / out["small"]["p50_ms"], 2)
    out["mean_big_over_small"] = round(out["big"]["mean_ms"] / out["small"]["mean_ms"], 2)
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
    parser.add_argument(
        "--lists", type=int, default=100, help="lists a side a round (2 pages each)"
    )
    parser.add_argument("--warmup", type=int, default=1, help="untimed lists per centre first")
    parser.add_argument(
        "--cold", action="store_true", help="drop the database files from the OS page cache first"
    )
    parser.add_argument(
        "--phases",
        action="store_true",
        help="SQL time and bytes read by statement kind, per request",
    )
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
