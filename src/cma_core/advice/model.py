"""The advice area's events: advice recorded on a case, and a letter sent."""

from __future__ import annotations

import uuid

from attrs import frozen

from cma_core.shared.events import DomainEvent
from cma_core.shared.ids import CaseId, UserId


@frozen(kw_only=True)
class AdviceRecorded(DomainEvent):
    name = "AdviceRecorded"
    case_id: CaseId
    advice_id: uuid.UUID
    recommended: str | None
    recorded_by: UserId | None


@frozen(kw_only=True)
class LetterSent(DomainEvent):
    name = "LetterSent"
    case_id: CaseId
    letter_id: uuid.UUID
    kind: str
    sent_by: UserId | None
