# ruff: noqa: E501  (the pages read better unwrapped)
"""Kinds of reading added in round 45 of the reader (issue 14), from the misses of BB on
perfect text and after OCR, and from the creditor's and the letter date's misses after OCR
on the development half of the read families (benchmarks/OCR.md, "Round 45"), each on
wording and layouts unlike every corpus family (an invented district, Ossingdale, and its
town of Wyvernmere: the Ossingdale District Council, a credit union, a card firm, a
collection agency, bailiffs); the OCR kinds on text with damage written here, as Tesseract
leaves it (a label's letters misread, a name broken over a line). The test checks the
*kind* of rule, not a family's phrase. Pages of made-up wording (exact word boxes), read by
the rules as a given kind (the shipped classifier plays no part); the class cues through
``refine_class``. Each test failed on the old reader (main's ``src`` at 78b4fbb8, an
archive of that commit, run against it)."""

from __future__ import annotations

import pytest
from tests.unit.documents.reading_support import read_as, refined

from cma_adapters.rules_assistant.corpus import Cell
from cma_core.documents.model import DocumentClass

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Mrs Elspeth Varley"),),
    (Cell(0.08, "11 Tanyard Rise"),),
    (Cell(0.08, "Wyvernmere, Ossingdale"),),
    (Cell(0.08, "OS4 7JD"),),
)


@pytest.mark.parametrize(
    ("opens", "closes"),
    [
        ("Savings at the start", "Savings at the finish"),
        ("Shares at the beginning", "Shares at the close"),
    ],
)
def test_a_ledger_between_the_account_at_its_start_and_finish_is_a_statement(
    opens: str, closes: str
) -> None:
    """A credit union's savings ledger read as other: its dated lines between the account
    as it stood at the start and at the finish, nothing asked: a bank statement."""
    page = [
        (Cell(0.08, "Wyvernmere Credit Union Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Members' passbook page"), Cell(0.7, "Printed 4 March 2028")),
        (Cell(0.08, opens), Cell(0.75, "640.15")),
        (Cell(0.08, "05.02"), Cell(0.3, "Paid in from wages"), Cell(0.75, "680.15")),
        (Cell(0.08, "12.02"), Cell(0.3, "Taken out at the desk"), Cell(0.75, "660.15")),
        (Cell(0.08, "19.02"), Cell(0.3, "Paid in from wages"), Cell(0.75, "700.15")),
        (Cell(0.08, "26.02"), Cell(0.3, "Members' dividend"), Cell(0.75, "702.90")),
        (Cell(0.08, closes), Cell(0.75, "702.90")),
    ]  # fmt: skip
    assert refined(page, C.OTHER) is C.BANK_STATEMENT


