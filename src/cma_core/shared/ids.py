"""Typed identifiers.

Every id is a UUID wrapped in a ``NewType`` so that mypy stops a ``ClientId`` being passed
where a ``CaseId`` is expected, at no run-time cost.
"""

from __future__ import annotations

import uuid
from typing import NewType

CentreId = NewType("CentreId", uuid.UUID)
UserId = NewType("UserId", uuid.UUID)
ClientId = NewType("ClientId", uuid.UUID)
CaseId = NewType("CaseId", uuid.UUID)
NoteId = NewType("NoteId", uuid.UUID)
TaskId = NewType("TaskId", uuid.UUID)
EventId = NewType("EventId", uuid.UUID)
AuditId = NewType("AuditId", uuid.UUID)


def parse_uuid(value: str | uuid.UUID, *, field: str) -> uuid.UUID:
    """Parse ``value`` as a UUID or raise a ``ValidationError`` naming ``field``."""
    from cma_core.shared.errors import ValidationError

    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationError(field, "must be a UUID") from None
