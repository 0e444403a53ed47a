"""OpenAPI examples of the client routes."""

from __future__ import annotations

import datetime as dt

from cma_entrypoints.http.clients.schemas import AddressOut, ClientOut
from cma_entrypoints.http.common import examples as ex

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
