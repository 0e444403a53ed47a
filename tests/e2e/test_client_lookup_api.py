"""Client look-up and names next to ids over HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import httpx
from tests.e2e.conftest import PASSWORD, Api, sign_in

from cma_core.identity.permissions import Role
from cma_entrypoints.container import Container

PROBLEM = "application/problem+json"


async def test_lookup_by_name_postcode_dob_and_reference(two_centres: tuple[Api, Api]) -> None:
    a, b = two_centres
    smith = await a.new_client(
        first_name="John",
        last_name="Smith",
        date_of_birth="1970-05-01",
        address={"lines": ["1 Park Row"], "postcode": "ls1 4ap"},
    )
    smyth = await a.new_client(
        first_name="Kate",
        last_name="Smyth",
        address={"lines": ["2 Low Road"], "postcode": "LS2 7HY"},
    )
    await b.new_client(first_name="Jo", last_name="Smith")
    case = (await a.post("/api/v1/cases", {"client_id": smith["id"]})).json()

    async def ids(**params: str) -> list[str]:
        r = await a.get("/api/v1/clients", params=params)
        assert r.status_code == 200, r.text
        return [c["id"] for c in r.json()["items"]]

    assert await ids(name="smith") == [smyth["id"], smith["id"]]  # Smyth sounds alike
    assert await ids(name="smi") == [smith["id"]]
    assert await ids(name="john smith") == [smith["id"]]
    assert await ids(postcode="LS1") == [smith["id"]]
    assert await ids(postcode="LS2 7HY") == [smyth["id"]]
    assert await ids(dob="1970-05-01") == [smith["id"]]
    assert await ids(reference=case["reference"]) == [smith["id"]]
    assert await ids(name="smyth", postcode="LS1", dob="1970-05-01") == [smith["id"]]
    assert await ids(name="kate", postcode="LS1") == []
    # Another centre's clients and cases are never found.
    r = await b.get("/api/v1/clients", params={"reference": case["reference"]})
    assert r.json()["total"] == 0
    assert (await b.get("/api/v1/clients", params={"postcode": "LS1"})).json()["total"] == 0

    for params, field in (
        ({"postcode": "nowhere"}, "postcode"),
        ({"reference": "X-12"}, "reference"),
        ({"name": "!!!"}, "name"),
    ):
        r = await a.get("/api/v1/clients", params=params)
        assert r.status_code == 422, r.text
        assert r.json()["errors"][0]["field"] == field
    r = await a.get("/api/v1/clients", params={"dob": "1970-13-01"})
    assert r.status_code == 400
    assert r.json()["errors"][0]["field"] == "dob"
    r = await a.get("/api/v1/clients", params={"surname": "smith"})
    assert r.status_code == 400
    assert r.json()["errors"][0]["field"] == "surname"


async def test_case_lists_carry_names_and_reference(
    container: Container, http: httpx.AsyncClient, two_centres: tuple[Api, Api]
) -> None:
    a, _ = two_centres
    client = await a.new_client(first_name="Nell", last_name="Gwyn")
    case = (await a.post("/api/v1/cases", {"client_id": client["id"]})).json()
    me = (await a.get("/api/v1/auth/me")).json()["user_id"]
    page = (await a.get("/api/v1/cases")).json()
    item = next(c for c in page["items"] if c["id"] == case["id"])
    assert item["client_name"] == "Nell Gwyn"
    assert item["reference"] == case["reference"]
    assert item["adviser_id"] == me
    assert item["adviser_name"]
    one = (await a.get(f"/api/v1/cases/{case['id']}")).json()
    assert one["client_name"] == "Nell Gwyn"
    assert one["adviser_name"] == item["adviser_name"]
    r = await a.post(f"/api/v1/cases/{case['id']}/notes", {"body": "Called."})
    assert r.status_code == 201
    notes = (await a.get(f"/api/v1/cases/{case['id']}/notes")).json()["items"]
    assert notes[0]["author_name"] == item["adviser_name"]

    email = f"sup-{uuid.uuid4().hex[:6]}@centrea.example"
    await container.identity().create_user(
        centre_id=uuid.UUID(a.centre_id), email=email, role=Role.SUPERVISOR, password=PASSWORD
    )
    sup = await sign_in(http, email)
    audit = (await sup.get("/api/v1/audit", params={"entity_id": case["id"]})).json()["items"]
    assert audit
    assert {e["actor_name"] for e in audit if e["actor_id"] == me} == {item["adviser_name"]}
    assert all(e["actor_name"] is None for e in audit if e["actor_id"] is None)
