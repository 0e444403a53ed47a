"""The Litestar application factory."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from litestar import Litestar, Response, get
from litestar.config.cors import CORSConfig
from litestar.datastructures import ResponseHeader, State
from litestar.di import Provide
from litestar.middleware.base import DefineMiddleware
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Components, SecurityScheme
from sqlalchemy import text

from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.http.advice import CaseAdviceController, LetterTemplateController
from cma_entrypoints.http.audit import AuditController
from cma_entrypoints.http.auth import TokenCodec
from cma_entrypoints.http.budgets import BudgetController, SfsCatalogueController
from cma_entrypoints.http.cases import CaseController, CaseTimelineController
from cma_entrypoints.http.cases.listing import EXPOSED as CONSISTENCY_HEADERS
from cma_entrypoints.http.cases.listing import RecentWrites
from cma_entrypoints.http.casework import (
    CaseContactController,
    CaseCreditController,
    CaseworkGuideController,
)
from cma_entrypoints.http.casework.breathing_space import BreathingSpaceController
from cma_entrypoints.http.casework.registers import CaseRegisterController
from cma_entrypoints.http.centre import CentreProfileController, CentreSecondFactorController
from cma_entrypoints.http.centre.reference import GuidelinesController, ThresholdsController
from cma_entrypoints.http.clients import ClientController
from cma_entrypoints.http.common.input import check_input
from cma_entrypoints.http.common.openapi import document_problems
from cma_entrypoints.http.common.params import tenant_context
from cma_entrypoints.http.common.schemas import HealthCheck, HealthOut
from cma_entrypoints.http.compliance import (
    CaseComplianceController,
    ComplianceController,
    ComplianceHistoryController,
    PolicyController,
)
from cma_entrypoints.http.console import SchemaPage, console_csp, console_routes
from cma_entrypoints.http.debts import CreditorController, DebtController
from cma_entrypoints.http.dependencies import install as resolve_dependencies_in_order
from cma_entrypoints.http.documents import documents_router
from cma_entrypoints.http.guards import install as guards_without_copies
from cma_entrypoints.http.identity import (
    AccountController,
    AuthController,
    GrantController,
    SessionController,
    StaffController,
)
from cma_entrypoints.http.metrics import metrics_routes
from cma_entrypoints.http.privacy import SubjectAccessController
from cma_entrypoints.http.privacy.retention import RetentionController
from cma_entrypoints.http.privacy.rights import DataSubjectRequestController, LegalHoldController
from cma_entrypoints.http.problems import EXCEPTION_HANDLERS, RETRY_AFTER_SECONDS
from cma_entrypoints.http.protection import SECURITY_HEADERS as SECURITY_HEADER_VALUES
from cma_entrypoints.http.protection import (
    RequestPipeline,
    echo_request_id,
)
from cma_entrypoints.http.scheduling import (
    AdviserController,
    AppointmentController,
    CalendarController,
    CaseClockController,
    ConsentController,
    ReminderController,
    WorkingHoursController,
)
from cma_entrypoints.http.sealing import InProcessSealer
from cma_entrypoints.http.search import SearchController
from cma_entrypoints.http.solutions import AppraisalController
from cma_entrypoints.http.tasks import TaskController, WorkQueueController
from cma_entrypoints.logs import configure_structlog
from cma_entrypoints.observability import ObservabilitySettings
from cma_entrypoints.observability.errors import report_unexpected
from cma_entrypoints.observability.tracing import add_job_tracing

log = logging.getLogger("cma.http")

#: Documented on every route (OpenAPI) but not added by Litestar: ``echo_request_id`` sends
#: them on every answer, errors included, so Litestar's own copy per response was work done
#: twice (benchmarks/README.md, branch ``apipath``).
SECURITY_HEADERS = [
    ResponseHeader(name=k, value=v, documentation_only=True)
    for k, v in SECURITY_HEADER_VALUES.items()
]

API_DESCRIPTION = """
Case management for debt advice centres.

