# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AJ``, written blind: a thirtieth measure of how the reader
generalises, in a thirtieth hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I``, ``J``,
``AA``, ``AB``, ``AC``, ``AD``, ``AE``, ``AF``, ``AG``, ``AH`` and ``AI``).

``AJ`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``,
``values_found``, ``FIELDS``), the shared page engine (``corpus_print``), the shared test
helpers (``tests/unit/documents/blind_families.py``, ``tests/integration/ocr/blind_read.py``),
family AI's module and tests and its benchmark registration (the commits that added AI, as
the task allowed) and, by grep only, the other families' modules for place names, setting
words, face tables, date and money shapes, scan words and benefit names (to avoid their
regions, settings, shapes, faces and scans) -- **not** the reader's rules
(``assistant.py``, ``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``,
``prose.py``, ``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``statement_tables.py``, ``label_learning.py``, ``read_families.py``,
``ranker.py``, ``ranker_training.py``, ``ranker_random.py``, the Tesseract extractor, the
locator, the creditor directory), its reading tests, nor any account of its misses. It is
never used to write rules, to train or calibrate the classifier or the field ranker
(``build_corpus`` never yields it), nor to choose models: it is measured, and only the
aggregate figures go into benchmarks/OCR.md. Whoever reads its individual misses to change
the reader makes ``AJ`` no longer blind and must say so there.

**AJ is no longer blind since round 32** (branch ``reader32``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AJ
from then on is a training-side figure (benchmarks/OCR.md, "Round 32").

What differs from A-Z, G, E, F, I, J, AA, AB, AC, AD, AE, AF, AG, AH and AI:

* who writes: bodies and firms of Denbighshire in North Wales, the Vale of Clwyd, its
  coast and the upper Dee (Ruthin, Denbigh, St Asaph, Rhyl, Prestatyn, Rhuddlan, Dyserth,
  Meliden, Gronant, Bodelwyddan, Trefnant, Tremeirchion, Henllan, Llandyrnog, Llanferres,
  Corwen, Gwyddelwern, Glyndyfrdwy, Llangollen and Carrog; no earlier module names any of
  these places): a Rhyl card company and a Vale of Clwyd credit union, a St Asaph car
  lender suing in the County Court at Prestatyn, a Llandyrnog conservatory firm's judgment
  from the same court, Denbighshire County Council and its Gronant enforcement agents, a
  Corwen builders' merchant's statutory demand, a Clwydian Range energy supplier, an Alwen
  Valley water company, Prestatyn magistrates, a Bodelwyddan doorstep lender and the
  Tremeirchion debt buyer it sold to, an Education Maintenance Allowance overpayment from
  Student Finance Wales, a Henllan building society, a Meliden housing association, a
  Gwyddelwern home-shopping catalogue and a Dyserth pay-later firm, Trefnant solicitors for
  a Llanferres groundworks firm, a Glyndyfrdwy heritage railway and a St Asaph optical
  glass works as employers, Rhuddlan Mutual Bank, War Widow's Pension and the Armed Forces
  Compensation Scheme's Guaranteed Income Payment from Veterans UK (no family named either
  benefit), a Llangollen male voice choir and Carrog's station friends;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **statute**: a notice set like a printed Act: a centred title, then numbered sections
    in two columns, each with a marginal note in small italic in the outer margin beside
    it (the left column's notes in the left margin, the right column's in the right); each
    fact a section of its value alone ("3. £1,234.56.") whose marginal note, beside it, is
    its label (the label nowhere else), the letter's prose as the last sections;
  - **receipt**: a leaf of a duplicate receipt book across the top of the page ("RECEIPT
    No. 0472", "DUPLICATE - stays in the book"), each fact written by hand (the body's
    italic) on its ruled line after its printed label, the letter below;
  - **guilloche**: the facts in a framed panel printed on security paper: a fine pale
    guilloche of interlaced waves behind the panel's text, "VERIFIED ACCOUNT DETAILS" over
    it, the letter below;
  - **export**: a data export printed as it came from the writer's system (as sent with a
    subject access reply): the record's fields one a line as quoted keys and values in
    braces ("arrears_standing_on_the_account": "£1,234.56",), the covering note below;
  - **pie**: "How your balance is made up": a pie chart of the balance (missed payments,
    fees and charges, interest added), a legend of swatches with each part's amount and
    the total, the facts in a list under it, the letter below;
  - **status**: "Where your account stands": a ruled table, each fact a row with a drawn
    status marker (a filled disc "Action needed", a half-filled disc "Coming up", a ring
    "For information"), the status word, the item and the figure; the letter below;
  payslips for a heritage railway's weekly or fortnightly wage (basic hours, a footplate
  allowance and a Sunday enhancement; tax, NI, a pension and union subscriptions deducted)
  or an optical glass works' four-weekly or monthly pay (basic, a shift allowance and
  overtime at time and a half; tax, NI, pension and a canteen card deducted), payments and
  deductions stacked in one column; bank statements with overdrawn balances marked by an
  asterisk ("1,234.56*", "* overdrawn" under the table), either each line's balance and a
  "Totals for the period" line, or a balance only after the last entry of each day; War
  Widow's Pension and the AFCS Guaranteed Income Payment;
* faces no family paired: P052 (Palatino) under DejaVu Sans Bold headings, Nimbus Roman
  under Carlito Bold headings, URW Gothic Book under Liberation Serif Bold headings, 9.5
  to 10.5 pt; each italic the body's own;
* dates as "2026 December 4" (the year first, the month in full, the day unpadded last),
  "Fri. 4 Dec. 2026" (weekday and month both cut with a full stop) and "4 December 2026
  (Friday)" (the weekday in full in brackets after it), one shape a document; amounts as
  "£1,234.56", in tables, panels and the pie's legend "1,234.56", in the export quoted,
  and on statements an overdrawn balance as "1,234.56*";
* scans new to the families: a page torn across and taped back together (a ragged tear
  across the page, the lower piece a pixel or two lower and out of line, two strips of
  clear tape over the tear with their sheen and edges; 240 dpi greyscale PNG); a phone
  photo through a smudged lens (a greasy haze: the print's glow spreads and the contrast
  falls, most in one patch; 190 dpi colour JPEG, no resolution stored); an ink-jet print
  left on a sunny windowsill half under another sheet (the uncovered part yellowed and
  its print faded, a sharp slanting edge between them; 260 dpi colour PNG, its resolution
  at even indexes). Two-page documents (none here: every document is one page) would be
  PDF. An OCR-only count (Tesseract's text against the true values, no reader; two
  documents a class, 38 pages, taken before any reading) kept 168 of 172 values verbatim:
  taped 56/57, smudged lens 56/58, sun-faded 56/57. No effect was softened: a first look
  at twelve documents (64/66) and the whole count showed none under 90%, and none was
  changed after the count.

Not all of the above is new, as far as grep over the earlier modules and their docstrings
shows (checked before any measuring): "£1,234.56" and "1,234.56" are many families';
the asterisk after an overdrawn balance is new by grep, but V protected its sums with
asterisks ("£***1,234.56") and AB marked a calendar day with one, and "DR", "Dr", "(Dr)",
"D", "OD", "o/d", "overdrawn", brackets and a minus marked an overdrawn balance before;
"2026 December 4" is AA's "2026 Dec 04" with the month in full and the day unpadded, "Fri.
4 Dec. 2026" is W's "Fri, 4 Dec 2026" and S's "4 Dec. 2026" with full stops, and "4
December 2026 (Friday)" is AH's "4 December 2026 (Fri)" with the weekday in full; W's
and X's **margin** settings put side headings in a left margin (the statute's marginal
notes are in both outer margins beside two columns), W's newsletter set a letter in two
columns; W scanned security-tinted paper with a fine diagonal hatch (a scan effect; the
guilloche here is printed behind one panel); J's till roll said "KEEP THIS RECEIPT"; G's
portal page and AI's chart drew a figure (tiles, bars), never a pie; AH's subject access
copy disclosed a letter (never a data export) and AB's spreadsheet printed cells (never
quoted keys); AI's tracker drew nodes and AB's checklist tick boxes (never status discs);
AH's record card had pale blue rules; R's torn-off corner lost a corner (never a tear
taped back), AI's stitched scan joined two passes, J's wide lens bowed the page (never a
smudged lens's haze), AF's old letter yellowed towards its edges and E's fax faded in
patches (never a sharp edge where a sheet covered the print); Veterans UK is named by two
modules (as the payer of other benefits); Student Finance Wales is new by grep, but
"Llandudno" (its post town, Llandudno Junction) is in one module; HMRC, the DWP and their
towns are many families' words.

Ground truth follows L's to AI's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference, on a claim form and a judgment the claimant's reference); ``balance_pence``
what is owed now; ``letter_date`` the document's own date; ``deadline_date`` and
``served_date`` only where printed. Payslips give the payer, net and gross pay, pay date
and frequency; benefit letters the payer, the amount paid each time, the date and the
frequency; a bank statement its date."""

from __future__ import annotations

import datetime as dt
import io
import math
import random
import re
from collections.abc import Callable, Sequence

import numpy as np
from attrs import field, frozen
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
from cma_adapters.rules_assistant.corpus_blind_s import digits, later, letters, owes
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

FAMILY = "AJ"

PEOPLE = (
    ("Mrs", "Gwenllian", "Pryderi-Szabo"),
    ("Mr", "Iestyn", "Vaughan-Lindberg"),
    ("Ms", "Angharad", "Kowalczyk-Rees"),
    ("Mr", "Emrys", "Nakamura-Bowen"),
)
ADDRESSES = (
    ("Flat 2, 9 Kinmel Street", "Rhyl", "LL18 1AH"),
    ("14 Clwyd Street", "Ruthin", "LL15 1HW"),
    ("3 Vale Street", "Denbigh", "LL16 3AH"),
    ("6 Brynhyfryd Terrace", "Corwen", "LL21 0EA"),
)

# -- date and money shapes -------------------------------------------------------------------


def year_month_day(date: dt.date) -> str:
    """2026 December 4: the year first, the month in full, the day unpadded last."""
    return f"{date.year} {date:%B} {date.day}"


def dotted_weekday(date: dt.date) -> str:
    """Fri. 4 Dec. 2026: the weekday and the month both cut with a full stop."""
    return f"{date:%a}. {date.day} {date:%b}. {date.year}"


def weekday_after(date: dt.date) -> str:
    """4 December 2026 (Friday): the weekday in full in brackets after the date."""
    return f"{date.day} {date:%B} {date.year} ({date:%A})"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (
    year_month_day,
    dotted_weekday,
    weekday_after,
)


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


def starred(pence: int) -> str:
    """1,234.56* when overdrawn, 1,234.56 in credit."""
    return f"{plain(-pence)}*" if pence < 0 else plain(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Weekly", "every week"),
    "fortnightly": ("Fortnightly", "every fortnight"),
    "four_weekly": ("Every four weeks", "every four weeks"),
    "monthly": ("Monthly", "every month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AJ prints a true value (to check it is on the page, or in an OCR text)."""
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
_DV = "/usr/share/fonts/truetype/dejavu/"
_LB = "/usr/share/fonts/truetype/liberation/"
_CX = "/usr/share/fonts/truetype/crosextra/"
_URW = "/usr/share/fonts/opentype/urw-base35/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "palatino": {
        (False, False): _URW + "P052-Roman.otf",
        (True, False): _DV + "DejaVuSans-Bold.ttf",
        (False, True): _URW + "P052-Italic.otf",
        (True, True): _DV + "DejaVuSans-BoldOblique.ttf",
    },
    "times": {
        (False, False): _URW + "NimbusRoman-Regular.otf",
        (True, False): _CX + "Carlito-Bold.ttf",
        (False, True): _URW + "NimbusRoman-Italic.otf",
        (True, True): _CX + "Carlito-BoldItalic.ttf",
    },
    "gothic": {
        (False, False): _URW + "URWGothic-Book.otf",
        (True, False): _LB + "LiberationSerif-Bold.ttf",
        (False, True): _URW + "URWGothic-BookOblique.otf",
        (True, True): _LB + "LiberationSerif-BoldItalic.ttf",
    },
}
"""Each body face under headings of another family: P052 (a Palatino) under DejaVu Sans
Bold, Nimbus Roman (a Times) under Carlito Bold, URW Gothic Book under Liberation Serif
Bold; each italic the body's own (``fonts-urw-base35``, ``fonts-dejavu``,
``fonts-crosextra-carlito``, ``fonts-liberation``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "palatino"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("palatino", 9.5), Style("times", 10.5), Style("gothic", 9.5))


@frozen
class Mark:
    """Something drawn on the page besides text and boxes.

    ``kind`` "rule" (across under row ``row``, from ``x0`` to ``x1``, ``shade`` its grey),
    "down" (a rule down at ``x0`` from the top of ``row`` to the foot of ``last``),
    "waves" (a guilloche over rows ``row``..``last`` between ``x0`` and ``x1``), "disc",
    "half" or "ring" (a status marker centred at ``x0`` on row ``row``), "wedge" (a pie
    slice centred at ``x0`` on row ``row``, radius ``x1`` of the page width, from angle
    ``a0`` to ``a1`` degrees, grey ``shade``) and "swatch" (a small filled square at
    ``x0`` on row ``row``, grey ``shade``)."""

    kind: str
    row: int
    x0: float
    x1: float = 0.0
    last: int | None = None
    shade: int = 24
    a0: float = 0.0
    a1: float = 0.0


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Mark] = []

    def rule(self, x0: float = 0.08, x1: float = 0.92, shade: int = 24) -> Sheet:
        """A rule under the last row added."""
        self.rules.append(Mark("rule", len(self.rows), x0, x1, shade=shade))
        return self


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def balance(rng: random.Random, low: int = 6_100, high: int = 740_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    return dt.date(2025, 1, 20) + dt.timedelta(days=rng.randrange(680))


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The line at the foot of every page ("" for a public body)."""
    team: str = "Customer Accounts"


Fact = tuple[str, object]
"""A label and its raw value: pence (int), a date, or words (str)."""


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the labelled facts
    as raw values (each setting shapes them); ``paras`` the prose, stating every fact in a
    sentence; ``owed`` the balance now (the pie draws it), if any."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[Fact]
    paras: Sequence[str]
    signed: str = field(default="")
    date_label: str = field(default="Date of this letter")
    owed: int | None = field(default=None)


def shown(letter: Letter, value: object, amount: Callable[[int], str] = pounds) -> str:
    if isinstance(value, dt.date):
        return letter.when(value)
    if isinstance(value, int):
        return amount(value)
    return str(value)


def person(rng: random.Random) -> tuple[tuple[str, str, str], list[str]]:
    """((title, first name, surname), address lines)."""
    title, first, surname = rng.choice(PEOPLE)
    return (title, first, surname), [f"{title} {first} {surname}", *rng.choice(ADDRESSES)]


def _foot(page: Sheet, org: Org, x: float = 0.08, right: float = 0.92) -> None:
    page.foot = len(page.rows)
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    page.add(*page.wrapped(text, x, right, size=SMALL - 1))


def _address(page: Sheet, rng: random.Random, x: float = 0.08) -> str:
    (title, _, surname), lines = person(rng)
    page.add(*((t(x, line),) for line in lines)).gap()
    return f"{title} {surname}"


def _prose(
    page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92, size: float = 0.0
) -> None:
    for text in paras:
        page.para(text, x=x, right=right, size=size).gap()


def _head(page: Sheet, org: Org, style: Style) -> None:
    """The name in the heading face, ranged right; the street, town and telephone on a
    small line under it, ranged right; a thin rule."""
    page.add((rt(0.92, org.name, True, size=style.point + 2),))
    page.add((rt(0.92, f"{org.street}, {org.town}  |  {org.phone}", size=SMALL),))
    page.rule(0.08, 0.92, 110).gap()


def _close(page: Sheet, letter: Letter, x: float = 0.08) -> None:
    page.add((t(x, "Yours sincerely,"),)).gap()
    page.add((t(x, letter.signed or letter.org.team, True),))


def _rows(letter: Letter, amount: Callable[[int], str] = pounds) -> list[tuple[str, str]]:
    """The letter's date, its reference and its facts as (label, shown value)."""
    rows = [(letter.date_label, letter.when(letter.date)), (letter.ref_label, letter.ref)]
    return rows + [(label, shown(letter, value, amount)) for label, value in letter.facts]


def _sides(
    left: Sequence[tuple[Cell, ...]], right: Sequence[tuple[Cell, ...]]
) -> list[tuple[Cell, ...]]:
    rows: list[tuple[Cell, ...]] = []
    for n in range(max(len(left), len(right))):
        rows.append((*(left[n] if n < len(left) else ()), *(right[n] if n < len(right) else ())))
    return rows


def _pair(page: Sheet, label: str, value: str, x: float, mid: float, right: float, size: float, bold: bool = True) -> None:  # fmt: skip
    """The label from ``x``, the value from ``mid``, each wrapped in its own room."""
    labels = page.wrapped(label, x, mid - 0.02, size=size)
    values = [tuple(t(c.x, c.text, bold, size=size) for c in r) for r in page.wrapped(value, mid, right, size=size)]  # fmt: skip
    page.add(*_sides(labels, values))


# -- the six settings ---------------------------------------------------------------------------


def _statute(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A notice set like a printed Act: numbered sections in two columns, each with a
    marginal note (its label, small italic) in the outer margin beside it."""
    org = letter.org
    page = Sheet(style)
    page.add((ct(0.5, org.name.upper(), True, size=style.point + 1),))
    page.add((ct(0.5, f"{org.street}, {org.town}. Telephone {org.phone}", size=SMALL),)).gap()
    salutation = _address(page, rng)
    page.add((ct(0.5, letter.title.upper(), True, size=style.point + 0.5),))
    page.add((ct(0.5, f"Notice no. {rng.randrange(100, 999)} of {letter.date.year}", size=SMALL, italic=True),)).rule(0.3, 0.7).gap()  # fmt: skip
    note = SMALL - 0.5
    sections: list[tuple[str, str, str]] = []
    for label, value in _rows(letter):
        sections.append((label, "", f"{value}."))
    for k, text in enumerate(letter.paras):
        sections.append((("General", "What this means", "What happens next")[min(k, 2)], text, ""))
    half = (len(sections) + 1) // 2
    columns = ((sections[:half], 0.2, 0.48, 0.06, 0.185), (sections[half:], 0.52, 0.8, 0.815, 0.955))  # fmt: skip
    built: list[list[tuple[Cell, ...]]] = []
    number = 0
    for part, x, right, nx, nright in columns:
        rows: list[tuple[Cell, ...]] = []
        for label, text, value in part:
            number += 1
            if value:
                point = style.point
                while (
                    point > SMALL
                    and page.faces.length(style, value, point, True) > right - x - 0.06
                ):
                    point -= 0.5
                body: list[tuple[Cell, ...]] = [
                    (t(x, f"{number}.", size=point), t(x + 0.035, value, True, size=point))
                ]
            else:
                body = page.wrapped(f"{number}. {text}", x, right)
            notes = [tuple(t(c.x, c.text, size=note, italic=True) for c in r) for r in page.wrapped(label, nx, nright, size=note)]  # fmt: skip
            if nx > x:
                rows += _sides(body, notes)
            else:
                rows += _sides(notes, body)
            rows.append(())
        built.append(rows)
    top = len(page.rows)
    page.add(*_sides(built[0], built[1]))
    page.rules.append(Mark("down", top, 0.5, last=len(page.rows) - 1, shade=120))
    page.gap()
    page.add((t(0.08, f"Given to {salutation} on the date in section 1.", size=SMALL + 1, italic=True),)).gap()  # fmt: skip
    _close(page, letter)
    _foot(page, org)
    return [page]


def _receipt(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A leaf of a duplicate receipt book across the top: its number, "DUPLICATE", each
    fact written by hand (italic) on a ruled line after its printed label; the letter
    below."""
    org = letter.org
    page = Sheet(style)
    size = style.point
    top = len(page.rows)
    number = f"{rng.randrange(1, 9999):04d}"
    page.add((t(0.1, f"RECEIPT  No. {number}", True, size=style.point + 3), rt(0.9, "DUPLICATE - stays in the book", size=SMALL, italic=True)))  # fmt: skip
    page.add((t(0.1, org.name, True, size=SMALL + 1), rt(0.9, org.phone, size=SMALL)))
    page.rule(0.09, 0.91).gap()
    (title, first, surname), lines = person(rng)
    page.add((t(0.1, "Received from / for", size=SMALL + 1), t(0.36, f"{title} {first} {surname}, {lines[1]}", size=size, italic=True)))  # fmt: skip
    page.rule(0.35, 0.9, 150)
    for label, value in _rows(letter):
        labels = page.wrapped(label, 0.1, 0.34, size=SMALL + 1)
        values = page.wrapped(value, 0.36, 0.9, size=size, italic=True)
        page.add(*_sides(labels, values))
        page.rule(0.35, 0.9, 150)
    page.gap()
    page.add((t(0.1, "Signed", size=SMALL + 1), t(0.36, f"{letters(rng, 1)}. {rng.choice(('Roberts', 'Parry', 'Hughes', 'Lloyd'))}", size=size, italic=True), rt(0.9, f"for {org.team}", size=SMALL)))  # fmt: skip
    last = len(page.rows)
    page.gap()
    page.rects.append(Rect(top, last, 0.08, 0.92, True, None))
    page.gap()
    page.add((t(0.08, f"Dear {title} {surname},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


def _guilloche(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The facts in a framed panel printed on security paper (a fine pale guilloche behind
    the panel), "VERIFIED ACCOUNT DETAILS" over it; the letter below."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    top = len(page.rows)
    page.add((ct(0.5, "VERIFIED ACCOUNT DETAILS", True, size=style.point + 0.5),))
    page.add((ct(0.5, f"Security code {letters(rng, 3)}-{digits(rng, 4)}", size=SMALL - 0.5),))
    for label, value in _rows(letter):
        _pair(page, label, value, 0.14, 0.52, 0.86, style.point)
    last = len(page.rows)
    page.gap()
    page.rects.append(Rect(top, last, 0.1, 0.9, True, None))
    page.rules.append(Mark("waves", top, 0.105, 0.895, last=last, shade=rng.randrange(214, 224)))  # fmt: skip
    page.gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


def _key(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")


def _export(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A data export as it came from the writer's system: quoted keys and values in
    braces, one field a line; the covering note below."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng)
    page.add((t(0.08, f"Copy of your data held by {org.name}", True, size=style.point + 0.5),))
    page.add((t(0.08, f"Exported {letter.when(letter.date)} from record {digits(rng, 9)} (as requested)", size=SMALL, italic=True),)).gap()  # fmt: skip
    size = SMALL + 1.5
    top = len(page.rows)
    page.add((t(0.1, "{", size=size),))
    fields = [("record_type", letter.title), *((_key(label), value) for label, value in _rows(letter))]  # fmt: skip
    for k, (key, value) in enumerate(fields):
        comma = "," if k < len(fields) - 1 else ""
        text = f'"{key}": "{value}"{comma}'
        page.add(*page.wrapped(text, 0.13, 0.9, size=size))
    page.add((t(0.1, "}", size=size),))
    page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92, False, 244))
    page.gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


PARTS = ("Payments missed", "Fees and charges", "Interest added")
SHADES = (60, 130, 195)


def _pie(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """ "How your balance is made up": a pie of the balance's parts beside a legend (each
    part's swatch and amount, the total); the facts in a list; the letter below."""
    org = letter.org
    owed = letter.owed if letter.owed is not None else 0
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, "How your balance is made up", True),))
    size = SMALL + 1.5
    first = round(owed * rng.uniform(0.62, 0.8))
    second = round((owed - first) * rng.uniform(0.3, 0.7))
    parts = [first, second, owed - first - second]
    centre = len(page.rows) + 3
    angle = -90.0
    for amount, shade in zip(parts, SHADES, strict=True):
        sweep = 360.0 * amount / owed if owed else 120.0
        page.rules.append(Mark("wedge", centre, 0.22, 0.09, shade=shade, a0=angle, a1=angle + sweep))  # fmt: skip
        angle += sweep
    page.gap()
    for (name, amount), shade in zip(zip(PARTS, parts, strict=True), SHADES, strict=True):
        row = len(page.rows)
        page.rules.append(Mark("swatch", row, 0.42, shade=shade))
        page.add((t(0.45, name, size=size), rt(0.86, plain(amount), size=size)))
    page.rule(0.45, 0.86)
    page.add((t(0.45, "Total owed now", True, size=size), rt(0.86, plain(owed), True, size=size)))
    page.gap(3)
    for label, value in _rows(letter):
        _pair(page, label, value, 0.1, 0.5, 0.9, size)
    page.gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


STATUS = {"disc": "Action needed", "half": "Coming up", "ring": "For information"}


def _status(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """ "Where your account stands": a ruled table, each fact a row with a drawn marker
    (disc, half disc, ring), its status word, the item and the figure."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, "Where your account stands", True, size=style.point + 0.5),))
    size = SMALL + 1.5
    page.add((t(0.13, "Status", True, size=size), t(0.33, "Item", True, size=size), t(0.64, "Figure", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92)
    raw: list[tuple[str, object]] = [(letter.date_label, letter.date), (letter.ref_label, letter.ref), *letter.facts]  # fmt: skip
    for label, value in raw:
        kind = "disc" if isinstance(value, int) and letter.owed is not None else "half" if isinstance(value, dt.date) and value > letter.date else "ring"  # fmt: skip
        row = len(page.rows)
        page.rules.append(Mark(kind, row, 0.1))
        labels = page.wrapped(label, 0.33, 0.62, size=size)
        values = [tuple(t(c.x, c.text, True, size=size) for c in r) for r in page.wrapped(shown(letter, value), 0.64, 0.92, size=size)]  # fmt: skip
        merged = _sides(labels, values)
        page.add((t(0.13, STATUS[kind], size=size), *merged[0]), *merged[1:])
        page.rule(0.08, 0.92, 170)
    page.gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "statute": _statute,
    "receipt": _receipt,
    "guilloche": _guilloche,
    "export": _export,
    "pie": _pie,
    "status": _status,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    kind = kinds[i % 2]
    style = STYLES[(i + len(letter.title)) % len(STYLES)]
    sheets = KINDS[kind](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    """One shape a document."""
    return rng.choice(DATE_SHAPES)


# -- organisations (none named by another family) --------------------------------------------


def _co(name: str, number: str, office: str, extra: str = "") -> str:
    return (
        f"{name}, registered in England and Wales no. {number}, registered office {office}.{extra}"
    )


FCA = " Authorised and regulated by the Financial Conduct Authority."
CARDS = Org("Marine Lake Card Services Ltd", "PO Box 7314", "Rhyl LL18 9ZA", "01745 902 618",
            _co("Marine Lake Card Services Ltd", "16002741", "Wellington Road, Rhyl LL18 1BA", FCA), "Card Support")  # fmt: skip
UNION = Org("Vale of Clwyd Credit Union Ltd", "Vale Street", "Denbigh LL16 3AD", "01745 815 330",
            "Vale of Clwyd Credit Union Ltd is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 213384).", "Member Loans")  # fmt: skip
CLAIMANT = Org("St Asaph Vehicle Finance Ltd", "Glascoed Road", "St Asaph LL17 0LP", "01745 587 201",
               _co("St Asaph Vehicle Finance Ltd", "11903276", "Glascoed Road, St Asaph LL17 0LP", FCA))  # fmt: skip
COURT = Org("County Court at Prestatyn", "Prestatyn Justice Centre, Victoria Road", "Prestatyn LL19 7TE", "0300 123 5577",
            "HM Courts and Tribunals Service. Please quote the claim number on every letter.", "Civil Office")  # fmt: skip
BUILDER = Org("Llandyrnog Conservatories Ltd", "Station Yard", "Llandyrnog LL16 4HE", "01824 790 415",
              _co("Llandyrnog Conservatories Ltd", "09318842", "Station Yard, Llandyrnog LL16 4HE"))  # fmt: skip
COUNTY = Org("Denbighshire County Council", "Revenues, County Hall, Wynnstay Road", "Ruthin LL15 1YN", "01824 706 120",
             team="Revenues Recovery")  # fmt: skip
AGENTS = Org("Gronant Enforcement Agents Ltd", "PO Box 3306", "Prestatyn LL19 9GA", "01745 886 240",
             _co("Gronant Enforcement Agents Ltd", "12774091", "Shore Road, Gronant LL19 9SS", " Our agents hold certificates issued by the County Court."), "Enforcement Office")  # fmt: skip
MERCHANT = Org("Corwen Builders' Merchants Ltd", "London Road", "Corwen LL21 0DR", "01490 413 622",
               _co("Corwen Builders' Merchants Ltd", "05147720", "London Road, Corwen LL21 0DR"), "Trade Credit")  # fmt: skip
COUNCILS = (
    Org("Denbighshire County Council", "Council Tax, County Hall", "Ruthin LL15 1YN", "01824 706 130", team="Council Tax Office"),
    Org("Denbighshire County Council", "Council Tax, Russell House, Churton Road", "Rhyl LL18 3DP", "01824 706 131", team="Council Tax Office"),
)  # fmt: skip
ENERGY = Org("Clwydian Range Energy Ltd", "PO Box 5521", "Ruthin LL15 9EH", "0800 048 6312",
             _co("Clwydian Range Energy Ltd", "14420863", "Llanferres Road, Ruthin LL15 1PT"), "Billing")  # fmt: skip
WATER = Org("Alwen Valley Water plc", "Alwen Reservoir Works", "Corwen LL21 9TT", "0800 068 4417",
            _co("Alwen Valley Water plc", "03016628", "Alwen Reservoir Works, Corwen LL21 9TT"), "Customer Accounts")  # fmt: skip
MAGISTRATES = Org("Prestatyn Magistrates' Court", "Fines Office, Victoria Road", "Prestatyn LL19 7TE", "0300 790 6418",
                  "HM Courts and Tribunals Service - North Wales fines office.", "Fines Office")  # fmt: skip
LENDER = Org("Bodelwyddan Doorstep Loans Ltd", "Ffordd Talargoch", "Bodelwyddan LL18 5SR", "01745 583 772",
             _co("Bodelwyddan Doorstep Loans Ltd", "07762213", "Ffordd Talargoch, Bodelwyddan LL18 5SR", FCA))  # fmt: skip
BUYER = Org("Tremeirchion Credit Recovery Ltd", "PO Box 9204", "St Asaph LL17 9AW", "01745 589 903",
            _co("Tremeirchion Credit Recovery Ltd", "15231187", "The Old Vicarage, Tremeirchion LL17 0UN", FCA), "Purchased Accounts")  # fmt: skip
SFW = Org("Student Finance Wales", "EMA Overpayments, PO Box 211", "Llandudno Junction LL30 9FU", "0300 200 4050",
          "Student Finance Wales administers Education Maintenance Allowance for the Welsh Government.", "EMA Overpayments")  # fmt: skip
SOCIETY = Org("Henllan Building Society", "Mortgage Support, Vale Street", "Denbigh LL16 3BB", "01745 817 204",
              "Henllan Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 206518).", "Mortgage Support")  # fmt: skip
HOMES = Org("Meliden Housing Association", "Income Team, Ffordd Talargoch", "Meliden LL19 8PL", "01745 852 660",
            "Meliden Housing Association, a registered social landlord in Wales (no. L182).", "Income Team")  # fmt: skip
CATALOGUE = Org("Gwyddelwern Home Shopping Ltd", "Mill Lane", "Gwyddelwern LL21 9DW", "0345 602 3315",
                _co("Gwyddelwern Home Shopping Ltd", "06271948", "Mill Lane, Gwyddelwern LL21 9DW", FCA), "Account Care")  # fmt: skip
LATER = Org("Dyserth Pay-Later Ltd", "Waterfall Road", "Dyserth LL18 6ET", "0203 884 1726",
            _co("Dyserth Pay-Later Ltd", "13904452", "Waterfall Road, Dyserth LL18 6ET", FCA), "Collections")  # fmt: skip
GROUNDWORKS = Org("Llanferres Groundworks Ltd", "Loggerheads Yard", "Llanferres CH7 5LH", "01352 810 447",
                  _co("Llanferres Groundworks Ltd", "10447315", "Loggerheads Yard, Llanferres CH7 5LH"))  # fmt: skip
SOLICITORS = Org("Trefnant Bellis Solicitors LLP", "Litigation, Love Lane", "Denbigh LL16 3LE", "01745 814 092",
                 "Trefnant Bellis Solicitors LLP (OC438821), Love Lane, Denbigh LL16 3LE, is authorised and regulated by the Solicitors Regulation Authority (no. 651207).", "Litigation")  # fmt: skip
RAILWAY = Org("Glyndyfrdwy Heritage Railway Ltd", "Wages Office, The Station", "Glyndyfrdwy LL21 9HW", "01490 430 281",
              _co("Glyndyfrdwy Heritage Railway Ltd", "04318876", "The Station, Glyndyfrdwy LL21 9HW"), "Wages Office")  # fmt: skip
GLASS = Org("St Asaph Optical Glass Ltd", "Payroll, Ffordd William Morgan", "St Asaph LL17 0JD", "01745 536 900",
            _co("St Asaph Optical Glass Ltd", "08850134", "Ffordd William Morgan, St Asaph LL17 0JD"), "Payroll")  # fmt: skip
BANK = Org("Rhuddlan Mutual Bank plc", "Statements, High Street", "Rhuddlan LL18 2TU", "0345 604 1187",
           _co("Rhuddlan Mutual Bank plc", "02660917", "High Street, Rhuddlan LL18 2TU", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Statements")  # fmt: skip
VETERANS = "Veterans UK"
WIDOWS = Org(VETERANS, "War Pensions, Norcross", "Thornton-Cleveleys FY5 3WP", "0808 191 4218",
             "War Widow's Pension is paid by Veterans UK, part of the Ministry of Defence.", "War Pensions")  # fmt: skip
GIP = Org(VETERANS, "Armed Forces Compensation Scheme, Norcross", "Thornton-Cleveleys FY5 3WP", "0808 191 4218",
          "The Guaranteed Income Payment is paid by Veterans UK under the Armed Forces Compensation Scheme.", "AFCS Payments")  # fmt: skip
CHOIR = Org("Llangollen Male Voice Choir", "c/o The Town Hall", "Llangollen LL20 8NU", "07700 900 361",
            "The choir rehearses twice a week; this letter asks for nothing.", "Choir Secretary")  # fmt: skip
FRIENDS = Org("Friends of Carrog Station", "c/o The Station House", "Carrog LL21 9BD", "07700 900 584",
              "The Friends are volunteers who look after the station garden.", "Friends' Secretary")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A Rhyl card (pie, even) or a Vale of Clwyd credit union loan (receipt)."""
    kinds = ("pie", "receipt")
    when, date, owed = _when(rng), dated(rng), balance(rng)
    by = later(date, 14)
    if i % 2 == 0:
        org, ref, label = CARDS, f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}", "Marine Lake card number"  # fmt: skip
        first = "Two monthly payments on your card have now been missed."
    else:
        org, ref, label = UNION, f"VCCU/{digits(rng, 5)}", "Credit union loan account"
        first = "No repayment has reached your loan account for some weeks."
    letter = Letter(
        org=org, title="Two payments short: please get in touch", date=date, when=when, owed=owed,
        truth=owes(C.CREDITOR_LETTER, org.name, ref, owed, date, deadline_date=by),
        ref_label=label, ref=ref,
        facts=[("Arrears standing on the account", owed), ("Speak to us no later than", by)],
        paras=(first,
               f"The arrears stand at {pounds(owed)}. Please pay it, or call us to agree smaller payments, by {when(by)}.",
               "If we cannot agree a plan we may send you a default notice and tell the credit reference agencies."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{letters(rng, 1)}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 4)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("statute", "export")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 88_000, 1_250_000)
    fee, costs = rng.choice((20_500, 45_500, 57_500)), rng.choice((8_000, 10_000, 11_000))
    total = claimed + fee + costs
    ref, claim = f"SAVF-{digits(rng, 6)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=COURT, title="Claim issued at Prestatyn: what to do now", date=date, when=when, owed=total,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Prestatyn claim number", ref=claim, date_label="Claim form issued on",
        facts=[("Total claimed with the fee and costs", total), ("Claimant car finance company", CLAIMANT.name), ("Car finance agreement the claimant quotes", ref),
               ("Date the claim is treated as served", served), ("Last day for your response", by)],
        paras=(f"{CLAIMANT.name} claims money from you under a car finance agreement (its reference {ref}).",
               f"The claim is for {pounds(claimed)}, with a court fee of {pounds(fee)} and legal costs of {pounds(costs)}: {pounds(total)} altogether.",
               f"The claim is treated as served on {when(served)}. Your response must reach the court by {when(by)}, or the claimant may ask for judgment."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("statute", "guilloche")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 38_000, 910_000)
    ref, claim = f"LCN{digits(rng, 5)}", _claim_no(rng)
    monthly, by = rng.choice((2_500, 5_000, 7_500)), later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    how = (f"pay {pounds(owed)} to the claimant by {when(by)}" if extra
           else f"pay {pounds(owed)} to the claimant by instalments of {pounds(monthly)} a month")  # fmt: skip
    facts: list[Fact] = [("Judgment sum in the claimant's favour", owed), ("Conservatory firm owed the judgment", BUILDER.name), ("Conservatory contract number", ref)]  # fmt: skip
    facts += [("Pay the whole sum by", by)] if extra else [("Monthly instalment ordered", monthly)]
    letter = Letter(
        org=COURT, title="Judgment for the claimant entered in default", date=date, when=when, owed=owed,
        truth=owes(C.COUNTY_COURT_JUDGMENT, BUILDER.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Prestatyn claim number", ref=claim, facts=facts, date_label="Date of the judgment",
        paras=(f"No response was filed to the claim brought by {BUILDER.name} (contract {ref}), and judgment has been entered.",
               f"The court orders you to {how}.",
               "A judgment paid in full within one month is removed from the Register of Judgments, Orders and Fines."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kinds = ("receipt", "status")
    when, date = _when(rng), dated(rng)
    order = balance(rng, 15_000, 235_000)
    owed = order + 7_500
    case, by = f"GEA-{digits(rng, 7)}", later(date, 7)
    letter = Letter(
        org=AGENTS, title="Council tax: your case is now with our agents", date=date, when=when, owed=owed,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, COUNTY.name, case, owed, date, deadline_date=by),
        ref_label="Gronant case number", ref=case, date_label="Date of the notice",
        facts=[("Balance to settle the case", owed), ("Council that holds the order", COUNTY.name), ("Pay in full before a visit, by", by)],
        paras=(f"{COUNTY.name} has instructed us to collect the council tax in its liability order.",
               f"The order was for {pounds(order)}. With the compliance fee of {pounds(7_500)} you now owe {pounds(owed)}.",
               f"Pay it, or call us to arrange payments, by {when(by)}. If you do not, an agent may visit and more fees will be added."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("statute", "guilloche")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 560_000, 2_250_000)
    ref, by = f"CBM/{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=MERCHANT, title="Statutory demand for a debt on a trade account", date=date, when=when, owed=owed,
        truth=owes(C.STATUTORY_DEMAND, MERCHANT.name, ref, owed, date, deadline_date=by),
        ref_label="Merchant trade account", ref=ref, date_label="Demand dated",
        facts=[("Debt for timber, blocks and cement", owed), ("Pay or settle the demand by", by)],
        paras=("Building materials were supplied to you on a trade account and the invoices remain unpaid.",
               f"The creditor demands payment of {pounds(owed)}, or that you secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition. You may apply to court to set aside this demand within 18 days of service."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("pie", "status")
    org = COUNCILS[i % 2]
    when, date = _when(rng), dated(rng)
    ref, by = f"{digits(rng, 9)}", later(date, 7)
    owed = rng.randrange(9_000, 27_000) + rng.randrange(9_000, 27_000)
    letter = Letter(
        org=org, title="Your Denbighshire council tax has fallen behind", date=date, when=when, owed=owed,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Denbighshire council tax reference", ref=ref,
        facts=[("Instalments the council has not had", owed), ("Bring your instalments up to date by", by)],
        paras=("We have not received all of your council tax instalments.",
               f"The overdue instalments come to {pounds(owed)}. Pay them by {when(by)} and you may carry on paying by instalments.",
               "Otherwise you will lose that right, the whole year's balance will be due and we may apply to the magistrates for a liability order."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("guilloche", "export")
    when, date = _when(rng), dated(rng)
    ref, by = f"CRE{digits(rng, 8)}", later(date, 14)
    owed = balance(rng, 5_400, 61_000)
    letter = Letter(
        org=ENERGY, title="Your electricity and gas bill", date=date, when=when, owed=owed,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Clwydian Range account number", ref=ref, date_label="Date we raised the bill",
        facts=[("Total of this bill with VAT", owed), ("Bill to be paid on or before", by)],
        paras=("This bill is for the energy you used since your last bill, with the standing charges.",
               f"It comes to {pounds(owed)} including VAT at 5%. Please pay it by {when(by)}.",
               "If paying is hard, call us: we can agree a payment plan and check whether you can get help with your bills."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("receipt", "pie")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 11_000, 145_000)
    ref, by = f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 2)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Your water bill is unpaid", date=date, when=when, owed=owed,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Alwen Valley account number", ref=ref,
        facts=[("Water and sewerage charges unpaid", owed), ("Call us about them by", by)],
        paras=(f"Your water and sewerage charges of {pounds(owed)} have not been paid. Please pay them, or call us to spread the cost, by {when(by)}.",
               "We have a social tariff for households on low incomes. If we do not hear from you, the account may be passed to a collection agency, which may add charges."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("status", "statute")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 9_000, 165_000)
    ref, by = f"{digits(rng, 2)}/{digits(rng, 6)}/{letters(rng, 1)}", later(date, 14)
    letter = Letter(
        org=MAGISTRATES, title="Prestatyn fines: no payment received lately", date=date, when=when, owed=owed,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Prestatyn fine account number", ref=ref,
        facts=[("Balance of the fine, costs and surcharge", owed), ("Fines Office must hear from you by", by)],
        paras=("The court ordered you to pay a fine, prosecution costs and a victim surcharge, and payments have stopped.",
               f"The balance is {pounds(owed)}. Pay it, or contact the Fines Office, by {when(by)}.",
               "If not, the court may take the money from your wages or benefits, or pass the account to enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("export", "statute")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 18_000, 740_000)
    ref, old = f"TCR{digits(rng, 7)}", f"BDL{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="Your doorstep loan now belongs to us", date=date, when=when, owed=owed,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="Tremeirchion account number", ref=ref,
        facts=[("Balance that passed to us with the loan", owed), ("Doorstep lender that assigned it", LENDER.name), ("Bodelwyddan loan number", old)],
        paras=(f"{LENDER.name} has assigned your loan {old} to us. From now on please pay us, not them.",
               f"The balance assigned to us is {pounds(owed)}. We will not add interest or charges to it.",
               "Any payment arrangement you already have will carry on; please quote our account number."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("guilloche", "status")
    when, date = _when(rng), dated(rng)
    weeks = rng.randrange(6, 40)
    owed = weeks * 4_000
    ref, by = f"EMA{digits(rng, 8)}", later(date, 28)
    letter = Letter(
        org=SFW, title="Education Maintenance Allowance paid in error", date=date, when=when, owed=owed,
        truth=owes(C.OVERPAYMENT, SFW.name, ref, owed, date, deadline_date=by),
        ref_label="EMA overpayment reference", ref=ref,
        facts=[("Education Maintenance Allowance overpaid", owed), ("Repay or agree a plan by", by)],
        paras=(f"Your college told us you stopped attending, but Education Maintenance Allowance of {pounds(4_000)} a week went on being paid for {weeks} weeks.",
               f"The overpayment is {pounds(owed)}. Please repay it, or contact us to agree how you will pay it back, by {when(by)}.",
               "If you think this is wrong, you can ask us to look at the decision again within 30 days."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("pie", "export")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 48_000, 870_000), rng.randrange(42_000, 158_000)
    ref = f"{digits(rng, 2)}-{digits(rng, 7)}"
    letter = Letter(
        org=SOCIETY, title="Arrears on your Henllan mortgage", date=date, when=when, owed=owed,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Henllan mortgage number", ref=ref,
        facts=[("Mortgage payments missed so far", owed), ("Monthly instalment the deed requires", monthly)],
        paras=(f"Your mortgage account is {pounds(owed)} in arrears. Your contractual monthly payment is {pounds(monthly)}.",
               "Please call Mortgage Support so that we can talk about your circumstances. We see repossession only as a last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("receipt", "guilloche")
    when, date = _when(rng), dated(rng)
    owed, weekly = balance(rng, 9_100, 285_000), rng.randrange(8_400, 17_200)
    ref = f"MHA-{digits(rng, 5)}-{rng.randrange(1, 9)}"
    letter = Letter(
        org=HOMES, title="Arrears on your Meliden tenancy", date=date, when=when, owed=owed,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Meliden tenancy number", ref=ref,
        facts=[("Rent arrears on the tenancy", owed), ("Rent plus service charge each week", weekly)],
        paras=("Your rent account is in arrears.",
               f"You owe {pounds(owed)}; your rent and service charge is {pounds(weekly)} a week. Please call the Income Team to agree a plan.",
               "If the housing element of your Universal Credit has changed, let us know; we can refer you for free money advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("export", "pie")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 3_300, 128_000), later(date, 10)
    if i % 2 == 0:
        org, ref, title = LATER, f"DPL{digits(rng, 9)}", "Your pay-later instalments were missed"
        first = "Your last two instalments could not be collected from your card."
    else:
        org, ref, title = (
            CATALOGUE,
            f"GHS{digits(rng, 7)}",
            "Your Gwyddelwern account is in arrears",
        )
        first = "Your shopping account is in arrears, so we have paused new orders."
    letter = Letter(
        org=org, title=title, date=date, when=when, owed=owed,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Your customer reference with us", ref=ref,
        facts=[("Instalments left unpaid on the plan", owed), ("Catch up the instalments by", by)],
        paras=(first,
               f"You are {pounds(owed)} in arrears. Please pay this by {when(by)} to avoid a late payment fee and a report to the credit reference agencies.",
               "If you are in financial difficulty, tell us and we will hold collection for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("statute", "receipt")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 56_000, 1_380_000), later(date, 30)
    ref = f"LGW/{digits(rng, 4)}/{letters(rng, 2)}"
    letter = Letter(
        org=SOLICITORS, title="Letter before claim: unpaid drainage and groundworks", date=date, when=when, owed=owed,
        truth=owes(C.LETTER_OF_CLAIM, GROUNDWORKS.name, ref, owed, date, deadline_date=by),
        ref_label="Groundworks invoice reference", ref=ref, signed="Trefnant Bellis Solicitors LLP",
        facts=[("Amount owed to our client", owed), ("Groundworks firm we act for", GROUNDWORKS.name), ("Reply form back to us by", by)],
        paras=(f"We act for {GROUNDWORKS.name}, which laid drainage and a driveway base at your property and has not been paid.",
               f"Our client claims {pounds(owed)}. Please complete the enclosed reply form and financial statement and return them to us by {when(by)}.",
               "If you do not reply, our client may start court proceedings without further notice and claim interest and costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _stacked(page: Sheet, rows: Sequence[tuple[str, int, str]], size: float) -> tuple[int, int]:
    """Payments then deductions in one column, each block with its total; returns (gross,
    total deducted)."""
    pays = [(label, amount) for label, amount, column in rows if column == "pay"]
    deds = [(label, amount) for label, amount, column in rows if column == "ded"]
    page.add((t(0.12, "Payments", True, size=size), rt(0.84, "£", True, size=size)))
    page.rule(0.1, 0.86, 150)
    for label, amount in pays:
        page.add((t(0.14, label, size=size), rt(0.84, plain(amount), size=size)))
    gross = sum(a for _, a in pays)
    page.add((t(0.12, "Total gross pay", True, size=size), rt(0.84, plain(gross), True, size=size)))
    page.gap()
    page.add((t(0.12, "Deductions", True, size=size), rt(0.84, "£", True, size=size)))
    page.rule(0.1, 0.86, 150)
    for label, amount in deds:
        page.add((t(0.14, label, size=size), rt(0.84, plain(amount), size=size)))
    taken = sum(a for _, a in deds)
    page.add(
        (t(0.12, "Total deductions", True, size=size), rt(0.84, plain(taken), True, size=size))
    )
    return gross, taken


def _payslip_page(org: Org, style: Style, heading: str, lines: Sequence[tuple[Cell, ...]], rows: Sequence[tuple[str, int, str]], net: int, note: str) -> Sheet:  # fmt: skip
    page = Sheet(style)
    _head(page, org, style)
    size = SMALL + 1.5
    page.add((t(0.08, heading, True, size=style.point + 1),))
    page.add(*lines).gap()
    top = len(page.rows)
    _stacked(page, rows, size)
    page.rule(0.1, 0.86)
    page.add((t(0.12, "Net pay", True, size=size + 1), rt(0.84, plain(net), True, size=size + 1)))
    page.rects.append(Rect(top, len(page.rows) - 1, 0.1, 0.86, True, None))
    page.gap()
    page.para(note, size=size)
    _foot(page, org)
    return page


def _railway(rng: random.Random, i: int) -> Doc:
    """A heritage railway's wage slip: basic hours, a footplate allowance and a Sunday
    enhancement; tax, NI, a pension and union subscriptions deducted; weekly or
    fortnightly."""
    org, date, when = RAILWAY, dated(rng), _when(rng)
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    weeks = {"weekly": 1, "fortnightly": 2}[frequency]
    rate = rng.choice((1_238, 1_296, 1_352))
    hours = rng.randrange(36, 44) * weeks
    footplate = rng.randrange(3, 6) * weeks * 725
    sunday = rng.randrange(0, 2 * weeks + 1) * 8 * rate // 2
    basic = hours * rate
    rows = [(f"Basic pay {hours} hrs at {plain(rate)}", basic, "pay"), ("Footplate allowance", footplate, "pay"), ("Sunday enhancement", sunday, "pay")]  # fmt: skip
    gross = basic + footplate + sunday
    tax, ni, pension = gross * 8 // 100, gross * 5 // 100, gross * 4 // 100
    union = 395 * weeks
    rows += [("Income tax", tax, "ded"), ("National Insurance", ni, "ded"), ("Pension 4%", pension, "ded"), ("Union subscription", union, "ded")]  # fmt: skip
    net = gross - tax - ni - pension - union
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    size = SMALL + 1.5
    lines = [(t(0.08, f"{first} {surname}, footplate crew, staff no. {digits(rng, 4)}", size=size), rt(0.92, f"Pay day {when(date)}", size=size)),
             (t(0.08, f"Pay period: {FREQUENCY_SHOWN[frequency][0]}", size=size), rt(0.92, "Tax code 1257L", size=size))]  # fmt: skip
    page = _payslip_page(org, style, "Railway wages slip", lines, rows, net,
                         f"Your net pay of {pounds(net)} has been paid to your bank. Sunday turns are paid at time and a half.")  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """A heritage railway's wages slip (even) or an optical glass works' payslip, a shift
    allowance and overtime at time and a half, the canteen card deducted (odd)."""
    if i % 2 == 0:
        return _railway(rng, i)
    org, date, when = GLASS, dated(rng), _when(rng)
    frequency = ("four_weekly", "monthly")[(i // 2) % 2]
    hours = {"four_weekly": 150, "monthly": 162}[frequency]
    rate = rng.choice((1_315, 1_372, 1_448))
    shift = rng.randrange(9_000, 16_000)
    extra = rng.randrange(4, 14)
    overtime = extra * rate * 3 // 2
    basic = hours * rate
    gross = basic + shift + overtime
    tax, ni, pension = gross * 12 // 100, gross * 6 // 100, gross * 5 // 100
    canteen = rng.randrange(800, 3_600)
    net = gross - tax - ni - pension - canteen
    rows = [(f"Basic {hours} hrs at {plain(rate)}", basic, "pay"), ("Shift allowance", shift, "pay"), (f"Overtime {extra} hrs at time and a half", overtime, "pay"),
            ("PAYE", tax, "ded"), ("Employee NI", ni, "ded"), ("Pension scheme 5%", pension, "ded"), ("Canteen card", canteen, "ded")]  # fmt: skip
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    size = SMALL + 1.5
    lines = [(t(0.08, f"{first} {surname}, polishing shop, works no. {digits(rng, 5)}", size=size), rt(0.92, f"Paid on {when(date)}", size=size)),
             (t(0.08, f"Paid {FREQUENCY_SHOWN[frequency][1]}", size=size), rt(0.92, "NI letter A", size=size)),
             (t(0.08, "Department: polishing and coating", size=size),)]  # fmt: skip
    page = _payslip_page(org, style, "Optical glass works payslip", lines, rows, net,
                         f"{pounds(net)} has been paid into your account. Canteen card top-ups are taken from the pay after you make them.")  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


STATEMENT_XS = (0.07, 0.17, 0.6, 0.75, 0.93)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """Paid out, paid in and a balance, overdrawn balances marked with an asterisk: a
    balance on every line and a "Totals for the period" line (even, starting overdrawn), or
    a balance only after the last entry of each day (odd)."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    start = later(date, -28)
    opening = rng.randrange(3_800, 96_000) * (-1 if i % 2 == 0 else 1)
    items = [("DD CLWYDIAN RANGE ENERGY", -rng.randrange(4_400, 14_600)), ("CARD SPAR DYSERTH", -rng.randrange(700, 6_900)),
             ("SO MELIDEN HOUSING ASSN", -rng.randrange(35_000, 72_000)), ("ATM HIGH ST RHUDDLAN", -2_000),
             ("BACS ST ASAPH OPTICAL GLASS", rng.randrange(90_000, 185_000)), ("DD DENBIGHSHIRE CC", -rng.randrange(9_000, 17_600)),
             ("FPO A KOWALCZYK", -rng.randrange(1_200, 6_300)), ("CARD CAFE CARROG", -rng.randrange(420, 2_500)),
             ("DD DYSERTH PAY-LATER", -rng.randrange(1_800, 7_200))]  # fmt: skip
    offsets = sorted(rng.randrange(1, 27) for _ in items)
    days = [later(start, n) for n in offsets]
    size = SMALL + 0.5
    xs = STATEMENT_XS
    page = Sheet(style)
    _head(page, BANK, style)
    _address(page, rng)
    sort, account = f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}", digits(rng, 8)
    page.add((t(0.07, "Current account statement", True), rt(0.93, f"Statement date {when(date)}")))
    page.add((t(0.07, f"Sort code {sort}   Account {account}", size=size),)).gap()
    page.add((t(xs[0], "Date", True, size=size), t(xs[1], "Details", True, size=size), rt(xs[2], "Paid out", True, size=size),
              rt(xs[3], "Paid in", True, size=size), rt(xs[4], "Balance", True, size=size))).rule(0.07, 0.93)  # fmt: skip
    page.add((t(xs[0], f"{start:%d/%m}", size=size), t(xs[1], "Balance brought forward", size=size), rt(xs[4], starred(opening), size=size)))  # fmt: skip
    running = opening
    for k, ((what, amount), day) in enumerate(zip(items, days, strict=True)):
        running += amount
        money_cell = rt(xs[2] if amount < 0 else xs[3], plain(abs(amount)), size=size)
        cells: list[Cell] = [
            t(xs[0], f"{day:%d/%m}", size=size),
            t(xs[1], what, size=size),
            money_cell,
        ]
        end_of_day = k == len(items) - 1 or days[k + 1] != day
        if i % 2 == 0 or end_of_day:
            cells.append(rt(xs[4], starred(running), size=size))
        page.add(tuple(cells))
    page.rule(0.07, 0.93)
    if i % 2 == 0:
        out = sum(-a for _, a in items if a < 0)
        into = sum(a for _, a in items if a > 0)
        page.add((t(xs[1], "Totals for the period", True, size=size), rt(xs[2], plain(out), True, size=size), rt(xs[3], plain(into), True, size=size)))  # fmt: skip
    page.add((t(xs[1], "Balance carried forward", True, size=size), rt(xs[4], starred(running), True, size=size)))  # fmt: skip
    page.gap()
    note = ("* overdrawn balance." if i % 2 == 0
            else "The balance is shown after the last entry of each day. * overdrawn balance.")  # fmt: skip
    page.para(note, x=0.07, right=0.93, size=size)
    _foot(page, BANK)
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style
    )


def benefit(rng: random.Random, i: int) -> Doc:
    """War Widow's Pension (even: status) or the AFCS Guaranteed Income Payment (odd:
    export)."""
    kinds = ("status", "export")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        org, what = WIDOWS, "War Widow's Pension"
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        paid = rng.choice((17_845, 18_230, 19_110)) * {"weekly": 1, "four_weekly": 4}[frequency]
    else:
        org, what = GIP, "Guaranteed Income Payment"
        frequency = ("four_weekly", "monthly")[(i // 2) % 2]
        paid = rng.choice((98_430, 121_760, 143_215))
    ref = (
        f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}"
    )
    letter = Letter(
        org=org, title=f"{what}: the amount you will be paid", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="National Insurance number", ref=ref, date_label="Date of the award",
        facts=[("Sum paid each time", paid), ("Paid", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"We have worked out your {what} from {when(later(date, -21))}.",
               f"You will be paid {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]} into your bank account. It is not taxed.",
               "Tell us straight away if your circumstances change, for example if you go into hospital, move home or live abroad."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the choir's open rehearsal (receipt) and the station friends' garden
    day (guilloche)."""
    kinds = ("receipt", "guilloche")
    when, date = _when(rng), dated(rng)
    on = later(date, 7 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=CHOIR, title="Come and sing with the choir", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Visitor list number", ref=f"V{rng.randrange(10, 99)}",
            facts=[("Open rehearsal evening", on), ("Where the choir meets", "The Town Hall, 7.30 pm")],
            paras=(f"Our open rehearsal is on {when(on)}; you do not need to read music.",
                   "Tenors and basses are especially welcome. Tea and Welsh cakes are served at the break."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=FRIENDS, title="Volunteers wanted for the station garden", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Volunteer number", ref=str(rng.randrange(100, 400)),
            facts=[("Garden work day", on), ("Meeting place on the day", "The station gate, 10 am")],
            paras=(f"Thank you for offering to help on the garden work day, {when(on)}.",
                   "We will weed the platform beds and plant the spring bulbs. Please bring gloves."),
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
class AJSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Mark, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 3427


def build_aj(per_class: int = 4, *, seed: int = SEED) -> list[AJSample]:
    """``per_class`` documents of every class, held out, family ``<class>:AJ``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, AJSample)


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, aj_text, aj_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class AJScan:
    dpi: int
    skew: float
    """Degrees."""
    taped: bool = False
    """Torn across and taped back together; greyscale."""
    haze: bool = False
    """A phone photo through a smudged lens; colour."""
    sun: bool = False
    """An ink-jet print half faded by the sun on a windowsill; colour."""


SCANS = (
    AJScan(dpi=240, skew=0.4, taped=True),
    AJScan(dpi=190, skew=-0.5, haze=True),
    AJScan(dpi=260, skew=0.3, sun=True),
)

INK = (22, 22, 28)
PAPER = (250, 250, 247)
GAP = (1, 3)
"""How far the taped lower piece sits below and beside the upper (pixels at 240 dpi:
fewest, most)."""
HAZE = 0.38
"""The smudged lens's strongest haze: the share of the glow in the worst patch."""
FADE = 0.55
"""How much of the ink's darkness is left where the sun fell."""
QUALITY = 82
"""The JPEG quality of the photo through the smudged lens."""


def _draw(sample: AJSample, n: int, dpi: int) -> Image.Image:
    width, height = page_size(sample, dpi)
    image = Image.new("RGB", (width, height), PAPER)
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, dpi)
    body = round(sample.style.point / 72 * dpi)
    line = max(1, dpi // 150)

    def y_of(row: int) -> int:
        return tops[row] if row < len(tops) else tops[-1] + heights[-1]

    def mid(row: int) -> int:
        return y_of(row) + round(0.45 * body)

    for rect in sample.rects[n] if sample.rects else ():
        y0 = tops[rect.first] - round(0.2 * body)
        y1 = tops[rect.last] + heights[rect.last] - round(0.2 * body)
        box = (round(rect.x0 * width), y0, round(rect.x1 * width), y1)
        if rect.fill is not None:
            pen.rectangle(box, fill=(rect.fill,) * 3)
        if rect.outline:
            pen.rectangle(box, outline=INK, width=line)
    for mark in sample.rules[n] if sample.rules else ():
        grey = (mark.shade,) * 3
        x0, x1 = round(mark.x0 * width), round(mark.x1 * width)
        if mark.kind == "rule":
            y = y_of(mark.row) - round(0.1 * body)
            pen.line((x0, y, x1, y), fill=grey, width=line)
        elif mark.kind == "down":
            last = mark.last if mark.last is not None else mark.row
            pen.line((x0, y_of(mark.row), x0, y_of(last) + heights[min(last, len(heights) - 1)]), fill=grey, width=line)  # fmt: skip
        elif mark.kind == "waves":
            last = mark.last if mark.last is not None else mark.row
            top, foot = y_of(mark.row) - round(0.2 * body), y_of(last) + heights[min(last, len(heights) - 1)] - round(0.2 * body)  # fmt: skip
            step = max(3, dpi // 40)
            for k, base in enumerate(range(top + 2 * step, foot - step, step)):
                phase = k * 0.7
                points = [(x, base + step * 0.9 * math.sin(x / (dpi * 0.12) + phase)) for x in range(x0, x1, max(2, dpi // 60))]  # fmt: skip
                pen.line(points, fill=grey, width=1)
        elif mark.kind in ("disc", "half", "ring"):
            r = round(0.3 * body)
            cy = mid(mark.row)
            box = (x0 - r, cy - r, x0 + r, cy + r)
            if mark.kind == "disc":
                pen.ellipse(box, fill=INK)
            elif mark.kind == "half":
                pen.ellipse(box, outline=INK, width=line)
                pen.pieslice(box, 90, 270, fill=INK)
            else:
                pen.ellipse(box, outline=INK, width=line)
        elif mark.kind == "wedge":
            r = round(mark.x1 * width)
            cy = mid(mark.row)
            pen.pieslice((x0 - r, cy - r, x0 + r, cy + r), mark.a0, mark.a1, fill=grey, outline=(250, 250, 250), width=line)  # fmt: skip
        elif mark.kind == "swatch":
            s = round(0.55 * body)
            cy = mid(mark.row)
            pen.rectangle((x0, cy - s // 2, x0 + s, cy + s // 2), fill=grey, outline=INK, width=1)
    for p in PRINT.layout(sample, n, dpi):
        pen.text((p.left, p.top), p.cell.text, fill=INK, font=p.font)
    return image


def _turn(image: Image.Image, skew: float, fill: int | tuple[int, int, int]) -> Image.Image:
    return image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill)


def _taped(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Greyscale; torn across and taped back: a ragged tear a little below the middle, the
    lower piece moved a pixel or two down and sideways (a thin dark gap and torn fibres
    along the tear), two strips of clear tape across the tear (a shade darker, a lighter
    sheen along them, their edges faint lines)."""
    grey = np.asarray(image.convert("L"), dtype=np.float32).copy()
    height, width = grey.shape
    base = height * rng.uniform(0.3, 0.55)
    tear = np.empty(width, dtype=np.int64)
    y = 0.0
    for x in range(width):
        y = max(-height * 0.02, min(height * 0.02, y + rng.uniform(-1.2, 1.2)))
        tear[x] = round(base + y)
    down, side = rng.randrange(*GAP), rng.randrange(*GAP) * rng.choice((-1, 1))
    out = np.full_like(grey, 236.0)
    rows = np.arange(height)[:, None]
    upper = rows < tear[None, :]
    out[upper] = grey[upper]
    lower = np.roll(np.roll(grey, down, axis=0), side, axis=1)
    below = rows >= (tear[None, :] + down)
    out[below] = lower[below]
    for x in range(width):
        out[tear[x] : tear[x] + down, x] = 150 + rng.random() * 60
    for _ in range(2):
        cx = rng.uniform(0.12, 0.8) * width
        w = width * rng.uniform(0.1, 0.16)
        x0, x1 = int(cx), int(min(width - 1, cx + w))
        y0, y1 = int(base - height * 0.04), int(base + height * 0.04)
        out[y0:y1, x0:x1] = out[y0:y1, x0:x1] * 0.95 + 4
        sheen = y0 + (y1 - y0) // 3
        out[sheen : sheen + max(2, height // 500), x0:x1] = np.minimum(255, out[sheen : sheen + max(2, height // 500), x0:x1] + 14)  # fmt: skip
        out[y0:y1, x0] *= 0.88
        out[y0:y1, x1 - 1] *= 0.88
    page = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))
    return _turn(page, skew, 238)


def _haze(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Colour; a phone photo through a smudged lens: a blurred copy of the page laid over
    it as a glow (most in one soft patch, least far from it), the blacks lifted, a warm
    cast, a little softness."""
    arr = np.asarray(image, dtype=np.float32)
    height, width = arr.shape[:2]
    glow = np.asarray(
        image.filter(ImageFilter.GaussianBlur(max(4, width // 160))), dtype=np.float32
    )
    cy, cx = rng.uniform(0.3, 0.7) * height, rng.uniform(0.3, 0.7) * width
    ys, xs = np.arange(height)[:, None], np.arange(width)[None, :]  # (broadcast: the same values)
    dist = ((ys - cy) / height) ** 2 + ((xs - cx) / width) ** 2
    amount = (HAZE * np.exp(-dist / 0.08) + 0.08)[:, :, None]
    out = arr * (1 - amount) + glow * amount
    out = 28 + out * (1 - 28 / 255)
    out *= np.array([1.02, 1.0, 0.95], dtype=np.float32)
    page = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))
    return _turn(page, skew, (70, 64, 58)).filter(ImageFilter.GaussianBlur(0.6))


def _sun(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Colour; an ink-jet print left on a sunny windowsill half under another sheet: on one
    side of a slanting line the paper yellowed and the ink faded, the other side as
    printed."""
    src = np.asarray(image)
    height, width = src.shape[:2]
    ys, xs = np.arange(height)[:, None], np.arange(width)[None, :]  # (broadcast: the same values)
    slope = rng.uniform(-0.25, 0.25)
    edge = rng.uniform(0.35, 0.65) * width + slope * (ys - height / 2)
    exposed = (xs > edge) if rng.random() < 0.5 else (xs < edge)
    # (a faded pixel's colour is a function of its own: a table of the 256 levels a
    # channel, in the same float32 arithmetic; the rest of the page as printed)
    ink = 255 - np.arange(256, dtype=np.float32)[:, None]
    faded = 255 - ink * FADE
    yellow = faded * np.array([0.99, 0.95, 0.8], dtype=np.float32)
    table = np.clip(yellow, 0, 255).astype(np.uint8)
    out = np.where(exposed[:, :, None], table[src, np.arange(3)], src)
    page = Image.fromarray(out)
    return _turn(page, skew, (240, 240, 236))


def render(sample: AJSample, n: int, scan: AJScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.taped:
        return _taped(image, rng, scan.skew)
    if scan.haze:
        return _haze(image, rng, scan.skew)
    return _sun(image, rng, scan.skew)


def aj_scanned(sample: AJSample, index: int) -> tuple[bytes, str, AJScan]:
    """Scanned one of three ways: the torn and taped page as greyscale PNG, the photo
    through a smudged lens as colour JPEG (quality ``QUALITY``, no resolution), the
    sun-faded print as colour PNG (its resolution at even indexes); more than one page as
    PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 61 + n) for n in range(len(sample.pages))]
    if len(images) > 1:
        return encode_pages([im.convert("RGB") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.haze:
        out = io.BytesIO()
        images[0].save(out, format="JPEG", quality=QUALITY)
        return out.getvalue(), "jpeg", scan
    if scan.sun:
        return encode_pages(images, "png", scan.dpi if index % 2 == 0 else None), "png", scan
    return encode_pages(images, "png", scan.dpi), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "SEED",
    "TEMPLATES",
    "AJSample",
    "AJScan",
    "aj_pages",
    "aj_scanned",
    "aj_text",
    "build_aj",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
