"""Tenant isolation, generated from the OpenAPI document.

For every route with a path parameter, a supervisor of centre A calls it with centre B's
*real* ids (made by ``ID_FACTORIES``) and must get 404, for every method: read, update,
delete, sub-resources. List routes never show B's rows.

A new route whose path parameter has no factory FAILS this suite with the route named:
add a factory to ``ID_FACTORIES`` (keyed by the parameter name) that creates a record in
centre B through the API and returns its id. ``PENDING_FACTORIES`` lists the parameters
of areas whose owners have yet to add one: their routes are reported as xfail (and a
route that mixes them with known ids is still tested with B's known ids).
"""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from tests.e2e.conftest import PASSWORD, Api, sign_in

from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

pytestmark = pytest.mark.both_databases

IdFactory = Callable[[Api, "Seeded"], Awaitable[str]]


class Seeded:
    """Records made in centre B, shared by factories (a note needs a case, ...)."""

    def __init__(self) -> None:
        self.cache: dict[str, Any] = {}


async def _client_id(b: Api, seeded: Seeded) -> str:
    if "client_id" not in seeded.cache:
        seeded.cache["client_id"] = (await b.new_client(first_name="Bea"))["id"]
    return seeded.cache["client_id"]


async def _case_id(b: Api, seeded: Seeded) -> str:
    if "case_id" not in seeded.cache:
        r = await b.post("/api/v1/cases", {"client_id": await _client_id(b, seeded)})
        assert r.status_code == 201, r.text
        seeded.cache["case_id"] = r.json()["id"]
    return seeded.cache["case_id"]


async def _user_id(b: Api, seeded: Seeded) -> str:
    r = await b.get("/api/v1/auth/me")
    return str(r.json()["user_id"])


async def _permission(b: Api, seeded: Seeded) -> str:
    """A real grant in centre B (to B's own admin, who holds it): A must not see or revoke it."""
    if "permission" not in seeded.cache:
        user_id = await _user_id(b, seeded)
        r = await b.post(
            f"/api/v1/users/{user_id}/grants",
            {"permission": "finance:read", "reason": "isolation proof"},
        )
        assert r.status_code == 201, r.text
        seeded.cache["permission"] = "finance:read"
    return seeded.cache["permission"]


def _first_id(body: Any) -> str:
    """The id of a created record, whatever envelope the route answers with."""
    if isinstance(body, dict):
        if "id" in body:
            return str(body["id"])
        for key in ("items", "deadlines", "created"):
            if isinstance(body.get(key), list) and body[key]:
                return _first_id(body[key][0])
    if isinstance(body, list) and body:
        return _first_id(body[0])
    raise AssertionError(f"no id in {body!r}")


async def _created(b: Api, url: str, body: Any, key: str, seeded: Seeded) -> str:
    if key not in seeded.cache:
        r = await b.post(url, body)
        assert r.status_code in (200, 201), (url, r.text)
        seeded.cache[key] = _first_id(r.json())
    return seeded.cache[key]


async def _recorded_fact(b: Api, seeded: Seeded) -> dict[str, Any]:
    """B's court claim served, as the API answered (the fact and its deadlines)."""
    if "fact" not in seeded.cache:
        case = await _case_id(b, seeded)
        r = await b.post(
            f"/api/v1/cases/{case}/facts",
            {"kind": "court_claim_served", "occurred_on": "2026-11-20"},
        )
        assert r.status_code == 201, r.text
        seeded.cache["fact"] = r.json()
    fact: dict[str, Any] = seeded.cache["fact"]
    return fact


async def _fact_id(b: Api, seeded: Seeded) -> str:
    return str((await _recorded_fact(b, seeded))["id"])


async def _deadline_id(b: Api, seeded: Seeded) -> str:
    # A deadline's own id (the answer's "id" is the fact's).
    return str((await _recorded_fact(b, seeded))["deadlines"][0]["id"])


async def _reminder_key(b: Api, seeded: Seeded) -> str:
    """A reminder B's court claim plans (keys are not uuids: ``reminder`` is B's own)."""
    if "reminder_key" not in seeded.cache:
        await _deadline_id(b, seeded)
        r = await b.get("/api/v1/reminders", params={"status": "planned", "limit": 1})
        assert r.status_code == 200, r.text
        seeded.cache["reminder_key"] = r.json()["items"][0]["key"]
    return seeded.cache["reminder_key"]


