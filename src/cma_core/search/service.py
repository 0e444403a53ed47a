"""Search: the query use case, the projection that keeps the index in step with the write
side (event handlers run by the worker), and its rebuild.

The index is a projection: every handler re-reads the current state of what the event
names (so events handled late or twice leave the right document), writes with no unit of
work open (``OutsideTransaction``: an index may be another engine), and a rebuild from the
write side gives the same documents.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from attrs import define, field, frozen

from cma_core.advice.model import LetterSent
from cma_core.advice.ports import LetterRepository
from cma_core.audit.service import commit_audited
from cma_core.cases.model import (
    AdviserAssigned,
    Case,
    CaseClosed,
    CaseNoteAdded,
    CaseOpened,
    CaseReopened,
)
from cma_core.cases.ports import CaseRepository
from cma_core.casework.model import CaseworkChanged, Contact
from cma_core.casework.ports import ContactRepository
from cma_core.clients.model import ClientRegistered, ClientUpdated
from cma_core.clients.ports import ClientRepository
from cma_core.documents.model import DocumentDeleted, DocumentId, DocumentTextExtracted
from cma_core.documents.ports import DocumentRepository
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.privacy.events import CaseErased, ClientErased
from cma_core.search import projection as p
from cma_core.search.model import (
    SearchAfter,
    SearchDocument,
    SearchHit,
    SearchKind,
    SearchQuery,
    SearchResults,
    doc_id,
)
from cma_core.search.ports import SearchIndex
from cma_core.search.terms import CentreSearchKey, SearchKey, chunks
from cma_core.shared.clock import Clock
from cma_core.shared.errors import ValidationError
from cma_core.shared.events import EventEnvelope
from cma_core.shared.handlers import (
    Handles,
    OutsideTransaction,
    Work,
    case_of,
    client_of,
    each_event,
    handles,
)
from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId
from cma_core.shared.paging import encode_cursor, start_after
from cma_core.shared.service import IdFactory, check_page
from cma_core.shared.uow import RepositoryFactory, UnitOfWork, UnitOfWorkFactory

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
CASE_KINDS = frozenset(SearchKind) - {SearchKind.CLIENT}

Progress = Callable[[int, int], None]
"""Called with (records done, records in all) as a rebuild goes."""


@define
class SearchService:
    uow: UnitOfWorkFactory
    index: SearchIndex
    key: SearchKey
    clock: Clock
    new_id: IdFactory = field(default=uuid.uuid4)
    clients: RepositoryFactory[ClientRepository] = field(kw_only=True)

    async def search(
        self,
        ctx: TenantContext,
        q: str,
        *,
        kinds: frozenset[SearchKind] | None = None,
        limit: int = 20,
        offset: int = 0,
        cursor: str | None = None,
    ) -> SearchResults:
        """Ranked matches the user may see, in their centre. Audited (the query's words are
        not kept: they may be a client's name). ``cursor`` (a page's ``search_cursor``)
        continues after that page."""
        query = self.query_for(ctx, q, kinds=kinds, limit=limit, offset=offset, cursor=cursor)
        # The audit entry is committed while the index runs the query (its commit is the
        # embedded database's fsync: ~3 ms a search, measured in benchmarks/README.md),
        # and no result leaves before that commit: every search is still recorded durably,
        # an attempt that then fails included.
        audit = asyncio.ensure_future(self._audit(ctx))
        try:
            results = await self.index.search(query)
        finally:
            await audit
        if any(h.kind is SearchKind.CLIENT for h in results.items):
            async with self.uow(ctx.centre_id) as uow:
                results = await self._named(uow, results)
        return results

    async def _audit(self, ctx: TenantContext) -> None:
        async with self.uow(ctx.centre_id) as uow:
            await commit_audited(
                uow, ctx, self.new_id, "search.performed", "search", self.new_id(),
                self.clock.now(), ("q", "kind"), seal_later=True,
            )  # fmt: skip

    def query_for(
        self,
        ctx: TenantContext,
        q: str,
        *,
        kinds: frozenset[SearchKind] | None = None,
        limit: int = 20,
        offset: int = 0,
        cursor: str | None = None,
    ) -> SearchQuery:
        """The index query for this user: their centre, the kinds they may see (asking for
        one they may not is refused), their own cases only without ``case:read_all``, and
        restricted tokens only with ``sensitive:read``."""
        check_page(limit, offset)
        after = decode_search_cursor(cursor, offset)
        text = " ".join(q.replace("\x00", " ").split())
        if not text:
            raise ValidationError("q", "must not be blank")
        if len(text) > MAX_QUERY_LENGTH:
            raise ValidationError("q", f"must be at most {MAX_QUERY_LENGTH} characters")
        words = chunks(text)
        if len(words) > MAX_QUERY_WORDS:
            raise ValidationError("q", f"must have at most {MAX_QUERY_WORDS} words")
        wanted = kinds or frozenset(SearchKind)
        if wanted & CASE_KINDS and (kinds is not None or not ctx.can(Permission.CLIENT_READ)):
            ctx.require(Permission.CASE_READ)
        if SearchKind.CLIENT in wanted and (kinds is not None or not ctx.can(Permission.CASE_READ)):
            ctx.require(Permission.CLIENT_READ)
        allowed = frozenset(
            k
            for k in wanted
            if ctx.can(Permission.CLIENT_READ if k is SearchKind.CLIENT else Permission.CASE_READ)
        )
        centre_key = self.key.for_centre(ctx.centre_id)
        terms = centre_key.tokens(words)
        return SearchQuery(
            centre_id=ctx.centre_id,
            text=text,
            terms=terms,
            restricted_terms=terms if ctx.can(Permission.SENSITIVE_READ) else (),
            word_terms=_word_terms(words, centre_key),
            kinds=allowed,
            own_cases_of=None if ctx.can(Permission.CASE_READ_ALL) else ctx.user_id,
            limit=limit,
            offset=offset,
            after=after,
        )

    async def _named(self, uow: UnitOfWork, results: SearchResults) -> SearchResults:
        """Client hits titled with the client's name (read from the write side, where it is
        sealed; the index has only tokens of it)."""
        wanted = [
            h.client_id
            for h in results.items
            if h.kind is SearchKind.CLIENT and h.client_id is not None
        ]
        # One read for the page's clients, their names only (it read every sealed field of
        # each client, one statement a hit: most of the API's cost over the index's).
        names = await self.clients(uow).display_names(wanted)
        items: list[SearchHit] = []
        for hit in results.items:
            if hit.kind is SearchKind.CLIENT and hit.client_id is not None:
                name = names.get(hit.client_id)
                if name is None:
                    continue  # erased since it was indexed
                hit = _retitled(hit, name)
            items.append(hit)
        return SearchResults(
            items=tuple(items),
            total=results.total,
            limit=results.limit,
            offset=results.offset,
            next_after=results.next_after,
        )


#: A search cursor's key: (score, updated_at, document id): the port's total order.
_CURSOR_KINDS = (float, dt.datetime, str)


def search_cursor(results: SearchResults) -> str | None:
    """The opaque cursor of the page after ``results`` (None on the last page)."""
    a = results.next_after
    return None if a is None else encode_cursor((a.score, a.updated_at, a.id))


def decode_search_cursor(cursor: str | None, offset: int) -> SearchAfter | None:
    """A ``search_cursor`` read back; malformed (or with an offset) is a ``ValidationError``
    naming the parameter. Not secret: it only moves the start within the caller's own
    centre and filters."""
    key = start_after(cursor, offset, _CURSOR_KINDS)
    if key is None:
        return None
    score, at, doc = key
    kind, _, entity = str(doc).partition(":")
    try:
        SearchKind(kind), uuid.UUID(entity)
    except ValueError:
        raise ValidationError("cursor", "is not a cursor this list returned") from None
    return SearchAfter(score=float(score), updated_at=at, id=f"{kind}:{uuid.UUID(entity)}")


def _word_terms(words: list[str], key: CentreSearchKey) -> tuple[tuple[str, str], ...]:
    """Each word with its token, for a query of two words or more that may mix the
    client's name (redacted from the text) with other words."""
    kept = [w for w in words if any(ch.isalnum() for ch in w)]
    return tuple((w, key.token(w)) for w in kept) if len(kept) > 1 else ()


