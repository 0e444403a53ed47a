"""The search index against an erasure (or a document's deletion) it races: a handler
reads a case, the erasure commits and clears the index, then the handler's write lands (a
CI run found two ``search_documents`` rows of an erased case). The write must not leave the
erased case's or client's words in the index. Run on the configured database (Postgres in
CI, the embedded default otherwise): the race is between the index write and the
erasure's clearing, which follow each other here in the order that loses it."""

from __future__ import annotations

import datetime as dt
import uuid

from tests.e2e.documents_fixtures import CREDITOR_LETTER, letter_png
from tests.integration.test_projection_batches import _cases, _centre, _publisher

from cma_core.cases.model import CaseOpened
from cma_core.clients.model import ClientRegistered
from cma_core.documents.model import DocumentId, DocumentTextExtracted
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.privacy.service import ErasureReason
from cma_core.search.model import SearchDocument
from cma_core.shared.events import EventEnvelope
from cma_core.shared.handlers import OutsideTransaction, Work
from cma_core.shared.ids import CentreId, EventId
from cma_entrypoints.container import Container


async def _prepared(c: Container, centre: CentreId, event: type, payload: dict[str, str]) -> Work:
    """The search handler's work for ``event``, prepared (what it writes read) now."""
    [handler] = [h.handler for h in c.search_jobs().handlers() if h.event is event]
    assert isinstance(handler, OutsideTransaction)
    envelope = EventEnvelope(
        event_id=EventId(uuid.uuid4()), centre_id=centre, name=event.name,
        occurred_at=dt.datetime.now(dt.UTC), payload=payload,
    )  # fmt: skip
    async with c.uow()(centre) as uow:
        work = await handler.prepare(uow, envelope)
    assert work is not None
    return work


async def _indexed(c: Container, centre: CentreId) -> list[SearchDocument]:
    return list(await c.search_index().documents(centre))


def _admin(ctx: TenantContext) -> TenantContext:
    return TenantContext(
        centre_id=ctx.centre_id, user_id=ctx.user_id, roles=frozenset({Role.CENTRE_ADMIN})
    )


async def test_a_case_written_to_the_index_after_its_deletion_is_taken_back(
    c: Container,
) -> None:
    ctx = await _centre(c, "Index Race Centre")
    async with _publisher(c).held():
        [case, kept] = await _cases(c, ctx, 2)
    work = await _prepared(c, ctx.centre_id, CaseOpened, {"case_id": str(case)})
    await c.privacy().delete_case(_admin(ctx), case, reason=ErasureReason.RETENTION_EXPIRED)
    await _publisher(c).drain()
    assert not [d for d in await _indexed(c, ctx.centre_id) if d.case_id == case]
    await work()  # read before the erasure, written after it
    left = await _indexed(c, ctx.centre_id)
    assert [d.id for d in left if d.case_id == case] == []
    # The other case, and the client (erased with neither), are still found.
    assert any(d.case_id == kept for d in left)
    assert any(d.kind.value == "client" for d in left)


async def test_a_client_written_to_the_index_after_their_erasure_is_taken_back(
    c: Container,
) -> None:
    ctx = await _centre(c, "Client Race Centre")
    async with _publisher(c).held():
        [case] = await _cases(c, ctx, 1)
    async with c.uow()(ctx.centre_id) as uow:
        loaded = await c.search_jobs().cases(uow).get(case)
    assert loaded is not None
    client = loaded.client_id
    works = [
        await _prepared(c, ctx.centre_id, ClientRegistered, {"client_id": str(client)}),
        await _prepared(c, ctx.centre_id, CaseOpened, {"case_id": str(case)}),
    ]
    await c.privacy().erase_client(_admin(ctx), client, reason=ErasureReason.DATA_SUBJECT_REQUEST)
    await _publisher(c).drain()
    assert await _indexed(c, ctx.centre_id) == []
    for work in works:
        await work()
    assert [d.id for d in await _indexed(c, ctx.centre_id)] == []


async def test_a_documents_text_written_to_the_index_after_its_deletion_is_taken_back(
    c: Container,
) -> None:
    """The same race for one uploaded file deleted (a letter filed on the wrong case): its
    text must not stay searchable."""
    ctx = await _centre(c, "Letter Race Centre")
    async with _publisher(c).held():
        [case] = await _cases(c, ctx, 1)
    doc = await c.documents().upload(ctx, case, filename="l.png", data=letter_png(CREDITOR_LETTER))
    await _publisher(c).drain()
    entry = f"document:{doc.id}"
    assert entry in {d.id for d in await _indexed(c, ctx.centre_id)}
    work = await _prepared(c, ctx.centre_id, DocumentTextExtracted, {"document_id": str(doc.id)})
    await c.documents().delete(ctx, DocumentId(doc.id))
    await _publisher(c).drain()
    assert entry not in {d.id for d in await _indexed(c, ctx.centre_id)}
    await work()  # read before the deletion, written after it
    left = {d.id for d in await _indexed(c, ctx.centre_id)}
    assert entry not in left
    assert f"case:{case}" in left  # the case itself stays found
