"""The HTTP API end to end, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import httpx
import jwt
from tests.e2e.conftest import PASSWORD, Api, make_centre, settle, sign_in

from cma_core.identity.permissions import Role
from cma_entrypoints.container import Container

PROBLEM = "application/problem+json"
# The only /api/v1 routes that take no access token: each addition is a security decision.
PUBLIC_API_ROUTES = {"/api/v1/auth/login", "/api/v1/auth/refresh"}


async def test_health_reports_database_and_broker(http: httpx.AsyncClient) -> None:
    r = await http.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "ok"
    assert "broker" in body["checks"]


async def test_login_returns_bearer_token(container: Container, http: httpx.AsyncClient) -> None:
    centre = await make_centre(container, "Login Centre")
    r = await http.post(
        "/api/v1/auth/login", json={"email": "adviser@logincentre.example", "password": PASSWORD}
    )
    assert r.status_code == 200
    body = r.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 900
    assert body["centre_id"] == centre
    claims = jwt.decode(body["access_token"], options={"verify_signature": False})
    assert claims["cid"] == centre
    assert claims["roles"] == ["adviser"]


async def test_wrong_password_is_401_problem(container: Container, http: httpx.AsyncClient) -> None:
    await make_centre(container, "Pw Centre")
    for email, password in [
        ("adviser@pwcentre.example", "wrong password!!"),
        ("nobody@pwcentre.example", PASSWORD),
    ]:
        r = await http.post("/api/v1/auth/login", json={"email": email, "password": password})
        assert r.status_code == 401
        assert r.headers["content-type"].startswith(PROBLEM)
        assert r.json()["detail"] == "email or password is incorrect"


PUBLIC = {
    "/api/v1/auth/login",
    "/api/v1/auth/refresh",
    "/api/v1/auth/password-reset",
    "/api/v1/auth/password-reset/confirm",
}


async def test_every_api_route_needs_a_token(http: httpx.AsyncClient) -> None:
    schema = (await http.get("/schema/openapi.json")).json()
    some_id = str(uuid.uuid4())
    checked = 0
    for path, ops in schema["paths"].items():
        # Signing in and refreshing are how a token is obtained, and a forgotten password
        # is reset without one: no bearer token needed.
        if not path.startswith("/api/v1") or path in PUBLIC:
            continue
        # Path values of the right type, so routing reaches the auth check.
        url = re.sub(r"\{day\}", "2026-12-24", path)
        url = re.sub(r"\{kind\}", "advice_summary", url)
        url = re.sub(r"\{line\}", "1", url)
        url = re.sub(r"\{number\}", "1", url)
        url = re.sub(r"\{[^}]+\}", some_id, url)
        for method in ops:
            r = await http.request(method.upper(), url, json={})
            assert r.status_code == 401, (method, path, r.status_code)
            assert r.headers["content-type"].startswith(PROBLEM)
            checked += 1
    assert checked >= 10


async def test_forged_tokens_are_rejected(two_centres: tuple[Api, Api]) -> None:
    a, b = two_centres
    token = a.headers["Authorization"].split()[1]
    claims = jwt.decode(token, options={"verify_signature": False})
    forged = [
        jwt.encode(
            {**claims, "cid": b.centre_id},
            "not-the-key-not-the-key-not-the-key-1",
            algorithm="HS256",
        ),
        jwt.encode(
            {**claims, "exp": int(dt.datetime.now(dt.UTC).timestamp()) - 10},
            "x" * 40,
            algorithm="HS256",
        ),
        token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB"),
        jwt.encode(claims, None, algorithm="none"),
    ]
    for bad in forged:
        r = await a.client.get("/api/v1/cases", headers={"Authorization": f"Bearer {bad}"})
        assert r.status_code == 401, bad


async def test_client_create_get_list(two_centres: tuple[Api, Api]) -> None:
    a, _ = two_centres
    created = await a.new_client(first_name="Zed", email="zed@example.org")
    assert created["first_name"] == "Zed"
    assert created["version"] == 1
    r = await a.get(f"/api/v1/clients/{created['id']}")
    assert r.status_code == 200
    assert r.json() == created
    assert r.headers["etag"] == '"1"'
    page = (await a.get("/api/v1/clients?limit=1&name=zed")).json()
    assert page["total"] == 1
    assert page["items"][0]["id"] == created["id"]


async def test_bad_client_payloads_name_the_field(two_centres: tuple[Api, Api]) -> None:
    a, _ = two_centres
    cases = [
        ({"first_name": "A", "last_name": "B"}, 400, "date_of_birth"),
        (
            {"first_name": "A", "last_name": "B", "date_of_birth": "not-a-date"},
            400,
            "date_of_birth",
        ),
        (
            {"first_name": "A", "last_name": "B", "date_of_birth": "2999-01-01"},
            400,  # outside PastDate's range, refused by the schema
            "date_of_birth",
        ),
        ({"first_name": "A", "last_name": "  ", "date_of_birth": "1990-01-01"}, 422, "last_name"),
        (
            {"first_name": "A", "last_name": "B", "date_of_birth": "1990-01-01", "email": "nope"},
            422,
            "email",
        ),
        (
            {
                "first_name": "A",
                "last_name": "B",
                "date_of_birth": "1990-01-01",
                "centre_id": str(uuid.uuid4()),
            },
            400,
            "centre_id",
        ),
    ]
    for body, status, field in cases:
        r = await a.post("/api/v1/clients", body)
        assert r.status_code == status, (body, r.text)
        assert r.headers["content-type"].startswith(PROBLEM)
        assert field in [e["field"] for e in r.json()["errors"]], r.json()
    assert (await a.get("/api/v1/clients")).json()["total"] == 0


async def test_case_lifecycle(two_centres: tuple[Api, Api]) -> None:
    a, _ = two_centres
    case = await a.new_case()
    assert case["status"] == "open"
    assert case["reference"] == "C-000001"
    url = f"/api/v1/cases/{case['id']}"

    r = await a.post(f"{url}/notes", {"body": "First call with the client."})
    assert r.status_code == 201
    notes = (await a.get(f"{url}/notes")).json()
    assert [n["body"] for n in notes["items"]] == ["First call with the client."]

    r = await a.post(f"{url}/close", {"reason": "advice_complete"})
    assert r.status_code == 428  # closing is an edit: it needs If-Match
    etag = (await a.get(url)).headers["etag"]
    r = await a.post(f"{url}/close", {"reason": "advice_complete"}, headers={"If-Match": etag})
    assert r.status_code == 200
    closed = r.json()
    assert closed["status"] == "closed"
    assert closed["close_reason"] == "advice_complete"
    closed_etag = r.headers["etag"]
    r = await a.post(f"{url}/close", {"reason": "advice_complete"}, headers={"If-Match": etag})
    assert r.status_code == 412
    r = await a.post(
        f"{url}/close", {"reason": "advice_complete"}, headers={"If-Match": closed_etag}
    )
    assert r.status_code == 409
    r = await a.post(f"{url}/notes", {"body": "too late"})
    assert r.status_code == 409

    assert (await a.post(f"{url}/reopen")).status_code == 428
    r = await a.post(f"{url}/reopen", headers={"If-Match": closed_etag})
    assert r.status_code == 200
    assert r.json()["status"] == "open"
    assert r.json()["version"] > closed["version"]


async def test_case_opened_creates_initial_contact_task(
    container: Container, two_centres: tuple[Api, Api]
) -> None:
    a, _ = two_centres
    case = await a.new_case()
    await settle(container)  # the task is made in the background, after the response
    tasks = (await a.get(f"/api/v1/tasks?assignee=me&case_id={case['id']}")).json()
    assert tasks["total"] == 1
    assert tasks["items"][0]["kind"] == "initial_contact"


async def test_patch_needs_matching_if_match(
    container: Container, http: httpx.AsyncClient, two_centres: tuple[Api, Api]
) -> None:
    owner, _ = two_centres
    case = await owner.new_case()
    await container.identity().create_user(
        centre_id=uuid.UUID(owner.centre_id),
        email="sup@centrea.example",
        role=Role.SUPERVISOR,
        password=PASSWORD,
    )
    a = await sign_in(http, "sup@centrea.example")
    r = await owner.patch(
        f"/api/v1/cases/{case['id']}", {"adviser_id": None}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 403, "advisers cannot reassign cases"
    url = f"/api/v1/cases/{case['id']}"
    assert (await a.patch(url, {"adviser_id": None})).status_code == 428
    r = await a.patch(url, {"adviser_id": None}, headers={"If-Match": '"99"'})
    assert r.status_code == 412
    r = await a.patch(url, {"adviser_id": None}, headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert r.json()["adviser_id"] is None
    assert r.headers["etag"] == '"2"'
    # The same stale ETag again loses.
    r = await a.patch(url, {"adviser_id": None}, headers={"If-Match": '"1"'})
    assert r.status_code == 412
    r = await a.patch(url, {"adviser_id": str(uuid.uuid4())}, headers={"If-Match": '"2"'})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "adviser_id"


async def test_case_list_filters_and_pagination(two_centres: tuple[Api, Api]) -> None:
    a, _ = two_centres
    ids = [(await a.new_case())["id"] for _ in range(3)]
    r = await a.post(
        f"/api/v1/cases/{ids[0]}/close", {"reason": "other"}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    page = (await a.get("/api/v1/cases?limit=2&offset=0")).json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert page["items"][0]["id"] == ids[2]
    assert (await a.get("/api/v1/cases?status=closed")).json()["total"] == 1
    assert (await a.get("/api/v1/cases?status=open&adviser_id=me")).json()["total"] == 2
    r = await a.get("/api/v1/cases?status=pending")
    assert r.status_code == 422  # a value outside a closed set
    assert r.json()["errors"][0]["allowed"] == ["open", "closed"]
    assert r.json()["errors"][0]["field"] == "status"


async def test_other_centres_records_are_404(two_centres: tuple[Api, Api]) -> None:
    a, b = two_centres
    case_b = await b.new_case()
    client_b = case_b["client_id"]
    assert (await a.get(f"/api/v1/cases/{case_b['id']}")).status_code == 404
    assert (await a.get(f"/api/v1/clients/{client_b}")).status_code == 404
    assert (await a.post(f"/api/v1/cases/{case_b['id']}/notes", {"body": "x"})).status_code == 404
    assert (await a.get(f"/api/v1/cases/{case_b['id']}/notes")).status_code == 404
    r = await a.patch(f"/api/v1/cases/{case_b['id']}", {}, headers={"If-Match": '"1"'})
    assert r.status_code == 404
    assert (
        await a.post(
            f"/api/v1/cases/{case_b['id']}/close", {"reason": "other"}, headers={"If-Match": '"1"'}
        )
    ).status_code == 404
    r = await a.post("/api/v1/cases", {"client_id": client_b})
    assert r.status_code == 422
    assert (await a.get("/api/v1/cases")).json()["total"] == 0
    assert (await a.get("/api/v1/clients")).json()["total"] == 0
    assert (await a.get("/api/v1/tasks")).json()["total"] == 0
    # B's case is untouched.
    assert (await b.get(f"/api/v1/cases/{case_b['id']}")).json()["version"] == 1


async def test_caseworker_sees_only_own_cases_and_auditor_cannot_write(
    container: Container, http: httpx.AsyncClient, two_centres: tuple[Api, Api]
) -> None:
    a, _ = two_centres
    case = await a.new_case()
    await container.identity().create_user(
        centre_id=uuid.UUID(a.centre_id),
        email="cw@centrea.example",
        role=Role.CASEWORKER,
        password=PASSWORD,
    )
    await container.identity().create_user(
        centre_id=uuid.UUID(a.centre_id),
        email="aud@centrea.example",
        role=Role.AUDITOR,
        password=PASSWORD,
    )
    cw = await sign_in(http, "cw@centrea.example")
    assert (await cw.get("/api/v1/cases")).json()["total"] == 0
    assert (await cw.get(f"/api/v1/cases/{case['id']}")).status_code == 404
    aud = await sign_in(http, "aud@centrea.example")
    assert (await aud.get(f"/api/v1/cases/{case['id']}")).status_code == 200
    r = await aud.post(
        "/api/v1/clients", {"first_name": "A", "last_name": "B", "date_of_birth": "1990-01-01"}
    )
    assert r.status_code == 403
    assert r.headers["content-type"].startswith(PROBLEM)


async def test_openapi_documents_routes_with_examples(http: httpx.AsyncClient) -> None:
    r = await http.get("/schema/openapi.json")
    assert r.status_code == 200
    schema = r.json()
    for path in [
        "/api/v1/auth/login",
        "/api/v1/clients",
        "/api/v1/clients/{client_id}",
        "/api/v1/cases",
        "/api/v1/cases/{case_id}",
        "/api/v1/cases/{case_id}/notes",
        "/api/v1/cases/{case_id}/timeline",
        "/api/v1/cases/{case_id}/close",
        "/health",
    ]:
        assert path in schema["paths"], path
    login = schema["paths"]["/api/v1/auth/login"]["post"]
    media = login["requestBody"]["content"]["application/json"]
    assert media.get("examples") or media["schema"].get("examples")
    assert "BearerToken" in schema["components"]["securitySchemes"]


async def test_security_headers_present(http: httpx.AsyncClient) -> None:
    r = await http.get("/health")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert "default-src 'none'" in r.headers["content-security-policy"]
