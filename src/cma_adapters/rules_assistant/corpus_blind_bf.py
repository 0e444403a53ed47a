# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``BF``, written blind: a new hand's measure of how the reader
generalises to letters it has never seen (issue 14).

``BF`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``values_found``, ``money``, ``encode_pages``), the shared page
engine (``corpus_print``), the shared test helpers, family BB's module and tests and family
AW's (as templates for structure), and the commits that registered and measured BB; and,
by grep only, the other families' modules for place names, bodies, setting words, scan
words and date shapes, to avoid them (the blind families' modules, Y, I, AH, BC and BD,
only by file name: ``grep -l``) -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``, ``prose.py``,
``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``statement_tables.py``, ``label_learning.py``, ``read_families.py``,
the rankers, the Tesseract extractor, the locator, the creditor directory), its reading
tests, nor any account of its misses. It is never used to write rules, to train or
calibrate the classifier or the field ranker (``build_corpus`` never yields it), nor to
choose models: it is measured, and only the aggregate figures go into benchmarks/OCR.md.
Whoever reads its individual misses to change the reader makes ``BF`` no longer blind and
must say so there.

**BF is no longer blind since round 49** (branch ``reader49``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on BF
from then on is a training-side figure (benchmarks/OCR.md, "Round 49").

Grep found Rotherham, and every district and street named below, in no family, so ``BF``
is set in Rotherham (South Yorkshire) under the law of England and Wales: a claim issued by
the Civil National Business Centre, a judgment of the County Court at Rotherham,
enforcement agents' notices (a writ of control and a council tax liability order),
Rotherham Metropolitan Borough Council's council tax, fines imposed at Rotherham
Magistrates' Court, a statutory demand under the Insolvency Rules 2016 and a letter before
claim under the Pre-Action Protocol for Debt Claims; so:

* who writes: a Thrybergh collection agency for a Manvers card firm and a Wickersley car
  finance firm's arrears letter; a claim for a Brinsworth loan and a judgment for a
  Kimberworth broadband contract; Canklow enforcement agents (a writ of control, or
  council tax after a liability order); a Catcliffe motor factor's statutory demand on a
  mechanic trading alone; the borough council's council tax; an electricity supplier and a
  water company; fines; a debt purchaser buying a Wentworth fashion store card; a Carer's
  Allowance overpayment (the DWP); a building society; a housing association; a pay-later
  app and a home shopping catalogue; solicitors for a dental practice; Universal Credit and
  Personal Independence Payment (the DWP); a car repair centre and a care home as
  employers; a bank's current account and a credit union's; a classic car club and an
  allotment society;
* six ways of setting a letter, all from a car repair workshop and an MOT test centre,
  each class in two of them (``i`` even / odd):
  - **jobcard**: a workshop job card on a clipboard (a brown board, a steel clip at its
    head, a buff card on it headed "WORKSHOP JOB CARD"), each fact a ruled line, the label
    small at the left and the value bold beside it;
  - **keytags**: customers' key tags on a key board, two a row, each a coloured plastic
    tag with a split ring through a hole at its left end, the label small over the value;
  - **motcert**: an MOT test certificate (pale grey-green, a blue band across its head),
    its facts in boxes two a row, each with a thick blue left edge, the label small over
    the value;
  - **spike**: a parts invoice on a spike (pale yellow, two more sheets under it, the spike
    through its head), each fact a ruled row of two cells, the label at the left and the
    value bold and right-aligned in the right cell;
  - **taxdisc**: a windscreen disc holder (clear plastic, a sucker at its head, a round
    disc in it with a perforated rim), each fact centred, the value bold over its label;
  - **toolchest**: a tool chest's drawers (a grey-blue roll cabinet), one drawer a fact,
    a bright handle along each drawer's top, the value bold at the drawer's left and the
    label small in a white card holder at its right end (the value before the label);
  payslips for a car repair centre (hours at the basic rate and overtime at time and a
  half, weekly or fortnightly, "Earnings" then "Taken from wages") or a care home (a
  monthly or four-weekly salary and sleep-in nights, in a two-column "Payments" and
  "Deductions" table); bank statements from a bank's current account (money out, money in
  and balance columns) or a credit union's (each line's amount signed, its share balance
  after it);
* some documents run to two pages, a fact (and the prose after it) on page 2: the money
  claim (both), the statutory demand (odd) and the mortgage arrears letter (even);
* faces: Carlito under Liberation Sans Narrow Bold headings, DejaVu Sans Condensed under
  Caladea Bold headings, Caladea under DejaVu Sans Bold headings, 9.5 to 10.5 pt; each
  italic the body's own;
* dates as "04-DEC-26" (a dealer-management system's stamp: the day padded, the month cut
  in capitals, the year short, hyphens), "4th Dec 26" (an ordinal day, the month cut, the
  year short, no apostrophe) and "04/12/2026 Fri" (the date padded, the weekday cut after
  it), one shape a document; amounts as "£1,234.56" and, in tables and cells, "1,234.56"
  (the shapes a garage's invoices and its customers' letters use);
* scans new to the families: engine coolant (antifreeze) run down the page (translucent
  green runs from the top edge, each ending in a drop, and a puddle; 240 dpi colour JPEG
  with its resolution); sparks from an angle grinder (a fan of tiny burnt pits, each a
  dark brown dot in a pale yellow halo, some with a short streak; 200 dpi colour PNG, its
  resolution at even indexes); exhaust soot (a grey haze swelling in from one side edge,
  darker at the edge; 220 dpi greyscale, as a one-page PDF).

What grep found taken, and replaced (checked before any measuring): the task's "tyre's
sidewall lettering" -- "tyre" and "tread" are in a blind family's module (seen by file name
only), so no tyre (the tool chest instead); its "workshop whiteboard" is AX's and AZ's
whiteboard; "number plate" is AU's; AZ's coat hooks hang name tags on strings three a row,
so the key tags here lie two a row on a board, with split rings and no hooks or strings;
J's till roll is a narrow column in capitals, so the parts invoice is a wide sheet with
ruled cells; AQ's fingerprints (greasy and inky) and AW's grease spots ruled out oily
thumbprints, AR's and AS's iron scorches a scorch (so the grinder's pits are small burnt
dots), AW's and AZ's crayon a tyre-fitter's crayon. "Clipboard", "job card", "key tag",
"tool chest", "spike", "disc holder", "antifreeze", "coolant", "grinder" and "soot" are in
no module. Not all of the above is new: "£1,234.56" and "1,234.56" are many families'; the
courts, the DWP's benefits and the enforcement words are the law's and the state's; the
fonts are the families' fonts (in pairings not checked exhaustively against theirs).

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

FAMILY = "BF"

PEOPLE = (
    ("Mr", "Lennox", "Haigh-Oduya"),
    ("Mrs", "Bernadette", "Slattery-Cawood"),
    ("Ms", "Yasmin", "Pickersgill"),
    ("Mr", "Tadeusz", "Woodhead-Amin"),
)
ADDRESSES = (
    ("27 Coronation Terrace", "Kimberworth, Rotherham", "S61 1HN"),
    ("Flat 4, 118 Doncaster Gate", "Rotherham", "S65 1DJ"),
    ("9 Pitt Street Mews", "Rawmarsh, Rotherham", "S62 7LQ"),
    ("Flat 12, 3 Netherfield Court", "Herringthorpe, Rotherham", "S65 2QT"),
)

# -- date and money shapes -------------------------------------------------------------------


def _ordinal(day: int) -> str:
    if 10 < day % 100 < 14:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }"


def dms_stamp(date: dt.date) -> str:
    """04-DEC-26: a dealer-management system's stamp (the day padded, the month cut in
    capitals, the year short, hyphens)."""
    return f"{date:%d}-{date:%b}-{date:%y}".upper()


def ordinal_short_year(date: dt.date) -> str:
    """4th Dec 26: an ordinal day, the month cut, the year short, no apostrophe."""
    return f"{_ordinal(date.day)} {date:%b} {date:%y}"


def slashed_weekday(date: dt.date) -> str:
    """04/12/2026 Fri: the date padded, the weekday cut after it."""
    return f"{date:%d/%m/%Y} {date:%a}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (dms_stamp, ordinal_short_year, slashed_weekday)
"""The shapes a document's dates take (one a document)."""
ALL_SHAPES = DATE_SHAPES


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Wages paid weekly on a Thursday", "every week"),
    "fortnightly": ("Wages paid every other Thursday (fortnightly)", "every fortnight"),
    "four_weekly": ("Paid four-weekly", "every four weeks"),
    "monthly": ("Paid monthly on the last working day", "every month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways BF prints a true value (to check it is on the page, or in an OCR text)."""
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
        (True, False): _LB + "LiberationSansNarrow-Bold.ttf",
        (False, True): _CX + "Carlito-Italic.ttf",
        (True, True): _LB + "LiberationSansNarrow-BoldItalic.ttf",
    },
    "dejavucond": {
        (False, False): _DV + "DejaVuSansCondensed.ttf",
        (True, False): _CX + "Caladea-Bold.ttf",
        (False, True): _DV + "DejaVuSansCondensed-Oblique.ttf",
        (True, True): _CX + "Caladea-BoldItalic.ttf",
    },
    "caladea": {
        (False, False): _CX + "Caladea-Regular.ttf",
        (True, False): _DV + "DejaVuSans-Bold.ttf",
        (False, True): _CX + "Caladea-Italic.ttf",
        (True, True): _DV + "DejaVuSans-BoldOblique.ttf",
    },
}
"""Each body face under headings of another family: Carlito under Liberation Sans Narrow
Bold, DejaVu Sans Condensed under Caladea Bold, Caladea under DejaVu Sans Bold; each italic
the body's own."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)

INK = (20, 22, 28)
CLIPBOARD = (150, 104, 62)
CARD_BUFF = (246, 236, 206)
KEYBOARD = (214, 190, 150)
TAG_PLASTIC = ((255, 232, 130), (168, 216, 248), (255, 196, 168), (186, 232, 186), (232, 200, 240))
"""The key tags' plastic."""
CERT_GREEN = (229, 238, 231)
CERT_BLUE = (40, 84, 150)
INVOICE_YELLOW = (252, 248, 222)
HOLDER_CLEAR = (236, 241, 246)
DISC_TINTS = ((246, 226, 232), (226, 240, 226), (232, 232, 248))
CHEST = (190, 202, 220)
DRAWER = (214, 223, 236)


@frozen
class Style:
    face: str = "carlito"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("carlito", 10.5), Style("dejavucond", 9.5), Style("caladea", 10.0))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind``: "rule" (across above row ``row`` from ``x0`` to ``x1``, ``shade`` its grey),
    "clipboard" (the board from ``x0`` to ``x1`` over rows ``row``..``last``, its clip at
    its head), "jobcard" (the buff card on it), "ruled" (a line under row ``row``), "board"
    (the key board over rows ``row``..``last``), "tag" (a key tag from ``x0`` to ``x1``,
    ``shade`` its plastic), "certificate" (the MOT certificate, its band at its head),
    "mot" (a box on it), "stack" (the sheets under the invoice), "invoice" (the invoice),
    "spike" (the spike through its head at row ``row``), "cell" (a ruled row of two cells
    divided at ``shade`` hundredths of the width), "holder" (the windscreen holder), "disc"
    (the round disc in it, ``shade`` its tint), "chest" (the tool chest), "drawer" (a
    drawer, its handle along its top) and "cardholder" (a drawer's card holder)."""

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
    as raw values (the first money fact the one the letter is about); ``paras`` the prose;
    ``overleaf`` how many of the last facts go on a second page (with the prose after the
    first paragraph)."""

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
    overleaf: int = 0


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


def _bold(page: Sheet, text: str, x: float, right: float, size: float, align: str = "left") -> list[tuple[Cell, ...]]:  # fmt: skip
    """``text`` in bold lines that fit between ``x`` and ``right`` (measured in the bold
    face, which the page engine's wrapping does not); left-aligned, centred or
    right-aligned."""
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


def _small(page: Sheet, text: str, x: float, right: float, centre: bool = False) -> list[tuple[Cell, ...]]:  # fmt: skip
    rows = page.wrapped(text, x, right, size=SMALL)
    if centre:
        return [(ct((x + right) / 2, r[0].text, size=SMALL),) for r in rows]
    return list(rows)


def _head(page: Sheet, org: Org, style: Style) -> None:
    """The name at the left in the heading face, the telephone at the right, the address
    under the name, then a thick rule."""
    page.add((*_bold(page, org.name, 0.08, 0.66, style.point + 3)[0], rt(0.92, f"Telephone {org.phone}", size=SMALL)))  # fmt: skip
    for row in _bold(page, org.name, 0.08, 0.66, style.point + 3)[1:]:
        page.add(row)
    page.add((t(0.08, f"{org.street}, {org.town}", size=SMALL),))
    page.rule(0.08, 0.92, 30)
    page.rule(0.08, 0.92, 30)


def _opening(page: Sheet, rng: random.Random, letter: Letter) -> None:
    """The address, the title and the greeting."""
    (title, _, surname), lines = person(rng)
    page.gap()
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add(*_bold(page, letter.title, 0.08, 0.92, page.style.point + 1.5)).gap()
    page.add((t(0.08, f"Dear {title} {surname},"),)).gap()


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _sign(page: Sheet, org: Org, x: float = 0.08) -> None:
    page.add((t(x, "Yours sincerely,"),)).gap()
    page.add((t(x, org.team, True),))


# -- the six settings ---------------------------------------------------------------------------

Pairs = Sequence[tuple[str, str]]


def _jobcard(page: Sheet, style: Style, pairs: Pairs, start: int) -> None:
    """A workshop job card on a clipboard: the board, its clip at the head, a buff card
    headed "WORKSHOP JOB CARD", each fact a ruled line, the label small at the left and the
    value bold beside it."""
    page.gap(2)
    board = len(page.rows)
    page.add((t(0.16, "WORKSHOP JOB CARD", True, size=SMALL + 1.5),))
    page.rules.append(Mark("ruled", len(page.rows) - 1, 0.14, 0.86, shade=60))
    for label, value in pairs:
        page.beside(_small(page, label, 0.16, 0.38), _bold(page, value, 0.41, 0.85, style.point + 0.5))  # fmt: skip
        page.rules.append(Mark("ruled", len(page.rows) - 1, 0.14, 0.86, shade=150))
    page.gap()
    page.rules.append(Mark("clipboard", board, 0.1, 0.9, last=len(page.rows) - 1))
    page.rules.append(Mark("jobcard", board, 0.13, 0.87, last=len(page.rows) - 1))
    page.gap()


TAGS = ((0.1, 0.485), (0.515, 0.9))
"""The key board's two tags a row."""


def _keytags(page: Sheet, style: Style, pairs: Pairs, start: int) -> None:
    """Key tags on a key board, two a row: each a coloured plastic tag with a split ring
    through a hole at its left end, the label small over the value."""
    board = len(page.rows)
    page.gap()
    pairs = list(pairs)
    n = start
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        columns = [[*_small(page, label, x0 + 0.075, x1 - 0.02), *_bold(page, value, x0 + 0.075, x1 - 0.02, SMALL + 2)] for (label, value), (x0, x1) in zip(group, TAGS, strict=False)]  # fmt: skip
        page.beside(*columns)
        last = len(page.rows) - 1
        for k, (x0, x1) in enumerate(TAGS[: len(group)]):
            page.rules.append(Mark("tag", top, x0, x1, last=last, shade=(n + k) % len(TAG_PLASTIC)))  # fmt: skip
        n += 2
        page.gap()
    page.rules.append(Mark("board", board, 0.07, 0.93, last=len(page.rows) - 1))
    page.gap()


MOTBOXES = ((0.11, 0.49), (0.51, 0.89))
"""The certificate's two boxes a row."""


def _motcert(page: Sheet, style: Style, pairs: Pairs, start: int) -> None:
    """An MOT test certificate: pale grey-green, a blue band across its head, its facts
    in boxes two a row, each with a thick blue left edge, the label small over the value."""
    cert = len(page.rows)
    page.gap(2)
    pairs = list(pairs)
    while pairs:
        group, pairs = pairs[:2], pairs[2:]
        top = len(page.rows)
        columns = [[*_small(page, label, x0 + 0.02, x1 - 0.01), *_bold(page, value, x0 + 0.02, x1 - 0.01, SMALL + 1.5)] for (label, value), (x0, x1) in zip(group, MOTBOXES, strict=False)]  # fmt: skip
        page.beside(*columns)
        for x0, x1 in MOTBOXES[: len(group)]:
            page.rules.append(Mark("mot", top, x0, x1, last=len(page.rows) - 1))
        page.gap()
    page.rules.append(Mark("certificate", cert, 0.08, 0.92, last=len(page.rows) - 1))
    page.gap()


DIVIDE = 0.5
"""Where the invoice's two cells meet."""


def _spike(page: Sheet, style: Style, pairs: Pairs, start: int) -> None:
    """A parts invoice on a spike: pale yellow, two more sheets under it, the spike through
    its head; each fact a ruled row of two cells, the label at the left and the value bold
    and right-aligned in the right cell."""
    page.gap()
    sheet = len(page.rows)
    page.gap(2)
    for label, value in pairs:
        top = len(page.rows)
        page.beside(_small(page, label, 0.16, DIVIDE - 0.02), _bold(page, value, DIVIDE + 0.03, 0.84, style.point, "right"))  # fmt: skip
        page.rules.append(Mark("cell", top, 0.14, 0.86, last=len(page.rows) - 1, shade=round(DIVIDE * 100)))  # fmt: skip
    page.gap()
    last = len(page.rows) - 1
    page.rules.append(Mark("stack", sheet, 0.12, 0.88, last=last))
    page.rules.append(Mark("invoice", sheet, 0.12, 0.88, last=last))
    page.rules.append(Mark("spike", sheet, 0.5, 0.5))
    page.gap()


def _taxdisc(page: Sheet, style: Style, pairs: Pairs, start: int) -> None:
    """A windscreen disc holder: clear plastic, a sucker at its head, a round disc in it
    with a perforated rim; each fact centred, the value bold over its label."""
    page.gap()
    holder = len(page.rows)
    page.gap(2)
    for label, value in pairs:
        page.add(*_bold(page, value, 0.32, 0.68, style.point + 1, "centre"))
        page.add(*_small(page, label, 0.32, 0.68, centre=True))
        if len(pairs) < 6:
            page.gap()
    page.gap()
    last = len(page.rows) - 1
    page.rules.append(Mark("holder", holder, 0.2, 0.8, last=last))
    page.rules.append(Mark("disc", holder + 1, 0.25, 0.75, last=last - 1, shade=start % len(DISC_TINTS)))  # fmt: skip
    page.gap()


def _toolchest(page: Sheet, style: Style, pairs: Pairs, start: int) -> None:
    """A tool chest's drawers (a grey-blue roll cabinet): one drawer a fact, a bright
    handle along each drawer's top, the value bold at the drawer's left and the label
    small in a white card holder at its right end."""
    page.gap()
    chest = len(page.rows)
    page.gap()
    for label, value in pairs:
        top = len(page.rows)
        page.beside(_bold(page, value, 0.15, 0.6, style.point + 0.5), _small(page, label, 0.65, 0.86))  # fmt: skip
        last = len(page.rows) - 1
        page.rules.append(Mark("drawer", top, 0.11, 0.89, last=last))
        page.rules.append(Mark("cardholder", top, 0.635, 0.875, last=last))
        page.gap()
    page.rules.append(Mark("chest", chest, 0.09, 0.91, last=len(page.rows) - 1))
    page.gap()


KINDS: dict[str, Callable[[Sheet, Style, Pairs, int], None]] = {
    "jobcard": _jobcard,
    "keytags": _keytags,
    "motcert": _motcert,
    "spike": _spike,
    "taxdisc": _taxdisc,
    "toolchest": _toolchest,
}


def _start(rng: random.Random, style: Style, letter: Letter) -> Sheet:
    page = Sheet(style)
    _head(page, letter.org, style)
    _opening(page, rng, letter)
    _prose(page, letter.paras[:1])
    return page


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    """The letter in the setting ``kinds[i % 2]``: on one page, or (``overleaf``) its last
    facts and the prose after the first paragraph on a second."""
    kind = kinds[i % 2]
    style = STYLES[(i + len(letter.title)) % len(STYLES)]
    rows = _rows(letter)
    split = len(rows) - letter.overleaf
    page = _start(rng, style, letter)
    KINDS[kind](page, style, rows[:split], 0)
    sheets = [page]
    if letter.overleaf:
        page.add((rt(0.92, "Please turn over", italic=True, size=SMALL),))
        _foot(page, letter.org)
        page = Sheet(style)
        page.add((t(0.08, letter.org.name, True, size=style.point + 1), rt(0.92, "Page 2 of 2", size=SMALL)))  # fmt: skip
        page.add((t(0.08, f"{letter.ref_label}: {letter.ref}", size=SMALL),))
        page.rule(0.08, 0.92, 30)
        page.gap()
        KINDS[kind](page, style, rows[split:], split)
        sheets.append(page)
    _prose(page, letter.paras[1:])
    _sign(page, letter.org)
    _foot(page, letter.org)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    """One shape a document."""
    return rng.choice(DATE_SHAPES)


# -- organisations (none named by another family but the state's and the courts') --------------


def _ltd(name: str, number: str, office: str, extra: str = "") -> str:
    return f"{name} is registered in England and Wales (company number {number}); registered office {office}.{extra}"  # fmt: skip


FCA = " Authorised and regulated by the Financial Conduct Authority."
AGENCY = Org("Thrybergh Debt Recovery Ltd", "Unit 7, Doncaster Road Business Park", "Thrybergh, Rotherham S65 4NU", "01709 851 204",
             _ltd("Thrybergh Debt Recovery Ltd", "11847302", "Doncaster Road, Thrybergh S65 4NU", FCA), "Recoveries Team")  # fmt: skip
CARD = Org("Manvers Card Services Ltd", "PO Box 6114", "Rotherham S63 5WW", "0345 307 6620",
           _ltd("Manvers Card Services Ltd", "10947716", "Manvers Way, Wath-upon-Dearne S63 5DB", FCA))  # fmt: skip
CARFINANCE = Org("Wickersley Motor Finance Ltd", "Collections, Bawtry Road", "Wickersley, Rotherham S66 2BW", "01709 546 118",
                 _ltd("Wickersley Motor Finance Ltd", "09318254", "Bawtry Road, Wickersley S66 2BW", FCA), "Vehicle Finance Collections")  # fmt: skip
LENDER = Org("Brinsworth Loans Ltd", "PO Box 3307", "Rotherham S60 9BL", "0333 016 4472",
             _ltd("Brinsworth Loans Ltd", "12261937", "Bawtry Road, Brinsworth S60 5ND", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court Business Centre", "Civil National Business Centre, St Katharine's House, 21-27 St Katharine's Street", "Northampton NN1 2LH", "0300 123 1057",
                  "Claims issued by the Civil National Business Centre are issued for the County Court. Court staff cannot give you legal advice.", "Court Manager")  # fmt: skip
ROTHERHAM_COURT = "County Court at Rotherham"
JUDGMENT_COURT = Org(ROTHERHAM_COURT, "Rotherham Law Courts, The Statutes", "Rotherham S60 1YW", "0300 123 5577",
                     "The County Court at Rotherham sits at the Law Courts, The Statutes.", "Court Manager")  # fmt: skip
BROADBAND = Org("Kimberworth Broadband Ltd", "Billing Centre, Meadow Bank Road", "Rotherham S61 2NF", "01709 372 954",
                _ltd("Kimberworth Broadband Ltd", "08651209", "Meadow Bank Road, Rotherham S61 2NF"))  # fmt: skip
AGENTS = Org("Canklow Enforcement Services Ltd", "Canklow Road", "Rotherham S60 2JH", "01709 820 377",
             _ltd("Canklow Enforcement Services Ltd", "07722145", "Canklow Road, Rotherham S60 2JH", " Our enforcement agents are certificated under the Certification of Enforcement Agents Regulations 2014."), "Enforcement Office")  # fmt: skip
BOROUGH = "Rotherham Metropolitan Borough Council"
TAX = Org(BOROUGH, "Revenues and Benefits, Riverside House, Main Street", "Rotherham S60 1AE", "01709 336 006",
          "Rotherham Metropolitan Borough Council, Riverside House. Council tax pays for schools, roads and waste collection across the borough.", "Council Tax Section")  # fmt: skip
FACTORS = Org("Catcliffe Motor Factors Ltd", "Trade Counter, Orgreave Lane", "Catcliffe, Rotherham S60 5TH", "0114 269 3318",
              _ltd("Catcliffe Motor Factors Ltd", "04590833", "Orgreave Lane, Catcliffe S60 5TH"), "Trade Credit Control")  # fmt: skip
POWER = Org("Keppel Energy Supply Ltd", "PO Box 4417", "Rotherham S61 9EQ", "0800 048 7716",
            _ltd("Keppel Energy Supply Ltd", "11402368", "Keppel Wharf, Rotherham S61 1BT"), "Electricity Accounts")  # fmt: skip
WATER = Org("Don and Dearne Water plc", "Customer Accounts, Aldwarke Lane", "Rotherham S65 3SN", "0345 601 2249",
            _ltd("Don and Dearne Water plc", "02946618", "Aldwarke Lane, Rotherham S65 3SN"), "Customer Accounts")  # fmt: skip
HMCTS = "HM Courts and Tribunals Service"
FINES = Org(HMCTS, "Fines Office, Rotherham Law Courts, The Statutes", "Rotherham S60 1YW", "0300 790 6218",
            "HM Courts and Tribunals Service collects fines imposed at Rotherham Magistrates' Court.", "Fines Officer")  # fmt: skip
STORECARD = Org("Wentworth Fashion Card Ltd", "Card Services, Wentworth Way", "Rotherham S62 6UL", "0345 720 4481",
                _ltd("Wentworth Fashion Card Ltd", "06831194", "Wentworth Way, Rotherham S62 6UL", FCA))  # fmt: skip
BUYER = Org("Masbrough Debt Purchase Ltd", "PO Box 9902", "Rotherham S61 9XL", "0333 200 5871",
            _ltd("Masbrough Debt Purchase Ltd", "10773426", "Masbrough Street, Rotherham S60 1HW", FCA), "Acquired Accounts")  # fmt: skip
DWP = "Department for Work and Pensions"
DEBT = Org(DWP, "DWP Debt Management, Mail Handling Site A", "Wolverhampton WV98 2DP", "0800 916 0647",
           "DWP Debt Management recovers money owed to the Department for Work and Pensions.", "Debt Management")  # fmt: skip
SOCIETY = Org("Boston Castle Building Society", "Mortgage Support, 40 Moorgate Road", "Rotherham S60 2AU", "01709 364 880",
              "Boston Castle Building Society is authorised by the PRA and regulated by the FCA and the PRA (firm no. 206914).", "Mortgage Support")  # fmt: skip
HOMES = Org("Herringthorpe Homes Association", "Income Team, 2 Valley Road", "Rotherham S65 3EL", "01709 710 544",
            "Herringthorpe Homes Association is a charitable registered society and a registered provider of social housing (no. L4471).", "Income Team")  # fmt: skip
PAYLATER = Org("Eastwood Pay Ltd", "support@eastwoodpay.example", "Rotherham S65 1SW", "0114 360 8812",
               _ltd("Eastwood Pay Ltd", "13904471", "Fitzwilliam Road, Rotherham S65 1SW", FCA), "Eastwood Pay Help")  # fmt: skip
CATALOGUE = Org("Greasbrough Home Shopping Ltd", "Customer Accounts, Greasbrough Road", "Rotherham S61 4QW", "0345 930 2276",
                _ltd("Greasbrough Home Shopping Ltd", "05642719", "Greasbrough Road, Rotherham S61 4QW", FCA))  # fmt: skip
DENTISTS = Org("Whiston Dental Practice Ltd", "14 High Street", "Whiston, Rotherham S60 4HS", "01709 378 123",
               _ltd("Whiston Dental Practice Ltd", "09927160", "High Street, Whiston S60 4HS"))  # fmt: skip
SOLICITORS = Org("Ulley Todwick LLP", "Solicitors, 31 Moorgate Street", "Rotherham S60 2EY", "01709 829 300",
                 "Ulley Todwick LLP is a limited liability partnership authorised and regulated by the Solicitors Regulation Authority (SRA no. 648215).", "Debt Litigation Team")  # fmt: skip
AUTOCENTRE = Org("Kilnhurst Autocentre Ltd", "Payroll, Hooton Road", "Kilnhurst, Rotherham S64 5TF", "01709 584 210",
                 _ltd("Kilnhurst Autocentre Ltd", "07156342", "Hooton Road, Kilnhurst S64 5TF"), "Payroll")  # fmt: skip
CAREHOME = Org("Harthill Lodge Care Home Ltd", "Finance Office, Union Street", "Harthill, Sheffield S26 7YH", "01909 771 436",
               _ltd("Harthill Lodge Care Home Ltd", "08714428", "Union Street, Harthill S26 7YH"), "Finance Office")  # fmt: skip
BANK = Org("Ravenfield Bank plc", "Rotherham branch, 12 Effingham Street", "Rotherham S65 1AL", "0345 611 9032",
           _ltd("Ravenfield Bank plc", "00618832", "Effingham Street, Rotherham S65 1AL", " Your eligible deposits are protected by the Financial Services Compensation Scheme."), "Ravenfield Bank")  # fmt: skip
UNION = Org("Dinnington Credit Union Ltd", "Laughton Road", "Dinnington, Sheffield S25 2PP", "01909 563 210",
            "Dinnington Credit Union Ltd is authorised by the PRA and regulated by the FCA and the PRA (no. 213947).", "Members' Desk")  # fmt: skip
UC = Org(DWP, "Universal Credit, Post Handling Site B", "Wolverhampton WV99 1AJ", "0800 328 5644",
         "Universal Credit is paid by the Department for Work and Pensions.", "Universal Credit Service")  # fmt: skip
PIP = Org(DWP, "Personal Independence Payment, Post Handling Site B", "Wolverhampton WV99 1AH", "0800 121 4433",
          "Personal Independence Payment is paid by the Department for Work and Pensions.", "PIP Payment Centre")  # fmt: skip
CARCLUB = Org("Treeton Classic Car Club", "c/o 5 Station Road", "Treeton, Rotherham S60 5PN", "07700 900 318",
              "Owners of cars thirty years old and more; new members always welcome, with or without a car.", "Club Secretary")  # fmt: skip
ALLOTMENTS = Org("Woodsetts Allotment Society", "c/o 22 Gildingwells Road", "Woodsetts, Worksop S81 8QD", "07700 900 642",
                 "Plots, seed swaps and a trading hut open on Sunday mornings.", "Society Secretary")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """The collection agency's letter for a card firm (even: the job card) or the car
    finance firm's arrears letter (odd: the disc holder)."""
    kinds = ("jobcard", "taxdisc")
    when, date = _when(rng), dated(rng)
    by = later(date, 14)
    if i % 2 == 0:
        owed = balance(rng)
        ref = f"TDR/{digits(rng, 6)}/{rng.choice('KMN')}"
        letter = Letter(
            org=AGENCY, title="Your Manvers credit card account is now with Thrybergh Debt Recovery", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
            ref_label="Thrybergh case no.", ref=ref, date_label="Letter produced on",
            facts=[("Manvers card balance left", owed), ("Card account held with", CARD.name), ("Please be in touch before", by)],
            paras=(f"{CARD.name} ended your card agreement when payments stopped, and has instructed us to collect the balance.",
                   f"The balance is {pounds(owed)}. Please pay it, or phone the Recoveries Team to agree payments you can manage, before {when(by)}.",
                   "We are a debt collection agency. We will not visit your home. Free and confidential advice is available from StepChange, National Debtline and Citizens Advice; tell us if you are getting advice and we will hold the account for 30 days."),
        )  # fmt: skip
    else:
        owed = balance(rng, 28_000, 398_000)
        ref = f"WMF{digits(rng, 7)}"
        reg = f"{letters(rng, 2)}{rng.randrange(15, 25)} {letters(rng, 3)}"
        letter = Letter(
            org=CARFINANCE, title="Wickersley Motor Finance: instalments missed on your car", date=date, when=when,
            truth=owes(C.CREDITOR_LETTER, CARFINANCE.name, ref, owed, date, deadline_date=by),
            ref_label="Wickersley agreement ref.", ref=ref, date_label="Wickersley letter produced",
            facts=[("Monthly payments missed", owed), ("Car registration on finance", reg), ("Missed car instalments due by", by)],
            paras=("Monthly payments under your hire purchase agreement for the car named below have not been made.",
                   f"The payments missed come to {pounds(owed)}. Please pay them, or call Vehicle Finance Collections to discuss a plan, by {when(by)}.",
                   "If the arrears are not cleared we may send you a default notice. You do not own the car until every payment under the agreement has been made; please do not sell it."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def claim_form(rng: random.Random, i: int) -> Doc:
    """The money claim (the MOT certificate, even; the parts invoice, odd), on two pages:
    the response date on page 2."""
    kinds = ("motcert", "spike")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 58_000, 520_000)
    fee = rng.choice((11_500, 20_500, 35_500))
    costs = rng.choice((8_000, 10_000))
    total = claimed + fee + costs
    ref = f"BL-{digits(rng, 7)}"
    number = f"{rng.choice('KLMN')}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 1)}{letters(rng, 1)}{digits(rng, 2)}"
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="Claim form: Brinsworth Loans Ltd v you", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, LENDER.name, ref, total, date, court_claim_number=number, served_date=served, deadline_date=by),
        ref_label="Claim number given by the court", ref=number, date_label="Claim issued by the court on",
        facts=[("Amount claimed with fee and costs", total), ("Brinsworth (claimant)", LENDER.name), ("Loan account at Brinsworth", ref), ("Deemed served by the court on", served), ("Respond to the CNBC by", by)],
        paras=(f"{LENDER.name} claims the unpaid balance of a loan it says you took out, with its court fee and its legal representative's costs.",
               f"The amount claimed is {pounds(claimed)}, with a court fee of {pounds(fee)} and costs of {pounds(costs)}: {pounds(total)} in all. The claim is treated as served on {when(served)}.",
               f"You must respond by {when(by)} using the forms in the response pack: pay the claim, admit all or part of it and offer to pay by instalments, or say why you dispute it. If you do nothing, judgment may be entered against you."),
        overleaf=2,
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("toolchest", "keytags")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 29_000, 590_000)
    ref = f"KB{digits(rng, 8)}"
    number = f"{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 2)}"
    by = later(date, 30)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    facts: list[Fact] = [
        ("Sum of the judgment with costs", owed),
        ("Broadband customer account", ref),
    ]
    if extra:
        facts.append(("Pay the whole sum by", by))
    how = (f"You must pay {pounds(owed)} to the claimant by {when(by)}." if extra
           else f"You must pay {pounds(owed)} to the claimant straight away.")  # fmt: skip
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment in default: you did not reply to the claim", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, BROADBAND.name, ref, owed, date, court_claim_number=number, **extra),
        ref_label="Rotherham claim ref.", ref=number, date_label="Rotherham judgment date",
        facts=facts,
        paras=(f"{BROADBAND.name} made a claim against you for unpaid broadband charges. No reply was received, so judgment has been entered for the claimant.",
               how + " Send payments to the claimant, not to the court.",
               "If you pay in full within one month, the judgment will be removed from the Register of Judgments, Orders and Fines. If you do not pay, the claimant may ask the court to enforce the judgment, for example by a warrant of control or an attachment of earnings order."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """The enforcement agents' notice under a writ of control (even: the disc holder) or
    under the council's liability order (odd: the job card)."""
    kinds = ("taxdisc", "jobcard")
    when, date = _when(rng), dated(rng)
    case = f"CES-{digits(rng, 7)}"
    by = later(date, 7)
    if i % 2 == 0:
        debt = balance(rng, 58_000, 396_000)
        owed = debt + 7_500
        letter = Letter(
            org=AGENTS, title="Notice of enforcement: High Court writ of control", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, LENDER.name, case, owed, date, deadline_date=by),
            ref_label="Canklow file ref.", ref=case, date_label="Notice sent on",
            facts=[("Due now with our compliance fee", owed), ("High Court writ obtained by", LENDER.name), ("Agents may visit after", by)],
            paras=(f"A writ of control from the High Court to enforce the judgment held by {LENDER.name} has been passed to us.",
                   f"Pay {pounds(owed)} by {when(by)}. After that date an enforcement agent may come to your home to take control of your goods, and more fees will be added.",
                   "Call the Enforcement Office straight away if someone in your household is vulnerable or you cannot pay in full: we can consider instalments. Free debt advice is available."),
        )  # fmt: skip
    else:
        tax = rng.randrange(48_000, 228_000)
        owed = tax + 7_500
        letter = Letter(
            org=AGENTS, title="Notice of enforcement: Rotherham council tax", date=date, when=when,
            truth=owes(C.ENFORCEMENT_AGENT_NOTICE, BOROUGH, case, owed, date, deadline_date=by),
            ref_label="Canklow file ref.", ref=case, date_label="Notice sent on",
            facts=[("Council tax and £75 fee", owed), ("Rotherham liability order for", BOROUGH), ("Pay or ring Canklow by", by)],
            paras=(f"{BOROUGH} obtained a liability order at the magistrates' court for your unpaid council tax and has instructed us to collect it.",
                   f"Adding our £75.00 compliance fee, you owe {pounds(owed)}. Pay it, or call us to arrange instalments, by {when(by)}.",
                   "If you do not, an enforcement agent may call, and the enforcement stage fee of £235.00 will be added to what you owe."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    """The motor factor's demand (the parts invoice, even; the tool chest, odd: on two
    pages, the deadline on page 2)."""
    kinds = ("spike", "toolchest")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 520_000, 1_880_000)
    ref, by = f"CMF{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=FACTORS, title="Statutory demand for a debt payable immediately (section 268(1)(a), Insolvency Act 1986)", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, FACTORS.name, ref, owed, date, deadline_date=by),
        ref_label="Trade account code", ref=ref, date_label="Catcliffe demand signed",
        facts=[("Unpaid parts invoices", owed), ("Pay Catcliffe Motor Factors by", by)],
        paras=("Brake parts, filters, batteries and exhausts were supplied to your garage business on a trade account, and our invoices for them are unpaid.",
               f"The creditor demands that you pay {pounds(owed)}, or secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition against you. You may apply to the court to set this demand aside within 18 days of its service on you. Get advice at once."),
        overleaf=i % 2,
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("keytags", "motcert")
    when, date = _when(rng), dated(rng)
    ref, by = f"6{digits(rng, 8)}", later(date, 7)
    owed = rng.randrange(31_000, 205_000)
    letter = Letter(
        org=TAX, title="Rotherham council tax: you have fallen behind with instalments", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, BOROUGH, ref, owed, date, deadline_date=by),
        ref_label="Rotherham council tax ref.", ref=ref, date_label="Council tax reminder dated",
        facts=[("Rotherham instalments missed", owed), ("Bring instalments up to date by", by), ("Band set by the VOA", f"Band {rng.choice('ABCDE')}")],
        paras=("Our records show that council tax instalments on your account are overdue.",
               f"Please pay the overdue {pounds(owed)} by {when(by)}. If you do not, you will lose the right to pay by instalments and the full balance for the year will be due.",
               "If your income is low you may be able to get Council Tax Support; the Council Tax Section can explain how to claim."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("jobcard", "toolchest")
    when, date = _when(rng), dated(rng)
    ref, by = f"KE{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}", later(date, 14)
    owed = rng.randrange(5_200, 63_000)
    letter = Letter(
        org=POWER, title="Keppel Energy: electricity used at your home this quarter", date=date, when=when,
        truth=owes(C.UTILITY_BILL, POWER.name, ref, owed, date, deadline_date=by),
        ref_label="Keppel account no.", ref=ref, date_label="Keppel bill produced",
        facts=[("Electricity bill total", owed), ("Keppel must receive payment by", by), ("Keppel MPAN", f"{digits(rng, 2)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 3)}")],
        paras=("This bill is for the electricity supplied to your home since your last bill, from our readings of your meter, and the standing charge for each day.",
               f"Please pay {pounds(owed)}, which includes VAT at 5%, by {when(by)}.",
               "If you are worried about paying, call Electricity Accounts before the due date: we can set up a payment plan and tell you about any help you may be entitled to."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("motcert", "taxdisc")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 12_500, 148_000)
    ref, by = f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 2)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Don and Dearne Water: your charges are unpaid", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Don and Dearne account ref.", ref=ref, date_label="Arrears reminder produced",
        facts=[("Don and Dearne arrears", owed), ("Pay Don and Dearne or set up instalments by", by)],
        paras=("The charges for water supply and sewerage at your address have not been paid and your account is in arrears.",
               f"Your account is {pounds(owed)} in arrears. Please pay this, or arrange instalments with us, by {when(by)}.",
               "We cannot cut off the water supply to your home, but unpaid accounts may be passed to a collection agency. If you are on a low income, ask about our social tariff."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("spike", "keytags")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(5_800, 118_000)
    ref, by = f"{digits(rng, 2)}/{digits(rng, 6)}/{rng.randrange(24, 27)}", later(date, 14)
    letter = Letter(
        org=FINES, title="Rotherham Magistrates: fine payments have stopped", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, HMCTS, ref, owed, date, deadline_date=by),
        ref_label="Rotherham fine ref.", ref=ref, date_label="Fines Office notice dated",
        facts=[("Unpaid fine and costs", owed), ("Rotherham fine to be paid by", by)],
        paras=("The fine, costs and victim surcharge ordered by Rotherham Magistrates' Court have not been paid as the court directed.",
               f"You owe {pounds(owed)}. Please pay in full, or contact the Fines Officer, by {when(by)}.",
               "If you do not, the court may take the money from your wages or benefits, register the fine, or issue a warrant to enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("toolchest", "jobcard")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 9_000, 262_000)
    ref, old = (
        f"MDP{digits(rng, 7)}",
        f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}",
    )
    letter = Letter(
        org=BUYER, title="Notice that your Wentworth store card debt has been sold", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=STORECARD.name),
        ref_label="Masbrough account ref.", ref=ref, date_label="Masbrough notice produced",
        facts=[("Debt sold to Masbrough", owed), ("Debt bought from", STORECARD.name), ("Wentworth card number", old)],
        paras=(f"{STORECARD.name} has sold and assigned your store card account to us, so the balance is now owed to Masbrough Debt Purchase.",
               f"The balance assigned to us is {pounds(owed)}. We do not add interest.",
               "From now on please make your payments to us, using your new reference. Any payment plan you had agreed will continue as before."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("keytags", "spike")
    when, date = _when(rng), dated(rng)
    owed = rng.randrange(21_000, 480_000)
    ref, by = (
        f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}",
        later(date, 30),
    )
    letter = Letter(
        org=DEBT, title="You have been overpaid Carer's Allowance", date=date, when=when,
        truth=owes(C.OVERPAYMENT, DWP, ref, owed, date, deadline_date=by),
        ref_label="NINO for this overpayment", ref=ref, date_label="DWP letter produced",
        facts=[("Carer's Allowance to be repaid", owed), ("Agree repayment with DWP by", by)],
        paras=("Your earnings went above the limit for Carer's Allowance, so you were paid more than you were entitled to.",
               f"The overpayment is {pounds(owed)}. Please pay it back, or contact Debt Management to agree how you will repay, by {when(by)}.",
               "We can take the money from other benefits you get. If you think the decision is wrong, you can ask for it to be looked at again within one month."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    """The building society's letter (the disc holder, even: on two pages, the monthly
    payment on page 2; the MOT certificate, odd)."""
    kinds = ("taxdisc", "motcert")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 48_000, 790_000), rng.randrange(52_000, 148_000)
    ref = f"BCB{digits(rng, 2)}-{digits(rng, 6)}"
    letter = Letter(
        org=SOCIETY, title="Arrears on your Boston Castle mortgage", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Boston Castle mortgage ref.", ref=ref, date_label="Mortgage Support wrote on",
        facts=[("Boston Castle arrears figure", owed), ("Boston Castle monthly instalment", monthly)],
        paras=("Your mortgage account is in arrears because monthly payments have been missed or were short.",
               f"The arrears stand at {pounds(owed)}, and your contractual monthly payment is {pounds(monthly)}.",
               "Please phone Mortgage Support so that we can agree an arrangement you can afford. Repossession is always a last resort, and free guidance is available from MoneyHelper."),
        overleaf=1 if i % 2 == 0 else 0,
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("jobcard", "spike")
    when, date = _when(rng), dated(rng)
    weekly = rng.randrange(8_900, 16_800)
    owed = weekly * rng.randrange(2, 15) + rng.choice((0, 1_250, 2_500))
    ref = f"HHA/{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="Herringthorpe Homes: rent owing on your home", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Herringthorpe tenancy no.", ref=ref, date_label="Income Team letter dated",
        facts=[("Herringthorpe rent owing", owed), ("Weekly rent incl. service charges", weekly)],
        paras=("Your rent account shows arrears.",
               f"You owe {pounds(owed)} in rent, and your rent with service charges is {pounds(weekly)} a week. Please contact the Income Team to agree how you will pay it off.",
               "If the housing element of your Universal Credit has changed or stopped, tell us at once. We can put you in touch with a free debt adviser."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("motcert", "toolchest")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 3_000, 118_000), later(date, 10)
    if i % 4 < 2:
        org, ref, title = (
            PAYLATER,
            f"EP-{letters(rng, 3)}{digits(rng, 6)}",
            "Eastwood Pay: missed payments on your plan",
        )
        first = "We tried to collect your Eastwood Pay instalments from your card, but the payments failed."
        date_label, ref_label = "Date emailed", "Eastwood Pay plan ref."
    else:
        org, ref, title = (
            CATALOGUE,
            f"GHS{digits(rng, 8)}",
            "Greasbrough Home Shopping: payments overdue",
        )
        first = "Payments on your Greasbrough Home Shopping account are overdue, and we have stopped new orders until the account is up to date."
        date_label, ref_label = "Greasbrough statement produced", "Greasbrough customer ref."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label=ref_label, ref=ref, date_label=date_label,
        facts=[("Instalments that failed", owed), ("Catch up the missed payments by", by)],
        paras=(first,
               f"{pounds(owed)} is overdue. Please pay by {when(by)} so that we do not have to report missed payments to the credit reference agencies.",
               "If you are in financial difficulty, tell us: we will pause collection for 30 days while you get free advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("keytags", "taxdisc")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 32_000, 670_000), later(date, 30)
    ref = f"UT/WDP/{digits(rng, 4)}"
    letter = Letter(
        org=SOLICITORS, title="Letter of claim on behalf of Whiston Dental Practice", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, DENTISTS.name, ref, owed, date, deadline_date=by),
        ref_label="Our file reference", ref=ref, date_label="Ulley Todwick letter dated",
        facts=[("Unpaid fees for treatment", owed), ("Ulley Todwick instructed by", DENTISTS.name), ("Reply Form to Ulley Todwick by", by)],
        paras=(f"We are instructed by {DENTISTS.name}, which provided private dental treatment to you that has not been paid for.",
               f"Our client is owed {pounds(owed)}. Please pay this sum, or complete and return the enclosed Reply Form, by {when(by)}.",
               "This letter is sent under the Pre-Action Protocol for Debt Claims. If you do not reply, our client may start court proceedings and claim interest and costs. The enclosed information sheet lists free advice services."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _autocentre(rng: random.Random, i: int) -> Doc:
    """A car repair centre's payslip: hours at the basic rate and overtime at time and a
    half, "Earnings" then "Taken from wages"; weekly or fortnightly."""
    org, date, when = AUTOCENTRE, dated(rng), _when(rng)
    date = later(date, (3 - date.weekday()) % 7)  # a Thursday
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    weeks = {"weekly": 1, "fortnightly": 2}[frequency]
    hours = rng.choice((37.5, 40.0, 42.5)) * weeks
    rate = rng.choice((1_385, 1_450, 1_520))
    basic = round(hours * rate)
    extra = rng.randrange(0, 9) * weeks
    overtime = round(extra * rate * 1.5)
    tools = 750 * weeks
    gross = basic + overtime + tools
    cuts = [("PAYE tax stopped", gross * 11 // 100), ("NI taken (class 1)", gross * 6 // 100), ("Pension saving (auto-enrolled)", gross * 5 // 100), ("Overalls and laundry", 300 * weeks)]  # fmt: skip
    off = sum(a for _, a in cuts)
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    page.add((t(0.08, "Payslip", True, size=style.point + 3), rt(0.92, f"Pay date {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}, vehicle technician", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Works no. {digits(rng, 5)}   Tax code 1257L   NI letter A", size=size),)).gap()  # fmt: skip
    page.add((t(0.08, "Earnings", True, size=size), rt(0.68, "Hours @ rate", True, size=size), rt(0.9, "£", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 90)
    page.add((t(0.1, "Basic hours", size=size), rt(0.68, f"{hours:.2f} @ {plain(rate)}", size=size), rt(0.9, plain(basic), size=size)))  # fmt: skip
    page.add((t(0.1, "Overtime (time and a half)", size=size), rt(0.68, f"{extra:.2f} @ {plain(round(rate * 1.5))}", size=size), rt(0.9, plain(overtime), size=size)))  # fmt: skip
    page.add((t(0.1, "Own tools allowance", size=size), rt(0.9, plain(tools), size=size)))
    page.add((t(0.08, "Total earnings", True, size=size), rt(0.9, plain(gross), True, size=size))).gap()  # fmt: skip
    page.add((t(0.08, "Taken from wages", True, size=size), rt(0.9, "£", True, size=size)))
    page.rule(0.08, 0.92, 90)
    for what, amount in cuts:
        page.add((t(0.1, what, size=size), rt(0.9, plain(amount), size=size)))
    page.add((t(0.08, "Total taken from wages", True, size=size), rt(0.9, plain(off), True, size=size))).gap()  # fmt: skip
    top = len(page.rows)
    page.add((t(0.5, "Take-home pay", True, size=size), rt(0.9, plain(gross - off), True, size=style.point + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.48, 0.92, True, 226))
    page.gap()
    page.para("Overtime is paid at one and a half times the basic rate. Queries to Payroll, please, before the next pay date.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def _carehome(rng: random.Random, i: int) -> Doc:
    """A care home's payslip: payments and deductions side by side in two columns (a
    salary and sleep-in nights; tax, NI and pension), the totals and the net pay under
    them; monthly or four-weekly."""
    org, date, when = CAREHOME, dated(rng), _when(rng)
    frequency = ("monthly", "four_weekly")[(i // 2) % 2]
    salary = {"monthly": rng.randrange(176_000, 226_000), "four_weekly": rng.randrange(162_000, 208_000)}[frequency]  # fmt: skip
    sleeps = rng.randrange(0, 5)
    sleep_pay = sleeps * 6_500
    gross = salary + sleep_pay
    less = [("PAYE tax taken", gross * 9 // 100), ("Employee's NI (care)", gross * 6 // 100), ("Care home NEST pension", gross * 3 // 100)]  # fmt: skip
    off = sum(a for _, a in less)
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[(i + 2) % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    page.add((t(0.08, "Pay advice", True, size=style.point + 3), rt(0.92, f"Date paid {when(date)}", True, size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}, senior care assistant", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Staff no. {digits(rng, 4)}", size=size),)).gap()
    page.add((t(0.08, "Payments", True, size=size), rt(0.48, "£", True, size=size), t(0.52, "Deductions", True, size=size), rt(0.92, "£", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 80)
    pays = [("Salary", salary), (f"Sleep-in nights x {sleeps}", sleep_pay)]
    for n in range(max(len(pays), len(less))):
        cells = []
        if n < len(pays):
            cells += [t(0.08, pays[n][0], size=size), rt(0.48, plain(pays[n][1]), size=size)]
        if n < len(less):
            cells += [t(0.52, less[n][0], size=size), rt(0.92, plain(less[n][1]), size=size)]
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 80)
    page.add((t(0.08, "Total payments", True, size=size), rt(0.48, plain(gross), True, size=size), t(0.52, "Total deductions", True, size=size), rt(0.92, plain(off), True, size=size)))  # fmt: skip
    page.gap()
    page.add((t(0.52, "Net pay to bank", True, size=size), rt(0.92, plain(gross - off), True, size=style.point + 1.5)))  # fmt: skip
    page.gap()
    page.para("Sleep-in nights are paid at a flat rate for each night. Please keep your pay advices safe.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """The car repair centre's payslip (even) or the care home's pay advice (odd)."""
    return _autocentre(rng, i) if i % 2 == 0 else _carehome(rng, i)


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
    page.gap()
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Everyday current account", True, size=style.point + 2), rt(0.92, f"Statement date {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Sort code 40-{digits(rng, 2)}-{digits(rng, 2)}   Account no. {digits(rng, 8)}   Statement no. {rng.randrange(10, 160)}", size=size),)).gap()  # fmt: skip
    xs = (0.62, 0.77, 0.92)
    page.add((t(0.08, "Date", True, size=size), t(0.19, "Details", True, size=size), *(rt(x, h, True, size=size) for x, h in zip(xs, ("Money out", "Money in", "Balance"), strict=True))))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(2_000, 68_000)
    page.add((t(0.19, "Balance brought forward", size=size), rt(0.92, _signed(running), size=size)))  # fmt: skip
    items = [("KILNHURST AUTOCENTRE PAY", rng.randrange(38_000, 76_000)), ("DD ROTHERHAM MBC", -rng.randrange(9_000, 18_500)),
             ("CARD ASDA PARKGATE", -rng.randrange(1_500, 8_900)), ("DD KEPPEL ENERGY", -rng.randrange(4_000, 13_200)),
             ("KILNHURST AUTOCENTRE PAY", rng.randrange(38_000, 76_000)), ("CASH ROTHERHAM INTERCHANGE", -1_000 * rng.randrange(1, 7)),
             ("SO DINNINGTON CU SAVE", -rng.randrange(1_000, 4_000))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        day = later(date, -offset)
        cells = [t(0.08, f"{day:%d} {day:%b}", size=size), t(0.19, what, size=size)]
        cells.append(rt(xs[0] if amount < 0 else xs[1], plain(abs(amount)), size=size))
        cells.append(rt(0.92, _signed(running), size=size))
        page.add(tuple(cells))
    page.rule(0.08, 0.92, 60)
    page.add((t(0.19, "Balance carried forward", True, size=size), rt(0.92, _signed(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("A minus sign before a balance means your account is overdrawn. Please check this statement and contact us straight away about any entry you do not recognise.", size=SMALL)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def _union(rng: random.Random, i: int) -> Doc:
    """A credit union's share account: each line's amount signed (money out with a
    minus), the share balance after it."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, UNION, style)
    _, lines = person(rng)
    page.gap()
    page.add(*((t(0.08, line),) for line in lines)).gap()
    page.add((t(0.08, "Share account statement", True, size=style.point + 2),))
    page.add((t(0.08, f"Member no. {digits(rng, 5)}", size=size), rt(0.92, f"Produced {when(date)}", size=size))).gap()  # fmt: skip
    page.add((t(0.08, "Date", True, size=size), t(0.2, "Transaction", True, size=size), rt(0.72, "Amount", True, size=size), rt(0.92, "Shares", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    running = rng.randrange(8_000, 108_000)
    page.add((t(0.2, "Shares at start of period", size=size), rt(0.92, plain(running), size=size)))
    items = [("Wage deduction to shares", rng.randrange(2_000, 6_000)), ("Cash taken at the counter", -1_000 * rng.randrange(1, 4)),
             ("PIP from DWP", rng.randrange(30_000, 80_000)), ("To your credit union loan", -rng.randrange(3_500, 12_000)),
             ("Wage deduction to shares", rng.randrange(2_000, 6_000)), ("Standing order to Don and Dearne Water", -rng.randrange(2_400, 6_600))]  # fmt: skip
    offsets = sorted(rng.sample(range(1, 28), len(items)), reverse=True)
    for (what, amount), offset in zip(items, offsets, strict=True):
        running += amount
        page.add((t(0.08, f"{later(date, -offset):%d/%m}", size=size), t(0.2, what, size=size), rt(0.72, _signed(amount), size=size), rt(0.92, plain(running), size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 60)
    page.add((t(0.2, "Shares at end of period", True, size=size), rt(0.92, plain(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("Amounts with a minus sign left your share account. Your shares are protected by the FSCS.", size=SMALL)  # fmt: skip
    _foot(page, UNION)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def bank_statement(rng: random.Random, i: int) -> Doc:
    """The bank's current account (even) or the credit union's shares (odd)."""
    return _bank(rng, i) if i % 2 == 0 else _union(rng, i)


def benefit(rng: random.Random, i: int) -> Doc:
    """Universal Credit (even: the parts invoice) or Personal Independence Payment (odd:
    the job card)."""
    kinds = ("spike", "jobcard")
    when, date = _when(rng), dated(rng)
    ref = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}"
    if i % 2 == 0:
        org, what = UC, "Universal Credit"
        frequency = "monthly"
        paid = rng.randrange(39_000, 136_000)
    else:
        org, what = PIP, "Personal Independence Payment"
        frequency = "four_weekly"
        paid = 4 * rng.choice((7_340, 10_980, 18_420))
    letter = Letter(
        org=org, title=f"Your {what} award", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="NINO on your claim", ref=ref, date_label="DWP award worked out",
        facts=[("DWP pays you", paid), ("Paid to you how often", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"We have made a decision about your {what}.",
               f"You will get {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]}, paid into your bank account.",
               "You must tell us straight away about any change to your circumstances, such as starting work, someone moving in or going into hospital."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the classic car club's run (the tool chest) and the allotment
    society's seed swap (the MOT certificate)."""
    kinds = ("toolchest", "motcert")
    when, date = _when(rng), dated(rng)
    on = later(date, 9 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=CARCLUB, title="Club run to the vintage vehicle rally", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Club member from", ref=f"{rng.randrange(1985, 2025)}",
            facts=[("Run day", on), ("Convoy leaves from", "Treeton village hall, 9 am"), ("Members to bring", "A picnic and a folding chair")],
            paras=("Thank you to everyone who brought a car to the summer gala.",
                   f"The club run is on {when(on)}; we drive to the rally in convoy and park together on the club stand.",
                   "Passengers and members without a car are welcome to come along for the day."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=ALLOTMENTS, title="Seed swap and plot walk", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Plot held", ref=f"Plot {rng.randrange(1, 40)}",
            facts=[("Seed swap day", on), ("Seed swap venue", "The trading hut, 10 am")],
            paras=("Many thanks to all who helped mend the fence along the lane.",
                   f"The seed swap is on {when(on)}; bring any spare seed in labelled envelopes.",
                   "Tea and cake will be served in the trading hut afterwards; everyone is welcome."),
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
class BFSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 5660


def build_bf(per_class: int = 4, *, seed: int = SEED) -> list[BFSample]:
    """``per_class`` documents of every class, held out, family ``<class>:BF``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, BFSample)


PRINT = Printer(FONTS.font, FONTS.measure)


def page_size(sample: BFSample, dpi: int) -> tuple[int, int]:
    return PRINT.page_size(sample, dpi)


def bf_text(sample: BFSample) -> str:
    """Every page's text, pages apart by form feeds."""
    return PRINT.text(sample)


def bf_pages(sample: BFSample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return PRINT.pages(sample, dpi=dpi)


# -- drawing the page ---------------------------------------------------------------------------


@frozen
class BFScan:
    dpi: int
    skew: float
    """Degrees."""
    coolant: bool = False
    """Engine coolant run down the page; colour."""
    sparks: bool = False
    """Sparks from an angle grinder; colour."""
    soot: bool = False
    """Exhaust soot from one side edge; greyscale, as PDF."""


SCANS = (
    BFScan(dpi=240, skew=0.4, coolant=True),
    BFScan(dpi=200, skew=-0.55, sparks=True),
    BFScan(dpi=220, skew=0.25, soot=True),
)

PAPER = (251, 250, 246)
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


Pen = ImageDraw.ImageDraw


def _rule(pen: Pen, g: _Geo, m: Mark) -> None:
    y = g.top(m.row) - round(0.1 * g.body)
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(m.shade,) * 3, width=g.line)


def _ruled(pen: Pen, g: _Geo, m: Mark) -> None:
    """A ruled line under row ``row``."""
    y = g.foot(m.row) - round(0.12 * g.body)
    pen.line((g.x(m.x0), y, g.x(m.x1), y), fill=(m.shade,) * 3, width=g.line)


def _clipboard(pen: Pen, g: _Geo, m: Mark) -> None:
    """The board, its steel clip over its head."""
    y0, y1 = _span(g, m)
    pad = g.body
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rounded_rectangle((x0, y0 - 2 * pad, x1, y1 + pad), radius=max(6, g.body // 2), fill=CLIPBOARD, outline=(96, 64, 36), width=max(1, g.line))  # fmt: skip
    cx, w = (x0 + x1) // 2, g.x(0.11)
    pen.rounded_rectangle((cx - w, y0 - 2 * pad - pad // 2, cx + w, y0 - pad // 3), radius=max(4, pad // 3), fill=(188, 190, 196), outline=(90, 92, 98), width=max(1, g.line))  # fmt: skip
    pen.ellipse((cx - pad // 2, y0 - 2 * pad - pad // 2 - pad // 2, cx + pad // 2, y0 - 2 * pad), outline=(90, 92, 98), width=max(1, g.line * 2))  # fmt: skip


def _jobcard_sheet(pen: Pen, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0 - g.body // 2, g.x(m.x1), y1), fill=CARD_BUFF, outline=(170, 150, 110))  # fmt: skip


def _board(pen: Pen, g: _Geo, m: Mark) -> None:
    """The key board: a wooden board with a row of pegs."""
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=KEYBOARD, outline=(130, 100, 60), width=max(2, g.line * 2))  # fmt: skip


def _tag(pen: Pen, g: _Geo, m: Mark) -> None:
    """A key tag: coloured plastic, a hole at its left end with a split ring through it and
    the peg it hangs on."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pad = max(3, g.body // 3)
    tag0 = x0 + g.x(0.03)
    pen.rounded_rectangle((tag0, y0 - pad, x1, y1 + pad), radius=max(6, (y1 - y0) // 3), fill=TAG_PLASTIC[m.shade % len(TAG_PLASTIC)], outline=(100, 96, 90), width=max(1, g.line))  # fmt: skip
    cy = (y0 + y1) // 2
    hole = max(3, g.body // 3)
    hx = tag0 + g.x(0.02)
    pen.ellipse((hx - hole, cy - hole, hx + hole, cy + hole), fill=KEYBOARD, outline=(100, 96, 90))
    ring = max(6, g.body)
    pen.ellipse((hx - ring - g.x(0.012), cy - ring, hx + ring - g.x(0.012), cy + ring), outline=(120, 122, 128), width=max(2, g.line * 2))  # fmt: skip
    peg = max(2, g.body // 4)
    px = x0 + g.x(0.008)
    pen.ellipse((px - peg, cy - ring - peg, px + peg, cy - ring + peg), fill=(70, 60, 50))


def _certificate(pen: Pen, g: _Geo, m: Mark) -> None:
    """The MOT certificate: pale grey-green, a blue band across its head with a white line
    along it."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=CERT_GREEN, outline=(150, 160, 152), width=max(1, g.line))
    band = g.body * 2
    pen.rectangle((x0, y0, x1, y0 + band), fill=CERT_BLUE)
    pen.line((x0, y0 + band * 2 // 3, x1, y0 + band * 2 // 3), fill=(255, 255, 255), width=max(1, g.line))  # fmt: skip


def _mot(pen: Pen, g: _Geo, m: Mark) -> None:
    """A box on the certificate: white, a thin outline, a thick blue left edge."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0, x1, y1), fill=(255, 255, 255), outline=(140, 150, 160), width=max(1, g.line))  # fmt: skip
    pen.rectangle((x0, y0, x0 + g.x(0.008), y1), fill=CERT_BLUE)


def _stack(pen: Pen, g: _Geo, m: Mark) -> None:
    """Two more invoices under the top one, each a little askew of it."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    for k, shift in enumerate((g.x(0.012), -g.x(0.009))):
        grey = 236 - 10 * k
        pen.rectangle((x0 + shift, y0 - g.body // 2 + k * 3, x1 + shift, y1 + g.body // 2 + k * 3), fill=(grey, grey, grey - 14), outline=(170, 170, 160))  # fmt: skip


def _invoice(pen: Pen, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0 - g.body // 2, g.x(m.x1), y1), fill=INVOICE_YELLOW, outline=(180, 172, 130), width=max(1, g.line))  # fmt: skip


def _spike_pin(pen: Pen, g: _Geo, m: Mark) -> None:
    """The spike through the invoice's head: a torn hole and the steel point standing out
    of it."""
    y0, _ = _span(g, m)
    cx = g.x(m.x0)
    cy = y0 + g.body
    r = max(4, g.body // 2)
    pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(120, 116, 104))
    pen.polygon([(cx - r // 2, cy), (cx + r // 2, cy), (cx, cy - 3 * g.body)], fill=(150, 152, 158), outline=(80, 82, 88))  # fmt: skip


def _cell(pen: Pen, g: _Geo, m: Mark) -> None:
    """A ruled row of two cells, divided at ``shade`` hundredths of the width."""
    y0, y1 = _span(g, m)
    x0, x1, mid = g.x(m.x0), g.x(m.x1), g.x(m.shade / 100)
    pen.rectangle((x0, y0, x1, y1), outline=(120, 112, 90), width=max(1, g.line))
    pen.line((mid, y0, mid, y1), fill=(120, 112, 90), width=max(1, g.line))


def _holder(pen: Pen, g: _Geo, m: Mark) -> None:
    """The windscreen holder: clear plastic with a rounded edge, a sucker at its head."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rounded_rectangle((x0, y0, x1, y1), radius=max(10, g.body), fill=HOLDER_CLEAR, outline=(150, 160, 172), width=max(2, g.line * 2))  # fmt: skip
    cx, r = (x0 + x1) // 2, max(6, g.body * 2 // 3)
    pen.ellipse((cx - r, y0 - r, cx + r, y0 + r), fill=(200, 214, 226), outline=(120, 134, 150), width=max(1, g.line))  # fmt: skip


def _disc(pen: Pen, g: _Geo, m: Mark) -> None:
    """The round disc: a tint, a perforated rim (a ring of small holes)."""
    y0, y1 = _span(g, m)
    cx, cy = (g.x(m.x0) + g.x(m.x1)) // 2, (y0 + y1) // 2
    r = min((y1 - y0) // 2, (g.x(m.x1) - g.x(m.x0)) // 2)
    rx = max(r, (g.x(m.x1) - g.x(m.x0)) // 2)
    pen.ellipse((cx - rx, cy - r, cx + rx, cy + r), fill=DISC_TINTS[m.shade % len(DISC_TINTS)], outline=(150, 140, 150), width=max(1, g.line))  # fmt: skip
    dot = max(1, g.body // 8)
    for k in range(72):
        a = k * math.tau / 72
        px, py = cx + (rx - 3 * dot) * math.cos(a), cy + (r - 3 * dot) * math.sin(a)
        pen.ellipse((px - dot, py - dot, px + dot, py + dot), fill=(255, 255, 255))


def _chest(pen: Pen, g: _Geo, m: Mark) -> None:
    """The roll cabinet: grey-blue steel, a lid edge along its top, a castor at each foot."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pen.rectangle((x0, y0 - g.body // 2, x1, y1), fill=CHEST, outline=(90, 100, 120), width=max(2, g.line * 2))  # fmt: skip
    pen.rectangle((x0 - g.x(0.006), y0 - g.body, x1 + g.x(0.006), y0 - g.body // 2), fill=(110, 120, 140))  # fmt: skip
    r = max(4, g.body // 2)
    for cx in (x0 + 3 * r, x1 - 3 * r):
        pen.ellipse((cx - r, y1, cx + r, y1 + 2 * r), fill=(40, 40, 44))


def _drawer(pen: Pen, g: _Geo, m: Mark) -> None:
    """A drawer front, its bright handle along its top."""
    y0, y1 = _span(g, m)
    x0, x1 = g.x(m.x0), g.x(m.x1)
    pad = max(3, g.body // 3)
    pen.rectangle((x0, y0 - pad, x1, y1 + pad), fill=DRAWER, outline=(100, 110, 128), width=max(1, g.line))  # fmt: skip
    pen.rectangle((x0 + g.x(0.01), y0 - pad, x1 - g.x(0.01), y0 - pad + max(3, g.body // 4)), fill=(232, 234, 238), outline=(140, 144, 150))  # fmt: skip


def _cardholder(pen: Pen, g: _Geo, m: Mark) -> None:
    y0, y1 = _span(g, m)
    pen.rectangle((g.x(m.x0), y0, g.x(m.x1), y1), fill=(255, 255, 255), outline=(120, 124, 132), width=max(1, g.line))  # fmt: skip


PAINT: dict[str, Callable[[Pen, _Geo, Mark], None]] = {
    "rule": _rule,
    "ruled": _ruled,
    "clipboard": _clipboard,
    "jobcard": _jobcard_sheet,
    "board": _board,
    "tag": _tag,
    "certificate": _certificate,
    "mot": _mot,
    "stack": _stack,
    "invoice": _invoice,
    "spike": _spike_pin,
    "cell": _cell,
    "holder": _holder,
    "disc": _disc,
    "chest": _chest,
    "drawer": _drawer,
    "cardholder": _cardholder,
}
UNDER = ("clipboard", "jobcard", "board", "certificate", "stack", "invoice", "holder", "disc", "chest")  # fmt: skip
"""Drawn first, in this order: what other shapes stand on."""


def _draw(sample: BFSample, n: int, dpi: int) -> Image.Image:
    """Page ``n`` drawn clean: the boards, certificate, sheets, holder and chest first,
    then boxes, the other shapes and rules, then the text."""
    width, height = PRINT.page_size(sample, dpi)
    image = Image.new("RGB", (width, height), PAPER)
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, dpi)
    body = round(sample.style.point / 72 * dpi)
    g = _Geo(tops, heights, width, height, body, max(1, dpi // 150))
    marks = sample.rules[n] if sample.rules else ()
    for kind in UNDER:
        for mark in marks:
            if mark.kind == kind:
                PAINT[kind](pen, g, mark)
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

COOLANT = (0.62, 0.96, 0.40)
"""Antifreeze's yellow-green, as the share of each channel a full stain lets through."""


def _coolant(image: Image.Image, rng: random.Random, skew: float, dpi: int) -> Image.Image:
    """Colour; engine coolant run down the page: three to five translucent green runs from
    the top edge (narrowing as they go, each ending in a rounder drop) and a puddle where
    some pooled; a little askew. The stain is drawn at half size and blended at full size
    by Pillow (no per-pixel work in Python)."""
    w, h = image.size
    hw, hh = w // 2, h // 2
    half = dpi / 2
    mask = Image.new("L", (hw, hh), 0)
    pen = ImageDraw.Draw(mask)
    for _ in range(rng.randrange(3, 6)):
        x = rng.uniform(0.06, 0.94) * hw
        y, end = 0.0, rng.uniform(0.15, 0.7) * hh
        width = half * rng.uniform(0.05, 0.1)
        while y < end:
            step = half * rng.uniform(0.08, 0.16)
            nx = x + rng.gauss(0, half * 0.015)
            pen.line((x, y, nx, y + step), fill=150, width=max(2, round(width)))
            x, y = nx, y + step
            width = max(half * 0.02, width * 0.97)
        drop = width * 1.6
        pen.ellipse((x - drop, y - drop, x + drop, y + drop * 1.3), fill=175)
    cx, cy = rng.uniform(0.15, 0.85) * hw, rng.uniform(0.55, 0.92) * hh
    for _ in range(rng.randrange(3, 6)):
        r = half * rng.uniform(0.15, 0.3)
        dx, dy = rng.gauss(0, r * 0.5), rng.gauss(0, r * 0.3)
        pen.ellipse((cx + dx - r * 1.4, cy + dy - r, cx + dx + r * 1.4, cy + dy + r), fill=120)
    soft = mask.filter(ImageFilter.GaussianBlur(max(1.0, half / 90)))
    full = soft.resize((w, h), Image.Resampling.BILINEAR)
    tint = Image.new("RGB", (w, h), tuple(round(c * 255) for c in COOLANT))
    out = Image.composite(ImageChops.multiply(image, tint), image, full)
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(244, 244, 238))  # fmt: skip


def _sparks(image: Image.Image, rng: random.Random, skew: float, dpi: int) -> Image.Image:
    """Colour; sparks from an angle grinder: a fan of 60 to 140 tiny burnt pits from a
    point off one edge, each a dark brown dot in a pale yellow halo, some with a short
    streak along its flight; drawn on the page in place (only the pits are touched); a
    little askew."""
    w, h = image.size
    pen = ImageDraw.Draw(image)
    ox, oy = rng.choice((-0.05, 1.05)) * w, rng.uniform(0.2, 0.8) * h
    aim = math.atan2(h / 2 - oy, w / 2 - ox)
    for _ in range(rng.randrange(60, 140)):
        a = aim + rng.gauss(0, 0.35)
        d = rng.uniform(0.15, 0.95) * w
        px, py = ox + d * math.cos(a), oy + d * math.sin(a)
        if not (0 <= px < w and 0 <= py < h):
            continue
        r = dpi * rng.uniform(0.006, 0.016)
        halo = r * 2.4
        pen.ellipse((px - halo, py - halo, px + halo, py + halo), fill=(246, 236, 196))
        if rng.random() < 0.35:
            tail = dpi * rng.uniform(0.03, 0.09)
            pen.line((px, py, px - tail * math.cos(a), py - tail * math.sin(a)), fill=(150, 110, 70), width=max(1, round(r * 0.6)))  # fmt: skip
        pen.ellipse((px - r, py - r, px + r, py + r), fill=(rng.randrange(70, 110), rng.randrange(40, 60), 24))  # fmt: skip
    return image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(250, 249, 244))  # fmt: skip


def _soot(image: Image.Image, rng: random.Random, skew: float, dpi: int) -> Image.Image:
    """Greyscale; exhaust soot: a grey haze swelling in from one side edge (darkest at the
    edge, a few plumes reaching further in, a fine speckle of carbon in it); a little
    askew. The haze is drawn at a quarter size and blended by Pillow."""
    grey = image.convert("L")
    w, h = grey.size
    qw, qh = w // 4, h // 4
    mask = Image.new("L", (qw, qh), 0)
    pen = ImageDraw.Draw(mask)
    left = rng.random() < 0.5
    reach = rng.uniform(0.1, 0.2) * qw
    for k in range(12):
        y = qh * k / 11
        r = reach * rng.uniform(0.6, 1.4)
        cx = 0 if left else qw
        pen.ellipse((cx - r, y - r * 0.8, cx + r, y + r * 0.8), fill=rng.randrange(70, 120))
    for _ in range(rng.randrange(2, 4)):
        y = rng.uniform(0.1, 0.9) * qh
        far = reach * rng.uniform(1.6, 2.6)
        x0, x1 = (0, far) if left else (qw - far, qw)
        pen.ellipse((x0, y - reach * 0.5, x1, y + reach * 0.5), fill=rng.randrange(45, 80))
    for _ in range(rng.randrange(150, 300)):
        x = rng.uniform(0, reach * 1.5)
        x = x if left else qw - x
        y = rng.uniform(0, qh)
        pen.point((x, y), fill=200)
    haze = mask.filter(ImageFilter.GaussianBlur(max(1.0, dpi / 60))).resize((w, h), Image.Resampling.BILINEAR)  # fmt: skip
    out = Image.composite(Image.new("L", (w, h), 58), grey, haze)
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=246)


def render(sample: BFSample, n: int, scan: BFScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.coolant:
        return _coolant(image, rng, scan.skew, scan.dpi)
    if scan.sparks:
        return _sparks(image, rng, scan.skew, scan.dpi)
    return _soot(image, rng, scan.skew, scan.dpi)


def bf_scanned(sample: BFSample, index: int) -> tuple[bytes, str, BFScan]:
    """Scanned one of three ways: the coolant-stained page as colour JPEG with its
    resolution (quality ``QUALITY``), the spark-pitted page as colour PNG (its resolution at
    even indexes), the sooted page as a one-page greyscale PDF (220 dpi); documents of more
    pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 89 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or scan.soot:
        return encode_pages([im.convert("L") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.coolant:
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
    "BFSample",
    "BFScan",
    "bf_pages",
    "bf_scanned",
    "bf_text",
    "build_bf",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
