"""Every paginated list, found in the OpenAPI document, refuses a bad page with a 400
problem naming the parameter: negative, zero or oversized limits, negative offsets and
offsets beyond any database integer (one of those once reached SQLite and came back 500).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import httpx
import pytest

from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

from .conftest import PASSWORD, make_centre, sign_in

pytestmark = pytest.mark.both_databases

BAD_PAGES = [
    ("limit", "0"),
    ("limit", "201"),
    ("limit", "many"),
    ("offset", "-1"),
    ("offset", "10001"),  # bounded: deeper pages go by cursor
    ("offset", str(2**31)),
    ("offset", str(10**40)),
]


def _fill(path: str) -> str | None:
    """A path with every id filled by a random UUID; ``None`` for a non-id parameter."""
    parts = []
    for part in path.split("/"):
        if part.startswith("{"):
            if not part.rstrip("}").endswith("_id"):
                return None
            part = str(uuid.uuid4())
        parts.append(part)
    return "/".join(parts)


async def test_every_list_refuses_a_bad_page_naming_the_parameter(
    http: httpx.AsyncClient, container: Container
) -> None:
    # A supervisor and a centre admin between them may read every list.
    centre = await make_centre(container, "Paging Centre", Role.SUPERVISOR)
    await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(centre)),
        email="admin@pagingcentre.example",
        role=Role.CENTRE_ADMIN,
        password=PASSWORD,
    )
    users = [
        await sign_in(http, "supervisor@pagingcentre.example", centre),
        await sign_in(http, "admin@pagingcentre.example", centre),
    ]
    spec: dict[str, Any] = (await http.get("/schema/openapi.json")).json()
    lists = []
    for path, ops in spec["paths"].items():
        get = ops.get("get")
        if not get:
            continue
        names = {p["name"] for p in get.get("parameters", []) if p.get("in") == "query"}
        if {"limit", "offset"} <= names:
            filled = _fill(path)
            assert filled is not None, f"{path}: a list with a path parameter the test can't fill"
            lists.append((filled, "cursor" in names))
    assert len(lists) >= 20  # every area's lists, not a handful

    assert sum(cursor for _, cursor in lists) >= len(CURSOR_LISTS)
    for url, has_cursor in lists:
        bad_cursors = [("cursor", "!!"), ("cursor", "x" * 513)] if has_cursor else []
        for name, value in BAD_PAGES + bad_cursors:
            for api in users:
                r = await api.get(url, params={name: value})
                if r.status_code != 403:
                    break
            assert r.status_code == 400, (url, name, value, r.status_code, r.text)
            assert r.headers["content-type"].startswith("application/problem+json")
            assert [e["field"] for e in r.json()["errors"]] == [name], (url, r.text)


async def test_cases_page_by_cursor_with_the_old_shape_kept(
    http: httpx.AsyncClient, container: Container
) -> None:
    centre = await make_centre(container, "Cursor Centre", Role.SUPERVISOR)
    api = await sign_in(http, "supervisor@cursorcentre.example", centre)
    made = {(await api.new_case())["id"] for _ in range(5)}
    first = (await api.get("/api/v1/cases", params={"limit": 2})).json()
    assert set(first) == {"items", "total", "limit", "offset", "next_cursor"}
    assert (first["total"], first["offset"]) == (5, 0)
    seen, page = [c["id"] for c in first["items"]], first
    while page["next_cursor"]:
        r = await api.get("/api/v1/cases", params={"limit": 2, "cursor": page["next_cursor"]})
        assert r.status_code == 200, r.text
        page = r.json()
        seen.extend(c["id"] for c in page["items"])
    assert sorted(seen) == sorted(made)
    assert len(seen) == 5
    everything = (await api.get("/api/v1/cases", params={"limit": 50})).json()
    assert seen == [c["id"] for c in everything["items"]]  # the same stable order
    both = await api.get("/api/v1/cases", params={"offset": 1, "cursor": first["next_cursor"]})
    assert both.status_code == 422  # well-formed, but not together (as from/to on audit)
    assert [e["field"] for e in both.json()["errors"]] == ["offset"]
    forged = await api.get("/api/v1/cases", params={"cursor": "e30"})  # base64 of {}
    assert forged.status_code == 422, forged.text
    assert [e["field"] for e in forged.json()["errors"]] == ["cursor"]


#: Every list paged by cursor (``next_cursor``, ``cursor``); the first test checks each of
#: these offers ``cursor``.
CURSOR_LISTS = {
    "/api/v1/cases",
    "/api/v1/audit",
    "/api/v1/clients",
    "/api/v1/tasks",
    "/api/v1/users",
    "/api/v1/appointments",
    "/api/v1/reminders",
    "/api/v1/cases/{case_id}/notes",
    "/api/v1/cases/{case_id}/contacts",
    "/api/v1/cases/{case_id}/documents",
    "/api/v1/cases/{case_id}/settlements",
    "/api/v1/cases/{case_id}/complaints",
    "/api/v1/cases/{case_id}/credit-reports",
    "/api/v1/cases/{case_id}/screenings",
    "/api/v1/cases/{case_id}/debts",
    "/api/v1/cases/{case_id}/letters",
    "/api/v1/cases/{case_id}/deadlines",
    "/api/v1/creditors",
    "/api/v1/data-subject-requests",
    "/api/v1/legal-holds",
    "/api/v1/users/{user_id}/grants",
    "/api/v1/cases/{case_id}/suggestions",
    "/api/v1/suggestions",
}


async def test_the_keyset_lists_offer_a_cursor(http: httpx.AsyncClient) -> None:
    spec: dict[str, Any] = (await http.get("/schema/openapi.json")).json()
    for path in sorted(CURSOR_LISTS):
        get = spec["paths"][path]["get"]
        names = {p["name"] for p in get.get("parameters", []) if p.get("in") == "query"}
        assert {"limit", "offset", "cursor"} <= names, path
        page = get["responses"]["200"]["content"]["application/json"]["schema"]
        ref = page["$ref"].rsplit("/", 1)[-1]
        assert "next_cursor" in spec["components"]["schemas"][ref]["properties"], path


async def _page_through(api: Any, url: str, make: Any, params: dict[str, Any]) -> list[str]:
    """Pages of 2 by cursor with a new item made between pages: no item is seen twice,
    every item there before the first page is seen, in the list's own order."""
    before = [
        i["id"] for i in (await api.get(url, params={**params, "limit": 200})).json()["items"]
    ]
    assert len(before) >= 5, url
    seen: list[str] = []
    cursor = None
    for _ in range(30):
        query = {**params, "limit": 2, **({"cursor": cursor} if cursor else {})}
        r = await api.get(url, params=query)
        assert r.status_code == 200, (url, r.text)
        page = r.json()
        assert set(page) == {"items", "total", "limit", "offset", "next_cursor"}
        seen.extend(i["id"] for i in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
        await make()
    assert cursor is None, url
    assert len(seen) == len(set(seen)), url
    assert set(before) <= set(seen), url
    after = [i["id"] for i in (await api.get(url, params={**params, "limit": 200})).json()["items"]]
    assert seen == [i for i in after if i in set(seen)], url
    return seen


async def test_lists_page_by_cursor_with_inserts_between_pages(
    http: httpx.AsyncClient, container: Container
) -> None:
    centre = await make_centre(container, "Keyset Centre", Role.SUPERVISOR)
    api = await sign_in(http, "supervisor@keysetcentre.example", centre)
    case = await api.new_case()
    base = f"/api/v1/cases/{case['id']}"
    made = iter(range(1000))

    async def client() -> None:
        await api.new_client(first_name=f"Ann{next(made)}")

    async def task() -> None:
        r = await api.post("/api/v1/tasks", {"title": f"Task {next(made)}", "case_id": case["id"]})
        assert r.status_code == 201, r.text

    async def note() -> None:
        r = await api.post(f"{base}/notes", {"body": f"Note {next(made)}"})
        assert r.status_code == 201, r.text

    async def contact() -> None:
        # Contacts run newest first: ones at random instants land before and after the page.
        at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(hours=(next(made) * 7) % 50)
        body = {
            "at": at.isoformat(),
            "channel": "phone",
            "direction": "outbound",
            "party": "client",
            "with_whom": "Someone",
            "summary": "A call",
        }
        r = await api.post(f"{base}/contacts", body)
        assert r.status_code == 201, r.text

    async def appointment() -> None:
        start = dt.datetime(2026, 11, 18, 8, tzinfo=dt.UTC) + dt.timedelta(hours=next(made))
        body = {
            "case_id": case["id"],
            "kind": "phone",
            "start": start.isoformat(),
            "end": (start + dt.timedelta(minutes=30)).isoformat(),
        }
        r = await api.post("/api/v1/appointments", body)
        assert r.status_code == 201, r.text

    async def staff() -> None:
        await container.identity().create_user(
            centre_id=CentreId(uuid.UUID(centre)),
            email=f"adviser{next(made)}@keysetcentre.example",
            role=Role.ADVISER,
            password=PASSWORD,
        )

    for url, make, params in (
        ("/api/v1/clients", client, {}),
        ("/api/v1/tasks", task, {"sort": "created"}),
        ("/api/v1/tasks", task, {"sort": "due"}),
        (f"{base}/notes", note, {}),
        (f"{base}/contacts", contact, {}),
        ("/api/v1/appointments", appointment, {}),
        ("/api/v1/users", staff, {}),
    ):
        for _ in range(5):
            await make()
        await _page_through(api, url, make, params)


async def test_registers_page_by_cursor_with_inserts_between_pages(
    http: httpx.AsyncClient, container: Container
) -> None:
    """The lists given a cursor after the first thirteen: a case's screenings and debts,
    the creditor directory, the data-subject request register and the legal holds."""
    centre = await make_centre(container, "Register Centre", Role.SUPERVISOR)
    api = await sign_in(http, "supervisor@registercentre.example", centre)
    case = await api.new_case()
    base = f"/api/v1/cases/{case['id']}"
    client_id = case["client_id"]
    made = iter(range(1000))

    async def screening() -> None:
        # Screened on scattered past days: new ones land before and after the page reached.
        on = dt.date(2026, 1, 1) + dt.timedelta(days=(next(made) * 7) % 40)
        r = await api.post(f"{base}/screenings", {"on": on.isoformat(), "drivers": ["health"]})
        assert r.status_code == 201, r.text

    async def creditor() -> None:
        # Names out of alphabetical order: some sort before the page reached.
        r = await api.post("/api/v1/creditors", {"name": f"Bank {(next(made) * 37) % 100:02d}"})
        assert r.status_code == 201, r.text

    async def debt() -> None:
        body = {"debt_type": "credit_card", "balance_pence": 1000 + next(made)}
        r = await api.post(f"{base}/debts", body)
        assert r.status_code == 201, r.text

    async def request() -> None:
        received = dt.date(2026, 6, 1) + dt.timedelta(days=(next(made) * 5) % 30)
        body = {"client_id": client_id, "kind": "access", "received_on": received.isoformat()}
        r = await api.post("/api/v1/data-subject-requests", body)
        assert r.status_code == 201, r.text

    async def hold() -> None:
        other = await api.new_case()
        r = await api.post("/api/v1/legal-holds", {"case_id": other["id"], "reason": "litigation"})
        assert r.status_code == 201, r.text

    for url, make in (
        (f"{base}/screenings", screening),
        ("/api/v1/creditors", creditor),
        (f"{base}/debts", debt),
        ("/api/v1/data-subject-requests", request),
        ("/api/v1/legal-holds", hold),
    ):
        for _ in range(5):
            await make()
        await _page_through(api, url, make, {})
