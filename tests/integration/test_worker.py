"""Outbox → Redis → worker, end to end on PostgreSQL and Redis.

Two containers stand for two processes: ``api`` (the test's event loop) writes through the
services; ``worker`` runs a real Dramatiq worker in threads, on the loop of its AsyncIO
middleware. Each test uses its own Redis namespace, so runs never see each other's queues.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import signal
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import dramatiq
import pytest
import redis
from dependency_injector import providers

from cma_adapters.jobs import EVENTS_QUEUE, make_redis_broker
from cma_core.cases.service import OpenCase
from cma_core.clients.service import RegisterClient
from cma_core.identity.model import Centre, TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.events import EventEnvelope
from cma_core.shared.ids import CaseId, CentreId, EventId
from cma_core.tasks.model import Task, TaskKind
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.settings import Settings
from cma_entrypoints.worker.app import setup_broker

pytestmark = [pytest.mark.postgres, pytest.mark.redis]

DEAD_REDIS = "redis://127.0.0.1:1/15"  # nothing listens on port 1: a broker outage


@pytest.fixture
def settings(postgres_url: str, redis_url: str, tmp_path: Path) -> Settings:
    return Settings.from_env(
        {
            "CMA_DATABASE_URL": postgres_url,
            "CMA_REDIS_URL": redis_url,
            "CMA_SECRET_KEY": "w" * 48,
            "CMA_DATA_DIR": str(tmp_path),
            "CMA_ARGON2_TIME_COST": "1",
            "CMA_ARGON2_MEMORY_COST": "8192",
        }
    )


@pytest.fixture
def namespace(redis_url: str) -> Iterator[str]:
    name = f"cma-test-{uuid.uuid4().hex[:10]}"
    yield name
    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(f"{name}:*"))
    if keys:
        client.delete(*keys)


def _container(settings: Settings, namespace: str, redis_url: str | None = None) -> Container:
    container = build_container(settings)
    container.broker.override(
        providers.Object(
            make_redis_broker(redis_url or settings.redis_url or "", namespace=namespace)
        )
    )
    return container


@pytest.fixture
async def api(settings: Settings, namespace: str) -> AsyncIterator[Container]:
    container = _container(settings, namespace)
    yield container
    await shutdown(container)


WorkerFactory = Callable[..., dramatiq.Broker]


@pytest.fixture
def start_worker(settings: Settings, namespace: str) -> Iterator[WorkerFactory]:
    """Start a real worker on demand; stopped (engine disposed, loop closed) at teardown."""
    running: list[tuple[dramatiq.Broker, dramatiq.Worker]] = []

    def start(
        *, relay_centre: CentreId | None = None, relay_every: float | None = None
    ) -> dramatiq.Broker:
        container = _container(settings, namespace)
        # Only the test's own centre: the database is shared with other tests of the session,
        # whose unpublished rows are not ours to send. For the same reason no scheduler
        # sweep (it sweeps every centre): a loaded run's sweep put an earlier test's missed
        # appointment into this test's queue; its handler could not open that centre's data
        # key (another test's keyring) and was retried until the join timed out.
        relay = (lambda: container.relay().relay_centre(relay_centre)) if relay_centre else None
        broker = setup_broker(container, relay=relay, relay_every=relay_every, sweep_every=None)
        worker = dramatiq.Worker(broker, worker_threads=2, worker_timeout=100)
        worker.start()
        running.append((broker, worker))
        return broker

    yield start
    for broker, worker in running:
        worker.stop(timeout=10_000)
        broker.close()


async def _open_case(container: Container) -> tuple[Centre, TenantContext, CaseId]:
    identity = container.identity()
    centre = await identity.create_centre(f"Worker test {uuid.uuid4().hex[:6]}")
    adviser = await identity.create_user(
        centre_id=centre.id,
        email=f"adviser-{uuid.uuid4().hex[:8]}@worker.example",
        role=Role.ADVISER,
        password="correct-horse-battery",
    )
    ctx = TenantContext(centre_id=centre.id, user_id=adviser.id, roles=frozenset({Role.ADVISER}))
    client = await container.clients().register(
        ctx,
        RegisterClient(first_name="Ada", last_name="Lovelace", date_of_birth=dt.date(1980, 1, 1)),
    )
    case = await container.cases().open(ctx, OpenCase(client_id=client.id))
    return centre, ctx, case.id


async def _tasks(container: Container, centre_id: CentreId, case_id: CaseId) -> list[Task]:
    page = await container.tasks().list(TenantContext.system(centre_id), case_id=case_id)
    return list(page.items)


async def _join(broker: dramatiq.Broker, timeout_ms: int = 10_000) -> None:
    await asyncio.to_thread(broker.join, EVENTS_QUEUE, timeout=timeout_ms)


async def test_opened_case_gets_its_task_and_audit_entry_via_redis(
    api: Container, start_worker: WorkerFactory
) -> None:
    broker = start_worker()
    centre, _, case_id = await _open_case(api)

    await _join(broker)

    tasks = await _tasks(api, centre.id, case_id)
    assert [t.kind for t in tasks] == [TaskKind.INITIAL_CONTACT]
    async with api.uow()(centre.id) as uow:
        audit = await uow.audit.list(limit=10, offset=0, entity_type="task")
        unpublished = await uow.outbox.unpublished(limit=10)
    assert [(e.action, e.entity_id) for e in audit.items] == [("task.created", str(tasks[0].id))]
    assert unpublished == []


async def test_replayed_message_creates_no_second_task(
    api: Container, start_worker: WorkerFactory
) -> None:
    broker = start_worker()
    centre, _, case_id = await _open_case(api)
    await _join(broker)
    [task] = await _tasks(api, centre.id, case_id)
    assert task.source_event_id is not None
    async with api.uow()(centre.id) as uow:
        envelope = await uow.outbox.get(task.source_event_id)
    assert envelope is not None

    await api.publisher().publish([envelope, envelope])  # at-least-once: twice more
    await _join(broker)

    assert [t.id for t in await _tasks(api, centre.id, case_id)] == [task.id]


async def test_message_for_unknown_event_is_dropped_not_retried(
    api: Container, start_worker: WorkerFactory
) -> None:
    broker = start_worker()
    centre = await api.identity().create_centre("Nobody's events")
    ghost = EventId(uuid.uuid4())
    envelope = EventEnvelope(
        event_id=ghost,
        centre_id=centre.id,
        name="CaseOpened",
        occurred_at=dt.datetime.now(dt.UTC),
        payload={},
    )
    await api.publisher().publish([envelope])

    # A retried message would sit in the delay queue and make the join time out.
    await _join(broker)


async def test_event_left_unpublished_by_a_broker_outage_is_delivered_by_the_relay(
    settings: Settings, namespace: str, start_worker: WorkerFactory
) -> None:
    outage = _container(settings, namespace, redis_url=DEAD_REDIS)
    try:
        centre, _, case_id = await _open_case(outage)  # commit stands, publish fails
        async with outage.uow()(centre.id) as uow:
            assert len(await uow.outbox.unpublished(limit=10)) == 2  # client + case events
        assert await _tasks(outage, centre.id, case_id) == []

        broker = start_worker(relay_centre=centre.id, relay_every=0.2)

        deadline = asyncio.get_running_loop().time() + 15
        while not await _tasks(outage, centre.id, case_id):
            assert asyncio.get_running_loop().time() < deadline, "relay never delivered"
            await asyncio.sleep(0.1)
        await _join(broker)
        async with outage.uow()(centre.id) as uow:
            assert await uow.outbox.unpublished(limit=10) == []
        assert len(await _tasks(outage, centre.id, case_id)) == 1
    finally:
        await shutdown(outage)


def test_worker_process_stops_cleanly_on_sigterm(
    sqlite_url: str,
    redis_url: str,
    namespace: str,
    tmp_path: Path,
) -> None:
    from cma_entrypoints.worker import runner

    # The runner builds its own container: its own Redis namespace keeps it from consuming
    # another test's messages. SQLite keeps its relay to this test's rows.
    settings = Settings.from_env(
        {
            "CMA_DATABASE_URL": sqlite_url,
            "CMA_REDIS_URL": redis_url,
            "CMA_REDIS_NAMESPACE": namespace,
            "CMA_DATA_DIR": str(tmp_path),
        }
    )
    default_handler = signal.getsignal(signal.SIGTERM)

    def terminate_once_running() -> None:
        deadline = time.monotonic() + 15
        while signal.getsignal(signal.SIGTERM) is default_handler:
            if time.monotonic() > deadline:
                return  # main() never got going; the assertion below reports it
            time.sleep(0.05)
        time.sleep(0.5)  # let the worker boot and the first relay run
        os.kill(os.getpid(), signal.SIGTERM)

    killer = threading.Thread(target=terminate_once_running, daemon=True)
    killer.start()
    started = time.monotonic()

    code = runner.main(settings=settings, threads=1, relay_every=0.2)

    killer.join(timeout=5)
    assert code == 0
    assert time.monotonic() - started < 15
    assert signal.getsignal(signal.SIGTERM) is default_handler


class _OutageStore:
    """The real document store, except that reading an object fails like an outage: an
    error the extraction handler does not handle, so it reaches Dramatiq's retries."""

    def __init__(self, inner: object) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> object:
        return getattr(self._inner, name)

    async def get(self, centre_id: CentreId, key: str) -> bytes:
        raise ConnectionError("object store unreachable")


