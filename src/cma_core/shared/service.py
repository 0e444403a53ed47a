"""Helpers shared by the services."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from cma_core.audit.model import AuditEntry
from cma_core.identity.model import TenantContext
from cma_core.shared.errors import StaleVersion, ValidationError
from cma_core.shared.ids import AuditId, EventId
from cma_core.shared.uow import UnitOfWork

IdFactory = Callable[[], uuid.UUID]

MAX_PAGE_SIZE = 200
MAX_OFFSET = 2**31 - 1
"""Far beyond any real list, and within every database's integer (a larger offset reached
SQLite as an overflow, a 500)."""


def check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise ValidationError("limit", f"must be between 1 and {MAX_PAGE_SIZE}")
    if not 0 <= offset <= MAX_OFFSET:
        raise ValidationError("offset", f"must be between 0 and {MAX_OFFSET}")


def check_version(entity: str, expected: int | None, actual: int) -> None:
    """Optimistic concurrency: refuse an edit made against an older version."""
    if expected is not None and expected != actual:
        raise StaleVersion(entity, expected, actual)


async def record_audit(
    uow: UnitOfWork,
    ctx: TenantContext,
    new_id: IdFactory,
    action: str,
    entity_type: str,
    entity_id: uuid.UUID,
    at: dt.datetime,
    fields: tuple[str, ...] = (),
    *,
    source_event_id: EventId | None = None,
) -> None:
    """Append an audit entry in the caller's transaction: field *names*, never values.

    A job acting on an event passes ``TenantContext.system(centre)`` (no actor) and the
    event's id as ``source_event_id``.
    """
    await uow.audit.append(
        AuditEntry(
            id=AuditId(new_id()),
            centre_id=ctx.centre_id,
            actor_id=ctx.user_id,
            action=action,
            entity_type=entity_type,
            entity_id=str(entity_id),
            at=at,
            fields=fields,
            source_event_id=source_event_id,
        )
    )
