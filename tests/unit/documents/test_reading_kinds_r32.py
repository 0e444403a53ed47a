"""Kinds of reading added in round 32 of the reader (issue 14), from the misses of AJ, each
on wording and layouts unlike every corpus family (Alderney: a Braye boatyard, a St Anne
chandlery, a harbour's fuel berth, an island bank, a States pension office): the test checks
the *kind* of rule — a label wrapped over two or three lines in a narrow column of its own
(a marginal note beside a numbered section) is one label, and a section's number printed
between a label and its value, or run into the label's cell, is neither; the date a paper
"is treated as served" named first ("Day the summons is treated as served") is the served
date; who is owed or acted for named by what it is and a clause ("Boatyard company owed
the debt", "Marine firm we collect for") is the creditor, and who passed a debt on ("Bank
that sold the loan") the original creditor; a security code is no account reference; a
record's key and value on one line ('"settle_the_dues_by": "…"') is no letter date; "held
by" a name is no deadline's label; and an award's "Amount paid each time", or "You will be
paid £X", is the income — not a family's phrase.
Pages of made-up wording (exact word boxes), each read by the rules as a given kind (the
shipped classifier plays no part). Each test failed on the old reader (main's ``src`` at
1ee47e0, an archive of that commit, run against it)."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.reading_support import one_page

from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Cell, sample_pages, sample_text
from cma_adapters.rules_assistant.layout import page_layout
from cma_core.documents.model import Box, DocumentClass, Extraction, PageText, Word

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Ms Elowen Le Cocq"),),
    (Cell(0.08, "4 Victoria Street"),),
    (Cell(0.08, "St Anne, Alderney"),),
    (Cell(0.08, "GY9 3TA"),),
)


def _read(page: list[tuple[Cell, ...]], cls: DocumentClass) -> Extraction:
    sample = one_page(page)
    return extract(sample_text(sample), sample_pages(sample), None, given=cls)


def _rows(page: list[tuple[Cell, ...]]) -> list[list[str]]:
    layout = page_layout(sample_pages(one_page(page))[0])
    return [[c.text for c in row] for row in layout.rows]


# -- a label wrapped in its own narrow column -------------------------------------------------


def test_a_label_wrapped_in_its_margin_is_one_label() -> None:
    """A summons set in numbered sections, each label a note in the margin beside its
    section, wrapped to a second line: the claim's number, and the day the summons is
    served (a note in the right margin, after its value)."""
    page = [
        (Cell(0.08, "ALDERNEY COURT", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "SUMMONS FOR A DEBT: WHAT HAPPENS NOW", bold=True),),
        (Cell(0.06, "Summons sent"), Cell(0.2, "1."), Cell(0.23, "3 March 2027."),
         Cell(0.52, "4."), Cell(0.55, "12 March 2027."), Cell(0.8, "Day the summons is")),
        (Cell(0.8, "treated as served"),),
        (Cell(0.06, "Braye case"), Cell(0.2, "2."), Cell(0.23, "QR4T7715.")),
        (Cell(0.06, "number"), Cell(0.52, "5."), Cell(0.55, "26 March 2027."),
         Cell(0.8, "Last day to answer")),
        (Cell(0.06, "Sum the boatyard"), Cell(0.2, "3."), Cell(0.23, "£2,416.30.")),
        (Cell(0.06, "asks the court for"),),
        (Cell(0.08, "6. Answer the summons by the day in section 5, or judgment may be given"),),
        (Cell(0.08, "against you without a hearing."),),
    ]  # fmt: skip
    read = _read(page, C.COURT_CLAIM_N1)
    assert read.court_claim_number == "QR4T7715"
    assert read.served_date == dt.date(2027, 3, 12)
    _lines_of_a_paragraph_and_labels_with_values_stay()


def _lines_of_a_paragraph_and_labels_with_values_stay() -> None:
    """Guards: a paragraph's lines (one cell each, no value beside them) stay lines of
    their own; a lower-case line in the label's column beside a value of its own in the
    value column is a label of its own; a line over a blank line's gap is not joined."""
    rows = _rows(
        [
            (Cell(0.08, "The fuel berth is open"),),
            (Cell(0.08, "daily in the summer"),),
        ]
    )
    assert rows == [["The fuel berth is open"], ["daily in the summer"]]
    rows = _rows(
        [
            (Cell(0.06, "Diesel sold"), Cell(0.3, "£40.00")),
            (Cell(0.06, "petrol sold"), Cell(0.3, "£12.50")),
        ]
    )
    assert rows == [["Diesel sold", "£40.00"], ["petrol sold", "£12.50"]]
    rows = _rows(
        [
            (Cell(0.06, "Mooring fee"), Cell(0.3, "£40.00")),
            (),
            (),
            (Cell(0.06, "paid in advance"),),
        ]
    )
    assert ["Mooring fee", "£40.00"] in rows
    assert ["paid in advance"] in rows


