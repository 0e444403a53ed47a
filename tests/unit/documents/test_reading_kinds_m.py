"""Kinds of reading added in round 6 of the reader (issue 14), from family M's misses,
each on a letter worded and laid out unlike every corpus family (A-D, H, K, L, M): the
test checks the *kind* of rule — labels printed under their values, a party's role
after its name, a representative's own reference, roles said in the body, a frequency
said of the amount paid — not a family's phrase. Perfect text (exact word boxes), no
Tesseract."""

from __future__ import annotations

import datetime as dt

import pytest

from cma_adapters.rules_assistant.assistant import extract, refine_class
from cma_adapters.rules_assistant.corpus import Cell, Sample, Truth, sample_pages, sample_text
from cma_adapters.rules_assistant.fields import read_fields
from cma_adapters.rules_assistant.layout import Layout, page_layout
from cma_adapters.rules_assistant.values import Candidate, parse_claim, parse_date, parse_name
from cma_core.documents.model import Box, DocumentClass, PageText, Word

C = DocumentClass


def found(cls: DocumentClass, *rows: tuple[Cell, ...]) -> dict[str, list[Candidate]]:
    """Every candidate per field for a page read as ``cls``."""
    truth = Truth(document_class=C.OTHER)
    sample = Sample(name="t", family="t", held_out=False, truth=truth, pages=(list(rows),))
    layouts = [page_layout(p) for p in sample_pages(sample)]
    return read_fields(layouts, sample_text(sample), cls)


def best(candidates: dict[str, list[Candidate]], field: str) -> object:
    got = candidates[field]
    return got[0].value if got and got[0].score > 0 else None


# -- values as they are printed -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Signed this 2nd day of June 2027", dt.date(2027, 6, 2)),
        ("Issued 2027-06-02", dt.date(2027, 6, 2)),
        ("7 Jun 27", dt.date(2027, 6, 7)),  # a two-digit year alone in its cell
        ("due on 7 Jun 27.", dt.date(2027, 6, 7)),
        ("7 Jun 27 payments were returned", None),  # a count, not a year
        ("order 2027-19-44", None),
    ],
)
def test_dates_as_deeds_iso_and_short_years_print_them(text: str, expected: object) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "may apply to the court for an order",  # a sentence after a role word
        "Do not send money to Ryedale Credit Ltd. Your plan stays the same",
        "Customer Services",  # a department
        "Solicitors",  # a kind of firm
        "Accounts Team",
    ],
)
def test_words_around_a_name_are_no_name(text: str) -> None:
    assert parse_name(text) is None


def test_a_name_runs_on_to_its_legal_form() -> None:
    got = found(
        C.CREDITOR_LETTER,
        (Cell(0.08, "We have been instructed by Tarnbrook Credit"),),
        (Cell(0.08, "Holdings Ltd to recover the sum below."),),
    )
    assert best(got, "creditor_name") == "Tarnbrook Credit Holdings Ltd"


# -- where a value is, and whose it is ----------------------------------------------------


def test_labels_printed_under_their_values() -> None:
    got = found(
        C.UTILITY_ARREARS,
        (Cell(0.08, "Ouse Valley Power Ltd"),),
        (Cell(0.08, "Warning of disconnection"),),
        (),
        (Cell(0.1, "4471-0093-22"), Cell(0.4, "£1,086.30"), Cell(0.7, "2027-02-11")),
        (Cell(0.1, "Supply account"), Cell(0.4, "Amount unpaid"), Cell(0.7, "Written on")),
        (Cell(0.1, "Ouse Valley Power Ltd"), Cell(0.4, "19/2/27")),
        (Cell(0.1, "Supplier"), Cell(0.4, "Settle by")),
    )
    assert best(got, "account_reference") == "4471-0093-22"
    assert best(got, "balance_pence") == 108630
    assert best(got, "letter_date") == dt.date(2027, 2, 11)
    assert best(got, "deadline_date") == dt.date(2027, 2, 19)
    assert best(got, "creditor_name") == "Ouse Valley Power Ltd"


