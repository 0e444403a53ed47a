"""Request and response shapes of cases and their notes."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Annotated

from msgspec import UNSET, Meta, Struct, UnsetType

from cma_core.cases.model import Case, CaseStatus, CloseReason, Note
from cma_core.identity.directory import StaffNames
from cma_core.shared.ids import ClientId
from cma_entrypoints.http.common.schemas import Input, PageOf, Text, from_attributes


class CaseIn(Input):
    client_id: uuid.UUID
    adviser_id: uuid.UUID | None = None


class CasePatch(Input):
    """Fields to change; a field left out is not touched. ``adviser_id: null`` unassigns."""

    adviser_id: uuid.UUID | UnsetType | None = UNSET


class CloseIn(Input):
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
    #: Display names next to the ids: ``None`` when withheld from your role (the client's
    #: needs ``client:read``) or not shown on this response.
    client_name: str | None = None
    adviser_name: str | None = None

    @classmethod
    def of(
        cls,
        c: Case,
        staff: StaffNames | None = None,
        clients: Mapping[ClientId, str] | None = None,
    ) -> CaseOut:
        # Field by field rather than ``from_attributes``: the case view builds one on
        # every read (benchmarks/README.md, branch ``caseview``).
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
            client_name=clients.get(c.client_id) if clients else None,
            adviser_name=staff(c.adviser_id) if staff else None,
        )


class CasePage(PageOf[CaseOut]):
    items: list[CaseOut]


class NoteIn(Input):
    body: Annotated[Text, Meta(min_length=1)]
    sensitive: bool = False


class NoteOut(Struct):
    id: uuid.UUID
    author_id: uuid.UUID | None
    body: str
    sensitive: bool
    created_at: dt.datetime
    author_name: str | None = None

    @classmethod
    def of(cls, n: Note, staff: StaffNames | None = None) -> NoteOut:
        return from_attributes(cls, n, author_name=staff(n.author_id) if staff else None)


class NotePage(PageOf[NoteOut]):
    items: list[NoteOut]
