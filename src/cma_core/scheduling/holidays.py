"""Ports the scheduling core needs from outside."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from cma_core.reference.jurisdiction import Jurisdiction


class HolidayProvider(Protocol):
    """Source of public (bank) holidays for one UK jurisdiction.

    An adapter may wrap the ``holidays`` package, the GOV.UK ``bank-holidays.json`` feed or a
    table kept by the centre. The core never imports any of them.
    """

    def bank_holidays(self, jurisdiction: Jurisdiction, year: int) -> frozenset[dt.date]:
        """All bank and public holidays in ``jurisdiction`` during ``year``.

        Substitute days (e.g. Monday 28 Dec 2026 for Boxing Day on a Saturday) are included
        as the holiday actually observed. A year the provider does not know raises
        ``LookupError`` rather than returning an empty set, so a missing table can never
        pass for "no holidays".
        """
        ...
