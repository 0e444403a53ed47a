"""Kinds of reading added in round 10 of the reader (issue 14), from the misses of P, Q and
R, each on a letter worded and laid out unlike every corpus family (A-R): the test checks
the *kind* of rule — amounts in whole pounds, a month's name between slashes, a year first
with slashes, an e-mail address after a name, a running balance's last figure, a quoted
message, a marked row, a year-to-date row, a timeline's steps, questions as labels, a
court's slashed case number, the pursuer, a case title, a served date said in a sentence,
a cover sheet, a table's header on one page and its values on the next — not a family's
phrase. Perfect text (exact word boxes), no Tesseract."""

from __future__ import annotations

import datetime as dt

import pytest

from cma_adapters.rules_assistant.corpus import Cell, Sample, Truth, sample_pages, sample_text
from cma_adapters.rules_assistant.fields import read_fields
from cma_adapters.rules_assistant.layout import carry_headers, page_layout
from cma_adapters.rules_assistant.values import (
    Candidate,
    parse_claim,
    parse_date,
    parse_frequency,
    parse_money,
    parse_name,
    parse_reference,
)
from cma_core.documents.model import DocumentClass

C = DocumentClass


def found(cls: DocumentClass, *pages: list[tuple[Cell, ...]]) -> dict[str, list[Candidate]]:
    """Every candidate per field for the pages read as ``cls``."""
    truth = Truth(document_class=C.OTHER)
    sample = Sample(name="t", family="t", held_out=False, truth=truth, pages=tuple(pages))
    layouts = carry_headers([page_layout(p) for p in sample_pages(sample)])
    return read_fields(layouts, sample_text(sample), cls)


def best(candidates: dict[str, list[Candidate]], field: str) -> object:
    got = candidates[field]
    return got[0].value if got and got[0].score > 0 else None


# -- how values are written -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You owe £2,310 now", 231000),  # whole pounds after "£"
        ("GBP 415 is overdue", 41500),
        ("£88.4 in arrears", 8840),  # one figure of pence
        ("1,204.75", 120475),  # a bare number keeps needing its pence
        ("12 payments", None),
        ("£1 204 507 total", 120450700),
    ],
)
def test_amounts_in_whole_pounds_or_one_pence_figure(text: str, expected: int | None) -> None:
    assert parse_money(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Issued 04/Nov/2027", dt.date(2027, 11, 4)),
        ("DUE 19/JAN/2028", dt.date(2028, 1, 19)),
        ("Printed 2027/03/09", dt.date(2027, 3, 9)),
        ("Printed 2027.03.09", dt.date(2027, 3, 9)),
    ],
)
def test_a_month_between_slashes_and_a_year_first(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


def test_a_date_with_slashes_is_no_reference() -> None:
    assert parse_reference("Ref 19/JAN/2028") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brackley Water Ltd <help@brackley.example>", "Brackley Water Ltd"),
        ("Claim against you by Furze Lending plc", "Furze Lending plc"),
        ("Judgment for Orrin Receivables Ltd", "Orrin Receivables Ltd"),
        ("In the Sheriff Court at Oban", None),
    ],
)
def test_a_name_without_its_address_or_a_heading_s_role_words(
    text: str, expected: str | None
) -> None:
    assert parse_name(text) == expected


def test_a_court_case_number_in_slashed_parts() -> None:
    assert parse_claim("SP/OBN/0412/27") == "SP/OBN/0412/27"
    assert parse_claim("AB/1234/ZZ") is None  # no year or number to end it


@pytest.mark.parametrize("text", ["Paid every second week", "paid every other week"])
def test_every_second_week_is_fortnightly(text: str) -> None:
    assert parse_frequency(text) == "fortnightly"


# -- tables ---------------------------------------------------------------------------------


def test_a_running_balance_s_last_figure_is_owed() -> None:
    got = found(
        C.CREDITOR_LETTER,
        [
            (Cell(0.08, "Moorfoot Credit Ltd"),),
            (
                Cell(0.08, "When"),
                Cell(0.3, "What"),
                Cell(0.55, "Out"),
                Cell(0.7, "In"),
                Cell(0.84, "Balance"),
            ),
            (Cell(0.08, "1 May 2027"), Cell(0.3, "Opening"), Cell(0.84, "£900.00")),
            (
                Cell(0.08, "1 Jun 2027"),
                Cell(0.3, "Paid"),
                Cell(0.7, "£50.00"),
                Cell(0.84, "£850.00"),
            ),
            (
                Cell(0.08, "1 Jul 2027"),
                Cell(0.3, "Charges"),
                Cell(0.55, "£12.00"),
                Cell(0.84, "£862.00"),
            ),
        ],
    )
    assert best(got, "balance_pence") == 86200


def test_a_quoted_message_s_amount_is_not_this_message_s() -> None:
    got = found(
        C.CREDITOR_LETTER,
        [
            (Cell(0.08, "From: Moorfoot Credit Ltd <x@moorfoot.example>"),),
            (Cell(0.08, "Thank you. You now owe £640.20."),),
            (Cell(0.08, "-----Original Message----- From: me@home.example"),),
            (Cell(0.08, "Total balance outstanding"), Cell(0.5, "£700.00")),
        ],
    )
    assert best(got, "balance_pence") == 64020


