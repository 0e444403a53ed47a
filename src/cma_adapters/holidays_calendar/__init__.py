"""UK bank holidays from the ``holidays`` package (England & Wales, Scotland, NI)."""

from cma_adapters.holidays_calendar.provider import HolidaysLibraryProvider

__all__ = ["HolidaysLibraryProvider"]
