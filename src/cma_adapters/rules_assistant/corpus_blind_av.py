# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AV``, written blind: a forty-first measure of how the reader
generalises, in a forty-first hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I``,
``J``, ``AA`` to ``AL``, ``AN`` to ``AU``).

``AV`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``values_found``, ``money``, ``encode_pages``), the shared page
engine (``corpus_print``), the shared test helpers, family AS's module and tests (and the
commits that registered and measured AS, as the task allowed) and, by grep only, the other
families' modules and benchmarks/OCR.md's headings for place names, bodies, setting words,
date shapes and scan words, to avoid them -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``, ``prose.py``,
``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``statement_tables.py``, ``label_learning.py``, ``read_families.py``,
the rankers, the Tesseract extractor, the locator, the creditor directory), its reading
tests, nor any account of its misses, nor the modules, tests or OCR.md sections of the
blind families Y, I, AH, AT and AU beyond what grep needed. It is never used to write
rules, to train or calibrate the classifier or the field ranker (``build_corpus`` never
yields it), nor to choose models: it is measured, and only the aggregate figures go into
benchmarks/OCR.md. Whoever reads its individual misses to change the reader makes ``AV``
no longer blind and must say so there. (Family AW was written by another hand at the same
time; neither saw the other's.)

**AV is no longer blind since round 42** (branch ``reader42``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AV
from then on is a training-side figure (benchmarks/OCR.md, "Round 42").

The task suggested Torbay; grep found none of Torbay, Paignton, Brixham, Babbacombe,
Goodrington, Churston, Galmpton, Shiphay, Wellswood, Meadfoot, Berry Head or Newton Abbot
in any family, but AD named the County Court at Torquay (and Devon), so no name here says
Torquay: ``AV`` is set in Torbay (Paignton and Brixham) under the law of England and
Wales, its judgment from the County Court at Newton Abbot, its claim from the County Court
Business Centre; so:

* who writes: a Brixham collection agency's letters for a card firm and a Paignton car
  finance firm's arrears letters; a claim form for a Goodrington lender's loan and a
  judgment for a broadband firm's charges; enforcement agents (a notice of enforcement
  under a writ of control, or under the council's liability order: both enforcement); a
  marine chandlery's statutory demand; Torbay Council's council tax and its Housing
  Benefit overpayment; a gas and power supplier's bill; a water company's arrears; a
  magistrates' court fine; a debt purchaser buying a doorstep loan; a building society; a
  housing trust; a pay-later app and a home shopping catalogue; solicitors for a boatyard
  (mooring fees); Carer's Allowance and Attendance Allowance (the DWP); a fish processor
  and a holiday park as employers; a bank's current account and a credit union's; a gig
  rowing club and a pier lantern parade;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **huts**: each fact in a beach hut (a pitched roof over a planked front, the label
    small over the value, centred), three huts a row (two where a value is long);
  - **timetable**: a bus timetable's ruled grid, the facts its stops (a stop on a route
    line at the left, the label as the stop's name, the value under "Due" beside it);
  - **menu**: a café's menu board in a wooden frame, each label at the left with dotted
    leaders running to its value at the right, as to a price;
  - **shiplog**: a ship's log book, ruled, with a column of watches (forenoon, afternoon,
    first dog...) beside the remarks (the label) and the entry (the value);
  - **stickies**: a stack of overlapping sticky notes of four colours, each one stuck a
    little lower and further right than the last, the label small over the value;
  - **filmstrip**: strips of film with sprocket holes along both edges, each fact in a
    frame (the label small over the value), three frames a strip (two where a value is
    long);
  payslips for a fish processor (hours on the line and an early-start premium, weekly or
  fortnightly, earnings listed and then what is taken off) or a holiday park (a table of
  description, hours, rate and amount, the deductions in brackets, monthly or four-weekly);
  bank statements from a bank's current account (out, in and balance columns) or a credit
  union's savings ledger (each entry signed + or -);
* faces: Carlito under Caladea Bold headings, Liberation Sans Narrow under DejaVu Serif
  Bold headings, Open Sans Light under Liberation Sans Narrow Bold headings, 9.5 to 10.5
  pt; each italic the body's own;
* dates as "DECEMBER 4, 2026" (the month in full capitals first, a comma before the year)
  and "Fri 4.12.26" (the weekday cut, day and month unpadded between full stops, the year
  cut); amounts as "£1,234.56" and, in tables and cells, "1,234.56";
* scans new to the families: a phone photo with the sun in the lens (a bright washed-out
  corner and a chain of coloured ghost discs across the page; 300 dpi colour PNG, its
  resolution at even indexes); a photo of the page on a beach with a pebble holding it
  down (a grey, shaded stone and its shadow over lines that hold no true value; 200 dpi
  colour baseline JPEG without a resolution); a page taped to a wall at its corners with
  masking tape (a translucent, fibrous strip with torn ends across each corner; 250 dpi
  greyscale, as a one-page PDF).

What grep found taken, before any measuring: the task's picture postcard (V has a
"postcard" setting, a reminder on a half sheet), so the beach huts replace it; its
coffee-ring stain (P's and V's), its torn-off corner with a staple hole (R's torn-off
corner, P's staple shadow) and its feeder skew with motion smear (X's slipping feeder's
vertical motion blur; AG's and AQ's feeders), so the three scans above replace them.
Others' words that are near but not the same: Z names a class timetable in prose and a
sticky note as a scan mark (never a setting of notes); O, R and AP set dotted leaders
(never on a menu board); V's dot-matrix pages have sprocket holes and AT scanned an
overhead-projector film (never a strip of frames); AD names a walker's logbook (never a
ship's); "£1,234.56" and "1,234.56" are many families'; the fonts are the families' fonts
(in pairings not checked exhaustively against theirs).

Ground truth follows L's to AS's conventions: ``creditor_name`` is whoever is owed now (the
agency's client, the claimant, the judgment creditor, the council behind a liability
order, a solicitor's client, the assignee of a sold debt, the council for its Housing
Benefit overpayment); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on the claim and the judgment the
claimant's own reference; the enforcement agents' their own case number);
``court_claim_number`` the claim number; ``balance_pence`` what is owed now;
``letter_date`` the document's own date; ``deadline_date`` and ``served_date`` only where
printed. Payslips give the payer, net and gross pay, pay date and frequency; benefit
letters the payer, the amount paid each time, the date and the frequency; a bank statement
its date."""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Callable, Sequence

import numpy as np
from attrs import frozen
from PIL import Image, ImageDraw, ImageFilter

from cma_adapters.rules_assistant.corpus import (
    C,
    Cell,
    Sample,
    Truth,
    encode_pages,
    money,
    values_found,
)
from cma_adapters.rules_assistant.corpus_blind_s import digits, later, letters, owes
from cma_adapters.rules_assistant.corpus_print import (
    Faces,
    Printer,
    PrintSheet,
    Rect,
    build_printed,
    ct,
    rt,
    t,
)
from cma_core.documents.model import DocumentClass, PageText

FAMILY = "AV"

PEOPLE = (
    ("Mrs", "Tamsin", "Pengelly-Rowe"),
    ("Mr", "Jago", "Widdicombe"),
    ("Ms", "Oksana", "Hrytsenko"),
    ("Mr", "Darren", "Lethbridge"),
)
ADDRESSES = (
    ("22 Higher Ranscombe Road", "Brixham", "TQ5 9HF"),
    ("Flat 3, 41 Cliff Park Avenue", "Paignton", "TQ4 6LT"),
    ("8 Furzeham Steps", "Brixham", "TQ5 8BN"),
    ("Flat B, 17 Goodrington Crescent", "Paignton", "TQ4 7JP"),
)

# -- date and money shapes -------------------------------------------------------------------


def caps_month_first(date: dt.date) -> str:
    """DECEMBER 4, 2026: the month in full capitals first, a comma before the year."""
    return f"{date:%B} {date.day}, {date.year}".upper()


def weekday_dots(date: dt.date) -> str:
    """Fri 4.12.26: the weekday cut, day and month unpadded between full stops, the year cut."""
    return f"{date:%a} {date.day}.{date.month}.{date:%y}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (caps_month_first, weekday_dots)
"""The shapes a document's dates take (one a document)."""
ALL_SHAPES = DATE_SHAPES


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Paid each Friday, weekly", "every week"),
    "fortnightly": ("Paid fortnightly on alternate Thursdays", "every two weeks"),
    "four_weekly": ("Paid every four weeks in arrears", "every four weeks"),
    "monthly": ("Paid monthly on the 28th", "every month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AV prints a true value (to check it is on the page, or in an OCR text)."""
    if isinstance(value, dt.date):
        return tuple(shape(value) for shape in ALL_SHAPES)
    if isinstance(value, int):
        return (money(value), plain(value))
    if field == "frequency":
        return FREQUENCY_SHOWN[str(value)]
    text = str(value)
    return (text, text.replace(" ", ""))


def values_in_text(truth: Truth, text: str) -> tuple[int, int]:
    """How many of the true values (every field but the class) appear in ``text``, of how
    many: case and line breaks ignored."""
    return values_found(truth, text, printed_forms)


# -- faces and sheets ------------------------------------------------------------------------

SMALL = 7.5
_CX = "/usr/share/fonts/truetype/crosextra/"
_DV = "/usr/share/fonts/truetype/dejavu/"
_OS = "/usr/share/fonts/truetype/open-sans/"
_LB = "/usr/share/fonts/truetype/liberation/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "carlito": {
        (False, False): _CX + "Carlito-Regular.ttf",
        (True, False): _CX + "Caladea-Bold.ttf",
        (False, True): _CX + "Carlito-Italic.ttf",
        (True, True): _CX + "Caladea-BoldItalic.ttf",
    },
    "narrow": {
        (False, False): _LB + "LiberationSansNarrow-Regular.ttf",
        (True, False): _DV + "DejaVuSerif-Bold.ttf",
        (False, True): _LB + "LiberationSansNarrow-Italic.ttf",
        (True, True): _DV + "DejaVuSerif-BoldItalic.ttf",
    },
    "light": {
        (False, False): _OS + "OpenSans-Light.ttf",
        (True, False): _LB + "LiberationSansNarrow-Bold.ttf",
        (False, True): _OS + "OpenSans-LightItalic.ttf",
        (True, True): _LB + "LiberationSansNarrow-BoldItalic.ttf",
    },
}
"""Each body face under headings of another family: Carlito under Caladea Bold, Liberation
Sans Narrow under DejaVu Serif Bold, Open Sans Light under Liberation Sans Narrow Bold;
each italic the body's own."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)

INK = (28, 26, 24)
PASTELS = ((206, 228, 246), (250, 214, 214), (214, 240, 214), (250, 238, 196))
"""Beach huts' fronts (blue, pink, green, yellow), lighter than their planks."""
NOTES = ((252, 244, 160), (252, 206, 222), (204, 240, 208), (196, 226, 252))
"""Sticky notes: yellow, pink, green and blue."""


@frozen
class Style:
    face: str = "carlito"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("carlito", 10.5), Style("narrow", 10.0), Style("light", 9.5))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind``: "rule" (across above row ``row`` from ``x0`` to ``x1``, ``shade`` its grey),
    "hut" (a beach hut from ``x0`` to ``x1`` over rows ``row``..``last``, its roof over the
    row above, ``shade`` its colour), "band" (a timetable's or log's heading band), "route"
    (a route line at ``x0`` down rows ``row``..``last``), "stop" (a stop on it at ``x0``,
    row ``row``), "grid" (vertical rules at ``xs`` and a frame from ``x0`` to ``x1`` over
    rows ``row``..``last``), "board" (a menu board in its frame), "leader" (dotted leaders
    on row ``row`` from ``x0`` to ``x1``), "log" (a log book's ruling: a line under every
    row, red double rules at ``xs``), "note" (a sticky note, ``shade`` its colour),
    "strip" (a strip of film with sprocket holes along its first and last rows) and
    "frame" (a frame on it)."""

    kind: str
    row: int
    x0: float
    x1: float = 0.0
    last: int | None = None
    shade: int = 24
    xs: tuple[float, ...] = ()


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Mark] = []

    def rule(self, x0: float = 0.08, x1: float = 0.92, shade: int = 24) -> Sheet:
        self.rules.append(Mark("rule", len(self.rows), x0, x1, shade=shade))
        return self

    def beside(self, *columns: Sequence[tuple[Cell, ...]]) -> Sheet:
        """Columns of rows set side by side."""
        for n in range(max(len(c) for c in columns)):
            self.add(tuple(cell for c in columns if n < len(c) for cell in c[n]))
        return self


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def balance(rng: random.Random, low: int = 5_800, high: int = 690_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    """A working day (letters and court papers are not dated at the weekend)."""
    day = dt.date(2025, 1, 13) + dt.timedelta(days=rng.randrange(680))
    return day + dt.timedelta(days=7 - day.weekday() if day.weekday() >= 5 else 0)


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The line at the foot of every page."""
    team: str = "Customer Accounts"


Fact = tuple[str, object]
"""A label and its raw value: pence (int), a date, or words (str)."""


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the labelled facts
    as raw values (the first money fact the one the letter is about); ``paras`` the
    prose."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[Fact]
    paras: Sequence[str]
    date_label: str = "Date"


def shown(letter: Letter, value: object) -> str:
    if isinstance(value, dt.date):
        return letter.when(value)
    if isinstance(value, int):
        return pounds(value)
    return str(value)


def person(rng: random.Random) -> tuple[tuple[str, str, str], list[str]]:
    """((title, first name, surname), address lines)."""
    title, first, surname = rng.choice(PEOPLE)
    return (title, first, surname), [f"{title} {first} {surname}", *rng.choice(ADDRESSES)]


def _rows(letter: Letter) -> list[tuple[str, str]]:
    """The letter's date, its reference and its facts as (label, shown value)."""
    rows = [(letter.date_label, letter.when(letter.date)), (letter.ref_label, letter.ref)]
    return rows + [(label, shown(letter, value)) for label, value in letter.facts]


def _foot(page: Sheet, org: Org) -> None:
    page.foot = len(page.rows)
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    for row in page.wrapped(text, 0.1, 0.9, size=SMALL - 1):
        page.add((ct(0.5, row[0].text, size=SMALL - 1),))


def _bold(page: Sheet, text: str, x: float, right: float, size: float, align: str = "left") -> list[tuple[Cell, ...]]:  # fmt: skip
    """``text`` in bold lines that fit between ``x`` and ``right`` (measured in the bold
    face, which the page engine's wrapping does not)."""
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and x + FONTS.length(page.style, trial, size, True) > right:
            lines.append(word)
        elif lines:
            lines[-1] = trial
        else:
            lines.append(word)
    if align == "centre":
        return [(ct((x + right) / 2, line, True, size=size),) for line in lines]
    if align == "right":
        return [(rt(right, line, True, size=size),) for line in lines]
    return [(t(x, line, True, size=size),) for line in lines]


def _small(page: Sheet, text: str, x: float, right: float, centre: bool = False) -> list[tuple[Cell, ...]]:  # fmt: skip
    rows = page.wrapped(text, x, right, size=SMALL)
    if centre:
        return [(ct((x + right) / 2, r[0].text, size=SMALL),) for r in rows]
    return list(rows)


def _head(page: Sheet, org: Org, style: Style) -> None:
    """The name in the heading face at the left, the address and telephone stacked small
    at the right, then a rule."""
    name = _bold(page, org.name, 0.08, 0.56, style.point + 3)
    where = [(rt(0.92, org.street, size=SMALL),), (rt(0.92, org.town, size=SMALL),), (rt(0.92, f"Telephone {org.phone}", size=SMALL),)]  # fmt: skip
    page.beside(name, where)
    page.rule(0.08, 0.92, 70)
    page.gap()


def _opening(page: Sheet, rng: random.Random, letter: Letter) -> None:
    """The address, the title and the greeting."""
    (title, _, surname), lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add(*_bold(page, letter.title, 0.08, 0.92, page.style.point + 1)).gap()
    page.add((t(0.08, f"Dear {title} {surname},"),)).gap()


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _sign(page: Sheet, org: Org) -> None:
    page.add((t(0.08, "Yours sincerely"),)).gap()
    page.add((t(0.08, org.team, True),))


def _start(rng: random.Random, style: Style, letter: Letter) -> Sheet:
    page = Sheet(style)
    _head(page, letter.org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    return page


def _end(page: Sheet, letter: Letter) -> list[Sheet]:
    _prose(page, letter.paras[1:])
    _sign(page, letter.org)
    _foot(page, letter.org)
    return [page]


def _fits(style: Style, values: Sequence[str], width: float) -> bool:
    return all(FONTS.length(style, value, SMALL + 1.5, True) <= width for value in values)


# -- the six settings ---------------------------------------------------------------------------

HUTS3 = ((0.1, 0.34), (0.38, 0.62), (0.66, 0.9))
HUTS2 = ((0.12, 0.48), (0.52, 0.88))


def _huts(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Each fact in a beach hut (the label small over the value, centred), three huts a
    row (two where a value would not fit), each row under its roofs."""
    page = _start(rng, style, letter)
    pairs = _rows(letter)
    k = 0
    while pairs:
        spans: tuple[tuple[float, float], ...] = HUTS3
        if not _fits(style, [v for _, v in pairs[:3]], HUTS3[0][1] - HUTS3[0][0] - 0.03):
            spans = HUTS2
        group, pairs = pairs[: len(spans)], pairs[len(spans) :]
        page.gap()
        top = len(page.rows)
        fronts = [[*_small(page, label, x0 + 0.015, x1 - 0.015, centre=True), *_bold(page, value, x0 + 0.015, x1 - 0.015, SMALL + 1.5, "centre"), ()] for (label, value), (x0, x1) in zip(group, spans, strict=False)]  # fmt: skip
        page.beside(*fronts)
        for x0, x1 in spans[: len(group)]:
            page.rules.append(Mark("hut", top, x0, x1, last=len(page.rows) - 1, shade=k % len(PASTELS)))  # fmt: skip
            k += 1
    page.gap()
    return _end(page, letter)


STOP, NAME, DUE = 0.14, 0.19, 0.6


def _timetable(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A bus timetable's ruled grid: each fact a stop on the route line at the left, the
    label as the stop's name and the value under "Due" beside it."""
    page = _start(rng, style, letter)
    top = len(page.rows)
    page.add((t(NAME, "Stop", True, size=SMALL + 1), t(DUE + 0.01, "Due", True, size=SMALL + 1)))
    page.rules.append(Mark("band", top, 0.1, 0.9))
    first = len(page.rows)
    for label, value in _rows(letter):
        page.rule(0.1, 0.9, 90)
        row = len(page.rows)
        page.beside(page.wrapped(label, NAME, DUE - 0.02), _bold(page, value, DUE + 0.01, 0.89, style.point))  # fmt: skip
        page.rules.append(Mark("stop", row, STOP))
    page.rules.append(Mark("route", first, STOP, last=len(page.rows) - 1))
    page.rules.append(Mark("grid", top, 0.1, 0.9, last=len(page.rows) - 1, xs=(NAME - 0.01, DUE)))  # fmt: skip
    page.gap(2)
    return _end(page, letter)


BOARD = (0.12, 0.88)


def _menu(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A café's menu board in a wooden frame: each label at the left, dotted leaders to its
    value at the right (on the next line where both would not fit on one)."""
    page = _start(rng, style, letter)
    a, b = BOARD[0] + 0.05, BOARD[1] - 0.05
    top = len(page.rows)
    page.gap()
    for label, value in _rows(letter):
        used = FONTS.length(style, label, style.point)
        length = FONTS.length(style, value, style.point, True)
        if a + used + 0.06 + length <= b:
            page.rules.append(Mark("leader", len(page.rows), a + used + 0.01, b - length - 0.01))
            page.add((t(a, label), rt(b, value, True)))
        else:
            page.add(*page.wrapped(label, a, b))
            for cells in _bold(page, value, a + 0.12, b, style.point, "right"):
                width = FONTS.length(style, cells[0].text, style.point, True)
                page.rules.append(Mark("leader", len(page.rows), a + 0.02, b - width - 0.01))
                page.add(cells)
    page.gap()
    page.rules.append(Mark("board", top, BOARD[0], BOARD[1], last=len(page.rows) - 1))
    page.gap()
    return _end(page, letter)


WATCHES = ("Middle", "Morning", "Forenoon", "Afternoon", "First dog", "Last dog", "First")
LOG = (0.08, 0.23, 0.6, 0.92)
"""The log's edges: the watch column, the remarks (labels), the entries (values)."""


def _shiplog(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A ship's log book: ruled lines, red double rules between a column of watches, the
    remarks (the label) and the entry (the value)."""
    page = _start(rng, style, letter)
    left, mid, right, end = LOG
    top = len(page.rows)
    page.add((t(left + 0.01, "Watch", True, size=SMALL + 1), t(mid + 0.01, "Remarks", True, size=SMALL + 1), t(right + 0.01, "Entry", True, size=SMALL + 1)))  # fmt: skip
    page.rules.append(Mark("band", top, left, end))
    start = rng.randrange(len(WATCHES))
    for k, (label, value) in enumerate(_rows(letter)):
        watch = [(t(left + 0.01, WATCHES[(start + k) % len(WATCHES)], size=SMALL, italic=True),)]
        page.beside(watch, page.wrapped(label, mid + 0.01, right - 0.01), _bold(page, value, right + 0.01, end - 0.01, style.point))  # fmt: skip
    page.rules.append(Mark("log", top, left, end, last=len(page.rows) - 1, xs=(mid, right)))
    page.gap(2)
    return _end(page, letter)


NOTE = 0.4
STEPS = (0.1, 0.27, 0.44)


def _stickies(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A stack of sticky notes, each stuck a little lower and to the right of the last (its
    top over the last one's foot), the label small over the value."""
    page = _start(rng, style, letter)
    page.gap()
    colour = rng.randrange(len(NOTES))
    for k, (label, value) in enumerate(_rows(letter)):
        x0 = STEPS[k % len(STEPS)]
        x1 = x0 + NOTE
        top = len(page.rows) - 1
        page.add(*_small(page, label, x0 + 0.02, x1 - 0.02))
        page.add(*_bold(page, value, x0 + 0.02, x1 - 0.02, SMALL + 2))
        page.gap()
        page.rules.append(Mark("note", top, x0, x1, last=len(page.rows) - 1, shade=(colour + k) % len(NOTES)))  # fmt: skip
    page.gap()
    return _end(page, letter)


FRAMES3 = ((0.11, 0.36), (0.375, 0.625), (0.64, 0.89))
FRAMES2 = ((0.11, 0.495), (0.505, 0.89))


def _filmstrip(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Strips of film with sprocket holes along both edges, a fact in each frame (label
    small over the value), three frames a strip (two where a value would not fit)."""
    page = _start(rng, style, letter)
    pairs = _rows(letter)
    while pairs:
        spans: tuple[tuple[float, float], ...] = FRAMES3
        if not _fits(style, [v for _, v in pairs[:3]], FRAMES3[0][1] - FRAMES3[0][0] - 0.03):
            spans = FRAMES2
        group, pairs = pairs[: len(spans)], pairs[len(spans) :]
        top = len(page.rows)
        page.gap()
        frames = [[*_small(page, label, x0 + 0.015, x1 - 0.015), *_bold(page, value, x0 + 0.015, x1 - 0.015, SMALL + 1.5)] for (label, value), (x0, x1) in zip(group, spans, strict=False)]  # fmt: skip
        page.beside(*frames)
        inner = len(page.rows) - 1
        page.gap()
        page.rules.append(Mark("strip", top, 0.08, 0.92, last=len(page.rows) - 1))
        for x0, x1 in spans[: len(group)]:
            page.rules.append(Mark("frame", top + 1, x0, x1, last=inner))
        page.gap()
    return _end(page, letter)


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "huts": _huts,
    "timetable": _timetable,
    "menu": _menu,
    "shiplog": _shiplog,
    "stickies": _stickies,
    "filmstrip": _filmstrip,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    kind = kinds[i % 2]
    style = STYLES[(i + len(letter.title)) % len(STYLES)]
    sheets = KINDS[kind](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    """One shape a document."""
    return rng.choice(DATE_SHAPES)


# -- organisations (none named by another family but the state's and the courts') --------------


def _ltd(name: str, number: str, office: str, extra: str = "") -> str:
    return f"{name}, a company registered in England and Wales (no. {number}); registered office {office}.{extra}"  # fmt: skip


FCA = " We are authorised and regulated by the Financial Conduct Authority."
AGENCY = Org("Berry Head Recoveries Ltd", "Harbourside House, 3 The Strand", "Brixham TQ5 8EH", "01803 855 407",
             _ltd("Berry Head Recoveries Ltd", "10448217", "3 The Strand, Brixham TQ5 8EH", FCA), "Collections Team")  # fmt: skip
CARD = Org("Daymark Card Services Ltd", "PO Box 4471", "Paignton TQ3 9ZF", "0345 711 3026",
           _ltd("Daymark Card Services Ltd", "08817362", "Victoria Square, Paignton TQ4 5EJ", FCA))  # fmt: skip
MOTORS = Org("Oldway Vehicle Finance Ltd", "Customer Care, Oldway Business Park", "Paignton TQ3 2SR", "01803 662 519",
             _ltd("Oldway Vehicle Finance Ltd", "09271544", "Oldway Business Park, Paignton TQ3 2SR", FCA), "Customer Care")  # fmt: skip
CCBC = "County Court Business Centre"
CLAIMS = Org(CCBC, "St Katharine's House, 21-27 St Katharine's Street", "Northampton NN1 2LH", "0300 123 1057",
             "County Court Business Centre. Write the claim number on anything you send to the court.", "Court Manager")  # fmt: skip
ABBOT = "County Court at Newton Abbot"
JUDGMENTS = Org(ABBOT, "Newton Abbot Justice Centre, Devon Square", "Newton Abbot TQ12 2HD", "0300 123 5601",
                "County Court at Newton Abbot. The court office is open from 10am to 4pm.", "Court Office")  # fmt: skip
LENDER = Org("Goodrington Personal Loans Ltd", "PO Box 3309", "Paignton TQ4 9ZL", "0333 015 8842",
             _ltd("Goodrington Personal Loans Ltd", "11390652", "Dartmouth Road, Paignton TQ4 6NG", FCA))  # fmt: skip
FIBRE = Org("Churston Fibre Ltd", "Billing, 12 Bascombe Road", "Churston Ferrers TQ5 0JP", "01803 844 271",
            _ltd("Churston Fibre Ltd", "12066403", "12 Bascombe Road, Churston Ferrers TQ5 0JP"))  # fmt: skip
AGENTS = Org("Shoalstone Enforcement Agents Ltd", "Enforcement Office, Unit 4 Long Road", "Paignton TQ4 7PR", "01803 559 830",
             _ltd("Shoalstone Enforcement Agents Ltd", "07731925", "Unit 4 Long Road, Paignton TQ4 7PR", " Our agents hold certificates under the Tribunals, Courts and Enforcement Act 2007."), "Enforcement Office")  # fmt: skip
TORBAY = "Torbay Council"
TAX = Org(TORBAY, "Council Tax, Town Hall, Castle Circus", "Torbay TQ1 3DR", "01803 207 201",
          "Torbay Council collects council tax for the council, the police and crime commissioner and the fire authority.", "Revenues Team")  # fmt: skip
BENEFITS = Org(TORBAY, "Housing Benefit, Town Hall, Castle Circus", "Torbay TQ1 3DR", "01803 207 305",
               "Torbay Council recovers Housing Benefit it paid that it should not have paid.", "Benefit Recovery")  # fmt: skip
CHANDLERY = Org("Breakwater Marine Chandlery Ltd", "Accounts, Breakwater Hard", "Brixham TQ5 9BW", "01803 851 662",
                _ltd("Breakwater Marine Chandlery Ltd", "05538104", "Breakwater Hard, Brixham TQ5 9BW"), "Accounts")  # fmt: skip
POWER = Org("Riviera Gas and Power Ltd", "PO Box 7735", "Paignton TQ4 9YB", "0800 046 2815",
            _ltd("Riviera Gas and Power Ltd", "10902271", "Torbay Road, Paignton TQ4 6AF"), "Billing Team")  # fmt: skip
WATER = Org("Occombe Valley Water plc", "Customer Accounts, Occombe Works", "Paignton TQ3 1RN", "0800 169 4403",
            _ltd("Occombe Valley Water plc", "02991368", "Occombe Works, Paignton TQ3 1RN"))  # fmt: skip
HMCTS = "HM Courts & Tribunals Service"
FINES = Org(HMCTS, "South Devon Magistrates' Court fines, PO Box 8812", "Plymstock PL9 0BZ", "0300 790 9901",
            "HM Courts & Tribunals Service collects the fines and costs ordered by the magistrates' courts.", "Fines Officer")  # fmt: skip
DOORSTEP = Org("Chelston Doorstep Credit Ltd", "7 Walnut Road", "Paignton TQ3 2LG", "01803 290 655",
               _ltd("Chelston Doorstep Credit Ltd", "06652118", "7 Walnut Road, Paignton TQ3 2LG", FCA))  # fmt: skip
PURCHASER = Org("Meadfoot Debt Purchasing Ltd", "PO Box 1276", "Brixham TQ5 9ZW", "0333 320 7718",
                _ltd("Meadfoot Debt Purchasing Ltd", "13004597", "Bolton Cross, Brixham TQ5 8BE", FCA), "Account Services")  # fmt: skip
SOCIETY = Org("Wellswood Building Society", "Mortgage Support, 2 Ilsham Parade", "Paignton TQ4 5AZ", "01803 612 330",
              "Wellswood Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (no. 206114).", "Mortgage Support")  # fmt: skip
TRUST = Org("Shiphay Housing Trust", "Rent Services, 40 Shiphay Lane", "Paignton TQ3 1HT", "01803 331 907",
            "Shiphay Housing Trust is a registered provider of social housing (no. 4871) and a charitable community benefit society.", "Rent Services")  # fmt: skip
LATER = Org("Harbourlight Pay Later Ltd", "help@harbourlight.example", "Brixham TQ5 9ZZ", "0330 808 1196",
            _ltd("Harbourlight Pay Later Ltd", "12775430", "Middle Street, Brixham TQ5 8ER", FCA), "Harbourlight Help")  # fmt: skip
CATALOGUE = Org("Preston Sands Home Shopping Ltd", "Accounts, Marldon Road", "Paignton TQ3 3NR", "0345 602 4457",
                _ltd("Preston Sands Home Shopping Ltd", "03318275", "Marldon Road, Paignton TQ3 3NR", FCA))  # fmt: skip
BOATYARD = Org("Galmpton Creek Boatyard Ltd", "Slipway Office, Greenway Road", "Galmpton TQ5 0EP", "01803 842 118",
               _ltd("Galmpton Creek Boatyard Ltd", "04120983", "Greenway Road, Galmpton TQ5 0EP"))  # fmt: skip
SOLICITORS = Org("Lupton & Furzeham LLP", "Solicitors, 9 Palace Avenue", "Paignton TQ3 3HA", "01803 526 084",
                 "Lupton & Furzeham LLP is authorised and regulated by the Solicitors Regulation Authority (SRA no. 611902).", "Litigation Team")  # fmt: skip
FISH = Org("Mudstone Fish Processing Ltd", "Pay Office, Fish Quay", "Brixham TQ5 8AW", "01803 853 520",
           _ltd("Mudstone Fish Processing Ltd", "02655719", "Fish Quay, Brixham TQ5 8AW"), "Pay Office")  # fmt: skip
PARK = Org("Broadsands Holiday Park Ltd", "Park Office, Broadsands Road", "Paignton TQ4 6HL", "01803 843 907",
           _ltd("Broadsands Holiday Park Ltd", "01983047", "Broadsands Road, Paignton TQ4 6HL"), "Park Office")  # fmt: skip
BANK = Org("Roundham Bank plc", "Paignton branch, 18 Victoria Street", "Paignton TQ4 5DN", "0345 304 7781",
           _ltd("Roundham Bank plc", "00872614", "Castle Circus, Torbay TQ1 3DR", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Roundham Bank")  # fmt: skip
UNION = Org("Churston Ferrers Credit Union", "Members' Office, 5 Churston Road", "Brixham TQ5 0LA", "01803 845 560",
            "Churston Ferrers Credit Union Ltd is authorised by the PRA and regulated by the FCA and the PRA (no. 213588).", "Members' Office")  # fmt: skip
DWP = "Department for Work and Pensions"
CARERS = Org(DWP, "Carer's Allowance Unit, Mail Handling Site A", "Wolverhampton WV98 2AB", "0800 731 0297",
             "Carer's Allowance is paid by the Department for Work and Pensions.", "Carer's Allowance Unit")  # fmt: skip
ATTENDANCE = Org(DWP, "Attendance Allowance Unit, Mail Handling Site A", "Wolverhampton WV98 2AD", "0800 731 0122",
                 "Attendance Allowance is paid by the Department for Work and Pensions.", "Attendance Allowance Unit")  # fmt: skip
GIGS = Org("Brixham Harbour Gig Rowing Club", "c/o The Boathouse, Oxen Cove", "Brixham TQ5 8AJ", "07700 900 742",
           "The gig club is run by its members; nothing in this letter asks you for money.", "Club Secretary")  # fmt: skip
LANTERNS = Org("Paignton Pier Lantern Parade", "c/o The Deckchair Store, Eastern Esplanade", "Paignton TQ4 6BW", "07700 900 815",
               "The lantern parade is run by volunteers with the help of local schools.", "Parade Organiser")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """The collection agency's letter for a card firm (even: huts) or the car finance
    firm's arrears letter (odd: the timetable)."""
    kinds = ("huts", "timetable")
    when, date = _when(rng), dated(rng)
    by = later(date, 14)
    if i % 2 == 0:
        owed = balance(rng)
        ref = f"BHR-{digits(rng, 7)}"
        letter = Letter(
            org=AGENCY, title="Daymark has asked us to collect your card balance", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
            ref_label="Our collection number", ref=ref, date_label="Letter posted",
            facts=[("Owing on the card", owed), ("Card balance placed with us by", CARD.name), ("Ring or pay us before", by)],
            paras=(f"{CARD.name} closed your credit card account and has placed the balance with us to collect.",
                   f"You owe {pounds(owed)}. Pay it, or ring the Collections Team with an offer you can keep up, no later than {when(by)}.",
                   "We are a collection agency, not bailiffs, and we cannot take your belongings. StepChange and National Debtline give free advice, and we will hold the account for 30 days while you speak to them."),
        )  # fmt: skip
    else:
        owed = balance(rng, 21_000, 390_000)
        ref = f"OVF{digits(rng, 8)}"
        letter = Letter(
            org=MOTORS, title="Your car finance payments are behind", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, MOTORS.name, ref, owed, date, deadline_date=by),
            ref_label="Finance agreement number", ref=ref, date_label="Arrears letter posted",
            facts=[("Arrears on the agreement so far", owed), ("Registration of the car", f"{letters(rng, 2)}{rng.randrange(10, 75)} {letters(rng, 3)}"), ("Bring the agreement up to date by", by)],
            paras=("Some of the monthly payments under your conditional sale agreement have not reached us.",
                   f"The agreement is {pounds(owed)} in arrears. Pay that, or call Customer Care to set up a plan, by {when(by)}.",
                   "If nothing changes we may serve a default notice, and the agreement could then be ended. The car stays ours until every payment has been made."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("menu", "stickies")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 58_000, 480_000)
    fee = rng.choice((11_500, 20_500, 45_500))
    total = claimed + fee + 8_000
    ref, number = (
        f"GPL{digits(rng, 7)}",
        f"{letters(rng, 1)}{rng.randrange(1, 10)}{letters(rng, 2)}{digits(rng, 4)}",
    )
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIMS, title="The court has issued a money claim naming you", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, LENDER.name, ref, total, date, court_claim_number=number, served_date=served, deadline_date=by),
        ref_label="Court claim reference", ref=number, date_label="Claim issued by the court",
        facts=[("Claimed in all, with fee and costs", total), ("Claimant", LENDER.name), ("Lender's own loan ref.", ref), ("Court treats it as served on", served), ("Send back the response pack by", by)],
        paras=(f"{LENDER.name} has started a county court claim against you for money owed under a personal loan.",
               f"The claim is for {pounds(claimed)}, with the court fee and the legal representative's costs {pounds(total)} in all. The claim form is deemed served on {when(served)}.",
               f"Fill in the response pack and return it by {when(by)}. You can admit the claim and offer instalments, or defend it. If you do nothing, the claimant can ask for judgment in default."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("shiplog", "filmstrip")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 28_000, 610_000)
    ref, number = (
        f"CF{digits(rng, 7)}",
        f"{letters(rng, 1)}{rng.randrange(1, 10)}{letters(rng, 2)}{digits(rng, 4)}",
    )
    by = later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    facts: list[Fact] = [
        ("Judgment debt including costs", owed),
        ("Claimant's customer number", ref),
    ]
    if extra:
        facts.append(("The whole sum must be paid by", by))
    how = (f"You must pay {pounds(owed)} to the claimant by {when(by)}." if extra
           else f"You must pay {pounds(owed)} to the claimant straight away.")  # fmt: skip
    letter = Letter(
        org=JUDGMENTS, title="Default judgment entered: what it means for you", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, FIBRE.name, ref, owed, date, court_claim_number=number, **extra),
        ref_label="Court claim reference", ref=number, date_label="Default judgment dated",
        facts=facts,
        paras=(f"You did not reply to the claim {FIBRE.name} brought against you for unpaid broadband charges, so judgment has been entered against you.",
               how,
               "If you pay in full within a month, you can ask for the judgment to be removed from the Register of Judgments. If you do not pay, the claimant may ask the court for a warrant of control or an attachment of earnings order."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """The enforcement agents' notice under a writ of control (even: the timetable) or
    under the council's liability order (odd: the menu board)."""
    kinds = ("timetable", "menu")
    when, date = _when(rng), dated(rng)
    case = f"SEA{digits(rng, 7)}"
    by = later(date, 7)
    if i % 2 == 0:
        debt = balance(rng, 60_000, 420_000)
        owed = debt + 7_500 + rng.choice((0, 19_000))
        letter = Letter(
            org=AGENTS, title="Enforcement notice under a High Court writ of control", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, LENDER.name, case, owed, date, deadline_date=by),
            ref_label="Shoalstone case no.", ref=case, date_label="Shoalstone notice posted",
            facts=[("Due now with our fees", owed), ("Writ obtained by", LENDER.name), ("Settle with the agents before", by)],
            paras=(f"A writ of control has been issued to recover the judgment {LENDER.name} obtained against you, and it has been passed to us.",
                   f"You must pay {pounds(owed)}, which includes our fees, before {when(by)}.",
                   "If you do not, an enforcement agent may visit your home to take control of goods, and further fees will be added. Tell us now if you are vulnerable or if anyone in your home is."),
        )  # fmt: skip
    else:
        tax = rng.randrange(48_000, 230_000)
        owed = tax + 7_500
        letter = Letter(
            org=AGENTS, title="Enforcement notice after a council tax liability order", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, TORBAY, case, owed, date, deadline_date=by),
            ref_label="Shoalstone case no.", ref=case, date_label="Shoalstone notice posted",
            facts=[("Council tax and the compliance fee", owed), ("Council holding the liability order", TORBAY), ("Settle with the agents before", by)],
            paras=(f"{TORBAY} obtained a liability order for your unpaid council tax at the magistrates' court and has instructed us to collect it.",
                   f"With the £75.00 compliance fee, {pounds(owed)} is due. Pay it, or call us to agree an arrangement, before {when(by)}.",
                   "If you do not, an enforcement agent will visit and a further fee of £235.00 will be added."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("stickies", "shiplog")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 500_000, 1_840_000)
    ref, by = f"BMC{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=CHANDLERY, title="Creditor's statutory demand for a trade debt payable at once", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, CHANDLERY.name, ref, owed, date, deadline_date=by),
        ref_label="Chandlery trade account", ref=ref, date_label="Chandlery's demand dated",
        facts=[("Sum demanded by the chandlery", owed), ("Pay or settle it within 21 days, by", by)],
        paras=("Rope, paint, engine spares and safety gear were supplied to you on a trade account that remains unpaid.",
               f"The creditor demands {pounds(owed)}. Pay it, or secure or compound it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition against you. You have 18 days to apply to the court to set this demand aside; get advice now."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("filmstrip", "huts")
    when, date = _when(rng), dated(rng)
    ref, by = f"6{digits(rng, 8)}", later(date, 7)
    owed = rng.randrange(36_000, 205_000)
    letter = Letter(
        org=TAX, title="Council tax: your instalments are withdrawn", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, TORBAY, ref, owed, date, deadline_date=by),
        ref_label="Council tax payer number", ref=ref, date_label="Withdrawal notice printed",
        facts=[("Left to pay for the year", owed), ("Whole balance to be paid by", by), ("Band on the valuation list", f"Band {rng.choice('ABCDEF')}")],
        paras=("You did not pay your council tax instalments when they were due, so you have lost the right to pay by instalments.",
               f"The full balance of {pounds(owed)} must now be paid. If it is not paid by {when(by)}, we will ask the magistrates' court for a liability order, and costs will be added.",
               "If your income is low you may be able to get Council Tax Support; ask the Revenues Team how to claim."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("huts", "menu")
    when, date = _when(rng), dated(rng)
    ref, by = f"RGP {digits(rng, 4)} {digits(rng, 4)}", later(date, 14)
    owed = rng.randrange(5_200, 64_000)
    letter = Letter(
        org=POWER, title="Gas and electricity: your Riviera bill", date=date, when=when,
        truth=owes(C.UTILITY_BILL, POWER.name, ref, owed, date, deadline_date=by),
        ref_label="Riviera customer no.", ref=ref, date_label="Riviera bill printed",
        facts=[("Total to pay this bill", owed), ("Riviera needs payment by", by), ("Tariff", "Riviera Standard Variable")],
        paras=("Here is your bill for the gas and electricity used at your home since your last bill.",
               f"Please pay {pounds(owed)}, which includes VAT at 5%, by {when(by)}.",
               "If you are finding it hard to pay, call us: we can spread the cost, and you may be able to get help from our hardship fund."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("timetable", "stickies")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 12_000, 148_000)
    ref, by = f"OVW{digits(rng, 7)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Occombe Valley: your supply account has fallen behind", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Occombe water account", ref=ref, date_label="Occombe reminder printed",
        facts=[("Overdue water and sewerage charges", owed), ("Pay or phone the water office before", by)],
        paras=("We have not received payment for the water and sewerage services at your address.",
               f"The account is {pounds(owed)} overdue. Please pay, or call us to set up instalments, before {when(by)}.",
               "We cannot cut off a home's water supply. If money is tight, ask about our social tariff, which could lower your bills."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("shiplog", "huts")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(7_000, 118_000)
    ref, by = f"{rng.randrange(10, 99)}/{digits(rng, 6)}/{digits(rng, 2)}", later(date, 14)
    letter = Letter(
        org=FINES, title="Fine unpaid: the collection stage begins", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, HMCTS, ref, owed, date, deadline_date=by),
        ref_label="Fines account at the court", ref=ref, date_label="Fines notice printed",
        facts=[("Fine and costs outstanding", owed), ("Clear it or ring the Fines Officer by", by)],
        paras=("The fine the magistrates' court imposed on you has not been paid as ordered.",
               f"You still owe {pounds(owed)}. Pay it in full, or contact the Fines Officer, by {when(by)}.",
               "If you do not, we may take the money from your wages or benefits, register the fine, or pass it to enforcement agents, and further costs may be added."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("filmstrip", "timetable")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 7_000, 260_000)
    ref, old = f"MDP{digits(rng, 8)}", f"CDC/{digits(rng, 6)}"
    letter = Letter(
        org=PURCHASER, title="We have bought your doorstep loan", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, PURCHASER.name, ref, owed, date, original_creditor=DOORSTEP.name),
        ref_label="Meadfoot account number", ref=ref, date_label="Assignment notice posted",
        facts=[("Balance bought from Chelston", owed), ("Doorstep lender who sold it", DOORSTEP.name), ("Chelston loan no.", old)],
        paras=(f"{DOORSTEP.name} has sold and assigned your loan to us. From now on, you owe the money to us.",
               f"The balance we bought is {pounds(owed)}. No interest or charges will be added to it.",
               "Please send your payments to us from today, using your new account number. Any plan you had with the lender carries on as it was."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("menu", "filmstrip")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(16_000, 440_000)
    ref, by = f"HB{digits(rng, 7)}", later(date, 28)
    letter = Letter(
        org=BENEFITS, title="Housing Benefit paid in error: your invoice", date=date, when=when,
        truth=owes(C.OVERPAYMENT, TORBAY, ref, owed, date, deadline_date=by),
        ref_label="Recovery invoice (Housing Benefit)", ref=ref, date_label="Recovery invoice raised",
        facts=[("Housing Benefit we should not have paid", owed), ("Repay or arrange instalments by", by)],
        paras=("We paid you more Housing Benefit than you were entitled to, because a change in your household was not reported when it happened.",
               f"The overpayment is {pounds(owed)}. Please pay it, or contact Benefit Recovery to arrange instalments, by {when(by)}.",
               "If you still get Housing Benefit, we will take money from it each week. You can ask us to look at the decision again within one month."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("stickies", "filmstrip")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 48_000, 790_000), rng.randrange(46_000, 158_000)
    ref = f"WBS{digits(rng, 7)}"
    letter = Letter(
        org=SOCIETY, title="Your mortgage is in arrears: let us help", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Wellswood mortgage no.", ref=ref, date_label="Written",
        facts=[("Repayments missed, in total", owed), ("Monthly repayment under the mortgage", monthly)],
        paras=("Your mortgage repayments have not been paid in full, and your account is now in arrears.",
               f"The arrears stand at {pounds(owed)}, and your usual monthly repayment is {pounds(monthly)}.",
               "Please call Mortgage Support so we can agree an arrangement you can afford. Repossession is always the last resort, and we follow the pre-action protocol before any court action."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("huts", "shiplog")
    when, date = _when(rng), dated(rng)
    weekly = rng.randrange(9_200, 18_400)
    owed = weekly * rng.randrange(2, 14) + rng.choice((0, 2_100, 4_200))
    ref = f"SHT{digits(rng, 6)}"
    letter = Letter(
        org=TRUST, title="Rent owed on your home", date=date, when=when,
        truth=owes(C.RENT_ARREARS, TRUST.name, ref, owed, date),
        ref_label="Shiphay tenancy no.", ref=ref, date_label="Rent ledger run",
        facts=[("Rent unpaid on the tenancy", owed), ("Weekly rent including service charges", weekly)],
        paras=("Your rent account is behind.",
               f"You owe {pounds(owed)} and your weekly rent is {pounds(weekly)}. Please contact Rent Services to agree how you will clear what you owe.",
               "If your Universal Credit housing element has changed, let us know at once. We can put you in touch with free money advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("timetable", "filmstrip")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 2_900, 108_000), later(date, 10)
    if i % 4 < 2:
        org, ref, title = (
            LATER,
            f"HL{letters(rng, 2)}{digits(rng, 6)}",
            "Harbourlight: your payments failed",
        )
        first = "We could not take your last two Harbourlight payments from your card."
        date_label, ref_label = "Email sent", "Harbourlight order"
    else:
        org, ref, title = CATALOGUE, f"PS{digits(rng, 8)}", "Preston Sands account: payment overdue"
        first = "Your Preston Sands account is overdue, and we have paused new orders until it is up to date."
        date_label, ref_label = "Statement date", "Shopping account"
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label=ref_label, ref=ref, date_label=date_label,
        facts=[("Instalments gone unpaid", owed), ("Put the missed payments right by", by)],
        paras=(first,
               f"You are {pounds(owed)} behind. Please pay by {when(by)} to stop the missed payments being reported to credit reference agencies.",
               "If you are struggling, tell us and we will pause the account for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("menu", "stickies")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 38_000, 740_000), later(date, 30)
    ref = f"GCB{digits(rng, 5)}"
    letter = Letter(
        org=SOLICITORS, title="Letter before claim: unpaid mooring and yard fees", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, BOATYARD.name, ref, owed, date, deadline_date=by),
        ref_label="Boatyard customer account", ref=ref, date_label="Solicitors' letter of",
        facts=[("Fees owed to our client", owed), ("Solicitors acting for", BOATYARD.name), ("Boatyard wants your reply by", by)],
        paras=(f"We act for {BOATYARD.name}, which has moored, lifted and stored your boat and has not been paid.",
               f"Our client is owed {pounds(owed)}. Please pay it, or reply using the enclosed reply form, by {when(by)}.",
               "This letter is sent under the Pre-Action Protocol for Debt Claims. If you do not reply, our client may start court proceedings without further notice and claim interest and costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _fish(rng: random.Random, i: int) -> Doc:
    """A fish processor's pay advice: earnings listed (hours on the line and an early-start
    premium), then what is taken off, then the take-home pay; weekly or fortnightly."""
    org, date, when = FISH, dated(rng), _when(rng)
    date = later(date, (4 - date.weekday()) % 7)  # a Friday
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    weeks = {"weekly": 1, "fortnightly": 2}[frequency]
    hours = rng.choice((36.0, 38.5, 40.0)) * weeks
    rate = rng.choice((1_221, 1_250, 1_290))
    basic = round(hours * rate)
    early = rng.randrange(0, 6) * 310 * weeks
    gross = basic + early
    off = [("Tax under PAYE this period", gross * 11 // 100), ("NI contributions this pay", gross * 5 // 100), ("Pension, quayside scheme", gross * 3 // 100), ("Protective kit", 450 * weeks)]  # fmt: skip
    total = sum(a for _, a in off)
    style = STYLES[i % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Pay advice", True, size=style.point + 3), rt(0.92, f"Pay date {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}, filleting line", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Payroll no. {digits(rng, 5)}   Tax code 1257L   NI letter A", size=size),)).gap()  # fmt: skip
    page.add((t(0.08, "Earnings", True, size=size),))
    page.rule(0.08, 0.7, 80)
    for what, amount in [(f"Hours on the line {hours:.1f} @ {plain(rate)}", basic), ("Early start premium", early)]:  # fmt: skip
        page.add((t(0.1, what, size=size), rt(0.7, plain(amount), size=size)))
    page.add((t(0.1, "Gross pay", True, size=size), rt(0.7, plain(gross), True, size=size))).gap()
    page.add((t(0.08, "Taken off", True, size=size),))
    page.rule(0.08, 0.7, 80)
    for what, amount in off:
        page.add((t(0.1, what, size=size), rt(0.7, plain(amount), size=size)))
    page.add((t(0.1, "Total taken off", True, size=size), rt(0.7, plain(total), True, size=size))).gap()  # fmt: skip
    top = len(page.rows)
    page.add((t(0.1, "Take-home pay", True, size=size), rt(0.7, plain(gross - total), True, size=style.point + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.08, 0.72, True, 232))
    page.gap()
    page.para("Questions about this pay advice go to the Pay Office by the Wednesday before the next pay day.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - total, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def _park(rng: random.Random, i: int) -> Doc:
    """A holiday park's payslip: a table of description, hours, rate and amount, the
    deductions in brackets, then the net pay; monthly or four-weekly."""
    org, date, when = PARK, dated(rng), _when(rng)
    frequency = ("monthly", "four_weekly")[(i // 2) % 2]
    hours = {"monthly": rng.choice((150.0, 162.5, 173.0)), "four_weekly": rng.choice((140.0, 150.0, 160.0))}[frequency]  # fmt: skip
    rate = rng.choice((1_221, 1_275, 1_340))
    basic = round(hours * rate)
    sundays = rng.randrange(0, 5) * 8 * 180
    gross = basic + sundays
    cuts = [("PAYE", gross * 9 // 100), ("NI contributions (staff)", gross * 5 // 100), ("Caravan on the park (staff)", rng.choice((12_000, 16_500)))]  # fmt: skip
    total = sum(a for _, a in cuts)
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[(i + 2) % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Payslip", True, size=style.point + 3), rt(0.92, f"Processed {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}, housekeeping team", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Employee {digits(rng, 4)}   Tax code 1257L", size=size),)).gap()
    page.add((t(0.08, "Description", True, size=size), rt(0.56, "Hours", True, size=size), rt(0.72, "Rate", True, size=size), rt(0.92, "Amount", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    page.add((t(0.08, "Basic hours", size=size), rt(0.56, f"{hours:.2f}", size=size), rt(0.72, plain(rate), size=size), rt(0.92, plain(basic), size=size)))  # fmt: skip
    page.add((t(0.08, "Sunday enhancement", size=size), rt(0.92, plain(sundays), size=size)))
    for what, amount in cuts:
        page.add((t(0.08, what, size=size), rt(0.92, f"({plain(amount)})", size=size)))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.08, "Total gross pay", True, size=size), rt(0.92, plain(gross), True, size=size)))
    page.add((t(0.08, "Total deductions", True, size=size), rt(0.92, f"({plain(total)})", True, size=size)))  # fmt: skip
    page.add((t(0.08, "Net pay to your bank", True, size=size), rt(0.92, plain(gross - total), True, size=style.point + 1.5)))  # fmt: skip
    page.gap()
    page.para("Caravan rent is taken only in the weeks you live on the park.", size=SMALL)
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - total, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """The fish processor's pay advice (even) or the holiday park's payslip (odd)."""
    return _fish(rng, i) if i % 2 == 0 else _park(rng, i)


def _signed(pence: int) -> str:
    return f"-{plain(-pence)}" if pence < 0 else plain(pence)


def _bank(rng: random.Random, i: int) -> Doc:
    """A bank's current account: date, details, out, in, balance."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 2) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Everyday account statement", True, size=style.point + 2), rt(0.92, f"Statement date {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Sort code 30-{digits(rng, 2)}-{digits(rng, 2)}   Account no. {digits(rng, 8)}   Statement {rng.randrange(12, 160)}", size=size),)).gap()  # fmt: skip
    xs = (0.64, 0.78, 0.92)
    page.add((t(0.08, "Date", True, size=size), t(0.2, "Details", True, size=size), *(rt(x, h, True, size=size) for x, h in zip(xs, ("Out", "In", "Balance"), strict=True))))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(2_000, 70_000)
    page.add((t(0.2, "Balance brought forward", size=size), rt(0.92, _signed(running), size=size)))
    items = [("MUDSTONE FISH PAY", rng.randrange(38_000, 66_000)), ("DD TORBAY COUNCIL CTAX", -rng.randrange(8_000, 18_000)),
             ("CARD PAIGNTON CO-OP", -rng.randrange(1_100, 7_400)), ("DD RIVIERA GAS POWER", -rng.randrange(4_500, 13_000)),
             ("MUDSTONE FISH PAY", rng.randrange(38_000, 66_000)), ("CASH BRIXHAM QUAY", -1_000 * rng.randrange(1, 6)),
             ("FERRY TICKET", -rng.randrange(400, 2_000))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        cells = [t(0.08, f"{later(date, -offset):%d %b}", size=size), t(0.2, what, size=size)]
        cells.append(rt(xs[0] if amount < 0 else xs[1], plain(abs(amount)), size=size))
        cells.append(rt(0.92, _signed(running), size=size))
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.2, "Balance carried forward", True, size=size), rt(0.92, _signed(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("Please check this statement and tell us at once about any payment you do not recognise.", size=SMALL)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def _union(rng: random.Random, i: int) -> Doc:
    """A credit union's savings ledger: each entry signed + or -, the balance after it."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, UNION, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Savings ledger", True, size=style.point + 2),))
    page.add((t(0.08, f"Member {digits(rng, 5)}", size=size), rt(0.92, f"Printed {when(date)}", size=size))).gap()  # fmt: skip
    page.add((t(0.08, "Date", True, size=size), t(0.22, "Entry", True, size=size), rt(0.72, "+ / -", True, size=size), rt(0.92, "Savings", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(8_000, 110_000)
    page.add((t(0.22, "Opening savings", size=size), rt(0.92, plain(running), size=size)))
    items = [("Carer's Allowance in", rng.randrange(10_000, 40_000)), ("Rent to Shiphay HT", -rng.randrange(20_000, 40_000)),
             ("Payroll saving", rng.randrange(2_000, 8_000)), ("Cash out, Brixham", -1_000 * rng.randrange(1, 4)),
             ("Harbourlight instalment", -rng.randrange(1_500, 6_000)), ("Dividend", rng.randrange(50, 900))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        sign = "+" if amount > 0 else "-"
        page.add((t(0.08, f"{later(date, -offset):%d/%m}", size=size), t(0.22, what, size=size), rt(0.72, f"{sign}{plain(abs(amount))}", size=size), rt(0.92, _signed(running), size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    page.add((t(0.22, "Closing savings", True, size=size), rt(0.92, _signed(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("Your savings are your shares in the credit union; a dividend is paid on them each year.", size=SMALL)  # fmt: skip
    _foot(page, UNION)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def bank_statement(rng: random.Random, i: int) -> Doc:
    """The bank's current account (even) or the credit union's savings ledger (odd)."""
    return _bank(rng, i) if i % 2 == 0 else _union(rng, i)


def benefit(rng: random.Random, i: int) -> Doc:
    """Carer's Allowance (even: the sticky notes) or Attendance Allowance (odd: the ship's
    log)."""
    kinds = ("stickies", "shiplog")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        org, what = CARERS, "Carer's Allowance"
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        weekly = rng.choice((8_160, 8_330))
    else:
        org, what = ATTENDANCE, "Attendance Allowance"
        frequency = "four_weekly"
        weekly = rng.choice((7_390, 11_040))
    ref = (
        f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}"
    )
    paid = weekly * {"weekly": 1, "four_weekly": 4}[frequency]
    letter = Letter(
        org=org, title=f"{what}: we have decided your claim", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="Your NI no.", ref=ref, date_label="Claim decided on",
        facts=[("Allowance paid each time", paid), ("Allowance paid how often", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"We have looked at your claim for {what} and decided that you can get it.",
               f"We will pay {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]} into your bank or building society account.",
               "You must tell us at once about any change that could affect your payments, such as a stay in hospital, a change of address or a change in your earnings."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the gig club's call for crew (beach huts) and the lantern parade's
    arrangements (the film strip)."""
    kinds = ("huts", "filmstrip")
    when, date = _when(rng), dated(rng)
    on = later(date, 12 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=GIGS, title="Crews wanted for the harbour regatta", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Crew", ref=f"Crew {rng.randrange(1, 7)}",
            facts=[("Harbour regatta on", on), ("Crews meet at", "The boathouse, 8 am"), ("Pack for the day", "Waterproofs and a flask")],
            paras=("Thank you for putting your name down to row at this year's regatta.",
                   f"The regatta is on {when(on)}; every crew gets a tide table, a pasty and a place at the prize-giving.",
                   "Parking on the quay is for the harbour master only; please use the car park on the hill."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=LANTERNS, title="Lantern parade: walking with your school", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Section", ref=f"Section {rng.choice('ABCDEF')}",
            facts=[("Parade evening", on), ("Walkers gather at", "The green by the pier")],
            paras=("The organisers thank every family who has offered to walk with a lantern this year.",
                   f"The parade sets off on {when(on)} at six; children walk with their class, parents alongside.",
                   "Hot chocolate is served by the pier afterwards, and there is nothing to pay."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


TEMPLATE_OF: dict[DocumentClass, Template] = {
    C.CREDITOR_LETTER: creditor_letter,
    C.COURT_CLAIM_N1: claim_form,
    C.COUNTY_COURT_JUDGMENT: judgment,
    C.ENFORCEMENT_AGENT_NOTICE: enforcement_notice,
    C.STATUTORY_DEMAND: statutory_demand,
    C.COUNCIL_TAX: council_tax,
    C.UTILITY_BILL: utility_bill,
    C.UTILITY_ARREARS: utility_arrears,
    C.MAGISTRATES_FINE: magistrates_fine,
    C.NOTICE_OF_ASSIGNMENT: assignment,
    C.OVERPAYMENT: overpayment,
    C.MORTGAGE_ARREARS: mortgage_arrears,
    C.RENT_ARREARS: rent_arrears,
    C.BNPL_CATALOGUE_ARREARS: bnpl_catalogue,
    C.LETTER_OF_CLAIM: letter_of_claim,
    C.PAYSLIP: payslip,
    C.BANK_STATEMENT: bank_statement,
    C.BENEFIT_AWARD: benefit,
    C.OTHER: other,
}
TEMPLATES: tuple[tuple[DocumentClass, Template], ...] = tuple(TEMPLATE_OF.items())
"""Every class, in a fixed order (never a set: the order decides the draws)."""


# -- the family ---------------------------------------------------------------------------------


@frozen(kw_only=True)
class AVSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 4660


def build_av(per_class: int = 4, *, seed: int = SEED) -> list[AVSample]:
    """``per_class`` documents of every class, held out, family ``<class>:AV``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, AVSample)


PRINT = Printer(FONTS.font, FONTS.measure)


def page_size(sample: AVSample, dpi: int) -> tuple[int, int]:
    return PRINT.page_size(sample, dpi)


def av_text(sample: AVSample) -> str:
    """Every page's text, pages apart by form feeds."""
    return PRINT.text(sample)


def av_pages(sample: AVSample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return PRINT.pages(sample, dpi=dpi)


# -- drawing the page ---------------------------------------------------------------------------


@frozen
class AVScan:
    dpi: int
    skew: float
    """Degrees."""
    flare: bool = False
    """A phone photo with the sun in the lens; colour."""
    pebble: bool = False
    """A photo on the beach, a pebble holding the page down; colour."""
    tape: bool = False
    """Taped to a wall at its corners with masking tape; greyscale, as PDF."""


SCANS = (
    AVScan(dpi=300, skew=0.6, flare=True),
    AVScan(dpi=200, skew=-0.8, pebble=True),
    AVScan(dpi=250, skew=0.35, tape=True),
)

PAPER = (251, 250, 246)
QUALITY = 82


@frozen
class _Geo:
    """Where rows fall on the image being drawn."""

    tops: list[int]
    heights: list[int]
    width: int
    height: int
    body: int
    line: int

    def top(self, row: int) -> int:
        return self.tops[row] if row < len(self.tops) else self.tops[-1] + self.heights[-1]

    def foot(self, row: int) -> int:
        return self.top(row) + self.heights[min(row, len(self.heights) - 1)]

    def x(self, share: float) -> int:
        return round(share * self.width)


def _span(g: _Geo, m: Mark) -> tuple[int, int]:
    last = m.last if m.last is not None else m.row
    return g.top(m.row) - g.body // 4, g.foot(last)


def _rule(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.top(m.row) - round(0.1 * g.body)
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(m.shade,) * 3, width=g.line)


def _hut(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A beach hut: a pitched roof over the row above, a pale planked front."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    front = PASTELS[m.shade % len(PASTELS)]
    plank = tuple(max(0, c - 16) for c in front)
    pen.rectangle((x0, y0, x1, y1), fill=front, outline=INK, width=max(1, g.line))
    step = max(6, g.body)
    for x in range(x0 + step, x1 - 2, step):
        pen.line((x, y0 + 2, x, y1 - 2), fill=plank, width=1)
    eave = max(4, g.body // 2)
    pen.polygon([(x0 - eave, y0), ((x0 + x1) // 2, y0 - round(1.1 * g.body)), (x1 + eave, y0)], fill=(120, 84, 70), outline=INK)  # fmt: skip


def _band(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=(214, 218, 226))


def _route(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    x = g.x(m.x0)
    w = max(2, g.line * 3)
    pen.rectangle((x - w, y0, x + w, y1), fill=(40, 110, 170))


def _stop(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    cy = g.top(m.row) + g.heights[min(m.row, len(g.heights) - 1)] // 2
    x, r = g.x(m.x0), max(4, g.body // 3)
    pen.ellipse((x - r, cy - r, x + r, cy + r), fill=(255, 255, 255), outline=(40, 110, 170), width=max(2, g.line * 2))  # fmt: skip


def _grid(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), outline=INK, width=max(1, g.line))
    for x in m.xs:
        pen.line((g.x(x), y0, g.x(x), y1), fill=(90, 90, 90), width=max(1, g.line))


def _board(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A menu board: a wide wooden frame round a cream face."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    rim = max(6, g.body)
    pen.rectangle((x0 - rim, y0 - rim, x1 + rim, y1 + rim), fill=(132, 92, 56), outline=INK)
    pen.rectangle((x0, y0, x1, y1), fill=(246, 240, 222), outline=(90, 60, 36), width=max(1, g.line))  # fmt: skip


def _leader(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """Dotted leaders along the row's baseline."""
    y = g.top(m.row) + round(0.8 * g.body)
    r = max(1, g.body // 14)
    step = max(4, g.body // 3)
    for x in range(g.x(m.x0), g.x(m.x1), step):
        pen.ellipse((x - r, y - r, x + r, y + r), fill=INK)


def _log(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A log book's ruling: a pale blue line under every row, red double rules between the
    columns, a frame."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    last = m.last if m.last is not None else m.row
    for row in range(m.row, last + 1):
        y = g.foot(row) - 1
        pen.line((x0, y, x1, y), fill=(150, 180, 220), width=1)
    for x in m.xs:
        for dx in (-2, 2):
            pen.line((g.x(x) + dx * g.line, y0, g.x(x) + dx * g.line, y1), fill=(200, 60, 60), width=1)  # fmt: skip
    pen.rectangle((x0, y0, x1, y1), outline=INK, width=max(1, g.line))


def _note(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A sticky note with a soft shadow and its gummed strip a shade darker."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    colour = NOTES[m.shade % len(NOTES)]
    off = max(2, g.body // 5)
    pen.rectangle((x0 + off, y0 + off, x1 + off, y1 + off), fill=(200, 198, 192))
    pen.rectangle((x0, y0, x1, y1), fill=colour)
    gum = tuple(max(0, c - 14) for c in colour)
    pen.rectangle((x0, y0, x1, y0 + max(3, g.body // 3)), fill=gum)


def _strip(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A strip of film: dark, with a row of sprocket holes along each edge."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=(46, 40, 36))
    hole_w, hole_h = max(4, g.body // 2), max(3, g.body // 3)
    last = m.last if m.last is not None else m.row
    for row in (m.row, last):
        cy = (g.top(row) + g.foot(row)) // 2 - (g.body // 8 if row == m.row else 0)
        for x in range(x0 + hole_w, x1 - hole_w, hole_w * 2):
            pen.rounded_rectangle((x, cy - hole_h // 2, x + hole_w, cy + hole_h // 2), radius=max(1, hole_h // 3), fill=PAPER)  # fmt: skip


def _frame(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=(240, 238, 230))


PAINT: dict[str, Callable[[ImageDraw.ImageDraw, _Geo, Mark], None]] = {
    "rule": _rule,
    "hut": _hut,
    "band": _band,
    "route": _route,
    "stop": _stop,
    "grid": _grid,
    "board": _board,
    "leader": _leader,
    "log": _log,
    "note": _note,
    "strip": _strip,
    "frame": _frame,
}
UNDER = ("board", "band", "hut", "note", "strip", "frame", "log", "route")
"""Drawn first, in their order on the page: what other shapes and the text stand on."""


def _draw(sample: AVSample, n: int, dpi: int) -> Image.Image:
    """Page ``n`` drawn clean: boards, bands, huts, notes, strips and frames first, then
    boxes, the other shapes and rules, then the text."""
    width, height = PRINT.page_size(sample, dpi)
    image = Image.new("RGB", (width, height), PAPER)
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, dpi)
    body = round(sample.style.point / 72 * dpi)
    g = _Geo(tops, heights, width, height, body, max(1, dpi // 150))
    marks = sample.rules[n] if sample.rules else ()
    for mark in marks:
        if mark.kind in UNDER:
            PAINT[mark.kind](pen, g, mark)
    for rect in sample.rects[n] if sample.rects else ():
        y0 = tops[rect.first] - round(0.25 * body)
        y1 = tops[rect.last] + heights[rect.last] - round(0.05 * body)
        box = (round(rect.x0 * width), y0, round(rect.x1 * width), y1)
        if rect.fill is not None:
            pen.rectangle(box, fill=(rect.fill,) * 3)
        if rect.outline:
            pen.rectangle(box, outline=INK, width=g.line)
    for mark in marks:
        if mark.kind not in UNDER:
            PAINT[mark.kind](pen, g, mark)
    for p in PRINT.layout(sample, n, dpi):
        pen.text((p.left, p.top), p.cell.text, fill=INK, font=p.font)
    return image


def _free_rows(sample: AVSample, n: int) -> list[int]:
    """Rows of page ``n`` with no word of a true value on them (blank rows too)."""
    forms = [f.casefold() for name in ("creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date", "deadline_date", "court_claim_number", "payer_name", "income_pence", "gross_pence", "frequency", "served_date")
             if (v := getattr(sample.truth, name)) is not None for f in printed_forms(name, v)]  # fmt: skip
    words = {w for f in forms for w in f.split() if len(w) > 2}
    free = []
    for k, row in enumerate(sample.pages[n]):
        text = " ".join(c.text for c in row).casefold()
        if not any(w in text for w in words):
            free.append(k)
    return free


# -- the scans --------------------------------------------------------------------------------------


def _disc(arr: np.ndarray, cx: float, cy: float, radius: float, colour: tuple[float, float, float], alpha: float, soft: float) -> None:  # fmt: skip
    """Blend a soft-edged disc of ``colour`` into ``arr`` (in place), only where it reaches."""
    h, w = arr.shape[:2]
    reach = radius * (1 + soft) + 2
    ya, yb = max(0, int(cy - reach)), min(h, int(cy + reach) + 1)
    xa, xb = max(0, int(cx - reach)), min(w, int(cx + reach) + 1)
    if ya >= yb or xa >= xb:
        return
    ys, xs = np.ogrid[ya:yb, xa:xb]
    r = np.sqrt((xs - cx) ** 2 + (ys - cy) ** 2) / radius
    weight = alpha * np.clip((1 + soft - r) / soft, 0, 1)[:, :, None]
    region = arr[ya:yb, xa:xb]
    arr[ya:yb, xa:xb] = region * (1 - weight) + np.asarray(colour, dtype=np.float32) * weight


def _flare(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Colour; a phone photo with the sun in the lens: one corner washed towards white, a
    chain of faint coloured ghost discs from it across the page, a warm cast, a little
    soft; a little askew."""
    arr = np.asarray(image, dtype=np.float32).copy()
    h, w = arr.shape[:2]
    right, low = rng.random() < 0.5, rng.random() < 0.5
    sx, sy = w * (0.97 if right else 0.03), h * (0.97 if low else 0.03)
    _disc(arr, sx, sy, w * 0.1, (255.0, 252.0, 240.0), 0.9, 1.4)
    cx, cy = w / 2, h / 2
    ghosts = ((0.45, 0.035, (150.0, 255.0, 190.0)), (0.8, 0.06, (255.0, 170.0, 230.0)), (1.25, 0.025, (255.0, 220.0, 140.0)), (1.6, 0.05, (170.0, 200.0, 255.0)))  # fmt: skip
    for along, size, colour in ghosts:
        gx, gy = sx + (cx - sx) * along, sy + (cy - sy) * along
        _disc(arr, gx, gy, w * size, colour, rng.uniform(0.14, 0.22), 0.25)
    arr *= np.asarray((1.0, 0.98, 0.93), dtype=np.float32)
    photo = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.6))  # fmt: skip
    return photo.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(228, 224, 214))  # fmt: skip


def _pebble(image: Image.Image, sample: AVSample, n: int, dpi: int, rng: random.Random, skew: float) -> Image.Image:  # fmt: skip
    """Colour; a photo of the page on a beach, a pebble holding it down: a grey, shaded,
    speckled stone with a soft shadow, over rows that hold no true value (or the foot of
    the page); sand-coloured round the page, a little noise; a little askew."""
    arr = np.asarray(image, dtype=np.float32).copy()
    h, w = arr.shape[:2]
    tops, heights = PRINT.rows(sample, n, dpi)
    free = set(_free_rows(sample, n))
    runs = [k for k in range(1, len(tops) - 2) if {k - 1, k, k + 1, k + 2} <= free]
    a, b = dpi * rng.uniform(0.5, 0.6), dpi * rng.uniform(0.3, 0.36)
    if runs:
        k = rng.choice(runs)
        cy = tops[k] + heights[k]
    else:
        cy = h * 0.965
    cx = w * (rng.uniform(0.74, 0.84) if rng.random() < 0.5 else rng.uniform(0.16, 0.26))
    ya, yb = max(0, int(cy - 1.6 * b)), min(h, int(cy + 1.8 * b))
    xa, xb = max(0, int(cx - 1.4 * a)), min(w, int(cx + 1.6 * a))
    ys, xs = np.ogrid[ya:yb, xa:xb]
    region = arr[ya:yb, xa:xb]
    off = 0.25 * b
    shadow = np.sqrt(((xs - cx - off) / a) ** 2 + ((ys - cy - off) / b) ** 2)
    region *= 1 - 0.35 * np.clip((1.25 - shadow) / 0.35, 0, 1)[:, :, None]
    r = np.sqrt(((xs - cx) / a) ** 2 + ((ys - cy) / b) ** 2)
    inside = np.clip((1.0 - r) * 12, 0, 1)[:, :, None]
    light = np.clip(1.05 - 0.45 * (((xs - cx) / a) + ((ys - cy) / b)) * 0.5 - 0.35 * r * r, 0.35, 1.15)  # fmt: skip
    gen = np.random.default_rng(rng.randrange(1 << 30))
    speckle = gen.normal(0.0, 9.0, light.shape)
    stone = np.asarray((128.0, 124.0, 116.0), dtype=np.float32)
    shade = (light[:, :, None] * stone[None, None, :]) + speckle[:, :, None]
    region[:] = region * (1 - inside) + shade * inside
    arr += gen.normal(0.0, 2.5, arr.shape[:2])[:, :, None]
    photo = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return photo.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(214, 196, 160))  # fmt: skip


def _tape(image: Image.Image, rng: random.Random, skew: float, dpi: int) -> Image.Image:
    """Greyscale; taped to a wall by its corners: a strip of masking tape across each
    corner (translucent, fibrous, darker than the paper, its ends torn ragged); a little
    noise; a little askew."""
    grey = image.convert("L")
    w, h = grey.size
    mask = Image.new("L", (w, h), 0)
    pen = ImageDraw.Draw(mask)
    half, length = dpi * 0.22, dpi * rng.uniform(0.8, 1.0)
    for cx, cy, dx, dy in ((0, 0, 1, -1), (w, 0, 1, 1), (0, h, 1, 1), (w, h, 1, -1)):
        # the strip runs along (dx, dy) through a point just inside the corner
        px = cx + (dpi * 0.18 if cx == 0 else -dpi * 0.18)
        py = cy + (dpi * 0.18 if cy == 0 else -dpi * 0.18)
        ux, uy = dx / 2**0.5, dy / 2**0.5
        nx, ny = -uy, ux
        ends = []
        for sign in (-1, 1):
            ex, ey = px + sign * ux * length / 2, py + sign * uy * length / 2
            torn = [(ex + nx * half * f + sign * ux * rng.uniform(-0.03, 0.03) * dpi, ey + ny * half * f + sign * uy * rng.uniform(-0.03, 0.03) * dpi) for f in (-1, -0.5, 0, 0.5, 1)]  # fmt: skip
            ends.append(torn if sign > 0 else torn[::-1])
        pen.polygon([*ends[0], *ends[1]], fill=255)
    arr = np.asarray(grey, dtype=np.float32).copy()
    m = np.asarray(mask, dtype=np.float32) / 255.0
    gen = np.random.default_rng(rng.randrange(1 << 30))
    ys, xs = np.nonzero(m)
    fibre = gen.normal(0.0, 6.0, ys.shape)
    arr[ys, xs] = arr[ys, xs] * 0.84 + 12 + fibre
    arr += gen.normal(0.0, 1.5, arr.shape)
    taped = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return taped.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=236)


def render(sample: AVSample, n: int, scan: AVScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.flare:
        return _flare(image, rng, scan.skew)
    if scan.pebble:
        return _pebble(image, sample, n, scan.dpi, rng, scan.skew)
    return _tape(image, rng, scan.skew, scan.dpi)


def av_scanned(sample: AVSample, index: int) -> tuple[bytes, str, AVScan]:
    """Scanned one of three ways: the photo with the sun in the lens as colour PNG (its
    resolution at even indexes), the photo with a pebble on the page as colour baseline
    JPEG (quality ``QUALITY``, no resolution), the page taped at its corners as a one-page
    greyscale PDF (250 dpi); documents of more pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 71 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or scan.tape:
        return encode_pages([im.convert("L") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.pebble:
        out = io.BytesIO()
        images[0].save(out, format="JPEG", quality=QUALITY)
        return out.getvalue(), "jpeg", scan
    return encode_pages(images, "png", scan.dpi if index % 2 == 0 else None), "png", scan


__all__ = [
    "ALL_SHAPES",
    "DATE_SHAPES",
    "FAMILY",
    "SCANS",
    "SEED",
    "TEMPLATES",
    "AVSample",
    "AVScan",
    "av_pages",
    "av_scanned",
    "av_text",
    "build_av",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
