# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AG``, written blind: a twenty-seventh measure of how the reader
generalises, in a twenty-seventh hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I``,
``J``, ``AA``, ``AB``, ``AC``, ``AD``, ``AE`` and ``AF``).

``AG`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``,
``values_found``, ``FIELDS``), the shared page engine (``corpus_print``), the shared test
helpers (``tests/unit/documents/blind_families.py``, ``tests/integration/ocr/blind_read.py``),
family AF's module and tests and its benchmark registration (the commits that added AF, as
the task allowed) and, by grep only, the module docstrings, face tables, date formats, scan
words and place names of the other families (to avoid their regions, settings, date and
money shapes, face pairings and scan effects) -- **not** the reader's rules
(``assistant.py``, ``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``,
``prose.py``, ``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``statement_tables.py``, ``label_learning.py``, ``read_families.py``,
``ranker.py``, ``ranker_training.py``, ``ranker_random.py``, the Tesseract extractor, the
locator, the creditor directory), its reading tests, nor any account of its misses. It is
never used to write rules, to train or calibrate the classifier or the field ranker
(``build_corpus`` never yields it), nor to choose models: it is measured, and only the
aggregate figures go into benchmarks/OCR.md. Whoever reads its individual misses to change
the reader makes ``AG`` no longer blind and must say so there.

**AG is no longer blind since round 34** (branch ``reader34``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AG
from then on is a training-side figure (benchmarks/OCR.md, "Round 34").

What differs from A-Z, G, E, F, I, J, AA, AB, AC, AD, AE and AF:

* who writes: bodies and firms of the West Somerset coast and the Brendon Hills
  (Minehead, Dunster, Porlock, Porlock Weir, Watchet, Williton, Carhampton, Blue Anchor,
  Doniford, Timberscombe, Selworthy, Allerford, Luxborough, Crowcombe, Stogursey,
  Wiveliscombe, Dulverton and the Wimbleball and Clatworthy reservoirs), a region no family
  wrote from (no earlier module names any of these places; Taunton, where its County Court
  sits, is named by P): a Dunster card company and a Watchet Harbour credit union, a
  Williton motor lender suing in the County Court at Taunton, a Porlock Weir boatbuilder's
  judgment from the same court, West Somerset Coast council and its Carhampton enforcement
  agents, a Doniford farm supplier's statutory demand, Porlock Vale and Watchet and
  Williton councils, an energy supplier at Stogursey, a water company of the two
  reservoirs, West Somerset magistrates, a Timberscombe home-credit lender and the
  Selworthy debt buyer it sold to, a tax credits overpayment (HMRC, named by other
  families), a Wiveliscombe building society, Dulverton Valley Homes, a Blue Anchor
  catalogue and an Allerford pay-later firm, Minehead solicitors for a Luxborough
  thatcher, a Crowcombe cider orchard and a Watchet paper mill as employers, Minehead
  Harbour Bank, Reduced Earnings Allowance and Constant Attendance Allowance (DWP's
  Industrial Injuries scheme), the Blue Anchor Bay beach cleans and the Dunster tithe barn
  singers;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **captioned**: a form whose values are typed on rules, two a row, each label printed
    small in italic *under* its rule as a caption;
  - **numbered**: pleading paper, every line of the page numbered in the left margin
    beside a double rule, the facts as "Particulars" after the opening paragraph;
  - **extract**: two pages: a covering letter in general words (its date only), then an
    enclosure "Extract from our records", one field a line, its name in capitals joined
    by underscores, an equals sign and the value (sums bare: "1234.56"), on a shaded
    ground;
  - **zebra**: "At a glance", the facts in rows shaded and plain by turns with no rules,
    each label left and its value ranged right, above the letter;
  - **narrative**: an account in a bill-of-costs manner: Date | Narrative | Amount (£),
    each fact an entry, the sum due closed off under the table as "£1,234.56 only";
  - **merge**: a word processor's merge printed with its field shading on: each merged
    value shaded grey in its line, the merge field's name in chevrons after it
    ("«ArrearsAmt»");
  payslips for an orchard's piece-work (bags picked a day at a bag rate, holiday pay
  accrued at 12.07%) or a paper mill's salary with a cycle-to-work salary sacrifice, a
  student loan and an attachment of earnings order; bank statements grouped by week, each
  closed by a "Week ending" line with its money in and out, or each line in a spending
  category with a pending payment listed apart and the balance "1,234.56 overdrawn" in
  words; Reduced Earnings Allowance and Constant Attendance Allowance;
* faces no family paired: DejaVu Sans Condensed under Liberation Mono Bold headings,
  Liberation Serif under DejaVu Sans Mono Bold headings, DejaVu Serif Condensed under
  Carlito Bold headings, 9 to 10.5 pt; each italic the body's own (no family used Liberation
  Mono Bold or DejaVu Sans Mono Bold at all);
* dates as "04Dec2026" (a system's stamp, no spaces), "Dec 4th 2026" (the month first, an
  ordinal, no comma) and "4th Dec, 2026" (a comma before the year), one shape a document;
  amounts as "£1,234.56", in tables "1,234.56", in the extract "1234.56", under the
  narrative table "£1,234.56 only" and on statements "1,234.56 overdrawn";
* scans new to the families: paper that got damp and dried cockled (the lines of text
  ripple in diagonal waves, the troughs a little shaded; 300 dpi greyscale PNG); a phone
  photo held by its edge (the holder's thumb over the left margin, overexposed towards the
  right by a window's light; 220 dpi colour JPEG); a sheet feeder whose rollers slip and
  catch up (bands of a few scan lines repeated and, lower down, as many skipped; 200 dpi
  greyscale PNG, with its resolution at even indexes). Two-page letters as PDF. An
  OCR-only count (Tesseract's text against the true values, no reader; two documents a
  class, 44 pages, taken before any reading and with no effect changed after it) kept 167
  of 172 values verbatim: cockled 56/57, thumb 56/58, slipping feeder 55/57.

Not all of the above is new, as far as grep over the earlier modules and their docstrings
shows (checked before the measurement, before anything was read): "£1,234.56", "1,234.56"
and "1234.56" are many families' (Q's and N's among them), "-1,234.56" with a hyphen for a
payslip's deductions several families'; AB's spreadsheet print-out already numbered its
rows down the left (with column letters across the top and every cell ruled: the pleading
paper numbers every line of a letter beside a double rule); the extract's page 2 is the
idea of a figure kept off page 1 that F, J, P, T, AC, AD and AF had in other forms (its
field names in capitals with underscores and an equals sign are new by grep); the merge and
the extract both print a field name beside a value, and AF's cloze form boxed each value in
its sentence (the merge shades it and names its field); AD's centred notice set a label
small *above* its value (the captions here are under a rule); X printed "1,234.56 o/d" for
an overdrawn balance (the word "overdrawn" spelt out is new, the idea is not); S printed
"December 4th, 2026" ("Dec 4th 2026" is close to it); X's slipping sheet feeder smeared a
page (a vertical motion blur, never repeated and skipped scan lines); J's phone photo by a
window and G's under warm light are others' (never with a thumb or a highlight washing one
side); a label/value table with shaded rows is common, only the stripes by turns with no
rules are new; Taunton is named by P, HMRC and the DWP by many.

Ground truth follows L's to AF's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference, on a claim form and a judgment the claimant's reference); ``balance_pence``
what is owed now; ``letter_date`` the document's own date; ``deadline_date`` and
``served_date`` only where printed. Payslips give the payer, net and gross pay (the gross
after a salary sacrifice, as printed), pay date and frequency; benefit letters the payer,
the amount paid each time, the date and the frequency; a bank statement its date."""

from __future__ import annotations

import datetime as dt
import io
import random
import re
from collections.abc import Callable, Sequence

import numpy as np
from attrs import field, frozen
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
from cma_adapters.rules_assistant.corpus_blind_s import Rule, digits, later, letters, owes
from cma_adapters.rules_assistant.corpus_print import (
    Faces,
    Printer,
    PrintSheet,
    Rect,
    build_printed,
    rt,
    t,
)
from cma_core.documents.model import DocumentClass

FAMILY = "AG"

PEOPLE = (
    ("Mrs", "Ngozi", "Trebble-Havard"),
    ("Mr", "Wojciech", "Quartly-Amoah"),
    ("Ms", "Siobhan", "Escott-Varela"),
    ("Mr", "Farai", "Hosegood-Lynn"),
)
ADDRESSES = (
    ("Flat 3, 9 Swain Street", "Watchet", "TA23 0AD"),
    ("27 Tregonwell Road", "Minehead", "TA24 5DT"),
    ("5 Long Street", "Williton", "TA4 4QN"),
    ("12 Fore Street", "Dulverton", "TA22 9EX"),
)

# -- date and money shapes -------------------------------------------------------------------


def _suffix(day: int) -> str:
    return "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def run_together(date: dt.date) -> str:
    """04Dec2026: a system's date stamp, day, month and year with no space."""
    return f"{date:%d%b%Y}"


def month_ordinal(date: dt.date) -> str:
    """Dec 4th 2026: the month first, an ordinal day, no comma."""
    return f"{date:%b} {date.day}{_suffix(date.day)} {date.year}"


def ordinal_comma(date: dt.date) -> str:
    """4th Dec, 2026: an ordinal, the month's abbreviation, a comma before the year."""
    return f"{date.day}{_suffix(date.day)} {date:%b}, {date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (run_together, month_ordinal, ordinal_comma)


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


def only(pence: int) -> str:
    """£1,234.56 only: a formal account's sum, closed against alteration."""
    return f"{money(pence)} only"


def bare(pence: int) -> str:
    """1234.56: the record extract's sum (no sign, no separator)."""
    return f"{pence // 100}.{pence % 100:02d}"


def overdrawn(pence: int) -> str:
    """1,234.56 overdrawn, or 1,234.56 in credit (the word spelt out)."""
    return f"{plain(-pence)} overdrawn" if pence < 0 else plain(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Every week", "every week"),
    "fortnightly": ("Every two weeks", "every two weeks"),
    "four_weekly": ("Every four weeks", "every four weeks"),
    "monthly": ("Every calendar month", "every calendar month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AG prints a true value (to check it is on the page, or in an OCR text)."""
    if isinstance(value, dt.date):
        return tuple(shape(value) for shape in DATE_SHAPES)
    if isinstance(value, int):
        return (money(value), plain(value), bare(value))
    if field == "frequency":
        return FREQUENCY_SHOWN[str(value)]
    text = str(value)
    return (text, text.replace(" ", ""))


def values_in_text(truth: Truth, text: str) -> tuple[int, int]:
    """How many of the true values (every field but the class) appear in ``text``, of how
    many: case and line breaks ignored."""
    return values_found(truth, text, printed_forms)


# -- faces and sheets -------------------------------------------------------------------------

SMALL = 7.5
_CX = "/usr/share/fonts/truetype/crosextra/"
_DV = "/usr/share/fonts/truetype/dejavu/"
_LB = "/usr/share/fonts/truetype/liberation/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "sanscond": {
        (False, False): _DV + "DejaVuSansCondensed.ttf",
        (True, False): _LB + "LiberationMono-Bold.ttf",
        (False, True): _DV + "DejaVuSansCondensed-Oblique.ttf",
        (True, True): _LB + "LiberationMono-BoldItalic.ttf",
    },
    "libserif": {
        (False, False): _LB + "LiberationSerif-Regular.ttf",
        (True, False): _DV + "DejaVuSansMono-Bold.ttf",
        (False, True): _LB + "LiberationSerif-Italic.ttf",
        (True, True): _DV + "DejaVuSansMono-BoldOblique.ttf",
    },
    "serifcond": {
        (False, False): _DV + "DejaVuSerifCondensed.ttf",
        (True, False): _CX + "Carlito-Bold.ttf",
        (False, True): _DV + "DejaVuSerifCondensed-Italic.ttf",
        (True, True): _CX + "Carlito-BoldItalic.ttf",
    },
}
"""Each body face under headings of another family: DejaVu Sans Condensed under Liberation
Mono Bold, Liberation Serif under DejaVu Sans Mono Bold, DejaVu Serif Condensed under
Carlito Bold; each italic the body's own (``fonts-dejavu``, ``fonts-liberation``,
``fonts-crosextra-carlito``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "sanscond"
    point: float = 9.5
    landscape: bool = False


STYLES = (Style("sanscond", 9.5), Style("libserif", 10.5), Style("serifcond", 9.0))


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []

    def rule(self, x0: float = 0.08, x1: float = 0.92, *, dashed: bool = False) -> Sheet:
        """A rule under the last row added (drawn at the top of the row that follows)."""
        self.rules.append(Rule(len(self.rows), x0, x1, dashed))
        return self


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def balance(rng: random.Random, low: int = 6_400, high: int = 690_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    return dt.date(2025, 2, 17) + dt.timedelta(days=rng.randrange(650))


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The line at the foot of every page ("" for a public body)."""
    team: str = "Accounts Office"


Fact = tuple[str, object]
"""A label and its raw value: pence (int), a date, or words (str)."""


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the labelled facts
    as raw values (each setting shapes them); ``paras`` the prose, stating every fact in a
    sentence; ``codes`` the record extract's field name for each fact (else one is made
    from its label)."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[Fact]
    paras: Sequence[str]
    codes: Sequence[str] = field(default=())
    signed: str = field(default="")
    date_label: str = field(default="Letter dated")


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


def _foot(page: Sheet, org: Org, x: float = 0.08, right: float = 0.92) -> None:
    page.foot = len(page.rows)
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    page.add(*page.wrapped(text, x, right, size=SMALL - 1))


def _address(page: Sheet, rng: random.Random, x: float = 0.08) -> str:
    (title, _, surname), lines = person(rng)
    page.add(*((t(x, line),) for line in lines)).gap()
    return f"{title} {surname}"


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _head(page: Sheet, org: Org, style: Style, x: float = 0.08) -> None:
    """The name in the heading face, left; street, town and telephone on one small line
    under it, a rule under both."""
    page.add((t(x, org.name, True, size=style.point + 2.5),))
    page.add((t(x, f"{org.street}, {org.town}.  Telephone {org.phone}", size=SMALL),))
    page.rule(x, 0.92).gap()


def _close(page: Sheet, letter: Letter, x: float = 0.08) -> None:
    page.add((t(x, "Yours faithfully,"),)).gap()
    page.add((t(x, letter.signed or letter.org.team, True),))


def _dateline(page: Sheet, letter: Letter, x: float = 0.08) -> None:
    page.add((t(x, letter.when(letter.date)),)).gap()


def _rows(letter: Letter, amount: Callable[[int], str] = pounds) -> list[tuple[str, str]]:
    """The letter's date, its reference and its facts as (label, shown value)."""
    rows = [(letter.date_label, letter.when(letter.date)), (letter.ref_label, letter.ref)]
    return rows + [(label, shown(letter, value, amount)) for label, value in letter.facts]


# -- the six settings ---------------------------------------------------------------------------


def _captioned(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A form: each value typed on a rule, its label printed small under the rule as a
    caption, two fields a row."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    cols = ((0.08, 0.47), (0.53, 0.92))
    fields = _rows(letter)
    for n in range(0, len(fields), 2):
        pair = fields[n : n + 2]
        values = [page.wrapped(value, x0, x1) for (_, value), (x0, x1) in zip(pair, cols, strict=False)]  # fmt: skip
        for k in range(max(len(v) for v in values)):
            page.add(tuple(cell for v in values if k < len(v) for cell in v[k]))
        for _, (x0, x1) in zip(pair, cols, strict=False):
            page.rule(x0, x1)
        page.add(tuple(t(x0, label, size=SMALL, italic=True) for (label, _), (x0, _x1) in zip(pair, cols, strict=False)))  # fmt: skip
        page.gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


NUMBERS = 0.066
"""Where the pleading paper's line numbers end; its double rule runs just right of them."""


def _numbered(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Pleading paper: every line of the page numbered in the left margin beside a double
    rule, the facts in a list of particulars after the letter's opening."""
    org = letter.org
    page = Sheet(style)
    x = 0.12
    _head(page, org, style, x)
    salutation = _address(page, rng, x)
    _dateline(page, letter, x)
    page.add((t(x, letter.title.upper(), True),)).gap()
    page.add((t(x, f"Dear {salutation},"),)).gap()
    page.para(letter.paras[0], x=x).gap()
    page.add((t(x, "Particulars", True),))
    for label, value in _rows(letter)[1:]:
        labels = page.wrapped(label, x + 0.02, 0.5)
        values = page.wrapped(value, 0.52, 0.92)
        for n in range(max(len(labels), len(values))):
            page.add((*(labels[n] if n < len(labels) else ()), *(values[n] if n < len(values) else ())))  # fmt: skip
    page.gap()
    _prose(page, letter.paras[1:], x)
    _close(page, letter, x)
    body = len(page.rows)
    page.rows = [(rt(NUMBERS, str(n + 1), size=SMALL), *row) for n, row in enumerate(page.rows)]
    page.rects.append(Rect(0, body - 1, NUMBERS + 0.012, NUMBERS + 0.018, True, None))
    _foot(page, org, x)
    return [page]


def _code(label: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", label.upper()).strip("_")[:22]


def _extract(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Two pages: a covering letter (its date and title only), then an enclosure, an extract
    printed from the writer's records, one field a line: its name in capitals joined by
    underscores, an equals sign, the value (sums bare)."""
    org = letter.org
    one = Sheet(style)
    _head(one, org, style)
    salutation = _address(one, rng)
    _dateline(one, letter)
    one.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    one.add((t(0.08, f"Dear {salutation},"),)).gap()
    one.para(
        "We enclose an extract from our records for your account. It shows what we hold and what we are asking of you; please keep it with this letter."
    ).gap()
    one.para(
        "You can get free, independent debt advice. If someone is helping you, please give them the enclosure as well as this page."
    ).gap()
    _close(one, letter)
    _foot(one, org)
    two = Sheet(style)
    two.add((t(0.08, "Enclosure", True), rt(0.92, f"{org.name}: sheet 2 of 2", size=SMALL)))
    two.rule(0.08, 0.92).gap()
    two.add((t(0.08, "Extract from our records", True, size=style.point + 1),))
    stamp = f"RUN {letter.date:%Y%m%d}.{rng.randrange(10, 23)}{rng.randrange(60):02d}  OPERATOR {letters(rng, 2)}{digits(rng, 3)}"  # fmt: skip
    two.add((t(0.08, stamp, size=SMALL),)).gap()
    top = len(two.rows)
    codes = list(letter.codes) + [_code(label) for label, _ in letter.facts[len(letter.codes) :]]
    lines = [("LETTER_DATE", letter.when(letter.date)), (_code(letter.ref_label), letter.ref)]
    lines += [(code, shown(letter, value, bare)) for code, (_, value) in zip(codes, letter.facts, strict=True)]  # fmt: skip
    for code, value in lines:
        values = two.wrapped(value, 0.5, 0.9)
        two.add((t(0.1, code), t(0.46, "="), *values[0]))
        two.add(*values[1:])
    two.rects.append(Rect(top, len(two.rows) - 1, 0.08, 0.92, True, 240))
    two.gap()
    _prose(two, letter.paras)
    _foot(two, org)
    return [one, two]


def _zebra(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """ "At a glance": the facts in rows shaded and plain by turns (no rules), each label
    left and its value ranged right, above the letter."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng)
    page.add((t(0.08, "At a glance", True, size=style.point + 1),))
    for n, (label, value) in enumerate(_rows(letter)):
        top = len(page.rows)
        labels = page.wrapped(label, 0.1, 0.5)
        values = page.wrapped(value, 0.54, 0.9)
        for k in range(max(len(labels), len(values))):
            cells: list[Cell] = [*(labels[k] if k < len(labels) else ())]
            if k < len(values):
                cells.append(rt(0.9, values[k][0].text))
            page.add(tuple(cells))
        if n % 2 == 0:
            page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92, False, 228))
    page.gap()
    page.add((t(0.08, letter.title, True),)).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


def _narrative(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """An account in a solicitor's bill-of-costs manner: Date | Narrative | Amount (£), each
    fact an entry (its date in the left column, its words in the narrative, a sum in the
    right), the sum due closed off with "only" under the table."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng)
    _dateline(page, letter)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    page.para(letter.paras[0]).gap()
    size = SMALL + 1
    page.add((t(0.08, f"Account of {letter.ref_label.lower()} {letter.ref}", True, size=size),))
    top = len(page.rows)
    page.add((t(0.09, "Date", True, size=size), t(0.27, "Narrative", True, size=size), rt(0.91, "Amount (£)", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92)
    due = next((v for _, v in letter.facts if isinstance(v, int) and not isinstance(v, bool)), None)
    for label, value in letter.facts:
        day = value if isinstance(value, dt.date) else letter.date
        words = f"{label}: {value}" if isinstance(value, str) else label
        lines = page.wrapped(words, 0.27, 0.72, size=size)
        for n, line in enumerate(lines):
            cells: list[Cell] = [*line]
            if n == 0:
                cells.insert(0, t(0.09, letter.when(day), size=size))
                if isinstance(value, int):
                    cells.append(rt(0.91, plain(value), size=size))
            page.add(tuple(cells))
    page.rule(0.08, 0.92)
    page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92, True, None))
    if due is not None:
        page.add((t(0.27, "Now due", True, size=size), rt(0.91, only(due), True, size=size)))
    page.gap()
    _prose(page, letter.paras[1:])
    _close(page, letter)
    _foot(page, org)
    return [page]


def _merge(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A word processor's merge printed with its field shading on: a form letter of short
    lines, each merged value shaded grey where it sits in its line, the merge field's name
    in chevrons printed small after it."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    codes = list(letter.codes) + [_code(label) for label, _ in letter.facts[len(letter.codes) :]]
    names = ["LetterDate", "".join(w.capitalize() for w in _code(letter.ref_label).split("_"))]
    names += ["".join(w.capitalize() for w in code.split("_")) for code in codes]
    for (lead, value), name in zip(_rows(letter), names, strict=True):
        width = page.faces.length(style, lead, style.point)
        x = 0.08 + width + 0.02
        span = page.faces.length(style, value, style.point)
        if x + span > 0.78:
            page.add((t(0.08, lead),))
            x = 0.12
        row = len(page.rows)
        cells: list[Cell] = [] if x == 0.12 else [t(0.08, lead)]
        cells += [t(x, value), t(x + span + 0.015, f"\u00ab{name}\u00bb", size=SMALL - 1)]
        page.add(tuple(cells))
        page.rects.append(Rect(row, row, x - 0.005, x + span + 0.005, False, 222))
    page.gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "captioned": _captioned,
    "numbered": _numbered,
    "extract": _extract,
    "zebra": _zebra,
    "narrative": _narrative,
    "merge": _merge,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    kind = kinds[i % 2]
    style = STYLES[(i + len(letter.title)) % len(STYLES)]
    sheets = KINDS[kind](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    """One shape a document."""
    return rng.choice(DATE_SHAPES)


# -- organisations (none named by another family) --------------------------------------------


def _co(name: str, number: str, office: str, extra: str = "") -> str:
    return f"{name}. Registered in England and Wales, company no. {number}. Registered office: {office}.{extra}"


FCA = " Authorised and regulated by the Financial Conduct Authority."
CARD = Org("Dunster Card Services Ltd", "PO Box 4471", "Minehead TA24 9YQ", "01643 702 519",
           _co("Dunster Card Services Ltd", "13829406", "The Yarn Market, Dunster TA24 6SF", FCA), "Card Recoveries")  # fmt: skip
UNION = Org("Watchet Harbour Credit Union Ltd", "Esplanade", "Watchet TA23 0AJ", "01984 631 207",
            "Watchet Harbour Credit Union Ltd is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 231764).", "Loans Desk")  # fmt: skip
CLAIMANT = Org("Williton Motor Finance Ltd", "Bridge Street", "Williton TA4 4NR", "01984 633 950",
               _co("Williton Motor Finance Ltd", "10958213", "Bridge Street, Williton TA4 4NR", FCA))  # fmt: skip
COURT = Org("County Court at Taunton", "Shire Hall, Shuttern", "Taunton TA1 4EU", "0300 123 5577",
            "HM Courts and Tribunals Service. Quote the claim number on anything you send.", "Civil Section")  # fmt: skip
BOATS = Org("Porlock Weir Boatbuilders Ltd", "The Harbour", "Porlock Weir TA24 8PB", "01643 863 118",
            _co("Porlock Weir Boatbuilders Ltd", "06112487", "The Harbour, Porlock Weir TA24 8PB"))  # fmt: skip
COAST = Org("West Somerset Coast District Council", "Council Tax, The Parade", "Minehead TA24 5UF", "01643 703 812",
            team="Revenues and Recovery")  # fmt: skip
AGENTS = Org("Carhampton Enforcement Services Ltd", "PO Box 2206", "Carhampton TA24 6LZ", "01643 821 604",
             _co("Carhampton Enforcement Services Ltd", "12531870", "Park Lane, Carhampton TA24 6NL", " Our enforcement agents hold certificates issued by the County Court."), "Enforcement Desk")  # fmt: skip
FEEDS = Org("Doniford Agricultural Supplies Ltd", "Doniford Road", "Watchet TA23 0TQ", "01984 634 402",
            _co("Doniford Agricultural Supplies Ltd", "04417629", "Doniford Road, Watchet TA23 0TQ"), "Accounts Receivable")  # fmt: skip
COUNCILS = (
    Org("Porlock Vale District Council", "Council Tax, High Street", "Porlock TA24 8PY", "01643 862 450", team="Council Tax Section"),
    Org("Watchet and Williton Borough Council", "Council Tax, Market Street", "Watchet TA23 0AN", "01984 632 275", team="Council Tax Section"),
)  # fmt: skip
ENERGY = Org("Stogursey Coast Energy Ltd", "PO Box 8815", "Bridgwater TA5 9WW", "0800 031 6642",
             _co("Stogursey Coast Energy Ltd", "11284573", "Shurton Lane, Stogursey TA5 1QE"), "Billing Team")  # fmt: skip
WATER = Org("Wimbleball and Clatworthy Water plc", "Reservoir House", "Wiveliscombe TA4 2RW", "0800 093 7713",
            _co("Wimbleball and Clatworthy Water plc", "02713368", "Reservoir House, Wiveliscombe TA4 2RW"), "Customer Accounts")  # fmt: skip
MAGISTRATES = Org("West Somerset Magistrates' Court", "Fines Unit, Blenheim Road", "Minehead TA24 5QA", "0300 790 4417",
                  "HM Courts and Tribunals Service - Somerset fines unit.", "Fines Unit")  # fmt: skip
LENDER = Org("Timberscombe Home Credit Ltd", "Church Street", "Timberscombe TA24 7TG", "01643 841 336",
             _co("Timberscombe Home Credit Ltd", "07291845", "Church Street, Timberscombe TA24 7TG", FCA))  # fmt: skip
BUYER = Org("Selworthy Debt Recovery Ltd", "PO Box 3903", "Minehead TA24 9ZH", "01643 705 822",
            _co("Selworthy Debt Recovery Ltd", "14027751", "Allerford Lane, Selworthy TA24 8TN", FCA), "Acquired Accounts")  # fmt: skip
SOCIETY = Org("Wiveliscombe Building Society", "The Square", "Wiveliscombe TA4 2JT", "01984 623 190",
              "Wiveliscombe Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 207533).", "Arrears Support")  # fmt: skip
HOMES = Org("Dulverton Valley Homes", "Tenancy Office, Fore Street", "Dulverton TA22 9EX", "01398 323 614",
            "Dulverton Valley Homes Ltd, a registered provider of social housing (no. 4872).", "Rents Team")  # fmt: skip
CATALOGUE = Org("Blue Anchor Home Shopping Ltd", "Blue Anchor Road", "Blue Anchor TA24 6JP", "0345 307 4418",
                _co("Blue Anchor Home Shopping Ltd", "05936620", "Blue Anchor Road, Blue Anchor TA24 6JP", FCA), "Account Services")  # fmt: skip
BNPL = Org("Allerford PayLater Ltd", "Packhorse Lane", "Allerford TA24 8HW", "0203 771 4062",
           _co("Allerford PayLater Ltd", "13917254", "Packhorse Lane, Allerford TA24 8HW", FCA), "Repayments")  # fmt: skip
THATCHERS = Org("Luxborough Thatching Ltd", "Kingsbridge", "Luxborough TA23 0SH", "01984 641 227",
                _co("Luxborough Thatching Ltd", "08475119", "Kingsbridge, Luxborough TA23 0SH"))  # fmt: skip
SOLICITORS = Org("Bossington Luttrell Solicitors LLP", "Debt Recovery, The Avenue", "Minehead TA24 5AY", "01643 707 338",
                 "Bossington Luttrell Solicitors LLP (OC437162), The Avenue, Minehead TA24 5AY, is authorised and regulated by the Solicitors Regulation Authority (no. 672914).", "Debt Recovery Unit")  # fmt: skip
CIDER = Org("Crowcombe Cider Orchards Ltd", "Wages, Heddon Oak", "Crowcombe TA4 4BH", "01984 618 552",
            _co("Crowcombe Cider Orchards Ltd", "09384126", "Heddon Oak, Crowcombe TA4 4BH"), "Wages")  # fmt: skip
MILLS = Org("Watchet Paper Mills Ltd", "Payroll, Mill Lane", "Watchet TA23 0AL", "01984 631 580",
            _co("Watchet Paper Mills Ltd", "00481273", "Mill Lane, Watchet TA23 0AL"), "Payroll")  # fmt: skip
BANK = Org("Minehead Harbour Bank plc", "Statements, Quay Street", "Minehead TA24 5UJ", "0345 601 8827",
           _co("Minehead Harbour Bank plc", "02648170", "Quay Street, Minehead TA24 5UJ", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Statements")  # fmt: skip
REA = Org("Department for Work and Pensions", "Reduced Earnings Allowance", "Barnsley S70 9TB", "0800 121 8379",
          "Reduced Earnings Allowance is paid by the Department for Work and Pensions under the Industrial Injuries scheme.", "Industrial Injuries Centre")  # fmt: skip
CAA = Org("Department for Work and Pensions", "Constant Attendance Allowance", "Barrow-in-Furness LA14 9ZW", "0800 121 8379",
          "Constant Attendance Allowance is paid by the Department for Work and Pensions with Industrial Injuries Disablement Benefit.", "Industrial Injuries Centre")  # fmt: skip
BEACH = Org("Blue Anchor Bay Beach Cleans", "c/o The Smugglers car park", "Blue Anchor TA24 6JS", "07700 900 418",
            "The beach cleans are run by volunteers; nothing in this letter asks for money.", "Clean Organiser")  # fmt: skip
CHOIR = Org("Dunster Tithe Barn Singers", "c/o Priory Green", "Dunster TA24 6RY", "07700 900 752",
            "The singers are an unincorporated group run by their members.", "Choir Secretary")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A Dunster card (zebra, even) or a Watchet Harbour credit union loan (captioned)."""
    kinds = ("zebra", "captioned")
    when, date, owed = _when(rng), dated(rng), balance(rng)
    by = later(date, 14)
    if i % 2 == 0:
        org, ref, label = (
            CARD,
            f"{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 4)}",
            "Dunster card no.",
        )
        first = "Your card account has missed its last two minimum payments."
    else:
        org, ref, label = UNION, f"WHCU{digits(rng, 6)}", "Member and loan no."
        first = "Your loan repayments to the credit union have stopped."
    letter = Letter(
        org=org, title="Your account is behind: act now", date=date, when=when,
        truth=owes(C.CREDITOR_LETTER, org.name, ref, owed, date, deadline_date=by),
        ref_label=label, ref=ref,
        facts=[("Shortfall on the account so far", owed), ("Ring the card team no later than", by)],
        codes=("ARREARS_AMT", "CONTACT_BY_DT"),
        paras=(first,
               f"You are {pounds(owed)} behind. Please pay this, or call us to set up payments you can manage, on or before {when(by)}.",
               "If we do not hear from you we may issue a default notice and tell the credit reference agencies."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 4)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("numbered", "narrative")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 95_000, 1_180_000)
    fee, costs = rng.choice((20_500, 45_500, 57_500)), rng.choice((8_000, 10_000, 11_000))
    total = claimed + fee + costs
    ref, claim = f"WMF-{digits(rng, 6)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=COURT, title="Claim form issued by the Taunton court", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Taunton claim number", ref=claim, date_label="Issued at Taunton on",
        facts=[("Sum sought, fee and costs included", total), ("Claimant", CLAIMANT.name), ("Finance agreement (claimant's ref.)", ref),
               ("Deemed served (second business day)", served), ("Your answer must reach Taunton by", by)],
        codes=("CLAIM_TOTAL", "CLAIMANT", "CLMT_REF", "DEEMED_SERVICE_DT", "RESPONSE_DUE_DT"),
        paras=(f"{CLAIMANT.name} has issued a claim against you about a vehicle finance agreement (their reference {ref}).",
               f"They claim {pounds(claimed)}, the court fee of {pounds(fee)} and legal representative's costs of {pounds(costs)}: {pounds(total)} altogether.",
               f"The claim form is taken as served on {when(served)}. Your response must reach the court by {when(by)}, or judgment may be entered against you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("numbered", "captioned")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 41_000, 940_000)
    ref, claim = f"PWB{digits(rng, 5)}", _claim_no(rng)
    monthly, by = rng.choice((3_000, 5_000, 6_500)), later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    how = (f"pay {pounds(owed)} to the claimant on or before {when(by)}" if extra
           else f"pay {pounds(owed)} to the claimant at {pounds(monthly)} each month")  # fmt: skip
    facts: list[Fact] = [
        ("Entered judgment, in pounds", owed),
        ("Boatyard holding the judgment", BOATS.name),
        ("Boatyard's account no.", ref),
    ]
    facts += (
        [("Whole sum to be with the boatyard by", by)]
        if extra
        else [("Court-fixed sum each calendar month", monthly)]
    )
    letter = Letter(
        org=COURT, title="Default judgment against you", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, BOATS.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Taunton claim number", ref=claim, facts=facts, date_label="Default judgment entered on",
        paras=(f"No response was filed to the claim of {BOATS.name} (account {ref}), so judgment has been entered for the claimant.",
               f"You must {how}.",
               "A judgment paid in full within one month is removed from the Register of Judgments, Orders and Fines."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kinds = ("narrative", "zebra")
    when, date = _when(rng), dated(rng)
    order = balance(rng, 19_000, 240_000)
    owed = order + 7_500
    case, by = f"CES/{digits(rng, 7)}", later(date, 7)
    letter = Letter(
        org=AGENTS, title="Liability order passed to our agents", date=date, when=when,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, COAST.name, case, owed, date, deadline_date=by),
        ref_label="Carhampton case file", ref=case,
        facts=[("Settles the file today", owed), ("Liability order held by", COAST.name), ("Clear it before attendance, by", by)],
        codes=("CASE_BALANCE", "CLIENT_NAME", "VISIT_AFTER_DT"),
        paras=(f"{COAST.name} has passed us a liability order for unpaid council tax to enforce.",
               f"The order was for {pounds(order)}; the compliance fee of {pounds(7_500)} brings the balance to {pounds(owed)}.",
               f"Pay the balance, or call us to agree an arrangement, by {when(by)}. After that an enforcement agent may attend and the enforcement fee will be added."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("numbered", "extract")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 540_000, 2_300_000)
    ref, by = f"DAS{digits(rng, 6)}", later(date, 21)
    letter = Letter(
        org=FEEDS, title="Statutory demand (individual): farm supplies debt", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, FEEDS.name, ref, owed, date, deadline_date=by),
        ref_label="Farm supplies ledger", ref=ref,
        facts=[("Unpaid feed and fencing invoices", owed), ("Pay, secure or compound by", by)],
        codes=("DEMAND_AMT", "COMPLY_BY_DT"),
        paras=("Animal feed, fencing and fertiliser were supplied to you on a trade account and the invoices have not been paid.",
               f"The company demands payment of {pounds(owed)}, or that it be secured or compounded for to the company's satisfaction, by {when(by)}.",
               "If you do not, the company may present a bankruptcy petition against you. You have 18 days from service to apply to the court to have this demand set aside."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("narrative", "merge")
    org = COUNCILS[i % 2]
    when, date = _when(rng), dated(rng)
    ref, by = f"{digits(rng, 8)}{rng.choice('ABCDEFGH')}", later(date, 7)
    owed = rng.randrange(8_800, 24_000) + rng.randrange(8_800, 24_000)
    letter = Letter(
        org=org, title="Instalments missed: council tax reminder", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Band and billing ref.", ref=ref,
        facts=[("Instalments missed this year", owed), ("Overdue instalments to reach us by", by)],
        codes=("OVERDUE_INSTALMENTS", "PAY_BY_DT"),
        paras=("Our records show that your council tax instalments have not been paid on time.",
               f"The overdue instalments come to {pounds(owed)}. If they reach us by {when(by)} you may carry on paying by instalments.",
               "If they do not, you lose the right to pay by instalments, the rest of the year's charge falls due at once, and we may ask the magistrates for a liability order."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("zebra", "narrative")
    when, date = _when(rng), dated(rng)
    ref, by = f"SCE {digits(rng, 9)}", later(date, 14)
    owed = balance(rng, 5_100, 58_000)
    letter = Letter(
        org=ENERGY, title="Gas and electricity: statement of charges", date=date, when=when,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Stogursey supply account", ref=ref, date_label="Meter readings billed on",
        facts=[("This bill, with VAT", owed), ("Kindly settle this bill by", by)],
        codes=("BILL_TOTAL_INC_VAT", "DUE_DT"),
        paras=("This bill covers the gas and electricity you have used since your last bill and a standing charge for each day.",
               f"The amount of this bill is {pounds(owed)}, including VAT at 5%, and is due for payment on {when(by)}.",
               "If you are finding it hard to pay, call us: we can set up a payment plan and add you to the Priority Services Register."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("merge", "extract")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 10_500, 140_000)
    ref, by = f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Water and sewerage: charges still owing", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Reservoirs customer no.", ref=ref,
        facts=[("Water and sewerage still owing", owed), ("Please get in touch by", by)],
        codes=("ARREARS_BAL", "RESPOND_BY_DT"),
        paras=(f"Your water and sewerage charges of {pounds(owed)} are unpaid. Please pay them, or ring us to spread them into instalments, by {when(by)}.",
               "We have social tariffs that lower bills for households on low incomes. If we do not hear from you we may pass the account to a debt collection agency, which may add costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("captioned", "numbered")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 8_800, 160_000)
    ref, by = f"{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 6)}", later(date, 14)
    letter = Letter(
        org=MAGISTRATES, title="Your fine account is in arrears", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Somerset fines account", ref=ref,
        facts=[("Fine, costs and surcharge left", owed), ("Contact the Fines Unit by", by)],
        codes=("FINE_BALANCE", "CONTACT_BY_DT"),
        paras=("The court ordered you to pay a fine, prosecution costs and a victim surcharge, and you have missed payments.",
               f"The balance of your fine is {pounds(owed)}. Pay it, or contact the Fines Unit, by {when(by)}.",
               "If you do not, the court may make an attachment of earnings or a deduction from benefits order, or send the account to enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("extract", "zebra")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 22_000, 760_000)
    ref, old = f"SDR{digits(rng, 7)}", f"THC/{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="Notice that your loan has been sold to us", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="Selworthy account", ref=ref,
        facts=[("Balance as sold to Selworthy", owed), ("Your original lender", LENDER.name), ("Timberscombe loan no.", old)],
        codes=("ASSIGNED_BAL", "ORIG_CREDITOR", "ORIG_ACCOUNT"),
        paras=(f"{LENDER.name} has sold and assigned your loan {old} to us. Please make all payments to us from now on.",
               f"The balance transferred is {pounds(owed)}. We will not add interest or charges.",
               "Any arrangement you already have will continue; please use our account number when you pay."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("merge", "numbered")
    org = Org("HM Revenue and Customs", "Tax Credit Office", "Preston PR1 4AT", "0345 300 3900",
              "HM Revenue and Customs - tax credits overpayment recovery.", "Tax Credit Office")  # fmt: skip
    when, date = _when(rng), dated(rng)
    weeks, weekly = rng.randrange(4, 52), rng.randrange(1_200, 8_800)
    owed = weeks * weekly
    ref, by = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}/TC", later(date, 30)
    letter = Letter(
        org=org, title="Tax credits overpayment: what you need to pay back", date=date, when=when,
        truth=owes(C.OVERPAYMENT, org.name, ref, owed, date, deadline_date=by),
        ref_label="Tax credits claim ref. (TC)", ref=ref,
        facts=[("Tax credits overpaid", owed), ("Pay or arrange to pay by", by)],
        codes=("OVERPAYMENT_AMT", "PAY_BY_DT"),
        paras=(f"Your household income for the last tax year was higher than the figure your award used, so you were overpaid tax credits for {weeks} weeks.",
               f"The overpayment is {pounds(owed)}. Please pay it, or ring us to agree a payment plan, by {when(by)}.",
               "If you think the overpayment is wrong, you can ask us to look at it again within 30 days of this letter."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("extract", "captioned")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 45_000, 870_000), rng.randrange(39_000, 155_000)
    ref = f"{digits(rng, 3)}/{digits(rng, 6)}"
    letter = Letter(
        org=SOCIETY, title="Arrears on your Wiveliscombe mortgage", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Wiveliscombe mortgage roll no.", ref=ref,
        facts=[("Months missed, in pounds", owed), ("Contractual monthly instalment", monthly)],
        codes=("ARREARS_TOTAL", "CONTRACT_PAYMENT"),
        paras=(f"Your mortgage account is {pounds(owed)} in arrears. Your monthly payment under the mortgage is {pounds(monthly)}.",
               "Please ring Arrears Support so that we can look at your circumstances together. Repossession is always our very last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("narrative", "merge")
    when, date = _when(rng), dated(rng)
    owed, weekly = balance(rng, 8_800, 290_000), rng.randrange(8_000, 16_500)
    ref = f"DVH-{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="Shortfall on your Dulverton tenancy", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Dulverton tenancy ref.", ref=ref,
        facts=[("Rent account shortfall", owed), ("Rent plus service charge, weekly", weekly)],
        codes=("RENT_ARREARS", "WEEKLY_CHARGE"),
        paras=("Your rent account has gone into arrears.",
               f"You owe {pounds(owed)} in rent arrears; your weekly rent and charges are {pounds(weekly)}. Please ring the Rents Team to agree a plan.",
               "If your housing costs from Universal Credit have changed, tell us; we can put you in touch with free money advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("merge", "zebra")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 2_800, 125_000), later(date, 10)
    if i % 2 == 0:
        org, ref, title = BNPL, f"APL{digits(rng, 8)}", "Missed payments on your PayLater plan"
        first = "We could not collect two payments on your PayLater plan from your debit card."
    else:
        org, ref, title = CATALOGUE, f"BA{digits(rng, 7)}", "Arrears on your home shopping account"
        first = "Your home shopping account is in arrears and we have stopped new orders."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Shopper's account", ref=ref,
        facts=[("Payments past due", owed), ("Bring payments up to date by", by)],
        codes=("OVERDUE_AMT", "CLEAR_BY_DT"),
        paras=(first,
               f"The overdue payments total {pounds(owed)}. Please clear them by {when(by)} to avoid a late payment fee and a report to the credit reference agencies.",
               "If you are in financial difficulty, tell us and we will pause collection for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("numbered", "extract")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 58_000, 1_300_000), later(date, 30)
    ref = f"LT/{digits(rng, 4)}/{letters(rng, 3)}"
    letter = Letter(
        org=SOLICITORS, title="Letter of claim: thatching work unpaid", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, THATCHERS.name, ref, owed, date, deadline_date=by),
        ref_label="Our client's account", ref=ref, signed="Bossington Luttrell Solicitors LLP",
        facts=[("Thatcher's claim against you", owed), ("Instructing client", THATCHERS.name), ("Reply pack to reach Minehead by", by)],
        codes=("CLAIM_AMT", "CLIENT", "REPLY_BY_DT"),
        paras=(f"We are instructed by {THATCHERS.name}, which rethatched the roof of your home and has not been paid.",
               f"Our client claims {pounds(owed)}. Please complete the enclosed reply form and financial statement and send them to us by {when(by)}.",
               "If you do not reply, our client may issue court proceedings without further notice and claim interest and costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _piecework(rng: random.Random, i: int) -> Doc:
    """An orchard's picker paid by the bag: a piece-work table (bags picked each day at the
    bag rate), holiday pay accrued on it, tax and NI."""
    org, date, when = CIDER, dated(rng), _when(rng)
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    days = rng.randrange(4, 6) * {"weekly": 1, "fortnightly": 2}[frequency]
    rate = rng.choice((145, 152, 160, 168))
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    start = later(date, -4 - 7 * {"weekly": 1, "fortnightly": 2}[frequency])
    picked = []
    for n in range(days):
        day = later(start, n + n // 5 * 2)
        bags = rng.randrange(48, 118)
        picked.append((day, bags, bags * rate))
    piece = sum(p[2] for p in picked)
    holiday = piece * 1207 // 10000
    gross = piece + holiday
    tax, ni = gross * 9 // 100, gross * 3 // 100
    net = gross - tax - ni
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    page = Sheet(style)
    _head(page, org, style)
    size = SMALL + 1
    page.add((t(0.08, "Piece-work pay advice", True, size=style.point + 1),)).gap()
    page.add((t(0.08, f"Picker: {first} {surname}", size=size), t(0.5, f"Paid on {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Bag rate {plain(rate)}", size=size), t(0.5, f"Pay period: {FREQUENCY_SHOWN[frequency][0]}", size=size)))  # fmt: skip
    page.gap()
    top = len(page.rows)
    page.add((t(0.09, "Day picked", True, size=size), rt(0.55, "Bags", True, size=size), rt(0.9, "Earned", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92)
    for day, bags, pay in picked:
        page.add((t(0.09, f"{day:%d/%m}", size=size), rt(0.55, str(bags), size=size), rt(0.9, plain(pay), size=size)))  # fmt: skip
    page.rule(0.08, 0.92)
    for label, amount in (("Piece-work earnings", piece), ("Holiday pay at 12.07%", holiday), ("Gross earnings", gross),
                          ("Tax (PAYE)", -tax), ("National Insurance", -ni), ("Net pay", net)):  # fmt: skip
        bold = label in ("Gross earnings", "Net pay")
        shown_ = plain(amount) if amount >= 0 else f"-{plain(-amount)}"
        page.add((t(0.09, label, bold, size=size), rt(0.9, shown_, bold, size=size)))
    page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92, True, None))
    page.gap()
    page.para(f"Net pay of {pounds(net)} has gone to your bank account. Pickers are paid {FREQUENCY_SHOWN[frequency][1]} during the harvest.", size=size)  # fmt: skip
    _foot(page, org)
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """A cider orchard's piece-work pay advice (even) or a paper mill's salary with a
    salary sacrifice, a student loan and an attachment of earnings order (odd)."""
    if i % 2 == 0:
        return _piecework(rng, i)
    org, date, when = MILLS, dated(rng), _when(rng)
    frequency = ("monthly", "four_weekly")[(i // 2) % 2]
    salary = rng.randrange(190_000, 330_000) * {"monthly": 1, "four_weekly": 12}[frequency] // {"monthly": 1, "four_weekly": 13}[frequency]  # fmt: skip
    sacrifice = rng.choice((4_167, 6_250, 8_333))
    gross = salary - sacrifice
    tax, ni = gross * 11 // 100, gross * 5 // 100
    loan = (
        max(0, (gross - 239_000) * 9 // 100)
        if frequency == "monthly"
        else max(0, (gross - 220_600) * 9 // 100)
    )
    order = rng.choice((2_500, 4_000, 6_000))
    net = gross - tax - ni - loan - order
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    style = STYLES[(i + 2) % len(STYLES)]
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    page = Sheet(style)
    _head(page, org, style)
    size = SMALL + 1
    page.add((t(0.08, "Salary advice", True, size=style.point + 1), rt(0.92, f"{first} {surname}  (staff no. {digits(rng, 6)})", size=size)))  # fmt: skip
    page.add((t(0.08, f"Date paid {when(date)}", size=size), rt(0.92, f"Paid {FREQUENCY_SHOWN[frequency][1]}", size=size)))  # fmt: skip
    page.add((t(0.08, "Tax code 1257L   Student loan plan 2   AEO ref. " + f"{letters(rng, 2)}{digits(rng, 5)}", size=size),))  # fmt: skip
    page.gap()
    top = len(page.rows)
    page.add((t(0.09, "Description", True, size=size), rt(0.9, "This period", True, size=size)))
    page.rule(0.08, 0.92)
    for label, amount in (("Basic salary", salary), ("Cycle-to-work salary sacrifice", -sacrifice), ("Gross pay after sacrifice", gross),
                          ("Income tax", -tax), ("National Insurance", -ni), ("Student loan", -loan),
                          ("Attachment of earnings order", -order), ("Take-home pay", net)):  # fmt: skip
        bold = label in ("Gross pay after sacrifice", "Take-home pay")
        shown_ = plain(amount) if amount >= 0 else f"-{plain(-amount)}"
        page.add((t(0.09, label, bold, size=size), rt(0.9, shown_, bold, size=size)))
    page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92, True, None))
    page.gap()
    page.para(f"The attachment of earnings order was made by the County Court; we pay what it takes to the court. Your take-home pay of {pounds(net)} is paid {FREQUENCY_SHOWN[frequency][1]}.", size=size)  # fmt: skip
    _foot(page, org)
    return Doc(truth=truth, sheets=[page], style=style)


CATEGORY = {"Income": 1, "Bills": -1, "Shopping": -1, "Cash": -1, "Transfers": 1, "Eating out": -1}


def bank_statement(rng: random.Random, i: int) -> Doc:
    """Grouped by week, each week closed by a "Week ending" line with its money in and out
    (even); or each line in a spending category, payments still pending listed apart above
    them, the running balance "overdrawn" in words when below nought (odd, starting
    overdrawn)."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    start = later(date, -28)
    opening = rng.randrange(5_000, 110_000) * (1 if i % 2 == 0 else -1)
    items = [("Income", "WATCHET PAPER MILLS WAGES", rng.randrange(85_000, 180_000)), ("Bills", "DD STOGURSEY COAST ENERGY", -rng.randrange(4_800, 15_000)),
             ("Shopping", "CO-OP MINEHEAD", -rng.randrange(900, 7_200)), ("Bills", "SO DULVERTON VALLEY HOMES", -rng.randrange(36_000, 70_000)),
             ("Cash", "CASH THE AVENUE MINEHEAD", -2_000), ("Bills", "DD PORLOCK VALE DC", -rng.randrange(9_200, 18_000)),
             ("Transfers", "FROM F HOSEGOOD", rng.randrange(1_200, 6_500)), ("Eating out", "HARBOUR CHIPPY WATCHET", -rng.randrange(600, 2_200)),
             ("Shopping", "ALLERFORD PAYLATER", -rng.randrange(1_800, 6_900))]  # fmt: skip
    days = [later(start, 1 + n * 3) for n in range(len(items))]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _address(page, rng)
    sort, account = f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}", digits(rng, 8)
    page.add(
        (t(0.07, "Everyday account statement", True), rt(0.93, f"Statement produced {when(date)}"))
    )
    page.add((t(0.07, f"Sort code {sort}   Account number {account}", size=size),)).gap()
    xs = (0.07, 0.19, 0.6, 0.76, 0.93)
    if i % 2 == 0:
        page.add((t(xs[0], "Date", True, size=size), t(xs[1], "Description", True, size=size), rt(xs[2], "Paid out", True, size=size),
                  rt(xs[3], "Paid in", True, size=size), rt(xs[4], "Balance", True, size=size))).rule(0.07, 0.93)  # fmt: skip
        page.add((t(xs[0], f"{start:%d/%m}", size=size), t(xs[1], "Balance brought forward", size=size), rt(xs[4], plain(opening), size=size)))  # fmt: skip
        running, week_in, week_out = opening, 0, 0
        week_end = later(start, 6)
        for n, ((_, what, amount), day) in enumerate(zip(items, days, strict=True)):
            running += amount
            week_in, week_out = week_in + max(amount, 0), week_out + max(-amount, 0)
            page.add((t(xs[0], f"{day:%d/%m}", size=size), t(xs[1], what, size=size),
                      rt(xs[2] if amount < 0 else xs[3], plain(abs(amount)), size=size), rt(xs[4], plain(running), size=size)))  # fmt: skip
            last = n == len(items) - 1
            if last or days[n + 1] > week_end:
                page.add((t(xs[1], f"Week ending {week_end:%d/%m}", True, size=size), rt(xs[2], plain(week_out), True, size=size),
                          rt(xs[3], plain(week_in), True, size=size))).rule(0.07, 0.93)  # fmt: skip
                week_in, week_out = 0, 0
                while not last and days[n + 1] > week_end:
                    week_end = later(week_end, 7)
        page.add((t(xs[1], "Balance carried forward", True, size=size), rt(xs[4], plain(running), True, size=size)))  # fmt: skip
        page.gap()
        note = "Each week's money in and out is totalled on its 'Week ending' line."
    else:
        pending = [("Shopping", "TESCO WILLITON (PENDING)", -rng.randrange(800, 4_000))]
        page.add((t(xs[0], "Pending: not yet taken from your balance", True, size=size),))
        for cat, what, amount in pending:
            page.add(
                (
                    t(xs[0], cat, size=size),
                    t(xs[1], what, size=size),
                    rt(xs[2], plain(-amount), size=size),
                )
            )
        page.rule(0.07, 0.93).gap()
        page.add((t(xs[0], "Category", True, size=size), t(xs[1], "Date and payee", True, size=size), rt(xs[2], "Money out", True, size=size),
                  rt(xs[3], "Money in", True, size=size), rt(xs[4], "Balance", True, size=size))).rule(0.07, 0.93)  # fmt: skip
        page.add((t(xs[1], f"{start:%d/%m} Opening balance", size=size), rt(xs[4], overdrawn(opening), size=size)))  # fmt: skip
        running = opening
        for (cat, what, amount), day in zip(items, days, strict=True):
            running += amount
            page.add((t(xs[0], cat, size=size), t(xs[1], f"{day:%d/%m} {what}", size=size),
                      rt(xs[2] if amount < 0 else xs[3], plain(abs(amount)), size=size), rt(xs[4], overdrawn(running), size=size)))  # fmt: skip
        page.rule(0.07, 0.93)
        page.add((t(xs[1], "Closing balance", True, size=size), rt(xs[4], overdrawn(running), True, size=size)))  # fmt: skip
        page.gap()
        note = "Pending payments are shown for information and are not in the balances below them."
    page.para(note, x=0.07, right=0.93, size=size)
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def benefit(rng: random.Random, i: int) -> Doc:
    """Reduced Earnings Allowance (even: captioned) or Constant Attendance Allowance (odd:
    extract)."""
    kinds = ("captioned", "extract")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        frequency = ("four_weekly", "weekly")[(i // 2) % 2]
        org, title, what = (
            REA,
            "Reduced Earnings Allowance: your award",
            "Reduced Earnings Allowance",
        )
        paid = rng.choice((5_210, 6_480, 7_944)) * {"weekly": 1, "four_weekly": 4}[frequency]
    else:
        frequency = ("four_weekly", "weekly")[(i // 2) % 2]
        org, title, what = (
            CAA,
            "Constant Attendance Allowance: the amount we will pay",
            "Constant Attendance Allowance",
        )
        paid = rng.choice((4_765, 9_530)) * {"weekly": 1, "four_weekly": 4}[frequency]
    ref = (
        f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}"
    )
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="National Insurance no.", ref=ref, date_label="Decided on",
        facts=[("Paid to you each time", paid), ("Payment cycle", FREQUENCY_SHOWN[frequency][0])],
        codes=("PAYMENT_AMT", "PAY_FREQUENCY"),
        paras=(f"You are entitled to {what} from {when(later(date, -28))}.",
               f"We will pay {pounds(paid)} into your account {FREQUENCY_SHOWN[frequency][1]}.",
               "You must tell us straight away about any change, such as a new job, a change in your hours, going into hospital or moving home."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the beach cleans' dates (captioned) and the singers' concert rota
    (narrative)."""
    kinds = ("captioned", "narrative")
    when, date = _when(rng), dated(rng)
    on = later(date, 6 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=BEACH, title="Next beach clean on the bay", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Beach volunteer card", ref=f"BC{rng.randrange(100, 999)}",
            facts=[("Next clean", on), ("Gather at", "The slipway by the cafe, 10 am")],
            paras=(f"Our next clean of the bay is on {when(on)}; we will work along the tideline towards the cliffs.",
                   "Bring gloves and wear old shoes. Litter pickers and bags are provided."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=CHOIR, title="Carol concert stewarding rota", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Rota line", ref=str(rng.randrange(10, 70)),
            facts=[("Your stewarding evening", on), ("Arrive at", "The barn door, 6.15 pm")],
            paras=(f"Thank you for stewarding at the carol concert; your evening is {when(on)}.",
                   "Please bring a torch for the car park; mulled apple juice is served at the interval."),
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
class AGSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_ag(per_class: int = 4, *, seed: int = 3103) -> list[AGSample]:
    """``per_class`` documents of every class, held out, family ``<class>:AG``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, AGSample)


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, ag_text, ag_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class AGScan:
    dpi: int
    skew: float
    """Degrees."""
    cockled: bool = False
    """Paper that got damp and dried wavy: the lines of text ripple; greyscale."""
    thumb: bool = False
    """A phone photo held by its edge: a thumb over the left margin, overexposed towards
    the right; colour."""
    stutter: bool = False
    """A sheet feeder whose rollers slip and catch up: bands of scan lines repeated and
    bands skipped; greyscale."""


SCANS = (
    AGScan(dpi=300, skew=-0.5, cockled=True),
    AGScan(dpi=220, skew=1.1, thumb=True),
    AGScan(dpi=200, skew=0.3, stutter=True),
)

INK = (28, 26, 30)
PAPER = (247, 247, 244)
RIPPLE = 5.0
"""The cockled page's ripple (pixels at 300 dpi, up and down)."""
GLARE = 0.45
"""How far the thumb photo's highlight washes the right of the page towards white."""
SLIPS = (4, 7)
"""How many times the feeder slips on a page (fewest, most)."""
QUALITY = 80
"""The phone's JPEG quality."""


def _draw(sample: AGSample, n: int, dpi: int) -> Image.Image:
    width, height = page_size(sample, dpi)
    image = Image.new("RGB", (width, height), PAPER)
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, dpi)
    body = round(sample.style.point / 72 * dpi)
    line = max(1, dpi // 150)
    for rect in sample.rects[n] if sample.rects else ():
        y0 = tops[rect.first] - round(0.2 * body)
        y1 = tops[rect.last] + heights[rect.last] - round(0.2 * body)
        box = (round(rect.x0 * width), y0, round(rect.x1 * width), y1)
        if rect.fill is not None:
            pen.rectangle(box, fill=(rect.fill,) * 3)
        if rect.outline:
            pen.rectangle(box, outline=INK, width=line)
    for rule in sample.rules[n] if sample.rules else ():
        y = tops[rule.row] - round(0.1 * body) if rule.row < len(tops) else tops[-1] + heights[-1]
        pen.line((round(rule.x0 * width), y, round(rule.x1 * width), y), fill=INK, width=line)
    for p in PRINT.layout(sample, n, dpi):
        pen.text((p.left, p.top), p.cell.text, fill=INK, font=p.font)
    return image


def _cockled(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Each column of the page lifted and dropped in gentle waves (the cockles run
    diagonally), the troughs a little shaded; greyscale."""
    grey = np.asarray(image.convert("L")).astype(np.float32)
    height, width = grey.shape
    # (a column and a row broadcast: the same float32 values a pixel at a time as the page's
    # grid of coordinates, and the sideways ripple, which is a row's, once a row)
    ys = np.arange(height, dtype=np.float32)[:, None]
    xs = np.arange(width, dtype=np.float32)[None, :]
    phase = rng.uniform(0, 2 * np.pi)
    wave = np.sin(2 * np.pi * (xs / (width * 0.23) + ys / (height * 0.41)) + phase)
    dy = RIPPLE * wave
    dx = RIPPLE * 0.4 * np.cos(2 * np.pi * ys / (height * 0.3) + phase)
    src_y = np.clip(np.rint(ys + dy), 0, height - 1).astype(np.intp)
    src_x = np.clip(np.rint(xs + dx), 0, width - 1).astype(np.intp)
    out = grey[src_y, src_x] * (1 - 0.06 * (wave + 1) / 2)
    page = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))
    return page.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=236)


def _thumb(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Overexposed towards the right (a window's light), a thumb over the left margin, a
    little softness; colour."""
    turned = image.rotate(
        skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(96, 84, 70)
    )
    arr = np.asarray(turned).astype(np.float32)
    height, width = arr.shape[:2]
    xs = np.linspace(0, 1, width, dtype=np.float32)[None, :, None]
    wash = GLARE * np.clip((xs - 0.45) / 0.55, 0, 1) ** 1.5
    # (only the columns the light reaches, only the thumb's box: elsewhere the wash and
    # the thumb's weight are 0, and x + 0.0 and x * 1.0 are x)
    lit = np.flatnonzero(wash[0, :, 0])
    if lit.size:
        c0, c1 = lit[0], lit[-1] + 1
        washed = arr[:, c0:c1]
        arr[:, c0:c1] = washed + (255 - washed) * wash[:, c0:c1]
    mask = Image.new("L", (width, height), 0)
    pen = ImageDraw.Draw(mask)
    cy = round(height * rng.uniform(0.45, 0.7))
    rx, ry = round(width * 0.06), round(height * 0.075)
    pen.ellipse((-rx, cy - ry, rx, cy + ry), fill=255)
    blurred = mask.filter(ImageFilter.GaussianBlur(width / 300))
    box = blurred.getbbox()
    if box is not None:
        x0, y0, x1, y1 = box
        soft = np.asarray(blurred.crop(box)).astype(np.float32)[:, :, None] / 255
        skin = np.array([196, 142, 118], dtype=np.float32)
        arr[y0:y1, x0:x1] = arr[y0:y1, x0:x1] * (1 - soft) + skin * soft
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return out.filter(ImageFilter.GaussianBlur(0.5))


def _stutter(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Grey; at a few places the feed stalls (a band of scan lines repeated) and, further
    down, catches up (as many lines skipped), so the page keeps its length."""
    grey = np.asarray(
        image.convert("L").rotate(
            skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=250
        )
    )
    height = grey.shape[0]
    order = list(range(height))
    for _ in range(rng.randrange(*SLIPS)):
        at = rng.randrange(height // 10, height * 9 // 10)
        k = rng.randrange(2, 5)
        order[at:at] = [order[at]] * k
        skip = min(len(order) - 1, at + k + rng.randrange(60, 400))
        del order[skip : skip + k]
    return Image.fromarray(grey[np.array(order[:height])])


def render(sample: AGSample, n: int, scan: AGScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.cockled:
        return _cockled(image, rng, scan.skew)
    if scan.thumb:
        return _thumb(image, rng, scan.skew)
    return _stutter(image, rng, scan.skew)


def ag_scanned(sample: AGSample, index: int) -> tuple[bytes, str, AGScan]:
    """Scanned one of three ways: the cockled page as greyscale PNG, the thumb photo as
    colour JPEG (quality ``QUALITY``), the stuttering feeder as greyscale PNG (its
    resolution at even indexes); more than one page as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 71 + n) for n in range(len(sample.pages))]
    if len(images) > 1:
        return encode_pages([im.convert("RGB") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.thumb:
        out = io.BytesIO()
        images[0].save(out, format="JPEG", quality=QUALITY, dpi=(scan.dpi, scan.dpi))
        return out.getvalue(), "jpeg", scan
    if scan.stutter:
        return encode_pages(images, "png", scan.dpi if index % 2 == 0 else None), "png", scan
    return encode_pages(images, "png", scan.dpi), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "AGSample",
    "AGScan",
    "ag_pages",
    "ag_scanned",
    "ag_text",
    "build_ag",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
