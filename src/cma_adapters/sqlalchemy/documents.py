"""SQL repositories of the documents area: mappers, repositories, factories.

The rows are in :mod:`.rows` (migration ``0600`` creates them). Like the
skeleton's repositories these run SQLAlchemy Core on the unit of work's connection, filter
every statement on the unit of work's centre, and (on PostgreSQL) sit behind Row Level
Security as well. Page text is kept as JSON on the document row: it is read and written
whole, with the document.
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, cast

from sqlalchemy import (
    Table,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from cma_adapters.sqlalchemy.crypto import aad
from cma_adapters.sqlalchemy.rows import CaseRow, DocumentRow, ExampleRow, SuggestionRow
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork, SqlContext, keyset, page_total
from cma_core.documents.errors import DuplicateDocument
from cma_core.documents.files import ContentType
from cma_core.documents.learning import (
    ExampleId,
    ExampleOutcome,
    ExampleRepository,
    FieldLabel,
    LabelledExample,
)
from cma_core.documents.model import (
    Amendment,
    Box,
    ClassAlternative,
    Document,
    DocumentClass,
    DocumentId,
    DocumentStatus,
    FieldEvidence,
    PageSource,
    PageText,
    Suggestion,
    SuggestionId,
    SuggestionKind,
    SuggestionStatus,
    Waiting,
    Word,
)
from cma_core.documents.ports import DocumentRepository, SuggestionRepository
from cma_core.shared.errors import Conflict, StaleVersion
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money
from cma_core.shared.uow import Page, UnitOfWork

documents_t = cast(Table, DocumentRow.__table__)
suggestions_t = cast(Table, SuggestionRow.__table__)
#: A suggestion's columns sealed together in ``sealed`` (migration 1841).
SUGGESTION_SEALED = (
    "title", "creditor_name", "account_reference", "court_claim_number", "as_read",
)  # fmt: skip
examples_t = cast(Table, ExampleRow.__table__)
cases_t = cast(Table, CaseRow.__table__)

Row = Mapping[Any, Any]

#: The case's documents list order, newest upload first (and its cursor's key).
_NEWEST = (documents_t.c.uploaded_at, documents_t.c.id)
_OLDEST_SUGGESTION = (suggestions_t.c.created_at, suggestions_t.c.id)

# -- mappers ------------------------------------------------------------------------------


def document_to_row(d: Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "centre_id": d.centre_id,
        "case_id": d.case_id,
        "filename": d.filename,
        "content_type": d.content_type.value,
        "size": d.size,
        "sha256": d.sha256,
        "storage_key": d.storage_key,
        "status": d.status.value,
        "uploaded_at": d.uploaded_at,
        "updated_at": d.updated_at,
        "uploaded_by": d.uploaded_by,
        "failure_reason": d.failure_reason,
        "attempts": d.attempts,
        "pages": [page_to_json(p) for p in d.pages],
        "document_class": d.document_class.value if d.document_class else None,
        "class_confidence": d.class_confidence,
        "class_alternatives": [
            {"document_class": a.document_class.value, "probability": a.probability}
            for a in d.class_alternatives
        ]
        or None,
        "version": d.version,
    }


def page_to_json(p: PageText) -> dict[str, Any]:
    """A page as stored: its text, and where the OCR read each word (``[text, left, top,
    width, height, confidence, line]``) with the page image's size, so that a document read
    again as another kind (``DocumentService.reclassify``) is read by position, its values
    boxed and their OCR sureness known, as on its first reading. A text layer's page has no
    words. Sealed with the rest of the pages where the centre's data keys are set."""
    out: dict[str, Any] = {
        "number": p.number, "text": p.text, "confidence": p.confidence, "source": p.source,
    }  # fmt: skip
    if p.words:
        out["words"] = [
            [w.text, w.box.left, w.box.top, w.box.width, w.box.height,
             round(w.confidence, 3), w.line]
            for w in p.words
        ]  # fmt: skip
    if p.size is not None:
        out["size"] = list(p.size)
    return out


