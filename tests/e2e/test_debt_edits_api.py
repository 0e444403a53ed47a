"""A debt edited with PATCH (If-Match, audit, findings re-evaluated) and the CCJ one-month
rule, over HTTP on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import uuid

import httpx
import pytest
from tests.e2e.conftest import PASSWORD, Api, settle, sign_in
from tests.e2e.test_advice_api import setup_case

from cma_core.identity.permissions import Role
from cma_entrypoints.container import Container

pytestmark = pytest.mark.slow


async def test_patch_changes_only_the_fields_given(
    container: Container, http: httpx.AsyncClient, two_centres: tuple[Api, Api]
) -> None:
    api, other = two_centres
    case_id, base, card, _ = await setup_case(api)
    url = f"{base}/debts/{card}"
    before = (await api.get(url)).json()
    assert (await api.patch(url, {"balance_pence": 120000})).status_code == 428
    stale = await api.patch(url, {"balance_pence": 120000}, headers={"If-Match": '"9"'})
    assert stale.status_code == 412
    r = await api.patch(
        url, {"balance_pence": 120000, "notes": "Statement 1 Nov"}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    after = r.json()
    assert r.headers["etag"] == '"2"'
    assert after["balance_pence"] == 120000
    assert after["notes"] == "Statement 1 Nov"
    for kept in ("debt_type", "creditor_id", "account_reference", "last_payment_date"):
        assert after[kept] == before[kept], kept
    # null clears a detail; a type or balance cannot be cleared
    r = await api.patch(url, {"notes": None}, headers={"If-Match": '"2"'})
    assert r.status_code == 200
    assert r.json()["notes"] is None
    r = await api.patch(url, {"debt_type": None}, headers={"If-Match": '"3"'})
    assert r.status_code == 400
    assert r.json()["errors"][0]["field"] == "debt_type"
    r = await api.patch(url, {"yacht": 1}, headers={"If-Match": '"3"'})
    assert r.status_code == 400
    assert r.json()["errors"][0]["field"] == "yacht"
    # audited, and another centre cannot see it
    email = f"sup-{uuid.uuid4().hex[:6]}@centrea.example"
    await container.identity().create_user(
        centre_id=uuid.UUID(api.centre_id), email=email, role=Role.SUPERVISOR, password=PASSWORD
    )
    sup = await sign_in(http, email)
    audit = (await sup.get("/api/v1/audit", params={"entity_id": card})).json()["items"]
    assert [e["action"] for e in audit].count("debt.updated") == 2
    assert (
        await other.patch(url, {"balance_pence": 1}, headers={"If-Match": '"3"'})
    ).status_code == 404
    # the DebtUpdated event re-evaluated the findings
    await settle(container)
    findings = (await api.get(f"/api/v1/cases/{case_id}/compliance")).json()
    assert dt.datetime.fromisoformat(findings["evaluated_at"]) >= dt.datetime.fromisoformat(
        after["updated_at"]
    )


async def test_a_ccj_paid_within_a_month_leaves_the_register(two_centres: tuple[Api, Api]) -> None:
    api, _ = two_centres
    _, base, card, _ = await setup_case(api)
    url = f"{base}/debts/{card}"
    r = await api.patch(url, {"ccj": True, "ccj_date": "2026-01-31"}, headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    ccj = r.json()["ccj_register"]
    # one calendar month from 31 January is the last day of February
    assert ccj["pay_by"] == "2026-02-28"
    assert ccj["outcome"] == "stays"  # unpaid, and the month is long over
    r = await api.patch(url, {"ccj_paid_date": "2026-02-28"}, headers={"If-Match": '"2"'})
    assert r.json()["ccj_register"]["outcome"] == "removed"
    r = await api.patch(url, {"ccj_paid_date": "2026-03-01"}, headers={"If-Match": '"3"'})
    assert r.json()["ccj_register"]["outcome"] == "satisfied"
    r = await api.patch(url, {"ccj_paid_date": "2026-01-01"}, headers={"If-Match": '"4"'})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "ccj_paid_date"
