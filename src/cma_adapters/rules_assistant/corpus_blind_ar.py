# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AR``, written blind: a thirty-seventh measure of how the reader
generalises, in a thirty-seventh hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I``,
``J``, ``AA`` to ``AL``, ``AN`` to ``AQ``).

``AR`` was written in one sitting by an author who had read only the corpus's interfaces
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
Whoever reads its individual misses to change the reader makes ``AR`` no longer blind and
must say so there.

**AR is no longer blind since round 40** (branch ``reader40``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AR
from then on is a training-side figure (benchmarks/OCR.md, "Round 40").

The task suggested Teesside; grep found it taken (M named Middlesbrough, Stockton,
Redcar, Hartlepool and Saltburn, Z Teesside and Redcar, U the Tees), and Cumbria, north
Lincolnshire, Wiltshire, Medway and the Isle of Wight taken too, so ``AR`` is set in
**Luton** (Leagrave, Limbury, Lewsey, Biscot, Stopsley, Round Green, Farley Hill, Marsh
Farm, Sundon Park, Hockwell Ring, Crawley Green, Bramingham, Wardown), which no earlier
module names, under the law of England and Wales. Grep found no earlier setting of a
ladder, a wheel, a spiral notepad, dominoes, a washing line or oval roundels, and no scan
with a bulldog clip, a scorch or bleach, so ``AR`` has its own:

* who writes: a car finance firm's arrears letter and an airport car park operator's
  private parking charge (both debt letters); a money claim and a judgment from the Civil
  National Business Centre; a High Court enforcement officer's notice under a writ of
  control for a glazier's judgment, and a council tax enforcement agent's notice for the
  borough (both enforcement); a roofing merchant's statutory demand; the borough's council
  tax; a water company's bill and an energy supplier's arrears; the magistrates' fine
  (HMCTS); a card debt sold to a debt purchaser; a Universal Credit overpayment (the DWP);
  a building society; a housing association; a pay later app and a home shopping
  catalogue; solicitors for a veterinary surgery; Attendance Allowance and Carer's
  Allowance (the DWP); an airport ground handling firm and a van plant as employers; a
  high street bank's current account and a credit union's statement; a carnival costume
  workshop and a hat trade history society; the people have names of Luton's many
  origins;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **ladder**: two rails drawn down the middle of the page, each fact a rung: its label
    right-aligned against the left rail, its value in bold after the right rail, a rung
    ruled between them;
  - **roundels**: every fact (the date and reference too) in an oval roundel, label small
    over value, three a row;
  - **wheel**: the sum the letter is about in a hub at the centre, the other facts at the
    ends of spokes, two above the hub and the rest below, left and right;
  - **notepad**: the letter set as a sheet of a spiral-bound notepad: wire coils across
    the head, a red margin line, every line ruled in pale blue, the facts one a line as
    "label:" and value;
  - **dominoes**: each fact a domino tile, the label in the left half right-aligned to
    the tile's divider, the value in bold in the right half; two tiles a row;
  - **washing line**: the facts on cards pegged to a line strung across the page, three
    cards a line, the line sagging so the middle card hangs a row lower;
  payslips for an airport ground handling firm (hours by kind: basic, nights, overtime at
  time and a half, with the rate and pay; weekly or fortnightly) or a van plant (earnings
  and deductions side by side, "Net payment" boxed, taxable pay to date; monthly or
  four-weekly); bank statements as a high street bank's current account (a type code on
  each line, withdrawals, deposits and balance) or a credit union's (one amount column,
  money out in brackets);
* faces: DejaVu Serif Condensed under Open Sans Semibold headings, Carlito under DejaVu
  Sans Bold headings, Open Sans Condensed Light under Caladea Bold headings, 9.5 to 10.5
  pt; each italic the body's own;
* dates as "Fri 4 December 2026" (the weekday cut, the month in full) and "4 Dec 2026
  (Fri)" (the weekday cut in brackets after); amounts as "£1,234.56" and, in tables and
  cells, "1,234.56";
* scans new to the families: a page scanned with a steel bulldog clip still on its top
  edge towards a corner (the black jaws in the top margin, the wire handles folded down
  over the page, their shadow; 300 dpi greyscale PNG, its resolution at even indexes); a
  page scorched by an iron (a brown, pointed scorch over a few lines in the lower half,
  centred on a line that holds no true value, darkest in the middle; 200 dpi colour JPEG
  without a resolution); a page splashed with bleach spray (round spots where the print
  faded to a pale grey, only within lines that hold no true value, a faint tide ring round
  each; 250 dpi greyscale, as a one-page PDF).

Not all of the above is new, as far as grep over the earlier modules shows (checked before
any measuring): "£1,234.56" and "1,234.56" are many families'; the Civil National Business
Centre (``corpus_families``), HMCTS, the DWP, Attendance Allowance, Carer's Allowance, a
Universal Credit overpayment, hire purchase and credit unions are named before; M named a
High Court enforcement officer and a writ of control; U printed "4 December 2026 (Fri)"
and AO "4/12/2026 (Fri)" (never the month cut before the bracket), V "Fri 4th Dec 2026"
and many "Friday 4 December 2026" (never the weekday cut with the month in full); AB and
AK drew ovals (never a roundel holding a fact); AQ drew hexagons and AL wrote a spoke
(never a wheel); AI laid a pen with a clip across a page and P left a coffee ring (never a
bulldog clip, a scorch or bleach).

Ground truth follows L's to AQ's conventions: ``creditor_name`` is whoever is owed now (the
claimant, the judgment creditor behind the enforcement officer, the council behind its
enforcement agent, a solicitor's client, the assignee of a sold debt, the DWP for its
overpayment); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on the claim and the judgment the
claimant's own reference; the enforcement officer's and agent's their own case numbers;
the parking charge its notice number); ``court_claim_number`` the claim number;
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

FAMILY = "AR"

PEOPLE = (
    ("Mr", "Imran", "Bashir-Hussain"),
    ("Ms", "Grainne", "Mulcahy"),
    ("Mrs", "Blessing", "Adjei-Mensah"),
    ("Mr", "Florin", "Constantinescu"),
)
ADDRESSES = (
    ("41 Leagrave High Street", "Luton", "LU4 9JY"),
    ("Flat 6, 12 Biscot Road", "Luton", "LU3 1AX"),
    ("27 Hockwell Ring", "Luton", "LU4 9NA"),
    ("88 Crawley Green Road", "Luton", "LU2 0QX"),
)

# -- date and money shapes -------------------------------------------------------------------


def cut_day_full_month(date: dt.date) -> str:
    """Fri 4 December 2026: the weekday cut, the day unpadded, the month in full."""
    return f"{date:%a} {date.day} {date:%B} {date.year}"


def weekday_bracketed(date: dt.date) -> str:
    """4 Dec 2026 (Fri): the day unpadded, the month cut, the weekday cut in brackets."""
    return f"{date.day} {date:%b} {date.year} ({date:%a})"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (cut_day_full_month, weekday_bracketed)
"""The shapes a document's dates take (one a document)."""
ALL_SHAPES = DATE_SHAPES


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Paid weekly on Fridays", "each week"),
    "fortnightly": ("Paid fortnightly on Fridays", "each fortnight"),
    "four_weekly": ("Paid once every 4 weeks", "every 4 weeks"),
    "monthly": ("Paid monthly, last working day", "each calendar month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AR prints a true value (to check it is on the page, or in an OCR text)."""
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
    "serifcond": {
        (False, False): _DV + "DejaVuSerifCondensed.ttf",
        (True, False): _OS + "OpenSans-Semibold.ttf",
        (False, True): _DV + "DejaVuSerifCondensed-Italic.ttf",
        (True, True): _OS + "OpenSans-SemiboldItalic.ttf",
    },
    "carlito": {
        (False, False): _CX + "Carlito-Regular.ttf",
        (True, False): _DV + "DejaVuSans-Bold.ttf",
        (False, True): _CX + "Carlito-Italic.ttf",
        (True, True): _DV + "DejaVuSans-BoldOblique.ttf",
    },
    "condlight": {
        (False, False): _OS + "OpenSans-CondLight.ttf",
        (True, False): _CX + "Caladea-Bold.ttf",
        (False, True): _OS + "OpenSans-CondLightItalic.ttf",
        (True, True): _CX + "Caladea-BoldItalic.ttf",
    },
}
"""Each body face under headings of another family: DejaVu Serif Condensed under Open Sans
Semibold, Carlito under DejaVu Sans Bold, Open Sans Condensed Light under Caladea Bold;
each italic the body's own."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)

INK = (22, 22, 30)
RED = (196, 52, 60)
"""The notepad's margin line."""
BLUE = (150, 182, 214)
"""The notepad's ruling."""


