"""One contract for the documents area's repositories, run on memory, SQLite and PostgreSQL.

The in-memory fake must pass exactly what the databases pass. Each test makes its own
centres and cases, so the session-wide PostgreSQL database needs no cleaning.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Any

import attrs
import pytest
from tests.contracts.test_repositories import (
    T0,
    Backend,
    make_case,
    make_client,
    memory_backend,
    new_centre,
    new_user,
    sqlalchemy_backend,
    uid,
)

from cma_core.documents.errors import DuplicateDocument
from cma_core.documents.files import ContentType, FileFacts
from cma_core.documents.learning import (
    ExampleId,
    ExampleOutcome,
    ExampleRepository,
    FieldLabel,
    LabelledExample,
)
from cma_core.documents.model import (
    Amendment,
    Box,
    ClassAlternative,
    Document,
    DocumentClass,
    DocumentId,
    DocumentStatus,
    Extraction,
    FieldEvidence,
    PageSource,
    PageText,
    Suggestion,
    SuggestionId,
    SuggestionKind,
    SuggestionStatus,
    Waiting,
    Word,
)
from cma_core.documents.ports import DocumentRepository, SuggestionRepository
from cma_core.documents.storage import document_key
from cma_core.shared.errors import CrossTenantAccess, StaleVersion
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money
from cma_core.shared.uow import UnitOfWork

HOUR = dt.timedelta(hours=1)


@attrs.define
class DocBackend:
    base: Backend
    documents: Callable[[UnitOfWork], DocumentRepository]
    suggestions: Callable[[UnitOfWork], SuggestionRepository]
    examples: Callable[[UnitOfWork], ExampleRepository]


def make_document(
    centre_id: CentreId, case_id: CaseId, *, data: bytes | None = None, at: dt.datetime = T0
) -> Document:
    body = data or uid().bytes
    document_id = DocumentId(uid())
    return Document.receive(
        document_id=document_id,
        centre_id=centre_id,
        case_id=case_id,
        filename="letter.pdf",
        facts=FileFacts(
            content_type=ContentType.PDF, size=len(body), sha256=hashlib.sha256(body).hexdigest()
        ),
        storage_key=document_key(document_id),
        uploaded_by=None,
        now=at,
    )


WORDS = (
    Word(text="Lowell", box=Box(left=120, top=96, width=180, height=40), confidence=0.961, line=1),
    Word(text="£12.34", box=Box(left=320, top=96, width=150, height=40), confidence=0.42, line=1),
)


def make_suggestion(doc: Document, *, at: dt.datetime = T0) -> Suggestion:
    return Suggestion(
        id=SuggestionId(uid()),
        centre_id=doc.centre_id,
        case_id=doc.case_id,
        document_id=doc.id,
        kind=SuggestionKind.NEW_DEBT,
        title="Add debt: Lowell, £12.34",
        confidence=0.8,
        source="rules",
        created_at=at,
        creditor_name="Lowell",
        account_reference="123",
        balance=Money(1234),
        deadline=dt.date(2026, 3, 20),
        deadline_basis="printed",
        # Not a combination the rules make; every field is round-tripped all the same.
        debt_id=uid(),
        previous_balance=Money(1000),
        fact_date=dt.date(2026, 3, 6),
        budget_line="client_salary",
        frequency="weekly",
        evidence=(
            FieldEvidence(
                field="creditor_name",
                value="Lowell",
                page=2,
                box=Box(left=10, top=20, width=300, height=24),
                label="On behalf of",
                role="creditor",
                score=4.0,
                chosen=True,
                read_confidence=0.93,
                choice_confidence=0.86,
            ),
            FieldEvidence(
                field="creditor_name", value="Agent Ltd", page=1, role="collection agent"
            ),
        ),
    )


class DocumentRepositoryContract:
    @pytest.fixture
    def backend(self) -> DocBackend:
        raise NotImplementedError

    async def seed(self, b: DocBackend) -> tuple[CentreId, CaseId]:
        return await self.seed_case(b, await new_centre(b.base))

    async def seed_case(self, b: DocBackend, centre: CentreId) -> tuple[CentreId, CaseId]:
        """Another case of ``centre``."""
        async with b.base.uow(centre) as uow:
            client = make_client(centre)
            await b.base.clients(uow).add(client)
            case = make_case(centre, client.id)
            await b.base.cases(uow).add(case)
            await uow.commit()
        return centre, case.id

    async def store(
        self, b: DocBackend, centre: CentreId, docs: Sequence[Document], made: Sequence[Suggestion]
    ) -> None:
        """Add ``docs`` and then ``made`` (announced) to ``centre``, committed."""
        async with b.base.uow(centre) as uow:
            for d in docs:
                await b.documents(uow).add(d)
            for s in made:
                s.announce()
                await b.suggestions(uow).add(s)
            await uow.commit()

    async def decide(
        self, b: DocBackend, centre: CentreId, made: Suggestion, *, accept: bool
    ) -> None:
        """Accept or reject ``made``, committed."""
        async with b.base.uow(centre) as uow:
            repo = b.suggestions(uow)
            loaded = await repo.get(made.id)
            assert loaded is not None
            if accept:
                loaded.accept(by=UserId(uid()), now=T0 + HOUR)
            else:
                loaded.reject(by=UserId(uid()), now=T0 + HOUR, reason="Not this client's")
            await repo.save(loaded)
            await uow.commit()

    async def test_round_trip_with_pages_and_events(self, backend: DocBackend) -> None:
        centre, case_id = await self.seed(backend)
        doc = make_document(centre, case_id)
        async with backend.base.uow(centre) as uow:
            await backend.documents(uow).add(doc)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            docs = backend.documents(uow)
            loaded = await docs.get(doc.id)
            assert loaded is not None
            assert loaded.status is DocumentStatus.QUEUED
            loaded.start_processing(now=T0 + HOUR)
            loaded.complete(
                (
                    PageText(
                        number=1,
                        text="Lowell £12.34",
                        confidence=0.9,
                        words=WORDS,
                        size=(1240, 1754),
                    ),
                    PageText(number=2, text="", confidence=1.0, source=PageSource.TEXT_LAYER),
                ),
                now=T0 + HOUR,
            )
            loaded.classify(
                Extraction(
                    document_class=DocumentClass.CREDITOR_LETTER, confidence=0.7, source="r",
                    class_alternatives=(
                        ClassAlternative(
                            document_class=DocumentClass.LETTER_OF_CLAIM, probability=0.2
                        ),
                        # the kind it was read as is never its own alternative
                        ClassAlternative(
                            document_class=DocumentClass.CREDITOR_LETTER, probability=0.7
                        ),
                    ),
                ),
                now=T0 + HOUR,
            )  # fmt: skip
            await docs.save(loaded)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            again = await backend.documents(uow).get(doc.id)
            pending = await uow.outbox.unpublished(limit=50)
        assert again is not None
        assert again.version == 2
        assert again.status is DocumentStatus.DONE
        assert again.attempts == 1
        assert again.pages[0].text == "Lowell £12.34"
        assert again.pages[1].source is PageSource.TEXT_LAYER
        # Where each word was read is kept, for the document to be read again by position
        # (reclassify); a text layer's page has none.
        assert again.pages[0].words == WORDS
        assert again.pages[0].size == (1240, 1754)
        assert (again.pages[1].words, again.pages[1].size) == ((), None)
        assert again.document_class is DocumentClass.CREDITOR_LETTER
        assert again.class_alternatives == (
            ClassAlternative(document_class=DocumentClass.LETTER_OF_CLAIM, probability=0.2),
        )
        assert again.updated_at == T0 + HOUR
        assert {"DocumentUploaded", "DocumentTextExtracted", "DocumentClassified"} <= {
            e.name for e in pending
        }

    async def test_duplicate_checksum_per_case(self, backend: DocBackend) -> None:
        centre, case_id = await self.seed(backend)
        first = make_document(centre, case_id, data=b"same bytes")
        async with backend.base.uow(centre) as uow:
            await backend.documents(uow).add(first)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            found = await backend.documents(uow).find_by_checksum(case_id, first.sha256)
            assert found is not None
            assert found.id == first.id
            with pytest.raises(DuplicateDocument) as info:
                await backend.documents(uow).add(make_document(centre, case_id, data=b"same bytes"))
            assert info.value.existing_id == first.id

    async def test_stale_save(self, backend: DocBackend) -> None:
        centre, case_id = await self.seed(backend)
        doc = make_document(centre, case_id)
        async with backend.base.uow(centre) as uow:
            await backend.documents(uow).add(doc)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            a = await backend.documents(uow).get(doc.id)
        async with backend.base.uow(centre) as uow:
            b = await backend.documents(uow).get(doc.id)
            assert b is not None
            b.start_processing(now=T0)
            await backend.documents(uow).save(b)
            await uow.commit()
        assert a is not None
        a.start_processing(now=T0)
        async with backend.base.uow(centre) as uow:
            with pytest.raises(StaleVersion):
                await backend.documents(uow).save(a)

    async def test_stuck_finds_old_processing_documents_of_its_centre_only(
        self, backend: DocBackend
    ) -> None:
        centre, case_id = await self.seed(backend)
        other, other_case = await self.seed(backend)
        old, fresh, queued = (make_document(centre, case_id) for _ in range(3))
        elsewhere = make_document(other, other_case)
        for d, at in ((old, T0), (fresh, T0 + 2 * HOUR), (queued, T0), (elsewhere, T0)):
            if d is not queued:
                d.start_processing(now=at)
        for c, ds in ((centre, (old, fresh, queued)), (other, (elsewhere,))):
            async with backend.base.uow(c) as uow:
                for d in ds:
                    await backend.documents(uow).add(d)
                await uow.commit()
        async with backend.base.uow(centre) as uow:
            repo = backend.documents(uow)
            found = await repo.stuck(
                status=DocumentStatus.PROCESSING, updated_before=T0 + HOUR, limit=10
            )
            assert [d.id for d in found] == [old.id]
            assert found[0].pages == ()
            assert (
                await repo.stuck(
                    status=DocumentStatus.PROCESSING, updated_before=T0 + HOUR, limit=0
                )
                == []
            )
            queued_found = await repo.stuck(
                status=DocumentStatus.QUEUED, updated_before=T0 + HOUR, limit=10
            )
            assert [d.id for d in queued_found] == [queued.id]

    async def test_list_filters_pages_and_order(self, backend: DocBackend) -> None:
        centre, case_id = await self.seed(backend)
        docs = [make_document(centre, case_id, at=T0 + i * HOUR) for i in range(3)]
        async with backend.base.uow(centre) as uow:
            for d in docs:
                await backend.documents(uow).add(d)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            repo = backend.documents(uow)
            page = await repo.list(case_id=case_id, limit=2, offset=0)
            assert page.total == 3
            assert [d.id for d in page.items] == [docs[2].id, docs[1].id]
            assert all(d.pages == () for d in page.items)
            queued = await repo.list(
                case_id=case_id, limit=10, offset=0, status=DocumentStatus.DONE
            )
            assert queued.total == 0
            classed = await repo.list(
                case_id=case_id, limit=10, offset=0, document_class=DocumentClass.PAYSLIP
            )
            assert classed.total == 0
            assert list(await repo.ids_for_case(case_id)) == [d.id for d in docs]

    async def test_suggestions_round_trip_decide_and_delete_with_document(
        self, backend: DocBackend
    ) -> None:
        centre, case_id = await self.seed(backend)
        doc = make_document(centre, case_id)
        s1, s2 = make_suggestion(doc), make_suggestion(doc, at=T0 + HOUR)
        async with backend.base.uow(centre) as uow:
            await backend.documents(uow).add(doc)
            for s in (s1, s2):
                s.announce()
                await backend.suggestions(uow).add(s)
            await uow.commit()
        user = UserId(uid())
        async with backend.base.uow(centre) as uow:
            repo = backend.suggestions(uow)
            loaded = await repo.get(s1.id)
            assert loaded == s1
            assert loaded is not None
            loaded.accept(by=user, now=T0 + HOUR)
            await repo.save(loaded)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            repo = backend.suggestions(uow)
            page = await repo.list(case_id=case_id, limit=10, offset=0)
            assert [s.id for s in page.items] == [s1.id, s2.id]
            accepted = await repo.list(
                case_id=case_id, limit=10, offset=0, status=SuggestionStatus.ACCEPTED
            )
            assert [s.id for s in accepted.items] == [s1.id]
            assert accepted.items[0].decided_by == user
            assert accepted.items[0].balance == Money(1234)
            assert accepted.items[0].version == 2
            await backend.documents(uow).delete(doc.id)
            await backend.documents(uow).delete(doc.id)  # idempotent
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            assert await backend.documents(uow).get(doc.id) is None
            assert (
                await backend.suggestions(uow).list(case_id=case_id, limit=10, offset=0)
            ).total == 0

    async def test_suggestions_filtered_by_document_and_kind(self, backend: DocBackend) -> None:
        centre, case_id = await self.seed(backend)
        letter, statement = make_document(centre, case_id), make_document(centre, case_id)
        debt = make_suggestion(letter)
        deadline = attrs.evolve(
            make_suggestion(letter, at=T0 + HOUR), kind=SuggestionKind.RESPONSE_DEADLINE
        )
        spending = attrs.evolve(
            make_suggestion(statement, at=T0 + 2 * HOUR), kind=SuggestionKind.NEW_EXPENDITURE
        )
        await self.store(backend, centre, (letter, statement), (debt, deadline, spending))
        async with backend.base.uow(centre) as uow:
            repo = backend.suggestions(uow)

            async def ids(**filters: Any) -> tuple[list[SuggestionId], int]:
                page = await repo.list(case_id=case_id, limit=10, offset=0, **filters)
                return [s.id for s in page.items], page.total

            assert await ids(document_id=letter.id) == ([debt.id, deadline.id], 2)
            assert await ids(document_id=statement.id) == ([spending.id], 1)
            assert await ids(kind=SuggestionKind.RESPONSE_DEADLINE) == ([deadline.id], 1)
            assert await ids(document_id=statement.id, kind=SuggestionKind.RESPONSE_DEADLINE) == (
                [],
                0,
            )
            assert await ids(document_id=DocumentId(uid())) == ([], 0)
            assert await ids(kind=SuggestionKind.NEW_DEBT, status=SuggestionStatus.PENDING) == (
                [debt.id],
                1,
            )
            centre_wide = await repo.list_centre(
                limit=10, offset=0, kind=SuggestionKind.NEW_EXPENDITURE
            )
            assert ([s.id for s in centre_wide.items], centre_wide.total) == ([spending.id], 1)
            # Keyset pages: after a suggestion's (created_at, id), those sorting after it.
            key = (debt.created_at, debt.id)
            assert await ids(after=key) == ([deadline.id, spending.id], 3)
            assert await ids(after=key, document_id=letter.id) == ([deadline.id], 2)
            later = await repo.list_centre(
                limit=1, offset=0, after=(deadline.created_at, deadline.id)
            )
            assert ([s.id for s in later.items], later.total) == ([spending.id], 3)

    async def test_account_references_of_the_case_oldest_first_but_rejected(
        self, backend: DocBackend
    ) -> None:
        centre, case_id = await self.seed(backend)
        _, other_case = await self.seed_case(backend, centre)
        elsewhere, far_case = await self.seed(backend)
        doc, other_doc = make_document(centre, case_id), make_document(centre, other_case)
        far_doc = make_document(elsewhere, far_case)
        later = attrs.evolve(make_suggestion(doc, at=T0 + 2 * HOUR), account_reference="B-2")
        first = attrs.evolve(make_suggestion(doc, at=T0), account_reference="A-1")
        refused = attrs.evolve(make_suggestion(doc, at=T0 + HOUR), account_reference="R-9")
        bare = attrs.evolve(make_suggestion(doc, at=T0 + 3 * HOUR), account_reference=None)
        not_this_case = attrs.evolve(make_suggestion(other_doc), account_reference="O-5")
        made = (later, first, refused, bare, not_this_case)
        await self.store(backend, centre, (doc, other_doc), made)
        far = attrs.evolve(make_suggestion(far_doc), account_reference="F-7")
        await self.store(backend, elsewhere, (far_doc,), (far,))
        await self.decide(backend, centre, refused, accept=False)
        await self.decide(backend, centre, later, accept=True)  # accepted: still known
        async with backend.base.uow(centre) as uow:
            repo = backend.suggestions(uow)
            assert await repo.account_references(case_id=case_id) == ("A-1", "B-2")
            assert await repo.account_references(case_id=other_case) == ("O-5",)
            # Another centre's case: nothing, as if it did not exist.
            assert await repo.account_references(case_id=far_case) == ()
        async with backend.base.uow(elsewhere) as uow:
            assert await backend.suggestions(uow).account_references(case_id=far_case) == ("F-7",)

    async def test_waiting_lists_the_cases_pending_suggestions_oldest_first(
        self, backend: DocBackend
    ) -> None:
        centre, case_id = await self.seed(backend)
        _, other_case = await self.seed_case(backend, centre)
        doc, other_doc = make_document(centre, case_id), make_document(centre, other_case)
        later = attrs.evolve(
            make_suggestion(doc, at=T0 + 2 * HOUR), kind=SuggestionKind.RESPONSE_DEADLINE
        )
        first = make_suggestion(doc, at=T0)
        decided = make_suggestion(doc, at=T0 + HOUR)
        not_this_case = make_suggestion(other_doc)
        refused = make_suggestion(doc, at=T0 + 3 * HOUR)
        made = (later, first, decided, refused, not_this_case)
        await self.store(backend, centre, (doc, other_doc), made)
        await self.decide(backend, centre, decided, accept=True)
        await self.decide(backend, centre, refused, accept=False)
        async with backend.base.uow(centre) as uow:
            assert await backend.suggestions(uow).waiting(case_id=case_id) == (
                Waiting(id=first.id, kind=SuggestionKind.NEW_DEBT, created_at=T0),
                Waiting(
                    id=later.id, kind=SuggestionKind.RESPONSE_DEADLINE, created_at=T0 + 2 * HOUR
                ),
            )
        elsewhere = await new_centre(backend.base)
        async with backend.base.uow(elsewhere) as uow:
            assert await backend.suggestions(uow).waiting(case_id=case_id) == ()

    async def test_waiting_counts_the_values_to_check(self, backend: DocBackend) -> None:
        """The count stands beside the sealed evidence: the queue reads it without the
        evidence, and only the values a suggestion is made of count."""
        centre, case_id = await self.seed(backend)
        doc = make_document(centre, case_id)

        def read(field: str, sure: float | None, *, chosen: bool = True) -> FieldEvidence:
            return FieldEvidence(
                field=field, value="x", page=1, chosen=chosen, read_confidence=sure
            )

        unsure = attrs.evolve(
            make_suggestion(doc, at=T0),
            evidence=(
                read("account_reference", 0.31),
                read("balance_pence", 0.55),
                read("creditor_name", 0.93),
                read("creditor_name", 0.2, chosen=False),  # an alternative passed over
                read("deadline_date", 0.1),  # read, but not what a new debt is made of
                read("account_reference", 0.4),  # the same field once
            ),
        )
        sure = attrs.evolve(
            make_suggestion(doc, at=T0 + HOUR), evidence=(read("balance_pence", None),)
        )
        # (clearly printed, but the reader was unsure it is the balance: to check as well)
        unsure_which = attrs.evolve(
            make_suggestion(doc, at=T0 + 2 * HOUR),
            evidence=(attrs.evolve(read("balance_pence", 0.97), choice_confidence=0.31),),
        )
        assert unsure.fields_to_check == ("account_reference", "balance_pence")
        assert unsure_which.fields_to_check == ("balance_pence",)
        await self.store(backend, centre, (doc,), (unsure, sure, unsure_which))
        async with backend.base.uow(centre) as uow:
            repo = backend.suggestions(uow)
            waiting = await repo.waiting(case_id=case_id)
            # Lists filter on it, on the case and across the centre.
            listed = {
                wanted: [
                    [x.id for x in (await repo.list(
                        case_id=case_id, limit=10, offset=0, to_check=wanted
                    )).items],
                    [x.id for x in (await repo.list_centre(
                        limit=10, offset=0, to_check=wanted
                    )).items],
                ]
                for wanted in (True, False)
            }  # fmt: skip
        assert [(w.id, w.to_check) for w in waiting] == [
            (unsure.id, 2), (sure.id, 0), (unsure_which.id, 1)
        ]  # fmt: skip
        assert listed == {True: [[unsure.id, unsure_which.id]] * 2, False: [[sure.id]] * 2}

    async def test_accepted_with_changes_keeps_what_was_read(self, backend: DocBackend) -> None:
        centre, case_id = await self.seed(backend)
        doc = make_document(centre, case_id)
        s = attrs.evolve(make_suggestion(doc), account_reference=None)  # not read
        async with backend.base.uow(centre) as uow:
            await backend.documents(uow).add(doc)
            s.announce()
            await backend.suggestions(uow).add(s)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            repo = backend.suggestions(uow)
            loaded = await repo.get(s.id)
            assert loaded is not None
            assert loaded.as_read is None
            changed = loaded.amend(
                Amendment(balance=Money(98_700), account_reference="AB-1", fact_date=None)
            )
            assert changed == ("account_reference", "balance")
            loaded.accept(by=UserId(uid()), now=T0 + HOUR)
            await repo.save(loaded)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            kept = await backend.suggestions(uow).get(s.id)
        assert kept == loaded
        assert kept is not None
        assert (kept.balance, kept.account_reference) == (Money(98_700), "AB-1")
        assert kept.as_read == Amendment(balance=s.balance, not_read=("account_reference",))

    async def test_a_new_debts_type_and_the_advisers_choice_are_kept(
        self, backend: DocBackend
    ) -> None:
        centre, case_id = await self.seed(backend)
        doc = make_document(centre, case_id)
        s = attrs.evolve(
            make_suggestion(doc), debt_type="council_tax", enforcement_stage="enforcement_agent"
        )
        async with backend.base.uow(centre) as uow:
            await backend.documents(uow).add(doc)
            s.announce()
            await backend.suggestions(uow).add(s)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            repo = backend.suggestions(uow)
            loaded = await repo.get(s.id)
            assert loaded is not None
            assert loaded.debt_type == "council_tax"
            assert loaded.amend(Amendment(debt_type="water")) == ("debt_type",)
            loaded.accept(by=UserId(uid()), now=T0 + HOUR)
            await repo.save(loaded)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            kept = await backend.suggestions(uow).get(s.id)
        assert kept is not None
        assert (kept.debt_type, kept.as_read) == ("water", Amendment(debt_type="council_tax"))
        assert kept.enforcement_stage == "enforcement_agent"

    async def test_centre_list_by_status_and_by_the_cases_adviser(
        self, backend: DocBackend
    ) -> None:
        centre, nobodys_case = await self.seed(backend)
        adviser = await new_user(backend.base, centre)
        async with backend.base.uow(centre) as uow:
            client = make_client(centre)
            await backend.base.clients(uow).add(client)
            theirs = make_case(centre, client.id, adviser_id=adviser)
            await backend.base.cases(uow).add(theirs)
            await uow.commit()
        docs = [make_document(centre, nobodys_case), make_document(centre, theirs.id)]
        made = [make_suggestion(docs[0]), make_suggestion(docs[1], at=T0 + HOUR)]
        made.append(make_suggestion(docs[1], at=T0 + 2 * HOUR))
        await self.store(backend, centre, docs, made)
        async with backend.base.uow(centre) as uow:
            repo = backend.suggestions(uow)
            loaded = await repo.get(made[2].id)
            assert loaded is not None
            loaded.accept(by=adviser, now=T0 + 3 * HOUR)
            await repo.save(loaded)
            await uow.commit()
        other, other_case = await self.seed(backend)
        async with backend.base.uow(other) as uow:
            elsewhere = make_document(other, other_case)
            await backend.documents(uow).add(elsewhere)
            await backend.suggestions(uow).add(make_suggestion(elsewhere))
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            repo = backend.suggestions(uow)
            every = await repo.list_centre(limit=10, offset=0)
            assert [s.id for s in every.items] == [s.id for s in made]
            pending = await repo.list_centre(limit=1, offset=1, status=SuggestionStatus.PENDING)
            assert ([s.id for s in pending.items], pending.total) == ([made[1].id], 2)
            mine = await repo.list_centre(
                limit=10, offset=0, status=SuggestionStatus.PENDING, case_adviser=adviser
            )
            assert [s.id for s in mine.items] == [made[1].id]
            nobody = await repo.list_centre(limit=10, offset=0, case_adviser=UserId(uid()))
            assert nobody.total == 0

    async def test_bound_to_centre_a_cannot_read_or_write_centre_b(
        self, backend: DocBackend
    ) -> None:
        a, case_a = await self.seed(backend)
        b, case_b = await self.seed(backend)
        doc_b = make_document(b, case_b)
        sug_b = make_suggestion(doc_b)
        async with backend.base.uow(b) as uow:
            await backend.documents(uow).add(doc_b)
            await backend.suggestions(uow).add(sug_b)
            await uow.commit()
        async with backend.base.uow(a) as uow:
            docs, sugs = backend.documents(uow), backend.suggestions(uow)
            assert await docs.get(doc_b.id) is None
            assert await docs.find_by_checksum(case_b, doc_b.sha256) is None
            assert (await docs.list(case_id=case_b, limit=10, offset=0)).total == 0
            assert list(await docs.ids_for_case(case_b)) == []
            assert await sugs.get(sug_b.id) is None
            assert (await sugs.list(case_id=case_b, limit=10, offset=0)).total == 0
            with pytest.raises(CrossTenantAccess):
                await docs.add(make_document(b, case_b))
            with pytest.raises(CrossTenantAccess):
                await docs.save(doc_b)
            with pytest.raises(CrossTenantAccess):
                await sugs.add(make_suggestion(doc_b))
            with pytest.raises(CrossTenantAccess):
                await sugs.save(sug_b)
            await docs.delete(doc_b.id)  # silently nothing
            await uow.commit()
        async with backend.base.uow(b) as uow:
            assert await backend.documents(uow).get(doc_b.id) is not None
            assert await backend.suggestions(uow).get(sug_b.id) is not None
        assert case_a != case_b

    async def _example_on(
        self, b: DocBackend, centre: CentreId, case_id: CaseId, **kw: object
    ) -> tuple[Document, LabelledExample]:
        doc = make_document(centre, case_id)
        suggestion = make_suggestion(doc)
        example_kw: dict[str, object] = {
            "outcome": ExampleOutcome.CORRECTED,
            "document_class": DocumentClass.MORTGAGE_ARREARS,
            **kw,
        }
        example = LabelledExample(
            id=ExampleId(uid()),
            centre_id=centre,
            case_id=case_id,
            document_id=doc.id,
            suggested_class=DocumentClass.CREDITOR_LETTER,
            recorded_at=T0,
            recorded_by=UserId(uid()),
            **{
                "suggestion_id": suggestion.id,
                "fields": (
                    FieldLabel(
                        field="creditor_name", value="Lowell", correct=False, label="From",
                        page=2, box=Box(left=1, top=2, width=3, height=4), role="letterhead",
                    ),
                    FieldLabel(field="creditor_name", value="Halifax", correct=True),
                ),
                **example_kw,
            },  # type: ignore[arg-type]
        )  # fmt: skip
        async with b.base.uow(centre) as uow:
            await b.documents(uow).add(doc)
            await b.suggestions(uow).add(suggestion)
            await b.examples(uow).add(example)
            await uow.commit()
        return doc, example

    async def test_examples_round_trip_per_centre_and_go_with_the_document(
        self, backend: DocBackend
    ) -> None:
        centre, case_id = await self.seed(backend)
        other, other_case = await self.seed(backend)
        doc, example = await self._example_on(backend, centre, case_id)
        await self._example_on(backend, other, other_case)
        _, unlabelled = await self._example_on(
            backend, centre, case_id, outcome=ExampleOutcome.REJECTED, document_class=None
        )
        async with backend.base.uow(centre) as uow:
            page = await backend.examples(uow).list(limit=10, offset=0)
            training = await backend.examples(uow).for_training(limit=10)
            with pytest.raises(CrossTenantAccess):
                await backend.examples(uow).add(attrs.evolve(example, centre_id=other))
        assert page.total == 2
        assert {e.id for e in page.items} == {example.id, unlabelled.id}
        assert [e.id for e in training] == [example.id]
        assert training[0] == example
        async with backend.base.uow(centre) as uow:
            await backend.documents(uow).delete(doc.id)
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            assert [e.id for e in (await backend.examples(uow).list(limit=10, offset=0)).items] == [
                unlabelled.id
            ]

    async def test_an_example_about_the_document_alone_has_no_suggestion(
        self, backend: DocBackend
    ) -> None:
        """The adviser said what kind the document is (``reclassify``): no suggestion."""
        centre, case_id = await self.seed(backend)
        _, example = await self._example_on(
            backend, centre, case_id, suggestion_id=None, fields=(),
            document_class=DocumentClass.COUNTY_COURT_JUDGMENT,
        )  # fmt: skip
        async with backend.base.uow(centre) as uow:
            [kept] = await backend.examples(uow).for_training(limit=10)
        assert kept == example
        assert kept.suggestion_id is None


class TestInMemoryDocumentRepositories(DocumentRepositoryContract):
    @pytest.fixture
    def backend(self) -> DocBackend:
        from cma_adapters.memory import documents as memory

        return DocBackend(memory_backend(), memory.documents, memory.suggestions, memory.examples)


async def _sql(url: str) -> AsyncIterator[DocBackend]:
    from cma_adapters.sqlalchemy import documents as sql

    async for base in sqlalchemy_backend(url):
        yield DocBackend(base, sql.documents, sql.suggestions, sql.examples)


class SqlDocumentRepositoryContract(DocumentRepositoryContract):
    async def test_account_references_of_rows_sealed_and_not(self, backend: DocBackend) -> None:
        """A row written before the references were sealed (1841), or without a key,
        holds its reference in its column: it is known as a sealed row's is."""
        from sqlalchemy import update

        from cma_adapters.sqlalchemy import SqlAlchemyUnitOfWork
        from cma_adapters.sqlalchemy.documents import suggestions_t

        centre, case_id = await self.seed(backend)
        doc = make_document(centre, case_id)
        plain = attrs.evolve(make_suggestion(doc, at=T0), account_reference="P-1")
        sealed = attrs.evolve(make_suggestion(doc, at=T0 + HOUR), account_reference="S-2")
        await self.store(backend, centre, (doc,), (plain, sealed))
        async with backend.base.uow(centre) as uow:
            connection = SqlAlchemyUnitOfWork.of(uow).context.c
            await connection.execute(
                update(suggestions_t)
                .where(suggestions_t.c.id == plain.id)
                .values(sealed=None, account_reference="P-1")
            )
            await uow.commit()
        async with backend.base.uow(centre) as uow:
            repo = backend.suggestions(uow)
            assert await repo.account_references(case_id=case_id) == ("P-1", "S-2")
            loaded = await repo.get(plain.id)
            assert loaded is not None
            assert loaded.account_reference == "P-1"


class TestSqliteDocumentRepositories(SqlDocumentRepositoryContract):
    @pytest.fixture
    async def backend(self, sqlite_url: str) -> AsyncIterator[DocBackend]:
        async for b in _sql(sqlite_url):
            yield b


@pytest.mark.postgres
class TestPostgresDocumentRepositories(SqlDocumentRepositoryContract):
    @pytest.fixture
    async def backend(self, postgres_url: str) -> AsyncIterator[DocBackend]:
        async for b in _sql(postgres_url):
            yield b
