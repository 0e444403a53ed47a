"""Data protection use cases: delete a case, erase a client, export what is held on one.

**Erasure order.** Stored objects go first, one document per transaction (object, then its
record, then a ``document.erased`` audit entry), so a failure half way leaves no record
pointing at a deleted file and no file behind a deleted record: retrying the same request
finishes the job. The case and client rows, and every row under them, then go in one
transaction with the ``case.deleted`` / ``client.erased`` audit entries. A retry after a
completed erasure answers ``NotFound``.

**What stays.** Audit entries are append-only and hold ids, actions and field *names*
only (never values), so they stay: they are the record that the erasure happened. The
entries of an erasure carry the reason code and row counts, never free text (free text
could name the client, and could never be removed). Inbox rows hold event ids and handler
names only and stay, so a redelivered event is still recognised. Outbox events that name
the case or client are removed with it (their payloads are ids, codes and dates, but one
kind carries an adviser's free-text rejection reason). QA samples keep the drawn case ids
(no personal data); a review of a deleted case goes with the case.

**Subject access export.** Requires ``client:export`` *and* ``sensitive:read`` and
``finance:read``: a subject access request must be complete, so a role that could only
produce a partial copy is refused (403) rather than handed one that looks whole.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs
from attrs import define, field, frozen

from cma_core.audit.service import commit_audited, record_audit
from cma_core.cases.ports import CaseRepository
from cma_core.cases.service import case_scope
from cma_core.clients.model import Client
from cma_core.clients.ports import ClientRepository
from cma_core.documents.errors import ObjectNotFound
from cma_core.documents.model import Document, DocumentId
from cma_core.documents.ports import DocumentRepository, DocumentStore, SuggestionRepository
from cma_core.documents.storage import MAX_LINK_EXPIRY
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.privacy.events import CaseErased, ClientErased
from cma_core.privacy.ports import (
    AdviceRecordSources,
    CaseDataEraser,
    CaseworkRecordSources,
    ErasedCopies,
    SchedulingRecordSources,
)
from cma_core.privacy.requests import RequestKind
from cma_core.privacy.rights import DataRightsService
from cma_core.shared.clock import Clock
from cma_core.shared.errors import NotFound, ValidationError
from cma_core.shared.ids import CaseId, ClientId
from cma_core.shared.paging import every_item
from cma_core.shared.service import IdFactory, check_version
from cma_core.shared.uow import RepositoryFactory, UnitOfWork, UnitOfWorkFactory
from cma_core.tasks.ports import TaskRepository

EXPORT_FORMAT = "cma-subject-access/1"
DEFAULT_LINK_EXPIRY = dt.timedelta(minutes=10)

Progress = Callable[[int, int], None]
"""Called with (objects deleted so far, objects in all) as stored objects go."""


class ErasureReason(enum.StrEnum):
    """Why records are being removed: a code, never free text (it is kept in the
    append-only audit log, which could never be cleaned of a name typed into it)."""

    DATA_SUBJECT_REQUEST = "data_subject_request"
    """The client asked (UK GDPR Art. 17)."""
    RETENTION_EXPIRED = "retention_expired"
    """The centre's retention period for the record has ended."""
    CONSENT_WITHDRAWN = "consent_withdrawn"
    """The processing rested on consent, and it was withdrawn."""
    CREATED_IN_ERROR = "created_in_error"
    """Opened by mistake or a duplicate."""
    UNLAWFULLY_PROCESSED = "unlawfully_processed"
    """Held without a lawful basis (Art. 17(1)(d))."""


def parse_reason(value: str | None) -> ErasureReason:
    """The reason code, or ``ValidationError`` naming ``reason``."""
    if value is None or not value.strip():
        raise ValidationError(
            "reason", "required: one of " + ", ".join(r.value for r in ErasureReason)
        )
    try:
        return ErasureReason(value.strip().lower())
    except ValueError:
        raise ValidationError(
            "reason", "must be one of " + ", ".join(r.value for r in ErasureReason)
        ) from None


