# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``BI``, written blind: a new hand's measure of how the reader
generalises to letters it has never seen (issue 14).

``BI`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``values_found``, ``money``, ``encode_pages``), the shared page
engine (``corpus_print``), the shared test helpers, family BG's module and tests as they
were when BG was blind (as a template for structure; AW's module only imported, to time
its scans against BI's) and the commits that registered and measured BG; and, by grep only, the read families'
modules for place names, bodies, setting words, scan words, and by calling their date and
money shapes on one day and one sum, to avoid them -- **not** the reader's rules
(``assistant.py``, ``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``,
``prose.py``, ``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``statement_tables.py``, ``label_learning.py``, ``read_families.py``,
``known_creditors.py``, the rankers, the Tesseract extractor, the locator), its reading
tests, nor any account of its misses, nor the still-blind families (Y, I, AH, BE, BF, BH,
BJ). It is never used to write rules, to train or calibrate the classifier or the field
ranker (``build_corpus`` never yields it), nor to choose models: it is measured, and only
the aggregate figures go into benchmarks/OCR.md. Whoever reads its individual misses to
change the reader makes ``BI`` no longer blind and must say so there.

Grep found Redditch and every district and street named below in no read family, so ``BI``
is set in Redditch, Worcestershire, under the law of England and Wales: a claim issued by
the Civil National Business Centre, a judgment of the County Court at Worcester,
enforcement agents' notices (a writ of control and a council tax liability order), Redditch
Borough Council's council tax, fines imposed at Kidderminster Magistrates' Court, a
statutory demand under the Insolvency Rules 2016 and a letter before claim under the
Pre-Action Protocol for Debt Claims; so:

* who writes: a Matchborough debt recovery firm for a Winyates card firm, and a Forge Mill
  motorcycle finance firm's arrears letter; a claim for a Batchley loan and a judgment for a
  Webheath mobile phone contract; Headless Cross enforcement agents (a writ of control, or
  council tax after a liability order); an Oakenshaw linen hire firm's statutory demand;
  the borough council's council tax; a gas supplier and a water company; fines; a debt
  purchaser buying a Church Green department store card; a Carer's Allowance overpayment
  (the DWP); a building society; a housing association; a pay-in-three app and a home
  shopping catalogue; solicitors for a dental practice; Universal Credit and Personal
  Independence Payment (the DWP); a needle and spring works and the laundrette and dry
  cleaner's itself as employers; a bank's current account and a credit union's; the
  laundrette's notice of uncollected garments and a bowls club's fixtures;
* six ways of setting a letter, all from a laundrette and dry cleaner's, each class in two
  of them (``i`` even / odd):
  - **pintags**: dry-cleaning tags pinned to garments, four a row: each a narrow card with a
    coloured strip at its head, a punched hole and a safety pin through it, the label small
    over the value;
  - **priceboard**: the coin-op price board: a white board with a blue header band of drawn
    coins, two facts a row, each label small at the left of its half and the value bold in
    a yellow price chip beside it;
  - **machines**: the numbered washing machines, three a row: each a white cabinet with a
    control strip of knobs and a number plate, a round door under it holding the label
    small over the value, centred;
  - **hangers**: garments' hangers on a rail, two a row: a chrome rail, each hanger's hook
    and shoulders drawn over a paper cover that holds the label small over the value;
  - **ironing**: an ironing board: a long board with a rounded nose at its right, a checked
    cover, its legs crossed under it, each fact a line inside it, the label small at the
    left and the value bold beside it;
  - **carelabel**: a sewn-in care label: a narrow satin label with a folded loop at its head,
    stitched edges, a row of care symbols (tub, triangle, square with a circle, iron, circle)
    drawn across its top, each fact a centred line, the label small over the value;
  payslips for a needle and spring works (hours at the rate and a twilight hours enhancement,
  weekly or fortnightly, one table "Pay items" with the deductions as minus lines) or the
  laundrette and dry cleaner's (a monthly or four-weekly salary and a pressing bonus,
  "Gross items" over "Taken off" in one column); bank statements from a bank's current
  account (paid out, paid in and balance columns, an overdrawn balance in brackets) or a
  credit union's (each line's amount with a "+" or a "-", the balance after it);
* faces: Carlito under DejaVu Serif Condensed Bold headings, Caladea under Open Sans Bold
  headings, Liberation Sans under Caladea Bold headings, 9.5 to 11 pt; each italic the
  body's own;
* dates as "04-DEC-26" (the day padded, the month in capitals, the year cut to two
  figures, hyphens between, as a ticket printer prints them) and "December 4th 2026" (the
  month first, the day ordinal, no comma); amounts as "£1,234.56" in prose, "£ 1234.56" (a
  space after the pound sign, no thousands comma) in the settings' facts, and "1,234.56"
  (no pound sign) in payslips' and statements' tables; twelve of 76 letters run to two
  pages, their last fact, the rest of the letter and the signature on page 2;
* scans new to the families: washing powder granules (two hundred to four hundred small
  blue, green and white grains strewn over the page; 230 dpi colour JPEG with its
  resolution); dryer lint (two to four clumps of grey fluff, each a tangle of short curled
  fibres; 200 dpi greyscale PNG, its resolution at odd indexes); a fabric conditioner spill
  (a translucent pale blue pool with a run below it, on the page's left or right third; 180
  dpi colour, as a one-page PDF).

What grep found taken, and replaced (checked before any measuring): "ticket" is BA's
(cinema tickets with a stub, two a row), so the dry cleaner's are pinned tags, four a row
and stubless; "tag" is BG's (a hose reel's brass tags) and BC's (a price tag on a vending
machine's snack), so the tags here hang from a safety pin and the price board's values sit
in chips, two a row; "leader" (dot leaders) is in AI, AO, AP, AS, AV, BB, O and R, so the
price board has none; "drum" is in AA, AK, AO, AT and R, so the machines are seen by their
round doors; "stripe" is AG's, AQ's, AY's and BB's, so the ironing board's cover is checked;
"foam" and "bubble" are BG's, BC's, AW's and BD's, so there is no suds scan; "steam" is AS's,
"drip" AT's, "speck" many families' (OCR specks), so the scans are granules, lint and a
spill; "Arrow Valley" is AS's and X's, "Enfield" and "Riverside" several families', so no
such place is named; "hanger" is in AF only inside a street's name (Goldhanger Road). Not all of the above is new: "£1,234.56" is most families'; the
courts, the DWP's benefits and the enforcement words are the law's and the state's; the
fonts are the families' fonts (in pairings not checked exhaustively against theirs).

Labels: none of BI's 109 labels of two words or more (references', dates', the facts' and
the statements' lines) nor of its 20 titles is in a read family's module; 39 of a first
draft's wordings were reworded before any measuring (``REWORDED``): 37 labels, a payslip's
line ("Twilight shift premium", AK's) and a statement's ("Savings brought in")
(benchmarks/OCR.md, "Family BI").

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

FAMILY = "BI"
REWORDED = 39
"""Labels and titles of a first draft found in a read module and reworded before any
measuring."""

PEOPLE = (
    ("Mrs", "Nkechi", "Adebayo-Firth"),
    ("Mr", "Declan", "Rourke-Whitlock"),
    ("Ms", "Agnieszka", "Wrobel-Haines"),
    ("Mr", "Harjit", "Bansal-Crowther"),
)
ADDRESSES = (
    ("17 Brockhill Drive", "Batchley, Redditch", "B97 6QJ"),
    ("Flat 4, 62 Ipsley Church Lane", "Ipsley, Redditch", "B98 0AJ"),
    ("8 Wirehill Close", "Webheath, Redditch", "B97 5RW"),
    ("Flat 9, 21 Pennyfield Walk", "Winyates, Redditch", "B98 0NX"),
)

# -- date and money shapes -------------------------------------------------------------------


def ticket_day(date: dt.date) -> str:
    """04-DEC-26: the day padded, the month in capitals, the year cut, hyphens between."""
    return f"{date:%d}-{date:%b}-{date.year % 100:02d}".upper()


def month_ordinal(date: dt.date) -> str:
    """December 4th 2026: the month first, the day ordinal, no comma."""
    day = date.day
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{date:%B} {day}{suffix} {date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (ticket_day, month_ordinal)
"""The shapes a document's dates take (one a document)."""
ALL_SHAPES = DATE_SHAPES


def plain(pence: int) -> str:
    """1,234.56 (the payslips' and statements' tables)."""
    return money(pence)[1:]


def bare(pence: int) -> str:
    """1234.56"""
    return f"{pence // 100}.{pence % 100:02d}"


def spaced(pence: int) -> str:
    """£ 1234.56: a space after the pound sign, no thousands comma (the settings' facts)."""
    return f"£ {bare(pence)}"


def pounds(pence: int) -> str:
    """£1,234.56 (prose)."""
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Paid weekly, on Fridays", "each week"),
    "fortnightly": ("Paid every other Friday", "each fortnight"),
    "four_weekly": ("Paid once every 4 weeks", "every four weeks"),
    "monthly": ("Paid once a calendar month", "each month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways BI prints a true value (to check it is on the page, or in an OCR text)."""
    if isinstance(value, dt.date):
        return tuple(shape(value) for shape in ALL_SHAPES)
    if isinstance(value, int):
        return (money(value), spaced(value), plain(value), bare(value))
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
        (True, False): _DV + "DejaVuSerifCondensed-Bold.ttf",
        (False, True): _CX + "Carlito-Italic.ttf",
        (True, True): _DV + "DejaVuSerifCondensed-BoldItalic.ttf",
    },
    "caladea": {
        (False, False): _CX + "Caladea-Regular.ttf",
        (True, False): _OS + "OpenSans-Bold.ttf",
        (False, True): _CX + "Caladea-Italic.ttf",
        (True, True): _OS + "OpenSans-BoldItalic.ttf",
    },
    "libsans": {
        (False, False): _LB + "LiberationSans-Regular.ttf",
        (True, False): _CX + "Caladea-Bold.ttf",
        (False, True): _LB + "LiberationSans-Italic.ttf",
        (True, True): _CX + "Caladea-BoldItalic.ttf",
    },
}
"""Each body face under headings of another family: Carlito under DejaVu Serif Condensed
Bold, Caladea under Open Sans Bold, Liberation Sans under Caladea Bold; each italic the
body's own."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)

INK = (22, 20, 30)
WASH_BLUE = (38, 110, 190)
"""The laundrette's blue: the price board's band, the tags' strips."""
CHIP = (250, 220, 70)
STRIPS = ((38, 110, 190), (214, 60, 96), (60, 160, 110), (236, 150, 40))
"""The dry-cleaning tags' head strips (one colour a tag, in turn)."""
SATIN = (246, 244, 236)
CHECKS = (214, 226, 240)


@frozen
class Style:
    face: str = "carlito"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("carlito", 10.5), Style("caladea", 10.0), Style("libsans", 9.5))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind``: "rule" (across above row ``row`` from ``x0`` to ``x1``, ``shade`` its grey),
    "pintag" (a dry-cleaning tag from ``x0`` to ``x1`` over rows ``row``..``last``,
    ``shade`` its strip's colour), "board" (the price board over rows ``row``..``last``),
    "coins" (its header band), "chip" (a price chip), "machine" (a washing machine's
    cabinet), "door" (its round door), "rail" (the hangers' rail), "hanger" (a hanger and
    its paper cover), "ironing" (the ironing board), "legs" (its legs), "carelabel" (the
    sewn-in label) and "symbols" (its care symbols)."""

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


def balance(rng: random.Random, low: int = 6_800, high: int = 640_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    """A working day (letters and court papers are not dated at the weekend)."""
    day = dt.date(2025, 2, 3) + dt.timedelta(days=rng.randrange(670))
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


def shown(letter: Letter, value: object, amount: Callable[[int], str] = spaced) -> str:
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
        page.add((t(0.08, note, size=SMALL - 1),))
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    for row in page.wrapped(text, 0.1, 0.9, size=SMALL - 1):
        page.add((ct(0.5, row[0].text, size=SMALL - 1),))


def _head(page: Sheet, org: Org, style: Style) -> None:
    """The name centred in the heading face, the address and the telephone on one small
    centred line under it, a thin rule and a thick one under both."""
    page.add(*_bold(page, org.name, 0.15, 0.85, style.point + 3, "centre"))
    page.add((ct(0.5, f"{org.street}, {org.town}  ·  Tel. {org.phone}", size=SMALL),))
    page.rule(0.08, 0.92, 120)
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
    page.add((t(0.08, f"Dear {title} {surname}"),)).gap()


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _sign(page: Sheet, org: Org, x: float = 0.08) -> None:
    page.add((t(x, "Yours faithfully"),)).gap()
    page.add((t(x, org.team, True),))


def _start(rng: random.Random, style: Style, letter: Letter) -> Sheet:
    page = Sheet(style)
    _head(page, letter.org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    return page


OVER = "More on the next sheet"
SHEET_TWO = "sheet 2/2"


def _finish(page: Sheet, letter: Letter, style: Style) -> list[Sheet]:
    """The rest of the letter; on a two-page letter page 1 ends here and page 2 holds the
    last fact (its label small at the left, its value bold at the right, on a pale band),
    the rest of the prose and the signature."""
    if not letter.overleaf:
        _prose(page, letter.paras[1:])
        _sign(page, letter.org)
        _foot(page, letter.org)
        return [page]
    _foot(page, letter.org, OVER)
    second = Sheet(style)
    second.add((t(0.08, f"{letter.ref_label}: {letter.ref}", size=SMALL), rt(0.92, f"{letter.org.name}, {SHEET_TWO}", size=SMALL)))  # fmt: skip
    second.rule(0.08, 0.92, 90)
    second.gap()
    label, value = letter.facts[-1]
    top = len(second.rows)
    second.beside(_small(second, label, 0.1, 0.5), _bold(second, shown(letter, value), 0.54, 0.9, second.style.point + 1))  # fmt: skip
    second.rects.append(Rect(top, len(second.rows) - 1, 0.08, 0.92, False, 236))
    second.gap()
    _prose(second, letter.paras[1:])
    _sign(second, letter.org)
    _foot(second, letter.org)
    return [page, second]


# -- the six settings ---------------------------------------------------------------------------

TAGS = ((0.06, 0.27), (0.2775, 0.4875), (0.495, 0.705), (0.7125, 0.9225))
"""The dry-cleaning tags, four a row."""


def _pintags(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Dry-cleaning tags pinned to garments, four a row: each a narrow card with a
    coloured strip at its head, a punched hole and a safety pin, the label small over the
    value."""
    page = _start(rng, style, letter)
    pairs = _rows(letter)
    n = 0
    while pairs:
        group, pairs = pairs[:4], pairs[4:]
        top = len(page.rows)
        columns = [[(), (), *_small(page, label, x0 + 0.012, x1 - 0.012), *_bold(page, value, x0 + 0.012, x1 - 0.012, SMALL + 1), ()] for (label, value), (x0, x1) in zip(group, TAGS, strict=False)]  # fmt: skip
        page.beside(*columns)
        for x0, x1 in TAGS[: len(group)]:
            page.rules.append(Mark("pintag", top, x0, x1, last=len(page.rows) - 1, shade=n % len(STRIPS)))  # fmt: skip
            n += 1
        page.gap()
    return _finish(page, letter, style)


BOARD = ((0.1, 0.49), (0.51, 0.9))
"""The price board's two halves."""
CHIP_AT = 0.14
"""Where a price chip starts in its half (the label to its left)."""


def _priceboard(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The coin-op price board: a header band of drawn coins, two facts a row, each label
    small at the left of its half and the value bold in a yellow chip beside it."""
    page = _start(rng, style, letter)
    board = len(page.rows)
    page.rules.append(Mark("coins", board, 0.1, 0.9))
    page.gap(2)
    pairs = _rows(letter)
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        columns = []
        for (label, value), (x0, x1) in zip(group, BOARD, strict=False):
            columns.append(_small(page, label, x0 + 0.015, x0 + CHIP_AT - 0.01))
            columns.append(_bold(page, value, x0 + CHIP_AT + 0.01, x1 - 0.01, SMALL + 1.5))
        page.beside(*columns)
        for x0, x1 in BOARD[: len(group)]:
            page.rules.append(Mark("chip", top, x0 + CHIP_AT, x1, last=len(page.rows) - 1))
        page.gap()
    page.rules.insert(0, Mark("board", board, 0.08, 0.92, last=len(page.rows) - 1))
    page.gap()
    return _finish(page, letter, style)


MACHINES = ((0.09, 0.355), (0.3675, 0.6325), (0.645, 0.91))
"""The washing machines, three a row."""


def _machines(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The numbered washing machines, three a row: a cabinet with a control strip, a round
    door under it holding the label small over the value, centred."""
    page = _start(rng, style, letter)
    pairs = _rows(letter)
    while pairs:
        group, pairs = pairs[:3], pairs[3:]
        top = len(page.rows)
        columns = [[(), (), *_small(page, label, x0 + 0.05, x1 - 0.05, centre=True), *_bold(page, value, x0 + 0.03, x1 - 0.03, SMALL + 1.5, "centre"), ()] for (label, value), (x0, x1) in zip(group, MACHINES, strict=False)]  # fmt: skip
        page.beside(*columns)
        last = len(page.rows) - 1
        for x0, x1 in MACHINES[: len(group)]:
            page.rules.append(Mark("machine", top, x0, x1, last=last))
            page.rules.append(Mark("door", top + 1, x0 + 0.02, x1 - 0.02, last=last))
        page.gap()
    return _finish(page, letter, style)


HANGERS = ((0.1, 0.47), (0.53, 0.9))
"""The hangers on the rail, two a row."""


def _hangers(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Garments' hangers on a rail, two a row: each hanger's hook and shoulders over a
    paper cover holding the label small over the value."""
    page = _start(rng, style, letter)
    pairs = _rows(letter)
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        page.rules.append(Mark("rail", top, 0.08, 0.92))
        columns = [[(), (), *_small(page, label, x0 + 0.03, x1 - 0.03), *_bold(page, value, x0 + 0.03, x1 - 0.03, SMALL + 2), ()] for (label, value), (x0, x1) in zip(group, HANGERS, strict=False)]  # fmt: skip
        page.beside(*columns)
        for x0, x1 in HANGERS[: len(group)]:
            page.rules.append(Mark("hanger", top, x0, x1, last=len(page.rows) - 1))
        page.gap()
    return _finish(page, letter, style)


def _ironing(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """An ironing board: a checked cover, a rounded nose at its right, crossed legs under
    it, each fact a line inside it, the label small at the left and the value bold beside
    it."""
    page = _start(rng, style, letter)
    board = len(page.rows)
    page.gap()
    for label, value in _rows(letter):
        page.beside(_small(page, label, 0.14, 0.38), _bold(page, value, 0.41, 0.8, style.point + 0.5))  # fmt: skip
    page.rules.insert(0, Mark("ironing", board, 0.1, 0.92, last=len(page.rows) - 1))
    page.rules.append(Mark("legs", len(page.rows), 0.22, 0.7, last=len(page.rows) + 1))
    page.gap(3)
    return _finish(page, letter, style)


CARE = (0.28, 0.72)
"""The care label's edges."""


def _carelabel(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A sewn-in care label: a folded loop at its head, stitched edges, a row of care
    symbols, each fact a centred line, the label small over the value."""
    page = _start(rng, style, letter)
    label_top = len(page.rows)
    page.gap()
    page.rules.append(Mark("symbols", len(page.rows), CARE[0] + 0.03, CARE[1] - 0.03, last=len(page.rows) + 1))  # fmt: skip
    page.gap(3)
    for label, value in _rows(letter):
        page.add(*_small(page, label, CARE[0] + 0.03, CARE[1] - 0.03, centre=True))
        page.add(*_bold(page, value, CARE[0] + 0.03, CARE[1] - 0.03, style.point + 1, "centre"))
        page.gap()
    page.rules.insert(0, Mark("carelabel", label_top, CARE[0], CARE[1], last=len(page.rows) - 1))
    page.gap()
    return _finish(page, letter, style)


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "pintags": _pintags,
    "priceboard": _priceboard,
    "machines": _machines,
    "hangers": _hangers,
    "ironing": _ironing,
    "carelabel": _carelabel,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    kind = kinds[i % 2]
    style = STYLES[(i + len(letter.ref_label)) % len(STYLES)]
    sheets = KINDS[kind](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    """One shape a document."""
    return rng.choice(DATE_SHAPES)


# -- organisations (none named by a read family but the state's and the courts') ---------------


def _ltd(name: str, number: str, office: str, extra: str = "") -> str:
    return f"Registered in England and Wales, company no. {number}. {name}, registered office {office}.{extra}"  # fmt: skip


FCA = " We are authorised and regulated by the Financial Conduct Authority."
AGENCY = Org("Matchborough Debt Recovery Ltd", "Unit 3, Matchborough Centre", "Redditch B98 0EU", "01527 503 214",
             _ltd("Matchborough Debt Recovery Ltd", "12847730", "Matchborough Way, Redditch B98 0EU", FCA), "Recoveries Desk")  # fmt: skip
CARD = Org("Winyates Card Services Ltd", "PO Box 7120", "Redditch B98 9WC", "0345 602 7741",
           _ltd("Winyates Card Services Ltd", "10938824", "Winyates Centre, Redditch B98 0NR", FCA))  # fmt: skip
MOTORBIKES = Org("Forge Mill Motorcycle Finance Ltd", "Needle Mill Lane", "Redditch B98 8HY", "01527 584 630",
                 _ltd("Forge Mill Motorcycle Finance Ltd", "09457712", "Needle Mill Lane, Redditch B98 8HY", FCA), "Two-Wheel Finance Team")  # fmt: skip
LENDER = Org("Batchley Personal Loans Ltd", "PO Box 5528", "Redditch B97 9PL", "0333 014 2288",
             _ltd("Batchley Personal Loans Ltd", "11620457", "Batchley Road, Redditch B97 6HF", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court Business Centre", "St Katharine's House", "Northampton NN1 2LH", "0300 123 1057",
                  "Issued for the County Court by the Civil National Business Centre, St Katharine's House, Northampton. Court staff cannot give legal advice.", "Court Manager")  # fmt: skip
WORCESTER_COURT = "County Court at Worcester"
JUDGMENT_COURT = Org(WORCESTER_COURT, "Worcester Justice Centre", "Worcester WR1 2EY", "0300 123 5577",
                     "The County Court at Worcester. Write to the court quoting the claim number; the office is open 10am to 4pm.", "Court Manager")  # fmt: skip
MOBILE = Org("Webheath Mobile Ltd", "Billing Centre", "Redditch B97 5JX", "01527 546 882",
             _ltd("Webheath Mobile Ltd", "10213396", "Heathfield Road, Webheath, Redditch B97 5SQ"))  # fmt: skip
AGENTS = Org("Headless Cross Enforcement Ltd", "Evesham Road", "Redditch B97 4JZ", "01527 550 913",
             _ltd("Headless Cross Enforcement Ltd", "08731146", "Evesham Road, Headless Cross, Redditch B97 4JZ", " Our agents hold certificates under the Certification of Enforcement Agents Regulations 2014."), "Enforcement Desk")  # fmt: skip
BOROUGH = "Redditch Borough Council"
TAX = Org(BOROUGH, "Council Tax, Town Hall, Walter Stranz Square", "Redditch B98 8AH", "01527 64252",
          "Redditch Borough Council, Town Hall, Walter Stranz Square, Redditch. Council tax pays for bin collections, parks and leisure.", "Revenues Section")  # fmt: skip
LINEN = Org("Oakenshaw Linen Hire Ltd", "Unit 11, Park Farm Industrial Estate", "Redditch B98 7SN", "01527 529 604",
            _ltd("Oakenshaw Linen Hire Ltd", "04882619", "Park Farm Industrial Estate, Redditch B98 7SN"), "Sales Ledger")  # fmt: skip
GAS = Org("Abbeydale Gas Supply Ltd", "PO Box 2261", "Redditch B97 9GS", "0800 054 3310",
          _ltd("Abbeydale Gas Supply Ltd", "12390577", "Abbey Road, Redditch B97 4JN"), "Gas Billing")  # fmt: skip
WATER = Org("Bordesley Water plc", "Household Accounts", "Redditch B98 9BW", "0345 071 4496",
            _ltd("Bordesley Water plc", "03387261", "Bordesley Lane, Redditch B97 6RR"), "Household Accounts")  # fmt: skip
HMCTS = "HM Courts and Tribunals Service"
FINES = Org(HMCTS, "Fines Unit, Comberton Place", "Kidderminster DY10 1QQ", "0300 790 6234",
            "Fines imposed at Kidderminster Magistrates' Court are collected by HM Courts and Tribunals Service.", "Fines Unit")  # fmt: skip
STORECARD = Org("Church Green Department Store Card Ltd", "Church Green West", "Redditch B97 4DY", "0345 604 1172",
                _ltd("Church Green Department Store Card Ltd", "06642209", "Church Green West, Redditch B97 4DY", FCA))  # fmt: skip
BUYER = Org("Crabbs Cross Receivables Ltd", "PO Box 8862", "Redditch B97 9CC", "0333 320 5517",
            _ltd("Crabbs Cross Receivables Ltd", "11507783", "Crabbs Cross Lane, Redditch B97 5LB", FCA), "Bought Accounts")  # fmt: skip
DWP = "Department for Work and Pensions"
DEBT = Org(DWP, "Debt Management, PO Box 5103", "Sheffield S98 1WB", "0800 916 0658",
           "DWP Debt Management recovers money owed to the Department for Work and Pensions.", "Debt Management")  # fmt: skip
SOCIETY = Org("Feckenham Building Society", "Home Loans, 12 Alcester Street", "Redditch B98 8AE", "01527 62218",
              "Feckenham Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 206741).", "Home Loans Support")  # fmt: skip
HOMES = Org("Woodrow Homes Housing Association", "Rents Team, Woodrow Centre", "Redditch B98 7RY", "01527 517 400",
            "Woodrow Homes Housing Association is a registered provider of social housing (no. L4520) and a charitable community benefit society.", "Rents Team")  # fmt: skip
PAYIN3 = Org("Ipsley Pay Ltd", "help@ipsleypay.example", "Redditch B98 0TH", "01527 430 117",
             _ltd("Ipsley Pay Ltd", "13958820", "Ipsley Street, Redditch B98 7AA", FCA), "Ipsley Pay Support")  # fmt: skip
CATALOGUE = Org("Greenlands Home Shopping Ltd", "Customer Accounts", "Redditch B98 7HB", "0345 276 0923",
                _ltd("Greenlands Home Shopping Ltd", "05113284", "Greenlands Drive, Redditch B98 7HB", FCA))  # fmt: skip
DENTIST = Org("Smallwood Dental Practice Ltd", "40 Prospect Hill", "Redditch B97 4BS", "01527 63310",
              _ltd("Smallwood Dental Practice Ltd", "07328859", "Prospect Hill, Redditch B97 4BS"))  # fmt: skip
SOLICITORS = Org("Hewell Prospect LLP", "Solicitors, 5 Evesham Street", "Redditch B97 4HP", "01527 61144",
                 "Hewell Prospect LLP is authorised and regulated by the Solicitors Regulation Authority (SRA number 614488).", "Recoveries Department")  # fmt: skip
WORKS = Org("Studley Needle and Spring Works Ltd", "Wages Office, Millsborough Road", "Redditch B98 7BU", "01527 526 318",
            _ltd("Studley Needle and Spring Works Ltd", "00774132", "Millsborough Road, Redditch B98 7BU"), "Wages Office")  # fmt: skip
LAUNDRETTE = Org("Winyates Wash and Press Ltd", "Laundrette and Dry Cleaner's, 3 Winyates Centre", "Redditch B98 0NR", "01527 502 688",
                 _ltd("Winyates Wash and Press Ltd", "09904417", "Winyates Centre, Redditch B98 0NR"), "Winyates Wash and Press")  # fmt: skip
BANK = Org("Hewell Grange Bank plc", "Redditch branch, 9 Market Place", "Redditch B98 8AA", "0345 309 6614",
           _ltd("Hewell Grange Bank plc", "00683201", "Market Place, Redditch B98 8AA", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Hewell Grange Bank")  # fmt: skip
UNION = Org("Needle District Credit Union Ltd", "Kingfisher Walk", "Redditch B97 4EY", "01527 591 240",
            "Needle District Credit Union Ltd is authorised by the PRA and regulated by the FCA and the PRA (FRN 214062).", "Members' Desk")  # fmt: skip
UC = Org(DWP, "Universal Credit, PO Box 4206", "Wolverhampton WV98 1HH", "0800 328 5644",
         "Universal Credit is paid by the Department for Work and Pensions.", "Universal Credit team")  # fmt: skip
PIP = Org(DWP, "PIP, Post Handling Site B", "Wolverhampton WV99 1AH", "0800 121 4433",
          "Personal Independence Payment is paid by the Department for Work and Pensions.", "PIP Payments")  # fmt: skip
BOWLS = Org("Morton Stanley Bowls Club", "c/o The Pavilion, Windmill Drive", "Redditch B97 6TD", "07700 900 584",
            "Crown green bowls on the park's green from April to September; beginners are coached on Saturdays.", "Fixtures Secretary")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """The recovery firm's letter for a card firm (even: the dry-cleaning tags) or the
    motorcycle finance firm's arrears letter (odd: the price board, two pages)."""
    kinds = ("pintags", "priceboard")
    when, date = _when(rng), dated(rng)
    by = later(date, 14)
    if i % 2 == 0:
        owed = balance(rng)
        ref = f"MDR/{digits(rng, 5)}/{letters(rng, 1)}"
        letter = Letter(
            org=AGENCY, title="Winyates Card Services has passed your card account to Matchborough", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
            ref_label="Matchborough file", ref=ref, date_label="Sent from Matchborough",
            facts=[("Card debt we now collect", owed), ("Matchborough acts for", CARD.name), ("Please reply to the Recoveries Desk by", by)],
            paras=(f"{CARD.name} has stopped your credit card and asked us to recover what is left on it for them.",
                   f"You owe {pounds(owed)}. Please pay it, or telephone the Recoveries Desk to set up payments you can afford, no later than {when(by)}.",
                   "We collect debts; we are not bailiffs and nobody will call at your home. Free, confidential advice is available from StepChange, National Debtline and Citizens Advice, and we will put your account on hold for 30 days while you get it."),
        )  # fmt: skip
    else:
        owed = balance(rng, 24_000, 372_000)
        ref = f"FMF{digits(rng, 7)}"
        letter = Letter(
            org=MOTORBIKES, title="Payments on your motorcycle agreement have fallen behind", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, MOTORBIKES.name, ref, owed, date, deadline_date=by),
            ref_label="Two-wheel agreement", ref=ref, date_label="Forge Mill wrote on", overleaf=True,
            facts=[("Motorcycle instalments behind", owed), ("Bike on the agreement", f"Triumph {rng.choice(('Speed 400', 'Trident 660', 'Bonneville T100'))}"), ("Clear the instalments behind by", by)],
            paras=("The monthly payments under your hire purchase agreement for a motorcycle have not been made.",
                   f"{pounds(owed)} is overdue. Please pay it, or ring the Two-Wheel Finance Team to agree a plan, by {when(by)}.",
                   "If the arrears stay unpaid we may send you a default notice. The motorcycle belongs to us until the agreement is paid off, so you must not sell it."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("machines", "ironing")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 56_000, 540_000)
    fee = rng.choice((11_500, 20_500, 35_500))
    costs = rng.choice((8_000, 10_000))
    total = claimed + fee + costs
    ref = f"BPL{digits(rng, 7)}"
    number = f"{rng.choice('KLMN')}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 1)}{letters(rng, 1)}{digits(rng, 2)}"
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="Batchley Personal Loans has started a money claim against you", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, LENDER.name, ref, total, date, court_claim_number=number, served_date=served, deadline_date=by),
        ref_label="Money claim no.", ref=number, date_label="CNBC issued the claim on", overleaf=i % 2 == 1,
        facts=[("Total with fee and legal costs", total), ("Loans firm bringing the claim", LENDER.name), ("Batchley loan account", ref), ("Served, as the court treats it, on", served), ("Respond to the court no later than", by)],
        paras=(f"{LENDER.name} says that you have not repaid a personal loan, and asks the court to order you to pay the balance with its court fee and its legal representative's costs.",
               f"The amount claimed is {pounds(claimed)}, the court fee {pounds(fee)} and the costs {pounds(costs)}: {pounds(total)} altogether. The claim form is treated as served on {when(served)}.",
               f"By {when(by)} use the response pack to pay, to admit the claim in whole or in part and offer instalments, or to defend it. If you do nothing, the claimant can ask the court for judgment against you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("carelabel", "hangers")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 27_000, 610_000)
    ref = f"WML{digits(rng, 4)}-{digits(rng, 4)}"
    number = f"{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 2)}"
    by = later(date, 30)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    facts: list[Fact] = [
        ("Worcester judgment amount", owed),
        ("Webheath phone account", ref),
    ]
    if extra:
        facts.append(("Whole sum to reach the claimant by", by))
    how = (f"You must pay {pounds(owed)} to the claimant by {when(by)}." if extra
           else f"You must pay {pounds(owed)} to the claimant at once.")  # fmt: skip
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment for the claimant: you did not reply to the claim", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, MOBILE.name, ref, owed, date, court_claim_number=number, **extra),
        ref_label="Worcester claim no.", ref=number, date_label="Judgment entered at Worcester",
        facts=facts,
        paras=(f"{MOBILE.name} claimed money from you for an unpaid mobile phone contract. You did not respond, so the court has entered judgment for the claimant.",
               how + " Send the payment to the claimant, not to the court.",
               "If you pay everything within one month of the judgment it will not stay on the Register of Judgments, Orders and Fines. If you do not pay, the claimant may ask the court to enforce it, for example by an attachment of earnings order or a warrant of control."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """The enforcement agents' notice under a writ of control (even: the ironing board) or
    under the council's liability order (odd: the washing machines)."""
    kinds = ("ironing", "machines")
    when, date = _when(rng), dated(rng)
    case = f"HCE-{digits(rng, 7)}"
    by = later(date, 7)
    if i % 2 == 0:
        owed = balance(rng, 58_000, 410_000) + 7_500
        letter = Letter(
            org=AGENTS, title="Headless Cross enforcement: High Court writ of control", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, LENDER.name, case, owed, date, deadline_date=by),
            ref_label="Headless Cross case", ref=case, date_label="Notice given by Headless Cross",
            facts=[("Writ sum and £75 compliance stage", owed), ("Judgment creditor behind the writ", LENDER.name), ("Agents may call from", by)],
            paras=(f"The High Court has issued a writ of control to enforce the judgment {LENDER.name} obtained against you, and the writ has been given to us to enforce.",
                   f"Pay {pounds(owed)} by {when(by)}. After that an enforcement agent may come to take control of your goods, and further fees will be added.",
                   "If you cannot pay, or anyone in your home is vulnerable, telephone the Enforcement Desk at once. We can consider an arrangement, and free debt advice is available."),
        )  # fmt: skip
    else:
        owed = rng.randrange(46_000, 236_000) + 7_500
        letter = Letter(
            org=AGENTS, title="Redditch council tax: notice of enforcement by Headless Cross", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, BOROUGH, case, owed, date, deadline_date=by),
            ref_label="Headless Cross case", ref=case, date_label="Notice given by Headless Cross",
            facts=[("Unpaid tax and our £75 fee", owed), ("Liability order made for", BOROUGH), ("Pay Headless Cross or phone before", by)],
            paras=(f"The magistrates made a liability order for your unpaid council tax, and {BOROUGH} has passed it to us to collect.",
                   f"With the £75.00 compliance fee you must pay {pounds(owed)}. Pay it all, or ring us to agree instalments, before {when(by)}.",
                   "If you do not, an enforcement agent may visit your home and the enforcement stage fee of £235.00 will be added."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("hangers", "carelabel")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 510_000, 2_050_000)
    ref, by = f"OLH{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=LINEN, title="Statutory demand under section 268(1)(a) of the Insolvency Act 1986: a debt payable now", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, LINEN.name, ref, owed, date, deadline_date=by),
        ref_label="Linen hire customer", ref=ref, date_label="Demand made by Oakenshaw", overleaf=i % 2 == 1,
        facts=[("Linen hire invoices unpaid", owed), ("The 21 days run out on", by)],
        paras=("Table linen, towels and workwear were hired to you on credit, and our invoices for that hire remain unpaid.",
               f"The creditor demands that you pay {pounds(owed)}, or secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition against you. You may apply to the court to set this demand aside within 18 days of its service on you. Take advice at once."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("priceboard", "machines")
    when, date = _when(rng), dated(rng)
    ref, by = f"61{digits(rng, 7)}", later(date, 7)
    owed = rng.randrange(30_000, 214_000)
    letter = Letter(
        org=TAX, title="Redditch council tax reminder: instalments not received", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, BOROUGH, ref, owed, date, deadline_date=by),
        ref_label="Redditch tax account", ref=ref, date_label="Reminder sent by Redditch",
        facts=[("Redditch instalments overdue", owed), ("Redditch property band", f"Band {rng.choice('ABCDE')}"), ("Overdue council tax to clear by", by)],
        paras=("We have not received the council tax instalments due on your account.",
               f"Please pay the {pounds(owed)} now overdue by {when(by)}. If you do not, you will lose the right to pay by instalments and the rest of the year's council tax will be due at once.",
               "If your income is low you may be able to get Council Tax Reduction; the Revenues Section can tell you how to apply."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("hangers", "pintags")
    when, date = _when(rng), dated(rng)
    ref, by = f"AGS{digits(rng, 9)}", later(date, 14)
    owed = rng.randrange(5_600, 68_000)
    letter = Letter(
        org=GAS, title="Abbeydale Gas: your bill for the last quarter", date=date, when=when,
        truth=owes(C.UTILITY_BILL, GAS.name, ref, owed, date, deadline_date=by),
        ref_label="Abbeydale customer no.", ref=ref, date_label="Abbeydale billed you on",
        facts=[("Abbeydale quarter's gas charges", owed), ("Payment to reach Abbeydale by", by), ("Gas meter point ref.", digits(rng, 10))],
        paras=("This bill is for the gas used at your home over the last quarter, worked out from your meter readings, with the standing charge for each day.",
               f"Please pay {pounds(owed)}, which includes VAT at 5%, by {when(by)}.",
               "If paying is hard, ring Gas Billing before the due date. We can agree a payment plan and tell you about grants that could help."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("ironing", "carelabel")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 12_000, 152_000)
    ref, by = f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 4)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Bordesley Water: arrears on your water account", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Bordesley water account", ref=ref, date_label="Bordesley wrote to you", overleaf=i % 2 == 1,
        facts=[("Water and waste water unpaid", owed), ("Pay the water arrears or call by", by)],
        paras=("The charges for your water supply and waste water have not been paid, so your account is in arrears.",
               f"The arrears are {pounds(owed)}. Please pay them, or agree instalments with Household Accounts, by {when(by)}.",
               "We cannot cut off the water to your home, but we may pass the debt to a collection agency. Ask about our help tariff if your household income is low."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("pintags", "hangers")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(6_200, 114_000)
    ref, by = f"{digits(rng, 2)}-{digits(rng, 6)}-{rng.randrange(23, 27)}", later(date, 14)
    letter = Letter(
        org=FINES, title="Final demand: your Kidderminster fine is unpaid", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, HMCTS, ref, owed, date, deadline_date=by),
        ref_label="Kidderminster fine account", ref=ref, date_label="Fines Unit demand of",
        facts=[("Kidderminster fine outstanding", owed), ("Whole fine due at the Fines Unit by", by)],
        paras=("The fine, costs and victim surcharge ordered at Kidderminster Magistrates' Court have not been paid as the court directed.",
               f"{pounds(owed)} is unpaid. Pay it all, or contact the Fines Unit, by {when(by)}.",
               "If you do not, the court may deduct the money from your wages or benefits, register the fine against you, or send enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("carelabel", "pintags")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 8_800, 258_000)
    ref, old = (
        f"CCR-{digits(rng, 4)}-{letters(rng, 2)}{digits(rng, 3)}",
        f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}",
    )
    letter = Letter(
        org=BUYER, title="Your Church Green store card debt now belongs to Crabbs Cross", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=STORECARD.name),
        ref_label="Crabbs Cross account", ref=ref, date_label="Crabbs Cross notified you on",
        facts=[("Debt bought by Crabbs Cross", owed), ("First lent by", STORECARD.name), ("Church Green card no.", old)],
        paras=(f"{STORECARD.name} has legally assigned your store card account to us, so the debt is now owed to Crabbs Cross Receivables.",
               f"The balance assigned to us is {pounds(owed)}. We will not add interest.",
               "From now on please pay us, quoting our account number. Any arrangement you already had will carry on as before."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("machines", "priceboard")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(20_000, 470_000)
    ref, by = (
        f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}",
        later(date, 30),
    )
    letter = Letter(
        org=DEBT, title="We paid you too much Carer's Allowance", date=date, when=when,
        truth=owes(C.OVERPAYMENT, DWP, ref, owed, date, deadline_date=by),
        ref_label="NI number of the carer", ref=ref, date_label="Sent by Debt Management",
        facts=[("Overpaid Carer's Allowance to repay", owed), ("Repay the carer's overpayment by", by)],
        paras=("Your earnings went over the limit and we were not told in time, so you were paid Carer's Allowance you were not entitled to.",
               f"The overpayment is {pounds(owed)}. Please pay it back, or contact Debt Management to agree how you will repay, by {when(by)}.",
               "We can take the money from other benefits you receive. If you think the decision is wrong, you can ask us to look at it again within one month."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("priceboard", "ironing")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 47_000, 810_000), rng.randrange(54_000, 152_000)
    ref = f"FBS-{digits(rng, 8)}"
    letter = Letter(
        org=SOCIETY, title="Feckenham Building Society: your home loan is in arrears", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Feckenham home loan", ref=ref, date_label="Feckenham letter dated",
        facts=[("Feckenham arrears so far", owed), ("Monthly home loan payment", monthly)],
        paras=("Some of your monthly mortgage payments have been missed or were not paid in full.",
               f"Your mortgage account is {pounds(owed)} in arrears. Your contractual monthly payment is {pounds(monthly)}.",
               "Please ring Home Loans Support so that we can agree an arrangement you can afford. Repossession is always a last resort, and free guidance is available from MoneyHelper."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("hangers", "machines")
    when, date = _when(rng), dated(rng)
    weekly = rng.randrange(9_600, 17_400)
    owed = weekly * rng.randrange(2, 15) + rng.choice((0, 1_150, 2_300))
    ref = f"WHA/{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="Woodrow Homes: your rent account is behind", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Woodrow tenancy ref.", ref=ref, date_label="Rents Team wrote on", overleaf=i % 2 == 1,
        facts=[("Rent you owe Woodrow", owed), ("Weekly Woodrow rent with service charge", weekly)],
        paras=("Our records show that your rent account is behind.",
               f"You owe {pounds(owed)} in rent. Your rent and service charge is {pounds(weekly)} a week. Please contact the Rents Team to agree how you will clear this.",
               "If the housing element of your Universal Credit has changed or stopped, let us know straight away. We can refer you to free, independent debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("ironing", "pintags")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 3_000, 112_000), later(date, 10)
    if i % 4 < 2:
        org, ref, title = (
            PAYIN3,
            f"IP{letters(rng, 2)}-{digits(rng, 7)}",
            "Ipsley Pay: we could not take two instalments",
        )
        first = "We tried twice to collect your Ipsley Pay instalments from your card, and both attempts failed."
        date_label, ref_label = "Ipsley Pay notice", "Ipsley Pay purchase"
    else:
        org, ref, title = (
            CATALOGUE,
            f"GHS{digits(rng, 8)}",
            "Greenlands Home Shopping: your account is behind",
        )
        first = "Payments on your Greenlands Home Shopping account have been missed, and new orders are on hold until it is up to date."
        date_label, ref_label = "Greenlands arrears letter", "Greenlands shopper no."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label=ref_label, ref=ref, date_label=date_label,
        facts=[("Instalments that failed or were missed", owed), ("Arrears to be cleared no later than", by)],
        paras=(first,
               f"You have missed {pounds(owed)} of payments. Please pay by {when(by)} so that we do not have to report the arrears to the credit reference agencies.",
               "If you are in financial difficulty, tell us: we will pause collection for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("machines", "hangers")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 30_000, 660_000), later(date, 30)
    ref = f"HP/SDP/{digits(rng, 5)}"
    letter = Letter(
        org=SOLICITORS, title="Letter before claim for Smallwood Dental Practice", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, DENTIST.name, ref, owed, date, deadline_date=by),
        ref_label="Hewell Prospect file", ref=ref, date_label="Hewell Prospect wrote on", overleaf=i % 2 == 1,
        facts=[("Dental treatment invoices unpaid", owed), ("Hewell Prospect's client practice", DENTIST.name), ("Reply Form to Hewell Prospect by", by)],
        paras=(f"We act for {DENTIST.name}, which gave you private dental treatment. Its invoices for that treatment have not been paid.",
               f"Our client is owed {pounds(owed)}. Please pay this sum, or fill in and return the enclosed Reply Form, by {when(by)}.",
               "This letter is sent under the Pre-Action Protocol for Debt Claims. If you do not reply, our client may issue court proceedings and claim interest and costs. The enclosed information sheet lists organisations that give free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _works(rng: random.Random, i: int) -> Doc:
    """The needle and spring works' pay statement: one table "Pay items", hours at the
    rate, a twilight hours enhancement, the deductions as minus lines; weekly or fortnightly."""
    org, date, when = WORKS, dated(rng), _when(rng)
    date = later(date, (4 - date.weekday()) % 7)  # a Friday
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    weeks = {"weekly": 1, "fortnightly": 2}[frequency]
    hours = rng.choice((37.0, 39.0, 40.0)) * weeks
    rate = rng.choice((1_244, 1_296, 1_352))
    basic = round(hours * rate)
    premium = rng.randrange(0, 5) * 1_260 * weeks
    gross = basic + premium
    cuts = [("Income tax withheld (1257L)", gross * 10 // 100), ("NI contributions at class 1", gross * 6 // 100), ("Works pension scheme", gross * 4 // 100), ("Sports and social club", 150 * weeks)]  # fmt: skip
    off = sum(a for _, a in cuts)
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Pay statement", True, size=style.point + 3), rt(0.92, f"Pay day {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{surname.upper()}, {first}: spring coiler", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Works no. {digits(rng, 4)}   Tax code 1257L", size=size),)).gap()
    page.add((t(0.08, "Pay items", True, size=size), rt(0.62, "Hours", True, size=size), rt(0.76, "Rate", True, size=size), rt(0.92, "£", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 100)
    page.add((t(0.1, "Basic pay", size=size), rt(0.62, f"{hours:.2f}", size=size), rt(0.76, plain(rate), size=size), rt(0.92, plain(basic), size=size)))  # fmt: skip
    page.add((t(0.1, "Twilight hours enhancement", size=size), rt(0.92, plain(premium), size=size)))
    for what, amount in cuts:
        page.add((t(0.1, what, size=size), rt(0.92, f"-{plain(amount)}", size=size)))
    page.rule(0.08, 0.92, 100)
    page.add((t(0.08, "Gross for the period", True, size=size), rt(0.92, plain(gross), True, size=size)))  # fmt: skip
    page.add((t(0.08, "Deductions for the period", True, size=size), rt(0.92, plain(off), True, size=size)))  # fmt: skip
    top = len(page.rows)
    page.add((t(0.5, "Take-home pay", True, size=size), rt(0.92, plain(gross - off), True, size=style.point + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.48, 0.93, True, 226))
    page.gap()
    page.para("Queries about this statement go to the Wages Office within seven days of pay day.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def _laundrette(rng: random.Random, i: int) -> Doc:
    """The laundrette and dry cleaner's payslip: "Gross items" over "Taken off" in one
    column (a salary and a pressing bonus; tax, NI and pension); monthly or four-weekly."""
    org, date, when = LAUNDRETTE, dated(rng), _when(rng)
    frequency = ("monthly", "four_weekly")[(i // 2) % 2]
    salary = {"monthly": rng.randrange(176_000, 228_000), "four_weekly": rng.randrange(162_000, 210_000)}[frequency]  # fmt: skip
    bonus = rng.randrange(2_500, 14_000)
    gross = salary + bonus
    less = [("Income tax (PAYE)", gross * 9 // 100), ("Employee's class 1 NI", gross * 6 // 100), ("Laundrette pension scheme", gross * 3 // 100)]  # fmt: skip
    off = sum(a for _, a in less)
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[(i + 2) % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Wage slip", True, size=style.point + 3), rt(0.92, f"Paid on {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}, presser and counter assistant", size=size),))
    page.add((t(0.08, f"Payroll no. {digits(rng, 3)}", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size))).gap()  # fmt: skip
    page.add((t(0.2, "Gross items", True, size=size), rt(0.8, "£", True, size=size)))
    page.rule(0.2, 0.8, 70)
    page.add((t(0.22, "Salary", size=size), rt(0.8, plain(salary), size=size)))
    page.add((t(0.22, "Pressing bonus", size=size), rt(0.8, plain(bonus), size=size)))
    page.add((t(0.2, "Gross pay", True, size=size), rt(0.8, plain(gross), True, size=size))).gap()
    page.add((t(0.2, "Taken off", True, size=size), rt(0.8, "£", True, size=size)))
    page.rule(0.2, 0.8, 70)
    for what, amount in less:
        page.add((t(0.22, what, size=size), rt(0.8, plain(amount), size=size)))
    page.add((t(0.2, "Total taken off", True, size=size), rt(0.8, plain(off), True, size=size))).gap()  # fmt: skip
    top = len(page.rows)
    page.add((t(0.2, "Net pay", True, size=size), rt(0.8, plain(gross - off), True, size=style.point + 1.5)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.18, 0.82, False, 232))
    page.gap()
    page.para("The pressing bonus is paid on garments pressed above the weekly target.", size=SMALL)
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """The needle and spring works' pay statement (even) or the laundrette's wage slip
    (odd)."""
    return _works(rng, i) if i % 2 == 0 else _laundrette(rng, i)


def _bracketed(pence: int) -> str:
    """An overdrawn balance in brackets: (1,234.56)."""
    return plain(pence) if pence >= 0 else f"({plain(-pence)})"


def _bank(rng: random.Random, i: int) -> Doc:
    """A bank's current account: date, description, paid out, paid in, balance (an
    overdrawn balance in brackets)."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Current account statement", True, size=style.point + 2), rt(0.92, f"Statement to {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Sort code 30-{digits(rng, 2)}-{digits(rng, 2)}   Account {digits(rng, 8)}   Sheet {rng.randrange(10, 160)}", size=size),)).gap()  # fmt: skip
    xs = (0.6, 0.75, 0.92)
    page.add((t(0.08, "Date", True, size=size), t(0.19, "Description", True, size=size), *(rt(x, h, True, size=size) for x, h in zip(xs, ("Paid out", "Paid in", "Balance £"), strict=True))))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(-14_000, 61_000)
    page.add((t(0.19, "Opening balance", size=size), rt(0.92, _bracketed(running), size=size)))
    items = [("STUDLEY NEEDLE WAGES", rng.randrange(36_000, 72_000)), ("DD REDDITCH BC CTAX", -rng.randrange(8_800, 18_000)),
             ("CARD ASDA REDDITCH", -rng.randrange(1_400, 8_600)), ("DD ABBEYDALE GAS", -rng.randrange(3_800, 12_600)),
             ("STUDLEY NEEDLE WAGES", rng.randrange(36_000, 72_000)), ("CASH KINGFISHER CTR", -1_000 * rng.randrange(1, 6)),
             ("WINYATES WASH N PRESS", -rng.randrange(450, 2_400))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        day = later(date, -offset)
        cells = [t(0.08, f"{day:%d}{day:%b}".upper(), size=size), t(0.19, what, size=size)]
        cells.append(rt(xs[0] if amount < 0 else xs[1], plain(abs(amount)), size=size))
        cells.append(rt(0.92, _bracketed(running), size=size))
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.19, "Closing balance", True, size=size), rt(0.92, _bracketed(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("A balance in brackets means the account is overdrawn. Please check this statement and tell us at once about any payment you do not recognise.", size=SMALL)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def _union(rng: random.Random, i: int) -> Doc:
    """A credit union's savings account: each line's amount with a "+" or a "-", the
    balance after it."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, UNION, style)
    _, lines = person(rng)
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Savings account statement", True, size=style.point + 2),))
    page.add((t(0.08, f"Member {digits(rng, 6)}", size=size), rt(0.92, f"Printed {when(date)}", size=size))).gap()  # fmt: skip
    page.add((t(0.08, "Date", True, size=size), t(0.22, "Entry", True, size=size), rt(0.72, "+ / -", True, size=size), rt(0.92, "Savings", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(7_500, 115_000)
    page.add((t(0.22, "Savings at opening", size=size), rt(0.92, plain(running), size=size)))
    items = [("Saved through the works payroll", rng.randrange(2_400, 6_800)), ("Cash from the Kingfisher Walk desk", -1_000 * rng.randrange(1, 4)),
             ("PIP from DWP", rng.randrange(28_000, 43_000)), ("To your credit union loan", -rng.randrange(4_400, 12_600)),
             ("Saved through the works payroll", rng.randrange(2_400, 6_800)), ("Paid to Bordesley Water", -rng.randrange(2_300, 6_900))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        day = later(date, -offset)
        sign = "+" if amount >= 0 else "-"
        page.add((t(0.08, f"{day.day:02d}.{day.month:02d}", size=size), t(0.22, what, size=size), rt(0.72, f"{sign}{plain(abs(amount))}", size=size), rt(0.92, plain(running), size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    page.add((t(0.22, "Savings carried on", True, size=size), rt(0.92, plain(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("A minus sign marks money taken out of your savings. Savings are protected by the FSCS up to its limit.", size=SMALL)  # fmt: skip
    _foot(page, UNION)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def bank_statement(rng: random.Random, i: int) -> Doc:
    """The bank's current account (even) or the credit union's savings account (odd)."""
    return _bank(rng, i) if i % 2 == 0 else _union(rng, i)


def benefit(rng: random.Random, i: int) -> Doc:
    """Universal Credit (even: the care label) or Personal Independence Payment (odd: the
    price board)."""
    kinds = ("carelabel", "priceboard")
    when, date = _when(rng), dated(rng)
    ref = (
        f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}"
    )
    if i % 2 == 0:
        org, what = UC, "Universal Credit"
        frequency = "monthly"
        paid = rng.randrange(38_000, 139_000)
        date_label = "UC award made"
    else:
        org, what = PIP, "Personal Independence Payment"
        frequency = "four_weekly"
        paid = 4 * rng.choice((7_390, 11_035, 18_440))
        date_label = "PIP decision made"
    letter = Letter(
        org=org, title=f"What you will get: {what}", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="National Insurance no. of the claimant", ref=ref, date_label=date_label,
        facts=[("Each sum paid into your account", paid), ("Payments arrive", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"We have made a decision on your claim for {what}.",
               f"We will pay you {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]} into your account.",
               "Tell us straight away about any change that could affect what you get, for example a stay in hospital, a change in your income or in who lives with you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the laundrette's notice of uncollected garments (the pinned tags) and
    the bowls club's fixtures (the ironing board)."""
    kinds = ("pintags", "ironing")
    when, date = _when(rng), dated(rng)
    on = later(date, 9 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=LAUNDRETTE, title="Garments waiting for you at the counter", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Dry-cleaning docket", ref=rng.choice(("Two suits", "One winter coat", "Three shirts", "A duvet")),
            facts=[("Last day to collect", on), ("Counter hours at Winyates", "Mon to Sat, 8 am to 7 pm"), ("Please show at the counter", "The pink counter slip")],
            paras=("Thank you for using our dry-cleaning service.",
                   f"Your cleaned items are ready. Please collect them by {when(on)}; after that they may be given to charity.",
                   "Service washes booked before 10 am are ready the same afternoon."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=BOWLS, title="Summer fixtures and the open triples", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Rink you play on", ref=rng.choice(("Rink one", "Rink two", "Rink four", "Rink six")),
            facts=[("Open triples day", on), ("Meet on the green at", "1.30 pm, whites please")],
            paras=("Thank you to the members who relaid the green's edges in the spring.",
                   f"The open triples are on {when(on)}; teas are served in the pavilion.",
                   "New members may borrow woods from the club for their first season."),
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
class BISample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 5960


def build_bi(per_class: int = 4, *, seed: int = SEED) -> list[BISample]:
    """``per_class`` documents of every class, held out, family ``<class>:BI``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, BISample)


PRINT = Printer(FONTS.font, FONTS.measure)


def page_size(sample: BISample, dpi: int) -> tuple[int, int]:
    return PRINT.page_size(sample, dpi)


def bi_text(sample: BISample) -> str:
    """Every page's text, pages apart by form feeds."""
    return PRINT.text(sample)


def bi_pages(sample: BISample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return PRINT.pages(sample, dpi=dpi)


# -- drawing the page ---------------------------------------------------------------------------


@frozen
class BIScan:
    dpi: int
    skew: float
    """Degrees."""
    granules: bool = False
    """Washing powder granules; colour, JPEG."""
    lint: bool = False
    """Dryer lint; greyscale, PNG."""
    spill: bool = False
    """A fabric conditioner spill; colour, as PDF."""


SCANS = (
    BIScan(dpi=230, skew=-0.35, granules=True),
    BIScan(dpi=200, skew=0.4, lint=True),
    BIScan(dpi=180, skew=-0.2, spill=True),
)

PAPER = (250, 250, 246)
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
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(m.shade,) * 3, width=max(1, g.line * 2))


def _pintag(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A dry-cleaning tag: a cream card, a coloured strip at its head with a punched hole,
    a safety pin through the hole."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=(252, 248, 232), outline=(150, 140, 110), width=max(1, g.line))  # fmt: skip
    strip = y0 + max(6, g.body)
    pen.rectangle((x0, y0, x1, strip), fill=STRIPS[m.shade % len(STRIPS)])
    cx, cy, r = (x0 + x1) // 2, (y0 + strip) // 2, max(2, g.body // 5)
    pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=PAPER, outline=(90, 90, 96))
    # the safety pin: a shank through the hole, its head (a small loop) at the right
    pen.line((cx - g.x(0.04), cy - r, cx + g.x(0.035), cy - r), fill=(120, 124, 132), width=max(1, g.line))  # fmt: skip
    pen.line((cx - g.x(0.04), cy - r, cx + g.x(0.035), cy + r), fill=(120, 124, 132), width=max(1, g.line))  # fmt: skip
    pen.ellipse((cx + g.x(0.03), cy - 2 * r, cx + g.x(0.03) + 3 * r, cy + r), outline=(120, 124, 132), width=max(1, g.line))  # fmt: skip


def _board(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The price board: white, a blue frame."""
    y0, y1 = _span(g, m)
    pad = max(4, g.body // 2)
    pen.rectangle((g.x(m.x0), y0 - pad, g.x(m.x1), y1 + pad), fill=(255, 255, 255), outline=WASH_BLUE, width=max(2, g.line * 3))  # fmt: skip


def _coins(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The board's header band: blue, a row of drawn coins across it."""
    y0, y1 = g.top(m.row) - g.body // 4, g.foot(m.row + 1)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=WASH_BLUE)
    r = max(3, (y1 - y0) // 3)
    cy = (y0 + y1) // 2
    for k in range(8):
        cx = x0 + (x1 - x0) * (2 * k + 1) // 16
        pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(226, 196, 96), outline=(150, 120, 40), width=max(1, g.line))  # fmt: skip


def _chip(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A price chip: a yellow rounded bar behind the value."""
    y0, y1 = _span(g, m)
    pen.rounded_rectangle((g.x(m.x0), y0, g.x(m.x1), y1), radius=max(3, (y1 - y0) // 3), fill=CHIP, outline=(170, 140, 30), width=max(1, g.line))  # fmt: skip


def _machine(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A washing machine's cabinet: white, a grey control strip with knobs and a number
    plate at its head."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rounded_rectangle((x0, y0, x1, y1), radius=max(3, g.body // 3), fill=(248, 249, 251), outline=(110, 114, 122), width=max(1, g.line * 2))  # fmt: skip
    strip = g.foot(m.row) - g.body // 4
    pen.rectangle((x0 + g.line * 2, y0 + g.line * 2, x1 - g.line * 2, strip), fill=(208, 212, 218))
    r = max(2, (strip - y0) // 4)
    cy = (y0 + strip) // 2
    for k in (1, 2):
        cx = x0 + (x1 - x0) * k // 8
        pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(80, 84, 92))
    plate = (x1 - (x1 - x0) // 4, cy - r, x1 - (x1 - x0) // 12, cy + r)
    pen.rectangle(plate, fill=(255, 255, 255), outline=(80, 84, 92))


def _door(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The machine's round door: a grey rim, a pale glass."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
    r = max((x1 - x0) // 2, (y1 - y0) // 2)
    rx, ry = (x1 - x0) // 2, min(r, (y1 - y0) // 2 + g.body // 2)
    pen.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=(236, 242, 248), outline=(130, 134, 142), width=max(2, g.line * 3))  # fmt: skip


def _rail(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The chrome rail the hangers hang from."""
    y = g.top(m.row) - g.body // 4
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(150, 154, 162), width=max(3, g.line * 4))
    pen.line((g.x(m.x0), y - g.line, g.x(m.x1), y - g.line), fill=(220, 222, 228), width=max(1, g.line))  # fmt: skip


def _hanger(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A hanger: its hook over the rail, its shoulders down to a paper cover that holds
    the label and the value."""
    _, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    cx = (x0 + x1) // 2
    rail = g.top(m.row) - g.body // 4
    r = max(3, g.body // 3)
    pen.arc((cx - r, rail - r, cx + r, rail + r), 180, 360, fill=(90, 94, 102), width=max(1, g.line + 1))  # fmt: skip
    cover = (g.top(m.row + 1) + g.top(m.row + 2)) // 2
    pen.line((cx + r, rail, cx + r, rail + r), fill=(90, 94, 102), width=max(1, g.line + 1))
    pen.line((cx + r, rail + r, x0, cover), fill=(90, 94, 102), width=max(1, g.line + 1))
    pen.line((cx + r, rail + r, x1, cover), fill=(90, 94, 102), width=max(1, g.line + 1))
    pen.rectangle((x0, cover, x1, y1), fill=(255, 255, 255), outline=(140, 144, 150), width=max(1, g.line))  # fmt: skip
    pen.line((x0, cover + g.line * 2, x1, cover + g.line * 2), fill=WASH_BLUE, width=max(1, g.line * 2))  # fmt: skip


def _ironing_board(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The ironing board: a checked cover, square at the left, a rounded nose at the
    right."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    h = y1 - y0
    nose = x1 - h // 2
    outline = (96, 104, 120)
    pen.rectangle((x0, y0, nose, y1), fill=(248, 250, 253))
    pen.pieslice((nose - h // 2, y0, x1, y1), -90, 90, fill=(248, 250, 253))
    step = max(6, g.body)
    for x in range(x0 + step, x1, step * 2):
        pen.line((x, y0 + g.line, x, y1 - g.line), fill=CHECKS, width=1)
    for y in range(y0 + step, y1, step * 2):
        pen.line((x0 + g.line, y, nose, y), fill=CHECKS, width=1)
    pen.line((x0, y0, nose, y0), fill=outline, width=max(1, g.line * 2))
    pen.line((x0, y1, nose, y1), fill=outline, width=max(1, g.line * 2))
    pen.line((x0, y0, x0, y1), fill=outline, width=max(1, g.line * 2))
    pen.arc((nose - h // 2, y0, x1, y1), -90, 90, fill=outline, width=max(1, g.line * 2))


def _legs(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The board's legs, crossed."""
    y0 = g.top(m.row) - g.body // 4
    y1 = g.foot(m.last or m.row)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.line((x0, y0, x1, y1), fill=(110, 114, 122), width=max(2, g.line * 2))
    pen.line((x1, y0, x0, y1), fill=(110, 114, 122), width=max(2, g.line * 2))


def _care_label(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The sewn-in label: satin, a folded loop at its head, stitched (dashed) edges."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=SATIN, outline=(180, 176, 160), width=max(1, g.line))
    pen.rectangle((x0, y0 - g.body // 2, x1, y0), fill=(226, 222, 206), outline=(180, 176, 160))
    inset = max(3, g.body // 3)
    dash = max(3, g.body // 3)
    for x in range(x0 + inset, x1 - inset, dash * 2):
        for y in (y0 + inset, y1 - inset):
            pen.line((x, y, min(x + dash, x1 - inset), y), fill=(120, 116, 100), width=1)
    for y in range(y0 + inset, y1 - inset, dash * 2):
        for x in (x0 + inset, x1 - inset):
            pen.line((x, y, x, min(y + dash, y1 - inset)), fill=(120, 116, 100), width=1)


def _symbols(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """Five care symbols drawn in a row: a tub, a triangle, a square with a circle, an
    iron, a circle."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    size = min((x1 - x0) // 7, y1 - y0)
    cy = (y0 + y1) // 2
    w = max(1, g.line + 1)
    ink = (60, 58, 52)
    for k in range(5):
        cx = x0 + (x1 - x0) * (2 * k + 1) // 10
        a, b = cx - size // 2, cx + size // 2
        top, bottom = cy - size // 2, cy + size // 2
        if k == 0:
            pen.line(
                (a, top, a + size // 6, bottom, b - size // 6, bottom, b, top), fill=ink, width=w
            )
            pen.line((a, top + size // 4, b, top + size // 4), fill=ink, width=w)
        elif k == 1:
            pen.polygon(((cx, top), (b, bottom), (a, bottom)), outline=ink)
        elif k == 2:
            pen.rectangle((a, top, b, bottom), outline=ink, width=w)
            pen.ellipse((a + size // 6, top + size // 6, b - size // 6, bottom - size // 6), outline=ink, width=w)  # fmt: skip
        elif k == 3:
            pen.polygon(((a, bottom), (b, bottom), (b, top + size // 3), (cx, top + size // 3)), outline=ink)  # fmt: skip
            pen.line((b - size // 4, top + size // 3, b - size // 4, top), fill=ink, width=w)
        else:
            pen.ellipse((a, top, b, bottom), outline=ink, width=w)


PAINT: dict[str, Callable[[ImageDraw.ImageDraw, _Geo, Mark], None]] = {
    "rule": _rule,
    "pintag": _pintag,
    "board": _board,
    "coins": _coins,
    "chip": _chip,
    "machine": _machine,
    "door": _door,
    "rail": _rail,
    "hanger": _hanger,
    "ironing": _ironing_board,
    "legs": _legs,
    "carelabel": _care_label,
    "symbols": _symbols,
}
UNDER = ("board", "machine", "ironing", "carelabel", "rail")
"""Drawn first: what other shapes stand on."""


def _draw(sample: BISample, n: int, dpi: int) -> Image.Image:
    """Page ``n`` drawn clean: the board, cabinets, ironing board, care label and rail
    first, then boxes, the other shapes and rules, then the text."""
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

GRAINS = ((70, 130, 220), (60, 170, 120), (252, 252, 252), (120, 170, 235))
"""Washing powder's grains: blue, green, white, pale blue."""


def _granules(image: Image.Image, rng: random.Random, skew: float, dpi: int) -> Image.Image:
    """Colour; washing powder granules: two hundred to four hundred small grains (blue,
    green, white) strewn over the page, each a small irregular blob with a grey edge, a
    little askew."""
    w, h = image.size
    pen = ImageDraw.Draw(image)
    for _ in range(rng.randrange(200, 400)):
        cx, cy = rng.uniform(0.03, 0.97) * w, rng.uniform(0.03, 0.97) * h
        r = dpi * rng.uniform(0.006, 0.016)
        sides = rng.randrange(5, 8)
        turn = rng.uniform(0, 6.3)
        points = [(cx + r * rng.uniform(0.7, 1.2) * math.cos(turn + k * 6.283 / sides), cy + r * rng.uniform(0.7, 1.2) * math.sin(turn + k * 6.283 / sides)) for k in range(sides)]  # fmt: skip
        pen.polygon(points, fill=rng.choice(GRAINS), outline=(150, 154, 160))
    return image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(244, 243, 239))  # fmt: skip


def _lint(image: Image.Image, rng: random.Random, skew: float, dpi: int) -> Image.Image:
    """Greyscale; dryer lint: two to four clumps of grey fluff, each a tangle of short
    curled fibres (a soft grey haze under them), a little askew."""
    grey = image.convert("L")
    w, h = grey.size
    haze = Image.new("L", (w // 4, h // 4), 0)
    ph = ImageDraw.Draw(haze)
    fibres = Image.new("L", (w, h), 0)
    pf = ImageDraw.Draw(fibres)
    for _ in range(rng.randrange(2, 5)):
        cx, cy = rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.9) * h
        spread = dpi * rng.uniform(0.25, 0.5)
        ph.ellipse(((cx - spread) / 4, (cy - spread * 0.7) / 4, (cx + spread) / 4, (cy + spread * 0.7) / 4), fill=70)  # fmt: skip
        for _ in range(rng.randrange(30, 60)):
            x, y = cx + rng.gauss(0, spread * 0.4), cy + rng.gauss(0, spread * 0.3)
            angle = rng.uniform(0, 6.3)
            points = [(x, y)]
            for _ in range(rng.randrange(6, 14)):
                angle += rng.uniform(-0.7, 0.7)
                step = dpi * rng.uniform(0.01, 0.025)
                x, y = x + step * math.cos(angle), y + step * math.sin(angle)
                points.append((x, y))
            pf.line(points, fill=rng.randrange(90, 160), width=1)
    alpha = haze.filter(ImageFilter.GaussianBlur(max(1.0, dpi / 40))).resize((w, h), Image.Resampling.BILINEAR)  # fmt: skip
    out = Image.composite(Image.new("L", (w, h), 196), grey, alpha)
    out = ImageChops.darker(out, ImageChops.invert(fibres).point(lambda v: 255 - (255 - v) * 3 // 4))  # fmt: skip
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=244)


def _spill(image: Image.Image, rng: random.Random, skew: float, dpi: int) -> Image.Image:
    """Colour; a fabric conditioner spill: a translucent pale blue pool with a run below
    it, in the page's left or right third, its edge a shade darker; a little askew. The
    pool is drawn at a quarter size and blended at full size by Pillow."""
    w, h = image.size
    q = Image.new("L", (w // 4, h // 4), 0)
    edge = Image.new("L", (w // 4, h // 4), 0)
    pq, pe = ImageDraw.Draw(q), ImageDraw.Draw(edge)
    left = rng.random() < 0.5
    cx = (rng.uniform(0.06, 0.26) if left else rng.uniform(0.74, 0.94)) * w / 4
    cy = rng.uniform(0.15, 0.55) * h / 4
    r = dpi * rng.uniform(0.45, 0.8) / 4
    for _ in range(7):
        bx, by = cx + rng.gauss(0, r * 0.35), cy + rng.gauss(0, r * 0.3)
        br = r * rng.uniform(0.45, 0.8)
        pq.ellipse((bx - br, by - br, bx + br, by + br), fill=150)
        pe.ellipse((bx - br, by - br, bx + br, by + br), outline=90, width=1)
    run = rng.uniform(1.5, 3.5) * dpi / 4
    width = max(2, r * 0.25)
    pq.rounded_rectangle((cx - width, cy, cx + width, cy + run), radius=width, fill=150)
    pq.ellipse(
        (cx - width * 1.6, cy + run - width, cx + width * 1.6, cy + run + width * 2.2), fill=150
    )
    alpha = q.filter(ImageFilter.GaussianBlur(1.5)).resize((w, h), Image.Resampling.BILINEAR)
    rim = edge.resize((w, h), Image.Resampling.BILINEAR)
    tinted = ImageChops.multiply(image, Image.new("RGB", (w, h), (196, 222, 246)))
    out = Image.composite(tinted, image, alpha)
    out = Image.composite(ImageChops.multiply(out, Image.new("RGB", (w, h), (170, 196, 226))), out, rim)  # fmt: skip
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(245, 245, 241))  # fmt: skip


def render(sample: BISample, n: int, scan: BIScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.granules:
        return _granules(image, rng, scan.skew, scan.dpi)
    if scan.lint:
        return _lint(image, rng, scan.skew, scan.dpi)
    return _spill(image, rng, scan.skew, scan.dpi)


def bi_scanned(sample: BISample, index: int) -> tuple[bytes, str, BIScan]:
    """Scanned one of three ways: the granule-strewn page as colour JPEG with its
    resolution (quality ``QUALITY``), the lint-marked page as greyscale PNG (its resolution
    at odd indexes), the spilt-on page as a one-page colour PDF (180 dpi); documents of more
    pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 97 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or scan.spill:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    if scan.granules:
        out = io.BytesIO()
        images[0].save(out, format="JPEG", quality=QUALITY, dpi=(scan.dpi, scan.dpi))
        return out.getvalue(), "jpeg", scan
    return encode_pages(images, "png", scan.dpi if index % 2 == 1 else None), "png", scan


__all__ = [
    "ALL_SHAPES",
    "DATE_SHAPES",
    "FAMILY",
    "SCANS",
    "SEED",
    "TEMPLATES",
    "BISample",
    "BIScan",
    "bi_pages",
    "bi_scanned",
    "bi_text",
    "build_bi",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
