"""Losing the phone, over HTTP, on SQLite and PostgreSQL (ASVS 2.5.6): recovery codes
(shown once at TOTP confirmation, each good once at sign-in or step-up, counted,
regenerated after a recent sign-in) and the centre admin's reset of a member's second
factor (own centre only, If-Match, sessions ended, held on setup where the rule says so,
audited). Every refusal is problem+json naming what is wrong."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import httpx
import pyotp
import pytest
from tests.e2e.conftest import PASSWORD, Api, make_centre, sign_in

from cma_adapters.memory.uow import FixedClock
from cma_core.identity.permissions import Role
from cma_entrypoints.container import Container

pytestmark = pytest.mark.slow

CODES = "/api/v1/auth/recovery-codes"
PROBLEM = "application/problem+json"


@pytest.fixture
def clock(container: Container) -> FixedClock:
    fixed = FixedClock(dt.datetime.now(dt.UTC))
    container.clock.override(fixed)
    return fixed


def _problem(r: httpx.Response, status: int, suffix: str | None = None) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM), r.headers
    body = dict(r.json())
    if suffix is not None:
        assert body["type"].endswith(suffix), body
    return body


def _field(r: httpx.Response, status: int = 422) -> str:
    return str(_problem(r, status)["errors"][0]["field"])


async def _login(http: httpx.AsyncClient, email: str, **extra: Any) -> httpx.Response:
    return await http.post(
        "/api/v1/auth/login", json={"email": email, "password": PASSWORD, **extra}
    )


async def _enrol(api: Api, at: dt.datetime | None = None) -> tuple[pyotp.TOTP, list[str]]:
    r = await api.post("/api/v1/auth/totp/enrol")
    assert r.status_code == 200, r.text
    totp = pyotp.TOTP(r.json()["secret"])
    r = await api.post("/api/v1/auth/totp/confirm", {"otp": "000000"})
    if r.status_code != 200:  # 000000 might, once in a million, be the code
        assert _field(r) == "otp"
    code = totp.at(at) if at is not None else totp.now()
    r = await api.post("/api/v1/auth/totp/confirm", {"otp": code})
    assert r.status_code == 200, r.text
    assert r.headers["cache-control"] == "no-store"
    body = r.json()
    assert body["remaining"] == len(body["recovery_codes"]) == 10
    return totp, list(body["recovery_codes"])


async def test_a_recovery_code_signs_in_or_steps_up_once(
    container: Container, http: httpx.AsyncClient, clock: FixedClock
) -> None:
    await make_centre(container, "Lost Phone", Role.CENTRE_ADMIN)
    email = "centre_admin@lostphone.example"
    me = await sign_in(http, email)
    assert (await me.get(CODES)).json() == {"remaining": 0, "second_factor": False}
    totp, codes = await _enrol(me, clock.now())
    assert len(set(codes)) == 10
    assert (await me.get(CODES)).json() == {"remaining": 10, "second_factor": True}

    _problem(await _login(http, email), 401, "otp-required")
    r = await _login(http, email, recovery_code=codes[0].upper().replace("-", " "))
    assert r.status_code == 200, r.text
    fresh = Api(http, r.json()["access_token"], r.json()["centre_id"])
    # Spent: refused like a wrong code; so is something that is no code at all.
    _problem(await _login(http, email, recovery_code=codes[0]), 401)
    _problem(await _login(http, email, recovery_code="zzzzz-zzzzz"), 401)
    assert (await fresh.get(CODES)).json()["remaining"] == 9

    # Step-up takes one too, once; a wrong one is 422 naming it.
    step = {"password": PASSWORD, "recovery_code": codes[1]}
    assert (await fresh.post("/api/v1/auth/reauthenticate", step)).status_code == 200
    assert _field(await fresh.post("/api/v1/auth/reauthenticate", step)) == "recovery_code"
    r = await fresh.post("/api/v1/auth/reauthenticate", {"password": PASSWORD, "otp": "12"})
    assert _field(r) == "otp"
    r = await fresh.post("/api/v1/auth/reauthenticate", {**step, "recovery_code": "x" * 33})
    assert r.status_code in {400, 422}
    assert "recovery_code" in r.text

    # Regenerating needs a recent sign-in, and kills every earlier code.
    clock.at += dt.timedelta(minutes=16)
    _problem(await fresh.post(CODES), 401, "reauthentication-required")
    r = await fresh.post(
        "/api/v1/auth/reauthenticate", {"password": PASSWORD, "otp": totp.at(clock.now())}
    )
    assert r.status_code == 200, r.text
    stepped = Api(http, r.json()["access_token"], fresh.centre_id)
    r = await stepped.post(CODES)
    assert r.status_code == 200, r.text
    new = r.json()["recovery_codes"]
    assert len(new) == 10
    assert not set(new) & set(codes)
    _problem(await _login(http, email, recovery_code=codes[2]), 401)
    assert (await _login(http, email, recovery_code=new[0])).status_code == 200

    r = await stepped.get("/api/v1/audit", params={"entity_type": "user", "limit": 200})
    actions = [e["action"] for e in r.json()["items"]]
    assert actions.count("auth.recovery_code_used") == 3
    assert actions.count("auth.recovery_codes_regenerated") == 1
    assert actions.count("auth.recovery_code_failed") == 3


async def test_codes_are_only_for_someone_with_two_step_verification(
    container: Container, http: httpx.AsyncClient
) -> None:
    await make_centre(container, "No Phone")
    me = await sign_in(http, "adviser@nophone.example")
    _problem(await me.post(CODES), 409)
    # Without TOTP a recovery code is not asked for, and changes nothing.
    r = await _login(http, "adviser@nophone.example", recovery_code="zzzzz-zzzzz")
    assert r.status_code == 200, r.text


async def test_an_admin_resets_a_members_lost_factor_in_their_own_centre_only(
    container: Container, http: httpx.AsyncClient
) -> None:
    slug = uuid.uuid4().hex[:8]
    a = await make_centre(container, f"Reset {slug}", Role.CENTRE_ADMIN)
    b = await make_centre(container, f"Other {slug}", Role.CENTRE_ADMIN)
    member_email = f"ada@reset{slug}.example"
    member = await container.identity().create_user(
        centre_id=uuid.UUID(a), email=member_email, role=Role.ADVISER, password=PASSWORD
    )
    admin = await sign_in(http, f"centre_admin@reset{slug}.example", a)
    stranger = await sign_in(http, f"centre_admin@other{slug}.example", b)
    ada = await sign_in(http, member_email, a)
    totp, codes = await _enrol(ada)
    r = await _login(http, member_email, otp=totp.now())
    assert r.status_code == 200, r.text
    session = r.json()
    held = Api(http, session["access_token"], a)
    r = await admin.client.put(
        "/api/v1/centre/second-factor",
        headers={**admin.headers, "If-Match": '"0"'},
        json={"roles": ["adviser"]},
    )
    assert r.status_code == 200, r.text

    url = f"/api/v1/users/{member.id}/second-factor/reset"
    etag = (await admin.get(f"/api/v1/users/{member.id}")).headers["etag"]
    # Another centre's admin: the member is not found there.
    _problem(await stranger.post(url, headers={"If-Match": etag}), 404)
    # The member themselves (no user:manage), no If-Match, a stale one, oneself.
    _problem(await held.post(url, headers={"If-Match": etag}), 403)
    _problem(await admin.post(url), 428)
    _problem(await admin.post(url, headers={"If-Match": '"1"'}), 412)
    own = (await admin.get("/api/v1/auth/me")).json()["user_id"]
    own_etag = (await admin.get(f"/api/v1/users/{own}")).headers["etag"]
    _problem(await admin.post(f"/api/v1/users/{own}/second-factor/reset",
                              headers={"If-Match": own_etag}), 409)  # fmt: skip

    r = await admin.post(url, headers={"If-Match": etag})
    assert r.status_code == 200, r.text
    assert r.headers["etag"] != etag
    # Every session of theirs ended: the refresh token and the access token.
    r = await http.post("/api/v1/auth/refresh", json={"refresh_token": session["refresh_token"]})
    _problem(r, 401)
    assert (await held.get("/api/v1/auth/me")).status_code == 401
    # The password alone lets them in, held on setup; their old codes are gone.
    r = await _login(http, member_email, centre_id=a)
    assert r.status_code == 200, r.text
    assert r.json()["second_factor_setup_required"] is True
    setup = Api(http, r.json()["access_token"], a)
    assert (await setup.get("/api/v1/cases")).status_code == 403
    _, new = await _enrol(setup)
    _problem(await _login(http, member_email, recovery_code=codes[0]), 401)
    assert (await _login(http, member_email, recovery_code=new[0])).status_code == 200
    # Nothing left to reset twice in a row.
    etag = (await admin.get(f"/api/v1/users/{member.id}")).headers["etag"]
    assert (await admin.post(url, headers={"If-Match": etag})).status_code == 200
    etag = (await admin.get(f"/api/v1/users/{member.id}")).headers["etag"]
    _problem(await admin.post(url, headers={"If-Match": etag}), 409)

    r = await admin.get("/api/v1/audit", params={"action": "user.second_factor_reset"})
    entries = r.json()["items"]
    assert [(e["actor_id"], e["entity_id"]) for e in entries] == [(own, str(member.id))] * 2
    r = await stranger.get("/api/v1/audit", params={"action": "user.second_factor_reset"})
    assert r.json()["items"] == []
