"""Kinds of reading added in round 18 of the reader (issue 14), from the misses of Z, each
on wording and layouts unlike every corpus family: the test checks the *kind* of rule — a
letter headed and signed by a desk of the writer ("Member Accounts", "Member Accounts
Team") that names the organisation only in its registration at the foot ("X Ltd.
Registered in Scotland …", "X Society, <address>, is authorised by …"); a bill's VAT or
sub-total in its totals block, which is no amount due; and what OCR makes of a reference's
"S" ("$") and slash, of a date's day and month split at a gap, and of a fax's 0 in a date
("92/03/2027"); a lender's letter the word model reads as utility arrears — not a family's
phrase. Perfect text (exact word boxes), or values as
OCR gives them (no Tesseract run)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from tests.unit.documents.reading_support import read_by_rules as _read
from tests.unit.documents.test_reading_kinds_r14 import found

from cma_adapters.rules_assistant.assistant import refine_class
from cma_adapters.rules_assistant.corpus import Cell, Sample, Truth, sample_text
from cma_adapters.rules_assistant.fields_kinds import registered_name
from cma_adapters.rules_assistant.values import parse_date, parse_reference
from cma_core.documents.model import DocumentClass

C = DocumentClass


# -- a desk's letterhead, the organisation named only in its registration -----------------


ARREARS = (
    "We have not received your last two monthly payments and your account is in arrears. "
    "The balance in arrears is £146.50. Please pay it by 23 March 2027, or contact us to "
    "agree a plan."
)


def _desk_letter(head: str, signed: str, footer: str) -> list[tuple[Cell, ...]]:
    return [
        (Cell(0.7, head, bold=True),),
        (Cell(0.7, "PO Box 4410"),),
        (Cell(0.7, "Peebles EH45 9ZZ"),),
        (Cell(0.08, "Mrs Oona Fairbairn-Mtete"),),
        (Cell(0.08, "3 Cuddy Brig Row"),),
        (Cell(0.08, "Innerleithen"),),
        (Cell(0.08, "EH44 6QP"),),
        (Cell(0.08, "9 March 2027"),),
        (Cell(0.08, "Account number: 88120457"),),
        (Cell(0.08, "Dear Customer,"),),
        (Cell(0.08, "Missed payments on your account"),),
        (Cell(0.08, ARREARS),),
        (Cell(0.08, "Balance in arrears"), Cell(0.8, "£146.50")),
        (Cell(0.08, "Yours faithfully,"),),
        (Cell(0.08, signed),),
        (Cell(0.08, footer),),
    ]


def test_a_desk_s_letter_names_the_firm_only_in_its_registration() -> None:
    """Headed "Mooring Services" and signed "Mooring Services Team": the letterhead is the
    desk's, and the firm that is owed is the one its registration names at the foot ("X
    Ltd. Registered in Scotland no. …", the name a sentence of its own)."""
    page = _desk_letter(
        "Mooring Services",
        "Mooring Services Team",
        "Tweedsmuir Leisure Clubs Ltd. Registered in Scotland no. SC604417. Registered "
        "office: 4 Mill Wynd, Peebles EH45 8AA.",
    )
    assert _read(page).creditor_name == "Tweedsmuir Leisure Clubs Ltd"


def test_a_society_with_its_address_before_is_authorised() -> None:
    """ "X Ltd, <street>, <town and postcode>, is authorised by …": the registered name
    is the one before the address, and it is the writer where the letterhead is a desk."""
    footer = (
        "Glenholm Credit Union Ltd, 12 Bank Parade, Biggar ML12 6AZ, is authorised by the "
        "Prudential Regulation Authority and regulated by the FCA."
    )
    assert registered_name(footer) == "Glenholm Credit Union Ltd"
    page = _desk_letter("Member Accounts", "Member Accounts Team", footer)
    assert _read(page).creditor_name == "Glenholm Credit Union Ltd"


def test_an_organisation_s_letterhead_stays_the_writer() -> None:
    """(guard) A letterhead that is no desk of the signatory ("Manor Water Sports Ltd",
    signed by a team of its own) stays the writer, though a group registers at the foot."""
    page = _desk_letter(
        "Manor Water Sports Ltd",
        "Mooring Services Team",
        "Tweedsmuir Holdings Ltd. Registered in Scotland no. SC604417.",
    )
    assert _read(page).creditor_name == "Manor Water Sports Ltd"


@pytest.mark.parametrize(
    "text",
    [
        "Registered office: 4 Mill Wynd, Peebles EH45 8AA.",
        "Please note that payments, once made, are regulated by our terms.",
        "Calls may be recorded. Lines are open 8am to 6pm.",
    ],
)
def test_what_is_no_registration_names_no_one(text: str) -> None:
    """(guard) A registered office without a name before it, and a sentence whose clauses
    are no address, are no firm's registration."""
    assert registered_name(text) is None


# -- a bill's VAT in its totals block -------------------------------------------------------


def _bill(*totals: tuple[str, str]) -> list[tuple[Cell, ...]]:
    return [
        (Cell(0.08, "Manor Water Sports Ltd", bold=True),),
        (Cell(0.08, "Mrs Oona Fairbairn-Mtete"),),
        (Cell(0.55, "Bill date:"), Cell(0.7, "9 March 2027")),
        (Cell(0.55, "Customer no.:"), Cell(0.7, "MWS-58120")),
        (Cell(0.08, "Item"), Cell(0.8, "£")),
        (Cell(0.08, "Dinghy storage, winter"), Cell(0.8, "210.00")),
        *((Cell(0.55, label), Cell(0.8, amount)) for label, amount in totals),
        (Cell(0.08, "Please pay within 14 days."),),
    ]


