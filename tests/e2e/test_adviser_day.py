"""An adviser's whole day over HTTP, on SQLite and PostgreSQL (issue 11's "done means"):
sign in → work queue → call logged → screening → checklist → debts from a credit report →
budget → options → offers → advice → letters (HTML and PDF) → the queue's task completed →
findings green: every rule passes or does not apply, none fails and none is "not
assessable". CR-21 does not apply to this brand-new adviser: they were not at the centre
for the whole of the last complete quarter, and the finding names the day their first
full quarter ends (the quota falls due then)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from tests.e2e.conftest import Api, make_centre, settle, sign_in
from tests.e2e.test_advice_api import V0, put
from tests.e2e.test_casework_api import BUDGET, REPORT_CSV, findings, load_guidelines

from cma_entrypoints.container import Container

pytestmark = [pytest.mark.slow, pytest.mark.both_databases]


async def work_queue(api: Api, case_id: str) -> list[dict[str, Any]]:
    r = await api.get("/api/v1/tasks", params={"case_id": case_id, "status": "open"})
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


async def test_an_advisers_day_ends_with_every_finding_green(
    container: Container, http: Any
) -> None:
    centre = await make_centre(container, "Centre Day")
    api = await sign_in(http, "adviser@centreday.example", centre)
    await load_guidelines(container, centre)
    case = await api.new_case()
    base = f"/api/v1/cases/{case['id']}"
    assert case["client_name"] == "Ann Lee"

    # The work queue: opening the case made the first-contact task, assigned to me.
    await settle(container)
    [first] = await work_queue(api, case["id"])
    assert first["kind"] == "initial_contact"
    assert first["assignee_name"] == case["adviser_name"]
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    # The rules judge the centre's local dates (Europe/London), and the checklist's ticks
    # are stamped as they happen: the call is put earlier the same local day (two hours
    # back, or just after midnight), so a run between 00:00 and 02:00 does not log the
    # call "yesterday" and the screening today (CR-03 failed so at 00:01 UTC).
    local_now = now.astimezone(ZoneInfo("Europe/London"))
    midnight = local_now.replace(hour=0, minute=0, second=1).astimezone(dt.UTC)
    called = max(now - dt.timedelta(hours=2), midnight)
    today = local_now.date().isoformat()

    # The first call, logged.
    r = await api.post(
        f"{base}/contacts",
        {
            "at": called.isoformat(),
            "channel": "phone",
            "direction": "inbound",
            "party": "client",
            "with_whom": "Client",
            "summary": "Arrears on a credit card and a catalogue; booked a full appointment.",
            "purpose": "first_contact",
        },
    )
    assert r.status_code == 201, r.text
    before = await findings(api, container, base)
    assert before["CR-02"]["status"] == "fail"  # no privacy notice yet

    # Screening: a life event, with an adjustment.
    r = await api.post(
        f"{base}/screenings",
        {
            "on": today,
            "drivers": ["life_events"],
            "answers": {"idea_impact": "Recently bereaved; finds long calls hard."},
            "adjustments": ["Shorter appointments"],
        },
    )
    assert r.status_code == 201, r.text

    # The first-contact checklist, ticked at the call.
    at = called.isoformat()
    version = 0
    for item, value in (
        ("privacy_notice", None),
        ("service_information", None),
        ("lawful_basis", "legitimate_interests"),
        ("authority_to_act", None),
    ):
        body: dict[str, Any] = {"done_at": at}
        if value:
            body["value"] = value
        r = await put(api, f"{base}/checklist/items/{item}", body, {"If-Match": f'"{version}"'})
        assert r.status_code == 200, r.text
        version = int(r.headers["etag"].strip('"'))
    assert r.json()["complete"] is True

    # Debts from the statutory credit report; one priority debt entered by hand.
    r = await api.client.post(
        f"{base}/credit-reports/import",
        files={"file": ("experian.csv", REPORT_CSV.encode(), "text/csv")},
        data={"agency": "Experian", "report_date": today},
        headers=api.headers,
    )
    assert r.status_code == 201, r.text
    report = r.json()
    assert [x["decision"] for x in report["lines"]] == ["pending", "pending", "not_a_debt"]
    assert report["lines"][1]["suggested_debt_type"] == "catalogue"
    etag = r.headers["etag"]
    for line in (1, 2):
        r = await api.post(
            f"{base}/credit-reports/{report['id']}/lines/{line}/accept",
            {},
            headers={"If-Match": etag},
        )
        assert r.status_code == 200, r.text
        etag = r.headers["etag"]
    r = await api.post("/api/v1/creditors", {"name": "Leeds City Council"})
    council_creditor = r.json()["id"]
    r = await api.post(
        f"{base}/debts",
        {
            "debt_type": "council_tax",
            "balance_pence": 60000,
            "creditor_id": council_creditor,
            "last_payment_date": "2026-08-01",
        },
    )
    assert r.status_code == 201, r.text
    council = r.json()["id"]
    r = await api.get(f"{base}/debts")
    assert r.json()["total"] == 3

    # Facts and a complete budget.
    facts = {
        "jurisdiction": "EW",
        "assets": {"owns_property": False, "vehicles": [], "savings_and_cash_pence": 0},
        "residence": {"jurisdiction": "EW", "domiciled": True},
    }
    assert (await put(api, f"{base}/financial-facts", facts, V0)).status_code == 200
    r = await put(api, f"{base}/budget", BUDGET, V0)
    assert r.status_code == 200, r.text
    available = r.json()["summary"]["available_for_priority_pence"]
    assert available == 180000 - 104000

    # Options, saved; the adviser decides what the appraisal left to judgement.
    r = await api.post(f"{base}/options", params={"date": today})
    assert r.status_code == 201, r.text
    options = r.json()["appraisal"]["options"]
    version = 0
    for option in options:
        if option["status"] != "adviser_judgement":
            continue
        r = await put(
            api,
            f"{base}/eligibility/{option['solution']}",
            {"eligible": option["solution"] == "dmp", "reason": "Considered with the client."},
            {"If-Match": f'"{version}"'},
        )
        assert r.status_code == 200, r.text
        version += 1

    # Offers: the priority debt first, then the rest pro rata.
    r = await api.post(
        f"{base}/offers", {"priority_offers": [{"debt_id": council, "amount_pence": 6000}]}
    )
    assert r.status_code == 201, r.text
    non_priority = r.json()["available_for_non_priority_pence"]

    # Advice, and the written summary sent.
    r = await api.post(
        f"{base}/advice",
        {
            "on_date": today,
            "recommended": "dmp",
            "reasons": "A surplus covers council tax and a fair share for the others.",
            "risks": "Creditors may refuse or add interest.",
            "next_steps": "Contact a free DMP provider.",
            "monthly_payment_pence": non_priority,
            "expected_term_months": 12,
            "client_decision": "accepted",
        },
    )
    assert r.status_code == 201, r.text
    r = await api.post(f"{base}/letters", {"kind": "advice_summary"})
    assert r.status_code == 201, r.text
    summary = r.json()
    assert "Debt Management Plan" in summary["html"]
    r = await api.post(f"{base}/letters/{summary['id']}/sent", headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text

    # An offer to the bank, as HTML and as PDF: labels, not codes; the card number masked.
    debts = (await api.get(f"{base}/debts", params={"debt_type": "credit_card"})).json()
    [card] = debts["items"]
    r = await api.post(f"{base}/letters", {"kind": "offer_of_payment", "debt_id": card["id"]})
    assert r.status_code == 201, r.text
    offer = r.json()
    page = await api.get(f"{base}/letters/{offer['id']}")
    assert page.headers["content-type"].startswith("text/html")
    assert "************1234" in page.text
    assert "4929000000001234" not in page.text
    assert "credit_card" not in page.text
    pdf = await api.get(f"{base}/letters/{offer['id']}", params={"format": "pdf"})
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")

    # The queue's task, completed with what came of it; the queue is empty.
    r = await api.post(
        f"/api/v1/tasks/{first['id']}/complete",
        {"outcome_note": "Called back; full appointment held, advice given."},
        headers={"If-Match": f'"{first["version"]}"'},
    )
    assert r.status_code == 200, r.text
    assert r.json()["closed_by_name"] == case["adviser_name"]
    assert await work_queue(api, case["id"]) == []

    after = await findings(api, container, base)
    failing = {k: f["message"] for k, f in after.items() if f["status"] == "fail"}
    assert failing == {}
    assert after["CR-21"]["status"] == "not_applicable", after["CR-21"]
    assert "first full period ends on" in after["CR-21"]["message"]
    assert after["CR-21"]["due_on"] is not None
    unknown = {k: f["message"] for k, f in after.items() if f["status"] == "not_assessable"}
    assert unknown == {}
    for rule in ("CR-19", "CR-23", "CR-24"):  # no settlement, request or complaint yet
        assert after[rule]["status"] == "not_applicable", (rule, after[rule])
    for rule in (
        "CR-01", "CR-02", "CR-03", "CR-04", "CR-05", "CR-06", "CR-07", "CR-08", "CR-09",
        "CR-10", "CR-11", "CR-12", "CR-13", "CR-18",
    ):  # fmt: skip
        assert after[rule]["status"] == "pass", (rule, after[rule])
