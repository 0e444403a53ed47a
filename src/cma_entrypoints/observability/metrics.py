"""Prometheus metrics (prometheus_client, on its default registry, one set per process).

Labels are route templates, queue names and outcomes only: never a path with ids, a query
string, a user or a centre (unbounded label values would also grow without limit).

Backlog gauges (job queue depth and age, outbox events owed) are read when scraped
(``refresh_backlog``), not kept up to date by the code that moves the work.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest

if TYPE_CHECKING:
    from cma_core.documents.files import ContentType
    from cma_core.documents.model import PageText

CONTENT_TYPE = CONTENT_TYPE_LATEST

#: Routes whose 401/429 answers are failed (or throttled) sign-ins.
LOGIN_ROUTES = frozenset({"/api/v1/auth/login"})
#: How many events per centre the outbox gauges look at in one scrape (the count is
#: "at least" this many beyond it; one owed event is already worth an alert).
OUTBOX_SCAN_LIMIT = 1000

REQUESTS = Counter(
    "cma_http_requests",
    "HTTP requests answered, by method, route template and status code.",
    ["method", "route", "status"],
)
REQUEST_SECONDS = Histogram(
    "cma_http_request_duration_seconds",
    "Time to answer an HTTP request, by method and route template.",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
LOGIN_FAILURES = Counter(
    "cma_login_failures",
    "Sign-ins refused: 'rejected' (wrong email, password or code) or 'throttled' (429).",
    ["outcome"],
)
OCR_SECONDS = Histogram(
    "cma_ocr_duration_seconds",
    "Time to read the text of one document (OCR or a PDF's text layer), by outcome.",
    ["outcome"],
    buckets=(0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0),
)
JOB_QUEUE_DEPTH = Gauge(
    "cma_job_queue_depth",
    "Jobs in the broker: 'waiting' for a worker, or 'delayed' (retries with backoff).",
    ["queue", "state"],
)
JOB_QUEUE_AGE = Gauge(
    "cma_job_queue_oldest_age_seconds",
    "Age of the oldest job waiting in the queue (0 when none).",
    ["queue"],
)
OUTBOX_OWED = Gauge(
    "cma_outbox_owed_events",
    "Events not yet settled by their handlers: 'unpublished' (never handed to the broker) "
    "or 'published' (handed over, handlers not done). Counted up to "
    f"{OUTBOX_SCAN_LIMIT} per centre and state.",
    ["state"],
)
OUTBOX_AGE = Gauge(
    "cma_outbox_oldest_owed_age_seconds",
    "Age of the oldest owed outbox event (0 when none).",
)
DUPLICATE_DELIVERIES = Counter(
    "cma_duplicate_deliveries",
    "Event deliveries skipped because another delivery of the same event had already run "
    "the handler (expected under at-least-once delivery), by handler name.",
    ["handler"],
)
PROJECTION_LAG = Gauge(
    "cma_projection_lag_seconds",
    "How far a read model ('case_list', 'timeline', 'work_queue', 'search') is behind the "
    "writes: the age of the oldest event one of its handlers has not applied yet (0 when "
    "caught up).",
    ["projection"],
)


#: The labelled children of the two request metrics, by (method, route, status): looking
#: them up through ``labels()`` (a lock and label checks, twice) cost a measurable share of
#: a request's CPU. Bounded: the method is the client's text.
_CHILDREN: dict[tuple[str, str, int], tuple[Any, Any]] = {}
_CHILDREN_MAX = 4096


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    """Called once per answered request by the access-log middleware."""
    key = (method, route, status)
    children = _CHILDREN.get(key)
    if children is None:
        if len(_CHILDREN) >= _CHILDREN_MAX:
            _CHILDREN.clear()
        children = (
            REQUESTS.labels(method, route, str(status)),
            REQUEST_SECONDS.labels(method, route),
        )
        _CHILDREN[key] = children
    children[0].inc()
    children[1].observe(seconds)
    if route in LOGIN_ROUTES and method == "POST":
        if status == 401:
            LOGIN_FAILURES.labels("rejected").inc()
        elif status == 429:
            LOGIN_FAILURES.labels("throttled").inc()


EVENT_BATCH_SIZE = Histogram(
    "cma_worker_event_batch_size",
    "Events the worker dispatched together (one centre's messages waiting at once).",
    buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256),
)


def observe_event_batch(size: int) -> None:
    """The worker's batcher's hook: one batch of ``size`` events dispatched."""
    EVENT_BATCH_SIZE.observe(size)


def count_duplicate_delivery(handler: str) -> None:
    """The dispatcher's hook: one duplicate delivery of an event to ``handler`` skipped."""
    DUPLICATE_DELIVERIES.labels(handler).inc()


def set_projection_lag(projection: str, seconds: float) -> None:
    """The hook for projections: how far ``projection`` (``"search"``...) is behind."""
    PROJECTION_LAG.labels(projection).set(max(0.0, seconds))