Sign in with `POST /api/v1/auth/login` and send the token as `Authorization: Bearer …`.
Everything you see belongs to the centre in your token; a record of another centre is
reported as 404. Lists take `limit`/`offset` and return `{items, total, limit, offset}`.
Edits need `If-Match` with the `ETag` you read (412 if it changed, 428 if missing).
Errors are RFC 9457 `application/problem+json` with `errors[].field` naming the input at
fault.
"""


def _health_route(container: Container) -> Any:
    @get(
        "/health",
        exclude_from_auth=True,
        security=[{}],
        tags=["health"],
        summary="Liveness and readiness (public, no token)",
        description=(
            "Public: needs no token and is not rate limited. 200 with `status` `ok`, or "
            "`degraded` when Redis is unreachable (rate limits and the login throttle count "
            "per process meanwhile, jobs wait in the outbox); 503 with `Retry-After` when "
            "the database is unreachable."
        ),
        responses=None,
    )
    async def health() -> Response[HealthOut]:
        checks: dict[str, HealthCheck] = {}
        try:
            async with container.engine().connect() as conn:
                await conn.execute(text("SELECT 1"))
            checks["database"] = HealthCheck(status="ok")
        except Exception as exc:
            log.warning("health: database check failed: %s", type(exc).__name__)
            checks["database"] = HealthCheck(status="failed", detail=type(exc).__name__)
        settings = container.settings()
        if settings.redis_url:
            checks["broker"] = await _redis_check(settings.redis_url)
        else:
            checks["broker"] = HealthCheck(status="ok", detail="in-process jobs (no Redis)")
        statuses = {c.status for c in checks.values()}
        if "failed" in statuses:
            return Response(
                HealthOut(status="unavailable", checks=checks),
                status_code=503,
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
        overall = "degraded" if "degraded" in statuses else "ok"
        return Response(HealthOut(status=overall, checks=checks), status_code=200)

    return health


async def _redis_check(url: str) -> HealthCheck:
    """Redis down degrades the service (per-process limits, jobs held in the outbox) but
    does not stop it, so it is ``degraded``, not ``failed``."""
    try:
        import redis.asyncio as aioredis

        client = aioredis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
        try:
            await asyncio.wait_for(client.ping(), timeout=2)
        finally:
            await client.aclose()
    except Exception as exc:
        log.warning("health: Redis check failed: %s", type(exc).__name__)
        return HealthCheck(status="degraded", detail=f"Redis unreachable ({type(exc).__name__})")
    return HealthCheck(status="ok")


def _trusted_proxies(networks: tuple[str, ...]) -> list[DefineMiddleware]:
    """uvicorn's ``ProxyHeadersMiddleware`` (rightmost address not a trusted proxy, CIDRs
    allowed), run inside the app so every server and the tests behave alike; ``cma serve``
    turns uvicorn's own (which trusts 127.0.0.1 by default) off."""
    if not networks:
        return []
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    middleware: Any = ProxyHeadersMiddleware  # an ASGI3 middleware; uvicorn types it its own way
    return [DefineMiddleware(middleware, trusted_hosts=list(networks))]


