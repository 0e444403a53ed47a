# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``Z``, written blind: a fifteenth measure of how the reader
generalises, in a fifteenth hand (after ``L`` to ``Y``).

``Z`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``,
``values_found``, ``FIELDS``), the shared page engine (``corpus_print``), family Y's module
and tests (for their conventions), the shared test helpers
(``tests/unit/documents/blind_families.py``, ``tests/integration/ocr/blind_read.py``), the
reporting code of ``benchmarks/intake_accuracy.py`` and ``benchmarks/openai_accuracy.py``
and, by their docstrings and by grep only, families A-Y (to avoid their settings,
organisations, wording and scan effects) -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``, ``prose.py``,
``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``label_learning.py``, ``read_families.py``, ``ranker.py``,
``ranker_training.py``, the Tesseract extractor), its reading tests, nor any section of
benchmarks/OCR.md but its title. It is never used to write rules, to train or calibrate
the classifier or the field ranker (``build_corpus`` never yields it), nor to choose
models: it is measured, and only the aggregate figures go into benchmarks/OCR.md. Whoever
reads its individual misses to change the reader makes ``Z`` no longer blind and must say
so there.

**Z is no longer blind since round 18** (branch ``reader18``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on Z
from then on is a training-side figure (benchmarks/OCR.md, "Round 18").

What differs from A-Y:

* who writes: bodies and firms of the North East of England and Cumbria (Tyneside,
  Wearside, Teesside, the North Pennines, Eden, Kentdale and the Solway), none named by
  A-Y, four of them American-owned and writing in their owners' house style (a card
  issuer, a debt buyer, a pay-later firm and a gym): a Wearside card company and a
  Delaware-owned card issuer on the Quayside, a vehicle lender suing in the
  County Court at Sunderland, an access-platform firm's judgment from the County Court at
  Carlisle, the Tyne Gap council and its enforcement agents in Consett, a fencing
  merchant's statutory demand in Penrith, Wansbeck Valley and Kentdale councils, an energy
  supplier at the mouth of the Tees, a water company of the Solway and the Eden, North
  Pennines magistrates, a Hexhamshire lender and the Arizona-owned debt buyer it sold to,
  Solway Plain's Housing Benefit overpayments, a building society on the Ouseburn, a
  Lanchester housing trust, a catalogue on Grainger Street and a Texas-owned pay-later
  firm, solicitors in Morpeth for a roofer, a crane firm and a slate quarry as employers,
  a bank named after Lindisfarne, Employment and Support Allowance and Jobseeker's
  Allowance, a fell-running club and an American-owned gym;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **footer only**: a "Dear Customer" letter from a department and a PO box, signed by a
    team: the firm that writes is named only in the registered-office line at the foot;
  - **invoice**: a bill set as an invoice, its number, date and the account in a block of
    right-aligned labels beside the address, lines with net, VAT and gross columns (or one
    amount column) and a totals block with right-aligned labels ("Amount due");
  - **reply form**: the letter above a "detach and return" cut line, a reply form whose
    blanks are dotted lines ("I can pay £ ........ each month"), and a machine-readable
    code line along its foot (the reference's digits and the sum in pence, zero-padded);
  - **aligned**: a notice whose details sit in a block of labels right-aligned against a
    gutter, each ending in a colon, the values left-aligned beside them;
  - **American**: an American-owned firm's house style: "December 4, 2026", "RE:" and
    "Account #:" lines, "Dear Mr Surname:" with a colon, "Sincerely,";
  - **aged**: a trade-style statement letter with an aged analysis of the debt across the
    page (Current, 1-30, 31-60, 61-90, Over 90 days, Total due: only the total owed);
  payslips with right-aligned labels down the page or an earnings statement with hours
  and rates; bank statements with a summary of money in and out above the transactions,
  one page or two (the second opening with a continuation header); an Employment and
  Support Allowance and a Jobseeker's Allowance letter;
* faces: no face on the machine is new after A-Y, so Z pairs faces no family paired:
  Caladea bodies under URW Gothic Demi headings, P052 bodies under Open Sans Semibold
  headings and Carlito bodies under C059 Bold headings, 9.5 to 10.5 pt;
* dates as "4 December 2026", "04/12/2026" and "4th Dec 2026", one shape a document, and
  "December 4, 2026" on the American-owned firms' letters; amounts as "£1,234.56" and, in
  tables, "1,234.56";
* scans new to the families: a 150 dpi fax (black and white) with horizontal banding and
  drop-out lines, a 300 dpi colour scan turned 1.2 degrees with a coloured letterhead and
  a red rubber stamp over the page, and a scanner app's 200 dpi colour JPEG, over-sharpened
  and compressed twice, with a yellow sticky note on the top edge; PDF, PNG and JPEG.

Ground truth follows L's to Y's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference, on a claim form and a judgment the claimant's reference); ``balance_pence``
what is owed now; ``letter_date`` the document's own date; ``deadline_date`` and
``served_date`` only where printed. Payslips give the employer, net and gross pay, pay
date and frequency; benefit letters the payer, the amount paid each time, the date and the
frequency; a bank statement its date.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Callable, Sequence
from itertools import zip_longest

from attrs import field, frozen
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

FAMILY = "Z"

PEOPLE = (
    ("Ms", "Niamh", "Ridley-Cowen"),
    ("Mr", "Dariusz", "Kowal-Heron"),
    ("Mrs", "Shona", "Armstrong-Pike"),
    ("Mr", "Ewan", "Tulloch-Bewick"),
)
ADDRESSES = (
    ("41 Heaton Park View", "Newcastle upon Tyne", "NE6 5QP"),
    ("Flat 3, 88 Hylton Bank", "Sunderland", "SR4 7BZ"),
    ("9 Gilesgate Terrace", "Durham", "DH1 1QE"),
    ("2 Fellside Cottages, Greystoke Road", "Penrith", "CA11 9TX"),
)

# -- date and money shapes -------------------------------------------------------------------


def _ordinal(day: int) -> str:
    return "th" if 10 < day % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def day_month(date: dt.date) -> str:
    """4 December 2026"""
    return f"{date.day} {date:%B} {date.year}"


def slashed(date: dt.date) -> str:
    """04/12/2026"""
    return f"{date:%d}/{date:%m}/{date.year}"


def ordinal_short(date: dt.date) -> str:
    """4th Dec 2026"""
    return f"{date.day}{_ordinal(date.day)} {date:%b} {date.year}"


def american(date: dt.date) -> str:
    """December 4, 2026 (the American-owned firms' letters)"""
    return f"{date:%B} {date.day}, {date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (day_month, slashed, ordinal_short, american)
UK_SHAPES = DATE_SHAPES[:3]


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Weekly", "each week"),
    "fortnightly": ("Fortnightly", "every 2 weeks"),
    "four_weekly": ("Every 4 weeks", "every four weeks"),
    "monthly": ("Monthly", "each calendar month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways Z prints a true value (to check it is on the page, or in an OCR text)."""
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
_OS = "/usr/share/fonts/truetype/open-sans/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "caladea": {
        (False, False): _CX + "Caladea-Regular.ttf",
        (True, False): _URW + "URWGothic-Demi.otf",
        (False, True): _CX + "Caladea-Italic.ttf",
        (True, True): _URW + "URWGothic-DemiOblique.otf",
    },
    "palladio": {
        (False, False): _URW + "P052-Roman.otf",
        (True, False): _OS + "OpenSans-Semibold.ttf",
        (False, True): _URW + "P052-Italic.otf",
        (True, True): _OS + "OpenSans-SemiboldItalic.ttf",
    },
    "carlito": {
        (False, False): _CX + "Carlito-Regular.ttf",
        (True, False): _URW + "C059-Bold.otf",
        (False, True): _CX + "Carlito-Italic.ttf",
        (True, True): _URW + "C059-BdIta.otf",
    },
}
"""Each body face under headings of another family: Caladea under URW Gothic Demi, P052
under Open Sans Semibold, Carlito under C059 Bold (``fonts-crosextra-*``,
``fonts-urw-base35``, ``fonts-open-sans``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "caladea"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("caladea", 10.5), Style("palladio", 9.5), Style("carlito", 10.0))


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []

    def rule(self, x0: float = 0.08, x1: float = 0.92, *, dashed: bool = False) -> Sheet:
        """A rule under the last row added."""
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
    owner: str = ""
    """An American-owned firm's owner ("a ... company"), printed under its name."""


@frozen
class Bill:
    """An invoice's lines (description, net pence) and its VAT rate (``None``: no VAT
    column); the lines' net plus VAT is the sum owed."""

    word: str
    number: str
    lines: Sequence[tuple[str, int]]
    vat: float | None = None


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the labelled facts
    (already shaped; the sum owed first where there is one); ``paras`` the prose, stating
    every fact in a sentence (never naming the writer: the footer-only setting names it in
    its foot alone); ``owed`` the sum owed (the aged analysis and the code line split or
    print it); ``bill`` an invoice's lines."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[tuple[str, str]]
    paras: Sequence[str]
    owed: int = 0
    bill: Bill | None = None
    signed: str = field(default="")


def person(rng: random.Random) -> tuple[tuple[str, str, str], list[str]]:
    """((title, first name, surname), address lines)."""
    title, first, surname = rng.choice(PEOPLE)
    return (title, first, surname), [f"{title} {first} {surname}", *rng.choice(ADDRESSES)]


def _foot(page: Sheet, org: Org, n: int, of: int) -> None:
    page.foot = len(page.rows)
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    rows = page.wrapped(text, 0.08, 0.84, size=SMALL - 1)
    page.add((*rows[0], rt(0.92, f"{n}/{of}", size=SMALL - 1)), *rows[1:])


def _address(page: Sheet, rng: random.Random, x: float = 0.08) -> str:
    (title, _, surname), lines = person(rng)
    page.add(*((t(x, line),) for line in lines)).gap()
    return f"{title} {surname}"


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _head(page: Sheet, org: Org, style: Style) -> None:
    """The name on the left; the address and telephone in one small line under it."""
    page.add((t(0.08, org.name, True, size=style.point + 3),))
    page.add((t(0.08, f"{org.street}  |  {org.town}  |  {org.phone}", size=SMALL),)).rule()


# -- the six settings ---------------------------------------------------------------------------


def _footer_only(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A "Dear Customer" letter from a department and a PO box, signed by a team: the firm
    is named only in the registered-office line at the foot."""
    org = letter.org
    page = Sheet(style)
    page.add((rt(0.92, org.team, True, size=style.point + 1),))
    page.add((rt(0.92, org.street, size=SMALL + 0.5),), (rt(0.92, org.town, size=SMALL + 0.5),),
             (rt(0.92, f"Telephone {org.phone}", size=SMALL + 0.5),)).gap()  # fmt: skip
    _address(page, rng)
    page.add((t(0.08, letter.when(letter.date)),))
    page.add((t(0.08, f"{letter.ref_label}: {letter.ref}"),)).gap()
    page.add((t(0.08, "Dear Customer,"),)).gap()
    page.add((t(0.08, letter.title, True),)).gap()
    _prose(page, letter.paras[:2])
    for label, value in letter.facts:
        page.add((t(0.14, label), rt(0.8, value, True)))
    page.gap()
    _prose(page, letter.paras[2:])
    page.add((t(0.08, "Yours faithfully,"),)).gap()
    page.add((t(0.08, f"{org.team} Team", True),))
    _foot(page, org, 1, 1)
    return [page]


def _invoice(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """An invoice: its number, date and the account in right-aligned labels beside the
    address, lines with net, VAT and gross (or one amount), a totals block."""
    org, bill = letter.org, letter.bill
    assert bill is not None
    page = Sheet(style)
    page.add((t(0.08, org.name, True, size=style.point + 2), rt(0.92, bill.word, True, size=style.point + 7)))  # fmt: skip
    page.add((t(0.08, f"{org.street}, {org.town}", size=SMALL),), (t(0.08, f"Telephone {org.phone}", size=SMALL),))  # fmt: skip
    page.gap()
    _, lines = person(rng)
    block = [(f"{bill.word.title()} no.:", bill.number), ("Date:", letter.when(letter.date)),
             (f"{letter.ref_label}:", letter.ref), ("Page:", "1 of 1")]  # fmt: skip
    size = SMALL + 1.5
    for line, pair in zip_longest(lines, block):
        row: Row = (t(0.08, line),) if line else ()
        if pair:
            row += (rt(0.7, pair[0], size=size), t(0.72, pair[1], True, size=size))
        page.add(row)
    page.gap()
    page.add((t(0.08, letter.title, True),)).gap()
    top = len(page.rows)
    if bill.vat is None:
        page.add((t(0.1, "Description", True, size=size), rt(0.9, "Amount £", True, size=size))).rule(0.08, 0.92)  # fmt: skip
        for what, net in bill.lines:
            page.add((t(0.1, what, size=size), rt(0.9, plain(net), size=size)))
    else:
        page.add((t(0.1, "Description", True, size=size), rt(0.6, "Net £", True, size=size),
                  rt(0.75, f"VAT {bill.vat:.0%} £", True, size=size), rt(0.9, "Gross £", True, size=size))).rule(0.08, 0.92)  # fmt: skip
        for what, net in bill.lines:
            vat = round(net * bill.vat)
            page.add((t(0.1, what, size=size), rt(0.6, plain(net), size=size), rt(0.75, plain(vat), size=size),
                      rt(0.9, plain(net + vat), size=size)))  # fmt: skip
    page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92))
    page.gap()
    net = sum(n for _, n in bill.lines)
    totals = [("Total net", plain(net))]
    if bill.vat is not None:
        totals.append(("Total VAT", plain(letter.owed - net)))
    for label, value in totals:
        page.add((rt(0.72, label, size=size), rt(0.9, value, size=size)))
    page.add((rt(0.72, "Amount due", True), rt(0.9, pounds(letter.owed), True))).gap()
    _prose(page, letter.paras)
    for label, value in letter.facts[1:]:
        page.add((t(0.08, label), t(0.5, value, True)))
    _foot(page, org, 1, 1)
    return [page]


def code_line(ref: str, owed: int) -> str:
    """A machine-readable line: the reference's digits, the sum in pence (ten digits) and
    a check pair."""
    numbers = "".join(c for c in ref if c.isdigit()) or "0"
    check = sum(int(c) for c in numbers + str(owed)) % 97
    return f"{numbers}  {owed:010d}  {check:02d}>"


def _reply(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The letter above a cut line; a reply form with dotted blanks and a code line."""
    org = letter.org
    page = Sheet(style)
    page.add((ct(0.5, org.name, True, size=style.point + 2),))
    page.add((ct(0.5, f"{org.street}, {org.town}. Telephone {org.phone}", size=SMALL),)).rule()
    page.gap()
    (title, first, surname), lines = person(rng)
    page.add((t(0.08, lines[0]), rt(0.92, letter.when(letter.date))), *((t(0.08, line),) for line in lines[1:]))  # fmt: skip
    page.gap()
    page.add((t(0.08, f"{letter.ref_label}: {letter.ref}", True),)).gap()
    page.add((t(0.08, f"Dear {title} {surname},"),)).gap()
    page.add((t(0.08, letter.title, True),)).gap()
    _prose(page, letter.paras)
    for label, value in letter.facts:
        page.add((t(0.08, label), t(0.55, value, True)))
    page.gap()
    page.add((t(0.08, "Yours sincerely,"),), (t(0.08, letter.signed or org.team, True),)).gap()
    page.rule(0.04, 0.96, dashed=True)
    page.add((ct(0.5, "Please detach this part and return it to us", italic=True, size=SMALL),))
    size = SMALL + 1.5
    page.add((t(0.08, "REPLY FORM", True), rt(0.92, f"Return to: FREEPOST {org.team.upper()}", size=SMALL))).gap()  # fmt: skip
    page.add((t(0.08, f"Name: {title} {first} {surname}", size=size), t(0.52, f"{letter.ref_label}: {letter.ref}", size=size)))  # fmt: skip
    if letter.owed:
        page.add((t(0.08, f"Amount owed: {pounds(letter.owed)}", size=size),))
    page.add((t(0.08, "Telephone ........................................", size=size),
              t(0.52, "E-mail ........................................", size=size)))  # fmt: skip
    page.add((t(0.08, "I can pay £ .................. each month, starting on ....... / ....... / .............", size=size),))  # fmt: skip
    page.add((t(0.08, "Signed ..................................................", size=size),
              t(0.52, "Date ....... / ....... / .............", size=size))).gap()  # fmt: skip
    page.add((ct(0.5, code_line(letter.ref, letter.owed), size=SMALL + 1),))
    _foot(page, org, 1, 1)
    return [page]


def _aligned(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A notice whose details sit in a block of right-aligned labels ending in colons, the
    values left-aligned beside them."""
    org = letter.org
    page = Sheet(style)
    page.add((t(0.08, org.name, True, size=style.point + 2.5), rt(0.92, org.street, size=SMALL)))
    page.add((rt(0.92, org.town, size=SMALL),), (rt(0.92, org.phone, size=SMALL),)).rule().gap()
    salutation = _address(page, rng)
    page.add((ct(0.5, letter.title.upper(), True, size=style.point + 0.5),)).gap()
    top = len(page.rows)
    for label, value in [
        ("Date", letter.when(letter.date)),
        (letter.ref_label, letter.ref),
        *letter.facts,
    ]:
        page.add((rt(0.45, f"{label}:"), t(0.47, value, True)))
    page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92))
    page.gap()
    page.add((t(0.08, f"Dear {salutation}"),)).gap()
    _prose(page, letter.paras)
    page.add((t(0.08, "Yours sincerely"),)).gap()
    page.add((t(0.08, letter.signed or org.team, True),))
    _foot(page, org, 1, 1)
    return [page]


def _american(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """An American-owned firm's house style: month-first date, "RE:" and "Account #:",
    "Dear Mr Surname:", "Sincerely,"."""
    org = letter.org
    page = Sheet(style)
    page.add((t(0.08, org.name, True, size=style.point + 2.5),))
    page.add((t(0.08, org.owner, italic=True, size=SMALL),))
    page.add((t(0.08, f"{org.street}, {org.town}  -  {org.phone}", size=SMALL),)).rule().gap()
    page.add((t(0.08, american(letter.date)),)).gap()
    salutation = _address(page, rng)
    page.add((t(0.08, "RE:", True), t(0.16, letter.title, True)))
    page.add((t(0.16, "Account #:"), t(0.4, letter.ref)))
    for label, value in letter.facts:
        page.add((t(0.16, f"{label}:"), t(0.4, value)))
    page.gap()
    page.add((t(0.08, f"Dear {salutation}:"),)).gap()
    _prose(page, letter.paras)
    page.add((t(0.08, "Sincerely,"),)).gap()
    page.add((t(0.08, letter.signed or org.team, True),), (t(0.08, org.name, size=SMALL + 1),))
    _foot(page, org, 1, 1)
    return [page]


AGES = ("Current", "1-30 days", "31-60 days", "61-90 days", "Over 90 days")


def aged(rng: random.Random, owed: int) -> list[int]:
    """``owed`` split over the five ages (the oldest the largest, some nil)."""
    weights = [rng.choice((0, 0, 1, 2)), rng.randrange(1, 4), rng.randrange(1, 4), rng.randrange(2, 5), rng.randrange(3, 7)]  # fmt: skip
    whole = sum(weights)
    parts = [owed * w // whole for w in weights]
    parts[-1] += owed - sum(parts)
    return parts


def _aged(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A trade-style statement letter with an aged analysis of the debt across the page."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    salutation = _address(page, rng)
    page.add((t(0.08, f"{letter.ref_label}: {letter.ref}"), rt(0.92, f"Statement date: {letter.when(letter.date)}"))).gap()  # fmt: skip
    page.add((t(0.08, letter.title, True),)).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras[:2])
    size = SMALL + 1
    page.add((t(0.08, "Aged analysis of your account", True, size=size),))
    xs = (0.22, 0.34, 0.47, 0.6, 0.75, 0.91)
    top = len(page.rows)
    page.add(
        tuple(
            rt(x, head, True, size=size) for x, head in zip(xs, (*AGES, "Total due"), strict=True)
        )
    )
    parts = aged(rng, letter.owed)
    page.add((*(rt(x, plain(p), size=size) for x, p in zip(xs, parts, strict=False)), rt(xs[-1], plain(letter.owed), True, size=size)))  # fmt: skip
    page.rects.append(Rect(top, top + 1, 0.08, 0.92))
    page.gap()
    for label, value in letter.facts[1:]:
        page.add((t(0.08, label), t(0.55, value, True)))
    page.gap()
    _prose(page, letter.paras[2:])
    page.add((t(0.08, "Yours sincerely"),)).gap()
    page.add((t(0.08, letter.signed or org.team, True),))
    _foot(page, org, 1, 1)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "footer": _footer_only,
    "invoice": _invoice,
    "reply": _reply,
    "aligned": _aligned,
    "american": _american,
    "aged": _aged,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.ref)) % len(STYLES)]
    sheets = KINDS[kinds[i % 2]](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


def _when(rng: random.Random, i: int, kinds: tuple[str, str]) -> Callable[[dt.date], str]:
    """The American-owned firms write month first; the rest one UK shape a document."""
    if kinds[i % 2] == "american":
        return american
    return rng.choice(UK_SHAPES)


# -- organisations (none named by A-Y) ----------------------------------------------------------


def _co(name: str, number: str, office: str, extra: str = "") -> str:
    return (
        f"{name}. Registered in England and Wales no. {number}. Registered office: {office}.{extra}"
    )


FCA = " Authorised and regulated by the Financial Conduct Authority."
CARD = Org("Wearmouth Card Services Ltd", "PO Box 2218", "Sunderland SR9 2AX", "0191 500 7731",
           _co("Wearmouth Card Services Ltd", "10558214", "Keel Square, Sunderland SR1 3HA", FCA), "Card Services")  # fmt: skip
US_CARD = Org("Lumenbrook Credit UK Ltd", "Quayside House, Sandhill", "Newcastle upon Tyne NE1 3RF", "0191 460 2290",
              _co("Lumenbrook Credit UK Ltd", "11873025", "Quayside House, Sandhill, Newcastle upon Tyne NE1 3RF", FCA),
              "Customer Care", "A Lumenbrook Financial Inc. company (Wilmington, Delaware)")  # fmt: skip
CLAIMANT = Org("Tyne Valley Vehicle Finance Ltd", "Prudhoe Road", "Hexham NE46 1QW", "01434 608 215",
               _co("Tyne Valley Vehicle Finance Ltd", "09921446", "Prudhoe Road, Hexham NE46 1QW", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court at Sunderland", "Vine Place", "Sunderland SR1 3NA", "0300 123 1751",
                  "HM Courts and Tribunals Service. Please quote the claim number on every letter.", "Court Office")  # fmt: skip
HIRE = Org("Consett Access Platforms Ltd", "Berry Edge Road", "Consett DH8 5EU", "01207 588 310",
           _co("Consett Access Platforms Ltd", "07734920", "Berry Edge Road, Consett DH8 5EU"))  # fmt: skip
JUDGMENT_COURT = Org("County Court at Carlisle", "Earl Street", "Carlisle CA1 1DJ", "0300 123 1751",
                     "HM Courts and Tribunals Service. Payments are made to the claimant, not to the court.", "Court Office")  # fmt: skip
TYNE_GAP = Org("Tyne Gap District Council", "Revenues, Beaumont Street", "Haltwhistle NE49 0AZ", "01434 320 990",
               team="Revenues Team")  # fmt: skip
ENFORCER = Org("Derwentside Civil Enforcement Ltd", "PO Box 611", "Consett DH8 9WY", "01207 441 060",
               _co("Derwentside Civil Enforcement Ltd", "13348862", "Front Street, Consett DH8 5AB", " Certificated enforcement agents."), "Compliance")  # fmt: skip
MERCHANT = Org("Eden Valley Fencing and Timber Ltd", "Gilwilly Industrial Estate", "Penrith CA11 9BN", "01768 899 402",
               _co("Eden Valley Fencing and Timber Ltd", "05560178", "Gilwilly Industrial Estate, Penrith CA11 9BN"), "Credit Control")  # fmt: skip
COUNCILS = (
    Org("Wansbeck Valley District Council", "Council Tax, Civic Centre, Station Road", "Ashington NE63 8RX", "01670 520 410", team="Council Tax Section"),
    Org("Kentdale District Council", "Council Tax, Lowther Street", "Kendal LA9 4DQ", "01539 717 300", team="Council Tax Section"),
)  # fmt: skip
ENERGY = Org("Tees Mouth Energy Ltd", "PO Box 3307", "Redcar TS10 9EH", "0800 032 6614",
             _co("Tees Mouth Energy Ltd", "12209381", "Warrenby Works, Redcar TS10 5QW"), "Billing")  # fmt: skip
WATER = Org("Solway and Eden Water Ltd", "Willowholme", "Carlisle CA2 5RR", "0800 088 1932",
            _co("Solway and Eden Water Ltd", "04470655", "Willowholme, Carlisle CA2 5RR"), "Credit Control")  # fmt: skip
MAGISTRATES = Org("North Pennines Magistrates' Court", "Fines Office, Front Street", "Alston CA9 3HU", "0300 790 4418",
                  "HM Courts and Tribunals Service - North East fines collection.", "Fines Officer")  # fmt: skip
LENDER = Org("Hexhamshire Personal Loans Ltd", "Fore Street", "Hexham NE46 1LZ", "01434 619 903",
             _co("Hexhamshire Personal Loans Ltd", "08815530", "Fore Street, Hexham NE46 1LZ", FCA))  # fmt: skip
BUYER = Org("Keelman Portfolio Recovery UK Ltd", "PO Box 5520", "Gateshead NE8 9HQ", "0191 338 4101",
            _co("Keelman Portfolio Recovery UK Ltd", "14409217", "Baltic Place, Gateshead NE8 3BA", FCA),
            "Account Services", "A Keelman Holdings Inc. company (Phoenix, Arizona)")  # fmt: skip
SOLWAY = Org("Solway Plain Borough Council", "Benefits, The Hub, Curzon Street", "Maryport CA15 6LL", "01900 702 600",
              team="Sundry Debtors")  # fmt: skip
SOCIETY = Org("Ouseburn Building Society", "PO Box 77", "Newcastle upon Tyne NE99 1SB", "0191 260 5588",
              "Ouseburn Building Society, Lime Street, Newcastle upon Tyne NE1 2PQ, is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 206614).", "Mortgage Support")  # fmt: skip
HOMES = Org("Lanchester Homes Trust", "Income Team, Front Street", "Lanchester DH7 0LA", "01207 521 840",
            "Lanchester Homes Trust, a registered provider of social housing (4702) and a charitable community benefit society.", "Income Team")  # fmt: skip
CATALOGUE = Org("Grainger Street Home Shopping Ltd", "Grainger Street", "Newcastle upon Tyne NE1 5JQ", "0345 303 8812",
                _co("Grainger Street Home Shopping Ltd", "06651189", "Grainger Street, Newcastle upon Tyne NE1 5JQ", FCA), "Accounts")  # fmt: skip
BNPL = Org("Tallybird Pay UK Ltd", "Hanover Square", "Newcastle upon Tyne NE1 3AS", "0191 691 2275",
           _co("Tallybird Pay UK Ltd", "15118402", "Hanover Square, Newcastle upon Tyne NE1 3AS", FCA),
           "Collections", "A Tallybird Inc. company (Austin, Texas)")  # fmt: skip
ROOFER = Org("Ravensworth Roofing and Joinery Ltd", "Lamesley Road", "Gateshead NE11 0ES", "0191 487 3320",
             _co("Ravensworth Roofing and Joinery Ltd", "08102263", "Lamesley Road, Gateshead NE11 0ES"))  # fmt: skip
SOLICITORS = Org("Milburn Heron Solicitors LLP", "Debt Recovery, Bridge Street", "Morpeth NE61 1NT", "01670 515 744",
                 "Milburn Heron Solicitors LLP (OC412270), Bridge Street, Morpeth NE61 1NT, is authorised and regulated by the Solicitors Regulation Authority (no. 644187).", "Debt Recovery")  # fmt: skip
EMPLOYERS = (
    Org("Tyne Dock Cranes Ltd", "Payroll, Tyne Dock", "South Shields NE34 9PT", "0191 427 6610",
        _co("Tyne Dock Cranes Ltd", "03390716", "Tyne Dock, South Shields NE34 9PT"), "Payroll"),
    Org("Borrowdale Slate Quarries Ltd", "Wages Office, Honister Road", "Keswick CA12 5XN", "017687 77 230",
        _co("Borrowdale Slate Quarries Ltd", "02261947", "Honister Road, Keswick CA12 5XN"), "Wages Office"),
)  # fmt: skip
BANK = Org("Lindisfarne Bank plc", "Statements, Marygate", "Berwick-upon-Tweed TD15 1BN", "0345 640 2217",
           _co("Lindisfarne Bank plc", "01990428", "Marygate, Berwick-upon-Tweed TD15 1BN", " Eligible deposits are protected by the FSCS."), "Statements")  # fmt: skip
ESA = Org("Department for Work and Pensions", "Employment and Support Allowance", "Sunderland SR99 1AA", "0800 169 0310",
          "Employment and Support Allowance is paid by the Department for Work and Pensions.", "ESA Centre")  # fmt: skip
JSA = Org("Department for Work and Pensions", "Jobcentre Plus, Jobseeker's Allowance", "Newcastle upon Tyne NE98 1YX", "0800 169 0190",
          "Jobseeker's Allowance is paid by the Department for Work and Pensions.", "Jobcentre Plus")  # fmt: skip
GYM = Org("IronPeak Fitness UK Ltd", "Eldon Square", "Newcastle upon Tyne NE1 7XX", "0191 640 7718",
          _co("IronPeak Fitness UK Ltd", "13877521", "Eldon Square, Newcastle upon Tyne NE1 7XX"), "Member Services",
          "An IronPeak Clubs Inc. company (Denver, Colorado)")  # fmt: skip
FELL = Org("Blencathra Fell Runners", "c/o The Old Chapel, Threlkeld", "Keswick CA12 4SQ", "07700 900 612",
           "Blencathra Fell Runners is affiliated to the Fell Runners Association.", "Race Secretary")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A Wearside card company (footer only) or a Delaware-owned card issuer (American)."""
    kinds = ("footer", "american")
    when = _when(rng, i, kinds)
    date, owed = dated(rng), balance(rng)
    org = CARD if i % 2 == 0 else US_CARD
    ref, by = (
        f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}",
        later(date, 14),
    )
    letter = Letter(
        org=org, title="Missed payments on your credit card", date=date, when=when,
        truth=owes(C.CREDITOR_LETTER, org.name, ref, owed, date, deadline_date=by),
        ref_label="Card account number", ref=ref, owed=owed,
        facts=[("Balance in arrears", pounds(owed)), ("Get in touch with us before", when(by))],
        paras=("We have not received the minimum payments due on your card for the last three months, and the card has been suspended.",
               f"The balance in arrears is {pounds(owed)}. Please pay it, or contact us to agree an affordable plan, by {when(by)}.",
               "If we do not hear from you we may end your agreement and register a default with the credit reference agencies. You can get free debt advice from MoneyHelper."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 3)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("aligned", "reply")
    when = _when(rng, i, kinds)
    date = dated(rng)
    claimed = balance(rng, 90_000, 1_200_000)
    fee, costs = rng.choice((11_500, 20_500, 45_500)), rng.choice((8_000, 10_000, 11_000))
    total = claimed + fee + costs
    ref, claim = f"TVVF/{digits(rng, 6)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="Notice of issue of a money claim", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Claim number", ref=claim, owed=total,
        facts=[("Total amount claimed", pounds(total)), ("Claimant", CLAIMANT.name), ("Reference given by the claimant", ref),
               ("Debt under the agreement", pounds(claimed)), ("Issue fee paid by the claimant", pounds(fee)), ("Solicitor's fixed costs", pounds(costs)),
               ("Treated as served on", when(served)), ("Your response must reach the court by", when(by))],
        paras=(f"{CLAIMANT.name} has issued a claim against you for money owed under a conditional sale agreement (the claimant's reference is {ref}).",
               f"The debt is {pounds(claimed)}; with the court fee of {pounds(fee)} and costs of {pounds(costs)}, the total amount claimed is {pounds(total)}.",
               f"The claim is treated as served on {when(served)}. You must respond by {when(by)}, or the claimant may ask the court to enter judgment against you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("reply", "aligned")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 45_000, 1_250_000)
    ref, claim = f"CAP-{digits(rng, 5)}", _claim_no(rng)
    monthly, by = rng.choice((3_000, 6_000, 12_500)), later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    how = (f"to pay {pounds(owed)} to the claimant by {when(by)}" if extra
           else f"to pay {pounds(owed)} to the claimant by monthly instalments of {pounds(monthly)}")  # fmt: skip
    facts = [
        ("Amount of the judgment", pounds(owed)),
        ("Claimant", HIRE.name),
        ("Reference given by the claimant", ref),
    ]
    facts += (
        [("Pay the whole amount by", when(by))]
        if extra
        else [("Monthly instalments", pounds(monthly))]
    )
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment for the claimant in default of a response", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, HIRE.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Claim number", ref=claim, facts=facts, owed=owed,
        paras=(f"You have not responded to the claim made by {HIRE.name} (its reference {ref}), so judgment has been entered against you.",
               f"The court orders you {how}.",
               "If you pay in full within one month the judgment will not stay on the Register of Judgments, Orders and Fines."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kinds = ("aligned", "footer")
    when = _when(rng, i, kinds)
    date = dated(rng)
    order = balance(rng, 20_000, 250_000)
    owed = order + 7_500
    case, by = f"DCE{digits(rng, 7)}", later(date, 7)
    letter = Letter(
        org=ENFORCER, title="Enforcement notice: unpaid council tax (compliance stage)", date=date, when=when,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, TYNE_GAP.name, case, owed, date, deadline_date=by),
        ref_label="Enforcement reference", ref=case, owed=owed,
        facts=[("Total now payable", pounds(owed)), ("Creditor", TYNE_GAP.name), ("Council tax owed under the order", pounds(order)),
               ("Fee for the compliance stage", pounds(7_500)), ("Clear the full amount by", when(by))],
        paras=(f"{TYNE_GAP.name} obtained a liability order against you for unpaid council tax and has instructed us to collect it.",
               f"The liability order is for {pounds(order)}. A compliance fee of {pounds(7_500)} has been added, so you now owe {pounds(owed)}.",
               f"Pay in full, or call us to agree a plan, by {when(by)}. If you do not, an enforcement agent may visit you and further fees will be added."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("aged", "aligned")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 520_000, 2_600_000)
    ref, by = f"EVF{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=MERCHANT, title="Statutory demand under section 268 of the Insolvency Act 1986", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, MERCHANT.name, ref, owed, date, deadline_date=by),
        ref_label="Trade ledger account", ref=ref, owed=owed,
        facts=[("Sum the creditor demands", pounds(owed)), ("Pay or secure the debt by", when(by))],
        paras=("Fencing, timber and gates were supplied to you on credit and the invoices on your trade account are unpaid.",
               f"The creditor demands payment of {pounds(owed)}, or that you secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition against you. You may apply to have this demand set aside within 18 days of its service."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("invoice", "reply")
    org = COUNCILS[i % 2]
    when = _when(rng, i, kinds)
    date = dated(rng)
    ref, by = f"{digits(rng, 8)}", later(date, 7)
    first = rng.randrange(9_000, 24_000)
    second = rng.randrange(9_000, 24_000)
    owed = first + second
    bill = Bill("REMINDER", f"R{digits(rng, 6)}", [(f"Instalment due 1 {later(date, -40):%B}", first), (f"Instalment due 1 {later(date, -10):%B}", second)])  # fmt: skip
    letter = Letter(
        org=org, title="Council Tax: you have missed instalments", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Council Tax payer reference", ref=ref, owed=owed, bill=bill,
        facts=[("Instalments you have missed", pounds(owed)), ("Pay the overdue instalments by", when(by))],
        paras=("Our records show that the Council Tax instalments due on your account have not been paid.",
               f"You now owe {pounds(owed)} in overdue instalments. Please pay this by {when(by)} and you can carry on paying by instalments.",
               "If you do not pay, you will lose the right to pay by instalments and we may ask the magistrates' court for a liability order, adding costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _vat_lines(owed: int, rate: float, what: Sequence[str]) -> list[tuple[str, int]]:
    """About ``owed`` (VAT included) as net lines, six tenths on the first."""
    net = round(owed / (1 + rate))
    first = net * 6 // 10
    return list(zip(what, (first, net - first), strict=True))


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("invoice", "footer")
    when = _when(rng, i, kinds)
    date = dated(rng)
    ref, by = f"{digits(rng, 10)}", later(date, 14)
    target = balance(rng, 4_500, 60_000)
    lines = _vat_lines(
        target, 0.05, ("Electricity used and standing charge", "Gas used and standing charge")
    )
    owed = sum(net + round(net * 0.05) for _, net in lines)
    letter = Letter(
        org=ENERGY, title="Your gas and electricity invoice", date=date, when=when,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Energy account no.", ref=ref, owed=owed, bill=Bill("INVOICE", f"INV{digits(rng, 8)}", lines, 0.05),
        facts=[("Total to pay for this bill", pounds(owed)), ("We must receive payment by", when(by))],
        paras=("This bill covers the electricity and gas used at your home since your last bill, with VAT at 5%.",
               f"The amount of this bill is {pounds(owed)}. Please pay it by {when(by)}.",
               "If you are worried about paying, call us: we can set up a payment plan or tell you about grants."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("aged", "reply")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 11_000, 150_000)
    ref, by = f"SEW-{digits(rng, 4)}-{digits(rng, 4)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Your water and sewerage charges are overdue", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Water customer reference", ref=ref, owed=owed,
        facts=[("Charges now overdue", pounds(owed)), ("Pay, or speak to us, by", when(by))],
        paras=("We have written to you before about the water and sewerage charges on your account, which remain unpaid.",
               f"Your overdue charges are {pounds(owed)}. Please pay, or contact us by {when(by)} to spread the cost or ask about our assistance tariff.",
               "If we do not hear from you, we may pass the debt to a collection agency, and this may affect your credit rating."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("aligned", "reply")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 8_000, 170_000)
    ref, by = f"{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 6)}", later(date, 14)
    letter = Letter(
        org=MAGISTRATES, title="Final notice: unpaid court fine", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Fine account", ref=ref, owed=owed,
        facts=[("Still to pay on the fine", pounds(owed)), ("Pay or contact the fines office by", when(by))],
        paras=("The court ordered you to pay a fine, costs and a victim surcharge, and the payments have not been made.",
               f"The balance outstanding is {pounds(owed)}. Pay it, or contact the fines office, by {when(by)}.",
               "If you do not, the court may take the money from your earnings or benefits, or issue a warrant to enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("american", "footer")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 26_000, 780_000)
    ref, old = f"{digits(rng, 10)}", f"HPL{digits(rng, 7)}"
    letter = Letter(
        org=BUYER, title="Your loan has been assigned to a new owner", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="Account number with us now", ref=ref, owed=owed,
        facts=[("Balance at assignment", pounds(owed)), ("Assigned to us by", LENDER.name), ("Loan number before assignment", old)],
        paras=(f"{LENDER.name} has assigned your loan agreement {old} to us, and the money is now owed to us instead.",
               f"The balance assigned to us is {pounds(owed)}. No interest or charges will be added.",
               "Please quote your new account number whenever you pay or contact us. Any arrangement you had in place will continue."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("invoice", "aligned")
    when = _when(rng, i, kinds)
    date = dated(rng)
    weeks = rng.randrange(6, 40)
    weekly = rng.randrange(1_800, 9_500)
    owed = weeks * weekly
    ref, by = f"SD{digits(rng, 7)}", later(date, 21)
    start = later(date, -7 * (weeks + 6))
    bill = Bill(
        "INVOICE",
        f"{digits(rng, 8)}",
        [(f"Housing Benefit overpaid, {weeks} weeks from {day_month(start)}", owed)],
    )
    letter = Letter(
        org=SOLWAY, title="Sundry debtor invoice: Housing Benefit overpaid", date=date, when=when,
        truth=owes(C.OVERPAYMENT, SOLWAY.name, ref, owed, date, deadline_date=by),
        ref_label="Debtor reference", ref=ref, owed=owed, bill=bill,
        facts=[("Housing Benefit to be repaid", pounds(owed)), ("Pay or arrange to repay by", when(by))],
        paras=("Your Housing Benefit has been reassessed because your earnings went up, and you have been paid more than you were entitled to.",
               f"The overpayment to repay is {pounds(owed)}. Please pay, or arrange to repay it, by {when(by)}.",
               "You can ask us to explain the decision or appeal against it within one month of the date of this invoice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("footer", "reply")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 60_000, 900_000)
    monthly = rng.randrange(42_000, 160_000)
    ref = f"{digits(rng, 7)}/{digits(rng, 2)}"
    letter = Letter(
        org=SOCIETY, title="Arrears on your mortgage account", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Your mortgage reference", ref=ref, owed=owed,
        facts=[("Arrears", pounds(owed)), ("Monthly payment under your offer", pounds(monthly))],
        paras=("Your mortgage payments have fallen behind, and we would like to help you put things right.",
               f"The arrears on your mortgage are {pounds(owed)}. Your contractual monthly payment is {pounds(monthly)}.",
               "Please call our Mortgage Support team to talk about a plan. We will only ever take possession of a home as a last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("aged", "reply")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 9_000, 320_000)
    weekly = rng.randrange(8_500, 15_500)
    ref = f"LHT{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="Action needed on your rent balance", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Tenancy rent reference", ref=ref, owed=owed,
        facts=[("Rent owed to date", pounds(owed)), ("Rent charged each week", pounds(weekly))],
        paras=("Your rent has not been paid in full for several weeks.",
               f"Your rent arrears are {pounds(owed)}; your weekly rent is {pounds(weekly)}. Please contact the Income Team to agree how you will clear them.",
               "If your Universal Credit or your hours at work have changed, tell us. We can refer you for free money advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("american", "aged")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 2_500, 140_000)
    by = later(date, 10)
    if i % 2 == 0:
        org, ref, title = (
            BNPL,
            f"TB-{letters(rng, 2)}{digits(rng, 6)}",
            "Missed payments on your purchase plan",
        )
        first = "The last two payments on your purchase plan could not be taken from your card."
    else:
        org, ref, title = (
            CATALOGUE,
            f"{digits(rng, 3)}-{digits(rng, 6)}",
            "Your shopping account is behind",
        )
        first = (
            "Payments on your shopping account are behind, so we have stopped new orders for now."
        )
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Your account reference", ref=ref, owed=owed,
        facts=[("Amount past due", pounds(owed)), ("Clear the missed payments by", when(by))],
        paras=(first,
               f"The amount past due is {pounds(owed)}. Please bring your account up to date by {when(by)} to avoid late fees and a report to the credit reference agencies.",
               "If you are struggling, tell us and we will hold the account for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("aged", "aligned")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 60_000, 1_400_000)
    ref, by = f"RRJ{digits(rng, 5)}", later(date, 30)
    letter = Letter(
        org=SOLICITORS, title="Letter before claim: roofing and joinery invoice", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, ROOFER.name, ref, owed, date, deadline_date=by),
        ref_label="Client's customer account", ref=ref, owed=owed, signed="Milburn Heron Solicitors LLP",
        facts=[("Amount our client claims", pounds(owed)), ("We act for", ROOFER.name), ("Reply to us by", when(by))],
        paras=(f"We are instructed by {ROOFER.name}, which re-roofed your property and invoiced you when the work was finished.",
               f"Our client claims {pounds(owed)}. Under the Pre-Action Protocol for Debt Claims, please fill in the enclosed reply form and reply to us by {when(by)}.",
               "If you do not reply, our client may start court proceedings without further warning and claim interest and costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def payslip(rng: random.Random, i: int) -> Doc:
    """Right-aligned labels down the page (even) or an earnings statement with hours and
    rates (odd)."""
    org, date = EMPLOYERS[i % 2], dated(rng)
    when = rng.choice(UK_SHAPES)
    frequency = ("weekly", "monthly", "fortnightly", "four_weekly")[i % 4]
    scale = {"weekly": 1, "fortnightly": 2, "four_weekly": 4, "monthly": 4.33}[frequency]
    hours = round(37.5 * scale, 2)
    rate = rng.randrange(1_150, 1_900)
    basic = round(hours * rate)
    extra = rng.randrange(0, 8_500)
    gross = basic + extra
    tax, ni, pension = gross * 12 // 100, gross * 5 // 100, gross * 3 // 100
    net = gross - tax - ni - pension
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    style = STYLES[(i + 1) % len(STYLES)]
    page = Sheet(style)
    size = SMALL + 1.5
    if i % 2 == 0:
        _head(page, org, style)
        page.gap()
        page.add((ct(0.5, "PAY ADVICE", True, size=style.point + 1),)).gap()
        top = len(page.rows)
        rows = [("Employee", f"{first} {surname}"), ("Employee no.", digits(rng, 6)), ("Pay date", when(date)),
                ("Paid", FREQUENCY_SHOWN[frequency][0]), ("Tax code", f"{rng.choice(('1257L', 'BR', '1185L'))}")]  # fmt: skip
        for label, value in rows:
            page.add((rt(0.42, f"{label}:", size=size), t(0.45, value, True, size=size)))
        page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92))
        page.gap()
        for label, pence in (("Basic pay", basic), ("Overtime and shift pay", extra), ("Gross pay", gross),
                             ("PAYE income tax", tax), ("National Insurance", ni), ("Pension contribution", pension)):  # fmt: skip
            page.add((rt(0.42, label, label == "Gross pay", size=size), rt(0.62, plain(pence), label == "Gross pay", size=size)))  # fmt: skip
        page.rule(0.3, 0.64)
        page.add((rt(0.42, "Net pay", True), rt(0.62, pounds(net), True))).gap()
        page.para(f"Your net pay of {pounds(net)} has been paid to your bank {FREQUENCY_SHOWN[frequency][1]}; this payment on {when(date)}.", x=0.08)  # fmt: skip
    else:
        page.add(
            (
                t(0.08, org.name, True, size=style.point + 2),
                rt(0.92, "Pay and hours statement", True),
            )
        )
        page.add((t(0.08, f"{org.street}, {org.town}", size=SMALL), rt(0.92, f"Payment date {when(date)}", size=size))).rule()  # fmt: skip
        page.gap()
        page.add((t(0.08, f"{first} {surname}", size=size), t(0.45, f"Payroll no. {digits(rng, 5)}", size=size),
                  rt(0.92, f"Pay frequency: {FREQUENCY_SHOWN[frequency][0]}", size=size))).gap()  # fmt: skip
        top = len(page.rows)
        page.add((t(0.1, "Earnings", True, size=size), rt(0.45, "Hours", True, size=size), rt(0.6, "Rate", True, size=size),
                  rt(0.9, "This period", True, size=size)))  # fmt: skip
        page.add((t(0.1, "Basic hours", size=size), rt(0.45, f"{hours:.2f}", size=size), rt(0.6, plain(rate), size=size), rt(0.9, plain(basic), size=size)))  # fmt: skip
        page.add((t(0.1, "Overtime", size=size), rt(0.9, plain(extra), size=size)))
        page.add(
            (t(0.1, "Total gross pay", True, size=size), rt(0.9, plain(gross), True, size=size))
        )
        page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92))
        page.gap()
        top = len(page.rows)
        page.add((t(0.1, "Deductions", True, size=size), rt(0.9, "This period", True, size=size)))
        for label, pence in (("Income tax", tax), ("Employee NI", ni), ("Pension", pension)):
            page.add((t(0.1, label, size=size), rt(0.9, plain(pence), size=size)))
        page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92))
        page.gap()
        page.add((t(0.1, "Take home pay", True), rt(0.9, pounds(net), True))).gap()
        page.para(
            f"Gross pay {pounds(gross)}, take home pay {pounds(net)}, paid {FREQUENCY_SHOWN[frequency][1]}.",
            x=0.08,
        )
    _foot(page, org, 1, 1)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """A summary of money in and out above the transactions; two pages on odd ones, the
    second opening with a continuation header."""
    date = dated(rng)
    when = rng.choice(UK_SHAPES)
    style = STYLES[i % len(STYLES)]
    start = later(date, -30)
    opening = rng.randrange(4_000, 150_000)
    items = [("TYNE DOCK CRANES WAGES", 0, rng.randrange(90_000, 210_000)), ("DD TEES MOUTH ENERGY", rng.randrange(5_000, 15_000), 0),
             ("CARD FENWICK NEWCASTLE", rng.randrange(900, 7_000), 0), ("SO LANCHESTER HOMES", rng.randrange(40_000, 72_000), 0),
             ("CASH METRO CENTRE", 3_000, 0), ("DD WANSBECK VALLEY DC", rng.randrange(9_000, 17_000), 0),
             ("FP FROM N RIDLEY-COWEN", 0, rng.randrange(1_500, 9_000)), ("CARD GREGGS GATESHEAD", rng.randrange(300, 1_200), 0),
             ("DD GRAINGER ST SHOPPING", rng.randrange(2_500, 8_500), 0), ("DD SOLWAY AND EDEN WATER", rng.randrange(2_800, 7_500), 0)]  # fmt: skip
    paid_out = sum(o for _, o, _ in items)
    paid_in = sum(n for _, _, n in items)
    closing = opening - paid_out + paid_in
    size = SMALL + 1
    head = (t(0.08, "Date", True, size=size), t(0.18, "Description", True, size=size), rt(0.6, "Money out", True, size=size),
            rt(0.75, "Money in", True, size=size), rt(0.92, "Balance", True, size=size))  # fmt: skip
    sheets: list[Sheet] = []
    page = Sheet(style)
    _head(page, BANK, style)
    page.gap()
    _address(page, rng)
    sort, account = f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}", digits(rng, 8)
    page.add(
        (t(0.08, "Current account statement", True), rt(0.92, f"Statement date: {when(date)}"))
    )
    page.add((t(0.08, f"Sort code {sort}   Account {account}", size=size),)).gap()
    top = len(page.rows)
    for label, value in (
        ("Opening balance", opening),
        ("Money out", paid_out),
        ("Money in", paid_in),
        ("Closing balance", closing),
    ):
        page.add((rt(0.4, label, label == "Closing balance", size=size), rt(0.58, plain(value), label == "Closing balance", size=size)))  # fmt: skip
    page.rects.append(Rect(top, len(page.rows) - 1, 0.2, 0.62))
    page.gap()
    page.add(head).rule(0.08, 0.92)
    page.add((t(0.08, f"{start:%d/%m}", size=size), t(0.18, "Opening balance", size=size), rt(0.92, plain(opening), size=size)))  # fmt: skip
    running = opening
    split = 5 if i % 2 else len(items)
    for n, (what, out, into) in enumerate(items):
        if n == split:
            _foot(page, BANK, 1, 2)
            sheets.append(page)
            page = Sheet(style)
            page.add((t(0.08, f"{BANK.name} - continuation sheet", True, size=size), rt(0.92, f"Sort code {sort}  Account {account}  -  page 2", size=size))).rule()  # fmt: skip
            page.gap()
            page.add(head).rule(0.08, 0.92)
        running += into - out
        day = later(start, 2 + n * 3)
        page.add((t(0.08, f"{day:%d/%m}", size=size), t(0.18, what, size=size), rt(0.6, plain(out) if out else "", size=size),
                  rt(0.75, plain(into) if into else "", size=size), rt(0.92, plain(running), size=size)))  # fmt: skip
    page.add((t(0.08, f"{date:%d/%m}", size=size), t(0.18, "Closing balance", True, size=size), rt(0.92, plain(running), True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92).gap()
    page.para("Please check your statement and tell us straight away about anything you do not recognise.", x=0.08, size=SMALL + 0.5)  # fmt: skip
    _foot(page, BANK, len(sheets) + 1, len(sheets) + 1)
    sheets.append(page)
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=sheets, style=style
    )


def benefit(rng: random.Random, i: int) -> Doc:
    """Employment and Support Allowance (even: aligned) or Jobseeker's Allowance (odd:
    reply form)."""
    kinds = ("aligned", "reply")
    when = _when(rng, i, kinds)
    date = dated(rng)
    frequency = ("fortnightly", "weekly")[(i // 2) % 2]
    if i % 2 == 0:
        weekly = rng.choice((9_030, 13_860, 9_240))
        org, title, ref_label = (
            ESA,
            "Your Employment and Support Allowance award",
            "National Insurance number",
        )
        ref = f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}"
        what = "Employment and Support Allowance"
    else:
        weekly = rng.choice((9_055, 7_190, 9_140))
        org, title, ref_label = (
            JSA,
            "Your Jobseeker's Allowance: how much you will get",
            "Claim reference",
        )
        ref = f"JSA{digits(rng, 8)}"
        what = "Jobseeker's Allowance"
    paid = weekly * (2 if frequency == "fortnightly" else 1)
    facts = [("Each payment will be", pounds(paid)), ("Paid", FREQUENCY_SHOWN[frequency][0])]
    paras = (f"We have decided that you are entitled to {what} from {when(later(date, -18))}.",
             f"You will be paid {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]}, into the bank account you told us about.",
             "You must tell us straight away about any change in your circumstances, such as starting work.")  # fmt: skip
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label=ref_label, ref=ref, facts=facts, paras=paras,
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: an American-owned gym's welcome (American), a fell race (reply)."""
    kinds = ("american", "reply")
    when = _when(rng, i, kinds)
    date = dated(rng)
    on = later(date, 12 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=GYM, title="Welcome to your new club", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Member no.", ref=digits(rng, 7), facts=[("Your induction", when(on)), ("Home club", "Eldon Square")],
            paras=(f"Thank you for joining. Your free induction with one of our coaches is booked for {when(on)}.",
                   "Bring your membership card and a water bottle; the app shows the class timetable."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=FELL, title="Entry for the Threlkeld Horseshoe fell race", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Race no.", ref=digits(rng, 3), facts=[("Race day", when(on)), ("Registration", "Threlkeld village hall, 9 am")],
            paras=(f"Thank you for entering the Threlkeld Horseshoe on {when(on)}.",
                   "Full body cover, a map and a compass are compulsory; kit will be checked at registration."),
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
class ZSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_z(per_class: int = 4, *, seed: int = 1823) -> list[ZSample]:
    """``per_class`` documents of every class, held out, family ``<class>:Z``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, ZSample)


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, z_text, z_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class ZScan:
    dpi: int
    skew: float
    """Degrees."""
    fax: bool = False
    """Black and white, with horizontal banding and drop-out lines."""
    colour: bool = False
    """An RGB scan: the headings in colour, a red rubber stamp over the page."""
    app: bool = False
    """A scanner app's JPEG: cream paper, over-sharpened, compressed twice, a sticky note
    on the top edge."""


SCANS = (
    ZScan(dpi=150, skew=0.6, fax=True),
    ZScan(dpi=300, skew=1.2, colour=True),
    ZScan(dpi=200, skew=-0.8, app=True),
)

INK = (28, 28, 34)
HEADING = (18, 62, 120)
"""The colour scan's letterhead and headings (a navy blue)."""
STAMP = (196, 36, 40)


def _paper(scan: ZScan) -> tuple[int, int, int]:
    return (250, 246, 234) if scan.app else (255, 255, 255) if scan.colour else (250, 250, 250)


def _draw(sample: ZSample, n: int, scan: ZScan) -> Image.Image:
    width, height = page_size(sample, scan.dpi)
    image = Image.new("RGB", (width, height), _paper(scan))
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, scan.dpi)
    body = round(sample.style.point / 72 * scan.dpi)
    line = max(1, scan.dpi // 120)
    for rect in sample.rects[n] if sample.rects else ():
        y0 = tops[rect.first] - round(0.2 * body)
        y1 = tops[rect.last] + heights[rect.last] - round(0.2 * body)
        pen.rectangle(
            (round(rect.x0 * width), y0, round(rect.x1 * width), y1), outline=INK, width=line
        )
    for rule in sample.rules[n] if sample.rules else ():
        y = tops[rule.row] - round(0.1 * body) if rule.row < len(tops) else tops[-1] + heights[-1]
        x0, x1 = round(rule.x0 * width), round(rule.x1 * width)
        step = scan.dpi // 25 if rule.dashed else x1 - x0
        for x in range(x0, x1, max(1, step)):
            end = min(x1, x + step // 2) if rule.dashed else x1
            pen.line(
                (x, y, end, y), fill=HEADING if scan.colour and not rule.dashed else INK, width=line
            )
    big = round((sample.style.point + 1) / 72 * scan.dpi)
    for p in PRINT.layout(sample, n, scan.dpi):
        heading = p.cell.bold and p.size >= big
        pen.text(
            (p.left, p.top),
            p.cell.text,
            fill=HEADING if scan.colour and heading else INK,
            font=p.font,
        )
    return image


def _stamp(image: Image.Image, scan: ZScan, seed: int) -> Image.Image:
    """A red rubber stamp, turned a little, printed over the page (multiplied, so the text
    under it stays dark)."""
    width, height = image.size
    font = FONTS.font("palladio", round(16 / 72 * scan.dpi), True, False)
    words = "COPY - FOR YOUR RECORDS"
    w = round(font.getlength(words)) + scan.dpi // 5
    h = round(scan.dpi * 0.45)
    mark = Image.new("RGB", (w, h), (255, 255, 255))
    pen = ImageDraw.Draw(mark)
    pen.rectangle((4, 4, w - 5, h - 5), outline=STAMP, width=max(3, scan.dpi // 60))
    pen.text((scan.dpi // 10, h // 2 - round(font.size * 0.6)), words, fill=STAMP, font=font)
    speckled = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    pixels = mark.load()
    assert pixels is not None
    for _ in range(w * h // 25):  # the stamp's ink is patchy
        pixels[speckled.randrange(w), speckled.randrange(h)] = (255, 255, 255)
    mark = mark.rotate(7, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(255, 255, 255))
    x, y = round(width * 0.5), round(height * 0.62)
    region = image.crop((x, y, x + mark.width, y + mark.height))

    image.paste(ImageChops.multiply(region, mark), (x, y))
    return image


def render(sample: ZSample, n: int, scan: ZScan, seed: int = 0) -> Image.Image:
    image = _draw(sample, n, scan)
    width, height = image.size
    if scan.fax:
        grey = image.convert("L")
        rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
        pixels = grey.load()
        assert pixels is not None
        for _ in range(4):  # bands where the paper reads grey and breaks into dots
            top = rng.randrange(height - scan.dpi // 4)
            for y in range(top, top + rng.randrange(scan.dpi // 20, scan.dpi // 8)):
                for x in range(0, width, 1):
                    if rng.random() < 0.18:
                        pixels[x, y] = min(pixels[x, y], 90)
        pen = ImageDraw.Draw(grey)
        for _ in range(3):  # drop-out lines: a row of the page lost in transmission
            y = rng.randrange(height)
            pen.line((0, y, width, y), fill=255, width=1)
        grey = grey.rotate(scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=250)
        return grey.point(lambda v: 0 if v < 150 else 255).convert("1").convert("L")
    if scan.colour:
        image = _stamp(image, scan, seed)
        return image.rotate(
            scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(235, 235, 235)
        )
    # the scanner app: a sticky note on the top edge, over-sharpened, compressed twice
    pen = ImageDraw.Draw(image)
    x0 = round(width * 0.7)
    pen.rectangle((x0, 0, round(width * 0.97), round(height * 0.038)), fill=(252, 236, 128))
    for k in range(2):  # the end of a pencilled note on it
        y = round(height * (0.012 + 0.013 * k))
        pen.line((x0 + 30, y, x0 + round(width * 0.16), y + 6), fill=(70, 70, 110), width=3)
    image = image.rotate(
        scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(60, 58, 52)
    )
    image = image.filter(ImageFilter.UnsharpMask(radius=2, percent=220, threshold=2))
    once = io.BytesIO()
    image.save(once, format="JPEG", quality=45)
    return Image.open(io.BytesIO(once.getvalue())).convert("RGB")


def z_scanned(sample: ZSample, index: int) -> tuple[bytes, str, ZScan]:
    """Printed and scanned one of three ways: the fax as PDF (every page in one), the
    colour scan as PNG (with its resolution at odd indexes) or PDF when it has two pages,
    the scanner app as JPEG (its first page only when one) or PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 37 + n) for n in range(len(sample.pages))]
    if scan.fax or len(images) > 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    if scan.app:
        return encode_pages(images, "jpeg", scan.dpi), "jpeg", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "ZSample",
    "ZScan",
    "build_z",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
    "z_pages",
    "z_scanned",
    "z_text",
]
