"""The composition root: the one place that picks adapters, from settings.

One container class serves the HTTP app, the worker and the CLI. Tests override providers
(``container.clock.override(...)``) rather than patching modules.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import os
import socket
import uuid
from collections.abc import Sequence
from typing import Any

from dependency_injector import containers, providers

# The worker's actor and queue names, which the publisher sends to (re-exported for it).
from cma_adapters.jobs.inprocess import InProcessEventPublisher
from cma_adapters.jobs.names import DISPATCH_ACTOR as DISPATCH_ACTOR
from cma_adapters.jobs.names import EVENTS_QUEUE as EVENTS_QUEUE
from cma_adapters.memory import SystemClock
from cma_adapters.re2 import Re2PatternEngine
from cma_adapters.security import (
    Argon2PasswordHasher,
    InMemoryLoginThrottle,
    InMemoryRateLimiter,
    InMemorySessionRevocations,
    PyOtpOneTimePasswords,
    RedisLoginThrottle,
    RedisRateLimiter,
    RedisSessionRevocations,
)
from cma_adapters.sqlalchemy import (
    SqlAlchemyIdentityStore,
    SqlAlchemyPasswordResetStore,
    SqlAlchemyRefreshTokenStore,
    SqlAlchemyUnitOfWorkFactory,
    create_engine_for,
)
from cma_adapters.sqlalchemy import privacy as sql_privacy
from cma_adapters.sqlalchemy.compliance import CaseFileReadAhead
from cma_adapters.sqlalchemy.factories import repository_factories
from cma_adapters.sqlalchemy.rotation import SqlAlchemyKeyRotation
from cma_core.advice.service import AdviceService, LetterService
from cma_core.audit.service import AuditSealer, AuditService, AuditTrail
from cma_core.budgets.reference_admin import ReferenceAdminService
from cma_core.budgets.service import BudgetService, ReferenceService
from cma_core.cases.service import CaseService
from cma_core.casework.registers import CaseRegisterService
from cma_core.casework.service import CaseworkService
from cma_core.clients.service import ClientService
from cma_core.compliance.ports import CaseFileSources
from cma_core.compliance.records import CaseworkSources
from cma_core.compliance.service import ComplianceService
from cma_core.debts.service import DebtService
from cma_core.documents.service import (
    DocumentJobs,
    DocumentService,
    DocumentSweep,
)
from cma_core.identity.accounts import AccountService
from cma_core.identity.blind_index import blind_index
from cma_core.identity.directory import StaffDirectory
from cma_core.identity.gate import SessionGate
from cma_core.identity.service import IdentityService, SessionService
from cma_core.privacy.ports import (
    AdviceRecordSources,
    CaseworkRecordSources,
    SchedulingRecordSources,
)
from cma_core.privacy.retention import RetentionService
from cma_core.privacy.rights import DataRightsService, PrivacyRecordsReader
from cma_core.privacy.service import PrivacyService
from cma_core.readmodels.service import CaseListProjection, CaseListQuery
from cma_core.readmodels.timeline import CaseTimelineProjection, CaseTimelineQuery
from cma_core.readmodels.workqueue import WorkQueueProjection, WorkQueueQuery
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.service import CentreProfileService
from cma_core.scheduling.service import Scheduler, SchedulingConfig, SchedulingService
from cma_core.search.service import SearchJobs, SearchService
from cma_core.search.terms import SearchKey
from cma_core.shared.handlers import EventHandlers, OutboxRelay
from cma_core.solutions.service import AppraisalService
from cma_core.tasks.service import TaskJobs, TaskService
from cma_entrypoints.observability.metrics import TimedTextExtractor, count_duplicate_delivery
from cma_entrypoints.settings import Settings

# Heavy adapters are imported when first built, not when this module is: the HTTP API
# serves most requests without PDF rendering (fpdf2, numpy, Pillow), OCR (pytesseract,
# pypdfium2), the SFS schemas (xmlschema) or Redis (dramatiq's broker), and each of those
# costs megabytes of resident memory in every API process (issue 15: API memory).


def _publisher(settings: Settings, broker: Any, handlers: providers.Provider[Any]) -> Any:
    if settings.redis_url:
        from cma_adapters.jobs.dramatiq_publisher import DramatiqEventPublisher

        return DramatiqEventPublisher(broker)
    return InProcessEventPublisher(handlers)


def _login_throttle(settings: Settings) -> Any:
    options: dict[str, Any] = {
        "limit": settings.login_max_failures,
        "window_seconds": settings.login_window_seconds,
        "max_delay_seconds": settings.login_max_delay_seconds,
        "address_limit": settings.login_address_max_failures,
    }
    if settings.redis_url:
        return RedisLoginThrottle.from_url(
            settings.redis_url, namespace=settings.redis_namespace, **options
        )
    return InMemoryLoginThrottle(**options)


def _session_revocations(settings: Settings) -> Any:
    if settings.redis_url:
        return RedisSessionRevocations.from_url(
            settings.redis_url, namespace=settings.redis_namespace
        )
    return InMemorySessionRevocations()


def _breached_passwords() -> Any:
    from cma_adapters.security.breached import BreachedPasswords

    return BreachedPasswords()


def _account_mail(notifier: Any) -> Any:
    from cma_adapters.notify.account_mail import NotifierAccountMail

    return NotifierAccountMail(notifier)


def _reset_requests(settings: Settings, engine: Any) -> Any:
    from cma_adapters.sqlalchemy.identity import SqlAlchemyResetRequestQueue, reset_request_key

    return SqlAlchemyResetRequestQueue(engine, reset_request_key(settings.secret_key))


def _reset_kick(settings: Settings, container: Any) -> Any:
    """With a worker (Redis), its periodic run mails queued resets; the embedded default
    mails them in a background task after the request has answered."""
    if settings.redis_url:
        return None
    from cma_adapters.jobs.inprocess import BackgroundKick

    return BackgroundKick(
        lambda: container.accounts().send_requested_resets(), "cma-password-reset-mail"
    )


def _rate_limiter(settings: Settings) -> Any:
    if settings.redis_url:
        return RedisRateLimiter.from_url(settings.redis_url, namespace=settings.redis_namespace)
    return InMemoryRateLimiter()


def _email_index(settings: Settings) -> Any:
    """Blind index of sign-in emails for the audit trail and throttle keys, under a key
    derived from the deployment secret (never the email itself)."""
    key = hmac.new(settings.secret_key.encode(), b"cma/login-email-index", "sha256").digest()
    return functools.partial(blind_index, key, purpose="login-email")


def _recovery_digest(settings: Settings) -> Any:
    """Digests of recovery codes: HMAC-SHA256 (stdlib ``hmac``, the blind index's
    primitive) under a key derived from the deployment secret, bound to the user. Keyed
    rather than argon2: a code carries 50 random bits, so a slow hash adds nothing a key
    does not, while one lookup replaces ten argon2 checks per attempt; and a database
    copy alone cannot be searched. Changing ``CMA_SECRET_KEY`` voids every code (users
    regenerate; an admin can reset a lost factor)."""
    key = hmac.new(settings.secret_key.encode(), b"cma/recovery-codes", "sha256").digest()

    def digest(user_id: Any, code: str) -> str:
        return hmac.digest(key, f"{user_id}\x00{code}".encode(), "sha256").hex()

    return digest


def key_management(settings: Settings) -> Any:
    """The master-key service that wraps the centres' data keys (migration 0302 uses it
    too, to encrypt rows written before it)."""
    if settings.key_provider == "aws-kms":
        from cma_adapters.keys import AwsKmsKeyManagement

        return AwsKmsKeyManagement(
            settings.kms_key_id or "",
            region_name=settings.kms_region,
            endpoint_url=settings.kms_endpoint_url,
        )
    from cma_adapters.keys import LocalKeyringKeyManagement

    return LocalKeyringKeyManagement(settings.keyring_path or settings.data_dir / "keyring.key")


def migration_key_management(settings: Settings) -> Any:
    """The key management a migration encrypting existing rows (0302) must use: the
    application's own, and on a server database only where the keyring was named, rather
    than a guessed place for the only copy of the master key."""
    if settings.key_provider == "local" and not settings.embedded and not settings.keyring_named:
        raise RuntimeError(
            "0302 must encrypt existing client rows: set CMA_KEYRING_PATH (or CMA_DATA_DIR) "
            "to where the application's keyring lives, or CMA_KEY_PROVIDER=aws-kms with "
            "CMA_KMS_KEY_ID; nothing was changed"
        )
    return key_management(settings)


def migrate_database(settings: Settings) -> None:
    """Bring the schema up to date (``cma migrate``), handing the migrations the key
    management they need to encrypt rows written before field encryption (0302)."""
    from cma_adapters.sqlalchemy.migrate import upgrade

    upgrade(
        settings.database_url,
        app_role=settings.database_app_role,
        key_management=lambda: migration_key_management(settings),
    )


def _refresh_ttl(settings: Settings) -> dt.timedelta:
    return dt.timedelta(seconds=settings.refresh_token_ttl_seconds)


def _reset_ttl(settings: Settings) -> dt.timedelta:
    return dt.timedelta(seconds=settings.password_reset_ttl_seconds)


def _broker(settings: Settings) -> Any:
    if not settings.redis_url:
        return None
    from cma_adapters.jobs.dramatiq_publisher import make_redis_broker

    return make_redis_broker(
        settings.redis_url,
        namespace=settings.redis_namespace,
        redelivery_seconds=settings.worker_redelivery_seconds,
    )


def _text_extractor(max_concurrency: int, direct: bool = True) -> Any:
    from cma_adapters.tesseract import TesseractTextExtractor

    return TesseractTextExtractor(max_concurrency=max_concurrency, direct=direct)


class TextExtractorOnFirstUse:
    """The Tesseract extractor, built when the first document is read: its libraries
    (Pillow, numpy, pypdfium2, pytesseract) cost every worker about 20 MB at idle, and the
    worker builds the document handlers at start (issue 15: <= 150 MB idle)."""

    def __init__(self, max_concurrency: int, direct: bool = True) -> None:
        self._max_concurrency = max_concurrency
        self._direct = direct
        self._inner: Any = None

    async def extract(self, data: bytes, content_type: Any) -> Any:
        if self._inner is None:
            self._inner = _text_extractor(self._max_concurrency, self._direct)
        return await self._inner.extract(data, content_type)


def _holidays() -> Any:
    from cma_adapters.holidays_calendar import HolidaysLibraryProvider

    return HolidaysLibraryProvider()


def _sfs_codec() -> Any:
    from cma_adapters.sfs import SfsDdsCodec

    return SfsDdsCodec()


def _letter_renderer(font_dir: Any) -> Any:
    from cma_adapters.letters import JinjaLetterRenderer

    return JinjaLetterRenderer(font_dir)


def _letter_page(letter: Any) -> str:
    """The letter as a whole HTML page (``cma_adapters.letters.full_html``)."""
    from cma_adapters.letters import full_html

    return full_html(letter)


def _document_store(settings: Settings, uow: Any) -> Any:
    """The configured store (S3 or the local folder) inside the sealing layer: files are
    kept encrypted with the centre's data key on either (issue 13, ASVS V8)."""
    from cma_adapters.sealed_files import SealedDocumentStore
    from cma_adapters.sqlalchemy.file_keys import SqlAlchemyFileKeys

    # A key of its own for download links, derived so it changes with CMA_SECRET_KEY.
    key = hashlib.sha256(b"cma-document-links:" + settings.secret_key.encode()).digest()
    inner: Any
    if settings.s3_bucket:
        from cma_adapters.s3 import S3DocumentStore

        inner = S3DocumentStore(
            settings.s3_bucket,
            endpoint_url=settings.s3_endpoint_url,
            region_name=settings.s3_region,
        )
    else:
        from cma_adapters.localfs import LocalFolderDocumentStore

        inner = LocalFolderDocumentStore(settings.data_dir / "documents", signing_key=key)
    return SealedDocumentStore(inner, SqlAlchemyFileKeys(uow), signing_key=key)


