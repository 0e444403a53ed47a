# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``X``, written blind: a thirteenth measure of how the reader
generalises, in a thirteenth hand (after ``L`` to ``V``, and ``W`` written beside it).

``X`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``,
``FIELDS``), the shared page engine (``corpus_print``), families U's and V's modules and
tests (for their conventions), the shared test helpers
(``tests/unit/documents/blind_families.py``, ``tests/integration/ocr/blind_read.py``), the
reporting code of ``benchmarks/intake_accuracy.py`` and ``benchmarks/openai_accuracy.py``,
``./dev`` (how fonts are installed) and, by grep only, families A-V (to avoid their
organisations, wording, date and money shapes and faces) -- **not** the reader's rules
(``assistant.py``, ``fields.py``, ``fields_kinds.py``, ``label_parts.py``, ``layout.py``,
``classifier.py``, ``statements.py``, ``label_learning.py``, ``read_families.py``,
``ranker.py``, ``ranker_training.py``, the Tesseract extractor), its reading tests, nor
any section of benchmarks/OCR.md but its title, nor family W (written at the same time).
It is never used to write rules, to train or calibrate the classifier or the field ranker
(``build_corpus`` never yields it), nor to choose models: it is measured, and only the
aggregate figures go into benchmarks/OCR.md. Whoever reads its individual misses to change
the reader makes ``X`` no longer blind and must say so there.

**X is no longer blind since round 16** (branch ``reader16``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on X
from then on is a training-side figure (benchmarks/OCR.md, "Round 16").

What differs from A-V:

* who writes: bodies and firms of Wales and the Welsh Marches (Cardiff, Swansea, Powys,
  Shropshire, Herefordshire, the border towns), none named by A-V: a card issuer in
  Llandaff, a vehicle lender suing in the County Court at Swansea, a leasing firm's
  judgment from the County Court at Telford, Powys County Council and its enforcement
  agents in Radnorshire, an agricultural merchant's statutory demand in Leominster,
  Cardiff and Herefordshire councils, an energy supplier in the Elan Valley, a water
  company on the Clywedog, Welshpool magistrates, a Bridgnorth lender and the Rhymney debt
  buyer it sold to, Shropshire Council's Housing Benefit overpayments, a building society
  on the Monnow, a Swansea housing association, a catalogue in Penarth and a split-pay
  firm in Newport, solicitors for a roofer in Kington, a livestock market and a ferry
  operator as employers, a bank of the Marches, the DWP's Personal Independence Payment
  and Attendance Allowance, a choir and an agricultural show; Welsh public bodies (and a
  few firms) write bilingually;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **halves**: a bilingual letter in two halves, the Welsh version above a rule and the
    English below it, the values stated in both;
  - **schedule**: a payment plan: a table of numbered instalments (each with its due date
    and amount) whose total row is what is owed;
  - **tick-box form**: a tribunal-style form in numbered parts, each answer on an
    underlined line below its question, the options as tick boxes (one ticked), money with
    hyphenated pence ("£1,234-56") and dates with spaced slashes ("04 / 12 / 2026");
  - **chronology**: a letter quoting our earlier correspondence, a ruled table of
    previous letters and calls (their dates and what each said) before the facts;
  - **band**: a reminder whose sender, title and reference are printed white on a dark
    band across the top of the page;
  - **margin**: side headings in a wide left margin, each beside the paragraph it heads;
  payslips with side headings or a bilingual slip; bank statements with "o/d" after an
  overdrawn balance, one page or two; a PIP and an Attendance Allowance letter;
* faces never used by A-V: Nimbus Roman and Nimbus Sans (``fonts-urw-base35``) and Open
  Sans Condensed (Light, with its Bold: ``fonts-open-sans``), 9.5 to 10.5 pt bodies;
* dates as "Fri, 4 Dec 2026", "04 / 12 / 2026" and "04-12-26", one shape a document;
  amounts as "£1,234.56", "£1,234-56" on the forms, "1,234.56 o/d" for an overdrawn
  balance;
* scans new to the families: 250 dpi folded in three (two creases across the page), 180
  dpi greyscale smeared by a slipping sheet feeder (a vertical motion blur), sent as TIFF,
  and 300 dpi from a carbon copy (a faint second impression a little off the first);
  PNG, TIFF and multi-page PDF.

Ground truth follows L's to V's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference, on a claim form and a judgment the claimant's reference);
``balance_pence`` what is owed now (a schedule's total, never one instalment; never an
earlier letter's figure); ``letter_date`` the document's own date (never an earlier
letter's, an instalment's or a fold's); ``deadline_date`` and ``served_date`` only where
printed. Payslips give the employer, net and gross pay, pay date and frequency; benefit
letters the payer, the amount paid each time, the date and the frequency; a bank
statement its date.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Callable, Sequence

from attrs import field, frozen
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

FAMILY = "X"

PEOPLE = (
    ("Mr", "Emrys", "Vaughan-Price"),
    ("Ms", "Tegwen", "Harcombe"),
    ("Mrs", "Dorota", "Kaminska-Lloyd"),
    ("Mr", "Gethin", "Oakshott"),
)
ADDRESSES = (
    ("14 Heol y Felin", "Rhiwbina, Cardiff", "CF14 6NB"),
    ("Flat 3, 27 Walter Road", "Swansea", "SA1 4PZ"),
    ("6 Corvedale Close", "Craven Arms", "SY7 9QE"),
    ("Tan-y-Bryn, Pentre Road", "Llanfyllin", "SY22 5DE"),
)

# -- date and money shapes -------------------------------------------------------------------


def mail_style(date: dt.date) -> str:
    """Fri, 4 Dec 2026"""
    return f"{date:%a}, {date.day} {date:%b} {date.year}"


def spaced(date: dt.date) -> str:
    """04 / 12 / 2026 (a form's date boxes)"""
    return f"{date:%d} / {date:%m} / {date.year}"


def dashed_short(date: dt.date) -> str:
    """04-12-26"""
    return f"{date:%d}-{date:%m}-{date:%y}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (mail_style, spaced, dashed_short)


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


def hyphened(pence: int) -> str:
    """£1,234-56 (pounds and pence apart by a hyphen, as a form is filled in)"""
    return f"£{pence // 100:,}-{pence % 100:02d}"


def overdrawn(pence: int) -> str:
    """1,234.56 o/d (an overdrawn balance on a statement)"""
    return f"{plain(pence)} o/d"


FREQUENCY_SHOWN = {
    "weekly": ("Weekly", "each week"),
    "fortnightly": ("Fortnightly", "every fortnight"),
    "four_weekly": ("Every 4 weeks", "every four weeks"),
    "monthly": ("Monthly", "each calendar month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways X prints a true value (to check it is on the page, or in an OCR text)."""
    if isinstance(value, dt.date):
        return tuple(shape(value) for shape in DATE_SHAPES)
    if isinstance(value, int):
        return (money(value), plain(value), hyphened(value))
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
_URW = "/usr/share/fonts/opentype/urw-base35/"
_OS = "/usr/share/fonts/truetype/open-sans/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "roman": {
        (False, False): _URW + "NimbusRoman-Regular.otf",
        (True, False): _URW + "NimbusRoman-Bold.otf",
        (False, True): _URW + "NimbusRoman-Italic.otf",
        (True, True): _URW + "NimbusRoman-BoldItalic.otf",
    },
    "sans": {
        (False, False): _URW + "NimbusSans-Regular.otf",
        (True, False): _URW + "NimbusSans-Bold.otf",
        (False, True): _URW + "NimbusSans-Italic.otf",
        (True, True): _URW + "NimbusSans-BoldItalic.otf",
    },
    "cond": {
        (False, False): _OS + "OpenSans-CondLight.ttf",
        (True, False): _OS + "OpenSans-CondBold.ttf",
        (False, True): _OS + "OpenSans-CondLightItalic.ttf",
        (True, True): _OS + "OpenSans-CondBold.ttf",
    },
}
"""Nimbus Roman and Nimbus Sans (``fonts-urw-base35``), Open Sans Condensed Light and
Bold (``fonts-open-sans``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "roman"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("roman", 10.5), Style("sans", 9.5), Style("cond", 10.5))


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []

    def rule(self, x0: float = 0.07, x1: float = 0.93, *, dashed: bool = False) -> Sheet:
        """A rule under the last row added."""
        self.rules.append(Rule(len(self.rows), x0, x1, dashed))
        return self


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def balance(rng: random.Random, low: int = 8_000, high: int = 690_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    return dt.date(2025, 1, 13) + dt.timedelta(days=rng.randrange(680))


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The line at the foot of every page ("" for a public body)."""
    team: str = "Customer Services"
    cy: str = ""
    """The Welsh name, for a body that writes bilingually ("" if it does not)."""


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the reference to quote (``ref_label`` names it); ``facts`` the labelled
    facts (already shaped; the label first); ``paras`` the prose, stating every fact in a
    sentence; ``cy`` the Welsh facts for a bilingual half ((Welsh label, value), derived
    from the truth when empty); ``history`` earlier letters and calls ((date, what))."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    amt: Callable[[int], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[tuple[str, str]]
    paras: Sequence[str]
    cy_title: str = "Gohebiaeth am eich cyfrif"
    cy: Sequence[tuple[str, str]] = field(factory=tuple)
    history: Sequence[tuple[dt.date, str]] = field(factory=tuple)


def person(rng: random.Random) -> tuple[str, list[str]]:
    """(salutation, address lines)."""
    title, first, surname = rng.choice(PEOPLE)
    return f"{title} {surname}", [f"{title} {first} {surname}", *rng.choice(ADDRESSES)]


def _foot(page: Sheet, org: Org, n: int, of: int) -> None:
    page.foot = len(page.rows)
    page.rule(0.07, 0.93)
    text = org.registered or f"{org.name} | {org.street} | {org.town}"
    rows = page.wrapped(text, 0.07, 0.8, size=SMALL - 1)
    page.add((*rows[0], rt(0.93, f"{n} of {of}", size=SMALL - 1)), *rows[1:])


def _heading(page: Sheet, org: Org, style: Style) -> None:
    """Centred name, the address and telephone under it, a rule."""
    page.add((ct(0.5, org.name, True, size=style.point + 3),))
    if org.cy:
        page.add((ct(0.5, org.cy, italic=True, size=style.point),))
    page.add((ct(0.5, f"{org.street}, {org.town}  |  {org.phone}", size=SMALL),))
    page.rule()


def _address(page: Sheet, rng: random.Random, x: float = 0.07) -> str:
    salutation, lines = person(rng)
    page.add(*((t(x, line),) for line in lines)).gap()
    return salutation


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.07, right: float = 0.93) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _sign(page: Sheet, org: Org, x: float = 0.07) -> None:
    page.add((t(x, "Yours sincerely"),)).gap()
    page.add((t(x, org.team, True),))


def _facts(page: Sheet, letter: Letter, x: float = 0.1, at: float = 0.55) -> None:
    for label, value in letter.facts:
        page.add((t(x, label), t(at, value, True)))


def _halves(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Welsh above the rule, English below: the values in both halves."""
    org = letter.org
    page = Sheet(style)
    page.add(
        (t(0.07, org.cy or org.name, True, size=style.point + 2), rt(0.93, org.phone, size=SMALL))
    )
    page.add((t(0.07, org.name, size=SMALL + 1), rt(0.93, f"{org.street}, {org.town}", size=SMALL)))
    page.rule().gap()
    salutation = _address(page, rng)
    cy = list(letter.cy) or _welsh_facts(letter)
    page.add((t(0.07, "CYMRAEG", True, size=SMALL), t(0.3, letter.cy_title, True)))
    for label, value in cy:
        page.add((t(0.1, label, italic=True), t(0.55, value, True)))
    page.gap()
    page.para(
        f"Annwyl {salutation}, mae'r llythyr hwn ar gael yn Gymraeg ac yn Saesneg. Cysylltwch â ni os oes gennych gwestiwn.",
        x=0.07,
        right=0.93,
    )
    page.gap().rule(0.07, 0.93, dashed=True).gap()
    page.add((t(0.07, "ENGLISH", True, size=SMALL), t(0.3, letter.title, True)))
    page.add((t(0.1, letter.ref_label), t(0.55, letter.ref, True)))
    page.add((t(0.1, "Date"), t(0.55, letter.when(letter.date), True)))
    _facts(page, letter)
    page.gap()
    page.para(f"Dear {salutation},", x=0.07).gap()
    _prose(page, letter.paras)
    page.add((t(0.07, "Yn gywir / Yours sincerely"),), (t(0.07, org.team, True),))
    _foot(page, org, 1, 1)
    return [page]


def _welsh_facts(letter: Letter) -> list[tuple[str, str]]:
    truth = letter.truth
    out = [("Cyfeirnod", letter.ref), ("Dyddiad y llythyr", letter.when(letter.date))]
    if truth.balance_pence is not None:
        out.append(("Swm sy'n ddyledus", letter.amt(truth.balance_pence)))
    if truth.deadline_date is not None:
        out.append(("Talwch erbyn", letter.when(truth.deadline_date)))
    return out


def _schedule(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A payment plan: numbered instalments with their due dates, the total what is owed."""
    org = letter.org
    owed = letter.truth.balance_pence or 0
    page = Sheet(style)
    _heading(page, org, style)
    page.gap()
    salutation = _address(page, rng)
    page.add((t(0.07, f"{letter.ref_label}: {letter.ref}"), rt(0.93, letter.when(letter.date))))
    page.gap().add((t(0.07, letter.title, True),)).gap()
    page.para(f"Dear {salutation},", x=0.07).gap()
    page.para(letter.paras[0], x=0.07, right=0.93).gap()
    count = rng.choice((4, 5, 6))
    each = owed // count
    first = later(letter.date, 28)
    size = SMALL + 1.5
    top = len(page.rows)
    page.add(
        (
            t(0.1, "Payment plan", True, size=size),
            t(0.3, "Due on", True, size=size),
            rt(0.88, "Amount", True, size=size),
        )
    )
    page.rule(0.09, 0.89)
    for n in range(count):
        amount = each if n < count - 1 else owed - each * (count - 1)
        due = first + dt.timedelta(days=30 * n)
        page.add(
            (
                t(0.1, f"Instalment {n + 1}", size=size),
                t(0.3, letter.when(due), size=size),
                rt(0.88, letter.amt(amount), size=size),
            )
        )
    page.rule(0.09, 0.89)
    page.add(
        (t(0.1, "Total to repay", True, size=size), rt(0.88, letter.amt(owed), True, size=size))
    )
    page.rects.append(Rect(top, len(page.rows) - 1, 0.09, 0.89))
    page.gap()
    _facts(page, letter)
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    _foot(page, org, 1, 1)
    return [page]


def _tickbox(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A form in numbered parts: answers on underlined lines, options as tick boxes."""
    org = letter.org
    page = Sheet(style)
    page.add(
        (
            t(0.07, org.name, True, size=style.point + 1.5),
            rt(0.93, f"Form {letters(rng, 2)}{digits(rng, 2)}", True),
        )
    )
    page.add((t(0.07, f"{org.street}, {org.town}. Telephone {org.phone}", size=SMALL),)).rule()
    page.add((ct(0.5, letter.title.upper(), True, size=style.point + 1),)).gap()
    salutation = _address(page, rng)
    parts: list[tuple[str, list[tuple[str, str]]]] = [
        (
            "Part 1 - This form",
            [(letter.ref_label, letter.ref), ("Date of this form", letter.when(letter.date))],
        ),
        ("Part 2 - The money", list(letter.facts)),
    ]
    for heading, answers in parts:
        page.add((t(0.07, heading, True, size=SMALL + 1.5),))
        for k in range(0, len(answers), 2):
            pair = answers[k : k + 2]
            page.add(
                tuple(t(0.09 + 0.43 * j, label, size=SMALL) for j, (label, _) in enumerate(pair))
            )
            page.add(tuple(t(0.1 + 0.43 * j, value, True) for j, (_, value) in enumerate(pair)))
            for j in range(len(pair)):
                page.rule(0.09 + 0.43 * j, 0.49 + 0.43 * j, dashed=True)
        page.gap()
    page.add((t(0.07, "Part 3 - What happens now", True, size=SMALL + 1.5),))
    options = (
        "The whole amount must be paid",
        "Payment may be made by instalments",
        "The matter is closed",
    )
    ticked = rng.randrange(2)
    for n, option in enumerate(options):
        row = len(page.rows)
        page.add((t(0.105, "X" if n == ticked else ""), t(0.15, option, size=SMALL + 1)))
        page.rects.append(Rect(row, row, 0.095, 0.125))
    page.gap()
    page.para(f"To {salutation}:", x=0.07).gap()
    _prose(page, letter.paras)
    page.add((t(0.07, f"Signed for {org.team}"),))
    _foot(page, org, 1, 1)
    return [page]


def _chronology(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A letter quoting earlier correspondence in a ruled table before the facts."""
    org = letter.org
    page = Sheet(style)
    _heading(page, org, style)
    page.gap()
    salutation = _address(page, rng)
    page.add((t(0.07, f"Our reference  {letter.ref}"),))
    page.add((t(0.07, f"Date  {letter.when(letter.date)}"),)).gap()
    page.add((t(0.07, letter.title, True),)).gap()
    page.para(f"Dear {salutation},", x=0.07).gap()
    history = list(letter.history) or [
        (later(letter.date, -rng.randrange(60, 90)), "Reminder posted"),
        (later(letter.date, -rng.randrange(35, 55)), "Telephone call - no answer"),
        (later(letter.date, -rng.randrange(12, 25)), "Second reminder posted"),
    ]
    size = SMALL + 1
    top = len(page.rows)
    page.add((t(0.1, "Our earlier contact with you", True, size=size),))
    for when, what in history:
        page.add((t(0.1, letter.when(when), size=size), t(0.35, what, size=size)))
    page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92))
    page.gap()
    page.para("We have not had a reply to the letters and calls listed above.", x=0.07).gap()
    _facts(page, letter)
    page.gap()
    _prose(page, letter.paras)
    _sign(page, org)
    _foot(page, org, 1, 1)
    return [page]


DARK = 55
"""The band's grey: anything printed on it is printed white."""


def _band(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Sender, title and reference white on a dark band across the top."""
    org = letter.org
    page = Sheet(style)
    page.box(
        [
            (
                t(0.08, org.name, True, size=style.point + 2),
                rt(0.92, "REMINDER", True, size=style.point + 2),
            ),
            (t(0.08, letter.title, size=style.point + 0.5),),
            (t(0.08, f"{letter.ref_label} {letter.ref}", True), rt(0.92, org.phone)),
        ],
        0.06,
        0.94,
        fill=DARK,
        outline=False,
    )
    page.gap()
    salutation = _address(page, rng)
    page.add((rt(0.93, letter.when(letter.date)),)).gap()
    _facts(page, letter)
    page.gap()
    page.para(f"Dear {salutation},", x=0.07).gap()
    _prose(page, letter.paras)
    _sign(page, org)
    _foot(page, org, 1, 1)
    return [page]


def _margin(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Side headings in a wide left margin, each beside the paragraph it heads."""
    org = letter.org
    page = Sheet(style)
    page.add((t(0.3, org.name, True, size=style.point + 2.5),))
    page.add(
        (t(0.3, f"{org.street}, {org.town}", size=SMALL),),
        (t(0.3, f"Telephone {org.phone}", size=SMALL),),
    )
    page.rule(0.3, 0.93).gap()
    salutation = _address(page, rng, x=0.3)

    def section(head: str, rows: list[Row]) -> None:
        first, *rest = rows
        page.add((t(0.07, head, True, size=SMALL + 1), *first), *rest)
        page.gap()

    section("Date", [(t(0.3, letter.when(letter.date)),)])
    section("Reference", [(t(0.3, f"{letter.ref_label}: {letter.ref}"),)])
    section("Subject", [(t(0.3, letter.title, True),)])
    section(
        "In brief",
        [(t(0.3, label, size=SMALL + 1), rt(0.93, value, True)) for label, value in letter.facts],
    )
    heads = ("Why we write", "The detail", "What to do")
    page.add((t(0.3, f"Dear {salutation},"),)).gap()
    for n, text in enumerate(letter.paras):
        section(heads[min(n, 2)], page.wrapped(text, 0.3, 0.93))
    page.add((t(0.3, org.team, True),))
    _foot(page, org, 1, 1)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "halves": _halves,
    "schedule": _schedule,
    "tickbox": _tickbox,
    "chronology": _chronology,
    "band": _band,
    "margin": _margin,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.ref)) % len(STYLES)]
    sheets = KINDS[kinds[i % 2]](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


def _shapes(
    rng: random.Random, i: int, kinds: tuple[str, str]
) -> tuple[Callable[[dt.date], str], Callable[[int], str]]:
    """A form prints spaced dates and hyphenated pence; the rest one shape a document."""
    if kinds[i % 2] == "tickbox":
        return spaced, hyphened
    return rng.choice((mail_style, dashed_short, spaced)), pounds


# -- organisations (none named by A-V) ----------------------------------------------------------


def _co(name: str, number: str, office: str, extra: str = "") -> str:
    return f"{name}. Registered in England and Wales, no. {number}. Registered office: {office}.{extra}"


FCA = " Authorised and regulated by the Financial Conduct Authority."
CARD = Org("Llandaff Card Services Ltd", "Cathedral Road", "Cardiff CF11 9LJ", "029 2167 4410",
           _co("Llandaff Card Services Ltd", "09114382", "Cathedral Road, Cardiff CF11 9LJ", FCA), "Card Collections")  # fmt: skip
CLAIMANT = Org("Gower Vehicle Finance Ltd", "Fabian Way", "Swansea SA1 8QY", "01792 940 215",
               _co("Gower Vehicle Finance Ltd", "10682047", "Fabian Way, Swansea SA1 8QY", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court at Swansea", "Caravella House, Quay West", "Swansea SA1 1SP", "0300 123 1751",
                  "HM Courts and Tribunals Service. Quote the claim number in all correspondence.", "Civil Section",
                  "Llys Sirol Abertawe")  # fmt: skip
LEASING = Org("Clun Valley Leasing Ltd", "Enterprise Park", "Bishop's Castle SY9 5DL", "01588 640 377",
              _co("Clun Valley Leasing Ltd", "07763190", "Enterprise Park, Bishop's Castle SY9 5DL", FCA))  # fmt: skip
JUDGMENT_COURT = Org("County Court at Telford", "Telford Square", "Telford TF3 4JP", "0300 123 1751",
                     "HM Courts and Tribunals Service. Payments are made to the claimant, never to the court.", "Civil Section")  # fmt: skip
POWYS = Org("Powys County Council", "Revenues, The Gwalia", "Llandrindod Wells LD1 6AA", "01597 826 345",
            team="Revenues Section", cy="Cyngor Sir Powys")  # fmt: skip
ENFORCER = Org("Radnor Enforcement Agents Ltd", "Broad Street", "Presteigne LD8 2AD", "01544 710 588",
               _co("Radnor Enforcement Agents Ltd", "12390574", "Broad Street, Presteigne LD8 2AD", " Certificated enforcement agents."), "Enforcement Office")  # fmt: skip
MERCHANT = Org("Lugg Valley Agricultural Supplies Ltd", "Southern Avenue", "Leominster HR6 0QF", "01568 733 902",
               _co("Lugg Valley Agricultural Supplies Ltd", "03871166", "Southern Avenue, Leominster HR6 0QF"), "Credit Control")  # fmt: skip
COUNCILS = (
    Org("Cardiff Council", "Council Tax, County Hall, Atlantic Wharf", "Cardiff CF10 4UW", "029 2087 2088",
        team="Council Tax Team", cy="Cyngor Caerdydd"),
    Org("Herefordshire Council", "Council Tax, Plough Lane", "Hereford HR4 0LE", "01432 260 271", team="Council Tax Team"),
)  # fmt: skip
ENERGY = Org("Elan Valley Energy Ltd", "West Street", "Rhayader LD6 5AB", "0800 044 6219",
             _co("Elan Valley Energy Ltd", "11547803", "West Street, Rhayader LD6 5AB"), "Billing Team")  # fmt: skip
WATER = Org("Clywedog Water Ltd", "Great Oak Street", "Llanidloes SY18 6BN", "0800 917 4436",
            _co("Clywedog Water Ltd", "05209318", "Great Oak Street, Llanidloes SY18 6BN"), "Arrears Team", "Dŵr Clywedog Cyf")  # fmt: skip
MAGISTRATES = Org("Welshpool Magistrates' Court", "Fines Office, Severn Street", "Welshpool SY21 7AD", "0300 123 9012",
                  "HM Courts and Tribunals Service - Dyfed-Powys fines office.", "Fines Office", "Llys Ynadon y Trallwng")  # fmt: skip
LENDER = Org("Bridgnorth Personal Loans Ltd", "High Town, Whitburn Street", "Bridgnorth WV16 4QT", "01746 218 560",
             _co("Bridgnorth Personal Loans Ltd", "08950371", "Whitburn Street, Bridgnorth WV16 4QT", FCA))  # fmt: skip
BUYER = Org("Rhymney Portfolio Recoveries Ltd", "PO Box 4418", "Caerphilly CF83 9EQ", "0333 090 7154",
            _co("Rhymney Portfolio Recoveries Ltd", "13027719", "Pontygwindy Road, Caerphilly CF83 3HU", FCA), "Customer Accounts")  # fmt: skip
SHROPSHIRE = Org("Shropshire Council", "Benefits Overpayments, Abbey Foregate", "Shrewsbury SY2 6ND", "0345 678 9013",
                 team="Overpayments Team")  # fmt: skip
SOCIETY = Org("Monnow Building Society", "Member Support, Agincourt Square", "Monmouth NP25 3DY", "01600 771 248",
              "Monnow Building Society is authorised by the PRA and regulated by the FCA and the PRA (FRN 206645).", "Member Support")  # fmt: skip
HOMES = Org("Cartrefi Tawe Homes", "Rent Team, Kingsway", "Swansea SA1 5LP", "01792 551 730",
            "Cartrefi Tawe Homes is a registered social landlord regulated by the Welsh Government (L144).", "Rent Team", "Cartrefi Tawe")  # fmt: skip
CATALOGUE = Org("Penarth Parcel Catalogue Ltd", "Windsor Road", "Penarth CF64 1JE", "0344 771 2083",
                _co("Penarth Parcel Catalogue Ltd", "06339125", "Windsor Road, Penarth CF64 1JE", FCA), "Accounts")  # fmt: skip
SPLIT = Org("QuarterPay Cymru Ltd", "Usk Way", "Newport NP20 2GZ", "01633 290 845",
            _co("QuarterPay Cymru Ltd", "14870236", "Usk Way, Newport NP20 2GZ", FCA), "Support")  # fmt: skip
ROOFER = Org("Arrow Valley Roofing Ltd", "Bridge Street", "Kington HR5 3DL", "01544 239 611",
             _co("Arrow Valley Roofing Ltd", "05591847", "Bridge Street, Kington HR5 3DL"))  # fmt: skip
SOLICITORS = Org("Gwilym Hale and Partners LLP", "Litigation, Broad Street", "Hereford HR4 9AR", "01432 512 774",
                 "Gwilym Hale and Partners LLP (OC412280) is authorised and regulated by the Solicitors Regulation Authority.", "Litigation Department")  # fmt: skip
EMPLOYERS = (
    Org("Builth Livestock Market Ltd", "Payroll, Smithfield Road", "Builth Wells LD2 3AH", "01982 551 096",
        _co("Builth Livestock Market Ltd", "02274418", "Smithfield Road, Builth Wells LD2 3AH"), "Payroll"),
    Org("Cardiff Bay Waterbus Ltd", "Wages, Mermaid Quay", "Cardiff CF10 5BZ", "029 2048 7731",
        _co("Cardiff Bay Waterbus Ltd", "09726551", "Mermaid Quay, Cardiff CF10 5BZ"), "Wages", "Bws Dŵr Bae Caerdydd Cyf"),
)  # fmt: skip
BANK = Org("Marches Counties Bank plc", "Statements, Corn Square", "Ludford SY8 1DX", "0345 603 1772",
           _co("Marches Counties Bank plc", "01977425", "Corn Square, Ludford SY8 1DX", " Deposits are protected by the FSCS."), "Statements")  # fmt: skip
PIP = Org("Department for Work and Pensions", "Personal Independence Payment", "Wolverhampton WV98 2AH", "0800 121 4433",
          "Personal Independence Payment is paid by the Department for Work and Pensions.", "PIP Team", "Yr Adran Gwaith a Phensiynau")  # fmt: skip
ATTENDANCE = Org("Department for Work and Pensions", "Attendance Allowance Unit", "Wolverhampton WV98 2AD", "0800 731 0122",
                 "Attendance Allowance is paid by the Department for Work and Pensions.", "Attendance Allowance Unit")  # fmt: skip
CHOIR = Org("Craven Arms Community Choir", "The Memorial Hall, Market Street", "Craven Arms SY7 9NY", "07700 900 512",
            team="Choir Secretary")  # fmt: skip
SHOW = Org("Teme Valley Agricultural Show", "Show Office, Tenbury Road", "Knighton LD7 1DR", "01547 529 003",
           team="Stewards' Office", cy="Sioe Amaethyddol Dyffryn Tefeidiad")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    kinds = ("chronology", "schedule")
    when, amt = _shapes(rng, i, kinds)
    date, owed = dated(rng), balance(rng)
    ref, by = f"LCS {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}", later(date, 14)
    letter = Letter(
        org=CARD, title="Your Llandaff card: payments missed", date=date, when=when, amt=amt,
        truth=owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
        ref_label="Llandaff card number", ref=ref,
        facts=[("Whole card balance due", amt(owed)), ("Please respond before", when(by))],
        paras=("Three payments to your Llandaff credit card have not reached us, so we have suspended the card.",
               f"The card balance now due is {amt(owed)}. Please pay it, or agree a plan with us, before {when(by)}.",
               "If we cannot agree a way forward we may end your agreement and register a default. Free debt advice is open to you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 2)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("tickbox", "margin")
    when, amt = _shapes(rng, i, kinds)
    date = dated(rng)
    claimed = balance(rng, 90_000, 1_200_000)
    fee, costs = rng.choice((11_500, 20_500, 45_500)), rng.choice((8_000, 10_000, 11_000))
    total = claimed + fee + costs
    ref, claim = f"GVF/{digits(rng, 6)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="Money claim: notice of issue to the defendant", date=date, when=when, amt=amt,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Claim no.", ref=claim,
        facts=[("Claimant", CLAIMANT.name), ("Reference used by the claimant", ref), ("Amount of the claim", amt(claimed)),
               ("Court fee paid", amt(fee)), ("Fixed costs on issue", amt(costs)), ("Total the claimant asks for", amt(total)),
               ("Treated as served on", when(served)), ("Your response is due by", when(by))],
        paras=(f"{CLAIMANT.name} (its reference {ref}) has issued a claim against you in this court, number {claim}.",
               f"The claim is for {amt(claimed)} owed under a conditional sale agreement. With the court fee of {amt(fee)} and costs of {amt(costs)} the total the claimant asks for is {amt(total)}.",
               f"The claim form is treated as served on {when(served)}. Your response is due by {when(by)}; if you do not respond, the claimant may ask for judgment."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("tickbox", "halves")
    when, amt = _shapes(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 45_000, 1_250_000)
    ref, claim = f"CVL-{digits(rng, 5)}", _claim_no(rng)
    monthly, by = rng.choice((3_000, 6_000, 9_000)), later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    how = (f"to pay {amt(owed)} to the claimant on or before {when(by)}" if extra
           else f"to pay {amt(owed)} to the claimant at {amt(monthly)} a month, starting within 30 days")  # fmt: skip
    facts = [
        ("Claimant", LEASING.name),
        ("Reference used by the claimant", ref),
        ("Sum of the judgment", amt(owed)),
    ]
    facts += [("Pay in full by", when(by))] if extra else [("Monthly instalments", amt(monthly))]
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment for the claimant in default", date=date, when=when, amt=amt,
        truth=owes(C.COUNTY_COURT_JUDGMENT, LEASING.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Claim no.", ref=claim, facts=facts,
        paras=(f"You did not respond to claim {claim} brought by {LEASING.name} (reference {ref}), so judgment has been entered against you.",
               f"The court orders you {how}.",
               "A judgment not paid within one month is entered on the Register of Judgments, Orders and Fines."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kinds = ("band", "chronology")
    when, amt = _shapes(rng, i, kinds)
    date = dated(rng)
    order = balance(rng, 25_000, 240_000)
    owed = order + 7_500
    case, by = f"REA{digits(rng, 7)}", later(date, 7)
    letter = Letter(
        org=ENFORCER, title="Notice of enforcement: Powys council tax", date=date, when=when, amt=amt,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, POWYS.name, case, owed, date, deadline_date=by),
        ref_label="Radnor case no.", ref=case,
        facts=[("Collecting for", POWYS.name), ("Sum in the liability order", amt(order)), ("Fee for the compliance stage", amt(7_500)),
               ("Payable now, with the fee", amt(owed)), ("Deadline to pay", when(by))],
        paras=(f"{POWYS.name} has instructed us to collect unpaid council tax under a liability order. Our case number is {case}.",
               f"The sum in the liability order is {amt(order)}; with the fee for the compliance stage of {amt(7_500)}, {amt(owed)} is payable now.",
               f"Pay in full or contact us before {when(by)}. If you do not, an enforcement agent may visit and further fees will be added."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("margin", "tickbox")
    when, amt = _shapes(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 520_000, 2_600_000)
    ref, by = f"LVAS/{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=MERCHANT, title="Demand for immediate payment of a debt: bankruptcy (s.268(1)(a) Insolvency Act 1986)", date=date, when=when, amt=amt,
        truth=owes(C.STATUTORY_DEMAND, MERCHANT.name, ref, owed, date, deadline_date=by),
        ref_label="Lugg trade ledger", ref=ref,
        facts=[("Amount of the debt demanded", amt(owed)), ("Last day to comply", when(by))],
        paras=(f"{MERCHANT.name} supplied feed, fencing and fertiliser to you on trade account {ref}. The invoices are overdue.",
               f"The creditor demands payment of {amt(owed)}. You must pay it, or secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition. You have 18 days from service to apply to set this demand aside."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("halves", "schedule")
    org = COUNCILS[i % 2]
    when, amt = _shapes(rng, i, kinds)
    date = dated(rng)
    ref, by = f"{digits(rng, 8)}{letters(rng, 1)}", later(date, 7)
    owed = balance(rng, 12_000, 65_000)
    letter = Letter(
        org=org, title="Council Tax: you are behind with your instalments", date=date, when=when, amt=amt,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Council Tax account", ref=ref, cy_title="Nodyn atgoffa Treth y Cyngor",
        facts=[("Instalments unpaid to date", amt(owed)), ("Catch up by", when(by))],
        paras=("Your Council Tax instalments for this year are behind.",
               f"Instalments unpaid to date come to {amt(owed)}. Catch up by {when(by)} to keep your right to pay by instalments.",
               "If you do not, the whole year's bill becomes payable and we may ask the magistrates for a liability order."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("margin", "band")
    when, amt = _shapes(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 4_500, 60_000)
    ref, by = f"EVE{digits(rng, 9)}", later(date, 14)
    standing = rng.randrange(4_000, 6_500)
    letter = Letter(
        org=ENERGY, title="Electricity bill for your home", date=date, when=when, amt=amt,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Elan supply no.", ref=ref,
        facts=[("Standing charges this bill", amt(standing)), ("Bill total to pay", amt(owed)), ("Due for payment on", when(by))],
        paras=("This bill covers the electricity you have used since your last reading.",
               f"Standing charges this bill come to {amt(standing)}. The amount to pay is {amt(owed)}, by {when(by)}.",
               "If you find it hard to pay, ask us about a payment plan or the Warm Home Discount."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("band", "halves")
    when, amt = _shapes(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 11_000, 150_000)
    ref, by = f"CW-{digits(rng, 6)}-{digits(rng, 2)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Water account in arrears", date=date, when=when, amt=amt,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Clywedog water ref.", ref=ref, cy_title="Cyfrif dŵr mewn ôl-ddyledion",
        facts=[("Arrears on the account", amt(owed)), ("Get in touch no later than", when(by))],
        paras=("Your water charges have not been paid despite our reminders.",
               f"Arrears on the account are {amt(owed)}. Please pay, or contact us by {when(by)} to spread the cost or apply for our help tariff.",
               "If we do not hear from you, we may pass the debt to a collection agency."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("tickbox", "schedule")
    when, amt = _shapes(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 9_500, 170_000)
    ref, by = f"{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 6)}", later(date, 14)
    letter = Letter(
        org=MAGISTRATES, title="Fine enforcement: balance outstanding", date=date, when=when, amt=amt,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Fines office account", ref=ref,
        facts=[("Outstanding fine, costs and surcharge", amt(owed)), ("Pay or contact the office by", when(by))],
        paras=("The court ordered you to pay a fine, costs and the victim surcharge. Payments have stopped.",
               f"The outstanding fine, costs and surcharge come to {amt(owed)}. Pay or contact the office by {when(by)}.",
               "Otherwise the fines officer may make an attachment of earnings or benefits, or send enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("chronology", "margin")
    when, amt = _shapes(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 25_000, 780_000)
    ref, old = f"RPR{digits(rng, 8)}", f"BPL{digits(rng, 7)}"
    history = [(later(date, -45), f"Notice from {LENDER.name} that the loan would be sold"),
               (later(date, -20), "Date the assignment took effect")]  # fmt: skip
    letter = Letter(
        org=BUYER, title="Notice of assignment of your Bridgnorth loan", date=date, when=when, amt=amt,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="Rhymney account", ref=ref, history=history,
        facts=[("Lender who sold the loan", LENDER.name), ("Original loan number", old), ("Sum transferred to us", amt(owed))],
        paras=(f"{LENDER.name} has assigned your loan (number {old}) to {BUYER.name}. Payments are now owed to us.",
               f"The balance assigned to us is {amt(owed)}. No interest or charges will be added by us.",
               f"Please quote your Rhymney account number {ref} from now on. An existing payment arrangement can continue."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("schedule", "halves")
    when, amt = _shapes(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 14_000, 420_000)
    ref, by = f"HBOP/{digits(rng, 7)}", later(date, 28)
    letter = Letter(
        org=SHROPSHIRE, title="Overpaid Housing Benefit: how to repay it", date=date, when=when, amt=amt,
        truth=owes(C.OVERPAYMENT, SHROPSHIRE.name, ref, owed, date, deadline_date=by),
        ref_label="Overpayment invoice", ref=ref, cy_title="Anfoneb gordaliad Budd-dal Tai",
        facts=[("Overpaid Housing Benefit to repay", amt(owed)), ("Pay or agree a plan by", when(by))],
        paras=("Your Housing Benefit has been reassessed because your earnings went up, and you were paid too much.",
               f"Housing Benefit overpaid to you comes to {amt(owed)}. Pay it, or agree a repayment plan with us, by {when(by)}.",
               "You can ask us to explain the decision or appeal within one month."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("chronology", "band")
    when, amt = _shapes(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 60_000, 850_000)
    monthly = rng.randrange(48_000, 145_000)
    ref = f"{digits(rng, 4)}/{digits(rng, 5)}/{digits(rng, 2)}"
    letter = Letter(
        org=SOCIETY, title="Mortgage payments missed", date=date, when=when, amt=amt,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Monnow mortgage no.", ref=ref,
        facts=[("Monthly payment under your mortgage", amt(monthly)), ("Arrears on the mortgage", amt(owed))],
        paras=("Your mortgage payments have not been made in full and we want to help.",
               f"Arrears on the mortgage come to {amt(owed)}. Your monthly payment under the mortgage is {amt(monthly)}.",
               "Please call Member Support so we can agree an arrangement. We will only take possession as a last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("halves", "chronology")
    when, amt = _shapes(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 9_000, 320_000)
    weekly = rng.randrange(8_500, 15_500)
    ref = f"CTH{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="Rent owing on your Tawe home", date=date, when=when, amt=amt,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Tawe tenancy ref.", ref=ref, cy_title="Mae eich cyfrif rhent mewn ôl-ddyledion",
        cy=[("Rhif tenantiaeth", ref), ("Dyddiad", when(date)), ("Rhent sy'n ddyledus", amt(owed))],
        facts=[("Weekly rent charge", amt(weekly)), ("Rent owing to date", amt(owed))],
        paras=("Your rent has not been paid in full for several weeks.",
               f"Rent owing to date on your account is {amt(owed)}; your weekly rent charge is {amt(weekly)}. Please contact the Rent Team to agree how you will pay.",
               "If your Universal Credit housing element has changed, tell us. We can refer you for free money advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("band", "schedule")
    when, amt = _shapes(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 2_500, 140_000)
    by = later(date, 10)
    if i % 2 == 0:
        org, ref, title = CATALOGUE, f"PPC-{digits(rng, 7)}", "Catalogue payments overdue"
        first = "Your Penarth Parcel account is overdue, so we have stopped new orders."
    else:
        org, ref, title = (
            SPLIT,
            f"QP{digits(rng, 4)}{letters(rng, 2)}{digits(rng, 3)}",
            "Missed QuarterPay instalments",
        )
        first = "The last two instalments of your QuarterPay purchase could not be taken from your card."
    letter = Letter(
        org=org, title=title, date=date, when=when, amt=amt,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Shopping account no.", ref=ref,
        facts=[("Balance gone overdue", amt(owed)), ("Settle it before", when(by))],
        paras=(first,
               f"The overdue balance is {amt(owed)}. Pay before {when(by)} to stop late fees and a report to the credit agencies.",
               "If you are struggling, tell us and we will hold the account for 30 days while you get advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("margin", "chronology")
    when, amt = _shapes(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 70_000, 1_500_000)
    ref, ours, by = (
        f"AVR-INV-{digits(rng, 4)}",
        f"GHP/{letters(rng, 3)}/{digits(rng, 4)}",
        later(date, 30),
    )
    history = [(later(date, -70), f"Invoice {ref} sent by our client"),
               (later(date, -40), "Our client's final reminder"),
               (later(date, -14), "Our client's instructions to us")]  # fmt: skip
    letter = Letter(
        org=SOLICITORS, title="Letter of claim: unpaid roofing works", date=date, when=when, amt=amt,
        truth=owes(C.LETTER_OF_CLAIM, ROOFER.name, ref, owed, date, deadline_date=by),
        ref_label="Invoice", ref=ref, history=history,
        facts=[("We act for", ROOFER.name), ("Solicitors' ref.", ours), ("Our client's claim", amt(owed)), ("Reply needed by", when(by))],
        paras=(f"We are instructed by {ROOFER.name} about roofing works at your home charged on invoice {ref}. Our reference is {ours}.",
               f"Our client claims {amt(owed)}. Under the Pre-Action Protocol for Debt Claims please reply, using the reply form enclosed, by {when(by)}.",
               "If you do not reply, our client may start court proceedings without further warning and claim interest and costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def payslip(rng: random.Random, i: int) -> Doc:
    """Side headings (even) or a bilingual slip, Welsh over English labels (odd)."""
    org, date = EMPLOYERS[i % 2], dated(rng)
    when = rng.choice((mail_style, dashed_short, spaced))
    frequency = ("weekly", "fortnightly", "monthly", "four_weekly")[i % 4]
    scale = {"weekly": 1, "fortnightly": 2, "four_weekly": 4, "monthly": 4.33}[frequency]
    basic = int(rng.randrange(30_000, 56_000) * scale)
    extra = rng.randrange(0, 8_000)
    gross = basic + extra
    tax, ni, pension = gross * 12 // 100, gross * 5 // 100, gross * 3 // 100
    net = gross - tax - ni - pension
    week = rng.randrange(4, 40)
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    style = STYLES[(i + 1) % len(STYLES)]
    page = Sheet(style)
    size = SMALL + 1.5
    if i % 2 == 0:
        page.add(
            (t(0.3, org.name, True, size=style.point + 2),),
            (t(0.3, f"{org.street}, {org.town}", size=SMALL),),
        )
        page.rule(0.3, 0.93).gap()
        rows = [("Employee", f"{first} {surname}"), ("Staff payroll ref.", digits(rng, 6)), ("Date paid into bank", when(date)),
                ("How often you are paid", FREQUENCY_SHOWN[frequency][0]), ("Tax week/month", str(week))]  # fmt: skip
        page.add(
            (
                t(0.07, "Details", True, size=size),
                t(0.3, rows[0][0], size=size),
                rt(0.93, rows[0][1], size=size),
            )
        )
        page.add(*((t(0.3, k, size=size), rt(0.93, v, size=size)) for k, v in rows[1:])).gap()
        page.add(
            (
                t(0.07, "Earnings", True, size=size),
                t(0.3, "Basic pay", size=size),
                rt(0.93, pounds(basic), size=size),
            )
        )
        page.add((t(0.3, "Shift allowance", size=size), rt(0.93, pounds(extra), size=size)))
        page.add(
            (
                t(0.3, "Gross for the period", True, size=size),
                rt(0.93, pounds(gross), True, size=size),
            )
        ).gap()
        page.add(
            (
                t(0.07, "Deductions", True, size=size),
                t(0.3, "PAYE", size=size),
                rt(0.93, pounds(tax), size=size),
            )
        )
        page.add((t(0.3, "National Insurance", size=size), rt(0.93, pounds(ni), size=size)))
        page.add((t(0.3, "Pension scheme", size=size), rt(0.93, pounds(pension), size=size))).gap()
        page.add(
            (
                t(0.07, "Year to date", True, size=size),
                t(0.3, "Gross", size=size),
                rt(0.93, pounds(gross * week // (1 if frequency == "monthly" else 2)), size=size),
            )
        ).gap()
        page.add(
            (
                t(0.07, "Take-home", True, size=size),
                t(0.3, "Net pay to your bank", True, size=size),
                rt(0.93, pounds(net), True, size=size),
            )
        ).gap()
        page.para(f"{pounds(net)} was paid into your account on {when(date)}.", x=0.3, right=0.93)
    else:
        page.add(
            (
                t(0.07, org.cy or org.name, True, size=style.point + 1.5),
                rt(0.93, "SLIP CYFLOG / PAYSLIP", True),
            )
        )
        page.add((t(0.07, org.name, size=SMALL + 1),)).rule().gap()
        items = [("Gweithiwr / Employee", f"{first} {surname}"), ("Dyddiad talu / Pay date", when(date)),
                 ("Amlder / Paid", FREQUENCY_SHOWN[frequency][0]), ("Cyflog gros / Gross pay", pounds(gross)),
                 ("Treth / Tax", pounds(tax)), ("Yswiriant Gwladol / NI", pounds(ni)), ("Pensiwn / Pension", pounds(pension)),
                 ("Cyflog net / Net pay", pounds(net))]  # fmt: skip
        top = len(page.rows)
        for label, value in items:
            cy, en = label.split(" / ")
            page.add((t(0.1, cy, italic=True, size=SMALL + 1), rt(0.9, value, True)))
            page.add((t(0.1, en, size=SMALL + 1),))
        page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92))
        page.gap()
        page.para(
            f"Net pay {pounds(net)} paid {FREQUENCY_SHOWN[frequency][1]}; this payment was made on {when(date)}.",
            x=0.07,
        )
    _foot(page, org, 1, 1)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """Money out, money in and a balance (overdrawn with "o/d"); two pages on odd documents."""
    date = dated(rng)
    when = rng.choice((mail_style, dashed_short, spaced))
    style = STYLES[i % len(STYLES)]
    start = later(date, -31)
    running = rng.randrange(-25_000, 110_000)
    items = [("BACS CARDIFF BAY WATERBUS", 0, rng.randrange(70_000, 190_000)), ("DD ELAN VALLEY ENERGY", rng.randrange(5_000, 13_000), 0),
             ("CARD ALDI LLANIDLOES", rng.randrange(800, 7_000), 0), ("STO CARTREFI TAWE", rng.randrange(40_000, 68_000), 0),
             ("CASH BRIDGNORTH HIGH ST", 3_000, 0), ("DD CARDIFF COUNCIL", rng.randrange(9_000, 15_000), 0),
             ("FP IN T HARCOMBE", 0, rng.randrange(1_000, 9_000)), ("CARD GREGGS WREXHAM", rng.randrange(250, 1_200), 0),
             ("DD PENARTH PARCEL", rng.randrange(2_000, 7_500), 0), ("DD CLYWEDOG WATER", rng.randrange(2_500, 6_500), 0)]  # fmt: skip

    def bal(pence: int) -> str:
        return plain(pence) if pence >= 0 else overdrawn(-pence)

    size = SMALL + 1
    head = (t(0.08, "Date", True, size=size), t(0.2, "Transaction", True, size=size), rt(0.6, "Money out", True, size=size),
            rt(0.74, "Money in", True, size=size), rt(0.92, "Balance", True, size=size))  # fmt: skip
    sheets: list[Sheet] = []
    page = Sheet(style)
    _heading(page, BANK, style)
    page.gap()
    _address(page, rng)
    page.add((t(0.07, "Current account statement", True), rt(0.93, f"Statement date {when(date)}")))
    page.add((t(0.07, f"Sort code {digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}   Account {digits(rng, 8)}", size=size),
              rt(0.93, f"Period {start:%d/%m} - {date:%d/%m}", size=size))).gap()  # fmt: skip
    page.add(head).rule(0.07, 0.93)
    page.add(
        (
            t(0.08, f"{start:%d %b}", size=size),
            t(0.2, "Opening balance", size=size),
            rt(0.92, bal(running), size=size),
        )
    )
    split = 5 if i % 2 else len(items)
    for n, (what, out, into) in enumerate(items):
        if n == split:
            page.add(
                (t(0.2, "Continued overleaf", True, size=size), rt(0.92, bal(running), size=size))
            )
            _foot(page, BANK, 1, 2)
            sheets.append(page)
            page = Sheet(style)
            _heading(page, BANK, style)
            page.add((t(0.07, "Current account statement (continued)", True),)).gap()
            page.add(head).rule(0.07, 0.93)
        running += into - out
        day = later(start, 3 + n * 3)
        page.add((t(0.08, f"{day:%d %b}", size=size), t(0.2, what, size=size), rt(0.6, plain(out) if out else "", size=size),
                  rt(0.74, plain(into) if into else "", size=size), rt(0.92, bal(running), size=size)))  # fmt: skip
    page.rule(0.07, 0.93)
    page.add(
        (t(0.2, "Closing balance", True, size=size), rt(0.92, bal(running), True, size=size))
    ).gap()
    page.para(
        "o/d means your account was overdrawn. Tell us straight away about any payment you do not recognise.",
        x=0.07,
        size=SMALL + 0.5,
    )
    _foot(page, BANK, len(sheets) + 1, len(sheets) + 1)
    sheets.append(page)
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=sheets, style=style
    )


def benefit(rng: random.Random, i: int) -> Doc:
    """Personal Independence Payment (even: halves) or Attendance Allowance (odd: margin)."""
    kinds = ("halves", "margin")
    when, amt = _shapes(rng, i, kinds)
    date = dated(rng)
    frequency = ("four_weekly", "weekly")[(i // 2) % 2]
    times = 4 if frequency == "four_weekly" else 1
    if i % 2 == 0:
        daily, mobility = rng.choice((7_390, 11_040)), rng.choice((2_920, 7_710))
        weekly = daily + mobility
        paid = weekly * times
        org, title, ref_label = (
            PIP,
            "Personal Independence Payment: our decision",
            "National Insurance number",
        )
        facts = [("Daily living part (weekly)", amt(daily)), ("Mobility part (weekly)", amt(mobility)),
                 ("Payment frequency", FREQUENCY_SHOWN[frequency][0]), ("What we pay you each time", amt(paid))]  # fmt: skip
        paras = (f"We have decided you are entitled to Personal Independence Payment from {when(later(date, -35))}.",
                 f"Your weekly rate is made up of a daily living part of {amt(daily)} and a mobility part of {amt(mobility)}. We will pay {amt(paid)} {FREQUENCY_SHOWN[frequency][1]}.",
                 "If you think this decision is wrong you can ask us to look at it again within one month.")  # fmt: skip
        cy = [("Taliad Annibyniaeth Personol", ""), ("Swm pob taliad", amt(paid)), ("Amlder", FREQUENCY_SHOWN[frequency][0]),
              ("Dyddiad", when(date))]  # fmt: skip
        ref = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}"
    else:
        weekly = rng.choice((7_270, 10_860))
        paid = weekly * times
        org, title, ref_label = ATTENDANCE, "Attendance Allowance award", "Award ref."
        facts = [
            ("Rate", "Higher" if weekly > 10_000 else "Lower"),
            ("Paid", FREQUENCY_SHOWN[frequency][0]),
            ("Paid to you each time", amt(paid)),
        ]
        paras = ("We have looked at your claim for Attendance Allowance and the information your GP sent.",
                 f"You will get {amt(paid)} {FREQUENCY_SHOWN[frequency][1]}, paid into your bank account.",
                 "Tell us if you go into hospital or a care home, or your needs change.")  # fmt: skip
        cy = []
        ref = f"AA{digits(rng, 9)}"
    letter = Letter(
        org=org, title=title, date=date, when=when, amt=amt,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label=ref_label, ref=ref, facts=facts, paras=paras, cy=[c for c in cy if c[1]],
        cy_title="Taliad Annibyniaeth Personol: ein penderfyniad",
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: an agricultural show's stewards (band), a choir's concert (margin)."""
    kinds = ("band", "margin")
    when, amt = _shapes(rng, i, kinds)
    date = dated(rng)
    on = later(date, 14 + rng.randrange(30))
    if i % 2 == 0:
        letter = Letter(
            org=SHOW, title="Stewarding at this year's show", date=date, when=when, amt=amt, truth=Truth(document_class=C.OTHER),
            ref_label="Steward no.", ref=digits(rng, 3), facts=[("Show day", when(on)), ("Where to report", "Ring Two, by the sheep pens")],
            paras=(f"Thank you for stewarding again. The show is on {when(on)}; please report to Ring Two by half past seven.",
                   "Passes, hi-vis jackets and lunch vouchers are in the secretary's tent."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=CHOIR, title="Spring concert rehearsals", date=date, when=when, amt=amt, truth=Truth(document_class=C.OTHER),
            ref_label="Choir member no.", ref=digits(rng, 3), facts=[("Concert", when(on)), ("Venue", "St Peter's Church")],
            paras=(f"Our spring concert is on {when(on)}. Extra rehearsals are on Tuesday evenings in the Memorial Hall.",
                   "Please bring your black folders and learn the Welsh pieces by heart."),
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
class XSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_x(per_class: int = 4, *, seed: int = 1619) -> list[XSample]:
    """``per_class`` documents of every class, held out, family ``<class>:X``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, XSample)


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, x_text, x_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class XScan:
    dpi: int
    skew: float
    """Degrees."""
    ink: int = 25
    paper: int = 248
    folds: bool = False
    """Folded in three for a long envelope: two creases across the page."""
    smear: int = 0
    """A slipping sheet feeder: a vertical motion blur in this many passes."""
    carbon: bool = False
    """A carbon copy: faint, with a second impression a little off the first."""
    noise: float = 0.0
    tiff: bool = False


SCANS = (
    XScan(dpi=250, skew=0.6, folds=True, noise=0.0002),
    XScan(dpi=180, skew=-0.35, ink=55, paper=230, smear=1, tiff=True),
    XScan(dpi=300, skew=-0.9, ink=70, paper=238, carbon=True, noise=0.0003),
)


def _draw(
    sample: XSample, n: int, scan: XScan, dx: int = 0, dy: int = 0, ink: int | None = None
) -> Image.Image:
    width, height = page_size(sample, scan.dpi)
    image = Image.new("L", (width, height), scan.paper)
    pen = ImageDraw.Draw(image)
    ink = scan.ink if ink is None else ink
    tops, heights = PRINT.rows(sample, n, scan.dpi)
    body = round(sample.style.point / 72 * scan.dpi)
    line = max(1, scan.dpi // 110)
    dark: list[tuple[int, int, int, int]] = []
    for rect in sample.rects[n] if sample.rects else ():
        y0 = tops[rect.first] - round(0.2 * body)
        y1 = tops[rect.last] + heights[rect.last] - round(0.2 * body)
        box = (round(rect.x0 * width) + dx, y0 + dy, round(rect.x1 * width) + dx, y1 + dy)
        if rect.fill is not None:
            pen.rectangle(box, fill=rect.fill)
            if rect.fill < 128:
                dark.append(box)
        if rect.outline:
            pen.rectangle(box, outline=ink, width=line)
    for rule in sample.rules[n] if sample.rules else ():
        y = (
            tops[rule.row] - round(0.1 * body) if rule.row < len(tops) else tops[-1] + heights[-1]
        ) + dy
        x0, x1 = round(rule.x0 * width) + dx, round(rule.x1 * width) + dx
        step = scan.dpi // 30 if rule.dashed else x1 - x0
        for x in range(x0, x1, max(1, step)):
            end = min(x1, x + step // 2) if rule.dashed else x1
            pen.line((x, y, end, y), fill=ink, width=line)
    for p in PRINT.layout(sample, n, scan.dpi):
        x, y = p.left + dx, p.top + dy
        on_dark = any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in dark)
        pen.text((x, y), p.cell.text, fill=scan.paper if on_dark else ink, font=p.font)
    return image


def render(sample: XSample, n: int, scan: XScan, seed: int = 0) -> Image.Image:
    image = _draw(sample, n, scan)
    width, height = image.size
    if scan.carbon:
        shift = max(2, scan.dpi // 100)
        ghost = _draw(sample, n, scan, dx=shift, dy=shift // 2, ink=190)
        image = Image.composite(ghost, image, image.point(lambda v: 255 if v >= scan.paper else 0))
    if scan.folds:
        pen = ImageDraw.Draw(image)
        for k in (1, 2):
            y = round(height * k / 3)
            pen.line((0, y - 2, width, y - 2), fill=scan.paper - 40, width=max(2, scan.dpi // 90))
            pen.line((0, y + 1, width, y + 1), fill=255, width=1)
    if scan.noise:
        speckle(image, scan.noise, seed)
    if scan.smear:
        # One column of weights down a 3 by 3 kernel: each pass smears the page a pixel
        # up and down (a sheet feeder slipping).
        column = ImageFilter.Kernel((3, 3), (0, 1, 0, 0, 2, 0, 0, 1, 0), scale=4)
        for _ in range(scan.smear):
            image = image.filter(column)
    return image.rotate(
        scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=scan.paper
    )


def _tiff(image: Image.Image, dpi: int) -> bytes:
    out = io.BytesIO()
    image.save(out, format="TIFF", dpi=(dpi, dpi), compression="tiff_lzw")
    return out.getvalue()


def x_scanned(sample: XSample, index: int) -> tuple[bytes, str, XScan]:
    """Printed and scanned one of three ways: multi-page ones as one PDF; the sheet-feeder
    scans as TIFF; the others as PNG (every other one without its resolution) or, one in
    three, as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 37 + n) for n in range(len(sample.pages))]
    if len(images) > 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    if scan.tiff:
        return _tiff(images[0], scan.dpi), "tiff", scan
    if index % 3 == 2:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "XSample",
    "XScan",
    "build_x",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
    "x_pages",
    "x_scanned",
    "x_text",
]
