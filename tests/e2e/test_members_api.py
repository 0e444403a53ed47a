"""A centre admin manages the centre's staff over HTTP: add a member (who can then sign
in), change their roles, deactivate and reactivate them; all with If-Match, audited, and
walled off from other centres. Plus the audit chain's verify route."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from tests.e2e.conftest import Api, make_centre, sign_in

from cma_core.identity.permissions import Role
from cma_entrypoints.container import Container


def _new() -> dict[str, Any]:
    """A new member with an address of their own (the PostgreSQL database lives for the
    whole session, and an existing account is only given roles)."""
    return {**NEW, "email": f"Nia.{uuid.uuid4().hex[:8]}@Northside.example"}


NEW = {
    "email": "Nia@Northside.example",
    "display_name": "Nia Newcomer",
    "roles": ["caseworker"],
    "password": "a long first passphrase",
}


async def _admin(container: Container, http: httpx.AsyncClient, name: str) -> Api:
    centre = await make_centre(container, name, Role.CENTRE_ADMIN)
    slug = name.lower().replace(" ", "")
    return await sign_in(http, f"centre_admin@{slug}.example", centre)


async def test_an_admin_adds_a_member_who_then_signs_in(
    container: Container, http: httpx.AsyncClient
) -> None:
    admin = await _admin(container, http, "North Side")
    new = _new()
    r = await admin.post("/api/v1/users", new)
    assert r.status_code == 201, r.text
    member = r.json()
    assert member["display_name"] == "Nia Newcomer"
    assert member["roles"] == ["caseworker"]
    assert member["active"] is True
    assert r.headers["ETag"] == f'"{member["version"]}"'
    assert r.headers["Location"] == f"/api/v1/users/{member['id']}"
    assert "email" not in member
    assert "password" not in repr(member)
    r = await http.post(
        "/api/v1/auth/login",
        json={"email": str(new["email"]).lower(), "password": NEW["password"]},
    )
    assert r.status_code == 200, r.text
    assert r.json()["roles"] == ["caseworker"]
    # Again: a conflict. A caseworker may not add anyone.
    assert (await admin.post("/api/v1/users", new)).status_code == 409
    nia = Api(http, r.json()["access_token"], admin.centre_id)
    assert (await nia.post("/api/v1/users", {**new, "email": "x@y.example"})).status_code == 403
    audit = (await admin.get("/api/v1/audit", params={"entity_id": member["id"]})).json()
    created = [e for e in audit["items"] if e["action"] == "user.created"]
    assert created
    assert created[0]["fields"] == ["caseworker"]
    assert "nia" not in repr(created).lower()


async def test_bad_members_are_refused_naming_the_field(
    container: Container, http: httpx.AsyncClient
) -> None:
    admin = await _admin(container, http, "North Side")
    new = _new()
    for change, field in (
        ({"password": "short"}, "password"),
        ({"email": "not-an-address"}, "email"),
        ({"roles": ["platform_admin"]}, "roles"),
        ({"roles": []}, "roles"),
        ({"roles": ["wizard"]}, "roles"),
    ):
        r = await admin.post("/api/v1/users", {**new, **change})
        assert r.status_code in (400, 422), (change, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        fields = [e["field"] for e in r.json().get("errors", [])]
        assert any(field in f for f in fields), (change, r.json())


async def test_roles_and_deactivation_take_if_match_and_are_audited(
    container: Container, http: httpx.AsyncClient
) -> None:
    admin = await _admin(container, http, "North Side")
    new = _new()
    member = (await admin.post("/api/v1/users", new)).json()
    url = f"/api/v1/users/{member['id']}"
    etag = (await admin.get(url)).headers["ETag"]
    roles = {"roles": ["adviser", "supervisor"]}
    r = await admin.client.put(f"{url}/roles", json=roles, headers=admin.headers)
    assert r.status_code == 428
    r = await admin.client.put(
        f"{url}/roles", json=roles, headers={**admin.headers, "If-Match": etag}
    )
    assert r.status_code == 200, r.text
    assert r.json()["roles"] == ["adviser", "supervisor"]
    fresh = r.headers["ETag"]
    assert fresh != etag
    # The old ETag is stale now.
    r = await admin.post(f"{url}/deactivate", headers={"If-Match": etag})
    assert r.status_code == 412
    r = await admin.post(f"{url}/deactivate", headers={"If-Match": fresh})
    assert r.status_code == 200, r.text
    assert r.json()["active"] is False
    login = {"email": str(new["email"]).lower(), "password": NEW["password"]}
    assert (await http.post("/api/v1/auth/login", json=login)).status_code == 401
    r = await admin.post(f"{url}/reactivate", headers={"If-Match": r.headers["ETag"]})
    assert r.status_code == 200
    assert r.json()["active"] is True
    assert (await http.post("/api/v1/auth/login", json=login)).status_code == 200
    actions = [
        e["action"]
        for e in (await admin.get("/api/v1/audit", params={"entity_id": member["id"]})).json()[
            "items"
        ]
    ]
    for action in ("user.roles_changed", "user.deactivated", "user.reactivated"):
        assert action in actions
    # An admin cannot lock themselves out.
    me = (await admin.get("/api/v1/auth/me")).json()["user_id"]
    mine = f"/api/v1/users/{me}"
    my_etag = (await admin.get(mine)).headers["ETag"]
    r = await admin.post(f"{mine}/deactivate", headers={"If-Match": my_etag})
    assert r.status_code == 409
    r = await admin.client.put(
        f"{mine}/roles", json={"roles": ["adviser"]}, headers={**admin.headers, "If-Match": my_etag}
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "roles"


async def test_another_centres_member_is_not_found(
    container: Container, http: httpx.AsyncClient
) -> None:
    north = await _admin(container, http, "North Side")
    new = _new()
    south = await _admin(container, http, "South Side")
    member = (await north.post("/api/v1/users", new)).json()
    url = f"/api/v1/users/{member['id']}"
    etag = {"If-Match": f'"{member["version"]}"'}
    assert (await south.get(url)).status_code == 404
    assert (await south.post(f"{url}/deactivate", headers=etag)).status_code == 404
    r = await south.client.put(
        f"{url}/roles", json={"roles": ["adviser"]}, headers={**south.headers, **etag}
    )
    assert r.status_code == 404
    # Someone who works for two centres is deactivated by one of them *there only*
    # (issue 11: the active flag was per account, so this was a 409).
    r = await south.post("/api/v1/users", {**new, "password": "ignored for them"})
    assert r.status_code == 201, r.text
    r = await south.post(f"{url}/deactivate", headers={"If-Match": f'"{r.json()["version"]}"'})
    assert r.status_code == 200, r.text
    assert r.json()["active"] is False
    assert (await north.get(url)).json()["active"] is True
    login = {"email": new["email"], "password": NEW["password"]}
    http = north.client
    refused = await http.post("/api/v1/auth/login", json={**login, "centre_id": south.centre_id})
    assert refused.status_code == 401
    signed = await http.post("/api/v1/auth/login", json={**login, "centre_id": north.centre_id})
    assert signed.status_code == 200, signed.text


async def test_the_audit_chain_verifies(container: Container, http: httpx.AsyncClient) -> None:
    admin = await _admin(container, http, "North Side")
    new = _new()
    await admin.post("/api/v1/users", new)
    r = await admin.get("/api/v1/audit/verify")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["intact"] is True
    assert body["first_bad"] is None
    assert body["head_seq"] == body["checked"] >= 2
    assert len(body["head_hash"]) == 64
    adviser = await _admin(container, http, "South Side")
    other = (await adviser.get("/api/v1/audit/verify")).json()
    assert other["head_hash"] != body["head_hash"]
    nia = await http.post(
        "/api/v1/auth/login", json={"email": new["email"], "password": NEW["password"]}
    )
    caseworker = Api(http, nia.json()["access_token"], admin.centre_id)
    assert (await caseworker.get("/api/v1/audit/verify")).status_code == 403
