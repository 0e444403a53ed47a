"""Kinds of reading added in round 19 of the reader (issue 14), from the misses of F, each
on wording and layouts unlike every corpus family: the test checks the *kind* of rule — a
log of dated rows under a "Date | Time | …" header, whose first row is no letter date; a
notice of assignment's number "before the transfer", which is the old one; a regulator's
register number in brackets after its name; a bank giro credit slip, whose "Credit
account" is the payee's bank account and whose "Payee" names who is owed; and "X has
obtained a liability order against you", which names the creditor — not a family's
phrase. Perfect text (exact word boxes)."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.reading_support import read_by_rules as _read

from cma_adapters.rules_assistant.corpus import Cell
from cma_core.documents.model import DocumentClass

C = DocumentClass


_ADDRESSEE = (
    (Cell(0.08, "Mr Tobias Quennell-Arkwright"),),
    (Cell(0.08, "12 Saltings Row"),),
    (Cell(0.08, "Whitstable"),),
    (Cell(0.08, "CT5 1QQ"),),
)


# -- a log of dated rows under a header ----------------------------------------------------


def _logged(rows: list[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    return [
        (Cell(0.08, "Reculver Boat Loans Ltd", bold=True), Cell(0.7, "Harbour Parade")),
        (Cell(0.08, "Herne Bay CT6 5QQ"),),
        *_ADDRESSEE,
        (Cell(0.08, "3 March 2027"), Cell(0.6, "Loan account: RBL-448120")),
        (Cell(0.08, "Dear Mr Quennell-Arkwright"),),
        (Cell(0.08, "Your loan account is in arrears and we have tried to reach you."),),
        *rows,
        (Cell(0.08, "Please pay the arrears of £412.60 by 17 March 2027."),),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Reculver Boat Loans Ltd"),),
    ]


def test_a_log_of_dated_rows_gives_no_letter_date() -> None:
    """ "Date | Time | Call note" over rows each dated, their notes running over a second
    line: the first row's date belongs to the row (a call made before the letter), not to
    the header, so it is not the letter's date, which is printed, unlabelled, above."""
    note = "No answer, so we left a voicemail asking you to"
    page = _logged(
        [
            (Cell(0.08, "Date"), Cell(0.25, "Time"), Cell(0.4, "Call note")),
            (Cell(0.08, "08/02/2027"), Cell(0.25, "10:15"), Cell(0.4, note)),
            (Cell(0.08, "call us back."),),
            (Cell(0.08, "19/02/2027"), Cell(0.25, "16:40"), Cell(0.4, note)),
            (Cell(0.08, "call us back."),),
            (Cell(0.08, "01/03/2027"), Cell(0.25, "09:05"), Cell(0.4, "No answer.")),
        ]
    )
    assert _read(page).letter_date == dt.date(2027, 3, 3)


def test_a_header_over_one_row_keeps_its_date() -> None:
    """(guard) A strip of labels over one row of values, an address under it: the date
    under "Date of letter" is the letter's (the address's "12 Saltings Row" is no second
    date of the column)."""
    page = [
        (Cell(0.08, "Reculver Boat Loans Ltd", bold=True),),
        (Cell(0.08, "Loan account"), Cell(0.3, "Date of letter"), Cell(0.55, "Arrears")),
        (Cell(0.08, "RBL-448120"), Cell(0.3, "3 March 2027"), Cell(0.55, "£412.60")),
        *_ADDRESSEE,
        (Cell(0.08, "Dear Mr Quennell-Arkwright"),),
        (Cell(0.08, "Your loan account is in arrears. Please pay by 17 March 2027."),),
    ]
    read = _read(page)
    assert read.letter_date == dt.date(2027, 3, 3)
    assert read.account_reference == "RBL-448120"


# -- a notice of assignment's number before the transfer ----------------------------------


def test_the_number_before_the_transfer_is_the_old_one() -> None:
    """ "Account no. prior to the transfer" is the seller's number; the buyer's is the one
    "on our records", the account reference now."""
    page = [
        (Cell(0.08, "Minster Debt Purchase Ltd", bold=True), Cell(0.7, "PO Box 2207")),
        (Cell(0.08, "Ramsgate CT11 9ZZ"),),
        *_ADDRESSEE,
        (Cell(0.08, "Date:"), Cell(0.4, "3 March 2027")),
        (Cell(0.08, "Your number on our records:"), Cell(0.4, "MDP5519027")),
        (Cell(0.08, "Dear Mr Quennell-Arkwright"),),
        (Cell(0.08, "Notice of assignment of your loan"),),
        (
            Cell(
                0.08,
                "Sandwich Home Credit Ltd has sold and assigned your loan to us, so you now "
                "owe the balance of £2,204.10 to us and should pay us from now on.",
            ),
        ),
        (Cell(0.08, "Sold to us by"), Cell(0.5, "Sandwich Home Credit Ltd")),
        (Cell(0.08, "Account no. prior to the transfer"), Cell(0.5, "SHC-30044")),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Minster Debt Purchase Ltd"),),
    ]
    read = _read(page)
    assert read.document_class is C.NOTICE_OF_ASSIGNMENT
    assert read.account_reference == "MDP5519027"