def _page_renderer() -> Any:
    from cma_adapters.tesseract.pages import PdfiumPillowPageRenderer

    return PdfiumPillowPageRenderer()


def _assistant(settings: Settings) -> Any:
    if settings.openai_api_key:
        from cma_adapters.openai_assistant import OpenAIAssistant

        return OpenAIAssistant(
            api_key=settings.openai_api_key,
            model=settings.openai_model,
            base_url=settings.openai_base_url,
        )
    from cma_adapters.rules_assistant import RuleBasedAssistant

    trained = classifier_path(settings)
    categoriser = categoriser_path(settings)
    ranked = field_ranker_path(settings)
    return RuleBasedAssistant(
        model_path=trained if trained.is_file() else None,
        categoriser_path=categoriser if categoriser.is_file() else None,
        centre_models=centre_models_path(settings),
        field_ranker=(ranked if ranked.is_file() else "shipped") if settings.field_ranker else None,
    )


def centre_models_path(settings: Settings) -> Any:
    """Where ``cma assistant train --centre`` writes each centre's own artefacts."""
    return settings.data_dir / "assistant" / "centres"


def categoriser_path(settings: Settings) -> Any:
    """Where ``cma assistant train`` writes the transaction categoriser for this install."""
    return settings.data_dir / "transaction_categoriser.json"