def test_whoever_holds_the_order_is_owed() -> None:
    """An enforcer's notice whose box names "Council holding the order": the council is
    owed, not the enforcer whose letterhead it is."""
    page = [
        (Cell(0.08, "Tarrow Enforcement Services Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your council tax is being collected by enforcement."),),
        (Cell(0.1, "Tarrow case ref."), Cell(0.55, "TES-508812")),
        (Cell(0.1, "Council holding the order"), Cell(0.55, "Ossingdale District Council")),
        (Cell(0.1, "Now owed with our fee"), Cell(0.55, "£912.35")),
    ]  # fmt: skip
    got = read_as(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert got.creditor_name == "Ossingdale District Council"


def test_whoever_holds_a_liability_order_in_a_sentence_is_owed() -> None:
    """ "X holds a liability order from the magistrates for your arrears": X is owed, not
    the enforcer whose letterhead it is (no box names it)."""
    page = [
        (Cell(0.08, "Tarrow Enforcement Services Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Ossingdale District Council holds a liability order from the magistrates for your arrears."),),
        (Cell(0.1, "Tarrow case ref."), Cell(0.55, "TES-508812")),
        (Cell(0.1, "Now owed with our fee"), Cell(0.55, "£912.35")),
    ]  # fmt: skip
    got = read_as(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert got.creditor_name == "Ossingdale District Council"


def test_the_firm_behind_the_writer_s_file_is_owed() -> None:
    """A collection agency's box "Card issuer behind this file": the firm named in it is
    owed, whole (with its "Ltd"), not its shorter name in the heading."""
    page = [
        (Cell(0.08, "Mardle Recoveries Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Quillet Card Services has passed your account to Mardle"),),
        (Cell(0.08, "Dear Mrs Varley"),),
        (Cell(0.08, "Quillet Card Services Ltd closed your card after payments stopped, and has asked us to collect the rest."),),
        (Cell(0.1, "Letter dated"), Cell(0.55, "2 May 2028")),
        (Cell(0.1, "Mardle file ref."), Cell(0.55, "MR-77120")),
        (Cell(0.1, "Owing on the card"), Cell(0.55, "£2,418.06")),
        (Cell(0.1, "Card issuer behind this file"), Cell(0.55, "Quillet Card Services Ltd")),
        (Cell(0.1, "Call us by"), Cell(0.55, "16 May 2028")),
    ]  # fmt: skip
    got = read_as(page, C.CREDITOR_LETTER)
    assert got.creditor_name == "Quillet Card Services Ltd"


def test_a_court_s_writ_for_a_firm_names_the_one_owed() -> None:
    """An enforcer's box "High Court writ for" (or "Warrant of control issued for") over
    a firm: the firm is owed, not the enforcer whose letterhead it is."""
    for label in ("High Court writ for", "Warrant of control issued for"):
        page = [
            (Cell(0.08, "Tarrow Enforcement Services Ltd", bold=True),),
            *_ADDRESSEE,
            (Cell(0.08, "We now hold the paper the court issued and will enforce it."),),
            (Cell(0.1, "Tarrow case ref."), Cell(0.55, "TES-508812")),
            (Cell(0.1, "Sum with our fee"), Cell(0.55, "£3,104.77")),
            (Cell(0.1, label), Cell(0.55, "Wyvernmere Plant Hire Ltd")),
        ]  # fmt: skip
        got = read_as(page, C.ENFORCEMENT_AGENT_NOTICE)
        assert got.creditor_name == "Wyvernmere Plant Hire Ltd", label


def test_a_speck_read_as_a_quote_mark_inside_a_name_is_no_part_of_it() -> None:
    """After OCR, "Wyvernmere’ Plant Hire Ltd holds against you": the speck read as a
    quote mark glued to the name's first word does not cut the name in two."""
    page = [
        (Cell(0.08, "Tarrow Enforcement Services Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "A writ has been issued to enforce the judgment Wyvernmere’ Plant Hire Ltd holds against you."),),
        (Cell(0.1, "Tarrow case ref."), Cell(0.55, "TES-508812")),
        (Cell(0.1, "Sum with our fee"), Cell(0.55, "£3,104.77")),
    ]  # fmt: skip
    got = read_as(page, C.ENFORCEMENT_AGENT_NOTICE)
    assert got.creditor_name == "Wyvernmere Plant Hire Ltd"


@pytest.mark.parametrize("shown", ["14.03,2028", "14,03.2028"])
def test_a_date_one_of_whose_points_ocr_read_as_a_comma_is_whole(shown: str) -> None:
    """After OCR, a bill's date "14.03,2028" (or "14,03.2028") alone in its cell under
    "Billed on": one of its two points read as a comma, still the day it was billed."""
    page = [
        (Cell(0.08, "Ossingdale Water Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your water bill"),),
        (Cell(0.1, "Billed on"), Cell(0.35, "Water account"), Cell(0.6, "Charges this half year")),
        (Cell(0.1, shown), Cell(0.35, "OW-2209184"), Cell(0.6, "£214.60")),
    ]  # fmt: skip
    got = read_as(page, C.UTILITY_BILL)
    assert str(got.letter_date) == "2028-03-14", shown
