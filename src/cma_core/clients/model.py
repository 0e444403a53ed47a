"""The client aggregate."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Mapping

from attrs import define, field, frozen

from cma_core.identity.model import require_name
from cma_core.shared.errors import ValidationError
from cma_core.shared.events import Aggregate, DomainEvent
from cma_core.shared.ids import CentreId, ClientId, UserId

# Earliest plausible date of birth; anything before is a typo, not a client.
_OLDEST = dt.date(1900, 1, 1)


def display_name_of(first_name: str, last_name: str) -> str:
    """How a client is named on screens and in lists (``Client.display_name``)."""
    return f"{first_name} {last_name}"


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


class Vulnerability(enum.StrEnum):
    """Drivers of vulnerability an adviser records so the advice can adapt (FCA FG21/1:
    health, life events, resilience, capability; the Money Advice Trust's practice)."""

    MENTAL_HEALTH = "mental_health"
    PHYSICAL_DISABILITY = "physical_disability"
    SERIOUS_ILLNESS = "serious_illness"
    ADDICTION = "addiction"
    LOW_LITERACY = "low_literacy"
    BEREAVEMENT = "bereavement"
    DOMESTIC_ABUSE = "domestic_abuse"
    OTHER = "other"

    @property
    def is_health(self) -> bool:
        """Health data is special-category data (UK GDPR art. 9): explicit consent first."""
        return self in _HEALTH


_HEALTH = frozenset(
    {
        Vulnerability.MENTAL_HEALTH,
        Vulnerability.PHYSICAL_DISABILITY,
        Vulnerability.SERIOUS_ILLNESS,
        Vulnerability.ADDICTION,
    }
)

# The Royal Mail postcode format (outward code, space, inward code); the shape only.
_POSTCODE = re.compile(r"^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$")
MAX_ADDRESS_LINES = 5
MAX_NOTE = 4000


@frozen(kw_only=True)
class PostalAddress:
    """Where letters to the client go: up to five lines and a UK postcode."""

    lines: tuple[str, ...]
    postcode: str

    @classmethod
    def of(cls, lines: Iterable[str], postcode: str) -> PostalAddress:
        kept = tuple(line.strip() for line in lines if line.strip())
        if not kept:
            raise ValidationError("address.lines", "must have at least one line")
        if len(kept) > MAX_ADDRESS_LINES:
            raise ValidationError("address.lines", f"must have at most {MAX_ADDRESS_LINES} lines")
        for line in kept:
            if len(line) > 200:
                raise ValidationError("address.lines", "each line must be at most 200 characters")
        compact = "".join(postcode.split()).upper()
        if not _POSTCODE.match(compact):
            raise ValidationError("address.postcode", "must be a UK postcode like SW1A 1AA")
        return cls(lines=kept, postcode=f"{compact[:-3]} {compact[-3:]}")


#: Fields shown and written only with ``sensitive:read`` / ``sensitive:write``. The
#: address is among them only while it is suppressed (see ``Client.withheld_from``).
SENSITIVE_FIELDS: tuple[str, ...] = (
    "ni_number",
    "address_suppression_reason",
    "health_notes",
    "vulnerabilities",
    "vulnerability_notes",
    "health_data_consent_at",
)

#: Fields only ``sensitive:write`` may set. The NI number is hidden from readers without
#: ``sensitive:read`` but is taken at intake by anyone registering the client.
WRITE_GUARDED: frozenset[str] = frozenset({*SENSITIVE_FIELDS, "address_suppressed"} - {"ni_number"})


def validate_date_of_birth(value: dt.date, *, today: dt.date) -> dt.date:
    if value > today:
        raise ValidationError("date_of_birth", "must not be in the future")
    if value < _OLDEST:
        raise ValidationError("date_of_birth", f"must not be before {_OLDEST.isoformat()}")
    return value


def _vulnerability_set(values: Iterable[Vulnerability]) -> frozenset[Vulnerability]:
    return frozenset(values)


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
    address: PostalAddress | None = None
    #: "Do not disclose": e.g. the client fled domestic abuse. The address is then withheld
    #: from staff without ``sensitive:read`` and never goes on anything sent to a creditor.
    address_suppressed: bool = False
    address_suppression_reason: str | None = None
    health_notes: str | None = None
    vulnerabilities: frozenset[Vulnerability] = field(
        factory=frozenset, converter=_vulnerability_set
    )
    vulnerability_notes: str | None = None
    #: When the client gave explicit consent to record health data (CR-02); needed before
    #: ``health_notes`` or a health-related vulnerability is stored.
    health_data_consent_at: dt.datetime | None = None
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
        **details: object,
    ) -> Client:
        """``details`` are the other editable fields (address, vulnerabilities, ...)."""
        extra = {name: _clean(name, value, today=now.date()) for name, value in details.items()}
        _check_client({f: extra.get(f, _DEFAULTS.get(f)) for f in _EDITABLE} | extra)
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
            **extra,  # type: ignore[arg-type]
        )
        client.record(
            ClientRegistered(
                centre_id=centre_id, occurred_at=now, client_id=client_id, registered_by=by
            )
        )
        return client

    @property
    def display_name(self) -> str:
        return display_name_of(self.first_name, self.last_name)

    @property
    def correspondence_address(self) -> PostalAddress | None:
        """The address to print on anything that leaves the centre: none if suppressed."""
        return None if self.address_suppressed else self.address

    def withheld_from(self, *, sensitive: bool) -> tuple[str, ...]:
        """The fields a reader without ``sensitive:read`` must not see (``()`` with it)."""
        if sensitive:
            return ()
        extra = ("address",) if self.address_suppressed else ()
        return (*extra, *SENSITIVE_FIELDS)

    def sensitive_changes(self, changes: Mapping[str, object]) -> tuple[str, ...]:
        """Which of ``changes`` need ``sensitive:write``: the sensitive fields, the
        suppression flag, and the address while it is (or is being made) suppressed."""
        suppressed = bool(changes.get("address_suppressed", self.address_suppressed))
        guarded = set(WRITE_GUARDED)
        if suppressed or self.address_suppressed:
            guarded.add("address")
        return tuple(sorted(name for name in changes if name in guarded))

    @staticmethod
    def sensitive_on_register(details: Mapping[str, object]) -> tuple[str, ...]:
        """Which of a new client's ``details`` need ``sensitive:write`` (empty ones don't)."""
        guarded = set(WRITE_GUARDED)
        if details.get("address_suppressed"):
            guarded.add("address")
        return tuple(sorted(n for n, v in details.items() if n in guarded and v))

    def update(
        self, changes: Mapping[str, object], *, now: dt.datetime, by: UserId | None
    ) -> tuple[str, ...]:
        """Apply a partial update; returns the names of the fields that actually changed.

        Values are validated as on registration; an unknown name is a ``ValidationError``.
        Records ``ClientUpdated`` (field names only) when anything changed.
        """
        candidate = {name: _clean(name, value, today=now.date()) for name, value in changes.items()}
        merged = {f: getattr(self, f) for f in _EDITABLE} | candidate
        _check_client(merged)
        changed = tuple(f for f in _EDITABLE if f in candidate and candidate[f] != getattr(self, f))
        if not changed:
            return ()
        for name in changed:
            setattr(self, name, candidate[name])
        self.updated_at = now
        self.record(
            ClientUpdated(
                centre_id=self.centre_id,
                occurred_at=now,
                client_id=self.id,
                fields=changed,
                updated_by=by,
            )
        )
        return changed


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


