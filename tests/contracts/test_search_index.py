"""One contract for every ``SearchIndex``: the list scan, SQLite FTS5, PostgreSQL full text
and Elasticsearch/OpenSearch (an OpenSearch-compatible server on loopback) pass the same
tests, each with the centre-A-cannot-see-B cases, crafted queries included.

Words are chosen so that stemming, prefix matching and fuzziness agree across engines.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from cma_adapters.search_memory import InMemorySearchIndex
from cma_core.cases.model import Case, CaseStatus, Note
from cma_core.clients.model import Client, PostalAddress
from cma_core.search import projection as p
from cma_core.search.model import (
    MARK_END,
    MARK_START,
    SearchDocument,
    SearchKind,
    SearchQuery,
    snippet_parts,
)
from cma_core.search.ports import SearchIndex
from cma_core.search.terms import SearchKey, chunks
from cma_core.shared.ids import CaseId, CentreId, ClientId, NoteId, UserId

T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
KEY = SearchKey(b"k" * 32)
ADVISER = UserId(uuid.uuid4())
OTHER_ADVISER = UserId(uuid.uuid4())

CRAFTED = [
    "' OR 1=1 --",
    '" OR scope:*',
    "centre_id:*",
    "* OR council",
    "council OR tax",
    "NEAR(council tax)",
    "{title body}: council",
    "terms : council",
    '"council" "tax"',
    "-council",
    "\\",
    "council & tax | !arrears",
    "council)",
]


def _id() -> uuid.UUID:
    return uuid.uuid4()


def doc(
    centre: CentreId,
    *,
    kind: SearchKind = SearchKind.NOTE,
    body: str = "",
    title: str = "Note",
    case_id: uuid.UUID | None = None,
    client_id: uuid.UUID | None = None,
    adviser: UserId | None = ADVISER,
    terms: tuple[str, ...] = (),
    restricted: tuple[str, ...] = (),
    at: dt.datetime = T0,
    entity_id: uuid.UUID | None = None,
) -> SearchDocument:
    return SearchDocument(
        centre_id=centre,
        kind=kind,
        entity_id=entity_id or _id(),
        case_id=CaseId(case_id)
        if case_id
        else (None if kind is SearchKind.CLIENT else CaseId(_id())),
        client_id=ClientId(client_id) if client_id else ClientId(_id()),
        adviser_id=None if kind is SearchKind.CLIENT else adviser,
        title=title,
        body=body,
        terms=terms,
        restricted_terms=restricted,
        updated_at=at,
    )


def q(centre: CentreId, text: str, **kw: Any) -> SearchQuery:
    """The query as ``SearchService.query_for`` builds it (tokens of every word; each word
    with its token when there are two or more)."""
    key = KEY.for_centre(centre)
    kw.setdefault("terms", key.tokens(text.casefold().split()))
    words = [w for w in chunks(text) if any(ch.isalnum() for ch in w)]
    kw.setdefault("word_terms", tuple((w, key.token(w)) for w in words) if len(words) > 1 else ())
    return SearchQuery(centre_id=centre, text=text, **kw)


class SearchIndexContract:
    @pytest.fixture
    def index(self, tmp_path: Path) -> SearchIndex:
        raise NotImplementedError

    @pytest.fixture
    def centres(self) -> tuple[CentreId, CentreId]:
        return CentreId(_id()), CentreId(_id())

    async def test_finds_by_words_ranked_and_highlighted(
        self, index: SearchIndex, centres: Any
    ) -> None:
        a, _ = centres
        both = doc(a, body="Client has council tax arrears and a parking fine.")
        once = doc(a, body="Council meeting notes only.")
        tax_twice = doc(a, title="Council tax", body="Council tax council tax reminder letter.")
        await index.upsert([both, once, tax_twice])
        found = await index.search(q(a, "council tax"))
        assert found.total == 2
        assert [h.entity_id for h in found.items] == [tax_twice.entity_id, both.entity_id]
        hit = found.items[1]
        assert hit.kind is SearchKind.NOTE
        assert hit.case_id == both.case_id
        marked = [t.casefold() for t, m in snippet_parts(hit.snippet) if m]
        assert "council" in marked
        assert "tax" in marked
        assert MARK_START in hit.snippet
        assert MARK_END in hit.snippet

    async def test_every_word_must_match(self, index: SearchIndex, centres: Any) -> None:
        a, _ = centres
        await index.upsert([doc(a, body="bailiff visit planned"), doc(a, body="bailiff letter")])
        assert (await index.search(q(a, "bailiff visit"))).total == 1
        assert (await index.search(q(a, "bailiff"))).total == 2
        assert (await index.search(q(a, "mortgage"))).total == 0

    async def test_blind_terms_match_only_all_together(
        self, index: SearchIndex, centres: Any
    ) -> None:
        a, _ = centres
        key = KEY.for_centre(a)
        client = doc(a, kind=SearchKind.CLIENT, title="Client", terms=key.tokens(["jane", "smith"]))
        await index.upsert([client])
        assert [h.entity_id for h in (await index.search(q(a, "Jane Smith"))).items] == [
            client.entity_id
        ]
        assert (await index.search(q(a, "smith"))).total == 1
        assert (await index.search(q(a, "smith brown"))).total == 0
        hit = (await index.search(q(a, "smith"))).items[0]
        assert MARK_START not in hit.snippet  # nothing of the name is held to show

    async def test_restricted_terms_only_when_asked(self, index: SearchIndex, centres: Any) -> None:
        a, _ = centres
        key = KEY.for_centre(a)
        secret = doc(a, body="", restricted=key.tokens(["refuge", "address"]))
        await index.upsert([secret])
        assert (await index.search(q(a, "refuge"))).total == 0
        asked = q(a, "refuge", restricted_terms=key.tokens(["refuge"]))
        assert [h.entity_id for h in (await index.search(asked)).items] == [secret.entity_id]

    async def test_kinds_and_own_cases(self, index: SearchIndex, centres: Any) -> None:
        a, _ = centres
        mine = doc(a, body="garden equipment loan", adviser=ADVISER)
        theirs = doc(a, body="garden equipment loan", adviser=OTHER_ADVISER)
        letter = doc(a, kind=SearchKind.LETTER, body="garden equipment loan", adviser=OTHER_ADVISER)
        client = doc(a, kind=SearchKind.CLIENT, body="garden equipment loan")
        await index.upsert([mine, theirs, letter, client])
        assert (await index.search(q(a, "garden"))).total == 4
        own = await index.search(q(a, "garden", own_cases_of=ADVISER))
        assert {h.entity_id for h in own.items} == {mine.entity_id, client.entity_id}
        letters = await index.search(q(a, "garden", kinds=frozenset({SearchKind.LETTER})))
        assert [h.entity_id for h in letters.items] == [letter.entity_id]

    async def test_pages_with_total_and_stable_order(
        self, index: SearchIndex, centres: Any
    ) -> None:
        a, _ = centres
        docs = [doc(a, body="energy supplier", at=T0 + dt.timedelta(minutes=i)) for i in range(7)]
        await index.upsert(docs)
        first = await index.search(q(a, "energy", limit=3, offset=0))
        rest = await index.search(q(a, "energy", limit=5, offset=3))
        assert first.total == rest.total == 7
        seen = [h.entity_id for h in (*first.items, *rest.items)]
        assert len(set(seen)) == 7
        assert seen[:3] == [d.entity_id for d in reversed(docs)][:3]  # equal scores: newest first

    @pytest.mark.parametrize("size", [1, 4, 7], ids=["size1", "size4", "size7"])
    async def test_cursor_pages_through_every_match_once_in_rank_order(
        self, index: SearchIndex, centres: Any, size: int
    ) -> None:
        """Keyset paging on (score desc, updated_at desc, id asc): ties in score (same
        text), in time (same instant) and across kinds, and a blind-token match at its
        fixed score among the ranked ones, all come out exactly once, in the order of
        one big page, with the total of every match on each page."""
        a, b = centres
        key = KEY.for_centre(a)
        docs = [
            doc(a, body="energy supplier", at=T0 + dt.timedelta(minutes=i % 3)) for i in range(9)
        ]
        docs += [doc(a, kind=SearchKind.LETTER, body="energy supplier", at=T0) for _ in range(3)]
        docs += [doc(a, title="Energy", body="energy energy supplier bill") for _ in range(2)]
        docs.append(doc(a, kind=SearchKind.CLIENT, body="", terms=key.tokens(["energy"])))
        docs.append(doc(a, body="water supplier"))  # no match
        await index.upsert([*docs, doc(b, body="energy supplier")])
        whole = await index.search(q(a, "energy", limit=50))
        assert whole.total == 15
        assert whole.next_after is None
        pages, after = [], None
        for _ in range(20):
            page = await index.search(q(a, "energy", limit=size, after=after))
            assert page.total == 15
            pages.append([h.entity_id for h in page.items])
            after = page.next_after
            if after is None:
                break
        seen = [e for p in pages for e in p]
        assert seen == [h.entity_id for h in whole.items]
        assert len(set(seen)) == 15
        assert all(len(p) == size for p in pages[:-1])

    async def test_cursor_pages_through_ties_at_the_fixed_blind_score(
        self, index: SearchIndex, centres: Any
    ) -> None:
        """Clients found by a blind name token all share one score: the tie-break (newest
        first, then id) alone orders them, across kinds, with a ranked text match first."""
        a, _ = centres
        token = KEY.for_centre(a).tokens(["okafor"])
        docs = [
            doc(a, kind=SearchKind.CLIENT, terms=token, at=T0 + dt.timedelta(minutes=i % 2))
            for i in range(5)
        ]
        docs += [doc(a, kind=SearchKind.LETTER, terms=token, at=T0) for _ in range(2)]
        docs.append(doc(a, title="Okafor", body="letter to okafor about okafor"))
        await index.upsert(docs)
        whole = await index.search(q(a, "okafor", limit=50))
        assert whole.total == 8
        pages, after = [], None
        for _ in range(10):
            page = await index.search(q(a, "okafor", limit=3, after=after))
            pages.append([h.entity_id for h in page.items])
            if (after := page.next_after) is None:
                break
        assert [e for p in pages for e in p] == [h.entity_id for h in whole.items]

    async def test_a_cursor_past_the_last_match_gives_an_empty_page_with_the_total(
        self, index: SearchIndex, centres: Any
    ) -> None:
        a, _ = centres
        token = KEY.for_centre(a).tokens(["okafor"])
        await index.upsert([doc(a, kind=SearchKind.CLIENT, terms=token) for _ in range(2)])
        last = await index.search(q(a, "okafor", limit=2))
        assert last.next_after is not None  # full page: there may be more
        past = await index.search(q(a, "okafor", limit=2, after=last.next_after))
        assert (past.items, past.total, past.next_after) == ((), 2, None)

    async def test_a_page_past_the_end_still_has_the_total(
        self, index: SearchIndex, centres: Any
    ) -> None:
        a, _ = centres
        await index.upsert([doc(a, body="energy supplier") for _ in range(3)])
        past = await index.search(q(a, "energy", limit=5, offset=10))
        assert (past.items, past.total) == ((), 3)

    async def test_upsert_replaces(self, index: SearchIndex, centres: Any) -> None:
        a, _ = centres
        first = doc(a, body="water arrears")
        await index.upsert([first])
        await index.upsert([first])
        await index.upsert([attrs.evolve(first, body="electricity arrears")])
        assert (await index.search(q(a, "water"))).total == 0
        assert (await index.search(q(a, "electricity"))).total == 1
        assert len(await index.documents(a)) == 1

    async def test_documents_round_trip(self, index: SearchIndex, centres: Any) -> None:
        a, _ = centres
        key = KEY.for_centre(a)
        one = doc(a, body="text", terms=key.tokens(["x"]), restricted=key.tokens(["y"]))
        client = doc(a, kind=SearchKind.CLIENT, terms=key.tokens(["z"]))
        await index.upsert([one, client])
        assert sorted(await index.documents(a), key=lambda d: d.id) == sorted(
            [one, client], key=lambda d: d.id
        )

    async def test_delete_case_client_and_ids(self, index: SearchIndex, centres: Any) -> None:
        a, _ = centres
        case_id, client_id = _id(), _id()
        case_docs = [
            doc(a, body="rent arrears", case_id=case_id, client_id=client_id) for _ in range(3)
        ]
        client_doc = doc(a, kind=SearchKind.CLIENT, body="rent arrears", client_id=client_id)
        other_case = doc(a, body="rent arrears", client_id=client_id)
        stranger = doc(a, body="rent arrears")
        await index.upsert([*case_docs, client_doc, other_case, stranger])
        await index.delete_case(a, CaseId(case_id))
        assert (await index.search(q(a, "rent"))).total == 3
        await index.delete_client(a, ClientId(client_id))
        assert [h.entity_id for h in (await index.search(q(a, "rent"))).items] == [
            stranger.entity_id
        ]
        await index.delete(a, [stranger.id, "note:unknown"])
        assert await index.documents(a) == []

    async def test_assign_case_moves_visibility(self, index: SearchIndex, centres: Any) -> None:
        a, _ = centres
        case_id = _id()
        docs = [doc(a, body="pension advice", case_id=case_id, adviser=ADVISER) for _ in range(2)]
        await index.upsert(docs)
        await index.assign_case(a, CaseId(case_id), OTHER_ADVISER)
        assert (await index.search(q(a, "pension", own_cases_of=ADVISER))).total == 0
        assert (await index.search(q(a, "pension", own_cases_of=OTHER_ADVISER))).total == 2
        await index.assign_case(a, CaseId(case_id), None)
        assert (await index.search(q(a, "pension", own_cases_of=OTHER_ADVISER))).total == 0

    # -- isolation ------------------------------------------------------------------------

    async def test_another_centre_never_appears(self, index: SearchIndex, centres: Any) -> None:
        a, b = centres
        ka, kb = KEY.for_centre(a), KEY.for_centre(b)
        mine = doc(a, body="council tax arrears", terms=ka.tokens(["smith"]))
        theirs = doc(
            b, body="council tax arrears", terms=kb.tokens(["smith"]), restricted=kb.tokens(["tax"])
        )
        # The same entity and id in both centres: still two documents.
        twin = doc(b, body="council tax arrears", entity_id=mine.entity_id, case_id=mine.case_id)
        await index.upsert([mine, theirs, twin])
        for text in ["council tax", "smith", "arrears", *CRAFTED]:
            found = await index.search(q(a, text, restricted_terms=kb.tokens(["tax"])))
            assert {h.entity_id for h in found.items} <= {mine.entity_id}, text
            assert found.total <= 1, text
        # B's own token, asked in A's centre, matches nothing of B.
        stolen = SearchQuery(centre_id=a, text="", terms=kb.tokens(["smith"]))
        assert (await index.search(stolen)).total == 0

    async def test_writes_in_one_centre_leave_the_other(
        self, index: SearchIndex, centres: Any
    ) -> None:
        a, b = centres
        case_id, client_id = _id(), _id()
        mine = doc(a, body="debt relief order", case_id=case_id, client_id=client_id)
        theirs = doc(
            b,
            body="debt relief order",
            case_id=case_id,
            client_id=client_id,
            entity_id=mine.entity_id,
        )
        await index.upsert([mine, theirs])
        await index.delete_case(b, CaseId(case_id))
        await index.delete_client(b, ClientId(client_id))
        await index.delete(b, [mine.id])
        await index.assign_case(b, CaseId(case_id), OTHER_ADVISER)
        await index.clear(b)
        assert await index.documents(a) == [mine]
        assert await index.documents(b) == []
        assert (await index.search(q(a, "relief", own_cases_of=ADVISER))).total == 1

    async def test_crafted_queries_never_fail(self, index: SearchIndex, centres: Any) -> None:
        a, _ = centres
        await index.upsert([doc(a, body="council tax")])
        for text in CRAFTED:
            found = await index.search(q(a, text))
            assert found.total <= 1, text

    # -- the client's identity in a case's text (cma_core.search.redact) -------------------

    async def test_a_text_naming_the_client_is_found_by_the_name_never_shown(
        self, index: SearchIndex, centres: Any
    ) -> None:
        a, b = centres
        client = _client(a)
        case = _case(client)
        note = Note(
            id=NoteId(_id()), author_id=ADVISER, created_at=T0, sensitive=False,
            body="Mrs QUARRINGTON-VASK of 17 Oxblood Terrace rang about the bailiff letter.",
        )  # fmt: skip
        ka = KEY.for_centre(a)
        indexed = p.note_document(case, note, ka, client)
        # The same note in centre B (its own key): never seen from A, nor A's from B.
        twin_case = attrs.evolve(case, centre_id=b)
        twin = p.note_document(
            twin_case, note, KEY.for_centre(b), attrs.evolve(client, centre_id=b)
        )
        await index.upsert([indexed, twin])
        stored = repr(await index.documents(a)).casefold()
        for secret in ("quarrington", "vask", "oxblood", "wf9"):
            assert secret not in stored, secret
        for text in ("Quarrington-Vask", "quarrington", "vask", "Oxblood"):
            found = await index.search(q(a, text))
            assert [h.entity_id for h in found.items] == [note.id], text
            hit = found.items[0]
            assert "quarrington" not in f"{hit.title} {hit.snippet}".casefold()
        # The rest of the text is still clear text: found, ranked and highlighted.
        found = await index.search(q(a, "bailiff"))
        assert [h.entity_id for h in found.items] == [note.id]
        assert "client]" in found.items[0].snippet  # the placeholder (an engine may cut the "[")
        assert "quarrington" not in found.items[0].snippet.casefold()
        # Another centre never finds it, by its own tokens of the name or by A's.
        assert (await index.search(q(b, "bailiff"))).total == 1  # B's own twin only
        for text in ("Quarrington-Vask", "Oxblood"):
            in_b = await index.search(q(b, text))
            assert [h.entity_id for h in in_b.items] == [note.id], text
            assert all(h.case_id == twin_case.id for h in in_b.items)
            stolen = SearchQuery(centre_id=b, text="", terms=ka.tokens([text.casefold()]))
            assert (await index.search(stolen)).total == 0
        # The name with other words: every word in the text or among the tokens.
        for text in ("Vask bailiff", "Quarrington-Vask bailiff letter", "Oxblood rang bailiff"):
            found = await index.search(q(a, text))
            assert [h.entity_id for h in found.items] == [note.id], text
        for text in ("Vask mortgage", "Vask Smith", "Oxblood mortgage"):
            assert (await index.search(q(a, text))).total == 0, text
        # A user without the case (own cases only, not the adviser) never finds it.
        assert (await index.search(q(a, "quarrington", own_cases_of=OTHER_ADVISER))).total == 0

    async def test_erasing_the_client_removes_the_redacted_text(
        self, index: SearchIndex, centres: Any
    ) -> None:
        a, _ = centres
        client = _client(a)
        case = _case(client)
        note = Note(
            id=NoteId(_id()), author_id=ADVISER, created_at=T0, sensitive=False,
            body="Zebedee Quarrington-Vask phoned.",
        )  # fmt: skip
        key = KEY.for_centre(a)
        await index.upsert(
            [p.client_document(client, key), p.case_document(case, client, key),
             p.note_document(case, note, key, client)]
        )  # fmt: skip
        assert (await index.search(q(a, "quarrington"))).total == 3
        await index.delete_client(a, client.id)
        assert (await index.search(q(a, "quarrington"))).total == 0
        assert await index.documents(a) == []


def _client(centre: CentreId) -> Client:
    return Client(
        id=ClientId(_id()), centre_id=centre, first_name="Zebedee",
        last_name="Quarrington-Vask", date_of_birth=dt.date(1961, 7, 14),
        address=PostalAddress.of(["17 Oxblood Terrace", "Wetherfold"], "WF9 3QZ"),
        created_at=T0, updated_at=T0,
    )  # fmt: skip


def _case(client: Client) -> Case:
    return Case(
        id=CaseId(_id()), centre_id=client.centre_id, client_id=client.id, reference="C-000042",
        status=CaseStatus.OPEN, adviser_id=ADVISER, opened_at=T0, updated_at=T0,
    )  # fmt: skip


async def _words(index: Any, centre: CentreId) -> dict[str, int]:
    """The centre's vocabulary (``search_words``), read under its Row Level Security."""
    from sqlalchemy import text

    async with index.engine.begin() as conn:
        await conn.execute(text("SELECT set_config('app.centre_id', :c, true)"), {"c": str(centre)})
        rows = await conn.execute(text("SELECT word, documents FROM search_words"))
        return {str(w): int(n) for w, n in rows}


