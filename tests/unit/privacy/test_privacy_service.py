"""The privacy service on the in-memory adapters: erasure that fails part way is finished
by a retry; deletion is refused without the permission; the export is complete."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from tests.unit.core.support import App, build_app, register_cmd
from tests.wiring import DOCUMENTS, PRIVACY, ports

from cma_adapters.memory import documents as memory_docs
from cma_adapters.memory import privacy as memory_privacy
from cma_adapters.memory_documents import InMemoryDocumentStore, ScriptedAssistant
from cma_core.cases.service import OpenCase
from cma_core.documents.service import DocumentService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.privacy.service import ErasureReason, PrivacyService, jsonable, parse_reason
from cma_core.shared.errors import NotFound, PermissionDenied, StaleVersion, ValidationError
from cma_core.shared.ids import CaseId, ClientId

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


class FlakyStore(InMemoryDocumentStore):
    """Fails the second object deletion once (a network error half way through)."""

    def __init__(self) -> None:
        super().__init__()
        self.deletes = 0
        self.failed = False

    async def delete(self, centre_id: Any, key: str) -> None:
        self.deletes += 1
        if self.deletes == 2 and not self.failed:
            self.failed = True
            raise ConnectionError("S3 went away")
        await super().delete(centre_id, key)


@pytest.fixture
def setup() -> tuple[App, FlakyStore, DocumentService, PrivacyService]:
    app = build_app()
    repos = {"documents": memory_docs.documents, "suggestions": memory_docs.suggestions}
    core = ports(PRIVACY)
    store = FlakyStore()
    documents = DocumentService(
        app.uow, store, ScriptedAssistant(), app.clock, **repos, **ports(DOCUMENTS)
    )
    privacy = PrivacyService(
        app.uow, memory_privacy.case_data_eraser, store, app.clock, **repos, **core
    )
    return app, store, documents, privacy


async def _client_with_documents(
    app: App, documents: DocumentService
) -> tuple[TenantContext, ClientId, CaseId]:
    centre = await app.centre()
    ctx = await app.staff(centre, Role.SUPERVISOR)
    client = await app.clients.register(ctx, register_cmd())
    case = await app.cases.open(ctx, OpenCase(client_id=client.id))
    await app.cases.add_note(ctx, case.id, "Private matter.", sensitive=True)
    for n in range(3):
        await documents.upload(ctx, case.id, filename=f"{n}.png", data=PNG + bytes([n]))
    return ctx, client.id, case.id


async def test_a_retry_finishes_an_erasure_that_failed_half_way(
    setup: tuple[App, FlakyStore, DocumentService, PrivacyService],
) -> None:
    app, store, documents, privacy = setup
    ctx, client_id, case_id = await _client_with_documents(app, documents)
    assert len(store.objects) == 3

    with pytest.raises(ConnectionError):
        await privacy.erase_client(ctx, client_id, reason=ErasureReason.DATA_SUBJECT_REQUEST)
    # The first document went whole (object and record); nothing else changed.
    assert len(store.objects) == 2
    assert case_id in app.db.cases
    assert client_id in app.db.clients

    seen: list[tuple[int, int]] = []
    report = await privacy.erase_client(
        ctx,
        client_id,
        reason=ErasureReason.DATA_SUBJECT_REQUEST,
        expected_version=1,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert store.objects == {}
    assert seen[0] == (0, 2)
    assert seen[-1] == (2, 2)
    assert report.case_ids == (case_id,)
    assert report.rows["clients"] == 1
    assert report.rows["cases"] == 1
    assert report.rows["case_notes"] == 1
    assert client_id not in app.db.clients
    assert case_id not in app.db.cases
    assert not any(
        getattr(r, "case_id", None) == case_id for t in app.db.tables.values() for r in t.values()
    )
    audit = await app.audit(ctx.centre_id)
    actions = [e.action for e in audit]
    assert actions.count("document.erased") == 3
    assert "case.deleted" in actions
    erased = next(e for e in audit if e.action == "client.erased")
    assert "reason=data_subject_request" in erased.fields
    assert "objects=2" in erased.fields

    with pytest.raises(NotFound):
        await privacy.erase_client(ctx, client_id, reason=ErasureReason.DATA_SUBJECT_REQUEST)


async def test_permissions_versions_and_reasons(
    setup: tuple[App, FlakyStore, DocumentService, PrivacyService],
) -> None:
    app, _, documents, privacy = setup
    ctx, client_id, case_id = await _client_with_documents(app, documents)
    for role in (Role.ADVISER, Role.CASEWORKER, Role.AUDITOR):
        other = TenantContext(centre_id=ctx.centre_id, user_id=ctx.user_id, roles=frozenset({role}))
        with pytest.raises(PermissionDenied):
            await privacy.delete_case(other, case_id, reason=ErasureReason.CREATED_IN_ERROR)
        with pytest.raises(PermissionDenied):
            await privacy.erase_client(other, client_id, reason=ErasureReason.CREATED_IN_ERROR)
    for role in (Role.CASEWORKER, Role.AUDITOR):
        other = TenantContext(centre_id=ctx.centre_id, user_id=ctx.user_id, roles=frozenset({role}))
        with pytest.raises(PermissionDenied):
            await privacy.export_client(other, client_id)
    with pytest.raises(StaleVersion):
        await privacy.delete_case(
            ctx, case_id, reason=ErasureReason.CREATED_IN_ERROR, expected_version=7
        )
    with pytest.raises(ValidationError) as err:
        parse_reason("she asked nicely")
    assert err.value.field == "reason"
    assert parse_reason(" Retention_Expired ") is ErasureReason.RETENTION_EXPIRED


async def test_export_holds_everything_and_is_plain_json(
    setup: tuple[App, FlakyStore, DocumentService, PrivacyService],
) -> None:
    app, _, documents, privacy = setup
    ctx, client_id, case_id = await _client_with_documents(app, documents)
    doc = await privacy.export_client(ctx, client_id)
    assert doc["client"]["first_name"] == register_cmd().first_name
    [case] = doc["cases"]
    assert case["id"] == str(case_id)
    assert [n["body"] for n in case["notes"]] == ["Private matter."]
    assert len(case["documents"]) == 3
    assert all(d["download_url"] for d in case["documents"])
    assert jsonable(doc) == doc  # already plain JSON types
    assert jsonable(dt.date(2026, 1, 2)) == "2026-01-02"
    exported = [e for e in await app.audit(ctx.centre_id) if e.action == "client.exported"]
    assert len(exported) == 1
