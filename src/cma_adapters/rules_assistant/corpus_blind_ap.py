# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AP``, written blind: a thirty-fifth measure of how the reader
generalises, in a thirty-fifth hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I``,
``J``, ``AA`` to ``AL``, ``AN`` and ``AO``).

``AP`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``values_found``, ``money``, ``encode_pages``), the shared page
engine (``corpus_print``), the shared test helpers, family AO's module and tests and the
commit that registered AO in the benchmarks (as the task allowed), AO's account in
benchmarks/OCR.md and, by grep only, the other families' modules for place names, bodies,
setting words, face tables, date shapes and scan words, to avoid them -- **not** the
reader's rules (``assistant.py``, ``fields.py``, ``values.py``, ``labelled.py``,
``structures.py``, ``prose.py``, ``fields_kinds.py``, ``label_parts.py``, ``layout.py``,
``classifier.py``, ``statements.py``, ``statement_tables.py``, ``label_learning.py``,
``read_families.py``, the rankers, the Tesseract extractor, the locator, the creditor
directory), its reading tests, nor any account of its misses. It is never used to write
rules, to train or calibrate the classifier or the field ranker (``build_corpus`` never
yields it), nor to choose models: it is measured, and only the aggregate figures go into
benchmarks/OCR.md. Whoever reads its individual misses to change the reader makes ``AP``
no longer blind and must say so there.

**AP is no longer blind since round 39** (branch ``reader39``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AP
from then on is a training-side figure (benchmarks/OCR.md, "Round 39").

The task suggested bilingual Welsh letters from Gwynedd and Anglesey; grep showed that S
(read) set bilingual Gwynedd letters with Welsh labels and X (read) bilingual halves, so
``AP`` is set elsewhere, where no family has been:

* who writes: bodies and firms of the far west of Cornwall and the Isles of Scilly
  (Helston, Porthleven, Hayle, St Ives, Marazion, Mullion, the Lizard, Penryn, Falmouth,
  St Just, Goldsithney, Lelant and Hugh Town on St Mary's), under the law of England and
  Wales: a credit union and a card firm, a money claim and a judgment of the County Court
  at Truro, a certificated enforcement agent's notice of enforcement for the Council of the
  Isles of Scilly's council tax, a statutory demand for a chandlery, the islands' council
  tax, an electricity bill, a water company's arrears, a fine from HM Courts & Tribunals
  Service's South West fines team, a boat loan sold to a debt purchaser, a Universal Credit
  overpayment recovered by the DWP, a building society, a housing association, a pay later
  firm and a home catalogue, solicitors for a marine engineer, Carer's Allowance and
  Pension Credit (the DWP), a flower farm on Gugh and a dry dock as employers, the credit
  union's statement and a bank's, the pilot gig rowers and the Flora Day committee; the
  people have Cornish names;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **stamped**: the letter's own date only inside the office's round rubber date stamp
    (two rings, the office's name over the date, a word under it) pressed at the top
    right in violet ink beside the address; no typed date anywhere; the facts in the
    prose and in a short list with dotted leaders;
  - **tabs**: every fact on a card with a folder tab: the label on the shaded tab standing
    up from the card's top left edge, the value inside the ruled card; two cards a row;
  - **triptych**: three columns under shaded headings across the page ("How we got here",
    "In figures", "Your next step"), parted by vertical rules: the prose in the outer two,
    every fact (label over value) in the middle one;
  - **quadrants**: a square cross-ruled like a window pane in the middle of the letter,
    each of its four panes one fact (the label small at the top, the value large under
    it); the date and the reference above it at the right;
  - **brace**: the parts of the sum listed, a tall curly brace drawn to their right
    gathering them, and beyond its point the total with its label; the other facts under;
  - **spine**: a tinted column down the left edge of the page holding the writer's name,
    address and telephone at the top and, at its foot, the reference and the date; the
    letter and its facts to the right of it;
  payslips for a flower farm on the Isles of Scilly (the hours of each day set across the
  page under the days' names, a week a row, then the pay worked out; weekly or
  fortnightly) or a dry dock (payments and deductions listed, then three summary boxes
  side by side: what was paid, what was taken, what is banked; four-weekly or monthly);
  bank statements as the credit union's statement with its accounts as columns (shares,
  loan, Christmas club) and a row a transaction, or a bank's statement grouped by day
  (each day its own heading, its lines, and the balance at the end of the day);
* faces no family paired: Liberation Serif under Open Sans Condensed Bold headings,
  Carlito under Liberation Serif Bold headings, DejaVu Sans Condensed under Caladea Bold
  headings, 9.5 to 10.5 pt; each italic the body's own;
* dates as "4th December, 2026" (an ordinal, the month in full, a comma before the year),
  "4 Dec, 2026" (unpadded, the month cut, a comma) and, in the date stamp only, "04 DEC 26"
  (padded, capitals, two-figure year); amounts as "£1,234.56" and, in tables, cards and
  statements, "1,234.56";
* scans new to the families: a fax received over a noisy line, runs of scanlines dropped
  (white gaps across the text) or repeated (a strip stretched) (200 dpi, one bit a pixel,
  PNG, its resolution at even indexes); a flatbed scan of a page printed on pale green
  paper, the scanner's automatic levels leaving it grey and flat (240 dpi greyscale LZW
  TIFF); a phone photo by a window with net curtains, their lace throwing a mottled
  pattern of light and shade over the page (190 dpi colour JPEG without a resolution).

Not all of the above is new, as far as grep over the earlier modules shows (checked before
any measuring): "£1,234.56" and "1,234.56" are many families'; N, P and AD named Truro,
Penzance, Camborne and other Cornish towns (never the ones above but as noted in the
tests); W put an advice centre's RECEIVED stamp on its scans (never the letter's own date
stamp); AO drew boxes joined by signs (never a brace) and AC shaded boxes across the foot
(never a window pane); AL and W set side notes in a left margin (never the letterhead in a
tinted column); AF and AI set three-column tables (never three columns of prose); faxes
(E, Z, AN) and phone photos are earlier scans, never with lost scanlines, green paper or
a net curtain's shadow.

Ground truth follows L's to AO's conventions: ``creditor_name`` is whoever is owed now (the
claimant, the council behind the enforcement agent, a solicitor's client, the assignee of
a sold debt, the DWP for its overpayment); ``original_creditor`` where a sold debt's first
creditor is named; ``account_reference`` the creditor's account number (on the claim and
the judgment the claimant's own reference; the enforcement agent's its own case number);
``court_claim_number`` the claim number; ``balance_pence`` what is owed now;
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

FAMILY = "AP"

PEOPLE = (
    ("Mrs", "Tamsin", "Chenoweth"),
    ("Mr", "Jory", "Tregenza"),
    ("Ms", "Morwenna", "Bolitho"),
    ("Mr", "Kitto", "Penhaligon"),
)
ADDRESSES = (
    ("12 Peverell Terrace", "Porthleven, Helston", "TR13 9DZ"),
    ("Flat 2, 4 Foundry Row", "Hayle, Cornwall", "TR27 4HQ"),
    ("9 Garrison Lane, Hugh Town", "St Mary's, Isles of Scilly", "TR21 0JD"),
    ("3 Carn Bosavern Close", "St Just, Cornwall", "TR19 7QX"),
)

# -- date and money shapes -------------------------------------------------------------------


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 11 <= day <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def ordinal_comma(date: dt.date) -> str:
    """4th December, 2026: an ordinal, the month in full, a comma before the year."""
    return f"{_ordinal(date.day)} {date:%B}, {date.year}"


def cut_comma(date: dt.date) -> str:
    """4 Dec, 2026: the day unpadded, the month cut, a comma before the year."""
    return f"{date.day} {date:%b}, {date.year}"


def stamped(date: dt.date) -> str:
    """04 DEC 26: a rubber date stamp's bands (padded day, capitals, two-figure year)."""
    return f"{date:%d} {date:%b} {date:%y}".upper()


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (ordinal_comma, cut_comma)
"""The shapes a document's typed dates take (one a document)."""
ALL_SHAPES: tuple[Callable[[dt.date], str], ...] = (*DATE_SHAPES, stamped)


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Paid weekly, on a Friday", "each week"),
    "fortnightly": ("Paid fortnightly, on a Friday", "each fortnight"),
    "four_weekly": ("Paid four-weekly", "each four weeks"),
    "monthly": ("Paid monthly, on the last working day", "each month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AP prints a true value (to check it is on the page, or in an OCR text)."""
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
    "liberation": {
        (False, False): _LB + "LiberationSerif-Regular.ttf",
        (True, False): _OS + "OpenSans-CondBold.ttf",
        (False, True): _LB + "LiberationSerif-Italic.ttf",
        (True, True): _OS + "OpenSans-CondBold.ttf",
    },
    "carlito": {
        (False, False): _CX + "Carlito-Regular.ttf",
        (True, False): _LB + "LiberationSerif-Bold.ttf",
        (False, True): _CX + "Carlito-Italic.ttf",
        (True, True): _LB + "LiberationSerif-BoldItalic.ttf",
    },
    "sanscondensed": {
        (False, False): _DV + "DejaVuSansCondensed.ttf",
        (True, False): _CX + "Caladea-Bold.ttf",
        (False, True): _DV + "DejaVuSansCondensed-Oblique.ttf",
        (True, True): _CX + "Caladea-BoldItalic.ttf",
    },
}
"""Each body face under headings of another family: Liberation Serif under Open Sans
Condensed Bold, Carlito under Liberation Serif Bold, DejaVu Sans Condensed under Caladea
Bold; each italic the body's own."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)

INK = (24, 22, 30)
VIOLET = (104, 62, 150)
"""The date stamp's ink."""


@frozen
class Style:
    face: str = "liberation"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("liberation", 10.5), Style("carlito", 10.0), Style("sanscondensed", 9.5))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind``: "rule" (across above row ``row`` from ``x0`` to ``x1``, ``shade`` its grey),
    "stamp" (a round date stamp in violet centred at ``x0`` over rows ``row``..``last``),
    "tab" (a folder tab, shaded, over row ``row`` from ``x0`` to ``x1``), "vrule" (a
    vertical rule at ``x0`` over rows ``row``..``last``), "pane" (a square cross-ruled
    into four panes from ``x0`` to ``x1`` over rows ``row``..``last``), "brace" (a right
    curly brace at ``x0`` over rows ``row``..``last``), "spine" (a tinted column from
    ``x0`` to ``x1`` down the whole page) and "leaders" (dots from ``x0`` to ``x1`` on row
    ``row``)."""

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

    def mark(self, kind: str, first: int, x0: float, x1: float = 0.0, **extra: object) -> Sheet:
        """A mark from row ``first`` to the last row added so far."""
        self.rules.append(Mark(kind, first, x0, x1, last=len(self.rows) - 1, **extra))  # type: ignore[arg-type]
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
    return dt.date(2025, 2, 3) + dt.timedelta(days=rng.randrange(660))


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The line at the foot of every page."""
    team: str = "Customer Accounts"
    office: str = ""
    """The office's name round the date stamp (the name's first words if empty)."""


Fact = tuple[str, object]
"""A label and its raw value: pence (int), a date, or words (str)."""
Part = tuple[str, int]
"""One line of the sum the brace gathers: its label and the pence (negative: taken off)."""


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the labelled facts
    as raw values (the first money fact the one the letter is about); ``paras`` the prose;
    ``parts`` the lines the brace gathers (their sum the first money fact); ``stamp`` the
    word under the date in the date stamp."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[Fact]
    paras: Sequence[str]
    date_label: str = "Date of issue"
    parts: Sequence[Part] = ()
    stamp: str = "POSTED"


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
    """The name centred in the heading face, the address and telephone centred under it
    in small type, two hairlines under that."""
    page.add((ct(0.5, org.name, True, size=style.point + 3),))
    page.add((ct(0.5, f"{org.street}, {org.town}   |   {org.phone}", size=SMALL),))
    page.rule(0.2, 0.8, 110)
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


def _label_over(label: str, value: str, x: float, right: float, page: Sheet, size: float = SMALL) -> list[tuple[Cell, ...]]:  # fmt: skip
    """The label small over the value in bold (rows, not yet added)."""
    rows: list[tuple[Cell, ...]] = [(t(x, r[0].text, size=size),) for r in page.wrapped(label, x, right, size=size)]  # fmt: skip
    return rows + _bold(page, value, x, right, size + 1.5)


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


def _stamped(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The letter's date only in the office's round date stamp at the top right, beside
    the address; the reference in a "Re:" line; the facts in the prose and in a short list
    with dotted leaders."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    (title, _, surname), lines = person(rng)
    office = (org.office or " ".join(org.name.split()[:2])).upper()
    first = len(page.rows)
    stamp = [(), (ct(0.79, office, True, size=SMALL - 1),), (ct(0.79, stamped(letter.date), True, size=SMALL + 2.5),), (ct(0.79, letter.stamp, size=SMALL - 1),), ()]  # fmt: skip
    page.beside([(t(0.08, line),) for line in lines], stamp)
    page.rules.append(Mark("stamp", first, 0.79, last=first + 4))
    page.gap()
    page.add(*_bold(page, f"Re: {letter.title} ({letter.ref_label}: {letter.ref})", 0.08, 0.92, style.point))  # fmt: skip
    page.gap()
    page.add((t(0.08, f"Dear {title} {surname},"),)).gap()
    _prose(page, letter.paras[:-1])
    size = style.point - 0.5
    for label, value in letter.facts:
        row = len(page.rows)
        page.add((t(0.12, label, size=size), rt(0.88, shown(letter, value), True, size=size)))
        gap_from = 0.12 + FONTS.length(style, label, size) + 0.01
        gap_to = 0.88 - FONTS.length(style, shown(letter, value), size, True) - 0.01
        page.rules.append(Mark("leaders", row, gap_from, gap_to))
    page.gap()
    _prose(page, letter.paras[-1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


def _card(page: Sheet, label: str, value: str, x0: float, x1: float) -> list[tuple[Cell, ...]]:
    """A folder-tab card: the label on the tab, the value inside."""
    size = SMALL
    return [(t(x0 + 0.012, label, True, size=size),), *_bold(page, value, x0 + 0.02, x1 - 0.02, page.style.point + 1.5), ()]  # fmt: skip


def _tabs(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Every fact (the date and the reference too) on a card with a folder tab: the label
    on the shaded tab standing up from the card's top left, the value in the ruled card;
    two cards a row."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    pairs = _rows(letter)
    spans = ((0.08, 0.48), (0.52, 0.92))
    for k in range(0, len(pairs), 2):
        top = len(page.rows)
        cards = [_card(page, label, value, *spans[n]) for n, (label, value) in enumerate(pairs[k : k + 2])]  # fmt: skip
        page.beside(*cards)
        tall = max(len(c) for c in cards)
        for n, (label, _) in enumerate(pairs[k : k + 2]):
            x0, x1 = spans[n]
            width = min(x1 - x0 - 0.02, FONTS.length(style, label, SMALL, True) + 0.024)
            page.rules.append(Mark("tab", top, x0, x0 + width))
            page.rects.append(Rect(top + 1, top + tall - 2, x0, x1, True, None))
        page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


COLUMNS = ("How we got here", "In figures", "Your next step")


def _triptych(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Three columns under shaded headings, parted by vertical rules: the first prose in
    the left, every fact (label over value) in the middle, the last prose in the right."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    _opening(page, rng, letter)
    size = SMALL + 1
    spans = ((0.08, 0.35), (0.38, 0.62), (0.65, 0.92))
    heads = len(page.rows)
    page.add(tuple(t(x0 + 0.01, name, True, size=size) for (x0, _), name in zip(spans, COLUMNS, strict=True)))  # fmt: skip
    for x0, x1 in spans:
        page.rects.append(Rect(heads, heads, x0, x1, False, 222))
    page.gap()
    left = [(t(r[0].x, r[0].text, size=size),) for text in letter.paras[:-1] for r in [*page.wrapped(text, spans[0][0], spans[0][1], size=size), (t(spans[0][0], ""),)]]  # fmt: skip
    middle = [row for label, value in _rows(letter) for row in [*_label_over(label, value, spans[1][0], spans[1][1], page), ()]]  # fmt: skip
    right: list[tuple[Cell, ...]] = [(t(r[0].x, r[0].text, size=size),) for r in page.wrapped(letter.paras[-1], spans[2][0], spans[2][1], size=size)]  # fmt: skip
    right += [(), (t(spans[2][0], f"Call {org.phone}", True, size=size),)]
    top = len(page.rows)
    page.beside(left, middle, right)
    page.rules += [Mark("vrule", top, 0.365, last=len(page.rows) - 1), Mark("vrule", top, 0.635, last=len(page.rows) - 1)]  # fmt: skip
    page.gap()
    _sign(page, org)
    _foot(page, org)
    return [page]


def _quadrants(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The date and the reference at the right above the letter; a square cross-ruled into
    four panes in the middle, each one fact (label small over a large value)."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    size = SMALL + 0.5
    for label, value in _rows(letter)[:2]:
        page.add((rt(0.74, label, size=size), t(0.76, value, True, size=size)))
    page.gap()
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    facts = [(label, shown(letter, value)) for label, value in letter.facts][:4]
    facts += [("Telephone us on", org.phone), ("Lines are open", "Mon-Fri, 9am to 5pm")][: 4 - len(facts)]  # fmt: skip
    top = len(page.rows)
    spans = ((0.2, 0.49), (0.51, 0.8))
    for half in (facts[:2], facts[2:]):
        panes = [[(), *_label_over(label, value, x0 + 0.02, x1 - 0.01, page, size), ()] for (label, value), (x0, x1) in zip(half, spans, strict=True)]  # fmt: skip
        page.beside(*panes)
    page.mark("pane", top, 0.2, 0.8)
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


def _brace(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The date and reference at the top right; the parts of the sum listed on the left, a
    tall curly brace gathering them, the total and its label beyond its point; the other
    facts under it."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    size = SMALL + 1
    (title, _, surname), lines = person(rng)
    right = [(t(0.62, label, size=size), rt(0.92, value, True, size=size)) for label, value in _rows(letter)[:2]]  # fmt: skip
    page.beside([(t(0.08, line),) for line in lines], right).gap()
    page.add(*_bold(page, letter.title, 0.08, 0.92, style.point + 1)).gap()
    page.add((t(0.08, f"Dear {title} {surname},"),)).gap()
    _prose(page, letter.paras[:1])
    label, total = next((label, v) for label, v in letter.facts if isinstance(v, int))
    top = len(page.rows)
    for what, pence in letter.parts:
        page.add((t(0.1, what, size=size), rt(0.56, ("less " if pence < 0 else "") + plain(abs(pence)), size=size)))  # fmt: skip
    middle = top + (len(letter.parts) - 1) // 2
    page.rows[middle] = (*page.rows[middle], t(0.66, label, size=size))
    page.rows[middle + 1] = (*page.rows[middle + 1], t(0.66, pounds(total), True, size=style.point + 3))  # fmt: skip
    page.mark("brace", top, 0.6)
    page.gap()
    for what, value in letter.facts:
        if what != label:
            page.add((t(0.1, f"{what}:", size=size), t(0.5, shown(letter, value), True, size=size)))  # fmt: skip
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org)
    return [page]


def _spine(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A tinted column down the left edge: the writer's name, address and telephone at the
    top, the reference and the date at its foot; the letter and its facts to the right."""
    org = letter.org
    page = Sheet(style)
    x, right = 0.33, 0.92
    body: list[tuple[Cell, ...]] = [()]
    (title, _, surname), lines = person(rng)
    body += [(t(x, line),) for line in lines] + [(), ()]
    body += [*_bold(page, letter.title, x, right, style.point + 1), ()]
    body += [(t(x, f"Dear {title} {surname},"),), ()]
    for text in letter.paras[:-1]:
        body += [*page.wrapped(text, x, right), ()]
    size = style.point - 0.5
    for label, value in letter.facts:
        body += [(t(x + 0.02, label, size=size),), (t(x + 0.02, shown(letter, value), True, size=size),)]  # fmt: skip
    body.append(())
    body += [*page.wrapped(letter.paras[-1], x, right), ()]
    body += [(t(x, "Kind regards,"),), (), (t(x, org.team, True),)]
    side = SMALL
    column: list[tuple[Cell, ...]] = [(), *_bold(page, org.name, 0.06, 0.27, style.point + 1)]
    column += [(t(0.06, org.street, size=side),) for _ in (0,)]
    column += [(t(0.06, org.town, size=side),), (), (t(0.06, "Telephone", size=side),), (t(0.06, org.phone, True, size=side),)]  # fmt: skip
    foot: list[tuple[Cell, ...]] = [(t(0.06, letter.ref_label, size=side),), *_bold(page, letter.ref, 0.06, 0.27, side + 1), (),
                                    (t(0.06, letter.date_label, size=side),), *_bold(page, letter.when(letter.date), 0.06, 0.27, side + 1)]  # fmt: skip
    column += [()] * max(1, len(body) - len(column) - len(foot)) + foot
    page.beside(column, body)
    page.gap()
    for row in page.wrapped(org.registered or org.name, 0.06, 0.27, size=SMALL - 1.5):
        page.add((t(0.06, row[0].text, size=SMALL - 1.5),))
    page.rules.append(Mark("spine", 0, 0.04, 0.29))
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "stamped": _stamped,
    "tabs": _tabs,
    "triptych": _triptych,
    "quadrants": _quadrants,
    "brace": _brace,
    "spine": _spine,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    kind = kinds[i % 2]
    style = STYLES[(i + len(letter.ref_label)) % len(STYLES)]
    sheets = KINDS[kind](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    """One shape a document."""
    return rng.choice(DATE_SHAPES)


# -- organisations (none named by another family but the state's) ----------------------------


def _ltd(name: str, number: str, office: str, extra: str = "") -> str:
    return f"{name}, registered in England and Wales, company no. {number}. Registered office: {office}.{extra}"  # fmt: skip


FCA = " Authorised and regulated by the Financial Conduct Authority."
UNION = Org("Lizard and Helston Credit Union Ltd", "Members' Office, 21 Meneage Street", "Helston TR13 8AA", "01326 561 204",
            "Lizard and Helston Credit Union Ltd is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (no. 573318).", "Members' Office", "HELSTON CU")  # fmt: skip
CARDS = Org("Hayle Estuary Card Services Ltd", "PO Box 4417", "Hayle TR27 9ZE", "0345 302 7761",
            _ltd("Hayle Estuary Card Services Ltd", "11873320", "Foundry Square, Hayle TR27 4HH", FCA), "Card Recoveries")  # fmt: skip
TRURO = Org("County Court at Truro", "Courts of Justice, Edward Street", "Truro TR1 2PB", "0300 123 5577",
            "HM Courts & Tribunals Service. When writing to the court, please address forms or letters to the Court Manager and quote the claim number.", "Court Manager", "TRURO COUNTY COURT")  # fmt: skip
MOTORS = Org("Marazion Motor Finance Ltd", "West End", "Marazion TR17 0EL", "01736 711 904",
             _ltd("Marazion Motor Finance Ltd", "09215547", "West End, Marazion TR17 0EL", FCA))  # fmt: skip
BOATYARD = Org("Porthleven Boatyard and Moorings Ltd", "The Quay", "Porthleven TR13 9JA", "01326 574 338",
               _ltd("Porthleven Boatyard and Moorings Ltd", "05518806", "The Quay, Porthleven TR13 9JA"))  # fmt: skip
AGENT = Org("Godolphin Enforcement Services Ltd", "PO Box 95", "Camborne TR14 9WN", "01209 880 415",
            _ltd("Godolphin Enforcement Services Ltd", "10652297", "Dolcoath Road, Camborne TR14 8RP", " Our enforcement agents are certificated by the County Court."), "Enforcement Team", "GODOLPHIN EAS")  # fmt: skip
SCILLY = Org("Council of the Isles of Scilly", "Town Hall, The Parade", "St Mary's TR21 0LW", "0300 1234 105",
             "The Council of the Isles of Scilly is the unitary authority for the islands.", "Revenues Office", "ISLES OF SCILLY")  # fmt: skip
CHANDLERY = Org("Newlyn Chandlery and Net Supplies Ltd", "North Pier", "Newlyn TR18 5HW", "01736 368 102",
                _ltd("Newlyn Chandlery and Net Supplies Ltd", "04487126", "North Pier, Newlyn TR18 5HW"), "Accounts")  # fmt: skip
POWER = Org("Lizard Point Energy Ltd", "PO Box 2261", "Helston TR13 0WJ", "0800 048 7713",
            _ltd("Lizard Point Energy Ltd", "12904471", "Culdrose Way, Helston TR13 0GA"), "Billing")  # fmt: skip
WATER = Org("Cober Valley Water Ltd", "Customer Services, Wendron Street", "Helston TR13 8PT", "0345 600 5123",
            _ltd("Cober Valley Water Ltd", "02366710", "Wendron Street, Helston TR13 8PT"), "Water Accounts", "COBER WATER")  # fmt: skip
HMCTS = "HM Courts & Tribunals Service"
FINES = Org(HMCTS, "South West Fines Team, PO Box 1138", "Plymouth PL1 9WR", "0300 790 9981",
            "HM Courts & Tribunals Service collects and enforces fines imposed by the magistrates' courts.", "Fines Officer", "HMCTS FINES SW")  # fmt: skip
BOATLOANS = Org("St Ives Bay Marine Finance Ltd", "The Wharf", "St Ives TR26 1LP", "01736 799 240",
                _ltd("St Ives Bay Marine Finance Ltd", "08831906", "The Wharf, St Ives TR26 1LP", FCA))  # fmt: skip
BUYER = Org("Cape Cornwall Debt Purchase Ltd", "PO Box 733", "St Just TR19 9BD", "0333 577 0142",
            _ltd("Cape Cornwall Debt Purchase Ltd", "13377205", "Market Square, St Just TR19 7HD", FCA), "Acquired Accounts")  # fmt: skip
DWP = "Department for Work and Pensions"
RECOVERY = Org(DWP, "Debt Management, Mail Handling Site A", "Wolverhampton WV98 2DN", "0800 916 0647",
               "The Department for Work and Pensions recovers benefit overpaid; the Universal Credit service decided this one.", "Debt Management", "DWP DEBT MGT")  # fmt: skip
SOCIETY = Org("Penryn and Falmouth Building Society", "Home Loans Help, 6 Market Street", "Penryn TR10 8BH", "01326 372 619",
              "Penryn and Falmouth Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (no. 204417).", "Home Loans Help")  # fmt: skip
HOMES = Org("Godrevy Homes Housing Association", "Income Team, Trelawney Road", "Hayle TR27 4LX", "01736 755 810",
            "Godrevy Homes Housing Association, a registered society and a registered provider of social housing (no. L4471).", "Income Team")  # fmt: skip
LATER = Org("Mounts Bay Pay Later Ltd", "PO Box 508", "Goldsithney TR20 9ZQ", "0333 014 2290",
            _ltd("Mounts Bay Pay Later Ltd", "12557093", "Fore Street, Goldsithney TR20 9JU", FCA), "Customer Support")  # fmt: skip
CATALOGUE = Org("Chyandour Home Catalogue Ltd", "Accounts, Lelant Trading Estate", "Lelant TR26 3HE", "0345 270 8816",
                _ltd("Chyandour Home Catalogue Ltd", "03398420", "Lelant Trading Estate, Lelant TR26 3HE", FCA))  # fmt: skip
ENGINEERS = Org("Hayle Harbour Marine Engineers Ltd", "North Quay", "Hayle TR27 4BL", "01736 752 991",
                _ltd("Hayle Harbour Marine Engineers Ltd", "06614058", "North Quay, Hayle TR27 4BL"))  # fmt: skip
SOLICITORS = Org("Trevaskis Pascoe LLP", "Debt Recovery, 4 Coinagehall Street", "Helston TR13 8EB", "01326 560 077",
                 "Trevaskis Pascoe LLP is authorised and regulated by the Solicitors Regulation Authority (SRA no. 644120).", "Debt Recovery Team", "TREVASKIS PASCOE")  # fmt: skip
FARM = Org("Gugh Bulb and Flower Farm Ltd", "The Packing Shed", "St Agnes, Isles of Scilly TR22 0PL", "01720 422 716",
           _ltd("Gugh Bulb and Flower Farm Ltd", "07740318", "The Packing Shed, St Agnes, Isles of Scilly TR22 0PL"), "Farm Office")  # fmt: skip
DOCK = Org("Pendennis Dry Dock Repairers Ltd", "Payroll, Western Wharf", "Falmouth TR11 4NR", "01326 318 406",
           _ltd("Pendennis Dry Dock Repairers Ltd", "02894413", "Western Wharf, Falmouth TR11 4NR"), "Payroll")  # fmt: skip
BANK = Org("Kerrier Savings Bank plc", "Statements, 2 Wendron Street", "Helston TR13 8PS", "0345 725 3317",
           _ltd("Kerrier Savings Bank plc", "00981127", "2 Wendron Street, Helston TR13 8PS", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Statements")  # fmt: skip
CARERS = Org(DWP, "Carer's Allowance Unit, Mail Handling Site A", "Wolverhampton WV98 2AB", "0800 731 0297",
             "Carer's Allowance is paid by the Department for Work and Pensions.", "Carer's Allowance Unit", "DWP CA UNIT")  # fmt: skip
PENSION = Org(DWP, "Pension Credit, Mail Handling Site A", "Wolverhampton WV98 1AF", "0800 991 1234",
              "Pension Credit is paid by the Department for Work and Pensions.", "Pension Service", "PENSION SERVICE")  # fmt: skip
GIGS = Org("Scilly Pilot Gig Rowers", "c/o The Boathouse, Porthloo", "St Mary's TR21 0NF", "07700 900 472",
           "The rowers race the old pilot gigs round the islands every Wednesday and Friday evening in summer.", "Gig Secretary", "GIG ROWERS")  # fmt: skip
FLORA = Org("Helston Flora Day Association", "c/o The Guildhall, Wendron Street", "Helston TR13 8PW", "07700 900 631",
            "The association keeps the Furry Dance and the Hal-an-Tow going each May; nothing in this letter asks you to pay.", "Association Secretary", "FLORA DAY")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A credit union loan (even: the folder-tab cards) or a card account (odd: the
    brace)."""
    kinds = ("tabs", "brace")
    when, date, owed = _when(rng), dated(rng), balance(rng)
    by = later(date, 14)
    missed = owed // rng.choice((3, 5))
    if i % 2 == 0:
        org, ref, label = UNION, f"LHCU/{digits(rng, 5)}/{rng.randrange(1, 9)}", "Member loan no."
        first = "Your loan repayments to the credit union have not come in for several weeks."
    else:
        org, ref, label = CARDS, f"HE{digits(rng, 4)} {digits(rng, 4)}", "Card account"
        first = "Your card account has fallen behind: the monthly minimums were not paid."
    letter = Letter(
        org=org, title="Behind with your payments: let us help", date=date, when=when,
        truth=owes(C.CREDITOR_LETTER, org.name, ref, owed, date, deadline_date=by),
        ref_label=label, ref=ref, date_label="Letter written",
        facts=[("Amount outstanding today", owed), ("Call or write to us before", by)],
        parts=[("Balance before the missed payments", owed - missed - 1_500), ("Minimums not paid", missed), ("One late-payment fee", 1_500)],
        paras=(first,
               f"{pounds(owed)} is outstanding. Please pay what you can, or talk to us about a plan, before {when(by)}.",
               "If we cannot agree a way forward, we may register a default, which stays on your credit file for six years."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{rng.choice('KLM')}{rng.randrange(1, 10)}{letters(rng, 2)}{digits(rng, 2)}{letters(rng, 1)}{rng.randrange(1, 10)}"  # fmt: skip


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("stamped", "triptych")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 92_000, 1_380_000)
    fee = rng.choice((11_500, 20_500, 45_500))
    total = claimed + fee + 8_000
    ref, number = f"MMF-{digits(rng, 6)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=TRURO, title="The court has issued a money claim against you", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, MOTORS.name, ref, total, date, court_claim_number=number, served_date=served, deadline_date=by),
        ref_label="Claim no. on every paper", ref=number, date_label="Claim sealed and issued on", stamp="ISSUED",
        facts=[("Total claimed with fee and costs", total), ("Claimant", MOTORS.name), ("Claimant's own finance ref.", ref),
               ("Deemed served on you", served), ("Admit, defend or pay no later than", by)],
        paras=(f"{MOTORS.name} has issued a claim against you for the balance of a car finance agreement.",
               f"The claim is for {pounds(claimed)}, with the court fee and the claimant's fixed costs {pounds(total)}. The claim is treated as served on {when(served)}.",
               f"You must pay, admit or defend the claim by {when(by)}, or judgment may be entered against you. Read the notes that came with the claim form."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("triptych", "stamped")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 41_000, 790_000)
    ref, number = f"PBY/{digits(rng, 5)}", _claim_no(rng)
    by = later(date, 28)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    facts: list[Fact] = [
        ("Judgment sum with costs", owed),
        ("Claimant", BOATYARD.name),
        ("Mooring account", ref),
    ]
    if extra:
        facts.append(("To be paid in full by", by))
    how = (f"You must pay {pounds(owed)} to the claimant by {when(by)}." if extra
           else f"You must pay {pounds(owed)} to the claimant now.")  # fmt: skip
    letter = Letter(
        org=TRURO, title="Default judgment entered against you in the County Court", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, BOATYARD.name, ref, owed, date, court_claim_number=number, **extra),
        ref_label="Claim no. on every paper", ref=number, date_label="Court entered judgment on", facts=facts, stamp="ENTERED",
        paras=(f"You did not respond to the claim of {BOATYARD.name} for unpaid mooring and haul-out charges, so judgment has been entered against you.",
               how,
               "If you do not pay, the claimant may ask the court to enforce the judgment, and it will be entered on the Register of Judgments, Orders and Fines."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kinds = ("stamped", "quadrants")
    when, date = _when(rng), dated(rng)
    tax = balance(rng, 31_000, 290_000)
    owed = tax + 7_500
    case, by = f"GES{digits(rng, 7)}", later(date, 7)
    letter = Letter(
        org=AGENT, title="Notice of enforcement for islands council tax", date=date, when=when,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, SCILLY.name, case, owed, date, deadline_date=by),
        ref_label="Godolphin case no.", ref=case, date_label="Notice of enforcement given on",
        facts=[("Owing with the compliance fee", owed), ("Creditor (liability order)", SCILLY.name), ("Clear the whole sum by", by)],
        paras=(f"The {SCILLY.name} obtained a liability order against you for unpaid council tax and has passed it to us to enforce.",
               f"You owe {pounds(owed)}, including the £75.00 compliance fee. Pay it in full by {when(by)}.",
               "If you do not, an enforcement agent may visit to take control of your goods, and the enforcement fee of £235.00 will be added."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("spine", "stamped")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 540_000, 1_880_000)
    ref, by = f"NC-{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=CHANDLERY, title="Statutory demand: chandlery debt payable at once", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, CHANDLERY.name, ref, owed, date, deadline_date=by),
        ref_label="Boat account at the chandlery", ref=ref, date_label="Demand signed and dated", stamp="SERVED",
        facts=[("Chandlery debt demanded", owed), ("Time allowed by the demand", "21 days from service"), ("Demand to be met no later than", by)],
        paras=("Nets, ropes, engine spares and fuel were supplied to your boat on the chandlery's trade account and have not been paid for.",
               f"The creditor demands {pounds(owed)}, to be paid or secured to its satisfaction by {when(by)}.",
               "If you do not comply, the creditor may present a bankruptcy petition against you. You may apply to the court to set this demand aside within 18 days of service."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("brace", "tabs")
    when, date = _when(rng), dated(rng)
    ref, by = f"{digits(rng, 8)}", later(date, 7)
    bill = rng.randrange(118_000, 236_000)
    paid = rng.randrange(12_000, bill // 2)
    costs = 9_000
    owed = bill - paid + costs
    letter = Letter(
        org=SCILLY, title="Council tax: summons issued for the unpaid balance", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, SCILLY.name, ref, owed, date, deadline_date=by),
        ref_label="Islands council tax ref.", ref=ref, date_label="Sent", stamp="SENT",
        facts=[("Now due with summons costs", owed), ("Hearing at the magistrates' court unless paid by", by)],
        parts=[("Council tax for the year", bill), ("Paid so far this year", -paid), ("Costs of the summons", costs)],
        paras=("Your council tax instalments were not kept up, the right to pay by instalments was lost, and a summons has been issued.",
               f"{pounds(owed)} is now due, including costs. Pay it by {when(by)} and the council will not ask the court for a liability order.",
               "If you are on a low income, you may be able to get Council Tax Support; ask the Revenues Office for a form."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("brace", "quadrants")
    when, date = _when(rng), dated(rng)
    ref, by = f"LPE-{digits(rng, 4)}-{digits(rng, 5)}", later(date, 14)
    used = rng.randrange(7_800, 52_000)
    standing = rng.randrange(2_400, 4_300)
    vat = (used + standing) * 5 // 100
    owed = used + standing + vat
    letter = Letter(
        org=POWER, title="Your quarterly electricity statement", date=date, when=when,
        truth=owes(C.UTILITY_BILL, POWER.name, ref, owed, date, deadline_date=by),
        ref_label="Electricity supply account", ref=ref, date_label="Statement date",
        facts=[("Your bill for the quarter", owed), ("Falls due for payment", by), ("Meter serial", f"E{digits(rng, 2)}Z{digits(rng, 6)}")],
        parts=[("Units used since the last reading", used), ("Standing charge for the quarter's days", standing), ("VAT at 5%", vat)],
        paras=("This statement covers the electricity used at your home over the last quarter.",
               f"Please pay {pounds(owed)} by {when(by)}. You can pay by card on our website or by phone.",
               "If you are worried about paying, contact us: we can offer a payment plan, and you may be entitled to the Warm Home Discount."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("tabs", "spine")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 16_000, 172_000)
    ref, by = f"CVW {digits(rng, 4)} {digits(rng, 4)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Water and sewerage charges overdue", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Cober water account", ref=ref, date_label="Water reminder posted",
        facts=[("Overdue on your water account", owed), ("Settle it or set up a plan by", by)],
        paras=("Your water and sewerage charges have not been paid as billed, and the account is now overdue.",
               f"{pounds(owed)} is overdue. Please pay it, or call us to arrange a payment plan, by {when(by)}.",
               "If we do not hear from you, we may pass the account to a collection agency. Our social tariff could lower your bills if your income is low."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("quadrants", "spine")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 8_500, 151_000)
    ref, by = f"{digits(rng, 2)}/{digits(rng, 6)}/{letters(rng, 1)}", later(date, 14)
    letter = Letter(
        org=FINES, title="Final notice: your fine is overdue", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, HMCTS, ref, owed, date, deadline_date=by),
        ref_label="Fines account (quote it)", ref=ref, date_label="Final notice produced",
        facts=[("Balance of fine, costs and surcharge", owed), ("Clear it or phone the fines team by", by)],
        paras=("The fine, costs and victim surcharge the magistrates ordered you to pay have not been paid.",
               f"You owe {pounds(owed)}. Pay it in full, or call us to discuss it, by {when(by)}.",
               "If you do not, we may ask your employer or the DWP to take the money from your wages or benefits, or pass the account to enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("spine", "triptych")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 18_000, 640_000)
    ref, old = f"CC{digits(rng, 9)}", f"SIB/{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="We have bought your St Ives Bay boat loan", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=BOATLOANS.name),
        ref_label="Account no. with Cape Cornwall", ref=ref, date_label="Notice of assignment dated",
        facts=[("Balance taken over from St Ives Bay", owed), ("Lender that sold the loan", BOATLOANS.name), ("Loan no. at St Ives Bay", old)],
        paras=(f"{BOATLOANS.name} has sold and assigned your boat loan to us under a deed of assignment, and we are now your creditor.",
               f"The balance we bought is {pounds(owed)}. We will not add interest or charges to it.",
               "From now on, pay us, not the lender, quoting your new account number; any arrangement you had continues with us."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("brace", "triptych")
    when, date = _when(rng), dated(rng)
    months = rng.randrange(2, 9)
    monthly = rng.choice((9_640, 12_380, 15_270))
    owed = months * monthly
    ref, by = f"UC-OP {digits(rng, 8)}", later(date, 30)
    letter = Letter(
        org=RECOVERY, title="Universal Credit overpayment: how to repay", date=date, when=when,
        truth=owes(C.OVERPAYMENT, DWP, ref, owed, date, deadline_date=by),
        ref_label="DWP recovery ref.", ref=ref, date_label="Letter produced",
        facts=[("Universal Credit overpaid to you", owed), ("Repay in full or agree a plan by", by)],
        parts=[(f"Earnings not reported, {months} assessment periods", owed - months * 500), ("Childcare costs paid twice", months * 500)],
        paras=("Universal Credit was paid to you that you were not entitled to, because your earnings were reported late.",
               f"You were overpaid {pounds(owed)}. Please repay it in full, or contact us to agree affordable repayments, by {when(by)}.",
               "If we do not hear from you, we may take repayments from your Universal Credit or ask your employer to deduct them from your wages."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("quadrants", "tabs")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 52_000, 880_000), rng.randrange(41_000, 152_000)
    ref = f"PF{digits(rng, 3)}-{digits(rng, 5)}"
    letter = Letter(
        org=SOCIETY, title="Your home loan has fallen into arrears", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Penryn home loan no.", ref=ref, date_label="Posted out on",
        facts=[("Arrears at today's date", owed), ("Monthly instalment on the home loan", monthly)],
        paras=("We have not received your full mortgage payments, and your account is in arrears.",
               f"The arrears are {pounds(owed)}, and your monthly payment is {pounds(monthly)}. We want to agree a plan that you can keep to.",
               "Please call Home Loans Help; taking possession of your home is always our very last step."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("tabs", "spine")
    when, date = _when(rng), dated(rng)
    owed, weekly = balance(rng, 11_000, 248_000), rng.randrange(8_900, 15_600)
    ref = f"GH{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="Rent owing on your Godrevy Homes tenancy", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Godrevy tenancy no.", ref=ref, date_label="Printed for posting",
        facts=[("Overdue rent on your account", owed), ("Rent debited every week", weekly)],
        paras=("Your rent account is overdue.",
               f"There is {pounds(owed)} of overdue rent on your account; your rent is {pounds(weekly)} a week. Please contact the Income Team to agree how it will be repaid.",
               "If your Universal Credit housing element has changed or stopped, tell us straight away; we can also put you in touch with free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("brace", "quadrants")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 3_900, 124_000), later(date, 12)
    fee = 1_200
    if i % 4 < 2:
        org, ref, title = (
            LATER,
            f"MBPL-{letters(rng, 3)}{digits(rng, 5)}",
            "Pay later instalments missed",
        )
        first = "Two of your pay later instalments could not be collected from your card."
    else:
        org, ref, title = (
            CATALOGUE,
            f"{digits(rng, 3)} {digits(rng, 4)} {letters(rng, 1)}",
            "Catalogue account: arrears to clear",
        )
        first = "Your catalogue account is in arrears, and we have paused new orders."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Shopper or plan number", ref=ref, date_label="Arrears letter sent",
        facts=[("Missed instalments and fee", owed), ("Please clear the arrears by", by)],
        parts=[("Instalments the card declined", owed - fee), ("Charge for late payment (once)", fee)],
        paras=(first,
               f"The arrears are {pounds(owed)}. Please clear them by {when(by)} to avoid a report to the credit reference agencies.",
               "If you are finding things hard, tell us: we can pause the account for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("triptych", "stamped")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 64_000, 1_220_000), later(date, 30)
    ref = f"HHM{digits(rng, 5)}"
    letter = Letter(
        org=SOLICITORS, title="Letter before claim: unpaid marine engineering invoices", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, ENGINEERS.name, ref, owed, date, deadline_date=by),
        ref_label="Engineers' invoice series", ref=ref, date_label="Dated", stamp="SENT",
        facts=[("Owed to the engineers", owed), ("Engineers instructing us", ENGINEERS.name), ("Return the reply form to us by", by)],
        paras=(f"We act for {ENGINEERS.name}, which overhauled the engine of your fishing boat and has not been paid.",
               f"Our client is owed {pounds(owed)}. Please pay it, or complete and return the reply form, by {when(by)}.",
               "If you do not, our client may start court proceedings against you without further notice and ask the court to order you to pay its costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _farm(rng: random.Random, i: int) -> Doc:
    """A flower farm's payslip: each week a row of the days' hours under the days' names,
    the week's total at the end of the row; then the pay worked out (hours at the rate, the
    bunching bonus, the gross, the deductions, the take-home pay)."""
    org, date, when = FARM, dated(rng), _when(rng)
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    weeks = {"weekly": 1, "fortnightly": 2}[frequency]
    rate = rng.choice((1_221, 1_250, 1_290))
    grid = [[rng.choice((0, 6, 7, 8, 8, 9)) for _ in DAYS[:6]] + [0] for _ in range(weeks)]
    hours = sum(sum(week) for week in grid)
    basic = hours * rate
    bonus = rng.randrange(800, 5_200) * weeks
    gross = basic + bonus
    taken = [("Income Tax", gross * 8 // 100), ("National Insurance", gross * 4 // 100), ("Staff cottage rent", 4_200 * weeks)]  # fmt: skip
    off = sum(a for _, a in taken)
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Wages slip", True, size=style.point + 2), rt(0.92, f"Pay day: {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}, picker and packer", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Payroll no. {digits(rng, 4)}   Tax code 1257L   NI category A", size=size),)).gap()  # fmt: skip
    xs = [0.24 + k * 0.08 for k in range(len(DAYS))]
    page.add((t(0.08, "Hours", True, size=size), *(rt(x, d, True, size=size) for x, d in zip(xs, DAYS, strict=True)), rt(0.92, "Week", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 120)
    for n, week in enumerate(grid, start=1):
        page.add((t(0.08, f"Week {n}", size=size), *(rt(x, str(h) if h else "-", size=size) for x, h in zip(xs, week, strict=True)), rt(0.92, str(sum(week)), True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 120)
    page.gap()
    lines = [
        (f"{hours} hours at {plain(rate)} an hour", basic),
        ("Bunching bonus", bonus),
        ("Gross pay", gross),
    ]
    lines += [(what, -amount) for what, amount in taken] + [("Clear pay to take home", gross - off)]
    for what, amount in lines:
        strong = what in ("Gross pay", "Clear pay to take home")
        page.add((t(0.3, what, strong, size=size), rt(0.72, ("- " if amount < 0 else "") + plain(abs(amount)), strong, size=size)))  # fmt: skip
    page.gap()
    page.para("Hours are as signed off on the packing shed sheet. Tell the farm office at once if anything is wrong.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def _dock(rng: random.Random, i: int) -> Doc:
    """A dry dock's payslip: payments and deductions listed, then three boxes side by side
    (what was paid, what was taken, what is banked); four-weekly or monthly."""
    org, date, when = DOCK, dated(rng), _when(rng)
    frequency = ("four_weekly", "monthly")[(i // 2) % 2]
    hours = {"four_weekly": 150, "monthly": 163}[frequency]
    rate = rng.choice((1_488, 1_532, 1_610))
    basic, tides = hours * rate, rng.randrange(7_000, 21_000)
    dirty = rng.choice((1_800, 2_400, 3_000))
    gross = basic + tides + dirty
    cuts = [("Tax under PAYE", gross * 13 // 100), ("NI, employee's share", gross * 6 // 100), ("Dockyard pension saving", gross * 4 // 100), ("Union dues", 1_350)]  # fmt: skip
    off = sum(a for _, a in cuts)
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Pay statement", True, size=style.point + 2), rt(0.92, f"Paid on {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname} - plater, dock 2", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Clock no. {digits(rng, 5)}   Tax code 1257L   NI letter A", size=size),)).gap()  # fmt: skip
    page.add((t(0.08, "Payments", True, size=size), t(0.52, "Deductions", True, size=size)))
    page.rule(0.08, 0.92, 120)
    pays = [
        (f"Basic, {hours} hrs", basic),
        ("Tide shift premium", tides),
        ("Dirty work allowance", dirty),
    ]
    for n in range(max(len(pays), len(cuts))):
        row: list[Cell] = []
        if n < len(pays):
            row += [t(0.08, pays[n][0], size=size), rt(0.46, plain(pays[n][1]), size=size)]
        if n < len(cuts):
            row += [t(0.52, cuts[n][0], size=size), rt(0.92, plain(cuts[n][1]), size=size)]
        page.add(tuple(row))
    page.gap(2)
    top = len(page.rows)
    boxes = (("Total paid", gross), ("Total taken", off), ("Banked to you", gross - off))
    page.add(tuple(t(0.1 + k * 0.28, label, size=SMALL) for k, (label, _) in enumerate(boxes)))
    page.add(tuple(rt(0.34 + k * 0.28, plain(v), True, size=style.point + 3) for k, (_, v) in enumerate(boxes)))  # fmt: skip
    for k in range(3):
        page.rects.append(Rect(top, top + 1, 0.08 + k * 0.28, 0.36 + k * 0.28, True, 236 if k == 2 else None))  # fmt: skip
    page.gap(2)
    page.para("Tide shifts are paid at the premium whatever hour the dock gate opens.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """The flower farm's wages slip (even) or the dry dock's pay statement (odd)."""
    return _farm(rng, i) if i % 2 == 0 else _dock(rng, i)


ACCOUNTS = ("Shares", "Loan", "Christmas club")


def _union_statement(rng: random.Random, i: int) -> Doc:
    """The credit union's statement with its accounts as columns: a row a transaction, its
    amount in its account's column (a minus for money out of shares or the club, or paid
    off the loan), the balances brought forward and carried forward."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, UNION, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Members' statement", True), rt(0.92, f"Statement to {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Member no. {digits(rng, 6)}", size=size),)).gap()
    xs = (0.62, 0.77, 0.92)
    page.add((t(0.08, "Date", True, size=size), t(0.2, "Transaction", True, size=size), *(rt(x, a, True, size=size) for x, a in zip(xs, ACCOUNTS, strict=True))))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    start = [
        rng.randrange(15_000, 240_000),
        rng.randrange(80_000, 520_000),
        rng.randrange(2_000, 30_000),
    ]
    page.add((t(0.2, "Brought forward", size=size), *(rt(x, plain(v), size=size) for x, v in zip(xs, start, strict=True))))  # fmt: skip
    days = sorted(later(date, -rng.randrange(2, 80)) for _ in range(7))
    repay = rng.choice((5_500, 7_200, 9_100))
    moves = [(days[0], "Payroll deduction", 0, 2_500), (days[1], "Loan repayment", 1, -repay), (days[2], "Club saving", 2, 1_000),
             (days[3], "Cash withdrawal", 0, -rng.randrange(2_000, 9_000)), (days[4], "Loan repayment", 1, -repay),
             (days[5], "Loan interest", 1, rng.randrange(600, 2_900)), (days[6], "Club saving", 2, 1_000)]  # fmt: skip
    running = list(start)
    for day, what, k, amount in moves:
        running[k] += amount
        page.add((t(0.08, f"{day:%d/%m}", size=size), t(0.2, what, size=size), rt(xs[k], ("-" if amount < 0 else "") + plain(abs(amount)), size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    page.add((t(0.2, "Carried forward", True, size=size), *(rt(x, plain(v), True, size=size) for x, v in zip(xs, running, strict=True))))  # fmt: skip
    page.gap()
    page.para("The loan column shows what you still owe; the shares and the Christmas club what you have saved.", size=size)  # fmt: skip
    _foot(page, UNION)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def _by_day(rng: random.Random, i: int) -> Doc:
    """A bank's statement grouped by day: each day its own heading, its lines (money out
    with a minus), and the balance at the end of the day."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Your everyday account", True), rt(0.92, f"Statement date {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Sort code 30-{digits(rng, 2)}-{digits(rng, 2)}   Account no. {digits(rng, 8)}", size=size),)).gap()  # fmt: skip
    running = rng.randrange(4_000, 90_000)
    page.add(
        (t(0.08, "Balance at the start", size=size), rt(0.92, plain(running), True, size=size))
    )
    page.rule(0.08, 0.92, 60)
    items = [("Card: CO-OP HELSTON", -rng.randrange(1_800, 8_600)), ("Direct debit: LIZARD POINT ENERGY", -rng.randrange(6_000, 14_000)),
             ("Transfer in: PENDENNIS DRY DOCK", rng.randrange(150_000, 240_000)), ("Cash machine: HAYLE", -2_000 * rng.randrange(1, 4)),
             ("Standing order: GODREVY HOMES", -rng.randrange(38_000, 61_000)), ("Card: SCILLONIAN TRAVEL", -rng.randrange(4_000, 11_000)),
             ("Direct debit: COBER VALLEY WATER", -rng.randrange(2_800, 6_400)), ("Card: PORTHLEVEN PASTY CO", -rng.randrange(600, 1_900))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), 4), reverse=True)
    groups = [items[0:2], items[2:4], items[4:6], items[6:8]]
    for offset, group in zip(offsets, groups, strict=True):
        day = later(date, -offset)
        page.add((t(0.08, when(day), True, size=size),))
        for what, amount in group:
            running += amount
            page.add((t(0.12, what, size=size), rt(0.72, ("-" if amount < 0 else "+") + plain(abs(amount)), size=size)))  # fmt: skip
        page.add((t(0.12, "End of day balance", italic=True, size=size), rt(0.92, ("-" if running < 0 else "") + plain(abs(running)), size=size)))  # fmt: skip
        page.rule(0.08, 0.92, 190)
    page.gap()
    page.para("Amounts with a minus sign left the account; amounts with a plus sign came in.", size=SMALL)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def bank_statement(rng: random.Random, i: int) -> Doc:
    """The credit union's statement with accounts as columns (even) or the bank's statement
    grouped by day (odd)."""
    return _union_statement(rng, i) if i % 2 == 0 else _by_day(rng, i)


def benefit(rng: random.Random, i: int) -> Doc:
    """Carer's Allowance (even: the folder-tab cards) or Pension Credit (odd: the brace)."""
    kinds = ("tabs", "brace")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        org, what = CARERS, "Carer's Allowance"
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        weekly_parts = (rng.choice((8_325, 8_390)), 0)
    else:
        org, what = PENSION, "Pension Credit"
        frequency = ("fortnightly", "four_weekly")[(i // 2) % 2]
        weekly_parts = (rng.choice((4_715, 6_130, 9_020)), rng.choice((1_480, 4_555)))
    times = {"weekly": 1, "fortnightly": 2, "four_weekly": 4}[frequency]
    paid = sum(weekly_parts) * times
    ref = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}"
    parts: list[Part] = [("Guarantee credit" if i % 2 else "Carer's Allowance rate", weekly_parts[0] * times), ("Savings credit" if i % 2 else "Dependant's addition", weekly_parts[1] * times)]  # fmt: skip
    letter = Letter(
        org=org, title=f"{what}: what you will get", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="NINo (quote on calls)", ref=ref, date_label="Decided by the DWP on",
        facts=[("Credited to your bank each time", paid), ("When it is paid", FREQUENCY_SHOWN[frequency][0])],
        parts=parts,
        paras=(f"We have made a decision on your claim for {what}.",
               f"You will get {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]}, paid into your bank account in arrears.",
               "Tell us straight away if your circumstances change, for example if you go into hospital, start work or someone moves in."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the gig rowers' race night (window panes) and the Flora Day
    committee's note (three columns)."""
    kinds = ("quadrants", "triptych")
    when, date = _when(rng), dated(rng)
    on = later(date, 8 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=GIGS, title="Friday race night: crews wanted", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Boathouse crew sheet", ref=f"Sheet {rng.randrange(2, 9)}",
            facts=[("Race night", on), ("Boats out from", "Porthloo slip, 6.30 pm"), ("Gigs racing", "Slippen, Czar and Men-a-vaur")],
            paras=("Thank you to everyone who rowed in last week's race to Tresco and back.",
                   f"The next race night is on {when(on)}; please put your name on the crew list in the boathouse.",
                   "New rowers are welcome at any Wednesday practice; bring warm clothes and a water bottle."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=FLORA, title="Flora Day: helpers for the morning dance", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Helpers' list", ref=f"Street {rng.randrange(2, 9)}",
            facts=[("Helpers' meeting", on), ("Where the helpers gather", "the Guildhall steps, 7 pm")],
            paras=("Thank you for offering to help on Flora Day again this year.",
                   f"The helpers' meeting is on {when(on)}, when we will share out the streets and the road closures.",
                   "Please wear your steward's sash on the day and bring a flask: the Early Morning Dance starts at seven."),
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
class APSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 4060


def build_ap(per_class: int = 4, *, seed: int = SEED) -> list[APSample]:
    """``per_class`` documents of every class, held out, family ``<class>:AP``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, APSample)


PRINT = Printer(FONTS.font, FONTS.measure)


def page_size(sample: APSample, dpi: int) -> tuple[int, int]:
    return PRINT.page_size(sample, dpi)


def ap_text(sample: APSample) -> str:
    """Every page's text, pages apart by form feeds."""
    return PRINT.text(sample)


def ap_pages(sample: APSample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return PRINT.pages(sample, dpi=dpi)


# -- drawing the page ---------------------------------------------------------------------------


@frozen
class APScan:
    dpi: int
    skew: float
    """Degrees."""
    fax: bool = False
    """Received over a noisy line: scanlines dropped or repeated; one bit a pixel."""
    green: bool = False
    """Pale green paper on a flatbed, levelled flat; greyscale."""
    curtain: bool = False
    """A phone photo by a window with net curtains; colour."""


SCANS = (
    APScan(dpi=200, skew=0.5, fax=True),
    APScan(dpi=240, skew=-0.6, green=True),
    APScan(dpi=190, skew=1.1, curtain=True),
)

PAPER = (252, 252, 250)
GREEN = (214, 236, 212)
"""The pale green paper."""
DESK = (188, 182, 170)
"""The window sill under the photo."""
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


def _rule(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark, paper: tuple[int, int, int]) -> None:
    y = g.top(m.row) - round(0.1 * g.body)
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(m.shade,) * 3, width=g.line)


def _stamp(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark, paper: tuple[int, int, int]) -> None:
    """Two violet rings round the stamp's words, a little uneven."""
    last = m.last if m.last is not None else m.row
    y0, y1 = g.top(m.row), g.foot(last)
    cy, r = (y0 + y1) // 2, (y1 - y0) // 2 + g.body // 3
    cx = g.x(m.x0)
    width = max(2, g.line * 2)
    pen.ellipse((cx - round(r * 1.25), cy - r, cx + round(r * 1.25), cy + r), outline=VIOLET, width=width)  # fmt: skip
    inner = r - g.body // 2
    pen.ellipse((cx - round(inner * 1.3), cy - inner, cx + round(inner * 1.3), cy + inner), outline=VIOLET, width=max(1, g.line))  # fmt: skip


def _tab(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark, paper: tuple[int, int, int]) -> None:
    """A folder tab: a shaded box with slanted sides over the label's row."""
    y0, y1 = g.top(m.row) - round(0.2 * g.body), g.foot(m.row)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    slant = g.body // 2
    pen.polygon([(x0, y1), (x0 + slant // 2, y0), (x1 - slant // 2, y0), (x1, y1)], fill=(218, 222, 228), outline=INK)  # fmt: skip


def _vrule(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark, paper: tuple[int, int, int]) -> None:
    x = g.x(m.x0)
    pen.line((x, g.top(m.row), x, g.foot(m.last if m.last is not None else m.row)), fill=(120, 120, 124), width=g.line)  # fmt: skip


def _pane(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark, paper: tuple[int, int, int]) -> None:
    """A square frame cross-ruled into four panes."""
    last = m.last if m.last is not None else m.row
    x0, x1, y0, y1 = g.x(m.x0), g.x(m.x1), g.top(m.row), g.foot(last)
    width = max(2, g.line * 2)
    pen.rectangle((x0, y0, x1, y1), outline=INK, width=width)
    pen.line(((x0 + x1) // 2, y0, (x0 + x1) // 2, y1), fill=INK, width=width)
    pen.line((x0, (y0 + y1) // 2, x1, (y0 + y1) // 2), fill=INK, width=width)


def _curly(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark, paper: tuple[int, int, int]) -> None:
    """A right curly brace: two arcs above and below, meeting in a point at the middle."""
    last = m.last if m.last is not None else m.row
    x, y0, y1 = g.x(m.x0), g.top(m.row), g.foot(last)
    mid, w = (y0 + y1) // 2, max(6, g.body // 2)
    width = max(2, g.line + 1)
    pen.arc((x - w, y0, x + w, y0 + 2 * w), 270, 360, fill=INK, width=width)
    pen.line((x + w, y0 + w, x + w, mid - w), fill=INK, width=width)
    pen.arc((x + w, mid - 2 * w, x + 3 * w, mid), 90, 180, fill=INK, width=width)
    pen.arc((x + w, mid, x + 3 * w, mid + 2 * w), 180, 270, fill=INK, width=width)
    pen.line((x + w, mid + w, x + w, y1 - w), fill=INK, width=width)
    pen.arc((x - w, y1 - 2 * w, x + w, y1), 0, 90, fill=INK, width=width)


def _tint(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark, paper: tuple[int, int, int]) -> None:
    pen.rectangle((g.x(m.x0), 0, g.x(m.x1), g.height), fill=(226, 232, 238))


def _leaders(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark, paper: tuple[int, int, int]) -> None:
    y = g.top(m.row) + round(g.body * 0.8)
    step = max(4, g.body // 3)
    for x in range(g.x(m.x0), g.x(m.x1), step):
        pen.point((x, y), fill=(90, 90, 90))


PAINT: dict[str, Callable[[ImageDraw.ImageDraw, _Geo, Mark, tuple[int, int, int]], None]] = {
    "rule": _rule,
    "stamp": _stamp,
    "tab": _tab,
    "vrule": _vrule,
    "pane": _pane,
    "brace": _curly,
    "spine": _tint,
    "leaders": _leaders,
}


def _draw(sample: APSample, n: int, dpi: int, paper: tuple[int, int, int] = PAPER) -> Image.Image:
    """Page ``n`` drawn clean: the spine first, then boxes, marks and the text (the date
    stamp's words in violet)."""
    width, height = PRINT.page_size(sample, dpi)
    image = Image.new("RGB", (width, height), paper)
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, dpi)
    body = round(sample.style.point / 72 * dpi)
    g = _Geo(tops, heights, width, height, body, max(1, dpi // 150))
    marks = sorted(sample.rules[n] if sample.rules else (), key=lambda m: m.kind != "spine")
    for mark in marks:
        if mark.kind in ("spine", "tab"):
            PAINT[mark.kind](pen, g, mark, paper)
    for rect in sample.rects[n] if sample.rects else ():
        y0 = tops[rect.first] - round(0.25 * body)
        y1 = tops[rect.last] + heights[rect.last] - round(0.05 * body)
        box = (round(rect.x0 * width), y0, round(rect.x1 * width), y1)
        if rect.fill is not None:
            pen.rectangle(box, fill=(rect.fill,) * 3)
        if rect.outline:
            pen.rectangle(box, outline=INK, width=g.line)
    for mark in marks:
        if mark.kind not in ("spine", "tab"):
            PAINT[mark.kind](pen, g, mark, paper)
    stamp_rows = {
        r for m in marks if m.kind == "stamp" for r in range(m.row, (m.last or m.row) + 1)
    }
    for p in PRINT.layout(sample, n, dpi):
        ink = VIOLET if p.top in {tops[r] for r in stamp_rows} and p.cell.x > 0.6 else INK
        pen.text((p.left, p.top), p.cell.text, fill=ink, font=p.font)
    return image


# -- the scans --------------------------------------------------------------------------------------


def _fax(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """One bit a pixel; received over a noisy line: here and there a run of scanlines lost
    (left white) or the line before repeated over them (a strip stretched); a little
    askew."""
    grey = image.convert("L").rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)  # fmt: skip
    arr = np.asarray(grey).copy()
    h = arr.shape[0]
    for _ in range(rng.randrange(10, 18)):
        y = rng.randrange(h // 20, h - 8)
        run = rng.randrange(1, 4)
        if rng.random() < 0.5:
            arr[y : y + run] = 255
        else:
            arr[y : y + run] = arr[y - 1]
    return Image.fromarray(arr).point(lambda v: 255 if v > 150 else 0).convert("1")


def _green(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Greyscale; a pale green page on a flatbed, the scanner's automatic levels pulling
    the paper down to a flat grey and the ink up, so the contrast is low; a little soft."""
    grey = np.asarray(image.convert("L"), dtype=np.float32)
    paper_level, ink_level = rng.uniform(178, 192), rng.uniform(62, 80)
    levelled = ink_level + (grey / 255.0) * (paper_level - ink_level)
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0.0, 2.5, levelled.shape)
    out = Image.fromarray(np.clip(levelled + noise, 0, 255).astype(np.uint8))
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=round(paper_level)).filter(ImageFilter.GaussianBlur(0.5))  # fmt: skip


def _curtain(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Colour; a phone photo by a window with net curtains: the page on a sill, daylight
    through the lace throwing a mottled pattern of light and shade (soft blobs on a fine
    mesh) over it; a little soft."""
    w, h = image.size
    canvas = Image.new("RGB", (round(w * 1.08), round(h * 1.06)), DESK)
    turned = image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=DESK)
    canvas.paste(turned, (round(w * 0.04), round(h * 0.03)))
    arr = np.asarray(canvas, dtype=np.float32)
    gen = np.random.default_rng(rng.randrange(1 << 30))
    small = gen.uniform(0.0, 1.0, (max(2, arr.shape[0] // 90), max(2, arr.shape[1] // 90)))
    blobs = np.asarray(Image.fromarray((small * 255).astype(np.uint8)).resize((arr.shape[1], arr.shape[0]), Image.Resampling.BICUBIC), dtype=np.float32) / 255.0  # fmt: skip
    # (a column's and a row's sine, broadcast: the same float64 values a pixel at a time)
    ys, xs = np.arange(arr.shape[0])[:, None], np.arange(arr.shape[1])[None, :]
    period = rng.uniform(14, 22)
    mesh = 0.5 + 0.5 * np.sin(xs / period * 2 * np.pi) * np.sin(ys / period * 2 * np.pi)
    shade = 0.62 + 0.3 * blobs + 0.08 * mesh
    cool = np.asarray((0.97, 0.99, 1.03), dtype=np.float32)
    noise = gen.normal(0.0, 3.0, arr.shape[:2])
    out = np.clip(arr * shade[:, :, None] * cool[None, None, :] + noise[:, :, None], 0, 255).astype(np.uint8)  # fmt: skip
    return Image.fromarray(out).filter(ImageFilter.GaussianBlur(0.55))


def render(sample: APSample, n: int, scan: APScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    if scan.fax:
        return _fax(_draw(sample, n, scan.dpi), rng, scan.skew)
    if scan.green:
        return _green(_draw(sample, n, scan.dpi, GREEN), rng, scan.skew)
    return _curtain(_draw(sample, n, scan.dpi), rng, scan.skew)


def _tiff(image: Image.Image, dpi: int) -> bytes:
    out = io.BytesIO()
    image.save(out, format="TIFF", compression="tiff_lzw", dpi=(dpi, dpi))
    return out.getvalue()


def ap_scanned(sample: APSample, index: int) -> tuple[bytes, str, APScan]:
    """Scanned one of three ways: the fax as a one-bit PNG (its resolution at even
    indexes), the green page as an LZW TIFF (240 dpi), the photo by the net curtain as
    colour JPEG (quality ``QUALITY``, no resolution); documents of more pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 59 + n) for n in range(len(sample.pages))]
    if len(images) > 1:
        return encode_pages([im.convert("L") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.green:
        return _tiff(images[0], scan.dpi), "tiff", scan
    if scan.curtain:
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
    "APSample",
    "APScan",
    "ap_pages",
    "ap_scanned",
    "ap_text",
    "build_ap",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
