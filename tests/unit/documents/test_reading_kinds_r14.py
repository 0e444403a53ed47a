"""Kinds of reading added in round 14 of the reader (issue 14), from the misses of V, each
on wording and layouts unlike every corpus family (A-V): the test checks the *kind* of
rule — numbered boxes explained by a key, a key-facts table printed value first and label
second, a label's relative clause that is no name, the lender on a notice of assignment,
a National Insurance number and a reference's letters as references, a court order's
heading, the date it was made and the date beside a deadline's label, who a judgment is
for and who sues, instalments unpaid and a sum paid in error as owed, pay "to date" as a
running total, a credit's trailing minus — and the OCR kinds (an amount split or with its
first figures lost, a protected amount's asterisks, a date joined to a word, box numbers
with specks, a key read in one column), not a family's phrase. Perfect text (exact word
boxes), no Tesseract."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.test_reading_kinds_r10 import best

from cma_adapters.rules_assistant.corpus import Cell, Sample, Truth, sample_pages, sample_text
from cma_adapters.rules_assistant.fields import read_fields
from cma_adapters.rules_assistant.fields_kinds import keyed_boxes
from cma_adapters.rules_assistant.layout import carry_headers, page_layout, values_first_rows
from cma_adapters.rules_assistant.values import Candidate, parse_money, parse_name, parse_reference
from cma_core.documents.model import DocumentClass

C = DocumentClass


def found(cls: DocumentClass, *pages: list[tuple[Cell, ...]]) -> dict[str, list[Candidate]]:
    """Every candidate per field for the pages read as ``cls``, laid out as the assistant
    lays them out (numbered boxes given their key's words)."""
    truth = Truth(document_class=C.OTHER)
    sample = Sample(name="t", family="t", held_out=False, truth=truth, pages=tuple(pages))
    layouts = carry_headers([keyed_boxes(page_layout(p)) for p in sample_pages(sample)])
    return read_fields(layouts, sample_text(sample), cls)


def _layouts(page: list[tuple[Cell, ...]]) -> list:
    truth = Truth(document_class=C.OTHER)
    sample = Sample(name="t", family="t", held_out=False, truth=truth, pages=(page,))
    return [page_layout(p) for p in sample_pages(sample)]


# -- numbered boxes and a key that says what each holds ----------------------------------------


def _boxed(key_rows: list[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    return [
        (Cell(0.08, "Brindlecombe Appliance Rentals Ltd"),),
        (Cell(0.08, "4 Tanner's Yard, Oakhampton"),),  # (an address line is no key)
        (Cell(0.08, "Mrs Delia Fenwick-Oyelaran"),),
        (Cell(0.1, "1"), Cell(0.42, "2"), Cell(0.72, "3")),
        (Cell(0.12, "AR-55120-K"), Cell(0.44, "£412.60"), Cell(0.74, "9 March 2027")),
        (Cell(0.1, "4"),),
        (Cell(0.12, "£38.00"),),
        *key_rows,
        (Cell(0.08, "Your rental has fallen behind; please act now."),),
    ]


def test_numbered_boxes_read_with_the_key_that_explains_them() -> None:
    key = [
        (Cell(0.08, "What the numbers mean"),),
        (Cell(0.08, "1"), Cell(0.12, "Rental agreement number"), Cell(0.5, "2"),
         Cell(0.54, "Rental left unpaid")),
        (Cell(0.08, "3"), Cell(0.12, "Clear it no later than"), Cell(0.5, "4"),
         Cell(0.54, "Weekly rental")),
    ]  # fmt: skip
    got = found(C.CREDITOR_LETTER, _boxed(key))
    assert best(got, "account_reference") == "AR-55120-K"
    assert best(got, "balance_pence") == 41260
    assert best(got, "deadline_date") == dt.date(2027, 3, 9)
    # the same boxes without a key are left as they are (a row of small numbers may be
    # a table's figures)
    (layout,) = _layouts(_boxed([]))
    assert keyed_boxes(layout) is layout


def test_a_key_with_the_number_and_its_words_in_one_cell_and_a_last_lone_entry() -> None:
    key = [
        (Cell(0.08, "1 Rental agreement number"), Cell(0.5, "2 Rental left unpaid")),
        (Cell(0.08, "3 Clear it no later than"),),
    ]
    got = found(C.CREDITOR_LETTER, _boxed(key))
    assert best(got, "account_reference") == "AR-55120-K"
    assert best(got, "deadline_date") == dt.date(2027, 3, 9)


# -- a key-facts table printed value first, label second ---------------------------------------


def _facts(rows: list[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    return [
        (Cell(0.08, "Pellowe Collections Ltd"),),
        (Cell(0.08, "Mr Anwar Castellan-Reid"),),
        *rows,
        (Cell(0.08, "Dear Mr Castellan-Reid, we are collecting this sum."),),
    ]


def test_a_key_facts_table_with_each_label_after_its_value() -> None:
    rows = [
        (Cell(0.08, "TVF-88120"), Cell(0.55, "Agreement no.")),
        (Cell(0.08, "Thornbury Vehicle Finance Ltd"), Cell(0.55, "Creditor")),
        (Cell(0.08, "£1,905.44"), Cell(0.55, "Arrears to clear")),
        (Cell(0.08, "2 March 2027"), Cell(0.55, "Date sent")),
    ]
    page = _facts(rows)
    (layout,) = _layouts(page)
    assert len(values_first_rows(layout)) == 4
    got = found(C.CREDITOR_LETTER, page)
    assert best(got, "creditor_name") == "Thornbury Vehicle Finance Ltd"
    assert best(got, "account_reference") == "TVF-88120"
    assert best(got, "balance_pence") == 190544


def test_a_table_with_its_labels_first_is_not_read_backwards() -> None:
    rows = [
        (Cell(0.08, "Agreement no."), Cell(0.55, "TVF-88120")),
        (Cell(0.08, "Creditor"), Cell(0.55, "Thornbury Vehicle Finance Ltd")),
        (Cell(0.08, "Arrears to clear"), Cell(0.55, "£1,905.44")),
    ]
    (layout,) = _layouts(_facts(rows))
    assert values_first_rows(layout) == frozenset()


# -- whose name a label gives ------------------------------------------------------------------


def test_a_label_s_relative_clause_is_no_name() -> None:
    assert parse_name("WHO ISSUED THE CARD") is None
    assert parse_name("that bought the loan from Kestrel Loans") is None
    assert parse_name("Kestrel Home Loans Ltd") == "Kestrel Home Loans Ltd"


def test_on_a_notice_of_assignment_the_lender_is_the_original_creditor() -> None:
    page = [
        (Cell(0.08, "Garside Debt Purchase Ltd"),),
        (Cell(0.08, "Lender who advanced the money"), Cell(0.5, "Kestrel Home Loans Ltd")),
        (Cell(0.08, "Your number with us"), Cell(0.5, "GDP-7731904")),
        (Cell(0.08, "Kestrel Home Loans Ltd has assigned your account to Garside Debt"),),
        (Cell(0.08, "Purchase Ltd."),),
    ]
    got = found(C.NOTICE_OF_ASSIGNMENT, page)
    assert best(got, "original_creditor") == "Kestrel Home Loans Ltd"
    assert best(got, "creditor_name") != "Kestrel Home Loans Ltd"


# -- references -------------------------------------------------------------------------------


def test_a_national_insurance_number_in_its_groups_is_a_reference() -> None:
    assert parse_reference("AB 12 34 56 C") == "AB 12 34 56 C"
    assert parse_reference("Your NI number AB 12 34 56 C.") == "AB 12 34 56 C"


def test_a_reference_s_letters_printed_as_a_word_of_their_own() -> None:
    assert parse_reference("Meter point: GWX 5521 0934") == "GWX 5521 0934"
    assert parse_reference("TEL 0333 016 4492") == "0333 016 4492"  # a line, not letters
    assert parse_reference("Ref 5521 0934") == "5521 0934"


# -- a court's order ---------------------------------------------------------------------------


def test_a_court_order_s_heading_the_date_it_was_made_and_the_date_to_pay() -> None:
    page = [
        (Cell(0.08, "IN THE FELLBECK MAGISTRATES' COURT"), Cell(0.62, "Case 41/0093/22")),
        (Cell(0.08, "Accounts Office, Mill Wynd, Fellbeck"),),
        (Cell(0.08, "Order made on 2 April 2027 by the bench in your absence."),),
        (Cell(0.1, "Fine and costs outstanding"), Cell(0.62, "£340.00")),
        (Cell(0.1, "Clear the account before"), Cell(0.62, "16 April 2027")),
        (Cell(0.08, "Pay the fine and costs or the court may take further steps."),),
    ]
    got = found(C.MAGISTRATES_FINE, page)
    assert best(got, "letter_date") == dt.date(2027, 4, 2)
    assert best(got, "deadline_date") == dt.date(2027, 4, 16)
    assert best(got, "creditor_name") == "FELLBECK MAGISTRATES' COURT"


def test_whom_a_judgment_is_for_and_who_sues() -> None:
    page = [
        (Cell(0.08, "County Court at Wetherfold"),),
        (Cell(0.08, "Judgment has been given for the claimant, Ashdown Piano Hire Ltd, as you"),),
        (Cell(0.08, "did not defend the claim. Pay £2,115.00 within 14 days."),),
    ]
    assert best(found(C.COUNTY_COURT_JUDGMENT, page), "creditor_name") == "Ashdown Piano Hire Ltd"
    page = [
        (Cell(0.08, "County Court at Wetherfold"),),
        (Cell(0.08, "Corven Boat Finance plc, whose account number is CB-1180, is suing you for"),),
        (Cell(0.08, "£4,020.00 under a marine loan."),),
    ]
    assert best(found(C.COURT_CLAIM_N1, page), "creditor_name") == "Corven Boat Finance plc"
    page = [
        (Cell(0.08, "County Court at Wetherfold"),),
        (Cell(0.1, "Who is owed"), Cell(0.5, "Corven Boat Finance plc")),
    ]
    assert best(found(C.COURT_CLAIM_N1, page), "creditor_name") == "Corven Boat Finance plc"


# -- what is owed ------------------------------------------------------------------------------


def test_instalments_unpaid_and_a_sum_paid_in_error_are_owed() -> None:
    page = [
        (Cell(0.08, "Ravensmoor Borough Council"),),
        (Cell(0.1, "Instalments unpaid to date"), Cell(0.62, "£233.10")),
        (Cell(0.08, "Bring your account up to date within seven days."),),
    ]
    assert best(found(C.COUNCIL_TAX, page), "balance_pence") == 23310
    page = [
        (Cell(0.08, "Tax Credit Office"),),
        (Cell(0.1, "Working tax credits paid in error"), Cell(0.62, "£640.00")),
        (Cell(0.08, "Please repay this sum or call us to agree a plan."),),
    ]
    assert best(found(C.OVERPAYMENT, page), "balance_pence") == 64000


# -- after OCR ---------------------------------------------------------------------------------


def test_an_amount_ocr_split_inside_its_first_group_of_figures() -> None:
    assert parse_money("Sum now demanded £2 8,310.05") == 2831005
    assert parse_money("£1 204 507 total") == 120450700  # spaced thousands, as before
    assert parse_money("£5 and 4,000.00") == 500  # two amounts, not one


def test_a_date_ocr_joined_to_the_word_before_it_is_no_reference() -> None:
    assert parse_reference("from03/04/26") is None
    assert parse_reference("UNTIL03-04-2026  ref KLT-4471") == "KLT-4471"


def test_the_body_s_reference_is_and_a_claim_number_read_with_the_letter_o() -> None:
    page = [
        (Cell(0.08, "County Court at Wetherfold"),),
        (Cell(0.08, "Corven Boat Finance plc, whose reference is CBF0471/Q, is suing you under"),),
        (Cell(0.08, "claim number K7OQ4T20 for £4,020.00."),),
    ]
    got = found(C.COURT_CLAIM_N1, page)
    assert best(got, "account_reference") == "CBF0471/Q"
    # the claim number as OCR read it (an O for a 0) is no account reference either
    misread = [c for c in got["account_reference"] if c.value == "K7OQ4T20"]
    assert misread
    assert all(c.score <= 0 for c in misread)


def test_a_credit_printed_with_its_minus_after_it() -> None:
    assert parse_money("Refunds and credits   1,312.08-") == -131208
    assert parse_money("Between £40-£50 a week") == 4000  # a range
    assert parse_money("£41.65 - the charge") == 4165  # a dash before words


def test_pay_to_date_is_a_running_total_not_this_period_s_pay() -> None:
    page = [
        (Cell(0.08, "Quillmere Joinery Ltd  -  pay advice"),),
        (Cell(0.1, "Earnings to date"), Cell(0.6, "£9,410.00")),
        (Cell(0.1, "Gross pay to date"), Cell(0.6, "£9,410.00")),
        (Cell(0.1, "Gross for this period"), Cell(0.6, "£1,176.25")),
        (Cell(0.1, "Take-home pay to date"), Cell(0.6, "£7,702.40")),
        (Cell(0.1, "Take-home pay"), Cell(0.6, "£962.80")),
    ]
    got = found(C.PAYSLIP, page)
    assert best(got, "gross_pence") == 117625
    # (not a close second: as far below as a "year to date" figure is)
    period = max(c.score for c in got["gross_pence"] if c.value == 117625)
    assert all(c.score <= period - 3 for c in got["gross_pence"] if c.value == 941000)
    assert best(got, "income_pence") == 96280


def test_box_numbers_read_with_specks_and_a_full_stop_after_ocr() -> None:
    key = [
        (Cell(0.08, "1 Rental agreement number"), Cell(0.5, "2 Rental left unpaid")),
        (Cell(0.08, "3 Clear it no later than"),),
    ]
    page = _boxed(key)
    page[3] = (Cell(0.1, "1."), Cell(0.25, "a"), Cell(0.42, "2"), Cell(0.6, "'fs"), Cell(0.72, "3"))
    got = found(C.CREDITOR_LETTER, page)
    assert best(got, "account_reference") == "AR-55120-K"
    assert best(got, "deadline_date") == dt.date(2027, 3, 9)


def test_a_protected_amount_and_one_whose_first_figures_ocr_lost() -> None:
    page = [
        (Cell(0.08, "HALBERTON STORE CARD LTD"),),
        (Cell(0.1, "TOTAL NOW OWING ....."), Cell(0.6, "£QXHA, 316.08")),
        (Cell(0.08, "Your store card is behind: you now owe £****2,316.08 in all."),),
    ]
    assert parse_money("£**2,316.08") == 231608
    assert parse_money("£QXHA, 316.08") is None  # only the last group of figures is left
    assert parse_money("Balance, 316.08") == 31608  # a word and a comma: the amount whole
    assert best(found(C.CREDITOR_LETTER, page), "balance_pence") == 231608


def test_a_key_in_one_column_and_a_date_under_a_deadline_s_box() -> None:
    key = [
        (Cell(0.08, "1 Rental agreement number"),),
        (Cell(0.08, "3 Clear it no later than"),),
        (Cell(0.08, "2 Rental left unpaid"),),
    ]
    page = _boxed(key)
    got = found(C.CREDITOR_LETTER, page)
    assert best(got, "account_reference") == "AR-55120-K"
    assert best(got, "deadline_date") == dt.date(2027, 3, 9)
    # the date in box 3, near the top of the page, is the date to clear it by, not the
    # letter's own date
    assert best(got, "letter_date") != dt.date(2027, 3, 9)
