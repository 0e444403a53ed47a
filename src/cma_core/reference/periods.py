"""Calendar arithmetic for periods expressed in years and months.

Legal periods end on the same calendar date; when that date does not exist (29 February,
31 April) the period ends on the last day of the month instead, which is how the courts
and the ICO count "one month" and how anniversaries of 29 February are usually taken.
"""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(start: dt.date, months: int) -> dt.date:
    """``start`` plus ``months`` calendar months, clamped to the month's last day."""
    index = start.year * 12 + (start.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(start.day, last))


def add_years(start: dt.date, years: int) -> dt.date:
    """``start`` plus ``years`` years (29 February becomes 28 February)."""
    return add_months(start, 12 * years)