def test_a_bill_s_vat_total_is_not_the_amount_due() -> None:
    """ "Total VAT" is a part of the bill's total, however much "total" its label says:
    the amount due is the one under its own label below it."""
    page = _bill(("Total net", "210.00"), ("Total VAT", "42.00"), ("Amount due", "£252.00"))
    assert _read(page).balance_pence == 25200


def test_a_sub_total_is_not_the_total_including_vat() -> None:
    """A "Sub-total" is a part too: the balance is the "Total including VAT" (the whole,
    though the label names the VAT)."""
    page = _bill(("Sub-total", "210.00"), ("Total including VAT", "£252.00"))
    assert _read(page).balance_pence == 25200


def test_a_bill_with_no_vat_reads_its_total() -> None:
    """(guard) A bill's one total is its balance."""
    assert _read(_bill(("Total", "£210.00"))).balance_pence == 21000


# -- what OCR makes of a reference, a date --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Debtor ref: $K4410927", "SK4410927"), ("Loan no. 5520418 /07", "5520418/07"),
     ("Ref 5520418/ 07", "5520418/07")],
)  # fmt: skip
def test_a_reference_s_s_and_slash_as_ocr_reads_them(text: str, expected: str) -> None:
    """An "S" before a letter read as "$" ("$K44…": no amount has a letter after its "$"),
    and a space on one side of a slash between figures: the reference as printed."""
    assert parse_reference(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Ref 5520418 / 07", "5520418"), ("Charge $120.00", None), ("Ref SK4410927", "SK4410927")],
)
def test_references_as_printed_are_left_alone(text: str, expected: str | None) -> None:
    """(guard) Spaces both sides of a slash are two things; a dollar amount is no
    reference; a reference read right is unchanged."""
    assert parse_reference(text) == expected


def test_a_date_split_at_a_gap_between_its_day_and_month() -> None:
    """OCR saw a gap between a labelled date's day and its month ("Issued:  21 |
    March 2027", two cells): the label's value is the whole date."""
    page = [
        (Cell(0.08, "Manor Water Sports Ltd", bold=True),),
        (Cell(0.08, "Mrs Oona Fairbairn-Mtete"),),
        (Cell(0.45, "Issued:"), Cell(0.6, "21"), Cell(0.68, "March 2027")),
        (Cell(0.45, "Customer no.:"), Cell(0.6, "MWS-58120")),
        (Cell(0.45, "Paid on:"), Cell(0.6, "28 March 2027")),
        (Cell(0.08, "Your storage fees of £96.00 are overdue."),),
    ]
    assert _read(page).letter_date == dt.date(2027, 3, 21)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Issued: 92/03/2027", dt.date(2027, 3, 2)), ("Pay by: 19/93/2027", dt.date(2027, 3, 19)),
     ("99/94/2027", dt.date(2027, 4, 9))],
)  # fmt: skip
def test_a_fax_s_nought_read_as_nine_in_a_figure_date(text: str, expected: dt.date) -> None:
    """A day or month that opens with a 9 no day or month has ("92/03", "19/93"): a fax's
    0 read as 9, the date read with the 0."""
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("29/03/2027", dt.date(2027, 3, 29)), ("92/13/2027", None), ("9/3/2027", dt.date(2027, 3, 9))],
)
def test_possible_dates_are_read_as_printed(text: str, expected: dt.date | None) -> None:
    """(guard) A possible date is read as printed, and one impossible after the mending too
    is none."""
    assert parse_date(text) == expected


# -- a lender's letter read as utility arrears ----------------------------------------------


def _reminder(what: str) -> tuple[dict[str, list[Any]], str]:
    page = [
        (Cell(0.08, "Drumelzier Lending Ltd", bold=True),),
        (Cell(0.08, "Mrs Oona Fairbairn-Mtete"),),
        (Cell(0.08, f"Your {what} is overdue and unpaid."),),
        (Cell(0.08, "Sum owing"), Cell(0.5, "£1,310.20")),
        (Cell(0.08, "Settle by"), Cell(0.5, "30 March 2027")),
    ]
    truth = Truth(document_class=C.OTHER)
    sample = Sample(name="t", family="t", held_out=False, truth=truth, pages=(page,))
    return found(C.UTILITY_ARREARS, page), sample_text(sample)


def test_a_loan_read_as_utility_arrears_is_a_creditor_letter() -> None:
    """Read as utility arrears, a letter that names a loan (a card, a credit agreement) and
    nothing a utility supplies is a lender's: a creditor letter."""
    got, text = _reminder("loan with us")
    assert refine_class(C.UTILITY_ARREARS, got, text) is C.CREDITOR_LETTER


@pytest.mark.parametrize("what", ["water bill", "loan for the new gas boiler", "phone contract"])
def test_a_utility_s_arrears_stay_utility_arrears(what: str) -> None:
    """(guard) One that names a utility (water, gas, a phone), even beside a loan, stays
    utility arrears."""
    got, text = _reminder(what)
    assert refine_class(C.UTILITY_ARREARS, got, text) is C.UTILITY_ARREARS
