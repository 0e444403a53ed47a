# ruff: noqa: E501  (the pages read better unwrapped)
"""Kinds of reading added in round 46 of the reader (issue 14), from the misses of BC on
perfect text and after OCR (benchmarks/OCR.md, "Round 46"), each on wording and layouts
unlike every corpus family (an invented district, Threlkmoor, and its town of Caddenfold:
the County Court at Caddenfold, a credit union, a motor finance firm, a debt buyer, a
boiler-hire firm, a building society); the OCR kinds on text with damage written here, as
Tesseract leaves it (a date's slashes read as letters, a letter's own date lost). The test
checks the *kind* of rule, not a family's phrase. Pages of made-up wording (exact word
boxes), read by the rules as a given kind (the shipped classifier plays no part), or as
shipped with the field ranker where the miss was the ranker's. Each test failed on the old
reader (main's ``src`` at a96bff88, an archive of that commit, run against it)."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.unit.documents.reading_support import read_as

from cma_adapters.rules_assistant import ranker
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Cell, Sample, Truth, sample_pages, sample_text
from cma_core.documents.model import DocumentClass, Extraction

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Mr Tobias Wrenshall"),),
    (Cell(0.08, "4 Quillet Yard"),),
    (Cell(0.08, "Caddenfold, Threlkmoor"),),
    (Cell(0.08, "TK9 2RW"),),
)


def _shipped_as(page: list[tuple[Cell, ...]], cls: DocumentClass) -> Extraction:
    """``page`` read as ``cls`` as shipped: the rules, then the shipped field ranker."""
    truth = Truth(document_class=C.OTHER)
    sample = Sample(name="t", family="t", held_out=False, truth=truth, pages=(page,))
    return extract(
        sample_text(sample), sample_pages(sample), None, fields_model=ranker.shipped(), given=cls
    )


@pytest.mark.parametrize(
    "told",
    [
        "Brackwater Motor Finance Ltd brought a claim against you for the hire purchase arrears.",
        "Brackwater Motor Finance Ltd issued proceedings against you over the hire purchase arrears.",
        "Brackwater Motor Finance Ltd took court action against you over the hire purchase arrears.",
        "Brackwater Motor Finance Ltd took you to court over the hire purchase arrears.",
    ],
)
def test_whoever_brought_the_claim_told_in_the_past_is_owed(told: str) -> None:
    """A court's judgment tells the claim's story in the past tense, without "has": "X
    brought a claim against you", "X took you to court". X is owed, not the court."""
    page = [
        (Cell(0.08, "The County Court at Caddenfold", bold=True),),
        (Cell(0.08, "Sessions House, Caddenfold TK1 1AA"),),
        *_ADDRESSEE,
        (Cell(0.08, "Order made in your absence"),),
        (Cell(0.08, told),),
        (Cell(0.08, "You sent no defence, and the court gave judgment against you."),),
        (Cell(0.1, "Case no."), Cell(0.55, "K7QZ3301")),
        (Cell(0.1, "Sum you must pay"), Cell(0.55, "£2,906.40")),
    ]  # fmt: skip
    got = read_as(page, C.COUNTY_COURT_JUDGMENT)
    assert got.creditor_name == "Brackwater Motor Finance Ltd"


@pytest.mark.parametrize(
    "post", ["Credit Controller", "Finance Officer", "Housing Officer", "Loans Administrator"]
)
def test_the_signer_s_post_under_the_sign_off_is_no_creditor(post: str) -> None:
    """A letter whose letterhead is a logo (no text), signed with the signer's post and then
    the firm: the post ("Credit Controller") is a job, not the one owed."""
    page = [
        *_ADDRESSEE,
        (Cell(0.08, "12 March 2027"),),
        (Cell(0.08, "Your loan repayments are three months behind."),),
        (Cell(0.1, "Loan account no."), Cell(0.55, "CCU-44108")),
        (Cell(0.1, "Missed so far"), Cell(0.55, "£310.00")),
        (Cell(0.08, "Please ring us this week to agree how to catch up."),),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, post),),
        (Cell(0.08, "Caddenfold Credit Union Ltd"),),
    ]  # fmt: skip
    got = read_as(page, C.CREDITOR_LETTER)
    assert got.creditor_name == "Caddenfold Credit Union Ltd"


