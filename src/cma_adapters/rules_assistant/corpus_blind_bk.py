# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``BK``, written blind: a new hand's measure of how the reader
generalises to letters it has never seen (issue 14).

``BK`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``values_found``, ``money``, ``encode_pages``), the shared page
engine (``corpus_print``), ``corpus_families``, the shared test helpers, family BG's module
and tests (as a template for structure) and the commits that registered and measured BG;
and, by grep only, the read families' modules for place names, bodies, setting words, scan
words, label wordings and date and money shapes, to avoid them -- **not** the reader's
rules (``assistant.py``, ``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``,
``prose.py``, ``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``statement_tables.py``, ``label_learning.py``, ``read_families.py``,
the rankers, the Tesseract extractor, the locator, the creditor directory), its reading
tests, nor any account of its misses, nor the other blind families' modules. It is never
used to write rules, to train or calibrate the classifier or the field ranker
(``build_corpus`` never yields it), nor to choose models: it is measured, and only the
aggregate figures go into benchmarks/OCR.md. Whoever reads its individual misses to change
the reader makes ``BK`` no longer blind and must say so there.

Grep found Bracknell and every district and street named below in no read family, so
``BK`` is set in Bracknell (Berkshire; Bracknell Forest Council) under the law of England
and Wales: a claim issued by the Civil National Business Centre, a judgment of the County
Court at Reading, enforcement agents' notices (a writ of control and a council tax
liability order), Bracknell Forest Council's council tax, a fine under the Single Justice
Procedure, a statutory demand under the Insolvency Rules 2016 and a letter before claim
under the Pre-Action Protocol for Debt Claims; so:

* who writes: a Skimped Hill collections firm for a Ranelagh card firm, and a Jealott's
  Hill van finance firm's arrears letter (a bakery's delivery van); a claim for a Martins
  Heron loan and a judgment for a Wildridings broadband contract; Bullbrook enforcement
  agents (a writ of control, or council tax after a liability order); a Hanworth deck-oven
  hire firm's statutory demand; the council's council tax; a gas supplier and a water
  company; a fine; a debt purchaser buying a Princess Square fashion store card; a
  Carer's Allowance overpayment (the DWP); a building society; a housing association; a
  pay-in-three app and a home shopping catalogue; solicitors for a driving school;
  Personal Independence Payment and Pension Credit (the DWP); the bakery and a software
  house as employers; a bank's current account and an app's e-money account; the market's
  stallholders' group and a handbell ensemble;
* six ways of setting a letter, all from a bakery and its market stall, each class in two
  of them (``i`` even / odd):
  - **canopy**: the market stall's striped canopy with a scalloped valance, the facts
    under it on the counter board, the label small at the left and the value bold beside
    it;
  - **tickets**: price tickets on spikes, three a row, each a white card with a fold near
    its top and the spike under it, the label small over the value, centred;
  - **bags**: paper bread bags, two a row, kraft brown with a zigzag top, the label small
    over the value;
  - **rack**: a wire cooling rack, its frame round the facts and a wire between each, the
    label small at the left and the value bold beside it;
  - **doilies**: paper doilies, two a row, each an oval with a lacy scalloped rim, the
    label small over the value, centred;
  - **aboard**: the stall's sandwich board on its legs, a wooden frame round a cream face,
    a heading, each fact the label small over the value and a ruled line under it;
  payslips for the bakery (hours in the bakehouse at the rate, a pre-dawn premium and the
  Saturday stall, weekly or fortnightly, "Earnings" over "Taken off") or a software house
  (a salary and an on-call allowance, monthly or four-weekly, each line with the year's
  running total beside it); bank statements from a bank's current account (paid out, paid
  in and balance columns, the balance marked OD when overdrawn) or an app's e-money account
  (each line's amount signed, the balance after it);
* faces: Carlito under Liberation Serif Bold headings, Liberation Sans Narrow under
  Caladea Bold headings, DejaVu Serif under Open Sans Bold headings, 9.5 to 11 pt; each
  italic the body's own;
* dates as "7-12-26" (day and month unpadded, hyphens, the year cut to two figures) and
  "Monday, 7th December 2026" (the weekday in full and a comma, an ordinal day, the month
  in full); amounts in the labelled facts as "£1,234.56 sterling", in prose as
  "£1,234.56", and in payslips' and statements' tables as "1 234.56" (a space between the
  thousands, no sign);
  some letters run to two pages, their last fact, the rest of the letter and the
  signature on page 2;
* scans new to the families: raspberry jam smeared on the page (two or three translucent
  red streaks with a few darker seeds; 220 dpi colour JPEG with its resolution); crumbs
  and sesame seeds scattered over it (small grey crumbs and pale seeds with a dark rim,
  in the margins and on lines that hold no true value; 200 dpi greyscale PNG, its
  resolution at even indexes); a sheet of baking parchment laid over part of the page
  (the covered band paler and a little soft, its edge and a crease or two showing; 180
  dpi greyscale, as a one-page PDF).

What grep found taken, and avoided (checked before any measuring): AY's flour from the
baking board (so no flour, no icing sugar); AW's grease spots (so no butter); AQ's gingham
cloth; AU's shelves; AT's recipe card; the "till roll" of several families; "Bell Ringers"
(so a handbell ensemble), "Market Traders" (so stallholders), "Bakehouse" (AB's, but only
as a word in a name: here a payslip line), "Lexicon" and "Wick Hill" (so neither names a
firm here). Not all of the above is new: "£1,234.56" in prose is many families'; the
courts, the DWP's benefits and the enforcement words are the law's and the state's; the
fonts are the families' fonts (in pairings not checked exhaustively against theirs); the
date and money shapes were checked by grep for their format strings only.

Ground truth follows L's to BG's conventions: ``creditor_name`` is whoever is owed now (the
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

FAMILY = "BK"

PEOPLE = (
    ("Ms", "Ngozi", "Adebayo-Thorne"),
    ("Mr", "Dariusz", "Wojcikowski"),
    ("Mrs", "Harpreet", "Dhillon-Marsh"),
    ("Mr", "Lachlan", "Pennyfeather"),
)
ADDRESSES = (
    ("14 Ringmead", "Great Hollands, Bracknell", "RG12 8FH"),
    ("Flat 7, 2 Jennetts Park Avenue", "Bracknell", "RG12 8EB"),
    ("31 Whitegrove Close", "Warfield, Bracknell", "RG42 3QS"),
    ("Flat 2, 58 Wildmoor Lane", "Owlsmoor, Sandhurst", "GU47 0RB"),
)

# -- date and money shapes -------------------------------------------------------------------


def hyphened(date: dt.date) -> str:
    """7-12-26: day and month unpadded, hyphens, the year cut to two figures."""
    return f"{date.day}-{date.month}-{date.year % 100:02d}"


def _nth(day: int) -> str:
    if 10 < day % 100 < 14:
        return f"{day}th"
    return f"{day}{({1: 'st', 2: 'nd', 3: 'rd'}).get(day % 10, 'th')}"


def weekday_ordinal(date: dt.date) -> str:
    """Monday, 7th December 2026: the weekday in full and a comma, an ordinal day."""
    return f"{date:%A}, {_nth(date.day)} {date:%B} {date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (hyphened, weekday_ordinal)
"""The shapes a document's dates take (one a document)."""
ALL_SHAPES = DATE_SHAPES


def pounds(pence: int) -> str:
    """£1,234.56 (in prose)."""
    return money(pence)


def sterling(pence: int) -> str:
    """£1,234.56 sterling (the labelled facts)."""
    return f"{money(pence)} sterling"


def spaced(pence: int) -> str:
    """1 234.56: a space between the thousands, no sign (the payslips' and statements'
    tables)."""
    return f"{pence // 100:,}".replace(",", " ") + f".{pence % 100:02d}"


FREQUENCY_SHOWN = {
    "weekly": ("Paid each week, on Mondays", "each week"),
    "fortnightly": ("Paid every other Friday", "every other week"),
    "four_weekly": ("Paid at four-weekly intervals", "once every four weeks"),
    "monthly": ("Paid on the last working day of each month", "once a month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways BK prints a true value (to check it is on the page, or in an OCR text)."""
    if isinstance(value, dt.date):
        return tuple(shape(value) for shape in ALL_SHAPES)
    if isinstance(value, int):
        return (money(value), money(value)[1:], spaced(value))
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
        (True, False): _LB + "LiberationSerif-Bold.ttf",
        (False, True): _CX + "Carlito-Italic.ttf",
        (True, True): _LB + "LiberationSerif-BoldItalic.ttf",
    },
    "narrow": {
        (False, False): _LB + "LiberationSansNarrow-Regular.ttf",
        (True, False): _CX + "Caladea-Bold.ttf",
        (False, True): _LB + "LiberationSansNarrow-Italic.ttf",
        (True, True): _CX + "Caladea-BoldItalic.ttf",
    },
    "djserif": {
        (False, False): _DV + "DejaVuSerif.ttf",
        (True, False): _OS + "OpenSans-Bold.ttf",
        (False, True): _DV + "DejaVuSerif-Italic.ttf",
        (True, True): _OS + "OpenSans-BoldItalic.ttf",
    },
}
"""Each body face under headings of another family: Carlito under Liberation Serif Bold,
Liberation Sans Narrow under Caladea Bold, DejaVu Serif under Open Sans Bold; each italic
the body's own."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)

INK = (24, 20, 18)
KRAFT = ((214, 184, 142), (206, 174, 130))
"""The bread bags' brown paper (two shades, alternating)."""
STRIPES = ((46, 110, 62), (246, 244, 236))
"""The canopy's green and cream stripes."""
CREAM = (252, 246, 226)
WOOD = (150, 102, 58)
COUNTER = (238, 226, 204)
WIRE = (120, 122, 128)


@frozen
class Style:
    face: str = "carlito"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("carlito", 10.5), Style("narrow", 11.0), Style("djserif", 9.5))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind``: "rule" (across above row ``row`` from ``x0`` to ``x1``, ``shade`` its grey),
    "canopy" (the striped canopy and its valance over rows ``row``..``last``), "counter"
    (the counter board under it, rows ``row``..``last``), "ticket" (a price ticket from
    ``x0`` to ``x1`` over rows ``row``..``last``, its spike under it), "bag" (a bread bag,
    ``shade`` its brown), "rack" (the cooling rack's frame over rows ``row``..``last``),
    "wire" (one wire across above row ``row``), "doily" (a paper doily), "board" (the
    sandwich board's frame and face over rows ``row``..``last``, its legs under it) and
    "chalkline" (the ruled line under a fact on it)."""

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
    return day + dt.timedelta(days=7 - day.weekday() if day.weekday() >= 5 else 0)


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
    as raw values (the first money fact the one the letter is about); ``paras`` the prose;
    ``overleaf``: the letter runs to two pages, its last fact on page 2."""

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
    overleaf: bool = False


def shown(letter: Letter, value: object, amount: Callable[[int], str] = sterling) -> str:
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
    """The letter's date, its reference and its facts as (label, shown value); on a
    two-page letter all but the last fact (page 2 holds it)."""
    facts = letter.facts[:-1] if letter.overleaf else letter.facts
    rows = [(letter.date_label, letter.when(letter.date)), (letter.ref_label, letter.ref)]
    return rows + [(label, shown(letter, value)) for label, value in facts]


def _foot(page: Sheet, org: Org, note: str = "") -> None:
    page.foot = len(page.rows)
    if note:
        page.add((ct(0.5, note, True, size=SMALL),))
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    for row in page.wrapped(text, 0.12, 0.88, size=SMALL - 1):
        page.add((ct(0.5, row[0].text, size=SMALL - 1),))


def _head(page: Sheet, org: Org, style: Style) -> None:
    """A thin rule, the name centred in the heading face, the address and telephone
    centred small under it on one line, a thin rule under all."""
    page.rule(0.2, 0.8, 90)
    page.add(*_bold(page, org.name, 0.12, 0.88, style.point + 3, "centre"))
    page.add((ct(0.5, f"{org.street} \u00b7 {org.town} \u00b7 Tel. {org.phone}", size=SMALL),))
    page.rule(0.2, 0.8, 90)
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


def _fit(page: Sheet, text: str, x: float, right: float, size: float) -> list[tuple[Cell, ...]]:
    """``text`` bold and centred between ``x`` and ``right``, a little smaller (to 7.5 pt)
    where that keeps it on one line, else wrapped."""
    while size > SMALL and x + FONTS.length(page.style, text, size, True) > right:
        size -= 0.5
    return _bold(page, text, x, right, size, "centre")


def _small(page: Sheet, text: str, x: float, right: float, centre: bool = False) -> list[tuple[Cell, ...]]:  # fmt: skip
    rows = page.wrapped(text, x, right, size=SMALL)
    if centre:
        return [(ct((x + right) / 2, r[0].text, size=SMALL),) for r in rows]
    return list(rows)


def _opening(page: Sheet, rng: random.Random, letter: Letter) -> None:
    """The address, the title and the greeting."""
    (title, _, surname), lines = person(rng)
    page.add(*((t(0.1, line),) for line in lines)).gap()
    page.add(*_bold(page, letter.title, 0.1, 0.9, page.style.point + 1.5)).gap()
    page.add((t(0.1, f"Dear {title} {surname}"),)).gap()


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.1, right: float = 0.9) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _sign(page: Sheet, org: Org, x: float = 0.1) -> None:
    page.add((t(x, "With thanks,"),)).gap()
    page.add((t(x, org.team, True),))


def _start(rng: random.Random, style: Style, letter: Letter) -> Sheet:
    page = Sheet(style)
    _head(page, letter.org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    return page


def _finish(page: Sheet, letter: Letter, style: Style) -> list[Sheet]:
    """The rest of the letter; on a two-page letter page 1 ends here and page 2 holds the
    last fact (its label small beside its value, in a shaded band), the rest of the prose
    and the signature."""
    if not letter.overleaf:
        _prose(page, letter.paras[1:])
        _sign(page, letter.org)
        _foot(page, letter.org)
        return [page]
    _foot(page, letter.org, "The letter goes on overleaf")
    second = Sheet(style)
    second.add((t(0.1, f"{letter.ref_label} {letter.ref}", size=SMALL), rt(0.9, "Sheet two of two", size=SMALL)))  # fmt: skip
    second.add((t(0.1, letter.org.name, True, size=SMALL + 1),))
    second.rule(0.1, 0.9, 120)
    second.gap()
    label, value = letter.facts[-1]
    top = len(second.rows)
    second.beside(_small(second, label, 0.12, 0.44), _bold(second, shown(letter, value), 0.47, 0.88, second.style.point + 0.5))  # fmt: skip
    second.rects.append(Rect(top, len(second.rows) - 1, 0.1, 0.9, False, 232))
    second.gap()
    _prose(second, letter.paras[1:])
    _sign(second, letter.org)
    _foot(second, letter.org)
    return [page, second]


# -- the six settings ---------------------------------------------------------------------------


def _canopy(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The market stall's striped canopy with a scalloped valance, the facts under it on
    the counter board, the label small at the left and the value bold beside it."""
    page = _start(rng, style, letter)
    page.rules.append(Mark("canopy", len(page.rows), 0.1, 0.9, last=len(page.rows) + 1))
    page.gap(3)
    counter = len(page.rows)
    for label, value in _rows(letter):
        page.beside(_small(page, label, 0.15, 0.42), _bold(page, value, 0.45, 0.86, style.point + 0.5))  # fmt: skip
    page.rules.insert(0, Mark("counter", counter, 0.12, 0.88, last=len(page.rows) - 1))
    page.gap(2)
    return _finish(page, letter, style)


TICKETS = ((0.07, 0.34), (0.365, 0.635), (0.66, 0.93))


def _tickets(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Price tickets on spikes, three a row: each a white card with a fold near its top
    and the spike under it, the label small over the value, centred."""
    page = _start(rng, style, letter)
    pairs = _rows(letter)
    while pairs:
        group, pairs = pairs[:3], pairs[3:]
        top = len(page.rows)
        columns = [[(), *_small(page, label, x0 + 0.02, x1 - 0.02, centre=True), *_fit(page, value, x0 + 0.015, x1 - 0.015, SMALL + 2), ()] for (label, value), (x0, x1) in zip(group, TICKETS, strict=False)]  # fmt: skip
        page.beside(*columns)
        for x0, x1 in TICKETS[: len(group)]:
            page.rules.append(Mark("ticket", top, x0, x1, last=len(page.rows) - 1))
        page.gap(2)
    return _finish(page, letter, style)


BAGS = ((0.1, 0.46), (0.54, 0.9))


def _bags(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Paper bread bags, two a row: kraft brown with a zigzag top, the label small over
    the value."""
    page = _start(rng, style, letter)
    pairs = _rows(letter)
    k = 0
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        columns = [[(), (), *_small(page, label, x0 + 0.04, x1 - 0.04), *_bold(page, value, x0 + 0.04, x1 - 0.04, style.point + 0.5), ()] for (label, value), (x0, x1) in zip(group, BAGS, strict=False)]  # fmt: skip
        page.beside(*columns)
        for x0, x1 in BAGS[: len(group)]:
            page.rules.append(Mark("bag", top, x0, x1, last=len(page.rows) - 1, shade=k % len(KRAFT)))  # fmt: skip
            k += 1
        page.gap()
    return _finish(page, letter, style)


def _rack(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A wire cooling rack: its frame round the facts and a wire between each, the label
    small at the left and the value bold beside it."""
    page = _start(rng, style, letter)
    frame = len(page.rows)
    page.gap()
    for k, (label, value) in enumerate(_rows(letter)):
        if k:
            page.rules.append(Mark("wire", len(page.rows), 0.14, 0.86))
        page.beside(_small(page, label, 0.17, 0.43), _bold(page, value, 0.46, 0.84, style.point + 0.5))  # fmt: skip
        page.gap()
    page.rules.insert(0, Mark("rack", frame, 0.13, 0.87, last=len(page.rows) - 1))
    page.gap()
    return _finish(page, letter, style)


DOILIES = ((0.08, 0.48), (0.52, 0.92))


def _doilies(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Paper doilies, two a row: each an oval with a lacy scalloped rim, the label small
    over the value, centred."""
    page = _start(rng, style, letter)
    pairs = _rows(letter)
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        columns = [[(), *_small(page, label, x0 + 0.07, x1 - 0.07, centre=True), *_fit(page, value, x0 + 0.05, x1 - 0.05, style.point + 0.5), ()] for (label, value), (x0, x1) in zip(group, DOILIES, strict=False)]  # fmt: skip
        page.beside(*columns)
        for x0, x1 in DOILIES[: len(group)]:
            page.rules.append(Mark("doily", top, x0, x1, last=len(page.rows) - 1))
        page.gap(2)
    return _finish(page, letter, style)


def _aboard(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The stall's sandwich board on its legs: a wooden frame round a cream face, a
    heading, each fact the label small over the value and a ruled line under it."""
    page = _start(rng, style, letter)
    board = len(page.rows)
    page.gap()
    page.add((ct(0.5, "From the stall", True, size=style.point + 1),))
    page.gap()
    for label, value in _rows(letter):
        page.add(*_small(page, label, 0.22, 0.78))
        page.add(*_bold(page, value, 0.22, 0.78, style.point + 1))
        page.rules.append(Mark("chalkline", len(page.rows), 0.2, 0.8))
        page.gap()
    page.rules.insert(0, Mark("board", board, 0.16, 0.84, last=len(page.rows) - 1))
    page.gap(3)
    return _finish(page, letter, style)


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "canopy": _canopy,
    "tickets": _tickets,
    "bags": _bags,
    "rack": _rack,
    "doilies": _doilies,
    "aboard": _aboard,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    kind = kinds[i % 2]
    style = STYLES[(i + len(letter.title)) % len(STYLES)]
    sheets = KINDS[kind](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    """One shape a document."""
    return rng.choice(DATE_SHAPES)


# -- organisations (none named by a read family but the state's and the courts') -------------


def _ltd(name: str, number: str, office: str, extra: str = "") -> str:
    return f"{name}, a company registered in England and Wales, no. {number}. Registered office: {office}.{extra}"  # fmt: skip


FCA = " Authorised and regulated by the Financial Conduct Authority."
AGENCY = Org("Skimped Hill Collections Ltd", "3 Skimped Hill Lane", "Bracknell RG12 1LH", "01344 302 815",
             _ltd("Skimped Hill Collections Ltd", "12840613", "Skimped Hill Lane, Bracknell RG12 1LH", FCA), "Recoveries Desk")  # fmt: skip
CARD = Org("Ranelagh Card Services Ltd", "PO Box 7342", "Bracknell RG12 9XT", "0345 611 4028",
           _ltd("Ranelagh Card Services Ltd", "10936627", "Crowthorne Road, Bracknell RG12 7DA", FCA))  # fmt: skip
VANS = Org("Jealott's Hill Van Finance Ltd", "Maidenhead Road", "Warfield RG42 6EY", "01344 887 209",
           _ltd("Jealott's Hill Van Finance Ltd", "08764310", "Maidenhead Road, Warfield RG42 6EY", FCA), "Commercial Vehicle Accounts")  # fmt: skip
LENDER = Org("Martins Heron Loans Ltd", "PO Box 2274", "Bracknell RG12 0WD", "0333 017 4452",
             _ltd("Martins Heron Loans Ltd", "11629504", "London Road, Bracknell RG12 9NX", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court Business Centre", "St Katharine's House", "Northampton NN1 2LH", "0300 123 1057",
                  "Issued on behalf of the County Court by the Civil National Business Centre. Court staff cannot give you legal advice.", "Court Manager")  # fmt: skip
READING_COURT = "County Court at Reading"
JUDGMENT_COURT = Org(READING_COURT, "Reading Hearing Centre", "Reading RG1 1HE", "0300 123 5577",
                     "The County Court at Reading. Always give the claim number when you write.", "Court Manager")  # fmt: skip
BROADBAND = Org("Wildridings Fibre Ltd", "Billing, Wildridings Road", "Bracknell RG12 7DP", "01344 456 338",
                _ltd("Wildridings Fibre Ltd", "13317045", "Wildridings Road, Bracknell RG12 7DP"))  # fmt: skip
AGENTS = Org("Bullbrook Enforcement Agents Ltd", "Agents' Office, London Road", "Bracknell RG12 2SX", "01344 745 190",
             _ltd("Bullbrook Enforcement Agents Ltd", "09527716", "London Road, Bullbrook, Bracknell RG12 2SX", " Our agents hold certificates under the Certification of Enforcement Agents Regulations 2014."), "Agents' Office")  # fmt: skip
COUNCIL = "Bracknell Forest Council"
TAX = Org(COUNCIL, "Council Tax, Time Square", "Bracknell RG12 1JD", "01344 352 020",
          "Bracknell Forest Council, Time Square, Market Street, Bracknell. Council tax pays for bins, libraries and the borough's parks.", "Council Tax Team")  # fmt: skip
OVENS = Org("Hanworth Deck Oven Hire Ltd", "Unit 12, Downmill Road", "Bracknell RG12 1QS", "01344 483 677",
            _ltd("Hanworth Deck Oven Hire Ltd", "06185592", "Downmill Road, Bracknell RG12 1QS"), "Accounts Receivable")  # fmt: skip
GAS = Org("Crown Wood Gas and Power Ltd", "PO Box 6615", "Bracknell RG12 9ZR", "0800 056 3381",
          _ltd("Crown Wood Gas and Power Ltd", "12205839", "Opladen Way, Bracknell RG12 0PH"), "Home Energy Accounts")  # fmt: skip
WATER = Org("Swinley Forest Water plc", "Customer Billing, Nine Mile Ride", "Crowthorne RG45 7HS", "0345 601 7726",
            _ltd("Swinley Forest Water plc", "02918846", "Nine Mile Ride, Crowthorne RG45 7HS"), "Customer Billing")  # fmt: skip
HMCTS = "HM Courts and Tribunals Service"
FINES = Org(HMCTS, "Single Justice Procedure Centre", "PO Box 12217, Birmingham B16 6JQ", "0300 790 9975",
            "Fines under the Single Justice Procedure are collected by HM Courts and Tribunals Service.", "Fines Officer")  # fmt: skip
STORECARD = Org("Princess Square Fashion Card Ltd", "Princess Square", "Bracknell RG12 1LS", "0345 602 9930",
                _ltd("Princess Square Fashion Card Ltd", "07493318", "Princess Square, Bracknell RG12 1LS", FCA))  # fmt: skip
BUYER = Org("Popeswood Debt Purchasing Ltd", "PO Box 8841", "Binfield RG42 9EE", "0333 212 5084",
            _ltd("Popeswood Debt Purchasing Ltd", "11370255", "Popeswood Road, Binfield RG42 4AE", FCA), "Purchased Debt Team")  # fmt: skip
DWP = "Department for Work and Pensions"
DEBT = Org(DWP, "Debt Management, Mail Handling Site A", "Wolverhampton WV98 2DB", "0800 916 0658",
           "DWP Debt Management recovers money owed to the Department for Work and Pensions.", "Debt Management")  # fmt: skip
SOCIETY = Org("Harmans Water Building Society", "Arrears Support, 9 Harmans Water Road", "Bracknell RG12 9PS", "01344 421 760",
              "Harmans Water Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 204417).", "Arrears Support")  # fmt: skip
HOMES = Org("Great Hollands Housing Association", "Rent Accounts, Wordsworth Avenue", "Bracknell RG12 8QJ", "01344 362 455",
            "Great Hollands Housing Association is a registered provider of social housing (no. L5521) and a charitable community benefit society.", "Rent Accounts")  # fmt: skip
PAYIN3 = Org("Ringmead Pay Ltd", "help@ringmeadpay.example", "Bracknell RG12 8EW", "01344 206 117",
             _ltd("Ringmead Pay Ltd", "14188206", "Ringmead, Bracknell RG12 8EW", FCA), "Ringmead Pay Support")  # fmt: skip
CATALOGUE = Org("Lily Hill Home Shopping Ltd", "Account Services", "Bracknell RG12 2SJ", "0345 276 6610",
                _ltd("Lily Hill Home Shopping Ltd", "05338190", "Lily Hill Road, Bracknell RG12 2SJ", FCA))  # fmt: skip
SCHOOL = Org("Birch Hill Driving School Ltd", "7 Birch Hill Road", "Bracknell RG12 7WL", "01344 423 981",
             _ltd("Birch Hill Driving School Ltd", "09917462", "Birch Hill Road, Bracknell RG12 7WL"))  # fmt: skip
SOLICITORS = Org("Easthampstead Quelm LLP", "Solicitors, 21 Church Road", "Bracknell RG12 7EJ", "01344 550 362",
                 "Easthampstead Quelm LLP is authorised and regulated by the Solicitors Regulation Authority (SRA no. 634418).", "Debt Recovery Department")  # fmt: skip
BAKERY = Org("Chavey Down Bread Company Ltd", "Payroll, Chavey Down Road", "Winkfield Row RG42 7PE", "01344 883 514",
             _ltd("Chavey Down Bread Company Ltd", "10472258", "Chavey Down Road, Winkfield Row RG42 7PE"), "Payroll")  # fmt: skip
SOFTWARE = Org("Amen Corner Software Ltd", "People Team, Amen Corner Business Park", "Binfield RG42 4XZ", "01344 890 446",
               _ltd("Amen Corner Software Ltd", "08836117", "Amen Corner Business Park, Binfield RG42 4XZ"), "People Team")  # fmt: skip
BANK = Org("Warfield Bank plc", "Bracknell branch, 4 High Street", "Bracknell RG12 1AA", "0345 306 2241",
           _ltd("Warfield Bank plc", "00529716", "High Street, Bracknell RG12 1AA", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Warfield Bank")  # fmt: skip
EMONEY = Org("Nine Mile Money Ltd", "in-app chat", "Bracknell RG12 9NM", "0330 088 4417",
             _ltd("Nine Mile Money Ltd", "13660384", "Market Street, Bracknell RG12 1JG", " An electronic money institution authorised by the FCA; e-money is safeguarded, not covered by the FSCS."), "Nine Mile Money")  # fmt: skip
PIP = Org(DWP, "Personal Independence Payment, PO Box 1102", "Blackpool FY1 9HT", "0800 121 4433",
          "Personal Independence Payment is paid by the Department for Work and Pensions.", "PIP Enquiry Team")  # fmt: skip
PENSION = Org(DWP, "The Pension Service, Post Handling Site B", "Wolverhampton WV99 1AJ", "0800 731 0469",
              "Pension Credit is paid by the Pension Service, part of the Department for Work and Pensions.", "Pension Credit team")  # fmt: skip
STALLS = Org("Bracknell Charter Market Stallholders' Group", "c/o 5 Crossway", "Bracknell RG12 1DE", "07700 900 652",
             "Stallholders who trade at the Thursday and Saturday market in Bracknell town centre.", "Pitch Secretary")  # fmt: skip
HANDBELLS = Org("Binfield Handbell Ensemble", "c/o All Saints' Hall, Forest Road", "Binfield RG42 5JG", "07700 900 733",
                "A friendly handbell group; we practise on Wednesday evenings and play at local care homes.", "Ensemble Secretary")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """The collections firm's letter for a card firm (even: the canopy) or the van finance
    firm's arrears letter (odd: the bread bags)."""
    kinds = ("canopy", "bags")
    when, date = _when(rng), dated(rng)
    by = later(date, 14)
    if i % 2 == 0:
        owed = balance(rng)
        ref = f"SHC{digits(rng, 3)}-{letters(rng, 3)}"
        letter = Letter(
            org=AGENCY, title="Ranelagh Card Services has placed your card account with Skimped Hill", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
            ref_label="Skimped Hill file", ref=ref, date_label="Skimped Hill letter sent",
            facts=[("Card debt passed to Skimped Hill", owed), ("Ranelagh placed the account", CARD.name), ("Speak to the Recoveries Desk no later than", by)],
            paras=(f"{CARD.name} has closed your credit card account and asked us to recover what is left on it.",
                   f"You owe {pounds(owed)}. Please pay it, or phone the Recoveries Desk to set up payments you can afford, no later than {when(by)}.",
                   "We collect debts by letter and telephone only; nobody will call at your home. Free, confidential advice is available from StepChange, National Debtline and Citizens Advice, and we will put your account on hold for 30 days while you get it."),
        )  # fmt: skip
    else:
        owed = balance(rng, 24_000, 412_000)
        ref = f"JHV{digits(rng, 6)}"
        letter = Letter(
            org=VANS, title="Arrears on the hire purchase of your bakery delivery van", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, VANS.name, ref, owed, date, deadline_date=by),
            ref_label="Jealott's Hill HP agreement", ref=ref, date_label="Van Accounts letter sent",
            facts=[("Van instalments in arrears", owed), ("Van bought on the HP", f"Ford Transit Custom {rng.choice(('Trend', 'Limited', 'Leader'))}"), ("Van arrears cleared no later than", by)],
            paras=("The monthly payments under your hire purchase agreement for a refrigerated delivery van have not been made.",
                   f"{pounds(owed)} is overdue. Please pay it, or call Commercial Vehicle Accounts to agree a plan, by {when(by)}.",
                   "If the arrears stay unpaid we may send you a default notice. The van belongs to us until the agreement is paid off, so you must not sell it or part with it."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("tickets", "rack")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 61_000, 540_000)
    fee = rng.choice((11_500, 20_500, 35_500))
    costs = rng.choice((8_000, 10_000))
    total = claimed + fee + costs
    ref = f"MHL{digits(rng, 6)}{letters(rng, 1)}"
    number = f"{rng.choice('KLMN')}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 1)}{letters(rng, 1)}{digits(rng, 2)}"
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="Money claim form: Martins Heron Loans is suing you for a loan", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, LENDER.name, ref, total, date, court_claim_number=number, served_date=served, deadline_date=by),
        ref_label="Money claim reference no.", ref=number, date_label="CNBC issue date of claim", overleaf=i % 2 == 1,
        facts=[("Total sued for, fee and costs in", total), ("Lender bringing the claim", LENDER.name), ("The lender's loan number", ref), ("Claim form counts as served", served), ("Response pack to reach the court by", by)],
        paras=(f"{LENDER.name} says that you have not repaid a personal loan, and asks the court to order you to pay the balance with its court fee and its legal representative's costs.",
               f"The amount claimed is {pounds(claimed)}; the court fee is {pounds(fee)} and the costs are {pounds(costs)}, so {pounds(total)} in all. The claim form is treated as served on {when(served)}.",
               f"By {when(by)} use the response pack to pay, to admit all or part of the claim and offer instalments, or to defend it. If you do nothing, the claimant can ask for judgment against you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("doilies", "aboard")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 31_000, 620_000)
    ref = f"WF{digits(rng, 4)}-{digits(rng, 4)}"
    number = f"{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 2)}"
    by = later(date, 30)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    facts: list[Fact] = [
        ("Judgment for Wildridings Fibre", owed),
        ("Wildridings customer number", ref),
    ]
    if extra:
        facts.append(("Whole judgment sum to be paid by", by))
    how = (f"You must pay {pounds(owed)} to the claimant by {when(by)}." if extra
           else f"You must pay {pounds(owed)} to the claimant now.")  # fmt: skip
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment for the claimant: you did not respond to the claim", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, BROADBAND.name, ref, owed, date, court_claim_number=number, **extra),
        ref_label="Reading claim number", ref=number, date_label="Reading judgment given on",
        facts=facts,
        paras=(f"{BROADBAND.name} made a claim against you for unpaid broadband and phone charges. You did not respond, so judgment has been entered for the claimant.",
               how + " Make your payments to the claimant, not to the court.",
               "If you pay the whole sum within a month of the judgment it will be removed from the Register of Judgments, Orders and Fines. If you do not pay, the claimant may ask the court to enforce it, for example by an attachment of earnings order or a warrant of control."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """The enforcement agents' notice under a writ of control (even: the bread bags) or
    under the council's liability order (odd: the cooling rack)."""
    kinds = ("bags", "rack")
    when, date = _when(rng), dated(rng)
    case = f"BEA{digits(rng, 7)}"
    by = later(date, 7)
    if i % 2 == 0:
        debt = balance(rng, 58_000, 430_000)
        owed = debt + 7_500
        letter = Letter(
            org=AGENTS, title="Bullbrook notice of enforcement: High Court writ of control", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, LENDER.name, case, owed, date, deadline_date=by),
            ref_label="Bullbrook file number", ref=case, date_label="Bullbrook notice sent",
            facts=[("Due with the £75 compliance stage fee", owed), ("High Court writ held for", LENDER.name), ("Agent may attend from", by)],
            paras=(f"A writ of control has been issued in the High Court to enforce the judgment {LENDER.name} obtained against you, and it has been passed to us to act on.",
                   f"Pay {pounds(owed)} by {when(by)}. After that an enforcement agent may visit to take control of your goods, and more fees will be added.",
                   "If you cannot pay, or someone at your address is vulnerable, contact the Agents' Office at once. We can consider a payment arrangement, and free debt advice is available."),
        )  # fmt: skip
    else:
        tax = rng.randrange(46_000, 236_000)
        owed = tax + 7_500
        letter = Letter(
            org=AGENTS, title="Notice of enforcement for Bracknell Forest council tax", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, COUNCIL, case, owed, date, deadline_date=by),
            ref_label="Bullbrook file number", ref=case, date_label="Bullbrook notice sent",
            facts=[("Council tax and the £75 fee", owed), ("Order for council tax held by", COUNCIL), ("Pay Bullbrook or agree terms by", by)],
            paras=(f"The magistrates granted {COUNCIL} a liability order for your unpaid council tax, and the council has passed it to us to collect.",
                   f"With the compliance fee of £75.00 you now owe {pounds(owed)}. Pay in full, or contact us to agree instalments, by {when(by)}.",
                   "If you do not, an enforcement agent may call at your home and the enforcement stage fee of £235.00 will be added."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("aboard", "canopy")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 540_000, 2_050_000)
    ref, by = f"HDO/{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=OVENS, title="Statutory demand for a liquidated sum payable immediately (section 268(1)(a) of the Insolvency Act 1986)", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, OVENS.name, ref, owed, date, deadline_date=by),
        ref_label="Oven hire account", ref=ref, date_label="Hanworth demand dated",
        facts=[("Oven hire owed to Hanworth", owed), ("Demand satisfied no later than", by)],
        paras=("A deck oven and a proving cabinet were hired to you for your bakery on account, and our invoices for that hire have not been paid.",
               f"The creditor demands that you pay {pounds(owed)}, or secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition against you. You may apply to the court to set this demand aside within 18 days of its service on you. Take advice at once."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("rack", "doilies")
    when, date = _when(rng), dated(rng)
    ref, by = f"8{digits(rng, 7)}", later(date, 7)
    owed = rng.randrange(29_000, 224_000)
    letter = Letter(
        org=TAX, title="Bracknell Forest council tax: your instalments are overdue", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, COUNCIL, ref, owed, date, deadline_date=by),
        ref_label="Bracknell Forest council tax ref.", ref=ref, date_label="Bracknell Forest reminder of",
        facts=[("Overdue council tax instalments", owed), ("Band of your home for council tax", f"Band {rng.choice('ABCDEF')}"), ("Bracknell Forest instalments restored by", by)],
        paras=("The council tax instalments due on your account have not been paid.",
               f"Please pay the overdue {pounds(owed)} by {when(by)}. If you do not, you will lose the right to pay by instalments and the rest of the year's council tax will fall due at once.",
               "If your income is low you may be able to get Council Tax Reduction; the Council Tax Team can tell you how to apply."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("tickets", "bags")
    when, date = _when(rng), dated(rng)
    ref, by = f"CWG {digits(rng, 4)} {digits(rng, 4)}", later(date, 14)
    owed = rng.randrange(5_100, 68_000)
    letter = Letter(
        org=GAS, title="Crown Wood Gas and Power: your quarterly gas bill", date=date, when=when,
        truth=owes(C.UTILITY_BILL, GAS.name, ref, owed, date, deadline_date=by),
        ref_label="Crown Wood customer no.", ref=ref, date_label="Gas bill produced",
        facts=[("Crown Wood gas for the quarter", owed), ("We will collect payment on", by), ("Gas meter point reference", digits(rng, 10))],
        paras=("This bill is for the gas used at your home this quarter, worked out from your meter readings, and the daily standing charge.",
               f"Please pay {pounds(owed)}, VAT at 5% included, by {when(by)}.",
               "If you are finding it hard to pay, call Home Energy Accounts before the payment date. We can set up a payment plan and tell you about grants and schemes that might help."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("canopy", "doilies")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 11_800, 162_000)
    ref, by = f"SFW{digits(rng, 9)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Swinley Forest Water: your water account is behind", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Swinley Forest account", ref=ref, date_label="Swinley Forest letter sent", overleaf=i % 2 == 1,
        facts=[("Swinley Forest charges unpaid", owed), ("Swinley Forest arrears paid or planned by", by)],
        paras=("Your water and sewerage charges have not been paid and your account is behind.",
               f"You owe {pounds(owed)}. Please pay it, or agree instalments with Customer Billing, by {when(by)}.",
               "We will not cut off your water supply, but we may pass the debt to a collection agency. Ask us about our help tariff if your household income is low."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("aboard", "tickets")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(6_200, 121_000)
    ref, by = f"{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 7)}", later(date, 14)
    letter = Letter(
        org=FINES, title="Collection notice: your Single Justice Procedure fine is unpaid", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, HMCTS, ref, owed, date, deadline_date=by),
        ref_label="SJP fine account", ref=ref, date_label="Collection notice sent",
        facts=[("SJP fine left to pay", owed), ("Settle the fine by", by)],
        paras=("The magistrate who dealt with your case under the Single Justice Procedure ordered you to pay a fine, costs and a victim surcharge, and they have not been paid.",
               f"The amount unpaid is {pounds(owed)}. Pay it in full, or contact the Fines Officer, by {when(by)}.",
               "If you do not, the court may take the money from your wages or benefits, register the fine against you, or send enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("rack", "canopy")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 8_500, 272_000)
    ref, old = (
        f"PDP-{digits(rng, 4)}-{letters(rng, 2)}{digits(rng, 3)}",
        f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}",
    )
    letter = Letter(
        org=BUYER, title="Your Princess Square store card debt now belongs to Popeswood", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=STORECARD.name),
        ref_label="Popeswood reference", ref=ref, date_label="Popeswood notice sent", overleaf=i % 2 == 1,
        facts=[("Debt sold to Popeswood", owed), ("Store card first issued by", STORECARD.name), ("Old Princess Square card", old)],
        paras=(f"{STORECARD.name} has sold your store card account to us and given notice of the legal assignment. You now owe the debt to Popeswood Debt Purchasing.",
               f"The balance we bought is {pounds(owed)}. We will not add interest or charges to it.",
               "From now on please pay us, quoting our reference. Any payment arrangement you had with the store card will carry on as before."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("doilies", "tickets")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(19_000, 460_000)
    ref, by = (
        f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}",
        later(date, 30),
    )
    letter = Letter(
        org=DEBT, title="Carer's Allowance was overpaid to you", date=date, when=when,
        truth=owes(C.OVERPAYMENT, DWP, ref, owed, date, deadline_date=by),
        ref_label="Your National Insurance no.", ref=ref, date_label="Debt Management wrote on", overleaf=i % 2 == 1,
        facts=[("Carer's Allowance paid in excess", owed), ("Contact us about repaying by", by)],
        paras=("Your earnings went over the limit for Carer's Allowance and we were not told in time, so you were paid Carer's Allowance you were not entitled to.",
               f"The overpayment is {pounds(owed)}. Please repay it, or contact Debt Management to agree how you will repay, by {when(by)}.",
               "We can take the money from other benefits you get. If you think the decision is wrong, you can ask us to look at it again within one month."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("bags", "aboard")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 51_000, 810_000), rng.randrange(58_000, 162_000)
    ref = f"HW{digits(rng, 3)}/{digits(rng, 5)}"
    letter = Letter(
        org=SOCIETY, title="Harmans Water Building Society: your mortgage is in arrears", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Harmans Water mortgage", ref=ref, date_label="Arrears Support letter",
        facts=[("Mortgage behind by, as of today", owed), ("Harmans Water monthly instalment", monthly)],
        paras=("Some of your monthly mortgage payments have been missed or were paid short.",
               f"Your mortgage is {pounds(owed)} in arrears. Your contractual monthly payment is {pounds(monthly)}.",
               "Please call Arrears Support so we can agree an arrangement you can afford. Repossession is only ever a last resort, and free guidance is available from MoneyHelper."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("canopy", "tickets")
    when, date = _when(rng), dated(rng)
    weekly = rng.randrange(10_200, 18_400)
    owed = weekly * rng.randrange(2, 14) + rng.choice((0, 1_600, 3_200))
    ref = f"GHHA-{digits(rng, 5)}"
    letter = Letter(
        org=HOMES, title="Great Hollands Housing Association: rent arrears", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Association tenancy ref.", ref=ref, date_label="Rent Accounts letter", overleaf=i % 2 == 1,
        facts=[("Rent you are behind by", owed), ("Rent plus service charge a week", weekly)],
        paras=("Our records show that your rent account is behind.",
               f"You owe {pounds(owed)} in rent. Your weekly rent and service charge is {pounds(weekly)}. Please contact Rent Accounts to agree how you will pay this back.",
               "If the housing element of your Universal Credit has changed or stopped, tell us straight away. We can refer you to free, independent debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("doilies", "rack")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 2_800, 121_000), later(date, 10)
    if i % 4 < 2:
        org, ref, title = (
            PAYIN3,
            f"RMP{letters(rng, 2)}-{digits(rng, 6)}",
            "Ringmead Pay: your instalments could not be collected",
        )
        first = "We tried twice to collect your Ringmead Pay instalments from your card, and both attempts failed."
        date_label, ref_label = "Ringmead Pay notice", "Ringmead Pay purchase"
    else:
        org, ref, title = (
            CATALOGUE,
            f"LH{digits(rng, 9)}",
            "Lily Hill Home Shopping: your account has fallen behind",
        )
        first = "Payments on your Lily Hill Home Shopping account have been missed, and we have stopped new orders until it is up to date."
        date_label, ref_label = "Lily Hill letter sent", "Lily Hill customer number"
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label=ref_label, ref=ref, date_label=date_label,
        facts=[("Missed payments to make up", owed), ("Missed payments to be made by", by)],
        paras=(first,
               f"You have missed {pounds(owed)} of payments. Please pay by {when(by)} so that we do not have to report the missed payments to the credit reference agencies.",
               "If you are in financial difficulty, tell us: we will pause collection for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("bags", "aboard")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 30_000, 650_000), later(date, 30)
    ref = f"EQ/BHD/{digits(rng, 5)}"
    letter = Letter(
        org=SOLICITORS, title="Letter before claim for Birch Hill Driving School", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, SCHOOL.name, ref, owed, date, deadline_date=by),
        ref_label="Easthampstead Quelm file", ref=ref, date_label="Easthampstead Quelm wrote on", overleaf=i % 2 == 1,
        facts=[("Unpaid driving lesson fees", owed), ("Driving school we act for", SCHOOL.name), ("Reply Form back with Easthampstead Quelm by", by)],
        paras=(f"We act for {SCHOOL.name}, which gave you a course of driving lessons and an intensive test package. Its invoices for them have not been paid.",
               f"Our client is owed {pounds(owed)}. Please pay this sum, or complete and return the enclosed Reply Form, by {when(by)}.",
               "This letter is sent under the Pre-Action Protocol for Debt Claims. If you do not reply, our client may issue court proceedings and claim interest and costs. The enclosed information sheet lists bodies that give free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _bread(rng: random.Random, i: int) -> Doc:
    """The bakery's payslip: bakehouse hours at the rate, a pre-dawn premium and the
    Saturday stall, "Earnings" over "Taken off"; weekly or fortnightly."""
    org, date, when = BAKERY, dated(rng), _when(rng)
    date = later(date, (4 - date.weekday()) % 7)  # a Friday
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    weeks = {"weekly": 1, "fortnightly": 2}[frequency]
    hours = rng.choice((36.0, 39.0, 42.5)) * weeks
    rate = rng.choice((1_244, 1_296, 1_352))
    basic = round(hours * rate)
    dawn = rng.randrange(1, 6) * 1_080 * weeks
    stall = rng.randrange(0, 2) * 9_600 * weeks
    gross = basic + dawn + stall
    cuts = [("Income tax (PAYE)", gross * 9 // 100), ("Employee NI, category A", gross * 6 // 100), ("NEST workplace pension", gross * 4 // 100), ("Staff bread account", 250 * weeks)]  # fmt: skip
    off = sum(a for _, a in cuts)
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.1, "Pay sheet", True, size=style.point + 3), rt(0.9, f"Pay day {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.1, f"{first} {surname}, bakehouse and stall", size=size), rt(0.9, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.1, f"Works no. {digits(rng, 4)}   Code 1257L   NI cat. A", size=size),)).gap()  # fmt: skip
    page.add((t(0.1, "Earnings", True, size=size), rt(0.68, "Hours x rate", True, size=size), rt(0.9, "Amount", True, size=size)))  # fmt: skip
    page.rule(0.1, 0.9, 110)
    page.add((t(0.12, "Bakehouse hours", size=size), rt(0.68, f"{hours:.2f} x {spaced(rate)}", size=size), rt(0.9, spaced(basic), size=size)))  # fmt: skip
    page.add((t(0.12, "Pre-dawn premium", size=size), rt(0.9, spaced(dawn), size=size)))
    page.add((t(0.12, "Saturday stall shift", size=size), rt(0.9, spaced(stall), size=size)))
    page.add((t(0.1, "Gross for the period", True, size=size), rt(0.9, spaced(gross), True, size=size))).gap()  # fmt: skip
    page.add((t(0.1, "Taken off", True, size=size), rt(0.9, "Amount", True, size=size)))
    page.rule(0.1, 0.9, 110)
    for what, amount in cuts:
        page.add((t(0.12, what, size=size), rt(0.9, spaced(amount), size=size)))
    page.add((t(0.1, "Total taken off", True, size=size), rt(0.9, spaced(off), True, size=size))).gap()  # fmt: skip
    top = len(page.rows)
    page.add((t(0.12, "Net wage paid to your account", True, size=size), rt(0.88, spaced(gross - off), True, size=style.point + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.1, 0.9, True, 236))
    page.gap()
    page.para("Please check your pay sheet and tell Payroll of any mistake within a week.", x=0.1, right=0.9, size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def _code(rng: random.Random, i: int) -> Doc:
    """The software house's payslip: each line this period's amount with the year's
    running total beside it (a salary and an on-call allowance; tax, NI, pension and a
    cycle scheme); monthly or four-weekly."""
    org, date, when = SOFTWARE, dated(rng), _when(rng)
    frequency = ("monthly", "four_weekly")[(i // 2) % 2]
    salary = {"monthly": rng.randrange(248_000, 392_000), "four_weekly": rng.randrange(228_000, 361_000)}[frequency]  # fmt: skip
    oncall = rng.choice((0, 12_000, 18_000, 24_000))
    gross = salary + oncall
    less = [("PAYE deducted (tax)", gross * 14 // 100), ("National Insurance (ee)", gross * 6 // 100), ("Group pension, salary sacrifice", gross * 5 // 100), ("Cycle to work scheme", 4_150)]  # fmt: skip
    off = sum(a for _, a in less)
    periods = rng.randrange(2, 12)
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[(i + 2) % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.1, "Salary statement", True, size=style.point + 3), rt(0.9, f"Payment date {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.1, f"{first} {surname}, support engineer", size=size), rt(0.9, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.1, f"Employee ID {letters(rng, 2)}{digits(rng, 4)}   Period {periods} of the tax year", size=size),)).gap()  # fmt: skip
    page.add((t(0.1, "Item", True, size=size), rt(0.66, "This period", True, size=size), rt(0.9, "Tax year so far", True, size=size)))  # fmt: skip
    page.rule(0.1, 0.9, 110)
    lines = [("Salaried pay", salary), ("On-call allowance", oncall)]
    for what, amount in lines:
        page.add((t(0.12, what, size=size), rt(0.66, spaced(amount), size=size), rt(0.9, spaced(amount * periods), size=size)))  # fmt: skip
    page.add((t(0.1, "Total gross pay", True, size=size), rt(0.66, spaced(gross), True, size=size), rt(0.9, spaced(gross * periods), True, size=size)))  # fmt: skip
    page.rule(0.1, 0.9, 160)
    for what, amount in less:
        page.add((t(0.12, what, size=size), rt(0.66, spaced(amount), size=size), rt(0.9, spaced(amount * periods), size=size)))  # fmt: skip
    page.add((t(0.1, "Total deducted", True, size=size), rt(0.66, spaced(off), True, size=size), rt(0.9, spaced(off * periods), True, size=size)))  # fmt: skip
    page.gap()
    top = len(page.rows)
    page.add((t(0.12, "Net salary to your bank", True, size=size), rt(0.66, spaced(gross - off), True, size=style.point + 1.5)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.1, 0.7, True, 232))
    page.gap()
    page.para("Pension contributions are taken before tax under salary sacrifice; the cycle scheme runs for twelve months.", x=0.1, right=0.9, size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """The bakery's wage slip (even) or the software house's salary statement (odd)."""
    return _bread(rng, i) if i % 2 == 0 else _code(rng, i)


def _od(pence: int) -> str:
    return spaced(pence) if pence >= 0 else f"{spaced(-pence)} OD"


def _signed(pence: int) -> str:
    return f"+{spaced(pence)}" if pence >= 0 else f"-{spaced(-pence)}"


def _bank(rng: random.Random, i: int) -> Doc:
    """A bank's current account: date, description, paid out, paid in, balance (OD when
    overdrawn)."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _, lines = person(rng)
    page.add(*((t(0.1, line),) for line in lines)).gap()
    page.add((t(0.1, "Your current account", True, size=style.point + 2), rt(0.9, f"Statement produced {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.1, f"Sort code 30-{digits(rng, 2)}-{digits(rng, 2)}   Account {digits(rng, 8)}   Sheet {rng.randrange(12, 190)}", size=size),)).gap()  # fmt: skip
    xs = (0.6, 0.74, 0.9)
    page.add((t(0.1, "Date", True, size=size), t(0.21, "Description", True, size=size), *(rt(x, h, True, size=size) for x, h in zip(xs, ("Paid out", "Paid in", "Balance"), strict=True))))  # fmt: skip
    page.rule(0.1, 0.9, 80)
    running = rng.randrange(-18_000, 58_000)
    page.add((t(0.21, "Balance at start of sheet", size=size), rt(0.9, _od(running), size=size)))
    items = [("CHAVEY DOWN BREAD WAGES", rng.randrange(41_000, 79_000)), ("DD BRACKNELL FOREST CTAX", -rng.randrange(9_500, 19_000)),
             ("CARD CO-OP BRACKNELL", -rng.randrange(1_800, 9_200)), ("DD CROWN WOOD GAS", -rng.randrange(3_800, 12_900)),
             ("CHAVEY DOWN BREAD WAGES", rng.randrange(41_000, 79_000)), ("CASH PRINCESS SQ", -1_000 * rng.randrange(1, 6)),
             ("THAMES VALLEY BUSES", -rng.randrange(450, 2_400))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        day = later(date, -offset)
        cells = [t(0.1, f"{day.day:02d}/{day.month:02d}", size=size), t(0.21, what, size=size)]
        cells.append(rt(xs[0] if amount < 0 else xs[1], spaced(abs(amount)), size=size))
        cells.append(rt(0.9, _od(running), size=size))
        page.add(tuple(cells))
    page.rule(0.1, 0.9, 80)
    page.add(
        (
            t(0.21, "Balance at end of sheet", True, size=size),
            rt(0.9, _od(running), True, size=size),
        )
    )
    page.gap()
    page.para("OD after a balance means the account is overdrawn. Please check this statement and tell us at once about any payment you do not recognise.", x=0.1, right=0.9, size=SMALL)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def _emoney(rng: random.Random, i: int) -> Doc:
    """An app's e-money account: each line's amount signed ("+" in, "-" out), the balance
    after it."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, EMONEY, style)
    _, lines = person(rng)
    page.add(*((t(0.1, line),) for line in lines)).gap()
    page.add((t(0.1, "Spending account statement", True, size=style.point + 2),))
    page.add((t(0.1, f"Account {digits(rng, 8)}", size=size), rt(0.9, f"Up to {when(date)}", size=size))).gap()  # fmt: skip
    page.add((t(0.1, "When", True, size=size), t(0.22, "What", True, size=size), rt(0.7, "In / out", True, size=size), rt(0.9, "Left", True, size=size)))  # fmt: skip
    page.rule(0.1, 0.9, 80)
    running = rng.randrange(2_000, 90_000)
    page.add((t(0.22, "Money at the start", size=size), rt(0.9, spaced(running), size=size)))
    items = [("Top-up from Warfield Bank", rng.randrange(5_000, 25_000)), ("Stall card sale, bread", -rng.randrange(300, 1_200)),
             ("DWP PIP payment in", rng.randrange(29_000, 75_000)), ("Ringmead Pay instalment", -rng.randrange(2_500, 9_000)),
             ("Coffee, Princess Square", -rng.randrange(280, 650)), ("Swinley Forest Water", -rng.randrange(2_600, 7_400))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        day = later(date, -offset)
        page.add((t(0.1, f"{day:%a} {day.day}", size=size), t(0.22, what, size=size), rt(0.7, _signed(amount), size=size), rt(0.9, spaced(running), size=size)))  # fmt: skip
    page.rule(0.1, 0.9, 80)
    page.add((t(0.22, "Money at the end", True, size=size), rt(0.9, spaced(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("A plus sign is money into your account, a minus sign money out of it.", x=0.1, right=0.9, size=SMALL)  # fmt: skip
    _foot(page, EMONEY)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def bank_statement(rng: random.Random, i: int) -> Doc:
    """The bank's current account (even) or the app's e-money account (odd)."""
    return _bank(rng, i) if i % 2 == 0 else _emoney(rng, i)


def benefit(rng: random.Random, i: int) -> Doc:
    """Personal Independence Payment (even: the sandwich board) or Pension Credit (odd:
    the doilies)."""
    kinds = ("aboard", "doilies")
    when, date = _when(rng), dated(rng)
    ref = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}"
    if i % 2 == 0:
        org, what = PIP, "Personal Independence Payment"
        frequency = "four_weekly"
        paid = 4 * rng.choice((2_920 + 7_735, 11_560, 7_735 + 4_375))
        date_label = "PIP decision made"
    else:
        org, what = PENSION, "Pension Credit"
        frequency = "weekly"
        paid = rng.randrange(2_400, 9_800)
        date_label = "Pension Service letter"
    letter = Letter(
        org=org, title=f"What we decided on your {what} claim", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="NI number on your claim", ref=ref, date_label=date_label,
        facts=[("Sum paid to you each time", paid), ("Your payment pattern", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"We have made a decision on your claim for {what}.",
               f"We will pay you {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]} into your account.",
               "You must tell us straight away about any change that could affect what you get, for example going into hospital or a care home, or a change in your income or in who lives with you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the stallholders' pitch letter (the price tickets) and the handbell
    ensemble's concert (the canopy)."""
    kinds = ("tickets", "canopy")
    when, date = _when(rng), dated(rng)
    on = later(date, 9 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=STALLS, title="Pitches for the Christmas market weekend", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Your pitch row", ref=rng.choice(("Row A by the fountain", "Row B by the bandstand", "Row C on Crossway")),
            facts=[("Stalls go up from", on), ("Gazebo colour this year", "Forest green"), ("Pitch Secretary", "Mrs Ada Okonjo")],
            paras=("Thank you to every stallholder who traded through the wet autumn Saturdays.",
                   f"The Christmas market weekend starts on {when(on)}; please have your stall up by 7.30 am.",
                   "Hot drinks are free to stallholders from the bakery's van before the market opens."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=HANDBELLS, title="Handbell concert at the care home", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Your bells", ref=rng.choice(("Treble bells", "Tenor bells", "Bass bells", "Chimes")),
            facts=[("Concert afternoon", on), ("We meet at", "All Saints' Hall, 1.45 pm")],
            paras=("Thank you to everyone who rang at the summer fete.",
                   f"We play for the residents on {when(on)}; white gloves and black tops, please.",
                   "Tea and cake are laid on by the home afterwards."),
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
class BKSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 6160


def build_bk(per_class: int = 4, *, seed: int = SEED) -> list[BKSample]:
    """``per_class`` documents of every class, held out, family ``<class>:BK``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, BKSample)


PRINT = Printer(FONTS.font, FONTS.measure)


def page_size(sample: BKSample, dpi: int) -> tuple[int, int]:
    return PRINT.page_size(sample, dpi)


def bk_text(sample: BKSample) -> str:
    """Every page's text, pages apart by form feeds."""
    return PRINT.text(sample)


def bk_pages(sample: BKSample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return PRINT.pages(sample, dpi=dpi)


# -- drawing the page ---------------------------------------------------------------------------


@frozen
class BKScan:
    dpi: int
    skew: float
    """Degrees."""
    jam: bool = False
    """Raspberry jam smeared on the page; colour, JPEG."""
    crumbs: bool = False
    """Crumbs and sesame seeds; greyscale, PNG."""
    parchment: bool = False
    """Baking parchment over part of the page; greyscale, as PDF."""


SCANS = (
    BKScan(dpi=220, skew=-0.35, jam=True),
    BKScan(dpi=200, skew=0.4, crumbs=True),
    BKScan(dpi=180, skew=-0.2, parchment=True),
)

PAPER = (250, 249, 244)
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
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(m.shade,) * 3, width=max(1, g.line))


def _canopy_paint(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The canopy: green and cream stripes, a scalloped valance under them."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    n = 12
    step = (x1 - x0) / n
    for k in range(n):
        pen.rectangle((round(x0 + k * step), y0, round(x0 + (k + 1) * step), y1), fill=STRIPES[k % 2])  # fmt: skip
    half, r = round(step / 2), round(min(step / 2, g.body * 0.7))
    for k in range(n):
        cx = round(x0 + (k + 0.5) * step)
        pen.pieslice((cx - half, y1 - r, cx + half, y1 + r), 0, 180, fill=STRIPES[k % 2], outline=(30, 80, 44))  # fmt: skip
    pen.rectangle((x0, y0, x1, y1), outline=(30, 80, 44), width=max(1, g.line))
    post = max(2, g.line * 3)
    pen.rectangle((x0, y1, x0 + post, y1 + g.body * 2), fill=(110, 110, 116))
    pen.rectangle((x1 - post, y1, x1, y1 + g.body * 2), fill=(110, 110, 116))


def _counter(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pad = max(3, g.body // 3)
    pen.rectangle((g.x(m.x0), y0 - pad, g.x(m.x1), y1 + pad), fill=COUNTER, outline=WOOD, width=max(2, g.line * 2))  # fmt: skip


def _ticket(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A price ticket: a white card, a fold line near its top, the spike under it."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    cx = (x0 + x1) // 2
    pen.line((cx, y1, cx, y1 + g.body), fill=(90, 92, 98), width=max(2, g.line * 2))
    pen.rectangle((x0, y0, x1, y1), fill=(255, 255, 255), outline=(70, 70, 76), width=max(1, g.line))  # fmt: skip
    fold = y0 + max(3, g.body // 2)
    pen.line((x0, fold, x1, fold), fill=(190, 190, 196), width=1)


def _bag(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A paper bread bag: kraft brown, a zigzag top edge, a fold line down each side."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    tooth = max(3, g.body // 3)
    n = max(4, (x1 - x0) // (2 * tooth))
    step = (x1 - x0) / n
    top = [(round(x0 + k * step), y0 + (0 if k % 2 else tooth)) for k in range(n + 1)]
    outline = [*top, (x1, y1), (x0, y1)]
    pen.polygon(outline, fill=KRAFT[m.shade % len(KRAFT)], outline=(140, 104, 64))
    side = max(2, (x1 - x0) // 30)
    pen.line((x0 + side, y0 + tooth, x0 + side, y1), fill=(186, 150, 106), width=1)
    pen.line((x1 - side, y0 + tooth, x1 - side, y1), fill=(186, 150, 106), width=1)


def _rack_frame(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The cooling rack's frame: a rounded rectangle of wire, with short feet at the
    corners."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rounded_rectangle((x0, y0, x1, y1), radius=max(4, g.body // 2), fill=(248, 248, 246), outline=WIRE, width=max(2, g.line * 2))  # fmt: skip
    foot = max(3, g.body // 3)
    for fx in (x0 + foot * 2, x1 - foot * 2):
        pen.line((fx, y1, fx, y1 + foot), fill=WIRE, width=max(2, g.line * 2))


def _wire(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.top(m.row) - g.body // 2
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=WIRE, width=max(1, g.line))


def _doily(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A paper doily: a white oval with a ring of small scallops round its rim and a lacy
    ring of dots inside it."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pad = g.body // 2
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    rx, ry = (x1 - x0) / 2, (y1 - y0) / 2 + pad
    r = max(3, g.body // 3)
    n = 36
    for k in range(n):
        a = 2 * math.pi * k / n
        px, py = cx + rx * math.cos(a), cy + ry * math.sin(a)
        pen.ellipse((px - r, py - r, px + r, py + r), fill=(255, 255, 255), outline=(200, 200, 204))  # fmt: skip
    pen.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=(255, 255, 255), outline=(200, 200, 204))  # fmt: skip
    dot = max(1, r // 3)
    for k in range(n):
        a = 2 * math.pi * (k + 0.5) / n
        px, py = cx + (rx - 2 * r) * math.cos(a), cy + (ry - 2 * r) * math.sin(a)
        pen.ellipse((px - dot, py - dot, px + dot, py + dot), fill=(214, 214, 218))


def _board(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The sandwich board: two legs, a wooden frame and a cream face."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    frame = max(4, g.body // 2)
    leg = g.body * 2
    pen.polygon([(x0 + frame, y1), (x0 + frame * 2, y1), (x0 - frame, y1 + leg), (x0 - frame * 2, y1 + leg)], fill=WOOD)  # fmt: skip
    pen.polygon([(x1 - frame, y1), (x1 - frame * 2, y1), (x1 + frame, y1 + leg), (x1 + frame * 2, y1 + leg)], fill=WOOD)  # fmt: skip
    pen.rectangle((x0 - frame, y0 - frame, x1 + frame, y1 + frame), fill=WOOD)
    pen.rectangle((x0, y0, x1, y1), fill=CREAM)


def _chalkline(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.top(m.row) + g.body // 6
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(176, 150, 118), width=max(1, g.line))


PAINT: dict[str, Callable[[ImageDraw.ImageDraw, _Geo, Mark], None]] = {
    "rule": _rule,
    "canopy": _canopy_paint,
    "counter": _counter,
    "ticket": _ticket,
    "bag": _bag,
    "rack": _rack_frame,
    "wire": _wire,
    "doily": _doily,
    "board": _board,
    "chalkline": _chalkline,
}
UNDER = ("counter", "rack", "board")
"""Drawn first: what other shapes stand on."""


def _draw(sample: BKSample, n: int, dpi: int) -> Image.Image:
    """Page ``n`` drawn clean: the counter, rack and board first, then boxes, the other
    shapes and rules, then the text."""
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


def _free_rows(sample: BKSample, n: int) -> list[int]:
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


def _jam(image: Image.Image, rng: random.Random, skew: float, dpi: int) -> Image.Image:
    """Colour; raspberry jam: two or three translucent red streaks where a knife was wiped,
    a few darker seeds in each; a little askew. The streaks are drawn at half size on a
    mask and blended at full size by Pillow (no per-pixel work in Python)."""
    w, h = image.size
    mask = Image.new("L", (w // 2, h // 2), 0)
    seeds = Image.new("L", (w // 2, h // 2), 0)
    pm, ps = ImageDraw.Draw(mask), ImageDraw.Draw(seeds)
    half = dpi / 2
    for _ in range(rng.randrange(2, 4)):
        x, y = rng.uniform(0.1, 0.9) * w / 2, rng.uniform(0.1, 0.9) * h / 2
        angle = rng.uniform(-0.6, 0.6)
        length = half * rng.uniform(0.8, 1.8)
        width = half * rng.uniform(0.12, 0.24)
        points = []
        for k in range(12):
            f = k / 11
            points.append((x + math.cos(angle) * length * f, y + math.sin(angle) * length * f + rng.gauss(0, width * 0.15)))  # fmt: skip
        pm.line(points, fill=rng.randrange(120, 160), width=max(2, round(width)), joint="curve")
        for _ in range(rng.randrange(4, 10)):
            px, py = rng.choice(points)
            sx, sy = px + rng.gauss(0, width * 0.3), py + rng.gauss(0, width * 0.3)
            r = max(1.0, half * 0.006)
            ps.ellipse((sx - r, sy - r * 1.4, sx + r, sy + r * 1.4), fill=200)
    alpha = mask.filter(ImageFilter.GaussianBlur(max(1.0, half / 70))).resize((w, h), Image.Resampling.BILINEAR)  # fmt: skip
    out = Image.composite(Image.new("RGB", (w, h), (176, 28, 58)), image, alpha)
    dots = seeds.resize((w, h), Image.Resampling.BILINEAR)
    out = Image.composite(Image.new("RGB", (w, h), (92, 20, 30)), out, dots)
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(242, 241, 236))  # fmt: skip


def _crumbs(image: Image.Image, sample: BKSample, n: int, dpi: int, rng: random.Random, skew: float) -> Image.Image:  # fmt: skip
    """Greyscale; crumbs and sesame seeds: small grey crumbs (ragged polygons) and pale
    seeds with a dark rim, in the margins and on lines that hold no true value; a little
    askew."""
    grey = image.convert("L")
    pen = ImageDraw.Draw(grey)
    w, h = grey.size
    tops, heights = PRINT.rows(sample, n, dpi)
    free = [k for k in _free_rows(sample, n) if k < len(tops)]
    for _ in range(rng.randrange(18, 34)):
        if free and rng.random() < 0.5:
            row = rng.choice(free)
            cx, cy = w * rng.uniform(0.12, 0.88), tops[row] + heights[row] / 2
        else:
            cx = w * rng.choice((rng.uniform(0.01, 0.06), rng.uniform(0.94, 0.99)))
            cy = h * rng.uniform(0.03, 0.97)
        r = dpi * rng.uniform(0.016, 0.036)
        if rng.random() < 0.4:  # a sesame seed: a pale teardrop with a dark rim
            a = rng.uniform(0, math.pi)
            pts = [(cx + math.cos(a + k * math.pi / 4) * r * (1.6 if k % 4 == 0 else 0.8), cy + math.sin(a + k * math.pi / 4) * r * (1.6 if k % 4 == 0 else 0.8)) for k in range(8)]  # fmt: skip
            pen.polygon(pts, fill=226, outline=96)
        else:  # a crumb: a ragged grey polygon
            pts = [(cx + math.cos(k * math.pi / 3.5) * r * rng.uniform(0.6, 1.3), cy + math.sin(k * math.pi / 3.5) * r * rng.uniform(0.6, 1.3)) for k in range(7)]  # fmt: skip
            pen.polygon(pts, fill=rng.randrange(70, 150))
    return grey.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=244)


def _parchment(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Greyscale; a sheet of baking parchment over part of the page: the covered band (a
    third to a half of the page's height) paler and a little soft, its edge a faint line,
    a crease or two across it; a little askew."""
    grey = image.convert("L")
    w, h = grey.size
    band = round(h * rng.uniform(0.33, 0.5))
    y0 = rng.choice((0, h - band)) if rng.random() < 0.7 else round(h * rng.uniform(0.2, 0.4))
    y1 = min(h, y0 + band)
    region = grey.crop((0, y0, w, y1)).filter(ImageFilter.GaussianBlur(0.7))
    region = region.point(lambda v: 115 + v * 135 // 255)
    pen = ImageDraw.Draw(region)
    for _ in range(rng.randrange(1, 3)):
        ya, yb = rng.uniform(0, band), rng.uniform(0, band)
        pen.line((0, ya, w, yb), fill=200, width=1)
    grey.paste(region, (0, y0))
    edge = ImageDraw.Draw(grey)
    for y in (y0, y1 - 1):
        if 0 < y < h - 1:
            edge.line((0, y, w, y), fill=175, width=1)
    return grey.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=245)


def render(sample: BKSample, n: int, scan: BKScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.jam:
        return _jam(image, rng, scan.skew, scan.dpi)
    if scan.crumbs:
        return _crumbs(image, sample, n, scan.dpi, rng, scan.skew)
    return _parchment(image, rng, scan.skew)


def bk_scanned(sample: BKSample, index: int) -> tuple[bytes, str, BKScan]:
    """Scanned one of three ways: the jam-smeared page as colour JPEG with its resolution
    (quality ``QUALITY``), the crumbed page as greyscale PNG (its resolution at even
    indexes), the parchment-covered page as a one-page greyscale PDF (180 dpi); documents
    of more pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 97 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or scan.parchment:
        return encode_pages([im.convert("L") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.jam:
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
    "BKSample",
    "BKScan",
    "bk_pages",
    "bk_scanned",
    "bk_text",
    "build_bk",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
