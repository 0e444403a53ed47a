"""Kinds of reading added in round 42 of the reader (issue 14), from the misses of AV and AW,
each on wording and layouts unlike every corpus family (an invented county, Brackenvale,
and its town of Thornhollow: the Brackenvale Borough Council, Thornhollow Mill Credit Ltd,
a stone quarry, a saddlery, a rope works, a debt collector, its bailiffs and a county
court): the test checks the *kind* of rule, not a family's phrase. Pages of made-up
wording (exact word boxes), read by the rules as a given kind (the shipped classifier
plays no part); the class cues through ``refine_class``. Each test failed on the old
reader (main's ``src`` at 2331dcf0, an archive of that commit, run against it)."""

from __future__ import annotations

import datetime as dt

from tests.unit.documents.reading_support import read_as, refined

from cma_adapters.rules_assistant.corpus import Cell
from cma_core.documents.model import DocumentClass

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Mr Osric Pennyfeather"),),
    (Cell(0.08, "12 Tanner's Wynd"),),
    (Cell(0.08, "Thornhollow, Brackenvale"),),
    (Cell(0.08, "BV4 7QD"),),
)


def test_whoever_placed_the_balance_with_us_is_owed() -> None:
    """A collector's letter: a six-word label, "Loan balance placed with us by", over the
    lender's name, in a row of two labels over their values; the collector's letterhead
    is not the creditor."""
    page = [
        (Cell(0.08, "Vellacott Recoveries Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your loan account was closed, and we now collect what is left on it."),),
        (Cell(0.1, "Our file"), Cell(0.6, "Left to pay")),
        (Cell(0.1, "VR-662190"), Cell(0.6, "£1,842.75")),
        (Cell(0.1, "Loan balance placed with us by"), Cell(0.6, "Answer us before")),
        (Cell(0.1, "Thornhollow Mill Credit Ltd"), Cell(0.6, "9 August 2027")),
        (Cell(0.08, "We are a collector, not bailiffs."),),
    ]  # fmt: skip
    assert read_as(page, C.CREDITOR_LETTER).creditor_name == "Thornhollow Mill Credit Ltd"


