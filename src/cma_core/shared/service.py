"""Helpers shared by the services."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Protocol, TypeVar

from cma_core.shared.errors import NotFound, StaleVersion, ValidationError
from cma_core.shared.ids import CaseId

IdFactory = Callable[[], uuid.UUID]


class _OfACase(Protocol):
    @property
    def case_id(self) -> CaseId: ...


_R = TypeVar("_R", bound=_OfACase)


def on_case(found: _R | None, case_id: CaseId, entity: str, entity_id: object) -> _R:
    """``found`` when it is a record of ``case_id``; otherwise ``NotFound``: a record of
    another case is reported under this case's path exactly like one that does not exist."""
    if found is None or found.case_id != case_id:
        raise NotFound(entity, entity_id)
    return found


MAX_PAGE_SIZE = 200
#: Deepest offset a list accepts: past it, page with ``cursor`` (keyset, constant cost).
MAX_OFFSET = 10_000
"""Far beyond any real list, and within every database's integer (a larger offset reached
SQLite as an overflow, a 500)."""


def check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise ValidationError("limit", f"must be between 1 and {MAX_PAGE_SIZE}")
    if not 0 <= offset <= MAX_OFFSET:
        raise ValidationError(
            "offset", f"must be between 0 and {MAX_OFFSET}; page further with cursor"
        )


def check_version(entity: str, expected: int | None, actual: int) -> None:
    """Optimistic concurrency: refuse an edit made against an older version."""
    if expected is not None and expected != actual:
        raise StaleVersion(entity, expected, actual)


def optional_text(value: str | None) -> str | None:
    """Free text as entered, without surrounding blanks; ``None`` for nothing or blanks."""
    if value is None:
        return None
    return value.strip() or None
