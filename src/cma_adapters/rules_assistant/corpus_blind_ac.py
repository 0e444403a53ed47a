# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AC``, written blind: a twenty-third measure of how the reader
generalises, in a twenty-third hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I``,
``J``, ``AA`` and ``AB``).

``AC`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``,
``values_found``, ``FIELDS``), the shared page engine (``corpus_print``), families AA's and
AB's modules and tests (for their conventions, as the task allowed), the shared test helpers
(``tests/unit/documents/blind_families.py``, ``tests/integration/ocr/blind_read.py``), the
reporting code of ``benchmarks/intake_accuracy.py`` and ``benchmarks/openai_accuracy.py``,
AB's benchmark registration (the commits that added AB) and, by grep only, the module
docstrings of families A-Z, G, E, F, I and J (to avoid their regions, settings, date
shapes, faces and scan effects) -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``, ``prose.py``,
``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``label_learning.py``, ``read_families.py``, ``ranker.py``,
``ranker_training.py``, the Tesseract extractor, the locator, the creditor directory), its
reading tests, nor any account of its misses. It is never used to write rules, to train or
calibrate the classifier or the field ranker (``build_corpus`` never yields it), nor to
choose models: it is measured, and only the aggregate figures go into benchmarks/OCR.md.
Whoever reads its individual misses to change the reader makes ``AC`` no longer blind and
must say so there.

**AC is no longer blind since round 25** (branch ``reader25``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AC
from then on is a training-side figure (benchmarks/OCR.md, "Round 25").

What differs from A-Z, G, E, F, I, J, AA and AB:

* who writes: bodies and firms of north and west Hertfordshire and the Buckinghamshire
  Chilterns (the Hiz and the Ivel, Royston heath, the Gade and the Bulbourne, Ashridge, the
  Chess and the Misbourne, the Vale of Aylesbury), none named by the earlier families: a
  Hitchin card company and a Misbourne valley credit union, a Chesham caravan lender suing
  in the County Court at Aylesbury, a flint builder's judgment from the County Court at
  St Albans, Chiltern Beacons council and its Gade valley enforcement agents, a Royston
  timber merchant's statutory demand, Hiz and Ivel and Vale of Aylesbury councils, an
  energy supplier at Letchworth, a chalk-streams water company, Stevenage magistrates, a
  Harpenden doorstep lender and the Welwyn receivables firm it sold to, Gade and Bulbourne
  council's Housing Benefit overpayments, a Berkhamsted building society, a Letchworth
  housing association, a Princes Risborough home-shopping catalogue and a pay-in-four
  firm, St Albans solicitors for a Buntingford kitchen fitter, a Great Missenden garden
  centre and a Knebworth events firm as employers, Verulam Bank, Carer's Allowance and
  Pension Credit, Ashridge volunteer rangers and a Baldock ringers' guild;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **sidebar**: the facts down a shaded left-hand column ("The essentials"), each label
    small above its value, the letter in the wider column to its right;
  - **strip**: the letter first, its facts in a strip of shaded boxes across the foot of
    the page (three a row, the label above the value), above the small print;
  - **continuation**: two sheets: a short covering letter, then a "Continuation sheet"
    headed by a ruled box (the reference, "Sheet 2 of 2") with the facts as numbered
    particulars and the rest of the letter numbered on;
  - **large**: a large-print letter for a partially sighted reader (16 pt, over two
    pages: the facts on the first, one above the other, the letter on the second);
  - **merge**: a mail-merge whose merged values (the address, the reference, the date,
    every fact) are set in a monospaced face on grey field shading, the template's
    words in the body face, the template's code at the foot;
  - **landscape**: a notice printed landscape, the letter in the left column and the
    facts in a ruled box in the right one;
  payslips as a pay envelope of boxed cells (two rows of four) or as a mail-merge; bank
  statements with one signed Amount column (+ paid in, - paid out) and the balance marked
  OD when overdrawn, half with "Brought forward" and "Carried forward" boxed at the top;
  a Carer's Allowance and a Pension Credit letter;
* faces no family paired: Nimbus Sans Narrow under URW Bookman Demi headings, Open Sans
  under Nimbus Roman Bold, C059 Roman under Open Sans Condensed Bold, 9 to 10 pt (16 pt in
  large print); every italic is Nimbus Mono PS (the mail-merge's face);
* dates as "20261204" (year, month and day run together), "Friday 04.12.2026" (the weekday
  before a dotted date) and "4 dec 2026" (the month's abbreviation in lower case), one
  shape a document; amounts as "£1,234.56" and, in boxes and tables, "1,234.56";
* scans new to the families: a photocopy of a photocopy (strokes thickened and the grey
  pushed to black or white, a dark band where the copier's lid was left up, toner
  specks; 200 dpi greyscale LZW TIFF); a phone photo taken with the flash on, on pale
  green recycled paper with fibre flecks (a washed-out hotspot, the corners darker; 200
  dpi colour JPEG); a flatbed with dirty glass (thin dark lines down the whole page where
  dust sat on the scan line, grey smudges; 300 dpi greyscale PNG).

Ground truth follows L's to AB's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference, on a claim form and a judgment the claimant's reference); ``balance_pence``
what is owed now; ``letter_date`` the document's own date; ``deadline_date`` and
``served_date`` only where printed. Payslips give the employer, net and gross pay, pay date
and frequency; benefit letters the payer, the amount paid each time, the date and the
frequency; a bank statement its date.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Callable, Sequence

import numpy as np
from attrs import evolve, field, frozen
from PIL import Image, ImageDraw, ImageFilter

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
    rt,
    t,
)
from cma_core.documents.model import DocumentClass

FAMILY = "AC"

PEOPLE = (
    ("Mrs", "Philippa", "Ogunbanjo-Reeve"),
    ("Mr", "Tadeusz", "Hollingworth-Bain"),
    ("Ms", "Saoirse", "Wetherall-Okafor"),
    ("Mr", "Lindon", "Carrick-Mensah"),
)
ADDRESSES = (
    ("9 Bancroft Mews", "Hitchin", "SG5 1NQ"),
    ("Flat 4, 27 Lowndes Avenue", "Chesham", "HP5 2HH"),
    ("52 Icknield Close", "Baldock", "SG7 6TB"),
    ("3 Kingshill Terrace", "Berkhamsted", "HP4 3DL"),
)

# -- date and money shapes -------------------------------------------------------------------


def run_together(date: dt.date) -> str:
    """20261204"""
    return f"{date:%Y%m%d}"


def weekday_dotted(date: dt.date) -> str:
    """Friday 04.12.2026"""
    return f"{date:%A %d.%m.%Y}"


def lower_month(date: dt.date) -> str:
    """4 dec 2026"""
    return f"{date.day} {date:%b}".lower() + f" {date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (run_together, weekday_dotted, lower_month)


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Paid weekly", "each week"),
    "fortnightly": ("Paid fortnightly", "once a fortnight"),
    "four_weekly": ("Paid four-weekly", "once every four weeks"),
    "monthly": ("Paid monthly", "once a calendar month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AC prints a true value (to check it is on the page, or in an OCR text)."""
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
LARGE = 16.0
"""The large-print letters' point size."""
_URW = "/usr/share/fonts/opentype/urw-base35/"
_OS = "/usr/share/fonts/truetype/open-sans/"
_MERGE = _URW + "NimbusMonoPS-Regular.otf"
_MERGE_BOLD = _URW + "NimbusMonoPS-Bold.otf"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "narrow": {
        (False, False): _URW + "NimbusSansNarrow-Regular.otf",
        (True, False): _URW + "URWBookman-Demi.otf",
        (False, True): _MERGE,
        (True, True): _MERGE_BOLD,
    },
    "opensans": {
        (False, False): _OS + "OpenSans-Regular.ttf",
        (True, False): _URW + "NimbusRoman-Bold.otf",
        (False, True): _MERGE,
        (True, True): _MERGE_BOLD,
    },
    "c059": {
        (False, False): _URW + "C059-Roman.otf",
        (True, False): _OS + "OpenSans-CondBold.ttf",
        (False, True): _MERGE,
        (True, True): _MERGE_BOLD,
    },
}
"""Each body face under headings of another family: Nimbus Sans Narrow under URW Bookman
Demi, Open Sans under Nimbus Roman Bold, C059 Roman under Open Sans Condensed Bold; the
italic slot is always Nimbus Mono PS, the face the mail-merge sets its values in
(``fonts-urw-base35``, ``fonts-open-sans``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "narrow"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("narrow", 10.0), Style("opensans", 9.0), Style("c059", 9.5))


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


def balance(rng: random.Random, low: int = 6_500, high: int = 690_000) -> int:
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
    team: str = "Customer Accounts"


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the labelled facts
    (already shaped; the sum owed first where there is one, ``owed`` its pence); ``paras``
    the prose, stating every fact in a sentence."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[tuple[str, str]]
    owed: int = 0
    paras: Sequence[str]
    signed: str = field(default="")
    date_label: str = field(default="Letter dated")


def person(rng: random.Random) -> tuple[tuple[str, str, str], list[str]]:
    """((title, first name, surname), address lines)."""
    title, first, surname = rng.choice(PEOPLE)
    return (title, first, surname), [f"{title} {first} {surname}", *rng.choice(ADDRESSES)]


def _foot(page: Sheet, org: Org, x0: float = 0.08, x1: float = 0.92, *, start: bool = True) -> None:
    if start:
        page.foot = len(page.rows)
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    page.add(*page.wrapped(text, x0, x1 - 0.04, size=SMALL - 1))


def _address(
    page: Sheet, rng: random.Random, x: float = 0.08, *, merged: bool = False, size: float = 0.0
) -> str:
    (title, _, surname), lines = person(rng)
    page.add(*((t(x, line, italic=merged, size=size),) for line in lines)).gap()
    return f"{title} {surname}"


def _prose(
    page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92, size: float = 0.0
) -> None:
    for text in paras:
        page.para(text, x=x, right=right, size=size).gap()


def _head(page: Sheet, org: Org, style: Style, x0: float = 0.08, x1: float = 0.92) -> None:
    """The name in the heading face on the left; the street, town and telephone on one
    small line under it; a rule."""
    page.add((t(x0, org.name, True, size=style.point + 3),))
    page.add((t(x0, f"{org.street}  |  {org.town}  |  Tel. {org.phone}", size=SMALL),)).rule(x0, x1)
    page.gap()


def _close(page: Sheet, letter: Letter, x: float = 0.08, size: float = 0.0) -> None:
    page.add((t(x, "Yours sincerely,", size=size),)).gap()
    page.add((t(x, letter.signed or letter.org.team, True, size=size),))


def _all_facts(letter: Letter) -> list[tuple[str, str]]:
    return [
        (letter.date_label, letter.when(letter.date)),
        (letter.ref_label, letter.ref),
        *letter.facts,
    ]


def _bold_lines(page: Sheet, text: str, x: float, right: float, size: float) -> list[Row]:
    """``text`` in bold lines that fit between ``x`` and ``right`` (measured in the heading
    face, with a little room for rounding)."""
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and x + page.faces.length(page.style, trial, size, bold=True) * 1.06 > right:
            lines.append(word)
        elif lines:
            lines[-1] = trial
        else:
            lines.append(word)
    return [(t(x, line, True, size=size),) for line in lines]


# -- the six settings ---------------------------------------------------------------------------


def _sidebar(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The facts down a shaded left-hand column, the letter to its right."""
    org = letter.org
    page = Sheet(style)
    size = SMALL + 0.5
    side: list[Row] = [(t(0.07, "The essentials", True, size=size + 1.5),), ()]
    for label, value in _all_facts(letter):
        side += [*page.wrapped(label, 0.07, 0.29, size=SMALL)]
        side += _bold_lines(page, value, 0.07, 0.31, size + 1)
        side.append(())
    body: list[Row] = [(t(0.36, org.name, True, size=style.point + 2.5),)]
    body += page.wrapped(f"{org.street}, {org.town}. Tel. {org.phone}", 0.36, 0.94, size=SMALL)
    body.append(())
    (title, _, surname), lines = person(rng)
    body += [(t(0.36, line),) for line in lines]
    body += [
        (),
        (t(0.36, letter.title, True, size=style.point + 1),),
        (),
        (t(0.36, f"Dear {title} {surname},"),),
        (),
    ]
    for text in letter.paras:
        body += page.wrapped(text, 0.36, 0.94)
        body.append(())
    body += [(t(0.36, "Yours sincerely,"),), (), (t(0.36, letter.signed or org.team, True),)]
    first = len(page.rows)
    for left, right in zip(
        side + [()] * max(0, len(body) - len(side)),
        body + [()] * max(0, len(side) - len(body)),
        strict=True,
    ):
        page.add((*left, *right))
    page.rects.append(Rect(first, first + len(side) - 1, 0.055, 0.315, False, 228))
    _foot(page, org, 0.06, 0.94)
    return [page]


def _strip(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The letter, then its facts in shaded boxes across the foot (three a row)."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    page.foot = len(page.rows)
    page.add((t(0.08, "Keep this strip: the details of this letter", italic=False, size=SMALL),))
    facts = _all_facts(letter)
    lefts = (0.08, 0.37, 0.66)
    for n in range(0, len(facts), 3):
        row = facts[n : n + 3]
        top = len(page.rows)
        page.add(
            tuple(t(lefts[k] + 0.01, label, size=SMALL - 0.5) for k, (label, _) in enumerate(row))
        )
        page.add(
            tuple(
                t(lefts[k] + 0.01, value, True, size=SMALL + 1.5)
                for k, (_, value) in enumerate(row)
            )
        )
        for k in range(len(row)):
            page.rects.append(Rect(top, top + 1, lefts[k], lefts[k] + 0.27, True, 232))
        page.gap()
    _foot(page, org, start=False)
    return [page]


def _continuation(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A covering letter, then a continuation sheet with the facts as numbered
    particulars."""
    org = letter.org
    first = Sheet(style)
    _head(first, org, style)
    first.add((rt(0.92, letter.when(letter.date)),))
    salutation = _address(first, rng)
    first.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    first.add((t(0.08, f"Dear {salutation},"),)).gap()
    first.para(letter.paras[0]).gap()
    first.para(
        "The particulars are set out on the continuation sheet that follows this letter. Please read both sheets."
    ).gap()
    _close(first, letter)
    first.add((rt(0.92, "Sheet 1 of 2", size=SMALL),))
    _foot(first, org)
    second = Sheet(style)
    size = SMALL + 1.5
    top = len(second.rows)
    second.add(
        (
            t(0.1, "CONTINUATION SHEET", True, size=style.point + 1),
            rt(0.9, "Sheet 2 of 2", size=size),
        )
    )
    second.add(
        (t(0.1, f"{letter.ref_label}: {letter.ref}", size=size), rt(0.9, org.name, size=size))
    )
    second.rects.append(Rect(top, top + 1, 0.08, 0.92, True, None))
    second.gap()
    second.add((t(0.08, "Particulars", True),)).gap()
    n = 0
    for n, (label, value) in enumerate(_all_facts(letter), 1):
        second.add(
            (
                t(0.08, f"{n}.", size=size),
                t(0.13, label, size=size),
                t(0.58, value, True, size=size),
            )
        )
    second.gap()
    for k, text in enumerate(letter.paras[1:], n + 1):
        rows = second.wrapped(text, 0.13, 0.92, size=size)
        second.add((t(0.08, f"{k}.", size=size), *rows[0]), *rows[1:])
        second.gap()
    _foot(second, org)
    return [first, second]


def _large(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A large-print letter over two pages: the facts one above the other on the first,
    the letter on the second."""
    org = letter.org
    big = evolve(style, point=LARGE)
    first = Sheet(big)
    first.add((t(0.08, org.name, True, size=LARGE + 2),))
    first.add((t(0.08, f"Telephone {org.phone}"),)).rule().gap()
    salutation = _address(first, rng)
    first.add((t(0.08, "LARGE PRINT", True, size=SMALL + 2),))
    first.add(*_bold_lines(first, letter.title, 0.08, 0.92, LARGE + 1)).gap()
    for label, value in _all_facts(letter):
        first.add(*first.wrapped(label, 0.08, 0.92))
        first.add(*_bold_lines(first, value, 0.08, 0.92, LARGE))
    _foot(first, org)
    second = Sheet(big)
    second.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(second, letter.paras)
    _close(second, letter)
    second.add((rt(0.92, "Page 2 of 2", size=SMALL + 2),))
    _foot(second, org)
    return [first, second]


def _merge(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A mail-merge: every merged value in the monospaced face on grey field shading."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng, merged=True)
    for label, value in (
        (letter.ref_label, letter.ref),
        (letter.date_label, letter.when(letter.date)),
    ):
        row = len(page.rows)
        page.add((t(0.08, label), t(0.5, value, italic=True)))
        page.cell(row, 0.495, 0.9, fill=218)
    page.gap()
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, "Dear"), t(0.13, f"{salutation},", italic=True))).gap()
    page.para(letter.paras[0]).gap()
    page.add((t(0.08, "Your details", True),))
    for label, value in letter.facts:
        row = len(page.rows)
        page.add((t(0.08, label), t(0.5, value, italic=True)))
        page.cell(row, 0.495, 0.9, fill=218)
    page.gap()
    _prose(page, letter.paras[1:])
    _close(page, letter)
    page.foot = len(page.rows)
    page.add(
        (
            t(
                0.08,
                f"Template {org.name.split()[0][:3].upper()}-{rng.randrange(10, 99)} rev {rng.randrange(2, 9)}",
                size=SMALL - 1,
            ),
        )
    )
    _foot(page, org, start=False)
    return [page]


def _landscape(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A notice printed landscape: the letter on the left, its facts boxed on the right."""
    org = letter.org
    wide = evolve(style, landscape=True, point=min(style.point, 9.5))
    page = Sheet(wide)
    page.add(
        (
            t(0.05, org.name, True, size=wide.point + 3),
            rt(0.95, f"{org.street}, {org.town}  Tel. {org.phone}", size=SMALL),
        )
    )
    page.rule(0.05, 0.95).gap()
    (title, _, surname), lines = person(rng)
    left: list[Row] = [(t(0.05, line),) for line in lines]
    left += [
        (),
        (t(0.05, letter.title, True, size=wide.point + 1),),
        (),
        (t(0.05, f"Dear {title} {surname},"),),
        (),
    ]
    for text in letter.paras:
        left += page.wrapped(text, 0.05, 0.56)
        left.append(())
    left += [(t(0.05, "Yours sincerely,"),), (), (t(0.05, letter.signed or org.team, True),)]
    right: list[Row] = [(t(0.63, "The key details", True, size=wide.point + 1),), ()]
    for label, value in _all_facts(letter):
        right += [
            (t(0.63, label, size=SMALL + 0.5),),
            *_bold_lines(page, value, 0.63, 0.94, wide.point),
        ]
    first = len(page.rows)
    for a, b in zip(
        left + [()] * max(0, len(right) - len(left)),
        right + [()] * max(0, len(left) - len(right)),
        strict=True,
    ):
        page.add((*a, *b))
    page.rects.append(Rect(first, first + len(right) - 1, 0.61, 0.95, True, None))
    _foot(page, org, 0.05, 0.95)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "sidebar": _sidebar,
    "strip": _strip,
    "continuation": _continuation,
    "large": _large,
    "merge": _merge,
    "landscape": _landscape,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.ref)) % len(STYLES)]
    sheets = KINDS[kinds[i % 2]](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=sheets[0].style)  # type: ignore[arg-type]


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    """One shape a document."""
    return rng.choice(DATE_SHAPES)


# -- organisations (none named by A-Z, G, E, F, I, J, AA or AB) ----------------------------------


def _co(name: str, number: str, office: str, extra: str = "") -> str:
    return f"{name} is a company registered in England and Wales (no. {number}); registered office {office}.{extra}"


FCA = " We are authorised and regulated by the Financial Conduct Authority."
CARD = Org("Hitchin Priory Card Services Ltd", "PO Box 4417", "Hitchin SG5 9ZR", "01462 735 019",
           _co("Hitchin Priory Card Services Ltd", "13874402", "Bancroft, Hitchin SG5 1LH", FCA), "Cardholder Care")  # fmt: skip
UNION = Org("Misbourne Valley Credit Union Ltd", "The Broadway", "Amersham HP7 0HL", "01494 830 276",
            "Misbourne Valley Credit Union Ltd is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 214096).", "Loans Desk")  # fmt: skip
CLAIMANT = Org("Chess Valley Caravan Finance Ltd", "Waterside", "Chesham HP5 1PS", "01494 771 553",
               _co("Chess Valley Caravan Finance Ltd", "10663187", "Waterside, Chesham HP5 1PS", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court at Aylesbury", "Walton Street", "Aylesbury HP21 7QZ", "0300 123 5577",
                  "HM Courts and Tribunals Service. Write the claim number on anything you send to the court.", "Civil Centre")  # fmt: skip
BUILDERS = Org("Ashridge Flint and Brick Ltd", "Ringshall Road", "Little Gaddesden HP4 1PE", "01442 843 608",
               _co("Ashridge Flint and Brick Ltd", "09127735", "Ringshall Road, Little Gaddesden HP4 1PE"))  # fmt: skip
JUDGMENT_COURT = Org("County Court at St Albans", "Victoria Street", "St Albans AL1 3XH", "0300 123 5577",
                     "HM Courts and Tribunals Service. Payments go to the claimant, never to the court.", "Civil Centre")  # fmt: skip
BEACONS = Org("Chiltern Beacons District Council", "Revenues Service, Kingshill Offices", "Princes Risborough HP27 9BU", "01844 355 720",
              team="Council Tax Recovery")  # fmt: skip
ENFORCER = Org("Gade Valley Enforcement Services Ltd", "PO Box 2216", "Hemel Hempstead HP1 9WQ", "01442 601 384",
               _co("Gade Valley Enforcement Services Ltd", "12480517", "Marlowes, Hemel Hempstead HP1 1BA", " Our enforcement agents hold certificates issued by the County Court."), "Enforcement Team")  # fmt: skip
TIMBER = Org("Royston Heath Timber Merchants Ltd", "Old North Road", "Royston SG8 5DX", "01763 248 915",
             _co("Royston Heath Timber Merchants Ltd", "04792268", "Old North Road, Royston SG8 5DX"), "Credit Control")  # fmt: skip
COUNCILS = (
    Org("Hiz and Ivel District Council", "Council Tax, Whitehorse House", "Baldock SG7 6BX", "01462 474 830", team="Local Taxation Section"),
    Org("Vale of Aylesbury District Council", "Council Tax, Gatehouse Offices", "Aylesbury HP19 8FF", "01296 585 114", team="Local Taxation Section"),
)  # fmt: skip
ENERGY = Org("Icknield Way Power Ltd", "PO Box 6630", "Letchworth Garden City SG6 9ZP", "0800 046 2289",
             _co("Icknield Way Power Ltd", "13390158", "Works Road, Letchworth Garden City SG6 1FE"), "Billing Services")  # fmt: skip
WATER = Org("Chilterns Chalk Streams Water plc", "Frogmoor", "High Wycombe HP13 5DJ", "0800 028 4417",
            _co("Chilterns Chalk Streams Water plc", "02944713", "Frogmoor, High Wycombe HP13 5DJ"), "Water Accounts")  # fmt: skip
MAGISTRATES = Org("Stevenage Magistrates' Court", "Fines Team, Danestrete", "Stevenage SG1 1XW", "0300 790 6117",
                  "HM Courts and Tribunals Service - Hertfordshire fines.", "Fines Team")  # fmt: skip
LENDER = Org("Harpenden Home Credit Ltd", "Station Road", "Harpenden AL5 4SE", "01582 462 091",
             _co("Harpenden Home Credit Ltd", "07218864", "Station Road, Harpenden AL5 4SE", FCA))  # fmt: skip
BUYER = Org("Welwyn Garden Receivables Ltd", "PO Box 8152", "Welwyn Garden City AL7 9RT", "01707 384 650",
            _co("Welwyn Garden Receivables Ltd", "14290073", "Bridge Road, Welwyn Garden City AL8 6UN", FCA), "Acquired Accounts")  # fmt: skip
BULBOURNE = Org("Gade and Bulbourne Borough Council", "Benefits, The Forum", "Hemel Hempstead HP1 1DN", "01442 228 903",
                team="Overpayments Unit")  # fmt: skip
SOCIETY = Org("Berkhamsted Castle Building Society", "PO Box 88", "Berkhamsted HP4 9QS", "01442 872 540",
              "Berkhamsted Castle Building Society, Lower Kings Road, Berkhamsted HP4 2AE, is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 206274).", "Mortgage Care")  # fmt: skip
HOMES = Org("Letchworth Cloisters Housing Association", "Tenancy Office, Norton Way", "Letchworth Garden City SG6 1BH", "01462 681 537",
            "Letchworth Cloisters Housing Association Ltd, a registered society (30917R) and a registered provider of social housing.", "Rent Services")  # fmt: skip
CATALOGUE = Org("Risborough Home Shopping Ltd", "Duke Street", "Princes Risborough HP27 0AT", "0345 604 3382",
                _co("Risborough Home Shopping Ltd", "05873320", "Duke Street, Princes Risborough HP27 0AT", FCA), "Shopping Account Team")  # fmt: skip
BNPL = Org("Quadpay Chiltern Ltd", "Lattimore Road", "St Albans AL1 3XR", "0203 884 5106",
           _co("Quadpay Chiltern Ltd", "14812259", "Lattimore Road, St Albans AL1 3XR", FCA), "Repayments Team")  # fmt: skip
KITCHENS = Org("Buntingford Kitchen Makers Ltd", "London Road", "Buntingford SG9 9JR", "01763 274 118",
               _co("Buntingford Kitchen Makers Ltd", "09540836", "London Road, Buntingford SG9 9JR"))  # fmt: skip
SOLICITORS = Org("Redbourn Lacey Solicitors LLP", "Debt Recovery, Holywell Hill", "St Albans AL1 1BT", "01727 869 402",
                 "Redbourn Lacey Solicitors LLP (OC431760), Holywell Hill, St Albans AL1 1BT, is authorised and regulated by the Solicitors Regulation Authority (no. 684215).", "Debt Recovery Unit")  # fmt: skip
EMPLOYERS = (
    Org("Great Missenden Garden Centre Ltd", "Payroll, London Road", "Great Missenden HP16 0DG", "01494 866 271",
        _co("Great Missenden Garden Centre Ltd", "06874129", "London Road, Great Missenden HP16 0DG"), "Payroll Office"),
    Org("Knebworth Park Events Ltd", "People Team, Park Lane", "Knebworth SG3 6PY", "01438 814 552",
        _co("Knebworth Park Events Ltd", "08416630", "Park Lane, Knebworth SG3 6PY"), "People Team"),
)  # fmt: skip
BANK = Org("Verulam Bank plc", "Statements, Chequer Street", "St Albans AL1 3YD", "0345 611 9035",
           _co("Verulam Bank plc", "02117084", "Chequer Street, St Albans AL1 3YD", " Eligible deposits are protected by the FSCS."), "Statements")  # fmt: skip
CARERS = Org("Department for Work and Pensions", "Carer's Allowance Unit", "Preston PR1 1HB", "0800 731 0297",
             "Carer's Allowance is paid by the Department for Work and Pensions.", "Carer's Allowance Unit")  # fmt: skip
PENSION = Org("Department for Work and Pensions", "Pension Service 9", "Wolverhampton WV98 1LU", "0800 991 1234",
              "Pension Credit is paid by the Department for Work and Pensions.", "The Pension Service")  # fmt: skip
RANGERS = Org("Ashridge Commons Volunteer Rangers", "Monument Drive", "Aldbury HP4 1LT", "07700 900 371",
              "The volunteer rangers are a members' group; no money is collected by this letter.", "Ranger Co-ordinator")  # fmt: skip
RINGERS = Org("Baldock and Ashwell Guild of Bell Ringers", "c/o The Vestry, Church Street", "Baldock SG7 5AE", "07700 900 648",
              "The guild is run by its members.", "Tower Secretary")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A Hitchin card (sidebar, even) or a Misbourne credit union loan (large print)."""
    kinds = ("sidebar", "large")
    when, date, owed = _when(rng), dated(rng), balance(rng)
    by = later(date, 14)
    if i % 2 == 0:
        org, ref, label = (
            CARD,
            f"{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 4)}",
            "Card account",
        )
        first = "You have not made the minimum payment on your card for two months running."
    else:
        org, ref, label = UNION, f"MVC/{digits(rng, 5)}", "Member loan account"
        first = "The repayments on your member loan have not reached us for some weeks."
    letter = Letter(
        org=org, title="Your repayments have fallen behind", date=date, when=when, owed=owed,
        truth=owes(C.CREDITOR_LETTER, org.name, ref, owed, date, deadline_date=by),
        ref_label=label, ref=ref,
        facts=[("Overdue amount to bring up to date", pounds(owed)), ("Please get in touch before", when(by))],
        paras=(first,
               f"The overdue amount is {pounds(owed)}. Please pay it, or talk to us about a plan you can afford, before {when(by)}.",
               "If we hear nothing we may register a default with the credit reference agencies. StepChange and Citizens Advice give free help."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 3)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("continuation", "landscape")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 90_000, 1_200_000)
    fee, costs = rng.choice((11_500, 20_500, 45_500)), rng.choice((8_000, 10_000, 11_000))
    total = claimed + fee + costs
    ref, claim = f"CVC{digits(rng, 7)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    facts = [("Claim total with fee and costs", pounds(total)), ("Claimant", CLAIMANT.name), ("Claimant's agreement number", ref),
             ("Treated as served on", when(served)), ("Your response must reach the court by", when(by))]  # fmt: skip
    letter = Letter(
        org=CLAIM_COURT, title="Claim issued against you: notice from the court", date=date, when=when, owed=total,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Court claim ref.", ref=claim, facts=facts, date_label="Claim issued on",
        paras=(f"{CLAIMANT.name} has issued a claim against you for money it says is owed under a caravan hire-purchase agreement, number {ref}.",
               f"It claims {pounds(claimed)}, plus the court fee of {pounds(fee)} and solicitor's costs of {pounds(costs)}, making {pounds(total)} in total.",
               f"The claim is treated as served on {when(served)}. You must respond by {when(by)}, or judgment may be entered against you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("merge", "continuation")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 40_000, 980_000)
    ref, claim = f"AFB-{digits(rng, 6)}", _claim_no(rng)
    monthly, by = rng.choice((2_500, 5_000, 15_000)), later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    how = (f"pay {pounds(owed)} to the claimant on or before {when(by)}" if extra
           else f"pay {pounds(owed)} to the claimant by monthly instalments of {pounds(monthly)}")  # fmt: skip
    facts = [
        ("Sum of the judgment", pounds(owed)),
        ("Judgment creditor", BUILDERS.name),
        ("Claimant's contract reference", ref),
    ]
    facts += (
        [("Date by which to pay in full", when(by))]
        if extra
        else [("Monthly instalment ordered", pounds(monthly))]
    )
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment in default entered against you", date=date, when=when, owed=owed,
        truth=owes(C.COUNTY_COURT_JUDGMENT, BUILDERS.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Court claim ref.", ref=claim, facts=facts, date_label="Judgment entered on",
        paras=(f"You did not file a defence to the claim brought by {BUILDERS.name} (their reference {ref}), and judgment has been entered.",
               f"The court orders you to {how}.",
               "If the whole sum is paid within a month, you can ask for the judgment to be removed from the register."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kinds = ("strip", "sidebar")
    when, date = _when(rng), dated(rng)
    order = balance(rng, 20_000, 240_000)
    owed = order + 7_500
    case, by = f"GVE{digits(rng, 8)}", later(date, 7)
    letter = Letter(
        org=ENFORCER, title="Notice of enforcement: unpaid council tax", date=date, when=when, owed=owed,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, BEACONS.name, case, owed, date, deadline_date=by),
        ref_label="Agent case ref.", ref=case,
        facts=[("Total due with fees", pounds(owed)), ("Client council", BEACONS.name), ("Full payment needed by", when(by))],
        paras=(f"{BEACONS.name} has passed us a liability order for unpaid council tax to enforce.",
               f"The order was for {pounds(order)}. With the compliance fee of {pounds(7_500)} the total due is {pounds(owed)}.",
               f"Pay in full, or agree an arrangement with us, by {when(by)}. Otherwise an agent may attend your address and more fees will be added."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("continuation", "merge")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 510_000, 2_300_000)
    ref, by = f"RHT{digits(rng, 6)}", later(date, 21)
    letter = Letter(
        org=TIMBER, title="Statutory demand: timber account unpaid", date=date, when=when, owed=owed,
        truth=owes(C.STATUTORY_DEMAND, TIMBER.name, ref, owed, date, deadline_date=by),
        ref_label="Timber trade account no.", ref=ref,
        facts=[("Sum the creditor demands", pounds(owed)), ("Settle or secure the debt by", when(by))],
        paras=("Oak framing, sawn softwood and sheet materials were supplied to you on a trade account that remains unpaid.",
               f"The creditor requires you to pay {pounds(owed)}, or to secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, a bankruptcy petition may be presented against you. An application to set this demand aside must be made within 18 days."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("large", "strip")
    org = COUNCILS[i % 2]
    when, date = _when(rng), dated(rng)
    ref, by = f"{digits(rng, 8)}{rng.choice('ABCDEFGH')}", later(date, 7)
    owed = rng.randrange(9_000, 24_000) + rng.randrange(9_000, 24_000)
    letter = Letter(
        org=org, title="Council Tax reminder: payment is late", date=date, when=when, owed=owed,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Council Tax account ref.", ref=ref,
        facts=[("Instalments in arrears", pounds(owed)), ("Clear the missed instalments by", when(by))],
        paras=("We have not received the Council Tax instalments that were due on your account.",
               f"The instalments in arrears come to {pounds(owed)}. If you pay them by {when(by)} you may carry on paying by instalments.",
               "If you do not, the whole year's charge becomes due and we may apply for a liability order, which adds costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("landscape", "merge")
    when, date = _when(rng), dated(rng)
    ref, by = f"IWP {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}", later(date, 14)
    owed = balance(rng, 4_500, 58_000)
    letter = Letter(
        org=ENERGY, title="Your bill for electricity used", date=date, when=when, owed=owed,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Electricity supply ref.", ref=ref, date_label="Date this bill was raised",
        facts=[("Amount to pay for this bill", pounds(owed)), ("Payment needed by", when(by))],
        paras=("This bill covers the electricity used since your last bill, with the standing charge for each day.",
               f"Please pay {pounds(owed)}, which includes VAT at 5%, by {when(by)}.",
               "If you are finding it hard to pay, call us: we can set up a payment plan or check whether you can get help with your bills."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("sidebar", "continuation")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 10_000, 145_000)
    ref, by = f"{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 7)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Water charges still unpaid", date=date, when=when, owed=owed,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Water account ref.", ref=ref,
        facts=[("Water and sewerage unpaid", pounds(owed)), ("Speak to us on or before", when(by))],
        paras=(f"Charges of {pounds(owed)} for water supply and sewerage remain unpaid. Please pay, or call us to agree instalments, by {when(by)}.",
               "You may qualify for our assistance tariff if your household income is low. If we do not hear from you, the account may be passed to a debt collection agency."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("strip", "large")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 9_000, 160_000)
    ref, by = f"{digits(rng, 2)}/{digits(rng, 5)}/{digits(rng, 2)}", later(date, 14)
    letter = Letter(
        org=MAGISTRATES, title="Final reminder: your fine is unpaid", date=date, when=when, owed=owed,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Fines account reference", ref=ref,
        facts=[("Outstanding balance of the fine", pounds(owed)), ("Final date to pay the fine", when(by))],
        paras=("The court imposed a fine, prosecution costs and a surcharge, and the payments ordered have not been made.",
               f"The outstanding balance is {pounds(owed)}. Pay it, or contact the Fines Team, by {when(by)}.",
               "If you do not, the court may order deductions from your wages or benefits, or send enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("merge", "sidebar")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 22_000, 760_000)
    ref, old = f"WGR{digits(rng, 8)}", f"HHC-{digits(rng, 5)}"
    letter = Letter(
        org=BUYER, title="Notice that your loan has been sold", date=date, when=when, owed=owed,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="Account ref. with us", ref=ref,
        facts=[("Balance assigned to us", pounds(owed)), ("Lender who sold us the loan", LENDER.name), ("Your old loan reference", old)],
        paras=(f"{LENDER.name} has sold and assigned your loan {old} to us. From now on the balance is payable to us.",
               f"The balance assigned is {pounds(owed)}. We will not add interest or charges to it.",
               "Please quote your account with us when you pay; any arrangement you had in place carries on as before."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("landscape", "strip")
    when, date = _when(rng), dated(rng)
    weeks, weekly = rng.randrange(4, 36), rng.randrange(1_600, 9_500)
    owed = weeks * weekly
    ref, by = f"OP{digits(rng, 8)}", later(date, 21)
    letter = Letter(
        org=BULBOURNE, title="Housing Benefit overpaid: invoice", date=date, when=when, owed=owed,
        truth=owes(C.OVERPAYMENT, BULBOURNE.name, ref, owed, date, deadline_date=by),
        ref_label="Recovery invoice no.", ref=ref, date_label="Invoice raised on",
        facts=[("Housing Benefit overpaid", pounds(owed)), ("Repay, or ask to pay in parts, by", when(by))],
        paras=(f"A change in your household was not reported in time, so you were paid too much Housing Benefit over {weeks} weeks.",
               f"The overpayment is {pounds(owed)}. Please repay it, or ask to pay it in parts, by {when(by)}.",
               "You may ask us to look at this decision again, or appeal, within one month of the invoice date."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("large", "landscape")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 45_000, 880_000), rng.randrange(40_000, 155_000)
    ref = f"{digits(rng, 2)} {digits(rng, 6)} {digits(rng, 2)}"
    letter = Letter(
        org=SOCIETY, title="We have not had your mortgage payments", date=date, when=when, owed=owed,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Mortgage account ref.", ref=ref,
        facts=[("Mortgage arrears at today", pounds(owed)), ("Monthly payment under your mortgage", pounds(monthly))],
        paras=(f"The arrears on your mortgage now stand at {pounds(owed)}, and your contractual monthly payment is {pounds(monthly)}.",
               "Please call Mortgage Care so that we can talk through your options. We will only ever seek possession as a last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("strip", "merge")
    when, date = _when(rng), dated(rng)
    owed, weekly = balance(rng, 9_000, 300_000), rng.randrange(8_000, 16_500)
    ref = f"LCH{digits(rng, 4)}-{digits(rng, 3)}"
    letter = Letter(
        org=HOMES, title="Rent owing at your home: please act", date=date, when=when, owed=owed,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Tenancy ref.", ref=ref,
        facts=[("Rent arrears to date", pounds(owed)), ("Rent each week", pounds(weekly))],
        paras=("Your rent has not been paid in full for a number of weeks.",
               f"Your rent account is {pounds(owed)} in arrears and your weekly rent charge is {pounds(weekly)}. Please contact Rent Services to agree a plan.",
               "If your circumstances or your Universal Credit have changed, please let us know; we can put you in touch with free money advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("sidebar", "landscape")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 2_800, 128_000), later(date, 10)
    if i % 2 == 0:
        org, ref, title = (
            BNPL,
            f"QC{digits(rng, 4)}{letters(rng, 3)}",
            "Payments missed on your pay-in-four plan",
        )
        first = (
            "We could not take two of your scheduled payments from the card linked to your plan."
        )
    else:
        org, ref, title = (
            CATALOGUE,
            f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 2)}",
            "Your shopping account is overdue",
        )
        first = "Your shopping account is behind, so new orders are on hold for the time being."
    letter = Letter(
        org=org, title=title, date=date, when=when, owed=owed,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Shopper number", ref=ref,
        facts=[("Sum now overdue", pounds(owed)), ("Overdue sum to reach us by", when(by))],
        paras=(first,
               f"The amount overdue is {pounds(owed)}. Please pay it by {when(by)} to avoid a late payment fee and a mark on your credit file.",
               "If you are in financial difficulty, tell us and we will pause collections for 30 days while you seek free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("continuation", "large")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 55_000, 1_300_000), later(date, 30)
    ref = f"BKM/{digits(rng, 4)}/{letters(rng, 1)}"
    letter = Letter(
        org=SOLICITORS, title="Letter before claim on behalf of our client", date=date, when=when, owed=owed,
        truth=owes(C.LETTER_OF_CLAIM, KITCHENS.name, ref, owed, date, deadline_date=by),
        ref_label="Client's order number", ref=ref, signed="Redbourn Lacey Solicitors LLP",
        facts=[("Sum owed to our client", pounds(owed)), ("Acting for", KITCHENS.name), ("Send the reply form to us by", when(by))],
        paras=(f"We act for {KITCHENS.name}, who designed, supplied and fitted a kitchen at your home and invoiced you for it.",
               f"Our client claims {pounds(owed)}. Please complete the enclosed reply form and financial statement and return them to us by {when(by)}.",
               "If you do not respond, our client may issue court proceedings without further notice and seek interest and costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def payslip(rng: random.Random, i: int) -> Doc:
    """A pay envelope of boxed cells, two rows of four and the net pay below (even), or a
    mail-merged pay statement (odd)."""
    org, date, when = EMPLOYERS[i % 2], dated(rng), _when(rng)
    frequency = ("monthly", "weekly", "four_weekly", "fortnightly")[i % 4]
    scale = {"weekly": 1, "fortnightly": 2, "four_weekly": 4, "monthly": 4.33}[frequency]
    hours = round(37.5 * scale, 2)
    rate = rng.randrange(1_215, 2_150)
    basic = round(hours * rate)
    extra = rng.randrange(0, 8_000)
    gross = basic + extra
    tax, ni, pension = gross * 13 // 100, gross * 6 // 100, gross * 4 // 100
    net = gross - tax - ni - pension
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    style = STYLES[(i + 2) % len(STYLES)]
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    if i % 2 == 1:
        letter = Letter(
            org=org, title="Statement of pay for the period", date=date, when=when, truth=truth, ref_label="Staff number", ref=digits(rng, 6), date_label="Date paid into bank",
            facts=[("Name", f"{first} {surname}"), ("Pay cycle", FREQUENCY_SHOWN[frequency][0]), ("Basic earnings", plain(basic)),
                   ("Overtime and bank holidays", plain(extra)), ("Gross this period", plain(gross)), ("Tax (PAYE)", plain(tax)),
                   ("NI (employee)", plain(ni)), ("Pension (employee)", plain(pension)), ("Net payable", plain(net))],
            paras=(f"Your net pay of {pounds(net)} goes into your bank account {FREQUENCY_SHOWN[frequency][1]}.",),
        )  # fmt: skip
        sheets = _merge(rng, style, letter)
        return Doc(truth=truth, sheets=sheets, style=style)
    page = Sheet(style)
    _head(page, org, style)
    page.add(
        (
            t(0.08, "PAY ENVELOPE", True, size=style.point + 1),
            rt(0.92, f"{first} {surname}, staff no. {digits(rng, 6)}", size=SMALL + 1),
        )
    )
    page.gap()
    size = SMALL + 1
    cells = [
        [("Date paid into bank", when(date)), ("Pay cycle", FREQUENCY_SHOWN[frequency][0]), (f"Basic ({hours:g} h)", plain(basic)), ("Overtime", plain(extra))],
        [("Gross this period", plain(gross)), ("Tax (PAYE)", plain(tax)), ("NI (employee)", plain(ni)), ("Pension (employee)", plain(pension))],
    ]  # fmt: skip
    lefts = (0.08, 0.295, 0.51, 0.725)
    for row in cells:
        top = len(page.rows)
        page.add(tuple(t(lefts[k] + 0.01, label, size=SMALL) for k, (label, _) in enumerate(row)))
        page.add(
            tuple(t(lefts[k] + 0.01, value, True, size=size) for k, (_, value) in enumerate(row))
        )
        for x in lefts:
            page.rects.append(Rect(top, top + 1, x, x + 0.195, True, None))
        page.gap()
    top = len(page.rows)
    page.add((t(0.52, "Net payable", True, size=size),))
    page.add((t(0.52, pounds(net), True, size=style.point + 2),))
    page.rects.append(Rect(top, top + 1, 0.51, 0.92, True, 235))
    page.gap()
    page.para(f"Net payable {pounds(net)} from gross for period {pounds(gross)}, paid to your bank {FREQUENCY_SHOWN[frequency][1]}. Keep this envelope for your records.", x=0.08)  # fmt: skip
    _foot(page, org)
    return Doc(truth=truth, sheets=[page], style=style)


STATEMENT_X = (0.07, 0.18, 0.74, 0.93)
"""Date, Description (left edges); Amount, Balance (right edges)."""


def _signed(pence: int) -> str:
    return f"+{plain(pence)}" if pence >= 0 else f"-{plain(-pence)}"


def _od(pence: int) -> str:
    return plain(pence) if pence >= 0 else f"{plain(-pence)} OD"


def bank_statement(rng: random.Random, i: int) -> Doc:
    """Date, Description, Amount (+ in, - out), Balance (OD when overdrawn)."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    start = later(date, -31)
    opening = rng.randrange(-30_000, 95_000)
    items = [("SALARY GT MISSENDEN GARDEN", rng.randrange(95_000, 210_000)), ("DD ICKNIELD WAY POWER", -rng.randrange(5_000, 15_500)),
             ("POS WAITROSE BERKHAMSTED", -rng.randrange(800, 7_200)), ("SO LETCHWORTH CLOISTERS", -rng.randrange(40_000, 79_000)),
             ("ATM HITCHIN MARKET PL", -4_000), ("DD VALE OF AYLESBURY DC", -rng.randrange(9_500, 18_500)),
             ("TFR FROM S WETHERALL", rng.randrange(1_200, 6_500)), ("POS ARRIVA HEMEL", -rng.randrange(300, 1_700)),
             ("DD QUADPAY CHILTERN", -rng.randrange(1_600, 7_400)), ("DD CHALK STREAMS WATER", -rng.randrange(2_100, 6_900))]  # fmt: skip
    size = SMALL + 0.5
    xs = STATEMENT_X
    page = Sheet(style)
    _head(page, BANK, style)
    _address(page, rng)
    sort, account = f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}", digits(rng, 8)
    page.add(
        (t(0.07, "Statement of your current account", True), rt(0.93, f"Produced {when(date)}"))
    )
    page.add((t(0.07, f"Covering {start:%d/%m} to {later(date, -1):%d/%m}", size=size), rt(0.93, f"Sort code {sort}  Account no. {account}", size=size))).gap()  # fmt: skip
    closing = opening + sum(v for _, v in items)
    if i % 2:
        top = len(page.rows)
        page.add((t(0.08, "Brought forward", size=SMALL), t(0.52, "Carried forward", size=SMALL)))
        page.add(
            (t(0.08, _od(opening), True, size=size + 1), t(0.52, _od(closing), True, size=size + 1))
        )
        page.rects.append(Rect(top, top + 1, 0.07, 0.47, True, None))
        page.rects.append(Rect(top, top + 1, 0.51, 0.93, True, None))
        page.gap()
    page.add((t(xs[0], "Date", True, size=size), t(xs[1], "Description", True, size=size), rt(xs[2], "Amount", True, size=size), rt(xs[3], "Balance", True, size=size))).rule(0.07, 0.93)  # fmt: skip
    page.add((t(xs[0], f"{start:%d/%m}", size=size), t(xs[1], "BALANCE BROUGHT FORWARD", size=size), rt(xs[3], _od(opening), size=size)))  # fmt: skip
    running = opening
    for n, (what, amount) in enumerate(items):
        running += amount
        day = later(start, 2 + n * 3)
        page.add((t(xs[0], f"{day:%d/%m}", size=size), t(xs[1], what, size=size), rt(xs[2], _signed(amount), size=size), rt(xs[3], _od(running), size=size)))  # fmt: skip
    page.rule(0.07, 0.93)
    page.add((t(xs[0], f"{later(date, -1):%d/%m}", size=size), t(xs[1], "BALANCE CARRIED FORWARD", True, size=size), rt(xs[3], _od(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("OD after a balance means the account was overdrawn at that point. Amounts marked + were paid in and amounts marked - were paid out.", x=0.07, right=0.93, size=size)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def benefit(rng: random.Random, i: int) -> Doc:
    """Carer's Allowance (even: strip) or Pension Credit (odd: large print)."""
    kinds = ("strip", "large")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        org, title, what = CARERS, "Carer's Allowance: you are entitled", "Carer's Allowance"
        paid = 8_325 * {"weekly": 1, "four_weekly": 4}[frequency]
    else:
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        org, title, what = PENSION, "Pension Credit: your award", "Pension Credit"
        paid = rng.choice((3_845, 6_120, 9_410)) * {"weekly": 1, "four_weekly": 4}[frequency]
    ref = (
        f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}"
    )
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="Your National Insurance number", ref=ref,
        facts=[("Each payment to you", pounds(paid)), ("How you are paid", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"You are entitled to {what} from {when(later(date, -24))}.",
               f"We will pay {pounds(paid)} into your bank account {FREQUENCY_SHOWN[frequency][1]}.",
               "Tell us straight away if anything changes, for example your income, your savings, where you live or who lives with you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: a ranger work-party rota (sidebar), a bell ringers' practice (merge)."""
    kinds = ("sidebar", "merge")
    when, date = _when(rng), dated(rng)
    on = later(date, 5 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=RANGERS, title="Your next work party on the commons", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Volunteer badge", ref=f"R{rng.randrange(100, 999)}",
            facts=[("Work party date", when(on)), ("Where we meet", "the Bridgewater Monument, 9.45 am")],
            paras=(f"We are clearing scrub from the chalk grassland on {when(on)} and would be glad of your help.",
                   "Tools, gloves and tea are provided; please wear stout boots and bring a packed lunch."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=RINGERS, title="Striking competition practice", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Ringer's number", ref=str(rng.randrange(10, 99)),
            facts=[("Practice evening", when(on)), ("Tower", "St Mary's, Baldock, 7.30 pm")],
            paras=(f"The guild's striking competition team will practise on {when(on)}.",
                   "Beginners are welcome to listen in the ringing chamber; please use the tower door on the north side."),
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
class ACSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_ac(per_class: int = 4, *, seed: int = 2671) -> list[ACSample]:
    """``per_class`` documents of every class, held out, family ``<class>:AC``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, ACSample)


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, ac_text, ac_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class ACScan:
    dpi: int
    skew: float
    """Degrees."""
    copied: bool = False
    """A photocopy of a photocopy: strokes thickened, greys pushed to black or white, the
    lid's dark band, toner specks; grey."""
    flash: bool = False
    """A phone photo with the flash on, of a page on pale green recycled paper: a washed-out
    hotspot, darker corners, fibre flecks; colour."""
    dusty: bool = False
    """A flatbed with dirty glass: thin dark lines down the page, grey smudges; grey."""


SCANS = (
    ACScan(dpi=200, skew=0.7, copied=True),
    ACScan(dpi=200, skew=-1.0, flash=True),
    ACScan(dpi=300, skew=0.3, dusty=True),
)

INK = (22, 22, 22)
PAPER = (252, 252, 250)
RECYCLED = (229, 238, 219)
"""Pale green recycled paper."""
COPY_THRESHOLD = 150
"""The grey above which the second copy drops to white (below: black)."""
HOTSPOT = 0.5
"""How far the flash's hotspot washes the page towards white at its centre."""
LINE_INK = 70
"""How dark a line of dust on the scan glass prints (0 black, 255 white)."""


def _draw(
    sample: ACSample, n: int, scan: ACScan, paper: tuple[int, int, int] = PAPER
) -> Image.Image:
    width, height = page_size(sample, scan.dpi)
    image = Image.new("RGB", (width, height), paper)
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, scan.dpi)
    body = round(sample.style.point / 72 * scan.dpi)
    line = max(1, scan.dpi // 150)
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
        step = scan.dpi // 20 if rule.dashed else x1 - x0
        for x in range(x0, x1, max(1, step)):
            end = min(x1, x + step // 2) if rule.dashed else x1
            pen.line((x, y, end, y), fill=INK, width=line)
    for p in PRINT.layout(sample, n, scan.dpi):
        pen.text((p.left, p.top), p.cell.text, fill=INK, font=p.font)
    return image


def _copied(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Copied twice: softened, then pushed to black or white (strokes come out heavier),
    a dark band down the right edge where the lid was up, toner specks; turned a little."""
    grey = image.convert("L").filter(ImageFilter.GaussianBlur(0.9))
    arr = np.where(np.asarray(grey) < COPY_THRESHOLD, 18, 246).astype(np.uint8)
    height, width = arr.shape
    band = max(4, width // 40)
    arr[:, width - band :] = np.minimum(arr[:, width - band :], 40)
    for _ in range(width * height // 6000):
        y, x = rng.randrange(height - 2), rng.randrange(width - band - 2)
        arr[y : y + 2, x : x + 2] = 30
    out = Image.fromarray(arr)
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=40)


def _flash(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """The flash's hotspot right of centre washing the page out, the corners darker, the
    paper's fibre flecks; turned a little."""
    arr = np.asarray(image, dtype=np.float32)
    height, width = arr.shape[:2]
    for _ in range(width * height // 9000):
        y, x = rng.randrange(height - 3), rng.randrange(width - 6)
        if arr[y, x].mean() > 200:
            arr[y, x : x + rng.randrange(2, 6)] = (150, 140, 118)
    ys = np.arange(height, dtype=np.float32)[:, None] / height
    xs = np.arange(width, dtype=np.float32)[None, :] / width
    cx, cy = 0.55 + rng.random() * 0.1, 0.35 + rng.random() * 0.1
    spot = np.exp(-(((xs - cx) / 0.22) ** 2 + ((ys - cy) / 0.16) ** 2))
    arr = arr + (255 - arr) * (HOTSPOT * spot)[..., None]
    fall = 1 - 0.22 * (((xs - 0.5) * 2) ** 2 + ((ys - 0.5) * 2) ** 2) / 2
    arr = arr * fall[..., None]
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(60, 58, 52))


def _dusty(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Two or three thin dark lines the whole height of the page (dust on the scan line)
    and a few grey smudges; greyscale."""
    arr = np.asarray(image.convert("L"), dtype=np.float32)
    height, width = arr.shape
    for _ in range(rng.randrange(2, 4)):
        x = rng.randrange(width // 10, width * 9 // 10)
        thick = rng.choice((1, 2))
        arr[:, x : x + thick] = np.minimum(arr[:, x : x + thick], LINE_INK)
    ys = np.arange(height, dtype=np.float32)[:, None]
    xs = np.arange(width, dtype=np.float32)[None, :]
    for _ in range(3):
        cx, cy, r = (
            rng.randrange(width),
            rng.randrange(height),
            rng.randrange(width // 30, width // 12),
        )
        # (only within 8 radii: beyond, the blob is under exp(-32) and its factor exactly
        # 1.0 in float32, and x * 1.0 is x)
        y0, y1 = max(0, cy - 8 * r), min(height, cy + 8 * r + 1)
        x0, x1 = max(0, cx - 8 * r), min(width, cx + 8 * r + 1)
        blob = np.exp(-(((xs[:, x0:x1] - cx) ** 2 + (ys[y0:y1] - cy) ** 2) / (2 * r * r)))
        arr[y0:y1, x0:x1] = (arr[y0:y1, x0:x1] * (1 - 0.18 * blob)).astype(np.float32)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


def render(sample: ACSample, n: int, scan: ACScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    if scan.flash:
        return _flash(_draw(sample, n, scan, RECYCLED), rng, scan.skew)
    image = _draw(sample, n, scan)
    if scan.copied:
        return _copied(image, rng, scan.skew)
    return _dusty(image, rng, scan.skew)


def ac_scanned(sample: ACSample, index: int) -> tuple[bytes, str, ACScan]:
    """Copied, photographed or scanned one of three ways: the copy of a copy as greyscale
    LZW TIFF, the flash photo as colour JPEG (quality 80), the dusty flatbed's page as
    greyscale PNG (with its resolution at even indexes); two pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 71 + n) for n in range(len(sample.pages))]
    if len(images) > 1:
        return encode_pages([im.convert("RGB") for im in images], "pdf", scan.dpi), "pdf", scan
    out = io.BytesIO()
    if scan.copied:
        images[0].save(out, format="TIFF", compression="tiff_lzw", dpi=(scan.dpi, scan.dpi))
        return out.getvalue(), "tiff", scan
    if scan.flash:
        images[0].save(out, format="JPEG", quality=80, dpi=(scan.dpi, scan.dpi))
        return out.getvalue(), "jpeg", scan
    return encode_pages(images, "png", scan.dpi if index % 2 == 0 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "ACSample",
    "ACScan",
    "ac_pages",
    "ac_scanned",
    "ac_text",
    "build_ac",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
