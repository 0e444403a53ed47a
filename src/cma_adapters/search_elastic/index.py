"""``ElasticSearchIndex``: one index for every centre, a centre filter on every request.

Each document's ``_id`` is ``<centre id>:<kind>:<entity id>`` and it is routed by its
centre (one centre's documents share a shard). Every search, update and delete carries a
``term`` filter on ``centre_id`` that the adapter adds itself; nothing from the query text
reaches the query DSL except as the ``query`` string of a ``multi_match`` (no
``query_string`` syntax is parsed).

Matching: all words (``operator: and``) over ``title^3`` and ``body`` with the English
analyzer and ``fuzziness: AUTO`` (typos), or every blind token as a ``term``. Highlights
use the port's marks as tags.

``plain_json=True`` makes the client send ``application/json`` instead of the
``compatible-with=9`` media type, which OpenSearch (AWS OpenSearch Service included)
refuses with 406. ``refresh`` is passed to every write: ``"wait_for"`` (default) makes a
write visible to the next search (read-your-writes); ``False`` suits a bulk load.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from elastic_transport import AiohttpHttpNode, HttpHeaders
from elasticsearch import AsyncElasticsearch
from elasticsearch.helpers import async_bulk

from cma_core.search.model import (
    MARK_END,
    MARK_START,
    SearchAfter,
    SearchDocument,
    SearchHit,
    SearchKind,
    SearchQuery,
    SearchResults,
)
from cma_core.search.ports import SearchIndex
from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId

Refresh = bool | Literal["wait_for"]

_KEYWORD = {"type": "keyword"}
MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        "centre_id": _KEYWORD,
        "doc_id": _KEYWORD,
        "kind": _KEYWORD,
        "entity_id": _KEYWORD,
        "case_id": _KEYWORD,
        "client_id": _KEYWORD,
        "adviser_id": _KEYWORD,
        "title": {"type": "text", "analyzer": "english"},
        "body": {"type": "text", "analyzer": "english"},
        "terms": _KEYWORD,
        "restricted_terms": _KEYWORD,
        "updated_at": {"type": "date"},
    },
}
#: Enough for the documents of one case or one client (assign_case reads them to update).
_MAX_CASE_DOCS = 10_000


class PlainJsonNode(AiohttpHttpNode):
    """Sends ``application/json`` as Accept and Content-Type, for OpenSearch."""

    async def perform_request(  # type: ignore[override]
        self,
        method: str,
        target: str,
        body: bytes | None = None,
        headers: Any = None,
        request_timeout: Any = None,
    ) -> Any:
        plain = HttpHeaders(headers or {})
        for name in ("accept", "content-type"):
            if name in plain:
                plain[name] = "application/json"
        return await super().perform_request(
            method, target, body=body, headers=plain, request_timeout=request_timeout
        )


class ElasticSearchIndex(SearchIndex):
    def __init__(
        self,
        hosts: str | Sequence[str],
        *,
        index: str = "cma-search",
        plain_json: bool = False,
        refresh: Refresh = "wait_for",
        client_options: Mapping[str, Any] | None = None,
    ) -> None:
        options: dict[str, Any] = dict(client_options or {})
        if plain_json:
            options["node_class"] = PlainJsonNode
        self.client = AsyncElasticsearch(hosts, **options)
        self.index = index
        self.refresh = refresh
        self._ready = False

    async def close(self) -> None:
        await self.client.close()

    async def ensure_index(self) -> None:
        """Create the index with its mappings if it does not exist yet."""
        if self._ready:
            return
        if not await self.client.indices.exists(index=self.index):
            await self.client.indices.create(index=self.index, mappings=MAPPINGS)
        self._ready = True

    async def _bulk(self, actions: list[dict[str, Any]]) -> None:
        if actions:
            await self.ensure_index()
            await async_bulk(self.client, actions, refresh=self.refresh)

    async def upsert(self, documents: Sequence[SearchDocument]) -> None:
        await self._bulk(
            [
                {
                    "_op_type": "index",
                    "_index": self.index,
                    "_id": _es_id(d.centre_id, d.id),
                    "_routing": str(d.centre_id),
                    "_source": _source(d),
                }
                for d in documents
            ]
        )

    async def delete(self, centre_id: CentreId, ids: Sequence[str]) -> None:
        await self._delete_where(centre_id, {"terms": {"doc_id": list(ids)}})

    async def delete_case(self, centre_id: CentreId, case_id: CaseId) -> None:
        await self._delete_where(centre_id, {"term": {"case_id": str(case_id)}})

    async def delete_client(self, centre_id: CentreId, client_id: ClientId) -> None:
        await self._delete_where(centre_id, {"term": {"client_id": str(client_id)}})

    async def clear(self, centre_id: CentreId) -> None:
        await self._delete_where(centre_id, None)

    async def _delete_where(self, centre_id: CentreId, condition: dict[str, Any] | None) -> None:
        await self.ensure_index()
        await self.client.delete_by_query(
            index=self.index,
            query=_in_centre(centre_id, condition),
            routing=str(centre_id),
            refresh=True,
            conflicts="proceed",
        )

    async def assign_case(
        self, centre_id: CentreId, case_id: CaseId, adviser_id: UserId | None
    ) -> None:
        # A partial update per document (no scripts: not every engine runs them).
        await self.ensure_index()
        found = await self.client.search(
            index=self.index,
            query=_in_centre(centre_id, {"term": {"case_id": str(case_id)}}),
            routing=str(centre_id),
            size=_MAX_CASE_DOCS,
            source=False,
        )
        adviser = None if adviser_id is None else str(adviser_id)
        await self._bulk(
            [
                {
                    "_op_type": "update",
                    "_index": self.index,
                    "_id": hit["_id"],
                    "_routing": str(centre_id),
                    "doc": {"adviser_id": adviser},
                }
                for hit in found["hits"]["hits"]
            ]
        )

    async def documents(self, centre_id: CentreId) -> Sequence[SearchDocument]:
        await self.ensure_index()
        found = await self.client.search(
            index=self.index,
            query=_in_centre(centre_id, None),
            routing=str(centre_id),
            size=_MAX_CASE_DOCS,
            sort=[{"doc_id": "asc"}],
        )
        return [_document(h["_source"]) for h in found["hits"]["hits"]]

    async def search(self, query: SearchQuery) -> SearchResults:
        await self.ensure_index()
        paging: dict[str, Any] = {"from_": query.offset}
        if query.after is not None:
            a = query.after
            paging["search_after"] = [a.score, _millis(a.updated_at), a.id]
        found = await self.client.search(
            index=self.index,
            query=_query(query),
            routing=str(query.centre_id),
            size=query.limit,
            sort=[{"_score": "desc"}, {"updated_at": "desc"}, {"doc_id": "asc"}],
            highlight={
                "pre_tags": [MARK_START],
                "post_tags": [MARK_END],
                "fields": {"body": {"fragment_size": 150, "number_of_fragments": 2}},
            },
            track_total_hits=True,
            source_includes=["kind", "entity_id", "case_id", "client_id", "title", "body"],
            **paging,
        )
        hits = found["hits"]
        page = hits["hits"]
        last = page[-1] if page and len(page) == query.limit else None
        return SearchResults(
            items=tuple(_hit(h) for h in page),
            total=int(hits["total"]["value"]),
            limit=query.limit,
            offset=query.offset,
            next_after=None if last is None else _sort_key(last),
        )


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _millis(at: dt.datetime) -> int:
    """A ``date`` field's sort value: whole milliseconds since the epoch (what the engine
    keeps of the time)."""
    return (at - _EPOCH) // dt.timedelta(milliseconds=1)


def _sort_key(h: Mapping[str, Any]) -> SearchAfter:
    """The hit's sort values as the engine returned them (``_score`` exactly, the date in
    its milliseconds), for ``search_after``."""
    score, at, doc_id = h["sort"]
    if isinstance(at, int | float):
        when = _EPOCH + dt.timedelta(milliseconds=int(at))
    else:  # a formatted date
        when = dt.datetime.fromisoformat(str(at))
    return SearchAfter(score=float(score), updated_at=when, id=str(doc_id))


def _es_id(centre_id: uuid.UUID, doc_id: str) -> str:
    return f"{centre_id}:{doc_id}"


def _in_centre(centre_id: uuid.UUID, condition: dict[str, Any] | None) -> dict[str, Any]:
    filters: list[dict[str, Any]] = [{"term": {"centre_id": str(centre_id)}}]
    if condition is not None:
        filters.append(condition)
    return {"bool": {"filter": filters}}


def _all_terms(field: str, tokens: Sequence[str]) -> dict[str, Any]:
    """Every token present, at a fixed score (a blind match has no term statistics)."""
    every = {"bool": {"filter": [{"term": {field: t}} for t in tokens]}}
    return {"constant_score": {"filter": every, "boost": 0.5}}


def _mixed(pairs: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    """Every word in the text or its token among the terms, one token at least."""
    each: list[dict[str, Any]] = [{"terms": {"terms": [t for _, t in pairs]}}]
    for word, token in pairs:
        # A stop word ("and") leaves no terms to match: it counts as present.
        text = {
            "multi_match": {
                "query": word,
                "fields": ["title^3", "body"],
                "operator": "and",
                "zero_terms_query": "all",
            }
        }
        either = [text, {"term": {"terms": token}}]
        each.append({"bool": {"should": either, "minimum_should_match": 1}})
    return {"constant_score": {"filter": {"bool": {"filter": each}}, "boost": 0.5}}


def _query(query: SearchQuery) -> dict[str, Any]:
    options: list[dict[str, Any]] = []
    if query.text.strip():
        options.append(
            {
                "multi_match": {
                    "query": query.text,
                    "fields": ["title^3", "body"],
                    "operator": "and",
                    "fuzziness": "AUTO",
                }
            }
        )
    if query.terms:
        options.append(_all_terms("terms", query.terms))
    if query.restricted_terms:
        options.append(_all_terms("restricted_terms", query.restricted_terms))
    if len(query.word_terms) > 1:
        options.append(_mixed(query.word_terms))
    filters: list[dict[str, Any]] = [
        {"term": {"centre_id": str(query.centre_id)}},
        {"terms": {"kind": sorted(k.value for k in query.kinds)}},
    ]
    if query.own_cases_of is not None:
        own = [
            {"bool": {"must_not": [{"exists": {"field": "case_id"}}]}},
            {"term": {"adviser_id": str(query.own_cases_of)}},
        ]
        filters.append({"bool": {"should": own, "minimum_should_match": 1}})
    if not options:
        options.append({"match_none": {}})
    return {"bool": {"filter": filters, "should": options, "minimum_should_match": 1}}


def _opt(value: uuid.UUID | None) -> str | None:
    return None if value is None else str(value)


def _source(d: SearchDocument) -> dict[str, Any]:
    return {
        "centre_id": str(d.centre_id),
        "doc_id": d.id,
        "kind": d.kind.value,
        "entity_id": str(d.entity_id),
        "case_id": _opt(d.case_id),
        "client_id": _opt(d.client_id),
        "adviser_id": _opt(d.adviser_id),
        "title": d.title,
        "body": d.body,
        "terms": list(d.terms),
        "restricted_terms": list(d.restricted_terms),
        "updated_at": d.updated_at.isoformat(),
    }


def _uuid(value: str | None) -> Any:
    return None if value is None else uuid.UUID(value)


def _document(s: Mapping[str, Any]) -> SearchDocument:
    return SearchDocument(
        centre_id=CentreId(uuid.UUID(s["centre_id"])),
        kind=SearchKind(s["kind"]),
        entity_id=uuid.UUID(s["entity_id"]),
        case_id=_uuid(s.get("case_id")),
        client_id=_uuid(s.get("client_id")),
        adviser_id=_uuid(s.get("adviser_id")),
        title=s["title"],
        body=s["body"],
        terms=tuple(s.get("terms") or ()),
        restricted_terms=tuple(s.get("restricted_terms") or ()),
        updated_at=dt.datetime.fromisoformat(s["updated_at"]),
    )


def _hit(h: Mapping[str, Any]) -> SearchHit:
    s = h["_source"]
    fragments = h.get("highlight", {}).get("body") or []
    return SearchHit(
        kind=SearchKind(s["kind"]),
        entity_id=uuid.UUID(s["entity_id"]),
        case_id=_uuid(s.get("case_id")),
        client_id=_uuid(s.get("client_id")),
        title=s["title"],
        snippet=" … ".join(fragments) if fragments else s["body"][:200],
        score=float(h.get("_score") or 0.0),
    )
