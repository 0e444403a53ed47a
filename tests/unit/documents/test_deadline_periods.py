"""A letter's deadline and the case clock count the same periods (one home:
``scheduling.deadlines.PERIODS``), so accepting a suggestion's fact date makes the clock
derive the date printed on the letter again."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from cma_core.documents import rules as document_rules
from cma_core.documents.model import DocumentClass, Extraction, SuggestionId
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.scheduling.calendar import WorkingCalendar
from cma_core.scheduling.deadlines import (
    PERIODS,
    DeadlineKind,
    claim_response_due,
    statutory_demand_deadlines,
)

from .test_model import NOW, make_document

D = dt.date


def test_documents_read_the_clocks_periods() -> None:
    assert document_rules.N1_RESPONSE_DAYS == PERIODS[DeadlineKind.CLAIM_RESPONSE].amount == 14
    assert (
        document_rules.STATUTORY_DEMAND_SET_ASIDE_DAYS
        == PERIODS[DeadlineKind.STATUTORY_DEMAND_SET_ASIDE].amount
        == 18
    )
    assert (
        document_rules.ENFORCEMENT_NOTICE_CLEAR_DAYS
        == PERIODS[DeadlineKind.ENFORCEMENT_EARLIEST_VISIT].amount
        == 7
    )


def _suggested(document_class: DocumentClass, printed: dt.date) -> tuple[dt.date, dt.date]:
    extraction = Extraction(
        document_class=document_class,
        confidence=0.9,
        source="rules",
        deadline_date=printed,
    )
    ids = iter(range(1, 10))
    [deadline] = document_rules.suggest(
        extraction,
        make_document(),
        new_id=lambda: SuggestionId(uuid.UUID(int=next(ids))),
        now=NOW,
    )
    assert deadline.deadline is not None
    assert deadline.fact_date is not None
    return deadline.deadline, deadline.fact_date


@pytest.mark.parametrize("printed", [D(2026, 3, 4), D(2026, 6, 17), D(2026, 11, 25)])
def test_a_printed_deadline_round_trips_through_the_case_clock(printed: dt.date) -> None:
    calendar = WorkingCalendar(jurisdiction=Jurisdiction.EW)
    due, served = _suggested(DocumentClass.COURT_CLAIM_N1, printed)
    assert claim_response_due(served, calendar).due == due == printed
    due, served = _suggested(DocumentClass.STATUTORY_DEMAND, printed)
    assert statutory_demand_deadlines(served, calendar)[0].due == due == printed