async def test_document_whose_retries_run_out_is_failed_not_left_processing(
    api: Container,
    settings: Settings,
    namespace: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.e2e.documents_fixtures import letter_png

    from cma_core.documents.model import DocumentStatus
    from cma_entrypoints.worker import app as worker_app

    # One retry, milliseconds apart: the give-up path, not the backoff, is under test.
    monkeypatch.setattr(worker_app, "MAX_RETRIES", 1)
    monkeypatch.setattr(worker_app, "MIN_BACKOFF_MS", 10)
    monkeypatch.setattr(worker_app, "MAX_BACKOFF_MS", 50)
    container = _container(settings, namespace)
    container.document_store.override(providers.Object(_OutageStore(container.document_store())))
    broker = setup_broker(container, relay_every=None, sweep_every=None)
    worker = dramatiq.Worker(broker, worker_threads=1, worker_timeout=100)
    worker.start()
    try:
        _, ctx, case_id = await _open_case(api)
        document = await api.documents().upload(
            ctx, case_id, filename="letter.png", data=letter_png(["Dear client"])
        )
        deadline = time.monotonic() + 30
        while True:
            current = await api.documents().get(ctx, document.id)
            if current.status is DocumentStatus.FAILED or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.2)
    finally:
        worker.stop(timeout=10_000)
        broker.close()
    assert current.status is DocumentStatus.FAILED
    assert current.failure_reason is not None
    assert "after 2 attempt(s)" in current.failure_reason


