"""Per-centre compliance policy and closure days over HTTP, and the read endpoints of QA,
appointment outcomes and reminders; on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import httpx
import pytest

from cma_adapters.memory import FixedClock
from cma_adapters.notify import InMemoryNotifier
from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

from .conftest import PASSWORD, Api, make_centre, settle, sign_in

UTC = dt.UTC


@pytest.fixture
def clock(container: Container) -> FixedClock:
    fixed = FixedClock(dt.datetime(2026, 11, 16, 10, 0, tzinfo=UTC))  # Monday
    container.clock.override(fixed)
    return fixed


@pytest.fixture
def notifier(container: Container) -> InMemoryNotifier:
    fake = InMemoryNotifier()
    container.notifier.override(fake)
    return fake


async def _centre(container: Container, http: httpx.AsyncClient, name: str) -> tuple[Api, Api]:
    """(adviser, supervisor) of a new centre."""
    centre = await make_centre(container, name)
    slug = name.lower().replace(" ", "")
    await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(centre)),
        email=f"supervisor@{slug}.example",
        role=Role.SUPERVISOR,
        password=PASSWORD,
    )
    return (
        await sign_in(http, f"adviser@{slug}.example", centre),
        await sign_in(http, f"supervisor@{slug}.example", centre),
    )


async def _put(api: Api, url: str, body: Any, **headers: str) -> Any:
    return await api.client.put(url, json=body, headers={**api.headers, **headers})


async def _delete(api: Api, url: str) -> Any:
    return await api.client.delete(url, headers=api.headers)


async def _written_advice_due(adviser: Api, case_id: str, on: str) -> str:
    r = await adviser.post(
        f"/api/v1/cases/{case_id}/facts", {"kind": "advice_given", "occurred_on": on}
    )
    assert r.status_code == 201, r.text
    [deadline] = r.json()["deadlines"]
    assert deadline["kind"] == "written_advice"
    return str(deadline["due"])


async def test_policy_and_closures_drive_deadlines_sampling_and_tenancy(
    container: Container, http: httpx.AsyncClient, clock: FixedClock
) -> None:
    adviser, supervisor = await _centre(container, http, "Policy Centre")
    _, other_supervisor = await _centre(container, http, "Other Centre")
    case = await adviser.new_case()

    # Defaults: 5 working days after Monday 16 Nov is Monday 23 Nov.
    r = await supervisor.get("/api/v1/compliance/policy")
    assert r.status_code == 200, r.text
    assert r.headers["etag"] == '"0"'
    assert r.json()["defaults"] is True
    assert r.json()["written_advice_working_days"] == 5
    assert await _written_advice_due(adviser, case["id"], "2026-11-16") == "2026-11-23"

    # Advisers neither read nor set the policy; a PUT needs If-Match.
    assert (await adviser.get("/api/v1/compliance/policy")).status_code == 403
    body = {"written_advice_working_days": 3, "file_review_quota": 4}
    assert (await _put(adviser, "/api/v1/compliance/policy", body)).status_code == 403
    assert (await _put(supervisor, "/api/v1/compliance/policy", body)).status_code == 428
    r = await _put(supervisor, "/api/v1/compliance/policy", body, **{"If-Match": '"0"'})
    assert r.status_code == 200, r.text
    assert r.headers["etag"] == '"1"'
    policy = r.json()
    assert policy["written_advice_working_days"] == 3
    assert policy["file_review_quota"] == 4
    assert policy["retention_years"] == 6  # left out: the default
    assert policy["defaults"] is False
    stale = await _put(supervisor, "/api/v1/compliance/policy", body, **{"If-Match": '"0"'})
    assert stale.status_code == 412
    bad = await _put(
        supervisor,
        "/api/v1/compliance/policy",
        {"file_review_period_months": 5},
        **{"If-Match": '"1"'},
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "file_review_period_months"
    unknown = await _put(
        supervisor, "/api/v1/compliance/policy", {"nonsense": 1}, **{"If-Match": '"1"'}
    )
    assert unknown.status_code == 400

    # A closure day on Wednesday: 3 working days from Monday skip it → Friday.
    r = await supervisor.post(
        "/api/v1/calendar/closures", {"day": "2026-11-18", "reason": "Staff training"}
    )
    assert r.status_code == 201, r.text
    assert r.headers["location"] == "/api/v1/calendar/closures/2026-11-18"
    dup = await supervisor.post(
        "/api/v1/calendar/closures", {"day": "2026-11-18", "reason": "again"}
    )
    assert dup.status_code == 409
    assert (
        await adviser.post("/api/v1/calendar/closures", {"day": "2026-11-19", "reason": "x"})
    ).status_code == 403
    assert await _written_advice_due(adviser, case["id"], "2026-11-16") == "2026-11-20"

    listed = (await adviser.get("/api/v1/calendar/closures")).json()
    assert [(c["day"], c["reason"]) for c in listed] == [("2026-11-18", "Staff training")]
    window = await adviser.get(
        "/api/v1/calendar/closures", params={"from": "2026-11-19", "to": "2026-12-31"}
    )
    assert window.json() == []
    # A period refused names its field (the console says it next to that field): the end
    # before the start, a day that is not a date.
    backwards = await adviser.get(
        "/api/v1/calendar/closures", params={"from": "2026-12-31", "to": "2026-11-19"}
    )
    assert backwards.status_code == 422
    assert backwards.json()["errors"] == [{"field": "to", "message": "must not be before from"}]
    garbled = await adviser.get(
        "/api/v1/calendar/closures", params={"from": "2026-13-01", "to": "2026-12-31"}
    )
    assert garbled.status_code == 400
    # Named as the query names it ("from"), not as the handler does ("start").
    assert garbled.json()["errors"] == [{"field": "from", "message": "must be a date (YYYY-MM-DD)"}]
    assert (await other_supervisor.get("/api/v1/calendar/closures")).json() == []
    assert (
        await _delete(other_supervisor, "/api/v1/calendar/closures/2026-11-18")
    ).status_code == 404
    assert (await other_supervisor.get("/api/v1/compliance/policy")).json()["defaults"] is True

    # The policy's quota is the sampling default.
    r = await supervisor.post("/api/v1/qa/samples", {"seed": "2026-Q4"})
    assert r.status_code == 201, r.text
    assert r.json()["quota"] == 4

    # Reopened day: back to Thursday.
    assert (await _delete(supervisor, "/api/v1/calendar/closures/2026-11-18")).status_code == 204
    assert (await _delete(supervisor, "/api/v1/calendar/closures/2026-11-18")).status_code == 404
    assert await _written_advice_due(adviser, case["id"], "2026-11-16") == "2026-11-19"

    # The evaluation reads the centre's policy: CR-22 expects its 8-year retention.
    r = await _put(
        supervisor,
        "/api/v1/compliance/policy",
        {"written_advice_working_days": 3, "retention_years": 8},
        **{"If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    assert r.json()["file_review_quota"] == 2  # a replacement: left out, back to default
    current = (await adviser.get(f"/api/v1/cases/{case['id']}")).json()
    r = await supervisor.post(
        f"/api/v1/cases/{case['id']}/close",
        {"reason": "advice_complete"},
        headers={"If-Match": f'"{current["version"]}"'},
    )
    assert r.status_code == 200, r.text
    await settle(container)  # findings are re-evaluated by a job, after the response
    r = await supervisor.get(f"/api/v1/cases/{case['id']}/compliance")
    assert r.status_code == 200, r.text
    cr22 = next(f for f in r.json()["findings"] if f["rule_id"] == "CR-22")
    # The retention date is the policy's: closing date + retention_years (the date the
    # retention run deletes the file on), due then.
    assert cr22["status"] == "pass", cr22
    assert cr22["due_on"] == "2034-11-16"


async def test_qa_samples_and_reviews_are_listed(
    container: Container, http: httpx.AsyncClient, clock: FixedClock
) -> None:
    adviser, supervisor = await _centre(container, http, "Qa Centre")
    case = await adviser.new_case()
    r = await supervisor.post(
        f"/api/v1/cases/{case['id']}/close",
        {"reason": "advice_complete"},
        headers={"If-Match": f'"{case["version"]}"'},
    )
    assert r.status_code == 200, r.text
    first = (await supervisor.post("/api/v1/qa/samples", {"seed": "a", "quota": 1})).json()
    clock.at = clock.at + dt.timedelta(hours=1)
    second = (await supervisor.post("/api/v1/qa/samples", {"seed": "b", "quota": 1})).json()
    r = await supervisor.post(
        "/api/v1/qa/reviews",
        {"case_id": case["id"], "answers": {"CR-01": "met", "CR-18": "not_met"}, "actions": "x"},
    )
    assert r.status_code == 201, r.text

    page = (await supervisor.get("/api/v1/qa/samples", params={"limit": 1})).json()
    assert page["total"] == 2
    assert [s["id"] for s in page["items"]] == [second["id"]]  # newest first
    one = await supervisor.get(f"/api/v1/qa/samples/{first['id']}")
    assert one.status_code == 200
    assert one.json()["seed"] == "a"
    assert one.json()["picks"] == first["picks"]
    assert (await supervisor.get(f"/api/v1/qa/samples/{uuid.uuid4()}")).status_code == 404

    reviews = (await supervisor.get("/api/v1/qa/reviews", params={"case_id": case["id"]})).json()
    assert reviews["total"] == 1
    assert reviews["items"][0]["answers"] == {"CR-01": "met", "CR-18": "not_met"}
    none = await supervisor.get("/api/v1/qa/reviews", params={"case_id": str(uuid.uuid4())})
    assert none.json()["total"] == 0
    assert (await adviser.get("/api/v1/qa/samples")).status_code == 403
    assert (await adviser.get("/api/v1/qa/reviews")).status_code == 403


async def test_appointment_outcomes_and_the_reminder_log(
    container: Container,
    http: httpx.AsyncClient,
    clock: FixedClock,
    notifier: InMemoryNotifier,
) -> None:
    adviser, supervisor = await _centre(container, http, "Outcome Centre")
    client = await adviser.new_client(email="ann.lee@example.org")
    r = await adviser.client.put(
        f"/api/v1/clients/{client['id']}/contact-consent",
        json={"email": True},
        headers={**adviser.headers, "If-Match": '"0"'},
    )
    assert r.status_code == 200, r.text
    case = (await adviser.post("/api/v1/cases", {"client_id": client["id"]})).json()
    slot = {"case_id": case["id"], "kind": "phone"}
    one = (
        await adviser.post(
            "/api/v1/appointments",
            {**slot, "start": "2026-11-17T10:00:00Z", "end": "2026-11-17T11:00:00Z"},
        )
    ).json()
    two = (
        await adviser.post(
            "/api/v1/appointments",
            {**slot, "start": "2026-11-17T12:00:00Z", "end": "2026-11-17T13:00:00Z"},
        )
    ).json()

    # The day before: the client is reminded; staff who read every case see the log.
    clock.at = dt.datetime(2026, 11, 16, 12, 30, tzinfo=UTC)
    report = await container.scheduler().sweep_centre(CentreId(uuid.UUID(adviser.centre_id)))
    assert report.sent == 2
    page = (await supervisor.get("/api/v1/reminders", params={"limit": 1})).json()
    assert page["total"] == 2
    assert len(page["items"]) == 1
    item = page["items"][0]
    assert item["status"] == "sent"
    assert item["audience"] == "client"
    assert item["subject_kind"] == "appointment"
    assert item["note"] is None  # the provider's reference is not shown
    assert (await adviser.get("/api/v1/reminders")).json()["total"] == 2

    # Not started yet: no outcome.
    url = f"/api/v1/appointments/{one['id']}"
    assert (await adviser.post(f"{url}/complete")).status_code == 428
    early = await adviser.post(f"{url}/complete", headers={"If-Match": '"1"'})
    assert early.status_code == 422

    clock.at = dt.datetime(2026, 11, 17, 14, 0, tzinfo=UTC)
    assert (await adviser.post(f"{url}/complete", headers={"If-Match": '"7"'})).status_code == 412
    r = await adviser.post(f"{url}/complete", headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "completed"
    assert r.headers["etag"] == '"2"'
    again = await adviser.post(f"{url}/no-show", headers={"If-Match": '"2"'})
    assert again.status_code in {409, 422}
    two_etag = (await adviser.get(f"/api/v1/appointments/{two['id']}")).headers["etag"]
    r = await adviser.post(
        f"/api/v1/appointments/{two['id']}/no-show", headers={"If-Match": two_etag}
    )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "no_show"


async def test_debts_budget_advice_and_letters_make_the_advice_rules_assessable(
    two_centres: tuple[Api, Api], container: Container
) -> None:
    from .test_advice_api import BUDGET, V0, setup_case
    from .test_advice_api import put as put_json

    api, _ = two_centres
    case_id, base, _card, council = await setup_case(api)
    facts = {
        "jurisdiction": "EW",
        "assets": {"owns_property": False, "vehicles": [], "savings_and_cash_pence": 0},
        "residence": {"jurisdiction": "EW", "domiciled": True},
    }
    assert (await put_json(api, f"{base}/financial-facts", facts, V0)).status_code == 200
    assert (await put_json(api, f"{base}/budget", BUDGET, V0)).status_code == 200
    assert (await api.post(f"{base}/options", params={"date": "2026-11-28"})).status_code == 201
    r = await api.post(
        f"{base}/offers", {"priority_offers": [{"debt_id": council, "amount_pence": 5000}]}
    )
    assert r.status_code == 201, r.text
    r = await api.post(
        f"{base}/advice",
        {
            "on_date": "2026-11-28",
            "recommended": "dmp",
            "reasons": "Surplus covers the priority debt and a fair share for the card.",
            "client_decision": "accepted",
        },
    )
    assert r.status_code == 201, r.text
    letter = (await api.post(f"{base}/letters", {"kind": "advice_summary"})).json()
    r = await api.post(f"{base}/letters/{letter['id']}/sent", headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text

    await settle(container)  # findings are re-evaluated by a job, after the response
    r = await api.get(f"/api/v1/cases/{case_id}/compliance")
    assert r.status_code == 200, r.text
    findings = {f["rule_id"]: f for f in r.json()["findings"]}
    status = {k: v["status"] for k, v in findings.items()}
    # Read from the advice area now, each rule gives a verdict on the facts:
    assert status["CR-05"] == "pass"  # a DMP exists in EW
    assert status["CR-06"] == "fail"  # recommended before the SFS was marked complete
    assert status["CR-07"] == "pass"  # the SFS totals recompute from the lines
    assert status["CR-10"] == "pass"  # the priority offer comes first and is affordable
    assert status["CR-11"] == "pass"  # the card's offer is pro rata
    assert status["CR-12"] == "fail"  # options left to adviser judgement are undecided
    assert findings["CR-12"]["message"].count("Breathing Space") == 1  # named once, in words
    assert status["CR-13"] == "fail"  # no monthly payment or term on the DMP
    assert status["CR-14"] == "not_applicable"  # no DRO recommended
    assert status["CR-18"] == "fail"  # the summary has no risks or next steps
    assert "risks" in findings["CR-18"]["message"]
    assert status["CR-09"] == "fail"  # the council tax debt names no creditor
    assert "no creditor" in findings["CR-09"]["message"]
    # Gaps in what the adviser recorded are named, never passed.
    assert status["CR-20"] == "not_assessable"
    assert "last payment or acknowledgment" in findings["CR-20"]["message"]
    assert status["CR-08"] == "not_assessable"  # no spending guideline loaded


async def test_cr14_judges_the_saved_appraisal_of_a_recommended_dro(
    two_centres: tuple[Api, Api], container: Container
) -> None:
    """The case file carries the latest saved appraisal's DRO result: a DRO recommended on
    a budget with £290.50 a month to spare fails DRO-E3 (it was "not assessable: no DRO
    inputs" whatever the facts, since nothing in production built them)."""
    from .test_advice_api import BUDGET, V0, setup_case
    from .test_advice_api import put as put_json

    api, _ = two_centres
    case_id, base, _card, _council = await setup_case(api)
    facts = {
        "jurisdiction": "EW",
        "assets": {"owns_property": False, "vehicles": [], "savings_and_cash_pence": 0},
        "residence": {"jurisdiction": "EW", "domiciled": True},
    }
    assert (await put_json(api, f"{base}/financial-facts", facts, V0)).status_code == 200
    assert (await put_json(api, f"{base}/budget", BUDGET, V0)).status_code == 200
    assert (await api.post(f"{base}/options", params={"date": "2026-11-28"})).status_code == 201
    saved = (await api.get(f"{base}/appraisals")).json()["items"][0]["appraisal"]
    dro = next(o for o in saved["options"] if o["solution"] == "dro")
    assert dro["status"] == "not_eligible"
    r = await api.post(
        f"{base}/advice",
        {"on_date": "2026-11-28", "recommended": "dro", "reasons": "Client asked about a DRO."},
    )
    assert r.status_code == 201, r.text

    await settle(container)
    r = await api.get(f"/api/v1/cases/{case_id}/compliance")
    assert r.status_code == 200, r.text
    cr14 = next(f for f in r.json()["findings"] if f["rule_id"] == "CR-14")
    assert cr14["status"] == "fail", cr14
    assert "DRO-E3" in cr14["message"]
    assert "2026-11-28" in str(cr14["facts"])