def field_ranker_path(settings: Settings) -> Any:
    """Where ``cma assistant train --field-ranker`` writes the learned field ranker; the
    assistant uses it instead of the shipped one when it is there (``CMA_FIELD_RANKER=off``:
    neither, the rules alone)."""
    return settings.data_dir / "field_ranker.json"


def classifier_path(settings: Settings) -> Any:
    """Where ``cma assistant train`` writes the document classifier for this install
    (used instead of the shipped one when present)."""
    return settings.data_dir / "document_classifier.json"


def train_document_classifier(
    *,
    version: str,
    output: Any,
    per_family: int = 25,
    seed: int = 14,
    c: float | None = None,
    statements_count: int = 60,
    examples: Any = None,
    learn_labels: bool = False,
    field_ranker: str | None = None,
    ranker_c: float | None = None,
) -> dict[str, Any]:
    """Train the embedded assistant's classifier on the generated corpus (seen layout
    families), write it as JSON to ``output`` and return its held-out report.

    ``examples``: advisers' labelled examples (``cma_core.documents.learning.TrainingSet``,
    a centre's or several centres' pooled): added to the corpus, with the shipped model's
    regularisation and temperature (no cross-validation run). The report then also says
    how the model the centre used before and the new one read those examples' documents
    (the new one has seen them: a training figure, not a held-out one).

    ``learn_labels`` (a centre's own training): the label words its corrections teach
    the reader are written beside the classifier (``label_learning``).

    ``field_ranker`` (``"alone"``, ``"blended"`` or ``"randomised"``): also train the
    learned field ranker (``ranker_training``; blended: the rules' scores are among its
    features; randomised: blended, with ``RANDOMISED_PAGES`` randomised pages training its
    creditor and letter's date, ``ranker_random``, round 24: not the shipped choice) and
    write it beside the classifier, where the assistant then uses it; ``ranker_c`` its
    regularisation (default: chosen from ``ranker_training.GRID`` by leaving each family
    out)."""
    from cma_adapters.rules_assistant import classifier, statements

    extra = [(text, cls.value) for text, cls in examples.documents] if examples else []
    payees = (
        [(statements.categoriser_text(p, income), line) for p, income, line in examples.payees]
        if examples
        else []
    )
    before = classifier.shipped()
    if examples is not None and c is None and before is not None:
        result = classifier.train_from_corpus(
            version=version, per_family=per_family, seed=seed, c=float(before.report["c"]),
            temperature=before.temperature, calibration=before.calibration, extra=extra,
        )  # fmt: skip
    else:
        result = classifier.train_from_corpus(
            version=version, per_family=per_family, seed=seed, c=c, extra=extra,
            calibration=before.calibration if examples is not None and before else None,
        )  # fmt: skip
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(classifier.to_json(result.model), encoding="utf-8")
    categoriser = statements.train_categoriser(
        version=version, seed=seed, statements=statements_count, extra=payees
    )
    categoriser_output = output.with_name(statements.ARTEFACT)
    categoriser_output.write_text(classifier.to_json(categoriser.model), encoding="utf-8")
    report: dict[str, Any] = {
        **result.model.report,
        "version": version,
        "confusion": result.confusion,
        "categoriser": {
            **categoriser.model.report,
            "output": str(categoriser_output),
            "confusion": categoriser.confusion,
        },
    }
    if examples is not None:
        report["examples"] = {
            "recorded": examples.examples,
            "documents": len(extra),
            "payees": len(payees),
            "documents_gone": examples.missing_documents,
            "accuracy_before": _accuracy(before, extra),
            "accuracy_after": _accuracy(result.model, extra),
        }
    if examples is not None and learn_labels:
        from cma_adapters.rules_assistant import label_learning

        learned = label_learning.learn(examples.values, result.model.vocabulary)
        labels_output = output.with_name(label_learning.ARTEFACT)
        labels_output.write_text(label_learning.to_json(learned), encoding="utf-8")
        report["labels"] = {
            "output": str(labels_output),
            "values": len(examples.values),
            "learned": {field: len(found) for field, found in learned.items()},
        }
    if field_ranker is not None:
        from cma_adapters.rules_assistant import ranker, ranker_training

        size = max(per_family // 4, 1)  # (25, the default: 6 a family and class)
        fitted = ranker_training.train(
            version=version,
            per_family=size,
            read_per_class=size,
            seed=seed,
            rules=field_ranker != "alone",
            randomised=RANDOMISED_PAGES if field_ranker == "randomised" else 0,
            c=ranker_c,
        )
        ranker_output = output.with_name(ranker.ARTEFACT)
        ranker_output.write_text(ranker.to_json(fitted), encoding="utf-8")
        report["field_ranker"] = {**fitted.report, "output": str(ranker_output)}
    return report


#: How many randomised pages ``--field-ranker randomised`` trains on (round 24).
RANDOMISED_PAGES = 600


async def training_examples(container: Any, centre_ids: Any) -> Any:
    """The labelled examples of each centre in ``centre_ids`` (one unit of work per centre,
    under its Row Level Security), as one ``TrainingSet``. ``NotFound`` (centre) for an
    unknown centre."""
    from cma_core.documents.learning import TrainingSet, training_set
    from cma_core.shared.errors import NotFound

    known = {c.id for c in await container.identity_store().list_centres()}
    factories = repository_factories("examples", "documents")
    sets = []
    for centre_id in centre_ids:
        if centre_id not in known:
            raise NotFound("centre", str(centre_id))
        async with container.uow()(centre_id) as uow:
            sets.append(
                await training_set(uow, factories["examples"](uow), factories["documents"](uow))
            )
    return TrainingSet(
        documents=tuple(d for s in sets for d in s.documents),
        payees=tuple(p for s in sets for p in s.payees),
        examples=sum(s.examples for s in sets),
        missing_documents=sum(s.missing_documents for s in sets),
        values=tuple(v for s in sets for v in s.values),
    )


def _accuracy(model: Any, labelled: list[tuple[str, str]]) -> float | None:
    if model is None or not labelled:
        return None
    right = sum(model.predict_label(text)[0] == label for text, label in labelled)
    return round(float(right) / len(labelled), 4)


def _default_jurisdiction(settings: Settings) -> Jurisdiction:
    """The deployment's jurisdiction: a centre's until its profile names its own."""
    return Jurisdiction(settings.jurisdiction)


def _scheduling_config(settings: Settings) -> SchedulingConfig:
    import datetime as _dt

    from cma_core.reference.jurisdiction import Jurisdiction
    from cma_core.scheduling.reminders import ReminderPolicy

    return SchedulingConfig(
        jurisdiction=Jurisdiction(settings.jurisdiction),
        reminders=ReminderPolicy(
            appointment_offsets=tuple(
                _dt.timedelta(seconds=s) for s in settings.reminder_appointment_offsets
            ),
            deadline_offsets_days=settings.reminder_deadline_days,
        ),
    )


def outbox_messages(settings: Settings, names: Sequence[str] = ()) -> list[tuple[str, bytes]]:
    """The outbox folder's messages (``names``, or every one oldest first), opened with the
    deployment's outbox key: ``(file name, message bytes)``. ``ValueError`` for a name not
    in the folder or a file that does not open."""
    from cma_adapters.notify.folder import outbox_key, read_message

    folder = settings.data_dir / "outbox"
    if names:
        paths = []
        for name in names:
            path = folder / name
            if path.name != name or not path.is_file():
                raise ValueError(f"no message {name!r} in {folder}")
            paths.append(path)
    else:
        found = folder.glob("*") if folder.is_dir() else iter(())
        paths = sorted(
            (p for p in found if p.is_file() and not p.name.endswith(".tmp")),
            key=lambda p: (p.stat().st_mtime, p.name),
        )
    key = outbox_key(settings.secret_key)
    return [(p.name, read_message(p, key)) for p in paths]


def _notifier(settings: Settings) -> Any:
    """SMTP / SMS provider when configured; every other channel goes to the outbox folder."""
    from cma_adapters.notify import (
        CompositeNotifier,
        HttpSmsNotifier,
        OutboxFolderNotifier,
        SmtpNotifier,
    )
    from cma_adapters.notify.folder import outbox_key
    from cma_core.scheduling.ports import NotifyChannel

    # Sealed with a key derived from CMA_SECRET_KEY (issue 13): `cma notify read` opens them.
    folder = OutboxFolderNotifier(
        settings.data_dir / "outbox",
        sender=settings.smtp_from,
        key=outbox_key(settings.secret_key),
    )
    email: Any = folder
    sms: Any = folder
    if settings.smtp_host:
        email = SmtpNotifier(
            settings.smtp_host,
            settings.smtp_port,
            sender=settings.smtp_from,
            username=settings.smtp_username,
            password=settings.smtp_password,
            starttls=settings.smtp_starttls,
        )
    if settings.sms_provider_url:
        sms = HttpSmsNotifier(settings.sms_provider_url, token=settings.sms_provider_token)
    return CompositeNotifier({NotifyChannel.EMAIL: email, NotifyChannel.SMS: sms})


def _processing_timeout(settings: Settings) -> dt.timedelta:
    return dt.timedelta(seconds=settings.document_processing_timeout_seconds)


def _queue_timeout(settings: Settings) -> dt.timedelta:
    return dt.timedelta(seconds=settings.document_queue_timeout_seconds)


def _search_index(settings: Settings, engine: Any) -> Any:
    """The search index the settings name (see ``Settings.search_backend``)."""
    if settings.search_backend == "elasticsearch":
        from cma_adapters.search_elastic import ElasticSearchIndex

        return ElasticSearchIndex(
            settings.search_url or "",
            index=settings.search_index,
            plain_json=settings.search_plain_json,
        )
    if settings.search_backend == "postgres":
        from cma_adapters.search_postgres import PostgresSearchIndex

        return PostgresSearchIndex(engine)
    from cma_adapters.search_sqlite import SqliteFtsSearchIndex

    return SqliteFtsSearchIndex(settings.data_dir / "search.sqlite3")


def _search_key(settings: Settings) -> SearchKey:
    """The key of the search index's blind tokens, derived from the deployment secret (a
    new CMA_SECRET_KEY needs ``cma projections rebuild``)."""
    return SearchKey(hmac.new(settings.secret_key.encode(), b"cma/search-key", "sha256").digest())


#: What each coalescing handler reads that another handler of the same batch writes (by
#: inbox name): it starts once those have finished (``EventHandlers.after``). The
#: initial-contact task writes a task and its audit entry; compliance writes the findings
#: the case list and the timeline show; the search handlers read no other handler's
#: writes. A handler not listed runs after every handler registered before it.
HANDLERS_READ: dict[str, frozenset[str]] = {
    "compliance.reevaluate": frozenset({"create_initial_contact_task"}),
    "case_list": frozenset({"create_initial_contact_task", "compliance.reevaluate"}),
    "case_timeline": frozenset({"create_initial_contact_task", "compliance.reevaluate"}),
    "work_queue": frozenset({"create_initial_contact_task"}),
    "search_client": frozenset(),
    "search_case": frozenset(),
    "search_note": frozenset(),
}


def _handler_concurrency(settings: Settings) -> int:
    """A batch's coalescing handlers at once: one on the embedded database (a single
    connection); on PostgreSQL up to 4, leaving the pool room for the API's requests."""
    return 1 if settings.embedded else max(1, min(4, settings.db_pool_size // 2))


def _claim_for(settings: Settings) -> dt.timedelta | None:
    """How long a worker's claim on its batch's events lasts (``CMA_WORKER_CLAIM_SECONDS``);
    none at 0."""
    seconds = settings.worker_claim_seconds
    return dt.timedelta(seconds=seconds) if seconds else None


def _claimant() -> str:
    """This process's name on the outbox rows its batches claim: host, pid and a random
    part (a restarted worker that gets the same pid is another claimant)."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def _registered(*areas: Any) -> tuple[Any, ...]:
    """The areas' event handler registrations (each area keys its own by event type), in
    the order they run for one event."""
    return tuple(h for area in areas for h in area.handlers())


class Container(containers.DeclarativeContainer):
    __self__ = providers.Self()
    settings = providers.Dependency(instance_of=Settings)

    clock = providers.Singleton(SystemClock)
    engine = providers.Singleton(
        create_engine_for,
        settings.provided.database_url,
        pool_size=settings.provided.db_pool_size,
        max_overflow=settings.provided.db_max_overflow,
        app_role=settings.provided.database_app_role,
        sqlite_synchronous=settings.provided.sqlite_synchronous,
    )
    broker = providers.Singleton(_broker, settings)
    hasher = providers.Singleton(
        Argon2PasswordHasher,
        time_cost=settings.provided.argon2_time_cost,
        memory_cost=settings.provided.argon2_memory_cost,
    )

    # The publisher needs the event handlers lazily (they use units of work that publish
    # through it): it receives the provider, not an instance. Filled in below the class.
    publisher = providers.Singleton(_publisher, settings, broker)
    keys = providers.Singleton(key_management, settings)
    identity_store = providers.Singleton(SqlAlchemyIdentityStore, engine, keys=keys)
    uow = providers.Singleton(
        SqlAlchemyUnitOfWorkFactory,
        engine,
        publisher,
        keys=keys,
        key_cache_ttl=settings.provided.data_key_cache_ttl_seconds,
        seal_views_later=providers.Callable(lambda s: s.audit_seal == "later", settings),
    )

    login_throttle = providers.Singleton(_login_throttle, settings)
    rate_limiter = providers.Singleton(_rate_limiter, settings)
    one_time_passwords = providers.Singleton(PyOtpOneTimePasswords)
    refresh_tokens = providers.Singleton(SqlAlchemyRefreshTokenStore, engine)
    identity = providers.Singleton(
        IdentityService,
        identity_store,
        hasher,
        clock,
        audit=providers.Singleton(AuditTrail, uow, clock),
        email_index=providers.Callable(_email_index, settings),
        recovery_digest=providers.Callable(_recovery_digest, settings),
        throttle=login_throttle,
        otp=one_time_passwords,
        breached=providers.Singleton(_breached_passwords),
    )
    session_revocations = providers.Singleton(_session_revocations, settings)
    session_gate = providers.Singleton(
        SessionGate,
        identity_store,
        refresh_tokens,
        session_revocations,
        cache_seconds=settings.provided.session_check_seconds,
    )
    sessions = providers.Singleton(
        SessionService,
        refresh_tokens,
        identity,
        clock,
        ttl=providers.Callable(_refresh_ttl, settings),
        revocations=session_revocations,
        access_ttl_seconds=settings.provided.access_token_ttl_seconds,
        on_ended=session_gate.provided.forget,
    )
    clients = providers.Singleton(ClientService, uow, clock, **repository_factories("clients"))
    cases = providers.Singleton(
        CaseService,
        uow,
        identity_store,
        clock,
        **repository_factories("cases", "clients"),
    )
    tasks = providers.Singleton(
        TaskService, uow, identity_store, clock, **repository_factories("tasks", "cases")
    )
    task_jobs = providers.Singleton(TaskJobs, clock, **repository_factories("tasks", "cases"))
    # A case view names its adviser: the centre's names are reused for 5 s (issue 15).
    directory = providers.Singleton(StaffDirectory, identity_store, names_ttl=5.0)
    audit = providers.Singleton(AuditService, uow, clock)
    document_store = providers.Singleton(_document_store, settings, uow)
    # Rotation re-seals the stored files too.
    key_rotation = providers.Singleton(
        SqlAlchemyKeyRotation, uow, files=document_store, identity=identity_store
    )
    # Timed for the ``cma_ocr_duration_seconds`` metric (observability.metrics).
    text_extractor = providers.Singleton(
        TimedTextExtractor,
        providers.Singleton(
            TextExtractorOnFirstUse,
            settings.provided.ocr_concurrency,
            settings.provided.ocr_direct,
        ),
    )
    assistant = providers.Singleton(_assistant, settings)
    page_renderer = providers.Singleton(_page_renderer)
    # Each repository joins a unit of work through its own factory (RepositoryFactory).
    documents = providers.Singleton(
        DocumentService,
        uow,
        document_store,
        assistant,
        clock,
        max_bytes=settings.provided.max_document_bytes,
        pages=page_renderer,
        **repository_factories(
            "cases", "tasks", "documents", "suggestions", "deadlines", "budgets", "examples"
        ),
    )
    # Users' regular expressions (creditors' reference formats): RE2, linear time.
    patterns = providers.Singleton(Re2PatternEngine)
    document_jobs = providers.Singleton(
        DocumentJobs,
        document_store,
        text_extractor,
        assistant,
        clock,
        **repository_factories("documents", "suggestions", "debts", "creditors"),
        patterns=patterns,
    )
    holidays = providers.Singleton(_holidays)
    scheduling_config = providers.Singleton(_scheduling_config, settings)
    notifier = providers.Singleton(_notifier, settings)
    reset_kick = providers.Singleton(_reset_kick, settings, __self__)
    accounts = providers.Singleton(
        AccountService,
        identity,
        sessions,
        providers.Singleton(SqlAlchemyPasswordResetStore, engine),
        clock,
        mail=providers.Singleton(_account_mail, notifier),
        limiter=rate_limiter,
        reset_ttl=providers.Callable(_reset_ttl, settings),
        reset_link=settings.provided.password_reset_link,
        requests=providers.Singleton(_reset_requests, settings, engine),
        kick=reset_kick,
    )
    scheduling = providers.Singleton(
        SchedulingService,
        uow,
        identity_store,
        clock,
        holidays,
        scheduling_config,
        **repository_factories(
            "cases",
            "clients",
            "tasks",
            "dated_facts",
            "deadlines",
            "appointments",
            "availability",
            "consents",
            "reminders",
            "closures",
            "written_advice_days",
            "facts",
            "centre_profiles",
            "reference",
            "centre_hours",
        ),
    )
    compliance = providers.Singleton(
        ComplianceService,
        uow,
        clock,
        holidays,
        scheduling_config,
        **repository_factories(
            "cases",
            "tasks",
            "deadlines",
            "closures",
            "findings",
            "qa",
            "policies",
            "staff_starts",
            "centre_profiles",
            "finding_history",
        ),
        advice=providers.Singleton(
            CaseFileSources,
            **repository_factories(
                "creditors",
                "debts",
                "facts",
                "budgets",
                "appraisals",
                "offers",
                "advice",
                "letters",
            ),
        ),
        casework=providers.Singleton(
            CaseworkSources,
            **repository_factories(
                "contacts",
                "checklists",
                "screenings",
                "credit_reports",
                "eligibility",
                "debts",
                "facts",
                "budgets",
                "offers",
                "reference",
                "settlements",
                "complaints",
                "breathing_spaces",
            ),
        ),
        privacy=providers.Singleton(
            PrivacyRecordsReader,
            requests=providers.Object(sql_privacy.data_subject_requests),
            holds=providers.Object(sql_privacy.legal_holds),
        ),
        read_ahead=providers.Singleton(CaseFileReadAhead),
    )
    scheduler = providers.Singleton(
        Scheduler,
        uow,
        identity_store,
        clock,
        notifier,
        scheduling_config,
        **repository_factories(
            "cases", "clients", "tasks", "deadlines", "appointments", "consents", "reminders"
        ),
    )
    # Search (issue 15): the index, the query use case and the projection feeding it.
    search_index = providers.Singleton(_search_index, settings, engine)
    search_key = providers.Singleton(_search_key, settings)
    search = providers.Singleton(
        SearchService, uow, search_index, search_key, clock, **repository_factories("clients")
    )
    search_jobs = providers.Singleton(
        SearchJobs,
        uow,
        search_index,
        search_key,
        **repository_factories("cases", "clients", "documents", "letters", "contacts"),
    )
    # The case list's read model (issue 15): kept by its handler, after compliance's (the
    # findings it reads are those the same event re-evaluated).
    case_list_projection = providers.Singleton(
        CaseListProjection,
        uow,
        clock,
        **repository_factories(
            "case_list_rows", "cases", "clients", "tasks", "deadlines", "findings"
        ),
    )
    case_list = providers.Singleton(
        CaseListQuery,
        uow,
        clock,
        case_list_projection,
        wait_seconds=providers.Callable(lambda s: s.read_your_writes_wait_ms / 1000, settings),
    )
    # Each case's timeline (issue 15): kept by its handler, after compliance's.
    case_timeline_projection = providers.Singleton(
        CaseTimelineProjection,
        uow,
        clock,
        **repository_factories(
            "case_timelines", "case_list_rows", "cases", "tasks", "deadlines", "appointments",
            "documents", "contacts", "letters", "debts", "findings",
        ),
    )  # fmt: skip
    case_timeline = providers.Singleton(
        CaseTimelineQuery,
        uow,
        clock,
        case_timeline_projection,
        wait_seconds=providers.Callable(lambda s: s.read_your_writes_wait_ms / 1000, settings),
    )
    # Each user's work queue (issue 15).
    work_queue_projection = providers.Singleton(
        WorkQueueProjection,
        uow,
        clock,
        **repository_factories(
            "work_queue_items", "case_list_rows", "cases", "tasks", "deadlines",
            "appointments", "suggestions",
        ),
    )  # fmt: skip
    work_queue = providers.Singleton(
        WorkQueueQuery,
        uow,
        clock,
        work_queue_projection,
        wait_seconds=providers.Callable(lambda s: s.read_your_writes_wait_ms / 1000, settings),
    )
    event_handlers = providers.Singleton(
        EventHandlers,
        uow,
        clock,
        registered=providers.Callable(
            _registered,
            task_jobs,
            scheduling,
            document_jobs,
            compliance,
            case_list_projection,
            case_timeline_projection,
            work_queue_projection,
            search_jobs,
        ),
        give_up_handlers=providers.Callable(lambda jobs: jobs.give_up_handlers(), document_jobs),
        on_duplicate=providers.Object(count_duplicate_delivery),
        concurrency=providers.Callable(_handler_concurrency, settings),
        after=providers.Object(HANDLERS_READ),
        claim_for=providers.Callable(_claim_for, settings),
        claimant=providers.Callable(_claimant),
    )
    document_sweep = providers.Singleton(
        DocumentSweep,
        uow,
        identity_store,
        clock,
        **repository_factories("documents", "suggestions"),
        timeout=providers.Callable(_processing_timeout, settings),
        queue_timeout=providers.Callable(_queue_timeout, settings),
    )
    # Links view entries written with ``seal_later`` into each centre's chain (issue 15).
    audit_sealer = providers.Singleton(AuditSealer, uow, identity_store)
    relay = providers.Singleton(
        OutboxRelay,
        uow,
        identity_store,
        publisher,
        clock,
        redeliver_after=providers.Callable(
            lambda s: dt.timedelta(seconds=s.outbox_redeliver_after_seconds), settings
        ),
    )
    # Debt advice (issue 4): debts, SFS budget, appraisal, offers, advice, letters.
    sfs_codec = providers.Singleton(_sfs_codec)
    letter_renderer = providers.Singleton(
        _letter_renderer, providers.Callable(lambda s: s.letter_font_dir, settings)
    )
    # A letter as a whole HTML page (the download): entrypoints reach adapters only here.
    letter_page = providers.Object(_letter_page)
    debts = providers.Singleton(
        DebtService,
        uow,
        clock,
        patterns=patterns,
        **repository_factories("cases", "creditors", "debts", "facts", "reference"),
    )
    budgets = providers.Singleton(
        BudgetService,
        uow,
        clock,
        sfs_codec,
        **repository_factories(
            "cases",
            "clients",
            "creditors",
            "debts",
            "budgets",
            "offers",
            "reference",
            "facts",
            "centre_profiles",
        ),
    )
    appraisals = providers.Singleton(
        AppraisalService,
        uow,
        clock,
        **repository_factories(
            "cases",
            "creditors",
            "debts",
            "facts",
            "budgets",
            "appraisals",
            "offers",
            "reference",
            "centre_profiles",
        ),
    )
    advice_records = providers.Singleton(
        AdviceService,
        uow,
        clock,
        appraisals,
        **repository_factories("cases", "budgets", "offers", "advice"),
    )
    letters = providers.Singleton(
        LetterService,
        uow,
        letter_renderer,
        clock,
        **repository_factories(
            "cases",
            "clients",
            "creditors",
            "debts",
            "budgets",
            "offers",
            "advice",
            "letter_templates",
            "letters",
            "facts",
            "centre_profiles",
        ),
        identity=identity_store,
        default_jurisdiction=providers.Callable(_default_jurisdiction, settings),
    )
    reference = providers.Singleton(
        ReferenceService, uow, clock, **repository_factories("reference")
    )
    # Guidelines imports and threshold overrides over the API (issue 12).
    reference_admin = providers.Singleton(
        ReferenceAdminService, uow, clock, **repository_factories("reference")
    )
    # The centre's letterhead and jurisdiction (issue 11).
    centre_profile = providers.Singleton(
        CentreProfileService,
        uow,
        identity_store,
        clock,
        providers.Callable(_default_jurisdiction, settings),
        **repository_factories("centre_profiles"),
    )
    # Casework records (issue 11): contact log, checklist, screening, credit reports.
    casework = providers.Singleton(
        CaseworkService,
        uow,
        clock,
        **repository_factories(
            "cases",
            "documents",
            "contacts",
            "checklists",
            "screenings",
            "credit_reports",
            "eligibility",
        ),
        debt_service=debts,
    )
    # Settlements (CR-19), complaints (CR-24) and Breathing Space (CR-15…17) of a case.
    case_registers = providers.Singleton(
        CaseRegisterService,
        uow,
        clock,
        providers.Callable(lambda c: c.timezone, scheduling_config),
        **repository_factories(
            "cases",
            "debts",
            "creditors",
            "documents",
            "settlements",
            "complaints",
            "breathing_spaces",
        ),
    )
    # Data-subject requests (CR-23) and legal holds (retention).
    data_rights = providers.Singleton(
        DataRightsService,
        uow,
        clock,
        holidays,
        scheduling_config,
        **repository_factories("cases", "clients", "closures"),
        requests=providers.Object(sql_privacy.data_subject_requests),
        holds=providers.Object(sql_privacy.legal_holds),
    )
    # Data protection: case deletion, client erasure, subject access export.
    privacy = providers.Singleton(
        PrivacyService,
        uow,
        providers.Object(sql_privacy.case_data_eraser),
        document_store,
        clock,
        **repository_factories("cases", "clients", "tasks", "documents", "suggestions"),
        advice=providers.Singleton(
            AdviceRecordSources,
            **repository_factories(
                "debts", "facts", "budgets", "appraisals", "offers", "advice", "letters"
            ),
        ),
        scheduling=providers.Singleton(
            SchedulingRecordSources,
            **repository_factories(
                "dated_facts", "deadlines", "appointments", "consents", "findings", "qa"
            ),
        ),
        casework=providers.Singleton(
            CaseworkRecordSources,
            **repository_factories(
                "contacts",
                "checklists",
                "screenings",
                "credit_reports",
                "eligibility",
                "settlements",
                "complaints",
                "breathing_spaces",
            ),
        ),
    )

    # Retention: closed files past the centre's period go through the erasure path.
    retention = providers.Singleton(
        RetentionService,
        uow,
        clock,
        privacy,
        compliance.provided.policy_in,
        providers.Callable(lambda c: c.timezone, scheduling_config),
        **repository_factories("cases"),
        holds=providers.Object(sql_privacy.legal_holds),
    )


Container.publisher.add_kwargs(handlers=Container.event_handlers.provider)
# Erasure removes the search index's copies as soon as it commits (events are the retry).
Container.privacy.add_kwargs(copies=providers.List(Container.search_index))
# Exports and erasures answer registered data-subject requests; legal holds stop erasure.
Container.privacy.add_kwargs(rights=Container.data_rights)

# Accepted new-debt suggestions go through the debts area (declared after documents).
Container.documents.add_kwargs(debts=Container.debts)
# Accepted deadlines become dated facts on the case clock (tracked deadlines, tasks); the
# classifier matches letters to the case's recorded debts (update, not add again).
Container.documents.add_kwargs(case_clock=Container.scheduling)
# Accepted income suggestions (payslips, benefit letters) set an SFS line of the budget.
Container.documents.add_kwargs(budget_lines=Container.budgets)
# A document read again as the kind the adviser says suggests as the worker would.
Container.documents.add_kwargs(reader=Container.document_jobs)


def build_container(settings: Settings | None = None) -> Container:
    return Container(settings=settings or Settings.from_env())


async def shutdown(container: Container) -> None:
    """Let in-process jobs finish (a grace period), then close pools. Safe to call when
    nothing was opened."""
    publisher = container.publisher()
    if isinstance(publisher, InProcessEventPublisher):
        await publisher.aclose()
    kick = container.reset_kick()
    if kick is not None:
        await kick.drain()
    close_index = getattr(container.search_index(), "close", None)
    if close_index is not None:
        await close_index()
    await container.engine().dispose()
