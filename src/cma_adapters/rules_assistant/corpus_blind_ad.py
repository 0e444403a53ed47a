# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AD``, written blind: a twenty-fourth measure of how the reader
generalises, in a twenty-fourth hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I``,
``J``, ``AA``, ``AB`` and ``AC``).

``AD`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``,
``values_found``, ``FIELDS``), the shared page engine (``corpus_print``), family AC's
module and tests and its benchmark registration (the commits that added AC, as the task
allowed), the shared test helpers (``tests/unit/documents/blind_families.py``,
``tests/integration/ocr/blind_read.py``), the reporting code of
``benchmarks/intake_accuracy.py`` and ``benchmarks/openai_accuracy.py`` and, by grep only,
the module docstrings, face tables, date formats and place names of families A-Z, G, E, F,
I, J, AA and AB (to avoid their regions, settings, date shapes, faces and scan effects) --
**not** the reader's rules (``assistant.py``, ``fields.py``, ``values.py``,
``labelled.py``, ``structures.py``, ``prose.py``, ``fields_kinds.py``, ``label_parts.py``,
``layout.py``, ``classifier.py``, ``statements.py``, ``label_learning.py``,
``read_families.py``, ``ranker.py``, ``ranker_training.py``, the Tesseract extractor, the
locator, the creditor directory), its reading tests, nor any account of its misses. It is
never used to write rules, to train or calibrate the classifier or the field ranker
(``build_corpus`` never yields it), nor to choose models: it is measured, and only the
aggregate figures go into benchmarks/OCR.md. Whoever reads its individual misses to change
the reader makes ``AD`` no longer blind and must say so there.

**AD is no longer blind since round 31** (branch ``reader31``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AD
from then on is a training-side figure (benchmarks/OCR.md, "Round 31").

What differs from A-Z, G, E, F, I, J, AA, AB and AC:

* who writes: bodies and firms of Dartmoor, the north Devon coast, Exmoor's western edge and
  north-east Cornwall (the Okement, the Tavy and the Lyd, Brent Tor, the Lyn and the
  Heddon, Hartland, the Inny and the Carey, the Camel estuary, Bude and Looe), a region no
  family wrote from (N and P name a few of its towns; none of AD's places): a Brent Tor
  card company and a Camel estuary credit union, a Holsworthy motorhome lender suing in the
  County Court at Torquay, a cob builder's judgment from the same court, West Dartmoor
  council and its Okement valley enforcement agents, a Trebarwith slate merchant's
  statutory demand, Inny Valley and Exmoor Fringe councils, an energy supplier under Rough
  Tor, a water company of the Lyn and the Heddon, Launceston magistrates, a Creedy valley
  doorstep lender and the Bude debt buyer it sold to, Great Torrington council's Housing
  Benefit overpayments, a Tavistock building society, a Looe valley housing association, a
  Padstow home-shopping catalogue and a Kernow pay-in-three firm, Okehampton solicitors
  for a Chulmleigh staircase maker, a Polson Bridge groundworks contractor (a CIS
  statement), the Lynton cliff railway and an Ilfracombe ice-cream maker as employers,
  Okement Bank, Housing Benefit and a child's Disability Living Allowance, Dartmoor
  letterboxers and Tavistock pannier-market traders;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **centred**: a formal notice set on the page's axis: the letterhead, the title and
    each fact centred, the label small above its value ("Particulars of this notice");
  - **run-in**: the facts as short paragraphs, each opened by its label as a bold run-in
    head ending in a full stop, the value after it on the same line;
  - **pack**: three pages: a covering letter with only its date and reference, "Your
    account statement" on page 2 (the facts in a ruled two-column table, the rest of the
    letter under it), "Where to get help" on page 3, "Page n of 3" on each;
  - **stub**: a counterfoil across the *top* of the page (the facts one a line, label left
    and value right), a dashed "Detach here" line under it, the letter below;
  - **office**: a form whose facts sit in ruled rows on the left while a shaded "For office
    use only" strip runs down the right with the writer's own codes (batch, stage, user);
  - **bullets**: the letter with its facts as a bulleted list ("• Label: value") between
    the paragraphs;
  payslips as a Construction Industry Scheme payment and deduction statement (gross, less
  materials, liable to deduction, deducted at 20%, payable) or with the totals in a strip
  of three boxes above an element table; bank statements newest first (the running
  balance read upwards) or with the balance printed once a day; a Housing Benefit award
  (the council pays) and a child's Disability Living Allowance;
* faces no family paired: P052 Roman under Liberation Sans Narrow Bold headings, Open Sans
  Semibold (no family's body face) under C059 Bold headings, URW Gothic Book under Nimbus
  Sans Narrow Bold headings, 9 to 10 pt; each italic the body's own;
* dates as "04/12/2026 00:00:00" (a mail-merge's date field with its midnight left on),
  "04 DEC 26" (a mainframe's day, month in capitals and two-digit year) and "4th December,
  2026" (an ordinal with a comma before the year), one shape a document; amounts as
  "£1,234.56" and, in tables, "1,234.56";
* scans new to the families: a page that would not lie flat on the glass, curling up near
  its left edge (the lines there bend and darken; 300 dpi greyscale JPEG); a phone
  scanning app's "black and white document" auto-contrast (local thresholding, the
  paper's shading flattened to white, the app's line at the foot; one-page 200 dpi PDF);
  a sheet-fed colour scanner whose red, green and blue lines are out of register (coloured
  fringes above and below every stroke; 240 dpi colour PNG). Two- and three-page letters
  as PDF. An OCR-only count (Tesseract's text against the true values, no reader; two
  documents a class, 50 pages, taken before any reading) kept 162 of 172 values verbatim:
  curl 55/57, app 55/58, fringe 52/57. The fringe was first drawn 2-3 pixels out of
  register (47/57, points read as commas); still legible to a person, but at the strong
  end of what a real scanner does, so it was made milder (1-2 pixels) before the count
  above. The other two effects were not changed.

Ground truth follows L's to AC's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference, on a claim form and a judgment the claimant's reference); ``balance_pence``
what is owed now; ``letter_date`` the document's own date; ``deadline_date`` and
``served_date`` only where printed. Payslips give the payer (the contractor on a CIS
statement), net and gross pay, pay date and frequency; benefit letters the payer, the
amount paid each time, the date and the frequency; a bank statement its date.
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
    ct,
    rt,
    t,
)
from cma_core.documents.model import DocumentClass

FAMILY = "AD"

PEOPLE = (
    ("Mrs", "Morwenna", "Pengelly-Adeyemi"),
    ("Mr", "Caspian", "Trethewey-Novak"),
    ("Miss", "Ifeoma", "Chudleigh-Varga"),
    ("Mr", "Jory", "Bassett-Olawale"),
)
ADDRESSES = (
    ("14 Kilworthy Hill", "Tavistock", "PL19 0DP"),
    ("Flat 2, 8 Fore Street", "Holsworthy", "EX22 6EB"),
    ("31 Bodmin Moor View", "Launceston", "PL15 9HT"),
    ("6 Lee Road", "Lynton", "EX35 6HW"),
)

# -- date and money shapes -------------------------------------------------------------------


def merged_datetime(date: dt.date) -> str:
    """04/12/2026 00:00:00"""
    return f"{date:%d/%m/%Y} 00:00:00"


def mainframe(date: dt.date) -> str:
    """04 DEC 26"""
    return f"{date:%d} {date:%b}".upper() + f" {date:%y}"


def _suffix(day: int) -> str:
    return "th" if 10 < day % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def ordinal_comma(date: dt.date) -> str:
    """4th December, 2026"""
    return f"{date.day}{_suffix(date.day)} {date:%B}, {date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (merged_datetime, mainframe, ordinal_comma)


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Weekly", "every week"),
    "fortnightly": ("Fortnightly", "every two weeks"),
    "four_weekly": ("Every 4 weeks", "every four weeks"),
    "monthly": ("Monthly", "every month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AD prints a true value (to check it is on the page, or in an OCR text)."""
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
_URW = "/usr/share/fonts/opentype/urw-base35/"
_OS = "/usr/share/fonts/truetype/open-sans/"
_LIB = "/usr/share/fonts/truetype/liberation/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "p052": {
        (False, False): _URW + "P052-Roman.otf",
        (True, False): _LIB + "LiberationSansNarrow-Bold.ttf",
        (False, True): _URW + "P052-Italic.otf",
        (True, True): _LIB + "LiberationSansNarrow-BoldItalic.ttf",
    },
    "semibold": {
        (False, False): _OS + "OpenSans-Semibold.ttf",
        (True, False): _URW + "C059-Bold.otf",
        (False, True): _OS + "OpenSans-SemiboldItalic.ttf",
        (True, True): _URW + "C059-BdIta.otf",
    },
    "gothic": {
        (False, False): _URW + "URWGothic-Book.otf",
        (True, False): _URW + "NimbusSansNarrow-Bold.otf",
        (False, True): _URW + "URWGothic-BookOblique.otf",
        (True, True): _URW + "NimbusSansNarrow-BoldOblique.otf",
    },
}
"""Each body face under headings of another family: P052 Roman under Liberation Sans
Narrow Bold, Open Sans Semibold under C059 Bold, URW Gothic Book under Nimbus Sans Narrow
Bold; each italic the body's own (``fonts-urw-base35``, ``fonts-open-sans``,
``fonts-liberation``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "p052"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("p052", 10.0), Style("semibold", 9.0), Style("gothic", 9.5))


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []

    def rule(self, x0: float = 0.08, x1: float = 0.92, *, dashed: bool = False) -> Sheet:
        """A rule over the last row added (the engine draws it at that row's top)."""
        self.rules.append(Rule(len(self.rows), x0, x1, dashed))
        return self


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def balance(rng: random.Random, low: int = 7_200, high: int = 710_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    return dt.date(2025, 3, 9) + dt.timedelta(days=rng.randrange(640))


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The line at the foot of every page ("" for a public body)."""
    team: str = "Customer Services"


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the labelled facts
    (already shaped); ``paras`` the prose, stating every fact in a sentence."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[tuple[str, str]]
    paras: Sequence[str]
    signed: str = field(default="")
    date_label: str = field(default="Date of issue")


def person(rng: random.Random) -> tuple[tuple[str, str, str], list[str]]:
    """((title, first name, surname), address lines)."""
    title, first, surname = rng.choice(PEOPLE)
    return (title, first, surname), [f"{title} {first} {surname}", *rng.choice(ADDRESSES)]


def _foot(page: Sheet, org: Org, extra: str = "") -> None:
    page.foot = len(page.rows)
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    rows = page.wrapped(text, 0.08, 0.8 if extra else 0.88, size=SMALL - 1)
    if extra:
        rows[-1] = (*rows[-1], rt(0.92, extra, size=SMALL - 0.5))
    page.add(*rows)


def _address(page: Sheet, rng: random.Random, x: float = 0.08) -> str:
    (title, _, surname), lines = person(rng)
    page.add(*((t(x, line),) for line in lines)).gap()
    return f"{title} {surname}"


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _head(page: Sheet, org: Org, style: Style) -> None:
    """The name in the heading face on the left, the street and town right-aligned
    against it on two small lines, the telephone under them."""
    page.add((t(0.08, org.name, True, size=style.point + 3), rt(0.92, org.street, size=SMALL)))
    page.add((rt(0.92, org.town, size=SMALL),))
    page.add((rt(0.92, f"Telephone {org.phone}", size=SMALL),)).gap()


def _dateline(page: Sheet, letter: Letter) -> None:
    page.add((t(0.08, f"{letter.ref_label}: {letter.ref}"), rt(0.92, letter.when(letter.date))))
    page.gap()


def _close(page: Sheet, letter: Letter) -> None:
    page.add((t(0.08, "Yours sincerely,"),)).gap()
    page.add((t(0.08, letter.signed or letter.org.team, True),))


def _all_facts(letter: Letter) -> list[tuple[str, str]]:
    return [
        (letter.date_label, letter.when(letter.date)),
        (letter.ref_label, letter.ref),
        *letter.facts,
    ]


# -- the six settings ---------------------------------------------------------------------------


def _centred(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A formal notice on the page's axis: letterhead, title and facts centred, each label
    small above its value."""
    org = letter.org
    page = Sheet(style)
    page.add((ct(0.5, org.name, True, size=style.point + 3),))
    page.add((ct(0.5, f"{org.street}, {org.town}  -  {org.phone}", size=SMALL),)).rule(0.2, 0.8)
    page.gap()
    salutation = _address(page, rng)
    page.add((ct(0.5, letter.title.upper(), True, size=style.point + 1),)).gap()
    page.add((ct(0.5, "Particulars of this notice", size=SMALL + 0.5),))
    for label, value in _all_facts(letter):
        page.add((ct(0.5, label, size=SMALL),))
        page.add((ct(0.5, value, True, size=style.point + 0.5),))
    page.rule(0.3, 0.7).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


def _runin(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Each fact a short paragraph opened by its label as a bold run-in head."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    page.para(letter.paras[0]).gap()
    for label, value in _all_facts(letter):
        head = f"{label}."
        x = 0.08 + FONTS.length(style, head + "  ", style.point, bold=True) * 1.04
        page.add((t(0.08, head, True), t(x, value)))
    page.gap()
    _prose(page, letter.paras[1:])
    _close(page, letter)
    _foot(page, org)
    return [page]


HELP = (
    "If you are worried about money, free and confidential advice is available from StepChange Debt Charity, National Debtline and Citizens Advice. None of them will charge you.",
    "A debt adviser can ask for Breathing Space for you: for 60 days most creditors cannot add interest or charges or take action to recover the debt.",
    "If you have a disability or a health condition that makes dealing with us harder, please tell us. We can send letters in large print, Braille or audio, and you may nominate someone to speak for you.",
)


def _pack(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Three pages: a covering letter, the account statement (the facts) on page 2, where
    to get help on page 3."""
    org = letter.org
    first = Sheet(style)
    _head(first, org, style)
    salutation = _address(first, rng)
    _dateline(first, letter)
    first.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    first.add((t(0.08, f"Dear {salutation},"),)).gap()
    first.para(letter.paras[0]).gap()
    first.para("Your account statement is on page 2 of this pack, and where to get free help is on page 3.").gap()  # fmt: skip
    _close(first, letter)
    _foot(first, org, "Page 1 of 3")
    second = Sheet(style)
    second.add((t(0.08, org.name, size=SMALL), rt(0.92, f"{letter.ref_label}: {letter.ref}", size=SMALL)))  # fmt: skip
    second.rule().gap()
    second.add((t(0.08, "YOUR ACCOUNT STATEMENT", True, size=style.point + 1),)).gap()
    for label, value in _all_facts(letter):
        row = len(second.rows)
        second.add((t(0.1, label), rt(0.88, value, True)))
        second.rects.append(Rect(row, row, 0.08, 0.9, True, None))
    second.gap()
    _prose(second, letter.paras[1:])
    _foot(second, org, "Page 2 of 3")
    third = Sheet(style)
    third.add((t(0.08, "WHERE TO GET HELP", True, size=style.point + 1),)).gap()
    _prose(third, HELP)
    _foot(third, org, "Page 3 of 3")
    return [first, second, third]


def _stub(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A counterfoil across the top (the facts), a dashed line, the letter below."""
    org = letter.org
    page = Sheet(style)
    size = SMALL + 1
    page.add((t(0.08, "COUNTERFOIL - keep this part for your records", True, size=size), rt(0.92, org.name, size=SMALL)))  # fmt: skip
    top = len(page.rows)
    for label, value in _all_facts(letter):
        page.add((t(0.1, label, size=size), t(0.5, value, True, size=size)))
    page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92, True, None))
    page.gap()
    page.add((ct(0.5, "Detach here", size=SMALL - 1),)).rule(dashed=True)
    page.gap()
    _head(page, org, style)
    salutation = _address(page, rng)
    page.add((rt(0.92, letter.when(letter.date)),))
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


def _office(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A form: the facts in ruled rows on the left, a shaded office strip on the right."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    size = SMALL + 1
    office = [
        ("FOR OFFICE USE ONLY", ""),
        ("Batch", f"B{digits(rng, 5)}"),
        ("Stage", f"{rng.randrange(1, 5)}"),
        ("User", f"{letters(rng, 2)}{digits(rng, 2)}"),
        ("Doc code", f"{letters(rng, 3)}{digits(rng, 1)}"),
    ]
    facts = _all_facts(letter)
    first = len(page.rows)
    for n in range(max(len(facts), len(office))):
        cells: list[object] = []
        if n < len(facts):
            label, value = facts[n]
            cells += [t(0.09, label, size=size), t(0.38, value, True, size=size)]
            page.rects.append(Rect(first + n, first + n, 0.08, 0.7, True, None))
        if n < len(office):
            name, code = office[n]
            cells += [t(0.75, name, n == 0, size=SMALL - 1)]
            cells += [rt(0.93, code, size=SMALL - 0.5)] if code else []
        page.add(tuple(cells))  # type: ignore[arg-type]
    page.rects.append(Rect(first, first + len(office) - 1, 0.735, 0.94, False, 226))
    page.gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


def _bullets(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The letter with its facts as a bulleted list between the paragraphs."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng)
    page.add((rt(0.92, letter.when(letter.date)),)).gap()
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    page.para(letter.paras[0]).gap()
    page.add((t(0.08, "The details are:"),))
    for label, value in [(letter.ref_label, letter.ref), *letter.facts]:
        page.add((t(0.1, "\u2022"), t(0.13, f"{label}: {value}")))
    page.gap()
    _prose(page, letter.paras[1:])
    _close(page, letter)
    _foot(page, org)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "centred": _centred,
    "runin": _runin,
    "pack": _pack,
    "stub": _stub,
    "office": _office,
    "bullets": _bullets,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.ref)) % len(STYLES)]
    sheets = KINDS[kinds[i % 2]](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    """One shape a document."""
    return rng.choice(DATE_SHAPES)


# -- organisations (none named by A-Z, G, E, F, I, J, AA, AB or AC) ----------------------------


def _co(name: str, number: str, office: str, extra: str = "") -> str:
    return f"{name}. Registered in England and Wales, company number {number}. Registered office: {office}.{extra}"


FCA = " Authorised and regulated by the Financial Conduct Authority."
CARD = Org("Brent Tor Card Services Ltd", "PO Box 5102", "Tavistock PL19 9ZQ", "01822 604 118",
           _co("Brent Tor Card Services Ltd", "13965021", "Plymouth Road, Tavistock PL19 8BU", FCA), "Card Support")  # fmt: skip
UNION = Org("Camel Estuary Credit Union Ltd", "Molesworth Street", "Wadebridge PL27 7DP", "01208 814 276",
            "Camel Estuary Credit Union Ltd is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 213558).", "Member Lending")  # fmt: skip
CLAIMANT = Org("Holsworthy Motorhome Finance Ltd", "Bodmin Street", "Holsworthy EX22 6BB", "01409 253 771",
               _co("Holsworthy Motorhome Finance Ltd", "11290347", "Bodmin Street, Holsworthy EX22 6BB", FCA))  # fmt: skip
COURT = Org("County Court at Torquay", "Nicholson Road", "Torquay TQ2 7AZ", "0300 123 5577",
            "HM Courts and Tribunals Service. Quote the claim number whenever you write to the court.", "Court Office")  # fmt: skip
BUILDERS = Org("Hartland Cob and Lime Builders Ltd", "Fore Street", "Hartland EX39 6BD", "01237 441 806",
               _co("Hartland Cob and Lime Builders Ltd", "08844310", "Fore Street, Hartland EX39 6BD"))  # fmt: skip
DARTMOOR = Org("West Dartmoor District Council", "Council Tax, Kilworthy Park", "Tavistock PL19 0BZ", "01822 813 640",
               team="Council Tax Recovery Team")  # fmt: skip
ENFORCER = Org("Okement Valley Enforcement Ltd", "PO Box 7731", "Okehampton EX20 9XP", "01837 658 204",
               _co("Okement Valley Enforcement Ltd", "12733198", "Fore Street, Okehampton EX20 1AP", " Our agents are certificated by the County Court."), "Enforcement Office")  # fmt: skip
SLATE = Org("Trebarwith Slate Merchants Ltd", "Quarry Lane", "Delabole PL33 9AD", "01840 212 559",
            _co("Trebarwith Slate Merchants Ltd", "05126687", "Quarry Lane, Delabole PL33 9AD"), "Accounts Department")  # fmt: skip
COUNCILS = (
    Org("Inny Valley District Council", "Council Tax, Windmill Offices", "Launceston PL15 9DQ", "01566 771 380", team="Revenues Team"),
    Org("Exmoor Fringe District Council", "Council Tax, Broad Street Offices", "South Molton EX36 3AB", "01769 574 902", team="Revenues Team"),
)  # fmt: skip
ENERGY = Org("Roughtor Energy Supply Ltd", "PO Box 3308", "Camelford PL32 9ZW", "0800 917 4406",
             _co("Roughtor Energy Supply Ltd", "13847716", "Victoria Road, Camelford PL32 9XE"), "Energy Accounts")  # fmt: skip
WATER = Org("Lyn and Heddon Water plc", "Watersmeet Road", "Lynmouth EX35 6NT", "0800 033 9187",
            _co("Lyn and Heddon Water plc", "03115942", "Watersmeet Road, Lynmouth EX35 6NT"), "Customer Accounts")  # fmt: skip
MAGISTRATES = Org("Launceston Magistrates' Court", "Fines Office, Race Hill", "Launceston PL15 9BB", "0300 790 6223",
                  "HM Courts and Tribunals Service - Devon and Cornwall fines.", "Fines Office")  # fmt: skip
LENDER = Org("Creedy Valley Loans Ltd", "High Street", "Crediton EX17 3AH", "01363 775 018",
             _co("Creedy Valley Loans Ltd", "07480129", "High Street, Crediton EX17 3AH", FCA))  # fmt: skip
BUYER = Org("Bude Haven Debt Purchase Ltd", "PO Box 4460", "Bude EX23 9WL", "01288 350 662",
            _co("Bude Haven Debt Purchase Ltd", "14533802", "The Strand, Bude EX23 8QU", FCA), "Purchased Debt Team")  # fmt: skip
TORRINGTON = Org("Great Torrington Borough Council", "Benefits, Castle Hill", "Great Torrington EX38 8AA", "01805 623 517",
                 team="Benefit Overpayments")  # fmt: skip
SOCIETY = Org("Tavistock Abbey Building Society", "Bedford Square", "Tavistock PL19 0AE", "01822 617 302",
              "Tavistock Abbey Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 205519).", "Mortgage Support")  # fmt: skip
HOMES = Org("Looe Valley Homes", "Tenancy Services, Station Road", "Liskeard PL14 4DX", "01579 343 861",
            "Looe Valley Homes Ltd, a charitable registered society (31442R) and a registered provider of social housing.", "Income Team")  # fmt: skip
CATALOGUE = Org("Padstow Harbour Home Shopping Ltd", "North Quay", "Padstow PL28 8AF", "0345 207 6614",
                _co("Padstow Harbour Home Shopping Ltd", "06230558", "North Quay, Padstow PL28 8AF", FCA), "Customer Accounts Team")  # fmt: skip
BNPL = Org("Kernow Pay in Three Ltd", "Pydar Street", "Truro TR1 2AZ", "0203 771 5890",
           _co("Kernow Pay in Three Ltd", "14920366", "Pydar Street, Truro TR1 2AZ", FCA), "Collections")  # fmt: skip
STAIRS = Org("Chulmleigh Oak Staircases Ltd", "Fore Street", "Chulmleigh EX18 7BR", "01769 580 227",
             _co("Chulmleigh Oak Staircases Ltd", "09362251", "Fore Street, Chulmleigh EX18 7BR"))  # fmt: skip
SOLICITORS = Org("Lethbridge Pollard Solicitors LLP", "Recoveries, Market Street", "Okehampton EX20 1HN", "01837 52 964",
                 "Lethbridge Pollard Solicitors LLP (OC402218), Market Street, Okehampton EX20 1HN, is authorised and regulated by the Solicitors Regulation Authority (no. 640117).", "Recoveries Department")  # fmt: skip
CONTRACTOR = Org("Polson Bridge Groundworks Ltd", "Accounts, Polson Bridge", "Launceston PL15 9QR", "01566 779 402",
                 _co("Polson Bridge Groundworks Ltd", "10028845", "Polson Bridge, Launceston PL15 9QR"), "Accounts")  # fmt: skip
EMPLOYERS = (
    Org("Lynton and Lynmouth Cliff Railway Co. Ltd", "Payroll, Lee Road", "Lynton EX35 6HW", "01598 753 288",
        _co("Lynton and Lynmouth Cliff Railway Co. Ltd", "00051846", "Lee Road, Lynton EX35 6HW"), "Payroll"),
    Org("Ilfracombe Harbour Ices Ltd", "Payroll, The Quay", "Ilfracombe EX34 9EQ", "01271 866 150",
        _co("Ilfracombe Harbour Ices Ltd", "07755412", "The Quay, Ilfracombe EX34 9EQ"), "Payroll"),
)  # fmt: skip
BANK = Org("Okement Bank plc", "Statements, Red Lion Yard", "Okehampton EX20 1AW", "0345 602 7731",
           _co("Okement Bank plc", "02389116", "Red Lion Yard, Okehampton EX20 1AW", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Statements")  # fmt: skip
DLA = Org("Department for Work and Pensions", "Disability Benefit Centre 4", "Wolverhampton WV98 2AH", "0800 121 4600",
          "Disability Living Allowance is paid by the Department for Work and Pensions.", "Disability Benefit Centre")  # fmt: skip
LETTERBOXERS = Org("Dartmoor Letterboxing Club", "c/o Princetown Village Hall", "Yelverton PL20 6QF", "07700 900 512",
                   "The club is run by volunteers; no money is asked for in this letter.", "Club Secretary")  # fmt: skip
TRADERS = Org("Tavistock Pannier Market Traders' Association", "Market Office, Duke Street", "Tavistock PL19 0BA", "07700 900 733",
              "The association is run by its members.", "Association Secretary")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A Brent Tor card (bullets, even) or a Camel estuary credit union loan (pack)."""
    kinds = ("bullets", "pack")
    when, date, owed = _when(rng), dated(rng), balance(rng)
    by = later(date, 14)
    if i % 2 == 0:
        org, ref, label = (
            CARD,
            f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}",
            "Card account number",
        )
        first = "We have not received the minimum payment on your card for the last two statements."
    else:
        org, ref, label = UNION, f"CEC-{digits(rng, 6)}", "Loan account no."
        first = "The payments on your loan from the credit union are behind."
    letter = Letter(
        org=org, title="Payments overdue on your account with us", date=date, when=when,
        truth=owes(C.CREDITOR_LETTER, org.name, ref, owed, date, deadline_date=by),
        ref_label=label, ref=ref,
        facts=[("Arrears now showing", pounds(owed)), ("Please contact us no later than", when(by))],
        paras=(first,
               f"Your account shows arrears of {pounds(owed)}. Please pay this, or ring us to agree a plan you can keep to, no later than {when(by)}.",
               "If we do not hear from you we may send a notice of default and report the arrears to the credit reference agencies."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{letters(rng, 1)}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 4)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("pack", "office")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 110_000, 1_400_000)
    fee, costs = rng.choice((20_500, 45_500, 57_500)), rng.choice((8_000, 10_000, 11_000))
    total = claimed + fee + costs
    ref, claim = f"HMF/{digits(rng, 6)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    facts = [("Total claimed including fee and costs", pounds(total)), ("Claimant", CLAIMANT.name), ("Claimant's own reference", ref),
             ("Deemed date of service", when(served)), ("Latest date for your response", when(by))]  # fmt: skip
    letter = Letter(
        org=COURT, title="Notice of issue: motorhome finance claim", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Claim number", ref=claim, facts=facts, date_label="Claim form issued",
        paras=(f"{CLAIMANT.name} has started a claim against you about a motorhome finance agreement, their reference {ref}.",
               f"The amount claimed is {pounds(claimed)}, with the court fee of {pounds(fee)} and legal representative's costs of {pounds(costs)}: {pounds(total)} in all.",
               f"The claim form is deemed served on {when(served)}. Your response must reach the court by {when(by)}, or the claimant may ask for judgment."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("centred", "stub")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 45_000, 990_000)
    ref, claim = f"HCL{digits(rng, 5)}", _claim_no(rng)
    monthly, by = rng.choice((3_000, 6_000, 12_500)), later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    how = (f"pay {pounds(owed)} to the claimant by {when(by)}" if extra
           else f"pay {pounds(owed)} to the claimant at {pounds(monthly)} a month")  # fmt: skip
    facts = [
        ("Judgment sum to pay", pounds(owed)),
        ("Claimant (owed the money)", BUILDERS.name),
        ("Builder's job reference", ref),
    ]
    facts += (
        [("Pay the whole amount by", when(by))]
        if extra
        else [("Instalments ordered each month", pounds(monthly))]
    )
    letter = Letter(
        org=COURT, title="Notice of judgment in default of a response", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, BUILDERS.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Claim number", ref=claim, facts=facts, date_label="Judgment given on",
        paras=(f"No response was received to the claim by {BUILDERS.name} (job reference {ref}), so judgment has been given for the claimant.",
               f"You are ordered to {how}.",
               "If you pay the whole amount within one month of this judgment, it will not stay on the Register of Judgments."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kinds = ("stub", "runin")
    when, date = _when(rng), dated(rng)
    order = balance(rng, 22_000, 260_000)
    owed = order + 7_500
    case, by = f"OVE-{digits(rng, 7)}", later(date, 7)
    letter = Letter(
        org=ENFORCER, title="Council tax: notice that enforcement has begun", date=date, when=when,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, DARTMOOR.name, case, owed, date, deadline_date=by),
        ref_label="Enforcement case number", ref=case,
        facts=[("Sum to pay now, fees included", pounds(owed)), ("On behalf of", DARTMOOR.name), ("Deadline to pay or arrange", when(by))],
        paras=(f"{DARTMOOR.name} has instructed us to collect unpaid council tax under a liability order.",
               f"The liability order was for {pounds(order)}. Adding the compliance stage fee of {pounds(7_500)}, you must pay {pounds(owed)}.",
               f"Pay in full, or contact us to agree an arrangement, by {when(by)}. If you do not, an enforcement agent may visit and further fees will be charged."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("centred", "pack")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 520_000, 2_400_000)
    ref, by = f"TSM-{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=SLATE, title="Statutory demand: slate supplied on account", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, SLATE.name, ref, owed, date, deadline_date=by),
        ref_label="Slate account number", ref=ref,
        facts=[("Sum the demand is for", pounds(owed)), ("Pay, secure or compound by", when(by))],
        paras=("Roofing slate, ridge tiles and stone were delivered to you on account and have not been paid for.",
               f"The creditor demands {pounds(owed)}, to be paid, secured or compounded for to its satisfaction by {when(by)}.",
               "If you do not comply, a bankruptcy petition may be presented against you. You may apply to the court to set this demand aside within 18 days of service."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("office", "bullets")
    org = COUNCILS[i % 2]
    when, date = _when(rng), dated(rng)
    ref, by = f"{digits(rng, 9)}", later(date, 7)
    owed = rng.randrange(9_500, 25_000) + rng.randrange(9_500, 25_000)
    letter = Letter(
        org=org, title="Reminder notice: council tax", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Council tax reference", ref=ref,
        facts=[("Missed instalments to pay", pounds(owed)), ("Bring your account up to date by", when(by))],
        paras=("Our records show that instalments of council tax due on your account have not been paid.",
               f"The missed instalments total {pounds(owed)}. If you pay them by {when(by)} you can keep paying by instalments.",
               "If you do not, you lose the right to pay by instalments, the full year's balance becomes payable and we may summons you to the magistrates' court."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("stub", "centred")
    when, date = _when(rng), dated(rng)
    ref, by = f"RES{digits(rng, 8)}", later(date, 14)
    owed = balance(rng, 4_800, 61_000)
    letter = Letter(
        org=ENERGY, title="Dual fuel bill for your home", date=date, when=when,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Customer account number", ref=ref, date_label="Bill printed on",
        facts=[("Total charges this bill", pounds(owed)), ("Please pay this bill by", when(by))],
        paras=("This bill is for the gas and electricity you used since your last bill, and a daily standing charge for each fuel.",
               f"Please pay {pounds(owed)}, VAT at 5% included, by {when(by)}.",
               "If you are struggling to pay, contact us. We can offer a payment plan and tell you about grants and the Priority Services Register."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("runin", "office")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 11_000, 150_000)
    ref, by = f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 2)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Final reminder: unpaid water charges", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Water supply account", ref=ref,
        facts=[("Water and waste charges unpaid", pounds(owed)), ("Reply to this reminder by", when(by))],
        paras=(f"Your water account has {pounds(owed)} of unpaid charges. Please pay or call us to set up instalments by {when(by)}.",
               "If money is tight, ask about our social tariff and WaterSure. If we do not hear from you, we may pass your account to a collection agency."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("bullets", "centred")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 9_500, 170_000)
    ref, by = f"{digits(rng, 6)}/{digits(rng, 2)}", later(date, 14)
    letter = Letter(
        org=MAGISTRATES, title="Court fine overdue: act now", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Account number (fines)", ref=ref,
        facts=[("Amount left to pay", pounds(owed)), ("You must pay by", when(by))],
        paras=("You were ordered to pay a fine, costs and a victim surcharge, and the payments have not been kept up.",
               f"There is {pounds(owed)} left to pay. Pay it, or contact the Fines Office, by {when(by)}.",
               "If you do not, the court may take money from your wages or benefits, or pass the account to enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("runin", "pack")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 24_000, 780_000)
    ref, old = f"BHD{digits(rng, 7)}", f"CVL{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="We have bought your Creedy Valley loan", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="Our account number for you", ref=ref,
        facts=[("Balance we bought", pounds(owed)), ("Original lender (seller)", LENDER.name), ("Loan number with the previous lender", old)],
        paras=(f"{LENDER.name} has transferred the legal right to your loan {old} to us. Please pay us from now on.",
               f"The balance transferred is {pounds(owed)}. We will not charge interest on it.",
               "Any payment arrangement you had carries on; please use our account number when you pay."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("office", "stub")
    when, date = _when(rng), dated(rng)
    weeks, weekly = rng.randrange(4, 40), rng.randrange(1_700, 9_800)
    owed = weeks * weekly
    ref, by = f"HBO/{digits(rng, 7)}", later(date, 21)
    letter = Letter(
        org=TORRINGTON, title="Overpaid Housing Benefit: repayment requested", date=date, when=when,
        truth=owes(C.OVERPAYMENT, TORRINGTON.name, ref, owed, date, deadline_date=by),
        ref_label="Overpayment account", ref=ref,
        facts=[("Housing Benefit to pay back", pounds(owed)), ("Repay or ask for time to pay by", when(by))],
        paras=(f"Your earnings went up and we were not told in time, so you were paid too much Housing Benefit for {weeks} weeks.",
               f"The overpayment is {pounds(owed)}. Please repay it, or ask for time to pay, by {when(by)}.",
               "You can ask us to reconsider, or appeal, within one month of the date of this letter."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("centred", "bullets")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 48_000, 900_000), rng.randrange(42_000, 160_000)
    ref = f"{digits(rng, 7)}/{digits(rng, 2)}"
    letter = Letter(
        org=SOCIETY, title="We are concerned about your mortgage payments", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Mortgage roll number", ref=ref,
        facts=[("Mortgage payments missed to date", pounds(owed)), ("Your usual monthly repayment", pounds(monthly))],
        paras=(f"You have missed payments totalling {pounds(owed)}; your usual monthly repayment is {pounds(monthly)}.",
               "Please ring Mortgage Support so we can look at your options together. Taking possession of a home is always our last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("pack", "runin")
    when, date = _when(rng), dated(rng)
    owed, weekly = balance(rng, 9_500, 310_000), rng.randrange(8_500, 17_000)
    ref = f"LVH-{digits(rng, 5)}"
    letter = Letter(
        org=HOMES, title="Rent overdue at your Looe Valley home", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Rent account", ref=ref,
        facts=[("Rent owing today", pounds(owed)), ("Weekly rent and charges", pounds(weekly))],
        paras=("Your rent has not been paid in full for several weeks.",
               f"You owe {pounds(owed)} in rent, and your weekly rent and charges are {pounds(weekly)}. Please contact the Income Team to agree how you will pay.",
               "If your Universal Credit housing element has changed or stopped, tell us; we can refer you for free money advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("stub", "office")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 3_000, 130_000), later(date, 10)
    if i % 2 == 0:
        org, ref, title = (
            BNPL,
            f"KP3-{letters(rng, 2)}{digits(rng, 5)}",
            "Missed instalments on your pay in three",
        )
        first = "We tried to collect two instalments of your plan and your bank declined them."
    else:
        org, ref, title = (
            CATALOGUE,
            f"{digits(rng, 4)}-{digits(rng, 4)}",
            "Your home shopping account needs attention",
        )
        first = "Your shopping account has fallen behind, so we have paused new orders for now."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Customer ref", ref=ref,
        facts=[("Overdue instalments total", pounds(owed)), ("Pay the past due amount by", when(by))],
        paras=(first,
               f"The past due amount is {pounds(owed)}. Please pay it by {when(by)} so that no late fee is added and your credit file is not affected.",
               "If you are in financial difficulty, let us know and we will hold collections for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("runin", "bullets")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 60_000, 1_350_000), later(date, 30)
    ref = f"COS-{digits(rng, 4)}-{letters(rng, 2)}"
    letter = Letter(
        org=SOLICITORS, title="Letter of claim under the debt pre-action protocol", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, STAIRS.name, ref, owed, date, deadline_date=by),
        ref_label="Our client's invoice number", ref=ref, signed="Lethbridge Pollard Solicitors LLP",
        facts=[("Amount our client claims", pounds(owed)), ("We are instructed by", STAIRS.name), ("Reply form due back by", when(by))],
        paras=(f"We are instructed by {STAIRS.name}, who made and fitted an oak staircase at your property and invoiced you for the work.",
               f"Our client claims {pounds(owed)}. Please fill in the enclosed reply form and financial statement and send them to us by {when(by)}.",
               "If you do not reply, our client may start court proceedings without further warning and ask for interest and costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _cis(rng: random.Random, i: int) -> Doc:
    """A contractor's CIS payment and deduction statement to a subcontractor."""
    org, date, when = CONTRACTOR, dated(rng), _when(rng)
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    labour = rng.randrange(120_000, 380_000)
    materials = rng.randrange(0, 45_000)
    gross = labour + materials
    deducted = labour * 20 // 100
    net = gross - deducted
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency="monthly")  # fmt: skip
    month_end = (
        dt.date(date.year + date.month // 12, date.month % 12 + 1, 5)
        if date.day > 5
        else dt.date(date.year, date.month, 5)
    )
    page = Sheet(style)
    _head(page, org, style)
    page.add((t(0.08, "Construction Industry Scheme", True, size=style.point + 1),))
    page.add((t(0.08, "Payment and deduction statement", True, size=style.point + 1),)).gap()
    size = SMALL + 1.5
    rows = [
        ("Contractor", org.name),
        ("Employer's reference", f"{digits(rng, 3)}/{letters(rng, 2)}{digits(rng, 5)}"),
        ("Subcontractor", f"{first} {surname}"),
        ("Subcontractor's UTR", f"{digits(rng, 5)} {digits(rng, 5)}"),
        ("Tax month ending", f"5 {month_end:%B %Y}"),
        ("Payment made on", when(date)),
        ("Payments", f"{FREQUENCY_SHOWN['monthly'][0]}, after each tax month"),
    ]
    for label, value in rows:
        page.add((t(0.08, label, size=size), t(0.45, value, True, size=size)))
    page.gap()
    top = len(page.rows)
    sums = [
        ("Gross amount paid (excluding VAT)", plain(gross)),
        ("Less cost of materials", plain(materials)),
        ("Amount liable to deduction", plain(labour)),
        ("Amount deducted (20%)", plain(deducted)),
        ("Amount payable to subcontractor", plain(net)),
    ]
    for label, value in sums:
        page.add(
            (
                t(0.1, label, size=size),
                rt(0.88, value, label.startswith("Amount payable"), size=size),
            )
        )
    page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.9, True, None))
    page.gap()
    page.para(f"We have paid you {pounds(net)} by bank transfer. The {pounds(deducted)} deducted has been paid to HM Revenue and Customs on your behalf; keep this statement to claim it against your tax bill.", size=size)  # fmt: skip
    _foot(page, org)
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """A CIS statement (even) or a payslip with its totals in three boxes above an element
    table (odd)."""
    if i % 2 == 0:
        return _cis(rng, i)
    org, date, when = EMPLOYERS[(i // 2) % 2], dated(rng), _when(rng)
    frequency = ("weekly", "four_weekly")[(i // 2) % 2]
    scale = {"weekly": 1, "four_weekly": 4}[frequency]
    hours = 36.0 * scale
    rate = rng.randrange(1_221, 1_980)
    basic = round(hours * rate)
    extra = rng.randrange(0, 6_500)
    gross = basic + extra
    tax, ni, pension = gross * 12 // 100, gross * 7 // 100, gross * 5 // 100
    net = gross - tax - ni - pension
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    style = STYLES[(i + 2) % len(STYLES)]
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    page = Sheet(style)
    _head(page, org, style)
    size = SMALL + 1
    page.add((t(0.08, "PAYSLIP", True, size=style.point + 1), rt(0.92, f"{first} {surname}  -  Works no. {digits(rng, 5)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Pay date {when(date)}", size=size), rt(0.92, f"Pay frequency: {FREQUENCY_SHOWN[frequency][0]}", size=size)))  # fmt: skip
    page.gap()
    top = len(page.rows)
    lefts = (0.08, 0.37, 0.66)
    boxes = (
        ("Total gross pay", plain(gross)),
        ("Total deductions", plain(tax + ni + pension)),
        ("Net pay", plain(net)),
    )
    page.add(
        tuple(t(x + 0.01, label, size=SMALL) for x, (label, _) in zip(lefts, boxes, strict=True))
    )
    page.add(
        tuple(
            t(x + 0.01, value, True, size=style.point + 2)
            for x, (_, value) in zip(lefts, boxes, strict=True)
        )
    )
    for x in lefts:
        page.rects.append(Rect(top, top + 1, x, x + 0.26, True, 236))
    page.gap()
    head = len(page.rows)
    page.add((t(0.08, "Element", True, size=size), rt(0.5, "Units", True, size=size), rt(0.66, "Rate", True, size=size), rt(0.9, "Amount", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92)
    page.add((t(0.08, "Basic pay", size=size), rt(0.5, f"{hours:g}", size=size), rt(0.66, plain(rate), size=size), rt(0.9, plain(basic), size=size)))  # fmt: skip
    page.add((t(0.08, "Weekend and late shifts", size=size), rt(0.9, plain(extra), size=size)))
    page.add((t(0.08, "Income tax", size=size), rt(0.9, f"-{plain(tax)}", size=size)))
    page.add((t(0.08, "National Insurance", size=size), rt(0.9, f"-{plain(ni)}", size=size)))
    page.add((t(0.08, "Workplace pension", size=size), rt(0.9, f"-{plain(pension)}", size=size)))
    page.rects.append(Rect(head, len(page.rows) - 1, 0.07, 0.92, True, None))
    page.gap()
    page.para(f"{pounds(net)} has been paid to your bank account. You are paid {FREQUENCY_SHOWN[frequency][1]}.", size=size)  # fmt: skip
    _foot(page, org)
    return Doc(truth=truth, sheets=[page], style=style)


STATEMENT_X = (0.07, 0.2, 0.6, 0.75, 0.93)
"""Date, Details (left edges); Paid out, Paid in, Balance (right edges)."""


def bank_statement(rng: random.Random, i: int) -> Doc:
    """Newest first (even: read the running balance upwards) or the balance printed once
    a day, at each day's last line (odd)."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    start = later(date, -30)
    opening = rng.randrange(5_000, 120_000)
    items = [("BGC LYNTON CLIFF RAILWAY", rng.randrange(90_000, 190_000)), ("DD ROUGHTOR ENERGY", -rng.randrange(5_500, 16_000)),
             ("CARD CO-OP TAVISTOCK", -rng.randrange(700, 6_800)), ("SO LOOE VALLEY HOMES", -rng.randrange(38_000, 76_000)),
             ("CASH LAUNCESTON", -3_000), ("DD INNY VALLEY DC", -rng.randrange(9_800, 19_000)),
             ("FPI FROM J BASSETT", rng.randrange(1_000, 6_000)), ("CARD STAGECOACH", -rng.randrange(300, 1_800)),
             ("DD KERNOW PAY IN THREE", -rng.randrange(1_500, 7_000)), ("DD LYN AND HEDDON WATER", -rng.randrange(2_200, 7_200))]  # fmt: skip
    # two transactions a day (the second a day later in the newest-first statements)
    days = [later(start, 3 + (n // 2) * 5 + (n % 2) * (1 - i % 2)) for n in range(len(items))]
    size = SMALL + 0.5
    xs = STATEMENT_X
    page = Sheet(style)
    _head(page, BANK, style)
    _address(page, rng)
    sort, account = f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}", digits(rng, 8)
    page.add((t(0.07, "Current account statement", True), rt(0.93, f"Statement date {when(date)}")))
    page.add((t(0.07, f"Sort code {sort}   Account {account}", size=size),)).gap()
    page.add((t(xs[0], "Date", True, size=size), t(xs[1], "Details", True, size=size), rt(xs[2], "Paid out", True, size=size),
              rt(xs[3], "Paid in", True, size=size), rt(xs[4], "Balance", True, size=size))).rule(0.07, 0.93)  # fmt: skip
    lines: list[Row] = []
    running = opening
    for n, ((what, amount), day) in enumerate(zip(items, days, strict=True)):
        running += amount
        out, into = (plain(-amount), "") if amount < 0 else ("", plain(amount))
        last_of_day = n == len(items) - 1 or days[n + 1] != day
        shown = plain(running) if (i % 2 == 0 or last_of_day) else ""
        lines.append(
            tuple(
                c for c in (t(xs[0], f"{day:%d %b}", size=size), t(xs[1], what, size=size),
                            rt(xs[2], out, size=size) if out else None, rt(xs[3], into, size=size) if into else None,
                            rt(xs[4], shown, size=size) if shown else None)
                if c is not None
            )
        )  # fmt: skip
    first = (t(xs[0], f"{start:%d %b}", size=size), t(xs[1], "Opening balance", size=size), rt(xs[4], plain(opening), size=size))  # fmt: skip
    if i % 2 == 0:
        page.add((t(xs[1], "Latest transactions first", True, size=size),))
        page.add(*reversed(lines))
        page.add(first)
    else:
        page.add(first)
        page.add(*lines)
    page.rule(0.07, 0.93)
    page.add(
        (t(xs[1], "Closing balance", True, size=size), rt(xs[4], plain(running), True, size=size))
    )
    page.gap()
    note = ("The newest transaction is at the top; the balance shown is the balance after each transaction." if i % 2 == 0
            else "Where you made more than one transaction on a day, the balance is shown once, after the last of them.")  # fmt: skip
    page.para(note, x=0.07, right=0.93, size=size)
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def benefit(rng: random.Random, i: int) -> Doc:
    """Housing Benefit paid by the council (even: pack) or a child's Disability Living
    Allowance (odd: bullets)."""
    kinds = ("pack", "bullets")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        frequency = ("fortnightly", "four_weekly")[(i // 2) % 2]
        org = COUNCILS[(i // 2) % 2]
        org = evolve(
            org, street=org.street.replace("Council Tax", "Housing Benefit"), team="Benefits Team"
        )
        title, what = "Housing Benefit decision", "Housing Benefit"
        paid = rng.choice((9_420, 12_180, 15_660)) * {"fortnightly": 2, "four_weekly": 4}[frequency]
        ref, label = f"HB{digits(rng, 7)}", "Claim reference"
    else:
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        org, title, what = (
            DLA,
            "Disability Living Allowance for your child",
            "Disability Living Allowance",
        )
        paid = (7_340 + 2_890) * {"weekly": 1, "four_weekly": 4}[frequency]
        ref = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}"
        label = "Reference (appointee)"
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label=label, ref=ref, date_label="Decision made on",
        facts=[("Amount of each payment", pounds(paid)), ("Payment frequency", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"We have decided you are entitled to {what} from {when(later(date, -21))}.",
               f"We will pay {pounds(paid)} into your account {FREQUENCY_SHOWN[frequency][1]}.",
               "You must tell us at once about any change, such as income, savings, your address, or who lives with you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: a letterboxing walk (centred) and a pannier-market traders' notice
    (stub)."""
    kinds = ("centred", "stub")
    when, date = _when(rng), dated(rng)
    on = later(date, 6 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=LETTERBOXERS, title="Autumn walk to the moor's letterboxes", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Member's stamp no.", ref=f"DLC{rng.randrange(100, 999)}",
            facts=[("Day of the walk", when(on)), ("Meeting point", "Princetown car park, 10 am")],
            paras=(f"We will walk out to the letterboxes around Great Mis Tor on {when(on)}.",
                   "Bring your stamp, your logbook, a map and waterproofs; the walk is about six miles."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=TRADERS, title="Stall plan for the Christmas market", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Stall", ref=str(rng.randrange(10, 99)),
            facts=[("Setting-up morning", when(on)), ("Doors open", "8.30 am, Duke Street entrance")],
            paras=(f"The stall plan for the Christmas market is settled and setting up begins on {when(on)}.",
                   "Please bring your own table covers and keep the aisles clear for the fire officer."),
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
class ADSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_ad(per_class: int = 4, *, seed: int = 2779) -> list[ADSample]:
    """``per_class`` documents of every class, held out, family ``<class>:AD``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, ADSample)


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, ad_text, ad_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class ADScan:
    dpi: int
    skew: float
    """Degrees."""
    curl: bool = False
    """A page curling up off the glass near its left edge: the lines there bend and
    darken; grey."""
    app: bool = False
    """A phone scanning app's black-and-white document filter: local thresholding, the
    paper's shading flattened to white, the app's line at the foot; one bit."""
    fringe: bool = False
    """A sheet-fed colour scanner out of register: red and blue fringes above and below
    each stroke; colour."""


SCANS = (
    ADScan(dpi=300, skew=0.4, curl=True),
    ADScan(dpi=200, skew=-0.8, app=True),
    ADScan(dpi=240, skew=0.6, fringe=True),
)

INK = (24, 24, 26)
PAPER = (251, 250, 247)
CURL = 0.14
"""How much of the page's width (from the left edge) lifts off the glass."""
LIFT = 0.012
"""How far the page's left edge bows, as a share of its height, where it lifts most."""
APP_WINDOW = 31
"""The scanning app's local-threshold window, in pixels."""
APP_OFFSET = 14
"""How much darker than its neighbourhood a pixel must be to print black."""
REGISTER = 1
"""How many pixels the red and blue lines sit off the green (each its own way; one more
at random). First 2: made milder after the OCR-only count (see the module's docstring)."""
APP_LINE = "Scanned with PocketScan - free version"


def _draw(sample: ADSample, n: int, scan: ADScan) -> Image.Image:
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


def _curl(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """The left edge lifted off the glass: each column within ``CURL`` of it squeezed
    towards the edge and bowed up or down from the middle, and darker the higher it lifts;
    greyscale."""
    arr = np.asarray(image.convert("L"), dtype=np.float32)
    height, width = arr.shape
    band = int(width * CURL)
    out = arr.copy()
    ys = np.arange(height, dtype=np.float32)
    # (every column of the band at once: each column's Python factors rounded to float32,
    # as multiplying a float32 column by a Python float does, so the same pixels)
    lifts = [((band - x) / band) ** 2 for x in range(band)]
    source_x = [min(width - 1, int(x + lift * band * 0.08)) for x, lift in enumerate(lifts)]
    bows = np.array([lift * LIFT * height for lift in lifts]).astype(np.float32)
    bow = bows[None, :] * ((ys - height / 2) / (height / 2))[:, None]
    source_y = np.clip((ys[:, None] + bow).astype(int), 0, height - 1)
    shades = np.array([1 - 0.3 * lift for lift in lifts]).astype(np.float32)
    out[:, :band] = arr[source_y, np.array(source_x)[None, :]] * shades[None, :]
    out = out * (1 - 0.04 * rng.random())
    result = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(0.5)
    )
    return result.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=90)


def _app(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """The phone's shot (a soft shadow across the page, a little blur), then the app's
    black-and-white filter: each pixel black where it is darker than its neighbourhood
    by ``APP_OFFSET``; the app's line at the foot; one bit."""
    grey = np.asarray(image.convert("L"), dtype=np.float32)
    height, width = grey.shape
    xs = np.arange(width, dtype=np.float32)[None, :] / width
    ys = np.arange(height, dtype=np.float32)[:, None] / height
    angle = rng.random()
    shadow = 1 - 0.35 * np.clip((xs * (1 - angle) + ys * angle) - 0.45, 0, 1)
    shot = Image.fromarray(np.clip(grey * shadow, 0, 255).astype(np.uint8))
    shot = shot.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    shot = shot.filter(ImageFilter.GaussianBlur(0.7))
    local = np.asarray(shot.filter(ImageFilter.BoxBlur(APP_WINDOW // 2)), dtype=np.float32)
    values = np.asarray(shot, dtype=np.float32)
    bits = np.where(values < local - APP_OFFSET, 0, 255).astype(np.uint8)
    out = Image.fromarray(bits)
    pen = ImageDraw.Draw(out)
    font = FONTS.font("gothic", max(10, out.size[0] // 90), False, False)
    pen.text((out.size[0] // 3, out.size[1] - out.size[1] // 45), APP_LINE, fill=0, font=font)
    return out.convert("1")


def _fringe(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Red lines a little above and blue a little below where the green saw the page."""
    arr = np.asarray(image, dtype=np.uint8).copy()
    shift = REGISTER + rng.randrange(0, 2)
    arr[:, :, 0] = np.roll(arr[:, :, 0], -shift, axis=0)
    arr[:, :, 2] = np.roll(arr[:, :, 2], shift, axis=0)
    out = Image.fromarray(arr).filter(ImageFilter.GaussianBlur(0.4))
    return out.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=PAPER)


def render(sample: ADSample, n: int, scan: ADScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan)
    if scan.curl:
        return _curl(image, rng, scan.skew)
    if scan.app:
        return _app(image, rng, scan.skew)
    return _fringe(image, rng, scan.skew)


def ad_scanned(sample: ADSample, index: int) -> tuple[bytes, str, ADScan]:
    """Scanned one of three ways: the curled page as greyscale JPEG (quality 85), the
    scanning app's page as a one-page PDF, the misregistered colour scan as PNG (with its
    resolution at even indexes); two and three pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 53 + n) for n in range(len(sample.pages))]
    if len(images) > 1:
        return encode_pages([im.convert("RGB") for im in images], "pdf", scan.dpi), "pdf", scan
    out = io.BytesIO()
    if scan.curl:
        images[0].save(out, format="JPEG", quality=85, dpi=(scan.dpi, scan.dpi))
        return out.getvalue(), "jpeg", scan
    if scan.app:
        images[0].save(out, format="PDF", resolution=scan.dpi)
        return out.getvalue(), "pdf", scan
    return encode_pages(images, "png", scan.dpi if index % 2 == 0 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "ADSample",
    "ADScan",
    "ad_pages",
    "ad_scanned",
    "ad_text",
    "build_ad",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
