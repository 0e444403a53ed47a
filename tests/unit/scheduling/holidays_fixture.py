"""Actual UK bank holidays 2025-2027 (GOV.UK), as observed (substitute days included).

A hard-coded stand-in for the ``HolidayProvider`` adapter, so the core's tests need no
holiday library or network.
"""

from __future__ import annotations

import datetime as dt

from cma_core.reference.jurisdiction import Jurisdiction

D = dt.date

BANK_HOLIDAYS: dict[Jurisdiction, dict[int, frozenset[dt.date]]] = {
    Jurisdiction.EW: {
        2025: frozenset(
            {
                D(2025, 1, 1),
                D(2025, 4, 18),
                D(2025, 4, 21),
                D(2025, 5, 5),
                D(2025, 5, 26),
                D(2025, 8, 25),
                D(2025, 12, 25),
                D(2025, 12, 26),
            }
        ),
        2026: frozenset(
            {
                D(2026, 1, 1),
                D(2026, 4, 3),
                D(2026, 4, 6),
                D(2026, 5, 4),
                D(2026, 5, 25),
                D(2026, 8, 31),
                D(2026, 12, 25),
                D(2026, 12, 28),
            }
        ),
        2027: frozenset(
            {
                D(2027, 1, 1),
                D(2027, 3, 26),
                D(2027, 3, 29),
                D(2027, 5, 3),
                D(2027, 5, 31),
                D(2027, 8, 30),
                D(2027, 12, 27),
                D(2027, 12, 28),
            }
        ),
    },
    Jurisdiction.SCO: {
        2025: frozenset(
            {
                D(2025, 1, 1),
                D(2025, 1, 2),
                D(2025, 4, 18),
                D(2025, 5, 5),
                D(2025, 5, 26),
                D(2025, 8, 4),
                D(2025, 12, 1),
                D(2025, 12, 25),
                D(2025, 12, 26),
            }
        ),
        2026: frozenset(
            {
                D(2026, 1, 1),
                D(2026, 1, 2),
                D(2026, 4, 3),
                D(2026, 5, 4),
                D(2026, 5, 25),
                D(2026, 8, 3),
                D(2026, 11, 30),
                D(2026, 12, 25),
                D(2026, 12, 28),
            }
        ),
        2027: frozenset(
            {
                D(2027, 1, 1),
                D(2027, 1, 4),
                D(2027, 3, 26),
                D(2027, 5, 3),
                D(2027, 5, 31),
                D(2027, 8, 2),
                D(2027, 11, 30),
                D(2027, 12, 27),
                D(2027, 12, 28),
            }
        ),
    },
    Jurisdiction.NI: {
        2025: frozenset(
            {
                D(2025, 1, 1),
                D(2025, 3, 17),
                D(2025, 4, 18),
                D(2025, 4, 21),
                D(2025, 5, 5),
                D(2025, 5, 26),
                D(2025, 7, 14),
                D(2025, 8, 25),
                D(2025, 12, 25),
                D(2025, 12, 26),
            }
        ),
        2026: frozenset(
            {
                D(2026, 1, 1),
                D(2026, 3, 17),
                D(2026, 4, 3),
                D(2026, 4, 6),
                D(2026, 5, 4),
                D(2026, 5, 25),
                D(2026, 7, 13),
                D(2026, 8, 31),
                D(2026, 12, 25),
                D(2026, 12, 28),
            }
        ),
        2027: frozenset(
            {
                D(2027, 1, 1),
                D(2027, 3, 17),
                D(2027, 3, 26),
                D(2027, 3, 29),
                D(2027, 5, 3),
                D(2027, 5, 31),
                D(2027, 7, 12),
                D(2027, 8, 30),
                D(2027, 12, 27),
                D(2027, 12, 28),
            }
        ),
    },
}


class TableHolidayProvider:
    """``HolidayProvider`` over the table above; unknown years raise ``LookupError``."""

    def bank_holidays(self, jurisdiction: Jurisdiction, year: int) -> frozenset[dt.date]:
        try:
            return BANK_HOLIDAYS[jurisdiction][year]
        except KeyError:
            raise LookupError(f"no bank holidays for {jurisdiction} {year}") from None
