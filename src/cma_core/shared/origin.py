"""Where the request being served came from: the client's address as the HTTP edge
established it (``CMA_TRUSTED_PROXIES`` decides whether ``X-Forwarded-For`` counts), for
the audit trail. A context variable, so the core needs no framework to read it; ``None``
outside a request (worker, CLI)."""

from __future__ import annotations

from contextvars import ContextVar, Token

_source: ContextVar[str | None] = ContextVar("cma_source_address", default=None)


def source_address() -> str | None:
    """The current request's client address, or ``None``."""
    return _source.get()


def bind_source_address(address: str | None) -> Token[str | None]:
    """Set the address for the rest of this request (``reset_source_address`` after)."""
    return _source.set(address)


def reset_source_address(token: Token[str | None]) -> None:
    _source.reset(token)
