"""Kinds of reading added in round 20 of the reader (issue 14), from the misses of E, each
on wording and layouts unlike every corpus family: the test checks the *kind* of rule — a
court's form whose claimant is named by "Claim brought by" or "Judgment in favour of" (the
court's letterhead only sends it); a label asked as the reader's question ("Who is the
order for?", "What is my case number?"); the body naming the claimant ("the claim made by
X", "X (their reference Y) says you owe it money"); an amount the creditor "demands"; and
"you have fallen behind by £X" over a table of what each month was due — not a family's
phrase. Perfect text (exact word boxes)."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.reading_support import read_by_rules as _read

from cma_adapters.rules_assistant.corpus import Cell
from cma_core.documents.model import DocumentClass

C = DocumentClass


_ADDRESSEE = (
    (Cell(0.08, "Ms Philippa Ravensworth-Tull"),),
    (Cell(0.08, "9 Heron Quay Mews"),),
    (Cell(0.08, "Maldon"),),
    (Cell(0.08, "CM9 4RR"),),
)


def _court(rows: list[tuple[Cell, ...]], body: str) -> list[tuple[Cell, ...]]:
    """A court's letter: the court's name heads it and signs it, the claimant is named only
    in ``body`` and in ``rows`` under it."""
    return [
        (Cell(0.08, "County Court at Chelmsford", bold=True), Cell(0.6, "New Street")),
        (Cell(0.08, "Chelmsford CM1 1EL"),),
        *_ADDRESSEE,
        (Cell(0.08, "Dear Ms Ravensworth-Tull"),),
        (Cell(0.08, body),),
        *rows,
        (Cell(0.08, "Civil Section"),),
        (Cell(0.08, "County Court at Chelmsford"),),
    ]


# -- who a claim or a judgment is for, by its label ---------------------------------------


def test_the_claim_is_brought_by_the_creditor() -> None:
    """ "Claim brought by" names the claimant; the court's name at the head only sends
    the form."""
    page = _court(
        [
            (Cell(0.08, "Issued on"), Cell(0.45, "4 May 2027")),
            (Cell(0.08, "Claim number"), Cell(0.45, "K7QP2210")),
            (Cell(0.08, "Claim brought by"), Cell(0.45, "Dengie Marine Finance Ltd")),
            (Cell(0.08, "Total claimed"), Cell(0.45, "£5,410.00")),
        ],
        "A claim for money has been issued. Reply within 14 days of service or judgment "
        "may be entered against you.",
    )
    assert _read(page).creditor_name == "Dengie Marine Finance Ltd"


def test_the_judgment_is_in_favour_of_the_creditor() -> None:
    """ "Judgment in favour of" names whom the judgment is for."""
    page = _court(
        [
            (Cell(0.08, "Case no."), Cell(0.45, "M2XD5531")),
            (Cell(0.08, "Judgment entered on"), Cell(0.45, "11 May 2027")),
            (Cell(0.08, "Amount of judgment"), Cell(0.45, "£2,980.40")),
            (Cell(0.08, "Judgment in favour of"), Cell(0.45, "Blackwater Kitchens Ltd")),
        ],
        "Judgment has been entered against you. Pay the sum to the claimant, not the court.",
    )
    assert _read(page).creditor_name == "Blackwater Kitchens Ltd"


# -- a label asked as the reader's question ------------------------------------------------


def test_a_question_names_whom_the_order_is_for_and_the_case() -> None:
    """A table of the reader's questions and the court's answers: "Who is the order for?"
    names the claimant, "What is my case number?" the claim number."""
    page = _court(
        [
            (Cell(0.08, "The question"), Cell(0.55, "The answer")),
            (Cell(0.08, "What is my case number?"), Cell(0.55, "T4HN0917")),
            (Cell(0.08, "Who is the order for?"), Cell(0.55, "Tollesbury Boatyard Ltd")),
            (Cell(0.08, "How much must I pay?"), Cell(0.55, "£1,760.25")),
        ],
        "The court has made an order that you pay the claimant. Pay them, not the court.",
    )
    read = _read(page)
    assert read.creditor_name == "Tollesbury Boatyard Ltd"
    assert read.court_claim_number == "T4HN0917"


def test_a_question_names_the_account() -> None:
    """ "What is my membership no.?" on a letter asking for arrears: the membership
    number is the account's reference."""
    page = [
        (Cell(0.08, "Heybridge Fitness Club Ltd", bold=True), Cell(0.6, "Basin Road")),
        (Cell(0.08, "Heybridge CM9 4SS"),),
        *_ADDRESSEE,
        (Cell(0.08, "12 June 2027"),),
        (Cell(0.08, "Dear Ms Ravensworth-Tull"),),
        (
            Cell(
                0.08,
                "Your membership account is in arrears: two monthly payments were missed. If "
                "you do not pay, we may pass the debt to a collection agency.",
            ),
        ),
        (Cell(0.08, "What is my membership no.?"), Cell(0.55, "HF 3308 124")),
        (Cell(0.08, "What is still unpaid?"), Cell(0.55, "£96.00")),
        (Cell(0.08, "Please pay what is unpaid by 26 June 2027."),),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Heybridge Fitness Club Ltd"),),
    ]
    assert _read(page).account_reference == "HF 3308 124"


