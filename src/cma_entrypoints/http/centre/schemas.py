"""Request and response shapes of the centre profile."""

from __future__ import annotations

import datetime as dt
import uuid

from msgspec import Struct

from cma_core.reference.centre import CentreProfile
from cma_core.reference.jurisdiction import Jurisdiction


class ProfileIn(Struct, forbid_unknown_fields=True):
    """Every editable field (a PUT replaces them all; blank or absent clears a field)."""

    name: str
    jurisdiction: Jurisdiction
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    charity_number: str | None = None
    fca_number: str | None = None


class ProfileOut(Struct):
    centre_id: uuid.UUID
    name: str
    jurisdiction: Jurisdiction
    address: str | None
    phone: str | None
    email: str | None
    charity_number: str | None
    fca_number: str | None
    has_logo: bool
    logo_type: str | None
    updated_at: dt.datetime
    version: int

    @classmethod
    def of(cls, p: CentreProfile) -> ProfileOut:
        return cls(
            centre_id=p.centre_id,
            name=p.name,
            jurisdiction=p.jurisdiction,
            address=p.address,
            phone=p.phone,
            email=p.email,
            charity_number=p.charity_number,
            fca_number=p.fca_number,
            has_logo=p.logo_base64 is not None,
            logo_type=p.logo_type,
            updated_at=p.updated_at,
            version=p.version,
        )
