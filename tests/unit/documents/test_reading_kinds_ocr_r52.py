"""Kinds of reading added in round 52 (benchmarks/OCR.md, "Round 52"): values OCR damaged
in the text, read by their shape. A date whose figures OCR read as look-alike letters
inside a token that is otherwise a date's ("1O March 2O26", "l4/03/2026"), whose month's
name is a letter or two off ("Marcb", "Septernber") or split ("Mar ch"), or whose parts
run together ("14March2026"). Nothing is invented: a day that does not exist, a word as
near two months, a word in lower case, stays unread. Pages of made-up wording (an
invented town, Wrenholt, in an invented vale, Ashcombe Vale: a water company, a loan firm,
a card firm), read by the rules as a given kind. Each case failed on the old reader (main's
``src``, an archive, run against it): every page also carries a damaged date that the old
reader could not read."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.unit.documents.reading_support import read_as

from cma_adapters.rules_assistant.corpus import Cell
from cma_core.documents.model import DocumentClass

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Mr Osric Pellowe"),),
    (Cell(0.08, "3 Tanner's Row"),),
    (Cell(0.08, "Wrenholt, Ashcombe Vale"),),
    (Cell(0.08, "AV4 9LT"),),
)


def _water_letter(shown: str, deadline: str = "") -> list[tuple[Cell, ...]]:
    return [
        (Cell(0.08, "Ashcombe Vale Water Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your water account is behind with its payments."),),
        (Cell(0.1, "Date of this letter"), Cell(0.55, shown)),
        (Cell(0.1, "Water account"), Cell(0.55, "AVW 6620 1187")),
        (Cell(0.1, "Arrears to pay"), Cell(0.55, "£412.58")),
        *(((Cell(0.1, "Pay by"), Cell(0.55, deadline)),) if deadline else ()),
    ]  # fmt: skip


@pytest.mark.parametrize("shown", ["l4/03/2026", "14/O3/2026", "14.03.2O26", "I4-03-2026"])
def test_a_figure_date_with_a_look_alike_letter_among_its_figures_is_the_date(
    shown: str,
) -> None:
    """A figure date, the same separator twice and a four-figure year, one of whose figures
    OCR read as a letter that looks like it (l or I for 1, O for 0): the date."""
    got = read_as(_water_letter(shown), C.UTILITY_ARREARS)
    assert got.letter_date == dt.date(2026, 3, 14)


@pytest.mark.parametrize(
    "shown", ["1O March 2026", "10 March 2O26", "1O Mar 2O26", "I0th March 2026"]
)
def test_a_named_date_with_a_look_alike_letter_in_its_day_or_year_is_the_date(
    shown: str,
) -> None:
    """A day, a month's name and a four-figure year, a figure of the day or the year read
    as a look-alike letter: the date."""
    got = read_as(_water_letter(shown), C.UTILITY_ARREARS)
    assert got.letter_date == dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    "shown",
    ["14 Marcb 2026", "14 Mareh 2026", "14th Mar ch 2026", "Marcb 14, 2026", "14 MARCB 2026"],
)
def test_a_month_s_name_a_letter_off_or_split_between_a_day_and_a_year_is_the_month(
    shown: str,
) -> None:
    """A month's name that OCR read a letter off, or split in two, between a day and a
    year: the month, when no other month's name is as near."""
    got = read_as(_water_letter(shown), C.UTILITY_ARREARS)
    assert got.letter_date == dt.date(2026, 3, 14)


@pytest.mark.parametrize(
    ("shown", "day"),
    [
        ("2 Septernber 2026", dt.date(2026, 9, 2)),
        ("2 Novemher 2026", dt.date(2026, 11, 2)),
        ("2 Apri1 2026", dt.date(2026, 4, 2)),
        ("2 Dccember 2026", dt.date(2026, 12, 2)),
    ],
)
def test_a_long_month_s_name_misread_is_still_its_month(shown: str, day: dt.date) -> None:
    """A longer month's name with one or two letters misread ("rn" for "m", "h" for "b",
    a figure 1 for an l): the month."""
    got = read_as(_water_letter(shown), C.UTILITY_ARREARS)
    assert got.letter_date == day


@pytest.mark.parametrize("shown", ["14March2026", "14thMarch2026", "14thMar2026"])
def test_a_date_run_together_is_the_date(shown: str) -> None:
    """A day, a month's name and a year with no space between them: the date."""
    got = read_as(_water_letter(shown), C.UTILITY_ARREARS)
    assert got.letter_date == dt.date(2026, 3, 14)


@pytest.mark.parametrize(
    "deadline",
    [
        "31 Febuary 2026",  # no such day: not mended into one
        "30 Febuary 2O26",
        "3 Mav 2026",  # as near May as March
        "3 Jnn 2026",  # as near January as June
        "3 sun 2026",  # a word in lower case, not a month's name
        "lO Apri1 2026",  # a day of letters alone
        "31/O2/2026",  # no such day
    ],
)
def test_a_damaged_date_that_is_no_date_or_ambiguous_is_left_unread(deadline: str) -> None:
    """What the mends may not do: make a day that does not exist, choose between two months
    a word is as near, read a lower-case word or a day of letters alone as a date. The
    letter's own date, damaged too, is read, so the page is read by the new rules."""
    got = read_as(_water_letter("1O March 2026", deadline), C.UTILITY_ARREARS)
    assert got.letter_date == dt.date(2026, 3, 10)
    assert got.deadline_date is None


