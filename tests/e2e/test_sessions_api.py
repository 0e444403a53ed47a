"""Signing out ends the access token too, not only the refresh token; signing out
everywhere ends every session; a user taken out of the centre loses access within the
session check's cache time. On SQLite and PostgreSQL, and across two API processes
sharing a real Redis."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from typing import Any

import httpx
import pytest
from tests.e2e.conftest import PASSWORD, make_centre

from cma_adapters.memory.identity import InMemoryRefreshTokenStore
from cma_adapters.security import InMemorySessionRevocations, RedisSessionRevocations
from cma_core.identity.gate import SessionGate
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId, UserId
from cma_entrypoints.container import Container


async def _login(http: httpx.AsyncClient, email: str) -> dict[str, Any]:
    r = await http.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return dict(r.json())


def _bearer(tokens: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


async def test_logout_ends_the_access_token_at_once(
    container: Container, http: httpx.AsyncClient
) -> None:
    await make_centre(container, "Out Centre")
    tokens = await _login(http, "adviser@outcentre.example")
    other = await _login(http, "adviser@outcentre.example")  # another device
    assert (await http.get("/api/v1/auth/me", headers=_bearer(tokens))).status_code == 200
    r = await http.post(
        "/api/v1/auth/logout",
        json={"refresh_token": tokens["refresh_token"]},
        headers=_bearer(tokens),
    )
    assert r.status_code == 204
    r = await http.get("/api/v1/clients", headers=_bearer(tokens))
    assert r.status_code == 401
    assert "session has ended" in r.json()["detail"]
    # The other device's session is its own: still signed in.
    assert (await http.get("/api/v1/auth/me", headers=_bearer(other))).status_code == 200


async def test_logout_without_the_refresh_token_still_ends_the_session(
    container: Container, http: httpx.AsyncClient
) -> None:
    await make_centre(container, "Half Centre")
    tokens = await _login(http, "adviser@halfcentre.example")
    r = await http.post("/api/v1/auth/logout", json={}, headers=_bearer(tokens))
    assert r.status_code == 204
    assert (await http.get("/api/v1/auth/me", headers=_bearer(tokens))).status_code == 401
    # ...and the refresh token of that session (same family) is dead too.
    r = await http.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert r.status_code == 401


async def test_sign_out_everywhere_ends_every_session(
    container: Container, http: httpx.AsyncClient
) -> None:
    await make_centre(container, "All Centre")
    first = await _login(http, "adviser@allcentre.example")
    second = await _login(http, "adviser@allcentre.example")
    r = await http.post("/api/v1/auth/logout-everywhere", headers=_bearer(first))
    assert r.status_code == 204
    for tokens in (first, second):
        assert (await http.get("/api/v1/auth/me", headers=_bearer(tokens))).status_code == 401
        r = await http.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
        assert r.status_code == 401
    # Signing in again afterwards works.
    again = await _login(http, "adviser@allcentre.example")
    assert (await http.get("/api/v1/auth/me", headers=_bearer(again))).status_code == 200


async def test_a_removed_member_loses_access_within_the_check_time(
    container: Container, http: httpx.AsyncClient
) -> None:
    centre = await make_centre(container, "Gone Centre")
    tokens = await _login(http, "adviser@gonecentre.example")
    gate = container.session_gate()
    clock = [1000.0]
    gate.monotonic = lambda: clock[0]
    assert (await http.get("/api/v1/clients", headers=_bearer(tokens))).status_code == 200
    user = await container.identity_store().get_user_by_email("adviser@gonecentre.example")
    assert user is not None
    await container.identity().remove_member(
        TenantContext.system(CentreId(uuid.UUID(centre))), user.id
    )
    clock[0] += gate.cache_seconds + 0.1
    assert (await http.get("/api/v1/clients", headers=_bearer(tokens))).status_code == 401
    r = await http.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert r.status_code == 401


# ------------------------------------------------------------------ the gate, unit level


class _Store:
    """Just enough of an identity store: one user, a member of one centre."""

    def __init__(self, user_id: UserId, centre_id: CentreId) -> None:
        from cma_core.identity.model import User

        self.user = User(
            id=user_id,
            email="a@b.example",
            full_name="A",
            password_hash="x",
            created_at=dt.datetime.now(dt.UTC),
        )
        self.user.grant(centre_id, Role.ADVISER)
        self.calls = 0

    async def get_user(self, user_id: UserId) -> Any:
        self.calls += 1
        return self.user if user_id == self.user.id else None


def _ids(ctx: TenantContext) -> tuple[uuid.UUID, UserId, dt.datetime]:
    assert ctx.session_id is not None
    assert ctx.user_id is not None
    assert ctx.issued_at is not None
    return ctx.session_id, ctx.user_id, ctx.issued_at


def _ctx(sid: uuid.UUID | None = None) -> tuple[TenantContext, _Store]:
    user, centre = UserId(uuid.uuid4()), CentreId(uuid.uuid4())
    ctx = TenantContext(
        centre_id=centre,
        user_id=user,
        roles=frozenset({Role.ADVISER}),
        session_id=sid or uuid.uuid4(),
        issued_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=30),
    )
    return ctx, _Store(user, centre)


async def test_the_gate_asks_the_database_once_per_cache_time() -> None:
    ctx, store = _ctx()
    now = [0.0]
    gate = SessionGate(
        store,  # type: ignore[arg-type]
        InMemoryRefreshTokenStore(),
        InMemorySessionRevocations(),
        cache_seconds=5,
        monotonic=lambda: now[0],
    )
    assert all([await gate.live(ctx) for _ in range(20)])
    assert store.calls == 1
    store.user.active = False
    assert await gate.live(ctx)  # cached verdict
    now[0] = 5.1
    assert not await gate.live(ctx)
    assert store.calls == 2


class _SlowStore(_Store):
    """The database takes a while to answer: requests arriving meanwhile overlap."""

    async def get_user(self, user_id: UserId) -> Any:
        self.calls += 1
        await asyncio.sleep(0.01)
        return self.user if user_id == self.user.id else None


def _gate(store: _Store) -> SessionGate:
    return SessionGate(
        store,  # type: ignore[arg-type]
        InMemoryRefreshTokenStore(),
        InMemorySessionRevocations(),
        cache_seconds=5,
    )


async def test_overlapping_requests_of_a_session_ask_the_database_once() -> None:
    """16 requests of one session in flight when the verdict is due: one question, and
    every request gets its verdict (each asked on its own before: 16 queries)."""
    ctx, plain = _ctx()
    store = _SlowStore(plain.user.id, ctx.centre_id)
    gate = _gate(store)
    assert await asyncio.gather(*(gate.live(ctx) for _ in range(16))) == [True] * 16
    assert store.calls == 1
    other, _ = _ctx()  # another session of another user is asked about on its own
    assert not await gate.live(other)
    assert store.calls == 2


async def test_a_failed_question_is_asked_again_by_those_waiting() -> None:
    ctx, plain = _ctx()
    store = _SlowStore(plain.user.id, ctx.centre_id)
    gate = _gate(store)
    first = [True]
    original = store.get_user

    async def flaky(user_id: UserId) -> Any:
        if first[0]:
            first[0] = False
            store.calls += 1
            await asyncio.sleep(0.01)
            raise ConnectionError("database went away")
        return await original(user_id)

    store.get_user = flaky  # type: ignore[method-assign]
    results = await asyncio.gather(*(gate.live(ctx) for _ in range(4)), return_exceptions=True)
    assert isinstance(results[0], ConnectionError)
    assert results[1:] == [True, True, True]
    assert store.calls == 2  # the failed question, then one more shared by the waiters


async def test_forgetting_a_session_drops_the_question_in_flight() -> None:
    """A sign-out while the database is being asked: the answer (which may predate it)
    serves the requests that were waiting, but is not kept for later ones."""
    ctx, plain = _ctx()
    store = _SlowStore(plain.user.id, ctx.centre_id)
    gate = _gate(store)
    pending = asyncio.ensure_future(gate.live(ctx))
    await asyncio.sleep(0)
    gate.forget(session_id=ctx.session_id)
    assert await pending
    store.user.active = False
    assert not await gate.live(ctx)
    assert store.calls == 2


@pytest.mark.parametrize("kind", ["memory", "redis"])
async def test_revocations_are_shared_by_every_process(
    kind: str, request: pytest.FixtureRequest
) -> None:
    """Two API processes: a sign-out in one is refused by the other at once (Redis) —
    without Redis each process has its own list and the database decides within seconds."""
    ns = f"cma-test-{uuid.uuid4().hex}"
    if kind == "redis":
        url = request.getfixturevalue("redis_url")
        one: Any = RedisSessionRevocations.from_url(url, namespace=ns)
        two: Any = RedisSessionRevocations.from_url(url, namespace=ns)
    else:
        one = two = InMemorySessionRevocations()
    ctx, _ = _ctx()
    ctx_ids = _ids(ctx)
    try:
        assert not await two.ended(*ctx_ids)
        await one.revoke_session(ctx_ids[0], ttl_seconds=60)
        assert await two.ended(*ctx_ids)
        other, _ = _ctx()
        other_ids = _ids(other)
        assert not await two.ended(*other_ids)
        await one.revoke_user(other_ids[1], dt.datetime.now(dt.UTC), ttl_seconds=60)
        assert await two.ended(*other_ids)
        later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=2)
        assert not await two.ended(uuid.uuid4(), other_ids[1], later)  # signed in again
    finally:
        if kind == "redis":
            await one.aclose()
            await two.aclose()


async def test_redis_down_falls_back_to_this_process_and_the_database() -> None:
    revocations = RedisSessionRevocations.from_url("redis://127.0.0.1:1/0")
    ctx, _ = _ctx()
    ctx_ids = _ids(ctx)
    try:
        await revocations.revoke_session(ctx_ids[0], ttl_seconds=60)  # no exception
        assert await revocations.ended(*ctx_ids)
        assert revocations.guard.degraded
        other, _ = _ctx()
        other_ids = _ids(other)
        assert not await revocations.ended(*other_ids)
    finally:
        await revocations.aclose()
