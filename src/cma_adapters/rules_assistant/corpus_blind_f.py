# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``F``, written blind: an eighteenth measure of how the reader
generalises, in an eighteenth hand (after ``L`` to ``Z``, ``G`` and ``E``; ``F`` is a
letter the corpus's own families A-D, H and K never took).

``F`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``money``, ``encode_pages``, ``values_found``), the shared page
engine (``corpus_print``), family G's module and tests (for their conventions), the shared
test helpers (``tests/unit/documents/blind_families.py``,
``tests/integration/ocr/blind_read.py``), the registration code of
``benchmarks/intake_accuracy.py`` and ``benchmarks/openai_accuracy.py``, the "Family ..."
sections of benchmarks/OCR.md (which settings, regions, faces and scan effects were used)
and, by grep only, families A-Z and G (to avoid their organisations, wording, faces and
scan effects; E only through the new-words test, which reads its source) -- **not** the reader's rules (``assistant.py``, ``fields.py``,
``values.py``, ``labelled.py``, ``structures.py``, ``prose.py``, ``fields_kinds.py``,
``label_parts.py``, ``layout.py``, ``classifier.py``, ``statements.py``,
``label_learning.py``, ``read_families.py``, ``ranker.py``, ``ranker_training.py``, the
Tesseract extractor, the locator), its reading tests, nor E's module. It is never used to
write rules, to train or calibrate the classifier or the field ranker (``build_corpus``
never yields it), nor to choose models: it is measured, and only the aggregate figures go
into benchmarks/OCR.md. Whoever reads its individual misses to change the reader makes
``F`` no longer blind and must say so there.

**F is no longer blind since round 19** (branch ``reader19``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on F
from then on is a training-side figure (benchmarks/OCR.md, "Round 19").

What differs from A-Z, G and E:

* who writes: bodies and firms of Lancashire and Cheshire (the Forest of Bowland, the
  Lune and the Wyre, the Calder, the Dane, the Bollin and the salt towns), none named by
  the other families: a card company in Clitheroe and a personal lender in Carnforth, a
  motor lender suing in the County Court at Lancaster, a joiner's judgment from the County
  Court at Chester, Lunesdale and Dane Valley councils and the enforcement agents of
  Garstang, a plant-hire firm's statutory demand in Leyland, an energy supplier in
  Preston, a water company of the Anglezarke moors, Blackpool and Wyre magistrates, a
  Nantwich lender and the Widnes debt buyer it sold to, a Burnley building society, a
  Wigan housing association, a pay-in-three firm in Warrington and a Darwen catalogue,
  solicitors in Macclesfield for a Gawsworth driveway firm, a port at Heysham and a salt
  works at Northwich as employers, a bank of the Cheshire plain, Guardian's Allowance
  (HMRC) and Widowed Parent's Allowance (DWP), a bowling club and a brass band;
* six ways of setting a document, each class in two of them (``i`` even / odd):
  - **payee**: a letter headed only by a department and a PO box, signed by the team,
    whose writer is named only in the "Payee / Account name" line of the bank giro credit
    slip at its foot (an enforcement agent's slip names the agents; the council is in
    the prose);
  - **easy read**: an Easy Read letter (14 pt, one short sentence a line, each beside a
    drawn picture: a coin, a calendar, a telephone, a house, an information sign), dated
    "4th of December 2026";
  - **overleaf**: a two-page letter whose first page gives no figure ("the figures are
    in the box on page 2"), the key figures in a ruled box at the top of page 2 under a
    running header;
  - **reversed**: a dark band across the page under the address, its labels and values
    printed white out of it (reversed out), the other facts listed below the letter;
  - **typed**: a pre-printed form (its labels numbered, in a small condensed bold sans,
    with ruled answer lines) filled in on a typewriter (Nimbus Mono), two fields a row,
    the typed values a little off the lines, dated "04/12/26" and with sums as
    "£ 1234.56";
  - **texts**: a letter enclosing the log of the text messages sent about the account
    (ISO dates, times, the masked number), the latest message giving the figures as an
    SMS would ("£1234.56");
  payslips typed on pre-printed pay-advice stationery or with net and gross pay reversed
  out of a dark band; bank statements typed as a passbook or under a reversed heading
  band (two pages when ``i`` is 3); Guardian's Allowance and Widowed Parent's Allowance;
* faces in pairings no family used: P052 bodies under URW Gothic Demi headings, C059
  bodies under Nimbus Sans Narrow Bold headings, Carlito bodies under URW Bookman Demi
  headings, and for the typed forms Nimbus Mono PS typing on DejaVu Sans Condensed Bold
  pre-printed labels, 10 to 10.5 pt (14 pt Easy Read);
* dates as "04 December 2026" and "4 December 2026" in letters, "04/12/26" on typed forms,
  "4th of December 2026" in Easy Read and "2026-12-04" in message logs; amounts as
  "£1,234.56", "£ 1234.56" (typed) and "£1234.56" (texts);
* scans new to the families: a phone photo of the page shown on a laptop screen (moiré
  bands, the screen's blue-grey backlight and pixel grid; JPEG with its resolution), a
  page crumpled into a ball and flattened again (facets of light and shade, sharp crease
  lines; PNG) and an office copier's black-and-white mode (1-bit, greys dithered to dots,
  a light threshold that thins strokes; TIFF, CCITT group 4).

Ground truth follows G's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agents'
case reference, on a claim form and a judgment the claimant's reference);
``balance_pence`` what is owed now; ``letter_date`` the document's own date;
``deadline_date`` and ``served_date`` only where printed. Payslips give the employer, net
and gross pay, pay date and frequency; benefit letters the payer, the amount paid each
time, the date and the frequency; a bank statement its date.
"""

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

FAMILY = "F"

PEOPLE = (
    ("Mr", "Declan", "Ormerod-Fitton"),
    ("Ms", "Shazia", "Hargreaves-Malik"),
    ("Mrs", "Eileen", "Tattersall-Boyd"),
    ("Mr", "Ravi", "Whittle-Chowdhury"),
)
ADDRESSES = (
    ("14 Scotforth Road", "Lancaster", "LA1 4TB"),
    ("Flat 3, 58 Talbot Road", "Blackpool", "FY1 3AX"),
    ("7 Verdin Street", "Northwich", "CW9 5ER"),
    ("29 Hollin Lane", "Accrington", "BB5 2QT"),
)

# -- date and money shapes -------------------------------------------------------------------


def padded(date: dt.date) -> str:
    """04 December 2026"""
    return f"{date:%d} {date:%B} {date.year}"


def day_month(date: dt.date) -> str:
    """4 December 2026"""
    return f"{date.day} {date:%B} {date.year}"


def typed_date(date: dt.date) -> str:
    """04/12/26 (the typed forms)"""
    return f"{date:%d}/{date:%m}/{date:%y}"


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def easy_date(date: dt.date) -> str:
    """4th of December 2026 (Easy Read)"""
    return f"{ordinal(date.day)} of {date:%B} {date.year}"


def iso(date: dt.date) -> str:
    """2026-12-04 (the message logs)"""
    return date.isoformat()


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (
    padded,
    day_month,
    typed_date,
    easy_date,
    iso,
)
LETTER_SHAPES = DATE_SHAPES[:2]


def pounds(pence: int) -> str:
    """£1,234.56"""
    return money(pence)


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def bare(pence: int) -> str:
    """1234.56"""
    return f"{pence // 100}.{pence % 100:02d}"


def typed_money(pence: int) -> str:
    """£ 1234.56 (typed on a form)"""
    return f"£ {bare(pence)}"


def texted(text: str) -> str:
    """A sentence as a text message gives it: sums without their thousands commas."""
    return re.sub(r"£(\d{1,3}(?:,\d{3})+)\.", lambda m: "£" + m[1].replace(",", "") + ".", text)


FREQUENCY_SHOWN = {
    "weekly": ("Every week", "each week"),
    "fortnightly": ("Every 2 weeks", "every fortnight"),
    "four_weekly": ("Every 4 weeks", "every four weeks"),
    "monthly": ("Every month", "each calendar month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways F prints a true value (to check it is on the page, or in an OCR text)."""
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


# -- faces and sheets -------------------------------------------------------------------------

SMALL = 7.5
EASY = 14.0
"""Easy Read's body size (points)."""
BAND = 58
"""The reversed band's grey (its text prints white)."""
_CX = "/usr/share/fonts/truetype/crosextra/"
_URW = "/usr/share/fonts/opentype/urw-base35/"
_DV = "/usr/share/fonts/truetype/dejavu/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "roman": {
        (False, False): _URW + "P052-Roman.otf",
        (True, False): _URW + "URWGothic-Demi.otf",
        (False, True): _URW + "P052-Italic.otf",
        (True, True): _URW + "URWGothic-DemiOblique.otf",
    },
    "schoolbook": {
        (False, False): _URW + "C059-Roman.otf",
        (True, False): _URW + "NimbusSansNarrow-Bold.otf",
        (False, True): _URW + "C059-Italic.otf",
        (True, True): _URW + "NimbusSansNarrow-BoldOblique.otf",
    },
    "carlito": {
        (False, False): _CX + "Carlito-Regular.ttf",
        (True, False): _URW + "URWBookman-Demi.otf",
        (False, True): _CX + "Carlito-Italic.ttf",
        (True, True): _URW + "URWBookman-DemiItalic.otf",
    },
    "typed": {
        (False, False): _URW + "NimbusMonoPS-Regular.otf",
        (True, False): _DV + "DejaVuSansCondensed-Bold.ttf",
        (False, True): _URW + "NimbusMonoPS-Italic.otf",
        (True, True): _DV + "DejaVuSansCondensed-BoldOblique.ttf",
    },
}
"""Each body face under headings of another family: P052 under URW Gothic Demi, C059 under
Nimbus Sans Narrow Bold, Carlito under URW Bookman Demi; the typed forms' Nimbus Mono PS
typing on DejaVu Sans Condensed Bold pre-printed labels (``fonts-urw-base35``,
``fonts-crosextra-carlito``, ``fonts-dejavu``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "roman"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("roman", 10.0), Style("schoolbook", 10.5), Style("carlito", 10.5))
TYPED = Style("typed", 10.0)


@frozen
class Icon:
    """An Easy Read picture (drawn, never text) beside row ``row``: ``kind`` is one of
    ``ICONS``."""

    row: int
    kind: str


ICONS = ("coin", "calendar", "phone", "house", "info")


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.look = style
        """The style as F's own (``style`` is the engine's protocol)."""
        self.rules: list[Rule] = []
        self.bands: list[tuple[int, int]] = []
        self.icons: list[Icon] = []

    def rule(self, x0: float = 0.08, x1: float = 0.92, *, dashed: bool = False) -> Sheet:
        """A rule over the next row added."""
        self.rules.append(Rule(len(self.rows), x0, x1, dashed))
        return self

    def band(self, rows: Sequence[Row]) -> Sheet:
        """A dark band across the page over ``rows``, their text printed white."""
        first = len(self.rows)
        self.rows.extend(rows)
        last = len(self.rows) - 1
        self.rects.append(Rect(first, last, 0.04, 0.96, False, BAND))
        self.bands.append((first, last))
        return self


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def balance(rng: random.Random, low: int = 7_000, high: int = 640_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    """A working day (a letter is printed Monday to Friday)."""
    date = dt.date(2025, 1, 13) + dt.timedelta(days=rng.randrange(680))
    return date - dt.timedelta(days=max(0, date.weekday() - 4))


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    regno: str = ""
    """Company number ("" for a public body or a firm registered otherwise)."""
    office: str = ""
    """The registered office, or the regulator's line for a body without a company number."""
    team: str = "Customer Accounts"
    short: str = ""
    """The name its text messages come from."""

    @property
    def registered(self) -> str:
        if self.regno:
            return f"{self.name} is registered in England and Wales (company number {self.regno}). Registered office: {self.office}"
        return self.office or f"{self.name}, {self.street}, {self.town}"


Fact = tuple[str, str, str]
"""(label, value, an Easy Read sentence stating it)."""


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the facts
    (label, shaped value, a short sentence stating it; the sum owed first where there is
    one); ``intro`` a paragraph that states no figure; ``paras`` the prose, stating every
    fact; ``owed`` the sum the slip asks for; ``payee`` who the slip pays (the writer
    unless an agent collects)."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[Fact]
    intro: str
    paras: Sequence[str]
    owed: int = 0
    payee: Org | None = None
    signed: str = field(default="")


def person(rng: random.Random) -> tuple[tuple[str, str, str], list[str]]:
    """((title, first name, surname), address lines)."""
    title, first, surname = rng.choice(PEOPLE)
    return (title, first, surname), [f"{title} {first} {surname}", *rng.choice(ADDRESSES)]


def _foot(page: Sheet, text: str, n: int, of: int) -> None:
    page.foot = len(page.rows)
    rows = page.wrapped(text, 0.08, 0.8, size=SMALL - 1) if text else [()]
    page.add((*rows[0], rt(0.92, f"Page {n} of {of}", size=SMALL - 1)), *rows[1:])


def _address(page: Sheet, rng: random.Random, x: float = 0.08, size: float = 0.0) -> str:
    (title, _, surname), lines = person(rng)
    page.add(*((t(x, line, size=size),) for line in lines)).gap()
    return f"{title} {surname}"


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _head(page: Sheet, org: Org, style: Style) -> None:
    """The name on the left, the address and telephone set right beside it."""
    page.add((t(0.08, org.name, True, size=style.point + 3), rt(0.92, org.street, size=SMALL)))
    page.add((rt(0.92, org.town, size=SMALL),), (rt(0.92, f"Telephone {org.phone}", size=SMALL),))


def _facts(page: Sheet, facts: Sequence[Fact], x: float = 0.1, at: float = 0.55) -> None:
    for label, value, _ in facts:
        page.add((t(x, label), t(at, value, True)))


# -- the six settings ---------------------------------------------------------------------------


def _payee(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Headed by a department and a PO box only; the writer named only as the payee of the
    bank giro credit slip at the foot."""
    org, payee = letter.org, letter.payee or letter.org
    page = Sheet(style)
    page.add((t(0.08, org.team, True, size=style.point + 3), rt(0.92, org.street, size=SMALL)))
    page.add((rt(0.92, org.town, size=SMALL),), (rt(0.92, f"Telephone {org.phone}", size=SMALL),))
    page.rule().gap()
    salutation = _address(page, rng)
    page.add((t(0.08, "Date"), t(0.36, letter.when(letter.date))))
    page.add((t(0.08, letter.ref_label), t(0.36, letter.ref))).gap()
    page.add((t(0.08, f"Dear {salutation}"),)).gap()
    page.add((t(0.08, letter.title, True),)).gap()
    _prose(page, [letter.intro])
    _facts(page, letter.facts)
    page.gap()
    _prose(page, letter.paras)
    page.add((t(0.08, "Yours sincerely"),), (t(0.08, letter.signed or org.team, True),))
    size = SMALL + 1
    page.rule(0.04, 0.96, dashed=True)
    page.add(
        (
            ct(
                0.5,
                "Detach this slip and pay at any bank or Post Office",
                italic=True,
                size=SMALL - 0.5,
            ),
        )
    )
    first = len(page.rows)
    sort = f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}"
    page.add(
        (
            t(0.1, "bank giro credit", True, size=size + 1),
            rt(0.9, f"Credit account {digits(rng, 8)}", size=size),
        )
    )
    page.add((t(0.1, "Payee / Account name", size=size), t(0.36, payee.name, True, size=size)))
    page.add((t(0.1, "Sort code", size=size), t(0.36, sort, size=size)))
    page.add((t(0.1, "Reference to quote", size=size), t(0.36, letter.ref, True, size=size)))
    amount = pounds(letter.owed) if letter.owed else "........................"
    page.add((t(0.1, "Amount due", size=size), t(0.36, amount, True, size=size)))
    page.add(
        (t(0.1, "Cash  £ ..............", size=size), t(0.5, "Cheque  £ ..............", size=size))
    )
    page.add(
        (
            t(0.1, "Paid in by ..................................", size=size),
            t(0.6, "Date ................", size=size),
        )
    )
    page.rects.append(Rect(first, len(page.rows) - 1, 0.08, 0.92))
    regno = f"Registered in England and Wales no. {org.regno}" if org.regno else ""
    _foot(page, regno, 1, 1)
    return [page]


def _icon_for(value: str) -> str:
    if "£" in value:
        return "coin"
    if re.search(r"\b(19|20)\d\d\b", value):
        return "calendar"
    return "info"


def _easy(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """An Easy Read letter: 14 pt, one short sentence a line, each beside a drawn
    picture."""
    org = letter.org
    page = Sheet(Style(style.face, EASY))
    page.add((t(0.08, org.name, True, size=EASY + 2),))
    page.add((t(0.08, f"{org.street}, {org.town}", size=SMALL + 1.5),)).gap()
    _address(page, rng, size=SMALL + 3.5)
    page.add((t(0.08, letter.when(letter.date)),)).gap()
    page.add((t(0.08, letter.title, True, size=EASY + 3),)).gap()
    said: list[tuple[str, str]] = [
        ("info", f"This letter is from {org.name}."),
        ("info", f"Your {letter.ref_label} is {letter.ref}."),
        *((_icon_for(value), sentence) for _, value, sentence in letter.facts),
        ("phone", f"If you need help, ring us on {org.phone}."),
        ("house", "You can get free help from a money adviser near you."),
    ]
    for kind, sentence in said:
        rows = page.wrapped(sentence, 0.24, 0.92)
        page.icons.append(Icon(len(page.rows), kind))
        page.add(*rows)
        page.gap()
    page.add((t(0.08, f"From {letter.signed or org.team}", True),))
    _foot(page, org.registered, 1, 1)
    return [page]


def _overleaf(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Two pages: no figure on the first; the key figures in a ruled box at the top of the
    second, under a running header."""
    org = letter.org
    one = Sheet(style)
    _head(one, org, style)
    one.rule().gap()
    salutation = _address(one, rng)
    one.add((t(0.08, "Date:"), t(0.38, letter.when(letter.date))))
    one.add((t(0.08, f"{letter.ref_label}:"), t(0.38, letter.ref))).gap()
    one.add((t(0.08, f"Dear {salutation},"),)).gap()
    one.add((t(0.08, letter.title, True),)).gap()
    _prose(one, [letter.intro,
                 "The figures that matter are set out in the box at the top of page 2. Please read both pages of this letter and keep them together."])  # fmt: skip
    one.add((rt(0.92, "Please turn over", italic=True),))
    _foot(one, org.registered, 1, 2)
    two = Sheet(style)
    two.add(
        (t(0.08, org.name, size=SMALL), rt(0.92, f"{letter.ref_label} {letter.ref}", size=SMALL))
    )
    two.rule().gap()
    rows: list[Row] = [(t(0.1, "Your key figures", True),), ()]
    rows += [(t(0.1, label), rt(0.88, value, True)) for label, value, _ in letter.facts]
    two.box(rows, 0.08, 0.92)
    two.gap()
    _prose(two, letter.paras)
    two.add((t(0.08, "Yours sincerely,"),)).gap()
    two.add((t(0.08, letter.signed or org.team, True),), (t(0.08, org.name, size=SMALL + 1),))
    _foot(two, org.registered, 2, 2)
    return [one, two]


def _fits(style: Style, label: str, value: str) -> bool:
    """Whether a label and its value fit one of the band's four columns."""
    width = 0.21
    return (
        FONTS.length(style, label, SMALL) < width
        and FONTS.length(style, value, style.point + 1, bold=True) < width
    )


def _reversed(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A dark band across the page under the address, labels and values printed white out
    of it; the other facts listed below the letter."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.rule().gap()
    salutation = _address(page, rng)
    items = [(letter.ref_label, letter.ref), ("Letter dated", letter.when(letter.date))]
    items += [(label, value) for label, value, _ in letter.facts if _fits(style, label, value)][:2]
    rest = [f for f in letter.facts if (f[0], f[1]) not in items]
    xs = (0.08, 0.31, 0.54, 0.77)
    page.band(
        [
            (),
            tuple(t(x, label, size=SMALL) for x, (label, _) in zip(xs, items, strict=False)),
            tuple(
                t(x, value, True, size=style.point + 1)
                for x, (_, value) in zip(xs, items, strict=False)
            ),
            (),
        ]
    )
    page.gap()
    page.add((t(0.08, f"Dear {salutation}"),)).gap()
    page.add((t(0.08, letter.title, True),)).gap()
    _prose(page, [letter.intro, *letter.paras])
    if rest:
        page.add((t(0.08, "Also on your account", True),))
        _facts(page, rest)
        page.gap()
    page.add((t(0.08, "Yours sincerely"),), (t(0.08, letter.signed or org.team, True),))
    _foot(page, org.registered, 1, 1)
    return [page]


def _typed_value(value: str) -> str:
    """A value as the typist typed it: sums as £ 1234.56."""
    return re.sub(
        r"£(\d{1,3}(?:,\d{3})*)\.(\d\d)", lambda m: "£ " + m[1].replace(",", "") + "." + m[2], value
    )


def _typed(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A pre-printed form (numbered labels in a small condensed bold sans over ruled lines)
    filled in on a typewriter, two fields a row, the values a little off the lines."""
    org = letter.org
    page = Sheet(TYPED)
    page.add(
        (
            t(0.08, org.name.upper(), True, size=13),
            rt(
                0.92,
                f"Form {letters(rng, 2)}{digits(rng, 2)} (rev. {rng.randrange(1, 13):02d}/{rng.randrange(19, 25)})",
                True,
                size=SMALL - 1,
            ),
        )
    )
    page.add((t(0.08, f"{org.street}, {org.town}   Telephone {org.phone}", True, size=SMALL),))
    page.rule().gap()
    page.add((ct(0.5, letter.title.upper(), True, size=11),)).gap()
    _, lines = person(rng)
    page.add((t(0.08, "To:", True, size=SMALL),))
    page.add(*((t(0.1, line),) for line in lines)).gap()
    fields = [("Issued on", letter.when(letter.date)), (letter.ref_label, letter.ref)]
    fields += [(label, _typed_value(value)) for label, value, _ in letter.facts]
    for n in range(0, len(fields), 2):
        pair = fields[n : n + 2]
        page.add(
            tuple(
                t(x, f"{n + k + 1}. {label}", True, size=SMALL)
                for k, (x, (label, _)) in enumerate(zip((0.08, 0.52), pair, strict=False))
            )
        )
        page.add(
            tuple(
                t(x + 0.02 + rng.randrange(0, 12) / 1000, value)
                for x, (_, value) in zip((0.08, 0.52), pair, strict=False)
            )
        )
        page.rule(0.08, 0.46).rule(0.52, 0.92)
        page.gap()
    page.add((t(0.08, f"{len(fields) + 1}. Remarks", True, size=SMALL),))
    for text in [letter.intro, *letter.paras]:
        page.para(_typed_value(text), x=0.1, right=0.9)
    page.gap()
    page.add(
        (
            t(0.08, "Signed on behalf of the issuer", True, size=SMALL),
            t(0.52, "Name in capitals", True, size=SMALL),
        )
    )
    page.add((t(0.1, "...................."), t(0.54, (letter.signed or org.team).upper())))
    _foot(page, org.registered, 1, 1)
    return [page]


def _texts(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A letter enclosing the log of the text messages sent about the account, the latest
    giving the figures as an SMS would."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.rule().gap()
    salutation = _address(page, rng)
    page.add((t(0.08, letter.when(letter.date)), rt(0.92, f"{letter.ref_label}: {letter.ref}")))
    page.gap()
    page.add((t(0.08, f"Dear {salutation}"),)).gap()
    page.add((t(0.08, letter.title, True),)).gap()
    _prose(page, [letter.intro])
    page.add(
        (t(0.08, f"Text messages we have sent to your mobile (07*** ***{digits(rng, 3)})", True),)
    )
    size = SMALL + 0.5
    page.rule(0.08, 0.92)
    page.add(
        (
            t(0.08, "Date", True, size=size),
            t(0.22, "Time", True, size=size),
            t(0.3, "Message", True, size=size),
        )
    )
    sender = org.short or org.name.split()[0].upper()
    latest = " ".join(texted(f"{label}: {value}.") for label, value, _ in letter.facts[:2])
    owing = letter.truth.balance_pence is not None
    first, second = (
        (f"Hi, we haven't had your last payment. Please call us on {org.phone}. Reply STOP to opt out.",
         f"A reminder that your account is behind. We're here to help - call {org.phone}, 8am to 8pm.")
        if owing
        else (f"Hi, thanks for getting back to us. Any questions, call {org.phone}.",
              "Please look out for a letter from us in the next few days.")
    )  # fmt: skip
    log = [
        (later(letter.date, -31), f"{sender}: {first}"),
        (later(letter.date, -12), f"{sender}: {second}"),
        (letter.date, f"{sender}: We have posted you a letter today. {latest}"),
    ]
    for day, message in log:
        rows = page.wrapped(message, 0.3, 0.92, size=size)
        clock = f"{rng.randrange(9, 19):02d}:{rng.randrange(60):02d}"
        page.add((t(0.08, iso(day), size=size), t(0.22, clock, size=size), *rows[0]), *rows[1:])
    page.rule(0.08, 0.92).gap()
    _prose(page, letter.paras)
    page.add((t(0.08, "Yours sincerely"),), (t(0.08, letter.signed or org.team, True),))
    _foot(page, org.registered, 1, 1)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "payee": _payee,
    "easy": _easy,
    "overleaf": _overleaf,
    "reversed": _reversed,
    "typed": _typed,
    "texts": _texts,
}
SHAPE_OF: dict[str, Callable[[dt.date], str]] = {"typed": typed_date, "easy": easy_date}
"""The date shape a setting prints (the others draw one of ``LETTER_SHAPES``)."""


def setting(
    rng: random.Random, i: int, kinds: tuple[str, str]
) -> tuple[str, Callable[[dt.date], str]]:
    """The document's setting (``i`` even: the first) and the shape its dates take."""
    kind = kinds[i % 2]
    drawn = rng.choice(LETTER_SHAPES)
    return kind, SHAPE_OF.get(kind, drawn)


def compose(rng: random.Random, i: int, kind: str, letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.ref)) % len(STYLES)]
    sheets = KINDS[kind](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=sheets[0].look)


# -- organisations (none named by A-Z, G or E) ---------------------------------------------------


FCA = " Authorised and regulated by the Financial Conduct Authority."
CARD = Org("Bowland Card Services Ltd", "PO Box 7731", "Clitheroe BB7 9WZ", "0330 057 4418", "11847203",
           "Castle Street, Clitheroe BB7 2BT." + FCA, "Card Recoveries", "BOWLANDCRD")  # fmt: skip
LOANS = Org("Silverdale Personal Finance Ltd", "Market Street", "Carnforth LA5 9JX", "01524 730 615", "10388542",
            "Market Street, Carnforth LA5 9JX." + FCA, "Collections Team", "SILVERDALE")  # fmt: skip
CLAIMANT = Org("Calder Vale Motor Credit Ltd", "Active Way", "Burnley BB11 1BS", "01282 660 471", "09127730",
               "Active Way, Burnley BB11 1BS." + FCA)  # fmt: skip
CLAIM_COURT = Org("County Court at Lancaster", "George Street", "Lancaster LA1 1XQ", "0300 123 5577",
                  office="HM Courts and Tribunals Service. Please quote the claim number on everything you send.", team="Civil Team")  # fmt: skip
JOINER = Org("Handbridge Joinery Ltd", "Queen's Park Road", "Chester CH4 7AD", "01244 671 330", "06620914",
             "Queen's Park Road, Chester CH4 7AD.")  # fmt: skip
JUDGMENT_COURT = Org("County Court at Chester", "Trident House, Little St John Street", "Chester CH1 1SN", "0300 123 5577",
                     office="HM Courts and Tribunals Service. Pay the claimant, not the court.", team="Court Office")  # fmt: skip
LUNESDALE = Org("Lunesdale District Council", "Revenues, Town Hall, Dalton Square", "Lancaster LA1 1QW", "01524 582 900",
                office="Lunesdale District Council, Town Hall, Dalton Square, Lancaster LA1 1QW.", team="Council Tax Section", short="LUNESDALE")  # fmt: skip
DANE = Org("Dane Valley Borough Council", "Council Tax, Westfields, Middlewich Road", "Sandbach CW11 1HZ", "0300 123 5012",
           office="Dane Valley Borough Council, Westfields, Middlewich Road, Sandbach CW11 1HZ.", team="Council Tax Team", short="DANEVALLEY")  # fmt: skip
COUNCILS = (LUNESDALE, DANE)
ENFORCER = Org("Garstang Enforcement Services Ltd", "PO Box 418", "Preston PR3 1WD", "01995 604 770", "12903318",
               "Park Hill Road, Garstang, Preston PR3 1EL. Certificated enforcement agents.", "Enforcement Team", "GARSTANGEA")  # fmt: skip
PLANT = Org("Leyland Plant Hire Ltd", "Centurion Way", "Leyland PR26 6TZ", "01772 457 209", "05531876",
            "Centurion Way, Leyland PR26 6TZ.", "Credit Control")  # fmt: skip
ENERGY = Org("Red Rose Energy Supply Ltd", "PO Box 2207", "Preston PR1 9HQ", "0800 088 6413", "13774150",
             "Fishergate Hill, Preston PR1 8UL.", "Billing Team", "REDROSE")  # fmt: skip
WATER = Org("Anglezarke Water Ltd", "Moor Road", "Chorley PR6 9HT", "0345 070 2288", "02990417",
            "Moor Road, Chorley PR6 9HT.", "Customer Recovery", "ANGLEZARKE")  # fmt: skip
MAGISTRATES = Org("Blackpool and Wyre Magistrates' Court", "Fines Office, Chapel Street", "Blackpool FY1 5RH", "0300 790 4412",
                  office="HM Courts and Tribunals Service - Lancashire fines and compliance.", team="Fines Office", short="HMCTSFINES")  # fmt: skip
LENDER = Org("Nantwich Personal Loans Ltd", "Welsh Row", "Nantwich CW5 5EW", "01270 611 283", "08791164",
             "Welsh Row, Nantwich CW5 5EW." + FCA)  # fmt: skip
BUYER = Org("Widnes Credit Portfolio Ltd", "PO Box 5560", "Widnes WA8 0XP", "0151 420 8870", "14206659",
            "Ashley Way, Widnes WA8 6UB." + FCA, "Account Services")  # fmt: skip
DANE_HB = Org("Dane Valley Borough Council", "Benefit Overpayments, Westfields", "Sandbach CW11 1HZ", "0300 123 5014",
              office="Dane Valley Borough Council, Westfields, Middlewich Road, Sandbach CW11 1HZ.", team="Overpayments Team")  # fmt: skip
SOCIETY = Org("Pennine Rose Building Society", "PO Box 31", "Burnley BB11 9LE", "0345 302 1166",
              office="Pennine Rose Building Society, Hammerton Street, Burnley BB11 1NA, is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 206348).", team="Arrears Support")  # fmt: skip
HOMES = Org("Douglas Valley Homes", "Income Team, Wallgate", "Wigan WN1 1BA", "01942 480 733",
            office="Douglas Valley Homes is a registered provider of social housing (L5102) and a community benefit society.", team="Income Team", short="DVHOMES")  # fmt: skip
BNPL = Org("PayTrio Ltd", "Birchwood Boulevard", "Warrington WA3 7QX", "0161 850 3342", "15507281",
           "Birchwood Boulevard, Warrington WA3 7QX." + FCA, "Customer Care", "PAYTRIO")  # fmt: skip
CATALOGUE = Org("Darwen Catalogue Club Ltd", "Bolton Road", "Darwen BB3 1QN", "0345 120 5561", "04471902",
                "Bolton Road, Darwen BB3 1QN." + FCA, "Account Queries", "DARWENCLUB")  # fmt: skip
DRIVEWAYS = Org("Gawsworth Driveways Ltd", "Church Lane", "Macclesfield SK11 9RJ", "01260 223 518", "08350277",
                "Church Lane, Gawsworth, Macclesfield SK11 9RJ.")  # fmt: skip
SOLICITORS = Org("Bollin Solicitors LLP", "Debt Recovery Department, King Edward Street", "Macclesfield SK10 1AQ", "01625 430 912",
                 office="Bollin Solicitors LLP (OC427713), King Edward Street, Macclesfield SK10 1AQ, is authorised and regulated by the Solicitors Regulation Authority (no. 667012).", team="Debt Recovery Department")  # fmt: skip
EMPLOYERS = (
    Org("Heysham Port Services Ltd", "Payroll, Port Office, Heysham", "Morecambe LA3 2XE", "01524 855 260", "03318409",
        "Port Office, Heysham, Morecambe LA3 2XE.", "Payroll"),
    Org("Vale Royal Salt Works Ltd", "Wages Office, Lostock Gralam", "Northwich CW9 7PL", "01606 451 190", "02273651",
        "Works Lane, Lostock Gralam, Northwich CW9 7PL.", "Wages Office"),
)  # fmt: skip
BANK = Org("Cheshire Plain Bank plc", "Statements, Market Square", "Crewe CW1 2NA", "0345 712 4470", "01966205",
           "Market Square, Crewe CW1 2NA. Eligible deposits are protected by the FSCS.", "Statements")  # fmt: skip
GUARDIAN = Org("HM Revenue and Customs", "Child Benefit Office (Guardian's Allowance)", "Newcastle upon Tyne BX9 1AA", "0300 200 3100",
               office="Guardian's Allowance is paid by HM Revenue and Customs.", team="Child Benefit Office")  # fmt: skip
WIDOWED = Org("Department for Work and Pensions", "Bereavement Service, Freepost DWP WPA", "Wolverhampton WV98 2AJ", "0800 731 0139",
              office="Widowed Parent's Allowance is paid by the Department for Work and Pensions.", team="Bereavement Service")  # fmt: skip
BOWLS = Org("Clitheroe Castle Bowling Club", "c/o The Pavilion, Castle Gardens", "Clitheroe BB7 1BA", "07700 900 522",
            office="Clitheroe Castle Bowling Club is run by its members.", team="Membership Secretary")  # fmt: skip
BAND_CLUB = Org("Rossendale Valley Brass Band", "Band Room, Bank Street", "Rawtenstall BB4 6QS", "07700 900 867",
                office="Rossendale Valley Brass Band is a registered charity (no. 1107742).", team="Band Secretary", short="RVBB")  # fmt: skip
STATE = (GUARDIAN, WIDOWED)


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A Clitheroe card company (payee) or a Carnforth lender (texts)."""
    kind, when = setting(rng, i, ("payee", "texts"))
    date, owed = dated(rng), balance(rng)
    org = CARD if i % 2 == 0 else LOANS
    ref = (
        f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}"
        if i % 2 == 0
        else f"SPF/{digits(rng, 6)}/{digits(rng, 2)}"
    )
    by = later(date, 14)
    letter = Letter(
        org=org, title="Payments missed: let us put this right together", date=date, when=when,
        truth=owes(C.CREDITOR_LETTER, org.name, ref, owed, date, deadline_date=by),
        ref_label="Full card number" if i % 2 == 0 else "Loan agreement held", ref=ref, owed=owed,
        facts=[("Arrears to clear", pounds(owed), f"You are behind by {pounds(owed)}."), ("Get in touch before", when(by), f"Please pay or ring us by {when(by)}.")],
        intro="We have not received the payments due on your account and it has fallen into arrears.",
        paras=(f"To bring your account up to date please pay the arrears of {pounds(owed)}, or call us to talk about a plan you can afford, by {when(by)}.",
               "If we cannot agree a way forward we may send you a default notice, and missed payments are reported to the credit reference agencies. Free, confidential debt advice is available from MoneyHelper and from local advice agencies."),
    )  # fmt: skip
    return compose(rng, i, kind, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{letters(rng, 1)}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 4)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kind, when = setting(rng, i, ("typed", "overleaf"))
    date = dated(rng)
    claimed = balance(rng, 80_000, 1_150_000)
    fee, costs = rng.choice((10_500, 20_500, 35_500)), rng.choice((8_000, 10_000, 11_000))
    total = claimed + fee + costs
    ref, claim = f"CVMC{digits(rng, 6)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="Claim form: notice of issue of a money claim", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Claim number (quote it)", ref=claim, owed=total,
        facts=[("Claimant's total asked", pounds(total), f"The claim is for {pounds(total)}."), ("Claimant", CLAIMANT.name, f"{CLAIMANT.name} is claiming."),
               ("Claimant's own reference", ref, f"Their reference is {ref}."), ("Debt as claimed", pounds(claimed), f"The debt is {pounds(claimed)}."),
               ("Fee paid at issue", pounds(fee), f"The court fee is {pounds(fee)}."), ("Fixed solicitor's costs", pounds(costs), f"The costs are {pounds(costs)}."),
               ("Served, for the rules, on", when(served), f"The claim is served on {when(served)}."), ("Respond to the court by", when(by), f"Answer by {when(by)}.")],
        intro=f"A claim has been issued against you in this court by {CLAIMANT.name} for money it says you owe under a conditional sale agreement for a car.",
        paras=(f"The amount of the debt is {pounds(claimed)}; with the court fee of {pounds(fee)} and fixed costs of {pounds(costs)} the total claimed is {pounds(total)}.",
               f"The claim form is treated as served on {when(served)}. You must respond by {when(by)}, or judgment may be entered against you without a hearing."),
    )  # fmt: skip
    return compose(rng, i, kind, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kind, when = setting(rng, i, ("reversed", "typed"))
    date = dated(rng)
    owed = balance(rng, 40_000, 1_200_000)
    ref, claim = f"HJ-{digits(rng, 5)}", _claim_no(rng)
    monthly, by = rng.choice((3_000, 6_000, 12_000)), later(date, 14)
    forthwith = i % 4 < 2
    extra: dict[str, object] = {"deadline_date": by} if forthwith else {}
    how = (f"You must pay {pounds(owed)} to the claimant by {when(by)}." if forthwith
           else f"You must pay {pounds(owed)} to the claimant by monthly instalments of {pounds(monthly)}.")  # fmt: skip
    facts: list[Fact] = [("Sum of the judgment", pounds(owed), f"The judgment is for {pounds(owed)}."),
                         ("Claimant's own reference", ref, f"The claimant's reference is {ref}."),
                         ("Claimant", JOINER.name, f"{JOINER.name} brought the claim.")]  # fmt: skip
    facts.insert(1, ("Whole sum to reach the claimant by", when(by), f"Pay it all by {when(by)}.") if forthwith
                 else ("Instalment each month", pounds(monthly), f"Pay {pounds(monthly)} every month."))  # fmt: skip
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment entered against you in default of a response", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, JOINER.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Claim number (quote it)", ref=claim, facts=facts, owed=owed,
        intro=f"You have not responded to the claim made against you by {JOINER.name}, so judgment has been entered for the claimant.",
        paras=(how,
               "If you pay the whole amount within one month of the date of judgment, you can ask for the judgment to be removed from the Register of Judgments, Orders and Fines."),
    )  # fmt: skip
    return compose(rng, i, kind, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kind, when = setting(rng, i, ("texts", "payee"))
    date = dated(rng)
    order = balance(rng, 18_000, 240_000)
    owed = order + 7_500
    case, by = f"GES{digits(rng, 7)}", later(date, 7)
    letter = Letter(
        org=ENFORCER, title="Notice of enforcement: council tax liability order", date=date, when=when,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, LUNESDALE.name, case, owed, date, deadline_date=by),
        ref_label="Agents' case no.", ref=case, owed=owed,
        facts=[("Order sum plus fee", pounds(owed), f"You now owe {pounds(owed)}."), ("Settle everything before", when(by), f"Pay by {when(by)}."),
               ("Creditor", LUNESDALE.name, f"We act for {LUNESDALE.name}.")],
        intro=f"We are certificated enforcement agents. {LUNESDALE.name} has obtained a liability order against you for unpaid council tax and has passed it to us to collect.",
        paras=(f"The liability order is for {pounds(order)}. The compliance fee of {pounds(7_500)} has been added, so the total now due is {pounds(owed)}.",
               f"Pay the total, or contact us to agree an arrangement, by {when(by)}. If you do not, an enforcement agent may visit your home to take control of goods and further fees will be added."),
        payee=ENFORCER,
    )  # fmt: skip
    return compose(rng, i, kind, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kind, when = setting(rng, i, ("overleaf", "typed"))
    date = dated(rng)
    owed = balance(rng, 510_000, 2_400_000)
    ref, by = f"LPH{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=PLANT, title="Statutory demand: a debt payable immediately (section 268(1)(a), Insolvency Act 1986)", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, PLANT.name, ref, owed, date, deadline_date=by),
        ref_label="Plant hire ledger", ref=ref, owed=owed,
        facts=[("Sum the creditor demands", pounds(owed), f"The debt is {pounds(owed)}."), ("Pay, secure or compound by", when(by), f"Pay it by {when(by)}.")],
        intro="This is an important notice. Plant and machinery were hired to you on credit and the hire charges have not been paid despite our reminders.",
        paras=(f"The creditor claims that you owe {pounds(owed)} and demands that you pay it, or secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition against you. If you dispute the debt, you may apply to the court to set this demand aside within 18 days of its service on you."),
    )  # fmt: skip
    return compose(rng, i, kind, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kind, when = setting(rng, i, ("payee", "easy"))
    org = COUNCILS[i % 2]
    date = dated(rng)
    ref, by = f"{digits(rng, 8)}", later(date, 7)
    owed = rng.randrange(8_000, 23_000) + rng.randrange(8_000, 23_000)
    letter = Letter(
        org=org, title="Council Tax: you have fallen behind with instalments", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Council Tax ref.", ref=ref, owed=owed,
        facts=[("Instalments left unpaid", pounds(owed), f"You have missed {pounds(owed)} of Council Tax."), ("Pay this sum before", when(by), f"Please pay by {when(by)}.")],
        intro="We have not received all the Council Tax instalments due on your account.",
        paras=(f"The overdue instalments total {pounds(owed)}. If you pay this by {when(by)} you can carry on paying by instalments.",
               "If you do not pay, you will lose the right to pay by instalments and we may apply to the magistrates for a summons, which adds costs. If you are on a low income you may be able to get Council Tax Support."),
    )  # fmt: skip
    return compose(rng, i, kind, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kind, when = setting(rng, i, ("reversed", "payee"))
    date = dated(rng)
    ref, by = f"RR{digits(rng, 9)}", later(date, 14)
    owed = balance(rng, 4_000, 58_000)
    letter = Letter(
        org=ENERGY, title="Your quarterly gas and electricity statement", date=date, when=when,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Energy supply account", ref=ref, owed=owed,
        facts=[("This statement's total", pounds(owed), f"This bill is {pounds(owed)}."), ("Pay us before", when(by), f"Please pay by {when(by)}.")],
        intro="Here is your bill for the gas and electricity you have used since your last bill, based on the meter readings you gave us.",
        paras=(f"The total of this bill is {pounds(owed)}, and payment is due by {when(by)}.",
               "If you are worried about paying, talk to us: we can set up a payment plan, and you may be able to get help from our hardship fund."),
    )  # fmt: skip
    return compose(rng, i, kind, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kind, when = setting(rng, i, ("texts", "easy"))
    date = dated(rng)
    owed = balance(rng, 10_000, 140_000)
    ref, by = f"AZ{digits(rng, 4)}-{digits(rng, 5)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Unpaid water and sewerage charges on your account", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Water bill customer no.", ref=ref, owed=owed,
        facts=[("Charges left unpaid", pounds(owed), f"You owe us {pounds(owed)} for water."), ("Call us or pay before", when(by), f"Please pay or ring us by {when(by)}.")],
        intro="We have written to you before about the unpaid water and sewerage charges on your account.",
        paras=(f"The arrears on your account are {pounds(owed)}. Please pay, or get in touch by {when(by)} so that we can spread the cost or check whether our social tariff could lower your bills.",
               "If we do not hear from you, we may pass the debt to a debt collection agency and this may affect your credit rating."),
    )  # fmt: skip
    return compose(rng, i, kind, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kind, when = setting(rng, i, ("easy", "overleaf"))
    date = dated(rng)
    owed = balance(rng, 7_500, 160_000)
    ref, by = f"{digits(rng, 2)}/{digits(rng, 5)}/{digits(rng, 2)}", later(date, 14)
    letter = Letter(
        org=MAGISTRATES, title="Fine arrears: action needed now", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Fines ledger no.", ref=ref, owed=owed,
        facts=[("Fine still to pay", pounds(owed), f"You still owe {pounds(owed)}."), ("Clear the fine by", when(by), f"Pay it by {when(by)}.")],
        intro="The court ordered you to pay a fine, costs and a victim surcharge. Your payments have stopped.",
        paras=(f"The balance outstanding is {pounds(owed)}. Please pay it in full by {when(by)}, or contact the fines office if you cannot.",
               "If you do not, the court may take the money from your wages or benefits, or send enforcement agents, and the amount you owe will go up."),
    )  # fmt: skip
    return compose(rng, i, kind, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kind, when = setting(rng, i, ("overleaf", "reversed"))
    date = dated(rng)
    owed = balance(rng, 25_000, 760_000)
    ref, old = f"WCP{digits(rng, 8)}", f"NPL{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="Your loan has been sold to us: notice of assignment", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="Your number on our books", ref=ref, owed=owed,
        facts=[("Sum sold to us", pounds(owed), f"You owe us {pounds(owed)}."), ("Sold to us by", LENDER.name, f"Your loan was with {LENDER.name}."),
               ("Loan number before the sale", old, f"The old account number was {old}.")],
        intro=f"We are writing to tell you that {LENDER.name} has sold and assigned your loan to us, so you now owe the money to us.",
        paras=(f"The balance assigned to us on your old account {old} is {pounds(owed)}. We will not add interest or charges to it.",
               "Please pay us from now on, quoting your new account number. If you had a payment plan with your lender, it carries on with us."),
    )  # fmt: skip
    return compose(rng, i, kind, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kind, when = setting(rng, i, ("typed", "easy"))
    date = dated(rng)
    weeks, weekly = rng.randrange(5, 38), rng.randrange(1_700, 9_200)
    owed = weeks * weekly
    ref, by = f"HB/OP/{digits(rng, 6)}", later(date, 21)
    letter = Letter(
        org=DANE_HB, title="Overpaid Housing Benefit: what you need to repay", date=date, when=when,
        truth=owes(C.OVERPAYMENT, DANE_HB.name, ref, owed, date, deadline_date=by),
        ref_label="Overpayment invoice", ref=ref, owed=owed,
        facts=[("Housing Benefit overpaid", pounds(owed), f"You were paid {pounds(owed)} too much."), ("Pay or ask for a plan by", when(by), f"Please pay or ask us for a plan by {when(by)}.")],
        intro="We have looked at your Housing Benefit again because your partner started work, and we paid you too much.",
        paras=(f"You were overpaid for {weeks} weeks and the overpayment to repay is {pounds(owed)}. Please pay it, or ask us for a repayment plan, by {when(by)}.",
               "You can ask us to look at our decision again, or appeal, within one month of the date of this invoice."),
    )  # fmt: skip
    return compose(rng, i, kind, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kind, when = setting(rng, i, ("reversed", "overleaf"))
    date = dated(rng)
    owed = balance(rng, 55_000, 880_000)
    monthly = rng.randrange(40_000, 150_000)
    ref = f"{digits(rng, 3)}-{digits(rng, 6)}"
    letter = Letter(
        org=SOCIETY, title="Missed mortgage payments: we can help", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Mortgage loan ref.", ref=ref, owed=owed,
        facts=[("Mortgage shortfall so far", pounds(owed), f"Your mortgage is behind by {pounds(owed)}."), ("Monthly sum under the mortgage deed", pounds(monthly), f"Your monthly payment is {pounds(monthly)}.")],
        intro="Your mortgage payments have not been made in full. We want to work with you to find a way forward.",
        paras=(f"The arrears on your mortgage are {pounds(owed)}, and your contractual monthly payment is {pounds(monthly)}.",
               "Please ring our Arrears Support team so we can understand your circumstances. Taking possession of your home is always our last resort."),
    )  # fmt: skip
    return compose(rng, i, kind, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kind, when = setting(rng, i, ("easy", "texts"))
    date = dated(rng)
    owed = balance(rng, 8_500, 300_000)
    weekly = rng.randrange(9_000, 18_500)
    ref = f"DVH{digits(rng, 6)}"
    letter = Letter(
        org=HOMES, title="Rent arrears on your tenancy: please contact us", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Tenancy ref. (quote it)", ref=ref, owed=owed,
        facts=[("Rent unpaid so far", pounds(owed), f"You owe {pounds(owed)} in rent."), ("Rent charged a week", pounds(weekly), f"Your rent is {pounds(weekly)} a week.")],
        intro="Your rent has not been paid in full, and your rent account has gone into arrears.",
        paras=(f"Your rent arrears are {pounds(owed)}. Your weekly rent is {pounds(weekly)}. Please contact the Income Team to agree how you will clear the arrears.",
               "If your income has changed or you have claimed Universal Credit, tell us. We can refer you to free, independent money advice."),
    )  # fmt: skip
    return compose(rng, i, kind, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kind, when = setting(rng, i, ("texts", "payee"))
    date = dated(rng)
    owed = balance(rng, 2_200, 130_000)
    by = later(date, 10)
    if i % 2 == 0:
        org, ref, title = (
            BNPL,
            f"PT{letters(rng, 2)}-{digits(rng, 6)}",
            "Your payment plan is overdue",
        )
        intro = "We tried to take the last two payments of your plan from your card, but they were declined."
    else:
        org, ref, title = (
            CATALOGUE,
            f"{digits(rng, 3)} {digits(rng, 4)} {digits(rng, 2)}",
            "Your club account is overdue",
        )
        intro = (
            "The payments on your club account are overdue, so we have stopped new orders for now."
        )
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Plan or account number", ref=ref, owed=owed,
        facts=[("Payments now late", pounds(owed), f"You are behind by {pounds(owed)}."), ("Catch up before", when(by), f"Please pay by {when(by)}.")],
        intro=intro,
        paras=(f"The overdue amount is {pounds(owed)}. Please pay it by {when(by)} to stop late fees and a report to the credit reference agencies.",
               "If you are finding things hard, tell us: we can pause collection for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kind, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kind, when = setting(rng, i, ("typed", "reversed"))
    date = dated(rng)
    owed = balance(rng, 55_000, 1_300_000)
    ref, by = f"GD{digits(rng, 5)}", later(date, 30)
    letter = Letter(
        org=SOLICITORS, title="Letter before claim: unpaid invoice for a new driveway", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, DRIVEWAYS.name, ref, owed, date, deadline_date=by),
        ref_label="Our client's invoice", ref=ref, owed=owed, signed="Bollin Solicitors LLP",
        facts=[("Our client's claim", pounds(owed), f"Our client says you owe {pounds(owed)}."), ("Send the reply form by", when(by), f"Please reply by {when(by)}."),
               ("Client we act for", DRIVEWAYS.name, f"We act for {DRIVEWAYS.name}.")],
        intro=f"We act for {DRIVEWAYS.name}, which laid a new driveway at your home and invoiced you when the work was finished.",
        paras=(f"Our client claims {pounds(owed)}. Under the Pre-Action Protocol for Debt Claims please fill in the enclosed reply form and return it to us by {when(by)}.",
               "If you do not reply, our client may start court proceedings without further notice and may claim interest and costs. You should get advice from a debt adviser."),
    )  # fmt: skip
    return compose(rng, i, kind, letter)


def payslip(rng: random.Random, i: int) -> Doc:
    """Typed on pre-printed pay-advice stationery (even) or with net and gross pay reversed
    out of a dark band (odd)."""
    org, date = EMPLOYERS[i % 2], dated(rng)
    when = typed_date if i % 2 == 0 else rng.choice(LETTER_SHAPES)
    frequency = ("four_weekly", "weekly", "monthly", "fortnightly")[i % 4]
    scale = {"weekly": 1, "fortnightly": 2, "four_weekly": 4, "monthly": 4.33}[frequency]
    hours = round(39 * scale, 2)
    rate = rng.randrange(1_250, 2_200)
    basic = round(hours * rate)
    extra = rng.randrange(0, 9_000)
    gross = basic + extra
    tax, ni, pension = gross * 11 // 100, gross * 6 // 100, gross * 5 // 100
    net = gross - tax - ni - pension
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    lines = [("Basic", basic), ("Shift premium", extra), ("Gross pay", gross), ("Tax (PAYE)", tax), ("Employee NI", ni),
             ("Pension (salary sacrifice)", pension), ("Net pay", net)]  # fmt: skip
    if i % 2 == 0:
        page = Sheet(TYPED)
        page.add(
            (t(0.08, "PAY ADVICE", True, size=13), rt(0.92, org.name.upper(), True, size=SMALL + 1))
        )
        page.add((rt(0.92, f"{org.street}, {org.town}", True, size=SMALL - 0.5),)).rule().gap()
        heads = (("1. Employee", f"{first} {surname}".upper()), ("2. Works number", digits(rng, 5)),
                 ("3. Pay date", when(date)), ("4. Pay period", FREQUENCY_SHOWN[frequency][0]))  # fmt: skip
        for n in range(0, len(heads), 2):
            pair = heads[n : n + 2]
            page.add(
                tuple(
                    t(x, label, True, size=SMALL)
                    for x, (label, _) in zip((0.08, 0.52), pair, strict=True)
                )
            )
            page.add(
                tuple(
                    t(x + 0.02 + rng.randrange(0, 10) / 1000, value)
                    for x, (_, value) in zip((0.08, 0.52), pair, strict=True)
                )
            )
            page.rule(0.08, 0.46).rule(0.52, 0.92).gap()
        page.add((t(0.08, "5. Payments and deductions", True, size=SMALL),))
        top = len(page.rows)
        for label, pence in lines:
            page.add((t(0.1, label.upper()), rt(0.62, typed_money(pence))))
        page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.66))
        page.gap()
        page.add((t(0.08, "6. Message from the employer", True, size=SMALL),))
        page.para(
            f"Your net pay of {typed_money(net)} has been paid by BACS on {when(date)}.",
            x=0.1,
            right=0.9,
        )
        _foot(page, org.registered, 1, 1)
        style = TYPED
    else:
        style = STYLES[(i + 1) % len(STYLES)]
        page = Sheet(style)
        _head(page, org, style)
        page.rule().gap()
        page.add(
            (
                t(0.08, f"Payslip: {first} {surname}", True),
                rt(0.92, f"Paid {FREQUENCY_SHOWN[frequency][1]}"),
            )
        )
        page.add(
            (t(0.08, f"Payment date {when(date)}"), rt(0.92, f"Employee {digits(rng, 6)}"))
        ).gap()
        xs = (0.08, 0.36, 0.64)
        items = (
            ("Gross pay", pounds(gross)),
            ("Deductions", pounds(tax + ni + pension)),
            ("Net pay", pounds(net)),
        )
        page.band([(), tuple(t(x, label, size=SMALL) for x, (label, _) in zip(xs, items, strict=True)),
                   tuple(t(x, value, True, size=style.point + 2) for x, (_, value) in zip(xs, items, strict=True)), ()])  # fmt: skip
        page.gap()
        page.add((t(0.1, "Item", True), rt(0.6, "This period", True)))
        page.rule(0.08, 0.62)
        for label, pence in lines:
            page.add((t(0.1, label), rt(0.6, plain(pence))))
        page.gap()
        page.para(
            "Questions about your pay? Ask the Wages Office before the next pay date.", x=0.08
        )
        _foot(page, org.registered, 1, 1)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """Typed as a passbook-style listing (even) or under a reversed heading band (odd; two
    pages when ``i`` is 3)."""
    date = dated(rng)
    when = rng.choice(LETTER_SHAPES)
    start = later(date, -30)
    opening = rng.randrange(3_000, 140_000)
    items = [("HEYSHAM PORT SVCS PAY", 0, rng.randrange(85_000, 200_000)), ("DD RED ROSE ENERGY", rng.randrange(5_000, 14_000), 0),
             ("CARD PRESTON FISHERGATE", rng.randrange(800, 6_500), 0), ("SO DOUGLAS VALLEY HOMES", rng.randrange(38_000, 70_000), 0),
             ("ATM CREWE MARKET SQ", 3_000, 0), ("DD LUNESDALE DC CTAX", rng.randrange(8_500, 16_000), 0),
             ("BGC FROM E TATTERSALL", 0, rng.randrange(1_500, 8_000)), ("CARD NORTHWICH SALT MKT", rng.randrange(300, 2_400), 0),
             ("DD PAYTRIO WARRINGTON", rng.randrange(2_000, 8_000), 0), ("DD ANGLEZARKE WATER", rng.randrange(2_600, 7_200), 0)]  # fmt: skip
    sort, account = f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}", digits(rng, 8)
    typed = i % 2 == 0
    style = TYPED if typed else STYLES[i % len(STYLES)]
    size = 0.0 if typed else SMALL + 1
    sheets: list[Sheet] = []
    page = Sheet(style)
    head = (t(0.08, "Date", True, size=SMALL + 1), t(0.2, "Details", True, size=SMALL + 1), rt(0.6, "Withdrawn", True, size=SMALL + 1),
            rt(0.75, "Paid in", True, size=SMALL + 1), rt(0.92, "Balance", True, size=SMALL + 1))  # fmt: skip
    if typed:
        page.add((t(0.08, BANK.name.upper(), True, size=13),))
        page.add((t(0.08, f"{BANK.street}, {BANK.town}", True, size=SMALL),)).rule().gap()
        _address(page, rng)
        page.add((t(0.08, f"STATEMENT PRINTED {when(date).upper()}"),))
        page.add((t(0.08, f"SORT CODE {sort}  ACCOUNT {account}"),)).gap()
        page.add(head).rule(0.08, 0.92)
    else:
        _head(page, BANK, style)
        page.rule().gap()
        _address(page, rng)
        page.add(
            (t(0.08, "Your current account statement", True), rt(0.92, f"Issued {when(date)}"))
        )
        page.add((t(0.08, f"Sort code {sort}   Account number {account}", size=size),)).gap()
        page.band([head])
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
            _foot(page, BANK.registered, 1, 2)
            sheets.append(page)
            page = Sheet(style)
            page.add(
                (
                    t(0.08, f"{BANK.name} - statement continued", True),
                    rt(0.92, f"Account {account} - page 2", size=size),
                )
            )
            page.gap()
            page.band([head])
        running += into - out
        day = later(start, 2 + n * 3)
        page.add((t(0.08, f"{day:%d %b}", size=size), t(0.2, what, size=size), rt(0.6, plain(out) if out else "", size=size),
                  rt(0.75, plain(into) if into else "", size=size), rt(0.92, plain(running), size=size)))  # fmt: skip
    page.rule(0.08, 0.92)
    page.add(
        (
            t(
                0.2,
                "Balance carried to next statement" if typed else "Closing balance",
                True,
                size=size,
            ),
            rt(0.92, plain(running), True, size=size),
        )
    ).gap()
    _foot(page, BANK.registered, len(sheets) + 1, len(sheets) + 1)
    sheets.append(page)
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=sheets, style=style
    )


def benefit(rng: random.Random, i: int) -> Doc:
    """Guardian's Allowance (even: Easy Read) or Widowed Parent's Allowance (odd:
    reversed)."""
    kind, when = setting(rng, i, ("easy", "reversed"))
    date = dated(rng)
    if i % 2 == 0:
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        paid = 2_210 * (1 if frequency == "weekly" else 4)
        org, title, what = GUARDIAN, "You will get Guardian's Allowance", "Guardian's Allowance"
        ref_label, ref = "Child Benefit number", f"CHB{digits(rng, 8)} {letters(rng, 2)}"
    else:
        frequency = ("fortnightly", "four_weekly")[(i // 2) % 2]
        weekly = rng.choice((16_390, 12_850, 9_470))
        paid = weekly * (2 if frequency == "fortnightly" else 4)
        org, title, what = WIDOWED, "Your Widowed Parent's Allowance", "Widowed Parent's Allowance"
        ref_label, ref = (
            "National Insurance number",
            f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}",
        )
    facts: list[Fact] = [
        ("Each payment to you", pounds(paid), f"We will pay you {pounds(paid)} each time."),
        (
            "Payments come",
            FREQUENCY_SHOWN[frequency][0],
            f"We will pay you {FREQUENCY_SHOWN[frequency][1]}.",
        ),
    ]
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label=ref_label, ref=ref, facts=facts,
        intro=f"We have looked at your claim and decided that you can get {what} from {when(later(date, -20))}.",
        paras=(f"We will pay you {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]} into the bank account you told us about.",
               "You must tell us straight away if anything changes, for example if the child stops living with you or you move abroad."),
    )  # fmt: skip
    return compose(rng, i, kind, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: a bowling club's membership card (typed), a brass band's concert call
    (texts)."""
    kind, when = setting(rng, i, ("typed", "texts"))
    date = dated(rng)
    on = later(date, 10 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=BOWLS, title="Membership confirmed for the new season", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Bowler no.", ref=digits(rng, 4),
            facts=[("Opening day", when(on), f"The green opens on {when(on)}."), ("Rink", f"Rink {rng.randrange(1, 7)}, Castle Gardens", "Your rink is by the pavilion.")],
            intro="Thank you for renewing. Your membership card is enclosed; please bring flat-soled shoes on the green.",
            paras=(f"The green opens for the season on {when(on)}, weather permitting. Roll-ups are every Tuesday and Thursday evening.",),
        )  # fmt: skip
    else:
        letter = Letter(
            org=BAND_CLUB, title="Concert call for the Christmas programme", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Player no.", ref=digits(rng, 3),
            facts=[("Concert", when(on), f"The concert is on {when(on)}."), ("Band call at", "Band Room, 6.15 pm", "Meet at the band room.")],
            intro="Thank you for playing with us this year. Here are the arrangements for the Christmas concert.",
            paras=(f"The concert is on {when(on)}. Please wear the band jacket and bring your stand and music.",),
        )  # fmt: skip
    return compose(rng, i, kind, letter)


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
class FSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()
    bands: tuple[tuple[tuple[int, int], ...], ...] = ()
    icons: tuple[tuple[Icon, ...], ...] = ()


def build_f(per_class: int = 4, *, seed: int = 2141) -> list[FSample]:
    """``per_class`` documents of every class, held out, family ``<class>:F``."""
    return build_printed(
        TEMPLATES, FAMILY, per_class, seed, FSample,
        bands=lambda doc: tuple(tuple(s.bands) for s in doc.sheets),
        icons=lambda doc: tuple(tuple(s.icons) for s in doc.sheets),
    )  # fmt: skip


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, f_text, f_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class FScan:
    dpi: int
    skew: float
    """Degrees."""
    screen: bool = False
    """A phone photo of the page shown on a laptop screen: moiré bands, the backlight's
    blue-grey white and lifted black, the pixel grid (JPEG with its resolution)."""
    crumpled: bool = False
    """Crumpled into a ball and flattened: facets of light and shade, sharp creases (PNG)."""
    bitonal: bool = False
    """An office copier's black-and-white mode: 1-bit, greys dithered to dots, a light
    threshold that thins strokes (TIFF, CCITT group 4)."""


SCANS = (
    FScan(dpi=180, skew=0.7, screen=True),
    FScan(dpi=250, skew=-1.1, crumpled=True),
    FScan(dpi=200, skew=0.35, bitonal=True),
)

INK = (22, 22, 26)
WHITE = (250, 250, 250)


def _icon(pen: ImageDraw.ImageDraw, kind: str, x0: int, y0: int, side: int, line: int) -> None:
    """An Easy Read picture drawn in outline (no letters: a picture, not text)."""
    x1, y1 = x0 + side, y0 + side
    if kind == "coin":
        pen.ellipse((x0, y0, x1, y1), outline=INK, width=line * 2)
        pen.ellipse(
            (x0 + side // 4, y0 + side // 4, x1 - side // 4, y1 - side // 4),
            outline=INK,
            width=line,
        )
    elif kind == "calendar":
        pen.rectangle((x0, y0 + side // 8, x1, y1), outline=INK, width=line * 2)
        pen.rectangle((x0, y0 + side // 8, x1, y0 + side // 3), fill=INK)
        for gx in range(1, 4):
            for gy in range(2):
                cx, cy = x0 + gx * side // 4, y0 + side // 2 + gy * side // 4
                pen.rectangle(
                    (cx - line * 2, cy - line * 2, cx + line * 2, cy + line * 2), fill=INK
                )
    elif kind == "phone":
        pen.rounded_rectangle(
            (x0 + side // 4, y0, x1 - side // 4, y1), radius=side // 8, outline=INK, width=line * 2
        )
        pen.line(
            (x0 + side // 3, y1 - side // 6, x1 - side // 3, y1 - side // 6), fill=INK, width=line
        )
    elif kind == "house":
        pen.polygon(
            ((x0, y0 + side // 2), (x0 + side // 2, y0), (x1, y0 + side // 2)),
            outline=INK,
            width=line * 2,
        )
        pen.rectangle(
            (x0 + side // 6, y0 + side // 2, x1 - side // 6, y1), outline=INK, width=line * 2
        )
    else:
        pen.ellipse((x0, y0, x1, y1), outline=INK, width=line * 2)
        pen.rectangle(
            (
                x0 + side // 2 - line * 2,
                y0 + side * 2 // 5,
                x0 + side // 2 + line * 2,
                y1 - side // 5,
            ),
            fill=INK,
        )
        pen.ellipse(
            (
                x0 + side // 2 - line * 3,
                y0 + side // 5,
                x0 + side // 2 + line * 3,
                y0 + side // 5 + line * 6,
            ),
            fill=INK,
        )


def _draw(sample: FSample, n: int, scan: FScan) -> Image.Image:
    width, height = page_size(sample, scan.dpi)
    image = Image.new("RGB", (width, height), (252, 252, 249))
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
        x0, x1 = round(rule.x0 * width), round(rule.x1 * width)
        step = scan.dpi // 25 if rule.dashed else x1 - x0
        for x in range(x0, x1, max(1, step)):
            end = min(x1, x + step // 2) if rule.dashed else x1
            pen.line((x, y, end, y), fill=INK, width=line)
    for icon in sample.icons[n] if sample.icons else ():
        side = round(heights[icon.row] * 1.1)
        _icon(pen, icon.kind, round(0.09 * width), tops[icon.row] - round(0.15 * side), side, line)
    reversed_rows = {
        r
        for first, last in (sample.bands[n] if sample.bands else ())
        for r in range(first, last + 1)
    }
    white_tops = {tops[r] for r in reversed_rows}
    for p in PRINT.layout(sample, n, scan.dpi):
        pen.text(
            (p.left, p.top), p.cell.text, fill=WHITE if p.top in white_tops else INK, font=p.font
        )
    return image


MOIRE = 0.045
"""How deep the moiré bands run (a share of the brightness)."""


def _screen(image: Image.Image, seed: int) -> Image.Image:
    """The page on a laptop screen, photographed: the backlight's blue-grey white and
    lifted black, moiré bands where the camera's grid beats against the screen's, the
    pixel grid, a vignette."""
    lum = np.asarray(image.convert("L")).astype(np.float32) / 255.0
    h, w = lum.shape
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    # (a row and a column broadcast: the same float32 values a pixel at a time as the page's
    # grid of coordinates, without it)
    yy = np.arange(h, dtype=np.float32)[:, None]
    xx = np.arange(w, dtype=np.float32)[None, :]
    angle = math.radians(rng.uniform(8, 22))
    period = rng.uniform(7.0, 11.0)
    beat = np.sin((xx * math.cos(angle) + yy * math.sin(angle)) * 2 * math.pi / period)
    beat *= np.sin(yy * 2 * math.pi / (h / rng.uniform(5, 9)))
    moire = 1.0 + MOIRE * beat
    grid = 1.0 - 0.06 * ((xx.astype(np.int32) % 3) == 2) - 0.05 * ((yy.astype(np.int32) % 3) == 2)
    cx, cy = w * rng.uniform(0.4, 0.6), h * rng.uniform(0.4, 0.6)
    vignette = 1.0 - 0.22 * (((xx - cx) / w) ** 2 + ((yy - cy) / h) ** 2) * 2
    dark, bright = np.array([40, 42, 55], np.float32), np.array([196, 210, 232], np.float32)
    rgb = dark + lum[..., None] * (bright - dark)
    rgb *= (moire * grid * vignette)[..., None]
    out = Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB")
    return out.filter(ImageFilter.GaussianBlur(0.8))


def _crumpled(image: Image.Image, seed: int) -> Image.Image:
    """Crumpled and flattened: creases across the page, each tilting the paper on one side
    (light or shade), with a dark line along it and a highlight beside it. (A tile of the
    page at a time, a crease's line and highlight only where they reach: further than
    ``REACH`` from it, their factors are exactly 1 in float32 and the tilt is one factor.)"""
    lum = np.asarray(image.convert("L")).astype(np.float32)
    h, w = lum.shape
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    creases = []
    for _ in range(11):
        px, py = rng.uniform(0, w), rng.uniform(0, h)
        theta = rng.uniform(0, math.pi)
        creases.append((px, py, math.sin(theta), math.cos(theta), rng.uniform(-0.06, 0.06)))
    shade = np.ones((h, w), np.float32)
    for y0 in range(0, h, TILE):
        for x0 in range(0, w, TILE):
            y1, x1 = min(h, y0 + TILE), min(w, x0 + TILE)
            _crease_tile(shade[y0:y1, x0:x1], creases, (x0, y0, x1, y1))
    paper = np.clip(lum * shade, 0, 255)
    return Image.fromarray(paper.astype(np.uint8), "L").convert("RGB")


TILE = 256
REACH = 250.0
"""Pixels from a crease beyond which its line (exp(-156)) and highlight (exp(-123)) leave
the shade exactly as it is, with a wide margin for float32 rounding of the distance."""


def _crease_tile(
    shade: np.ndarray, creases: list[tuple[float, float, float, float, float]],
    box: tuple[int, int, int, int],
) -> None:  # fmt: skip
    """The creases' factors on one tile of the shade, in place, in the page's order."""
    x0, y0, x1, y1 = box
    xx = np.arange(x0, x1, dtype=np.float32)[None, :]
    yy = np.arange(y0, y1, dtype=np.float32)[:, None]
    for px, py, sin, cos, tilt in creases:
        corners = [(x - px) * sin - (y - py) * cos for x in (x0, x1 - 1) for y in (y0, y1 - 1)]
        if min(corners) > REACH:
            shade *= np.float64(1.0 + tilt)
            continue
        if max(corners) < -REACH:
            shade *= np.float64(1.0 - tilt * 0.5)
            continue
        d = (xx - px) * sin - (yy - py) * cos
        shade *= np.where(d > 0, 1.0 + tilt, 1.0 - tilt * 0.5)
        shade *= 1.0 - 0.28 * np.exp(-np.abs(d) / 1.6)
        shade *= 1.0 + 0.05 * np.exp(-np.abs(d - 4.0) / 2.0)


BITONAL_LIFT = 22
"""How far the copier's threshold is set light (grey levels added before it): thin strokes
lose pixels."""


def _bitonal(image: Image.Image) -> Image.Image:
    grey = image.convert("L").point(lambda v: min(255, v + BITONAL_LIFT))
    return grey.convert("1")


def render(sample: FSample, n: int, scan: FScan, seed: int = 0) -> Image.Image:
    image = _draw(sample, n, scan)
    fill = (236, 236, 236)
    if scan.screen:
        image = image.rotate(
            scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill
        )
        return _screen(image, seed)
    if scan.crumpled:
        image = _crumpled(image, seed)
        return image.rotate(
            scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill
        )
    image = image.rotate(
        scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(255, 255, 255)
    )
    return _bitonal(image)


def _tiff(image: Image.Image, dpi: int) -> bytes:
    out = io.BytesIO()
    image.save(out, format="TIFF", compression="group4", dpi=(dpi, dpi))
    return out.getvalue()


def f_scanned(sample: FSample, index: int) -> tuple[bytes, str, FScan]:
    """Printed and scanned one of three ways: two-page documents as one PDF; the screen
    photos as JPEG with their resolution; the crumpled pages as PNG (with the resolution at
    odd indexes); the copier's black-and-white pages as group-4 TIFF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 53 + n) for n in range(len(sample.pages))]
    if len(images) > 1:
        pages = [image.convert("L") if scan.bitonal else image for image in images]
        return encode_pages(pages, "pdf", scan.dpi), "pdf", scan
    if scan.screen:
        out = io.BytesIO()
        images[0].save(out, format="JPEG", quality=84, dpi=(scan.dpi, scan.dpi))
        return out.getvalue(), "jpeg", scan
    if scan.bitonal:
        return _tiff(images[0], scan.dpi), "tiff", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "FSample",
    "FScan",
    "build_f",
    "f_pages",
    "f_scanned",
    "f_text",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
