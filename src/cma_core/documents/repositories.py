"""Repositories of the documents area: documents and the suggestions drawn from them.

They join a unit of work through a ``RepositoryFactory`` (see ``cma_core.shared.uow``):
given the open unit of work, the factory returns the repository bound to its transaction
and centre. Like every repository, they see only that centre's rows and raise
``CrossTenantAccess`` when asked to write another centre's; reads of another centre's
records answer ``None`` exactly as for missing ones. Repositories call ``uow.track`` on
what they add and save, so the aggregates' events reach the outbox on commit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from cma_core.documents.model import (
    Document,
    DocumentClass,
    DocumentId,
    DocumentStatus,
    Suggestion,
    SuggestionId,
    SuggestionStatus,
)
from cma_core.shared.ids import CaseId
from cma_core.shared.uow import Page


class DocumentRepository(Protocol):
    async def add(self, document: Document) -> None:
        """Stage a new document.

        Raises ``CrossTenantAccess`` for another centre's document, and
        ``DuplicateDocument`` if the case already holds a document with the same checksum
        (the database's unique key is the last word when two uploads race).
        """
        ...

    async def get(self, document_id: DocumentId) -> Document | None:
        """The document with its pages, or ``None`` if it does not exist in this centre."""
        ...

    async def find_by_checksum(self, case_id: CaseId, sha256: str) -> Document | None:
        """The case's document with these exact bytes, whatever its status, if any."""
        ...

    async def save(self, document: Document) -> None:
        """Persist changes (status, pages, class) and bump ``version``.

        Raises ``StaleVersion`` if the stored version is not ``document.version`` (a second
        worker finished the same job first).
        """
        ...

    async def list(
        self,
        *,
        case_id: CaseId,
        limit: int,
        offset: int,
        status: DocumentStatus | None = None,
        document_class: DocumentClass | None = None,
    ) -> Page[Document]:
        """The case's documents, newest upload first, *without* their pages (``()``)."""
        ...

    async def ids_for_case(self, case_id: CaseId) -> Sequence[DocumentId]:
        """Every document id of the case, oldest first (for erasure)."""
        ...

    async def stuck(
        self, *, status: DocumentStatus, updated_before: dt.datetime, limit: int
    ) -> Sequence[Document]:
        """Documents of this centre in ``status`` not touched since ``updated_before``,
        least recently updated first, at most ``limit``, *without* their pages (the sweep
        that fails documents a dead worker left ``processing``)."""
        ...

    async def delete(self, document_id: DocumentId) -> None:
        """Remove the document and its suggestions. Idempotent: a missing id is no error."""
        ...


class SuggestionRepository(Protocol):
    async def add(self, suggestion: Suggestion) -> None:
        """Stage a new suggestion. Raises ``CrossTenantAccess`` for another centre's."""
        ...

    async def get(self, suggestion_id: SuggestionId) -> Suggestion | None:
        """The suggestion, or ``None`` if it does not exist in this centre."""
        ...

    async def save(self, suggestion: Suggestion) -> None:
        """Persist a decision and bump ``version``; ``StaleVersion`` if it moved on."""
        ...

    async def list(
        self,
        *,
        case_id: CaseId,
        limit: int,
        offset: int,
        status: SuggestionStatus | None = None,
    ) -> Page[Suggestion]:
        """The case's suggestions, oldest first (the order the documents were read)."""
        ...
