"""What the search index holds, and what a query asks of it.

A search document is a projection: derived from the write side by the worker (outbox
events), rebuildable at any time, and holding as little personal data as it can:

- ``title`` and ``body`` are clear text the engine tokenises, ranks and highlights: a case
  reference, a non-sensitive note, a document's extracted text, a letter's or a contact's
  text, always with the case's client's identity replaced by placeholders first
  (``cma_core.search.redact``; the words taken out become ``terms``).
- ``terms`` are keyed blind tokens (HMAC under a per-centre search key, truncated) of
  identity fields (names, email, phone, postcode): a query matches them only when every
  word of the query is one of them, and nothing of the value can be read back or shown.
- ``restricted_terms`` are blind tokens of what only ``sensitive:read`` may match (an NI
  number, the words of a sensitive note). A query from anyone else never looks at them.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from attrs import frozen

from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId

#: Marks around a highlighted fragment in ``SearchHit.snippet`` (Unicode private-use
#: characters: they cannot be confused with text, and nothing HTML comes out of an engine).
MARK_START = "\ue000"
MARK_END = "\ue001"


class SearchKind(enum.StrEnum):
    CASE = "case"
    CLIENT = "client"
    NOTE = "note"
    DOCUMENT = "document"
    LETTER = "letter"
    #: A contact log entry (casework), indexed on ``CaseworkChanged`` of a contact.
    CONTACT = "contact"


@frozen(kw_only=True)
class SearchDocument:
    """One searchable thing. ``id`` is ``"<kind>:<entity id>"`` (unique in a centre).

    ``adviser_id`` is the adviser of the case it belongs to (what the visibility rule for
    users without ``case:read_all`` filters on); client documents have no case.
    """

    centre_id: CentreId
    kind: SearchKind
    entity_id: uuid.UUID
    case_id: CaseId | None
    client_id: ClientId | None
    adviser_id: UserId | None
    title: str
    body: str
    terms: tuple[str, ...] = ()
    restricted_terms: tuple[str, ...] = ()
    updated_at: dt.datetime

    @property
    def id(self) -> str:
        return doc_id(self.kind, self.entity_id)


def doc_id(kind: SearchKind, entity_id: uuid.UUID) -> str:
    return f"{kind.value}:{entity_id}"


@frozen(kw_only=True)
class SearchAfter:
    """Where a ranked page starts: after the hit with this sort key.

    Every adapter orders matches by ``score`` descending, then ``updated_at`` descending,
    then the document ``id`` (``"<kind>:<entity id>"``, unique in a centre) ascending: a
    total order, so paging by it never repeats or skips a hit while the index is unchanged.
    ``score`` is the engine's own value, exactly as it returned it (a float that round-trips
    through the cursor bit for bit)."""

    score: float
    updated_at: dt.datetime
    id: str


@frozen(kw_only=True)
class SearchQuery:
    """A query as an adapter runs it: the centre filter is not optional.

    A document matches when its ``title``/``body`` match ``text`` (the engine's own full
    text semantics: every word, stemmed; quotes and ``-`` where the engine supports them),
    or when every one of ``terms`` is among its ``terms`` (or, given
    ``restricted_terms``, every one of those among its ``restricted_terms``).

    ``word_terms`` (two words or more) pairs each word of the query with its blind token: a
    document also matches when every word is in its ``title``/``body`` or its token among
    its ``terms``, and at least one is a token ("Vask bailiff" finds a letter whose text
    says "bailiff" and whose client's name was taken out of it).

    ``kinds`` limits the kinds (never empty). ``own_cases_of`` set: a document of a case
    matches only if that user is the case's adviser (documents without a case are
    unaffected; the service drops their kinds when the user may not see them).

    ``after`` (keyset paging) starts the page after that sort key; ``offset`` is then 0.
    """

    centre_id: CentreId
    text: str
    terms: tuple[str, ...]
    restricted_terms: tuple[str, ...] = ()
    word_terms: tuple[tuple[str, str], ...] = ()
    kinds: frozenset[SearchKind] = frozenset(SearchKind)
    own_cases_of: UserId | None = None
    limit: int = 20
    offset: int = 0
    after: SearchAfter | None = None


@frozen(kw_only=True)
class SearchHit:
    """One ranked result. ``snippet`` has the matched words between ``MARK_START`` and
    ``MARK_END``; it is empty when the match was through blind tokens only."""

    kind: SearchKind
    entity_id: uuid.UUID
    case_id: CaseId | None
    client_id: ClientId | None
    title: str
    snippet: str
    score: float


@frozen(kw_only=True)
class SearchResults:
    """``total`` counts every match (not only those after the cursor). ``next_after`` is
    the last hit's sort key when the page is full (there may be more after it)."""

    items: tuple[SearchHit, ...]
    total: int
    limit: int
    offset: int
    next_after: SearchAfter | None = None


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """The snippet as (text, highlighted) parts, for callers that render it."""
    parts: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        start = rest.find(MARK_START)
        if start < 0:
            parts.append((rest, False))
            break
        if start:
            parts.append((rest[:start], False))
        end = rest.find(MARK_END, start)
        end = len(rest) if end < 0 else end
        parts.append((rest[start + 1 : end], True))
        rest = rest[end + 1 :]
    return [p for p in parts if p[0]]
