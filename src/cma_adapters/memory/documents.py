"""Dict-backed repositories of the documents area, joined to ``InMemoryUnitOfWork``.

They keep to the in-memory unit of work's rules: reads hand out copies, writes wait in its
staging until ``commit()``, and what is added or saved is tracked so its events reach the
outbox. The contract suite (``tests/contracts/test_document_repositories.py``) holds them
to exactly what the SQL repositories do.
"""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from collections.abc import Sequence
from typing import TypeVar

from cma_adapters.memory.uow import InMemoryUnitOfWork
from cma_core.documents.errors import DuplicateDocument
from cma_core.documents.learning import ExampleId, ExampleRepository, LabelledExample
from cma_core.documents.model import (
    Document,
    DocumentClass,
    DocumentId,
    DocumentStatus,
    Suggestion,
    SuggestionId,
    SuggestionKind,
    SuggestionStatus,
    Waiting,
)
from cma_core.documents.ports import DocumentRepository, SuggestionRepository
from cma_core.shared.errors import CrossTenantAccess, StaleVersion
from cma_core.shared.events import Aggregate
from cma_core.shared.ids import CaseId, UserId
from cma_core.shared.uow import Page, UnitOfWork

DOCUMENTS = "documents"
SUGGESTIONS = "document_suggestions"
EXAMPLES = "assistant_examples"

_A = TypeVar("_A", bound=Aggregate)


def _stored(aggregate: _A) -> _A:
    stored = copy.deepcopy(aggregate)
    stored.pull_events()
    return stored