def test_labels_over_their_values_still_read_downwards() -> None:
    """The same strip the usual way up: each label's value is the one below it, never the
    value of the label above."""
    got = found(
        C.CREDITOR_LETTER,
        (Cell(0.1, "Loan number"), Cell(0.6, "Date")),
        (Cell(0.1, "RK-55120"), Cell(0.6, "11/2/27")),
        (Cell(0.1, "Now owing"), Cell(0.6, "Reply by")),
        (Cell(0.1, "£740.15"), Cell(0.6, "25/2/27")),
    )
    assert best(got, "account_reference") == "RK-55120"
    assert best(got, "balance_pence") == 74015
    assert best(got, "deadline_date") == dt.date(2027, 2, 25)


def test_a_right_aligned_amount_over_its_label() -> None:
    got = found(
        C.PAYSLIP,
        (Cell(0.08, "Bramley Joinery Ltd"),),
        (Cell(0.08, "Gross for period"), Cell(0.8, "1,204.00")),
        (Cell(0.08, "Gross TD"), Cell(0.8, "9,632.00")),
        (),
        (Cell(0.83, "£998.12"),),
        (Cell(0.86, "Net Pay"),),
    )
    assert best(got, "income_pence") == 99812
    assert best(got, "gross_pence") == 120400  # "TD" is to date


def test_the_party_named_before_its_role_in_a_court_heading() -> None:
    got = found(
        C.COUNTY_COURT_JUDGMENT,
        (Cell(0.08, "Ashby Vehicle Finance plc"), Cell(0.8, "Judgment creditor")),
        (Cell(0.08, "Ms R Example"), Cell(0.8, "Judgment debtor")),
        (Cell(0.08, "If you do not pay, the judgment creditor may ask the court to enforce it."),),
    )
    assert best(got, "creditor_name") == "Ashby Vehicle Finance plc"


def test_who_acts_for_the_creditor_is_not_the_creditor_nor_is_their_reference_the_account() -> None:
    got = found(
        C.STATUTORY_DEMAND,
        (Cell(0.08, "Demand by Ashby Vehicle Finance plc (the creditor)"),),
        (Cell(0.08, "Creditor's agent's address"), Cell(0.55, "Whitcombe Law LLP")),
        (Cell(0.08, "Agent's file reference"), Cell(0.55, "WL/4410/AB")),
        (Cell(0.08, "Whitcombe Law LLP   Ref WL4410"),),
        (Cell(0.08, "The sum is due under hire purchase account number HP-8812047."),),
    )
    assert best(got, "creditor_name") != "Whitcombe Law LLP"
    assert best(got, "account_reference") == "HP-8812047"


# -- roles said in the body -----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "We are writing on behalf of Corrie Water Services Ltd about your account.",
        "This is about the money you owe to Corrie Water Services Ltd for your old home.",
        "We manage the flat for your landlord, Corrie Water Services Ltd, and",
        "Corrie Water Services Ltd has instructed us to collect what is owed.",
        "Corrie Water Services Ltd obtained a judgment against you in May.",
    ],
)
def test_who_is_owed_said_in_the_body(sentence: str) -> None:
    got = found(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Fell Side Agency"),),
        (Cell(0.08, sentence),),
    )
    names = {c.value for c in got["creditor_name"] if c.role == "named in the body"}
    assert names == {"Corrie Water Services Ltd"}


def test_the_seller_of_a_debt_said_in_the_body() -> None:
    for sentence in (
        "Your agreement with Ryedale Credit Ltd was sold to our company on 1 May.",
        "Ryedale Credit Ltd has assigned its rights to us.",
        "The loan was made between you and Ryedale Credit Ltd in 2024.",
    ):
        got = found(C.NOTICE_OF_ASSIGNMENT, (Cell(0.08, sentence),))
        assert best(got, "original_creditor") == "Ryedale Credit Ltd", sentence


# -- amounts and deadlines said in sentences ------------------------------------------------


