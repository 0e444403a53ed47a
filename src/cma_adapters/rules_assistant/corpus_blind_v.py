# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``V``, written blind: an eleventh measure of how the reader
generalises, in an eleventh hand (after ``L`` to ``U``).

``V`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``,
``FIELDS``), the shared page engine (``corpus_print``), families T's and U's modules and
tests (for their conventions), the shared test helpers
(``tests/unit/documents/blind_families.py``, ``tests/integration/ocr/blind_read.py``), the
reporting code of ``benchmarks/intake_accuracy.py`` and ``benchmarks/openai_accuracy.py``,
``./dev`` (how fonts are installed) and, by grep only, families A-U (to avoid their
organisations, wording, date and money shapes and faces) -- **not** the reader's rules
(``assistant.py``, ``fields.py``, ``fields_kinds.py``, ``label_parts.py``, ``layout.py``,
``classifier.py``, ``statements.py``, ``label_learning.py``, ``read_families.py``,
``ranker.py``, ``ranker_training.py``, the Tesseract extractor), its reading tests, nor
any section of benchmarks/OCR.md but its title. It is never used to write rules, to train
or calibrate the classifier or the field ranker (``build_corpus`` never yields it), nor to
choose models: it is measured, and only the aggregate figures go into benchmarks/OCR.md.
Whoever reads its individual misses to change the reader makes ``V`` no longer blind and
must say so there.

**V is no longer blind since round 14** (branch ``reader14``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on V
from then on is a training-side figure (benchmarks/OCR.md, "Round 14").

What differs from A-U:

* who writes: bodies and firms of Kent, East and West Sussex and the Isle of Wight, none
  named by A-U (a card issuer in the Medway towns, a motor-credit claimant and the County
  Court at Maidstone, a leasing firm's judgment from the County Court at Brighton, an
  enforcement company for the Isle of Wight Council, a ship chandler's statutory demand,
  two district councils, an energy supplier on the Solent, a water company on Romney Marsh,
  a magistrates' court at Crawley, a personal lender and the debt buyer it sold to, HMRC's
  tax credits office, a building society of the Cinque Ports, a housing association on the
  Ouse, a catalogue and a split-payment firm, solicitors for a builder, a plant nursery
  and a fishermen's co-operative as employers, a bank of the Downs, the DWP's Carer's
  Allowance and the Pension Service, a dental practice and an oyster festival);
* seven ways of setting a letter, each class in two of them (``i`` even / odd):
  - **key facts**: the facts in a two-column ruled table headed "Key facts", the value
    on the left and its label on the right, then the letter;
  - **boxes**: a form with numbered boxes, the numbers along the top of each box and the
    value below its number, what each box holds explained by a key under them;
  - **dot-matrix**: a continuous-stationery page in a monospaced face, sprocket holes and
    a ruled tear-off margin down both sides, labels in capitals with dot leaders, sums
    protected by asterisks ("£***1,234.56"), and a P.S. carrying another sum (an
    instalment offered, never the balance);
  - **postcard**: a reminder on a half sheet (A5 landscape);
  - **order**: a court-style order with the parties in a bordered header, the number at
    the top right and "IT IS ORDERED THAT" before numbered paragraphs;
  - **banner**: a "NOTICE" with what is owed in a large banner across the page;
  - **summary**: an account summary (previous balance, payments, charges, new balance:
    only the new balance is owed now), on one page, or
  - **summary over two pages**: the letter (its date, the reference) on page 1, the
    summary, the new balance and the date to act by on page 2 only;
  payslips as a dot-matrix tear-off slip (this period and year-to-date figures) or a
  numbered-box slip; bank statements with paid out, paid in and a balance in which an
  overdrawn figure has a trailing minus, one page or two; a Carer's Allowance and a
  Pension Credit letter;
* faces never used by A-U: URW Bookman, P052 (a Palatino) and Nimbus Sans Narrow, with
  Nimbus Mono PS (a Courier) for dot-matrix pages (all in Debian's ``fonts-urw-base35``,
  already in ``./dev services``), 9.5 to 10.5 pt bodies, 22 pt banners;
* dates as "4-12-2026", "04/12/26", "Fri 4th Dec 2026" and "4 December, 2026", one shape a
  document; amounts as "£1,234.56" or, on dot-matrix pages, "£***1,234.56", a trailing
  minus for credits in an account summary ("250.00-"), and the P.S. sum beside the
  balance;
* scans new to the families: 200 dpi with a coffee ring, a phone photo at 240 dpi with a
  keystone (the top and the foot of the page of different widths), light falling off across the page
  and a 2.4 degree turn (JPEG, no resolution), and a 204 dpi fax (black and white, with
  the fax machine's header line across the top and its own date); PNG, JPEG and
  multi-page PDF.

Ground truth follows L's to U's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference, on a claim form and a judgment the claimant's reference);
``balance_pence`` what is owed now (never a previous balance, an instalment, a P.S. offer
or a year-to-date figure); ``letter_date`` the document's own date (a payslip's pay date,
a statement's date; never a fax header's); ``deadline_date`` and ``served_date`` only
where printed. Payslips give the employer, net and gross pay, pay date and frequency;
benefit letters the payer, the amount paid each time, the date and the frequency; a bank
statement its date.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence

from attrs import frozen
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
    A4,
    Faces,
    Printable,
    Printer,
    PrintSheet,
    Rect,
    build_printed,
    ct,
    rt,
    t,
)
from cma_core.documents.model import DocumentClass

FAMILY = "V"

PEOPLE = (
    ("Mr", "Tobias", "Fairweather"),
    ("Ms", "Precious", "Okonkwo-Hale"),
    ("Mrs", "Janine", "Puttock"),
    ("Mr", "Ionut", "Vasilescu"),
)
ADDRESSES = (
    ("3 Saltings Row", "Whitstable", "CT5 1BQ"),
    ("Flat 12, Marine Parade East", "Ryde", "PO33 2LS"),
    ("41 Tenterden Way", "Ashford", "TN23 4RX"),
    ("9 Hollingbury Crescent", "Peacehaven", "BN10 7HW"),
)

# -- date and money shapes -------------------------------------------------------------------


def hyphen_plain(date: dt.date) -> str:
    """4-12-2026"""
    return f"{date.day}-{date.month}-{date.year}"


def short_padded(date: dt.date) -> str:
    """04/12/26"""
    return f"{date:%d/%m/%y}"


def _nth(day: int) -> str:
    return (
        f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"
    )


def weekday_nth(date: dt.date) -> str:
    """Fri 4th Dec 2026"""
    return f"{date:%a} {_nth(date.day)} {date:%b} {date.year}"


def month_comma(date: dt.date) -> str:
    """4 December, 2026"""
    return f"{date.day} {date:%B}, {date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (
    hyphen_plain,
    short_padded,
    weekday_nth,
    month_comma,
)


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


def starred(pence: int) -> str:
    """£***1,234.56 (a computer print's cheque-style protection)"""
    return f"£***{plain(pence)}"


def minus(pence: int) -> str:
    """1,234.56- (a credit in an account summary)"""
    return f"{plain(pence)}-"


FREQUENCY_SHOWN = {
    "weekly": ("WEEKLY", "once a week"),
    "fortnightly": ("FORTNIGHTLY", "every other week"),
    "four_weekly": ("4-WEEKLY", "once every four weeks"),
    "monthly": ("MONTHLY", "once a month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways V prints a true value (to check it is on the page, or in an OCR text)."""
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
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "bookman": {
        (False, False): _URW + "URWBookman-Light.otf",
        (True, False): _URW + "URWBookman-Demi.otf",
        (False, True): _URW + "URWBookman-LightItalic.otf",
        (True, True): _URW + "URWBookman-DemiItalic.otf",
    },
    "palatino": {
        (False, False): _URW + "P052-Roman.otf",
        (True, False): _URW + "P052-Bold.otf",
        (False, True): _URW + "P052-Italic.otf",
        (True, True): _URW + "P052-BoldItalic.otf",
    },
    "narrow": {
        (False, False): _URW + "NimbusSansNarrow-Regular.otf",
        (True, False): _URW + "NimbusSansNarrow-Bold.otf",
        (False, True): _URW + "NimbusSansNarrow-Oblique.otf",
        (True, True): _URW + "NimbusSansNarrow-BoldOblique.otf",
    },
    "mono": {
        (False, False): _URW + "NimbusMonoPS-Regular.otf",
        (True, False): _URW + "NimbusMonoPS-Bold.otf",
        (False, True): _URW + "NimbusMonoPS-Italic.otf",
        (True, True): _URW + "NimbusMonoPS-BoldItalic.otf",
    },
}
"""URW Bookman, P052, Nimbus Sans Narrow and Nimbus Mono PS (``fonts-urw-base35``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "bookman"
    point: float = 10.0
    landscape: bool = False
    half: bool = False
    """A5 landscape: a postcard-sized half sheet."""
    sprockets: bool = False
    """Continuous stationery: sprocket holes and tear-off rules down both sides."""


STYLES = (Style("bookman", 9.5), Style("palatino", 10.5), Style("narrow", 10.5))
MONO = Style("mono", 9.5, sprockets=True)


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []

    def rule(self, x0: float = 0.07, x1: float = 0.93, *, dashed: bool = False) -> Sheet:
        self.rules.append(Rule(len(self.rows), x0, x1, dashed))
        return self


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def balance(rng: random.Random, low: int = 9_000, high: int = 710_000) -> int:
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


@frozen(kw_only=True)
class Letter:
    """What a template says; the layout decides where each part goes.

    ``ref`` is the reference to quote (``ref_label`` names it); ``facts`` the labelled
    facts a table, boxes or panel lists (already shaped; the label first); ``paras`` the
    prose, which states every fact in a sentence (the first paragraph states none of the
    sums nor the date to act by); ``ps`` a postscript (its sum never what is owed);
    ``parties`` who is on either side of an order ((role, name), (role, name))."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[tuple[str, str]]
    paras: Sequence[str]
    ps: str = ""
    parties: tuple[tuple[str, str], tuple[str, str]] | None = None
    owed_label: str = "Amount outstanding now"


def person(rng: random.Random) -> tuple[str, list[str]]:
    """(salutation, address lines)."""
    title, first, surname = rng.choice(PEOPLE)
    return f"{title} {surname}", [f"{title} {first} {surname}", *rng.choice(ADDRESSES)]


def _foot(page: Sheet, org: Org, n: int, of: int, x0: float = 0.07, x1: float = 0.93) -> None:
    page.foot = len(page.rows)
    page.rule(x0, x1, dashed=True)
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    rows = page.wrapped(text, x0, x1 - 0.12, size=SMALL - 1)
    page.add((*rows[0], rt(x1, f"Sheet {n}/{of}", size=SMALL - 1)), *rows[1:])


def _letterhead(page: Sheet, org: Org, style: Style) -> None:
    """Name on the left, address and telephone under it, small."""
    page.add((t(0.07, org.name, True, size=style.point + 2.5),))
    page.add((t(0.07, f"{org.street} - {org.town} - Tel. {org.phone}", size=SMALL),)).rule()


def _prose(
    page: Sheet, paras: Sequence[str], x: float = 0.07, right: float = 0.93, size: float = 0.0
) -> None:
    for text in paras:
        page.para(text, x=x, right=right, size=size).gap()


def _close(page: Sheet, org: Org, x: float = 0.07) -> None:
    page.add((t(x, "With regards,"),)).gap()
    page.add((t(x, org.team, True),))


def _key_facts(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A ruled two-column "Key facts" table: value on the left, its label on the right."""
    org = letter.org
    page = Sheet(style)
    _letterhead(page, org, style)
    page.gap()
    salutation, lines = person(rng)
    page.add(*((t(0.07, x),) for x in lines)).gap()
    top = len(page.rows)
    page.add((t(0.1, "Key facts", True, size=style.point + 1),))
    for label, value in (
        (letter.ref_label, letter.ref),
        ("Date of this letter", letter.when(letter.date)),
        *letter.facts,
    ):
        page.add((t(0.1, value, True), t(0.5, label, size=SMALL + 1)))
    page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.47))
    page.rects.append(Rect(top, len(page.rows) - 1, 0.47, 0.92))
    page.gap()
    page.add((t(0.07, letter.title, True),)).gap()
    page.para(f"Dear {salutation},", x=0.07).gap()
    _prose(page, letter.paras)
    _close(page, org)
    if letter.ps:
        page.gap().para(f"P.S. {letter.ps}", x=0.07)
    _foot(page, org, 1, 1)
    return [page]


def _boxes(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Numbered boxes: each number at the top of its box, the value below it; a key under
    the boxes says what each number holds."""
    org = letter.org
    page = Sheet(style)
    page.add(
        (
            t(0.07, org.name, True, size=style.point + 2),
            rt(0.93, "FORM", True, size=style.point + 2),
        )
    )
    page.add(
        (
            t(0.07, f"{org.street}, {org.town}", size=SMALL),
            rt(0.93, f"Tel. {org.phone}", size=SMALL),
        )
    ).gap()
    page.add((ct(0.5, letter.title.upper(), True),)).gap()
    salutation, lines = person(rng)
    page.add(*((t(0.07, x),) for x in lines)).gap()
    items = [
        (letter.ref_label, letter.ref),
        ("Form issued", letter.when(letter.date)),
        *letter.facts,
    ]
    for start in range(0, len(items), 3):
        chunk = items[start : start + 3]
        top = len(page.rows)
        page.add(
            tuple(
                t(0.085 + 0.29 * k, str(start + k + 1), True, size=SMALL) for k in range(len(chunk))
            )
        )
        page.add(tuple(t(0.1 + 0.29 * k, value, True) for k, (_, value) in enumerate(chunk)))
        for k in range(len(chunk)):
            page.rects.append(Rect(top, top + 1, 0.075 + 0.29 * k, 0.355 + 0.29 * k))
        page.gap()
    page.add((t(0.07, "Key to the boxes", True, size=SMALL + 0.5),))
    for start in range(0, len(items), 2):
        pair = items[start : start + 2]
        page.add(
            tuple(
                t(0.07 + 0.44 * k, f"{start + k + 1}  {label}", size=SMALL + 0.5)
                for k, (label, _) in enumerate(pair)
            )
        )
    page.gap()
    page.para(f"Dear {salutation},", x=0.07).gap()
    _prose(page, letter.paras)
    _close(page, org)
    _foot(page, org, 1, 1)
    return [page]


def _leader(label: str, width: int = 30) -> str:
    return f"{label.upper()} ".ljust(width, ".")


def _dot_matrix(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Continuous stationery in a monospaced face: capitals with dot leaders, sums behind
    asterisks, and a P.S. with another sum."""
    org = letter.org
    style = MONO
    page = Sheet(style)
    page.add((t(0.08, org.name.upper(), True),), (t(0.08, f"{org.street.upper()}, {org.town.upper()}"),),
             (t(0.08, f"TEL {org.phone}"),)).gap()  # fmt: skip
    salutation, lines = person(rng)
    page.add(*((t(0.08, x.upper()),) for x in lines)).gap()
    for label, value in (
        (letter.ref_label, letter.ref),
        ("Date", letter.when(letter.date)),
        *letter.facts,
    ):
        page.add((t(0.08, _leader(label)), t(0.5, value)))
    page.gap()
    page.add((t(0.08, letter.title.upper(), True),)).gap()
    page.para(f"Dear {salutation}", x=0.08).gap()
    _prose(page, letter.paras, x=0.08, right=0.92)
    page.add((t(0.08, "Yours sincerely"),), (), (t(0.08, org.team.upper()),))
    if letter.ps:
        page.gap().para(f"P.S. {letter.ps}", x=0.08, right=0.92)
    page.foot = len(page.rows)
    page.add((t(0.08, f"{org.name.upper()} - COMPUTER PRINTED, NO SIGNATURE NEEDED", size=SMALL),
              rt(0.92, "PG 1", size=SMALL)))  # fmt: skip
    return [page]


def _postcard(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A reminder on a half sheet: sender and REMINDER, the address and a panel of facts
    side by side, the prose in small print."""
    org = letter.org
    style = Style(style.face, 9.0, half=True)
    page = Sheet(style)
    page.add((t(0.06, org.name, True, size=11.5), rt(0.94, "REMINDER", True, size=14)))
    page.add((t(0.06, f"{org.street}, {org.town}  {org.phone}", size=SMALL - 0.5),)).rule(
        0.06, 0.94
    )
    salutation, lines = person(rng)
    panel = [(letter.ref_label, letter.ref), ("Posted", letter.when(letter.date)), *letter.facts]
    left: list[Row] = [(t(0.06, x),) for x in lines]
    first = len(page.rows)
    for n in range(max(len(left), len(panel))):
        cells = [*(left[n] if n < len(left) else ())]
        if n < len(panel):
            cells += [t(0.52, panel[n][0], size=SMALL), rt(0.93, panel[n][1], True)]
        page.add(tuple(cells))
    page.rects.append(Rect(first, first + len(panel) - 1, 0.51, 0.94))
    page.gap()
    page.para(f"Dear {salutation},", x=0.06, size=SMALL + 0.5)
    for text in letter.paras:
        page.para(text, x=0.06, right=0.94, size=SMALL + 0.5)
    page.foot = len(page.rows)
    page.add((t(0.06, f"{org.team} - {org.name}", size=SMALL - 1),))
    return [page]


def _order(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """An order: court and number at the top, the parties in a bordered header, then
    IT IS ORDERED THAT and numbered paragraphs."""
    assert letter.parties is not None
    org = letter.org
    page = Sheet(style)
    page.add(
        (
            t(0.07, f"In the {org.name}", True, size=style.point + 1.5),
            rt(0.93, f"{letter.ref_label} {letter.ref}", True),
        )
    )
    page.add((t(0.07, f"{org.street}, {org.town}", size=SMALL),)).gap()
    (role_a, a), (role_b, b) = letter.parties
    page.box([(t(0.1, role_a, size=SMALL + 1), t(0.3, a, True)), (ct(0.5, "- and -", size=SMALL + 1),),
              (t(0.1, role_b, size=SMALL + 1), t(0.3, b, True))], 0.07, 0.93)  # fmt: skip
    page.gap()
    page.add((ct(0.5, letter.title.upper(), True, size=style.point + 1),)).gap()
    page.para(f"Made on {letter.when(letter.date)} by the court without a hearing.", x=0.07).gap()
    for label, value in letter.facts:
        page.add((t(0.1, label), rt(0.7, value, True)))
    page.gap()
    page.add((t(0.07, "IT IS ORDERED THAT", True),)).gap()
    for n, text in enumerate(letter.paras, 1):
        rows = page.wrapped(text, 0.13, 0.93)
        page.add((t(0.08, f"{n}."), *rows[0]), *rows[1:]).gap()
    _salutation, lines = person(rng)
    page.add((t(0.07, f"To {lines[0]}, {lines[1]}, {lines[2]} {lines[3]}", size=SMALL + 0.5),))
    _foot(page, org, 1, 1)
    return [page]


def _banner(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """NOTICE, then what is owed in a large banner, then the facts and the letter."""
    org = letter.org
    page = Sheet(style)
    _letterhead(page, org, style)
    page.add((ct(0.5, "NOTICE", True, size=style.point + 6),))
    page.add((ct(0.5, letter.title, size=style.point + 0.5),)).gap()
    owed = letter.truth.balance_pence or 0
    page.box(
        [(ct(0.5, letter.owed_label, size=SMALL + 1),), (ct(0.5, money(owed), True, size=22),)],
        0.12,
        0.88,
        fill=218,
    )
    page.gap()
    salutation, lines = person(rng)
    right = [
        (letter.ref_label, letter.ref),
        ("Notice issued", letter.when(letter.date)),
        *letter.facts,
    ]
    for n in range(max(len(lines), len(right))):
        cells = [t(0.07, lines[n])] if n < len(lines) else []
        if n < len(right):
            cells += [t(0.5, right[n][0], size=SMALL + 1), rt(0.93, right[n][1], True)]
        page.add(tuple(cells))
    page.gap()
    page.para(f"Dear {salutation}", x=0.07).gap()
    _prose(page, letter.paras)
    _close(page, org)
    _foot(page, org, 1, 1)
    return [page]


def _summary_rows(rng: random.Random, letter: Letter, page: Sheet) -> None:
    owed = letter.truth.balance_pence or 0
    paid = max(100, owed * rng.randrange(3, 15) // 100)
    charged = max(200, owed * rng.randrange(2, 9) // 100)
    charged += 37 if charged == paid else 0  # the previous balance is never the new one
    previous = owed + paid - charged
    top = len(page.rows)
    page.add(
        (t(0.1, "ACCOUNT SUMMARY", True), rt(0.9, f"to {letter.when(letter.date)}", size=SMALL + 1))
    )
    for label, value in (("Previous balance", plain(previous)), ("Payments received", minus(paid)),
                         ("Interest and charges", plain(charged)), ("New balance", plain(owed))):  # fmt: skip
        page.add((t(0.1, label, label == "New balance"), rt(0.9, value, label == "New balance")))
    page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92))
    page.gap()


def _summary(rng: random.Random, style: Style, letter: Letter, two: bool) -> list[Sheet]:
    """A letter with an account summary; over two pages the summary, the sums and the date
    to act by are on page 2 only."""
    org = letter.org
    salutation, lines = person(rng)
    sheets = [Sheet(style) for _ in range(2 if two else 1)]
    for n, page in enumerate(sheets, 1):
        _letterhead(page, org, style)
        page.add(
            (
                t(0.07, f"{letter.ref_label}: {letter.ref}", size=SMALL + 1),
                rt(0.93, f"Page {n}", size=SMALL + 1),
            )
        ).gap()
    first = sheets[0]
    first.add(*((t(0.07, x),) for x in lines)).gap()
    first.add((rt(0.93, letter.when(letter.date)),)).gap()
    first.add((t(0.07, letter.title, True),)).gap()
    first.para(f"Dear {salutation},", x=0.07).gap()
    first.para(letter.paras[0], x=0.07, right=0.93).gap()
    page = first
    if two:
        first.para("Please turn over for your account summary and what to do next.", x=0.07)
        _foot(first, org, 1, 2)
        page = sheets[1]
    _summary_rows(rng, letter, page)
    for label, value in letter.facts:
        page.add((t(0.1, label), rt(0.9, value, True)))
    page.gap()
    _prose(page, letter.paras[1:])
    _close(page, org)
    _foot(page, org, len(sheets), len(sheets))
    return sheets


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "keyfacts": _key_facts,
    "boxes": _boxes,
    "dotmatrix": _dot_matrix,
    "postcard": _postcard,
    "order": _order,
    "banner": _banner,
    "summary": lambda rng, style, letter: _summary(rng, style, letter, False),
    "summary2": lambda rng, style, letter: _summary(rng, style, letter, True),
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.title)) % len(STYLES)]
    sheets = KINDS[kinds[i % 2]](rng, style, letter)
    chosen = sheets[0].style
    assert isinstance(chosen, Style)
    return Doc(truth=letter.truth, sheets=sheets, style=chosen)


# -- organisations (none named by A-U) ----------------------------------------------------------


def _co(name: str, number: str, office: str, extra: str = "") -> str:
    return f"{name} - company no. {number} (England) - registered office {office}.{extra}"


FCA = " Authorised and regulated by the FCA."
CARD = Org("Medway Crest Card Services Ltd", "Dock Road", "Chatham ME4 4ZJ", "0345 266 7180",
           _co("Medway Crest Card Services Ltd", "08832517", "Dock Road, Chatham ME4 4ZJ", FCA), "Card Recoveries Unit")  # fmt: skip
CLAIMANT = Org("Weald Motor Credit Ltd", "Mount Pleasant Road", "Tunbridge Wells TN1 1QT", "01892 704 316",
               _co("Weald Motor Credit Ltd", "10477293", "Mount Pleasant Road, Tunbridge Wells TN1 1QT", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court at Maidstone", "Barker Road", "Maidstone ME16 8EQ", "0300 123 5577",
                  "HM Courts and Tribunals Service. Write the claim number on everything you send.", "Court Office")  # fmt: skip
LEASING = Org("Rother Valley Leasing Ltd", "Cinque Ports Street", "Rye TN31 7AN", "01797 229 614",
              _co("Rother Valley Leasing Ltd", "07120846", "Cinque Ports Street, Rye TN31 7AN", FCA))  # fmt: skip
JUDGMENT_COURT = Org("County Court at Brighton", "William Street", "Brighton BN2 0RF", "0300 123 5577",
                     "HM Courts and Tribunals Service. The court office is open 10am to 4pm.", "Court Office")  # fmt: skip
ISLAND = Org("Isle of Wight Council", "County Hall, High Street", "Newport, Isle of Wight PO30 1UD", "01983 821 000",
             team="Council Tax Recovery")  # fmt: skip
ENFORCER = Org("Downland Enforcement Services Ltd", "Phoenix Causeway", "Lewes BN7 2FA", "01273 914 602",
               _co("Downland Enforcement Services Ltd", "11963024", "Phoenix Causeway, Lewes BN7 2FA", " Enforcement agents certificated by the County Court."), "Enforcement Team")  # fmt: skip
CHANDLER = Org("Thanet Marine Chandlery Ltd", "Military Road", "Ramsgate CT11 9LG", "01843 588 203",
               _co("Thanet Marine Chandlery Ltd", "04416085", "Military Road, Ramsgate CT11 9LG"), "Trade Credit")  # fmt: skip
COUNCILS = (
    Org("Folkestone and Hythe District Council", "Civic Centre, Castle Hill Avenue", "Folkestone CT20 2QY", "01303 853 400", team="Council Tax Section"),
    Org("Wealden District Council", "Vicarage Lane", "Hailsham BN27 2AX", "01892 653 311", team="Council Tax Section"),
)  # fmt: skip
ENERGY = Org("Solent Crossing Energy Ltd", "Medina Road", "Cowes PO31 7DA", "0800 612 0458",
             _co("Solent Crossing Energy Ltd", "12835590", "Medina Road, Cowes PO31 7DA"), "Customer Billing")  # fmt: skip
WATER = Org("Romney Marsh Water Ltd", "Dymchurch Road", "New Romney TN28 8BB", "0800 318 6675",
            _co("Romney Marsh Water Ltd", "03390218", "Dymchurch Road, New Romney TN28 8BB"), "Debt Recovery")  # fmt: skip
MAGISTRATES = Org("Crawley Magistrates' Court", "Fines Unit, Woodfield Road", "Crawley RH10 8BF", "0300 123 8821",
                  "HM Courts and Tribunals Service - Sussex fines unit.", "Fines Unit")  # fmt: skip
LENDER = Org("Sandwich Bay Personal Loans Ltd", "Cattle Market", "Sandwich CT13 9AE", "01304 617 254",
             _co("Sandwich Bay Personal Loans Ltd", "09305176", "Cattle Market, Sandwich CT13 9AE", FCA))  # fmt: skip
BUYER = Org("Medina Debt Recoveries Ltd", "PO Box 2207", "Newport, Isle of Wight PO30 9BT", "0333 016 4492",
            _co("Medina Debt Recoveries Ltd", "13660781", "Quay Street, Newport, Isle of Wight PO30 5BA", FCA), "Accounts Team")  # fmt: skip
TAX_CREDITS = Org("HM Revenue and Customs", "Tax Credit Office", "Preston PR1 4AT", "0345 302 1429",
                  "HM Revenue and Customs - Tax Credit Office. Have your reference ready when you call.", "Tax Credit Office")  # fmt: skip
SOCIETY = Org("Cinque Ports Building Society", "Arrears Team, Castle Street", "Dover CT16 1PW", "01304 240 917",
              "Cinque Ports Building Society is authorised by the PRA and regulated by the FCA and PRA (FRN 157742).", "Arrears Team")  # fmt: skip
HOMES = Org("Ouse Valley Homes", "Income Team, Bridge Street", "Newhaven BN9 9PH", "01273 612 980",
            "Ouse Valley Homes, a charitable community benefit society (no. 29814R), registered provider of social housing.", "Income Team")  # fmt: skip
CATALOGUE = Org("Pantiles Home Shopping Ltd", "Nevill Street", "Tunbridge Wells TN2 5TT", "0344 880 5512",
                _co("Pantiles Home Shopping Ltd", "05528193", "Nevill Street, Tunbridge Wells TN2 5TT", FCA), "Accounts Team")  # fmt: skip
SPLIT = Org("SplitSix Pay Ltd", "Teville Gate", "Worthing BN11 1UA", "01903 449 781",
            _co("SplitSix Pay Ltd", "14419260", "Teville Gate, Worthing BN11 1UA", FCA), "Help Team")  # fmt: skip
BUILDER = Org("Bexhill Home Improvements Ltd", "Sackville Road", "Bexhill-on-Sea TN39 3JL", "01424 735 118",
              _co("Bexhill Home Improvements Ltd", "06874412", "Sackville Road, Bexhill-on-Sea TN39 3JL"))  # fmt: skip
SOLICITORS = Org("Ashdown Forest Law LLP", "Debt Recovery, Croft Road", "Crowborough TN6 1DL", "01892 668 240",
                 "Ashdown Forest Law LLP (OC398117), authorised and regulated by the Solicitors Regulation Authority.", "Debt Recovery")  # fmt: skip
EMPLOYERS = (
    Org("Ventnor Downs Plant Nursery Ltd", "Wages, Undercliff Drive", "Ventnor PO38 1UL", "01983 855 310",
        _co("Ventnor Downs Plant Nursery Ltd", "03118842", "Undercliff Drive, Ventnor PO38 1UL"), "Wages"),
    Org("Dungeness Fishermen's Co-operative Ltd", "Pay Office, Battery Road", "Lydd TN29 9NJ", "01797 321 446",
        _co("Dungeness Fishermen's Co-operative Ltd", "IP31205R", "Battery Road, Lydd TN29 9NJ"), "Pay Office"),
)  # fmt: skip
BANK = Org("Downs and Weald Bank plc", "Statements, Carfax", "Horsham RH12 1DW", "0345 609 2284",
           _co("Downs and Weald Bank plc", "02966170", "Carfax, Horsham RH12 1DW", " Eligible deposits protected by the FSCS."), "Statements")  # fmt: skip
CARERS = Org("Department for Work and Pensions", "Carer's Allowance Unit", "Preston PR1 1HB", "0800 731 0297",
             "Carer's Allowance is paid by the Department for Work and Pensions.", "Carer's Allowance Unit")  # fmt: skip
PENSION = Org("The Pension Service", "Pension Credit, Post Handling Site B", "Wolverhampton WV99 1AJ", "0800 991 1234",
              "The Pension Service is part of the Department for Work and Pensions.", "Pension Credit Team")  # fmt: skip
DENTIST = Org(
    "Shanklin Esplanade Dental Practice",
    "22 Esplanade",
    "Shanklin PO37 6BN",
    "01983 862 417",
    team="Reception",
)
OYSTERS = Org(
    "Whitstable Oyster Fair Volunteers",
    "The Old Net Loft, Sea Wall",
    "Whitstable CT5 1BX",
    "07700 900 344",
    team="Volunteer Rota",
)


# -- the templates --------------------------------------------------------------------------------


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    return rng.choice(DATE_SHAPES)


def _amount(i: int, kinds: tuple[str, str]) -> Callable[[int], str]:
    """Dot-matrix pages protect their sums with asterisks; the rest print £1,234.56."""
    return starred if kinds[i % 2] == "dotmatrix" else pounds


def creditor_letter(rng: random.Random, i: int) -> Doc:
    kinds = ("keyfacts", "dotmatrix")
    when, amt, date, owed = _when(rng), _amount(i, kinds), dated(rng), balance(rng)
    ref, by = f"MCC-{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 2)}", later(date, 14)
    offer = max(500, owed // rng.randrange(12, 30))
    letter = Letter(
        org=CARD, title="Your card account is in arrears", date=date, when=when,
        truth=owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
        ref_label="Medway Crest card ref.", ref=ref,
        facts=[("Total to clear the card", amt(owed)), ("Reply expected by", when(by))],
        paras=("Two monthly payments on your Medway Crest card have been missed, and the card has been stopped for new spending.",
               f"To clear the card in full you would need to pay {amt(owed)}. Please pay, or ring us to talk about it, by {when(by)}.",
               "If we hear nothing we may send a default notice, which could affect your credit record. Free, impartial advice is available from a debt charity."),
        ps=f"If a smaller sum suits you better, {amt(offer)} a month would stop further charges while we agree a plan.",
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{letters(rng, 1)}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 1)}{letters(rng, 1)}{digits(rng, 2)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 80_000, 1_100_000)
    fee, costs = rng.choice((7_000, 10_500, 20_500, 35_500)), rng.choice((5_000, 8_000, 10_000))
    total = claimed + fee + costs
    ref, claim = f"WMC{digits(rng, 6)}/{letters(rng, 1)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="Claim form (money only)", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Claim number", ref=claim,
        facts=[("Who is claiming", CLAIMANT.name), ("Claimant's own file ref.", ref), ("Sum the claimant seeks", pounds(claimed)), ("Issue fee", pounds(fee)),
               ("Fixed legal costs", pounds(costs)), ("Total claimed", pounds(total)), ("Service date (deemed)", when(served)), ("Respond no later than", when(by))],
        paras=(f"{CLAIMANT.name}, whose reference is {ref}, is suing you in the County Court at Maidstone under claim number {claim}.",
               f"It says {pounds(claimed)} is owed on a hire purchase agreement for a car. Adding the issue fee of {pounds(fee)} and fixed costs of {pounds(costs)}, the total claimed is {pounds(total)}.",
               f"The claim is treated as served on {when(served)}, and you must respond no later than {when(by)}. Otherwise judgment may be entered against you without a hearing."),
    )  # fmt: skip
    return compose(rng, i, ("boxes", "keyfacts"), letter)


def judgment(rng: random.Random, i: int) -> Doc:
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 40_000, 1_300_000)
    ref, claim = f"RVL/{digits(rng, 5)}", _claim_no(rng)
    monthly, by = rng.choice((2_500, 5_000, 7_500, 10_000)), later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 2 == 0 else {}
    pay = (f"The defendant must pay the claimant {pounds(owed)} by 4pm on {when(by)}." if i % 2 == 0
           else f"The defendant must pay the claimant {pounds(owed)} by monthly payments of {pounds(monthly)}, the first to reach the claimant within a month of this order.")  # fmt: skip
    facts = [("Claimant's ref.", ref), ("Sum due under this order", pounds(owed))]
    facts += (
        [("Payment in full by", when(by))]
        if i % 2 == 0
        else [("Monthly payments of", pounds(monthly))]
    )
    name = PEOPLE[i % len(PEOPLE)]
    letter = Letter(
        org=JUDGMENT_COURT, title="Order: judgment without a reply", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, LEASING.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Claim number", ref=claim, facts=facts,
        paras=(f"Judgment is entered for the claimant, {LEASING.name} (reference {ref}), because the defendant has not replied to claim {claim}.",
               f"{pay} Payments go to the claimant, not to the court.",
               "If this judgment is not paid within a month it will be registered, and the claimant may take steps to enforce it."),
        parties=(("Claimant", LEASING.name), ("Defendant", f"{name[0]} {name[1]} {name[2]}")),
    )  # fmt: skip
    return compose(rng, i, ("order", "boxes"), letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kinds = ("banner", "dotmatrix")
    when, amt, date = _when(rng), _amount(i, kinds), dated(rng)
    order = balance(rng, 22_000, 230_000)
    owed = order + 7_500
    case, by = f"DES{digits(rng, 6)}-{digits(rng, 2)}", later(date, 7)
    letter = Letter(
        org=ENFORCER, title="Notice of enforcement - council tax", date=date, when=when,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, ISLAND.name, case, owed, date, deadline_date=by),
        ref_label="Downland case ref.", ref=case, owed_label="Balance with fees",
        facts=[("Creditor", ISLAND.name), ("Council's order figure", amt(order)), ("Compliance fee added", amt(7_500)), ("Balance with fees", amt(owed)), ("Pay or call before", when(by))],
        paras=(f"We act for {ISLAND.name}, which holds a liability order against you for unpaid council tax. Our enforcement case number is {case}.",
               f"The order was for {amt(order)}. The compliance fee of {amt(7_500)} has been added, bringing the balance with fees to {amt(owed)}.",
               f"Pay the balance, or call us to arrange payment, before {when(by)}. After that an agent may visit to take control of goods, and more fees will be added."),
        ps=f"Payments of {amt(owed // 6)} a month may be accepted if you call before the visit is booked.",
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 510_000, 2_400_000)
    ref, by = f"TMC-T{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=CHANDLER, title="Creditor's statutory demand - bankruptcy (section 268 Insolvency Act 1986)", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, CHANDLER.name, ref, owed, date, deadline_date=by),
        ref_label="Chandlery ledger no.", ref=ref, owed_label="Sum the creditor demands",
        facts=[("Sum the creditor demands", pounds(owed)), ("Demand to be met by", when(by))],
        paras=(f"{CHANDLER.name} sold marine fittings, rope and paint to you on trade account {ref}, and its invoices remain unpaid.",
               f"The creditor demands {pounds(owed)}, which is payable now. You must pay it, or secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "Otherwise the creditor may present a bankruptcy petition against you. You may apply to have this demand set aside within 18 days of service. Get advice straight away."),
    )  # fmt: skip
    return compose(rng, i, ("banner", "keyfacts"), letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    org, when, date = COUNCILS[i % 2], _when(rng), dated(rng)
    ref, by = f"CT{digits(rng, 9)}", later(date, 7)
    owed = balance(rng, 11_000, 60_000)
    letter = Letter(
        org=org, title="Council Tax - instalments missed", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Council Tax no.", ref=ref,
        facts=[("Instalments unpaid so far", pounds(owed)), ("Catch up no later than", when(by))],
        paras=("Our records show that your Council Tax instalments have fallen behind.",
               f"You have missed {pounds(owed)} so far. Bring your account up to date by {when(by)} and you can keep paying by instalments.",
               "If not, you lose the right to instalments and we may apply to the magistrates for a summons, adding costs."),
    )  # fmt: skip
    return compose(rng, i, ("summary2", "postcard"), letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 4_000, 65_000)
    ref, by = f"SCE {digits(rng, 4)} {digits(rng, 4)}", later(date, 14)
    rate = rng.randrange(2_200, 3_100)
    letter = Letter(
        org=ENERGY, title="Your gas and electricity bill", date=date, when=when,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Solent supply no.", ref=ref,
        facts=[("Unit rate (electricity)", f"{rate / 100:.2f}p/kWh"), ("This bill, all in", pounds(owed)), ("Payment wanted by", when(by))],
        paras=("Here is your bill for the gas and electricity used at your home since your last bill.",
               f"With electricity at {rate / 100:.2f}p/kWh, the bill total is {pounds(owed)}. Please pay it on or before {when(by)}.",
               "Struggling to pay? Call us and we will look at a payment plan and any grants you may get."),
    )  # fmt: skip
    return compose(rng, i, ("summary", "boxes"), letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 12_000, 140_000)
    ref, by = f"RMW/{digits(rng, 7)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Water charges overdue", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Marsh water acct.", ref=ref, owed_label="Overdue water charges",
        facts=[("Overdue charges", pounds(owed)), ("Get back to us by", when(by))],
        paras=("Despite our reminders, the water and wastewater charges for your home are still unpaid.",
               f"Overdue charges of {pounds(owed)} are on your account. Please pay or contact us by {when(by)}; we can spread the cost or check a social tariff.",
               "If we do not hear from you, the account may be passed to a debt collector."),
    )  # fmt: skip
    return compose(rng, i, ("postcard", "banner"), letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 9_000, 160_000)
    ref, by = f"{digits(rng, 2)}/{digits(rng, 5)}/{digits(rng, 2)}", later(date, 14)
    name = PEOPLE[i % len(PEOPLE)]
    letter = Letter(
        org=MAGISTRATES, title="Collection order - payment now due", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Account no.", ref=ref,
        facts=[("Balance of fine and costs", pounds(owed)), ("Whole balance due by", when(by))],
        paras=("The court imposed a fine, costs and a surcharge, and made a collection order. The payments set by that order have stopped.",
               f"The balance of fine and costs is {pounds(owed)}. Pay it in full by {when(by)}, or contact the fines unit.",
               "If you do not, the fines officer may take the money from your wages or benefits, or issue a warrant to enforcement agents."),
        parties=(("Prosecutor", "Sussex Police"), ("Defendant", f"{name[0]} {name[1]} {name[2]}")),
    )  # fmt: skip
    return compose(rng, i, ("order", "postcard"), letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("keyfacts", "dotmatrix")
    when, amt, date = _when(rng), _amount(i, kinds), dated(rng)
    owed = balance(rng, 30_000, 820_000)
    ref, old = f"MDR{digits(rng, 9)}", f"SBL-{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="Your Sandwich Bay loan has been sold to us", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="Medina account no.", ref=ref,
        facts=[("Lender who made the loan", LENDER.name), ("Loan no. with the lender", old), ("Sum passed to Medina", amt(owed))],
        paras=(f"{LENDER.name} has sold and assigned your loan (their number {old}) to {BUYER.name}. You now owe the money to us rather than to them.",
               f"The balance transferred to us is {amt(owed)}. We do not add interest and the other terms of your loan stay the same.",
               f"Please use your Medina account number {ref} from now on. If you were paying by arrangement, phone us and it can carry on."),
        ps=f"A first payment of {amt(max(1_000, owed // 40))} would keep your arrangement running without a break.",
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 15_000, 460_000)
    ref, by = (
        f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}",
        later(date, 30),
    )
    letter = Letter(
        org=TAX_CREDITS, title="Tax credits overpayment - what you need to pay back", date=date, when=when,
        truth=owes(C.OVERPAYMENT, TAX_CREDITS.name, ref, owed, date, deadline_date=by),
        ref_label="Your tax credits ref.", ref=ref,
        facts=[("Tax credits paid in error", pounds(owed)), ("Repay or call us by", when(by))],
        paras=("When we finalised your tax credits award for last year, we found that you had been paid more than you were entitled to.",
               f"You were overpaid {pounds(owed)} in tax credits. Pay it, or contact us to set up a payment plan, by {when(by)}.",
               "If you think we have got this wrong you can ask us to look at it again. If you ignore this letter we may recover the money through your tax code."),
    )  # fmt: skip
    return compose(rng, i, ("boxes", "summary2"), letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 55_000, 820_000)
    monthly = rng.randrange(45_000, 140_000)
    ref = f"{digits(rng, 3)}-{digits(rng, 6)}-M"
    letter = Letter(
        org=SOCIETY, title="Your mortgage account is behind", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Roll number (mortgage)", ref=ref,
        facts=[("Usual monthly payment", pounds(monthly)), ("Arrears owing", pounds(owed))],
        paras=("Recent payments to your mortgage have been missed or were short, and we would like to help you get back on track.",
               f"The arrears owing on your mortgage are {pounds(owed)}. Your usual monthly payment is {pounds(monthly)}.",
               "Please call our arrears team to talk it through. Repossession is only ever a last resort for us."),
    )  # fmt: skip
    return compose(rng, i, ("summary2", "keyfacts"), letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 10_000, 300_000)
    weekly = rng.randrange(8_000, 16_000)
    ref = f"OVH-{digits(rng, 4)}-{digits(rng, 3)}"
    letter = Letter(
        org=HOMES, title="Rent account in arrears", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Tenancy rent ref.", ref=ref,
        facts=[("Weekly rent", pounds(weekly)), ("Arrears owing on rent", pounds(owed))],
        paras=("We are contacting you because the rent for your home has not been paid in full.",
               f"Arrears owing on your rent account are {pounds(owed)}, and your weekly rent is {pounds(weekly)}. Please contact the income team to agree how you will clear them.",
               "If your housing costs from Universal Credit have changed, let us know. We can put you in touch with free money advice."),
    )  # fmt: skip
    return compose(rng, i, ("summary", "postcard"), letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("postcard", "dotmatrix")
    when, amt, date = _when(rng), _amount(i, kinds), dated(rng)
    owed = balance(rng, 2_000, 150_000)
    by = later(date, 10)
    if i % 2 == 0:
        org, ref, title = CATALOGUE, f"PHS{digits(rng, 8)}", "Catalogue account overdue"
        first = "Your Pantiles account has missed its monthly payment, so new orders are paused."
    else:
        org, ref, title = SPLIT, f"S6-{digits(rng, 4)}-{digits(rng, 4)}", "Split payments missed"
        first = (
            "We tried to collect two of your split payments from your card and both were declined."
        )
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Shopper no.", ref=ref,
        facts=[("Now past due", amt(owed)), ("Clear it before", when(by))],
        paras=(first,
               f"The overdue amount is {amt(owed)}. Please pay before {when(by)} to avoid a late fee and a note on your credit file.",
               "If you cannot pay, tell us: we will pause fees for 30 days while you get advice."),
        ps=f"Paying {amt(max(300, owed // 5))} now would bring your account back into order for this month." if i % 2 else "",
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 60_000, 1_400_000)
    ref, ours, by = (
        f"BHI-{digits(rng, 5)}",
        f"AFL/{letters(rng, 2)}/{digits(rng, 5)}",
        later(date, 30),
    )
    letter = Letter(
        org=SOLICITORS, title="Letter before claim - unpaid building works", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, BUILDER.name, ref, owed, date, deadline_date=by),
        ref_label="Client's invoice ref.", ref=ref, owed_label="Debt claimed by our client",
        facts=[("Acting for", BUILDER.name), ("Our ref.", ours), ("Debt claimed", pounds(owed)), ("Protocol reply due", when(by))],
        paras=(f"We act for {BUILDER.name} about building works it carried out at your home under its invoice {ref}. Our own reference is {ours}.",
               f"Our client claims {pounds(owed)}. Under the Pre-Action Protocol for Debt Claims, please reply using the enclosed forms by {when(by)}.",
               "If you do not reply, our client may issue court proceedings without further notice, and may ask for interest and costs. An information sheet and reply form are enclosed."),
    )  # fmt: skip
    return compose(rng, i, ("keyfacts", "banner"), letter)


def payslip(rng: random.Random, i: int) -> Doc:
    """A dot-matrix tear-off slip (this period and year to date) or a numbered-box slip."""
    org, date = EMPLOYERS[i % 2], dated(rng)
    when = _when(rng)
    frequency = ("weekly", "monthly", "fortnightly", "four_weekly")[i % 4]
    scale = {"weekly": 1, "fortnightly": 2, "four_weekly": 4, "monthly": 4.33}[frequency]
    basic = int(rng.randrange(31_000, 58_000) * scale)
    overtime = rng.randrange(0, 9_000)
    gross = basic + overtime
    tax, ni, pension = gross * 11 // 100, gross * 6 // 100, gross * 4 // 100
    net = gross - tax - ni - pension
    period = rng.randrange(3, 11)
    name = PEOPLE[i % len(PEOPLE)]
    if i % 2 == 0:
        style = MONO
        page = Sheet(style)
        page.add((t(0.08, org.name.upper(), True), rt(0.92, "PAY ADVICE")))
        page.add(
            (
                t(0.08, f"EMPLOYEE  {name[1].upper()} {name[2].upper()}"),
                rt(0.92, f"PAY DATE {when(date)}"),
            )
        )
        page.add(
            (
                t(0.08, f"WORKS NO  {digits(rng, 5)}"),
                rt(0.92, f"PAID {FREQUENCY_SHOWN[frequency][0]}"),
            )
        )
        page.add((t(0.08, f"TAX CODE  1257L   PERIOD {period}"),)).rule(0.07, 0.93, dashed=True)
        page.add(
            (t(0.08, "ITEM", True), rt(0.6, "THIS PERIOD", True), rt(0.9, "YEAR TO DATE", True))
        )
        for label, value in (
            ("BASIC", basic),
            ("OVERTIME", overtime),
            ("TOTAL GROSS", gross),
            ("INCOME TAX", tax),
            ("NAT INS", ni),
            ("PENSION", pension),
        ):
            page.add(
                (t(0.08, _leader(label, 18)), rt(0.6, plain(value)), rt(0.9, plain(value * period)))
            )
        page.rule(0.07, 0.93, dashed=True)
        page.add((t(0.08, "NET PAY TO BANK", True), rt(0.6, starred(net), True))).gap()
        page.para(
            f"Your net pay of {starred(net)} is paid to your bank on {when(date)}. Gross pay this period {starred(gross)}.",
            x=0.08,
            right=0.92,
        )
        page.gap().add(
            (ct(0.5, "- - - - - - - - - - - TEAR HERE - - - - - - - - - - -", size=SMALL),)
        )
        page.foot = len(page.rows)
        page.add(*page.wrapped(org.registered.upper(), 0.08, 0.92, size=SMALL - 1))
    else:
        style = STYLES[i % len(STYLES)]
        page = Sheet(style)
        _letterhead(page, org, style)
        page.add((ct(0.5, "PAYSLIP", True, size=style.point + 3),)).gap()
        items = [("Employee", f"{name[1]} {name[2]}"), ("Date of payment", when(date)), ("Pay cycle", FREQUENCY_SHOWN[frequency][0]),
                 ("Earnings before deductions", pounds(gross)), ("Tax deducted", pounds(tax)), ("NI deducted", pounds(ni)),
                 ("Pension deducted", pounds(pension)), ("Net amount paid", pounds(net)), ("Gross pay to date", pounds(gross * period))]  # fmt: skip
        for start in range(0, len(items), 3):
            chunk = items[start : start + 3]
            top = len(page.rows)
            page.add(
                tuple(
                    t(0.085 + 0.29 * k, str(start + k + 1), True, size=SMALL)
                    for k in range(len(chunk))
                )
            )
            page.add(tuple(t(0.1 + 0.29 * k, value, True) for k, (_, value) in enumerate(chunk)))
            for k in range(len(chunk)):
                page.rects.append(Rect(top, top + 1, 0.075 + 0.29 * k, 0.355 + 0.29 * k))
            page.gap()
        page.add((t(0.07, "What the boxes show", True, size=SMALL + 0.5),))
        for start in range(0, len(items), 3):
            page.add(
                tuple(
                    t(0.07 + 0.29 * k, f"{start + k + 1}  {label}", size=SMALL + 0.5)
                    for k, (label, _) in enumerate(items[start : start + 3])
                )
            )
        page.gap()
        page.para(
            f"We paid {pounds(net)} into your bank account on {when(date)}. You are paid {FREQUENCY_SHOWN[frequency][1]}.",
            x=0.07,
        )
        _foot(page, org, 1, 1)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """Paid out, paid in and a balance (overdrawn with a trailing minus); two pages on the
    odd documents."""
    date, when = dated(rng), _when(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    start = later(date, -30)
    running = rng.randrange(-20_000, 120_000)
    items = [("BGC WAGES VENTNOR DOWNS", 0, rng.randrange(60_000, 200_000)), ("DD SOLENT CROSSING", rng.randrange(5_000, 12_000), 0),
             ("POS TESCO ASHFORD", rng.randrange(900, 6_500), 0), ("SO OUSE VALLEY HOMES", rng.randrange(40_000, 70_000), 0),
             ("ATM RYDE ESPLANADE", 2_000, 0), ("DD WEALDEN DC", rng.randrange(9_000, 16_000), 0),
             ("FPI FROM J PUTTOCK", 0, rng.randrange(1_500, 8_000)), ("POS COSTA WHITSTABLE", rng.randrange(300, 1_500), 0),
             ("DD PANTILES HOME", rng.randrange(2_000, 7_000), 0), ("DD ROMNEY MARSH WTR", rng.randrange(2_500, 6_000), 0)]  # fmt: skip

    def bal(pence: int) -> str:
        return plain(pence) if pence >= 0 else minus(-pence)

    sheets: list[Sheet] = []
    page = Sheet(style)
    _letterhead(page, BANK, style)
    _, lines = person(rng)
    page.add(*((t(0.07, x),) for x in lines)).gap()
    page.add((t(0.07, "Everyday Account - statement", True), rt(0.93, f"Printed {when(date)}")))
    page.add((t(0.07, f"Sort code {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)}  Account no. {digits(rng, 8)}", size=SMALL + 1),
              rt(0.93, f"Covers {start:%d %b} to {date:%d %b}", size=SMALL + 1))).gap()  # fmt: skip
    size = SMALL + 1
    head = (t(0.08, "Date", True, size=size), t(0.18, "Description", True, size=size), rt(0.62, "Paid out", True, size=size),
            rt(0.76, "Paid in", True, size=size), rt(0.92, "Balance", True, size=size))  # fmt: skip
    page.add(head).rule(0.07, 0.93)
    page.add(
        (
            t(0.08, f"{start:%d %b}", size=size),
            t(0.18, "BALANCE FORWARD", size=size),
            rt(0.92, bal(running), size=size),
        )
    )
    split = 6 if i % 2 else len(items)
    for n, (what, out, into) in enumerate(items):
        if n == split:
            page.add(
                (
                    t(0.18, "Balance carried over", True, size=size),
                    rt(0.92, bal(running), size=size),
                )
            )
            page.para(
                "Overdrawn balances are shown with a minus after the figure.", x=0.07, size=SMALL
            )
            _foot(page, BANK, 1, 2)
            sheets.append(page)
            page = Sheet(style)
            _letterhead(page, BANK, style)
            page.add((t(0.07, "Everyday Account - statement continued", True),)).gap()
            page.add(head).rule(0.07, 0.93)
        running += into - out
        day = later(start, 2 + n * 3)
        page.add((t(0.08, f"{day:%d %b}", size=size), t(0.18, what, size=size), rt(0.62, plain(out) if out else "", size=size),
                  rt(0.76, plain(into) if into else "", size=size), rt(0.92, bal(running), size=size)))  # fmt: skip
    page.rule(0.07, 0.93)
    page.add(
        (t(0.18, "Closing balance", True, size=size), rt(0.92, bal(running), True, size=size))
    ).gap()
    page.para(
        "Overdrawn balances are shown with a minus after the figure. Please check this statement and tell us about anything you do not recognise.",
        x=0.07,
        size=SMALL + 0.5,
    )
    _foot(page, BANK, len(sheets) + 1, len(sheets) + 1)
    sheets.append(page)
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=sheets, style=style
    )


def benefit(rng: random.Random, i: int) -> Doc:
    """Carer's Allowance (even: key facts) or Pension Credit (odd: boxes)."""
    when, date = _when(rng), dated(rng)
    frequency = ("weekly", "four_weekly")[(i // 2) % 2]
    times = 4 if frequency == "four_weekly" else 1
    if i % 2 == 0:
        weekly = rng.choice((8_345, 8_190, 8_160))
        paid = weekly * times
        org, title = CARERS, "Carer's Allowance - you are entitled"
        facts = [
            ("Weekly rate", pounds(weekly)),
            ("How often we pay", FREQUENCY_SHOWN[frequency][0]),
            ("Paid each time", pounds(paid)),
        ]
        paras = (f"Thank you for claiming Carer's Allowance. We have decided you are entitled to it from {when(later(date, -21))}.",
                 f"The weekly rate is {pounds(weekly)}. We will pay {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]} into your account.",
                 "Tell us at once if you stop caring for 35 hours a week or if your earnings go up.")  # fmt: skip
        ref_label, ref = (
            "NI number",
            f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}",
        )
    else:
        weekly = rng.randrange(2_500, 9_000)
        paid = weekly * times
        org, title = PENSION, "Pension Credit - your award"
        facts = [
            ("Pension Credit each payment", pounds(paid)),
            ("Paid", FREQUENCY_SHOWN[frequency][0]),
        ]
        paras = ("We have worked out your Pension Credit using the income and savings you told us about.",
                 f"You will get {pounds(paid)} of Pension Credit {FREQUENCY_SHOWN[frequency][1]}, paid with your State Pension.",
                 "You must tell us if your income, savings or household change, or you may be overpaid.")  # fmt: skip
        ref_label, ref = "Our ref.", f"PC/{digits(rng, 8)}"
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label=ref_label, ref=ref, facts=facts, paras=paras,
    )  # fmt: skip
    return compose(rng, i, ("keyfacts", "boxes"), letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: a dental recall (postcard), an oyster festival rota (key facts)."""
    when, date = _when(rng), dated(rng)
    on = later(date, 12 + rng.randrange(20))
    if i % 2 == 0:
        letter = Letter(
            org=DENTIST, title="Your check-up is due", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Patient ref.", ref=digits(rng, 5), facts=[("Appointment", when(on))],
            paras=(f"It is time for your routine check-up. We have booked you in on {when(on)} at {rng.randrange(9, 17)}.{rng.choice(('00', '20', '40'))}.",
                   "Please ring reception if you need to change it."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=OYSTERS, title="Volunteer rota for the oyster fair", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Volunteer no.", ref=digits(rng, 4), facts=[("Your shift", when(on)), ("Report to", "The Old Net Loft")],
            paras=(f"Thank you for offering to help at this year's oyster fair. Your shift starts on {when(on)} at the harbour.",
                   "Wear sensible shoes; tabards and lunch are provided. Reply if you can no longer come."),
        )  # fmt: skip
    return compose(rng, i, ("postcard", "keyfacts"), letter)


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
class VSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_v(per_class: int = 4, *, seed: int = 1415) -> list[VSample]:
    """``per_class`` documents of every class, held out, family ``<class>:V``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, VSample)


A5_LANDSCAPE = (A4[0], A4[1] / 2)
"""Inches: a half sheet, the long side across."""


class VPrinter(Printer):
    """The shared engine, with V's half sheets (A5 landscape)."""

    def page_size(self, sample: Printable, dpi: int) -> tuple[int, int]:
        if getattr(sample.style, "half", False):
            return int(A5_LANDSCAPE[0] * dpi), int(A5_LANDSCAPE[1] * dpi)
        return super().page_size(sample, dpi)


PRINT = VPrinter(FONTS.font, FONTS.measure)
page_size, v_text, v_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class VScan:
    dpi: int
    skew: float
    """Degrees."""
    ink: int = 28
    paper: int = 250
    ring: bool = False
    """A coffee cup's ring, part of it over the text."""
    keystone: float = 0.0
    """A phone held below the page: the top edge this share of the width narrower."""
    light: bool = False
    """Light falling off from one side of the page to the other."""
    fax: bool = False
    """Black and white, with the fax machine's header line across the top."""
    noise: float = 0.0
    blur: float = 0.0
    jpeg: bool = False


SCANS = (
    VScan(dpi=200, skew=0.45, ring=True, noise=0.0002),
    VScan(dpi=240, skew=-2.4, ink=40, paper=236, keystone=0.05, light=True, blur=0.5, jpeg=True),
    VScan(dpi=204, skew=0.3, fax=True, noise=0.0005),
)


def _sprockets(pen: ImageDraw.ImageDraw, width: int, height: int, dpi: int, ink: int) -> None:
    """Tractor-feed holes every half inch down both edges, and the tear-off rules."""
    r = max(3, dpi // 14)
    for x in (round(0.022 * width), round(0.978 * width)):
        for y in range(dpi // 4, height, dpi // 2):
            pen.ellipse((x - r, y - r, x + r, y + r), fill=70)
    for x in (round(0.045 * width), round(0.955 * width)):
        for y in range(0, height, max(4, dpi // 20)):
            pen.line((x, y, x, y + max(2, dpi // 40)), fill=ink, width=1)


def render(sample: VSample, n: int, scan: VScan, seed: int = 0) -> Image.Image:
    width, height = page_size(sample, scan.dpi)
    image = Image.new("L", (width, height), scan.paper)
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, scan.dpi)
    body = round(sample.style.point / 72 * scan.dpi)
    line = max(1, scan.dpi // 110)
    for rect in sample.rects[n] if sample.rects else ():
        y0 = tops[rect.first] - round(0.2 * body)
        y1 = tops[rect.last] + heights[rect.last] - round(0.2 * body)
        box = (round(rect.x0 * width), y0, round(rect.x1 * width), y1)
        if rect.fill is not None:
            pen.rectangle(box, fill=rect.fill)
        if rect.outline:
            pen.rectangle(box, outline=scan.ink, width=line)
    for rule in sample.rules[n] if sample.rules else ():
        y = tops[rule.row] - round(0.1 * body) if rule.row < len(tops) else tops[-1] + heights[-1]
        x0, x1 = round(rule.x0 * width), round(rule.x1 * width)
        step = scan.dpi // 25 if rule.dashed else x1 - x0
        for x in range(x0, x1, max(1, step)):
            pen.line(
                (x, y, min(x1, x + (step * 2) // 3 if rule.dashed else x1), y),
                fill=scan.ink,
                width=line,
            )
    if getattr(sample.style, "sprockets", False):
        _sprockets(pen, width, height, scan.dpi, scan.ink)
    for p in PRINT.layout(sample, n, scan.dpi):
        pen.text((p.left, p.top), p.cell.text, fill=scan.ink, font=p.font)
    rng = random.Random(seed)  # noqa: S311 - where the stains fall
    if scan.ring:
        cx, cy = (
            rng.randrange(width // 2, width - width // 8),
            rng.randrange(height // 5, height // 2),
        )
        r = scan.dpi * 3 // 2
        stain = Image.new("L", image.size, 0)
        ImageDraw.Draw(stain).ellipse(
            (cx - r, cy - r, cx + r, cy + r), outline=70, width=max(3, scan.dpi // 25)
        )
        ImageDraw.Draw(stain).ellipse(
            (cx - r, cy - r, cx + r, cy + r), fill=None, outline=110, width=max(2, scan.dpi // 60)
        )
        stain = stain.filter(ImageFilter.GaussianBlur(scan.dpi / 60))
        image = Image.composite(Image.new("L", image.size, 150), image, stain)
    if scan.fax:
        fax_day = later(dt.date(2026, 1, 5), rng.randrange(300))
        header = f"{fax_day:%b-%d-%Y %a %H:%M}".upper().replace(
            " 00:00", f" {rng.randrange(8, 18):02d}:{rng.randrange(60):02d}"
        )
        font = FONTS.font("mono", round(8 / 72 * scan.dpi), False, False)
        ImageDraw.Draw(image).text(
            (round(0.04 * width), round(0.012 * height)),
            f"{header}   FROM: 01234 567 000   TO: ADVICE   P.001",
            fill=0,
            font=font,
        )
    if scan.noise:
        speckle(image, scan.noise, seed)
    if scan.blur:
        image = image.filter(ImageFilter.GaussianBlur(scan.blur))
    if scan.light:
        shade = Image.linear_gradient("L").rotate(90).resize(image.size)
        image = Image.composite(
            image, Image.new("L", image.size, 90), shade.point(lambda v: 150 + v * 105 // 255)
        )
    if scan.keystone:
        inset = scan.keystone * width
        image = image.transform(
            image.size, Image.Transform.QUAD,
            (-inset, 0, -inset / 5, height, width + inset / 5, height, width + inset, 0),
            resample=Image.Resampling.BICUBIC, fillcolor=60,
        )  # fmt: skip
    turned = image.rotate(
        scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=scan.paper
    )
    if scan.fax:
        turned = turned.point(lambda v: 0 if v < 150 else 255)
    return turned


def v_scanned(sample: VSample, index: int) -> tuple[bytes, str, VScan]:
    """Printed and scanned one of three ways: multi-page ones as one PDF; phone photos as
    JPEG without a resolution; the others as PNG (every other one without its resolution)
    or, one in three, as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 31 + n) for n in range(len(sample.pages))]
    if len(images) > 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    if scan.jpeg:
        return encode_pages([images[0].convert("RGB")], "jpeg", None), "jpeg", scan
    if index % 3 == 2 or index % 4 == 0:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "VSample",
    "build_v",
    "page_size",
    "printed_forms",
    "render",
    "v_pages",
    "v_scanned",
    "v_text",
    "values_in_text",
]
