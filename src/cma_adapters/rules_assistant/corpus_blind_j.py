# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``J``, written blind: a twentieth measure of how the reader
generalises, in a twentieth hand (after ``L`` to ``Z``, ``G``, ``E``, ``F`` and ``I``;
lettered J because the corpus's own families never took J).

``J`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``,
``values_found``, ``FIELDS``), the shared page engine (``corpus_print``), family I's module
and tests (for their conventions, as the task allowed), the shared test helpers
(``tests/unit/documents/blind_families.py``, ``tests/integration/ocr/blind_read.py``), the
reporting code of ``benchmarks/intake_accuracy.py`` and ``benchmarks/openai_accuracy.py``,
I's benchmark registration and its OCR and measurement tests (the commits that added I)
and, by grep only, families A-Z, G, E, F and I (to avoid their regions, settings, date
shapes, faces and scan effects) -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``, ``prose.py``,
``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``label_learning.py``, ``read_families.py``, ``ranker.py``,
``ranker_training.py``, the Tesseract extractor, the locator, the creditor directory), its
reading tests, nor any account of its misses. It is never used to write rules, to train or
calibrate the classifier or the field ranker (``build_corpus`` never yields it), nor to
choose models: it is measured, and only the aggregate figures go into benchmarks/OCR.md.
Whoever reads its individual misses to change the reader makes ``J`` no longer blind and
must say so there.

**J is no longer blind since round 28** (branch ``reader28``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on J
from then on is a training-side figure (benchmarks/OCR.md, "Round 28").

What differs from A-Z, G, E, F and I:

* who writes: bodies and firms of the Nene valley, Rockingham Forest, Rutland and the
  Bedfordshire and Huntingdonshire border (Northamptonshire, Rutland, Bedfordshire and
  Cambridgeshire's west), none named by the earlier families: a Rockingham Forest card
  company and a Nene Valley credit union, an Uppingham car lender suing in the County Court
  at Bedford, a marquee firm's judgment from the County Court at Kettering, North Nene
  council and its enforcement agents in Thrapston, a Rutland stone merchant's statutory
  demand, Ise Valley and Rutland Heath councils, an energy supplier at Kettering, a water
  company of the Nene and the Ise, Wellingborough magistrates, a Rushden doorstep lender and
  the Biggleswade debt buyer it sold to, Hinchingbrooke council's Housing Benefit
  overpayments, a building society of Oakham and Uppingham, a Corby housing association, an
  Ampthill mail-order catalogue and a pay-later firm, Bedford solicitors for a Harrold
  landscaping firm, a Corby tube works and an Oundle brewery as employers, Brigstock Bank,
  Attendance Allowance and Bereavement Support Payment, a Stanwick Lakes volunteer group and
  a Geddington chess club;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **merge**: a mail-merge letter printed with its field markers left in: each value after
    its bracketed merge code ("[BALANCE_OUTSTANDING]  £1,234.56") in a block at the top, the
    salutation's codes never filled ("Dear [TITLE] [SURNAME],");
  - **overleaf**: a letter continued across a page break ("turn the page for your figures"): page one says what it is about in
    general words, and the figures come only at the top of page two, in its shaded header
    band, before the rest of the letter;
  - **two-up**: the customer's copy and the office copy printed side by side on one
    landscape sheet, each value twice on its line;
  - **scrawl**: a plain letter, the facts in its sentences, with the reader's own notes
    written on it in a handwriting face (URW Chancery) in the right margin and under the
    signature: other sums and short dates ("rang 2/11 - £25 a month ok?");
  - **amended**: a letter re-issued with its earlier figures struck through and the new ones
    typed after them ("~~£1,100.00~~ £1,234.56 (amended)");
  - **till roll**: a kiosk's print-out, a narrow column in capitals centred on the sheet:
    labels left, values at the roll's right edge, rows of dashes between the parts;
  payslips as a table with its value column first or as a till-roll print-out; bank
  statements with "Money in" and "Money out" columns before the balance and the details
  last, one page or two (page two's header band carrying the balance brought over); an
  Attendance Allowance and a Bereavement Support Payment letter;
* faces no family paired: Open Sans Light bodies under URW Bookman Demi headings, Carlito
  under Nimbus Roman Bold, Liberation Sans Narrow under C059 Bold, 9 to 10 pt; every face's
  italic is URW Chancery (Z003), the hand of the notes and signatures (no family used it);
* dates as "04.12.2026", "Fri, 4 Dec 2026" and "4 Dec. 2026", one shape a document;
  amounts as "£1,234.56" and, in tables, "1,234.56";
* scans new to the families: a phone photo taken by a window, the shadow of a venetian
  blind falling across the page in slanting bands (200 dpi colour JPEG); a sheet that got
  wet, a brown water stain with a darker tide-mark rim, saved as a 16-colour palette PNG
  (300 dpi); a phone's wide lens bowing the page's straight lines (barrel distortion;
  150 dpi greyscale, deflate TIFF); two-page documents as PDF.

Ground truth follows L's to I's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference, on a claim form and a judgment the claimant's reference); ``balance_pence``
what is owed now (on an amended letter the new figure); ``letter_date`` the document's own
date (on an amended letter the date it was re-issued); ``deadline_date`` and
``served_date`` only where printed. Payslips give the employer, net and gross pay, pay
date and frequency; benefit letters the payer, the amount paid each time, the date and the
frequency; a bank statement its date.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
from collections.abc import Callable, Sequence

import numpy as np
from attrs import evolve, field, frozen
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

FAMILY = "J"

PEOPLE = (
    ("Mrs", "Imogen", "Fairhurst-Nkemelu"),
    ("Mr", "Barnaby", "Oyelaran-Pike"),
    ("Ms", "Saoirse", "Thackeray-Lund"),
    ("Mr", "Anwar", "Stoneleigh-Barr"),
)
ADDRESSES = (
    ("9 Cotterstock Road", "Oundle, Peterborough", "PE8 4PN"),
    ("Flat 2, 71 Rockingham Road", "Corby", "NN17 1AE"),
    ("14 Lyddington Close", "Uppingham, Oakham", "LE15 9TF"),
    ("48 Kimbolton Avenue", "Bedford", "MK40 3DB"),
)

# -- date and money shapes -------------------------------------------------------------------


def dotted(date: dt.date) -> str:
    """04.12.2026"""
    return f"{date:%d}.{date:%m}.{date.year}"


def weekday(date: dt.date) -> str:
    """Fri, 4 Dec 2026"""
    return f"{date:%a}, {date.day} {date:%b} {date.year}"


def abbreviated(date: dt.date) -> str:
    """4 Dec. 2026"""
    return f"{date.day} {date:%b}. {date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (dotted, weekday, abbreviated)


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Weekly", "every week"),
    "fortnightly": ("Fortnightly", "every two weeks"),
    "four_weekly": ("Four-weekly", "every four weeks"),
    "monthly": ("Monthly", "every calendar month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways J prints a true value (to check it is on the page, or in an OCR text)."""
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
HAND = 11.5
"""The handwriting's size (points)."""
_CX = "/usr/share/fonts/truetype/crosextra/"
_URW = "/usr/share/fonts/opentype/urw-base35/"
_LIB = "/usr/share/fonts/truetype/liberation/"
_OS = "/usr/share/fonts/truetype/open-sans/"
_CHANCERY = _URW + "Z003-MediumItalic.otf"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "opensans": {
        (False, False): _OS + "OpenSans-Light.ttf",
        (True, False): _URW + "URWBookman-Demi.otf",
        (False, True): _CHANCERY,
        (True, True): _CHANCERY,
    },
    "carlito": {
        (False, False): _CX + "Carlito-Regular.ttf",
        (True, False): _URW + "NimbusRoman-Bold.otf",
        (False, True): _CHANCERY,
        (True, True): _CHANCERY,
    },
    "narrow": {
        (False, False): _LIB + "LiberationSansNarrow-Regular.ttf",
        (True, False): _URW + "C059-Bold.otf",
        (False, True): _CHANCERY,
        (True, True): _CHANCERY,
    },
}
"""Each body face under headings of another family: Open Sans Light under URW Bookman
Demi, Carlito under Nimbus Roman Bold, Liberation Sans Narrow under C059 Bold; italic is
always URW Chancery, the hand (``fonts-open-sans``, ``fonts-urw-base35``,
``fonts-crosextra-carlito``, ``fonts-liberation``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "opensans"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("opensans", 9.5), Style("carlito", 10.0), Style("narrow", 9.5))


@frozen
class Strike:
    """A line through row ``row`` from ``x0`` to ``x1`` (a figure struck out)."""

    row: int
    x0: float
    x1: float


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []
        self.strikes: list[Strike] = []

    def rule(self, x0: float = 0.08, x1: float = 0.92, *, dashed: bool = False) -> Sheet:
        """A rule over the last row added (the engine draws it at that row's top)."""
        self.rules.append(Rule(len(self.rows), x0, x1, dashed))
        return self

    def strike(self, x0: float, x1: float) -> Sheet:
        """A line through the last row added, from ``x0`` to ``x1``."""
        self.strikes.append(Strike(len(self.rows) - 1, x0, x1))
        return self

    def width(self, text: str, *, bold: bool = False, size: float = 0.0) -> float:
        return self.faces.length(self.style, text, size or self.style.point, bold)


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def balance(rng: random.Random, low: int = 7_000, high: int = 720_000) -> int:
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
    team: str = "Customer Accounts"


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the labelled facts
    (already shaped; the sum owed first where there is one); ``was`` the earlier figures an
    amended letter strikes out (by the fact's label; the date's under "Dated"); ``paras``
    the prose, stating every fact in a sentence."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[tuple[str, str]]
    was: dict[str, str] = field(factory=dict)
    paras: Sequence[str]
    signed: str = field(default="")


def person(rng: random.Random) -> tuple[tuple[str, str, str], list[str]]:
    """((title, first name, surname), address lines)."""
    title, first, surname = rng.choice(PEOPLE)
    return (title, first, surname), [f"{title} {first} {surname}", *rng.choice(ADDRESSES)]


def _foot(page: Sheet, org: Org, n: int, of: int, x0: float = 0.08, x1: float = 0.92) -> None:
    page.foot = len(page.rows)
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    rows = page.wrapped(text, x0, x1 - 0.12, size=SMALL - 1)
    page.add((*rows[0], rt(x1, f"Sheet {n}/{of}", size=SMALL - 1)), *rows[1:])


def _address(page: Sheet, rng: random.Random, x: float = 0.08) -> str:
    (title, _, surname), lines = person(rng)
    page.add(*((t(x, line),) for line in lines)).gap()
    return f"{title} {surname}"


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _head(page: Sheet, org: Org, style: Style) -> None:
    """The name on the left in the heading face, the address and telephone right-aligned in
    two small lines, a rule under them."""
    page.add((t(0.08, org.name, True, size=style.point + 2.5), rt(0.92, org.street, size=SMALL)))
    page.add((rt(0.92, f"{org.town}  |  {org.phone}", size=SMALL),)).rule()


SIGNERS = ("J. Tebbutt", "R. Marriott", "K. Ashworth", "P. Dolby", "M. Spokes")
"""The hands that sign (one an organisation, by the length of its name)."""


def _close(page: Sheet, letter: Letter, x: float = 0.08) -> None:
    """The close, the signature in the hand, the team under it."""
    page.add((t(x, "Kind regards"),))
    page.add((t(x, SIGNERS[len(letter.org.name) % len(SIGNERS)], italic=True, size=HAND),))
    page.add((t(x, letter.signed or letter.org.team, True),))


def _all_facts(letter: Letter) -> list[tuple[str, str]]:
    return [("Dated", letter.when(letter.date)), (letter.ref_label, letter.ref), *letter.facts]


# -- the six settings ---------------------------------------------------------------------------


def merge_code(label: str) -> str:
    """ "Pay in by" -> "[PAY_IN_BY]" """
    return "[" + re.sub(r"[^A-Z0-9]+", "_", label.upper()).strip("_") + "]"


def _merge(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A mail-merge letter printed with its field markers left in: each value after its
    bracketed merge code in a block at the top; the salutation's codes never filled."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    _address(page, rng)
    for label, value in _all_facts(letter):
        page.add((t(0.08, merge_code(label), size=SMALL), t(0.46, value, True)))
    page.gap()
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, "Dear [TITLE] [SURNAME],"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org, 1, 1)
    return [page]


def _overleaf(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Page one in general words; the figures only in page two's shaded header band, then
    the rest of the letter."""
    org = letter.org
    first = Sheet(style)
    _head(first, org, style)
    first.gap(2)
    salutation = _address(first, rng)
    first.gap()
    first.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    first.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(first, (
        "We are writing to you about your account with us. The figures that matter, with the dates, are printed in the band at the top of the next page; please turn over.",
        "Please read the whole of this letter. If anything in it is unclear, ring us on the number above: our lines are open on weekdays from eight until six, and on Saturday mornings.",
        "Free and impartial help with debt is available from the advice services listed on our website and from your local advice centre.",
    ))  # fmt: skip
    first.add((rt(0.92, "turn the page for your figures", italic=True, size=HAND),))
    _foot(first, org, 1, 2)
    second = Sheet(style)
    cells = _all_facts(letter)
    rows: list[tuple[Cell, ...]] = [(t(0.1, f"{org.name}  -  page 2", True, size=SMALL + 0.5),)]
    for n in range(0, len(cells), 3):
        part = cells[n : n + 3]
        xs = (0.1, 0.38, 0.66)
        rows.append(tuple(t(x, label, size=SMALL) for x, (label, _) in zip(xs, part, strict=False)))
        rows.append(
            tuple(
                t(x, value, True, size=SMALL + 1) for x, (_, value) in zip(xs, part, strict=False)
            )
        )
    second.box(rows, 0.08, 0.92, fill=222, outline=False).gap(2)
    _prose(second, letter.paras)
    _close(second, letter)
    _foot(second, org, 2, 2)
    return [first, second]


LEFT, RIGHT = 0.04, 0.525
"""Where the customer's copy and the office copy start on the landscape sheet."""
HALF = 0.43
"""Each copy's width."""


def _twoup(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The customer's copy and the office copy side by side on one landscape sheet."""
    org = letter.org
    style = Style(style.face, 8.5, landscape=True)
    copy = Sheet(style)
    x, end = LEFT, LEFT + HALF
    copy.add((t(x, org.name, True, size=style.point + 1.5),))
    copy.add((t(x, f"{org.street}, {org.town}  |  {org.phone}", size=SMALL - 0.5),))
    copy.gap()
    (title, first, surname), lines = person(rng)
    copy.add((t(x, f"{title} {first} {surname}, {lines[1]}, {lines[2]} {lines[3]}", size=SMALL),)).gap()  # fmt: skip
    copy.add((t(x, letter.title, True),))
    for label, value in _all_facts(letter):
        copy.add((t(x, label, size=SMALL), t(x + 0.2, value, True)))
    copy.gap()
    copy.add((t(x, f"Dear {title} {surname},"),))
    for text in letter.paras:
        copy.para(text, x=x, right=end - 0.01)
    copy.add((t(x, letter.signed or org.team, True),))
    page = Sheet(style)
    page.add((t(LEFT, "CUSTOMER'S COPY - please keep", True, size=SMALL), t(RIGHT, "OFFICE COPY - file", True, size=SMALL)))  # fmt: skip
    page.rule(0.03, 0.97, dashed=True)
    for row in copy.rows:
        page.add((*row, *(evolve(c, x=c.x + RIGHT - LEFT) for c in row)))
    # the fold between the copies
    page.rules.append(Rule(len(page.rows), 0.03, 0.97, True))
    page.foot = len(page.rows)
    page.add((t(LEFT, org.registered or org.name, size=SMALL - 1.5), rt(0.95, "Sheet 1/1", size=SMALL - 1.5)))  # fmt: skip
    return [page]


NOTE_X = 0.7
"""Where the handwritten notes start (the letter's column ends at 0.66)."""


def _scrawl(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A plain letter, the facts in its sentences, with the reader's own notes in a hand in
    the right margin and under the signature."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    salutation = _address(page, rng)
    page.add((t(0.08, letter.when(letter.date)),))
    page.add((t(0.08, f"Please quote {letter.ref_label.lower()} {letter.ref}"),)).gap()
    page.add((t(0.08, letter.title, True),)).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    top = len(page.rows)
    said = [f"{label}: {value}." for label, value in letter.facts]
    _prose(page, [*letter.paras, " ".join(said)], right=0.66)
    _close(page, letter)
    day, month = rng.randrange(1, 28), rng.randrange(1, 13)
    notes = [
        f"rang {day}/{month}",
        f"said £{rng.choice((15, 20, 25, 30, 40))} a month ok?",
        "",
        f"paid £{rng.choice((10, 50, 75, 100))} last wk",
        "ask adviser",
    ]
    for n, note in enumerate(notes):
        if note:
            row = top + 2 + 2 * n
            while row >= len(page.rows):
                page.gap()
            page.rows[row] = (*page.rows[row], t(NOTE_X, note, italic=True, size=HAND))
    page.gap()
    page.add((t(0.3, f"keep for {rng.choice(('Thurs', 'Mon', 'Weds'))} appt - copy to CAB", italic=True, size=HAND),))  # fmt: skip
    _foot(page, org, 1, 1)
    return [page]


def _amended(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Re-issued: the earlier figures struck through and the new ones typed after them."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    salutation = _address(page, rng)
    page.add((t(0.08, f"{letter.title} (amended)", True, size=style.point + 1), rt(0.92, "RE-ISSUED", True))).gap()  # fmt: skip
    for label, value in _all_facts(letter):
        old = letter.was.get(label)
        if old is None:
            page.add((t(0.1, label), t(0.5, value, True)))
            continue
        width = page.width(old)
        page.add((t(0.1, label), t(0.5, old), t(0.5 + width + 0.02, f"{value} (amended)", True)))
        page.strike(0.495, 0.505 + width)
    page.gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    page.para("This letter replaces the one we sent you before: some of its figures were wrong. The struck-out figures no longer apply.", x=0.08).gap()  # fmt: skip
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org, 1, 1)
    return [page]


ROLL = (0.34, 0.66)
"""The till roll's edges on the sheet."""


def _dashes(page: Sheet) -> None:
    page.add((ct(0.5, "- " * 17, size=SMALL),))


def _roll(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A kiosk's print-out: a narrow column in capitals centred on the sheet."""
    org = letter.org
    x0, x1 = ROLL
    page = Sheet(style)
    size = SMALL + 0.5
    for row in page.wrapped(org.name.upper(), x0, x1, size=size + 1):
        page.add((ct(0.5, row[0].text, True, size=size + 1),))
    page.add((ct(0.5, org.town.upper(), size=size),), (ct(0.5, f"TEL {org.phone}", size=size),))
    _dashes(page)
    page.add((ct(0.5, "ACCOUNT ENQUIRY", True, size=size),))
    page.add((t(x0, f"{rng.randrange(8, 18):02d}:{rng.randrange(60):02d}", size=size), rt(x1, f"KIOSK {rng.randrange(2, 30)}", size=size)))  # fmt: skip
    _dashes(page)
    for row in page.wrapped(letter.title.upper(), x0, x1, size=size):
        page.add((ct(0.5, row[0].text, size=size),))
    _dashes(page)
    for label, value in _all_facts(letter):
        if (
            page.width(label.upper(), size=size) + page.width(value, bold=True, size=size)
            > x1 - x0 - 0.02
        ):
            page.add((t(x0, label.upper(), size=size),))
            page.add((rt(x1, value, True, size=size),))
        else:
            page.add((t(x0, label.upper(), size=size), rt(x1, value, True, size=size)))
    _dashes(page)
    for text in letter.paras[:2]:
        page.add(*page.wrapped(text.upper(), x0, x1, size=size - 0.5))
    _dashes(page)
    page.add((ct(0.5, "THANK YOU - KEEP THIS RECEIPT", size=size),))
    page.add((ct(0.5, "* * *", size=size),))
    page.foot = len(page.rows)
    page.add(*page.wrapped(org.registered or org.name, 0.08, 0.92, size=SMALL - 1))
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "merge": _merge,
    "overleaf": _overleaf,
    "twoup": _twoup,
    "scrawl": _scrawl,
    "amended": _amended,
    "roll": _roll,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.ref)) % len(STYLES)]
    sheets = KINDS[kinds[i % 2]](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=sheets[0].style)  # type: ignore[arg-type]


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    """One shape a document."""
    return rng.choice(DATE_SHAPES)


def _was(rng: random.Random, owed: int, by: dt.date | None, when: Callable[[dt.date], str], date: dt.date) -> dict[str, str]:  # fmt: skip
    """The earlier figures an amended letter strikes out: the sum (by its label ``Owed``
    is filled in by the template), the first date and the old deadline."""
    old = {"Dated": when(later(date, -rng.randrange(6, 30)))}
    old["_owed"] = pounds(owed - rng.randrange(1_500, 30_000))
    if by is not None:
        old["_by"] = when(later(by, -rng.randrange(5, 12)))
    return old


def _struck(was: dict[str, str], facts: Sequence[tuple[str, str]]) -> dict[str, str]:
    """``_was``'s draws keyed by the facts' labels (the first is the sum, the last dated
    fact the deadline)."""
    out = {"Dated": was["Dated"]}
    out[facts[0][0]] = was["_owed"]
    if "_by" in was:
        out[facts[-1][0]] = was["_by"]
    return out


# -- organisations (none named by A-Z, G, E, F or I) ---------------------------------------------


def _co(name: str, number: str, office: str, extra: str = "") -> str:
    return (
        f"{name}. Registered in England and Wales no. {number}. Registered office: {office}.{extra}"
    )


FCA = " Authorised and regulated by the Financial Conduct Authority."
CARD = Org("Rockingham Forest Card Services Ltd", "PO Box 5120", "Corby NN17 9QX", "01536 402 771",
           _co("Rockingham Forest Card Services Ltd", "11204389", "Weldon Road, Corby NN17 5UE", FCA), "Card Recoveries")  # fmt: skip
UNION = Org("Nene Valley Savers Credit Union Ltd", "Sheep Street", "Wellingborough NN8 1BL", "01933 277 604",
            "Nene Valley Savers Credit Union Ltd is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 214597).", "Lending Team")  # fmt: skip
CLAIMANT = Org("Eyebrook Vehicle Finance Ltd", "Station Road", "Uppingham LE15 9TX", "01572 823 116",
               _co("Eyebrook Vehicle Finance Ltd", "10274851", "Station Road, Uppingham LE15 9TX", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court at Bedford", "Shire Hall, St Paul's Square", "Bedford MK40 1SQ", "0300 123 5577",
                  "HM Courts and Tribunals Service. Quote the claim number on everything you send.", "Court Office")  # fmt: skip
HIRE = Org("Oundle Marquee Hire Ltd", "Barnwell Road", "Oundle PE8 5PB", "01832 273 508",
           _co("Oundle Marquee Hire Ltd", "06628174", "Barnwell Road, Oundle PE8 5PB"))  # fmt: skip
JUDGMENT_COURT = Org("County Court at Kettering", "Dryland Street", "Kettering NN16 0BE", "0300 123 5577",
                     "HM Courts and Tribunals Service. The court does not take payments.", "Court Office")  # fmt: skip
NENE = Org("North Nene District Council", "Revenues, Cedar Drive", "Thrapston NN14 4LZ", "01832 742 219",
           team="Revenues Office")  # fmt: skip
ENFORCER = Org("Thrapston Civil Enforcement Ltd", "PO Box 772", "Thrapston NN14 9BT", "01832 730 664",
               _co("Thrapston Civil Enforcement Ltd", "13397520", "Huntingdon Road, Thrapston NN14 4QU", " Our agents hold certificates from the County Court."), "Enforcement Office")  # fmt: skip
MERCHANT = Org("Rutland Stone and Slate Ltd", "Quarry Lane", "Empingham LE15 8PS", "01780 460 283",
               _co("Rutland Stone and Slate Ltd", "05592716", "Quarry Lane, Empingham LE15 8PS"), "Accounts Office")  # fmt: skip
COUNCILS = (
    Org("Ise Valley District Council", "Council Tax, Bowling Green Road", "Kettering NN15 7QX", "01536 534 902", team="Council Tax Team"),
    Org("Rutland Heath District Council", "Council Tax, Catmose Street", "Oakham LE15 6HP", "01572 758 340", team="Council Tax Team"),
)  # fmt: skip
ENERGY = Org("Kettering Gas and Power Ltd", "PO Box 6613", "Kettering NN15 9GQ", "0800 047 3391",
             _co("Kettering Gas and Power Ltd", "12610447", "Telford Way, Kettering NN16 8UN"), "Billing Team")  # fmt: skip
WATER = Org("Nene and Ise Water Ltd", "Water Lane", "Irthlingborough NN9 5TW", "0800 029 7164",
            _co("Nene and Ise Water Ltd", "03928815", "Water Lane, Irthlingborough NN9 5TW"), "Arrears Team")  # fmt: skip
MAGISTRATES = Org("Wellingborough Magistrates' Court", "Fines Office, Midland Road", "Wellingborough NN8 1LU", "0300 790 4418",
                  "HM Courts and Tribunals Service - Northamptonshire fines collection.", "Fines Office")  # fmt: skip
LENDER = Org("Rushden Doorstep Loans Ltd", "High Street", "Rushden NN10 0PT", "01933 311 842",
             _co("Rushden Doorstep Loans Ltd", "07751293", "High Street, Rushden NN10 0PT", FCA))  # fmt: skip
BUYER = Org("Biggleswade Debt Acquisitions Ltd", "PO Box 2218", "Biggleswade SG18 8WF", "01767 316 950",
            _co("Biggleswade Debt Acquisitions Ltd", "14172308", "London Road, Biggleswade SG18 8EB", FCA), "Account Services")  # fmt: skip
HINCH = Org("Hinchingbrooke District Council", "Benefits, Pathfinder House", "Huntingdon PE29 3TN", "01480 388 512",
            team="Overpayments Team")  # fmt: skip
SOCIETY = Org("Oakham and Uppingham Building Society", "PO Box 42", "Oakham LE15 9WA", "01572 722 605",
              "Oakham and Uppingham Building Society, High Street, Oakham LE15 6AB, is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 207418).", "Arrears Support")  # fmt: skip
HOMES = Org("Corby Steelworkers' Housing Association", "Rent Office, Elizabeth Street", "Corby NN17 1PN", "01536 264 318",
            "Corby Steelworkers' Housing Association Ltd, a registered society (29154R) and a registered provider of social housing.", "Income Team")  # fmt: skip
CATALOGUE = Org("Ampthill Mail Order Ltd", "Woburn Street", "Ampthill MK45 2HP", "0345 071 6683",
                _co("Ampthill Mail Order Ltd", "04831902", "Woburn Street, Ampthill MK45 2HP", FCA), "Customer Care")  # fmt: skip
BNPL = Org("Spreadly Pay Later Ltd", "Priory Business Park", "Bedford MK44 3JZ", "0203 884 2071",
           _co("Spreadly Pay Later Ltd", "14427719", "Priory Business Park, Bedford MK44 3JZ", FCA), "Collections Desk")  # fmt: skip
LANDSCAPES = Org("Harrold Bridge Landscapes Ltd", "Bridge End", "Harrold MK43 7EN", "01234 720 418",
                 _co("Harrold Bridge Landscapes Ltd", "09185536", "Bridge End, Harrold MK43 7EN"))  # fmt: skip
SOLICITORS = Org("Bletsoe Kimber Solicitors LLP", "Recoveries, Mill Street", "Bedford MK40 3HD", "01234 358 227",
                 "Bletsoe Kimber Solicitors LLP (OC412209), Mill Street, Bedford MK40 3HD, is authorised and regulated by the Solicitors Regulation Authority (no. 641183).", "Recoveries")  # fmt: skip
EMPLOYERS = (
    Org("Corby Tube Finishers Ltd", "Payroll, Steel Road", "Corby NN17 5XA", "01536 401 927",
        _co("Corby Tube Finishers Ltd", "05016628", "Steel Road, Corby NN17 5XA"), "Payroll"),
    Org("Oundle Mill Brewery Ltd", "Wages, Benefield Road", "Oundle PE8 4EU", "01832 275 316",
        _co("Oundle Mill Brewery Ltd", "08870142", "Benefield Road, Oundle PE8 4EU"), "Wages"),
)  # fmt: skip
BANK = Org("Brigstock Bank plc", "Statements, Gold Street", "Kettering NN16 8JB", "0345 608 2259",
           _co("Brigstock Bank plc", "01829464", "Gold Street, Kettering NN16 8JB", " Eligible deposits are protected by the FSCS."), "Statements")  # fmt: skip
ATTENDANCE = Org("Department for Work and Pensions", "Attendance Allowance Unit", "Wolverhampton WV99 2AN", "0800 731 0122",
                 "Attendance Allowance is paid by the Department for Work and Pensions.", "Attendance Allowance Unit")  # fmt: skip
BEREAVEMENT = Org("Department for Work and Pensions", "Bereavement Service", "Blackpool FY99 1BR", "0800 151 2012",
                  "Bereavement Support Payment is paid by the Department for Work and Pensions.", "Bereavement Service")  # fmt: skip
LAKES = Org("Stanwick Lakes Volunteers", "c/o The Visitor Centre", "Stanwick NN9 6GY", "07700 900 261",
            "Stanwick Lakes Volunteers is an unincorporated group.", "Volunteer Organiser")  # fmt: skip
CHESS = Org("Geddington Chess Club", "c/o 3 Queen Street", "Geddington NN14 1AZ", "07700 900 592",
            "Geddington Chess Club meets on Tuesday evenings.", "Club Secretary")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A Rockingham Forest card (merge, even) or a Nene Valley credit union loan (scrawl)."""
    kinds = ("merge", "scrawl")
    when, date, owed = _when(rng), dated(rng), balance(rng)
    by = later(date, 14)
    if i % 2 == 0:
        org, ref, label = (
            CARD,
            f"{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 4)}",
            "Card account number",
        )
        first = "We have not had the minimum payments on your card for three months, so your card is suspended."
    else:
        org, ref, label = UNION, f"NVS{digits(rng, 6)}", "Member loan no."
        first = "Your loan repayments from your wages have stopped and the loan is now behind."
    letter = Letter(
        org=org, title="We need to hear from you about your balance", date=date, when=when,
        truth=owes(C.CREDITOR_LETTER, org.name, ref, owed, date, deadline_date=by),
        ref_label=label, ref=ref,
        facts=[("Left owing as of today", pounds(owed)), ("Last day to get in touch", when(by))],
        paras=(first,
               f"Your balance outstanding is {pounds(owed)}. Please clear it, or call us to set up an affordable plan, no later than {when(by)}.",
               "If we do not hear from you we may close the account and register a default with the credit reference agencies. Free debt advice is available from MoneyHelper."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 2)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("overleaf", "amended")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 120_000, 1_250_000)
    fee, costs = rng.choice((11_500, 20_500, 45_500)), rng.choice((8_000, 10_000, 11_000))
    total = claimed + fee + costs
    ref, claim = f"EVF/{digits(rng, 6)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    facts = [("Total the claimant seeks", pounds(total)), ("Claimant", CLAIMANT.name), ("Account no. the claimant uses", ref),
             ("Taken as served on", when(served)), ("Your response due by", when(by))]  # fmt: skip
    was = _was(rng, total, by, when, date)
    letter = Letter(
        org=CLAIM_COURT, title="A money claim has been issued against you", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Claim no. given by the court", ref=claim, facts=facts, was=_struck(was, facts),
        paras=(f"{CLAIMANT.name} has issued a claim against you for the balance of a car finance agreement (their account reference {ref}).",
               f"The amount claimed is {pounds(claimed)}, with a court fee of {pounds(fee)} and legal costs of {pounds(costs)}, making {pounds(total)}.",
               f"The claim is deemed served on {when(served)}. Your response must reach the court by {when(by)}, or the claimant may ask for judgment without a hearing."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("roll", "merge")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 45_000, 1_150_000)
    ref, claim = f"OMH{digits(rng, 5)}", _claim_no(rng)
    monthly, by = rng.choice((3_000, 6_000, 12_000)), later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    how = (f"pay {pounds(owed)} to the claimant by {when(by)}" if extra
           else f"pay {pounds(owed)} to the claimant by instalments of {pounds(monthly)} each month")  # fmt: skip
    facts = [
        ("Sum the judgment orders", pounds(owed)),
        ("Judgment won by", HIRE.name),
        ("Claimant's own account no.", ref),
    ]
    facts += (
        [("Whole sum payable by", when(by))]
        if extra
        else [("Each monthly instalment", pounds(monthly))]
    )
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment has gone against you on this claim", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, HIRE.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Court's claim no.", ref=claim, facts=facts,
        paras=(f"You have not responded to the claim made by {HIRE.name} (reference {ref}), so judgment has been entered against you.",
               f"You must {how}.",
               "If you pay the whole sum within one month of the judgment it will not stay on the Register of Judgments, Orders and Fines."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kinds = ("twoup", "overleaf")
    when, date = _when(rng), dated(rng)
    order = balance(rng, 26_000, 260_000)
    owed = order + 7_500
    case, by = f"TCE-{digits(rng, 7)}", later(date, 7)
    letter = Letter(
        org=ENFORCER, title="Your council tax debt is with our agents", date=date, when=when,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, NENE.name, case, owed, date, deadline_date=by),
        ref_label="Enforcement file no.", ref=case,
        facts=[("Now to pay, fee added", pounds(owed)), ("Collecting the debt for", NENE.name), ("Pay or phone before", when(by))],
        paras=(f"{NENE.name} obtained a liability order for unpaid council tax and has instructed us to collect it.",
               f"The liability order was for {pounds(order)}; the compliance fee of {pounds(7_500)} makes {pounds(owed)} to pay now.",
               f"Pay in full, or call us to agree payments, by {when(by)}. If you do not, an enforcement agent may visit and a further fee will be added."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("amended", "scrawl")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 520_000, 2_600_000)
    ref, by = f"RSS{digits(rng, 5)}", later(date, 21)
    facts = [("Sum this demand is for", pounds(owed)), ("Pay or compound by", when(by))]
    was = _was(rng, owed, by, when, date)
    letter = Letter(
        org=MERCHANT, title="Statutory demand for stone and slate supplied", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, MERCHANT.name, ref, owed, date, deadline_date=by),
        ref_label="Quarry account no.", ref=ref, facts=facts, was=_struck(was, facts),
        paras=("Walling stone, roofing slate and paving were delivered to you on account and our invoices remain unpaid.",
               f"The creditor demands payment of {pounds(owed)}, or that you secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition. You may apply to the court to set the demand aside within 18 days of service."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("roll", "twoup")
    org = COUNCILS[i % 2]
    when, date = _when(rng), dated(rng)
    ref, by = f"{digits(rng, 8)}", later(date, 7)
    owed = rng.randrange(9_500, 25_000) + rng.randrange(9_500, 25_000)
    letter = Letter(
        org=org, title="Council Tax instalments gone unpaid", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Council Tax payer no.", ref=ref,
        facts=[("Instalments gone unpaid", pounds(owed)), ("Pay it so it arrives by", when(by))],
        paras=("Our records show that instalments of Council Tax on your account have not been paid.",
               f"{pounds(owed)} is overdue. If it reaches us by {when(by)} you keep the right to pay by instalments.",
               "Otherwise the full year's charge becomes payable and we may ask the magistrates for a liability order, with costs added."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("merge", "roll")
    when, date = _when(rng), dated(rng)
    ref, by = f"KGP{digits(rng, 4)}{digits(rng, 5)}", later(date, 14)
    owed = balance(rng, 5_000, 62_000)
    letter = Letter(
        org=ENERGY, title="Gas and power used at your home: your bill", date=date, when=when,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Your supply account no.", ref=ref,
        facts=[("This bill's amount", pounds(owed)), ("Settle the bill by", when(by))],
        paras=("This bill covers the gas and electricity used at your home over the last three months, with the daily standing charges.",
               f"The amount of this bill is {pounds(owed)}, VAT at 5% included. Payment is due by {when(by)}.",
               "If paying is hard, get in touch: we can agree a plan or look at whether you can get help with your bills."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("scrawl", "overleaf")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 13_000, 150_000)
    ref, by = f"NI{digits(rng, 9)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Water charges unpaid: please get back to us", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Water customer no.", ref=ref,
        facts=[("Water charges gone unpaid", pounds(owed)), ("Get back to us by", when(by))],
        paras=(f"Your water and sewerage charges of {pounds(owed)} are overdue. Please pay, or call us to spread the cost, by {when(by)}.",
               "Ask us about our help schemes if money is short; if we hear nothing, we may pass the debt to a collection agency."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("twoup", "amended")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 9_500, 170_000)
    ref, by = f"{digits(rng, 3)}-{digits(rng, 6)}", later(date, 14)
    facts = [("Still owed on the fine", pounds(owed)), ("Clear the fine by", when(by))]
    was = _was(rng, owed, by, when, date)
    letter = Letter(
        org=MAGISTRATES, title="Payments on your fine have stopped", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Court fine account", ref=ref, facts=facts, was=_struck(was, facts),
        paras=("The court ordered you to pay a fine, costs and a surcharge, and the payments have stopped.",
               f"The balance of the fine is {pounds(owed)}. Pay it, or contact the Fines Office, by {when(by)}.",
               "If you do not, the court may deduct it from your earnings or benefits or send enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("overleaf", "merge")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 26_000, 780_000)
    ref, old = f"BDA{digits(rng, 7)}", f"RDL{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="Your account has been transferred to us", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="Account no. with us now", ref=ref,
        facts=[("Sum transferred to us", pounds(owed)), ("Transferred from", LENDER.name), ("Account no. with the lender", old)],
        paras=(f"{LENDER.name} has assigned your loan account {old} to us, and the balance is now owed to us.",
               f"The balance transferred is {pounds(owed)}. No interest will be added.",
               "Quote your new account number whenever you pay or contact us; any payment plan you already have carries on."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("amended", "roll")
    when, date = _when(rng), dated(rng)
    weeks, weekly = rng.randrange(6, 42), rng.randrange(1_900, 9_800)
    owed = weeks * weekly
    ref, by = f"OP{digits(rng, 7)}", later(date, 21)
    facts = [("Benefit paid in excess", pounds(owed)), ("Repay or contact us by", when(by))]
    was = _was(rng, owed, by, when, date)
    letter = Letter(
        org=HINCH, title="We paid you too much Housing Benefit", date=date, when=when,
        truth=owes(C.OVERPAYMENT, HINCH.name, ref, owed, date, deadline_date=by),
        ref_label="Benefit invoice no.", ref=ref, facts=facts, was=_struck(was, facts),
        paras=(f"Your earnings went up and we were not told, so Housing Benefit was overpaid for {weeks} weeks.",
               f"The overpayment is {pounds(owed)}. Please repay it, or contact us about a plan, by {when(by)}.",
               "You can ask us to reconsider, or appeal, within one month of the date of this invoice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("scrawl", "twoup")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 60_000, 900_000), rng.randrange(48_000, 160_000)
    ref = f"OU{digits(rng, 9)}"
    letter = Letter(
        org=SOCIETY, title="Behind with the mortgage: talk to us", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Mortgage no. to quote", ref=ref,
        facts=[("Behind by, to date", pounds(owed)), ("Monthly payment under the mortgage", pounds(monthly))],
        paras=(f"Your mortgage account is {pounds(owed)} in arrears. Your contractual monthly payment is {pounds(monthly)}.",
               "Please ring Arrears Support so that we can agree a way forward together. Taking possession is always the last thing we want."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("merge", "overleaf")
    when, date = _when(rng), dated(rng)
    owed, weekly = balance(rng, 9_500, 310_000), rng.randrange(9_500, 17_000)
    ref = f"CSH-{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="Arrears of rent on your home", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Tenancy rent no.", ref=ref,
        facts=[("Rent gone unpaid", pounds(owed)), ("Rent due each week", pounds(weekly))],
        paras=("The rent on your home has not been paid in full for several weeks.",
               f"Your rent arrears are {pounds(owed)} and your weekly rent is {pounds(weekly)}. Please contact the Income Team to agree how you will clear them.",
               "If your Universal Credit or your hours have changed, tell us; we can refer you for free money advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("roll", "scrawl")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 2_800, 135_000), later(date, 10)
    if i % 2 == 0:
        org, ref, title = (
            BNPL,
            f"SPL{letters(rng, 2)}{digits(rng, 6)}",
            "Missed payments on your order",
        )
        first = "Two scheduled payments for your order failed when we tried to take them from your card."
    else:
        org, ref, title = CATALOGUE, f"AMO{digits(rng, 7)}", "Your catalogue account is behind"
        first = "Your catalogue account is behind with its payments, so we have stopped new orders for now."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Order or account no.", ref=ref,
        facts=[("Gone overdue so far", pounds(owed)), ("Put it right by", when(by))],
        paras=(first,
               f"{pounds(owed)} is overdue now. Please pay it by {when(by)} to avoid a late fee and a report to the credit reference agencies.",
               "If you are finding things difficult, tell us and we will hold collection for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("twoup", "amended")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 65_000, 1_350_000), later(date, 30)
    ref = f"HBL{digits(rng, 5)}"
    facts = [
        ("Sum claimed by our client", pounds(owed)),
        ("Acting for", LANDSCAPES.name),
        ("Your reply to reach us by", when(by)),
    ]
    was = _was(rng, owed, by, when, date)
    letter = Letter(
        org=SOLICITORS, title="Before we issue a claim: our client's letter", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, LANDSCAPES.name, ref, owed, date, deadline_date=by),
        ref_label="Invoice no. of our client", ref=ref, signed="Bletsoe Kimber Solicitors LLP", facts=facts, was=_struck(was, facts),
        paras=(f"We are instructed by {LANDSCAPES.name}, which landscaped your garden and invoiced you when the work was finished.",
               f"Our client claims {pounds(owed)}. Please fill in the reply form and the financial statement enclosed and send them to us by {when(by)}.",
               "If you do not reply, our client may start court proceedings without further warning and claim interest and costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def payslip(rng: random.Random, i: int) -> Doc:
    """A table with its value column first (even) or a till-roll print-out (odd)."""
    org, date, when = EMPLOYERS[i % 2], dated(rng), _when(rng)
    frequency = ("weekly", "monthly", "fortnightly", "four_weekly")[i % 4]
    scale = {"weekly": 1, "fortnightly": 2, "four_weekly": 4, "monthly": 4.33}[frequency]
    hours = round(37.5 * scale, 2)
    rate = rng.randrange(1_250, 2_200)
    gross = round(hours * rate) + rng.randrange(0, 9_500)
    tax, ni, pension = gross * 12 // 100, gross * 6 // 100, gross * 5 // 100
    net = gross - tax - ni - pension
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    style = STYLES[(i + 1) % len(STYLES)]
    page = Sheet(style)
    items = [(when(date), "Pay date"), (FREQUENCY_SHOWN[frequency][0], "Pay frequency"), (f"{hours:g}", "Hours worked"),
             (plain(gross), "Total gross pay"), (plain(tax), "PAYE tax"), (plain(ni), "Employee NI"),
             (plain(pension), "Pension (employee)"), (pounds(net), "Take-home pay")]  # fmt: skip
    if i % 2 == 0:
        _head(page, org, style)
        page.gap()
        page.add((t(0.08, "Pay advice", True, size=style.point + 1), rt(0.92, f"{first} {surname}  -  staff no. {digits(rng, 5)}"))).gap()  # fmt: skip
        rows: list[tuple[Cell, ...]] = [(rt(0.3, "Amount", True), t(0.36, "Item", True))]
        rows += [(rt(0.3, value, True), t(0.36, what)) for value, what in items]
        page.box(rows, 0.1, 0.7).gap()
        page.para(f"Take-home pay {pounds(net)} from total gross pay of {pounds(gross)}, paid {FREQUENCY_SHOWN[frequency][1]}.", x=0.08)  # fmt: skip
        _foot(page, org, 1, 1)
    else:
        x0, x1 = ROLL
        size = SMALL + 0.5
        page.add(
            (ct(0.5, org.name.upper(), True, size=size + 1),), (ct(0.5, "PAY ADVICE", size=size),)
        )
        _dashes(page)
        page.add((t(x0, f"{first} {surname}".upper(), size=size),))
        _dashes(page)
        for value, what in items:
            page.add((t(x0, what.upper(), size=size), rt(x1, value, True, size=size)))
        _dashes(page)
        page.add((ct(0.5, f"PAID {FREQUENCY_SHOWN[frequency][1].upper()}", size=size),))
        page.foot = len(page.rows)
        page.add(*page.wrapped(org.registered, 0.08, 0.92, size=SMALL - 1))
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """Money in and money out before the balance, the details last; two pages on odd ones
    (page two's header band carries the balance brought over)."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    start = later(date, -30)
    opening = rng.randrange(3_500, 150_000)
    items = [("CORBY TUBE FINISHERS WAGES", rng.randrange(110_000, 230_000), 0), ("DD KETTERING GAS POWER", 0, rng.randrange(6_500, 17_000)),
             ("CARD TESCO CORBY", 0, rng.randrange(900, 7_000)), ("SO CORBY STEELWORKERS HA", 0, rng.randrange(46_000, 82_000)),
             ("CASH OUNDLE MARKET PL", 0, 3_000), ("DD ISE VALLEY DC CTAX", 0, rng.randrange(10_500, 19_000)),
             ("FPI FROM I FAIRHURST", rng.randrange(2_000, 9_000), 0), ("CARD STAGECOACH X4", 0, rng.randrange(350, 1_600)),
             ("DD SPREADLY PAY LATER", 0, rng.randrange(2_200, 7_800)), ("DD NENE AND ISE WATER", 0, rng.randrange(2_600, 7_200))]  # fmt: skip
    size = SMALL + 1
    head = (t(0.08, "Date", True, size=size), rt(0.34, "Money in", True, size=size), rt(0.48, "Money out", True, size=size),
            rt(0.62, "Balance", True, size=size), t(0.66, "Details", True, size=size))  # fmt: skip
    sheets: list[Sheet] = []
    page = Sheet(style)
    _head(page, BANK, style)
    page.gap()
    _address(page, rng)
    sort, account = f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}", digits(rng, 8)
    page.add(
        (t(0.08, "Current account statement", True), rt(0.92, f"Date of statement {when(date)}"))
    )
    page.add((t(0.08, f"From {weekday(start)} to {weekday(later(date, -1))}", size=size),
              rt(0.92, f"Sort code {sort}  |  Account {account}", size=size))).gap()  # fmt: skip
    page.add(head).rule(0.08, 0.92)
    page.add((t(0.08, f"{start:%d/%m}", size=size), rt(0.62, plain(opening), size=size), t(0.66, "Opening balance", size=size)))  # fmt: skip
    running = opening
    split = 6 if i % 2 else len(items)
    for n, (what, into, out) in enumerate(items):
        if n == split:
            _foot(page, BANK, 1, 2)
            sheets.append(page)
            page = Sheet(style)
            page.box([(t(0.1, f"{BANK.name}  |  account {account}  |  page 2", True, size=size),),
                      (t(0.1, f"Balance brought over {plain(running)}", size=size),)], 0.08, 0.92, fill=222, outline=False)  # fmt: skip
            page.gap()
            page.add(head).rule(0.08, 0.92)
        running += into - out
        day = later(start, 2 + n * 3)
        page.add((t(0.08, f"{day:%d/%m}", size=size), rt(0.34, plain(into) if into else "", size=size),
                  rt(0.48, plain(out) if out else "", size=size), rt(0.62, plain(running), size=size), t(0.66, what, size=size)))  # fmt: skip
    page.add((t(0.08, f"{later(date, -1):%d/%m}", size=size), rt(0.62, plain(running), True, size=size), t(0.66, "Closing balance", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92).gap()
    page.para("Please check this statement and tell us straight away about any entry you do not recognise.", x=0.08, size=SMALL + 0.5)  # fmt: skip
    _foot(page, BANK, len(sheets) + 1, len(sheets) + 1)
    sheets.append(page)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=sheets, style=style)  # fmt: skip


def benefit(rng: random.Random, i: int) -> Doc:
    """Attendance Allowance (even: overleaf) or Bereavement Support Payment (odd: merge)."""
    kinds = ("overleaf", "merge")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        weekly = rng.choice((7_285, 10_885))
        org, title, what = (
            ATTENDANCE,
            "Attendance Allowance: decision on your claim",
            "Attendance Allowance",
        )
        ref_label, ref = (
            "National Insurance number",
            f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}",
        )
        paid = weekly * {"weekly": 1, "four_weekly": 4}[frequency]
    else:
        frequency = "monthly"
        org, title, what = (
            BEREAVEMENT,
            "Bereavement Support Payment: your monthly payments",
            "Bereavement Support Payment",
        )
        ref_label, ref = "Claim reference", f"BSP{digits(rng, 7)}"
        paid = rng.choice((10_000, 35_000))
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label=ref_label, ref=ref,
        facts=[("Paid to you each time", pounds(paid)), ("Paid how often", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"We have decided that you can get {what} from {when(later(date, -28))}.",
               f"We will pay {pounds(paid)} into your account {FREQUENCY_SHOWN[frequency][1]}.",
               "Tell us at once if anything changes, for example if you go into hospital or a care home, or move abroad."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: a volunteers' work party (roll), a chess club's match card (scrawl)."""
    kinds = ("roll", "scrawl")
    when, date = _when(rng), dated(rng)
    on = later(date, 9 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=LAKES, title="Reed-cutting work party", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Volunteer card no.", ref=digits(rng, 4), facts=[("Meeting point", "the Visitor Centre, 9.30 am"), ("Work party on", when(on))],
            paras=(f"We are cutting back the reed beds by the heronry on {when(on)} and would love your help.",
                   "Gloves, tools and tea are provided; please wear boots and bring a packed lunch."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=CHESS, title="You are picked for the league match", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Board", ref=str(rng.randrange(1, 7)), facts=[("Match night", when(on)), ("Venue", "Geddington village hall")],
            paras=(f"You are picked to play for the second team in the league match on {when(on)}.",
                   "Play starts at 7.30 pm sharp with a time limit of 75 minutes each; please arrive in good time to set up the boards."),
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
class JSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()
    strikes: tuple[tuple[Strike, ...], ...] = ()


def build_j(per_class: int = 4, *, seed: int = 2347) -> list[JSample]:
    """``per_class`` documents of every class, held out, family ``<class>:J``."""
    return build_printed(
        TEMPLATES, FAMILY, per_class, seed, JSample,
        strikes=lambda doc: tuple(tuple(s.strikes) for s in doc.sheets),
    )  # fmt: skip


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, j_text, j_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class JScan:
    dpi: int
    skew: float
    """Degrees."""
    blinds: bool = False
    """A phone photo by a window: a venetian blind's shadow in slanting bands; colour."""
    stain: bool = False
    """A water stain with a darker tide-mark rim; saved with a 16-colour palette."""
    barrel: bool = False
    """A phone's wide lens: the page's straight lines bowed outwards; greyscale."""


SCANS = (
    JScan(dpi=200, skew=0.6, blinds=True),
    JScan(dpi=300, skew=-0.4, stain=True),
    JScan(dpi=150, skew=0.3, barrel=True),
)

INK = (28, 28, 32)
PAPER = (251, 250, 246)
BAND_CM = 2.4
"""The blind's period on the page: one slat's shadow and one bright gap."""
SHADE = 212
"""The paper's level in a slat's shadow (255 in the light). The first OCR run of the
measurement had it at 172, and Tesseract then kept only 6 of 29 true values verbatim on
those photos (a measure of Tesseract, not of the reader): lightened before the figures in
benchmarks/OCR.md were taken (the stain's and the lens's scans unchanged)."""


def _draw(sample: JSample, n: int, scan: JScan) -> Image.Image:
    width, height = page_size(sample, scan.dpi)
    image = Image.new("RGB", (width, height), PAPER)
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, scan.dpi)
    body = round(sample.style.point / 72 * scan.dpi)
    line = max(1, scan.dpi // 120)
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
        x0, x1 = round(rule.x0 * width), round(rule.x1 * width)
        step = scan.dpi // 25 if rule.dashed else x1 - x0
        for x in range(x0, x1, max(1, step)):
            end = min(x1, x + step // 2) if rule.dashed else x1
            pen.line((x, y, end, y), fill=INK, width=line)
    for p in PRINT.layout(sample, n, scan.dpi):
        pen.text((p.left, p.top), p.cell.text, fill=INK, font=p.font)
    for strike in sample.strikes[n] if sample.strikes else ():
        y = tops[strike.row] + round(0.55 * body)
        pen.line(
            (round(strike.x0 * width), y, round(strike.x1 * width), y), fill=INK, width=line + 1
        )
    return image


def _blinds(image: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """Slanting bands of shadow (a venetian blind between the window and the page), the
    light warm."""
    width, height = image.size
    period = BAND_CM / 2.54 * dpi
    slope = 0.3 + rng.random() * 0.2
    ys = np.arange(height, dtype=np.float32)[:, None]  # (a column and a row, broadcast:
    xs = np.arange(width, dtype=np.float32)[None, :]  # the same values as the page's grid)
    phase = np.mod(ys + slope * xs + rng.random() * period, period) / period
    level = np.where(phase < 0.45, SHADE, 255).astype(np.uint8)
    mask = Image.fromarray(level).filter(ImageFilter.GaussianBlur(dpi / 30))
    warm = Image.merge(
        "RGB", (mask, mask.point(lambda v: round(v * 0.97)), mask.point(lambda v: round(v * 0.94)))
    )
    return ImageChops.multiply(image, warm)


def _stain(image: Image.Image, rng: random.Random) -> Image.Image:
    """A water stain: a pale brown blot of three overlapping pools, a darker tide-mark rim
    where it dried."""
    width, height = image.size
    cx, cy = width * (0.3 + rng.random() * 0.4), height * (0.3 + rng.random() * 0.4)
    pool = Image.new("L", image.size, 0)
    pen = ImageDraw.Draw(pool)
    for _ in range(3):
        x = cx + width * (rng.random() - 0.5) * 0.2
        y = cy + height * (rng.random() - 0.5) * 0.12
        rx, ry = width * (0.1 + rng.random() * 0.1), height * (0.06 + rng.random() * 0.05)
        pen.ellipse((x - rx, y - ry, x + rx, y + ry), fill=255)
    rim = ImageChops.subtract(pool, _min_filter(pool, 2 * (width // 250) + 1))
    blot = ImageChops.lighter(pool.point(lambda v: v * 150 // 255), rim)
    blot = blot.filter(ImageFilter.GaussianBlur(width / 500))
    brown = Image.new("RGB", image.size, (196, 160, 108))
    stained = ImageChops.multiply(image, brown)
    return Image.composite(stained, image, blot.point(lambda v: round(v * 0.75)))


def _min_filter(image: Image.Image, size: int) -> Image.Image:
    """Pillow's ``MinFilter(size)`` (the darkest pixel of each ``size`` square, edges
    repeated outwards), taken as a minimum along rows and then down columns: the same
    pixels (checked against Pillow on these blots and on noise), in milliseconds where
    Pillow's square rank filter took seconds a page."""
    grey, half = np.asarray(image), size // 2
    height, width = grey.shape
    padded = np.pad(grey, half, mode="edge")
    rows = padded[:, :width].copy()
    for i in range(1, size):
        np.minimum(rows, padded[:, i : i + width], out=rows)
    out = rows[:height].copy()
    for i in range(1, size):
        np.minimum(out, rows[i : i + height], out=out)
    return Image.fromarray(out)


def _barrel(image: Image.Image, strength: float = 0.03) -> Image.Image:
    """A wide lens: each point drawn from nearer the centre the nearer it is to an edge's
    middle, so straight lines bow outwards (the corners stay put); sampled bilinearly."""
    grey = np.asarray(image.convert("L"), dtype=np.float32)
    height, width = grey.shape
    ys = np.arange(height, dtype=np.float32)[:, None]  # (a column and a row, broadcast:
    xs = np.arange(width, dtype=np.float32)[None, :]  # the same values as the page's grid)
    nx, ny = (xs - width / 2) / (width / 2), (ys - height / 2) / (height / 2)
    factor = (1 + strength * (nx * nx + ny * ny)) / (1 + 2 * strength)
    sx = np.clip(width / 2 + nx * factor * width / 2, 0, width - 1.001)
    sy = np.clip(height / 2 + ny * factor * height / 2, 0, height - 1.001)
    x0, y0 = sx.astype(np.intp), sy.astype(np.intp)
    fx, fy = sx - x0, sy - y0
    top = grey[y0, x0] * (1 - fx) + grey[y0, x0 + 1] * fx
    low = grey[y0 + 1, x0] * (1 - fx) + grey[y0 + 1, x0 + 1] * fx
    return Image.fromarray(np.rint(top * (1 - fy) + low * fy).astype(np.uint8))


def render(sample: JSample, n: int, scan: JScan, seed: int = 0) -> Image.Image:
    image = _draw(sample, n, scan)
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    if scan.blinds:
        image = _blinds(image, rng, scan.dpi)
        return image.rotate(
            scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(92, 84, 70)
        )
    if scan.stain:
        image = _stain(image, rng)
        image = image.rotate(
            scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(240, 240, 238)
        )
        return image.quantize(colors=16)
    grey = _barrel(image)
    return grey.rotate(scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=120)


def j_scanned(sample: JSample, index: int) -> tuple[bytes, str, JScan]:
    """Printed and photographed or scanned one of three ways: the blind's shadow as JPEG,
    the water stain as a palette PNG (with its resolution at odd indexes), the wide lens as
    deflate TIFF; two pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 53 + n) for n in range(len(sample.pages))]
    if len(images) > 1:
        return encode_pages([im.convert("RGB") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.barrel:
        out = io.BytesIO()
        images[0].save(
            out, format="TIFF", compression="tiff_adobe_deflate", dpi=(scan.dpi, scan.dpi)
        )
        return out.getvalue(), "tiff", scan
    if scan.blinds:
        return encode_pages(images, "jpeg", scan.dpi), "jpeg", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "JSample",
    "JScan",
    "build_j",
    "j_pages",
    "j_scanned",
    "j_text",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