def test_the_court_s_paper_named_then_who_obtained_it() -> None:
    """An enforcer's notice: "Warrant obtained by" beside the creditor who got it (the
    enforcer's letterhead is not the creditor)."""
    page = [
        (Cell(0.08, "Ravensgill Bailiffs Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "A warrant of control has been passed to us to enforce."),),
        (Cell(0.1, "Bailiff reference"), Cell(0.6, "RB-440317")),
        (Cell(0.1, "Owed with our fees"), Cell(0.6, "£2,290.10")),
        (Cell(0.1, "Warrant obtained by"), Cell(0.6, "Hollin Quarry Stone Ltd")),
        (Cell(0.1, "Settle with us before"), Cell(0.6, "14 August 2027")),
    ]  # fmt: skip
    got = read_as(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert got.creditor_name == "Hollin Quarry Stone Ltd"


def test_whoever_brought_or_obtained_it_against_you_is_owed() -> None:
    """A court's letter names the claimant in a clause, "the claim X brought against you"
    or "the judgment that X obtained against you": X is owed, not the court."""
    claim = [
        (Cell(0.08, "County Court at Thornhollow", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "You did not answer the claim Brackenvale Saddlery Ltd brought against you,"),),
        (Cell(0.08, "so judgment has been entered against you."),),
        (Cell(0.1, "Judgment sum"), Cell(0.6, "£733.18")),
        (Cell(0.1, "Pay the claimant by"), Cell(0.6, "3 September 2027")),
    ]  # fmt: skip
    assert read_as(claim, C.COUNTY_COURT_JUDGMENT).creditor_name == "Brackenvale Saddlery Ltd"
    writ = [
        (Cell(0.08, "Ravensgill Bailiffs Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "A writ of control enforces the judgment that Thornhollow Rope Works Ltd"),),
        (Cell(0.08, "obtained against you."),),
        (Cell(0.1, "Owed with our fees"), Cell(0.6, "£3,018.60")),
    ]  # fmt: skip
    got = read_as(writ, C.ENFORCEMENT_AGENT_NOTICE)
    assert got.creditor_name == "Thornhollow Rope Works Ltd"


def test_whoever_treats_it_as_served_names_the_day_of_service() -> None:
    """ "Court treats it as served on" over its date: the served date (a doer and its
    object before "as served")."""
    page = [
        (Cell(0.08, "County Court Business Centre", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Hollin Quarry Stone Ltd has started a claim against you."),),
        (Cell(0.1, "Court treats it as served on"),),
        (Cell(0.1, "Wed 11.8.27"),),
        (Cell(0.1, "Reply to the court by"),),
        (Cell(0.1, "Wed 25.8.27"),),
    ]  # fmt: skip
    assert read_as(page, C.COURT_CLAIM_N1).served_date == dt.date(2027, 8, 11)


def test_the_days_allowed_running_out_on_a_date_are_the_deadline() -> None:
    """ "14 days expire on" (the days allowed, then that they run out) over its date."""
    page = [
        (Cell(0.08, "Brackenvale Saddlery Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Saddles and tack were supplied to you on account and are unpaid."),),
        (Cell(0.1, "Demand signed"),),
        (Cell(0.1, "Friday 30.07.27"),),
        (Cell(0.1, "Account balance"), Cell(0.6, "£4,120.00")),
        (Cell(0.1, "14 days expire on"),),
        (Cell(0.1, "Friday 20.08.27"),),
    ]  # fmt: skip
    assert read_as(page, C.STATUTORY_DEMAND).deadline_date == dt.date(2027, 8, 20)


def test_a_sum_claimed_in_all_with_its_fee_is_the_total() -> None:
    """ "Claimed in all, with fee and costs" over its amount: the whole claim (the fee is in
    it), not the claim before its fee."""
    page = [
        (Cell(0.08, "County Court Business Centre", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Thornhollow Mill Credit Ltd has started a claim against you for a loan."),),
        (Cell(0.1, "Claimed in all, with fee and costs"),),
        (Cell(0.1, "£1,377.50"),),
        (Cell(0.1, "Reply by"),),
        (Cell(0.1, "2 September 2027"),),
    ]  # fmt: skip
    assert read_as(page, C.COURT_CLAIM_N1).balance_pence == 137750


def test_a_debt_named_by_its_kind_and_the_fee_added_is_the_balance() -> None:
    """An enforcer's "Parking fine and the compliance fee" over its amount: the whole owed,
    not a fee (nor a tax's part: "Business rate arrears with costs")."""
    page = [
        (Cell(0.08, "Ravensgill Bailiffs Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "The Brackenvale Borough Council has instructed us to collect."),),
        (Cell(0.1, "Bailiff reference"), Cell(0.6, "RB-118020")),
        (Cell(0.1, "Parking fine and the compliance fee"), Cell(0.6, "£185.00")),
        (Cell(0.1, "Settle with us before"), Cell(0.6, "14 August 2027")),
    ]  # fmt: skip
    assert read_as(page, C.ENFORCEMENT_AGENT_NOTICE).balance_pence == 18500


def test_sent_to_you_by_the_writer_dates_the_letter() -> None:
    """ "Sent to you by our office" beside its date: the letter's date (to whom, then by
    whom: no deadline's "by")."""
    page = [
        (Cell(0.08, "Fothergill Pike LLP", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "We act for Hollin Quarry Stone Ltd, whose invoices are unpaid."),),
        (Cell(0.1, "Sent to you by our office"), Cell(0.6, "Monday 02.08.27")),
        (Cell(0.1, "Unpaid to the quarry"), Cell(0.6, "£612.00")),
        (Cell(0.1, "Reply before"), Cell(0.6, "Thursday 02.09.27")),
    ]  # fmt: skip
    assert read_as(page, C.LETTER_OF_CLAIM).letter_date == dt.date(2027, 8, 2)


def test_the_debt_we_bought_is_the_sum_not_who_sold_it() -> None:
    """ "Loan we bought from Mill" is the amount's label; the lender's name is under "Finance
    company that sold it", right of it (the label is no original creditor)."""
    page = [
        (Cell(0.08, "Greyhollow Debt Buyers Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your loan has been sold and assigned to us."),),
        (Cell(0.1, "Loan we bought from Mill"), Cell(0.6, "Finance company that sold it")),
        (Cell(0.1, "£906.40"), Cell(0.6, "Thornhollow Mill Credit Ltd")),
    ]  # fmt: skip
    got = read_as(page, C.NOTICE_OF_ASSIGNMENT)
    assert got.original_creditor == "Thornhollow Mill Credit Ltd"


def test_a_ledger_opened_and_closed_read_as_other_is_a_statement() -> None:
    """A savings club's ledger, its dated lines between "Opening shares" and "Closing
    shares", nothing asked, read as other: a bank statement."""
    page = [
        (Cell(0.08, "Thornhollow Savings Club", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Shares ledger"), Cell(0.7, "Printed 31 July 2027")),
        (Cell(0.08, "Opening shares"), Cell(0.75, "210.40")),
        (Cell(0.08, "02/07"), Cell(0.3, "Wages in"), Cell(0.75, "260.40")),
        (Cell(0.08, "09/07"), Cell(0.3, "Cash out"), Cell(0.75, "240.40")),
        (Cell(0.08, "16/07"), Cell(0.3, "Wages in"), Cell(0.75, "290.40")),
        (Cell(0.08, "23/07"), Cell(0.3, "Club dividend"), Cell(0.75, "292.10")),
        (Cell(0.08, "Closing shares"), Cell(0.75, "292.10")),
    ]  # fmt: skip
    assert refined(page, C.OTHER) is C.BANK_STATEMENT