# -- a regulator's register number in brackets ----------------------------------------------


def test_a_regulator_s_number_in_brackets_is_no_reference() -> None:
    """ "… authorised and regulated by the Solicitors Regulation / Authority (no. 552310)."
    the footer's second line opens with the body's last word: the number is the firm's
    entry in the regulator's register, not the client's account, which is the one under
    "Our client's job" in the strip of labels."""
    page = [
        (Cell(0.08, "Tankerton Law LLP", bold=True), Cell(0.6, "Marine Crescent, Whitstable")),
        *_ADDRESSEE,
        (Cell(0.08, "Our client's job"), Cell(0.3, "Dated"), Cell(0.55, "Sum claimed")),
        (Cell(0.08, "TR40915"), Cell(0.3, "3 March 2027"), Cell(0.55, "£6,120.00")),
        (Cell(0.08, "Dear Mr Quennell-Arkwright"),),
        (Cell(0.08, "Letter before claim"),),
        (
            Cell(
                0.08,
                "We act for Thanet Roofing Ltd, which re-roofed your house. Our client claims "
                "£6,120.00. Please reply within 30 days under the Pre-Action Protocol for "
                "Debt Claims or our client may issue court proceedings.",
            ),
        ),
        (Cell(0.08, "Yours faithfully"),),
        (Cell(0.08, "Tankerton Law LLP"),),
        (
            Cell(
                0.08,
                "Tankerton Law LLP, Marine Crescent, Whitstable, is authorised and regulated by "
                "the Solicitors Regulation",
            ),
        ),
        (Cell(0.08, "Authority (no. 552310)."),),
    ]
    assert _read(page).account_reference != "552310"


# -- a bank giro credit slip ------------------------------------------------------------------


def _giro_letter(head: str, payee: str, body: str) -> list[tuple[Cell, ...]]:
    return [
        (Cell(0.08, head, bold=True), Cell(0.7, "PO Box 6620")),
        (Cell(0.08, "Margate CT9 9ZZ"),),
        *_ADDRESSEE,
        (Cell(0.08, "Date"), Cell(0.35, "3 March 2027")),
        (Cell(0.08, "Customer number"), Cell(0.35, "FCS-2219773")),
        (Cell(0.08, "Dear Mr Quennell-Arkwright"),),
        (Cell(0.08, body),),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, head),),
        (Cell(0.08, "Tear off and pay at any bank"),),
        (Cell(0.08, "bank giro credit"), Cell(0.65, "Credit account 31907766")),
        (Cell(0.08, "Payee"), Cell(0.35, payee)),
        (Cell(0.08, "Sort code"), Cell(0.35, "40-22-19")),
        (Cell(0.08, "Amount"), Cell(0.35, "£318.44")),
    ]


ARREARS = (
    "Your account is in arrears: £318.44 is overdue. Please pay it by 17 March 2027 or "
    "call us to agree a plan."
)


def test_a_giro_slip_s_credit_account_is_no_reference() -> None:
    """ "Credit account 31907766" on a bank giro credit is where the payee banks the money,
    not the customer's number with the payee."""
    page = _giro_letter("Collections Desk", "Foreness Catalogue Shopping Ltd", ARREARS)
    assert _read(page).account_reference == "FCS-2219773"


def test_a_giro_slip_s_payee_is_the_creditor() -> None:
    """Headed and signed by a desk, the letter names who is owed only as the slip's
    "Payee"."""
    page = _giro_letter("Collections Desk", "Foreness Catalogue Shopping Ltd", ARREARS)
    assert _read(page).creditor_name == "Foreness Catalogue Shopping Ltd"


# -- who obtained the order --------------------------------------------------------------------


def test_who_has_obtained_the_order_is_the_creditor() -> None:
    """An enforcement agent's notice: "X has obtained a liability order against you" names
    the creditor, the agents (the letterhead) only collect."""
    page = [
        (Cell(0.08, "Pegwell Enforcement Agents Ltd", bold=True), Cell(0.7, "PO Box 901")),
        (Cell(0.08, "Broadstairs CT10 9ZZ"),),
        *_ADDRESSEE,
        (Cell(0.08, "3 March 2027"), Cell(0.6, "Our case: PEA-7730211")),
        (Cell(0.08, "Dear Mr Quennell-Arkwright"),),
        (Cell(0.08, "Notice of enforcement"),),
        (
            Cell(
                0.08,
                "We are certificated enforcement agents. Thanet Coast District Council has "
                "obtained a liability order against you for unpaid council tax and has asked "
                "us to collect it. The sum due including our compliance fee is £905.50. "
                "Pay it by 10 March 2027 or an agent may visit your home.",
            ),
        ),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Pegwell Enforcement Agents Ltd"),),
    ]
    read = _read(page)
    assert read.document_class is C.ENFORCEMENT_AGENT_NOTICE
    assert read.creditor_name == "Thanet Coast District Council"
