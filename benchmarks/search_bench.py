"""Search latency on a seeded national data set: the index queried directly through its
adapter, and ``GET /api/v1/search`` for the same queries (in-process ASGI: JWT, the
service, the audit entry, client names read from the write side), alternating in rounds.

    .venv/bin/python -m benchmarks.search_bench --database postgresql://.../cma_seed_x \
        --data-dir /tmp/seed_pg_data --centres 50 --queries 200
    .venv/bin/python -m benchmarks.search_bench --database sqlite:///DIR/cma.db \
        --data-dir DIR --centres 50

Seed first with ``benchmarks/seed_national.py`` (``--keep`` on PostgreSQL). Reported per
side: p50 / p95 / mean latency in ms, and API/direct as mean_direct / mean_api (the share of
the direct backend's throughput that one sequential API client gets; goal >= 0.7).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import time
from typing import Any

import httpx

from benchmarks.seed_national import PASSWORD, settings_for
from cma_core.identity.model import TenantContext
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import build_container, shutdown
from cma_entrypoints.http.app import create_app

QUERIES = [
    "council tax", "bailiff letter", "universal credit", "Lowell", "Barclaycard arrears",
    "breathing space", "mortgage shortfall", "default notice", "priority debts", "Patel",
    "Smith", "Amira Khan", "holding letter", "enforcement fee", "Thames Water",
]  # fmt: skip


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def summary(ms: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(pct(ms, 0.5), 2),
        "p95_ms": round(pct(ms, 0.95), 2),
        "mean_ms": round(statistics.fmean(ms), 2),
    }


async def run(args: argparse.Namespace) -> dict[str, Any]:
    from pathlib import Path

    container = build_container(settings_for(args.database, Path(args.data_dir)))
    centres = [c.id for c in await container.identity_store().list_centres()][: args.centres]
    service, index = container.search(), container.search_index()
    rng = random.Random(7)
    direct: list[float] = []
    api: list[float] = []
    hits: list[int] = []
    app = create_app(container)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://bench"
    ) as http:
        tokens: dict[CentreId, str] = {}
        for cid in centres:
            name = (await container.identity_store().get_centre(cid)).name
            n = int(name.split()[-1])
            r = await http.post(
                "/api/v1/auth/login",
                json={"email": f"adviser{n}@c{n}.scale.example", "password": PASSWORD,
                      "centre_id": str(cid)},
            )  # fmt: skip
            tokens[cid] = r.json()["access_token"]
        for _ in range(args.rounds):
            work = [(rng.choice(centres), rng.choice(QUERIES)) for _ in range(args.queries)]
            for cid, q in work:  # direct: the adapter, with the query the service builds
                query = service.query_for(TenantContext.system(cid), q)
                t = time.perf_counter()
                found = await index.search(query)
                direct.append((time.perf_counter() - t) * 1000)
                hits.append(found.total)
            for cid, q in work:
                headers = {"Authorization": f"Bearer {tokens[cid]}"}
                t = time.perf_counter()
                r = await http.get("/api/v1/search", params={"q": q}, headers=headers)
                api.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, r.text
    await shutdown(container)
    d, a = summary(direct), summary(api)
    return {
        "backend": container.settings().search_backend,
        "queries": len(direct),
        "mean_hits": round(statistics.fmean(hits), 1),
        "direct": d,
        "api": a,
        "api_over_direct": round(d["mean_ms"] / a["mean_ms"], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--centres", type=int, default=50)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args)), indent=2))


if __name__ == "__main__":
    main()
