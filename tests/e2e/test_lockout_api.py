"""Sign-in throttling that strangers cannot turn against the account's owner, client
addresses that a forged ``X-Forwarded-For`` cannot change, and audit entries that say
where a request came from."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.e2e.conftest import PASSWORD, make_centre

from cma_adapters.security import InMemoryLoginThrottle, RedisLoginThrottle
from cma_adapters.security.throttle import backoff_seconds
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.http.app import create_app
from cma_entrypoints.settings import Settings

VICTIM = "adviser@lockcentre.example"


@pytest.fixture
async def served(tmp_path: Path, sqlite_url: str) -> AsyncIterator[Callable[..., Any]]:
    """``make(env, client=...)``: a container and an HTTP client whose peer address is
    ``client`` (what the TCP connection would show), both closed at the end."""
    made: list[tuple[Container, httpx.AsyncClient]] = []

    async def make(
        env: dict[str, str] | None = None, client: str = "127.0.0.1"
    ) -> tuple[Container, httpx.AsyncClient]:
        settings = Settings.from_env(
            {
                "CMA_DATA_DIR": str(tmp_path),
                "CMA_DATABASE_URL": sqlite_url,
                "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
                "CMA_ARGON2_TIME_COST": "1",
                "CMA_ARGON2_MEMORY_COST": "1024",
                **(env or {}),
            }
        )
        container = build_container(settings)
        transport = httpx.ASGITransport(app=create_app(container), client=(client, 40000))
        http = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        made.append((container, http))
        return container, http

    yield make
    for container, http in made:
        await http.aclose()
        await shutdown(container)


async def _login(http: httpx.AsyncClient, password: str, **kw: Any) -> httpx.Response:
    return await http.post("/api/v1/auth/login", json={"email": VICTIM, "password": password}, **kw)


async def test_a_stranger_cannot_lock_the_owner_out(served: Callable[..., Any]) -> None:
    container, http = await served({"CMA_LOGIN_MAX_DELAY": "60"})
    await make_centre(container, "Lock Centre")
    throttle = container.login_throttle()
    now = [1000.0]
    throttle._now = lambda: now[0]
    # A stranger sends 40 wrong passwords, each as soon as the throttle lets them.
    refused = 0
    for _ in range(40):
        r = await _login(http, "not the password!!")
        while r.status_code == 429:
            refused += 1
            now[0] += int(r.headers["Retry-After"])
            r = await _login(http, "not the password!!")
        assert r.status_code == 401
    assert refused > 0  # they were slowed down...
    # ...but the owner's right password works after at most the cap, not never.
    r = await _login(http, PASSWORD)
    assert r.status_code == 429
    assert int(r.headers["Retry-After"]) <= 60
    now[0] += 60
    assert (await _login(http, PASSWORD)).status_code == 200
    # and success forgets the failures: the next slip is free again.
    assert (await _login(http, "one typo here!!")).status_code == 401
    assert (await _login(http, PASSWORD)).status_code == 200


async def test_the_delay_grows_exponentially_to_its_cap() -> None:
    waits = [backoff_seconds(n, free=5, cap=300) for n in range(1, 16)]
    assert waits == [0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]


async def test_failures_of_one_address_do_not_lock_other_addresses(
    served: Callable[..., Any],
) -> None:
    container, office = await served({"CMA_LOGIN_ADDRESS_MAX_FAILURES": "10"}, "198.51.100.7")
    await make_centre(container, "Lock Centre")
    # One address sprays ten accounts: the address is stopped, for every account...
    for i in range(10):
        r = await office.post(
            "/api/v1/auth/login", json={"email": f"u{i}@x.example", "password": "guess it!!"}
        )
        assert r.status_code == 401
    assert (await _login(office, PASSWORD)).status_code == 429
    # ...but the owner signing in from elsewhere is not.
    transport = httpx.ASGITransport(app=create_app(container), client=("192.0.2.9", 1))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as home:
        assert (await _login(home, PASSWORD)).status_code == 200


async def test_forwarded_for_counts_only_from_a_trusted_proxy(
    served: Callable[..., Any],
) -> None:
    limits = {"CMA_LOGIN_ADDRESS_MAX_FAILURES": "3"}
    # No proxy configured: a forged X-Forwarded-For does not dodge the address budget.
    container, http = await served(limits, "198.51.100.7")
    await make_centre(container, "Lock Centre")
    for i in range(3):
        r = await http.post(
            "/api/v1/auth/login",
            json={"email": f"u{i}@x.example", "password": "guess it!!"},
            headers={"X-Forwarded-For": f"203.0.113.{i}"},
        )
        assert r.status_code == 401
    r = await _login(http, PASSWORD, headers={"X-Forwarded-For": "203.0.113.99"})
    assert r.status_code == 429

    # Behind a configured proxy, each forwarded client has its own budget.
    _, via_proxy = await served({**limits, "CMA_TRUSTED_PROXIES": "10.0.0.0/8"}, "10.1.2.3")
    spent = {"X-Forwarded-For": "203.0.113.0"}
    for i in range(3):
        r = await via_proxy.post(
            "/api/v1/auth/login",
            json={"email": f"v{i}@x.example", "password": "guess it!!"},
            headers=spent,
        )
        assert r.status_code == 401
    assert (await _login(via_proxy, PASSWORD, headers=spent)).status_code == 429
    r = await _login(via_proxy, PASSWORD, headers={"X-Forwarded-For": "203.0.113.1"})
    assert r.status_code == 200
    # A client cannot choose its address by sending its own X-Forwarded-For: the proxy
    # appends the real one, and the rightmost address that is not a proxy counts.
    forged = {"X-Forwarded-For": "192.0.2.200, 203.0.113.0, 10.4.4.4"}
    assert (await _login(via_proxy, PASSWORD, headers=forged)).status_code == 429


async def test_audit_entries_carry_the_source_address(served: Callable[..., Any]) -> None:
    container, http = await served({"CMA_TRUSTED_PROXIES": "10.0.0.0/8"}, "10.9.9.9")
    centre = await make_centre(container, "Lock Centre")
    await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(centre)),
        email="boss@lockcentre.example",
        role=Role.SUPERVISOR,
        password=PASSWORD,
    )
    forwarded = {"X-Forwarded-For": "203.0.113.50"}
    assert (await _login(http, "wrong password!!", headers=forwarded)).status_code == 401
    r = await http.post(
        "/api/v1/auth/login",
        json={"email": "boss@lockcentre.example", "password": PASSWORD},
        headers=forwarded,
    )
    auth = {"Authorization": f"Bearer {r.json()['access_token']}", **forwarded}
    r = await http.post(
        "/api/v1/clients",
        json={"first_name": "Ann", "last_name": "Lee", "date_of_birth": "1984-03-02"},
        headers=auth,
    )
    assert r.status_code == 201
    items = (await http.get("/api/v1/audit", headers=auth)).json()["items"]
    by_action = {e["action"]: e["source_address"] for e in items}
    assert by_action["auth.login_failed"] == "203.0.113.50"
    assert by_action["auth.login_succeeded"] == "203.0.113.50"
    assert by_action["client.created"] == "203.0.113.50"
    # The chain verifies with the addresses in it (they are part of each entry's hash).
    report = await container.audit().verify(TenantContext.system(CentreId(uuid.UUID(centre))))
    assert report.intact
    assert report.checked >= 3


@pytest.mark.parametrize("kind", ["memory", "redis"])
async def test_throttles_back_off_per_account_and_count_per_address(
    kind: str, request: pytest.FixtureRequest
) -> None:
    now = [1000.0]
    options: dict[str, Any] = {
        "limit": 2,
        "window_seconds": 600,
        "max_delay_seconds": 8,
        "address_limit": 4,
    }
    if kind == "redis":
        url = request.getfixturevalue("redis_url")
        throttle: Any = RedisLoginThrottle.from_url(
            url, namespace=f"cma-test-{uuid.uuid4().hex}", clock=lambda: now[0], **options
        )
    else:
        throttle = InMemoryLoginThrottle(monotonic=lambda: now[0], **options)
    try:
        await throttle.record_failure("acct-a", "192.0.2.1")
        assert await throttle.blocked_for("acct-a", None) == 0  # the first is free
        await throttle.record_failure("acct-a", "192.0.2.1")
        assert await throttle.blocked_for("acct-a", None) == 1
        await throttle.record_failure("acct-a", "192.0.2.1")
        assert await throttle.blocked_for("acct-a", None) == 2
        now[0] += 2
        assert await throttle.blocked_for("acct-a", None) == 0
        await throttle.record_failure("acct-a", "192.0.2.1")  # the address's 4th
        assert await throttle.blocked_for("acct-a", None) == 4
        assert await throttle.blocked_for("acct-b", "192.0.2.1") > 0  # address spent
        assert await throttle.blocked_for("acct-b", "192.0.2.2") == 0
        await throttle.reset("acct-a")
        assert await throttle.blocked_for("acct-a", None) == 0
    finally:
        if kind == "redis":
            await throttle.aclose()