@frozen
class Style:
    face: str = "serifcond"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("serifcond", 9.5), Style("carlito", 10.5), Style("condlight", 10.5))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind``: "rule" (across above row ``row`` from ``x0`` to ``x1``, ``shade`` its grey),
    "rails" (a ladder's two rails at ``x0`` and ``x1`` over rows ``row``..``last``),
    "rung" (a rung from ``x0`` to ``x1`` through the middle of row ``row``), "roundel" (an
    oval centred at ``x0``, ``x1`` wide, over rows ``row``..``last``), "hub" (the wheel's
    hub, as a roundel but heavier), "spoke" (from the middle of rows ``row``..``last`` at
    ``x0`` towards the hub's centre: ``shade`` the hub's middle row), "coils" (the notepad's wire
    coils across the head), "ruled" (a pale blue line under every row ``row``..``last``),
    "margin" (the notepad's red line at ``x0`` over rows ``row``..``last``), "domino" (a
    tile from ``x0`` to ``x1`` over rows ``row``..``last``, ``shade`` its divider in
    thousandths of the page), "line" (a washing line from ``x0`` to ``x1`` through row
    ``row``, ``shade`` its sag in rows) and "card" (a card hung from ``x0`` to ``x1`` over
    rows ``row``..``last`` with a peg at its top)."""

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
    team: str = "Customer Services"


Fact = tuple[str, object]
"""A label and its raw value: pence (int), a date, or words (str)."""


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the labelled facts
    as raw values (the first money fact the one the letter is about, the wheel's hub);
    ``paras`` the prose."""

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


def _rows(letter: Letter, amount: Callable[[int], str] = pounds) -> list[tuple[str, str]]:
    """The letter's date, its reference and its facts as (label, shown value)."""
    rows = [(letter.date_label, letter.when(letter.date)), (letter.ref_label, letter.ref)]
    return rows + [(label, shown(letter, value, amount)) for label, value in letter.facts]


def _foot(page: Sheet, org: Org) -> None:
    page.foot = len(page.rows)
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    for row in page.wrapped(text, 0.1, 0.9, size=SMALL - 1):
        page.add((ct(0.5, row[0].text, size=SMALL - 1),))


def _head(page: Sheet, org: Org, style: Style, x: float = 0.08) -> None:
    """The name centred in the heading face, the address and telephone centred under it in
    small type, two rules under both."""
    page.add((ct(0.5, org.name, True, size=style.point + 3),))
    page.add((ct(0.5, f"{org.street}, {org.town}  |  {org.phone}", size=SMALL),))
    page.rule(x, 0.92, 40)
    page.gap()
    page.rule(x, 0.92, 140)


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


def _small(page: Sheet, text: str, x: float, right: float, size: float, align: str = "left") -> list[tuple[Cell, ...]]:  # fmt: skip
    """``text`` in small plain lines between ``x`` and ``right``, aligned as asked."""
    rows = page.wrapped(text, x, right, size=size)
    if align == "centre":
        return [(ct((x + right) / 2, r[0].text, size=size),) for r in rows]
    if align == "right":
        return [(rt(right, r[0].text, size=size),) for r in rows]
    return rows


def _centred(page: Sheet, label: str, value: str, x0: float, x1: float, size: float) -> list[tuple[Cell, ...]]:  # fmt: skip
    """The label small over the value in bold, both centred between ``x0`` and ``x1``."""
    return _small(page, label, x0, x1, size, "centre") + _bold(page, value, x0, x1, size + 1.5, "centre")  # fmt: skip


def _opening(page: Sheet, rng: random.Random, letter: Letter, x: float = 0.08) -> None:
    """The address, the title and the greeting."""
    (title, _, surname), lines = person(rng)
    page.add(*((t(x, line),) for line in lines)).gap()
    page.add(*_bold(page, letter.title, x, 0.92, page.style.point + 1.5)).gap()
    page.add((t(x, f"Dear {title} {surname},"),)).gap()


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92, size: float = 0.0) -> None:  # fmt: skip
    for text in paras:
        page.para(text, x=x, right=right, size=size).gap()


def _sign(page: Sheet, org: Org, x: float = 0.08) -> None:
    page.add((t(x, "Yours faithfully"),)).gap()
    page.add((t(x, f"{org.team}, {org.name}", True),))


def _money_fact(letter: Letter) -> tuple[str, int] | None:
    return next(((label, v) for label, v in letter.facts if isinstance(v, int)), None)


# -- the six settings ---------------------------------------------------------------------------

RAILS = (0.41, 0.51)
"""Where the ladder's two rails stand."""


