# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AA``, written blind: a twenty-first measure of how the reader
generalises, in a twenty-first hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I`` and
``J``; lettered AA because every single letter is taken).

``AA`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``,
``values_found``, ``FIELDS``), the shared page engine (``corpus_print``), family J's module
and tests (for their conventions, as the task allowed), the shared test helpers
(``tests/unit/documents/blind_families.py``, ``tests/integration/ocr/blind_read.py``), the
reporting code of ``benchmarks/intake_accuracy.py`` and ``benchmarks/openai_accuracy.py``,
J's benchmark registration (the commits that added J) and, by grep only, the module
docstrings of families A-Z, G, E, F, I and J (to avoid their regions, settings, date
shapes, faces and scan effects) -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``, ``prose.py``,
``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``label_learning.py``, ``read_families.py``, ``ranker.py``,
``ranker_training.py``, the Tesseract extractor, the locator, the creditor directory), its
reading tests, nor any account of its misses. It is never used to write rules, to train or
calibrate the classifier or the field ranker (``build_corpus`` never yields it), nor to
choose models: it is measured, and only the aggregate figures go into benchmarks/OCR.md.
Whoever reads its individual misses to change the reader makes ``AA`` no longer blind and
must say so there.

**AA is no longer blind since round 21** (branch ``reader21``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AA
from then on is a training-side figure (benchmarks/OCR.md, "Round 21").

What differs from A-Z, G, E, F, I and J:

* who writes: bodies and firms of the Peak District, the Derbyshire Dales, the
  Staffordshire Moorlands and the Potteries (the Dove, the Manifold, the Wye and the
  Churnet; Derbyshire and north Staffordshire), none named by the earlier families: a
  Kinder Edge card company and a Manifold valley credit union, a Leek caravan lender suing
  in the County Court at Stoke-on-Trent, a cheese-press maker's judgment from the County
  Court at Chesterfield, High Peak Moorlands council and its enforcement agents in
  Chapel-en-le-Frith, a Hartington limestone quarry's statutory demand, Dove Dale and
  Churnet Moorlands councils, an energy supplier at Belper, a water company of the Goyt and
  the Etherow, Buxton magistrates, a Burslem home-credit lender and the Uttoxeter debt
  buyer it sold to, Amber Vale council's Housing Benefit overpayments, a building society
  of Bakewell and Wirksworth, a Potteries housing association, a Longton mail-order
  catalogue and a pay-in-slices firm, Matlock solicitors for a Tissington dry-stone
  walling firm, a Hanley tile works and a Tideswell bakery as employers, Roaches Bank,
  Carer's Allowance and Pension Credit, a Monsal Trail path group and a Glossop bell
  ringers' band;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **ledger**: a statement of account as a ledger, columns Date, Details, Debit, Credit
    and a running Balance, the sum owed the last balance; the other facts in a line under
    it;
  - **bilingual**: English on the left and a Polish translation side by side on the right
    (a council's or a court's letter for a Polish-speaking household), each value printed
    twice on its row;
  - **email**: an email printed from a web-mail client: the browser's print line at the
    top, From / Sent / To / Subject headers, the message, and an earlier message quoted
    under "... wrote:" with "> " before each line, carrying the earlier figures;
  - **timeline**: "Your account, step by step": the dated facts down a timeline, each date
    left of a bar and what happens then right of it, the other facts in a box above;
  - **aged**: an aged-debt analysis, the sum owed split into Current, 1-30, 31-60, 61-90
    and over 90 days with its total in the last column (the figures bare, "1234.56");
  - **formal**: numbered paragraphs in a solicitor's manner, the sum written in words and
    in figures ("one hundred and two pounds and five pence (£102.05)");
  payslips as Payments and Deductions side by side or as a This period / Year to date
  table; bank statements as a ledger with Debit and Credit columns and the balance marked
  CR or DR; a Carer's Allowance and a Pension Credit letter;
* faces no family paired: DejaVu Sans ExtraLight bodies under P052 Bold headings, URW
  Gothic Book under Caladea Bold, DejaVu Serif Condensed under Nimbus Sans Narrow Bold,
  9 to 10 pt; every face's italic is Nimbus Sans Italic;
* dates as "4-XII-2026" (the month in Roman numerals), "4th of December, 2026" and
  "2026 Dec 04", one shape a document; amounts as "£1,234.56", in tables "1,234.56" and,
  in the aged-debt table, "1234.56";
* scans new to the families: a blue carbon copy (the impression faint, violet-blue and a
  little spread, on thin grey-blue flimsy; 200 dpi colour JPEG); a page fed skewed
  through a sheet feeder, its corners and its right-hand strip cut off by the scanner's
  window (300 dpi greyscale PNG); a laser print low on toner, the ink pale with lighter
  vertical bands where the drum is worn (240 dpi greyscale, PackBits TIFF).

Ground truth follows L's to J's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference, on a claim form and a judgment the claimant's reference); ``balance_pence``
what is owed now (in an email the new message's figure, never the quoted one's);
``letter_date`` the document's own date; ``deadline_date`` and ``served_date`` only where
printed. Payslips give the employer, net and gross pay, pay date and frequency; benefit
letters the payer, the amount paid each time, the date and the frequency; a bank statement
its date.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
from collections.abc import Callable, Sequence
from itertools import zip_longest

import numpy as np
from attrs import evolve, field, frozen
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

FAMILY = "AA"

PEOPLE = (
    ("Mrs", "Philippa", "Okonjo-Brassington"),
    ("Mr", "Tadeusz", "Wiśniewski-Hulme"),
    ("Miss", "Rowena", "Castellanos-Gee"),
    ("Mr", "Kwabena", "Sheldon-Frith"),
)
ADDRESSES = (
    ("6 Smedley Street East", "Matlock", "DE4 3FQ"),
    ("Flat 3, 28 Derby Road", "Leek", "ST13 6HU"),
    ("11 Thorpe Cloud View", "Ashbourne", "DE6 1GR"),
    ("57 Waterloo Road", "Burslem, Stoke-on-Trent", "ST6 3HJ"),
)

# -- date and money shapes -------------------------------------------------------------------

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def roman(date: dt.date) -> str:
    """4-XII-2026"""
    return f"{date.day}-{ROMAN[date.month - 1]}-{date.year}"


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def ordinal(date: dt.date) -> str:
    """4th of December, 2026"""
    return f"{_ordinal(date.day)} of {date:%B}, {date.year}"


def year_first(date: dt.date) -> str:
    """2026 Dec 04"""
    return f"{date.year} {date:%b} {date:%d}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (roman, ordinal, year_first)


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def bare(pence: int) -> str:
    """1234.56"""
    return f"{pence // 100}.{pence % 100:02d}"


def pounds(pence: int) -> str:
    return money(pence)


_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _hundreds(n: int) -> str:
    """1..999 in words, British ("and" after the hundreds)."""
    parts = []
    if n >= 100:
        parts.append(f"{_UNITS[n // 100]} hundred")
        n %= 100
        if n:
            parts.append("and")
    if n >= 20:
        parts.append(_TENS[n // 10] + (f"-{_UNITS[n % 10]}" if n % 10 else ""))
    elif n:
        parts.append(_UNITS[n])
    return " ".join(parts)


def in_words(pence: int) -> str:
    """102_05 -> 'one hundred and two pounds and five pence'."""
    whole, part = divmod(pence, 100)
    thousands, rest = divmod(whole, 1000)
    said = []
    if thousands:
        said.append(f"{_hundreds(thousands)} thousand")
    if rest:
        said.append(("and " if thousands and rest < 100 else "") + _hundreds(rest))
    text = " ".join(said) or "no"
    text += " pound" if whole == 1 else " pounds"
    if part:
        text += f" and {_hundreds(part)} pence"
    return text


FREQUENCY_SHOWN = {
    "weekly": ("Every week", "each week"),
    "fortnightly": ("Every 2 weeks", "every second week"),
    "four_weekly": ("Every 4 weeks", "once every four weeks"),
    "monthly": ("Every month", "once a month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AA prints a true value (to check it is on the page, or in an OCR text)."""
    if isinstance(value, dt.date):
        return tuple(shape(value) for shape in DATE_SHAPES)
    if isinstance(value, int):
        return (money(value), plain(value), bare(value))
    if field == "frequency":
        return FREQUENCY_SHOWN[str(value)]
    text = str(value)
    return (text, text.replace(" ", ""))


def values_in_text(truth: Truth, text: str) -> tuple[int, int]:
    """How many of the true values (every field but the class) appear in ``text``, of how
    many: case and line breaks ignored."""
    return values_found(truth, text, printed_forms)


DATE_RX = re.compile(
    r"^(\d{1,2}-[IVX]+-\d{4}|\d{1,2}(st|nd|rd|th) of [A-Z][a-z]+, \d{4}|\d{4} [A-Z][a-z]{2} \d\d)$"
)
"""A value that is one of AA's dates."""

# -- faces and sheets -------------------------------------------------------------------------

SMALL = 7.5
_CX = "/usr/share/fonts/truetype/crosextra/"
_URW = "/usr/share/fonts/opentype/urw-base35/"
_DV = "/usr/share/fonts/truetype/dejavu/"
_ITALIC = _URW + "NimbusSans-Italic.otf"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "extralight": {
        (False, False): _DV + "DejaVuSans-ExtraLight.ttf",
        (True, False): _URW + "P052-Bold.otf",
        (False, True): _ITALIC,
        (True, True): _ITALIC,
    },
    "gothic": {
        (False, False): _URW + "URWGothic-Book.otf",
        (True, False): _CX + "Caladea-Bold.ttf",
        (False, True): _ITALIC,
        (True, True): _ITALIC,
    },
    "serifcond": {
        (False, False): _DV + "DejaVuSerifCondensed.ttf",
        (True, False): _URW + "NimbusSansNarrow-Bold.otf",
        (False, True): _ITALIC,
        (True, True): _ITALIC,
    },
}
"""Each body face under headings of another family: DejaVu Sans ExtraLight under P052
Bold, URW Gothic Book under Caladea Bold, DejaVu Serif Condensed under Nimbus Sans Narrow
Bold; italic is always Nimbus Sans Italic (``fonts-dejavu``, ``fonts-urw-base35``,
``fonts-crosextra-caladea``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "extralight"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("extralight", 9.5), Style("gothic", 9.5), Style("serifcond", 9.5))


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []

    def rule(self, x0: float = 0.08, x1: float = 0.92, *, dashed: bool = False) -> Sheet:
        """A rule over the last row added (the engine draws it at that row's top)."""
        self.rules.append(Rule(len(self.rows), x0, x1, dashed))
        return self

    def width(self, text: str, *, bold: bool = False, size: float = 0.0) -> float:
        return self.faces.length(self.style, text, size or self.style.point, bold)


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def balance(rng: random.Random, low: int = 6_500, high: int = 690_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    return dt.date(2025, 2, 3) + dt.timedelta(days=rng.randrange(670))


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The line at the foot of every page ("" for a public body)."""
    team: str = "Customer Accounts"
    mail: str = ""
    """The address its emails come from."""


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the labelled facts
    (already shaped; the sum owed first where there is one, ``owed`` its pence); ``paras``
    the prose, stating every fact in a sentence; ``before`` what an earlier message said
    (quoted under an email: an older sum and an older date)."""

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
    before: Sequence[str] = field(default=())
    signed: str = field(default="")


def person(rng: random.Random) -> tuple[tuple[str, str, str], list[str]]:
    """((title, first name, surname), address lines)."""
    title, first, surname = rng.choice(PEOPLE)
    return (title, first, surname), [f"{title} {first} {surname}", *rng.choice(ADDRESSES)]


def _foot(page: Sheet, org: Org, x0: float = 0.08, x1: float = 0.92) -> None:
    page.foot = len(page.rows)
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    rows = page.wrapped(text, x0, x1 - 0.1, size=SMALL - 1)
    page.add((*rows[0], rt(x1, "p. 1 of 1", size=SMALL - 1)), *rows[1:])


def _address(page: Sheet, rng: random.Random, x: float = 0.08) -> str:
    (title, _, surname), lines = person(rng)
    page.add(*((t(x, line),) for line in lines)).gap()
    return f"{title} {surname}"


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _head(page: Sheet, org: Org, style: Style) -> None:
    """The name centred in the heading face, the address and telephone under it in one
    small centred line, a rule under them."""
    page.add((ct(0.5, org.name, True, size=style.point + 3),))
    page.add((ct(0.5, f"{org.street}  ·  {org.town}  ·  Tel. {org.phone}", size=SMALL),)).rule()


def _close(page: Sheet, letter: Letter, x: float = 0.08) -> None:
    page.add((t(x, "With best wishes,"),)).gap()
    page.add((t(x, letter.signed or letter.org.team, True),))


def _all_facts(letter: Letter) -> list[tuple[str, str]]:
    return [("Date", letter.when(letter.date)), (letter.ref_label, letter.ref), *letter.facts]


# -- the six settings ---------------------------------------------------------------------------

LEDGER_X = (0.08, 0.31, 0.65, 0.78, 0.92)
"""Date, Details (left edges); Debit, Credit, Balance (right edges)."""


def _ledger_rows(rng: random.Random, letter: Letter) -> list[tuple[str, str, int, int, int]]:
    """(date, details, debit, credit, balance after): three or four movements ending on the
    sum owed."""
    owed, date, when = letter.owed, letter.date, letter.when
    moves: list[tuple[str, int, int]] = []
    paid = rng.randrange(1_000, max(1_100, owed // 4))
    charge = rng.randrange(500, max(600, owed // 5))
    moves.append(("Payment received - thank you", 0, paid))
    moves.append(("Charges for the period", charge, 0))
    if rng.random() < 0.5:
        fee = rng.choice((1_200, 2_500, 3_000))
        moves.append(("Late payment fee", fee, 0))
    opening = owed - sum(d - c for _, d, c in moves)
    while opening <= 0:
        moves = moves[1:]
        opening = owed - sum(d - c for _, d, c in moves)
    rows = [(when(later(date, -70)), "Balance brought forward", 0, 0, opening)]
    running = opening
    for n, (what, debit, credit) in enumerate(moves):
        running += debit - credit
        rows.append((when(later(date, -56 + 14 * n)), what, debit, credit, running))
    return rows


def _ledger(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A statement of account: Date, Details, Debit, Credit, a running Balance; the sum owed
    the last balance, the other facts in a line under the table."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    salutation = _address(page, rng)
    page.add(
        (
            t(0.08, "STATEMENT OF ACCOUNT", True, size=style.point + 1),
            rt(0.92, letter.when(letter.date)),
        )
    )
    page.add((t(0.08, letter.title),  rt(0.92, f"{letter.ref_label} {letter.ref}"))).gap()  # fmt: skip
    size = SMALL + 1
    xs = LEDGER_X
    page.add((t(xs[0], "Date", True, size=size), t(xs[1], "Details", True, size=size), rt(xs[2], "Debit", True, size=size),
              rt(xs[3], "Credit", True, size=size), rt(xs[4], "Balance", True, size=size))).rule(0.08, 0.92)  # fmt: skip
    for when, what, debit, credit, after in _ledger_rows(rng, letter):
        page.add((t(xs[0], when, size=size), t(xs[1], what, size=size), rt(xs[2], plain(debit) if debit else "", size=size),
                  rt(xs[3], plain(credit) if credit else "", size=size), rt(xs[4], plain(after), size=size)))  # fmt: skip
    page.rule(0.08, 0.92)
    page.add(
        (
            t(xs[1], letter.facts[0][0], True, size=size),
            rt(xs[4], letter.facts[0][1], True, size=size),
        )
    )
    page.rule(0.08, 0.92).gap()
    rest = "   ".join(f"{label}: {value}" for label, value in letter.facts[1:])
    if rest:
        page.para(rest, x=0.08).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


POLISH = {
    "Date": "Data",
    "sum": "Kwota",
    "date": "Termin",
    "other": "Informacja",
    "ref": "Numer sprawy",
}
"""What the translation calls each row: the date, the reference, the sum (the first fact),
any other date (a deadline), anything else."""

SPLIT = 0.51
"""Where the Polish column starts (the English ends at 0.48)."""


def _bilingual(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """English on the left, the Polish translation on the right, row by row."""
    org = letter.org
    page = Sheet(style)
    size = SMALL + 1
    _head(page, org, style)
    page.gap()
    salutation = _address(page, rng)
    page.add((t(0.08, "English", True, size=size), t(SPLIT, "Polski / Polish", True, size=size))).rule(0.08, 0.92)  # fmt: skip
    english, polish = Sheet(style), Sheet(style)
    english.add(*english.wrapped(letter.title, 0.08, 0.48, size=size + 0.5))
    polish.add(
        *polish.wrapped("Pismo w sprawie Pana/Pani zadłużenia", SPLIT, 0.92, size=size + 0.5)
    )
    english.gap()
    polish.gap()
    for n, (label, value) in enumerate(_all_facts(letter)):
        if n == 0:
            word = POLISH["Date"]
        elif n == 1:
            word = POLISH["ref"]
        elif n == 2 and letter.owed:
            word = POLISH["sum"]
        else:
            word = POLISH["date"] if DATE_RX.match(value) else POLISH["other"]
        english.add((t(0.08, label, size=size),))
        english.add((t(0.1, value, True, size=size),))
        polish.add((t(SPLIT, word, size=size),))
        polish.add((t(SPLIT + 0.02, value, True, size=size),))
    english.gap()
    polish.gap()
    english.add((t(0.08, f"Dear {salutation},", size=size),))
    polish.add((t(SPLIT, "Szanowni Państwo,", size=size),))
    for text in letter.paras:
        english.add(*english.wrapped(text, 0.08, 0.48, size=size))
    for text in (
        "Niniejsze pismo dotyczy zaległej płatności na Pana/Pani koncie. Kwota i terminy podane są powyżej.",
        "Prosimy o kontakt telefoniczny, jeśli potrzebuje Pan/Pani pomocy. Bezpłatną poradę w sprawie długów można uzyskać w lokalnym biurze porad.",
    ):
        polish.add(*polish.wrapped(text, SPLIT, 0.92, size=size))
    for left, right in zip_longest(english.rows, polish.rows, fillvalue=()):
        page.add((*left, *right))
    page.gap()
    page.add(
        (t(0.08, letter.signed or org.team, True, size=size), t(SPLIT, "Z poważaniem", size=size))
    )
    _foot(page, org)
    return [page]


MAIL_HOST = "mail.peakpost.example"


def _email(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Printed from web-mail: the browser's print line, the headers, the message, and an
    earlier message quoted under it."""
    org = letter.org
    page = Sheet(style)
    size = SMALL + 0.5
    (title, first, surname), _ = person(rng)
    sent = later(letter.date, rng.randrange(1, 6))
    hour = f"{rng.randrange(8, 18):02d}:{rng.randrange(60):02d}"
    page.add((t(0.05, f"{sent:%d/%m/%Y}, {rng.randrange(9, 22):02d}:{rng.randrange(60):02d}", size=SMALL - 1),
              ct(0.5, f"PeakPost Mail - Inbox - {first.lower()}.{surname.split('-')[0].lower()}", size=SMALL - 1)))  # fmt: skip
    page.gap()
    page.add((t(0.08, letter.title, True, size=style.point + 2),)).rule(0.08, 0.92)
    mail = org.mail or f"{org.team.lower().replace(' ', '.')}@{org.name.split()[0].lower()}.example"
    page.add(
        (t(0.08, "From:", True, size=size), t(0.2, f"{org.team} - {org.name} <{mail}>", size=size))
    )
    page.add(
        (t(0.08, "Sent:", True, size=size), t(0.2, f"{letter.when(letter.date)} {hour}", size=size))
    )
    page.add((t(0.08, "To:", True, size=size), t(0.2, f"{first.lower()}.{surname.split('-')[0].lower()}@{MAIL_HOST}", size=size)))  # fmt: skip
    page.add(
        (t(0.08, "Subject:", True, size=size), t(0.2, f"{letter.title} [{letter.ref}]", size=size))
    ).gap()
    page.rule(0.08, 0.92)
    page.add((t(0.08, f"Dear {title} {surname},"),)).gap()
    _prose(page, letter.paras)
    said = [f"{label}: {value}" for label, value in letter.facts]
    for line in said:
        page.add((t(0.1, line),))
    page.gap()
    page.add(
        (t(0.08, "Kind wishes"),),
        (t(0.08, letter.signed or org.team, True),),
        (t(0.08, org.phone, size=size),),
    )
    page.gap()
    if letter.before:
        page.add(
            (t(0.08, f"On {letter.before[0]}, {org.team} <{mail}> wrote:", italic=True, size=size),)
        )
        for text in letter.before[1:]:
            for row in page.wrapped(text, 0.11, 0.88, size=size):
                page.add((t(0.08, ">", size=size), *row))
            page.add((t(0.08, ">", size=size),))
    page.foot = len(page.rows)
    page.add((t(0.05, f"https://{MAIL_HOST}/mail/inbox/id/{digits(rng, 12)}", size=SMALL - 1), rt(0.95, "1/1", size=SMALL - 1)))  # fmt: skip
    return [page]


BAR = 0.3
"""Where the timeline's bar stands (the dates end left of it)."""


def _timeline(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The other facts in a box; the dated ones down a timeline, oldest first."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    facts = _all_facts(letter)
    undated = [(label, value) for label, value in facts if not DATE_RX.match(value)]
    page.box([(t(0.1, label), t(0.5, value, True)) for label, value in undated], 0.08, 0.92).gap()
    page.add((t(0.08, "Your account, step by step", True),)).gap()
    steps: list[tuple[dt.date, str, str]] = [
        (later(letter.date, -rng.randrange(40, 80)), "", "Your payments fell behind"),
    ]
    for label, value in facts:
        if DATE_RX.match(value):
            steps.append(
                (_back(value), value, "We wrote this letter" if label == "Date" else label)
            )
    steps.sort(key=lambda s: s[0])
    for day, value, label in steps:
        page.add(
            (
                rt(BAR - 0.02, value or letter.when(day), True),
                t(BAR - 0.005, "|"),
                t(BAR + 0.03, label),
            )
        )
        page.add((t(BAR - 0.005, "|"),))
    page.add((rt(BAR - 0.02, "next", True), t(BAR - 0.005, "|"), t(BAR + 0.03, "If we hear nothing, we take the next step")))  # fmt: skip
    page.gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


def _back(value: str) -> dt.date:
    """One of AA's printed dates read back (to order the timeline)."""
    for shape_days in range(1500):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=shape_days)
        if value in (shape(day) for shape in DATE_SHAPES):
            return day
    raise ValueError(value)


AGES = ("Current", "1-30 days", "31-60 days", "61-90 days", "Over 90 days", "Total due")
AGE_X = (0.27, 0.4, 0.53, 0.66, 0.79, 0.92)
"""The columns' right edges."""


def _aged(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The sum owed split by age of debt, its total in the last column (bare figures); the
    other facts in a column on the right above it."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    salutation = _address(page, rng)
    facts = _all_facts(letter)
    for label, value in (f for n, f in enumerate(facts) if n != 2):
        page.add((t(0.5, f"{label}:", size=SMALL + 0.5), rt(0.92, value, True, size=SMALL + 0.5)))
    page.gap()
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, f"{facts[2][0]}, by age of debt", True, size=SMALL + 1),))
    size = SMALL + 1
    page.add(
        (
            t(0.08, "", size=size),
            *(rt(x, a, True, size=size) for x, a in zip(AGE_X, AGES, strict=True)),
        )
    )
    page.rule(0.08, 0.92)
    owed = letter.owed
    cuts = sorted(rng.sample(range(1, owed), 3)) if owed > 10 else [owed] * 3
    parts = [cuts[0], cuts[1] - cuts[0], cuts[2] - cuts[1], 0, owed - cuts[2]]
    if rng.random() < 0.5:
        parts = [parts[0] + parts[3], 0, *parts[1:3], parts[4]]
    page.add((t(0.08, "Amount", size=size), *(rt(x, bare(p), size=size) for x, p in zip(AGE_X, parts, strict=False)),
              rt(AGE_X[-1], bare(owed), True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


def _formal(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Numbered paragraphs; the sum in words and in figures."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    salutation = _address(page, rng)
    page.add((ct(0.5, letter.title.upper(), True),)).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    items = [
        f"This letter is dated {letter.when(letter.date)}. Please quote {letter.ref_label.lower()} {letter.ref} in any reply."
    ]
    for n, (label, value) in enumerate(letter.facts):
        if n == 0 and letter.owed:
            items.append(f"{label}: the sum of {in_words(letter.owed)} ({value}).")
        else:
            items.append(f"{label}: {value}.")
    items += list(letter.paras)
    for n, text in enumerate(items, 1):
        rows = page.wrapped(text, 0.14, 0.92)
        page.add((t(0.08, f"{n}.", True), *rows[0]), *rows[1:]).gap()
    _close(page, letter)
    _foot(page, org)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "ledger": _ledger,
    "bilingual": _bilingual,
    "email": _email,
    "timeline": _timeline,
    "aged": _aged,
    "formal": _formal,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.ref)) % len(STYLES)]
    kind = kinds[i % 2]
    if kind == "email" and not letter.before:
        older = later(letter.date, -rng.randrange(20, 60))
        earlier = (
            letter.owed - rng.randrange(1_000, max(1_100, letter.owed // 3)) if letter.owed else 0
        )
        said = (
            f"Your account shows {pounds(earlier)} unpaid."
            if earlier > 0
            else "We are writing about your account with us."
        )
        letter = evolve(letter, before=(letter.when(older), said, "Please get in touch with us about it when you can."))  # fmt: skip
    sheets = KINDS[kind](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    """One shape a document."""
    return rng.choice(DATE_SHAPES)


# -- organisations (none named by A-Z, G, E, F, I or J) ------------------------------------------


def _co(name: str, number: str, office: str, extra: str = "") -> str:
    return f"{name} - company no. {number} (England and Wales) - registered office {office}.{extra}"


FCA = " Authorised and regulated by the Financial Conduct Authority."
CARD = Org("Kinder Edge Card Services Ltd", "PO Box 3316", "Glossop SK13 9WD", "01457 860 415",
           _co("Kinder Edge Card Services Ltd", "12558301", "Norfolk Street, Glossop SK13 8BS", FCA), "Card Arrears Desk")  # fmt: skip
UNION = Org("Manifold Valley Credit Union Ltd", "Market Place", "Hartington SK17 0AL", "01298 842 117",
            "Manifold Valley Credit Union Ltd is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 219064).", "Loans Office")  # fmt: skip
CLAIMANT = Org("Churnet Caravan Finance Ltd", "Cheddleton Road", "Leek ST13 5QF", "01538 371 806",
               _co("Churnet Caravan Finance Ltd", "10863147", "Cheddleton Road, Leek ST13 5QF", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court at Stoke-on-Trent", "Combined Court Centre, Bethesda Street", "Hanley ST1 3BP", "0300 123 1372",
                  "HM Courts and Tribunals Service. Always give the claim number when you write.", "Court Staff")  # fmt: skip
PRESS = Org("Staffordshire Cheese Press Works Ltd", "Cheadle Road", "Alton ST10 4BX", "01538 702 559",
            _co("Staffordshire Cheese Press Works Ltd", "07114862", "Cheadle Road, Alton ST10 4BX"))  # fmt: skip
JUDGMENT_COURT = Org("County Court at Chesterfield", "St Mary's Gate", "Chesterfield S41 7TD", "0300 123 1372",
                     "HM Courts and Tribunals Service. No payments are taken at the court.", "Court Staff")  # fmt: skip
MOORS = Org("High Peak Moorlands Borough Council", "Revenues, Market Street", "Chapel-en-le-Frith SK23 0HP", "01298 816 300",
            team="Revenues Section")  # fmt: skip
ENFORCER = Org("Frith Enforcement Services Ltd", "PO Box 409", "Chapel-en-le-Frith SK23 9DQ", "01298 811 742",
               _co("Frith Enforcement Services Ltd", "13885206", "Sheffield Road, Chapel-en-le-Frith SK23 0PR", " Every agent holds a certificate issued by the County Court."), "Enforcement Section")  # fmt: skip
QUARRY = Org("Hartington Limestone Quarries Ltd", "Parsley Hay", "Hartington SK17 0DG", "01298 84 3371",
             _co("Hartington Limestone Quarries Ltd", "04493715", "Parsley Hay, Hartington SK17 0DG"), "Credit Control")  # fmt: skip
COUNCILS = (
    Org("Dove Dale District Council", "Council Tax, Compton Offices", "Ashbourne DE6 1AB", "01335 300 511", team="Council Tax Office"),
    Org("Churnet Moorlands District Council", "Council Tax, Moorlands House", "Leek ST13 6HQ", "01538 395 480", team="Council Tax Office"),
)  # fmt: skip
ENERGY = Org("Belper Mills Energy Ltd", "PO Box 8820", "Belper DE56 9BZ", "0800 046 2785",
             _co("Belper Mills Energy Ltd", "12933510", "Bridge Foot, Belper DE56 1YD"), "Bills and Payments")  # fmt: skip
WATER = Org("Goyt and Etherow Water plc", "Water House", "New Mills SK22 4AQ", "0800 029 5531",
            _co("Goyt and Etherow Water plc", "02931664", "Water House, New Mills SK22 4AQ"), "Customer Debt Team")  # fmt: skip
MAGISTRATES = Org("Buxton Magistrates' Court", "Fines Unit, Terrace Road", "Buxton SK17 6DY", "0300 790 2201",
                  "HM Courts and Tribunals Service - Derbyshire fines enforcement.", "Fines Unit")  # fmt: skip
LENDER = Org("Burslem Home Credit Ltd", "Queen Street", "Burslem ST6 3EL", "01782 817 604",
             _co("Burslem Home Credit Ltd", "07640382", "Queen Street, Burslem ST6 3EL", FCA))  # fmt: skip
BUYER = Org("Uttoxeter Receivables Purchasing Ltd", "PO Box 1176", "Uttoxeter ST14 9FX", "01889 569 231",
            _co("Uttoxeter Receivables Purchasing Ltd", "14390017", "Carter Street, Uttoxeter ST14 8EU", FCA), "Customer Accounts Team")  # fmt: skip
AMBER = Org("Amber Vale District Council", "Benefits, Town Hall", "Ripley DE5 3BT", "01773 841 490",
            team="Benefit Overpayments")  # fmt: skip
SOCIETY = Org("Bakewell and Wirksworth Building Society", "PO Box 17", "Bakewell DE45 9AQ", "01629 812 904",
              "Bakewell and Wirksworth Building Society, Rutland Square, Bakewell DE45 1BZ, is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 206833).", "Mortgage Help Team")  # fmt: skip
HOMES = Org("Six Towns Potteries Housing Trust", "Rent Office, Piccadilly", "Hanley ST1 1EG", "01782 262 519",
            "Six Towns Potteries Housing Trust Ltd, a registered society (30417R) and a registered provider of social housing.", "Rent Income Team")  # fmt: skip
CATALOGUE = Org("Longton Home Shopping Ltd", "Uttoxeter Road", "Longton ST3 1NY", "0345 072 9914",
                _co("Longton Home Shopping Ltd", "04928876", "Uttoxeter Road, Longton ST3 1NY", FCA), "Accounts Team")  # fmt: skip
BNPL = Org("Slicewise Payments Ltd", "Pride Park", "Derby DE24 8HX", "0203 885 4410",
           _co("Slicewise Payments Ltd", "14518832", "Pride Park, Derby DE24 8HX", FCA), "Payments Recovery")  # fmt: skip
WALLERS = Org("Tissington Dry Stone Walling Ltd", "The Green", "Tissington DE6 1RA", "01335 350 667",
              _co("Tissington Dry Stone Walling Ltd", "09362218", "The Green, Tissington DE6 1RA"))  # fmt: skip
SOLICITORS = Org("Nestus Arkwright Solicitors LLP", "Debt Recovery, Bank Road", "Matlock DE4 3NF", "01629 580 336",
                 "Nestus Arkwright Solicitors LLP (OC419924), Bank Road, Matlock DE4 3NF, is authorised and regulated by the Solicitors Regulation Authority (no. 652207).", "Debt Recovery")  # fmt: skip
EMPLOYERS = (
    Org("Hanley Encaustic Tile Works Ltd", "Payroll, Bryan Street", "Hanley ST1 5AH", "01782 214 660",
        _co("Hanley Encaustic Tile Works Ltd", "05227301", "Bryan Street, Hanley ST1 5AH"), "Payroll"),
    Org("Tideswell Oatcake Bakery Ltd", "Wages, Commercial Road", "Tideswell SK17 8NU", "01298 871 224",
        _co("Tideswell Oatcake Bakery Ltd", "08961145", "Commercial Road, Tideswell SK17 8NU"), "Wages Office"),
)  # fmt: skip
BANK = Org("Roaches Bank plc", "Statements, Stockwell Street", "Leek ST13 6DH", "0345 607 1188",
           _co("Roaches Bank plc", "01773392", "Stockwell Street, Leek ST13 6DH", " Deposits are protected by the FSCS."), "Statements")  # fmt: skip
CARERS = Org("Department for Work and Pensions", "Carer's Allowance Unit", "Preston PR1 1HB", "0800 731 0297",
             "Carer's Allowance is paid by the Department for Work and Pensions.", "Carer's Allowance Unit", "carers.allowance@dwp.example")  # fmt: skip
PENSION = Org("Department for Work and Pensions", "Pension Credit Centre", "Wolverhampton WV98 1AF", "0800 991 1234",
              "Pension Credit is paid by the Department for Work and Pensions.", "Pension Credit Centre", "pension.credit@dwp.example")  # fmt: skip
TRAIL = Org("Monsal Trail Path Keepers", "c/o Hassop Station", "Bakewell DE45 1NW", "07700 900 418",
            "Monsal Trail Path Keepers is a voluntary group.", "Path Keepers' Secretary")  # fmt: skip
RINGERS = Org("Glossop Parish Church Bell Ringers", "c/o 9 Church Street", "Old Glossop SK13 7RN", "07700 900 736",
              "The band practises on Thursday evenings in the tower.", "Tower Captain")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A Kinder Edge card (email, even) or a Manifold Valley credit union loan (ledger)."""
    kinds = ("email", "ledger")
    when, date, owed = _when(rng), dated(rng), balance(rng)
    by = later(date, 14)
    if i % 2 == 0:
        org, ref, label = (
            CARD,
            f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}",
            "Card number ending account",
        )
        first = "Your card repayments have been missed three months running and the card has been stopped."
    else:
        org, ref, label = UNION, f"MVCU-{digits(rng, 5)}", "Member's loan account"
        first = "The payroll deductions for your loan have stopped and your loan has fallen into arrears."
    letter = Letter(
        org=org, title="Your balance is overdue - please contact us", date=date, when=when, owed=owed,
        truth=owes(C.CREDITOR_LETTER, org.name, ref, owed, date, deadline_date=by),
        ref_label=label, ref=ref,
        facts=[("Sum overdue today", pounds(owed)), ("Get in touch at the latest by", when(by))],
        paras=(first,
               f"You owe us {pounds(owed)}. Please repay it, or phone us to agree a plan you can afford, by {when(by)}.",
               "If we do not hear from you we may end the agreement and report a default to the credit reference agencies. MoneyHelper and StepChange give free advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 3)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("formal", "timeline")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 110_000, 1_190_000)
    fee, costs = rng.choice((11_500, 20_500, 45_500)), rng.choice((8_000, 10_000, 11_000))
    total = claimed + fee + costs
    ref, claim = f"CCF{digits(rng, 7)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    facts = [("Amount the claimant asks for", pounds(total)), ("Claimant bringing the claim", CLAIMANT.name), ("Claimant's agreement no.", ref),
             ("Served on you on", when(served)), ("Defence or admission due", when(by))]  # fmt: skip
    letter = Letter(
        org=CLAIM_COURT, title="Notice that a money claim has been made", date=date, when=when, owed=total,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Court claim reference", ref=claim, facts=facts,
        paras=(f"{CLAIMANT.name} claims the balance due under a caravan hire purchase agreement, its agreement number {ref}.",
               f"They claim {pounds(claimed)}, the court fee of {pounds(fee)} and solicitor's costs of {pounds(costs)}: {pounds(total)} in all.",
               f"The claim counts as served on {when(served)}. Reply to the court by {when(by)}, or the claimant can ask for judgment against you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("formal", "bilingual")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 42_000, 1_100_000)
    ref, claim = f"SCP{digits(rng, 6)}", _claim_no(rng)
    monthly, by = rng.choice((2_500, 5_000, 10_000)), later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    how = (f"pay {pounds(owed)} to the claimant on or before {when(by)}" if extra
           else f"pay {pounds(owed)} to the claimant in monthly sums of {pounds(monthly)}")  # fmt: skip
    facts = [
        ("Judgment sum entered", pounds(owed)),
        ("Judgment given to", PRESS.name),
        ("Claimant's invoice account", ref),
    ]
    facts += (
        [("To be paid in full by", when(by))]
        if extra
        else [("Monthly sum ordered", pounds(monthly))]
    )
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment entered for the claimant", date=date, when=when, owed=owed,
        truth=owes(C.COUNTY_COURT_JUDGMENT, PRESS.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Claim reference of the court", ref=claim, facts=facts,
        paras=(f"No defence was received to the claim by {PRESS.name} (their reference {ref}), and judgment has been entered.",
               f"The court orders you to {how}.",
               "A judgment paid in full within a month is removed from the Register of Judgments, Orders and Fines."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kinds = ("aged", "email")
    when, date = _when(rng), dated(rng)
    order = balance(rng, 24_000, 250_000)
    owed = order + 7_500
    case, by = f"FES{digits(rng, 8)}", later(date, 7)
    letter = Letter(
        org=ENFORCER, title="Council tax passed to enforcement agents", date=date, when=when, owed=owed,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, MOORS.name, case, owed, date, deadline_date=by),
        ref_label="Agent's case ref.", ref=case,
        facts=[("Total now payable with our fee", pounds(owed)), ("Collecting for the council", MOORS.name), ("Pay in full or call by", when(by))],
        paras=(f"{MOORS.name} holds a liability order against you for council tax and has passed the debt to us to collect.",
               f"The order was for {pounds(order)}. With our compliance fee of {pounds(7_500)} you must now pay {pounds(owed)}.",
               f"Pay it all, or ring us to agree instalments, by {when(by)}; otherwise an agent may call and more fees will be added."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("formal", "ledger")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 510_000, 2_500_000)
    ref, by = f"HLQ/{digits(rng, 4)}", later(date, 21)
    letter = Letter(
        org=QUARRY, title="Statutory demand: debt due for limestone delivered", date=date, when=when, owed=owed,
        truth=owes(C.STATUTORY_DEMAND, QUARRY.name, ref, owed, date, deadline_date=by),
        ref_label="Trade account number", ref=ref,
        facts=[("Debt the creditor demands", pounds(owed)), ("Settle, secure or compound by", when(by))],
        paras=("Crushed limestone, aggregate and walling stone were supplied to you on credit and the invoices have not been paid.",
               f"The creditor demands {pounds(owed)}, or that you secure or compound for it to its satisfaction, by {when(by)}.",
               "If you do neither, the creditor may present a bankruptcy petition against you. You may apply to set this demand aside within 18 days of service."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("bilingual", "aged")
    org = COUNCILS[i % 2]
    when, date = _when(rng), dated(rng)
    ref, by = f"CT{digits(rng, 8)}", later(date, 7)
    owed = rng.randrange(9_000, 24_000) + rng.randrange(9_000, 24_000)
    letter = Letter(
        org=org, title="Council Tax reminder: payments missed", date=date, when=when, owed=owed,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Council Tax reference", ref=ref,
        facts=[("Instalments not received", pounds(owed)), ("Payment to arrive no later than", when(by))],
        paras=("Some of the Council Tax instalments on your account were not paid when they fell due.",
               f"You owe {pounds(owed)} now. If we receive it by {when(by)} you may go on paying by instalments.",
               "If not, the whole year's bill falls due and we may apply to the magistrates for a liability order, adding costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("ledger", "timeline")
    when, date = _when(rng), dated(rng)
    ref, by = f"BME-{digits(rng, 3)}-{digits(rng, 6)}", later(date, 14)
    owed = balance(rng, 4_500, 60_000)
    letter = Letter(
        org=ENERGY, title="Your energy bill for the last quarter", date=date, when=when, owed=owed,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Energy account", ref=ref,
        facts=[("This quarter's bill comes to", pounds(owed)), ("Due for payment by", when(by))],
        paras=("This bill is for the electricity and gas used at your home this quarter, with standing charges for each day.",
               f"This bill comes to {pounds(owed)} including VAT at 5%, and is due by {when(by)}.",
               "If you are struggling to pay, call us: we can set up a payment plan or check whether a grant could help."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("aged", "email")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 12_000, 145_000)
    ref, by = f"GE{digits(rng, 10)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Goyt and Etherow water charges left unpaid", date=date, when=when, owed=owed,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Water account reference", ref=ref,
        facts=[("Arrears on your water account", pounds(owed)), ("Answer this letter by", when(by))],
        paras=(f"You have {pounds(owed)} of unpaid water and sewerage charges. Please pay, or call us to spread the payments, by {when(by)}.",
               "We have schemes that can lower your bills if money is tight; if we do not hear from you, a debt collector may contact you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("timeline", "bilingual")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 9_000, 165_000)
    ref, by = f"{digits(rng, 2)}/{digits(rng, 5)}/{digits(rng, 2)}", later(date, 14)
    letter = Letter(
        org=MAGISTRATES, title="Fine account: payments overdue", date=date, when=when, owed=owed,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Fines Unit account", ref=ref,
        facts=[("Outstanding on the fine", pounds(owed)), ("Pay the fine by", when(by))],
        paras=("You were ordered to pay a fine, prosecution costs and a victim surcharge, and no payment has come in lately.",
               f"{pounds(owed)} remains to pay. Pay it, or contact the Fines Unit, by {when(by)}.",
               "Otherwise the court may take it from your wages or benefits, or send enforcement agents to you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("email", "formal")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 25_000, 760_000)
    ref, old = f"URP{digits(rng, 8)}", f"BHC/{digits(rng, 5)}"
    letter = Letter(
        org=BUYER, title="Notice that your debt has been sold to us", date=date, when=when, owed=owed,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="Account number with us from now", ref=ref,
        facts=[("Balance now owed to us", pounds(owed)), ("Debt sold to us by", LENDER.name), ("Lender's old loan number", old)],
        paras=(f"{LENDER.name} has sold and assigned your loan, number {old}, to us; you now owe the balance to us.",
               f"The balance assigned is {pounds(owed)}. We will not add interest or charges.",
               "Use your new account number whenever you pay or contact us; an arrangement you already have will continue."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("ledger", "bilingual")
    when, date = _when(rng), dated(rng)
    weeks, weekly = rng.randrange(5, 40), rng.randrange(1_800, 9_600)
    owed = weeks * weekly
    ref, by = f"HBO/{digits(rng, 6)}", later(date, 21)
    letter = Letter(
        org=AMBER, title="Housing Benefit you were overpaid", date=date, when=when, owed=owed,
        truth=owes(C.OVERPAYMENT, AMBER.name, ref, owed, date, deadline_date=by),
        ref_label="Recovery invoice no.", ref=ref,
        facts=[("Housing Benefit paid in error", pounds(owed)), ("Repay, or ask for a plan, by", when(by))],
        paras=(f"Your household income rose and we were not told in time, so you were paid too much Housing Benefit for {weeks} weeks.",
               f"You were overpaid {pounds(owed)}. Please pay it back, or ask us for a plan, by {when(by)}.",
               "You may ask us to look at the decision again, or appeal, within one month of this invoice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("aged", "timeline")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 55_000, 880_000), rng.randrange(45_000, 155_000)
    ref = f"BW{digits(rng, 4)}/{digits(rng, 4)}"
    letter = Letter(
        org=SOCIETY, title="Arrears on your mortgage with the Society", date=date, when=when, owed=owed,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Mortgage account", ref=ref,
        facts=[("Mortgage arrears to date", pounds(owed)), ("Contractual payment each month", pounds(monthly))],
        paras=(f"Your mortgage is {pounds(owed)} behind. Your monthly payment under the mortgage is {pounds(monthly)}.",
               "Please call the Mortgage Help Team so we can agree together what happens next. Repossession is only ever a last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("ledger", "email")
    when, date = _when(rng), dated(rng)
    owed, weekly = balance(rng, 9_000, 300_000), rng.randrange(9_000, 16_500)
    ref = f"STP{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="Rent owing on your Potteries home", date=date, when=when, owed=owed,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Tenancy account", ref=ref,
        facts=[("Rent arrears to date", pounds(owed)), ("Rent charged each week", pounds(weekly))],
        paras=("Your rent has not been paid in full for some weeks.",
               f"Your rent account is {pounds(owed)} in arrears and the weekly rent is {pounds(weekly)}. Please call the Rent Income Team to agree how you will pay it off.",
               "If your Universal Credit or your work has changed, let us know; we can put you in touch with free money advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("bilingual", "aged")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 2_600, 130_000), later(date, 10)
    if i % 2 == 0:
        org, ref, title = (
            BNPL,
            f"SW{letters(rng, 3)}{digits(rng, 5)}",
            "Your slice payments have failed",
        )
        first = "Two of the payments for your purchase could not be taken from your card."
    else:
        org, ref, title = CATALOGUE, f"LHS{digits(rng, 8)}", "Your shopping account is overdue"
        first = "Your shopping account has fallen behind, so we have put new orders on hold."
    letter = Letter(
        org=org, title=title, date=date, when=when, owed=owed,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Customer account", ref=ref,
        facts=[("Sum now overdue", pounds(owed)), ("Catch up on the account by", when(by))],
        paras=(first,
               f"{pounds(owed)} is overdue. Please pay by {when(by)} to avoid a late fee and a mark on your credit file.",
               "If things are hard, let us know and we will pause collection for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("formal", "timeline")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 62_000, 1_300_000), later(date, 30)
    ref = f"TDS-{digits(rng, 4)}"
    letter = Letter(
        org=SOLICITORS, title="Letter of claim on behalf of our client", date=date, when=when, owed=owed,
        truth=owes(C.LETTER_OF_CLAIM, WALLERS.name, ref, owed, date, deadline_date=by),
        ref_label="Our client's invoice reference", ref=ref, signed="Nestus Arkwright Solicitors LLP",
        facts=[("Sum due to our client", pounds(owed)), ("Instructing client", WALLERS.name), ("Reply form to reach us by", when(by))],
        paras=(f"We act for {WALLERS.name}, who rebuilt the boundary walls at your property and invoiced you on completion.",
               f"Our client claims {pounds(owed)}. Please complete the enclosed reply form and financial statement and return them to us by {when(by)}.",
               "If you do not reply, our client may issue court proceedings without further notice and claim interest and costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def payslip(rng: random.Random, i: int) -> Doc:
    """Payments and Deductions side by side (even) or a This period / Year to date table
    (odd)."""
    org, date, when = EMPLOYERS[i % 2], dated(rng), _when(rng)
    frequency = ("fortnightly", "monthly", "weekly", "four_weekly")[i % 4]
    scale = {"weekly": 1, "fortnightly": 2, "four_weekly": 4, "monthly": 4.33}[frequency]
    hours = round(37.5 * scale, 2)
    rate = rng.randrange(1_240, 2_150)
    basic = round(hours * rate)
    overtime = rng.randrange(0, 9_000)
    gross = basic + overtime
    tax, ni, pension = gross * 11 // 100, gross * 6 // 100, gross * 4 // 100
    net = gross - tax - ni - pension
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    style = STYLES[(i + 2) % len(STYLES)]
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    size = SMALL + 1
    page.add((t(0.08, "PAYSLIP", True, size=style.point + 1), rt(0.92, f"{first} {surname}  ·  works no. {digits(rng, 4)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Paid on {when(date)}", size=size), rt(0.92, f"Pay period: {FREQUENCY_SHOWN[frequency][0]}", size=size))).gap()  # fmt: skip
    if i % 2 == 0:
        rows: list[tuple[Cell, ...]] = [
            (t(0.1, "Payments", True, size=size), t(0.52, "Deductions", True, size=size)),
            (t(0.1, f"Basic {hours:g} hrs", size=size), rt(0.46, plain(basic), size=size), t(0.52, "Income tax", size=size), rt(0.9, plain(tax), size=size)),
            (t(0.1, "Overtime", size=size), rt(0.46, plain(overtime), size=size), t(0.52, "National Insurance", size=size), rt(0.9, plain(ni), size=size)),
            (t(0.52, "Pension scheme", size=size), rt(0.9, plain(pension), size=size)),
            (t(0.1, "Gross for period", True, size=size), rt(0.46, plain(gross), True, size=size),
             t(0.52, "Deductions total", True, size=size), rt(0.9, plain(tax + ni + pension), True, size=size)),
        ]  # fmt: skip
        page.box(rows, 0.08, 0.92).gap()
        page.add((t(0.52, "NET PAY", True), rt(0.9, pounds(net), True))).gap()
    else:
        periods = rng.randrange(3, 12)
        rows = [
            (
                t(0.1, "", size=size),
                rt(0.6, "This period", True, size=size),
                rt(0.88, "Year to date", True, size=size),
            )
        ]
        for what, amount in (
            ("Gross pay", gross),
            ("Tax deducted", tax),
            ("NI contributions", ni),
            ("Pension", pension),
            ("Net pay", net),
        ):
            rows.append((t(0.1, what, size=size), rt(0.6, plain(amount), what == "Net pay", size=size),
                         rt(0.88, plain(amount * periods + rng.randrange(0, 4_000)), size=size)))  # fmt: skip
        page.box(rows, 0.08, 0.92).gap()
    page.para(f"Your net pay of {pounds(net)} (gross {pounds(gross)}) goes to your bank {FREQUENCY_SHOWN[frequency][1]}.", x=0.08)  # fmt: skip
    _foot(page, org)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


STATEMENT_X = (0.08, 0.2, 0.64, 0.76, 0.92)
"""Date and Description (left edges); Debit, Credit, Balance (right edges)."""


def _signed(pence: int) -> str:
    return f"{plain(abs(pence))} {'CR' if pence >= 0 else 'DR'}"


def bank_statement(rng: random.Random, i: int) -> Doc:
    """A ledger: Date, Description, Debit, Credit, the balance marked CR or DR."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    start = later(date, -31)
    opening = rng.randrange(-20_000, 120_000)
    items = [("BGC HANLEY ENCAUSTIC TILE", 0, rng.randrange(105_000, 220_000)), ("DD BELPER MILLS ENERGY", rng.randrange(6_000, 16_000), 0),
             ("POS CO-OP LEEK", rng.randrange(800, 6_500), 0), ("SO SIX TOWNS HOUSING", rng.randrange(44_000, 80_000), 0),
             ("ATM BAKEWELL SQUARE", 4_000, 0), ("DD DOVE DALE DC CTAX", rng.randrange(10_000, 18_500), 0),
             ("FPI FROM P OKONJO", 0, rng.randrange(2_000, 8_000)), ("POS HIGH PEAK BUSES", rng.randrange(300, 1_500), 0),
             ("DD SLICEWISE PAYMENTS", rng.randrange(2_000, 7_500), 0), ("DD GOYT ETHEROW WATER", rng.randrange(2_500, 7_000), 0)]  # fmt: skip
    size = SMALL + 1
    xs = STATEMENT_X
    page = Sheet(style)
    _head(page, BANK, style)
    page.gap()
    _address(page, rng)
    sort, account = f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}", digits(rng, 8)
    page.add(
        (
            t(0.08, "Statement of your current account", True),
            rt(0.92, f"Statement date {when(date)}"),
        )
    )
    page.add((t(0.08, f"Period {start:%d/%m/%Y} - {later(date, -1):%d/%m/%Y}", size=size),
              rt(0.92, f"Sort code {sort}  ·  Account no. {account}", size=size))).gap()  # fmt: skip
    if i % 2:
        out_total = sum(d for _, d, _ in items)
        in_total = sum(c for _, _, c in items)
        closing = opening + in_total - out_total
        page.box([(t(0.1, "Your account at a glance", True, size=size),),
                  (t(0.1, "Brought forward", size=size), rt(0.4, _signed(opening), size=size), t(0.52, "Paid out", size=size), rt(0.9, plain(out_total), size=size)),
                  (t(0.1, "Carried forward", size=size), rt(0.4, _signed(closing), size=size), t(0.52, "Paid in", size=size), rt(0.9, plain(in_total), size=size))],
                 0.08, 0.92, fill=236).gap()  # fmt: skip
    page.add((t(xs[0], "Date", True, size=size), t(xs[1], "Description", True, size=size), rt(xs[2], "Debit", True, size=size),
              rt(xs[3], "Credit", True, size=size), rt(xs[4], "Balance", True, size=size))).rule(0.08, 0.92)  # fmt: skip
    page.add((t(xs[0], f"{start:%d %b}", size=size), t(xs[1], "BALANCE FORWARD", size=size), rt(xs[4], _signed(opening), size=size)))  # fmt: skip
    running = opening
    for n, (what, debit, credit) in enumerate(items):
        running += credit - debit
        day = later(start, 2 + n * 3)
        page.add((t(xs[0], f"{day:%d %b}", size=size), t(xs[1], what, size=size), rt(xs[2], plain(debit) if debit else "", size=size),
                  rt(xs[3], plain(credit) if credit else "", size=size), rt(xs[4], _signed(running), size=size)))  # fmt: skip
    page.rule(0.08, 0.92)
    page.add((t(xs[0], f"{later(date, -1):%d %b}", size=size), t(xs[1], "BALANCE CARRIED FORWARD", True, size=size), rt(xs[4], _signed(running), True, size=size)))  # fmt: skip
    page.gap()
    page.para("CR means money in your account; DR means you are overdrawn. Tell us at once about any entry you do not recognise.", x=0.08, size=SMALL + 0.5)  # fmt: skip
    _foot(page, BANK)
    return Doc(truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style)  # fmt: skip


def benefit(rng: random.Random, i: int) -> Doc:
    """Carer's Allowance (even: email) or Pension Credit (odd: bilingual)."""
    kinds = ("email", "bilingual")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        weekly = rng.choice((8_310, 8_160))
        org, title, what = CARERS, "Carer's Allowance: what we have decided", "Carer's Allowance"
        ref_label, ref = (
            "National Insurance no.",
            f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}",
        )
        paid = weekly * {"weekly": 1, "four_weekly": 4}[frequency]
    else:
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        weekly = rng.choice((3_215, 5_870, 9_045))
        org, title, what = PENSION, "Pension Credit: your award", "Pension Credit"
        ref_label, ref = "Pension Credit reference", f"PC{digits(rng, 8)}"
        paid = weekly * {"weekly": 1, "four_weekly": 4}[frequency]
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label=ref_label, ref=ref, before=(when(later(date, -30)), "Thank you for your claim. We will write to you when we have decided it."),
        facts=[("Each payment comes to", pounds(paid)), ("Payments are made", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"You are entitled to {what} from {when(later(date, -21))}.",
               f"We will pay {pounds(paid)} into your bank account {FREQUENCY_SHOWN[frequency][1]}.",
               "Tell us straight away about any change, such as going into hospital, starting work or moving house."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: a path group's work day (timeline), a bell ringers' practice (email)."""
    kinds = ("timeline", "email")
    when, date = _when(rng), dated(rng)
    on = later(date, 8 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=TRAIL, title="Path work day on the old railway", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Path keeper no.", ref=digits(rng, 3), facts=[("Gather at", "Hassop Station car park, 10 am"), ("Work day", when(on))],
            paras=(f"We are clearing the drains and cutting back the scrub by the Headstone tunnel on {when(on)}.",
                   "Tools, gloves and hot drinks are provided; wear stout boots and bring your lunch."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=RINGERS, title="Striking competition: practice night", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Band member no.", ref=str(rng.randrange(1, 13)), facts=[("Extra practice", when(on)), ("Where", "the ringing chamber, 7.30 pm")],
            paras=(f"We ring in the district striking competition soon and have booked an extra practice on {when(on)}.",
                   "Please bring your own gloves; we will ring plain courses of Grandsire and finish with a touch of Stedman."),
            before=(when(later(date, -12)), "Who can make an extra practice before the competition?"),
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
class AASample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_aa(per_class: int = 4, *, seed: int = 2451) -> list[AASample]:
    """``per_class`` documents of every class, held out, family ``<class>:AA``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, AASample)


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, aa_text, aa_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class AAScan:
    dpi: int
    skew: float
    """Degrees."""
    carbon: bool = False
    """A blue carbon copy on thin flimsy; colour."""
    fed: bool = False
    """Fed skewed through a sheet feeder: corners and the right-hand strip cut off; grey."""
    toner: bool = False
    """A laser print low on toner, lighter in vertical bands; grey."""


SCANS = (
    AAScan(dpi=200, skew=0.5, carbon=True),
    AAScan(dpi=300, skew=2.2, fed=True),
    AAScan(dpi=240, skew=-0.3, toner=True),
)

INK = (30, 30, 30)
PAPER = (252, 251, 248)
CARBON_INK = (60, 56, 150)
"""The carbon's violet-blue where it printed fully."""
PRESSURE = 0.75
"""How much of the carbon's ink an impression leaves on average (faint: under 1), swinging
by 0.2 down the page. First written fainter (ink (92, 86, 178), 0.62): Tesseract then kept
1 of 14 true values verbatim on three carbon copies (an OCR-only count, taken before the
reader read any of AA: a measure of Tesseract, not of the reader), so it was darkened to
this (11 of 14 on the same three) before the figures in benchmarks/OCR.md were taken."""
FLIMSY = (226, 230, 236)
"""The carbon copy's thin grey-blue paper."""
CUT = 0.965
"""The share of the page's width the fed scan keeps (the scanner's window ends there)."""
TONER = 120
"""The low-toner print's darkest ink (0 black, 255 paper)."""


def _draw(sample: AASample, n: int, scan: AAScan) -> Image.Image:
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
    return image


def _carbon(image: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """The ink as a carbon's impression: spread a little, faint and uneven (the pressure of
    the pen or the printer's head), violet-blue on grey-blue flimsy with a fine grain."""
    ink = 255 - np.asarray(image.convert("L"))  # (uint8: the same levels as in float32)
    ink = np.asarray(Image.fromarray(ink).filter(ImageFilter.GaussianBlur(dpi / 260)), dtype=np.float32)  # fmt: skip
    height, width = ink.shape
    pressure = PRESSURE + 0.2 * np.sin(np.linspace(0, 3 + rng.random() * 2, height))[:, None]
    grain = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 5, (height, width))
    # (a channel at a time, the ink blended in only where there is any: elsewhere its share
    # is 0 and the flimsy with its grain is left exactly as it is; the same float64
    # arithmetic a pixel at a time as the whole page's)
    at = np.flatnonzero(ink)
    share = np.clip(ink.ravel()[at] / 255 * pressure[at // width, 0], 0, 1)
    out = np.empty((height, width, 3), dtype=np.uint8)
    for channel, (flimsy, carbon) in enumerate(
        zip(np.array(FLIMSY, dtype=np.float32), np.array(CARBON_INK, dtype=np.float32), strict=True)
    ):
        paper = grain + flimsy
        flat = paper.ravel()
        flat[at] = flat[at] * (1 - share) + carbon * share
        out[:, :, channel] = np.clip(paper, 0, 255, out=paper).astype(np.uint8)
    return Image.fromarray(out)


def _fed(image: Image.Image, skew: float) -> Image.Image:
    """Turned in the feeder and cut by the scanner's window: the page's corners leave the
    frame (no expansion), the strip right of ``CUT`` is lost, the bed's grey shows."""
    grey = image.convert("L")
    turned = grey.rotate(skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=70)
    width, height = turned.size
    return turned.crop((0, 0, round(width * CUT), height))


def _toner(image: Image.Image, rng: random.Random) -> Image.Image:
    """Low toner: the ink never darker than ``TONER``, and lighter still in a few vertical
    bands where the drum is worn."""
    grey = np.asarray(image.convert("L"), dtype=np.float32)
    width = grey.shape[1]
    strength = np.ones(width, dtype=np.float32)
    for _ in range(4):
        centre, half = rng.random() * width, width * (0.02 + rng.random() * 0.04)
        xs = np.arange(width, dtype=np.float32)
        strength -= 0.35 * np.exp(-(((xs - centre) / half) ** 2))
    strength = np.clip(strength, 0.45, 1.0)
    ink = (255 - grey) / 255 * (252 - TONER) * strength[None, :]
    return Image.fromarray(np.clip(252 - ink, 0, 255).astype(np.uint8))


def render(sample: AASample, n: int, scan: AAScan, seed: int = 0) -> Image.Image:
    image = _draw(sample, n, scan)
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    if scan.carbon:
        image = _carbon(image, rng, scan.dpi)
        return image.rotate(
            scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(60, 60, 64)
        )
    if scan.fed:
        return _fed(image, scan.skew)
    grey = _toner(image, rng)
    return grey.rotate(scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=250)


def aa_scanned(sample: AASample, index: int) -> tuple[bytes, str, AAScan]:
    """Copied or scanned one of three ways: the blue carbon as JPEG, the feeder's skewed
    and cut scan as greyscale PNG (with its resolution at odd indexes), the low-toner print
    as PackBits TIFF; two pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 61 + n) for n in range(len(sample.pages))]
    if len(images) > 1:
        return encode_pages([im.convert("RGB") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.toner:
        out = io.BytesIO()
        images[0].save(out, format="TIFF", compression="packbits", dpi=(scan.dpi, scan.dpi))
        return out.getvalue(), "tiff", scan
    if scan.carbon:
        return encode_pages(images, "jpeg", scan.dpi), "jpeg", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "AASample",
    "AAScan",
    "aa_pages",
    "aa_scanned",
    "aa_text",
    "build_aa",
    "in_words",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
