"""A closed case over HTTP, on SQLite and PostgreSQL: what it records is frozen as it was
when it was closed (a change is a 409 ``case-closed`` problem that names the case and
says to reopen it, and nothing is written), its appointments ahead are cancelled, while
what goes on after a case closes is still recorded; reopened, the case takes changes
again."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from tests.e2e.conftest import Api, settle
from tests.e2e.test_advice_api import V0, put
from tests.e2e.test_casework_api import BUDGET

from cma_entrypoints.container import Container

pytestmark = pytest.mark.slow


def _refused(r: httpx.Response, reference: str, action: str) -> None:
    assert r.status_code == 409, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert body["type"] == "https://cma.example.org/problems/case-closed", body
    assert body["detail"] == (
        f"cannot {action}: case {reference} is closed; reopen it to change it"
    ), body


async def _close(api: Api, case: dict[str, Any]) -> dict[str, Any]:
    current = (await api.get(f"/api/v1/cases/{case['id']}")).json()
    r = await api.post(
        f"/api/v1/cases/{case['id']}/close",
        {"reason": "advice_complete"},
        headers={"If-Match": f'"{current["version"]}"'},
    )
    assert r.status_code == 200, r.text
    return dict(r.json())


async def test_a_closed_case_is_frozen_until_reopened(
    container: Container, two_centres: tuple[Api, Api]
) -> None:
    api, _ = two_centres
    case = await api.new_case()
    base = f"/api/v1/cases/{case['id']}"
    ref = case["reference"]
    r = await api.post(f"{base}/debts", {"debt_type": "credit_card", "balance_pence": 90000})
    assert r.status_code == 201, r.text
    debt = r.json()
    ahead = {
        "case_id": case["id"],
        "kind": "phone",
        "start": "2030-01-08T10:00:00Z",
        "end": "2030-01-08T10:30:00Z",
    }
    r = await api.post("/api/v1/appointments", ahead)
    assert r.status_code == 201, r.text
    booked = r.json()
    await settle(container)
    closed = await _close(api, case)
    assert closed["status"] == "closed"
    await settle(container)

    # The record is frozen: each change is refused in words, and nothing is written.
    _refused(
        await api.post(f"{base}/debts", {"debt_type": "personal_loan", "balance_pence": 100}),
        ref,
        "add a debt",
    )
    _refused(
        await api.patch(
            f"{base}/debts/{debt['id']}",
            {"balance_pence": 1},
            headers={"If-Match": f'"{debt["version"]}"'},
        ),
        ref,
        "change a debt",
    )
    _refused(await put(api, f"{base}/budget", BUDGET, V0), ref, "change the budget")
    _refused(
        await api.post(
            f"{base}/facts", {"kind": "court_claim_served", "occurred_on": "2026-11-16"}
        ),
        ref,
        "record a dated event",
    )
    appointment = {
        "case_id": case["id"],
        "kind": "phone",
        "start": "2030-01-07T10:00:00Z",
        "end": "2030-01-07T10:30:00Z",
    }
    _refused(await api.post("/api/v1/appointments", appointment), ref, "book an appointment")
    _refused(await api.post(f"{base}/notes", {"body": "A late thought"}), ref, "add a note")
    debts = (await api.get(f"{base}/debts")).json()["items"]
    assert [(d["id"], d["balance_pence"]) for d in debts] == [(debt["id"], 90000)]
    assert (await api.get(f"{base}/budget")).headers["etag"] == '"0"'  # still none
    assert (await api.get(f"{base}/facts")).json()["items"] == []

    # Its appointment ahead was cancelled as the case closed, saying why (so no reminder).
    r = await api.get(f"/api/v1/appointments/{booked['id']}")
    assert r.json()["status"] == "cancelled", r.text
    assert r.json()["cancel_reason"] == (
        f"Cancelled automatically: case {ref} was closed on "
        f"{closed['closed_at'][:10]} (advice complete)."
    )

    # What goes on after a case closes is still recorded.
    contact = {
        "at": "2026-11-20T10:00:00Z",
        "channel": "phone",
        "direction": "inbound",
        "party": "client",
        "with_whom": "The client",
        "summary": "Rang to say thank you",
    }
    r = await api.post(f"{base}/contacts", contact)
    assert r.status_code == 201, r.text
    complaint = {"kind": "service", "received_on": "2026-11-20", "summary": "Slow reply"}
    r = await api.post(f"{base}/complaints", complaint)
    assert r.status_code == 201, r.text

    # Reopened, the case takes changes again.
    r = await api.post(f"{base}/reopen", headers={"If-Match": f'"{closed["version"]}"'})
    assert r.status_code == 200, r.text
    r = await api.post(f"{base}/debts", {"debt_type": "personal_loan", "balance_pence": 100})
    assert r.status_code == 201, r.text
    r = await put(api, f"{base}/budget", BUDGET, V0)
    assert r.status_code == 200, r.text
