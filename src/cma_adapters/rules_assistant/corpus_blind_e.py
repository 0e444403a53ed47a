# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``E``, written blind: a seventeenth measure of how the reader
generalises, in a seventeenth hand (after ``L`` to ``Z`` and ``G``; ``E`` is a letter the
corpus's own families A-D, H and K never took).

``E`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``,
``values_found``), the shared page engine (``corpus_print``), family G's module and tests
(for their conventions), the shared test helpers (``tests/unit/documents/blind_families.py``,
``tests/integration/ocr/blind_read.py``), the registration code of
``benchmarks/intake_accuracy.py`` and ``benchmarks/openai_accuracy.py`` and, by their
docstrings and by grep only, families A-Z and G (to avoid their settings, organisations,
wording, faces and scan effects) -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``, ``prose.py``,
``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``label_learning.py``, ``read_families.py``, ``ranker.py``,
``ranker_training.py``, the Tesseract extractor), its reading tests, nor any section of
benchmarks/OCR.md but its title. It is never used to write rules, to train or calibrate
the classifier or the field ranker (``build_corpus`` never yields it), nor to choose
models: it is measured, and only the aggregate figures go into benchmarks/OCR.md. Whoever
reads its individual misses to change the reader makes ``E`` no longer blind and must say
so there.

**E is no longer blind since round 20** (branch ``reader20``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on E
from then on is a training-side figure (benchmarks/OCR.md, "Round 20").

What differs from A-Z and G:

* who writes: bodies and firms of the South West of England and the West Midlands (the
  Black Country, the Lickey Hills, the Forest of Dean, the Polden and Brue levels, the
  Culm and Chew valleys, the Exe and the Otter), none named by an earlier family: a card
  company in Stroud and a lender in Wells, a van lender in Tipton suing in the County
  Court at Halesowen, a groundworker's judgment from the County Court at Yeovil, Clent
  Hills District Council and its enforcement agents, a stone and timber merchant's
  statutory demand in Cinderford, Culm Valley and Chew Valley councils, an energy supplier
  on Weston Bay, a water company of the Exe and the Otter, Tame Valley magistrates, a
  Bromsgrove lender and the Digbeth debt buyer it sold to, Culm Valley's Housing Benefit
  overpayments, a building society on the Kennet and Avon canal, a Sandwell housing
  association, a Cradley Heath catalogue and a Bristol pay-in-four firm, solicitors in
  Axbridge for a Glastonbury roofer, a spring works and a creamery as employers, a bank of
  the Clifton Downs, Carer's Allowance and Attendance Allowance, a walking club and a
  canal rowing club;
* six ways of setting a document, each class in two of them (``i`` even / odd):
  - **key points**: a numbered list at the top of the letter, before the greeting, each
    point a short heading and its answer ("1. Who is writing to you: ...", "2. Your
    reference: ...", "3. What you owe now: ...");
  - **two panels**: a notice printed on A4 landscape in two panels under one heading, the
    explanation on the left and "Your figures in brief" on the right (each label above its value),
    a rule between them;
  - **grey boxes**: a form whose every label sits in a grey box and its value in a white
    ruled box beside it;
  - **payment history**: an arrears letter with a small "Payments over the last four months" table
    (month, due, paid) and the sum owed stated only in a sentence;
  - **questions table**: a "Key information" table of two ruled columns, the first a
    question ("How much do I owe?"), the second its answer;
  - **contact sidebar**: a tall shaded column of ways to get in touch (telephone, lines
    open, text relay, online, post) down the left edge, the letter to its right;
  payslips as a grey-box form or a slip with year-to-date figures; bank statements one or
  two pages with a contact sidebar or a plain header; Carer's Allowance and Attendance
  Allowance letters;
* faces: pairings no family used: URW Gothic Book bodies under Caladea Bold headings,
  Nimbus Roman bodies under Open Sans Bold headings and Nimbus Sans bodies under URW
  Bookman Demi headings, 9.5 to 10.5 pt;
* dates as "4 December 2026", "04/12/2026", "4th December 2026" and "Fri 4 Dec 2026",
  one shape a document, and the one unusual shape "4th of Dec 2026" in the questions
  tables' answers; amounts as "£1,234.56" and, in tables, "1,234.56";
* scans new to the families: a page scanned through a clear plastic punched pocket (a
  glare band across it, a sheen, the pocket's punched strip down the left; JPEG without a
  resolution), a page fed off-centre whose right edge is cut off by a few millimetres (no
  value lost; PNG) and a thermal-paper fax faded unevenly (browned paper, the print paling
  towards one side and in patches; PDF).

Ground truth follows L's to G's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference, on a claim form and a judgment the claimant's reference);
``balance_pence`` what is owed now; ``letter_date`` the document's own date;
``deadline_date`` and ``served_date`` only where printed. Payslips give the employer, net
and gross pay, pay date and frequency; benefit letters the payer, the amount paid each
time, the date and the frequency; a bank statement its date.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Callable, Sequence
from itertools import zip_longest

import attrs
from attrs import frozen
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from cma_adapters.rules_assistant.corpus import (
    C,
    Row,
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
    ct,
    rt,
    t,
)
from cma_core.documents.model import DocumentClass

FAMILY = "E"

PEOPLE = (
    ("Mrs", "Glenys", "Pargeter-Vowles"),
    ("Mr", "Declan", "Hemming-Oakes"),
    ("Ms", "Aaliyah", "Brettell-Cox"),
    ("Mr", "Hywel", "Sandercock-Bird"),
)
ADDRESSES = (
    ("14 Lye Waste Lane", "Stourport-on-Severn", "DY13 9LQ"),
    ("Flat 3, 88 Bearwood Hill", "Smethwick", "B66 4HT"),
    ("2 Withy Bed Cottages", "Langport", "TA10 9PR"),
    ("47 Pennywell Terrace", "Bideford", "EX39 3JU"),
)

# -- date and money shapes -------------------------------------------------------------------


def day_month(date: dt.date) -> str:
    """4 December 2026"""
    return f"{date.day} {date:%B} {date.year}"


def slashed(date: dt.date) -> str:
    """04/12/2026"""
    return f"{date:%d}/{date:%m}/{date.year}"


def ordinal(day: int) -> str:
    return (
        f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"
    )


def nth_month(date: dt.date) -> str:
    """4th December 2026"""
    return f"{ordinal(date.day)} {date:%B} {date.year}"


def short_day(date: dt.date) -> str:
    """Fri 4 Dec 2026"""
    return f"{date:%a} {date.day} {date:%b} {date.year}"


def nth_of(date: dt.date) -> str:
    """4th of Dec 2026 (the questions tables' answers)"""
    return f"{ordinal(date.day)} of {date:%b} {date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (
    day_month,
    slashed,
    nth_month,
    short_day,
    nth_of,
)
UK_SHAPES = DATE_SHAPES[:4]


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Weekly", "each week"),
    "fortnightly": ("Fortnightly", "each fortnight"),
    "four_weekly": ("Every four weeks", "once every four weeks"),
    "monthly": ("Monthly", "each calendar month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways E prints a true value (to check it is on the page, or in an OCR text)."""
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

SMALL = 7.5
GREY_LABEL = 214
"""The grey of a grey-box form's label boxes."""
SIDEBAR = 232
"""The contact sidebar's shade."""
_CX = "/usr/share/fonts/truetype/crosextra/"
_URW = "/usr/share/fonts/opentype/urw-base35/"
_OS = "/usr/share/fonts/truetype/open-sans/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "gothic": {
        (False, False): _URW + "URWGothic-Book.otf",
        (True, False): _CX + "Caladea-Bold.ttf",
        (False, True): _URW + "URWGothic-BookOblique.otf",
        (True, True): _CX + "Caladea-BoldItalic.ttf",
    },
    "roman": {
        (False, False): _URW + "NimbusRoman-Regular.otf",
        (True, False): _OS + "OpenSans-Bold.ttf",
        (False, True): _URW + "NimbusRoman-Italic.otf",
        (True, True): _OS + "OpenSans-BoldItalic.ttf",
    },
    "sans": {
        (False, False): _URW + "NimbusSans-Regular.otf",
        (True, False): _URW + "URWBookman-Demi.otf",
        (False, True): _URW + "NimbusSans-Italic.otf",
        (True, True): _URW + "URWBookman-DemiItalic.otf",
    },
}
"""Each body face under headings of another family: URW Gothic Book under Caladea Bold,
Nimbus Roman under Open Sans Bold, Nimbus Sans under URW Bookman Demi
(``fonts-urw-base35``, ``fonts-crosextra-caladea``, ``fonts-open-sans``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "gothic"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("gothic", 9.5), Style("roman", 10.5), Style("sans", 10.0))


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []

    def rule(self, x0: float = 0.08, x1: float = 0.92, *, dashed: bool = False) -> Sheet:
        """A rule over the next row added."""
        self.rules.append(Rule(len(self.rows), x0, x1, dashed))
        return self


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def balance(rng: random.Random, low: int = 6_000, high: int = 690_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    """A working day (a letter is printed Monday to Friday)."""
    date = dt.date(2025, 3, 3) + dt.timedelta(days=rng.randrange(660))
    return date - dt.timedelta(days=max(0, date.weekday() - 4))


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The line at the foot of every page ("" for a public body)."""
    team: str = "Customer Accounts"
    site: str = ""
    """The writer's web address (the contact sidebar)."""


Fact = tuple[str, "str | dt.date", str]
"""(label, value, the question a questions table asks for it)."""


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the facts
    (label, value (a date shaped by the setting), the question that asks for it; the sum owed first where there is
    one); ``paras`` the prose, stating every fact in a sentence; ``owed`` the sum owed
    (a payment history's instalments are drawn from it); ``signed`` who signs."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[Fact]
    paras: Sequence[str]
    owed: int = 0
    signed: str = ""


def person(rng: random.Random) -> tuple[tuple[str, str, str], list[str]]:
    """((title, first name, surname), address lines)."""
    title, first, surname = rng.choice(PEOPLE)
    return (title, first, surname), [f"{title} {first} {surname}", *rng.choice(ADDRESSES)]


def _foot(page: Sheet, org: Org, n: int, of: int, x: float = 0.08, right: float = 0.92) -> None:
    page.foot = len(page.rows)
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    rows = page.wrapped(text, x, right - 0.14, size=SMALL - 1)
    page.add((*rows[0], rt(right, f"Page {n} of {of}", size=SMALL - 1)), *rows[1:])


def _address(page: Sheet, rng: random.Random, x: float = 0.08) -> str:
    (title, _, surname), lines = person(rng)
    page.add(*((t(x, line),) for line in lines)).gap()
    return f"{title} {surname}"


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _head(page: Sheet, org: Org, style: Style) -> None:
    """The name on the left, the address and telephone set right beside it."""
    page.add((t(0.08, org.name, True, size=style.point + 3), rt(0.92, org.street, size=SMALL)))
    page.add((rt(0.92, org.town, size=SMALL),), (rt(0.92, f"Telephone {org.phone}", size=SMALL),))


def side_by_side(left: Sequence[Row], right: Sequence[Row]) -> list[Row]:
    """Two columns of rows set side by side, row by row."""
    return [(*a, *b) for a, b in zip_longest(left, right, fillvalue=())]


# -- the six settings ---------------------------------------------------------------------------


def _key_points(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A numbered list of the key points at the top, before the greeting."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.rule().gap()
    salutation = _address(page, rng)
    page.add((t(0.08, letter.when(letter.date)),)).gap()
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, "The key points", True),))
    points = [("Who is writing to you", org.name), (f"Your {letter.ref_label}", letter.ref)]
    points += [(label, _show(letter, value)) for label, value, _ in letter.facts]
    for n, (label, value) in enumerate(points, start=1):
        page.add((t(0.1, f"{n}."), t(0.14, f"{label}:"), t(0.56, value, True)))
    page.gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    page.add((t(0.08, "Yours sincerely"),)).gap()
    page.add((t(0.08, letter.signed or org.team, True),))
    _foot(page, org, 1, 1)
    return [page]


def _panels(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A4 landscape in two panels: the explanation on the left, the figures on the right."""
    org = letter.org
    style = attrs.evolve(style, landscape=True)
    page = Sheet(style)
    page.add(
        (
            t(0.06, org.name, True, size=style.point + 3),
            rt(0.94, f"{org.street}, {org.town}  ·  {org.phone}", size=SMALL),
        )
    )
    page.rule(0.06, 0.94).gap()
    left = Sheet(style)
    (title, _, surname), lines = person(rng)
    left.add(*((t(0.06, line),) for line in lines)).gap()
    left.add((t(0.06, letter.title, True),)).gap()
    left.add((t(0.06, f"Dear {title} {surname},"),)).gap()
    _prose(left, letter.paras, x=0.06, right=0.52)
    left.add((t(0.06, letter.signed or org.team, True),))
    right = Sheet(style)
    right.add((t(0.6, "Your figures in brief", True, size=style.point + 1),)).gap()
    for label, value in [("Date of this notice", letter.when(letter.date)), (letter.ref_label, letter.ref),
                         *((label, _show(letter, value)) for label, value, _ in letter.facts)]:  # fmt: skip
        right.add((t(0.6, label, size=SMALL + 1),), (t(0.6, value, True),))
    first = len(page.rows)
    page.add(*side_by_side(left.rows, right.rows))
    page.rects.append(Rect(first, len(page.rows) - 1, 0.56, 0.5615, False, 120))
    _foot(page, org, 1, 1, x=0.06, right=0.94)
    return [page]


def _grey_boxes(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Each label in a grey box, its value in a white ruled box beside it."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.rule().gap()
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title.upper(), True),)).gap()
    pairs = [("Form issued on", letter.when(letter.date)), (letter.ref_label, letter.ref),
             *((label, _show(letter, value)) for label, value, _ in letter.facts)]  # fmt: skip
    for label, value in pairs:
        row = len(page.rows)
        page.add((t(0.1, label, size=SMALL + 1.5), t(0.47, value, True)))
        page.rects.append(Rect(row, row, 0.08, 0.44, False, GREY_LABEL))
        page.rects.append(Rect(row, row, 0.45, 0.92, True, None))
    page.gap()
    page.add((t(0.08, f"Dear {salutation}"),)).gap()
    _prose(page, letter.paras)
    page.add((t(0.08, letter.signed or org.team, True),))
    _foot(page, org, 1, 1)
    return [page]


def _history(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """An arrears letter with a small table of recent payments; the sum owed only in a
    sentence (the facts after the first in a short list)."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    salutation = _address(page, rng)
    page.add((t(0.08, f"{letter.ref_label}: {letter.ref}"), rt(0.92, letter.when(letter.date))))
    page.gap()
    page.add((t(0.08, f"Dear {salutation}"),)).gap()
    page.add((t(0.08, letter.title, True),)).gap()
    _prose(page, letter.paras[:2])
    size = SMALL + 1.5
    page.add((t(0.12, "Payments over the last four months", True, size=size),))
    page.add(
        (
            t(0.12, "Month", True, size=size),
            rt(0.5, "Due", True, size=size),
            rt(0.7, "Paid", True, size=size),
        )
    )
    page.rule(0.12, 0.72)
    due = max(1_000, (letter.owed // rng.randrange(3, 7)) // 100 * 100)
    for back in range(4, 0, -1):
        month = later(letter.date, -30 * back)
        paid = rng.choice((0, due // 2, due // 4, 0))
        page.add(
            (
                t(0.12, f"{month:%B %Y}", size=size),
                rt(0.5, plain(due), size=size),
                rt(0.7, plain(paid), size=size),
            )
        )
    page.gap()
    for label, value, _ in letter.facts[1:]:
        page.add((t(0.08, label), t(0.56, _show(letter, value), True)))
    page.gap()
    _prose(page, letter.paras[2:])
    page.add((t(0.08, "Yours sincerely"),), (t(0.08, letter.signed or org.team, True),))
    _foot(page, org, 1, 1)
    return [page]


def _questions(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A "Key information" table: a question in the first column, its answer beside it."""
    org = letter.org
    page = Sheet(style)
    page.add((ct(0.5, org.name, True, size=style.point + 2),))
    page.add((ct(0.5, f"{org.street}, {org.town}  ·  {org.phone}", size=SMALL),)).gap()
    salutation = _address(page, rng)
    page.add((t(0.08, letter.when(letter.date)),)).gap()
    page.add((t(0.08, letter.title, True),)).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras[:1])
    page.add((t(0.08, "Key information", True),))
    size = SMALL + 1.5
    first = len(page.rows)
    page.add((t(0.1, "Your question", True, size=size), t(0.52, "Our answer", True, size=size)))
    page.rule(0.08, 0.92)
    asked = [(f"What is my {letter.ref_label.lower()}?", letter.ref),
             *((question, _show(letter, value, nth_of)) for _, value, question in letter.facts)]  # fmt: skip
    for question, answer in asked:
        page.add((t(0.1, question, size=size), t(0.52, answer, True, size=size)))
    page.rects.append(Rect(first, len(page.rows) - 1, 0.08, 0.92))
    page.rects.append(Rect(first, len(page.rows) - 1, 0.08, 0.5))
    page.gap()
    _prose(page, letter.paras[1:])
    page.add((t(0.08, "Yours sincerely"),), (t(0.08, letter.signed or org.team, True),))
    _foot(page, org, 1, 1)
    return [page]


def _show(
    letter: Letter, value: str | dt.date, shape: Callable[[dt.date], str] | None = None
) -> str:
    """A fact's value as printed: a date in the letter's shape (or ``shape``)."""
    if isinstance(value, dt.date):
        return (shape or letter.when)(value)
    return value


def _contacts(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A tall shaded column of ways to get in touch down the left edge, the letter to its
    right."""
    org = letter.org
    page = Sheet(style)
    size = SMALL + 0.5
    side: list[Row] = [(t(0.06, "Contact us", True),), ()]
    for head, entry in (("Telephone", org.phone), ("Lines open", "Mon-Fri 8am-6pm"), ("", "Sat 9am-1pm"),
                        ("Text relay", f"18001 {org.phone}"), ("Online", org.site or "-"),
                        ("Write to", org.street), ("", org.town)):  # fmt: skip
        if head:
            side.append((t(0.06, head, True, size=size),))
        side.append((t(0.06, entry, size=size),))
        if entry not in ("Mon-Fri 8am-6pm", org.street):
            side.append(())
    side += [(t(0.06, "Free debt advice:", True, size=size),), (t(0.06, "MoneyHelper", size=size),),
             (t(0.06, "0800 138 7777", size=size),)]  # fmt: skip
    body = Sheet(style)
    body.add((t(0.32, org.name, True, size=style.point + 2),)).gap()
    (title, _, surname), lines = person(rng)
    body.add(*((t(0.32, line),) for line in lines)).gap()
    body.add((t(0.32, letter.when(letter.date)),))
    body.add((t(0.32, f"{letter.ref_label}: {letter.ref}"),)).gap()
    body.add((t(0.32, letter.title, True),)).gap()
    body.add((t(0.32, f"Dear {title} {surname}"),)).gap()
    _prose(body, letter.paras[:2], x=0.32)
    for label, value, _ in letter.facts:
        body.add((t(0.34, label), rt(0.92, _show(letter, value), True)))
    body.gap()
    _prose(body, letter.paras[2:], x=0.32)
    body.add((t(0.32, "Yours sincerely"),), (t(0.32, letter.signed or org.team, True),))
    first = len(page.rows)
    page.add(*side_by_side(side, body.rows))
    page.rects.append(
        Rect(first, max(first + len(side), len(page.rows) - 1), 0.045, 0.28, False, SIDEBAR)
    )
    _foot(page, org, 1, 1)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "points": _key_points,
    "panels": _panels,
    "boxes": _grey_boxes,
    "history": _history,
    "questions": _questions,
    "contacts": _contacts,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.ref)) % len(STYLES)]
    sheets = KINDS[kinds[i % 2]](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=sheets[0].style)  # type: ignore[arg-type]


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    return rng.choice(UK_SHAPES)


# -- organisations (none named by an earlier family) -------------------------------------------


def _co(name: str, number: str, office: str, extra: str = "") -> str:
    return f"{name}, a company registered in England (no. {number}), registered office {office}.{extra}"


FCA = " Authorised and regulated by the Financial Conduct Authority."
CARD = Org("Frome Valley Card Services Ltd", "PO Box 6120", "Stroud GL5 9XB", "0330 051 4472",
           _co("Frome Valley Card Services Ltd", "10993218", "London Road, Stroud GL5 2AT", FCA), "Card Support", "cards.fromevalley.co.uk")  # fmt: skip
LOANS = Org("Cheddar Vale Lending Ltd", "Sadler Street", "Wells BA5 2RR", "01749 610 338",
            _co("Cheddar Vale Lending Ltd", "11870451", "Sadler Street, Wells BA5 2RR", FCA), "Arrears Team", "www.cheddarvalelending.co.uk")  # fmt: skip
CLAIMANT = Org("Black Country Van Finance Ltd", "Owen Street", "Tipton DY4 8HE", "0121 557 3109",
               _co("Black Country Van Finance Ltd", "09815526", "Owen Street, Tipton DY4 8HE", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court at Halesowen", "Money Claims, Mucklow Hill", "Halesowen B62 8DA", "0300 123 5577",
                  "HM Courts and Tribunals Service. Quote the claim number on every letter.", "Money Claims", "www.gov.uk/respond-money-claim")  # fmt: skip
GROUNDWORKS = Org("Polden Ridge Groundworks Ltd", "Ashcott Road", "Street BA16 0QP", "01458 442 907",
                  _co("Polden Ridge Groundworks Ltd", "07384412", "Ashcott Road, Street BA16 0QP"))  # fmt: skip
JUDGMENT_COURT = Org("County Court at Yeovil", "Court Office, Petters Way", "Yeovil BA20 1SW", "0300 123 5577",
                     "HM Courts and Tribunals Service. Pay the claimant, not the court.", "Court Office", "www.gov.uk/county-court-judgments")  # fmt: skip
CLENT = Org("Clent Hills District Council", "Revenues, Council House, Great Cornbow", "Halesowen B63 3AB", "0121 550 7740",
            team="Revenues and Benefits", site="myaccount.clenthills.gov.uk")  # fmt: skip
AGENTS = Org("Clent Edge Enforcement Ltd", "PO Box 5106", "Kidderminster DY10 9RG", "01562 740 118",
             _co("Clent Edge Enforcement Ltd", "12618830", "Mill Street, Kidderminster DY11 6XG", " Certificated enforcement agents."), "Case Management", "pay.clentedge.co.uk")  # fmt: skip
MERCHANT = Org("Forest of Dean Stone and Timber Ltd", "Valley Road", "Cinderford GL14 2PD", "01594 823 561",
               _co("Forest of Dean Stone and Timber Ltd", "04717392", "Valley Road, Cinderford GL14 2PD"), "Trade Credit", "www.deanstoneandtimber.co.uk")  # fmt: skip
COUNCILS = (
    Org("Culm Valley District Council", "Council Tax, Station Road", "Cullompton EX15 1BW", "01884 237 410", team="Council Tax", site="my.culmvalley.gov.uk"),
    Org("Chew Valley Borough Council", "Council Tax, Riverside", "Keynsham BS31 1LA", "01225 396 280", team="Council Tax", site="myaccount.chewvalley.gov.uk"),
)  # fmt: skip
ENERGY = Org("Weston Bay Power and Gas Ltd", "PO Box 8812", "Weston-super-Mare BS23 9QJ", "0800 085 3316",
             _co("Weston Bay Power and Gas Ltd", "13517804", "Marine Parade, Weston-super-Mare BS23 1AL"), "Billing Team", "www.westonbayenergy.co.uk")  # fmt: skip
WATER = Org("Exe and Otter Water Ltd", "Countess Wear", "Exeter EX2 6LB", "0800 169 4471",
            _co("Exe and Otter Water Ltd", "03841176", "Countess Wear, Exeter EX2 6LB"), "Customer Debt Team", "www.exeandotterwater.co.uk")  # fmt: skip
MAGISTRATES = Org("Tame Valley Magistrates' Court", "Fines Unit, Lichfield Street", "Tamworth B79 7QD", "0300 790 4418",
                  "HM Courts and Tribunals Service - West Midlands fines collection.", "Fines Unit", "www.gov.uk/pay-court-fine-online")  # fmt: skip
LENDER = Org("Lickey Hills Loans Ltd", "Worcester Road", "Bromsgrove B61 7DL", "01527 880 214",
             _co("Lickey Hills Loans Ltd", "08120697", "Worcester Road, Bromsgrove B61 7DL", FCA))  # fmt: skip
BUYER = Org("Digbeth Credit Acquisitions Ltd", "PO Box 77310", "Birmingham B5 9RT", "0121 272 0455",
            _co("Digbeth Credit Acquisitions Ltd", "14338012", "Fazeley Street, Birmingham B5 5RS", FCA), "Customer Care", "www.digbethcredit.co.uk")  # fmt: skip
CULM_HB = Org("Culm Valley District Council", "Benefit Overpayments, Station Road", "Cullompton EX15 1BW", "01884 237 455",
              team="Overpayment Recovery", site="my.culmvalley.gov.uk")  # fmt: skip
SOCIETY = Org("Kennet and Avon Building Society", "PO Box 317", "Devizes SN10 9BE", "0345 140 2216",
              "Kennet and Avon Building Society, The Wharf, Devizes SN10 1EB, is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 206143).", "Payment Support", "www.kennetavon.co.uk")  # fmt: skip
HOMES = Org("Sandwell Brook Homes", "Income Team, High Street", "West Bromwich B70 8RJ", "0121 569 3318",
            "Sandwell Brook Homes is a registered provider of social housing (L4872) and a charitable community benefit society.", "Income Team", "www.sandwellbrook.org.uk")  # fmt: skip
CATALOGUE = Org("Cradley Heath Home Shopping Ltd", "Graingers Lane", "Cradley Heath B64 6AD", "0345 072 9931",
                _co("Cradley Heath Home Shopping Ltd", "06247713", "Graingers Lane, Cradley Heath B64 6AD", FCA), "Account Services", "www.cradleyhomeshopping.co.uk")  # fmt: skip
BNPL = Org("Splitfour Pay Ltd", "Temple Quay", "Bristol BS1 6DZ", "0117 403 2287",
           _co("Splitfour Pay Ltd", "15402218", "Temple Quay, Bristol BS1 6DZ", FCA), "Help Team", "app.splitfour.co.uk")  # fmt: skip
ROOFER = Org("Brue Valley Roofing Ltd", "Beckery Old Road", "Glastonbury BA6 9NX", "01458 831 640",
             _co("Brue Valley Roofing Ltd", "08904471", "Beckery Old Road, Glastonbury BA6 9NX"))  # fmt: skip
SOLICITORS = Org("Axbridge Cross Solicitors LLP", "Recoveries, The Square", "Axbridge BS26 2AP", "01934 732 118",
                 "Axbridge Cross Solicitors LLP (OC421756), The Square, Axbridge BS26 2AP, is authorised and regulated by the Solicitors Regulation Authority (no. 658841).", "Recoveries", "www.axbridgecross.co.uk")  # fmt: skip
EMPLOYERS = (
    Org("Bromsgrove Spring and Needle Works Ltd", "Wages, Sherwood Road", "Bromsgrove B60 3DR", "01527 872 606",
        _co("Bromsgrove Spring and Needle Works Ltd", "03511962", "Sherwood Road, Bromsgrove B60 3DR"), "Wages"),
    Org("Gorge Side Creamery Ltd", "Payroll, The Cliffs", "Cheddar BS27 3QE", "01934 743 220",
        _co("Gorge Side Creamery Ltd", "02965518", "The Cliffs, Cheddar BS27 3QE"), "Payroll"),
)  # fmt: skip
BANK = Org("Clifton Downs Bank plc", "Statements, Whiteladies Road", "Bristol BS8 2PH", "0345 602 7719",
           _co("Clifton Downs Bank plc", "01928843", "Whiteladies Road, Bristol BS8 2PH", " Eligible deposits are protected by the FSCS."), "Statements", "www.cliftondownsbank.co.uk")  # fmt: skip
CARERS = Org("Department for Work and Pensions", "Carer's Allowance Unit, Freepost DWP CA", "Preston PR1 1ZZ", "0800 731 0297",
             "Carer's Allowance is paid by the Department for Work and Pensions.", "Carer's Allowance Unit", "www.gov.uk/carers-allowance")  # fmt: skip
ATTENDANCE = Org("Department for Work and Pensions", "Attendance Allowance, Freepost DWP AA", "Wolverhampton WV98 2AD", "0800 731 0122",
                 "Attendance Allowance is paid by the Department for Work and Pensions.", "Attendance Allowance Unit", "www.gov.uk/attendance-allowance")  # fmt: skip
WALKERS = Org("Clee Hills Ramblers", "c/o 4 Tenbury Road", "Cleobury Mortimer DY14 8AB", "07700 900 512",
              "Clee Hills Ramblers is run by volunteers.", "Walks Secretary", "cleehillsramblers.org.uk")  # fmt: skip
ROWERS = Org("Lydney Harbour Canal Rowing Club", "The Boathouse, Harbour Road", "Lydney GL15 4ER", "07700 900 644",
             "Lydney Harbour Canal Rowing Club is a registered charity (no. 1102274).", "Club Captain", "lydneyrowing.org.uk")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A Stroud card company (key points) or a Wells lender (contact sidebar)."""
    when = _when(rng)
    date, owed = dated(rng), balance(rng)
    org = CARD if i % 2 == 0 else LOANS
    ref = (
        f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}"
        if i % 2 == 0
        else f"CVL{digits(rng, 6)}"
    )
    by = later(date, 14)
    letter = Letter(
        org=org, title="Please get in touch about your missed payments", date=date, when=when,
        truth=owes(C.CREDITOR_LETTER, org.name, ref, owed, date, deadline_date=by),
        ref_label="card number" if i % 2 == 0 else "loan account", ref=ref, owed=owed,
        facts=[("Behind by", pounds(owed), "How much have I fallen behind by?"), ("Please contact us before", by, "When do you need to hear from me?")],
        paras=("We have not received your last few payments and your account has fallen behind.",
               f"You now owe {pounds(owed)} in arrears. Please pay this, or ring us to set up an affordable plan, before {when(by)}.",
               "If you do not contact us we may send you a default notice, and missed payments are reported to the credit reference agencies. MoneyHelper gives free, confidential advice."),
    )  # fmt: skip
    return compose(rng, i, ("points", "contacts"), letter)


def _claim_no(rng: random.Random) -> str:
    return f"{letters(rng, 1)}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 4)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    when = _when(rng)
    date = dated(rng)
    claimed = balance(rng, 90_000, 1_200_000)
    fee, costs = rng.choice((11_500, 20_500, 45_500)), rng.choice((8_000, 10_000, 11_000))
    total = claimed + fee + costs
    ref, claim = f"BCVF{digits(rng, 6)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="A money claim has been made against you", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Claim no.", ref=claim, owed=total,
        facts=[("The claimant wants in total", pounds(total), "How much is claimed in all?"), ("Claim brought by", CLAIMANT.name, "Who is claiming?"),
               ("Claimant's own reference", ref, "What is the claimant's reference?"), ("Amount of the debt itself", pounds(claimed), "What is the debt itself?"),
               ("Court fee added", pounds(fee), "What was the court fee?"), ("Fixed costs of the claimant's solicitor", pounds(costs), "What costs are added?"),
               ("Counted as served on", served, "When was the claim served?"), ("Reply to the court no later than", by, "When must I reply?")],
        paras=(f"{CLAIMANT.name} (their reference {ref}) says you owe it money under a van hire purchase agreement and has started a claim.",
               f"The debt is {pounds(claimed)}; adding the court fee of {pounds(fee)} and costs of {pounds(costs)} the total claimed is {pounds(total)}.",
               f"The claim is treated as served on {when(served)}. Reply by {when(by)}, or the claimant can ask the court for judgment without a hearing."),
    )  # fmt: skip
    return compose(rng, i, ("boxes", "panels"), letter)


def judgment(rng: random.Random, i: int) -> Doc:
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 45_000, 1_250_000)
    ref, claim = f"PRG/{digits(rng, 5)}", _claim_no(rng)
    monthly, by = rng.choice((2_500, 5_000, 10_000)), later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    how = (f"to pay {pounds(owed)} to the claimant by {when(by)}" if extra
           else f"to pay {pounds(owed)} to the claimant in monthly instalments of {pounds(monthly)}")  # fmt: skip
    facts: list[Fact] = [("Judgment sum ordered", pounds(owed), "What sum did the court order?"), ("Judgment in favour of", GROUNDWORKS.name, "Who is the judgment for?"),
                         ("Claimant's own reference", ref, "What is the claimant's reference?")]  # fmt: skip
    facts.append(("Pay the whole amount by", by, "By when must I pay?") if extra
                 else ("Each monthly instalment", pounds(monthly), "How much is each instalment?"))  # fmt: skip
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment for the claimant: what you must now do", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, GROUNDWORKS.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Claim no.", ref=claim, facts=facts, owed=owed,
        paras=(f"You did not answer the claim made by {GROUNDWORKS.name} (reference {ref}), so judgment has been given against you.",
               f"The court has ordered you {how}.",
               "A judgment paid in full within a month is taken off the Register of Judgments, Orders and Fines; after that it stays on it for six years."),
    )  # fmt: skip
    return compose(rng, i, ("questions", "boxes"), letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    when = _when(rng)
    date = dated(rng)
    order = balance(rng, 20_000, 250_000)
    owed = order + 7_500
    case, by = f"CEE{digits(rng, 6)}", later(date, 7)
    letter = Letter(
        org=AGENTS, title="Council tax: your case is now with enforcement agents", date=date, when=when,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, CLENT.name, case, owed, date, deadline_date=by),
        ref_label="Our case file", ref=case, owed=owed,
        facts=[("Total now to pay", pounds(owed), "How much do I owe now?"), ("We collect this for", CLENT.name, "Who are you collecting for?"),
               ("Granted on the liability order", pounds(order), "What was the liability order for?"), ("Fee for the compliance stage", pounds(7_500), "What fee has been added?"),
               ("Pay in full or call us by", by, "When must I act?")],
        paras=(f"{CLENT.name} obtained a liability order for your unpaid council tax and has instructed us to collect it.",
               f"The liability order is for {pounds(order)}. A compliance fee of {pounds(7_500)} has been added, so you now owe {pounds(owed)}.",
               f"Pay in full, or call us to agree payments, by {when(by)}. If you do not, an enforcement agent may visit your home and further fees will be added."),
    )  # fmt: skip
    return compose(rng, i, ("contacts", "panels"), letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 520_000, 2_600_000)
    ref, by = f"FDST-{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=MERCHANT, title="Statutory demand: a debt payable immediately", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, MERCHANT.name, ref, owed, date, deadline_date=by),
        ref_label="stone and timber account", ref=ref, owed=owed,
        facts=[("The creditor demands", pounds(owed), "How much is demanded?"), ("Pay, secure or settle it within 21 days, by", by, "What is the last day to pay?")],
        paras=("Stone, timber and sundries were supplied to you on credit and the invoices are unpaid.",
               f"The creditor demands {pounds(owed)} and asks you to pay it, or secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition against you. You may apply to the court to set this demand aside within 18 days of its service."),
    )  # fmt: skip
    return compose(rng, i, ("points", "boxes"), letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    org = COUNCILS[i % 2]
    when = _when(rng)
    date = dated(rng)
    ref, by = f"{digits(rng, 8)}", later(date, 7)
    owed = rng.randrange(9_000, 24_000) + rng.randrange(9_000, 24_000)
    letter = Letter(
        org=org, title="Council Tax reminder: you have fallen behind", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Council Tax bill no.", ref=ref, owed=owed,
        facts=[("Arrears of Council Tax", pounds(owed), "How much have I fallen behind by?"), ("Bring your payments up to date by", by, "By when must I pay?")],
        paras=("Our records show that instalments of Council Tax on your account have not been paid.",
               f"You are behind by {pounds(owed)}. If you pay this by {when(by)} you can keep paying by instalments.",
               "If you do not, you lose the right to pay by instalments and we may ask the magistrates for a summons, which adds costs."),
    )  # fmt: skip
    return compose(rng, i, ("history", "questions"), letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    when = _when(rng)
    date = dated(rng)
    ref, by = f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 4)}", later(date, 14)
    owed = balance(rng, 4_500, 60_000)
    letter = Letter(
        org=ENERGY, title="Your energy statement for the quarter", date=date, when=when,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Gas and electricity account no.", ref=ref, owed=owed,
        facts=[("This quarter's charges", pounds(owed), "What do I have to pay this quarter?"), ("Please pay before", by, "When must this bill be paid?")],
        paras=("This statement covers the gas and electricity your home used over the last quarter.",
               f"Please pay {pounds(owed)} by {when(by)}.",
               "If you are finding it hard to pay, we can set up a payment plan or check whether you qualify for the Warm Home Discount."),
    )  # fmt: skip
    return compose(rng, i, ("panels", "points"), letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 11_000, 150_000)
    ref, by = f"EO{digits(rng, 8)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Your water bill is still unpaid", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Water and sewerage account", ref=ref, owed=owed,
        facts=[("Overdue water and sewerage", pounds(owed), "How much have I fallen behind by?"), ("Contact us no later than", by, "What is the last day to get in touch?")],
        paras=("We wrote to you recently about unpaid water charges, and they are still outstanding.",
               f"You owe us {pounds(owed)}. Please pay, or contact us no later than {when(by)} to spread the cost or to ask about our help schemes.",
               "If we do not hear from you we may pass your account to a debt collection agency, which could affect your credit rating."),
    )  # fmt: skip
    return compose(rng, i, ("history", "contacts"), letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 8_000, 170_000)
    ref, by = f"{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 6)}", later(date, 14)
    letter = Letter(
        org=MAGISTRATES, title="Fine arrears: the court needs payment", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Account no.", ref=ref, owed=owed,
        facts=[("Left to pay on your fine", pounds(owed), "How much is left to pay?"), ("Whole balance due by", by, "What is the last day to clear it?")],
        paras=("The court ordered you to pay a fine, costs and a victim surcharge, and your payments have stopped.",
               f"You still owe {pounds(owed)}. Please pay the full amount, or contact the Fines Unit, by {when(by)}.",
               "If you do not, the court may take the money from your wages or benefits, or send enforcement agents, and the amount can go up."),
    )  # fmt: skip
    return compose(rng, i, ("questions", "history"), letter)


def assignment(rng: random.Random, i: int) -> Doc:
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 26_000, 780_000)
    ref, old = f"DCA-{digits(rng, 7)}", f"LHL{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="We have bought your loan from Lickey Hills Loans", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="account with Digbeth", ref=ref, owed=owed,
        facts=[("Balance we bought", pounds(owed), "How much do I owe you?"), ("Who lent you the money first", LENDER.name, "Who did I borrow from?"),
               ("Your old loan number", old, "What was my old loan number?")],
        paras=(f"{LENDER.name} has sold and assigned your loan agreement {old} to us, so from now on you owe the money to us.",
               f"The balance assigned to us is {pounds(owed)}. We will not add any interest or charges.",
               "Please use your new account number whenever you pay or contact us. Any arrangement you had with the lender will continue."),
    )  # fmt: skip
    return compose(rng, i, ("points", "questions"), letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    when = _when(rng)
    date = dated(rng)
    weeks, weekly = rng.randrange(6, 40), rng.randrange(1_800, 9_500)
    owed = weeks * weekly
    ref, by = f"OP{digits(rng, 7)}", later(date, 21)
    letter = Letter(
        org=CULM_HB, title="Housing Benefit overpayment: how much you need to repay", date=date, when=when,
        truth=owes(C.OVERPAYMENT, CULM_HB.name, ref, owed, date, deadline_date=by),
        ref_label="Recovery invoice", ref=ref, owed=owed,
        facts=[("Housing Benefit to give back", pounds(owed), "How much Housing Benefit must I give back?"), ("Repay, or agree instalments, by", by, "By when must I act?")],
        paras=(f"We looked at your Housing Benefit again after your earnings went up, and you were paid too much for {weeks} weeks.",
               f"You need to repay {pounds(owed)}. Please pay it, or agree a repayment plan with us, by {when(by)}.",
               "If you disagree you can ask us to reconsider, or appeal, within one month of the date of this letter."),
    )  # fmt: skip
    return compose(rng, i, ("boxes", "history"), letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 60_000, 900_000)
    monthly = rng.randrange(42_000, 160_000)
    ref = f"KA{digits(rng, 7)}/{digits(rng, 2)}"
    letter = Letter(
        org=SOCIETY, title="We are worried about your mortgage payments", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Loan account on the mortgage", ref=ref, owed=owed,
        facts=[("Mortgage payments missed, in total", pounds(owed), "How far behind am I?"), ("Your monthly mortgage payment", pounds(monthly), "What is my usual monthly payment?")],
        paras=("Your mortgage payments have fallen behind, and we would like to help you put this right.",
               f"The arrears are {pounds(owed)}, and your usual monthly payment is {pounds(monthly)}.",
               "Please call our Payment Support team so that we can agree a plan together. Taking possession of your home is always a last resort."),
    )  # fmt: skip
    return compose(rng, i, ("history", "panels"), letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 9_000, 320_000)
    weekly = rng.randrange(9_500, 19_500)
    ref = f"SBH{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="You are behind with your rent", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Rent ledger no.", ref=ref, owed=owed,
        facts=[("Rent you owe", pounds(owed), "How much rent do I owe?"), ("Rent charged each week", pounds(weekly), "What rent do I pay each week?")],
        paras=("Your rent has not been paid in full for several weeks.",
               f"You owe {pounds(owed)} in rent arrears. Your weekly rent is {pounds(weekly)}. Please contact the Income Team to agree how you will pay the arrears.",
               "If your Universal Credit or your income has changed, let us know. We can put you in touch with free money advice."),
    )  # fmt: skip
    return compose(rng, i, ("history", "contacts"), letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 2_500, 140_000)
    by = later(date, 10)
    if i % 2 == 0:
        org, ref, title = (
            BNPL,
            f"SF{letters(rng, 2)}-{digits(rng, 6)}",
            "Your pay-in-four plan is behind",
        )
        first = (
            "We tried to take your last two instalments from your card, but both payments failed."
        )
    else:
        org, ref, title = (
            CATALOGUE,
            f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}",
            "Your home shopping account is in arrears",
        )
        first = "Your home shopping account is behind, so we have stopped new orders for now."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Plan or account no.", ref=ref, owed=owed,
        facts=[("Instalments you have missed", pounds(owed), "How much have I fallen behind by?"), ("Clear the missed instalments by", by, "By when must I catch up?")],
        paras=(first,
               f"You are {pounds(owed)} behind. Please pay this by {when(by)} to avoid late fees and a report to the credit reference agencies.",
               "If you are struggling, let us know and we will hold collection for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, ("contacts", "questions"), letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 60_000, 1_400_000)
    ref, by = f"BVR{digits(rng, 5)}", later(date, 30)
    letter = Letter(
        org=SOLICITORS, title="Letter before claim: Brue Valley Roofing Ltd", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, ROOFER.name, ref, owed, date, deadline_date=by),
        ref_label="Roofing invoice no.", ref=ref, owed=owed, signed="Axbridge Cross Solicitors LLP",
        facts=[("Our client's claim comes to", pounds(owed), "How much does your client say I owe?"), ("Acting for", ROOFER.name, "Who do you act for?"), ("Send the reply form back by", by, "How long do I have to reply?")],
        paras=(f"We are instructed by {ROOFER.name}, which repaired the roof at your property and invoiced you when the work was finished.",
               f"Our client claims {pounds(owed)}. Under the Pre-Action Protocol for Debt Claims, please fill in the reply form enclosed and return it to us by {when(by)}.",
               "If you do not respond, our client may start court proceedings without further warning and claim interest and costs."),
    )  # fmt: skip
    return compose(rng, i, ("panels", "points"), letter)


def payslip(rng: random.Random, i: int) -> Doc:
    """A grey-box payslip form (even) or a slip with year-to-date figures (odd)."""
    org, date = EMPLOYERS[i % 2], dated(rng)
    when = _when(rng)
    frequency = ("weekly", "monthly", "fortnightly", "four_weekly")[i % 4]
    scale = {"weekly": 1, "fortnightly": 2, "four_weekly": 4, "monthly": 4.33}[frequency]
    hours = round(37.5 * scale, 2)
    rate = rng.randrange(1_200, 2_100)
    basic = round(hours * rate)
    extra = rng.randrange(0, 8_500)
    gross = basic + extra
    tax, ni, pension = gross * 12 // 100, gross * 6 // 100, gross * 4 // 100
    net = gross - tax - ni - pension
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    style = STYLES[(i + 1) % len(STYLES)]
    page = Sheet(style)
    size = SMALL + 1.5
    page.add((t(0.08, org.name, True, size=style.point + 2), rt(0.92, "PAYSLIP", True)))
    page.add((t(0.08, f"{org.street}, {org.town}", size=SMALL),)).rule().gap()
    if i % 2 == 0:
        boxes = [("Employee", f"{first} {surname}"), ("Payroll no.", digits(rng, 6)), ("Pay date", when(date)),
                 ("Pay frequency", FREQUENCY_SHOWN[frequency][0]), ("Basic pay", plain(basic)), ("Overtime and shifts", plain(extra)),
                 ("Gross pay", plain(gross)), ("PAYE tax", plain(tax)), ("National Insurance", plain(ni)),
                 ("Pension", plain(pension)), ("Net pay", plain(net))]  # fmt: skip
        for label, value in boxes:
            row = len(page.rows)
            page.add(
                (
                    t(0.1, label, size=size),
                    t(0.47, value, label in ("Gross pay", "Net pay"), size=size),
                )
            )
            page.rects.append(Rect(row, row, 0.08, 0.44, False, GREY_LABEL))
            page.rects.append(Rect(row, row, 0.45, 0.92, True, None))
        page.gap()
        page.para(
            f"Net pay of {pounds(net)} has been paid to your bank account.", x=0.08, size=size
        )
    else:
        page.add((t(0.08, f"{first} {surname}", size=size), t(0.4, f"Paid {FREQUENCY_SHOWN[frequency][1]}", size=size),
                  rt(0.92, f"Pay date {when(date)}", size=size)))  # fmt: skip
        page.gap()
        page.add(
            (
                t(0.08, "", size=size),
                rt(0.6, "This period", True, size=size),
                rt(0.9, "Year to date", True, size=size),
            )
        )
        page.rule(0.08, 0.92)
        periods = rng.randrange(3, 9)
        for label, pence in (("Basic pay", basic), ("Overtime and shifts", extra), ("Gross pay", gross), ("PAYE tax", tax),
                             ("National Insurance", ni), ("Pension", pension), ("Net pay", net)):  # fmt: skip
            bold = label in ("Gross pay", "Net pay")
            page.add(
                (
                    t(0.08, label, bold, size=size),
                    rt(0.6, plain(pence), bold, size=size),
                    rt(0.9, plain(pence * periods), size=size),
                )
            )
        page.gap()
        page.add((t(0.08, f"Tax code 1257L   NI letter A   Hours {hours}", size=size),))
    _foot(page, org, 1, 1)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """One page with a contact sidebar's heading block (even) or a plain header (odd: two
    pages when ``i`` is 3)."""
    date = dated(rng)
    when = _when(rng)
    style = STYLES[i % len(STYLES)]
    start = later(date, -30)
    opening = rng.randrange(4_000, 150_000)
    items = [("BGC GORGE SIDE CREAMERY", 0, rng.randrange(90_000, 210_000)), ("DD WESTON BAY ENERGY", rng.randrange(5_000, 15_000), 0),
             ("POS CRIBBS CAUSEWAY", rng.randrange(900, 7_000), 0), ("SO SANDWELL BROOK HOMES", rng.randrange(40_000, 72_000), 0),
             ("ATM BROADMEAD", 2_000, 0), ("DD CHEW VALLEY BC", rng.randrange(9_000, 17_000), 0),
             ("FPI G PARGETER-VOWLES", 0, rng.randrange(1_500, 9_000)), ("POS FIRST BUS BRISTOL", rng.randrange(300, 1_800), 0),
             ("DD CRADLEY HOME SHOP", rng.randrange(2_500, 8_500), 0), ("DD EXE AND OTTER WATER", rng.randrange(2_800, 7_500), 0)]  # fmt: skip
    size = SMALL + 1
    head = (t(0.08, "Date", True, size=size), t(0.2, "Details", True, size=size), rt(0.6, "Money out", True, size=size),
            rt(0.75, "Money in", True, size=size), rt(0.92, "Balance", True, size=size))  # fmt: skip
    sort, account = f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}", digits(rng, 8)
    sheets: list[Sheet] = []
    page = Sheet(style)
    _head(page, BANK, style)
    page.rule().gap()
    _address(page, rng)
    page.add(
        (t(0.08, "Your Everyday Account statement", True), rt(0.92, f"Statement date {when(date)}"))
    )
    page.add((t(0.08, f"Sort code {sort}   Account number {account}", size=size),)).gap()
    if i % 2 == 0:
        page.add(
            (
                t(
                    0.08,
                    f"Questions about this statement? Call {BANK.phone} or visit {BANK.site}",
                    size=size,
                ),
            )
        ).gap()
    page.add(head).rule(0.08, 0.92)
    page.add(
        (
            t(0.08, f"{start:%d %b}", size=size),
            t(0.2, "Balance brought forward", size=size),
            rt(0.92, plain(opening), size=size),
        )
    )
    running = opening
    split = 6 if i == 3 else len(items)
    for n, (what, out, into) in enumerate(items):
        if n == split:
            _foot(page, BANK, 1, 2)
            sheets.append(page)
            page = Sheet(style)
            page.add(
                (
                    t(0.08, f"{BANK.name}  -  statement continued", True, size=size),
                    rt(0.92, f"Account {account}  -  page 2", size=size),
                )
            )
            page.gap()
            page.add(head).rule(0.08, 0.92)
        running += into - out
        day = later(start, 2 + n * 3)
        page.add((t(0.08, f"{day:%d %b}", size=size), t(0.2, what, size=size), rt(0.6, plain(out) if out else "", size=size),
                  rt(0.75, plain(into) if into else "", size=size), rt(0.92, plain(running), size=size)))  # fmt: skip
    page.rule(0.08, 0.92)
    page.add(
        (t(0.2, "Closing balance", True, size=size), rt(0.92, plain(running), True, size=size))
    ).gap()
    _foot(page, BANK, len(sheets) + 1, len(sheets) + 1)
    sheets.append(page)
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=sheets, style=style
    )


def benefit(rng: random.Random, i: int) -> Doc:
    """Carer's Allowance (even) or Attendance Allowance (odd)."""
    when = _when(rng)
    date = dated(rng)
    if i % 2 == 0:
        frequency = ("weekly", "fortnightly")[(i // 2) % 2]
        paid = 8_330 * (1 if frequency == "weekly" else 2)
        org, title, what = (
            CARERS,
            "Carer's Allowance: our decision on your claim",
            "Carer's Allowance",
        )
    else:
        frequency = "four_weekly"
        paid = rng.choice((29_060, 43_420))
        org, title, what = (
            ATTENDANCE,
            "Attendance Allowance: our decision on your claim",
            "Attendance Allowance",
        )
    ref = (
        f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}"
    )
    facts: list[Fact] = [
        ("Paid to you each time", pounds(paid), "How much will I get each time?"),
        ("We pay you", FREQUENCY_SHOWN[frequency][0], "How often will I be paid?"),
    ]
    paras = (f"We have decided that you are entitled to {what} from {when(later(date, -20))}.",
             f"We will pay {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]} into your bank account.",
             "You must tell us at once about any change in your circumstances, such as a stay in hospital or a move abroad.")  # fmt: skip
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="National Insurance number", ref=ref, facts=facts, paras=paras,
    )  # fmt: skip
    return compose(rng, i, ("questions", "boxes"), letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: a ramblers' walks programme (two panels), a rowing club's welcome
    (contact sidebar)."""
    when = _when(rng)
    date = dated(rng)
    on = later(date, 12 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=WALKERS, title="Our winter walks programme", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Rambler no.", ref=digits(rng, 4),
            facts=[("Next walk", on, "When is the next walk?"), ("Starting point", "Cleehill village car park, 10 am", "Where do we meet?")],
            paras=(f"The first walk of the winter programme is on {when(on)}, weather permitting, about eight miles over Titterstone Clee.",
                   "Bring a packed lunch, waterproofs and stout boots. Dogs on leads are welcome."),
        )  # fmt: skip
        return compose(rng, 0, ("panels", "contacts"), letter)
    letter = Letter(
        org=ROWERS, title="Welcome to the club", date=date, when=when, truth=Truth(document_class=C.OTHER),
        ref_label="Rower no.", ref=digits(rng, 5),
        facts=[("Taster session", on, "When is my first session?"), ("Boathouse", "Harbour Road, Lydney", "Where is the boathouse?")],
        paras=(f"Welcome aboard. Your first taster session on the canal is on {when(on)}.",
               "Wear close-fitting sports clothes and bring a change of clothes; the club provides buoyancy aids."),
    )  # fmt: skip
    return compose(rng, 1, ("panels", "contacts"), letter)


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
class ESample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_e(per_class: int = 4, *, seed: int = 2039) -> list[ESample]:
    """``per_class`` documents of every class, held out, family ``<class>:E``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, ESample)


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, e_text, e_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class EScan:
    dpi: int
    skew: float
    """Degrees."""
    pocket: bool = False
    """Scanned through a clear plastic punched pocket: a glare band, a sheen, the pocket's
    punched strip down the left (JPEG without a resolution)."""
    clipped: bool = False
    """Fed off-centre: the right edge cut off by a few millimetres (no value lost)."""
    thermal: bool = False
    """A thermal-paper fax faded unevenly: browned paper, print paling towards one side
    and in patches."""


SCANS = (
    EScan(dpi=250, skew=0.9, pocket=True),
    EScan(dpi=300, skew=-0.6, clipped=True),
    EScan(dpi=200, skew=0.5, thermal=True),
)

INK = (20, 20, 24)
CLIP = 0.022
"""The share of the page's width the off-centre feed cuts from the right (4.6 mm)."""


def _draw(sample: ESample, n: int, scan: EScan) -> Image.Image:
    width, height = page_size(sample, scan.dpi)
    image = Image.new("RGB", (width, height), (253, 253, 251))
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, scan.dpi)
    body = round(sample.style.point / 72 * scan.dpi)
    line = max(1, scan.dpi // 120)

    def row_y(row: int) -> int:
        return tops[row] - round(0.1 * body) if row < len(tops) else tops[-1] + heights[-1]

    for rect in sample.rects[n] if sample.rects else ():
        y0 = tops[rect.first] - round(0.2 * body)
        y1 = tops[rect.last] + heights[rect.last] - round(0.2 * body)
        box = (round(rect.x0 * width), y0, round(rect.x1 * width), y1)
        if rect.fill is not None:
            pen.rectangle(box, fill=(rect.fill, rect.fill, rect.fill))
        if rect.outline:
            pen.rectangle(box, outline=INK, width=line)
    for rule in sample.rules[n] if sample.rules else ():
        y = row_y(rule.row)
        pen.line((round(rule.x0 * width), y, round(rule.x1 * width), y), fill=INK, width=line)
    for p in PRINT.layout(sample, n, scan.dpi):
        pen.text((p.left, p.top), p.cell.text, fill=INK, font=p.font)
    return image


def _pocket(image: Image.Image, seed: int) -> Image.Image:
    """Through a clear plastic pocket: a diagonal glare band that washes the print out
    (never white), a faint sheen, the pocket's punched strip down the left."""
    width, height = image.size
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    glare = Image.new("L", (width, height), 0)
    pen = ImageDraw.Draw(glare)
    x = rng.randrange(width // 4, width // 2)
    band = width // 9
    pen.polygon(
        [(x, 0), (x + band, 0), (x + band - width // 3, height), (x - width // 3, height)], fill=120
    )
    glare = glare.filter(ImageFilter.GaussianBlur(width / 40))
    sheen = Image.new("RGB", (width, height), (236, 240, 246))
    image = Image.composite(sheen, image, glare)
    image = ImageChops.multiply(image, Image.new("RGB", (width, height), (238, 240, 244)))
    pen2 = ImageDraw.Draw(image)
    strip = round(width * 0.03)
    pen2.rectangle((0, 0, strip, height), fill=(214, 218, 226))
    for y in (height // 4, height // 2, height * 3 // 4):
        r = strip // 3
        pen2.ellipse((strip // 2 - r, y - r, strip // 2 + r, y + r), fill=(60, 60, 66))
    return image.filter(ImageFilter.GaussianBlur(0.6))


def _clipped(image: Image.Image) -> Image.Image:
    """The right edge cut off: the page narrower by ``CLIP``, a dark sliver where the feed
    saw the scanner's lid."""
    width, height = image.size
    cut = image.crop((0, 0, round(width * (1 - CLIP)), height))
    pen = ImageDraw.Draw(cut)
    pen.rectangle((cut.width - 3, 0, cut.width - 1, height), fill=(40, 40, 40))
    return cut


def _thermal(image: Image.Image, seed: int) -> Image.Image:
    """Thermal fax paper faded unevenly: browned paper, the print paler to the right and
    in a few soft patches, never gone."""
    width, height = image.size
    grey = image.convert("L")
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    fade = Image.linear_gradient("L").rotate(90).resize((width, height))  # dark left, pale right
    fade = fade.point(lambda v: 255 - v * 130 // 255)
    patches = Image.new("L", (width, height), 255)
    pen = ImageDraw.Draw(patches)
    for _ in range(4):
        x, y, r = (
            rng.randrange(width),
            rng.randrange(height),
            rng.randrange(width // 10, width // 5),
        )
        pen.ellipse((x - r, y - r, x + r, y + r), fill=175)
    patches = patches.filter(ImageFilter.GaussianBlur(width / 30))
    ink = ImageChops.multiply(ImageChops.multiply(ImageChops.invert(grey), fade), patches)
    paper = Image.merge("RGB", (Image.new("L", (width, height), 236), Image.new("L", (width, height), 226),
                                Image.new("L", (width, height), 204)))  # fmt: skip
    shade = Image.merge("RGB", (ink, ink, ink)).point(lambda v: v * 170 // 255)
    return ImageChops.subtract(paper, shade).filter(ImageFilter.GaussianBlur(0.5))


def render(sample: ESample, n: int, scan: EScan, seed: int = 0) -> Image.Image:
    image = _draw(sample, n, scan)
    if scan.pocket:
        image = _pocket(image, seed)
    elif scan.clipped:
        image = _clipped(image)
    else:
        image = _thermal(image, seed)
    return image.rotate(
        scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(236, 236, 236)
    )


def e_scanned(sample: ESample, index: int) -> tuple[bytes, str, EScan]:
    """Printed and scanned one of three ways: through a plastic pocket as JPEG without its
    resolution (PDF when two pages), clipped at the right edge as PNG (with its resolution
    at odd indexes; PDF when two pages), the thermal fax as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 37 + n) for n in range(len(sample.pages))]
    if scan.thermal or len(images) > 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    if scan.pocket:
        buffer = io.BytesIO()
        images[0].save(buffer, format="JPEG", quality=84)
        return buffer.getvalue(), "jpeg", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "ESample",
    "EScan",
    "build_e",
    "e_pages",
    "e_scanned",
    "e_text",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