def page_from_json(p: dict[str, Any]) -> PageText:
    """``page_to_json`` read back; pages stored before words were kept have none."""
    size = p.get("size")
    return PageText(
        number=p["number"],
        text=p["text"],
        confidence=p["confidence"],
        source=PageSource(p["source"]),
        words=tuple(
            Word(text=t, box=Box(left=x, top=y, width=w, height=h), confidence=c, line=line)
            for t, x, y, w, h, c, line in p.get("words") or ()
        ),
        size=(size[0], size[1]) if size else None,
    )


def document_from_row(r: Row, *, with_pages: bool = True) -> Document:
    return Document(
        id=DocumentId(r["id"]),
        centre_id=CentreId(r["centre_id"]),
        case_id=CaseId(r["case_id"]),
        filename=r["filename"],
        content_type=ContentType(r["content_type"]),
        size=r["size"],
        sha256=r["sha256"],
        storage_key=r["storage_key"],
        status=DocumentStatus(r["status"]),
        uploaded_at=r["uploaded_at"],
        updated_at=r["updated_at"],
        uploaded_by=UserId(r["uploaded_by"]) if r["uploaded_by"] else None,
        failure_reason=r["failure_reason"],
        attempts=r["attempts"],
        pages=tuple(page_from_json(p) for p in (r["pages"] or [])) if with_pages else (),
        document_class=DocumentClass(r["document_class"]) if r["document_class"] else None,
        class_confidence=r["class_confidence"],
        class_alternatives=tuple(
            ClassAlternative(
                document_class=DocumentClass(a["document_class"]), probability=a["probability"]
            )
            for a in (r["class_alternatives"] or [])
        ),
        version=r["version"],
    )


def evidence_to_json(e: FieldEvidence) -> dict[str, Any]:
    box = e.box
    return {
        "field": e.field,
        "value": e.value,
        "page": e.page,
        "box": [box.left, box.top, box.width, box.height] if box else None,
        "label": e.label,
        "role": e.role,
        "score": e.score,
        "chosen": e.chosen,
        "read_confidence": e.read_confidence,
        "choice_confidence": e.choice_confidence,
    }


def evidence_from_json(d: dict[str, Any]) -> FieldEvidence:
    box = d.get("box")
    return FieldEvidence(
        field=d["field"],
        value=d["value"],
        page=d["page"],
        box=Box(left=box[0], top=box[1], width=box[2], height=box[3]) if box else None,
        label=d.get("label"),
        role=d.get("role"),
        score=d.get("score", 0.0),
        chosen=d.get("chosen", False),
        read_confidence=d.get("read_confidence"),
        choice_confidence=d.get("choice_confidence"),
    )


def suggestion_to_row(s: Suggestion) -> dict[str, Any]:
    return {
        "id": s.id,
        "centre_id": s.centre_id,
        "case_id": s.case_id,
        "document_id": s.document_id,
        "kind": s.kind.value,
        "title": s.title,
        "confidence": s.confidence,
        "source": s.source,
        "created_at": s.created_at,
        "creditor_name": s.creditor_name,
        "account_reference": s.account_reference,
        "balance_pence": s.balance.pence if s.balance is not None else None,
        "deadline": s.deadline,
        "deadline_basis": s.deadline_basis,
        "court_claim_number": s.court_claim_number,
        "debt_id": s.debt_id,
        "previous_balance_pence": (
            s.previous_balance.pence if s.previous_balance is not None else None
        ),
        "fact_date": s.fact_date,
        "evidence": [evidence_to_json(e) for e in s.evidence],
        "budget_line": s.budget_line,
        "frequency": s.frequency,
        "debt_type": s.debt_type,
        "enforcement_stage": s.enforcement_stage,
        "as_read": amendment_to_json(s.as_read) if s.as_read is not None else None,
        "status": s.status.value,
        "decided_by": s.decided_by,
        "decided_at": s.decided_at,
        "rejection_reason": s.rejection_reason,
        "version": s.version,
        "to_check": len(s.fields_to_check),
    }


