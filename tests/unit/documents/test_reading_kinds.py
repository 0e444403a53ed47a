"""Kinds of reading added in round 5 of the reader (issue 14), each on a letter worded
unlike every corpus family (A-D, H, K, L): the test checks the *kind* of rule — a date
with a two-digit year, a name's role in the words around it, a deduction that is not
income — not a family's phrase. Perfect text (exact word boxes), no Tesseract."""

from __future__ import annotations

import datetime as dt

import pytest

from cma_adapters.rules_assistant import classifier
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Cell, Sample, Truth, sample_pages, sample_text
from cma_adapters.rules_assistant.fields import read_fields
from cma_adapters.rules_assistant.layout import page_layout
from cma_adapters.rules_assistant.values import Candidate, parse_date, parse_money, parse_reference
from cma_core.documents.model import DocumentClass, Extraction

C = DocumentClass


def page(*rows: tuple[Cell, ...]) -> Sample:
    return Sample(
        name="t",
        family="t",
        held_out=False,
        truth=Truth(document_class=C.OTHER),
        pages=(list(rows),),
    )


def found(cls: DocumentClass, *rows: tuple[Cell, ...]) -> dict[str, list[Candidate]]:
    """Every candidate per field for a page read as ``cls``."""
    sample = page(*rows)
    layouts = [page_layout(p) for p in sample_pages(sample)]
    return read_fields(layouts, sample_text(sample), cls)


def best(candidates: dict[str, list[Candidate]], field: str) -> object:
    got = candidates[field]
    return got[0].value if got and got[0].score > 0 else None


def read(*rows: tuple[Cell, ...]) -> Extraction:
    sample = page(*rows)
    return extract(sample_text(sample), sample_pages(sample), classifier.shipped())


