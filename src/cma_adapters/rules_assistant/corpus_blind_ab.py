# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AB``, written blind: a twenty-second measure of how the reader
generalises, in a twenty-second hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I``,
``J`` and ``AA``).

``AB`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``,
``values_found``, ``FIELDS``), the shared page engine (``corpus_print``), family AA's module
and tests (for their conventions, as the task allowed), the shared test helpers
(``tests/unit/documents/blind_families.py``, ``tests/integration/ocr/blind_read.py``), the
reporting code of ``benchmarks/intake_accuracy.py`` and ``benchmarks/openai_accuracy.py``,
AA's benchmark registration (the commits that added AA) and, by grep only, the module
docstrings of families A-Z, G, E, F, I and J (to avoid their regions, settings, date
shapes, faces and scan effects) -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``, ``prose.py``,
``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``label_learning.py``, ``read_families.py``, ``ranker.py``,
``ranker_training.py``, the Tesseract extractor, the locator, the creditor directory), its
reading tests, nor any account of its misses. It is never used to write rules, to train or
calibrate the classifier or the field ranker (``build_corpus`` never yields it), nor to
choose models: it is measured, and only the aggregate figures go into benchmarks/OCR.md.
Whoever reads its individual misses to change the reader makes ``AB`` no longer blind and
must say so there.

**AB is no longer blind since round 27** (branch ``reader27``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AB
from then on is a training-side figure (benchmarks/OCR.md, "Round 27"; a docstring line of
this module was seen by round 26's helper before, as that section says).

What differs from A-Z, G, E, F, I, J and AA:

* who writes: bodies and firms of Hampshire and Dorset (the New Forest, the Test valley,
  Cranborne Chase, Poole Harbour, the Piddle valley and the Dorset coast), none named by
  the earlier families: a Beaulieu card company and a Test valley credit union, a Wimborne
  boat lender suing in the County Court at Bournemouth, a thatcher's judgment from the
  County Court at Southampton, New Forest Heath council and its enforcement agents in
  Brockenhurst, a Swanage stone merchant's statutory demand, Piddle Valley and Hardy Vale
  councils, an energy supplier at Fawley, a Dorset water company, Poole magistrates, a
  Totton doorstep lender and the Eastleigh debt buyer it sold to, Verwood and Ferndown
  council's Housing Benefit overpayments, a building society of Shaftesbury and
  Blandford, a Weymouth housing association, a Bridport catalogue and a split-payment
  firm, Winchester solicitors for a Ringwood joinery, a Gosport chandlery and a Sherborne
  bakehouse as employers, Hengistbury Bank, Employment and Support Allowance and
  Attendance Allowance, a Poole Harbour dinghy club and a New Forest commoners' pony drift;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **chat**: a web-chat transcript printed from the writer's "Live Help" (a chat id, the
    date of the chat, each turn timed "14:02" with who speaks), the agent giving every
    fact in a turn, the customer once quoting an older figure from a letter;
  - **sheet**: a page printed from a spreadsheet: the file's name and the sheet's tab in
    the print header, column letters A-D across the top and row numbers down the left,
    each cell ruled, the labels in column A and the values in column C;
  - **calendar**: "Your dates this month": the month of the date that matters set as a
    calendar (Mo to Su), that day in brackets "[18]" and this letter's day starred, the
    facts listed right of it;
  - **card**: the letter with its facts in a colon-aligned block, above a dashed
    "cut out and keep" payment card (the writer, the reference in spaced groups, a
    barcode's bars, where to pay);
  - **progress**: "How far along you are": a bar of what is paid against what was owed,
    "Paid so far" and "Total to repay" beside the "Left to pay" (the sum owed);
  - **checklist**: "What to do now": a ruled tick box before each step, every fact in a
    step;
  payslips as Earnings above Deductions with three boxed totals across the foot, or as a
  spreadsheet; bank statements with a transaction-type column and the balance minus-signed
  when overdrawn; an Employment and Support Allowance and an Attendance Allowance letter;
* faces no family paired: Carlito bodies under P052 Bold headings, Liberation Serif under
  URW Gothic Demi, URW Bookman Light under Open Sans ExtraBold, 9 to 10 pt; every face's
  italic is C059 Italic;
* dates as "04DEC26" (day, month and year run together, capitals), "Friday the 4th of
  December 2026" and "2026.12.04", one shape a document; amounts as "£1,234.56" and, in
  tables and sheets, "1,234.56";
* scans new to the families: a phone photo sent through a messaging app (downscaled to 160
  dpi, the top of the page out of focus, recompressed hard; colour JPEG without a
  resolution); an ink-jet running low, black printed as a brownish composite with pale
  horizontal lines where nozzles are blocked (300 dpi colour PNG); a page printed two to a
  sheet (reduced to 71% on the left half of a landscape sheet, the right half blank; 300
  dpi greyscale, uncompressed TIFF).

Ground truth follows L's to AA's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference, on a claim form and a judgment the claimant's reference); ``balance_pence``
what is owed now (in a chat the agent's figure, never the customer's older one; in the
progress setting what is left to pay); ``letter_date`` the document's own date (a chat's
date); ``deadline_date`` and ``served_date`` only where printed. Payslips give the
employer, net and gross pay, pay date and frequency; benefit letters the payer, the amount
paid each time, the date and the frequency; a bank statement its date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import random
from collections.abc import Callable, Sequence

import numpy as np
from attrs import field, frozen
from PIL import Image, ImageDraw, ImageFilter

from cma_adapters.rules_assistant.corpus import (
    C,
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

FAMILY = "AB"

PEOPLE = (
    ("Ms", "Marguerite", "Aldous-Penberthy"),
    ("Mr", "Osagie", "Fairweather-Lund"),
    ("Mrs", "Henrietta", "Kowalczyk-Dunne"),
    ("Mr", "Ravindra", "Colquhoun-Tate"),
)
ADDRESSES = (
    ("14 Pennington Oval", "Lymington", "SO41 8BQ"),
    ("Flat 2, 61 Christchurch Road", "Ringwood", "BH24 1DH"),
    ("7 Provost Street", "Fordingbridge", "SP6 1AY"),
    ("33 Kingland Crescent", "Poole", "BH15 1TB"),
)

# -- date and money shapes -------------------------------------------------------------------


def compact(date: dt.date) -> str:
    """04DEC26"""
    return f"{date:%d}{date:%b}".upper() + f"{date:%y}"


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def the_day(date: dt.date) -> str:
    """Friday the 4th of December 2026"""
    return f"{date:%A} the {_ordinal(date.day)} of {date:%B} {date.year}"


def dotted(date: dt.date) -> str:
    """2026.12.04"""
    return f"{date:%Y.%m.%d}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (compact, the_day, dotted)


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Weekly, in arrears", "every week"),
    "fortnightly": ("Every fortnight", "every two weeks"),
    "four_weekly": ("Four-weekly", "every fourth week"),
    "monthly": ("Calendar-monthly", "on the same day each month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AB prints a true value (to check it is on the page, or in an OCR text)."""
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
_CX = "/usr/share/fonts/truetype/crosextra/"
_URW = "/usr/share/fonts/opentype/urw-base35/"
_LB = "/usr/share/fonts/truetype/liberation/"
_OS = "/usr/share/fonts/truetype/open-sans/"
_ITALIC = _URW + "C059-Italic.otf"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "carlito": {
        (False, False): _CX + "Carlito-Regular.ttf",
        (True, False): _URW + "P052-Bold.otf",
        (False, True): _ITALIC,
        (True, True): _ITALIC,
    },
    "libserif": {
        (False, False): _LB + "LiberationSerif-Regular.ttf",
        (True, False): _URW + "URWGothic-Demi.otf",
        (False, True): _ITALIC,
        (True, True): _ITALIC,
    },
    "bookman": {
        (False, False): _URW + "URWBookman-Light.otf",
        (True, False): _OS + "OpenSans-ExtraBold.ttf",
        (False, True): _ITALIC,
        (True, True): _ITALIC,
    },
}
"""Each body face under headings of another family: Carlito under P052 Bold, Liberation
Serif under URW Gothic Demi, URW Bookman Light under Open Sans ExtraBold; italic is always
C059 Italic (``fonts-crosextra-carlito``, ``fonts-liberation``, ``fonts-urw-base35``,
``fonts-open-sans``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "carlito"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("carlito", 10.0), Style("libserif", 9.5), Style("bookman", 9.0))


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []

    def rule(self, x0: float = 0.08, x1: float = 0.92, *, dashed: bool = False) -> Sheet:
        """A rule over the last row added (the engine draws it at that row's top)."""
        self.rules.append(Rule(len(self.rows), x0, x1, dashed))
        return self

    def cell(self, row: int, x0: float, x1: float, fill: int | None = None) -> Sheet:
        """A ruled (or shaded) box round one row from ``x0`` to ``x1``."""
        self.rects.append(Rect(row, row, x0, x1, fill is None, fill))
        return self


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def balance(rng: random.Random, low: int = 7_000, high: int = 720_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    return dt.date(2025, 3, 10) + dt.timedelta(days=rng.randrange(640))


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The line at the foot of every page ("" for a public body)."""
    team: str = "Customer Support"
    agent: str = "Nadia"
    """Who answers the writer's web chat."""


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the labelled facts
    (already shaped; the sum owed first where there is one, ``owed`` its pence; a date that
    matters (a deadline) as ``due``); ``paras`` the prose, stating every fact in a
    sentence."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[tuple[str, str]]
    owed: int = 0
    due: dt.date | None = None
    paras: Sequence[str]
    signed: str = field(default="")
    date_label: str = field(default="Date of letter")


def person(rng: random.Random) -> tuple[tuple[str, str, str], list[str]]:
    """((title, first name, surname), address lines)."""
    title, first, surname = rng.choice(PEOPLE)
    return (title, first, surname), [f"{title} {first} {surname}", *rng.choice(ADDRESSES)]


def _foot(page: Sheet, org: Org, x0: float = 0.08, x1: float = 0.92) -> None:
    page.foot = len(page.rows)
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    rows = page.wrapped(text, x0, x1, size=SMALL - 1)
    page.add(*rows)


def _address(page: Sheet, rng: random.Random, x: float = 0.08) -> str:
    (title, _, surname), lines = person(rng)
    page.add(*((t(x, line),) for line in lines)).gap()
    return f"{title} {surname}"


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _head(page: Sheet, org: Org, style: Style) -> None:
    """The name on the left in the heading face, the address and telephone right-aligned
    under each other beside it, a rule under them."""
    page.add((t(0.08, org.name, True, size=style.point + 2.5), rt(0.92, org.street, size=SMALL)))
    page.add((rt(0.92, org.town, size=SMALL),))
    page.add((rt(0.92, f"Phone {org.phone}", size=SMALL),)).rule()


def _close(page: Sheet, letter: Letter, x: float = 0.08) -> None:
    page.add((t(x, "Regards,"),)).gap()
    page.add((t(x, letter.signed or letter.org.team, True),))


def _all_facts(letter: Letter) -> list[tuple[str, str]]:
    return [
        (letter.date_label, letter.when(letter.date)),
        (letter.ref_label, letter.ref),
        *letter.facts,
    ]


# -- the six settings ---------------------------------------------------------------------------


def _chat(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A web-chat transcript: the chat's id and date, each turn timed and named."""
    org = letter.org
    page = Sheet(style)
    size = SMALL + 1
    (_, first, _), _ = person(rng)
    page.add((t(0.08, f"{org.name} - Live Help", True, size=style.point + 2),))
    page.add(
        (t(0.08, "Chat transcript (a copy you asked for)", italic=True, size=size),)
    ).rule().gap()
    chat_id = f"LH-{digits(rng, 9)}"
    page.add((t(0.08, "Chat ID", size=size), t(0.3, chat_id, size=size)))
    page.add((t(0.08, "Date of chat", size=size), t(0.3, letter.when(letter.date), size=size)))
    page.add(
        (t(0.08, "Your adviser", size=size), t(0.3, f"{org.agent}, {org.team}", size=size))
    ).gap()
    page.rule()
    hour, minute = rng.randrange(9, 17), rng.randrange(0, 40)
    turns: list[tuple[str, str]] = [
        (org.agent, f"Hello, you are through to {org.name}. How can I help today?"),
        (first, f"I had a letter about my account. An older letter said I owed {pounds(max(letter.owed - rng.randrange(900, 4_000), 500))} but I am not sure now." if letter.owed else "I had a letter from you and wanted to check it."),
        (org.agent, f"Thanks {first}. I have found it: {letter.ref_label.lower()} {letter.ref}."),
    ]  # fmt: skip
    for label, value in letter.facts:
        turns.append((org.agent, f"{label}: {value}."))
    turns += [(org.agent, text) for text in letter.paras]
    turns.append((first, "Thank you, that is clear. Can I have a copy of this chat?"))
    turns.append((org.agent, "Yes, a copy will be sent to you. Thank you for chatting with us."))
    for who, text in turns:
        stamp = f"{hour:02d}:{minute:02d}"
        rows = page.wrapped(text, 0.3, 0.92, size=size)
        page.add((t(0.08, stamp, size=size), t(0.15, who, True, size=size), *rows[0]), *rows[1:])
        minute += rng.randrange(1, 3)
    page.gap()
    page.foot = len(page.rows)
    page.add(
        *page.wrapped(
            f"Transcript of chat {chat_id}. {org.registered or org.name}",
            0.08,
            0.92,
            size=SMALL - 1,
        )
    )
    return [page]


SHEET_X = (0.06, 0.1, 0.48, 0.62, 0.94)
"""The row numbers' column, then the edges of columns A (0.1-0.48), B (0.48-0.62) and C
(0.62-0.94)."""


def _sheet(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Printed from a spreadsheet: the file's name, column letters, row numbers, ruled
    cells; labels in column A, values in column C (B holds a note or is empty)."""
    org = letter.org
    page = Sheet(style)
    size = SMALL + 1
    xs = SHEET_X
    name = org.name.split()[0].lower()
    page.add((t(0.06, f"{name}_account_{letter.ref.replace(' ', '').replace('/', '-')}.xlsx", size=SMALL - 0.5),
              rt(0.94, "Printed from Sheet1", size=SMALL - 0.5)))  # fmt: skip
    page.gap()
    head = len(page.rows)
    page.add((ct((xs[1] + xs[2]) / 2, "A", size=size), ct((xs[2] + xs[3]) / 2, "B", size=size), ct((xs[3] + xs[4]) / 2, "C", size=size)))  # fmt: skip
    for x0, x1 in ((xs[0], xs[1]), (xs[1], xs[2]), (xs[2], xs[3]), (xs[3], xs[4])):
        page.cell(head, x0, x1, fill=225)
    (title, first, surname), _ = person(rng)
    rows: list[tuple[str, str, str, bool]] = [
        (org.name, "", "", True),
        (f"{org.street}, {org.town}", "", "", False),
        ("", "", "", False),
        (letter.title, "", "", True),
        *(
            (("Customer", "", f"{title} {first[0]} {surname}", False),)
            if letter.truth.document_class is not C.PAYSLIP
            else ()
        ),
        *((label, "", value, False) for label, value in _all_facts(letter)),
        ("", "", "", False),
    ]
    if letter.owed:
        parts = _breakdown(rng, letter.owed)
        rows += [("Made up of", "", "", True)]
        rows += [(what, note, plain(amount), False) for what, note, amount in parts]
        rows += [("Total", "", plain(letter.owed), True), ("", "", "", False)]
    for n, (a, b, c, bold) in enumerate(rows, 1):
        row = len(page.rows)
        page.add((rt(xs[1] - 0.008, str(n), size=SMALL), t(xs[1] + 0.01, a, bold, size=size),
                  t(xs[2] + 0.01, b, size=SMALL), rt(xs[4] - 0.01, c, bold, size=size) if c[:1].isdigit() or c[:1] == "£" else t(xs[3] + 0.01, c, bold, size=size)))  # fmt: skip
        page.cell(row, xs[0], xs[1], fill=235)
        for x0, x1 in ((xs[1], xs[2]), (xs[2], xs[3]), (xs[3], xs[4])):
            page.cell(row, x0, x1)
    page.gap()
    page.add((t(0.06, "Notes", True, size=size),))
    for text in letter.paras:
        page.para(text, x=0.06, right=0.94, size=size)
    page.foot = len(page.rows)
    page.add((t(0.06, org.registered or org.name, size=SMALL - 1),))
    return [page]


def _breakdown(rng: random.Random, owed: int) -> list[tuple[str, str, int]]:
    """What the sum owed is made of (three lines that add up to it)."""
    charges = rng.randrange(0, max(1, owed // 6))
    fees = rng.choice((0, 1_500, 2_500)) if owed > 10_000 else 0
    return [("Principal sum", "unpaid", owed - charges - fees), ("Interest and charges", "", charges), ("Fees", "", fees)]  # fmt: skip


def _calendar(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The month of the date that matters (the deadline, else this letter's) as a
    calendar, that day in brackets and this letter's day starred; the facts beside it."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    key = letter.due or letter.date
    size = SMALL + 1
    grid = [(t(0.08, f"Your dates this month: {key:%B %Y}", True, size=size),),
            tuple(rt(0.12 + 0.05 * n, day, True, size=size) for n, day in enumerate(("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")))]  # fmt: skip
    for week in calendar.Calendar().monthdayscalendar(key.year, key.month):
        cells = []
        for n, day in enumerate(week):
            if not day:
                continue
            text = str(day)
            if day == key.day and letter.due:
                text = f"[{day}]"
            elif (
                key.month == letter.date.month
                and key.year == letter.date.year
                and day == letter.date.day
            ):
                text = f"{day}*"
            cells.append(
                rt(0.12 + 0.05 * n + (0.008 if text.endswith(("]", "*")) else 0), text, size=size)
            )
        grid.append(tuple(cells))
    facts = _all_facts(letter)
    side = []
    for label, value in facts:
        side += [(t(0.5, label, size=size),), (t(0.52, value, True, size=size),)]
    for left, right in zip(
        grid + [()] * max(0, len(side) - len(grid)),
        side + [()] * max(0, len(grid) - len(side)),
        strict=True,
    ):
        page.add((*left, *right))
    key_text = (
        "[ ] the day to pay or reply by    * the date of this letter"
        if letter.due
        else "* the date of this letter"
    )
    page.add((t(0.08, key_text, italic=True, size=SMALL),)).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


def _card(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The facts in a colon-aligned block, the letter, and a payment card to cut out."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    salutation = _address(page, rng)
    for label, value in _all_facts(letter):
        page.add(
            (
                rt(0.4, label, size=SMALL + 1),
                t(0.41, ":", size=SMALL + 1),
                t(0.44, value, True, size=SMALL + 1),
            )
        )
    page.gap()
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    page.gap()
    page.add((t(0.08, "- - - cut out and keep - - -", size=SMALL),))
    page.rule(0.08, 0.62, dashed=True)
    page.add((t(0.1, org.name, True, size=SMALL + 1.5),))
    page.add((t(0.1, "PAYMENT CARD", size=SMALL),))
    bare = letter.ref.replace(" ", "")
    spaced = (
        " ".join(bare[k : k + 4] for k in range(0, len(bare), 4)) if bare.isdigit() else letter.ref
    )
    page.add((t(0.1, spaced, True, size=style.point + 1.5),))
    bars = len(page.rows)
    page.add((t(0.1, "", size=SMALL + 4),))
    x = 0.1
    while x < 0.5:
        width = rng.choice((0.002, 0.003, 0.005))
        page.rects.append(Rect(bars, bars, x, x + width, False, 20))
        x += width + rng.choice((0.003, 0.004, 0.006))
    page.add((t(0.1, "Pay at a Post Office or a PayPoint shop, or by phone.", size=SMALL),))
    page.rule(0.08, 0.62, dashed=True)
    _foot(page, org)
    return [page]


def _progress(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """What is paid against what was owed, as a bar; "Left to pay" the sum owed."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    salutation = _address(page, rng)
    page.add(
        (t(0.08, letter.title, True, size=style.point + 1), rt(0.92, letter.when(letter.date)))
    )
    page.add((t(0.08, f"{letter.ref_label}: {letter.ref}"),)).gap()
    size = SMALL + 1
    if letter.owed:
        paid = rng.randrange(max(500, letter.owed // 8), max(600, letter.owed))
        total = paid + letter.owed
        page.add((t(0.08, "How far along you are", True),))
        row = len(page.rows)
        page.add((t(0.08, "", size=size),))
        share = paid / total
        page.rects.append(Rect(row, row, 0.08, 0.08 + 0.84 * share, False, 150))
        page.cell(row, 0.08, 0.92)
        page.add(
            (
                t(0.08, "Paid so far", size=size),
                ct(0.5, "Total to repay", size=size),
                rt(0.92, "Left to pay", True, size=size),
            )
        )
        page.add(
            (
                t(0.08, plain(paid), size=size),
                ct(0.5, plain(total), size=size),
                rt(0.92, letter.facts[0][1], True, size=size),
            )
        )
        page.gap()
    rest = letter.facts[1:] if letter.owed else letter.facts
    for label, value in rest:
        page.add((t(0.08, label, size=size), rt(0.92, value, True, size=size)))
    page.gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


def _checklist(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The date on the right, then "What to do now": a tick box before each step."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    page.add((rt(0.92, letter.when(letter.date)),))
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    page.para(letter.paras[0]).gap()
    page.add((t(0.08, "What to do now", True),)).gap()
    steps = [f"Have your {letter.ref_label.lower()} to hand: {letter.ref}"]
    steps += [f"{label}: {value}" for label, value in letter.facts]
    steps.append("Ask a free, independent debt adviser for help if you need it")
    for text in steps:
        rows = page.wrapped(text, 0.14, 0.92)
        row = len(page.rows)
        page.add((t(0.14, rows[0][0].text),), *rows[1:])
        page.rects.append(Rect(row, row, 0.085, 0.11, True, None))
        page.gap()
    _prose(page, letter.paras[1:])
    _close(page, letter)
    _foot(page, org)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "chat": _chat,
    "sheet": _sheet,
    "calendar": _calendar,
    "card": _card,
    "progress": _progress,
    "checklist": _checklist,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.ref)) % len(STYLES)]
    sheets = KINDS[kinds[i % 2]](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    """One shape a document."""
    return rng.choice(DATE_SHAPES)


# -- organisations (none named by A-Z, G, E, F, I, J or AA) ---------------------------------------


def _co(name: str, number: str, office: str, extra: str = "") -> str:
    return f"{name}. Registered in England no. {number}. Registered office: {office}.{extra}"


FCA = " Authorised and regulated by the Financial Conduct Authority."
CARD = Org("Beaulieu Reach Card Services Ltd", "PO Box 5172", "Beaulieu SO42 9XT", "01590 612 448",
           _co("Beaulieu Reach Card Services Ltd", "13306271", "High Street, Beaulieu SO42 7YA", FCA), "Card Support", "Imogen")  # fmt: skip
UNION = Org("Test Valley Savers Credit Union Ltd", "Market Place", "Romsey SO51 8NA", "01794 523 917",
            "Test Valley Savers Credit Union Ltd is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 213377).", "Member Lending", "Callum")  # fmt: skip
CLAIMANT = Org("Wimborne Marine Finance Ltd", "Quay Hill", "Wimborne BH21 1HZ", "01202 881 306",
               _co("Wimborne Marine Finance Ltd", "11472058", "Quay Hill, Wimborne BH21 1HZ", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court at Bournemouth", "Courts of Justice, Deansleigh Road", "Bournemouth BH7 7DS", "0300 123 1751",
                  "HM Courts and Tribunals Service. Quote the claim number on every letter to the court.", "Civil Section", "Court Desk")  # fmt: skip
THATCHERS = Org("Cranborne Chase Thatching Ltd", "Water Street", "Cranborne BH21 5QA", "01725 517 220",
                _co("Cranborne Chase Thatching Ltd", "08217793", "Water Street, Cranborne BH21 5QA"))  # fmt: skip
JUDGMENT_COURT = Org("County Court at Southampton", "Courts of Justice, London Road", "Southampton SO15 2XQ", "0300 123 1751",
                     "HM Courts and Tribunals Service. The court cannot take payments or give legal advice.", "Civil Section", "Court Desk")  # fmt: skip
HEATH = Org("New Forest Heath District Council", "Revenues, Appletree Court", "Lyndhurst Road, Ashurst SO40 7PA", "023 8028 5610",
            team="Local Taxation")  # fmt: skip
ENFORCER = Org("Brockenhurst Enforcement Agents Ltd", "PO Box 733", "Brockenhurst SO42 9BE", "01590 624 081",
               _co("Brockenhurst Enforcement Agents Ltd", "12790064", "Sway Road, Brockenhurst SO42 7RX", " Our agents are certificated under the Tribunals, Courts and Enforcement Act 2007."), "Case Handling", "Declan")  # fmt: skip
STONE = Org("Durlston Marble and Stone Ltd", "Priests Way", "Swanage BH19 2RS", "01929 427 554",
            _co("Durlston Marble and Stone Ltd", "05168490", "Priests Way, Swanage BH19 2RS"), "Accounts Receivable")  # fmt: skip
COUNCILS = (
    Org("Piddle Valley District Council", "Council Tax, Tolpuddle House", "Puddletown DT2 8FD", "01305 848 210", team="Council Tax Collection"),
    Org("Hardy Vale District Council", "Council Tax, Colliton Offices", "Dorchester DT1 1XJ", "01305 261 774", team="Council Tax Collection"),
)  # fmt: skip
ENERGY = Org("Fawley Grid Energy Ltd", "PO Box 9041", "Fawley SO45 1ZB", "0800 058 7736",
             _co("Fawley Grid Energy Ltd", "13521846", "Marsh Lane, Fawley SO45 1DA"), "Energy Accounts", "Priya")  # fmt: skip
WATER = Org("Wessex Downs and Frome Water plc", "Water Lane", "Dorchester DT1 2FP", "0800 072 6613",
            _co("Wessex Downs and Frome Water plc", "03018452", "Water Lane, Dorchester DT1 2FP"), "Water Bills Team", "Tomasz")  # fmt: skip
MAGISTRATES = Org("Poole Magistrates' Court", "Fines Office, Park Road", "Poole BH15 2NS", "0300 790 4430",
                  "HM Courts and Tribunals Service - Dorset fines collection.", "Fines Office")  # fmt: skip
LENDER = Org("Totton Doorstep Loans Ltd", "Commercial Road", "Totton SO40 3AF", "023 8086 2217",
             _co("Totton Doorstep Loans Ltd", "06691374", "Commercial Road, Totton SO40 3AF", FCA))  # fmt: skip
BUYER = Org("Eastleigh Debt Purchase Ltd", "PO Box 2268", "Eastleigh SO50 9WN", "023 8061 4452",
            _co("Eastleigh Debt Purchase Ltd", "14022698", "Leigh Road, Eastleigh SO50 9DF", FCA), "Purchased Accounts", "Ellie")  # fmt: skip
VERWOOD = Org("Verwood and Ferndown District Council", "Benefits, Civic Centre", "Ferndown BH22 9TA", "01202 795 380",
              team="Benefit Recovery")  # fmt: skip
SOCIETY = Org("Shaftesbury and Blandford Building Society", "PO Box 41", "Shaftesbury SP7 8BW", "01747 851 662",
              "Shaftesbury and Blandford Building Society, Bell Street, Shaftesbury SP7 8AR, is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 205519).", "Home Loans Support", "Gareth")  # fmt: skip
HOMES = Org("Weymouth Harbourside Homes", "Rent Office, Commercial Road", "Weymouth DT4 8NF", "01305 771 903",
            "Weymouth Harbourside Homes Ltd, a registered society (31882R) and a registered provider of social housing.", "Income Recovery", "Shanice")  # fmt: skip
CATALOGUE = Org("Bridport Home Catalogue Ltd", "West Street", "Bridport DT6 3QR", "0345 602 8815",
                _co("Bridport Home Catalogue Ltd", "05539106", "West Street, Bridport DT6 3QR", FCA), "Catalogue Accounts", "Bethany")  # fmt: skip
BNPL = Org("Pennysplit Ltd", "Ocean Village", "Southampton SO14 3JX", "0203 996 1207",
           _co("Pennysplit Ltd", "14673390", "Ocean Village, Southampton SO14 3JX", FCA), "Collections Support", "Arjun")  # fmt: skip
JOINERS = Org("Ringwood Oak Joinery Ltd", "Castleman Way", "Ringwood BH24 3BA", "01425 470 318",
              _co("Ringwood Oak Joinery Ltd", "09884213", "Castleman Way, Ringwood BH24 3BA"))  # fmt: skip
SOLICITORS = Org("Ashlett Mowbray Solicitors LLP", "Recoveries, Jewry Street", "Winchester SO23 8RZ", "01962 844 605",
                 "Ashlett Mowbray Solicitors LLP (OC428817), Jewry Street, Winchester SO23 8RZ, is authorised and regulated by the Solicitors Regulation Authority (no. 671042).", "Recoveries Department", "Fiona")  # fmt: skip
EMPLOYERS = (
    Org("Gosport Ferry Chandlery Ltd", "Payroll, Mumby Road", "Gosport PO12 1AQ", "023 9252 4117",
        _co("Gosport Ferry Chandlery Ltd", "06218435", "Mumby Road, Gosport PO12 1AQ"), "Payroll"),
    Org("Sherborne Abbey Bakehouse Ltd", "Wages, Cheap Street", "Sherborne DT9 3PX", "01935 812 466",
        _co("Sherborne Abbey Bakehouse Ltd", "07730562", "Cheap Street, Sherborne DT9 3PX"), "Wages"),
)  # fmt: skip
BANK = Org("Hengistbury Bank plc", "Statements, Christchurch Quay", "Christchurch BH23 1BU", "0345 609 2271",
           _co("Hengistbury Bank plc", "01994318", "Christchurch Quay, Christchurch BH23 1BU", " Eligible deposits are protected by the FSCS."), "Statements")  # fmt: skip
ESA = Org("Department for Work and Pensions", "ESA Centre", "Southampton SO99 1BX", "0800 169 0310",
          "Employment and Support Allowance is paid by the Department for Work and Pensions.", "ESA Centre", "Rhys")  # fmt: skip
ATTENDANCE = Org("Department for Work and Pensions", "Attendance Allowance Unit", "Wolverhampton WV99 2AU", "0800 731 0122",
                 "Attendance Allowance is paid by the Department for Work and Pensions.", "Attendance Allowance Unit", "Gemma")  # fmt: skip
DINGHIES = Org("Poole Harbour Dinghy Club", "The Slipway, Sandbanks Road", "Poole BH14 8HX", "07700 900 582",
               "Poole Harbour Dinghy Club is run by its members.", "Club Secretary", "Hattie")  # fmt: skip
COMMONERS = Org("New Forest Commoners' Pony Drift", "c/o Bolderwood Farm", "Emery Down SO43 7GQ", "07700 900 914",
                "The drift is organised by the commoners with the Agisters.", "Drift Organiser", "Len")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A Beaulieu Reach card (chat, even) or a Test Valley credit union loan (card)."""
    kinds = ("chat", "card")
    when, date, owed = _when(rng), dated(rng), balance(rng)
    by = later(date, 14)
    if i % 2 == 0:
        org, ref, label = (
            CARD,
            f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}",
            "Card account no.",
        )
        first = "Your card has gone over its limit and the last two minimum payments were missed."
    else:
        org, ref, label = UNION, f"TVS{digits(rng, 6)}", "Member loan no."
        first = "Your loan repayments from your savings have stopped and the loan is now behind."
    letter = Letter(
        org=org, title="Please act now: your account is behind", date=date, when=when, owed=owed, due=by,
        truth=owes(C.CREDITOR_LETTER, org.name, ref, owed, date, deadline_date=by),
        ref_label=label, ref=ref,
        facts=[("Arrears you need to clear", pounds(owed)), ("Reach us on or before", when(by))],
        paras=(first,
               f"The amount to clear is {pounds(owed)}. Please pay it, or ring us to set up an affordable plan, no later than {when(by)}.",
               "If we cannot agree a way forward we may send a default notice. Free advice is available from National Debtline and Citizens Advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 2)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("checklist", "calendar")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 95_000, 1_250_000)
    fee, costs = rng.choice((10_500, 20_500, 35_500)), rng.choice((8_000, 10_000, 11_000))
    total = claimed + fee + costs
    ref, claim = f"WMF{digits(rng, 6)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    facts = [("Total the claimant wants", pounds(total)), ("Party bringing the claim", CLAIMANT.name), ("Claimant's loan number", ref),
             ("Claim served on", when(served)), ("Last day for your reply to the court", when(by))]  # fmt: skip
    letter = Letter(
        org=CLAIM_COURT, title="A claim for money has been started against you", date=date, when=when, owed=total, due=by,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Claim no. (quote it)", ref=claim, facts=facts,
        paras=(f"{CLAIMANT.name} says you owe money under a boat loan agreement, number {ref}.",
               f"The claim is for {pounds(claimed)}, with the issue fee of {pounds(fee)} and legal costs of {pounds(costs)}: {pounds(total)} altogether.",
               f"The claim was served on {when(served)}. If the court hears nothing from you by {when(by)}, the claimant may ask for judgment."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("checklist", "sheet")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 38_000, 1_050_000)
    ref, claim = f"CCT-{digits(rng, 5)}", _claim_no(rng)
    monthly, by = rng.choice((3_000, 6_000, 12_500)), later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    how = (f"pay {pounds(owed)} to the claimant by {when(by)}" if extra
           else f"pay {pounds(owed)} to the claimant at {pounds(monthly)} a month")  # fmt: skip
    facts = [
        ("Sum the court has awarded", pounds(owed)),
        ("The court found for", THATCHERS.name),
        ("Claimant's job reference", ref),
    ]
    facts += (
        [("Pay the whole sum by", when(by))]
        if extra
        else [("Instalments ordered", f"{pounds(monthly)} a month")]
    )
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment for the claimant (no defence filed)", date=date, when=when, owed=owed,
        due=by if extra else None,
        truth=owes(C.COUNTY_COURT_JUDGMENT, THATCHERS.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Court case number", ref=claim, facts=facts,
        paras=(f"You did not reply to the claim made by {THATCHERS.name} (reference {ref}), so judgment has been given against you.",
               f"You must {how}.",
               "If you pay the whole sum within one calendar month, the judgment will not stay on the public register."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kinds = ("progress", "chat")
    when, date = _when(rng), dated(rng)
    order = balance(rng, 22_000, 260_000)
    owed = order + 7_500
    case, by = f"BEA/{digits(rng, 7)}", later(date, 7)
    letter = Letter(
        org=ENFORCER, title="Council tax debt now with our agents", date=date, when=when, owed=owed, due=by,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, HEATH.name, case, owed, date, deadline_date=by),
        ref_label="Our enforcement file", ref=case,
        facts=[("Amount to pay including fees", pounds(owed)), ("Instructed by the council", HEATH.name), ("Deadline to pay or call", when(by))],
        paras=(f"{HEATH.name} obtained a liability order for unpaid council tax and has instructed us to collect it.",
               f"The liability order was for {pounds(order)}; our compliance stage fee of {pounds(7_500)} brings it to {pounds(owed)}.",
               f"Pay the full amount, or call us to arrange payments, by {when(by)}, or an enforcement agent may visit and further fees will apply."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("sheet", "checklist")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 520_000, 2_400_000)
    ref, by = f"DMS{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=STONE, title="Statutory demand for an unpaid stone account", date=date, when=when, owed=owed, due=by,
        truth=owes(C.STATUTORY_DEMAND, STONE.name, ref, owed, date, deadline_date=by),
        ref_label="Customer account code", ref=ref,
        facts=[("Amount demanded", pounds(owed)), ("Pay or reach agreement by", when(by))],
        paras=("Purbeck stone, paving and walling were delivered to you on trade credit and the account has not been paid.",
               f"The creditor demands payment of {pounds(owed)}, or security or a settlement it accepts, by {when(by)}.",
               "If you do not, the creditor may petition for your bankruptcy. You can apply to the court to set this demand aside within 18 days."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("calendar", "progress")
    org = COUNCILS[i % 2]
    when, date = _when(rng), dated(rng)
    ref, by = f"{digits(rng, 9)}", later(date, 7)
    owed = rng.randrange(8_500, 25_000) + rng.randrange(8_500, 25_000)
    letter = Letter(
        org=org, title="Council Tax: instalments have been missed", date=date, when=when, owed=owed, due=by,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Council Tax payer reference", ref=ref,
        facts=[("Amount now overdue", pounds(owed)), ("Catch up on your instalments by", when(by))],
        paras=("Our records show that instalments of Council Tax due on your account have not been paid.",
               f"The overdue amount is {pounds(owed)}. If it reaches us by {when(by)} you can keep paying by instalments.",
               "If not, you lose the right to pay by instalments and we may ask the magistrates for a liability order, with extra costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("sheet", "calendar")
    when, date = _when(rng), dated(rng)
    ref, by = f"FG{digits(rng, 4)} {digits(rng, 4)}", later(date, 14)
    owed = balance(rng, 4_000, 62_000)
    letter = Letter(
        org=ENERGY, title="Your energy statement this quarter", date=date, when=when, owed=owed, due=by,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Supply account number", ref=ref,
        facts=[("This quarter's statement total", pounds(owed)), ("Statement due date", when(by))],
        paras=("This statement covers the gas and electricity you used over the quarter and the daily standing charges.",
               f"The total of {pounds(owed)}, VAT at 5% included, is due by {when(by)}.",
               "If paying is difficult, tell us: we can agree a payment plan or check if the Warm Home Discount applies to you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("progress", "chat")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 11_000, 150_000)
    ref, by = f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 4)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Water charges overdue on your account", date=date, when=when, owed=owed, due=by,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Water customer number", ref=ref,
        facts=[("Water and wastewater owing", pounds(owed)), ("Let us hear from you by", when(by))],
        paras=(f"Your water and wastewater charges of {pounds(owed)} are unpaid. Please pay, or call us to spread the cost, by {when(by)}.",
               "Our social tariff could reduce your bills if you are on a low income; if you do not contact us, we may pass the debt to a collection agency."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("card", "calendar")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 8_500, 170_000)
    ref, by = f"{digits(rng, 2)}-{digits(rng, 6)}-{digits(rng, 1)}", later(date, 14)
    letter = Letter(
        org=MAGISTRATES, title="Your fine: payments not received", date=date, when=when, owed=owed, due=by,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Fines Office collection no.", ref=ref,
        facts=[("Fine left to pay off", pounds(owed)), ("Pay this balance by", when(by))],
        paras=("The court ordered you to pay a fine, costs and a victim surcharge, and your payments have stopped.",
               f"You still owe {pounds(owed)}. Pay it, or contact the Fines Office, by {when(by)}.",
               "If you do not, the court can take payments from your earnings or benefits, or instruct enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("chat", "progress")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 24_000, 780_000)
    ref, old = f"EDP{digits(rng, 7)}", f"TDL{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="Your loan has been transferred to us", date=date, when=when, owed=owed,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="New account reference", ref=ref,
        facts=[("Sum transferred to us", pounds(owed)), ("Lender who sold the debt", LENDER.name), ("Loan number with the lender", old)],
        paras=(f"{LENDER.name} has assigned your loan {old} to us, so the balance is now owed to us instead.",
               f"The balance transferred is {pounds(owed)}. No interest or charges will be added.",
               "Please use your new account reference from now on; any payment plan you had stays in place."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("card", "sheet")
    when, date = _when(rng), dated(rng)
    weeks, weekly = rng.randrange(4, 38), rng.randrange(1_700, 9_800)
    owed = weeks * weekly
    ref, by = f"HBR{digits(rng, 7)}", later(date, 21)
    letter = Letter(
        org=VERWOOD, title="Invoice: Housing Benefit to pay back", date=date, when=when, owed=owed, due=by,
        truth=owes(C.OVERPAYMENT, VERWOOD.name, ref, owed, date, deadline_date=by),
        ref_label="Overpayment invoice ref.", ref=ref,
        facts=[("Housing Benefit to be repaid", pounds(owed)), ("Pay or ask for instalments by", when(by))],
        paras=(f"A change in your earnings was reported late, so you received too much Housing Benefit for {weeks} weeks.",
               f"The overpayment is {pounds(owed)}. Please repay it, or ask us about instalments, by {when(by)}.",
               "You can ask us to reconsider this decision, or appeal against it, within one month of the date of this invoice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("progress", "checklist")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 50_000, 900_000), rng.randrange(42_000, 160_000)
    ref = f"{digits(rng, 3)}-{digits(rng, 5)}-{digits(rng, 2)}"
    letter = Letter(
        org=SOCIETY, title="Your home loan has fallen behind", date=date, when=when, owed=owed,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Home loan roll number", ref=ref,
        facts=[("Mortgage shortfall to date", pounds(owed)), ("Agreed monthly instalment", pounds(monthly))],
        paras=(f"Your mortgage account is {pounds(owed)} in arrears; your usual monthly payment is {pounds(monthly)}.",
               "Please ring the Home Loans Support team so we can agree a plan together. Taking possession of a home is always the last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("card", "chat")
    when, date = _when(rng), dated(rng)
    owed, weekly = balance(rng, 8_500, 310_000), rng.randrange(8_500, 17_000)
    ref = f"WHH/{digits(rng, 5)}/{digits(rng, 2)}"
    letter = Letter(
        org=HOMES, title="Rent is owing on your home", date=date, when=when, owed=owed,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Rent account reference", ref=ref,
        facts=[("Rent shortfall on your account", pounds(owed)), ("Rent due each Monday", pounds(weekly))],
        paras=("Your rent has not been paid in full for several weeks.",
               f"You owe {pounds(owed)} and your rent is {pounds(weekly)} a week. Please contact the Income Recovery team to agree how to clear it.",
               "If your income or Universal Credit has changed, tell us; we can refer you to free money advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("calendar", "card")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 2_500, 135_000), later(date, 10)
    if i % 2 == 0:
        org, ref, title = (
            BNPL,
            f"PS-{letters(rng, 2)}{digits(rng, 6)}",
            "Missed instalments on your plan",
        )
        first = "We tried twice to collect an instalment of your plan from your debit card, without success."
    else:
        org, ref, title = (
            CATALOGUE,
            f"{digits(rng, 4)}/{digits(rng, 4)}",
            "Your catalogue account is past due",
        )
        first = "Your catalogue account is behind, so we have stopped any new orders for now."
    letter = Letter(
        org=org, title=title, date=date, when=when, owed=owed, due=by,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Your plan or account ID", ref=ref,
        facts=[("Past-due amount on the account", pounds(owed)), ("Pay the amount past due by", when(by))],
        paras=(first,
               f"The amount past due is {pounds(owed)}. Please pay by {when(by)} so no late fee is added and your credit file is not marked.",
               "If you are struggling, tell us and we will hold collections for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("sheet", "checklist")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 60_000, 1_350_000), later(date, 30)
    ref = f"ROJ{digits(rng, 4)}"
    letter = Letter(
        org=SOLICITORS, title="Pre-action letter of claim for our client", date=date, when=when, owed=owed, due=by,
        truth=owes(C.LETTER_OF_CLAIM, JOINERS.name, ref, owed, date, deadline_date=by),
        ref_label="Client's invoice number", ref=ref, signed="Ashlett Mowbray Solicitors LLP",
        facts=[("Debt due to our client", pounds(owed)), ("Our client in this matter", JOINERS.name), ("Reply form back to us by", when(by))],
        paras=(f"We are instructed by {JOINERS.name}, who made and fitted oak windows and doors at your home and invoiced you for them.",
               f"Our client's claim is for {pounds(owed)}. Please fill in the reply form and the financial statement enclosed and send them to us by {when(by)}.",
               "If you do not reply, our client may start court proceedings without further warning and claim interest and costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def payslip(rng: random.Random, i: int) -> Doc:
    """Earnings above Deductions with three boxed totals across the foot (even), or a
    payslip exported to a spreadsheet (odd)."""
    org, date, when = EMPLOYERS[i % 2], dated(rng), _when(rng)
    frequency = ("weekly", "monthly", "fortnightly", "four_weekly")[i % 4]
    scale = {"weekly": 1, "fortnightly": 2, "four_weekly": 4, "monthly": 4.33}[frequency]
    hours = round(36 * scale, 2)
    rate = rng.randrange(1_220, 2_200)
    basic = round(hours * rate)
    extra = rng.randrange(0, 8_500)
    gross = basic + extra
    tax, ni, pension = gross * 12 // 100, gross * 5 // 100, gross * 3 // 100
    net = gross - tax - ni - pension
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    style = STYLES[(i + 1) % len(STYLES)]
    page = Sheet(style)
    size = SMALL + 1
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    if i % 2 == 1:
        letter = Letter(
            org=org, title="Pay statement export", date=date, when=when, truth=truth, ref_label="Employee no.", ref=digits(rng, 5), date_label="Pay date",
            facts=[("Employee", f"{first} {surname}"), ("Pay frequency", FREQUENCY_SHOWN[frequency][0]), ("Basic pay", plain(basic)),
                   ("Weekend and holiday pay", plain(extra)), ("Gross pay", plain(gross)), ("PAYE tax", plain(tax)),
                   ("National Insurance", plain(ni)), ("Workplace pension", plain(pension)), ("Net pay", plain(net))],
            paras=(f"Your net pay of {pounds(net)} is paid into your bank {FREQUENCY_SHOWN[frequency][1]}.",),
        )  # fmt: skip
        return Doc(truth=truth, sheets=_sheet(rng, style, letter), style=style)
    _head(page, org, style)
    page.gap()
    page.add((t(0.08, "PAY ADVICE", True, size=style.point + 1), rt(0.92, f"{first} {surname}  -  payroll no. {digits(rng, 5)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Pay date {when(date)}", size=size), rt(0.92, f"Paid: {FREQUENCY_SHOWN[frequency][0]}", size=size))).gap()  # fmt: skip
    page.add((t(0.08, "Earnings", True, size=size),)).rule()
    page.add(
        (
            t(0.1, f"Basic pay ({hours:g} hours at {plain(rate)})", size=size),
            rt(0.9, plain(basic), size=size),
        )
    )
    page.add((t(0.1, "Weekend and holiday pay", size=size), rt(0.9, plain(extra), size=size))).gap()
    page.add((t(0.08, "Deductions", True, size=size),)).rule()
    for what, amount in (
        ("PAYE tax", tax),
        ("National Insurance", ni),
        ("Workplace pension", pension),
    ):
        page.add((t(0.1, what, size=size), rt(0.9, plain(amount), size=size)))
    page.gap()
    labels = len(page.rows)
    page.add(
        (
            ct(0.22, "Total gross pay", size=SMALL),
            ct(0.5, "Total deductions", size=SMALL),
            ct(0.78, "Take-home pay", True, size=SMALL),
        )
    )
    page.add(
        (
            ct(0.22, plain(gross), True, size=size),
            ct(0.5, plain(tax + ni + pension), True, size=size),
            ct(0.78, pounds(net), True, size=size),
        )
    )
    for x0, x1 in ((0.09, 0.35), (0.37, 0.63), (0.65, 0.91)):
        page.rects.append(Rect(labels, labels + 1, x0, x1, True, None))
    page.gap()
    page.para(f"Take-home pay of {pounds(net)} (gross {pounds(gross)}) is paid to your bank {FREQUENCY_SHOWN[frequency][1]}.", x=0.08)  # fmt: skip
    _foot(page, org)
    return Doc(truth=truth, sheets=[page], style=style)


STATEMENT_X = (0.06, 0.17, 0.25, 0.63, 0.76, 0.94)
"""Date, Type, Details (left edges); Money out, Money in, Balance (right edges)."""


def _minus(pence: int) -> str:
    return plain(pence) if pence >= 0 else f"-{plain(-pence)}"


def bank_statement(rng: random.Random, i: int) -> Doc:
    """Date, Type, Details, Money out, Money in, Balance (minus when overdrawn)."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    start = later(date, -30)
    opening = rng.randrange(-25_000, 110_000)
    items = [("BACS", "GOSPORT FERRY CHANDLERY", 0, rng.randrange(100_000, 215_000)), ("DD", "FAWLEY GRID ENERGY", rng.randrange(5_500, 16_500), 0),
             ("CARD", "CO-OP RINGWOOD", rng.randrange(700, 6_800), 0), ("SO", "WEYMOUTH HARBOURSIDE", rng.randrange(42_000, 82_000), 0),
             ("CASH", "ATM LYMINGTON HIGH ST", 3_000, 0), ("DD", "PIDDLE VALLEY DC", rng.randrange(9_000, 19_000), 0),
             ("FPI", "FROM H KOWALCZYK", 0, rng.randrange(1_500, 7_500)), ("CARD", "MORE BUS POOLE", rng.randrange(250, 1_600), 0),
             ("DD", "PENNYSPLIT LTD", rng.randrange(1_800, 7_800), 0), ("DD", "WESSEX DOWNS WATER", rng.randrange(2_200, 7_200), 0)]  # fmt: skip
    size = SMALL + 0.5
    xs = STATEMENT_X
    page = Sheet(style)
    _head(page, BANK, style)
    page.gap()
    _address(page, rng)
    sort, account = f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}", digits(rng, 8)
    page.add((t(0.06, "Current account statement", True), rt(0.94, f"Issued {when(date)}")))
    page.add((t(0.06, f"From {start:%d.%m.%y} to {later(date, -1):%d.%m.%y}", size=size),
              rt(0.94, f"Sort code {sort}   Account {account}", size=size))).gap()  # fmt: skip
    if i % 2:
        out_total, in_total = sum(o for _, _, o, _ in items), sum(p for _, _, _, p in items)
        closing = opening + in_total - out_total
        labels = len(page.rows)
        page.add(tuple(ct(x, what, size=SMALL) for x, what in zip((0.18, 0.39, 0.6, 0.82), ("Opening balance", "Total money in", "Total money out", "Closing balance"), strict=True)))  # fmt: skip
        page.add(tuple(ct(x, _minus(v), True, size=size) for x, v in zip((0.18, 0.39, 0.6, 0.82), (opening, in_total, out_total, closing), strict=True)))  # fmt: skip
        for x in (0.18, 0.39, 0.6, 0.82):
            page.rects.append(Rect(labels, labels + 1, x - 0.095, x + 0.095, True, None))
        page.gap()
    page.add((t(xs[0], "Date", True, size=size), t(xs[1], "Type", True, size=size), t(xs[2], "Details", True, size=size),
              rt(xs[3], "Money out", True, size=size), rt(xs[4], "Money in", True, size=size), rt(xs[5], "Balance", True, size=size))).rule(0.06, 0.94)  # fmt: skip
    page.add((t(xs[0], f"{start:%d.%m}", size=size), t(xs[2], "Opening balance", size=size), rt(xs[5], _minus(opening), size=size)))  # fmt: skip
    running = opening
    for n, (kind, what, out, paid_in) in enumerate(items):
        running += paid_in - out
        day = later(start, 2 + n * 3)
        page.add((t(xs[0], f"{day:%d.%m}", size=size), t(xs[1], kind, size=size), t(xs[2], what, size=size),
                  rt(xs[3], plain(out) if out else "", size=size), rt(xs[4], plain(paid_in) if paid_in else "", size=size),
                  rt(xs[5], _minus(running), size=size)))  # fmt: skip
    page.rule(0.06, 0.94)
    page.add((t(xs[0], f"{later(date, -1):%d.%m}", size=size), t(xs[2], "Closing balance", True, size=size), rt(xs[5], _minus(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("A minus sign before a balance means the account is overdrawn. Report any payment you do not recognise to us straight away.", x=0.06, right=0.94, size=size)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def benefit(rng: random.Random, i: int) -> Doc:
    """Employment and Support Allowance (even: checklist) or Attendance Allowance (odd:
    chat)."""
    kinds = ("checklist", "chat")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        frequency = "fortnightly"
        org, title, what = (
            ESA,
            "Employment and Support Allowance: decision",
            "Employment and Support Allowance",
        )
        paid = 2 * rng.choice((9_055, 13_860))
    else:
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        org, title, what = ATTENDANCE, "Attendance Allowance: our decision", "Attendance Allowance"
        paid = rng.choice((7_395, 11_040)) * {"weekly": 1, "four_weekly": 4}[frequency]
    ref = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}"
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="National Insurance number", ref=ref,
        facts=[("Each instalment of benefit", pounds(paid)), ("Payment pattern", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"We have decided you can get {what} from {when(later(date, -20))}.",
               f"We will pay {pounds(paid)} into your account {FREQUENCY_SHOWN[frequency][1]}.",
               "You must tell us about changes such as a stay in hospital or a care home, work, or a move abroad."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: a dinghy club's launch rota (calendar), a pony drift (card)."""
    kinds = ("calendar", "card")
    when, date = _when(rng), dated(rng)
    on = later(date, 6 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=DINGHIES, title="Safety boat rota for the autumn series", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Sail number", ref=str(rng.randrange(100, 9999)), due=on,
            facts=[("Your safety boat duty", when(on)), ("Muster point", "the slipway hut, 9.30 am")],
            paras=(f"You are on the safety boat rota on {when(on)}; please arrive in time to fuel and check the RIB.",
                   "If you cannot do your duty, swap with another member and tell the secretary."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=COMMONERS, title="Helpers wanted for the autumn drift", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Commoner's mark", ref=f"{letters(rng, 2)}{rng.randrange(1, 9)}", due=on,
            facts=[("Drift day", when(on)), ("Muster point", "Bolderwood car park, 7 am")],
            paras=(f"The ponies on the north of the forest will be rounded up on {when(on)} for the pony sales and health checks.",
                   "We need riders and walkers to help; wear bright clothing and bring a packed lunch."),
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
class ABSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_ab(per_class: int = 4, *, seed: int = 2563) -> list[ABSample]:
    """``per_class`` documents of every class, held out, family ``<class>:AB``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, ABSample)


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, ab_text, ab_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class ABScan:
    dpi: int
    skew: float
    """Degrees."""
    messaged: bool = False
    """A phone photo sent through a messaging app: downscaled, the top out of focus,
    recompressed hard; colour."""
    nozzles: bool = False
    """An ink-jet running low: a brownish composite black, pale lines where nozzles are
    blocked; colour."""
    two_up: bool = False
    """Printed two to a sheet: reduced on the left half of a landscape sheet; grey."""


SCANS = (
    ABScan(dpi=160, skew=-1.2, messaged=True),
    ABScan(dpi=300, skew=0.4, nozzles=True),
    ABScan(dpi=300, skew=-0.6, two_up=True),
)

INK = (24, 24, 24)
PAPER = (250, 250, 246)
COMPOSITE = (78, 58, 44)
"""The ink-jet's black when the black cartridge has run dry: cyan, magenta and yellow
together print a muddy brown."""
NOZZLE_GAP = 0.09
"""Inches between the pale lines where a blocked nozzle leaves no ink."""
NOZZLE_INK = 0.5
"""How much ink a blocked nozzle's line keeps. First written at 0.25: Tesseract then kept
25 of 33 true values verbatim on six ink-jet pages (an OCR-only count, taken before the
reader read any of AB: a measure of Tesseract, not of the reader), so the lines were made
fainter, to this (31 of 33 on the same six), before the figures in benchmarks/OCR.md were
taken."""
SENT_QUALITY = 45
"""The messaging app's JPEG quality."""
REDUCED = 0.71
"""Two A4 pages on one A4 sheet: each page printed at 71%."""


def _draw(sample: ABSample, n: int, scan: ABScan, ink: tuple[int, int, int] = INK) -> Image.Image:
    width, height = page_size(sample, scan.dpi)
    image = Image.new("RGB", (width, height), PAPER)
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, scan.dpi)
    body = round(sample.style.point / 72 * scan.dpi)
    line = max(1, scan.dpi // 150)
    for rect in sample.rects[n] if sample.rects else ():
        y0 = tops[rect.first] - round(0.2 * body)
        y1 = tops[rect.last] + heights[rect.last] - round(0.2 * body)
        box = (round(rect.x0 * width), y0, round(rect.x1 * width), y1)
        if rect.fill is not None:
            shade = rect.fill if rect.fill > 60 else None
            pen.rectangle(box, fill=(rect.fill,) * 3 if shade else ink)
        if rect.outline:
            pen.rectangle(box, outline=ink, width=line)
    for rule in sample.rules[n] if sample.rules else ():
        y = tops[rule.row] - round(0.1 * body) if rule.row < len(tops) else tops[-1] + heights[-1]
        x0, x1 = round(rule.x0 * width), round(rule.x1 * width)
        step = scan.dpi // 20 if rule.dashed else x1 - x0
        for x in range(x0, x1, max(1, step)):
            end = min(x1, x + step // 2) if rule.dashed else x1
            pen.line((x, y, end, y), fill=ink, width=line)
    for p in PRINT.layout(sample, n, scan.dpi):
        pen.text((p.left, p.top), p.cell.text, fill=ink, font=p.font)
    return image


def _messaged(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """A phone photo sent on: turned a little, the top third out of focus and sharpening
    towards the middle, a cool cast, recompressed (the quality is set when saved)."""
    turned = image.rotate(
        skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(88, 84, 78)
    )
    radius = 1.1 + rng.random() * 0.3
    width, height = turned.size
    weight = np.clip(1 - np.linspace(0, 1, height) / 0.45, 0, 1)[:, None, None]
    cast = np.array([0.96, 0.99, 1.03], dtype=np.float32)
    # Below the blur's reach (weight 0) a pixel is its own value times the cast (x * 0.0 +
    # y * 1.0 is y): one table of the 256 levels a channel. Above it, the blur of the rows
    # it reaches and a margin far wider than its box blurs' reach, the same arithmetic.
    sharp = int(np.flatnonzero(weight[:, 0, 0])[-1]) + 1
    turned_arr = np.asarray(turned)
    out = np.empty_like(turned_arr)
    table = np.clip(np.arange(256, dtype=np.float64)[:, None] * cast, 0, 255).astype(np.uint8)
    for channel in range(3):
        out[sharp:, :, channel] = table[turned_arr[sharp:, :, channel], channel]
    reach = min(height, sharp + BLUR_MARGIN)
    soft = turned.crop((0, 0, width, reach)).filter(ImageFilter.GaussianBlur(radius))
    top = weight[:sharp]
    mixed = np.asarray(soft, dtype=np.float32)[:sharp] * top + turned_arr[:sharp].astype(
        np.float32
    ) * (1 - top)
    out[:sharp] = np.clip(mixed * cast, 0, 255).astype(np.uint8)
    return Image.fromarray(out)


BLUR_MARGIN = 64
"""Rows below the blurred part of the photo blurred with it (a box blur of radius under 2,
three times, reaches 9 rows)."""


def _nozzles(image: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The ink recoloured as the composite brown; every ``NOZZLE_GAP`` inches a line one
    pixel high where the ink is mostly missing."""
    grey = np.asarray(image.convert("L"))
    height = grey.shape[0]
    gap = round(NOZZLE_GAP * dpi)
    first = rng.randrange(gap)
    # (a pixel's colour is a function of its grey level but on the nozzles' lines: one
    # table of the 256 levels, the same float32 arithmetic as a pixel at a time)
    out = _recoloured(1 - np.arange(256, dtype=np.float32) / 255)[grey]
    for y in range(first, height, gap):
        ink = 1 - grey[y, :].astype(np.float32) / 255
        ink *= NOZZLE_INK
        out[y] = _recoloured(ink)
    return Image.fromarray(out)


def _recoloured(ink: np.ndarray) -> np.ndarray:
    """Paper and the composite brown mixed by ``ink`` (0 to 1; float32), as 8-bit RGB."""
    paper = np.array(PAPER, dtype=np.float32)
    out = paper * (1 - ink[..., None]) + np.array(COMPOSITE, dtype=np.float32) * ink[..., None]
    colour: np.ndarray = np.clip(out, 0, 255).astype(np.uint8)
    return colour


def _two_up(image: Image.Image, skew: float) -> Image.Image:
    """The page at ``REDUCED`` on the left half of a landscape sheet (the right half blank),
    turned a little; greyscale."""
    width, height = image.size
    sheet = Image.new("L", (height, width), 250)
    small = image.convert("L").resize(
        (round(width * REDUCED), round(height * REDUCED)), Image.Resampling.LANCZOS
    )
    left = (height // 2 - small.size[0]) // 2
    sheet.paste(small, (left, (width - small.size[1]) // 2))
    return sheet.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=250)


def render(sample: ABSample, n: int, scan: ABScan, seed: int = 0) -> Image.Image:
    image = _draw(sample, n, scan)
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    if scan.messaged:
        return _messaged(image, rng, scan.skew)
    if scan.nozzles:
        return _nozzles(image, rng, scan.dpi).rotate(
            scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(70, 70, 70)
        )
    return _two_up(image, scan.skew)


def ab_scanned(sample: ABSample, index: int) -> tuple[bytes, str, ABScan]:
    """Sent, printed or copied one of three ways: the messaging app's photo as JPEG without
    its resolution (quality 45), the ink-jet page as colour PNG (with its resolution at odd
    indexes), the two-up sheet as uncompressed greyscale TIFF; two pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 67 + n) for n in range(len(sample.pages))]
    if len(images) > 1:
        return encode_pages([im.convert("RGB") for im in images], "pdf", scan.dpi), "pdf", scan
    out = io.BytesIO()
    if scan.messaged:
        images[0].save(out, format="JPEG", quality=SENT_QUALITY)
        return out.getvalue(), "jpeg", scan
    if scan.two_up:
        images[0].save(out, format="TIFF", compression="raw", dpi=(scan.dpi, scan.dpi))
        return out.getvalue(), "tiff", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "ABSample",
    "ABScan",
    "ab_pages",
    "ab_scanned",
    "ab_text",
    "build_ab",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
