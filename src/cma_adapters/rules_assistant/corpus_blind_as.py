# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AS``, written blind: a thirty-eighth measure of how the reader
generalises, in a thirty-eighth hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I``,
``J``, ``AA`` to ``AL``, ``AN`` to ``AQ``).

``AS`` was written in one sitting by an author who had read only the corpus's interfaces
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
Whoever reads its individual misses to change the reader makes ``AS`` no longer blind and
must say so there. (Family AR was written by another hand at the same time; neither saw
the other's.)

**AS is no longer blind since round 40** (branch ``reader40``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AS
from then on is a training-side figure (benchmarks/OCR.md, "Round 40").

The task suggested the Scottish Borders; grep found none of Hawick, Galashiels, Kelso,
Peebles, Jedburgh, Selkirk, Melrose, Earlston or Denholm in any family (U and Z named
Berwick-upon-Tweed, so no name here says Tweed; R, AL and AN wrote under Scots law, in the
islands, Paisley, Ayr and Falkirk), so ``AS`` is set in the Scottish Borders under Scots
law: a simple procedure claim and a decree from the sheriff courts at Jedburgh and Selkirk,
sheriff officers' charges for payment and summary warrant notices, council tax with water
and sewerage charges, Scottish Courts and Tribunals Service fines; so:

* who writes: a Hawick collection firm's letters for a card firm and a Galashiels car
  finance firm's arrears letters; a Jedburgh simple procedure claim for a personal loan
  and a Selkirk decree for broadband charges; sheriff officers (a charge for payment under
  a decree, or a summary warrant for council tax with the 10% addition: both
  enforcement); a feed and fencing merchant's statutory demand (the Bankruptcy (Scotland)
  Act's form); Scottish Borders Council's council tax; an electricity supplier; a bottled
  and tank gas supplier's arrears; a justice of the peace court fine; a debt purchaser
  buying a home credit loan; a Universal Credit overpayment (the DWP); a building
  society; a housing association; a split-pay app and a home shopping catalogue;
  solicitors for a vets' practice; Pension Credit (the DWP) and Adult Disability Payment
  (Social Security Scotland); a hosiery mill and a hill farm as employers; a bank's
  current account and a savings bank's; a sevens committee and a common riding's ride-out;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **fingerpost**: a signpost drawn at the right of the page, every fact (the date and
    reference too) on an arrow-shaped plate pointing left or right off the post, the
    label small over the value; the prose runs down the left beside the post;
  - **ladder**: a ladder down the middle of the page, each fact on its own rung (the
    label small over the value, centred between the rails);
  - **luggage**: every fact on one luggage label (a tag with its corners cut at the
    eyelet end, an eyelet and its string), the label at the left and the value beside it;
  - **dominoes**: each fact on a domino, the label on its left half and the value on its
    right, the halves parted by a bar with a pip; two dominoes a row;
  - **plaque**: the facts engraved on a plaque with a double border and a screw at each
    corner, every label centred over its value;
  - **noticeboard**: the facts written on cards pinned to a cork board (a drawing pin at
    the top of each card), three cards a row (two where a value is long);
  payslips for a hosiery mill (hours at the rate and a linking bonus, the knitter's
  clock number, weekly or fortnightly, its deductions in a column beside the payments)
  or a hill farm (a shepherd's salary with the tied cottage set against it, monthly or
  four-weekly, the figures as a ledger of "Earned" and "Stopped"); bank statements from a
  bank's current account (withdrawn, lodged and balance columns: "lodged" as Scots banks
  say) or a savings bank's (each line's debit or credit with "Dr" or "Cr" after the
  balance);
* faces: DejaVu Serif Condensed under Open Sans Semibold headings, Liberation Serif under
  DejaVu Sans Condensed Bold headings, Open Sans Condensed Light under Liberation Serif
  Bold headings, 9.5 to 11 pt; each italic the body's own;
* dates as "04 DECEMBER 26" (the day padded, the month in full capitals, the year cut)
  and "FRI 4 DEC 2026" (all capitals, the weekday and month cut); amounts as "£1,234.56"
  and, in tables and cells, "1,234.56";
* scans new to the families: a page scorched by an iron left on it (a brown, pointed
  sole-plate mark with its steam holes over one side of the page, darkest at its edge;
  300 dpi colour PNG, its resolution at even indexes); a cheap phone camera's colour
  fringing (the red and blue images a little larger and smaller than the green, so
  strokes grow coloured edges towards the page's sides, a little soft; 180 dpi colour
  baseline JPEG without a resolution); a clear plastic ruler left lying across the page
  (a tinted strip with centimetre marks and figures along its edge over lines that hold
  no true value; 250 dpi greyscale, as a one-page PDF).

Not all of the above is new, as far as grep over the earlier modules shows (checked before
any measuring): "£1,234.56" and "1,234.56" are many families'; sheriff officers, simple
procedure, decrees, charges for payment, summary warrants and Social Security Scotland are
R's, AL's and AN's words too (the law's and the state's, not a setting); N named Adult
Disability Payment; AL named knitwear (never a hosiery mill in Hawick); the fonts are the
families' fonts (in pairings not checked exhaustively against theirs); AK's raindrops, E's
punched pocket and AF's foxing are other marks on a page (never an iron's scorch, a colour
fringe or a ruler); AD's staircase, the timelines of AA, AH, AI, Q and W, AQ's hexagons
and AP's folder tabs are other ways to set facts (never a signpost, a ladder, a luggage
label, dominoes, a plaque or a noticeboard).