def exposition() -> bytes:
    """Every metric of this process in the Prometheus text format."""
    return generate_latest()


class TimedTextExtractor:
    """Wraps a ``TextExtractor`` (the port of OCR) and times each document it reads."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    async def extract(self, data: bytes, content_type: ContentType) -> tuple[PageText, ...]:
        started = time.perf_counter()
        outcome = "failed"
        try:
            pages: tuple[PageText, ...] = await self._inner.extract(data, content_type)
            outcome = "ok"
            return pages
        finally:
            OCR_SECONDS.labels(outcome).observe(time.perf_counter() - started)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


# --- backlog, read when scraped -------------------------------------------------------------


def _queue_backlog(broker: Any, queues: Sequence[str], now_ms: float) -> None:
    """Dramatiq's Redis layout: ``ns:queue`` lists waiting message ids (oldest first),
    ``ns:queue.msgs`` maps ids to messages, ``ns:queue.DQ.msgs`` holds delayed ones."""
    client, ns = broker.client, broker.namespace
    for queue in queues:
        key = f"{ns}:{queue}"
        pipe = client.pipeline()
        pipe.llen(key)
        pipe.hlen(f"{key}.DQ.msgs")
        pipe.lindex(key, 0)
        waiting, delayed, oldest_id = pipe.execute()
        JOB_QUEUE_DEPTH.labels(queue, "waiting").set(waiting)
        JOB_QUEUE_DEPTH.labels(queue, "delayed").set(delayed)
        age = 0.0
        if oldest_id is not None:
            raw = client.hget(f"{key}.msgs", oldest_id)
            if raw is not None:
                stamp = json.loads(raw).get("message_timestamp")
                if isinstance(stamp, int | float):
                    age = max(0.0, (now_ms - stamp) / 1000)
        JOB_QUEUE_AGE.labels(queue).set(age)


async def _outbox_backlog(container: Any, now: dt.datetime) -> None:
    owed = {"unpublished": 0, "published": 0}
    oldest: dt.datetime | None = None
    for centre in await container.identity_store().list_centres():
        async with container.uow()(centre.id) as uow:
            unpublished = await uow.outbox.unpublished(limit=OUTBOX_SCAN_LIMIT)
            published = await uow.outbox.owed(published_before=now, limit=OUTBOX_SCAN_LIMIT)
        owed["unpublished"] += len(unpublished)
        owed["published"] += len(published)
        for events in (unpublished, published):
            if events and (oldest is None or events[0].occurred_at < oldest):
                oldest = events[0].occurred_at
    for state, count in owed.items():
        OUTBOX_OWED.labels(state).set(count)
    OUTBOX_AGE.set(max(0.0, (now - oldest).total_seconds()) if oldest else 0.0)


def _projections(container: Any) -> dict[str, dict[str, set[str]]]:
    """Each read model's inbox handler names and the events each one handles."""
    from cma_core.readmodels import timeline, workqueue
    from cma_core.readmodels.service import EVENT_NAMES, HANDLER

    search: dict[str, set[str]] = {}
    for h in container.search_jobs().handlers():
        search.setdefault(h.name, set()).add(h.event.name)
    return {
        "case_list": {HANDLER: set(EVENT_NAMES)},
        "timeline": {timeline.HANDLER: set(timeline.EVENT_NAMES)},
        "work_queue": {workqueue.HANDLER: set(workqueue.EVENT_NAMES)},
        "search": search,
    }


async def _projection_lag(container: Any, now: dt.datetime) -> None:
    """``cma_projection_lag_seconds``: per read model, the age of the oldest event of any
    centre that one of its handlers has not applied yet (0 when caught up)."""
    projection = container.case_list_projection()
    oldest: dict[str, dt.datetime | None] = {}
    handlers = _projections(container)
    for centre in await container.identity_store().list_centres():
        async with container.uow()(centre.id) as uow:
            rows = projection.case_list_rows(uow)
            for name, by_handler in handlers.items():
                for handler, events in by_handler.items():
                    found = await rows.oldest_unapplied(handler, events)
                    best = oldest.get(name)
                    if found is not None and (best is None or found < best):
                        oldest[name] = found
    for name in handlers:
        at = oldest.get(name)
        set_projection_lag(name, (now - at).total_seconds() if at is not None else 0.0)


async def refresh_backlog(container: Any, queues: Sequence[str]) -> None:
    """Set the backlog gauges from the outbox (every centre) and, with Redis, the broker,
    and the read models' lag. A source that cannot be read leaves its gauges as they were
    (the scrape still answers; ``/health`` is where an outage shows)."""
    now = container.clock().now()
    await _outbox_backlog(container, now)
    await _projection_lag(container, now)
    broker = container.broker()
    if broker is not None and hasattr(broker, "client"):
        await asyncio.to_thread(_queue_backlog, broker, queues, time.time() * 1000)
