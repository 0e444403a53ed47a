"""The work queue's write-side merge (``WorkQueueQuery._with_write_side``: the queue read
while the projection is behind the caller's own write), before and after.

Before, each page read every stored item of the user (page after page of 1,000) to merge
the scopes read afresh into them, count the sections and cut the page: walking a queue of
``n`` items ``limit`` at a time read ``n`` items a page, ``n²/limit`` in all. After, a page
asks the store for the page itself and the counts with the behind scopes left out
(``WorkQueueItems.list``/``counts`` with ``without``) and merges the few fresh items into
it: ``limit`` items a page, whatever the queue's length.

Both run in the same process on the same fresh PostgreSQL database: one user with
``--items`` stored items over ``--scopes`` scopes, one scope behind (its items read
afresh: here the same items, so both walks must agree item for item). Each walk reads the
whole queue ``--limit`` at a time by cursor; ``--repeat`` walks each, alternating, the
median reported with the ratio.

    .venv/bin/python -m benchmarks.work_queue_behind --items 2000
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.contracts.test_repositories import T0, new_centre, sqlalchemy_backend

from benchmarks.projection_lag import _drop, _pg_database
from cma_adapters.sqlalchemy.migrate import upgrade
from cma_core.readmodels.model import WorkItem, WorkSection
from cma_core.readmodels.ports import WorkQueueItems
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.uow import UnitOfWork

USER = UserId(uuid.uuid4())
_Key = tuple[dt.datetime, uuid.UUID]


def _key(i: WorkItem) -> _Key:
    return (i.at, i.item_id)


def _item(centre: CentreId, scope: uuid.UUID, n: int) -> WorkItem:
    return WorkItem(
        centre_id=centre, user_id=USER, section=list(WorkSection)[n % len(WorkSection)],
        item_id=uuid.uuid4(), scope_id=scope, case_id=CaseId(scope),
        at=T0 + dt.timedelta(minutes=7 * n), title=f"C-{n:06d}: ring the creditor",
        label="high", case_reference=f"C-{n:06d}",
    )  # fmt: skip


async def _before(
    items: WorkQueueItems, behind: set[uuid.UUID], fresh: list[WorkItem], limit: int,
    after: _Key | None,
) -> tuple[list[WorkItem], int]:  # fmt: skip
    """The merge as it was: every stored page read for every page served."""
    stored: list[WorkItem] = []
    last: _Key | None = None
    while True:
        page = await items.list(USER, limit=1000, after=last)
        stored += page.items
        if len(page.items) < 1000:
            break
        last = _key(page.items[-1])
    merged = sorted([i for i in stored if i.scope_id not in behind] + fresh, key=_key)
    counts = {s: sum(1 for i in merged if i.section is s) for s in WorkSection}
    chosen = merged if after is None else [i for i in merged if _key(i) > after]
    return chosen[:limit], sum(counts.values())


async def _after(
    items: WorkQueueItems, behind: set[uuid.UUID], fresh: list[WorkItem], limit: int,
    after: _Key | None,
) -> tuple[list[WorkItem], int]:  # fmt: skip
    """The merge as it is: the page and the counts from the store, behind scopes left out."""
    stored = await items.list(USER, limit=limit, after=after, without=behind)
    counts = await items.counts(USER, without=behind)
    for i in fresh:
        counts[i.section] += 1
    chosen = fresh if after is None else [i for i in fresh if _key(i) > after]
    return sorted([*stored.items, *chosen], key=_key)[:limit], sum(counts.values())


_Merge = Callable[
    [WorkQueueItems, set[uuid.UUID], list[WorkItem], int, _Key | None],
    Awaitable[tuple[list[WorkItem], int]],
]


async def _run(url: str, n: int, scopes: int, limit: int, repeat: int) -> dict[str, float]:
    backends = sqlalchemy_backend(url)
    base = await anext(backends)
    try:
        centre = await new_centre(base)
        repo = base.find("work_queue_items")["work_queue_items"]
        ids = [uuid.uuid4() for _ in range(scopes)]
        by_scope: dict[uuid.UUID, list[WorkItem]] = {s: [] for s in ids}
        for k in range(n):
            by_scope[ids[k % scopes]].append(_item(centre, ids[k % scopes], k))
        async with base.uow(centre) as uow:
            for scope, its in by_scope.items():
                await repo(uow).replace(scope, its)
            await uow.commit()
        behind = {ids[0]}
        fresh = list(by_scope[ids[0]])

        async def walk(merge: _Merge) -> list[uuid.UUID]:
            seen: list[uuid.UUID] = []
            after: _Key | None = None
            while True:
                uow: UnitOfWork
                async with base.uow(centre) as uow:
                    page, total = await merge(repo(uow), behind, fresh, limit, after)
                assert total == n, f"{total} counted of {n}"
                seen += [i.item_id for i in page]
                if len(page) < limit:
                    return seen
                after = _key(page[-1])

        walks: dict[str, _Merge] = {"before": _before, "after": _after}
        first = {name: await walk(m) for name, m in walks.items()}
        assert first["before"] == first["after"], "the two walks disagree"
        assert len(first["after"]) == n == len(set(first["after"]))
        times: dict[str, list[float]] = {name: [] for name in walks}
        for _ in range(repeat):
            for name, merge in walks.items():
                started = time.perf_counter()
                await walk(merge)
                times[name].append(time.perf_counter() - started)
        return {name: statistics.median(t) for name, t in times.items()}
    finally:
        await backends.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--scopes", type=int, default=200)
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    name, url = _pg_database()
    try:
        upgrade(url)
        medians = asyncio.run(_run(url, args.items, args.scopes, args.limit, args.repeat))
    finally:
        _drop(name)
    pages = -(-args.items // args.limit) + (args.items % args.limit == 0)
    before, after = medians["before"], medians["after"]
    print(
        f"{args.items} stored items over {args.scopes} scopes, one behind; the whole queue "
        f"walked {args.limit} a page ({pages} pages), median of {args.repeat}:\n"
        f"  before (every stored item read a page) {1000 * before:8.1f} ms "
        f"({1000 * before / pages:6.1f} ms a page)\n"
        f"  after  (the page and counts from the store) {1000 * after:5.1f} ms "
        f"({1000 * after / pages:6.1f} ms a page): ratio {before / after:5.1f}x"
    )


if __name__ == "__main__":
    main()
