"""Redis down must not take the API down (issue 13).

Before: every request 500'd with the Redis rate limiter, and sign-in 500'd even with limits
off (the login throttle is in Redis). Now the limiter and the throttle count per process
with a warning, ``/health`` says ``degraded``, and once Redis is back a stale pooled
connection is retried on a fresh one rather than surfacing as a 500.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
from tests.e2e.conftest import make_centre, sign_in
from tests.faults.servers import RedisServer

from cma_adapters.security import RedisLoginThrottle, RedisRateLimiter
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.http.app import create_app
from cma_entrypoints.settings import Settings


@pytest.fixture
async def app_on_redis(
    sqlite_url: str, tmp_path: Path, private_redis: RedisServer
) -> AsyncIterator[tuple[Container, httpx.AsyncClient]]:
    container = build_container(
        Settings.from_env(
            {
                "CMA_DATA_DIR": str(tmp_path),
                "CMA_DATABASE_URL": sqlite_url,
                "CMA_REDIS_URL": private_redis.url,
                "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
                "CMA_ARGON2_TIME_COST": "1",
                "CMA_ARGON2_MEMORY_COST": "1024",
                "CMA_RATE_LIMIT_PER_MINUTE": "1000",
                "CMA_RATE_LIMIT_PER_IP_PER_MINUTE": "1000",
            }
        )
    )
    transport = httpx.ASGITransport(app=create_app(container))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield container, http
    await shutdown(container)


async def test_api_keeps_answering_while_redis_is_down(
    app_on_redis: tuple[Container, httpx.AsyncClient],
    private_redis: RedisServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    container, http = app_on_redis
    centre = await make_centre(container, "Centre A")
    api = await sign_in(http, "adviser@centrea.example", centre)
    assert (await api.get("/api/v1/clients")).status_code == 200
    assert (await http.get("/health")).json()["status"] == "ok"

    private_redis.kill()
    with caplog.at_level(logging.WARNING, logger="cma.redis"):
        assert (await api.get("/api/v1/clients")).status_code == 200
        again = await sign_in(http, "adviser@centrea.example", centre)  # throttle in Redis
        assert (await again.get("/api/v1/clients")).status_code == 200
        bad = await http.post(
            "/api/v1/auth/login",
            json={"email": "adviser@centrea.example", "password": "wrong password 123"},
        )
        assert bad.status_code == 401
    warnings = [r.getMessage() for r in caplog.records if r.name == "cma.redis"]
    assert any("rate limiter" in w for w in warnings), warnings
    assert any("login throttle" in w for w in warnings), warnings
    health = await http.get("/health")
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    assert health.json()["checks"]["broker"]["status"] == "degraded"

    private_redis.start()  # the same port, empty
    assert (await http.get("/health")).json()["status"] == "ok"


async def test_per_process_counting_still_limits_while_redis_is_down(
    private_redis: RedisServer,
) -> None:
    limiter = RedisRateLimiter.from_url(private_redis.url, namespace="t")
    throttle = RedisLoginThrottle.from_url(
        private_redis.url, namespace="t", limit=2, window_seconds=60
    )
    try:
        private_redis.kill()
        hits = [await limiter.hit("ip:1", limit=2, window_seconds=60) for _ in range(3)]
        assert hits[:2] == [0, 0]
        assert hits[2] > 0
        assert limiter.guard.degraded
        await throttle.record_failure("acct", "10.0.0.1")
        await throttle.record_failure("acct", "10.0.0.1")
        assert await throttle.blocked_for("acct", None) > 0
    finally:
        await limiter.aclose()
        await throttle.aclose()


async def test_stale_pooled_connection_is_retried_after_redis_returns(
    private_redis: RedisServer,
) -> None:
    limiter = RedisRateLimiter.from_url(private_redis.url, namespace="t")
    try:
        assert await limiter.hit("user:u", limit=5, window_seconds=60) == 0  # pooled now
        private_redis.restart()  # the pooled connection is dead, the server is back
        assert await limiter.hit("user:u", limit=5, window_seconds=60) == 0
        # Counted in the new Redis, not in the fallback: the dead connection was retried.
        assert not limiter.guard.degraded
        fresh: Any = redis.Redis.from_url(private_redis.url)
        assert fresh.get("t:rate:user:u") == b"1"
        fresh.close()
    finally:
        await limiter.aclose()
