"""The search documents of each area's records (pure functions: what is indexed, and how).

What goes in clear (``title``/``body``) is a case's own text (reference, notes, documents'
text, letters, contacts) with the case's client's identity taken out (``redact``: names,
address, email, phone, date of birth, NI number become placeholders and blind tokens);
identity fields become blind tokens; withheld fields (``SENSITIVE_FIELDS``, a sensitive
note's words, a suppressed address) become restricted tokens or are left out.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import uuid

from cma_core.advice.ports import Letter
from cma_core.cases.model import Case, Note
from cma_core.clients.model import Client
from cma_core.documents.model import Document
from cma_core.search.model import SearchDocument, SearchKind
from cma_core.search.redact import redaction_for
from cma_core.search.terms import (
    CentreSearchKey,
    chunks,
    name_words,
    phone_words,
    postcode_words,
)

_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.IGNORECASE | re.DOTALL)
_BLANKS = re.compile(r"[ \t\r\f\v]+")
#: Longest clear text kept per document (a 200-page bundle is still found by its start).
MAX_BODY = 100_000


def client_terms(client: Client) -> list[str]:
    """The words of the identity fields every client reader sees."""
    words = [*name_words(client.first_name), *name_words(client.last_name)]
    if client.email:
        words.append(client.email.strip().casefold())
    if client.phone:
        words.extend(phone_words(client.phone))
    if client.address is not None and not client.address_suppressed:
        words.extend(postcode_words(client.address.postcode))
    return words


def client_restricted_terms(client: Client) -> list[str]:
    """The words only ``sensitive:read`` may match: the NI number, a suppressed address's
    postcode. Health and vulnerability notes are never indexed."""
    words: list[str] = []
    if client.ni_number:
        words.extend([*chunks(client.ni_number), "".join(chunks(client.ni_number))])
    if client.address is not None and client.address_suppressed:
        words.extend(postcode_words(client.address.postcode))
    return words


def client_document(client: Client, key: CentreSearchKey) -> SearchDocument:
    return SearchDocument(
        centre_id=client.centre_id,
        kind=SearchKind.CLIENT,
        entity_id=client.id,
        case_id=None,
        client_id=client.id,
        adviser_id=None,
        title="Client",
        body="",
        terms=key.tokens(client_terms(client)),
        restricted_terms=key.tokens(client_restricted_terms(client)),
        updated_at=client.updated_at,
    )


def case_document(case: Case, client: Client | None, key: CentreSearchKey) -> SearchDocument:
    """A case is found by its reference (clear) and by its client's name (blind)."""
    status = case.status.value if case.close_reason is None else f"closed {case.close_reason}"
    return SearchDocument(
        centre_id=case.centre_id,
        kind=SearchKind.CASE,
        entity_id=case.id,
        case_id=case.id,
        client_id=case.client_id,
        adviser_id=case.adviser_id,
        title=case.reference,
        body=f"{case.reference} {status.replace('_', ' ')}",
        terms=key.tokens(client_terms(client)) if client is not None else (),
        restricted_terms=(),
        updated_at=case.updated_at,
    )


def note_document(
    case: Case, note: Note, key: CentreSearchKey, client: Client | None
) -> SearchDocument:
    """A sensitive note is stored sealed: its words are restricted tokens, never text."""
    return _case_child(
        case,
        SearchKind.NOTE,
        note.id,
        f"Note on {case.reference}",
        "" if note.sensitive else note.body,
        key.tokens(chunks(note.body)) if note.sensitive else (),
        note.created_at,
        key=key,
        client=client,
    )


def document_document(
    case: Case, document: Document, key: CentreSearchKey, client: Client | None
) -> SearchDocument:
    return _case_child(
        case,
        SearchKind.DOCUMENT,
        document.id,
        document.filename,
        document.text,
        (),
        document.updated_at,
        key=key,
        client=client,
    )


def letter_document(
    case: Case, letter: Letter, key: CentreSearchKey, client: Client | None
) -> SearchDocument:
    return _case_child(
        case,
        SearchKind.LETTER,
        letter.id,
        letter.subject,
        html_text(letter.html),
        (),
        letter.sent_at or letter.created_at,
        key=key,
        client=client,
    )


def contact_document(
    case: Case,
    entry_id: uuid.UUID,
    *,
    summary: str,
    text: str,
    sensitive: bool,
    at: dt.datetime,
    key: CentreSearchKey,
    client: Client | None,
) -> SearchDocument:
    """A contact log entry (the hook for the contact log area): like a note."""
    return _case_child(
        case,
        SearchKind.CONTACT,
        entry_id,
        summary,
        "" if sensitive else text,
        key.tokens(chunks(text)) if sensitive else (),
        at,
        key=key,
        client=client,
    )


def html_text(markup: str) -> str:
    """The visible text of an HTML letter."""
    return _clean(html.unescape(_TAG.sub(" ", markup)))


def _clean(text: str) -> str:
    return _BLANKS.sub(" ", text).strip()


def _case_child(
    case: Case,
    kind: SearchKind,
    entity_id: uuid.UUID,
    title: str,
    body: str,
    restricted: tuple[str, ...],
    at: dt.datetime,
    *,
    key: CentreSearchKey,
    client: Client | None,
) -> SearchDocument:
    """A document of the case, its clear text without the client's identity (the words
    taken out become its blind tokens, so it is still found by them)."""
    redaction = redaction_for(client)
    clear_title = redaction.apply(_clean(title))
    # The whole text first, then the cut: a name across the cut cannot leave half of it.
    clear_body = redaction.apply(_clean(body))
    words = [*clear_title.words, *clear_body.words]
    hidden = [*clear_title.restricted_words, *clear_body.restricted_words]
    return SearchDocument(
        centre_id=case.centre_id,
        kind=kind,
        entity_id=entity_id,
        case_id=case.id,
        client_id=case.client_id,
        adviser_id=case.adviser_id,
        title=clear_title.text,
        body=clear_body.text[:MAX_BODY],
        terms=key.tokens(words),
        restricted_terms=tuple(dict.fromkeys([*restricted, *key.tokens(hidden)])),
        updated_at=at,
    )