async def _appointment_id(b: Api, seeded: Seeded) -> str:
    if "appointment_id" not in seeded.cache:
        user = await _user_id(b, seeded)
        hours = {str(d): [{"start": "09:00:00", "end": "17:00:00"}] for d in range(5)}
        r = await b.client.put(
            f"/api/v1/advisers/{user}/availability",
            json={"weekly_hours": hours, "leave": []},
            headers={**b.headers, "If-Match": '"0"'},
        )
        assert r.status_code in (200, 201), r.text
    return await _created(
        b,
        "/api/v1/appointments",
        {
            "case_id": await _case_id(b, seeded),
            "kind": "phone",
            "start": "2027-02-01T10:00:00Z",
            "end": "2027-02-01T11:00:00Z",
        },
        "appointment_id",
        seeded,
    )


async def _task_id(b: Api, seeded: Seeded) -> str:
    case = await _case_id(b, seeded)
    return await _created(
        b, "/api/v1/tasks", {"title": "Iso B task", "case_id": case}, "task_id", seeded
    )


async def _creditor_id(b: Api, seeded: Seeded) -> str:
    return await _created(b, "/api/v1/creditors", {"name": "Iso B Bank plc"}, "creditor_id", seeded)


async def _debt_id(b: Api, seeded: Seeded) -> str:
    case = await _case_id(b, seeded)
    body = {
        "debt_type": "credit_card",
        "creditor_id": await _creditor_id(b, seeded),
        "balance_pence": 250000,
        "ownership": "sole",
    }
    return await _created(b, f"/api/v1/cases/{case}/debts", body, "debt_id", seeded)


async def _advice_id(b: Api, seeded: Seeded) -> str:
    case = await _case_id(b, seeded)
    body = {
        "on_date": "2026-11-28",
        "jurisdiction": "EW",
        "recommended": "dmp",
        "reasons": "Surplus covers a DMP.",
    }
    return await _created(b, f"/api/v1/cases/{case}/advice", body, "advice_id", seeded)


async def _letter_id(b: Api, seeded: Seeded) -> str:
    case = await _case_id(b, seeded)
    return await _created(
        b, f"/api/v1/cases/{case}/letters", {"kind": "advice_summary"}, "letter_id", seeded
    )


async def _document_id(b: Api, seeded: Seeded) -> str:
    if "document_id" not in seeded.cache:
        from tests.e2e.documents_fixtures import CREDITOR_LETTER, letter_png

        case = await _case_id(b, seeded)
        r = await b.client.post(
            f"/api/v1/cases/{case}/documents",
            files={"file": ("letter.png", letter_png(CREDITOR_LETTER), "image/png")},
            headers=b.headers,
        )
        assert r.status_code == 201, r.text
        seeded.cache["document_id"] = str(r.json()["id"])
    return seeded.cache["document_id"]


async def _suggestion_id(b: Api, seeded: Seeded) -> str:
    if "suggestion_id" not in seeded.cache:
        await _document_id(b, seeded)
        case = await _case_id(b, seeded)
        # In-process jobs read the letter in the background, after the upload's response.
        for _ in range(600):
            r = await b.get(f"/api/v1/cases/{case}/suggestions")
            assert r.status_code == 200, r.text
            if r.json()["total"]:
                break
            await asyncio.sleep(0.1)
        seeded.cache["suggestion_id"] = _first_id(r.json())
    return seeded.cache["suggestion_id"]


async def _sample_id(b: Api, seeded: Seeded) -> str:
    return await _created(b, "/api/v1/qa/samples", {"seed": "iso"}, "sample_id", seeded)


async def _contact_id(b: Api, seeded: Seeded) -> str:
    case = await _case_id(b, seeded)
    body = {
        "at": "2026-11-28T10:00:00Z",
        "channel": "phone",
        "direction": "inbound",
        "party": "client",
        "with_whom": "Client",
        "summary": "First call",
    }
    return await _created(b, f"/api/v1/cases/{case}/contacts", body, "contact_id", seeded)


async def _screening_id(b: Api, seeded: Seeded) -> str:
    case = await _case_id(b, seeded)
    body = {"on": "2026-11-28", "drivers": ["health"], "adjustments": ["Large print"]}
    return await _created(b, f"/api/v1/cases/{case}/screenings", body, "screening_id", seeded)