# -- a section's number between a label and its value --------------------------------------


def test_a_section_number_is_neither_label_nor_value() -> None:
    """A chandlery's claim set in numbered sections: the number printed alone between a
    label and its value, printed first in the value's cell, or run into a long label's
    cell ("Marine firm we collect for 4. St Anne Chandlery Ltd."), is the section's."""
    page = [
        (Cell(0.08, "BRAYE RECOVERIES LTD", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "FINAL DEMAND FOR YOUR CHANDLERY ACCOUNT", bold=True),),
        (Cell(0.06, "Date of this notice"), Cell(0.3, "1. 9 June 2027."),
         Cell(0.52, "6. The chandlery has asked the court")),
        (Cell(0.52, "for the sum in section 3."),),
        (Cell(0.06, "Chandlery account"), Cell(0.3, "2."), Cell(0.36, "SAC-40112."),
         Cell(0.52, "7. Please answer within 14 days or")),
        (Cell(0.06, "Sum left to pay"), Cell(0.3, "3."), Cell(0.36, "£713.08."),
         Cell(0.52, "call us to agree payments.")),
        (Cell(0.06, "Marine firm we collect for 4. St Anne Chandlery Ltd."),),
        (Cell(0.06, "Alderney case number"), Cell(0.3, "5."), Cell(0.36, "QX7T4410."),
         Cell(0.52, "8. We may add the court's fee.")),
    ]  # fmt: skip
    read = _read(page, C.COURT_CLAIM_N1)
    assert read.court_claim_number == "QX7T4410"
    assert read.creditor_name == "St Anne Chandlery Ltd"
    assert read.account_reference == "SAC-40112"
    assert read.balance_pence == 71308


# -- who is owed, acted for, or passed the debt on, named by a clause --------------------------