@frozen(kw_only=True)
class ErasureReport:
    """What an erasure removed: ids and counts, nothing personal."""

    entity_type: str
    entity_id: uuid.UUID
    reason: ErasureReason
    case_ids: tuple[CaseId, ...]
    objects_deleted: int
    rows: Mapping[str, int]
    at: dt.datetime


@define
class PrivacyService:
    uow: UnitOfWorkFactory
    eraser: RepositoryFactory[CaseDataEraser]
    store: DocumentStore
    clock: Clock
    advice: AdviceRecordSources | None = None
    scheduling: SchedulingRecordSources | None = None
    casework: CaseworkRecordSources | None = None
    link_expiry: dt.timedelta = DEFAULT_LINK_EXPIRY
    new_id: IdFactory = field(default=uuid.uuid4)
    #: Copies outside the tables (the search index), removed right after the commit.
    copies: Sequence[ErasedCopies] = ()
    #: The register of data-subject requests and the legal holds: an export or erasure
    #: given a request id answers it; a held case or client is refused (``Conflict``).
    rights: DataRightsService | None = None
    cases: RepositoryFactory[CaseRepository] = field(kw_only=True)
    clients: RepositoryFactory[ClientRepository] = field(kw_only=True)
    tasks: RepositoryFactory[TaskRepository] = field(kw_only=True)
    documents: RepositoryFactory[DocumentRepository] = field(kw_only=True)
    suggestions: RepositoryFactory[SuggestionRepository] = field(kw_only=True)

    # -- case deletion -----------------------------------------------------------------

    async def delete_case(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        *,
        reason: ErasureReason,
        expected_version: int | None = None,
        progress: Progress | None = None,
    ) -> ErasureReport:
        """Delete the case and everything under it, stored objects included."""
        async with case_scope(
            self, ctx, case_id, Permission.CASE_DELETE, expected_version=expected_version
        ) as (uow, case):
            # Refused before any stored object goes; checked again below.
            if self.rights is not None:
                await self.rights.check_not_held(uow, (case_id,), case.client_id)
        objects = await self._erase_objects(ctx, (case_id,), progress)
        async with case_scope(
            self, ctx, case_id, Permission.CASE_DELETE, expected_version=expected_version
        ) as (uow, case):
            if self.rights is not None:
                await self.rights.check_not_held(uow, (case_id,), case.client_id)
            now = self.clock.now()
            eraser = self.eraser(uow)
            await eraser.hold((case_id,))  # before any write: no projection runs beside
            late = await self._erase_late_objects(uow, ctx, (case_id,))
            rows = dict(await eraser.erase_case(case_id))
            uow.emit(
                CaseErased(
                    centre_id=ctx.centre_id, occurred_at=now, case_id=case_id,
                    client_id=case.client_id,
                )
            )  # fmt: skip
            if objects:  # their records went one by one, before this transaction
                _add(rows, {"documents": objects})
            objects += late
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "case.deleted",
                "case",
                case_id,
                now,
                _audit_fields(reason, objects, rows),
            )
        for copy in self.copies:
            await _retried_later(copy.delete_case(ctx.centre_id, case_id))
        return ErasureReport(
            entity_type="case",
            entity_id=case_id,
            reason=reason,
            case_ids=(case_id,),
            objects_deleted=objects,
            rows=rows,
            at=now,
        )

    # -- client erasure ----------------------------------------------------------------

    async def erase_client(
        self,
        ctx: TenantContext,
        client_id: ClientId,
        *,
        reason: ErasureReason,
        expected_version: int | None = None,
        progress: Progress | None = None,
        request_id: uuid.UUID | None = None,
    ) -> ErasureReport:
        """Erase the client, all their cases and everything under them (right to erasure).
        Given ``request_id`` (an erasure request of the client in the register), the
        request is marked answered in the erasure's transaction.

        Safe to retry: a run that failed half way is finished by the next one.
        """
        ctx.require(Permission.CLIENT_ERASE)
        async with self.uow(ctx.centre_id) as uow:
            client = await self._load_client(uow, client_id)
            check_version("client", expected_version, client.version)
            case_ids = await _case_ids(self.cases(uow), client_id)
            if self.rights is not None:
                await self.rights.check_not_held(uow, case_ids, client_id)
        objects = await self._erase_objects(ctx, case_ids, progress)
        async with self.uow(ctx.centre_id) as uow:
            client = await self._load_client(uow, client_id)
            check_version("client", expected_version, client.version)
            # Cases opened meanwhile are erased too (their objects just below).
            case_ids = await _case_ids(self.cases(uow), client_id)
            now = self.clock.now()
            eraser = self.eraser(uow)
            # Before any write: a projection already writing one of these cases finishes
            # first (its rows are then swept), and none starts until this commits.
            await eraser.hold(case_ids)
            late = await self._erase_late_objects(uow, ctx, case_ids)
            rows: dict[str, int] = {"documents": objects} if objects else {}
            objects += late
            for case_id in case_ids:
                removed = await eraser.erase_case(case_id)
                _add(rows, removed)
                await record_audit(
                    uow,
                    ctx,
                    self.new_id,
                    "case.deleted",
                    "case",
                    case_id,
                    now,
                    _audit_fields(reason, None, removed),
                )
            _add(rows, await eraser.erase_client(client_id))
            if request_id is not None:
                await self._answer(uow, ctx, request_id, client_id, RequestKind.ERASURE)
            uow.emit(ClientErased(centre_id=ctx.centre_id, occurred_at=now, client_id=client_id))
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "client.erased",
                "client",
                client_id,
                now,
                _audit_fields(reason, objects, rows),
            )
        for copy in self.copies:
            await _retried_later(copy.delete_client(ctx.centre_id, client_id))
        return ErasureReport(
            entity_type="client",
            entity_id=client_id,
            reason=reason,
            case_ids=case_ids,
            objects_deleted=objects,
            rows=rows,
            at=now,
        )

    # -- subject access export ---------------------------------------------------------

    async def export_client(
        self, ctx: TenantContext, client_id: ClientId, *, request_id: uuid.UUID | None = None
    ) -> dict[str, Any]:
        """Everything held about the client, as one JSON-ready document.

        Personal fields are decrypted; sensitive notes are included; each document has
        its metadata and a download link valid for ``link_expiry``. Audited
        ``client.exported`` with the sections' names. Given ``request_id`` (an access or
        portability request of the client in the register), the request is answered.
        """
        ctx.require(Permission.CLIENT_EXPORT)
        ctx.require(Permission.SENSITIVE_READ)
        ctx.require(Permission.FINANCE_READ)
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            client = await self._load_client(uow, client_id)
            cases = [
                await self._export_case(uow, ctx, case_id)
                for case_id in await _case_ids(self.cases(uow), client_id)
            ]
            consent: Any = None
            if self.scheduling is not None:
                consent = await self.scheduling.consents(uow).get(client_id)
            document: dict[str, Any] = {
                "format": EXPORT_FORMAT,
                "generated_at": now.isoformat(),
                "centre_id": str(ctx.centre_id),
                "client": _client_fields(client),
                "contact_consent": jsonable(consent),
                "cases": cases,
            }
            if self.rights is not None:
                document.update(await self.rights.records_of(uow, client_id))
            if request_id is not None:
                await self._answer(
                    uow, ctx, request_id, client_id, RequestKind.ACCESS, RequestKind.PORTABILITY
                )
                document["answers_request"] = str(request_id)
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "client.exported",
                "client",
                client_id,
                now,
                ("client", "contact_consent", f"cases={len(cases)}"),
            )
        return document

    async def _export_case(
        self, uow: UnitOfWork, ctx: TenantContext, case_id: CaseId
    ) -> dict[str, Any]:
        case = await self.cases(uow).get(case_id)
        assert case is not None  # listed in this transaction
        out: dict[str, Any] = {
            **{k: jsonable(v) for k, v in _public_fields(case).items() if k != "notes"},
            "notes": [jsonable(n) for n in case.notes],
            "tasks": [
                jsonable(t)
                for t in await every_item(
                    lambda limit, offset: self.tasks(uow).list(
                        limit=limit, offset=offset, case_id=case_id
                    )
                )
            ],
        }
        if self.advice is not None:
            a = self.advice
            out["debts"] = jsonable(await a.debts(uow).list_for_case(case_id))
            out["financial_facts"] = jsonable(await a.facts(uow).get(case_id))
            out["budget"] = jsonable(await a.budgets(uow).get(case_id))
            out["appraisals"] = jsonable(await a.appraisals(uow).list_for_case(case_id))
            out["offer_plans"] = jsonable(await a.offers(uow).list_for_case(case_id))
            out["advice"] = jsonable(await a.advice(uow).list_for_case(case_id))
            out["letters"] = jsonable(await a.letters(uow).list_for_case(case_id))
        if self.scheduling is not None:
            s = self.scheduling
            out["case_facts"] = jsonable(await s.dated_facts(uow).list(case_id))
            out["deadlines"] = jsonable(
                await every_item(
                    lambda limit, offset: s.deadlines(uow).list(
                        limit=limit, offset=offset, case_id=case_id
                    )
                )
            )
            out["appointments"] = jsonable(
                await every_item(
                    lambda limit, offset: s.appointments(uow).list(
                        limit=limit, offset=offset, case_id=case_id
                    )
                )
            )
            out["compliance_findings"] = jsonable(await s.findings(uow).for_case(case_id))
            out["qa_reviews"] = jsonable(await s.qa(uow).list_reviews(case_id=case_id))
        if self.casework is not None:
            out.update(await _casework_sections(uow, self.casework, case_id))
        docs = self.documents(uow)
        documents = await every_item(
            lambda limit, offset: docs.list(case_id=case_id, limit=limit, offset=offset)
        )
        out["documents"] = [await self._document_entry(ctx, d) for d in documents]
        suggestions = self.suggestions(uow)
        out["suggestions"] = jsonable(
            await every_item(
                lambda limit, offset: suggestions.list(case_id=case_id, limit=limit, offset=offset)
            )
        )
        return out

    async def _document_entry(self, ctx: TenantContext, document: Document) -> dict[str, Any]:
        entry = {k: jsonable(v) for k, v in _public_fields(document).items() if k != "pages"}
        expiry = min(self.link_expiry, MAX_LINK_EXPIRY)
        try:
            entry["download_url"] = await self.store.presigned_url(
                ctx.centre_id, document.storage_key, expires_in=expiry
            )
            entry["download_expires_at"] = (self.clock.now() + expiry).isoformat()
        except ObjectNotFound:
            entry["download_url"] = None
            entry["download_expires_at"] = None
        return entry

    # -- helpers -----------------------------------------------------------------------

    async def _erase_objects(
        self, ctx: TenantContext, case_ids: Sequence[CaseId], progress: Progress | None
    ) -> int:
        """Every document of the cases: object first, then its record, one per commit."""
        async with self.uow(ctx.centre_id) as uow:
            docs = self.documents(uow)
            ids: list[DocumentId] = []
            for case_id in case_ids:
                ids.extend(await docs.ids_for_case(case_id))
        total = len(ids)
        if progress is not None:
            progress(0, total)
        done = 0
        for document_id in ids:
            async with self.uow(ctx.centre_id) as uow:
                docs = self.documents(uow)
                document = await docs.get(document_id)
                if document is not None:
                    await self._delete_object(ctx, document)
                    await docs.delete(document_id)
                    await commit_audited(
                        uow,
                        ctx,
                        self.new_id,
                        "document.erased",
                        "document",
                        document_id,
                        self.clock.now(),
                    )
                    done += 1
            if progress is not None:
                progress(done, total)
        return done

    async def _erase_late_objects(
        self, uow: UnitOfWork, ctx: TenantContext, case_ids: Iterable[CaseId]
    ) -> int:
        """Objects of documents uploaded while the erasure ran, inside its last transaction
        (the records go with the case's rows)."""
        docs = self.documents(uow)
        count = 0
        for case_id in case_ids:
            for document_id in await docs.ids_for_case(case_id):
                document = await docs.get(document_id)
                if document is not None:
                    await self._delete_object(ctx, document)
                    count += 1
        return count

    async def _delete_object(self, ctx: TenantContext, document: Document) -> None:
        await self.store.delete(ctx.centre_id, document.storage_key)
        # Anything derived and stored beside the original (rendered pages, ...).
        await self.store.delete_prefix(ctx.centre_id, f"documents/{document.id}")

    async def _answer(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        request_id: uuid.UUID,
        client_id: ClientId,
        *kinds: RequestKind,
    ) -> None:
        if self.rights is None:
            raise ValidationError("request_id", "the register of requests is not in use")
        await self.rights.answer_in(uow, ctx, request_id, client_id, frozenset(kinds))

    async def _load_client(self, uow: UnitOfWork, client_id: ClientId) -> Client:
        client = await self.clients(uow).get(client_id)
        if client is None:
            raise NotFound("client", client_id)
        return client