class InMemoryDocumentRepository(DocumentRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow
        self._centre = uow.centre_id
        self._rows: dict[DocumentId, Document] = uow.db.table(DOCUMENTS)

    def _visible(self, document: Document | None) -> Document | None:
        if document is None or document.centre_id != self._centre:
            return None
        return document

    async def add(self, document: Document) -> None:
        if document.centre_id != self._centre:
            raise CrossTenantAccess("document belongs to another centre")
        existing = await self.find_by_checksum(document.case_id, document.sha256)
        if existing is not None:
            raise DuplicateDocument(existing.id, existing.filename)
        stored = _stored(document)

        def check() -> None:
            for other in self._rows.values():
                if (
                    other.case_id == document.case_id
                    and other.sha256 == document.sha256
                    and other.id != document.id
                ):
                    raise DuplicateDocument(other.id, other.filename)

        st = self._uow.staging
        st.checks.append(check)
        st.ops.append(lambda: self._rows.__setitem__(document.id, stored))
        self._uow.track(document)

    async def get(self, document_id: DocumentId) -> Document | None:
        found = self._visible(self._rows.get(document_id))
        return copy.deepcopy(found) if found else None

    async def find_by_checksum(self, case_id: CaseId, sha256: str) -> Document | None:
        for document in self._rows.values():
            if (
                document.centre_id == self._centre
                and document.case_id == case_id
                and document.sha256 == sha256
            ):
                return copy.deepcopy(document)
        return None

    async def save(self, document: Document) -> None:
        if document.centre_id != self._centre:
            raise CrossTenantAccess("document belongs to another centre")
        st = self._uow.staging
        expected = st.base_versions.setdefault(("document", document.id), document.version)
        current = self._visible(self._rows.get(document.id))
        if current is None or current.version != expected:
            # As the SQL repository's conditional UPDATE does: refused at once.
            raise StaleVersion("document", expected, current.version if current else 0)
        document.version += 1
        stored = _stored(document)

        def check() -> None:
            now_stored = self._rows.get(document.id)
            actual = now_stored.version if now_stored else 0
            if actual != expected:
                raise StaleVersion("document", expected, actual)

        st.checks.append(check)
        st.ops.append(lambda: self._rows.__setitem__(document.id, stored))
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
        rows = [
            d
            for d in self._rows.values()
            if d.centre_id == self._centre
            and d.case_id == case_id
            and (status is None or d.status == status)
            and (document_class is None or d.document_class == document_class)
        ]
        rows.sort(key=lambda d: (d.uploaded_at, d.id), reverse=True)
        rest = [d for d in rows if after is None or (d.uploaded_at, d.id) < after]
        items = []
        for d in rest[offset : offset + limit]:
            item = copy.deepcopy(d)
            item.pages = ()
            items.append(item)
        return Page(items=items, total=len(rows), limit=limit, offset=offset)

    async def ids_for_case(self, case_id: CaseId) -> Sequence[DocumentId]:
        rows = [
            d for d in self._rows.values() if d.centre_id == self._centre and d.case_id == case_id
        ]
        rows.sort(key=lambda d: (d.uploaded_at, d.id))
        return [d.id for d in rows]

    async def stuck(
        self, *, status: DocumentStatus, updated_before: dt.datetime, limit: int
    ) -> Sequence[Document]:
        rows = [
            d
            for d in self._rows.values()
            if d.centre_id == self._centre and d.status == status and d.updated_at < updated_before
        ]
        rows.sort(key=lambda d: (d.updated_at, d.id))
        items = []
        for d in rows[:limit]:
            item = copy.deepcopy(d)
            item.pages = ()
            items.append(item)
        return items

    async def delete(self, document_id: DocumentId) -> None:
        if self._visible(self._rows.get(document_id)) is None:
            return
        suggestions: dict[SuggestionId, Suggestion] = self._uow.db.table(SUGGESTIONS)
        examples: dict[ExampleId, LabelledExample] = self._uow.db.table(EXAMPLES)

        def remove() -> None:
            self._rows.pop(document_id, None)
            for sid in [s.id for s in suggestions.values() if s.document_id == document_id]:
                del suggestions[sid]
            for eid in [e.id for e in examples.values() if e.document_id == document_id]:
                del examples[eid]

        self._uow.staging.ops.append(remove)


class InMemorySuggestionRepository(SuggestionRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow
        self._centre = uow.centre_id
        self._rows: dict[SuggestionId, Suggestion] = uow.db.table(SUGGESTIONS)

    async def add(self, suggestion: Suggestion) -> None:
        if suggestion.centre_id != self._centre:
            raise CrossTenantAccess("suggestion belongs to another centre")
        stored = _stored(suggestion)
        self._uow.staging.ops.append(lambda: self._rows.__setitem__(suggestion.id, stored))
        self._uow.track(suggestion)

    async def get(self, suggestion_id: SuggestionId) -> Suggestion | None:
        found = self._rows.get(suggestion_id)
        if found is None or found.centre_id != self._centre:
            return None
        return copy.deepcopy(found)

    async def save(self, suggestion: Suggestion) -> None:
        if suggestion.centre_id != self._centre:
            raise CrossTenantAccess("suggestion belongs to another centre")
        st = self._uow.staging
        expected = st.base_versions.setdefault(("suggestion", suggestion.id), suggestion.version)
        current = self._rows.get(suggestion.id)
        if current is None or current.centre_id != self._centre:
            raise StaleVersion("suggestion", expected, 0)
        if current.version != expected:
            raise StaleVersion("suggestion", expected, current.version)
        suggestion.version += 1
        stored = _stored(suggestion)

        def check() -> None:
            now_stored = self._rows.get(suggestion.id)
            actual = now_stored.version if now_stored else 0
            if actual != expected:
                raise StaleVersion("suggestion", expected, actual)

        st.checks.append(check)
        st.ops.append(lambda: self._rows.__setitem__(suggestion.id, stored))
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
        rows = [
            s
            for s in self._rows.values()
            if s.centre_id == self._centre
            and s.case_id == case_id
            and (status is None or s.status == status)
            and (document_id is None or s.document_id == document_id)
            and (kind is None or s.kind == kind)
            and (to_check is None or bool(s.fields_to_check) == to_check)
        ]
        rows.sort(key=lambda s: (s.created_at, s.id))
        rest = [s for s in rows if after is None or (s.created_at, s.id) > after]
        items = [copy.deepcopy(s) for s in rest[offset : offset + limit]]
        return Page(items=items, total=len(rows), limit=limit, offset=offset)

    async def waiting(self, *, case_id: CaseId) -> tuple[Waiting, ...]:
        pending = [
            s
            for s in self._rows.values()
            if s.centre_id == self._centre
            and s.case_id == case_id
            and s.status is SuggestionStatus.PENDING
        ]
        pending.sort(key=lambda s: (s.created_at, s.id))
        return tuple(
            Waiting(
                id=s.id,
                kind=s.kind,
                created_at=s.created_at,
                to_check=len(s.fields_to_check),
            )
            for s in pending
        )

    async def account_references(self, *, case_id: CaseId) -> tuple[str, ...]:
        named = [
            s
            for s in self._rows.values()
            if s.centre_id == self._centre
            and s.case_id == case_id
            and s.account_reference
            and s.status is not SuggestionStatus.REJECTED
        ]
        named.sort(key=lambda s: (s.created_at, s.id))
        return tuple(s.account_reference for s in named if s.account_reference)

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
        cases = self._uow.db.cases

        def adviser_of(s: Suggestion) -> UserId | None:
            case = cases.get(s.case_id)
            return case.adviser_id if case is not None else None

        rows = [
            s
            for s in self._rows.values()
            if s.centre_id == self._centre
            and (status is None or s.status == status)
            and (case_adviser is None or adviser_of(s) == case_adviser)
            and (kind is None or s.kind == kind)
            and (to_check is None or bool(s.fields_to_check) == to_check)
        ]
        rows.sort(key=lambda s: (s.created_at, s.id))
        rest = [s for s in rows if after is None or (s.created_at, s.id) > after]
        items = [copy.deepcopy(s) for s in rest[offset : offset + limit]]
        return Page(items=items, total=len(rows), limit=limit, offset=offset)


def documents(uow: UnitOfWork) -> DocumentRepository:
    """``RepositoryFactory[DocumentRepository]`` for the in-memory unit of work."""
    return InMemoryDocumentRepository(InMemoryUnitOfWork.of(uow))


def suggestions(uow: UnitOfWork) -> SuggestionRepository:
    """``RepositoryFactory[SuggestionRepository]`` for the in-memory unit of work."""
    return InMemorySuggestionRepository(InMemoryUnitOfWork.of(uow))


class InMemoryExampleRepository(ExampleRepository):
    """Examples go with their document (as the SQL rows' foreign key cascades)."""

    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow
        self._centre = uow.centre_id
        self._rows: dict[ExampleId, LabelledExample] = uow.db.table(EXAMPLES)

    async def add(self, example: LabelledExample) -> None:
        if example.centre_id != self._centre:
            raise CrossTenantAccess("example belongs to another centre")
        self._uow.staging.ops.append(lambda: self._rows.__setitem__(example.id, example))

    def _mine(self) -> list[LabelledExample]:
        rows = [e for e in self._rows.values() if e.centre_id == self._centre]
        return sorted(rows, key=lambda e: (e.recorded_at, e.id))

    async def list(self, *, limit: int, offset: int) -> Page[LabelledExample]:
        rows = self._mine()
        return Page(
            items=rows[offset : offset + limit], total=len(rows), limit=limit, offset=offset
        )

    async def for_training(self, *, limit: int) -> Sequence[LabelledExample]:
        rows = [e for e in self._mine() if e.document_class or e.budget_line]
        return rows[-limit:] if limit > 0 else []


def examples(uow: UnitOfWork) -> ExampleRepository:
    """``RepositoryFactory[ExampleRepository]`` for the in-memory unit of work."""
    return InMemoryExampleRepository(InMemoryUnitOfWork.of(uow))
