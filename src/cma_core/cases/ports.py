"""Ports of the cases area: the case repository."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Protocol

from cma_core.cases.model import Case, CaseStatus
from cma_core.shared.ids import CaseId, ClientId, UserId
from cma_core.shared.uow import Page


class CaseRepository(Protocol):
    async def add(self, case: Case) -> None:
        """Stage a new case. Raises ``CrossTenantAccess`` for another centre's case."""
        ...

    async def get(self, case_id: CaseId, *, for_change: bool = False) -> Case | None:
        """The case with its notes, or ``None`` if it does not exist in this centre.

        ``for_change``: the unit of work is about to change what hangs off the case (add a
        debt, book an appointment) on the strength of what the case says now (that it is
        open). Until the unit of work ends, another one changing the case (closing it)
        waits for it, and this read waits for one already changing it, so no close can
        fall between the check and the commit (PostgreSQL: ``FOR NO KEY UPDATE`` of the
        case's row; SQLite: its one connection queues units of work whole). A store with
        no lock to take (in memory) refuses instead: a change of the case committed
        meanwhile makes this unit of work's commit raise ``StaleVersion``."""
        ...

    async def existing(self, case_ids: Collection[CaseId]) -> set[CaseId]:
        """Those of these cases that exist in this centre (read committed, nothing else of
        them read): what a copy written outside the database asks after its write, to
        take back a case erased meanwhile."""
        ...

    async def save(self, case: Case) -> None:
        """Persist changes (status, adviser, new notes) and bump ``version``.

        Raises ``StaleVersion`` if the stored version is not ``case.version``.
        """
        ...

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
        """Cases of this centre, most recently opened first (then by id, descending),
        without their notes; with ``after``, only those after that ``(opened_at, id)``
        (keyset pagination)."""
        ...

    async def next_reference_number(self) -> int:
        """A number for the next case reference, unique within this centre."""
        ...
