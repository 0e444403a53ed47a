"""The in-memory case list rows (the read model's fake), joined to ``InMemoryUnitOfWork``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from cma_adapters.memory.scheduling import RepoBase
from cma_adapters.memory.uow import InMemoryUnitOfWork
from cma_core.cases.model import CaseStatus
from cma_core.readmodels.model import CaseListRow
from cma_core.readmodels.ports import CaseListRows
from cma_core.shared.ids import CaseId, ClientId, UserId
from cma_core.shared.uow import Page, UnitOfWork


class InMemoryCaseListRows(RepoBase, CaseListRows):
    table_name = "readmodels.case_list_rows"

    async def hold(self, case_id: CaseId) -> None:
        return None  # one event loop, and commits apply at once: writes are serial

    async def put(self, row: CaseListRow) -> None:
        self._own(row.centre_id, "case list row")
        self._stage((row.centre_id, row.case_id), row)

    async def get(self, case_id: CaseId) -> CaseListRow | None:
        row: CaseListRow | None = self._rows.get((self._centre, case_id))
        return row

    async def delete(self, case_ids: Collection[CaseId]) -> None:
        rows, keys = self._rows, [(self._centre, i) for i in case_ids]

        def apply() -> None:
            for key in keys:
                rows.pop(key, None)

        self._uow.staging.ops.append(apply)

    async def case_ids_of_client(self, client_id: ClientId) -> Sequence[CaseId]:
        return [r.case_id for r in self._mine() if r.client_id == client_id]

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        status: CaseStatus | None = None,
        adviser_id: UserId | None = None,
        client_id: ClientId | None = None,
        after: tuple[dt.datetime, CaseId] | None = None,
    ) -> Page[CaseListRow]:
        rows: list[CaseListRow] = [
            r
            for r in self._mine()
            if (status is None or r.status == status)
            and (adviser_id is None or r.adviser_id == adviser_id)
            and (client_id is None or r.client_id == client_id)
        ]
        rows.sort(key=lambda r: (r.opened_at, r.case_id), reverse=True)
        total = len(rows)
        if after is not None:
            rows = [r for r in rows if (r.opened_at, r.case_id) < after]
        return Page(items=rows[offset : offset + limit], total=total, limit=limit, offset=offset)

    async def clear(self) -> int:
        mine = [r.case_id for r in self._mine()]
        await self.delete(mine)
        return len(mine)

    async def oldest_unapplied(
        self, handler: str, events: Collection[str], *, limit_at: dt.datetime | None = None
    ) -> dt.datetime | None:
        db, centre = self._uow.db, self._centre
        pending = [
            env.occurred_at
            for env, _published in db.outbox.values()
            if env.centre_id == centre
            and env.name in events
            and env.event_id not in db.outbox_settled
            and (centre, env.event_id, handler) not in db.inbox
            and (limit_at is None or env.occurred_at <= limit_at)
        ]
        return min(pending, default=None)


def case_list_rows(uow: UnitOfWork) -> CaseListRows:
    return InMemoryCaseListRows(InMemoryUnitOfWork.of(uow))
