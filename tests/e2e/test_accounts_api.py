"""Accounts over HTTP on SQLite and PostgreSQL (issue 13, ASVS V2/V3; issue 11): the password
policy, reset by email, change password, the session list, step-up before sensitive
changes, per-centre deactivation and admins racing on one member."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import uuid
from typing import Any

import httpx
import pytest

from cma_adapters.memory import FixedClock
from cma_adapters.notify.memory import InMemoryNotifier
from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

from .conftest import PASSWORD, Api, make_centre, sign_in

NEW = "plum tractor lighthouse sings"
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)


@pytest.fixture
def clock(container: Container) -> FixedClock:
    fixed = FixedClock(dt.datetime.now(dt.UTC))
    container.clock.override(fixed)
    return fixed


@pytest.fixture
def mail(container: Container) -> InMemoryNotifier:
    fake = InMemoryNotifier()
    container.notifier.override(fake)
    return fake


async def _login(http: httpx.AsyncClient, email: str, password: str, agent: str) -> Any:
    return await http.post(
        "/api/v1/auth/login",
        json={"email": email, "password": password},
        headers={"User-Agent": agent},
    )


async def _admin(container: Container, http: httpx.AsyncClient, name: str) -> Api:
    centre = await make_centre(container, name, Role.CENTRE_ADMIN)
    return await sign_in(http, f"centre_admin@{name.lower().replace(' ', '')}.example", centre)


async def test_reset_by_email_same_answer_single_use_and_sessions_end(
    container: Container, http: httpx.AsyncClient, mail: InMemoryNotifier
) -> None:
    centre = await make_centre(container, "Reset Centre")
    email = "adviser@resetcentre.example"
    api = await sign_in(http, email, centre)
    unknown = await http.post("/api/v1/auth/password-reset", json={"email": "no@x.example"})
    known = await http.post("/api/v1/auth/password-reset", json={"email": email.upper()})
    assert unknown.status_code == known.status_code == 202
    assert unknown.json() == known.json()
    # Mailed after the answer, by the background run (the worker's, with Redis).
    kick = container.reset_kick()
    assert kick is not None
    await kick.drain()
    assert [m.to for m in mail.sent] == [email]
    code = re.search(r"Your reset code: (\S+)", mail.sent[0].body)
    assert code is not None
    confirm = "/api/v1/auth/password-reset/confirm"
    weak = await http.post(confirm, json={"token": code.group(1), "new_password": "short"})
    assert weak.status_code == 422
    assert weak.json()["errors"][0]["field"] == "new_password"
    ok = await http.post(confirm, json={"token": code.group(1), "new_password": NEW})
    assert ok.status_code == 204, ok.text
    again = await http.post(confirm, json={"token": code.group(1), "new_password": NEW + "!"})
    assert again.status_code == 422
    assert again.json()["errors"][0]["field"] == "token"
    # The old access token's session ended; the old password no longer works.
    assert (await api.get("/api/v1/auth/me")).status_code == 401
    assert (await _login(http, email, PASSWORD, FIREFOX)).status_code == 401
    assert (await _login(http, email, NEW, FIREFOX)).status_code == 200


async def test_change_password_and_the_session_list(
    container: Container, http: httpx.AsyncClient
) -> None:
    await make_centre(container, "Change Centre")
    email = "adviser@changecentre.example"
    laptop = (await _login(http, email, PASSWORD, FIREFOX)).json()
    phone = (await _login(http, email, PASSWORD, IPHONE)).json()
    me = Api(http, laptop["access_token"], laptop["centre_id"])
    other = Api(http, phone["access_token"], phone["centre_id"])
    r = await me.get("/api/v1/auth/sessions")
    assert r.status_code == 200, r.text
    assert r.headers["cache-control"] == "no-store"
    listed = r.json()["items"]
    assert sorted((s["user_agent"], s["current"]) for s in listed) == [
        ("Firefox on Linux", True),
        ("Safari on iOS", False),
    ]
    phone_id = next(s["id"] for s in listed if not s["current"])
    # Someone else's (or no) session: 404.
    assert (
        await me.client.delete(f"/api/v1/auth/sessions/{uuid.uuid4()}", headers=me.headers)
    ).status_code == 404
    r = await me.client.delete(f"/api/v1/auth/sessions/{phone_id}", headers=me.headers)
    assert r.status_code == 204, r.text
    assert (await other.get("/api/v1/auth/me")).status_code == 401  # at once in-process
    refreshed = await http.post(
        "/api/v1/auth/refresh", json={"refresh_token": phone["refresh_token"]}
    )
    assert refreshed.status_code == 401
    assert len((await me.get("/api/v1/auth/sessions")).json()["items"]) == 1
    # Change password: the current one first; this session goes on.
    wrong = await me.post(
        "/api/v1/auth/password", {"current_password": "not it at all", "new_password": NEW}
    )
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["field"] == "current_password"
    common = await me.post(
        "/api/v1/auth/password", {"current_password": PASSWORD, "new_password": "qwerty123456"}
    )
    assert common.status_code == 422
    assert common.json()["errors"][0]["field"] == "new_password"
    r = await me.post("/api/v1/auth/password", {"current_password": PASSWORD, "new_password": NEW})
    assert r.status_code == 204, r.text
    assert (await me.get("/api/v1/auth/me")).status_code == 200
    assert (await _login(http, email, NEW, FIREFOX)).status_code == 200


async def test_sensitive_changes_need_a_recent_sign_in(
    container: Container, http: httpx.AsyncClient, clock: FixedClock
) -> None:
    admin = await _admin(container, http, "Step Centre")
    me = (await admin.get("/api/v1/auth/me")).json()
    grant = {"permission": "finance:read", "reason": "step-up proof"}
    url = f"/api/v1/users/{me['user_id']}/grants"
    assert (await admin.post(url, grant)).status_code == 201  # just signed in
    clock.at += dt.timedelta(minutes=16)
    r = await admin.post(url, grant)
    assert r.status_code == 401, r.text
    assert r.json()["type"].endswith("/reauthentication-required")
    assert "insufficient_user_authentication" in r.headers["www-authenticate"]
    # Reading is not a sensitive change.
    assert (await admin.get("/api/v1/users")).status_code == 200
    bad = await admin.post("/api/v1/auth/reauthenticate", {"password": "not my password"})
    assert bad.status_code == 422
    step = await admin.post("/api/v1/auth/reauthenticate", {"password": PASSWORD})
    assert step.status_code == 200, step.text
    assert step.json()["refresh_token"] is None
    fresh = Api(http, step.json()["access_token"], admin.centre_id)
    assert (await fresh.post(url, grant)).status_code == 201


async def test_deactivation_is_per_centre_and_racing_admins_cannot_both_win(
    container: Container, http: httpx.AsyncClient
) -> None:
    north = await _admin(container, http, "North Race")
    south = await _admin(container, http, "South Race")
    body = {
        "email": f"sam.{uuid.uuid4().hex[:6]}@race.example",
        "display_name": "Sam",
        "roles": ["adviser"],
        "password": NEW,
    }
    member = (await north.post("/api/v1/users", body)).json()
    assert (await south.post("/api/v1/users", body)).status_code == 201
    url = f"/api/v1/users/{member['id']}"
    etag = (await north.get(url)).headers["etag"]
    # Two admins of North act on the same read at once: exactly one wins.
    results = await asyncio.gather(
        north.client.put(
            f"{url}/roles",
            json={"roles": ["supervisor"]},
            headers={**north.headers, "If-Match": etag},
        ),
        north.post(f"{url}/deactivate", headers={"If-Match": etag}),
    )
    assert sorted(r.status_code for r in results) == [200, 412], [r.text for r in results]
    # South's admin switches Sam off in South; North keeps them.
    s_etag = (await south.get(url)).headers["etag"]
    r = await south.post(f"{url}/deactivate", headers={"If-Match": s_etag})
    assert r.status_code == 200, r.text
    assert r.json()["active"] is False
    login = {"email": body["email"], "password": NEW}
    assert (
        await http.post("/api/v1/auth/login", json={**login, "centre_id": south.centre_id})
    ).status_code == 401


async def test_new_passwords_follow_the_policy(
    container: Container, http: httpx.AsyncClient
) -> None:
    admin = await _admin(container, http, "Policy Race")
    body = {"email": "x@policy.example", "display_name": "X", "roles": ["adviser"]}
    for password, field in (("eleven char", "password"), ("x" * 129, "password")):
        r = await admin.post("/api/v1/users", {**body, "password": password})
        assert r.status_code == 422, r.text
        assert r.json()["errors"][0]["field"] == field
    r = await admin.post("/api/v1/users", {**body, "password": "ünïcödé pässwörd ✓"})
    assert r.status_code == 201, r.text
    # A user whose password predates the 12-character rule still signs in.
    centre = CentreId(uuid.UUID(admin.centre_id))
    old = await container.identity().create_user(
        centre_id=centre, email="old@policy.example", role=Role.ADVISER, password=NEW
    )
    old.password_hash = container.hasher().hash("ten chars!")
    await container.identity_store().save_user(old)
    assert (await _login(http, "old@policy.example", "ten chars!", FIREFOX)).status_code == 200


async def test_two_saves_of_one_read_race_and_one_is_refused(
    container: Container, http: httpx.AsyncClient
) -> None:
    """The conditional update itself (not the If-Match check before it): two writers that
    read the same version save at once; the database lets exactly one through."""
    centre = await make_centre(container, "Store Race")
    store = container.identity_store()
    user = await store.get_user_by_email("adviser@storerace.example")
    assert user is not None
    first = await store.get_user(user.id)
    second = await store.get_user(user.id)
    assert first is not None
    assert second is not None
    first.set_roles(CentreId(uuid.UUID(centre)), [Role.SUPERVISOR])
    second.set_active_in(CentreId(uuid.UUID(centre)), False)
    results = await asyncio.gather(
        store.save_user(first), store.save_user(second), return_exceptions=True
    )
    assert sorted(type(r).__name__ for r in results) == ["NoneType", "StaleVersion"]
    saved = await store.get_user(user.id)
    assert saved is not None
    assert saved.version == user.version + 1


async def test_who_am_i_names_the_person_and_their_centre(
    container: Container, http: httpx.AsyncClient
) -> None:
    """``/auth/me`` answers with the person's own name and email and the centre the token
    acts for (the console's header says who is signed in, and where)."""
    centre = await container.identity().create_centre("Name Centre")
    await container.identity().create_user(
        centre_id=centre.id,
        email="Ruth.Adviser@NameCentre.example",
        full_name="Ruth Adviser",
        role=Role.ADVISER,
        password=PASSWORD,
    )
    api = await sign_in(http, "ruth.adviser@namecentre.example", str(centre.id))
    me = (await api.get("/api/v1/auth/me")).json()
    assert (me["display_name"], me["centre_name"]) == ("Ruth Adviser", "Name Centre")
    assert me["email"].lower() == "ruth.adviser@namecentre.example"
    assert me["roles"] == ["adviser"]
