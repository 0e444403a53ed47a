"""One trace from the API request through the outbox and Redis to the worker's job
(OpenTelemetry, issue 13), on PostgreSQL and Redis with a real Dramatiq worker.

The in-memory span exporter stands in for a collector: the spans are the SDK's own."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from pathlib import Path

import dramatiq
import httpx
import pytest
import redis
from dependency_injector import providers
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from cma_adapters.jobs import EVENTS_QUEUE, make_redis_broker
from cma_core.identity.permissions import Role
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.http.app import create_app
from cma_entrypoints.observability import ObservabilitySettings
from cma_entrypoints.observability.tracing import configure_tracing, shutdown_tracing
from cma_entrypoints.settings import Settings
from cma_entrypoints.worker.app import setup_broker

pytestmark = [pytest.mark.postgres, pytest.mark.redis]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    assert configure_tracing("cma-test", ObservabilitySettings.from_env({}), exporter=exporter)
    yield exporter
    shutdown_tracing()


@pytest.fixture
def namespace(redis_url: str) -> Iterator[str]:
    name = f"cma-trace-{uuid.uuid4().hex[:10]}"
    yield name
    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(f"{name}:*"))
    if keys:
        client.delete(*keys)


def _container(postgres_url: str, redis_url: str, namespace: str, data: Path) -> Container:
    settings = Settings.from_env(
        {
            "CMA_DATABASE_URL": postgres_url,
            "CMA_REDIS_URL": redis_url,
            "CMA_SECRET_KEY": "t" * 48,
            "CMA_DATA_DIR": str(data),
            "CMA_ARGON2_TIME_COST": "1",
            "CMA_ARGON2_MEMORY_COST": "8192",
        }
    )
    container = build_container(settings)
    container.broker.override(providers.Object(make_redis_broker(redis_url, namespace=namespace)))
    return container


async def test_one_trace_id_from_the_request_to_the_worker_job(
    postgres_url: str,
    redis_url: str,
    namespace: str,
    tmp_path: Path,
    spans: InMemorySpanExporter,
) -> None:
    api = _container(postgres_url, redis_url, namespace, tmp_path)
    worker_side = _container(postgres_url, redis_url, namespace, tmp_path)
    broker = setup_broker(worker_side, relay_every=None, sweep_every=None)
    worker = dramatiq.Worker(broker, worker_threads=1, worker_timeout=100)
    worker.start()
    try:
        identity = api.identity()
        centre = await identity.create_centre(f"Trace {uuid.uuid4().hex[:6]}")
        email = f"adviser-{uuid.uuid4().hex[:8]}@trace.example"
        await identity.create_user(
            centre_id=centre.id, email=email, role=Role.ADVISER, password=PASSWORD
        )
        transport = httpx.ASGITransport(app=create_app(api))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            login = await http.post(
                "/api/v1/auth/login", json={"email": email, "password": PASSWORD}
            )
            headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
            made = await http.post(
                "/api/v1/clients",
                json={"first_name": "Ada", "last_name": "Byron", "date_of_birth": "1980-01-01"},
                headers=headers,
            )
            assert made.status_code == 201, made.text
            opened = await http.post(
                "/api/v1/cases", json={"client_id": made.json()["id"]}, headers=headers
            )
            assert opened.status_code == 201, opened.text
        await asyncio.to_thread(broker.join, EVENTS_QUEUE, timeout=20_000)
        worker.join()
    finally:
        worker.stop(timeout=10_000)
        broker.close()
        await shutdown(worker_side)
        await shutdown(api)

    finished = spans.get_finished_spans()
    requests = {s.context.span_id: s for s in finished if s.name.startswith("POST /api/v1/")}
    [request] = [s for s in requests.values() if s.name == "POST /api/v1/cases"]
    jobs = [s for s in finished if s.name.startswith("job ")]
    # Each job (the client's event, the case's) continues the trace of the request that
    # caused it, as the request span's child; the case's request caused at least one.
    for job in jobs:
        assert job.parent is not None
        parent = requests[job.parent.span_id]
        assert job.context.trace_id == parent.context.trace_id
        assert job.attributes is not None
        assert job.attributes["messaging.destination.name"] == EVENTS_QUEUE
    assert any(job.context.trace_id == request.context.trace_id for job in jobs), [
        s.name for s in finished
    ]
    assert request.attributes is not None
    assert request.attributes["http.route"] == "/api/v1/cases"
    assert request.attributes["http.response.status_code"] == 201
    # Route templates, never paths with ids or query strings.
    assert made.json()["id"] not in str([dict(s.attributes or {}) for s in finished])