_EDITABLE: tuple[str, ...] = (
    "first_name",
    "last_name",
    "date_of_birth",
    "email",
    "phone",
    "ni_number",
    "address",
    "address_suppressed",
    "address_suppression_reason",
    "health_notes",
    "vulnerabilities",
    "vulnerability_notes",
    "health_data_consent_at",
)
EDITABLE_FIELDS = _EDITABLE

_DEFAULTS: dict[str, object] = {
    "address_suppressed": False,
    "vulnerabilities": frozenset(),
}


def _optional_text(value: object, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(name, "must be text")
    value = value.strip()
    if len(value) > MAX_NOTE:
        raise ValidationError(name, f"must be at most {MAX_NOTE} characters")
    return value or None


def _clean(name: str, value: object, *, today: dt.date) -> object:
    """Validate and normalise one editable field; the error names the field."""
    if name not in _EDITABLE:
        raise ValidationError(name, "is not a field of a client that can be changed")
    if name in ("first_name", "last_name"):
        if not isinstance(value, str):
            raise ValidationError(name, "must not be empty")
        return require_name(value, field=name)
    if name == "date_of_birth":
        if not isinstance(value, dt.date):
            raise ValidationError(name, "must be a date")
        return validate_date_of_birth(value, today=today)
    if name == "email":
        return _optional_email(value if isinstance(value, str) else None)
    if name == "phone":
        return _optional_phone(value if isinstance(value, str) else None)
    if name == "ni_number":
        return validate_ni_number(value if isinstance(value, str) else None)
    if name == "address":
        if value is not None and not isinstance(value, PostalAddress):
            raise ValidationError(name, "must have lines and a postcode")
        return value
    if name == "address_suppressed":
        if not isinstance(value, bool):
            raise ValidationError(name, "must be true or false")
        return value
    if name == "vulnerabilities":
        if value is None:
            return frozenset()
        if not isinstance(value, Iterable) or isinstance(value, str):
            raise ValidationError(name, "must be a list")
        try:
            return frozenset(Vulnerability(v) for v in value)
        except ValueError:
            allowed = ", ".join(v.value for v in Vulnerability)
            raise ValidationError(name, f"each must be one of {allowed}") from None
    if name == "health_data_consent_at":
        if value is not None and not isinstance(value, dt.datetime):
            raise ValidationError(name, "must be a date and time")
        if isinstance(value, dt.datetime) and value.date() > today:
            raise ValidationError(name, "must not be in the future")
        return value
    return _optional_text(value, name)


def _check_client(values: Mapping[str, object]) -> None:
    """Rules across fields, checked on the client as it would be after a change."""
    vulnerabilities = values.get("vulnerabilities")
    health = bool(values.get("health_notes")) or (
        isinstance(vulnerabilities, frozenset)
        and any(isinstance(v, Vulnerability) and v.is_health for v in vulnerabilities)
    )
    if health and values.get("health_data_consent_at") is None:
        # CR-02 (UK GDPR art. 9): explicit consent before storing health data.
        field_name = "health_notes" if values.get("health_notes") else "vulnerabilities"
        raise ValidationError(
            field_name,
            "health information needs the client's explicit consent first: "
            "set health_data_consent_at",
        )
    if values.get("address_suppressed") and not values.get("address_suppression_reason"):
        raise ValidationError("address_suppression_reason", "say why the address is suppressed")
