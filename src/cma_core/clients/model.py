"""The client aggregate."""

from __future__ import annotations

import datetime as dt
import re

from attrs import define, frozen

from cma_core.identity.model import require_name
from cma_core.shared.errors import ValidationError
from cma_core.shared.events import Aggregate, DomainEvent
from cma_core.shared.ids import CentreId, ClientId, UserId

# Earliest plausible date of birth; anything before is a typo, not a client.
_OLDEST = dt.date(1900, 1, 1)


@frozen(kw_only=True)
class ClientRegistered(DomainEvent):
    name = "ClientRegistered"
    client_id: ClientId
    registered_by: UserId | None


@frozen(kw_only=True)
class ClientUpdated(DomainEvent):
    name = "ClientUpdated"
    client_id: ClientId
    fields: tuple[str, ...]
    updated_by: UserId | None


def validate_date_of_birth(value: dt.date, *, today: dt.date) -> dt.date:
    if value > today:
        raise ValidationError("date_of_birth", "must not be in the future")
    if value < _OLDEST:
        raise ValidationError("date_of_birth", f"must not be before {_OLDEST.isoformat()}")
    return value


@define(kw_only=True)
class Client(Aggregate):
    """A client of one centre. Personal fields here are encrypted at rest by the adapters."""

    id: ClientId
    centre_id: CentreId
    first_name: str
    last_name: str
    date_of_birth: dt.date
    email: str | None = None
    phone: str | None = None
    ni_number: str | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1

    @classmethod
    def register(
        cls,
        *,
        client_id: ClientId,
        centre_id: CentreId,
        first_name: str,
        last_name: str,
        date_of_birth: dt.date,
        email: str | None,
        phone: str | None,
        now: dt.datetime,
        by: UserId | None,
        ni_number: str | None = None,
    ) -> Client:
        client = cls(
            id=client_id,
            centre_id=centre_id,
            first_name=require_name(first_name, field="first_name"),
            last_name=require_name(last_name, field="last_name"),
            date_of_birth=validate_date_of_birth(date_of_birth, today=now.date()),
            email=_optional_email(email),
            phone=_optional_phone(phone),
            ni_number=validate_ni_number(ni_number),
            created_at=now,
            updated_at=now,
        )
        client.record(
            ClientRegistered(
                centre_id=centre_id, occurred_at=now, client_id=client_id, registered_by=by
            )
        )
        return client

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


# HMRC's National Insurance number format (NIM39110): two prefix letters, six digits, a
# suffix A-D. D, F, I, Q, U and V are never used in the prefix, O never second, and the
# prefixes BG, GB, KN, NK, NT, TN and ZZ are never issued.
_NINO = re.compile(r"^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$")


def validate_ni_number(value: str | None) -> str | None:
    """``None`` for blank; otherwise the number upper-cased without spaces (``AB123456C``)."""
    if value is None or not value.strip():
        return None
    compact = "".join(value.split()).upper()
    if not _NINO.match(compact):
        raise ValidationError("ni_number", "must be a National Insurance number like AB123456C")
    return compact


def _optional_email(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    from cma_core.identity.model import normalise_email

    return normalise_email(value)


def _optional_phone(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    digits = [c for c in value if c.isdigit()]
    if not 7 <= len(digits) <= 15:
        raise ValidationError("phone", "must have between 7 and 15 digits")
    return value.strip()
