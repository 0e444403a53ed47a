"""The case clock end to end over HTTP, on SQLite and PostgreSQL, with the real holidays
adapter and the in-process worker: a court claim → deadlines → tasks → adviser reminder →
missed → critical finding + escalation; appointments, double booking, ETags, tenancy."""

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


async def _setup(container: Container, http: httpx.AsyncClient) -> tuple[Api, Api, str]:
    centre = await make_centre(container, "Clock Centre")
    await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(centre)),
        email="supervisor@clockcentre.example",
        role=Role.SUPERVISOR,
        password=PASSWORD,
    )
    adviser = await sign_in(http, "adviser@clockcentre.example", centre)
    supervisor = await sign_in(http, "supervisor@clockcentre.example", centre)
    return adviser, supervisor, centre


async def test_court_claim_to_deadline_task_reminder_miss_finding_and_escalation(
    container: Container,
    http: httpx.AsyncClient,
    clock: FixedClock,
    notifier: InMemoryNotifier,
) -> None:
    adviser, supervisor, centre = await _setup(container, http)
    # This centre only: the PostgreSQL database is shared with the session's other tests,
    # whose open deadlines are not this test's to sweep.
    sweep = container.scheduler().sweep_centre
    centre_id = CentreId(uuid.UUID(centre))
    me = (await adviser.get("/api/v1/auth/me")).json()["user_id"]
    client = await adviser.new_client(email="ann.lee@example.org", phone="07700 900123")
    r = await adviser.client.put(
        f"/api/v1/clients/{client['id']}/contact-consent",
        json={"email": True, "sms": False},
        headers={**adviser.headers, "If-Match": '"0"'},
    )
    assert r.status_code == 200, r.text
    r = await adviser.post("/api/v1/cases", {"client_id": client["id"]})
    case = r.json()

    # 1. The fact: particulars served Monday 16 Nov 2026.
    r = await adviser.post(
        f"/api/v1/cases/{case['id']}/facts",
        {"kind": "court_claim_served", "occurred_on": "2026-11-16"},
    )
    assert r.status_code == 201, r.text
    deadlines = {d["kind"]: d for d in r.json()["deadlines"]}
    assert deadlines["claim_response"]["due"] == "2026-11-30"  # 14 days, a Monday
    assert deadlines["claim_response"]["counting"] == "calendar_days"
    assert "CPR" in deadlines["claim_response"]["source"]
    assert deadlines["defence"]["due"] == "2026-12-14"
    listed = (await adviser.get(f"/api/v1/cases/{case['id']}/deadlines")).json()
    assert listed["total"] == 2
    assert [d["kind"] for d in listed["items"]] == ["claim_response", "defence"]

    # 2. A task for the adviser, due before the deadline.
    tasks = (await adviser.get("/api/v1/tasks", params={"assignee": "me"})).json()["items"]
    deadline_tasks = [t for t in tasks if t["kind"] == "deadline"]
    assert len(deadline_tasks) == 2
    assert all(t["assignee_id"] == me for t in deadline_tasks)
    assert deadline_tasks[0]["due_at"].startswith("2026-11-27")  # Friday before the Monday

    # 3. A week before: the adviser (and the consenting client, by email) are reminded.
    clock.at = dt.datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    report = await sweep(centre_id)
    assert report.sent >= 2
    to = {m.to for m in notifier.sent}
    assert "adviser@clockcentre.example" in to
    assert "ann.lee@example.org" in to
    assert not any(m.channel == "sms" for m in notifier.sent)  # no SMS consent
    again = await sweep(centre_id)
    assert again.sent == 0
    assert again.planned == 0

    # 4. Missed: the day after the due date nothing was recorded as done.
    sent_before = len(notifier.sent)
    clock.at = dt.datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    report = await sweep(centre_id)
    assert report.missed == 1
    assert report.escalated == 1
    escalations = [m for m in notifier.sent[sent_before:] if m.to.startswith("supervisor@")]
    assert len(escalations) == 1

    listed = (await adviser.get(f"/api/v1/cases/{case['id']}/deadlines")).json()["items"]
    missed = next(d for d in listed if d["kind"] == "claim_response")
    assert missed["status"] == "missed"
    assert missed["escalated_to"] is not None

    sup_tasks = (await supervisor.get("/api/v1/tasks", params={"assignee": "me"})).json()
    assert sup_tasks["total"] == 1
    assert sup_tasks["items"][0]["title"].startswith("Escalated")

    await settle(container)  # findings are re-evaluated by a job, after the sweep's commit
    r = await adviser.get(f"/api/v1/cases/{case['id']}/compliance")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"] is True  # written by the worker on DeadlinePassed
    clock_rule = next(f for f in body["findings"] if f["rule_id"] == "CC-01")
    assert clock_rule["status"] == "fail"
    assert clock_rule["severity"] == "critical"
    cr14 = next(f for f in body["findings"] if f["rule_id"] == "CR-14")
    assert cr14["status"] == "not_applicable"  # the debts are read now: no DRO recommended
    cr09 = next(f for f in body["findings"] if f["rule_id"] == "CR-09")
    # The casework area now records the credit report check (credit reports, or the
    # first-contact checklist's reason for not checking), so CR-09 is assessable: this
    # case has neither, which is a real failure, no longer "not_assessable".
    assert cr09["status"] == "fail"
    assert "no credit report check" in cr09["message"]

    # 5. Running the sweep again changes and sends nothing.
    sent_before = len(notifier.sent)
    report = await sweep(centre_id)
    assert (report.missed, report.escalated, report.sent) == (0, 0, 0)
    assert len(notifier.sent) == sent_before

    # 6. The centre report shows the critical failure by rule and adviser.
    rep = (await supervisor.get("/api/v1/compliance/report", params={"rule_id": "CC-01"})).json()
    assert rep["total"] == 1
    assert rep["items"][0]["finding"]["severity"] == "critical"
    assert {r["key"] for r in rep["by_adviser"]} == {me}


