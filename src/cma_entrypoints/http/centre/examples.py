"""Examples of the centre profile for the OpenAPI document."""

from __future__ import annotations

from cma_core.reference.jurisdiction import Jurisdiction
from cma_entrypoints.http.centre.schemas import ProfileOut
from cma_entrypoints.http.common.examples import AT, CENTRE_ID

PROFILE_IN = {
    "name": "Riverside Money Advice",
    "jurisdiction": "EW",
    "address": "2 Mill Lane\nLeeds LS1 4AB",
    "phone": "0113 496 0000",
    "email": "advice@riverside.example",
    "charity_number": "1123456",
    "fca_number": "654321",
}

PROFILE = ProfileOut(
    centre_id=CENTRE_ID,
    name="Riverside Money Advice",
    jurisdiction=Jurisdiction.EW,
    address="2 Mill Lane\nLeeds LS1 4AB",
    phone="0113 496 0000",
    email="advice@riverside.example",
    charity_number="1123456",
    fca_number="654321",
    has_logo=True,
    logo_type="image/png",
    updated_at=AT,
    version=3,
)
