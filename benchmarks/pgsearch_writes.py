"""What keeping ``search_words`` (migration 2060) costs a search write: the adapter's
upsert, update and delete of ``--docs`` documents of one centre, timed with the vocabulary
triggers enabled and disabled, alternating round by round, in one run.

    .venv/bin/python -m benchmarks.pgsearch_writes --database postgresql://.../scratch \
        --data-dir /tmp/scratch --rounds 10 --docs 50

It disables and re-enables the triggers (``ALTER TABLE``, as the connecting superuser): use
a scratch database of your own, never a shared one. The documents are copies of the
centre's own notes under new ids, written one ``upsert`` call each (as the projection
does), then updated once and deleted; nothing of them is left.
"""

from __future__ import annotations

import argparse
import os
import time
import uuid
from pathlib import Path
from typing import Any

import attrs
from sqlalchemy import text

from benchmarks.pgsearch_bench import run_cli
from benchmarks.search_bench import summary
from benchmarks.seed_national import settings_for
from cma_entrypoints.container import build_container, shutdown

_TRIGGERS = ("search_words_insert", "search_words_update", "search_words_delete")


async def run(args: argparse.Namespace) -> dict[str, Any]:
    container = build_container(settings_for(args.database, Path(args.data_dir)))
    index: Any = container.search_index()
    centre = next(
        c.id for c in await container.identity_store().list_centres() if c.name.endswith("0005")
    )
    notes = [d for d in await index.documents(centre) if d.kind.value == "note"][: args.docs]
    times: dict[str, list[float]] = {}
    load_before = [round(x, 2) for x in os.getloadavg()]
    async with index.engine.connect() as admin:
        try:
            for r in range(args.rounds):
                for on in (True, False) if r % 2 else (False, True):
                    await admin.execute(text("RESET ROLE"))
                    for t in _TRIGGERS:
                        verb = "ENABLE" if on else "DISABLE"
                        await admin.execute(
                            text(f"ALTER TABLE search_documents {verb} TRIGGER {t}")
                        )
                    await admin.commit()
                    side = "triggers" if on else "none"
                    fresh = [attrs.evolve(d, entity_id=uuid.uuid4()) for d in notes]
                    t0 = time.perf_counter()
                    for d in fresh:
                        await index.upsert([d])
                    t1 = time.perf_counter()
                    for d in fresh:
                        await index.upsert([attrs.evolve(d, body=d.body + " reviewed again")])
                    t2 = time.perf_counter()
                    await index.delete(centre, [d.id for d in fresh])
                    t3 = time.perf_counter()
                    n = len(fresh)
                    times.setdefault(f"{side}/insert_ms_per_doc", []).append((t1 - t0) * 1000 / n)
                    times.setdefault(f"{side}/update_ms_per_doc", []).append((t2 - t1) * 1000 / n)
                    times.setdefault(f"{side}/delete_ms_all", []).append((t3 - t2) * 1000)
        finally:
            await admin.execute(text("RESET ROLE"))
            for t in _TRIGGERS:
                await admin.execute(text(f"ALTER TABLE search_documents ENABLE TRIGGER {t}"))
            await admin.commit()
    out: dict[str, Any] = {"docs": len(notes), "rounds": args.rounds, "load_before": load_before}
    for key in sorted(times):
        out[key] = summary(times[key])
    for op in ("insert_ms_per_doc", "update_ms_per_doc", "delete_ms_all"):
        out[f"ratio_{op}"] = round(out[f"triggers/{op}"]["p50_ms"] / out[f"none/{op}"]["p50_ms"], 2)
    out["load_after"] = [round(x, 2) for x in os.getloadavg()]
    await shutdown(container)
    return out


def main() -> None:
    run_cli(__doc__, run, {"rounds": 10, "docs": 50})


if __name__ == "__main__":
    main()