async def _casework_sections(
    uow: UnitOfWork, c: CaseworkRecordSources, case_id: CaseId
) -> dict[str, Any]:
    """The case's casework records, decrypted (screenings whole: the export needs
    ``sensitive:read``)."""
    return {
        "contacts": jsonable(await c.contacts(uow).list_for_case(case_id)),
        "first_contact_checklist": jsonable(await c.checklists(uow).get(case_id)),
        "screenings": jsonable(await c.screenings(uow).list_for_case(case_id)),
        "credit_reports": jsonable(await c.credit_reports(uow).list_for_case(case_id)),
        "eligibility": jsonable(await c.eligibility(uow).get(case_id)),
        "settlements": jsonable(await c.settlements(uow).list_for_case(case_id)),
        "complaints": jsonable(await c.complaints(uow).list_for_case(case_id)),
        "breathing_spaces": jsonable(await c.breathing_spaces(uow).list_for_case(case_id)),
    }


async def _retried_later(removal: Awaitable[None]) -> None:
    """Run ``removal``; a failure is left to the erasure event's handler, which retries it
    (the erasure itself has committed: failing the request now would only mislead)."""
    with contextlib.suppress(Exception):
        await removal


async def _case_ids(cases: CaseRepository, client_id: ClientId) -> tuple[CaseId, ...]:
    found = await every_item(
        lambda limit, offset: cases.list(limit=limit, offset=offset, client_id=client_id)
    )
    return tuple(c.id for c in found)