async def test_two_deliveries_racing_on_postgresql_skip_the_duplicate_quietly(
    api: Container,
) -> None:
    """Two workers run one event at once (at-least-once delivery, as the horizontal run
    saw): both pass the inbox check, the loser's inbox insert waits on the winner's
    primary key and fails when it commits. The loser is a duplicate, not an error: one
    JSON line at INFO without a traceback, and ``cma_duplicate_deliveries`` counts it."""
    import io
    import json
    import logging

    from cma_core.cases.model import CaseOpened
    from cma_core.shared.handlers import EventHandlers, Handles
    from cma_core.shared.uow import UnitOfWork
    from cma_entrypoints.logs import json_formatter
    from cma_entrypoints.observability.metrics import count_duplicate_delivery, exposition

    centre, _, _ = await _open_case(api)
    async with api.uow()(centre.id) as uow:
        later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
        owed = await uow.outbox.owed(published_before=later, limit=10)
    [event] = [e for e in owed if e.name == "CaseOpened"]
    both_inside = asyncio.Barrier(2)
    effects: list[EventId] = []

    async def slow(uow: UnitOfWork, envelope: EventEnvelope) -> None:
        await both_inside.wait()  # each delivery has passed the inbox check
        effects.append(envelope.event_id)

    handler = f"race-{uuid.uuid4().hex[:8]}"
    bus = EventHandlers(
        api.uow(),
        api.clock(),
        registered=(Handles(CaseOpened, handler, slow),),
        on_duplicate=count_duplicate_delivery,
    )
    out = io.StringIO()
    sink = logging.StreamHandler(out)
    sink.setFormatter(json_formatter())
    worker_log = logging.getLogger("cma.worker")
    worker_log.addHandler(sink)
    level = worker_log.level
    worker_log.setLevel(logging.INFO)
    try:
        ran = await asyncio.gather(*(bus.dispatch(centre.id, event.event_id) for _ in range(2)))
    finally:
        worker_log.removeHandler(sink)
        worker_log.setLevel(level)

    assert sorted(ran) == [0, 1]
    assert len(effects) == 2  # both ran the handler; only one committed
    [line] = [json.loads(x) for x in out.getvalue().splitlines()]
    assert line["event"] == "duplicate delivery skipped"
    assert line["level"] == "info"
    assert (line["event_id"], line["handler"], line["centre_id"]) == (
        str(event.event_id),
        handler,
        str(centre.id),
    )
    assert "exception" not in line
    metric = f'cma_duplicate_deliveries_total{{handler="{handler}"}} 1.0'
    assert metric in exposition().decode()
    async with api.uow()(centre.id) as uow:
        assert await uow.inbox.seen(event.event_id, handler)