async def _report_id(b: Api, seeded: Seeded) -> str:
    case = await _case_id(b, seeded)
    body = {
        "agency": "Experian",
        "accounts": [{"lender": "Iso Bank", "account_type": "Loan", "balance_pence": 1000}],
    }
    return await _created(b, f"/api/v1/cases/{case}/credit-reports", body, "report_id", seeded)


async def _settlement_id(b: Api, seeded: Seeded) -> str:
    case = await _case_id(b, seeded)
    body = {"debt_id": await _debt_id(b, seeded), "amount_pence": 5000}
    return await _created(b, f"/api/v1/cases/{case}/settlements", body, "settlement_id", seeded)


async def _complaint_id(b: Api, seeded: Seeded) -> str:
    case = await _case_id(b, seeded)
    body = {"kind": "service", "received_on": "2026-11-02", "summary": "Slow reply"}
    return await _created(b, f"/api/v1/cases/{case}/complaints", body, "complaint_id", seeded)


async def _breathing_space_id(b: Api, seeded: Seeded) -> str:
    case = await _case_id(b, seeded)
    body = {"kind": "standard", "applied_on": "2026-11-02"}
    path = f"/api/v1/cases/{case}/breathing-spaces"
    return await _created(b, path, body, "breathing_space_id", seeded)


async def _request_id(b: Api, seeded: Seeded) -> str:
    body = {
        "client_id": await _client_id(b, seeded),
        "kind": "access",
        "received_on": "2026-11-02",
    }
    return await _created(b, "/api/v1/data-subject-requests", body, "request_id", seeded)


async def _hold_id(b: Api, seeded: Seeded) -> str:
    body = {"client_id": await _client_id(b, seeded), "reason": "litigation"}
    return await _created(b, "/api/v1/legal-holds", body, "hold_id", seeded)


async def _session_id(b: Api, seeded: Seeded) -> str:
    """B's admin's own signed-in session: A must not see or end it."""
    r = await b.get("/api/v1/auth/sessions")
    assert r.status_code == 200, r.text
    return str(next(s["id"] for s in r.json()["items"] if s["current"]))


async def _value(value: str) -> str:
    return value


#: How to make a real record of centre B for each path-parameter name. Extend me.
ID_FACTORIES: dict[str, IdFactory] = {
    "client_id": _client_id,
    "case_id": _case_id,
    "user_id": _user_id,
    "permission": _permission,
    "session_id": _session_id,
    "deadline_id": _deadline_id,
    "fact_id": _fact_id,
    "appointment_id": _appointment_id,
    "creditor_id": _creditor_id,
    "debt_id": _debt_id,
    "advice_id": _advice_id,
    "letter_id": _letter_id,
    "document_id": _document_id,
    "suggestion_id": _suggestion_id,
    "sample_id": _sample_id,
    "task_id": _task_id,
    "contact_id": _contact_id,
    "screening_id": _screening_id,
    "report_id": _report_id,
    "settlement_id": _settlement_id,
    "complaint_id": _complaint_id,
    "breathing_space_id": _breathing_space_id,
    "request_id": _request_id,
    "hold_id": _hold_id,
    # Values within B's case, not records: valid ones, so only the case check can refuse.
    "key": _reminder_key,
    "line": lambda b, seeded: _value("1"),
    "number": lambda b, seeded: _value("1"),
    "item": lambda b, seeded: _value("lawful_basis"),
    "solution": lambda b, seeded: _value("dmp"),
}

#: Path parameters that are values within the caller's own centre, not record ids: there
#: is no "record of centre B" to aim at (a letter template kind, a closure date). Routes
#: with only such parameters act on centre A's own settings by construction.
NOT_RECORD_IDS: dict[str, str] = {
    "kind": "letter template kind, per centre",
    "day": "a closure date in the centre's own calendar",
}

#: Parameters whose owners have not added a factory yet (area -> reason). Not a place
#: to park new parameters: every entry is a gap in the isolation proof.
PENDING_FACTORIES: dict[str, str] = {}