def amendment_to_json(a: Amendment) -> dict[str, Any]:
    """The fields given, as JSON: pence for the balance, ISO dates."""
    out: dict[str, Any] = {}
    for name in a.given():
        value = getattr(a, name)
        if isinstance(value, Money):
            out["balance_pence"] = value.pence
        elif isinstance(value, dt.date):
            out[name] = value.isoformat()
        else:
            out[name] = value
    if a.not_read:
        out["not_read"] = list(a.not_read)
    return out


def amendment_from_json(data: Mapping[str, Any]) -> Amendment:
    def day(name: str) -> dt.date | None:
        return dt.date.fromisoformat(data[name]) if data.get(name) else None

    pence = data.get("balance_pence")
    return Amendment(
        creditor_name=data.get("creditor_name"),
        account_reference=data.get("account_reference"),
        balance=Money(pence) if pence is not None else None,
        deadline=day("deadline"),
        fact_date=day("fact_date"),
        budget_line=data.get("budget_line"),
        frequency=data.get("frequency"),
        debt_type=data.get("debt_type"),
        not_read=tuple(data.get("not_read") or ()),
    )


def suggestion_from_row(r: Row) -> Suggestion:
    return Suggestion(
        id=SuggestionId(r["id"]),
        centre_id=CentreId(r["centre_id"]),
        case_id=CaseId(r["case_id"]),
        document_id=DocumentId(r["document_id"]),
        kind=SuggestionKind(r["kind"]),
        title=r["title"],
        confidence=r["confidence"],
        source=r["source"],
        created_at=r["created_at"],
        creditor_name=r["creditor_name"],
        account_reference=r["account_reference"],
        balance=Money(r["balance_pence"]) if r["balance_pence"] is not None else None,
        deadline=r["deadline"],
        deadline_basis=r["deadline_basis"],
        court_claim_number=r["court_claim_number"],
        debt_id=r["debt_id"],
        previous_balance=(
            Money(r["previous_balance_pence"]) if r["previous_balance_pence"] is not None else None
        ),
        fact_date=r["fact_date"],
        evidence=tuple(evidence_from_json(e) for e in (r["evidence"] or [])),
        budget_line=r["budget_line"],
        frequency=r["frequency"],
        debt_type=r.get("debt_type"),
        enforcement_stage=r.get("enforcement_stage"),
        as_read=amendment_from_json(r["as_read"]) if r.get("as_read") else None,
        status=SuggestionStatus(r["status"]),
        decided_by=UserId(r["decided_by"]) if r["decided_by"] else None,
        decided_at=r["decided_at"],
        rejection_reason=r["rejection_reason"],
        version=r["version"],
    )


# -- repositories -------------------------------------------------------------------------


