"""Time helpers. The core never reads the system clock: a ``Clock`` port is passed in."""

from __future__ import annotations

import datetime as dt

from cma_core.shared.errors import ValidationError


def require_aware(value: dt.datetime, *, field: str) -> dt.datetime:
    """Reject naive datetimes: every instant CMA stores is timezone-aware (UTC)."""
    if value.tzinfo is None:
        raise ValidationError(field, "must include a timezone")
    return value.astimezone(dt.UTC)
