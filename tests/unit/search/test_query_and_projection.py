"""The search service's query per user (permissions, visibility, withheld fields), and what
the projections put in a document (clear text only where the write side keeps it)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from cma_core.cases.model import Case, CaseStatus, Note
from cma_core.clients.model import Client, PostalAddress
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.search import projection as p
from cma_core.search.model import SearchKind, snippet_parts
from cma_core.search.service import SearchService
from cma_core.search.terms import SearchKey
from cma_core.shared.errors import PermissionDenied, ValidationError
from cma_core.shared.ids import CaseId, CentreId, ClientId, NoteId, UserId

CENTRE = CentreId(uuid.uuid4())
USER = UserId(uuid.uuid4())
AT = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)
KEY = SearchKey(b"s" * 32)


def _ctx(role: Role) -> TenantContext:
    return TenantContext(centre_id=CENTRE, user_id=USER, roles=frozenset({role}))


def _service() -> SearchService:
    return SearchService(
        uow=None,  # type: ignore[arg-type]
        index=None,  # type: ignore[arg-type]
        key=KEY,
        clock=None,  # type: ignore[arg-type]
        clients=None,  # type: ignore[arg-type]
    )


def test_query_follows_the_users_permissions() -> None:
    service = _service()
    adviser = service.query_for(_ctx(Role.ADVISER), "  Jane   Smith ")
    assert adviser.text == "Jane Smith"
    assert adviser.own_cases_of is None
    assert (
        adviser.restricted_terms
        == adviser.terms
        == KEY.for_centre(CENTRE).tokens(["jane", "smith"])
    )
    worker = service.query_for(_ctx(Role.CASEWORKER), "Jane Smith")
    assert worker.own_cases_of == USER
    assert worker.restricted_terms == ()
    assert worker.kinds == frozenset(SearchKind)
    with pytest.raises(PermissionDenied):
        service.query_for(_ctx(Role.PLATFORM_ADMIN), "smith")


@pytest.mark.parametrize("q", ["", "   ", "x" * 201, " ".join(["w"] * 13)])
def test_bad_queries_name_q(q: str) -> None:
    with pytest.raises(ValidationError) as err:
        _service().query_for(_ctx(Role.ADVISER), q)
    assert err.value.field == "q"


def test_a_client_document_holds_no_identity_in_clear() -> None:
    client = Client(
        id=ClientId(uuid.uuid4()), centre_id=CENTRE, first_name="Jane", last_name="Smith-Jones",
        date_of_birth=dt.date(1980, 1, 2), email="jane@example.org", phone="07700 900123",
        ni_number="AB123456C", address=PostalAddress.of(["1 High St"], "SW1A 1AA"),
        health_notes="diabetes", created_at=AT, updated_at=AT,
    )  # fmt: skip
    doc = p.client_document(client, KEY.for_centre(CENTRE))
    stored = f"{doc.title} {doc.body} {' '.join(doc.terms)} {' '.join(doc.restricted_terms)}"
    for secret in ("Jane", "Smith", "jane@example.org", "900123", "SW1A", "AB123456C", "diabetes"):
        assert secret.casefold() not in stored.casefold()
    key = KEY.for_centre(CENTRE)
    assert set(key.tokens(["smith", "jones", "smith-jones", "07700900123", "sw1a1aa"])) <= set(
        doc.terms
    )
    assert key.token("ab123456c") in doc.restricted_terms
    assert key.token("ab123456c") not in doc.terms
    # Another centre's tokens of the same name differ.
    assert not set(KEY.for_centre(CentreId(uuid.uuid4())).tokens(["smith"])) & set(doc.terms)


def test_a_sensitive_note_is_tokens_only() -> None:
    case = Case(
        id=CaseId(uuid.uuid4()), centre_id=CENTRE, client_id=ClientId(uuid.uuid4()),
        reference="C-000001", status=CaseStatus.OPEN, adviser_id=USER, opened_at=AT, updated_at=AT,
    )  # fmt: skip
    note = Note(
        id=NoteId(uuid.uuid4()),
        author_id=USER,
        body="Fled to a refuge",
        created_at=AT,
        sensitive=True,
    )
    doc = p.note_document(case, note, KEY.for_centre(CENTRE), None)
    assert doc.body == ""
    assert KEY.for_centre(CENTRE).token("refuge") in doc.restricted_terms
    assert doc.adviser_id == USER


def test_letter_text_and_snippet_parts() -> None:
    assert (
        p.html_text("<p>Dear <b>creditor</b>,</p><script>x()</script>&pound;5")
        == "Dear creditor , £5"
    )
    assert snippet_parts("a \ue000b\ue001 c") == [("a ", False), ("b", True), (" c", False)]
