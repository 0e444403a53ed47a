"""Sensitive client fields hidden by role, client edits and per-user grants, over HTTP on
SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

from .conftest import PASSWORD, Api, sign_in

SENSITIVE = {
    "address": {"lines": ["Flat 2, Refuge House", "Bradford"], "postcode": "bd1 1aa"},
    "address_suppressed": True,
    "address_suppression_reason": "fled domestic abuse",
    "vulnerabilities": ["domestic_abuse", "mental_health"],
    "health_notes": "severe anxiety, prefers written contact",
    "vulnerability_notes": "do not phone before noon",
    "health_data_consent_at": "2026-11-01T10:00:00Z",
    "ni_number": "AB123456C",
}
WITHHELD = [
    "address",
    "address_suppression_reason",
    "health_data_consent_at",
    "health_notes",
    "ni_number",
    "vulnerabilities",
    "vulnerability_notes",
]


@pytest.fixture
async def staff(container: Container, http: httpx.AsyncClient) -> dict[str, Api]:
    """An admin, adviser, caseworker and auditor of one centre, and an adviser elsewhere."""
    identity = container.identity()
    centre = await identity.create_centre("Bradford Advice")
    other = await identity.create_centre("Elsewhere")
    out: dict[str, Api] = {}
    for role in (Role.CENTRE_ADMIN, Role.ADVISER, Role.CASEWORKER, Role.AUDITOR):
        email = f"{role.value}@bradford.example"
        await identity.create_user(centre_id=centre.id, email=email, role=role, password=PASSWORD)
        out[role.value] = await sign_in(http, email, str(centre.id))
    await identity.create_user(
        centre_id=other.id, email="adviser@elsewhere.example", role=Role.ADVISER, password=PASSWORD
    )
    out["other"] = await sign_in(http, "adviser@elsewhere.example", str(other.id))
    return out


async def raw_client_row(container: Container, centre_id: str, client_id: str) -> str:
    """The client's row as a dump would show it, as one string."""
    async with container.engine().begin() as conn:
        pg = conn.dialect.name == "postgresql"
        if pg:
            await conn.execute(
                text("SELECT set_config('app.centre_id', :c, true)"), {"c": centre_id}
            )
        row = (
            await conn.execute(
                text("SELECT * FROM clients WHERE id = :id"),
                {"id": client_id if pg else uuid.UUID(client_id).hex},
            )
        ).one()
    return repr(tuple(row))


# A run of 20+ base64 characters is a ciphertext or a keyed index; a short secret such as
# "BD1" turns up inside one by chance (about one run in 500), so the at-rest check looks
# only at what is left once those runs are masked — plaintext "BD1 1AA" is never one.
_OPAQUE = re.compile(r"[A-Za-z0-9+/_-]{20,}={0,2}")


def without_opaque_tokens(dump: str) -> str:
    return _OPAQUE.sub("<opaque>", dump)


async def test_caseworker_never_sees_health_vulnerability_or_suppressed_address(
    staff: dict[str, Api], container: Container
) -> None:
    adviser, caseworker, auditor = staff["adviser"], staff["caseworker"], staff["auditor"]
    created = await adviser.new_client(first_name="Bea", **SENSITIVE)
    assert created["withheld"] == []
    assert created["address"] == {
        "lines": ["Flat 2, Refuge House", "Bradford"],
        "postcode": "BD1 1AA",
    }
    assert created["vulnerabilities"] == ["domestic_abuse", "mental_health"]
    cid = created["id"]
    for reader in (caseworker, auditor):
        one = (await reader.get(f"/api/v1/clients/{cid}")).json()
        listed = (await reader.get("/api/v1/clients")).json()["items"]
        for body in (one, next(c for c in listed if c["id"] == cid)):
            assert body["withheld"] == WITHHELD
            assert body["address_suppressed"] is True  # so nobody discloses it
            for name in WITHHELD:
                assert body[name] is None, name
            text_ = repr(body)
            for secret in ("Refuge", "BD1", "anxiety", "abuse", "noon", "AB123456C"):
                assert secret not in text_
    # The adviser (sensitive:read) sees everything.
    full = (await adviser.get(f"/api/v1/clients/{cid}")).json()
    assert full["health_notes"] == SENSITIVE["health_notes"]
    assert full["withheld"] == []
    # At rest, none of it is in plaintext.
    row = without_opaque_tokens(await raw_client_row(container, adviser.centre_id, cid))
    for secret in ("Refuge", "Bradford", "BD1", "anxiety", "domestic", "noon", "AB123456C"):
        assert secret not in row


