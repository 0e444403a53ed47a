"""Kinds of reading added in round 12 of the reader (issue 14), from the misses of T, each
on a letter worded and laid out unlike every corpus family (A-T): the test checks the
*kind* of rule — a subject line is no name, a firm's registered name is its full name, the
claimant named after "against you by", a date "treated as served on", a clock time is no
amount, arrears with a currency code or a named account, an amount a sentence says is
overdue, a side panel's value and a value with its own label, figures restating an amount
in words, how an amount is paid, a quoted earlier message — and the OCR kinds (a spaced
thousands comma, a "1" read as "4" in a day, a spaced e-mail address, a quote's header in
two cells), not a family's phrase. Perfect text (exact word boxes), no Tesseract."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.test_reading_kinds_r10 import best, found

from cma_adapters.rules_assistant import classifier, ranker
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Cell, Sample, Truth, sample_pages, sample_text
from cma_adapters.rules_assistant.fields_kinds import fuller_form
from cma_adapters.rules_assistant.values import parse_date, parse_money, parse_name
from cma_core.documents.model import DocumentClass

C = DocumentClass


# -- who the creditor is ---------------------------------------------------------------------


def test_a_subject_line_or_a_heading_is_no_name() -> None:
    assert parse_name("Your Brenfield store card payment is late") is None
    assert parse_name("Payments we have received from Tolley Finance") is None
    assert parse_name("Brenfield Store Card Services") == "Brenfield Store Card Services"
    got = found(
        C.CREDITOR_LETTER,
        [
            (Cell(0.08, "Your Brenfield store card payment is late"),),
            (Cell(0.08, "Dear Ms Pryce,"),),
            (Cell(0.08, "Two payments have been missed on your plan."),),
        ],
    )
    assert best(got, "creditor_name") is None


def test_the_registered_name_is_the_writer_s_full_name() -> None:
    assert fuller_form("Orrin Marsh Lending", "Orrin Marsh Lending Limited")
    assert not fuller_form("Orrin Marsh", "Orrin Marsh Lending Limited")
    got = found(
        C.CREDITOR_LETTER,
        [
            (Cell(0.08, "From:"), Cell(0.25, "Orrin Marsh Lending <desk@orrin.example>")),
            (Cell(0.08, "Subject:"), Cell(0.25, "About your personal loan")),
            (Cell(0.08, "Dear Mr Quayle,"),),
            (Cell(0.08, "Please ring us about the loan."),),
            (
                Cell(
                    0.08,
                    "Orrin Marsh Lending Limited is registered in Scotland, company no. SC402211.",
                ),
            ),
        ],
    )
    assert best(got, "creditor_name") == "Orrin Marsh Lending Limited"


def test_the_claimant_is_named_after_against_you_by() -> None:
    got = found(
        C.COUNTY_COURT_JUDGMENT,
        [
            (Cell(0.08, "County Court at Wexcombe"),),
            (Cell(0.08, "Our ref: Q7KX2291"),),
            (Cell(0.08, "Proceedings were brought against you by Harrowgate Savings plc, whose"),),
            (Cell(0.08, "reference for the account is HSP-44120. Judgment was given in claim"),),
            (Cell(0.08, "Q7KX2291 on 2 May 2028 for £2,040.00."),),
        ],
    )
    assert best(got, "creditor_name") == "Harrowgate Savings plc"
    assert best(got, "account_reference") == "HSP-44120"


def test_a_date_a_sentence_says_is_treated_as_served() -> None:
    got = found(
        C.COURT_CLAIM_N1,
        [
            (Cell(0.08, "Civil Money Claims"),),
            (Cell(0.08, "This claim form will be treated as served on 4 March 2028, and you"),),
            (Cell(0.08, "have fourteen days to answer it."),),
        ],
    )
    assert best(got, "served_date") == dt.date(2028, 3, 4)
    got = found(
        C.COURT_CLAIM_N1,
        [
            (Cell(0.08, "Civil Money Claims"),),
            (Cell(0.08, "The form is deemed served on Tuesday 7 March 2028."),),
        ],
    )
    assert best(got, "served_date") == dt.date(2028, 3, 7)  # a weekday before the date


# -- which amount is the debt ----------------------------------------------------------------


def test_a_clock_time_is_no_amount() -> None:
    assert parse_money("Sent: 3 May 2028 17:45") is None
    assert parse_money("Printed 11/05/2028, 9:05") is None
    assert parse_money("Arrears £12:50") == 1250  # OCR's colon for a point after "£"


def test_arrears_with_a_currency_code_or_on_a_named_account() -> None:
    got = found(
        C.RENT_ARREARS,
        [
            (Cell(0.08, "Pennard Housing Co-operative"),),
            (Cell(0.08, "Your service charge has not been paid in full."),),
            (
                Cell(
                    0.08,
                    "You now owe £940.10 GBP in tenancy arrears, on top of your weekly charge.",
                ),
            ),
        ],
    )
    assert best(got, "balance_pence") == 94010
    got = found(
        C.MORTGAGE_ARREARS,
        [
            (Cell(0.08, "Kelso Home Loans"),),
            (Cell(0.08, "Your home loan is now £2,004.50 GBP in arrears, and the"),),
            (Cell(0.08, "balance of your mortgage is £88,100.00 GBP."),),
        ],
    )
    assert best(got, "balance_pence") == 200450


def test_an_amount_a_sentence_says_is_overdue() -> None:
    got = found(
        C.BNPL_CATALOGUE_ARREARS,
        [
            (Cell(0.08, "Ferrand Style Direct Ltd"),),
            (
                Cell(
                    0.08,
                    "The amount overdue on the plan is £212.35. Please settle it to avoid fees.",
                ),
            ),
        ],
    )
    assert best(got, "balance_pence") == 21235


def test_a_side_panel_s_value_and_a_value_with_its_own_label() -> None:
    got = found(
        C.UTILITY_BILL,
        [
            (Cell(0.08, "Tamsin Gas Ltd"),),
            (Cell(0.08, "Your gas statement"), Cell(0.6, "Summary")),
            (Cell(0.08, "Dear Mr Pike,"), Cell(0.6, "Refund from last period")),
            (Cell(0.6, "£12.00"),),
            (Cell(0.08, "Thank you for sending a reading."), Cell(0.6, "Due this period")),
            (Cell(0.6, "£140.25"),),
        ],
    )
    assert best(got, "balance_pence") == 14025
    got = found(
        C.UTILITY_BILL,
        [
            (Cell(0.08, "Tamsin Gas Ltd"),),
            (Cell(0.08, "Your gas statement"), Cell(0.6, "Summary")),
            (Cell(0.08, "Dear Mr Pike,"), Cell(0.6, "Refund from last period")),
            (Cell(0.6, "£12.00 GBP"),),  # (the currency code after it: still alone)
            (Cell(0.08, "Thank you for sending a reading."), Cell(0.6, "Due this period")),
            (Cell(0.6, "£140.25 GBP"),),
        ],
    )
    assert best(got, "balance_pence") == 14025
    got = found(
        C.UTILITY_ARREARS,
        [
            (Cell(0.08, "Oxwich Water Ltd"),),
            (Cell(0.08, "Arrears"), Cell(0.6, "£310.00")),
            (Cell(0.08, "Water debt ref: KX22190"),),
            (Cell(0.08, "Proposed weekly payment: £9.50"),),
        ],
    )
    assert best(got, "balance_pence") == 31000


def test_figures_restating_words_and_how_an_amount_is_paid() -> None:
    got = found(
        C.LETTER_OF_CLAIM,
        [
            (Cell(0.08, "Pemberton Vale LLP"),),
            (Cell(0.08, "Our client states that you owe four hundred and six pounds and twelve"),),
            (Cell(0.08, "pence (£406.12), now payable in full."),),
        ],
    )
    assert best(got, "balance_pence") == 40612
    got = found(
        C.COUNTY_COURT_JUDGMENT,
        [
            (Cell(0.08, "County Court at Wexcombe"),),
            (Cell(0.08, "Order (continued)"),),
            (
                Cell(
                    0.08,
                    "You must pay the total of £1,200.00 to the claimant by weekly instalments",
                ),
            ),
            (Cell(0.08, "of £20.00."),),
        ],
    )
    assert best(got, "balance_pence") == 120000


def _email(*rows: tuple[Cell, ...]) -> Sample:
    truth = Truth(document_class=C.OTHER)
    return Sample(name="t", family="t", held_out=False, truth=truth, pages=(list(rows),))


def test_a_value_only_a_quoted_earlier_message_states_is_not_chosen() -> None:
    """The ranker as shipped: the letter states no balance the rules can read, the quoted
    reply below it states one; the ranker leaves the field to the letter."""
    sample = _email(
        (Cell(0.08, "From:"), Cell(0.25, "Loxley Home Shopping Ltd <accounts@loxley.example>")),
        (Cell(0.08, "Sent:"), Cell(0.25, "4 May 2028 16:20")),
        (Cell(0.08, "Subject:"), Cell(0.25, "Your catalogue account has slipped behind")),
        (Cell(0.08, "Dear Mr Vane,"),),
        (Cell(0.08, "Your catalogue account has slipped behind and orders are on hold."),),
        (Cell(0.08, "Please ring us this week so that we can agree a plan."),),
        (Cell(0.08, "Loxley Home Shopping Ltd"),),
        (Cell(0.08, "On 2 May 2028, at 10:12, Mr Vane <vane@post.example> wrote:"),),
        (Cell(0.08, "> Hello, your letter said I owed £488.20 but I paid £40.00 last week."),),
    )
    read = extract(
        sample_text(sample), sample_pages(sample), classifier.shipped(),
        fields_model=ranker.shipped(),
    )  # fmt: skip
    assert read.balance_pence not in (48820, 4000)


# -- OCR's kinds ---------------------------------------------------------------------------


def test_ocr_s_spaced_comma_day_in_the_forties_and_spaced_e_mail() -> None:
    assert parse_money("so the sum to pay now is £2, 406.15.") == 240615
    assert parse_money("£7, 12 and 13") == 700  # (no pence after it: not one amount)
    assert parse_date("44th March 2028") == dt.date(2028, 3, 14)
    assert parse_date("47-Oct-2027") == dt.date(2027, 10, 17)
    assert parse_date("Sent 43/02/2028") == dt.date(2028, 2, 13)
    assert (
        parse_name("Brenfield Card Co Ltd carrears.desk @brenfield.example>")
        == "Brenfield Card Co Ltd"
    )


def test_a_quote_s_header_in_two_cells_opens_the_quote() -> None:
    got = found(
        C.CREDITOR_LETTER,
        [
            (Cell(0.08, "Sent:"), Cell(0.25, "14 Feb 2028 10:02")),
            (Cell(0.08, "Dear Ms Hale, we have your letter and will reply soon."),),
            (
                Cell(0.08, "On 3 Feb 2028, at 09:15, Ms Hale"),
                Cell(0.6, "<hale@post.example> wrote:"),
            ),
            (Cell(0.08, "> I wrote on 1 Feb 2028 about the bill."),),
        ],
    )
    assert best(got, "letter_date") == dt.date(2028, 2, 14)
    assert all(c.score < 0 for c in got["letter_date"] if c.value in (dt.date(2028, 2, 3),))
