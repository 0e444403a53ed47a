# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``BD``, written blind: a new hand's measure of how the reader
generalises to letters it has never seen (issue 14).

``BD`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``values_found``, ``money``, ``encode_pages``), the shared page
engine (``corpus_print``), the shared test helpers, family BB's module and tests (as the
template for structure; of AW's, only its OCR test's choice of scans), and the commits that
wrote, registered and measured BB; and, by grep only, the other families' modules for place names, bodies,
setting words and scan words, to avoid them -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``, ``prose.py``,
``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``statement_tables.py``, ``label_learning.py``, ``read_families.py``,
the rankers, the Tesseract extractor, the locator, the creditor directory), its reading
tests, nor any account of its misses. It is never used to write rules, to train or
calibrate the classifier or the field ranker (``build_corpus`` never yields it), nor to
choose models: it is measured, and only the aggregate figures go into benchmarks/OCR.md.
Whoever reads its individual misses to change the reader makes ``BD`` no longer blind and
must say so there.

**BD is no longer blind since round 47** (branch ``reader47``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on BD
from then on is a training-side figure (benchmarks/OCR.md, "Round 47").

Grep found Basingstoke, and every district and street named below, in no family, so ``BD``
is set in Basingstoke under the law of England and Wales: a claim issued by the Civil
National Business Centre, a judgment of the County Court at Basingstoke, enforcement
agents' notices (a writ of control and a council tax liability order), Basingstoke and
Deane Borough Council's council tax, fines imposed at Basingstoke Magistrates' Court, a
statutory demand under the Insolvency Rules 2016 and a letter before claim under the
Pre-Action Protocol for Debt Claims; so:

* who writes: a Chineham recovery firm for a Viables card issuer and a Loddon narrowboat
  finance firm's arrears letter; a claim for a Kempshott loan and a judgment for a Popley
  broadband contract; Houndmills enforcement agents (a writ of control, or council tax
  after a liability order); a Daneshill scaffolding firm's statutory demand; the borough
  council's council tax; an electricity supplier and a water company; fines; a debt
  purchaser buying a Festival Place home store's card; a Carer's Allowance overpayment (the
  DWP); a building society; a housing association; a pay-later app and a home shopping
  catalogue; solicitors for a dental practice; Universal Credit and Personal Independence
  Payment (the DWP); a parcel depot and a post office as employers; a bank's current
  account and a credit union's; a choir and an allotment society;
* six ways of setting a letter, all from a post office and a parcel depot, each class in
  two of them (``i`` even / odd):
  - **shiplabel**: a parcel's shipping label: a patch of brown cardboard, on it a white
    label with a heavy black bar down its left edge and a black sort-code block at its top
    right, each fact a row of the label (the label small at the left, the value bold
    beside it), heavy rules between the rows;
  - **scales**: the counter's weighing scales, two a row: each a grey scale with a steel
    pan across its top and a pale green readout window, the label small on the scale's
    body over the value in the window;
  - **callcard**: a "we called" delivery card (pale yellow, a red band across its top), its
    facts three a row, each label small over its value on a solid write-in line;
  - **queue**: the counter's queue display: a black bezel round a lit amber screen, each
    fact a line of it, a dark ticket tile at its left, the label small over the value;
  - **conveyor**: parcels on a roller conveyor, two a row: brown boxes, each with a strip
    of packing tape along its top and a white address patch holding the label over the
    value, a row of rollers under each row of boxes;
  - **postalorder**: a postal order: a pink slip, wavy guilloche lines along its top and
    foot, each fact a line, the label at the left and the value bold in a white field at
    the right;
  payslips for a parcel depot (hours at the rate and a night sort premium, weekly or
  fortnightly, "Earnings this period" then "Depot deductions") or a post office (a monthly
  or four-weekly salary and a counter duties allowance, "In" and "Out" columns); bank
  statements from a bank's current account (money out, money in and balance columns) or a
  credit union's (each line's amount signed, the share balance after it);
* faces: Carlito under Open Sans ExtraBold headings, Caladea under Liberation Sans Narrow
  Bold headings, DejaVu Sans Condensed under Caladea Bold headings, 9 to 10.5 pt; each
  italic the body's own;
* dates as "04 Dec '26" (the day padded, the month cut, the year's last two figures after
  an apostrophe) and "Dec. 4th, 2026" (the month cut with a full stop first, an ordinal
  day, a comma before the year); amounts as "GBP 1,234.56" in the labelled facts,
  "£1,234.56" in prose and "1,234.56" in tables;
* scans new to the families: a sheet of bubble wrap left over part of the page (bright
  highlights and dark rims on a grid of bubbles; 240 dpi colour JPEG with its resolution);
  a sack truck's muddy tyre tracks across the page (two parallel treads of grey-brown
  blocks; 220 dpi colour PNG, its resolution at even indexes); a sorting machine's
  fluorescent orange bar code sprayed across a line that holds no true value and along
  the foot (230 dpi greyscale, as a one-page PDF).

What grep found taken, and replaced (checked before any measuring): the task's "franked
envelopes" are AL's (an envelope with its franking and a postal barcode), so the postal
order; its "mail sack's tag" would be a tag with an eyelet and a string, AS's luggage
label, so the conveyor's parcels; its "delivery card" had to do without tick boxes (AB,
AE, AI, AJ, AX, AY, N, U and X tick boxes), so each fact on a solid write-in line (AI's
calling card used dotted ones); "pigeonhole" is AZ's and BB's, "timeline" (for a parcel's
tracking) AA's, AH's, AI's, AS's, Q's and W's, and "locker" AR's, so none of them. "Bubble"
is AW's and Y's word for a speech bubble or callout, never bubble wrap; "mud" is AB's, AC's,
AJ's, AV's, AY's, AZ's and BA's, never a tyre's tread ("tyre" and "tread" are in no
module); "ink-jet" is AB's, AJ's and AQ's printer, never a sorting machine's code
("fluorescent" and "phosphor" are in no module). The shipping label, the scales, the
queue display and the conveyor are new (no module names a shipping label, a readout, a
queue or a conveyor). Not all of the above is new: "£1,234.56" and "1,234.56" are many
families' ("GBP" before an amount is G's, without its comma); the courts, the DWP's
benefits and the enforcement words are the law's and the state's; the fonts are the
families' fonts (in pairings not checked exhaustively against theirs).

Ground truth follows L's to BB's conventions: ``creditor_name`` is whoever is owed now (the
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

FAMILY = "BD"

PEOPLE = (
    ("Mr", "Tobias", "Ferreira-Lund"),
    ("Mrs", "Genevieve", "Okonjo-Marsh"),
    ("Ms", "Priya", "Halloran"),
    ("Mr", "Kwabena", "Stott-Ivers"),
)
ADDRESSES = (
    ("22 Rooksdown Avenue", "Rooksdown, Basingstoke", "RG24 9UJ"),
    ("Flat 5, 40 Buckskin Lane", "Buckskin, Basingstoke", "RG22 5AB"),
    ("7 Crabtree Mews", "Lychpit, Basingstoke", "RG24 8SW"),
    ("Flat 11, 3 Riverdene Court", "Eastrop, Basingstoke", "RG21 4DS"),
)

# -- date and money shapes -------------------------------------------------------------------


def _ordinal(day: int) -> str:
    if 10 < day % 100 < 14:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }"


def apostrophe_year(date: dt.date) -> str:
    """04 Dec '26: the day padded, the month cut, the year's last two figures after an
    apostrophe."""
    return f"{date:%d %b} '{date:%y}"


def month_ordinal(date: dt.date) -> str:
    """Dec. 4th, 2026: the month cut with a full stop first, an ordinal day, a comma before
    the year."""
    return f"{date:%b}. {_ordinal(date.day)}, {date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (apostrophe_year, month_ordinal)
"""The shapes a document's dates take (one a document)."""
ALL_SHAPES = DATE_SHAPES


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    """£1,234.56 (in prose)"""
    return money(pence)


def gbp(pence: int) -> str:
    """GBP 1,234.56 (in the labelled facts)"""
    return f"GBP {plain(pence)}"


FREQUENCY_SHOWN = {
    "weekly": ("Weekly pay, every Thursday", "every week"),
    "fortnightly": ("Fortnightly pay run", "every two weeks"),
    "four_weekly": ("Paid every four weeks", "every four weeks"),
    "monthly": ("Monthly salary run", "every month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways BD prints a true value (to check it is on the page, or in an OCR text)."""
    if isinstance(value, dt.date):
        return tuple(shape(value) for shape in ALL_SHAPES)
    if isinstance(value, int):
        return (money(value), plain(value), gbp(value))
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
        (True, False): _OS + "OpenSans-ExtraBold.ttf",
        (False, True): _CX + "Carlito-Italic.ttf",
        (True, True): _OS + "OpenSans-ExtraBoldItalic.ttf",
    },
    "caladea": {
        (False, False): _CX + "Caladea-Regular.ttf",
        (True, False): _LB + "LiberationSansNarrow-Bold.ttf",
        (False, True): _CX + "Caladea-Italic.ttf",
        (True, True): _LB + "LiberationSansNarrow-BoldItalic.ttf",
    },
    "dejacond": {
        (False, False): _DV + "DejaVuSansCondensed.ttf",
        (True, False): _CX + "Caladea-Bold.ttf",
        (False, True): _DV + "DejaVuSansCondensed-Oblique.ttf",
        (True, True): _CX + "Caladea-BoldItalic.ttf",
    },
}
"""Each body face under headings of another family: Carlito under Open Sans ExtraBold,
Caladea under Liberation Sans Narrow Bold, DejaVu Sans Condensed under Caladea Bold; each
italic the body's own."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)

INK = (20, 22, 28)
CARDBOARD = (196, 160, 112)
"""The parcel's brown board and the conveyor's boxes."""
SCALE_GREY = (196, 200, 206)
READOUT = (214, 230, 206)
"""The scales' readout windows."""
CALL_YELLOW = (252, 246, 204)
CALL_RED = (206, 40, 44)
BEZEL = (30, 30, 34)
SCREEN = (255, 222, 160)
"""The queue display's lit amber."""
ORDER_PINK = (250, 226, 232)
GUILLOCHE = (196, 90, 130)
PACKING = (214, 190, 140)
"""Packing tape along a box's top."""


@frozen
class Style:
    face: str = "carlito"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("carlito", 10.5), Style("caladea", 10.0), Style("dejacond", 9.0))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind``: "rule" (across above row ``row`` from ``x0`` to ``x1``, ``shade`` its grey),
    "board" (brown cardboard over rows ``row``..``last``), "shiplabel" (the white label on
    it, a black bar down its left edge), "sortcode" (a black block over rows
    ``row``..``last`` from ``x0`` to ``x1``), "heavy" (a heavy rule above row ``row``),
    "scale" (a scale from ``x0`` to ``x1`` over rows ``row``..``last``), "readout" (its
    window from ``x0`` to ``x1`` over rows ``row``..``last``), "callcard" (the delivery
    card over rows ``row``..``last``, its red band at the top), "writein" (a write-in line
    under row ``row`` from ``x0`` to ``x1``), "bezel" (the queue display over rows
    ``row``..``last``), "tile" (a ticket tile from ``x0`` to ``x1`` over rows
    ``row``..``last``), "belt" (the conveyor's frame over rows ``row``..``last``), "box"
    (a parcel from ``x0`` to ``x1`` over rows ``row``..``last``), "patch" (its white address
    patch), "rollers" (a row of rollers under row ``row``), "order" (the postal order over
    rows ``row``..``last``) and "field" (a white field from ``x0`` to ``x1`` over rows
    ``row``..``last``)."""

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


def balance(rng: random.Random, low: int = 7_400, high: int = 685_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    """A working day (letters and court papers are not dated at the weekend)."""
    day = dt.date(2025, 3, 3) + dt.timedelta(days=rng.randrange(650))
    return day + dt.timedelta(days=7 - day.weekday() if day.weekday() >= 5 else 0)


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The line at the foot of every page."""
    team: str = "Customer Care"


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


def shown(letter: Letter, value: object, amount: Callable[[int], str] = gbp) -> str:
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
        page.add((t(0.1, row[0].text, size=SMALL - 1),))


def _head(page: Sheet, org: Org, style: Style) -> None:
    """The name at the left in the heading face, the telephone at the right on the same
    line, the address under the name, then a single heavy rule."""
    first, *more = _bold(page, org.name, 0.08, 0.6, style.point + 3)
    page.add((*first, rt(0.92, f"Phone {org.phone}", size=SMALL)))
    page.add(*more)
    page.add((t(0.08, f"{org.street}, {org.town}", size=SMALL),))
    page.rule(0.08, 0.92, 20)
    page.rule(0.08, 0.92, 20)


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


def _small(page: Sheet, text: str, x: float, right: float) -> list[tuple[Cell, ...]]:
    return list(page.wrapped(text, x, right, size=SMALL))


def _opening(page: Sheet, rng: random.Random, letter: Letter) -> None:
    """The address, the title and the greeting."""
    (_, first, surname), lines = person(rng)
    page.gap()
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add(*_bold(page, letter.title, 0.08, 0.92, page.style.point + 1)).gap()
    page.add((t(0.08, f"Hello {first} {surname},"),)).gap()


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _sign(page: Sheet, org: Org, x: float = 0.08) -> None:
    page.add((t(x, "With best wishes from Basingstoke,"),)).gap()
    page.add((t(x, f"The {org.team}", True),))


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


def _shiplabel(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A parcel's shipping label: a patch of brown cardboard, on it a white label with a
    heavy black bar down its left edge and a black sort-code block at its top right, each
    fact a row (the label small at the left, the value bold beside it), heavy rules
    between the rows."""
    page = _start(rng, style, letter)
    board = len(page.rows)
    page.gap()
    page.rules.append(Mark("sortcode", len(page.rows), 0.74, 0.86, last=len(page.rows) + 1))
    page.gap(3)
    for label, value in _rows(letter):
        page.rules.append(Mark("heavy", len(page.rows), 0.17, 0.86))
        page.beside(_small(page, label, 0.19, 0.42), _bold(page, value, 0.44, 0.85, style.point + 0.5))  # fmt: skip
    page.rules.append(Mark("heavy", len(page.rows), 0.17, 0.86))
    page.gap()
    last = len(page.rows) - 1
    page.rules.insert(0, Mark("shiplabel", board + 1, 0.14, 0.88, last=last - 1))
    page.rules.insert(0, Mark("board", board, 0.09, 0.91, last=last))
    page.gap()
    return _finish(page, letter)


SCALES = ((0.08, 0.485), (0.515, 0.92))


def _scales(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The counter's weighing scales, two a row: each a grey scale with a steel pan across
    its top and a pale green readout window, the label small on the scale's body over the
    value in the window."""
    page = _start(rng, style, letter)
    pairs = _rows(letter)
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        labels = [_small(page, label, x0 + 0.04, x1 - 0.04) for (label, _), (x0, x1) in zip(group, SCALES, strict=False)]  # fmt: skip
        values = [_bold(page, value, x0 + 0.05, x1 - 0.05, SMALL + 2.5) for (_, value), (x0, x1) in zip(group, SCALES, strict=False)]  # fmt: skip
        high = max(len(v) for v in labels)
        page.beside(*[[(), *v, *[()] * (high - len(v))] for v in labels])
        window = len(page.rows)
        page.beside(*values)
        tall = max(len(v) for v in values)
        page.add(())
        last = len(page.rows) - 1
        for (x0, x1), value in zip(SCALES, values, strict=False):
            page.rules.append(Mark("scale", top, x0, x1, last=last))
            page.rules.append(Mark("readout", window, x0 + 0.03, x1 - 0.03, last=window + max(tall, len(value)) - 1))  # fmt: skip
        page.gap()
    return _finish(page, letter)


SLOTS = ((0.11, 0.36), (0.38, 0.63), (0.65, 0.9))


def _callcard(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A "we called" delivery card: pale yellow, a red band across its top, its facts three
    a row, each label small over its value on a solid write-in line."""
    page = _start(rng, style, letter)
    card = len(page.rows)
    page.gap(2)
    pairs = _rows(letter)
    while pairs:
        group, pairs = pairs[:3], pairs[3:]
        columns = [[*_small(page, label, x0, x1), *_bold(page, value, x0, x1, SMALL + 1.5)] for (label, value), (x0, x1) in zip(group, SLOTS, strict=False)]  # fmt: skip
        page.beside(*columns)
        under = len(page.rows)
        for x0, x1 in SLOTS[: len(group)]:
            page.rules.append(Mark("writein", under, x0, x1))
        page.gap()
    page.rules.insert(0, Mark("callcard", card, 0.08, 0.92, last=len(page.rows) - 1))
    page.gap()
    return _finish(page, letter)


def _queue(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The counter's queue display: a black bezel round a lit amber screen, each fact a
    line of it, a dark ticket tile at its left, the label small over the value."""
    page = _start(rng, style, letter)
    screen = len(page.rows)
    page.gap()
    for label, value in _rows(letter):
        top = len(page.rows)
        page.add(*_small(page, label, 0.27, 0.86))
        page.add(*_bold(page, value, 0.27, 0.86, style.point + 0.5))
        page.rules.append(Mark("tile", top, 0.15, 0.23, last=len(page.rows) - 1))
        page.gap()
    page.rules.insert(0, Mark("bezel", screen, 0.11, 0.89, last=len(page.rows) - 1))
    page.gap()
    return _finish(page, letter)


BOXES = ((0.1, 0.48), (0.52, 0.9))


def _conveyor(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Parcels on a roller conveyor, two a row: brown boxes, each with a strip of packing
    tape along its top and a white address patch holding the label over the value, a row
    of rollers under each row of boxes."""
    page = _start(rng, style, letter)
    belt = len(page.rows)
    pairs = _rows(letter)
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        columns = [[(), *_small(page, label, x0 + 0.05, x1 - 0.05), *_bold(page, value, x0 + 0.05, x1 - 0.05, SMALL + 2), ()] for (label, value), (x0, x1) in zip(group, BOXES, strict=False)]  # fmt: skip
        page.beside(*columns)
        last = len(page.rows) - 1
        for (x0, x1), column in zip(BOXES, columns, strict=False):
            page.rules.append(Mark("box", top, x0, x1, last=last))
            page.rules.append(Mark("patch", top + 1, x0 + 0.035, x1 - 0.035, last=top + len(column) - 2))  # fmt: skip
        page.gap()
        page.rules.append(Mark("rollers", len(page.rows) - 1, 0.08, 0.92))
    page.rules.insert(0, Mark("belt", belt, 0.07, 0.93, last=len(page.rows) - 1))
    page.gap()
    return _finish(page, letter)


def _postalorder(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A postal order: a pink slip, wavy guilloche lines along its top and foot, each fact
    a line, the label at the left and the value bold in a white field at the right."""
    page = _start(rng, style, letter)
    order = len(page.rows)
    page.gap(2)
    for label, value in _rows(letter):
        top = len(page.rows)
        page.beside(_small(page, label, 0.14, 0.44), _bold(page, value, 0.5, 0.86, style.point + 0.5))  # fmt: skip
        page.rules.append(Mark("field", top, 0.48, 0.87, last=len(page.rows) - 1))
        page.gap()
    page.gap()
    page.rules.insert(0, Mark("order", order, 0.09, 0.91, last=len(page.rows) - 1))
    page.gap()
    return _finish(page, letter)


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "shiplabel": _shiplabel,
    "scales": _scales,
    "callcard": _callcard,
    "queue": _queue,
    "conveyor": _conveyor,
    "postalorder": _postalorder,
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
    return f"{name}. Company number {number}, registered in England and Wales; registered office {office}.{extra}"  # fmt: skip


FCA = " Authorised and regulated by the Financial Conduct Authority."
AGENCY = Org("Chineham Debt Recovery Services Ltd", "Suite 3, Chineham Court", "Basingstoke RG24 8WH", "01256 470 318",
             _ltd("Chineham Debt Recovery Services Ltd", "12840057", "Chineham Court, Basingstoke RG24 8WH", FCA), "Recoveries Team")  # fmt: skip
CARD = Org("Viables Card Services plc", "PO Box 6621", "Basingstoke RG22 4BS", "0345 604 2281",
           _ltd("Viables Card Services plc", "10471936", "Viables Business Park, Basingstoke RG22 4BS", FCA))  # fmt: skip
BOATS = Org("Loddon Narrowboat Finance Ltd", "Wharf Office, Old Basing", "Basingstoke RG24 7AL", "01256 462 905",
            _ltd("Loddon Narrowboat Finance Ltd", "07915284", "The Wharf, Old Basing RG24 7AL", FCA), "Boat Loans Team")  # fmt: skip
LENDER = Org("Kempshott Personal Loans Ltd", "PO Box 4417", "Basingstoke RG22 9DX", "0333 016 4472",
             _ltd("Kempshott Personal Loans Ltd", "11208639", "Kempshott Lane, Basingstoke RG22 5LU", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court Business Centre", "Civil National Business Centre, St Katharine's House, 21-27 St Katharine's Street", "Northampton NN1 2LH", "0300 123 1057",
                  "Issued for the County Court by the Civil National Business Centre. The court's staff cannot give you legal advice.", "Court Manager")  # fmt: skip
BASINGSTOKE_COURT = "County Court at Basingstoke"
JUDGMENT_COURT = Org(BASINGSTOKE_COURT, "The Court House, London Road", "Basingstoke RG21 4AB", "0300 123 5577",
                     "The County Court at Basingstoke sits at the Court House, London Road.", "Court Manager")  # fmt: skip
BROADBAND = Org("Popley Broadband Ltd", "Billing, 9 Popley Way", "Basingstoke RG24 9DS", "01256 338 140",
                _ltd("Popley Broadband Ltd", "09774201", "Popley Way, Basingstoke RG24 9DS"))  # fmt: skip
AGENTS = Org("Houndmills Enforcement Services Ltd", "Unit 17, Houndmills Road", "Basingstoke RG21 6XL", "01256 844 615",
             _ltd("Houndmills Enforcement Services Ltd", "08046613", "Houndmills Road, Basingstoke RG21 6XL", " Our agents are certificated under the Certification of Enforcement Agents Regulations 2014."), "Enforcement Office")  # fmt: skip
BOROUGH = "Basingstoke and Deane Borough Council"
TAX = Org(BOROUGH, "Revenues, Civic Offices, London Road", "Basingstoke RG21 4AH", "01256 844 844",
          "Basingstoke and Deane Borough Council, Civic Offices, London Road. Council tax pays for waste collection, parks and the Anvil's arts programme.", "Council Tax Team")  # fmt: skip
SCAFFOLD = Org("Daneshill Scaffolding Ltd", "Accounts, 4 Daneshill Industrial Estate", "Basingstoke RG24 8PH", "01256 352 019",
               _ltd("Daneshill Scaffolding Ltd", "05128847", "Daneshill Industrial Estate, Basingstoke RG24 8PH"), "Credit Control")  # fmt: skip
POWER = Org("Lychpit Electricity Supply Ltd", "PO Box 3390", "Basingstoke RG24 8FF", "0800 048 7712",
            _ltd("Lychpit Electricity Supply Ltd", "12266074", "Crabtree Road, Basingstoke RG24 8SR"), "Electricity Billing")  # fmt: skip
WATER = Org("Eastrop Water Services plc", "Household Accounts, Eastrop Lane", "Basingstoke RG21 4BD", "0345 278 0913",
            _ltd("Eastrop Water Services plc", "03106624", "Eastrop Lane, Basingstoke RG21 4BD"), "Household Accounts")  # fmt: skip
HMCTS = "HM Courts and Tribunals Service"
FINES = Org(HMCTS, "Fines Collection, The Court House, London Road", "Basingstoke RG21 4AB", "0300 790 6512",
            "Fines imposed at Basingstoke Magistrates' Court are collected by HM Courts and Tribunals Service.", "Fines Enforcement Officer")  # fmt: skip
STORECARD = Org("Festival Place Home Store Card Ltd", "Wote Street", "Basingstoke RG21 7BE", "0345 602 8813",
                _ltd("Festival Place Home Store Card Ltd", "06447190", "Wote Street, Basingstoke RG21 7BE", FCA))  # fmt: skip
BUYER = Org("Winklebury Debt Purchasing Ltd", "PO Box 7205", "Basingstoke RG23 8ZQ", "0333 212 6140",
            _ltd("Winklebury Debt Purchasing Ltd", "10985532", "Winklebury Way, Basingstoke RG23 8AF", FCA), "Acquired Accounts")  # fmt: skip
DWP = "Department for Work and Pensions"
DEBT = Org(DWP, "DWP Debt Management, PO Box 2388", "Sheffield S98 1DQ", "0800 916 0658",
           "DWP Debt Management collects money owed to the Department for Work and Pensions.", "Debt Management Team")  # fmt: skip
SOCIETY = Org("Hatch Warren Building Society", "Borrower Support, 1 Winton Square", "Basingstoke RG21 7EN", "01256 417 300",
              "Hatch Warren Building Society is authorised by the PRA and regulated by the FCA and the PRA (register no. 206118).", "Borrower Support")  # fmt: skip
HOMES = Org("Oakridge Housing Association", "Income Team, 30 Oakridge Road", "Basingstoke RG21 5RR", "01256 470 222",
            "Oakridge Housing Association is a charitable registered provider of social housing (no. L4471).", "Income Team")  # fmt: skip
PAYLATER = Org("Rucstall Pay Ltd", "support@rucstallpay.example", "Basingstoke RG21 6YS", "01256 330 915",
               _ltd("Rucstall Pay Ltd", "13604417", "Rucstall, Basingstoke RG21 6YS", FCA), "Rucstall Pay Helpdesk")  # fmt: skip
CATALOGUE = Org("Worting Home Shopping Ltd", "Customer Accounts, Worting Road", "Basingstoke RG22 6NJ", "0345 226 0418",
                _ltd("Worting Home Shopping Ltd", "05773096", "Worting Road, Basingstoke RG22 6NJ", FCA))  # fmt: skip
DENTISTS = Org("Beggarwood Family Dentists Ltd", "2 Beggarwood Lane", "Basingstoke RG22 4AN", "01256 460 771",
               _ltd("Beggarwood Family Dentists Ltd", "09330268", "Beggarwood Lane, Basingstoke RG22 4AN"))  # fmt: skip
SOLICITORS = Org("Cranbourne Marnel LLP", "Solicitors, 11 Sarum Hill", "Basingstoke RG21 8SR", "01256 816 404",
                 "Cranbourne Marnel LLP is a firm of solicitors authorised and regulated by the Solicitors Regulation Authority (SRA no. 662915).", "Debt Litigation Team")  # fmt: skip
DEPOT = Org("Kingsland Parcels Depot Ltd", "HR and Payroll, Unit 6, Kingsland Business Park", "Basingstoke RG24 8PZ", "01256 813 240",
            _ltd("Kingsland Parcels Depot Ltd", "07662518", "Kingsland Business Park, Basingstoke RG24 8PZ"), "Payroll")  # fmt: skip
POSTOFFICE = Org("Sarum Hill Post Office Ltd", "14 Sarum Hill", "Basingstoke RG21 8SP", "01256 329 058",
                 _ltd("Sarum Hill Post Office Ltd", "08915573", "Sarum Hill, Basingstoke RG21 8SP"), "Branch Manager")  # fmt: skip
BANK = Org("Loddon Vale Bank plc", "Basingstoke Festival Place branch, 5 Wote Street", "Basingstoke RG21 7BE", "0345 301 6620",
           _ltd("Loddon Vale Bank plc", "00611842", "Wote Street, Basingstoke RG21 7BE", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Loddon Vale Bank")  # fmt: skip
UNION = Org("Tadley and Brighton Hill Credit Union Ltd", "Brighton Hill Centre, Sullivan Road", "Basingstoke RG22 4EH", "01256 472 116",
            "Tadley and Brighton Hill Credit Union Ltd is authorised by the PRA and regulated by the FCA and the PRA (no. 215583).", "Members' Accounts")  # fmt: skip
UC = Org(DWP, "Universal Credit, Mail Handling Site A", "Wolverhampton WV98 1SY", "0800 328 5644",
         "Universal Credit is paid by the Department for Work and Pensions.", "Universal Credit Team")  # fmt: skip
PIP = Org(DWP, "Personal Independence Payment, Mail Handling Site B", "Wolverhampton WV98 2GH", "0800 121 4433",
          "Personal Independence Payment is paid by the Department for Work and Pensions.", "PIP Decision Maker")  # fmt: skip
CHOIR = Org("Chineham Village Choir", "c/o St Peter's Hall, Hanmore Road", "Basingstoke RG24 8NG", "07700 900 634",
            "We sing at Christmas, in the summer and whenever we are asked; new voices welcome.", "Choir Secretary")  # fmt: skip
ALLOTMENTS = Org("Kempshott Allotment Holders' Society", "c/o the site hut, Pack Lane", "Basingstoke RG22 5HN", "07700 900 217",
                 "Sixty plots, a seed swap every spring and a shared rotavator for members.", "Plot Secretary")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """The recovery firm's letter for a card issuer (even: the shipping label) or the
    narrowboat finance firm's arrears letter (odd: the conveyor)."""
    kinds = ("shiplabel", "conveyor")
    when, date = _when(rng), dated(rng)
    by = later(date, 14)
    if i % 2 == 0:
        owed = balance(rng)
        ref = f"CDR-{digits(rng, 4)}-{letters(rng, 2)}{digits(rng, 2)}"
        letter = Letter(
            org=AGENCY, title="Viables Card Services has asked Chineham to collect your balance", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
            ref_label="Chineham case code", ref=ref, date_label="Chineham wrote on",
            facts=[("Card balance to recover", owed), ("Chineham acts for", CARD.name), ("Please get in touch no later than", by)],
            paras=(f"{CARD.name} stopped your credit card after the payments lapsed, and it has instructed us to collect the balance on its behalf.",
                   f"The balance is {pounds(owed)}. Pay it, or ring the Recoveries Team to work out a payment you can manage, by {when(by)}.",
                   "We are a debt recovery firm and do not visit homes. StepChange, National Debtline and Citizens Advice give free advice, and we will hold your account for 30 days while you speak to them."),
        )  # fmt: skip
    else:
        owed = balance(rng, 26_000, 415_000)
        ref = f"LNF{digits(rng, 5)}/B"
        letter = Letter(
            org=BOATS, title="Your narrowboat loan has fallen behind", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, BOATS.name, ref, owed, date, deadline_date=by),
            ref_label="Narrowboat loan no.", ref=ref, date_label="Loddon letter produced",
            facts=[("Boat loan payments in arrears", owed), ("Vessel on the agreement", f"Liverpool Boats {rng.randrange(45, 62)} ft cruiser stern"), ("Bring the loan up to date by", by)],
            paras=("Monthly payments on the loan secured on your narrowboat have been missed.",
                   f"The arrears stand at {pounds(owed)}. Please pay them, or call the Boat Loans Team to set up a plan, by {when(by)}.",
                   "If the arrears are not paid we may issue a default notice. The boat is security for the loan until it is repaid in full."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("callcard", "postalorder")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 60_000, 545_000)
    fee = rng.choice((11_500, 20_500, 35_500))
    costs = rng.choice((8_000, 10_000))
    total = claimed + fee + costs
    ref = f"KPL{digits(rng, 7)}"
    number = f"{rng.choice('KLMN')}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 1)}{letters(rng, 1)}{digits(rng, 2)}"
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="A money claim has been issued against you by Kempshott Personal Loans", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, LENDER.name, ref, total, date, court_claim_number=number, served_date=served, deadline_date=by),
        ref_label="CNBC claim no.", ref=number, date_label="Date the CNBC issued it",
        facts=[("All claimed incl. court fee and costs", total), ("Claimant loan company", LENDER.name), ("Kempshott's loan reference", ref), ("Deemed served (5 days on)", served), ("Last day to respond to the court", by)],
        paras=(f"{LENDER.name} says a personal loan it made to you has not been repaid, and claims the balance with its court fee and costs.",
               f"It claims {pounds(claimed)}, with a court fee of {pounds(fee)} and legal representative's costs of {pounds(costs)}: {pounds(total)} in all. The claim is treated as served on {when(served)}.",
               f"Use the response pack to pay, admit all or part and offer payments, or defend the claim, by {when(by)}. Without a response the claimant may ask the court for judgment."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("queue", "scales")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 30_000, 615_000)
    ref = f"PB{digits(rng, 8)}"
    number = f"{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 2)}"
    by = later(date, 30)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    facts: list[Fact] = [
        ("Amount of the judgment with costs", owed),
        ("Popley broadband account", ref),
    ]
    if extra:
        facts.append(("Judgment sum payable by", by))
    how = (f"You must pay {pounds(owed)} to the claimant by {when(by)}." if extra
           else f"You must pay {pounds(owed)} to the claimant straight away.")  # fmt: skip
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment entered in default against you", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, BROADBAND.name, ref, owed, date, court_claim_number=number, **extra),
        ref_label="Basingstoke claim no.", ref=number, date_label="Date judgment was entered",
        facts=facts,
        paras=(f"{BROADBAND.name} made a claim against you for unpaid broadband charges, you did not reply, and judgment has been entered for it.",
               how + " Pay the claimant directly, not the court.",
               "If you pay in full within one month the judgment will not stay on the register. If you do not pay, the claimant may enforce it, for example by a warrant of control or an attachment of earnings order."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """The enforcement agents' notice under a writ of control (even: the postal order) or
    under the council's liability order (odd: the shipping label)."""
    kinds = ("postalorder", "shiplabel")
    when, date = _when(rng), dated(rng)
    case = f"HES/{digits(rng, 4)}/{digits(rng, 3)}"
    by = later(date, 7)
    if i % 2 == 0:
        debt = balance(rng, 60_000, 405_000)
        owed = debt + 7_500
        letter = Letter(
            org=AGENTS, title="Houndmills has a High Court writ of control against you", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, LENDER.name, case, owed, date, deadline_date=by),
            ref_label="Houndmills case no.", ref=case, date_label="Houndmills notice date",
            facts=[("Judgment debt and compliance fee", owed), ("Judgment creditor on the writ", LENDER.name), ("Goods may be taken after", by)],
            paras=(f"A writ of control has been issued by the High Court to enforce {LENDER.name}'s judgment against you, and passed to us.",
                   f"Pay {pounds(owed)} by {when(by)}. After that an enforcement agent may visit to take control of your goods, and more fees will be added.",
                   "Call the Enforcement Office now if someone at home is vulnerable or you cannot pay in one sum: we can consider an instalment plan, and free advice is open to you."),
        )  # fmt: skip
    else:
        tax = rng.randrange(50_000, 238_000)
        owed = tax + 7_500
        letter = Letter(
            org=AGENTS, title="Enforcement of unpaid Basingstoke and Deane council tax", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, BOROUGH, case, owed, date, deadline_date=by),
            ref_label="Houndmills case no.", ref=case, date_label="Houndmills notice date",
            facts=[("Council tax owed with £75 fee", owed), ("Order granted to", BOROUGH), ("Settle with Houndmills by", by)],
            paras=(f"{BOROUGH} obtained a liability order against you for unpaid council tax and has instructed us to collect it.",
                   f"Including our £75.00 compliance fee, {pounds(owed)} is due. Pay it, or phone us to arrange instalments, by {when(by)}.",
                   "If not, an enforcement agent may call and the £235.00 enforcement fee will be charged."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("conveyor", "queue")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 505_000, 1_960_000)
    ref, by = f"DSL{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=SCAFFOLD, title="Statutory demand (Insolvency Act 1986, section 268): a debt payable immediately", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, SCAFFOLD.name, ref, owed, date, deadline_date=by),
        ref_label="Daneshill ledger account", ref=ref, date_label="Daneshill demand signed",
        facts=[("Scaffold hire invoices unpaid", owed), ("21-day period ends", by)],
        paras=("Scaffolding was erected and hired to you on credit terms, and our invoices for it have not been paid.",
               f"The creditor demands that you pay {pounds(owed)}, or secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition. You may apply to the court to have this demand set aside within 18 days of its service. Get advice at once."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("scales", "callcard")
    when, date = _when(rng), dated(rng)
    ref, by = f"50{digits(rng, 7)}", later(date, 7)
    owed = rng.randrange(33_000, 214_000)
    letter = Letter(
        org=TAX, title="Reminder: your council tax instalments are behind", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, BOROUGH, ref, owed, date, deadline_date=by),
        ref_label="Council tax account (B&D)", ref=ref, date_label="B&D reminder posted",
        facts=[("B&D instalments unpaid", owed), ("Overdue sum must reach us by", by), ("B&D banding", f"Band {rng.choice('ABCDEF')}")],
        paras=("The council tax instalments due on your account have not been paid.",
               f"Please pay the overdue {pounds(owed)} by {when(by)}. If you do not, you lose the right to pay by instalments and the year's whole charge falls due.",
               "If your income is low you may qualify for Council Tax Support; the Council Tax Team can explain how to claim."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("postalorder", "queue")
    when, date = _when(rng), dated(rng)
    ref, by = f"LES-{digits(rng, 8)}", later(date, 14)
    owed = rng.randrange(5_800, 67_000)
    letter = Letter(
        org=POWER, title="Lychpit Electricity: the bill for your home", date=date, when=when,
        truth=owes(C.UTILITY_BILL, POWER.name, ref, owed, date, deadline_date=by),
        ref_label="Lychpit customer account", ref=ref, date_label="Electricity bill date",
        facts=[("Electricity used this period", owed), ("Lychpit needs payment by", by), ("Lychpit meter point no.", f"{digits(rng, 2)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 3)}")],
        paras=("This bill is for the electricity used at your home this period, from your smart meter's readings, and the daily standing charge.",
               f"Please pay {pounds(owed)}, including VAT at 5%, by {when(by)}.",
               "If paying is difficult, call Electricity Billing before then: we can set up a payment plan and check whether you can get any help with your bills."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("conveyor", "shiplabel")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 12_500, 155_000)
    ref, by = f"{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 2)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Eastrop Water: your account is in arrears", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Eastrop account no.", ref=ref, date_label="Eastrop arrears letter",
        facts=[("Water charges not paid", owed), ("Pay or agree a plan before", by)],
        paras=("Your water and wastewater charges have gone unpaid and the account is now in arrears.",
               f"The arrears are {pounds(owed)}. Please pay, or agree an instalment plan with us, before {when(by)}.",
               "We cannot cut off the water to your home, but we may pass the debt to a collection agency. Our social tariff may help if your household income is low."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("callcard", "scales")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(5_800, 122_000)
    ref, by = f"{digits(rng, 2)}/{digits(rng, 6)}/{rng.randrange(24, 27)}", later(date, 14)
    letter = Letter(
        org=FINES, title="Your court fine has not been paid: last warning", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, HMCTS, ref, owed, date, deadline_date=by),
        ref_label="Fine account at Basingstoke", ref=ref, date_label="Last warning sent",
        facts=[("Fine money still to come in", owed), ("Whole fine to be paid by", by)],
        paras=("The fine, costs and victim surcharge imposed at Basingstoke Magistrates' Court have not been paid as the court ordered.",
               f"{pounds(owed)} remains unpaid. Pay it all, or speak to the Fines Enforcement Officer, by {when(by)}.",
               "Otherwise the court may take the money from your wages or benefits, add it to the register, or pass it to enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("queue", "postalorder")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 9_000, 275_000)
    ref, old = (
        f"WDP{digits(rng, 3)}{letters(rng, 1)}{digits(rng, 4)}",
        f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}",
    )
    letter = Letter(
        org=BUYER, title="Your Festival Place store card debt now belongs to Winklebury", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=STORECARD.name),
        ref_label="Winklebury account code", ref=ref, date_label="Notice of sale dated",
        facts=[("Debt bought by Winklebury", owed), ("Card provider that sold it", STORECARD.name), ("Old store card no.", old)],
        paras=(f"{STORECARD.name} has sold and legally assigned your store card account to us, and the balance is now owed to us.",
               f"The balance we bought is {pounds(owed)}. No interest will be added to it.",
               "From now on pay us, using your new account code. Any payment arrangement you had stays in place."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("shiplabel", "callcard")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(22_000, 490_000)
    ref, by = (
        f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}",
        later(date, 30),
    )
    letter = Letter(
        org=DEBT, title="Carer's Allowance paid to you by mistake", date=date, when=when,
        truth=owes(C.OVERPAYMENT, DWP, ref, owed, date, deadline_date=by),
        ref_label="National Insurance no. (debt)", ref=ref, date_label="Debt letter sent",
        facts=[("Carer's Allowance paid in error", owed), ("Contact us to repay by", by)],
        paras=("Your earnings went over the limit for Carer's Allowance, so you were paid it for weeks you were not entitled.",
               f"The overpayment is {pounds(owed)}. Please repay it, or contact the Debt Management Team to agree how, by {when(by)}.",
               "We can take repayments from other benefits you get. If you think the decision is wrong, you can ask for it to be looked at again within one month."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("scales", "conveyor")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 50_000, 805_000), rng.randrange(55_000, 150_000)
    ref = f"HWB-{digits(rng, 4)}-{digits(rng, 4)}"
    letter = Letter(
        org=SOCIETY, title="Hatch Warren: missed mortgage payments", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Hatch Warren mortgage no.", ref=ref, date_label="Borrower Support wrote",
        facts=[("Hatch Warren shortfall", owed), ("Hatch Warren monthly repayment", monthly)],
        paras=("Your mortgage account is in arrears because payments were missed or were less than the amount due.",
               f"The arrears are {pounds(owed)}, and your contractual payment is {pounds(monthly)} each month.",
               "Please call Borrower Support so we can agree an arrangement you can keep to. Repossession is always a last resort, and MoneyHelper gives free guidance."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("postalorder", "conveyor")
    when, date = _when(rng), dated(rng)
    weekly = rng.randrange(9_200, 17_400)
    owed = weekly * rng.randrange(2, 16) + rng.choice((0, 1_250, 2_500))
    ref = f"OHA{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="Oakridge Housing: your rent has fallen behind", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Oakridge tenancy no.", ref=ref, date_label="Income Team letter",
        facts=[("Oakridge rent shortfall", owed), ("Rent and service charge weekly", weekly)],
        paras=("Your rent account shows arrears.",
               f"You owe {pounds(owed)} in rent, and your weekly rent and service charge is {pounds(weekly)}. Please contact the Income Team about paying it off.",
               "Tell us at once if the housing element of your Universal Credit has changed or stopped. We can put you in touch with free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("shiplabel", "queue")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 3_000, 122_000), later(date, 10)
    if i % 4 < 2:
        org, ref, title = (
            PAYLATER,
            f"RP-{letters(rng, 3)}{digits(rng, 6)}",
            "Rucstall Pay: two payments have bounced",
        )
        first = "We tried twice to collect your Rucstall Pay instalments from your card, and both attempts failed."
        date_label, ref_label = "Rucstall reminder date", "Rucstall order ID"
    else:
        org, ref, title = (
            CATALOGUE,
            f"WHS{digits(rng, 8)}",
            "Worting Home Shopping: payments overdue",
        )
        first = "Your Worting Home Shopping account is overdue, so we have paused new orders until it is back up to date."
        date_label, ref_label = "Catalogue statement date", "Worting shopper no."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label=ref_label, ref=ref, date_label=date_label,
        facts=[("Payments that failed", owed), ("Overdue payments wanted by", by)],
        paras=(first,
               f"{pounds(owed)} is overdue. Please pay it by {when(by)}, so that we do not have to tell the credit reference agencies the account is in arrears.",
               "If you are in financial difficulty, tell us and we will pause collection for 30 days while you get free advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("conveyor", "scales")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 33_000, 680_000), later(date, 30)
    ref = f"BFD{digits(rng, 5)}"
    letter = Letter(
        org=SOLICITORS, title="Letter before claim: Beggarwood Family Dentists", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, DENTISTS.name, ref, owed, date, deadline_date=by),
        ref_label="Dental patient account", ref=ref, date_label="Cranbourne Marnel letter",
        facts=[("Dental treatment unpaid", owed), ("Cranbourne Marnel act for", DENTISTS.name), ("Cranbourne Marnel need the form by", by)],
        paras=(f"We are instructed by {DENTISTS.name}, which provided private dental treatment to you that has not been paid for.",
               f"Our client is owed {pounds(owed)}. Please pay it, or complete and return the enclosed Reply Form, by {when(by)}.",
               "This letter is sent under the Pre-Action Protocol for Debt Claims. If we do not hear from you, our client may start court proceedings and claim interest and costs. The enclosed information sheet lists free advice services."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _depot(rng: random.Random, i: int) -> Doc:
    """A parcel depot's payslip: hours at the rate and a night sort premium, "Earnings this
    period" then "Depot deductions"; weekly or fortnightly."""
    org, date, when = DEPOT, dated(rng), _when(rng)
    date = later(date, (3 - date.weekday()) % 7)  # a Thursday
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    weeks = {"weekly": 1, "fortnightly": 2}[frequency]
    hours = rng.choice((35.0, 37.5, 42.0)) * weeks
    rate = rng.choice((1_262, 1_318, 1_354))
    basic = round(hours * rate)
    premium = rng.randrange(0, 6) * 1_150 * weeks
    gross = basic + premium
    cuts = [("Tax via payroll", gross * 10 // 100), ("Class 1 National Insurance", gross * 6 // 100), ("Depot pension plan", gross * 5 // 100), ("Hi-vis vest deposit", 250 * weeks)]  # fmt: skip
    off = sum(a for _, a in cuts)
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Depot pay statement", True, size=style.point + 3), rt(0.92, f"Pay date {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}, parcel sorter, night shift", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Clock no. {digits(rng, 5)}   Code 1257L   NI letter A", size=size),)).gap()  # fmt: skip
    page.add((t(0.08, "Earnings this period", True, size=size), rt(0.7, "Hours at rate", True, size=size), rt(0.9, "GBP", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 90)
    page.add((t(0.1, "Sorting hours", size=size), rt(0.7, f"{hours:.2f} @ {plain(rate)}", size=size), rt(0.9, plain(basic), size=size)))  # fmt: skip
    page.add((t(0.1, "Night sort premium", size=size), rt(0.9, plain(premium), size=size)))
    page.add((t(0.08, "Earnings added up", True, size=size), rt(0.9, plain(gross), True, size=size))).gap()  # fmt: skip
    page.add((t(0.08, "Depot deductions", True, size=size), rt(0.9, "GBP", True, size=size)))
    page.rule(0.08, 0.92, 90)
    for what, amount in cuts:
        page.add((t(0.1, what, size=size), rt(0.9, plain(amount), size=size)))
    page.add((t(0.08, "Deductions added up", True, size=size), rt(0.9, plain(off), True, size=size))).gap()  # fmt: skip
    top = len(page.rows)
    page.add((t(0.5, "Net pay sent to your bank", True, size=size), rt(0.9, plain(gross - off), True, size=style.point + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.48, 0.92, True, 225))
    page.gap()
    page.para("Query your pay with Payroll within 28 days of the pay date.", size=SMALL)
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def _counter(rng: random.Random, i: int) -> Doc:
    """A post office's payslip: "In" and "Out" columns (a salary and a counter duties
    allowance in, the deductions out); monthly or four-weekly."""
    org, date, when = POSTOFFICE, dated(rng), _when(rng)
    frequency = ("monthly", "four_weekly")[(i // 2) % 2]
    salary = {"monthly": rng.randrange(186_000, 228_000), "four_weekly": rng.randrange(170_000, 212_000)}[frequency]  # fmt: skip
    allowance = rng.choice((0, 3_500, 7_000, 10_500))
    gross = salary + allowance
    less = [("Counter staff income tax", gross * 9 // 100), ("Employee's NI", gross * 6 // 100), ("Stakeholder pension", gross * 4 // 100)]  # fmt: skip
    off = sum(a for _, a in less)
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[(i + 2) % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Counter staff payslip", True, size=style.point + 3),))
    page.add((t(0.08, f"{first} {surname}, counter clerk", size=size), rt(0.92, f"Paid {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, FREQUENCY_SHOWN[frequency][0], size=size), rt(0.92, f"Staff no. {digits(rng, 4)}", size=size))).gap()  # fmt: skip
    page.add((t(0.1, "Line", True, size=size), rt(0.72, "In", True, size=size), rt(0.9, "Out", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 80)
    for what, amount in [
        ("Salary for the period", salary),
        ("Counter duties allowance", allowance),
    ]:
        page.add((t(0.1, what, size=size), rt(0.72, plain(amount), size=size)))
    for what, amount in less:
        page.add((t(0.1, what, size=size), rt(0.9, plain(amount), size=size)))
    page.rule(0.08, 0.92, 80)
    page.add((t(0.1, "Totals", True, size=size), rt(0.72, plain(gross), True, size=size), rt(0.9, plain(off), True, size=size)))  # fmt: skip
    page.add((t(0.1, "Net pay for the period", True, size=size), rt(0.9, plain(gross - off), True, size=style.point + 1.5)))  # fmt: skip
    page.gap()
    page.para("The counter duties allowance is paid for each period you work at the counter.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """The parcel depot's pay statement (even) or the post office's payslip (odd)."""
    return _depot(rng, i) if i % 2 == 0 else _counter(rng, i)


def _signed(pence: int) -> str:
    return plain(pence) if pence >= 0 else f"-{plain(-pence)}"


def _bank(rng: random.Random, i: int) -> Doc:
    """A bank's current account: date, details, money out, money in, balance."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Loddon Vale current account", True, size=style.point + 2), rt(0.92, f"Statement ending {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Sort code 20-{digits(rng, 2)}-{digits(rng, 2)}   Account no. {digits(rng, 8)}   Statement {rng.randrange(8, 140)}", size=size),)).gap()  # fmt: skip
    xs = (0.62, 0.77, 0.92)
    page.add((t(0.08, "Date", True, size=size), t(0.19, "Details", True, size=size), *(rt(x, h, True, size=size) for x, h in zip(xs, ("Money out", "Money in", "Balance"), strict=True))))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(2_500, 72_000)
    page.add(
        (t(0.19, "Loddon Vale opening figure", size=size), rt(0.92, _signed(running), size=size))
    )
    items = [("KINGSLAND PARCELS PAY", rng.randrange(36_000, 74_000)), ("DD BDBC COUNCIL TAX", -rng.randrange(9_500, 19_000)),
             ("CARD SAINSBURYS BASINGSTOKE", -rng.randrange(1_600, 8_400)), ("DD LYCHPIT ELEC", -rng.randrange(4_200, 12_800)),
             ("KINGSLAND PARCELS PAY", rng.randrange(36_000, 74_000)), ("CASH FESTIVAL PLACE", -1_000 * rng.randrange(1, 7)),
             ("STAGECOACH BASINGSTOKE", -rng.randrange(450, 2_300))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        cells = [t(0.08, f"{later(date, -offset):%d/%m}", size=size), t(0.19, what, size=size)]
        cells.append(rt(xs[0] if amount < 0 else xs[1], plain(abs(amount)), size=size))
        cells.append(rt(0.92, _signed(running), size=size))
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.19, "Loddon Vale closing figure", True, size=size), rt(0.92, _signed(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("A minus sign before a balance means the account is overdrawn. Tell us straight away about any payment you do not recognise.", size=SMALL)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def _union(rng: random.Random, i: int) -> Doc:
    """A credit union's share account: each line's amount signed (money out with a minus),
    the share balance after it."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, UNION, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Members' share account", True, size=style.point + 2),))
    page.add((t(0.08, f"Member no. {digits(rng, 6)}", size=size), rt(0.92, f"As at {when(date)}", size=size))).gap()  # fmt: skip
    page.add((t(0.08, "Day", True, size=size), t(0.22, "Entry", True, size=size), rt(0.72, "Amount", True, size=size), rt(0.92, "Shares", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(9_000, 115_000)
    page.add((t(0.22, "Shares brought forward", size=size), rt(0.92, plain(running), size=size)))
    items = [("Payroll deduction saved", rng.randrange(2_000, 6_500)), ("Cash taken out", -1_000 * rng.randrange(1, 4)),
             ("Universal Credit received", rng.randrange(32_000, 82_000)), ("Loan repayment to us", -rng.randrange(4_000, 12_500)),
             ("Payroll deduction saved", rng.randrange(2_000, 6_500)), ("Standing order to Eastrop Water", -rng.randrange(2_600, 6_800))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        page.add((t(0.08, f"{later(date, -offset):%d %b}", size=size), t(0.22, what, size=size), rt(0.72, _signed(amount), size=size), rt(0.92, plain(running), size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    page.add((t(0.22, "Shares carried forward", True, size=size), rt(0.92, plain(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("A minus sign marks money taken from your shares. Your shares are protected by the FSCS.", size=SMALL)  # fmt: skip
    _foot(page, UNION)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def bank_statement(rng: random.Random, i: int) -> Doc:
    """The bank's current account (even) or the credit union's shares (odd)."""
    return _bank(rng, i) if i % 2 == 0 else _union(rng, i)


def benefit(rng: random.Random, i: int) -> Doc:
    """Universal Credit (even: the scales) or Personal Independence Payment (odd: the
    postal order)."""
    kinds = ("scales", "postalorder")
    when, date = _when(rng), dated(rng)
    ref = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}"
    if i % 2 == 0:
        org, what = UC, "Universal Credit"
        frequency = "monthly"
        paid = rng.randrange(40_000, 140_000)
    else:
        org, what = PIP, "Personal Independence Payment"
        frequency = "four_weekly"
        paid = 4 * rng.choice((7_300, 10_920, 18_440))
    letter = Letter(
        org=org, title=f"Your {what} payments", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="Claimant's NI number", ref=ref, date_label="DWP decision letter date",
        facts=[("Amount landing each time", paid), ("How the DWP pays it", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"We have decided how much {what} you will get.",
               f"We will pay you {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]} into your bank account.",
               "You must tell us at once about changes, for example if you start work, move home or someone joins or leaves your household."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the choir's concert (the delivery card) and the allotment society's
    seed swap (the queue display)."""
    kinds = ("callcard", "queue")
    when, date = _when(rng), dated(rng)
    on = later(date, 9 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=CHOIR, title="Summer concert in the village hall", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Your voice part", ref=rng.choice(("Soprano", "Alto", "Tenor", "Bass")),
            facts=[("Concert evening", on), ("Final rehearsal starts", "6 pm in the hall"), ("Dress for singers", "Black with a green scarf")],
            paras=("Thank you for all your work at the spring rehearsals.",
                   f"The concert is on {when(on)}; doors open at seven and the programme is folk songs and madrigals.",
                   "Friends and family are welcome, and the raffle raises money for the hall roof."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=ALLOTMENTS, title="Seed swap and plot inspection", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Plot you hold", ref=f"Plot {rng.randrange(1, 61)}",
            facts=[("Seed swap on", on), ("Swap held at", "The site hut, 10 am")],
            paras=("Thank you to everyone who helped mend the water trough.",
                   f"The seed swap is on {when(on)}; bring spare seeds in labelled packets.",
                   "The committee will walk round the plots the same morning; tea is in the hut."),
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
class BDSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 5460


def build_bd(per_class: int = 4, *, seed: int = SEED) -> list[BDSample]:
    """``per_class`` documents of every class, held out, family ``<class>:BD``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, BDSample)


PRINT = Printer(FONTS.font, FONTS.measure)


def page_size(sample: BDSample, dpi: int) -> tuple[int, int]:
    return PRINT.page_size(sample, dpi)


def bd_text(sample: BDSample) -> str:
    """Every page's text, pages apart by form feeds."""
    return PRINT.text(sample)


def bd_pages(sample: BDSample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return PRINT.pages(sample, dpi=dpi)


# -- drawing the page ---------------------------------------------------------------------------


@frozen
class BDScan:
    dpi: int
    skew: float
    """Degrees."""
    bubbles: bool = False
    """A sheet of bubble wrap over part of the page; colour."""
    tyres: bool = False
    """A sack truck's muddy tyre tracks; colour."""
    sorting: bool = False
    """A sorting machine's fluorescent bar code; greyscale, as PDF."""


SCANS = (
    BDScan(dpi=240, skew=0.3, bubbles=True),
    BDScan(dpi=220, skew=-0.5, tyres=True),
    BDScan(dpi=230, skew=0.25, sorting=True),
)

PAPER = (253, 252, 249)
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


def _board(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """Brown cardboard, its flutes showing as faint lines."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=CARDBOARD)
    step = max(4, g.body // 2)
    for y in range(y0 + step, y1, step):
        pen.line((x0, y, x1, y), fill=(184, 148, 100), width=1)


def _label_sheet(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The white label, a heavy black bar down its left edge."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=(255, 255, 255), outline=(120, 110, 96), width=max(1, g.line))  # fmt: skip
    pen.rectangle((x0 + g.x(0.006), y0 + g.body // 2, x0 + g.x(0.022), y1 - g.body // 2), fill=INK)  # fmt: skip


def _sortcode(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A black sort-code block with a white arrow in it (shapes, no letters)."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=INK)
    cy, h = (y0 + y1) // 2, (y1 - y0) // 4
    pen.polygon([(x0 + (x1 - x0) // 5, cy - h // 2), (x0 + (x1 - x0) // 2, cy - h // 2), (x0 + (x1 - x0) // 2, cy - h),
                 (x1 - (x1 - x0) // 6, cy), (x0 + (x1 - x0) // 2, cy + h), (x0 + (x1 - x0) // 2, cy + h // 2),
                 (x0 + (x1 - x0) // 5, cy + h // 2)], fill=(255, 255, 255))  # fmt: skip


def _heavy(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.top(m.row) - g.body // 4
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=INK, width=max(2, g.line * 3))


def _scale(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A scale: a grey body, a steel pan across its top, two feet."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rounded_rectangle((x0, y0, x1, y1), radius=max(6, g.body // 2), fill=SCALE_GREY, outline=(110, 114, 122), width=max(1, g.line))  # fmt: skip
    pan = max(3, g.body // 3)
    pen.rounded_rectangle((x0 + g.x(0.02), y0 - pan, x1 - g.x(0.02), y0 + pan // 2), radius=pan // 2, fill=(226, 228, 232), outline=(120, 124, 130))  # fmt: skip
    for fx in (x0 + g.x(0.03), x1 - g.x(0.05)):
        pen.rectangle((fx, y1, fx + g.x(0.02), y1 + pan), fill=(70, 72, 78))


def _readout(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1 + g.body // 6), fill=READOUT, outline=(80, 90, 80), width=max(1, g.line))  # fmt: skip


def _card(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The delivery card: pale yellow, a red band across its top."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=CALL_YELLOW, outline=(150, 140, 100), width=max(1, g.line))
    pen.rectangle((x0, y0, x1, y0 + g.body), fill=CALL_RED)


def _writein(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.top(m.row) - g.body // 6
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(60, 60, 60), width=max(1, g.line))


def _bezel(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The queue display: a black bezel round a lit amber screen."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pad = max(6, g.body)
    pen.rounded_rectangle((x0 - pad, y0 - pad, x1 + pad, y1 + pad), radius=pad, fill=BEZEL)
    pen.rectangle((x0, y0, x1, y1), fill=SCREEN)


def _tile(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A ticket tile: dark, with three lit bars (a ticket number as shapes, no figures)."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=(60, 40, 20))
    w = (x1 - x0) // 7
    for k in range(3):
        bx = x0 + w + k * 2 * w
        pen.rectangle((bx, y0 + (y1 - y0) // 4, bx + w, y1 - (y1 - y0) // 4), fill=(250, 180, 70))


def _belt(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=(236, 236, 232), outline=(150, 150, 150), width=max(1, g.line))  # fmt: skip


def _box(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A parcel: brown, a strip of packing tape along its top."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=CARDBOARD, outline=(140, 110, 70), width=max(1, g.line))
    pen.rectangle((x0, y0, x1, y0 + max(4, g.body // 2)), fill=PACKING)


def _patch(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=(255, 255, 255))


def _rollers(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A row of rollers: grey circles across the row's middle."""
    y = g.top(m.row) + g.heights[min(m.row, len(g.heights) - 1)] // 2
    r = max(3, g.body // 3)
    x = g.x(m.x0) + r
    while x < g.x(m.x1) - r:
        pen.ellipse((x - r, y - r, x + r, y + r), fill=(170, 172, 178), outline=(90, 92, 98))
        x += 3 * r


def _order(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The postal order: pink, wavy guilloche lines along its top and foot."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=ORDER_PINK, outline=GUILLOCHE, width=max(1, g.line))
    band = max(6, g.body)
    for edge in (y0 + band // 2 + 2, y1 - band // 2 - 2):
        for phase in (0.0, 1.6, 3.2):
            points = [(x, edge + band / 2.5 * math.sin(x / (band * 0.8) + phase)) for x in range(x0 + 2, x1 - 2, 3)]  # fmt: skip
            pen.line(points, fill=GUILLOCHE, width=1)


def _field(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=(255, 255, 255), outline=GUILLOCHE, width=max(1, g.line))  # fmt: skip


PAINT: dict[str, Callable[[ImageDraw.ImageDraw, _Geo, Mark], None]] = {
    "rule": _rule,
    "board": _board,
    "shiplabel": _label_sheet,
    "sortcode": _sortcode,
    "heavy": _heavy,
    "scale": _scale,
    "readout": _readout,
    "callcard": _card,
    "writein": _writein,
    "bezel": _bezel,
    "tile": _tile,
    "belt": _belt,
    "box": _box,
    "patch": _patch,
    "rollers": _rollers,
    "order": _order,
    "field": _field,
}
UNDER = ("board", "shiplabel", "callcard", "bezel", "belt", "order")
"""Drawn first: what other shapes stand on."""


def _draw(sample: BDSample, n: int, dpi: int) -> Image.Image:
    """Page ``n`` drawn clean: the board, label, card, display, belt and order first, then
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


TRUE_FIELDS = ("creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date", "deadline_date", "court_claim_number", "payer_name", "income_pence", "gross_pence", "frequency", "served_date")  # fmt: skip


def _free_rows(sample: BDSample, n: int) -> list[int]:
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


def _bubbles(image: Image.Image, rng: random.Random, skew: float, dpi: int) -> Image.Image:
    """Colour; a sheet of bubble wrap left over part of the page: a band of bubbles on a
    staggered grid, each with a bright crescent of reflected light and a faint dark rim,
    the film between them greying the page a little; a little askew. The marks are drawn
    at half size and blended at full size by Pillow."""
    w, h = image.size
    hw, hh = w // 2, h // 2
    light = Image.new("L", (hw, hh), 0)
    dark = Image.new("L", (hw, hh), 0)
    lpen, dpen = ImageDraw.Draw(light), ImageDraw.Draw(dark)
    r = dpi / 2 * rng.uniform(0.1, 0.13)
    top = rng.uniform(0.1, 0.45) * hh
    bottom = min(hh, top + rng.uniform(0.3, 0.5) * hh)
    left = rng.uniform(0.0, 0.2) * hw
    right = hw - rng.uniform(0.0, 0.2) * hw
    dpen.rectangle((left, top, right, bottom), fill=18)
    step = 2.6 * r
    y, k = top + r, 0
    while y < bottom - r:
        x = left + r + (step / 2 if k % 2 else 0)
        while x < right - r:
            dpen.ellipse((x - r, y - r, x + r, y + r), outline=70, width=max(1, round(r / 7)))
            lpen.arc((x - r * 0.7, y - r * 0.7, x + r * 0.7, y + r * 0.7), 200, 290, fill=200, width=max(1, round(r / 5)))  # fmt: skip
            x += step
        y += step * 0.87
        k += 1
    soft = ImageFilter.GaussianBlur(max(0.8, dpi / 300))
    dmask = dark.filter(soft).resize((w, h), Image.Resampling.BILINEAR)
    lmask = light.filter(soft).resize((w, h), Image.Resampling.BILINEAR)
    grey = ImageChops.multiply(image, Image.new("RGB", (w, h), (150, 152, 158)))
    out = Image.composite(grey, image, dmask)
    out = Image.composite(Image.new("RGB", (w, h), (255, 255, 255)), out, lmask)
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(245, 244, 240))  # fmt: skip


MUD = (128, 112, 92)


def _tyres(image: Image.Image, rng: random.Random, skew: float, dpi: int) -> Image.Image:
    """Colour; a sack truck's muddy tyre tracks: two parallel treads of grey-brown blocks
    (chevrons, patchy where the mud ran out) running across the page at a slant; a little
    askew. The tracks are drawn at half size on a strip, turned, and blended at full size."""
    w, h = image.size
    hw, hh = w // 2, h // 2
    tread = round(dpi / 2 * 0.32)
    apart = round(dpi / 2 * 1.3)
    length = int(math.hypot(hw, hh)) + tread * 2
    strip = Image.new("L", (length, apart + tread * 2), 0)
    pen = ImageDraw.Draw(strip)
    block = max(3, tread // 3)
    for lane in (0, apart):
        fade = rng.uniform(0.0, 0.4)
        for x in range(0, length, block * 2):
            strength = round(150 * max(0.15, 1 - fade - x / length * rng.uniform(0.2, 0.7)))
            pen.polygon([(x, lane), (x + block, lane + tread // 2), (x, lane + tread), (x + block // 2, lane + tread), (x + block * 3 // 2, lane + tread // 2), (x + block // 2, lane)], fill=strength)  # fmt: skip
    angle = rng.uniform(-35, 35)
    turned = strip.filter(ImageFilter.GaussianBlur(max(0.7, dpi / 400))).rotate(angle, expand=True, resample=Image.Resampling.BILINEAR)  # fmt: skip
    mask = Image.new("L", (hw, hh), 0)
    mask.paste(turned, (round(hw / 2 - turned.width / 2 + rng.uniform(-0.2, 0.2) * hw), round(hh / 2 - turned.height / 2 + rng.uniform(-0.25, 0.25) * hh)))  # fmt: skip
    full = mask.resize((w, h), Image.Resampling.BILINEAR)
    out = Image.composite(ImageChops.multiply(image, Image.new("RGB", (w, h), MUD)), image, full)
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(249, 248, 244))  # fmt: skip


FLUORESCENT = (255, 128, 40)
"""The sorting machine's orange ink."""


def _code(pen: ImageDraw.ImageDraw, rng: random.Random, x0: int, x1: int, y: int, dpi: int) -> None:
    """A four-state bar code from ``x0`` to ``x1`` centred on ``y``: each bar a tracker, an
    ascender, a descender or full height."""
    bar, gap, half = max(2, dpi // 60), max(2, dpi // 45), max(4, dpi // 18)
    x = x0
    while x < x1:
        kind = rng.randrange(4)
        top = y - half if kind in (1, 3) else y - half // 3
        bottom = y + half if kind in (2, 3) else y + half // 3
        pen.rectangle((x, top, x + bar, bottom), fill=FLUORESCENT)
        x += bar + gap


def _sorting(image: Image.Image, sample: BDSample, n: int, dpi: int, rng: random.Random, skew: float) -> Image.Image:  # fmt: skip
    """Greyscale; a sorting machine's fluorescent orange bar code, sprayed along the foot
    and across a line that holds no true value; the scan's grey a little noisy; a little
    askew."""
    w, h = image.size
    pen = ImageDraw.Draw(image)
    _code(pen, rng, round(w * 0.1), round(w * rng.uniform(0.6, 0.85)), round(h * 0.965), dpi)
    tops, heights = PRINT.rows(sample, n, dpi)
    free = [k for k in _free_rows(sample, n) if k + 1 < len(tops)]
    if free:
        row = rng.choice(free)
        x0 = round(w * rng.uniform(0.08, 0.3))
        _code(pen, rng, x0, x0 + round(w * rng.uniform(0.3, 0.5)), tops[row] + heights[row] // 2, dpi)  # fmt: skip
    grey = image.convert("L")
    arr = np.asarray(grey, dtype=np.int16)
    noise = np.random.default_rng(rng.randrange(1 << 30)).integers(-3, 4, arr.shape, dtype=np.int16)  # fmt: skip
    out = Image.fromarray(np.clip(arr + noise, 0, 255).astype(np.uint8))
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=246)


def render(sample: BDSample, n: int, scan: BDScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.bubbles:
        return _bubbles(image, rng, scan.skew, scan.dpi)
    if scan.tyres:
        return _tyres(image, rng, scan.skew, scan.dpi)
    return _sorting(image, sample, n, scan.dpi, rng, scan.skew)


def bd_scanned(sample: BDSample, index: int) -> tuple[bytes, str, BDScan]:
    """Scanned one of three ways: under bubble wrap as colour JPEG with its resolution
    (quality ``QUALITY``), tyre-tracked as colour PNG (its resolution at even indexes), bar
    coded by the sorting machine as a one-page greyscale PDF (230 dpi); documents of more
    pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 89 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or scan.sorting:
        return encode_pages([im.convert("L") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.bubbles:
        out = io.BytesIO()
        images[0].save(out, format="JPEG", quality=QUALITY, dpi=(scan.dpi, scan.dpi))
        return out.getvalue(), "jpeg", scan
    return encode_pages(images, "png", scan.dpi if index % 2 == 0 else None), "png", scan


__all__ = [
    "ALL_SHAPES",
    "DATE_SHAPES",
    "FAMILY",
    "SCANS",
    "SEED",
    "TEMPLATES",
    "BDSample",
    "BDScan",
    "bd_pages",
    "bd_scanned",
    "bd_text",
    "build_bd",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
