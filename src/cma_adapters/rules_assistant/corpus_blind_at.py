# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AT``, written blind: a thirty-ninth measure of how the reader
generalises, in a thirty-ninth hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I``,
``J``, ``AA`` to ``AL`` and ``AN`` to ``AS``).

``AT`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``values_found``, ``money``, ``encode_pages``), the shared page
engine (``corpus_print``), the shared test helpers, family AQ's module and tests and the
commits that registered and measured AQ (as the task allowed), AQ's account in
benchmarks/OCR.md and, by grep only, the other families' modules for place names, bodies,
setting words, faces, date shapes and scan words, to avoid them -- **not** the reader's
rules (``assistant.py``, ``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``,
``prose.py``, ``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``statement_tables.py``, ``label_learning.py``, ``read_families.py``,
the rankers, the Tesseract extractor, the locator, the creditor directory), its reading
tests, nor any account of its misses. It is never used to write rules, to train or
calibrate the classifier or the field ranker (``build_corpus`` never yields it), nor to
choose models: it is measured, and only the aggregate figures go into benchmarks/OCR.md.
Whoever reads its individual misses to change the reader makes ``AT`` no longer blind and
must say so there.

**AT is no longer blind since round 41** (branch ``reader41``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AT
from then on is a training-side figure (benchmarks/OCR.md, "Round 41").

The task suggested Kingston upon Hull and the East Riding; grep found Hull, Holderness and
the East Riding in M and W, so ``AT`` is set in the Metropolitan Borough of Rochdale
(Rochdale, Heywood, Middleton, Littleborough, Milnrow, Wardle, Smallbridge, Spotland,
Kirkholt, Balderstone, Norden, Belfield, Healey), which no family names, under the law of
England and Wales. Of the task's suggested settings a boarding pass, a crossword grid, a
recipe card, a tide table, a seed packet's back and a railway departure board were found
by grep in no family (AD had a counterfoil across the top of a page, AO coupons parted by
perforations and G a perforated self-mailer: never a pass with a stub torn off at its
side); of its suggested scans the blue carbon copy (AA; X's carbon second impression),
staples (P's staple shadow) and a torn-off corner (R) were taken, so ``AT`` has two scans
of its own besides the transparency:

* who writes: a Spotland debt recovery firm for a card issuer; the borough council's
  parking service (a charge certificate: a debt letter, as an adviser files it), the
  Traffic Enforcement Centre's order for recovery and an enforcement agent's notice of
  enforcement (both filed as enforcement); a money claim and a judgment from the County
  Court Business Centre; a plant hire firm's statutory demand; the borough's council tax;
  an energy supplier; a water company's arrears; HMCTS's fines; a mobile network's debt
  sold to a debt purchaser; a Carer's Allowance overpayment (the DWP); a building society;
  a housing association; a pay later app and a home catalogue; solicitors for a dental
  practice; Universal Credit and Attendance Allowance (the DWP); a residential care firm
  and a distribution warehouse as employers; a bank's statement and a credit union's; a
  brass band and a canal restoration group;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **boarding**: the facts on a boarding pass: a rounded card across the page, the facts
    in a grid of small capital labels over values, a dashed perforation near its right
    edge and a stub beyond it repeating the reference, the sum and the date to act;
  - **crossword**: every fact in a numbered square of a grid with black squares between
    (the number small at the square's top left, the value under it), and the labels as
    the clues, "Across" and "Down", below the grid;
  - **recipe**: a recipe card: "You will need" listing every fact value first (a bullet,
    the value in bold, then what it is), then "Method" with the letter's prose as numbered
    steps;
  - **tide**: a tide table: a wave drawn over a table of the dates in order (day, date,
    what happens, the sum beside the date it is due), rows tinted in turn, the other facts
    as notes under it;
  - **packet**: the back of a seed packet: a card with a flap at its top, a month strip
    (twelve initials, the months of the letter and the date to act marked by bars under
    them), the facts in two columns of small labels over values, the prose as notes;
  - **board**: a railway departure board: a dark panel with amber lettering, a line a
    fact (its number, what it is, the value at the right);
  payslips for a residential care firm (hours by week, at their rates, then deductions;
  monthly or four-weekly) or a warehouse (shifts as a list with start and finish, the pay
  built up under it; weekly or fortnightly); bank statements from a bank (withdrawals,
  deposits and balance) or a credit union (a savings and a loan column side by side);
* faces: Carlito under DejaVu Serif Condensed Bold headings, DejaVu Sans Condensed under
  Caladea Bold headings, Liberation Serif under Open Sans Semibold headings, 9.5 to
  10.5 pt; each italic the body's own;
* dates as "4th Dec. 2026" (an ordinal, the month cut with a full stop, the year whole)
  and "Fri 04 December 2026" (the weekday cut, the day padded, the month whole); amounts
  as "£1,234.56" and, in tables and cells, "1,234.56";
* scans new to the families: a page half through a strip-cut shredder and rescued (the
  foot cut into strips a quarter inch wide, each nudged up or down, dark gaps between;
  the cut never reaches a row with a true value; 300 dpi greyscale PNG, its resolution at
  even indexes); an overhead-projector transparency scanned with the lid up (the film
  pale blue-grey on the scanner's dark, every letter with a soft shadow where the film
  floated off the glass, a bright streak across; 150 dpi colour JPEG without a
  resolution); candle-wax drips (translucent blobs with a bright glaze and a darker rim,
  in the margins and corners only; 240 dpi greyscale, as a one-page PDF).

Not all of the above is new, as far as grep over the earlier modules shows (checked before
any measuring): "£1,234.56" and "1,234.56" are many families'; the County Court Business
Centre, the Traffic Enforcement Centre, HM Courts & Tribunals Service and the DWP are
public bodies other families named, as are Universal Credit, Attendance Allowance and
Carer's Allowance; "amber" is a word AA, AC and AS use (never a departure board); I's
copier drum ghost and X's carbon second impression are ghosts of another kind (never a
transparency's shadow); the face files are shared with other families (their pairings
here were not checked exhaustively).

Ground truth follows L's to AQ's conventions: ``creditor_name`` is whoever is owed now (the
agency's client, the claimant, the council behind the order and the enforcement agent, a
solicitor's client, the assignee of a sold debt, the DWP for its overpayment);
``original_creditor`` where a sold debt's first creditor is named; ``account_reference``
the creditor's account number (on the claim and the judgment the claimant's own reference;
the charge certificate and the order the penalty charge notice's number; the enforcement
agent's its own case number); ``court_claim_number`` the claim number; ``balance_pence``
what is owed now; ``letter_date`` the document's own date; ``deadline_date`` and
``served_date`` only where printed. Payslips give the payer, net and gross pay, pay date
and frequency; benefit letters the payer, the amount paid each time, the date and the
frequency; a bank statement its date."""

from __future__ import annotations

import datetime as dt
import io
import math
import random
from collections.abc import Callable, Sequence

import numpy as np
from attrs import frozen
from PIL import Image, ImageChops, ImageDraw, ImageFilter

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

FAMILY = "AT"

PEOPLE = (
    ("Mrs", "Rukhsana", "Bhatti-Greenwood"),
    ("Mr", "Callum", "Ashworth-Oyelaran"),
    ("Ms", "Grazyna", "Tomaszewska"),
    ("Mr", "Shamim", "Haworth-Miah"),
)
ADDRESSES = (
    ("27 Mellor Brow", "Spotland, Rochdale", "OL12 6QT"),
    ("Flat 9, Tweedale House", "Kirkholt, Rochdale", "OL11 2LX"),
    ("4 Shawclough Fold", "Healey, Rochdale", "OL12 7HN"),
    ("61 Hareshill Lane", "Heywood", "OL10 4DY"),
)

# -- date and money shapes -------------------------------------------------------------------


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 11 <= day <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def ordinal_stop(date: dt.date) -> str:
    """4th Dec. 2026: an ordinal, the month cut with a full stop, the year whole."""
    return f"{_ordinal(date.day)} {date:%b}. {date.year}"


def weekday_padded(date: dt.date) -> str:
    """Fri 04 December 2026: the weekday cut, the day padded, the month whole."""
    return f"{date:%a} {date:%d} {date:%B} {date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (ordinal_stop, weekday_padded)
"""The shapes a document's dates take (one a document)."""
ALL_SHAPES = DATE_SHAPES


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Wages paid every Friday", "each week"),
    "fortnightly": ("Wages paid every other Friday", "each fortnight"),
    "four_weekly": ("Paid once every 4 weeks", "once every 4 weeks"),
    "monthly": ("Salary paid on the last working day", "each calendar month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AT prints a true value (to check it is on the page, or in an OCR text)."""
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
    "carlito": {
        (False, False): _CX + "Carlito-Regular.ttf",
        (True, False): _DV + "DejaVuSerifCondensed-Bold.ttf",
        (False, True): _CX + "Carlito-Italic.ttf",
        (True, True): _DV + "DejaVuSerifCondensed-BoldItalic.ttf",
    },
    "condensed": {
        (False, False): _DV + "DejaVuSansCondensed.ttf",
        (True, False): _CX + "Caladea-Bold.ttf",
        (False, True): _DV + "DejaVuSansCondensed-Oblique.ttf",
        (True, True): _CX + "Caladea-BoldItalic.ttf",
    },
    "serif": {
        (False, False): _LB + "LiberationSerif-Regular.ttf",
        (True, False): _OS + "OpenSans-Semibold.ttf",
        (False, True): _LB + "LiberationSerif-Italic.ttf",
        (True, True): _OS + "OpenSans-SemiboldItalic.ttf",
    },
}
"""Each body face under headings of another family: Carlito under DejaVu Serif Condensed
Bold, DejaVu Sans Condensed under Caladea Bold, Liberation Serif under Open Sans Semibold;
each italic the body's own."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)

INK = (22, 22, 30)
AMBER = (255, 176, 40)
"""The departure board's lettering."""
BOARD = (24, 24, 26)
"""The departure board's panel."""


@frozen
class Style:
    face: str = "carlito"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("carlito", 10.5), Style("condensed", 9.5), Style("serif", 10.5))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind``: "rule" (across above row ``row`` from ``x0`` to ``x1``, ``shade`` its grey),
    "card" (a rounded card from ``x0`` to ``x1`` over rows ``row``..``last``), "perf" (a
    dashed perforation down at ``x0`` over rows ``row``..``last``), "square" (a crossword
    square ``x0``..``x1`` over rows ``row``..``last``, ``shade`` its fill: 255 white, low
    black), "wave" (a wave across above row ``row`` from ``x0`` to ``x1``), "flap" (a seed
    packet's flap above row ``row``, ``x0``..``x1`` its width), "bar" (a month bar under row
    ``row`` from ``x0`` to ``x1``, ``shade`` its grey) and "board" (a departure board's dark
    panel ``x0``..``x1`` over rows ``row``..``last``: the text on it is drawn amber)."""

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


def balance(rng: random.Random, low: int = 6_400, high: int = 720_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    return dt.date(2025, 2, 3) + dt.timedelta(days=rng.randrange(660))


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The line at the foot of every page."""
    team: str = "Accounts Team"


Fact = tuple[str, object]
"""A label and its raw value: pence (int), a date, or words (str)."""


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the labelled facts
    as raw values (the first money fact the one the letter is about; the first date fact
    after the letter's own date the date to act); ``paras`` the prose."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[Fact]
    paras: Sequence[str]
    date_label: str = "Letter dated"


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


def _rows(letter: Letter, amount: Callable[[int], str] = pounds) -> list[tuple[str, str]]:
    """The letter's date, its reference and its facts as (label, shown value)."""
    rows = [(letter.date_label, letter.when(letter.date)), (letter.ref_label, letter.ref)]
    return rows + [(label, shown(letter, value, amount)) for label, value in letter.facts]


def _money(letter: Letter) -> tuple[str, int] | None:
    return next(((label, v) for label, v in letter.facts if isinstance(v, int)), None)


def _act_by(letter: Letter) -> tuple[str, dt.date] | None:
    return next(((label, v) for label, v in letter.facts if isinstance(v, dt.date)), None)


def _foot(page: Sheet, org: Org) -> None:
    page.foot = len(page.rows)
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    for row in page.wrapped(text, 0.1, 0.9, size=SMALL - 1):
        page.add((ct(0.5, row[0].text, size=SMALL - 1),))


def _head(page: Sheet, org: Org, style: Style) -> None:
    """The name centred in the heading face, the address and telephone on one small line
    under it, a double rule."""
    page.add((ct(0.5, org.name, True, size=style.point + 3),))
    page.add((ct(0.5, f"{org.street}, {org.town}  |  {org.phone}", size=SMALL),))
    page.rule(0.08, 0.92, 40)
    page.rule(0.08, 0.92, 150)
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
    return [(t(x, line, True, size=size),) for line in lines]


def _small_over(page: Sheet, label: str, value: str, x0: float, x1: float, size: float) -> list[tuple[Cell, ...]]:  # fmt: skip
    """The label in small capitals over the value in bold, both from ``x0``."""
    rows: list[tuple[Cell, ...]] = [(t(x0, r[0].text, size=size),) for r in page.wrapped(label.upper(), x0, x1, size=size)]  # fmt: skip
    return rows + _bold(page, value, x0, x1, size + 2)


def _opening(page: Sheet, rng: random.Random, letter: Letter) -> None:
    """The address, the title and the greeting."""
    (title, _, surname), lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add(*_bold(page, letter.title, 0.08, 0.92, page.style.point + 1)).gap()
    page.add((t(0.08, f"Dear {title} {surname},"),)).gap()


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92, size: float = 0.0) -> None:  # fmt: skip
    for text in paras:
        page.para(text, x=x, right=right, size=size).gap()


def _sign(page: Sheet, org: Org, x: float = 0.08) -> None:
    page.add((t(x, "Kind regards,"),)).gap()
    page.add((t(x, org.team, True),))


# -- the six settings ---------------------------------------------------------------------------

PERF = 0.7
"""Where the boarding pass's perforation runs."""


def _boarding(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A boarding pass across the page: the facts in a grid of small capital labels over
    values, a dashed perforation near its right edge and a stub beyond it repeating the
    reference, the sum and the date to act."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    top = len(page.rows)
    page.add((t(0.1, org.name.upper(), True, size=SMALL + 0.5), t(PERF + 0.03, "KEEP THIS PART", True, size=SMALL - 0.5)))  # fmt: skip
    page.gap()
    cells = _rows(letter)
    xs = ((0.1, 0.36), (0.39, 0.66))
    stub: list[tuple[Cell, ...]] = []
    held: list[tuple[str, str]] = [(letter.ref_label, letter.ref)]
    if (owed := _money(letter)) is not None:
        held.append((owed[0], pounds(owed[1])))
    if (act := _act_by(letter)) is not None:
        held.append((act[0], letter.when(act[1])))
    for label, value in held:
        stub += [*_small_over(page, label, value, PERF + 0.03, 0.9, SMALL - 1), ()]
    grid: list[tuple[Cell, ...]] = []
    for k in range(0, len(cells), 2):
        pair = cells[k : k + 2]
        columns = [[*_small_over(page, label, value, x0, x1, SMALL - 1), ()] for (label, value), (x0, x1) in zip(pair, xs, strict=False)]  # fmt: skip
        for n in range(max(len(c) for c in columns)):
            grid.append(tuple(cell for c in columns if n < len(c) for cell in c[n]))
    first = len(page.rows)
    page.beside(grid, stub)
    page.gap()
    page.rules.append(Mark("card", top, 0.08, 0.92, last=len(page.rows) - 1))
    page.rules.append(Mark("perf", first - 2, PERF, last=len(page.rows) - 1))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


SQUARE = 0.21
"""A crossword square's width (share of the page)."""


def _crossword(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Every fact in a numbered square of a grid, black squares between, the labels as the
    clues below it ("Across" the first half, "Down" the rest)."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    cells = _rows(letter)
    slots: list[int | None] = []
    k = 0
    while k < len(cells):
        if len(slots) % 4 == (len(slots) // 4 * 3 + 1) % 4:
            slots.append(None)
        else:
            slots.append(k)
            k += 1
    while len(slots) % 4:
        slots.append(None)
    for row_start in range(0, len(slots), 4):
        top = len(page.rows)
        columns: list[list[tuple[Cell, ...]]] = []
        for n, slot in enumerate(slots[row_start : row_start + 4]):
            x0 = 0.08 + n * SQUARE
            if slot is None:
                continue
            columns.append([(t(x0 + 0.008, str(slot + 1), True, size=SMALL - 1.5),), *_bold(page, cells[slot][1], x0 + 0.015, x0 + SQUARE - 0.012, style.point - 0.5, "centre"), ()])  # fmt: skip
        page.beside(*columns, [(), (), (), ()])
        for n, slot in enumerate(slots[row_start : row_start + 4]):
            x0 = 0.08 + n * SQUARE
            page.rules.append(Mark("square", top, x0, x0 + SQUARE, last=len(page.rows) - 1, shade=255 if slot is not None else 30))  # fmt: skip
    page.gap()
    half = (len(cells) + 1) // 2
    across = [(t(0.08, "Across", True),), *((t(0.1, f"{n + 1}  {label}", size=SMALL + 1),) for n, (label, _) in enumerate(cells[:half]))]  # fmt: skip
    down = [(t(0.52, "Down", True),), *((t(0.54, f"{n + 1}  {label}", size=SMALL + 1),) for n, (label, _) in enumerate(cells[half:], start=half))]  # fmt: skip
    page.beside(across, down)
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


def _recipe(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A recipe card: "You will need" with every fact value first (a bullet, the value in
    bold, then what it is), then "Method" with the prose as numbered steps."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    (title, _, surname), lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    top = len(page.rows)
    page.add(*_bold(page, letter.title, 0.11, 0.89, style.point + 3))
    page.add((t(0.11, f"For {title} {surname}", italic=True),)).gap()
    page.add((t(0.11, "You will need", True, size=style.point + 1),))
    for label, value in _rows(letter):
        width = FONTS.length(style, value, style.point, True)
        if 0.15 + width + 0.03 < 0.6:
            page.add((t(0.12, "\u2022"), t(0.15, value, True), t(0.15 + width + 0.03, label.lower(), italic=True)))  # fmt: skip
        else:
            page.add((t(0.12, "\u2022"), t(0.15, value, True)))
            page.add((t(0.17, label.lower(), italic=True),))
    page.gap()
    page.add((t(0.11, "Method", True, size=style.point + 1),))
    for n, text in enumerate(letter.paras, start=1):
        rows = page.wrapped(text, 0.16, 0.88)
        page.add((t(0.12, f"{n}.", True), *rows[0]), *rows[1:])
    page.gap()
    page.rules.append(Mark("card", top, 0.08, 0.92, last=len(page.rows) - 1))
    page.gap()
    _sign(page, org)
    _foot(page, org)
    return [page]


def _tide(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A tide table: a wave over a table of the dates in order (day, date, what happens,
    the sum beside the date it is due), rows tinted in turn; the other facts as notes."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    money = _money(letter)
    dates = [(letter.date_label, letter.date)] + [(w, v) for w, v in letter.facts if isinstance(v, dt.date)]  # fmt: skip
    dates.sort(key=lambda pair: pair[1])
    due = dates[-1][1]
    notes = [(letter.ref_label, letter.ref)] + [(w, shown(letter, v)) for w, v in letter.facts if not isinstance(v, dt.date) and (money is None or w != money[0])]  # fmt: skip
    size = SMALL + 1
    page.rules.append(Mark("wave", len(page.rows), 0.08, 0.92))
    page.gap()
    heads = (t(0.09, "Day", True, size=size), t(0.17, "Date", True, size=size), t(0.42, "What happens", True, size=size), rt(0.91, "Sum", True, size=size))  # fmt: skip
    page.add(heads)
    page.rule(0.08, 0.92, 60)
    for n, (what, day) in enumerate(dates):
        sum_cell = (rt(0.91, pounds(money[1]), True, size=size),) if money and day == due else ()
        row = (t(0.09, f"{day:%a}".upper(), size=size), t(0.17, letter.when(day), True, size=size), t(0.42, what, size=size), *sum_cell)  # fmt: skip
        if money and day == due:
            page.add(row, (t(0.42, money[0], italic=True, size=SMALL),))
            span = 2
        else:
            page.add(row)
            span = 1
        if n % 2 == 0:
            page.rects.append(
                Rect(len(page.rows) - span, len(page.rows) - 1, 0.08, 0.92, False, 236)
            )
    page.rule(0.08, 0.92, 60)
    page.gap()
    page.add((t(0.08, "Notes", True, size=size),))
    for what, value in notes:
        page.add((t(0.1, f"{what}:", size=size), t(0.5, value, True, size=size)))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


MONTHS = "JFMAMJJASOND"
MONTH_X = tuple(0.15 + k * 0.064 for k in range(12))


def _packet(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The back of a seed packet: a card with a flap at its top, a month strip (the months
    of the letter and of the date to act marked by bars under them), the facts in two
    columns of small labels over values, the prose as notes."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    (title, _, surname), lines = person(rng)
    page.add(*((t(0.08, line, size=SMALL + 1),) for line in lines)).gap()
    page.gap()
    top = len(page.rows)
    page.rules.append(Mark("flap", top, 0.2, 0.8))
    page.add(*_bold(page, letter.title, 0.12, 0.88, style.point + 2, "centre"))
    page.add((ct(0.5, f"Notes for {title} {surname}", italic=True, size=SMALL + 1),)).gap()
    strip = len(page.rows)
    page.add(tuple(ct(x, m, True, size=SMALL) for x, m in zip(MONTH_X, MONTHS, strict=True)))
    act = _act_by(letter)
    for day, shade in ((letter.date, 120), *(((act[1], 40),) if act else ())):
        x = MONTH_X[day.month - 1]
        page.rules.append(Mark("bar", strip, x - 0.026, x + 0.026, shade=shade))
    page.gap()
    key = [t(0.15, "Light bar: the month of this letter", size=SMALL - 0.5)]
    if act:
        key.append(t(0.55, "Dark bar: the month to act", size=SMALL - 0.5))
    page.add(tuple(key)).gap()
    cells = _rows(letter)
    half = (len(cells) + 1) // 2
    left = [row for label, value in cells[:half] for row in (*_small_over(page, label, value, 0.12, 0.48, SMALL - 1), ())]  # fmt: skip
    right = [row for label, value in cells[half:] for row in (*_small_over(page, label, value, 0.53, 0.88, SMALL - 1), ())]  # fmt: skip
    page.beside(left, right)
    page.add((t(0.12, "Notes", True),))
    _prose(page, letter.paras, x=0.12, right=0.88, size=style.point - 0.5)
    page.rules.append(Mark("card", top, 0.1, 0.9, last=len(page.rows) - 1))
    page.gap()
    _sign(page, org)
    _foot(page, org)
    return [page]


def _board(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A railway departure board: a dark panel with amber lettering, a line a fact (its
    number, what it is, the value at the right)."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    size = SMALL + 1
    top = len(page.rows)
    page.add((t(0.1, "No.", True, size=SMALL), t(0.17, "Item", True, size=SMALL), rt(0.9, "Showing now", True, size=SMALL)))  # fmt: skip
    for n, (label, value) in enumerate(_rows(letter), start=1):
        width = FONTS.length(style, value, size + 1, True)
        if 0.17 + FONTS.length(style, label, size) + 0.03 < 0.9 - width:
            page.add((t(0.1, f"{n:02d}", size=size), t(0.17, label, size=size), rt(0.9, value, True, size=size + 1)))  # fmt: skip
        else:
            page.add((t(0.1, f"{n:02d}", size=size), t(0.17, label, size=size)))
            page.add((rt(0.9, value, True, size=size + 1),))
    page.gap()
    page.rules.append(Mark("board", top, 0.08, 0.92, last=len(page.rows) - 1))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "boarding": _boarding,
    "crossword": _crossword,
    "recipe": _recipe,
    "tide": _tide,
    "packet": _packet,
    "board": _board,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    kind = kinds[i % 2]
    style = STYLES[(i + len(letter.ref_label)) % len(STYLES)]
    sheets = KINDS[kind](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    """One shape a document."""
    return rng.choice(DATE_SHAPES)


# -- organisations (none named by another family but the state's and the courts') --------------


def _ltd(name: str, number: str, office: str, extra: str = "") -> str:
    return f"{name}, a company registered in England and Wales (no. {number}) at {office}.{extra}"  # fmt: skip


FCA = " We are authorised and regulated by the Financial Conduct Authority."
AGENCY = Org("Spotland Debt Recovery Ltd", "Recoveries Floor, 3 Drake Street", "Rochdale OL16 1PW", "01706 470 318",
             _ltd("Spotland Debt Recovery Ltd", "11420387", "3 Drake Street, Rochdale OL16 1PW", FCA), "Recoveries Floor")  # fmt: skip
CARDS = Org("Roch Valley Card Services Ltd", "PO Box 2290", "Rochdale OL11 9XE", "0345 604 2871",
            _ltd("Roch Valley Card Services Ltd", "09338120", "Smith Street, Rochdale OL16 1HE", FCA))  # fmt: skip
ROCHDALE = "Rochdale Borough Council"
PARKING = Org(ROCHDALE, "Parking Enforcement, PO Box 715", "Rochdale OL16 9DA", "01706 924 310",
              "Rochdale Borough Council enforces parking on the borough's streets and in its car parks.", "Parking Enforcement")  # fmt: skip
TEC = "Traffic Enforcement Centre"
ORDERS = Org(TEC, "County Court at Northampton, St Katharine's House", "Northampton NN1 2LH", "0300 123 1059",
             "The Traffic Enforcement Centre registers unpaid penalty charges for councils in England and Wales.", "Traffic Enforcement Centre")  # fmt: skip
BAILIFFS = Org("Healey Dell Enforcement Ltd", "Field Office, Whitworth Road", "Rochdale OL12 0TF", "01706 638 904",
               _ltd("Healey Dell Enforcement Ltd", "10764421", "Whitworth Road, Rochdale OL12 0TF", " Our agents are certificated by the County Court."), "Field Office")  # fmt: skip
CCBC = "County Court Business Centre"
BUSINESS = Org(CCBC, "St Katharine's House, 21-27 St Katharine's Street", "Northampton NN1 2LH", "0300 123 1057",
               "County Court Business Centre, HM Courts & Tribunals Service. Quote the claim number on anything you send.", "Issuing Section")  # fmt: skip
LOANS = Org("Milnrow Personal Finance Ltd", "PO Box 5583", "Rochdale OL16 9ZF", "0333 150 7724",
            _ltd("Milnrow Personal Finance Ltd", "12087745", "Dale Street, Milnrow OL16 3NJ", FCA))  # fmt: skip
BROADBAND = Org("Wardle Fibre Ltd", "Billing, 12 Ramsden Street", "Rochdale OL16 2PD", "0330 912 4406",
                _ltd("Wardle Fibre Ltd", "10215936", "12 Ramsden Street, Rochdale OL16 2PD"))  # fmt: skip
HIRE = Org("Smallbridge Plant and Tool Hire Ltd", "Accounts, Halifax Road", "Rochdale OL12 9SL", "01706 351 662",
           _ltd("Smallbridge Plant and Tool Hire Ltd", "05581249", "Halifax Road, Smallbridge, Rochdale OL12 9SL"), "Accounts Office")  # fmt: skip
TAX = Org(ROCHDALE, "Council Tax Section, PO Box 532", "Rochdale OL16 9AZ", "01706 924 700",
          "Rochdale Borough Council collects council tax for itself, the Mayor of Greater Manchester and the fire and police authorities.", "Council Tax Section")  # fmt: skip
ENERGY = Org("Blackstone Edge Energy Ltd", "PO Box 4017", "Rochdale OL15 9WQ", "0800 047 3316",
             _ltd("Blackstone Edge Energy Ltd", "13377204", "Halifax Road, Littleborough OL15 0LB"), "Customer Billing")  # fmt: skip
WATER = Org("Watergrove Water Services Ltd", "Customer Accounts, Wardle Road", "Rochdale OL12 9JJ", "0345 301 8827",
            _ltd("Watergrove Water Services Ltd", "03117640", "Wardle Road, Rochdale OL12 9JJ"), "Water Billing")  # fmt: skip
HMCTS = "HM Courts & Tribunals Service"
FINES = Org(HMCTS, "North West Fines Compliance, PO Box 1044", "Manchester M60 1BT", "0300 790 6110",
            "HM Courts & Tribunals Service collects the fines imposed by the magistrates' courts of Greater Manchester.", "Fines Compliance")  # fmt: skip
MOBILE = Org("Kirkholt Mobile Ltd", "PO Box 3340", "Rochdale OL11 9YR", "0333 207 9015",
             _ltd("Kirkholt Mobile Ltd", "08840173", "Queensway, Rochdale OL11 2QH"))  # fmt: skip
BUYER = Org("Bamford Debt Purchase Ltd", "PO Box 8861", "Rochdale OL11 9ZU", "0333 014 6659",
            _ltd("Bamford Debt Purchase Ltd", "12490318", "Bury Road, Rochdale OL11 4DE", FCA), "Acquired Accounts")  # fmt: skip
DWP = "Department for Work and Pensions"
CARERS = Org(DWP, "Debt Management, Mail Handling Site A", "Wolverhampton WV98 2ZT", "0800 916 0647",
             "The Department for Work and Pensions recovers benefit paid in error or overpaid.", "Debt Management")  # fmt: skip
SOCIETY = Org("Toad Lane Building Society", "Home Loans Help, 2 Toad Lane", "Rochdale OL12 0NU", "01706 660 142",
              "Toad Lane Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (no. 207714).", "Home Loans Help")  # fmt: skip
HOMES = Org("Falinge Park Homes", "Income Team, 40 Falinge Road", "Rochdale OL12 6LD", "01706 273 580",
            "Falinge Park Homes is a community benefit society and a registered provider of social housing (no. L4471).", "Income Team")  # fmt: skip
LATER = Org("Mayfly Pay Later Ltd", "support@mayfly.example", "Manchester M1 9ZZ", "0333 090 6218",
            _ltd("Mayfly Pay Later Ltd", "13581102", "Piccadilly, Manchester M1 1RG", FCA), "Mayfly Support")  # fmt: skip
CATALOGUE = Org("Littleborough Home Catalogue Ltd", "Customer Accounts, Hare Hill Road", "Littleborough OL15 9HE", "0345 212 7708",
                _ltd("Littleborough Home Catalogue Ltd", "02998614", "Hare Hill Road, Littleborough OL15 9HE", FCA))  # fmt: skip
DENTIST = Org("Drake Street Dental Care Ltd", "88 Drake Street", "Rochdale OL16 1PQ", "01706 647 011",
              _ltd("Drake Street Dental Care Ltd", "09902736", "88 Drake Street, Rochdale OL16 1PQ"))  # fmt: skip
SOLICITORS = Org("Brearley Sandhu LLP", "Debt Recovery, 14 Yorkshire Street", "Rochdale OL16 1JU", "01706 355 980",
                 "Brearley Sandhu LLP is authorised and regulated by the Solicitors Regulation Authority (SRA no. 658420).", "Debt Recovery Team")  # fmt: skip
CARE = Org("Belfield Residential Care Ltd", "Payroll, Belfield Lane", "Rochdale OL16 2XA", "01706 712 430",
           _ltd("Belfield Residential Care Ltd", "07718253", "Belfield Lane, Rochdale OL16 2XA"), "Payroll")  # fmt: skip
WAREHOUSE = Org("Stakehill Distribution Ltd", "Wages Office, Stakehill Industrial Estate", "Middleton M24 2RW", "0161 643 8817",
                _ltd("Stakehill Distribution Ltd", "06245190", "Stakehill Industrial Estate, Middleton M24 2RW"), "Wages Office")  # fmt: skip
BANK = Org("Balderstone Bank plc", "Statements, 1 The Esplanade", "Rochdale OL16 1AQ", "0345 300 8416",
           _ltd("Balderstone Bank plc", "04451187", "The Esplanade, Rochdale OL16 1AQ", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Balderstone Bank")  # fmt: skip
UNION = Org("Roch Valley Credit Union", "Members' Office, 19 Baillie Street", "Rochdale OL16 1JA", "01706 525 913",
            "Roch Valley Credit Union Limited is authorised by the PRA and regulated by the FCA and the PRA (no. 213390).", "Members' Office")  # fmt: skip
UC = Org(DWP, "Universal Credit, Post Handling Site B", "Wolverhampton WV99 1AJ", "0800 328 5644",
         "Universal Credit is paid by the Department for Work and Pensions.", "Universal Credit Service Centre")  # fmt: skip
AA_OFFICE = Org(DWP, "Attendance Allowance Unit, Mail Handling Site A", "Wolverhampton WV98 2AD", "0800 731 0122",
                "Attendance Allowance is paid by the Department for Work and Pensions.", "Attendance Allowance Unit")  # fmt: skip
BAND = Org("Wardle Silver Prize Band", "c/o The Band Room, Wardle Fold", "Rochdale OL12 9NG", "07700 900 562",
           "The band rehearses on Tuesday and Thursday evenings; new players of every age are welcome.", "Band Secretary")  # fmt: skip
CANAL = Org("Rochdale Canal Lock Keepers' Volunteers", "c/o Durn Lock Cottage", "Littleborough OL15 0AS", "07700 900 871",
            "Volunteers paint, weed and care for the locks between Littleborough and the summit; nothing here asks you to pay.", "Volunteer Organiser")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """The recovery firm's letter for a card issuer (even: the boarding pass) or the
    council's charge certificate for an unpaid penalty charge notice (odd: the recipe)."""
    kinds = ("boarding", "recipe")
    when, date = _when(rng), dated(rng)
    by = later(date, 14)
    if i % 2 == 0:
        owed = balance(rng)
        ref = f"SDR-{digits(rng, 3)}-{digits(rng, 5)}"
        letter = Letter(
            org=AGENCY, title="Roch Valley card: we are now collecting the balance", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, CARDS.name, ref, owed, date, deadline_date=by),
            ref_label="Our file number", ref=ref, date_label="Sent out on",
            facts=[("Balance to clear", owed), ("Card issuer we act for", CARDS.name), ("Get in touch by", by)],
            paras=(f"{CARDS.name} has passed your card account to us because the payments stopped.",
                   f"The balance is {pounds(owed)}. Please pay it, or phone us about a payment plan, by {when(by)}.",
                   "We are a debt recovery firm, not a court. If you are finding things hard, free and confidential debt advice is there for you, and we will put the account on hold for 30 days while you get it."),
        )  # fmt: skip
    else:
        charge = rng.choice((7_000, 11_000))
        owed = charge * 3 // 2
        ref = f"RO{digits(rng, 8)}"
        letter = Letter(
            org=PARKING, title="Charge certificate: parking penalty now increased", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, ROCHDALE, ref, owed, date, deadline_date=by),
            ref_label="Penalty charge notice no.", ref=ref, date_label="Certificate served",
            facts=[("Increased penalty charge", owed), ("Vehicle registration", f"{letters(rng, 2)}{rng.randrange(10, 75)} {letters(rng, 3)}"), ("Pay the increased charge by", by)],
            paras=(f"The penalty charge of {pounds(charge)} has not been paid and no representations were made, so it has been increased by half.",
                   f"Pay {pounds(owed)} by {when(by)}. After that the council may register the charge as a debt with the Traffic Enforcement Centre.",
                   "Registration adds £9.00 to the debt, and an order for recovery will then be sent to you."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{rng.choice('KLM')}{rng.randrange(0, 10)}{letters(rng, 2)}{digits(rng, 3)}{letters(rng, 1)}"  # fmt: skip


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("crossword", "tide")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 76_000, 1_180_000)
    fee = rng.choice((11_500, 20_500, 45_500))
    total = claimed + fee + 8_000
    ref, number = f"MPF/{digits(rng, 6)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=BUSINESS, title="Money claim issued: what you must do next", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, LOANS.name, ref, total, date, court_claim_number=number, served_date=served, deadline_date=by),
        ref_label="Claim number", ref=number, date_label="Date of issue",
        facts=[("Total the claimant asks for", total), ("Claimant", LOANS.name), ("Claimant's loan reference", ref), ("Deemed served", served), ("Reply to the court by", by)],
        paras=(f"{LOANS.name} has started a court claim against you for money it says you owe under a personal loan agreement.",
               f"The sum claimed is {pounds(claimed)}; adding the court fee and the fixed legal costs, the total is {pounds(total)}. The claim is treated as served on {when(served)}.",
               f"By {when(by)} you must pay, admit all or part of the claim, or send a defence. If you do nothing the claimant can ask for judgment against you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("tide", "board")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 41_000, 690_000)
    ref, number = f"WF{digits(rng, 7)}", _claim_no(rng)
    by = later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    facts: list[Fact] = [("Judgment sum", owed), ("Claimant's account number", ref)]
    if extra:
        facts.append(("Pay the claimant in full by", by))
    how = (f"You must pay {pounds(owed)} to the claimant by {when(by)}." if extra
           else f"You must pay {pounds(owed)} to the claimant immediately.")  # fmt: skip
    letter = Letter(
        org=BUSINESS, title="Judgment in default: order to pay", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, BROADBAND.name, ref, owed, date, court_claim_number=number, **extra),
        ref_label="Claim number", ref=number, date_label="Judgment date",
        facts=facts,
        paras=(f"You did not respond to the claim brought by {BROADBAND.name} for unpaid fibre broadband charges, so judgment has been entered against you.",
               how,
               "If you do not pay within one month, the judgment goes on the Register of Judgments, Orders and Fines and the claimant may take steps to enforce it."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """The enforcement agent's notice of enforcement (even: the seed packet) or the
    Traffic Enforcement Centre's order for recovery (odd: the boarding pass)."""
    kinds = ("packet", "boarding")
    when, date = _when(rng), dated(rng)
    pcn = f"RO{digits(rng, 8)}"
    charge = rng.choice((10_500, 16_500))
    if i % 2 == 0:
        owed = charge + 900 + 7_500
        case, by = f"HDE/{digits(rng, 6)}", later(date, 7)
        letter = Letter(
            org=BAILIFFS, title="Notice of enforcement: penalty charge debt", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, ROCHDALE, case, owed, date, deadline_date=by),
            ref_label="Enforcement case no.", ref=case, date_label="Notice issued",
            facts=[("Amount to pay now", owed), ("Council's penalty charge no.", pcn), ("Pay in full before", by)],
            paras=(f"A warrant of control has been issued through the {TEC} for an unpaid penalty charge, and {ROCHDALE} has passed it to us.",
                   f"You now owe {pounds(owed)}, which includes the £75.00 compliance stage fee. It must be paid in full by {when(by)}.",
                   "If it is not, an enforcement agent may come to your home to take control of goods, and the enforcement stage fee of £235.00 will be added."),
        )  # fmt: skip
    else:
        owed = charge + 900
        by = later(date, 21)
        letter = Letter(
            org=ORDERS, title="Order for recovery: penalty charge registered", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, ROCHDALE, pcn, owed, date, deadline_date=by),
            ref_label="Penalty charge no.", ref=pcn, date_label="Date of order",
            facts=[("Charge and registration fee", owed), ("Local authority", ROCHDALE), ("Pay or make a statement by", by)],
            paras=(f"{ROCHDALE} has registered an unpaid penalty charge against you at this centre.",
                   f"Pay {pounds(owed)} to the council by {when(by)}, or, if you have grounds, make a witness statement.",
                   "If you do neither, the council may ask for a warrant of control and pass the debt to enforcement agents."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("board", "crossword")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 540_000, 1_860_000)
    ref, by = f"SPH{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=HIRE, title="Statutory demand under section 268 of the Insolvency Act 1986", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, HIRE.name, ref, owed, date, deadline_date=by),
        ref_label="Hire account no.", ref=ref, date_label="Demand dated",
        facts=[("Debt demanded", owed), ("Settle or secure the debt by", by)],
        paras=("Excavators, a dumper and access towers were hired to you on account, and the hire invoices have not been paid.",
               f"The creditor demands payment of {pounds(owed)}, or security or a settlement it accepts, by {when(by)}.",
               "If you do not comply, the creditor may present a bankruptcy petition against you. You may apply to the court to set this demand aside within 18 days of service."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("recipe", "packet")
    when, date = _when(rng), dated(rng)
    ref, by = f"6{digits(rng, 7)}", later(date, 7)
    bill = rng.randrange(131_000, 254_000)
    paid = rng.randrange(12_000, bill // 2)
    costs = 8_600
    owed = bill - paid + costs
    letter = Letter(
        org=TAX, title="Council tax: final reminder before the magistrates", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, ROCHDALE, ref, owed, date, deadline_date=by),
        ref_label="Council tax account", ref=ref, date_label="Reminder issued",
        facts=[("Owed, including costs", owed), ("Pay by, to avoid a liability order", by)],
        paras=("Your council tax instalments have been missed, so the right to pay by instalments has ended and a summons has been issued.",
               f"The whole {pounds(owed)} is now due. If it reaches us by {when(by)}, we will not ask the magistrates for a liability order.",
               "On a low income you may get Council Tax Support; you can apply online or ask us for a form."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("tide", "packet")
    when, date = _when(rng), dated(rng)
    ref, by = f"BEE{digits(rng, 8)}", later(date, 14)
    used = rng.randrange(7_900, 47_000)
    standing = rng.randrange(2_400, 4_400)
    vat = (used + standing) * 5 // 100
    owed = used + standing + vat
    letter = Letter(
        org=ENERGY, title="Your energy bill for the last quarter", date=date, when=when,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Customer number", ref=ref, date_label="Bill issued",
        facts=[("Amount of this bill", owed), ("Payment due", by), ("Meter point reference", f"{digits(rng, 2)} {digits(rng, 4)} {digits(rng, 4)}")],
        paras=("This bill covers the gas and electricity used at your home over the last quarter.",
               f"Please pay {pounds(owed)} by {when(by)}. If you pay by Direct Debit it will be collected automatically.",
               "If paying is hard, call us: we can agree a plan, and you may be able to get the Warm Home Discount."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("crossword", "boarding")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 14_000, 158_000)
    ref, by = f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 4)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Your water account is in arrears", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Water account number", ref=ref, date_label="Reminder date",
        facts=[("Arrears on the account", owed), ("Pay or call us before", by)],
        paras=("The payments due on your water and sewerage account have not reached us.",
               f"Your account is {pounds(owed)} behind. Please pay it, or ring us to agree a plan, by {when(by)}.",
               "If we cannot agree a plan we may pass the debt to a collection agency. You may be able to pay less through our help-to-pay scheme."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("board", "recipe")
    when, date = _when(rng), dated(rng)
    fine, costs, surcharge = (
        rng.randrange(5_000, 86_000),
        rng.choice((8_500, 12_000)),
        rng.choice((3_200, 4_800)),
    )
    paid = rng.randrange(0, fine // 2)
    owed = fine + costs + surcharge - paid
    ref, by = f"{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 6)}", later(date, 14)
    letter = Letter(
        org=FINES, title="Unpaid fine: notice before further action", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, HMCTS, ref, owed, date, deadline_date=by),
        ref_label="Fine account no.", ref=ref, date_label="Notice date",
        facts=[("Balance of the fine account", owed), ("Pay or contact us by", by)],
        paras=("The fine, prosecution costs and victim surcharge the magistrates ordered have not been paid as directed.",
               f"You still owe {pounds(owed)}. Pay it in full, or get in touch with us, by {when(by)}.",
               "Otherwise we may deduct it from your earnings or benefits, or send enforcement agents, and their fees will be added."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("packet", "crossword")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 8_500, 296_000)
    ref, old = f"BDP{digits(rng, 8)}", f"KM{digits(rng, 8)}"
    letter = Letter(
        org=BUYER, title="Your mobile account has been sold to us", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=MOBILE.name),
        ref_label="New account number", ref=ref, date_label="Notice of assignment date",
        facts=[("Balance transferred to us", owed), ("Previous creditor", MOBILE.name), ("Previous account number", old)],
        paras=(f"{MOBILE.name} has sold your mobile phone account to us under a legal assignment, so you now owe the debt to us.",
               f"The balance transferred is {pounds(owed)}. We will not add interest or charges.",
               "Please send all payments to us from now on, quoting your new account number. Any plan you had with the previous creditor continues with us."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("boarding", "tide")
    when, date = _when(rng), dated(rng)
    weeks = rng.randrange(6, 60)
    owed = weeks * rng.choice((8_160, 8_345))
    ref, by = (
        f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}",
        later(date, 30),
    )
    letter = Letter(
        org=CARERS, title="Carer's Allowance overpaid: how to repay", date=date, when=when,
        truth=owes(C.OVERPAYMENT, DWP, ref, owed, date, deadline_date=by),
        ref_label="National Insurance number", ref=ref, date_label="Overpayment decision date",
        facts=[("Overpayment to repay", owed), ("Contact us to arrange repayment by", by)],
        paras=(f"You were paid Carer's Allowance for {weeks} weeks when your earnings were over the limit, so you were overpaid.",
               f"The overpayment is {pounds(owed)}. Pay it, or contact us to agree a repayment you can afford, by {when(by)}.",
               "If you do not, we may take it from your benefits or ask your employer to take it from your earnings."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("recipe", "board")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 44_000, 820_000), rng.randrange(48_000, 159_000)
    ref = f"TL{digits(rng, 4)}-{digits(rng, 4)}"
    letter = Letter(
        org=SOCIETY, title="We have not received your mortgage payments", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Mortgage account", ref=ref, date_label="Letter date",
        facts=[("Arrears to date", owed), ("Your monthly payment", monthly)],
        paras=("Your mortgage payments have not been paid in full and your account has fallen into arrears.",
               f"The arrears are {pounds(owed)}, and your monthly payment is {pounds(monthly)}.",
               "Please call Home Loans Help so we can agree an affordable way forward. Taking back a home is only ever a last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("crossword", "packet")
    when, date = _when(rng), dated(rng)
    weekly = rng.randrange(10_500, 18_900)
    weeks = rng.randrange(2, 14)
    charges = rng.choice((0, 2_200, 3_600))
    owed = weekly * weeks + charges
    ref = f"FPH-{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="Your rent account is behind", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Tenancy reference", ref=ref, date_label="Statement date",
        facts=[("Rent arrears", owed), ("Weekly rent and service charge", weekly)],
        paras=("Your rent account is in arrears.",
               f"You owe {pounds(owed)} and your weekly charge is {pounds(weekly)}. Please speak to the Income Team about clearing it.",
               "If your housing costs from Universal Credit have changed, tell us straight away; we can also put you in touch with free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("tide", "recipe")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 3_200, 112_000), later(date, 10)
    if i % 4 < 2:
        org, ref, title = LATER, f"MF{digits(rng, 4)}-{letters(rng, 3)}", "Missed Mayfly payments"
        first = "Two of your Mayfly instalments could not be taken from your card."
        date_label, ref_label = "Email date", "Mayfly order number"
    else:
        org, ref, title = (
            CATALOGUE,
            f"LHC {digits(rng, 3)} {digits(rng, 4)}",
            "Catalogue account overdue",
        )
        first = "Your catalogue account has fallen behind, and new orders are on hold until it is back up to date."
        date_label, ref_label = "Reminder printed", "Catalogue account no."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label=ref_label, ref=ref, date_label=date_label,
        facts=[("Overdue amount", owed), ("Bring the account up to date by", by)],
        paras=(first,
               f"You are {pounds(owed)} overdue. Please pay by {when(by)} so that the missed payments are not reported to the credit reference agencies.",
               "If money is tight, let us know: we can pause collection for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("board", "boarding")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 39_000, 940_000), later(date, 30)
    ref = f"DSD-{digits(rng, 5)}"
    letter = Letter(
        org=SOLICITORS, title="Letter of claim: unpaid dental fees", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, DENTIST.name, ref, owed, date, deadline_date=by),
        ref_label="Patient account", ref=ref, date_label="Date of this letter",
        facts=[("Fees outstanding", owed), ("Our client", DENTIST.name), ("Reply form to be returned by", by)],
        paras=(f"We are instructed by {DENTIST.name}, which gave you private dental treatment that has not been paid for.",
               f"Our client is owed {pounds(owed)}. Please pay it, or fill in and return the enclosed reply form, by {when(by)}.",
               "If you do not, our client may start court proceedings without further warning and ask for its costs and interest."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _care(rng: random.Random, i: int) -> Doc:
    """A residential care firm's pay statement: the hours worked week by week at the day
    and the night rate, then the deductions; monthly or four-weekly."""
    org, date, when = CARE, dated(rng), _when(rng)
    frequency = ("monthly", "four_weekly")[(i // 2) % 2]
    weeks = {"monthly": 4, "four_weekly": 4}[frequency]
    day_rate, night_rate = rng.choice((1_221, 1_264)), rng.choice((1_398, 1_436))
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Pay statement", True, size=style.point + 3), rt(0.92, f"Payment date: {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}, senior care assistant", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Employee no. {digits(rng, 5)}   Tax code 1257L   NI category A", size=size),)).gap()  # fmt: skip
    page.add((t(0.08, "Week", True, size=size), rt(0.4, "Day hours", True, size=size), rt(0.56, "Night hours", True, size=size), rt(0.74, "Earned", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.74, 80)
    gross = 0
    for week in range(1, weeks + 1):
        days, nights = rng.choice((22.5, 30.0, 37.5)), rng.choice((0.0, 10.0, 20.0))
        earned = round(days * day_rate) + round(nights * night_rate)
        gross += earned
        page.add((t(0.08, f"Week {week}", size=size), rt(0.4, f"{days:.1f}", size=size), rt(0.56, f"{nights:.1f}", size=size), rt(0.74, plain(earned), size=size)))  # fmt: skip
    page.rule(0.08, 0.74, 80)
    page.add((t(0.08, f"Rates: day {plain(day_rate)}, night {plain(night_rate)} an hour", italic=True, size=SMALL), t(0.5, "Gross pay", True, size=size), rt(0.74, plain(gross), True, size=size)))  # fmt: skip
    page.gap()
    cuts = [("Income tax", gross * 11 // 100), ("National Insurance", gross * 6 // 100), ("Workplace pension 5%", gross * 5 // 100)]  # fmt: skip
    off = sum(a for _, a in cuts)
    page.add((t(0.08, "Deductions", True, size=size),))
    for what, amount in cuts:
        page.add((t(0.1, what, size=size), rt(0.74, plain(amount), size=size)))
    page.add((t(0.1, "Deductions in all", True, size=size), rt(0.74, plain(off), True, size=size)))
    page.gap()
    top = len(page.rows)
    page.add((t(0.1, "Take-home pay", True, size=size), rt(0.74, plain(gross - off), True, size=style.point + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.08, 0.76, True, None))
    page.gap()
    page.para("Please tell Payroll within 14 days if anything on this statement looks wrong.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def _warehouse(rng: random.Random, i: int) -> Doc:
    """A warehouse's wage slip: the shifts as a list (date, start, finish, hours), then the
    pay built up line by line under it; weekly or fortnightly."""
    org, date, when = WAREHOUSE, dated(rng), _when(rng)
    date = later(date, (4 - date.weekday()) % 7)  # a Friday
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    days = {"weekly": 5, "fortnightly": 10}[frequency]
    rate = rng.choice((1_221, 1_290, 1_345))
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[(i + 1) % len(PEOPLE)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Wage slip", True, size=style.point + 3), rt(0.92, f"Pay day {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}, picker, Unit 4 (nights)", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Clock no. {digits(rng, 4)}   Tax code 1257L   NI category A", size=size),)).gap()  # fmt: skip
    page.add((t(0.08, "Shift", True, size=size), t(0.26, "Start", True, size=size), t(0.38, "Finish", True, size=size), rt(0.62, "Hours", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.62, 90)
    hours = 0.0
    for n in range(days):
        start = rng.choice((18, 20, 22))
        length = rng.choice((8.0, 8.5, 10.0))
        hours += length
        end = (start + length) % 24
        page.add((t(0.08, f"{later(date, -(days + 2) + n + n // 5 * 2):%d.%m}", size=size), t(0.26, f"{start:02d}:00", size=size), t(0.38, f"{int(end):02d}:{'30' if end % 1 else '00'}", size=size), rt(0.62, f"{length:.2f}", size=size)))  # fmt: skip
    page.rule(0.08, 0.62, 90)
    page.add((t(0.08, "Total hours", size=size), rt(0.62, f"{hours:.2f}", True, size=size)))
    page.gap()
    basic = round(hours * rate)
    nights = round(hours * 150)
    gross = basic + nights
    taken = [("PAYE tax", gross * 10 // 100), ("Employee NI", gross * 6 // 100), ("Pension (auto-enrolment)", gross * 4 // 100)]  # fmt: skip
    off = sum(a for _, a in taken)
    lines: list[tuple[str, int]] = [(f"{hours:.2f} hrs x {plain(rate)}", basic), ("Night premium @ 1.50", nights), ("Gross wage", gross)]  # fmt: skip
    lines += [(what, -amount) for what, amount in taken] + [("Net wage", gross - off)]
    for what, amount in lines:
        strong = what in ("Gross wage", "Net wage")
        page.add((t(0.3, what, strong, size=size), rt(0.8, ("(" + plain(-amount) + ")") if amount < 0 else plain(amount), strong, size=size)))  # fmt: skip
    page.gap()
    page.para("Deductions are shown in brackets. Night premium is paid on every hour worked between 22:00 and 06:00 and on whole night shifts.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """The care firm's pay statement (even) or the warehouse's wage slip (odd)."""
    return _care(rng, i) if i % 2 == 0 else _warehouse(rng, i)


def _bank(rng: random.Random, i: int) -> Doc:
    """A bank's statement: date, description, withdrawals, deposits, balance."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Everyday account", True, size=style.point + 2), rt(0.92, f"Statement produced {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Sort code 30-{digits(rng, 2)}-{digits(rng, 2)}   Account number {digits(rng, 8)}", size=size),)).gap()  # fmt: skip
    xs = (0.62, 0.77, 0.92)
    page.add((t(0.08, "Date", True, size=size), t(0.19, "Description", True, size=size), *(rt(x, h, True, size=size) for x, h in zip(xs, ("Withdrawals", "Deposits", "Balance"), strict=True))))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(2_000, 60_000)
    page.add((t(0.19, "Opening balance", size=size), rt(0.92, plain(running), size=size)))
    items = [("STAKEHILL DIST WAGES", rng.randrange(40_000, 80_000)), ("DD FALINGE PARK HOMES", -rng.randrange(30_000, 70_000)),
             ("CARD ROCHDALE EXCHANGE", -rng.randrange(900, 6_000)), ("DD ROCHDALE BC CTAX", -rng.randrange(8_000, 16_000)),
             ("STAKEHILL DIST WAGES", rng.randrange(40_000, 80_000)), ("CASH YORKSHIRE ST", -1_000 * rng.randrange(1, 6)),
             ("DD BLACKSTONE EDGE", -rng.randrange(5_000, 12_000))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 30), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        cells = [t(0.08, f"{later(date, -offset):%d %b}", size=size), t(0.19, what, size=size)]
        cells.append(rt(xs[0] if amount < 0 else xs[1], plain(abs(amount)), size=size))
        cells.append(rt(0.92, plain(running) if running >= 0 else f"-{plain(-running)}", size=size))
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.19, "Closing balance", True, size=size), rt(0.92, plain(running) if running >= 0 else f"-{plain(-running)}", True, size=size)))  # fmt: skip
    page.gap()
    page.para("A minus sign shows the account is overdrawn. Tell us at once about any payment you do not recognise.", size=SMALL)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def _union(rng: random.Random, i: int) -> Doc:
    """A credit union's member statement: the savings and the loan side by side, each with
    its own payments and balance."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, UNION, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Member statement", True, size=style.point + 2), rt(0.92, f"As at {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Member no. {digits(rng, 6)}", size=size),)).gap()
    page.add((t(0.08, "Date", True, size=size), t(0.2, "Savings in", True, size=size), rt(0.5, "Savings", True, size=size), t(0.56, "Loan repaid", True, size=size), rt(0.92, "Loan owed", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    saved, owed = rng.randrange(5_000, 90_000), rng.randrange(40_000, 180_000)
    page.add((t(0.08, "Brought forward", italic=True, size=size), rt(0.5, plain(saved), size=size), rt(0.92, plain(owed), size=size)))  # fmt: skip
    weekly_save, weekly_loan = rng.choice((500, 1_000, 1_500)), rng.choice((1_500, 2_000, 2_500))
    for n in range(4, 0, -1):
        saved += weekly_save
        owed -= weekly_loan
        page.add((t(0.08, f"{later(date, -7 * n + 7):%d/%m/%y}", size=size), t(0.2, plain(weekly_save), size=size), rt(0.5, plain(saved), size=size), t(0.56, plain(weekly_loan), size=size), rt(0.92, plain(owed), size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    page.add((t(0.08, "Carried forward", True, size=size), rt(0.5, plain(saved), True, size=size), rt(0.92, plain(owed), True, size=size)))  # fmt: skip
    page.gap()
    page.para("Savings and loan repayments are taken together from your wages or benefits each week. Interest on the loan is included in the balance shown.", size=SMALL)  # fmt: skip
    _foot(page, UNION)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def bank_statement(rng: random.Random, i: int) -> Doc:
    """The bank's statement (even) or the credit union's (odd)."""
    return _bank(rng, i) if i % 2 == 0 else _union(rng, i)


def benefit(rng: random.Random, i: int) -> Doc:
    """Universal Credit (even: the recipe) or Attendance Allowance (odd: the tide
    table)."""
    kinds = ("recipe", "tide")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        org, what = UC, "Universal Credit"
        frequency = "monthly"
        paid = rng.randrange(39_000, 148_000)
        ref = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}"
        ref_label = "National Insurance no."
    else:
        org, what = AA_OFFICE, "Attendance Allowance"
        frequency = "four_weekly"
        paid = rng.choice((7_290, 10_890)) * 4
        ref = f"AA/{digits(rng, 7)}"
        ref_label = "Claim reference"
    letter = Letter(
        org=org, title=f"{what}: what you will be paid", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label=ref_label, ref=ref, date_label="Decision made",
        facts=[("Each payment", paid), ("How often", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"We have made a decision on your claim for {what}.",
               f"You will be paid {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]} into your bank account.",
               "Tell us straight away about any change, such as going into hospital or a care home, moving house or a change in your savings."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the brass band's concert notice (the crossword) and the canal
    volunteers' work party (the departure board)."""
    kinds = ("crossword", "board")
    when, date = _when(rng), dated(rng)
    on = later(date, 8 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=BAND, title="Spring concert and open rehearsal", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Band room", ref=f"Stand {rng.randrange(1, 9)}",
            facts=[("Open rehearsal on", on), ("Instruments to try", "Cornet or tenor horn"), ("Bring along", "A music stand")],
            paras=("Thank you to everyone who helped at the contest in the autumn.",
                   f"Our open rehearsal is on {when(on)}: anyone curious about playing is welcome to come and listen or have a go.",
                   "Tea and biscuits are in the band room afterwards."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=CANAL, title="Lock painting work party: volunteers needed", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Meeting point", ref=f"Lock {rng.randrange(36, 48)}",
            facts=[("Work party on", on), ("Wear", "Stout boots and old clothes")],
            paras=("Thank you for offering to help look after the locks this year.",
                   f"Our next work party is on {when(on)}; gloves, brushes and paint are provided.",
                   "Under-16s are welcome with an adult. We finish with a walk along the towpath to the Summit pub."),
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
class ATSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 4460


def build_at(per_class: int = 4, *, seed: int = SEED) -> list[ATSample]:
    """``per_class`` documents of every class, held out, family ``<class>:AT``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, ATSample)


PRINT = Printer(FONTS.font, FONTS.measure)


def page_size(sample: ATSample, dpi: int) -> tuple[int, int]:
    return PRINT.page_size(sample, dpi)


def at_text(sample: ATSample) -> str:
    """Every page's text, pages apart by form feeds."""
    return PRINT.text(sample)


def at_pages(sample: ATSample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return PRINT.pages(sample, dpi=dpi)


# -- drawing the page ---------------------------------------------------------------------------


@frozen
class ATScan:
    dpi: int
    skew: float
    """Degrees."""
    shredded: bool = False
    """Half through a strip-cut shredder and rescued: the foot in strips; greyscale."""
    film: bool = False
    """An overhead-projector transparency scanned with the lid up; colour."""
    wax: bool = False
    """Candle-wax drips in the margins; greyscale, as PDF."""


SCANS = (
    ATScan(dpi=300, skew=0.5, shredded=True),
    ATScan(dpi=150, skew=-1.1, film=True),
    ATScan(dpi=240, skew=0.6, wax=True),
)

PAPER = (252, 251, 249)
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

    def span(self, m: Mark) -> tuple[int, int]:
        last = m.last if m.last is not None else m.row
        return self.top(m.row) - self.body // 3, self.foot(last)


def _rule(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.top(m.row) - round(0.1 * g.body)
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(m.shade,) * 3, width=g.line)


def _card(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = g.span(m)
    pen.rounded_rectangle((g.x(m.x0), y0, g.x(m.x1), y1), radius=g.body, outline=INK, width=max(1, g.line + 1))  # fmt: skip


def _perf(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A dashed line down at ``x0``."""
    y0, y1 = g.span(m)
    x, dash = g.x(m.x0), max(4, g.body // 2)
    for y in range(y0, y1, 2 * dash):
        pen.line((x, y, x, min(y + dash, y1)), fill=INK, width=max(1, g.line))


def _square(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = g.span(m)
    fill = (m.shade,) * 3
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=fill, outline=INK, width=max(1, g.line + 1))  # fmt: skip


def _wave(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A sine wave across, three crests, over the row."""
    y = g.top(m.row) + g.heights[min(m.row, len(g.heights) - 1)] // 2
    x0, x1 = g.x(m.x0), g.x(m.x1)
    amp = max(3, g.body // 3)
    points = [(x, y + round(amp * math.sin((x - x0) / (x1 - x0) * 6 * math.pi))) for x in range(x0, x1, 3)]  # fmt: skip
    pen.line(points, fill=(40, 90, 150), width=max(1, g.line + 1))


def _flap(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A seed packet's flap: a shallow trapezoid above the card's top."""
    y = g.top(m.row) - g.body // 3
    x0, x1 = g.x(m.x0), g.x(m.x1)
    rise = g.body
    pen.polygon([(x0 - g.x(0.1), y), (x0, y - rise), (x1, y - rise), (x1 + g.x(0.1), y)], fill=(236, 240, 228), outline=INK)  # fmt: skip


def _bar(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.foot(m.row) + 1
    pen.rectangle((g.x(m.x0), y, g.x(m.x1), y + max(3, g.body // 3)), fill=(m.shade,) * 3)


def _panel(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = g.span(m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1 + g.body // 4), fill=BOARD)


PAINT: dict[str, Callable[[ImageDraw.ImageDraw, _Geo, Mark], None]] = {
    "rule": _rule,
    "card": _card,
    "perf": _perf,
    "square": _square,
    "wave": _wave,
    "flap": _flap,
    "bar": _bar,
    "board": _panel,
}
UNDER = ("board", "square", "flap")
"""Drawn before the boxes and the text."""


def _draw(sample: ATSample, n: int, dpi: int) -> Image.Image:
    """Page ``n`` drawn clean: panels, squares and the flap first, boxes, then rules and
    the text (amber on the departure board)."""
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
    boards = [g.span(m) for m in marks if m.kind == "board"]
    for p in PRINT.layout(sample, n, dpi):
        lit = any(y0 <= p.top <= y1 for y0, y1 in boards)
        pen.text((p.left, p.top), p.cell.text, fill=AMBER if lit else INK, font=p.font)
    return image


def _true_rows(sample: ATSample, n: int) -> list[int]:
    """Rows of page ``n`` holding a word of a true value."""
    forms = [f.casefold() for name in ("creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date", "deadline_date", "court_claim_number", "payer_name", "income_pence", "gross_pence", "frequency", "served_date")
             if (v := getattr(sample.truth, name)) is not None for f in printed_forms(name, v)]  # fmt: skip
    words = {w for f in forms for w in f.split() if len(w) > 2}
    return [k for k, row in enumerate(sample.pages[n]) if any(w in " ".join(c.text for c in row).casefold() for w in words)]  # fmt: skip


# -- the scans --------------------------------------------------------------------------------------


def shred_top(sample: ATSample, n: int, dpi: int) -> int:
    """Where the shredder's cut begins on page ``n`` (pixels): below the last row holding
    a true value and no higher than 84% of the page."""
    tops, heights = PRINT.rows(sample, n, dpi)
    _, height = PRINT.page_size(sample, dpi)
    rows = _true_rows(sample, n)
    last = max(rows) if rows else 0
    return max(tops[last] + heights[last] + dpi // 20, round(height * 0.84))


def _shredded(image: Image.Image, sample: ATSample, n: int, dpi: int, rng: random.Random, skew: float) -> Image.Image:  # fmt: skip
    """Greyscale; half through a strip-cut shredder and rescued: from ``shred_top`` down
    the page is cut into strips a quarter inch wide, each nudged up or down a little, dark
    gaps between them where the scanner's lid shows; a little askew."""
    arr = np.asarray(image.convert("L"), dtype=np.uint8).copy()
    h, w = arr.shape
    cut = min(shred_top(sample, n, dpi), h - 2)
    strip = max(8, dpi // 4)
    below = arr[cut:].copy()
    arr[cut:] = 70
    gen = np.random.default_rng(rng.randrange(1 << 30))
    for x0 in range(0, w, strip):
        x1 = min(w, x0 + strip - 2)
        dy = int(gen.integers(-dpi // 40, dpi // 25 + 1))
        start = int(gen.integers(0, dpi // 30 + 1))
        piece = below[:, x0:x1]
        y0 = max(0, start + dy)
        take = piece[: max(0, below.shape[0] - y0)]
        arr[cut + y0 : cut + y0 + take.shape[0], x0:x1] = take
    grey = Image.fromarray(arr)
    return grey.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=70)


def _film(image: Image.Image, rng: random.Random, skew: float, dpi: int) -> Image.Image:
    """Colour; an overhead-projector transparency scanned with the lid up: the film pale
    blue-grey on the scanner's dark, every letter with a soft shadow a little down and to
    the right (the film floating off the glass), a bright streak across, a little noise."""
    grey = image.convert("L")
    ink = ImageChops.invert(grey)
    shift = max(2, dpi // 50)
    shadow = ImageChops.offset(ink, shift, shift).filter(ImageFilter.GaussianBlur(dpi / 60))
    base = np.asarray(grey, dtype=np.float32)
    shade = np.asarray(shadow, dtype=np.float32) * 0.35
    film = np.asarray((214, 224, 232), dtype=np.float32)
    share = (255.0 - base) / 255.0
    layer = np.minimum(base, 255.0 - shade)[:, :, None] / 255.0 * film[None, None, :]
    page = layer * (1 - share[:, :, None]) + np.asarray(INK, dtype=np.float32)[None, None, :] * share[:, :, None]  # fmt: skip
    h, w = base.shape
    ys, xs = np.ogrid[0:h, 0:w]
    streak = np.exp(-((((xs * 0.35 + ys) - h * rng.uniform(0.3, 0.7)) / (h * 0.04)) ** 2)) * 22
    page = np.clip(page + streak[:, :, None] * (1 - share[:, :, None]), 0, 255)
    turned = Image.fromarray(page.astype(np.uint8)).rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(0, 0, 0))  # fmt: skip
    mask = Image.new("L", image.size, 255).rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=0)  # fmt: skip
    canvas = Image.new("RGB", (round(w * 1.08), round(h * 1.05)), (34, 36, 42))
    canvas.paste(turned, (round(w * 0.04), round(h * 0.025)), mask)
    arr = np.asarray(canvas, dtype=np.float32)
    gen = np.random.default_rng(rng.randrange(1 << 30))
    arr += gen.normal(0.0, 2.0, arr.shape[:2])[:, :, None]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _wax(image: Image.Image, dpi: int, rng: random.Random, skew: float) -> Image.Image:
    """Greyscale; candle-wax drips: three to five translucent blobs (a little darker, a
    bright glaze and a darker rim) in the margins and corners only; a little askew."""
    arr = np.asarray(image.convert("L"), dtype=np.float32)
    h, w = arr.shape
    gen = np.random.default_rng(rng.randrange(1 << 30))
    spots = [(rng.uniform(0.015, 0.045), rng.uniform(0.1, 0.9)), (rng.uniform(0.955, 0.985), rng.uniform(0.1, 0.9)),
             (rng.uniform(0.2, 0.8), rng.uniform(0.006, 0.02)), (rng.uniform(0.2, 0.8), rng.uniform(0.98, 0.994)),
             (rng.uniform(0.95, 0.985), rng.uniform(0.01, 0.03))]  # fmt: skip
    for fx, fy in rng.sample(spots, rng.randrange(3, 6)):
        r = round(dpi * rng.uniform(0.09, 0.16))
        cx, cy = round(fx * w), round(fy * h)
        y0, y1, x0, x1 = max(0, cy - r), min(h, cy + r), max(0, cx - r), min(w, cx + r)
        yy, xx = np.mgrid[y0:y1, x0:x1]
        angle = np.arctan2(yy - cy, xx - cx)
        lobes = 1 + 0.18 * np.sin(3 * angle + gen.uniform(0, 6)) + 0.1 * np.sin(5 * angle + gen.uniform(0, 6))  # fmt: skip
        d = np.hypot(xx - cx, yy - cy) / (r * 0.8 * lobes)
        inside = d < 1
        rim = np.clip(1 - np.abs(d - 0.95) * 12, 0, 1)
        glaze = np.clip(1 - np.hypot(xx - cx + r * 0.3, yy - cy + r * 0.3) / (r * 0.25), 0, 1)
        patch = arr[y0:y1, x0:x1]
        patch[inside] = patch[inside] * 0.9 - 6
        patch -= rim * 45
        patch += glaze * 30 * inside
    arr += gen.normal(0.0, 1.8, arr.shape)
    grey = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return grey.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=250)


def render(sample: ATSample, n: int, scan: ATScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.shredded:
        return _shredded(image, sample, n, scan.dpi, rng, scan.skew)
    if scan.film:
        return _film(image, rng, scan.skew, scan.dpi)
    return _wax(image, scan.dpi, rng, scan.skew)


def at_scanned(sample: ATSample, index: int) -> tuple[bytes, str, ATScan]:
    """Scanned one of three ways: the shredded page as greyscale PNG (its resolution at
    even indexes), the transparency as colour baseline JPEG (quality ``QUALITY``, no
    resolution), the waxed page as a one-page greyscale PDF (240 dpi); documents of more
    pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 67 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or scan.wax:
        return encode_pages([im.convert("L") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.film:
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
    "ATSample",
    "ATScan",
    "at_pages",
    "at_scanned",
    "at_text",
    "build_at",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
