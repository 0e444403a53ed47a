"""A centre's profile: who it is on every letter it sends, and where its law comes from.

The profile carries the centre's name, postal address, phone, email, charity number, FCA
firm reference number and logo (printed at the head of every letter), and the centre's
**jurisdiction** (England & Wales, Scotland or Northern Ireland). A case takes the centre's
jurisdiction unless its own facts say otherwise (a Scottish client seen by an English
centre): ``effective_jurisdiction`` is the one place that decides, and the options
appraisal, bank holidays for every deadline, and letters all ask it.
"""

from __future__ import annotations

import base64
import datetime as dt
import re

from attrs import define, frozen

from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CentreId

#: Largest logo accepted (decoded): a letterhead image, not a photograph.
MAX_LOGO_BYTES = 256 * 1024

#: Image types a logo may have, by their first bytes (what is stored is what was sent).
LOGO_TYPES = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff"}

_FRN = re.compile(r"\d{6,7}")  # FCA Firm Reference Number: 6 (older) or 7 digits
_CHARITY = re.compile(r"[A-Za-z0-9][A-Za-z0-9 /-]{2,29}")  # 1234567, SC012345, NIC100000
_PHONE = re.compile(r"\+?[0-9 ()-]{6,30}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@frozen(kw_only=True)
class ProfileDetails:
    """What a centre admin edits (all at once: a PUT replaces every field)."""

    name: str
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    charity_number: str | None = None
    fca_number: str | None = None
    jurisdiction: Jurisdiction = Jurisdiction.EW


@define(kw_only=True)
class CentreProfile:
    """The profile of one centre (one per centre; its id is the centre's id)."""

    centre_id: CentreId
    name: str
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    charity_number: str | None = None
    fca_number: str | None = None
    jurisdiction: Jurisdiction = Jurisdiction.EW
    logo_type: str | None = None
    logo_base64: str | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1

    @property
    def id(self) -> CentreId:
        return self.centre_id

    @property
    def logo(self) -> bytes | None:
        return None if self.logo_base64 is None else base64.b64decode(self.logo_base64)

    def apply(self, details: ProfileDetails) -> None:
        self.name = details.name
        self.address = details.address
        self.phone = details.phone
        self.email = details.email
        self.charity_number = details.charity_number
        self.fca_number = details.fca_number
        self.jurisdiction = details.jurisdiction


def _text(value: str | None, field: str, max_len: int) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if len(value) > max_len:
        raise ValidationError(field, f"must be at most {max_len} characters")
    return value


def _shaped(value: str | None, field: str, pattern: re.Pattern[str], what: str) -> str | None:
    if value is not None and not pattern.fullmatch(value):
        raise ValidationError(field, what)
    return value


def check_details(details: ProfileDetails) -> ProfileDetails:
    """The details with blanks trimmed (blank → ``None``); ``ValidationError`` naming the
    field for a missing name or a malformed phone, email, charity or FCA number."""
    name = _text(details.name, "name", 200)
    if name is None:
        raise ValidationError("name", "must not be empty")
    address = _text(details.address, "address", 500)
    phone = _shaped(
        _text(details.phone, "phone", 30), "phone", _PHONE, "must be a telephone number"
    )
    email = _shaped(_text(details.email, "email", 254), "email", _EMAIL, "must be an email address")
    charity = _shaped(
        _text(details.charity_number, "charity_number", 30),
        "charity_number",
        _CHARITY,
        "must be a charity registration number (letters and digits, e.g. SC012345)",
    )
    fca = _shaped(
        _text(details.fca_number, "fca_number", 7),
        "fca_number",
        _FRN,
        "must be an FCA firm reference number (6 or 7 digits)",
    )
    return ProfileDetails(
        name=name,
        address=address,
        phone=phone,
        email=email,
        charity_number=charity,
        fca_number=fca,
        jurisdiction=details.jurisdiction,
    )


def check_logo(content: bytes, content_type: str) -> str:
    """The logo's media type, checked against its first bytes and its size."""
    media = content_type.split(";")[0].strip().lower()
    magic = LOGO_TYPES.get(media)
    if magic is None:
        raise ValidationError("content_type", f"must be one of {', '.join(sorted(LOGO_TYPES))}")
    if not content:
        raise ValidationError("logo", "must not be empty")
    if len(content) > MAX_LOGO_BYTES:
        raise ValidationError("logo", f"must be at most {MAX_LOGO_BYTES // 1024} KiB")
    if not content.startswith(magic):
        raise ValidationError("logo", f"is not a {media} image")
    return media


def effective_jurisdiction(
    case_jurisdiction: Jurisdiction | None,
    profile: CentreProfile | None,
    default: Jurisdiction = Jurisdiction.EW,
) -> Jurisdiction:
    """The jurisdiction a case's law comes from: the case's own (its recorded facts), else
    the centre's profile, else the deployment default."""
    if case_jurisdiction is not None:
        return case_jurisdiction
    if profile is not None:
        return profile.jurisdiction
    return default