class SqlAlchemyDocumentRepository(DocumentRepository):
    """Page text (OCR or the PDF's own) names the client, their address and their debts:
    it is stored sealed with the centre's data key (AES-GCM, bound to the document's row,
    as the clients' fields are), as ``{"sealed": ...}`` in the ``pages`` column. Rows
    written before migration 1201 may still hold a plain list; they open as they are."""

    async def _sealed(self, values: dict[str, Any]) -> dict[str, Any]:
        if not values.get("pages") and not self._x.keys.available:
            return values  # a unit of work without key management (tests of other things)
        key = await self._x.keys.current(self._x.c)
        if values.get("pages"):
            plain = json.dumps(values["pages"], ensure_ascii=False)
            values["pages"] = {"sealed": key.seal(plain, aad("documents", "pages", values["id"]))}
        # The name an adviser gave the file often names the client (migration 1700).
        values["filename_enc"] = key.seal(
            values["filename"], aad("documents", "filename", values["id"])
        )
        values["filename"] = ""
        return values

    async def _opened(self, row: Row, *, with_pages: bool = True) -> Document:
        pages = row["pages"]
        if with_pages and isinstance(pages, dict) and "sealed" in pages:
            keys = await self._x.keys.keyring(self._x.c)
            plain = keys.open(pages["sealed"], aad("documents", "pages", row["id"]))
            row = {**row, "pages": json.loads(plain)}
        if row.get("filename_enc") is not None:
            keys = await self._x.keys.keyring(self._x.c)
            name = keys.open(row["filename_enc"], aad("documents", "filename", row["id"]))
            row = {**row, "filename": name}
        return document_from_row(row, with_pages=with_pages)

    def __init__(self, uow: SqlAlchemyUnitOfWork) -> None:
        self._uow = uow
        self._x: SqlContext = uow.context

    async def add(self, document: Document) -> None:
        self._x.own(document.centre_id, "document")
        existing = await self.find_by_checksum(document.case_id, document.sha256)
        if existing is not None:
            raise DuplicateDocument(existing.id, existing.filename)
        # No savepoint (on SQLite one that opens the transaction commits on release): the
        # check above answers the common case, the unique key settles a race.
        try:
            await self._x.c.execute(
                insert(documents_t).values(await self._sealed(document_to_row(document)))
            )
        except IntegrityError:
            raise Conflict("this file was filed on the case at the same moment") from None
        self._uow.track(document)

    async def get(self, document_id: DocumentId) -> Document | None:
        row = (
            (
                await self._x.c.execute(
                    select(documents_t).where(
                        documents_t.c.id == document_id,
                        documents_t.c.centre_id == self._x.centre_id,
                    )
                )
            )
            .mappings()
            .first()
        )
        return await self._opened(row) if row else None

    async def find_by_checksum(self, case_id: CaseId, sha256: str) -> Document | None:
        row = (
            (
                await self._x.c.execute(
                    select(documents_t).where(
                        documents_t.c.centre_id == self._x.centre_id,
                        documents_t.c.case_id == case_id,
                        documents_t.c.sha256 == sha256,
                    )
                )
            )
            .mappings()
            .first()
        )
        return await self._opened(row) if row else None

    async def save(self, document: Document) -> None:
        self._x.own(document.centre_id, "document")
        expected = document.version
        values = await self._sealed(document_to_row(document))
        values.update(version=expected + 1)
        for key in ("id", "centre_id", "case_id", "uploaded_at", "sha256", "storage_key"):
            values.pop(key)
        result = await self._x.c.execute(
            update(documents_t)
            .where(
                documents_t.c.id == document.id,
                documents_t.c.centre_id == self._x.centre_id,
                documents_t.c.version == expected,
            )
            .values(values)
        )
        if result.rowcount != 1:
            actual = (
                await self._x.c.execute(
                    select(documents_t.c.version).where(
                        documents_t.c.id == document.id,
                        documents_t.c.centre_id == self._x.centre_id,
                    )
                )
            ).scalar()
            raise StaleVersion("document", expected, actual or 0)
        document.version = expected + 1
        self._uow.track(document)

    async def list(
        self,
        *,
        case_id: CaseId,
        limit: int,
        offset: int,
        status: DocumentStatus | None = None,
        document_class: DocumentClass | None = None,
        after: tuple[dt.datetime, uuid.UUID] | None = None,
    ) -> Page[Document]:
        where = [documents_t.c.centre_id == self._x.centre_id, documents_t.c.case_id == case_id]
        if status is not None:
            where.append(documents_t.c.status == status.value)
        if document_class is not None:
            where.append(documents_t.c.document_class == document_class.value)
        # Pages can be long; a listing never needs them.
        columns = [c for c in documents_t.c if c.name != "pages"]
        rows = (
            (
                await self._x.c.execute(
                    select(*columns)
                    .where(*where, *keyset(_NEWEST, after, descending=True))
                    .order_by(*(c.desc() for c in _NEWEST))
                    .limit(limit)
                    .offset(offset)
                )
            )
            .mappings()
            .all()
        )
        count = select(func.count()).select_from(documents_t).where(*where)
        total = await page_total(self._x.c, count, len(rows), limit, offset, after)
        items = [await self._opened({**r, "pages": None}, with_pages=False) for r in rows]
        return Page(items=items, total=total, limit=limit, offset=offset)

    async def ids_for_case(self, case_id: CaseId) -> Sequence[DocumentId]:
        rows = await self._x.c.execute(
            select(documents_t.c.id)
            .where(documents_t.c.centre_id == self._x.centre_id, documents_t.c.case_id == case_id)
            .order_by(documents_t.c.uploaded_at, documents_t.c.id)
        )
        return [DocumentId(r) for r in rows.scalars()]

    async def stuck(
        self, *, status: DocumentStatus, updated_before: dt.datetime, limit: int
    ) -> Sequence[Document]:
        columns = [c for c in documents_t.c if c.name != "pages"]
        rows = (
            (
                await self._x.c.execute(
                    select(*columns)
                    .where(
                        documents_t.c.centre_id == self._x.centre_id,
                        documents_t.c.status == status.value,
                        documents_t.c.updated_at < updated_before,
                    )
                    .order_by(documents_t.c.updated_at, documents_t.c.id)
                    .limit(limit)
                )
            )
            .mappings()
            .all()
        )
        return [await self._opened({**r, "pages": None}, with_pages=False) for r in rows]

    async def delete(self, document_id: DocumentId) -> None:
        # Explicit as well as by the foreign key: SQLite enforces no cascade by default.
        await self._x.c.execute(
            delete(examples_t).where(
                examples_t.c.centre_id == self._x.centre_id,
                examples_t.c.document_id == document_id,
            )
        )
        await self._x.c.execute(
            delete(suggestions_t).where(
                suggestions_t.c.centre_id == self._x.centre_id,
                suggestions_t.c.document_id == document_id,
            )
        )
        await self._x.c.execute(
            delete(documents_t).where(
                documents_t.c.centre_id == self._x.centre_id, documents_t.c.id == document_id
            )
        )