async def test_an_unsuppressed_address_is_everyday_data(staff: dict[str, Api]) -> None:
    created = await staff["caseworker"].new_client(
        address={"lines": ["1 High Street", "Leeds"], "postcode": "LS1 4AP"}
    )
    seen = (await staff["caseworker"].get(f"/api/v1/clients/{created['id']}")).json()
    assert seen["address"]["postcode"] == "LS1 4AP"
    assert "address" not in seen["withheld"]


def test_masking_opaque_tokens_keeps_plaintext_visible() -> None:
    """The at-rest check still sees a short secret stored in clear, not inside a token."""
    dump = repr(("v1:QJ39dQ88sXO6pkClGU3OEN9KIflaSIeGPE3G", "c2VPNwi9gEBD1vzhRnWr/HdD", "BD1 1AA"))
    masked = without_opaque_tokens(dump)
    assert masked.count("BD1") == 1
    assert "<opaque>" in masked


async def test_caseworker_cannot_write_sensitive_fields(staff: dict[str, Api]) -> None:
    caseworker = staff["caseworker"]
    r = await caseworker.post(
        "/api/v1/clients",
        {
            "first_name": "Cy",
            "last_name": "Lee",
            "date_of_birth": "1990-01-01",
            "vulnerabilities": ["low_literacy"],
        },
    )
    assert r.status_code == 403, r.text
    assert "sensitive:write" in r.json()["detail"]
    client = await caseworker.new_client()
    r = await caseworker.patch(
        f"/api/v1/clients/{client['id']}",
        {"health_notes": "x"},
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 403


async def test_patch_client_if_match_partial_validation_and_audit(staff: dict[str, Api]) -> None:
    adviser, admin = staff["adviser"], staff["centre_admin"]
    client = await adviser.new_client(phone="07700 900123", email="ann@example.org")
    url = f"/api/v1/clients/{client['id']}"
    assert (await adviser.patch(url, {"phone": "0113 496 0000"})).status_code == 428
    stale = await adviser.patch(url, {"phone": "0113"}, headers={"If-Match": '"7"'})
    assert stale.status_code == 412
    bad = await adviser.patch(url, {"phone": "12"}, headers={"If-Match": '"1"'})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "phone"
    bad_pc = await adviser.patch(
        url, {"address": {"lines": ["x"], "postcode": "nowhere"}}, headers={"If-Match": '"1"'}
    )
    assert bad_pc.status_code == 422
    assert bad_pc.json()["errors"][0]["field"] == "address.postcode"
    no_consent = await adviser.patch(url, {"health_notes": "diabetes"}, headers={"If-Match": '"1"'})
    assert no_consent.status_code == 422
    assert no_consent.json()["errors"][0]["field"] == "health_notes"
    ok = await adviser.patch(
        url,
        {"phone": "0113 496 0000", "email": None, "vulnerabilities": ["bereavement"]},
        headers={"If-Match": '"1"'},
    )
    assert ok.status_code == 200, ok.text
    assert ok.headers["etag"] == '"2"'
    body = ok.json()
    assert (body["phone"], body["email"], body["last_name"]) == ("0113 496 0000", None, "Lee")
    assert body["vulnerabilities"] == ["bereavement"]
    audit = (await admin.get("/api/v1/audit", params={"action": "client.updated"})).json()
    [entry] = audit["items"]
    assert entry["entity_id"] == client["id"]
    assert sorted(entry["fields"]) == ["email", "phone", "vulnerabilities"]
    assert "0113" not in repr(entry)
    assert "bereavement" not in repr(entry)
    # Another centre's client: 404.
    r = await staff["other"].patch(url, {"phone": None}, headers={"If-Match": '"2"'})
    assert r.status_code == 404


async def test_grant_sensitive_read_to_a_caseworker_then_revoke(
    staff: dict[str, Api], http: httpx.AsyncClient, container: Container
) -> None:
    admin, caseworker = staff["centre_admin"], staff["caseworker"]
    client = await staff["adviser"].new_client(**SENSITIVE)
    me = (await caseworker.get("/api/v1/auth/me")).json()
    grants_url = f"/api/v1/users/{me['user_id']}/grants"
    # Only user:manage may grant; never the administrator's permissions.
    assert (
        await caseworker.post(grants_url, {"permission": "sensitive:read", "reason": "x"})
    ).status_code == 403
    for permission in ("user:manage", "centre:manage"):
        r = await admin.post(grants_url, {"permission": permission, "reason": "promotion"})
        assert r.status_code == 403, r.text
    r = await admin.post(grants_url, {"permission": "sensitive:nope", "reason": "x"})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "permission"
    r = await admin.post(
        grants_url,
        {"permission": "sensitive:read", "reason": "x", "expires_at": "2020-01-01T00:00:00Z"},
    )
    assert r.status_code == 422
    r = await admin.post(
        grants_url,
        {
            "permission": "sensitive:read",
            "reason": "vulnerable clients rota",
            "expires_at": "2099-01-01T00:00:00Z",
        },
    )
    assert r.status_code == 201, r.text
    assert r.json()["active"] is True
    listed = (await admin.get(grants_url)).json()
    assert [g["permission"] for g in listed["items"]] == ["sensitive:read"]
    assert listed["total"] == 1
    # Takes effect with the next token.
    granted = await sign_in(http, "caseworker@bradford.example", caseworker.centre_id)
    assert "sensitive:read" in (await granted.get("/api/v1/auth/me")).json()["permissions"]
    seen = (await granted.get(f"/api/v1/clients/{client['id']}")).json()
    assert seen["withheld"] == []
    assert seen["health_notes"] == SENSITIVE["health_notes"]
    # Still no writing.
    r = await granted.patch(
        f"/api/v1/clients/{client['id']}", {"health_notes": "y"}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 403
    # Revoke: new tokens lack it at once.
    r = await admin.client.delete(f"{grants_url}/sensitive:read", headers=admin.headers)
    assert r.status_code == 204, r.text
    again = await sign_in(http, "caseworker@bradford.example", caseworker.centre_id)
    assert "sensitive:read" not in (await again.get("/api/v1/auth/me")).json()["permissions"]
    body = (await again.get(f"/api/v1/clients/{client['id']}")).json()
    assert body["health_notes"] is None
    r = await admin.client.delete(f"{grants_url}/sensitive:read", headers=admin.headers)
    assert r.status_code == 404
    audit = (await admin.get("/api/v1/audit", params={"entity_id": me["user_id"]})).json()
    actions = [e["action"] for e in audit["items"]]
    assert "user.permission_granted" in actions
    assert "user.permission_revoked" in actions
    # Another centre's admin cannot see or touch this user's grants.
    await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(staff["other"].centre_id)),
        email="admin@elsewhere.example",
        role=Role.CENTRE_ADMIN,
        password=PASSWORD,
    )
    stranger = await sign_in(http, "admin@elsewhere.example", staff["other"].centre_id)
    assert (await stranger.get(grants_url)).status_code == 404


async def test_a_token_does_not_outlive_its_grant(
    staff: dict[str, Api], http: httpx.AsyncClient
) -> None:
    admin, caseworker = staff["centre_admin"], staff["caseworker"]
    me: dict[str, Any] = (await caseworker.get("/api/v1/auth/me")).json()
    soon = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=120)).isoformat()
    r = await admin.post(
        f"/api/v1/users/{me['user_id']}/grants",
        {"permission": "finance:read", "reason": "one review", "expires_at": soon},
    )
    assert r.status_code == 201, r.text
    login = await http.post(
        "/api/v1/auth/login",
        json={
            "email": "caseworker@bradford.example",
            "password": PASSWORD,
            "centre_id": caseworker.centre_id,
        },
    )
    assert 100 <= login.json()["expires_in"] <= 120