async def test_a_reset_request_is_mailed_by_the_worker_not_the_api(
    api: Container, start_worker: WorkerFactory, settings: Settings
) -> None:
    """With Redis the API only queues a forgotten-password request (no notifier call in
    the request, whether or not the address has an account); the worker's periodic run
    looks it up and mails the link, once."""
    from cma_entrypoints.container import outbox_messages

    centre, ctx, _ = await _open_case(api)
    user = await api.identity_store().get_user(ctx.user_id) if ctx.user_id else None
    assert user is not None
    assert api.accounts().kick is None
    await api.accounts().request_reset(user.email, address=None)
    await api.accounts().request_reset(f"nobody-{uuid.uuid4().hex[:6]}@x.example", address=None)

    def mails() -> list[str]:
        return [
            body.decode()
            for name, body in outbox_messages(settings)
            if name.startswith("password-reset_")
        ]

    assert mails() == []  # the request sent nothing
    start_worker(relay_centre=centre.id, relay_every=0.2)
    for _ in range(300):  # the worker's run every 0.2 s: up to 30 s at this machine's load
        if mails():
            break
        await asyncio.sleep(0.1)
    [mail] = mails()
    assert user.email in mail
    assert "Your reset code:" in mail


# ----------------------------------------------------------------- batching (issue 15)


def _batches() -> tuple[float, float]:
    """(batches, events) the worker's batcher has dispatched in this process so far."""
    from prometheus_client import REGISTRY

    count = REGISTRY.get_sample_value("cma_worker_event_batch_size_count") or 0.0
    total = REGISTRY.get_sample_value("cma_worker_event_batch_size_sum") or 0.0
    return count, total


async def _outbox(container: Container, centre_id: CentreId) -> dict[str, tuple[bool, str | None]]:
    """event id -> (settled, dead letter) of every event of the centre."""
    from sqlalchemy import select

    from cma_adapters.sqlalchemy.rows import OutboxRow
    from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork

    async with container.uow()(centre_id) as uow:
        conn = SqlAlchemyUnitOfWork.of(uow).context.c
        rows = await conn.execute(
            select(OutboxRow.event_id, OutboxRow.settled_at, OutboxRow.dead_letter).where(
                OutboxRow.centre_id == centre_id
            )
        )
        return {str(r.event_id): (r.settled_at is not None, r.dead_letter) for r in rows}


async def _backlog(api: Container, cases: int) -> tuple[Centre, TenantContext, list[CaseId]]:
    """``cases`` clients with a case each in one centre, queued in Redis (no worker yet)."""
    centre, ctx, first = await _open_case(api)
    opened = [first]
    for n in range(cases - 1):
        client = await api.clients().register(
            ctx,
            RegisterClient(first_name="Bo", last_name=f"B{n}", date_of_birth=dt.date(1990, 1, 1)),
        )
        opened.append((await api.cases().open(ctx, OpenCase(client_id=client.id))).id)
    return centre, ctx, opened


