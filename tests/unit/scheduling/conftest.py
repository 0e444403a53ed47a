from __future__ import annotations

import pytest

from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.scheduling.calendar import WorkingCalendar

from .holidays_fixture import TableHolidayProvider


def _calendar(jurisdiction: Jurisdiction) -> WorkingCalendar:
    return WorkingCalendar.from_provider(TableHolidayProvider(), jurisdiction, [2025, 2026, 2027])


@pytest.fixture
def ew() -> WorkingCalendar:
    return _calendar(Jurisdiction.EW)


@pytest.fixture
def sco() -> WorkingCalendar:
    return _calendar(Jurisdiction.SCO)


@pytest.fixture
def ni() -> WorkingCalendar:
    return _calendar(Jurisdiction.NI)