class TestInMemorySearchIndex(SearchIndexContract):
    @pytest.fixture
    def index(self, tmp_path: Path) -> SearchIndex:
        return InMemorySearchIndex()


class TestSqliteFtsSearchIndex(SearchIndexContract):
    @pytest.fixture
    async def index(self, tmp_path: Path) -> AsyncIterator[SearchIndex]:
        from cma_adapters.search_sqlite import SqliteFtsSearchIndex

        index = SqliteFtsSearchIndex(tmp_path / "search.sqlite3")
        yield index
        await index.close()


@pytest.mark.postgres
class TestPostgresSearchIndex(SearchIndexContract):
    @pytest.fixture
    async def index(self, postgres_url: str) -> AsyncIterator[SearchIndex]:
        from cma_adapters.search_postgres import PostgresSearchIndex
        from cma_adapters.sqlalchemy import create_engine_for

        engine = create_engine_for(postgres_url, pool_size=2)
        yield PostgresSearchIndex(engine)
        await engine.dispose()

    async def test_typos_found_by_trigrams(self, index: SearchIndex, centres: Any) -> None:
        a, b = centres
        wanted = doc(a, body="Letter from the council about arrears")
        await index.upsert([wanted, doc(b, body="Letter from the council about arrears")])
        found = await index.search(q(a, "counsil"))
        assert [h.entity_id for h in found.items] == [wanted.entity_id]

    async def test_the_typo_pass_reads_the_centres_vocabulary_kept_with_every_write(
        self, index: Any, centres: Any
    ) -> None:
        """Migration 2060: ``search_words`` holds each centre's words (stems) with how many
        of its documents hold them, kept by triggers on every write; a word goes with the
        last document holding it (erasure leaves none), and the typo pass finds only
        what the vocabulary still has."""
        a, b = centres
        client_id = _id()
        first = doc(a, body="The bailiff visited", client_id=client_id)
        second = doc(a, body="A bailiff letter arrived")
        await index.upsert([first, second, doc(b, body="mortgage shortfall")])
        assert await _words(index, a) == {
            "arriv": 1, "bailiff": 2, "letter": 1, "note": 2, "visit": 1,
        }  # fmt: skip
        assert await _words(index, b) == {"mortgag": 1, "note": 1, "shortfal": 1}
        assert (await index.search(q(a, "bailuff"))).total == 2
        assert (await index.search(q(a, "mortgate"))).total == 0  # B's word, never A's
        # An update moves the counts; assign_case changes none.
        await index.upsert([attrs.evolve(second, body="A bailiff fee")])
        await index.assign_case(a, second.case_id, OTHER_ADVISER)
        assert await _words(index, a) == {"bailiff": 2, "fee": 1, "note": 2, "visit": 1}
        assert (await index.search(q(a, "leter"))).total == 0
        await index.delete(a, [second.id])
        assert await _words(index, a) == {"bailiff": 1, "note": 1, "visit": 1}
        await index.delete_client(a, ClientId(client_id))  # erasure
        assert await _words(index, a) == {}
        assert (await index.search(q(a, "bailuff"))).total == 0
        await index.upsert([second])
        await index.clear(a)
        assert await _words(index, a) == {}
        assert await _words(index, b) == {"mortgag": 1, "note": 1, "shortfal": 1}

    async def test_two_writers_of_one_centre_queue_on_its_vocabulary_never_deadlock(
        self, index: Any, centres: Any
    ) -> None:
        """Each upsert is one transaction of one statement a document, each statement
        locking its words' rows; two writers of different documents taking shared words
        in opposite orders would deadlock but for the centre's advisory lock (migration
        2060). (Two writers of the same documents in opposite orders can deadlock on the
        documents' own rows, with or without the vocabulary.)"""
        import asyncio

        a, _ = centres
        words = [f"word{chr(97 + i)}{chr(97 + j)}" for i in range(6) for j in range(6)]
        # No word in every document (a shared first word would queue the writers anyway).
        docs = [doc(a, title=words[i], body=" ".join(words[i : i + 6])) for i in range(0, 36, 2)]
        await index.upsert(docs)  # every word exists: the writers below update its row
        for _ in range(3):  # each writer its own new documents: only the words are shared
            one, two = ([attrs.evolve(d, entity_id=_id()) for d in docs] for _ in range(2))
            await asyncio.gather(index.upsert(one), index.upsert(two[::-1]))
        counts = await _words(index, a)
        assert counts["wordaa"] == 7
        assert counts["wordab"] == 7

    async def test_a_typo_is_corrected_highlighted_and_ranked_like_a_word(
        self, index: SearchIndex, centres: Any
    ) -> None:
        a, _ = centres
        both = doc(a, body="The bailiff sent an enforcement notice about council tax")
        one = doc(a, body="An enforcement agent called", at=T0 + dt.timedelta(days=1))
        secret = doc(a, body="enforcement", restricted=KEY.for_centre(a).tokens(["bailiff"]))
        await index.upsert([both, one, secret])
        found = await index.search(q(a, "enforcment"))  # one letter short of eleven
        assert {h.entity_id for h in found.items} == {
            both.entity_id,
            one.entity_id,
            secret.entity_id,
        }
        found = await index.search(q(a, "bailuff enforcemant"))  # every word corrected
        assert [h.entity_id for h in found.items] == [both.entity_id]
        snippet = found.items[0].snippet
        assert f"{MARK_START}bailiff{MARK_END}" in snippet
        assert f"{MARK_START}enforcement{MARK_END}" in snippet
        # A withheld word (only a restricted token of ``secret``) is never a near match:
        # the vocabulary holds the clear text's words only.
        assert [h.entity_id for h in (await index.search(q(a, "bailuff"))).items] == [
            both.entity_id
        ]
        # A word with no near match anywhere is left out, as the trigram pass ignored it.
        assert (await index.search(q(a, "counsil zzzzzz"))).total == 1
        # The pass before migration 2060 (kept to be measured against) finds the same.
        from cma_adapters.search_postgres import PostgresSearchIndex

        before = PostgresSearchIndex(index.engine, typos_from="bodies")
        found = await before.search(q(a, "enforcment"))
        assert {h.entity_id for h in found.items} == {
            both.entity_id,
            one.entity_id,
            secret.entity_id,
        }

    async def test_the_typo_pass_keeps_a_known_word_and_only_the_closest_corrections(
        self, index: SearchIndex, centres: Any
    ) -> None:
        """A query word the centre's vocabulary holds as written is taken as it is, not
        widened to its near words ("tax" does not bring in "taxi"); a misspelt one brings
        its closest matches only. Each word ORed in brings its documents to read and rank
        (the cold tail of the pass, benchmarks/README.md)."""
        a, _ = centres
        tax = doc(a, body="Council tax arrears for this year")
        taxi = doc(a, body="Council taxi booking for the appointment")
        await index.upsert([tax, taxi])
        found = await index.search(q(a, "councel tax"))
        assert [h.entity_id for h in found.items] == [tax.entity_id]
        found = await index.search(q(a, "councel taxx"))  # both misspelt: both corrected
        assert {h.entity_id for h in found.items} == {tax.entity_id, taxi.entity_id}

    async def test_its_operators_are_leakproof_so_rls_lets_them_use_the_gin_indexes(
        self, index: Any
    ) -> None:
        """Migration 1940: under RLS a condition whose function is not LEAKPROOF is never
        an index condition, and each search read every row of its centre (measured on
        200,000 cases: benchmarks/README.md). What the search's operators call must be."""
        from sqlalchemy import text

        sql = (
            "SELECT o.oprname, p.proleakproof FROM pg_operator o JOIN pg_proc p "
            "ON p.oid = o.oprcode WHERE (o.oprname, o.oprleft::regtype::text) IN "
            "(('@@', 'tsvector'), ('@>', 'anyarray'), ('&&', 'anyarray'), ('<%', 'text'), "
            "('%>', 'text')) ORDER BY 1"
        )
        async with index.engine.begin() as conn:
            rows = [tuple(r) for r in await conn.execute(text(sql))]
        assert rows == [("%>", True), ("&&", True), ("<%", True), ("@>", True), ("@@", True)]

    async def test_every_search_is_planned_for_its_own_words(
        self, postgres_url: str, centres: Any
    ) -> None:
        """A generic plan (PostgreSQL's choice after five runs of a prepared statement)
        cannot see the query's words, and kept the typo pass scanning the centre's every
        document at 1,000,000 cases (benchmarks/README.md, branch pg1m): each search's
        statements are planned for their own parameters."""
        from sqlalchemy import text

        from cma_adapters.search_postgres import PostgresSearchIndex
        from cma_adapters.sqlalchemy import create_engine_for

        engine = create_engine_for(postgres_url, pool_size=1)  # one session to look at
        try:
            index = PostgresSearchIndex(engine)
            a, _ = centres
            await index.upsert([doc(a, body=f"letter number {i} about arrears") for i in range(5)])
            for word in ("arrears", "letter", "number", "about", "arears", "leter", "numbr"):
                for _ in range(2):
                    await index.search(q(a, word))
            sql = (
                "SELECT coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0) "
                "FROM pg_prepared_statements WHERE statement LIKE '%FROM search_documents d%' "
                "AND statement NOT LIKE '%pg_prepared_statements%'"
            )
            async with engine.connect() as conn:
                generic, custom = (await conn.execute(text(sql))).one()
        finally:
            await engine.dispose()
        assert (generic, custom >= 14) == (0, True)

    async def test_the_gin_indexes_bound_the_pending_lists_a_search_reads(self, index: Any) -> None:
        """Migration 2041: every scan of a GIN index reads its whole pending list (4 MB
        by default); the search indexes keep theirs to 128 kB."""
        from sqlalchemy import text

        sql = (
            "SELECT relname, reloptions FROM pg_class WHERE relname IN "
            "('ix_search_documents_tsv', 'ix_search_documents_terms', "
            "'ix_search_documents_restricted', 'ix_search_documents_trgm') ORDER BY 1"
        )
        async with index.engine.begin() as conn:
            rows = [tuple(r) for r in await conn.execute(text(sql))]
        assert len(rows) == 4
        assert all(options == ["gin_pending_list_limit=128"] for _, options in rows)

    async def test_web_search_syntax(self, index: SearchIndex, centres: Any) -> None:
        a, _ = centres
        await index.upsert([doc(a, body="gas bill"), doc(a, body="water bill")])
        assert (await index.search(q(a, "bill -gas"))).total == 1
        assert (await index.search(q(a, "gas or water"))).total == 2