def _run_worker(container: Container, threads: int) -> tuple[dramatiq.Broker, dramatiq.Worker]:
    broker = setup_broker(container, relay_every=None, sweep_every=None)
    worker = dramatiq.Worker(broker, worker_threads=threads, worker_timeout=100)
    worker.start()
    return broker, worker


async def test_a_backlog_is_dispatched_in_batches_once_per_event(
    api: Container, settings: Settings, namespace: str
) -> None:
    """Messages waiting together are dispatched together (fewer batches than events), and
    an event delivered three times at once (a relay resend, a redelivery) still has its
    effect once: one initial-contact task per case, every event settled."""
    centre, _, cases = await _backlog(api, 4)
    async with api.uow()(centre.id) as uow:
        later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
        [opened, *_] = [
            e
            for e in await uow.outbox.owed(published_before=later, limit=20)
            if e.name == "CaseOpened"
        ]
    await api.publisher().publish([opened, opened])  # twice more, queued with the rest
    before = _batches()
    broker, worker = _run_worker(_container(settings, namespace), threads=8)
    try:
        await _join(broker)
    finally:
        worker.stop(timeout=10_000)
        broker.close()

    for case_id in cases:
        assert [t.kind for t in await _tasks(api, centre.id, case_id)] == [TaskKind.INITIAL_CONTACT]
    outbox = await _outbox(api, centre.id)
    assert all(settled and dead is None for settled, dead in outbox.values()), outbox
    batches, events = (a - b for a, b in zip(_batches(), before, strict=True))
    # 8 events of the writes (4 clients, 4 cases) plus the handlers' own; the duplicate
    # messages join a batch with their event or are dispatched again as replays.
    assert events >= len(outbox)
    assert batches < events, "every event was dispatched on its own"


async def test_one_thread_works_a_backlog_off_in_batches_from_the_outbox(
    api: Container, settings: Settings, namespace: str
) -> None:
    """With one thread a worker holds one message at a time, yet a backlog goes in batches:
    the message's batch takes the centre's other owed events from the outbox, and their
    messages then find them settled. Each effect once, every event settled."""
    centre, _, cases = await _backlog(api, 4)
    before = _batches()
    broker, worker = _run_worker(_container(settings, namespace), threads=1)
    try:
        await _join(broker)
    finally:
        worker.stop(timeout=10_000)
        broker.close()

    for case_id in cases:
        assert [t.kind for t in await _tasks(api, centre.id, case_id)] == [TaskKind.INITIAL_CONTACT]
    outbox = await _outbox(api, centre.id)
    assert all(settled and dead is None for settled, dead in outbox.values()), outbox
    batches, events = (a - b for a, b in zip(_batches(), before, strict=True))
    assert events == len(outbox), "each event dispatched once"
    assert batches < events / 2, f"{batches} batches for {events} events"


