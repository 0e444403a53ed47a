"""The client's identity taken out of a case's text before it is indexed, in the forms a
letter, a note or an OCR'd scan writes it; their words kept as blind tokens."""

from __future__ import annotations

import datetime as dt
import uuid

import attrs
import pytest

from cma_core.cases.model import Case, CaseStatus, Note
from cma_core.clients.model import Client, PostalAddress
from cma_core.search import projection as p
from cma_core.search.redact import redaction_for
from cma_core.search.terms import SearchKey
from cma_core.shared.ids import CaseId, CentreId, ClientId, NoteId, UserId

AT = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)
CENTRE = CentreId(uuid.uuid4())
KEY = SearchKey(b"r" * 32).for_centre(CENTRE)
CLIENT = Client(
    id=ClientId(uuid.uuid4()), centre_id=CENTRE, first_name="Zoë", last_name="Quarrington-Vask",
    date_of_birth=dt.date(1961, 7, 4), email="zoe.qv@mailbox.example", phone="07700 913 482",
    ni_number="JG 10 37 59 A", created_at=AT, updated_at=AT,
    address=PostalAddress.of(["17 Oxblood Terrace", "Wetherfold"], "WF9 3QZ"),
)  # fmt: skip

FORMS = [
    ("Dear Ms Quarrington-Vask,", "Dear Ms [client],"),
    ("DEAR MS QUARRINGTON - VASK", "DEAR MS [client]"),
    ("Ms Quarring-\nton-Vask signed", "Ms [client] signed"),  # an OCR line-break hyphen
    ("QuarringtonVask", "[client]"),
    ("Zoe and Zoë", "[client] and [client]"),
    ("zoe_statement.pdf", "[client]_statement.pdf"),
    ("17, Oxblood\nTerrace", "[address]"),
    ("Wetherfold WF93QZ", "[address] [address]"),
    ("near Oxblood Road", "near [address] Road"),
    ("call +44 (0)7700 913482 or 07700-913-482", "call [phone] or [phone]"),
    ("born 04/07/1961, 4.7.61, 4th July 1961, 1961-07-04, Jul 4, 1961", "born "
     "[date of birth], [date of birth], [date of birth], [date of birth], [date of birth]"),
    ("NI JG103759A", "NI [NI number]"),
    ("mail ZOE.QV@mailbox.example", "mail [email]"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "redacted"), FORMS, ids=[f"form{i}" for i in range(len(FORMS))])
def test_every_written_form_is_taken_out(text: str, redacted: str) -> None:
    assert redaction_for(CLIENT).apply(text).text == redacted


def test_ordinary_words_stay() -> None:
    text = "High Street bailiff, 17 payments of £61 in 2061; the terrace of the council."
    assert redaction_for(CLIENT).apply(text).text == text
    assert redaction_for(None).apply("Quarrington").text == "Quarrington"


def test_what_was_taken_out_becomes_tokens_the_ni_number_restricted() -> None:
    case = Case(
        id=CaseId(uuid.uuid4()), centre_id=CENTRE, client_id=CLIENT.id, reference="C-000007",
        status=CaseStatus.OPEN, adviser_id=UserId(uuid.uuid4()), opened_at=AT, updated_at=AT,
    )  # fmt: skip
    note = Note(
        id=NoteId(uuid.uuid4()), author_id=case.adviser_id, created_at=AT, sensitive=False,  # type: ignore[arg-type]
        body="Ms Quarrington-Vask (NI JG 10 37 59 A) of WF9 3QZ rang.",
    )  # fmt: skip
    doc = p.note_document(case, note, KEY, CLIENT)
    assert doc.body == "Ms [client] (NI [NI number]) of [address] rang."
    assert set(KEY.tokens(["quarrington-vask", "vask", "wf9", "3qz", "wf93qz"])) <= set(doc.terms)
    assert KEY.token("jg103759a") in doc.restricted_terms
    assert KEY.token("jg103759a") not in doc.terms
    # A suppressed address's words are matched only with sensitive:read.
    hidden = attrs.evolve(CLIENT, address_suppressed=True)
    doc = p.note_document(case, note, KEY, hidden)
    assert KEY.token("wf93qz") in doc.restricted_terms
    assert KEY.token("wf93qz") not in doc.terms
    # A sensitive note keeps no text at all, as before.
    secret = p.note_document(case, attrs.evolve(note, sensitive=True), KEY, CLIENT)
    assert secret.body == ""
