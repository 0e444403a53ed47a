# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AU``, written blind: a fortieth measure of how the reader
generalises, in a fortieth hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I``, ``J``,
``AA`` to ``AL``, ``AN`` to ``AS``; ``AT`` was being written by another hand at the same
time, and neither saw the other's).

``AU`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``values_found``, ``money``, ``encode_pages``), the shared page
engine (``corpus_print``), the shared test helpers, family AQ's module and tests and the
commits that registered and measured AQ, the start of AS's module (as the task allowed),
AQ's account in benchmarks/OCR.md and, by grep only, the other families' modules for place
names, bodies, setting words, faces, date shapes and scan words, to avoid them -- **not**
the reader's rules (``assistant.py``, ``fields.py``, ``values.py``, ``labelled.py``,
``structures.py``, ``prose.py``, ``fields_kinds.py``, ``label_parts.py``, ``layout.py``,
``classifier.py``, ``statements.py``, ``statement_tables.py``, ``label_learning.py``,
``read_families.py``, the rankers, the Tesseract extractor, the locator, the creditor
directory), its reading tests, nor any account of its misses. It is never used to write
rules, to train or calibrate the classifier or the field ranker (``build_corpus`` never
yields it), nor to choose models: it is measured, and only the aggregate figures go into
benchmarks/OCR.md. Whoever reads its individual misses to change the reader makes ``AU``
no longer blind and must say so there.

**AU is no longer blind since round 41** (branch ``reader41``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AU
from then on is a training-side figure (benchmarks/OCR.md, "Round 41").

The task suggested Northern Ireland; grep found it taken (AO wrote the west of Northern
Ireland with the Enforcement of Judgments Office, a civil bill and Land & Property
Services' rates; O and R named Belfast), so ``AU`` is set where grep found no family:
**Portsmouth** (Southsea, Fratton, Cosham, Copnor, Eastney, Hilsea, Drayton, Farlington,
Paulsgrove, Stamshaw, North End, Milton, Landport, Buckland; none in an earlier module;
AB named Gosport and Hampshire and V the Solent, so no name here says either), under the
law of England and Wales:

* who writes: a card issuer's notice of sums in arrears and a university's credit control
  (creditor letters); a money claim from the Civil National Business Centre and a judgment
  of the County Court at Portsmouth after a small claims hearing; enforcement agents
  under the council's liability order for council tax, or the county court bailiffs'
  notice that a warrant of control has been issued (both enforcement); a cash and carry's
  statutory demand to a cafe owner; Portsmouth City Council's council tax; an energy
  supplier; a water company's arrears; the fines enforcement service of HM Courts &
  Tribunals Service; a phone debt sold to a debt purchaser; the city council's Housing
  Benefit overpayment invoice; a building society; a housing association; a pay later
  app and a catalogue; solicitors for a marina (mooring fees); Carer's Allowance and
  Attendance Allowance (the DWP); a cross-harbour ferry company and a seafront arcade's
  payroll bureau as employers; a credit union's current account and a bank's statement
  grouped by week; a rowing club and a beach clean;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **clock**: a clock face drawn in the middle of the page (twelve ticks, two hands),
    every fact (the date and reference too) set round its rim at evenly spaced hours,
    the label small over the value;
  - **scoreboard**: a cricket scoreboard: a dark green board, the labels painted in white
    down its left, each value on a black number plate hung at its right in white;
  - **elements**: each fact on a periodic-table tile: a small number at the top left, a
    two-letter symbol in large bold, the label small under it and the value under that;
    four tiles a row, tinted by kind (money, dates, words);
  - **shelf**: shelves drawn across the page with goods standing on them and a
    shelf-edge label hung under each (the label small at its top left, the value large
    at its right), two labels a shelf;
  - **cards**: each fact on a playing card (rounded corners, the label as its corner
    index, its suit's pip at the top right and a smaller one at the foot, the value across
    its middle), three cards a row;
  - **keyboard**: each fact on a keycap (the label small at its top left, the value at
    its foot), keys as wide as their words, staggered rows like a keyboard's, the money
    the letter is about on a long space bar under them;
  payslips for a cross-harbour ferry company (a "Seafarer's pay statement": the rota's
  days on and off, the days' pay and the sea allowance; monthly or four-weekly) or a
  seafront amusement arcade paid through a payroll bureau (the hours each day of the week
  in a strip across the page, then pay and deductions side by side; weekly or
  fortnightly); bank statements from a credit union's current account (money out, money
  in and the balance) or a bank's statement whose lines are grouped under "Spending week to"
  headings, each week with its own subtotal;
* faces: Open Sans Regular under Caladea Bold headings, DejaVu Serif Condensed under
  Carlito Bold headings, Liberation Sans under DejaVu Serif Condensed Bold headings, 9.5
  to 10.5 pt; each italic the body's own;
* dates as "4.12.2026 (Fri)" (day and month unpadded between full stops, the weekday cut
  in brackets) and "Friday 4th Dec 2026" (the weekday in full, an ordinal day, the month
  cut); amounts as "£1,234.56" and, in tables and cells, "1,234.56";
* scans new to the families: a loose rubber band left lying on the scanner glass (a
  reddish-brown loop with its soft shadow, laid where no true value is, partly off the
  page if need be; 200 dpi colour PNG, its resolution at even indexes); a phone photo in
  sunlight through a window (the warm sunlit page crossed by the soft-edged, cooler
  shadows of the window's glazing bars; 165 dpi colour baseline JPEG without a
  resolution); a flatbed scan whose one-sided lamp shows, as raking light, the handwriting
  pressed into the page by someone writing on a pad laid over it (fine shadowed grooves
  in lines across the page, the page a little brighter on the lamp's side; 300 dpi
  greyscale, as a one-page PDF).

Not all of the above is new, as far as grep over the earlier modules shows (checked before
any measuring): "£1,234.56" and "1,234.56" are many families'; the Civil National Business
Centre is AR's too, and the DWP, HMCTS, Carer's Allowance, Attendance Allowance and Housing
Benefit are many families' words (the state's, not a setting); AO drew a semicircular
dial with a needle (never a clock face with facts round it); AR set dominoes (never a
periodic-table tile); AL typed on an index card; AN, AB and AP named credit unions, and AG
and AP a window's light or net curtains (never the hard shadow of glazing bars); Q wrote
of paragraphs' indents (never writing pressed into the paper); AP, W and Z drew rubber
stamps (never a rubber band). The fonts are the families' fonts (in pairings not checked
exhaustively against theirs).

Ground truth follows L's to AS's conventions: ``creditor_name`` is whoever is owed now (the
claimant, the judgment creditor behind a warrant, the council behind its enforcement agents
and its invoice, a solicitor's client, the assignee of a sold debt); ``original_creditor``
where a sold debt's first creditor is named; ``account_reference`` the creditor's account
number (on the claim and the judgment the claimant's own reference; the enforcement agents'
their own case number; the bailiffs' notice the claimant's reference); ``court_claim_number``
the claim number; ``balance_pence`` what is owed now; ``letter_date`` the document's own
date; ``deadline_date`` and ``served_date`` only where printed. Payslips give the payer,
net and gross pay, pay date and frequency; benefit letters the payer, the amount paid each
time, the date and the frequency; a bank statement its date."""

from __future__ import annotations

import datetime as dt
import io
import math
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

FAMILY = "AU"

PEOPLE = (
    ("Mr", "Kwabena", "Osei-Mensah"),
    ("Ms", "Roisin", "Haverty"),
    ("Mrs", "Parminder", "Sandhu-Wells"),
    ("Mr", "Lewis", "Pennycook"),
)
ADDRESSES = (
    ("Flat 6, 41 Albert Road", "Southsea, Portsmouth", "PO5 2SE"),
    ("27 Tangier Road", "Copnor, Portsmouth", "PO3 6HX"),
    ("118 Kirby Road", "North End, Portsmouth", "PO2 0PS"),
    ("Flat 2, Lowry House, Eastney Road", "Eastney, Portsmouth", "PO4 8DY"),
)

# -- date and money shapes -------------------------------------------------------------------


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 11 <= day <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def dotted_day(date: dt.date) -> str:
    """4.12.2026 (Fri): day and month unpadded between full stops, the weekday cut in brackets."""
    return f"{date.day}.{date.month}.{date.year} ({date:%a})"


def weekday_ordinal(date: dt.date) -> str:
    """Friday 4th Dec 2026: the weekday in full, an ordinal day, the month cut."""
    return f"{date:%A} {_ordinal(date.day)} {date:%b} {date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (dotted_day, weekday_ordinal)
"""The shapes a document's dates take (one a document)."""
ALL_SHAPES = DATE_SHAPES


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Paid weekly, on Fridays", "each week"),
    "fortnightly": ("Paid fortnightly, every other Friday", "each fortnight"),
    "four_weekly": ("Paid every 4 weeks", "each 4 weeks"),
    "monthly": ("Paid monthly, on the last working day", "each month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AU prints a true value (to check it is on the page, or in an OCR text)."""
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
_OS = "/usr/share/fonts/truetype/open-sans/"
_LB = "/usr/share/fonts/truetype/liberation/"
_CX = "/usr/share/fonts/truetype/crosextra/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "open": {
        (False, False): _OS + "OpenSans-Regular.ttf",
        (True, False): _CX + "Caladea-Bold.ttf",
        (False, True): _OS + "OpenSans-Italic.ttf",
        (True, True): _CX + "Caladea-BoldItalic.ttf",
    },
    "condensed": {
        (False, False): _DV + "DejaVuSerifCondensed.ttf",
        (True, False): _CX + "Carlito-Bold.ttf",
        (False, True): _DV + "DejaVuSerifCondensed-Italic.ttf",
        (True, True): _CX + "Carlito-BoldItalic.ttf",
    },
    "liberation": {
        (False, False): _LB + "LiberationSans-Regular.ttf",
        (True, False): _DV + "DejaVuSerifCondensed-Bold.ttf",
        (False, True): _LB + "LiberationSans-Italic.ttf",
        (True, True): _DV + "DejaVuSerifCondensed-BoldItalic.ttf",
    },
}
"""Each body face under headings of another family: Open Sans under Caladea Bold, DejaVu
Serif Condensed under Carlito Bold, Liberation Sans under DejaVu Serif Condensed Bold; each
italic the body's own."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)

INK = (22, 22, 26)
BOARD = (34, 74, 52)
"""The scoreboard's paint."""
PLATE = (16, 16, 16)
WHITE = (246, 246, 240)


@frozen
class Style:
    face: str = "open"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("open", 9.5), Style("condensed", 10.5), Style("liberation", 10.0))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind``: "rule" (across above row ``row`` from ``x0`` to ``x1``, ``shade`` its grey),
    "clock" (a clock face centred at ``x0`` on row ``row``, ``x1`` its radius as a share of
    the page width), "board" (the scoreboard over rows ``row``..``last`` from ``x0`` to
    ``x1``: its cells are painted white), "plate" (a number plate over rows
    ``row``..``last`` from ``x0`` to ``x1``), "tile" (a periodic tile over rows
    ``row``..``last``, ``shade`` its tint's index), "shelf" (a shelf's edge above row
    ``row`` from ``x0`` to ``x1``), "goods" (a packet standing on the shelf over rows
    ``row``..``last``, ``shade`` its height in tenths of the space), "label" (a
    shelf-edge label over rows ``row``..``last``), "card" (a playing card over rows
    ``row``..``last`` from ``x0`` to ``x1``, ``shade`` its suit: 0 spades, 1 hearts, 2
    diamonds, 3 clubs) and "key" (a keycap over rows ``row``..``last`` from ``x0`` to
    ``x1``)."""

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


def balance(rng: random.Random, low: int = 6_400, high: int = 710_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    return dt.date(2025, 2, 3) + dt.timedelta(days=rng.randrange(670))


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
    date_label: str = "Date of letter"


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


def _rows(letter: Letter) -> list[tuple[str, str, str]]:
    """The letter's date, its reference and its facts as (label, shown value, kind): kind
    "money", "date" or "words"."""
    rows = [
        (letter.date_label, letter.when(letter.date), "date"),
        (letter.ref_label, letter.ref, "words"),
    ]
    for label, value in letter.facts:
        kind = (
            "date" if isinstance(value, dt.date) else "money" if isinstance(value, int) else "words"
        )
        rows.append((label, shown(letter, value), kind))
    return rows


def _foot(page: Sheet, org: Org) -> None:
    page.foot = len(page.rows)
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    for row in page.wrapped(text, 0.1, 0.9, size=SMALL - 1):
        page.add((ct(0.5, row[0].text, size=SMALL - 1),))


def _head(page: Sheet, org: Org, style: Style) -> None:
    """The name centred in the heading face, the address and telephone on one small line
    under it, a double rule."""
    page.add((ct(0.5, org.name, True, size=style.point + 3),))
    page.add((ct(0.5, f"{org.street}, {org.town}  \u00b7  {org.phone}", size=SMALL),))
    page.rule(0.08, 0.92, 40)
    page.gap()


def _bold(page: Sheet, text: str, x: float, right: float, size: float, align: str = "left") -> list[tuple[Cell, ...]]:  # fmt: skip
    """``text`` in bold lines that fit between ``x`` and ``right`` (measured in the bold
    face), set left, centred or right."""
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


def _fit(style: Style, text: str, width: float, size: float) -> float:
    """The largest size, down from ``size``, at which ``text`` in bold fits ``width`` on one
    line (values are never broken over lines)."""
    while size > 6 and FONTS.length(style, text, size, True) > width:
        size -= 0.5
    return size


def _small(page: Sheet, text: str, x: float, right: float, size: float, align: str = "left") -> list[tuple[Cell, ...]]:  # fmt: skip
    rows = page.wrapped(text, x, right, size=size)
    if align == "centre":
        return [(ct((x + right) / 2, r[0].text, size=size),) for r in rows]
    if align == "right":
        return [(rt(right, r[0].text, size=size),) for r in rows]
    return rows


def _opening(page: Sheet, rng: random.Random, letter: Letter) -> None:
    """The address, the title and the greeting."""
    (title, _, surname), lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add(*_bold(page, letter.title, 0.08, 0.92, page.style.point + 1.5)).gap()
    page.add((t(0.08, f"Dear {title} {surname},"),)).gap()


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _sign(page: Sheet, org: Org) -> None:
    page.add((t(0.08, "Yours faithfully"),)).gap()
    page.add((t(0.08, org.team, True),))


def _start(rng: random.Random, style: Style, letter: Letter) -> Sheet:
    page = Sheet(style)
    _head(page, letter.org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    return page


def _finish(page: Sheet, letter: Letter) -> list[Sheet]:
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, letter.org)
    _foot(page, letter.org)
    return [page]


# -- the six settings ---------------------------------------------------------------------------

FACE_R = 0.12
"""The clock face's radius (share of the page width)."""


def _clock(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A clock face in the middle of the page, every fact round its rim at evenly spaced
    hours (from twelve, clockwise), the label small over the value: set left of the rim on
    the right half, right of it on the left half, centred at twelve and six."""
    page = _start(rng, style, letter)
    items = _rows(letter)[:6]
    rest = _rows(letter)[6:]
    row_in = style.point * 1.5 / 72
    r_rows = FACE_R * 8.27 / row_in
    grid: dict[int, list[Cell]] = {}
    for k, (label, value, _) in enumerate(items):
        angle = 2 * math.pi * k / len(items)
        s, c = math.sin(angle), math.cos(angle)
        row = round(-(r_rows + 2.2) * c) - (2 if c > 0.2 else 0)
        if s > 0.3:
            x = 0.5 + (FACE_R + 0.05) * s + 0.02
            cells = [
                *_small(page, label, x, 0.92, SMALL),
                *_bold(page, value, x, 0.92, _fit(style, value, 0.92 - x, style.point)),
            ]
        elif s < -0.3:
            x = 0.5 - (FACE_R + 0.05) * abs(s) - 0.02
            cells = [
                *_small(page, label, 0.08, x, SMALL, "right"),
                *_bold(page, value, 0.08, x, _fit(style, value, x - 0.08, style.point), "right"),
            ]
        else:
            cells = [
                *_small(page, label, 0.32, 0.68, SMALL, "centre"),
                *_bold(page, value, 0.32, 0.68, _fit(style, value, 0.36, style.point), "centre"),
            ]
        for n, line in enumerate(cells):
            grid.setdefault(row + n, []).extend(line)
    low, high = min(grid), max(grid)
    top = len(page.rows)
    for r in range(low, high + 1):
        page.add(tuple(sorted(grid.get(r, []), key=lambda cell: cell.x)))
    centre = top - low
    page.rules.append(Mark("clock", centre, 0.5, FACE_R, shade=rng.randrange(12)))
    for label, value, _ in rest:
        page.add((t(0.08, label, size=SMALL), t(0.5, value, True)))
    return _finish(page, letter)


def _scoreboard(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A cricket scoreboard: a dark green board, the labels painted white down its left and
    each value on a black number plate at its right, white on black."""
    page = _start(rng, style, letter)
    top = len(page.rows)
    page.add((ct(0.5, letter.org.name.upper(), True, size=SMALL + 1),))
    page.gap()
    for label, value, _ in _rows(letter):
        lines = _bold(page, value, 0.56, 0.84, _fit(style, value, 0.28, style.point + 1), "right")
        first = len(page.rows)
        labels = _small(page, label, 0.16, 0.52, style.point - 0.5)
        page.beside(labels, lines)
        width = max(
            FONTS.length(style, c.text, style.point + 1, True) for row in lines for c in row
        )
        page.rules.append(
            Mark("plate", first, 0.84 - width - 0.03, 0.87, last=first + len(lines) - 1)
        )
        page.gap()
    page.rules.insert(0, Mark("board", top, 0.12, 0.88, last=len(page.rows) - 1))
    return _finish(page, letter)


TILE_XS = (0.08, 0.295, 0.51, 0.725)
TILE_W = 0.195
TINTS = {"money": 0, "date": 1, "words": 2}


def _symbol(label: str) -> str:
    words = [w for w in label.replace("(", " ").replace(")", " ").split() if w[0].isalpha()]
    first = words[0][0].upper()
    second = words[1][0].lower() if len(words) > 1 else words[0][1].lower()
    return first + second


def _elements(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Each fact on a periodic-table tile: its number small at the top left, a two-letter
    symbol in large bold, the label small under it and the value in bold under that; four
    tiles a row, tinted by the kind of value."""
    page = _start(rng, style, letter)
    items = _rows(letter)
    number = rng.randrange(1, 40)
    for k in range(0, len(items), 4):
        group = items[k : k + 4]
        top = len(page.rows)
        columns = []
        for (label, value, _), x in zip(group, TILE_XS, strict=False):
            column: list[tuple[Cell, ...]] = [(t(x + 0.012, str(number), size=SMALL - 1),), (ct(x + TILE_W / 2, _symbol(label), True, size=style.point + 8),)]  # fmt: skip
            column += _small(page, label, x + 0.01, x + TILE_W - 0.01, SMALL - 0.5, "centre")
            column += _bold(
                page,
                value,
                x + 0.01,
                x + TILE_W - 0.01,
                _fit(style, value, TILE_W - 0.02, style.point - 0.5),
                "centre",
            )
            columns.append([*column, ()])
            number += 1
        page.beside(*columns)
        for (_, _, kind), x in zip(group, TILE_XS, strict=False):
            page.rules.append(
                Mark("tile", top, x, x + TILE_W, last=len(page.rows) - 1, shade=TINTS[kind])
            )
        page.gap()
    return _finish(page, letter)


SHELF_XS = ((0.1, 0.47), (0.53, 0.9))


def _shelf(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Shelves across the page with goods standing on them and a shelf-edge label hung
    under each pair of goods: the label small at its top left, the value large and bold
    at its right; two labels a shelf."""
    page = _start(rng, style, letter)
    items = _rows(letter)
    for k in range(0, len(items), 2):
        group = items[k : k + 2]
        stock = len(page.rows)
        page.gap(2)
        for x0, x1 in SHELF_XS:
            left = x0 + 0.01
            while left < x1 - 0.06:
                wide = rng.uniform(0.035, 0.07)
                page.rules.append(
                    Mark(
                        "goods",
                        stock,
                        left,
                        min(left + wide, x1 - 0.01),
                        last=stock + 1,
                        shade=rng.randrange(5, 10),
                    )
                )
                left += wide + rng.uniform(0.008, 0.02)
        page.rules.append(Mark("shelf", len(page.rows), 0.08, 0.92))
        top = len(page.rows)
        columns = []
        for (label, value, _), (x0, x1) in zip(group, SHELF_XS, strict=False):
            columns.append(
                [
                    *_small(page, label, x0 + 0.015, x1 - 0.015, SMALL),
                    *_bold(
                        page,
                        value,
                        x0 + 0.015,
                        x1 - 0.015,
                        _fit(style, value, x1 - x0 - 0.03, style.point + 3),
                        "right",
                    ),
                    (),
                ]
            )
        page.beside(*columns)
        for (x0, x1), _ in zip(SHELF_XS, group, strict=False):
            page.rules.append(Mark("label", top, x0, x1, last=len(page.rows) - 1))
        page.gap()
    return _finish(page, letter)


CARD_XS = ((0.08, 0.34), (0.37, 0.63), (0.66, 0.92))


def _cards(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Each fact on a playing card: the label small and bold as the card's corner index at
    its top left, its suit's pip at the top right and at the foot, the value in bold across
    its middle; three cards a
    row."""
    page = _start(rng, style, letter)
    items = _rows(letter)
    suit = rng.randrange(4)
    for k in range(0, len(items), 3):
        group = items[k : k + 3]
        top = len(page.rows)
        columns = []
        for (label, value, _), (x0, x1) in zip(group, CARD_XS, strict=False):
            index = [(t(r[0].x, r[0].text, True, size=SMALL - 0.5),) for r in page.wrapped(label, x0 + 0.012, x0 + 0.16, size=SMALL - 0.5)]  # fmt: skip
            column = [
                *index,
                (),
                (),
                *_bold(
                    page,
                    value,
                    x0 + 0.02,
                    x1 - 0.02,
                    _fit(style, value, x1 - x0 - 0.04, style.point + 1.5),
                    "centre",
                ),
                (),
                (),
            ]
            columns.append(column)
        page.beside(*columns)
        for n, (_, (x0, x1)) in enumerate(zip(group, CARD_XS, strict=False)):
            page.rules.append(
                Mark("card", top, x0, x1, last=len(page.rows) - 1, shade=(suit + k + n) % 4)
            )
        page.gap()
    return _finish(page, letter)


def _keyboard(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Each fact on a keycap (the label small at its top left, the value in bold at its
    foot), keys as wide as their words in staggered rows; the money the letter is about on
    a long space bar under them."""
    page = _start(rng, style, letter)
    items = _rows(letter)
    bar = next((k for k, (_, _, kind) in enumerate(items) if kind == "money"), None)
    keys = [item for k, item in enumerate(items) if k != bar]
    size = style.point
    rows: list[list[tuple[float, float, str, str]]] = [[]]
    left = 0.08
    for label, value, _ in keys:
        wide = max(FONTS.length(style, label, SMALL), FONTS.length(style, value, size, True)) + 0.03
        wide = min(max(wide, 0.13), 0.84)
        if left + wide > 0.92 and rows[-1]:
            rows.append([])
            left = 0.08 + 0.025 * (len(rows) - 1)
        rows[-1].append((left, left + wide, label, value))
        left += wide + 0.012
    if bar is not None:
        label, value, _ = items[bar]
        rows.append([(0.24, 0.76, label, value)])
    for line in rows:
        top = len(page.rows)
        columns = []
        for x0, x1, label, value in line:
            centred = x1 - x0 > 0.45
            if centred:
                columns.append(
                    [
                        (ct((x0 + x1) / 2, label, size=SMALL),),
                        *_bold(page, value, x0 + 0.015, x1 - 0.015, size + 1, "centre"),
                        (),
                    ]
                )
            else:
                columns.append(
                    [
                        (t(x0 + 0.01, label, size=SMALL),),
                        *_bold(page, value, x0 + 0.01, x1 - 0.008, size),
                        (),
                    ]
                )
        page.beside(*columns)
        for x0, x1, _, _ in line:
            page.rules.append(Mark("key", top, x0, x1, last=len(page.rows) - 1))
        page.gap(1)
    return _finish(page, letter)


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "clock": _clock,
    "scoreboard": _scoreboard,
    "elements": _elements,
    "shelf": _shelf,
    "cards": _cards,
    "keyboard": _keyboard,
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
    return f"{name} is registered in England and Wales (company {number}) at {office}.{extra}"


FCA = " Authorised and regulated by the Financial Conduct Authority."
CARDS = Org("Round Tower Card Services Ltd", "Card Support, PO Box 5120", "Portsmouth PO1 9WZ", "0345 608 2217",
            _ltd("Round Tower Card Services Ltd", "11827304", "Broad Street, Portsmouth PO1 2JE", FCA), "Card Support")  # fmt: skip
UNIVERSITY = Org("Portsea Island University", "Credit Control, Ravelin House, Museum Road", "Portsmouth PO1 2QQ", "023 9284 7010",
                 "Portsea Island University, an exempt charity. Credit Control deals with tuition and residence fees.", "Credit Control")  # fmt: skip
CNBC = "Civil National Business Centre"
BUSINESS = Org(CNBC, "PO Box 527", "Salford M5 0BY", "0300 123 1372",
               "Civil National Business Centre, HM Courts & Tribunals Service. Quote the claim number on every letter and call.", "Issue Section")  # fmt: skip
PCOURT = "County Court at Portsmouth"
LOCAL = Org(PCOURT, "Courts of Justice, Winston Churchill Avenue", "Portsmouth PO1 2EB", "0300 123 5577",
            "The County Court at Portsmouth, HM Courts & Tribunals Service. The office is open from 10am to 4pm.", "Court Manager")  # fmt: skip
LOANS = Org("Guildhall Walk Loans Ltd", "PO Box 3907", "Portsmouth PO1 9EE", "0333 014 6621",
            _ltd("Guildhall Walk Loans Ltd", "10662093", "Guildhall Walk, Portsmouth PO1 2RY", FCA))  # fmt: skip
GARAGE = Org("Copnor Bridge Motors Ltd", "Accounts, 301 Copnor Road", "Portsmouth PO3 5EG", "023 9266 1408",
             _ltd("Copnor Bridge Motors Ltd", "07218846", "301 Copnor Road, Portsmouth PO3 5EG"))  # fmt: skip
PCC = "Portsmouth City Council"
TAX = Org(PCC, "Council Tax, Civic Offices, Guildhall Square", "Portsmouth PO1 2AL", "023 9284 1100",
          "Portsmouth City Council collects council tax for the city, the police and crime commissioner and the fire authority.", "Revenues Section")  # fmt: skip
AGENTS = Org("Langstone Enforcement Services Ltd", "PO Box 2284", "Portsmouth PO6 9YJ", "023 9238 5520",
             _ltd("Langstone Enforcement Services Ltd", "09915527", "Northern Road, Cosham, Portsmouth PO6 3EP", " Our enforcement agents are certificated by the County Court."), "Enforcement Team")  # fmt: skip
PLUMBING = Org("Kingston Crescent Plumbing Ltd", "Office, 12 Kingston Crescent", "Portsmouth PO2 8AL", "023 9269 0314",
               _ltd("Kingston Crescent Plumbing Ltd", "08456120", "12 Kingston Crescent, Portsmouth PO2 8AL"))  # fmt: skip
WHOLESALE = Org("Tipner Cash and Carry Ltd", "Credit Control, Tipner Lane", "Portsmouth PO2 8RA", "023 9266 4471",
                _ltd("Tipner Cash and Carry Ltd", "05331297", "Tipner Lane, Portsmouth PO2 8RA"), "Credit Control")  # fmt: skip
ENERGY = Org("Portsdown Hill Energy Ltd", "PO Box 7735", "Portsmouth PO6 9ZF", "0800 086 3319",
             _ltd("Portsdown Hill Energy Ltd", "12905566", "Southwick Hill Road, Portsmouth PO6 3LY"), "Bills Team")  # fmt: skip
WATER = Org("Farlington Marshes Water Ltd", "Customer Accounts, Havant Road", "Portsmouth PO6 1AA", "0345 020 7719",
            _ltd("Farlington Marshes Water Ltd", "02290451", "Havant Road, Farlington, Portsmouth PO6 1AA"), "Water Accounts")  # fmt: skip
HMCTS = "HM Courts & Tribunals Service"
FINES = Org(HMCTS, "Hampshire and Isle of Wight Fines Unit, PO Box 9203", "Portsmouth PO1 9HN", "0300 790 9981",
            "HM Courts & Tribunals Service collects and enforces the fines imposed by the magistrates' courts.", "Fines Officer")  # fmt: skip
PHONES = Org("Hilsea Lines Mobile Ltd", "PO Box 4016", "Portsmouth PO3 9WA", "0333 400 8125",
             _ltd("Hilsea Lines Mobile Ltd", "09340027", "London Road, Hilsea, Portsmouth PO2 9RP"))  # fmt: skip
BUYER = Org("Ravelin Debt Purchase Ltd", "PO Box 6181", "Portsmouth PO1 9FQ", "0333 222 0794",
            _ltd("Ravelin Debt Purchase Ltd", "13377215", "Cambridge Road, Portsmouth PO1 2EF", FCA), "Bought Accounts")  # fmt: skip
BENEFITS = Org(PCC, "Housing Benefit Overpayments, Civic Offices", "Portsmouth PO1 2AL", "023 9284 1122",
               "Portsmouth City Council recovers Housing Benefit paid beyond entitlement under the Social Security Administration Act 1992.", "Overpayments Team")  # fmt: skip
SOCIETY = Org("Southsea and Portsdown Building Society", "Arrears Support, 9 Palmerston Road", "Southsea PO5 3QQ", "023 9273 0882",
              "Southsea and Portsdown Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (no. 204417).", "Arrears Support")  # fmt: skip
HOMES = Org("Stamshaw Homes Housing Association", "Income Team, 4 Twyford Avenue", "Portsmouth PO2 8PB", "023 9266 7310",
            "Stamshaw Homes Housing Association, a registered society and a registered provider of social housing (no. L4720).", "Income Team")  # fmt: skip
LATER = Org("Slackwater Pay Later Ltd", "help@slackwater.example", "London EC1V 2NX", "0333 050 6612",
            _ltd("Slackwater Pay Later Ltd", "13620874", "City Road, London EC1V 2NX", FCA), "Slackwater Support")  # fmt: skip
CATALOGUE = Org("Hotwalls Home Shopping Ltd", "Account Services, Gunwharf Road", "Portsmouth PO1 2LA", "0345 331 9046",
                _ltd("Hotwalls Home Shopping Ltd", "04417762", "Gunwharf Road, Portsmouth PO1 2LA", FCA))  # fmt: skip
MARINA = Org("Eastney Point Marina Ltd", "Berth Office, Ferry Road", "Southsea PO4 9LX", "023 9273 5568",
             _ltd("Eastney Point Marina Ltd", "06628359", "Ferry Road, Southsea PO4 9LX"))  # fmt: skip
SOLICITORS = Org("Achterberg Nwosu Solicitors LLP", "Debt Recovery, 5 Landport Terrace", "Portsmouth PO1 2QS", "023 9282 4409",
                 "Achterberg Nwosu Solicitors LLP is authorised and regulated by the Solicitors Regulation Authority (SRA no. 648215).", "Debt Recovery Unit")  # fmt: skip
FERRY = Org("Spithead Harbour Ferries Ltd", "Crew Payroll, The Hard", "Portsmouth PO1 3DT", "023 9252 0041",
            _ltd("Spithead Harbour Ferries Ltd", "03349811", "The Hard, Portsmouth PO1 3DT"), "Crew Payroll")  # fmt: skip
ARCADE = Org("South Parade Amusements Ltd", "c/o Milton Payroll Bureau, 88 Milton Road", "Portsmouth PO3 6AS", "023 9275 1180",
             _ltd("South Parade Amusements Ltd", "06011732", "South Parade, Southsea PO4 0SP", " Payslips are prepared by Milton Payroll Bureau."), "Milton Payroll Bureau")  # fmt: skip
UNION = Org("Portsea Island Credit Union Ltd", "Members' Accounts, 60 Fratton Road", "Portsmouth PO1 5BX", "023 9282 9915",
            "Portsea Island Credit Union Ltd is authorised by the PRA and regulated by the FCA and the PRA (FRN 213390).", "Members' Accounts")  # fmt: skip
BANK = Org("Wymering Bank plc", "Statements, PO Box 881", "Portsmouth PO6 9TT", "0345 740 2290",
           _ltd("Wymering Bank plc", "02118854", "Medina Road, Cosham, Portsmouth PO6 3EJ", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Statements")  # fmt: skip
DWP = "Department for Work and Pensions"
CARERS = Org(DWP, "Carer's Allowance Unit, Mail Handling Site A", "Wolverhampton WV98 2AB", "0800 731 0297",
             "Carer's Allowance is paid by the Department for Work and Pensions.", "Carer's Allowance Unit")  # fmt: skip
ATTENDANCE = Org(DWP, "Attendance Allowance Unit, Mail Handling Site A", "Wolverhampton WV98 2AD", "0800 731 0122",
                 "Attendance Allowance is paid by the Department for Work and Pensions.", "Attendance Allowance Unit")  # fmt: skip
ROWING = Org("Eastney Cruising and Rowing Club", "The Boathouse, Ferry Road", "Southsea PO4 9LY", "07700 900 427",
             "Members row from the slip by the harbour mouth on Tuesday and Thursday evenings.", "Club Captain")  # fmt: skip
BEACH = Org("Southsea Shingle Clean-Up Volunteers", "c/o The Canoe Lake Cafe, Eastern Parade", "Southsea PO4 9RF", "07700 900 651",
            "A volunteer group: we pick litter from the shingle each month; nothing here asks you for money.", "Volunteer Organiser")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """The card issuer's notice of sums in arrears (even: the keyboard) or the university's
    credit control about unpaid residence fees (odd: the cards)."""
    kinds = ("keyboard", "cards")
    when, date = _when(rng), dated(rng)
    by = later(date, 14)
    if i % 2 == 0:
        owed = balance(rng)
        arrears = rng.randrange(4_000, max(4_100, owed // 4))
        ref = f"{digits(rng, 4)} **** **** {digits(rng, 4)}"
        letter = Letter(
            org=CARDS, title="Notice of sums in arrears on your Round Tower card", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, CARDS.name, ref, owed, date, deadline_date=by),
            ref_label="Card number (masked)", ref=ref, date_label="Arrears notice of",
            facts=[("Whole card balance today", owed), ("Missed payments within it", arrears), ("Bring the card up to date by", by)],
            paras=("You have missed two payments in a row on your credit card agreement, and the law requires us to send you this notice.",
                   f"The balance on the card is {pounds(owed)}, of which {pounds(arrears)} is in arrears. Please pay the arrears by {when(by)}.",
                   "A copy of the FCA's information sheet on arrears is enclosed. If you are in financial difficulty, free help is available from a debt adviser."),
        )  # fmt: skip
    else:
        owed = balance(rng, 45_000, 590_000)
        ref = f"UP{digits(rng, 7)}"
        letter = Letter(
            org=UNIVERSITY, title="Residence fees still unpaid: final reminder from Credit Control", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, UNIVERSITY.name, ref, owed, date, deadline_date=by),
            ref_label="Student debtor no.", ref=ref, date_label="Credit Control wrote on",
            facts=[("Hall fees not paid", owed), ("Hall of residence", "Rees Hall, Southsea"), ("Settle or agree a plan by", by)],
            paras=("Our records show that fees for your room in the university's halls of residence have not been paid.",
                   f"The sum of {pounds(owed)} is overdue. Please pay it, or contact Credit Control to agree instalments, by {when(by)}.",
                   "If we do not hear from you, the debt may be passed to a collection agency and you may not be able to re-enrol or graduate."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{rng.choice('NPR')}{rng.randrange(0, 10)}{letters(rng, 2)}{digits(rng, 3)}{letters(rng, 1)}"  # fmt: skip


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("elements", "scoreboard")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 92_000, 1_180_000)
    fee = rng.choice((11_500, 20_500, 45_500))
    total = claimed + fee + 11_000
    ref, number = f"GWL{digits(rng, 6)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=BUSINESS, title="You are being sued: money claim form issued", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, LOANS.name, ref, total, date, court_claim_number=number, served_date=served, deadline_date=by),
        ref_label="Claim no. to quote", ref=number, date_label="Claim started (CNBC)",
        facts=[("The claim, fee and costs together", total), ("Claimant", LOANS.name), ("Loan ref. Guildhall Walk gave", ref), ("Taken as served", served), ("Court must hear from you by", by)],
        paras=(f"{LOANS.name} has started a claim against you in the County Court for money it says you owe under a loan agreement.",
               f"It claims {pounds(claimed)}, plus the court fee and legal representative's costs: {pounds(total)} in all. The claim form is treated as served on {when(served)}.",
               f"Read the response pack. You must reply by {when(by)}: pay, admit all or part, or defend. If you do not, judgment may be entered against you without a hearing."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("clock", "shelf")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 36_000, 640_000)
    ref, number = f"CBM/{digits(rng, 5)}", _claim_no(rng)
    by = later(date, 28)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    facts: list[Fact] = [("Judgment sum including costs", owed), ("Garage's invoice ref.", ref)]
    if extra:
        facts.append(("To be paid to the claimant by", by))
    how = (f"The defendant must pay the claimant {pounds(owed)} by {when(by)}." if extra
           else f"The defendant must pay the claimant {pounds(owed)} at the rate ordered, the first payment within 14 days.")  # fmt: skip
    letter = Letter(
        org=LOCAL, title="Judgment after a small claims hearing", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, GARAGE.name, ref, owed, date, court_claim_number=number, **extra),
        ref_label="Case no. at Portsmouth", ref=number, date_label="Judgment pronounced",
        facts=facts,
        paras=(f"District Judge Halloran heard the claim of {GARAGE.name} for unpaid repairs to your car and gave judgment for the claimant.",
               how,
               "If you do not pay as ordered, the claimant may ask the court to enforce the judgment, and it will be entered on the Register of Judgments, Orders and Fines."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """The council's enforcement agents' notice of enforcement for council tax (even: the
    scoreboard) or the county court bailiffs' notice of a warrant of control (odd: the
    keyboard)."""
    kinds = ("scoreboard", "keyboard")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        tax = rng.randrange(38_000, 190_000)
        owed = tax + 7_500
        case, by = f"LES{digits(rng, 7)}", later(date, 7)
        letter = Letter(
            org=AGENTS, title="Enforcement notice for unpaid Portsmouth council tax", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, PCC, case, owed, date, deadline_date=by),
            ref_label="Langstone case no.", ref=case, date_label="Enforcement notice of",
            facts=[("Due now, compliance fee added", owed), ("Acting for the council", PCC), ("Payment must reach us by", by)],
            paras=(f"{PCC} obtained a liability order for unpaid council tax at the magistrates' court and has passed it to us to enforce.",
                   f"You owe {pounds(owed)}, which includes our £75.00 compliance fee. It must be paid in full by {when(by)}.",
                   "If it is not, an enforcement agent may visit to take control of your goods, and a further £235.00 enforcement fee will be added."),
        )  # fmt: skip
    else:
        owed = balance(rng, 42_000, 330_000)
        ref, number = f"KCP{digits(rng, 5)}", _claim_no(rng)
        warrant = f"W{digits(rng, 7)}"
        letter = Letter(
            org=LOCAL, title="Notice of issue of a warrant of control", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, PLUMBING.name, ref, owed, date, court_claim_number=number),
            ref_label="Plumber's job reference", ref=ref, date_label="Warrant issued",
            facts=[("Left to pay under the warrant", owed), ("Creditor holding the judgment", PLUMBING.name), ("Claim no. to quote", number), ("Warrant number", warrant)],
            paras=(f"The judgment creditor, {PLUMBING.name}, has asked the court to enforce its judgment, and a warrant of control has been issued.",
                   f"The amount to pay, including the warrant fee, is {pounds(owed)}. Pay the claimant directly, or the County Court bailiff will call.",
                   "The bailiff may take control of goods to sell them. You can apply to the court to suspend the warrant on form N245 if you can offer payments."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("shelf", "clock")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 620_000, 2_150_000)
    ref, by = f"TCC-{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=WHOLESALE, title="Statutory demand for a debt payable now (Insolvency Act 1986)", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, WHOLESALE.name, ref, owed, date, deadline_date=by),
        ref_label="Cafe trade account", ref=ref, date_label="Date the demand was made",
        facts=[("Creditor's demand, in full", owed), ("Comply within 21 days: by", by)],
        paras=("Catering stock, drinks and packaging were sold to you for your cafe on credit, and the invoices were not paid.",
               f"The creditor claims {pounds(owed)} and demands that you pay it, or secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition against you. You may apply to set this demand aside within 18 days of service."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("cards", "elements")
    when, date = _when(rng), dated(rng)
    ref, by = f"{rng.randrange(30, 39)}{digits(rng, 6)}", later(date, 7)
    owed = rng.randrange(21_000, 168_000)
    letter = Letter(
        org=TAX, title="Council tax reminder: instalment not received", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, PCC, ref, owed, date, deadline_date=by),
        ref_label="Council tax payer ref.", ref=ref, date_label="Council reminder of",
        facts=[("Instalments not paid so far", owed), ("Valuation band of your home", rng.choice(("Band A", "Band B", "Band C"))), ("Pay the overdue sum within 7 days: by", by)],
        paras=("We have not received all the council tax instalments due on your account.",
               f"Please pay {pounds(owed)} by {when(by)}. If you do, you can carry on paying by instalments.",
               "If you do not, you will lose that right, the full year's balance will be due, and we may apply for a summons. You may be able to get Council Tax Support."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("keyboard", "shelf")
    when, date = _when(rng), dated(rng)
    ref, by = f"PHE{digits(rng, 9)}", later(date, 14)
    owed = rng.randrange(9_400, 52_000)
    letter = Letter(
        org=ENERGY, title="Your quarterly energy statement", date=date, when=when,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Portsdown Hill account", ref=ref, date_label="Quarter ends",
        facts=[("Amount to pay for this quarter", owed), ("Energy payment falls due", by), ("Electricity meter no.", f"{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 7)}")],
        paras=("Here is your statement for the electricity and gas used at your home over the last three months.",
               f"The amount due is {pounds(owed)}; please pay it by {when(by)}.",
               "Paying by Direct Debit spreads the cost across the year. If you are worried about paying, please call us: we can help."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("clock", "cards")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 16_000, 152_000)
    ref, by = f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Water charges overdue: please act now", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Farlington water account", ref=ref, date_label="Arrears letter date",
        facts=[("Farlington charges unpaid", owed), ("Call or pay before", by)],
        paras=("Your water account has fallen behind, and earlier reminders have not been answered.",
               f"You owe us {pounds(owed)}. Please pay, or call us to set up a payment plan, before {when(by)}.",
               "If you do not, we may pass your account to a debt collection agency or start court action. Ask us about our discounted tariff for low incomes."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("scoreboard", "elements")
    when, date = _when(rng), dated(rng)
    fine, costs, surcharge = (
        rng.randrange(5_000, 95_000),
        rng.choice((8_500, 9_000, 62_000)),
        rng.choice((2_600, 4_000)),
    )
    paid = rng.randrange(0, fine // 2)
    owed = fine + costs + surcharge - paid
    ref, by = f"{digits(rng, 2)}{letters(rng, 3)}{digits(rng, 5)}", later(date, 10)
    letter = Letter(
        org=FINES, title="Fine overdue: collection order notice", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, HMCTS, ref, owed, date, deadline_date=by),
        ref_label="Fines account to quote", ref=ref, date_label="Fines notice posted",
        facts=[("Balance outstanding on the fine", owed), ("Fine to be cleared by", by)],
        paras=("The court made a collection order when you were fined, and the payments due under it have not been made.",
               f"The balance outstanding is {pounds(owed)}. You must pay it in full by {when(by)}, or contact us straight away.",
               "If you do not, your fine may be increased by 50%, deducted from your earnings or benefits, or passed to enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("shelf", "keyboard")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 9_500, 290_000)
    ref, old = f"RDP{digits(rng, 8)}", f"HLM-{digits(rng, 8)}"
    letter = Letter(
        org=BUYER, title="Your phone account has been sold to us", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=PHONES.name),
        ref_label="Ravelin account no.", ref=ref, date_label="Ravelin told you on",
        facts=[("Balance transferred to Ravelin", owed), ("Network that assigned it", PHONES.name), ("Previous account no.", old)],
        paras=(f"{PHONES.name} has legally assigned your mobile phone account to us, and we now own the debt.",
               f"The balance transferred is {pounds(owed)}. We have not added any interest or charges.",
               "From now on please pay us, not the previous creditor. If you had a payment plan, it continues on the same terms."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("elements", "clock")
    when, date = _when(rng), dated(rng)
    weekly = rng.randrange(4_000, 16_000)
    weeks = rng.randrange(3, 30)
    owed = weekly * weeks
    start = later(date, -7 * (weeks + rng.randrange(4, 20)))
    ref, by = f"HBO{digits(rng, 6)}", later(date, 21)
    letter = Letter(
        org=BENEFITS, title="Invoice: Housing Benefit you were overpaid", date=date, when=when,
        truth=owes(C.OVERPAYMENT, PCC, ref, owed, date, deadline_date=by),
        ref_label="HB invoice no.", ref=ref, date_label="Invoice drawn",
        facts=[("Benefit the council wants back", owed), ("Overpayment period began", start), ("Repay or get in touch by", by)],
        paras=(f"We paid you too much Housing Benefit from {when(start)} because a change in your household's income was not reported in time.",
               f"The overpayment is {pounds(owed)} and it is recoverable. Please pay it, or contact us to agree affordable instalments, by {when(by)}.",
               "You can ask us to look at the decision again within one month. If you are still getting Housing Benefit, we may take deductions from it."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("cards", "scoreboard")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 52_000, 840_000), rng.randrange(48_000, 175_000)
    ref = f"SPB{digits(rng, 9)}"
    letter = Letter(
        org=SOCIETY, title="Your mortgage account is behind with payments", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Southsea and Portsdown mortgage", ref=ref, date_label="Society letter of",
        facts=[("Payments short on the mortgage", owed), ("Instalment due each month", monthly)],
        paras=("Your mortgage payments have not been made in full, and the account is now in arrears.",
               f"Arrears of {pounds(owed)} have built up; your contractual monthly payment is {pounds(monthly)}.",
               "Please contact Arrears Support so that we can agree an arrangement you can afford. We will only ever seek possession as a last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("keyboard", "elements")
    when, date = _when(rng), dated(rng)
    weekly = rng.randrange(10_500, 18_900)
    weeks = rng.randrange(2, 15)
    owed = weekly * weeks
    ref = f"SH-{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="Rent arrears on your Stamshaw Homes tenancy", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Stamshaw tenancy no.", ref=ref, date_label="Rent account printed",
        facts=[("Rent behind as of today", owed), ("Rent plus service, weekly", weekly)],
        paras=("Your rent account shows arrears, and no payment has been received for some weeks.",
               f"The arrears are {pounds(owed)}, and your weekly rent is {pounds(weekly)}. Please contact the Income Team to agree how to clear them.",
               "If your Universal Credit housing element has changed, tell us. We can also refer you to free, independent money advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("clock", "scoreboard")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 3_800, 112_000), later(date, 10)
    if i % 4 < 2:
        org, ref, title = LATER, f"SW{digits(rng, 9)}", "Slackwater: a payment has bounced"
        first = "The last instalment on your Slackwater plan was declined by your bank."
        date_label, ref_label = "E-mail date", "Slackwater order"
    else:
        org, ref, title = (
            CATALOGUE,
            f"{letters(rng, 1)}{digits(rng, 7)}",
            "Hotwalls account: payments behind",
        )
        first = (
            "Your Hotwalls shopping account has fallen behind, so we have put new orders on hold."
        )
        date_label, ref_label = "Posted on", "Hotwalls customer no."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label=ref_label, ref=ref, date_label=date_label,
        facts=[("Behind on the account", owed), ("Overdue sum wanted by", by)],
        paras=(first,
               f"{pounds(owed)} is overdue. Please pay it by {when(by)}; late payments are reported to the credit reference agencies.",
               "If you are struggling, let us know: we can hold collections for 30 days while you speak to a free debt advice service."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("shelf", "cards")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 48_000, 940_000), later(date, 30)
    ref = f"EPM-{rng.choice(('A', 'B', 'C', 'D'))}{rng.randrange(1, 60):02d}"
    letter = Letter(
        org=SOLICITORS, title="Letter of claim: unpaid berthing fees", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, MARINA.name, ref, owed, date, deadline_date=by),
        ref_label="Berth number", ref=ref, date_label="Letter of claim date",
        facts=[("Berthing fees owed", owed), ("Client (the marina)", MARINA.name), ("Reply form back to us by", by)],
        paras=(f"We are instructed by {MARINA.name}, which has berthed your boat under a licence for which fees remain unpaid.",
               f"Our client claims {pounds(owed)}. Please pay this sum, or complete and return the enclosed reply form, by {when(by)}.",
               "This letter is sent under the Pre-Action Protocol for Debt Claims. If you do not respond, our client may start court proceedings without further notice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _ferry(rng: random.Random, i: int) -> Doc:
    """A ferry company's earnings statement for a seafarer: the rota's days on board and
    ashore, the day rate, the sea allowance, the deductions; monthly or four-weekly."""
    org, date, when = FERRY, dated(rng), _when(rng)
    frequency = ("monthly", "four_weekly")[(i // 2) % 2]
    days = {"monthly": 15, "four_weekly": 14}[frequency]
    rate = rng.choice((14_860, 15_320, 16_045))
    basic = days * rate
    allowance = days * rng.choice((1_250, 1_400))
    overtime = rng.randrange(0, 9) * 2_870
    gross = basic + allowance + overtime
    cuts = [("Tax withheld", gross * 13 // 100), ("NI (Class 1)", gross * 7 // 100), ("Merchant Navy pension", gross * 5 // 100), ("Crew mess fund", 1_500)]  # fmt: skip
    off = sum(a for _, a in cuts)
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Seafarer's pay statement", True, size=style.point + 3),))
    page.add((t(0.08, f"{first} {surname}, able seafarer, MV Round Tower", size=size), rt(0.92, f"Pay date: {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"Crew no. {digits(rng, 6)}   Tax code 1257L   {FREQUENCY_SHOWN[frequency][0]}", size=size),)).gap()  # fmt: skip
    page.add((t(0.08, "Rota this period", True, size=size),))
    pattern = "".join(rng.choice(("S", "S", "L")) for _ in range(28))
    page.add(
        (t(0.08, " ".join(pattern[:14]), size=size), t(0.5, " ".join(pattern[14:]), size=size))
    )
    page.add((t(0.08, f"S = day on board, L = leave.  Days on board paid: {days}", size=SMALL, italic=True),)).gap()  # fmt: skip
    page.add((t(0.08, "Earned", True, size=size), rt(0.6, "Rate", True, size=size), rt(0.92, "Amount", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 90)
    for what, at, amount in ((f"Days on board x {days}", plain(rate), basic), ("Sea allowance", "", allowance), ("Extra sailings", "", overtime)):  # fmt: skip
        page.add((t(0.08, what, size=size), rt(0.6, at, size=size), rt(0.92, plain(amount), size=size)))  # fmt: skip
    page.add((t(0.08, "Gross earnings", True, size=size), rt(0.92, plain(gross), True, size=size)))
    page.gap()
    page.add((t(0.08, "Taken off", True, size=size),))
    page.rule(0.08, 0.92, 90)
    for what, amount in cuts:
        page.add((t(0.08, what, size=size), rt(0.92, plain(amount), size=size)))
    page.add((t(0.08, "Total taken off", True, size=size), rt(0.92, plain(off), True, size=size)))
    page.gap()
    top = len(page.rows)
    page.add((t(0.1, "Into your bank this time", True, size=style.point + 1), rt(0.9, plain(gross - off), True, size=style.point + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.08, 0.92, True, None))
    page.gap()
    page.para("Leave days are paid within the day rate of the days on board. Queries to Crew Payroll.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


WEEKDAYS = ("Sat", "Sun", "Mon", "Tue", "Wed", "Thu", "Fri")


def _arcade(rng: random.Random, i: int) -> Doc:
    """A seafront arcade's payslip from its payroll bureau: the hours of each day of the
    week in a strip across the page, then pay and deductions side by side; weekly or
    fortnightly."""
    org, date, when = ARCADE, dated(rng), _when(rng)
    date = later(date, (4 - date.weekday()) % 7)  # a Friday
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    weeks = {"weekly": 1, "fortnightly": 2}[frequency]
    rate = rng.choice((1_221, 1_250, 1_290))
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[(i + 1) % len(PEOPLE)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Payslip", True, size=style.point + 3), rt(0.92, f"Payment date {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}, change kiosk attendant", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Employee {digits(rng, 5)}   Tax code 1257L   NI category A", size=size),)).gap()  # fmt: skip
    total_quarters = 0
    xs = [0.2 + 0.1 * k for k in range(7)]
    page.add((t(0.08, "Hours", True, size=size), *(rt(x + 0.06, d, True, size=size) for x, d in zip(xs, WEEKDAYS, strict=True))))  # fmt: skip
    for w in range(weeks):
        quarters = [rng.choice((0, 16, 24, 28, 32, 36)) for _ in WEEKDAYS]
        total_quarters += sum(quarters)
        page.add((t(0.08, f"Week {w + 1}", size=size), *(rt(x + 0.06, f"{q / 4:.2f}", size=size) for x, q in zip(xs, quarters, strict=True))))  # fmt: skip
    hours = total_quarters / 4
    page.add((t(0.08, f"Total hours {hours:.2f}", True, size=size),)).gap()
    basic = round(hours * rate)
    holiday = round(basic * 0.1207)
    gross = basic + holiday
    cuts = [("Tax (bureau PAYE)", max(0, gross - 24_100 * weeks) * 20 // 100), ("NI (employee share)", max(0, gross - 24_200 * weeks) * 8 // 100), ("Auto pension at 5%", gross * 5 // 100)]  # fmt: skip
    off = sum(a for _, a in cuts)
    left = [
        (f"Basic {hours:.2f} hrs @ {plain(rate)}", basic),
        ("Rolled-up holiday pay", holiday),
        ("Earned before stoppages", gross),
    ]
    right = [*cuts, ("Deductions", off)]
    page.add((t(0.08, "Payments", True, size=size), t(0.54, "Deductions", True, size=size)))
    for n in range(max(len(left), len(right))):
        cells = []
        if n < len(left):
            cells += [t(0.08, left[n][0], n == len(left) - 1, size=size), rt(0.46, plain(left[n][1]), n == len(left) - 1, size=size)]  # fmt: skip
        if n < len(right):
            cells += [t(0.54, right[n][0], n == len(right) - 1, size=size), rt(0.92, plain(right[n][1]), n == len(right) - 1, size=size)]  # fmt: skip
        page.add(tuple(cells))
    page.gap()
    top = len(page.rows)
    page.add((t(0.54, "NET PAY", True, size=style.point + 1), rt(0.92, pounds(gross - off), True, size=style.point + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.52, 0.93, True, 236))
    page.gap()
    page.para("Prepared by Milton Payroll Bureau for the employer. Keep your payslips: you may need them to claim benefits.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """The ferry company's earnings statement (even) or the arcade's payslip (odd)."""
    return _ferry(rng, i) if i % 2 == 0 else _arcade(rng, i)


def _union(rng: random.Random, i: int) -> Doc:
    """The credit union's current account: date, description, money out, money in, balance."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, UNION, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Current account statement", True, size=style.point + 1), rt(0.92, f"Statement to {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Member no. {digits(rng, 6)}   Sort code 60-{digits(rng, 2)}-{digits(rng, 2)}   Account {digits(rng, 8)}", size=size),)).gap()  # fmt: skip
    xs = (0.64, 0.78, 0.92)
    page.add((t(0.08, "Date", True, size=size), t(0.2, "Description", True, size=size), *(rt(x, h, True, size=size) for x, h in zip(xs, ("Money out", "Money in", "Balance"), strict=True))))  # fmt: skip
    page.rule(0.08, 0.92, 70)
    running = rng.randrange(1_500, 48_000)
    page.add((t(0.2, "Opening balance", size=size), rt(0.92, plain(running), size=size)))
    items = [("WAGES SOUTH PARADE AMUSE", rng.randrange(28_000, 62_000)), ("DD STAMSHAW HOMES HA", -rng.randrange(30_000, 70_000)),
             ("CARD TESCO FRATTON", -rng.randrange(1_200, 8_500)), ("DD PORTSMOUTH CC CTAX", -rng.randrange(9_000, 17_000)),
             ("CARERS ALLOWANCE DWP", rng.randrange(30_000, 34_000)), ("CASH ATM COMMERCIAL RD", -1_000 * rng.randrange(1, 6)),
             ("SAVINGS TO SHARES", -rng.randrange(500, 2_500)), ("CARD FIRST BUS SOUTHSEA", -rng.randrange(300, 1_400))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 31), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        cells = [t(0.08, f"{later(date, -offset):%d.%m}", size=size), t(0.2, what, size=size)]
        cells.append(rt(xs[0] if amount < 0 else xs[1], plain(abs(amount)), size=size))
        cells.append(rt(0.92, plain(running) if running >= 0 else f"-{plain(-running)}", size=size))
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 70)
    page.add((t(0.2, "Closing balance", True, size=size), rt(0.92, plain(running) if running >= 0 else f"-{plain(-running)}", True, size=size)))  # fmt: skip
    page.gap()
    page.para("Your savings with us are shares in the credit union. Tell us about any entry you do not recognise.", size=SMALL)  # fmt: skip
    _foot(page, UNION)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def _weekly(rng: random.Random, i: int) -> Doc:
    """The bank's statement with its lines grouped under "Spending week to" headings, each
    week's paid in and paid out subtotalled under it."""
    date, when = dated(rng), _when(rng)
    date = later(date, (6 - date.weekday()) % 7)  # a Sunday
    style = STYLES[(i + 1) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Your statement", True, size=style.point + 1), rt(0.92, f"Issued {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Everyday account {digits(rng, 8)}   Sort code 20-{digits(rng, 2)}-{digits(rng, 2)}", size=size),)).gap()  # fmt: skip
    running = rng.randrange(-20_000, 60_000)
    page.add((t(0.08, "Balance at start", size=size), rt(0.92, plain(abs(running)) + (" OD" if running < 0 else ""), size=size)))  # fmt: skip
    pool = [("ARCADE WAGES", 1), ("SPAR ALBERT RD", -1), ("PORTSDOWN HILL ENERGY", -1), ("FARLINGTON MARSHES WTR", -1),
            ("TRANSFER FROM J PENNYCOOK", 1), ("CHIPPY EASTNEY", -1), ("DD TVL", -1), ("HMRC CHB PAYMENT", 1)]  # fmt: skip
    for week in range(3, -1, -1):
        end = later(date, -7 * week)
        page.add((t(0.08, f"Spending week to {end:%d/%m/%Y}", True, size=size),))
        ins = outs = 0
        for name, sign in rng.sample(pool, 3):
            amount = rng.randrange(20_000, 45_000) if sign > 0 else rng.randrange(400, 9_000)
            running += sign * amount
            ins += amount if sign > 0 else 0
            outs += amount if sign < 0 else 0
            day = later(end, -rng.randrange(0, 7))
            page.add((t(0.1, f"{day:%a %d}", size=size), t(0.22, name, size=size), rt(0.7, ("+" if sign > 0 else "-") + plain(amount), size=size), rt(0.92, plain(abs(running)) + (" OD" if running < 0 else ""), size=size)))  # fmt: skip
        page.add(
            (t(0.22, f"Week's total: in {plain(ins)}, out {plain(outs)}", italic=True, size=SMALL),)
        )
    page.rule(0.08, 0.92, 80)
    page.add((t(0.08, "Balance at end", True, size=size), rt(0.92, plain(abs(running)) + (" OD" if running < 0 else ""), True, size=size)))  # fmt: skip
    page.gap()
    page.para("OD means overdrawn. An arranged overdraft is charged interest at the rate in your account terms.", size=SMALL)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def bank_statement(rng: random.Random, i: int) -> Doc:
    """The credit union's statement (even) or the bank's weekly-grouped one (odd)."""
    return _union(rng, i) if i % 2 == 0 else _weekly(rng, i)


def benefit(rng: random.Random, i: int) -> Doc:
    """Carer's Allowance (even: the elements) or Attendance Allowance (odd: the
    keyboard)."""
    kinds = ("elements", "keyboard")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        org, what = CARERS, "Carer's Allowance"
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        weekly = 8_330
        ref = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}"
        ref_label = "National Insurance number"
    else:
        org, what = ATTENDANCE, "Attendance Allowance"
        frequency = "four_weekly"
        weekly = rng.choice((7_390, 11_040))
        ref = f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}"
        ref_label = "Your NI number"
    times = {"weekly": 1, "four_weekly": 4}[frequency]
    paid = weekly * times
    letter = Letter(
        org=org, title=f"Decision on your {what} claim", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label=ref_label, ref=ref, date_label="Decision reached",
        facts=[("Each payment to you", paid), ("Rhythm of payments", FREQUENCY_SHOWN[frequency][0]), ("Rate a week", weekly)],
        paras=(f"We have made a decision on your claim for {what}.",
               f"You are entitled to {what}. We will pay {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]} into your bank account.",
               "Tell us straight away about any change, such as going into hospital or a care home, or earning more, or you may be overpaid."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the rowing club's regatta notice (the cards) and the beach clean's call
    for helpers (the clock)."""
    kinds = ("cards", "clock")
    when, date = _when(rng), dated(rng)
    on = later(date, 8 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=ROWING, title="Summer regatta: crews and helpers", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Boat", ref=f"Gig {rng.randrange(1, 7)}",
            facts=[("Regatta falls on", on), ("Crews gather at", "The slipway, 8am"), ("Bring", "Water and a warm layer")],
            paras=("Thank you to everyone who scraped and varnished the gigs over the winter.",
                   f"Our regatta is on {when(on)}. Put your name on the sheet in the boathouse if you can row, steer or help on the shore.",
                   "Sandwiches and tea will be at the boathouse afterwards, paid for from the club's raffle."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=BEACH, title="Shingle clean-up: helpers wanted", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Stretch", ref=f"Stretch {rng.randrange(1, 9)}",
            facts=[("Next clean-up", on), ("Meet by", "The canoe lake kiosk")],
            paras=("Thank you for signing up to help keep the shingle clear.",
                   f"The next clean-up is on {when(on)}, from ten until noon. Gloves, pickers and bags are provided.",
                   "Children are welcome with an adult. We weigh what we collect and send the figures to the marine survey."),
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
class AUSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 4560


def build_au(per_class: int = 4, *, seed: int = SEED) -> list[AUSample]:
    """``per_class`` documents of every class, held out, family ``<class>:AU``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, AUSample)


PRINT = Printer(FONTS.font, FONTS.measure)


def page_size(sample: AUSample, dpi: int) -> tuple[int, int]:
    return PRINT.page_size(sample, dpi)


def au_text(sample: AUSample) -> str:
    """Every page's text, pages apart by form feeds."""
    return PRINT.text(sample)


def au_pages(sample: AUSample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return PRINT.pages(sample, dpi=dpi)


# -- drawing the page ---------------------------------------------------------------------------


@frozen
class AUScan:
    dpi: int
    skew: float
    """Degrees."""
    band: bool = False
    """A loose rubber band lying on the scanner glass; colour."""
    window: bool = False
    """A phone photo in sunlight, the glazing bars' shadows across it; colour."""
    pressed: bool = False
    """Handwriting pressed into the page, shown by the scanner's raking light; greyscale, PDF."""


SCANS = (
    AUScan(dpi=200, skew=0.5, band=True),
    AUScan(dpi=165, skew=-1.2, window=True),
    AUScan(dpi=300, skew=0.3, pressed=True),
)

PAPER = (252, 251, 247)
QUALITY = 82
TINT_FILL = ((255, 236, 214), (222, 236, 250), (228, 244, 226))
"""The periodic tiles' tints: money, dates, words."""
SUIT_INK = ((20, 20, 20), (196, 30, 40), (196, 30, 40), (20, 20, 20))


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

    def span(self, m: Mark) -> tuple[int, int]:
        last = m.last if m.last is not None else m.row
        return self.top(m.row) - self.body // 4, self.foot(last)


def _rule(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.top(m.row) - round(0.1 * g.body)
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(m.shade,) * 3, width=g.line)


def _clock_face(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The face, twelve ticks (the quarters longer) and two hands; ``shade`` the hour."""
    cx, cy, r = g.x(m.x0), g.top(m.row) + g.heights[m.row] // 2, g.x(m.x1)
    pen.ellipse(
        (cx - r, cy - r, cx + r, cy + r),
        fill=(250, 248, 240),
        outline=INK,
        width=max(2, g.line * 2),
    )
    for h in range(12):
        a = math.pi * h / 6
        inner = r * (0.8 if h % 3 == 0 else 0.88)
        pen.line((cx + inner * math.sin(a), cy - inner * math.cos(a), cx + r * 0.96 * math.sin(a), cy - r * 0.96 * math.cos(a)), fill=INK, width=max(1, g.line * (2 if h % 3 == 0 else 1)))  # fmt: skip
    hour = math.pi * (m.shade + 1 / 6) / 6
    pen.line((cx, cy, cx + r * 0.5 * math.sin(hour), cy - r * 0.5 * math.cos(hour)), fill=INK, width=max(2, g.line * 3))  # fmt: skip
    pen.line((cx, cy, cx + r * 0.75 * math.sin(math.pi / 3), cy - r * 0.75 * math.cos(math.pi / 3)), fill=INK, width=max(1, g.line * 2))  # fmt: skip
    dot = max(2, r // 25)
    pen.ellipse((cx - dot, cy - dot, cx + dot, cy + dot), fill=INK)


def _board(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = g.span(m)
    pen.rectangle((g.x(m.x0), y0 - g.body // 2, g.x(m.x1), y1), fill=BOARD, outline=(90, 60, 30), width=max(3, g.line * 4))  # fmt: skip


def _plate(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = g.span(m)
    pen.rectangle((g.x(m.x0), y0 + g.body // 8, g.x(m.x1), y1 - g.body // 8), fill=PLATE)
    dot = max(2, g.body // 10)
    for x in (g.x(m.x0) + g.body // 4, g.x(m.x1) - g.body // 4):
        pen.ellipse(
            (x - dot, y0 + g.body // 4, x + dot, y0 + g.body // 4 + 2 * dot), fill=(150, 150, 150)
        )


def _tile(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = g.span(m)
    pen.rectangle(
        (g.x(m.x0), y0, g.x(m.x1), y1), fill=TINT_FILL[m.shade], outline=INK, width=g.line
    )


def _shelf_edge(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.top(m.row) - round(g.body * 0.6)
    pen.rectangle(
        (g.x(m.x0), y, g.x(m.x1), y + max(4, g.body // 3)),
        fill=(150, 140, 128),
        outline=(90, 84, 76),
    )


def _goods(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = g.top(m.row), g.top((m.last or m.row) + 1) - round(g.body * 0.6)
    top = y1 - round((y1 - y0) * m.shade / 10)
    pen.rectangle(
        (g.x(m.x0), top, g.x(m.x1), y1), fill=(236, 232, 224), outline=(120, 116, 110), width=g.line
    )


def _label(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = g.span(m)
    pen.rectangle(
        (g.x(m.x0), y0, g.x(m.x1), y1), fill=(255, 246, 170), outline=(120, 110, 60), width=g.line
    )


def _pip(pen: ImageDraw.ImageDraw, cx: int, cy: int, r: int, suit: int) -> None:
    """A suit's pip: a spade, a heart, a diamond or a club, drawn."""
    ink = SUIT_INK[suit]
    if suit == 2:
        pen.polygon(
            [(cx, cy - r), (cx + r * 3 // 4, cy), (cx, cy + r), (cx - r * 3 // 4, cy)], fill=ink
        )
    elif suit == 1:
        pen.ellipse((cx - r, cy - r, cx, cy), fill=ink)
        pen.ellipse((cx, cy - r, cx + r, cy), fill=ink)
        pen.polygon([(cx - r, cy - r // 2), (cx + r, cy - r // 2), (cx, cy + r)], fill=ink)
    elif suit == 0:
        pen.polygon([(cx - r, cy + r // 3), (cx + r, cy + r // 3), (cx, cy - r)], fill=ink)
        pen.ellipse((cx - r, cy - r // 3, cx, cy + r * 2 // 3), fill=ink)
        pen.ellipse((cx, cy - r // 3, cx + r, cy + r * 2 // 3), fill=ink)
        pen.polygon(
            [(cx, cy), (cx - r // 2, cy + r * 5 // 4), (cx + r // 2, cy + r * 5 // 4)], fill=ink
        )
    else:
        for dx, dy in ((0, -r // 2), (-r // 2, r // 4), (r // 2, r // 4)):
            pen.ellipse(
                (cx + dx - r // 2, cy + dy - r // 2, cx + dx + r // 2, cy + dy + r // 2), fill=ink
            )
        pen.polygon(
            [(cx, cy), (cx - r // 2, cy + r * 5 // 4), (cx + r // 2, cy + r * 5 // 4)], fill=ink
        )


def _card(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A playing card, its suit's pip at the top right and (smaller) at the foot left."""
    y0, y1 = g.span(m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rounded_rectangle((x0, y0, x1, y1), radius=g.body, fill=(255, 255, 252), outline=INK, width=max(1, g.line))  # fmt: skip
    r = max(4, g.body // 2)
    _pip(pen, x1 - 2 * r, y0 + 2 * r, r, m.shade)
    _pip(pen, x0 + 2 * r, y1 - 2 * r, r * 2 // 3, m.shade)


def _key(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A keycap: its lower lip shaded, its face light."""
    y0, y1 = g.span(m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    lip = max(3, g.body // 3)
    pen.rounded_rectangle((x0, y0, x1, y1 + lip), radius=g.body // 2, fill=(176, 178, 184))
    pen.rounded_rectangle((x0 + 1, y0, x1 - 1, y1), radius=g.body // 2, fill=(240, 241, 244), outline=(120, 122, 130), width=g.line)  # fmt: skip


PAINT: dict[str, Callable[[ImageDraw.ImageDraw, _Geo, Mark], None]] = {
    "rule": _rule,
    "clock": _clock_face,
    "board": _board,
    "plate": _plate,
    "tile": _tile,
    "shelf": _shelf_edge,
    "goods": _goods,
    "label": _label,
    "card": _card,
    "key": _key,
}
UNDER = ("board", "tile", "goods", "label", "card", "key", "clock")
"""The marks drawn before the boxes (the rest after them)."""


def _draw(sample: AUSample, n: int, dpi: int) -> Image.Image:
    """Page ``n`` drawn clean: shapes first (the board, tiles, cards, keys, the clock), then
    boxes, plates, shelves and rules, then the text (white on the scoreboard)."""
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
    painted = [
        (tops[m.row], g.foot(m.last if m.last is not None else m.row))
        for m in marks
        if m.kind == "board"
    ]
    for p in PRINT.layout(sample, n, dpi):
        white = any(y0 <= p.top < y1 for y0, y1 in painted)
        pen.text((p.left, p.top), p.cell.text, fill=WHITE if white else INK, font=p.font)
    return image


def _value_boxes(sample: AUSample, n: int, dpi: int) -> list[tuple[int, int, int, int]]:
    """The pixel boxes (x0, y0, x1, y1) of page ``n``'s cells that hold a word of a true
    value."""
    forms = [f.casefold() for name in ("creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date", "deadline_date", "court_claim_number", "payer_name", "income_pence", "gross_pence", "frequency", "served_date")
             if (v := getattr(sample.truth, name)) is not None for f in printed_forms(name, v)]  # fmt: skip
    words = {w for f in forms for w in f.split() if len(w) > 2}
    boxes = []
    for p in PRINT.layout(sample, n, dpi):
        text = p.cell.text.casefold()
        if any(w in text for w in words):
            boxes.append((p.left, p.top, p.left + round(p.length(p.cell.text)), p.top + p.size))
    return boxes


# -- the scans --------------------------------------------------------------------------------------


def _loop(rng: random.Random, dpi: int) -> tuple[np.ndarray, np.ndarray]:
    """A loose rubber band's outline: a wobbly closed curve (x, y offsets from its centre,
    in pixels)."""
    a, b = dpi * rng.uniform(0.55, 0.85), dpi * rng.uniform(0.35, 0.6)
    turn = rng.uniform(0, math.pi)
    s = np.linspace(0, 2 * math.pi, 240)
    wobble = 1 + 0.12 * np.sin(3 * s + rng.uniform(0, 6)) + 0.06 * np.sin(5 * s + rng.uniform(0, 6))
    x, y = a * np.cos(s) * wobble, b * np.sin(s) * wobble
    return x * math.cos(turn) - y * math.sin(turn), x * math.sin(turn) + y * math.cos(turn)


def band_place(sample: AUSample, n: int, dpi: int, rng: random.Random, xs: np.ndarray, ys: np.ndarray) -> tuple[int, int, int]:  # fmt: skip
    """Where the band's loop (``xs``, ``ys`` about its centre) lies on page ``n``: of forty
    tries, the first whose bounds (and its shadow's) cover no cell holding a true value,
    else the one covering fewest; (centre x, centre y, cells covered)."""
    w, h = PRINT.page_size(sample, dpi)
    boxes = _value_boxes(sample, n, dpi)
    best: tuple[int, int, int] | None = None
    for _ in range(40):
        cx, cy = rng.randrange(0, w), rng.randrange(0, h)
        x0, x1, y0, y1 = (
            cx + xs.min() - 20,
            cx + xs.max() + 20,
            cy + ys.min() - 20,
            cy + ys.max() + 20,
        )
        hits = sum(
            1 for bx0, by0, bx1, by1 in boxes if bx0 < x1 and bx1 > x0 and by0 < y1 and by1 > y0
        )
        if best is None or hits < best[2]:
            best = (cx, cy, hits)
        if hits == 0:
            break
    assert best is not None
    return best


def _band(image: Image.Image, sample: AUSample, n: int, dpi: int, rng: random.Random, skew: float) -> Image.Image:  # fmt: skip
    """Colour; a loose rubber band left on the scanner glass: a reddish-brown loop and its
    soft shadow, laid (of forty tries) where its bounds cover no true value, else where they
    cover fewest, partly off the page if need be; a little askew."""
    xs, ys = _loop(rng, dpi)
    cx, cy, _ = band_place(sample, n, dpi, rng, xs, ys)
    points = list(zip((cx + xs).tolist(), (cy + ys).tolist(), strict=True))
    thick = max(3, round(dpi * 0.07))
    shadow = Image.new("L", image.size, 0)
    ImageDraw.Draw(shadow).line([(x + thick * 0.6, y + thick * 0.9) for x, y in points] + [points[0]], fill=150, width=thick + 4)  # fmt: skip
    shadow = shadow.filter(ImageFilter.GaussianBlur(thick * 0.8))
    out = Image.composite(Image.new("RGB", image.size, (60, 56, 52)), image, shadow)
    band = Image.new("L", image.size, 0)
    ImageDraw.Draw(band).line([*points, points[0]], fill=255, width=thick, joint="curve")
    out = Image.composite(Image.new("RGB", image.size, (168, 78, 52)), out, band.filter(ImageFilter.GaussianBlur(0.8)))  # fmt: skip
    arr = np.asarray(out, dtype=np.float32)
    gen = np.random.default_rng(rng.randrange(1 << 30))
    arr += gen.normal(0.0, 1.8, arr.shape[:2])[:, :, None]
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return out.rotate(
        skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(244, 244, 244)
    )


def _window(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Colour; a phone photo in sunlight through a window: the page warm and bright, crossed
    by the soft-edged, cooler shadows of a glazing bar down and one across (and the
    frame's along one edge); a little soft."""
    turned = image.rotate(
        skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(120, 110, 96)
    )
    arr = np.asarray(turned, dtype=np.float32)
    h, w = arr.shape[:2]
    slant = rng.uniform(-0.12, 0.12)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    u = xs + slant * ys
    v = ys - slant * xs
    bar = w * rng.uniform(0.035, 0.05)
    soft = w * 0.012
    down = rng.uniform(0.3, 0.7) * w
    across = rng.uniform(0.3, 0.7) * h

    def shade(d: np.ndarray) -> np.ndarray:
        out: np.ndarray = np.clip((bar / 2 - np.abs(d)) / soft + 0.5, 0, 1)
        return out

    edge = (
        np.clip((w * 0.06 - u) / soft + 0.5, 0, 1)
        if rng.random() < 0.5
        else np.clip((u - w * 0.94) / soft + 0.5, 0, 1)
    )
    dark = np.maximum(np.maximum(shade(u - down), shade(v - across)), edge)
    sun = np.asarray((1.06, 1.0, 0.86), dtype=np.float32)
    shadow = np.asarray((0.52, 0.56, 0.66), dtype=np.float32)
    mix = sun[None, None, :] * (1 - dark[:, :, None]) + shadow[None, None, :] * dark[:, :, None]
    gen = np.random.default_rng(rng.randrange(1 << 30))
    out = arr * mix + gen.normal(0.0, 2.2, (h, w))[:, :, None]
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(0.7)
    )


def _pressed(image: Image.Image, dpi: int, rng: random.Random, skew: float) -> Image.Image:
    """Greyscale; handwriting pressed into the page by someone writing on a pad laid over
    it, shown by the scanner's one-sided lamp: lines of fine cursive grooves (a dark edge
    and a bright one), the page a little brighter on the lamp's side; a little askew."""
    grey = image.convert("L")
    w, h = grey.size
    groove = Image.new("L", grey.size, 0)
    pen = ImageDraw.Draw(groove)
    spacing = dpi * 0.34
    first = rng.uniform(0.12, 0.3) * h
    lines = rng.randrange(9, 16)
    for k in range(lines):
        y = first + k * spacing
        if y > h * 0.92:
            break
        x, end = w * rng.uniform(0.08, 0.2), w * rng.uniform(0.55, 0.9)
        while x < end:
            span = dpi * rng.uniform(0.22, 0.75)
            s = np.linspace(0, 1, 160)
            loops = span / (dpi * rng.uniform(0.07, 0.11))
            lift = (
                1
                + 0.9
                * np.clip(np.sin(2 * math.pi * (rng.uniform(0.5, 2.5) * s + rng.random())), 0, 1)
                ** 3
            )
            px = x + span * s + dpi * 0.028 * np.sin(2 * math.pi * loops * s)
            py = (
                y
                - dpi * 0.04 * lift * (0.5 + 0.5 * np.cos(2 * math.pi * loops * s + 0.6))
                + dpi * 0.01 * math.sin(k)
            )
            pen.line(
                list(zip(px.tolist(), py.tolist(), strict=True)), fill=255, width=max(1, dpi // 150)
            )
            x += span + dpi * rng.uniform(0.07, 0.16)
    mask = np.asarray(groove, dtype=np.float32) / 255
    shift = max(1, dpi // 150)
    dark = np.roll(mask, (shift, shift), axis=(0, 1))
    light = np.roll(mask, (-shift, -shift), axis=(0, 1))
    ramp = np.linspace(6.0, -6.0, w)[None, :]
    arr = np.asarray(grey, dtype=np.float64) + ramp - 38 * dark + 10 * light
    gen = np.random.default_rng(rng.randrange(1 << 30))
    arr += gen.normal(0.0, 1.6, arr.shape)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=250)


def render(sample: AUSample, n: int, scan: AUScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.band:
        return _band(image, sample, n, scan.dpi, rng, scan.skew)
    if scan.window:
        return _window(image, rng, scan.skew)
    return _pressed(image, scan.dpi, rng, scan.skew)


def au_scanned(sample: AUSample, index: int) -> tuple[bytes, str, AUScan]:
    """Scanned one of three ways: the rubber band on the glass as colour PNG (its
    resolution at even indexes), the sunlit photo as colour baseline JPEG (quality
    ``QUALITY``, no resolution), the pressed writing as a one-page greyscale PDF (300 dpi);
    documents of more pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 67 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or scan.pressed:
        return encode_pages([im.convert("L") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.window:
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
    "AUSample",
    "AUScan",
    "au_pages",
    "au_scanned",
    "au_text",
    "build_au",
    "page_size",
    "render",
    "values_in_text",
]
