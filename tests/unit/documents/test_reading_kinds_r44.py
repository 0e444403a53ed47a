# ruff: noqa: E501  (the pages read better unwrapped)
"""Kinds of reading added in round 44 of the reader (issue 14), from the misses of AZ and BA
(and the balance BA's unit sample lost to round 43's rules), each on wording and layouts
unlike every corpus family (an invented district, Fennick, and its town of Marrowby: the
Fennick District Council, Marrowby Boatworks Ltd, a motor credit firm, a pay-later shop,
a school, bailiffs and a county court): the test checks the *kind* of rule, not a family's
phrase. Pages of made-up wording (exact word boxes), read by the rules as a given kind (the
shipped classifier plays no part); the class cues through ``refine_class``. Each test
failed on the old reader (main's ``src`` at f5404347, an archive of that commit, run
against it)."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.unit.documents.reading_support import read_as, refined

from cma_adapters.rules_assistant.corpus import Cell
from cma_core.documents.model import DocumentClass

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Mr Olwen Pardoe"),),
    (Cell(0.08, "3 Chandlers Wynd"),),
    (Cell(0.08, "Marrowby, Fennick"),),
    (Cell(0.08, "FK7 2RW"),),
)


def test_a_fee_s_amount_in_the_label_is_no_value_of_it() -> None:
    """An enforcer's "Fine plus the £60 fee" alone in its cell over the sum,
    another label and its value beside it: the sum under it is owed, not the fee's amount
    in the label's own words (round 43's rule took it)."""
    page = [
        (Cell(0.08, "Quillan Bailiffs Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Marrowby Boatworks Ltd has a judgment against you and has passed it to us."),),
        (Cell(0.1, "Date of notice"), Cell(0.55, "Quillan file")),
        (Cell(0.1, "6 October 2027"), Cell(0.55, "QB-30418")),
        (Cell(0.1, "Fine plus the £60 fee"), Cell(0.55, "Pay us by")),
        (Cell(0.1, "£1,915.40"), Cell(0.55, "13 October 2027")),
    ]  # fmt: skip
    assert read_as(page, C.ENFORCEMENT_AGENT_NOTICE).balance_pence == 191540


@pytest.mark.parametrize(
    "label",
    [
        "Warrant of control applied for by",
        "The justices made the order to",
        "Authority granted the order",
        "Warrant enforces the judgment of",
    ],
)
def test_whoever_the_court_s_paper_is_for_is_owed(label: str) -> None:
    """Who asked for the court's paper, who the court gave it to, whose judgment it
    enforces, over the name: the one owed, not the enforcer whose letterhead it is."""
    page = [
        (Cell(0.08, "Quillan Bailiffs Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "We have been instructed to enforce what you owe."),),
        (Cell(0.1, "Quillan file"), Cell(0.55, label)),
        (Cell(0.1, "QB-30418"), Cell(0.55, "Tenterhook Motor Credit Ltd")),
        (Cell(0.1, "Owed with our fee"), Cell(0.55, "Pay us by")),
        (Cell(0.1, "£1,915.40"), Cell(0.55, "13 October 2027")),
    ]  # fmt: skip
    got = read_as(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert got.creditor_name == "Tenterhook Motor Credit Ltd", label


def test_whoever_claimed_it_from_you_is_owed() -> None:
    """A judgment's account of the claim, "X claimed from you the arrears …": X is owed,
    not the court's officer who signs."""
    page = [
        (Cell(0.08, "County Court at Marrowby", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Marrowby Boatworks Ltd claimed from you the arrears on your mooring."),),
        (Cell(0.1, "Claim number"), Cell(0.6, "R7KT22M9")),
        (Cell(0.1, "You must pay"), Cell(0.6, "£2,406.15")),
        (Cell(0.1, "Pay the claimant by"), Cell(0.6, "3 November 2027")),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Listing Officer"),),
    ]  # fmt: skip
    assert read_as(page, C.COUNTY_COURT_JUDGMENT).creditor_name == "Marrowby Boatworks Ltd"


def test_the_day_the_notice_went_by_post_dates_it() -> None:
    """ "Notice sent by first class post" over a date: the notice's own date (how it went,
    no day to act by), and the date to pay by stays the deadline."""
    page = [
        (Cell(0.08, "Quillan Bailiffs Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Fennick District Council has passed your unpaid council tax to us."),),
        (Cell(0.1, "Notice sent by first class post"),),
        (Cell(0.1, "06 10 2027"),),
        (Cell(0.1, "Quillan file"), Cell(0.55, "Owed with our fee")),
        (Cell(0.1, "QB-30418"), Cell(0.55, "£1,915.40")),
        (Cell(0.1, "Settle with us by"),),
        (Cell(0.1, "13 10 2027"),),
    ]  # fmt: skip
    got = read_as(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert (got.letter_date, got.deadline_date) == (dt.date(2027, 10, 6), dt.date(2027, 10, 13))


def test_pay_on_a_day_of_every_month_is_monthly() -> None:
    """ "Wages paid on the 28th of every month" (a figure in the line): monthly."""
    page = [
        (Cell(0.08, "Marrowby Boatworks Ltd", bold=True),),
        (Cell(0.08, "Payslip"), Cell(0.7, "Pay date 28 September 2027")),
        (Cell(0.08, "Olwen Pardoe, rigger. Wages paid on the 28th of every month"),),
        (Cell(0.08, "Total earnings"), Cell(0.75, "2,210.00")),
        (Cell(0.08, "Net pay"), Cell(0.75, "1,802.40")),
    ]  # fmt: skip
    assert read_as(page, C.PAYSLIP).frequency == "monthly"


def test_the_cell_beside_a_caption_under_its_value_is_the_next_caption() -> None:
    """A grid of values, each with its caption under it: the cell right of "Claimant
    firm" is the next caption, no value of it; the claimant is the value over it."""
    page = [
        (Cell(0.08, "County Court Business Centre", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "A claim has been issued against you for the hire of a boat."),),
        (Cell(0.1, "5 October 2027"), Cell(0.4, "R7KT22M9"), Cell(0.7, "£3,120.00")),
        (Cell(0.1, "Issued on"), Cell(0.4, "Claim no."), Cell(0.7, "Amount claimed")),
        (Cell(0.1, "Marrowby Boatworks Ltd"), Cell(0.4, "MB-7712"), Cell(0.7, "10 October 2027")),
        (Cell(0.1, "Claimant firm"), Cell(0.4, "Finance plan at Marrowby"), Cell(0.7, "Deemed served on")),
    ]  # fmt: skip
    assert read_as(page, C.COURT_CLAIM_N1).creditor_name == "Marrowby Boatworks Ltd"


def test_a_numbered_strip_of_values_over_long_captions() -> None:
    """Numbered values, each over its caption, some captions long ("Money the judgment is
    for, with costs"): the account number is the one over its own caption, not the next."""
    page = [
        (Cell(0.08, "County Court at Marrowby", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Judgment has been entered against you for Tenterhook Motor Credit Ltd."),),
        (Cell(0.12, "1."), Cell(0.2, "R7KT22M9")),
        (Cell(0.2, "Claim reference"),),
        (Cell(0.12, "2."), Cell(0.2, "£2,406.15")),
        (Cell(0.2, "Money the judgment is for, with costs"),),
        (Cell(0.12, "3."), Cell(0.2, "TMC-448120")),
        (Cell(0.2, "Tenterhook account no."),),
        (Cell(0.12, "4."), Cell(0.2, "3 November 2027")),
        (Cell(0.2, "Pay the whole of it to them by"),),
    ]  # fmt: skip
    assert read_as(page, C.COUNTY_COURT_JUDGMENT).account_reference == "TMC-448120"


def test_a_whole_sum_captioned_under_it_beats_a_part_in_a_sentence() -> None:
    """ "Full amount claimed, with fee and costs" under its sum (a comma before what it
    includes), and a sentence that gives the parts first: the whole is the balance."""
    page = [
        (Cell(0.08, "County Court Business Centre", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Tenterhook Motor Credit Ltd says you owe it for a car and claims it from you."),),
        (Cell(0.1, "5 October 2027"), Cell(0.4, "R7KT22M9"), Cell(0.7, "£3,120.00")),
        (Cell(0.1, "Issued on"), Cell(0.4, "Claim no."), Cell(0.7, "Full amount claimed, with fee and costs")),
        (Cell(0.08, "The loan balance claimed is £2,845.00, the court fee £185.00 and the costs £90.00: £3,120.00 in all."),),
    ]  # fmt: skip
    assert read_as(page, C.COURT_CLAIM_N1).balance_pence == 312000


def test_instalments_behind_on_hire_purchase_read_as_pay_later_are_a_creditor_s() -> None:
    """A motor credit firm's letter about missed instalments on a hire purchase agreement,
    read as a pay-later shop's arrears: a creditor's letter (no shop, no catalogue)."""
    page = [
        (Cell(0.08, "Tenterhook Motor Credit Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "You have missed two instalments due under your hire purchase agreement for the van."),),
        (Cell(0.1, "Agreement"), Cell(0.6, "TMC-448120")),
        (Cell(0.1, "Instalments short"), Cell(0.6, "£612.80")),
        (Cell(0.1, "Pay by"), Cell(0.6, "20 October 2027")),
    ]  # fmt: skip
    assert refined(page, C.BNPL_CATALOGUE_ARREARS) is C.CREDITOR_LETTER


def test_a_shortfall_in_instalments_is_owed() -> None:
    """ "Shortfall in the monthly instalments" over its sum: what is behind is owed (no
    instalment's amount)."""
    page = [
        (Cell(0.08, "Tenterhook Motor Credit Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your payments are behind."),),
        (Cell(0.1, "Agreement"), Cell(0.6, "Shortfall in the monthly instalments")),
        (Cell(0.1, "TMC-448120"), Cell(0.6, "£612.80")),
        (Cell(0.1, "Pay by"), Cell(0.6, "20 October 2027")),
    ]  # fmt: skip
    assert read_as(page, C.CREDITOR_LETTER).balance_pence == 61280


def test_the_court_s_number_for_the_claim_is_the_claim_number() -> None:
    """ "Court's number for your claim" beside its value: the claim number."""
    page = [
        (Cell(0.08, "County Court Business Centre", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Marrowby Boatworks Ltd has issued a claim against you."),),
        (Cell(0.1, "Court's number for your claim"), Cell(0.6, "R7KT22M9")),
        (Cell(0.1, "Amount claimed"), Cell(0.6, "£3,120.00")),
    ]  # fmt: skip
    assert read_as(page, C.COURT_CLAIM_N1).court_claim_number == "R7KT22M9"


def test_a_pay_later_purchase_names_the_account() -> None:
    """A pay-later shop's "Your purchase" beside its number: the account's reference."""
    page = [
        (Cell(0.08, "Snapwell Pay Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Two of your Snapwell instalments could not be collected."),),
        (Cell(0.1, "Your purchase"), Cell(0.4, "SNW77120443"), Cell(0.6, "Overdue now"), Cell(0.8, "£88.40")),
        (Cell(0.1, "Letter sent"), Cell(0.4, "6 October 2027"), Cell(0.6, "Pay by"), Cell(0.8, "16 October 2027")),
    ]  # fmt: skip
    assert read_as(page, C.BNPL_CATALOGUE_ARREARS).account_reference == "SNW77120443"


def test_whoever_holds_the_judgment_against_you_is_owed() -> None:
    """An enforcer's letter, its labelled box lost (as to OCR): "to enforce the judgment X
    holds against you" names the one owed, not the enforcer whose letterhead it is."""
    page = [
        (Cell(0.08, "Quillan Bailiffs Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "A warrant has been issued to enforce the judgment Marrowby Boatworks Ltd holds"),),
        (Cell(0.08, "against you, and we are instructed to act on it."),),
        (Cell(0.08, "Pay £1,915.40 by 13 October 2027 or an agent may visit."),),
    ]  # fmt: skip
    assert read_as(page, C.ENFORCEMENT_AGENT_NOTICE).creditor_name == "Marrowby Boatworks Ltd"