def _to_check(wanted: bool) -> Any:
    """Suggestions holding a value to check against the page (``wanted``), or none: the
    count in clear beside the sealed evidence (migration 2160)."""
    return suggestions_t.c.to_check > 0 if wanted else suggestions_t.c.to_check == 0


class SqlAlchemySuggestionRepository(SuggestionRepository):
    def __init__(self, uow: SqlAlchemyUnitOfWork) -> None:
        self._uow = uow
        self._x: SqlContext = uow.context

    async def _sealed(self, values: dict[str, Any]) -> dict[str, Any]:
        """Evidence quotes the page (names, addresses): ``{"sealed": ...}`` (1700). The
        title, creditor, account reference and claim number (an account number, a court
        case) go together into ``sealed`` (1841); their columns keep "" / NULL."""
        if not self._x.keys.available:
            return values
        key = await self._x.keys.current(self._x.c)
        if values.get("evidence"):
            plain = json.dumps(values["evidence"], ensure_ascii=False)
            token = key.seal(plain, aad("document_suggestions", "evidence", values["id"]))
            values["evidence"] = {"sealed": token}
        secret = {c: values[c] for c in SUGGESTION_SEALED}
        values["sealed"] = key.seal(
            json.dumps(secret, ensure_ascii=False),
            aad("document_suggestions", "sealed", values["id"]),
        )
        values.update(dict.fromkeys(SUGGESTION_SEALED), title="")
        return values

    async def _opened(self, row: Row) -> Suggestion:
        evidence = row["evidence"]
        if isinstance(evidence, dict) and "sealed" in evidence:
            keys = await self._x.keys.keyring(self._x.c)
            plain = keys.open(
                evidence["sealed"], aad("document_suggestions", "evidence", row["id"])
            )
            row = {**row, "evidence": json.loads(plain)}
        if row.get("sealed"):
            keys = await self._x.keys.keyring(self._x.c)
            plain = keys.open(row["sealed"], aad("document_suggestions", "sealed", row["id"]))
            row = {**row, **json.loads(plain)}
        return suggestion_from_row(row)

    async def add(self, suggestion: Suggestion) -> None:
        self._x.own(suggestion.centre_id, "suggestion")
        values = await self._sealed(suggestion_to_row(suggestion))
        await self._x.c.execute(insert(suggestions_t).values(values))
        self._uow.track(suggestion)

    async def get(self, suggestion_id: SuggestionId) -> Suggestion | None:
        row = (
            (
                await self._x.c.execute(
                    select(suggestions_t).where(
                        suggestions_t.c.id == suggestion_id,
                        suggestions_t.c.centre_id == self._x.centre_id,
                    )
                )
            )
            .mappings()
            .first()
        )
        return await self._opened(row) if row else None

    async def save(self, suggestion: Suggestion) -> None:
        self._x.own(suggestion.centre_id, "suggestion")
        expected = suggestion.version
        values = await self._sealed(suggestion_to_row(suggestion))
        values.update(version=expected + 1)
        for key in ("id", "centre_id", "case_id", "document_id", "created_at"):
            values.pop(key)
        result = await self._x.c.execute(
            update(suggestions_t)
            .where(
                suggestions_t.c.id == suggestion.id,
                suggestions_t.c.centre_id == self._x.centre_id,
                suggestions_t.c.version == expected,
            )
            .values(values)
        )
        if result.rowcount != 1:
            actual = (
                await self._x.c.execute(
                    select(suggestions_t.c.version).where(
                        suggestions_t.c.id == suggestion.id,
                        suggestions_t.c.centre_id == self._x.centre_id,
                    )
                )
            ).scalar()
            raise StaleVersion("suggestion", expected, actual or 0)
        suggestion.version = expected + 1
        self._uow.track(suggestion)

    async def list(
        self,
        *,
        case_id: CaseId,
        limit: int,
        offset: int,
        status: SuggestionStatus | None = None,
        document_id: DocumentId | None = None,
        kind: SuggestionKind | None = None,
        after: tuple[dt.datetime, uuid.UUID] | None = None,
        to_check: bool | None = None,
    ) -> Page[Suggestion]:
        where = [
            suggestions_t.c.centre_id == self._x.centre_id,
            suggestions_t.c.case_id == case_id,
        ]
        if status is not None:
            where.append(suggestions_t.c.status == status.value)
        if document_id is not None:
            where.append(suggestions_t.c.document_id == document_id)
        if kind is not None:
            where.append(suggestions_t.c.kind == kind.value)
        if to_check is not None:
            where.append(_to_check(to_check))
        rows = (
            (
                await self._x.c.execute(
                    select(suggestions_t)
                    .where(*where, *keyset(_OLDEST_SUGGESTION, after))
                    .order_by(*_OLDEST_SUGGESTION)
                    .limit(limit)
                    .offset(offset)
                )
            )
            .mappings()
            .all()
        )
        count = select(func.count()).select_from(suggestions_t).where(*where)
        total = await page_total(self._x.c, count, len(rows), limit, offset, after)
        return Page(
            items=[await self._opened(r) for r in rows], total=total, limit=limit, offset=offset
        )

    async def waiting(self, *, case_id: CaseId) -> tuple[Waiting, ...]:
        rows = await self._x.c.execute(
            select(
                suggestions_t.c.id,
                suggestions_t.c.kind,
                suggestions_t.c.created_at,
                suggestions_t.c.to_check,
            )
            .where(
                suggestions_t.c.centre_id == self._x.centre_id,
                suggestions_t.c.case_id == case_id,
                suggestions_t.c.status == SuggestionStatus.PENDING.value,
            )
            .order_by(*_OLDEST_SUGGESTION)
        )
        return tuple(
            Waiting(
                id=SuggestionId(r.id),
                kind=SuggestionKind(r.kind),
                created_at=r.created_at,
                to_check=r.to_check,
            )
            for r in rows
        )

    async def account_references(self, *, case_id: CaseId) -> tuple[str, ...]:
        # Only the columns that hold a reference: ``sealed`` (1841) is opened for it, the
        # evidence (the page's words and boxes) is not read at all.
        rows = (
            await self._x.c.execute(
                select(
                    suggestions_t.c.id, suggestions_t.c.sealed, suggestions_t.c.account_reference
                )
                .where(
                    suggestions_t.c.centre_id == self._x.centre_id,
                    suggestions_t.c.case_id == case_id,
                    suggestions_t.c.status != SuggestionStatus.REJECTED.value,
                )
                .order_by(*_OLDEST_SUGGESTION)
            )
        ).all()
        references: builtins.list[str] = []
        keys = await self._x.keys.keyring(self._x.c) if any(r.sealed for r in rows) else None
        for row in rows:
            reference = row.account_reference
            if row.sealed and keys is not None:
                plain = keys.open(row.sealed, aad("document_suggestions", "sealed", row.id))
                reference = json.loads(plain).get("account_reference", reference)
            if reference:
                references.append(reference)
        return tuple(references)

    async def list_centre(
        self,
        *,
        limit: int,
        offset: int,
        status: SuggestionStatus | None = None,
        case_adviser: UserId | None = None,
        kind: SuggestionKind | None = None,
        after: tuple[dt.datetime, uuid.UUID] | None = None,
        to_check: bool | None = None,
    ) -> Page[Suggestion]:
        where = [suggestions_t.c.centre_id == self._x.centre_id]
        if status is not None:
            where.append(suggestions_t.c.status == status.value)
        if kind is not None:
            where.append(suggestions_t.c.kind == kind.value)
        if to_check is not None:
            where.append(_to_check(to_check))
        if case_adviser is not None:
            where.append(
                suggestions_t.c.case_id.in_(
                    select(cases_t.c.id).where(
                        cases_t.c.centre_id == self._x.centre_id,
                        cases_t.c.adviser_id == case_adviser,
                    )
                )
            )
        total = (
            await self._x.c.execute(select(func.count()).select_from(suggestions_t).where(*where))
        ).scalar_one()
        rows = (
            (
                await self._x.c.execute(
                    select(suggestions_t)
                    .where(*where, *keyset(_OLDEST_SUGGESTION, after))
                    .order_by(*_OLDEST_SUGGESTION)
                    .limit(limit)
                    .offset(offset)
                )
            )
            .mappings()
            .all()
        )
        return Page(
            items=[await self._opened(r) for r in rows], total=total, limit=limit, offset=offset
        )


