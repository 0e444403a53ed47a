"""The casework routes over HTTP, on SQLite and PostgreSQL (the whole adviser's day that
uses them is ``test_adviser_day.py``): their promises (If-Match, paging and filters,
problems naming the field, sensitive parts withheld, another centre's case a 404)."""

from __future__ import annotations

import datetime as dt
import uuid
from importlib import resources
from typing import Any

import pytest
from tests.e2e.conftest import Api, colleague, settle
from tests.e2e.test_advice_api import V0, field_of, put

from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

pytestmark = pytest.mark.slow

REPORT_CSV = (
    "lender,account_number,account_type,balance,status,default_date,opened_date,last_payment_date\n"
    "Example Bank,4929000000001234,Credit Card,1500.00,default,2025-03-01,2019-06-10,2025-02-01\n"
    "Mail Order Ltd,88120033,Mail Order,£400.00,2 months in arrears,,2021-01-05,2026-09-14\n"
    "Old Lender,5500,Personal Loan,0.00,settled,,2015-02-01,2016-01-01\n"
)

BUDGET = {
    "household": {
        "has_partner": False,
        "dependent_children_under_16": 0,
        "tenure": "Tenant - social",
    },
    "lines": {
        "client_salary": {"amount_pence": 180000, "frequency": "monthly", "note": "payslips"},
        "rent": {"amount_pence": 55000},
        "council_tax": {"amount_pence": 12000},
        "electricity": {"amount_pence": 6000},
        "gas": {"amount_pence": 6000},
        "groceries": {"amount_pence": 25000},
    },
    "savings_contribution_pence": 0,
    "savings_contribution_considered": True,
    "asset_use_considered": True,
    "complete": True,
    "details": {"client_employment_status": ["Full-time"]},
}


async def load_guidelines(container: Container, centre_id: str) -> None:
    """The example spending guidelines, as `cma reference load --example` would."""
    text = (
        resources.files("cma_core.reference")
        .joinpath("example_spending_guidelines.csv")
        .read_text("utf-8")
    )
    ctx = TenantContext(
        centre_id=CentreId(uuid.UUID(centre_id)),
        user_id=None,
        roles=frozenset({Role.CENTRE_ADMIN, Role.SUPERVISOR}),
    )
    await container.reference().load(ctx, guidelines_csv=text, source="EXAMPLE")


async def findings(api: Api, container: Container, base: str) -> dict[str, Any]:
    await settle(container)
    r = await api.get(f"{base}/compliance")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["evaluated_at"]
    return {f["rule_id"]: f for f in body["findings"]}


async def test_casework_routes_keep_their_promises(
    container: Container, http: Any, two_centres: tuple[Api, Api]
) -> None:
    api, other = two_centres
    case = await api.new_case()
    base = f"/api/v1/cases/{case['id']}"
    now = dt.datetime.now(dt.UTC)
    ids = []
    for hours, channel, party in (
        (5, "phone", "client"),
        (3, "letter", "creditor"),
        (1, "email", "client"),
    ):
        r = await api.post(
            f"{base}/contacts",
            {
                "at": (now - dt.timedelta(hours=hours)).isoformat(),
                "channel": channel,
                "direction": "outbound",
                "party": party,
                "with_whom": "Someone",
                "summary": f"{channel} contact",
            },
        )
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    r = await api.get(f"{base}/contacts", params={"party": "client", "limit": 1})
    assert r.json()["total"] == 2
    assert [c["id"] for c in r.json()["items"]] == [ids[2]]  # newest first
    r = await api.get(f"{base}/contacts", params={"channel": "carrier_pigeon"})
    assert r.status_code == 422  # a value outside a closed set, listed
    assert "phone" in r.json()["errors"][0]["allowed"]
    # Edit with If-Match: 428 without, 412 stale, 200 and a new ETag.
    url = f"{base}/contacts/{ids[1]}"
    assert (await api.patch(url, {"summary": "x"})).status_code == 428
    assert (await api.patch(url, {"summary": "x"}, headers={"If-Match": '"7"'})).status_code == 412
    r = await api.patch(url, {"summary": "Letter to Example Bank"}, headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert r.headers["etag"] == '"2"'
    # Problems name the field.
    future = (now + dt.timedelta(days=2)).isoformat()
    r = await api.post(
        f"{base}/contacts",
        {"at": future, "channel": "phone", "direction": "inbound", "party": "client",
         "with_whom": "C", "summary": "s"},
    )  # fmt: skip
    assert r.status_code == 422
    assert field_of(r) == "at"
    r = await put(api, f"{base}/checklist/items/lawful_basis", {"value": "because"}, V0)
    assert r.status_code == 422
    assert field_of(r) == "value"
    r = await api.post(f"{base}/screenings", {"on": now.date().isoformat(), "drivers": ["luck"]})
    assert r.status_code == 422
    assert field_of(r) == "drivers[0]"
    r = await api.client.post(
        f"{base}/credit-reports/import",
        files={"file": ("r.csv", b"lender,balance\nBank,1\n", "text/csv")},
        data={"agency": "Equifax"},
        headers=api.headers,
    )
    assert r.status_code == 422
    assert field_of(r) == "file"
    # Another centre sees none of it.
    for path in ("contacts", f"contacts/{ids[0]}", "checklist", "screenings", "credit-reports",
                 "eligibility"):  # fmt: skip
        assert (await other.get(f"{base}/{path}")).status_code == 404, path
    # An auditor (no sensitive:read) sees screenings with the sensitive parts withheld.
    r = await api.post(
        f"{base}/screenings",
        {"on": now.date().isoformat(), "drivers": ["health"], "adjustments": ["Large print"]},
    )
    assert r.status_code == 201
    assert r.json()["drivers"] == ["health"]
    auditor = await colleague(container, http, api, Role.AUDITOR)
    r = await auditor.get(f"{base}/screenings")
    assert r.status_code == 200, r.text
    shown = r.json()["items"][0]
    assert shown["drivers"] == []
    assert shown["adjustments"] == []
    assert "drivers" in shown["withheld"]
    # ... and may not record one.
    r = await auditor.post(f"{base}/screenings", {"on": now.date().isoformat()})
    assert r.status_code == 403


async def test_a_deficit_budget_is_flagged_and_offers_nothing(
    two_centres: tuple[Api, Api],
) -> None:
    api, _ = two_centres
    case = await api.new_case()
    base = f"/api/v1/cases/{case['id']}"
    r = await api.post(f"{base}/debts", {"debt_type": "credit_card", "balance_pence": 90000})
    assert r.status_code == 201, r.text
    short = {**BUDGET, "lines": {**BUDGET["lines"], "client_salary": {"amount_pence": 90000}}}
    r = await put(api, f"{base}/budget", short, V0)
    assert r.status_code == 200, r.text
    deficit = r.json()["deficit"]
    assert deficit["shortfall_pence"] == 104000 - 90000
    assert [n["id"] for n in deficit["notes"]] == [
        "DEF-INCOME",
        "DEF-PRIORITY",
        "DEF-BREATHING-SPACE",
        "DEF-NO-TOKENS",
    ]
    r = await api.post(f"{base}/offers", {"priority_offers": []})
    assert r.status_code == 201, r.text
    plan = r.json()
    assert plan["shortfall_pence"] == 14000
    assert plan["uses_token_payments"] is False
    assert plan["lines"] == []
    r = await api.post(f"{base}/offers", {"priority_offers": [], "tokens_in_deficit": True})
    assert r.json()["uses_token_payments"] is True