def test_a_marked_row_is_the_one_the_letter_is_about() -> None:
    got = found(
        C.BNPL_CATALOGUE_ARREARS,
        [
            (Cell(0.08, "Kestle Pay Ltd"),),
            (Cell(0.1, "Basket"), Cell(0.4, "Left unpaid"), Cell(0.7, "Settle by")),
            (Cell(0.1, "KP11223344"), Cell(0.4, "£40.00"), Cell(0.7, "3 Mar 2027")),
            (
                Cell(0.06, "*"),
                Cell(0.1, "KP55667788"),
                Cell(0.4, "£75.50"),
                Cell(0.7, "9 Mar 2027"),
            ),
            (Cell(0.1, "KP99001122"), Cell(0.4, "£112.00"), Cell(0.7, "3 Apr 2027")),
            (Cell(0.06, "*"), Cell(0.1, "Marked: the order this letter is about.")),
        ],
    )
    assert best(got, "account_reference") == "KP55667788"
    assert best(got, "balance_pence") == 7550


def test_a_year_to_date_row_is_no_period_s_pay() -> None:
    got = found(
        C.PAYSLIP,
        [
            (Cell(0.08, "Tarn Bakeries Ltd"),),
            (Cell(0.08, "Period"), Cell(0.4, "Gross pay"), Cell(0.7, "Net pay")),
            (Cell(0.08, "Week 12"), Cell(0.4, "£410.00"), Cell(0.7, "£352.10")),
            (Cell(0.08, "Year to date"), Cell(0.4, "£4,920.00"), Cell(0.7, "£4,225.20")),
        ],
    )
    assert best(got, "gross_pence") == 41000


def test_a_timeline_step_names_the_deadline_not_a_later_step() -> None:
    got = found(
        C.UTILITY_ARREARS,
        [
            (Cell(0.08, "Fenwick Water Ltd"),),
            (Cell(0.08, "Next steps"),),
            (Cell(0.1, "2 Feb 2027"), Cell(0.3, "This letter")),
            (Cell(0.1, "16 Feb 2027"), Cell(0.3, "Last day to pay or call us")),
            (Cell(0.1, "9 Mar 2027"), Cell(0.3, "We may apply to the court")),
        ],
    )
    assert best(got, "deadline_date") == dt.date(2027, 2, 16)


def test_a_header_at_a_page_s_foot_and_its_values_overleaf() -> None:
    got = found(
        C.OVERPAYMENT,
        [
            (Cell(0.08, "Teviot District Council"),),
            (Cell(0.08, "Your details are printed overleaf."),),
            (Cell(0.08, "Invoice"), Cell(0.35, "Sum to repay"), Cell(0.6, "Pay by")),
        ],
        [
            (Cell(0.08, "Teviot District Council - page 2"),),
            (Cell(0.08, "TDC-40218"), Cell(0.35, "£318.60"), Cell(0.6, "4 Aug 2027")),
        ],
    )
    assert best(got, "balance_pence") == 31860
    assert best(got, "deadline_date") == dt.date(2027, 8, 4)


# -- labels and sentences ---------------------------------------------------------------------


def test_questions_as_labels() -> None:
    got = found(
        C.COURT_CLAIM_N1,
        [
            (Cell(0.08, "Lomond Finance Ltd"),),
            (Cell(0.08, "When will the claim be served?"),),
            (Cell(0.08, "12 Jan 2027"),),
            (Cell(0.08, "When should I reply?"),),
            (Cell(0.08, "26 Jan 2027"),),
        ],
    )
    assert best(got, "served_date") == dt.date(2027, 1, 12)
    assert best(got, "deadline_date") == dt.date(2027, 1, 26)


def test_the_pursuer_and_the_case_number_in_sentences() -> None:
    got = found(
        C.COURT_CLAIM_N1,
        [
            (Cell(0.08, "Oban Sheriff Court"),),
            (Cell(0.08, "Corran Lending Ltd (the pursuer) has raised a claim, case reference"),),
            (Cell(0.08, "SP/OBN/0412/27."),),
        ],
    )
    assert best(got, "creditor_name") == "Corran Lending Ltd"
    assert best(got, "court_claim_number") == "SP/OBN/0412/27"


def test_a_served_date_said_in_a_sentence() -> None:
    got = found(
        C.ENFORCEMENT_AGENT_NOTICE,
        [
            (Cell(0.08, "Arkle Officers"),),
            (Cell(0.08, "On 3 Feb 2027 we served a charge on behalf of Lorn Council."),),
        ],
    )
    assert best(got, "served_date") == dt.date(2027, 2, 3)


def test_a_deadline_that_opens_the_next_line() -> None:
    got = found(
        C.COURT_CLAIM_N1,
        [
            (Cell(0.08, "Corran Lending Ltd"),),
            (Cell(0.08, "1 Mar 2027"),),
            (Cell(0.08, "You must return the form to the court by"),),
            (Cell(0.08, "29 Mar 2027 or a decision may be made."),),
        ],
    )
    assert best(got, "deadline_date") == dt.date(2027, 3, 29)


def test_a_cover_sheet_s_letter_is_dated_on_its_first_dated_page() -> None:
    got = found(
        C.CREDITOR_LETTER,
        [
            (Cell(0.3, "FAX COVER"),),
            (Cell(0.08, "Pages: 2"),),
        ],
        [
            (Cell(0.08, "Corran Lending Ltd"),),
            (Cell(0.08, "17 Apr 2027"),),
            (Cell(0.08, "Final date to pay"), Cell(0.5, "1 May 2027")),
        ],
    )
    assert best(got, "letter_date") == dt.date(2027, 4, 17)
    assert best(got, "deadline_date") == dt.date(2027, 5, 1)
