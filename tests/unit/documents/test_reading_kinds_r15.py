"""Kinds of reading added in round 15 of the reader (issue 14), from the misses of W (and
one from an enforcement agent's notice made for the demo, one from Q as shipped), each on
wording and layouts unlike every corpus family: the test checks the *kind* of rule — a
date with a Roman month, a date with a two-digit year between dashes (but never a sort
code), a form's date in boxes, a sum with a raised point, a monogram letterhead whose
writer is named only in its signature, a reference of letters and figures with a closing
pair and one of capitals before a single run of figures, a deduction "(net pay)" that is
no take-home pay, the client an agent collects for named with what the debt is in
brackets, "invoice" as a reference's label, a sum paid in excess as owed, "taken to be
served on" as no deadline, gross "since April" as a running total and "Earned" as a
column's heading — and the OCR kinds (a Roman month's I read as 1, a box's edge read as a
point, the raised point read as a dash, a legal form in capitals before a stamp's letters),
not a family's phrase. Perfect text (exact word boxes), no Tesseract."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.unit.documents.test_reading_kinds_r10 import best
from tests.unit.documents.test_reading_kinds_r14 import found

from cma_adapters.rules_assistant.corpus import Cell
from cma_adapters.rules_assistant.values import (
    parse_date,
    parse_money,
    parse_name,
    parse_reference,
)
from cma_core.documents.model import DocumentClass

C = DocumentClass


# -- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19.IV.2027", dt.date(2027, 4, 19)),  # a Roman month
        ("Issued 2 ix 2027 at Tenbury", dt.date(2027, 9, 2)),
        ("7-XI-2026", dt.date(2026, 11, 7)),
        ("Posted 19-04-27", dt.date(2027, 4, 19)),  # a two-digit year between dashes
        ("30-11-26", dt.date(2026, 11, 30)),
        ("09 04 2027", dt.date(2027, 4, 9)),  # a form's boxed date
        ("Hearing   21 10 2026", dt.date(2026, 10, 21)),
        ("Tue, 07 Sep 2027", dt.date(2027, 9, 7)),
    ],
)
def test_dates_with_a_roman_month_dashes_and_boxes(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sort code 20-04-17",  # a sort code, however like a date
        "Sorting code: 11-03-25  Account 41178820",
        "Bank details   40-12-05",
        "Sort code\n11-09-24",  # a column's heading above it
        "IV 2027",  # no day
        "Phone 0300 12 2027",  # a telephone number's groups
        "£1 07 2027",
    ],
)
def test_what_looks_like_those_dates_but_is_none(text: str) -> None:
    assert parse_date(text) is None


def test_a_dashed_date_beside_a_label_and_a_boxed_date_under_one() -> None:
    page = [
        (Cell(0.08, "Tenbury Mill Lettings"),),
        (Cell(0.08, "Sort code"), Cell(0.4, "30-09-26")),  # the bank's, no date
        (Cell(0.08, "Date of notice"), Cell(0.4, "14-02-27")),
        (Cell(0.08, "DEEMED SERVED ON"), Cell(0.5, "PAY BY")),
        (Cell(0.08, "19 02 2027"), Cell(0.5, "05 03 2027")),
    ]
    got = found(C.COURT_CLAIM_N1, page)
    assert best(got, "letter_date") == dt.date(2027, 2, 14)
    assert best(got, "served_date") == dt.date(2027, 2, 19)
    assert best(got, "deadline_date") == dt.date(2027, 3, 5)
    assert all(c.value != dt.date(2026, 9, 30) for c in got["letter_date"])


# -- money ------------------------------------------------------------------------------------


def test_a_sum_with_a_raised_point() -> None:
    assert parse_money("£4,018·07") == 401807
    assert parse_money("Now owing   £96·50") == 9650
    assert parse_money("£12") == 1200  # (whole pounds as before)


# -- who writes -------------------------------------------------------------------------------


def _monogram_letter(mark: str) -> list[tuple[Cell, ...]]:
    return [
        (Cell(0.08, mark), Cell(0.62, "Wharf Chambers, Tenbury")),
        (Cell(0.62, "TE4 2QQ"),),
        (Cell(0.08, "Miss Odile Brackenridge"),),
        (Cell(0.08, "Late payments on your storage unit"),),
        (Cell(0.08, "Unit rent now owed"), Cell(0.6, "£384.00")),
        (Cell(0.08, "Kind regards"),),
        (Cell(0.08, "F. Oduya"),),
        (Cell(0.08, "Accounts Desk, Quayfield Secure Storage Ltd"),),
    ]


@pytest.mark.parametrize("mark", ["Q S S", "QSS"])
def test_a_monogram_letterhead_names_the_writer_in_its_signature(mark: str) -> None:
    got = found(C.CREDITOR_LETTER, _monogram_letter(mark))
    assert best(got, "creditor_name") == "Quayfield Secure Storage Ltd"


def test_a_monogram_that_spells_no_one_s_initials_names_no_one() -> None:
    got = found(C.CREDITOR_LETTER, _monogram_letter("R T B"))
    assert all(c.role != "letterhead" or c.score < 2.0 for c in got["creditor_name"])


def test_the_client_an_agent_collects_for_named_with_the_debt_in_brackets() -> None:
    for label in ("On behalf of:", "Our client:", "Instructed by:"):
        page = [
            (Cell(0.08, "Ashcombe Field Agents Ltd"),),
            (Cell(0.08, "Certificated agents, 4 Mill Lane, Tenbury TE1 1JY"),),
            (Cell(0.08, "NOTICE OF ENFORCEMENT"),),
            (Cell(0.08, f"{label} Pellingford Borough Council (unpaid penalty PB40918832)"),),
            (Cell(0.08, "Total now due: £270.00"),),
        ]
        got = found(C.ENFORCEMENT_AGENT_NOTICE, page)
        assert best(got, "creditor_name") == "Pellingford Borough Council", label
    assert parse_name("Tanner (UK) Ltd") == "Tanner (UK) Ltd"  # a bracket within a name


# -- references -------------------------------------------------------------------------------


def test_references_of_letters_and_figures() -> None:
    # letters and four figures, a group and a closing pair
    assert parse_reference("Storage no.: QS7710 4492 08   14-02-27") == "QS7710 4492 08"
    # capitals as a word of their own before one run of figures
    assert parse_reference("Unit account      QSS 40471") == "QSS 40471"
    assert parse_reference("TEL 01632 960 118") == "01632 960 118"  # a line's word
    assert parse_reference("PO Box 40471") is None


# -- pay --------------------------------------------------------------------------------------


def test_a_deduction_under_a_net_pay_scheme_is_no_take_home_pay() -> None:
    page = [
        (Cell(0.08, "Harbourside Bakery Ltd  -  pay advice"),),
        (Cell(0.08, "SUPERANNUATION (NET PAY)"), Cell(0.4, "GROSS THIS PERIOD"),
         Cell(0.7, "PAY AFTER DEDUCTIONS")),
        (Cell(0.08, "£48.12"), Cell(0.4, "£1,602.00"), Cell(0.7, "£1,288.40")),
    ]  # fmt: skip
    got = found(C.PAYSLIP, page)
    assert best(got, "income_pence") == 128840
    assert all(c.score < 0 for c in got["income_pence"] if c.value == 4812)


# -- labels -----------------------------------------------------------------------------------


def test_an_invoice_a_sum_paid_in_excess_and_a_claim_taken_to_be_served() -> None:
    page = [
        (Cell(0.08, "Marlpit District Council"),),
        (Cell(0.08, "Date of this letter"), Cell(0.6, "3 March 2027")),
        (Cell(0.08, "Council tax support credited in excess: £318.20"),),
        (Cell(0.08, "Recovery invoice: MDC7741902"),),
        (Cell(0.08, "Treated as delivered on"), Cell(0.6, "5 March 2027")),
    ]
    got = found(C.OVERPAYMENT, page)
    assert best(got, "account_reference") == "MDC7741902"
    page = [
        (Cell(0.08, "Marlpit District Council"),),
        (Cell(0.08, "Discretionary housing payment paid in excess: £318.20"),),
    ]
    assert best(found(C.OVERPAYMENT, page), "balance_pence") == 31820
    page = [
        (Cell(0.08, "County Court at Marlpit"),),
        (Cell(0.08, "Claim taken to be served on"), Cell(0.6, "8 March 2027")),
        (Cell(0.08, "Answer the claim by"), Cell(0.6, "22 March 2027")),
    ]
    got = found(C.COURT_CLAIM_N1, page)
    assert best(got, "deadline_date") == dt.date(2027, 3, 22)
    assert all(c.value != dt.date(2027, 3, 8) for c in got["deadline_date"] if c.score > 0)


# -- after OCR --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dated 3.X11.2027", dt.date(2027, 12, 3)),  # a Roman month's I read as 1
        ("17.X1.2026", dt.date(2026, 11, 17)),
        ("Served on   19.07 2027", dt.date(2027, 7, 19)),  # a box's edge read as a point
    ],
)
def test_dates_as_ocr_reads_them(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


def test_a_raised_point_read_as_a_dash_and_a_legal_form_in_capitals() -> None:
    assert parse_money("Rent now owing | . £1,406-18") == 140618
    assert parse_money("£318-27") == 31827
    assert parse_money("Costs of £40-50 a week") == 4000  # a range, as before
    assert parse_name("WOLDGATE HEAT & POWER LTD ~ EIVED") == "WOLDGATE HEAT & POWER LTD"


def test_gross_since_the_tax_year_began_and_an_earned_column() -> None:
    page = [
        (Cell(0.08, "Saltmarsh Ferries Ltd  -  wage slip"),),
        (Cell(0.08, "GROSS SINCE APRIL"), Cell(0.4, "GROSS THIS WEEK")),
        (Cell(0.08, "£9,880.40"), Cell(0.4, "£415.10")),
    ]
    got = found(C.PAYSLIP, page)
    assert best(got, "gross_pence") == 41510
    assert all(c.score < 0 for c in got["gross_pence"] if c.value == 988040)
    page = [
        (Cell(0.08, "Saltmarsh Ferries Ltd  -  wage slip"),),
        (Cell(0.3, "Earned"), Cell(0.5, "Stopped"), Cell(0.7, "Reaches you")),
        (Cell(0.08, "This week"), Cell(0.3, "£415.10"), Cell(0.5, "£61.20"), Cell(0.7, "£353.90")),
    ]  # fmt: skip
    assert best(found(C.PAYSLIP, page), "gross_pence") == 41510
    page = [
        (Cell(0.08, "Universal Credit statement"),),
        (Cell(0.08, "Earnings: £87.41 take-home pay, taken into account"),),
    ]
    assert best(found(C.BENEFIT_AWARD, page), "gross_pence") is None  # not a column's heading
