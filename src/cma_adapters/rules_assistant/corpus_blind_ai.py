# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``AI``, written blind: a twenty-ninth measure of how the reader
generalises, in a twenty-ninth hand (after ``L`` to ``Z``, ``G``, ``E``, ``F``, ``I``,
``J``, ``AA``, ``AB``, ``AC``, ``AD``, ``AE``, ``AF``, ``AG`` and ``AH``).

``AI`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``,
``values_found``, ``FIELDS``), the shared page engine (``corpus_print``), the shared test
helpers (``tests/unit/documents/blind_families.py``, ``tests/integration/ocr/blind_read.py``),
family AH's module and tests and its benchmark registration (the commits that added AH, as
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
the reader makes ``AI`` no longer blind and must say so there.

**AI is no longer blind since round 29** (branch ``reader29``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on AI
from then on is a training-side figure (benchmarks/OCR.md, "Round 29").

What differs from A-Z, G, E, F, I, J, AA, AB, AC, AD, AE, AF, AG and AH:

* who writes: bodies and firms of Richmondshire and Hambleton in North Yorkshire, lower
  Wensleydale and the Vale of Mowbray (Richmond, Catterick, Northallerton, Thirsk, Ripon,
  Bedale, Masham, Leyburn, Middleham, Aysgarth, Askrigg, Jervaulx, West Burton, Thoralby,
  Carperby, Spennithorne, Bellerby, Castle Bolton, Kettlewell and Coverdale; no earlier
  module names any of these places): a Jervaulx card company and a Bedale credit union, a
  Catterick car lender suing in the County Court at Northallerton, a Thirsk kitchen
  fitter's judgment from the same court, Richmondshire District Council and its Bellerby
  enforcement agents, a Masham farm supplier's statutory demand, Richmondshire and
  Hambleton councils, an Aysgarth energy supplier, a Ure Valley water company,
  Northallerton magistrates, a Leyburn home-credit lender and the Spennithorne debt buyer
  it sold to, a Working Tax Credit overpayment from HMRC, a Coverdale building society, a
  Thoralby housing trust, an Askrigg home-shopping catalogue and a Carperby spread-the-cost
  firm, Ripon solicitors for a West Burton stonemason, a Middleham racing stable and a
  Leyburn creamery as employers, Ripon City Bank, Industrial Death Benefit and Graduated
  Retirement Benefit (no family named either), Castle Bolton's bell ringers and an
  Aysgarth village show;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **notes**: a printout of the writer's account notes (as sent with a reply to a
    request for information): "ACCOUNT NOTES" and when it was printed, then a log of
    entries, each with its date and time, a user code and a note; the facts are in the
    notes ("Balance now ...", "Customer given until ..."), among older entries dated in
    "dd/mm/yy hh:mm" (earlier dates, no amounts);
  - **tracker**: "Progress of your account": the facts as the stages of a horizontal
    tracker, three to a line, each a small square node on a rule with its label above and
    its value under it (the last stage's node filled), the letter below;
  - **annex**: a two-page letter: page 1 the letter, which points to "Annex A"; page 2
    "ANNEX A - PARTICULARS OF THE ACCOUNT", a ruled three-column table (para. A.1, A.2...,
    the particular, the detail), "Page n of 2" at each foot;
  - **bundle**: the letter as a page of a court hearing bundle: a bundle header (the
    parties, "Tab n") and a boxed page stamp "[B27]" over a thin frame, the letter inside
    the frame with its facts in a colon list, the bundle page number centred at the foot;
  - **calling**: a doorstep calling card in the top half of the page (a shaded band
    "CALLING CARD", tick boxes "[X] Nobody answered", and each fact on a dotted line,
    the label left, dots, the value), a dashed cut line, the covering note below;
  - **chart**: "Your balance over six months": a bar for each month (its name, a shaded
    bar as long as the balance, the balance at its end; the last month's bar is the
    balance now), an "At a glance" box with the facts, the letter below;
  payslips for a racing stable's weekly or fortnightly wage (basic hours, an early-start
  allowance and a share of the prize-money pool; tax, NI, a pension and the hostel
  deducted) or a creamery's four-weekly or monthly pay (basic, night shifts at a premium;
  tax, NI, pension and the staff shop deducted); bank statements with overdrawn balances
  marked "(Dr)" ("1,234.56 (Dr)"), either a week's subtotal after each week's lines
  ("Week to ...") or one signed "Amount" column (payments out with a minus) and a balance;
  Industrial Death Benefit and Graduated Retirement Benefit;
* faces no family paired: DejaVu Serif under Liberation Sans Narrow Bold headings,
  Liberation Sans under Open Sans Condensed Bold headings, Carlito under DejaVu Sans
  Condensed Bold headings, 9.5 to 10.5 pt; each italic the body's own;
* dates as "4 December '26" (the month in full, the year's last two digits after an
  apostrophe), "Friday 4th December 2026" (the weekday, no comma, an ordinal) and
  "4 Dec. '26" (the month cut with a full stop, the year short), one shape a document;
  amounts as "£1,234.56", in tables, cards and charts "1,234.56", and on statements an
  overdrawn balance as "1,234.56 (Dr)";
* scans new to the families: a page too long for a small flatbed, scanned in two passes
  and stitched (the lower half a few pixels out of line with the upper and a shade darker,
  a faint seam where they meet; 200 dpi greyscale PNG); a page photographed on the desk
  with a ballpoint pen lying across it (the pen's barrel and clip, its soft shadow; 180 dpi
  colour JPEG, no resolution stored); a page printed on recycled paper (a grey-beige tone,
  dark flecks and short curled fibres in the paper; 280 dpi greyscale PNG, its resolution
  at even indexes). Two-page letters as PDF. An OCR-only count (Tesseract's text against the true values, no
  reader; two documents a class, 44 pages, taken before any reading) kept 166 of 172
  values verbatim: stitched 56/57, pen 56/58, recycled paper 54/57. No effect was softened:
  a first look at twelve documents (64/66) and the whole count showed none under 90%, and
  none was changed after the count.

Not all of the above is new, as far as grep over the earlier modules and their docstrings
shows (checked before any measuring): "£1,234.56" and "1,234.56" are many families';
"(Dr)" is new by grep, but "DR", "Dr", "D" (AH), "o/d" and "overdrawn" (AG) mark the same
thing, and AB minus-signed an overdrawn balance (the signed column here signs each payment
out); "4 Dec. '26" differs from AF's and U's "4 Dec '26" only by its full stop and
"Friday 4th December 2026" from V's "Fri 4th Dec 2026" only by the words in full; "Page 1
of 2" is M's, N's and O's; "At a glance" headed a box in AA, AG, I, P and T; I's
**leaders** setting joined each label to its value by dot leaders (the calling card's
dotted lines do too, inside a card with tick boxes and a cut line); AB's **progress**
setting drew a bar of what is paid against what was owed (the chart draws a bar a month,
the tracker stage nodes), AB's checklist and T's timeline said what happens next; AH's
subject access copy disclosed a writer's letter (never a log of account notes); two-page
letters are common and "particulars" is a word of many, but no module names an annex; E's punched plastic pocket and AD's
misregistered colour scan were other scans of a page in a sleeve or out of line (never two
passes stitched), Z's pencilled note was writing (never a pen lying on the page), many
families speckled their pages (never a recycled paper's fibres); E had a creamery as an
employer; HMRC, the DWP and Preston are many families' words.

Ground truth follows L's to AH's conventions: ``creditor_name`` is whoever is owed now (the
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

FAMILY = "AI"

PEOPLE = (
    ("Mrs", "Marguerite", "Brzezinski-Dinsdale"),
    ("Mr", "Ewan", "Lindqvist-Thwaite"),
    ("Ms", "Farida", "Sowerby-Achterberg"),
    ("Mr", "Osric", "Pemberton-Nwachukwu"),
)
ADDRESSES = (
    ("Flat 3, 18 Finkle Street", "Richmond", "DL10 4QB"),
    ("7 Zetland Terrace", "Northallerton", "DL6 1NE"),
    ("26 Horsefair Close", "Thirsk", "YO7 1DW"),
    ("4 Kirkgate Yard", "Leyburn", "DL8 5AS"),
)

# -- date and money shapes -------------------------------------------------------------------


def _suffix(day: int) -> str:
    return "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def long_short_year(date: dt.date) -> str:
    """4 December '26: the month in full, the year's last two digits after an apostrophe."""
    return f"{date.day} {date:%B} '{date:%y}"


def weekday_ordinal(date: dt.date) -> str:
    """Friday 4th December 2026: the weekday, no comma, an ordinal day."""
    return f"{date:%A} {date.day}{_suffix(date.day)} {date:%B} {date.year}"


def cut_short_year(date: dt.date) -> str:
    """4 Dec. '26: the month cut with a full stop, the year short."""
    return f"{date.day} {date:%b}. '{date:%y}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (
    long_short_year,
    weekday_ordinal,
    cut_short_year,
)


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


def marked(pence: int) -> str:
    """1,234.56 (Dr) when overdrawn, 1,234.56 in credit."""
    return f"{plain(-pence)} (Dr)" if pence < 0 else plain(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Weekly", "every week"),
    "fortnightly": ("Fortnightly", "every fortnight"),
    "four_weekly": ("Every four weeks", "every four weeks"),
    "monthly": ("Monthly", "every month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways AI prints a true value (to check it is on the page, or in an OCR text)."""
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
_DV = "/usr/share/fonts/truetype/dejavu/"
_LB = "/usr/share/fonts/truetype/liberation/"
_OS = "/usr/share/fonts/truetype/open-sans/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "serif": {
        (False, False): _DV + "DejaVuSerif.ttf",
        (True, False): _LB + "LiberationSansNarrow-Bold.ttf",
        (False, True): _DV + "DejaVuSerif-Italic.ttf",
        (True, True): _LB + "LiberationSansNarrow-BoldItalic.ttf",
    },
    "sans": {
        (False, False): _LB + "LiberationSans-Regular.ttf",
        (True, False): _OS + "OpenSans-CondBold.ttf",
        (False, True): _LB + "LiberationSans-Italic.ttf",
        (True, True): _OS + "OpenSans-CondBold.ttf",
    },
    "carlito": {
        (False, False): _CX + "Carlito-Regular.ttf",
        (True, False): _DV + "DejaVuSansCondensed-Bold.ttf",
        (False, True): _CX + "Carlito-Italic.ttf",
        (True, True): _DV + "DejaVuSansCondensed-BoldOblique.ttf",
    },
}
"""Each body face under headings of another family: DejaVu Serif under Liberation Sans
Narrow Bold, Liberation Sans under Open Sans Condensed Bold (which has no italic: its bold
italic is itself), Carlito under DejaVu Sans Condensed Bold; each italic the body's own
(``fonts-dejavu``, ``fonts-liberation``, ``fonts-open-sans``, ``fonts-crosextra-carlito``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "serif"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("serif", 9.5), Style("sans", 10.0), Style("carlito", 10.5))


@frozen
class Line:
    """A line drawn on the page: across under row ``row`` (drawn at the top of the row that
    follows), or, with ``last``, down at ``x0`` from the top of ``row`` to the foot of
    ``last``; ``colour`` "ink", "grey" (a table's inner rules) or "dash" (a cut line)."""

    row: int
    x0: float
    x1: float
    colour: str = "ink"
    last: int | None = None


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Line] = []

    def rule(self, x0: float = 0.08, x1: float = 0.92, colour: str = "ink") -> Sheet:
        """A rule under the last row added."""
        self.rules.append(Line(len(self.rows), x0, x1, colour))
        return self


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def balance(rng: random.Random, low: int = 5_800, high: int = 720_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    return dt.date(2025, 2, 10) + dt.timedelta(days=rng.randrange(660))


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The line at the foot of every page ("" for a public body)."""
    team: str = "Accounts Team"


Fact = tuple[str, object]
"""A label and its raw value: pence (int), a date, or words (str)."""


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the labelled facts
    as raw values (each setting shapes them); ``paras`` the prose, stating every fact in a
    sentence; ``owed`` the balance now (the chart draws it), if any."""

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


def _head(page: Sheet, org: Org, style: Style, x: float = 0.08, right: float = 0.92) -> None:
    """The name in the heading face, the street, town and telephone on a small line under
    it, a rule."""
    page.add((t(x, org.name, True, size=style.point + 2.5),))
    page.add((t(x, f"{org.street}, {org.town}  -  telephone {org.phone}", size=SMALL),))
    page.rule(x, right).gap()


def _close(page: Sheet, letter: Letter, x: float = 0.08) -> None:
    page.add((t(x, "Yours faithfully,"),)).gap()
    page.add((t(x, letter.signed or letter.org.team, True),))


def _rows(letter: Letter, amount: Callable[[int], str] = pounds) -> list[tuple[str, str]]:
    """The letter's date, its reference and its facts as (label, shown value)."""
    rows = [(letter.date_label, letter.when(letter.date)), (letter.ref_label, letter.ref)]
    return rows + [(label, shown(letter, value, amount)) for label, value in letter.facts]


def _fits(page: Sheet, left: str, right: str, width: float, size: float, bold: bool = True) -> bool:
    faces, style = page.faces, page.style
    return faces.length(style, left, size) + faces.length(style, right, size, bold) + 0.03 < width


def _sides(
    left: Sequence[tuple[Cell, ...]], right: Sequence[tuple[Cell, ...]]
) -> list[tuple[Cell, ...]]:
    rows: list[tuple[Cell, ...]] = []
    for n in range(max(len(left), len(right))):
        rows.append((*(left[n] if n < len(left) else ()), *(right[n] if n < len(right) else ())))
    return rows


# -- the six settings ---------------------------------------------------------------------------

USERS = ("SYS", "COL4", "AGT2", "TL1", "CS7")


def _stamp(day: dt.date, rng: random.Random) -> str:
    return f"{day:%d/%m/%y} {rng.randrange(8, 18):02d}:{rng.randrange(60):02d}"


def _notes(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A printout of the account notes: "ACCOUNT NOTES", when printed and the reference,
    then a log (date and time, user, note), older entries first; the facts are notes."""
    org = letter.org
    page = Sheet(style)
    page.add((t(0.08, "ACCOUNT NOTES", True, size=style.point + 3), rt(0.92, org.name, True, size=SMALL + 1)))  # fmt: skip
    page.add((t(0.08, f"Printed {letter.when(letter.date)} for the customer", size=SMALL + 0.5), rt(0.92, f"Screen NT{rng.randrange(10, 99)}", size=SMALL)))  # fmt: skip
    page.rule(0.08, 0.92).gap()
    salutation = _address(page, rng)
    size = SMALL + 1.5
    page.add((t(0.08, "Logged", True, size=size), t(0.27, "User", True, size=size), t(0.36, "Note", True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92)
    history = sorted(later(letter.date, -rng.randrange(20, 200)) for _ in range(3))
    older = ("Account opened on the phone, terms sent by post", "Payment missed, reminder text sent", "Call attempted, no answer, voicemail left")  # fmt: skip
    entries: list[tuple[str, str, str]] = [(_stamp(day, rng), rng.choice(USERS[1:]), note) for day, note in zip(history, older, strict=True)]  # fmt: skip
    entries.append((_stamp(letter.date, rng), "SYS", f"Note printed, copy sent to the customer. {letter.ref_label}: {letter.ref}"))  # fmt: skip
    for label, value in letter.facts:
        entries.append((_stamp(letter.date, rng), rng.choice(USERS[1:]), f"{label}: {shown(letter, value)}"))  # fmt: skip
    entries.append((_stamp(letter.date, rng), "SYS", f'Letter generated: "{letter.title}"'))
    for stamp, user, note in entries:
        lines = page.wrapped(note, 0.36, 0.92, size=size)
        page.add((t(0.08, stamp, size=size), t(0.27, user, size=size), *lines[0]), *lines[1:])
        page.rule(0.08, 0.92, "grey")
    page.gap()
    page.add((t(0.08, f"Covering note for {salutation}", True),))
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


def _tracker(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """ "Progress of your account": the facts as stages of a horizontal tracker, three to a
    line: the label above, a small square node on the rule, the value under it."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, "Progress of your account", True, size=style.point + 0.5),)).gap()
    rows = _rows(letter)
    size = SMALL + 1
    lefts = (0.1, 0.4, 0.7)
    for start in range(0, len(rows), 3):
        group = rows[start : start + 3]
        labels = [page.wrapped(label, x, x + 0.26, size=size) for (label, _), x in zip(group, lefts, strict=False)]  # fmt: skip
        for n in range(max(len(lab) for lab in labels)):
            page.add(tuple(lab[n][0] for lab in labels if n < len(lab)))
        node = len(page.rows)
        page.gap()
        page.rules.append(Line(node, 0.1, 0.1 + 0.3 * (len(group) - 1) + 0.02, "ink"))
        for k, _ in enumerate(group):
            last = start + k == len(rows) - 1
            page.rects.append(Rect(node, node, lefts[k], lefts[k] + 0.02, True, 40 if last else None))  # fmt: skip
        values = [page.wrapped(value, x, x + 0.27, size=size + 1) for (_, value), x in zip(group, lefts, strict=False)]  # fmt: skip
        for n in range(max(len(v) for v in values)):
            page.add(tuple(t(v[n][0].x, v[n][0].text, True, size=size + 1) for v in values if n < len(v)))  # fmt: skip
        page.gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


def _annex(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Two pages: the letter, pointing to Annex A; then "ANNEX A - PARTICULARS OF THE
    ACCOUNT", a ruled table of numbered particulars (para., particular, detail)."""
    org = letter.org
    first, second = Sheet(style), Sheet(style)
    _head(first, org, style)
    salutation = _address(first, rng)
    first.add((rt(0.92, letter.when(letter.date)),)).gap()
    first.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    first.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(first, letter.paras)
    first.para("The particulars of your account, with our reference, are set out in Annex A overleaf. Please keep this letter and its annex together.").gap()  # fmt: skip
    _close(first, letter)
    first.gap()
    first.add((ct(0.5, "Page 1 of 2", size=SMALL),))
    _foot(first, org)
    second.add((t(0.08, "ANNEX A - PARTICULARS OF THE ACCOUNT", True, size=style.point + 1.5),))
    second.add((t(0.08, f"to our letter to {salutation}", size=SMALL + 0.5, italic=True),)).gap()
    top = len(second.rows)
    second.add((t(0.1, "Para.", True), t(0.2, "Particular", True), t(0.56, "Detail", True)))
    second.rule(0.08, 0.92)
    for n, (label, value) in enumerate(_rows(letter), 1):
        labels = second.wrapped(label, 0.2, 0.54)
        values = second.wrapped(value, 0.56, 0.92)
        merged = _sides(labels, values)
        second.add((t(0.1, f"A.{n}"), *merged[0]), *merged[1:])
        second.rule(0.08, 0.92, "grey")
    last = len(second.rows) - 1
    second.rects.append(Rect(top, last, 0.08, 0.92, True, None))
    second.rules += [Line(top, 0.18, 0.18, "ink", last=last), Line(top, 0.545, 0.545, "ink", last=last)]  # fmt: skip
    second.gap()
    second.para("If any particular above is wrong, please tell us in writing and quote paragraph A.2.", size=SMALL + 1).gap()  # fmt: skip
    second.add((ct(0.5, "Page 2 of 2", size=SMALL),))
    _foot(second, org)
    return [first, second]


def _bundle(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A page of a court hearing bundle: the bundle header (the parties, the tab) and a
    boxed page stamp over a thin frame; inside the frame the letter, its facts in a colon
    list; the bundle page number centred at the foot."""
    org = letter.org
    page = Sheet(style)
    tab, number = rng.randrange(2, 9), rng.randrange(12, 180)
    (_, _, surname), _ = person(rng)
    page.add((t(0.06, f"HEARING BUNDLE  {(letter.truth.creditor_name or org.name).upper()} v {surname.upper()}", True, size=SMALL), rt(0.94, f"[B{number}]", True, size=SMALL + 2)))  # fmt: skip
    page.rects.append(Rect(0, 0, 0.85, 0.945, True, None))
    page.add((t(0.06, f"Tab {tab}: correspondence from the creditor", size=SMALL, italic=True),)).gap()  # fmt: skip
    top = len(page.rows)
    x, right = 0.11, 0.89
    _head(page, org, style, x, right)
    salutation = _address(page, rng, x)
    page.add((t(x, letter.title, True, size=style.point + 0.5),)).gap()
    for label, value in _rows(letter):
        values = page.wrapped(value, 0.5, right)
        page.add((t(x, f"{label}:"), *values[0]), *values[1:])
    page.gap()
    page.add((t(x, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras, x, right)
    _close(page, letter, x)
    last = len(page.rows)
    page.gap()
    page.rects.append(Rect(top, last, 0.09, 0.91, True, None))
    page.gap()
    page.add((ct(0.5, f"B{number}", size=SMALL),))
    _foot(page, org)
    return [page]


DOTS = "." * 60


def _dotted(page: Sheet, label: str, value: str, x: float, right: float, size: float) -> None:
    """The label, dots to the value, the value ranged right."""
    faces, style = page.faces, page.style
    room = right - x - faces.length(style, label, size) - faces.length(style, value, size, True) - 0.03  # fmt: skip
    dot = faces.length(style, ".", size)
    if room < 0.04:
        page.add(*page.wrapped(label, x, right, size=size))
        page.add((rt(right, value, True, size=size),))
        return
    leader = DOTS[: max(3, int(room / dot) - 1)]
    page.add((t(x, label, size=size), t(x + faces.length(style, label, size) + 0.01, leader, size=size), rt(right, value, True, size=size)))  # fmt: skip


def _calling(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A doorstep calling card in the top half of the page: a shaded band, tick boxes, each
    fact on a dotted line; a dashed cut line; the covering note below."""
    org = letter.org
    page = Sheet(style)
    size = style.point
    band = len(page.rows)
    page.add((t(0.1, "CALLING CARD", True, size=style.point + 4), rt(0.9, org.name, True, size=SMALL + 1)))  # fmt: skip
    page.rects.append(Rect(band, band, 0.08, 0.92, False, 215))
    page.add((t(0.1, f"{org.street}, {org.town}. Telephone {org.phone}", size=SMALL),)).gap()
    (title, first, surname), lines = person(rng)
    page.add((t(0.1, f"For: {title} {first} {surname}, {lines[1]}", size=size),)).gap()
    ticked = rng.randrange(2)
    for k, text in enumerate(("Nobody answered the door", "The card was handed to someone at the address")):  # fmt: skip
        page.add((t(0.1, "[X]" if k == ticked else "[  ]", size=size), t(0.16, text, size=size)))
    page.gap()
    for label, value in _rows(letter):
        _dotted(page, label, value, 0.1, 0.9, size)
    page.gap()
    page.add((t(0.1, f"Called by agent {letters(rng, 2)}{rng.randrange(10, 99)}. Please ring us on the number above.", size=SMALL, italic=True),))  # fmt: skip
    last = len(page.rows)
    page.gap()
    page.rects.append(Rect(band, last, 0.08, 0.92, True, None))
    page.rule(0.04, 0.96, "dash")
    page.add((ct(0.5, "cut here and keep the card", size=SMALL - 0.5, italic=True),)).gap()
    page.add((t(0.08, f"Dear {title} {surname},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


MONTHS = 6


def _chart(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """ "Your balance over six months": a shaded bar a month, the month's name left and the
    balance at the bar's end (the last month is the balance now); an "At a glance" box
    with the facts; the letter below."""
    org = letter.org
    owed = letter.owed if letter.owed is not None else 0
    page = Sheet(style)
    _head(page, org, style)
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    page.add((t(0.08, "Your balance over six months", True),))
    size = SMALL + 1
    earlier = [max(100, round(owed * rng.uniform(0.55, 1.0))) for _ in range(MONTHS - 1)]
    amounts = [*sorted(earlier), owed]
    top = max(amounts)
    for k, amount in enumerate(amounts):
        back = letter.date.year * 12 + letter.date.month - 1 - (MONTHS - 1 - k)
        month = dt.date(back // 12, back % 12 + 1, 1)
        row = len(page.rows)
        end = 0.2 + 0.5 * amount / top
        page.add((t(0.08, f"{month:%B}" + (" (now)" if k == MONTHS - 1 else ""), size=size), t(end + 0.015, plain(amount), k == MONTHS - 1, size=size)))  # fmt: skip
        page.rects.append(Rect(row, row, 0.2, end, False, 90 if k == MONTHS - 1 else 175))
    page.gap()
    first = len(page.rows)
    page.add((t(0.1, "At a glance", True, size=size + 0.5),))
    for label, value in _rows(letter):
        if _fits(page, label, value, 0.8, size):
            page.add((t(0.1, label, size=size), rt(0.9, value, True, size=size)))
        else:
            page.add(*page.wrapped(label, 0.1, 0.9, size=size))
            page.add(*((rt(0.9, r[0].text, True, size=size),) for r in page.wrapped(value, 0.3, 0.9, size=size)))  # fmt: skip
    page.rects.append(Rect(first, len(page.rows) - 1, 0.08, 0.92, True, None))
    page.gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "notes": _notes,
    "tracker": _tracker,
    "annex": _annex,
    "bundle": _bundle,
    "calling": _calling,
    "chart": _chart,
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
    return f"{name}. Registered in England and Wales, company no. {number}. Registered office: {office}.{extra}"


FCA = " Authorised and regulated by the Financial Conduct Authority."
CARDS = Org("Jervaulx Card Services Ltd", "PO Box 4471", "Richmond DL10 9ZP", "01748 902 415",
            _co("Jervaulx Card Services Ltd", "15502183", "Finkle Street, Richmond DL10 4QA", FCA), "Cardholder Support")  # fmt: skip
UNION = Org("Bedale and District Credit Union Ltd", "Emgate", "Bedale DL8 1AL", "01677 480 216",
            "Bedale and District Credit Union Ltd is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 214907).", "Loans Desk")  # fmt: skip
CLAIMANT = Org("Catterick Motor Finance Ltd", "Garrison Trading Park", "Catterick Garrison DL9 4QF", "01748 833 590",
               _co("Catterick Motor Finance Ltd", "10833417", "Garrison Trading Park, Catterick Garrison DL9 4QF", FCA))  # fmt: skip
COURT = Org("County Court at Northallerton", "Northallerton Court House, Racecourse Lane", "Northallerton DL7 8QZ", "0300 123 6619",
            "HM Courts and Tribunals Service. Always quote the claim number.", "Civil Section")  # fmt: skip
FITTER = Org("Thirsk Kitchens and Bathrooms Ltd", "Sowerby Road", "Thirsk YO7 1HX", "01845 527 380",
             _co("Thirsk Kitchens and Bathrooms Ltd", "08127765", "Sowerby Road, Thirsk YO7 1HX"))  # fmt: skip
RICHMONDSHIRE = Org("Richmondshire District Council", "Revenues, Mercury House, Station Road", "Richmond DL10 4JX", "01748 901 310",
                    team="Revenues Recovery")  # fmt: skip
AGENTS = Org("Bellerby Enforcement Services Ltd", "PO Box 2290", "Leyburn DL8 9BE", "01969 625 118",
             _co("Bellerby Enforcement Services Ltd", "11648832", "Moor Road, Bellerby DL8 5QS", " Our agents hold certificates issued by the County Court."), "Enforcement Desk")  # fmt: skip
FARM = Org("Masham Agricultural Supplies Ltd", "Westholme Road", "Masham HG4 4JB", "01765 689 442",
           _co("Masham Agricultural Supplies Ltd", "04411937", "Westholme Road, Masham HG4 4JB"), "Trade Accounts")  # fmt: skip
COUNCILS = (
    Org("Richmondshire District Council", "Council Tax, Mercury House", "Richmond DL10 4JX", "01748 901 320", team="Council Tax Team"),
    Org("Hambleton District Council", "Council Tax, Stonecross", "Northallerton DL6 2UU", "01609 767 240", team="Council Tax Team"),
)  # fmt: skip
ENERGY = Org("Aysgarth Falls Energy Ltd", "PO Box 6618", "Leyburn DL8 9EF", "0800 031 7744",
             _co("Aysgarth Falls Energy Ltd", "13998160", "Mill Lane, Aysgarth DL8 3SR"), "Billing Team")  # fmt: skip
WATER = Org("Ure Valley Water plc", "Jervaulx Treatment Works", "Ripon HG4 4PH", "0800 077 2391",
            _co("Ure Valley Water plc", "02884105", "Jervaulx Treatment Works, Ripon HG4 4PH"), "Customer Accounts")  # fmt: skip
MAGISTRATES = Org("Northallerton Magistrates' Court", "Fines Unit, Racecourse Lane", "Northallerton DL7 8QZ", "0300 790 6642",
                  "HM Courts and Tribunals Service - North Yorkshire fines unit.", "Fines Unit")  # fmt: skip
LENDER = Org("Leyburn Home Credit Ltd", "Railway Street", "Leyburn DL8 5AY", "01969 622 903",
             _co("Leyburn Home Credit Ltd", "07319556", "Railway Street, Leyburn DL8 5AY", FCA))  # fmt: skip
BUYER = Org("Spennithorne Debt Purchase Ltd", "PO Box 8823", "Richmond DL10 9TS", "01748 905 560",
            _co("Spennithorne Debt Purchase Ltd", "14220398", "The Old Rectory, Spennithorne DL8 5PR", FCA), "Acquired Accounts")  # fmt: skip
HMRC = Org("HM Revenue and Customs", "Tax Credit Office", "Preston PR1 4AT", "0345 300 3900",
           "HM Revenue and Customs. Tax credits have been replaced by Universal Credit; overpayments are still collected.", "Tax Credit Office")  # fmt: skip
SOCIETY = Org("Coverdale Building Society", "Market Place North", "Leyburn DL8 5BD", "01969 624 180",
              "Coverdale Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 207133).", "Arrears Support")  # fmt: skip
HOMES = Org("Thoralby Housing Trust", "Tenancy Income, The Old School", "Thoralby DL8 3SU", "01969 663 271",
            "Thoralby Housing Trust, a charitable registered provider of social housing (no. L4471).", "Tenancy Income")  # fmt: skip
CATALOGUE = Org("Askrigg Home Shopping Ltd", "Moor Road", "Askrigg DL8 3HH", "0345 310 2276",
                _co("Askrigg Home Shopping Ltd", "05092271", "Moor Road, Askrigg DL8 3HH", FCA), "Account Services")  # fmt: skip
SPREAD = Org("Carperby Spread-Pay Ltd", "The Wheatsheaf Yard", "Carperby DL8 4DF", "0203 771 5902",
             _co("Carperby Spread-Pay Ltd", "13770614", "The Wheatsheaf Yard, Carperby DL8 4DF", FCA), "Repayments")  # fmt: skip
MASON = Org("West Burton Stonework Ltd", "The Green", "West Burton DL8 4JY", "01969 663 508",
            _co("West Burton Stonework Ltd", "09663102", "The Green, West Burton DL8 4JY"))  # fmt: skip
SOLICITORS = Org("Kettlewell Raine Solicitors LLP", "Dispute Resolution, Kirkgate", "Ripon HG4 1PA", "01765 608 844",
                 "Kettlewell Raine Solicitors LLP (OC451207), Kirkgate, Ripon HG4 1PA, is authorised and regulated by the Solicitors Regulation Authority (no. 690412).", "Dispute Resolution")  # fmt: skip
STABLES = Org("Middleham Moor Racing Stables Ltd", "Stable Office, Coverham Lane", "Middleham DL8 4QD", "01969 623 715",
              _co("Middleham Moor Racing Stables Ltd", "06215534", "Coverham Lane, Middleham DL8 4QD"), "Stable Office")  # fmt: skip
CREAMERY = Org("Leyburn Creamery Ltd", "Payroll, Harmby Road", "Leyburn DL8 5NT", "01969 624 066",
               _co("Leyburn Creamery Ltd", "03554219", "Harmby Road, Leyburn DL8 5NT"), "Payroll")  # fmt: skip
BANK = Org("Ripon City Bank plc", "Statements, North Street", "Ripon HG4 1JQ", "0345 607 2284",
           _co("Ripon City Bank plc", "02771093", "North Street, Ripon HG4 1JQ", " Eligible deposits are protected by the Financial Services Compensation Scheme."), "Statements")  # fmt: skip
DWP = "Department for Work and Pensions"
IDB = Org(DWP, "Industrial Death Benefit", "Barnsley S70 9JA", "0800 121 7104",
          "Industrial Death Benefit is paid by the Department for Work and Pensions to widows of people who died of an industrial accident or disease before April 1988.", "Industrial Injuries Benefits")  # fmt: skip
GRB = Org(DWP, "Graduated Retirement Benefit, The Pension Service", "Wolverhampton WV98 1AF", "0800 731 7898",
          "Graduated Retirement Benefit is paid by the Department for Work and Pensions with the State Pension.", "Pension Service")  # fmt: skip
RINGERS = Org("Castle Bolton Bell Ringers", "c/o St Oswald's Church", "Castle Bolton DL8 4ET", "07700 900 718",
              "The band rings for services and weddings; this letter asks for nothing.", "Tower Captain")  # fmt: skip
SHOW = Org("Aysgarth Village Show Society", "c/o The Institute", "Aysgarth DL8 3AB", "07700 900 452",
           "The show is run by volunteers from the village.", "Show Secretary")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A Jervaulx card (chart, even) or a Bedale credit union loan (notes)."""
    kinds = ("chart", "notes")
    when, date, owed = _when(rng), dated(rng), balance(rng)
    by = later(date, 14)
    if i % 2 == 0:
        org, ref, label = CARDS, f"{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 4)}", "Jervaulx card no."  # fmt: skip
        first = "Your card's minimum payments have been missed twice running."
    else:
        org, ref, label = UNION, f"BDCU-{digits(rng, 6)}", "Bedale member loan no."
        first = "The repayments on your credit union loan have stopped."
    letter = Letter(
        org=org, title="We have not had your payments", date=date, when=when, owed=owed,
        truth=owes(C.CREDITOR_LETTER, org.name, ref, owed, date, deadline_date=by),
        ref_label=label, ref=ref,
        facts=[("Amount in arrears today", owed), ("Get in touch with us on or before", by)],
        paras=(first,
               f"The arrears on the account come to {pounds(owed)}. Please pay them, or ring us to agree payments you can afford, no later than {when(by)}.",
               "If we cannot agree a way forward we may issue a default notice, which will be recorded with the credit reference agencies."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 3)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("bundle", "annex")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 91_000, 1_280_000)
    fee, costs = rng.choice((20_500, 45_500, 57_500)), rng.choice((8_000, 10_000, 11_000))
    total = claimed + fee + costs
    ref, claim = f"CMF/{digits(rng, 6)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=COURT, title="Notice that a money claim has been issued against you", date=date, when=when, owed=total,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Northallerton claim no.", ref=claim, date_label="Claim issued on",
        facts=[("Claim total with fee and fixed costs", total), ("Car lender making the claim", CLAIMANT.name), ("Car lender's finance agreement", ref),
               ("Claim form deemed served on", served), ("Court must have your reply by", by)],
        paras=(f"{CLAIMANT.name} has issued a claim against you about a car finance agreement (their reference {ref}).",
               f"It claims {pounds(claimed)}, with a court fee of {pounds(fee)} and fixed costs of {pounds(costs)}: {pounds(total)} in all.",
               f"The claim form is deemed served on {when(served)}. Your reply must reach the court by {when(by)}; if it does not, the claimant may ask the court for judgment."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("annex", "tracker")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 36_000, 930_000)
    ref, claim = f"TKB{digits(rng, 5)}", _claim_no(rng)
    monthly, by = rng.choice((2_000, 4_000, 6_500)), later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    how = (f"pay {pounds(owed)} to the claimant by {when(by)}" if extra
           else f"pay {pounds(owed)} to the claimant at {pounds(monthly)} a month")  # fmt: skip
    facts: list[Fact] = [("Amount of the Northallerton judgment", owed), ("Kitchen fitter owed the judgment", FITTER.name), ("Kitchen fitter's order no.", ref)]  # fmt: skip
    facts += (
        [("Whole amount to be paid by", by)]
        if extra
        else [("Monthly payment the court ordered", monthly)]
    )
    letter = Letter(
        org=COURT, title="Judgment entered for the claimant in default", date=date, when=when, owed=owed,
        truth=owes(C.COUNTY_COURT_JUDGMENT, FITTER.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Northallerton claim no.", ref=claim, facts=facts, date_label="Judgment entered on",
        paras=(f"You did not reply to the claim made by {FITTER.name} (order {ref}), so judgment has been entered against you.",
               f"You are ordered to {how}.",
               "If you pay in full within one month of the judgment, it will be removed from the Register of Judgments, Orders and Fines."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kinds = ("calling", "bundle")
    when, date = _when(rng), dated(rng)
    order = balance(rng, 16_000, 240_000)
    owed = order + 7_500
    case, by = f"BES{digits(rng, 7)}", later(date, 7)
    letter = Letter(
        org=AGENTS, title="Council tax debt passed to enforcement agents", date=date, when=when, owed=owed,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, RICHMONDSHIRE.name, case, owed, date, deadline_date=by),
        ref_label="Bellerby case no.", ref=case, date_label="Date of this notice",
        facts=[("Amount needed to close the case", owed), ("Council that obtained the order", RICHMONDSHIRE.name), ("Pay before an agent visits, by", by)],
        paras=(f"{RICHMONDSHIRE.name} has passed us a liability order for unpaid council tax to collect.",
               f"The order was for {pounds(order)}. The compliance fee of {pounds(7_500)} brings what you owe to {pounds(owed)}.",
               f"Pay it, or ring us to agree an arrangement, by {when(by)}. Otherwise an enforcement agent may call and further fees will be added."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("bundle", "annex")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 550_000, 2_300_000)
    ref, by = f"MAS/{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=FARM, title="Statutory demand: farm supplies left unpaid", date=date, when=when, owed=owed,
        truth=owes(C.STATUTORY_DEMAND, FARM.name, ref, owed, date, deadline_date=by),
        ref_label="Farm supplies account no.", ref=ref, date_label="Date of the demand",
        facts=[("Debt for feed, fencing and fuel", owed), ("Pay, secure or compound it by", by)],
        paras=("Animal feed, fencing and red diesel were supplied to you on account and the invoices have not been paid.",
               f"The creditor demands that you pay {pounds(owed)}, or secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition against you. You may apply to the court to set the demand aside within 18 days of its service."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("calling", "chart")
    org = COUNCILS[i % 2]
    when, date = _when(rng), dated(rng)
    ref, by = f"{digits(rng, 8)}{rng.choice('XYZ')}", later(date, 7)
    owed = rng.randrange(8_500, 26_000) + rng.randrange(8_500, 26_000)
    letter = Letter(
        org=org, title="Your council tax instalments are behind", date=date, when=when, owed=owed,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Council tax account reference", ref=ref,
        facts=[("Missed instalments, added together", owed), ("Clear the missed instalments by", by)],
        paras=("Our records show that your council tax instalments have not been paid.",
               f"The missed instalments total {pounds(owed)}. If you pay them by {when(by)} you may go on paying by instalments.",
               "If not, you lose the right to pay by instalments, the rest of the year's charge falls due at once and we may ask the magistrates for a liability order."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("chart", "tracker")
    when, date = _when(rng), dated(rng)
    ref, by = f"AFE{digits(rng, 9)}", later(date, 14)
    owed = balance(rng, 5_200, 63_000)
    letter = Letter(
        org=ENERGY, title="Your energy bill for the quarter", date=date, when=when, owed=owed,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Aysgarth Falls account no.", ref=ref, date_label="Date of this bill",
        facts=[("Quarter's charges including VAT", owed), ("Payment due no later than", by)],
        paras=("This bill covers the electricity and gas used since your last bill, with the daily standing charges.",
               f"The bill comes to {pounds(owed)} including VAT at 5% and is due no later than {when(by)}.",
               "If you are finding it hard to pay, ring us: we can set up a payment plan and tell you about grants and the Priority Services Register."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("calling", "notes")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 10_500, 150_000)
    ref, by = f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 4)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Your Ure Valley water charges are overdue", date=date, when=when, owed=owed,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Ure Valley customer reference", ref=ref,
        facts=[("Water charges now overdue", owed), ("Ring us about them by", by)],
        paras=(f"Your water and sewerage charges of {pounds(owed)} are overdue. Please pay them, or ring us to spread the cost, by {when(by)}.",
               "We have a reduced tariff for households on low incomes. If we do not hear from you we may pass the account to a debt collection agency, which may add charges."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("tracker", "calling")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 8_500, 170_000)
    ref, by = f"{digits(rng, 2)}-{digits(rng, 6)}-{letters(rng, 2)}", later(date, 14)
    letter = Letter(
        org=MAGISTRATES, title="Missed payments on a fine imposed at Northallerton", date=date, when=when, owed=owed,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Northallerton fine account", ref=ref,
        facts=[("Fine, costs and surcharge unpaid", owed), ("Pay or contact the Fines Unit by", by)],
        paras=("The court ordered you to pay a fine, prosecution costs and a victim surcharge, and your payments have stopped.",
               f"The amount unpaid is {pounds(owed)}. Pay it, or contact the Fines Unit, by {when(by)}.",
               "Otherwise the court may make an attachment of earnings or benefits, or send the account to enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("notes", "annex")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 19_000, 760_000)
    ref, old = f"SDP{digits(rng, 8)}", f"LHC-{digits(rng, 5)}"
    letter = Letter(
        org=BUYER, title="Your Leyburn Home Credit loan has been sold to us", date=date, when=when, owed=owed,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="Spennithorne account no.", ref=ref,
        facts=[("Balance we bought with the loan", owed), ("Home-credit lender that sold it", LENDER.name), ("Leyburn loan agreement no.", old)],
        paras=(f"{LENDER.name} has sold and assigned your loan {old} to us. Please make all payments to us from now on.",
               f"The balance transferred to us is {pounds(owed)}. We will not add any interest or charges to it.",
               "If you already have a payment arrangement it will continue; please quote our account number."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("annex", "tracker")
    when, date = _when(rng), dated(rng)
    weeks, weekly = rng.randrange(4, 52), rng.randrange(1_800, 11_500)
    owed = weeks * weekly
    ref, by = f"TC{digits(rng, 9)}", later(date, 30)
    letter = Letter(
        org=HMRC, title="Working Tax Credit overpaid to you", date=date, when=when, owed=owed,
        truth=owes(C.OVERPAYMENT, HMRC.name, ref, owed, date, deadline_date=by),
        ref_label="Tax credits overpayment ref.", ref=ref,
        facts=[("Working Tax Credit overpaid", owed), ("Repay or call us to agree terms by", by)],
        paras=(f"Your household income was higher than we were told, so you were paid too much Working Tax Credit for {weeks} weeks.",
               f"The overpayment is {pounds(owed)}. Please repay it, or call us to agree how you will pay it back, by {when(by)}.",
               "If you think this is wrong you can ask us to look at it again within 30 days."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("chart", "bundle")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 46_000, 890_000), rng.randrange(43_000, 161_000)
    ref = f"{digits(rng, 3)}-{digits(rng, 6)}"
    letter = Letter(
        org=SOCIETY, title="Your Coverdale mortgage is in arrears", date=date, when=when, owed=owed,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Coverdale mortgage account", ref=ref,
        facts=[("Missed mortgage money so far", owed), ("Monthly sum due under the mortgage deed", monthly)],
        paras=(f"Your mortgage account has arrears of {pounds(owed)}. Your contractual monthly payment is {pounds(monthly)}.",
               "Please ring Arrears Support so that we can understand your circumstances. Repossession is always the very last thing we consider."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("calling", "notes")
    when, date = _when(rng), dated(rng)
    owed, weekly = balance(rng, 8_800, 290_000), rng.randrange(8_200, 17_500)
    ref = f"THT/{digits(rng, 4)}/{rng.randrange(1, 9)}"
    letter = Letter(
        org=HOMES, title="Rent arrears on your Thoralby tenancy", date=date, when=when, owed=owed,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Thoralby tenancy reference", ref=ref,
        facts=[("Rent arrears owed to the trust", owed), ("Weekly rent with service charge", weekly)],
        paras=("There are arrears on your rent account.",
               f"You owe {pounds(owed)} in rent; your rent and service charge is {pounds(weekly)} a week. Please ring the Tenancy Income team to agree a plan.",
               "If your housing costs from Universal Credit have changed, tell us; we can refer you for free money advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("notes", "chart")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 3_100, 131_000), later(date, 10)
    if i % 2 == 0:
        org, ref, title = (
            SPREAD,
            f"CSP{digits(rng, 9)}",
            "Your spread-pay instalments were not taken",
        )
        first = "We were unable to take your last two instalments from your card."
    else:
        org, ref, title = (
            CATALOGUE,
            f"AHS-{digits(rng, 7)}",
            "Your Askrigg shopping account is behind",
        )
        first = "Your shopping account is behind, so we have stopped new orders for now."
    letter = Letter(
        org=org, title=title, date=date, when=when, owed=owed,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Customer account no.", ref=ref,
        facts=[("Spread-pay instalments outstanding", owed), ("Last day to catch up the plan", by)],
        paras=(first,
               f"You are {pounds(owed)} behind. Please pay this no later than {when(by)} to avoid a late fee and a report to the credit reference agencies.",
               "If you are in financial difficulty, tell us and we will pause collection for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("bundle", "tracker")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 58_000, 1_400_000), later(date, 30)
    ref = f"WBS-{digits(rng, 4)}-{letters(rng, 1)}"
    letter = Letter(
        org=SOLICITORS, title="Pre-action letter: unpaid walling and stonework", date=date, when=when, owed=owed,
        truth=owes(C.LETTER_OF_CLAIM, MASON.name, ref, owed, date, deadline_date=by),
        ref_label="Stonemason's invoice ref.", ref=ref, signed="Kettlewell Raine Solicitors LLP",
        facts=[("Sum the stonemason is owed", owed), ("Stonemason we act for", MASON.name), ("Send back the reply form by", by)],
        paras=(f"We act for {MASON.name}, which rebuilt the walls and outbuildings at your property and has not been paid.",
               f"Our client claims {pounds(owed)}. Please complete the enclosed reply form and financial statement and send them back to us by {when(by)}.",
               "If you do not reply, our client may issue court proceedings without further warning and claim interest and costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _slip(page: Sheet, rows: Sequence[tuple[str, int, str]], size: float) -> tuple[int, int]:
    """Earnings and deductions side by side: each line's label and amount in its own half;
    returns (gross, total deducted)."""
    pays = [(label, amount) for label, amount, column in rows if column == "pay"]
    deds = [(label, amount) for label, amount, column in rows if column == "ded"]
    page.add((t(0.09, "Earnings", True, size=size), t(0.52, "Deductions", True, size=size)))
    page.rule(0.08, 0.92)
    for n in range(max(len(pays), len(deds))):
        cells: list[Cell] = []
        if n < len(pays):
            cells += [t(0.09, pays[n][0], size=size), rt(0.47, plain(pays[n][1]), size=size)]
        if n < len(deds):
            cells += [t(0.52, deds[n][0], size=size), rt(0.91, plain(deds[n][1]), size=size)]
        page.add(tuple(cells))
    gross, taken = sum(a for _, a in pays), sum(a for _, a in deds)
    page.rule(0.08, 0.92)
    page.add((t(0.09, "Gross pay", True, size=size), rt(0.47, plain(gross), True, size=size),
              t(0.52, "Total deductions", True, size=size), rt(0.91, plain(taken), True, size=size)))  # fmt: skip
    return gross, taken


def _stables(rng: random.Random, i: int) -> Doc:
    """A racing stable's wage slip: basic hours, an early-start allowance and a share of the
    prize-money pool; tax, NI, a pension and the lads' hostel deducted; weekly or
    fortnightly."""
    org, date, when = STABLES, dated(rng), _when(rng)
    frequency = ("weekly", "fortnightly")[(i // 2) % 2]
    weeks = {"weekly": 1, "fortnightly": 2}[frequency]
    rate = rng.choice((1_221, 1_274, 1_330))
    hours = rng.randrange(38, 46) * weeks
    early = rng.randrange(4, 7) * weeks * 850
    pool = rng.randrange(0, 9_000)
    basic = hours * rate
    rows = [(f"Basic {hours} hrs at {plain(rate)}", basic, "pay"), ("Early start allowance", early, "pay"), ("Prize money pool share", pool, "pay")]  # fmt: skip
    gross = basic + early + pool
    tax, ni, pension = gross * 9 // 100, gross * 5 // 100, gross * 3 // 100
    hostel = 4_200 * weeks
    rows += [("Income tax", tax, "ded"), ("National Insurance", ni, "ded"), ("Pension (3%)", pension, "ded"), ("Hostel room", hostel, "ded")]  # fmt: skip
    net = gross - tax - ni - pension - hostel
    style = STYLES[(i + 1) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    page = Sheet(style)
    _head(page, org, style)
    size = SMALL + 1.5
    page.add((t(0.08, "Stable staff pay advice", True, size=style.point + 1), rt(0.92, f"Paid on {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"{first} {surname} (yard no. {digits(rng, 3)})", size=size), rt(0.92, f"Pay frequency: {FREQUENCY_SHOWN[frequency][0]}", size=size)))  # fmt: skip
    page.gap()
    top = len(page.rows)
    _slip(page, rows, size)
    page.add((t(0.52, "Take-home pay", True, size=size), rt(0.91, plain(net), True, size=size)))
    page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92, True, None))
    page.rules.append(Line(top, 0.495, 0.495, "ink", last=len(page.rows) - 1))
    page.gap()
    page.para(f"Your take-home pay of {pounds(net)} has gone to your bank. The prize money pool is shared among the yard staff {FREQUENCY_SHOWN[frequency][1]}.", size=size)  # fmt: skip
    _foot(page, org)
    return Doc(truth=truth, sheets=[page], style=style)


def payslip(rng: random.Random, i: int) -> Doc:
    """A racing stable's pay advice (even) or a creamery's, night shifts at a premium and
    the staff shop deducted (odd)."""
    if i % 2 == 0:
        return _stables(rng, i)
    org, date, when = CREAMERY, dated(rng), _when(rng)
    frequency = ("four_weekly", "monthly")[(i // 2) % 2]
    hours = {"four_weekly": 150, "monthly": 163}[frequency]
    rate = rng.choice((1_290, 1_345, 1_410))
    nights = rng.randrange(3, 9)
    premium = rate * 13 // 10
    basic, night_pay = hours * rate, nights * 8 * premium
    gross = basic + night_pay
    tax, ni, pension = gross * 11 // 100, gross * 6 // 100, gross * 4 // 100
    shop = rng.randrange(600, 3_400)
    net = gross - tax - ni - pension - shop
    rows = [(f"Basic {hours} hrs at {plain(rate)}", basic, "pay"), (f"Night shifts {nights} x 8 hrs at {plain(premium)}", night_pay, "pay"),
            ("PAYE tax", tax, "ded"), ("NI contributions", ni, "ded"), ("Pension scheme 4%", pension, "ded"), ("Staff shop purchases", shop, "ded")]  # fmt: skip
    style = STYLES[(i + 2) % len(STYLES)]
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    page = Sheet(style)
    _head(page, org, style)
    size = SMALL + 1.5
    page.add((t(0.08, "Creamery payroll statement", True, size=style.point + 1),))
    page.add((t(0.08, f"{first} {surname}, clock no. {digits(rng, 4)}", size=size), rt(0.92, f"Pay date {when(date)}", size=size)))  # fmt: skip
    page.add((t(0.08, f"Paid {FREQUENCY_SHOWN[frequency][1]}; tax code 1257L", size=size),)).gap()  # fmt: skip
    top = len(page.rows)
    _slip(page, rows, size)
    page.add((t(0.52, "Take-home pay", True, size=size), rt(0.91, plain(net), True, size=size)))
    page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92, True, None))
    page.rules.append(Line(top, 0.495, 0.495, "ink", last=len(page.rows) - 1))
    page.gap()
    page.para(f"{pounds(net)} has been paid to your account. Staff shop purchases are taken from the next pay after you buy.", size=size)  # fmt: skip
    _foot(page, org)
    return Doc(truth=truth, sheets=[page], style=style)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """Money out, money in and a balance on every line, a "Week to ..." subtotal line after
    each week's entries (even, starting overdrawn); or one signed "Amount" column, payments
    out with a minus, and a balance (odd); overdrawn balances marked "(Dr)" either way."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    start = later(date, -28)
    opening = rng.randrange(3_500, 98_000) * (-1 if i % 2 == 0 else 1)
    items = [("CATTERICK GARRISON PAYROLL", rng.randrange(88_000, 190_000)), ("DD AYSGARTH FALLS ENERGY", -rng.randrange(4_200, 14_800)),
             ("CARD CO-OP LEYBURN", -rng.randrange(700, 7_100)), ("SO THORALBY HOUSING TRUST", -rng.randrange(36_000, 74_000)),
             ("CASH MARKET PLACE BEDALE", -2_000), ("DD RICHMONDSHIRE DC", -rng.randrange(8_800, 17_900)),
             ("FPO E LINDQVIST", -rng.randrange(1_000, 6_500)), ("CARD TEAROOM MIDDLEHAM", -rng.randrange(450, 2_600)),
             ("DD CARPERBY SPREAD-PAY", -rng.randrange(1_700, 7_400))]  # fmt: skip
    offsets = sorted(rng.randrange(1, 27) for _ in items)
    days = [later(start, n) for n in offsets]
    size = SMALL + 0.5
    page = Sheet(style)
    _head(page, BANK, style)
    _address(page, rng)
    sort, account = f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}", digits(rng, 8)
    page.add((t(0.07, "Statement of account", True), rt(0.93, f"Issued {when(date)}")))
    page.add((t(0.07, f"Sort code {sort}   Account number {account}", size=size),)).gap()
    running = opening
    if i % 2 == 0:
        xs = (0.07, 0.17, 0.62, 0.77, 0.93)
        page.add((t(xs[0], "Date", True, size=size), t(xs[1], "Transaction", True, size=size), rt(xs[2], "Money out", True, size=size),
                  rt(xs[3], "Money in", True, size=size), rt(xs[4], "Balance", True, size=size))).rule(0.07, 0.93)  # fmt: skip
        page.add((t(xs[0], f"{start:%d %b}", size=size), t(xs[1], "Opening balance", size=size), rt(xs[4], marked(opening), size=size)))  # fmt: skip
        week_end = later(start, 7)
        moved = 0
        for (what, amount), day in zip(items, days, strict=True):
            while day >= week_end:
                page.add((t(xs[1], f"Week to {week_end:%d %b}: net {'-' if moved < 0 else '+'}{plain(abs(moved))}", True, size=size - 0.5),))  # fmt: skip
                week_end, moved = later(week_end, 7), 0
            running += amount
            moved += amount
            page.add((t(xs[0], f"{day:%d %b}", size=size), t(xs[1], what, size=size),
                      rt(xs[2] if amount < 0 else xs[3], plain(abs(amount)), size=size), rt(xs[4], marked(running), size=size)))  # fmt: skip
        page.rule(0.07, 0.93)
        page.add((t(xs[1], "Closing balance", True, size=size), rt(xs[4], marked(running), True, size=size)))  # fmt: skip
        note = "(Dr) = overdrawn. A net figure is shown at the end of each week."
    else:
        cols = (0.07, 0.17, 0.77, 0.93)
        page.add((t(cols[0], "Date", True, size=size), t(cols[1], "Transaction", True, size=size),
                  rt(cols[2], "Amount", True, size=size), rt(cols[3], "Balance", True, size=size))).rule(0.07, 0.93)  # fmt: skip
        page.add((t(cols[0], f"{start:%d.%m}", size=size), t(cols[1], "Opening balance", size=size), rt(cols[3], marked(opening), size=size)))  # fmt: skip
        for (what, amount), day in zip(items, days, strict=True):
            running += amount
            page.add((t(cols[0], f"{day:%d.%m}", size=size), t(cols[1], what, size=size),
                      rt(cols[2], ("-" if amount < 0 else "") + plain(abs(amount)), size=size), rt(cols[3], marked(running), size=size)))  # fmt: skip
        page.rule(0.07, 0.93)
        page.add((t(cols[1], "Closing balance", True, size=size), rt(cols[3], marked(running), True, size=size)))  # fmt: skip
        note = "Payments out are shown with a minus sign. (Dr) = overdrawn."
    page.gap()
    page.para(note, x=0.07, right=0.93, size=size)
    _foot(page, BANK)
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style
    )


def benefit(rng: random.Random, i: int) -> Doc:
    """Industrial Death Benefit (even: tracker) or Graduated Retirement Benefit (odd:
    annex)."""
    kinds = ("tracker", "annex")
    when, date = _when(rng), dated(rng)
    frequency = ("weekly", "four_weekly")[(i // 2) % 2]
    times = {"weekly": 1, "four_weekly": 4}[frequency]
    if i % 2 == 0:
        org, what = IDB, "Industrial Death Benefit"
        paid = rng.choice((4_108, 4_561, 5_272)) * times
    else:
        org, what = GRB, "Graduated Retirement Benefit"
        paid = rng.choice((312, 587, 1_046)) * times
    ref = f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}"
    letter = Letter(
        org=org, title=f"{what}: how much you will get", date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="National Insurance number", ref=ref, date_label="Date of our decision",
        facts=[("Amount of each payment", paid), ("How often you are paid", FREQUENCY_SHOWN[frequency][0])],
        paras=(f"We have worked out your {what} from {when(later(date, -14))}.",
               f"You will get {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]}, paid into your bank account.",
               "Tell us at once if your circumstances change, for example if you remarry, go into hospital or move abroad."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: the bell ringers' practice night (calling) and the village show's
    schedule (notes)."""
    kinds = ("calling", "notes")
    when, date = _when(rng), dated(rng)
    on = later(date, 7 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=RINGERS, title="Come and try bell ringing", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Learner list place", ref=f"R{rng.randrange(10, 99)}",
            facts=[("Open practice night", on), ("Where to find us", "The tower door, 7.30 pm")],
            paras=(f"Our open practice night is on {when(on)}; nobody needs to have rung before.",
                   "The tower stairs are steep, so please wear flat shoes. Tea is served in the vestry afterwards."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=SHOW, title="Entries wanted for the village show", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Exhibitor number", ref=str(rng.randrange(100, 400)),
            facts=[("Show day on the green", on), ("Bring your entries to", "The Institute, 8 am")],
            paras=(f"Thank you for entering the village show on {when(on)}.",
                   "Classes include baking, vegetables, crafts and the children's scarecrow competition."),
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
class AISample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Line, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


SEED = 3319


def build_ai(per_class: int = 4, *, seed: int = SEED) -> list[AISample]:
    """``per_class`` documents of every class, held out, family ``<class>:AI``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, AISample)


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, ai_text, ai_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class AIScan:
    dpi: int
    skew: float
    """Degrees."""
    stitch: bool = False
    """Scanned in two passes on a small flatbed and stitched; greyscale."""
    pen: bool = False
    """Photographed on the desk with a ballpoint pen lying across the page; colour."""
    recycled: bool = False
    """Printed on recycled paper: a grey-beige tone, flecks and fibres; greyscale."""


SCANS = (
    AIScan(dpi=200, skew=0.3, stitch=True),
    AIScan(dpi=180, skew=-0.6, pen=True),
    AIScan(dpi=280, skew=0.5, recycled=True),
)

INK = (24, 24, 30)
PAPER = (250, 249, 246)
COLOURS = {"ink": INK, "grey": (150, 150, 150), "dash": (90, 90, 90)}
SEAM = (3, 6)
"""How far the stitched lower half sits sideways from the upper (pixels at 200 dpi: fewest,
most; either way)."""
DARKER = 0.93
"""The lower pass's brightness against the upper's."""
FLECKS = 0.0009
"""The recycled paper's flecks: a share of the pixels."""
FIBRES = 140
"""Curled fibres drawn on a recycled page."""
QUALITY = 84
"""The JPEG quality of the photo with the pen."""


def _draw(sample: AISample, n: int, dpi: int) -> Image.Image:
    width, height = page_size(sample, dpi)
    image = Image.new("RGB", (width, height), PAPER)
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, dpi)
    body = round(sample.style.point / 72 * dpi)
    line = max(1, dpi // 150)
    for rect in sample.rects[n] if sample.rects else ():
        y0 = tops[rect.first] - round(0.2 * body)
        y1 = tops[rect.last] + heights[rect.last] - round(0.2 * body)
        box = (round(rect.x0 * width), y0, round(rect.x1 * width), y1)
        if rect.fill is not None:
            pen.rectangle(box, fill=(rect.fill,) * 3)
        if rect.outline:
            pen.rectangle(box, outline=INK, width=line)
    for rule in sample.rules[n] if sample.rules else ():
        colour = COLOURS[rule.colour]
        y = tops[rule.row] - round(0.1 * body) if rule.row < len(tops) else tops[-1] + heights[-1]
        if rule.last is not None:
            y1 = tops[rule.last] + heights[rule.last] - round(0.2 * body)
            x = round(rule.x0 * width)
            pen.line((x, y - round(0.1 * body), x, y1), fill=colour, width=line)
        elif rule.colour == "dash":
            x, x1, step = round(rule.x0 * width), round(rule.x1 * width), max(6, dpi // 20)
            while x < x1:
                pen.line((x, y, min(x1, x + step // 2), y), fill=colour, width=line)
                x += step
        else:
            pen.line(
                (round(rule.x0 * width), y, round(rule.x1 * width), y), fill=colour, width=line
            )
    for p in PRINT.layout(sample, n, dpi):
        pen.text((p.left, p.top), p.cell.text, fill=INK, font=p.font)
    return image


def _turn(image: Image.Image, skew: float, fill: int | tuple[int, int, int]) -> Image.Image:
    return image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill)


def _stitch(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Greyscale; scanned in two passes and stitched: the lower half (from a seam a little
    below the middle) shifted a few pixels sideways and a shade darker, a faint grey seam
    line where the passes meet, each pass turned a little differently."""
    grey = np.asarray(image.convert("L"), dtype=np.float32).copy()
    height = grey.shape[0]
    seam = round(height * rng.uniform(0.48, 0.58))
    shift = rng.randrange(*SEAM) * rng.choice((-1, 1))
    lower = np.roll(grey[seam:], shift, axis=1) * DARKER
    lower[:, : max(0, shift)] = 248 * DARKER
    if shift < 0:
        lower[:, shift:] = 248 * DARKER
    grey[seam:] = lower
    grey[seam : seam + 1] *= 0.85
    out = Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8))
    return _turn(out, skew, 246)


def _pen(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Colour; photographed on a desk with a ballpoint pen lying across the lower part of
    the page: the pen's blue barrel, its metal clip and tip, and a soft shadow beside it;
    the desk shows round the turned page."""
    width, height = image.size
    shadow = Image.new("L", image.size, 0)
    barrel = Image.new("L", image.size, 0)
    y0 = height * rng.uniform(0.78, 0.9)
    angle = math.radians(rng.uniform(-14, 14))
    length = width * rng.uniform(0.55, 0.7)
    x0 = width * rng.uniform(0.05, 0.35)
    x1, y1 = x0 + length * math.cos(angle), y0 + length * math.sin(angle)
    thick = max(6, round(width * 0.012))
    ImageDraw.Draw(shadow).line((x0 + thick, y0 + thick, x1 + thick, y1 + thick), fill=120, width=thick + 4)  # fmt: skip
    ImageDraw.Draw(barrel).line((x0, y0, x1, y1), fill=255, width=thick)
    shadow = shadow.filter(ImageFilter.GaussianBlur(thick * 0.8))
    arr = np.asarray(image).astype(np.float32)
    # (only in the shadow's box: elsewhere its factor is 1.0, and x * 1.0 is x)
    if (box := shadow.getbbox()) is not None:
        left, top, right, bottom = box
        cast = np.asarray(shadow.crop(box)).astype(np.float32)
        arr[top:bottom, left:right] *= (1 - cast / 255 * 0.45)[:, :, None]
    mask = np.asarray(barrel) > 0
    ys = np.nonzero(mask)[0]
    shade = 0.75 + 0.25 * np.cos((ys - ys.mean()) / max(1, thick) * 2)
    arr[mask] = np.array([38, 62, 150], dtype=np.float32) * shade[:, None]
    draw_tip = ImageDraw.Draw(out := Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)))
    draw_tip.line((x1, y1, x1 + thick * 2 * math.cos(angle), y1 + thick * 2 * math.sin(angle)), fill=(180, 180, 176), width=max(2, thick // 2))  # fmt: skip
    draw_tip.line((x0 + thick, y0 - thick // 2, x0 + thick * 5, y0 - thick // 2), fill=(200, 200, 196), width=max(2, thick // 3))  # fmt: skip
    return _turn(out, skew, (92, 70, 52)).filter(ImageFilter.GaussianBlur(0.5))


def _recycled(image: Image.Image, rng: random.Random, skew: float) -> Image.Image:
    """Greyscale; printed on recycled paper: the paper a mottled grey-beige, dark flecks
    scattered through it and short curled fibres, the print on top."""
    grey = np.asarray(image.convert("L"), dtype=np.float32)
    height, width = grey.shape
    nprng = np.random.default_rng(rng.randrange(1 << 30))
    mottle = nprng.normal(0, 1, (height // 24 + 1, width // 24 + 1)).astype(np.float32)
    tone = np.asarray(Image.fromarray(mottle).resize((width, height), Image.Resampling.BICUBIC))
    paper = 226 + 5 * tone
    ink = grey / 255.0
    out = paper * ink
    count = int(FLECKS * height * width)
    ys, xs = nprng.integers(0, height, count), nprng.integers(0, width, count)
    out[ys, xs] = nprng.uniform(60, 150, count)
    page = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(page)
    for _ in range(FIBRES):
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        heading = rng.uniform(0, math.tau)
        points = [(x, y)]
        for _ in range(rng.randrange(3, 7)):
            heading += rng.uniform(-0.6, 0.6)
            x, y = x + 3 * math.cos(heading), y + 3 * math.sin(heading)
            points.append((x, y))
        draw.line(points, fill=rng.randrange(110, 180), width=1)
    return _turn(page, skew, 224)


def render(sample: AISample, n: int, scan: AIScan, seed: int = 0) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    image = _draw(sample, n, scan.dpi)
    if scan.stitch:
        return _stitch(image, rng, scan.skew)
    if scan.pen:
        return _pen(image, rng, scan.skew)
    return _recycled(image, rng, scan.skew)


def ai_scanned(sample: AISample, index: int) -> tuple[bytes, str, AIScan]:
    """Scanned one of three ways: the stitched two-pass scan as greyscale PNG, the photo
    with a pen on it as colour JPEG (quality ``QUALITY``, no resolution), the recycled
    paper as greyscale PNG (its resolution at even indexes); more than one page as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 59 + n) for n in range(len(sample.pages))]
    if len(images) > 1:
        return encode_pages([im.convert("RGB") for im in images], "pdf", scan.dpi), "pdf", scan
    if scan.pen:
        out = io.BytesIO()
        images[0].save(out, format="JPEG", quality=QUALITY)
        return out.getvalue(), "jpeg", scan
    if scan.recycled:
        return encode_pages(images, "png", scan.dpi if index % 2 == 0 else None), "png", scan
    return encode_pages(images, "png", scan.dpi), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "SEED",
    "TEMPLATES",
    "AISample",
    "AIScan",
    "ai_pages",
    "ai_scanned",
    "ai_text",
    "build_ai",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