def _add(total: dict[str, int], more: Mapping[str, int]) -> None:
    for table, n in more.items():
        total[table] = total.get(table, 0) + n


def _audit_fields(
    reason: ErasureReason, objects: int | None, rows: Mapping[str, int]
) -> tuple[str, ...]:
    """``reason=…``, ``objects=…`` and ``<table>=<rows>``: codes and counts only."""
    fields = [f"reason={reason.value}"]
    if objects is not None:
        fields.append(f"objects={objects}")
    fields.extend(f"{table}={n}" for table, n in sorted(rows.items()))
    return tuple(fields)


def _public_fields(obj: Any) -> dict[str, Any]:
    """An attrs object's fields, without private ones (recorded events)."""
    return {
        a.name: getattr(obj, a.name) for a in attrs.fields(type(obj)) if not a.name.startswith("_")
    }


def _client_fields(client: Client) -> dict[str, Any]:
    return {k: jsonable(v) for k, v in _public_fields(client).items()}


def jsonable(value: Any) -> Any:
    """``value`` as JSON types: attrs objects as objects, ids as strings, dates as ISO 8601,
    enums as their values, collections as lists, mapping keys as strings."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, enum.Enum):
        return jsonable(value.value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if attrs.has(type(value)):
        return {k: jsonable(v) for k, v in _public_fields(value).items()}
    if isinstance(value, Mapping):
        return {str(jsonable(k)): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, bytes):
        return None
    return str(value)