# -- the body names the claimant --------------------------------------------------------------


def test_the_claim_made_by_names_the_creditor() -> None:
    """A judgment letter whose only words on the claimant are the body's "the claim made
    by X"."""
    page = _court(
        [(Cell(0.08, "Case no."), Cell(0.45, "W8KD1402"))],
        "You did not reply to the claim made by Goldhanger Oyster Farms Ltd, so judgment "
        "has been entered against you for £740.00. Pay the claimant, not the court.",
    )
    assert _read(page).creditor_name == "Goldhanger Oyster Farms Ltd"


def test_who_says_you_owe_is_the_creditor() -> None:
    """ "X (its reference Y) says you owe it money" names the claimant, past the bracket."""
    page = _court(
        [(Cell(0.08, "Claim no."), Cell(0.45, "P3RJ7715"))],
        "Mundon Solar Panels Ltd (its reference MSP-4410) says you owe it money for a solar "
        "installation and has started a claim against you for £3,115.00.",
    )
    assert _read(page).creditor_name == "Mundon Solar Panels Ltd"


# -- what the creditor demands ---------------------------------------------------------------


def test_what_the_creditor_demands_is_the_balance() -> None:
    """A statutory demand's numbered points: "The creditor demands: £X" is the debt."""
    page = [
        (Cell(0.08, "Latchingdon Plant Hire Ltd", bold=True), Cell(0.6, "Burnham Road")),
        (Cell(0.08, "Latchingdon CM3 6HH"),),
        *_ADDRESSEE,
        (Cell(0.08, "2 August 2027"),),
        (Cell(0.08, "Statutory demand"),),
        (Cell(0.08, "1."), Cell(0.14, "Our account with you:"), Cell(0.55, "LPH/20931")),
        (Cell(0.08, "2."), Cell(0.14, "The creditor demands:"), Cell(0.55, "£18,240.00")),
        (Cell(0.08, "3."), Cell(0.14, "Pay within 21 days, by:"), Cell(0.55, "23 August 2027")),
        (Cell(0.08, "Dear Ms Ravensworth-Tull"),),
        (
            Cell(
                0.08,
                "Plant was hired to you and our invoices are unpaid. If you do not pay, we "
                "may present a bankruptcy petition.",
            ),
        ),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Latchingdon Plant Hire Ltd"),),
    ]
    assert _read(page).balance_pence == 1824000


# -- fallen behind by an amount over a table of months ------------------------------------


def test_fallen_behind_by_is_the_arrears_not_a_month_s_due() -> None:
    """ "You have fallen behind by £X", then a table of each month's due and paid: the
    arrears are £X, not the first month's due under the "Due" column."""
    page = [
        (Cell(0.08, "Maldon Water Ltd", bold=True), Cell(0.6, "Fullbridge")),
        (Cell(0.08, "Maldon CM9 4LE"),),
        *_ADDRESSEE,
        (Cell(0.08, "Customer no. 5530 2291"), Cell(0.6, "7 September 2027")),
        (Cell(0.08, "Dear Ms Ravensworth-Tull"),),
        (
            Cell(
                0.08,
                "You have fallen behind by £251.40. If you pay it by 21 September 2027 you "
                "can stay on your weekly plan.",
            ),
        ),
        (Cell(0.08, "Week"), Cell(0.4, "Due"), Cell(0.6, "Paid")),
        (Cell(0.08, "1 August 2027"), Cell(0.4, "83.80"), Cell(0.6, "0.00")),
        (Cell(0.08, "8 August 2027"), Cell(0.4, "83.80"), Cell(0.6, "0.00")),
        (Cell(0.08, "15 August 2027"), Cell(0.4, "83.80"), Cell(0.6, "0.00")),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Maldon Water Ltd"),),
    ]
    read = _read(page)
    assert read.balance_pence == 25140
    assert read.letter_date == dt.date(2027, 9, 7)


# -- a pound sign read as an 8 ---------------------------------------------------------------


def _ordered(answer: str, body: str) -> list[tuple[Cell, ...]]:
    return _court(
        [
            (Cell(0.08, "Case no."), Cell(0.55, "H6TC3390")),
            (Cell(0.08, "Judgment in favour of"), Cell(0.55, "Mersea Sailmakers Ltd")),
            (Cell(0.08, "Sum the court ordered"), Cell(0.55, answer)),
        ],
        body,
    )


def test_a_pound_sign_read_as_an_eight_is_the_amount_printed_with_it() -> None:
    """After OCR, "£4,215.60" beside its label reads "84,215.60"; the body prints
    "£4,215.60": the 8 was the pound sign."""
    page = _ordered(
        "84,215.60", "The court has ordered you to pay £4,215.60 to the claimant by 1 June 2027."
    )
    assert _read(page).balance_pence == 421560


def test_an_eight_the_body_does_not_print_without_it_stays() -> None:
    """(guard) "£84,215.60" in the body as beside the label: the 8 is a figure."""
    page = _ordered(
        "84,215.60", "The court has ordered you to pay £84,215.60 to the claimant by 1 June 2027."
    )
    assert _read(page).balance_pence == 8421560