@pytest.mark.parametrize(
    ("deadline", "day"),
    [
        ("2026-94-22", dt.date(2026, 4, 22)),
        ("2026/94/22", dt.date(2026, 4, 22)),
        ("2026-04-92", dt.date(2026, 4, 2)),
    ],
)
def test_a_year_first_date_whose_month_or_day_opens_with_a_nine_is_a_nought(
    deadline: str, day: dt.date
) -> None:
    """A date printed year first whose month or day OCR read with a 9 for its 0 ("2026-94-22":
    no month is in the nineties): the 0, as round 18 read a day-first date's."""
    page = [
        (Cell(0.08, "Wrenholt Personal Loans Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your loan payments have fallen behind."),),
        (Cell(0.1, "Issued"), Cell(0.55, "2026-03-30")),
        (Cell(0.1, "Loan account"), Cell(0.55, "WPL 88017 23")),
        (Cell(0.1, "Overdue sum"), Cell(0.55, "£760.14")),
        (Cell(0.1, "Pay the overdue sum by"), Cell(0.55, deadline)),
    ]  # fmt: skip
    got = read_as(page, C.CREDITOR_LETTER)
    assert got.deadline_date == day


def _card_letter(balance: str, minimum: str = "£25.00") -> list[tuple[Cell, ...]]:
    return [
        (Cell(0.08, "Ashcombe Card Services Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your card account is in arrears."),),
        (Cell(0.1, "Statement date"), Cell(0.55, "9 March 2026")),
        (Cell(0.1, "Card account"), Cell(0.55, "ACS 5521 0764")),
        (Cell(0.1, "Balance outstanding"), Cell(0.55, balance)),
        (Cell(0.1, "Minimum payment"), Cell(0.55, minimum)),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("balance", "pence"),
    [
        ("£1,2O4.56", 120456),
        ("£l,204.56", 120456),
        ("£I,204.56", 120456),
        ("£3S7.10", 35710),
        ("£12,O46", 1204600),
    ],
)
def test_an_amount_with_a_look_alike_letter_among_its_figures_is_the_amount(
    balance: str, pence: int
) -> None:
    """An amount after its pound sign, its pounds in groups of three after a comma or its
    pence after a point, one of whose figures OCR read as a letter that looks like it: the
    amount (not the part after the letter, "£4.56", nor nothing)."""
    got = read_as(_card_letter(balance), C.CREDITOR_LETTER)
    assert got.balance_pence == pence


@pytest.mark.parametrize("balance", ["£2,715-40, due now", "£2,715-40. Please pay it"])
def test_pence_after_a_dash_then_the_clause_s_comma_or_point_are_the_pence(balance: str) -> None:
    """An amount whose raised point OCR read as a dash, its two pence figures then a comma or
    a full stop that ends the clause ("£2,715-40, due now"): the pence are the amount's, as
    round 15 read them before a space."""
    got = read_as(_card_letter(balance), C.CREDITOR_LETTER)
    assert got.balance_pence == 271540


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("AVQ61280047", "AV061280047"),
        ("AV06I280047", "AV061280047"),
        ("AV061S80047", "AV061580047"),
        ("AV0612BOO47", "AV061280047"),
    ],
)
def test_a_reference_s_look_alike_letter_beside_figures_printed_with_the_figure_elsewhere(
    read: str, printed: str
) -> None:
    """A reference OCR read beside its label with a figure as a look-alike letter (Q or D
    for 0, I or L for 1, S for 5, B for 8), that the page prints elsewhere with the figure
    (a counterfoil): the reference as printed, as round 27 read an O for a nought."""
    page = [
        (Cell(0.08, "Ashcombe Vale Water Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your water account is behind with its payments."),),
        (Cell(0.1, "Date of this letter"), Cell(0.55, "9 March 2026")),
        (Cell(0.1, "Water account ref."), Cell(0.55, read)),
        (Cell(0.1, "Arrears to pay"), Cell(0.55, "£412.58")),
        (Cell(0.08, "Payment slip"), Cell(0.4, "Ashcombe Vale Water Ltd"), Cell(0.7, printed)),
    ]  # fmt: skip
    got = read_as(page, C.UTILITY_ARREARS)
    assert got.account_reference == printed


def test_a_reference_with_letters_the_page_never_prints_as_figures_keeps_them() -> None:
    """A reference whose letters beside its figures the page prints nowhere as figures keeps
    its letters: "AVS6128047" stays (with a damaged letter date beside it, so that the
    page is read by the new rules)."""
    page = [
        (Cell(0.08, "Ashcombe Vale Water Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your water account is behind with its payments."),),
        (Cell(0.1, "Date of this letter"), Cell(0.55, "1O March 2026")),
        (Cell(0.1, "Water account ref."), Cell(0.55, "AVS6128047")),
        (Cell(0.1, "Arrears to pay"), Cell(0.55, "£412.58")),
        (Cell(0.08, "Payment slip"), Cell(0.4, "Ashcombe Vale Water Ltd"), Cell(0.7, "AVS6128047")),
    ]  # fmt: skip
    got = read_as(page, C.UTILITY_ARREARS)
    assert (got.account_reference, got.letter_date) == ("AVS6128047", dt.date(2026, 3, 10))
