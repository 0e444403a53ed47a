"""Inputs that once answered 500 (found by schemathesis against the OpenAPI document):
each now gets a problem naming what is wrong, and a preflight never fails."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .conftest import Api

pytestmark = pytest.mark.both_databases


async def test_options_on_every_path_never_fails(
    http: httpx.AsyncClient, two_centres: tuple[Api, Api]
) -> None:
    """A CORS preflight carries no token: a guard that expects a user must not run on it
    (the grants controller's did, and answered 500)."""
    spec: dict[str, Any] = (await http.get("/schema/openapi.json")).json()
    fills = {"permission": "sensitive:read", "kind": "advice_summary", "key": "x"}
    checked = 0
    for path in spec["paths"]:
        url = "/".join(
            fills.get(part.strip("{}").split(":")[0], "7d1e6a54-0c1a-4c9e-9c55-3f3a1d2b4c5e")
            if part.startswith("{")
            else part
            for part in path.split("/")
        )
        for headers in (
            {},
            {"Origin": "https://app.example", "Access-Control-Request-Method": "GET"},
        ):
            r = await http.options(url, headers=headers)
            assert r.status_code < 500, (path, headers, r.status_code, r.text)
        checked += 1
    assert checked >= 60


@pytest.mark.parametrize("occurred_on", ["1240-07-17", "1974-12-31"])
async def test_a_fact_dated_where_the_calendar_has_no_holidays_is_refused(
    two_centres: tuple[Api, Api], occurred_on: str
) -> None:
    api, _ = two_centres
    case = await api.new_case()
    r = await api.post(
        f"/api/v1/cases/{case['id']}/facts",
        {"kind": "court_claim_served", "occurred_on": occurred_on},
    )
    # 1240: outside the plausible range every date field has (400); 1974: no holidays (422)
    assert r.status_code in (400, 422), r.text
    assert [e["field"] for e in r.json()["errors"]] == ["occurred_on"]


async def test_an_appointment_in_a_year_without_holidays_is_refused(
    two_centres: tuple[Api, Api],
) -> None:
    api, _ = two_centres
    case = await api.new_case()
    r = await api.post(
        "/api/v1/appointments",
        {
            "case_id": case["id"],
            "kind": "phone",
            "start": "3024-11-18T10:00:00Z",
            "end": "3024-11-18T11:00:00Z",
        },
    )
    assert r.status_code == 400, r.text  # outside the plausible range of every moment
    assert [e["field"] for e in r.json()["errors"]] == ["start"]
