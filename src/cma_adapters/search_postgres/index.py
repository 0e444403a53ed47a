"""``PostgresSearchIndex``: the ``search_documents`` table of migration 1000.

SQLAlchemy Core ``text()`` on the application's async engine (the query side needs no ORM).
Each transaction sets ``app.centre_id`` first, so Row Level Security admits only that
centre's rows, and every statement filters by ``centre_id`` itself as well.

Queries use ``websearch_to_tsquery('english', ...)`` (words are ANDed, stemmed; "quoted
phrases", ``or`` and ``-word`` work), ranked by ``ts_rank_cd`` with the title weighted
above the body, highlighted by ``ts_headline`` on the page's rows only. When that finds
nothing, a typo-tolerant pass looks up each query word's near matches (``pg_trgm`` word
similarity, ``<%``) in the centre's vocabulary (``search_words``, migration 2060: a few
thousand words a centre, kept by triggers on ``search_documents``) and runs the full-text
query again with them: for every word that has near matches, the word itself when the
centre has it, else its closest matches (within ``TYPO_MARGIN`` of the best), ranked and
highlighted as above.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.types import Text

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

_COLUMNS = (
    "centre_id, id, kind, entity_id, case_id, client_id, adviser_id, title, body, terms, "
    "restricted_terms, updated_at"
)
_UPSERT = text(
    f"INSERT INTO search_documents ({_COLUMNS}) VALUES (:centre_id, :id, :kind, :entity_id, "  # noqa: S608 - constants and placeholders only
    ":case_id, :client_id, :adviser_id, :title, :body, :terms, :restricted_terms, "
    ":updated_at) ON CONFLICT (centre_id, id) DO UPDATE SET kind = excluded.kind, "
    "entity_id = excluded.entity_id, case_id = excluded.case_id, "
    "client_id = excluded.client_id, adviser_id = excluded.adviser_id, "
    "title = excluded.title, body = excluded.body, terms = excluded.terms, "
    "restricted_terms = excluded.restricted_terms, updated_at = excluded.updated_at"
).bindparams(
    bindparam("terms", type_=ARRAY(Text)), bindparam("restricted_terms", type_=ARRAY(Text))
)
_HEADLINE = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
#: ts_headline reads the whole text it is given: only the start of a long body.
_HEADLINE_CHARS = 20_000
_BLIND_SCORE = 0.5
#: Word similarity (pg_trgm) at which a word counts as a typo of the query.
TYPO_SIMILARITY = 0.45
#: The near matches a query word may bring in (most similar first, then most common).
TYPO_CANDIDATES = 8
#: Of a word's near matches, only those this close to the best one's similarity: a
#: misspelling's correction, not every word sharing a few trigrams with it (each one
#: ORed in brings its documents, read and ranked: the cold tail of the typo pass).
TYPO_MARGIN = 0.1
#: The words of a query the typo pass corrects (letters only, as the vocabulary's).
TYPO_WORDS = 8
_WORD = re.compile(r"[^\W\d_]{3,40}")
# Each query word, and its English stem (the vocabulary holds stems: "payments" is
# "payment"), against the centre's words through their trigram GIN index.
_NEAR_WORDS = text(
    "SELECT q.i, v.word, v.sim, v.exact "
    "FROM unnest(CAST(:words AS text[])) WITH ORDINALITY AS q(w, i) "
    "CROSS JOIN LATERAL (SELECT coalesce((ts_lexize('english_stem', q.w))[1], q.w) AS s) st "
    "CROSS JOIN LATERAL (SELECT sw.word, greatest(word_similarity(q.w, sw.word), "
    "word_similarity(st.s, sw.word)) AS sim, sw.word IN (q.w, st.s) AS exact "
    "FROM search_words sw WHERE sw.centre_id = :c "
    "AND (q.w <% sw.word OR st.s <% sw.word) ORDER BY sim DESC, sw.documents DESC, sw.word "
    "LIMIT :n) v"
).bindparams(bindparam("words", type_=ARRAY(Text)))


class PostgresSearchIndex(SearchIndex):
    """``typos_from``: ``"words"`` (the centre's vocabulary, above) or ``"bodies"`` (the
    query against every document's body, ``ix_search_documents_trgm``: the pass before
    migration 2060, kept to be measured against: ``benchmarks/pgsearch_bench.py``)."""

    def __init__(self, engine: AsyncEngine, *, typos_from: str = "words") -> None:
        if typos_from not in ("words", "bodies"):
            raise ValueError(f"typos_from: 'words' or 'bodies', not {typos_from!r}")
        self.engine = engine
        self.typos_from = typos_from

    async def _in_centre(self, conn: AsyncConnection, centre_id: uuid.UUID) -> None:
        await conn.execute(
            text("SELECT set_config('app.centre_id', :c, true)"), {"c": str(centre_id)}
        )

    async def _run(self, centre_id: CentreId, sql: str, params: dict[str, Any]) -> None:
        async with self.engine.begin() as conn:
            await self._in_centre(conn, centre_id)
            await conn.execute(text(sql), {"c": centre_id, **params})

    async def upsert(self, documents: Sequence[SearchDocument]) -> None:
        by_centre: dict[CentreId, list[dict[str, Any]]] = defaultdict(list)
        for d in documents:
            by_centre[d.centre_id].append(_row(d))
        for centre_id, rows in by_centre.items():
            async with self.engine.begin() as conn:
                await self._in_centre(conn, centre_id)
                await conn.execute(_UPSERT, rows)

    async def delete(self, centre_id: CentreId, ids: Sequence[str]) -> None:
        if ids:
            sql = "DELETE FROM search_documents WHERE centre_id = :c AND id = ANY(:ids)"
            await self._run(centre_id, sql, {"ids": list(ids)})

    async def delete_case(self, centre_id: CentreId, case_id: CaseId) -> None:
        sql = "DELETE FROM search_documents WHERE centre_id = :c AND case_id = :k"
        await self._run(centre_id, sql, {"k": case_id})

    async def delete_client(self, centre_id: CentreId, client_id: ClientId) -> None:
        sql = "DELETE FROM search_documents WHERE centre_id = :c AND client_id = :k"
        await self._run(centre_id, sql, {"k": client_id})

    async def assign_case(
        self, centre_id: CentreId, case_id: CaseId, adviser_id: UserId | None
    ) -> None:
        sql = (
            "UPDATE search_documents SET adviser_id = :a WHERE centre_id = :c "
            "AND case_id = :k AND adviser_id IS DISTINCT FROM :a"
        )
        await self._run(centre_id, sql, {"k": case_id, "a": adviser_id})

    async def clear(self, centre_id: CentreId) -> None:
        await self._run(centre_id, "DELETE FROM search_documents WHERE centre_id = :c", {})

    async def documents(self, centre_id: CentreId) -> Sequence[SearchDocument]:
        async with self.engine.begin() as conn:
            await self._in_centre(conn, centre_id)
            rows = await conn.execute(
                text(f"SELECT {_COLUMNS} FROM search_documents WHERE centre_id = :c ORDER BY id"),  # noqa: S608 - constants and placeholders only
                {"c": centre_id},
            )
            return [_document(r) for r in rows.mappings()]

    async def search(self, query: SearchQuery) -> SearchResults:
        if not query.kinds:
            return _empty(query)
        async with self.engine.begin() as conn:
            # A custom plan for every search, set with the centre (one round trip): a
            # generic plan cannot see the query's words, and after five runs of the same
            # statement PostgreSQL may keep one that scans the centre's every document
            # (the typo pass did: benchmarks/README.md, branch pg1m).
            await conn.execute(
                text(
                    "SELECT set_config('app.centre_id', :c, true), "
                    "set_config('plan_cache_mode', 'force_custom_plan', true)"
                ),
                {"c": str(query.centre_id)},
            )
            found = await self._search(conn, query, fuzzy=False)
            if found.total == 0 and query.text.strip():
                # pg_trgm's default (0.6) misses one wrong letter in a seven-letter word.
                await conn.execute(
                    text("SELECT set_config('pg_trgm.word_similarity_threshold', :t, true)"),
                    {"t": str(TYPO_SIMILARITY)},
                )
                if self.typos_from == "bodies":
                    return await self._search(conn, query, fuzzy=True)
                near = await _near_words(conn, query)
                if near:
                    return await self._search(conn, query, fuzzy=False, near=near)
            return found

    async def _search(
        self, conn: AsyncConnection, query: SearchQuery, *, fuzzy: bool, near: str = ""
    ) -> SearchResults:
        where, score, params = _where(query, fuzzy=fuzzy, near=near)
        if where is None:
            return _empty(query)
        snippet = (
            "left(p.body, 200)"
            if fuzzy
            else f"ts_headline('english', left(p.body, {_HEADLINE_CHARS}), {_tsquery(near)}, :opts)"
        )
        # One pass over the matches: the total is a window count taken before the LIMIT
        # (a separate count(*) read every match a second time) and before the keyset
        # condition, so it counts every match, not only those after the cursor.
        after, after_params = _after(query)
        matches = (
            "SELECT d.kind, d.entity_id, d.case_id, d.client_id, d.title, d.body, "  # noqa: S608 - constants and placeholders only
            f"d.updated_at, d.id, {score} AS score, count(*) OVER () AS total "
            f"FROM search_documents d WHERE {where}"
        )
        # Without a cursor, one level, as before cursors (a wrapper measured slower).
        page = (
            f"SELECT m.* FROM ({matches}) m{after} "  # noqa: S608 - constants and placeholders only
            "ORDER BY m.score DESC, m.updated_at DESC, m.id LIMIT :limit OFFSET :offset"
            if after
            else f"{matches} ORDER BY score DESC, d.updated_at DESC, d.id "
            "LIMIT :limit OFFSET :offset"
        )
        sql = (
            f"SELECT p.kind, p.entity_id, p.case_id, p.client_id, p.title, {snippet} AS snippet, "  # noqa: S608 - constants and placeholders only
            f"p.score, p.total, p.updated_at, p.id FROM ({page}) p "
            "ORDER BY p.score DESC, p.updated_at DESC, p.id"
        )
        rows = (
            (
                await conn.execute(
                    text(sql).bindparams(*_array_params(params)),
                    {
                        **params,
                        **after_params,
                        "opts": _HEADLINE,
                        "limit": query.limit,
                        "offset": query.offset,
                    },
                )
            )
            .mappings()
            .all()
        )
        if rows:
            total = int(rows[0]["total"])
        elif query.offset or query.after:  # past the end: the window saw no row, count them
            count = text(f"SELECT count(*) FROM search_documents d WHERE {where}").bindparams(  # noqa: S608 - built from constants
                *_array_params(params)
            )
            total = int((await conn.execute(count, params)).scalar_one())
        else:
            total = 0
        if total == 0:
            return _empty(query)
        last = rows[-1] if rows and len(rows) == query.limit else None
        return SearchResults(
            items=tuple(_hit(r) for r in rows),
            total=total,
            limit=query.limit,
            offset=query.offset,
            next_after=None
            if last is None
            else SearchAfter(
                score=float(last["score"]), updated_at=last["updated_at"], id=last["id"]
            ),
        )


async def _near_words(conn: AsyncConnection, query: SearchQuery) -> str:
    """The typo pass's query (``tsquery`` text): for each word of the query with near
    matches in the centre's vocabulary, any of them; every such word. Empty: none has."""
    words = list(dict.fromkeys(_WORD.findall(query.text.casefold())))[:TYPO_WORDS]
    if not words:
        return ""
    rows = await conn.execute(
        _NEAR_WORDS, {"words": words, "c": query.centre_id, "n": TYPO_CANDIDATES}
    )
    found: dict[int, list[tuple[str, float, bool]]] = defaultdict(list)
    for i, word, sim, exact in rows:
        found[i].append((word, float(sim), bool(exact)))
    near: dict[int, list[str]] = {}
    for i, candidates in found.items():
        # A word the centre has as written (or its stem) is taken as it is; otherwise its
        # closest matches, most similar first (the SQL's order).
        kept = [c for c in candidates if c[2]] or [
            c for c in candidates if c[1] >= candidates[0][1] - TYPO_MARGIN
        ]
        near[i] = ["'" + w.replace("'", "''").replace("\\", "\\\\") + "'" for w, _, _ in kept]
    return " & ".join(f"({' | '.join(near[i])})" for i in sorted(near))


