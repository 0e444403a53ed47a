"""In-memory record tables behind the debt-advice areas' repositories.

Each repository keeps its records in one named table of the shared ``InMemoryDatabase``
and stages writes through the unit of work, so they commit (or roll back) with everything
else. Reads hand out deep copies. The contract suite holds them to what SQL does.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from cma_adapters.memory.uow import InMemoryUnitOfWork
from cma_core.shared.errors import Conflict, CrossTenantAccess, StaleVersion
from cma_core.shared.ids import CaseId

R = TypeVar("R")


class RecordTable(Generic[R]):
    """One table of records that have ``id``, ``centre_id``, ``version``, ``created_at``."""

    def __init__(self, uow: InMemoryUnitOfWork, name: str, entity: str) -> None:
        self._uow, self._name, self._entity = uow, name, entity

    @property
    def _rows(self) -> dict[Any, Any]:
        return self._uow.db.table(f"advice.{self._name}")

    def _own(self, rec: Any) -> None:
        if rec.centre_id != self._uow.centre_id:
            raise CrossTenantAccess(f"{self._entity} belongs to another centre")

    def add(self, rec: R) -> None:
        self._own(rec)
        st = self._uow.staging
        key = (self._name, getattr(rec, "id"))  # noqa: B009 - R is any record type
        pending = st.base_versions
        if getattr(rec, "id") in self._rows or key in pending:  # noqa: B009
            raise Conflict(f"{self._entity} already exists")
        # Marks the id as taken by this unit of work (the database's primary key does).
        pending[key] = 0
        stored = copy.deepcopy(rec)
        rec_id = getattr(rec, "id")  # noqa: B009

        def check() -> None:
            if rec_id in self._rows:
                raise Conflict(f"{self._entity} already exists")

        st.checks.append(check)
        st.ops.append(lambda: self._rows.__setitem__(rec_id, stored))

    def get(self, rec_id: Any) -> R | None:
        rec = self._rows.get(rec_id)
        if rec is None or rec.centre_id != self._uow.centre_id:
            return None
        return copy.deepcopy(rec)  # type: ignore[no-any-return]

    def where(self, keep: Callable[[Any], bool], order: Callable[[Any], Any]) -> list[R]:
        rows = [r for r in self._rows.values() if r.centre_id == self._uow.centre_id and keep(r)]
        rows.sort(key=order)
        return [copy.deepcopy(r) for r in rows]

    def _expect(self, rec: Any) -> int:
        key = (self._name, rec.id, "saved")
        return self._uow.staging.base_versions.setdefault(key, rec.version)

    def _current_version(self, rec_id: Any) -> int:
        now = self._rows.get(rec_id)
        if now is None or now.centre_id != self._uow.centre_id:
            return 0
        return int(now.version)

    def save(self, rec: R) -> None:
        self._own(rec)
        r: Any = rec
        expected = self._expect(r)
        if self._current_version(r.id) != expected:
            raise StaleVersion(self._entity, expected, self._current_version(r.id))
        r.version += 1
        stored = copy.deepcopy(rec)
        rec_id = r.id

        def check() -> None:
            actual = self._current_version(rec_id)
            if actual != expected:
                raise StaleVersion(self._entity, expected, actual)

        self._uow.staging.checks.append(check)
        self._uow.staging.ops.append(lambda: self._rows.__setitem__(rec_id, stored))

    def remove(self, rec: R) -> None:
        self._own(rec)
        r: Any = rec
        actual = self._current_version(r.id)
        if actual != r.version:
            raise StaleVersion(self._entity, r.version, actual)
        rec_id, expected = r.id, r.version

        def check() -> None:
            now = self._current_version(rec_id)
            if now != expected:
                raise StaleVersion(self._entity, expected, now)

        self._uow.staging.checks.append(check)
        self._uow.staging.ops.append(lambda: self._rows.pop(rec_id, None))


def by_created(rec: Any) -> Any:
    return (rec.created_at, rec.id)


def in_case(case_id: CaseId) -> Callable[[Any], bool]:
    return lambda r: r.case_id == case_id
