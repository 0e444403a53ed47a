# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AO``, written blind: a thirty-fourth measure of how the reader
generalises, in a thirty-fourth hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I``,
``J``, ``AA`` to ``AL`` and ``AN``).

``AO`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``values_found``, ``money``, ``encode_pages``), the shared page
engine (``corpus_print``), the shared test helpers, family AN's module and tests and the
commit that registered AN in the benchmarks (as the task allowed), family AL's account in
benchmarks/OCR.md and, by grep only, the other families' modules (never Y's, I's or AH's,
which stay blind to everyone) for place names, bodies, setting words, face tables, date
shapes, scan words and benefit names, to avoid them -- **not** the reader's rules
(``assistant.py``, ``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``,
``prose.py``, ``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``statement_tables.py``, ``label_learning.py``, ``read_families.py``,
the rankers, the Tesseract extractor, the locator, the creditor directory), its reading
tests, nor any account of its misses. It is never used to write rules, to train or
calibrate the classifier or the field ranker (``build_corpus`` never yields it), nor to
choose models: it is measured, and only the aggregate figures go into benchmarks/OCR.md.
Whoever reads its individual misses to change the reader makes ``AO`` no longer blind and
must say so there.

**AO is no longer blind since round 38** (branch ``reader38``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AO
from then on is a training-side figure (benchmarks/OCR.md, "Round 38").

What differs from A-Z, G, E, F, I, J, AA to AL and AN:

* who writes: bodies and firms of the west of Northern Ireland (Enniskillen, Lisnaskea,
  Irvinestown, Belleek, Derrylin, Tempo, Fivemiletown, Omagh, Dungannon, Cookstown,
  Coalisland, Killyman, Clogher, Ballinamallard, Portadown and Lurgan), under Northern
  Ireland's own law and bodies: a credit union and a card firm, an ordinary civil bill in
  the county court at Omagh, a county court decree at Dungannon, the Enforcement of
  Judgments Office's notice before it enforces a decree, a statutory demand under the
  Insolvency (Northern Ireland) Order 1989, Land & Property Services' domestic rates, an
  electricity supplier's bill, a heating oil supplier's arrears, the Courts and Tribunals
  Service's fine collection, a home loan firm and the debt buyer it sold to, the Housing
  Executive's Housing Benefit overpayment, a building society, a housing association, a
  pay monthly firm and a home shopping catalogue, Enniskillen solicitors for a joinery,
  Jobseeker's Allowance from a Jobs & Benefits office and Disability Living Allowance from
  the Disability and Carers Service (the Department for Communities), a meat plant and an
  engineering works as employers, a credit union's statement and a bank's, a community
  hall's roof appeal and a walking club; the people have Ulster names;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **backsheet**: court papers in two pages: the heading of the court or office, the
    parties "BETWEEN ... Plaintiff (or Creditor) and ... Defendant (or Debtor)", the
    document's name and its numbered paragraphs (no sum, no date to act by), then the
    back sheet, folded down the middle, its endorsement set in the right half: the record
    number, the parties, the document, then the sums and dates endorsed, and the office;
  - **compliments**: a "With our compliments" slip (a third of an A4 sheet) scanned alone on
    the glass: the writer's name and address printed on it, a typed note with the
    facts, the rest of the scan the scanner's lid;
  - **flowchart**: "Your choices from here": a box of where things stand (every fact, label
    and value), an arrow down to a decision diamond asking the question, then a "Yes"
    and a "No" box side by side, joined to it by arrows;
  - **equation**: the account worked out as a row of boxes joined by minus, plus and
    equals signs (each label small over its amount; the last box shaded: what is owed now
    or what is paid), the other facts listed under it;
  - **dial**: a semicircular gauge drawn across the middle of the letter, its needle in
    one of three bands named under it, the headline figure in large type under the needle
    and the other facts in a row of small columns beneath;
  - **coupons**: a letter over three payment coupons side by side at the foot of the
    sheet, parted by perforations (each coupon its number, the account, a date and an
    instalment), the facts listed between the letter and the coupons;
  payslips for a meat plant (a pay advice of payroll codes: code, description, units,
  rate and amount; weekly or fortnightly) or an engineering works (the elements as
  column headings across the page with their amounts under them, earnings then
  deductions, the net pay in large type; four-weekly or monthly); bank statements as a
  credit union's statement of a share account and a loan account, each its own small
  ledger with its closing balance, or a bank's statement with a column of transaction
  type codes;
* faces no family paired: DejaVu Serif Condensed under Nimbus Sans Bold headings, P052
  (a Palatino) under Open Sans ExtraBold headings, Nimbus Sans Narrow under DejaVu Serif
  Bold headings, 9.5 to 10.5 pt; each italic the body's own;
* dates as "December 4 2026" (the month in full first, no comma), "Dec 04, 2026" (the
  month cut first, the day padded, a comma) and "4/12/2026 (Fri)" (figures unpadded, the
  weekday cut in brackets after), one shape a document; amounts as "£1,234.56" and, in
  tables, coupons, slips and statements, "1,234.56";
* scans new to the families: an office scanner's sheet feeder with a black backing plate
  taking the page in askew (the black showing as wedges and a border round the page;
  200 dpi greyscale PNG, its resolution at even indexes); a flatbed scan of a page with
  its corner dog-eared (folded over, the back of the paper covering what was printed
  under it, the corner itself gone; 240 dpi colour TIFF, deflate); a phone photo taken
  at night under a tungsten bulb (orange, dim, grainy, on a wooden table; 180 dpi colour
  JPEG without a resolution). Two-page documents are PDF.

Not all of the above is new, as far as grep over the earlier modules shows (checked before
any measuring; Y's, I's and AH's modules never read nor grepped by hand): "£1,234.56" and
"1,234.56" are many families'; R set some letters in Northern Ireland (Land & Property
Services' rates, the Housing Executive, a Newry magistrates' court) and O named the
Department for Communities: those bodies are the state's, as the DWP is; V listed a
previous balance, payments, charges and a new balance (never boxes joined by signs); AB
drew a progress bar and AL, AI and AJ charts (never a gauge); AG set pleading paper with
numbered lines (never parties and a back sheet); AI's tracker set stages in a row (never a
decision diamond); reply forms and tear-off slips are many families' (never coupons side
by side); sheet feeders that slip (X, AG), flash photos (AC) and phones on tables (many)
are earlier scans, never a black backing, a dog-ear or a tungsten bulb at night; "December
4, 2026" and "Dec 4, 2026" are earlier shapes (with a comma; unpadded).

Ground truth follows L's to AN's conventions: ``creditor_name`` is whoever is owed now (the
plaintiff on a civil bill and a decree, the creditor behind the Enforcement of Judgments
Office, a solicitor's client, the assignee of a sold debt, the Housing Executive for its
overpayment); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on the civil bill and the decree the
plaintiff's agreement or invoice number; at the Enforcement of Judgments Office its
application number); ``court_claim_number`` the record number; ``balance_pence`` what is
owed now; ``letter_date`` the document's own date; ``deadline_date`` and ``served_date``
only where printed. Payslips give the payer, net and gross pay, pay date and frequency;
benefit letters the payer, the amount paid each time, the date and the frequency; a bank
statement its date."""

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

FAMILY = "AO"

PEOPLE = (
    ("Mrs", "Siobhan", "McElroy"),
    ("Mr", "Ciaran", "Maguire"),
    ("Ms", "Roisin", "McCaffrey"),
    ("Mr", "Trevor", "Beacom"),
)
ADDRESSES = (
    ("22 Tempo Road", "Enniskillen, Co. Fermanagh", "BT74 6HR"),
    ("Flat 3, 9 Mill Street", "Irvinestown, Co. Fermanagh", "BT94 1GR"),
    ("5 Coolnagard View", "Omagh, Co. Tyrone", "BT78 5PR"),
    ("31 Derrylin Road", "Lisnaskea, Co. Fermanagh", "BT92 0LB"),
)

# -- date and money shapes -------------------------------------------------------------------


def month_whole_first(date: dt.date) -> str:
    """December 4 2026: the month in full first, the day unpadded, no comma."""
    return f"{date:%B} {date.day} {date.year}"


def cut_padded_comma(date: dt.date) -> str:
    """Dec 04, 2026: the month cut first, the day padded, a comma before the year."""
    return f"{date:%b} {date:%d}, {date.year}"


def figures_weekday_after(date: dt.date) -> str:
    """4/12/2026 (Fri): day and month unpadded, the year whole, the weekday cut after."""
    return f"{date.day}/{date.month}/{date.year} ({date:%a})"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (
    month_whole_first,
    cut_padded_comma,
    figures_weekday_after,
)


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Paid every week", "every week"),
    "fortnightly": ("Paid every two weeks", "every two weeks"),
    "four_weekly": ("Paid every 4 weeks", "every 4 weeks"),
    "monthly": ("Paid every calendar month", "every calendar month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AO prints a true value (to check it is on the page, or in an OCR text)."""
    if isinstance(value, dt.date):
        return tuple(shape(value) for shape in DATE_SHAPES)
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
_URW = "/usr/share/fonts/opentype/urw-base35/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "condensed": {
        (False, False): _DV + "DejaVuSerifCondensed.ttf",
        (True, False): _URW + "NimbusSans-Bold.otf",
        (False, True): _DV + "DejaVuSerifCondensed-Italic.ttf",
        (True, True): _URW + "NimbusSans-BoldItalic.otf",
    },
    "palatino": {
        (False, False): _URW + "P052-Roman.otf",
        (True, False): _OS + "OpenSans-ExtraBold.ttf",
        (False, True): _URW + "P052-Italic.otf",
        (True, True): _OS + "OpenSans-ExtraBoldItalic.ttf",
    },
    "narrow": {
        (False, False): _URW + "NimbusSansNarrow-Regular.otf",
        (True, False): _DV + "DejaVuSerif-Bold.ttf",
        (False, True): _URW + "NimbusSansNarrow-Oblique.otf",
        (True, True): _DV + "DejaVuSerif-BoldItalic.ttf",
    },
}
"""Each body face under headings of another family: DejaVu Serif Condensed under Nimbus
Sans Bold, P052 under Open Sans ExtraBold, Nimbus Sans Narrow under DejaVu Serif Bold;
each italic the body's own."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)

INK = (20, 20, 24)
GREY_INK = (105, 105, 110)


@frozen
class Style:
    face: str = "condensed"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("condensed", 10.0), Style("palatino", 10.5), Style("narrow", 9.5))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind``: "rule" (across above row ``row`` from ``x0`` to ``x1``, ``shade`` its grey),
    "slip" (a compliments slip over rows ``row``..``last``: the rest of the scan the
    scanner's lid), "node" (a flow chart's rounded box over rows ``row``..``last``),
    "diamond" (a decision diamond over rows ``row``..``last``), "arrow" (down at ``x0``
    from under row ``row`` to the top of row ``last``), "elbow" (from the diamond's point
    at ``x0`` on row ``row`` across to ``x1``, then down to row ``last``), "gauge" (a
    semicircular dial over rows ``row``..``last``, its needle at ``shade`` degrees from
    the left), "perf" (a perforation down at ``x0`` over rows ``row``..``last``), "cut" (a
    perforation across above row ``row``) and "fold" (the back sheet's fold down the
    middle of the page)."""

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

    def beside(self, left: Sequence[tuple[Cell, ...]], right: Sequence[tuple[Cell, ...]]) -> Sheet:
        """Two columns of rows set side by side."""
        for n in range(max(len(left), len(right))):
            self.add((*(left[n] if n < len(left) else ()), *(right[n] if n < len(right) else ())))
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
    return dt.date(2025, 1, 20) + dt.timedelta(days=rng.randrange(670))


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
Term = tuple[str, str, int]
"""One box of the worked sum: its sign ("" for the first), its label, the pence."""


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the labelled facts
    as raw values; ``paras`` the prose: the first and the last give no figure (the
    backsheet's first page prints only those); ``terms`` the worked sum the equation
    setting draws (its last term the figure the letter is about); ``parties`` the role
    words a court paper gives the writer's side and the reader's; ``zones`` the dial's
    three bands."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[Fact]
    paras: Sequence[str]
    date_label: str = "Date of this letter"
    terms: Sequence[Term] = ()
    parties: tuple[str, str, str] = ("", "Plaintiff", "Defendant")
    """(the party the writer acts for, its role, the reader's role)."""
    question: str = "Will you pay or contact us by the date shown?"
    yes: str = "We will write to confirm it, and nothing more will happen."
    zones: tuple[str, str, str] = ("Up to date", "Falling behind", "Seriously behind")


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
    """The name in the heading face at the left, the address and telephone under it in
    small type, a hairline the width of the page."""
    page.add((t(0.08, org.name, True, size=style.point + 3),))
    page.add((t(0.08, f"{org.street}  ·  {org.town}  ·  Tel. {org.phone}", size=SMALL),))
    page.rule(0.08, 0.92, 90)
    page.gap()


def _address(page: Sheet, rng: random.Random, x: float = 0.08) -> str:
    (title, _, surname), lines = person(rng)
    page.add(*((t(x, line),) for line in lines)).gap()
    return f"{title} {surname}"


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92, size: float = 0.0) -> None:  # fmt: skip
    for text in paras:
        page.para(text, x=x, right=right, size=size).gap()


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


def _close(page: Sheet, signed: str, x: float = 0.08) -> None:
    page.add((t(x, "Yours sincerely,"),)).gap()
    page.add((t(x, signed, True),))


def _small_over(label: str, value: str, x: float, right: float, page: Sheet, size: float = SMALL) -> list[tuple[Cell, ...]]:  # fmt: skip
    """The label small over the value in bold (rows, not yet added)."""
    rows: list[tuple[Cell, ...]] = [(t(x, r[0].text, size=size),) for r in page.wrapped(label, x, right, size=size)]  # fmt: skip
    rows += _bold(page, value, x, right, size + 1)
    return rows


# -- the six settings ---------------------------------------------------------------------------


def _parties(page: Sheet, letter: Letter, name: str, x0: float, x1: float, size: float) -> None:
    """BETWEEN, the writer's side and its role, "and", the reader and their role."""
    side, role, other = letter.parties
    middle = (x0 + x1) / 2
    page.add((t(x0, "BETWEEN", True, size=size),)).gap()
    page.add((ct(middle - 0.04, side or letter.org.name, True, size=size), rt(x1, role, size=size, italic=True)))  # fmt: skip
    page.add((ct(middle - 0.04, "- and -", size=size),))
    page.add(
        (ct(middle - 0.04, name, True, size=size), rt(x1, other, size=size, italic=True))
    ).gap()


def _backsheet(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Court papers: the heading, the parties, the document's name and its numbered
    paragraphs (no sum, no date to act by), then the back sheet folded down the middle,
    its endorsement in the right half: the record number, the parties, the sums and the
    dates endorsed, the office."""
    org = letter.org
    page = Sheet(style)
    page.add(*_bold(page, org.name.upper(), 0.12, 0.88, style.point + 1.5, "centre"))
    page.add((rt(0.92, f"{letter.ref_label}: {letter.ref}", size=style.point - 0.5),)).gap()
    (_title, first, surname), lines = person(rng)
    _parties(page, letter, f"{first.upper()} {surname.upper()}", 0.08, 0.92, style.point)
    page.add(*_bold(page, letter.title.upper(), 0.12, 0.88, style.point + 0.5, "centre"))
    page.gap()
    page.add((t(0.08, "To:", True), t(0.16, lines[0])), *((t(0.16, line),) for line in lines[1:])).gap()  # fmt: skip
    paras = [letter.paras[0], "The sums claimed and the dates that apply are endorsed on the back sheet of this document.", *letter.paras[2:]]  # fmt: skip
    for n, text in enumerate(paras, start=1):
        rows = page.wrapped(text, 0.14, 0.92)
        page.add((t(0.08, f"{n}."), *rows[0]), *rows[1:]).gap()
    page.add((t(0.08, f"{letter.date_label}: {letter.when(letter.date)}"),)).gap()
    page.add((t(0.08, org.team, True),))
    _foot(page, org)

    back = Sheet(style)
    size = style.point - 0.5
    back.add((t(0.56, letter.ref_label, size=SMALL),), (t(0.56, letter.ref, True, size=size),)).gap()  # fmt: skip
    back.add(*[(t(0.56, r[0].text, size=SMALL),) for r in back.wrapped(org.name, 0.56, 0.92, size=SMALL)])  # fmt: skip
    back.gap()
    back.add(*_bold(back, letter.parties[0] or org.name, 0.56, 0.92, size), (rt(0.92, letter.parties[1], size=SMALL, italic=True),))  # fmt: skip
    back.add((t(0.56, "and", size=SMALL),), (t(0.56, f"{first} {surname}", True, size=size),), (rt(0.92, letter.parties[2], size=SMALL, italic=True),))  # fmt: skip
    back.rule(0.56, 0.92, 60)
    back.add(*_bold(back, letter.title.upper(), 0.56, 0.92, size))
    back.rule(0.56, 0.92, 60)
    back.gap()
    back.add((t(0.56, "Endorsed", True, size=SMALL),))
    for label, value in letter.facts:
        back.add(*_small_over(label, shown(letter, value), 0.56, 0.92, back))
    back.gap()
    back.rule(0.56, 0.92, 60)
    back.add((t(0.56, org.team, size=SMALL),), (t(0.56, org.street, size=SMALL),), (t(0.56, f"{org.town}  {org.phone}", size=SMALL),))  # fmt: skip
    back.rules.append(Mark("fold", 0, 0.5, last=len(back.rows) - 1))
    return [page, back]


def _compliments(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A "With our compliments" slip scanned alone on the glass: the writer's name, address
    and telephone printed on it, then a short typed note with every fact; the rest of the
    scan the scanner's lid."""
    org = letter.org
    page = Sheet(style)
    top = len(page.rows)
    page.gap()
    page.add((t(0.09, org.name, True, size=style.point + 3), rt(0.91, "With our compliments", size=style.point + 4, italic=True)))  # fmt: skip
    page.add((t(0.09, f"{org.street}, {org.town}", size=SMALL - 0.5), rt(0.91, f"Tel. {org.phone}", size=SMALL - 0.5)))  # fmt: skip
    page.rule(0.09, 0.91, 120)
    page.gap()
    (title, _, surname), _ = person(rng)
    size = style.point - 0.5
    page.add((t(0.1, f"{title} {surname} -", size=size),))
    page.add(*page.wrapped(letter.paras[0], 0.1, 0.9, size=size))
    left = [row for label, value in _rows(letter)[:2] for row in _small_over(label, value, 0.1, 0.46, page)]  # fmt: skip
    right = [row for label, value in _rows(letter)[2:] for row in _small_over(label, value, 0.52, 0.9, page)]  # fmt: skip
    page.beside(left, right)
    page.add(*page.wrapped(letter.paras[-1], 0.1, 0.9, size=size))
    signer = rng.choice(("Aine", "Gareth", "Noeleen", "Declan", "Hazel"))
    page.add((t(0.6, f"{signer}, {org.team}", size=size, italic=True),))
    page.gap()
    page.mark("slip", top, 0.05, 0.95)
    return [page]


def _flowchart(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A box of where things stand (every fact), an arrow down to a decision diamond, then
    a "Yes" and a "No" box side by side under it, joined by arrows."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras[:1])
    page.add((ct(0.5, "Your choices from here", True, size=style.point + 0.5),)).gap()
    size = SMALL + 0.5
    first = len(page.rows)
    page.add((t(0.22, "The position today", True, size=size),))
    for label, value in _rows(letter):
        labels = page.wrapped(label, 0.22, 0.5, size=size)
        values = page.wrapped(value, 0.53, 0.78, size=size)
        page.beside([(*r,) for r in labels], [tuple(t(c.x, c.text, True, size=size) for c in r) for r in values])  # fmt: skip
    page.mark("node", first, 0.2, 0.8)
    page.gap(2)
    diamond = len(page.rows)
    page.rules.append(Mark("arrow", diamond - 3, 0.5, last=diamond))
    page.gap()
    page.add(*[(ct(0.5, r[0].text, size=size),) for r in page.wrapped(letter.question, 0.36, 0.64, size=size)])  # fmt: skip
    page.gap()
    page.mark("diamond", diamond, 0.3, 0.7)
    page.gap(2)
    boxes = len(page.rows)
    yes = [(t(0.1, "Yes", True, size=size),), *[(t(0.1, r[0].text, size=size),) for r in page.wrapped(letter.yes, 0.1, 0.44, size=size)]]  # fmt: skip
    no = [(t(0.56, "No", True, size=size),), *[(t(0.56, r[0].text, size=size),) for r in page.wrapped(letter.paras[-1], 0.56, 0.9, size=size)]]  # fmt: skip
    page.beside(yes, no)
    last = len(page.rows) - 1
    page.rules += [Mark("node", boxes, 0.08, 0.46, last=last), Mark("node", boxes, 0.54, 0.92, last=last),
                   Mark("elbow", diamond + 1, 0.3, 0.27, last=boxes), Mark("elbow", diamond + 1, 0.7, 0.73, last=boxes)]  # fmt: skip
    page.gap()
    _prose(page, letter.paras[1:-1])
    _close(page, org.team)
    _foot(page, org)
    return [page]


def _equation(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The account worked out as boxes joined by signs (label small over amount), the last
    box shaded; the other facts listed under it; the date and reference at the top
    right."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    (title, _, surname), lines = person(rng)
    size = SMALL + 0.5
    right = [(t(0.6, label, size=size), rt(0.92, value, True, size=size)) for label, value in _rows(letter)[:2]]  # fmt: skip
    page.beside([(t(0.08, line),) for line in lines], right).gap()
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, f"Dear {title} {surname},"),)).gap()
    _prose(page, letter.paras[:1])
    terms = list(letter.terms)
    width = 0.84 / len(terms)
    top = len(page.rows)
    cells: list[list[tuple[Cell, ...]]] = []
    for k, (_, label, pence) in enumerate(terms):
        x = 0.08 + k * width + 0.035
        rows = [(t(x, r[0].text, size=SMALL),) for r in page.wrapped(label, x, x + width - 0.05, size=SMALL)]  # fmt: skip
        cells.append([*rows, (rt(x + width - 0.05, pounds(pence), True, size=size + 1),)])
    tall = max(len(c) for c in cells)
    for n in range(tall):
        row: list[Cell] = []
        for k, column in enumerate(cells):
            pad = tall - len(column)  # amounts on one line at the foot
            if n >= pad:
                row += column[n - pad]
            if n == tall - 1 and k:
                row.append(ct(0.08 + k * width + 0.005, terms[k][0], True, size=size + 3))
        page.add(tuple(row))
    for k in range(len(terms)):
        x0 = 0.08 + k * width + 0.02
        last = k == len(terms) - 1
        page.rects.append(
            Rect(top, top + tall - 1, x0, x0 + width - 0.025, True, 226 if last else None)
        )
    page.gap()
    others = [(label, value) for label, value in letter.facts if not (isinstance(value, int) and any(value == p for *_, p in terms))]  # fmt: skip
    for label, value in others:
        page.add((t(0.08, f"{label}:", size=size), t(0.5, shown(letter, value), True, size=size)))
    page.gap()
    _prose(page, letter.paras[1:])
    _close(page, org.team)
    _foot(page, org)
    return [page]


def _dial(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A semicircular gauge across the middle, its needle in one of three bands named
    under it, the headline figure large under the needle, the other facts in a row of
    small columns beneath."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras[:1])
    headline = next(((label, value) for label, value in letter.facts if isinstance(value, int)), letter.facts[0])  # fmt: skip
    top = len(page.rows)
    page.gap(5)
    angle = (
        rng.randrange(20, 160)
        if letter.truth.document_class is C.OTHER
        else rng.randrange(100, 168)
    )
    page.mark("gauge", top, 0.34, 0.66, shade=angle)
    page.add((t(0.3, letter.zones[0], size=SMALL - 0.5), ct(0.5, letter.zones[1], size=SMALL - 0.5), rt(0.7, letter.zones[2], size=SMALL - 0.5)))  # fmt: skip
    page.add((ct(0.5, shown(letter, headline[1]), True, size=style.point + 6),))
    page.add((ct(0.5, headline[0], size=SMALL + 0.5, italic=True),)).gap()
    rest = [(label, value) for label, value in _rows(letter) if label != headline[0]]
    width = 0.84 / max(3, len(rest))
    columns = [_small_over(label, value, 0.08 + k * width, 0.08 + (k + 1) * width - 0.02, page) for k, (label, value) in enumerate(rest)]  # fmt: skip
    for n in range(max(len(c) for c in columns)):
        page.add(tuple(cell for c in columns if n < len(c) for cell in c[n]))
    page.rule(0.08, 0.92, 170)
    page.gap()
    _prose(page, letter.paras[1:])
    _close(page, org.team)
    _foot(page, org)
    return [page]


def _coupon_dates(letter: Letter) -> list[dt.date]:
    first = next((v for _, v in letter.facts if isinstance(v, dt.date) and v > letter.date), later(letter.date, 14))  # fmt: skip
    return [first, later(first, 30), later(first, 61)]


def _coupons(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The letter, the facts listed, then three payment coupons side by side at the foot,
    parted by perforations: each its number, the account, a date and an instalment."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    size = SMALL + 0.5
    for label, value in _rows(letter):
        page.add((t(0.12, label, size=size), rt(0.88, value, True, size=size)))
    page.gap()
    _close(page, org.team)
    page.gap()
    owed = next((v for _, v in letter.facts if isinstance(v, int)), 0)
    parts = [owed - 2 * (owed // 3), owed // 3, owed // 3]
    top = len(page.rows)
    page.add((ct(0.5, "Cut along the dotted lines and bring one coupon each time you pay", size=SMALL - 0.5, italic=True),)).gap()  # fmt: skip
    columns = []
    for k, (part, day) in enumerate(zip(parts, _coupon_dates(letter), strict=True)):
        x = 0.07 + k * 0.3
        names = _bold(page, org.name, x, x + 0.25, SMALL - 0.5)
        columns.append([*names, *[()] * (2 - len(names)),
                        (t(x, f"Coupon {k + 1} of 3", size=SMALL),), (t(x, letter.ref, size=SMALL),),
                        (t(x, "Pay by", size=SMALL), rt(x + 0.25, letter.when(day), size=SMALL)),
                        (t(x, "Instalment", size=SMALL), rt(x + 0.25, plain(part), True, size=SMALL + 1))])  # fmt: skip
    for n in range(6):
        page.add(tuple(c for column in columns for c in column[n]))
    page.rules += [Mark("cut", top + 2, 0.05, 0.95), Mark("perf", top + 2, 0.35, last=top + 7), Mark("perf", top + 2, 0.65, last=top + 7)]  # fmt: skip
    _foot(page, org)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "backsheet": _backsheet,
    "compliments": _compliments,
    "flowchart": _flowchart,
    "equation": _equation,
    "dial": _dial,
    "coupons": _coupons,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    kind = kinds[i % 2]
    style = STYLES[(i + len(letter.title)) % len(STYLES)]
    sheets = KINDS[kind](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    """One shape a document."""
    return rng.choice(DATE_SHAPES)


# -- organisations (none named by another family but the state's) ----------------------------


def _ltd(name: str, number: str, office: str, extra: str = "") -> str:
    return (
        f"{name}. Registered in Northern Ireland no. {number}. Registered office: {office}.{extra}"
    )


FCA = " Authorised and regulated by the Financial Conduct Authority."
UNION = Org("Erne Valley Credit Union Ltd", "Loans Office, 14 Belmore Street", "Enniskillen BT74 6AA", "028 6632 4410",
            "Erne Valley Credit Union Ltd is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (no. 528114).", "Loans Office")  # fmt: skip
CARDS = Org("Sperrin Card Services Ltd", "PO Box 271", "Omagh BT78 9ZT", "0345 266 0418",
            _ltd("Sperrin Card Services Ltd", "NI661204", "Gortin Road, Omagh BT79 7HX", FCA), "Card Arrears Team")  # fmt: skip
OMAGH = Org("County Court for the Division of Fermanagh and Tyrone", "Courthouse, High Street", "Omagh BT78 1DU", "0300 200 7812",
            "Northern Ireland Courts and Tribunals Service. Quote the record number whenever you write or call.", "Chief Clerk, Omagh")  # fmt: skip
DUNGANNON = Org("County Court at Dungannon", "Courthouse, 46 Killyman Road", "Dungannon BT71 6DE", "0300 200 7812",
                "Northern Ireland Courts and Tribunals Service. Quote the record number whenever you write or call.", "Chief Clerk, Dungannon")  # fmt: skip
MOTORS = Org("Clogher Valley Motor Finance Ltd", "Main Street", "Clogher BT76 0AA", "028 8554 8302",
             _ltd("Clogher Valley Motor Finance Ltd", "NI639027", "Main Street, Clogher BT76 0AA", FCA))  # fmt: skip
KITCHENS = Org("Killyman Kitchens and Joinery Ltd", "Unit 2, Killyman Business Park", "Dungannon BT71 6LN", "028 8772 3391",
               _ltd("Killyman Kitchens and Joinery Ltd", "NI602318", "Killyman Business Park, Dungannon BT71 6LN"))  # fmt: skip
EJO = Org("Enforcement of Judgments Office", "Bedford House, 16-22 Bedford Street", "Belfast BT2 7FD", "0300 200 7814",
          "The Enforcement of Judgments Office is part of the Northern Ireland Courts and Tribunals Service.", "Enforcement Officer")  # fmt: skip
PLANT = Org("Lisnaskea Plant Hire Ltd", "Drumhaw Yard", "Lisnaskea BT92 0FB", "028 6772 1880",
            _ltd("Lisnaskea Plant Hire Ltd", "NI617744", "Drumhaw Yard, Lisnaskea BT92 0FB"))  # fmt: skip
AGRI = Org("Ballinamallard Agri Supplies Ltd", "Enniskillen Road", "Ballinamallard BT94 2BL", "028 6638 8514",
           _ltd("Ballinamallard Agri Supplies Ltd", "NI587162", "Enniskillen Road, Ballinamallard BT94 2BL"), "Credit Control")  # fmt: skip
LPS = Org("Land & Property Services", "Rating, PO Box 1099", "Belfast BT1 9ER", "0300 200 7801",
          "Land & Property Services collects rates for the Department of Finance and the district councils.", "Rates Collection")  # fmt: skip
POWER = Org("Tempo Electricity Supply Ltd", "PO Box 3316", "Enniskillen BT74 9XQ", "0800 091 2216",
            _ltd("Tempo Electricity Supply Ltd", "NI672003", "Tempo Road, Enniskillen BT74 6HP"), "Billing Team")  # fmt: skip
OIL = Org("Fivemiletown Fuels Ltd", "Depot, Ballylurgan Road", "Fivemiletown BT75 0QE", "028 8952 1766",
          _ltd("Fivemiletown Fuels Ltd", "NI598831", "Ballylurgan Road, Fivemiletown BT75 0QE"), "Oil Accounts")  # fmt: skip
NICTS = "Northern Ireland Courts and Tribunals Service"
FINES = Org(NICTS, "Fine Collection and Enforcement Service, PO Box 1309", "Belfast BT1 9JW", "0300 200 7815",
            "The Fine Collection and Enforcement Service collects fines imposed by the courts in Northern Ireland.", "Fine Collection Officer")  # fmt: skip
HOMELOANS = Org("Cookstown Home Loans Ltd", "William Street", "Cookstown BT80 8NB", "028 8676 2205",
                _ltd("Cookstown Home Loans Ltd", "NI624451", "William Street, Cookstown BT80 8NB", FCA))  # fmt: skip
BUYER = Org("Coalisland Portfolio Recoveries Ltd", "PO Box 118", "Coalisland BT71 4ZS", "028 8774 0629",
            _ltd("Coalisland Portfolio Recoveries Ltd", "NI691538", "Lineside, Coalisland BT71 4LP", FCA), "Purchased Accounts")  # fmt: skip
NIHE = "Northern Ireland Housing Executive"
BENEFITS = Org(NIHE, "Housing Benefit, Fermanagh Area Office", "Enniskillen BT74 7DB", "03448 920 902",
               "The Northern Ireland Housing Executive pays Housing Benefit for rent and recovers overpayments of it.", "Overpayments Section")  # fmt: skip
SOCIETY = Org("Tyrone and Fermanagh Building Society", "Mortgage Support, 3 Market Street", "Omagh BT78 1EE", "028 8224 6309",
              "Tyrone and Fermanagh Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (no. 206914).", "Mortgage Support")  # fmt: skip
HOMES = Org("Lakeland Homes Housing Association", "Tenancy Services, Derrylin Road", "Enniskillen BT74 6JP", "028 6632 9175",
            "Lakeland Homes Housing Association, a registered housing association in Northern Ireland (R47).", "Tenancy Services")  # fmt: skip
MONTHLY = Org("Portadown Pay Monthly Ltd", "PO Box 881", "Portadown BT62 9DX", "0333 014 6620",
              _ltd("Portadown Pay Monthly Ltd", "NI681290", "Mahon Road, Portadown BT62 3EH", FCA), "Collections")  # fmt: skip
SHOPPING = Org("Lurgan Home Shopping Ltd", "Customer Accounts, Queen Street", "Lurgan BT66 8BQ", "0345 071 3348",
               _ltd("Lurgan Home Shopping Ltd", "NI570126", "Queen Street, Lurgan BT66 8BQ", FCA))  # fmt: skip
CLIENT = Org("Irvinestown Joinery Ltd", "Mill Street", "Irvinestown BT94 1GR", "028 6862 1447",
             _ltd("Irvinestown Joinery Ltd", "NI655870", "Mill Street, Irvinestown BT94 1GR"))  # fmt: skip
SOLICITORS = Org("McCusker Quinn Solicitors", "Litigation, 7 East Bridge Street", "Enniskillen BT74 7BW", "028 6632 2850",
                 "McCusker Quinn Solicitors are regulated by the Law Society of Northern Ireland.", "Litigation Department")  # fmt: skip
MEATS = Org("Killyman Meat Processors Ltd", "Wages, Moy Road", "Dungannon BT71 7DX", "028 8778 4400",
            _ltd("Killyman Meat Processors Ltd", "NI610445", "Moy Road, Dungannon BT71 7DX"), "Wages Office")  # fmt: skip
WORKS = Org("Coalisland Crusher Engineering Ltd", "Payroll, Annagher Road", "Coalisland BT71 4NE", "028 8774 8812",
            _ltd("Coalisland Crusher Engineering Ltd", "NI633207", "Annagher Road, Coalisland BT71 4NE"), "Payroll")  # fmt: skip
BANK = Org("Mid Tyrone Bank plc", "Statements, 12 High Street", "Omagh BT78 1BQ", "0345 604 2210",
           _ltd("Mid Tyrone Bank plc", "NI019442", "12 High Street, Omagh BT78 1BQ", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Statements")  # fmt: skip
DFC = "Department for Communities"
JOBS = Org(DFC, "Enniskillen Jobs & Benefits Office, Down Street", "Enniskillen BT74 7DU", "0800 085 6318",
           "Jobseeker's Allowance is paid by the Department for Communities.", "Jobs & Benefits Office")  # fmt: skip
DCS = Org(DFC, "Disability and Carers Service, Castle Court", "Belfast BT1 1DF", "0800 587 0912",
          "Disability Living Allowance is paid by the Department for Communities.", "Disability and Carers Service")  # fmt: skip
HALL = Org("Belleek Community Hall Committee", "c/o The Hall, Main Street", "Belleek BT93 3FY", "07700 900 518",
           "The committee runs the hall for everyone in the village; this letter asks for nothing you must pay.", "Hall Committee")  # fmt: skip
WALKERS = Org("Cuilcagh Hillwalkers Club", "c/o 4 Florencecourt Road", "Derrylin BT92 9PU", "07700 900 863",
              "The club walks the Fermanagh hills every other Sunday; new members are always welcome.", "Club Secretary")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A credit union loan (even: a compliments slip) or a card account (odd: the worked
    sum)."""
    kinds = ("compliments", "equation")
    when, date, owed = _when(rng), dated(rng), balance(rng)
    by = later(date, 14)
    missed = owed // rng.choice((3, 4))
    if i % 2 == 0:
        org, ref, label = (
            UNION,
            f"EVCU-{digits(rng, 5)}-L{rng.randrange(1, 9)}",
            "Member loan account",
        )
        first = "Your member loan repayments have stopped and the loan is now behind."
    else:
        org, ref, label = CARDS, f"SCS{digits(rng, 9)}", "Sperrin card account"
        first = "Your card account is behind because the minimum payments have not been made."
    letter = Letter(
        org=org, title="Your account is behind: please contact us", date=date, when=when,
        truth=owes(C.CREDITOR_LETTER, org.name, ref, owed, date, deadline_date=by),
        ref_label=label, ref=ref, date_label="Sent from our office on",
        facts=[("Total owing on the account", owed), ("Please pay or ring us before", by)],
        terms=[("", "Owing last month", owed - missed - 1_200), ("+", "Minimums unpaid", missed), ("+", "Fee for late payment", 1_200), ("=", "Total owing on the account", owed)],
        paras=(first,
               f"The account stands at {pounds(owed)}. Please pay what you can, or ring us to agree an arrangement, before {when(by)}.",
               "If we do not hear from you, we may record a default with the credit reference agencies."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _record(rng: random.Random, year: str = "") -> str:
    return f"{year or rng.choice(('25', '26'))}/{digits(rng, 5)}/{letters(rng, 2)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("backsheet", "flowchart")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 88_000, 1_450_000)
    costs = rng.choice((11_400, 16_900, 22_600))
    total = claimed + costs
    ref, record = f"CVMF-{digits(rng, 6)}", _record(rng)
    served, by = later(date, 3), later(date, 24)
    letter = Letter(
        org=OMAGH, title="Ordinary civil bill", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, MOTORS.name, ref, total, date, court_claim_number=record, served_date=served, deadline_date=by),
        ref_label="Record No.", ref=record, date_label="Civil bill issued",
        facts=[("Amount claimed with costs", total), ("Plaintiff's hire purchase agreement", ref),
               ("Civil bill served on the defendant", served), ("Notice of intention to defend due by", by)],
        parties=(MOTORS.name, "Plaintiff", "Defendant"),
        question="Will you pay the claim or serve a notice of intention to defend in time?",
        yes="Pay the plaintiff, or send your notice to the court and to the plaintiff; a judge will then decide the claim.",
        paras=(f"{MOTORS.name} claims against you for money due under a hire purchase agreement for a car.",
               f"The plaintiff claims {pounds(claimed)} and costs of {pounds(costs)}, {pounds(total)} in all. This civil bill was served on {when(served)}; a notice of intention to defend must reach the court by {when(by)}.",
               "If you do nothing, the plaintiff may obtain a decree against you without a hearing. Get advice about this civil bill straight away."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("flowchart", "backsheet")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 46_000, 820_000)
    ref, record = f"KKJ/{digits(rng, 4)}/{rng.randrange(10, 99)}", _record(rng)
    by = later(date, 28)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    facts: list[Fact] = [("Decree granted for", owed), ("Kitchen supply invoice", ref)]
    if extra:
        facts.append(("Whole amount to be paid by", by))
    how = (f"The decree is for {pounds(owed)}, to be paid in full by {when(by)}." if extra
           else f"The decree is for {pounds(owed)}, payable at once.")  # fmt: skip
    letter = Letter(
        org=DUNGANNON, title="Decree in default of notice of intention to defend", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, KITCHENS.name, ref, owed, date, court_claim_number=record, **extra),
        ref_label="Record No.", ref=record, date_label="Decree made on", facts=facts,
        parties=(KITCHENS.name, "Plaintiff", "Defendant"),
        question="Can you pay the decree, or will you apply to the court to pay by instalments?",
        yes="Pay the plaintiff direct, or ask the court for an instalment order; keep a receipt for every payment.",
        paras=(f"No notice of intention to defend the civil bill of {KITCHENS.name} was received, and the court has made a decree against you.",
               how,
               "If the decree is not paid, the plaintiff may apply to the Enforcement of Judgments Office to enforce it, which adds to the costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kinds = ("backsheet", "flowchart")
    when, date = _when(rng), dated(rng)
    decree = balance(rng, 24_000, 380_000)
    owed = decree + rng.choice((7_600, 9_850, 12_300))
    case, by = f"EJO {rng.choice(('25', '26'))}/{digits(rng, 6)}", later(date, 10)
    letter = Letter(
        org=EJO, title="Notice of intent to enforce a judgment", date=date, when=when,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, PLANT.name, case, owed, date, deadline_date=by),
        ref_label="EJO application number", ref=case, date_label="Notice of intent issued",
        facts=[("Judgment debt with the enforcement fees", owed), ("Creditor applying to enforce", PLANT.name), ("Pay the creditor or reply to us by", by)],
        parties=(PLANT.name, "Creditor", "Debtor"),
        question="Will you pay the creditor in full before the date shown?",
        yes="Pay the creditor and send us the receipt; the application to enforce will then be closed.",
        paras=(f"{PLANT.name} holds a county court judgment against you for unpaid plant hire, and has applied to this Office to enforce it.",
               f"The amount due, with the enforcement fees, is {pounds(owed)}. If it is not paid to the creditor by {when(by)}, the Office will enforce the judgment.",
               "An enforcement officer may then examine your means and make an attachment of earnings order or an order charging land."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("backsheet", "equation")
    when, date = _when(rng), dated(rng)
    goods = balance(rng, 520_000, 1_760_000)
    interest = goods * rng.choice((3, 4, 6)) // 100
    owed = goods + interest
    ref, by = f"BAS/{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=AGRI, title="Statutory demand under Article 242 of the Insolvency (Northern Ireland) Order 1989", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, AGRI.name, ref, owed, date, deadline_date=by),
        ref_label="Farm trade account", ref=ref, date_label="Demand signed on",
        facts=[("Sum demanded of the debtor", owed), ("Last day to pay, secure or compound the debt", by)],
        terms=[("", "Feed and fertiliser invoiced", goods), ("+", "Statutory interest", interest), ("=", "Sum demanded of the debtor", owed)],
        parties=(AGRI.name, "Creditor", "Debtor"),
        paras=("Animal feed, fertiliser and fencing were supplied to you on credit and remain unpaid.",
               f"The creditor demands {pounds(owed)}, to be paid, secured or compounded to its satisfaction by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition to the High Court. You may apply to have this demand set aside."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rates(rng: random.Random, i: int) -> Doc:
    kinds = ("equation", "coupons")
    when, date = _when(rng), dated(rng)
    ref, by = f"{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 4)}", later(date, 14)
    bill = rng.randrange(78_000, 168_000)
    paid = rng.randrange(10_000, bill // 2)
    owed = bill - paid
    letter = Letter(
        org=LPS, title="Domestic rates: final notice before action", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, LPS.name, ref, owed, date, deadline_date=by),
        ref_label="Rate account reference", ref=ref, date_label="Rates notice issued",
        facts=[("Rates still to pay this year", owed), ("Pay the balance by", by)],
        terms=[("", "Rates for the year", bill), ("-", "Paid towards this year", paid), ("=", "Rates still to pay this year", owed)],
        paras=("The rates for your home, set by the regional rate and your district council's rate, have not been paid as billed.",
               f"{pounds(owed)} is still to pay. Please pay it by {when(by)}, or call us to agree how.",
               "If you do not, we may take court action, which adds costs, and ask the Enforcement of Judgments Office to recover the debt."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("dial", "equation")
    when, date = _when(rng), dated(rng)
    ref, by = f"TES{digits(rng, 4)}-{digits(rng, 4)}", later(date, 15)
    used = rng.randrange(6_200, 48_000)
    standing = rng.randrange(1_900, 3_600)
    vat = (used + standing) * 5 // 100
    owed = used + standing + vat
    letter = Letter(
        org=POWER, title="Electricity bill: three months to the meter reading", date=date, when=when,
        truth=owes(C.UTILITY_BILL, POWER.name, ref, owed, date, deadline_date=by),
        ref_label="Electricity account number", ref=ref, date_label="Date this bill was produced",
        facts=[("Amount due on this bill", owed), ("Bill to be paid by", by)],
        terms=[("", "Cost of electricity used", used), ("+", "Standing charges, 91 days", standing), ("+", "VAT on fuel, 5%", vat), ("=", "Amount due on this bill", owed)],
        zones=("Lower than last year", "About the same", "Higher than last year"),
        paras=("Here is your electricity bill for the last quarter.",
               f"The amount due, VAT included, is {pounds(owed)}. Please pay it by {when(by)}.",
               "If you are finding it hard to pay, call us: we can set up a payment plan or a keypad meter."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("compliments", "coupons")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 18_000, 164_000)
    ref, by = f"FF/{digits(rng, 5)}", later(date, 10)
    letter = Letter(
        org=OIL, title="Heating oil account overdue", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, OIL.name, ref, owed, date, deadline_date=by),
        ref_label="Oil account no.", ref=ref, date_label="Note dated",
        facts=[("Overdue for oil delivered", owed), ("Settle or arrange payment by", by)],
        paras=("Your last kerosene deliveries have not been paid for and the account is overdue.",
               f"{pounds(owed)} is overdue. Please settle it, or ring the depot to arrange payment, by {when(by)}.",
               "We cannot take further orders on the account until it is brought up to date."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("flowchart", "coupons")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 9_500, 142_000)
    ref, by = f"FCES/{digits(rng, 7)}", later(date, 14)
    letter = Letter(
        org=FINES, title="Your fine is overdue: Fine Collection and Enforcement Service", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, NICTS, ref, owed, date, deadline_date=by),
        ref_label="Fine collection account", ref=ref, date_label="Letter issued",
        facts=[("Fine and costs unpaid", owed), ("Pay or agree a payment plan by", by)],
        question="Will you pay, or agree a payment plan, by the date shown?",
        paras=("The fine and costs the magistrates' court ordered you to pay have not been paid.",
               f"{pounds(owed)} is unpaid. Pay it, or agree a payment plan with us, by {when(by)}.",
               "If you do not, a collection officer may deduct the fine from your earnings or benefits, or refer you back to court."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("compliments", "flowchart")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 16_000, 610_000)
    ref, old = f"CPR{digits(rng, 8)}", f"CHL-{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="Your Cookstown Home Loans account has been transferred", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=HOMELOANS.name),
        ref_label="Account reference with us", ref=ref, date_label="Assignment notice of",
        facts=[("Balance we now own", owed), ("Lender who sold the account", HOMELOANS.name), ("Old loan number (Cookstown)", old)],
        question="Were you paying the lender under an arrangement?",
        yes="Keep paying the same amount on the same day, to us; your arrangement carries on unchanged.",
        paras=(f"{HOMELOANS.name} has assigned your loan to us, and we now own it.",
               f"The balance transferred is {pounds(owed)}. No interest will be added by us.",
               "Please send all payments to us from now on, quoting our account reference; the lender can no longer accept them."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("equation", "flowchart")
    when, date = _when(rng), dated(rng)
    weeks = rng.randrange(5, 23)
    paid_rate = rng.choice((9_150, 10_820, 12_460))
    due_rate = paid_rate - rng.choice((2_310, 3_045, 4_180))
    owed = weeks * (paid_rate - due_rate)
    ref, by = f"HBOP {digits(rng, 7)}", later(date, 28)
    letter = Letter(
        org=BENEFITS, title="Housing Benefit overpayment: what you need to repay", date=date, when=when,
        truth=owes(C.OVERPAYMENT, NIHE, ref, owed, date, deadline_date=by),
        ref_label="HB overpayment number", ref=ref, date_label="Decision notice dated",
        facts=[("Excess Housing Benefit to repay", owed), ("Repay or tell us how you will by", by)],
        terms=[("", f"Paid to you over {weeks} weeks", weeks * paid_rate), ("-", "What you were entitled to", weeks * due_rate), ("=", "Excess Housing Benefit to repay", owed)],
        question="Can you repay it by the date shown?",
        yes="Pay in one sum or by agreed instalments; we will confirm the arrangement in writing.",
        paras=("We have reassessed your Housing Benefit after a change in your household's income, and you were paid more than you were entitled to.",
               f"The overpayment is {pounds(owed)}. Please repay it, or tell us how you will, by {when(by)}.",
               "If you disagree with this decision, you can ask us to reconsider it within one month of the date of this notice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("dial", "compliments")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 48_000, 860_000), rng.randrange(38_000, 148_000)
    ref = f"{digits(rng, 2)}/{digits(rng, 7)}"
    letter = Letter(
        org=SOCIETY, title="Mortgage payments: we are here to help", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Mortgage loan reference", ref=ref, date_label="Date",
        facts=[("Arrears on the mortgage today", owed), ("Monthly instalment due under the mortgage", monthly)],
        paras=("Your mortgage payments are behind, and we would like to help before things get worse.",
               f"The arrears are {pounds(owed)}; your contractual monthly payment is {pounds(monthly)}.",
               "Please ring Mortgage Support so that we can talk about an arrangement; repossession is always the last thing we want."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("coupons", "dial")
    when, date = _when(rng), dated(rng)
    owed, weekly = balance(rng, 9_800, 236_000), rng.randrange(8_400, 14_900)
    ref = f"LHHA-{digits(rng, 5)}"
    letter = Letter(
        org=HOMES, title="Rent account: payments needed", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Tenancy ref. (quote it)", ref=ref, date_label="Date printed on this letter",
        facts=[("Rent arrears now", owed), ("Weekly rent on the tenancy", weekly)],
        paras=("Your rent account is in arrears.",
               f"You owe {pounds(owed)} in rent, and the rent is {pounds(weekly)} a week. Please contact Tenancy Services to agree a repayment plan.",
               "If your Universal Credit housing costs or Housing Benefit have changed, let us know; we can also refer you for free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("coupons", "equation")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 3_400, 118_000), later(date, 10)
    missed = owed // 2
    if i % 4 < 2:
        org, ref, title = (
            MONTHLY,
            f"PPM{digits(rng, 4)}{letters(rng, 2)}{digits(rng, 2)}",
            "Pay monthly plan: payments overdue",
        )
        first = "Your last two monthly plan payments could not be taken from your card."
    else:
        org, ref, title = SHOPPING, f"LHS-{digits(rng, 7)}", "Home shopping account in arrears"
        first = "Your home shopping account is in arrears, and new orders are on hold."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Shopping or plan account", ref=ref, date_label="Posted on",
        facts=[("Arrears on the plan or account", owed), ("Arrears to be cleared by", by)],
        terms=[("", "Earlier arrears", owed - missed), ("+", "Missed this month", missed), ("=", "Arrears on the plan or account", owed)],
        paras=(first,
               f"The arrears are {pounds(owed)}. Please pay them by {when(by)} to avoid a late fee and a report to the credit reference agencies.",
               "If you are struggling, tell us: we can hold the account for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("flowchart", "compliments")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 61_000, 1_190_000), later(date, 14)
    ref = f"IJ-{digits(rng, 4)}-{rng.choice(('W', 'D', 'S'))}"
    letter = Letter(
        org=SOLICITORS, title="Pre-action letter: unpaid joinery account", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, CLIENT.name, ref, owed, date, deadline_date=by),
        ref_label="Client's job number", ref=ref, date_label="Our letter dated",
        facts=[("Balance due to our client", owed), ("Joinery firm we act for", CLIENT.name), ("Your reply must reach us by", by)],
        question="Will you pay, or reply with your proposals, before the date shown?",
        paras=(f"We act for {CLIENT.name}, which made and fitted windows and doors at your home and has not been paid.",
               f"Our client is owed {pounds(owed)}. Please pay it, or reply with your proposals, by {when(by)}.",
               "Otherwise our client may issue a civil bill against you in the county court without further notice and seek its costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _codes(rng: random.Random, i: int) -> Doc:
    """A meat plant's pay advice of payroll codes (code, description, units, rate,
    amount): earnings, then deductions, the net pay boxed; weekly or fortnightly."""
    org, date, when = MEATS, dated(rng), _when(rng)
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    weeks = {"weekly": 1, "fortnightly": 2}[frequency]
    rate = rng.choice((1_221, 1_268, 1_314))
    hours = rng.randrange(36, 45) * weeks
    over_hours = rng.randrange(2, 9) * weeks
    basic, over = hours * rate, over_hours * rate * 3 // 2
    bonus = rng.randrange(1_500, 7_800) * weeks
    gross = basic + over + bonus
    taken = [("101", "PAYE tax deducted", gross * 9 // 100), ("102", "NI employee share", gross * 5 // 100),
             ("140", "Pension (auto-enrolment)", gross * 3 // 100), ("162", "Protective clothing laundry", 350 * weeks)]  # fmt: skip
    off = sum(a for *_, a in taken)
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 1
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "PAY ADVICE", True, size=style.point + 2), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}", size=size), t(0.4, f"Works no. {digits(rng, 5)}", size=size), rt(0.92, f"Pay date {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, "Tax code 1257L", size=size), t(0.4, "NI letter A", size=size), rt(0.92, "Boning hall, days", size=size))).gap()  # fmt: skip
    page.add((t(0.08, "Code", True, size=size), t(0.16, "Description", True, size=size), rt(0.62, "Units", True, size=size), rt(0.76, "Rate", True, size=size), rt(0.92, "Amount", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 40)
    for code, what, units, each, amount in (("001", "Basic hours", str(hours), plain(rate), basic), ("006", "Overtime at time and a half", str(over_hours), plain(rate * 3 // 2), over), ("031", "Boning line bonus", "", "", bonus)):  # fmt: skip
        page.add((t(0.08, code, size=size), t(0.16, what, size=size), rt(0.62, units, size=size), rt(0.76, each, size=size), rt(0.92, plain(amount), size=size)))  # fmt: skip
    page.add((t(0.16, "Total gross pay", True, size=size), rt(0.92, plain(gross), True, size=size))).gap()  # fmt: skip
    for code, what, amount in taken:
        page.add((t(0.08, code, size=size), t(0.16, what, size=size), rt(0.92, plain(amount), size=size)))  # fmt: skip
    page.add((t(0.16, "Total deductions", True, size=size), rt(0.92, plain(off), True, size=size))).gap()  # fmt: skip
    top = len(page.rows)
    page.add((t(0.56, "NET PAY", True, size=size + 1), rt(0.9, plain(gross - off), True, size=size + 2)))  # fmt: skip
    page.rects.append(Rect(top, top, 0.54, 0.92, True, None))
    page.gap()
    page.para("Queries about your pay go to the wages office by Wednesday of pay week.", size=SMALL)
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def _across(page: Sheet, heads: Sequence[str], amounts: Sequence[int], size: float) -> None:
    """Column headings across the page, each amount right-aligned under its heading."""
    width = 0.84 / len(heads)
    page.add(tuple(rt(0.08 + (k + 1) * width - 0.01, h, True, size=size) for k, h in enumerate(heads)))  # fmt: skip
    page.rule(0.08, 0.92, 150)
    page.add(tuple(rt(0.08 + (k + 1) * width - 0.01, plain(a), size=size) for k, a in enumerate(amounts)))  # fmt: skip
    page.gap()


def _columns(rng: random.Random, i: int) -> Doc:
    """An engineering works' payslip: the elements as column headings across the page with
    their amounts under them, earnings then deductions, the net pay in large type;
    four-weekly or monthly."""
    org, date, when = WORKS, dated(rng), _when(rng)
    frequency = ("four_weekly", "monthly")[(i // 2) % 2]
    hours = {"four_weekly": 156, "monthly": 169}[frequency]
    rate = rng.choice((1_402, 1_466, 1_531))
    basic, nights = hours * rate, rng.randrange(6_000, 18_000)
    tools = rng.choice((2_000, 2_500, 3_000))
    gross = basic + nights + tools
    cuts = [gross * 12 // 100, gross * 6 // 100, gross * 5 // 100, 1_100]
    off = sum(cuts)
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Payslip", True, size=style.point + 2), rt(0.92, f"Payment date {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname}  -  fitter, crusher assembly", size=size), rt(0.92, FREQUENCY_SHOWN[frequency][0], size=size)))  # fmt: skip
    page.add((t(0.08, f"Employee {digits(rng, 4)}  ·  Tax code 1257L  ·  NI letter A", size=size),)).gap()  # fmt: skip
    page.add((t(0.08, "Earnings", True, size=size + 0.5),))
    _across(page, ("Basic", "Nights enhancement", "Tool allowance", "Gross pay"), (basic, nights, tools, gross), size)  # fmt: skip
    page.add((t(0.08, "Deductions", True, size=size + 0.5),))
    _across(page, ("PAYE", "NIC", "Pension", "Sports and social", "Deductions total"), (*cuts, off), size)  # fmt: skip
    page.add((t(0.08, "Net pay paid to bank", True, size=size + 1), rt(0.92, plain(gross - off), True, size=style.point + 5)))  # fmt: skip
    page.rule(0.08, 0.92, 40)
    page.gap()
    page.para(f"Hours this period {hours} at {plain(rate)}. Nights enhancement is paid for shifts starting after 8 pm.", size=SMALL)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=gross - off, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """A meat plant's pay advice of codes (even) or an engineering works' payslip (odd)."""
    return _codes(rng, i) if i % 2 == 0 else _columns(rng, i)


def _ledger(page: Sheet, name: str, opening: int, moves: Sequence[tuple[dt.date, str, int]], size: float) -> int:  # fmt: skip
    """A small ledger: its name, the opening balance, each movement with the balance after
    it, the closing balance; returns the closing balance."""
    page.add((t(0.08, name, True, size=size + 1),))
    page.add((t(0.08, "Date", True, size=size), t(0.22, "Transaction", True, size=size), rt(0.72, "Amount", True, size=size), rt(0.92, "Balance", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 120)
    page.add((t(0.22, "Opening balance", size=size), rt(0.92, plain(opening), size=size)))
    running = opening
    for day, what, amount in moves:
        running += amount
        page.add((t(0.08, f"{day:%d/%m}", size=size), t(0.22, what, size=size), rt(0.72, plain(abs(amount)) + (" -" if amount < 0 else ""), size=size), rt(0.92, plain(running), size=size)))  # fmt: skip
    page.add((t(0.22, "Closing balance", True, size=size), rt(0.92, plain(running), True, size=size))).gap()  # fmt: skip
    return running


def _union_statement(rng: random.Random, i: int) -> Doc:
    """A credit union's statement: the share account and the loan account each its own
    small ledger with its closing balance."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, UNION, style)
    _address(page, rng)
    page.add((t(0.08, "Statement of your accounts", True), rt(0.92, f"Statement date {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Member number {digits(rng, 5)}", size=size),)).gap()
    days = sorted(later(date, -rng.randrange(2, 88)) for _ in range(6))
    weekly = rng.choice((1_000, 1_500, 2_000))
    shares = [(day, "Lodgement at the office" if k % 2 else "Payroll deduction", weekly) for k, day in enumerate(days[:4])]  # fmt: skip
    _ledger(page, "Share account", rng.randrange(20_000, 260_000), shares, size)
    repay = rng.choice((4_200, 6_500, 8_800))
    loan = [(day, "Loan repayment", -repay) for day in days[::2]] + [(days[-1], "Interest charged", rng.randrange(400, 2_400))]  # fmt: skip
    _ledger(page, "Loan account", rng.randrange(90_000, 540_000), sorted(loan), size)
    page.para("Dividend and loan interest rebate, if any, are declared at the annual general meeting.", size=size)  # fmt: skip
    _foot(page, UNION)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def _typed(rng: random.Random, i: int) -> Doc:
    """A bank's statement with a column of transaction type codes (a key to them under the
    table), money out and money in, the balance after each line."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _address(page, rng)
    page.add((t(0.08, "Current account statement", True), rt(0.92, when(date), size=size)))
    page.add((t(0.08, f"Sort code 95-{digits(rng, 2)}-{digits(rng, 2)}   Account {digits(rng, 8)}", size=size),)).gap()  # fmt: skip
    items = [("DD", "TEMPO ELECTRICITY", -rng.randrange(5_200, 13_800)), ("CPT", "CASH OMAGH HIGH ST", -2_000 * rng.randrange(1, 5)),
             ("BGC", "COALISLAND CRUSHER ENG", rng.randrange(140_000, 260_000)), ("POS", "SUPERVALU LISNASKEA", -rng.randrange(1_900, 9_400)),
             ("SO", "LAKELAND HOMES RENT", -rng.randrange(36_000, 58_000)), ("DD", "LPS RATES", -rng.randrange(7_800, 14_600)),
             ("BP", "TO R MCCAFFREY", -rng.randrange(1_500, 6_000)), ("POS", "FIVEMILETOWN FUELS", -rng.randrange(9_000, 31_000))]  # fmt: skip
    days = sorted(later(date, -rng.randrange(1, 30)) for _ in items)
    running = rng.randrange(-9_000, 70_000)
    page.add((t(0.08, "Date", True, size=size), t(0.19, "Type", True, size=size), t(0.27, "Details", True, size=size), rt(0.66, "Paid out", True, size=size), rt(0.79, "Paid in", True, size=size), rt(0.92, "Balance", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 40)
    page.add((t(0.27, "BALANCE FORWARD", size=size), rt(0.92, plain(abs(running)) + (" OD" if running < 0 else ""), size=size)))  # fmt: skip
    for (code, what, amount), day in zip(items, days, strict=True):
        running += amount
        shown_balance = plain(abs(running)) + (" OD" if running < 0 else "")
        page.add((t(0.08, f"{day:%d %b}", size=size), t(0.19, code, size=size), t(0.27, what, size=size), rt(0.66 if amount < 0 else 0.79, plain(abs(amount)), size=size), rt(0.92, shown_balance, size=size)))  # fmt: skip
    page.rule(0.08, 0.92, 40)
    page.gap()
    page.para("Key: BGC bank giro credit, BP bill payment, CPT cash point, DD direct debit, POS card payment, SO standing order, OD overdrawn.", size=SMALL)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def bank_statement(rng: random.Random, i: int) -> Doc:
    """A credit union's statement (even) or a bank's with type codes (odd)."""
    return _union_statement(rng, i) if i % 2 == 0 else _typed(rng, i)


def benefit(rng: random.Random, i: int) -> Doc:
    """Jobseeker's Allowance from a Jobs & Benefits office (even: the worked sum) or
    Disability Living Allowance (odd: the flow chart)."""
    kinds = ("equation", "flowchart")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        org, what = JOBS, "Jobseeker's Allowance"
        frequency = ("fortnightly", "weekly")[(i // 2) % 2]
        weekly_parts = (rng.choice((7_160, 9_055)), 0)
    else:
        org, what = DCS, "Disability Living Allowance"
        frequency = ("four_weekly", "weekly")[(i // 2) % 2]
        weekly_parts = (rng.choice((2_880, 7_290)), rng.choice((2_880, 7_590)))
    times = {"weekly": 1, "fortnightly": 2, "four_weekly": 4}[frequency]
    paid = sum(weekly_parts) * times
    ref = (
        f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}"
    )
    first_term = "Personal allowance" if i % 2 == 0 else "Care component"
    terms: list[Term] = [("", first_term, weekly_parts[0] * times), ("+", "Mobility component" if i % 2 else "Premiums", weekly_parts[1] * times), ("=", "Amount of each payment to you", paid)]  # fmt: skip
    letter = Letter(
        org=org, title=f"{what}: your award", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="National Insurance number", ref=ref, date_label="Award letter dated",
        facts=[("Amount of each payment to you", paid), ("How it is paid", FREQUENCY_SHOWN[frequency][0])],
        terms=terms, question="Do you disagree with this decision?",
        yes="Ask us to look at it again within one month of the date of this letter.",
        paras=(f"We have decided your claim for {what}.",
               f"You will get {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]}, paid into your account.",
               "Tell us at once about any change, such as starting work, going into hospital or moving house, or you may be overpaid."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the community hall's roof appeal (the dial: how near the target is)
    and the walking club's note of its next walk (a compliments slip)."""
    kinds = ("dial", "compliments")
    when, date = _when(rng), dated(rng)
    on = later(date, 10 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=HALL, title="The hall roof appeal: nearly there", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Appeal leaflet", ref=f"No. {rng.randrange(2, 9)}",
            facts=[("Raised so far", "over two thirds of the target"), ("Next coffee morning", on)],
            zones=("Started", "Halfway", "Target reached"),
            paras=("Thank you to everyone who has given to the appeal to replace the hall roof.",
                   f"The next coffee morning for the appeal is on {when(on)}, from ten until twelve, in the hall.",
                   "Gifts of any size are welcome, and so is help with the teas."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=WALKERS, title="Next club walk", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Member's card no.", ref=f"CHC {rng.randrange(10, 99)}",
            facts=[("Walk on", on), ("Gathering place", "Florencecourt car park, 10 am")],
            paras=("Here are the details of the club's next walk, on the boardwalk and up to the top.",
                   f"We walk on {when(on)}. Bring boots, waterproofs and a packed lunch.",
                   "If the mountain is in cloud, the leader may change the route on the day."),
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


TEMPLATE_OF: dict[DocumentClass, Template] = {
    C.CREDITOR_LETTER: creditor_letter,
    C.COURT_CLAIM_N1: claim_form,
    C.COUNTY_COURT_JUDGMENT: judgment,
    C.ENFORCEMENT_AGENT_NOTICE: enforcement_notice,
    C.STATUTORY_DEMAND: statutory_demand,
    C.COUNCIL_TAX: rates,
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
class AOSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 3960


def build_ao(per_class: int = 4, *, seed: int = SEED) -> list[AOSample]:
    """``per_class`` documents of every class, held out, family ``<class>:AO``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, AOSample)


PRINT = Printer(FONTS.font, FONTS.measure)


def page_size(sample: AOSample, dpi: int) -> tuple[int, int]:
    return PRINT.page_size(sample, dpi)


def ao_text(sample: AOSample) -> str:
    """Every page's text, pages apart by form feeds."""
    return PRINT.text(sample)


def ao_pages(sample: AOSample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return PRINT.pages(sample, dpi=dpi)


# -- drawing the page ---------------------------------------------------------------------------


@frozen
class AOScan:
    dpi: int
    skew: float
    """Degrees."""
    feeder: bool = False
    """Fed askew through a sheet feeder with a black backing plate; greyscale."""
    dogear: bool = False
    """A flatbed scan of a page with a corner folded over; colour."""
    tungsten: bool = False
    """A phone photo at night under a tungsten bulb; colour."""


SCANS = (
    AOScan(dpi=200, skew=1.6, feeder=True),
    AOScan(dpi=240, skew=-0.3, dogear=True),
    AOScan(dpi=180, skew=0.8, tungsten=True),
)

PAPER = (251, 251, 249)
LID = (226, 227, 229)
"""The scanner lid round a compliments slip."""
BACKING = 22
"""The sheet feeder's black backing plate (a grey level)."""
TABLE = (74, 52, 36)
"""The wooden table under the night-time photo."""
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

    def span(self, mark: Mark, above: float = 0.3) -> tuple[int, int, int, int]:
        last = mark.last if mark.last is not None else mark.row
        x0, x1 = round(mark.x0 * self.width), round(mark.x1 * self.width)
        return x0, self.top(mark.row) - round(above * self.body), x1, self.foot(last)


def _rule(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.top(m.row) - round(0.1 * g.body)
    pen.line(
        (round(m.x0 * g.width), y, round(m.x1 * g.width), y), fill=(m.shade,) * 3, width=g.line
    )


def _slip(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The lid over the whole scan, the slip white on it with a soft edge."""
    pen.rectangle((0, 0, g.width, g.height), fill=LID)
    x0, y0, x1, y1 = g.span(m, 0.2)
    pen.rectangle(
        (x0 + 3 * g.line, y0 + 3 * g.line, x1 + 3 * g.line, y1 + 3 * g.line), fill=(200, 200, 202)
    )
    pen.rectangle((x0, y0, x1, y1), fill=PAPER, outline=(190, 190, 190), width=g.line)


def _node(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    pen.rounded_rectangle(g.span(m, 0.4), radius=g.body // 2, outline=INK, width=max(2, g.line + 1))


def _diamond(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    x0, y0, x1, y1 = g.span(m, 0.0)
    cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
    pen.polygon([(cx, y0), (x1, cy), (cx, y1), (x0, cy)], outline=INK, width=max(2, g.line + 1))


def _head_of(pen: ImageDraw.ImageDraw, x: int, y: int, size: int) -> None:
    pen.polygon([(x - size, y - 2 * size), (x + size, y - 2 * size), (x, y)], fill=INK)


def _arrow(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    x = round(m.x0 * g.width)
    y0, y1 = g.foot(m.row), g.top(m.last if m.last is not None else m.row)
    pen.line((x, y0, x, y1), fill=INK, width=max(2, g.line + 1))
    _head_of(pen, x, y1, max(4, g.body // 3))


def _elbow(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """From the diamond's side point across, then down to the box under it."""
    xa, xb = round(m.x0 * g.width), round(m.x1 * g.width)
    y = g.top(m.row) + g.heights[min(m.row, len(g.heights) - 1)] // 2
    y1 = g.top(m.last if m.last is not None else m.row) - round(0.4 * g.body)
    pen.line([(xa, y), (xb, y), (xb, y1)], fill=INK, width=max(2, g.line + 1))
    _head_of(pen, xb, y1, max(4, g.body // 3))


def _gauge(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """A semicircular dial in three bands, light to dark, and its needle."""
    x0, y0, x1, y1 = g.span(m, 0.0)
    r = min((x1 - x0) // 2, y1 - y0)
    cx, cy = (x0 + x1) // 2, y1
    box = (cx - r, cy - r, cx + r, cy + r)
    for k, shade in enumerate((215, 170, 110)):
        pen.pieslice(box, 180 + 60 * k, 240 + 60 * k, fill=(shade,) * 3, outline=(60, 60, 60))
    inner = round(r * 0.55)
    pen.pieslice((cx - inner, cy - inner, cx + inner, cy + inner), 180, 360, fill=PAPER)
    angle = math.radians(180 - m.shade)
    tip = (cx + round(math.cos(angle) * r * 0.92), cy - round(math.sin(angle) * r * 0.92))
    pen.line((cx, cy, *tip), fill=INK, width=max(3, g.line * 2))
    pen.ellipse((cx - g.body // 3, cy - g.body // 3, cx + g.body // 3, cy + g.body // 3), fill=INK)


def _dashes(
    pen: ImageDraw.ImageDraw, start: tuple[int, int], end: tuple[int, int], step: int
) -> None:
    (xa, ya), (xb, yb) = start, end
    length = max(abs(xb - xa), abs(yb - ya))
    for s in range(0, length, 2 * step):
        f0, f1 = s / length, min(1.0, (s + step) / length)
        pen.line((xa + (xb - xa) * f0, ya + (yb - ya) * f0, xa + (xb - xa) * f1, ya + (yb - ya) * f1), fill=(90, 90, 90), width=1)  # fmt: skip


def _perf(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    x = round(m.x0 * g.width)
    _dashes(pen, (x, g.top(m.row) - g.body // 2), (x, g.foot(m.last if m.last is not None else m.row)), max(3, g.body // 4))  # fmt: skip


def _cut(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    y = g.top(m.row) - g.body // 2
    _dashes(pen, (round(m.x0 * g.width), y), (round(m.x1 * g.width), y), max(3, g.body // 4))


def _fold(pen: ImageDraw.ImageDraw, g: _Geo, m: Mark) -> None:
    """The back sheet's fold down the middle: a faint crease."""
    x = round(m.x0 * g.width)
    pen.line((x, 0, x, g.height), fill=(214, 214, 214), width=max(1, g.line))


PAINT: dict[str, Callable[[ImageDraw.ImageDraw, _Geo, Mark], None]] = {
    "rule": _rule,
    "slip": _slip,
    "node": _node,
    "diamond": _diamond,
    "arrow": _arrow,
    "elbow": _elbow,
    "gauge": _gauge,
    "perf": _perf,
    "cut": _cut,
    "fold": _fold,
}


def _draw(sample: AOSample, n: int, dpi: int) -> Image.Image:
    """Page ``n`` drawn clean: the slip's lid first, then boxes, marks and the text."""
    width, height = PRINT.page_size(sample, dpi)
    image = Image.new("RGB", (width, height), PAPER)
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, dpi)
    body = round(sample.style.point / 72 * dpi)
    g = _Geo(tops, heights, width, height, body, max(1, dpi // 150))
    marks = sorted(sample.rules[n] if sample.rules else (), key=lambda m: m.kind != "slip")
    for mark in marks[:1]:
        if mark.kind == "slip":
            _slip(pen, g, mark)
    for rect in sample.rects[n] if sample.rects else ():
        y0 = tops[rect.first] - round(0.25 * body)
        y1 = tops[rect.last] + heights[rect.last] - round(0.05 * body)
        box = (round(rect.x0 * width), y0, round(rect.x1 * width), y1)
        if rect.fill is not None:
            pen.rectangle(box, fill=(rect.fill,) * 3)
        if rect.outline:
            pen.rectangle(box, outline=INK, width=g.line)
    for mark in marks:
        if mark.kind != "slip":
            PAINT[mark.kind](pen, g, mark)
    for p in PRINT.layout(sample, n, dpi):
        pen.text((p.left, p.top), p.cell.text, fill=INK, font=p.font)
    return image


# -- the scans --------------------------------------------------------------------------------------


def _feeder(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Greyscale; a sheet feeder with a black backing plate took the page in askew: the
    page turned on the black, the scan window a little larger than the page and not
    centred on it, so black wedges and a border show round it; a little soft."""
    grey = image.convert("L")
    w, h = grey.size
    turned = grey.rotate(skew + rng.uniform(-0.3, 0.3), resample=Image.Resampling.BICUBIC, expand=True, fillcolor=BACKING)  # fmt: skip
    window = Image.new("L", (round(w * 1.03), round(h * 1.02)), BACKING)
    dx, dy = round(w * rng.uniform(0.004, 0.02)), round(h * rng.uniform(0.002, 0.012))
    window.paste(turned, (dx - (turned.size[0] - w) // 2, dy - (turned.size[1] - h) // 2))
    return window.filter(ImageFilter.GaussianBlur(0.45))


def _dogear(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Colour; a flatbed scan of a page with a corner dog-eared: the corner folded over
    along a slanting line, the back of the paper (blank, a little darker) covering what
    was printed under it, the corner itself gone to the lid's white, a shadow under the
    flap's edge."""
    out = image.copy()
    w, h = out.size
    s = round(w * rng.uniform(0.08, 0.12))
    pen = ImageDraw.Draw(out)
    if rng.random() < 0.6:  # the top right corner
        gone, flap = [(w - s, 0), (w, 0), (w, s)], [(w - s, 0), (w, s), (w - s, s)]
    else:  # the bottom right corner
        gone, flap = [(w - s, h), (w, h), (w, h - s)], [(w - s, h), (w, h - s), (w - s, h - s)]
    pen.polygon(gone, fill=(243, 243, 243))
    shadow = [(x + (4 if x < w - s / 2 else 0), y + 4) for x, y in flap]
    pen.polygon(shadow, fill=(178, 176, 172))
    pen.polygon(flap, fill=(236, 234, 228), outline=(160, 158, 154))
    return out.rotate(
        skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(243, 243, 243)
    )


def _tungsten(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Colour; a phone photo at night under a tungsten bulb: the page on a wooden table,
    orange and dim, darker towards the corners, grainy (the sensor's noise at a high ISO),
    a little soft."""
    w, h = image.size
    canvas = Image.new("RGB", (round(w * 1.1), round(h * 1.08)), TABLE)
    turned = image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=TABLE)
    canvas.paste(turned, (round(w * 0.05), round(h * 0.04)))
    arr = np.asarray(canvas, dtype=np.float32)
    cast = np.asarray((1.0, 0.8, 0.56), dtype=np.float32) * rng.uniform(0.7, 0.78)
    ys, xs = np.arange(arr.shape[0])[:, None], np.arange(arr.shape[1])[None, :]  # (broadcast)
    cy, cx = arr.shape[0] * rng.uniform(0.35, 0.5), arr.shape[1] * rng.uniform(0.4, 0.6)
    fall = 1.0 - 0.32 * (((ys - cy) / arr.shape[0]) ** 2 + ((xs - cx) / arr.shape[1]) ** 2) * 2.2
    lit = arr * cast[None, None, :] * fall[:, :, None]
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0.0, 7.0, arr.shape[:2])
    out = np.clip(lit + noise[:, :, None], 0, 255).astype(np.uint8)
    return Image.fromarray(out).filter(ImageFilter.GaussianBlur(0.6))


def render(sample: AOSample, n: int, scan: AOScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.feeder:
        return _feeder(image, rng, scan.skew)
    if scan.dogear:
        return _dogear(image, rng, scan.skew)
    return _tungsten(image, rng, scan.skew)


def _tiff(image: Image.Image, dpi: int) -> bytes:
    out = io.BytesIO()
    image.save(out, format="TIFF", compression="tiff_adobe_deflate", dpi=(dpi, dpi))
    return out.getvalue()


def ao_scanned(sample: AOSample, index: int) -> tuple[bytes, str, AOScan]:
    """Scanned one of three ways: the sheet feeder's page as greyscale PNG (its resolution
    at even indexes), the dog-eared page as a deflate TIFF (240 dpi), the night photo as
    colour JPEG (quality ``QUALITY``, no resolution); two-page documents as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 53 + n) for n in range(len(sample.pages))]
    if len(images) > 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    if scan.dogear:
        return _tiff(images[0], scan.dpi), "tiff", scan
    if scan.tungsten:
        out = io.BytesIO()
        images[0].save(out, format="JPEG", quality=QUALITY)
        return out.getvalue(), "jpeg", scan
    return encode_pages(images, "png", scan.dpi if index % 2 == 0 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "SEED",
    "TEMPLATES",
    "AOSample",
    "AOScan",
    "ao_pages",
    "ao_scanned",
    "ao_text",
    "build_ao",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
