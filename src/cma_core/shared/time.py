"""Time helpers. The core never reads the system clock: a ``Clock`` port is passed in."""

from __future__ import annotations

import datetime as dt

from cma_core.shared.errors import ValidationError


def long_date(day: dt.date) -> str:
    """``3 December 2026``: a date as a letter or a note writes it (no leading zero)."""
    return f"{day.day} {day:%B %Y}"


def require_aware(value: dt.datetime, *, field: str) -> dt.datetime:
    """Reject naive datetimes: every instant CMA stores is timezone-aware (UTC)."""
    if value.tzinfo is None:
        raise ValidationError(field, "must include a timezone")
    return value.astimezone(dt.UTC)