#: Requests whose documented example cannot reach the lookup (it is refused first, the
#: same for every centre): send this instead, so the route is proven, not skipped.
REQUEST_OVERRIDES: dict[str, dict[str, Any]] = {
    # The SFS import reads its own body (no schema, so no example): an empty one is a 400
    # before anything else; any JSON document reaches the case check.
    "POST /api/v1/cases/{case_id}/sfs": {"json": {}},
    # The example assigns a random adviser, refused as unknown before the case is read.
    "PATCH /api/v1/cases/{case_id}": {"json": {}},
    # Likewise: the example reassigns to a made-up adviser.
    "PATCH /api/v1/tasks/{task_id}": {"json": {"title": "Not theirs"}},
    "PUT /api/v1/advisers/{user_id}/availability": {
        "json": {"weekly_hours": {"0": [{"start": "09:00:00", "end": "12:00:00"}]}, "leave": []}
    },
    "POST /api/v1/cases/{case_id}/documents": {
        "files": {"file": ("x.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")}
    },
    "POST /api/v1/cases/{case_id}/credit-reports/import": {
        "files": {"file": ("r.csv", b"lender,account_type,balance\nBank,Loan,1.00\n", "text/csv")},
        "data": {"agency": "Experian"},
    },
    # Erasure needs a reason code (refused as 422 before the lookup without one).
    "DELETE /api/v1/cases/{case_id}": {"params": {"reason": "data_subject_request"}},
    "DELETE /api/v1/clients/{client_id}": {"params": {"reason": "data_subject_request"}},
}

#: Answers other than 404 found by this suite and reported to the route's owner. Each is
#: an open isolation bug, not an accepted behaviour.
KNOWN_FINDINGS: dict[str, str] = {}

METHODS = ("get", "post", "put", "patch", "delete")
_PARAM = re.compile(r"\{(\w+)\}")


