"""Ports of the solutions area: saved appraisals and offer plans."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Protocol

from attrs import define

from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.solutions.model import Appraisal


@define(kw_only=True)
class AppraisalRecord:
    """A saved options appraisal (the facts as they were, judged on ``on_date``)."""

    id: uuid.UUID
    centre_id: CentreId
    case_id: CaseId
    appraisal: Appraisal
    created_at: dt.datetime
    created_by: UserId | None
    version: int = 1


class AppraisalRepository(Protocol):
    async def add(self, record: AppraisalRecord) -> None: ...

    async def get(self, appraisal_id: uuid.UUID) -> AppraisalRecord | None: ...

    async def list_for_case(self, case_id: CaseId) -> Sequence[AppraisalRecord]:
        """Saved appraisals of the case, oldest first."""
        ...
