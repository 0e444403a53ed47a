"""Two reads of a case's suggestions that need little of them, before and after:

- **references**: reading a document asks which account references the case's earlier
  suggestions named (``DocumentService.record_reading``: a reference suggested once is not
  suggested again);
- **waiting**: the work queue's read model, refreshed on every event of a case, lists its
  pending suggestions (id, kind, when) as "documents waiting for review".

Before, each listed every suggestion concerned, page by page, and opened it whole — its
sealed fields and its sealed evidence (the page's words and boxes, the alternatives).
After: ``SuggestionRepository.account_references`` reads the references' columns only
(``sealed`` opened, the evidence never read); ``SuggestionRepository.waiting`` reads id,
kind and time (nothing opened).

Both run in the same process on the same fresh PostgreSQL database (sealed with the
in-memory key manager, as the contract tests), a case holding ``--suggestions``
suggestions, each with the evidence a statement line or a letter carries (``--evidence``
entries); ``--repeat`` reads each, alternating, the median reported with the ratio.

    .venv/bin/python -m benchmarks.suggestion_reads --suggestions 400
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.contracts.test_document_repositories import DocBackend, make_document, make_suggestion
from tests.contracts.test_repositories import (
    make_case,
    make_client,
    new_centre,
    sqlalchemy_backend,
)

from benchmarks.projection_lag import _drop, _pg_database
from cma_adapters.sqlalchemy import documents as sql
from cma_adapters.sqlalchemy.migrate import upgrade
from cma_core.documents.model import Box, FieldEvidence, SuggestionStatus
from cma_core.shared.paging import every_item


def _evidence(n: int) -> tuple[FieldEvidence, ...]:
    return tuple(
        FieldEvidence(
            field="creditor_name" if i % 2 else "balance",
            value=f"Value {i} read from the page",
            page=1 + i // 6,
            box=Box(left=40 + i, top=100 + 24 * i, width=320, height=22),
            label="Amount now due" if i % 2 else "Creditor",
            role="creditor",
            score=1.0 + i / 10,
            chosen=i == 0,
        )
        for i in range(n)
    )


async def _run(url: str, suggestions: int, evidence: int, repeat: int) -> dict[str, float]:
    backends = sqlalchemy_backend(url)
    base = await anext(backends)
    try:
        b = DocBackend(base, sql.documents, sql.suggestions, sql.examples)
        return await _measure(b, suggestions, evidence, repeat)
    finally:
        await backends.aclose()


async def _measure(b: DocBackend, suggestions: int, evidence: int, repeat: int) -> dict[str, float]:
    base = b.base
    centre = await new_centre(base)
    async with base.uow(centre) as uow:
        client = make_client(centre)
        await base.clients(uow).add(client)
        case = make_case(centre, client.id)
        await base.cases(uow).add(case)
        await uow.commit()
    doc = make_document(centre, case.id)
    async with base.uow(centre) as uow:
        await b.documents(uow).add(doc)
        for i in range(suggestions):
            s = attrs.evolve(
                make_suggestion(doc),
                account_reference=f"REF-{i:06d}",
                evidence=_evidence(evidence),
            )
            s.announce()
            await b.suggestions(uow).add(s)
        await uow.commit()

    async def references_whole() -> list[Any]:
        async with base.uow(centre) as uow:
            repo = b.suggestions(uow)
            known = await every_item(
                lambda limit, offset: repo.list(case_id=case.id, limit=limit, offset=offset),
                200,
            )
            return [
                s.account_reference
                for s in known
                if s.account_reference and s.status is not SuggestionStatus.REJECTED
            ]

    async def references_narrow() -> list[Any]:
        async with base.uow(centre) as uow:
            return list(await b.suggestions(uow).account_references(case_id=case.id))

    async def waiting_whole() -> list[Any]:
        async with base.uow(centre) as uow:
            repo = b.suggestions(uow)
            pending = await every_item(
                lambda limit, offset: repo.list(
                    case_id=case.id, limit=limit, offset=offset, status=SuggestionStatus.PENDING
                ),
                1000,
            )
            return [(s.id, s.kind, s.created_at) for s in pending]

    async def waiting_narrow() -> list[Any]:
        async with base.uow(centre) as uow:
            waiting = await b.suggestions(uow).waiting(case_id=case.id)
            return [(w.id, w.kind, w.created_at) for w in waiting]

    reads: dict[str, Callable[[], Awaitable[list[Any]]]] = {
        "references, whole": references_whole,
        "references, narrow": references_narrow,
        "waiting, whole": waiting_whole,
        "waiting, narrow": waiting_narrow,
    }
    for what in ("references", "waiting"):
        whole, narrow = await reads[f"{what}, whole"](), await reads[f"{what}, narrow"]()
        assert whole == narrow, f"the two {what} reads disagree"
        assert len(whole) == suggestions, f"{what}: {len(whole)} of {suggestions}"
    times: dict[str, list[float]] = {name: [] for name in reads}
    for _ in range(repeat):
        for name, read in reads.items():
            started = time.perf_counter()
            await read()
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(t) for name, t in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--suggestions", type=int, default=400)
    parser.add_argument("--evidence", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    name, url = _pg_database()
    try:
        upgrade(url)
        medians = asyncio.run(_run(url, args.suggestions, args.evidence, args.repeat))
    finally:
        _drop(name)
    print(
        f"{args.suggestions} suggestions, {args.evidence} evidence entries each, "
        f"median of {args.repeat}:"
    )
    for what, after in (("references", "account_references"), ("waiting", "waiting")):
        whole, narrow = medians[f"{what}, whole"], medians[f"{what}, narrow"]
        print(
            f"  {what:10} every suggestion opened whole {1000 * whole:7.1f} ms, "
            f"{after} {1000 * narrow:6.1f} ms: ratio {whole / narrow:5.1f}x"
        )


if __name__ == "__main__":
    main()