@pytest.mark.parametrize(
    "label",
    ["LOAN ASSIGNED TO US BY", "DEBT TRANSFERRED TO US FROM", "AGREEMENT SOLD TO OUR CLIENT BY"],
)
def test_a_cue_in_capitals_is_read_to_its_end_before_the_name(label: str) -> None:
    """A label in capitals over the seller's name: "ASSIGNED TO US BY" holds the shorter
    "ASSIGNED TO", but the debt went *to us*, *by* the name under it: that name is the
    original creditor, never the creditor now (nor "US BY ..." a name)."""
    page = [
        (Cell(0.08, "Harrowgate Receivables Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Notice that your debt has a new owner"),),
        (Cell(0.1, "WHEN THIS WAS SENT"), Cell(0.55, "2 April 2027")),
        (Cell(0.1, label),),
        (Cell(0.1, "Brackwater Motor Finance Ltd"),),
        (Cell(0.1, "OUR REFERENCE FOR YOU"), Cell(0.55, "HRV-209931")),
        (Cell(0.1, "STILL TO PAY"), Cell(0.55, "£4,118.02")),
    ]  # fmt: skip
    got = read_as(page, C.NOTICE_OF_ASSIGNMENT)
    assert got.creditor_name == "Harrowgate Receivables Ltd"
    assert got.original_creditor == "Brackwater Motor Finance Ltd"


@pytest.mark.parametrize(
    "footer",
    [
        "Threlkmoor Building Society is authorised by the PRA and regulated by the FCA and the PRA (register no. 482913).",
        "Entered on the Financial Services Register, register number 482913.",
    ],
)
def test_a_regulator_s_register_number_in_a_sentence_is_no_account(footer: str) -> None:
    """The firm's number on its regulator's register, said in the footer's sentence, is
    the firm's, never the client's account (here the account's own box is unread)."""
    page = [
        (Cell(0.08, "Threlkmoor Building Society", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "5 May 2027"),),
        (Cell(0.08, "Your mortgage payments have fallen behind."),),
        (Cell(0.1, "Arrears on the mortgage"), Cell(0.55, "£1,640.00")),
        (Cell(0.08, "Please call us so that we can agree an arrangement you can keep to."),),
        (Cell(0.08, "Yours faithfully"),),
        (Cell(0.08, "Arrears Support"),),
        (Cell(0.08, footer),),
    ]  # fmt: skip
    got = read_as(page, C.MORTGAGE_ARREARS)
    assert got.account_reference != "482913"


def test_a_telephone_number_is_no_account_as_shipped() -> None:
    """A claim form whose account's box OCR lost: the field ranker, filling the account a
    claim form always states, took the telephone number in the letterhead ("Telephone
    0300 555 0192"). A number printed as a telephone's is never the account."""
    page = [
        (Cell(0.08, "Caddenfold Civil Claims Centre", bold=True),),
        (Cell(0.08, "Telephone 0300 555 0192"),),
        *_ADDRESSEE,
        (Cell(0.08, "A claim has been issued against you by Brackwater Motor Finance Ltd."),),
        (Cell(0.1, "Claim no."), Cell(0.55, "K7QZ3301")),
        (Cell(0.1, "Amount claimed"), Cell(0.55, "£2,906.40")),
        (Cell(0.1, "Finance agreement"), Cell(0.55, "_ =>")),
    ]  # fmt: skip
    got = _shipped_as(page, C.COURT_CLAIM_N1)
    assert got.account_reference not in ("0300 555 0192", "03005550192")


@pytest.mark.parametrize("shown", ["(14IMarl2027", "14|Mar/2027", "14lMar!2027"])
def test_a_date_whose_slashes_ocr_read_as_letters_is_whole(shown: str) -> None:
    """ "14/Mar/2027" with its slashes read as an "I", an "l" or a bar, a bracket's speck
    before it: the month's name between figures says it is a date."""
    page = [
        (Cell(0.08, "Kettlesby Boiler Hire Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your boiler hire payments are overdue."),),
        (Cell(0.1, "Demand signed on"), Cell(0.55, shown)),
        (Cell(0.1, "Hire arrears"), Cell(0.55, "£512.80")),
    ]  # fmt: skip
    got = read_as(page, C.CREDITOR_LETTER)
    assert got.letter_date == dt.date(2027, 3, 14)