def documents(uow: UnitOfWork) -> DocumentRepository:
    """``RepositoryFactory[DocumentRepository]`` for ``SqlAlchemyUnitOfWork``."""
    return SqlAlchemyDocumentRepository(SqlAlchemyUnitOfWork.of(uow))


def suggestions(uow: UnitOfWork) -> SuggestionRepository:
    """``RepositoryFactory[SuggestionRepository]`` for ``SqlAlchemyUnitOfWork``."""
    return SqlAlchemySuggestionRepository(SqlAlchemyUnitOfWork.of(uow))


# -- labelled examples (migration 1680) ----------------------------------------------------


def _label_json(f: FieldLabel) -> dict[str, Any]:
    box = f.box
    return {
        "field": f.field,
        "value": f.value,
        "correct": f.correct,
        "label": f.label,
        "page": f.page,
        "box": [box.left, box.top, box.width, box.height] if box else None,
        "role": f.role,
    }


def _label_from(d: dict[str, Any]) -> FieldLabel:
    box = d.get("box")
    return FieldLabel(
        field=d["field"],
        value=d["value"],
        correct=bool(d["correct"]),
        label=d.get("label"),
        page=d.get("page"),
        box=Box(left=box[0], top=box[1], width=box[2], height=box[3]) if box else None,
        role=d.get("role"),
    )


