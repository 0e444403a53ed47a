"""The case list's ``total`` alone, on SQLite: the ``count(*)`` of a centre's rows (before
migration 2050) against the sum of its ``case_list_counts`` counters (after), on a big and
a small database seeded by ``seed_national.py`` with the same centres count, in the same
run (issue 15, branch ``worker``).

Per repetition, alternating which database goes first, for each of the first
``--centres`` centres, each statement is run as the adapter sends it (unfiltered, and
filtered by status): wall time and this thread's CPU time (SQLite runs in the calling
thread, so CPU time is what the statement cost, less disturbed by other processes on a
shared machine than wall time). Each counter sum is checked against the count it stands
for. Reported per database and statement: median and p95 (µs), and the big/small ratios.

    .venv/bin/python -m benchmarks.case_list_total --big DIR/cma.db --small DIR/cma.db
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import time
from typing import Any

from benchmarks.search_bench import pct
from benchmarks.seed_national import load_average

#: As the adapter sends them (``SqlAlchemyCaseListRows.list``), the centre (and status)
#: bound: before migration 2050, and after.
STATEMENTS = {
    "count": "SELECT count(*) AS count_1 FROM case_list_rows WHERE case_list_rows.centre_id = ?",
    "counters": "SELECT coalesce(sum(case_list_counts.n), ?) AS coalesce_1 FROM "
    "case_list_counts WHERE case_list_counts.centre_id = ?",
    "count_open": "SELECT count(*) AS count_1 FROM case_list_rows WHERE "
    "case_list_rows.centre_id = ? AND case_list_rows.status = ?",
    "counters_open": "SELECT coalesce(sum(case_list_counts.n), ?) AS coalesce_1 FROM "
    "case_list_counts WHERE case_list_counts.centre_id = ? AND case_list_counts.status = ?",
}


def _params(kind: str, centre: str) -> tuple[Any, ...]:
    return {
        "count": (centre,),
        "counters": (0, centre),
        "count_open": (centre, "open"),
        "counters_open": (0, centre, "open"),
    }[kind]


def _centres(db: sqlite3.Connection, n: int) -> list[str]:
    rows = db.execute("SELECT id FROM centres ORDER BY name LIMIT ?", (n,)).fetchall()
    return [r[0] for r in rows]


def run(big: str, small: str, centres: int, reps: int) -> dict[str, Any]:
    dbs = {
        name: sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        for name, path in (("small", small), ("big", big))
    }
    ids = {name: _centres(db, centres) for name, db in dbs.items()}
    wall: dict[str, dict[str, list[float]]] = {n: {k: [] for k in STATEMENTS} for n in dbs}
    cpu: dict[str, dict[str, list[float]]] = {n: {k: [] for k in STATEMENTS} for n in dbs}
    rows_a_centre = {
        n: statistics.fmean(db.execute(STATEMENTS["count"], (c,)).fetchone()[0] for c in ids[n])
        for n, db in dbs.items()
    }
    mismatches = 0
    for rep in range(reps):
        order = ["small", "big"] if rep % 2 == 0 else ["big", "small"]
        for name in order:
            db = dbs[name]
            for centre in ids[name]:
                found = {}
                for kind, sql in STATEMENTS.items():
                    params = _params(kind, centre)
                    t0, c0 = time.perf_counter_ns(), time.thread_time_ns()
                    found[kind] = db.execute(sql, params).fetchone()[0]
                    c1, t1 = time.thread_time_ns(), time.perf_counter_ns()
                    if rep > 0:  # the first repetition reads the pages in: not timed
                        wall[name][kind].append((t1 - t0) / 1000)
                        cpu[name][kind].append((c1 - c0) / 1000)
                mismatches += found["count"] != found["counters"]
                mismatches += found["count_open"] != found["counters_open"]
    for db in dbs.values():
        db.close()

    def stats(xs: list[float]) -> dict[str, float]:
        return {"p50_us": round(pct(xs, 0.5), 1), "p95_us": round(pct(xs, 0.95), 1)}

    out: dict[str, Any] = {"rows_a_centre": rows_a_centre, "samples": len(wall["big"]["count"])}
    for name in dbs:
        out[name] = {
            k: {"wall": stats(wall[name][k]), "cpu": stats(cpu[name][k])} for k in STATEMENTS
        }
    out["big_over_small_cpu_p50"] = {
        k: round(pct(cpu["big"][k], 0.5) / max(pct(cpu["small"][k], 0.5), 0.1), 2)
        for k in STATEMENTS
    }
    out["big_over_small_wall_p50"] = {
        k: round(pct(wall["big"][k], 0.5) / max(pct(wall["small"][k], 0.5), 0.1), 2)
        for k in STATEMENTS
    }
    out["counters_over_count_cpu_p50"] = {
        n: {
            "all": round(pct(cpu[n]["counters"], 0.5) / pct(cpu[n]["count"], 0.5), 3),
            "open": round(pct(cpu[n]["counters_open"], 0.5) / pct(cpu[n]["count_open"], 0.5), 3),
        }
        for n in dbs
    }
    out["sum_differs_from_count"] = mismatches
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--big", required=True, help="the big database's file")
    parser.add_argument("--small", required=True, help="the small database's file")
    parser.add_argument("--centres", type=int, default=10)
    parser.add_argument("--reps", type=int, default=200)
    args = parser.parse_args()
    before = load_average()
    result = run(args.big, args.small, args.centres, args.reps)
    print(json.dumps({"load_before": before, **result, "load_after": load_average()}, indent=2))


if __name__ == "__main__":
    main()
