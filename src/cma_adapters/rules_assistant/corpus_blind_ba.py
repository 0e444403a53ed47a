# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``BA``, written blind: one more measure of how the reader
generalises, in a new hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I``, ``J``,
``AA`` to ``AL``, ``AN`` to ``AY``; another family was written by another hand at the same
time, and neither saw the other's).

``BA`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``values_found``, ``money``, ``encode_pages``), the shared page
engine (``corpus_print``), the shared test helpers, family AW's module and tests (for their
structure) and the commits that registered and measured AY (their benchmark registrations
and AY's unit test in its blind form only), and, by grep only, the other families' modules
for place names, bodies, setting words and scan words, to avoid them -- **not** the
reader's rules (``assistant.py``, ``fields.py``, ``values.py``, ``labelled.py``,
``structures.py``, ``prose.py``, ``fields_kinds.py``, ``label_parts.py``, ``layout.py``,
``classifier.py``, ``statements.py``, ``statement_tables.py``, ``label_learning.py``,
``read_families.py``, the rankers, the Tesseract extractor, the locator, the creditor
directory), its reading tests, nor any account of its misses. It is never used to write
rules, to train or calibrate the classifier or the field ranker (``build_corpus`` never
yields it), nor to choose models: it is measured, and only the aggregate figures go into
benchmarks/OCR.md. Whoever reads its individual misses to change the reader makes ``BA``
no longer blind and must say so there.

**BA is no longer blind since round 44** (branch ``reader44``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on BA
from then on is a training-side figure (benchmarks/OCR.md, "Round 44").

Grep found Basildon, and every district and estate named below, in no family, so ``BA`` is
set in Basildon under the law of England and Wales: a claim issued by the Civil National
Business Centre, a judgment of the County Court at Basildon, enforcement agents' notices (a
writ of control and a council tax liability order), Basildon Borough Council's council
tax, fines imposed at Basildon Magistrates' Court, a statutory demand under the Insolvency
Rules 2016 and a letter before claim under the Pre-Action Protocol for Debt Claims; so:

* who writes: a Pitsea collection agency for a card firm and a Nethermayne car finance
  firm's arrears letter; a claim for a Laindon personal loan and a judgment for Vange
  broadband charges; Bowers Gifford enforcement agents (a writ of control after a
  judgment, or council tax after a liability order: both enforcement); a Cranes Farm
  scaffolding supplier's statutory demand; Basildon Borough Council's council tax; a gas
  and electricity supplier and a water company; fines; a debt purchaser buying a store
  card; an Employment and Support Allowance overpayment (the DWP); a building society; a
  housing trust; a pay-in-three app and a home catalogue; solicitors for a veterinary
  surgery; Pension Credit (the DWP) and Child Benefit (HMRC); a warehouse and a school
  trust as employers; a savings bank's current account and a credit union's; an operatic
  society and a film club;
* six ways of setting a letter, all from a theatre, a concert hall and a cinema, each
  class in two of them (``i`` even / odd):
  - **seatplan**: a seating plan: the stage drawn across the head, then the facts in
    blocks of seats two a row either side of an aisle (the label small over the value in
    each block), each row lettered at both ends;
  - **setlist**: a band's set list in marker pen: each fact numbered as a song, the value
    large and bold, the label small in italics under it, a stroke under every song;
  - **playbill**: a poster for a show: a double frame, each fact centred, its label in
    small capitals over the value in large bold, a row of stars between facts;
  - **programme**: a theatre programme open at its middle pages: two pages side by side
    with the fold between, each fact a line of the cast list (the label in italics at
    the left, the value in bold at the page's right edge);
  - **tickets**: cinema tickets, two a row, each with a perforated stub at its left end
    and notches cut in its sides, the label small over the value on each;
  - **letterboard**: a cinema's changeable letter board: a framed board with grooves, one
    fact a groove, everything in capitals (the label at the left, the value in bold);
  payslips for a warehouse (weekly or fortnightly: hours, overtime and a night allowance,
  "Pay elements" beside "Deductions") or a school trust (monthly or four-weekly: a salary
  and a responsibility allowance, a running list of "+" and "-" lines); bank statements
  from a savings bank's current account (paid out, paid in and balance columns) or a
  credit union's (one amount column with "CR" and "DR", the balance after each line);
* faces: Liberation Serif under Carlito Bold headings, DejaVu Sans Condensed under
  Liberation Sans Bold headings, Caladea under DejaVu Sans Bold headings, 9.5 to 10.5 pt;
* dates as "4th of December 2026" (an ordinal day, "of", the month in full) and
  "04 DEC 2026" (the day padded, the month cut to three capitals); amounts as "£1,234.56"
  and, in tables, "1,234.56";
* scans new to the families: a phone photo under a stage lighting wash (a magenta to
  amber colour cast across the page with a brighter pool where a spotlight falls; colour
  JPEG, its resolution at even indexes); confetti from a show's finale settled on the page
  (small coloured paper squares and discs in the margins and on lines with no true value;
  colour PNG with its resolution); spatters of red wine from the interval bar (drops and
  their satellite splashes, translucent; greyscale, as a one-page PDF).

What grep found taken, and replaced (checked before any measuring): AV's film strip with
sprocket holes (so no film strip: the cinema gives tickets and a letter board instead); AD's
counterfoil and AT's boarding pass with a stub (the tickets here are two a row, each with
its own stub and notches, never one card with a stub beside a grid); AP's net curtains (so
no stage curtains); AJ's smudged lens haze (so no smoke or dry ice); AW's grease spots (so
no buttered popcorn); AR's and V's coffee rings and AV's ring stain (so wine spatters, not
a glass's ring). "Ticket" appears in other families only in prose and bank lines, and
"programme" only in prose and an officer's title; "seat", "set list", "playbill", "letter
board", "confetti", "stage light" and "wine" in no family's setting or scan.

Ground truth follows L's to AY's conventions: ``creditor_name`` is whoever is owed now (the
agency's client, the claimant, the judgment creditor, the council behind a liability
order, a solicitor's client, the assignee of a sold debt, the DWP for its overpayment,
HM Courts and Tribunals Service for a fine); ``original_creditor`` where a sold debt's
first creditor is named; ``account_reference`` the creditor's account number (on the claim
and the judgment the claimant's own reference; the enforcement agents' their own case
number); ``court_claim_number`` the claim number; ``balance_pence`` what is owed now;
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
from PIL import Image, ImageDraw

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

FAMILY = "BA"

PEOPLE = (
    ("Mrs", "Precious", "Adeyemi-Coles"),
    ("Mr", "Dariusz", "Kowalczyk-Hale"),
    ("Ms", "Shannon", "Featherstonehaugh"),
    ("Mr", "Lloyd", "Ashworth-Mbeki"),
)
ADDRESSES = (
    ("14 Ghyllgrove Walk", "Fryerns, Basildon", "SS14 2QN"),
    ("Flat 9, Markhams Chase Court", "Laindon, Basildon", "SS15 5LT"),
    ("33 Chalvedon Square", "Pitsea, Basildon", "SS13 3EX"),
    ("Flat 2, 71 Timberlog Lane", "Barstable, Basildon", "SS14 1PJ"),
)

# -- date and money shapes -------------------------------------------------------------------


def _ordinal(day: int) -> str:
    if 10 < day % 100 < 14:
        return f"{day}th"
    return f"{day}{({1: 'st', 2: 'nd', 3: 'rd'}).get(day % 10, 'th')}"


def ordinal_of(date: dt.date) -> str:
    """4th of December 2026: an ordinal day, "of", the month in full."""
    return f"{_ordinal(date.day)} of {date:%B} {date.year}"


def caps_short(date: dt.date) -> str:
    """04 DEC 2026: the day padded, the month cut to three capitals."""
    return f"{date:%d} {date:%b}".upper() + f" {date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (ordinal_of, caps_short)
"""The shapes a document's dates take (one a document)."""
ALL_SHAPES = DATE_SHAPES


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Wages go into your bank each Friday", "each week"),
    "fortnightly": ("Wages go into your bank every other Friday", "every other week"),
    "four_weekly": ("Paid once in every 4 weeks", "once in every 4 weeks"),
    "monthly": ("Salary credited on the 25th of each month", "once a month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways BA prints a true value (to check it is on the page, or in an OCR text)."""
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
_DV = "/usr/share/fonts/truetype/dejavu/"
_CX = "/usr/share/fonts/truetype/crosextra/"
_LB = "/usr/share/fonts/truetype/liberation/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "libserif": {
        (False, False): _LB + "LiberationSerif-Regular.ttf",
        (True, False): _CX + "Carlito-Bold.ttf",
        (False, True): _LB + "LiberationSerif-Italic.ttf",
        (True, True): _CX + "Carlito-BoldItalic.ttf",
    },
    "dvcond": {
        (False, False): _DV + "DejaVuSansCondensed.ttf",
        (True, False): _LB + "LiberationSans-Bold.ttf",
        (False, True): _DV + "DejaVuSansCondensed-Oblique.ttf",
        (True, True): _LB + "LiberationSans-BoldItalic.ttf",
    },
    "caladea": {
        (False, False): _CX + "Caladea-Regular.ttf",
        (True, False): _DV + "DejaVuSans-Bold.ttf",
        (False, True): _CX + "Caladea-Italic.ttf",
        (True, True): _DV + "DejaVuSans-BoldOblique.ttf",
    },
}
"""Each body face under headings of another family: Liberation Serif under Carlito Bold,
DejaVu Sans Condensed under Liberation Sans Bold, Caladea under DejaVu Sans Bold; each
italic the body's own."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)

INK = (22, 20, 30)
VELVET = (178, 52, 64)
"""The seats' red plush."""
SEAT_BLOCK = (250, 238, 238)
STAGE = (92, 70, 56)
MARKER = (30, 30, 30)
TICKETS = ((246, 226, 160), (200, 226, 246), (236, 204, 222), (212, 236, 200))
"""The tickets' card, pale enough to print on."""
BOARD = (246, 246, 242)
FOLD = (206, 200, 190)


@frozen
class Style:
    face: str = "libserif"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("libserif", 10.5), Style("dvcond", 9.5), Style("caladea", 10.0))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind``: "rule" (across above row ``row`` from ``x0`` to ``x1``, ``shade`` its grey),
    "stage" (the stage, an apron from ``x0`` to ``x1`` at row ``row``), "seats" (a block
    of seats from ``x0`` to ``x1`` over rows ``row``..``last``), "setsheet" (the set list's
    sheet over rows ``row``..``last``), "song" (a marker stroke under row ``last`` from
    ``x0`` to ``x1``), "bill" (the poster's double frame over rows ``row``..``last``),
    "stars" (a row of stars at row ``row`` from ``x0`` to ``x1``), "spread" (a programme
    open at two pages over rows ``row``..``last``, the fold at the middle), "ticket" (a
    ticket from ``x0`` to ``x1`` over rows ``row``..``last``, ``shade`` its card) and
    "letterboard" (the letter board's frame over rows ``row``..``last``) and "groove" (a
    groove of the board under row ``row``)."""

    kind: str
    row: int
    x0: float
    x1: float = 0.0
    last: int | None = None
    shade: int = 24


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


def balance(rng: random.Random, low: int = 6_800, high: int = 720_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    """A working day (letters and court papers are not dated at the weekend)."""
    day = dt.date(2025, 2, 3) + dt.timedelta(days=rng.randrange(660))
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
    date_label: str = "Dated"


def shown(letter: Letter, value: object, amount: Callable[[int], str] = pounds) -> str:
    if isinstance(value, dt.date):
        return letter.when(value)
    if isinstance(value, int):
        return amount(value)
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


def _head(page: Sheet, org: Org, style: Style) -> None:
    """The name centred in the heading face, the address and the telephone centred under
    it, then a rule."""
    page.add(*_bold(page, org.name, 0.14, 0.86, style.point + 3, "centre"))
    page.add((ct(0.5, f"{org.street}, {org.town}  |  Tel. {org.phone}", size=SMALL),))
    page.rule(0.2, 0.8, 60)
    page.gap()


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


def _small(page: Sheet, text: str, x: float, right: float, centre: bool = False, italic: bool = False) -> list[tuple[Cell, ...]]:  # fmt: skip
    rows = page.wrapped(text, x, right - 0.01 if italic else right, size=SMALL, italic=italic)
    if centre:
        return [(ct((x + right) / 2, r[0].text, size=SMALL, italic=italic),) for r in rows]
    return list(rows)


def _opening(page: Sheet, rng: random.Random, letter: Letter) -> None:
    """The address, the title and the greeting."""
    (title, _, surname), lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add(*_bold(page, letter.title, 0.08, 0.92, page.style.point + 1.5)).gap()
    page.add((t(0.08, f"Dear {title} {surname}"),)).gap()


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _sign(page: Sheet, org: Org, x: float = 0.08) -> None:
    page.add((t(x, "Yours faithfully"),)).gap()
    page.add((t(x, f"for {org.team}", italic=True),))


def _start(rng: random.Random, style: Style, letter: Letter) -> Sheet:
    page = Sheet(style)
    _head(page, letter.org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    return page


def _finish(page: Sheet, letter: Letter) -> list[Sheet]:
    _prose(page, letter.paras[1:])
    _sign(page, letter.org)
    _foot(page, letter.org)
    return [page]


# -- the six settings ---------------------------------------------------------------------------

BLOCKS = ((0.12, 0.48), (0.52, 0.88))
"""The seating plan's two blocks, the aisle between."""
ROW_LETTERS = "ABCDEFGHJK"


def _seatplan(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A seating plan: the stage across the head, then the facts in blocks of seats two a
    row either side of an aisle, each label small over its value, each row lettered at
    both ends."""
    page = _start(rng, style, letter)
    page.rules.append(Mark("stage", len(page.rows), 0.22, 0.78))
    page.add((ct(0.5, "S T A G E", True, size=SMALL),)).gap(2)
    pairs = _rows(letter)
    n = 0
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        mark = ROW_LETTERS[n]
        ends = [[(t(0.085, mark, True, size=SMALL),)], [(rt(0.915, mark, True, size=SMALL),)]]
        columns = [[(), *_small(page, label, x0 + 0.03, x1 - 0.03), *_bold(page, value, x0 + 0.03, x1 - 0.03, SMALL + 2), ()] for (label, value), (x0, x1) in zip(group, BLOCKS, strict=False)]  # fmt: skip
        page.beside(ends[0], *columns, ends[1])
        for x0, x1 in BLOCKS[: len(group)]:
            page.rules.append(Mark("seats", top, x0, x1, last=len(page.rows) - 1))
        n += 1
        page.gap()
    return _finish(page, letter)


def _setlist(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A band's set list in marker pen: each fact numbered as a song, the value large and
    bold, its label small in italics under it, a stroke under every song."""
    page = _start(rng, style, letter)
    top = len(page.rows)
    page.gap()
    for k, (label, value) in enumerate(_rows(letter)):
        start = len(page.rows)
        size = style.point + 3
        lines = _bold(page, value, 0.2, 0.86, size)
        lines[0] = (t(0.12, f"{k + 1}.", True, size=size), *lines[0])
        page.add(*lines)
        page.add(*_small(page, label, 0.2, 0.86, italic=True))
        page.rules.append(Mark("song", start, 0.18, 0.18 + min(0.66, FONTS.length(style, value, size, True) + 0.04), last=len(page.rows) - 1))  # fmt: skip
        page.gap()
    page.rules.insert(0, Mark("setsheet", top, 0.09, 0.91, last=len(page.rows) - 1))
    page.gap()
    return _finish(page, letter)


def _playbill(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A poster for a show: a double frame, each fact centred, its label in small capitals
    over its value in large bold, a row of stars between the facts."""
    page = _start(rng, style, letter)
    top = len(page.rows)
    page.gap()
    rows = _rows(letter)
    for k, (label, value) in enumerate(rows):
        page.add(*_small(page, label.upper(), 0.16, 0.84, centre=True))
        page.add(*_bold(page, value, 0.14, 0.86, style.point + 3, "centre"))
        if k + 1 < len(rows):
            page.gap()
            page.rules.append(Mark("stars", len(page.rows) - 1, 0.36, 0.64))
        page.gap()
    page.rules.insert(0, Mark("bill", top, 0.1, 0.9, last=len(page.rows) - 1))
    page.gap()
    return _finish(page, letter)


PAGES = ((0.11, 0.47), (0.53, 0.89))
"""The programme's two pages, the fold at 0.5."""


def _cast(page: Sheet, label: str, value: str, x0: float, x1: float) -> list[tuple[Cell, ...]]:
    """One line of a cast list: the label in italics at the left, the value in bold at the
    right edge (on the line under it if both do not fit)."""
    size = SMALL + 1.5
    width = FONTS.length(page.style, value, size, True)
    room = x1 - width - 0.025
    if room - x0 >= 0.1:
        names = _small(page, label, x0, room, italic=True)
        return [(*names[0], rt(x1, value, True, size=size)), *names[1:]]
    return [*_small(page, label, x0, x1, italic=True), *_bold(page, value, x0 + 0.04, x1, size, "right")]  # fmt: skip


def _programme(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A theatre programme open at its middle pages: two pages side by side with the fold
    between, each fact a line of the cast list."""
    page = _start(rng, style, letter)
    top = len(page.rows)
    rows = _rows(letter)
    half = (len(rows) + 1) // 2
    heads = ("Cast and company", "Running order")
    columns: list[list[tuple[Cell, ...]]] = []
    for (x0, x1), part, head in zip(PAGES, (rows[:half], rows[half:]), heads, strict=True):
        column: list[tuple[Cell, ...]] = [(), (ct((x0 + x1) / 2, head.upper(), True, size=SMALL),), ()]  # fmt: skip
        for label, value in part:
            column += [*_cast(page, label, value, x0, x1), ()]
        columns.append(column)
    page.beside(*columns)
    page.rules.insert(0, Mark("spread", top, PAGES[0][0] - 0.02, PAGES[1][1] + 0.02, last=len(page.rows) - 1))  # fmt: skip
    page.gap()
    return _finish(page, letter)


SEATS_OF_TICKETS = ((0.1, 0.48), (0.52, 0.9))
STUB = 0.07
"""The stub's width at each ticket's left end."""


def _tickets(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Cinema tickets, two a row, each with a perforated stub at its left end and notches
    in its sides, the label small over the value on each."""
    page = _start(rng, style, letter)
    pairs = _rows(letter)
    n = 0
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        columns = [[(), *_small(page, label, x0 + STUB + 0.02, x1 - 0.02), *_bold(page, value, x0 + STUB + 0.02, x1 - 0.02, SMALL + 2), ()] for (label, value), (x0, x1) in zip(group, SEATS_OF_TICKETS, strict=False)]  # fmt: skip
        page.beside(*columns)
        for k, (x0, x1) in enumerate(SEATS_OF_TICKETS[: len(group)]):
            page.rules.append(Mark("ticket", top, x0, x1, last=len(page.rows) - 1, shade=(n + k) % len(TICKETS)))  # fmt: skip
        n += 2
        page.gap()
    return _finish(page, letter)


def _letterboard(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A cinema's changeable letter board: a framed board with grooves, one fact a groove,
    all in capitals (the label at the left, the value in bold)."""
    page = _start(rng, style, letter)
    top = len(page.rows)
    page.gap()
    for label, value in _rows(letter):
        names = page.wrapped(label.upper(), 0.13, 0.45, size=SMALL + 1)
        values = _bold(page, value.upper(), 0.5, 0.87, SMALL + 2)
        start = len(page.rows)
        page.beside(names, values)
        for k in range(start, len(page.rows)):
            page.rules.append(Mark("groove", k, 0.12, 0.88))
    page.gap()
    page.rules.insert(0, Mark("letterboard", top, 0.1, 0.9, last=len(page.rows) - 1))
    page.gap()
    return _finish(page, letter)


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "seatplan": _seatplan,
    "setlist": _setlist,
    "playbill": _playbill,
    "programme": _programme,
    "tickets": _tickets,
    "letterboard": _letterboard,
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


def _co(name: str, number: str, office: str, extra: str = "") -> str:
    return f"{name}: a company registered in England (no. {number}); registered office {office}.{extra}"  # fmt: skip


FCA = " FCA authorised and regulated."
AGENCY = Org("Pitsea Marsh Collections Ltd", "Wat Tyler Court, Pitsea Hall Lane", "Basildon SS16 4UH", "01268 550 913",
             _co("Pitsea Marsh Collections Ltd", "12904417", "Pitsea Hall Lane, Basildon SS16 4UH", FCA), "the Recoveries Desk")  # fmt: skip
CARD = Org("Eastgate Lantern Card Ltd", "PO Box 8832", "Basildon SS14 9ZA", "0345 331 4702",
           _co("Eastgate Lantern Card Ltd", "10418835", "Southernhay, Basildon SS14 1EB", FCA))  # fmt: skip
MOTORS = Org("Nethermayne Auto Finance Ltd", "Nethermayne Business Park", "Basildon SS16 5NL", "01268 223 640",
             _co("Nethermayne Auto Finance Ltd", "09377251", "Nethermayne, Basildon SS16 5NL", FCA), "Arrears Support")  # fmt: skip
LENDER = Org("Laindon Link Loans Ltd", "PO Box 5561", "Basildon SS15 9WW", "0333 015 2298",
             _co("Laindon Link Loans Ltd", "11653082", "High Road, Laindon SS15 6AE", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court Business Centre", "Civil National Business Centre, St Katharine's House, 21-27 St Katharine's Street", "Northampton NN1 2LH", "0300 123 1057",
                  "Civil National Business Centre: claims issued for the County Court. Court staff cannot give legal advice.", "the Court Manager")  # fmt: skip
BASILDON_COURT = "County Court at Basildon"
JUDGMENT_COURT = Org(BASILDON_COURT, "Basildon Combined Court, The Gore", "Basildon SS14 2EW", "0300 123 6622",
                     "The County Court at Basildon sits at the Combined Court, The Gore.", "the Court Manager")  # fmt: skip
BROADBAND = Org("Vange Airwave Broadband Ltd", "Billing, Vange Park Road", "Basildon SS16 5LA", "01268 907 114",
                _co("Vange Airwave Broadband Ltd", "13390276", "Vange Park Road, Basildon SS16 5LA"))  # fmt: skip
AGENTS = Org("Bowers Gifford Enforcement Ltd", "Enforcement House, London Road", "Basildon SS13 2DT", "01268 771 035",
             _co("Bowers Gifford Enforcement Ltd", "08129564", "London Road, Bowers Gifford SS13 2DT", " Our agents hold certificates under the Certification of Enforcement Agents Regulations 2014."), "the Enforcement Desk")  # fmt: skip
BOROUGH = "Basildon Borough Council"
TAX = Org(BOROUGH, "Revenues, The Basildon Centre, St Martin's Square", "Basildon SS14 1DL", "01268 533 900",
          "Basildon Borough Council, The Basildon Centre. Council tax pays for bin collections, parks and local services.", "Local Taxation")  # fmt: skip
MERCHANT = Org("Cranes Farm Scaffold Supplies Ltd", "Accounts, Cranes Farm Road", "Basildon SS14 3JB", "01268 287 455",
               _co("Cranes Farm Scaffold Supplies Ltd", "04512983", "Cranes Farm Road, Basildon SS14 3JB"), "Accounts Director")  # fmt: skip
POWER = Org("Langdon Hills Gas and Power Ltd", "PO Box 4470", "Basildon SS16 9QR", "0800 085 3321",
            _co("Langdon Hills Gas and Power Ltd", "12266018", "Dry Street, Langdon Hills SS16 5LZ"), "Billing Services")  # fmt: skip
WATER = Org("Nevendon Water Services plc", "Household Customers, Nevendon Road", "Basildon SS13 1BN", "0345 417 2086",
            _co("Nevendon Water Services plc", "02713397", "Nevendon Road, Basildon SS13 1BN"), "Household Customers")  # fmt: skip
HMCTS = "HM Courts and Tribunals Service"
FINES = Org(HMCTS, "Essex Fines Office, PO Box 11204", "Chelmsford CM1 9QW", "0300 790 6613",
            "Fines imposed at Basildon Magistrates' Court are collected by the Essex Fines Office for HM Courts and Tribunals Service.", "the Fines Office")  # fmt: skip
STORECARD = Org("Felmores Fashion Card Ltd", "Town Square", "Basildon SS14 1BB", "0345 602 7715",
                _co("Felmores Fashion Card Ltd", "07735219", "Town Square, Basildon SS14 1BB", FCA))  # fmt: skip
BUYER = Org("Ghyllgrove Debt Purchase Ltd", "PO Box 7320", "Basildon SS14 8ZH", "0333 207 4169",
            _co("Ghyllgrove Debt Purchase Ltd", "11092847", "Whitmore Way, Basildon SS14 2NN", FCA), "Customer Care")  # fmt: skip
DWP = "Department for Work and Pensions"
DEBT = Org(DWP, "Debt Management, Mail Handling Site A", "Wolverhampton WV98 2DY", "0800 916 0659",
           "DWP Debt Management recovers benefit overpayments for the Department for Work and Pensions.", "DWP Debt Management")  # fmt: skip
SOCIETY = Org("Kingswood Mutual Building Society", "Borrower Support, 2 Kingswood Crescent", "Basildon SS16 5AL", "01268 418 226",
              "Kingswood Mutual Building Society: authorised by the PRA, regulated by the FCA and the PRA (ref. 207731).", "Borrower Support")  # fmt: skip
HOMES = Org("Craylands Housing Trust", "Rent Income, Craylands Lane", "Basildon SS14 3RY", "01268 592 480",
            "Craylands Housing Trust is a registered provider of social housing (L4902) and a charitable society.", "Rent Income")  # fmt: skip
SPLIT = Org("Tallyway Ltd", "help@tallyway.example", "Basildon SS14 1HE", "01268 990 271",
            _co("Tallyway Ltd", "13661928", "Cherrydown, Basildon SS14 1HE", FCA), "Tallyway Help")  # fmt: skip
CATALOGUE = Org("Barstable Home Catalogue Ltd", "Customer Accounts, Paycocke Road", "Basildon SS14 3EA", "0345 128 0463",
                _co("Barstable Home Catalogue Ltd", "05098732", "Paycocke Road, Basildon SS14 3EA", FCA))  # fmt: skip
VET = Org("Noak Bridge Veterinary Surgery Ltd", "8 Coppice Lane", "Basildon SS15 4JS", "01268 280 655",
          _co("Noak Bridge Veterinary Surgery Ltd", "08861427", "Coppice Lane, Noak Bridge SS15 4JS"))  # fmt: skip
SOLICITORS = Org("Holy Cross Gardiner LLP", "Solicitors, 19 Southernhay", "Basildon SS14 1EU", "01268 525 871",
                 "Holy Cross Gardiner LLP, solicitors: authorised and regulated by the Solicitors Regulation Authority (no. 652914).", "the Credit Recovery Team")  # fmt: skip
WAREHOUSE = Org("Burnt Mills Logistics Ltd", "Payroll, Burnt Mills Road", "Basildon SS13 1DY", "01268 726 150",
                _co("Burnt Mills Logistics Ltd", "06281734", "Burnt Mills Road, Basildon SS13 1DY"), "Payroll")  # fmt: skip
SCHOOL = Org("Great Berry Learning Trust", "Central Payroll, Forest Glade", "Basildon SS16 6SA", "01268 415 302",
             "Great Berry Learning Trust, an academy trust: a charitable company limited by guarantee (no. 07654120).", "Central Payroll")  # fmt: skip
BANK = Org("Laindon Savings Bank plc", "18 Laindon Centre", "Basildon SS15 5TR", "0345 301 2284",
           _co("Laindon Savings Bank plc", "00538194", "Laindon Centre, Basildon SS15 5TR", " Deposits are protected by the Financial Services Compensation Scheme."), "Laindon Savings Bank")  # fmt: skip
UNION = Org("Lee Chapel and Kingswood Credit Union Ltd", "Clayhill Road", "Basildon SS16 5DH", "01268 544 719",
            "Lee Chapel and Kingswood Credit Union Ltd: authorised by the PRA, regulated by the FCA and the PRA (no. 214402).", "Member Services")  # fmt: skip
PENSION = Org(DWP, "The Pension Service, Post Handling Site B", "Wolverhampton WV99 1TP", "0800 731 7919",
              "Pension Credit is paid by The Pension Service, part of the Department for Work and Pensions.", "The Pension Service")  # fmt: skip
HMRC = "HM Revenue and Customs"
CHILD = Org(HMRC, "Child Benefit Office", "Newcastle upon Tyne NE88 1AA", "0300 200 3100",
            "Child Benefit is paid by HM Revenue and Customs.", "Child Benefit Office")  # fmt: skip
OPERATIC = Org("Pitsea Light Operatic Society", "c/o The Church Hall, Rectory Road", "Basildon SS13 2AE", "07700 900 563",
               "An amateur company: we stage two shows a year and new members are always welcome.", "the Company Secretary")  # fmt: skip
FILMCLUB = Org("Dunton Village Film Club", "c/o Dunton Village Hall", "Basildon SS15 6PR", "07700 900 217",
               "A community film club run by volunteers; membership is free.", "the Club Organiser")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """The collection agency's letter for a card firm (even: the seating plan) or the car
    finance firm's arrears letter (odd: the letter board)."""
    kinds = ("seatplan", "letterboard")
    when, date = _when(rng), dated(rng)
    by = later(date, 14)
    if i % 2 == 0:
        owed = balance(rng)
        ref = f"PMC{digits(rng, 3)}-{digits(rng, 5)}"
        letter = Letter(
            org=AGENCY, title="Eastgate Lantern Card has passed your account to Pitsea Marsh", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
            ref_label="Pitsea Marsh file no.", ref=ref, date_label="Agency notice dated",
            facts=[("Owing on the Lantern card", owed), ("Card company we act for", CARD.name), ("Contact the Recoveries Desk by", by)],
            paras=(f"{CARD.name} closed your credit card after the payments stopped, and has asked us to recover what is still owed.",
                   f"The sum outstanding is {pounds(owed)}. Please pay it, or phone the Recoveries Desk with a repayment offer you can afford, no later than {when(by)}.",
                   "We collect debts by letter and telephone only; no one will call at your home. Free, confidential advice is available from StepChange or Citizens Advice, and we will pause collection for 30 days if you seek it."),
        )  # fmt: skip
    else:
        owed = balance(rng, 18_000, 412_000)
        ref = f"NAF/{digits(rng, 7)}"
        letter = Letter(
            org=MOTORS, title="Payments missed on your hire purchase agreement", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, MOTORS.name, ref, owed, date, deadline_date=by),
            ref_label="Nethermayne HP agreement", ref=ref, date_label="Arrears letter issued",
            facts=[("HP instalments in arrears", owed), ("Financed vehicle reg.", f"{letters(rng, 2)}{rng.randrange(15, 74)} {letters(rng, 3)}"), ("HP arrears to be paid by", by)],
            paras=("We have not received all of the monthly instalments due under your hire purchase agreement.",
                   f"The missed instalments come to {pounds(owed)}. Please pay them, or speak to Arrears Support about a plan, by {when(by)}.",
                   "If the arrears are not cleared we may send you a default notice and end the agreement. The vehicle belongs to us until the agreement is paid in full."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("programme", "tickets")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 61_000, 505_000)
    fee = rng.choice((11_500, 20_500, 35_500))
    costs = rng.choice((8_000, 10_000))
    total = claimed + fee + costs
    ref = f"LLL{digits(rng, 7)}"
    number = f"{rng.choice('KLMN')}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 1)}{letters(rng, 1)}{digits(rng, 2)}"
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="A money claim has been issued against you by Laindon Link Loans", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, LENDER.name, ref, total, date, court_claim_number=number, served_date=served, deadline_date=by),
        ref_label="Court's number for this claim", ref=number, date_label="Claim issued (CNBC)",
        facts=[("Total sought incl. fee and costs", total), ("Claimant lender", LENDER.name), ("Laindon Link loan no.", ref), ("Deemed served (CPR 6.14)", served), ("Response pack back to court by", by)],
        paras=(f"{LENDER.name} is claiming from you the balance left unpaid on a personal loan, together with the court fee and its legal representative's costs.",
               f"The loan balance claimed is {pounds(claimed)}; adding the fee of {pounds(fee)} and costs of {pounds(costs)} makes {pounds(total)}. The claim form is deemed served on {when(served)}.",
               f"You must respond by {when(by)} with the response pack: pay, admit the claim in full or in part and propose instalments, or defend it. If you do not respond, the claimant can ask for judgment against you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("playbill", "setlist")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 31_000, 590_000)
    ref = f"VAB{digits(rng, 6)}"
    number = f"{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 2)}"
    by = later(date, 30)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    facts: list[Fact] = [
        ("Sum of the judgment (fee and costs in)", owed),
        ("Vange Airwave customer no.", ref),
    ]
    if extra:
        facts.append(("Pay Vange Airwave all of it by", by))
    how = (f"You are ordered to pay {pounds(owed)} to the claimant by {when(by)}." if extra
           else f"You are ordered to pay {pounds(owed)} to the claimant immediately.")  # fmt: skip
    letter = Letter(
        org=JUDGMENT_COURT, title="The court has entered judgment in default", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, BROADBAND.name, ref, owed, date, court_claim_number=number, **extra),
        ref_label="Basildon claim number", ref=number, date_label="Judgment in default dated",
        facts=facts,
        paras=(f"No response was filed to the claim brought by {BROADBAND.name} for broadband charges, so judgment has been entered in default.",
               how + " Send payment to the claimant and not to the court.",
               "A judgment paid in full within one month is removed from the register. If it is not paid, the claimant may apply for a warrant of control or an attachment of earnings order."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """The enforcement agents' notice under a writ of control (even: the tickets) or under
    the council's liability order (odd: the seating plan)."""
    kinds = ("tickets", "seatplan")
    when, date = _when(rng), dated(rng)
    case = f"BGE-{digits(rng, 7)}"
    by = later(date, 7)
    if i % 2 == 0:
        debt = balance(rng, 62_000, 390_000)
        owed = debt + 7_500
        letter = Letter(
            org=AGENTS, title="Writ of control: notice of enforcement from Bowers Gifford", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, LENDER.name, case, owed, date, deadline_date=by),
            ref_label="Bowers Gifford file", ref=case, date_label="Date of this enforcement notice",
            facts=[("Balance incl. compliance fee", owed), ("Writ enforces judgment of", LENDER.name), ("Seven clear days run until", by)],
            paras=(f"A writ of control has been issued to enforce the judgment {LENDER.name} holds against you, and we have been instructed to act on it.",
                   f"Pay {pounds(owed)} by {when(by)}. After that date an enforcement agent can attend your address to take control of goods, and further fees will be charged.",
                   "If you are vulnerable or cannot pay in full, telephone the Enforcement Desk straight away: an arrangement may be possible, and free debt advice is available."),
        )  # fmt: skip
    else:
        tax = rng.randrange(52_000, 236_000)
        owed = tax + 7_500
        letter = Letter(
            org=AGENTS, title="Unpaid council tax: Bowers Gifford notice of enforcement", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, BOROUGH, case, owed, date, deadline_date=by),
            ref_label="Bowers Gifford file", ref=case, date_label="Date of this enforcement notice",
            facts=[("Arrears plus £75 compliance fee", owed), ("Council granted the order", BOROUGH), ("Settle or arrange instalments by", by)],
            paras=(f"{BOROUGH} has a liability order from the magistrates' court for council tax you have not paid, and has passed the debt to us.",
                   f"Including the compliance fee of £75.00 you now owe {pounds(owed)}. Pay it, or ring us to agree instalments, by {when(by)}.",
                   "If you do neither, an enforcement agent may call at your home and a further fee of £235.00 will be added."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("letterboard", "programme")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 520_000, 1_850_000)
    ref, by = f"CFS-{digits(rng, 6)}", later(date, 21)
    letter = Letter(
        org=MERCHANT, title="Statutory demand: a debt due now (Insolvency Act 1986, section 268(1)(a))", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, MERCHANT.name, ref, owed, date, deadline_date=by),
        ref_label="Cranes Farm trade account", ref=ref, date_label="Statutory demand made on",
        facts=[("Unpaid for scaffold hire and sales", owed), ("Period of 21 days ends", by)],
        paras=("Scaffold tubes, fittings and boards were hired and sold to you on a trade account, and the invoices remain unpaid.",
               f"The creditor requires you to pay {pounds(owed)}, or to secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition. You can apply to the court within 18 days of service to have this demand set aside. Take advice at once."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("setlist", "playbill")
    when, date = _when(rng), dated(rng)
    ref, by = f"5{digits(rng, 8)}", later(date, 7)
    owed = rng.randrange(34_000, 211_000)
    letter = Letter(
        org=TAX, title="Reminder notice: council tax instalments not received", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, BOROUGH, ref, owed, date, deadline_date=by),
        ref_label="Basildon council tax account", ref=ref, date_label="Council reminder issued",
        facts=[("Council tax gone overdue", owed), ("Overdue council tax wanted by", by), ("Property's council tax band", f"Band {rng.choice('ABCDE')}")],
        paras=("Our records show that instalments of council tax due on your account have not been received.",
               f"Please pay the overdue {pounds(owed)} by {when(by)}. Otherwise you will lose the right to pay by instalments and the full year's charge will become payable.",
               "If you are finding it hard to pay, you may qualify for Local Council Tax Support; contact Local Taxation."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("tickets", "playbill")
    when, date = _when(rng), dated(rng)
    ref, by = f"LH{digits(rng, 4)} {digits(rng, 4)}", later(date, 14)
    owed = rng.randrange(5_600, 61_000)
    letter = Letter(
        org=POWER, title="Your gas and electricity statement for the quarter", date=date, when=when,
        truth=owes(C.UTILITY_BILL, POWER.name, ref, owed, date, deadline_date=by),
        ref_label="Langdon Hills account ref.", ref=ref, date_label="Quarterly statement dated",
        facts=[("Gas and electricity to pay", owed), ("Please pay no later than", by), ("Gas meter point (MPRN)", f"{digits(rng, 10)}")],
        paras=("This statement covers the gas and electricity used at your home over the past quarter, with the daily standing charges.",
               f"The amount to pay is {pounds(owed)}, VAT at 5% included, by {when(by)}.",
               "Struggling to pay? Contact us before the due date: we can spread the cost and check whether you can get extra help with your energy bills."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("letterboard", "setlist")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 11_500, 152_000)
    ref, by = f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 4)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Water account in arrears: please act now", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Nevendon Water customer no.", ref=ref, date_label="Arrears notice date",
        facts=[("Water and sewerage owing", owed), ("Act on this arrears notice by", by)],
        paras=("Water supply and sewerage charges on your account have gone unpaid, and it is now in arrears.",
               f"You are {pounds(owed)} in arrears. Please pay, or set up instalments, by {when(by)}.",
               "By law we cannot disconnect a household's water supply, but unpaid charges may go to a debt collector. Ask about our assistance scheme if your income is low."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("programme", "seatplan")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(6_000, 121_000)
    ref, by = f"{digits(rng, 2)}-{digits(rng, 6)}-{rng.randrange(24, 27)}", later(date, 14)
    letter = Letter(
        org=FINES, title="Final reminder: unpaid fine, costs and surcharge", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, HMCTS, ref, owed, date, deadline_date=by),
        ref_label="Essex fines account", ref=ref, date_label="Final reminder printed",
        facts=[("Balance of the fine to pay", owed), ("Pay the Fines Office by", by)],
        paras=("The fine, costs and victim surcharge imposed at Basildon Magistrates' Court have not been paid as ordered.",
               f"The balance still to pay is {pounds(owed)}. Pay it in full, or contact the Fines Office, by {when(by)}.",
               "Otherwise we can make deductions from your earnings or benefits, register the fine, or send enforcement agents to your address."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("playbill", "tickets")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 8_500, 272_000)
    ref, old = f"GDP{digits(rng, 8)}", f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}"
    letter = Letter(
        org=BUYER, title="Notice that Felmores has assigned your debt to Ghyllgrove", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=STORECARD.name),
        ref_label="Ghyllgrove reference", ref=ref, date_label="Ghyllgrove notice posted",
        facts=[("Balance assigned from Felmores", owed), ("Original lender (store card)", STORECARD.name), ("Felmores card number", old)],
        paras=(f"{STORECARD.name} has sold your store card account, and the legal right to collect it has been assigned to us.",
               f"The balance transferred to us is {pounds(owed)}. We will not charge interest on it.",
               "Please send all payments to us from now on, quoting our reference. If you already pay by arrangement, it carries on unchanged."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("seatplan", "programme")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(24_000, 462_000)
    ref, by = (
        f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}",
        later(date, 30),
    )
    letter = Letter(
        org=DEBT, title="You were paid too much Employment and Support Allowance", date=date, when=when,
        truth=owes(C.OVERPAYMENT, DWP, ref, owed, date, deadline_date=by),
        ref_label="Your NI number (as we hold it)", ref=ref, date_label="DWP letter dated",
        facts=[("ESA overpaid, to be repaid", owed), ("Reply about repayment by", by)],
        paras=("You carried on receiving Employment and Support Allowance after you started work, so more was paid to you than you were entitled to.",
               f"The amount overpaid is {pounds(owed)}. Please repay it, or contact DWP Debt Management to agree how, by {when(by)}.",
               "If you receive other benefits, deductions may be made from them. If you disagree with the decision, you can ask for a mandatory reconsideration within one month."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("setlist", "tickets")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 51_000, 770_000), rng.randrange(54_000, 151_000)
    ref = f"KMB{digits(rng, 8)}"
    letter = Letter(
        org=SOCIETY, title="Kingswood Mutual: arrears on your home loan", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Kingswood Mutual mortgage", ref=ref, date_label="Letter prepared",
        facts=[("Kingswood arrears figure", owed), ("Standard monthly mortgage instalment", monthly)],
        paras=("Payments on your mortgage have been missed or paid short, so your account is in arrears.",
               f"The arrears total {pounds(owed)}, and your contractual monthly payment is {pounds(monthly)}.",
               "Please contact Borrower Support so that we can agree an affordable plan. We only take possession as a last resort, and free advice is available from MoneyHelper."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("tickets", "letterboard")
    when, date = _when(rng), dated(rng)
    weekly = rng.randrange(9_500, 17_200)
    owed = weekly * rng.randrange(2, 16) + rng.choice((0, 1_500, 3_000))
    ref = f"CHT{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="Craylands Housing Trust: your rent account is behind", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Craylands tenancy ref.", ref=ref, date_label="Dated",
        facts=[("Rent arrears outstanding", owed), ("Craylands weekly charge", weekly)],
        paras=("Your rent account is in arrears.",
               f"The arrears are {pounds(owed)}; your rent and service charges come to {pounds(weekly)} a week. Please contact Rent Income to agree how you will pay them off.",
               "If your housing costs payment from Universal Credit has changed or stopped, let us know straight away. We can refer you to a free money advice service."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("programme", "letterboard")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 3_200, 121_000), later(date, 10)
    if i % 4 < 2:
        org, ref, title = (
            SPLIT,
            f"TW{letters(rng, 2)}{digits(rng, 7)}",
            "Tallyway: we could not take your instalments",
        )
        first = "Your last two Tallyway instalments could not be taken from your debit card."
        date_label, ref_label = "Email sent", "Tallyway purchase"
    else:
        org, ref, title = (
            CATALOGUE,
            f"BHC-{digits(rng, 8)}",
            "Barstable catalogue account: payments overdue",
        )
        first = "Your Barstable catalogue account is overdue, so new orders are on hold until it is brought up to date."
        date_label, ref_label = "Account letter dated", "Barstable account no."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label=ref_label, ref=ref, date_label=date_label,
        facts=[("Overdue instalments in total", owed), ("Catch up on payments by", by)],
        paras=(first,
               f"The overdue amount is {pounds(owed)}. Please pay it by {when(by)} so that missed payments are not reported to the credit reference agencies.",
               "If money is tight, tell us: we will hold collection for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("letterboard", "playbill")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 28_000, 640_000), later(date, 30)
    ref = f"NBV/{digits(rng, 5)}"
    letter = Letter(
        org=SOLICITORS, title="Pre-action letter: Noak Bridge Veterinary Surgery's unpaid fees", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, VET.name, ref, owed, date, deadline_date=by),
        ref_label="Surgery client account", ref=ref, date_label="Letter of claim dated",
        facts=[("Fees unpaid to the surgery", owed), ("Acting for our client", VET.name), ("Reply Form due back on", by)],
        paras=(f"We act for {VET.name}, which treated your animals and has not been paid for that treatment.",
               f"Our client is owed {pounds(owed)}. Please pay, or complete and send back the Reply Form enclosed, by {when(by)}.",
               "This letter follows the Pre-Action Protocol for Debt Claims. If we hear nothing, our client may issue proceedings and claim interest and costs. The information sheet enclosed lists organisations that give free advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _warehouse(rng: random.Random, i: int) -> Doc:
    """A warehouse's payslip: hours, overtime and a night allowance ("Pay elements") beside
    the deductions; weekly or fortnightly."""
    org, date, when = WAREHOUSE, dated(rng), _when(rng)
    date = later(date, (4 - date.weekday()) % 7)  # a Friday
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    weeks = {"weekly": 1, "fortnightly": 2}[frequency]
    hours = rng.choice((37.5, 40.0, 42.0)) * weeks
    rate = rng.choice((1_244, 1_296, 1_351))
    basic = round(hours * rate)
    overtime = round(rng.randrange(0, 9) * rate * 1.5) * weeks
    nights = rng.randrange(0, 5) * 940 * weeks
    gross = basic + overtime + nights
    cuts = [("Tax under PAYE code", gross * 12 // 100), ("NI contributions (cat. A)", gross * 6 // 100), ("Auto-enrolled pension saving", gross * 5 // 100), ("Staff canteen credit", 500 * weeks)]  # fmt: skip
    off = sum(a for _, a in cuts)
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Wage slip", True, size=style.point + 3), rt(0.92, f"Paid on {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}  -  picker, bay C", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Works no. {digits(rng, 6)}   Code 1257L   NI cat. A", size=size),)).gap()  # fmt: skip
    page.add((t(0.08, "Pay elements", True, size=size), rt(0.47, "£", True, size=size), t(0.54, "Deductions", True, size=size), rt(0.92, "£", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 100)
    pays = [(f"Basic {hours:.1f} h @ {plain(rate)}", basic), ("Extra hours (x1.5)", overtime), ("Night allowance", nights)]  # fmt: skip
    for k in range(max(len(pays), len(cuts))):
        cells = []
        if k < len(pays):
            cells += [t(0.08, pays[k][0], size=size), rt(0.47, plain(pays[k][1]), size=size)]
        if k < len(cuts):
            cells += [t(0.54, cuts[k][0], size=size), rt(0.92, plain(cuts[k][1]), size=size)]
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 100)
    page.add((t(0.08, "Gross this pay run", True, size=size), rt(0.47, plain(gross), True, size=size), t(0.54, "Deducted", True, size=size), rt(0.92, plain(off), True, size=size)))  # fmt: skip
    page.gap()
    top = len(page.rows)
    page.add((t(0.54, "Take-home, banked", True, size=size), rt(0.92, plain(gross - off), True, size=style.point + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.52, 0.93, True, 228))
    page.gap()
    page.para("Queries about your wages go to Payroll within seven days of the pay date.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def _school(rng: random.Random, i: int) -> Doc:
    """A school trust's payslip: a running list of "+" and "-" lines (a salary and a
    responsibility allowance, then the deductions); monthly or four-weekly."""
    org, date, when = SCHOOL, dated(rng), _when(rng)
    frequency = ("monthly", "four_weekly")[(i // 2) % 2]
    salary = {"monthly": rng.randrange(186_000, 244_000), "four_weekly": rng.randrange(171_000, 224_000)}[frequency]  # fmt: skip
    allowance = rng.choice((0, 4_480, 9_120))
    gross = salary + allowance
    less = [("Tax taken (PAYE)", gross * 10 // 100), ("Class 1 NI, your part", gross * 6 // 100), ("LGPS pension", gross * 6 // 100)]  # fmt: skip
    off = sum(a for _, a in less)
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[(i + 2) % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Statement of earnings", True, size=style.point + 3),))
    page.add((t(0.08, f"{first} {surname}, teaching assistant", size=size), rt(0.92, f"Payment date: {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, FREQUENCY_SHOWN[frequency][0], size=size), rt(0.92, f"Payroll ref. {digits(rng, 5)}", size=size))).gap()  # fmt: skip
    page.add((t(0.12, "Item", True, size=size), rt(0.9, "£", True, size=size)))
    page.rule(0.08, 0.92, 70)
    for what, amount in [("Salary for the period", salary), ("TLR allowance", allowance)]:
        page.add((t(0.08, "+", True, size=size), t(0.12, what, size=size), rt(0.9, plain(amount), size=size)))  # fmt: skip
    for what, amount in less:
        page.add((t(0.08, "-", True, size=size), t(0.12, what, size=size), rt(0.9, plain(amount), size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 70)
    page.add((t(0.12, "Gross earnings", True, size=size), rt(0.9, plain(gross), True, size=size)))
    page.add((t(0.12, "All deductions", True, size=size), rt(0.9, plain(off), True, size=size)))
    page.add((t(0.12, "Net pay to your account", True, size=size), rt(0.9, plain(gross - off), True, size=style.point + 1.5)))  # fmt: skip
    page.gap()
    page.para("TLR: a teaching and learning responsibility payment, where one applies.", size=SMALL)
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """The warehouse's wage slip (even) or the school trust's statement of earnings (odd)."""
    return _warehouse(rng, i) if i % 2 == 0 else _school(rng, i)


def _signed(pence: int) -> str:
    return plain(pence) if pence >= 0 else f"-{plain(-pence)}"


def _bank(rng: random.Random, i: int) -> Doc:
    """A savings bank's current account: date, description, paid out, paid in, balance."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Current account statement", True, size=style.point + 2), rt(0.92, f"Issued {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Sort code 30-{digits(rng, 2)}-{digits(rng, 2)}   Account {digits(rng, 8)}   Sheet {rng.randrange(8, 140)}", size=size),)).gap()  # fmt: skip
    xs = (0.62, 0.77, 0.92)
    page.add((t(0.08, "Date", True, size=size), t(0.19, "Description", True, size=size), *(rt(x, h, True, size=size) for x, h in zip(xs, ("Paid out", "Paid in", "Balance"), strict=True))))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(3_000, 68_000)
    page.add((t(0.19, "Start balance", size=size), rt(0.92, _signed(running), size=size)))
    items = [("BURNT MILLS LOGISTICS", rng.randrange(36_000, 70_000)), ("DD BASILDON BC CTAX", -rng.randrange(9_000, 17_000)),
             ("CARD LIDL PITSEA", -rng.randrange(1_400, 8_600)), ("DD LANGDON HILLS G&P", -rng.randrange(4_200, 12_500)),
             ("BURNT MILLS LOGISTICS", rng.randrange(36_000, 70_000)), ("ATM EASTGATE CENTRE", -1_000 * rng.randrange(1, 7)),
             ("C2C RAIL LAINDON", -rng.randrange(600, 3_100))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        cells = [
            t(0.08, f"{later(date, -offset):%d%b}".upper(), size=size),
            t(0.19, what, size=size),
        ]
        cells.append(rt(xs[0] if amount < 0 else xs[1], plain(abs(amount)), size=size))
        cells.append(rt(0.92, _signed(running), size=size))
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.19, "End balance", True, size=size), rt(0.92, _signed(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("A balance with a minus sign is overdrawn. Please report any payment you do not recognise at once.", size=SMALL)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def _union(rng: random.Random, i: int) -> Doc:
    """A credit union's account: one amount column marked "CR" or "DR", the balance after
    each line."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, UNION, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Member savings statement", True, size=style.point + 2),))
    page.add((t(0.08, f"Member no. {digits(rng, 6)}", size=size), rt(0.92, f"Statement to {when(date)}", size=size))).gap()  # fmt: skip
    page.add((t(0.08, "On", True, size=size), t(0.2, "Entry", True, size=size), rt(0.66, "Sum", True, size=size), t(0.68, "", size=size), rt(0.92, "Savings", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(9_000, 104_000)
    page.add((t(0.2, "Brought forward", size=size), rt(0.92, plain(running), size=size)))
    items = [("Saved via payroll", rng.randrange(2_000, 6_000)), ("Cash out, Clayhill Rd", -1_000 * rng.randrange(1, 4)),
             ("Child Benefit in", rng.randrange(10_000, 20_000)), ("To loan repayment", -rng.randrange(4_000, 11_000)),
             ("Saved via payroll", rng.randrange(2_000, 6_000)), ("SO Nevendon Water", -rng.randrange(2_400, 6_800))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        page.add((t(0.08, f"{later(date, -offset):%d.%m}", size=size), t(0.2, what, size=size), rt(0.66, plain(abs(amount)), size=size), t(0.68, "CR" if amount > 0 else "DR", size=size), rt(0.92, plain(running), size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    page.add((t(0.2, "Carried forward", True, size=size), rt(0.92, plain(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("CR: paid into your savings. DR: taken out. Savings are protected by the FSCS.", size=SMALL)  # fmt: skip
    _foot(page, UNION)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def bank_statement(rng: random.Random, i: int) -> Doc:
    """The savings bank's current account (even) or the credit union's savings (odd)."""
    return _bank(rng, i) if i % 2 == 0 else _union(rng, i)


def benefit(rng: random.Random, i: int) -> Doc:
    """Pension Credit (even: the playbill) or Child Benefit (odd: the seating plan)."""
    kinds = ("playbill", "seatplan")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        org, what = PENSION, "Pension Credit"
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        weekly = rng.choice((3_415, 5_880, 8_230))
        ref = f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}"
        ref_label = "Your NI number (as we hold it)"
    else:
        org, what = CHILD, "Child Benefit"
        frequency = "four_weekly"
        weekly = 2_680 + rng.randrange(0, 3) * 1_775
        ref = f"CHB{digits(rng, 8)} {letters(rng, 2)}"
        ref_label = "Child Benefit ref."
    times = {"weekly": 1, "four_weekly": 4}[frequency]
    paid = weekly * times
    letter = Letter(
        org=org, title=f"Your {what} award", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label=ref_label, ref=ref, date_label="Award notice dated",
        facts=[("Each payment to your account", paid), ("When the money comes", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"We have decided your claim for {what}.",
               f"We will pay you {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]}, straight into your bank account.",
               "Tell us at once about any change in your circumstances, such as money coming in, where you live, or who lives with you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the operatic society's rehearsal call (the set list) and the film
    club's next screening (the tickets)."""
    kinds = ("setlist", "tickets")
    when, date = _when(rng), dated(rng)
    on = later(date, 9 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=OPERATIC, title="Rehearsal call for the spring show", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Your part in the chorus", ref=rng.choice(("Sopranos", "Altos", "Tenors", "Baritones")),
            facts=[("First full rehearsal", on), ("Please carry along", "Score, pencil and water")],
            paras=("Thank you to everyone who came to the read-through.",
                   f"The first full rehearsal is on {when(on)} in the church hall.",
                   "Costume fittings will follow; please let the Company Secretary know your sizes."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=FILMCLUB, title="Next month's screening at the village hall", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Film club card", ref=f"No. {rng.randrange(1, 240)}",
            facts=[("Screening night", on), ("Hall doors unlocked", "7 pm, film at 7.30")],
            paras=("Thank you for voting for this season's films.",
                   f"Our next screening is on {when(on)}; bring a cushion for the hall chairs.",
                   "Tea, coffee and homemade cake are served in the interval."),
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
class BASample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 5160


def build_ba(per_class: int = 4, *, seed: int = SEED) -> list[BASample]:
    """``per_class`` documents of every class, held out, family ``<class>:BA``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, BASample)


PRINT = Printer(FONTS.font, FONTS.measure)


def page_size(sample: BASample, dpi: int) -> tuple[int, int]:
    return PRINT.page_size(sample, dpi)


def ba_text(sample: BASample) -> str:
    """Every page's text, pages apart by form feeds."""
    return PRINT.text(sample)


def ba_pages(sample: BASample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return PRINT.pages(sample, dpi=dpi)


# -- drawing the page ---------------------------------------------------------------------------


@frozen
class BAScan:
    dpi: int
    skew: float
    """Degrees."""
    stagelight: bool = False
    """A phone photo under a stage lighting wash; colour JPEG."""
    confetti: bool = False
    """Confetti from a show's finale on the page; colour PNG."""
    wine: bool = False
    """Red wine spattered from the interval bar; greyscale, as PDF."""


SCANS = (
    BAScan(dpi=240, skew=-0.45, stagelight=True),
    BAScan(dpi=210, skew=0.6, confetti=True),
    BAScan(dpi=230, skew=-0.3, wine=True),
)

PAPER = (250, 249, 245)
QUALITY = 84


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


def _stage(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The stage: a curved apron, dark boards, its front edge lit."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    depth = max(6, g.body)
    pen.chord((x0, y0 - 2 * depth, x1, y1 + depth), 0, 180, fill=(236, 226, 212), outline=STAGE, width=max(2, g.line * 2))  # fmt: skip
    pen.line((x0, y0 - depth + (y1 - y0) // 2, x1, y0 - depth + (y1 - y0) // 2), fill=STAGE, width=max(1, g.line))  # fmt: skip


def _seats(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A block of seats: a pale block with a row of seat backs in red plush along its top
    and bottom edges."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=SEAT_BLOCK, outline=(150, 110, 110), width=max(1, g.line))  # fmt: skip
    seat = max(6, g.body * 2 // 3)
    for y in (y0 - seat // 2, y1 - seat // 2):
        for x in range(x0 + seat // 2, x1 - seat, round(seat * 1.5)):
            pen.rounded_rectangle((x, y, x + seat, y + seat), radius=max(2, seat // 3), fill=VELVET, outline=INK)  # fmt: skip


def _setsheet(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=(255, 255, 252), outline=MARKER, width=max(2, g.line * 3))  # fmt: skip


def _song(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A marker stroke under the song's value (below its first line)."""
    y = g.foot(m.row) - max(1, g.body // 10)
    pen.line((g.x(m.x0), y, g.x(m.x1), y + max(1, g.body // 8)), fill=MARKER, width=max(2, g.line * 2))  # fmt: skip


def _bill(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=(253, 247, 230), outline=INK, width=max(3, g.line * 3))
    inset = max(5, g.body // 2)
    pen.rectangle((x0 + inset, y0 + inset, x1 - inset, y1 - inset), outline=(150, 40, 40), width=max(1, g.line))  # fmt: skip


def _star(pen: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill: tuple[int, int, int]) -> None:  # fmt: skip
    reach = [r if k % 2 == 0 else r * 0.45 for k in range(10)]
    points = [(cx + d * np.sin(k * np.pi / 5), cy - d * np.cos(k * np.pi / 5)) for k, d in enumerate(reach)]  # fmt: skip
    pen.polygon(points, fill=fill)


def _stars(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    cy = (y0 + y1) / 2
    r = max(4, g.body * 0.4)
    for k in range(5):
        cx = g.x(m.x0) + (g.x(m.x1) - g.x(m.x0)) * (k + 0.5) / 5
        _star(pen, cx, cy, r, (170, 40, 40) if k % 2 else (200, 150, 30))


def _spread(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A programme open flat: two pages, a shadow along the fold."""
    y0, y1 = _span(g, m)
    x0, x1, mid = g.x(m.x0), g.x(m.x1), g.x(0.5)
    pen.rectangle((x0, y0, x1, y1), fill=(252, 250, 244), outline=(120, 110, 100), width=max(1, g.line))  # fmt: skip
    shade = max(4, g.body // 2)
    for k in range(shade):
        tone = FOLD[0] + (250 - FOLD[0]) * k // shade
        pen.line((mid - k, y0, mid - k, y1), fill=(tone, tone - 4, tone - 10))
        pen.line((mid + k, y0, mid + k, y1), fill=(tone, tone - 4, tone - 10))


def _ticket(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A cinema ticket: the card, a notch cut in each side, a perforated line between the
    stub and the rest, a few printed dots on the stub."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=TICKETS[m.shade % len(TICKETS)], outline=INK, width=max(1, g.line))  # fmt: skip
    r = max(4, g.body // 2)
    mid = (y0 + y1) // 2
    for cx in (x0, x1):
        pen.ellipse((cx - r, mid - r, cx + r, mid + r), fill=PAPER)
    perf = g.x(m.x0 + STUB)
    for y in range(y0 + 2, y1 - 2, max(4, g.body // 3)):
        pen.line((perf, y, perf, y + max(2, g.body // 6)), fill=INK, width=1)
    for k in range(3):
        cy = y0 + (y1 - y0) * (k + 1) // 4
        pen.ellipse((x0 + g.x(STUB) // 2 - 2, cy - 2, x0 + g.x(STUB) // 2 + 2, cy + 2), fill=(90, 80, 70))  # fmt: skip


def _board(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    frame = max(6, g.body)
    pen.rectangle((x0 - frame, y0 - frame, x1 + frame, y1 + frame), fill=(60, 52, 48))
    pen.rectangle((x0, y0, x1, y1), fill=BOARD)


def _groove(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.foot(m.row) - max(1, g.body // 12)
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(196, 194, 188), width=max(1, g.line))


PAINT: dict[str, Callable[[ImageDraw.ImageDraw, _Geo, Mark], None]] = {
    "rule": _rule,
    "stage": _stage,
    "seats": _seats,
    "setsheet": _setsheet,
    "song": _song,
    "bill": _bill,
    "stars": _stars,
    "spread": _spread,
    "ticket": _ticket,
    "letterboard": _board,
    "groove": _groove,
}
UNDER = ("setsheet", "bill", "spread", "letterboard", "stage")
"""Drawn first: what other shapes stand on."""


def _draw(sample: BASample, n: int, dpi: int) -> Image.Image:
    """Page ``n`` drawn clean: the sheet, the poster, the spread, the board and the stage
    first, then boxes, the other shapes and rules, then the text."""
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


TRUE_FIELDS = ("creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date", "deadline_date", "court_claim_number", "payer_name", "income_pence", "gross_pence", "frequency", "served_date")  # fmt: skip


def _free_rows(sample: BASample, n: int) -> list[int]:
    """Rows of page ``n`` with words on them but no true value (nor part of one)."""
    forms = [f.casefold() for name in TRUE_FIELDS if (v := getattr(sample.truth, name)) is not None for f in printed_forms(name, v)]  # fmt: skip
    words = {w for f in forms for w in f.split() if len(w) > 2}
    free = []
    for k, row in enumerate(sample.pages[n]):
        text = " ".join(c.text for c in row).casefold()
        if text.strip() and not any(w in text for w in words):
            free.append(k)
    return free


# -- the scans --------------------------------------------------------------------------------------

MAGENTA = np.asarray((1.0, 0.70, 0.90), dtype=np.float32)
AMBER = np.asarray((1.0, 0.84, 0.58), dtype=np.float32)


def _stagelight(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Colour; a phone photo under a stage lighting wash: a magenta to amber colour cast
    across the page, dimmer away from a pool where a spotlight falls; a little askew."""
    w, h = image.size
    # the light on a coarse grid (an eighth of the page each way), smoothed up to size
    sw, sh = max(2, w // 8), max(2, h // 8)
    ys, xs = np.mgrid[0:sh, 0:sw].astype(np.float32)
    angle = rng.uniform(0, 6.283)
    along = (xs / sw - 0.5) * np.cos(angle) + (ys / sh - 0.5) * np.sin(angle) + 0.5
    mix = np.clip(along, 0, 1)[:, :, None]
    tint = MAGENTA[None, None, :] * (1 - mix) + AMBER[None, None, :] * mix
    cx, cy = rng.uniform(0.3, 0.7) * sw, rng.uniform(0.25, 0.75) * sh
    pool = np.exp(-(((xs - cx) / (sw * 0.45)) ** 2 + ((ys - cy) / (sh * 0.4)) ** 2))
    light = tint * (0.8 + 0.2 * pool)[:, :, None]
    wash = Image.fromarray(np.clip(light * 255, 0, 255).astype(np.uint8)).resize((w, h), Image.Resampling.BILINEAR)  # fmt: skip
    # in place, without temporaries the size of the page
    arr = np.array(image, dtype=np.float32)
    shade = np.array(wash, dtype=np.float32)
    np.divide(shade, 255.0, out=shade)
    np.multiply(arr, shade, out=arr)
    arr += np.random.default_rng(rng.randrange(1 << 30)).normal(0.0, 2.5, (h, w, 1)).astype(np.float32)  # fmt: skip
    np.clip(arr, 0, 255, out=arr)
    lit = Image.fromarray(arr.astype(np.uint8))
    return lit.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(40, 30, 44))  # fmt: skip


CONFETTI = ((232, 56, 90), (250, 200, 40), (60, 170, 230), (120, 200, 90), (190, 90, 220), (250, 140, 40))  # fmt: skip


def _piece(pen: ImageDraw.ImageDraw, rng: random.Random, x: float, y: float, size: float) -> None:
    """One piece of confetti: a small turned square or a disc."""
    colour = rng.choice(CONFETTI)
    if rng.random() < 0.35:
        r = size * 0.45
        pen.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        return
    a = rng.uniform(0, 1.5708)
    dx, dy = size * 0.5 * np.cos(a), size * 0.5 * np.sin(a)
    pen.polygon([(x + dx, y + dy), (x - dy, y + dx), (x - dx, y - dy), (x + dy, y - dx)], fill=colour)  # fmt: skip


def _confetti(image: Image.Image, sample: BASample, n: int, dpi: int, rng: random.Random, skew: float) -> Image.Image:  # fmt: skip
    """Colour; confetti from a show's finale settled on the page: small coloured paper
    squares and discs in the margins and on lines that hold no true value; a little
    askew."""
    out = image  # drawn fresh for this scan: the confetti goes straight onto it
    pen = ImageDraw.Draw(out)
    w, h = out.size
    size = dpi / 13
    margin = w * 0.07
    for _ in range(rng.randrange(60, 110)):
        side = rng.randrange(4)
        if side == 0:
            x, y = rng.uniform(0, margin), rng.uniform(0, h)
        elif side == 1:
            x, y = rng.uniform(w - margin, w), rng.uniform(0, h)
        elif side == 2:
            x, y = rng.uniform(0, w), rng.uniform(0, h * 0.035)
        else:
            x, y = rng.uniform(0, w), rng.uniform(h * 0.97, h)
        _piece(pen, rng, x, y, size * rng.uniform(0.7, 1.3))
    tops, heights = PRINT.rows(sample, n, dpi)
    free = [k for k in _free_rows(sample, n) if k + 1 < len(tops)]
    for row in rng.sample(free, min(len(free), 4)):
        for _ in range(rng.randrange(2, 6)):
            y = tops[row] + heights[row] * rng.uniform(0.2, 0.8)
            _piece(pen, rng, rng.uniform(0.1, 0.9) * w, y, size * rng.uniform(0.6, 1.1))
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(250, 248, 242))  # fmt: skip


def _drop(arr: np.ndarray, cx: float, cy: float, r: float, dark: float, stretch: float, angle: float) -> None:  # fmt: skip
    """One wine drop (an ellipse ``stretch`` long along ``angle``), a darker rim where it
    dried, darkened into ``arr`` in place."""
    h, w = arr.shape
    reach = r * max(1.0, stretch) + 2
    x0, x1 = max(0, int(cx - reach)), min(w, int(cx + reach) + 1)
    y0, y1 = max(0, int(cy - reach)), min(h, int(cy + reach) + 1)
    if x1 <= x0 or y1 <= y0:
        return
    ys, xs = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    u = (xs - cx) * np.cos(angle) + (ys - cy) * np.sin(angle)
    v = -(xs - cx) * np.sin(angle) + (ys - cy) * np.cos(angle)
    d = np.hypot(u / max(1.0, stretch), v) / r
    inside = np.clip((1.0 - d) * 6, 0, 1)
    rim = np.exp(-(((d - 0.92) / 0.08) ** 2))
    arr[y0:y1, x0:x1] *= 1.0 - (inside * dark + rim * dark * 0.6)


def _wine(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Greyscale; spatters of red wine from the interval bar: a drop or two with satellite
    splashes flung out round them, translucent, a darker rim where each dried; a little
    askew."""
    arr = np.asarray(image.convert("L"), dtype=np.float32)
    h, w = arr.shape
    for _ in range(rng.randrange(2, 4)):
        cx, cy = rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.9) * h
        r = min(w, h) * rng.uniform(0.012, 0.025)
        _drop(arr, cx, cy, r, rng.uniform(0.16, 0.24), 1.0, 0.0)
        for _ in range(rng.randrange(8, 20)):
            angle = rng.uniform(0, 6.283)
            dist = r * rng.uniform(1.6, 6.0)
            _drop(arr, cx + dist * np.cos(angle), cy + dist * np.sin(angle), r * rng.uniform(0.1, 0.35), rng.uniform(0.14, 0.24), rng.uniform(1.0, 2.6), angle)  # fmt: skip
    arr += np.random.default_rng(rng.randrange(1 << 30)).normal(0.0, 1.6, arr.shape).astype(np.float32)  # fmt: skip
    np.clip(arr, 0, 255, out=arr)
    grey = Image.fromarray(arr.astype(np.uint8))
    return grey.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=247)


def render(sample: BASample, n: int, scan: BAScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.stagelight:
        return _stagelight(image, rng, scan.skew)
    if scan.confetti:
        return _confetti(image, sample, n, scan.dpi, rng, scan.skew)
    return _wine(image, rng, scan.skew)


def ba_scanned(sample: BASample, index: int) -> tuple[bytes, str, BAScan]:
    """Scanned one of three ways: the page under the stage light as colour JPEG (quality
    ``QUALITY``, its resolution at even indexes), the page with confetti as colour PNG with
    its resolution, the page spattered with wine as a one-page greyscale PDF (230 dpi);
    documents of more pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 53 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or scan.wine:
        return encode_pages([im.convert("L") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.stagelight:
        out = io.BytesIO()
        if index % 2 == 0:
            images[0].save(out, format="JPEG", quality=QUALITY, dpi=(scan.dpi, scan.dpi))
        else:
            images[0].save(out, format="JPEG", quality=QUALITY)
        return out.getvalue(), "jpeg", scan
    return encode_pages(images, "png", scan.dpi), "png", scan


__all__ = [
    "ALL_SHAPES",
    "DATE_SHAPES",
    "FAMILY",
    "SCANS",
    "SEED",
    "TEMPLATES",
    "BASample",
    "BAScan",
    "ba_pages",
    "ba_scanned",
    "ba_text",
    "build_ba",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