Ground truth follows L's to AQ's conventions: ``creditor_name`` is whoever is owed now (the
agency's client, the pursuer of a claim or decree, the council behind a summary warrant, a
solicitor's client, the assignee of a sold debt, the DWP for its overpayment);
``original_creditor`` where a sold debt's first creditor is named; ``account_reference``
the creditor's account number (on the claim and the decree the pursuer's own reference;
the sheriff officers' their own case number); ``court_claim_number`` the case number;
``balance_pence`` what is owed now; ``letter_date`` the document's own date;
``deadline_date`` and ``served_date`` only where printed. Payslips give the payer, net and
gross pay, pay date and frequency; benefit letters the payer, the amount paid each time,
the date and the frequency; a bank statement its date."""

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

FAMILY = "AS"

PEOPLE = (
    ("Mrs", "Morag", "Elliot-Turnbull"),
    ("Mr", "Callum", "Scougall"),
    ("Ms", "Agnieszka", "Kowalczyk"),
    ("Mr", "Hamish", "Renwick"),
)
ADDRESSES = (
    ("12 Wilson Drive", "Hawick", "TD9 8QP"),
    ("Flat 2, 31 Channel Street", "Galashiels", "TD1 1BN"),
    ("4 Bowmont Street", "Kelso", "TD5 7JH"),
    ("Flat C, 9 Biggiesknowe", "Peebles", "EH45 8HS"),
)

# -- date and money shapes -------------------------------------------------------------------


def padded_month_full(date: dt.date) -> str:
    """04 DECEMBER 26: the day padded, the month in full capitals, the year cut."""
    return f"{date:%d} {date:%B} {date:%y}".upper()


def capitals_weekday(date: dt.date) -> str:
    """FRI 4 DEC 2026: all capitals, the weekday and the month cut, the day unpadded."""
    return f"{date:%a} {date.day} {date:%b} {date.year}".upper()


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (padded_month_full, capitals_weekday)
"""The shapes a document's dates take (one a document)."""
ALL_SHAPES = DATE_SHAPES


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Wages paid weekly on Fridays", "each week"),
    "fortnightly": ("Wages paid every second Friday", "each fortnight"),
    "four_weekly": ("Paid once every 4 weeks", "each 4 weeks"),
    "monthly": ("Paid on the last working day of the month", "each calendar month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AS prints a true value (to check it is on the page, or in an OCR text)."""
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
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "serifcond": {
        (False, False): _DV + "DejaVuSerifCondensed.ttf",
        (True, False): _OS + "OpenSans-Semibold.ttf",
        (False, True): _DV + "DejaVuSerifCondensed-Italic.ttf",
        (True, True): _OS + "OpenSans-SemiboldItalic.ttf",
    },
    "libserif": {
        (False, False): _LB + "LiberationSerif-Regular.ttf",
        (True, False): _DV + "DejaVuSansCondensed-Bold.ttf",
        (False, True): _LB + "LiberationSerif-Italic.ttf",
        (True, True): _DV + "DejaVuSansCondensed-BoldOblique.ttf",
    },
    "condlight": {
        (False, False): _OS + "OpenSans-CondLight.ttf",
        (True, False): _LB + "LiberationSerif-Bold.ttf",
        (False, True): _OS + "OpenSans-CondLightItalic.ttf",
        (True, True): _LB + "LiberationSerif-BoldItalic.ttf",
    },
}
"""Each body face under headings of another family: DejaVu Serif Condensed under Open Sans
Semibold, Liberation Serif under DejaVu Sans Condensed Bold, Open Sans Condensed Light
under Liberation Serif Bold; each italic the body's own."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)

INK = (24, 22, 30)
CORK = (196, 160, 112)
BRASS = (236, 226, 196)


@frozen
class Style:
    face: str = "serifcond"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("serifcond", 10.0), Style("libserif", 11.0), Style("condlight", 10.5))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind``: "rule" (across above row ``row`` from ``x0`` to ``x1``, ``shade`` its grey),
    "post" (a signpost's post at ``x0``, ``x1`` its width, over rows ``row``..``last``),
    "plate" (an arrow-shaped plate from ``x0`` to ``x1`` over rows ``row``..``last``,
    pointing right if ``shade`` is 1, else left), "rails" (a ladder's two rails at ``x0``
    and ``x1`` over rows ``row``..``last``), "rung" (a rung between ``x0`` and ``x1``
    above row ``row``), "tag" (a luggage label from ``x0`` to ``x1`` over rows
    ``row``..``last``, its eyelet at the left), "domino" (a domino from ``x0`` to ``x1``
    over rows ``row``..``last``, ``shade`` the place of its bar in thousandths), "plaque"
    (a plaque from ``x0`` to ``x1`` over rows ``row``..``last``), "cork" (a cork board
    over rows ``row``..``last``) and "card" (a pinned card over rows ``row``..``last``)."""

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
    """A working day (letters and court papers are not dated at the weekend)."""
    day = dt.date(2025, 2, 3) + dt.timedelta(days=rng.randrange(660))
    return day + dt.timedelta(days=max(0, 7 - day.weekday()) if day.weekday() >= 5 else 0)


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The line at the foot of every page."""
    team: str = "Accounts Office"


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
    """The name centred in the heading face, the address and telephone on one line under
    it, then a double rule."""
    page.add(*_bold(page, org.name, 0.12, 0.88, style.point + 3, "centre"))
    page.add((ct(0.5, f"{org.street}, {org.town}  \u2022  Tel. {org.phone}", size=SMALL),))
    page.rule(0.08, 0.92, 40)
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


def _small(page: Sheet, text: str, x: float, right: float, centre: bool = False) -> list[tuple[Cell, ...]]:  # fmt: skip
    rows = page.wrapped(text, x, right, size=SMALL)
    if centre:
        return [(ct((x + right) / 2, r[0].text, size=SMALL),) for r in rows]
    return list(rows)


def _opening(page: Sheet, rng: random.Random, letter: Letter) -> None:
    """The address, the title and the greeting."""
    (title, _, surname), lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add(*_bold(page, letter.title, 0.08, 0.92, page.style.point + 1)).gap()
    page.add((t(0.08, f"Dear {title} {surname}"),)).gap()


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _sign(page: Sheet, org: Org, x: float = 0.08) -> None:
    page.add((t(x, "Yours faithfully"),)).gap()
    page.add((t(x, org.team, True),))


# -- the six settings ---------------------------------------------------------------------------

POST = 0.73
"""Where the signpost's post stands."""


def _fingerpost(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A signpost at the right: every fact on an arrow-shaped plate off the post (label
    small over the value), pointing right and left in turn; the prose down the left."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    plates: list[tuple[Cell, ...]] = [()]
    spans: list[tuple[int, int]] = []
    for label, value in _rows(letter):
        start = len(plates)
        plates += [*_small(page, label, 0.6, 0.87), *_bold(page, value, 0.6, 0.87, SMALL + 1.5)]
        spans.append((start, len(plates) - 1))
        plates.append(())
    left: list[tuple[Cell, ...]] = [()]
    for text in letter.paras[1:]:
        left += [*page.wrapped(text, 0.08, 0.52), ()]
    top = len(page.rows)
    page.beside(left, plates)
    page.rules.append(Mark("post", top, POST, 0.018, last=top + len(plates) - 1))
    for k, (a, b) in enumerate(spans):
        page.rules.append(Mark("plate", top + a, 0.575, 0.9, last=top + b, shade=1 - k % 2))
    page.gap()
    _sign(page, org)
    _foot(page, org)
    return [page]


RAILS = (0.27, 0.73)


def _ladder(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A ladder down the middle of the page, a fact on each rung (label small over the
    value, centred between the rails)."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    a, b = RAILS
    top = len(page.rows)
    page.gap()
    for label, value in _rows(letter):
        page.rules.append(Mark("rung", len(page.rows), a, b))
        page.add(*_small(page, label, a + 0.04, b - 0.04, centre=True))
        page.add(*_bold(page, value, a + 0.04, b - 0.04, style.point + 0.5, "centre"))
        page.gap()
    page.rules.append(Mark("rung", len(page.rows), a, b))
    page.gap()
    page.rules.append(Mark("rails", top, a, b, last=len(page.rows) - 1))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


def _luggage(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Every fact on one luggage label: a tag with its corners cut at the eyelet end (at
    the left), an eyelet and a string; the label at the left, the value beside it."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    top = len(page.rows)
    page.gap()
    for label, value in _rows(letter):
        page.beside(_small(page, label, 0.24, 0.47), _bold(page, value, 0.49, 0.86, style.point))
        page.gap()
    page.rules.append(Mark("tag", top, 0.1, 0.89, last=len(page.rows) - 1))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


TILES = ((0.08, 0.48), (0.52, 0.92))


def _dominoes(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Each fact on a domino (label on its left half, value on its right, a bar with a
    pip between), two dominoes a row."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    pairs = _rows(letter)
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        columns = []
        for (label, value), (x0, x1) in zip(group, TILES, strict=False):
            mid = x0 + (x1 - x0) * 0.42
            columns += [[(), *_small(page, label, x0 + 0.015, mid - 0.015), ()], [(), *_bold(page, value, mid + 0.02, x1 - 0.015, SMALL + 1.5), ()]]  # fmt: skip
        page.beside(*columns)
        for x0, x1 in TILES[: len(group)]:
            page.rules.append(Mark("domino", top, x0, x1, last=len(page.rows) - 1, shade=420))
        page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


def _plaque(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The facts engraved on a plaque (a double border, a screw at each corner), every
    label centred over its value."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    top = len(page.rows)
    page.gap()
    for label, value in _rows(letter):
        page.add(*_small(page, label, 0.24, 0.76, centre=True))
        page.add(*_bold(page, value, 0.24, 0.76, style.point + 1, "centre"))
        page.gap()
    page.rules.append(Mark("plaque", top, 0.18, 0.82, last=len(page.rows) - 1))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


CARDS3 = ((0.11, 0.35), (0.38, 0.62), (0.65, 0.89))
CARDS2 = ((0.11, 0.49), (0.51, 0.89))


def _noticeboard(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The facts on cards pinned to a cork board (a drawing pin at each card's top), three
    cards a row, two where a value would not fit."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    board = len(page.rows)
    page.gap()
    pairs = _rows(letter)
    while pairs:
        spans: tuple[tuple[float, float], ...] = CARDS3
        if any(FONTS.length(style, value, SMALL + 1.5, True) > CARDS3[0][1] - CARDS3[0][0] - 0.03 for _, value in pairs[:3]):  # fmt: skip
            spans = CARDS2
        group, pairs = pairs[: len(spans)], pairs[len(spans) :]
        top = len(page.rows)
        cards = [[(), *_small(page, label, x0 + 0.015, x1 - 0.015), *_bold(page, value, x0 + 0.015, x1 - 0.015, SMALL + 1.5)] for (label, value), (x0, x1) in zip(group, spans, strict=False)]  # fmt: skip
        page.beside(*cards)
        for x0, x1 in spans[: len(group)]:
            page.rules.append(Mark("card", top, x0, x1, last=len(page.rows) - 1))
        page.gap()
    page.rules.insert(0, Mark("cork", board, 0.08, 0.92, last=len(page.rows) - 1))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "fingerpost": _fingerpost,
    "ladder": _ladder,
    "luggage": _luggage,
    "dominoes": _dominoes,
    "plaque": _plaque,
    "noticeboard": _noticeboard,
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
    return f"{name}. Registered in Scotland, company no. SC{number}; registered office {office}.{extra}"  # fmt: skip


FCA = " Authorised and regulated by the Financial Conduct Authority."
COLLECTORS = Org("Slitrig Credit Control Ltd", "Towerdykeside Chambers, 3 Towerdykeside", "Hawick TD9 9EA", "01450 372 614",
                 _ltd("Slitrig Credit Control Ltd", "604518", "3 Towerdykeside, Hawick TD9 9EA", FCA), "Recoveries Desk")  # fmt: skip
CARD = Org("Minto Hills Card Services Ltd", "PO Box 2207", "Hawick TD9 0XQ", "0345 602 7719",
           _ltd("Minto Hills Card Services Ltd", "711902", "High Street, Hawick TD9 9DP", FCA))  # fmt: skip
MOTORS = Org("Netherdale Motor Finance Ltd", "Customer Support, Huddersfield Street", "Galashiels TD1 3AY", "01896 755 203",
             _ltd("Netherdale Motor Finance Ltd", "529044", "Huddersfield Street, Galashiels TD1 3AY", FCA), "Arrears Support")  # fmt: skip
JEDBURGH = "Jedburgh Sheriff Court"
SELKIRK = "Selkirk Sheriff Court"
SCTS = "Scottish Courts and Tribunals Service"
CLAIM_COURT = Org(JEDBURGH, "Sheriff Court House, Castlegate", "Jedburgh TD8 6AR", "01835 863 231",
                  "Jedburgh Sheriff Court, Scottish Courts and Tribunals Service. Quote the case reference in every letter.", "Sheriff Clerk")  # fmt: skip
DECREE_COURT = Org(SELKIRK, "Sheriff Court House, Ettrick Terrace", "Selkirk TD7 4LE", "01750 721 269",
                   "Selkirk Sheriff Court, Scottish Courts and Tribunals Service. The court cannot give legal advice.", "Sheriff Clerk")  # fmt: skip
LENDER = Org("Leaderfoot Personal Finance Ltd", "PO Box 5140", "Melrose TD6 9ZT", "0333 241 0638",
             _ltd("Leaderfoot Personal Finance Ltd", "688173", "Market Square, Melrose TD6 9PN", FCA))  # fmt: skip
BROADBAND = Org("Earlston Fibre Broadband Ltd", "Billing, 7 Thorn Street", "Earlston TD4 6DR", "01896 849 412",
                _ltd("Earlston Fibre Broadband Ltd", "640227", "7 Thorn Street, Earlston TD4 6DR"))  # fmt: skip
OFFICERS = Org("Gala Water Sheriff Officers LLP", "Messengers-at-Arms, 18 Bank Street", "Galashiels TD1 1EN", "01896 752 880",
               "Gala Water Sheriff Officers LLP, messengers-at-arms and sheriff officers. Calls may be recorded.", "Diligence Department")  # fmt: skip
BORDERS = "Scottish Borders Council"
TAX = Org(BORDERS, "Council Tax, Council Headquarters, Newtown St Boswells", "Melrose TD6 0SA", "0300 100 1800",
          "Scottish Borders Council collects council tax, and the water and sewerage charges with it for Scottish Water.", "Revenues Section")  # fmt: skip
MERCHANT = Org("Roxburgh Feed and Fencing Supplies Ltd", "Credit Control, Station Yard", "Kelso TD5 8AB", "01573 224 718",
               _ltd("Roxburgh Feed and Fencing Supplies Ltd", "219846", "Station Yard, Kelso TD5 8AB"), "Credit Control")  # fmt: skip
POWER = Org("Lammerlaw Electricity Ltd", "PO Box 6128", "Peebles EH45 9ZB", "0800 098 4417",
            _ltd("Lammerlaw Electricity Ltd", "733015", "Northgate, Peebles EH45 8RX"), "Billing Team")  # fmt: skip
GAS = Org("Yarrow Valley Bottled Gas Ltd", "Accounts, Riverside Works", "Selkirk TD7 5DU", "01750 723 904",
          _ltd("Yarrow Valley Bottled Gas Ltd", "318275", "Riverside Works, Selkirk TD7 5DU"), "Tank Gas Accounts")  # fmt: skip
FINES = Org(SCTS, "Fines Enforcement, PO Box 23", "Glasgow G5 9DA", "0300 790 0003",
            "The Fines Enforcement Officer collects the fines imposed in the justice of the peace courts of the Borders.", "Fines Enforcement Officer")  # fmt: skip
CREDIT = Org("Newcastleton Home Credit Ltd", "1 South Hermitage Street", "Newcastleton TD9 0QS", "01387 375 502",
             _ltd("Newcastleton Home Credit Ltd", "412660", "1 South Hermitage Street, Newcastleton TD9 0QS", FCA))  # fmt: skip
BUYER = Org("Abbotsford Debt Purchase Ltd", "PO Box 9013", "Galashiels TD1 9ZP", "0333 772 0461",
            _ltd("Abbotsford Debt Purchase Ltd", "690344", "Abbotsford Road, Galashiels TD1 3HP", FCA), "Customer Services")  # fmt: skip
DWP = "Department for Work and Pensions"
DEBT = Org(DWP, "Debt Management, Mail Handling Site A", "Wolverhampton WV98 2DF", "0800 916 0647",
           "DWP Debt Management recovers benefit paid that should not have been.", "Debt Management")  # fmt: skip
SOCIETY = Org("Eildon Hills Building Society", "Arrears Support, 21 The Square", "Kelso TD5 7HF", "01573 226 040",
              "Eildon Hills Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (no. 207718).", "Arrears Support")  # fmt: skip
HOMES = Org("St Boswells and Denholm Housing Association", "Income Team, Jenny Moore's Road", "St Boswells TD6 0AL", "01835 822 616",
            "St Boswells and Denholm Housing Association, a registered social landlord in Scotland (HAL 318) and a Scottish charity.", "Income Team")  # fmt: skip
SPLIT = Org("Thistlepay Split Payments Ltd", "hello@thistlepay.example", "Edinburgh EH1 9ZZ", "0131 496 0772",
            _ltd("Thistlepay Split Payments Ltd", "745518", "Rose Street, Edinburgh EH2 3DX", FCA), "Thistlepay Support")  # fmt: skip
CATALOGUE = Org("Cross Keys Home Shopping Ltd", "Accounts, Shedden Park Road", "Kelso TD5 7AL", "0345 117 2284",
                _ltd("Cross Keys Home Shopping Ltd", "204917", "Shedden Park Road, Kelso TD5 7AL", FCA))  # fmt: skip
VETS = Org("Kelso Mart Veterinary Practice Ltd", "Bridgend", "Kelso TD5 7JN", "01573 229 301",
           _ltd("Kelso Mart Veterinary Practice Ltd", "577031", "Bridgend, Kelso TD5 7JN"))  # fmt: skip
SOLICITORS = Org("Rutherford Pringle & Co", "Solicitors and Notaries, 14 Abbey Place", "Jedburgh TD8 6BE", "01835 862 455",
                 "Rutherford Pringle & Co, solicitors, are regulated by the Law Society of Scotland.", "Court Department")  # fmt: skip
MILL = Org("Slitrig Hosiery Ltd", "Wages Office, Mansfield Road", "Hawick TD9 8AQ", "01450 373 118",
           _ltd("Slitrig Hosiery Ltd", "118240", "Mansfield Road, Hawick TD9 8AQ"), "Wages Office")  # fmt: skip
FARM = Org("Bowmont Hill Farms LLP", "Estate Office, Yetholm Mains", "Kelso TD5 8PR", "01573 420 215",
           "Bowmont Hill Farms LLP, Yetholm Mains. Please keep this statement for your records.", "Estate Office")  # fmt: skip
BANK = Org("Liddesdale Bank plc", "Galashiels branch, 40 High Street", "Galashiels TD1 1SE", "0345 303 1847",
           _ltd("Liddesdale Bank plc", "098811", "St Andrew Square, Edinburgh EH2 2AB", " Deposits are protected by the Financial Services Compensation Scheme."), "Liddesdale Bank")  # fmt: skip
SAVINGS = Org("Ettrick Forest Savings Bank", "Members' Office, 2 Market Place", "Selkirk TD7 4BT", "01750 720 540",
              "Ettrick Forest Savings Bank is a mutual, authorised by the PRA and regulated by the FCA and the PRA (no. 541207).", "Members' Office")  # fmt: skip
PENSION = Org(DWP, "Pension Service 9, Mail Handling Site A", "Wolverhampton WV98 1LU", "0800 99 1234",
              "Pension Credit is paid by the Pension Service, part of the Department for Work and Pensions.", "The Pension Service")  # fmt: skip
SSS = "Social Security Scotland"
ADP = Org(SSS, "PO Box 10304", "Dundee DD1 9FY", "0800 182 2222",
          "Adult Disability Payment is paid by Social Security Scotland, an agency of the Scottish Government.", "Client Services")  # fmt: skip
SEVENS = Org("Slitrig Sevens Committee", "c/o The Clubrooms, Buccleuch Road", "Hawick TD9 0EH", "07700 900 526",
             "The committee runs the spring sevens tournament; all proceeds go to the youth section.", "Committee Secretary")  # fmt: skip
RIDEOUT = Org("Denholm Ride-Out Committee", "c/o The Fox and Hounds, The Green", "Denholm TD9 8NU", "07700 900 673",
              "The ride-out follows the old marches each June; riders and followers on foot are welcome.", "Ride-Out Secretary")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """The collection firm's letter for a card firm (even: the fingerpost) or the car
    finance firm's arrears letter (odd: the ladder)."""
    kinds = ("fingerpost", "ladder")
    when, date = _when(rng), dated(rng)
    by = later(date, 14)
    if i % 2 == 0:
        owed = balance(rng)
        ref = f"SCC/{digits(rng, 6)}"
        letter = Letter(
            org=COLLECTORS, title="Your Minto Hills card account has been passed to us", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
            ref_label="Recoveries file", ref=ref, date_label="Issued by the desk",
            facts=[("Sum now outstanding", owed), ("Card firm we collect for", CARD.name), ("Answer the desk by", by)],
            paras=(f"{CARD.name} has instructed us to recover the balance of your credit card account, which is in default.",
                   f"The sum outstanding is {pounds(owed)}. Please pay it, or phone the Recoveries Desk to offer an instalment you can afford, by {when(by)}.",
                   "We are a debt collection firm, not sheriff officers. Free and impartial money advice is available from Citizens Advice Scotland, and we will pause contact while you seek it."),
        )  # fmt: skip
    else:
        owed = balance(rng, 24_000, 420_000)
        ref = f"NMF{digits(rng, 8)}"
        letter = Letter(
            org=MOTORS, title="Missed payments on your car finance agreement", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, MOTORS.name, ref, owed, date, deadline_date=by),
            ref_label="Netherdale HP agreement", ref=ref, date_label="Arrears letter run on",
            facts=[("Arrears on the agreement", owed), ("Vehicle on the agreement", f"{letters(rng, 2)}{rng.randrange(10, 75)} {letters(rng, 3)}"), ("Clear the shortfall on the agreement by", by)],
            paras=("Your hire purchase agreement is behind because recent monthly payments were not made.",
                   f"The arrears are {pounds(owed)}. Please clear them, or call Arrears Support to agree a plan, by {when(by)}.",
                   "If the arrears are not dealt with we may send a default notice, which could end the agreement. The car belongs to us until the agreement is paid."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _case(rng: random.Random, court: str) -> str:
    return f"{court}-SP{digits(rng, 5)}-{rng.randrange(24, 27)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("dominoes", "luggage")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 62_000, 500_000)
    expenses = rng.choice((2_100, 11_900, 13_900))
    total = claimed + expenses
    ref, number = f"LPF{digits(rng, 7)}", _case(rng, "JED")
    served, by = later(date, 3), later(date, 24)
    letter = Letter(
        org=CLAIM_COURT, title="Simple procedure: the sheriff clerk sends you a claim", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, LENDER.name, ref, total, date, court_claim_number=number, served_date=served, deadline_date=by),
        ref_label="Simple procedure case no.", ref=number, date_label="Claim form issued by the sheriff clerk",
        facts=[("Sum sued for, with expenses", total), ("Claimant (the pursuer)", LENDER.name), ("Pursuer's own loan ref.", ref), ("Served on you (by post)", served), ("Last date for the Response Form", by)],
        paras=(f"{LENDER.name} has made a simple procedure claim against you for the unpaid balance of a personal loan.",
               f"The claimant asks the sheriff to order you to pay {pounds(claimed)}, with expenses, {pounds(total)} in all. The claim was served on you on {when(served)}.",
               f"Send the Response Form to the court by {when(by)}: you may admit the claim and ask for time to pay, or dispute it. If you do not respond, the claimant may ask for a decision in your absence."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("plaque", "noticeboard")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 31_000, 640_000)
    ref, number = f"EFB-{digits(rng, 6)}", _case(rng, "SEL")
    by = later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    facts: list[Fact] = [("Sum in the decree", owed), ("Claimant's account number", ref)]
    if extra:
        facts.append(("Payment in full due by", by))
    how = (f"You are ordered to pay {pounds(owed)} to the claimant by {when(by)}." if extra
           else f"You are ordered to pay {pounds(owed)} to the claimant now.")  # fmt: skip
    letter = Letter(
        org=DECREE_COURT, title="Decision: the sheriff has granted decree against you", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, BROADBAND.name, ref, owed, date, court_claim_number=number, **extra),
        ref_label="Simple procedure case no.", ref=number, date_label="Decree pronounced",
        facts=facts,
        paras=(f"No Response Form was received to the claim by {BROADBAND.name} for unpaid broadband charges, and the sheriff has granted decree in the claimant's favour.",
               how,
               "If you do not pay, the claimant may instruct sheriff officers to serve a charge for payment and then use diligence such as an arrestment of your wages or bank account."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """The sheriff officers' charge for payment under a decree (even: the ladder) or their
    notice under the council's summary warrant (odd: dominoes)."""
    kinds = ("ladder", "dominoes")
    when, date = _when(rng), dated(rng)
    case = f"GW{digits(rng, 7)}"
    if i % 2 == 0:
        decree = balance(rng, 40_000, 380_000)
        owed = decree + rng.choice((5_420, 6_180)) + rng.randrange(0, 4_000)
        by = later(date, 14)
        letter = Letter(
            org=OFFICERS, title="Charge for payment served under a decree", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, LENDER.name, case, owed, date, deadline_date=by),
            ref_label="Sheriff officers' case", ref=case, date_label="Charge for payment served",
            facts=[("Due under the decree, with charges", owed), ("Instructing creditor", LENDER.name), ("The 14 days of the charge end", by)],
            paras=(f"We have today served on you a charge for payment on behalf of {LENDER.name}, under a decree of the sheriff.",
                   f"You must pay {pounds(owed)} within 14 days, that is by {when(by)}.",
                   "If you do not pay or agree a time to pay, the creditor may arrest your earnings or bank account, or attach goods. You may be able to apply to the court for a time to pay order."),
        )  # fmt: skip
    else:
        tax = rng.randrange(60_000, 210_000)
        owed = tax + tax // 10
        by = later(date, 14)
        letter = Letter(
            org=OFFICERS, title="Summary warrant: council tax passed to sheriff officers", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, BORDERS, case, owed, date, deadline_date=by),
            ref_label="Sheriff officers' case", ref=case, date_label="Warrant notice issued",
            facts=[("Council tax with the 10% addition", owed), ("Council instructing us", BORDERS), ("Settle or phone the office by", by)],
            paras=(f"{BORDERS} has obtained a summary warrant for your unpaid council tax and has passed the debt to us to recover.",
                   f"Including the statutory 10% addition, {pounds(owed)} is due. Pay it, or contact us to agree payments, by {when(by)}.",
                   "If you do neither, we may serve a charge and arrest your wages or bank account without a further court order."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("luggage", "plaque")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 500_000, 1_760_000)
    ref, by = f"RFF{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=MERCHANT, title="Statutory demand for payment of debt (Scotland)", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, MERCHANT.name, ref, owed, date, deadline_date=by),
        ref_label="Feed and fencing account", ref=ref, date_label="Demand signed by the creditor",
        facts=[("Debt due to the creditor", owed), ("Pay, or give security, by", by)],
        paras=("Feed, fencing wire and posts were supplied to you on credit and the account has not been paid.",
               f"The creditor demands payment of {pounds(owed)}, or that you find security for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may apply for your sequestration (bankruptcy). Take advice at once: money advisers and the Accountant in Bankruptcy can explain your options."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("noticeboard", "fingerpost")
    when, date = _when(rng), dated(rng)
    ref, by = f"{rng.randrange(30, 40)}{digits(rng, 6)}", later(date, 7)
    owed = rng.randrange(38_000, 190_000)
    letter = Letter(
        org=TAX, title="Final notice: council tax and water charges unpaid", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, BORDERS, ref, owed, date, deadline_date=by),
        ref_label="Council tax and water account", ref=ref, date_label="Final notice date",
        facts=[("Balance of the year's charges", owed), ("Pay before a warrant is sought by", by), ("Band on the valuation roll", f"Band {rng.choice('ABCDE')}")],
        paras=("Your council tax, with the water and sewerage charges collected with it, has not been paid as billed, and you have lost the right to pay by instalments.",
               f"The whole balance of {pounds(owed)} is now due. If it is not paid by {when(by)}, the council will apply to the sheriff for a summary warrant, which adds 10%.",
               "If you are on a low income you may qualify for a council tax reduction; ask the Revenues Section for a form."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("fingerpost", "dominoes")
    when, date = _when(rng), dated(rng)
    ref, by = f"LAM-{digits(rng, 4)}-{digits(rng, 4)}", later(date, 14)
    owed = rng.randrange(4_800, 61_000)
    letter = Letter(
        org=POWER, title="Your quarterly electricity bill", date=date, when=when,
        truth=owes(C.UTILITY_BILL, POWER.name, ref, owed, date, deadline_date=by),
        ref_label="Lammerlaw account", ref=ref, date_label="Bill raised on",
        facts=[("Electricity this quarter, with VAT", owed), ("Pay the quarter by", by), ("Meter point (MPAN)", f"{digits(rng, 2)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 3)}")],
        paras=("This bill covers the electricity used at your home over the last quarter, from your meter readings.",
               f"The amount due is {pounds(owed)}, including VAT at 5%. Please pay it by {when(by)}.",
               "If you cannot pay, call us: we can agree a payment plan, and the Warm Home Discount may help with next winter's bills."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("ladder", "luggage")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 14_000, 152_000)
    ref, by = f"YV{digits(rng, 6)}", later(date, 10)
    letter = Letter(
        org=GAS, title="Tank gas deliveries unpaid", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, GAS.name, ref, owed, date, deadline_date=by),
        ref_label="Tank gas customer", ref=ref, date_label="Reminder dated",
        facts=[("Unpaid for gas delivered", owed), ("Settle or ring us by", by)],
        paras=("We have delivered gas to the tank at your home, and the invoices for those deliveries are overdue.",
               f"Your account is {pounds(owed)} in arrears. Please pay, or call us to arrange instalments, by {when(by)}.",
               "We will not stop deliveries to a household with children or an older person without talking to you first."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("plaque", "fingerpost")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(6_000, 110_000)
    ref, by = f"FEO/{digits(rng, 7)}", later(date, 14)
    letter = Letter(
        org=FINES, title="Fine overdue: Fines Enforcement Officer", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, SCTS, ref, owed, date, deadline_date=by),
        ref_label="Fines account (FEO)", ref=ref, date_label="Issued on",
        facts=[("Fine balance still to pay", owed), ("Pay or speak to the FEO by", by)],
        paras=("The fine imposed on you at the justice of the peace court has not been paid as ordered.",
               f"The balance is {pounds(owed)}. Pay it in full, or contact the Fines Enforcement Officer, by {when(by)}.",
               "If you do not, we may arrest your earnings or bank account, deduct the fine from benefits, or clamp and sell your vehicle."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("noticeboard", "ladder")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 8_000, 280_000)
    ref, old = f"ADP{digits(rng, 8)}", f"NHC-{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="Notice that your home credit loan has been assigned", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=CREDIT.name),
        ref_label="Your Abbotsford account", ref=ref, date_label="Issued on",
        facts=[("Balance now held by us", owed), ("Home credit lender who sold it", CREDIT.name), ("Lender's loan number", old)],
        paras=(f"{CREDIT.name} has assigned to us all its rights under your home credit loan agreement. We are now your creditor.",
               f"The balance assigned is {pounds(owed)}. We will not add interest or charges to it.",
               "Please pay us from now on, quoting your new account number. Any payment arrangement you had will continue with us."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("dominoes", "plaque")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(18_000, 460_000)
    ref, by = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}", later(date, 28)
    letter = Letter(
        org=DEBT, title="Universal Credit overpayment: what you need to repay", date=date, when=when,
        truth=owes(C.OVERPAYMENT, DWP, ref, owed, date, deadline_date=by),
        ref_label="NINO on file", ref=ref, date_label="Written on",
        facts=[("UC paid in excess", owed), ("Reply or start repaying by", by)],
        paras=("You were paid more Universal Credit than you were entitled to, because your earnings were not reported in time.",
               f"The overpayment is {pounds(owed)}. Pay it, or contact Debt Management to agree payments, by {when(by)}.",
               "If you are still getting Universal Credit, we will take a deduction from each payment. You can ask for a mandatory reconsideration of the decision."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("luggage", "noticeboard")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 52_000, 820_000), rng.randrange(48_000, 152_000)
    ref = f"EH{digits(rng, 7)}"
    letter = Letter(
        org=SOCIETY, title="Standard security payments behind: please talk to us", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Standard security account", ref=ref, date_label="Written on",
        facts=[("Shortfall on the mortgage", owed), ("Monthly payment under the standard security", monthly)],
        paras=("Your mortgage payments have not been made in full, and the account has fallen into arrears.",
               f"The arrears are {pounds(owed)}. Your contractual monthly payment is {pounds(monthly)}.",
               "Please call Arrears Support to agree a plan you can afford. Under Scots law we must try to agree a plan before any court action, and we would much rather do so."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("fingerpost", "plaque")
    when, date = _when(rng), dated(rng)
    weekly = rng.randrange(9_500, 17_800)
    owed = weekly * rng.randrange(2, 15) + rng.choice((0, 1_800, 3_600))
    ref = f"SBD{digits(rng, 5)}"
    letter = Letter(
        org=HOMES, title="Rent arrears on your Scottish secure tenancy", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Scottish secure tenancy no.", ref=ref, date_label="Statement run",
        facts=[("Unpaid rent on the tenancy", owed), ("Rent and service charge each week", weekly)],
        paras=("Your rent account is in arrears.",
               f"You owe {pounds(owed)} and your weekly rent is {pounds(weekly)}. Please contact the Income Team to agree how you will clear it.",
               "If your housing costs from Universal Credit have changed, tell us straight away. We can refer you to a free money adviser."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("ladder", "noticeboard")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 3_200, 112_000), later(date, 10)
    if i % 4 < 2:
        org, ref, title = (
            SPLIT,
            f"TP{letters(rng, 3)}{digits(rng, 5)}",
            "Thistlepay: two instalments missed",
        )
        first = "We tried twice to take your Thistlepay instalment from your debit card, and both attempts failed."
        date_label, ref_label = "Message sent", "Thistlepay plan"
    else:
        org, ref, title = CATALOGUE, f"CK{digits(rng, 7)}", "Cross Keys catalogue account overdue"
        first = "Your catalogue account is overdue, and we have put new orders on hold until it is brought up to date."
        date_label, ref_label = "Statement run", "Catalogue account"
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label=ref_label, ref=ref, date_label=date_label,
        facts=[("Instalments not collected", owed), ("Catch the payments up by", by)],
        paras=(first,
               f"You are {pounds(owed)} behind. Please pay by {when(by)} so that the missed payments are not reported to the credit reference agencies.",
               "If you are in financial difficulty, tell us and we will hold the account for 30 days while you get free advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("dominoes", "luggage")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 36_000, 720_000), later(date, 14)
    ref = f"KMV{digits(rng, 5)}"
    letter = Letter(
        org=SOLICITORS, title="Unpaid veterinary fees: final demand before court action", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, VETS.name, ref, owed, date, deadline_date=by),
        ref_label="Practice client number", ref=ref, date_label="Date of our demand",
        facts=[("Fees due to our client", owed), ("Solicitors for", VETS.name), ("Settle or answer by", by)],
        paras=(f"We act for {VETS.name}, which treated your animals and has not been paid for that treatment.",
               f"Our client is owed {pounds(owed)}. Please pay it, or write to us with any proposal, by {when(by)}.",
               "Failing that, we are instructed to raise a simple procedure claim in the sheriff court without further notice, and to seek expenses and interest."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _mill(rng: random.Random, i: int) -> Doc:
    """A hosiery mill's wages slip: hours at the rate and a linking bonus, the payments at
    the left and the deductions in a column beside them; weekly or fortnightly."""
    org, date, when = MILL, dated(rng), _when(rng)
    date = later(date, (4 - date.weekday()) % 7)  # a Friday
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    weeks = {"weekly": 1, "fortnightly": 2}[frequency]
    hours = rng.choice((37.5, 39.0, 40.0)) * weeks
    rate = rng.choice((1_221, 1_264, 1_305))
    basic = round(hours * rate)
    bonus = rng.randrange(0, 9) * 425 * weeks
    gross = basic + bonus
    cuts = [("PAYE tax (Scottish rates)", gross * 10 // 100), ("NI (employee)", gross * 5 // 100), ("Workplace pension 5%", gross * 5 // 100), ("Canteen", 650 * weeks)]  # fmt: skip
    off = sum(a for _, a in cuts)
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Wages slip", True, size=style.point + 3), rt(0.92, f"Pay day {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}, linker, knitting flat", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Clock no. {digits(rng, 4)}   Tax code S1257L   NI table A", size=size),)).gap()  # fmt: skip
    page.add((t(0.08, "Payments", True, size=size), rt(0.46, "£", True, size=size), t(0.54, "Deductions", True, size=size), rt(0.92, "£", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 80)
    pays = [(f"Basic, {hours:.1f} hrs @ {plain(rate)}", basic), ("Linking bonus", bonus)]
    for n in range(max(len(pays), len(cuts))):
        cells = []
        if n < len(pays):
            cells += [t(0.08, pays[n][0], size=size), rt(0.46, plain(pays[n][1]), size=size)]
        if n < len(cuts):
            cells += [t(0.54, cuts[n][0], size=size), rt(0.92, plain(cuts[n][1]), size=size)]
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 80)
    page.add((t(0.08, "Gross wages", True, size=size), rt(0.46, plain(gross), True, size=size), t(0.54, "Total deductions", True, size=size), rt(0.92, plain(off), True, size=size)))  # fmt: skip
    page.gap()
    top = len(page.rows)
    page.add((t(0.54, "Net wages", True, size=size), rt(0.92, plain(gross - off), True, size=style.point + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.52, 0.93, True, 228))
    page.gap()
    page.para(
        "Queries about your wages go to the Wages Office before the next pay day.", size=SMALL
    )
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def _farm(rng: random.Random, i: int) -> Doc:
    """A hill farm's pay statement: a ledger of "Earned" and "Stopped" (the tied cottage
    set against the salary), the balance paid; monthly or four-weekly."""
    org, date, when = FARM, dated(rng), _when(rng)
    frequency = ("monthly", "four_weekly")[(i // 2) % 2]
    salary = {"monthly": rng.randrange(205_000, 248_000), "four_weekly": rng.randrange(188_000, 228_000)}[frequency]  # fmt: skip
    overtime = rng.randrange(0, 6) * 1_930
    dogs = 2_500
    gross = salary + overtime + dogs
    stopped = [("PAYE", gross * 9 // 100), ("NIC", gross * 5 // 100), ("Cottage (tied house offset)", rng.choice((6_400, 8_600)))]  # fmt: skip
    off = sum(a for _, a in stopped)
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[(i + 1) % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Pay statement", True, size=style.point + 3),))
    page.add((t(0.08, f"{first} {surname}, shepherd", size=size), rt(0.92, f"Paid {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, FREQUENCY_SHOWN[frequency][0], size=size), rt(0.92, f"Works no. {digits(rng, 3)}", size=size))).gap()  # fmt: skip
    page.add((t(0.08, "Item", True, size=size), rt(0.7, "Earned", True, size=size), rt(0.88, "Stopped", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    for what, amount in [
        ("Salary", salary),
        ("Lambing overtime", overtime),
        ("Dog allowance", dogs),
    ]:
        page.add((t(0.08, what, size=size), rt(0.7, plain(amount), size=size)))
    for what, amount in stopped:
        page.add((t(0.08, what, size=size), rt(0.88, plain(amount), size=size)))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.08, "Totals", True, size=size), rt(0.7, plain(gross), True, size=size), rt(0.88, plain(off), True, size=size)))  # fmt: skip
    page.add((t(0.08, "Balance paid to your bank", True, size=size), rt(0.88, plain(gross - off), True, size=style.point + 1.5)))  # fmt: skip
    page.gap()
    page.para("The cottage offset is within the limit the Agricultural Wages (Scotland) Order allows.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """The hosiery mill's wages slip (even) or the hill farm's pay statement (odd)."""
    return _mill(rng, i) if i % 2 == 0 else _farm(rng, i)


def _bank(rng: random.Random, i: int) -> Doc:
    """A bank's current account: date, description, withdrawn, lodged, balance."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Current account", True, size=style.point + 2), rt(0.92, f"Statement to {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Sort code 83-{digits(rng, 2)}-{digits(rng, 2)}   Account {digits(rng, 8)}   Sheet {rng.randrange(20, 140)}", size=size),)).gap()  # fmt: skip
    xs = (0.62, 0.77, 0.92)
    page.add((t(0.08, "Date", True, size=size), t(0.19, "Description", True, size=size), *(rt(x, h, True, size=size) for x, h in zip(xs, ("Withdrawn", "Lodged", "Balance"), strict=True))))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(3_000, 80_000)
    page.add((t(0.19, "Opening balance", size=size), rt(0.92, plain(running), size=size)))
    items = [("SLITRIG HOSIERY WAGES", rng.randrange(40_000, 70_000)), ("DD SCOTTISH BORDERS CNCL", -rng.randrange(9_000, 19_000)),
             ("CARD CO-OP HAWICK", -rng.randrange(1_200, 7_800)), ("DD LAMMERLAW ELEC", -rng.randrange(4_000, 12_000)),
             ("SLITRIG HOSIERY WAGES", rng.randrange(40_000, 70_000)), ("ATM GALASHIELS", -1_000 * rng.randrange(1, 6)),
             ("BUS BORDERS TRAVEL", -rng.randrange(300, 1_800))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        cells = [t(0.08, f"{later(date, -offset):%d %b}", size=size), t(0.19, what, size=size)]
        cells.append(rt(xs[0] if amount < 0 else xs[1], plain(abs(amount)), size=size))
        cells.append(rt(0.92, plain(running) if running >= 0 else f"-{plain(-running)}", size=size))
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.19, "Closing balance", True, size=size), rt(0.92, plain(running) if running >= 0 else f"-{plain(-running)}", True, size=size)))  # fmt: skip
    page.gap()
    page.para("Lodged: money paid into your account. Please examine this statement and report any entry you do not recognise.", size=SMALL)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def _savings(rng: random.Random, i: int) -> Doc:
    """A savings bank's account: each line's amount with "Dr" or "Cr", the balance after
    it with its own "Dr" or "Cr"."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, SAVINGS, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Statement of account", True, size=style.point + 2),))
    page.add((t(0.08, f"Member no. {digits(rng, 6)}", size=size), rt(0.92, f"Issued {when(date)}", size=size))).gap()  # fmt: skip
    page.add((t(0.08, "Posted", True, size=size), t(0.22, "Particulars", True, size=size), rt(0.72, "Amount", True, size=size), rt(0.92, "Balance", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(10_000, 120_000)
    page.add((t(0.22, "Brought forward", size=size), rt(0.92, f"{plain(running)} Cr", size=size)))
    items = [("Pension Credit DWP", rng.randrange(20_000, 90_000)), ("Rent St Boswells HA", -rng.randrange(30_000, 60_000)),
             ("Cash withdrawn, Selkirk", -2_000 * rng.randrange(1, 4)), ("Moved from the holiday saver", rng.randrange(5_000, 20_000)),
             ("Thistlepay instalment", -rng.randrange(1_500, 6_000)), ("Yarrow Valley Gas", -rng.randrange(5_000, 15_000))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        side = "Cr" if running >= 0 else "Dr"
        page.add((t(0.08, f"{later(date, -offset):%d.%m}", size=size), t(0.22, what, size=size), rt(0.72, f"{plain(abs(amount))} {'Cr' if amount > 0 else 'Dr'}", size=size), rt(0.92, f"{plain(abs(running))} {side}", size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    page.add((t(0.22, "Carried forward", True, size=size), rt(0.92, f"{plain(abs(running))} {'Cr' if running >= 0 else 'Dr'}", True, size=size)))  # fmt: skip
    page.gap()
    page.para("Cr: in credit or paid in. Dr: overdrawn or paid out.", size=SMALL)
    _foot(page, SAVINGS)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def bank_statement(rng: random.Random, i: int) -> Doc:
    """The bank's current account (even) or the savings bank's (odd)."""
    return _bank(rng, i) if i % 2 == 0 else _savings(rng, i)


def benefit(rng: random.Random, i: int) -> Doc:
    """Pension Credit (even: the luggage label) or Adult Disability Payment (odd: the
    ladder)."""
    kinds = ("luggage", "ladder")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        org, what = PENSION, "Pension Credit"
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        weekly = rng.randrange(1_800, 9_500)
        ref, ref_label = (
            f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}",
            "NINO on file",
        )
    else:
        org, what = ADP, "Adult Disability Payment"
        frequency = "four_weekly"
        weekly = rng.choice((7_370, 11_030)) + rng.choice((0, 2_910, 7_700))
        ref, ref_label = f"ADP-{digits(rng, 4)}-{digits(rng, 4)}", "Client reference"
    times = {"weekly": 1, "four_weekly": 4}[frequency]
    paid = weekly * times
    letter = Letter(
        org=org, title=f"{what}: decision on your application", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label=ref_label, ref=ref, date_label="Decision taken on",
        facts=[("Each payment to you", paid), ("Paid how often", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"We have made a decision on your application for {what}.",
               f"We will pay you {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]}, straight into your bank account.",
               "Tell us straight away if your circumstances change, for example if you go into hospital, move house or someone moves in with you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the sevens committee's call for stewards (cards on the noticeboard)
    and the ride-out's arrangements (dominoes)."""
    kinds = ("noticeboard", "dominoes")
    when, date = _when(rng), dated(rng)
    on = later(date, 10 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=SEVENS, title="Stewards wanted for the spring sevens", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Gate", ref=f"Gate {rng.randrange(1, 5)}",
            facts=[("Tournament day", on), ("Stewards meet at", "The clubrooms, 9 am"), ("Bring with you", "A warm jacket")],
            paras=("Thank you for offering to help at this year's sevens.",
                   f"The tournament is on {when(on)}; stewards get a pass, a bacon roll and a seat for the final.",
                   "Parking is in the school field; please leave the lane clear for the ambulance."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=RIDEOUT, title="Ride-out arrangements for followers", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Group", ref=f"Group {rng.choice('ABCDE')}",
            facts=[("Ride-out leaves", on), ("Followers gather at", "The Green, by the monument")],
            paras=("The committee thanks everyone who has put their name down to follow the riders this year.",
                   f"The ride-out leaves on {when(on)} at ten; followers on foot take the lower track.",
                   "Soup and sandwiches are served in the hall afterwards; there is no charge."),
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
class ASSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 4360


def build_as(per_class: int = 4, *, seed: int = SEED) -> list[ASSample]:
    """``per_class`` documents of every class, held out, family ``<class>:AS``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, ASSample)


PRINT = Printer(FONTS.font, FONTS.measure)


def page_size(sample: ASSample, dpi: int) -> tuple[int, int]:
    return PRINT.page_size(sample, dpi)


def as_text(sample: ASSample) -> str:
    """Every page's text, pages apart by form feeds."""
    return PRINT.text(sample)


def as_pages(sample: ASSample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return PRINT.pages(sample, dpi=dpi)


# -- drawing the page ---------------------------------------------------------------------------


@frozen
class ASScan:
    dpi: int
    skew: float
    """Degrees."""
    scorch: bool = False
    """An iron left on the page: a brown sole-plate scorch; colour."""
    fringe: bool = False
    """A cheap phone camera's colour fringing; colour."""
    ruler: bool = False
    """A clear ruler lying across the page; greyscale, as PDF."""


SCANS = (
    ASScan(dpi=300, skew=-0.5, scorch=True),
    ASScan(dpi=180, skew=0.9, fringe=True),
    ASScan(dpi=250, skew=-0.3, ruler=True),
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


def _post(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    half = max(3, g.x(m.x1 / 2))
    pen.rectangle((g.x(m.x0) - half, y0 - g.body, g.x(m.x0) + half, y1 + g.body), fill=(150, 118, 84), outline=INK)  # fmt: skip


def _plate(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """An arrow-shaped plate: square at one end, pointed at the other."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    point = (y1 - y0) // 2
    mid = (y0 + y1) // 2
    if m.shade == 1:
        shape = [(x0, y0), (x1 - point, y0), (x1, mid), (x1 - point, y1), (x0, y1)]
    else:
        shape = [(x0 + point, y0), (x1, y0), (x1, y1), (x0 + point, y1), (x0, mid)]
    pen.polygon(shape, fill=(244, 244, 236), outline=INK, width=max(1, g.line + 1))


def _rails(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    w = max(2, g.line * 3)
    for x in (m.x0, m.x1):
        pen.rectangle((g.x(x) - w, y0, g.x(x) + w, y1), fill=(120, 96, 70))


def _rung(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.top(m.row) - g.body // 4
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(120, 96, 70), width=max(2, g.line * 2))


def _tag(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A luggage label: its eyelet end (the left) with both corners cut, an eyelet with
    its reinforcing ring, a string running off to the left margin."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    cut = min((y1 - y0) // 4, g.x(0.05))
    pen.polygon([(x0 + cut, y0), (x1, y0), (x1, y1), (x0 + cut, y1), (x0, y1 - cut), (x0, y0 + cut)], fill=(236, 222, 190), outline=INK, width=max(1, g.line))  # fmt: skip
    cx, cy, r = x0 + g.x(0.045), (y0 + y1) // 2, max(4, g.body // 2)
    pen.ellipse((cx - 2 * r, cy - 2 * r, cx + 2 * r, cy + 2 * r), fill=(214, 196, 160), outline=INK)
    pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=PAPER, outline=INK)
    pen.line((cx, cy, g.x(0.055), y0 - g.body, g.x(0.035), y0 - 3 * g.body), fill=(90, 70, 60), width=max(1, g.line))  # fmt: skip


def _domino(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rounded_rectangle((x0, y0, x1, y1), radius=max(4, g.body // 2), fill=(252, 252, 250), outline=INK, width=max(1, g.line + 1))  # fmt: skip
    bar = x0 + round((x1 - x0) * m.shade / 1000)
    pen.line((bar, y0 + g.body // 3, bar, y1 - g.body // 3), fill=INK, width=max(1, g.line + 1))
    r = max(2, g.body // 5)
    cy = (y0 + y1) // 2
    pen.ellipse((bar - r, cy - r, bar + r, cy + r), fill=(190, 170, 110), outline=INK)


def _plaque_box(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=BRASS, outline=INK, width=max(1, g.line + 1))
    inset = max(4, g.body // 2)
    pen.rectangle((x0 + inset, y0 + inset, x1 - inset, y1 - inset), outline=INK, width=max(1, g.line))  # fmt: skip
    r = max(3, g.body // 4)
    for cx, cy in ((x0 + inset, y0 + inset), (x1 - inset, y0 + inset), (x0 + inset, y1 - inset), (x1 - inset, y1 - inset)):  # fmt: skip
        pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(170, 160, 130), outline=INK)
        pen.line((cx - r + 1, cy, cx + r - 1, cy), fill=INK)


def _cork(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=CORK, outline=(110, 80, 50), width=max(2, g.line * 3))  # fmt: skip


def _card(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0 + g.body // 3, x1, y1), fill=(253, 253, 250), outline=(140, 120, 90))
    cx, r = (x0 + x1) // 2, max(3, g.body // 3)
    pen.ellipse((cx - r, y0 + g.body // 3 - r, cx + r, y0 + g.body // 3 + r), fill=(200, 40, 40), outline=INK)  # fmt: skip


PAINT: dict[str, Callable[[ImageDraw.ImageDraw, _Geo, Mark], None]] = {
    "rule": _rule,
    "post": _post,
    "plate": _plate,
    "rails": _rails,
    "rung": _rung,
    "tag": _tag,
    "domino": _domino,
    "plaque": _plaque_box,
    "cork": _cork,
    "card": _card,
}
UNDER = ("cork", "post", "rails", "tag", "plaque")
"""Drawn first: what other shapes stand on."""


def _draw(sample: ASSample, n: int, dpi: int) -> Image.Image:
    """Page ``n`` drawn clean: the board, post, rails, tag and plaque first, then boxes,
    the other shapes and rules, then the text."""
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


def _free_rows(sample: ASSample, n: int) -> list[int]:
    """Rows of page ``n`` with words on them but no true value (nor part of one)."""
    forms = [f.casefold() for name in ("creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date", "deadline_date", "court_claim_number", "payer_name", "income_pence", "gross_pence", "frequency", "served_date")
             if (v := getattr(sample.truth, name)) is not None for f in printed_forms(name, v)]  # fmt: skip
    words = {w for f in forms for w in f.split() if len(w) > 2}
    free = []
    for k, row in enumerate(sample.pages[n]):
        text = " ".join(c.text for c in row).casefold()
        if text.strip() and not any(w in text for w in words):
            free.append(k)
    return free


# -- the scans --------------------------------------------------------------------------------------


def _scorch(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Colour; an iron left on the page: a brown, pointed sole-plate mark over one side,
    darkest round its edge, pale steam holes in it; a little askew. (Computed only in the
    box the mark reaches and each steam hole within its reach, with the same float32
    arithmetic a pixel at a time as over the whole page: see ``SOLE`` and ``STEAM``.)"""
    src = np.asarray(image)
    h, w = src.shape[:2]
    left = rng.random() < 0.5
    cx = w * (rng.uniform(0.02, 0.12) if left else rng.uniform(0.88, 0.98))
    cy = h * rng.uniform(0.3, 0.75)
    a, b = w * rng.uniform(0.16, 0.2), h * rng.uniform(0.09, 0.12)
    x0, x1 = max(0, math.floor(cx - SOLE * a)), min(w, math.ceil(cx + SOLE * a) + 1)
    y0, y1 = max(0, math.floor(cy - SOLE * b)), min(h, math.ceil(cy + SOLE * b) + 1)
    xs = np.arange(x0, x1, dtype=np.float32)[None, :]
    ys = np.arange(y0, y1, dtype=np.float32)[:, None]
    u, v = (xs - cx) / a, (ys - cy) / b
    # a sole plate: round at the heel, narrowing to a point at the toe (upwards)
    taper = np.clip(1.0 - 0.55 * np.clip(-v, 0, None), 0.2, 1.0)
    r = np.sqrt((u / taper) ** 2 + v * v)
    inside = np.clip((1.0 - r) * 6, 0, 1)
    rim = np.exp(-(((r - 0.92) / 0.08) ** 2))
    heat = 0.22 * inside + 0.25 * rim
    spread = 2 * (w * 0.006) ** 2
    reach = STEAM * w * 0.006
    for _ in range(rng.randrange(8, 14)):
        hx, hy = cx + a * rng.uniform(-0.5, 0.5), cy + b * rng.uniform(-0.2, 0.6)
        hx0, hx1 = max(x0, math.floor(hx - reach)), min(x1, math.ceil(hx + reach) + 1)
        hy0, hy1 = max(y0, math.floor(hy - reach)), min(y1, math.ceil(hy + reach) + 1)
        if hx0 >= hx1 or hy0 >= hy1:
            continue
        hxs, hys = xs[:, hx0 - x0 : hx1 - x0], ys[hy0 - y0 : hy1 - y0]
        hole = np.exp(-(((hxs - hx) ** 2 + (hys - hy) ** 2) / spread))
        at = (slice(hy0 - y0, hy1 - y0), slice(hx0 - x0, hx1 - x0))
        heat[at] -= 0.15 * hole * inside[at]
    heat = np.clip(heat, 0, 1)[:, :, None]
    brown = np.asarray((150.0, 96.0, 40.0), dtype=np.float32)
    arr = src[y0:y1, x0:x1].astype(np.float32)
    out = arr * (1 - heat) + brown[None, None, :] * heat
    page = src.copy()
    page[y0:y1, x0:x1] = np.clip(out, 0, 255).astype(np.uint8)
    scorched = Image.fromarray(page)
    return scorched.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(248, 246, 240))  # fmt: skip


SOLE = 2.0
"""How far from the mark's centre, in its half-widths ``a`` and ``b``, its heat reaches:
the radius ``r`` is at least the larger of ``|u|`` and ``|v|``, and beyond 1.74 the rim's
``exp`` is exactly 0 in float32, as is ``inside``, so the page is left exactly as it is."""
STEAM = 16.0
"""How far a steam hole reaches, in its ``w * 0.006``: beyond 14.5 its ``exp`` is exactly 0
in float32 and the heat is left exactly as it is."""


def _fringe(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Colour; a cheap phone camera's colour fringing: the red image a little larger and the
    blue a little smaller than the green (so strokes grow red and blue edges towards the
    sides), a warm grey cast, a little soft and noisy."""
    turned = image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(238, 236, 230))  # fmt: skip
    w, h = turned.size
    red, green, blue = turned.split()
    grow = rng.uniform(0.0025, 0.0035)

    def scaled(channel: Image.Image, factor: float) -> Image.Image:
        big = channel.resize((round(w * factor), round(h * factor)), Image.Resampling.BICUBIC)
        bw, bh = big.size
        if factor >= 1:
            return big.crop(((bw - w) // 2, (bh - h) // 2, (bw - w) // 2 + w, (bh - h) // 2 + h))
        canvas = Image.new("L", (w, h), 236)
        canvas.paste(big, ((w - bw) // 2, (h - bh) // 2))
        return canvas

    merged = Image.merge("RGB", (scaled(red, 1 + grow), green, scaled(blue, 1 - grow)))
    src = np.asarray(merged)
    gen = np.random.default_rng(rng.randrange(1 << 30))
    cast = np.asarray((0.99, 0.96, 0.9), dtype=np.float32)
    noise = gen.normal(0.0, 3.0, src.shape[:2])
    out = np.empty_like(src)
    # a channel at a time, its cast a table of the 256 levels (the same float32 products,
    # then the float64 sum with the noise, as the page's channels cast at once)
    for channel in range(3):
        level = (np.arange(256, dtype=np.float32) * cast[channel]).astype(np.float64)
        arr = level[src[:, :, channel]]
        arr += noise
        out[:, :, channel] = np.clip(arr, 0, 255, out=arr).astype(np.uint8)
    return Image.fromarray(out).filter(ImageFilter.GaussianBlur(0.5))


def _ruler(image: Image.Image, sample: ASSample, n: int, dpi: int, rng: random.Random, skew: float) -> Image.Image:  # fmt: skip
    """Greyscale; a clear plastic ruler left lying across the page: a faintly tinted strip
    with its edge's centimetre and millimetre marks and figures, over a line that holds no
    true value; a little askew."""
    arr = np.asarray(image.convert("L"), dtype=np.float32)
    tops, heights = PRINT.rows(sample, n, dpi)
    free = [k for k in _free_rows(sample, n) if k + 1 < len(tops)]
    if free:
        row = rng.choice(free)
        y0 = tops[row] - heights[row] // 3
        y1 = y0 + round(dpi * 0.45)
        x0 = round(arr.shape[1] * rng.uniform(0.02, 0.06))
        x1 = round(arr.shape[1] * rng.uniform(0.94, 0.98))
        arr[y0:y1, x0:x1] = arr[y0:y1, x0:x1] * 0.93 + 4
        arr[y0 : y0 + 2, x0:x1] -= 60
        arr[y1 - 2 : y1, x0:x1] -= 60
        marked = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        pen = ImageDraw.Draw(marked)
        mm = dpi / 25.4
        k = 0
        while x0 + k * mm < x1 - 2:
            x = round(x0 + k * mm)
            tall = round(mm * (3.5 if k % 10 == 0 else 2.2 if k % 5 == 0 else 1.3))
            pen.line((x, y0, x, y0 + tall), fill=90, width=1)
            k += 1
        arr = np.asarray(marked, dtype=np.float32)
    arr += np.random.default_rng(rng.randrange(1 << 30)).normal(0.0, 1.5, arr.shape)
    grey = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return grey.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=250)


def render(sample: ASSample, n: int, scan: ASScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.scorch:
        return _scorch(image, rng, scan.skew)
    if scan.fringe:
        return _fringe(image, rng, scan.skew)
    return _ruler(image, sample, n, scan.dpi, rng, scan.skew)


def as_scanned(sample: ASSample, index: int) -> tuple[bytes, str, ASScan]:
    """Scanned one of three ways: the scorched page as colour PNG (its resolution at even
    indexes), the colour-fringed photo as colour baseline JPEG (quality ``QUALITY``, no
    resolution), the page under the ruler as a one-page greyscale PDF (250 dpi); documents
    of more pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 67 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or scan.ruler:
        return encode_pages([im.convert("L") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.fringe:
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
    "ASSample",
    "ASScan",
    "as_pages",
    "as_scanned",
    "as_text",
    "build_as",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
