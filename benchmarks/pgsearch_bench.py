"""PostgreSQL search, the typo pass through each centre's vocabulary (``search_words``,
migration 2060) against the pass before it (the query against every document's body,
``PostgresSearchIndex(typos_from="bodies")``), in one run on one seeded database.

    .venv/bin/python -m benchmarks.pgsearch_bench --database postgresql://.../cma_scale_1m \
        --data-dir /tmp/scale_runs/pg1m --pairs 120 --repeats 3

Each pair is a (centre, query) drawn at random: queries with a typo (the typo pass runs)
and without (the ordinary full-text pass, the same code on both sides: the control). For
every pair both sides run ``--repeats`` times back to back, the side that goes first
alternating pair by pair. A side's first run of a pair is counted as ``first`` (pages the
pair needs may be outside the buffers: the cold side), the others as ``warm``. The query
is what ``SearchService.query_for`` builds for the centre's adviser (own cases only), as
in ``benchmarks/search_bench.py``. Reported: p50 / p95 / mean per side, kind and
temperature, the ratio new / before of each, whether both sides found the same totals,
and the machine's load before and after.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks.search_bench import QUERIES, summary
from benchmarks.seed_national import settings_for
from cma_adapters.search_postgres import PostgresSearchIndex
from cma_core.identity.model import TenantContext
from cma_entrypoints.container import build_container, shutdown

#: One wrong, missing or swapped letter in a word of each (none found by the first pass).
TYPOS = [
    "councel tax", "bailif letter", "univarsal credit", "breathing spase", "morgage shortfall",
    "enforcment fee", "holdng letter", "defualt notice", "priorty debts", "Barclaycard arears",
    "expenditre", "unemployd", "remindr", "shortfal",
]  # fmt: skip


async def run(args: argparse.Namespace) -> dict[str, Any]:
    container = build_container(settings_for(args.database, Path(args.data_dir)))
    store = container.identity_store()
    centres = [c.id for c in await store.list_centres()]
    service = container.search()
    engine = container.search_index().engine  # type: ignore[attr-defined]
    sides = {
        "words": PostgresSearchIndex(engine, typos_from="words"),
        "bodies": PostgresSearchIndex(engine, typos_from="bodies"),
    }
    advisers: dict[Any, TenantContext] = {}
    for cid in centres:
        n = int((await store.get_centre(cid)).name.split()[-1])
        user = await store.get_user_by_email(f"adviser{n}@c{n}.scale.example")
        assert user is not None
        advisers[cid] = TenantContext(centre_id=cid, user_id=user.id, roles=user.roles_in(cid))
    rng = random.Random(args.seed)
    pairs = [
        (rng.choice(centres), rng.choice(TYPOS if i % 2 else QUERIES), "typo" if i % 2 else "plain")
        for i in range(args.pairs)
    ]
    times: dict[str, list[float]] = {}
    totals: dict[str, list[int]] = {"words": [], "bodies": []}
    load_before = [round(x, 2) for x in os.getloadavg()]
    for i, (cid, text, kind) in enumerate(pairs):
        query = service.query_for(advisers[cid], text)
        order = ["words", "bodies"] if i % 4 in (0, 3) else ["bodies", "words"]
        for name in order:
            for r in range(args.repeats):
                t = time.perf_counter()
                found = await sides[name].search(query)
                ms = (time.perf_counter() - t) * 1000
                times.setdefault(f"{name}/{kind}/{'first' if r == 0 else 'warm'}", []).append(ms)
            totals[name].append(found.total)
    load_after = [round(x, 2) for x in os.getloadavg()]
    await shutdown(container)
    out: dict[str, Any] = {
        "database": args.database.rsplit("/", 1)[-1],
        "centres": len(centres),
        "pairs": args.pairs,
        "repeats": args.repeats,
        "load_before": load_before,
        "load_after": load_after,
        "same_totals": totals["words"] == totals["bodies"],
        "typo_pairs_found": sum(
            1 for (_, _, k), n in zip(pairs, totals["words"], strict=True) if k == "typo" and n
        ),
        "typo_pairs_found_before": sum(
            1 for (_, _, k), n in zip(pairs, totals["bodies"], strict=True) if k == "typo" and n
        ),
        "mean_total": {name: round(statistics.fmean(v), 1) for name, v in totals.items() if v},
    }
    for key in sorted(times):
        out[key] = summary(times[key])
    for kind in ("typo", "plain"):
        for temp in ("first", "warm") if args.repeats > 1 else ("first",):
            new, old = out[f"words/{kind}/{temp}"], out[f"bodies/{kind}/{temp}"]
            out[f"ratio_{kind}_{temp}"] = {
                m: round(new[m] / old[m], 2) for m in ("p50_ms", "p95_ms", "mean_ms")
            }
    return out


def run_cli(doc: str, run: Any, options: dict[str, int]) -> None:
    """Parse ``--database``, ``--data-dir``, ``--out`` and the integer ``options`` (name:
    default), run, print the result as JSON and write it to ``--out`` if given."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--out", help="also write the results to this JSON file")
    for name, default in options.items():
        parser.add_argument(f"--{name}", type=int, default=default)
    args = parser.parse_args()
    result = json.dumps(asyncio.run(run(args)), indent=2)
    if args.out:
        Path(args.out).write_text(result + "\n")
    print(result)


def main() -> None:
    run_cli(__doc__, run, {"pairs": 120, "repeats": 3, "seed": 15})


if __name__ == "__main__":
    main()
