"""Error reports to a Sentry-compatible service (sentry-sdk), when a DSN is set.

Reports carry the exception, its stack (without local variables), the route template, the
request id and the release; never bodies, query strings, cookies, headers, user details or
the values of local variables, any of which may hold a client's personal data.
"""

from __future__ import annotations

from typing import Any

from cma_entrypoints.observability import ObservabilitySettings

_REQUEST_KEEP = ("method",)


def _scrub(event: dict[str, Any], _hint: dict[str, Any]) -> dict[str, Any]:
    """``before_send``: keep the request's method only, and the URL without its query;
    drop user, cookies, headers, bodies and breadcrumbs' data."""
    request = event.get("request")
    if isinstance(request, dict):
        url = str(request.get("url") or "").split("?", 1)[0]
        event["request"] = {k: request[k] for k in _REQUEST_KEEP if k in request}
        if url:
            event["request"]["url"] = url
    event.pop("user", None)
    crumbs = event.get("breadcrumbs")
    if isinstance(crumbs, dict):
        for crumb in crumbs.get("values") or ():
            if isinstance(crumb, dict):
                crumb.pop("data", None)
    return event


def configure_error_reporting(
    service_name: str,
    settings: ObservabilitySettings | None = None,
    *,
    transport: Any = None,
) -> bool:
    """Start reporting if ``CMA_SENTRY_DSN`` is set; returns whether it did. ``transport``
    replaces the HTTP transport (tests)."""
    settings = settings or ObservabilitySettings.from_env()
    if not settings.sentry_dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.dedupe import DedupeIntegration
    from sentry_sdk.integrations.logging import LoggingIntegration

    options: dict[str, Any] = {
        # Only what is needed: ERROR log records with their exception (the API's 500
        # handler, Dramatiq's failed jobs) and duplicate suppression; none of the SDK's
        # default patches of the standard library (http.client, subprocess, threading).
        "default_integrations": False,
        "integrations": [LoggingIntegration(), DedupeIntegration()],
        "dsn": settings.sentry_dsn,
        "environment": settings.sentry_environment,
        "server_name": service_name,
        # No user, cookies or headers (the SDK's default; the option itself is deprecated),
        # and no framework integrations switched on by what happens to be installed: the
        # logging integration reports every ERROR record with its exception, which is where
        # the API's 500 handler and Dramatiq's failed jobs already write.
        "auto_enabling_integrations": False,
        "include_local_variables": False,
        "max_request_body_size": "never",
        "traces_sample_rate": 0.0,
        "before_send": _scrub,
    }
    if transport is not None:
        options["transport"] = transport
    sentry_sdk.init(**options)
    sentry_sdk.set_tag("service", service_name)
    return True


def report_exception(exc: BaseException) -> None:
    """Send ``exc`` if reporting is on (a no-op otherwise)."""
    import sentry_sdk

    if sentry_sdk.is_initialized():
        sentry_sdk.capture_exception(exc)


async def report_unexpected(exc: BaseException, _scope: Any) -> None:
    """Litestar ``after_exception`` hook: report what became a 5xx (an ``HTTPException``
    below 500 is an answer, not a fault)."""
    status = getattr(exc, "status_code", 500)
    if isinstance(status, int) and status >= 500:
        # Litestar wraps some faults (a dependency that failed validation) in a 500
        # ``InternalServerException``: the cause is what to look at.
        report_exception(exc.__cause__ or exc)


def flush(timeout: float = 2.0) -> None:
    import sentry_sdk

    if sentry_sdk.is_initialized():
        sentry_sdk.flush(timeout=timeout)
