"""Request and response shapes of advice records, letters and letter templates."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from msgspec import Struct

from cma_core.advice.ports import AdviceRecord, Letter
from cma_core.shared.data import to_data
from cma_entrypoints.http.common.schemas import PageOf, from_attributes


class AdviceIn(Struct, forbid_unknown_fields=True):
    on_date: dt.date
    recommended: str | None
    reasons: str
    jurisdiction: str | None = None
    risks: str | None = None
    next_steps: str | None = None
    monthly_payment_pence: int | None = None
    expected_term_months: int | None = None
    client_decision: str = "undecided"
    decision_notes: str | None = None


class DecisionIn(Struct, forbid_unknown_fields=True):
    client_decision: str
    decision_notes: str | None = None


class LetterIn(Struct, forbid_unknown_fields=True):
    kind: str
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


class TemplateIn(Struct, forbid_unknown_fields=True):
    subject: str
    body: str


class TemplateOut(Struct):
    kind: str
    subject: str
    body: str
    is_default: bool
    version: int


class TemplatePage(PageOf[TemplateOut]):
    items: list[TemplateOut]


class LetterPage(PageOf[LetterOut]):
    items: list[LetterOut]


def advice_out(a: AdviceRecord) -> dict[str, Any]:
    out: dict[str, Any] = to_data(a)
    return out
