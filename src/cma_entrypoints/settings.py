"""Settings from the environment (``CMA_`` prefix). Documented in the README.

Unset values fall back to the embedded default: SQLite and files under ``CMA_DATA_DIR``,
jobs run in-process, no servers needed.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from attrs import frozen

_MIN_SECRET = 32
# The web console's build in a source checkout (src/cma_entrypoints/settings.py → repo/web/dist).
_WEB_DIST = Path(__file__).resolve().parents[2] / "web" / "dist"


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


@frozen(kw_only=True)
class Settings:
    data_dir: Path
    database_url: str
    redis_url: str | None
    redis_namespace: str = "cma"
    secret_key: str
    access_token_ttl_seconds: int = 900
    jwt_issuer: str = "cma"
    jwt_audience: str = "cma-api"
    db_pool_size: int = 8
    db_max_overflow: int = 0
    # PostgreSQL: the role serving connections switch to so Row Level Security binds them
    # (a superuser bypasses it); ``cma migrate`` creates it. None: keep the user's rights.
    database_app_role: str | None = "cma_app"
    cors_origins: tuple[str, ...] = ()
    argon2_time_cost: int | None = None
    argon2_memory_cost: int | None = None
    log_level: str = "INFO"
    max_request_bytes: int = 10 * 1024 * 1024
    refresh_token_ttl_seconds: int = 14 * 24 * 3600
    # Sign-in throttle (docs/SECURITY.md): an account may fail this many times freely,
    # then waits 1 s, 2 s, 4 s... (at most login_max_delay_seconds) between tries; failures
    # are forgotten after login_window_seconds without one. An address may fail
    # login_address_max_failures times per window (every account tried from it together).
    login_max_failures: int = 5
    login_window_seconds: int = 900
    login_max_delay_seconds: int = 300
    login_address_max_failures: int = 100
    # Proxies (CIDRs) whose X-Forwarded-For is believed; from anyone else it is ignored.
    trusted_proxies: tuple[str, ...] = ()
    # How long a verdict of the database on an access token's session is kept (seconds).
    session_check_seconds: int = 5
    # Accounts (issue 13, ASVS 3.7.1 / 2.5): a sensitive change needs a sign-in or step-up
    # at most this many seconds old (0: off); a password-reset link lives this long; and
    # the page the link opens (the token is appended), empty: the mail carries the code.
    reauth_max_age_seconds: int = 900
    password_reset_ttl_seconds: int = 1800
    password_reset_link: str = ""
    # Documents: S3 when a bucket is set (else files under data_dir/documents); the OpenAI
    # assistant when a key is set (else the rule-based one, no network).
    max_document_bytes: int = 25 * 1024 * 1024
    s3_bucket: str | None = None
    s3_endpoint_url: str | None = None
    s3_region: str | None = None
    openai_api_key: str | None = None
    openai_base_url: str | None = None
    openai_model: str = "gpt-4o-mini"
    # The rule-based assistant's learned field ranker (benchmarks/OCR.md, round 9): "on"
    # (the install's own from ``cma assistant train --field-ranker``, else the shipped
    # one) or "off" (the rules alone choose every field).
    field_ranker: bool = True
    # A plain grey upright PNG/JPEG page goes to Tesseract as uploaded, after checks that
    # read no pixels (cma_adapters/tesseract/direct.py; benchmarks/OCR.md, ``ocrfast``);
    # "off": every page is decoded by Pillow and handed over as a packed TIFF.
    ocr_direct: bool = True
    ocr_concurrency: int | None = None
    # A document still "processing" after this many seconds is failed by the worker's sweep
    # (its worker died); the adviser can retry it.
    document_processing_timeout_seconds: int = 900
    # ... and one still "queued" after this many (no worker, or the in-process queue lost).
    document_queue_timeout_seconds: int = 3600
    # Case clock: email by SMTP when a host is set, SMS by HTTP when a URL is set; otherwise
    # messages are written to data_dir/outbox. Reminder offsets: "1d,2h" before appointments,
    # whole days before deadlines ("7,2,0").
    jurisdiction: str = "EW"
    # Letters (issue 11): where the DejaVu fonts PDFs embed live (fonts-dejavu-core's).
    letter_font_dir: Path | None = None
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_from: str = "cma@localhost"
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    sms_provider_url: str | None = None
    sms_provider_token: str | None = None
    reminder_appointment_offsets: tuple[int, ...] = (86_400, 7_200)  # seconds
    reminder_deadline_days: tuple[int, ...] = (7, 2, 0)
    scheduler_interval_seconds: int = 60
    # Field-level encryption (issue 3): "local" keyring file or "aws-kms"; rate limits.
    key_provider: str = "local"
    keyring_path: Path | None = None
    # Whether CMA_KEYRING_PATH or CMA_DATA_DIR named where the keyring lives (not defaulted).
    keyring_named: bool = False
    kms_key_id: str | None = None
    kms_region: str | None = None
    kms_endpoint_url: str | None = None
    data_key_cache_ttl_seconds: int = 300
    rate_limit_per_minute: int = 600
    rate_limit_per_ip_per_minute: int = 1200
    # Delivery (issue 13): an event handed to the broker and not yet settled by its handlers
    # after this many seconds is published again (Redis lost it, or its worker died)...
    outbox_redeliver_after_seconds: int = 300
    # ...and Dramatiq hands a silent (killed) worker's messages to another after this many.
    worker_redelivery_seconds: int = 60
    # Most events the worker dispatches as one batch (topped up from the outbox, issue 15).
    worker_batch: int = 256
    # Seconds a worker's claim on the events of its batch lasts, so several workers do not
    # take the same ones; a dead worker's run out after this (issue 15). 0: no claims.
    # Unset: CMA_WORKER_REDELIVERY_SECONDS, when Redis hands a silent worker's messages on.
    worker_claim_seconds: int = 60
    # Search (issue 15): "sqlite" (FTS5 file in data_dir), "postgres" (the database's own
    # full text) or "elasticsearch" (CMA_SEARCH_URL; OpenSearch with plain JSON). Unset: the
    # database's kind.
    search_backend: str = ""
    # Audit (issue 15): "later" writes view/search entries unsealed in the request and a
    # background sealer links them into the chain (no chain lock per view); "inline" links
    # every entry at commit. Unset: "later" on PostgreSQL, "inline" on the embedded SQLite.
    audit_seal: str = "inline"
    audit_seal_every_seconds: float = 1.0
    # SQLite (issue 15): "full" syncs every commit to disk; "normal" (WAL) syncs at
    # checkpoints, so a power cut or OS crash may lose the last commits (never corrupts).
    sqlite_synchronous: str = "full"
    search_url: str | None = None
    search_index: str = "cma-search"
    search_plain_json: bool = False
    # Read models (issue 15): how long (ms) a list presenting a write's consistency token
    # waits for the projection before it reads the write tables (CMA_READ_YOUR_WRITES_WAIT_MS).
    read_your_writes_wait_ms: int = 1000
    # The built web console (web/dist of the source tree unless CMA_WEB_DIR says).
    web_dir: Path = _WEB_DIST

    @property
    def embedded(self) -> bool:
        return self.database_url.startswith("sqlite")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        data_dir = Path(env.get("CMA_DATA_DIR") or "cma-data").expanduser().resolve()
        database_url = env.get("CMA_DATABASE_URL") or f"sqlite:///{data_dir / 'cma.db'}"
        if not database_url.startswith(("postgresql", "sqlite")):
            raise SettingsError("CMA_DATABASE_URL must be a postgresql:// or sqlite:/// URL")
        secret = env.get("CMA_SECRET_KEY") or _embedded_secret(data_dir, database_url)
        if len(secret) < _MIN_SECRET:
            raise SettingsError(f"CMA_SECRET_KEY must be at least {_MIN_SECRET} characters")
        return cls(
            data_dir=data_dir,
            database_url=database_url,
            redis_url=env.get("CMA_REDIS_URL") or None,
            redis_namespace=env.get("CMA_REDIS_NAMESPACE") or "cma",
            secret_key=secret,
            access_token_ttl_seconds=_int(env, "CMA_ACCESS_TOKEN_TTL", 900),
            db_pool_size=_int(env, "CMA_DB_POOL_SIZE", 8),
            db_max_overflow=_int(env, "CMA_DB_MAX_OVERFLOW", 0),
            database_app_role=_app_role(env),
            cors_origins=tuple(
                o.strip() for o in env.get("CMA_CORS_ORIGINS", "").split(",") if o.strip()
            ),
            argon2_time_cost=_opt_int(env, "CMA_ARGON2_TIME_COST"),
            argon2_memory_cost=_opt_int(env, "CMA_ARGON2_MEMORY_COST"),
            log_level=env.get("CMA_LOG_LEVEL", "INFO").upper(),
            max_request_bytes=_int(env, "CMA_MAX_REQUEST_BYTES", 10 * 1024 * 1024),
            refresh_token_ttl_seconds=_int(env, "CMA_REFRESH_TOKEN_TTL", 14 * 24 * 3600),
            login_max_failures=_int(env, "CMA_LOGIN_MAX_FAILURES", 5) or 5,
            login_window_seconds=_int(env, "CMA_LOGIN_WINDOW", 900) or 900,
            max_document_bytes=_int(env, "CMA_MAX_DOCUMENT_BYTES", 25 * 1024 * 1024),
            s3_bucket=env.get("CMA_S3_BUCKET") or None,
            s3_endpoint_url=env.get("CMA_S3_ENDPOINT_URL") or None,
            s3_region=env.get("CMA_S3_REGION") or None,
            openai_api_key=env.get("CMA_OPENAI_API_KEY") or None,
            openai_base_url=env.get("CMA_OPENAI_BASE_URL") or None,
            openai_model=env.get("CMA_OPENAI_MODEL") or "gpt-4o-mini",
            field_ranker=_on_off(env, "CMA_FIELD_RANKER", default=True),
            ocr_direct=_on_off(env, "CMA_OCR_DIRECT", default=True),
            ocr_concurrency=_opt_int(env, "CMA_OCR_CONCURRENCY"),
            document_processing_timeout_seconds=(
                _int(env, "CMA_DOCUMENT_PROCESSING_TIMEOUT", 900) or 900
            ),
            document_queue_timeout_seconds=(_int(env, "CMA_DOCUMENT_QUEUE_TIMEOUT", 3600) or 3600),
            letter_font_dir=Path(env["CMA_LETTER_FONT_DIR"])
            if env.get("CMA_LETTER_FONT_DIR")
            else None,
            outbox_redeliver_after_seconds=_int(env, "CMA_OUTBOX_REDELIVER_AFTER", 300) or 300,
            worker_redelivery_seconds=_int(env, "CMA_WORKER_REDELIVERY_SECONDS", 60) or 60,
            worker_batch=max(1, _int(env, "CMA_WORKER_BATCH", 256) or 256),
            worker_claim_seconds=_int(
                env,
                "CMA_WORKER_CLAIM_SECONDS",
                _int(env, "CMA_WORKER_REDELIVERY_SECONDS", 60) or 60,
            ),
            read_your_writes_wait_ms=_int(env, "CMA_READ_YOUR_WRITES_WAIT_MS", 1000),
            **_scheduling(env),
            **_protection(env, data_dir),
            **_search(env, database_url),
            **_audit(env, database_url),
            web_dir=Path(env["CMA_WEB_DIR"]) if env.get("CMA_WEB_DIR") else _WEB_DIST,
        )


def _on_off(env: Mapping[str, str], name: str, *, default: bool) -> bool:
    raw = (env.get(name) or "").strip().lower()
    if not raw:
        return default
    if raw not in {"on", "off"}:
        raise SettingsError(f"{name} must be on or off")
    return raw == "on"


def _audit(env: Mapping[str, str], database_url: str) -> dict[str, Any]:
    seal = (env.get("CMA_AUDIT_SEAL") or "").strip().lower()
    if not seal:
        seal = "inline" if database_url.startswith("sqlite") else "later"
    if seal not in {"later", "inline"}:
        raise SettingsError("CMA_AUDIT_SEAL must be later or inline")
    every = env.get("CMA_AUDIT_SEAL_EVERY") or "1"
    try:
        seconds = float(every)
    except ValueError:
        seconds = 0.0
    if not 0.05 <= seconds <= 3600:
        raise SettingsError("CMA_AUDIT_SEAL_EVERY must be seconds between 0.05 and 3600")
    synchronous = (env.get("CMA_SQLITE_SYNCHRONOUS") or "full").strip().lower()
    if synchronous not in {"full", "normal"}:
        raise SettingsError("CMA_SQLITE_SYNCHRONOUS must be full or normal")
    return {
        "audit_seal": seal,
        "audit_seal_every_seconds": seconds,
        "sqlite_synchronous": synchronous,
    }


def _search(env: Mapping[str, str], database_url: str) -> dict[str, Any]:
    backend = (env.get("CMA_SEARCH_BACKEND") or "").strip().lower()
    if not backend:
        backend = "sqlite" if database_url.startswith("sqlite") else "postgres"
    if backend not in {"sqlite", "postgres", "elasticsearch"}:
        raise SettingsError("CMA_SEARCH_BACKEND must be sqlite, postgres or elasticsearch")
    if backend == "postgres" and not database_url.startswith("postgresql"):
        raise SettingsError("CMA_SEARCH_BACKEND=postgres needs a PostgreSQL CMA_DATABASE_URL")
    url = env.get("CMA_SEARCH_URL") or None
    if backend == "elasticsearch" and not url:
        raise SettingsError("CMA_SEARCH_BACKEND=elasticsearch needs CMA_SEARCH_URL")
    return {
        "search_backend": backend,
        "search_url": url,
        "search_index": env.get("CMA_SEARCH_INDEX") or "cma-search",
        "search_plain_json": env.get("CMA_SEARCH_PLAIN_JSON", "").lower() in {"1", "true", "yes"},
    }


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None
    if value < 0:
        raise SettingsError(f"{name} must not be negative")
    return value


def _app_role(env: Mapping[str, str]) -> str | None:
    """``CMA_DATABASE_APP_ROLE``: unset means ``cma_app``, empty turns the switch off."""
    from cma_adapters.sqlalchemy.rls import DEFAULT_APP_ROLE, check_role_name

    raw = env.get("CMA_DATABASE_APP_ROLE", DEFAULT_APP_ROLE).strip()
    if not raw:
        return None
    try:
        return check_role_name(raw)
    except ValueError as exc:
        raise SettingsError(f"CMA_DATABASE_APP_ROLE: {exc}") from None


def _opt_int(env: Mapping[str, str], name: str) -> int | None:
    return _int(env, name, 0) or None


def _embedded_secret(data_dir: Path, database_url: str) -> str:
    """The embedded default keeps a generated key in the data dir so tokens survive restarts.

    A server database without CMA_SECRET_KEY is a misconfiguration, not something to paper
    over: every API process must share one key.
    """
    if not database_url.startswith("sqlite"):
        raise SettingsError("CMA_SECRET_KEY must be set when CMA_DATABASE_URL is a server")
    path = data_dir / "secret.key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    return key


def _protection(env: Mapping[str, str], data_dir: Path) -> dict[str, Any]:
    """CMA_ settings of field encryption and rate limits (docs/SECURITY.md)."""
    provider = (env.get("CMA_KEY_PROVIDER") or "local").lower()
    if provider not in {"local", "aws-kms"}:
        raise SettingsError("CMA_KEY_PROVIDER must be local or aws-kms")
    kms_key_id = env.get("CMA_KMS_KEY_ID") or None
    if provider == "aws-kms" and not kms_key_id:
        raise SettingsError("CMA_KMS_KEY_ID must be set when CMA_KEY_PROVIDER=aws-kms")
    keyring = env.get("CMA_KEYRING_PATH")
    return {
        "key_provider": provider,
        "keyring_path": Path(keyring).expanduser().resolve()
        if keyring
        else data_dir / "keyring.key",
        "keyring_named": bool(keyring or env.get("CMA_DATA_DIR")),
        "kms_key_id": kms_key_id,
        "kms_region": env.get("CMA_KMS_REGION") or None,
        "kms_endpoint_url": env.get("CMA_KMS_ENDPOINT_URL") or None,
        "data_key_cache_ttl_seconds": _int(env, "CMA_DATA_KEY_CACHE_TTL", 300),
        "rate_limit_per_minute": _int(env, "CMA_RATE_LIMIT_PER_MINUTE", 600),
        "rate_limit_per_ip_per_minute": _int(env, "CMA_RATE_LIMIT_PER_IP_PER_MINUTE", 1200),
        "login_max_delay_seconds": _int(env, "CMA_LOGIN_MAX_DELAY", 300) or 300,
        "login_address_max_failures": _int(env, "CMA_LOGIN_ADDRESS_MAX_FAILURES", 100) or 100,
        "trusted_proxies": _networks(env.get("CMA_TRUSTED_PROXIES", "")),
        "session_check_seconds": _int(env, "CMA_SESSION_CHECK_SECONDS", 5),
        "reauth_max_age_seconds": _int(env, "CMA_REAUTH_MAX_AGE", 900),
        "password_reset_ttl_seconds": _int(env, "CMA_PASSWORD_RESET_TTL", 1800) or 1800,
        "password_reset_link": env.get("CMA_PASSWORD_RESET_LINK", ""),
    }


def _networks(raw: str) -> tuple[str, ...]:
    """``CMA_TRUSTED_PROXIES``: comma-separated addresses or CIDRs (``10.0.0.0/8``)."""
    import ipaddress

    out: list[str] = []
    for part in (p.strip() for p in raw.split(",")):
        if not part:
            continue
        try:
            out.append(str(ipaddress.ip_network(part, strict=False)))
        except ValueError:
            raise SettingsError(
                f"CMA_TRUSTED_PROXIES: {part!r} is not an address or CIDR network"
            ) from None
    return tuple(out)


def _scheduling(env: Mapping[str, str]) -> dict[str, Any]:
    """CMA_ settings of the case clock (jurisdiction, SMTP, SMS provider, reminders)."""
    jurisdiction = (env.get("CMA_JURISDICTION") or "EW").upper()
    if jurisdiction not in {"EW", "SCO", "NI"}:
        raise SettingsError("CMA_JURISDICTION must be EW, SCO or NI")

    def offsets(name: str, default: str, unit_seconds: bool) -> tuple[int, ...]:
        out: list[int] = []
        for part in (env.get(name) or default).split(","):
            token = part.strip().lower()
            if not token:
                continue
            scale = 1
            if unit_seconds and token[-1] in "dhm":
                scale = {"d": 86_400, "h": 3_600, "m": 60}[token[-1]]
                token = token[:-1]
            if not token.isdigit():
                raise SettingsError(f"{name} must be a comma-separated list like {default!r}")
            out.append(int(token) * scale)
        return tuple(out)

    return {
        "jurisdiction": jurisdiction,
        "smtp_host": env.get("CMA_SMTP_HOST") or None,
        "smtp_port": _int(env, "CMA_SMTP_PORT", 587),
        "smtp_from": env.get("CMA_SMTP_FROM") or "cma@localhost",
        "smtp_username": env.get("CMA_SMTP_USERNAME") or None,
        "smtp_password": env.get("CMA_SMTP_PASSWORD") or None,
        "smtp_starttls": (env.get("CMA_SMTP_STARTTLS") or "").lower() in {"1", "true", "yes"},
        "sms_provider_url": env.get("CMA_SMS_PROVIDER_URL") or None,
        "sms_provider_token": env.get("CMA_SMS_PROVIDER_TOKEN") or None,
        "reminder_appointment_offsets": offsets("CMA_REMINDER_OFFSETS", "1d,2h", True),
        "reminder_deadline_days": offsets("CMA_REMINDER_DEADLINE_DAYS", "7,2,0", False),
        "scheduler_interval_seconds": _int(env, "CMA_SCHEDULER_INTERVAL", 60) or 60,
    }