def _retitled(hit: SearchHit, title: str) -> SearchHit:
    return SearchHit(
        kind=hit.kind,
        entity_id=hit.entity_id,
        case_id=hit.case_id,
        client_id=hit.client_id,
        title=title,
        snippet=hit.snippet,
        score=hit.score,
    )


def _contact_fields(contact: Contact) -> dict[str, Any]:
    """A contact as a search document: the channel, direction and who as its title, the
    summary as its text (held like a note's)."""
    title = f"{contact.channel.value.replace('_', ' ')} ({contact.direction.value}) with "
    return {
        "summary": title + contact.with_whom,
        "text": contact.summary,
        "sensitive": False,
        "at": contact.at,
    }


Settle = Callable[[Sequence[SearchDocument]], Awaitable[None]]
"""Called after documents are written: takes back those of a case or client erased since
they were read (``SearchJobs.take_back_removed``)."""


@frozen
class _Writes:
    """A search handler's slow part: write these documents (and move these cases'
    documents to their adviser) in the index, then ``settle`` them. Several are one
    (``_combined``)."""

    index: SearchIndex
    settle: Settle
    docs: tuple[SearchDocument, ...]
    assign: tuple[tuple[CentreId, CaseId, UserId | None], ...] = ()

    async def __call__(self) -> None:
        if self.docs:
            await self.index.upsert(self.docs)
            await self.settle(self.docs)
        for centre_id, case_id, adviser_id in self.assign:
            await self.index.assign_case(centre_id, case_id, adviser_id)


