"""A centre requiring a second factor (TOTP) of chosen roles, over HTTP, on SQLite and
PostgreSQL (ASVS 2.2.2 / 2.8): the centre admin's setting (ETag/If-Match, 422 naming
``roles``, audited, invisible to another centre), and its enforcement on every path into
the centre (sign-in, refresh, centre switch, step-up): a member of a required role
without TOTP gets a setup-only token (403 ``second-factor-setup-required`` everywhere but
enrolment and sign-out) until they confirm a code; nobody, the last admin included, is
shut out."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pyotp
import pytest
from tests.e2e.conftest import PASSWORD, Api, make_centre, sign_in

from cma_core.identity.permissions import Role
from cma_entrypoints.container import Container

pytestmark = pytest.mark.slow

URL = "/api/v1/centre/second-factor"
SETUP = "second-factor-setup-required"


async def put_roles(api: Api, roles: list[str], etag: str | None) -> httpx.Response:
    headers = {**api.headers, **({"If-Match": etag} if etag is not None else {})}
    return await api.client.put(URL, headers=headers, json={"roles": roles})


async def login(http: httpx.AsyncClient, email: str, centre: str, **extra: Any) -> dict[str, Any]:
    r = await http.post(
        "/api/v1/auth/login",
        json={"email": email, "password": PASSWORD, "centre_id": centre, **extra},
    )
    assert r.status_code == 200, r.text
    return dict(r.json())


def api_of(http: httpx.AsyncClient, tokens: dict[str, Any]) -> Api:
    return Api(http, tokens["access_token"], tokens["centre_id"])


async def refresh(http: httpx.AsyncClient, tokens: dict[str, Any]) -> dict[str, Any]:
    r = await http.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert r.status_code == 200, r.text
    return dict(r.json())


def refused_for_setup(r: httpx.Response) -> bool:
    return (
        r.status_code == 403
        and r.headers["content-type"].startswith("application/problem+json")
        and r.json()["type"].endswith(SETUP)
    )


async def enrol(api: Api) -> pyotp.TOTP:
    r = await api.post("/api/v1/auth/totp/enrol")
    assert r.status_code == 200, r.text
    totp = pyotp.TOTP(r.json()["secret"])
    r = await api.post("/api/v1/auth/totp/confirm", {"otp": totp.now()})
    assert r.status_code == 200, r.text
    assert len(r.json()["recovery_codes"]) == 10
    return totp


class Staff:
    """A centre of its own per test (the PostgreSQL database is the session's): its id,
    and its admin's and adviser's emails."""

    def __init__(self, centre: str, slug: str) -> None:
        self.centre = centre
        self.admin = f"centre_admin@{slug}.example"
        self.adviser = f"adviser@{slug}.example"


async def centre_with_staff(container: Container) -> Staff:
    name = f"Sf {uuid.uuid4().hex[:10]}"
    centre = await make_centre(container, name, Role.CENTRE_ADMIN)
    staff = Staff(centre, name.lower().replace(" ", ""))
    await container.identity().create_user(
        centre_id=uuid.UUID(centre), email=staff.adviser, role=Role.ADVISER, password=PASSWORD
    )
    return staff


async def test_the_setting_is_the_admins_versioned_validated_and_audited(
    container: Container, http: httpx.AsyncClient
) -> None:
    s, t = await centre_with_staff(container), await centre_with_staff(container)
    a = s.centre
    admin = await sign_in(http, s.admin, a)
    adviser = await sign_in(http, s.adviser, a)
    other = await sign_in(http, t.admin, t.centre)

    r = await admin.get(URL)
    assert r.status_code == 200, r.text
    assert (r.json()["roles"], r.json()["version"], r.headers["etag"]) == ([], 0, '"0"')
    assert (await adviser.get(URL)).status_code == 403
    assert (await put_roles(adviser, ["adviser"], '"0"')).status_code == 403
    assert (await put_roles(admin, ["adviser"], None)).status_code == 428
    r = await put_roles(admin, ["platform_admin"], '"0"')
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "roles"
    assert "platform_admin" not in r.json()["errors"][0]["allowed"]
    r = await put_roles(admin, ["wizard"], '"0"')
    assert r.status_code in {400, 422}
    assert "roles" in r.text

    r = await put_roles(admin, ["supervisor", "centre_admin", "supervisor"], '"0"')
    assert r.status_code == 200, r.text
    assert (r.json()["roles"], r.headers["etag"]) == (["centre_admin", "supervisor"], '"1"')
    assert (await put_roles(admin, ["adviser"], '"0"')).status_code == 412
    r = await admin.get(URL)
    assert (r.json()["roles"], r.json()["version"]) == (["centre_admin", "supervisor"], 1)

    # Another centre's setting is its own.
    r = await other.get(URL)
    assert (r.json()["roles"], r.json()["version"]) == ([], 0)

    r = await admin.get("/api/v1/audit", params={"entity_type": "centre"})
    changes = [e for e in r.json()["items"] if e["action"] == "centre.second_factor_changed"]
    assert len(changes) == 1


async def test_sign_in_gives_a_setup_only_token_until_totp_is_confirmed(
    container: Container, http: httpx.AsyncClient
) -> None:
    s = await centre_with_staff(container)
    a = s.centre
    admin = await sign_in(http, s.admin, a)
    assert (await put_roles(admin, ["adviser"], '"0"')).status_code == 200
    # The admin's own role is not required: their sign-in is unchanged.
    assert (await login(http, s.admin, a))["second_factor_setup_required"] is False

    tokens = await login(http, s.adviser, a)
    assert tokens["second_factor_setup_required"] is True
    adviser = api_of(http, tokens)
    # Everything but setting up is refused, routes without a permission guard included.
    assert refused_for_setup(await adviser.get("/api/v1/cases"))
    assert refused_for_setup(await adviser.get("/api/v1/centre/profile"))
    assert refused_for_setup(await adviser.get("/api/v1/auth/sessions"))
    assert refused_for_setup(await adviser.post("/api/v1/clients", {"first_name": "A"}))
    assert refused_for_setup(await adviser.post("/api/v1/auth/switch-centre", {"centre_id": a}))
    me = (await adviser.get("/api/v1/auth/me")).json()
    assert (me["second_factor_setup_required"], me["permissions"]) == (True, [])

    # Step-up keeps it setup-only.
    r = await adviser.post("/api/v1/auth/reauthenticate", {"password": PASSWORD})
    assert r.status_code == 200, r.text
    assert r.json()["second_factor_setup_required"] is True
    assert refused_for_setup(await api_of(http, {**r.json(), "centre_id": a}).get("/api/v1/cases"))

    # Refreshing before enrolling is still setup-only.
    tokens = await refresh(http, tokens)
    assert tokens["second_factor_setup_required"] is True
    adviser = api_of(http, tokens)

    totp = await enrol(adviser)
    tokens = await refresh(http, tokens)
    assert tokens["second_factor_setup_required"] is False
    assert (await api_of(http, tokens).get("/api/v1/cases")).status_code == 200

    # From now on the code is required at sign-in, and a sign-in with it is normal.
    r = await http.post(
        "/api/v1/auth/login",
        json={"email": s.adviser, "password": PASSWORD, "centre_id": a},
    )
    assert (r.status_code, r.json()["type"].endswith("otp-required")) == (401, True)
    full = await login(http, s.adviser, a, otp=totp.now())
    assert full["second_factor_setup_required"] is False

    # Sign-out works with a setup-only token.
    tokens = await login(http, s.adviser, a, otp=totp.now())
    assert (await api_of(http, tokens).post("/api/v1/auth/logout", {})).status_code == 204


async def test_raising_the_requirement_takes_effect_at_the_next_refresh(
    container: Container, http: httpx.AsyncClient
) -> None:
    s = await centre_with_staff(container)
    a = s.centre
    admin = await sign_in(http, s.admin, a)
    tokens = await login(http, s.adviser, a)
    assert tokens["second_factor_setup_required"] is False
    assert (await put_roles(admin, ["adviser", "supervisor"], '"0"')).status_code == 200
    tokens = await refresh(http, tokens)
    assert tokens["second_factor_setup_required"] is True
    assert refused_for_setup(await api_of(http, tokens).get("/api/v1/cases"))
    # Lowering it again gives a normal token at the next refresh.
    assert (await put_roles(admin, [], '"1"')).status_code == 200
    tokens = await refresh(http, tokens)
    assert tokens["second_factor_setup_required"] is False
    assert (await api_of(http, tokens).get("/api/v1/cases")).status_code == 200


async def test_switching_into_a_centre_that_requires_it(
    container: Container, http: httpx.AsyncClient
) -> None:
    s, t = await centre_with_staff(container), await centre_with_staff(container)
    a, b = s.centre, t.centre
    await container.identity().create_user(
        centre_id=uuid.UUID(b), email=s.adviser, role=Role.ADVISER, password=PASSWORD
    )
    b_admin = await sign_in(http, t.admin, b)
    assert (await put_roles(b_admin, ["adviser"], '"0"')).status_code == 200

    in_a = await login(http, s.adviser, a)
    assert in_a["second_factor_setup_required"] is False  # centre A does not require it
    r = await api_of(http, in_a).post("/api/v1/auth/switch-centre", {"centre_id": b})
    assert r.status_code == 200, r.text
    assert r.json()["second_factor_setup_required"] is True
    assert refused_for_setup(await api_of(http, r.json()).get("/api/v1/cases"))
    # Signing in to B directly is the same.
    assert (await login(http, s.adviser, b))["second_factor_setup_required"]


async def test_the_last_admin_requiring_it_of_themselves_can_still_get_in(
    container: Container, http: httpx.AsyncClient
) -> None:
    s = await centre_with_staff(container)
    a = s.centre
    tokens = await login(http, s.admin, a)
    admin = api_of(http, tokens)
    assert (await put_roles(admin, ["centre_admin"], '"0"')).status_code == 200
    tokens = await refresh(http, tokens)
    assert tokens["second_factor_setup_required"] is True
    admin = api_of(http, tokens)
    assert refused_for_setup(await admin.get(URL))
    await enrol(admin)
    tokens = await refresh(http, tokens)
    admin = api_of(http, tokens)
    r = await admin.get(URL)
    assert (r.status_code, r.json()["roles"]) == (200, ["centre_admin"])
