"""The Breathing Space register over HTTP, on SQLite and PostgreSQL: CR-15, CR-16 and
CR-17 are judged from what it records, with the moratorium's first day read from the case
clock (the fact ``breathing_space_registered``). Each record moves its rule's finding
both ways; edits take If-Match; impossible records are refused naming the field."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from tests.e2e.conftest import Api, make_centre, sign_in
from tests.e2e.test_casework_api import findings

from cma_core.identity.permissions import Role
from cma_entrypoints.container import Container

pytestmark = pytest.mark.slow

ALL_CHECKS = [
    "individual",
    "qualifying_debt",
    "domiciled_or_resident_ew",
    "not_in_insolvency",
    "not_in_moratorium",
    "no_standard_bs_in_12_months",
]


def _fields(r: Any) -> set[str]:
    return {e.get("field") for e in r.json().get("errors", [])} | {r.json().get("field")}


async def test_the_register_feeds_cr15_cr16_and_cr17(container: Container, http: Any) -> None:
    centre = await make_centre(container, "Centre BS", Role.ADVISER)
    api: Api = await sign_in(http, "adviser@centrebs.example", centre)
    case = await api.new_case()
    base = f"/api/v1/cases/{case['id']}"
    today = dt.datetime.now(dt.UTC).date()
    ago = lambda n: (today - dt.timedelta(days=n)).isoformat()  # noqa: E731

    assert (await findings(api, container, base))["CR-15"]["status"] == "not_applicable"

    # Applied 40 days ago with no checks recorded and no advice first: CR-15 fails.
    r = await api.post(f"{base}/breathing-spaces", {"kind": "standard", "applied_on": ago(40)})
    assert r.status_code == 201, r.text
    bs = r.json()
    assert set(bs["checks_missing"]) == set(ALL_CHECKS)
    url = f"{base}/breathing-spaces/{bs['id']}"
    assert r.headers["Location"].endswith(url)
    assert (await findings(api, container, base))["CR-15"]["status"] == "fail"

    # Registered 38 days ago: day 1 was 37 days ago, so the midway window (days 26-35)
    # has closed with no review recorded.
    r = await api.post(
        f"{base}/facts", {"kind": "breathing_space_registered", "occurred_on": ago(38)}
    )
    assert r.status_code == 201, r.text
    found = await findings(api, container, base)
    assert found["CR-16"]["status"] == "fail"
    assert found["CR-17"]["status"] == "not_applicable"

    # The checks and advice before applying; the review on day 28 with its outcome.
    r = await api.patch(url, {"checks_confirmed": ALL_CHECKS})
    assert r.status_code == 428, r.text
    r = await api.patch(url, {"advice_on": ago(41)}, headers={"If-Match": '"7"'})
    assert r.status_code == 412, r.text
    r = await api.patch(
        url,
        {
            "checks_confirmed": ALL_CHECKS,
            "advice_on": ago(41),
            "midway_review_on": ago(37 - 27),
            "midway_review_outcome": "continues",
        },
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    assert r.headers["ETag"] == '"2"'
    assert r.json()["checks_missing"] == []
    found = await findings(api, container, base)
    assert found["CR-15"]["status"] == "pass", found["CR-15"]
    assert found["CR-16"]["status"] == "pass", found["CR-16"]

    # A creditor asked for a review on day 10 and nobody decided it by day 35.
    review = {"creditor": "Example Bank", "received_on": ago(37 - 9)}
    r = await api.patch(url, {"creditor_reviews": [review]}, headers={"If-Match": '"2"'})
    assert r.status_code == 200, r.text
    assert (await findings(api, container, base))["CR-17"]["status"] == "fail"
    decided = {**review, "decided_on": ago(37 - 30)}
    r = await api.patch(url, {"creditor_reviews": [decided]}, headers={"If-Match": '"3"'})
    assert r.status_code == 200, r.text
    assert (await findings(api, container, base))["CR-17"]["status"] == "pass"

    # A fee is stored as charged, and fails CR-15 until refunded (corrected to nothing).
    r = await api.patch(url, {"fee_charged_pence": 5000}, headers={"If-Match": '"4"'})
    assert r.status_code == 200, r.text
    assert (await findings(api, container, base))["CR-15"]["status"] == "fail"
    r = await api.patch(url, {"fee_charged_pence": 0}, headers={"If-Match": '"5"'})
    assert (await findings(api, container, base))["CR-15"]["status"] == "pass"

    r = await api.get(f"{base}/breathing-spaces", params={"kind": "standard"})
    assert r.status_code == 200, r.text
    assert [b["id"] for b in r.json()["items"]] == [bs["id"]]
    r = await api.get(f"{base}/breathing-spaces", params={"kind": "mental_health_crisis"})
    assert r.json()["total"] == 0


async def test_impossible_records_are_refused_by_field(container: Container, http: Any) -> None:
    centre = await make_centre(container, "Centre BS2", Role.ADVISER)
    api: Api = await sign_in(http, "adviser@centrebs2.example", centre)
    case = await api.new_case()
    base = f"/api/v1/cases/{case['id']}/breathing-spaces"
    today = dt.datetime.now(dt.UTC).date()
    ago = lambda n: (today - dt.timedelta(days=n)).isoformat()  # noqa: E731
    std = {"kind": "standard", "applied_on": ago(3)}
    bad = [
        ({**std, "applied_on": (today + dt.timedelta(days=2)).isoformat()}, "applied_on"),
        ({**std, "kind": "weekly"}, "kind"),
        ({**std, "midway_review_outcome": "continues"}, "midway_review_on"),
        (
            {"kind": "mental_health_crisis", "applied_on": ago(30), "midway_review_on": ago(2)},
            "midway_review_on",
        ),
        ({**std, "ended_on": ago(9)}, "ended_on"),
        ({**std, "checks_confirmed": ["psychic"]}, "checks_confirmed"),
        (
            {**std, "creditor_reviews": [{"creditor": "B", "received_on": ago(20)}]},
            "creditor_reviews[0].received_on",
        ),
        ({**std, "fee_charged_pence": "10"}, "fee_charged_pence"),
    ]
    for body, field in bad:
        r = await api.post(base, body)
        assert r.status_code in (400, 422), (body, r.text)
        assert any(field in str(f) for f in _fields(r)), (field, r.text)
    r = await api.get(base)
    assert r.json()["total"] == 0  # nothing stored half-way