def create_app(container: Container | None = None) -> Litestar:
    container = container or build_container()
    settings = container.settings()
    codec = TokenCodec(settings)
    limiter = container.rate_limiter()
    configure_structlog()
    resolve_dependencies_in_order()  # no task group per request (http/dependencies.py)
    guards_without_copies()  # no copy of the handler per guard (http/guards.py)
    observability = ObservabilitySettings.from_env()
    # Jobs this process enqueues carry the request's trace (a no-op while tracing is off).
    add_job_tracing(container.broker())

    def provider(factory: Any) -> Provide:
        return Provide(lambda: factory(), sync_to_thread=False, use_cache=True)

    sealing = InProcessSealer(container)
    # Read-your-writes for the case list (docs/READ-MODELS.md).
    recent_writes = RecentWrites()

    async def on_shutdown() -> None:
        await sealing.stop()
        await shutdown(container)

    app = Litestar(
        route_handlers=[
            _health_route(container),
            AuthController,
            ClientController,
            CaseController,
            CaseTimelineController,
            SubjectAccessController,
            TaskController,
            WorkQueueController,
            CaseClockController,
            AppointmentController,
            AdviserController,
            ConsentController,
            CaseComplianceController,
            ComplianceController,
            ComplianceHistoryController,
            PolicyController,
            CalendarController,
            ReminderController,
            WorkingHoursController,
            documents_router(container),
            AuditController,
            SessionController,
            AccountController,
            GrantController,
            StaffController,
            CreditorController,
            DebtController,
            BudgetController,
            SfsCatalogueController,
            AppraisalController,
            LetterTemplateController,
            CaseAdviceController,
            CentreProfileController,
            CentreSecondFactorController,
            GuidelinesController,
            ThresholdsController,
            CaseworkGuideController,
            CaseContactController,
            CaseCreditController,
            CaseRegisterController,
            BreathingSpaceController,
            DataSubjectRequestController,
            LegalHoldController,
            RetentionController,
            SearchController,
            # Operators only: loopback unless CMA_METRICS says otherwise (not in OpenAPI).
            *metrics_routes(container, observability),
            # The web console at / (SPA fallback); every API route above wins over it.
            *console_routes(settings.web_dir),
        ],
        dependencies={
            "identity": provider(container.identity),
            "clients": provider(container.clients),
            "cases": provider(container.cases),
            "case_list": provider(container.case_list),
            "case_timeline": provider(container.case_timeline),
            "work_queue": provider(container.work_queue),
            "recent_writes": Provide(lambda: recent_writes, sync_to_thread=False, use_cache=True),
            "tasks": provider(container.tasks),
            "directory": provider(container.directory),
            "scheduling": provider(container.scheduling),
            "compliance": provider(container.compliance),
            "audit": provider(container.audit),
            "sessions": provider(container.sessions),
            "accounts": provider(container.accounts),
            "debts": provider(container.debts),
            "budgets": provider(container.budgets),
            "appraisals": provider(container.appraisals),
            "advice_records": provider(container.advice_records),
            "letters": provider(container.letters),
            "letter_page": provider(container.letter_page),
            "privacy": provider(container.privacy),
            "centre_profile": provider(container.centre_profile),
            "reference_admin": provider(container.reference_admin),
            "casework": provider(container.casework),
            "case_registers": provider(container.case_registers),
            "data_rights": provider(container.data_rights),
            "retention": provider(container.retention),
            "search": provider(container.search),
            "codec": Provide(lambda: codec, sync_to_thread=False, use_cache=True),
            # The caller, from the verified token: handlers take ``ctx: TenantContext``.
            "ctx": Provide(tenant_context),
        },
        middleware=[
            # Outermost: the client address every later step (rate limits, sign-in
            # throttle, audit) uses. X-Forwarded-For counts only from CMA_TRUSTED_PROXIES.
            *_trusted_proxies(settings.trusted_proxies),
            # Request id and access log, the per-address limit, the token, the per-user
            # limit and the strict query check, in that order, as one layer (protection.py).
            DefineMiddleware(
                RequestPipeline,
                limiter=limiter,
                per_ip_per_minute=settings.rate_limit_per_ip_per_minute,
                per_user_per_minute=settings.rate_limit_per_minute,
                codec=codec,
                gate=container.session_gate(),
            ),
        ],
        exception_handlers=EXCEPTION_HANDLERS,
        # Strict JSON (content type, size, depth, no coercion) and dated query values.
        before_request=check_input,
        before_send=[echo_request_id, console_csp, recent_writes],
        # 5xx faults to a Sentry-compatible service when CMA_SENTRY_DSN is set (no-op else).
        after_exception=[report_unexpected],
        # Logging is ours (cma_entrypoints.logs: JSON lines, no personal data); Litestar's
        # default config would replace the root handlers with its own.
        logging_config=None,
        response_headers=SECURITY_HEADERS,
        cors_config=CORSConfig(
            allow_origins=list(settings.cors_origins),
            allow_headers=["Authorization", "Content-Type", "If-Match"],
            expose_headers=["ETag", "Location", *CONSISTENCY_HEADERS],
        )
        if settings.cors_origins
        else None,
        request_max_body_size=settings.max_request_bytes,
        openapi_config=OpenAPIConfig(
            title="CMA API",
            version="1.0.0",
            description=API_DESCRIPTION,
            components=Components(
                security_schemes={
                    "BearerToken": SecurityScheme(type="http", scheme="bearer", bearer_format="JWT")
                }
            ),
            security=[{"BearerToken": []}],
            path="/schema",
            render_plugins=[SchemaPage()],
        ),
        on_startup=[sealing.start],
        on_shutdown=[on_shutdown],
        state=State({"container": container}),
        debug=False,
    )
    document_problems(app)
    return app
