"""Request and response shapes of clients."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

import msgspec
from msgspec import UNSET, Meta, Struct, UnsetType

from cma_core.clients.model import Client, PostalAddress, Vulnerability
from cma_entrypoints.http.common.schemas import (
    LINE,
    Email,
    Input,
    Line,
    LongText,
    Name,
    PageOf,
    PastDate,
    PastMoment,
    Phone,
)


class AddressIn(Input):
    lines: Annotated[list[Line], Meta(min_length=1, max_length=5)]
    postcode: Annotated[str, Meta(max_length=10, pattern=LINE)]

    def to_domain(self) -> PostalAddress:
        return PostalAddress.of(self.lines, self.postcode)


class AddressOut(Struct):
    lines: list[str]
    postcode: str


class ClientIn(Input):
    first_name: Name
    last_name: Name
    date_of_birth: PastDate
    email: Email | None = None
    phone: Phone | None = None
    ni_number: Annotated[str, Meta(max_length=13, pattern=LINE)] | None = None
    address: AddressIn | None = None
    #: The fields below need ``sensitive:write``.
    address_suppressed: bool = False
    address_suppression_reason: LongText | None = None
    health_notes: LongText | None = None
    vulnerabilities: Annotated[list[Vulnerability], Meta(max_length=20)] = msgspec.field(
        default_factory=list
    )
    vulnerability_notes: LongText | None = None
    health_data_consent_at: PastMoment | None = None

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


class ClientPatch(Input):
    """Fields to change; a field left out is not touched, ``null`` clears an optional one.
    Sensitive fields (and the address of a client whose address is suppressed) need
    ``sensitive:write``."""

    first_name: Name | UnsetType = UNSET
    last_name: Name | UnsetType = UNSET
    date_of_birth: PastDate | UnsetType = UNSET
    email: Email | UnsetType | None = UNSET
    phone: Phone | UnsetType | None = UNSET
    ni_number: Annotated[str, Meta(max_length=13, pattern=LINE)] | UnsetType | None = UNSET
    address: AddressIn | UnsetType | None = UNSET
    address_suppressed: bool | UnsetType = UNSET
    address_suppression_reason: LongText | UnsetType | None = UNSET
    health_notes: LongText | UnsetType | None = UNSET
    vulnerabilities: Annotated[list[Vulnerability], Meta(max_length=20)] | UnsetType | None = UNSET
    vulnerability_notes: LongText | UnsetType | None = UNSET
    health_data_consent_at: PastMoment | UnsetType | None = UNSET

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


class ClientPage(PageOf[ClientOut]):
    items: list[ClientOut]
