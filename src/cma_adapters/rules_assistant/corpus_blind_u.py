# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``U``, written blind: a tenth measure of how the reader
generalises, in a tenth hand (after ``L`` to ``T``).

``U`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``,
``FIELDS``), the shared page engine (``corpus_print``), family T's module and tests (for
their conventions), the shared test helpers (``tests/unit/documents/blind_families.py``,
``tests/integration/ocr/blind_read.py``), the reporting code of
``benchmarks/intake_accuracy.py`` and ``benchmarks/openai_accuracy.py`` and, by grep only,
families A-T (to avoid their organisations, wording, date shapes and faces) -- **not** the
reader's rules (``assistant.py``, ``fields.py``, ``fields_kinds.py``, ``label_parts.py``,
``layout.py``, ``classifier.py``, ``statements.py``, ``label_learning.py``,
``read_families.py``, ``ranker.py``, ``ranker_training.py``, the Tesseract extractor), its
reading tests, nor any section of benchmarks/OCR.md. It is never used to write rules, to
train or calibrate the classifier or the field ranker (``build_corpus`` never yields it),
nor to choose models: it is measured, and only the aggregate figures go into
benchmarks/OCR.md. Whoever reads its individual misses to change the reader makes ``U`` no
longer blind and must say so there.

**U is no longer blind since round 13** (branch ``reader13``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on U
from then on is a training-side figure (benchmarks/OCR.md, "Round 13").

What differs from A-T:

* who writes: bodies and firms of north Northumberland, the Durham dales and west Cumbria,
  none named by A-T (a card issuer, a car-finance claimant and the County Court at
  Workington, a van lender's judgment from the County Court at Barrow-in-Furness, an
  enforcement company for a county council, an agricultural merchant's statutory demand,
  two councils, an energy supplier, a water company, a magistrates' court, a debt buyer
  and the lender it bought from, the DWP's debt management, a building society, a housing
  trust, a catalogue and a pay-in-three firm, solicitors for a doorstep lender, a
  shipyard and a cheese dairy as employers, a bank, the DWP's PIP and HMRC's Child
  Benefit, an optician and a lifeboat station's fundraisers);
* five ways of setting a letter, each class in two of them (``i`` even / odd):
  - **window**: a return line and the address where an envelope's window shows it, beside
    a ruled grid of cells (each label in small print above its value: the reference, the
    date, a telephone number, the page); the facts in sentences, then a short block of
    labelled sums ("Sum now due", "Arrears to date", ...);
  - **important**: a shaded, ruled box at the very top, "IMPORTANT - PLEASE READ", with
    the reference, the sums and the date to act by (label, then value), then the letter;
  - **ledger**: a statement of account (date, details, debit, credit, balance), several
    rows, every balance "1,234.56 Dr", only the last row's balance owed now (earlier
    balances and the brought-forward one are older figures); one page, or
  - **ledger over two pages**: the table carried forward at the foot of page 1 and
    brought forward on page 2, the closing balance, the sentences about it and the date to
    act by on page 2 only (the date and reference on page 1);
  - **landscape** notice: a title band across an A4 landscape page, the prose on the left,
    a ruled "Notice details" panel on the right and tick boxes ("Tell us what you will
    do") drawn below it;
  payslips as a three-part landscape slip (employee, payments and deductions, totals with
  their "to date" figures) or a portrait slip; bank statements with money out, money in
  and a balance column in "Cr"/"Dr"; a PIP award and a Child Benefit letter;
* faces never used by A-T: URW Gothic (a Century Gothic-like face), C059 (Century
  Schoolbook) and Open Sans (Debian's ``fonts-urw-base35`` and ``fonts-open-sans``; the
  first two are OpenType CFF), 9.5, 10 and 10.5 pt bodies;
* dates as "4/12/2026", "04 Dec 2026", "4 Dec '26" and "4 December 2026 (Fri)", one shape a
  document (ledger rows "04/12"); amounts as "GBP 1,234.56" or "£1,234.56", one shape a
  document, "1,234.56 Dr" in a ledger's balance column, and pence-only figures beside them
  that are never the balance ("Daily interest 84p", "Standing charge 53.21p a day");
* scans at 150, 180 and 300 dpi skewed 0.7-1.9 degrees: a low-resolution scan of faded
  toner with a fold across the middle, a black-and-white 300 dpi scan (thresholded) with
  dust, and a 180 dpi scan of a hole-punched sheet on cream paper, slightly soft; PNG with
  and without its resolution, and multi-page PDF.

Ground truth follows L's to T's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference, on a claim form and a judgment the claimant's reference);
``balance_pence`` what is owed now (never a ledger's earlier or brought-forward balance, an
instalment, a pence-only rate or a year-to-date figure); ``letter_date`` the document's own
date (a payslip's pay date, a statement's date); ``deadline_date`` and ``served_date`` only
where printed. Payslips give the employer, net and gross pay, pay date and frequency;
benefit letters the payer, the amount paid each time, the date and the frequency; a bank
statement its date.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence

from attrs import frozen
from PIL import Image, ImageDraw, ImageFilter

from cma_adapters.rules_assistant.corpus import (
    C,
    Row,
    Sample,
    Truth,
    encode_pages,
    money,
    speckle,
    values_found,
)
from cma_adapters.rules_assistant.corpus_blind_s import Rule, digits, later, letters, owes
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

FAMILY = "U"

PEOPLE = (
    ("Mr", "Declan", "Armstrong"),
    ("Ms", "Kerry-Ann", "Tweddle"),
    ("Mrs", "Olwen", "Routledge"),
    ("Mr", "Bartosz", "Nowicki"),
)
ADDRESSES = (
    ("14 Percy Terrace", "Amble", "NE65 0AX"),
    ("Flat 7, Tannery Yard", "Cockermouth", "CA13 9PH"),
    ("29 Stanhope Street", "Seaham", "SR7 7DN"),
    ("2 Coquet Cottages", "Rothbury", "NE65 7TL"),
)

# -- date and money shapes -------------------------------------------------------------------


def slashed(date: dt.date) -> str:
    """4/12/2026"""
    return f"{date.day}/{date.month}/{date.year}"


def padded_short(date: dt.date) -> str:
    """04 Dec 2026"""
    return f"{date:%d} {date:%b} {date.year}"


def apostrophe(date: dt.date) -> str:
    """4 Dec '26"""
    return f"{date.day} {date:%b} '{date:%y}"


def bracketed_day(date: dt.date) -> str:
    """4 December 2026 (Fri)"""
    return f"{date.day} {date:%B} {date.year} ({date:%a})"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (
    slashed,
    padded_short,
    apostrophe,
    bracketed_day,
)


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def gbp(pence: int) -> str:
    """GBP 1,234.56"""
    return f"GBP {plain(pence)}"


def pounds(pence: int) -> str:
    return money(pence)


def dr(pence: int) -> str:
    """1,234.56 Dr (owed, in a ledger's balance column)"""
    return f"{plain(pence)} Dr"


def pence_only(pence: int) -> str:
    """84p"""
    return f"{pence}p"


MONEY_SHAPES: tuple[Callable[[int], str], ...] = (gbp, pounds)

FREQUENCY_SHOWN = {
    "weekly": ("Weekly", "each week"),
    "fortnightly": ("Fortnightly", "every 2 weeks"),
    "four_weekly": ("Four-weekly", "every 4 weeks"),
    "monthly": ("Monthly", "each calendar month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways U prints a true value (to check it is on the page, or in an OCR text)."""
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


# -- faces and sheets -------------------------------------------------------------------------

SMALL = 7.0
_URW = "/usr/share/fonts/opentype/urw-base35/"
_OS = "/usr/share/fonts/truetype/open-sans/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "gothic": {
        (False, False): _URW + "URWGothic-Book.otf",
        (True, False): _URW + "URWGothic-Demi.otf",
        (False, True): _URW + "URWGothic-BookOblique.otf",
        (True, True): _URW + "URWGothic-DemiOblique.otf",
    },
    "schoolbook": {
        (False, False): _URW + "C059-Roman.otf",
        (True, False): _URW + "C059-Bold.otf",
        (False, True): _URW + "C059-Italic.otf",
        (True, True): _URW + "C059-BdIta.otf",
    },
    "opensans": {
        (False, False): _OS + "OpenSans-Regular.ttf",
        (True, False): _OS + "OpenSans-Semibold.ttf",
        (False, True): _OS + "OpenSans-Italic.ttf",
        (True, True): _OS + "OpenSans-SemiboldItalic.ttf",
    },
}
"""URW Gothic and C059 (``fonts-urw-base35``), Open Sans (``fonts-open-sans``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "gothic"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("gothic", 10.0), Style("schoolbook", 10.5), Style("opensans", 9.5))


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []

    def rule(self, x0: float = 0.07, x1: float = 0.93, *, dashed: bool = False) -> Sheet:
        self.rules.append(Rule(len(self.rows), x0, x1, dashed))
        return self

    def beside(self, *columns: Sequence[Row]) -> int:
        """Columns of rows side by side; the first row's index."""
        first = len(self.rows)
        for n in range(max(len(c) for c in columns)):
            self.rows.append(tuple(cell for c in columns if n < len(c) for cell in c[n]))
        return first


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def balance(rng: random.Random, low: int = 8_000, high: int = 690_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    return dt.date(2025, 1, 13) + dt.timedelta(days=rng.randrange(690))


@frozen
class Shapes:
    when: Callable[[dt.date], str]
    amount: Callable[[int], str]


def shapes(rng: random.Random) -> Shapes:
    return Shapes(rng.choice(DATE_SHAPES), rng.choice(MONEY_SHAPES))


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The registration line at the foot of every page ("" for a public body)."""
    team: str = "Customer Services"
    returns: str = ""
    """Where undelivered post goes (the window letter's return line)."""


@frozen
class Entry:
    """A ledger row: its date, what it was, and a debit or a credit."""

    date: dt.date
    details: str
    debit: int = 0
    credit: int = 0


@frozen(kw_only=True)
class Letter:
    """What a template says; the layout decides where each part goes.

    ``ref`` is the reference to quote (``ref_label`` names it); ``summary`` the labelled
    facts a box, grid or panel lists (already shaped); ``paras`` the prose, which states
    every fact in a sentence (the first paragraph states none of the sums); ``ledger`` the
    account's history for a statement of account (opening balance, then rows: the last
    balance is what is owed now); ``ticks`` the options a landscape notice offers."""

    org: Org
    title: str
    date: dt.date
    sh: Shapes
    truth: Truth
    ref_label: str
    ref: str
    summary: Sequence[tuple[str, str]]
    paras: Sequence[str]
    ledger: tuple[int, Sequence[Entry]] | None = None
    ticks: Sequence[str] = (
        "I will pay the full amount",
        "I want to pay by instalments",
        "I need time to get advice",
    )


def person(rng: random.Random) -> tuple[str, list[str]]:
    """(salutation, address lines)."""
    title, first, surname = rng.choice(PEOPLE)
    return f"{title} {surname}", [f"{title} {first} {surname}", *rng.choice(ADDRESSES)]


def history(
    rng: random.Random, owed: int, date: dt.date, debits: Sequence[str], credit: str
) -> tuple[int, list[Entry]]:
    """An opening balance and rows (charges ``debits``, payments ``credit`` between them)
    whose closing balance is ``owed``."""
    rows: list[Entry] = []
    day = later(date, -20 - 14 * len(debits))
    for n, what in enumerate(debits):
        rows.append(Entry(day, what, debit=max(150, owed * rng.randrange(4, 13) // 100)))
        day = later(day, 7 + rng.randrange(5))
        if n % 2 == 0:
            rows.append(Entry(day, credit, credit=max(100, owed * rng.randrange(1, 4) // 100)))
            day = later(day, 5 + rng.randrange(5))
    opening = owed - sum(e.debit for e in rows) + sum(e.credit for e in rows)
    return opening, rows


def settle(owed: int, entries: list[Entry], paid: str) -> tuple[int, list[Entry]]:
    """``entries`` with the opening balance that closes them at ``owed``; where that would
    be below nothing, the account opens at nothing and a payment in the middle closes it."""
    opening = owed - sum(e.debit for e in entries) + sum(e.credit for e in entries)
    if opening >= 0:
        return opening, entries
    middle = len(entries) // 2
    day = entries[middle].date
    return 0, [*entries[:middle], Entry(day, paid, credit=-opening), *entries[middle:]]


def _registration(page: Sheet, org: Org, n: int, of: int) -> None:
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    rows = page.wrapped(text, 0.07, 0.82, size=SMALL - 0.5)
    page.add((*rows[0], rt(0.93, f"Page {n} of {of}", size=SMALL - 0.5)), *rows[1:])


def _footer(page: Sheet, org: Org, n: int, of: int) -> None:
    page.foot = len(page.rows)
    page.rule()
    _registration(page, org, n, of)


def _head(page: Sheet, org: Org, style: Style, right: float = 0.93) -> None:
    """The letterhead on the right: name, street, town, telephone."""
    page.add((rt(right, org.name, True, size=style.point + 3),))
    page.add(
        (rt(right, org.street, size=SMALL),),
        (rt(right, f"{org.town}  |  {org.phone}", size=SMALL),),
    )


def _signoff(page: Sheet, org: Org, x: float = 0.07, right: float = 0.93) -> None:
    page.add((t(x, "Yours sincerely"),)).gap()
    page.add((t(x, org.team),))


def _sums(page: Sheet, pairs: Sequence[tuple[str, str]], x: float = 0.07, at: float = 0.62) -> None:
    for label, value in pairs:
        page.add((t(x, label), rt(at, value, True)))


def _window(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Return line and address in the envelope window, a grid of reference cells beside it."""
    org, sh = letter.org, letter.sh
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    salutation, lines = person(rng)
    back = org.returns or f"{org.street}, {org.town}"
    left: list[Row] = [(t(0.09, f"If undelivered please return to: {back}", size=SMALL - 1),), ()]
    left += [(t(0.09, x),) for x in lines]
    cells = [
        (letter.ref_label, letter.ref),
        ("Date", sh.when(letter.date)),
        ("Telephone", org.phone),
    ]
    right: list[Row] = []
    for label, value in cells:
        right += [(t(0.6, label, size=SMALL - 0.5),), (t(0.6, value, True),)]
    first = page.beside(left, right)
    for n in range(len(cells)):
        page.rects.append(Rect(first + 2 * n, first + 2 * n + 1, 0.585, 0.93))
    page.gap(2)
    page.add((t(0.07, letter.title, True, size=style.point + 1),)).gap()
    page.para(f"Dear {salutation}", x=0.07).gap()
    for text in letter.paras:
        page.para(text, x=0.07, right=0.93).gap()
    if letter.summary:
        top = len(page.rows)
        _sums(page, letter.summary, 0.1, 0.66)
        page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.68, False, 238))
        page.gap()
    _signoff(page, org)
    _footer(page, org, 1, 1)
    return [page]


def _important(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A shaded IMPORTANT box at the top: reference, sums and the date to act by."""
    org, sh = letter.org, letter.sh
    page = Sheet(style)
    page.add((t(0.07, org.name, True, size=style.point + 2), rt(0.93, sh.when(letter.date))))
    page.add((t(0.07, f"{org.street}, {org.town}", size=SMALL),)).gap()
    rows: list[Row] = [(ct(0.5, "IMPORTANT - PLEASE READ", True, size=style.point + 1),)]
    for label, value in ((letter.ref_label, letter.ref), *letter.summary):
        rows.append((t(0.12, label), t(0.5, value, True)))
    page.box(rows, 0.08, 0.92, fill=228)
    page.gap()
    salutation, lines = person(rng)
    page.add(*((t(0.07, x),) for x in lines)).gap()
    page.add((t(0.07, letter.title.upper(), True),)).gap()
    page.para(f"Dear {salutation},", x=0.07).gap()
    for text in letter.paras:
        page.para(text, x=0.07, right=0.93).gap()
    _signoff(page, org)
    page.add((t(0.07, f"Call us on {org.phone}", size=SMALL + 1),))
    _footer(page, org, 1, 1)
    return [page]


LEDGER_HEAD = ("Date", "Details", "Debit", "Credit", "Balance")


def _ledger_rows(
    page: Sheet, letter: Letter, opening: int, entries: Sequence[Entry], start: dt.date
) -> int:
    """The table's rows from the opening balance; the running balance after them."""
    size = SMALL + 1
    page.add(
        (t(0.08, LEDGER_HEAD[0], True, size=size), t(0.18, LEDGER_HEAD[1], True, size=size),
         rt(0.6, LEDGER_HEAD[2], True, size=size), rt(0.74, LEDGER_HEAD[3], True, size=size),
         rt(0.91, LEDGER_HEAD[4], True, size=size))
    ).rule(0.07, 0.93)  # fmt: skip
    page.add(
        (
            t(0.08, f"{start:%d/%m}", size=size),
            t(0.18, "Opening balance", size=size),
            rt(0.91, dr(opening), size=size),
        )
    )
    running = opening
    for e in entries:
        running += e.debit - e.credit
        page.add(
            (t(0.08, f"{e.date:%d/%m}", size=size), t(0.18, e.details, size=size),
             rt(0.6, plain(e.debit) if e.debit else "", size=size),
             rt(0.74, plain(e.credit) if e.credit else "", size=size),
             rt(0.91, dr(running), size=size))
        )  # fmt: skip
    return running


def _ledger(rng: random.Random, style: Style, letter: Letter, two: bool) -> list[Sheet]:
    """A statement of account: only the last row's balance is owed now. Over two pages the
    sums and the date to act by are on page 2."""
    assert letter.ledger is not None
    org, sh = letter.org, letter.sh
    opening, entries = letter.ledger
    start = later(entries[0].date, -3)
    salutation, lines = person(rng)
    sheets = [Sheet(style) for _ in range(2 if two else 1)]
    for n, page in enumerate(sheets, 1):
        _head(page, org, style)
        page.add((t(0.07, "STATEMENT OF YOUR ACCOUNT", True, size=style.point + 1),))
        page.add((t(0.07, f"{letter.ref_label}: {letter.ref}", size=SMALL + 1),
                  rt(0.93, f"Sheet {n}", size=SMALL + 1))).rule().gap()  # fmt: skip
    first = sheets[0]
    first.add(*((t(0.07, x),) for x in lines))
    first.add((rt(0.93, f"Issued {sh.when(letter.date)}"),)).gap()
    first.para(f"Dear {salutation}", x=0.07).gap()
    first.para(letter.paras[0], x=0.07, right=0.93).gap()
    top = len(first.rows)
    if two:
        cut = max(1, len(entries) - 2)
        running = _ledger_rows(first, letter, opening, entries[:cut], start)
        first.add(
            (
                t(0.18, "Carried to next sheet", True, size=SMALL + 1),
                rt(0.91, dr(running), True, size=SMALL + 1),
            )
        )
        first.rects.append(Rect(top, len(first.rows) - 1, 0.07, 0.93))
        first.gap()
        first.para("The statement continues on the next sheet, with what you need to do.", x=0.07)
        _footer(first, org, 1, 2)
        page = sheets[1]
        top = len(page.rows)
        size = SMALL + 1
        page.add(
            (t(0.08, LEDGER_HEAD[0], True, size=size), t(0.18, LEDGER_HEAD[1], True, size=size),
             rt(0.6, LEDGER_HEAD[2], True, size=size), rt(0.74, LEDGER_HEAD[3], True, size=size),
             rt(0.91, LEDGER_HEAD[4], True, size=size))
        ).rule(0.07, 0.93)  # fmt: skip
        page.add((t(0.18, "From previous sheet", size=size), rt(0.91, dr(running), size=size)))
        for e in entries[cut:]:
            running += e.debit - e.credit
            page.add(
                (t(0.08, f"{e.date:%d/%m}", size=size), t(0.18, e.details, size=size),
                 rt(0.6, plain(e.debit) if e.debit else "", size=size),
                 rt(0.74, plain(e.credit) if e.credit else "", size=size),
                 rt(0.91, dr(running), size=size))
            )  # fmt: skip
        page.rects.append(Rect(top, len(page.rows) - 1, 0.07, 0.93))
    else:
        page = first
        running = _ledger_rows(page, letter, opening, entries, start)
        page.rects.append(Rect(top, len(page.rows) - 1, 0.07, 0.93))
    assert running == letter.truth.balance_pence, (running, letter.truth.balance_pence)
    page.gap()
    for text in letter.paras[1:]:
        page.para(text, x=0.07, right=0.93).gap()
    _signoff(page, org)
    _footer(page, org, len(sheets), len(sheets))
    return sheets


def _landscape(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A landscape notice: title band, prose on the left, details panel and tick boxes on
    the right."""
    org, sh = letter.org, letter.sh
    page = Sheet(style)
    page.box(
        [(t(0.05, letter.title, True, size=style.point + 3), rt(0.95, org.name, True, size=SMALL + 1))],
        0.04, 0.96, fill=225,
    )  # fmt: skip
    page.add((rt(0.95, f"{org.street}, {org.town}  Tel {org.phone}", size=SMALL),)).gap()
    salutation, lines = person(rng)
    left: list[Row] = [(t(0.05, x),) for x in lines]
    left += [(), *page.wrapped(f"Dear {salutation},", 0.05, 0.55), ()]
    for text in letter.paras:
        left += [*page.wrapped(text, 0.05, 0.55), ()]
    left += [(t(0.05, "Yours faithfully"),), (t(0.05, org.team),)]
    right: list[Row] = [(t(0.6, "Notice details", True),)]
    panel = (
        (letter.ref_label, letter.ref),
        ("Date of notice", sh.when(letter.date)),
        *letter.summary,
    )
    for label, value in panel:
        right.append((t(0.6, label, size=SMALL + 1), rt(0.95, value, True)))
    right += [(), (t(0.6, "Tell us what you will do (tick one box)", True, size=SMALL + 1),)]
    ticks_at = len(right)
    for option in letter.ticks:
        right.append((t(0.63, option, size=SMALL + 1),))
    right += [(), (t(0.6, "Signed ..........................  Date ..........", size=SMALL + 1),)]
    first = page.beside(left, right)
    page.rects.append(Rect(first, first + len(panel), 0.59, 0.96))
    for n in range(len(letter.ticks)):
        page.rects.append(Rect(first + ticks_at + n, first + ticks_at + n, 0.603, 0.619))
    page.gap()
    _footer(page, org, 1, 1)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "window": _window,
    "important": _important,
    "ledger": lambda rng, style, letter: _ledger(rng, style, letter, False),
    "ledger2": lambda rng, style, letter: _ledger(rng, style, letter, True),
    "landscape": _landscape,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.org.name)) % len(STYLES)]
    kind = kinds[i % 2]
    if kind == "landscape":
        style = Style(style.face, style.point - 0.5, landscape=True)
    return Doc(truth=letter.truth, sheets=KINDS[kind](rng, style, letter), style=style)


# -- organisations (none named by A-T) ----------------------------------------------------------


def _ltd(name: str, number: str, office: str) -> str:
    return f"{name}. Registered in England and Wales under company number {number}. Registered office: {office}."


FCA = " Authorised and regulated by the Financial Conduct Authority."
CARD = Org("Aln Valley Card Services Ltd", "Bondgate Within", "Alnwick NE66 1TD", "0345 071 6624",
           _ltd("Aln Valley Card Services Ltd", "09174420", "Bondgate Within, Alnwick NE66 1TD") + FCA, "Card Collections", "PO Box 118, Alnwick NE66 9AH")  # fmt: skip
CLAIMANT = Org("Coquetdale Car Finance Ltd", "Felton Road", "Morpeth NE61 2YB", "01670 377 905",
               _ltd("Coquetdale Car Finance Ltd", "11580036", "Felton Road, Morpeth NE61 2YB") + FCA)  # fmt: skip
CLAIM_COURT = Org("County Court at Workington", "Hall Brow", "Workington CA14 4AW", "0300 123 6190",
                  "Her Majesty's Courts and Tribunals Service. Always quote the claim number.", "Civil Section")  # fmt: skip
VANS = Org("Furness Van Leasing Ltd", "Abbey Road", "Barrow-in-Furness LA14 1XL", "01229 870 334",
           _ltd("Furness Van Leasing Ltd", "06211875", "Abbey Road, Barrow-in-Furness LA14 1XL") + FCA)  # fmt: skip
JUDGMENT_COURT = Org("County Court at Barrow-in-Furness", "Market Street", "Barrow-in-Furness LA14 2LE", "0300 123 6190",
                     "Her Majesty's Courts and Tribunals Service. Counter open 10am to 2pm.", "Civil Section")  # fmt: skip
COUNTY = Org("Northumberland County Council", "County Hall", "Morpeth NE61 2EF", "01670 623 400",
             team="Revenues and Benefits")  # fmt: skip
ENFORCER = Org("Cheviot Gate Enforcement Ltd", "Unit 3, Fisher Lane", "Cramlington NE23 1WR", "0191 389 7718",
               _ltd("Cheviot Gate Enforcement Ltd", "10932264", "Fisher Lane, Cramlington NE23 1WR") + " Certificated enforcement agents.", "Enforcement Office")  # fmt: skip
MERCHANT = Org("Derwent Agricultural Merchants Ltd", "Station Yard", "Cockermouth CA13 0HZ", "01900 826 413",
               _ltd("Derwent Agricultural Merchants Ltd", "03741286", "Station Yard, Cockermouth CA13 0HZ"), "Credit Office")  # fmt: skip
COUNCILS = (
    Org("Cumberland Council", "Revenues, Cumbria House", "Carlisle CA1 1RD", "0300 373 3300", team="Local Taxation"),
    Org("Durham Dales Borough Council", "Revenues, Kingsway", "Bishop Auckland DL14 7JL", "03000 261 300", team="Local Taxation",
        returns="PO Box 72, Bishop Auckland DL14 9XZ"),
)  # fmt: skip
ENERGY = Org("Blyth Quay Energy Ltd", "Quayside House", "Blyth NE24 3AG", "0800 046 2277",
             _ltd("Blyth Quay Energy Ltd", "12470359", "Quayside House, Blyth NE24 3AG"), "Billing", "Freepost BLYTH QUAY ENERGY")  # fmt: skip
WATER = Org("Tweed and Till Water Ltd", "Customer Contact Centre", "Berwick-upon-Tweed TD15 1BN", "0800 133 5160",
            _ltd("Tweed and Till Water Ltd", "02874430", "Walkergate, Berwick-upon-Tweed TD15 1BN"), "Account Recovery")  # fmt: skip
MAGISTRATES = Org("South East Northumberland Magistrates' Court", "Fines Office, Bedlington Road", "Ashington NE63 9RG", "0300 123 9074",
                  "Her Majesty's Courts and Tribunals Service - Fines Office.", "Fines Office")  # fmt: skip
LENDER = Org("Weardale Home Credit Ltd", "Front Street", "Stanhope DL13 2TS", "01388 528 106",
             _ltd("Weardale Home Credit Ltd", "05518603", "Front Street, Stanhope DL13 2TS") + FCA)  # fmt: skip
BUYER = Org("Harbourside Debt Purchase Ltd", "PO Box 611", "Whitehaven CA28 9ZN", "0330 094 1187",
            _ltd("Harbourside Debt Purchase Ltd", "13208871", "Lowther Street, Whitehaven CA28 7AL") + FCA, "Customer Care")  # fmt: skip
DWP = Org("Department for Work and Pensions", "Debt Management, Mail Handling Site A", "Wolverhampton WV98 2BP", "0800 916 0649",
          "Department for Work and Pensions. Calls may be recorded for training.", "Debt Management")  # fmt: skip
SOCIETY = Org("Tyne Bridge Mutual Building Society", "Mortgage Support, 8 Grey Street", "Morpeth NE61 1QQ", "0191 499 2306",
              "Tyne Bridge Mutual Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 206914).", "Mortgage Support")  # fmt: skip
HOMES = Org("Solway Coast Housing Trust", "Tenancy Income Team, Senhouse Street", "Maryport CA15 6BH", "01900 812 550",
            "Solway Coast Housing Trust, a registered society (no. 31166R) and registered provider of social housing.", "Tenancy Income Team")  # fmt: skip
CATALOGUE = Org("Teesdale Mail Order Ltd", "Galgate", "Barnard Castle DL12 8EL", "0344 871 3362",
                _ltd("Teesdale Mail Order Ltd", "04462907", "Galgate, Barnard Castle DL12 8EL") + FCA, "Accounts Helpdesk")  # fmt: skip
THREE = Org("PayInThree North Ltd", "Hoults Yard, Walker Road", "Newcastle NE6 2HL", "0191 603 4471",
            _ltd("PayInThree North Ltd", "14077215", "Hoults Yard, Walker Road, Newcastle NE6 2HL") + FCA, "Support")  # fmt: skip
DOORSTEP = Org("Ashington Family Loans Ltd", "Station Road", "Ashington NE63 8HA", "01670 811 920",
               _ltd("Ashington Family Loans Ltd", "07789012", "Station Road, Ashington NE63 8HA") + FCA)  # fmt: skip
SOLICITORS = Org("Rothbury Lisle Solicitors LLP", "Recoveries Department, 4 Bridge Street", "Rothbury NE65 7SE", "01669 620 584",
                 "Rothbury Lisle Solicitors LLP (OC412076) is authorised and regulated by the Solicitors Regulation Authority.", "Recoveries Department")  # fmt: skip
EMPLOYERS = (
    Org("Barrow Marine Fabrications Ltd", "Payroll, Ship Street", "Barrow-in-Furness LA14 2SX", "01229 811 600",
        _ltd("Barrow Marine Fabrications Ltd", "02268147", "Ship Street, Barrow-in-Furness LA14 2SX"), "Payroll"),
    Org("Allen Banks Creamery Ltd", "Wages Office, Haydon Road", "Haydon Bridge NE47 6BP", "01434 688 271",
        _ltd("Allen Banks Creamery Ltd", "08837120", "Haydon Road, Haydon Bridge NE47 6BP"), "Wages Office"),
)  # fmt: skip
BANK = Org("Border Counties Savings Bank plc", "Statements, Marygate", "Berwick-upon-Tweed TD15 1BW", "0345 744 6090",
           _ltd("Border Counties Savings Bank plc", "03356117", "Marygate, Berwick-upon-Tweed TD15 1BW") + " Covered by the FSCS.", "Statements")  # fmt: skip
PIP = Org("Department for Work and Pensions", "PIP, Mail Handling Site A", "Wolverhampton WV98 2GH", "0800 121 4435",
          "Personal Independence Payment is paid by the Department for Work and Pensions.", "PIP Payments")  # fmt: skip
HMRC = Org("HM Revenue and Customs", "Child Benefit Office", "Washington NE88 1AA", "0300 200 3100",
           "HM Revenue and Customs - Child Benefit. We will never ask for your bank details by text.", "Child Benefit Office")  # fmt: skip
OPTICIAN = Org(
    "Seaham Harbour Opticians",
    "11 Church Street",
    "Seaham SR7 7HF",
    "0191 581 3307",
    team="Recall Desk",
)
LIFEBOAT = Org(
    "Amble Lifeboat Supporters",
    "The Boathouse, Harbour Road",
    "Amble NE65 0AP",
    "07700 900 618",
    team="Fundraising Committee",
)


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    sh, date, owed = shapes(rng), dated(rng), balance(rng)
    ref, by = (
        f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}",
        later(date, 14),
    )
    daily = rng.randrange(12, 98)
    letter = Letter(
        org=CARD, title="Your credit card payments are behind", date=date, sh=sh,
        truth=owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
        ref_label="Your account no.", ref=ref,
        summary=[("Sum now due", sh.amount(owed)), ("Daily interest", pence_only(daily)), ("Speak to us no later than", sh.when(by))],
        paras=("We have not received the minimum payments on your Aln Valley credit card for the last two months.",
               f"The sum now due on your card is {sh.amount(owed)}, and interest of {pence_only(daily)} a day is being added. Please ring us or pay by {sh.when(by)}.",
               "If you do not, we may end your agreement with a default notice. Free, confidential debt advice is available and we will hold our action for 30 days while you get it."),
        ledger=history(rng, owed, date, ("Purchases", "Interest", "Late fee", "Interest"), "Payment received"),
    )  # fmt: skip
    return compose(rng, i, ("important", "ledger2"), letter)


def claim_form(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    claimed = balance(rng, 90_000, 1_200_000)
    fee, costs = rng.choice((8_000, 11_500, 20_500, 45_500)), rng.choice((8_000, 10_000, 11_000))
    total = claimed + fee + costs
    ref = f"CCF/{digits(rng, 6)}"
    claim = f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 3)}"
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="Claim Form - money claim", date=date, sh=sh,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Claim no.", ref=claim,
        summary=[("Claimant", CLAIMANT.name), ("Claimant's own ref.", ref), ("Amount claimed", sh.amount(claimed)), ("Court fee", sh.amount(fee)),
                 ("Legal rep's costs", sh.amount(costs)), ("Total amount", sh.amount(total)), ("Deemed served", sh.when(served)), ("Your response due", sh.when(by))],
        paras=(f"{CLAIMANT.name} (the claimant, reference {ref}) has issued a claim against you in the County Court at Workington under claim number {claim}.",
               f"The claimant says you owe {sh.amount(claimed)} under a car finance agreement. With the court fee of {sh.amount(fee)} and costs of {sh.amount(costs)}, the total amount claimed is {sh.amount(total)}.",
               f"This form is treated as served on {sh.when(served)}. Your response must reach the court by {sh.when(by)}. If it does not, the claimant may ask the court to enter judgment against you."),
        ticks=("I admit the full amount", "I admit part of the claim", "I dispute the whole claim"),
    )  # fmt: skip
    return compose(rng, i, ("landscape", "window"), letter)


def judgment(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 50_000, 1_400_000)
    ref = f"FVL{digits(rng, 7)}"
    claim = f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 3)}"
    monthly = rng.choice((3_000, 4_500, 6_000, 12_000))
    by = later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 2 == 0 else {}
    pay = (f"You must pay the claimant {sh.amount(owed)} on or before {sh.when(by)}."
           if i % 2 == 0 else f"You must pay the claimant {sh.amount(owed)} by instalments of {sh.amount(monthly)} a month, the first payment reaching them within 30 days.")  # fmt: skip
    summary = [
        ("Claimant", VANS.name),
        ("Claimant's reference", ref),
        ("Judgment sum", sh.amount(owed)),
    ]
    summary += (
        [("Whole sum payable by", sh.when(by))]
        if i % 2 == 0
        else [("Instalments", f"{sh.amount(monthly)} monthly")]
    )
    letter = Letter(
        org=JUDGMENT_COURT, title="Default judgment for the claimant", date=date, sh=sh,
        truth=owes(C.COUNTY_COURT_JUDGMENT, VANS.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Claim no.", ref=claim,
        summary=summary,
        paras=(f"No response was filed to the claim brought by {VANS.name} (reference {ref}), so judgment has been entered for the claimant in claim {claim}.",
               f"{pay} Do not send payments to the court.",
               "If the judgment is not paid in full within one month it will be entered on the Register of Judgments, Orders and Fines, and the claimant may enforce it."),
    )  # fmt: skip
    return compose(rng, i, ("window", "important"), letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    order = balance(rng, 25_000, 240_000)
    owed = order + 7_500
    case, by = f"CGE-{digits(rng, 7)}", later(date, 7)
    council_ref = f"{digits(rng, 9)}"
    letter = Letter(
        org=ENFORCER, title="Notice of enforcement (Taking Control of Goods Regulations 2013)", date=date, sh=sh,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, COUNTY.name, case, owed, date, deadline_date=by),
        ref_label="Our case no.", ref=case,
        summary=[("Client", COUNTY.name), ("Liability order sum", sh.amount(order)), ("Fee at compliance stage", sh.amount(7_500)),
                 ("Outstanding with fees", sh.amount(owed)), ("Act before", sh.when(by))],
        paras=(f"{COUNTY.name} has instructed us to recover council tax under a liability order (their account {council_ref}). Quote our case number {case} whenever you contact us.",
               f"The liability order was for {sh.amount(order)}; the compliance fee of {sh.amount(7_500)} has been added, so {sh.amount(owed)} is now outstanding.",
               f"Pay in full or agree an arrangement by {sh.when(by)}. If you do not, an enforcement agent may attend to take control of goods and a further fee will be added."),
    )  # fmt: skip
    return compose(rng, i, ("landscape", "important"), letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 520_000, 2_600_000)
    ref = f"DAM{digits(rng, 5)}"
    by = later(date, 21)
    letter = Letter(
        org=MERCHANT, title="Statutory Demand (debt for a liquidated sum payable immediately)", date=date, sh=sh,
        truth=owes(C.STATUTORY_DEMAND, MERCHANT.name, ref, owed, date, deadline_date=by),
        ref_label="Trade account no.", ref=ref,
        summary=[("Debt demanded of you", sh.amount(owed)), ("Comply on or before", sh.when(by))],
        paras=(f"{MERCHANT.name} (the creditor) supplied feed, fencing and fertiliser to you on credit under trade account {ref}, and the invoices have not been paid.",
               f"The creditor demands payment of {sh.amount(owed)}, which is due now. You must pay it, or secure or compound for it to the creditor's satisfaction, by {sh.when(by)} (21 days after service).",
               "If you do not, the creditor may present a bankruptcy petition. You may apply to the court to set this demand aside within 18 days of service. Seek advice immediately."),
    )  # fmt: skip
    return compose(rng, i, ("important", "window"), letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    org, sh, date = COUNCILS[i % 2], shapes(rng), dated(rng)
    ref, by = f"{digits(rng, 8)}", later(date, 7)
    year_total = balance(rng, 120_000, 310_000)
    instalment = year_total // 10
    owed = instalment * rng.choice((1, 2, 3))
    due = owed // instalment + rng.randrange(2, 5)
    entries: list[Entry] = []
    for n in range(due):
        day = later(date, -30 * (due - n) + 3)
        entries.append(Entry(day, "Instalment due", debit=instalment))
        if n < due - owed // instalment:
            entries.append(Entry(later(day, 2), "Payment - thank you", credit=instalment))
    letter = Letter(
        org=org, title="Reminder: Council Tax instalments in default", date=date, sh=sh,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Taxpayer account ref.", ref=ref,
        summary=[("Instalments in default", sh.amount(owed)), ("Seven days to pay - by", sh.when(by))],
        paras=("Your Council Tax instalments are not up to date.",
               f"You have missed instalments amounting to {sh.amount(owed)}. Pay this by {sh.when(by)} and you may carry on paying by instalments.",
               "If you do not, you will lose that right and the council may ask the magistrates' court for a summons, which adds costs."),
        ledger=settle(owed, entries, "Payment - thank you"),
    )  # fmt: skip
    return compose(rng, i, ("ledger", "landscape"), letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 5_000, 70_000)
    ref, by = f"{digits(rng, 10)}", later(date, 14)
    rate, standing = rng.randrange(2_100, 3_000), rng.randrange(4_500, 6_200)
    letter = Letter(
        org=ENERGY, title="Electricity bill for the quarter", date=date, sh=sh,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Customer no.", ref=ref,
        summary=[("Price per unit", f"{rate / 100:.2f}p per kWh"), ("Daily standing charge", f"{standing / 100:.2f}p a day"),
                 ("This bill comes to", sh.amount(owed)), ("Due for payment", sh.when(by))],
        paras=("This bill covers the electricity used at your home over the last quarter, from the readings we took.",
               f"At {rate / 100:.2f}p per kWh, with a standing charge of {standing / 100:.2f}p a day, the total to pay is {sh.amount(owed)}. Please pay by {sh.when(by)}.",
               "If you are worried about paying, call us: we can set up a plan you can afford."),
        ledger=history(rng, owed, date, ("Electricity charges", "Standing charges", "Electricity charges"), "Direct debit"),
    )  # fmt: skip
    return compose(rng, i, ("window", "ledger2"), letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 14_000, 150_000)
    ref, by = f"TTW{digits(rng, 8)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Unpaid water and sewerage charges", date=date, sh=sh,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Water account ref", ref=ref,
        summary=[("Arrears to date", sh.amount(owed)), ("Let us know by", sh.when(by))],
        paras=("The charges for water and sewerage at your address have not been paid, despite our earlier reminders.",
               f"Arrears of {sh.amount(owed)} remain on your account. Please pay or contact us by {sh.when(by)} so that we can agree a plan or check whether a reduced tariff could help.",
               "If we do not hear from you, we will pass the debt to a collection agency."),
        ledger=history(rng, owed, date, ("Half-year charges", "Half-year charges", "Reminder fee"), "Payment received"),
    )  # fmt: skip
    return compose(rng, i, ("ledger", "important"), letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 10_000, 170_000)
    ref, by = f"{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 6)}", later(date, 14)
    letter = Letter(
        org=MAGISTRATES, title="Final reminder - fine account", date=date, sh=sh,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Fine account no.", ref=ref,
        summary=[("Still to pay on fine", sh.amount(owed)), ("Last date for payment", sh.when(by))],
        paras=("The court ordered you to pay a fine, prosecution costs and a victim surcharge. Your payments have stopped.",
               f"{sh.amount(owed)} remains to be paid. You must pay it in full by {sh.when(by)} or contact the fines office.",
               "If you do not, the court may deduct the money from your earnings or benefits, or issue a warrant to enforcement agents."),
        ticks=("I will pay in full", "I want to make an offer", "My circumstances have changed"),
    )  # fmt: skip
    return compose(rng, i, ("landscape", "window"), letter)


def assignment(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 35_000, 850_000)
    ref, old = f"HDP{digits(rng, 8)}", f"WHC{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="We now own your Weardale Home Credit account", date=date, sh=sh,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="New reference with us", ref=ref,
        summary=[("Lender who sold it", LENDER.name), ("Their old account no.", old), ("Balance bought", sh.amount(owed))],
        paras=(f"{LENDER.name} has assigned your agreement (their account {old}) to {BUYER.name}. From the date of this letter you owe the debt to us, not to them.",
               f"The amount assigned to us is {sh.amount(owed)}. We will not charge interest, and the terms of your agreement are otherwise unchanged.",
               f"Please quote your new customer reference {ref}. Any payment arrangement you had can continue: call us to move it."),
    )  # fmt: skip
    return compose(rng, i, ("window", "important"), letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 18_000, 480_000)
    ref = f"{letters(rng, 2)}{digits(rng, 6)}{letters(rng, 1)}"
    by = later(date, 28)
    letter = Letter(
        org=DWP, title="Overpayment of Jobseeker's Allowance", date=date, sh=sh,
        truth=owes(C.OVERPAYMENT, DWP.name, ref, owed, date, deadline_date=by),
        ref_label="DM debt ref.", ref=ref,
        summary=[("Overpaid benefit to repay", sh.amount(owed)), ("Get in touch by", sh.when(by))],
        paras=("We have decided that you were paid Jobseeker's Allowance you were not entitled to, because earnings from part-time work were not declared.",
               f"The overpayment you must repay is {sh.amount(owed)}. Please pay it or contact us by {sh.when(by)} to agree what you can afford.",
               "You can ask us to look at the decision again within one month. If you do not contact us, we may take the money from your benefits or earnings."),
        ledger=history(rng, owed, date, ("Overpaid JSA period 1", "Overpaid JSA period 2"), "Recovered from benefit"),
    )  # fmt: skip
    return compose(rng, i, ("important", "ledger"), letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 60_000, 850_000)
    monthly = rng.randrange(48_000, 150_000)
    ref = f"{digits(rng, 8)}/01"
    letter = Letter(
        org=SOCIETY, title="Missed mortgage payments", date=date, sh=sh,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Mortgage acct. no.", ref=ref,
        summary=[("Contractual monthly sum", sh.amount(monthly)), ("Mortgage arrears now", sh.amount(owed))],
        paras=("Your mortgage payments have not been made in full recently and we would like to help you put this right.",
               f"The arrears on your mortgage are now {sh.amount(owed)}, against a monthly payment of {sh.amount(monthly)}.",
               "Please call our mortgage support team. We will only consider taking possession of your home as a last resort."),
        ledger=settle(owed, [*(Entry(later(date, -75 + 30 * n), "Monthly payment due", debit=monthly) for n in range(3)),
                             Entry(later(date, -5), "Part payment", credit=monthly // 3)], "Payment received"),
    )  # fmt: skip
    return compose(rng, i, ("ledger2", "window"), letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 11_000, 320_000)
    weekly = rng.randrange(8_500, 15_500)
    ref = f"SCHT/{digits(rng, 5)}"
    entries = [Entry(later(date, -28 + 7 * n), "Rent", debit=weekly) for n in range(4)]
    entries.insert(
        2,
        Entry(
            later(date, -15), "Housing costs (UC)", credit=weekly * 2 - rng.randrange(500, 3_000)
        ),
    )
    letter = Letter(
        org=HOMES, title="Arrears on your tenancy", date=date, sh=sh,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Tenancy no.", ref=ref,
        summary=[("Rent charged weekly", sh.amount(weekly)), ("Arrears on rent account", sh.amount(owed))],
        paras=("We are writing about the rent on your home, which has not been paid in full.",
               f"Your rent arrears are {sh.amount(owed)}. Your weekly rent is {sh.amount(weekly)}. Please contact your tenancy income officer to agree how to clear the arrears.",
               "If your Universal Credit housing costs have changed, tell us. We can refer you to free money advice."),
        ledger=settle(owed, entries, "Payment received"),
        ticks=("I will clear the arrears", "I want to agree a plan", "Please call me"),
    )  # fmt: skip
    return compose(rng, i, ("ledger", "landscape"), letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 2_500, 160_000)
    by = later(date, 10)
    if i % 2 == 0:
        org, ref, title = CATALOGUE, f"TMO{digits(rng, 7)}", "Your Teesdale account needs attention"
        first = "Your catalogue account has missed its monthly payments and new orders are on hold."
    else:
        org, ref, title = THREE, f"P3-{digits(rng, 8)}", "Instalments not collected"
        first = "We could not take two of your instalments from your debit card, so your purchases are overdue."
    letter = Letter(
        org=org, title=title, date=date, sh=sh,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Customer no.", ref=ref,
        summary=[("Now overdue", sh.amount(owed)), ("Settle before", sh.when(by))],
        paras=(first,
               f"{sh.amount(owed)} is overdue. Please pay it before {sh.when(by)} to avoid a late fee and a mark on your credit file.",
               "If you cannot pay, let us know and we will stop late fees for 30 days while you get advice."),
        ledger=history(rng, owed, date, ("Order", "Order", "Late fee"), "Payment"),
    )  # fmt: skip
    return compose(rng, i, ("window", "ledger"), letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 70_000, 1_500_000)
    ref, ours, by = (
        f"AFL{digits(rng, 7)}",
        f"RL/{letters(rng, 3)}/{digits(rng, 4)}",
        later(date, 30),
    )
    letter = Letter(
        org=SOLICITORS, title="Letter before claim - pre-action protocol for debt claims", date=date, sh=sh,
        truth=owes(C.LETTER_OF_CLAIM, DOORSTEP.name, ref, owed, date, deadline_date=by),
        ref_label="Client's loan account", ref=ref,
        summary=[("We act for", DOORSTEP.name), ("Our matter ref", ours), ("Client's claim", sh.amount(owed)), ("Reply within 30 days, by", sh.when(by))],
        paras=(f"We are instructed by {DOORSTEP.name} in connection with your loan account {ref}. Please quote our reference {ours}.",
               f"Our client's statement of your account is set out here. It shows that {sh.amount(owed)} is owed. Please complete the reply form enclosed and return it to us by {sh.when(by)}.",
               "If you do not reply within 30 days, our client may start court proceedings against you without further warning. The information sheet and financial statement are enclosed."),
        ledger=history(rng, owed, date, ("Loan advanced", "Charges", "Default sum"), "Collection"),
    )  # fmt: skip
    return compose(rng, i, ("ledger2", "important"), letter)


# -- payslips, statements, benefits and the rest (their own layouts) ---------------------------


def payslip(rng: random.Random, i: int) -> Doc:
    """A three-part landscape slip (even) or a portrait slip (odd); "to date" figures."""
    org, date = EMPLOYERS[i % 2], dated(rng)
    when = rng.choice(DATE_SHAPES)
    frequency = ("four_weekly", "monthly", "weekly", "fortnightly")[i % 4]
    periods = {"weekly": 52, "fortnightly": 26, "four_weekly": 13, "monthly": 12}[frequency]
    basic = rng.randrange(35_000, 320_000)
    shift = rng.randrange(0, basic // 6)
    gross = basic + shift
    tax, ni, pension = (
        gross * rng.randrange(5, 17) // 100,
        gross * rng.randrange(3, 8) // 100,
        gross * 4 // 100,
    )
    net = gross - tax - ni - pension
    done = rng.randrange(3, periods)
    _, lines = person(rng)
    landscape = i % 2 == 0
    base = STYLES[(i + 1) % len(STYLES)]
    style = Style(base.face, base.point - 0.5 if landscape else base.point, landscape)
    page = Sheet(style)
    size = SMALL + 1
    pays = [("Basic", basic), ("Shift allowance", shift)]
    cuts = [("Income tax", tax), ("Nat. Insurance", ni), ("Pension 4%", pension)]
    if landscape:
        page.add(
            (
                t(0.05, org.name, True, size=style.point + 2),
                rt(0.95, "PAYSLIP - PRIVATE AND CONFIDENTIAL", True, size=size),
            )
        )
        page.add((t(0.05, f"{org.street}, {org.town}", size=SMALL),)).rule(0.04, 0.96).gap()
        left: list[Row] = [(t(0.05, "Employee", size=size),), (t(0.05, lines[0], True),), (),
                           (t(0.05, "Payroll no.", size=size),), (t(0.05, digits(rng, 6)),), (),
                           (t(0.05, "Tax code", size=size),), (t(0.05, "1257L"),), (),
                           (t(0.05, "Paid", size=size),), (t(0.05, FREQUENCY_SHOWN[frequency][0]),), (),
                           (t(0.05, "Payment date", size=size),), (t(0.05, when(date), True),)]  # fmt: skip
        middle: list[Row] = [
            (t(0.3, "Payments", True, size=size), rt(0.5, "Amount", True, size=size))
        ]
        middle += [(t(0.3, n), rt(0.5, plain(v))) for n, v in pays]
        middle += [(), (t(0.3, "Deductions", True, size=size), rt(0.5, "Amount", True, size=size))]
        middle += [(t(0.3, n), rt(0.5, plain(v))) for n, v in cuts]
        right: list[Row] = [
            (
                t(0.6, "Totals", True, size=size),
                rt(0.8, "This period", True, size=size),
                rt(0.95, "To date", True, size=size),
            )
        ]
        for name, value in (
            ("Gross pay", gross),
            ("Taxable pay", gross - pension),
            ("Tax paid", tax),
            ("NI paid", ni),
        ):
            right.append((t(0.6, name), rt(0.8, plain(value)), rt(0.95, plain(value * done))))
        right += [(), (t(0.6, "NET PAY", True), rt(0.8, money(net), True))]
        first = page.beside(left, middle, right)
        page.rects.append(Rect(first, first + len(left) - 1, 0.04, 0.27))
        page.rects.append(Rect(first, first + len(middle) - 1, 0.28, 0.52))
        page.rects.append(Rect(first, first + len(right) - 1, 0.58, 0.96))
    else:
        page.add((t(0.07, org.name, True, size=style.point + 3),))
        page.add(
            (t(0.07, f"{org.street}, {org.town}", size=SMALL), rt(0.93, "PAYSLIP", True))
        ).rule().gap()
        for a, b in ((("Name", lines[0]), ("Date paid", when(date))),
                     (("Payroll no.", digits(rng, 6)), ("Pay basis", FREQUENCY_SHOWN[frequency][0])),
                     (("Tax code", "1257L"), ("Period no.", str(done)))):  # fmt: skip
            page.add(
                (t(0.07, a[0], size=size), t(0.24, a[1]), t(0.55, b[0], size=size), t(0.7, b[1]))
            )
        page.gap()
        top = len(page.rows)
        page.add(
            (
                t(0.08, "Element", True, size=size),
                rt(0.6, "Amount £", True, size=size),
                rt(0.9, "Cumulative £", True, size=size),
            )
        )
        for name, value in pays:
            page.add((t(0.08, name), rt(0.6, plain(value)), rt(0.9, plain(value * done))))
        for name, value in cuts:
            page.add(
                (t(0.08, name), rt(0.6, "-" + plain(value)), rt(0.9, "-" + plain(value * done)))
            )
        page.rects.append(Rect(top, len(page.rows) - 1, 0.07, 0.93))
        page.gap()
        page.add(
            (
                t(0.08, "Gross for period"),
                rt(0.6, money(gross), True),
                t(0.65, "Gross to date", size=size),
                rt(0.9, plain(gross * done)),
            )
        )
        page.box(
            [(t(0.08, "Take-home pay", True), rt(0.6, money(net), True))], 0.07, 0.63, fill=232
        )
    page.gap()
    page.para(
        f"Net pay credited to your bank account on {when(date)}.", x=0.07 if not landscape else 0.05
    )
    _footer(page, org, 1, 1)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """Money out, money in and a "Cr"/"Dr" balance; over two pages on the odd documents."""
    date, when = dated(rng), rng.choice(DATE_SHAPES)
    style = STYLES[i % len(STYLES)]
    start = later(date, -31)
    running = rng.randrange(2_000, 150_000)
    items = [("Faster payment in - WAGES", 0, rng.randrange(50_000, 190_000)), ("Direct debit BLYTH QUAY", rng.randrange(4_000, 11_000), 0),
             ("Debit card CO-OP AMBLE", rng.randrange(700, 5_500), 0), ("Standing order SCHT RENT", rng.randrange(38_000, 68_000), 0),
             ("Cash machine ALNWICK", 3_000, 0), ("Direct debit CUMBERLAND CNCL", rng.randrange(8_000, 15_000), 0),
             ("Transfer in - SAVINGS", 0, rng.randrange(1_000, 6_000)), ("Debit card GREGGS", rng.randrange(250, 1_800), 0),
             ("Bill payment TEESDALE MO", rng.randrange(1_500, 6_000), 0)]  # fmt: skip
    org = BANK
    sheets: list[Sheet] = []
    page = Sheet(style)
    _head(page, org, style)
    _, lines = person(rng)
    page.add(*((t(0.07, x),) for x in lines)).gap()
    page.add(
        (t(0.07, "Current Account statement", True), rt(0.93, f"Statement date: {when(date)}"))
    )
    page.add((t(0.07, f"Sort code {digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}   Account {digits(rng, 8)}", size=SMALL + 1),
              rt(0.93, f"{slashed(start)} - {slashed(date)}", size=SMALL + 1))).gap()  # fmt: skip

    def cr(pence: int) -> str:
        return f"{plain(abs(pence))} {'Cr' if pence >= 0 else 'Dr'}"

    size = SMALL + 1
    head = (t(0.08, "Date", True, size=size), t(0.17, "Transaction", True, size=size), rt(0.62, "Money out", True, size=size),
            rt(0.76, "Money in", True, size=size), rt(0.92, "Balance", True, size=size))  # fmt: skip
    page.add(head).rule(0.07, 0.93)
    page.add(
        (
            t(0.08, f"{start:%d/%m}", size=size),
            t(0.17, "Start balance", size=size),
            rt(0.92, cr(running), size=size),
        )
    )
    split = 5 if i % 2 else len(items)
    for n, (what, out, into) in enumerate(items):
        if n == split:
            page.add(
                (t(0.17, "Continued on page 2", True, size=size), rt(0.92, cr(running), size=size))
            )
            _footer(page, org, 1, 2)
            sheets.append(page)
            page = Sheet(style)
            _head(page, org, style)
            page.add((t(0.07, "Current Account statement (page 2)", True),)).gap()
            page.add(head).rule(0.07, 0.93)
        running += into - out
        day = later(start, 2 + n * 3)
        page.add((t(0.08, f"{day:%d/%m}", size=size), t(0.17, what, size=size), rt(0.62, plain(out) if out else "", size=size),
                  rt(0.76, plain(into) if into else "", size=size), rt(0.92, cr(running), size=size)))  # fmt: skip
    page.rule(0.07, 0.93)
    page.add(
        (t(0.17, "End balance", True, size=size), rt(0.92, cr(running), True, size=size))
    ).gap()
    page.para(
        "An arranged overdraft is shown as Dr. Tell us at once about any payment you do not recognise.",
        x=0.07,
        size=SMALL + 1,
    )
    _footer(page, org, len(sheets) + 1, len(sheets) + 1)
    sheets.append(page)
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=sheets, style=style
    )


def benefit(rng: random.Random, i: int) -> Doc:
    """A PIP award (four-weekly, even: window letter) or a Child Benefit letter (weekly or
    four-weekly, odd: important box)."""
    date, sh = dated(rng), shapes(rng)
    if i % 2 == 0:
        daily = rng.choice((7_290, 10_885)) + rng.choice((0, 2_880, 7_605))
        paid = daily * 4
        letter = Letter(
            org=PIP, title="Personal Independence Payment - decision on your claim", date=date, sh=sh,
            truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=PIP.name, income_pence=paid, letter_date=date, frequency="four_weekly"),
            ref_label="National Ins. no.", ref=f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}",
            summary=[("Your weekly award", sh.amount(daily)), ("Paid", FREQUENCY_SHOWN["four_weekly"][0]), ("Each 4-week payment", sh.amount(paid))],
            paras=(f"We have looked at your claim for Personal Independence Payment and the {PIP.name} has decided that you are entitled to it from {sh.when(later(date, -30))}.",
                   f"Your weekly rate is {sh.amount(daily)}. We will pay you {sh.amount(paid)} {FREQUENCY_SHOWN['four_weekly'][1]}, in arrears, into your bank account.",
                   "Tell us straight away if your condition or your address changes."),
        )  # fmt: skip
        return compose(rng, i, ("window", "window"), letter)
    frequency = ("weekly", "four_weekly")[(i // 2) % 2]
    eldest = rng.choice((2_540, 2_605, 2_620))
    weekly = eldest + rng.choice((0, 1_680, 3_360))
    paid = weekly * (4 if frequency == "four_weekly" else 1)
    letter = Letter(
        org=HMRC, title="Child Benefit - your payments", date=date, sh=sh,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=HMRC.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="CHB reference", ref=f"CHB{digits(rng, 8)} {letters(rng, 2)}",
        summary=[("You will get", sh.amount(paid)), ("Paid how often", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"{HMRC.name} has worked out your Child Benefit for the children you told us about.",
               f"You will get {sh.amount(paid)} {FREQUENCY_SHOWN[frequency][1]}, paid into your account on a Monday or Tuesday.",
               "If you or your partner earn over the income threshold, you may have to pay some of it back through the High Income Child Benefit Charge."),
    )  # fmt: skip
    return compose(rng, i, ("important", "important"), letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: an optician's recall (window), a lifeboat raffle notice (landscape)."""
    sh, date = shapes(rng), dated(rng)
    when = later(date, 10 + rng.randrange(20))
    if i % 2 == 0:
        letter = Letter(
            org=OPTICIAN, title="Time for your eye test", date=date, sh=sh, truth=Truth(document_class=C.OTHER),
            ref_label="Patient no.", ref=digits(rng, 6), summary=[],
            paras=(f"It is two years since your last eye examination. We have kept an appointment for you on {sh.when(when)} at {rng.randrange(9, 17)}:{rng.choice(('00', '15', '30', '45'))}.",
                   "The test is free if you receive certain benefits. Please ring us if the time does not suit you."),
        )  # fmt: skip
        return compose(rng, i, ("window", "window"), letter)
    letter = Letter(
        org=LIFEBOAT, title="Summer raffle and open day", date=date, sh=sh, truth=Truth(document_class=C.OTHER),
        ref_label="Supporter no.", ref=digits(rng, 5), summary=[("Open day date", sh.when(when))],
        paras=(f"Our open day at the lifeboat station is on {sh.when(when)}, with boat tours and a barbecue on the harbour.",
               "Raffle tickets are enclosed; please return the stubs in the envelope provided. Thank you for supporting your local crew."),
        ticks=("I will come to the open day", "Please send more tickets", "Remove me from the list"),
    )  # fmt: skip
    return compose(rng, i, ("landscape", "landscape"), letter)


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
class USample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_u(per_class: int = 4, *, seed: int = 1066) -> list[USample]:
    """``per_class`` documents of every class, held out, family ``<class>:U``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, USample)


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, u_text, u_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class UScan:
    dpi: int
    skew: float
    """Degrees; 0.7-1.9 either way."""
    ink: int = 20
    paper: int = 253
    fold: bool = False
    """A grey crease across the middle of the sheet."""
    holes: bool = False
    """Two punched holes in the left margin."""
    threshold: int = 0
    """Black and white: every pixel darker than this is black, the rest white (0: grey)."""
    noise: float = 0.0
    blur: float = 0.0


SCANS = (
    UScan(dpi=150, skew=-0.7, ink=92, fold=True),
    UScan(dpi=300, skew=1.3, threshold=150, noise=0.0004),
    UScan(dpi=180, skew=-1.9, paper=240, holes=True, blur=0.45),
)


def render(sample: USample, n: int, scan: UScan, seed: int = 0) -> Image.Image:
    width, height = page_size(sample, scan.dpi)
    image = Image.new("L", (width, height), scan.paper)
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, scan.dpi)
    body = round(sample.style.point / 72 * scan.dpi)
    line = max(1, scan.dpi // 110)
    for rect in sample.rects[n] if sample.rects else ():
        y0 = tops[rect.first] - round(0.2 * body)
        y1 = tops[rect.last] + heights[rect.last] - round(0.2 * body)
        box = (round(rect.x0 * width), y0, round(rect.x1 * width), y1)
        if rect.fill is not None:
            pen.rectangle(box, fill=rect.fill)
        if rect.outline:
            pen.rectangle(box, outline=scan.ink, width=line)
    for rule in sample.rules[n] if sample.rules else ():
        y = tops[rule.row] - round(0.1 * body) if rule.row < len(tops) else tops[-1] + heights[-1]
        pen.line((round(rule.x0 * width), y, round(rule.x1 * width), y), fill=scan.ink, width=line)
    for p in PRINT.layout(sample, n, scan.dpi):
        pen.text((p.left, p.top), p.cell.text, fill=scan.ink, font=p.font)
    if scan.fold:
        y = height // 2 + random.Random(seed).randrange(-height // 8, height // 8)  # noqa: S311 - a crease
        pen.line(
            (0, y, width, y + height // 200), fill=scan.paper - 60, width=max(2, scan.dpi // 60)
        )
    if scan.holes:
        r = scan.dpi // 6
        for cy in (height // 3, 2 * height // 3):
            pen.ellipse((scan.dpi // 5 - r, cy - r, scan.dpi // 5 + r, cy + r), fill=30)
    if scan.noise:
        speckle(image, scan.noise, seed)
    if scan.blur:
        image = image.filter(ImageFilter.GaussianBlur(scan.blur))
    turned = image.rotate(
        scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=scan.paper
    )
    if scan.threshold:
        cut = scan.threshold
        turned = turned.point(lambda v: 0 if v < cut else 255)
    return turned


def u_scanned(sample: USample, index: int) -> tuple[bytes, str, UScan]:
    """Printed and scanned one of three ways: multi-page ones as one PDF; single pages as
    PNG (every other one without its resolution) or, one in three, as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 23 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or index % 3 == 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "USample",
    "build_u",
    "page_size",
    "printed_forms",
    "render",
    "u_pages",
    "u_scanned",
    "u_text",
    "values_in_text",
]
