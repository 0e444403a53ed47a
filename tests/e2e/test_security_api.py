"""Sign-in, sessions and the audit trail over HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import httpx
import pyotp
from tests.e2e.conftest import PASSWORD, Api, make_centre, settle, sign_in

from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

PROBLEM = "application/problem+json"


async def _supervisor(container: Container, http: httpx.AsyncClient, centre: str) -> Api:
    await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(centre)),
        email="boss@audit.example",
        role=Role.SUPERVISOR,
        password=PASSWORD,
    )
    return await sign_in(http, "boss@audit.example", centre)


async def test_audit_lists_client_and_case_events_with_filters(
    container: Container, http: httpx.AsyncClient
) -> None:
    centre = await make_centre(container, "Audit Centre")
    adviser = await sign_in(http, "adviser@auditcentre.example", centre)
    case = await adviser.new_case()
    assert (await adviser.get(f"/api/v1/cases/{case['id']}")).status_code == 200
    boss = await _supervisor(container, http, centre)
    # The in-process worker audits its own jobs (the initial-contact task) after the
    # commit: let it finish, so the totals compared below cannot move between requests.
    await settle(container)
    if container.settings().audit_seal == "later":  # PostgreSQL: the view waits unsealed
        views = (await boss.get("/api/v1/audit", params={"action": "case.viewed"})).json()
        assert [(e["seq"], e["hash"]) for e in views["items"]] == [(None, None)]
        assert (await container.audit_sealer().seal()) >= 1  # the sealer's round, now

    r = await boss.get("/api/v1/audit", params={"entity_type": "case"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert [e["action"] for e in body["items"]] == ["case.created", "case.viewed"]
    assert body["items"][0]["fields"] == ["client_id", "adviser_id"]
    assert body["items"][1]["prev_hash"] == body["items"][0]["hash"] or body["items"][1]["seq"] > 2

    everything = (await boss.get("/api/v1/audit", params={"limit": 200})).json()
    seqs = [e["seq"] for e in everything["items"]]
    # Listed in write order; a view sealed later takes a later chain position.
    assert sorted(seqs) == list(range(1, len(seqs) + 1))
    actions = {e["action"] for e in everything["items"]}
    assert {"client.created", "case.created", "auth.login_succeeded"} <= actions

    page = (await boss.get("/api/v1/audit", params={"limit": 1, "offset": 1})).json()
    assert (page["total"], len(page["items"])) == (everything["total"], 1)
    only_views = (await boss.get("/api/v1/audit", params={"action": "case.viewed"})).json()
    assert only_views["total"] == 1
    first_at = everything["items"][0]["at"]
    windowed = (await boss.get("/api/v1/audit", params={"to": first_at})).json()
    assert windowed["total"] == 0

    r = await adviser.get("/api/v1/audit")
    assert r.status_code == 403
    r = await boss.get("/api/v1/audit", params={"from": "2026-01-02T00:00:00"})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "from"


async def test_failed_sign_ins_are_audited_without_the_email(
    container: Container, http: httpx.AsyncClient
) -> None:
    centre = await make_centre(container, "Fail Centre")
    for email, password in [
        ("adviser@failcentre.example", "wrong password!!"),
        ("stranger@elsewhere.example", PASSWORD),
    ]:
        r = await http.post(
            "/api/v1/auth/login",
            json={"email": email, "password": password, "centre_id": centre},
        )
        assert r.status_code == 401
    boss = await _supervisor(container, http, centre)
    items = (await boss.get("/api/v1/audit", params={"action": "auth.login_failed"})).json()[
        "items"
    ]
    assert [(e["entity_type"], e["actor_id"]) for e in items] == [("user", None), ("login", None)]
    assert len(items[1]["entity_id"]) == 64
    everything = (await boss.get("/api/v1/audit", params={"limit": 200})).text
    assert "stranger" not in everything
    assert "failcentre.example" not in everything


async def test_login_is_throttled_per_account_with_retry_after(
    container: Container, http: httpx.AsyncClient
) -> None:
    await make_centre(container, "Slow Centre")
    body = {"email": "adviser@slowcentre.example", "password": "wrong password!!"}
    for _ in range(5):
        assert (await http.post("/api/v1/auth/login", json=body)).status_code == 401
    r = await http.post("/api/v1/auth/login", json={**body, "password": PASSWORD})
    assert r.status_code == 429
    assert r.headers["content-type"].startswith(PROBLEM)
    # A short, growing wait (test_lockout_api.py), not a quarter-hour lock.
    assert 0 < int(r.headers["Retry-After"]) <= 2
    # Another account from the same address is not blocked: five failures of one
    # account are far below the address's budget.
    r = await http.post(
        "/api/v1/auth/login", json={"email": "x@slowcentre.example", "password": "whatever!!"}
    )
    assert r.status_code == 401


async def test_refresh_rotates_and_reuse_revokes_the_family(
    container: Container, http: httpx.AsyncClient
) -> None:
    await make_centre(container, "Fresh Centre")
    r = await http.post(
        "/api/v1/auth/login", json={"email": "adviser@freshcentre.example", "password": PASSWORD}
    )
    first = r.json()
    assert set(first) >= {"access_token", "token_type", "expires_in", "refresh_token"}
    r = await http.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert r.status_code == 200, r.text
    second = r.json()
    assert second["refresh_token"] != first["refresh_token"]
    me = await http.get(
        "/api/v1/auth/me", headers={"Authorization": f"Bearer {second['access_token']}"}
    )
    assert me.status_code == 200
    # Replaying the used token: 401, and the family (incl. the new token) is revoked.
    r = await http.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert r.status_code == 401
    assert "WWW-Authenticate" in r.headers
    r = await http.post("/api/v1/auth/refresh", json={"refresh_token": second["refresh_token"]})
    assert r.status_code == 401
    r = await http.post("/api/v1/auth/refresh", json={"refresh_token": "made-up"})
    assert r.status_code == 401


async def test_logout_revokes_the_refresh_token(
    container: Container, http: httpx.AsyncClient
) -> None:
    await make_centre(container, "Bye Centre")
    tokens = (
        await http.post(
            "/api/v1/auth/login", json={"email": "adviser@byecentre.example", "password": PASSWORD}
        )
    ).json()
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    r = await http.post(
        "/api/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]}, headers=auth
    )
    assert r.status_code == 204
    r = await http.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert r.status_code == 401


async def test_switch_centre_issues_a_token_for_another_of_your_centres(
    container: Container, http: httpx.AsyncClient
) -> None:
    a = await make_centre(container, "North")
    b = await make_centre(container, "South")
    stranger = await make_centre(container, "West")
    await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(b)),
        email="adviser@north.example",
        role=Role.SUPERVISOR,
        password=PASSWORD,
    )
    api = await sign_in(http, "adviser@north.example", a)
    r = await api.post("/api/v1/auth/switch-centre", {"centre_id": b})
    assert r.status_code == 200, r.text
    assert r.json()["centre_id"] == b
    assert r.json()["roles"] == ["supervisor"]
    r = await api.post("/api/v1/auth/switch-centre", {"centre_id": stranger})
    assert r.status_code == 403
    # Signing in again without naming a centre lands where they switched to, not in the
    # first membership; a refused switch changed nothing.
    again = await sign_in(http, "adviser@north.example")
    assert again.centre_id == b
    r = await again.get("/api/v1/auth/centres")
    assert [c["centre_id"] for c in r.json()["items"] if c["current"]] == [b]
    back = await sign_in(http, "adviser@north.example", a)
    assert back.centre_id == a
    assert (await sign_in(http, "adviser@north.example")).centre_id == a


async def test_your_centres_are_listed_by_name_to_switch_between(
    container: Container, http: httpx.AsyncClient
) -> None:
    wexham = await make_centre(container, "Wexham")
    yarby = await make_centre(container, "Yarby")
    calder = await make_centre(container, "Calder")
    stranger = await make_centre(container, "Ormsby")
    for centre, role in ((yarby, Role.SUPERVISOR), (yarby, Role.ADVISER), (calder, Role.ADVISER)):
        await container.identity().create_user(
            centre_id=CentreId(uuid.UUID(centre)),
            email="adviser@wexham.example",
            role=role,
            password=PASSWORD,
        )
    admin = await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(calder)),
        email="admin@calder.example",
        role=Role.CENTRE_ADMIN,
        password=PASSWORD,
    )
    api = await sign_in(http, "adviser@wexham.example", wexham)
    user_id = (await api.get("/api/v1/auth/me")).json()["user_id"]
    east_admin = await sign_in(http, admin.email, calder)
    r = await east_admin.get(f"/api/v1/users/{user_id}")
    r = await east_admin.post(
        f"/api/v1/users/{user_id}/deactivate", headers={"If-Match": r.headers["ETag"]}
    )
    assert r.status_code == 200, r.text

    r = await api.get("/api/v1/auth/centres")
    assert r.status_code == 200, r.text
    assert r.headers["Cache-Control"] == "no-store"
    page = r.json()
    assert page["total"] == 3
    assert [(c["name"], c["current"], c["active"]) for c in page["items"]] == [
        ("Calder", False, False),
        ("Wexham", True, True),
        ("Yarby", False, True),
    ]
    assert page["items"][2]["roles"] == ["adviser", "supervisor"]
    assert stranger not in {c["centre_id"] for c in page["items"]}
    r = await api.get("/api/v1/auth/centres", params={"active": "true", "limit": 1, "offset": 1})
    assert [c["name"] for c in r.json()["items"]] == ["Yarby"]
    assert r.json()["total"] == 2
    r = await api.get("/api/v1/auth/centres", params={"limit": 0})
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("application/problem+json")

    # What is listed as active can be switched to, and what is not is refused.
    r = await api.post("/api/v1/auth/switch-centre", {"centre_id": yarby})
    assert r.status_code == 200, r.text
    r = await api.post("/api/v1/auth/switch-centre", {"centre_id": calder})
    assert r.status_code == 403
    # Another person sees only their own centre.
    r = await east_admin.get("/api/v1/auth/centres")
    assert [c["name"] for c in r.json()["items"]] == ["Calder"]


async def test_totp_second_factor(container: Container, http: httpx.AsyncClient) -> None:
    await make_centre(container, "Otp Centre")
    api = await sign_in(http, "adviser@otpcentre.example")
    enrol = (await api.post("/api/v1/auth/totp/enrol")).json()
    assert enrol["otpauth_uri"].startswith("otpauth://totp/")
    totp = pyotp.TOTP(enrol["secret"])
    r = await api.post("/api/v1/auth/totp/confirm", {"otp": "000000"})
    assert r.status_code in {422, 200}
    r = await api.post("/api/v1/auth/totp/confirm", {"otp": totp.now()})
    assert r.status_code == 200
    login = {"email": "adviser@otpcentre.example", "password": PASSWORD}
    r = await http.post("/api/v1/auth/login", json=login)
    assert r.status_code == 401
    assert r.json()["type"].endswith("otp-required")
    r = await http.post("/api/v1/auth/login", json={**login, "otp": totp.now()})
    assert r.status_code == 200


async def test_common_passwords_are_refused(container: Container) -> None:
    centre = await container.identity().create_centre("Policy Centre")
    import pytest

    from cma_core.shared.errors import ValidationError

    for bad in ["Password123!", "P@ssw0rd2025", "liverpool1!!", "qwertyuiop", "aaaaaaaaaaaa"]:
        with pytest.raises(ValidationError) as err:
            await container.identity().create_user(
                centre_id=centre.id, email="p@policy.example", role=Role.ADVISER, password=bad
            )
        assert err.value.field == "password"


async def test_token_attacks_with_the_real_key_are_still_rejected(
    container: Container, http: httpx.AsyncClient
) -> None:
    """Beyond test_forged_tokens_are_rejected: attacks that even a holder of the key's
    output cannot pass, because every claim CMA relies on is checked."""
    import datetime as dt
    import warnings

    import jwt
    import jwt.warnings

    key = container.settings().secret_key
    a = await make_centre(container, "Attack A")
    b = await make_centre(container, "Attack B")
    api = await sign_in(http, "adviser@attacka.example", a)
    token = api.headers["Authorization"].split()[1]
    claims = jwt.decode(token, options={"verify_signature": False})
    now = int(dt.datetime.now(dt.UTC).timestamp())
    header, _payload, signature = token.split(".")
    edited_payload = jwt.utils.base64url_encode(
        jwt.api_jws.json.dumps({**claims, "cid": b}, separators=(",", ":")).encode()
    ).decode()
    # The attacker re-signs with HS512 using the product's own key, which is sized for the
    # HS256 the product signs with; PyJWT rightly warns that it is short for HS512. The
    # warning is the attack's, expected here, so it is caught rather than left in the log.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", jwt.warnings.InsecureKeyLengthWarning)
        hs512 = jwt.encode(claims, key, "HS512")
    attacks = {
        "expired": jwt.encode({**claims, "exp": now - 1, "iat": now - 1000}, key, "HS256"),
        "wrong audience": jwt.encode({**claims, "aud": "other-api"}, key, "HS256"),
        "wrong issuer": jwt.encode({**claims, "iss": "evil"}, key, "HS256"),
        "no audience": jwt.encode({k: v for k, v in claims.items() if k != "aud"}, key, "HS256"),
        "edited centre, old signature": f"{header}.{edited_payload}.{signature}",
        "HS512 with the key": hs512,
        "alg none, no signature": jwt.encode(claims, None, algorithm="none"),
        "unknown role": jwt.encode({**claims, "roles": ["god"]}, key, "HS256"),
        "not a uuid centre": jwt.encode({**claims, "cid": "centre-b"}, key, "HS256"),
    }
    for name, bad in attacks.items():
        r = await http.get("/api/v1/cases", headers={"Authorization": f"Bearer {bad}"})
        assert r.status_code == 401, name
        assert r.headers["WWW-Authenticate"].startswith("Bearer")
    assert (await api.get("/api/v1/cases")).status_code == 200
