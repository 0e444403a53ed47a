# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AW``, written blind: a forty-second measure of how the reader
generalises, in a forty-second hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I``,
``J``, ``AA`` to ``AL``, ``AN`` to ``AU``; family ``AV`` was written by another hand at the
same time, and neither saw the other's).

``AW`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``values_found``, ``money``, ``encode_pages``), the shared page
engine (``corpus_print``), the shared test helpers, family AS's module and tests and the
commits that registered and measured AS and AU (their benchmark registrations only), and,
by grep only, the other families' modules for place names, bodies, setting words, date
shapes and scan words, to avoid them -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``, ``prose.py``,
``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``statement_tables.py``, ``label_learning.py``, ``read_families.py``,
the rankers, the Tesseract extractor, the locator, the creditor directory), its reading
tests, nor any account of its misses. It is never used to write rules, to train or
calibrate the classifier or the field ranker (``build_corpus`` never yields it), nor to
choose models: it is measured, and only the aggregate figures go into benchmarks/OCR.md.
Whoever reads its individual misses to change the reader makes ``AW`` no longer blind and
must say so there.

**AW is no longer blind since round 42** (branch ``reader42``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AW
from then on is a training-side figure (benchmarks/OCR.md, "Round 42").

Grep found Coventry, and every district and suburb named below, in no family (only
"Radford", a surname in the generated corpus, so no name here says Radford), so ``AW`` is
set in Coventry under the law of England and Wales: a claim issued by the Civil National
Business Centre, a judgment of the County Court at Coventry, enforcement agents' notices
(a writ of control and a council tax liability order), Coventry City Council's council tax,
fines imposed at Coventry Magistrates' Court, a statutory demand under the Insolvency Rules
2016 and a letter before claim under the Pre-Action Protocol for Debt Claims; so:

* who writes: a Hillfields collection agency for a card firm and a Canley car finance
  firm's arrears letter; a claim for a Whoberley personal loan and a judgment for Wyken
  broadband charges; Cheylesmore enforcement agents (a writ of control after the
  judgment, or council tax after a liability order: both enforcement); a Foleshill
  builders' merchant's statutory demand; Coventry City Council's council tax; an
  electricity supplier and a water company; fines; a debt purchaser buying a store card;
  a Carer's Allowance overpayment (the DWP); a building society; a housing association; a
  split-payment app and a home shopping catalogue; solicitors for a dental practice;
  Personal Independence Payment and Attendance Allowance (the DWP); a car parts plant and a
  care home as employers; a bank's current account and a credit union's; an allotment
  society and a community choir;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **chessboard**: the facts in the squares of a board (three squares a row, dark and
    light in turn, the label small over the value in each);
  - **comic**: a comic strip, two panels a row, in each a speech bubble (the label small
    over the value) with its tail to a speaker drawn under it;
  - **gantt**: a Gantt chart: the label at the left as a task's name, the value written on
    a bar that starts further right on every line, weeks across the head;
  - **books**: a stack of books lying on their sides, a fact on each book's spine-edge
    (the label at the left of it, the value beside), no two books the same length;
  - **train**: a train of carriages, two a row coupled together, the first an engine with
    a chimney, each carriage holding a label over its value, wheels and rails under them;
  - **stones**: stepping stones across a stream, a fact on each oval stone, the stones
    left and right of the stream's middle in turn, each label centred over its value;
  payslips for a car parts plant (hours at the rate and a shift premium, weekly or
  fortnightly, "Earnings" and "Deductions" one under the other) or a care home (a monthly
  or four-weekly salary with sleep-in shifts, each line "Pay" or "Less"); bank statements
  from a bank's current account (money out, money in and balance columns) or a credit
  union's (each line's amount signed, its shares balance after it);
* faces: Carlito under Caladea Bold headings, Caladea under Liberation Sans Narrow Bold
  headings, DejaVu Sans under DejaVu Serif Bold headings, 9.5 to 11 pt; each italic the
  body's own;
* dates as "Friday 04.12.26" (the weekday in full, the day and month padded, dots, the year
  cut) and "4-December-2026" (hyphens round the month in full); amounts as "£1,234.56" and,
  in tables and cells, "1,234.56";
* scans new to the families: black mould from a damp home (a yellowed damp stain spreading
  from one corner of the page with colonies of dark specks in it; 260 dpi colour JPEG with
  its resolution); a child's crayon scribbles (waxy red, blue and green zigzags in the
  margins and over a line that holds no true value; 200 dpi colour PNG, its resolution at
  even indexes); grease spots from a takeaway (soft translucent grey blotches with darker
  rims; 240 dpi greyscale, as a one-page PDF).

What grep found taken, and replaced (checked before any measuring): the task's "index card
from a library catalogue drawer" is AL's index card (so the stack of books); its "till
receipt roll" is J's till roll (so the train of carriages); its "pie chart with a legend" is
AJ's pie and legend (so the stepping stones); its "faint carbon copy" is AA's blue carbon
copy (so the mould); its "raindrops on a phone photo" are AK's raindrops (so the crayon);
its "page folded in thirds" is X's page folded in three (so the grease spots). The
chessboard, the comic strip and the Gantt chart are new (J named a chess club and AN the
Uig chessmen, never a board; Y set one sum in a bubble-like callout, never a strip of
speech bubbles). Not all of the above is new: "£1,234.56" and "1,234.56" are many
families'; the courts, the DWP's benefits and the enforcement words are the law's and the
state's; the fonts are the families' fonts (in pairings not checked exhaustively against
theirs); AP set a tinted "spine" column (never a stack of books), AH's scanner carriage
judders (never a train's carriage), AR pegged cards to a washing line (never stones).

Ground truth follows L's to AU's conventions: ``creditor_name`` is whoever is owed now (the
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

FAMILY = "AW"

PEOPLE = (
    ("Mr", "Gurdeep", "Sandhu-Hollis"),
    ("Mrs", "Bernadette", "Okonjo"),
    ("Ms", "Kerry-Ann", "Mulvaney"),
    ("Mr", "Tomasz", "Wieczorek"),
)
ADDRESSES = (
    ("27 Moat House Lane", "Canley, Coventry", "CV4 8BN"),
    ("Flat 6, 112 Stoney Stanton Road", "Foleshill, Coventry", "CV6 5FA"),
    ("9 Hawkesmill Close", "Allesley, Coventry", "CV5 9QT"),
    ("Flat 3, 48 Earlsdon Avenue South", "Earlsdon, Coventry", "CV5 6DU"),
)

# -- date and money shapes -------------------------------------------------------------------


def weekday_dots(date: dt.date) -> str:
    """Friday 04.12.26: the weekday in full, the day and month padded, dots, the year cut."""
    return f"{date:%A} {date:%d.%m.%y}"


def hyphen_month(date: dt.date) -> str:
    """4-December-2026: hyphens round the month in full, the day unpadded."""
    return f"{date.day}-{date:%B}-{date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (weekday_dots, hyphen_month)
"""The shapes a document's dates take (one a document)."""
ALL_SHAPES = DATE_SHAPES


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Paid weekly, every Thursday", "every week"),
    "fortnightly": ("Paid fortnightly, alternate Thursdays", "every two weeks"),
    "four_weekly": ("Paid in arrears every four weeks", "every four weeks"),
    "monthly": ("Paid monthly on the 28th", "every month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AW prints a true value (to check it is on the page, or in an OCR text)."""
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
    "carlito": {
        (False, False): _CX + "Carlito-Regular.ttf",
        (True, False): _CX + "Caladea-Bold.ttf",
        (False, True): _CX + "Carlito-Italic.ttf",
        (True, True): _CX + "Caladea-BoldItalic.ttf",
    },
    "caladea": {
        (False, False): _CX + "Caladea-Regular.ttf",
        (True, False): _LB + "LiberationSansNarrow-Bold.ttf",
        (False, True): _CX + "Caladea-Italic.ttf",
        (True, True): _LB + "LiberationSansNarrow-BoldItalic.ttf",
    },
    "dvsans": {
        (False, False): _DV + "DejaVuSans.ttf",
        (True, False): _DV + "DejaVuSerif-Bold.ttf",
        (False, True): _DV + "DejaVuSans-Oblique.ttf",
        (True, True): _DV + "DejaVuSerif-BoldItalic.ttf",
    },
}
"""Each body face under headings of another family: Carlito under Caladea Bold, Caladea
under Liberation Sans Narrow Bold, DejaVu Sans under DejaVu Serif Bold; each italic the
body's own."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)

INK = (26, 24, 32)
DARK_SQUARE = (206, 198, 184)
LIGHT_SQUARE = (248, 245, 236)
BOOKS = ((222, 206, 206), (206, 218, 230), (214, 228, 208), (232, 224, 198), (224, 212, 228))
"""The books' cloth, pale enough to print on."""
BAR = (204, 222, 242)
STREAM = (214, 232, 240)
STONE = (226, 224, 216)


@frozen
class Style:
    face: str = "carlito"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("carlito", 10.5), Style("caladea", 10.0), Style("dvsans", 9.5))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind``: "rule" (across above row ``row`` from ``x0`` to ``x1``, ``shade`` its grey),
    "board" (a chessboard's frame over rows ``row``..``last``), "square" (a square from
    ``x0`` to ``x1`` over rows ``row``..``last``, dark if ``shade`` is 1), "panel" (a comic
    panel over rows ``row``..``last``), "bubble" (a speech bubble from ``x0`` to ``x1`` over
    rows ``row``..``last``, its speaker under it at the left if ``shade`` is 0, else at the
    right), "chart" (a Gantt chart's week lines from ``x0`` to ``x1`` over rows
    ``row``..``last``, ``shade`` weeks), "bar" (a Gantt bar from ``x0`` to ``x1`` over rows
    ``row``..``last``), "book" (a book from ``x0`` to ``x1`` over rows ``row``..``last``,
    ``shade`` its cloth), "carriage" (a carriage from ``x0`` to ``x1`` over rows
    ``row``..``last``, an engine if ``shade`` is 1, with wheels under it), "coupling"
    (between carriages, from ``x0`` to ``x1`` at row ``row``), "rails" (the track under row
    ``row`` from ``x0`` to ``x1``), "stream" (a stream over rows ``row``..``last``) and
    "stone" (a stepping stone from ``x0`` to ``x1`` over rows ``row``..``last``)."""

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


def balance(rng: random.Random, low: int = 7_200, high: int = 690_000) -> int:
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
    """The name at the left in the heading face, the telephone at the right of it, the
    address under the name, then a thin rule and a thick one."""
    name = _bold(page, org.name, 0.08, 0.66, style.point + 3)
    page.add((*name[0], rt(0.92, f"Telephone {org.phone}", size=SMALL)), *name[1:])
    page.add((t(0.08, f"{org.street}, {org.town}", size=SMALL),))
    page.rule(0.08, 0.92, 90)
    page.rule(0.08, 0.92, 30)
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
    page.add(*_bold(page, letter.title, 0.08, 0.92, page.style.point + 1.5)).gap()
    page.add((t(0.08, f"Dear {title} {surname},"),)).gap()


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _sign(page: Sheet, org: Org, x: float = 0.08) -> None:
    page.add((t(x, "Yours sincerely,"),)).gap()
    page.add((t(x, org.team, True),))


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

SQUARES = ((0.1, 0.37), (0.37, 0.63), (0.63, 0.9))
"""The chessboard's three files."""


def _chessboard(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The facts in the squares of a board, three a row, dark and light in turn, each label
    small over its value."""
    page = _start(rng, style, letter)
    board = len(page.rows)
    pairs = _rows(letter)
    rank = 0
    while pairs:
        group, pairs = pairs[:3], pairs[3:]
        top = len(page.rows)
        columns = [[(), *_small(page, label, x0 + 0.014, x1 - 0.014), *_bold(page, value, x0 + 0.014, x1 - 0.014, SMALL + 1.5), ()] for (label, value), (x0, x1) in zip(group, SQUARES, strict=False)]  # fmt: skip
        page.beside(*columns)
        for k, (x0, x1) in enumerate(SQUARES):
            page.rules.append(Mark("square", top, x0, x1, last=len(page.rows) - 1, shade=(rank + k) % 2))  # fmt: skip
        rank += 1
    page.rules.insert(0, Mark("board", board, SQUARES[0][0], SQUARES[-1][1], last=len(page.rows) - 1))  # fmt: skip
    page.gap()
    return _finish(page, letter)


PANELS = ((0.08, 0.49), (0.51, 0.92))


def _comic(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A comic strip, two panels a row: in each a speaker (a head and shoulders) at one side
    and a speech bubble beside them holding the label small over the value, its tail to
    the speaker's mouth."""
    page = _start(rng, style, letter)
    pairs = _rows(letter)
    n = 0
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        columns = []
        spans = []
        for k, ((label, value), (x0, x1)) in enumerate(zip(group, PANELS, strict=False)):
            side = (n + k) % 2
            a, b = (x0 + 0.1, x1 - 0.015) if side == 0 else (x0 + 0.015, x1 - 0.1)
            spans.append((a, b, side))
            columns.append([(), *_small(page, label, a + 0.025, b - 0.025, centre=True), *_bold(page, value, a + 0.025, b - 0.025, SMALL + 2, "centre"), (), ()])  # fmt: skip
        page.beside(*columns)
        last = len(page.rows) - 1
        for (x0, x1), (a, b, side), column in zip(PANELS, spans, columns, strict=False):
            page.rules.append(Mark("panel", top, x0, x1, last=last))
            page.rules.append(Mark("bubble", top + 1, a, b, last=top + len(column) - 3, shade=side))  # fmt: skip
        n += 1
        page.gap()
    return _finish(page, letter)


WEEKS = 8
CHART = (0.36, 0.92)


def _gantt(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A Gantt chart: each label at the left as a task, its value written on a bar that
    starts further right line by line; the weeks across the head."""
    page = _start(rng, style, letter)
    a, b = CHART
    step = (b - a) / WEEKS
    top = len(page.rows)
    page.add((t(0.08, "Step", True, size=SMALL), *(t(a + step * k + 0.008, f"Wk {k + 1}", size=SMALL - 1) for k in range(WEEKS))))  # fmt: skip
    page.gap()
    for k, (label, value) in enumerate(_rows(letter)):
        x0 = a + step * (k % 4) * 0.75
        size = SMALL + 1.5
        width = FONTS.length(style, value, size, True)
        x1 = min(b, x0 + width + 0.05)
        start = len(page.rows)
        page.beside(
            _small(page, label, 0.08, a - 0.02), _bold(page, value, x0 + 0.015, b - 0.012, size)
        )
        page.rules.append(Mark("bar", start, x0, b if x1 >= b else x1, last=len(page.rows) - 1))
        page.gap()
    page.rules.insert(0, Mark("chart", top, a, b, last=len(page.rows) - 1, shade=WEEKS))
    page.gap()
    return _finish(page, letter)


def _books(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A stack of books lying on their sides, a fact on each (the label at the left of the
    book's edge, the value beside it), no two books the same length."""
    page = _start(rng, style, letter)
    rows = _rows(letter)
    for k, (label, value) in enumerate(rows):
        left = 0.1 + 0.025 * ((k * 3) % 4)
        right = 0.9 - 0.02 * ((k * 2 + 1) % 3)
        top = len(page.rows)
        page.beside([(), *_small(page, label, left + 0.04, 0.42), ()], [(), *_bold(page, value, 0.45, right - 0.03, style.point), ()])  # fmt: skip
        page.rules.append(Mark("book", top, left, right, last=len(page.rows) - 1, shade=k % len(BOOKS)))  # fmt: skip
    page.gap()
    return _finish(page, letter)


CARRIAGES = ((0.1, 0.48), (0.54, 0.92))


def _train(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A train: two carriages a row coupled together (the first an engine with a
    chimney), a label over its value in each, wheels and rails under them."""
    page = _start(rng, style, letter)
    page.gap()
    pairs = _rows(letter)
    first = True
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        columns = [[(), *_small(page, label, x0 + 0.03, x1 - 0.03), *_bold(page, value, x0 + 0.03, x1 - 0.03, SMALL + 2), ()] for (label, value), (x0, x1) in zip(group, CARRIAGES, strict=False)]  # fmt: skip
        page.beside(*columns)
        last = len(page.rows) - 1
        for k, (x0, x1) in enumerate(CARRIAGES[: len(group)]):
            page.rules.append(Mark("carriage", top, x0, x1, last=last, shade=1 if first and k == 0 else 0))  # fmt: skip
        if len(group) == 2:
            page.rules.append(Mark("coupling", top, CARRIAGES[0][1], CARRIAGES[1][0], last=last))
        first = False
        page.gap()
        page.rules.append(Mark("rails", len(page.rows) - 1, 0.08, 0.94))
        page.gap()
    return _finish(page, letter)


STONES = ((0.1, 0.56), (0.44, 0.9))


def _stones(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Stepping stones across a stream, a fact on each oval stone, left and right of the
    stream's middle in turn, each label centred over its value."""
    page = _start(rng, style, letter)
    stream = len(page.rows)
    page.gap()
    for k, (label, value) in enumerate(_rows(letter)):
        x0, x1 = STONES[k % 2]
        top = len(page.rows)
        page.add(*_small(page, label, x0 + 0.07, x1 - 0.07, centre=True))
        page.add(*_bold(page, value, x0 + 0.06, x1 - 0.06, style.point + 0.5, "centre"))
        page.rules.append(Mark("stone", top, x0, x1, last=len(page.rows) - 1))
        page.gap()
    page.rules.insert(0, Mark("stream", stream, 0.06, 0.94, last=len(page.rows) - 1))
    page.gap()
    return _finish(page, letter)


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "chessboard": _chessboard,
    "comic": _comic,
    "gantt": _gantt,
    "books": _books,
    "train": _train,
    "stones": _stones,
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
    return f"{name} is registered in England and Wales, company number {number}, at {office}.{extra}"  # fmt: skip


FCA = " Authorised and regulated by the Financial Conduct Authority."
AGENCY = Org("Hillfields Recoveries Ltd", "Swanswell House, 14 Primrose Hill Street", "Coventry CV1 5LY", "024 7601 3382",
             _ltd("Hillfields Recoveries Ltd", "11830472", "Swanswell House, Coventry CV1 5LY", FCA), "Collections Floor")  # fmt: skip
CARD = Org("Three Spires Card Services Ltd", "PO Box 7719", "Coventry CV1 9WS", "0345 270 8815",
           _ltd("Three Spires Card Services Ltd", "09917364", "Greyfriars Green, Coventry CV1 3HE", FCA))  # fmt: skip
MOTORS = Org("Canley Motor Credit Ltd", "Customer Care, Fletchamstead Highway", "Coventry CV4 9BT", "024 7642 5510",
             _ltd("Canley Motor Credit Ltd", "08450127", "Fletchamstead Highway, Coventry CV4 9BT", FCA), "Agreements Team")  # fmt: skip
LENDER = Org("Whoberley Personal Loans Ltd", "PO Box 4418", "Coventry CV5 8ZQ", "0333 016 7743",
             _ltd("Whoberley Personal Loans Ltd", "10277519", "Broad Lane, Coventry CV5 7AX", FCA))  # fmt: skip
CNBC = "Civil National Business Centre"
CLAIM_COURT = Org("County Court Business Centre", "Civil National Business Centre, St Katharine's House, 21-27 St Katharine's Street", "Northampton NN1 2LH", "0300 123 1057",
                  "Claim issued by the Civil National Business Centre for the County Court. The court staff cannot give legal advice.", "Court Manager")  # fmt: skip
COVENTRY_COURT = "County Court at Coventry"
JUDGMENT_COURT = Org(COVENTRY_COURT, "Coventry Combined Court Centre, 140 Much Park Street", "Coventry CV1 2SN", "0300 123 5577",
                     "The County Court at Coventry sits at the Combined Court Centre, Much Park Street.", "Court Manager")  # fmt: skip
BROADBAND = Org("Wyken Full Fibre Ltd", "Billing Office, Ansty Road", "Coventry CV2 3FE", "024 7661 9034",
                _ltd("Wyken Full Fibre Ltd", "12084455", "Ansty Road, Coventry CV2 3FE"))  # fmt: skip
AGENTS = Org("Cheylesmore Enforcement Services Ltd", "Enforcement House, Quinton Road", "Coventry CV3 5FB", "024 7650 8820",
             _ltd("Cheylesmore Enforcement Services Ltd", "07714209", "Quinton Road, Coventry CV3 5FB", " Our agents are certificated under the Certification of Enforcement Agents Regulations 2014."), "Enforcement Office")  # fmt: skip
CITY = "Coventry City Council"
TAX = Org(CITY, "Council Tax Section, Council House, Earl Street", "Coventry CV1 5RR", "024 7683 3388",
          "Coventry City Council, Council House, Earl Street. Council tax helps pay for schools, roads and social care in the city.", "Revenues and Benefits")  # fmt: skip
MERCHANT = Org("Foleshill Timber and Builders' Merchants Ltd", "Credit Control, Lockhurst Lane", "Coventry CV6 5NX", "024 7668 1207",
               _ltd("Foleshill Timber and Builders' Merchants Ltd", "03390218", "Lockhurst Lane, Coventry CV6 5NX"), "Credit Controller")  # fmt: skip
POWER = Org("Sherbourne Energy Supply Ltd", "PO Box 3307", "Coventry CV3 9GL", "0800 048 7716",
            _ltd("Sherbourne Energy Supply Ltd", "11462930", "Gulson Road, Coventry CV1 2JH"), "Bills Team")  # fmt: skip
WATER = Org("Sowe Valley Water plc", "Household Accounts, Walsgrave Road", "Coventry CV2 4HH", "0345 366 0924",
            _ltd("Sowe Valley Water plc", "02466631", "Walsgrave Road, Coventry CV2 4HH"), "Household Accounts")  # fmt: skip
HMCTS = "HM Courts and Tribunals Service"
FINES = Org(HMCTS, "Midlands Fines Centre, PO Box 10557", "Birmingham B5 9HT", "0300 790 9901",
            "Fines imposed at Coventry Magistrates' Court are collected by the Midlands Fines Centre for HM Courts and Tribunals Service.", "Fines Officer")  # fmt: skip
STORECARD = Org("Broadgate Store Card Ltd", "1 Hertford Street", "Coventry CV1 1LF", "0345 604 2281",
                _ltd("Broadgate Store Card Ltd", "06612049", "Hertford Street, Coventry CV1 1LF", FCA))  # fmt: skip
BUYER = Org("Binley Woods Debt Purchasing Ltd", "PO Box 6602", "Coventry CV3 2ZF", "0333 204 5178",
            _ltd("Binley Woods Debt Purchasing Ltd", "10933286", "Rugby Road, Binley Woods CV3 2AY", FCA), "Account Services")  # fmt: skip
DWP = "Department for Work and Pensions"
DEBT = Org(DWP, "Debt Management, Mail Handling Site A", "Wolverhampton WV98 2AR", "0800 916 0656",
           "Debt Management is part of the Department for Work and Pensions.", "Debt Management")  # fmt: skip
SOCIETY = Org("Coundon Building Society", "Mortgage Support, 3 Barker Butts Lane", "Coventry CV6 1DU", "024 7659 3147",
              "Coundon Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (no. 206514).", "Mortgage Support")  # fmt: skip
HOMES = Org("Stoke Aldermoor Homes", "Tenancy Income Team, Acorn Street", "Coventry CV3 1DP", "024 7645 0912",
            "Stoke Aldermoor Homes is a registered provider of social housing (no. 4871) and a charitable community benefit society.", "Tenancy Income Team")  # fmt: skip
SPLIT = Org("Spirepay Ltd", "support@spirepay.example", "Coventry CV1 2TT", "024 7699 0155",
            _ltd("Spirepay Ltd", "13302871", "Far Gosford Street, Coventry CV1 5DZ", FCA), "Spirepay Help")  # fmt: skip
CATALOGUE = Org("Gosford Home Shopping Ltd", "Accounts, Sky Blue Way", "Coventry CV1 3BS", "0345 127 6620",
                _ltd("Gosford Home Shopping Ltd", "04481937", "Sky Blue Way, Coventry CV1 3BS", FCA))  # fmt: skip
DENTIST = Org("Earlsdon Dental Care Ltd", "71 Earlsdon Street", "Coventry CV5 6EL", "024 7667 2240",
              _ltd("Earlsdon Dental Care Ltd", "09385510", "Earlsdon Street, Coventry CV5 6EL"))  # fmt: skip
SOLICITORS = Org("Lanchester Gulson LLP", "Solicitors, 5 Warwick Row", "Coventry CV1 1EX", "024 7655 1388",
                 "Lanchester Gulson LLP, solicitors, authorised and regulated by the Solicitors Regulation Authority (SRA no. 640218).", "Debt Recovery Unit")  # fmt: skip
PLANT = Org("Whitley Powertrain Components Ltd", "Payroll, Abbey Road", "Coventry CV3 4LF", "024 7630 2275",
            _ltd("Whitley Powertrain Components Ltd", "05528741", "Abbey Road, Coventry CV3 4LF"), "Payroll")  # fmt: skip
CARE = Org("Keresley Grange Care Home Ltd", "Bennetts Road North", "Coventry CV7 8LA", "024 7633 6410",
           _ltd("Keresley Grange Care Home Ltd", "08816352", "Bennetts Road North, Coventry CV7 8LA"), "Home Manager")  # fmt: skip
BANK = Org("Godiva Street Bank plc", "Coventry branch, 22 Smithford Way", "Coventry CV1 1FY", "0345 300 6418",
           _ltd("Godiva Street Bank plc", "00418372", "Smithford Way, Coventry CV1 1FY", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Godiva Street Bank")  # fmt: skip
UNION = Org("Tile Hill and Canley Credit Union Ltd", "Jardine Crescent", "Coventry CV4 9PL", "024 7646 1183",
            "Tile Hill and Canley Credit Union Ltd is authorised by the PRA and regulated by the FCA and the PRA (no. 213884).", "Members' Desk")  # fmt: skip
PIP = Org(DWP, "Personal Independence Payment, Post Handling Site B", "Wolverhampton WV99 1AH", "0800 121 4433",
          "Personal Independence Payment is paid by the Department for Work and Pensions.", "PIP Decision Maker")  # fmt: skip
ATTENDANCE = Org(DWP, "Attendance Allowance Unit, Mail Handling Site A", "Wolverhampton WV98 2AD", "0800 731 0122",
                 "Attendance Allowance is paid by the Department for Work and Pensions.", "Attendance Allowance Unit")  # fmt: skip
ALLOTMENTS = Org("Stivichall Allotment Holders' Society", "c/o The Hut, Green Lane", "Coventry CV3 6DD", "07700 900 318",
                 "Plot holders' society; the hut is open on Sunday mornings from April to October.", "Society Secretary")  # fmt: skip
CHOIR = Org("Spon End Community Choir", "c/o 40 Spon End", "Coventry CV1 3HE", "07700 900 845",
            "We sing for fun; everyone is welcome, and nobody is asked to audition.", "Choir Secretary")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """The collection agency's letter for a card firm (even: the chessboard) or the car
    finance firm's arrears letter (odd: the train)."""
    kinds = ("chessboard", "train")
    when, date = _when(rng), dated(rng)
    by = later(date, 14)
    if i % 2 == 0:
        owed = balance(rng)
        ref = f"HR-{digits(rng, 7)}"
        letter = Letter(
            org=AGENCY, title="Three Spires has asked us to collect your card balance", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
            ref_label="Our collection ref.", ref=ref, date_label="Agency letter printed",
            facts=[("Card balance we are collecting", owed), ("Client we are collecting for", CARD.name), ("Ring or pay before", by)],
            paras=(f"{CARD.name} has placed your credit card account with us, because it is in default and the balance has not been repaid.",
                   f"The balance we are collecting is {pounds(owed)}. Please pay it, or ring the Collections Floor with an offer you can keep to, by {when(by)}.",
                   "We are a debt collection agency and cannot take anything from your home. StepChange, National Debtline and Citizens Advice give free advice, and we will hold your account for 30 days while you get it."),
        )  # fmt: skip
    else:
        owed = balance(rng, 21_000, 398_000)
        ref = f"CMC{digits(rng, 8)}"
        letter = Letter(
            org=MOTORS, title="Your car finance payments are behind", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, MOTORS.name, ref, owed, date, deadline_date=by),
            ref_label="Canley agreement no.", ref=ref, date_label="Arrears notice produced",
            facts=[("Shortfall on the car payments", owed), ("Registration of the car", f"{letters(rng, 2)}{rng.randrange(15, 74)} {letters(rng, 3)}"), ("Bring the agreement up to date by", by)],
            paras=("Some of the monthly payments under your conditional sale agreement have not reached us.",
                   f"You are {pounds(owed)} behind. Please pay that amount, or talk to the Agreements Team about a plan, by {when(by)}.",
                   "If the arrears stay unpaid we may serve a default notice, and the agreement could be ended. Until the last payment, the car is ours."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("gantt", "comic")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 58_000, 520_000)
    fee = rng.choice((11_500, 20_500, 35_500))
    costs = rng.choice((8_000, 10_000))
    total = claimed + fee + costs
    ref = f"WPL{digits(rng, 7)}"
    number = f"{rng.choice('KLMN')}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 1)}{letters(rng, 1)}{digits(rng, 2)}"
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="Whoberley Personal Loans is claiming money from you through the court", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, LENDER.name, ref, total, date, court_claim_number=number, served_date=served, deadline_date=by),
        ref_label="Money claim ref. (court)", ref=number, date_label="Issued by the CNBC on",
        facts=[("Claimed in all, fee and costs too", total), ("Claimant", LENDER.name), ("Claimant's loan account", ref), ("Treated as served (CPR 6.14)", served), ("Response pack due at court by", by)],
        paras=(f"{LENDER.name} claims from you the unpaid balance of a personal loan, with the court fee and legal representative's costs.",
               f"The amount claimed is {pounds(claimed)}; with the fee of {pounds(fee)} and costs of {pounds(costs)}, {pounds(total)} in all. The claim is treated as served on {when(served)}.",
               f"Reply by {when(by)} using the response pack: you can pay, admit all or part and offer instalments, or defend the claim. If you do nothing, judgment may be entered against you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("books", "stones")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 29_000, 610_000)
    ref = f"WFF{digits(rng, 6)}"
    number = f"{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 2)}"
    by = later(date, 30)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    facts: list[Fact] = [
        ("Judgment sum, with fee and costs", owed),
        ("Claimant's customer number", ref),
    ]
    if extra:
        facts.append(("Pay the claimant in full by", by))
    how = (f"You must pay {pounds(owed)} to the claimant by {when(by)}." if extra
           else f"You must pay {pounds(owed)} to the claimant forthwith.")  # fmt: skip
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment for claimant in default of a reply", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, BROADBAND.name, ref, owed, date, court_claim_number=number, **extra),
        ref_label="Coventry claim no.", ref=number, date_label="Default judgment made",
        facts=facts,
        paras=(f"You did not reply to the claim made by {BROADBAND.name} for unpaid broadband charges, so judgment has been entered against you.",
               how + " Pay the claimant, not the court.",
               "If you pay in full within a month of this judgment it will not stay on the register. If you do not pay, the claimant may ask the court for a warrant or an attachment of earnings order."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """The enforcement agents' notice under a writ of control (even: the comic strip) or
    under the council's liability order (odd: the chessboard)."""
    kinds = ("comic", "chessboard")
    when, date = _when(rng), dated(rng)
    case = f"CES{digits(rng, 8)}"
    by = later(date, 7)
    if i % 2 == 0:
        debt = balance(rng, 60_000, 400_000)
        owed = debt + 7_500
        letter = Letter(
            org=AGENTS, title="Notice of enforcement: writ of control", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, LENDER.name, case, owed, date, deadline_date=by),
            ref_label="Cheylesmore case no.", ref=case, date_label="Notice of enforcement dated",
            facts=[("To pay now, with our fees", owed), ("Writ issued for", LENDER.name), ("Seven clear days end on", by)],
            paras=(f"The High Court has issued a writ of control to enforce the judgment that {LENDER.name} obtained against you, and it has been passed to us.",
                   f"You must pay {pounds(owed)} by {when(by)}. After that date an enforcement agent may visit your home to take control of goods, and more fees will be added.",
                   "If you are vulnerable, or you cannot pay, ring the Enforcement Office now: we may be able to agree payments, and free advice is available."),
        )  # fmt: skip
    else:
        tax = rng.randrange(55_000, 230_000)
        owed = tax + 7_500
        letter = Letter(
            org=AGENTS, title="Council tax liability order: notice of enforcement from Cheylesmore", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, CITY, case, owed, date, deadline_date=by),
            ref_label="Cheylesmore case no.", ref=case, date_label="Notice of enforcement dated",
            facts=[("Council tax and compliance fee", owed), ("Council with the liability order", CITY), ("Settle or phone Cheylesmore by", by)],
            paras=(f"{CITY} obtained a liability order from the magistrates for your unpaid council tax and has instructed us to collect it.",
                   f"The amount due, with the compliance fee of £75.00, is {pounds(owed)}. Pay it, or call us to agree payments, by {when(by)}.",
                   "If you do neither, an enforcement agent may visit and a further fee of £235.00 will be added."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("stones", "gantt")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 500_000, 1_900_000)
    ref, by = f"FTB/{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=MERCHANT, title="Creditor's statutory demand for a debt payable immediately (Insolvency Act 1986, s.268(1)(a))", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, MERCHANT.name, ref, owed, date, deadline_date=by),
        ref_label="Foleshill ledger ref.", ref=ref, date_label="Statutory demand signed",
        facts=[("Debt for timber and materials", owed), ("21 days expire on", by)],
        paras=("Timber, plaster and other building materials were supplied to you on a trade account, and the invoices are unpaid.",
               f"The creditor demands that you pay {pounds(owed)}, or secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition against you. You may apply to the court to set this demand aside within 18 days of its service. Get advice straight away."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("train", "books")
    when, date = _when(rng), dated(rng)
    ref, by = f"6{digits(rng, 8)}", later(date, 7)
    owed = rng.randrange(36_000, 205_000)
    letter = Letter(
        org=TAX, title="Council tax reminder: your instalments are late", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, CITY, ref, owed, date, deadline_date=by),
        ref_label="City council tax ref.", ref=ref, date_label="Council reminder printed",
        facts=[("Overdue on this year's bill", owed), ("Council wants the arrears by", by), ("Band on the list", f"Band {rng.choice('ABCDE')}")],
        paras=("The council tax instalments due on your account have not been paid.",
               f"Please pay the {pounds(owed)} overdue by {when(by)}. If you do not, you will lose the right to pay by instalments and the whole year's bill will fall due.",
               "If you are struggling, you may be able to get Council Tax Support; ask Revenues and Benefits."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("comic", "books")
    when, date = _when(rng), dated(rng)
    ref, by = f"SE{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}", later(date, 14)
    owed = rng.randrange(5_200, 64_000)
    letter = Letter(
        org=POWER, title="Your electricity bill for the last three months", date=date, when=when,
        truth=owes(C.UTILITY_BILL, POWER.name, ref, owed, date, deadline_date=by),
        ref_label="Sherbourne customer number", ref=ref, date_label="Quarter billed on",
        facts=[("Total for the three months", owed), ("Payment due on or before", by), ("Supply number (MPAN)", f"{digits(rng, 2)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 3)}")],
        paras=("This bill is for the electricity your meter recorded over the last three months, with the standing charge.",
               f"Please pay {pounds(owed)}, which includes VAT at 5%, by {when(by)}.",
               "Can't pay? Call us before the due date: we can set up a payment plan and check whether you qualify for the Warm Home Discount."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("stones", "train")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 12_500, 148_000)
    ref, by = f"{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 2)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Your Sowe Valley water charges have gone unpaid", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Sowe Valley account no.", ref=ref, date_label="Water letter sent",
        facts=[("Water charges still outstanding", owed), ("Please settle by", by)],
        paras=("Your water and sewerage charges have not been paid, and the account is now in arrears.",
               f"The account is {pounds(owed)} behind. Please pay, or arrange instalments with us, by {when(by)}.",
               "We cannot cut off a home's water supply, but unpaid charges may be passed to a collection agency. Our social tariff could lower your bills if your income is low."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("gantt", "chessboard")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(5_500, 118_000)
    ref, by = f"{digits(rng, 2)}/{digits(rng, 6)}/{rng.randrange(24, 27)}", later(date, 14)
    letter = Letter(
        org=FINES, title="Further steps: your fine is unpaid", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, HMCTS, ref, owed, date, deadline_date=by),
        ref_label="Account number (court)", ref=ref, date_label="Issued",
        facts=[("Amount of the fine unpaid", owed), ("Pay the Fines Centre by", by)],
        paras=("The fine, costs and surcharge ordered at Coventry Magistrates' Court have not been paid as the court directed.",
               f"You still owe {pounds(owed)}. Pay it in full, or contact the Fines Officer, by {when(by)}.",
               "If you do not, we may take money from your wages or benefits, register the debt, or send enforcement agents to your home."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("books", "comic")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 9_000, 265_000)
    ref, old = f"BW{digits(rng, 9)}", f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}"
    letter = Letter(
        org=BUYER, title="Your Broadgate store card debt now belongs to us", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=STORECARD.name),
        ref_label="Binley Woods account", ref=ref, date_label="Sold-debt notice posted",
        facts=[("Debt we bought from Broadgate", owed), ("Store card company that sold it", STORECARD.name), ("Old store card number", old)],
        paras=(f"{STORECARD.name} has sold and assigned your store card debt to us, and we are now the creditor.",
               f"The balance assigned to us is {pounds(owed)}. No interest will be added from now on.",
               "From today, please make payments to us using the new account number. Any plan you already had continues on the same terms."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("train", "stones")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(21_000, 480_000)
    ref, by = (
        f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}",
        later(date, 30),
    )
    letter = Letter(
        org=DEBT, title="Carer's Allowance overpaid to you", date=date, when=when,
        truth=owes(C.OVERPAYMENT, DWP, ref, owed, date, deadline_date=by),
        ref_label="Your NI no. on our file", ref=ref, date_label="Overpayment letter written",
        facts=[("Carer's Allowance you must repay", owed), ("Tell us how you will repay by", by)],
        paras=("You were paid Carer's Allowance while your earnings were above the limit, so you were paid more than you were entitled to.",
               f"The overpayment is {pounds(owed)}. Please pay it, or contact Debt Management to agree how you will repay, by {when(by)}.",
               "If you get other benefits we may take deductions from them. If you think the decision is wrong, ask for a mandatory reconsideration within a month."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("chessboard", "gantt")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 48_000, 790_000), rng.randrange(52_000, 148_000)
    ref = f"CBS{digits(rng, 8)}"
    letter = Letter(
        org=SOCIETY, title="We haven't received your full mortgage payments", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Coundon mortgage no.", ref=ref, date_label="Society letter printed",
        facts=[("Mortgage payments gone short", owed), ("Your monthly repayment", monthly)],
        paras=("Your mortgage account is in arrears: payments have been missed or paid short.",
               f"The arrears stand at {pounds(owed)}, and your usual monthly repayment is {pounds(monthly)}.",
               "Please call Mortgage Support so we can agree a plan that fits your budget. Repossession is always our last resort, and free advice is available from MoneyHelper."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("comic", "stones")
    when, date = _when(rng), dated(rng)
    weekly = rng.randrange(9_200, 16_900)
    owed = weekly * rng.randrange(2, 16) + rng.choice((0, 1_250, 2_500))
    ref = f"SAH/{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="Stoke Aldermoor Homes: arrears on your rent", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Aldermoor tenancy no.", ref=ref, date_label="Date",
        facts=[("Rent account in arrears by", owed), ("Rent plus service charge weekly", weekly)],
        paras=("Your rent account shows arrears.",
               f"You owe {pounds(owed)}; your rent and service charges are {pounds(weekly)} a week. Please contact the Tenancy Income Team to agree how you will clear it.",
               "If your Universal Credit housing payment has changed or stopped, tell us straight away. We can put you in touch with a free money adviser."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("gantt", "train")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 3_000, 118_000), later(date, 10)
    if i % 4 < 2:
        org, ref, title = (
            SPLIT,
            f"SP-{letters(rng, 3)}-{digits(rng, 6)}",
            "Spirepay: your payments have failed",
        )
        first = "We could not collect your last two Spirepay payments from your card."
        date_label, ref_label = "Reminder sent", "Spirepay order"
    else:
        org, ref, title = CATALOGUE, f"GHS{digits(rng, 8)}", "Your Gosford account is in arrears"
        first = "Your Gosford shopping account is in arrears, so we have stopped any new orders until it is up to date."
        date_label, ref_label = "Statement produced", "Gosford account"
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label=ref_label, ref=ref, date_label=date_label,
        facts=[("Instalments gone unpaid so far", owed), ("Clear what is overdue by", by)],
        paras=(first,
               f"You owe {pounds(owed)} in missed payments. Please pay by {when(by)} so that the account is not reported as in arrears to the credit reference agencies.",
               "If you are in financial difficulty, tell us: we will pause collection for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("books", "chessboard")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 32_000, 680_000), later(date, 30)
    ref = f"EDC-{digits(rng, 5)}"
    letter = Letter(
        org=SOLICITORS, title="Letter before claim on behalf of Earlsdon Dental Care", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, DENTIST.name, ref, owed, date, deadline_date=by),
        ref_label="Earlsdon patient file", ref=ref, date_label="Sent to you by our firm",
        facts=[("Unpaid to the practice", owed), ("Solicitors instructed by", DENTIST.name), ("Return the Reply Form before", by)],
        paras=(f"We are instructed by {DENTIST.name}, which provided private dental treatment to you that has not been paid for.",
               f"Our client is owed {pounds(owed)}. Please pay it, or complete and return the enclosed Reply Form, by {when(by)}.",
               "This letter is sent under the Pre-Action Protocol for Debt Claims. If you do not reply, our client may start court proceedings and ask for interest and costs. The enclosed information sheet lists free advice agencies."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _plant(rng: random.Random, i: int) -> Doc:
    """A car parts plant's payslip: hours at the rate and a shift premium, "Earnings" and
    "Deductions" one under the other; weekly or fortnightly."""
    org, date, when = PLANT, dated(rng), _when(rng)
    date = later(date, (3 - date.weekday()) % 7)  # a Thursday
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    weeks = {"weekly": 1, "fortnightly": 2}[frequency]
    hours = rng.choice((37.0, 39.0, 40.0)) * weeks
    rate = rng.choice((1_318, 1_362, 1_407))
    basic = round(hours * rate)
    premium = rng.randrange(0, 6) * 1_150 * weeks
    gross = basic + premium
    cuts = [("Tax (PAYE, code 1257L)", gross * 11 // 100), ("Class 1 NICs", gross * 6 // 100), ("Pension, salary exchange", gross * 4 // 100), ("Trade union dues", 380 * weeks)]  # fmt: skip
    off = sum(a for _, a in cuts)
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Payslip", True, size=style.point + 3), rt(0.92, f"Payment date {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}, machine operator, line 4", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Employee no. {digits(rng, 5)}   Tax code 1257L   NI letter A", size=size),)).gap()  # fmt: skip
    page.add((t(0.08, "Earnings", True, size=size), rt(0.7, "Units", True, size=size), rt(0.9, "£", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 110)
    page.add((t(0.1, "Basic hours", size=size), rt(0.7, f"{hours:.2f} @ {plain(rate)}", size=size), rt(0.9, plain(basic), size=size)))  # fmt: skip
    page.add((t(0.1, "Line-four nights premium", size=size), rt(0.9, plain(premium), size=size)))
    page.add((t(0.08, "Gross pay", True, size=size), rt(0.9, plain(gross), True, size=size))).gap()  # fmt: skip
    page.add((t(0.08, "Deductions", True, size=size), rt(0.9, "£", True, size=size)))
    page.rule(0.08, 0.92, 110)
    for what, amount in cuts:
        page.add((t(0.1, what, size=size), rt(0.9, plain(amount), size=size)))
    page.add((t(0.08, "Deductions in total", True, size=size), rt(0.9, plain(off), True, size=size))).gap()  # fmt: skip
    top = len(page.rows)
    page.add((t(0.5, "Take-home pay", True, size=size), rt(0.9, plain(gross - off), True, size=style.point + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.48, 0.92, True, 232))
    page.gap()
    page.para("Please tell Payroll about any mistake on this payslip before your next payment date.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def _care(rng: random.Random, i: int) -> Doc:
    """A care home's pay advice: each line "Pay" or "Less" (a salary and sleep-in shifts,
    then the deductions); monthly or four-weekly."""
    org, date, when = CARE, dated(rng), _when(rng)
    frequency = ("monthly", "four_weekly")[(i // 2) % 2]
    salary = {"monthly": rng.randrange(192_000, 236_000), "four_weekly": rng.randrange(176_000, 218_000)}[frequency]  # fmt: skip
    sleeps = rng.randrange(0, 7) * 5_850
    gross = salary + sleeps
    less = [("Tax deducted at source", gross * 9 // 100), ("NI (class 1, employee)", gross * 6 // 100), ("NEST pension", gross * 5 // 100)]  # fmt: skip
    off = sum(a for _, a in less)
    style = STYLES[i % len(STYLES)]
    _, first, surname = PEOPLE[(i + 1) % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Pay advice", True, size=style.point + 3),))
    page.add((t(0.08, f"{first} {surname}, senior care assistant", size=size), rt(0.92, f"Pay date {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, FREQUENCY_SHOWN[frequency][0], size=size), rt(0.92, f"Staff no. {digits(rng, 4)}", size=size))).gap()  # fmt: skip
    page.add((t(0.16, "Description", True, size=size), rt(0.9, "Amount £", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 70)
    for what, amount in [("Salary", salary), ("Sleep-in shifts", sleeps)]:
        page.add((t(0.08, "Pay", size=size), t(0.16, what, size=size), rt(0.9, plain(amount), size=size)))  # fmt: skip
    for what, amount in less:
        page.add((t(0.08, "Less", size=size), t(0.16, what, size=size), rt(0.9, plain(amount), size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 70)
    page.add((t(0.16, "Total pay before deductions", True, size=size), rt(0.9, plain(gross), True, size=size)))  # fmt: skip
    page.add((t(0.16, "Total deductions", True, size=size), rt(0.9, plain(off), True, size=size)))
    page.add((t(0.16, "Paid into your bank account", True, size=size), rt(0.9, plain(gross - off), True, size=style.point + 1.5)))  # fmt: skip
    page.gap()
    page.para("Sleep-in shifts are paid at the flat rate agreed in your contract.", size=SMALL)
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """The car parts plant's payslip (even) or the care home's pay advice (odd)."""
    return _plant(rng, i) if i % 2 == 0 else _care(rng, i)


def _signed(pence: int) -> str:
    return plain(pence) if pence >= 0 else f"-{plain(-pence)}"


def _bank(rng: random.Random, i: int) -> Doc:
    """A bank's current account: date, details, money out, money in, balance."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Everyday current account", True, size=style.point + 2), rt(0.92, f"Statement date {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Sort code 40-{digits(rng, 2)}-{digits(rng, 2)}   Account no. {digits(rng, 8)}   Statement {rng.randrange(12, 160)}", size=size),)).gap()  # fmt: skip
    xs = (0.62, 0.77, 0.92)
    page.add((t(0.08, "Date", True, size=size), t(0.19, "Details", True, size=size), *(rt(x, h, True, size=size) for x, h in zip(xs, ("Money out", "Money in", "Balance"), strict=True))))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(2_000, 70_000)
    page.add((t(0.19, "Balance brought forward", size=size), rt(0.92, _signed(running), size=size)))
    items = [("WHITLEY POWERTRAIN PAY", rng.randrange(38_000, 72_000)), ("DD COVENTRY CC CTAX", -rng.randrange(9_000, 18_000)),
             ("CARD ALDI FOLESHILL RD", -rng.randrange(1_500, 8_200)), ("DD SHERBOURNE ENERGY", -rng.randrange(4_000, 13_000)),
             ("WHITLEY POWERTRAIN PAY", rng.randrange(38_000, 72_000)), ("CASH HERTFORD ST", -1_000 * rng.randrange(1, 7)),
             ("WEST MIDS BUS TICKET", -rng.randrange(400, 2_200))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        cells = [t(0.08, f"{later(date, -offset):%d %b}", size=size), t(0.19, what, size=size)]
        cells.append(rt(xs[0] if amount < 0 else xs[1], plain(abs(amount)), size=size))
        cells.append(rt(0.92, _signed(running), size=size))
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.19, "Balance carried forward", True, size=size), rt(0.92, _signed(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("A minus sign means the account is overdrawn. Check your statement and tell us straight away about any payment you don't recognise.", size=SMALL)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def _union(rng: random.Random, i: int) -> Doc:
    """A credit union's share account: each line's amount signed (withdrawals with a minus),
    the shares balance after it."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 2) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, UNION, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Share account statement", True, size=style.point + 2),))
    page.add((t(0.08, f"Member {digits(rng, 5)}", size=size), rt(0.92, f"Produced {when(date)}", size=size))).gap()  # fmt: skip
    page.add((t(0.08, "When", True, size=size), t(0.22, "Transaction", True, size=size), rt(0.72, "Amount", True, size=size), rt(0.92, "Shares", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(8_000, 110_000)
    page.add((t(0.22, "Opening shares", size=size), rt(0.92, plain(running), size=size)))
    items = [("Saved from wages", rng.randrange(2_000, 6_000)), ("Cash withdrawal, Jardine Cres.", -1_000 * rng.randrange(1, 4)),
             ("PIP paid in", rng.randrange(30_000, 80_000)), ("Transfer to loan account", -rng.randrange(4_000, 12_000)),
             ("Saved from wages", rng.randrange(2_000, 6_000)), ("Standing order, Sowe Valley Water", -rng.randrange(2_500, 6_500))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        page.add((t(0.08, f"{later(date, -offset):%d/%m}", size=size), t(0.22, what, size=size), rt(0.72, _signed(amount), size=size), rt(0.92, plain(running), size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    page.add((t(0.22, "Closing shares", True, size=size), rt(0.92, plain(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("Amounts with a minus sign were taken out of your shares. Your shares are protected by the FSCS.", size=SMALL)  # fmt: skip
    _foot(page, UNION)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def bank_statement(rng: random.Random, i: int) -> Doc:
    """The bank's current account (even) or the credit union's shares (odd)."""
    return _bank(rng, i) if i % 2 == 0 else _union(rng, i)


def benefit(rng: random.Random, i: int) -> Doc:
    """Personal Independence Payment (even: the stones) or Attendance Allowance (odd: the
    Gantt chart)."""
    kinds = ("stones", "gantt")
    when, date = _when(rng), dated(rng)
    ref = (
        f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}"
    )
    if i % 2 == 0:
        org, what = PIP, "Personal Independence Payment"
        frequency = "four_weekly"
        weekly = rng.choice((2_990, 4_470)) + rng.choice((3_140, 8_260))
    else:
        org, what = ATTENDANCE, "Attendance Allowance"
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        weekly = rng.choice((7_370, 11_030))
    times = {"weekly": 1, "four_weekly": 4}[frequency]
    paid = weekly * times
    letter = Letter(
        org=org, title=f"{what}: our decision", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="Your NI no. on our file", ref=ref, date_label="Decision maker signed off",
        facts=[("Sum in each payment to you", paid), ("How the money arrives", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"We have looked at your claim for {what} and made a decision.",
               f"You will get {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]}, paid into your account.",
               "You must tell us about changes, for example if your condition changes, you go into hospital or a care home, or you go abroad."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the allotment society's work morning (the train) and the choir's
    concert rota (the comic strip)."""
    kinds = ("train", "comic")
    when, date = _when(rng), dated(rng)
    on = later(date, 9 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=ALLOTMENTS, title="Work morning on the site", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Plot on the Stivichall site", ref=f"Plot {rng.randrange(1, 60)}",
            facts=[("Work morning on", on), ("Meeting point on the day", "The water troughs, 10 am"), ("Tools to bring", "Gloves and a rake")],
            paras=("Thank you to everyone who keeps the paths and hedges tidy.",
                   f"Our next work morning is {when(on)}; tea and cake in the hut afterwards.",
                   "The skip will be by the gate for the weekend; no glass or plastic, please."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=CHOIR, title="Rota for the spring concert", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Your section", ref=rng.choice(("Sopranos", "Altos", "Tenors", "Basses")),
            facts=[("Concert night", on), ("Warm-up from", "6.15 pm in the church hall")],
            paras=("Thank you all for a lovely term of singing.",
                   f"The concert is on {when(on)}; please wear black with a splash of colour.",
                   "Tickets are on the door; all proceeds go to the food bank."),
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
class AWSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 4760


def build_aw(per_class: int = 4, *, seed: int = SEED) -> list[AWSample]:
    """``per_class`` documents of every class, held out, family ``<class>:AW``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, AWSample)


PRINT = Printer(FONTS.font, FONTS.measure)


def page_size(sample: AWSample, dpi: int) -> tuple[int, int]:
    return PRINT.page_size(sample, dpi)


def aw_text(sample: AWSample) -> str:
    """Every page's text, pages apart by form feeds."""
    return PRINT.text(sample)


def aw_pages(sample: AWSample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return PRINT.pages(sample, dpi=dpi)


# -- drawing the page ---------------------------------------------------------------------------


@frozen
class AWScan:
    dpi: int
    skew: float
    """Degrees."""
    mould: bool = False
    """Black mould from a damp home spreading from a corner; colour."""
    crayon: bool = False
    """A child's crayon scribbles; colour."""
    grease: bool = False
    """Grease spots from a takeaway; greyscale, as PDF."""


SCANS = (
    AWScan(dpi=260, skew=0.4, mould=True),
    AWScan(dpi=200, skew=-0.7, crayon=True),
    AWScan(dpi=240, skew=0.25, grease=True),
)

PAPER = (251, 250, 246)
QUALITY = 86


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
    y0, y1 = _span(g, m)
    pad = max(3, g.body // 3)
    pen.rectangle((g.x(m.x0) - pad, y0 - pad, g.x(m.x1) + pad, y1 + pad), fill=(120, 92, 64), outline=INK, width=max(1, g.line))  # fmt: skip


def _square(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=DARK_SQUARE if m.shade else LIGHT_SQUARE)


def _panel(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=(252, 250, 240), outline=INK, width=max(2, g.line * 2))  # fmt: skip


def _bubble(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A speech bubble, its tail down to a speaker (a head and shoulders) beside it, at the
    left (``shade`` 0) or the right."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    y0 -= g.body // 3
    y1 += g.body // 4
    r = max(5, round(g.body * 0.75))
    cx = x0 - g.x(0.045) if m.shade == 0 else x1 + g.x(0.045)
    head = y1 + r
    near = x0 if m.shade == 0 else x1
    tail = [
        (near, y1 - 3 * r // 2),
        (near, y1 - r // 2),
        (cx + (r if m.shade == 0 else -r), head - r // 2),
    ]
    pen.chord((cx - 2 * r, head + r, cx + 2 * r, head + 5 * r), 180, 360, fill=(120, 150, 200), outline=INK)  # fmt: skip
    pen.ellipse((cx - r, head - r, cx + r, head + r), fill=(240, 214, 180), outline=INK, width=max(1, g.line))  # fmt: skip
    pen.polygon(tail, fill=(255, 255, 255), outline=INK)
    pen.rounded_rectangle((x0, y0, x1, y1), radius=max(6, g.body), fill=(255, 255, 255), outline=INK, width=max(1, g.line + 1))  # fmt: skip


def _chart(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    step = (m.x1 - m.x0) / max(1, m.shade)
    for k in range(m.shade + 1):
        x = g.x(m.x0 + step * k)
        pen.line((x, y0, x, y1), fill=(200, 200, 200), width=1)
    y = g.top(m.row + 1) + g.heights[min(m.row + 1, len(g.heights) - 1)] // 3
    pen.line((g.x(0.08), y, g.x(m.x1), y), fill=INK, width=g.line)


def _bar(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=BAR, outline=(70, 100, 150), width=max(1, g.line))  # fmt: skip


def _book(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A book on its side: its cloth, the pages' edge at the right end, two bands."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rounded_rectangle((x0, y0, x1, y1), radius=max(3, g.body // 3), fill=BOOKS[m.shade % len(BOOKS)], outline=INK, width=max(1, g.line))  # fmt: skip
    band = max(3, g.body // 4)
    for bx in (x0 + 2 * band, x1 - 3 * band):
        pen.rectangle((bx, y0 + 1, bx + band, y1 - 1), fill=(176, 150, 96))


def _carriage(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A carriage (or the engine, with a chimney and a cab roof) and its wheels under it."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    fill = (236, 226, 210) if m.shade else (226, 234, 222)
    pen.rounded_rectangle((x0, y0, x1, y1), radius=max(4, g.body // 2), fill=fill, outline=INK, width=max(2, g.line * 2))  # fmt: skip
    if m.shade:
        w = max(6, g.body)
        pen.rectangle((x0 + w, y0 - 2 * w, x0 + 2 * w, y0), fill=(60, 60, 60), outline=INK)
        pen.rectangle((x0 + w - w // 3, y0 - 2 * w - w // 3, x0 + 2 * w + w // 3, y0 - 2 * w), fill=(60, 60, 60))  # fmt: skip
    r = max(4, round(g.body * 0.45))
    for cx in (x0 + (x1 - x0) // 6, x0 + (x1 - x0) * 5 // 6):
        pen.ellipse((cx - r, y1, cx + r, y1 + 2 * r), fill=(70, 70, 70), outline=INK)


def _coupling(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    _, y1 = _span(g, m)
    y = y1 - g.body // 2
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=INK, width=max(2, g.line * 2))


def _rails(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.top(m.row) + g.heights[min(m.row, len(g.heights) - 1)] // 3
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(90, 80, 70), width=max(2, g.line * 2))
    step = max(8, g.body)
    for x in range(g.x(m.x0), g.x(m.x1), step):
        pen.line((x, y + 1, x, y + max(3, g.body // 3)), fill=(130, 100, 70), width=max(1, g.line))


def _stream(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=STREAM)
    for k in range(1, 6):
        y = y0 + (y1 - y0) * k // 6
        pen.arc((g.x(0.07), y - g.body, g.x(0.12), y + g.body), 200, 340, fill=(150, 190, 210), width=1)  # fmt: skip
        pen.arc((g.x(0.88), y - g.body, g.x(0.93), y + g.body), 200, 340, fill=(150, 190, 210), width=1)  # fmt: skip


def _stone(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pad = max(4, g.body // 2)
    pen.ellipse((g.x(m.x0), y0 - pad, g.x(m.x1), y1 + pad), fill=STONE, outline=(110, 106, 96), width=max(1, g.line + 1))  # fmt: skip


PAINT: dict[str, Callable[[ImageDraw.ImageDraw, _Geo, Mark], None]] = {
    "rule": _rule,
    "board": _board,
    "square": _square,
    "panel": _panel,
    "bubble": _bubble,
    "chart": _chart,
    "bar": _bar,
    "book": _book,
    "carriage": _carriage,
    "coupling": _coupling,
    "rails": _rails,
    "stream": _stream,
    "stone": _stone,
}
UNDER = ("board", "panel", "chart", "stream", "rails")
"""Drawn first: what other shapes stand on."""


def _draw(sample: AWSample, n: int, dpi: int) -> Image.Image:
    """Page ``n`` drawn clean: the board, panels, chart, stream and rails first, then
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


def _free_rows(sample: AWSample, n: int) -> list[int]:
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


def _mould(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Colour; black mould from a damp home: a yellowed damp stain spreading from one corner
    (its edge a darker tide), colonies of dark grey-green specks within it; a little
    askew."""
    w, h = image.size
    corner = (rng.choice((0, w)), rng.choice((0, h)))
    reach = min(w, h) * rng.uniform(0.32, 0.45)
    # the stain on a coarse grid (an eighth of the page each way), smoothed up to size
    sw, sh = max(2, w // 8), max(2, h // 8)
    ys, xs = np.mgrid[0:sh, 0:sw].astype(np.float32)
    d = np.hypot(xs * 8 - corner[0], ys * 8 - corner[1]) / reach
    wobble = (
        np.sin(np.arctan2(ys * 8 - corner[1], xs * 8 - corner[0]) * 7 + rng.uniform(0, 6.3)) * 0.06
    )
    d = d + wobble
    stain = np.clip(1.0 - d, 0, 1) ** 0.6 * 0.24 + np.exp(-(((d - 1.0) / 0.05) ** 2)) * 0.16
    mask = Image.fromarray(np.clip(stain * 255, 0, 255).astype(np.uint8)).resize((w, h), Image.Resampling.BILINEAR)  # fmt: skip
    damp = Image.new("RGB", (w, h), (164, 140, 74))
    out = Image.composite(damp, image, mask)
    pen = ImageDraw.Draw(out)
    unit = max(1, w // 1400)
    for _ in range(rng.randrange(18, 30)):
        dist = reach * rng.random() ** 1.6 * 0.85
        angle = rng.uniform(0, 1.5708)
        ax = corner[0] + (dist * np.cos(angle) if corner[0] == 0 else -dist * np.cos(angle))
        ay = corner[1] + (dist * np.sin(angle) if corner[1] == 0 else -dist * np.sin(angle))
        spread = reach * rng.uniform(0.02, 0.06)
        for _ in range(rng.randrange(25, 70)):
            px, py = rng.gauss(ax, spread), rng.gauss(ay, spread)
            r = unit * rng.uniform(0.6, 2.6)
            tone = rng.randrange(30, 80)
            pen.ellipse((px - r, py - r, px + r, py + r), fill=(tone, tone + 8, tone - 6))
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(246, 244, 236))  # fmt: skip


CRAYONS = ((214, 48, 40), (40, 86, 200), (46, 150, 64), (238, 160, 30))


def _scribble(arr: np.ndarray, rng: random.Random, box: tuple[int, int, int, int], dpi: int) -> None:  # fmt: skip
    """A waxy zigzag inside ``box`` (x0, y0, x1, y1) multiplied into ``arr`` in place."""
    x0, y0, x1, y1 = box
    if x1 - x0 < 8 or y1 - y0 < 4:
        return
    mask = Image.new("L", (x1 - x0, y1 - y0), 0)
    pen = ImageDraw.Draw(mask)
    points = []
    x = 0.0
    up = True
    while x < x1 - x0:
        points.append((x, rng.uniform(0, (y1 - y0) * 0.3) if up else rng.uniform((y1 - y0) * 0.7, y1 - y0)))  # fmt: skip
        x += rng.uniform(0.04, 0.12) * dpi
        up = not up
    pen.line(points, fill=255, width=max(3, dpi // 28), joint="curve")
    alpha = np.asarray(mask, dtype=np.float32) / 255.0
    gen = np.random.default_rng(rng.randrange(1 << 30))
    alpha *= gen.random(alpha.shape, dtype=np.float32) > 0.3  # wax skips over the paper's tooth
    alpha *= 0.75
    colour = np.asarray(rng.choice(CRAYONS), dtype=np.float32) / 255.0
    region = arr[y0:y1, x0:x1]
    region *= 1.0 - alpha[:, :, None] * (1.0 - colour[None, None, :])


def _crayon(image: Image.Image, sample: AWSample, n: int, dpi: int, rng: random.Random, skew: float) -> Image.Image:  # fmt: skip
    """Colour; a child's crayon scribbles: waxy zigzags in the side margins, in the foot
    margin and over a line that holds no true value; a little askew."""
    arr = np.asarray(image, dtype=np.float32)
    h, w = arr.shape[:2]
    tops, heights = PRINT.rows(sample, n, dpi)
    margin = round(w * 0.065)
    _scribble(arr, rng, (2, round(h * rng.uniform(0.1, 0.4)), margin, round(h * rng.uniform(0.55, 0.9))), dpi)  # fmt: skip
    _scribble(arr, rng, (round(w * 0.3), h - round(h * 0.025), round(w * 0.8), h - 2), dpi)
    free = [k for k in _free_rows(sample, n) if k + 1 < len(tops)]
    if free:
        row = rng.choice(free)
        _scribble(arr, rng, (round(w * rng.uniform(0.08, 0.3)), tops[row], round(w * rng.uniform(0.55, 0.9)), tops[row] + heights[row]), dpi)  # fmt: skip
    marked = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return marked.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(250, 248, 242))  # fmt: skip


def _grease(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Greyscale; grease spots from a takeaway: soft translucent grey blotches, a little
    darker round their rims, here and there on the page; a little askew."""
    arr = np.asarray(image.convert("L"), dtype=np.float32)
    h, w = arr.shape
    for _ in range(rng.randrange(3, 6)):
        r = min(w, h) * rng.uniform(0.04, 0.1)
        cx, cy = rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.9) * h
        x0, x1 = max(0, int(cx - 1.5 * r)), min(w, int(cx + 1.5 * r))
        y0, y1 = max(0, int(cy - 1.5 * r)), min(h, int(cy + 1.5 * r))
        ys, xs = np.mgrid[y0:y1, x0:x1].astype(np.float32)
        angle = np.arctan2(ys - cy, xs - cx)
        edge = r * (1 + 0.18 * np.sin(angle * 3 + rng.uniform(0, 6.3)) + 0.08 * np.sin(angle * 7))
        d = np.hypot(xs - cx, ys - cy) / edge
        inside = np.clip((1.0 - d) * 8, 0, 1)
        rim = np.exp(-(((d - 0.97) / 0.05) ** 2))
        dark = inside * rng.uniform(0.12, 0.2) + rim * 0.1
        arr[y0:y1, x0:x1] *= 1.0 - dark
    arr += np.random.default_rng(rng.randrange(1 << 30)).normal(0.0, 1.8, arr.shape).astype(np.float32)  # fmt: skip
    grey = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return grey.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=248)


def render(sample: AWSample, n: int, scan: AWScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.mould:
        return _mould(image, rng, scan.skew)
    if scan.crayon:
        return _crayon(image, sample, n, scan.dpi, rng, scan.skew)
    return _grease(image, rng, scan.skew)


def aw_scanned(sample: AWSample, index: int) -> tuple[bytes, str, AWScan]:
    """Scanned one of three ways: the mouldy page as colour JPEG with its resolution
    (quality ``QUALITY``), the crayoned page as colour PNG (its resolution at even
    indexes), the greasy page as a one-page greyscale PDF (240 dpi); documents of more
    pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 71 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or scan.grease:
        return encode_pages([im.convert("L") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.mould:
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
    "AWSample",
    "AWScan",
    "aw_pages",
    "aw_scanned",
    "aw_text",
    "build_aw",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
