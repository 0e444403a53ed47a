from __future__ import annotations

import datetime as dt

import pytest

from cma_core.scheduling import deadlines as dl
from cma_core.scheduling.calendar import WorkingCalendar
from cma_core.scheduling.deadlines import CountingRule, DeadlineKind
from cma_core.shared.errors import ValidationError

D = dt.date


def test_claim_response_rolls_past_christmas(ew: WorkingCalendar) -> None:
    # Served 11 Dec 2026: day 14 is Friday 25 Dec, a holiday; next court day is Tue 29 Dec.
    d = dl.claim_response_due(D(2026, 12, 11), ew)
    assert d.due == D(2026, 12, 29)
    assert d.counting is CountingRule.CALENDAR_DAYS
    assert "CPR" in d.source


def test_defence_28_days_from_particulars(ew: WorkingCalendar) -> None:
    assert dl.defence_due(D(2026, 6, 1), ew).due == D(2026, 6, 29)
    # 28 days after 8 Aug 2026 is Sat 5 Sep: rolls to Mon 7 Sep.
    assert dl.defence_due(D(2026, 8, 8), ew).due == D(2026, 9, 7)


def test_letter_of_claim_and_charging_order(ew: WorkingCalendar) -> None:
    assert dl.letter_of_claim_reply_due(D(2026, 1, 10)).due == D(2026, 2, 9)
    # Day 28 is Sunday 1 March: objections are made at court, so Monday 2 March.
    assert dl.charging_order_objection_due(D(2026, 2, 1), ew).due == D(2026, 3, 2)


def test_statutory_demand(ew: WorkingCalendar) -> None:
    set_aside, comply = dl.statutory_demand_deadlines(D(2026, 3, 1), ew)
    assert set_aside.due == D(2026, 3, 19)
    assert comply.due == D(2026, 3, 22)
    outside, _ = dl.statutory_demand_deadlines(D(2026, 3, 1), ew, served_outside_ew=True)
    assert outside.due == D(2026, 3, 23)


def test_enforcement_notice_is_earliest_visit(ew: WorkingCalendar) -> None:
    d = dl.enforcement_earliest_visit(D(2026, 1, 5), ew)
    assert d.due == D(2026, 1, 14)
    assert d.is_earliest
    assert d.counting is CountingRule.CLEAR_DAYS


def test_breathing_space_timeline(ew: WorkingCalendar) -> None:
    reg = dl.breathing_space_registration_due(D(2026, 12, 24), ew)
    assert reg.due == D(2026, 12, 29)
    start = dl.breathing_space_start(D(2026, 3, 1))
    assert start == D(2026, 3, 2)
    by_kind = {d.kind: d for d in dl.breathing_space_deadlines(start)}
    assert by_kind[DeadlineKind.BS_CREDITOR_REVIEW_REQUEST].due == D(2026, 3, 21)
    assert by_kind[DeadlineKind.BS_MIDWAY_REVIEW_OPENS].due == D(2026, 3, 27)
    assert by_kind[DeadlineKind.BS_MIDWAY_REVIEW_DUE].due == D(2026, 4, 5)
    assert by_kind[DeadlineKind.BS_CREDITOR_REVIEW_DECISION].due == D(2026, 4, 5)
    assert by_kind[DeadlineKind.BS_END].due == D(2026, 4, 30)
    with pytest.raises(ValidationError):
        dl.moratorium_day(start, 0)


def test_dro_moratorium_12_months() -> None:
    assert dl.dro_moratorium_end(D(2028, 2, 29)).due == D(2029, 2, 28)


@pytest.mark.parametrize(
    ("received", "due", "extended"),
    [
        # 31 Jan 2026 → no 31 Feb → 28 Feb (Sat) → Mon 2 Mar. Extended: 30 Apr (Thu).
        (D(2026, 1, 31), D(2026, 3, 2), D(2026, 4, 30)),
        # 31 Jan 2025 → 28 Feb 2025 is a Friday.
        (D(2025, 1, 31), D(2025, 2, 28), D(2025, 4, 30)),
        # 25 Nov 2026 → 25 Dec holiday → 29 Dec (26-27 weekend, 28 substitute).
        (D(2026, 11, 25), D(2026, 12, 29), D(2027, 2, 25)),
        # 30 Nov 2026 → 30 Dec (Wed); 3 months → 28 Feb 2027 is Sunday → Mon 1 Mar.
        (D(2026, 11, 30), D(2026, 12, 30), D(2027, 3, 1)),
    ],
)
def test_sar_due_dates(
    ew: WorkingCalendar, received: dt.date, due: dt.date, extended: dt.date
) -> None:
    first, ext = dl.sar_deadlines(received, ew)
    assert (first.due, ext.due) == (due, extended)
    assert first.counting is CountingRule.CALENDAR_MONTHS


def test_written_advice_and_case_review(ew: WorkingCalendar) -> None:
    d = dl.written_advice_due(D(2026, 12, 22), 5, ew)
    # 23, 24, 29, 30, 31 Dec (25, 28 holidays; weekend)
    assert d.due == D(2026, 12, 31)
    assert d.counting is CountingRule.BUSINESS_DAYS
    # 3 months after 28 Sep 2026 = 28 Dec (holiday) → brought back to Thu 24 Dec.
    assert dl.case_review_due(D(2026, 9, 28), 3, ew).due == D(2026, 12, 24)
    with pytest.raises(ValidationError):
        dl.written_advice_due(D(2026, 1, 1), -1, ew)
    with pytest.raises(ValidationError):
        dl.case_review_due(D(2026, 1, 1), 0, ew)