def test_who_is_owed_or_sold_the_debt_named_by_a_clause() -> None:
    """A notice that a boat loan was sold: the bank "that sold the loan" is the original
    creditor; a judgment's "Boatyard company owed the debt" is the creditor."""
    page = [
        (Cell(0.08, "LONGIS DEBT PURCHASE LTD", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your boat loan has a new owner", bold=True),),
        (Cell(0.06, "Date of this letter"), Cell(0.4, "2 July 2027")),
        (Cell(0.06, "Our account number"), Cell(0.4, "LDP-558201")),
        (Cell(0.06, "Bank that sold the loan"), Cell(0.4, "Alderney Harbour Bank Ltd")),
        (Cell(0.06, "Balance of the loan"), Cell(0.4, "£3,870.15")),
        (Cell(0.08, "From today please pay us, not the bank. Nothing else about the loan"),),
        (Cell(0.08, "changes."),),
    ]  # fmt: skip
    read = _read(page, C.NOTICE_OF_ASSIGNMENT)
    assert read.original_creditor == "Alderney Harbour Bank Ltd"
    page = [
        (Cell(0.08, "ALDERNEY COURT", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "JUDGMENT AGAINST YOU", bold=True),),
        (Cell(0.06, "Date of the judgment"), Cell(0.4, "5 August 2027")),
        (Cell(0.06, "Boatyard company owed the debt"), Cell(0.4, "Braye Boatyard Ltd")),
        (Cell(0.06, "Case number"), Cell(0.4, "AC/27/0415")),
        (Cell(0.06, "Sum to pay"), Cell(0.4, "£1,208.00")),
        (Cell(0.08, "You must pay the sum to the boatyard company by 19 August 2027."),),
    ]  # fmt: skip
    read = _read(page, C.COUNTY_COURT_JUDGMENT)
    assert read.creditor_name == "Braye Boatyard Ltd"


# -- a security code ---------------------------------------------------------------------------


def test_a_security_code_is_no_reference() -> None:
    """A panel headed "Checked account facts" opens with a security code to quote when
    calling: it checks who calls, it numbers no account."""
    page = [
        (Cell(0.08, "States of Alderney Housing", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your rent account", bold=True),),
        (Cell(0.08, "CHECKED ACCOUNT FACTS"),),
        (Cell(0.08, "Verification code QKZ-5521"),),
        (Cell(0.08, "Date of this letter"), Cell(0.5, "8 May 2027")),
        (Cell(0.08, "Tenancy number"), Cell(0.5, "SAH-77310-2")),
        (Cell(0.08, "Rent arrears"), Cell(0.5, "£641.20")),
        (Cell(0.08, "Your rent account is behind. Please ring us to agree a plan."),),
    ]  # fmt: skip
    read = _read(page, C.RENT_ARREARS)
    assert read.account_reference == "SAH-77310-2"


# -- a record's key and value on one line; "held by" a name ----------------------------------


def test_a_records_key_and_value_is_no_letter_date() -> None:
    """A fuel account's record printed as keys and values: the day to settle by, its key
    and value on one line, is no guess at the letter's date; "kept by" a name is no
    deadline's label of the date below it."""
    page = [
        (Cell(0.08, "Braye Fuel Berth Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your record as kept by Braye Fuel Berth Ltd"),),
        (Cell(0.08, "Copy made 2027 May 4 from account 66120 at your request"),),
        (Cell(0.1, "{"),),
        (Cell(0.12, '"account_held": "BFB-66120",'),),
        (Cell(0.12, '"settle_the_fuel_dues_by": "2027 May 14",'),),
        (Cell(0.12, '"letter_issued_on": "2027 May 4",'),),
        (Cell(0.12, '"fuel_dues_unpaid": "£96.40"'),),
        (Cell(0.1, "}"),),
        (Cell(0.08, "Please pay what is owed for fuel, or we will stop your account."),),
    ]  # fmt: skip
    read = _read(page, C.CREDITOR_LETTER)
    assert read.letter_date == dt.date(2027, 5, 4)
    assert read.deadline_date == dt.date(2027, 5, 14)


# -- an award's amount paid each time ---------------------------------------------------------


def test_an_awards_amount_paid_each_time_is_the_income() -> None:
    """A pension award whose table says "Amount paid each time", and whose letter says
    "You will be paid £X every fortnight"."""
    page = [
        (Cell(0.08, "States of Alderney Pensions Office", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your island pension", bold=True),),
        (Cell(0.1, "Date of the award"), Cell(0.5, "1 June 2027")),
        (Cell(0.1, "Amount paid each time"), Cell(0.5, "£214.60")),
        (Cell(0.1, "Paid"), Cell(0.5, "Fortnightly")),
        (Cell(0.08, "Dear Ms Le Cocq, we have worked out your island pension."),),
    ]  # fmt: skip
    assert _read(page, C.BENEFIT_AWARD).income_pence == 21460
    page = [
        (Cell(0.08, "States of Alderney Pensions Office", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your island pension", bold=True),),
        (Cell(0.08, "Dear Ms Le Cocq, we have worked out your island pension from 1 June 2027."),),
        (Cell(0.08, "You will be paid £214.60 every fortnight into your bank account."),),
    ]  # fmt: skip
    assert _read(page, C.BENEFIT_AWARD).income_pence == 21460


# -- after OCR ---------------------------------------------------------------------------------


def _words_page(lines: list[tuple[int, list[tuple[int, str]]]]) -> PageText:
    """A page of word boxes as OCR reads them (confidence 0.9): each line (top, cells),
    each cell (left, text), a word's width half its height (24) a character."""
    words = []
    for top, cells in lines:
        for left, text in cells:
            x = left
            for token in text.split():
                width = len(token) * 12
                box = Box(left=x, top=top, width=width, height=24)
                words.append(Word(text=token, box=box, confidence=0.9))
                x += width + 12
    text = "\n".join("   ".join(t for _, t in cells) for _, cells in lines)
    return PageText(number=1, text=text, confidence=0.9, words=tuple(words), size=(1700, 2400))


def test_after_ocr_a_misread_section_number_and_a_misread_noun() -> None:
    """A scanned judgment set in numbered sections: the section's point read as a comma
    ("3,") stands between a label and its value as the number did; the label's wrapped
    lines are a line and a half apart (OCR's word heights are the letters', not the
    line's); and what is owed the judgment is the creditor, whatever OCR made of the word
    for it ("Yachl frm owed the judgment"; "St" lost before the name is left as read)."""
    page = _words_page(
        [
            (100, [(140, "ALDERNEY COURT")]),
            (160, [(140, "JUDGMENT ENTERED AGAINST YOU")]),
            (240, [(100, "Date of the"), (430, "1."), (500, "14 April 2027."),
                   (1000, "5. St Brelade Yacht Services Ltd")]),
            (286, [(100, "judgment"), (1000, "asked the court for judgment.")]),
            (340, [(100, "Judgment sum"), (430, "3,"), (500, "£1,906.25."),
                   (1000, "6. Pay the sum by 28 April 2027.")]),
            (386, [(100, "with the costs")]),
            (440, [(100, "Yachl frm owed"), (430, "4."), (530, "Brelade Yacht Services Ltd.")]),
            (486, [(100, "the judgment")]),
        ]
    )  # fmt: skip
    read = extract(page.text, [page], None, given=C.COUNTY_COURT_JUDGMENT)
    assert read.balance_pence == 190625
    assert read.creditor_name is not None
    assert read.creditor_name.endswith("Brelade Yacht Services Ltd")