async def test_appointments_double_booking_etags_ical_and_tenancy(
    container: Container,
    http: httpx.AsyncClient,
    two_centres: tuple[Api, Api],
    clock: FixedClock,
) -> None:
    a, b = two_centres
    case = await a.new_case()
    body: dict[str, Any] = {
        "case_id": case["id"],
        "kind": "phone",
        "start": "2026-11-18T10:00:00Z",
        "end": "2026-11-18T11:00:00Z",
    }
    r = await a.post("/api/v1/appointments", body)
    assert r.status_code == 201, r.text
    appt = r.json()
    assert r.headers["etag"] == '"1"'

    clash = await a.post(
        "/api/v1/appointments",
        {**body, "start": "2026-11-18T10:30:00Z", "end": "2026-11-18T11:30:00Z"},
    )
    assert clash.status_code == 409
    assert clash.headers["content-type"].startswith("application/problem+json")
    assert clash.json()["type"].endswith("/double-booking")

    back_to_back = await a.post(
        "/api/v1/appointments",
        {**body, "start": "2026-11-18T11:00:00Z", "end": "2026-11-18T12:00:00Z"},
    )
    assert back_to_back.status_code == 201

    in_person = await a.post("/api/v1/appointments", {**body, "kind": "in_person"})
    assert in_person.status_code == 422
    assert in_person.json()["errors"][0]["field"] == "location"

    url = f"/api/v1/appointments/{appt['id']}"
    move = {"start": "2026-11-19T10:00:00Z", "end": "2026-11-19T11:00:00Z"}
    assert (await a.patch(url, move)).status_code == 428
    assert (await a.patch(url, move, headers={"If-Match": '"7"'})).status_code == 412
    r = await a.patch(url, move, headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert r.json()["sequence"] == 1
    assert r.headers["etag"] == '"2"'

    r = await a.post(f"{url}/cancel", {"reason": "client unwell"})
    assert r.status_code == 428  # a change like any other: If-Match
    r = await a.post(f"{url}/cancel", {"reason": "client unwell"}, headers={"If-Match": '"2"'})
    assert r.status_code == 200
    assert r.json()["status"] == "cancelled"

    page = (await a.get("/api/v1/appointments", params={"adviser_id": "me", "limit": 1})).json()
    assert set(page) == {"items", "total", "limit", "offset", "next_cursor"}
    assert page["total"] == 2
    assert len(page["items"]) == 1

    me = (await a.get("/api/v1/auth/me")).json()["user_id"]
    ics = await a.get(f"/api/v1/advisers/{me}/calendar.ics")
    assert ics.status_code == 200
    assert ics.headers["content-type"].startswith("text/calendar")
    assert "STATUS:CANCELLED" in ics.text
    assert ics.text.count("BEGIN:VEVENT") == 2

    # Another centre sees none of it.
    assert (await b.get(url)).status_code == 404
    assert (await b.patch(url, move, headers={"If-Match": '"3"'})).status_code == 404
    assert (await b.get(f"/api/v1/cases/{case['id']}/compliance")).status_code == 404
    assert (await b.get(f"/api/v1/cases/{case['id']}/deadlines")).status_code == 404
    assert (await b.get("/api/v1/appointments")).json()["total"] == 0


async def test_fact_validation_names_the_field(
    two_centres: tuple[Api, Api], clock: FixedClock
) -> None:
    a, _ = two_centres
    case = await a.new_case()
    r = await a.post(
        f"/api/v1/cases/{case['id']}/facts",
        {"kind": "court_claim_served", "occurred_on": "2027-01-01"},
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "occurred_on"
    assert "deemed" in r.json()["errors"][0]["message"]  # says what would be accepted
    r = await a.post(
        f"/api/v1/cases/{case['id']}/facts",
        {"kind": "letter_of_claim", "occurred_on": "2026-11-01", "deemed": True},
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "deemed"
    # A claim form's deemed date of service a few days ahead is what the form says.
    ahead = (clock.now() + dt.timedelta(days=4)).date()
    r = await a.post(
        f"/api/v1/cases/{case['id']}/facts",
        {"kind": "court_claim_served", "occurred_on": ahead.isoformat(), "deemed": True},
    )
    assert r.status_code == 201, r.text
    assert r.json()["deemed"] is True
    [first] = [d for d in r.json()["deadlines"] if d["kind"] == "claim_response"]
    assert first["trigger"] == ahead.isoformat()
    r = await a.post(
        f"/api/v1/cases/{case['id']}/facts", {"kind": "nonsense", "occurred_on": "2026-11-01"}
    )
    assert r.status_code == 422  # outside the closed set
    assert r.json()["errors"][0]["field"] == "kind"


async def test_an_event_recorded_in_error_is_listed_then_withdrawn_with_its_deadlines(
    two_centres: tuple[Api, Api], clock: FixedClock
) -> None:
    a, _ = two_centres
    case = await a.new_case()
    url = f"/api/v1/cases/{case['id']}/facts"
    r = await a.post(url, {"kind": "court_claim_served", "occurred_on": "2026-11-06"})
    assert r.status_code == 201, r.text
    assert r.headers["etag"] == '"1"'
    fact = r.json()
    listed = (await a.get(url)).json()
    assert listed["total"] == 1
    assert listed["items"][0]["id"] == fact["id"]
    assert {d["kind"] for d in listed["items"][0]["deadlines"]} == {"claim_response", "defence"}

    withdraw = f"{url}/{fact['id']}/withdraw"
    r = await a.post(withdraw, {"reason": "date mistyped"})
    assert r.status_code == 428  # an edit: If-Match required
    r = await a.post(withdraw, {"reason": "date mistyped"}, headers={"If-Match": '"7"'})
    assert r.status_code == 412
    r = await a.post(withdraw, {"reason": ""}, headers={"If-Match": '"1"'})
    assert r.status_code == 400  # refused by the body's schema, naming the field
    assert r.json()["errors"][0]["field"] == "reason"
    r = await a.post(withdraw, {"reason": "date mistyped"}, headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert r.headers["etag"] == '"2"'
    body = r.json()
    assert body["withdrawn_reason"] == "date mistyped"
    assert {d["status"] for d in body["deadlines"]} == {"withdrawn"}
    r = await a.post(withdraw, {"reason": "again"}, headers={"If-Match": '"2"'})
    assert r.status_code == 409

    assert (await a.get(url, params={"withdrawn": "false"})).json()["total"] == 0
    assert (await a.get(url, params={"withdrawn": "true"})).json()["total"] == 1
    deadlines = (await a.get(f"/api/v1/cases/{case['id']}/deadlines")).json()["items"]
    assert {d["status"] for d in deadlines} == {"withdrawn"}
    tasks = (await a.get("/api/v1/tasks", params={"case_id": case["id"]})).json()["items"]
    assert {t["status"] for t in tasks if t["kind"] == "deadline"} == {"cancelled"}
