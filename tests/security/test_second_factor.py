"""A setup-only token (the centre requires a second factor of the user's role and they
have none) opens nothing but setting it up: every route of the API document, called with
one, answers 403 ``second-factor-setup-required``, except TOTP enrolment and confirmation,
step-up, who-am-I and sign-out, and the routes that need no token at all. A route added
later is covered without editing this test. And the centre's rule is a tenant table
under Row Level Security that sign-in (platform-level) may read, nothing else."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from tests.e2e.conftest import PASSWORD, make_centre
from tests.e2e.test_isolation import _example_body
from tests.security.test_rls_app_role import app_role_url  # noqa: F401 - a fixture

from cma_adapters.sqlalchemy import SqlAlchemyIdentityStore, create_engine_for
from cma_core.identity.model import Centre, User
from cma_core.identity.permissions import Role
from cma_core.identity.second_factor import SecondFactorPolicy
from cma_core.shared.ids import CentreId, UserId
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.http.app import create_app
from cma_entrypoints.settings import Settings

#: What a setup-only token may call (``auth.SETUP_ROUTE`` on the handler).
SETUP_ROUTES = {
    "GET /api/v1/auth/me",
    "POST /api/v1/auth/logout",
    "POST /api/v1/auth/logout-everywhere",
    "POST /api/v1/auth/reauthenticate",
    "POST /api/v1/auth/totp/enrol",
    "POST /api/v1/auth/totp/confirm",
}
ENDS_SESSION = {"POST /api/v1/auth/logout", "POST /api/v1/auth/logout-everywhere"}
METHODS = {"get", "post", "put", "patch", "delete"}
_PARAM = re.compile(r"\{([^}:]+)(?::[^}]+)?\}")


@pytest.fixture
def container(sqlite_url: str, tmp_path: Any) -> Container:
    settings = Settings.from_env(
        {
            "CMA_DATA_DIR": str(tmp_path),
            "CMA_DATABASE_URL": sqlite_url,
            "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
            "CMA_ARGON2_TIME_COST": "1",
            "CMA_ARGON2_MEMORY_COST": "1024",
        }
    )
    return build_container(settings)


@pytest.fixture
async def http(container: Container) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(container))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client
    await shutdown(container)


async def test_a_setup_only_token_opens_only_the_setup_routes(
    container: Container, http: httpx.AsyncClient
) -> None:
    centre = await make_centre(container, "Setup Walk", Role.SUPERVISOR)
    policy = SecondFactorPolicy(
        centre_id=CentreId(uuid.UUID(centre)),
        roles=frozenset({Role.SUPERVISOR}),
        updated_at=dt.datetime.now(dt.UTC),
    )
    await container.identity_store().save_second_factor_policy(policy, expected_version=0)
    login = {"email": "supervisor@setupwalk.example", "password": PASSWORD, "centre_id": centre}
    r = await http.post("/api/v1/auth/login", json=login)
    assert r.json()["second_factor_setup_required"] is True
    token = r.json()["access_token"]

    schema = (await http.get("/schema/openapi.json")).json()
    opened: list[str] = []
    refused = 0
    seen: set[str] = set()
    for path, ops in schema["paths"].items():
        if not path.startswith("/api/v1"):
            continue
        for method, op in ops.items():
            if method not in METHODS:
                continue
            route = f"{method.upper()} {path}"
            if route in ENDS_SESSION:
                continue  # would end the token's session; checked at the end
            url = _PARAM.sub(lambda _: str(uuid.uuid4()), path)
            body = _example_body(op)
            r = await http.request(
                method.upper(),
                url,
                headers={"Authorization": f"Bearer {token}", "If-Match": '"1"'},
                json=body,
            )
            problem = r.headers.get("content-type", "").startswith("application/problem+json")
            if r.status_code == 403 and problem and r.json()["type"].endswith("setup-required"):
                refused += 1
                assert route not in SETUP_ROUTES, route
                continue
            if route in SETUP_ROUTES:
                seen.add(route)
                continue
            # Not refused: only a route that needs no token at all may answer it
            # (sign-in and refresh answer these example bodies 401 either way).
            anonymous = await http.request(method.upper(), url, json=body)
            if anonymous.status_code == 401 and r.status_code != 401:
                opened.append(f"{route} -> {r.status_code}")
    assert not opened, "routes a setup-only token opens:\n  " + "\n  ".join(opened)
    assert seen == SETUP_ROUTES - ENDS_SESSION
    assert refused > 100  # the walk went over the API, not a handful of routes
    r = await http.post(
        "/api/v1/auth/logout", headers={"Authorization": f"Bearer {token}"}, json={}
    )
    assert r.status_code == 204


@pytest.mark.postgres
async def test_the_rule_is_seen_by_its_centre_and_by_sign_in_only(
    postgres_url: str,
    app_role_url: str,  # noqa: F811 - the fixture imported above
) -> None:
    owner = create_engine_for(postgres_url)
    app = create_engine_for(app_role_url)
    try:
        store = SqlAlchemyIdentityStore(owner)
        now = dt.datetime.now(dt.UTC)
        a, b = (Centre(id=CentreId(uuid.uuid4()), name=n, created_at=now) for n in "AB")
        for c in (a, b):
            await store.add_centre(c)
            await store.save_second_factor_policy(
                SecondFactorPolicy(centre_id=c.id, roles=frozenset({Role.ADVISER}), updated_at=now),
                expected_version=0,
            )
        mine = text("SELECT centre_id FROM centre_second_factor WHERE centre_id IN (:a, :b)")
        ids = {"a": a.id, "b": b.id}
        async with app.begin() as conn:  # no centre bound, not platform-level: nothing
            assert (await conn.execute(mine, ids)).scalars().all() == []
        async with app.begin() as conn:
            await conn.execute(
                text("SELECT set_config('app.centre_id', :c, true)"), {"c": str(a.id)}
            )
            assert set((await conn.execute(mine, ids)).scalars().all()) == {a.id}
            with pytest.raises(Exception, match="row-level security"):
                await conn.execute(
                    text("UPDATE centre_second_factor SET centre_id = :b WHERE centre_id = :a"),
                    ids,
                )
        # Sign-in reads it platform-level, through the application role.
        assert await SqlAlchemyIdentityStore(app).get_second_factor_policy(b.id) is not None
    finally:
        await owner.dispose()
        await app.dispose()


@pytest.mark.postgres
async def test_recovery_codes_are_seen_by_platform_level_transactions_only(
    postgres_url: str,
    app_role_url: str,  # noqa: F811 - the fixture imported above
) -> None:
    """``user_recovery_codes`` belongs to users, not centres: a centre's transaction (a
    forgotten filter, an injected query) sees none of it, and cannot write it; sign-in and
    step-up (platform-level, through the application role) use it as usual."""
    owner = create_engine_for(postgres_url)
    app = create_engine_for(app_role_url)
    try:
        store = SqlAlchemyIdentityStore(owner)
        now = dt.datetime.now(dt.UTC)
        centre = Centre(id=CentreId(uuid.uuid4()), name="Codes", created_at=now)
        await store.add_centre(centre)
        user = User(
            id=UserId(uuid.uuid4()),
            email=f"codes-{uuid.uuid4().hex[:8]}@example.org",
            full_name="Codes",
            password_hash="x",
            created_at=now,
        )
        user.grant(centre.id, Role.ADVISER)
        await store.add_user(user)
        await store.replace_recovery_codes(user.id, ["a" * 64, "b" * 64], now)
        rows = text("SELECT code_hash FROM user_recovery_codes WHERE user_id = :u")
        for bound in ("", str(centre.id)):
            async with app.begin() as conn:
                if bound:
                    await conn.execute(
                        text("SELECT set_config('app.centre_id', :c, true)"), {"c": bound}
                    )
                assert (await conn.execute(rows, {"u": user.id})).scalars().all() == []
                with pytest.raises(Exception, match="row-level security"):
                    await conn.execute(
                        text(
                            "INSERT INTO user_recovery_codes (user_id, code_hash, created_at) "
                            "VALUES (:u, :h, now())"
                        ),
                        {"u": user.id, "h": "c" * 64},
                    )
        through_app = SqlAlchemyIdentityStore(app)
        assert await through_app.recovery_codes_left(user.id) == 2
        assert await through_app.use_recovery_code(user.id, "a" * 64, now)
        assert await through_app.recovery_codes_left(user.id) == 1
        async with owner.connect() as conn:
            forced = await conn.scalar(
                text(
                    "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class "
                    "WHERE relname = 'user_recovery_codes'"
                )
            )
        assert forced is True
    finally:
        await owner.dispose()
        await app.dispose()
