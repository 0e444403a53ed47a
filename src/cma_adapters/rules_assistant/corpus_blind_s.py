# ruff: noqa: E501, S311  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``S``, written blind: an eighth measure of how the reader
generalises, in an eighth hand (after ``L``, ``M``, ``N``, ``O``, ``P``, ``Q`` and ``R``).

``S`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Cell``/``Page``, ``Sample``, ``score``, ``sample_text``, ``normalise_value``,
``build_corpus``), the shared page engine (``corpus_print``), families Q's and R's modules
(for their conventions and interface) and, by grep only, families A-R (to avoid their
organisations, wording and fonts), the blind-family tests of R and the reporting code of
``benchmarks/intake_accuracy.py`` -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``layout.py``, ``classifier.py``, ``statements.py``, ``label_learning.py``,
``read_families.py``, ``ranker.py``, ``ranker_training.py``, the Tesseract extractor), its
reading tests, nor any list or description of the reader's misses (no section of
benchmarks/OCR.md). It is never used to write rules, to train or calibrate the classifier
or the field ranker (``build_corpus`` never yields it), nor to choose models: it is
measured, and only the aggregate figures go into benchmarks/OCR.md. Whoever reads its
individual misses to change the reader makes ``S`` no longer blind and must say so there.

What differs from A-R:

* who writes: Welsh and Welsh-border bodies, all new to the corpus (two Welsh councils'
  council tax in Welsh and English, a third council's Housing Benefit recovery, an
  enforcement company for a fourth, a Welsh magistrates' court, a Welsh housing
  association and a water company writing bilingually, a card issuer, a motor lender and
  its solicitors, a debt buyer, a personal lender's county court claim, a timber merchant's
  statutory demand, an energy supplier, a building society, a home-shopping catalogue, a
  care-home group and a haulier as employers, a savings bank, a credit union);
* four ways of setting a document, each class in two of them (``i`` even / odd):
  - **bilingual** (portrait): the letterhead in two columns (Welsh name left, English
    right), the prose in two columns side by side (Welsh in italic on the left, English on
    the right), the facts in a ruled table whose labels are "Welsh / English";
  - **slip** (a *landscape* page): a two-column letterhead (address left, telephone and
    opening hours right), the reference, date and sums as cells of a ruled table (labels
    over values), money movements with "DR"/"CR" or "-£" credits, and a **tear-off payment
    slip** at the foot carrying a *second* amount (an instalment or minimum payment);
  - **last page** (a 2- or 3-page letter): page 1 the date and prose only, page 2 (when
    three) general information, the facts only in a summary box on the last page;
  - **form** (portrait): numbered items, each label in its own ruled cell and the value in
    the ruled cell beside it;
* faces: each with its headings in *another family*: Liberation Sans body under Liberation
  Serif Bold headings, Liberation Serif body under Liberation Sans Bold headings, DejaVu
  Sans Mono body under DejaVu Serif Bold headings; 9.5, 10.5 and 11.5 pt bodies;
* dates as "4 Dec 26", "04.12.2026", "December 4th, 2026" and "2026-12-04", one shape a
  document (Welsh prose gives the date in Welsh: "4 Rhagfyr 2026"); amounts as
  "GBP 1,234.56" (with a space) or "£1,234.56", one shape a document, statement balances
  with " DR", credits as "-£12.00" or "£12.00 CR";
* scans at 150, 200 and 300 dpi: a **fax** (200 dpi, black and white, a transmission line
  across the top with its own later date and the page count), a **faint photocopy** (150
  dpi, grey ink on grey paper, softened) and a skewed, speckled 300 dpi scan; PNG with and
  without its resolution, and multi-page PDF.

Ground truth follows L's to R's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt) in English; ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference, which is what must be quoted); ``balance_pence`` what is owed now (the
year's total on a council-tax bill, the overdue sum on a reminder, arrears on rent and
mortgage letters, the total claimed, adjudged or demanded; never the slip's instalment or
minimum payment); ``letter_date`` the document's own date (a payslip's pay date, a
statement's date; never a fax line's date); ``deadline_date`` and ``served_date`` only where
printed. Payslips give the employer, net and gross pay, pay date and frequency; benefit
letters the payer, the amount paid each time, the date and the frequency; a bank statement
its date.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Callable, Sequence

from attrs import frozen
from PIL import Image, ImageDraw, ImageFilter

from cma_adapters.rules_assistant.corpus import FIELDS, C, Sample, Scan, Truth, encode_pages, money
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
from cma_core.documents.model import DocumentClass

FAMILY = "S"

PEOPLE = (
    ("Mr", "Rhodri", "Bevan"),
    ("Ms", "Carys", "Pritchard"),
    ("Mrs", "Halina", "Zielinska"),
    ("Mr", "Osian", "Tudor-Rees"),
)
ADDRESSES = (
    ("7 Heol Llwyncelyn", "Aberaeron", "SA46 0BE"),
    ("31 Stryd Fawr", "Blaenau Ffestiniog", "LL41 3AD"),
    ("Flat 2, 18 Glanmor Crescent", "Llanelli", "SA15 2JS"),
    ("54 Salop Road", "Oswestry", "SY11 2NR"),
)


# -- date and money shapes -------------------------------------------------------------------


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def short_dmy(date: dt.date) -> str:
    """4 Dec 26"""
    return f"{date.day} {date:%b} {date:%y}"


def dotted(date: dt.date) -> str:
    """04.12.2026"""
    return f"{date:%d.%m.%Y}"


def month_first(date: dt.date) -> str:
    """December 4th, 2026"""
    return f"{date:%B} {ordinal(date.day)}, {date.year}"


def iso(date: dt.date) -> str:
    """2026-12-04"""
    return date.isoformat()


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (short_dmy, dotted, month_first, iso)

WELSH_MONTHS = (
    "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi",
    "Hydref", "Tachwedd", "Rhagfyr",
)  # fmt: skip


def welsh(date: dt.date) -> str:
    """4 Rhagfyr 2026"""
    return f"{date.day} {WELSH_MONTHS[date.month - 1]} {date.year}"


def gbp(pence: int) -> str:
    """GBP 1,234.56"""
    return "GBP " + money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


MONEY_SHAPES: tuple[Callable[[int], str], ...] = (gbp, pounds)

FREQUENCY_SHOWN = {
    "weekly": "Weekly",
    "fortnightly": "Every second week",
    "four_weekly": "4 weekly (lunar)",
    "monthly": "Calendar month",
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways S prints a true value (to check it is on the page, or in an OCR text)."""
    if isinstance(value, dt.date):
        return (*(shape(value) for shape in DATE_SHAPES), welsh(value))
    if isinstance(value, int):
        return (*(shape(value) for shape in MONEY_SHAPES), money(value)[1:])
    if field == "frequency":
        return (FREQUENCY_SHOWN[str(value)],)
    text = str(value)
    return (text, text.replace(" ", ""))


def values_in_text(truth: Truth, text: str) -> tuple[int, int]:
    """How many of the true values (every field but the class) appear in ``text``, of how
    many: case and line breaks ignored."""
    flat = " ".join(text.split()).casefold()
    found = total = 0
    for name in FIELDS:
        value = getattr(truth, name)
        if value is not None:
            total += 1
            found += any(form.casefold() in flat for form in printed_forms(name, value))
    return found, total


# -- faces and sheets -------------------------------------------------------------------------

SMALL = 7.5
_DV = "/usr/share/fonts/truetype/dejavu/"
_LB = "/usr/share/fonts/truetype/liberation/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "civic": {
        (False, False): _LB + "LiberationSans-Regular.ttf",
        (True, False): _LB + "LiberationSerif-Bold.ttf",
        (False, True): _LB + "LiberationSans-Italic.ttf",
        (True, True): _LB + "LiberationSerif-BoldItalic.ttf",
    },
    "legal": {
        (False, False): _LB + "LiberationSerif-Regular.ttf",
        (True, False): _LB + "LiberationSans-Bold.ttf",
        (False, True): _LB + "LiberationSerif-Italic.ttf",
        (True, True): _LB + "LiberationSans-BoldItalic.ttf",
    },
    "ledger": {
        (False, False): _DV + "DejaVuSansMono.ttf",
        (True, False): _DV + "DejaVuSerif-Bold.ttf",
        (False, True): _DV + "DejaVuSansMono-Oblique.ttf",
        (True, True): _DV + "DejaVuSerif-BoldItalic.ttf",
    },
}
"""Each body face with its bold (headings) in another family."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "civic"
    point: float = 10.5
    landscape: bool = False


STYLES = (Style("civic", 10.5), Style("legal", 11.5), Style("ledger", 9.5))


@frozen
class Rule:
    row: int
    x0: float
    x1: float
    dashed: bool = False


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []

    def rule(self, x0: float = 0.06, x1: float = 0.94, *, dashed: bool = False) -> Sheet:
        self.rules.append(Rule(len(self.rows), x0, x1, dashed))
        return self

    def cells(self, pairs: Sequence[tuple[str, str]], xs: Sequence[float]) -> Sheet:
        """A ruled table: the labels (bold, small) in one row, their values below."""
        first = len(self.rows)
        self.rows.append(
            tuple(t(x, k, True, size=SMALL + 0.5) for x, (k, _) in zip(xs, pairs, strict=False))
        )
        self.rows.append(tuple(t(x, v) for x, (_, v) in zip(xs, pairs, strict=False)))
        edges = [*xs[: len(pairs)], 0.94]
        for x0, x1 in itertools.pairwise(edges):
            self.rects.append(Rect(first, first + 1, x0 - 0.01, x1 - 0.01))
        return self

    def columns(self, left: str, right: str, *, gap: bool = True) -> Sheet:
        """Welsh (italic) on the left, English on the right, side by side."""
        a = self.wrapped(left, 0.07, 0.46, italic=True)
        b = self.wrapped(right, 0.53, 0.93)
        for n in range(max(len(a), len(b))):
            self.rows.append((*(a[n] if n < len(a) else ()), *(b[n] if n < len(b) else ())))
        if gap:
            self.gap()
        return self


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))


def balance(rng: random.Random, low: int = 11_000, high: int = 640_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    return dt.date(2025, 3, 10) + dt.timedelta(days=rng.randrange(660))


def later(date: dt.date, days: int) -> dt.date:
    return date + dt.timedelta(days=days)


@frozen
class Shapes:
    when: Callable[[dt.date], str]
    amount: Callable[[int], str]
    credit_minus: bool


def shapes(rng: random.Random) -> Shapes:
    return Shapes(rng.choice(DATE_SHAPES), rng.choice(MONEY_SHAPES), rng.random() < 0.5)


def debit(sh: Shapes, pence: int) -> str:
    return f"{money(pence)} DR"


def credit(sh: Shapes, pence: int) -> str:
    return f"-{money(pence)}" if sh.credit_minus else f"{money(pence)} CR"


@frozen
class Org:
    name: str
    address: str
    phone: str
    cy: str = ""
    """The Welsh name (bilingual documents)."""
    cy_address: str = ""


@frozen
class Fact:
    label: str
    value: str
    cy: str = ""
    """The Welsh label (bilingual documents)."""


@frozen(kw_only=True)
class Letter:
    """What a template says; the kind of document decides where each part goes.

    ``facts`` are already shaped; ``date_label`` names the document's date where a kind
    labels it; ``moves`` are (date, details, amount) lines of a statement, the last one
    ending on what is owed; ``slip`` is the tear-off slip's second amount (label, value);
    ``info`` the general prose a three-page letter gives its middle page."""

    org: Org
    title: str
    date: dt.date
    sh: Shapes
    truth: Truth
    facts: Sequence[Fact]
    prose: Sequence[str] = ()
    title_cy: str = ""
    prose_cy: Sequence[str] = ()
    date_label: str = "Date"
    moves: Sequence[tuple[str, str, str]] = ()
    slip: tuple[str, str] | None = None
    info: Sequence[str] = ()


def person(rng: random.Random) -> tuple[str, list[str]]:
    title, first, surname = rng.choice(PEOPLE)
    return f"{title} {surname}", [f"{title} {first[0]} {surname}", *rng.choice(ADDRESSES)]


def _two_column_head(page: Sheet, org: Org) -> None:
    """The organisation's name and address on the left, how to reach it on the right."""
    page.add((t(0.06, org.name, True, size=page.style.point + 3),))
    street, _, town = org.address.rpartition(", ")
    page.add((t(0.06, street or org.address, size=SMALL), t(0.64, f"Tel. {org.phone}", size=SMALL)))
    page.add((t(0.06, town, size=SMALL), t(0.64, "Mon-Fri 8.30am-5pm", size=SMALL)))
    page.rule().gap()


def _bilingual(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    org, sh = letter.org, letter.sh
    page = Sheet(style)
    page.add(
        (t(0.07, org.cy, True, size=style.point + 2), t(0.53, org.name, True, size=style.point + 2))
    )
    page.add((t(0.07, org.cy_address, size=SMALL, italic=True), t(0.53, org.address, size=SMALL)))
    page.rule().gap()
    _, lines = person(rng)
    page.add(*((t(0.07, x),) for x in lines)).gap()
    page.add((t(0.07, letter.title_cy, True), t(0.53, letter.title, True))).gap()
    for cy, en in zip(letter.prose_cy, letter.prose, strict=True):
        page.columns(cy, en)
    rows = [(t(0.08, f"Dyddiad / {letter.date_label}"), t(0.64, sh.when(letter.date), True))]
    rows += [(t(0.08, f"{f.cy} / {f.label}"), t(0.64, f.value, True)) for f in letter.facts]
    page.box(rows, 0.06, 0.94).gap()
    if letter.moves:
        page.add(
            (
                t(0.08, "Dyddiad / Date", True, size=SMALL),
                t(0.3, "Manylion / Details", True, size=SMALL),
                rt(0.92, "Swm / Amount", True, size=SMALL),
            )
        )
        page.rule(0.06, 0.94)
        for when, what, amount in letter.moves:
            page.add(
                (t(0.08, when, size=SMALL), t(0.3, what, size=SMALL), rt(0.92, amount, size=SMALL))
            )
        page.rule(0.06, 0.94).gap()
    page.foot = len(page.rows)
    page.columns(
        "Mae'r ddogfen hon ar gael yn Gymraeg ac yn Saesneg. Croesewir galwadau yn Gymraeg.",
        "This document is available in Welsh and in English. Calls in Welsh are welcome.",
        gap=False,
    )
    return [page]


def _slip(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A landscape statement: the facts as cells of a ruled table, money movements, and a
    tear-off slip at the foot with a second amount."""
    org, sh = letter.org, letter.sh
    page = Sheet(Style(style.face, min(style.point, 10.5), landscape=True))
    _two_column_head(page, org)
    name, lines = person(rng)
    page.add((t(0.06, lines[0]), t(0.5, letter.title, True, size=page.style.point + 1)))
    page.add(*((t(0.06, x),) for x in lines[1:])).gap()
    cells = [(letter.date_label, sh.when(letter.date)), *((f.label, f.value) for f in letter.facts)]
    xs = (0.07, 0.25, 0.43, 0.61, 0.79)
    page.cells(cells[:5], xs).gap()
    if len(cells) > 5:
        page.cells(cells[5:10], xs).gap()
    if letter.moves:
        page.add(
            (
                t(0.07, "Date", True, size=SMALL),
                t(0.25, "Transaction", True, size=SMALL),
                rt(0.7, "Amount", True, size=SMALL),
            )
        )
        page.rule(0.06, 0.72)
        for when, what, amount in letter.moves:
            page.add(
                (t(0.07, when, size=SMALL), t(0.25, what, size=SMALL), rt(0.7, amount, size=SMALL))
            )
        page.rule(0.06, 0.72).gap()
    page.para(f"Dear {name}. " + " ".join(letter.prose), x=0.06, right=0.94)
    if letter.slip is None:
        return [page]
    page.foot = len(page.rows)
    page.rule(0.03, 0.97, dashed=True)
    page.add(
        (
            ct(
                0.5,
                "Please tear off along the line and send this part with your payment",
                size=SMALL,
            ),
        )
    )
    ref = letter.facts[0]
    page.add(
        (
            t(0.06, "Payment counterfoil", True),
            t(0.3, org.name),
            t(0.62, f"{ref.label}: {ref.value}"),
        )
    )
    page.add(
        (t(0.06, letter.slip[0]), t(0.3, letter.slip[1], True), t(0.62, "Paid £ ................"))
    )
    page.add(
        (
            t(
                0.06,
                f"Bank giro credit, sort code {digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}",
                size=SMALL,
            ),
        )
    )
    return [page]


INFO = (
    "If you are worried about money, free and impartial advice is available from debt advice charities. They will not judge you and their help costs nothing.",
    "If you are unhappy with how we have dealt with you, please tell us first. If we cannot put things right you may be able to refer the matter to the ombudsman free of charge.",
    "We record calls for training and to keep a record of what was agreed. We hold your information in line with data protection law; our privacy notice is on our website.",
)


def _last_page(rng: random.Random, style: Style, letter: Letter, pages: int) -> list[Sheet]:
    """Page 1 the date and prose; a middle page of general information (three pages); the
    facts only in a summary box on the last page."""
    org, sh = letter.org, letter.sh
    first = Sheet(style)
    first.add((ct(0.5, org.name, True, size=style.point + 4),))
    first.add((ct(0.5, f"{org.address}  |  {org.phone}", size=SMALL),)).rule().gap()
    name, lines = person(rng)
    first.add((t(0.08, lines[0]), rt(0.92, sh.when(letter.date))))
    first.add(*((t(0.08, x),) for x in lines[1:])).gap()
    first.add((t(0.08, letter.title, True),)).gap()
    first.para(f"Dear {name}", x=0.08).gap()
    for text in letter.prose:
        first.para(text, x=0.08, right=0.9).gap()
    first.para(
        "The details of your account are set out in the summary on the last page.", x=0.08
    ).gap()
    first.foot = len(first.rows)
    first.add((rt(0.92, f"Page 1 of {pages}", size=SMALL),))
    sheets = [first]
    if pages == 3:
        middle = Sheet(style)
        middle.add((t(0.08, "Important information", True),)).rule().gap()
        for text in (*letter.info, *INFO):
            middle.para(text, x=0.08, right=0.9).gap()
        middle.foot = len(middle.rows)
        middle.add((rt(0.92, "Page 2 of 3", size=SMALL),))
        sheets.append(middle)
    last = Sheet(style)
    last.add(
        (t(0.08, org.name, True), rt(0.92, f"{letter.title} (continued)", size=SMALL))
    ).rule().gap()
    last.add((t(0.08, "Summary", True, size=style.point + 1),)).gap()
    last.box([(t(0.1, f.label), rt(0.88, f.value, True)) for f in letter.facts], 0.07, 0.93).gap()
    if letter.moves:
        for when, what, amount in letter.moves:
            last.add(
                (t(0.1, when, size=SMALL), t(0.32, what, size=SMALL), rt(0.88, amount, size=SMALL))
            )
        last.gap()
    last.para("Please keep this page for your records.", x=0.08)
    last.foot = len(last.rows)
    last.add((rt(0.92, f"Page {pages} of {pages}", size=SMALL),))
    sheets.append(last)
    return sheets


def _form(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Numbered items: each label in its own ruled cell, the value in the cell beside it."""
    org, sh = letter.org, letter.sh
    page = Sheet(style)
    page.add((t(0.06, org.name, True, size=style.point + 1), rt(0.94, org.phone, size=SMALL)))
    page.add((t(0.06, org.address, size=SMALL),)).gap()
    page.add((ct(0.5, letter.title.upper(), True, size=style.point + 2),)).gap()
    _, lines = person(rng)
    page.add((t(0.06, "To:", True), t(0.16, ", ".join(lines[:2]))))
    page.add((t(0.16, ", ".join(lines[2:])),)).gap()
    items = [(letter.date_label, sh.when(letter.date)), *((f.label, f.value) for f in letter.facts)]
    for n, (label, value) in enumerate(items, 1):
        row = len(page.rows)
        page.add((t(0.07, f"{n}."), t(0.11, label), t(0.55, value, True)))
        page.rects.append(Rect(row, row, 0.06, 0.53))
        page.rects.append(Rect(row, row, 0.53, 0.94))
    page.gap()
    for text in letter.prose:
        page.para(text, x=0.06, right=0.94).gap()
    page.foot = len(page.rows)
    page.add((t(0.06, f"Form {letters(rng, 2)}{digits(rng, 2)} (rev. 2024)", size=SMALL),))
    return [page]


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.org.name)) % len(STYLES)]
    kind = kinds[i % 2]
    if kind == "bilingual":
        sheets = _bilingual(rng, style, letter)
    elif kind == "slip":
        sheets = _slip(rng, style, letter)
        style = Style(style.face, min(style.point, 10.5), landscape=True)
    elif kind == "last":
        sheets = _last_page(rng, style, letter, 2 + (i // 2) % 2)
    else:
        sheets = _form(rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


# -- organisations (none named by A-R) -----------------------------------------------------------

CARD = Org(
    "Teifi Card Services Ltd", "Customer Care, Parc Teifi, Cardigan SA43 1EW", "0345 601 2290"
)
MENAI = Org("Menai Straits Lending Ltd", "Bangor Road, Menai Bridge LL59 5HQ", "01248 901 447")
BUYER = Org("Marcher Debt Acquisitions Ltd", "Castle Foregate, Shrewsbury SY1 2EQ", "0333 014 6620")
CLAIMANT = Org(
    "Glaslyn Personal Finance Ltd", "Porthmadog Business Park, Porthmadog LL49 9GB", "01766 770 310"
)
CIVIL_COURT = Org(
    "County Court at Llanelli", "Town Hall Square, Llanelli SA15 3AL", "0300 123 5577"
)
JUDGMENT_COURT = Org("County Court at Wrexham", "Bodhyfryd, Wrexham LL12 7BP", "0300 123 5577")
MOTOR = Org(
    "Hafren Motor Finance Ltd",
    "Severn Bridge Industrial Estate, Caldicot NP26 5PT",
    "0330 088 4415",
)
SOLICITORS = Org(
    "Meredith Lloyd Solicitors LLP",
    "Debt Recovery Unit, 3 Priory Street, Carmarthen SA31 1LS",
    "01267 655 020",
)
ENFORCER = Org(
    "Caldicot Enforcement Services Ltd",
    "Enforcement House, Newport Road, Caldicot NP26 4BQ",
    "01291 881 700",
)
BLAENAU = Org(
    "Blaenau Gwent County Borough Council", "Municipal Offices, Civic Centre, Ebbw Vale NP23 6XB",
    "01495 350 555", "Cyngor Bwrdeistref Sirol Blaenau Gwent", "Swyddfeydd Dinesig, Glyn Ebwy NP23 6XB",
)  # fmt: skip
MERCHANT = Org("Wye Timber Merchants Ltd", "Sawmill Lane, Builth Wells LD2 3DN", "01982 553 180")
COUNCILS = (
    Org("Gwynedd Council", "Council Tax, Shirehall Street, Caernarfon LL55 1SH", "01766 771 000",
        "Cyngor Gwynedd", "Treth Gyngor, Stryd y Jêl, Caernarfon LL55 1SH"),
    Org("Pembrokeshire County Council", "Council Tax, County Hall, Haverfordwest SA61 1TP", "01437 764 551",
        "Cyngor Sir Penfro", "Treth y Cyngor, Neuadd y Sir, Hwlffordd SA61 1TP"),
)  # fmt: skip
MONMOUTH = Org(
    "Monmouthshire County Council", "Benefits Recovery, County Hall, Usk NP15 1GA", "01633 644 644"
)
ENERGY = Org(
    "Preseli Energy Ltd", "Unit 9, Withybush Road, Haverfordwest SA62 4BS", "0800 048 7712"
)
WATER = Org(
    "Ogwen Valley Water Ltd", "Customer Accounts, Bethesda LL57 3AN", "0800 085 3968",
    "Dŵr Dyffryn Ogwen Cyf", "Cyfrifon Cwsmeriaid, Bethesda LL57 3AN",
)  # fmt: skip
MAGISTRATES = Org(
    "Caernarfon Magistrates' Court", "Fines Office, Llanberis Road, Caernarfon LL55 2DF",
    "0300 303 5174", "Llys Ynadon Caernarfon", "Swyddfa Ddirwyon, Caernarfon LL55 2DF",
)  # fmt: skip
SOCIETY = Org(
    "Cambrian Mutual Building Society",
    "Arrears Support, 12 Pier Street, Aberystwyth SY23 2LJ",
    "01970 611 030",
)
HOMES = Org(
    "Bro Dysynni Housing Association", "Income Team, Tywyn LL36 9HA", "01654 710 250",
    "Cymdeithas Tai Bro Dysynni", "Tîm Incwm, Tywyn LL36 9HA",
)  # fmt: skip
CATALOGUE = Org("Cwtch Home Shopping Ltd", "Account Services, Deeside LL5 9QX", "0344 200 0188")
EMPLOYERS = (
    Org("Tregaron Care Homes Ltd", "Payroll, Station Road, Tregaron SY25 6HX", "01974 298 400"),
    Org("Dyfed Haulage Services Ltd", "Wages Office, Cross Hands SA14 6RB", "01269 845 012"),
)
BANK = Org("Gwalia Savings Bank plc", "Statements, Kingsway, Swansea SA1 5JQ", "0345 070 9911")
STATE = Org("Maternity Allowance Centre", "Jobcentre Plus, Wolverhampton WV98 1MA", "0800 169 0283")
CREDIT_UNION = Org("Menai Credit Union", "Members' Office, Llangefni LL77 7LR", "01248 722 015")


def owes(
    cls: DocumentClass, creditor: str, ref: str, owed: int, date: dt.date, **extra: object
) -> Truth:
    values: dict[str, object] = {
        "creditor_name": creditor,
        "account_reference": ref,
        "balance_pence": owed,
        "letter_date": date,
    }
    values.update(extra)
    return Truth(document_class=cls, **values)  # type: ignore[arg-type]


def movements(
    rng: random.Random, sh: Shapes, date: dt.date, owed: int, charge: str = "Charges added"
) -> list[tuple[str, str, str]]:
    """A short account history ending on what is owed: brought forward, a payment (a
    credit), a charge, and the balance now (a debit)."""
    paid, charged = rng.randrange(1_500, 9_000), rng.randrange(400, 3_500)
    start = owed + paid - charged
    return [
        (sh.when(later(date, -62)), "Balance brought forward", debit(sh, start)),
        (sh.when(later(date, -35)), "Payment received - thank you", credit(sh, paid)),
        (sh.when(later(date, -8)), charge, debit(sh, charged)),
        (sh.when(date), "Balance now", debit(sh, owed)),
    ]


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A card issuer: a landscape statement with a minimum payment on the slip, or a
    letter with the account summary on its last page."""
    sh, date, owed = shapes(rng), dated(rng), balance(rng)
    ref, by = f"4921 {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}", later(date, 18)
    minimum = max(2_500, owed // 40)
    letter = Letter(
        org=CARD, title="Payments missed on your Teifi card", date=date, sh=sh,
        truth=owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
        facts=[Fact("Card number", ref), Fact("Card balance now due", sh.amount(owed)),
               Fact("Bring the account up to date by", sh.when(by))],
        prose=("You have missed two payments on your card. Please pay what is overdue or call us to agree an affordable plan.",),
        moves=movements(rng, sh, date, owed) if i % 2 == 0 else (),
        slip=("Smallest payment accepted", sh.amount(minimum)),
        info=(f"The minimum payment on your next statement will be {sh.amount(minimum)}.",),
    )  # fmt: skip
    return compose(rng, i, ("slip", "last"), letter)


def claim_form(rng: random.Random, i: int) -> Doc:
    """A county court claim for a personal lender: claim number, issue and service dates,
    the amount claimed, the fee and the total (the total is what is owed)."""
    sh, date = shapes(rng), dated(rng)
    claimed = balance(rng, 60_000, 900_000)
    fee = rng.choice((3_500, 5_000, 7_000, 8_000, 11_500))
    costs = rng.choice((5_000, 8_000, 10_000))
    total = claimed + fee + costs
    ref, claim = (
        f"GPF{digits(rng, 7)}",
        f"{letters(rng, 1)}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 1)}{letters(rng, 1)}{digits(rng, 2)}",
    )
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CIVIL_COURT, title="Money claim: claim form issued", date=date, sh=sh,
        date_label="Date the claim was issued",
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim,
                   served_date=served, deadline_date=by),
        facts=[Fact("Number of this claim", claim), Fact("Claimant", CLAIMANT.name),
               Fact("Claimant's account ref.", ref), Fact("Principal sum sought", sh.amount(claimed)),
               Fact("Issue fee paid", sh.amount(fee)), Fact("Solicitor's fixed costs", sh.amount(costs)),
               Fact("Total sought", sh.amount(total)), Fact("Treated as served on", sh.when(served)),
               Fact("Your response must reach the court by", sh.when(by))],
        prose=(f"{CLAIMANT.name} claims the money shown from you for a personal loan that was not repaid.",
               "You may admit or defend all or part of the claim using the response pack. If you do nothing, judgment may be entered against you."),
        info=("Particulars of claim: the defendant entered into a loan agreement regulated by the Consumer Credit Act 1974 and fell into arrears; a default notice was served and not complied with.",),
    )  # fmt: skip
    return compose(rng, i, ("form", "last"), letter)


def judgment(rng: random.Random, i: int) -> Doc:
    """Judgment in default for a motor lender; on the even ones a date to pay by, on the
    odd ones monthly instalments and no date."""
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 80_000, 1_200_000)
    ref, claim = (
        f"HMF/{digits(rng, 6)}",
        f"{letters(rng, 1)}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 4)}",
    )
    monthly = max(2_000, owed // rng.choice((18, 24, 36)))
    by = later(date, 14) if i % 4 == 0 else None
    facts = [Fact("Court's number for the case", claim), Fact("Claimant", MOTOR.name), Fact("Finance agreement no.", ref),
             Fact("Amount of judgment (incl. costs)", sh.amount(owed))]  # fmt: skip
    if by:
        facts.append(Fact("To be paid to the claimant on or before", sh.when(by)))
    else:
        facts.append(Fact("Payable by monthly instalments of", sh.amount(monthly)))
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment for claimant in default", date=date, sh=sh,
        date_label="Judgment entered on",
        truth=owes(C.COUNTY_COURT_JUDGMENT, MOTOR.name, ref, owed, date, court_claim_number=claim,
                   deadline_date=by),
        facts=facts,
        prose=("You did not reply to the claim form, so judgment has been entered against you. Make your payments to the claimant, not to the court.",
               "If you do not pay as ordered, the claimant may ask the court to enforce the judgment."),
        info=("A judgment stays on the register for six years unless it is paid in full within one month.",),
    )  # fmt: skip
    return compose(rng, i, ("form", "last"), letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """An enforcement company's notice for a council's liability order: its own case
    reference is quoted; the total now due includes the fee (the order's sum a distractor)."""
    sh, date = shapes(rng), dated(rng)
    order = balance(rng, 20_000, 260_000)
    owed = order + 7_500
    ref, council_ref = f"CES-{digits(rng, 7)}", f"60{digits(rng, 6)}"
    by = later(date, 8)
    facts = [Fact("Enforcement file no.", ref, "Rhif ffeil gorfodi"),
             Fact("Reference at the council", council_ref, "Cyfeirnod yn y cyngor"),
             Fact("Liability order sum", sh.amount(order), "Swm y gorchymyn atebolrwydd"),
             Fact("Fee for the compliance stage", sh.amount(7_500), "Ffi cam cydymffurfio"),
             Fact("Now payable in full", sh.amount(owed), "I'w dalu'n llawn nawr"),
             Fact("Pay in full no later than", sh.when(by), "Talwch yn llawn cyn")]  # fmt: skip
    org = ENFORCER
    if i % 2 == 0:  # bilingual: the agent acts for a Welsh council and writes in both
        org = Org(
            ENFORCER.name,
            ENFORCER.address,
            ENFORCER.phone,
            "Gwasanaethau Gorfodi Caldicot Cyf",
            "Tŷ Gorfodi, Heol Casnewydd, Cil-y-coed NP26 4BQ",
        )
    letter = Letter(
        org=org, title="Enforcement: liability order passed to us", title_cy="Gorfodi: gorchymyn atebolrwydd", date=date, sh=sh,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, BLAENAU.name, ref, owed, date, deadline_date=by),
        facts=facts,
        prose=(f"{BLAENAU.name} has passed us a liability order for unpaid council tax. Pay the full amount before the date shown or an agent will visit to take control of goods.",),
        prose_cy=(f"Mae {BLAENAU.cy} wedi anfon gorchymyn atebolrwydd atom am dreth gyngor heb ei thalu. Talwch y swm llawn cyn y dyddiad a ddangosir neu bydd asiant yn ymweld i gymryd rheolaeth o nwyddau.",),
        slip=("Reference at the council", council_ref),
    )  # fmt: skip
    return compose(rng, i, ("bilingual", "slip"), letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    """A timber merchant's statutory demand for unpaid invoices; the 21 days as a date on
    the even ones, only in words on the odd ones."""
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 500_000, 2_400_000)
    ref = f"WTM-{digits(rng, 5)}"
    by = later(date, 21) if i % 2 == 0 else None
    invoices = owed - rng.randrange(5_000, 40_000)
    facts = [Fact("Trade account no.", ref), Fact("Invoices unpaid", sh.amount(invoices)),
             Fact("Interest under the 1998 Act", sh.amount(owed - invoices)),
             Fact("Whole debt demanded", sh.amount(owed))]  # fmt: skip
    if by:
        facts.append(Fact("Pay, secure or compound the debt by", sh.when(by)))
    letter = Letter(
        org=MERCHANT, title="Statutory demand (debt payable immediately)", date=date, sh=sh,
        date_label="Dated",
        truth=owes(C.STATUTORY_DEMAND, MERCHANT.name, ref, owed, date, deadline_date=by),
        facts=facts,
        prose=("This demand is served under section 268(1)(a) of the Insolvency Act 1986. You have 21 days from service to pay the debt or come to an arrangement with the creditor, or a bankruptcy petition may be presented.",
               "You have 18 days from service to apply to the court to set the demand aside."),
    )  # fmt: skip
    return compose(rng, i, ("form", "last"), letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    """A Welsh council's bilingual council tax: a year's bill with its instalments (the year
    is owed), or a reminder of one missed instalment (the instalment is owed)."""
    org, sh, date = COUNCILS[i % 2], shapes(rng), dated(rng)
    ref = f"{digits(rng, 8)}{letters(rng, 1)}"
    year = balance(rng, 110_000, 320_000)
    instalment = year // 10
    if i % 2 == 0:
        owed, by = year, None
        first = dt.date(date.year, date.month, 1) + dt.timedelta(days=31)
        moves = [(sh.when(dt.date(first.year + (first.month + k - 1) // 12, (first.month + k - 1) % 12 + 1, 1)),
                  f"Rhandaliad / Instalment {k + 1}", money(instalment)) for k in range(3)]  # fmt: skip
        facts = [Fact("Council Tax ref. no.", ref, "Cyfeirnod Treth Gyngor"),
                 Fact("Band", rng.choice("BCDE"), "Band"),
                 Fact("Amount payable for the year", sh.amount(year), "Swm i'w dalu am y flwyddyn")]  # fmt: skip
        title, title_cy = "Council Tax demand notice", "Hysbysiad galw am Dreth Gyngor"
        prose = (
            "This is your bill for the year. Pay the instalments on or before the dates shown below; the first three are listed.",
        )
        prose_cy = (
            "Dyma eich bil am y flwyddyn. Talwch y rhandaliadau ar neu cyn y dyddiadau isod; dangosir y tri cyntaf.",
        )
    else:
        owed, by, moves = instalment, later(date, 7), []
        facts = [Fact("Council Tax ref. no.", ref, "Cyfeirnod Treth Gyngor"),
                 Fact("Instalment not received", sh.amount(instalment), "Rhandaliad heb ei dderbyn"),
                 Fact("Instalment to reach us by", sh.when(by), "Talwch y rhandaliad erbyn"),
                 Fact("Remainder of the year", sh.amount(year - instalment), "Gweddill y flwyddyn")]  # fmt: skip
        title, title_cy = "Reminder: Council Tax instalment missed", "Nodyn atgoffa Treth Gyngor"
        prose = (
            "We have not received the instalment shown. If you do not pay it within seven days you will lose the right to pay by instalments.",
        )
        prose_cy = (
            "Nid ydym wedi cael y rhandaliad a ddangosir. Os na fyddwch yn ei dalu o fewn saith diwrnod byddwch yn colli'r hawl i dalu fesul rhandaliad.",
        )
    letter = Letter(
        org=org, title=title, title_cy=title_cy, date=date, sh=sh, date_label="Notice dated",
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        facts=facts, prose=prose, prose_cy=prose_cy, moves=moves,
    )  # fmt: skip
    return compose(rng, i, ("bilingual", "bilingual"), letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    """An energy bill: the amount to pay (last period's credit a distractor)."""
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 5_000, 70_000)
    ref, by = f"PE{digits(rng, 9)}", later(date, 14)
    direct = rng.randrange(4_000, 12_000)
    letter = Letter(
        org=ENERGY, title="Quarterly electricity statement", date=date, sh=sh, date_label="Billed on",
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        facts=[Fact("Electricity account ref.", ref), Fact("Charges this quarter", sh.amount(owed)),
               Fact("Pay by Direct Debit or card by", sh.when(by)), Fact("Units used", f"{rng.randrange(180, 900)} kWh")],
        prose=("This bill covers your electricity for the last quarter. Pay the amount by the date shown, or set up a monthly Direct Debit and spread the cost.",),
        moves=[(sh.when(later(date, -91)), "Opening balance", credit(sh, rng.randrange(100, 3_000))),
               (sh.when(date), "Electricity charges this quarter", debit(sh, owed))] if i % 2 == 0 else (),
        slip=("Suggested monthly Direct Debit", sh.amount(direct)),
        info=(f"A monthly Direct Debit of {sh.amount(direct)} would cover your expected use.",),
    )  # fmt: skip
    return compose(rng, i, ("slip", "last"), letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    """A water company's arrears letter, bilingual, or a landscape statement."""
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 18_000, 190_000)
    ref, by = f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 4)}", later(date, 10)
    weekly = rng.randrange(500, 2_500)
    letter = Letter(
        org=WATER, title="Water charges in arrears", title_cy="Taliadau dŵr mewn ôl-ddyledion", date=date, sh=sh,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        facts=[Fact("Water account no.", ref, "Rhif cyfrif dŵr"), Fact("Water charges unpaid", sh.amount(owed), "Taliadau dŵr heb eu talu"),
               Fact("Ring us to arrange a plan by", sh.when(by), "Cytunwch ar gynllun erbyn")],
        prose=("Your water account is behind. We can spread what is owed with a payment plan, or check whether you qualify for a reduced tariff.",),
        prose_cy=("Mae eich cyfrif dŵr ar ei hôl hi. Gallwn rannu'r hyn sy'n ddyledus gyda chynllun talu, neu wirio a ydych yn gymwys i gael tariff is.",),
        moves=movements(rng, sh, date, owed) if i % 2 else (),
        slip=("Weekly plan payment", sh.amount(weekly)),
    )  # fmt: skip
    return compose(rng, i, ("bilingual", "slip"), letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 6_000, 150_000)
    ref, by = f"{digits(rng, 2)}/{digits(rng, 6)}/{letters(rng, 1)}", later(date, 14)
    imposed = owed + rng.randrange(2_000, 20_000)
    letter = Letter(
        org=MAGISTRATES, title="Fine: final warning before enforcement", title_cy="Dirwy: rhybudd olaf cyn gorfodi",
        date=date, sh=sh,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        facts=[Fact("Fine account no.", ref, "Rhif cyfrif dirwy"), Fact("Imposed by the court", sh.amount(imposed), "Gosodwyd gan y llys"),
               Fact("Left unpaid on the fine", sh.amount(owed), "I'w dalu o hyd"), Fact("Final date for payment", sh.when(by), "Dyddiad olaf i dalu")],
        prose=("Your collection order has not been kept to. Unless the balance is paid, the court may order deductions from your wages or benefits or send enforcement agents.",),
        prose_cy=("Nid ydych wedi cadw at eich gorchymyn casglu. Oni bai bod y balans yn cael ei dalu, gall y llys orchymyn didyniadau o'ch cyflog neu fudd-daliadau neu anfon asiantau gorfodi.",),
    )  # fmt: skip
    return compose(rng, i, ("bilingual", "form"), letter)


def assignment(rng: random.Random, i: int) -> Doc:
    """A debt buyer's notice: the lender's loan sold to it; its new reference and the old."""
    sh, date, owed = shapes(rng), dated(rng), balance(rng)
    ref, old = f"MDA{digits(rng, 8)}", f"ML{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="Your loan has been sold to us", date=date, sh=sh, date_label="Assignment notified on",
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=MENAI.name),
        facts=[Fact("Account no. with Marcher", ref), Fact("Debt we now own", sh.amount(owed)),
               Fact("Lender it was bought from", MENAI.name), Fact("Account no. with Menai", old)],
        prose=(f"{MENAI.name} has assigned your loan to {BUYER.name}. From now on please pay us and not {MENAI.name}. The balance is unchanged and no new charges have been added.",),
        slip=("Suggested monthly amount", sh.amount(max(1_000, owed // 60))),
        info=("The assignment was made under section 136 of the Law of Property Act 1925; your former lender will write to you separately to confirm it.",),
    )  # fmt: skip
    return compose(rng, i, ("last", "slip"), letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    """A council's invoice for overpaid Housing Benefit."""
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 15_000, 480_000)
    ref, by = f"HBOP{digits(rng, 6)}", later(date, 28)
    weekly = rng.randrange(1_000, 2_600)
    letter = Letter(
        org=MONMOUTH, title="Invoice for Housing Benefit paid in error", date=date, sh=sh,
        date_label="Invoice raised on",
        truth=owes(C.OVERPAYMENT, MONMOUTH.name, ref, owed, date, deadline_date=by),
        facts=[Fact("Overpayment invoice no.", ref), Fact("Housing Benefit to repay", sh.amount(owed)),
               Fact("Period", f"{sh.when(later(date, -200))} to {sh.when(later(date, -60))}"),
               Fact("Pay the invoice by", sh.when(by))],
        prose=("We paid you more Housing Benefit than you were entitled to because a change in your earnings was not reported. You can ask us to look at the decision again within one month.",
               f"If you cannot pay in full, we can recover {sh.amount(weekly)} a week from your ongoing benefit."),
        info=("How we worked out the overpayment: we recalculated your benefit from the date your earnings changed and took the new figure from what we had paid.",),
    )  # fmt: skip
    return compose(rng, i, ("form", "last"), letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    """Arrears (owed) besides the monthly payment and the whole loan (distractors)."""
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 70_000, 950_000)
    ref = f"{digits(rng, 4)}-{digits(rng, 6)}-{digits(rng, 2)}"
    monthly = rng.randrange(45_000, 140_000)
    loan = rng.randrange(6_000_000, 24_000_000)
    letter = Letter(
        org=SOCIETY, title="Missed payments on your home loan", date=date, sh=sh,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        facts=[Fact("Home loan no.", ref), Fact("Arrears to date", sh.amount(owed)),
               Fact("Contractual monthly payment", sh.amount(monthly)), Fact("Total loan outstanding", sh.amount(loan))],
        prose=("We have not received your full monthly payments. Please contact our arrears support team so that we can agree a way forward; we will not start possession proceedings while we are talking to you.",),
        slip=("Usual monthly instalment", sh.amount(monthly)),
        info=("Government-funded mortgage advice is free. You may also be able to get Support for Mortgage Interest if you receive certain benefits.",),
    )  # fmt: skip
    return compose(rng, i, ("slip", "last"), letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 15_000, 320_000)
    ref = f"BD{digits(rng, 5)}/{digits(rng, 2)}"
    weekly = rng.randrange(8_500, 15_500)
    letter = Letter(
        org=HOMES, title="Rent not paid in full", title_cy="Ôl-ddyledion rhent", date=date, sh=sh,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        facts=[Fact("Rent account no.", ref, "Rhif cyfrif rhent"), Fact("Unpaid rent", sh.amount(owed), "Rhent heb ei dalu"),
               Fact("Rent each week", sh.amount(weekly), "Rhent bob wythnos")],
        prose=("Your rent account is in arrears. Please speak to your income officer about a repayment plan; help with Universal Credit housing costs is available.",),
        prose_cy=("Mae eich cyfrif rhent mewn ôl-ddyledion. Siaradwch â'ch swyddog incwm am gynllun ad-dalu; mae help ar gael gyda chostau tai Credyd Cynhwysol.",),
        moves=movements(rng, sh, date, owed, "Rent charged this week"),
        slip=("Rent each week", sh.amount(weekly)),
    )  # fmt: skip
    return compose(rng, i, ("bilingual", "slip"), letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 4_000, 160_000)
    ref, by = f"CW{digits(rng, 7)}{letters(rng, 1)}", later(date, 12)
    minimum = max(500, owed // 20)
    letter = Letter(
        org=CATALOGUE, title="Your shopping account is in arrears", date=date, sh=sh,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, CATALOGUE.name, ref, owed, date, deadline_date=by),
        facts=[Fact("Shopping account no.", ref), Fact("Account balance owing", sh.amount(owed)),
               Fact("Settle the arrears by", sh.when(by))],
        prose=("Your shopping account has fallen behind and we have stopped further orders. Please pay or get in touch to avoid a default being registered.",),
        moves=movements(rng, sh, date, owed),
        slip=("Minimum to pay now", sh.amount(minimum)),
        info=(f"The smallest payment that will bring your account back up to date is {sh.amount(minimum)}.",),
    )  # fmt: skip
    return compose(rng, i, ("slip", "last"), letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    """Solicitors for the motor lender (who is owed); their own reference a distractor."""
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 90_000, 1_400_000)
    ref, ours, by = (
        f"HMF/{digits(rng, 6)}",
        f"MLS/{letters(rng, 3)}/{digits(rng, 4)}",
        later(date, 30),
    )
    letter = Letter(
        org=SOLICITORS, title="Pre-action letter: debt claim", date=date, sh=sh,
        truth=owes(C.LETTER_OF_CLAIM, MOTOR.name, ref, owed, date, deadline_date=by),
        facts=[Fact("Solicitors retained by", MOTOR.name), Fact("Client's agreement number", ref),
               Fact("Debt our client claims", sh.amount(owed)), Fact("Our ref.", ours),
               Fact("Reply form to be returned by", sh.when(by))],
        prose=("We are instructed by our client about the hire purchase agreement shown. This letter is sent under the Pre-Action Protocol for Debt Claims; a reply form, an information sheet and a financial statement are enclosed.",
               "If we do not hear from you within 30 days, our client may start court proceedings without further notice."),
        info=("If you dispute the debt, say why on the reply form. You can ask for a copy of the agreement and of any statements.",),
    )  # fmt: skip
    return compose(rng, i, ("last", "form"), letter)


def payslip(rng: random.Random, i: int) -> Doc:
    """A landscape payslip (this period and year to date in cells) or a boxed form."""
    org, sh, date = EMPLOYERS[i % 2], shapes(rng), dated(rng)
    frequency = ("four_weekly", "weekly", "monthly", "fortnightly")[i % 4]
    gross = rng.randrange(28_000, 340_000)
    tax, ni = gross * rng.randrange(8, 18) // 100, gross * rng.randrange(4, 9) // 100
    net = gross - tax - ni
    periods = {"weekly": 52, "fortnightly": 26, "four_weekly": 13, "monthly": 12}[frequency]
    done = rng.randrange(2, periods - 1)
    employee = f"{digits(rng, 5)}"
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    letter = Letter(
        org=org, title="Wages and deductions", date=date, sh=sh, date_label="Date wages paid", truth=truth,
        facts=[Fact("Staff ID", employee), Fact("Payroll cycle", FREQUENCY_SHOWN[frequency]),
               Fact("Gross for period", sh.amount(gross)), Fact("Income tax deducted", sh.amount(tax)),
               Fact("Employee NIC", sh.amount(ni)), Fact("Net sum credited by BACS", sh.amount(net)),
               Fact("Gross to date", sh.amount(gross * done)), Fact("Code", "1257L")],
        prose=(f"Net pay is paid by BACS to your bank account. This is period {done} of {periods}.",),
    )  # fmt: skip
    return compose(rng, i, ("slip", "form"), letter)


def bank_statement(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    closing = rng.randrange(1_000, 250_000)
    moves = [
        (sh.when(later(date, -27)), "Opening balance", f"{money(closing + 8_150)} CR"),
        (sh.when(later(date, -20)), "Card payment SPAR TYWYN", f"{money(2_340)} DR"),
        (sh.when(later(date, -12)), "Direct debit PRESELI", f"{money(5_810)} DR"),
        (sh.when(date), "Closing balance", f"{money(closing)} CR"),
    ]
    letter = Letter(
        org=BANK, title="Statement of your Everyday Saver account", date=date, sh=sh,
        date_label="Statement produced", truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date),
        facts=[Fact("Branch sort code", f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}"),
               Fact("Saver account no.", digits(rng, 8)), Fact("Balance at end of period", f"{money(closing)} CR")],
        prose=("Please check your statement and tell us straight away about anything you do not recognise.",),
        moves=moves,
    )  # fmt: skip
    return compose(rng, i, ("slip", "last"), letter)


def benefit(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    frequency = ("four_weekly", "fortnightly")[i % 2]
    amount = (
        rng.randrange(18_000, 75_000)
        if frequency == "four_weekly"
        else rng.randrange(9_000, 37_000)
    )
    weekly = amount // (4 if frequency == "four_weekly" else 2)
    letter = Letter(
        org=STATE, title="Maternity Allowance: decision on your claim", date=date, sh=sh,
        date_label="Date of decision",
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=STATE.name, income_pence=amount,
                    letter_date=date, frequency=frequency),
        facts=[Fact("Standard weekly amount", sh.amount(weekly)), Fact("Amount of each payment", sh.amount(amount)),
               Fact("Payment interval", FREQUENCY_SHOWN[frequency]),
               Fact("Paid from", sh.when(later(date, 9)))],
        prose=("You are entitled to Maternity Allowance for up to 39 weeks. We will pay it into your bank account in arrears.",),
        info=("Tell us straight away if you go back to work or if your circumstances change, or you may be overpaid.",),
    )  # fmt: skip
    return compose(rng, i, ("form", "last"), letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: a council's bilingual library notice, or a credit union's meeting."""
    sh, date = shapes(rng), dated(rng)
    when = later(date, 20)
    if i % 2 == 0:
        letter = Letter(
            org=COUNCILS[0], title="Library card renewal", title_cy="Adnewyddu cerdyn llyfrgell", date=date, sh=sh,
            truth=Truth(document_class=C.OTHER),
            facts=[Fact("Card number", f"2{digits(rng, 12)}", "Rhif cerdyn"), Fact("Renew by", sh.when(when), "Adnewyddwch erbyn")],
            prose=("Your library card needs renewing. Bring proof of address to any branch; there is no charge.",),
            prose_cy=("Mae angen adnewyddu eich cerdyn llyfrgell. Dewch â phrawf o gyfeiriad i unrhyw gangen; nid oes tâl.",),
        )  # fmt: skip
        return compose(rng, i, ("bilingual", "bilingual"), letter)
    letter = Letter(
        org=CREDIT_UNION, title="Notice of our annual members' meeting", date=date, sh=sh,
        truth=Truth(document_class=C.OTHER),
        facts=[Fact("Membership no.", digits(rng, 6)), Fact("Meeting on", f"{sh.when(when)}, 7pm"),
               Fact("Venue", "Neuadd y Dref, Llangefni")],
        prose=("Every member is welcome to come and vote on the dividend and the election of directors. Light refreshments will be served.",),
        info=("The accounts for the year will be available at the meeting and from the members' office.",),
    )  # fmt: skip
    return compose(rng, i, ("last", "last"), letter)


TEMPLATES: tuple[tuple[DocumentClass, Template], ...] = (
    (C.CREDITOR_LETTER, creditor_letter),
    (C.COURT_CLAIM_N1, claim_form),
    (C.COUNTY_COURT_JUDGMENT, judgment),
    (C.ENFORCEMENT_AGENT_NOTICE, enforcement_notice),
    (C.STATUTORY_DEMAND, statutory_demand),
    (C.COUNCIL_TAX, council_tax),
    (C.UTILITY_BILL, utility_bill),
    (C.UTILITY_ARREARS, utility_arrears),
    (C.MAGISTRATES_FINE, magistrates_fine),
    (C.NOTICE_OF_ASSIGNMENT, assignment),
    (C.OVERPAYMENT, overpayment),
    (C.MORTGAGE_ARREARS, mortgage_arrears),
    (C.RENT_ARREARS, rent_arrears),
    (C.BNPL_CATALOGUE_ARREARS, bnpl_catalogue),
    (C.LETTER_OF_CLAIM, letter_of_claim),
    (C.PAYSLIP, payslip),
    (C.BANK_STATEMENT, bank_statement),
    (C.BENEFIT_AWARD, benefit),
    (C.OTHER, other),
)
"""Every class, in a fixed order (never a set: the order decides the draws)."""


# -- the family ---------------------------------------------------------------------------------


@frozen(kw_only=True)
class SSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_s(per_class: int = 4, *, seed: int = 8302) -> list[SSample]:
    """``per_class`` documents of every class, held out, family ``<class>:S``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, SSample)


PRINT = Printer(FONTS.font, FONTS.measure)
page_size = PRINT.page_size
layout = PRINT.layout
_rows = PRINT.rows
s_words = PRINT.words
s_page_text = PRINT.page_text
s_text = PRINT.text
s_pages = PRINT.pages


@frozen(kw_only=True)
class SScan(Scan):
    """Besides ``Scan``'s effects: grey ink (a faint copy), and a fax: a transmission line
    across the top (its own date, a day or two after the letter's, and the page count)
    and the page thresholded to black and white."""

    ink: int = 25
    fax: bool = False


SCANS = (
    SScan(dpi=200, fax=True, rotate=0.4),
    SScan(dpi=150, ink=120, paper=218, blur=0.45),
    SScan(dpi=300, rotate=-0.9, noise=0.0008),
)


def fax_line(sample: SSample, n: int) -> str:
    sent = (sample.truth.letter_date or dt.date(2026, 1, 5)) + dt.timedelta(
        days=1 + len(sample.name) % 2
    )
    return (
        f"{sent:%b-%d-%Y}".upper()
        + f" 10:{len(sample.name) + 10:02d}  FROM: 01970 6{len(sample.name):02d}412  P.{n + 1:03d}/{len(sample.pages):03d}"
    )


def render(sample: SSample, n: int, scan: SScan, seed: int = 0) -> Image.Image:
    width, height = page_size(sample, scan.dpi)
    image = Image.new("L", (width, height), scan.paper)
    pen = ImageDraw.Draw(image)
    tops, heights = _rows(sample, n, scan.dpi)
    body = round(sample.style.point / 72 * scan.dpi)
    line = max(1, scan.dpi // 110)
    for rect in sample.rects[n] if sample.rects else ():
        y0, y1 = (
            tops[rect.first] - round(0.2 * body),
            tops[rect.last] + heights[rect.last] - round(0.2 * body),
        )
        pen.rectangle(
            (round(rect.x0 * width), y0, round(rect.x1 * width), y1), outline=scan.ink, width=line
        )
    for rule in sample.rules[n] if sample.rules else ():
        y = tops[rule.row] - round(0.1 * body) if rule.row < len(tops) else tops[-1] + heights[-1]
        x0, x1 = round(rule.x0 * width), round(rule.x1 * width)
        if rule.dashed:
            step = scan.dpi // 12
            for x in range(x0, x1, 2 * step):
                pen.line((x, y, min(x + step, x1), y), fill=scan.ink, width=line)
        else:
            pen.line((x0, y, x1, y), fill=scan.ink, width=line)
    for p in layout(sample, n, scan.dpi):
        pen.text((p.left, p.top), p.cell.text, fill=scan.ink, font=p.font)
    if scan.fax:
        font = FONTS.font("ledger", round(7 / 72 * scan.dpi), False, False)
        pen.text(
            (round(0.04 * width), round(0.012 * height)),
            fax_line(sample, n),
            fill=scan.ink,
            font=font,
        )
    if scan.noise:
        rng = random.Random(seed)
        pixels = image.load()
        assert pixels is not None
        for _ in range(int(width * height * scan.noise)):
            pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 110))
    if scan.blur:
        image = image.filter(ImageFilter.GaussianBlur(scan.blur))
    if scan.rotate:
        image = image.rotate(
            scan.rotate, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=scan.paper
        )
    if scan.fax:
        image = image.point(lambda v: 0 if v < 140 else 255)
    return image


def s_scanned(sample: SSample, index: int) -> tuple[bytes, str, SScan]:
    """Printed and scanned one of three ways: multi-page ones as one PDF; single pages as
    PNG (every other one without its resolution) or, one in three, as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 13 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or index % 3 == 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "SSample",
    "build_s",
    "page_size",
    "printed_forms",
    "render",
    "s_pages",
    "s_scanned",
    "s_text",
    "s_words",
    "values_in_text",
]