def test_the_day_a_claim_is_treated_as_served_is_not_its_letter_date() -> None:
    """A claim form whose own date OCR lost: the day the body says it is treated as served
    ("deemed served on …") is not the letter's date; a claim is served days after it is
    issued."""
    page = [
        (Cell(0.08, "Caddenfold Civil Claims Centre", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "A claim has been issued against you by Brackwater Motor Finance Ltd."),),
        (Cell(0.1, "Date of issue"), Cell(0.55, "—e")),
        (Cell(0.1, "Claim no."), Cell(0.55, "K7QZ3301")),
        (Cell(0.08, "The claim form is deemed served on 19/Apr/2027."),),
    ]  # fmt: skip
    got = read_as(page, C.COURT_CLAIM_N1)
    assert got.served_date == dt.date(2027, 4, 19)
    assert got.letter_date != dt.date(2027, 4, 19)
    shipped = _shipped_as(page, C.COURT_CLAIM_N1)
    assert shipped.letter_date != dt.date(2027, 4, 19)
    # (a notice's own date labelled as the day it was served, "Notice served", is still
    # its date: only a day the paper is *deemed* served is set aside)
    notice = [
        (Cell(0.08, "Caddenfold Enforcement Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "A writ of control has been issued to us to enforce the judgment."),),
        (Cell(0.1, "Notice served"), Cell(0.55, "19 Apr 2027")),
        (Cell(0.1, "Due under the writ"), Cell(0.55, "£1,206.00")),
        (Cell(0.08, "Pay it by 27 Apr 2027 to stop a visit to your home."),),
    ]  # fmt: skip
    assert read_as(notice, C.ENFORCEMENT_AGENT_NOTICE).letter_date == dt.date(2027, 4, 19)
    assert _shipped_as(notice, C.ENFORCEMENT_AGENT_NOTICE).letter_date == dt.date(2027, 4, 19)


@pytest.mark.parametrize(
    "label", ["KETTLESBY HIRE REMINDER", "Your boiler hire bill", "Final notice"]
)
def test_a_date_under_the_paper_s_own_name_is_the_letter_date(label: str) -> None:
    """A date under a label that names the paper itself ("Payment reminder", "Your gas
    bill", "Final notice"), half way down a long letter (no longer a date alone near its
    top): the paper's own date, not left unread."""
    page = [
        (Cell(0.08, "Kettlesby Boiler Hire Ltd", bold=True),),
        (Cell(0.08, "Unit 3, Pellow Works, Caddenfold TK4 8NL"),),
        (Cell(0.08, "Telephone 01632 960 411"),),
        *_ADDRESSEE,
        (Cell(0.08, "Dear Mr Wrenshall,"),),
        (Cell(0.08, "Your boiler hire payments have not reached us for two months running now."),),
        (Cell(0.08, "We wrote to you about this on 16 Feb 2027, and have had no reply from you so far."),),
        (Cell(0.08, "The boiler stays ours while it is on hire, and the hire pays for its yearly service."),),
        (Cell(0.08, "If the hire is not brought up to date we may end the agreement and take the boiler back."),),
        (Cell(0.08, "Before that happens we would much rather hear from you and agree a way forward."),),
        (Cell(0.08, "The figures below are taken from your hire account as it stood when this was printed."),),
        (Cell(0.08, "Any payment you made in the last three days may not be shown in them yet."),),
        (Cell(0.08, "Our hire accounts team is open on weekdays from nine until five."),),
        (Cell(0.08, "Please have your hire account number to hand when you call us."),),
        (Cell(0.3, label),),
        (Cell(0.3, "Tue 9 Mar 2027"),),
        (Cell(0.3, "HIRE ACCOUNT"),),
        (Cell(0.3, "KBH-40617"),),
        (Cell(0.3, "ARREARS OF HIRE"),),
        (Cell(0.3, "£512.80"),),
        (Cell(0.3, "CLEAR IT BY"),),
        (Cell(0.3, "Tue 23 Mar 2027"),),
        (Cell(0.08, "Please pay £512.80 by Tue 23 Mar 2027, or call us to agree a plan you can afford."),),
        (Cell(0.08, "If money is short, free debt advice is available and we will hold collection while you get it."),),
        (Cell(0.08, "Yours sincerely,"),),
        (Cell(0.08, "Hire Accounts"),),
        (Cell(0.08, "Kettlesby Boiler Hire Ltd is registered in England and Wales, company number 09918264, with its registered office at Pellow Works, Caddenfold."),),
    ]  # fmt: skip
    got = read_as(page, C.CREDITOR_LETTER)
    assert got.letter_date == dt.date(2027, 3, 9)


@pytest.mark.parametrize(
    "label", ["Bounced instalments owed", "DECLINED INSTALMENTS OWED", "Instalments still owing"]
)
def test_instalments_that_failed_or_are_owed_are_the_arrears(label: str) -> None:
    """ "Failed instalments owed", "Bounced instalments": the instalments the client did not
    pay are what is behind, owed now, not an instalment's size."""
    page = [
        (Cell(0.08, "Threlkmoor Pay Later Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "8 June 2027"),),
        (Cell(0.08, "We could not collect your last payments for your order."),),
        (Cell(0.1, "Order no."), Cell(0.55, "TPL-77120")),
        (Cell(0.1, label), Cell(0.55, "£163.50")),
        (Cell(0.08, "Please pay what is behind as soon as you can."),),
    ]  # fmt: skip
    got = read_as(page, C.BNPL_CATALOGUE_ARREARS)
    assert got.balance_pence == 16350


@pytest.mark.parametrize("label", ["Quarterly gas charge", "THIS QUARTER'S WATER CHARGE"])
def test_a_bill_s_charge_named_singly_is_its_amount(label: str) -> None:
    """A bill whose one amount is labelled "<period> <supply> charge": what the bill asks
    for (a standing charge or a late payment charge stays a part, not the bill)."""
    page = [
        (Cell(0.08, "Caddenfold Gas Supply Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your gas bill for the quarter"),),
        (Cell(0.1, "Bill issued"), Cell(0.55, "1 July 2027")),
        (Cell(0.1, "Customer account"), Cell(0.55, "CGS-5501-82")),
        (Cell(0.1, label), Cell(0.55, "£287.14")),
        (Cell(0.1, "Pay by"), Cell(0.55, "15 July 2027")),
    ]  # fmt: skip
    got = read_as(page, C.UTILITY_BILL)
    assert got.balance_pence == 28714


@pytest.mark.parametrize(
    ("caption", "at"),
    [("Caddenfold court case number", 0.468), ("Number the court gave the case", 0.476)],
)
def test_a_value_centred_over_its_longer_caption_is_read(caption: str, at: float) -> None:
    """A row of three short values, each centred over a longer caption (a grid of tiles),
    and under it one more value over its caption: the middle value, centred, not starting
    at its caption's left, is its caption's (the claim number), not left unread."""
    page = [
        (Cell(0.08, "The County Court at Caddenfold", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Judgment for the claimant"),),
        (Cell(0.08, "Brackwater Motor Finance Ltd brought a claim against you, and the court has given judgment for it."),),
        (Cell(0.112, "Thu 3 Jun 2027"), Cell(at, "M4QX8812"), Cell(0.785, "£1,904.55")),
        (Cell(0.06, "Caddenfold order made on"), Cell(0.38, caption), Cell(0.70, "Order sum with fee and costs")),
        (Cell(0.116, "CMF-500213"),),
        (Cell(0.06, "Motor finance agreement"),),
        (Cell(0.08, "The court orders you to pay the sum to the claimant forthwith."),),
    ]  # fmt: skip
    got = read_as(page, C.COUNTY_COURT_JUDGMENT)
    assert got.court_claim_number == "M4QX8812"
