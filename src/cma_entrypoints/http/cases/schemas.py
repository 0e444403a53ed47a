"""Request and response shapes of cases and their notes."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from msgspec import UNSET, Meta, Struct, UnsetType

from cma_core.cases.model import Case, CaseStatus, CloseReason, Note


class CaseIn(Struct, forbid_unknown_fields=True):
    client_id: uuid.UUID
    adviser_id: uuid.UUID | None = None


class CasePatch(Struct, forbid_unknown_fields=True):
    """Fields to change; a field left out is not touched. ``adviser_id: null`` unassigns."""

    adviser_id: uuid.UUID | UnsetType | None = UNSET


class CloseIn(Struct, forbid_unknown_fields=True):
    reason: CloseReason


class CaseOut(Struct):
    id: uuid.UUID
    reference: str
    client_id: uuid.UUID
    status: CaseStatus
    adviser_id: uuid.UUID | None
    opened_at: dt.datetime
    updated_at: dt.datetime
    closed_at: dt.datetime | None
    close_reason: CloseReason | None
    version: int

    @classmethod
    def of(cls, c: Case) -> CaseOut:
        return cls(
            id=c.id,
            reference=c.reference,
            client_id=c.client_id,
            status=c.status,
            adviser_id=c.adviser_id,
            opened_at=c.opened_at,
            updated_at=c.updated_at,
            closed_at=c.closed_at,
            close_reason=c.close_reason,
            version=c.version,
        )


class CasePage(Struct):
    items: list[CaseOut]
    total: int
    limit: int
    offset: int


class NoteIn(Struct, forbid_unknown_fields=True):
    body: Annotated[str, Meta(min_length=1, max_length=20_000)]
    sensitive: bool = False


class NoteOut(Struct):
    id: uuid.UUID
    author_id: uuid.UUID | None
    body: str
    sensitive: bool
    created_at: dt.datetime

    @classmethod
    def of(cls, n: Note) -> NoteOut:
        return cls(
            id=n.id,
            author_id=n.author_id,
            body=n.body,
            sensitive=n.sensitive,
            created_at=n.created_at,
        )


class NotePage(Struct):
    items: list[NoteOut]
    total: int
    limit: int
    offset: int
