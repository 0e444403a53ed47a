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


def _deadlines(**fields: object) -> list[tuple[str, dt.date | None, dt.date | None]]:
    extraction = Extraction(confidence=0.9, source="rules", **fields)  # type: ignore[arg-type]
    ids = iter(range(1, 10))
    made = document_rules.suggest(
        extraction,
        make_document(),
        new_id=lambda: SuggestionId(uuid.UUID(int=next(ids))),
        now=NOW,
    )
    return [(s.kind.value, s.deadline, s.fact_date) for s in made if s.deadline is not None]


def test_a_letter_of_claim_gives_thirty_days_from_its_date() -> None:
    got = _deadlines(document_class=DocumentClass.LETTER_OF_CLAIM, letter_date=D(2026, 3, 2))
    assert got == [("letter_of_claim_deadline", D(2026, 4, 1), D(2026, 3, 2))]
    assert PERIODS[DeadlineKind.LETTER_OF_CLAIM_REPLY].amount == 30


def test_a_printed_date_of_service_beats_issue_date_plus_five() -> None:
    issued, served = D(2026, 3, 2), D(2026, 3, 9)
    got = _deadlines(
        document_class=DocumentClass.COURT_CLAIM_N1, letter_date=issued, served_date=served
    )
    assert got == [("court_claim_deadline", D(2026, 3, 23), served)]
    without = _deadlines(document_class=DocumentClass.COURT_CLAIM_N1, letter_date=issued)
    assert without == [("court_claim_deadline", D(2026, 3, 21), D(2026, 3, 7))]


def test_a_creditor_letters_printed_date_is_a_response_deadline_but_a_judgments_is_not() -> None:
    got = _deadlines(document_class=DocumentClass.CREDITOR_LETTER, deadline_date=D(2026, 5, 1))
    assert got == [("response_deadline", D(2026, 5, 1), None)]
    assert _deadlines(document_class=DocumentClass.CREDITOR_LETTER) == []
    judgment = _deadlines(
        document_class=DocumentClass.COUNTY_COURT_JUDGMENT, deadline_date=D(2026, 5, 1)
    )
    assert judgment == []
