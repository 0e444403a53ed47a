"""``InMemorySearchIndex``: every document in a dict, every query a scan.

Matches a word of the query when a word of the title or body starts with it (engines stem;
a prefix is the nearest plain rule), ranks by how many times the words occur.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

from cma_core.search.model import (
    MARK_END,
    MARK_START,
    SearchAfter,
    SearchDocument,
    SearchHit,
    SearchQuery,
    SearchResults,
)
from cma_core.search.ports import SearchIndex
from cma_core.search.terms import chunks
from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId

_WORD = re.compile(r"\w+")


class InMemorySearchIndex(SearchIndex):
    def __init__(self) -> None:
        self._docs: dict[tuple[CentreId, str], SearchDocument] = {}

    async def upsert(self, documents: Sequence[SearchDocument]) -> None:
        for doc in documents:
            self._docs[(doc.centre_id, doc.id)] = doc

    async def delete(self, centre_id: CentreId, ids: Sequence[str]) -> None:
        for doc_id in ids:
            self._docs.pop((centre_id, doc_id), None)

    async def delete_case(self, centre_id: CentreId, case_id: CaseId) -> None:
        self._drop(lambda d: d.centre_id == centre_id and d.case_id == case_id)

    async def delete_client(self, centre_id: CentreId, client_id: ClientId) -> None:
        self._drop(lambda d: d.centre_id == centre_id and d.client_id == client_id)

    async def assign_case(
        self, centre_id: CentreId, case_id: CaseId, adviser_id: UserId | None
    ) -> None:
        for key, doc in list(self._docs.items()):
            if doc.centre_id == centre_id and doc.case_id == case_id:
                self._docs[key] = attrs.evolve(doc, adviser_id=adviser_id)

    async def clear(self, centre_id: CentreId) -> None:
        self._drop(lambda d: d.centre_id == centre_id)

    async def documents(self, centre_id: CentreId) -> Sequence[SearchDocument]:
        return sorted((d for d in self._docs.values() if d.centre_id == centre_id), key=_id)

    async def search(self, query: SearchQuery) -> SearchResults:
        words = [w for c in chunks(query.text) for w in _WORD.findall(c)]
        scored: list[tuple[float, SearchDocument]] = []
        for doc in self._docs.values():
            if doc.centre_id != query.centre_id or doc.kind not in query.kinds:
                continue
            own = query.own_cases_of
            if own is not None and doc.case_id is not None and doc.adviser_id != own:
                continue
            score = _score(doc, words, query)
            if score > 0:
                scored.append((score, doc))
        scored.sort(key=lambda s: (-s[0], -s[1].updated_at.timestamp(), s[1].id))
        rest = scored
        if (a := query.after) is not None:
            at = a.updated_at.timestamp()
            rest = [
                (score, doc)
                for score, doc in scored
                if (-score, -doc.updated_at.timestamp(), doc.id) > (-a.score, -at, a.id)
            ]
        page = rest[query.offset : query.offset + query.limit]
        last = page[-1] if page and len(page) == query.limit else None
        return SearchResults(
            items=tuple(_hit(doc, score, words) for score, doc in page),
            total=len(scored),
            limit=query.limit,
            offset=query.offset,
            next_after=None
            if last is None
            else SearchAfter(score=last[0], updated_at=last[1].updated_at, id=last[1].id),
        )

    def _drop(self, test: Callable[[SearchDocument], bool]) -> None:
        for key in [k for k, d in self._docs.items() if test(d)]:
            del self._docs[key]


def _id(doc: SearchDocument) -> str:
    return doc.id


def _score(doc: SearchDocument, words: list[str], query: SearchQuery) -> float:
    text = [w.casefold() for w in _WORD.findall(f"{doc.title} {doc.body}")]
    counts = [sum(1 for t in text if t.startswith(w)) for w in words]
    if words and all(counts):
        return float(sum(counts))
    if query.terms and set(query.terms) <= set(doc.terms):
        return 0.5
    if query.word_terms and _mixed(doc, text, query.word_terms):
        return 0.5
    if query.restricted_terms and set(query.restricted_terms) <= set(doc.restricted_terms):
        return 0.5
    return 0.0


def _mixed(doc: SearchDocument, text: list[str], pairs: tuple[tuple[str, str], ...]) -> bool:
    """Every word in the text or its token among the terms, one token at least."""
    terms = set(doc.terms)

    def in_text(word: str) -> bool:
        return all(any(t.startswith(w) for t in text) for w in _WORD.findall(word))

    every = all(token in terms or in_text(word) for word, token in pairs)
    return every and any(token in terms for _, token in pairs)


def _hit(doc: SearchDocument, score: float, words: list[str]) -> SearchHit:
    snippet = doc.body[:200]
    if words:
        pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\w*", re.I)
        snippet = pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", snippet)
    return SearchHit(
        kind=doc.kind,
        entity_id=doc.entity_id,
        case_id=doc.case_id,
        client_id=doc.client_id,
        title=doc.title,
        snippet=snippet,
        score=score,
    )
