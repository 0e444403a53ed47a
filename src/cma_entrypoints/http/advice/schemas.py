"""Request and response shapes of advice records, letters and letter templates."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from msgspec import Struct

from cma_core.advice.ports import AdviceRecord, ClientDecision, Letter, LetterKind
from cma_core.advice.service import TemplateView
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.data import to_data
from cma_core.solutions.model import Solution
from cma_entrypoints.http.common.schemas import (
    Count,
    Day,
    Input,
    LongText,
    Name,
    PageOf,
    Pence,
    Text,
    from_attributes,
)


class AdviceIn(Input):
    on_date: Day
    recommended: Solution | None
    reasons: LongText
    jurisdiction: Jurisdiction | None = None
    risks: LongText | None = None
    next_steps: LongText | None = None
    monthly_payment_pence: Pence | None = None
    expected_term_months: Count | None = None
    client_decision: ClientDecision = ClientDecision.UNDECIDED
    decision_notes: LongText | None = None


class DecisionIn(Input):
    client_decision: ClientDecision
    decision_notes: LongText | None = None


class LetterIn(Input):
    kind: LetterKind
    debt_id: uuid.UUID | None = None


class LetterOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    kind: str
    debt_id: uuid.UUID | None
    subject: str
    html: str
    template_version: int | None
    created_at: dt.datetime
    sent_at: dt.datetime | None
    version: int

    @classmethod
    def of(cls, x: Letter) -> LetterOut:
        return from_attributes(
            cls,
            x,
            kind=x.kind.value,
        )


class TemplateIn(Input):
    subject: Name
    body: Text


class TemplateOut(Struct):
    kind: str
    subject: str
    body: str
    is_default: bool
    version: int

    @classmethod
    def of(cls, v: TemplateView) -> TemplateOut:
        return cls(
            kind=v.kind.value,
            subject=v.subject,
            body=v.body,
            is_default=v.is_default,
            version=v.version,
        )


class TemplatePage(PageOf[TemplateOut]):
    items: list[TemplateOut]


class LetterPage(PageOf[LetterOut]):
    items: list[LetterOut]


def advice_out(a: AdviceRecord) -> dict[str, Any]:
    out: dict[str, Any] = to_data(a)
    return out