def _tsquery(near: str) -> str:
    """The full-text query: the user's text, or the typo pass's near words."""
    return "CAST(:near AS tsquery)" if near else "websearch_to_tsquery('english', :q)"


def _after(query: SearchQuery) -> tuple[str, dict[str, Any]]:
    """The keyset condition on the matches (score desc, updated_at desc, id asc). The score
    is a ``real``; the cursor's, as ``double precision``, compares with it exactly."""
    a = query.after
    if a is None:
        return "", {}
    sql = (
        " WHERE (m.score < CAST(:after_score AS double precision) "
        "OR (m.score = CAST(:after_score AS double precision) AND (m.updated_at < :after_at "
        "OR (m.updated_at = :after_at AND m.id > :after_id))))"
    )
    return sql, {"after_score": a.score, "after_at": a.updated_at, "after_id": a.id}


def _array_params(params: dict[str, Any]) -> list[Any]:
    names = ("terms", "rterms", "mterms")
    return [bindparam(k, type_=ARRAY(Text)) for k in names if k in params]


def _mixed(pairs: tuple[tuple[str, str], ...], params: dict[str, Any]) -> str:
    """Every word in the text (a stop word counts as present) or its token among the
    terms, one token at least."""
    params["mterms"] = [t for _, t in pairs]
    each = []
    for i, (word, token) in enumerate(pairs):
        params[f"mw{i}"], params[f"mt{i}"] = word, token
        words = f"plainto_tsquery('english', :mw{i})"
        each.append(
            f"(numnode({words}) = 0 OR d.tsv @@ {words} OR d.terms @> ARRAY[CAST(:mt{i} AS text)])"
        )
    return f"(d.terms && :mterms AND {' AND '.join(each)})"