def _ladder(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Two rails down the middle; each fact a rung: the label right-aligned against the
    left rail, the value in bold after the right rail."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    top = len(page.rows)
    page.gap()
    size = SMALL + 1
    for label, value in _rows(letter):
        left = _small(page, label, 0.1, RAILS[0] - 0.02, size, "right")
        right = _bold(page, value, RAILS[1] + 0.02, 0.92, style.point)
        page.rules.append(Mark("rung", len(page.rows), RAILS[0], RAILS[1]))
        page.beside(left, right)
        page.gap()
    page.rules.append(Mark("rails", top, RAILS[0], RAILS[1], last=len(page.rows) - 1))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


ROUNDEL = 0.28
"""A roundel's width (share of the page)."""


def _roundels(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Every fact in an oval roundel (label small over the value, centred), three a row,
    or two where a value would not fit a third of the page."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    cells = _rows(letter)
    while cells:
        xs: tuple[float, ...] = (0.22, 0.5, 0.78)
        width = ROUNDEL
        if any(FONTS.length(style, value, SMALL + 1.5, True) > ROUNDEL - 0.09 for _, value in cells[:3]):  # fmt: skip
            xs, width = (0.29, 0.71), ROUNDEL + 0.1
        group, cells = cells[: len(xs)], cells[len(xs) :]
        top = len(page.rows)
        columns = [[(), *_centred(page, label, value, x - width / 2 + 0.045, x + width / 2 - 0.045, SMALL), ()] for (label, value), x in zip(group, xs, strict=False)]  # fmt: skip
        page.beside(*columns)
        for x in xs[: len(group)]:
            page.rules.append(Mark("roundel", top, x, width, last=len(page.rows) - 1))
        page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


SIDES = ((0.08, 0.34), (0.66, 0.92))
"""Where the facts at the ends of the wheel's spokes stand."""


def _wheel(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The sum in a hub at the centre, the other facts at the ends of spokes: two above
    the hub (left and right), the rest below."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    label, total = _money_fact(letter) or ("", 0)
    others = [(w, v) for w, v in _rows(letter) if w != label]
    size = SMALL + 0.5
    ends: list[tuple[int, int, float]] = []

    def block(items: list[tuple[str, str]]) -> None:
        for k in range(0, len(items), 2):
            top = len(page.rows)
            columns = []
            for (what, value), (x0, x1), side in zip(items[k : k + 2], SIDES, ("left", "right"), strict=False):  # fmt: skip
                columns.append([*_small(page, what, x0, x1, size, side), *_bold(page, value, x0, x1, style.point, side)])  # fmt: skip
            page.beside(*columns)
            for n, ((x0, x1), side) in enumerate(zip(SIDES, ("left", "right"), strict=True)):
                if n < len(columns):
                    ends.append((top, top + len(columns[n]) - 1, x1 + 0.01 if side == "left" else x0 - 0.01))  # fmt: skip
            page.gap()

    block(others[:2])
    hub = len(page.rows)
    page.add((), *_centred(page, label, pounds(total), 0.38, 0.62, SMALL), ())
    page.rules.append(Mark("hub", hub, 0.5, 0.3, last=len(page.rows) - 1))
    centre = (hub + len(page.rows) - 1) // 2
    page.gap()
    block(others[2:])
    for first, last, x in ends:
        page.rules.append(Mark("spoke", first, x, 0.5, last=last, shade=centre))
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


def _notepad(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A sheet of a spiral-bound notepad: coils across the head, a red margin, every line
    ruled, the facts one a line as "label:" then the value."""
    org = letter.org
    page = Sheet(style)
    page.rules.append(Mark("coils", 0, 0.06, 0.94))
    page.gap()
    _head(page, org, style, 0.15)
    first = len(page.rows)
    _opening(page, rng, letter, 0.16)
    _prose(page, letter.paras[:1], x=0.16)
    size = style.point - 0.5
    for label, value in _rows(letter):
        wrapped = _small(page, f"{label}:", 0.16, 0.5, size)
        values = _bold(page, value, 0.52, 0.92, size)
        page.beside(wrapped, values)
    page.gap()
    _prose(page, letter.paras[1:], x=0.16)
    _sign(page, org, 0.16)
    page.rules.append(Mark("ruled", first, 0.06, 0.94, last=len(page.rows) - 1))
    page.rules.append(Mark("margin", first, 0.135, last=len(page.rows) - 1))
    _foot(page, org)
    return [page]


TILES = ((0.08, 0.25, 0.48), (0.52, 0.69, 0.92))
"""Each domino's left edge, divider and right edge."""


def _dominoes(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Each fact a domino: the label in the left half right-aligned to the divider, the
    value in bold in the right half; two tiles a row."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    pairs = _rows(letter)
    for k in range(0, len(pairs), 2):
        top = len(page.rows)
        columns = []
        for (label, value), (x0, mid, x1) in zip(pairs[k : k + 2], TILES, strict=False):
            left = _small(page, label, x0 + 0.015, mid - 0.015, SMALL, "right")
            right = _bold(page, value, mid + 0.015, x1 - 0.015, style.point)
            n = max(len(left), len(right))
            rows = [tuple(c for part in (left, right) if j < len(part) for c in part[j]) for j in range(n)]  # fmt: skip
            columns.append([(), *rows, ()])
        page.beside(*columns)
        for (x0, mid, x1), column in zip(TILES, columns, strict=False):
            page.rules.append(Mark("domino", top, x0, x1, last=top + len(column) - 1, shade=round(mid * 1000)))  # fmt: skip
        page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


CARDS = ((0.08, 0.33), (0.375, 0.625), (0.67, 0.92))


def _washing(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The facts on cards pegged to a line across the page, three a line, the middle card
    a row lower where the line sags (label small over value, centred)."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    cells = _rows(letter)
    for k in range(0, len(cells), 3):
        group = cells[k : k + 3]
        line = len(page.rows)
        page.rules.append(Mark("line", line, 0.05, 0.95, shade=1))
        page.gap()
        top = len(page.rows)
        columns = []
        for n, ((label, value), (x0, x1)) in enumerate(zip(group, CARDS, strict=False)):
            drop = [()] if n == 1 else []
            columns.append([*drop, (), *_centred(page, label, value, x0 + 0.02, x1 - 0.02, SMALL), ()])  # fmt: skip
        page.beside(*columns)
        for n, ((x0, x1), column) in enumerate(zip(CARDS, columns, strict=False)):
            page.rules.append(Mark("card", top + (n == 1) - 1, x0, x1, last=top + len(column) - 1))  # fmt: skip
        page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "ladder": _ladder,
    "roundels": _roundels,
    "wheel": _wheel,
    "notepad": _notepad,
    "dominoes": _dominoes,
    "washing": _washing,
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
    return f"{name} (company no. {number}), registered office {office}.{extra}"


FCA = " Authorised and regulated by the Financial Conduct Authority."
CARFIN = Org("Sundon Park Motor Finance Ltd", "Arrears Desk, 3 Sundon Park Road", "Luton LU3 3AH", "01582 301 774",
             _ltd("Sundon Park Motor Finance Ltd", "10473318", "Sundon Park Road, Luton LU3 3AH", FCA), "Arrears Desk")  # fmt: skip
PARKING = Org("Airport Way Parking Ltd", "Charge Enquiries, PO Box 5521", "Luton LU2 9ZZ", "01582 360 118",
              _ltd("Airport Way Parking Ltd", "11839205", "Airport Way, Luton LU2 9LY", " A member of an accredited operator scheme."), "Charge Enquiries")  # fmt: skip
CNBC = "Civil National Business Centre"
BUSINESS = Org(CNBC, "PO Box 527", "Salford M5 0BY", "0300 123 1056",
               "Civil National Business Centre, HM Courts & Tribunals Service. Write the claim number on anything you send.", "Court Staff")  # fmt: skip
LENDER = Org("Limbury Guarantor Loans Ltd", "PO Box 2210", "Luton LU3 9YG", "0333 014 6620",
             _ltd("Limbury Guarantor Loans Ltd", "12655091", "Limbury Road, Luton LU3 2PL", FCA))  # fmt: skip
FURNITURE = Org("Farley Hill Furniture Credit Ltd", "Credit Office, Farley Hill", "Luton LU1 5HA", "01582 415 206",
                _ltd("Farley Hill Furniture Credit Ltd", "09318847", "Farley Hill, Luton LU1 5HA", FCA))  # fmt: skip
GLAZING = Org("Chaul End Glazing Ltd", "Chaul End Lane", "Luton LU4 8EZ", "01582 492 650",
              _ltd("Chaul End Glazing Ltd", "08120574", "Chaul End Lane, Luton LU4 8EZ"))  # fmt: skip
SHERIFFS = Org("Lea Manor High Court Enforcement Ltd", "Writ Section, PO Box 7734", "Luton LU2 8WS", "01582 555 019",
               _ltd("Lea Manor High Court Enforcement Ltd", "13558210", "Lea Manor, Luton LU3 3TL", " Our officers are authorised by the Lord Chancellor."), "Writ Section")  # fmt: skip
LUTON = "Luton Borough Council"
BAILIFFS = Org("Biscot Enforcement Services Ltd", "PO Box 3380", "Luton LU1 9BE", "01582 201 447",
               _ltd("Biscot Enforcement Services Ltd", "07980223", "Biscot Road, Luton LU3 1AH", " Certificated enforcement agents acting for local councils."), "Council Tax Enforcement")  # fmt: skip
ROOFING = Org("Bramingham Roofing Supplies Ltd", "Accounts, Bramingham Road", "Luton LU3 2SR", "01582 580 339",
              _ltd("Bramingham Roofing Supplies Ltd", "05561248", "Bramingham Road, Luton LU3 2SR"), "Accounts")  # fmt: skip
TAX = Org(LUTON, "Revenues Section, Town Hall", "Luton LU1 2BQ", "01582 546 000",
          "Luton Borough Council collects council tax for itself and for the police and fire authorities.", "Revenues Section")  # fmt: skip
WATER = Org("Someries Water Services Ltd", "Billing, PO Box 661", "Luton LU2 9WB", "0345 722 3840",
            _ltd("Someries Water Services Ltd", "02914476", "Someries Lane, Luton LU2 9PY"), "Water Billing")  # fmt: skip
ENERGY = Org("Warden Hill Energy Ltd", "PO Box 4120", "Luton LU2 7ZQ", "0800 917 2285",
             _ltd("Warden Hill Energy Ltd", "12990371", "Warden Hill Road, Luton LU2 7AE"), "Payments Team")  # fmt: skip
HMCTS = "HM Courts & Tribunals Service"
FINES = Org(HMCTS, "Fines Office, Luton Magistrates' Court, Stuart Street", "Luton LU1 5BL", "0300 790 9901",
            "HM Courts & Tribunals Service collects the fines imposed by the magistrates' courts.", "Fines Officer")  # fmt: skip
SAINTS = Org("Saints Card Company Ltd", "PO Box 9013", "Luton LU1 9SC", "0345 301 2218",
             _ltd("Saints Card Company Ltd", "11204863", "Dunstable Road, Luton LU4 8AB", FCA))  # fmt: skip
BUYER = Org("Lewsey Receivables Ltd", "PO Box 8802", "Luton LU4 9ZR", "0333 200 7315",
            _ltd("Lewsey Receivables Ltd", "13027719", "Lewsey Farm, Luton LU4 0ES", FCA), "Acquired Accounts")  # fmt: skip
DWP = "Department for Work and Pensions"
DEBTS = Org(DWP, "Debt Management, Mail Handling Site A", "Wolverhampton WV98 2DS", "0800 916 0647",
            "The Department for Work and Pensions recovers benefit paid in error.", "Debt Management")  # fmt: skip
SOCIETY = Org("Round Green Building Society", "Home Loans, 14 Hitchin Road", "Luton LU2 0ER", "01582 733 204",
              "Round Green Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (no. 207381).", "Home Loans")  # fmt: skip
HOMES = Org("Crawley Green Homes", "Income Team, 5 Crawley Green Road", "Luton LU2 0QH", "01582 818 460",
            "Crawley Green Homes is a charitable housing association and a registered provider of social housing (no. L4417).", "Income Team")  # fmt: skip
LATCH = Org("Latchpay Ltd", "help@latchpay.example", "London EC1V 9ZZ", "0333 090 7716",
            _ltd("Latchpay Ltd", "13660412", "City Road, London EC1V 2NX", FCA), "Latchpay Support")  # fmt: skip
CATALOGUE = Org("Ramridge Home Shopping Ltd", "Accounts, Ramridge Road", "Luton LU2 0LX", "0345 077 1964",
                _ltd("Ramridge Home Shopping Ltd", "04219388", "Ramridge Road, Luton LU2 0LX", FCA))  # fmt: skip
VET = Org("Stockwood Vale Veterinary Surgery Ltd", "Farley Road", "Luton LU1 4BZ", "01582 723 990",
          _ltd("Stockwood Vale Veterinary Surgery Ltd", "09871140", "Farley Road, Luton LU1 4BZ"))  # fmt: skip
SOLICITORS = Org("Okonkwo Brennan LLP", "Debt Litigation, 9 Upper George Street", "Luton LU1 2RD", "01582 400 872",
                 "Okonkwo Brennan LLP is authorised and regulated by the Solicitors Regulation Authority (SRA no. 652209).", "Debt Litigation")  # fmt: skip
HANDLING = Org("Hatters Ground Handling Ltd", "Payroll, Percival House, Airport Way", "Luton LU2 9NT", "01582 395 480",
               _ltd("Hatters Ground Handling Ltd", "10055128", "Airport Way, Luton LU2 9NT"), "Payroll")  # fmt: skip
VANS = Org("Kimpton Road Van Works Ltd", "Salaries Office, Kimpton Road", "Luton LU2 0SX", "01582 426 300",
           _ltd("Kimpton Road Van Works Ltd", "00891462", "Kimpton Road, Luton LU2 0SX"), "Salaries Office")  # fmt: skip
BANK = Org("Hockwell Ring Bank plc", "Customer Letters, PO Box 1007", "Luton LU1 9HB", "0345 602 4470",
           _ltd("Hockwell Ring Bank plc", "02177564", "George Street West, Luton LU1 2BJ", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Current Accounts")  # fmt: skip
UNION = Org("Marsh Farm and District Credit Union", "Purley Centre, Marsh Farm", "Luton LU3 3SR", "01582 574 031",
            "Marsh Farm and District Credit Union Ltd is authorised by the PRA and regulated by the FCA and the PRA (no. 213390).", "Members' Accounts")  # fmt: skip
AA = Org(DWP, "Attendance Allowance Unit, Mail Handling Site A", "Wolverhampton WV98 2AD", "0800 731 0122",
         "Attendance Allowance is paid by the Department for Work and Pensions.", "Attendance Allowance Unit")  # fmt: skip
CARERS = Org(DWP, "Carer's Allowance Unit, Mail Handling Site A", "Wolverhampton WV98 2AB", "0800 731 0297",
             "Carer's Allowance is paid by the Department for Work and Pensions.", "Carer's Allowance Unit")  # fmt: skip
CARNIVAL = Org("Luton Carnival Costume Makers", "c/o The Hat Factory arts centre, Bute Street", "Luton LU1 2EY", "07700 900 552",
               "Volunteers sew and wire the costumes for the carnival parade each summer; nothing here asks for money.", "Workshop Lead")  # fmt: skip
HATS = Org("Luton Hat Trade History Society", "c/o Wardown House", "Luton LU2 7HA", "07700 900 873",
           "The society records the town's straw plait and hat trade; talks are free to members.", "Programme Secretary")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """The car finance firm's arrears letter (even: the ladder) or the airport car park's
    private parking charge (odd: roundels)."""
    kinds = ("ladder", "roundels")
    when, date = _when(rng), dated(rng)
    by = later(date, 14)
    if i % 2 == 0:
        owed = balance(rng, 24_000, 390_000)
        ref = f"SPMF-{digits(rng, 7)}"
        letter = Letter(
            org=CARFIN, title="Your car finance agreement has fallen behind", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, CARFIN.name, ref, owed, date, deadline_date=by),
            ref_label="Car finance agreement ref.", ref=ref, date_label="This letter produced",
            facts=[("Instalments in arrears now", owed), ("Vehicle on the agreement", f"{rng.choice(('Ford Transit Custom', 'Vauxhall Corsa', 'Kia Ceed'))}"), ("Clear the overdue instalments by", by)],
            paras=("We have not received your last monthly instalments under your conditional sale agreement.",
                   f"{pounds(owed)} is overdue. Please pay it, or phone the Arrears Desk to agree a plan, by {when(by)}.",
                   "If the arrears are not cleared we may end the agreement and ask for the vehicle back. Free and impartial debt advice can help you decide what to do."),
        )  # fmt: skip
    else:
        charge = rng.choice((10_000, 12_000))
        owed = charge + 7_000
        ref = f"AW{digits(rng, 9)}"
        letter = Letter(
            org=PARKING, title="Parking charge still unpaid: terminal drop-off zone", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, PARKING.name, ref, owed, date, deadline_date=by),
            ref_label="Charge notice no.", ref=ref, date_label="Parking reminder sent",
            facts=[("Charge and recovery costs", owed), ("Registration seen by the camera", f"{letters(rng, 2)}{rng.randrange(10, 75)} {letters(rng, 3)}"), ("Settle online no later than", by)],
            paras=(f"A parking charge of {pounds(charge)} was issued when the vehicle stayed in the drop-off zone beyond the time allowed.",
                   f"With our recovery costs the sum is now {pounds(owed)}. Please settle it by {when(by)}.",
                   "This is a private parking charge, not a council penalty or a fine. You may appeal to the independent appeals service if you think it was wrongly issued."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{rng.choice('KLM')}{rng.randrange(0, 10)}{letters(rng, 2)}{digits(rng, 3)}{letters(rng, 1)}"  # fmt: skip


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("dominoes", "notepad")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 64_000, 1_180_000)
    fee = rng.choice((11_500, 20_500, 45_500))
    total = claimed + fee + 8_000
    ref, number = f"LGL{digits(rng, 6)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=BUSINESS, title="Court claim issued: a lender says you owe it money", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, LENDER.name, ref, total, date, court_claim_number=number, served_date=served, deadline_date=by),
        ref_label="Claim no. on the court seal", ref=number, date_label="Claim issued on",
        facts=[("Claimed in total, with fee and costs", total), ("Claimant", LENDER.name), ("Claimant's loan reference", ref), ("Treated as served on", served), ("Reply to the claim no later than", by)],
        paras=(f"{LENDER.name} says you owe money under a guarantor loan agreement and has started a claim in the County Court.",
               f"The sum claimed is {pounds(claimed)}. Adding the court fee and fixed legal costs, the total is {pounds(total)}. The claim is treated as served on {when(served)}.",
               f"Reply by {when(by)}: you can pay, admit all or part of the claim, or defend it. If you do not reply, judgment may be entered against you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("wheel", "dominoes")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 42_000, 690_000)
    ref, number = f"FHF/{digits(rng, 6)}", _claim_no(rng)
    by = later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    facts: list[Fact] = [("Judgment sum payable", owed), ("Furniture credit account", ref)]
    if extra:
        facts.append(("Pay the claimant in full by", by))
    how = (f"You must pay {pounds(owed)} to the claimant by {when(by)}." if extra
           else f"You must pay {pounds(owed)} to the claimant straight away.")  # fmt: skip
    letter = Letter(
        org=BUSINESS, title="Judgment for the claimant in default of a reply", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, FURNITURE.name, ref, owed, date, court_claim_number=number, **extra),
        ref_label="Claim no. on the court seal", ref=number, date_label="Judgment entered on",
        facts=facts,
        paras=(f"You did not reply to the claim brought by {FURNITURE.name} for the unpaid balance of a furniture credit agreement, so judgment has been entered.",
               how,
               "If the judgment is not paid within one month it will be recorded on the public register, which can make it harder to get credit."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """The High Court enforcement officer's notice under a writ of control (even: roundels)
    or the council tax enforcement agent's notice of enforcement (odd: the washing
    line)."""
    kinds = ("roundels", "washing")
    when, date = _when(rng), dated(rng)
    by = later(date, 7)
    if i % 2 == 0:
        debt = balance(rng, 90_000, 860_000)
        owed = debt + 6_600 + 7_500
        case = f"LM/{digits(rng, 6)}/{rng.randrange(24, 27)}"
        letter = Letter(
            org=SHERIFFS, title="Notice of enforcement under a High Court writ", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, GLAZING.name, case, owed, date, deadline_date=by),
            ref_label="Writ case no.", ref=case, date_label="Notice served",
            facts=[("Due under the writ with fees", owed), ("Glazing firm owed under the writ", GLAZING.name), ("Seven clear days run to", by)],
            paras=(f"A writ of control has been issued to us by the High Court so that the judgment obtained by {GLAZING.name} can be enforced.",
                   f"The amount due, with interest, the writ fee and our compliance fee, is {pounds(owed)}. Pay it by {when(by)}.",
                   "If it is not paid, an enforcement officer may attend to take control of goods, and further fees will be added."),
        )  # fmt: skip
    else:
        owed = balance(rng, 42_000, 260_000) + 7_500
        case = f"BES{digits(rng, 7)}"
        letter = Letter(
            org=BAILIFFS, title="Enforcement notice: unpaid Luton council tax", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, LUTON, case, owed, date, deadline_date=by),
            ref_label="Our case ref.", ref=case, date_label="Enforcement notice sent",
            facts=[("Balance including our fee", owed), ("Council instructing us", LUTON), ("Pay before a visit by", by)],
            paras=(f"{LUTON} obtained a liability order for unpaid council tax and has passed it to us to collect.",
                   f"You owe {pounds(owed)}, including the £75.00 compliance stage fee. Pay in full, or agree an arrangement, by {when(by)}.",
                   "If you do not, an enforcement agent may call at your home and a further £235.00 fee will be added to the debt."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("notepad", "ladder")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 540_000, 1_860_000)
    ref, by = f"BRS-{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=ROOFING, title="Statutory demand: roofing materials never paid for", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, ROOFING.name, ref, owed, date, deadline_date=by),
        ref_label="Trade customer no.", ref=ref, date_label="Merchant's demand signed",
        facts=[("Sum the merchant demands", owed), ("Pay, secure or compound it by", by)],
        paras=("Slates, battens, membrane and lead flashing were supplied to you on credit and have not been paid for.",
               f"The creditor demands that you pay {pounds(owed)}, or secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition against you. You may apply to have this demand set aside within 18 days of service."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("wheel", "roundels")
    when, date = _when(rng), dated(rng)
    ref, by = f"60{digits(rng, 7)}", later(date, 7)
    owed = rng.randrange(18_000, 190_000)
    letter = Letter(
        org=TAX, title="Council tax reminder: instalments missed", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, LUTON, ref, owed, date, deadline_date=by),
        ref_label="Luton council tax ref.", ref=ref, date_label="Council reminder sent",
        facts=[("Amount to bring you up to date", owed), ("Band of the property", f"Band {rng.choice('ABCD')}"), ("Keep your instalments if paid by", by)],
        paras=("Our records show that the instalments due on your council tax account have not been paid.",
               f"Please pay {pounds(owed)} by {when(by)}. If you do, you can carry on paying by instalments.",
               "If you do not, you will lose the right to pay by instalments and a summons may be issued, which adds costs. Ask us about the Council Tax Reduction scheme if money is short."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("washing", "wheel")
    when, date = _when(rng), dated(rng)
    ref, by = f"{digits(rng, 3)} {digits(rng, 4)} {digits(rng, 3)}", later(date, 21)
    owed = rng.randrange(9_800, 68_000)
    letter = Letter(
        org=WATER, title="Your half-yearly water and sewerage bill", date=date, when=when,
        truth=owes(C.UTILITY_BILL, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Someries account no.", ref=ref, date_label="Half-year bill raised",
        facts=[("Charges for this half-year", owed), ("Half-year charges due", by), ("Water meter no.", f"{digits(rng, 2)}M{digits(rng, 6)}")],
        paras=("This bill covers the water supplied to your home and the sewerage services for the next six months.",
               f"The amount to pay is {pounds(owed)}, due by {when(by)}, unless you pay by instalments.",
               "If you are on a low income you may be able to get a lower bill through our assistance tariff."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("ladder", "notepad")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 16_000, 182_000)
    ref, by = f"WHE{digits(rng, 8)}", later(date, 10)
    letter = Letter(
        org=ENERGY, title="We need to talk about your energy debt", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Warden Hill account", ref=ref, date_label="Energy arrears letter of",
        facts=[("Gas and power debt outstanding", owed), ("Phone the Payments Team by", by)],
        paras=("Your gas and electricity account has a debt balance that is not being repaid.",
               f"The arrears are {pounds(owed)}. Please pay them, or contact us to set up a repayment plan, by {when(by)}.",
               "We can look at a payment plan based on what you can afford. We may also be able to add a small amount to a prepayment meter instead."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("dominoes", "wheel")
    when, date = _when(rng), dated(rng)
    fine, costs, surcharge = rng.randrange(6_000, 95_000), rng.choice((8_500, 12_000)), rng.choice((3_200, 4_800))  # fmt: skip
    paid = rng.randrange(0, fine // 2)
    owed = fine + costs + surcharge - paid
    ref, by = f"{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 7)}", later(date, 14)
    letter = Letter(
        org=FINES, title="Final demand: payment of your court fine", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, HMCTS, ref, owed, date, deadline_date=by),
        ref_label="Magistrates' fine ref.", ref=ref, date_label="Final demand sent",
        facts=[("Left to pay on fine, costs and surcharge", owed), ("Luton fines office needs to hear by", by)],
        paras=("The magistrates ordered you to pay a fine, prosecution costs and a victim surcharge, and payments have stopped.",
               f"{pounds(owed)} remains unpaid. Pay in full, or contact us, by {when(by)}.",
               "Otherwise we may apply an attachment of earnings or benefits, or pass the account to enforcement agents, which will increase what you owe."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("washing", "ladder")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 11_000, 420_000)
    ref, old = (
        f"LR{digits(rng, 9)}",
        f"5{digits(rng, 3)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}",
    )
    letter = Letter(
        org=BUYER, title="Your credit card debt has been sold to us", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=SAINTS.name),
        ref_label="Lewsey account no.", ref=ref, date_label="Assignment notice sent",
        facts=[("Balance Lewsey took over", owed), ("Card issuer who sold it", SAINTS.name), ("Old card number", old)],
        paras=(f"{SAINTS.name} has assigned your credit card debt to us under a legal assignment. From now on we own the debt.",
               f"The balance we have taken on is {pounds(owed)}. We will not add interest to it.",
               "Please pay us from now on, quoting your Lewsey account number. If you had a payment plan with the card issuer, it continues with us."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("roundels", "dominoes")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(22_000, 310_000)
    ref, by = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}", later(date, 28)
    letter = Letter(
        org=DEBTS, title="Universal Credit paid to you in error", date=date, when=when,
        truth=owes(C.OVERPAYMENT, DWP, ref, owed, date, deadline_date=by),
        ref_label="NINO held on your UC claim", ref=ref, date_label="Decision letter dated",
        facts=[("Overpayment you need to repay", owed), ("Contact Debt Management by", by)],
        paras=("Your earnings were higher than we had used to work out your Universal Credit, so you were paid more than you were entitled to.",
               f"The overpayment is {pounds(owed)}. Please contact us by {when(by)} to agree how you will repay it.",
               "If you still get Universal Credit we will normally take a deduction from your payments. You can ask for the decision to be looked at again."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("notepad", "washing")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 52_000, 840_000), rng.randrange(48_000, 162_000)
    ref = f"RG{digits(rng, 3)}-{digits(rng, 5)}"
    letter = Letter(
        org=SOCIETY, title="Your Round Green home loan is in arrears", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Round Green loan no.", ref=ref, date_label="Home loans letter sent",
        facts=[("Arrears on the home loan", owed), ("Contractual monthly instalment", monthly)],
        paras=("We are writing because your home loan repayments have not been made in full.",
               f"Your arrears are {pounds(owed)} and your usual monthly repayment is {pounds(monthly)}.",
               "Please call our Home Loans team so we can find an arrangement that works for you. Taking back a home is always our last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("wheel", "ladder")
    when, date = _when(rng), dated(rng)
    weekly = rng.randrange(10_500, 18_900)
    weeks = rng.randrange(2, 15)
    owed = weekly * weeks
    ref = f"CGH{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="Rent arrears on your Crawley Green tenancy", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Crawley Green tenancy no.", ref=ref, date_label="Rent letter sent",
        facts=[("Rent account behind by", owed), ("Weekly rent and charges", weekly)],
        paras=("Your rent account is behind.",
               f"You owe {pounds(owed)} and your weekly rent is {pounds(weekly)}. Please contact the Income Team to agree how you will pay it off.",
               "If your Universal Credit housing element has stopped or changed, tell us straight away; we can also put you in touch with free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("roundels", "notepad")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 3_900, 124_000), later(date, 10)
    if i % 4 < 2:
        org, ref, title = (
            LATCH,
            f"LP{digits(rng, 4)}-{letters(rng, 3)}",
            "Missed Latchpay instalments",
        )
        first = "Two of your Latchpay instalments could not be collected from your card."
        date_label, ref_label = "Email date", "Latchpay order"
    else:
        org, ref, title = (
            CATALOGUE,
            f"{digits(rng, 3)}/{digits(rng, 5)}",
            "Ramridge account payments missed",
        )
        first = "Your Ramridge catalogue account is behind, so we have paused new orders."
        date_label, ref_label = "Printed on", "Catalogue account"
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label=ref_label, ref=ref, date_label=date_label,
        facts=[("Missed instalments total", owed), ("Missed instalments to be paid by", by)],
        paras=(first,
               f"{pounds(owed)} is overdue. Please pay it by {when(by)}; if not, the missed payments may show on your credit file.",
               "If you are finding things hard, let us know and we can hold collection for 30 days while you get free advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("washing", "dominoes")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 36_000, 640_000), later(date, 30)
    ref = f"SVV/{digits(rng, 5)}"
    letter = Letter(
        org=SOLICITORS, title="Letter before action: unpaid veterinary fees", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, VET.name, ref, owed, date, deadline_date=by),
        ref_label="Surgery client no.", ref=ref, date_label="Letter before action dated",
        facts=[("Veterinary fees outstanding", owed), ("Surgery we act for", VET.name), ("Send the completed reply form by", by)],
        paras=(f"We are instructed by {VET.name}, which treated your animal and has not been paid.",
               f"Our client is owed {pounds(owed)}. Please pay, or fill in and return the enclosed reply form, by {when(by)}.",
               "If you do neither, our client may start court proceedings without further warning and ask for interest and costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _handling(rng: random.Random, i: int) -> Doc:
    """An airport ground handler's payslip: hours by kind (basic, nights, overtime at time
    and a half) with rate and pay, the deductions under them; weekly or fortnightly."""
    org, date, when = HANDLING, dated(rng), _when(rng)
    date = later(date, (4 - date.weekday()) % 7)  # a Friday
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    weeks = {"weekly": 1, "fortnightly": 2}[frequency]
    rate = rng.choice((1_268, 1_315, 1_390))
    basic_h = 37.5 * weeks
    night_h = rng.choice((0.0, 7.5, 15.0)) * weeks
    extra_h = rng.choice((0.0, 4.0, 6.5, 9.0))
    lines = [("Basic hours", basic_h, rate), ("Night premium", night_h, rate // 4), ("Overtime x1.5", extra_h, rate * 3 // 2)]  # fmt: skip
    pays = [(what, h, r, round(h * r)) for what, h, r in lines]
    gross = sum(p for *_, p in pays)
    cuts = [("Tax this period", gross * 10 // 100), ("NI this period", gross * 6 // 100), ("Workplace pension", gross * 5 // 100), ("Airside pass and locker", 450 * weeks)]  # fmt: skip
    off = sum(a for _, a in cuts)
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Payslip", True, size=style.point + 3), rt(0.92, f"Pay date: {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}, ramp agent", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Employee {digits(rng, 5)}   Tax code 1257L   NI category A", size=size),)).gap()  # fmt: skip
    xs = (0.56, 0.72, 0.92)
    page.add((t(0.08, "Hours worked", True, size=size), *(rt(x, h, True, size=size) for x, h in zip(xs, ("Hours", "Rate", "Pay"), strict=True))))  # fmt: skip
    page.rule(0.08, 0.92, 70)
    for what, h, r, p in pays:
        page.add((t(0.08, what, size=size), rt(0.56, f"{h:.2f}", size=size), rt(0.72, plain(r), size=size), rt(0.92, plain(p), size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 70)
    page.add((t(0.08, "Gross earned this pay period", True, size=size), rt(0.92, plain(gross), True, size=size)))  # fmt: skip
    page.gap()
    page.add((t(0.08, "Taken off", True, size=size),))
    for what, amount in cuts:
        page.add((t(0.08, what, size=size), rt(0.92, plain(amount), size=size)))
    page.add((t(0.08, "Total taken off", True, size=size), rt(0.92, plain(off), True, size=size)))
    page.gap()
    top = len(page.rows)
    page.add((t(0.1, "Take-home after deductions", True, size=size), rt(0.9, plain(gross - off), True, size=style.point + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.08, 0.92, True, None))
    page.gap()
    page.para("Night premium is a quarter of the basic rate for each hour between 22:00 and 06:00.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def _vans(rng: random.Random, i: int) -> Doc:
    """A van plant's payslip: earnings at the left and deductions at the right, side by
    side, "Net payment" boxed under them, taxable pay to date; monthly or four-weekly."""
    org, date, when = VANS, dated(rng), _when(rng)
    frequency = ("monthly", "four_weekly")[(i // 2) % 2]
    if frequency == "monthly":
        date = date.replace(day=28)
    salary = rng.randrange(228_000, 318_000)
    if frequency == "four_weekly":
        salary = salary * 12 // 13
    shift = rng.randrange(8_000, 26_000)
    bonus = rng.choice((0, 5_000, 12_500))
    gross = salary + shift + bonus
    earn = [("Salary", salary), ("Shift rota premium", shift), ("Attendance bonus", bonus)]
    cuts = [("PAYE", gross * 14 // 100), ("NIC", gross * 7 // 100), ("Pension", gross * 6 // 100), ("Social club", 500)]  # fmt: skip
    off = sum(a for _, a in cuts)
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[(i + 1) % len(PEOPLE)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Pay statement", True, size=style.point + 3), rt(0.92, when(date), True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{surname.upper()}, {first}   Works no. {digits(rng, 6)}   Paint shop", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.gap()
    page.add((t(0.08, "Earnings", True, size=size), rt(0.46, "£", True, size=size), t(0.54, "Deductions", True, size=size), rt(0.92, "£", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 90)
    for (e, ea), (d, da) in zip([*earn, ("", 0)], cuts, strict=True):
        cells = [t(0.54, d, size=size), rt(0.92, plain(da), size=size)]
        if e:
            cells = [t(0.08, e, size=size), rt(0.46, plain(ea), size=size), *cells]
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 90)
    page.add((t(0.08, "Total earnings", True, size=size), rt(0.46, plain(gross), True, size=size), t(0.54, "Total deductions", True, size=size), rt(0.92, plain(off), True, size=size)))  # fmt: skip
    page.gap()
    top = len(page.rows)
    page.add((t(0.56, "Net payment", True, size=size), rt(0.9, plain(gross - off), True, size=style.point + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.54, 0.92, True, 228))
    page.gap()
    periods = rng.randrange(2, 11)
    page.add((t(0.08, f"Taxable pay to date {plain(gross * periods)}   Tax paid to date {plain(cuts[0][1] * periods)}", size=SMALL),))  # fmt: skip
    page.para("Queries about this statement go to the Salaries Office within 28 days.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """The ground handler's payslip (even) or the van plant's pay statement (odd)."""
    return _handling(rng, i) if i % 2 == 0 else _vans(rng, i)


def _current(rng: random.Random, i: int) -> Doc:
    """A high street bank's current account: date, a type code, the description,
    withdrawals, deposits and the balance."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Your current account", True, size=style.point + 2), rt(0.92, f"Statement issued {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Sort code 30-{digits(rng, 2)}-{digits(rng, 2)}   Account {digits(rng, 8)}   Sheet {rng.randrange(40, 160)}", size=size),)).gap()  # fmt: skip
    xs = (0.66, 0.79, 0.92)
    page.add((t(0.08, "Date", True, size=size), t(0.18, "Type", True, size=size), t(0.26, "Description", True, size=size), *(rt(x, h, True, size=size) for x, h in zip(xs, ("Withdrawn", "Paid in", "Balance"), strict=True))))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(3_000, 80_000)
    page.add(
        (t(0.26, "Balance from previous sheet", size=size), rt(0.92, plain(running), size=size))
    )
    items = [("BGC", "HATTERS GROUND HANDLG", rng.randrange(40_000, 80_000)), ("DD", "SOMERIES WATER", -rng.randrange(2_000, 6_000)),
             ("DEB", "ASDA LUTON", -rng.randrange(1_500, 9_000)), ("SO", "RENT CRAWLEY GREEN", -rng.randrange(40_000, 70_000)),
             ("CPT", "LEAGRAVE ATM", -1_000 * rng.randrange(1, 6)), ("BGC", "DWP CA", rng.randrange(30_000, 33_000)),
             ("DD", "WARDEN HILL ENERGY", -rng.randrange(4_000, 12_000)), ("DEB", "BUS PASS TOP-UP", -rng.randrange(500, 2_500))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 30), len(items)), reverse=True)
    for (kind, what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        cells = [t(0.08, f"{later(date, -offset):%d %b}", size=size), t(0.18, kind, size=size), t(0.26, what, size=size)]  # fmt: skip
        cells.append(rt(xs[0] if amount < 0 else xs[1], plain(abs(amount)), size=size))
        cells.append(rt(0.92, plain(running) if running >= 0 else f"-{plain(-running)}", size=size))
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.26, "Balance to next sheet", True, size=size), rt(0.92, plain(running) if running >= 0 else f"-{plain(-running)}", True, size=size)))  # fmt: skip
    page.gap()
    page.para("BGC bank giro credit, DD direct debit, SO standing order, DEB debit card, CPT cashpoint.", size=SMALL)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def _union(rng: random.Random, i: int) -> Doc:
    """A credit union's statement: one amount column, money out in brackets, a running
    balance."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, UNION, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Member statement: current account", True), rt(0.92, f"As at {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Member no. {digits(rng, 6)}", size=size),)).gap()
    page.add((t(0.08, "Date", True, size=size), t(0.22, "Transaction", True, size=size), rt(0.74, "Amount", True, size=size), rt(0.92, "Balance", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 80)
    running = rng.randrange(1_000, 40_000)
    page.add((t(0.22, "Opening position", size=size), rt(0.92, plain(running), size=size)))
    items = [("Wages Kimpton Road Van", rng.randrange(120_000, 190_000)), ("Loan instalment to CU", -rng.randrange(4_000, 9_000)),
             ("Savings transfer", -rng.randrange(1_000, 3_000)), ("Card Stopsley Co-op", -rng.randrange(800, 6_000)),
             ("Direct debit Round Green BS", -rng.randrange(60_000, 90_000)), ("Card Luton Mall", -rng.randrange(900, 8_000))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 30), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        shown_amount = plain(amount) if amount > 0 else f"({plain(-amount)})"
        page.add((t(0.08, f"{later(date, -offset):%d.%m.%y}", size=size), t(0.22, what, size=size), rt(0.74, shown_amount, size=size), rt(0.92, plain(running) if running >= 0 else f"({plain(-running)})", size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 80)
    page.add((t(0.22, "Closing position", True, size=size), rt(0.92, plain(running) if running >= 0 else f"({plain(-running)})", True, size=size)))  # fmt: skip
    page.gap()
    page.para("Figures in brackets are money out. Save a little each month: it all counts.", size=SMALL)  # fmt: skip
    _foot(page, UNION)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def bank_statement(rng: random.Random, i: int) -> Doc:
    """The high street bank's current account (even) or the credit union's (odd)."""
    return _current(rng, i) if i % 2 == 0 else _union(rng, i)


def benefit(rng: random.Random, i: int) -> Doc:
    """Attendance Allowance (even: the ladder) or Carer's Allowance (odd: the wheel)."""
    kinds = ("ladder", "wheel")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        org, what = AA, "Attendance Allowance"
        frequency = "four_weekly"
        weekly = rng.choice((7_370, 11_030))
        rate = "Higher rate" if weekly == 11_030 else "Lower rate"
    else:
        org, what = CARERS, "Carer's Allowance"
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        weekly = 8_345
        rate = "Standard weekly rate"
    times = {"weekly": 1, "fortnightly": 2, "four_weekly": 4}[frequency]
    paid = weekly * times
    ref = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}"
    letter = Letter(
        org=org, title=f"Decision on your claim for {what}", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="Your NI number", ref=ref, date_label="Award decision reached",
        facts=[("Each payment into your bank", paid), ("Paydays fall", FREQUENCY_SHOWN[frequency][0]), ("Rate you qualify for", rate)],
        paras=(f"We have decided your claim for {what}.",
               f"You will be paid {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]}, straight into your account.",
               "Tell us straight away if anything changes, for example if you go into hospital or a care home, or move abroad."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the carnival's costume workshop (dominoes) and the hat trade
    society's talk (the washing line)."""
    kinds = ("dominoes", "washing")
    when, date = _when(rng), dated(rng)
    on = later(date, 10 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=CARNIVAL, title="Costume workshop sessions this season", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Your team", ref=rng.choice(("Feathers", "Sequins", "Wirework")),
            facts=[("First sewing session", on), ("Bring with you", "Scissors and a packed lunch"), ("Sessions at", "The Hat Factory studio")],
            paras=("Thank you for signing up to help make this year's carnival costumes.",
                   f"Our first session is on {when(on)}; all materials are provided.",
                   "Young people over 14 are welcome; under-16s need a parent's signature on the form."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=HATS, title="Spring talk: the straw plait markets", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Member card", ref=f"No. {rng.randrange(10, 300)}",
            facts=[("Talk given on", on), ("Speaker", "A retired blocker"), ("Hall open from", "7 pm")],
            paras=("Our spring talk looks at the plait markets that once filled George Street every week.",
                   f"Join us on {when(on)}; members and their guests are most welcome.",
                   "Tea is served afterwards, and old hat blocks are on show in the museum gallery."),
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
class ARSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 4260


def build_ar(per_class: int = 4, *, seed: int = SEED) -> list[ARSample]:
    """``per_class`` documents of every class, held out, family ``<class>:AR``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, ARSample)


PRINT = Printer(FONTS.font, FONTS.measure)


def page_size(sample: ARSample, dpi: int) -> tuple[int, int]:
    return PRINT.page_size(sample, dpi)


def ar_text(sample: ARSample) -> str:
    """Every page's text, pages apart by form feeds."""
    return PRINT.text(sample)


def ar_pages(sample: ARSample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return PRINT.pages(sample, dpi=dpi)


# -- drawing the page ---------------------------------------------------------------------------


@frozen
class ARScan:
    dpi: int
    skew: float
    """Degrees."""
    clip: bool = False
    """A bulldog clip on the top edge; greyscale."""
    scorch: bool = False
    """An iron's scorch near the foot; colour."""
    bleach: bool = False
    """Bleach spots on lines holding no true value; greyscale, as PDF."""


SCANS = (
    ARScan(dpi=300, skew=0.5, clip=True),
    ARScan(dpi=200, skew=-0.9, scorch=True),
    ARScan(dpi=250, skew=0.8, bleach=True),
)

PAPER = (250, 250, 247)
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

    def mid(self, row: int) -> int:
        return self.top(row) + self.heights[min(row, len(self.heights) - 1)] // 2

    def x(self, share: float) -> int:
        return round(share * self.width)


def _rule(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.top(m.row) - round(0.1 * g.body)
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(m.shade,) * 3, width=g.line)


def _rails(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    last = m.last if m.last is not None else m.row
    y0, y1 = g.top(m.row), g.foot(last)
    for x in (m.x0, m.x1):
        pen.line((g.x(x), y0, g.x(x), y1), fill=INK, width=max(2, g.line * 2))


def _rung(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.mid(m.row)
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=INK, width=max(2, g.line * 2))


def _oval(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark, heavy: bool = False) -> None:
    last = m.last if m.last is not None else m.row
    y0, y1 = g.top(m.row) - g.body // 4, g.foot(last)
    cx, half = g.x(m.x0), g.x(m.x1 / 2)
    fill = (236, 240, 232) if heavy else (246, 242, 232)
    pen.ellipse((cx - half, y0, cx + half, y1), fill=fill, outline=INK, width=max(1, g.line * (3 if heavy else 1)))  # fmt: skip


def _roundel(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    _oval(pen, g, m)


def _hub(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    _oval(pen, g, m, heavy=True)


def _spoke(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """From the fact's inner edge, level with its middle, to the hub's middle row."""
    last = m.last if m.last is not None else m.row
    y = (g.top(m.row) + g.foot(last)) // 2
    hub = g.mid(m.shade)
    pen.line((g.x(m.x0), y, g.x(m.x1), hub), fill=(90, 90, 100), width=max(1, g.line))


def _coils(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """Wire coils across the head: a punched hole and a loop over the top edge for each."""
    y = g.top(m.row) + g.heights[m.row] // 2
    step = max(8, g.x(0.03))
    r = max(3, step // 5)
    for x in range(g.x(m.x0), g.x(m.x1), step):
        pen.ellipse((x - r, y - r, x + r, y + r), fill=(60, 60, 60))
        pen.arc((x - r, y - 3 * r, x + 2 * r, y + r), 180, 360, fill=(110, 110, 120), width=max(1, g.line))  # fmt: skip


def _ruled(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    last = m.last if m.last is not None else m.row
    for row in range(m.row, last + 1):
        y = g.foot(row) - max(1, g.body // 8)
        pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=BLUE, width=g.line)


def _margin(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    last = m.last if m.last is not None else m.row
    pen.line((g.x(m.x0), g.top(m.row), g.x(m.x0), g.foot(last)), fill=RED, width=max(1, g.line))


def _domino(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A rounded tile with a divider at ``shade`` thousandths and a pip at each end."""
    last = m.last if m.last is not None else m.row
    y0, y1 = g.top(m.row), g.foot(last)
    pen.rounded_rectangle((g.x(m.x0), y0, g.x(m.x1), y1), radius=max(4, g.body // 2), fill=(248, 246, 240), outline=INK, width=max(1, g.line * 2))  # fmt: skip
    mid = g.x(m.shade / 1000)
    pen.line((mid, y0 + g.body // 3, mid, y1 - g.body // 3), fill=INK, width=max(1, g.line))
    r = max(2, g.body // 6)
    for x in (g.x(m.x0) + 2 * r + g.line, g.x(m.x1) - 2 * r - g.line):
        pen.ellipse((x - r, y0 + 3 * r - r, x + r, y0 + 3 * r + r), fill=INK)


def _line(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A washing line through row ``row``, sagging ``shade`` rows at the middle."""
    y = g.mid(m.row)
    sag = g.heights[m.row] * m.shade
    x0, x1 = g.x(m.x0), g.x(m.x1)
    points = [(x0 + (x1 - x0) * k / 40, y + round(sag * math.sin(math.pi * k / 40))) for k in range(41)]  # fmt: skip
    pen.line(points, fill=(80, 80, 80), width=max(1, g.line))


def _card(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A card hung from the line, a wooden peg at the top of it."""
    last = m.last if m.last is not None else m.row
    y0, y1 = g.mid(m.row), g.foot(last)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=(244, 240, 226), outline=(70, 70, 70), width=max(1, g.line))  # fmt: skip
    cx = g.x((m.x0 + m.x1) / 2)
    w, h = max(3, g.body // 4), max(8, g.body)
    pen.rectangle((cx - w, y0 - h // 2, cx + w, y0 + h // 2), fill=(176, 140, 96), outline=(90, 70, 50))  # fmt: skip


BACK = ("spoke", "line")
FILLED = ("roundel", "hub", "domino", "card")
PAINT: dict[str, Callable[[ImageDraw.ImageDraw, _Geo, Mark], None]] = {
    "rule": _rule,
    "rails": _rails,
    "rung": _rung,
    "roundel": _roundel,
    "hub": _hub,
    "spoke": _spoke,
    "coils": _coils,
    "ruled": _ruled,
    "margin": _margin,
    "domino": _domino,
    "line": _line,
    "card": _card,
}


def _draw(sample: ARSample, n: int, dpi: int) -> Image.Image:
    """Page ``n`` drawn clean: lines behind (spokes, the washing line), then the filled
    shapes (roundels, the hub, dominoes, cards), boxes, the other marks and the text."""
    width, height = PRINT.page_size(sample, dpi)
    image = Image.new("RGB", (width, height), PAPER)
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, dpi)
    body = round(sample.style.point / 72 * dpi)
    g = _Geo(tops, heights, width, height, body, max(1, dpi // 150))
    marks = sample.rules[n] if sample.rules else ()
    for group in (BACK, FILLED):
        for mark in marks:
            if mark.kind in group:
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
        if mark.kind not in BACK + FILLED:
            PAINT[mark.kind](pen, g, mark)
    for p in PRINT.layout(sample, n, dpi):
        pen.text((p.left, p.top), p.cell.text, fill=INK, font=p.font)
    return image


def _free_rows(sample: ARSample, n: int) -> list[int]:
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


def _clip(image: Image.Image, sample: ARSample, n: int, dpi: int, rng: random.Random, skew: float) -> Image.Image:  # fmt: skip
    """Greyscale; a steel bulldog clip left on the top edge towards a corner: its black
    jaws in the top margin (above the first line), its two wire handles folded down over
    the page with their shadow (they may cross the letterhead's ends); a little askew."""
    arr = np.asarray(image.convert("L"), dtype=np.float32)
    h, w = arr.shape
    tops, _ = PRINT.rows(sample, n, dpi)
    jaw_foot = max(8, tops[0] - dpi // 40)
    cx = round(w * rng.choice((rng.uniform(0.14, 0.22), rng.uniform(0.78, 0.86))))
    half = round(dpi * rng.uniform(0.55, 0.75))
    x0, x1 = max(0, cx - half), min(w, cx + half)
    # the jaws: dark steel with a lighter ridge along the bite
    arr[0:jaw_foot, x0:x1] = 28.0
    arr[max(0, jaw_foot - dpi // 30) : jaw_foot, x0:x1] = 70.0
    # the handles: two wire loops folded down over the page, and their soft shadow
    shadow = Image.new("L", (w, h), 0)
    wire = Image.new("L", (w, h), 0)
    reach = round(dpi * rng.uniform(0.6, 0.9))
    for pen_image, width, shift in ((shadow, max(4, dpi // 40), dpi // 30), (wire, max(2, dpi // 90), 0)):  # fmt: skip
        pen = ImageDraw.Draw(pen_image)
        for a, b in ((x0 + half // 4, x0 + half * 3 // 4), (x1 - half * 3 // 4, x1 - half // 4)):
            pen.line([(a + shift, jaw_foot), (a + shift - dpi // 20, jaw_foot + reach + shift), (b + shift + dpi // 20, jaw_foot + reach + shift), (b + shift, jaw_foot)], fill=255, width=width)  # fmt: skip
    # (the shadow blurred and both applied only in the box round their strokes: elsewhere
    # the blurred shadow and the wire are 0 and their factors leave the page exactly as it
    # is; the box's margin of zeros is wider than the blur reaches, so it blurs as the page)
    margin = 8 * (dpi // 40) + 8
    left, top, right, bottom = _box(shadow.getbbox(), margin, w, h)
    blurred = shadow.crop((left, top, right, bottom)).filter(ImageFilter.GaussianBlur(dpi // 40))
    soft = np.asarray(blurred, dtype=np.float32) / 255.0
    arr[top:bottom, left:right] *= 1 - 0.35 * soft
    left, top, right, bottom = _box(wire.getbbox(), 0, w, h)
    lines = np.asarray(wire.crop((left, top, right, bottom)), dtype=np.float32) / 255.0
    patch = arr[top:bottom, left:right]
    arr[top:bottom, left:right] = patch * (1 - lines) + 55.0 * lines
    gen = np.random.default_rng(rng.randrange(1 << 30))
    arr += gen.normal(0.0, 1.8, arr.shape)
    grey = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return grey.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=248)


def _box(
    bbox: tuple[int, int, int, int] | None, margin: int, w: int, h: int
) -> tuple[int, int, int, int]:
    """``bbox`` (a mask's nonzero pixels) widened by ``margin``, within the page."""
    if bbox is None:
        return 0, 0, 0, 0
    left, top, right, bottom = bbox
    return (
        max(0, left - margin),
        max(0, top - margin),
        min(w, right + margin),
        min(h, bottom + margin),
    )


def _scorch(image: Image.Image, sample: ARSample, n: int, dpi: int, rng: random.Random, skew: float) -> Image.Image:  # fmt: skip
    """Colour; an iron's scorch: a brown mark shaped like the iron's soleplate (pointed at
    one end) over a few lines in the lower part of the page, darkest in the middle and
    fading at its edge; a little askew, a little soft."""
    arr = np.asarray(image, dtype=np.float32)
    h, w = arr.shape[:2]
    tops, heights = PRINT.rows(sample, n, dpi)
    free = [k for k in _free_rows(sample, n) if tops[k] > h * 0.45] or _free_rows(sample, n)
    row = rng.choice(free) if free else len(tops) - 1
    cy = tops[row] + heights[row] // 2
    cx = round(w * rng.uniform(0.35, 0.65))
    a, b = round(dpi * rng.uniform(0.9, 1.3)), round(dpi * rng.uniform(0.35, 0.5))
    y0, y1, x0, x1 = max(0, cy - b), min(h, cy + b), max(0, cx - a), min(w, cx + a)
    yy, xx = np.mgrid[y0:y1, x0:x1]
    u = (xx - cx) / a
    v = (yy - cy) / b
    # an iron's soleplate: wide at the heel (u = -1), pointed at the toe (u = 1)
    width = np.clip((1 - u) / 2, 0, 1) ** 0.6
    r = np.sqrt(u * u + (v / np.maximum(width, 0.05)) ** 2)
    burn = np.clip(1 - r, 0, 1) ** 0.7 * rng.uniform(0.55, 0.75)
    tint = np.asarray((120.0, 70.0, 20.0), dtype=np.float32)
    patch = arr[y0:y1, x0:x1]
    arr[y0:y1, x0:x1] = patch * (1 - burn[..., None] * 0.6) + tint * burn[..., None] * 0.6 * (patch / 255.0)  # fmt: skip
    gen = np.random.default_rng(rng.randrange(1 << 30))
    arr += gen.normal(0.0, 2.0, arr.shape[:2])[..., None]
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    out = out.rotate(
        skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(244, 242, 236)
    )
    return out.filter(ImageFilter.GaussianBlur(0.5))


def _bleach(image: Image.Image, sample: ARSample, n: int, dpi: int, rng: random.Random, skew: float) -> Image.Image:  # fmt: skip
    """Greyscale; a page splashed with bleach spray: round spots where the print faded to
    a pale grey, only within lines that hold no true value, a faint tide ring round each
    spot; a little askew."""
    arr = np.asarray(image.convert("L"), dtype=np.float32)
    h, w = arr.shape
    tops, heights = PRINT.rows(sample, n, dpi)
    free = _free_rows(sample, n)
    gen = np.random.default_rng(rng.randrange(1 << 30))
    for row in rng.sample(free, min(len(free), rng.randrange(4, 7))):
        cy = tops[row] + heights[row] // 2
        cx = round(w * rng.uniform(0.12, 0.85))
        radius = round(dpi * rng.uniform(0.12, 0.3))
        y0, y1, x0, x1 = max(0, cy - radius), min(h, cy + radius), max(0, cx - radius), min(w, cx + radius)  # fmt: skip
        yy, xx = np.mgrid[y0:y1, x0:x1]
        r = np.sqrt((yy - cy) ** 2 + (xx - cx) ** 2) / radius
        inside = r < 1
        band = (yy >= tops[row]) & (yy < tops[row] + heights[row])
        fade = inside & band
        patch = arr[y0:y1, x0:x1]
        patch[fade] = 255 - (255 - patch[fade]) * 0.28
        ring = (r > 0.9) & (r < 1.05)
        patch[ring] -= 22
        arr[y0:y1, x0:x1] = patch
    arr += gen.normal(0.0, 1.5, arr.shape)
    grey = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return grey.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=249)


def render(sample: ARSample, n: int, scan: ARScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.clip:
        return _clip(image, sample, n, scan.dpi, rng, scan.skew)
    if scan.scorch:
        return _scorch(image, sample, n, scan.dpi, rng, scan.skew)
    return _bleach(image, sample, n, scan.dpi, rng, scan.skew)


def ar_scanned(sample: ARSample, index: int) -> tuple[bytes, str, ARScan]:
    """Scanned one of three ways: the page with a bulldog clip as greyscale PNG (its
    resolution at even indexes), the scorched page as colour JPEG (quality ``QUALITY``, no
    resolution), the bleach-spotted page as a one-page greyscale PDF (250 dpi); documents
    of more pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 67 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or scan.bleach:
        return encode_pages([im.convert("L") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.scorch:
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
    "ARSample",
    "ARScan",
    "ar_pages",
    "ar_scanned",
    "ar_text",
    "build_ar",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