# -- values as they are printed -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14/11/26", dt.date(2026, 11, 14)),
        ("Due 02.03.27", dt.date(2027, 3, 2)),
        ("by 09-Feb-27.", dt.date(2027, 2, 9)),
        ("the 21st of January 2027", dt.date(2027, 1, 21)),
        ("sort code 30-15-99", None),  # a sort code, not a date
        ("16 May 12 payments were missed", None),  # a two-digit year only hyphenated
        ("version 4.11", None),
    ],
)
def test_dates_with_two_digit_years_and_of(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_money_is_not_read_out_of_a_date_and_a_minus_is_a_deduction() -> None:
    assert parse_money("Billing period 03.01.27 to 02.04.27") is None
    assert parse_money("Period 03.01.27 to 02.04.27, £88.10") == 8810
    assert parse_money("Earnings deducted -212.40") == -21240


def test_a_reference_printed_in_groups_of_digits_is_one_reference() -> None:
    assert parse_reference("7781 0042 3316") == "7781 0042 3316"
    assert parse_reference("Call 01632 960 001 today") is not None  # shape only; labels decide


# -- where a value is, and whose it is ----------------------------------------------------


def test_numbers_of_the_sender_a_regulator_or_a_court_fee_account_are_not_the_account() -> None:
    got = found(
        C.UTILITY_BILL,
        (Cell(0.08, "Tamar Heat & Light Ltd"),),
        (Cell(0.6, "Supply number"),),
        (Cell(0.6, "7781 0042 3316"),),
        (Cell(0.08, "Tamar Heat & Light Ltd is registered in Scotland, company"),),
        (Cell(0.08, "registration number SC440120. VAT number 118 2233 41."),),
        (Cell(0.08, "Payment account no"), Cell(0.5, "PBA0044120")),
    )
    assert best(got, "account_reference") == "7781 0042 3316"
    assert best(got, "creditor_name") == "Tamar Heat & Light Ltd"  # the "&" is kept


def test_an_agent_s_own_file_reference_gives_way_to_the_client_s_account() -> None:
    rows = (
        (Cell(0.08, "Severn Debt Recovery Ltd"),),
        (Cell(0.55, "Our reference"), Cell(0.75, "SDR/88120/K")),
        (Cell(0.55, "Client account no"), Cell(0.75, "77120094")),
        (Cell(0.55, "Collecting for"), Cell(0.75, "Avonside Loans Ltd")),
    )
    assert best(found(C.CREDITOR_LETTER, *rows), "account_reference") == "77120094"
    # A bailiff's own reference is the one to pay under.
    assert best(found(C.ENFORCEMENT_AGENT_NOTICE, *rows), "account_reference") == "SDR/88120/K"


def test_what_the_balance_was_gives_way_to_what_is_owed_now() -> None:
    got = found(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Avonside Loans Ltd"),),
        (Cell(0.08, "Opening balance"), Cell(0.6, "£2,400.00")),
        (Cell(0.08, "Balance on transfer to us"), Cell(0.6, "£2,400.00")),
        (Cell(0.08, "Paid since"), Cell(0.6, "£300.00")),
        (Cell(0.08, "Balance remaining"), Cell(0.6, "£2,100.00")),
    )
    assert best(got, "balance_pence") == 210000


def test_a_liability_order_amount_in_any_word_order_is_not_the_sum_due() -> None:
    got = found(
        C.ENFORCEMENT_AGENT_NOTICE,
        (Cell(0.08, "Sum of the liability order"), Cell(0.6, "£410.00")),
        (Cell(0.08, "Balance to clear"), Cell(0.6, "£485.00")),
    )
    assert best(got, "balance_pence") == 48500


def test_a_sentence_of_the_body_is_no_label_and_arrears_are_the_debt() -> None:
    got = found(
        C.MORTGAGE_ARREARS,
        (Cell(0.08, "Ullswater Home Loans Ltd"),),
        (Cell(0.08, "The total balance still secured on your home is"),),
        (Cell(0.08, "£96,200.00, and you have missed four payments."),),
        (Cell(0.6, "Contractual payment"),),
        (Cell(0.6, "£310.00"),),
        (Cell(0.6, "Arrears to date"),),
        (Cell(0.6, "£1,240.00"),),
    )
    assert best(got, "balance_pence") == 124000


def test_a_total_in_the_body_after_its_parts() -> None:
    got = found(
        C.COUNTY_COURT_JUDGMENT,
        (Cell(0.08, "You are ordered to pay £880.00 for the debt and £70.00 for fixed costs,"),),
        (Cell(0.08, "in all £950.00 — that is, a total of"),),
        (Cell(0.08, "£950.00, by 4 March 2027."),),
    )
    assert best(got, "balance_pence") == 95000


def test_a_bare_name_label_takes_the_role_of_the_heading_above_it() -> None:
    got = found(
        C.RENT_ARREARS,
        (Cell(0.08, "Details of your landlord:"),),
        (Cell(0.08, "Name"), Cell(0.3, "Kennet Valley Homes Ltd")),
        (Cell(0.08, "Address"), Cell(0.3, "4 Wharf Street, Newbury")),
    )
    assert best(got, "creditor_name") == "Kennet Valley Homes Ltd"


def test_served_date_labels_worded_otherwise() -> None:
    for label in ("Service date", "Date served", "Deemed date of service"):
        got = found(C.COURT_CLAIM_N1, (Cell(0.5, label), Cell(0.75, "09.03.27")))
        assert best(got, "served_date") == dt.date(2027, 3, 9), label


# -- roles said in the body -----------------------------------------------------------------


def test_roles_in_the_words_around_a_name() -> None:
    got = found(
        C.NOTICE_OF_ASSIGNMENT,
        (Cell(0.08, "Kennet Card Services Ltd"), Cell(0.55, "Lydney Asset Holdings Ltd")),
        (Cell(0.08, "IMPORTANT"),),
        (Cell(0.08, "Kennet Card Services Ltd (the assignor) has transferred your account to"),),
        (Cell(0.08, "Lydney Asset Holdings Ltd (the assignee) with effect from 1 May 2027."),),
    )
    assert best(got, "original_creditor") == "Kennet Card Services Ltd"
    names = {c.value for c in got["creditor_name"] if c.role == "named in the body"}
    assert names == {"Lydney Asset Holdings Ltd"}


def test_the_original_lender_named_across_a_line_break() -> None:
    got = found(
        C.LETTER_OF_CLAIM,
        (Cell(0.08, "Your loan was taken out with Dunmore Motor"),),
        (Cell(0.08, "Finance Ltd and now belongs to our client."),),
    )
    assert best(got, "original_creditor") == "Dunmore Motor Finance Ltd"


def test_a_collector_naming_the_first_lender_writes_a_creditor_letter_not_an_assignment() -> None:
    rows = (
        (Cell(0.08, "Severn Debt Recovery Ltd"),),
        (Cell(0.55, "Collecting for"), Cell(0.75, "Avonside Loans Ltd")),
        (Cell(0.55, "Originally owed to"), Cell(0.75, "Medway Card Finance PLC")),
        (Cell(0.08, "Your account is overdue and we have been asked to collect it."),),
        (Cell(0.08, "Outstanding balance"), Cell(0.6, "£640.00")),
    )
    got = read(*rows)
    assert got.document_class is not C.NOTICE_OF_ASSIGNMENT
    assert got.original_creditor == "Medway Card Finance PLC"
    sold = read(*rows, (Cell(0.08, "Medway Card Finance PLC sold your account last year."),))
    assert sold.document_class is C.NOTICE_OF_ASSIGNMENT


# -- dates and how often, said in sentences -------------------------------------------------


def test_a_deadline_broken_over_a_line_or_after_a_weekday() -> None:
    got = found(
        C.RENT_ARREARS,
        (Cell(0.08, "Please clear the arrears or ring us before Friday 12"),),
        (Cell(0.08, "March 2027 so we can agree a plan."),),
    )
    assert best(got, "deadline_date") == dt.date(2027, 3, 12)


def test_how_often_is_said_of_the_amount_paid() -> None:
    got = found(
        C.BENEFIT_AWARD,
        (Cell(0.08, "Carer's element"), Cell(0.6, "£45.00 a week")),
        (Cell(0.08, "You will receive £360.00 each fortnight into your account."),),
    )
    assert best(got, "frequency") == "fortnightly"
    dated = found(C.BENEFIT_AWARD, (Cell(0.08, "From 4.1.2027 your pension is paid weekly."),))
    assert best(dated, "frequency") == "weekly"


# -- income -------------------------------------------------------------------------------


def test_a_payslip_s_total_earnings_are_gross_and_a_deduction_is_no_income() -> None:
    got = found(
        C.PAYSLIP,
        (Cell(0.08, "Total earnings"), Cell(0.5, "1,650.00")),
        (Cell(0.08, "Take home"), Cell(0.5, "-90.00")),
        (Cell(0.08, "Net pay"), Cell(0.5, "£1,290.00")),
    )
    assert best(got, "gross_pence") == 165000
    assert best(got, "income_pence") == 129000


def test_a_benefit_s_name_is_not_who_pays_it() -> None:
    got = found(
        C.BENEFIT_AWARD,
        (Cell(0.08, "Pension Credit"), Cell(0.55, "The Pension Service")),
        (Cell(0.08, "Department for Work & Pensions"),),
    )
    assert "Pension Credit" not in {c.value for c in got["payer_name"]}


# -- what OCR does to labels and tables -----------------------------------------------------


def test_label_words_run_together_by_ocr_are_still_labels() -> None:
    got = found(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Yourref"), Cell(0.5, "QX-77120")),
        (Cell(0.08, "Totaldue"), Cell(0.5, "£318.20")),
    )
    assert best(got, "account_reference") == "QX-77120"
    assert best(got, "balance_pence") == 31820


def test_a_column_header_is_not_the_label_of_the_first_row_s_value() -> None:
    got = found(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Item"), Cell(0.7, "Total (£)")),
        (Cell(0.08, "Loan advanced"), Cell(0.7, "2,000.00")),
        (Cell(0.08, "Repaid so far"), Cell(0.7, "650.00")),
        (Cell(0.08, "Still owed"), Cell(0.7, "1,350.00")),
    )
    assert best(got, "balance_pence") == 135000
    # A sidebar's label over its value, beside an address block, is no table.
    side = found(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Mr A Example"), Cell(0.65, "Amount due")),
        (Cell(0.08, "1 Any Street"), Cell(0.65, "£212.00")),
        (Cell(0.08, "Anytown"),),
    )
    assert best(side, "balance_pence") == 21200
