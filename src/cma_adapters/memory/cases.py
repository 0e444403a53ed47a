"""The in-memory case repository, joined to ``InMemoryUnitOfWork`` through ``cases``."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Collection

from cma_adapters.memory.uow import InMemoryUnitOfWork, Staging, stored_copy
from cma_core.cases.model import Case, CaseStatus
from cma_core.cases.ports import CaseRepository
from cma_core.shared.errors import CrossTenantAccess, StaleVersion
from cma_core.shared.ids import CaseId, ClientId, UserId
from cma_core.shared.uow import Page, UnitOfWork


class InMemoryCaseRepository(CaseRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow, self._db, self._centre = uow, uow.db, uow.centre_id

    @property
    def _st(self) -> Staging:
        return self._uow.staging

    async def add(self, case: Case) -> None:
        if case.centre_id != self._centre:
            raise CrossTenantAccess("case belongs to another centre")
        stored = stored_copy(case)
        self._st.ops.append(lambda: self._db.cases.__setitem__(case.id, stored))
        self._st.touched[case.id] = case

    async def get(self, case_id: CaseId, *, for_change: bool = False) -> Case | None:
        case = self._db.cases.get(case_id)
        if case is None or case.centre_id != self._centre:
            return None
        if for_change:
            # No row to lock: the other way round. Another unit of work that changed the
            # case (closed it) and committed meanwhile makes this one's commit stale.
            read = case.version

            def unchanged() -> None:
                now_stored = self._db.cases.get(case_id)
                actual = now_stored.version if now_stored else 0
                if actual != read:
                    raise StaleVersion("case", read, actual)

            self._st.checks.append(unchanged)
        return copy.deepcopy(case)

    async def existing(self, case_ids: Collection[CaseId]) -> set[CaseId]:
        found = (self._db.cases.get(i) for i in case_ids)
        return {c.id for c in found if c is not None and c.centre_id == self._centre}

    async def save(self, case: Case) -> None:
        if case.centre_id != self._centre:
            raise CrossTenantAccess("case belongs to another centre")
        expected = self._st.base_versions.setdefault(case.id, case.version)
        current = self._db.cases.get(case.id)
        if current is None or current.centre_id != self._centre:
            raise StaleVersion("case", expected, 0)
        case.version += 1
        stored = stored_copy(case)

        def check() -> None:
            now_stored = self._db.cases.get(case.id)
            actual = now_stored.version if now_stored else 0
            if actual != expected:
                raise StaleVersion("case", expected, actual)

        self._st.checks.append(check)
        self._st.ops.append(lambda: self._db.cases.__setitem__(case.id, stored))
        self._st.touched[case.id] = case

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        status: CaseStatus | None = None,
        adviser_id: UserId | None = None,
        client_id: ClientId | None = None,
        after: tuple[dt.datetime, CaseId] | None = None,
    ) -> Page[Case]:
        rows = [
            c
            for c in self._db.cases.values()
            if c.centre_id == self._centre
            and (status is None or c.status == status)
            and (adviser_id is None or c.adviser_id == adviser_id)
            and (client_id is None or c.client_id == client_id)
        ]
        rows.sort(key=lambda c: (c.opened_at, c.id), reverse=True)
        total = len(rows)
        if after is not None:
            rows = [c for c in rows if (c.opened_at, c.id) < after]
        items = []
        for c in rows[offset : offset + limit]:
            item = copy.deepcopy(c)
            item.notes = []
            items.append(item)
        return Page(items=items, total=total, limit=limit, offset=offset)

    async def next_reference_number(self) -> int:
        # Counters are not transactional in a real database either (a sequence): a gap
        # after a rollback is fine, a duplicate is not.
        number = self._db.counters.get(self._centre, 0) + 1
        self._db.counters[self._centre] = number
        return number


def cases(uow: UnitOfWork) -> CaseRepository:
    return InMemoryCaseRepository(InMemoryUnitOfWork.of(uow))
