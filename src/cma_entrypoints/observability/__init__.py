"""What operators see of a running CMA: Prometheus metrics, OpenTelemetry traces and
error reports to a Sentry-compatible service (issue 13). JSON-lines logs are in
``cma_entrypoints.logs``.

Every part is off or local by default, and each reads its own settings here (so the
application's ``Settings`` carries none of them):

``CMA_METRICS``
    ``local`` (default): ``/metrics`` answers only requests from this machine (loopback);
    ``on``: from anywhere, with ``Authorization: Bearer $CMA_METRICS_TOKEN`` (required);
    ``off``: no ``/metrics`` route.
``CMA_METRICS_TOKEN``
    The bearer token scrapers send; with it, ``local`` also accepts remote scrapes that
    present it.
``CMA_WORKER_METRICS_PORT``
    The worker serves its own metrics (jobs, OCR) on this loopback port; unset: none.
``CMA_OTEL_EXPORTER``
    ``otlp`` (OTLP over HTTP to ``OTEL_EXPORTER_OTLP_ENDPOINT``, the SDK's own variables),
    ``console`` (spans printed on stderr, for trying it out) or unset (no tracing). Setting
    ``OTEL_EXPORTER_OTLP_ENDPOINT`` alone also turns on ``otlp``.
``CMA_SENTRY_DSN`` (or ``SENTRY_DSN``)
    Report unhandled errors to this Sentry-compatible DSN; unset: nothing is sent.
    ``CMA_SENTRY_ENVIRONMENT`` names the environment (default ``production``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from attrs import frozen

from cma_entrypoints.settings import SettingsError

METRICS_MODES = ("local", "on", "off")
EXPORTERS = ("", "otlp", "console")


class ObservabilitySettingsError(SettingsError):
    """A setting is malformed; the message names the variable."""


@frozen(kw_only=True)
class ObservabilitySettings:
    metrics: str = "local"
    metrics_token: str | None = None
    worker_metrics_port: int | None = None
    otel_exporter: str = ""
    sentry_dsn: str | None = None
    sentry_environment: str = "production"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ObservabilitySettings:
        env = os.environ if env is None else env
        metrics = (env.get("CMA_METRICS") or "local").strip().lower()
        if metrics not in METRICS_MODES:
            raise ObservabilitySettingsError("CMA_METRICS must be local, on or off")
        token = env.get("CMA_METRICS_TOKEN") or None
        if metrics == "on" and not token:
            raise ObservabilitySettingsError(
                "CMA_METRICS=on serves metrics to other machines: set CMA_METRICS_TOKEN too"
            )
        exporter = (env.get("CMA_OTEL_EXPORTER") or "").strip().lower()
        if not exporter and env.get("OTEL_EXPORTER_OTLP_ENDPOINT"):
            exporter = "otlp"
        if exporter not in EXPORTERS:
            raise ObservabilitySettingsError("CMA_OTEL_EXPORTER must be otlp or console")
        port_text = env.get("CMA_WORKER_METRICS_PORT") or ""
        try:
            port = int(port_text) if port_text else None
        except ValueError:
            raise ObservabilitySettingsError(
                f"CMA_WORKER_METRICS_PORT must be a port number, got {port_text!r}"
            ) from None
        if port is not None and not 0 < port < 65536:
            raise ObservabilitySettingsError("CMA_WORKER_METRICS_PORT must be 1-65535")
        return cls(
            metrics=metrics,
            metrics_token=token,
            worker_metrics_port=port,
            otel_exporter=exporter,
            sentry_dsn=env.get("CMA_SENTRY_DSN") or env.get("SENTRY_DSN") or None,
            sentry_environment=env.get("CMA_SENTRY_ENVIRONMENT") or "production",
        )