def _where(
    query: SearchQuery, *, fuzzy: bool, near: str = ""
) -> tuple[str | None, str, dict[str, Any]]:
    """The WHERE clause (None: nothing can match), the score expression and parameters.
    Only the parts that apply are written out, so each can use its own GIN index. ``near``:
    the typo pass's words (``tsquery`` text) instead of the user's, without blind terms
    (the first pass found none of them)."""
    params: dict[str, Any] = {
        "c": query.centre_id,
        "kinds": sorted(k.value for k in query.kinds),
        "q": query.text,
    }
    if near:
        params["near"] = near
    options: list[str] = []
    blind: list[str] = []
    if fuzzy:
        options.append(":q <% d.body")
        score = "word_similarity(:q, d.body)"
    else:
        options.append(f"d.tsv @@ {_tsquery(near)}")
        score = f"ts_rank_cd(d.tsv, {_tsquery(near)})"
    if not fuzzy and not near:
        if query.terms:
            blind.append("d.terms @> :terms")
            params["terms"] = list(query.terms)
        if query.restricted_terms:
            blind.append("d.restricted_terms @> :rterms")
            params["rterms"] = list(query.restricted_terms)
        if len(query.word_terms) > 1:
            blind.append(_mixed(query.word_terms, params))
    options += blind
    if blind:
        score += f" + CASE WHEN {' OR '.join(blind)} THEN {_BLIND_SCORE} ELSE 0 END"
    where = f"d.centre_id = :c AND d.kind = ANY(:kinds) AND ({' OR '.join(options)})"
    if query.own_cases_of is not None:
        where += " AND (d.case_id IS NULL OR d.adviser_id = :own)"
        params["own"] = query.own_cases_of
    return where, score, params


