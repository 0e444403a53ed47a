"""Upcoming reminders over HTTP, on SQLite and PostgreSQL: visible before they are due
(``status=planned``, paginated and filtered), cancellable, and a cancelled one is never
sent by the sweep; another centre's keys are 404."""

from __future__ import annotations

import datetime as dt
import uuid

import httpx
import pytest

from cma_adapters.memory import FixedClock
from cma_adapters.notify import InMemoryNotifier
from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

from .conftest import PASSWORD, Api, make_centre, sign_in

pytestmark = pytest.mark.slow

UTC = dt.UTC
URL = "/api/v1/reminders"


async def _caseworker(
    container: Container, http: httpx.AsyncClient, adviser: Api, centre: str
) -> Api:
    await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(centre)), email="caseworker@remindcentre.example",
        role=Role.CASEWORKER, password=PASSWORD,
    )  # fmt: skip
    return await sign_in(http, "caseworker@remindcentre.example", centre)


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


async def test_planned_reminders_are_listed_filtered_and_cancelled(
    container: Container, http: httpx.AsyncClient, clock: FixedClock, notifier: InMemoryNotifier
) -> None:
    centre = await make_centre(container, "Remind Centre")
    await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(centre)), email="supervisor@remindcentre.example",
        role=Role.SUPERVISOR, password=PASSWORD,
    )  # fmt: skip
    await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(centre)), email="auditor@remindcentre.example",
        role=Role.AUDITOR, password=PASSWORD,
    )  # fmt: skip
    adviser = await sign_in(http, "adviser@remindcentre.example", centre)
    auditor = await sign_in(http, "auditor@remindcentre.example", centre)
    supervisor = await sign_in(http, "supervisor@remindcentre.example", centre)
    other_centre = await make_centre(container, "Elsewhere", Role.SUPERVISOR)
    other = await sign_in(http, "supervisor@elsewhere.example", other_centre)

    client = await adviser.new_client(email="ann.lee@example.org")
    r = await adviser.client.put(
        f"/api/v1/clients/{client['id']}/contact-consent",
        json={"email": True},
        headers={**adviser.headers, "If-Match": '"0"'},
    )
    assert r.status_code == 200, r.text
    case = (await adviser.post("/api/v1/cases", {"client_id": client["id"]})).json()
    r = await adviser.post(
        f"/api/v1/cases/{case['id']}/facts",
        {"kind": "court_claim_served", "occurred_on": "2026-11-16"},
    )
    assert r.status_code == 201, r.text

    # Nothing is due yet, so nothing is stored; every reminder ahead is planned.
    assert (await supervisor.get(URL)).json()["total"] == 0
    r = await supervisor.get(URL, params={"status": "planned", "limit": 200})
    assert r.status_code == 200, r.text
    planned = r.json()
    assert planned["total"] > 2
    assert {p["status"] for p in planned["items"]} == {"planned"}
    sends = [p["send_at"] for p in planned["items"]]
    assert sends == sorted(sends)
    assert all(s > "2026-11-16T10:00:00" for s in sends)
    kinds = {p["subject_kind"] for p in planned["items"]}
    assert {"claim_response", "defence"} <= kinds
    r = await supervisor.get(URL, params={"status": "planned", "audience": "client"})
    assert {p["audience"] for p in r.json()["items"]} == {"client"}
    r = await supervisor.get(URL, params={"status": "planned", "subject_kind": "defence"})
    assert {p["subject_kind"] for p in r.json()["items"]} == {"defence"}
    page = (await supervisor.get(URL, params={"status": "planned", "limit": 1, "offset": 1})).json()
    assert (page["total"], [p["key"] for p in page["items"]]) == (
        planned["total"],
        [planned["items"][1]["key"]],
    )
    assert (
        await supervisor.get(URL, params={"status": "soon"})
    ).status_code == 422  # outside the closed set
    assert {p["case_id"] for p in planned["items"]} == {case["id"]}
    assert {p["version"] for p in planned["items"]} == {0}
    # One case's reminders: the same ones, asked of the API rather than picked out of the
    # centre's; another case has none.
    mine = await adviser.get(URL, params={"status": "planned", "case_id": case["id"], "limit": 200})
    assert mine.json()["total"] == planned["total"]
    other_case = (await adviser.post("/api/v1/cases", {"client_id": client["id"]})).json()
    r = await adviser.get(URL, params={"status": "planned", "case_id": other_case["id"]})
    assert r.json()["total"] == 0
    assert (await adviser.get(URL, params={"case_id": str(uuid.uuid4())})).status_code == 404
    # Caseworkers see only their own cases: the centre's reminders are not theirs to list,
    # another adviser's case is 404 (as if absent), their own case's reminders they see.
    caseworker = await _caseworker(container, http, adviser, centre)
    assert (await caseworker.get(URL, params={"status": "planned"})).status_code == 403
    theirs = {"status": "planned", "case_id": case["id"]}
    assert (await caseworker.get(URL, params=theirs)).status_code == 404
    cw_user = (await caseworker.get("/api/v1/auth/me")).json()["user_id"]
    r = await supervisor.patch(
        f"/api/v1/cases/{case['id']}", {"adviser_id": cw_user}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    seen = (await caseworker.get(URL, params={**theirs, "limit": 200})).json()
    # Now the caseworker is told of the deadlines too (the reminders follow the adviser).
    assert seen["total"] >= 1
    assert {p["case_id"] for p in seen["items"]} == {case["id"]}
    planned = (await supervisor.get(URL, params={"status": "planned", "limit": 200})).json()

    # Cancel the first one: it leaves the plan and is kept as cancelled.
    first = planned["items"][0]
    first_url = f"{URL}/{first['key']}/cancel"
    planned_etag = {"If-Match": '"0"'}
    assert (await other.post(first_url, headers=planned_etag)).status_code == 404
    assert (await auditor.post(first_url, headers=planned_etag)).status_code == 403  # read-only
    assert (await supervisor.post(first_url)).status_code == 428
    assert (await supervisor.post(first_url, headers={"If-Match": '"3"'})).status_code == 412
    r = await supervisor.post(first_url, headers=planned_etag)
    assert r.status_code == 200, r.text
    assert (r.json()["key"], r.json()["status"]) == (first["key"], "cancelled")
    assert r.headers["ETag"] == '"1"'
    again = await supervisor.post(first_url, headers={"If-Match": '"1"'})
    assert again.status_code == 409
    zeros = f"{URL}/{'0' * 32}/cancel"
    assert (await supervisor.post(zeros, headers=planned_etag)).status_code == 404
    after = (await supervisor.get(URL, params={"status": "planned", "limit": 200})).json()
    assert after["total"] == planned["total"] - 1
    assert first["key"] not in {p["key"] for p in after["items"]}
    r = await supervisor.get(URL, params={"status": "cancelled"})
    assert [p["key"] for p in r.json()["items"]] == [first["key"]]
    r = await supervisor.get("/api/v1/audit", params={"action": "reminder.cancelled"})
    assert r.json()["total"] == 1

    # When it falls due the sweep leaves it alone; the others go out.
    clock.at = dt.datetime.fromisoformat(first["send_at"]) + dt.timedelta(minutes=1)
    await container.scheduler().sweep_centre(CentreId(uuid.UUID(centre)))
    stored = (await supervisor.get(URL, params={"limit": 200})).json()["items"]
    by_key = {s["key"]: s["status"] for s in stored}
    assert by_key[first["key"]] == "cancelled"
    assert "sent" in by_key.values()
