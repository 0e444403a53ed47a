"""Request and response shapes (msgspec Structs): the API's public contract.

Every resource has an ``id`` and a ``version`` (also sent as the ``ETag``); every list is
``{"items": [...], "total": n, "limit": l, "offset": o}``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

import msgspec
from msgspec import UNSET, Meta, Struct, UnsetType

from cma_core.cases.model import Case, CaseStatus, CloseReason, Note
from cma_core.clients.model import Client, PostalAddress, Vulnerability
from cma_core.tasks.model import Task, TaskKind, TaskStatus
from cma_entrypoints.http.common import examples as ex

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


class AddressIn(Struct, forbid_unknown_fields=True):
    lines: Annotated[list[Annotated[str, Meta(max_length=200)]], Meta(min_length=1, max_length=5)]
    postcode: Annotated[str, Meta(max_length=10)]

    def to_domain(self) -> PostalAddress:
        return PostalAddress.of(self.lines, self.postcode)


class AddressOut(Struct):
    lines: list[str]
    postcode: str


LongText = Annotated[str, Meta(max_length=4000)]
#: A moment with its time zone (a naive time would be ambiguous).
Moment = Annotated[dt.datetime, Meta(tz=True)]


class ClientIn(Struct, forbid_unknown_fields=True):
    first_name: Name
    last_name: Name
    date_of_birth: dt.date
    email: Annotated[str, Meta(max_length=254)] | None = None
    phone: Annotated[str, Meta(max_length=40)] | None = None
    ni_number: Annotated[str, Meta(max_length=13)] | None = None
    address: AddressIn | None = None
    #: The fields below need ``sensitive:write``.
    address_suppressed: bool = False
    address_suppression_reason: LongText | None = None
    health_notes: LongText | None = None
    vulnerabilities: list[Vulnerability] = msgspec.field(default_factory=list)
    vulnerability_notes: LongText | None = None
    health_data_consent_at: Moment | None = None

    def details(self) -> dict[str, object]:
        """The fields beyond the basics that were given (for ``RegisterClient.details``)."""
        values: dict[str, object] = {
            "address": self.address.to_domain() if self.address else None,
            "address_suppressed": self.address_suppressed,
            "address_suppression_reason": self.address_suppression_reason,
            "health_notes": self.health_notes,
            "vulnerabilities": self.vulnerabilities,
            "vulnerability_notes": self.vulnerability_notes,
            "health_data_consent_at": self.health_data_consent_at,
        }
        return {k: v for k, v in values.items() if v}


class ClientPatch(Struct, forbid_unknown_fields=True):
    """Fields to change; a field left out is not touched, ``null`` clears an optional one.
    Sensitive fields (and the address of a client whose address is suppressed) need
    ``sensitive:write``."""

    first_name: Name | UnsetType = UNSET
    last_name: Name | UnsetType = UNSET
    date_of_birth: dt.date | UnsetType = UNSET
    email: Annotated[str, Meta(max_length=254)] | UnsetType | None = UNSET
    phone: Annotated[str, Meta(max_length=40)] | UnsetType | None = UNSET
    ni_number: Annotated[str, Meta(max_length=13)] | UnsetType | None = UNSET
    address: AddressIn | UnsetType | None = UNSET
    address_suppressed: bool | UnsetType = UNSET
    address_suppression_reason: LongText | UnsetType | None = UNSET
    health_notes: LongText | UnsetType | None = UNSET
    vulnerabilities: list[Vulnerability] | UnsetType | None = UNSET
    vulnerability_notes: LongText | UnsetType | None = UNSET
    health_data_consent_at: Moment | UnsetType | None = UNSET

    def changes(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name in self.__struct_fields__:
            value = getattr(self, name)
            if value is UNSET:
                continue
            out[name] = value.to_domain() if isinstance(value, AddressIn) else value
        return out


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
    #: The fields named in ``withheld`` are ``null`` here: the reader's role lacks
    #: ``sensitive:read`` (the address only while it is suppressed).
    ni_number: str | None = None
    address: AddressOut | None = None
    #: "Do not disclose": shown to everyone, so nobody sends or tells the address.
    address_suppressed: bool = False
    address_suppression_reason: str | None = None
    health_notes: str | None = None
    vulnerabilities: list[str] | None = None
    vulnerability_notes: str | None = None
    health_data_consent_at: dt.datetime | None = None
    withheld: list[str] = msgspec.field(default_factory=list)

    @classmethod
    def of(cls, c: Client, *, sensitive: bool = False) -> ClientOut:
        withheld = set(c.withheld_from(sensitive=sensitive))

        def shown(name: str, value: object) -> Any:
            return None if name in withheld else value

        return cls(
            id=c.id,
            first_name=c.first_name,
            last_name=c.last_name,
            date_of_birth=c.date_of_birth,
            email=c.email,
            phone=c.phone,
            ni_number=shown("ni_number", c.ni_number),
            address=shown(
                "address",
                AddressOut(lines=list(c.address.lines), postcode=c.address.postcode)
                if c.address
                else None,
            ),
            address_suppressed=c.address_suppressed,
            address_suppression_reason=shown(
                "address_suppression_reason", c.address_suppression_reason
            ),
            health_notes=shown("health_notes", c.health_notes),
            vulnerabilities=shown("vulnerabilities", sorted(v.value for v in c.vulnerabilities)),
            vulnerability_notes=shown("vulnerability_notes", c.vulnerability_notes),
            health_data_consent_at=shown("health_data_consent_at", c.health_data_consent_at),
            created_at=c.created_at,
            updated_at=c.updated_at,
            version=c.version,
            withheld=sorted(withheld),
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


# ------------------------------------------------------------------------------ examples
# Made-up people and ids (see example_schemas), as the handlers would send them.

CLIENT_EXAMPLE = ClientOut(
    id=ex.CLIENT_ID,
    first_name="Ann",
    last_name="Example",
    date_of_birth=dt.date(1984, 3, 2),
    email="ann.example@example.org",
    phone="07700 900123",
    created_at=ex.EARLIER,
    updated_at=ex.AT,
    version=2,
    ni_number="QQ123456C",
    address=AddressOut(lines=["1 Example Street", "Leeds"], postcode="LS1 1AA"),
    vulnerabilities=[],
    withheld=[],
)
CASE_EXAMPLE = CaseOut(
    id=ex.CASE_ID,
    reference="C-000012",
    client_id=ex.CLIENT_ID,
    status=CaseStatus.OPEN,
    adviser_id=ex.ADVISER_ID,
    opened_at=ex.EARLIER,
    updated_at=ex.AT,
    closed_at=None,
    close_reason=None,
    version=2,
)
CLOSED_CASE_EXAMPLE = CaseOut(
    **{
        **msgspec.structs.asdict(CASE_EXAMPLE),
        "status": CaseStatus.CLOSED,
        "closed_at": ex.AT,
        "close_reason": CloseReason.ADVICE_COMPLETE,
        "version": 3,
    }
)
REOPENED_CASE_EXAMPLE = CaseOut(
    **{**msgspec.structs.asdict(CASE_EXAMPLE), "updated_at": ex.AT, "version": 4}
)
NOTE_EXAMPLE = NoteOut(
    id=uuid.UUID("7d8e9f00-1a2b-4c3d-8e4f-5a6b7c8d9e0f"),
    author_id=ex.ADVISER_ID,
    body="Phoned the client: brought 6 letters to the first meeting; bailiff visit due.",
    sensitive=False,
    created_at=ex.AT,
)
TASK_EXAMPLE = TaskOut(
    id=ex.TASK_ID,
    case_id=ex.CASE_ID,
    kind=TaskKind.INITIAL_CONTACT,
    title="Make initial contact with the client",
    assignee_id=ex.ADVISER_ID,
    due_at=ex.AT + dt.timedelta(days=2),
    status=TaskStatus.OPEN,
    created_at=ex.EARLIER,
)
TOKEN_EXAMPLE = TokenOut(
    access_token="eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI5ZThkN2M2YiJ9.c2lnbmF0dXJl",  # noqa: S106
    token_type="bearer",  # noqa: S106 - the OAuth 2 token type
    expires_in=900,
    centre_id=ex.CENTRE_ID,
    roles=["adviser"],
    refresh_token="q1XcB7m2kP9sVt4yZ0aR6wLd3nH8fJ5g",  # noqa: S106 - made up
    refresh_expires_in=1_209_600,
)
ME_EXAMPLE = MeOut(
    user_id=ex.ADVISER_ID,
    centre_id=ex.CENTRE_ID,
    roles=["adviser"],
    permissions=["case:read", "case:write", "client:read", "client:write", "finance:read"],
)
