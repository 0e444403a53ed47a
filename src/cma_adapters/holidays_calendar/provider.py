"""``HolidayProvider`` over the ``holidays`` package's United Kingdom subdivisions.

England & Wales (EW) share one set of bank holidays; CMA reads ``ENG`` and checks it
against ``WLS`` would be redundant (the library defines them identically). Scotland is
``SCT``, Northern Ireland ``NIR``.

Only days *observed* on a weekday are returned: when a holiday falls on a weekend the
library lists both the day itself and the substitute Monday; GOV.UK lists only the
substitute, and a weekend day is never a working day anyway.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays

from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.scheduling.ports import HolidayProvider

SUBDIVISION = {Jurisdiction.EW: "ENG", Jurisdiction.SCO: "SCT", Jurisdiction.NI: "NIR"}

# The library computes any year by rule; outside this window one-off days (jubilees,
# coronations, state funerals) cannot be known, so refuse rather than guess.
FIRST_YEAR = 1975
LAST_YEAR = 2099


@lru_cache(maxsize=256)
def _observed(subdivision: str, year: int) -> frozenset[dt.date]:
    table = holidays.country_holidays("GB", subdiv=subdivision, years=year, categories=("public",))
    return frozenset(day for day in table if day.weekday() < 5)


class HolidaysLibraryProvider(HolidayProvider):
    """Bank holidays for one UK jurisdiction and year, from the ``holidays`` package."""

    def bank_holidays(self, jurisdiction: Jurisdiction, year: int) -> frozenset[dt.date]:
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise LookupError(f"no bank holiday table for {year}")
        return _observed(SUBDIVISION[jurisdiction], year)
