# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``BB``, written blind: a new hand's measure of how the reader
generalises to letters it has never seen (issue 14).

``BB`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``values_found``, ``money``, ``encode_pages``), the shared page
engine (``corpus_print``), the shared test helpers, family AW's module and tests (as a
template for structure), the blind form of AY's unit test, and the commits that registered
and measured AY; and, by grep only, the other families' modules for place names, bodies,
setting words and scan words, to avoid them -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``, ``prose.py``,
``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``statement_tables.py``, ``label_learning.py``, ``read_families.py``,
the rankers, the Tesseract extractor, the locator, the creditor directory), its reading
tests, nor any account of its misses. It is never used to write rules, to train or
calibrate the classifier or the field ranker (``build_corpus`` never yields it), nor to
choose models: it is measured, and only the aggregate figures go into benchmarks/OCR.md.
Whoever reads its individual misses to change the reader makes ``BB`` no longer blind and
must say so there.

**BB is no longer blind since round 45** (branch ``reader45``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on BB
from then on is a training-side figure (benchmarks/OCR.md, "Round 45").

Grep found Solihull, and every district and street named below, in no family, so ``BB`` is
set in Solihull under the law of England and Wales: a claim issued by the Civil National
Business Centre, a judgment of the County Court at Birmingham, enforcement agents' notices
(a writ of control and a council tax liability order), Solihull Metropolitan Borough
Council's council tax, fines imposed at Birmingham Magistrates' Court, a statutory demand
under the Insolvency Rules 2016 and a letter before claim under the Pre-Action Protocol for
Debt Claims; so:

* who writes: a Kingshurst collection agency for a Blythe Valley card firm and a Hockley
  Heath caravan finance firm's arrears letter; a claim for a Dorridge loan and a judgment
  for a Marston Green mobile phone contract; Fordbridge enforcement agents (a writ of
  control, or council tax after a liability order); a Lode Lane plant hire firm's
  statutory demand; the borough council's council tax; a gas supplier and a water company;
  fines; a debt purchaser buying a Touchwood fashion store card; a Pension Credit
  overpayment (the DWP); a building society; a housing co-operative; a pay-later app and a
  mail order catalogue; solicitors for a veterinary practice; Universal Credit and
  Employment and Support Allowance (the DWP); an airport caterer and a day nursery as
  employers; a bank's current account and a credit union's; bell ringers and a canal
  society;
* six ways of setting a letter, all from a hospital and a health centre, each class in two
  of them (``i`` even / odd):
  - **wristbands**: each fact on a patient's wristband lying across the page (a coloured
    band with a press stud at the left end and adjusting holes at the right, a white
    insert on it holding the label small at the left and the value bold beside it);
  - **appointments**: appointment cards, two a row, each a rounded card with a coloured
    stripe down its left edge and a little clock face at its top right, the label small
    over the value;
  - **prescription**: a prescription form (pale green, a green frame), its facts in boxes
    three a row, each box's label small over its value;
  - **pillbox**: a weekly pill organiser stood on end, one compartment a fact, each with
    its coloured lid hinged at the left, the label small over the value;
  - **lightbox**: an X-ray viewing box (a glowing panel), two films a row clipped to it,
    on each film a white identity sticker holding the label over the value;
  - **eyechart**: an eye test chart, a big letter E at its head, each fact a centred line,
    the label small over the value, the values smaller line by line;
  payslips for an airport caterer (hours at the rate and an unsocial hours supplement,
  weekly or fortnightly, "Pay elements" then "Taken off") or a day nursery (a monthly or
  four-weekly salary and a qualification allowance, each line "+" or "-"); bank statements
  from a bank's current account (paid out, paid in and balance columns) or a credit
  union's (each line's amount signed, its savings balance after it);
* faces: Liberation Sans under DejaVu Serif Condensed Bold headings, Open Sans under
  Liberation Serif Bold headings, Liberation Serif under Open Sans Bold headings, 9.5 to 11
  pt; each italic the body's own;
* dates as "4th Dec 2026" (an ordinal day, the month cut to three letters) and "04 DEC 2026"
  (the day padded, the month cut and in capitals); amounts as "£1,234.56" and, in tables
  and cells, "1,234.56";
* scans new to the families: iodine splashes from a dressing trolley (translucent
  orange-brown splashes with droplets round them; 250 dpi colour JPEG with its resolution);
  strips of surgical paper tape (off-white, fibrous, half opaque, across the top edge, down
  a side margin and over a line that holds no true value; 210 dpi colour PNG, its
  resolution at even indexes); dried hand-sanitiser gel (patches where the paper cockled
  and the ink ran a little, with a sheen across them; 230 dpi greyscale, as a one-page PDF).

What grep found taken, and replaced (checked before any measuring): the task's "ward board"
is a whiteboard, AX's and AZ's (so the eye test chart); its "waiting-room ticket machine"
gives tickets, and BA set cinema tickets with a stub (AT a boarding pass with one), so the
ticket machine went too (so the prescription form); AZ's pigeonholes are compartments
three a row in a case, so the pill organiser is one column, each lid a coloured hinge at
the left; AI's doorstep calling card put each fact on a dotted line, so the appointment
cards have no dotted lines (a stripe and a clock face). "Film" is AT's (an overhead
transparency, a scan), AV's, AZ's and BA's word, never an X-ray's on a viewing box. The
wristbands, the light box, the eye chart, the iodine, the surgical tape and the sanitiser
gel are new (no module names a wristband, a light box, an eye chart, iodine, surgical tape
or sanitiser). Not all of the above is new: "£1,234.56" and "1,234.56" are many families';
the courts, the DWP's benefits and the enforcement words are the law's and the state's; the
fonts are the families' fonts (in pairings not checked exhaustively against theirs); the
date shapes were not checked exhaustively against every family's.

Ground truth follows L's to AW's conventions: ``creditor_name`` is whoever is owed now (the
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

FAMILY = "BB"

PEOPLE = (
    ("Mrs", "Rosalind", "Ekwueme-Platt"),
    ("Mr", "Dariusz", "Kowalczyk-Hume"),
    ("Ms", "Shanice", "Tolliver"),
    ("Mr", "Harinder", "Bassi-Wragg"),
)
ADDRESSES = (
    ("14 Blossomfield Close", "Shirley, Solihull", "B90 3QP"),
    ("Flat 9, 61 Cheswick Way", "Cheswick Green, Solihull", "B90 4HF"),
    ("3 Widney Manor Mews", "Solihull", "B91 3JR"),
    ("Flat 2, 27 Streetsbrook Walk", "Solihull", "B91 1RN"),
)

# -- date and money shapes -------------------------------------------------------------------


def _ordinal(day: int) -> str:
    if 10 < day % 100 < 14:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }"


def ordinal_short(date: dt.date) -> str:
    """4th Dec 2026: an ordinal day, the month cut to three letters."""
    return f"{_ordinal(date.day)} {date:%b} {date.year}"


def capital_month(date: dt.date) -> str:
    """04 DEC 2026: the day padded, the month cut and in capitals."""
    return f"{date:%d} {date:%b}".upper() + f" {date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (ordinal_short, capital_month)
"""The shapes a document's dates take (one a document)."""
ALL_SHAPES = DATE_SHAPES


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Paid every Friday, weekly", "each week"),
    "fortnightly": ("Paid fortnightly in arrears", "each fortnight"),
    "four_weekly": ("Paid on a four-weekly cycle", "each four weeks"),
    "monthly": ("Paid once a calendar month", "each calendar month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways BB prints a true value (to check it is on the page, or in an OCR text)."""
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
    "libsans": {
        (False, False): _LB + "LiberationSans-Regular.ttf",
        (True, False): _DV + "DejaVuSerifCondensed-Bold.ttf",
        (False, True): _LB + "LiberationSans-Italic.ttf",
        (True, True): _DV + "DejaVuSerifCondensed-BoldItalic.ttf",
    },
    "opensans": {
        (False, False): _OS + "OpenSans-Regular.ttf",
        (True, False): _LB + "LiberationSerif-Bold.ttf",
        (False, True): _OS + "OpenSans-Italic.ttf",
        (True, True): _LB + "LiberationSerif-BoldItalic.ttf",
    },
    "libserif": {
        (False, False): _LB + "LiberationSerif-Regular.ttf",
        (True, False): _OS + "OpenSans-Bold.ttf",
        (False, True): _LB + "LiberationSerif-Italic.ttf",
        (True, True): _OS + "OpenSans-BoldItalic.ttf",
    },
}
"""Each body face under headings of another family: Liberation Sans under DejaVu Serif
Condensed Bold, Open Sans under Liberation Serif Bold, Liberation Serif under Open Sans
Bold; each italic the body's own."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)

INK = (22, 26, 34)
BANDS = ((170, 206, 236), (244, 196, 206), (190, 226, 190), (250, 222, 150))
"""The wristbands' plastic."""
STRIPES = ((0, 94, 184), (0, 150, 120), (200, 60, 90), (120, 80, 170))
"""The appointment cards' edge stripes."""
FORM_GREEN = (228, 242, 230)
FORM_EDGE = (60, 140, 90)
LIDS = ((232, 90, 90), (246, 170, 60), (240, 220, 80), (110, 190, 110), (90, 150, 220), (150, 110, 200), (220, 120, 180))  # fmt: skip
"""The pill organiser's seven lids."""
GLOW = (236, 244, 250)
FILM = (52, 58, 66)


@frozen
class Style:
    face: str = "libsans"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("libsans", 10.0), Style("opensans", 9.5), Style("libserif", 11.0))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind``: "rule" (across above row ``row`` from ``x0`` to ``x1``, ``shade`` its grey),
    "band" (a wristband from ``x0`` to ``x1`` over rows ``row``..``last``, ``shade`` its
    plastic), "insert" (the band's white insert, from ``x0`` to ``x1``), "card" (an
    appointment card from ``x0`` to ``x1`` over rows ``row``..``last``, ``shade`` its
    stripe), "form" (the prescription form's frame over rows ``row``..``last``), "box" (a
    box on the form from ``x0`` to ``x1`` over rows ``row``..``last``), "organiser" (the
    pill organiser's case over rows ``row``..``last``), "dose" (a compartment from ``x0`` to
    ``x1`` over rows ``row``..``last``, ``shade`` its lid), "lightbox" (the glowing panel
    over rows ``row``..``last``), "xray" (a film from ``x0`` to ``x1`` over rows
    ``row``..``last``), "sticker" (a film's identity sticker from ``x0`` to ``x1``),
    "eyechart" (the chart over rows ``row``..``last``) and "letter" (its big E over rows
    ``row``..``last``, centred between ``x0`` and ``x1``)."""

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
    day = dt.date(2025, 2, 3) + dt.timedelta(days=rng.randrange(660))
    return day + dt.timedelta(days=7 - day.weekday() if day.weekday() >= 5 else 0)


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The line at the foot of every page."""
    team: str = "Customer Support"


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
    """The name centred in the heading face, the address and the telephone centred under
    it, then a double rule."""
    page.add(*_bold(page, org.name, 0.14, 0.86, style.point + 3, "centre"))
    page.add((ct(0.5, f"{org.street}, {org.town}  |  Tel. {org.phone}", size=SMALL),))
    page.rule(0.08, 0.92, 40)
    page.gap()
    page.rule(0.08, 0.92, 120)


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
    page.add((t(0.08, f"Dear {title} {surname}"),)).gap()


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _sign(page: Sheet, org: Org, x: float = 0.08) -> None:
    page.add((t(x, "With kind regards,"),)).gap()
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


def _wristbands(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Each fact on a patient's wristband lying across the page: a coloured band with a
    press stud at the left end and holes at the right, its white insert holding the label
    small at the left and the value bold beside it."""
    page = _start(rng, style, letter)
    for k, (label, value) in enumerate(_rows(letter)):
        top = len(page.rows)
        page.beside(_small(page, label, 0.2, 0.42), _bold(page, value, 0.44, 0.8, style.point + 0.5))  # fmt: skip
        last = len(page.rows) - 1
        page.rules.append(Mark("band", top, 0.08, 0.92, last=last, shade=k % len(BANDS)))
        page.rules.append(Mark("insert", top, 0.18, 0.82, last=last))
        page.gap()
    page.gap()
    return _finish(page, letter)


CARDS = ((0.08, 0.485), (0.515, 0.92))


def _appointments(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Appointment cards, two a row: a rounded card with a coloured stripe down its left
    edge and a clock face at its top right, the label small over the value."""
    page = _start(rng, style, letter)
    pairs = _rows(letter)
    n = 0
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        columns = [[(), *_small(page, label, x0 + 0.045, x1 - 0.07), *_bold(page, value, x0 + 0.045, x1 - 0.025, SMALL + 2), ()] for (label, value), (x0, x1) in zip(group, CARDS, strict=False)]  # fmt: skip
        page.beside(*columns)
        last = len(page.rows) - 1
        for k, (x0, x1) in enumerate(CARDS[: len(group)]):
            page.rules.append(Mark("card", top, x0, x1, last=last, shade=(n + k) % len(STRIPES)))
        n += 2
        page.gap()
    return _finish(page, letter)


BOXES = ((0.1, 0.36), (0.37, 0.63), (0.64, 0.9))


def _prescription(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A prescription form: pale green in a green frame, its facts in boxes three a row,
    each label small over its value."""
    page = _start(rng, style, letter)
    form = len(page.rows)
    page.gap()
    pairs = _rows(letter)
    while pairs:
        group, pairs = pairs[:3], pairs[3:]
        top = len(page.rows)
        columns = [[*_small(page, label, x0 + 0.012, x1 - 0.012), *_bold(page, value, x0 + 0.012, x1 - 0.012, SMALL + 1.5)] for (label, value), (x0, x1) in zip(group, BOXES, strict=False)]  # fmt: skip
        page.beside(*columns)
        for x0, x1 in BOXES[: len(group)]:
            page.rules.append(Mark("box", top, x0, x1, last=len(page.rows) - 1))
        page.gap()
    page.rules.insert(0, Mark("form", form, 0.08, 0.92, last=len(page.rows) - 1))
    page.gap()
    return _finish(page, letter)


def _pillbox(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A weekly pill organiser stood on end: one compartment a fact, its coloured lid hinged
    at the left, the label small over the value."""
    page = _start(rng, style, letter)
    case = len(page.rows)
    for k, (label, value) in enumerate(_rows(letter)):
        top = len(page.rows)
        page.add(*_small(page, label, 0.24, 0.86))
        page.add(*_bold(page, value, 0.24, 0.86, style.point + 0.5))
        page.rules.append(Mark("dose", top, 0.14, 0.88, last=len(page.rows) - 1, shade=k % len(LIDS)))  # fmt: skip
        page.gap()
    page.rules.insert(0, Mark("organiser", case, 0.12, 0.9, last=len(page.rows) - 2))
    page.gap()
    return _finish(page, letter)


FILMS = ((0.09, 0.49), (0.51, 0.91))


def _lightbox(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """An X-ray viewing box: a glowing panel, two films a row clipped to it, on each film
    a white identity sticker holding the label over the value."""
    page = _start(rng, style, letter)
    panel = len(page.rows)
    page.gap()
    pairs = _rows(letter)
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        columns = [[(), *_small(page, label, x0 + 0.05, x1 - 0.05), *_bold(page, value, x0 + 0.05, x1 - 0.05, SMALL + 2), ()] for (label, value), (x0, x1) in zip(group, FILMS, strict=False)]  # fmt: skip
        page.beside(*columns)
        last = len(page.rows) - 1
        for (x0, x1), column in zip(FILMS, columns, strict=False):
            page.rules.append(Mark("xray", top, x0, x1, last=last))
            page.rules.append(Mark("sticker", top + 1, x0 + 0.035, x1 - 0.035, last=top + len(column) - 2))  # fmt: skip
        page.gap()
    page.rules.insert(0, Mark("lightbox", panel, 0.07, 0.93, last=len(page.rows) - 1))
    page.gap()
    return _finish(page, letter)


def _eyechart(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """An eye test chart: a big E at its head, each fact a centred line, the label small
    over the value, the values smaller line by line."""
    page = _start(rng, style, letter)
    chart = len(page.rows)
    page.gap()
    page.rules.append(Mark("letter", len(page.rows), 0.44, 0.56, last=len(page.rows) + 1))
    page.gap(3)
    rows = _rows(letter)
    for k, (label, value) in enumerate(rows):
        size = max(style.point, style.point + 4 - k * 0.8)
        page.add(*_small(page, label, 0.2, 0.8, centre=True))
        page.add(*_bold(page, value, 0.2, 0.8, size, "centre"))
        if len(rows) < 6:
            page.gap()
    page.rules.insert(0, Mark("eyechart", chart, 0.17, 0.83, last=len(page.rows) - 1))
    page.gap()
    return _finish(page, letter)


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "wristbands": _wristbands,
    "appointments": _appointments,
    "prescription": _prescription,
    "pillbox": _pillbox,
    "lightbox": _lightbox,
    "eyechart": _eyechart,
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
    return f"Registered office of {name}: {office}. Registered in England and Wales under company no. {number}.{extra}"  # fmt: skip


FCA = " We are authorised and regulated by the Financial Conduct Authority."
AGENCY = Org("Kingshurst Credit Collections Ltd", "Unit 4, Kingshurst Parade", "Solihull B37 6BN", "0121 788 4102",
             _ltd("Kingshurst Credit Collections Ltd", "12507731", "Kingshurst Parade, Solihull B37 6BN", FCA), "Accounts Resolution Desk")  # fmt: skip
CARD = Org("Blythe Valley Card Company Ltd", "PO Box 5128", "Solihull B90 8AT", "0345 602 7719",
           _ltd("Blythe Valley Card Company Ltd", "10384426", "Blythe Valley Park, Solihull B90 8AT", FCA))  # fmt: skip
CARAVANS = Org("Hockley Heath Caravan Finance Ltd", "Stratford Road", "Hockley Heath B94 6NN", "01564 781 220",
               _ltd("Hockley Heath Caravan Finance Ltd", "08874105", "Stratford Road, Hockley Heath B94 6NN", FCA), "Tourer Finance Team")  # fmt: skip
LENDER = Org("Dorridge Lending Ltd", "PO Box 2290", "Solihull B93 8WX", "0333 044 9183",
             _ltd("Dorridge Lending Ltd", "11726058", "Station Approach, Dorridge B93 8JA", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court Business Centre", "Civil National Business Centre, St Katharine's House, 21-27 St Katharine's Street", "Northampton NN1 2LH", "0300 123 1057",
                  "This claim was issued for the County Court by the Civil National Business Centre. Court staff are not able to give legal advice.", "Court Manager")  # fmt: skip
BIRMINGHAM_COURT = "County Court at Birmingham"
JUDGMENT_COURT = Org(BIRMINGHAM_COURT, "Birmingham Civil and Family Justice Centre, Priory Courts, 33 Bull Street", "Birmingham B4 6DS", "0300 123 5577",
                     "The County Court at Birmingham sits at Priory Courts, Bull Street.", "Court Manager")  # fmt: skip
MOBILE = Org("Marston Green Mobile Ltd", "Customer Billing, Elmdon Trading Estate", "Birmingham B37 7HE", "0121 779 3350",
             _ltd("Marston Green Mobile Ltd", "09261847", "Elmdon Trading Estate, Birmingham B37 7HE"))  # fmt: skip
AGENTS = Org("Fordbridge Enforcement Agents Ltd", "Agency House, Fordbridge Road", "Solihull B37 5EB", "0121 770 6615",
             _ltd("Fordbridge Enforcement Agents Ltd", "07439928", "Fordbridge Road, Solihull B37 5EB", " Each of our agents holds a certificate under the Certification of Enforcement Agents Regulations 2014."), "Enforcement Control Room")  # fmt: skip
BOROUGH = "Solihull Metropolitan Borough Council"
TAX = Org(BOROUGH, "Revenues Service, Council House, Manor Square", "Solihull B91 3QB", "0121 704 8102",
          "Solihull Metropolitan Borough Council, Council House, Manor Square. Your council tax pays for bin collections, libraries and adult social care.", "Council Tax Recovery")  # fmt: skip
PLANTHIRE = Org("Lode Lane Plant Hire Ltd", "Sales Ledger, 212 Lode Lane", "Solihull B92 8NW", "0121 743 5096",
                _ltd("Lode Lane Plant Hire Ltd", "04172385", "Lode Lane, Solihull B92 8NW"), "Sales Ledger Manager")  # fmt: skip
GAS = Org("Widney Gas Supply Ltd", "PO Box 7741", "Solihull B91 9FJ", "0800 069 2281",
          _ltd("Widney Gas Supply Ltd", "11590264", "Widney Lane, Solihull B91 3LS"), "Gas Billing")  # fmt: skip
WATER = Org("Cole Valley Water plc", "Household Charges, Hatchford Way", "Birmingham B26 3RZ", "0345 377 1408",
            _ltd("Cole Valley Water plc", "02817746", "Hatchford Way, Birmingham B26 3RZ"), "Household Charges")  # fmt: skip
HMCTS = "HM Courts and Tribunals Service"
FINES = Org(HMCTS, "Fines Collection, Victoria Law Courts, Corporation Street", "Birmingham B4 6QA", "0300 790 6633",
            "Fines imposed at Birmingham Magistrates' Court are collected by HM Courts and Tribunals Service.", "Fines Collection Officer")  # fmt: skip
STORECARD = Org("Touchwood Fashion Card Ltd", "Touchwood Court", "Solihull B91 3GJ", "0345 611 5027",
                _ltd("Touchwood Fashion Card Ltd", "06718830", "Touchwood Court, Solihull B91 3GJ", FCA))  # fmt: skip
BUYER = Org("Castle Bromwich Portfolio Recoveries Ltd", "PO Box 8841", "Birmingham B36 0ZH", "0333 207 3654",
            _ltd("Castle Bromwich Portfolio Recoveries Ltd", "10622913", "Chester Road, Castle Bromwich B36 9DE", FCA), "Purchased Accounts")  # fmt: skip
DWP = "Department for Work and Pensions"
DEBT = Org(DWP, "DWP Debt Management, PO Box 2388", "Sheffield S98 1DQ", "0800 916 0658",
           "DWP Debt Management recovers overpaid benefits for the Department for Work and Pensions.", "Debt Management Centre")  # fmt: skip
SOCIETY = Org("Streetsbrook Mutual Building Society", "Homeowner Help, 9 Poplar Road", "Solihull B91 3AA", "0121 711 4466",
              "Streetsbrook Mutual Building Society is authorised by the PRA and regulated by the FCA and the PRA (register no. 207339).", "Homeowner Help")  # fmt: skip
HOMES = Org("Smith's Wood Housing Co-operative", "Rent Office, Windward Way", "Birmingham B36 0UE", "0121 749 2208",
            "Smith's Wood Housing Co-operative is a registered society and a registered provider of social housing (no. 5223).", "Rent Office")  # fmt: skip
PAYLATER = Org("Cheswick Pay Ltd", "help@cheswickpay.example", "Solihull B90 4JA", "0121 796 0330",
               _ltd("Cheswick Pay Ltd", "13448210", "Cheswick Green, Solihull B90 4JA", FCA), "Cheswick Pay Support")  # fmt: skip
CATALOGUE = Org("Malvern Park Mail Order Ltd", "Customer Accounts, Tudor Grange Industrial Park", "Solihull B91 3QS", "0345 218 7764",
                _ltd("Malvern Park Mail Order Ltd", "05390471", "Tudor Grange Industrial Park, Solihull B91 3QS", FCA))  # fmt: skip
VETS = Org("Sharmans Cross Veterinary Practice Ltd", "88 Sharmans Cross Road", "Solihull B91 1RG", "0121 705 3917",
           _ltd("Sharmans Cross Veterinary Practice Ltd", "09552084", "Sharmans Cross Road, Solihull B91 1RG"))  # fmt: skip
SOLICITORS = Org("Brueton Lyndon LLP", "Solicitors, 2 Herbert Road", "Solihull B91 3QE", "0121 709 2284",
                 "Brueton Lyndon LLP, solicitors, is authorised and regulated by the Solicitors Regulation Authority (SRA no. 651730).", "Civil Recovery Department")  # fmt: skip
CATERER = Org("Bickenhill Airside Catering Ltd", "People Services, Elmdon Building", "Birmingham B26 3QJ", "0121 767 4409",
              _ltd("Bickenhill Airside Catering Ltd", "06284519", "Elmdon Building, Birmingham B26 3QJ"), "People Services")  # fmt: skip
NURSERY = Org("Tudor Grange Little Acorns Nursery Ltd", "Blossomfield Road", "Solihull B91 1LZ", "0121 709 7725",
              _ltd("Tudor Grange Little Acorns Nursery Ltd", "08830147", "Blossomfield Road, Solihull B91 1LZ"), "Nursery Manager")  # fmt: skip
BANK = Org("Hampton-in-Arden Bank plc", "Solihull High Street branch, 71 High Street", "Solihull B91 3SW", "0345 309 7724",
           _ltd("Hampton-in-Arden Bank plc", "00527116", "High Street, Solihull B91 3SW", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Hampton-in-Arden Bank")  # fmt: skip
UNION = Org("Chelmsley Wood Credit Union Ltd", "Ground floor, Chelmsley Wood Shopping Centre", "Birmingham B37 5TN", "0121 770 1184",
            "Chelmsley Wood Credit Union Ltd is authorised by the PRA and regulated by the FCA and the PRA (no. 214470).", "Savings Desk")  # fmt: skip
UC = Org(DWP, "Universal Credit Service Centre, Mail Handling Site C", "Wolverhampton WV98 1BY", "0800 328 5645",
         "Universal Credit is a payment from the Department for Work and Pensions.", "Universal Credit Case Manager")  # fmt: skip
ESA = Org(DWP, "Employment and Support Allowance, Mail Handling Site F", "Wolverhampton WV98 1ZS", "0800 169 0350",
          "Employment and Support Allowance is paid by the Department for Work and Pensions.", "ESA Benefit Centre")  # fmt: skip
RINGERS = Org("Bickenhill Tower Bell Ringers", "c/o The Belfry, St Peter's, Church Lane", "Bickenhill B92 0DN", "07700 900 561",
              "Practice night is Wednesday; learners are always welcome at the tower.", "Tower Captain")  # fmt: skip
CANAL = Org("Catherine-de-Barnes Canal Society", "c/o 6 Lugtrout Lane", "Solihull B91 2TN", "07700 900 782",
            "Volunteers who keep our stretch of the Grand Union tidy for boaters and walkers.", "Society Secretary")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """The collection agency's letter for a card firm (even: the wristbands) or the
    caravan finance firm's arrears letter (odd: the light box)."""
    kinds = ("wristbands", "lightbox")
    when, date = _when(rng), dated(rng)
    by = later(date, 14)
    if i % 2 == 0:
        owed = balance(rng)
        ref = f"KCC{digits(rng, 3)}-{digits(rng, 5)}"
        letter = Letter(
            org=AGENCY, title="Blythe Valley Card Company has passed your account to Kingshurst", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
            ref_label="Kingshurst file reference", ref=ref, date_label="Collection letter dated",
            facts=[("Owing on the card today", owed), ("Card issuer behind this file", CARD.name), ("Ring the Resolution Desk by", by)],
            paras=(f"{CARD.name} closed your credit card account after payments stopped, and has asked us to recover what is left to pay.",
                   f"There is {pounds(owed)} to pay. Please settle it, or call the Accounts Resolution Desk to agree an amount you can afford, no later than {when(by)}.",
                   "Kingshurst is a collection agency, not a bailiff: nobody from us will call at your home. Free, confidential advice is available from StepChange, National Debtline and Citizens Advice, and we will pause for 30 days while you get it."),
        )  # fmt: skip
    else:
        owed = balance(rng, 24_000, 412_000)
        ref = f"HHC/{digits(rng, 6)}/T"
        letter = Letter(
            org=CARAVANS, title="Missed payments on your touring caravan agreement", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, CARAVANS.name, ref, owed, date, deadline_date=by),
            ref_label="Tourer agreement number", ref=ref, date_label="Tourer arrears letter of",
            facts=[("Caravan instalments missed", owed), ("Caravan make and model", f"Swift Elegance {rng.randrange(480, 590)}"), ("Clear the shortfall by", by)],
            paras=("Payments due under your hire purchase agreement for a touring caravan have been missed.",
                   f"The shortfall is {pounds(owed)}. Please pay it, or phone the Tourer Finance Team to talk about a plan, by {when(by)}.",
                   "If the shortfall is not cleared we may send you a notice of default. The caravan belongs to us until the agreement is paid off."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("prescription", "eyechart")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 61_000, 540_000)
    fee = rng.choice((11_500, 20_500, 35_500))
    costs = rng.choice((8_000, 10_000))
    total = claimed + fee + costs
    ref = f"DL{digits(rng, 8)}"
    number = f"{rng.choice('PQRS')}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 1)}{letters(rng, 1)}{digits(rng, 2)}"
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="Dorridge Lending has started a money claim against you", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, LENDER.name, ref, total, date, court_claim_number=number, served_date=served, deadline_date=by),
        ref_label="Money claim number (CNBC)", ref=number, date_label="Claim form sealed on",
        facts=[("Total sum claimed incl. fee and costs", total), ("Claimant (lender)", LENDER.name), ("Dorridge loan number", ref), ("Service of the claim taken as", served), ("Send your response by", by)],
        paras=(f"{LENDER.name} says you owe it the balance of a loan you have not repaid, and claims that sum with its court fee and legal costs.",
               f"The sum claimed is {pounds(claimed)}, the court fee {pounds(fee)} and the legal costs {pounds(costs)}: {pounds(total)} altogether. The claim form is deemed served on {when(served)}.",
               f"Respond by {when(by)} with the forms in your response pack: pay, admit some or all of the claim and propose payments, or defend it. If you do not respond, the claimant may ask for judgment against you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("pillbox", "appointments")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 31_000, 620_000)
    ref = f"MGM-{digits(rng, 7)}"
    number = f"{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 2)}"
    by = later(date, 30)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    facts: list[Fact] = [
        ("Judgment debt incl. fee and costs", owed),
        ("Claimant's mobile account no.", ref),
    ]
    if extra:
        facts.append(("Whole sum to reach the claimant by", by))
    how = (f"You are ordered to pay {pounds(owed)} to the claimant by {when(by)}." if extra
           else f"You are ordered to pay {pounds(owed)} to the claimant immediately.")  # fmt: skip
    letter = Letter(
        org=JUDGMENT_COURT, title="Default judgment: no response was received from you", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, MOBILE.name, ref, owed, date, court_claim_number=number, **extra),
        ref_label="Claim no. at Birmingham", ref=number, date_label="Default judgment sealed",
        facts=facts,
        paras=(f"{MOBILE.name} claimed from you for an unpaid mobile phone contract and you did not respond, so judgment has been entered for the claimant.",
               how + " Make your payments to the claimant; the court does not take them.",
               "Pay the whole sum within one calendar month and the judgment will not be kept on the public register. If you do not pay, the claimant can apply for enforcement, such as a warrant of control or an attachment of earnings order."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """The enforcement agents' notice under a writ of control (even: the eye chart) or
    under the council's liability order (odd: the wristbands)."""
    kinds = ("eyechart", "wristbands")
    when, date = _when(rng), dated(rng)
    case = f"FEA{digits(rng, 7)}"
    by = later(date, 7)
    if i % 2 == 0:
        debt = balance(rng, 62_000, 410_000)
        owed = debt + 7_500
        letter = Letter(
            org=AGENTS, title="Writ of control received: notice of enforcement", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, LENDER.name, case, owed, date, deadline_date=by),
            ref_label="Fordbridge enforcement ref.", ref=case, date_label="Notice served by post on",
            facts=[("Balance with compliance fee", owed), ("High Court writ for", LENDER.name), ("No agent visit before", by)],
            paras=(f"A High Court writ of control has been issued to enforce the judgment {LENDER.name} holds against you, and it is with our agents.",
                   f"Pay {pounds(owed)} by {when(by)}. From the next day an enforcement agent may attend your home to take control of goods, and further fees will fall due.",
                   "Tell the Enforcement Control Room at once if anyone in your home is vulnerable or if you cannot pay: we may agree instalments, and free debt advice is available to you."),
        )  # fmt: skip
    else:
        tax = rng.randrange(52_000, 236_000)
        owed = tax + 7_500
        letter = Letter(
            org=AGENTS, title="Notice of enforcement for Solihull council tax arrears", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, BOROUGH, case, owed, date, deadline_date=by),
            ref_label="Fordbridge enforcement ref.", ref=case, date_label="Notice served by post on",
            facts=[("Arrears plus the £75 fee", owed), ("Council holding the order", BOROUGH), ("Pay or call Fordbridge before", by)],
            paras=(f"{BOROUGH} holds a liability order from the magistrates for your council tax arrears and has passed it to us to collect.",
                   f"With our compliance fee of £75.00 you owe {pounds(owed)}. Pay it, or ring us to agree instalments, before {when(by)}.",
                   "Otherwise an enforcement agent may visit, and the enforcement stage fee of £235.00 will be added."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("lightbox", "pillbox")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 510_000, 1_950_000)
    ref, by = f"LLP-{digits(rng, 6)}", later(date, 21)
    letter = Letter(
        org=PLANTHIRE, title="Statutory demand under section 268(1)(a) of the Insolvency Act 1986: debt due now", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, PLANTHIRE.name, ref, owed, date, deadline_date=by),
        ref_label="Plant hire account code", ref=ref, date_label="Plant hire demand signed",
        facts=[("Unpaid hire charges", owed), ("Twenty-one days run out on", by)],
        paras=("Diggers, dumpers and access equipment were hired to you on credit, and our invoices for the hire remain unpaid.",
               f"The creditor requires you to pay {pounds(owed)}, or to secure or compound for it to its satisfaction, by {when(by)}.",
               "If you fail to do so, the creditor may present a bankruptcy petition to the court. You may apply to the court to set aside this demand within 18 days of its service on you. Take advice now."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("appointments", "prescription")
    when, date = _when(rng), dated(rng)
    ref, by = f"8{digits(rng, 7)}", later(date, 7)
    owed = rng.randrange(34_000, 212_000)
    letter = Letter(
        org=TAX, title="Solihull council tax: instalments not received", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, BOROUGH, ref, owed, date, deadline_date=by),
        ref_label="Solihull council tax ref.", ref=ref, date_label="Instalment reminder dated",
        facts=[("Instalments still missing", owed), ("Missing instalments wanted by", by), ("Property band (VOA)", f"Band {rng.choice('ABCDEF')}")],
        paras=("We have not received the council tax instalments due on your account.",
               f"Please pay the missing {pounds(owed)} by {when(by)}. If it is not paid, your right to pay by instalments ends and the rest of the year's charge becomes due at once.",
               "Council Tax Reduction may help if your income is low; the Council Tax Recovery team can tell you how to apply."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("eyechart", "pillbox")
    when, date = _when(rng), dated(rng)
    ref, by = f"WG {digits(rng, 4)} {digits(rng, 4)}", later(date, 14)
    owed = rng.randrange(5_600, 66_000)
    letter = Letter(
        org=GAS, title="Your gas statement for this quarter", date=date, when=when,
        truth=owes(C.UTILITY_BILL, GAS.name, ref, owed, date, deadline_date=by),
        ref_label="Widney account number", ref=ref, date_label="Gas statement dated",
        facts=[("This quarter's gas charges", owed), ("Gas charges to be paid by", by), ("Meter point reference (MPRN)", f"{digits(rng, 10)}")],
        paras=("This statement covers the gas used at your home this quarter, from our meter readings, and the daily standing charge.",
               f"The amount to pay is {pounds(owed)} including VAT at 5%; it is due by {when(by)}.",
               "Finding it hard to pay? Ring Gas Billing before the due date and we will look at a payment plan with you, and at any grants you may be able to get."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("lightbox", "wristbands")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 13_000, 152_000)
    ref, by = f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 4)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Cole Valley Water: unpaid charges on your account", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Cole Valley customer reference", ref=ref, date_label="Arrears notice sent",
        facts=[("Cole Valley charges behind", owed), ("Clear or spread the arrears by", by)],
        paras=("The water and sewerage charges for your home have not been paid, and your account is now behind.",
               f"You are {pounds(owed)} in arrears. Please pay it, or set up instalments with us, by {when(by)}.",
               "The law does not let us disconnect a home's water, but we may pass unpaid accounts to a debt collector. If money is tight, ask about our help scheme for customers on a low income."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("prescription", "appointments")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(6_000, 121_000)
    ref, by = f"{digits(rng, 2)}-{digits(rng, 7)}-{rng.randrange(24, 27)}", later(date, 14)
    letter = Letter(
        org=FINES, title="Final warning: the court fine is still outstanding", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, HMCTS, ref, owed, date, deadline_date=by),
        ref_label="Birmingham fine account", ref=ref, date_label="Warning issued",
        facts=[("Fine balance outstanding", owed), ("Pay the court in full by", by)],
        paras=("The fine, prosecution costs and victim surcharge ordered at Birmingham Magistrates' Court have not been paid as ordered.",
               f"{pounds(owed)} is outstanding. Pay it in full, or contact the Fines Collection Officer, by {when(by)}.",
               "If you do not, the court may order deductions from your earnings or benefits, register the fine, or send enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("pillbox", "eyechart")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 9_500, 270_000)
    ref, old = (
        f"CBP{digits(rng, 8)}",
        f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}",
    )
    letter = Letter(
        org=BUYER, title="Touchwood Fashion Card has transferred your balance to Castle Bromwich", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=STORECARD.name),
        ref_label="New Castle Bromwich reference", ref=ref, date_label="Transfer notice posted",
        facts=[("Sum Castle Bromwich took over", owed), ("Transferred to us by", STORECARD.name), ("Card number you had", old)],
        paras=(f"{STORECARD.name} has assigned your store card account to us by a legal assignment, so you now owe the balance to us.",
               f"The balance transferred is {pounds(owed)}. We will not charge interest on it.",
               "Please pay us from now on, quoting your new reference. If you were paying under an arrangement, it carries on unchanged."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("wristbands", "prescription")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(23_000, 495_000)
    ref, by = (
        f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}",
        later(date, 30),
    )
    letter = Letter(
        org=DEBT, title="Pension Credit you were not entitled to", date=date, when=when,
        truth=owes(C.OVERPAYMENT, DWP, ref, owed, date, deadline_date=by),
        ref_label="NI number for this debt", ref=ref, date_label="Recovery letter date",
        facts=[("Pension Credit to pay back", owed), ("Reply about repaying by", by)],
        paras=("Your savings were higher than you told us, so you received more Pension Credit than you were due.",
               f"You were overpaid {pounds(owed)}. Please repay it, or get in touch with the Debt Management Centre to agree repayments, by {when(by)}.",
               "We may recover the money from other benefits you receive. If you disagree with the decision, you can ask us to look at it again within one month."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("appointments", "lightbox")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 51_000, 810_000), rng.randrange(54_000, 152_000)
    ref = f"SMB{digits(rng, 3)}/{digits(rng, 5)}"
    letter = Letter(
        org=SOCIETY, title="Streetsbrook Mutual: your mortgage is behind", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Streetsbrook mortgage account", ref=ref, date_label="Homeowner Help letter of",
        facts=[("Streetsbrook arrears figure", owed), ("Mortgage instalment each month", monthly)],
        paras=("Your mortgage has fallen behind because monthly payments were missed or did not cover the amount due.",
               f"You are {pounds(owed)} in arrears, and each month's payment under your mortgage is {pounds(monthly)}.",
               "Please ring Homeowner Help so that we can agree a way forward you can afford. Taking possession of a home is the very last thing we would consider, and MoneyHelper offers free guidance."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("eyechart", "lightbox")
    when, date = _when(rng), dated(rng)
    weekly = rng.randrange(9_400, 17_200)
    owed = weekly * rng.randrange(2, 16) + rng.choice((0, 1_500, 3_000))
    ref = f"SWH-{digits(rng, 5)}"
    letter = Letter(
        org=HOMES, title="Rent arrears on your co-operative home", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Member tenancy ref.", ref=ref, date_label="Rent Office letter of",
        facts=[("Rent owing to the co-op", owed), ("Weekly rent with charges", weekly)],
        paras=("Our records show rent owing on your tenancy.",
               f"The rent owing is {pounds(owed)}, and your weekly rent with charges is {pounds(weekly)}. Please speak to the Rent Office about how you will clear it.",
               "If your housing costs from Universal Credit have changed or stopped, let us know at once. We can refer you to a free debt adviser."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("wristbands", "pillbox")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 3_200, 121_000), later(date, 10)
    if i % 4 < 2:
        org, ref, title = (
            PAYLATER,
            f"CP{letters(rng, 2)}{digits(rng, 7)}",
            "Cheswick Pay: we could not take your instalments",
        )
        first = "Two of your Cheswick Pay instalments could not be collected from your debit card."
        date_label, ref_label = "Cheswick Pay notice sent", "Cheswick Pay plan"
    else:
        org, ref, title = (
            CATALOGUE,
            f"MPM{digits(rng, 7)}",
            "Malvern Park: your account has fallen behind",
        )
        first = "Your Malvern Park mail order account has fallen behind, so new orders are on hold until it is brought up to date."
        date_label, ref_label = "Account notice produced", "Malvern Park customer no."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label=ref_label, ref=ref, date_label=date_label,
        facts=[("Instalments gone uncollected", owed), ("Missed sums to reach us by", by)],
        paras=(first,
               f"{pounds(owed)} of payments are missed. Please pay by {when(by)}, so that we do not report the account as in arrears to the credit reference agencies.",
               "If you are struggling financially, let us know and we will hold off collecting for 30 days while you seek free advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("lightbox", "appointments")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 34_000, 690_000), later(date, 30)
    ref = f"SCV/{digits(rng, 5)}"
    letter = Letter(
        org=SOLICITORS, title="Pre-action letter for Sharmans Cross Veterinary Practice", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, VETS.name, ref, owed, date, deadline_date=by),
        ref_label="Practice client account", ref=ref, date_label="Our letter is dated",
        facts=[("Vet's fees unpaid", owed), ("We act on behalf of", VETS.name), ("Reply Form to reach Brueton by", by)],
        paras=(f"We act for {VETS.name}, which treated your animal and whose invoices for that treatment are unpaid.",
               f"Our client is owed {pounds(owed)}. Please pay it, or fill in and return the Reply Form enclosed, by {when(by)}.",
               "We write under the Pre-Action Protocol for Debt Claims. If we do not hear from you, our client may issue a claim at court and seek interest and costs. The information sheet enclosed lists free sources of advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _caterer(rng: random.Random, i: int) -> Doc:
    """An airport caterer's payslip: hours at the rate and an unsocial hours supplement,
    "Pay elements" then "Taken off"; weekly or fortnightly."""
    org, date, when = CATERER, dated(rng), _when(rng)
    date = later(date, (4 - date.weekday()) % 7)  # a Friday
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    weeks = {"weekly": 1, "fortnightly": 2}[frequency]
    hours = rng.choice((36.0, 37.5, 40.0)) * weeks
    rate = rng.choice((1_244, 1_296, 1_338))
    basic = round(hours * rate)
    supplement = rng.randrange(0, 7) * 960 * weeks
    gross = basic + supplement
    cuts = [("Tax under PAYE code 1257L", gross * 10 // 100), ("Employee Class 1 NI", gross * 6 // 100), ("Auto-enrolment pension", gross * 5 // 100), ("Staff car park", 450 * weeks)]  # fmt: skip
    off = sum(a for _, a in cuts)
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Statement of earnings", True, size=style.point + 3), rt(0.92, f"Paid on {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}, catering assistant, airside", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Payroll no. {digits(rng, 6)}   Tax code 1257L   NI category A", size=size),)).gap()  # fmt: skip
    page.add((t(0.08, "Pay elements", True, size=size), rt(0.7, "Hours x rate", True, size=size), rt(0.9, "£", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 100)
    page.add((t(0.1, "Hours worked", size=size), rt(0.7, f"{hours:.2f} x {plain(rate)}", size=size), rt(0.9, plain(basic), size=size)))  # fmt: skip
    page.add(
        (t(0.1, "Unsocial hours supplement", size=size), rt(0.9, plain(supplement), size=size))
    )
    page.add((t(0.08, "Earnings before deductions", True, size=size), rt(0.9, plain(gross), True, size=size))).gap()  # fmt: skip
    page.add((t(0.08, "Taken off", True, size=size), rt(0.9, "£", True, size=size)))
    page.rule(0.08, 0.92, 100)
    for what, amount in cuts:
        page.add((t(0.1, what, size=size), rt(0.9, plain(amount), size=size)))
    page.add((t(0.08, "Taken off in all", True, size=size), rt(0.9, plain(off), True, size=size))).gap()  # fmt: skip
    top = len(page.rows)
    page.add((t(0.5, "Wages to your account", True, size=size), rt(0.9, plain(gross - off), True, size=style.point + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.48, 0.92, True, 230))
    page.gap()
    page.para("Questions about this statement? Ask People Services before your next pay day.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def _nursery(rng: random.Random, i: int) -> Doc:
    """A day nursery's payslip: each line "+" or "-" (a salary and a qualification
    allowance, then the deductions); monthly or four-weekly."""
    org, date, when = NURSERY, dated(rng), _when(rng)
    frequency = ("monthly", "four_weekly")[(i // 2) % 2]
    salary = {"monthly": rng.randrange(188_000, 232_000), "four_weekly": rng.randrange(172_000, 214_000)}[frequency]  # fmt: skip
    allowance = rng.choice((0, 4_500, 9_000, 12_500))
    gross = salary + allowance
    less = [("Tax taken via PAYE", gross * 9 // 100), ("National Insurance (employee)", gross * 6 // 100), ("Pension scheme contribution", gross * 4 // 100)]  # fmt: skip
    off = sum(a for _, a in less)
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[(i + 2) % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Salary slip", True, size=style.point + 3),))
    page.add((t(0.08, f"{first} {surname}, room leader (level 3)", size=size), rt(0.92, f"Payment made {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, FREQUENCY_SHOWN[frequency][0], size=size), rt(0.92, f"Employee ref. {digits(rng, 4)}", size=size))).gap()  # fmt: skip
    page.add((t(0.16, "Item", True, size=size), rt(0.9, "£", True, size=size)))
    page.rule(0.08, 0.92, 70)
    for what, amount in [("Basic salary", salary), ("Qualification allowance", allowance)]:
        page.add((t(0.09, "+", size=size), t(0.16, what, size=size), rt(0.9, plain(amount), size=size)))  # fmt: skip
    for what, amount in less:
        page.add((t(0.09, "-", size=size), t(0.16, what, size=size), rt(0.9, plain(amount), size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 70)
    page.add((t(0.16, "Gross for the period", True, size=size), rt(0.9, plain(gross), True, size=size)))  # fmt: skip
    page.add((t(0.16, "Less in total", True, size=size), rt(0.9, plain(off), True, size=size)))
    page.add((t(0.16, "Transferred to your bank", True, size=size), rt(0.9, plain(gross - off), True, size=style.point + 1.5)))  # fmt: skip
    page.gap()
    page.para("The qualification allowance is paid to staff holding a level 3 early years qualification.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """The airport caterer's statement of earnings (even) or the nursery's salary slip
    (odd)."""
    return _caterer(rng, i) if i % 2 == 0 else _nursery(rng, i)


def _signed(pence: int) -> str:
    return plain(pence) if pence >= 0 else f"-{plain(-pence)}"


def _bank(rng: random.Random, i: int) -> Doc:
    """A bank's current account: date, description, paid out, paid in, balance."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Classic current account", True, size=style.point + 2), rt(0.92, f"Statement to {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Sort code 30-{digits(rng, 2)}-{digits(rng, 2)}   Account {digits(rng, 8)}   Sheet {rng.randrange(8, 140)}", size=size),)).gap()  # fmt: skip
    xs = (0.62, 0.77, 0.92)
    page.add((t(0.08, "Date", True, size=size), t(0.19, "Description", True, size=size), *(rt(x, h, True, size=size) for x, h in zip(xs, ("Paid out", "Paid in", "Balance"), strict=True))))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(2_500, 72_000)
    page.add((t(0.19, "Opening balance", size=size), rt(0.92, _signed(running), size=size)))
    items = [("BICKENHILL AIRSIDE WAGES", rng.randrange(36_000, 74_000)), ("DD SOLIHULL MBC CTAX", -rng.randrange(9_500, 19_000)),
             ("CARD TESCO SHIRLEY", -rng.randrange(1_600, 8_400)), ("DD WIDNEY GAS", -rng.randrange(4_200, 12_800)),
             ("BICKENHILL AIRSIDE WAGES", rng.randrange(36_000, 74_000)), ("ATM TOUCHWOOD", -1_000 * rng.randrange(1, 7)),
             ("NX WEST MIDS BUS", -rng.randrange(450, 2_300))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        cells = [
            t(0.08, f"{later(date, -offset):%d%b}".upper(), size=size),
            t(0.19, what, size=size),
        ]
        cells.append(rt(xs[0] if amount < 0 else xs[1], plain(abs(amount)), size=size))
        cells.append(rt(0.92, _signed(running), size=size))
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.19, "Closing balance", True, size=size), rt(0.92, _signed(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("A balance with a minus sign is overdrawn. Please look through this statement and tell us at once about anything you don't recognise.", size=SMALL)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def _union(rng: random.Random, i: int) -> Doc:
    """A credit union's savings account: each line's amount signed (money out with a
    minus), the savings balance after it."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, UNION, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Members' savings statement", True, size=style.point + 2),))
    page.add((t(0.08, f"Membership no. {digits(rng, 6)}", size=size), rt(0.92, f"Printed {when(date)}", size=size))).gap()  # fmt: skip
    page.add((t(0.08, "On", True, size=size), t(0.22, "What happened", True, size=size), rt(0.72, "Sum", True, size=size), rt(0.92, "Savings", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(9_000, 115_000)
    page.add((t(0.22, "Savings at the start", size=size), rt(0.92, plain(running), size=size)))
    items = [("Saved through payroll", rng.randrange(2_000, 6_500)), ("Withdrawn at the counter", -1_000 * rng.randrange(1, 4)),
             ("Universal Credit in", rng.randrange(32_000, 82_000)), ("To your loan with us", -rng.randrange(4_000, 12_500)),
             ("Saved through payroll", rng.randrange(2_000, 6_500)), ("Standing order, Cole Valley Water", -rng.randrange(2_600, 6_800))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        page.add((t(0.08, f"{later(date, -offset):%d.%m}", size=size), t(0.22, what, size=size), rt(0.72, _signed(amount), size=size), rt(0.92, plain(running), size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    page.add((t(0.22, "Savings at the finish", True, size=size), rt(0.92, plain(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("A minus sign shows money that left your savings. Savings are protected by the FSCS.", size=SMALL)  # fmt: skip
    _foot(page, UNION)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def bank_statement(rng: random.Random, i: int) -> Doc:
    """The bank's current account (even) or the credit union's savings (odd)."""
    return _bank(rng, i) if i % 2 == 0 else _union(rng, i)


def benefit(rng: random.Random, i: int) -> Doc:
    """Universal Credit (even: the appointment cards) or Employment and Support Allowance
    (odd: the eye chart)."""
    kinds = ("appointments", "eyechart")
    when, date = _when(rng), dated(rng)
    ref = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}"
    if i % 2 == 0:
        org, what = UC, "Universal Credit"
        frequency = "monthly"
        paid = rng.randrange(41_000, 139_000)
    else:
        org, what = ESA, "Employment and Support Allowance"
        frequency = "fortnightly"
        paid = 2 * rng.choice((9_055, 13_840, 14_295))
    letter = Letter(
        org=org, title=f"How much {what} you will get", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="NI number on the claim", ref=ref, date_label="Award worked out on",
        facts=[("Paid to you every time", paid), ("How often it reaches you", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"We have worked out your {what}.",
               f"You will be paid {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]} into the account you gave us.",
               "Tell us straight away about any change in your circumstances, such as a new job, someone moving in or out, or a stay in hospital."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the bell ringers' outing (the prescription form) and the canal
    society's litter pick (the pill organiser)."""
    kinds = ("prescription", "pillbox")
    when, date = _when(rng), dated(rng)
    on = later(date, 9 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=RINGERS, title="Ringers' summer outing to three towers", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Band member since", ref=f"{rng.randrange(1990, 2025)}",
            facts=[("Outing day", on), ("Minibus departs from", "The lychgate, 8.30 am"), ("Ringers should carry", "Packed lunch and soft shoes")],
            paras=("Thank you for ringing so well for the harvest festival.",
                   f"The outing is on {when(on)}; we ring at three towers and have tea at the last.",
                   "Learners are very welcome to come along and listen from the ringing chamber."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=CANAL, title="Towpath litter pick and tea", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Your towpath team", ref=rng.choice(("Lock crew", "Hedge team", "Litter pickers", "Boat crew")),
            facts=[("Litter pick date", on), ("Gathering point", "The bridge by the Boat Inn, 10 am")],
            paras=("Many thanks to all who helped clear the reeds by the bridge last month.",
                   f"Our next litter pick is on {when(on)}; grabbers and bags are provided.",
                   "Afterwards there is tea and cake at the Boat Inn; everyone is welcome."),
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
class BBSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 5260


def build_bb(per_class: int = 4, *, seed: int = SEED) -> list[BBSample]:
    """``per_class`` documents of every class, held out, family ``<class>:BB``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, BBSample)


PRINT = Printer(FONTS.font, FONTS.measure)


def page_size(sample: BBSample, dpi: int) -> tuple[int, int]:
    return PRINT.page_size(sample, dpi)


def bb_text(sample: BBSample) -> str:
    """Every page's text, pages apart by form feeds."""
    return PRINT.text(sample)


def bb_pages(sample: BBSample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return PRINT.pages(sample, dpi=dpi)


# -- drawing the page ---------------------------------------------------------------------------


@frozen
class BBScan:
    dpi: int
    skew: float
    """Degrees."""
    iodine: bool = False
    """Iodine splashes from a dressing trolley; colour."""
    tape: bool = False
    """Strips of surgical paper tape; colour."""
    gel: bool = False
    """Dried hand-sanitiser gel; greyscale, as PDF."""


SCANS = (
    BBScan(dpi=250, skew=-0.35, iodine=True),
    BBScan(dpi=210, skew=0.6, tape=True),
    BBScan(dpi=230, skew=-0.2, gel=True),
)

PAPER = (252, 251, 248)
QUALITY = 85


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


def _band(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A wristband: its plastic, a press stud at the left end, adjusting holes at the
    right."""
    y0, y1 = _span(g, m)
    pad = max(3, g.body // 3)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rounded_rectangle((x0, y0 - pad, x1, y1 + pad), radius=(y1 - y0) // 2 + pad, fill=BANDS[m.shade % len(BANDS)], outline=(90, 90, 100), width=max(1, g.line))  # fmt: skip
    cy, r = (y0 + y1) // 2, max(3, (y1 - y0) // 4)
    stud = x0 + g.x(0.045)
    pen.ellipse((stud - r, cy - r, stud + r, cy + r), fill=(235, 235, 240), outline=(90, 90, 100), width=max(1, g.line))  # fmt: skip
    hole = max(2, r // 2)
    for k in range(3):
        hx = g.x(0.84) + k * 3 * hole + g.x(0.01)
        pen.ellipse((hx - hole, cy - hole, hx + hole, cy + hole), fill=(250, 250, 250), outline=(110, 110, 120))  # fmt: skip


def _insert(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=(255, 255, 255), outline=(170, 170, 180))


def _card(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """An appointment card: rounded, a coloured stripe down its left edge, a clock face at
    its top right."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rounded_rectangle((x0, y0, x1, y1), radius=max(6, g.body // 2), fill=(255, 255, 253), outline=(120, 124, 136), width=max(1, g.line))  # fmt: skip
    pen.rectangle((x0 + g.line, y0 + g.body // 3, x0 + g.x(0.018), y1 - g.body // 3), fill=STRIPES[m.shade % len(STRIPES)])  # fmt: skip
    r = max(5, round(g.body * 0.55))
    cx, cy = x1 - g.x(0.025), y0 + r + max(3, g.body // 4)
    pen.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(120, 124, 136), width=max(1, g.line))
    pen.line((cx, cy, cx, cy - r * 3 // 4), fill=(120, 124, 136), width=max(1, g.line))
    pen.line((cx, cy, cx + r // 2, cy), fill=(120, 124, 136), width=max(1, g.line))


def _form(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=FORM_GREEN, outline=FORM_EDGE, width=max(2, g.line * 3))  # fmt: skip


def _box(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=(255, 255, 255), outline=FORM_EDGE, width=max(1, g.line))  # fmt: skip


def _organiser(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pad = max(4, g.body // 2)
    pen.rounded_rectangle((g.x(m.x0), y0 - pad, g.x(m.x1), y1 + pad), radius=max(8, g.body), fill=(232, 234, 238), outline=(110, 112, 120), width=max(1, g.line + 1))  # fmt: skip


def _dose(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A compartment: white inside, its coloured lid folded back at the left, a hinge."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    lid = g.x(m.x0 + 0.07)
    pen.rounded_rectangle((x0, y0, lid, y1), radius=max(4, g.body // 3), fill=LIDS[m.shade % len(LIDS)], outline=(90, 90, 100), width=max(1, g.line))  # fmt: skip
    pen.rounded_rectangle((lid + g.line, y0, x1, y1), radius=max(4, g.body // 3), fill=(255, 255, 255), outline=(110, 112, 120), width=max(1, g.line))  # fmt: skip
    for hy in (y0 + (y1 - y0) // 4, y1 - (y1 - y0) // 4):
        pen.rectangle((lid - 2, hy - 2, lid + 3, hy + 2), fill=(80, 80, 90))


def _lightbox_panel(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pad = max(4, g.body // 2)
    pen.rectangle((g.x(m.x0) - pad, y0 - pad, g.x(m.x1) + pad, y1 + pad), fill=(180, 184, 190))
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=GLOW)


def _xray(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A film: dark, a faint rib cage on it, a clip at its top."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=FILM)
    cx = (x0 + x1) // 2
    for k in range(1, 5):
        y = y0 + (y1 - y0) * k // 5
        pen.arc((x0 + (x1 - x0) // 10, y - g.body, x1 - (x1 - x0) // 10, y + g.body * 2), 200, 340, fill=(92, 98, 106), width=max(1, g.line))  # fmt: skip
    w = max(6, g.body)
    pen.rectangle((cx - w, y0 - w // 2, cx + w, y0 + w // 2), fill=(150, 150, 156), outline=(80, 80, 86))  # fmt: skip


def _sticker(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=(255, 255, 255))


def _chart_board(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=(255, 255, 255), outline=INK, width=max(2, g.line * 2))  # fmt: skip


def _letter(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The chart's big E, drawn as bars."""
    y0, y1 = _span(g, m)
    h = y1 - y0
    cx = (g.x(m.x0) + g.x(m.x1)) // 2
    w = h
    x0 = cx - w // 2
    bar = max(2, h // 5)
    pen.rectangle((x0, y0, x0 + bar, y1), fill=INK)
    for y in (y0, y0 + 2 * bar, y1 - bar):
        pen.rectangle((x0, y, x0 + w, y + bar), fill=INK)


PAINT: dict[str, Callable[[ImageDraw.ImageDraw, _Geo, Mark], None]] = {
    "rule": _rule,
    "band": _band,
    "insert": _insert,
    "card": _card,
    "form": _form,
    "box": _box,
    "organiser": _organiser,
    "dose": _dose,
    "lightbox": _lightbox_panel,
    "xray": _xray,
    "sticker": _sticker,
    "eyechart": _chart_board,
    "letter": _letter,
}
UNDER = ("form", "organiser", "lightbox", "eyechart")
"""Drawn first: what other shapes stand on."""


def _draw(sample: BBSample, n: int, dpi: int) -> Image.Image:
    """Page ``n`` drawn clean: the form, organiser, light box and chart first, then
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


def _free_rows(sample: BBSample, n: int) -> list[int]:
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

IODINE = np.asarray((0.80, 0.46, 0.16), dtype=np.float32)
"""Povidone-iodine's orange-brown, as the share of each channel a full stain lets through."""


def _iodine(image: Image.Image, rng: random.Random, skew: float, dpi: int) -> Image.Image:
    """Colour; iodine splashes from a dressing trolley: two to four translucent
    orange-brown splashes (a blob of overlapping drops, darker at the rim where it dried)
    with droplets flicked round them; a little askew. The stain is worked out at half size
    and blended at full size by Pillow (no per-pixel work in Python)."""
    w, h = image.size
    half = dpi / 2
    mask = Image.new("L", (w // 2, h // 2), 0)
    pen = ImageDraw.Draw(mask)
    for _ in range(rng.randrange(2, 5)):
        cx, cy = rng.uniform(0.08, 0.92) * w / 2, rng.uniform(0.08, 0.92) * h / 2
        r = half * rng.uniform(0.18, 0.4)
        for _ in range(rng.randrange(4, 8)):
            dx, dy, rr = rng.gauss(0, r * 0.35), rng.gauss(0, r * 0.35), r * rng.uniform(0.35, 0.7)
            pen.ellipse((cx + dx - rr, cy + dy - rr, cx + dx + rr, cy + dy + rr), fill=150)
        for _ in range(rng.randrange(8, 20)):
            angle, dist = rng.uniform(0, 6.283), r * rng.uniform(1.1, 2.6)
            rr = half * rng.uniform(0.01, 0.03)
            px, py = cx + dist * np.cos(angle), cy + dist * np.sin(angle)
            pen.ellipse((px - rr, py - rr, px + rr, py + rr), fill=170)
    soft = np.asarray(mask.filter(ImageFilter.GaussianBlur(max(1.0, half / 120))), dtype=np.float32) / 255.0  # fmt: skip
    wide = np.asarray(mask.filter(ImageFilter.GaussianBlur(half / 30)), dtype=np.float32) / 255.0
    alpha = np.clip(soft * 0.55 + np.clip(soft - wide, 0, 1) * 0.9, 0, 0.8)
    full = Image.fromarray((alpha * 255).astype(np.uint8)).resize((w, h), Image.Resampling.BILINEAR)  # fmt: skip
    tint = Image.new("RGB", (w, h), tuple(round(c * 255) for c in IODINE))
    out = Image.composite(ImageChops.multiply(image, tint), image, full)
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(244, 243, 238))  # fmt: skip


def _strip(image: Image.Image, rng: random.Random, box: tuple[int, int, int, int]) -> None:
    """A strip of surgical paper tape over ``box`` (x0, y0, x1, y1), in place: off-white,
    half opaque, its fibres a little uneven, its long edges a shade darker (only the strip
    is worked on, not the page)."""
    w, h = image.size
    x0, y0, x1, y1 = max(0, box[0]), max(0, box[1]), min(w, box[2]), min(h, box[3])
    if x1 - x0 < 4 or y1 - y0 < 4:
        return
    region = np.asarray(image.crop((x0, y0, x1, y1)), dtype=np.float32)
    gen = np.random.default_rng(rng.randrange(1 << 30))
    alpha = 0.5 + 0.12 * gen.random((y1 - y0, x1 - x0), dtype=np.float32)
    alpha[:2, :] = alpha[-2:, :] = 0.8
    tape = np.asarray((236, 234, 226), dtype=np.float32)
    region = region * (1.0 - alpha[:, :, None]) + alpha[:, :, None] * tape[None, None, :]
    region[:1, :] *= 0.8
    region[-1:, :] *= 0.8
    image.paste(Image.fromarray(np.clip(region, 0, 255).astype(np.uint8)), (x0, y0))


def _tape(image: Image.Image, sample: BBSample, n: int, dpi: int, rng: random.Random, skew: float) -> Image.Image:  # fmt: skip
    """Colour; strips of surgical paper tape: across the top edge, down a side margin and
    over a line that holds no true value; a little askew."""
    w, h = image.size
    left = round(w * rng.uniform(0.15, 0.55))
    _strip(image, rng, (left, 0, left + round(w * 0.3), round(h * 0.03)))
    side = rng.choice((2, w - round(w * 0.06)))
    _strip(image, rng, (side, round(h * rng.uniform(0.2, 0.5)), side + round(w * 0.055), round(h * rng.uniform(0.6, 0.9))))  # fmt: skip
    tops, heights = PRINT.rows(sample, n, dpi)
    free = [k for k in _free_rows(sample, n) if k + 1 < len(tops)]
    if free:
        row = rng.choice(free)
        x0 = round(w * rng.uniform(0.1, 0.4))
        _strip(image, rng, (x0, tops[row] - dpi // 16, x0 + round(w * 0.35), tops[row] + heights[row]))  # fmt: skip
    return image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(250, 249, 245))  # fmt: skip


def _gel(image: Image.Image, rng: random.Random, skew: float, dpi: int) -> Image.Image:
    """Greyscale; dried hand-sanitiser gel: two to four patches where the paper cockled
    (a faint ripple of shading) and the ink ran a little (softened), a sheen across each; a
    little askew."""
    grey = image.convert("L")
    arr = np.asarray(grey, dtype=np.float32).copy()
    ran = np.asarray(grey.filter(ImageFilter.GaussianBlur(max(0.6, dpi / 260))), dtype=np.float32)  # fmt: skip
    h, w = arr.shape
    for _ in range(rng.randrange(2, 5)):
        r = dpi * rng.uniform(0.35, 0.75)
        cx, cy = rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.9) * h
        x0, x1 = max(0, int(cx - 1.3 * r)), min(w, int(cx + 1.3 * r))
        y0, y1 = max(0, int(cy - r)), min(h, int(cy + r))
        if x1 - x0 < 4 or y1 - y0 < 4:
            continue
        ys, xs = np.mgrid[y0:y1, x0:x1].astype(np.float32)
        d = np.hypot((xs - cx) / 1.3, ys - cy) / r
        inside = np.clip((1.0 - d) * 5, 0, 1)
        ripple = np.sin((xs + ys * 0.4) / (dpi * 0.12) + rng.uniform(0, 6.3)) * 0.025
        sheen = np.exp(-((((xs - cx) - (ys - cy) * 0.6) / (r * 0.3)) ** 2)) * 12
        patch = ran[y0:y1, x0:x1] * (1.0 - 0.04 + ripple) + sheen
        arr[y0:y1, x0:x1] = arr[y0:y1, x0:x1] * (1 - inside) + patch * inside
    arr += np.random.default_rng(rng.randrange(1 << 30)).normal(0.0, 1.5, arr.shape).astype(np.float32)  # fmt: skip
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=247)


def render(sample: BBSample, n: int, scan: BBScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.iodine:
        return _iodine(image, rng, scan.skew, scan.dpi)
    if scan.tape:
        return _tape(image, sample, n, scan.dpi, rng, scan.skew)
    return _gel(image, rng, scan.skew, scan.dpi)


def bb_scanned(sample: BBSample, index: int) -> tuple[bytes, str, BBScan]:
    """Scanned one of three ways: the iodine-splashed page as colour JPEG with its
    resolution (quality ``QUALITY``), the taped page as colour PNG (its resolution at even
    indexes), the gel-marked page as a one-page greyscale PDF (230 dpi); documents of more
    pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 83 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or scan.gel:
        return encode_pages([im.convert("L") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.iodine:
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
    "BBSample",
    "BBScan",
    "bb_pages",
    "bb_scanned",
    "bb_text",
    "build_bb",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