class SqlAlchemyExampleRepository(ExampleRepository):
    """The values read, their labels and a statement's payee are sealed (``data``)."""

    def __init__(self, uow: SqlAlchemyUnitOfWork) -> None:
        self._x: SqlContext = uow.context

    async def add(self, example: LabelledExample) -> None:
        self._x.own(example.centre_id, "example")
        plain = json.dumps(
            {"fields": [_label_json(f) for f in example.fields], "payee": example.payee},
            ensure_ascii=False,
        )
        key = await self._x.keys.current(self._x.c)
        sealed = {"sealed": key.seal(plain, aad("assistant_examples", "data", example.id))}
        await self._x.c.execute(
            insert(examples_t).values(
                id=example.id,
                centre_id=example.centre_id,
                case_id=example.case_id,
                document_id=example.document_id,
                suggestion_id=example.suggestion_id,
                outcome=example.outcome.value,
                suggested_class=example.suggested_class.value if example.suggested_class else None,
                document_class=example.document_class.value if example.document_class else None,
                budget_line=example.budget_line,
                income=example.income,
                recorded_at=example.recorded_at,
                recorded_by=example.recorded_by,
                data=sealed,
            )
        )

    async def _from_rows(self, rows: Sequence[Row]) -> list[LabelledExample]:
        out = []
        keys = await self._x.keys.keyring(self._x.c) if rows else None
        for r in rows:
            data = r["data"]
            if keys is not None and isinstance(data, dict) and "sealed" in data:
                data = json.loads(
                    keys.open(data["sealed"], aad("assistant_examples", "data", r["id"]))
                )
            out.append(
                LabelledExample(
                    id=ExampleId(r["id"]),
                    centre_id=CentreId(r["centre_id"]),
                    case_id=CaseId(r["case_id"]),
                    document_id=DocumentId(r["document_id"]),
                    suggestion_id=(
                        SuggestionId(r["suggestion_id"]) if r["suggestion_id"] else None
                    ),
                    outcome=ExampleOutcome(r["outcome"]),
                    suggested_class=DocumentClass(r["suggested_class"])
                    if r["suggested_class"]
                    else None,
                    document_class=DocumentClass(r["document_class"])
                    if r["document_class"]
                    else None,
                    recorded_at=r["recorded_at"],
                    recorded_by=UserId(r["recorded_by"]),
                    fields=tuple(_label_from(f) for f in data.get("fields", [])),
                    payee=data.get("payee"),
                    income=bool(r["income"]),
                    budget_line=r["budget_line"],
                )
            )
        return out

    async def list(self, *, limit: int, offset: int) -> Page[LabelledExample]:
        where = examples_t.c.centre_id == self._x.centre_id
        total = (
            await self._x.c.execute(select(func.count()).select_from(examples_t).where(where))
        ).scalar_one()
        rows = (
            (
                await self._x.c.execute(
                    select(examples_t)
                    .where(where)
                    .order_by(examples_t.c.recorded_at, examples_t.c.id)
                    .limit(limit)
                    .offset(offset)
                )
            )
            .mappings()
            .all()
        )
        return Page(items=await self._from_rows(rows), total=total, limit=limit, offset=offset)

    async def for_training(self, *, limit: int) -> Sequence[LabelledExample]:
        rows = (
            (
                await self._x.c.execute(
                    select(examples_t)
                    .where(
                        examples_t.c.centre_id == self._x.centre_id,
                        (examples_t.c.document_class.is_not(None))
                        | (examples_t.c.budget_line.is_not(None)),
                    )
                    .order_by(examples_t.c.recorded_at.desc(), examples_t.c.id.desc())
                    .limit(limit)
                )
            )
            .mappings()
            .all()
        )
        return list(reversed(await self._from_rows(rows)))


def examples(uow: UnitOfWork) -> ExampleRepository:
    """``RepositoryFactory[ExampleRepository]`` for ``SqlAlchemyUnitOfWork``."""
    return SqlAlchemyExampleRepository(SqlAlchemyUnitOfWork.of(uow))
