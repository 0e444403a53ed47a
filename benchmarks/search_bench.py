"""Search latency on a seeded national data set: the index queried directly through its
adapter, and ``GET /api/v1/search`` for the same queries (in-process ASGI: JWT, the
service, the audit entry, client names read from the write side), alternating in rounds.

    .venv/bin/python -m benchmarks.search_bench --database postgresql://.../cma_seed_x \
        --data-dir /tmp/seed_pg_data --centres 50 --queries 200
    .venv/bin/python -m benchmarks.search_bench --database sqlite:///DIR/cma.db \
        --data-dir DIR --centres 50

Seed first with ``benchmarks/seed_national.py`` (``--keep`` on PostgreSQL). Reported per
side: p50 / p95 / mean latency in ms, and API/direct as mean_direct / mean_api (the share of
the direct backend's throughput that one sequential API client gets; goal >= 0.7). The
API side is timed twice: through httpx's in-process client (``api``, as before) and with the
ASGI app called directly as a server calls it (``api_asgi``: the same requests without the
client's own work). Each round's queries are new; the side that runs them first meets their
pages cold, so the adapter goes first in even rounds and the API in odd ones
(``--no-alternate``: the adapter first every round, the order before 2026-12-04), and
``by_position`` gives each side's latencies by whether it went first or second.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import importlib.util
import json
import os
import random
import statistics
import time
import urllib.parse
from typing import Any

import httpx

from benchmarks.case_read_asgi import Caller
from benchmarks.seed_national import PASSWORD, settings_for
from cma_core.audit.service import commit_audited
from cma_core.identity.model import TenantContext
from cma_core.search.model import SearchResults
from cma_core.search.service import SearchService
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import build_container, shutdown
from cma_entrypoints.http.app import create_app

QUERIES = [
    "council tax", "bailiff letter", "universal credit", "Lowell", "Barclaycard arrears",
    "breathing space", "mortgage shortfall", "default notice", "priority debts", "Patel",
    "Smith", "Amira Khan", "holding letter", "enforcement fee", "Thames Water",
]  # fmt: skip


async def audited_after(service: SearchService, ctx: TenantContext, q: str) -> SearchResults:
    """The search use case as it was before the audit's commit overlapped the index query:
    query, names, then the audit entry and its commit (the baseline of ``--audit-order``)."""
    query = service.query_for(ctx, q)
    results = await service.index.search(query)
    async with service.uow(ctx.centre_id) as uow:
        results = await service._named(uow, results)
        await commit_audited(
            uow, ctx, service.new_id, "search.performed", "search", service.new_id(),
            service.clock.now(), ("q", "kind"), seal_later=True,
        )  # fmt: skip
    return results


async def _search_audited_after(
    self: SearchService, ctx: TenantContext, q: str, **page: Any
) -> SearchResults:
    """``SearchService.search`` in the order before the overlap, for the API baseline."""
    query = self.query_for(ctx, q, **page)
    results = await self.index.search(query)
    async with self.uow(ctx.centre_id) as uow:
        results = await self._named(uow, results)
        await commit_audited(
            uow, ctx, self.new_id, "search.performed", "search", self.new_id(),
            self.clock.now(), ("q", "kind"), seal_later=True,
        )  # fmt: skip
    return results


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
    load_before = [round(x, 2) for x in os.getloadavg()]
    direct: list[float] = []
    api: list[float] = []
    api_asgi: list[float] = []
    overlapped: list[float] = []
    after: list[float] = []
    api_after: list[float] = []
    hits: list[int] = []
    by_position: dict[str, list[float]] = collections.defaultdict(list)
    baseline_ms: list[float] = []
    base_hits: list[int] = []
    baseline_file = getattr(args, "baseline_index", None)  # scale_bench has none
    baseline = _baseline(baseline_file, index) if baseline_file else None
    app = create_app(container)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://bench"
    ) as http:
        tokens: dict[CentreId, str] = {}
        adviser: dict[CentreId, TenantContext] = {}
        for cid in centres:
            name = (await container.identity_store().get_centre(cid)).name
            n = int(name.split()[-1])
            r = await http.post(
                "/api/v1/auth/login",
                json={"email": f"adviser{n}@c{n}.scale.example", "password": PASSWORD,
                      "centre_id": str(cid)},
            )  # fmt: skip
            tokens[cid] = r.json()["access_token"]
            user = await container.identity_store().get_user_by_email(
                f"adviser{n}@c{n}.scale.example"
            )
            assert user is not None
            adviser[cid] = TenantContext(centre_id=cid, user_id=user.id, roles=user.roles_in(cid))
        for rnd in range(args.rounds):
            work = [(rng.choice(centres), rng.choice(QUERIES)) for _ in range(args.queries)]
            sides = [(index, direct, hits)]
            if baseline is not None:  # the other adapter first every other round
                sides.insert(len(baseline_ms) // len(work) % 2, (baseline, baseline_ms, base_hits))

            async def adapters(work: list[tuple[CentreId, str]], sides: list[Any]) -> None:
                for side, times, totals in sides:
                    for cid, q in work:  # direct: the adapter, with the query the service
                        # builds for the same adviser the API answers (their own cases
                        # only): a system context's query reads the whole centre.
                        query = service.query_for(adviser[cid], q)
                        t = time.perf_counter()
                        found = await side.search(query)
                        times.append((time.perf_counter() - t) * 1000)
                        totals.append(found.total)

            async def through_api(work: list[tuple[CentreId, str]], sides: list[Any]) -> None:
                for cid, q in work:
                    headers = {"Authorization": f"Bearer {tokens[cid]}"}
                    t = time.perf_counter()
                    r = await http.get("/api/v1/search", params={"q": q}, headers=headers)
                    api.append((time.perf_counter() - t) * 1000)
                    assert r.status_code == 200, r.text

            # The round's queries are new: whichever side runs them first meets their
            # pages cold. The adapter goes first in even rounds, the API in odd ones, and
            # each side's latencies are also kept by position (``*_first``/``*_second``).
            api_first = rnd % 2 == 1 and getattr(args, "alternate", True)
            order = (through_api, adapters) if api_first else (adapters, through_api)
            for first, run_side in enumerate(order):
                mark_d, mark_a = len(direct), len(api)
                await run_side(work, sides)
                position = "first" if first == 0 else "second"
                by_position[f"direct_{position}"] += direct[mark_d:]
                by_position[f"api_{position}"] += api[mark_a:]
            for cid, q in work:  # the same requests, the app called as a server calls it
                asgi = Caller(app, [(b"authorization", f"Bearer {tokens[cid]}".encode())])
                path = "/api/v1/search?" + urllib.parse.urlencode({"q": q})
                t = time.perf_counter()
                status, body = await asgi.get(path)
                api_asgi.append((time.perf_counter() - t) * 1000)
                assert status == 200, body
            if args.audit_order:  # the API and the service, audit after vs overlapped
                overlapped_search = SearchService.search
                SearchService.search = _search_audited_after  # type: ignore[method-assign]
                try:
                    for cid, q in work:
                        headers = {"Authorization": f"Bearer {tokens[cid]}"}
                        t = time.perf_counter()
                        r = await http.get("/api/v1/search", params={"q": q}, headers=headers)
                        api_after.append((time.perf_counter() - t) * 1000)
                        assert r.status_code == 200, r.text
                finally:
                    SearchService.search = overlapped_search  # type: ignore[method-assign]
                for cid, q in work:
                    ctx = adviser[cid]
                    t = time.perf_counter()
                    await audited_after(service, ctx, q)
                    after.append((time.perf_counter() - t) * 1000)
                    t = time.perf_counter()
                    await service.search(ctx, q)
                    overlapped.append((time.perf_counter() - t) * 1000)
    await shutdown(container)
    d, a = summary(direct), summary(api)
    out: dict[str, Any] = {
        "load_before": load_before,
        "backend": container.settings().search_backend,
        "queries": len(direct),
        "mean_hits": round(statistics.fmean(hits), 1),
        "direct": d,
        "api": a,
        "api_over_direct": round(d["mean_ms"] / a["mean_ms"], 2),
        # Without the in-process HTTP client's own work (httpx: URL parsing, request and
        # response objects, cookies), which a real client does in its own process.
        "api_asgi": summary(api_asgi),
        "api_asgi_over_direct": round(d["mean_ms"] / summary(api_asgi)["mean_ms"], 2),
        # Which side met the round's new queries first (cold pages), and each side's
        # latencies by that position: ``direct`` alone went first in every round before
        # ``--no-alternate`` became the exception.
        "alternate": getattr(args, "alternate", True),
        "by_position": {k: summary(v) for k, v in sorted(by_position.items())},
    }
    if baseline is not None:
        out["direct_baseline"] = summary(baseline_ms)
        out["baseline_index"] = baseline_file
        out["baseline_same_totals"] = base_hits == hits
        out["p95_direct_over_baseline"] = round(d["p95_ms"] / out["direct_baseline"]["p95_ms"], 2)
    out["load_after"] = [round(x, 2) for x in os.getloadavg()]
    if args.audit_order:
        o, b = summary(overlapped), summary(after)
        out["service_audit_overlapped"], out["service_audit_after"] = o, b
        out["overlapped_over_after"] = round(b["mean_ms"] / o["mean_ms"], 2)
        out["service_overlapped_over_direct"] = round(d["mean_ms"] / o["mean_ms"], 2)
        out["service_after_over_direct"] = round(d["mean_ms"] / b["mean_ms"], 2)
        out["api_audit_after"] = summary(api_after)
        out["api_audit_after_over_direct"] = round(
            d["mean_ms"] / out["api_audit_after"]["mean_ms"], 2
        )
    return out


def _baseline(path: str, index: Any) -> Any:
    """Another version of the PostgreSQL adapter (a file holding ``PostgresSearchIndex``,
    e.g. ``git show main:src/cma_adapters/search_postgres/index.py``) on the same engine,
    timed alternately with the current one on the same queries."""
    spec = importlib.util.spec_from_file_location("search_bench_baseline", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"--baseline-index: cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PostgresSearchIndex(index.engine)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--centres", type=int, default=50)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--audit-order",
        action="store_true",
        help="also time the service with the audit commit overlapped vs after the query",
    )
    parser.add_argument(
        "--baseline-index",
        help="PostgreSQL: a file with another PostgresSearchIndex, timed alternately with "
        "the current adapter (direct side only)",
    )
    parser.add_argument(
        "--no-alternate",
        dest="alternate",
        action="store_false",
        help="the adapter first in every round (as before 2026-12-04: it meets the cold pages)",
    )
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args)), indent=2))


if __name__ == "__main__":
    main()