def test_arrears_said_in_the_body_beat_a_running_balance_column() -> None:
    got = found(
        C.RENT_ARREARS,
        (Cell(0.08, "When"), Cell(0.3, "What"), Cell(0.6, "Charged"), Cell(0.8, "Running total")),
        (Cell(0.08, "1/3/27"), Cell(0.3, "Rent"), Cell(0.6, "410.00"), Cell(0.8, "1,230.00")),
        (Cell(0.08, "1/4/27"), Cell(0.3, "Rent"), Cell(0.6, "410.00"), Cell(0.8, "1,640.00")),
        (Cell(0.08, "9/4/27"), Cell(0.3, "Payment"), Cell(0.6, "-820.00"), Cell(0.8, "820.00")),
        (Cell(0.08, "Altogether you are £820.00 in arrears on your home."),),
    )
    assert best(got, "balance_pence") == 82000


def test_what_is_left_to_pay_after_what_was_taken_back() -> None:
    got = found(
        C.OVERPAYMENT,
        (Cell(0.08, "Overpaid between May and July"), Cell(0.7, "£912.00")),
        (Cell(0.08, "Taken from later payments"), Cell(0.7, "£112.00")),
        (Cell(0.08, "What you must pay"), Cell(0.7, "£800.00")),
    )
    assert best(got, "balance_pence") == 80000


def test_a_deadline_after_a_short_weekday() -> None:
    got = found(
        C.UTILITY_BILL, (Cell(0.08, "Please settle this bill by Tue. 04/05/2027 at the latest."),)
    )
    assert best(got, "deadline_date") == dt.date(2027, 5, 4)


def test_how_often_runs_over_a_line_and_is_the_one_of_the_amount_paid() -> None:
    got = found(
        C.PAYSLIP,
        (Cell(0.08, "You are paid every 2"),),
        (Cell(0.08, "weeks by bank transfer."),),
    )
    assert best(got, "frequency") == "fortnightly"
    award = found(
        C.BENEFIT_AWARD,
        (Cell(0.08, "Your allowance is worth £71.40 a week and you will get it monthly."),),
        (Cell(0.08, "Payable each month"), Cell(0.7, "£309.40")),
    )
    assert best(award, "income_pence") == 30940


# -- the kind of document -------------------------------------------------------------------


def test_an_agent_collecting_a_sold_debt_writes_a_creditor_letter() -> None:
    labelled = found(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Pike Recoveries Ltd"),),
        (Cell(0.08, "Current owner"), Cell(0.6, "Oakmere Assets Ltd")),
        (Cell(0.08, "Original lender"), Cell(0.6, "Ryedale Credit Ltd")),
    )
    agent = "Your loan was sold to Oakmere Assets Ltd, who have asked us to collect it."
    assert refine_class(C.CREDITOR_LETTER, labelled, agent) is C.CREDITOR_LETTER
    owner = "Your loan was sold to Oakmere Assets Ltd, who now own it."
    assert refine_class(C.CREDITOR_LETTER, labelled, owner) is C.NOTICE_OF_ASSIGNMENT


def test_pay_later_and_catalogue_arrears_by_what_they_say() -> None:
    text = "Your order from Hartside Bikes is overdue. Pay in the app to keep shopping."
    assert refine_class(C.CREDITOR_LETTER, {}, text) is C.BNPL_CATALOGUE_ARREARS
    plain = "Your loan is overdue. Please pay the arrears."
    assert refine_class(C.CREDITOR_LETTER, {}, plain) is C.CREDITOR_LETTER


def test_an_award_that_says_nothing_of_an_overpayment_is_an_award() -> None:
    award = "We have awarded you Guardian's Allowance. We will pay £22.10 a week."
    assert refine_class(C.OVERPAYMENT, {}, award) is C.BENEFIT_AWARD
    demand = "You were overpaid Guardian's Allowance and must repay £220.00."
    assert refine_class(C.OVERPAYMENT, {}, demand) is C.OVERPAYMENT


