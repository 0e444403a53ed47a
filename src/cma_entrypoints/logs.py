"""Structured JSON logs (structlog), for the API, the worker and the CLI.

Every line is one JSON object; ``request_id``, ``centre_id`` and ``user_id`` come from
``contextvars`` bound per request (for logs only; the centre a handler works on always
comes from the verified token). Standard-library loggers (SQLAlchemy, uvicorn, ours) go
through the same renderer.

No personal data is logged: messages name ids and counts, never names, contact details or
note text; the access line has the path (ids only), never the query string; and the
database engines hide statement parameters (``hide_parameters=True``).
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import structlog


def _add_trace_id(_logger: Any, _name: str, event: dict[str, Any]) -> dict[str, Any]:
    """With tracing on, every line written inside a span names its trace (hex)."""
    from cma_entrypoints.observability.tracing import current_trace_id

    trace_id = current_trace_id()
    if trace_id:
        event.setdefault("trace_id", trace_id)
    return event


_SHARED: list[Any] = [
    structlog.contextvars.merge_contextvars,
    _add_trace_id,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


#: Fields a standard-library record may carry as ``extra=`` into the JSON line (ids only:
#: an allow-list, so a library's extras, which may hold anything, stay out).
LOG_EXTRA_FIELDS = ("event_id", "event_name", "handler", "centre_id")
_EXTRA = structlog.stdlib.ExtraAdder(allow=LOG_EXTRA_FIELDS)


class _NoDriverDebug(logging.Filter):
    """aiosqlite logs every statement *with its parameters* at DEBUG, and SQLAlchemy's
    engine logs result rows at DEBUG: drop those records at the source, whatever level or
    handlers an operator configures (statements at INFO stay, parameters hidden)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.INFO


_DRIVER_FILTER = _NoDriverDebug()


def configure_structlog() -> None:
    """Route structlog through the standard library (idempotent), and keep database drivers
    from logging statement parameters."""
    for name in ("aiosqlite", "sqlalchemy.engine.Engine"):
        driver = logging.getLogger(name)
        if _DRIVER_FILTER not in driver.filters:
            driver.addFilter(_DRIVER_FILTER)
    if structlog.is_configured():
        return
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *_SHARED,
            structlog.processors.format_exc_info,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def json_formatter() -> logging.Formatter:
    return structlog.stdlib.ProcessorFormatter(
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            structlog.processors.JSONRenderer(),
        ],
        foreign_pre_chain=[*_SHARED, _EXTRA],
    )


def configure_logging(level: str = "INFO", stream: Any = None) -> logging.Handler:
    """JSON lines on stderr (or ``stream``) for every logger, at ``level``."""
    configure_structlog()
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(json_formatter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    # httpx logs every outgoing request's full URL at INFO (an SMS gateway's or a search
    # server's, query string included): warnings only.
    for chatty in ("httpx", "httpcore"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    return handler


def get_logger(name: str) -> Any:
    configure_structlog()
    return structlog.stdlib.get_logger(name)