async def test_a_failing_event_in_a_batch_is_retried_and_given_up_alone(
    api: Container, settings: Settings, namespace: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One event's handler fails, in a batch with others: the batch is dispatched again
    event by event, the others are handled and settled, and only that event is retried
    and, its retries spent, dead-lettered (``event_given_up``)."""
    import attrs

    from cma_core.clients.model import ClientRegistered
    from cma_core.shared.handlers import Handles
    from cma_core.shared.uow import UnitOfWork
    from cma_entrypoints.worker import app as worker_app

    monkeypatch.setattr(worker_app, "MAX_RETRIES", 1)
    monkeypatch.setattr(worker_app, "MIN_BACKOFF_MS", 10)
    monkeypatch.setattr(worker_app, "MAX_BACKOFF_MS", 50)
    centre, _, cases = await _backlog(api, 4)
    async with api.uow()(centre.id) as uow:
        later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
        registered = [
            e
            for e in await uow.outbox.owed(published_before=later, limit=20)
            if e.name == "ClientRegistered"
        ]
    poisoned = registered[1]
    tries: list[str] = []

    async def fails_for_one(uow: UnitOfWork, event: EventEnvelope) -> None:
        tries.append(str(event.event_id))
        if event.event_id == poisoned.event_id:
            raise ConnectionError("a downstream service is down")

    container = _container(settings, namespace)
    real = container.event_handlers()
    extra = Handles(ClientRegistered, f"test.fails-{uuid.uuid4().hex[:6]}", fails_for_one)
    container.event_handlers.override(
        providers.Object(attrs.evolve(real, registered=(*real.registered, extra)))
    )
    before = _batches()
    broker, worker = _run_worker(container, threads=8)
    try:
        deadline = time.monotonic() + 30
        while (await _outbox(api, centre.id))[str(poisoned.event_id)][1] is None:
            assert time.monotonic() < deadline, "the failing event was never given up"
            await asyncio.sleep(0.2)
        await _join(broker)
    finally:
        worker.stop(timeout=10_000)
        broker.close()

    outbox = await _outbox(api, centre.id)
    settled, dead = outbox.pop(str(poisoned.event_id))
    assert settled
    assert dead is not None
    assert "after 2 attempt(s)" in dead
    assert all(s and d is None for s, d in outbox.values()), outbox  # the rest: handled
    for case_id in cases:
        assert len(await _tasks(api, centre.id, case_id)) == 1
    # The other clients' events ran the handler once each (their inbox kept them from a
    # second run when the batch was dispatched again); the poisoned one on every try.
    others = [str(e.event_id) for e in registered if e.event_id != poisoned.event_id]
    assert sorted(t for t in tries if t != str(poisoned.event_id)) == sorted(others)
    assert tries.count(str(poisoned.event_id)) >= 2
    batches, events = (a - b for a, b in zip(_batches(), before, strict=True))
    assert batches < events, "every event was dispatched on its own"


async def _claimed_by(container: Container, centre_id: CentreId, event_id: EventId) -> str | None:
    from sqlalchemy import select

    from cma_adapters.sqlalchemy.rows import OutboxRow
    from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork

    async with container.uow()(centre_id) as uow:
        conn = SqlAlchemyUnitOfWork.of(uow).context.c
        found = await conn.execute(
            select(OutboxRow.claimed_by).where(
                OutboxRow.centre_id == centre_id, OutboxRow.event_id == event_id
            )
        )
        return found.scalar_one()


async def test_a_failed_events_claim_is_released_so_another_worker_takes_it_at_once(
    api: Container, settings: Settings, namespace: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker (claims on, the default 60 s lease) whose batch fails on one event releases
    that event's claim once it has failed: while the worker's message waits out its retry
    back-off, another worker takes the event at once (not after the 60 s lease), handles it
    with the real handlers, and the first worker's retry then finds it settled."""
    import attrs

    from cma_core.clients.model import ClientRegistered
    from cma_core.shared.handlers import Handles
    from cma_core.shared.uow import UnitOfWork
    from cma_entrypoints.worker import app as worker_app

    monkeypatch.setattr(worker_app, "MAX_RETRIES", 1)
    # The retry comes later: long enough that a loaded machine's checks below finish first
    # (at 4 s a CI run once saw the retry fail again and the event given up, so settled and
    # never claimed by the other worker).
    monkeypatch.setattr(worker_app, "MIN_BACKOFF_MS", 10_000)
    monkeypatch.setattr(worker_app, "MAX_BACKOFF_MS", 10_000)
    centre, _, cases = await _backlog(api, 3)
    async with api.uow()(centre.id) as uow:
        later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
        registered = [
            e
            for e in await uow.outbox.owed(published_before=later, limit=20)
            if e.name == "ClientRegistered"
        ]
    poisoned = registered[1].event_id
    tries: list[EventId] = []

    async def fails_for_one(uow: UnitOfWork, event: EventEnvelope) -> None:
        tries.append(event.event_id)
        if event.event_id == poisoned:
            raise ConnectionError("a downstream service is down")

    container = _container(settings, namespace)
    real = container.event_handlers()
    assert real.claim_for == dt.timedelta(seconds=60)
    extra = Handles(ClientRegistered, f"test.fails-{uuid.uuid4().hex[:6]}", fails_for_one)
    container.event_handlers.override(
        providers.Object(attrs.evolve(real, registered=(*real.registered, extra)))
    )
    # Another worker: the real handlers (not the failing one), its own claimant.
    other = attrs.evolve(api.event_handlers(), claimant=f"other-{uuid.uuid4().hex[:6]}")
    broker, worker = _run_worker(container, threads=8)
    try:
        deadline = time.monotonic() + 20
        while poisoned not in tries:
            assert time.monotonic() < deadline, "the failing handler never ran"
            await asyncio.sleep(0.05)
        # Within the back-off (10 s), far inside the lease (60 s): free for the other worker.
        # Not held is not yet claimed: while the first worker's own try has the row locked,
        # ``waiting`` neither claims it nor calls it held (it would be dispatched unclaimed);
        # a loaded run once read the claim in that moment (None). Ask again until it is
        # the other worker's, never settled meanwhile.
        while True:
            found = await other.waiting(centre.id, [poisoned], more=0)
            assert poisoned not in found.settled, "the failed event was settled, not released"
            if not found.held and await _claimed_by(api, centre.id, poisoned) == other.claimant:
                break
            assert time.monotonic() < deadline, "the failed event's claim was kept"
            await asyncio.sleep(0.05)
        assert tries.count(poisoned) <= 2  # the batch, then on its own; no retry yet
        await other.dispatch(centre.id, poisoned)
        # The first worker's retry waits out its 10 s back-off before the queue empties:
        # a 10 s join raced it (a fresh-clone CI run lost the race once).
        await _join(broker, timeout_ms=30_000)
    finally:
        worker.stop(timeout=10_000)
        broker.close()

    outbox = await _outbox(api, centre.id)
    assert all(s and d is None for s, d in outbox.values()), outbox  # handled, none given up
    for case_id in cases:
        assert len(await _tasks(api, centre.id, case_id)) == 1


async def test_two_claiming_workers_on_one_case_write_its_findings_one_after_the_other(
    api: Container,
) -> None:
    """Two workers (their own claimants) claim *different* events of the same case and
    dispatch them at once: each runs the real ``compliance.reevaluate`` for that case. Its
    unit of work serialises (handler, case) first, so the second waits for the first to
    commit and then rewrites the findings it wrote: no ``pk_compliance_findings``
    collision, no batch to redo. (Without it, the second's insert waits on the first's
    uncommitted rows and fails once they commit: the 0-2 batches a run redone in
    ``worker_lag.py --workers 2``.) The first holds its transaction open until the second
    has run its handler too, or for 1 s."""
    import attrs

    from cma_core.shared.handlers import EventHandlers
    from cma_core.shared.uow import UnitOfWork

    centre, ctx, case_id = await _open_case(api)
    await api.cases().add_note(ctx, case_id, "Called the client about the arrears.")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    async with api.uow()(centre.id) as uow:
        owed = await uow.outbox.owed(published_before=later, limit=20)
    by_name = {e.name: e.event_id for e in owed}
    mine = [by_name["CaseOpened"], by_name["ClientRegistered"]]
    theirs = [by_name["CaseNoteAdded"]]
    arrived = {"a": asyncio.Event(), "b": asyncio.Event()}
    ran: list[str] = []

    def worker(me: str, other: str) -> EventHandlers:
        real = api.event_handlers()

        def waits_for_the_other(handler: Any) -> Any:
            async def run(uow: UnitOfWork, event: EventEnvelope) -> None:
                await handler(uow, event)
                ran.append(me)
                arrived[me].set()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(arrived[other].wait(), 1.0)

            return run

        registered = tuple(
            attrs.evolve(h, handler=waits_for_the_other(h.handler))
            if h.name == "compliance.reevaluate"
            else h
            for h in real.registered
        )
        assert any(h.name == "compliance.reevaluate" for h in registered)
        return attrs.evolve(real, registered=registered, claimant=f"{me}-{uuid.uuid4().hex[:6]}")

    a, b = worker("a", "b"), worker("b", "a")
    assert a.claim_for is not None
    # Each claims its own events: neither holds the other's.
    assert (await a.waiting(centre.id, mine, more=0)).held == set()
    assert (await b.waiting(centre.id, theirs, more=0)).held == set()
    assert (await b.waiting(centre.id, mine, more=0)).held == set(mine)
    await asyncio.gather(a.dispatch_many(centre.id, mine), b.dispatch(centre.id, theirs[0]))

    assert sorted(ran) == ["a", "b"]
    outbox = await _outbox(api, centre.id)
    assert all(outbox[str(i)] == (True, None) for i in [*mine, *theirs]), outbox
    async with api.uow()(centre.id) as uow:
        assert await uow.inbox.seen_of([*mine, *theirs], "compliance.reevaluate") == {
            mine[0],
            theirs[0],
        }
    # The findings are there once each: the case's current evaluation.
    async with api.uow()(centre.id) as uow:
        stored = await api.compliance().findings(uow).for_case(case_id)
    assert stored
    assert len({f.finding.rule_id for f in stored}) == len(stored)


@pytest.mark.parametrize("held", [True, False], ids=["holds", "without-holds"])
async def test_a_close_handled_on_one_worker_while_another_makes_the_task_cancels_it(
    api: Container, held: bool
) -> None:
    """The race ``Handles.holds`` closes, on PostgreSQL's advisory locks: worker A makes a
    new case's initial-contact task (it read the case while open) and keeps its
    transaction open; meanwhile the case is closed and worker B handles the close. Both
    handlers hold the case's tasks, so B's close waits for A's task to be committed, then
    cancels it. Run once with the holds taken off, the same interleaving leaves the task
    open on the closed case (B found nothing to cancel): the test can fail."""
    import attrs

    from cma_core.cases.model import CloseReason
    from cma_core.shared.handlers import EventHandlers
    from cma_core.shared.uow import UnitOfWork
    from cma_core.tasks.model import TaskStatus

    centre, ctx, case_id = await _open_case(api)
    made, closed_ran = asyncio.Event(), asyncio.Event()

    def worker(me: str) -> EventHandlers:
        real = api.event_handlers()

        def wrap(h: Any) -> Any:
            async def run(uow: UnitOfWork, event: EventEnvelope) -> None:
                await h.handler(uow, event)
                if h.name == "create_initial_contact_task":
                    made.set()  # the task is written, not committed: hold it open
                    # Held, B's close waits for this commit: A gives up waiting after 1 s.
                    # Unheld, nothing stops B: A stays open until B's close has run, however
                    # slowly the close and B's dispatch come (a 1 s cap let A commit first
                    # under load, and B then cancelled the task: OPEN expected, CANCELLED).
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(closed_ran.wait(), 1.0 if held else 60.0)
                else:
                    closed_ran.set()

            return run

        names = {"create_initial_contact_task", "close_tasks_of_closed_case"}
        registered = tuple(
            attrs.evolve(h, handler=wrap(h), holds=h.holds if held else None)
            for h in real.registered
            if h.name in names
        )
        assert {h.name for h in registered} == names
        return attrs.evolve(real, registered=registered, claimant=f"{me}-{uuid.uuid4().hex[:6]}")

    a, b = worker("a"), worker("b")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    async with api.uow()(centre.id) as uow:
        [opened] = [
            e.event_id
            for e in await uow.outbox.owed(published_before=later, limit=20)
            if e.name == "CaseOpened"
        ]
    making = asyncio.ensure_future(a.dispatch(centre.id, opened))
    await asyncio.wait_for(made.wait(), 10)
    await api.cases().close(ctx, case_id, CloseReason.ADVICE_COMPLETE)
    async with api.uow()(centre.id) as uow:
        [closed] = [
            e.event_id
            for e in await uow.outbox.owed(published_before=later, limit=20)
            if e.name == "CaseClosed"
        ]
    await asyncio.gather(making, b.dispatch(centre.id, closed))

    [task] = await _tasks(api, centre.id, case_id)
    if held:
        assert task.status is TaskStatus.CANCELLED
        assert task.outcome_note is not None
        assert "closed" in task.outcome_note
    else:
        assert task.status is TaskStatus.OPEN  # the race the holds close
