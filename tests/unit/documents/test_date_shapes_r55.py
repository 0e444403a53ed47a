"""Round 55: every ordinary way a UK letter writes a date, as a grid (not examples).

The grid is the product of independent axes (``AXES``), built by itertools, each cell one
date written in that shape and put in three invented settings: a sentence ("Dated <d>"), a
demand ("Please pay by <d>.") and a form's box whose value is the date alone. The dates
walk through 2025-2027 (every month, days 1-31 where the month has them), one a cell, so
the grid covers every month and every day without any one shape being tried on every date.
Every cell must be read by ``parse_date`` as its date. ``NEGATIVES`` are texts that must
not be read as a date (sort codes, phone numbers, amounts, times, versions, references,
impossible dates), and an all-figure date is always read day-month-year.

The axes and the cells they leave out (each for a stated reason, not a failure):

- day: plain, padded, an ordinal in lower case ("7th") or upper case ("7TH"); an ordinal
  only where the month is a word;
- month: figures (plain or padded), the full name, three letters with and without a full
  stop, "Sept" (September only); words in Title, UPPER and lower case;
- order: day-month-year; the year first (ISO 8601, figures joined by "-", padded); with a
  word month also month-day-year ("December 7, 2026", "Dec 7th 2026") and "the 7th of
  December 2026" (an ordinal day only);
- separators: "/", "-", ".", " " and none between figures (none: day and month padded and
  a four-figure year, "07122026"; a six-figure run is an account's or a reference's as
  often as a date's, so it is left out; figures with spaces take a four-figure year: "12
  10 26" may be three counts); space, "-" or "/" round a month word ("07-Dec-2026",
  "7/Dec/26"; an ordinal day takes a space);
- year: four figures, two figures, and "'26" (a word month's; "07/12/'26" is not written);
  month-first takes a four-figure year or "'26", or two figures after the day's comma
  ("Dec 7, 26", round 57; "Dec 7 26" is not written);
- a weekday before it: none, full or three letters, with or without a comma.

``benchmarks/date_shapes.py`` counts the failing cells by axis for whatever ``src`` is on
the path (the table in benchmarks/OCR.md, round 55).
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from collections.abc import Iterator

import pytest
from tests.unit.documents.reading_support import read_as

from cma_adapters.rules_assistant.corpus import Cell
from cma_adapters.rules_assistant.values import parse_date
from cma_core.documents.model import DocumentClass

DAYS = ("plain", "padded", "ordinal", "ORDINAL")
WORD_MONTHS = ("full", "abbr", "abbr.", "Sept")
CASES = ("Title", "UPPER", "lower")
WORD_ORDERS = ("d m y", "d-m-y", "d/m/y", "m d, y", "m d y", "the d of m y")
YEARS = ("2026", "26", "'26")
WEEKDAYS = ("none", "Monday", "Monday,", "Mon", "Mon,")
FIGURE_MONTHS = ("plain", "padded")
FIGURE_SEPARATORS = ("/", "-", ".", " ", "none")
FIGURE_ORDERS = ("d m y", "y-m-d")
SETTINGS = ("Dated {}", "Please pay by {}.", "{}")

AXES = {
    "day": DAYS,
    "month": ("figures", *WORD_MONTHS),
    "case": CASES,
    "order": (*WORD_ORDERS, "y-m-d"),
    "separator": FIGURE_SEPARATORS,
    "year": YEARS,
    "weekday": WEEKDAYS,
}


def _dates() -> list[dt.date]:
    first = dt.date(2025, 1, 1)
    return [first + dt.timedelta(days=n) for n in range(3 * 365 + 1)]


_ALL_DATES = _dates()
_SEPTEMBERS = [d for d in _ALL_DATES if d.month == 9]


def _suffix(day: int) -> str:
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _day(date: dt.date, form: str) -> str:
    if form == "plain":
        return str(date.day)
    if form == "padded":
        return f"{date.day:02d}"
    suffix = _suffix(date.day)
    return f"{date.day}{suffix if form == 'ordinal' else suffix.upper()}"


def _year(date: dt.date, form: str) -> str:
    return {"2026": str(date.year), "26": f"{date.year % 100:02d}"}.get(
        form, f"'{date.year % 100:02d}"
    )


def _cased(text: str, case: str) -> str:
    return {"UPPER": text.upper(), "lower": text.lower()}.get(case, text)


def _month_word(date: dt.date, form: str, case: str) -> str:
    word = {
        "full": calendar.month_name[date.month],
        "abbr": calendar.month_abbr[date.month],
        "abbr.": calendar.month_abbr[date.month] + ".",
        "Sept": "Sept",
    }[form]
    return _cased(word, case)


def _weekday(date: dt.date, form: str, case: str) -> str:
    if form == "none":
        return ""
    name = calendar.day_name[date.weekday()]
    word = name if form.startswith("Monday") else name[:3]
    return _cased(word, case) + ("," if form.endswith(",") else "") + " "


def _word_cells() -> Iterator[tuple[dict[str, str], str, str]]:
    """(axes, shape, weekday form) of every word-month cell the grid holds."""
    for day, month, order, year in itertools.product(DAYS, WORD_MONTHS, WORD_ORDERS, YEARS):
        ordinal = day in ("ordinal", "ORDINAL")
        if ordinal and order in ("d-m-y", "d/m/y"):
            continue  # ("7th-Dec-2026" is not written)
        if order == "the d of m y" and (not ordinal or year == "26"):
            continue  # ("the 7 of December", "the 7th of December 26": not written)
        if order == "m d y" and year == "26":
            continue  # ("Dec 7 26" is not written; "Dec 7, 26" is, round 57)
        for case, weekday in itertools.product(CASES, WEEKDAYS):
            axes = {
                "day": day,
                "month": month,
                "case": case,
                "order": order,
                "separator": {"d-m-y": "-", "d/m/y": "/"}.get(order, " "),
                "year": year,
                "weekday": weekday,
            }
            yield axes, order, weekday


def _figure_cells() -> Iterator[dict[str, str]]:
    for day, month, sep, year, order in itertools.product(
        ("plain", "padded"), FIGURE_MONTHS, FIGURE_SEPARATORS, ("2026", "26"), FIGURE_ORDERS
    ):
        padded = day == "padded" and month == "padded"
        if order == "y-m-d" and (sep != "-" or year != "2026" or not padded):
            continue  # (ISO 8601: "2026-12-07", nothing else)
        if sep == "none" and (not padded or year != "2026"):
            continue  # ("7122026", "071226": not a date's alone)
        if sep == " " and year != "2026":
            continue  # ("7 12 26" may be three counts)
        for weekday in WEEKDAYS:
            yield {
                "day": day,
                "month": "figures" if month == "plain" else "figures, padded",
                "case": "Title",
                "order": order,
                "separator": sep,
                "year": year,
                "weekday": weekday,
            }


def _written(date: dt.date, axes: dict[str, str]) -> str:
    case = axes["case"]
    weekday = _weekday(date, axes["weekday"], case)
    year = _year(date, axes["year"])
    if axes["month"].startswith("figures"):
        day = _day(date, axes["day"])
        month = str(date.month) if axes["month"] == "figures" else f"{date.month:02d}"
        if axes["order"] == "y-m-d":
            return f"{weekday}{year}-{month}-{day}"
        sep = "" if axes["separator"] == "none" else axes["separator"]
        return f"{weekday}{day}{sep}{month}{sep}{year}"
    day = _day(date, axes["day"])
    if axes["day"] == "ORDINAL" or case == "UPPER":
        day = day.upper()
    month = _month_word(date, axes["month"], case)
    order = axes["order"]
    if order == "m d, y":
        return f"{weekday}{month} {day}, {year}"
    if order == "m d y":
        return f"{weekday}{month} {day} {year}"
    if order == "the d of m y":
        return f"{weekday}{_cased('the', case)} {day} {_cased('of', case)} {month} {year}"
    sep = axes["separator"]
    return f"{weekday}{day}{sep}{month}{sep}{year}"


def grid() -> list[tuple[dict[str, str], dt.date, str]]:
    """Every cell: its axes, its date and the date as written (no setting yet)."""
    cells: list[dict[str, str]] = [axes for axes, _, _ in _word_cells()]
    cells += list(_figure_cells())
    out = []
    for k, axes in enumerate(cells):
        pool = _SEPTEMBERS if axes["month"] == "Sept" else _ALL_DATES
        date = pool[(k * 37) % len(pool)]
        out.append((axes, date, _written(date, axes)))
    return out


GRID = grid()


def failing(cells: list[tuple[dict[str, str], dt.date, str]]) -> list[tuple[dict[str, str], str]]:
    """The cells (and the setting) ``parse_date`` does not read as their date."""
    wrong = []
    for axes, date, written in cells:
        for setting in SETTINGS:
            text = setting.format(written)
            if parse_date(text) != date:
                wrong.append((axes, text))
                break
    return wrong


def _groups() -> dict[str, list[tuple[dict[str, str], dt.date, str]]]:
    groups: dict[str, list[tuple[dict[str, str], dt.date, str]]] = {}
    for cell in GRID:
        axes = cell[0]
        key = f"{axes['month']}|{axes['order']}|{axes['separator']}|{axes['day']}|{axes['year']}"
        groups.setdefault(key, []).append(cell)
    return groups


_GROUPS = _groups()


def test_the_grid_covers_every_month_and_every_day() -> None:
    dates = {date for _, date, _ in GRID}
    assert {d.month for d in dates} == set(range(1, 13))
    assert {d.day for d in dates} == set(range(1, 32))
    assert len(GRID) > 2000


@pytest.mark.parametrize("group", sorted(_GROUPS))
def test_every_cell_is_read_as_its_date(group: str) -> None:
    wrong = failing(_GROUPS[group])
    assert not wrong, f"{len(wrong)} of {len(_GROUPS[group])}: {[t for _, t in wrong[:6]]}"


# -- what must not be read as a date ---------------------------------------------------
NEGATIVES = (
    "Sort code 20-45-12",
    "Sort code: 12-10-26",
    "Your sort code 12-10-26 and account 41236677",
    "Call us on 0121 496 0123",
    "Phone 01632 960123 between 9am and 5pm",
    "Mobile 07700 900123",
    "Helpline 0300 123 1234",
    "The fee is £12.10",
    "Pay 12.10 a week",
    "Balance 1,210.26",
    "REF 12/10/2026-A",
    "Our ref: 12/10/2026/7",
    "Reference AB/12/10/2026",
    "Call between 9.30 and 12.30",
    "The office opens at 12.30 on weekdays",
    "Version 12.10.26",
    "Software v2.10.26",
    "Dated 31/02/2026",
    "Dated 13/13/26",
    "Dated 30 February 2026",
    "Dated 32/01/2026",
    "Dated 29/02/2026",
    "Please pay by 12/25/2026.",
    "Dated 00/12/2026",
    # eight figures after a number's label are that number, not a DDMMYYYY date
    "Account number 12031985",
    "Account no: 15062011",
    "Bank account 31011999",
    "Membership number 01011970",
    "Card no. 10122025",
    "Customer ID 07122026",
    "Policy 01022024",
)


@pytest.mark.parametrize("text", NEGATIVES)
def test_what_is_no_date_is_not_read_as_one(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Dated 03/04/2026", dt.date(2026, 4, 3)),
        ("Dated 3-4-26", dt.date(2026, 4, 3)),
        ("Dated 03.04.2026", dt.date(2026, 4, 3)),
        ("Dated 03 04 2026", dt.date(2026, 4, 3)),
        ("Dated 03042026", dt.date(2026, 4, 3)),
        ("Dated 11/12/26", dt.date(2026, 12, 11)),
        ("Dated 12/11/2026", dt.date(2026, 11, 12)),
    ],
)
def test_a_figure_date_is_day_month_year(text: str, date: dt.date) -> None:
    """Never the American month first: "03/04/2026" is 3 April."""
    assert parse_date(text) == date


# -- a shape new to the reader becomes each field's candidate ---------------------------
_ADDRESSEE = (
    (Cell(0.08, "Mr Odran Pellethwaite"),),
    (Cell(0.08, "4 Quillfeather Row"),),
    (Cell(0.08, "Tamberley, Wendmoor"),),
    (Cell(0.08, "WM3 8LR"),),
)

# Shapes the reader did not read before round 55 (each failed on main's src): a weekday
# and its comma before an unpadded figure date with hyphens and a two-figure year; the
# month first, an ordinal in capitals and an apostrophe's short year; a month's three
# letters and its full stop between slashes.
_NEW_SHAPES = (
    ("Mon, 7-12-26", dt.date(2026, 12, 7)),
    ("THURSDAY, SEPT 3RD, '26", dt.date(2026, 9, 3)),
    ("Thu 21/Aug./2025", dt.date(2025, 8, 21)),
)


@pytest.mark.parametrize(("written", "date"), _NEW_SHAPES)
def test_a_new_shape_is_the_letter_s_date(written: str, date: dt.date) -> None:
    page = [
        (Cell(0.08, "Wendmoor Card Services Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Date of letter"),),
        (Cell(0.08, written),),
        (Cell(0.08, "Your card account is in arrears."),),
        (Cell(0.1, "Account"), Cell(0.55, "WCS-5520918")),
        (Cell(0.1, "Arrears"), Cell(0.55, "£412.66")),
    ]
    got = read_as(page, DocumentClass.CREDITOR_LETTER)
    assert got.letter_date == date


@pytest.mark.parametrize(("written", "date"), _NEW_SHAPES)
def test_a_new_shape_is_the_deadline(written: str, date: dt.date) -> None:
    page = [
        (Cell(0.08, "Wendmoor Card Services Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your card account is in arrears."),),
        (Cell(0.08, f"Please pay the arrears by {written}."),),
        (Cell(0.1, "Account"), Cell(0.55, "WCS-5520918")),
        (Cell(0.1, "Arrears"), Cell(0.55, "£412.66")),
    ]
    got = read_as(page, DocumentClass.CREDITOR_LETTER)
    assert got.deadline_date == date


@pytest.mark.parametrize(("written", "date"), _NEW_SHAPES)
def test_a_new_shape_is_the_served_date(written: str, date: dt.date) -> None:
    page = [
        (Cell(0.08, "Civil National Business Centre", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Claim form"),),
        (Cell(0.1, "Claim number"), Cell(0.55, "L4QW82TX")),
        (Cell(0.1, "Amount claimed"), Cell(0.55, "£1,930.00")),
        (Cell(0.1, "Deemed served on"), Cell(0.55, written)),
    ]
    got = read_as(page, DocumentClass.COURT_CLAIM_N1)
    assert got.served_date == date