def _combined(works: Sequence[Work]) -> Work:
    """A batch's index writes as one upsert (the last of two writes of a document wins,
    as it would one after the other), then the advisers' moves in order."""
    if not all(isinstance(w, _Writes) for w in works):

        async def each() -> None:
            for work in works:
                await work()

        return each
    writes = [w for w in works if isinstance(w, _Writes)]
    docs = {d.id: d for w in writes for d in w.docs}
    assign = tuple(a for w in writes for a in w.assign)
    return _Writes(writes[0].index, writes[0].settle, tuple(docs.values()), assign)


@define
class SearchJobs:
    """The projection into the search index (event handlers) and its rebuild."""

    uow: UnitOfWorkFactory
    index: SearchIndex
    key: SearchKey
    cases: RepositoryFactory[CaseRepository] = field(kw_only=True)
    clients: RepositoryFactory[ClientRepository] = field(kw_only=True)
    documents: RepositoryFactory[DocumentRepository] = field(kw_only=True)
    letters: RepositoryFactory[LetterRepository] = field(kw_only=True)
    #: The contact log; without it contacts stay out of the index.
    contacts: RepositoryFactory[ContactRepository] | None = field(default=None, kw_only=True)
    batch: int = 200

    def handlers(self) -> tuple[Handles, ...]:
        def out(prepare: Any) -> OutsideTransaction:
            return OutsideTransaction(prepare, combine=_combined)

        return (
            # Index entries are rewritten from the current client, case or note: a batch
            # of queued events shares one read and one write (``Handles.coalesce``).
            *handles(
                (ClientRegistered, ClientUpdated),
                "search_client",
                out(self._client),
                coalesce=client_of,
            ),
            *handles(
                (CaseOpened, AdviserAssigned, CaseClosed, CaseReopened),
                "search_case",
                out(self._case),
                coalesce=case_of,
            ),
            Handles(CaseNoteAdded, "search_note", out(self._note), coalesce=each_event),
            Handles(DocumentTextExtracted, "search_document", out(self._document)),
            Handles(DocumentDeleted, "search_document_deleted", out(self._document_deleted)),
            Handles(LetterSent, "search_letter", out(self._letter)),
            Handles(CaseworkChanged, "search_contact", out(self._contact)),
            Handles(CaseErased, "search_erase_case", out(self._erase_case)),
            Handles(ClientErased, "search_erase_client", out(self._erase_client)),
        )

    # -- handlers: read in the unit of work, write the index outside it -------------------

    def _writes(
        self,
        docs: Sequence[SearchDocument],
        *,
        assign: tuple[tuple[CentreId, CaseId, UserId | None], ...] = (),
    ) -> Work:
        return _Writes(self.index, self.take_back_removed, tuple(docs), assign)

    async def take_back_removed(self, docs: Sequence[SearchDocument]) -> None:
        """After ``docs`` are written: remove from the index every case and client of
        theirs that no longer exists, and every document (an uploaded file's text) that was
        deleted. A handler reads a case, then writes its documents with no unit of work
        open; an erasure (or a document's deletion) that commits and clears the index
        between the two would leave the documents behind it (a copy of the client's words
        outliving the right to erasure). The erasure clears the index after its commit;
        this reads after the write: whichever comes second sees the other's work, so one
        of them removes the documents. One read a write (a batch's documents together),
        and one a case for its uploaded files' documents."""
        by_centre: dict[CentreId, list[SearchDocument]] = {}
        for d in docs:
            by_centre.setdefault(d.centre_id, []).append(d)
        for centre_id, written in by_centre.items():
            case_ids = {d.case_id for d in written if d.case_id is not None}
            client_ids = {d.client_id for d in written if d.client_id is not None}
            files: dict[CaseId, set[uuid.UUID]] = {}
            for d in written:
                if d.kind is SearchKind.DOCUMENT and d.case_id is not None:
                    files.setdefault(d.case_id, set()).add(d.entity_id)
            deleted: list[str] = []
            async with self.uow(centre_id) as uow:
                kept_cases = await self.cases(uow).existing(case_ids)
                erased_clients = client_ids - await self.clients(uow).existing(client_ids)
                for case_id in sorted(files.keys() & kept_cases, key=str):
                    kept = set(await self.documents(uow).ids_for_case(case_id))
                    deleted += [
                        doc_id(SearchKind.DOCUMENT, i) for i in sorted(files[case_id] - kept)
                    ]
            for case_id in sorted(case_ids - kept_cases, key=str):
                await self.index.delete_case(centre_id, case_id)
            for client_id in sorted(erased_clients, key=str):
                await self.index.delete_client(centre_id, client_id)
            if deleted:
                await self.index.delete(centre_id, deleted)

    async def _client(self, uow: UnitOfWork, event: EventEnvelope) -> Work | None:
        client_id = ClientId(uuid.UUID(event.payload["client_id"]))
        client = await self.clients(uow).get(client_id)
        if client is None:
            return None
        key = self.key.for_centre(event.centre_id)
        docs = [p.client_document(client, key)]
        if event.name == ClientUpdated.name:
            # The client's cases are found by the name too, and their text is redacted with
            # the client's identity: every document of every case is projected again.
            for listed in await self._cases_of(uow, client_id):
                docs += await self._case_documents(uow, listed.id, key)
        return self._writes(docs)

    async def _case(self, uow: UnitOfWork, event: EventEnvelope) -> Work | None:
        case = await self.cases(uow).get(CaseId(uuid.UUID(event.payload["case_id"])))
        if case is None:
            return None
        client = await self.clients(uow).get(case.client_id)
        doc = p.case_document(case, client, self.key.for_centre(event.centre_id))
        return self._writes([doc], assign=((case.centre_id, case.id, case.adviser_id),))

    async def _note(self, uow: UnitOfWork, event: EventEnvelope) -> Work | None:
        case = await self.cases(uow).get(CaseId(uuid.UUID(event.payload["case_id"])))
        note_id = uuid.UUID(event.payload["note_id"])
        notes = [n for n in case.notes if n.id == note_id] if case is not None else []
        if case is None or not notes:
            return None
        key = self.key.for_centre(event.centre_id)
        client = await self.clients(uow).get(case.client_id)
        # The case's own document too: a note is activity on it (``updated_at``).
        docs = [p.note_document(case, notes[0], key, client), p.case_document(case, client, key)]
        return self._writes(docs)

    async def _document(self, uow: UnitOfWork, event: EventEnvelope) -> Work | None:
        document_id = DocumentId(uuid.UUID(event.payload["document_id"]))
        document = await self.documents(uow).get(document_id)
        case = await self.cases(uow).get(document.case_id) if document is not None else None
        if document is None or case is None or not document.pages:
            return None
        client = await self.clients(uow).get(case.client_id)
        key = self.key.for_centre(event.centre_id)
        return self._writes([p.document_document(case, document, key, client)])

    async def _document_deleted(self, uow: UnitOfWork, event: EventEnvelope) -> Work | None:
        entry = doc_id(SearchKind.DOCUMENT, uuid.UUID(event.payload["document_id"]))
        return _run(lambda: self.index.delete(event.centre_id, [entry]))

    async def _letter(self, uow: UnitOfWork, event: EventEnvelope) -> Work | None:
        letter = await self.letters(uow).get(uuid.UUID(event.payload["letter_id"]))
        case = await self.cases(uow).get(letter.case_id) if letter is not None else None
        if letter is None or case is None:
            return None
        client = await self.clients(uow).get(case.client_id)
        key = self.key.for_centre(event.centre_id)
        return self._writes([p.letter_document(case, letter, key, client)])

    async def _contact(self, uow: UnitOfWork, event: EventEnvelope) -> Work | None:
        """A contact logged or corrected (``CaseworkChanged`` of a ``contact``)."""
        if event.payload.get("record") != "contact" or self.contacts is None:
            return None
        contact = await self.contacts(uow).get(uuid.UUID(event.payload["record_id"]))
        if contact is None:
            return None
        return await self.index_contact(
            uow, contact.case_id, contact.id, **_contact_fields(contact)
        )

    async def _erase_case(self, uow: UnitOfWork, event: EventEnvelope) -> Work | None:
        case_id = CaseId(uuid.UUID(event.payload["case_id"]))
        return _run(lambda: self.index.delete_case(event.centre_id, case_id))

    async def _erase_client(self, uow: UnitOfWork, event: EventEnvelope) -> Work | None:
        client_id = ClientId(uuid.UUID(event.payload["client_id"]))
        return _run(lambda: self.index.delete_client(event.centre_id, client_id))

    async def index_contact(
        self,
        uow: UnitOfWork,
        case_id: CaseId,
        entry_id: uuid.UUID,
        *,
        summary: str,
        text: str,
        sensitive: bool,
        at: dt.datetime,
    ) -> Work | None:
        """One contact log entry into the index: the ``search_contact`` handler (an
        ``OutsideTransaction``'s prepare) calls this with the entry it read, and returns
        the work."""
        case = await self.cases(uow).get(case_id)
        if case is None:
            return None
        key = self.key.for_centre(case.centre_id)
        client = await self.clients(uow).get(case.client_id)
        doc = p.contact_document(
            case, entry_id, summary=summary, text=text, sensitive=sensitive, at=at, key=key,
            client=client,
        )  # fmt: skip
        return self._writes([doc])

    # -- rebuild ------------------------------------------------------------------------

    async def rebuild(self, centre_id: CentreId, progress: Progress | None = None) -> int:
        """Empty the centre's index and fill it again from the write side. Returns how many
        documents were written. Searches in the centre see a partial index meanwhile."""
        async with self.uow(centre_id) as uow:
            clients_total = (await self.clients(uow).list(limit=1, offset=0)).total
            cases_total = (await self.cases(uow).list(limit=1, offset=0)).total
        await self.index.clear(centre_id)
        total, done, written = clients_total + cases_total, 0, 0
        key = self.key.for_centre(centre_id)
        for offset in range(0, clients_total, self.batch):
            async with self.uow(centre_id) as uow:
                page = await self.clients(uow).list(limit=self.batch, offset=offset)
            docs = [p.client_document(c, key) for c in page.items]
            await self.index.upsert(docs)
            await self.take_back_removed(docs)
            written, done = written + len(docs), done + len(page.items)
            _report(progress, done, total)
        for offset in range(0, cases_total, self.batch):
            async with self.uow(centre_id) as uow:
                cases = await self.cases(uow).list(limit=self.batch, offset=offset)
                docs = []
                for listed in cases.items:
                    docs += await self._case_documents(uow, listed.id, key)
            await self.index.upsert(docs)
            await self.take_back_removed(docs)
            written, done = written + len(docs), done + len(cases.items)
            _report(progress, done, total)
        return written

    async def _case_documents(
        self, uow: UnitOfWork, case_id: CaseId, key: CentreSearchKey
    ) -> list[SearchDocument]:
        case = await self.cases(uow).get(case_id)
        if case is None:
            return []
        client = await self.clients(uow).get(case.client_id)
        docs = [p.case_document(case, client, key)]
        docs += [p.note_document(case, n, key, client) for n in case.notes]
        documents = self.documents(uow)
        for document_id in await documents.ids_for_case(case.id):
            document = await documents.get(document_id)
            if document is not None and document.pages:
                docs.append(p.document_document(case, document, key, client))
        letters = await self.letters(uow).list_for_case(case.id)
        docs += [p.letter_document(case, x, key, client) for x in letters if x.sent_at is not None]
        if self.contacts is not None:
            docs += [
                p.contact_document(case, c.id, key=key, client=client, **_contact_fields(c))
                for c in await self.contacts(uow).list_for_case(case.id)
            ]
        return docs

    async def _cases_of(self, uow: UnitOfWork, client_id: ClientId) -> list[Case]:
        found: list[Case] = []
        offset = 0
        while True:
            page = await self.cases(uow).list(limit=self.batch, offset=offset, client_id=client_id)
            found.extend(page.items)
            offset += self.batch
            if offset >= page.total:
                return found


def _run(action: Callable[[], Awaitable[None]]) -> Work:
    async def work() -> None:
        await action()

    return work


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