def test_a_law_firm_s_reference_beside_its_name_or_its_contact_line_in_plain_text() -> None:
    """Text without word boxes (the OpenAI adapter's input, a PDF's text layer): the
    firm's name and its "Ref" are cells of their own, split at the wide gap."""
    text = "\n".join(
        (
            "The sum is owed under credit agreement account number WX/5520193.",
            "",
            "Harland Moss LLP      Ref HM/88213",
            "Tel 0117 496 0201   DX 4410 Bristol   Ref HM/88213",
        )
    )
    layouts = [page_layout(PageText(number=1, text=text, confidence=1.0))]
    got = read_fields(layouts, text, C.COURT_CLAIM_N1)
    assert best(got, "account_reference") == "WX/5520193"


# -- what OCR does to a scanned page --------------------------------------------------------


def ocr_page(*words: tuple[str, int, int, int]) -> list[Layout]:
    """A page of OCR'd words: (text, left, top, height), widths from the text's length."""
    boxes = tuple(
        Word(text=t, box=Box(left=x, top=y, width=len(t) * h // 2, height=h))
        for t, x, y, h in words
    )
    return [
        page_layout(PageText(number=1, text="", confidence=0.9, words=boxes, size=(1240, 1754)))
    ]


def test_specks_in_a_leader_between_a_label_and_its_value() -> None:
    layouts = ocr_page(
        ("Balance", 100, 400, 20), ("owed", 180, 400, 20),
        ("oe", 600, 400, 12), ("a", 760, 400, 10), ("£1,204.60", 1000, 400, 20),
    )  # fmt: skip
    assert best(read_fields(layouts, "", C.CREDITOR_LETTER), "balance_pence") == 120460


def test_a_legal_form_set_apart_by_a_wide_gap_and_a_bold_amount_over_its_label() -> None:
    layouts = ocr_page(
        ("HOLM", 100, 100, 22), ("BAKERY", 170, 100, 22), ("LTD", 420, 100, 22),
        ("£512.40", 1000, 700, 30),
        ("Take", 1010, 760, 18), ("home", 1060, 760, 18),
    )  # fmt: skip
    got = read_fields(layouts, "", C.PAYSLIP)
    assert best(got, "payer_name") == "HOLM BAKERY LTD"
    assert best(got, "income_pence") == 51240


def test_a_scanned_name_ends_at_its_legal_form_without_specks() -> None:
    assert parse_name("Tolland Gas & ‘Light Ltd oe") == "Tolland Gas & Light Ltd"
    assert parse_name("Sarah O'Neill Lettings Ltd") == "Sarah O'Neill Lettings Ltd"


def test_what_ocr_makes_of_a_legal_form_and_a_claim_number() -> None:
    assert parse_name("a Tolland Vehicle Finance ple:") == "Tolland Vehicle Finance plc"
    assert parse_name("Tolland Motors Lid") == "Tolland Motors Ltd"
    assert parse_claim("Claim no. K72D Q118") == "K72DQ118"
    assert parse_claim("Call 0300 123") is None  # digits only: no claim number


def test_arrears_in_the_body_are_not_the_balance_of_a_loan_letter() -> None:
    got = found(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Hartwell Personal Finance Ltd"),),
        (Cell(0.08, "Your loan balance still owed to us is £3,410.20."),),
        (Cell(0.08, "Please clear the arrears of £287.00 within 14 days."),),
    )
    assert best(got, "balance_pence") == 341020


def test_a_line_of_rules_or_specks_in_plain_text_does_not_stop_the_reading() -> None:
    """Text without word boxes may hold a line with no letters or figures ("- - - -"): its
    row has no cells. It once raised IndexError (seen through the OpenAI adapter's table)."""
    text = "Ravenglass Loans Ltd\n- - - - - - - -\nOutstanding balance:   £410.25\n"
    layouts = [page_layout(PageText(number=1, text=text, confidence=1.0))]
    assert best(read_fields(layouts, text, C.CREDITOR_LETTER), "balance_pence") == 41025
    assert extract(text, (), None).document_class is not None  # the whole path, no error
