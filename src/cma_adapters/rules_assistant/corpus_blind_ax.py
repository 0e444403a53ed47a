# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AX``, written blind: a forty-third measure of how the reader
generalises, in a forty-third hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I``,
``J``, ``AA`` to ``AL``, ``AN`` to ``AW``).

``AX`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``values_found``, ``money``, ``encode_pages``), the shared page
engine (``corpus_print``), the shared test helpers, family AS's module and tests (as first
measured) and the commits that registered AS and AU (as the task allowed) and, by grep
only, the other families' modules for place names, setting words, faces, date shapes and
scan words, to avoid them -- **not** the reader's rules (``assistant.py``, ``fields.py``,
``values.py``, ``labelled.py``, ``structures.py``, ``prose.py``, ``fields_kinds.py``,
``label_parts.py``, ``layout.py``, ``classifier.py``, ``statements.py``,
``statement_tables.py``, ``label_learning.py``, ``read_families.py``, the rankers, the
Tesseract extractor, the locator, the creditor directory), its reading tests, nor any
account of its misses. It is never used to write rules, to train or calibrate the
classifier or the field ranker (``build_corpus`` never yields it), nor to choose models:
it is measured, and only the aggregate figures go into benchmarks/OCR.md. Whoever reads
its individual misses to change the reader makes ``AX`` no longer blind and must say so
there. (Family AY was written by another hand at the same time; neither saw the other's.)

**AX is no longer blind since round 43** (branch ``reader43``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AX
from then on is a training-side figure (benchmarks/OCR.md, "Round 43").

The task gave Oldham (Oldham Council, Greater Manchester); grep found none of Oldham,
Chadderton, Royton, Failsworth, Diggle, Springhead or Hollinwood in any family (P names
Saddleworth and Uppermill; "delph" is once in I's module, as part of some other word, not
looked at further), so ``AX`` is set in Oldham under the law of England and Wales, and its
six settings are the workplace's and the office's:

* who writes: a Chadderton collection agency for a store card firm and a Royton van
  finance firm's arrears letter; a county court claim for a personal loan and a judgment
  for a mobile phone contract; enforcement agents (a writ of control for the judgment, or
  a council tax liability order); a packaging supplier's statutory demand; Oldham
  Council's council tax; a water company's bill; an electricity supplier's arrears; a
  magistrates' court fine (HMCTS); a debt purchaser buying a payday loan; a Universal
  Credit overpayment (the DWP); a building society; a housing trust; a pay-later app and a
  mail-order club; solicitors for a private dentist; Pension Credit and Carer's Allowance
  (the DWP); a parcel hub (clocked hours, weekly or fortnightly) and a dental practice
  (salaried, monthly or four-weekly) as employers; a bank's current account and a credit
  union's share account; an office fire drill and a staff social club's outing (nothing
  owed);
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **clockcard**: the facts on a clocking-in card (a tall card with a notch for the time
    recorder at its foot and its rows ruled), every label small and centred over its value;
  - **whiteboard**: an office whiteboard in its aluminium frame with a pen tray, each fact
    held by a round magnet at its left, the label small over the value, two columns;
  - **flipchart**: a flip-chart sheet on an easel (punched for its rings at the top), the
    facts as numbered points: the number and label on one line, the value under it,
    indented;
  - **deskcalendar**: each fact on a desk calendar's tear-off page (a coloured band across
    its top holding the label, two ring holes, the value under the band), three pages a
    row (two where a value is long);
  - **lanyard**: the facts on a lanyard badge (its strap rising from a clip slot to the
    top of the page's block), every label right-aligned against the middle and its value
    left-aligned beside it;
  - **intray**: an in-tray docket (the tray's lip drawn under the slip), each fact a ruled
    line with the label at the left, the value in the middle and an empty tick box at the
    right;
  payslips for a parcel hub (clocked hours at the rate with a twilight shift uplift, the hours a
  column of their own) or a dental practice (a salary with a bonus for the month, the
  deductions listed under the pay, "Take-home" at the foot); bank statements from a bank's
  current account ("Out", "In" and "Running total" columns) or a credit union's share
  account (deposits and withdrawals in one column, a sign before each, and the share
  balance);
* faces: Carlito under Caladea Bold headings, Liberation Sans Narrow under DejaVu Serif
  Bold headings, Open Sans Light under Liberation Sans Bold headings, 9.5 to 11 pt; each
  italic the body's own;
* dates as "04/12/2026 (wk 49)" (day and month padded, the ISO week after) and "4th
  December 2026, week 49" (the day an ordinal, the week after a comma); amounts as
  "£1,234.56" and, in tables and cells, "1,234.56";
* scans new to the families: a page scanned with the lid up under an office's strip lights
  (the glass beyond the page black, the page's edges darkening where they lift, a cool
  cast; 300 dpi colour PNG, its resolution at even indexes); a paper clip left on the
  page (its wire loops and their shadow at the top margin, the page a little dimpled where
  it bit; 200 dpi greyscale baseline JPEG without a resolution); correction fluid dabbed
  over a line that holds no true value (a white, slightly raised blot with a shadowed
  rim; 250 dpi greyscale, as a one-page PDF).

Not all of the above is new, as far as grep over the earlier modules shows (checked before
any measuring): "£1,234.56" and "1,234.56" are many families'; enforcement agents, writs
of control, liability orders, the County Court Business Centre and the DWP's benefits are
many E&W families' words too (the law's and the state's, not a setting); the fonts are the
families' fonts (in pairings not checked exhaustively against theirs); AE's and M's
badges, AS's noticeboard and AQ's, Z's and AV's sticky notes, AL's tray and E's plastic
pocket are other things (never a lanyard, a whiteboard with magnets, a clock card, a
flip chart, a desk calendar's page or an in-tray docket); AK's flicker, E's glare, W's
and Z's rubber stamps are other marks on a page (never the lid left up, a paper clip or
correction fluid).

Ground truth follows L's to AS's conventions: ``creditor_name`` is whoever is owed now (the
agency's client, the claimant of a claim or judgment, the judgment creditor or council
behind an enforcement agent, a solicitor's client, the assignee of a sold debt, the DWP
for its overpayment); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on the claim and the judgment the
claimant's own reference; the enforcement agents' their own case number);
``court_claim_number`` the claim number; ``balance_pence`` what is owed now;
``letter_date`` the document's own date; ``deadline_date`` and ``served_date`` only where
printed. Payslips give the payer, net and gross pay, pay date and frequency; benefit
letters the payer, the amount paid each time, the date and the frequency; a bank
statement its date."""

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

FAMILY = "AX"

PEOPLE = (
    ("Mrs", "Shazia", "Rehman-Holt"),
    ("Mr", "Dariusz", "Wiśniewski"),
    ("Ms", "Carly-Ann", "Ogden"),
    ("Mr", "Tunde", "Ashworth-Bello"),
)
ADDRESSES = (
    ("27 Werneth Hall Road", "Oldham", "OL8 4BD"),
    ("Flat 6, 112 Middleton Road", "Chadderton", "OL9 6JN"),
    ("3 Sandy Lane", "Royton", "OL2 5LG"),
    ("14 Wrigley Head", "Failsworth", "M35 9BL"),
)

# -- date and money shapes -------------------------------------------------------------------


def week_padded(date: dt.date) -> str:
    """04/12/2026 (wk 49): day and month padded, the ISO week after."""
    return f"{date:%d/%m/%Y} (wk {date.isocalendar()[1]})"


def _nth(day: int) -> str:
    return (
        f"{day}{'th' if 10 < day % 100 < 14 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"
    )


def ordinal_week(date: dt.date) -> str:
    """4th December 2026, week 49: the day an ordinal, the ISO week after a comma."""
    return f"{_nth(date.day)} {date:%B} {date.year}, week {date.isocalendar()[1]}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (week_padded, ordinal_week)
"""The shapes a document's dates take (one a document)."""
ALL_SHAPES = DATE_SHAPES


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Paid weekly, Thursdays", "every week"),
    "fortnightly": ("Paid every other Thursday", "every two weeks"),
    "four_weekly": ("Paid every fourth week", "every four weeks"),
    "monthly": ("Paid on the 28th monthly", "every month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AX prints a true value (to check it is on the page, or in an OCR text)."""
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
    "light": {
        (False, False): _OS + "OpenSans-Light.ttf",
        (True, False): _LB + "LiberationSans-Bold.ttf",
        (False, True): _OS + "OpenSans-LightItalic.ttf",
        (True, True): _LB + "LiberationSans-BoldItalic.ttf",
    },
}
"""Each body face under headings of another family: Carlito under Caladea Bold, Liberation
Sans Narrow under DejaVu Serif Bold, Open Sans Light under Liberation Sans Bold; each italic
the body's own."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)

INK = (20, 24, 32)
BUFF = (238, 226, 196)
BOARD = (250, 251, 252)
ALLOY = (168, 172, 178)
BAND = (214, 72, 60)


@frozen
class Style:
    face: str = "carlito"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("carlito", 11.0), Style("narrow", 10.5), Style("light", 9.5))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind``: "rule" (across above row ``row`` from ``x0`` to ``x1``, ``shade`` its grey),
    "clockcard" (a clock card from ``x0`` to ``x1`` over rows ``row``..``last``), "slot" (a
    ruled line across the card above row ``row``), "frame" (a whiteboard in its frame
    with a pen tray over rows ``row``..``last``), "magnet" (a round magnet at ``x0`` on row
    ``row``), "flip" (a flip-chart sheet with its ring holes and the easel's legs over rows
    ``row``..``last``), "calpage" (a desk calendar's page from ``x0`` to ``x1`` over rows
    ``row``..``last``, its band over row ``row``), "badge" (a lanyard badge from ``x0`` to
    ``x1`` over rows ``row``..``last``, its strap rising off its top), "tray" (an in-tray
    under rows ``row``..``last``) and "tick" (an empty tick box at ``x0`` on row ``row``)."""

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
    it, then a rule."""
    page.add(*_bold(page, org.name, 0.12, 0.88, style.point + 3, "centre"))
    page.add((ct(0.5, f"{org.street}, {org.town}  |  Phone {org.phone}", size=SMALL),))
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
    page.add((t(x, "With regards,"),)).gap()
    page.add((t(x, org.team, True),))


# -- the six settings ---------------------------------------------------------------------------

CARD = (0.26, 0.74)
"""Where the clock card stands."""


def _clockcard(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The facts on a clocking-in card: each label small and centred over its value, a
    ruled line above each, the card's notch at its foot."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    a, b = CARD
    top = len(page.rows)
    page.gap()
    for label, value in _rows(letter):
        page.rules.append(Mark("slot", len(page.rows), a, b))
        page.add(*_small(page, label, a + 0.03, b - 0.03, centre=True))
        page.add(*_bold(page, value, a + 0.03, b - 0.03, style.point, "centre"))
    page.gap()
    page.rules.insert(0, Mark("clockcard", top, a, b, last=len(page.rows) - 1))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


COLUMNS = ((0.15, 0.48), (0.58, 0.89))
"""The whiteboard's two columns (each fact's magnet just left of its column)."""


def _whiteboard(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """An office whiteboard in its frame with a pen tray: each fact held by a magnet at its
    left, the label small over the value, two columns."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    board = len(page.rows)
    page.gap()
    pairs = _rows(letter)
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        cols = [[*_small(page, label, x0, x1), *_bold(page, value, x0, x1, SMALL + 2)] for (label, value), (x0, x1) in zip(group, COLUMNS, strict=False)]  # fmt: skip
        page.beside(*cols)
        for x0, _ in COLUMNS[: len(group)]:
            page.rules.append(Mark("magnet", top, x0 - 0.03))
        page.gap()
    page.rules.insert(0, Mark("frame", board, 0.09, 0.91, last=len(page.rows) - 1))
    page.gap().gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


def _flipchart(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A flip-chart sheet on an easel: the facts as numbered points (the number and label
    on a line, the value under it, indented)."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    top = len(page.rows)
    page.gap()
    for n, (label, value) in enumerate(_rows(letter), start=1):
        page.add((t(0.2, f"{n}.", size=SMALL + 1), *page.wrapped(label, 0.24, 0.8, size=SMALL + 1)[0]))  # fmt: skip
        page.add(*_bold(page, value, 0.3, 0.82, style.point + 1))
    page.gap()
    page.rules.insert(0, Mark("flip", top, 0.16, 0.84, last=len(page.rows) - 1))
    page.gap().gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


PAGES3 = ((0.1, 0.34), (0.38, 0.62), (0.66, 0.9))
PAGES2 = ((0.1, 0.48), (0.52, 0.9))


def _deskcalendar(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Each fact on a desk calendar's tear-off page (the label in a coloured band across
    its top, the value under it), three pages a row, two where a value would not fit."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    pairs = _rows(letter)
    while pairs:
        spans: tuple[tuple[float, float], ...] = PAGES3
        if any(FONTS.length(style, value, SMALL + 2, True) > PAGES3[0][1] - PAGES3[0][0] - 0.03 for _, value in pairs[:3]):  # fmt: skip
            spans = PAGES2
        group, pairs = pairs[: len(spans)], pairs[len(spans) :]
        top = len(page.rows)
        sheets = [[*_small(page, label, x0 + 0.015, x1 - 0.015, centre=True)[:1], (), *_bold(page, value, x0 + 0.015, x1 - 0.015, SMALL + 2, "centre")] for (label, value), (x0, x1) in zip(group, spans, strict=False)]  # fmt: skip
        page.beside(*sheets)
        for x0, x1 in spans[: len(group)]:
            page.rules.append(Mark("calpage", top, x0, x1, last=len(page.rows) - 1))
        page.gap().gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


MIDDLE = 0.47
"""Where the badge's labels end and its values begin."""


def _lanyard(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The facts on a lanyard badge: each label right-aligned against the middle, its value
    left-aligned beside it; the strap rising off the badge's top."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    page.gap()
    top = len(page.rows)
    page.gap()
    for label, value in _rows(letter):
        rows = page.wrapped(label, 0.2, MIDDLE, size=SMALL)
        labels = [(rt(MIDDLE, r[0].text, size=SMALL),) for r in rows]
        page.beside(labels, _bold(page, value, MIDDLE + 0.02, 0.82, style.point))
    page.gap()
    page.rules.insert(0, Mark("badge", top, 0.16, 0.86, last=len(page.rows) - 1))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


TICK = 0.86


def _intray(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """An in-tray docket: each fact a ruled line, the label at the left, the value in the
    middle, an empty tick box at the right; the tray's lip under the slip."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    top = len(page.rows)
    page.add((t(0.12, "Docket", True, size=SMALL + 1), rt(0.89, "Done", size=SMALL)))
    for label, value in _rows(letter):
        page.rule(0.1, 0.9, 150)
        start = len(page.rows)
        page.beside(_small(page, label, 0.12, 0.4), _bold(page, value, 0.42, 0.82, SMALL + 1.5))
        page.rules.append(Mark("tick", start, TICK))
    page.rule(0.1, 0.9, 150)
    page.gap()
    page.rules.insert(0, Mark("tray", top, 0.08, 0.92, last=len(page.rows) - 1))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "clockcard": _clockcard,
    "whiteboard": _whiteboard,
    "flipchart": _flipchart,
    "deskcalendar": _deskcalendar,
    "lanyard": _lanyard,
    "intray": _intray,
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
    return f"{name}. Registered in England and Wales, no. {number}; registered office {office}.{extra}"  # fmt: skip


FCA = " Authorised and regulated by the Financial Conduct Authority."
AGENCY = Org("Foxdenton Collections Ltd", "Suite 4, Foxdenton Mill, Broadway", "Chadderton OL9 9QS", "0161 624 7730",
             _ltd("Foxdenton Collections Ltd", "09417752", "Foxdenton Mill, Broadway, Chadderton OL9 9QS", FCA), "Collections Floor")  # fmt: skip
STORECARD = Org("Tommyfield Store Card Ltd", "PO Box 3381", "Oldham OL1 9ZA", "0345 221 6093",
                _ltd("Tommyfield Store Card Ltd", "07733018", "Albion Street, Oldham OL1 3BG", FCA))  # fmt: skip
VANS = Org("Royton Van Finance Ltd", "Agreements Team, Park Lane", "Royton OL2 6PX", "0161 633 9412",
           _ltd("Royton Van Finance Ltd", "10286437", "Park Lane, Royton OL2 6PX", FCA), "Agreements Team")  # fmt: skip
CCBC = "County Court Business Centre"
OLDHAM_COURT = "County Court at Oldham"
HMCTS = "HM Courts & Tribunals Service"
CLAIM_COURT = Org(CCBC, "St Katharine's House, 21-27 St Katharine's Street", "Northampton NN1 2LH", "0300 123 1057",
                  "Issued by the County Court Business Centre. Quote the claim number on everything you send.", "Court Manager")  # fmt: skip
JUDGMENT_COURT = Org(OLDHAM_COURT, "New Radcliffe Street", "Oldham OL1 1NL", "0300 123 5577",
                     "The court office is open 10am to 4pm. Staff cannot give legal advice.", "Court Manager")  # fmt: skip
LOANS = Org("Greenacres Personal Loans Ltd", "PO Box 7720", "Oldham OL4 9ZW", "0333 014 5528",
            _ltd("Greenacres Personal Loans Ltd", "08852106", "Greenacres Road, Oldham OL4 1HA", FCA))  # fmt: skip
MOBILE = Org("Pennine Edge Mobile Ltd", "Billing, Hathershaw Lane", "Oldham OL8 3PR", "0333 880 4406",
             _ltd("Pennine Edge Mobile Ltd", "11390254", "Hathershaw Lane, Oldham OL8 3PR"))  # fmt: skip
AGENTS = Org("Westwood Enforcement Services Ltd", "Certificated Enforcement Agents, 9 Featherstall Road North", "Oldham OL9 6QB", "0161 678 3305",
             _ltd("Westwood Enforcement Services Ltd", "06604921", "9 Featherstall Road North, Oldham OL9 6QB"), "Enforcement Office")  # fmt: skip
COUNCIL = "Oldham Council"
TAX = Org(COUNCIL, "Council Tax, Civic Centre, West Street", "Oldham OL1 1UT", "0161 770 6620",
          "Oldham Council, Civic Centre, West Street, Oldham OL1 1UT. Calls to the council tax line are recorded.", "Council Tax Office")  # fmt: skip
PACKAGING = Org("Hollinwood Cartons and Packaging Ltd", "Credit Office, Hollinwood Business Park", "Oldham OL8 3QL", "0161 681 2290",
                _ltd("Hollinwood Cartons and Packaging Ltd", "03318840", "Hollinwood Business Park, Oldham OL8 3QL"), "Credit Office")  # fmt: skip
WATER = Org("Castleshaw Water Services Ltd", "PO Box 4418", "Oldham OL3 9ZZ", "0345 072 6614",
            _ltd("Castleshaw Water Services Ltd", "05529317", "Castleshaw Road, Delph OL3 5LZ"), "Customer Accounts")  # fmt: skip
POWER = Org("Strinesdale Power Ltd", "Payments Team, PO Box 8206", "Oldham OL4 9ZQ", "0800 046 1185",
            _ltd("Strinesdale Power Ltd", "12064420", "Ripponden Road, Oldham OL4 2RP"), "Payments Team")  # fmt: skip
FINES = Org(HMCTS, "Greater Manchester Fines Unit, PO Box 5115", "Manchester M60 9DJ", "0300 790 9901",
            "The fines unit collects and enforces the fines that the magistrates' courts impose.", "Fines Officer")  # fmt: skip
PAYDAY = Org("Springhead Quick Loans Ltd", "Oldham Road", "Springhead OL4 4QT", "0161 624 0092",
             _ltd("Springhead Quick Loans Ltd", "08120753", "Oldham Road, Springhead OL4 4QT", FCA))  # fmt: skip
BUYER = Org("Alexandra Park Receivables Ltd", "PO Box 6630", "Oldham OL1 9YP", "0333 405 7718",
            _ltd("Alexandra Park Receivables Ltd", "09930214", "King Street, Oldham OL8 1EU", FCA), "Accounts Team")  # fmt: skip
DWP = "Department for Work and Pensions"
DEBT = Org(DWP, "Debt Management, Mail Handling Site A", "Wolverhampton WV98 2DF", "0800 916 0647",
           "DWP Debt Management recovers benefit paid that should not have been.", "Debt Management")  # fmt: skip
SOCIETY = Org("Saddleworth Moor Building Society", "Mortgage Support, 6 High Street", "Diggle OL3 5JZ", "01457 870 321",
              "Saddleworth Moor Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (no. 206114).", "Mortgage Support")  # fmt: skip
HOMES = Org("Werneth and Coppice Housing Trust", "Rent Team, 40 Manchester Street", "Oldham OL8 1DL", "0161 621 4457",
            "Werneth and Coppice Housing Trust, a registered provider of social housing (no. L4471) and a charitable community benefit society.", "Rent Team")  # fmt: skip
PAYLATER = Org("Tandle Pay Later Ltd", "help@tandlepay.example", "Manchester M1 9ZX", "0161 496 0815",
               _ltd("Tandle Pay Later Ltd", "13360287", "Portland Street, Manchester M1 3LA", FCA), "Tandle Support")  # fmt: skip
CLUB = Org("Grange Arts Mail Order Club Ltd", "Accounts, Rochdale Road", "Oldham OL1 2JT", "0345 661 3042",
           _ltd("Grange Arts Mail Order Club Ltd", "02291870", "Rochdale Road, Oldham OL1 2JT", FCA))  # fmt: skip
DENTIST = Org("Chamber Road Dental Care Ltd", "88 Chamber Road", "Oldham OL8 4BN", "0161 624 3918",
              _ltd("Chamber Road Dental Care Ltd", "07719045", "88 Chamber Road, Oldham OL8 4BN"))  # fmt: skip
SOLICITORS = Org("Lees Brook Solicitors LLP", "Litigation Department, 2 Union Street West", "Oldham OL8 1DQ", "0161 633 7071",
                 "Lees Brook Solicitors LLP is authorised and regulated by the Solicitors Regulation Authority (SRA no. 661902).", "Litigation Department")  # fmt: skip
HUB = Org("Broadway Parcel Hub Ltd", "Payroll, Unit 12, Broadgate", "Chadderton OL9 9XA", "0161 684 5520",
          _ltd("Broadway Parcel Hub Ltd", "10855312", "Unit 12, Broadgate, Chadderton OL9 9XA"), "Payroll")  # fmt: skip
PRACTICE = Org("Glodwick Dental Practice", "Practice Office, 51 Glodwick Road", "Oldham OL4 1AN", "0161 652 8804",
               "Glodwick Dental Practice, 51 Glodwick Road, Oldham OL4 1AN. Keep this advice with your tax papers.", "Practice Manager")  # fmt: skip
BANK = Org("Coldhurst Bank plc", "Oldham branch, 61 Yorkshire Street", "Oldham OL1 1SE", "0345 309 6120",
           _ltd("Coldhurst Bank plc", "00451170", "Yorkshire Street, Oldham OL1 1SE", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Coldhurst Bank")  # fmt: skip
UNION = Org("Oldham Towns Credit Union", "Member Services, 5 Henshaw Street", "Oldham OL1 1NH", "0161 678 7245",
            "Oldham Towns Credit Union Ltd is authorised by the PRA and regulated by the FCA and the PRA (no. 213644).", "Member Services")  # fmt: skip
PENSION = Org(DWP, "Pension Service 10, Mail Handling Site A", "Wolverhampton WV98 1LU", "0800 99 1234",
              "Pension Credit is paid by the Pension Service, part of the Department for Work and Pensions.", "The Pension Service")  # fmt: skip
CARERS = Org(DWP, "Carer's Allowance Unit, Mail Handling Site A", "Wolverhampton WV98 2AB", "0800 731 0297",
             "Carer's Allowance is paid by the Department for Work and Pensions.", "Carer's Allowance Unit")  # fmt: skip
FIRE = Org("Mumps Bridge Offices Facilities Desk", "Ground floor reception, Mumps Bridge House", "Oldham OL1 3LN", "0161 620 1184",
           "Facilities Desk, Mumps Bridge House. Fire marshals wear a yellow tabard.", "Facilities Desk")  # fmt: skip
SOCIAL = Org("Greenacres Depot Staff Social Club", "c/o the canteen noticeboard, Greenacres Depot", "Oldham OL4 1JH", "07700 900 418",
             "The social club is run by volunteers from every shift; subs are taken at the canteen till.", "Club Treasurer")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """The collection agency's letter for a store card firm (even: the clock card) or the
    van finance firm's arrears letter (odd: the whiteboard)."""
    kinds = ("clockcard", "whiteboard")
    when, date = _when(rng), dated(rng)
    by = later(date, 14)
    if i % 2 == 0:
        owed = balance(rng)
        ref = f"FDX-{digits(rng, 7)}"
        letter = Letter(
            org=AGENCY, title="Tommyfield store card balance now with our collections floor", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, STORECARD.name, ref, owed, date, deadline_date=by),
            ref_label="Collections case", ref=ref, date_label="Run off the printer on",
            facts=[("Store card balance unpaid", owed), ("Acting on behalf of", STORECARD.name), ("Phone or pay us no later than", by)],
            paras=(f"{STORECARD.name} has asked us to collect the balance of your store card, which it closed after payments stopped.",
                   f"The unpaid balance is {pounds(owed)}. Please pay it, or ring the Collections Floor with an offer you can keep to, no later than {when(by)}.",
                   "We are a collection agency, not bailiffs, and cannot take your goods. Free debt advice is available from National Debtline and StepChange, and we will hold the account for 30 days while you get it."),
        )  # fmt: skip
    else:
        owed = balance(rng, 26_000, 450_000)
        ref = f"RVF{digits(rng, 7)}"
        letter = Letter(
            org=VANS, title="Your van agreement has fallen behind", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, VANS.name, ref, owed, date, deadline_date=by),
            ref_label="Van agreement no.", ref=ref, date_label="Posted from Royton on",
            facts=[("Van instalments unpaid", owed), ("Registration of the van", f"{letters(rng, 2)}{rng.randrange(10, 75)} {letters(rng, 3)}"), ("Van payments to be caught up by", by)],
            paras=("Your conditional sale agreement for the van is behind, because recent monthly instalments were not paid.",
                   f"The arrears are {pounds(owed)}. Please pay them, or speak to the Agreements Team about a plan, by {when(by)}.",
                   "If the arrears stay unpaid we may send a default notice. Until the agreement is paid off the van remains our property."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{rng.choice('KLMN')}{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 3)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("flipchart", "deskcalendar")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 58_000, 520_000)
    fee = rng.choice((3_500, 5_000, 7_000, 8_000))
    costs = rng.choice((5_000, 7_000, 8_000))
    total = claimed + fee + costs
    ref, number = f"GPL{digits(rng, 8)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="The court has sealed a claim naming you as defendant", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, LOANS.name, ref, total, date, court_claim_number=number, served_date=served, deadline_date=by),
        ref_label="Sealed claim no.", ref=number, date_label="Claim sealed at Northampton",
        facts=[("Claim total with fee and costs", total), ("Claimant", LOANS.name), ("Greenacres loan ref.", ref), ("Treated as served on you", served), ("File your response by", by)],
        paras=(f"{LOANS.name} has issued a claim against you in the County Court for the unpaid balance of a personal loan.",
               f"The amount claimed is {pounds(claimed)}; with the court fee and legal costs the total is {pounds(total)}. The claim is deemed served on {when(served)}.",
               f"Use the response pack to admit, defend or part-admit the claim by {when(by)}. If you do nothing, the claimant may ask for judgment in default."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("lanyard", "intray")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 30_000, 660_000)
    ref, number = f"PEM{digits(rng, 9)}", _claim_no(rng)
    by = later(date, 28)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    facts: list[Fact] = [
        ("Sum of the default judgment", owed),
        ("Pennine Edge customer ref.", ref),
    ]
    if extra:
        facts.append(("Pay the claimant in full by", by))
    how = (f"You must pay {pounds(owed)} to the claimant by {when(by)}." if extra
           else f"You must pay {pounds(owed)} to the claimant forthwith.")  # fmt: skip
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment entered in default of a reply", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, MOBILE.name, ref, owed, date, court_claim_number=number, **extra),
        ref_label="Sealed claim no.", ref=number, date_label="Judgment keyed on",
        facts=facts,
        paras=(f"You did not reply to the claim by {MOBILE.name} for unpaid mobile phone charges, so judgment has been entered against you.",
               how,
               "If you pay in full within a month the judgment will not stay on the Register of Judgments. If you do not pay, the claimant may ask for a warrant or writ of control."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """The enforcement agents' notice under a writ of control (even: the whiteboard) or
    under the council's liability order (odd: the lanyard badge)."""
    kinds = ("whiteboard", "lanyard")
    when, date = _when(rng), dated(rng)
    case = f"WES{digits(rng, 7)}"
    by = later(date, 7)
    if i % 2 == 0:
        owed = balance(rng, 42_000, 390_000) + 7_500 + rng.randrange(0, 6_000)
        letter = Letter(
            org=AGENTS, title="Notice of enforcement under a writ of control", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, MOBILE.name, case, owed, date, deadline_date=by),
            ref_label="Westwood case file", ref=case, date_label="Notice posted on",
            facts=[("Owed under the writ, with fees", owed), ("Creditor holding the writ", MOBILE.name), ("An agent may call after", by)],
            paras=(f"The High Court has issued a writ of control to recover the judgment debt owed to {MOBILE.name}, and we have been instructed to enforce it.",
                   f"You must pay {pounds(owed)} by {when(by)}, or an enforcement agent may visit to take control of your goods.",
                   "Further fees are added if a visit is needed. If you are vulnerable or cannot pay, tell us now."),
        )  # fmt: skip
    else:
        tax = rng.randrange(58_000, 230_000)
        owed = tax + 7_500
        letter = Letter(
            org=AGENTS, title="Council tax arrears passed to enforcement agents", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, COUNCIL, case, owed, date, deadline_date=by),
            ref_label="Westwood case file", ref=case, date_label="Notice posted on",
            facts=[("Liability order debt and fee", owed), ("Council that sent the order", COUNCIL), ("Pay or agree terms by", by)],
            paras=(f"{COUNCIL} obtained a liability order at the magistrates' court for your unpaid council tax and has passed it to us.",
                   f"With the compliance fee, {pounds(owed)} is now due. Pay it, or agree an arrangement with us, by {when(by)}.",
                   "If you do neither, an enforcement agent may visit your home and further fees will be added."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("intray", "clockcard")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 520_000, 1_800_000)
    ref, by = f"HCP/{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=PACKAGING, title="Creditor's statutory demand: debt payable immediately (Oldham trade account)", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, PACKAGING.name, ref, owed, date, deadline_date=by),
        ref_label="Cartons trade ledger", ref=ref, date_label="Demand signed off on",
        facts=[("Trade debt payable now", owed), ("Pay or secure it within 21 days, by", by)],
        paras=("Cartons and packaging were supplied to your business on trade credit, and the invoices remain unpaid.",
               f"The creditor demands {pounds(owed)}. Pay it, or secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition against you. You may apply to the court to set this demand aside; take advice immediately."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("deskcalendar", "flipchart")
    when, date = _when(rng), dated(rng)
    ref, by = f"6{digits(rng, 8)}", later(date, 7)
    owed = rng.randrange(36_000, 210_000)
    letter = Letter(
        org=TAX, title="Oldham council tax: instalments not received", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, COUNCIL, ref, owed, date, deadline_date=by),
        ref_label="Oldham council tax ref.", ref=ref, date_label="Reminder produced",
        facts=[("Now due for the year", owed), ("Pay to keep your instalments by", by), ("Band of the dwelling", f"Band {rng.choice('ABCD')}")],
        paras=("Your council tax instalments have not been paid as shown on your bill.",
               f"{pounds(owed)} is now due. If it is not paid by {when(by)}, you lose the right to pay by instalments and we may ask the magistrates' court for a liability order.",
               "If your income is low you may be able to get Council Tax Support; ask the Council Tax Office."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("clockcard", "deskcalendar")
    when, date = _when(rng), dated(rng)
    ref, by = f"CWS{digits(rng, 4)} {digits(rng, 4)}", later(date, 21)
    owed = rng.randrange(5_200, 58_000)
    letter = Letter(
        org=WATER, title="Castleshaw water: six months' charges", date=date, when=when,
        truth=owes(C.UTILITY_BILL, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Water customer ref.", ref=ref, date_label="Bill printed at the depot",
        facts=[("Water and sewerage this half-year", owed), ("Water bill payable by", by), ("Water meter serial", f"{digits(rng, 2)}M{digits(rng, 6)}")],
        paras=("This bill covers your water supply and sewerage for the last six months, from your meter.",
               f"The amount to pay is {pounds(owed)}. Please pay it by {when(by)}.",
               "If you are struggling, ask about our social tariff, which can cut your bill, or about spreading payments."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("whiteboard", "intray")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 15_000, 160_000)
    ref, by = f"SPL{digits(rng, 7)}", later(date, 10)
    letter = Letter(
        org=POWER, title="Electricity account overdue: please get in touch", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, POWER.name, ref, owed, date, deadline_date=by),
        ref_label="Power account number", ref=ref, date_label="Run off the printer on",
        facts=[("Overdue on your electricity", owed), ("Contact us or pay by", by)],
        paras=("Your electricity account has bills that are overdue.",
               f"The overdue amount is {pounds(owed)}. Please pay it, or call the Payments Team to set up a plan, by {when(by)}.",
               "We may otherwise apply to fit a prepayment meter. We will not do this if anyone in your home is in a vulnerable situation."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("lanyard", "flipchart")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(6_500, 120_000)
    ref, by = f"05{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 6)}", later(date, 14)
    letter = Letter(
        org=FINES, title="Your fine is overdue: act now", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, HMCTS, ref, owed, date, deadline_date=by),
        ref_label="Account at the fines unit", ref=ref, date_label="Run off the printer on",
        facts=[("Unpaid part of the fine", owed), ("Pay or contact the unit by", by)],
        paras=("The fine the magistrates' court ordered you to pay has not been paid as ordered.",
               f"The amount outstanding is {pounds(owed)}. Pay it in full, or contact the fines unit, by {when(by)}.",
               "If you do not, we may take money from your wages or benefits, add further costs, or pass the account to enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("deskcalendar", "clockcard")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 9_000, 250_000)
    ref, old = f"APR{digits(rng, 8)}", f"SQL{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="Your Springhead loan now belongs to us", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=PAYDAY.name),
        ref_label="New account with us", ref=ref, date_label="Assignment notice printed",
        facts=[("Sum bought from the lender", owed), ("Payday lender that sold it", PAYDAY.name), ("Former loan number", old)],
        paras=(f"{PAYDAY.name} has sold and assigned your short-term loan to us. We are now the legal owner of the debt.",
               f"The balance transferred is {pounds(owed)}. We will not add interest to it.",
               "Please make payments to us from now on, quoting your new account number. Any arrangement you had continues with us."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("flipchart", "lanyard")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(17_000, 470_000)
    ref, by = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}", later(date, 30)
    letter = Letter(
        org=DEBT, title="We overpaid your Universal Credit", date=date, when=when,
        truth=owes(C.OVERPAYMENT, DWP, ref, owed, date, deadline_date=by),
        ref_label="National Insurance no. held", ref=ref, date_label="Run off the printer on",
        facts=[("UC paid in error", owed), ("Reply to Debt Management by", by)],
        paras=("You were paid more Universal Credit than you should have been, because a change in your household was reported late.",
               f"The overpayment is {pounds(owed)}. Pay it, or contact Debt Management to agree how you will repay, by {when(by)}.",
               "If you still get Universal Credit, we will take a deduction from your payments. You can ask us to look at the decision again."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("intray", "whiteboard")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 50_000, 840_000), rng.randrange(46_000, 158_000)
    ref = f"SMB{digits(rng, 8)}"
    letter = Letter(
        org=SOCIETY, title="Saddleworth Moor mortgage: payments short", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Moor mortgage roll no.", ref=ref, date_label="Run off the printer on",
        facts=[("Moor mortgage shortfall", owed), ("Monthly sum due on the mortgage", monthly)],
        paras=("Your mortgage payments have not been paid in full and the account is now in arrears.",
               f"The arrears are {pounds(owed)}. Your monthly payment is {pounds(monthly)}.",
               "Please call Mortgage Support so that we can agree an arrangement that you can afford. We will only consider possession as a last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("clockcard", "lanyard")
    when, date = _when(rng), dated(rng)
    weekly = rng.randrange(9_200, 17_500)
    owed = weekly * rng.randrange(2, 15) + rng.choice((0, 1_500, 3_000))
    ref = f"WCH{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="Rent account behind: please contact the Rent Team", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Trust tenancy ref.", ref=ref, date_label="Run off the printer on",
        facts=[("Trust rent outstanding", owed), ("Rent plus charges, weekly", weekly)],
        paras=("Your rent account is behind.",
               f"You owe {pounds(owed)} and your weekly rent is {pounds(weekly)}. Please contact the Rent Team to agree how you will pay it off.",
               "If your Universal Credit housing element has changed, tell us now. We can put you in touch with free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("whiteboard", "deskcalendar")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 3_000, 118_000), later(date, 10)
    if i % 4 < 2:
        org, ref, title = (
            PAYLATER,
            f"TPL{letters(rng, 2)}{digits(rng, 6)}",
            "Tandle: payments missed on your order",
        )
        first = "We could not take two of your Tandle payments from your card."
        date_label, ref_label = "Email sent", "Tandle order"
    else:
        org, ref, title = CLUB, f"GA{digits(rng, 8)}", "Grange Arts club account in arrears"
        first = "Your mail-order club account is in arrears, and new orders are paused until it is up to date."
        date_label, ref_label = "Run off the printer on", "Club member no."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label=ref_label, ref=ref, date_label=date_label,
        facts=[("Plan payments that bounced", owed), ("Make the missed payments by", by)],
        paras=(first,
               f"You are {pounds(owed)} behind. Please pay by {when(by)} so that we do not report the missed payments to credit reference agencies.",
               "If you are struggling, let us know and we will pause the account for 30 days while you get free advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("flipchart", "intray")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 38_000, 700_000), later(date, 30)
    ref = f"CRD{digits(rng, 6)}"
    letter = Letter(
        org=SOLICITORS, title="Pre-action letter for Chamber Road Dental Care", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, DENTIST.name, ref, owed, date, deadline_date=by),
        ref_label="Practice patient ref.", ref=ref, date_label="Run off the printer on",
        facts=[("Treatment fees still unpaid", owed), ("Dental practice we act for", DENTIST.name), ("Reply form to reach us by", by)],
        paras=(f"We act for {DENTIST.name}, which provided private dental treatment to you that has not been paid for.",
               f"Our client is owed {pounds(owed)}. Please pay it, or return the reply form with your proposals, by {when(by)}.",
               "This letter follows the Pre-Action Protocol for Debt Claims. If you do not reply, our client may issue a county court claim without further warning."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _hub(rng: random.Random, i: int) -> Doc:
    """A parcel hub's payslip: clocked hours at the rate and a twilight uplift (the hours a
    column of their own), the deductions under the pay; weekly or fortnightly."""
    org, date, when = HUB, dated(rng), _when(rng)
    date = later(date, (3 - date.weekday()) % 7)  # a Thursday
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    weeks = {"weekly": 1, "fortnightly": 2}[frequency]
    hours = rng.choice((36.0, 38.5, 41.0)) * weeks
    nights = rng.randrange(0, 5) * 8.0 * weeks
    rate = rng.choice((1_221, 1_250, 1_290))
    basic = round(hours * rate)
    premium = round(nights * 150)
    gross = basic + premium
    cuts = [("PAYE deducted", gross * 11 // 100), ("Employee NI", gross * 6 // 100), ("Workplace pension saver", gross * 5 // 100), ("Hi-vis and boots scheme", 300 * weeks)]  # fmt: skip
    off = sum(a for _, a in cuts)
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Payslip", True, size=style.point + 3), rt(0.92, f"Pay date {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}, sorter, night shift", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Badge no. {digits(rng, 5)}   Tax code 1257L   NI letter A", size=size),)).gap()  # fmt: skip
    page.add((t(0.08, "Pay", True, size=size), rt(0.6, "Hours", True, size=size), rt(0.74, "Rate", True, size=size), rt(0.92, "£", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 80)
    page.add((t(0.08, "Clocked hours", size=size), rt(0.6, f"{hours:.2f}", size=size), rt(0.74, plain(rate), size=size), rt(0.92, plain(basic), size=size)))  # fmt: skip
    page.add((t(0.08, "Twilight shift uplift", size=size), rt(0.6, f"{nights:.2f}", size=size), rt(0.74, "1.50", size=size), rt(0.92, plain(premium), size=size)))  # fmt: skip
    page.add((t(0.08, "Total gross pay", True, size=size), rt(0.92, plain(gross), True, size=size)))  # fmt: skip
    page.gap()
    page.add((t(0.08, "Deductions", True, size=size),))
    page.rule(0.08, 0.92, 80)
    for what, amount in cuts:
        page.add((t(0.08, what, size=size), rt(0.92, plain(amount), size=size)))
    page.add((t(0.08, "Total deductions", True, size=size), rt(0.92, plain(off), True, size=size)))  # fmt: skip
    page.gap()
    top = len(page.rows)
    page.add((t(0.5, "Banked this pay day", True, size=size), rt(0.92, plain(gross - off), True, size=style.point + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.48, 0.93, True, 230))
    page.gap()
    page.para("Hours are taken from the clocking-in terminal; raise any query with Payroll within a week.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def _practice(rng: random.Random, i: int) -> Doc:
    """A dental practice's pay advice: a salary with the month's bonus, the deductions
    listed under the pay, "Take-home" at the foot; monthly or four-weekly."""
    org, date, when = PRACTICE, dated(rng), _when(rng)
    frequency = ("monthly", "four_weekly")[(i // 2) % 2]
    salary = {"monthly": rng.randrange(190_000, 260_000), "four_weekly": rng.randrange(176_000, 238_000)}[frequency]  # fmt: skip
    bonus = rng.randrange(0, 8) * 2_500
    gross = salary + bonus
    cuts = [("PAYE for the period", gross * 10 // 100), ("Class 1 NI", gross * 6 // 100), ("Practice pension plan", gross * 7 // 100)]  # fmt: skip
    off = sum(a for _, a in cuts)
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[(i + 1) % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Pay advice", True, size=style.point + 3),))
    page.add((t(0.08, f"{first} {surname}, dental nurse", size=size), rt(0.92, f"Paid on {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, FREQUENCY_SHOWN[frequency][0], size=size), rt(0.92, f"Staff no. {digits(rng, 4)}", size=size))).gap()  # fmt: skip
    page.add((t(0.08, "Description", True, size=size), rt(0.92, "Amount", True, size=size)))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.08, "Basic salary", size=size), rt(0.92, plain(salary), size=size)))
    page.add((t(0.08, "Chairside bonus", size=size), rt(0.92, plain(bonus), size=size)))
    page.add((t(0.08, "Gross for the period", True, size=size), rt(0.92, plain(gross), True, size=size)))  # fmt: skip
    for what, amount in cuts:
        page.add((t(0.12, f"less {what}", size=size), rt(0.92, f"-{plain(amount)}", size=size)))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.08, "Take-home", True, size=size), rt(0.92, plain(gross - off), True, size=style.point + 1.5)))  # fmt: skip
    page.gap()
    page.para("Your P60 for the year will be sent in May.", size=SMALL)
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """The parcel hub's payslip (even) or the dental practice's pay advice (odd)."""
    return _hub(rng, i) if i % 2 == 0 else _practice(rng, i)


def _signed(pence: int) -> str:
    return plain(pence) if pence >= 0 else f"-{plain(-pence)}"


def _bank(rng: random.Random, i: int) -> Doc:
    """A bank's current account: date, details, out, in, running total."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Everyday account", True, size=style.point + 2), rt(0.92, f"Statement date {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Sort code 30-{digits(rng, 2)}-{digits(rng, 2)}   Account {digits(rng, 8)}   Statement {rng.randrange(10, 160)}", size=size),)).gap()  # fmt: skip
    xs = (0.62, 0.77, 0.92)
    page.add((t(0.08, "Date", True, size=size), t(0.19, "Details", True, size=size), *(rt(x, h, True, size=size) for x, h in zip(xs, ("Out", "In", "Running total"), strict=True))))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(2_000, 90_000)
    page.add((t(0.19, "Start balance", size=size), rt(0.92, _signed(running), size=size)))
    items = [("BROADWAY PARCEL HUB PAY", rng.randrange(38_000, 72_000)), ("DD OLDHAM COUNCIL CTAX", -rng.randrange(8_000, 18_000)),
             ("CARD TOMMYFIELD MARKET", -rng.randrange(1_000, 7_000)), ("DD STRINESDALE POWER", -rng.randrange(4_000, 12_000)),
             ("BROADWAY PARCEL HUB PAY", rng.randrange(38_000, 72_000)), ("CASH SPINDLES OLDHAM", -1_000 * rng.randrange(1, 6)),
             ("TRAM METROLINK", -rng.randrange(300, 2_000))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        cells = [t(0.08, f"{later(date, -offset):%d/%m}", size=size), t(0.19, what, size=size)]
        cells.append(rt(xs[0] if amount < 0 else xs[1], plain(abs(amount)), size=size))
        cells.append(rt(0.92, _signed(running), size=size))
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.19, "End balance", True, size=size), rt(0.92, _signed(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("Check your statement and tell us at once about any payment you do not recognise.", size=SMALL)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def _union(rng: random.Random, i: int) -> Doc:
    """A credit union's share account: deposits and withdrawals in one column, a sign
    before each, then the share balance."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, UNION, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Share account statement", True, size=style.point + 2),))
    page.add((t(0.08, f"Member {digits(rng, 6)}", size=size), rt(0.92, f"As at {when(date)}", size=size))).gap()  # fmt: skip
    page.add((t(0.08, "Date", True, size=size), t(0.2, "Transaction", True, size=size), rt(0.72, "+ / -", True, size=size), rt(0.92, "Shares", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(5_000, 150_000)
    page.add((t(0.2, "Shares brought in", size=size), rt(0.92, plain(running), size=size)))
    items = [("Straight from the payroll", rng.randrange(2_000, 6_000)), ("Cash at Henshaw Street", rng.randrange(1_000, 5_000)),
             ("Moved to the loan side", -rng.randrange(1_000, 4_000)), ("Straight from the payroll", rng.randrange(2_000, 6_000)),
             ("Withdrawal to bank", -rng.randrange(1_000, 4_000))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        sign = "+" if amount > 0 else "-"
        page.add((t(0.08, f"{later(date, -offset):%d.%m.%y}", size=size), t(0.2, what, size=size), rt(0.72, f"{sign}{plain(abs(amount))}", size=size), rt(0.92, plain(running), size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    page.add((t(0.2, "Shares carried out", True, size=size), rt(0.92, plain(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("A dividend on shares, if declared, is credited after the year end.", size=SMALL)
    _foot(page, UNION)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def bank_statement(rng: random.Random, i: int) -> Doc:
    """The bank's current account (even) or the credit union's share account (odd)."""
    return _bank(rng, i) if i % 2 == 0 else _union(rng, i)


def benefit(rng: random.Random, i: int) -> Doc:
    """Pension Credit (even: the in-tray docket) or Carer's Allowance (odd: the clock
    card)."""
    kinds = ("intray", "clockcard")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        org, what = PENSION, "Pension Credit"
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        weekly = rng.randrange(1_900, 9_800)
    else:
        org, what = CARERS, "Carer's Allowance"
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        weekly = rng.choice((8_145, 8_360))
    ref, ref_label = (
        f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}",
        "National Insurance no. held",
    )
    times = {"weekly": 1, "four_weekly": 4}[frequency]
    paid = weekly * times
    letter = Letter(
        org=org, title=f"{what}: we have decided your claim", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label=ref_label, ref=ref, date_label="Decision keyed on",
        facts=[("One benefit instalment", paid), ("Benefit paid how often", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"We have decided your claim for {what}.",
               f"You will get {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]}, paid into your account.",
               "Tell us straight away about any change, for example if you start work, go into hospital or someone moves in."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the facilities desk's fire drill (the whiteboard) and the social
    club's outing (the flip chart)."""
    kinds = ("whiteboard", "flipchart")
    when, date = _when(rng), dated(rng)
    on = later(date, 7 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=FIRE, title="Fire drill and marshal briefing", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Assembly point", ref=f"Point {rng.choice('ABC')}",
            facts=[("Drill planned for", on), ("Marshals meet at", "Reception, 10.45"), ("Floors taking part", "All floors")],
            paras=("A full evacuation drill is planned; please do not tell visitors in advance.",
                   f"The drill is on {when(on)}; leave by the nearest exit and do not use the lifts.",
                   "Marshals should check the toilets and kitchens on their floor before leaving."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=SOCIAL, title="Social club coach trip to the seaside", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Coach", ref=f"Coach {rng.randrange(1, 4)}",
            facts=[("Trip date", on), ("Coach leaves from", "The depot gates, 8 am")],
            paras=("Thanks to everyone who has signed the sheet in the canteen for this year's trip.",
                   f"The coach leaves on {when(on)}; children are welcome with an adult.",
                   "Bring a packed lunch; the club pays for fish and chips on the way home."),
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
class AXSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 4860


def build_ax(per_class: int = 4, *, seed: int = SEED) -> list[AXSample]:
    """``per_class`` documents of every class, held out, family ``<class>:AX``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, AXSample)


PRINT = Printer(FONTS.font, FONTS.measure)


def page_size(sample: AXSample, dpi: int) -> tuple[int, int]:
    return PRINT.page_size(sample, dpi)


def ax_text(sample: AXSample) -> str:
    """Every page's text, pages apart by form feeds."""
    return PRINT.text(sample)


def ax_pages(sample: AXSample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return PRINT.pages(sample, dpi=dpi)


# -- drawing the page ---------------------------------------------------------------------------


@frozen
class AXScan:
    dpi: int
    skew: float
    """Degrees."""
    lid: bool = False
    """Scanned with the lid up under strip lights; colour."""
    clip: bool = False
    """A paper clip left at the top of the page; greyscale JPEG."""
    fluid: bool = False
    """Correction fluid dabbed over a line; greyscale, as PDF."""


SCANS = (
    AXScan(dpi=300, skew=0.4, lid=True),
    AXScan(dpi=200, skew=-0.7, clip=True),
    AXScan(dpi=250, skew=0.25, fluid=True),
)

PAPER = (252, 251, 248)
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
    return g.top(m.row) - g.body // 3, g.foot(last) + g.body // 4


def _rule(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.top(m.row) - round(0.1 * g.body)
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(m.shade,) * 3, width=g.line)


def _card_paint(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A buff clock card with a notch at the middle of its foot for the time recorder."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle(
        (x0, y0 - g.body, x1, y1 + g.body), fill=BUFF, outline=INK, width=max(1, g.line + 1)
    )
    mid, notch = (x0 + x1) // 2, max(6, g.body)
    pen.rectangle((mid - notch, y1 + g.body - notch // 2, mid + notch, y1 + g.body), fill=PAPER, outline=INK)  # fmt: skip


def _slot(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.top(m.row) - g.body // 4
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(150, 120, 90), width=g.line)


def _frame(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A whiteboard: an aluminium frame round a white face, a pen tray under it."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    edge = max(4, g.body // 2)
    pen.rectangle((x0 - edge, y0 - edge, x1 + edge, y1 + edge), fill=ALLOY, outline=INK)
    pen.rectangle((x0, y0, x1, y1), fill=BOARD, outline=(120, 124, 130))
    pen.rectangle((x0 + g.x(0.1), y1 + edge, x1 - g.x(0.1), y1 + edge + g.body // 2), fill=ALLOY, outline=INK)  # fmt: skip


def _magnet(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    cy = g.top(m.row) + g.body // 2
    cx, r = g.x(m.x0), max(4, g.body // 2)
    pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(40, 90, 180), outline=INK)
    pen.ellipse((cx - r // 3, cy - r // 2, cx, cy - r // 5), fill=(170, 200, 240))


def _flip(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A flip-chart sheet: its ring holes along the top, the easel's legs below."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.line((x0 + g.x(0.05), y1, x0 - g.x(0.02), y1 + 3 * g.body), fill=(110, 110, 110), width=max(2, g.line * 3))  # fmt: skip
    pen.line((x1 - g.x(0.05), y1, x1 + g.x(0.02), y1 + 3 * g.body), fill=(110, 110, 110), width=max(2, g.line * 3))  # fmt: skip
    pen.rectangle(
        (x0, y0 - g.body, x1, y1), fill=(255, 255, 253), outline=(90, 90, 90), width=g.line
    )
    r = max(3, g.body // 4)
    for k in range(1, 8):
        cx = x0 + (x1 - x0) * k // 8
        pen.ellipse((cx - r, y0 - g.body // 2 - r, cx + r, y0 - g.body // 2 + r), fill=(200, 200, 200), outline=INK)  # fmt: skip


def _calpage(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A desk calendar's page: a coloured band across its top row, two ring holes."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0 - g.body // 2, x1, y1), fill=(255, 255, 255), outline=INK, width=g.line)
    band = g.foot(m.row) + g.body // 6
    pen.rectangle((x0 + 1, y0 - g.body // 2 + 1, x1 - 1, band), fill=(246, 206, 198))
    pen.line((x0, band, x1, band), fill=BAND, width=max(1, g.line + 1))
    r = max(2, g.body // 5)
    for cx in (x0 + (x1 - x0) // 4, x1 - (x1 - x0) // 4):
        cy = y0 - g.body // 4
        pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(60, 60, 60))


def _badge(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A lanyard badge: a rounded card with a clip slot at its top, the strap rising off it
    in a V."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    mid = (x0 + x1) // 2
    strap = max(3, g.body // 3)
    for side in (-1, 1):
        pen.line((mid + side * strap, y0 - g.body // 2, mid + side * g.x(0.2), y0 - 2 * g.body), fill=(30, 70, 150), width=strap)  # fmt: skip
    pen.rounded_rectangle((x0, y0, x1, y1), radius=max(6, g.body), fill=(246, 248, 252), outline=INK, width=max(1, g.line + 1))  # fmt: skip
    pen.rounded_rectangle((mid - g.body, y0 + g.body // 4, mid + g.body, y0 + g.body // 2 + 2), radius=2, fill=(200, 204, 210), outline=INK)  # fmt: skip


def _tray(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """An in-tray under the docket: its lip a band under the slip, its sides sloping."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    lip = max(6, g.body)
    pen.polygon([(x0 - lip, y1), (x1 + lip, y1), (x1, y1 + lip), (x0, y1 + lip)], fill=(70, 70, 76), outline=INK)  # fmt: skip
    pen.rectangle((x0 + lip // 2, y0 - g.body // 2, x1 - lip // 2, y1), fill=(255, 253, 240), outline=(120, 120, 110))  # fmt: skip


def _tick(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    cy = g.top(m.row) + g.body // 2
    cx, r = g.x(m.x0), max(4, g.body // 2)
    pen.rectangle((cx - r, cy - r, cx + r, cy + r), outline=INK, width=g.line)


PAINT: dict[str, Callable[[ImageDraw.ImageDraw, _Geo, Mark], None]] = {
    "rule": _rule,
    "clockcard": _card_paint,
    "slot": _slot,
    "frame": _frame,
    "magnet": _magnet,
    "flip": _flip,
    "calpage": _calpage,
    "badge": _badge,
    "tray": _tray,
    "tick": _tick,
}
UNDER = ("clockcard", "frame", "flip", "calpage", "badge", "tray")
"""Drawn first: what other shapes stand on."""


def _draw(sample: AXSample, n: int, dpi: int) -> Image.Image:
    """Page ``n`` drawn clean: the card, board, sheet, pages, badge and tray first, then
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


def _free_rows(sample: AXSample, n: int) -> list[int]:
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


def _lid(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Colour; scanned with the lid up under strip lights: the glass beyond the page black,
    the page a little smaller than the glass and askew on it, its edges darkening where
    they lift off the glass, a cool cast from the tubes overhead."""
    turned = image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=PAPER)
    w, h = turned.size
    src = np.asarray(turned).astype(np.float32)
    xs = np.arange(w, dtype=np.float32)[None, :]
    ys = np.arange(h, dtype=np.float32)[:, None]
    reach = 0.035 * w
    near = np.minimum(np.minimum(xs, w - 1 - xs), np.minimum(ys, h - 1 - ys))
    lift = np.clip(1.0 - near / reach, 0, 1) ** 2
    shade = 1.0 - 0.55 * lift
    cast = np.asarray((0.95, 0.98, 1.0), dtype=np.float32)
    out = src * shade[:, :, None] * cast[None, None, :]
    out += np.random.default_rng(rng.randrange(1 << 30)).normal(0.0, 2.0, (h, w))[:, :, None]
    page = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))
    margin = round(0.025 * w)
    glass = Image.new("RGB", (w + 2 * margin, h + 2 * margin), (8, 8, 10))
    glass.paste(page, (margin + rng.randrange(-margin // 2, margin // 2 + 1), margin + rng.randrange(-margin // 2, margin // 2 + 1)))  # fmt: skip
    return glass


def _clip(image: Image.Image, sample: AXSample, n: int, dpi: int, rng: random.Random, skew: float) -> Image.Image:  # fmt: skip
    """Greyscale; a paper clip left at the top of the page: its wire loops over the top
    margin and the page's edge, their soft shadow, and the dimple where it bit."""
    grey = image.convert("L")
    w, _ = grey.size
    tops, _ = PRINT.rows(sample, n, dpi)
    bottom = max(round(dpi * 0.25), tops[0] - round(dpi * 0.08)) if tops else round(dpi * 0.4)
    x = round(w * rng.uniform(0.62, 0.86))
    width = round(dpi * 0.3)
    shadow = Image.new("L", grey.size, 0)
    sp = ImageDraw.Draw(shadow)
    wire = max(2, dpi // 80)

    def loops(pen: ImageDraw.ImageDraw, dx: int, dy: int, fill: int) -> None:
        outer = (x + dx, -round(dpi * 0.2) + dy, x + width + dx, bottom + dy)
        inner = (x + width // 5 + dx, -round(dpi * 0.1) + dy, x + width - width // 5 + dx, bottom - round(dpi * 0.08) + dy)  # fmt: skip
        pen.rounded_rectangle(outer, radius=width // 2, outline=fill, width=wire)
        pen.rounded_rectangle(inner, radius=width // 3, outline=fill, width=wire)

    loops(sp, wire * 2, wire * 2, 90)
    shadow = shadow.filter(ImageFilter.GaussianBlur(wire * 1.5))
    arr = np.asarray(grey, dtype=np.float32) - np.asarray(shadow, dtype=np.float32)
    dimple = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    pen = ImageDraw.Draw(dimple)
    pen.line(
        (x - wire * 3, bottom + wire * 2, x + width + wire * 3, bottom + wire * 2),
        fill=215,
        width=1,
    )
    loops(pen, 0, 0, 70)
    arr = np.asarray(dimple, dtype=np.float32)
    arr += np.random.default_rng(rng.randrange(1 << 30)).normal(0.0, 2.5, arr.shape)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=246)


def _fluid(image: Image.Image, sample: AXSample, n: int, dpi: int, rng: random.Random, skew: float) -> Image.Image:  # fmt: skip
    """Greyscale; correction fluid dabbed over a line that holds no true value: a white,
    slightly raised blot whose rim casts a thin shadow."""
    grey = image.convert("L")
    tops, heights = PRINT.rows(sample, n, dpi)
    free = [k for k in _free_rows(sample, n) if k < len(tops)]
    if free:
        row = rng.choice(free)
        cells = [c for c in sample.pages[n][row] if c.text.strip()]
        y0, y1 = tops[row] - heights[row] // 4, tops[row] + heights[row] + heights[row] // 4
        w = grey.size[0]
        left = round(w * max(0.04, min(c.x for c in cells) - 0.03)) if cells else round(w * 0.1)
        right = min(w - 4, left + round(w * rng.uniform(0.22, 0.4)))
        rim = Image.new("L", grey.size, 0)
        ImageDraw.Draw(rim).rounded_rectangle((left + 2, y0 + 3, right + 3, y1 + 4), radius=(y1 - y0) // 2, fill=70)  # fmt: skip
        rim = rim.filter(ImageFilter.GaussianBlur(2))
        arr = np.asarray(grey, dtype=np.float32) - np.asarray(rim, dtype=np.float32) * 0.6
        blotted = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        ImageDraw.Draw(blotted).rounded_rectangle((left, y0, right, y1), radius=(y1 - y0) // 2, fill=252)  # fmt: skip
        grey = blotted
    arr = np.asarray(grey, dtype=np.float32)
    arr += np.random.default_rng(rng.randrange(1 << 30)).normal(0.0, 1.8, arr.shape)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=250)


def render(sample: AXSample, n: int, scan: AXScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.lid:
        return _lid(image, rng, scan.skew)
    if scan.clip:
        return _clip(image, sample, n, scan.dpi, rng, scan.skew)
    return _fluid(image, sample, n, scan.dpi, rng, scan.skew)


def ax_scanned(sample: AXSample, index: int) -> tuple[bytes, str, AXScan]:
    """Scanned one of three ways: with the lid up as colour PNG (its resolution at even
    indexes), with a paper clip on as greyscale baseline JPEG (quality ``QUALITY``, no
    resolution), with correction fluid on a line as a one-page greyscale PDF (250 dpi);
    documents of more pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 71 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or scan.fluid:
        return encode_pages([im.convert("L") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.clip:
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
    "AXSample",
    "AXScan",
    "ax_pages",
    "ax_scanned",
    "ax_text",
    "build_ax",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
