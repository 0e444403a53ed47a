# ruff: noqa: E501  (the pages read better unwrapped)
"""Kinds of reading added in round 49 of the reader (issue 14), from the misses of BF on
perfect text and after OCR (benchmarks/OCR.md, "Round 49"), each on wording and layouts
unlike every corpus family (an invented town, Corvesby, in an invented dale, Aldermoor: a
collection agency, a catalogue firm, a lender, a housing trust, an energy supplier); the
test checks the *kind* of rule, not a family's phrase. Pages of made-up wording (exact word
boxes), read by the rules as a given kind (the shipped classifier plays no part). Each test
failed on the old reader (main's ``src`` at cc3104e3, an archive of that commit, run
against it)."""

from __future__ import annotations

import pytest
from tests.unit.documents.reading_support import read_as

from cma_adapters.rules_assistant.corpus import Cell
from cma_core.documents.model import DocumentClass

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Ms Perpetua Oldroyd-Fane"),),
    (Cell(0.08, "22 Tanyard Wynd"),),
    (Cell(0.08, "Corvesby, Aldermoor"),),
    (Cell(0.08, "AL4 7WD"),),
)


@pytest.mark.parametrize(
    "label",
    [
        "Store card account held with",
        "Loan now held with",
        "Agreement held with",
        "Account is managed with",
    ],
)
def test_with_whom_the_account_is_held_is_owed(label: str) -> None:
    """A collector's box naming with whom the client's account is held ("<x> account held
    with"): that firm is owed, not the collector whose letterhead it is."""
    page = [
        (Cell(0.08, "Brindlecote Collections Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your account has been passed to our Recoveries Desk."),),
        (Cell(0.1, "Brindlecote case"), Cell(0.55, "BCL/40718/Q")),
        (Cell(0.1, "Balance to clear"), Cell(0.55, "£1,377.09")),
        (Cell(0.1, label), Cell(0.55, "Corvesby Home Shopping Ltd")),
    ]  # fmt: skip
    got = read_as(page, C.CREDITOR_LETTER)
    assert got.creditor_name == "Corvesby Home Shopping Ltd"


@pytest.mark.parametrize(
    "sentence",
    [
        "Corvesby Home Shopping Ltd closed your account after the payments lapsed, and has asked us to recover the balance.",
        "Corvesby Home Shopping Ltd cancelled your shopping plan when you fell behind and instructed us to collect what is owed.",
        "Corvesby Home Shopping Ltd froze the account in March, and has now appointed us to collect it.",
    ],
)
def test_a_firm_that_did_one_thing_in_the_past_then_instructed_the_writer_is_owed(
    sentence: str,
) -> None:
    """ "X closed your account after the payments lapsed, and has asked us to recover it":
    the first act told in the past, no auxiliary, a clause and a comma before the
    instruction: X is owed, not the collector."""
    page = [
        (Cell(0.08, "Brindlecote Collections Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, sentence),),
        (Cell(0.1, "Brindlecote case"), Cell(0.55, "BCL/40718/Q")),
        (Cell(0.1, "Balance to clear"), Cell(0.55, "£1,377.09")),
    ]  # fmt: skip
    got = read_as(page, C.CREDITOR_LETTER)
    assert got.creditor_name == "Corvesby Home Shopping Ltd"


@pytest.mark.parametrize(
    ("noise", "amount", "pence"),
    [
        ("", "£3 ,27 4.18", 327418),
        ("Arrears now ", "£1 ,60 5.90", 160590),
        ("", "£12 ,48 0.07", 1248007),
    ],
)
def test_an_amount_ocr_split_before_and_after_its_comma_is_whole(
    noise: str, amount: str, pence: int
) -> None:
    """After OCR, one amount split twice, a space before its thousands comma and another
    inside the group after it ("£3 ,27 4.18" for "£3,274.18"): the whole amount, never the
    pounds before the first space ("£3")."""
    page = [
        (Cell(0.08, "Aldermoor Housing Trust", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your rent account is behind."),),
        (Cell(0.1, "Tenancy ref."), Cell(0.55, "AHT/20417")),
        (Cell(0.1, "Rent arrears to date"), Cell(0.55, noise + amount)),
        (Cell(0.1, "Weekly rent"), Cell(0.55, "£97.15")),
    ]  # fmt: skip
    got = read_as(page, C.RENT_ARREARS)
    assert got.balance_pence == pence


@pytest.mark.parametrize("reference", ["4471 2093 58", "55120 8806 17", "7710 0263 904 22"])
def test_a_grouped_reference_under_its_label_keeps_its_closing_pair(reference: str) -> None:
    """After OCR, a reference in groups of figures closing with a pair ("4471 2093 58"),
    read a blank line under its label, when no box reading gives it: the whole reference,
    its closing pair too, not the groups before it."""
    page = [
        (Cell(0.08, "Corvesby Energy Supply Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your energy account is in arrears."),),
        (Cell(0.1, "Corvesby account ref."),),
        (Cell(0.1, ""),),
        (Cell(0.1, reference),),
        (Cell(0.08, "Your account is £219.31 in arrears. Please pay by 11 March."),),
    ]  # fmt: skip
    got = read_as(page, C.UTILITY_ARREARS)
    assert got.account_reference == reference
