"""Round 57: one table of the letters OCR reads for figures (``lookalike``, each reading a
named part of it), one pattern for the words before a telephone's number
(``fields_kinds.TEL_BEFORE``, the reference's score and the ranker's), and rounds 52 and
55's left date items (benchmarks/OCR.md, "Round 57"): "Dec 7, 26" (the month first, the
day's comma and a two-figure year) is a date where "7 Dec 26" is; "Ot." (a month's three
letters with the middle one lost, its point kept) is October where a day and a year stand
beside it, and no word of two letters ("No 12, 2026") is a month; the statement reader reads
a row's dated date as a letter's dates are read. On invented wording (a town, Harrowmere,
in an invented county, Esselshire). Each date that must be read failed on main's ``src`` at
7ae54482 (an archive of that commit, run against it; the negatives and the "as before"
cases pass on both); the table and pattern cases pin round 57's fold (each part reads as
the table it replaced)."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.unit.documents.reading_support import read_as

from cma_adapters.rules_assistant import fields_kinds, lookalike, ranker, statement_tables
from cma_adapters.rules_assistant.corpus import Cell
from cma_adapters.rules_assistant.fields_kinds import TEL_BEFORE, figure_read_as_letter
from cma_adapters.rules_assistant.values import parse_date
from cma_core.documents.model import DocumentClass

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Ms Perpetua Quennell"),),
    (Cell(0.08, "12 Lantern Yard"),),
    (Cell(0.08, "Harrowmere, Esselshire"),),
    (Cell(0.08, "EH7 2QN"),),
)


# -- one look-alike table ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("letters", "before"),
    [
        # (each reading's own table before round 57, which must read the same)
        (lookalike.NUMBER_LETTERS, str.maketrans("OoIl|SB", "0011158")),  # values._LOOKALIKE
        (lookalike.REFERENCE_LETTERS, str.maketrans("OQDILSBZG", "000115826")),  # _FIGURE_FOR
        (lookalike.ROW_DATE_LETTERS, str.maketrans("OoIl|", "00111")),  # statement_tables
        (lookalike.KEY_LETTERS, str.maketrans("OoIl", "0011")),  # layout._key
        (lookalike.CLAIM_LETTERS, str.maketrans("O", "0")),  # without_letter_o
    ],
)
def test_each_reading_s_part_reads_as_its_own_table_did(
    letters: str, before: dict[int, int]
) -> None:
    every = "".join(lookalike.FIGURE_FOR) + "0123456789 AaCcEe.,/-"
    assert lookalike.as_figures(every, letters) == every.translate(before)


def test_every_part_is_of_the_one_table() -> None:
    parts = [
        lookalike.REFERENCE_LETTERS,
        lookalike.NOUGHT_LETTERS,
        lookalike.NUMBER_LETTERS,
        lookalike.GLUED_LETTERS,
        lookalike.ROW_DATE_LETTERS,
        lookalike.KEY_LETTERS,
        lookalike.CLAIM_LETTERS,
    ]
    assert all(set(p) <= set(lookalike.FIGURE_FOR) for p in parts)
    assert set().union(*map(set, parts)) == set(lookalike.FIGURE_FOR)


@pytest.mark.parametrize(
    ("value", "text", "printed"),
    [
        ("ROJO944", "Ref ROJO944 ... file ROJ0944.pdf", "ROJ0944"),  # round 27's nought
        ("PEQ7430013", "Account PEQ7430013 | PE07430013", "PE07430013"),  # round 52's
        ("AK1S02274", "AK1S02274 and AK1502274", "AK1502274"),
        # (two noughts beside figures, a look-alike L before them: round 27 read the noughts
        # alone, which every look-alike together or one alone would not find)
        ("LO12O", "Ref LO12O; printed L0120 overleaf", "L0120"),
        ("PO12345", "Ref PO12345", None),  # (never printed with the figure: kept)
    ],
)
def test_a_reference_s_look_alike_letters_read_as_printed(
    value: str, text: str, printed: str | None
) -> None:
    assert figure_read_as_letter(value, text) == printed


def test_round_27_s_reader_is_folded_into_round_52_s() -> None:
    assert not hasattr(fields_kinds, "nought_read_as_o")


# -- one telephone label -------------------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        # (round 11's, the reference's score)
        "Tel", "Tel.", "Telephone:", "Phone", "Call", "Call us", "Call on", "Call us on",
        "Fax:", "Helpline", "Freephone", "Mobile",
        # (round 46's, the ranker's)
        "Tel no.", "Telephone number:", "Textphone", "Minicom", "Ring us on",
        "Text us on", "Phone them on", "call us free on",
    ],
)  # fmt: skip
def test_the_words_before_a_telephone_s_number_are_one_pattern(label: str) -> None:
    assert TEL_BEFORE.search(f"Harrowmere Loans {label} ")
    assert ranker.TEL_BEFORE is fields_kinds.TEL_BEFORE


@pytest.mark.parametrize(
    "text", ["Hotel", "Account number", "Our ref", "Calling card", "Telford Road"]
)
def test_words_that_give_no_telephone_s_number(text: str) -> None:
    assert not TEL_BEFORE.search(f"{text} ")


# -- "Dec 7, 26" -----------------------------------------------------------------------------

_DEC_7 = ("Dec 7, 26", "December 7th, 26", "DEC 07, 26", "Mon, Dec 7, 26")


@pytest.mark.parametrize("written", _DEC_7)
def test_the_month_first_and_a_two_figure_year_after_the_comma_is_a_date(written: str) -> None:
    assert parse_date(f"Dated {written}") == dt.date(2026, 12, 7)
    assert parse_date(f"Please pay by {written}.") == dt.date(2026, 12, 7)


@pytest.mark.parametrize("written", _DEC_7[:2])
def test_dec_7_26_is_the_letter_s_date_and_the_deadline(written: str) -> None:
    page = [
        (Cell(0.08, "Esselshire Home Credit Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, written),),
        (Cell(0.08, "Your loan account is in arrears."),),
        (Cell(0.08, f"Please pay the arrears by {written.replace('7', '21')}."),),
        (Cell(0.1, "Loan account"), Cell(0.55, "EHC-7730214")),
        (Cell(0.1, "Arrears"), Cell(0.55, "£286.40")),
    ]
    got = read_as(page, C.CREDITOR_LETTER)
    assert got.letter_date == dt.date(2026, 12, 7)
    assert got.deadline_date == dt.date(2026, 12, 21)


@pytest.mark.parametrize(
    "text",
    [
        "Dec 7, 26 payments of £12.00",  # (a count, as "16 May 12 payments" is)
        "Jan 5, 26.00",
        "Dec 7 26",  # (no comma: not written so)
        "Dec 7, 265",
    ],
)
def test_two_figures_after_a_month_and_day_that_are_no_year(text: str) -> None:
    assert parse_date(text) is None


# -- "Ot." -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Dated 12 Ot. 2026", dt.date(2026, 10, 12)),
        ("Ot. 12, 2026", dt.date(2026, 10, 12)),
        ("Please pay by 3 Ot. 2026.", dt.date(2026, 10, 3)),
        ("Dated 12.Ot.2026", dt.date(2026, 10, 12)),
        ("Dated 4 Nv. 2026", dt.date(2026, 11, 4)),
        ("Dated 4 Dc. 2026", dt.date(2026, 12, 4)),
    ],
)
def test_a_month_s_short_form_with_its_middle_letter_lost(text: str, date: dt.date) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    "text",
    [
        "No 12, 2026",
        "No. 12, 2026",
        "Ref No. 12, 2026",
        "Dated 12 No 2026",
        "Mr. 12, 2026",
        "My 12, 2026",
        "Dated 12 Jn. 2026",  # (January or June)
        "Dated 12 Ot 2026",  # (no point: no short form)
        "Dated 12 ot. 2026",  # (a month's name starts with a capital)
        "Ot. 2026",  # (no day)
        "Dated 32 Ot. 2026",  # (no such day)
        "Dated 12 Ot. 26",  # (a two-figure year: the rest of the date must say it is one)
    ],
)
def test_no_word_of_two_letters_is_a_month_without_a_date_round_it(text: str) -> None:
    assert parse_date(text) is None


def test_ot_is_the_letter_s_date() -> None:
    page = [
        (Cell(0.08, "Esselshire Home Credit Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Date: 12 Ot. 2026"),),
        (Cell(0.08, "Your loan account is in arrears."),),
        (Cell(0.1, "Loan account"), Cell(0.55, "EHC-7730214")),
        (Cell(0.1, "Arrears"), Cell(0.55, "£286.40")),
    ]
    assert read_as(page, C.CREDITOR_LETTER).letter_date == dt.date(2026, 10, 12)


# -- the statement reader's dated dates ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Dec 7, 26", dt.date(2026, 12, 7)),
        ("4th Dec '26", dt.date(2026, 12, 4)),
        ("Fri 4.XII.2026", dt.date(2026, 12, 4)),
        ("04/12/2026", dt.date(2026, 12, 4)),  # (as before)
        ("Jun 21, 2026", dt.date(2026, 6, 21)),  # (as before)
    ],
)
def test_a_statement_row_s_dated_date_is_read_as_a_letter_s(text: str, date: dt.date) -> None:
    assert statement_tables.parse_date(text, dt.date(2026, 12, 31)) == date


@pytest.mark.parametrize(
    ("text", "end", "date"),
    [
        ("04 Dec", dt.date(2026, 12, 31), dt.date(2026, 12, 4)),
        ("Dec 28", dt.date(2027, 1, 5), dt.date(2026, 12, 28)),  # (across New Year)
        ("O4/12", dt.date(2026, 12, 31), dt.date(2026, 12, 4)),  # (OCR's O for a nought)
    ],
)
def test_a_row_s_date_without_a_year_takes_the_statement_s(
    text: str, end: dt.date, date: dt.date
) -> None:
    assert statement_tables.parse_date(text, end) == date