class TestElasticSearchIndex(SearchIndexContract):
    """Against ``osmem-server`` (OpenSearch 3 compatible), started by the test run on
    loopback; a fresh clone per test. The plain-JSON transport is the adapter's setting."""

    @pytest.fixture
    async def index(self, osmem_clone: Any) -> AsyncIterator[SearchIndex]:
        from cma_adapters.search_elastic import ElasticSearchIndex

        index = ElasticSearchIndex(osmem_clone.url, plain_json=True, refresh=True)
        yield index
        await index.close()

    @pytest.mark.xfail(
        strict=True,
        reason="osmem-server ranks with float64 scores but returns them rounded to float32, "
        "so search_after at a tied text score skips the rest of the tie; Elasticsearch and "
        "OpenSearch score in float32 (Lucene) and return it exactly. Ties at the fixed blind "
        "score, exact in both: test_cursor_pages_through_ties_at_the_fixed_blind_score.",
    )
    @pytest.mark.parametrize("size", [1, 4, 7], ids=["size1", "size4", "size7"])
    async def test_cursor_pages_through_every_match_once_in_rank_order(
        self, index: SearchIndex, centres: Any, size: int
    ) -> None:
        await super().test_cursor_pages_through_every_match_once_in_rank_order(index, centres, size)

    async def test_typos_found_by_fuzziness(self, index: SearchIndex, centres: Any) -> None:
        a, b = centres
        wanted = doc(a, body="Letter from the council about arrears")
        await index.upsert([wanted, doc(b, body="Letter from the council about arrears")])
        found = await index.search(q(a, "counsil"))
        assert [h.entity_id for h in found.items] == [wanted.entity_id]
