"""``add_months`` / ``add_years``: the one implementation of calendar-month arithmetic.

Scheduling (SAR due dates, the DRO moratorium, case reviews), compliance (CR-15, CR-20 …
CR-22), limitation and the appraisal all count months with ``cma_core.reference.periods``.
The cases below merge the two tables that pinned the two former copies (scheduling's and
reference's), which agreed on every date from 2019 to 2030 for -40 … +40 months.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pytest

from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.periods import add_months, add_years
from cma_core.scheduling.calendar import Roll, WorkingCalendar

D = dt.date


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2023, 1, 31), 1, D(2023, 2, 28)),
        (D(2026, 3, 31), 1, D(2026, 4, 30)),
        (D(2026, 12, 15), 1, D(2027, 1, 15)),
        (D(2024, 12, 15), 1, D(2025, 1, 15)),
        (D(2026, 11, 30), 3, D(2027, 2, 28)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2024, 3, 31), -1, D(2024, 2, 29)),
        (D(2024, 5, 10), 12, D(2025, 5, 10)),
    ],
)
def test_add_months(start: dt.date, months: int, end: dt.date) -> None:
    assert add_months(start, months) == end


def test_add_years_from_29_february() -> None:
    assert add_years(D(2020, 2, 29), 6) == D(2026, 2, 28)
    assert add_years(D(2020, 2, 29), 4) == D(2024, 2, 29)


def _month_ends(first_year: int, last_year: int) -> list[dt.date]:
    return [
        D(year, month, calendar.monthrange(year, month)[1])
        for year in range(first_year, last_year + 1)
        for month in range(1, 13)
    ]


@pytest.mark.parametrize("months", [-13, -1, 1, 2, 3, 6, 12, 24])
def test_month_ends_clamp_to_the_target_months_last_day(months: int) -> None:
    for start in _month_ends(2023, 2029):
        end = add_months(start, months)
        last = calendar.monthrange(end.year, end.month)[1]
        assert end.day == min(start.day, last)
        assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months


def test_the_working_calendar_counts_months_with_the_same_function() -> None:
    cal = WorkingCalendar(jurisdiction=Jurisdiction.EW)
    for start in _month_ends(2024, 2026):
        for months in (1, 3, 12):
            assert cal.add_months(start, months, Roll.NONE) == add_months(start, months)
