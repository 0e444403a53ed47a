"""Request and response shapes (msgspec Structs): the API's public contract.

Every resource has an ``id`` and a ``version`` (also sent as the ``ETag``); every list is
``{"items": [...], "total": n, "limit": l, "offset": o}``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

import msgspec
from msgspec import UNSET, Meta, Struct, UnsetType

from cma_core.cases.model import Case, CaseStatus, CloseReason, Note
from cma_core.clients.model import Client
from cma_core.tasks.model import Task, TaskKind, TaskStatus

Name = Annotated[str, Meta(min_length=1, max_length=200)]


class LoginIn(Struct, forbid_unknown_fields=True):
    email: Annotated[str, Meta(max_length=254)]
    password: Annotated[str, Meta(max_length=1024)]
    centre_id: uuid.UUID | None = None
    #: The current code from the user's authenticator app, when they enabled TOTP.
    otp: Annotated[str, Meta(max_length=8)] | None = None


class TokenOut(Struct):
    access_token: str
    token_type: str
    expires_in: int
    centre_id: uuid.UUID
    roles: list[str]
    #: Single-use: trade it at POST /api/v1/auth/refresh for a new pair.
    refresh_token: str | None = None
    refresh_expires_in: int | None = None


class MeOut(Struct):
    user_id: uuid.UUID | None
    centre_id: uuid.UUID
    roles: list[str]
    permissions: list[str]


class ClientIn(Struct, forbid_unknown_fields=True):
    first_name: Name
    last_name: Name
    date_of_birth: dt.date
    email: Annotated[str, Meta(max_length=254)] | None = None
    phone: Annotated[str, Meta(max_length=40)] | None = None
    ni_number: Annotated[str, Meta(max_length=13)] | None = None


class ClientOut(Struct):
    id: uuid.UUID
    first_name: str
    last_name: str
    date_of_birth: dt.date
    email: str | None
    phone: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int
    #: Shown only to roles with ``sensitive:read``; ``null`` otherwise.
    ni_number: str | None = None

    @classmethod
    def of(cls, c: Client, *, sensitive: bool = False) -> ClientOut:
        return cls(
            id=c.id,
            first_name=c.first_name,
            last_name=c.last_name,
            date_of_birth=c.date_of_birth,
            email=c.email,
            phone=c.phone,
            ni_number=c.ni_number if sensitive else None,
            created_at=c.created_at,
            updated_at=c.updated_at,
            version=c.version,
        )


class ClientPage(Struct):
    items: list[ClientOut]
    total: int
    limit: int
    offset: int


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


class TaskOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    kind: TaskKind
    title: str
    assignee_id: uuid.UUID | None
    due_at: dt.datetime | None
    status: TaskStatus
    created_at: dt.datetime

    @classmethod
    def of(cls, t: Task) -> TaskOut:
        return cls(
            id=t.id,
            case_id=t.case_id,
            kind=t.kind,
            title=t.title,
            assignee_id=t.assignee_id,
            due_at=t.due_at,
            status=t.status,
            created_at=t.created_at,
        )


class TaskPage(Struct):
    items: list[TaskOut]
    total: int
    limit: int
    offset: int


class FieldError(Struct):
    field: str
    message: str


class Problem(Struct, omit_defaults=True):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[FieldError] = msgspec.field(default_factory=list)


class HealthCheck(Struct):
    status: str
    detail: str | None = None


class HealthOut(Struct):
    status: str
    checks: dict[str, HealthCheck]
