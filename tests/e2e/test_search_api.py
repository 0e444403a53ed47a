"""``GET /api/v1/search`` end to end: the index fed by the worker from events, on SQLite
(FTS5 file) and PostgreSQL (full text); visibility, withheld fields, isolation with crafted
queries, erasure, and a rebuild that gives exactly the incrementally built index."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

from .conftest import PASSWORD, Api, make_centre, settle, sign_in

pytestmark = pytest.mark.both_databases

CRAFTED = [
    "' OR 1=1 --",
    '" OR scope:*',
    "centre_id:*",
    "* OR quorn",
    "quorn OR council",
    "{title body}: council",
    "terms : quorn",
    "-quorn",
    "\\",
    "council & tax | !arrears",
    "quorn\x00",
]


async def _search(api: Api, q: str, **params: Any) -> dict[str, Any]:
    r = await api.get("/api/v1/search", params={"q": q, **params})
    assert r.status_code == 200, r.text
    return dict(r.json())


def _ids(page: dict[str, Any]) -> set[str]:
    return {h["id"] for h in page["items"]}


async def _seed(api: Api, *, surname: str = "Quorn") -> dict[str, Any]:
    client = await api.new_client(
        first_name="Zebedee",
        last_name=surname,
        email=f"zeb.{surname.lower()}@example.org",
        ni_number="AB123456C",
    )
    r = await api.post("/api/v1/cases", {"client_id": client["id"]})
    assert r.status_code == 201, r.text
    case = r.json()
    note = await api.post(
        f"/api/v1/cases/{case['id']}/notes",
        {"body": "Council tax arrears of £1,240; bailiff letter received."},
    )
    secret = await api.post(
        f"/api/v1/cases/{case['id']}/notes",
        {"body": "Staying at a refuge since March.", "sensitive": True},
    )
    contact = await api.post(
        f"/api/v1/cases/{case['id']}/contacts",
        {
            "at": "2026-11-28T10:00:00Z",
            "channel": "phone",
            "direction": "outbound",
            "party": "third_party",
            "with_whom": "Yorkshire Water",
            "summary": "Asked for the water meter to be read before the move.",
        },
    )
    assert note.status_code == secret.status_code == contact.status_code == 201
    return {
        "client": client,
        "case": case,
        "note": note.json(),
        "secret": secret.json(),
        "contact": contact.json(),
    }


async def test_search_ranks_highlights_and_names_clients(
    container: Container, two_centres: tuple[Api, Api]
) -> None:
    a, _ = two_centres
    made = await _seed(a)
    await settle(container)

    by_words = await _search(a, "council tax")
    assert [h["id"] for h in by_words["items"]] == [made["note"]["id"]]
    hit = by_words["items"][0]
    assert hit["kind"] == "note"
    assert hit["case_id"] == made["case"]["id"]
    marked = {p["text"].casefold() for p in hit["snippet"] if p["match"]}
    assert {"council", "tax"} <= marked

    by_name = await _search(a, "Zebedee Quorn")
    kinds = {h["kind"]: h for h in by_name["items"]}
    assert set(kinds) == {"client", "case"}
    assert kinds["client"]["title"] == "Zebedee Quorn"  # from the write side, not the index
    assert kinds["client"]["snippet"] == []
    assert kinds["case"]["title"] == made["case"]["reference"]
    assert _ids(await _search(a, "zeb.quorn@example.org")) >= {made["client"]["id"]}
    only_cases = await _search(a, "quorn", kind="case")
    assert [h["kind"] for h in only_cases["items"]] == ["case"]
    paged = await _search(a, "quorn", limit=1, offset=1)
    assert paged["total"] == 2
    assert len(paged["items"]) == 1
    whole = await _search(a, "quorn")
    first = await _search(a, "quorn", limit=1)
    assert first["next_cursor"]
    assert whole["next_cursor"] is None
    second = await _search(a, "quorn", limit=1, cursor=first["next_cursor"])
    assert second["total"] == 2
    assert [h["id"] for h in (*first["items"], *second["items"])] == [
        h["id"] for h in whole["items"]
    ]
    assert (await _search(a, "quorn", limit=1, cursor=second["next_cursor"]))["items"] == []
    # Another centre's cursor moves nothing into view: its own centre is always applied.
    _, b = two_centres
    assert (await _search(b, "quorn", cursor=first["next_cursor"]))["items"] == []

    # Bad input is a problem naming the field.
    for params in ({"q": ""}, {"q": "   "}, {"q": "x" * 201}, {"q": " ".join("w" * 13)}):
        r = await a.get("/api/v1/search", params=params)
        assert r.status_code in (400, 422), (params, r.text)
        assert [e["field"] for e in r.json()["errors"]] == ["q"]
    for bad in ("!!", "eyJ4Ijox", "WzEuMCwiMjAyNi0wMS0wMVQwMDowMDowMCswMDowMCIsIng6eSJd"):
        r = await a.get("/api/v1/search", params={"q": "tax", "cursor": bad})
        assert r.status_code in (400, 422), (bad, r.text)
        assert [e["field"] for e in r.json()["errors"]] == ["cursor"]
    r = await a.get(
        "/api/v1/search", params={"q": "tax", "cursor": first["next_cursor"], "offset": 1}
    )
    assert r.status_code == 422, r.text
    assert [e["field"] for e in r.json()["errors"]] == ["offset"]
    r = await a.get("/api/v1/search", params={"q": "tax", "kind": "planet"})
    assert r.status_code == 422  # outside the closed set
    assert [e["field"] for e in r.json()["errors"]] == ["kind"]


async def test_withheld_fields_need_sensitive_read_and_own_cases_only(
    container: Container, two_centres: tuple[Api, Api], http: httpx.AsyncClient
) -> None:
    a, _ = two_centres
    await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(a.centre_id)),
        email="caseworker@centrea.example",
        role=Role.CASEWORKER,
        password=PASSWORD,
    )
    worker = await sign_in(http, "caseworker@centrea.example", a.centre_id)
    made = await _seed(a)
    theirs = await _seed(worker, surname="Plumtree")
    await settle(container)

    # The adviser (sensitive:read, case:read_all) matches the sensitive note and NI number.
    assert _ids(await _search(a, "refuge")) >= {made["secret"]["id"]}
    assert made["client"]["id"] in _ids(await _search(a, "AB123456C"))
    hit = next(h for h in (await _search(a, "refuge"))["items"] if h["kind"] == "note")
    assert hit["snippet"] == []  # the words of a sensitive note are never held in clear
    # The caseworker matches neither, and sees only the cases assigned to them.
    assert (await _search(worker, "refuge"))["total"] == 0
    assert made["client"]["id"] not in _ids(await _search(worker, "AB123456C"))
    council = await _search(worker, "council tax")
    assert _ids(council) == {theirs["note"]["id"]}
    assert made["case"]["id"] not in _ids(await _search(worker, "Quorn"))


async def test_another_centre_never_appears_even_with_crafted_queries(
    container: Container, two_centres: tuple[Api, Api]
) -> None:
    a, b = two_centres
    mine = await _seed(a)
    theirs = await _seed(b)  # the same names and words in centre B
    await settle(container)
    theirs_ids = {theirs[k]["id"] for k in ("client", "case", "note", "secret")}
    for q in ["quorn", "council tax", "refuge", "AB123456C", "zebedee", *CRAFTED]:
        r = await a.get("/api/v1/search", params={"q": q})
        assert r.status_code in (200, 400), (q, r.text)
        if r.status_code == 200:
            assert not _ids(r.json()) & theirs_ids, q
    assert mine["client"]["id"] in _ids(await _search(a, "quorn"))


async def test_erasure_removes_from_the_index_and_rebuild_matches(
    container: Container, http: httpx.AsyncClient
) -> None:
    centre = await make_centre(container, "Erasure Centre", Role.CENTRE_ADMIN)
    admin = await sign_in(http, "centre_admin@erasurecentre.example", centre)
    centre_id = CentreId(uuid.UUID(centre))
    kept = await _seed(admin, surname="Keeper")
    gone = await _seed(admin)
    erased = await _seed(admin, surname="Eraseme")
    await settle(container)
    index = container.search_index()
    built = await index.documents(centre_id)
    assert len(built) == 3 * 5  # client, case, two notes and a contact each

    # The index rebuilt from the write side is the index the events built.
    written = await container.search_jobs().rebuild(centre_id)
    assert written == len(built)
    assert await index.documents(centre_id) == built

    case = await admin.get(f"/api/v1/cases/{gone['case']['id']}")
    headers = {**admin.headers, "If-Match": case.headers["etag"]}
    params = {"reason": "data_subject_request"}
    r = await http.delete(f"/api/v1/cases/{gone['case']['id']}", params=params, headers=headers)
    assert r.status_code == 200, r.text
    client = await admin.get(f"/api/v1/clients/{erased['client']['id']}")
    headers = {**admin.headers, "If-Match": client.headers["etag"]}
    r = await http.delete(
        f"/api/v1/clients/{erased['client']['id']}", params=params, headers=headers
    )
    assert r.status_code == 200, r.text
    await settle(container)

    left = await index.documents(centre_id)
    removed = {gone[k]["id"] for k in ("case", "note", "secret", "contact")}
    removed |= {erased[k]["id"] for k in ("client", "case", "note", "secret", "contact")}
    assert not {str(d.entity_id) for d in left} & removed
    assert {str(d.entity_id) for d in left} >= {kept[k]["id"] for k in ("client", "case")}
    assert (await _search(admin, "Eraseme"))["total"] == 0
    assert gone["case"]["id"] not in _ids(await _search(admin, "council tax"))
    assert _ids(await _search(admin, "meter")) == {kept["contact"]["id"]}


async def test_the_contact_log_reaches_the_index(
    container: Container, http: httpx.AsyncClient
) -> None:
    centre = await make_centre(container, "Contact Centre")
    api = await sign_in(http, "adviser@contactcentre.example", centre)
    made = await _seed(api)
    await settle(container)
    hits = (await _search(api, "water meter"))["items"]
    assert [(h["kind"], h["id"]) for h in hits] == [("contact", made["contact"]["id"])]
    url = f"/api/v1/cases/{made['case']['id']}/contacts/{made['contact']['id']}"
    r = await api.patch(url, {"summary": "Agreed a gas arrangement."}, headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    await settle(container)
    assert (await _search(api, "meter"))["total"] == 0  # the corrected entry replaced it
    assert _ids(await _search(api, "arrangement")) == {made["contact"]["id"]}


async def test_case_text_naming_the_client_is_redacted_and_follows_a_new_name(
    container: Container, http: httpx.AsyncClient
) -> None:
    """A note naming the client is found by the name (alone or with other words), never
    shows it; after the client's name changes, the case's text is redacted with the new
    name (the handler re-projects it) and a rebuild gives the same documents."""
    centre = await make_centre(container, "Redaction Centre")
    api = await sign_in(http, "adviser@redactioncentre.example", centre)
    centre_id = CentreId(uuid.UUID(centre))
    made = await _seed(api, surname="Quorn")
    case_url = f"/api/v1/cases/{made['case']['id']}/notes"
    r = await api.post(case_url, {"body": "Mr Quorn (to be Marlowe) rang about the bailiff."})
    assert r.status_code == 201, r.text
    note = r.json()["id"]
    await settle(container)
    index = container.search_index()

    def clear_text(docs: Any) -> str:
        return " ".join(f"{d.title} {d.body}" for d in docs).casefold()

    assert "quorn" not in clear_text(await index.documents(centre_id))
    hits = (await _search(api, "Quorn bailiff"))["items"]
    assert [h["id"] for h in hits] == [note]
    shown = " ".join(p["text"] for p in hits[0]["snippet"]).casefold()
    assert "quorn" not in shown
    assert "[client]" in shown
    assert "marlowe" in clear_text(await index.documents(centre_id))  # not the client's (yet)

    client = await api.get(f"/api/v1/clients/{made['client']['id']}")
    r = await api.patch(
        f"/api/v1/clients/{made['client']['id']}",
        {"last_name": "Marlowe"},
        headers={"If-Match": client.headers["etag"]},
    )
    assert r.status_code == 200, r.text
    await settle(container)
    built = await index.documents(centre_id)
    assert "marlowe" not in clear_text(built)
    assert note in _ids(await _search(api, "Marlowe bailiff"))
    assert await container.search_jobs().rebuild(centre_id) == len(built)
    assert await index.documents(centre_id) == built
