# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AQ``, written blind: a thirty-sixth measure of how the reader
generalises, in a thirty-sixth hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I``,
``J``, ``AA`` to ``AL``, ``AN``, ``AO`` and ``AP``).

``AQ`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``values_found``, ``money``, ``encode_pages``), the shared page
engine (``corpus_print``), the shared test helpers, family AP's module and tests and the
commits that registered and measured AP (as the task allowed), AP's account in
benchmarks/OCR.md and, by grep only, the other families' modules for place names, bodies,
setting words, faces, date shapes and scan words, to avoid them -- **not** the reader's
rules (``assistant.py``, ``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``,
``prose.py``, ``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``statement_tables.py``, ``label_learning.py``, ``read_families.py``,
the rankers, the Tesseract extractor, the locator, the creditor directory), its reading
tests, nor any account of its misses. It is never used to write rules, to train or
calibrate the classifier or the field ranker (``build_corpus`` never yields it), nor to
choose models: it is measured, and only the aggregate figures go into benchmarks/OCR.md.
Whoever reads its individual misses to change the reader makes ``AQ`` no longer blind and
must say so there.

**AQ is no longer blind since round 39** (branch ``reader39``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AQ
from then on is a training-side figure (benchmarks/OCR.md, "Round 39").

The task suggested an inner-London borough; grep found no family in Lewisham (G named
Hackney and Greenwich, N the Traffic Enforcement Centre, a penalty charge notice and the
County Court Business Centre, which O and P named too), so ``AQ`` is set in the London
Borough of Lewisham (Catford, Deptford, Brockley, Ladywell, Sydenham, Lee, Hither Green,
Forest Hill, Bellingham, Honor Oak, Crofton Park), under the law of England and Wales.
The task's suggested page settings (a webmail print, a phone screenshot, a dot-matrix
continuous feed, a two-up booklet, a detachable giro, hand-ticked boxes) and scan effects
(a photocopy of a photocopy, a sticky note, a heavy JPEG recompression, a skewed feeder)
were all found taken by grep (R, AH, G and V, AB and AH, F, N, O, S and AO, X, AB and
AI, AC and T, Z, AB and AE, AA and AO), so ``AQ`` has its own:

* who writes: a debt collection agency's computer-printed letters for a card firm; the
  council's parking service (a charge certificate for an unpaid penalty charge notice: a
  debt letter, as an adviser files it), the Traffic Enforcement Centre's order for
  recovery of it and an enforcement agent's notice of enforcement under its warrant of
  control (both filed as enforcement: the order is the court's step towards the bailiffs,
  with 21 days to pay or make a statutory declaration, so never a judgment); a money claim
  and a judgment from the County Court Business Centre at Northampton; a builders'
  merchant's statutory demand; the borough's council tax; an energy supplier; a
  Thames-side water company's arrears; the London fines centre; a mobile network's debt
  sold to a debt purchaser; an HMRC tax credits overpayment; a building society; a
  housing association; a pay later app's arrears e-mail and a home shopping catalogue;
  solicitors for a dental practice; Personal Independence Payment (the DWP) and Child
  Benefit (HMRC); a hospital trust and a bus company as employers; a digital bank's
  statement and the building society's; a bowls club and a lantern parade; the people
  have names of south-east London's many origins;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **byline**: set like a newsletter article: the title as a headline, the sum and the
    date to act in an italic standfirst under it, a byline between rules holding the
    writer's team, the letter's date and its reference, the body opening with a large
    initial capital, then "What it comes to" as lines of label, dash and value;
  - **inset**: the prose wrapping round a ruled, tinted inset box at the right that holds
    every fact (label small over the value), the lines beside the box short and the lines
    after it full width;
  - **hexagons**: every fact (the date and reference too) in a hexagonal cell, the label
    small over the value, three cells a row and two in the row between, set half a cell
    over as in a honeycomb;
  - **thermometer**: a thermometer drawn down the right of the page, its scale marked with
    the parts of the sum going up, the total above its top; the other facts down the left;
  - **legend**: every fact in a ruled box whose label breaks the box's top border (as a
    form's fieldset legend), three boxes a row;
  - **funnel**: the facts in shaded bands stacked and narrowing down the middle of the
    page, each band's label over its value, the sum to pay in the narrow band at the
    funnel's foot;
  payslips for a hospital trust (a "pay advice": payments as units at a rate, deductions
  under them, year-to-date figures down the right, monthly or four-weekly) or a bus
  company (the duties driven set out as a rota, a row a duty with its route and platform
  hours, then the pay worked out; weekly or fortnightly); bank statements as a digital
  bank's statement printed from its app (each line with its category in brackets under
  the merchant, money in and money out totalled at the top) or the building society's
  current account (paid out, paid in and the balance in columns);
* faces: Liberation Sans Narrow under Open Sans ExtraBold headings, Open Sans Light under
  DejaVu Serif Bold headings, Caladea under Liberation Sans Narrow Bold headings, 9.5 to
  10.5 pt; each italic the body's own;
* dates as "4th DEC 2026" (an ordinal in small letters, the month cut in capitals, the
  year whole) and "4 Dec 2026, Fri" (the weekday cut after a comma); amounts as
  "£1,234.56" and, in tables and cells, "1,234.56";
* scans new to the families: an ink-jet print a hand brushed across before it dried (on a
  few lines that hold no true value the ink dragged sideways into fading grey tails; 300
  dpi greyscale PNG, its resolution at even indexes); a phone photo of the page on a
  red and white gingham tablecloth (the cloth showing round it, a warm cast, a little
  soft; 170 dpi colour progressive JPEG without a resolution); a page handled with greasy
  and inky fingers (whorled fingerprints centred in its margins and corners: a print's
  edge can reach the first letters of a line or the top of the letterhead, never the
  middle of the page; 240 dpi greyscale, as a one-page PDF).

Not all of the above is new, as far as grep over the earlier modules shows (checked before
any measuring): "£1,234.56" and "1,234.56" are many families'; the County Court Business
Centre, the Traffic Enforcement Centre and HM Revenue & Customs are public bodies other
families named; AP gathered a sum with a brace and AO drew a progress bar and a gauge
(never a thermometer); AP's folder tabs stood above their cards (never a label breaking a
border); AL set a pull-quote and AG, AK and AO headlines (never a byline or a standfirst);
AN photographed a page lying on another printed sheet and AJ one left half under another
(never a tablecloth); X's feeder smeared a page with a vertical motion blur (never a hand
dragging wet ink along a line); AJ's lens was greasy (never a fingerprint on the page).

Ground truth follows L's to AP's conventions: ``creditor_name`` is whoever is owed now (the
agency's client, the claimant, the council behind the order and the enforcement agent, a
solicitor's client, the assignee of a sold debt, HMRC for its overpayment);
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

FAMILY = "AQ"

PEOPLE = (
    ("Ms", "Adaeze", "Nwachukwu"),
    ("Mr", "Tomasz", "Wierzbicki"),
    ("Mrs", "Shirin", "Chowdhury-Lamb"),
    ("Mr", "Delroy", "Fairclough"),
)
ADDRESSES = (
    ("Flat 14, Mayow Court", "Sydenham, London", "SE26 4QJ"),
    ("38 Crofton Park Road", "Brockley, London", "SE4 1AL"),
    ("Flat 3, 7 Loampit Hill", "Lewisham, London", "SE13 7SX"),
    ("112 Bellingham Road", "Catford, London", "SE6 2PT"),
)

# -- date and money shapes -------------------------------------------------------------------


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 11 <= day <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def ordinal_caps(date: dt.date) -> str:
    """4th DEC 2026: an ordinal in small letters, the month cut in capitals, the year whole."""
    return f"{_ordinal(date.day)} {date.strftime('%b').upper()} {date.year}"


def weekday_after(date: dt.date) -> str:
    """4 Dec 2026, Fri: the day unpadded, the month cut, the weekday cut after a comma."""
    return f"{date.day} {date:%b} {date.year}, {date:%a}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (ordinal_caps, weekday_after)
"""The shapes a document's dates take (one a document)."""
ALL_SHAPES = DATE_SHAPES


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Paid weekly, each Thursday", "every week"),
    "fortnightly": ("Paid fortnightly, alternate Thursdays", "every fortnight"),
    "four_weekly": ("Paid every four weeks", "every four weeks"),
    "monthly": ("Paid monthly, on the 25th", "every month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AQ prints a true value (to check it is on the page, or in an OCR text)."""
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
    "narrow": {
        (False, False): _LB + "LiberationSansNarrow-Regular.ttf",
        (True, False): _OS + "OpenSans-ExtraBold.ttf",
        (False, True): _LB + "LiberationSansNarrow-Italic.ttf",
        (True, True): _OS + "OpenSans-ExtraBoldItalic.ttf",
    },
    "light": {
        (False, False): _OS + "OpenSans-Light.ttf",
        (True, False): _DV + "DejaVuSerif-Bold.ttf",
        (False, True): _OS + "OpenSans-LightItalic.ttf",
        (True, True): _DV + "DejaVuSerif-BoldItalic.ttf",
    },
    "caladea": {
        (False, False): _CX + "Caladea-Regular.ttf",
        (True, False): _LB + "LiberationSansNarrow-Bold.ttf",
        (False, True): _CX + "Caladea-Italic.ttf",
        (True, True): _LB + "LiberationSansNarrow-BoldItalic.ttf",
    },
}
"""Each body face under headings of another family: Liberation Sans Narrow under Open Sans
ExtraBold, Open Sans Light under DejaVu Serif Bold, Caladea under Liberation Sans Narrow
Bold; each italic the body's own."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)

INK = (20, 24, 28)
MERCURY = (178, 40, 44)
"""The thermometer's column."""


@frozen
class Style:
    face: str = "narrow"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("narrow", 10.5), Style("light", 9.5), Style("caladea", 10.5))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind``: "rule" (across above row ``row`` from ``x0`` to ``x1``, ``shade`` its grey),
    "hex" (a hexagon centred at ``x0``, ``x1`` its width, over rows ``row``..``last``),
    "thermo" (a thermometer's tube at ``x0`` over rows ``row``..``last``, its bulb under
    it, the column filled to ``shade`` per cent), "tick" (a scale mark at the tube ``x0``
    on row ``row``), "legend" (a ruled box from ``x0`` to ``x1`` over rows
    ``row``..``last`` whose top border runs through row ``row`` and breaks round its
    label, ``shade`` the label's width in thousandths) and "band" (a funnel's shaded band
    over rows ``row``..``last``, ``x0``..``x1`` its top edge, ``shade`` the narrowing at
    its foot in thousandths of the page)."""

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


def balance(rng: random.Random, low: int = 5_800, high: int = 690_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    return dt.date(2025, 1, 20) + dt.timedelta(days=rng.randrange(680))


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
Part = tuple[str, int]
"""One mark on the thermometer's scale: its label and the pence (negative: taken off)."""


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the labelled facts
    as raw values (the first money fact the one the letter is about); ``paras`` the prose;
    ``parts`` the marks on the thermometer (their sum the first money fact)."""

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
    parts: Sequence[Part] = ()


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


def _head(page: Sheet, org: Org, style: Style) -> None:
    """The name at the left in the heading face, the address and telephone at the right in
    small type, a rule under both."""
    page.add((t(0.08, org.name, True, size=style.point + 2.5),))
    page.add((rt(0.92, f"{org.street}, {org.town}", size=SMALL),))
    page.add((rt(0.92, f"Telephone {org.phone}", size=SMALL),))
    page.rule(0.08, 0.92, 60)
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


def _centred(page: Sheet, label: str, value: str, x0: float, x1: float, size: float) -> list[tuple[Cell, ...]]:  # fmt: skip
    """The label small over the value in bold, both centred between ``x0`` and ``x1``."""
    mid = (x0 + x1) / 2
    rows: list[tuple[Cell, ...]] = [(ct(mid, r[0].text, size=size),) for r in page.wrapped(label, x0, x1, size=size)]  # fmt: skip
    return rows + _bold(page, value, x0, x1, size + 1.5, "centre")


def _opening(page: Sheet, rng: random.Random, letter: Letter) -> None:
    """The address, the title and the greeting."""
    (title, _, surname), lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add(*_bold(page, letter.title, 0.08, 0.92, page.style.point + 1)).gap()
    page.add((t(0.08, f"Dear {title} {surname}"),)).gap()


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92, size: float = 0.0) -> None:  # fmt: skip
    for text in paras:
        page.para(text, x=x, right=right, size=size).gap()


def _sign(page: Sheet, org: Org, x: float = 0.08) -> None:
    page.add((t(x, "Yours sincerely"),)).gap()
    page.add((t(x, org.team, True),))


# -- the six settings ---------------------------------------------------------------------------


def _byline(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A newsletter article: the title as a headline, an italic standfirst with the sum and
    the date to act, a byline between rules (team, date, reference), the body opening
    with a large initial, then "What it comes to" as label, dash and value."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line, size=SMALL + 1),) for line in lines)).gap()
    page.add(*_bold(page, letter.title, 0.08, 0.92, style.point + 5))
    for row in page.wrapped(letter.paras[1], 0.08, 0.86, size=style.point + 0.5, italic=True):
        page.add(row)
    page.gap()
    page.rule(0.08, 0.92, 120)
    page.add((t(0.08, f"By the {org.team}", size=SMALL + 0.5), t(0.4, letter.when(letter.date), True, size=SMALL + 0.5), rt(0.92, f"{letter.ref_label} {letter.ref}", size=SMALL + 0.5)))  # fmt: skip
    page.rule(0.08, 0.92, 120)
    page.gap()
    first = letter.paras[0]
    page.add((t(0.08, first[0], True, size=style.point * 2.6),))
    page.para(first[1:].lstrip() if first[1] == " " else first[1:], x=0.08)
    page.gap()
    _prose(page, letter.paras[2:])
    page.add((t(0.08, "What it comes to", True, size=style.point + 1),))
    for label, value in letter.facts:
        page.add((t(0.1, f"{label} \u2014", size=style.point - 0.5), t(0.58, shown(letter, value), True, size=style.point - 0.5)))  # fmt: skip
    page.gap()
    _sign(page, org)
    _foot(page, org)
    return [page]


def _inset(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The prose wrapping round a ruled, tinted box at the right holding every fact (label
    small over value): the lines beside it short, the lines after it full width."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    box: list[tuple[Cell, ...]] = [()]
    for label, value in _rows(letter):
        box += [(t(0.64, label, size=SMALL),), *_bold(page, value, 0.64, 0.9, SMALL + 1.5), ()]
    words = " \u00b6 ".join(letter.paras).split()
    narrow: list[tuple[Cell, ...]] = []
    while words and len(narrow) < len(box):
        line: list[str] = []
        while words and (
            not line or FONTS.length(style, " ".join([*line, words[0]]), style.point) < 0.5
        ):
            word = words.pop(0)
            if word == "\u00b6":
                break
            line.append(word)
        narrow.append((t(0.08, " ".join(line)),) if line else ())
    top = len(page.rows)
    page.beside(narrow, box)
    page.rects.append(Rect(top, top + len(box) - 1, 0.62, 0.92, True, 238))
    rest = " ".join(words).split(" \u00b6 ") if words else []
    for text in rest:
        text = text.replace("\u00b6", "").strip()
        if text:
            page.para(text).gap()
    page.gap()
    _sign(page, org)
    _foot(page, org)
    return [page]


HEX = 0.25
"""A hexagon's width (share of the page)."""


def _hexagons(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Every fact in a hexagon (label small over the value, centred), three a row and two in
    the row between, half a cell over: a honeycomb."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    cells = _rows(letter)
    size = SMALL
    centres = ((0.22, 0.5, 0.78), (0.36, 0.64))
    k, n = 0, 0
    while k < len(cells):
        xs = centres[n % 2]
        group = cells[k : k + len(xs)]
        top = len(page.rows)
        columns = [[(), *_centred(page, label, value, x - HEX / 2 + 0.035, x + HEX / 2 - 0.035, size), ()] for (label, value), x in zip(group, xs, strict=False)]  # fmt: skip
        page.beside(*columns)
        for x in xs[: len(group)]:
            page.rules.append(Mark("hex", top, x, HEX, last=len(page.rows) - 1))
        k += len(group)
        n += 1
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


TUBE = 0.85
"""Where the thermometer's tube stands."""


def _thermometer(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A thermometer down the right: the parts of the sum marked up its scale (the first at
    the foot), the total and its label above the tube; the other facts down the left."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    label, total = next((label, v) for label, v in letter.facts if isinstance(v, int))
    size = SMALL + 0.5
    right: list[tuple[Cell, ...]] = [(rt(0.92, label, size=SMALL),), (rt(0.92, pounds(total), True, size=style.point + 2),), ()]  # fmt: skip
    parts = list(letter.parts) or [(label, total)]
    for what, pence in reversed(parts):
        right += [(t(0.5, what, size=SMALL), rt(0.8, ("less " if pence < 0 else "") + plain(abs(pence)), size=SMALL)), ()]  # fmt: skip
    right += [(), ()]
    left: list[tuple[Cell, ...]] = [()]
    for what, value in [
        *_rows(letter)[:2],
        *((w, shown(letter, v)) for w, v in letter.facts if w != label),
    ]:
        left += [(t(0.08, what, size=size),), *_bold(page, value, 0.08, 0.46, size + 1), ()]
    top = len(page.rows)
    page.beside(left, right)
    tube_top = top + 3
    page.rules.append(Mark("thermo", tube_top, TUBE, last=top + len(right) - 1, shade=45 + rng.randrange(45)))  # fmt: skip
    for n in range(len(parts)):
        page.rules.append(Mark("tick", tube_top + 2 * n, TUBE))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


SPANS3 = ((0.08, 0.33), (0.375, 0.625), (0.67, 0.92))
SPANS2 = ((0.08, 0.48), (0.52, 0.92))
"""Two boxes a row where a value would not fit a third of the page."""


def _legend(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Every fact (the date and reference too) in a ruled box whose label breaks its top
    border; three boxes a row."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    pairs = _rows(letter)
    while pairs:
        spans: tuple[tuple[float, float], ...] = SPANS3
        if any(FONTS.length(style, value, style.point, True) > SPANS3[0][1] - SPANS3[0][0] - 0.04 for _, value in pairs[:3]):  # fmt: skip
            spans = SPANS2
        group, pairs = pairs[: len(spans)], pairs[len(spans) :]
        top = len(page.rows)
        boxes = [[(t(x0 + 0.015, label, True, size=SMALL - 0.5),), *_bold(page, value, x0 + 0.02, x1 - 0.015, style.point), ()] for (label, value), (x0, x1) in zip(group, spans, strict=False)]  # fmt: skip
        page.beside(*boxes)
        for (label, _), (x0, x1) in zip(group, spans, strict=False):
            width = FONTS.length(style, label, SMALL - 0.5, True) + 0.012
            page.rules.append(Mark("legend", top, x0, x1, last=len(page.rows) - 1, shade=round(width * 1000)))  # fmt: skip
        page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


def _funnel(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The facts in shaded bands narrowing down the middle of the page (label over value,
    centred), the money the letter is about in the narrow band at the foot."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    label, total = next(((label, v) for label, v in letter.facts if isinstance(v, int)), ("", 0))
    items = [(w, v) for w, v in _rows(letter) if w != label] + ([(label, pounds(total))] if label else [])  # fmt: skip
    n = len(items)
    half_top, half_foot = 0.42, 0.17
    step = (half_top - half_foot) / n
    for k, (what, value) in enumerate(items):
        half = half_top - k * step
        top = len(page.rows)
        page.add(*_centred(page, what, value, 0.5 - half + 0.05, 0.5 + half - 0.05, SMALL))
        page.rules.append(Mark("band", top, 0.5 - half, 0.5 + half, last=len(page.rows) - 1, shade=round(step * 1000)))  # fmt: skip
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "byline": _byline,
    "inset": _inset,
    "hexagons": _hexagons,
    "thermometer": _thermometer,
    "legend": _legend,
    "funnel": _funnel,
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
    return f"{name}. Registered in England and Wales no. {number}; registered office {office}.{extra}"  # fmt: skip


FCA = " Authorised and regulated by the Financial Conduct Authority."
AGENCY = Org("Quaggy Credit Management Ltd", "Collections Hub, 9 Rushey Green", "London SE6 4AS", "020 3960 4418",
             _ltd("Quaggy Credit Management Ltd", "10937724", "9 Rushey Green, London SE6 4AS", FCA), "Collections Hub")  # fmt: skip
CARDS = Org("Hornbeam Card Services Ltd", "PO Box 7261", "London SE13 9ZD", "0345 071 5539",
            _ltd("Hornbeam Card Services Ltd", "12238810", "Lee High Road, London SE13 5PH", FCA))  # fmt: skip
LEWISHAM = "London Borough of Lewisham"
PARKING = Org(LEWISHAM, "Parking Services, PO Box 6021", "London SE6 9ZN", "020 8314 7720",
              "London Borough of Lewisham, the civil enforcement authority for parking on the borough's roads.", "Parking Services")  # fmt: skip
TEC = "Traffic Enforcement Centre"
ORDERS = Org(TEC, "Northampton County Court, St Katharine's House", "Northampton NN1 2LH", "0300 123 1059",
             "The Traffic Enforcement Centre is part of the County Court at Northampton; it registers unpaid penalty charges for the local authorities.", "Traffic Enforcement Centre")  # fmt: skip
BAILIFFS = Org("Perry Vale Enforcement Agents Ltd", "PO Box 4410", "London SE23 9WL", "020 8291 6650",
               _ltd("Perry Vale Enforcement Agents Ltd", "09874512", "Perry Vale, London SE23 2NQ", " Our enforcement agents hold certificates from the County Court."), "Enforcement Office")  # fmt: skip
CCBC = "County Court Business Centre"
BUSINESS = Org(CCBC, "St Katharine's House, 21-27 St Katharine's Street", "Northampton NN1 2LH", "0300 123 1057",
               "County Court Business Centre, HM Courts & Tribunals Service. Always quote the claim number when you write or telephone.", "Court Office")  # fmt: skip
LOANS = Org("Hilly Fields Personal Loans Ltd", "PO Box 3316", "London SE4 9YT", "0333 207 4190",
            _ltd("Hilly Fields Personal Loans Ltd", "11502276", "Hilly Fields Crescent, London SE4 1QA", FCA))  # fmt: skip
BROADBAND = Org("Telegraph Hill Broadband Ltd", "Billing, 44 Pepys Road", "London SE14 5SB", "0330 808 2231",
                _ltd("Telegraph Hill Broadband Ltd", "08771093", "44 Pepys Road, London SE14 5SB"))  # fmt: skip
MERCHANT = Org("Creekside Timber and Builders' Merchants Ltd", "Credit Control, Creekside", "London SE8 4SA", "020 8692 3371",
               _ltd("Creekside Timber and Builders' Merchants Ltd", "04120667", "Creekside, Deptford, London SE8 4SA"), "Credit Control")  # fmt: skip
TAX = Org(LEWISHAM, "Council Tax, PO Box 6022", "London SE6 9ZP", "020 8314 6000",
          "London Borough of Lewisham: council tax is collected for the borough and the Greater London Authority.", "Council Tax Recovery")  # fmt: skip
ENERGY = Org("Honor Oak Energy Supply Ltd", "PO Box 8830", "London SE23 9ZB", "0800 412 6677",
             _ltd("Honor Oak Energy Supply Ltd", "13022481", "Honor Oak Park, London SE23 1DY"), "Billing Team")  # fmt: skip
WATER = Org("Tidal Thames Water Services Ltd", "Customer Accounts, Creek Road", "London SE8 3BU", "0345 120 5510",
            _ltd("Tidal Thames Water Services Ltd", "02651187", "Creek Road, London SE8 3BU"), "Water Accounts")  # fmt: skip
HMCTS = "HM Courts & Tribunals Service"
FINES = Org(HMCTS, "London Collection and Compliance Centre, PO Box 31090", "London SW1P 3WS", "0300 123 9252",
            "HM Courts & Tribunals Service enforces the fines the magistrates' courts of London impose.", "Compliance Officer")  # fmt: skip
MOBILE = Org("Grove Park Mobile Ltd", "PO Box 1192", "London SE12 0ZX", "0333 300 4471",
             _ltd("Grove Park Mobile Ltd", "07660218", "Baring Road, London SE12 0PA"))  # fmt: skip
BUYER = Org("Kite Portfolio Recoveries Ltd", "PO Box 6670", "London SE6 9XR", "0333 090 2815",
            _ltd("Kite Portfolio Recoveries Ltd", "12870036", "Bromley Road, London SE6 2TS", FCA), "Purchased Accounts")  # fmt: skip
HMRC = "HM Revenue & Customs"
CREDITS = Org(HMRC, "Tax Credit Office", "Preston PR1 4AT", "0345 300 3900",
              "HM Revenue & Customs recovers tax credits overpaid; this letter is about the award period shown.", "Tax Credits Debt")  # fmt: skip
SOCIETY = Org("Blackheath and Lee Building Society", "Mortgage Support, 3 Tranquil Vale", "London SE3 0BU", "020 8852 4471",
              "Blackheath and Lee Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (no. 206613).", "Mortgage Support")  # fmt: skip
HOMES = Org("Ladywell Fields Housing Association", "Rent Team, 61 Ladywell Road", "London SE13 7UT", "020 8690 1147",
            "Ladywell Fields Housing Association, a registered society and a registered provider of social housing (no. L5238).", "Rent Team")  # fmt: skip
LATER = Org("Tenpenny Pay Later Ltd", "app@tenpenny.example", "London SE1 9ZZ", "0333 016 8842",
            _ltd("Tenpenny Pay Later Ltd", "13346201", "Tooley Street, London SE1 2TF", FCA), "Tenpenny Help")  # fmt: skip
CATALOGUE = Org("Loampit Home Shopping Ltd", "Accounts, Loampit Vale", "London SE13 7NX", "0345 266 0413",
                _ltd("Loampit Home Shopping Ltd", "03870415", "Loampit Vale, London SE13 7NX", FCA))  # fmt: skip
DENTIST = Org("Sydenham Hill Dental Practice Ltd", "Kirkdale", "London SE26 4BB", "020 8778 3012",
              _ltd("Sydenham Hill Dental Practice Ltd", "09133487", "Kirkdale, London SE26 4BB"))  # fmt: skip
SOLICITORS = Org("Adeyemi Marchetti LLP", "Recoveries, 210 Kirkdale", "London SE26 4NL", "020 8659 7741",
                 "Adeyemi Marchetti LLP is authorised and regulated by the Solicitors Regulation Authority (SRA no. 671138).", "Recoveries Department")  # fmt: skip
TRUST = Org("Hither Green Hospitals NHS Trust", "Payroll Services, Hither Green Lane", "London SE13 6LH", "020 8333 3000",
            "Hither Green Hospitals NHS Trust. Questions about this advice go to Payroll Services, quoting your assignment number.", "Payroll Services")  # fmt: skip
BUSES = Org("Bromley Road Bus Company Ltd", "Catford Garage, Bromley Road", "London SE6 2RZ", "020 8697 5502",
            _ltd("Bromley Road Bus Company Ltd", "05527714", "Bromley Road, London SE6 2RZ"), "Garage Wages Office")  # fmt: skip
BANK = Org("Skylark Digital Bank plc", "help in the app", "London EC2A 4NE", "0203 870 1155",
           _ltd("Skylark Digital Bank plc", "11765502", "Paul Street, London EC2A 4NE", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Skylark")  # fmt: skip
DWP = "Department for Work and Pensions"
PIP = Org(DWP, "Personal Independence Payment, Mail Handling Site A", "Wolverhampton WV98 2GQ", "0800 121 4433",
          "Personal Independence Payment is paid by the Department for Work and Pensions.", "PIP Award Team")  # fmt: skip
CHILD = Org(HMRC, "Child Benefit Office", "BX9 1AA", "0300 200 3100",
            "Child Benefit is paid by HM Revenue & Customs.", "Child Benefit Office")  # fmt: skip
BOWLS = Org("Manor House Gardens Bowls Club", "c/o The Pavilion, Old Road", "London SE13 5SY", "07700 900 318",
            "The club plays on the green by the old ice house from April to September.", "Fixtures Secretary")  # fmt: skip
LANTERNS = Org("Catford Lantern Parade Volunteers", "c/o The Broadway Theatre, Rushey Green", "London SE6 4RU", "07700 900 804",
               "Volunteers make and carry the willow lanterns through Catford each January; nothing here asks you to pay.", "Parade Coordinator")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """The agency's computer-printed letter for a card firm (even: the byline) or the
    council's charge certificate for an unpaid penalty charge notice (odd: the funnel)."""
    kinds = ("byline", "funnel")
    when, date = _when(rng), dated(rng)
    by = later(date, 14)
    if i % 2 == 0:
        owed = balance(rng)
        ref = f"QCM{digits(rng, 7)}"
        letter = Letter(
            org=AGENCY, title="Your Hornbeam card balance is now with our collections hub", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, CARDS.name, ref, owed, date, deadline_date=by),
            ref_label="Hub case ref.", ref=ref, date_label="Printed by our system",
            facts=[("Left to pay on the card", owed), ("Collecting on behalf of", CARDS.name), ("Call the hub before", by)],
            paras=(f"{CARDS.name} has asked us to collect the balance of your card account, which has not been paid as agreed.",
                   f"You owe {pounds(owed)}. Pay it, or ring us to set up a plan, by {when(by)}.",
                   "We are a collection agency, not a law firm or the court. If money is tight, free debt advice is available, and we will hold the account for 30 days while you get it."),
        )  # fmt: skip
    else:
        charge = rng.choice((8_000, 13_000))
        owed = charge * 3 // 2
        ref = f"LW{digits(rng, 8)}"
        letter = Letter(
            org=PARKING, title="Charge certificate: your penalty charge has gone up by half", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, LEWISHAM, ref, owed, date, deadline_date=by),
            ref_label="PCN ref. on the windscreen notice", ref=ref, date_label="Charge certificate posted",
            facts=[("Charge with the 50% increase", owed), ("Vehicle index mark", f"{letters(rng, 2)}{rng.randrange(10, 75)} {letters(rng, 3)}"), ("Last day to pay the increased charge", by)],
            paras=(f"The penalty charge of {pounds(charge)} was not paid and no challenge was made, so it has gone up by 50%.",
                   f"{pounds(owed)} is now due. Pay by {when(by)}, or the council will register the debt at the Traffic Enforcement Centre.",
                   "If the charge is registered, £9.00 is added and you will get an order for recovery."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{rng.choice('KLM')}{rng.randrange(0, 10)}{letters(rng, 2)}{digits(rng, 3)}{letters(rng, 1)}"  # fmt: skip


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("legend", "byline")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 88_000, 1_250_000)
    fee = rng.choice((11_500, 20_500, 45_500))
    total = claimed + fee + 8_000
    ref, number = f"HFL{digits(rng, 6)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=BUSINESS, title="Claim form: a money claim has been issued against you", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, LOANS.name, ref, total, date, court_claim_number=number, served_date=served, deadline_date=by),
        ref_label="Court claim no. (quote always)", ref=number, date_label="Claim issued at Northampton on",
        facts=[("Claimed, with the fee and costs", total), ("Claim brought in the name of", LOANS.name), ("Loan ref. (claimant's)", ref), ("Served by the court on", served), ("Answer the claim no later than", by)],
        paras=(f"{LOANS.name} (the claimant) has issued a claim against you for the unpaid balance of a personal loan.",
               f"The amount claimed is {pounds(claimed)}; with the court fee and the legal representative's costs the total is {pounds(total)}. Service is deemed to be on {when(served)}.",
               f"You must respond by {when(by)}: pay the total, admit the claim in whole or in part, or file a defence. If you do nothing, the claimant may ask for judgment."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("funnel", "legend")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 38_000, 720_000)
    ref, number = f"THB-{digits(rng, 6)}", _claim_no(rng)
    by = later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    facts: list[Fact] = [("Sum the judgment orders", owed), ("Broadband account (claimant's)", ref)]
    if extra:
        facts.append(("Whole sum to the claimant by", by))
    how = (f"You must pay {pounds(owed)} to the claimant by {when(by)}." if extra
           else f"You must pay {pounds(owed)} to the claimant forthwith.")  # fmt: skip
    letter = Letter(
        org=BUSINESS, title="Default judgment: the court orders you to pay", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, BROADBAND.name, ref, owed, date, court_claim_number=number, **extra),
        ref_label="Court claim no. (quote always)", ref=number, date_label="Judgment entered at Northampton on",
        facts=facts,
        paras=(f"You have not replied to the claim of {BROADBAND.name} for unpaid broadband and line rental charges, and judgment has been entered for the claimant.",
               how,
               "Unless it is paid within a month, the judgment will be entered on the Register of Judgments, Orders and Fines, and the claimant may enforce it."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """The enforcement agent's notice of enforcement under the warrant of control (even:
    hexagons) or the Traffic Enforcement Centre's order for recovery (odd: the inset)."""
    kinds = ("hexagons", "inset")
    when, date = _when(rng), dated(rng)
    pcn = f"LW{digits(rng, 8)}"
    charge = rng.choice((12_000, 19_500))
    if i % 2 == 0:
        owed = charge + 900 + 7_500
        case, by = f"PV{digits(rng, 6)}", later(date, 7)
        letter = Letter(
            org=BAILIFFS, title="Notice of enforcement: unpaid parking penalty", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, LEWISHAM, case, owed, date, deadline_date=by),
            ref_label="Perry Vale case", ref=case, date_label="Notice of enforcement sent",
            facts=[("Pay this to stop a visit", owed), ("Parking penalty ref.", pcn), ("Seven clear days end", by)],
            paras=(f"The {TEC} has issued a warrant of control for the unpaid penalty charge, and the {LEWISHAM} has instructed us to enforce it.",
                   f"You owe {pounds(owed)}, including the £75.00 compliance fee. Pay it in full by {when(by)}.",
                   "If you do not, an enforcement agent may visit your home to take control of goods, and a further £235.00 fee will be added."),
        )  # fmt: skip
    else:
        owed = charge + 900
        by = later(date, 21)
        letter = Letter(
            org=ORDERS, title="Order for recovery of an unpaid penalty charge", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, LEWISHAM, pcn, owed, date, deadline_date=by),
            ref_label="Penalty charge registered", ref=pcn, date_label="Order sealed",
            facts=[("Charge plus the court fee", owed), ("Council registering it", LEWISHAM), ("Pay or file a declaration by", by)],
            paras=(f"The {LEWISHAM} has registered an unpaid penalty charge against you with this court.",
                   f"You must pay {pounds(owed)} to the council by {when(by)}, or make a witness statement or statutory declaration if you have grounds.",
                   "If you do neither, the council may ask the court for a warrant of control, and enforcement agents may be instructed to collect the debt."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("inset", "hexagons")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 560_000, 1_940_000)
    ref, by = f"CT{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=MERCHANT, title="Statutory demand: an unpaid builders' merchant account", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, MERCHANT.name, ref, owed, date, deadline_date=by),
        ref_label="Merchant's trade account", ref=ref, date_label="Demand signed by the director on",
        facts=[("Owed on the trade account", owed), ("Pay or secure it by", by)],
        paras=("Timber, plasterboard and fixings were supplied on your trade account and the invoices remain unpaid.",
               f"The creditor demands {pounds(owed)}, to be paid or secured or compounded for to its satisfaction by {when(by)}.",
               "If you do not comply, the creditor may present a bankruptcy petition. You may apply to the court to set the demand aside within 18 days of its service."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("thermometer", "hexagons")
    when, date = _when(rng), dated(rng)
    ref, by = f"{rng.randrange(1, 9)}{digits(rng, 7)}", later(date, 7)
    bill = rng.randrange(142_000, 268_000)
    paid = rng.randrange(14_000, bill // 2)
    costs = 9_800
    owed = bill - paid + costs
    letter = Letter(
        org=TAX, title="Council tax final notice and summons costs", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, LEWISHAM, ref, owed, date, deadline_date=by),
        ref_label="Council tax ref. (Lewisham)", ref=ref, date_label="Final notice printed",
        facts=[("Balance with summons costs", owed), ("No liability order if paid by", by)],
        parts=[("The year's bill", bill), ("Received from you", -paid), ("Summons and court costs", costs)],
        paras=("Your instalments were not paid, you have lost the right to pay by instalments, and a summons has been issued.",
               f"{pounds(owed)} is now payable. If it is paid before {when(by)}, the council will not apply to the magistrates for a liability order.",
               "If your income is low you may qualify for Council Tax Reduction; apply online or ask us for a form."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("thermometer", "legend")
    when, date = _when(rng), dated(rng)
    ref, by = f"HOE{digits(rng, 8)}", later(date, 14)
    used = rng.randrange(8_200, 49_000)
    standing = rng.randrange(2_600, 4_600)
    vat = (used + standing) * 5 // 100
    owed = used + standing + vat
    letter = Letter(
        org=ENERGY, title="Gas and power at your home: this period's bill", date=date, when=when,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Honor Oak customer", ref=ref, date_label="Bill drawn up on",
        facts=[("Total for this bill", owed), ("Collected or due on", by), ("Supply point no.", f"{digits(rng, 2)} {digits(rng, 4)} {digits(rng, 4)}")],
        parts=[("Units of gas and power", used), ("Standing charge, per day", standing), ("VAT at the 5% rate", vat)],
        paras=("Here is your bill for the gas and electricity used at your home.",
               f"Please pay {pounds(owed)} by {when(by)}; if you pay by Direct Debit, we will collect it for you.",
               "If you are struggling to pay, talk to us: we can set up a plan, and you may be eligible for the Warm Home Discount."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("funnel", "inset")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 15_000, 168_000)
    ref, by = f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 2)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Water and wastewater charges behind", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Tidal Thames account", ref=ref, date_label="Water reminder printed",
        facts=[("Behind on water charges", owed), ("Pay or phone us by", by)],
        paras=("We have not received the payments due on your water and wastewater account.",
               f"Your account is {pounds(owed)} in arrears. Please pay, or call us to agree a plan, by {when(by)}.",
               "If we cannot agree a plan we may pass the debt to a collection agency. A lower water bill may be available through our social tariff."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("hexagons", "thermometer")
    when, date = _when(rng), dated(rng)
    fine, costs, surcharge = (
        rng.randrange(4_000, 90_000),
        rng.choice((8_500, 12_000)),
        rng.choice((3_200, 4_800)),
    )
    paid = rng.randrange(0, fine // 2)
    owed = fine + costs + surcharge - paid
    ref, by = f"{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 6)}", later(date, 14)
    letter = Letter(
        org=FINES, title="Further steps notice: fine in arrears", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, HMCTS, ref, owed, date, deadline_date=by),
        ref_label="Fines account (LCCC)", ref=ref, date_label="Further steps notice dated",
        facts=[("Still to pay on the fine account", owed), ("Clear it or call by", by)],
        parts=[("Fine set by the bench", fine), ("Costs to the prosecutor", costs), ("Surcharge for victims", surcharge), ("Already received", -paid)],
        paras=("The fine, costs and victim surcharge imposed by the magistrates have not been paid as ordered.",
               f"The outstanding balance is {pounds(owed)}. Pay it in full, or contact us, by {when(by)}.",
               "If you do not, we may take the money from your wages or benefits, or issue a warrant to enforcement agents, which adds to what you owe."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("legend", "funnel")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 9_000, 310_000)
    ref, old = f"KPR{digits(rng, 8)}", f"GPM{digits(rng, 7)}"
    letter = Letter(
        org=BUYER, title="Notice of assignment: your mobile phone debt", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=MOBILE.name),
        ref_label="Your Kite account", ref=ref, date_label="Assignment notice dated",
        facts=[("Phone debt we bought", owed), ("Network that sold it", MOBILE.name), ("Network account no.", old)],
        paras=(f"{MOBILE.name} has sold and assigned to us its rights in your mobile phone contract debt. We are now your creditor.",
               f"The balance assigned is {pounds(owed)}. No interest or charges will be added to it.",
               "Please make all future payments to us, quoting your new account number; an arrangement you had with the previous creditor carries on with us."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("thermometer", "byline")
    when, date = _when(rng), dated(rng)
    working, child = rng.randrange(20_000, 180_000), rng.randrange(10_000, 140_000)
    owed = working + child
    ref, by = (
        f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}",
        later(date, 30),
    )
    letter = Letter(
        org=CREDITS, title="Tax credits paid too much: paying it back", date=date, when=when,
        truth=owes(C.OVERPAYMENT, HMRC, ref, owed, date, deadline_date=by),
        ref_label="NINO on the award", ref=ref, date_label="Overpayment notice issued",
        facts=[("Overpaid across the award", owed), ("Repay or set up payments by", by)],
        parts=[("Working Tax Credit overpaid", working), ("Child Tax Credit overpaid", child)],
        paras=("Your tax credits award has been finalised and you were paid more than you were entitled to, because your household income was higher than estimated.",
               f"You have been overpaid {pounds(owed)}. Pay it, or call us to agree affordable payments, by {when(by)}.",
               "If you do not, we may collect it through your tax code or ask the DWP to take it from your Universal Credit."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("byline", "hexagons")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 48_000, 860_000), rng.randrange(52_000, 168_000)
    ref = f"BL{digits(rng, 8)}"
    letter = Letter(
        org=SOCIETY, title="Mortgage payments missed: talk to us today", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Blackheath mortgage no.", ref=ref, date_label="Society letter written on",
        facts=[("Mortgage payments missed so far", owed), ("Monthly sum under the mortgage deed", monthly)],
        paras=("Your mortgage payments have not been made in full, and your account is now in arrears.",
               f"The arrears stand at {pounds(owed)}; your contractual monthly payment is {pounds(monthly)}.",
               "Please ring Mortgage Support so we can agree a plan you can afford. Repossession is always the very last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("hexagons", "thermometer")
    when, date = _when(rng), dated(rng)
    weekly = rng.randrange(11_000, 19_800)
    weeks = rng.randrange(2, 14)
    charges = rng.choice((0, 2_500, 4_000))
    owed = weekly * weeks + charges
    ref = f"LFH/{digits(rng, 5)}"
    letter = Letter(
        org=HOMES, title="Rent behind on your Ladywell Fields home", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Ladywell tenancy", ref=ref, date_label="Rent statement date",
        facts=[("Rent not yet paid", owed), ("Weekly charge for the home", weekly)],
        parts=[(f"Rent unpaid, {weeks} weeks", weekly * weeks), ("Unpaid service charge", charges)],
        paras=("Your rent account is in arrears.",
               f"Your arrears are {pounds(owed)} and your rent is {pounds(weekly)} a week. Please contact the Rent Team to agree how you will clear them.",
               "If your Universal Credit housing costs have changed, let us know at once; we can also refer you to free, independent debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("inset", "funnel")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 3_600, 118_000), later(date, 10)
    if i % 4 < 2:
        org, ref, title = (
            LATER,
            f"TP-{letters(rng, 2)}{digits(rng, 6)}",
            "Your Tenpenny payments are overdue",
        )
        first = "We tried to take two of your Tenpenny instalments from your card, and both were declined."
        date_label, ref_label = "E-mail sent", "Tenpenny plan ID"
    else:
        org, ref, title = (
            CATALOGUE,
            f"{digits(rng, 4)}-{digits(rng, 4)}",
            "Your catalogue account is behind",
        )
        first = "Your home shopping account is behind, and we have stopped new orders until it is up to date."
        date_label, ref_label = "Letter printed", "Home shopping account"
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label=ref_label, ref=ref, date_label=date_label,
        facts=[("Instalments the card refused", owed), ("Catch the plan up by", by)],
        paras=(first,
               f"The overdue amount is {pounds(owed)}. Please pay it by {when(by)} so that we do not report the missed payments to the credit reference agencies.",
               "If you are having money troubles, tell us: we can pause collection for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("byline", "legend")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 42_000, 980_000), later(date, 30)
    ref = f"SHD{digits(rng, 5)}"
    letter = Letter(
        org=SOLICITORS, title="Letter before claim: unpaid dental treatment", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, DENTIST.name, ref, owed, date, deadline_date=by),
        ref_label="Practice patient no.", ref=ref, date_label="Letter before claim dated",
        facts=[("Treatment fees unpaid", owed), ("Acting for", DENTIST.name), ("Send the reply form back by", by)],
        paras=(f"We act for {DENTIST.name}, which provided private dental treatment to you that has not been paid for.",
               f"Our client is owed {pounds(owed)}. Please pay it, or complete and return the reply form enclosed, by {when(by)}.",
               "If you do not, our client may issue court proceedings without further notice and ask the court to order you to pay its costs and interest."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _trust(rng: random.Random, i: int) -> Doc:
    """A hospital trust's pay advice: payments as units at a rate, the deductions under
    them, the year-to-date figures down the right; monthly or four-weekly."""
    org, date, when = TRUST, dated(rng), _when(rng)
    frequency = ("monthly", "four_weekly")[(i // 2) % 2]
    if frequency == "monthly":
        date = date.replace(day=25)
    hours = {"monthly": 162.5, "four_weekly": 150.0}[frequency]
    rate = rng.choice((1_396, 1_452, 1_519))
    basic = round(hours * rate)
    unsocial = rng.randrange(6_000, 31_000)
    london = rng.choice((11_880, 12_460))
    gross = basic + unsocial + london
    cuts = [("Tax (PAYE)", gross * 12 // 100), ("Class 1 NI", gross * 7 // 100), ("NHS Pension 6.8%", gross * 68 // 1000), ("Car park permit", 1_800)]  # fmt: skip
    off = sum(a for _, a in cuts)
    periods = rng.randrange(2, 11)
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Pay advice", True, size=style.point + 3), rt(0.92, f"Pay date {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}, healthcare assistant, band 3", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Assignment no. {digits(rng, 8)}   Tax code 1257L   NI letter A   Period {periods}", size=size),)).gap()  # fmt: skip
    xs = (0.5, 0.62, 0.76, 0.92)
    page.add((t(0.08, "Payments", True, size=size), *(rt(x, h, True, size=size) for x, h in zip(xs, ("Units", "Rate", "Amount", "Year to date"), strict=True))))  # fmt: skip
    page.rule(0.08, 0.92, 80)
    pays = [("Basic pay", f"{hours:.2f}", plain(rate), basic), ("Unsocial hours enhancement", "", "", unsocial), ("High cost area supplement", "", "", london)]  # fmt: skip
    for what, units, at, amount in pays:
        page.add((t(0.08, what, size=size), rt(0.5, units, size=size), rt(0.62, at, size=size), rt(0.76, plain(amount), size=size), rt(0.92, plain(amount * periods), italic=True, size=size)))  # fmt: skip
    page.add((t(0.08, "Total gross pay", True, size=size), rt(0.76, plain(gross), True, size=size), rt(0.92, plain(gross * periods), italic=True, size=size)))  # fmt: skip
    page.gap()
    page.add((t(0.08, "Deductions", True, size=size),))
    page.rule(0.08, 0.92, 80)
    for what, amount in cuts:
        page.add((t(0.08, what, size=size), rt(0.76, plain(amount), size=size), rt(0.92, plain(amount * periods), italic=True, size=size)))  # fmt: skip
    page.add((t(0.08, "Total deductions", True, size=size), rt(0.76, plain(off), True, size=size)))
    page.gap()
    top = len(page.rows)
    page.add((t(0.5, "Net pay into your account", True, size=size), rt(0.9, plain(gross - off), True, size=style.point + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.48, 0.92, True, 232))
    page.gap()
    page.para("Year-to-date figures are in italics. Tell Payroll Services straight away if any detail is wrong.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


ROUTES = ("47", "54", "124", "181", "185", "199", "208", "284")


def _buses(rng: random.Random, i: int) -> Doc:
    """A bus company's wage slip: the duties driven as a rota (date, duty, route, platform
    hours), then the pay worked out; weekly or fortnightly."""
    org, date, when = BUSES, dated(rng), _when(rng)
    date = later(date, (3 - date.weekday()) % 7)  # a Thursday
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    days = {"weekly": 5, "fortnightly": 10}[frequency]
    rate = rng.choice((1_745, 1_812, 1_878))
    duties = [(later(date, -(days + 3) + n + n // 5 * 2), f"{rng.randrange(1, 9)}{digits(rng, 2)}", rng.choice(ROUTES), rng.choice((7.5, 8.0, 8.25, 8.5, 9.0))) for n in range(days)]  # fmt: skip
    hours = sum(h for *_, h in duties)
    basic = round(hours * rate)
    spread = rng.randrange(0, 5) * 1_250
    gross = basic + spread
    taken = [("Tax deducted", gross * 11 // 100), ("NI contributions", gross * 6 // 100), ("Busworkers' pension", gross * 5 // 100), ("Union dues (Unite)", 1_020)]  # fmt: skip
    off = sum(a for _, a in taken)
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[(i + 1) % len(PEOPLE)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Wage slip", True, size=style.point + 3), rt(0.92, f"Paid {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"Driver {first} {surname}, Catford garage (TL)", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Staff no. {digits(rng, 6)}   Tax code 1257L   NI letter A", size=size),)).gap()  # fmt: skip
    page.add((t(0.08, "Duties worked", True, size=size), t(0.3, "Duty", True, size=size), t(0.42, "Route", True, size=size), rt(0.66, "Platform hours", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.66, 90)
    for day, duty, route, h in duties:
        page.add((t(0.08, f"{day:%a %d/%m}", size=size), t(0.3, duty, size=size), t(0.42, route, size=size), rt(0.66, f"{h:.2f}", size=size)))  # fmt: skip
    page.rule(0.08, 0.66, 90)
    page.add((t(0.08, "Hours this period", size=size), rt(0.66, f"{hours:.2f}", True, size=size)))
    page.gap()
    lines: list[tuple[str, int]] = [(f"{hours:.2f} hours at {plain(rate)}", basic), ("Spread-over payments", spread), ("Wage before deductions", gross)]  # fmt: skip
    lines += [(what, -amount) for what, amount in taken] + [("Wage paid to you", gross - off)]
    for what, amount in lines:
        strong = what in ("Wage before deductions", "Wage paid to you")
        page.add((t(0.3, what, strong, size=size), rt(0.8, ("- " if amount < 0 else "") + plain(abs(amount)), strong, size=size)))  # fmt: skip
    page.gap()
    page.para("Spread-over is paid on any duty whose first and last bells are more than ten hours apart.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """The hospital trust's pay advice (even) or the bus company's wage slip (odd)."""
    return _trust(rng, i) if i % 2 == 0 else _buses(rng, i)


CATEGORIES = {
    "LIDL LEWISHAM": "Groceries",
    "TFL TRAVEL CH": "Transport",
    "HONOR OAK ENERGY": "Bills",
    "SALARY HITHER GREEN HOSP": "Income",
    "CATFORD MEWS CINEMA": "Entertainment",
    "TIDAL THAMES WATER": "Bills",
    "DEPTFORD MARKET": "Eating out",
    "TRANSFER FROM SAVINGS POT": "Transfers",
}


def _app(rng: random.Random, i: int) -> Doc:
    """A digital bank's statement printed from its app: money in and money out totalled at
    the top, then each line's merchant with its category in brackets under it, the amount
    at the right and the balance after it."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Statement", True, size=style.point + 2), rt(0.92, f"Generated {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Sort code 04-{digits(rng, 2)}-{digits(rng, 2)}   Account {digits(rng, 8)}", size=size),)).gap()  # fmt: skip
    start = rng.randrange(3_000, 70_000)
    moves = [(name, rng.randrange(140_000, 230_000) if cat == "Income" else rng.randrange(5_000, 40_000) if cat == "Transfers" else -rng.randrange(400, 9_800)) for name, cat in CATEGORIES.items()]  # fmt: skip
    rng.shuffle(moves)
    money_in = sum(a for _, a in moves if a > 0)
    money_out = -sum(a for _, a in moves if a < 0)
    top = len(page.rows)
    page.add((t(0.1, "Money in", size=SMALL), t(0.4, "Money out", size=SMALL), t(0.7, "Opening balance", size=SMALL)))  # fmt: skip
    page.add((t(0.1, f"+{plain(money_in)}", True, size=style.point + 1), t(0.4, f"-{plain(money_out)}", True, size=style.point + 1), t(0.7, plain(start), True, size=style.point + 1)))  # fmt: skip
    page.rects.append(Rect(top, top + 1, 0.08, 0.92, False, 236))
    page.gap()
    running = start
    offsets = sorted(rng.sample(range(1, 30), len(moves)), reverse=True)
    for (name, amount), offset in zip(moves, offsets, strict=True):
        running += amount
        page.add((t(0.08, f"{later(date, -offset):%d %b}", size=size), t(0.22, name, True, size=size), rt(0.74, ("+" if amount > 0 else "-") + plain(abs(amount)), size=size), rt(0.92, plain(running), size=size)))  # fmt: skip
        page.add((t(0.22, f"({CATEGORIES[name]})", italic=True, size=SMALL),))
    page.rule(0.08, 0.92, 150)
    page.add(
        (t(0.22, "Closing balance", True, size=size), rt(0.92, plain(running), True, size=size))
    )
    page.gap()
    page.para("Printed from the Skylark app. Pending card payments are not shown.", size=SMALL)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def _society(rng: random.Random, i: int) -> Doc:
    """The building society's current account: date, details, paid out, paid in, balance."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, SOCIETY, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Current account statement", True), rt(0.92, f"Statement date {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Account no. {digits(rng, 8)}   Statement {rng.randrange(12, 90)}", size=size),)).gap()  # fmt: skip
    xs = (0.64, 0.78, 0.92)
    page.add((t(0.08, "Date", True, size=size), t(0.2, "Details", True, size=size), *(rt(x, h, True, size=size) for x, h in zip(xs, ("Paid out", "Paid in", "Balance"), strict=True))))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(2_000, 60_000)
    page.add((t(0.2, "Balance brought forward", size=size), rt(0.92, plain(running), size=size)))
    items = [("BUS COMPANY WAGES", rng.randrange(50_000, 90_000)), ("DD LADYWELL FIELDS HA", -rng.randrange(40_000, 80_000)),
             ("CARD CATFORD BROADWAY", -rng.randrange(900, 6_000)), ("DD LONDON BOROUGH OF LEWISHAM", -rng.randrange(9_000, 18_000)),
             ("BUS COMPANY WAGES", rng.randrange(50_000, 90_000)), ("CASH BROCKLEY RISE", -2_000 * rng.randrange(1, 5)),
             ("SO HORNBEAM CARD", -rng.randrange(2_500, 9_000))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 30), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        cells = [t(0.08, f"{later(date, -offset):%d/%m}", size=size), t(0.2, what, size=size)]
        cells.append(rt(xs[0] if amount < 0 else xs[1], plain(abs(amount)), size=size))
        cells.append(
            rt(0.92, plain(running) if running >= 0 else f"{plain(-running)} OD", size=size)
        )
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.2, "Balance carried forward", True, size=size), rt(0.92, plain(running) if running >= 0 else f"{plain(-running)} OD", True, size=size)))  # fmt: skip
    page.gap()
    page.para("OD: overdrawn. Please check this statement and tell us about anything you do not recognise.", size=SMALL)  # fmt: skip
    _foot(page, SOCIETY)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def bank_statement(rng: random.Random, i: int) -> Doc:
    """The digital bank's app statement (even) or the building society's (odd)."""
    return _app(rng, i) if i % 2 == 0 else _society(rng, i)


def benefit(rng: random.Random, i: int) -> Doc:
    """Personal Independence Payment (even: the inset) or Child Benefit (odd: the
    thermometer)."""
    kinds = ("inset", "thermometer")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        org, what = PIP, "Personal Independence Payment"
        frequency = "four_weekly"
        weekly = (rng.choice((7_370, 11_030)), rng.choice((0, 2_910, 7_700)))
        labels = ("For daily living", "For getting around")
        ref = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}"
        ref_label = "NI no. on the claim"
    else:
        org, what = CHILD, "Child Benefit"
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        weekly = (2_640, 1_750 * rng.randrange(0, 3))
        labels = ("For the eldest child", "For the other children")
        ref = f"CHB{digits(rng, 8)} {letters(rng, 2)}"
        ref_label = "Child Benefit ref."
    times = {"weekly": 1, "fortnightly": 2, "four_weekly": 4}[frequency]
    paid = sum(weekly) * times
    letter = Letter(
        org=org, title=f"{what}: your award", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label=ref_label, ref=ref, date_label="Award decided on",
        facts=[("Into your account each payday", paid), ("Payday pattern", FREQUENCY_SHOWN[frequency][0])],
        parts=[(labels[0], weekly[0] * times), (labels[1], weekly[1] * times)],
        paras=(f"We have looked at your claim for {what} and made a decision.",
               f"You will get {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]}, paid into your account.",
               "You must tell us about any change in your circumstances, such as a stay in hospital, a move abroad or a change in who lives with you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the bowls club's fixtures (a legend box each) and the lantern
    parade's call for volunteers (the inset)."""
    kinds = ("legend", "inset")
    when, date = _when(rng), dated(rng)
    on = later(date, 9 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=BOWLS, title="Summer fixtures and the open day", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Rink", ref=f"Rink {rng.randrange(1, 6)}",
            facts=[("Open afternoon on", on), ("Bowls to borrow", "Sizes 2 to 5"), ("On the green wear", "Flat-soled shoes")],
            paras=("Thank you to everyone who helped reseed the green over the winter.",
                   f"Our open day is on {when(on)}: bring a friend, and a coach will show you how to draw to the jack.",
                   "Tea and cake are in the pavilion afterwards; the club's kitty pays for them."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=LANTERNS, title="Lantern making: volunteers wanted", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Workshop", ref=f"Table {rng.randrange(2, 9)}",
            facts=[("Willow workshop starts", on), ("Meet at", "Broadway Theatre studio")],
            paras=("Thank you for putting your name down to help with this year's lantern parade.",
                   f"The first willow and tissue workshop is on {when(on)}; please come in old clothes.",
                   "Children are welcome with an adult. We will walk from the theatre to Mountsfield Park."),
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
class AQSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 4160


def build_aq(per_class: int = 4, *, seed: int = SEED) -> list[AQSample]:
    """``per_class`` documents of every class, held out, family ``<class>:AQ``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, AQSample)


PRINT = Printer(FONTS.font, FONTS.measure)


def page_size(sample: AQSample, dpi: int) -> tuple[int, int]:
    return PRINT.page_size(sample, dpi)


def aq_text(sample: AQSample) -> str:
    """Every page's text, pages apart by form feeds."""
    return PRINT.text(sample)


def aq_pages(sample: AQSample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return PRINT.pages(sample, dpi=dpi)


# -- drawing the page ---------------------------------------------------------------------------


@frozen
class AQScan:
    dpi: int
    skew: float
    """Degrees."""
    smear: bool = False
    """An ink-jet print brushed before it dried: lines dragged sideways; greyscale."""
    gingham: bool = False
    """A phone photo on a gingham tablecloth; colour."""
    prints: bool = False
    """Greasy and inky fingerprints in the margins; greyscale, as PDF."""


SCANS = (
    AQScan(dpi=300, skew=0.4, smear=True),
    AQScan(dpi=170, skew=-1.3, gingham=True),
    AQScan(dpi=240, skew=0.7, prints=True),
)

PAPER = (251, 251, 248)
QUALITY = 80


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


def _rule(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.top(m.row) - round(0.1 * g.body)
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(m.shade,) * 3, width=g.line)


def _hex(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A hexagon with flat top and foot, its points at the left and right."""
    last = m.last if m.last is not None else m.row
    y0, y1 = g.top(m.row), g.foot(last)
    cx, half = g.x(m.x0), g.x(m.x1 / 2)
    cut = round(half * 0.42)
    points = [(cx - half, (y0 + y1) // 2), (cx - half + cut, y0), (cx + half - cut, y0), (cx + half, (y0 + y1) // 2), (cx + half - cut, y1), (cx - half + cut, y1)]  # fmt: skip
    pen.polygon(points, fill=(240, 242, 236), outline=INK, width=max(1, g.line + 1))


def _thermo(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The tube from row ``row`` down to row ``last``, the bulb under it, the red column
    filled to ``shade`` per cent."""
    last = m.last if m.last is not None else m.row
    cx, y0, y1 = g.x(m.x0), g.top(m.row), g.foot(last)
    w = max(5, g.body // 2)
    bulb = round(w * 1.6)
    pen.rounded_rectangle((cx - w, y0, cx + w, y1), radius=w, outline=INK, width=max(1, g.line), fill=(250, 250, 250))  # fmt: skip
    level = y1 - round((y1 - y0) * m.shade / 100)
    pen.rectangle((cx - w // 2, level, cx + w // 2, y1 + bulb // 2), fill=MERCURY)
    pen.ellipse((cx - bulb, y1, cx + bulb, y1 + 2 * bulb), fill=MERCURY, outline=INK, width=max(1, g.line))  # fmt: skip


def _tick(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    cx, y = g.x(m.x0), g.top(m.row) + g.body // 2
    w = max(5, g.body // 2)
    pen.line((cx - w - round(w * 1.2), y, cx - w, y), fill=INK, width=max(1, g.line))


def _legend_box(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A ruled box whose top border runs through the label's row and breaks round it."""
    last = m.last if m.last is not None else m.row
    x0, x1 = g.x(m.x0), g.x(m.x1)
    y0, y1 = g.top(m.row) + g.heights[m.row] // 2, g.foot(last) - g.body // 4
    width = max(1, g.line)
    pen.line((x0, y0, x0, y1), fill=INK, width=width)
    pen.line((x1, y0, x1, y1), fill=INK, width=width)
    pen.line((x0, y1, x1, y1), fill=INK, width=width)
    gap0 = x0 + g.x(0.008)
    gap1 = x0 + g.x(0.008) + g.x(m.shade / 1000)
    pen.line((x0, y0, gap0, y0), fill=INK, width=width)
    pen.line((min(gap1, x1), y0, x1, y0), fill=INK, width=width)


def _band(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A funnel band: a shaded trapezoid, ``x0``..``x1`` at its top, narrower at its foot."""
    last = m.last if m.last is not None else m.row
    y0, y1 = g.top(m.row) - g.body // 4, g.foot(last)
    cut = g.x(m.shade / 1000)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.polygon([(x0, y0), (x1, y0), (x1 - cut, y1), (x0 + cut, y1)], fill=(226, 232, 240), outline=(120, 130, 150))  # fmt: skip


PAINT: dict[str, Callable[[ImageDraw.ImageDraw, _Geo, Mark], None]] = {
    "rule": _rule,
    "hex": _hex,
    "thermo": _thermo,
    "tick": _tick,
    "legend": _legend_box,
    "band": _band,
}


def _draw(sample: AQSample, n: int, dpi: int) -> Image.Image:
    """Page ``n`` drawn clean: shapes first (hexagons, bands, the thermometer), boxes,
    then rules and the text."""
    width, height = PRINT.page_size(sample, dpi)
    image = Image.new("RGB", (width, height), PAPER)
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, dpi)
    body = round(sample.style.point / 72 * dpi)
    g = _Geo(tops, heights, width, height, body, max(1, dpi // 150))
    marks = sample.rules[n] if sample.rules else ()
    for mark in marks:
        if mark.kind in ("hex", "band"):
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
        if mark.kind not in ("hex", "band"):
            PAINT[mark.kind](pen, g, mark)
    for p in PRINT.layout(sample, n, dpi):
        pen.text((p.left, p.top), p.cell.text, fill=INK, font=p.font)
    return image


def _free_rows(sample: AQSample, n: int) -> list[int]:
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


def _smear(image: Image.Image, sample: AQSample, n: int, dpi: int, rng: random.Random, skew: float) -> Image.Image:  # fmt: skip
    """Greyscale; an ink-jet print a hand brushed across before it dried: on three or four
    lines that hold no true value, a stretch of the ink dragged to the right into fading
    grey tails; a little askew."""
    arr = np.asarray(image.convert("L"), dtype=np.float32)
    tops, heights = PRINT.rows(sample, n, dpi)
    free = _free_rows(sample, n)
    for row in rng.sample(free, min(len(free), rng.randrange(3, 5))):
        y0, y1 = tops[row], tops[row] + round(heights[row] * 0.8)
        inked = np.nonzero((arr[y0:y1] < 128).any(axis=0))[0]
        reach = rng.randrange(dpi // 12, dpi // 6)
        if not len(inked):
            continue
        lo, hi = int(inked[0]), int(inked[-1])
        x0 = rng.randrange(lo, max(lo + 1, (lo + hi) // 2))
        x1 = min(
            arr.shape[1] - 1, hi + reach, x0 + rng.randrange(arr.shape[1] // 5, arr.shape[1] // 3)
        )
        band = arr[y0:y1, x0:x1].copy()
        out = band.copy()
        for k in range(1, reach, 2):
            shifted = np.empty_like(band)
            shifted[:, :k] = 255.0
            shifted[:, k:] = band[:, :-k]
            fade = 0.6 * (1 - k / reach)
            out = np.minimum(out, 255.0 - (255.0 - shifted) * fade)
        arr[y0:y1, x0:x1] = out
    grey = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return grey.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=250)


def _gingham(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Colour; a phone photo of the page on a red and white gingham tablecloth: the cloth
    round the page, a soft shadow at its edge, a warm cast, a little soft."""
    w, h = image.size
    cw, ch = round(w * 1.14), round(h * 1.09)
    period = max(12, w // 34)
    across = (np.arange(cw) // period) % 2
    down = (np.arange(ch) // period) % 2
    # (a pixel's colour is one of three: how many red stripes cross there; a table of them,
    # each computed in float32 as a pixel at a time)
    red = 0.45 * np.arange(3, dtype=np.float32)
    cloth = np.stack([245 - red * 30, 240 - red * 170, 236 - red * 165], axis=1)
    table = np.clip(cloth, 0, 255).astype(np.uint8)
    canvas = Image.fromarray(table[down[:, None] + across[None, :]])
    turned = image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(0, 0, 0))
    mask = Image.new("L", image.size, 255).rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=0)  # fmt: skip
    left, top = round(w * 0.07), round(h * 0.045)
    shade = mask.filter(ImageFilter.GaussianBlur(8)).point(lambda v: v // 2)
    canvas.paste((70, 40, 40), (left + round(w * 0.008), top + round(h * 0.006)), shade)
    canvas.paste(turned, (left, top), mask)
    arr = np.asarray(canvas, dtype=np.float32)
    gen = np.random.default_rng(rng.randrange(1 << 30))
    warm = np.asarray((1.03, 0.98, 0.88), dtype=np.float32)
    light = 0.9 + 0.1 * np.linspace(1.0, 0.0, arr.shape[1])[None, :]
    noise = gen.normal(0.0, 2.5, arr.shape[:2])
    out = np.empty(arr.shape, dtype=np.uint8)
    for y in range(0, arr.shape[0], 256):  # (a band of rows at a time: the same arithmetic)
        band = slice(y, y + 256)
        out[band] = np.clip(arr[band] * warm[None, None, :] * light[:, :, None] + noise[band, :, None], 0, 255).astype(np.uint8)  # fmt: skip
    return Image.fromarray(out).filter(ImageFilter.GaussianBlur(0.6))


def _prints(image: Image.Image, sample: AQSample, n: int, dpi: int, rng: random.Random, skew: float) -> Image.Image:  # fmt: skip
    """Greyscale; a page handled with greasy and inky fingers: three to five whorled
    fingerprints centred in its margins and corners (an edge may reach a line's first
    letters or the letterhead's top, never the middle of the page), a little askew."""
    arr = np.asarray(image.convert("L"), dtype=np.float32)
    h, w = arr.shape
    gen = np.random.default_rng(rng.randrange(1 << 30))
    spots = [(rng.uniform(0.01, 0.06), rng.uniform(0.1, 0.9)), (rng.uniform(0.94, 0.99), rng.uniform(0.1, 0.9)),
             (rng.uniform(0.2, 0.8), rng.uniform(0.005, 0.025)), (rng.uniform(0.2, 0.8), rng.uniform(0.975, 0.995)),
             (rng.uniform(0.01, 0.05), rng.uniform(0.01, 0.04))]  # fmt: skip
    for fx, fy in rng.sample(spots, rng.randrange(3, 6)):
        a, b = round(dpi * rng.uniform(0.28, 0.36)), round(dpi * rng.uniform(0.36, 0.46))
        cx, cy = round(fx * w), round(fy * h)
        y0, y1, x0, x1 = max(0, cy - b), min(h, cy + b), max(0, cx - a), min(w, cx + a)
        yy, xx = np.mgrid[y0:y1, x0:x1]
        turn = rng.uniform(0, math.pi)
        u = ((xx - cx) * math.cos(turn) + (yy - cy) * math.sin(turn)) / a
        v = (-(xx - cx) * math.sin(turn) + (yy - cy) * math.cos(turn)) / b
        r = np.sqrt(u * u + v * v)
        wobble = 0.04 * np.sin(6 * np.arctan2(v, u) + gen.uniform(0, 6))
        ridges = 0.5 + 0.5 * np.sin((r + wobble) * rng.uniform(34, 44))
        edge = np.clip((1 - r) * 5, 0, 1)
        strength = rng.uniform(45, 95)
        arr[y0:y1, x0:x1] -= ridges * edge * strength
    arr += gen.normal(0.0, 2.0, arr.shape)
    grey = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return grey.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=250)


def render(sample: AQSample, n: int, scan: AQScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.smear:
        return _smear(image, sample, n, scan.dpi, rng, scan.skew)
    if scan.gingham:
        return _gingham(image, rng, scan.skew)
    return _prints(image, sample, n, scan.dpi, rng, scan.skew)


def aq_scanned(sample: AQSample, index: int) -> tuple[bytes, str, AQScan]:
    """Scanned one of three ways: the smeared ink-jet print as greyscale PNG (its
    resolution at even indexes), the photo on the tablecloth as colour progressive JPEG
    (quality ``QUALITY``, no resolution), the fingerprinted page as a one-page greyscale
    PDF (240 dpi); documents of more pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 61 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or scan.prints:
        return encode_pages([im.convert("L") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.gingham:
        out = io.BytesIO()
        images[0].save(out, format="JPEG", quality=QUALITY, progressive=True)
        return out.getvalue(), "jpeg", scan
    return encode_pages(images, "png", scan.dpi if index % 2 == 0 else None), "png", scan


__all__ = [
    "ALL_SHAPES",
    "DATE_SHAPES",
    "FAMILY",
    "SCANS",
    "SEED",
    "TEMPLATES",
    "AQSample",
    "AQScan",
    "aq_pages",
    "aq_scanned",
    "aq_text",
    "build_aq",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
