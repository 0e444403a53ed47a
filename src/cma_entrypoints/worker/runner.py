"""Run the worker as a process, stopping gracefully on SIGINT or SIGTERM.

A stop lets running messages finish (Dramatiq acks them) and hands unstarted ones back to
Redis, so nothing is lost; a second signal does not hurry it further.
"""

from __future__ import annotations

import logging
import signal
import threading
from types import FrameType

import dramatiq

from cma_entrypoints.container import build_container
from cma_entrypoints.observability import ObservabilitySettings
from cma_entrypoints.observability.errors import configure_error_reporting
from cma_entrypoints.observability.errors import flush as flush_error_reports
from cma_entrypoints.observability.tracing import configure_tracing, shutdown_tracing
from cma_entrypoints.settings import Settings
from cma_entrypoints.worker.app import DEFAULT_RELAY_EVERY, setup_broker

log = logging.getLogger("cma.worker")

# How long a stop waits for running messages, in milliseconds (Dramatiq's unit).
STOP_TIMEOUT_MS = 30_000


def main(
    *, settings: Settings | None = None, threads: int = 4, relay_every: float = DEFAULT_RELAY_EVERY
) -> int:
    """Consume events until SIGINT/SIGTERM. Returns the process exit code."""
    settings = settings or Settings.from_env()
    if not settings.redis_url:
        log.error("CMA_REDIS_URL is not set; without Redis, jobs run in-process")
        return 2
    observability = ObservabilitySettings.from_env()
    configure_tracing("cma-worker", observability)
    configure_error_reporting("cma-worker", observability)
    if observability.worker_metrics_port:
        from prometheus_client import start_http_server

        # Loopback only: a scraper on this machine (or a sidecar) reads jobs and OCR times.
        start_http_server(observability.worker_metrics_port, addr="127.0.0.1")
    container = build_container(settings)
    broker = setup_broker(container, relay_every=relay_every)
    stop = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        log.info("received %s; stopping after running messages finish", signal.Signals(signum).name)
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    worker = dramatiq.Worker(broker, worker_threads=threads)
    worker.start()
    log.info(
        "worker started: %d thread(s), relay every %.1f s, scheduler sweep every %d s",
        threads,
        relay_every,
        settings.scheduler_interval_seconds,
    )
    try:
        stop.wait()
    finally:
        worker.stop(timeout=STOP_TIMEOUT_MS)
        broker.close()
        for s, handler in previous.items():
            signal.signal(s, handler)
        shutdown_tracing()
        flush_error_reports()
    log.info("worker stopped")
    return 0
