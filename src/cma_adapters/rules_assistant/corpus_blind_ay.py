# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AY``, written blind: a forty-fourth measure of how the reader
generalises, in a forty-fourth hand.

``AY`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``values_found``, ``money``, ``encode_pages``), the shared page
engine (``corpus_print``), the shared test helpers, family AS's module and tests (and AS's
tests as they stood at its first measurement) and the commits that registered AU (as the
task allowed) and, by grep only, the other families' modules for place names, bodies,
setting words and scan words, to avoid them -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``, ``prose.py``,
``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``statement_tables.py``, ``label_learning.py``, ``read_families.py``,
the rankers, the Tesseract extractor, the locator, the creditor directory), its reading
tests, nor any account of its misses. It is never used to write rules, to train or
calibrate the classifier or the field ranker (``build_corpus`` never yields it), nor to
choose models: it is measured, and only the aggregate figures go into benchmarks/OCR.md.
Whoever reads its individual misses to change the reader makes ``AY`` no longer blind and
must say so there. (Family AX was written by another hand at the same time; neither saw
the other's.)

**AY is no longer blind since round 43** (branch ``reader43``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AY
from then on is a training-side figure (benchmarks/OCR.md, "Round 43").

The task gave Hastings (Hastings Borough Council, East Sussex) under the law of England and
Wales; grep found Hastings in no family (St Leonards is AK's, Bexhill and Rye V's, so no
name here says them), so ``AY`` is set in Hastings: a county court claim and a judgment of
the County Court at Hastings, enforcement agents under a warrant of control, Hastings
Borough Council's council tax, a fine of the magistrates' court, so:

* who writes: a collection firm on the Old Town's Tackleway for a card firm, and a car
  finance firm's arrears letter; a county court money claim for a personal loan and a
  judgment for a mobile phone contract; enforcement agents (a warrant of control on a
  judgment, or on the council's liability order: both enforcement); a timber merchant's
  statutory demand; Hastings Borough Council's council tax; an electricity supplier; a
  water company's arrears; a magistrates' court fine; a debt purchaser buying a doorstep
  loan; a Carer's Allowance overpayment (the DWP); a building society; a housing
  association; a split-pay app and a home shopping catalogue; solicitors for a dental
  practice; Personal Independence Payment and Attendance Allowance (the DWP); a garden
  centre and a fish market as employers; a bank's current account and a savings bank's; a
  bowls club and a carnival committee;
* six ways of setting a letter, each class in two of them (``i`` even / odd), all from the
  home and the garden:
  - **fridge**: the facts on fridge magnets stuck on a fridge door (a pale panel with a
    handle at its right), each magnet the label at its left and the value beside it, the
    magnets set alternately left and right;
  - **seedtray**: each fact on a plant label (a white stake with a pointed foot) standing
    in a seed tray of cells, the label small over the value, three stakes a row (two where
    a value is long);
  - **gardenplan**: a garden plan on squared paper, each fact in a bed drawn on the grid,
    the label small over the value at the bed's left, two beds a row;
  - **shoppinglist**: a narrow shopping list pad at the left (its top edge torn), each
    fact an item with a tick box, the label small over the value and a line under it; the
    prose runs down the right beside the pad;
  - **teatowel**: the facts printed on a tea towel hung from a loop (a striped band at its
    top and foot), each label at the left and its value set to the right;
  - **flowerpots**: each fact on a flower pot (the label on the pot's rim, the value on
    its body, both centred), two pots a row;
  payslips for a garden centre (hours at the rate and a Sunday premium, weekly or
  fortnightly, its deductions under its payments) or a fish market (a salary and a dawn
  shift allowance, monthly or four-weekly, the figures as "Paid" and "Kept back"); bank
  statements from a bank's current account (money out, money in and balance columns) or a
  savings bank's (each line signed, "+" or "-", the balance after it);
* faces: Carlito under Caladea Bold headings, Liberation Sans Narrow under DejaVu Serif
  Bold headings, Caladea under Open Sans Bold headings, 9.5 to 11 pt; each italic the
  body's own;
* dates as "4th Dec. 2026" (an ordinal day, the month cut with a full stop) and
  "Fri 04/12/2026" (the weekday cut before the numeric date); amounts as "£1,234.56" and,
  in tables and cells, "1,234.56";
* scans new to the families: a page dusted with flour from the baking board (white
  specks and a pale floury smear over part of the page; 300 dpi colour PNG, its resolution
  at even indexes); lily pollen smudged across the page (orange-yellow streaks where a
  sleeve brushed the stamens, a phone photo a little soft; 200 dpi colour baseline JPEG
  without a resolution); a snail's trail across a page left on the patio (a wandering
  silvery band, lighter inside and darker at its edges; 250 dpi greyscale, as a one-page
  PDF).

Not all of the above is new, as far as grep over the earlier modules shows (checked before
any measuring): "£1,234.56" and "1,234.56" are many families'; county court claims,
judgments, warrants of control, liability orders and magistrates' fines are the law's words
every English family uses; the fonts are the families' fonts (in pairings not checked
exhaustively against theirs). AT's seed packet and recipe card, AR's and AW's washing
line, AL's and AS's knitting, AQ's tablecloth, AU's shelves, AW's jar and grease, AG's mug
and cockled paper and W's paws were the settings and scans grep found taken, so none of
them is used here.

Ground truth follows the earlier families' conventions: ``creditor_name`` is whoever is
owed now (the agency's client, the claimant of a claim or judgment, the council behind a
liability order, a solicitor's client, the assignee of a sold debt, the DWP for its
overpayment); ``original_creditor`` where a sold debt's first creditor is named;
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

FAMILY = "AY"

PEOPLE = (
    ("Mrs", "Sandra", "Tugwell"),
    ("Mr", "Darren", "Coussens"),
    ("Ms", "Olamide", "Adeyemi"),
    ("Mr", "Keith", "Breeds"),
)
ADDRESSES = (
    ("14 Tackleway", "Hastings", "TN34 3DE"),
    ("Flat 3, 27 Milward Road", "Hastings", "TN34 3RR"),
    ("6 Elphinstone Avenue", "Hastings", "TN34 2EB"),
    ("Flat B, 41 Harold Road", "Hastings", "TN35 5NN"),
)

# -- date and money shapes -------------------------------------------------------------------


def _ordinal(day: int) -> str:
    if 10 < day % 100 < 14:
        return f"{day}th"
    return f"{day}" + {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def ordinal_cut(date: dt.date) -> str:
    """4th Dec. 2026: an ordinal day, the month cut with a full stop, the year whole."""
    return f"{_ordinal(date.day)} {date:%b}. {date.year}"


def weekday_numeric(date: dt.date) -> str:
    """Fri 04/12/2026: the weekday cut, then the day, month and year in figures."""
    return f"{date:%a} {date:%d/%m/%Y}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (ordinal_cut, weekday_numeric)
"""The shapes a document's dates take (one a document)."""
ALL_SHAPES = DATE_SHAPES


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Paid every Thursday", "every week"),
    "fortnightly": ("Paid on alternate Thursdays", "every two weeks"),
    "four_weekly": ("Paid every fourth week", "every four weeks"),
    "monthly": ("Paid on the 28th of each month", "every month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AY prints a true value (to check it is on the page, or in an OCR text)."""
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
    "caladea": {
        (False, False): _CX + "Caladea-Regular.ttf",
        (True, False): _OS + "OpenSans-Bold.ttf",
        (False, True): _CX + "Caladea-Italic.ttf",
        (True, True): _OS + "OpenSans-BoldItalic.ttf",
    },
}
"""Each body face under headings of another family: Carlito under Caladea Bold, Liberation
Sans Narrow under DejaVu Serif Bold, Caladea under Open Sans Bold; each italic the body's
own."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)

INK = (28, 26, 32)
TERRACOTTA = (206, 120, 82)
SOIL = (92, 66, 48)


@frozen
class Style:
    face: str = "carlito"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("carlito", 10.5), Style("narrow", 10.0), Style("caladea", 11.0))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind``: "rule" (across above row ``row`` from ``x0`` to ``x1``, ``shade`` its grey),
    "door" (a fridge door over rows ``row``..``last``, its handle at ``x1``), "magnet" (a
    fridge magnet from ``x0`` to ``x1`` over rows ``row``..``last``), "tray" (a seed tray
    over rows ``row``..``last``), "stake" (a plant label from ``x0`` to ``x1``), "grid"
    (squared paper over rows ``row``..``last``), "bed" (a bed drawn on the plan), "pad" (a
    shopping list pad, its top edge torn), "tick" (a tick box at ``x0`` by row ``row``),
    "towel" (a tea towel with its striped bands and loop), "pot" (a flower pot from ``x0``
    to ``x1``, its rim over row ``row`` and ``shade`` rows)."""

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


def balance(rng: random.Random, low: int = 5_600, high: int = 690_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    """A working day (letters and court papers are not dated at the weekend)."""
    day = dt.date(2025, 1, 13) + dt.timedelta(days=rng.randrange(680))
    return day + dt.timedelta(days=max(0, 7 - day.weekday()) if day.weekday() >= 5 else 0)


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
    """The name at the left in the heading face, the telephone at the right on its first
    line, the address under the name, then a thin rule."""
    lines = _bold(page, org.name, 0.08, 0.62, style.point + 3)
    page.add((*lines[0], rt(0.92, f"Telephone {org.phone}", size=SMALL)), *lines[1:])
    page.add((t(0.08, f"{org.street}, {org.town}", size=SMALL),))
    page.rule(0.08, 0.92, 90)
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


def _small(page: Sheet, text: str, x: float, right: float, centre: bool = False) -> list[tuple[Cell, ...]]:  # fmt: skip
    rows = page.wrapped(text, x, right, size=SMALL)
    if centre:
        return [(ct((x + right) / 2, r[0].text, size=SMALL),) for r in rows]
    return list(rows)


def _opening(page: Sheet, rng: random.Random, letter: Letter) -> None:
    """The address, the title and the greeting."""
    (title, _, surname), lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, f"Dear {title} {surname}"),)).gap()
    page.add(*_bold(page, letter.title, 0.08, 0.92, page.style.point + 1)).gap()


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _sign(page: Sheet, org: Org, x: float = 0.08) -> None:
    page.add((t(x, "Yours sincerely"),)).gap()
    page.add((t(x, org.team, True),))


# -- the six settings ---------------------------------------------------------------------------

MAGNETS = ((0.12, 0.66), (0.3, 0.84))
"""Where the magnets sit on the fridge door, in turn."""


def _fridge(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The facts on magnets on a fridge door: each magnet the label at its left and the
    value beside it, set alternately towards the left and the right of the door."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    door = len(page.rows)
    page.gap()
    for k, (label, value) in enumerate(_rows(letter)):
        x0, x1 = MAGNETS[k % 2]
        mid = x0 + (x1 - x0) * 0.4
        top = len(page.rows)
        page.beside([(), *_small(page, label, x0 + 0.02, mid - 0.01), ()], [(), *_bold(page, value, mid + 0.01, x1 - 0.02, style.point), ()])  # fmt: skip
        page.rules.append(Mark("magnet", top, x0, x1, last=len(page.rows) - 1))
    page.gap()
    page.rules.insert(0, Mark("door", door, 0.09, 0.91, last=len(page.rows) - 1))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


STAKES3 = ((0.12, 0.35), (0.39, 0.62), (0.66, 0.89))
STAKES2 = ((0.14, 0.48), (0.52, 0.86))


def _seedtray(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Each fact on a plant label standing in a seed tray: the label small over the value,
    three stakes a row, two where a value would not fit."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    tray = len(page.rows)
    pairs = _rows(letter)
    while pairs:
        spans: tuple[tuple[float, float], ...] = STAKES3
        if any(FONTS.length(style, value, SMALL + 1.5, True) > STAKES3[0][1] - STAKES3[0][0] - 0.03 for _, value in pairs[:3]):  # fmt: skip
            spans = STAKES2
        group, pairs = pairs[: len(spans)], pairs[len(spans) :]
        top = len(page.rows)
        stakes = [[(), *_small(page, label, x0 + 0.015, x1 - 0.015), *_bold(page, value, x0 + 0.015, x1 - 0.015, SMALL + 1.5), ()] for (label, value), (x0, x1) in zip(group, spans, strict=False)]  # fmt: skip
        page.beside(*stakes)
        for x0, x1 in spans[: len(group)]:
            page.rules.append(Mark("stake", top, x0, x1, last=len(page.rows) - 1))
        page.gap()
    page.rules.insert(0, Mark("tray", tray, 0.09, 0.91, last=len(page.rows) - 1))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


BEDS = ((0.1, 0.48), (0.52, 0.9))


def _gardenplan(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A garden plan on squared paper: each fact in a bed, the label small over the value
    at the bed's left, two beds a row."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    plan = len(page.rows)
    page.gap()
    pairs = _rows(letter)
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        beds = [[(), *_small(page, label, x0 + 0.02, x1 - 0.02), *_bold(page, value, x0 + 0.02, x1 - 0.02, style.point), ()] for (label, value), (x0, x1) in zip(group, BEDS, strict=False)]  # fmt: skip
        page.beside(*beds)
        for x0, x1 in BEDS[: len(group)]:
            page.rules.append(Mark("bed", top, x0, x1, last=len(page.rows) - 1))
        page.gap()
    page.rules.insert(0, Mark("grid", plan, 0.07, 0.93, last=len(page.rows) - 1))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


PAD = (0.08, 0.4)
"""Where the shopping list pad lies."""


def _shoppinglist(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A narrow shopping list pad at the left, each fact an item with a tick box (the
    label small over the value, a line under it); the prose down the right."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    a, b = PAD
    items: list[tuple[Cell, ...]] = [(), ()]
    ticks: list[int] = []
    for label, value in _rows(letter):
        ticks.append(len(items))
        items += [
            *_small(page, label, a + 0.06, b - 0.02),
            *_bold(page, value, a + 0.06, b - 0.02, SMALL + 2),
        ]
        items.append(())
    right: list[tuple[Cell, ...]] = [()]
    for text in letter.paras[1:]:
        right += [*page.wrapped(text, 0.46, 0.92), ()]
    top = len(page.rows)
    page.beside(items, right)
    page.rules.append(Mark("pad", top, a, b, last=top + len(items) - 1))
    for k in ticks:
        page.rules.append(Mark("tick", top + k, a + 0.02, a + 0.045))
    for k in ticks[1:]:
        page.rules.append(Mark("rule", top + k - 1, a + 0.02, b - 0.02, shade=170))
    page.gap()
    _sign(page, org)
    _foot(page, org)
    return [page]


TOWEL = (0.12, 0.88)


def _teatowel(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The facts printed on a tea towel hung from a loop (a striped band at its top and
    foot): each label at the left, its value set to the right."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    a, b = TOWEL
    top = len(page.rows)
    page.gap().gap()
    for label, value in _rows(letter):
        page.beside(_small(page, label, a + 0.04, 0.46), _bold(page, value, 0.5, b - 0.04, style.point, "right"))  # fmt: skip
        page.gap()
    page.gap()
    page.rules.append(Mark("towel", top, a, b, last=len(page.rows) - 1))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


POTS = ((0.1, 0.47), (0.53, 0.9))


def _flowerpots(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Each fact on a flower pot, two pots a row: the label centred on the pot's rim, the
    value centred on its body."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    pairs = _rows(letter)
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        rims = [_small(page, label, x0 + 0.03, x1 - 0.03, centre=True) for (label, _), (x0, x1) in zip(group, POTS, strict=False)]  # fmt: skip
        rim = max(len(r) for r in rims)
        columns = [[*r, *[()] * (rim - len(r)), (), *_bold(page, value, x0 + 0.06, x1 - 0.06, SMALL + 2, "centre"), ()] for r, (_, value), (x0, x1) in zip(rims, group, POTS, strict=False)]  # fmt: skip
        page.beside(*columns)
        for x0, x1 in POTS[: len(group)]:
            page.rules.append(Mark("pot", top, x0, x1, last=len(page.rows) - 1, shade=rim))
        page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "fridge": _fridge,
    "seedtray": _seedtray,
    "gardenplan": _gardenplan,
    "shoppinglist": _shoppinglist,
    "teatowel": _teatowel,
    "flowerpots": _flowerpots,
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
    return f"{name}, a company registered in England and Wales (no. {number}), of {office}.{extra}"  # fmt: skip


FCA = " Authorised and regulated by the Financial Conduct Authority."
COLLECTORS = Org("Tackleway Credit Recovery Ltd", "Tackleway House, 2 Tackleway", "Hastings TN34 3DH", "01424 718 205",
                 _ltd("Tackleway Credit Recovery Ltd", "09184472", "2 Tackleway, Hastings TN34 3DH", FCA), "Collections Team")  # fmt: skip
CARD = Org("East Hill Card Services Ltd", "PO Box 3318", "Hastings TN34 9GQ", "0345 266 0917",
           _ltd("East Hill Card Services Ltd", "07741930", "Wellington Place, Hastings TN34 1NY", FCA))  # fmt: skip
MOTORS = Org("Silverhill Vehicle Finance Ltd", "Customer Care, Sedlescombe Road North", "Hastings TN37 7DA", "01424 752 648",
             _ltd("Silverhill Vehicle Finance Ltd", "10273385", "Sedlescombe Road North, Hastings TN37 7DA", FCA), "Customer Care")  # fmt: skip
COURT = "County Court at Hastings"
HMCTS = "HM Courts and Tribunals Service"
CLAIM_COURT = Org("County Court Business Centre", "St Katharine's House, 21-27 St Katharine's Street", "Northampton NN1 2LH", "0300 123 1057",
                  "Claims issued by the County Court Business Centre; the claim is sent to the County Court at Hastings if it is defended.", "Court Staff")  # fmt: skip
JUDGMENT_COURT = Org(COURT, "The Law Courts, Bohemia Road", "Hastings TN34 1QX", "0300 123 5577",
                     "County Court at Hastings, HM Courts and Tribunals Service. Court staff cannot give legal advice.", "Court Manager")  # fmt: skip
LENDER = Org("Alexandra Park Personal Loans Ltd", "PO Box 6621", "Hastings TN35 9RL", "0333 418 2290",
             _ltd("Alexandra Park Personal Loans Ltd", "11820734", "Queens Road, Hastings TN34 1RE", FCA))  # fmt: skip
MOBILE = Org("Ecclesbourne Mobile Ltd", "Billing, 9 Harold Place", "Hastings TN34 1JA", "0330 088 4725",
             _ltd("Ecclesbourne Mobile Ltd", "08816271", "9 Harold Place, Hastings TN34 1JA"))  # fmt: skip
AGENTS = Org("Rock-a-Nore Enforcement Agents Ltd", "Certificated Enforcement Agents, 30 Courthouse Street", "Hastings TN34 3AU", "01424 441 390",
             _ltd("Rock-a-Nore Enforcement Agents Ltd", "06657218", "30 Courthouse Street, Hastings TN34 3AU", " Our agents hold certificates issued by the County Court."), "Enforcement Office")  # fmt: skip
BOROUGH = "Hastings Borough Council"
TAX = Org(BOROUGH, "Council Tax, Muriel Matters House, Breeds Place", "Hastings TN34 3UY", "01424 451 066",
          "Hastings Borough Council collects council tax for itself, East Sussex County Council, the Police and Crime Commissioner and the fire authority.", "Council Tax Team")  # fmt: skip
MERCHANT = Org("Ore Valley Timber and Builders' Merchants Ltd", "Credit Department, Frederick Road", "Hastings TN35 5AU", "01424 425 817",
               _ltd("Ore Valley Timber and Builders' Merchants Ltd", "03318460", "Frederick Road, Hastings TN35 5AU"), "Credit Department")  # fmt: skip
POWER = Org("Fairlight Glen Energy Ltd", "PO Box 7514", "Hastings TN35 9FG", "0800 046 3381",
            _ltd("Fairlight Glen Energy Ltd", "12093316", "Fairlight Road, Hastings TN35 5EE"), "Bills and Payments")  # fmt: skip
WATER = Org("Brede Valley Water Ltd", "Customer Accounts, Waterworks Road", "Hastings TN34 1RT", "0330 303 0482",
            _ltd("Brede Valley Water Ltd", "02366129", "Waterworks Road, Hastings TN34 1RT"), "Customer Accounts")  # fmt: skip
FINES = Org(HMCTS, "Sussex Compliance and Enforcement, PO Box 1212", "Brighton BN1 9ST", "0300 790 9901",
            "Fines imposed by the Hastings Magistrates' Court are collected by the Sussex compliance and enforcement team.", "Fines Officer")  # fmt: skip
DOORSTEP = Org("Clive Vale Doorstep Lending Ltd", "48 Mount Pleasant Road", "Hastings TN34 3SP", "01424 437 559",
               _ltd("Clive Vale Doorstep Lending Ltd", "05528317", "48 Mount Pleasant Road, Hastings TN34 3SP", FCA))  # fmt: skip
BUYER = Org("Pebsham Portfolio Recoveries Ltd", "PO Box 4470", "Hastings TN34 9PP", "0333 907 1148",
            _ltd("Pebsham Portfolio Recoveries Ltd", "13347762", "Bexleigh Court, Theaklen Drive, Hastings TN38 9AZ", FCA), "Account Services")  # fmt: skip
DWP = "Department for Work and Pensions"
DEBT = Org(DWP, "Debt Management, Mail Handling Site A", "Wolverhampton WV98 2DF", "0800 916 0647",
           "DWP Debt Management recovers benefit paid that should not have been.", "Debt Management")  # fmt: skip
SOCIETY = Org("Priory Meadow Building Society", "Mortgage Support, 11 Wellington Square", "Hastings TN34 1PB", "01424 430 662",
              "Priory Meadow Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (no. 206644).", "Mortgage Support")  # fmt: skip
HOMES = Org("Blacklands and Hollington Homes", "Rent Team, 5 Battle Road", "Hastings TN37 7AA", "01424 723 918",
            "Blacklands and Hollington Homes, a registered provider of social housing (no. 4729) and a charitable community benefit society.", "Rent Team")  # fmt: skip
SPLIT = Org("Stadepay Ltd", "help@stadepay.example", "Hastings TN34 9ZZ", "0203 885 1206",
            _ltd("Stadepay Ltd", "12730581", "The Stade, Hastings TN34 3FJ", FCA), "Stadepay Help")  # fmt: skip
CATALOGUE = Org("Baldslow Home Shopping Ltd", "Accounts, Ivyhouse Lane", "Hastings TN35 4NN", "0345 604 3379",
                _ltd("Baldslow Home Shopping Ltd", "04419286", "Ivyhouse Lane, Hastings TN35 4NN", FCA))  # fmt: skip
DENTIST = Org("Pelham Place Dental Practice Ltd", "3 Pelham Place", "Hastings TN34 3AB", "01424 420 731",
              _ltd("Pelham Place Dental Practice Ltd", "08874102", "3 Pelham Place, Hastings TN34 3AB"))  # fmt: skip
SOLICITORS = Org("Gensing Hartley Solicitors LLP", "Litigation Department, 22 Cambridge Road", "Hastings TN34 1DT", "01424 439 804",
                 "Gensing Hartley Solicitors LLP is authorised and regulated by the Solicitors Regulation Authority (no. 620118).", "Litigation Department")  # fmt: skip
NURSERY = Org("Hollington Garden Centre Ltd", "Wages, Wishing Tree Road", "Hastings TN38 9LB", "01424 752 305",
              _ltd("Hollington Garden Centre Ltd", "02981645", "Wishing Tree Road, Hastings TN38 9LB"), "Wages")  # fmt: skip
MARKET = Org("Stade Fish Market Co-operative Ltd", "Office, Rock-a-Nore Road", "Hastings TN34 3DW", "01424 445 236",
             "Stade Fish Market Co-operative Ltd, a registered society (no. 30914R). Keep this advice with your tax papers.", "Market Office")  # fmt: skip
BANK = Org("Harold Place Bank plc", "Hastings branch, 12 Robertson Street", "Hastings TN34 1HL", "0345 302 6614",
           _ltd("Harold Place Bank plc", "00918833", "Robertson Street, Hastings TN34 1HL", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Harold Place Bank")  # fmt: skip
SAVINGS = Org("Warrior Gate Savings Bank", "Savers' Office, 7 Havelock Road", "Hastings TN34 1BP", "01424 428 451",
              "Warrior Gate Savings Bank is a mutual, authorised by the PRA and regulated by the FCA and the PRA (no. 504826).", "Savers' Office")  # fmt: skip
PIP = Org(DWP, "Personal Independence Payment, Post Handling Site B", "Wolverhampton WV99 1AH", "0800 121 4433",
          "Personal Independence Payment is paid by the Department for Work and Pensions.", "PIP Decision Maker")  # fmt: skip
ATTENDANCE = Org(DWP, "Attendance Allowance Unit, Mail Handling Site A", "Wolverhampton WV98 2AD", "0800 731 0122",
                 "Attendance Allowance is paid by the Department for Work and Pensions.", "Attendance Allowance Unit")  # fmt: skip
BOWLS = Org("Alexandra Park Lawn Bowls Club", "c/o The Pavilion, St Helen's Road", "Hastings TN34 2JJ", "07700 900 418",
            "The club welcomes new bowlers of any age; woods can be borrowed for the first season.", "Match Secretary")  # fmt: skip
CARNIVAL = Org("Old Town Carnival Week Committee", "c/o The Stag Inn, All Saints Street", "Hastings TN34 3BJ", "07700 900 762",
               "Carnival week raises money for the town's lifeboat and its youth clubs.", "Procession Marshal")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """The collection firm's letter for a card firm (even: the fridge door) or the car
    finance firm's arrears letter (odd: the seed tray)."""
    kinds = ("fridge", "seedtray")
    when, date = _when(rng), dated(rng)
    by = later(date, 14)
    if i % 2 == 0:
        owed = balance(rng)
        ref = f"TCR-{digits(rng, 7)}"
        letter = Letter(
            org=COLLECTORS, title="East Hill Card Services have asked us to collect your balance", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
            ref_label="Tackleway case ref", ref=ref, date_label="Written",
            facts=[("Amount we are collecting", owed), ("Collecting this for", CARD.name), ("Contact the Collections Team by", by)],
            paras=(f"Your credit card account with {CARD.name} is in default, and they have asked us to collect what is owed on it.",
                   f"You owe {pounds(owed)}. Please pay this, or ring the Collections Team with an offer you can keep to, by {when(by)}.",
                   "We are not bailiffs and cannot take your belongings. Free debt advice is available from StepChange, National Debtline or Citizens Advice, and we will put the account on hold while you get it."),
        )  # fmt: skip
    else:
        owed = balance(rng, 21_000, 390_000)
        ref = f"SVF{digits(rng, 9)}"
        letter = Letter(
            org=MOTORS, title="Your car finance payments have fallen behind", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, MOTORS.name, ref, owed, date, deadline_date=by),
            ref_label="Silverhill agreement for the car", ref=ref, date_label="Arrears letter printed",
            facts=[("Instalments that never arrived", owed), ("Car registration", f"{letters(rng, 2)}{rng.randrange(15, 74)} {letters(rng, 3)}"), ("Catch up the agreement by", by)],
            paras=("Some of the monthly payments on your conditional sale agreement have not reached us.",
                   f"You are {pounds(owed)} behind. Please pay this, or talk to Customer Care about a plan, by {when(by)}.",
                   "If the account stays behind we may send you a default notice under the Consumer Credit Act, and the agreement could be ended. The car stays ours until the last payment."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{rng.choice('KLM')}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 1)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("gardenplan", "shoppinglist")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 58_000, 480_000)
    fee = rng.choice((8_000, 11_500, 20_500))
    costs = rng.choice((5_000, 8_000, 10_000))
    total = claimed + fee + costs
    ref, number = f"APL{digits(rng, 8)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="Hastings court papers: a money claim with your name on it", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, LENDER.name, ref, total, date, court_claim_number=number, served_date=served, deadline_date=by),
        ref_label="Court claim number", ref=number, date_label="Money claim issued on",
        facts=[("Everything the claim asks for", total), ("Lender suing you", LENDER.name), ("The lender's own loan number", ref), ("Claim treated as served on", served), ("Response pack due back by", by)],
        paras=(f"{LENDER.name} has started a county court claim against you for the unpaid balance of a personal loan.",
               f"The claim is for {pounds(claimed)}, with the court fee of {pounds(fee)} and legal costs of {pounds(costs)}: {pounds(total)} altogether. It is treated as served on {when(served)}.",
               f"Reply with the response pack by {when(by)}: you can admit the claim and offer payments, or defend it. If you do nothing, the claimant can ask for judgment against you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("teatowel", "flowerpots")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 29_000, 610_000)
    ref, number = f"EM{digits(rng, 9)}", _claim_no(rng)
    by = later(date, 28)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    facts: list[Fact] = [
        ("Judgment figure to pay", owed),
        ("Mobile account the claim was for", ref),
    ]
    if extra:
        facts.append(("Whole sum to be paid by", by))
    how = (f"You must pay {pounds(owed)} to the claimant by {when(by)}." if extra
           else f"You must pay {pounds(owed)} to the claimant straight away.")  # fmt: skip
    letter = Letter(
        org=JUDGMENT_COURT, title="The court has entered judgment because no reply came", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, MOBILE.name, ref, owed, date, court_claim_number=number, **extra),
        ref_label="Number the court gave the claim", ref=number, date_label="Judgment entered by the court office",
        facts=facts,
        paras=(f"You did not reply to the claim brought by {MOBILE.name} for an unpaid mobile phone contract, so judgment has been entered against you.",
               how,
               "The judgment goes on the Register of Judgments, Orders and Fines unless it is paid within a month. If you cannot pay, you can ask the court to vary the order on form N245."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """The enforcement agents' notice under a warrant of control on a judgment (even: the
    seed tray) or on the council's liability order (odd: the garden plan)."""
    kinds = ("seedtray", "gardenplan")
    when, date = _when(rng), dated(rng)
    case = f"RNE{digits(rng, 6)}"
    by = later(date, 7)
    if i % 2 == 0:
        debt = balance(rng, 38_000, 360_000)
        owed = debt + 7_500
        letter = Letter(
            org=AGENTS, title="Enforcement notice under a County Court warrant of control", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, LENDER.name, case, owed, date, deadline_date=by),
            ref_label="Rock-a-Nore case number", ref=case, date_label="Enforcement notice posted",
            facts=[("To pay, with the compliance fee", owed), ("Creditor", LENDER.name), ("Last day before an agent may call", by)],
            paras=(f"The County Court has issued a warrant of control to enforce the judgment obtained by {LENDER.name}.",
                   f"You must pay {pounds(owed)}, which includes the £75 compliance fee, by {when(by)}.",
                   "If you do not, an enforcement agent may visit and take control of goods, and a further fee of £235 will be added. Contact us at once if you are vulnerable or cannot pay."),
        )  # fmt: skip
    else:
        tax = rng.randrange(52_000, 230_000)
        owed = tax + 7_500
        letter = Letter(
            org=AGENTS, title="Rock-a-Nore agents: collecting council tax on the Borough's order", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, BOROUGH, case, owed, date, deadline_date=by),
            ref_label="Rock-a-Nore case number", ref=case, date_label="Enforcement notice posted",
            facts=[("Council tax plus the £75 fee", owed), ("Council that sent the order", BOROUGH), ("Pay or arrange terms by", by)],
            paras=(f"{BOROUGH} obtained a liability order for your unpaid council tax at the magistrates' court and has instructed us to collect it.",
                   f"{pounds(owed)} is now due, including the £75 compliance fee. Pay it, or call us to agree payments, by {when(by)}.",
                   "If you do neither, an enforcement agent may visit your home and further fees will be added."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("shoppinglist", "teatowel")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 500_000, 1_900_000)
    ref, by = f"OVT{digits(rng, 6)}", later(date, 21)
    letter = Letter(
        org=MERCHANT, title="Statutory demand: a debt for an individual to pay at once (Insolvency Act 1986, section 268)", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, MERCHANT.name, ref, owed, date, deadline_date=by),
        ref_label="Builders' merchant trade account", ref=ref, date_label="Merchant signed the demand on",
        facts=[("Sum demanded by the merchant", owed), ("Merchant must be paid or secured by", by)],
        paras=("Timber, plasterboard and roofing supplies were sold to you on a trade account that has not been settled.",
               f"The creditor demands {pounds(owed)}. You must pay it, or secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition against you. You may apply to the court to set this demand aside within 18 days. Get advice straight away."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("flowerpots", "fridge")
    when, date = _when(rng), dated(rng)
    ref, by = f"{rng.randrange(60, 70)}{digits(rng, 7)}", later(date, 7)
    owed = rng.randrange(36_000, 210_000)
    letter = Letter(
        org=TAX, title="Reminder from the Council Tax Team: your instalments are late", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, BOROUGH, ref, owed, date, deadline_date=by),
        ref_label="Borough council tax reference", ref=ref, date_label="Instalment reminder printed",
        facts=[("Owing for this year", owed), ("Pay the late instalments before", by), ("Valuation band of the home", f"Band {rng.choice('ABCDE')}")],
        paras=("We have not received the council tax instalments shown on your bill.",
               f"You now owe {pounds(owed)}. If you do not pay the missed instalments by {when(by)}, you lose the right to pay by instalments and we may apply to the magistrates' court for a liability order, which adds costs.",
               "If your income is low you may get Council Tax Reduction; you can apply online or call the Council Tax Team."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("fridge", "gardenplan")
    when, date = _when(rng), dated(rng)
    ref, by = f"FGE{digits(rng, 3)} {digits(rng, 4)} {digits(rng, 3)}", later(date, 14)
    owed = rng.randrange(4_200, 58_000)
    letter = Letter(
        org=POWER, title="Your electricity statement", date=date, when=when,
        truth=owes(C.UTILITY_BILL, POWER.name, ref, owed, date, deadline_date=by),
        ref_label="Fairlight Glen customer no.", ref=ref, date_label="Electricity statement printed",
        facts=[("Electricity this period", owed), ("We will expect payment by", by), ("Supply number on the meter", f"{digits(rng, 2)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 3)}")],
        paras=("Here is your statement for the electricity used since your last bill, based on the readings you sent us.",
               f"Please pay {pounds(owed)}, which includes VAT at 5%, by {when(by)}.",
               "Struggling to pay? Call us before the bill is due: we can spread the cost, and you may qualify for help from our customer support fund."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("seedtray", "shoppinglist")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 12_000, 140_000)
    ref, by = f"BVW{digits(rng, 8)}", later(date, 14)
    letter = Letter(
        org=WATER, title="Your water and sewerage account is overdue", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Brede Valley account", ref=ref, date_label="Sent",
        facts=[("Water and sewerage unpaid", owed), ("Settle the water account by", by)],
        paras=("Your water and sewerage charges for this year and last have not been paid in full.",
               f"The overdue amount is {pounds(owed)}. Please pay it, or phone us to set up a payment plan, by {when(by)}.",
               "We cannot cut off your water supply, but we may pass the debt to a collection agency. Ask us about our social tariff if money is tight."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("teatowel", "fridge")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(5_500, 104_000)
    ref, by = f"{digits(rng, 2)}/{digits(rng, 6)}/{rng.randrange(24, 27)}", later(date, 10)
    letter = Letter(
        org=FINES, title="Collection order: your fine is overdue", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, HMCTS, ref, owed, date, deadline_date=by),
        ref_label="Quote this fines number", ref=ref, date_label="Day the fines office wrote",
        facts=[("Fine still outstanding", owed), ("Clear the fine or ring us by", by)],
        paras=("The fine, costs and victim surcharge ordered by the Hastings Magistrates' Court have not been paid as the collection order requires.",
               f"You still owe {pounds(owed)}. Pay it, or contact the fines officer, by {when(by)}.",
               "If you do not, the sum may be increased by 50%, taken from your wages or benefits, or passed to enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("flowerpots", "seedtray")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 7_000, 260_000)
    ref, old = f"PPR{digits(rng, 8)}", f"CVD/{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="We have bought your doorstep loan account", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=DOORSTEP.name),
        ref_label="Pebsham account no.", ref=ref, date_label="Date Pebsham wrote to you",
        facts=[("Balance that came over to us", owed), ("Lender before us", DOORSTEP.name), ("Doorstep loan book number", old)],
        paras=(f"{DOORSTEP.name} has sold and legally assigned your loan account to us, so payments are now owed to us.",
               f"The balance transferred is {pounds(owed)}. No interest or charges will be added.",
               "Please make payments to us from today, using your new account number. An agreed plan with your old lender carries on as before."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("gardenplan", "teatowel")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(16_000, 440_000)
    ref, by = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}", later(date, 28)
    letter = Letter(
        org=DEBT, title="Carer's Allowance paid too much: how to repay it", date=date, when=when,
        truth=owes(C.OVERPAYMENT, DWP, ref, owed, date, deadline_date=by),
        ref_label="NI number we hold for you", ref=ref, date_label="Overpayment letter sent",
        facts=[("Carer's Allowance paid too much", owed), ("Repay or phone Debt Management by", by)],
        paras=("You were paid Carer's Allowance while your earnings were over the limit, so some of it was overpaid.",
               f"You must repay {pounds(owed)}. Pay it, or call Debt Management to agree an amount each month, by {when(by)}.",
               "If you get another benefit, we can take the repayment from it. You can ask us to look at the decision again."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("shoppinglist", "flowerpots")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 48_000, 790_000), rng.randrange(46_000, 148_000)
    ref = f"PM{digits(rng, 8)}"
    letter = Letter(
        org=SOCIETY, title="Your Priory Meadow mortgage has missed payments", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Priory Meadow mortgage number", ref=ref, date_label="Mortgage letter written",
        facts=[("Behind on the mortgage by", owed), ("Monthly mortgage instalment", monthly)],
        paras=("Your mortgage payments have not been paid in full, and your account is now in arrears.",
               f"The arrears stand at {pounds(owed)}, and your monthly payment is {pounds(monthly)}.",
               "Please call Mortgage Support so that we can agree a plan. Under the pre-action protocol we must try to agree one with you before going to court, and repossession is always the last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("fridge", "teatowel")
    when, date = _when(rng), dated(rng)
    weekly = rng.randrange(9_000, 16_900)
    owed = weekly * rng.randrange(2, 14) + rng.choice((0, 1_500, 3_000))
    ref = f"BHH{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="Your tenancy's rent has slipped behind", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Blacklands rent account", ref=ref, date_label="Rent statement printed",
        facts=[("Rent you have not paid", owed), ("Rent and charges a week", weekly)],
        paras=("Your tenancy's rent has slipped behind.",
               f"You owe {pounds(owed)}, and your rent is {pounds(weekly)} a week. Please contact the Rent Team to agree how you will pay it off.",
               "If your Universal Credit housing costs have changed, let us know now. We can refer you to free, independent money advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("seedtray", "flowerpots")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 2_800, 108_000), later(date, 10)
    if i % 4 < 2:
        org, ref, title = (
            SPLIT,
            f"SP-{letters(rng, 2)}{digits(rng, 6)}",
            "Stadepay: a payment did not go through",
        )
        first = "We could not take your last two Stadepay payments from your card."
        date_label, ref_label = "Emailed", "Stadepay order"
    else:
        org, ref, title = CATALOGUE, f"BHS{digits(rng, 8)}", "Your Baldslow account is in arrears"
        first = "Your home shopping account is in arrears, so we have stopped new orders until it is up to date."
        date_label, ref_label = "Statement produced", "Shopping account no."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label=ref_label, ref=ref, date_label=date_label,
        facts=[("Missed so far on this account", owed), ("Pay what is missed by", by)],
        paras=(first,
               f"You are {pounds(owed)} in arrears. Please pay by {when(by)} to stop the missed payments being reported to credit reference agencies.",
               "If you are finding things hard, tell us: we can pause the account for 30 days while you get free advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("gardenplan", "shoppinglist")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 32_000, 690_000), later(date, 30)
    ref = f"PPD{digits(rng, 6)}"
    letter = Letter(
        org=SOLICITORS, title="Pre-action letter about unpaid private dentistry", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, DENTIST.name, ref, owed, date, deadline_date=by),
        ref_label="Dental patient number", ref=ref, date_label="Pre-action letter posted",
        facts=[("Dentistry fees unpaid", owed), ("Gensing Hartley's client", DENTIST.name), ("Pay or reply in writing by", by)],
        paras=(f"We act for {DENTIST.name}, which provided private dental treatment to you that has not been paid for.",
               f"Our client is owed {pounds(owed)}. Please pay it, or reply using the enclosed reply form, by {when(by)}.",
               "This letter is sent under the Pre-Action Protocol for Debt Claims. If you do not reply, our client may start court proceedings and ask for interest and costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _nursery(rng: random.Random, i: int) -> Doc:
    """A garden centre's payslip: hours at the rate and a Sunday premium, the payments
    listed and the deductions under them; weekly or fortnightly."""
    org, date, when = NURSERY, dated(rng), _when(rng)
    date = later(date, (3 - date.weekday()) % 7)  # a Thursday
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    weeks = {"weekly": 1, "fortnightly": 2}[frequency]
    hours = rng.choice((30.0, 36.0, 38.5)) * weeks
    rate = rng.choice((1_221, 1_250, 1_290))
    basic = round(hours * rate)
    sunday = rng.randrange(0, 3) * 3_050 * weeks
    gross = basic + sunday
    cuts = [("PAYE taken off", gross * 11 // 100), ("NI contributions (employee)", gross * 6 // 100), ("Pension (employee 5%)", gross * 5 // 100)]  # fmt: skip
    off = sum(a for _, a in cuts)
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Payslip", True, size=style.point + 3), rt(0.92, f"Payment date {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}, plant area assistant", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Staff no. {digits(rng, 5)}   Tax code 1257L   NI letter A", size=size),)).gap()  # fmt: skip
    page.add((t(0.08, "Earnings", True, size=size), rt(0.92, "Amount", True, size=size)))
    page.rule(0.08, 0.92, 80)
    pays = [(f"Hours {hours:.1f} at {plain(rate)}", basic), ("Sunday premium", sunday)]
    for what, amount in pays:
        page.add((t(0.1, what, size=size), rt(0.92, plain(amount), size=size)))
    page.add((t(0.08, "Total earnings", True, size=size), rt(0.92, plain(gross), True, size=size)))
    page.gap()
    page.add((t(0.08, "Deductions", True, size=size), rt(0.92, "Amount", True, size=size)))
    page.rule(0.08, 0.92, 80)
    for what, amount in cuts:
        page.add((t(0.1, what, size=size), rt(0.92, plain(amount), size=size)))
    page.add((t(0.08, "Total deductions", True, size=size), rt(0.92, plain(off), True, size=size)))
    page.gap()
    top = len(page.rows)
    page.add((t(0.5, "Yours to keep this time", True, size=size), rt(0.92, plain(gross - off), True, size=style.point + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.48, 0.93, True, 232))
    page.gap()
    page.para("Please tell the Wages office about any mistake before your next payment date.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def _market(rng: random.Random, i: int) -> Doc:
    """A fish market's pay advice: "Paid" and "Kept back" columns (a salary and a dawn
    shift allowance against tax, NI and a boot and oilskin scheme); monthly or
    four-weekly."""
    org, date, when = MARKET, dated(rng), _when(rng)
    frequency = ("monthly", "four_weekly")[(i // 2) % 2]
    salary = {"monthly": rng.randrange(198_000, 241_000), "four_weekly": rng.randrange(181_000, 222_000)}[frequency]  # fmt: skip
    dawn = rng.randrange(0, 8) * 1_450
    gross = salary + dawn
    kept = [("Tax", gross * 10 // 100), ("NI", gross * 6 // 100), ("Boots and oilskins scheme", rng.choice((1_200, 1_800)))]  # fmt: skip
    off = sum(a for _, a in kept)
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[(i + 1) % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Pay advice", True, size=style.point + 3),))
    page.add((t(0.08, f"{first} {surname}, market porter", size=size), rt(0.92, f"Pay date {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, FREQUENCY_SHOWN[frequency][0], size=size), rt(0.92, f"Payroll no. {digits(rng, 4)}", size=size))).gap()  # fmt: skip
    page.add((t(0.08, "Description", True, size=size), rt(0.7, "Paid", True, size=size), rt(0.88, "Kept back", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    for what, amount in (("Salary", salary), ("Dawn shift allowance", dawn)):
        page.add((t(0.08, what, size=size), rt(0.7, plain(amount), size=size)))
    for what, amount in kept:
        page.add((t(0.08, what, size=size), rt(0.88, plain(amount), size=size)))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.08, "Column totals", True, size=size), rt(0.7, plain(gross), True, size=size), rt(0.88, plain(off), True, size=size)))  # fmt: skip
    page.add((t(0.08, "Sent to your bank", True, size=size), rt(0.88, plain(gross - off), True, size=style.point + 1.5)))  # fmt: skip
    page.gap()
    page.para("The boots and oilskins scheme is stopped when you leave, and anything owed is repaid.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """The garden centre's payslip (even) or the fish market's pay advice (odd)."""
    return _nursery(rng, i) if i % 2 == 0 else _market(rng, i)


def _bank(rng: random.Random, i: int) -> Doc:
    """A bank's current account: date, details, money out, money in, balance."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Your current account", True, size=style.point + 2), rt(0.92, f"Statement date {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Sort code 40-{digits(rng, 2)}-{digits(rng, 2)}   Account no. {digits(rng, 8)}   Statement {rng.randrange(10, 130)}", size=size),)).gap()  # fmt: skip
    xs = (0.62, 0.77, 0.92)
    page.add((t(0.08, "Date", True, size=size), t(0.19, "Details", True, size=size), *(rt(x, h, True, size=size) for x, h in zip(xs, ("Money out", "Money in", "Balance"), strict=True))))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(2_000, 70_000)
    page.add((t(0.19, "Balance brought forward", size=size), rt(0.92, plain(running), size=size)))
    items = [("HOLLINGTON GDN CTR PAY", rng.randrange(38_000, 66_000)), ("DD HASTINGS BC CTAX", -rng.randrange(8_000, 18_000)),
             ("CARD SAINSBURYS HASTINGS", -rng.randrange(1_500, 8_200)), ("DD FAIRLIGHT GLEN ENERGY", -rng.randrange(4_000, 11_000)),
             ("HOLLINGTON GDN CTR PAY", rng.randrange(38_000, 66_000)), ("CASH QUEENS RD", -1_000 * rng.randrange(1, 6)),
             ("CARD STAGECOACH BUS", -rng.randrange(250, 1_600))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        cells = [t(0.08, f"{later(date, -offset):%d %b}", size=size), t(0.19, what, size=size)]
        cells.append(rt(xs[0] if amount < 0 else xs[1], plain(abs(amount)), size=size))
        cells.append(rt(0.92, plain(running) if running >= 0 else f"-{plain(-running)}", size=size))
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.19, "Balance carried forward", True, size=size), rt(0.92, plain(running) if running >= 0 else f"-{plain(-running)}", True, size=size)))  # fmt: skip
    page.gap()
    page.para("Please check this statement and tell us at once about any payment you do not recognise.", size=SMALL)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def _savings(rng: random.Random, i: int) -> Doc:
    """A savings bank's account: each line's amount signed "+" or "-", the balance after
    it."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, SAVINGS, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Easy access saver: statement", True, size=style.point + 2),))
    page.add((t(0.08, f"Saver no. {digits(rng, 7)}", size=size), rt(0.92, f"Produced {when(date)}", size=size))).gap()  # fmt: skip
    page.add((t(0.08, "When", True, size=size), t(0.22, "What", True, size=size), rt(0.72, "Change", True, size=size), rt(0.92, "Balance after", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(20_000, 150_000)
    page.add((t(0.22, "Starting balance", size=size), rt(0.92, plain(running), size=size)))
    items = [("DWP AA credit", rng.randrange(20_000, 60_000)), ("Transfer to current account", -rng.randrange(10_000, 30_000)),
             ("Cash, Robertson Street", -2_000 * rng.randrange(1, 4)), ("Interest", rng.randrange(100, 900)),
             ("Standing order, Stadepay", -rng.randrange(1_500, 6_000)), ("Brede Valley Water", -rng.randrange(3_000, 9_000))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        sign = "+" if amount > 0 else "-"
        page.add((t(0.08, f"{later(date, -offset):%d/%m}", size=size), t(0.22, what, size=size), rt(0.72, f"{sign}{plain(abs(amount))}", size=size), rt(0.92, plain(running), size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    page.add(
        (t(0.22, "Closing balance", True, size=size), rt(0.92, plain(running), True, size=size))
    )
    page.gap()
    page.para("Interest is paid on the last day of each month. Your savings are protected by the FSCS up to the limit.", size=SMALL)  # fmt: skip
    _foot(page, SAVINGS)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def bank_statement(rng: random.Random, i: int) -> Doc:
    """The bank's current account (even) or the savings bank's (odd)."""
    return _bank(rng, i) if i % 2 == 0 else _savings(rng, i)


def benefit(rng: random.Random, i: int) -> Doc:
    """Personal Independence Payment (even: the shopping list) or Attendance Allowance (odd:
    the fridge door)."""
    kinds = ("shoppinglist", "fridge")
    when, date = _when(rng), dated(rng)
    ref = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}"
    if i % 2 == 0:
        org, what = PIP, "Personal Independence Payment"
        frequency = "four_weekly"
        weekly = rng.choice((7_370, 11_030)) + rng.choice((0, 2_910, 7_700))
    else:
        org, what = ATTENDANCE, "Attendance Allowance"
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        weekly = rng.choice((7_300, 10_915))
    times = {"weekly": 1, "four_weekly": 4}[frequency]
    paid = weekly * times
    letter = Letter(
        org=org, title=f"{what}: what we have decided", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=DWP, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="NI number we hold for you", ref=ref, date_label="Day the DWP decided",
        facts=[("Sum paid into your account each time", paid), ("Paid how regularly", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"We have looked at your claim for {what} and made a decision.",
               f"You will get {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]}, paid into your bank account.",
               "You must tell us about any change that could affect your payments, such as a stay in hospital or a care home, or going abroad."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the bowls club's fixtures (flower pots) and the carnival's procession
    (the tea towel)."""
    kinds = ("flowerpots", "teatowel")
    when, date = _when(rng), dated(rng)
    on = later(date, 10 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=BOWLS, title="Opening day of the bowls season", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Rink", ref=f"Rink {rng.randrange(1, 7)}",
            facts=[("First ends bowled on", on), ("Roll-up starts", "Two o'clock"), ("Dress", "Whites, flat-soled shoes")],
            paras=("The green has been cut and rolled, and we are ready for the new season.",
                   f"Opening day is {when(on)}; the president bowls the first wood, and tea follows in the pavilion.",
                   "New members are very welcome to come and try the game."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=CARNIVAL, title="Marshals needed for the carnival procession", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Section", ref=f"Section {rng.choice('ABCDEF')}",
            facts=[("Procession day", on), ("Marshals gather at", "The Stade, by the net huts")],
            paras=("Thank you for offering to marshal this year's carnival procession.",
                   f"The procession is on {when(on)} and sets off at six; each marshal gets a tabard and a radio.",
                   "Please keep the route clear for the floats and the bands."),
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
class AYSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 4960


def build_ay(per_class: int = 4, *, seed: int = SEED) -> list[AYSample]:
    """``per_class`` documents of every class, held out, family ``<class>:AY``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, AYSample)


PRINT = Printer(FONTS.font, FONTS.measure)


def page_size(sample: AYSample, dpi: int) -> tuple[int, int]:
    return PRINT.page_size(sample, dpi)


def ay_text(sample: AYSample) -> str:
    """Every page's text, pages apart by form feeds."""
    return PRINT.text(sample)


def ay_pages(sample: AYSample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return PRINT.pages(sample, dpi=dpi)


# -- drawing the page ---------------------------------------------------------------------------


@frozen
class AYScan:
    dpi: int
    skew: float
    """Degrees."""
    flour: bool = False
    """A dusting of flour from the baking board: white specks and a pale smear; colour."""
    pollen: bool = False
    """Lily pollen smudged across the page, photographed by a phone; colour."""
    snail: bool = False
    """A snail's silvery trail across the page; greyscale, as PDF."""


SCANS = (
    AYScan(dpi=300, skew=0.6, flour=True),
    AYScan(dpi=200, skew=-0.8, pollen=True),
    AYScan(dpi=250, skew=0.4, snail=True),
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


def _door(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A fridge door: a pale rounded panel, its long handle down the right edge."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rounded_rectangle((x0, y0 - g.body, x1, y1 + g.body), radius=max(6, g.body), fill=(238, 240, 242), outline=(150, 154, 160), width=max(1, g.line + 1))  # fmt: skip
    hx = x1 - max(6, g.body // 2)
    pen.rounded_rectangle((hx - max(3, g.body // 4), y0 + g.body, hx, y1 - g.body), radius=3, fill=(196, 200, 206), outline=(120, 124, 130))  # fmt: skip


def _magnet(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    shadow = max(2, g.body // 6)
    pen.rounded_rectangle((x0 + shadow, y0 + shadow, x1 + shadow, y1 + shadow), radius=max(4, g.body // 2), fill=(200, 202, 206))  # fmt: skip
    pen.rounded_rectangle((x0, y0, x1, y1), radius=max(4, g.body // 2), fill=(255, 248, 222), outline=INK, width=max(1, g.line))  # fmt: skip


def _tray(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A seed tray: a dark rim, soil showing between the cells' walls."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=(176, 150, 124), outline=SOIL, width=max(2, g.line * 3))
    step = max(8, g.x(0.0675))
    for x in range(x0 + step, x1, step):
        pen.line((x, y0, x, y1), fill=(140, 112, 88), width=max(1, g.line))


def _stake(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A plant label: a white stake, its foot cut to a point."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    point = max(4, g.body)
    pen.polygon([(x0, y0), (x1, y0), (x1, y1), ((x0 + x1) // 2, y1 + point), (x0, y1)], fill=(252, 252, 252), outline=(90, 90, 90), width=max(1, g.line))  # fmt: skip


def _grid(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """Squared paper: faint blue lines every five millimetres."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    step = max(6, round(g.width / 42))
    for x in range(x0, x1 + 1, step):
        pen.line((x, y0, x, y1), fill=(200, 214, 236), width=1)
    for y in range(y0, y1 + 1, step):
        pen.line((x0, y, x1, y), fill=(200, 214, 236), width=1)


def _bed(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), outline=(60, 120, 60), width=max(2, g.line * 2))


def _pad(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A shopping list pad: a narrow leaf, its top edge torn in a zigzag."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    tooth = max(3, g.body // 3)
    top = [(x, y0 - (tooth if k % 2 else 0)) for k, x in enumerate(range(x0, x1 + 1, tooth * 2))]
    pen.polygon([(x0, y1), *top, (x1, y0), (x1, y1)], fill=(255, 253, 236), outline=(150, 140, 110))  # fmt: skip


def _tick(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.top(m.row)
    side = max(6, g.x(m.x1 - m.x0))
    x0 = g.x(m.x0)
    pen.rectangle((x0, y, x0 + side, y + side), outline=INK, width=max(1, g.line))


def _towel(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A tea towel: linen with a striped band at its top and its foot, a loop above."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=(246, 242, 230), outline=(180, 170, 150))
    band = max(4, g.body // 3)
    for edge in (y0 + band, y1 - 4 * band):
        for k, colour in enumerate(((170, 40, 40), (246, 242, 230), (170, 40, 40))):
            pen.rectangle((x0, edge + k * band, x1, edge + (k + 1) * band), fill=colour)
    cx = (x0 + x1) // 2
    pen.arc((cx - 2 * band, y0 - 3 * band, cx + 2 * band, y0 + band), 180, 360, fill=(120, 110, 90), width=max(1, g.line + 1))  # fmt: skip


def _pot(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A flower pot: a rim over ``shade`` rows, the body tapering below it."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    rim = g.top(m.row + m.shade) + g.body // 6
    inset = max(4, (x1 - x0) // 10)
    pen.polygon([(x0 + inset // 3, rim), (x1 - inset // 3, rim), (x1 - inset, y1), (x0 + inset, y1)], fill=(236, 176, 146), outline=(120, 60, 40), width=max(1, g.line))  # fmt: skip
    pen.rectangle((x0, y0, x1, rim), fill=(228, 160, 128), outline=(120, 60, 40), width=max(1, g.line))  # fmt: skip


PAINT: dict[str, Callable[[ImageDraw.ImageDraw, _Geo, Mark], None]] = {
    "rule": _rule,
    "door": _door,
    "magnet": _magnet,
    "tray": _tray,
    "stake": _stake,
    "grid": _grid,
    "bed": _bed,
    "pad": _pad,
    "tick": _tick,
    "towel": _towel,
    "pot": _pot,
}
UNDER = ("door", "tray", "grid", "pad", "towel")
"""Drawn first: what other shapes stand on."""


def _draw(sample: AYSample, n: int, dpi: int) -> Image.Image:
    """Page ``n`` drawn clean: the door, tray, grid, pad and towel first, then boxes, the
    other shapes and rules, then the text."""
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


# -- the scans --------------------------------------------------------------------------------------


def _soft_mask(size: tuple[int, int], shapes: Callable[[ImageDraw.ImageDraw, float], None], blur: float) -> np.ndarray:  # fmt: skip
    """A soft mask (0..1) drawn at an eighth of ``size`` and enlarged: cheap on big pages."""
    w, h = size
    small = Image.new("L", (max(1, w // 8), max(1, h // 8)), 0)
    shapes(ImageDraw.Draw(small), 1 / 8)
    small = small.filter(ImageFilter.GaussianBlur(blur))
    return np.asarray(small.resize((w, h), Image.Resampling.BILINEAR), dtype=np.float32) / 255.0


def _flour(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Colour; flour from the baking board: a pale floury smear over part of the page and
    white specks scattered over it, a little askew."""
    src = np.asarray(image, dtype=np.float32)
    h, w = src.shape[:2]
    cx, cy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.3, 0.8)
    a, b = w * rng.uniform(0.18, 0.28), h * rng.uniform(0.08, 0.14)

    def smear(pen: ImageDraw.ImageDraw, k: float) -> None:
        pen.ellipse(((cx - a) * k, (cy - b) * k, (cx + a) * k, (cy + b) * k), fill=210)

    dust = _soft_mask((w, h), smear, 6)[:, :, None] * 0.55
    gen = np.random.default_rng(rng.randrange(1 << 30))
    out = src * (1 - dust) + 252.0 * dust
    count = int(w * h * 0.0012)
    ys, xs = gen.integers(0, h, count), gen.integers(0, w, count)
    out[ys, xs] = out[ys, xs] * 0.3 + 250 * 0.7
    floury = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))
    return floury.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(236, 230, 218))  # fmt: skip


def _pollen(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Colour; lily pollen brushed across the page by a sleeve: orange-yellow streaks,
    photographed by a phone (a warm cast, a little soft and noisy)."""
    turned = image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(226, 222, 212))  # fmt: skip
    src = np.asarray(turned, dtype=np.float32)
    h, w = src.shape[:2]
    streaks = [(w * rng.uniform(0.05, 0.7), h * rng.uniform(0.1, 0.9), w * rng.uniform(0.12, 0.3), rng.uniform(-0.25, 0.25)) for _ in range(rng.randrange(2, 5))]  # fmt: skip

    def strokes(pen: ImageDraw.ImageDraw, k: float) -> None:
        for x, y, length, slope in streaks:
            pen.line((x * k, y * k, (x + length) * k, (y + length * slope) * k), fill=230, width=max(2, round(h * 0.009 * k)))  # fmt: skip

    stain = _soft_mask((w, h), strokes, 2.5)[:, :, None] * 0.8
    orange = np.asarray((236.0, 158.0, 36.0), dtype=np.float32)
    out = src * (1 - stain) + (src * orange / 255.0) * stain
    out *= np.asarray((1.0, 0.97, 0.9), dtype=np.float32)
    gen = np.random.default_rng(rng.randrange(1 << 30))
    out += gen.normal(0.0, 2.5, (h, w))[:, :, None]
    photo = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))
    return photo.filter(ImageFilter.GaussianBlur(0.45))


def _snail(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Greyscale; a snail's trail: a wandering silvery band across the page, lighter
    inside and darker at its edges, a little askew."""
    arr = np.asarray(image.convert("L"), dtype=np.float32)
    h, w = arr.shape
    x, y = -w * 0.02, h * rng.uniform(0.2, 0.8)
    heading = rng.uniform(-0.3, 0.3)
    path = [(x, y)]
    while x < w * 1.02:
        heading = max(-0.9, min(0.9, heading + rng.uniform(-0.25, 0.25)))
        x, y = x + w * 0.03 * math.cos(heading), y + w * 0.03 * math.sin(heading)
        path.append((x, y))
    band = max(6, round(w * 0.012))
    edge = Image.new("L", (w, h), 0)
    ImageDraw.Draw(edge).line(path, fill=255, width=band + 4, joint="curve")
    core = Image.new("L", (w, h), 0)
    ImageDraw.Draw(core).line(path, fill=255, width=band, joint="curve")
    e = np.asarray(edge.filter(ImageFilter.GaussianBlur(1.2)), dtype=np.float32) / 255.0
    c = np.asarray(core.filter(ImageFilter.GaussianBlur(1.5)), dtype=np.float32) / 255.0
    rim = np.clip(e - c, 0, 1)
    arr = arr - 70 * rim
    arr = arr * (1 - 0.25 * c) + 255 * 0.25 * c
    arr += np.random.default_rng(rng.randrange(1 << 30)).normal(0.0, 1.5, arr.shape)
    grey = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return grey.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=248)


def render(sample: AYSample, n: int, scan: AYScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.flour:
        return _flour(image, rng, scan.skew)
    if scan.pollen:
        return _pollen(image, rng, scan.skew)
    return _snail(image, rng, scan.skew)


def ay_scanned(sample: AYSample, index: int) -> tuple[bytes, str, AYScan]:
    """Scanned one of three ways: the floury page as colour PNG (its resolution at even
    indexes), the pollen-smudged photo as colour baseline JPEG (quality ``QUALITY``, no
    resolution), the page with a snail's trail as a one-page greyscale PDF (250 dpi);
    documents of more pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 71 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or scan.snail:
        return encode_pages([im.convert("L") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.pollen:
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
    "AYSample",
    "AYScan",
    "ay_pages",
    "ay_scanned",
    "ay_text",
    "build_ay",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
