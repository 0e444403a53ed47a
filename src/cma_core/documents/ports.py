"""Ports for documents: their records and suggestions, where the bytes live, how text is
read, and the assistant.

All do I/O and are ``async``. None of them changes a case: they return values that
handlers turn into domain changes (and the assistant's into *suggestions* an adviser
accepts or rejects).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import BinaryIO, Protocol

from attrs import frozen

from cma_core.documents.files import ContentType
from cma_core.documents.model import (
    CaseFacts,
    Document,
    DocumentClass,
    DocumentId,
    DocumentStatus,
    Draft,
    Extraction,
    PageText,
    Suggestion,
    SuggestionId,
    SuggestionKind,
    SuggestionStatus,
    Waiting,
)
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.uow import Page

DEFAULT_CHUNK_SIZE = 64 * 1024


@frozen(kw_only=True)
class StoredObject:
    """What a store holds at a key after ``put``."""

    key: str
    """The full key, ``centres/<centre_id>/<relative key>``."""
    size: int
    content_type: str


class DocumentStore(Protocol):
    """Bytes of uploaded files, kept per centre.

    Callers name objects by a relative key (``cma_core.documents.storage.document_key``);
    every adapter stores them under ``centres/<centre_id>/`` and validates the key with
    ``cma_core.documents.storage.object_key`` (``ValidationError`` naming ``key`` for
    ``..``, absolute paths, backslashes, empty segments...). An object of another centre is
    invisible: reading it raises ``ObjectNotFound`` exactly like a missing one.
    """

    async def put(
        self, centre_id: CentreId, key: str, data: bytes | BinaryIO, content_type: str
    ) -> StoredObject:
        """Store ``data`` (bytes, or a binary file object read from its current position
        to the end) at ``key``, replacing any object there. Idempotent for equal bytes.

        The object becomes visible whole or not at all: a reader never sees half a file.
        """
        ...

    async def get(self, centre_id: CentreId, key: str) -> bytes:
        """All the bytes at ``key``. Raises ``ObjectNotFound`` if there is none."""
        ...

    async def open(
        self, centre_id: CentreId, key: str, *, chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> AsyncIterator[bytes]:
        """The bytes at ``key`` as chunks of at most ``chunk_size``, for streaming out.

        Raises ``ObjectNotFound`` when awaited (before any chunk), so an HTTP handler can
        answer 404 before it starts a response.
        """
        ...

    async def delete(self, centre_id: CentreId, key: str) -> None:
        """Remove the object. Idempotent: deleting a missing key is not an error."""
        ...

    async def delete_prefix(self, centre_id: CentreId, prefix: str) -> int:
        """Remove every object in the folder ``prefix`` (``""``: all of the centre's).

        ``documents/ab`` removes ``documents/ab/...`` but not ``documents/abc/...``.
        Returns how many objects were removed; running it again returns 0.
        """
        ...

    async def presigned_url(
        self, centre_id: CentreId, key: str, *, expires_in: dt.timedelta
    ) -> str:
        """A URL that lets a browser GET the object, without credentials, until it expires.

        ``expires_in`` must be from 1 second to the store's maximum (at most
        ``MAX_LINK_EXPIRY``), else ``ValidationError`` naming ``expires_in``. Raises
        ``ObjectNotFound`` if there is no object at ``key``.
        """
        ...


class TextExtractor(Protocol):
    """Reads the text of a document, page by page (OCR, or a PDF's own text layer)."""

    async def extract(self, data: bytes, content_type: ContentType) -> tuple[PageText, ...]:
        """Every page's text and confidence, numbered from 1, in page order.

        A page with no legible text is returned with empty text and confidence 0.0, not
        dropped, so page numbers match the file. Raises ``CorruptDocument`` if the bytes
        cannot be decoded as ``content_type``, ``ValidationError`` naming ``file`` if the
        document has more pages than the extractor accepts, and ``TextExtractionFailed``
        if the engine itself fails. Pure function of its input: safe to retry.
        """
        ...


class PageRenderer(Protocol):
    """Draws one page of a document as a PNG, in the pixel space the reader located values
    in (a PDF page at the reader's resolution; an image frame as read), so the evidence
    boxes of a suggestion can be drawn over it."""

    async def render(self, data: bytes, content_type: ContentType, number: int) -> bytes:
        """Page ``number`` (from 1) as PNG bytes. ``NotFound`` past the last page;
        ``ValidationError`` for a type without pages (CSV, OFX); ``CorruptDocument`` if the
        bytes cannot be decoded."""
        ...


class Assistant(Protocol):
    """Reads documents and drafts text for advisers. Its output is only ever a
    suggestion or a draft; the caller records it as such and a person decides."""

    async def classify_and_extract(
        self,
        text: str,
        pages: Sequence[PageText] = (),
        *,
        centre_id: CentreId | None = None,
        document_class: DocumentClass | None = None,
    ) -> Extraction:
        """What kind of document ``text`` is and the fields it states.

        ``document_class``, when given, is what the adviser says the document is: it is
        not classified again, its fields are read as that kind's, and the extraction's
        class is that one with confidence 1.0.

        ``centre_id``: the centre the document belongs to, for an assistant that has
        learnt from that centre's advisers (``cma assistant train --centre``); others
        ignore it.

        ``pages``, when given, are the same text page by page with the words' boxes (OCR):
        an assistant may read values by position and report where each came from
        (``Extraction.evidence``); one that cannot simply ignores them.

        Fields not found are ``None`` (or ``()`` for ``amounts_pence``); an unrecognised
        document is ``DocumentClass.OTHER`` with a low confidence, never an error. Raises
        an ``AssistantError`` subclass if the assistant could not answer
        (``AssistantTimeout``, ``AssistantRateLimited``, ``AssistantUnavailable``,
        ``AssistantReplyInvalid``); nothing has changed then and retrying is safe.
        """
        ...

    async def summarise_case(self, facts: CaseFacts) -> Draft:
        """A draft case summary for the adviser to edit. Raises like
        ``classify_and_extract``."""
        ...


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
        after: tuple[dt.datetime, uuid.UUID] | None = None,
    ) -> Page[Document]:
        """The case's documents, newest upload first, *without* their pages (``()``); with
        ``after``, only those sorting after that ``(uploaded_at, id)`` (keyset pages)."""
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
        document_id: DocumentId | None = None,
        kind: SuggestionKind | None = None,
        after: tuple[dt.datetime, uuid.UUID] | None = None,
        to_check: bool | None = None,
    ) -> Page[Suggestion]:
        """The case's suggestions, oldest first (the order the documents were read); with
        ``document_id`` only that document's, with ``kind`` only that kind's; with
        ``after``, only those sorting after that ``(created_at, id)`` (keyset pages); with
        ``to_check``, only those that hold (or hold no) value to check against the page
        (``Suggestion.fields_to_check``)."""
        ...

    async def waiting(self, *, case_id: CaseId) -> tuple[Waiting, ...]:
        """The case's pending suggestions, oldest first, as a list of work shows them (id,
        kind, when): nothing sealed is opened."""
        ...

    async def account_references(self, *, case_id: CaseId) -> tuple[str, ...]:
        """The account references the case's suggestions name, but those rejected, oldest
        first (a reference suggested once is not suggested again): only the references
        are read, not the suggestions (their evidence is not opened)."""
        ...

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
        """The centre's suggestions across its cases, oldest first; with ``case_adviser``,
        only those of the cases that user is the adviser of; with ``kind``, of that kind;
        with ``after``, only those sorting after that ``(created_at, id)``; with
        ``to_check``, as ``list``."""
        ...
