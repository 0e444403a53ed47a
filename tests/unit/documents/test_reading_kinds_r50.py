# ruff: noqa: E501  (the pages read better unwrapped)
"""Kinds of reading added in round 50 of the reader (issue 14), from the misses of BE on
perfect text and after OCR (benchmarks/OCR.md, "Round 50"), each on wording and layouts
unlike every corpus family (an invented town, Calderwick, in an invented county,
Marrowdale: a card firm, a loan firm, a broadband firm, a buy-now-pay-later firm, a
collection agency, the court's centre); the test checks the *kind* of rule, not a family's
phrase. Pages of made-up wording (exact word boxes), read by the rules as a given kind (the
shipped classifier plays no part). Each test failed on the old reader (main's ``src`` at
08813446, an archive of that commit, run against it)."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.unit.documents.reading_support import read_as

from cma_adapters.rules_assistant.corpus import Cell
from cma_core.documents.model import DocumentClass

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Ms Idony Feathersall"),),
    (Cell(0.08, "12 Gorsebank Walk"),),
    (Cell(0.08, "Calderwick, Marrowdale"),),
    (Cell(0.08, "MD7 2QE"),),
)


@pytest.mark.parametrize(
    "label",
    ["Tollbridge collect for", "Tollbridge Recoveries act for", "Tollbridge chase on behalf of"],
)
def test_a_collector_named_with_a_plain_verb_collects_for_the_one_owed(label: str) -> None:
    """A collector's box naming itself, then a plain (plural) verb and "for": "Tollbridge
    collect for" names the firm it collects for, which is owed, not the collector whose
    letterhead it is."""
    page = [
        (Cell(0.08, "Tollbridge Recoveries Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your card account has been passed to us to collect."),),
        (Cell(0.1, "Tollbridge file"), Cell(0.55, "TB/40-77812")),
        (Cell(0.1, label), Cell(0.55, "Marrowdale Card Finance Ltd")),
        (Cell(0.1, "Card balance to clear"), Cell(0.55, "£1,377.09")),
    ]  # fmt: skip
    got = read_as(page, C.CREDITOR_LETTER)
    assert got.creditor_name == "Marrowdale Card Finance Ltd"


@pytest.mark.parametrize(
    "sentence",
    [
        "Gorsebank Fibre Ltd claimed money due under a phone and internet contract.",
        "Gorsebank Fibre Ltd claimed sums owed for broadband services.",
        "Gorsebank Fibre Ltd has claimed the unpaid balance owing on your account.",
    ],
)
def test_a_judgment_s_account_of_what_the_claimant_claimed_names_the_one_owed(
    sentence: str,
) -> None:
    """A judgment written by the court's own centre, the claimant named only in a sentence
    saying it claimed money owed or due (not "from you"): that firm is owed, not the
    court's centre heading the page."""
    page = [
        (Cell(0.08, "County Court Money Claims Centre", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Judgment in default"),),
        (Cell(0.08, sentence),),
        (Cell(0.08, "No defence was filed, so judgment has been entered against you."),),
        (Cell(0.1, "Claim no."), Cell(0.55, "K7QD41PX")),
        (Cell(0.1, "Judgment sum"), Cell(0.55, "£2,044.80")),
    ]  # fmt: skip
    got = read_as(page, C.COUNTY_COURT_JUDGMENT)
    assert got.creditor_name == "Gorsebank Fibre Ltd"


@pytest.mark.parametrize(
    "heading",
    [
        "Judgment entered against you for Gorsebank Fibre Ltd",
        "Default judgment given against you for Gorsebank Fibre Ltd",
        "Judgment made against you in favour of Gorsebank Fibre Ltd",
    ],
)
def test_a_judgment_against_you_for_a_firm_names_the_one_owed(heading: str) -> None:
    """A heading "Judgment entered against you for X": whom the judgment is for, past the
    words saying whom it is against, is owed."""
    page = [
        (Cell(0.08, "County Court Money Claims Centre", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, heading),),
        (Cell(0.08, "No defence was filed in time."),),
        (Cell(0.1, "Claim no."), Cell(0.55, "K7QD41PX")),
        (Cell(0.1, "Judgment sum"), Cell(0.55, "£2,044.80")),
    ]  # fmt: skip
    got = read_as(page, C.COUNTY_COURT_JUDGMENT)
    assert got.creditor_name == "Gorsebank Fibre Ltd"


@pytest.mark.parametrize(
    "label", ["Instalments that bounced", "Plan repayments declined", "Weekly payments failed"]
)
def test_payments_that_failed_are_the_arrears(label: str) -> None:
    """A pay-later firm's box over its amount naming the payments that failed, bounced or
    were declined: what is behind is owed (the balance), as "missed" is."""
    page = [
        (Cell(0.08, "Fernhollow Pay Later Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "We could not take your last two instalments from your card."),),
        (Cell(0.1, "Posted on"), Cell(0.4, "Order no."), Cell(0.7, label)),
        (Cell(0.1, "Tue 3 Mar 2026"), Cell(0.4, "FP-88310427"), Cell(0.7, "£318.40")),
    ]  # fmt: skip
    got = read_as(page, C.BNPL_CATALOGUE_ARREARS)
    assert got.balance_pence == 31840


@pytest.mark.parametrize(
    "label", ["Deemed to be served", "Treated as having been served", "Deemed to have been served"]
)
def test_a_day_deemed_to_be_served_is_the_day_served(label: str) -> None:
    """A claim's box "Deemed to be served" over or beside its day (the words "to be" or
    "to have been" between "deemed" and "served"): the day served."""
    page = [
        (Cell(0.08, "County Court Money Claims Centre", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Claim form: Wendling Loans Ltd against you"),),
        (Cell(0.1, "Claim issued on"), Cell(0.55, "Tue 6 Jan 2026")),
        (Cell(0.1, "Claim no."), Cell(0.55, "K7QD41PX")),
        (Cell(0.1, label), Cell(0.55, "Sun 11 Jan 2026")),
        (Cell(0.1, "Respond by"), Cell(0.55, "Sun 25 Jan 2026")),
    ]  # fmt: skip
    got = read_as(page, C.COURT_CLAIM_N1)
    assert got.served_date == dt.date(2026, 1, 11)


# -- after OCR ------------------------------------------------------------------------------


@pytest.mark.parametrize("speck", ["~°", "•", "«=", "^"])
def test_specks_glued_before_a_letterhead_s_name_are_no_part_of_it(speck: str) -> None:
    """A scan's specks read as marks glued before the letterhead's first capital ("~°X
    Water Ltd"): the name is read without them, as the organisation writing."""
    page = [
        (Cell(0.08, f"{speck}Calderwick Water Services Ltd", bold=True), Cell(0.7, "Telephone 01632 960 418")),
        *_ADDRESSEE,
        (Cell(0.08, "Your water account is behind."),),
        (Cell(0.1, "Water account"), Cell(0.55, "CWS 4471 0923")),
        (Cell(0.1, "Arrears to pay"), Cell(0.55, "£288.16")),
    ]  # fmt: skip
    got = read_as(page, C.UTILITY_ARREARS)
    assert got.creditor_name == "Calderwick Water Services Ltd"


@pytest.mark.parametrize(
    "shown", ["Thu 5 Mar\\2026", "5 March |2026", "05-Mar\\2026", "Thursday 5 March\\2026"]
)
def test_a_slash_misread_between_the_month_and_the_year_is_a_date(shown: str) -> None:
    """A date whose space or slash between the month's name and the four-figure year OCR
    read as a backslash or a rule ("5 Mar\\2026", "5 March |2026"): the date."""
    page = [
        (Cell(0.08, "Calderwick Water Services Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your water account is behind."),),
        (Cell(0.1, "Letter sent"), Cell(0.55, shown)),
        (Cell(0.1, "Water account"), Cell(0.55, "CWS 4471 0923")),
        (Cell(0.1, "Arrears to pay"), Cell(0.55, "£288.16")),
    ]  # fmt: skip
    got = read_as(page, C.UTILITY_ARREARS)
    assert got.letter_date == dt.date(2026, 3, 5)
