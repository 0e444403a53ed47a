"""The centre's working hours and the appointments' conflicts over HTTP, on SQLite and
PostgreSQL: hours read by anyone, set by the centre admin with If-Match (428/412), 422
naming the field, audited, each centre its own; a booking outside them answers
``outside_hours``; a double booking is 409 unless ``allow_conflict``; ``has_conflicts``
filters the calendar."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from tests.e2e.conftest import PASSWORD, Api, make_centre, sign_in

from cma_core.identity.permissions import Role
from cma_entrypoints.container import Container

pytestmark = pytest.mark.slow

URL = "/api/v1/centre/working-hours"
MORNINGS = {"weekly_hours": {str(d): [{"start": "09:00:00", "end": "13:00:00"}] for d in range(5)}}


async def put(api: Api, body: Any, etag: str | None) -> httpx.Response:
    headers = {**api.headers, **({"If-Match": etag} if etag is not None else {})}
    return await api.client.put(URL, json=body, headers=headers)


async def test_hours_and_conflicts(container: Container, http: httpx.AsyncClient) -> None:
    a = await make_centre(container, "Centre A", Role.CENTRE_ADMIN)
    b = await make_centre(container, "Centre B", Role.CENTRE_ADMIN)
    await container.identity().create_user(
        centre_id=uuid.UUID(a), email="adviser@centrea.example", role=Role.ADVISER,
        password=PASSWORD,
    )  # fmt: skip
    admin = await sign_in(http, "centre_admin@centrea.example", a)
    adviser = await sign_in(http, "adviser@centrea.example", a)
    other = await sign_in(http, "centre_admin@centreb.example", b)

    r = await adviser.get(URL)
    assert (r.status_code, r.headers["etag"], sorted(r.json()["weekly_hours"])) == (
        200, '"0"', ["0", "1", "2", "3", "4"],
    )  # fmt: skip
    r = await put(admin, MORNINGS, None)
    assert r.status_code == 428, r.text
    assert (await put(adviser, MORNINGS, '"0"')).status_code == 403
    # Each refusal names the very window's field, so the console marks that input.
    for bad, field, status in (
        ({"weekly_hours": {"7": [{"start": "09:00:00", "end": "10:00:00"}]}}, "weekly_hours", 422),
        (
            {"weekly_hours": {"0": [{"start": "10:00:00", "end": "09:00:00"}]}},
            "weekly_hours.0[0].end",
            422,
        ),
        (
            {
                "weekly_hours": {
                    "2": [
                        {"start": "13:00:00", "end": "17:00:00"},
                        {"start": "09:00:00", "end": "13:30:00"},
                    ]
                }
            },
            "weekly_hours.2[0].start",
            422,
        ),
        (
            {"weekly_hours": {"4": [{"start": "09:00:00", "end": "half five"}]}},
            "weekly_hours.4[0].end",
            400,
        ),
        ({**MORNINGS, "timezone": "Mars/Olympus"}, "timezone", 422),
    ):
        r = await put(admin, bad, '"0"')
        assert r.status_code == status, r.text
        assert r.json()["errors"][0]["field"] == field
    r = await put(admin, MORNINGS, '"0"')
    assert (r.status_code, r.headers["etag"]) == (200, '"1"'), r.text
    assert (await put(admin, MORNINGS, '"0"')).status_code == 412
    assert (await other.get(URL)).json()["version"] == 0  # centre B keeps the default
    audit = await admin.get("/api/v1/audit", params={"action": "centre.working_hours_set"})
    assert audit.json()["total"] == 1, audit.text

    case = await adviser.new_case()
    slot = {"case_id": case["id"], "kind": "phone", "start": "2027-02-01T14:00:00Z",
            "end": "2027-02-01T15:00:00Z"}  # fmt: skip
    r = await adviser.post("/api/v1/appointments", slot)
    assert r.status_code == 201, r.text
    first = r.json()
    assert [c["kind"] for c in first["conflicts"]] == ["outside_hours"]
    half = {**slot, "start": "2027-02-01T14:30:00Z"}
    r = await adviser.post("/api/v1/appointments", half)
    assert (r.status_code, r.json()["type"].rsplit("/", 1)[-1]) == (409, "double-booking"), r.text
    r = await adviser.post("/api/v1/appointments", {**half, "allow_conflict": True})
    assert r.status_code == 201, r.text
    assert [(c["kind"], c.get("other_appointment_id")) for c in r.json()["conflicts"]] == [
        ("overlap_adviser", first["id"]),
        ("overlap_client", first["id"]),
        ("outside_hours", None),
    ]
    inside = {**slot, "start": "2027-02-02T09:00:00Z", "end": "2027-02-02T10:00:00Z"}
    assert (await adviser.post("/api/v1/appointments", inside)).json()["conflicts"] == []
    window = {"from": "2027-02-01T00:00:00Z", "to": "2027-02-03T00:00:00Z"}
    r = await adviser.get("/api/v1/appointments", params={**window, "has_conflicts": "true"})
    assert (r.status_code, r.json()["total"]) == (200, 2), r.text
    r = await adviser.get("/api/v1/appointments", params={**window, "has_conflicts": "false"})
    assert r.json()["total"] == 1
    wide = {"from": "2027-02-01T00:00:00Z", "to": "2027-06-01T00:00:00Z", "has_conflicts": "true"}
    r = await adviser.get("/api/v1/appointments", params=wide)
    assert (r.status_code, r.json()["errors"][0]["field"]) == (422, "to"), r.text
