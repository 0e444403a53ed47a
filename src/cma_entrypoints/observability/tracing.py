"""OpenTelemetry traces across API → outbox → worker, when an exporter is configured.

One trace follows a request into the jobs it causes: the API's span is current while the
unit of work publishes the request's events after commit, so ``JobTraceMiddleware`` (a
Dramatiq middleware) writes its W3C ``traceparent`` into each message's options; in the
worker the same middleware opens the job's span as a child of it. Events that the relay
publishes later (after a broker outage) start a trace of their own.

Spans carry the method, the route template, the status and the job's actor and queue:
never a path with ids, a query string or a body. Off (no provider, no spans) unless
``CMA_OTEL_EXPORTER`` or ``OTEL_EXPORTER_OTLP_ENDPOINT`` is set, or a test hands in an
exporter.
"""

from __future__ import annotations

import threading
from typing import Any

import dramatiq
from dramatiq.middleware import Middleware
from opentelemetry import context as otel_context
from opentelemetry import propagate, trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SimpleSpanProcessor,
    SpanExporter,
)

from cma_entrypoints.observability import ObservabilitySettings

#: The key of the trace context in a Dramatiq message's options.
MESSAGE_OPTION = "cma_trace"

_provider: TracerProvider | None = None


def configure_tracing(
    service_name: str,
    settings: ObservabilitySettings | None = None,
    *,
    exporter: SpanExporter | None = None,
) -> TracerProvider | None:
    """Start tracing for this process if an exporter is configured (or given); returns the
    provider, or ``None`` when tracing stays off. Calling it again replaces the provider
    (tests), so the module keeps its own rather than the SDK's set-once global."""
    global _provider
    settings = settings or ObservabilitySettings.from_env()
    if exporter is None:
        if settings.otel_exporter == "otlp":
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

            processor: Any = BatchSpanProcessor(OTLPSpanExporter())
        elif settings.otel_exporter == "console":
            processor = BatchSpanProcessor(ConsoleSpanExporter())
        else:
            return None
    else:
        processor = SimpleSpanProcessor(exporter)
    if _provider is not None:
        _provider.shutdown()
    provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
    provider.add_span_processor(processor)
    _provider = provider
    return provider


def shutdown_tracing() -> None:
    """Flush and stop (at process exit, or at the end of a test)."""
    global _provider
    if _provider is not None:
        _provider.shutdown()
        _provider = None


def tracer() -> trace.Tracer | None:
    """The tracer, or ``None`` when tracing is off (callers then do nothing at all)."""
    return _provider.get_tracer("cma") if _provider is not None else None


def current_trace_id() -> str | None:
    """The current trace id in hex (for log lines), or ``None``."""
    ctx = trace.get_current_span().get_span_context()
    return format(ctx.trace_id, "032x") if ctx.is_valid else None


class JobTraceMiddleware(Middleware):
    """Carries the trace from the process that enqueues a job to the worker that runs it."""

    def __init__(self) -> None:
        self._local = threading.local()

    def before_enqueue(self, broker: dramatiq.Broker, message: Any, delay: Any) -> None:
        if tracer() is None:
            return
        carrier: dict[str, str] = {}
        propagate.inject(carrier)
        if carrier:
            message.options[MESSAGE_OPTION] = carrier

    def before_process_message(self, broker: dramatiq.Broker, message: Any) -> None:
        t = tracer()
        if t is None:
            return
        parent = propagate.extract(message.options.get(MESSAGE_OPTION) or {})
        span = t.start_span(
            f"job {message.actor_name}",
            context=parent,
            kind=trace.SpanKind.CONSUMER,
            attributes={
                "messaging.system": "dramatiq",
                "messaging.destination.name": message.queue_name,
                "cma.job.actor": message.actor_name,
            },
        )
        token = otel_context.attach(trace.set_span_in_context(span))
        self._local.active = (span, token)

    def _finish(self, exception: BaseException | None) -> None:
        active = getattr(self._local, "active", None)
        if active is None:
            return
        span, token = active
        self._local.active = None
        if exception is not None:
            span.record_exception(exception)
            span.set_status(trace.Status(trace.StatusCode.ERROR, type(exception).__name__))
        span.end()
        otel_context.detach(token)

    def after_process_message(
        self,
        broker: dramatiq.Broker,
        message: Any,
        *,
        result: Any = None,
        exception: BaseException | None = None,
    ) -> None:
        self._finish(exception)

    def after_skip_message(self, broker: dramatiq.Broker, message: Any) -> None:
        self._finish(None)


def add_job_tracing(broker: Any) -> None:
    """Add ``JobTraceMiddleware`` to ``broker`` once (a no-op without a broker)."""
    if broker is None:
        return
    if not any(isinstance(m, JobTraceMiddleware) for m in broker.middleware):
        broker.add_middleware(JobTraceMiddleware())
