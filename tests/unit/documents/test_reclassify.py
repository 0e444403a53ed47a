"""The adviser says what kind a document is: it is read again as that kind."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.unit.documents.test_documents_service import N1, World, make_world, open_case, png

from cma_adapters.memory import documents as memory_docs
from cma_adapters.memory_documents import ScriptedAssistant
from cma_core.documents.errors import AssistantUnavailable
from cma_core.documents.learning import ExampleOutcome
from cma_core.documents.model import (
    DocumentClass,
    Extraction,
    SuggestionKind,
    SuggestionStatus,
)
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.errors import (
    InvalidTransition,
    NotFound,
    PermissionDenied,
    StaleVersion,
    ValidationError,
)
from cma_core.shared.ids import CaseId

# The same page read as the judgment it is: the claimant, the sum, the claim number.
AS_JUDGMENT = Extraction(
    document_class=DocumentClass.OTHER,  # the script's own guess, overridden by the adviser's
    confidence=0.2,
    source="script",
    creditor_name="Cabot Financial Ltd",
    balance_pence=234000,
    letter_date=dt.date(2026, 3, 1),
    court_claim_number="K1QZ4521",
)


@pytest.fixture(name="world")
def world_fixture() -> World:
    world = make_world()
    world.documents.reader = world.jobs
    world.documents.examples = memory_docs.examples
    return world


async def read_claim(world: World) -> tuple[TenantContext, CaseId, object]:
    ctx, case_id = await open_case(world)
    world.assistant = ScriptedAssistant([N1, AS_JUDGMENT])
    world.jobs.assistant = world.documents.assistant = world.assistant
    doc = await world.documents.upload(ctx, case_id, filename="claim.png", data=png(1))
    await world.run_jobs()
    return ctx, case_id, doc.id


async def test_read_again_as_a_judgment_replaces_the_pending_suggestions(world: World) -> None:
    ctx, case_id, doc_id = await read_claim(world)
    before = (await world.documents.list_suggestions(ctx, case_id)).items
    kinds = {s.kind: s for s in before}
    assert SuggestionKind.COURT_CLAIM_DEADLINE in kinds
    # A decided suggestion stays as decided.
    debt = kinds[SuggestionKind.NEW_DEBT]
    await world.documents.accept_suggestion(ctx, debt.id, expected_version=debt.version)
    doc = await world.documents.get(ctx, doc_id)  # type: ignore[arg-type]

    reread = await world.documents.reclassify(
        ctx, doc.id, DocumentClass.COUNTY_COURT_JUDGMENT, expected_version=doc.version
    )
    document, made = reread.document, reread.made
    assert reread.replaced == 1  # the claim deadline (the debt was accepted)

    assert world.assistant.given_classes == [None, DocumentClass.COUNTY_COURT_JUDGMENT]
    assert document.document_class is DocumentClass.COUNTY_COURT_JUDGMENT
    assert document.class_confidence == 1.0
    assert document.version == doc.version + 1
    assert SuggestionKind.COURT_CLAIM_DEADLINE not in {s.kind for s in made}
    after = {s.id: s for s in (await world.documents.list_suggestions(ctx, case_id)).items}
    deadline = after[kinds[SuggestionKind.COURT_CLAIM_DEADLINE].id]
    assert deadline.status is SuggestionStatus.REJECTED
    assert deadline.rejection_reason == (
        "Replaced: the document was read again as county court judgment"
    )
    assert after[debt.id].status is SuggestionStatus.ACCEPTED
    assert {s.id for s in after.values() if s.status is SuggestionStatus.PENDING} == {
        s.id for s in made
    }
    audit = [e.action for e in await world.app.audit(ctx.centre_id, entity_id=str(doc.id))]
    assert audit.count("document.reclassified") == 1
    rejected = await world.app.audit(ctx.centre_id, entity_id=str(deadline.id))
    assert [e.action for e in rejected] == ["suggestion.rejected"]
    async with world.app.uow(ctx.centre_id) as uow:
        kept = (await memory_docs.examples(uow).list(limit=5, offset=0)).items
    # The accepted debt's example, then the document's own (no suggestion).
    assert sorted(str(e.suggestion_id) for e in kept) == sorted([str(debt.id), "None"])
    [example] = [e for e in kept if e.suggestion_id is None]
    assert example.outcome is ExampleOutcome.CORRECTED
    assert example.suggested_class is DocumentClass.COURT_CLAIM_N1
    assert example.document_class is DocumentClass.COUNTY_COURT_JUDGMENT


async def test_the_same_kind_confirms_it(world: World) -> None:
    ctx, _, doc_id = await read_claim(world)
    doc = await world.documents.get(ctx, doc_id)  # type: ignore[arg-type]
    reread = await world.documents.reclassify(
        ctx, doc.id, DocumentClass.COURT_CLAIM_N1, expected_version=doc.version
    )
    assert reread.document.class_confidence == 1.0
    assert reread.replaced == 2  # made again, without the doubt
    async with world.app.uow(ctx.centre_id) as uow:
        [example] = (await memory_docs.examples(uow).list(limit=5, offset=0)).items
    assert example.outcome is ExampleOutcome.ACCEPTED


async def test_refused_without_changing_anything(world: World) -> None:
    ctx, case_id, doc_id = await read_claim(world)
    doc = await world.documents.get(ctx, doc_id)  # type: ignore[arg-type]
    judgment = DocumentClass.COUNTY_COURT_JUDGMENT
    with pytest.raises(StaleVersion):
        await world.documents.reclassify(ctx, doc.id, judgment, expected_version=doc.version - 1)

    # The assistant could not answer: nothing changed.
    world.assistant = ScriptedAssistant([AssistantUnavailable("down")])
    world.documents.assistant = world.assistant
    with pytest.raises(AssistantUnavailable):
        await world.documents.reclassify(ctx, doc.id, judgment, expected_version=doc.version)
    assert (await world.documents.get(ctx, doc.id)).version == doc.version
    pending = await world.documents.list_suggestions(ctx, case_id, status=SuggestionStatus.PENDING)
    assert pending.total == 2

    # A document not read yet has no text to read again.
    fresh = await world.documents.upload(ctx, case_id, filename="new.png", data=png(2))
    with pytest.raises(InvalidTransition):
        await world.documents.reclassify(ctx, fresh.id, judgment, expected_version=fresh.version)

    # Another centre's adviser cannot see it; a read-only role cannot change it.
    other_ctx, _ = await open_case(world)
    with pytest.raises(NotFound):
        await world.documents.reclassify(other_ctx, doc.id, judgment, expected_version=doc.version)
    reader = TenantContext(
        centre_id=ctx.centre_id, user_id=ctx.user_id, roles=frozenset({Role.AUDITOR})
    )
    with pytest.raises(PermissionDenied):
        await world.documents.reclassify(reader, doc.id, judgment, expected_version=doc.version)


async def test_only_this_documents_pending_suggestions_are_replaced(world: World) -> None:
    ctx, case_id = await open_case(world)
    world.assistant = ScriptedAssistant([N1, N1, AS_JUDGMENT])
    world.jobs.assistant = world.documents.assistant = world.assistant
    first = await world.documents.upload(ctx, case_id, filename="a.png", data=png(1))
    second = await world.documents.upload(ctx, case_id, filename="b.png", data=png(2))
    await world.run_jobs()
    before = (await world.documents.list_suggestions(ctx, case_id)).items
    mine = {s.id for s in before if s.document_id == first.id}
    theirs = {s.id for s in before if s.document_id == second.id}
    assert mine
    assert theirs
    doc = await world.documents.get(ctx, first.id)
    reread = await world.documents.reclassify(
        ctx, doc.id, DocumentClass.COUNTY_COURT_JUDGMENT, expected_version=doc.version
    )
    assert reread.replaced == len(mine)
    after = {s.id: s.status for s in (await world.documents.list_suggestions(ctx, case_id)).items}
    assert {after[i] for i in mine} == {SuggestionStatus.REJECTED}
    assert {after[i] for i in theirs} == {SuggestionStatus.PENDING}


async def test_a_document_changed_while_it_was_read_again_is_stale(world: World) -> None:
    ctx, _, doc_id = await read_claim(world)
    doc = await world.documents.get(ctx, doc_id)  # type: ignore[arg-type]

    class Meanwhile(ScriptedAssistant):
        async def classify_and_extract(
            self, text, pages=(), *, centre_id=None, document_class=None
        ):  # type: ignore[no-untyped-def,override]
            async with world.app.uow(ctx.centre_id) as uow:  # another request saves it
                current = await memory_docs.documents(uow).get(doc.id)
                assert current is not None
                await memory_docs.documents(uow).save(current)
                await uow.commit()
            return await super().classify_and_extract(
                text, pages, centre_id=centre_id, document_class=document_class
            )

    world.documents.assistant = Meanwhile([AS_JUDGMENT])
    with pytest.raises(StaleVersion):
        await world.documents.reclassify(
            ctx, doc.id, DocumentClass.COUNTY_COURT_JUDGMENT, expected_version=doc.version
        )
    again = await world.documents.get(ctx, doc.id)
    assert again.document_class is DocumentClass.COURT_CLAIM_N1


async def test_a_bank_export_cannot_be_read_as_a_letter(world: World) -> None:
    from cma_adapters.rules_assistant import RuleBasedAssistant

    ctx, case_id = await open_case(world)
    export = b"Date,Description,Amount,Balance\n" + b"".join(
        b"%02d/%02d/2026,DD BRIGHTSIDE ENERGY,-71.50,500.00\n" % (5, m) for m in (9, 10, 11)
    )
    world.extractor.register(png(7), export.decode())
    world.jobs.assistant = world.documents.assistant = RuleBasedAssistant()
    doc = await world.documents.upload(ctx, case_id, filename="s.png", data=png(7))
    await world.run_jobs()
    doc = await world.documents.get(ctx, doc.id)
    assert doc.document_class is DocumentClass.BANK_STATEMENT
    with pytest.raises(ValidationError) as info:
        await world.documents.reclassify(
            ctx, doc.id, DocumentClass.CREDITOR_LETTER, expected_version=doc.version
        )
    assert info.value.field == "document_class"
    assert (await world.documents.get(ctx, doc.id)).version == doc.version