def _routes(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for path, ops in schema["paths"].items():
        if not path.startswith("/api/v1") or not _PARAM.search(path):
            continue
        for method, op in ops.items():
            if method in METHODS:
                out.append((method, path, op))
    return out


def _example_body(op: dict[str, Any]) -> Any:
    body = op.get("requestBody")
    if not body:
        return None
    for media in body.get("content", {}).values():
        in_schema = (media.get("schema") or {}).get("examples")
        if isinstance(in_schema, list) and in_schema:
            return in_schema[0]
        examples = media.get("examples") or {}
        for ex in examples.values():
            if isinstance(ex, dict) and "value" in ex:
                return ex["value"]
        if "example" in media:
            return media["example"]
    return {}


@pytest.fixture
async def centres(container: Container, http: httpx.AsyncClient) -> tuple[Api, Api]:
    """Supervisors (broad rights) of centres A and B, also centre admins (user routes)."""
    ids = []
    for name in ("Iso A", "Iso B"):
        centre = await container.identity().create_centre(name)
        ids.append(centre.id)
    await container.identity().create_user(
        centre_id=CentreId(ids[0]),
        email="sup@isoa.example",
        role=Role.SUPERVISOR,
        password=PASSWORD,
    )
    await container.identity().create_user(
        centre_id=CentreId(ids[1]),
        email="sup@isob.example",
        role=Role.SUPERVISOR,
        password=PASSWORD,
    )
    a = await _with_admin(container, http, "sup@isoa.example", CentreId(ids[0]))
    b = await _with_admin(container, http, "sup@isob.example", CentreId(ids[1]))
    return a, b


async def _with_admin(
    container: Container, http: httpx.AsyncClient, email: str, centre: CentreId
) -> Api:
    await container.identity().create_user(
        centre_id=centre, email=email, role=Role.CENTRE_ADMIN, password=PASSWORD
    )
    return await sign_in(http, email, str(centre))


async def test_every_route_with_an_id_rejects_another_centres_ids(
    centres: tuple[Api, Api], http: httpx.AsyncClient
) -> None:
    a, b = centres
    schema = (await http.get("/schema/openapi.json")).json()
    seeded = Seeded()
    unknown: list[str] = []
    pending: list[str] = []
    leaks: list[str] = []
    unreached: list[str] = []
    findings: list[str] = []
    covered = 0
    for method, path, op in _routes(schema):
        names = _PARAM.findall(path)
        if all(n in NOT_RECORD_IDS for n in names):
            continue
        missing = [
            n
            for n in names
            if n not in ID_FACTORIES and n not in PENDING_FACTORIES and n not in NOT_RECORD_IDS
        ]
        if missing:
            unknown.append(f"{method.upper()} {path} (no id factory for {', '.join(missing)})")
            continue
        if not any(n in ID_FACTORIES for n in names):
            pending.append(f"{method.upper()} {path}")
            continue
        url = path
        for n in names:
            value = await ID_FACTORIES[n](b, seeded) if n in ID_FACTORIES else str(uuid.uuid4())
            url = url.replace("{" + n + "}", value)
        route = f"{method.upper()} {path}"
        request = REQUEST_OVERRIDES.get(route, {"json": _example_body(op)})
        r = await a.client.request(
            method.upper(), url, headers={**a.headers, "If-Match": '"1"'}, **request
        )
        if r.status_code == 404:
            covered += 1
        elif r.status_code in {400, 415, 422} and route not in KNOWN_FINDINGS:
            # Refused before the lookup (the example body does not fit): not a leak, but
            # not proof either; reported below.
            unreached.append(f"{route} -> {r.status_code}")
        elif route in KNOWN_FINDINGS:
            findings.append(f"{route} -> {r.status_code} ({KNOWN_FINDINGS[route]})")
        else:
            leaks.append(f"{route} -> {r.status_code}: {r.text[:200]}")
    assert not unknown, (
        "routes with a path parameter this suite cannot fill; add an id factory to "
        "ID_FACTORIES in tests/e2e/test_isolation.py:\n  " + "\n  ".join(unknown)
    )
    assert not leaks, "centre A reached centre B's records:\n  " + "\n  ".join(leaks)
    assert not unreached, (
        "refused before the centre check, so not proven; add a REQUEST_OVERRIDES entry:\n  "
        + "\n  ".join(unreached)
    )
    assert not pending, "routes awaiting an id factory:\n  " + "\n  ".join(pending)
    assert not findings, "known isolation findings:\n  " + "\n  ".join(findings)
    # Every route with a record id, every method: the count only grows as routes are added.
    assert covered >= 50, covered
    print(f"isolation: {covered} route/method pairs answered 404")


async def test_lists_never_show_another_centres_rows(centres: tuple[Api, Api]) -> None:
    a, b = centres
    seeded = Seeded()
    case_id = await _case_id(b, seeded)
    client_id = await _client_id(b, seeded)
    await a.new_case()
    for url in ("/api/v1/clients", "/api/v1/cases", "/api/v1/tasks", "/api/v1/audit"):
        r = await a.get(url, params={"limit": 200})
        assert r.status_code == 200, (url, r.text)
        text = r.text
        assert case_id not in text
        assert client_id not in text
        assert b.centre_id not in text
    assert (await a.get("/api/v1/clients", params={"name": "Bea"})).json()["total"] == 0
    # The case list's read model, filtered by B's client, from either side of it.
    for headers in ({}, {"X-CMA-Consistency-Token": "2999-01-01T00:00:00+00:00"}):
        r = await a.get("/api/v1/cases", params={"client_id": client_id}, headers=headers)
        assert r.status_code == 200, r.text
        assert r.json()["total"] == 0, r.text
    # Filters naming B's case are 404 where the filter is a case scope, empty elsewhere.
    await _deadline_id(b, seeded)
    for status in ("planned", "pending"):
        r = await a.get("/api/v1/reminders", params={"case_id": case_id, "status": status})
        assert r.status_code == 404, r.text
    r = await a.get("/api/v1/reminders", params={"status": "planned", "limit": 200})
    assert case_id not in r.text
    r = await a.get("/api/v1/tasks", params={"unassigned": "true", "limit": 200})
    assert r.status_code == 200
    assert case_id not in r.text
    # The staff directory (and the admin's edits of it) shows A's people only.
    b_user = await _user_id(b, seeded)
    staff = await a.get("/api/v1/users", params={"limit": 200})
    assert staff.status_code == 200
    assert b_user not in staff.text
    # A member A adds lands in A, not B.
    r = await a.post(
        "/api/v1/users",
        {
            "email": "iso.new@isoa.example",
            "display_name": "Iso Newcomer",
            "roles": ["adviser"],
            "password": "a long first passphrase",
        },
    )
    assert r.status_code == 201, r.text
    assert (await b.get(f"/api/v1/users/{r.json()['id']}")).status_code == 404