def _empty(query: SearchQuery) -> SearchResults:
    return SearchResults(items=(), total=0, limit=query.limit, offset=query.offset)


def _row(d: SearchDocument) -> dict[str, Any]:
    return {
        "centre_id": d.centre_id,
        "id": d.id,
        "kind": d.kind.value,
        "entity_id": d.entity_id,
        "case_id": d.case_id,
        "client_id": d.client_id,
        "adviser_id": d.adviser_id,
        "title": d.title,
        "body": d.body.replace("\x00", ""),
        "terms": list(d.terms),
        "restricted_terms": list(d.restricted_terms),
        "updated_at": d.updated_at,
    }


def _document(r: Any) -> SearchDocument:
    return SearchDocument(
        centre_id=CentreId(r["centre_id"]),
        kind=SearchKind(r["kind"]),
        entity_id=r["entity_id"],
        case_id=r["case_id"],
        client_id=r["client_id"],
        adviser_id=r["adviser_id"],
        title=r["title"],
        body=r["body"],
        terms=tuple(r["terms"]),
        restricted_terms=tuple(r["restricted_terms"]),
        updated_at=r["updated_at"],
    )


def _hit(r: Any) -> SearchHit:
    return SearchHit(
        kind=SearchKind(r["kind"]),
        entity_id=r["entity_id"],
        case_id=r["case_id"],
        client_id=r["client_id"],
        title=r["title"],
        snippet=r["snippet"] or "",
        score=float(r["score"]),
    )
