from __future__ import annotations

import datetime as dt

import pytest

from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.scheduling.calendar import ClearDayRule, Roll, WorkingCalendar
from cma_core.shared.errors import ValidationError

from .holidays_fixture import TableHolidayProvider

D = dt.date


def test_christmas_2026_substitute_boxing_day(ew: WorkingCalendar) -> None:
    # 25 Dec 2026 is a Friday, Boxing Day a Saturday: the substitute is Monday 28 Dec.
    assert not ew.is_working_day(D(2026, 12, 25))
    assert not ew.is_working_day(D(2026, 12, 28))
    assert ew.is_working_day(D(2026, 12, 29))
    assert ew.add_business_days(D(2026, 12, 24), 1) == D(2026, 12, 29)
    assert ew.roll(D(2026, 12, 26)) == D(2026, 12, 29)


def test_scotland_has_2_january_and_ew_does_not(ew: WorkingCalendar, sco: WorkingCalendar) -> None:
    assert sco.add_business_days(D(2025, 12, 31), 1) == D(2026, 1, 5)
    assert ew.add_business_days(D(2025, 12, 31), 1) == D(2026, 1, 2)
    # 2 Jan 2027 is a Saturday: Scotland observes Monday 4 Jan.
    assert not sco.is_working_day(D(2027, 1, 4))
    assert ew.is_working_day(D(2027, 1, 4))


def test_northern_ireland_st_patricks_and_twelfth(ni: WorkingCalendar, ew: WorkingCalendar) -> None:
    assert not ni.is_working_day(D(2026, 3, 17))
    assert ew.is_working_day(D(2026, 3, 17))
    # 12 Jul 2026 is a Sunday: observed Monday 13 Jul; 12 Jul 2027 is itself a Monday.
    assert not ni.is_working_day(D(2026, 7, 13))
    assert not ni.is_working_day(D(2027, 7, 12))
    assert ni.add_business_days(D(2026, 7, 10), 1) == D(2026, 7, 14)


def test_business_days_skip_weekends_and_easter(ew: WorkingCalendar) -> None:
    # Thursday 2 Apr 2026 + 1 working day: Good Friday, weekend and Easter Monday are skipped.
    assert ew.add_business_days(D(2026, 4, 2), 1) == D(2026, 4, 7)
    assert ew.add_business_days(D(2026, 4, 7), -1) == D(2026, 4, 2)
    assert ew.business_days_between(D(2026, 4, 2), D(2026, 4, 7)) == 1
    assert ew.add_business_days(D(2026, 4, 4), 0) == D(2026, 4, 7)


def test_centre_closures_are_not_working_days() -> None:
    cal = WorkingCalendar.from_provider(
        TableHolidayProvider(), Jurisdiction.EW, [2026], closures=[D(2026, 12, 29)]
    )
    assert cal.add_business_days(D(2026, 12, 24), 1) == D(2026, 12, 30)
    # Closures do not delay an enforcement agent.
    assert cal.counts_as_clear_day(D(2026, 12, 29), ClearDayRule.EXCLUDE_SUNDAYS_AND_HOLIDAYS)


def test_roll_rules(ew: WorkingCalendar) -> None:
    sat = D(2026, 10, 31)
    assert ew.roll(sat, Roll.FOLLOWING) == D(2026, 11, 2)
    assert ew.roll(sat, Roll.PRECEDING) == D(2026, 10, 30)
    assert ew.roll(sat, Roll.MODIFIED_FOLLOWING) == D(2026, 10, 30)
    assert ew.roll(sat, Roll.NONE) == sat
    assert ew.add_calendar_days(D(2026, 10, 30), 1, Roll.FOLLOWING) == D(2026, 11, 2)


def test_clear_days_exclude_start_end_sundays_and_holidays(ew: WorkingCalendar) -> None:
    # Notice Mon 5 Jan 2026: clear days 6-10 and 12-13 Jan (Sunday 11th skipped).
    assert ew.add_clear_days(D(2026, 1, 5), 7) == D(2026, 1, 14)
    # Over Christmas 2026, counting 24, 26, 29, 30, 31 Dec, 2 and 4 Jan: 25 Dec, 28 Dec
    # (substitute), 1 Jan and the Sundays are skipped; Saturdays count.
    assert ew.add_clear_days(D(2026, 12, 23), 7) == D(2027, 1, 5)
    assert ew.add_clear_days(D(2026, 1, 5), 7, ClearDayRule.ALL_DAYS) == D(2026, 1, 13)
    assert ew.add_clear_days(D(2026, 1, 5), 2, ClearDayRule.BUSINESS_DAYS) == D(2026, 1, 8)
    with pytest.raises(ValidationError):
        ew.add_clear_days(D(2026, 1, 5), -1)


def test_provider_unknown_year_raises() -> None:
    with pytest.raises(LookupError):
        WorkingCalendar.from_provider(TableHolidayProvider(), Jurisdiction.EW, [2030])


def test_covers(ew: WorkingCalendar) -> None:
    assert ew.covers(D(2026, 6, 1))
    assert not ew.covers(D(2030, 6, 1))
