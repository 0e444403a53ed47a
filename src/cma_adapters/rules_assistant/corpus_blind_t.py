# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``T``, written blind: a ninth measure of how the reader
generalises, in a ninth hand (after ``L`` to ``S``).

``T`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``), the shared
page engine (``corpus_print``), family S's module and tests (for their conventions), the
reporting code of ``benchmarks/intake_accuracy.py`` and, by grep only, families A-S (to
avoid their organisations and wording) -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``layout.py``, ``classifier.py``, ``statements.py``, ``label_learning.py``,
``read_families.py``, ``ranker.py``, ``ranker_training.py``, the Tesseract extractor), its
reading tests, nor any section of benchmarks/OCR.md. It is never used to write rules, to
train or calibrate the classifier or the field ranker (``build_corpus`` never yields it),
nor to choose models: it is measured, and only the aggregate figures go into
benchmarks/OCR.md. Whoever reads its individual misses to change the reader makes ``T`` no
longer blind and must say so there.

**T is no longer blind since round 12** (branch ``reader12``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on T
from then on is a training-side figure (benchmarks/OCR.md, "Round 12").

What differs from A-S:

* who writes: East Anglian and Lincolnshire bodies and firms, none named by A-S (a card
  issuer, a personal lender's claim, a motor lender's judgment, an enforcement company for a
  district council, a stone merchant's statutory demand, two councils, an energy supplier,
  a water company, a magistrates' court, a debt buyer and the lender it bought from, the
  DWP's debt management, a building society, a housing association, a catalogue and a
  buy-now-pay-later firm, solicitors for a consumer lender, a poultry farm and a harbour
  company as employers, a bank, Universal Credit and Pension Credit, a GP surgery and a
  choir);
* four ways of setting a letter, each class in two of them (``i`` even / odd):
  - **e-mail printout** (portrait): the browser's print line on top, a header block
    (From / Sent / To / Subject), the facts in sentences, a signature with the firm's
    registration, and the customer's earlier message quoted below ("On ... wrote:", each
    line after "> "), which carries an older date and sometimes an older sum;
  - **sidebar** (portrait, two columns): the prose on the left, a ruled box "Your account
    at a glance" on the right (each label above its value), a reply slip at the foot with
    a second amount (an instalment);
  - **two pages**: the same header (name, address, "Our ref") and footer (company
    registration) on every page, the date and reference on page 1, the sums and dates in
    sentences on page 2, with a reply slip;
  - **sentence letter** (portrait): "Our ref" / "Your ref" at the top left, the date on the
    right, every fact in a sentence (no labels), sums in words and figures;
  payslips with this period and year-to-date columns, bank statements with a running
  balance, a Universal Credit statement of an assessment period;
* faces never used by A-S: Carlito (metric twin of Calibri) and Caladea (of Cambria) from
  Debian's ``fonts-crosextra-*``, and Liberation Mono under Caladea Bold headings; 9.5, 10.5
  and 11 pt bodies;
* dates as "4th December 2026", "Dec 4, 2026", "Friday 4 December 2026" and
  "04-Dec-2026", one shape a document; amounts as "£1,234.56 GBP", "£1,234.56" or bare
  "1234.56" (payslips and statements under a "£" heading), the biggest sums also in words
  ("one thousand two hundred and thirty-four pounds and fifty-six pence (£1,234.56)");
* scans at 200, 240 and 300 dpi skewed 1-3 degrees: a grey photocopy (mottled grey paper,
  a dark edge where the lid was open), a clean skewed scan with speckle, and a softened
  photocopy of a photocopy; PNG with and without its resolution, and multi-page PDF.

Ground truth follows L's to S's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference); ``balance_pence`` what is owed now (never the reply slip's instalment, an
earlier sum in a quoted message, or a year-to-date figure); ``letter_date`` the document's
own date (an e-mail's Sent date, a payslip's pay date, a statement's date; never the print
line's date or a quoted message's); ``deadline_date`` and ``served_date`` only where
printed. Payslips give the employer, net and gross pay, pay date and frequency; benefit
letters the payer, the amount paid each time, the date and the frequency; a bank statement
its date.
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
from cma_adapters.rules_assistant.corpus_blind_s import (
    Rule,
    digits,
    later,
    letters,
    ordinal,
    owes,
)
from cma_adapters.rules_assistant.corpus_print import (
    Faces,
    PrintCell,
    Printer,
    PrintSheet,
    Rect,
    build_printed,
    ct,
    rt,
    t,
)
from cma_core.documents.model import DocumentClass

FAMILY = "T"

PEOPLE = (
    ("Mr", "Callum", "Ashby", "c.ashby84"),
    ("Ms", "Priya", "Ramdhanie", "priya.ramdhanie"),
    ("Mrs", "Lorraine", "Gedney", "lgedney"),
    ("Mr", "Tomasz", "Wierzbicki", "tomwierz"),
)
ADDRESSES = (
    ("12 Tattershall Road", "Woodhall Spa", "LN10 6TP"),
    ("Flat 4, Quayside Court", "Wells-next-the-Sea", "NR23 1AH"),
    ("87 Spalding Common", "Spalding", "PE11 3AU"),
    ("3 Mill Drove", "Downham Market", "PE38 9QT"),
)

# -- date and money shapes -------------------------------------------------------------------


def ordinal_long(date: dt.date) -> str:
    """4th December 2026"""
    return f"{ordinal(date.day)} {date:%B} {date.year}"


def us_short(date: dt.date) -> str:
    """Dec 4, 2026"""
    return f"{date:%b} {date.day}, {date.year}"


def weekday_long(date: dt.date) -> str:
    """Friday 4 December 2026"""
    return f"{date:%A} {date.day} {date:%B} {date.year}"


def dashed(date: dt.date) -> str:
    """04-Dec-2026"""
    return f"{date:%d}-{date:%b}-{date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (ordinal_long, us_short, weekday_long, dashed)


def with_code(pence: int) -> str:
    """£1,234.56 GBP"""
    return f"{money(pence)} GBP"


def pounds(pence: int) -> str:
    return money(pence)


def bare(pence: int) -> str:
    """1234.56 (under a "£" heading)"""
    return f"{pence // 100}.{pence % 100:02d}"


MONEY_SHAPES: tuple[Callable[[int], str], ...] = (with_code, pounds)

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return f"{_ONES[n // 100]} hundred" + (f" and {_words(rest)}" if rest else "")
    rest = n % 1000
    head = f"{_words(n // 1000)} thousand"
    if not rest:
        return head
    return head + (" and " if rest < 100 else " ") + _words(rest)


def in_words(pence: int) -> str:
    """one thousand two hundred and thirty-four pounds and fifty-six pence (£1,234.56)"""
    pounds_part = f"{_words(pence // 100)} pound{'s' if pence // 100 != 1 else ''}"
    if pence % 100:
        pounds_part += f" and {_words(pence % 100)} pence"
    return f"{pounds_part} ({money(pence)})"


FREQUENCY_SHOWN = {
    "weekly": ("Weekly", "every week"),
    "fortnightly": ("Fortnightly", "every two weeks"),
    "four_weekly": ("4-Weekly", "every four weeks"),
    "monthly": ("Monthly", "every month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways T prints a true value (to check it is on the page, or in an OCR text)."""
    if isinstance(value, dt.date):
        return tuple(shape(value) for shape in DATE_SHAPES)
    if isinstance(value, int):
        return (money(value), money(value)[1:], bare(value))
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
_LB = "/usr/share/fonts/truetype/liberation/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "carlito": {
        (False, False): _CX + "Carlito-Regular.ttf",
        (True, False): _CX + "Carlito-Bold.ttf",
        (False, True): _CX + "Carlito-Italic.ttf",
        (True, True): _CX + "Carlito-BoldItalic.ttf",
    },
    "caladea": {
        (False, False): _CX + "Caladea-Regular.ttf",
        (True, False): _CX + "Carlito-Bold.ttf",
        (False, True): _CX + "Caladea-Italic.ttf",
        (True, True): _CX + "Carlito-BoldItalic.ttf",
    },
    "plain": {
        (False, False): _LB + "LiberationMono-Regular.ttf",
        (True, False): _CX + "Caladea-Bold.ttf",
        (False, True): _LB + "LiberationMono-Italic.ttf",
        (True, True): _CX + "Caladea-BoldItalic.ttf",
    },
}
"""Carlito and Caladea (``fonts-crosextra-carlito``/``-caladea``), and Liberation Mono
under Caladea Bold headings."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "carlito"
    point: float = 11.0
    landscape: bool = False


STYLES = (Style("carlito", 11.0), Style("caladea", 10.5), Style("plain", 9.5))


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []

    def rule(self, x0: float = 0.07, x1: float = 0.93, *, dashed: bool = False) -> Sheet:
        self.rules.append(Rule(len(self.rows), x0, x1, dashed))
        return self

    def beside(self, left: Sequence[Row], right: Sequence[Row]) -> int:
        """Two columns of rows side by side; the first row's index."""
        first = len(self.rows)
        for n in range(max(len(left), len(right))):
            a = left[n] if n < len(left) else ()
            b = right[n] if n < len(right) else ()
            self.rows.append((*a, *b))
        return first


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def balance(rng: random.Random, low: int = 9_000, high: int = 720_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    return dt.date(2025, 2, 3) + dt.timedelta(days=rng.randrange(670))


@frozen
class Shapes:
    when: Callable[[dt.date], str]
    amount: Callable[[int], str]


def shapes(rng: random.Random) -> Shapes:
    return Shapes(rng.choice(DATE_SHAPES), rng.choice(MONEY_SHAPES))


@frozen
class Org:
    name: str
    address: str
    phone: str
    mail: str
    """The e-mail domain."""
    registered: str = ""
    """The registration line every page's footer repeats ("" for a public body)."""
    team: str = "Customer Accounts"


@frozen(kw_only=True)
class Letter:
    """What a template says; the layout decides where each part goes.

    ``ref`` is the reference to quote (``ref_label`` names it); ``glance`` the facts a
    sidebar box lists (already shaped); ``paras`` the prose, which states every fact in a
    sentence (the first paragraph states none of the sums); ``slip`` a reply slip's second
    amount (label, value); ``quote`` the customer's earlier message (an e-mail quotes it)."""

    org: Org
    title: str
    date: dt.date
    sh: Shapes
    truth: Truth
    ref_label: str
    ref: str
    glance: Sequence[tuple[str, str]]
    paras: Sequence[str]
    slip: tuple[str, str] | None = None
    quote: str = ""


def person(rng: random.Random) -> tuple[str, str, list[str]]:
    """(salutation, e-mail address, address lines)."""
    title, first, surname, handle = rng.choice(PEOPLE)
    return (
        f"{title} {surname}",
        f"{handle}@{rng.choice(('btinternet.com', 'outlook.com', 'gmail.com'))}",
        [f"{title} {first} {surname}", *rng.choice(ADDRESSES)],
    )


def _registration(page: Sheet, org: Org, n: int, of: int) -> None:
    """The registration line (wrapped), the page's number beside its first line."""
    rows = page.wrapped(
        org.registered or f"{org.name}, {org.address}", 0.07, 0.86, size=SMALL - 0.5
    )
    page.add((*rows[0], rt(0.93, f"{n}/{of}", size=SMALL - 0.5)), *rows[1:])


def _footer(page: Sheet, org: Org, n: int, of: int) -> None:
    page.foot = len(page.rows)
    page.rule()
    _registration(page, org, n, of)


def _email(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    org, sh = letter.org, letter.sh
    page = Sheet(style)
    salutation, address, lines = person(rng)
    printed = later(letter.date, 1 + rng.randrange(6))
    page.add(
        (
            t(
                0.05,
                f"{printed:%d/%m/%Y}, {rng.randrange(8, 18):02d}:{rng.randrange(60):02d}",
                size=SMALL,
            ),
            ct(0.5, f"Mail - {lines[0]} - Outlook", size=SMALL),
        )
    ).gap()
    page.add((t(0.07, letter.title, True, size=style.point + 3),)).rule().gap()
    sender = org.name.removesuffix(" Ltd").removesuffix(" plc").removesuffix(" LLP")
    at = f"{rng.randrange(8, 17):02d}:{rng.randrange(60):02d}"
    header = (
        ("From:", f"{sender} <{org.team.lower().replace(' ', '.')}@{org.mail}>"),
        ("Sent:", f"{sh.when(letter.date)} {at}"),
        ("To:", address),
        ("Subject:", f"{letter.title} - {letter.ref_label} {letter.ref}"),
    )
    for label, value in header:
        page.add((t(0.07, label, True), t(0.18, value)))
    page.rule().gap()
    page.para(f"Dear {salutation},", x=0.07).gap()
    for text in letter.paras:
        page.para(text, x=0.07, right=0.92).gap()
    page.add((t(0.07, "Kind regards"),)).gap()
    page.add((t(0.07, org.team, True),), (t(0.07, org.name),), (t(0.07, f"Tel {org.phone}"),))
    if org.registered:
        page.para(org.registered, x=0.07, right=0.92, size=SMALL)
    page.gap()
    if letter.quote:
        earlier = later(letter.date, -4 - rng.randrange(9))
        page.para(
            f"On {us_short(earlier)}, at {rng.randrange(7, 23)}:{rng.randrange(10, 60)}, {lines[0]} <{address}> wrote:",
            x=0.07,
            size=style.point - 1,
        )
        for row in page.wrapped(letter.quote, 0.1, 0.9, size=style.point - 1):
            page.add((t(0.07, ">", size=style.point - 1), *row))
    page.foot = len(page.rows)
    page.add((t(0.05, "about:blank", size=SMALL), rt(0.95, "1/1", size=SMALL)))
    return [page]


def _letterhead(page: Sheet, org: Org, style: Style) -> None:
    page.add((t(0.07, org.name, True, size=style.point + 4),))
    page.add((t(0.07, org.address, size=SMALL), rt(0.93, org.phone, size=SMALL))).rule().gap()


def _slip(page: Sheet, letter: Letter, lines: Sequence[str]) -> None:
    if letter.slip is None:
        return
    page.rule(0.05, 0.95, dashed=True)
    page.add(
        (ct(0.5, "Reply slip - please detach and return in the envelope provided", size=SMALL),)
    )
    page.add(
        (
            t(0.07, f"{letter.ref_label}: {letter.ref}", size=SMALL + 1),
            t(0.55, f"Name: {lines[0]}", size=SMALL + 1),
        )
    )
    page.add(
        (
            t(0.07, f"{letter.slip[0]}: {letter.slip[1]}", size=SMALL + 1),
            t(0.55, "I enclose £ ..............", size=SMALL + 1),
        )
    )
    page.add(
        (
            t(0.07, "Signed ................................", size=SMALL + 1),
            t(0.55, "Date ..............", size=SMALL + 1),
        )
    )


def _sidebar(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    org, sh = letter.org, letter.sh
    page = Sheet(style)
    _letterhead(page, org, style)
    salutation, _, lines = person(rng)
    page.add(*((t(0.07, x),) for x in lines)).gap()
    page.add((t(0.07, sh.when(letter.date)),)).gap()
    left: list[Row] = [(t(0.07, letter.title, True),), ()]
    left += [*page.wrapped(f"Dear {salutation},", 0.07, 0.6), ()]
    for text in letter.paras:
        left += [*page.wrapped(text, 0.07, 0.6), ()]
    left += [(t(0.07, "Yours sincerely"),), (), (t(0.07, org.team),)]
    right: list[Row] = [(t(0.67, "Your account at a glance", True),), ()]
    for label, value in ((letter.ref_label, letter.ref), *letter.glance):
        right += [(t(0.67, label, size=SMALL + 0.5),), (t(0.67, value, True),)]
    first = page.beside(left, right)
    page.rects.append(Rect(first, first + len(right) - 1, 0.655, 0.935, True, 235))
    page.gap()
    if letter.slip is None:
        _footer(page, org, 1, 1)
    else:
        page.foot = len(page.rows)
        _slip(page, letter, lines)
        page.gap()
        page.rule()
        _registration(page, org, 1, 1)
    return [page]


def _two_pages(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Header and footer on both pages; date and reference on page 1, the sums on page 2."""
    org, sh = letter.org, letter.sh
    salutation, _, lines = person(rng)
    sheets = []
    for n in (1, 2):
        page = Sheet(style)
        _letterhead(page, org, style)
        page.add(
            (
                t(0.07, f"Our ref: {letter.ref}", size=SMALL + 1),
                rt(0.93, f"Page {n} of 2", size=SMALL + 1),
            )
        ).gap()
        sheets.append(page)
    first, second = sheets
    first.add(*((t(0.07, x),) for x in lines)).gap()
    first.add((rt(0.93, sh.when(letter.date)),)).gap()
    first.add((t(0.07, letter.title, True),)).gap()
    first.para(f"Dear {salutation}", x=0.07).gap()
    first.para(letter.paras[0], x=0.07, right=0.93).gap()
    first.para(
        "We want to help you. If you are struggling with money, free and confidential advice is available from a debt advice charity, and we will give you time to get advice before we take any further step.",
        x=0.07,
        right=0.93,
    ).gap()
    first.para("Please turn over.", x=0.07)
    _footer(first, org, 1, 2)
    second.add((t(0.07, f"{letter.title} (continued)", True),)).gap()
    for text in letter.paras[1:]:
        second.para(text, x=0.07, right=0.93).gap()
    second.add((t(0.07, "Yours sincerely"),)).gap()
    second.add((t(0.07, org.team),)).gap()
    if letter.slip is not None:
        second.foot = len(second.rows)
        _slip(second, letter, lines)
        second.gap()
        second.rule()
        _registration(second, org, 2, 2)
    else:
        _footer(second, org, 2, 2)
    return sheets


def _sentences(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Our ref / your ref top left, the date on the right; every fact in a sentence."""
    org, sh = letter.org, letter.sh
    page = Sheet(style)
    page.add((rt(0.93, org.name, True, size=style.point + 3),))
    street, _, town = org.address.rpartition(", ")
    page.add((rt(0.93, street or org.address, size=SMALL),), (rt(0.93, town, size=SMALL),))
    page.add((rt(0.93, f"Telephone {org.phone}", size=SMALL),)).gap()
    salutation, _, lines = person(rng)
    page.add(*((t(0.07, x),) for x in lines)).gap()
    page.add((t(0.07, f"Our ref: {letter.ref}"), rt(0.93, sh.when(letter.date))))
    page.add((t(0.07, "Your ref: -"),)).gap()
    page.para(f"Dear {salutation}", x=0.07).gap()
    page.add((t(0.07, letter.title.upper(), True),)).gap()
    for text in letter.paras:
        page.para(text, x=0.07, right=0.93).gap()
    page.add((t(0.07, "Yours faithfully"),)).gap(2)
    page.add((t(0.07, org.team),))
    _footer(page, org, 1, 1)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "email": _email,
    "sidebar": _sidebar,
    "pages": _two_pages,
    "sentences": _sentences,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.org.name)) % len(STYLES)]
    return Doc(truth=letter.truth, sheets=KINDS[kinds[i % 2]](rng, style, letter), style=style)


# -- organisations (none named by A-S) ----------------------------------------------------------


def _ltd(name: str, number: str, office: str) -> str:
    return f"{name} is registered in England and Wales, company no. {number}. Registered office: {office}."


CARD = Org("Glaven Card Services Ltd", "PO Box 4471, Fakenham NR21 8XJ", "0345 266 1903", "glavencard.co.uk",
           _ltd("Glaven Card Services Ltd", "08815524", "Glaven House, Holt Road, Fakenham NR21 8XJ") + " Authorised and regulated by the Financial Conduct Authority.",
           "Collections Team")  # fmt: skip
CLAIMANT = Org("Tas Valley Loans Ltd", "Unit 6, Long Stratton Business Park, Norwich NR15 2PD", "01508 533 170", "tasvalleyloans.co.uk",
               _ltd("Tas Valley Loans Ltd", "10442781", "Long Stratton Business Park, Norwich NR15 2PD"), "Litigation Team")  # fmt: skip
CLAIM_COURT = Org("County Court at Boston", "55 Norfolk Street, Boston PE21 6PE", "0300 123 7050", "justice.gov.uk",
                  "HM Courts & Tribunals Service. Please quote the claim number on all correspondence.", "Court Office")  # fmt: skip
MOTOR = Org("Welland Motor Finance Ltd", "Market Deeping PE6 8LD", "0330 124 8806", "wellandmotor.co.uk",
            _ltd("Welland Motor Finance Ltd", "07129935", "Northfield Road, Market Deeping PE6 8LD"), "Recoveries Team")  # fmt: skip
JUDGMENT_COURT = Org("County Court at Lincoln", "360 High Street, Lincoln LN5 7RL", "0300 123 7050", "justice.gov.uk",
                     "HM Courts & Tribunals Service. The court office is open 10am to 4pm.", "Court Office")  # fmt: skip
DISTRICT = Org(
    "South Holland District Council",
    "Council Offices, Priory Road, Spalding PE11 2XE",
    "01775 761 161",
    "sholland.gov.uk",
)
ENFORCER = Org("Broadland Enforcement Agents Ltd", "Enforcement Office, Rackheath NR13 6LP", "0333 772 4410", "broadlandea.co.uk",
               _ltd("Broadland Enforcement Agents Ltd", "09371154", "Salhouse Road, Rackheath NR13 6LP") + " Certificated enforcement agents.",
               "Enforcement Team")  # fmt: skip
MERCHANT = Org("Stamford Stone Supplies Ltd", "Ketton Quarry Road, Stamford PE9 3SX", "01780 720 455", "stamfordstone.co.uk",
               _ltd("Stamford Stone Supplies Ltd", "04563308", "Ketton Quarry Road, Stamford PE9 3SX"), "Credit Control")  # fmt: skip
COUNCILS = (
    Org("Borough Council of King's Lynn and West Norfolk", "Revenues, King's Court, Chapel Street, King's Lynn PE30 1EX", "01553 616 200", "west-norfolk.gov.uk", team="Council Tax Section"),
    Org("East Lindsey District Council", "Revenues, The Hub, Mareham Road, Horncastle LN9 6PH", "01507 601 111", "e-lindsey.gov.uk", team="Council Tax Section"),
)  # fmt: skip
ENERGY = Org("Yare Energy Supply Ltd", "Riverside Road, Norwich NR1 1SQ", "0800 470 1290", "yareenergy.co.uk",
             _ltd("Yare Energy Supply Ltd", "11203390", "Riverside Road, Norwich NR1 1SQ"), "Billing Team")  # fmt: skip
WATER = Org("Nar Valley Water Ltd", "Customer Centre, Narborough PE32 1TE", "0800 085 4419", "narvalleywater.co.uk",
            _ltd("Nar Valley Water Ltd", "02366091", "Water Lane, Narborough PE32 1TE"), "Customer Accounts")  # fmt: skip
MAGISTRATES = Org("Boston Magistrates' Court", "Fines Unit, 55 Norfolk Street, Boston PE21 6PE", "0300 790 9901", "justice.gov.uk",
                  "HM Courts & Tribunals Service, Collection and Enforcement.", "Fines Unit")  # fmt: skip
BUYER = Org("Thurne Portfolio Recoveries Ltd", "PO Box 1209, Potter Heigham NR29 5WZ", "0330 058 2214", "thurnerecoveries.co.uk",
            _ltd("Thurne Portfolio Recoveries Ltd", "12990473", "Bridge Road, Potter Heigham NR29 5WZ") + " Authorised and regulated by the Financial Conduct Authority.",
            "Customer Support")  # fmt: skip
LENDER = Org("Waveney Personal Loans Ltd", "Station Square, Lowestoft NR32 1BA", "01502 560 901", "waveneyloans.co.uk",
             _ltd("Waveney Personal Loans Ltd", "06650218", "Station Square, Lowestoft NR32 1BA"))  # fmt: skip
DWP = Org("Department for Work and Pensions", "Debt Management, PO Box 492, Peterlee SR8 9BW", "0800 916 0647", "dwp.gov.uk",
          "Department for Work and Pensions - Debt Management. Calls may be recorded.", "Debt Management")  # fmt: skip
SOCIETY = Org("Marshland Mutual Building Society", "Arrears Team, 1 Church Street, Wisbech PE13 1AA", "01945 582 600", "marshlandmutual.co.uk",
              "Marshland Mutual Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA. FRN 206551.",
              "Arrears Team")  # fmt: skip
HOMES = Org("Witham Vale Homes", "Income Team, Witham Place, Boston PE21 6PX", "01205 318 440", "withamvale.org.uk",
            "Witham Vale Homes is a charitable community benefit society, registered no. 30741R, and a registered provider of social housing.",
            "Income Team")  # fmt: skip
CATALOGUE = Org("Holkham Home Direct Ltd", "Account Services, Heacham PE31 7JX", "0344 811 2050", "holkhamhome.co.uk",
                _ltd("Holkham Home Direct Ltd", "03308846", "Lynn Road, Heacham PE31 7JX"), "Account Services")  # fmt: skip
SPLIT = Org("Splitly Pay Ltd", "3rd Floor, Prince of Wales Road, Norwich NR1 1BL", "0203 880 1514", "splitlypay.com",
            _ltd("Splitly Pay Ltd", "13375012", "Prince of Wales Road, Norwich NR1 1BL"), "Payments Team")  # fmt: skip
CONSUMER = Org("Brancaster Consumer Credit Ltd", "Brancaster Staithe PE31 8BW", "0345 609 7755", "brancastercredit.co.uk",
               _ltd("Brancaster Consumer Credit Ltd", "05827730", "Harbour Way, Brancaster Staithe PE31 8BW"))  # fmt: skip
SOLICITORS = Org("Ashwell Crane Solicitors LLP", "Debt Litigation, 18 Tombland, Norwich NR3 1HF", "01603 905 331", "ashwellcrane.co.uk",
                 "Ashwell Crane Solicitors LLP, registered in England and Wales no. OC398812, is authorised and regulated by the Solicitors Regulation Authority.",
                 "Debt Litigation")  # fmt: skip
EMPLOYERS = (
    Org("Brecks Poultry Farms Ltd", "Payroll, Mundford Road, Thetford IP24 1NA", "01842 750 300", "brecksfarms.co.uk",
        _ltd("Brecks Poultry Farms Ltd", "01988340", "Mundford Road, Thetford IP24 1NA"), "Payroll"),
    Org("Lowestoft Harbour Services Ltd", "Wages, Waveney Dock, Lowestoft NR32 1BZ", "01502 572 018", "lowestofthbr.co.uk",
        _ltd("Lowestoft Harbour Services Ltd", "00774412", "Waveney Dock, Lowestoft NR32 1BZ"), "Wages Office"),
)  # fmt: skip
BANK = Org("Anglian Counties Bank plc", "Customer Statements, Tower Street, Ipswich IP1 3BE", "0345 300 1866", "angliancounties.co.uk",
           _ltd("Anglian Counties Bank plc", "02065773", "Tower Street, Ipswich IP1 3BE"), "Statements")  # fmt: skip
UC = Org("Department for Work and Pensions", "Universal Credit, Post Handling Site B, Wolverhampton WV99 1AJ", "0800 328 5644", "dwp.gov.uk",
         "Universal Credit full service. Sign in to your account to see your journal and to report changes.", "Universal Credit")  # fmt: skip
PENSION = Org("The Pension Service", "Pension Credit, Post Handling Site B, Wolverhampton WV99 1AH", "0800 991 1234", "dwp.gov.uk",
              "The Pension Service is part of the Department for Work and Pensions.", "Pension Credit")  # fmt: skip
SURGERY = Org(
    "Cley Road Medical Practice",
    "Cley Road, Holt NR25 6AQ",
    "01263 711 404",
    "cleyroadmp.nhs.uk",
    team="Reception",
)
CHOIR = Org(
    "Blakeney Community Choir",
    "c/o The Harbour Room, Blakeney NR25 7NE",
    "07700 900 412",
    "blakeneychoir.org.uk",
    team="Committee",
)


def quote_about(sh: Shapes, earlier: int, paid: int) -> str:
    return (
        f"Hello, I had a letter saying I owed {sh.amount(earlier)} but I paid {sh.amount(paid)} last week, "
        "so can you confirm the right figure? I'm on a low income at the moment and I am getting advice. Thanks"
    )


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    sh, date, owed = shapes(rng), dated(rng), balance(rng)
    ref, by = f"5412{digits(rng, 12)}", later(date, 14)
    instalment = max(2_000, owed // 36)
    letter = Letter(
        org=CARD, title="Your Glaven card account is in arrears", date=date, sh=sh,
        truth=owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
        ref_label="Glaven card account no.", ref=ref,
        glance=[("Balance owing today", sh.amount(owed)), ("Missed monthly payments", "2"), ("Talk to us before", sh.when(by))],
        paras=("We are writing because your last two monthly payments have not reached us and your account is now in arrears.",
               f"The full outstanding balance on your card account is {sh.amount(owed)}. Please call us or reply to this message by {sh.when(by)} so that we can agree what you can afford.",
               "If we do not hear from you, we may send you a default notice and report the arrears to the credit reference agencies."),
        slip=("Monthly instalment we can accept", sh.amount(instalment)),
        quote=quote_about(sh, owed + rng.randrange(2_000, 9_000), rng.randrange(1_000, 5_000)),
    )  # fmt: skip
    return compose(rng, i, ("email", "sidebar"), letter)


def claim_form(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    claimed = balance(rng, 80_000, 1_000_000)
    fee, costs = rng.choice((5_000, 7_000, 11_500, 20_500)), rng.choice((5_000, 8_000, 10_000))
    total = claimed + fee + costs
    ref = f"TVL{digits(rng, 6)}"
    claim = f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 3)}"
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="Claim form (money claim) issued against you", date=date, sh=sh,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Claim no.", ref=claim,
        glance=[("Claimant", CLAIMANT.name), ("Claimant's loan ref.", ref), ("Sum the claimant asks for", sh.amount(claimed)),
                ("Court fee", sh.amount(fee)), ("Legal representative's costs", sh.amount(costs)), ("Grand total claimed", sh.amount(total)),
                ("Served (deemed) on", sh.when(served)), ("Court must hear by", sh.when(by))],
        paras=(f"A claim has been issued against you in this court by {CLAIMANT.name}, whose reference for the loan is {ref}. The claim number is {claim}; please quote it whenever you write to the court.",
               f"The claimant claims {sh.amount(claimed)} for an unpaid personal loan, with the court fee of {sh.amount(fee)} and legal representative's costs of {sh.amount(costs)}, a total of {in_words(total)}.",
               f"The claim form is deemed served on {sh.when(served)}. You must reply using the response pack so that it reaches the court by {sh.when(by)}, otherwise the claimant may ask for judgment against you."),
    )  # fmt: skip
    return compose(rng, i, ("pages", "sidebar"), letter)


def judgment(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 60_000, 1_500_000)
    ref = f"WMF-{digits(rng, 7)}"
    claim = f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 3)}"
    monthly = rng.choice((2_500, 5_000, 7_500, 10_000))
    by = later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 2 == 0 else {}
    pay = (f"You must pay the total of {sh.amount(owed)} to the claimant by {sh.when(by)}."
           if i % 2 == 0 else f"You must pay the total of {sh.amount(owed)} to the claimant by monthly instalments of {sh.amount(monthly)}, the first to reach the claimant within a month of the date of this order.")  # fmt: skip
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment in default of a response", date=date, sh=sh,
        truth=owes(C.COUNTY_COURT_JUDGMENT, MOTOR.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Claim number", ref=claim,
        glance=[("Claimant", MOTOR.name), ("Their loan ref", ref), ("Total due under judgment", sh.amount(owed))],
        paras=(f"You have not replied to the claim made against you by {MOTOR.name} (their reference {ref}), so judgment has been entered against you in claim {claim}.",
               f"{pay} Payments should be made to the claimant, not to the court.",
               "If you do not pay, the claimant may take steps to enforce the judgment. The judgment will be entered on the Register of Judgments, Orders and Fines unless it is paid in full within one month."),
    )  # fmt: skip
    return compose(rng, i, ("sentences", "pages"), letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    order = balance(rng, 30_000, 260_000)
    owed = order + 7_500
    case, by = f"BEA{digits(rng, 8)}", later(date, 7)
    council_ref = f"CT{digits(rng, 8)}"
    letter = Letter(
        org=ENFORCER, title="Notice of enforcement: liability order passed to us", date=date, sh=sh,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, DISTRICT.name, case, owed, date, deadline_date=by),
        ref_label="Enforcement case no.", ref=case,
        glance=[("Acting for", DISTRICT.name), ("Council Tax acc.", council_ref), ("Sum on the order", sh.amount(order)),
                ("Compliance stage fee", sh.amount(7_500)), ("Total to clear the case", sh.amount(owed)), ("Clear it by", sh.when(by))],
        paras=(f"{DISTRICT.name} has passed us a liability order for unpaid council tax (council account {council_ref}) and instructed us to collect it. Please quote our case reference {case}.",
               f"The sum on the liability order is {sh.amount(order)}. The compliance fee of {sh.amount(7_500)} has been added, so the amount you must pay now is {sh.amount(owed)}.",
               f"You have until {sh.when(by)} to pay in full or agree an arrangement. After that an enforcement agent may visit your home to take control of goods, and further fees will be added."),
    )  # fmt: skip
    return compose(rng, i, ("sentences", "email"), letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 500_000, 2_400_000)
    ref = f"SSS/{digits(rng, 5)}"
    by = later(date, 21)
    letter = Letter(
        org=MERCHANT, title="Statutory demand for a debt payable immediately (Insolvency Act 1986, s.268(1)(a))", date=date, sh=sh,
        truth=owes(C.STATUTORY_DEMAND, MERCHANT.name, ref, owed, date, deadline_date=by),
        ref_label="Trade account ref", ref=ref,
        glance=[("Sum demanded now", sh.amount(owed)), ("Open invoices", "6"), ("Last day to comply", sh.when(by))],
        paras=(f"This demand is made by {MERCHANT.name}, the creditor, about stone and building materials supplied to you on credit and invoiced to your account {ref}.",
               f"The creditor claims that you owe the sum of {in_words(owed)}, which is payable now. You must pay it, or secure or compound for it to the creditor's satisfaction, by {sh.when(by)}, which is 21 days after this demand is served on you.",
               "If you do not, the creditor may present a bankruptcy petition against you. If you wish to have this demand set aside you must apply to the court within 18 days of its service. Get advice straight away."),
    )  # fmt: skip
    return compose(rng, i, ("pages", "sentences"), letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    org, sh, date = COUNCILS[i % 2], shapes(rng), dated(rng)
    ref, by = f"{digits(rng, 9)}", later(date, 7)
    year_total = balance(rng, 110_000, 290_000)
    instalment = year_total // 10
    owed = instalment * rng.choice((1, 2))
    letter = Letter(
        org=org, title="Council Tax: first reminder for missed instalments", date=date, sh=sh,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Council Tax payer ref", ref=ref,
        glance=[("Band", rng.choice("ABCD")), ("Full year's charge", sh.amount(year_total)), ("Missed instalments total", sh.amount(owed)), ("Clear it by", sh.when(by))],
        paras=("Our records show that your Council Tax instalments have not been paid as they fell due.",
               f"The amount overdue is {sh.amount(owed)} out of this year's charge of {sh.amount(year_total)}. Please pay the overdue amount by {sh.when(by)}.",
               "If you pay, your instalments continue as before. If you do not, you will lose the right to pay by instalments and we may apply to the magistrates' court for a liability order, which adds costs."),
        slip=("Your usual instalment", sh.amount(instalment)),
    )  # fmt: skip
    return compose(rng, i, ("sidebar", "sentences"), letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 4_000, 60_000)
    last_credit = rng.randrange(500, 4_000)
    ref, by = f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 2)}", later(date, 14)
    letter = Letter(
        org=ENERGY, title="Your quarterly energy bill is ready", date=date, sh=sh,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Energy account no.", ref=ref,
        glance=[("Units used this quarter", f"{rng.randrange(180, 620)} kWh"), ("Credit from last bill", sh.amount(last_credit)),
                ("Amount to pay this bill", sh.amount(owed)), ("Payment due on", sh.when(by))],
        paras=("Here is your bill for the electricity and gas you used over the last three months, based on the meter readings you sent us.",
               f"After taking off the credit of {sh.amount(last_credit)} from your last bill, the amount to pay is {sh.amount(owed)}. Please pay it by {sh.when(by)}.",
               "If you are finding it hard to pay, we can set up a payment plan, and you may be able to get help from our hardship fund."),
    )  # fmt: skip
    return compose(rng, i, ("email", "sidebar"), letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 15_000, 160_000)
    ref, by = f"NVW{digits(rng, 8)}", later(date, 10)
    weekly = rng.randrange(500, 2_000)
    letter = Letter(
        org=WATER, title="Your water account is overdue", date=date, sh=sh,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Water & sewerage account", ref=ref,
        glance=[("Arrears", sh.amount(owed)), ("Get back to us by", sh.when(by))],
        paras=("We have written to you before about the charges for water and sewerage at your home, which are still unpaid.",
               f"Your account is in arrears by {sh.amount(owed)}. Please pay this or contact us by {sh.when(by)}; we can spread it over weekly payments and check whether you qualify for our social tariff.",
               "If we do not hear from you, we may pass the debt to a collection agency, which could affect your credit rating."),
        slip=("Weekly payment offered", sh.amount(weekly)),
    )  # fmt: skip
    return compose(rng, i, ("pages", "sidebar"), letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 12_000, 180_000)
    ref, by = f"{digits(rng, 2)}/{digits(rng, 6)}/{letters(rng, 1)}", later(date, 14)
    letter = Letter(
        org=MAGISTRATES, title="Further steps notice: unpaid fine", date=date, sh=sh,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Account number", ref=ref,
        glance=[("Left to pay on the fine", sh.amount(owed)), ("Final date to pay", sh.when(by))],
        paras=("You were ordered by the court to pay a fine, compensation and costs, and the payments you agreed have not been kept up.",
               f"The balance now outstanding is {sh.amount(owed)}. Pay it in full by {sh.when(by)} or contact the fines unit.",
               "If you do not, the court may take the money from your wages or benefits, register the fine, or issue a warrant for enforcement agents to take your goods."),
    )  # fmt: skip
    return compose(rng, i, ("sentences", "sidebar"), letter)


def assignment(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 40_000, 900_000)
    ref, old = f"TPR{digits(rng, 7)}", f"WPL-{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="Notice of assignment of your loan", date=date, sh=sh,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="Your Thurne account no.", ref=ref,
        glance=[("Loan first taken with", LENDER.name), ("Old loan account", old), ("Balance passed to us", sh.amount(owed))],
        paras=(f"{LENDER.name} has sold and assigned to us its rights in your loan agreement (their account {old}). We are now the owner of the debt and all payments should be made to us.",
               f"The balance transferred to us is {sh.amount(owed)}. Nothing else about your agreement has changed, and we will not add interest.",
               f"Please use your new account number {ref} from now on. If you were paying {LENDER.name} by standing order, please cancel it and call us to set up a new arrangement."),
    )  # fmt: skip
    return compose(rng, i, ("email", "pages"), letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 20_000, 500_000)
    ref = f"{letters(rng, 2)}{digits(rng, 6)}{letters(rng, 1)}"
    by = later(date, 28)
    monthly = max(1_000, owed // 24)
    letter = Letter(
        org=DWP, title="You have been overpaid Employment and Support Allowance", date=date, sh=sh,
        truth=owes(C.OVERPAYMENT, DWP.name, ref, owed, date, deadline_date=by),
        ref_label="Overpayment debt ref", ref=ref,
        glance=[("Overpayment", sh.amount(owed)), ("Get back to us by", sh.when(by))],
        paras=("A decision maker has decided that you were paid Employment and Support Allowance that you were not entitled to, because a change in your earnings was not reported in time.",
               f"The amount you have been overpaid and must repay is {sh.amount(owed)}. Please pay in full or contact us by {sh.when(by)} to agree affordable payments.",
               "If you think the decision is wrong you can ask for a mandatory reconsideration within one month. If you do not contact us, we may recover the debt from your benefits or earnings."),
        slip=("Suggested monthly repayment", sh.amount(monthly)),
    )  # fmt: skip
    return compose(rng, i, ("sidebar", "sentences"), letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 50_000, 900_000)
    monthly, loan = rng.randrange(45_000, 140_000), rng.randrange(6_000_000, 24_000_000)
    ref = f"{digits(rng, 4)}/{digits(rng, 6)}"
    letter = Letter(
        org=SOCIETY, title="We have not received your full mortgage payments", date=date, sh=sh,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Mortgage roll no.", ref=ref,
        glance=[("Contractual payment each month", sh.amount(monthly)), ("Arrears", sh.amount(owed)), ("Mortgage left to repay", sh.amount(loan))],
        paras=("We are concerned that your mortgage payments have not been made in full over the last few months.",
               f"Your mortgage account is now {sh.amount(owed)} in arrears. Your contractual monthly payment is {sh.amount(monthly)} and the balance of your mortgage is {sh.amount(loan)}.",
               "Please call our arrears team. Repossession is always a last resort and we will not take any action while we are talking to you and you are keeping to an agreed plan."),
        quote=quote_about(sh, owed + rng.randrange(10_000, 40_000), rng.randrange(10_000, 40_000)),
    )  # fmt: skip
    return compose(rng, i, ("email", "pages"), letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 12_000, 350_000)
    ref = f"WVH{digits(rng, 6)}"
    weekly = rng.randrange(8_000, 16_000)
    letter = Letter(
        org=HOMES, title="Rent arrears - please contact us", date=date, sh=sh,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Rent account ref", ref=ref,
        glance=[("Rent per week", sh.amount(weekly)), ("Rent owed to date", sh.amount(owed))],
        paras=("Your rent account shows that your rent has not been paid in full.",
               f"You now owe {sh.amount(owed)} in rent arrears, on top of your weekly rent of {sh.amount(weekly)}. Please contact your income officer to agree a plan to clear them.",
               "If you claim Universal Credit, please check that the housing element is being paid to you or to us. We can refer you for free money advice."),
        slip=("Weekly rent plus arrears payment", sh.amount(weekly + 500)),
        quote=quote_about(sh, owed + rng.randrange(3_000, 9_000), rng.randrange(3_000, 9_000)),
    )  # fmt: skip
    return compose(rng, i, ("sidebar", "email"), letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 3_000, 180_000)
    by = later(date, 10)
    if i % 2 == 0:
        org, ref = CATALOGUE, f"HHD{digits(rng, 8)}"
        title, first = (
            "Your Holkham Home account is behind",
            "Your shopping account has fallen behind with its monthly payments and we have put a hold on new orders.",
        )
    else:
        org, ref = SPLIT, f"SP-{letters(rng, 2)}{digits(rng, 6)}"
        title, first = (
            "Missed Splitly instalments",
            "Two of your Splitly instalments could not be collected from your card, so your plans are now overdue.",
        )
    letter = Letter(
        org=org, title=title, date=date, sh=sh,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Account number", ref=ref,
        glance=[("Overdue on your plans", sh.amount(owed)), ("Clear it by", sh.when(by))],
        paras=(first,
               f"The amount overdue is {sh.amount(owed)}. Please pay it by {sh.when(by)} to avoid late fees and a report to the credit reference agencies.",
               "If you cannot pay, please tell us: we can pause late fees for 30 days while you get advice."),
        quote=quote_about(sh, owed + rng.randrange(1_000, 4_000), rng.randrange(1_000, 4_000)),
    )  # fmt: skip
    return compose(rng, i, ("email", "sentences"), letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 80_000, 1_600_000)
    ref, ours, by = (
        f"BCC{digits(rng, 8)}",
        f"AC/{letters(rng, 2)}/{digits(rng, 5)}",
        later(date, 30),
    )
    letter = Letter(
        org=SOLICITORS, title="Letter of claim: debt owed to our client", date=date, sh=sh,
        truth=owes(C.LETTER_OF_CLAIM, CONSUMER.name, ref, owed, date, deadline_date=by),
        ref_label="Client account number", ref=ref,
        glance=[("Acting for client", CONSUMER.name), ("Our file ref", ours), ("Sum the claimant asks for", sh.amount(owed)), ("Get back to us by", sh.when(by))],
        paras=(f"We act for {CONSUMER.name} about the loan agreement under account number {ref}. Our own reference is {ours}.",
               f"Our client says that you owe {in_words(owed)}. Please complete the enclosed reply form and return it so that it reaches us by {sh.when(by)}.",
               "If you do not reply within 30 days of the date of this letter, our client may issue a claim against you in the County Court without further notice. An information sheet and financial statement are enclosed."),
    )  # fmt: skip
    return compose(rng, i, ("pages", "email"), letter)


# -- payslips, statements, benefits and the rest (their own layouts) ---------------------------


def payslip(rng: random.Random, i: int) -> Doc:
    """This period and year to date, side by side; bare sums under "£" headings."""
    org, date = EMPLOYERS[i % 2], dated(rng)
    when = rng.choice(DATE_SHAPES)
    frequency = ("monthly", "weekly", "four_weekly", "fortnightly")[i % 4]
    periods = {"weekly": 52, "fortnightly": 26, "four_weekly": 13, "monthly": 12}[frequency]
    basic = rng.randrange(30_000, 300_000)
    overtime = rng.randrange(0, basic // 5)
    gross = basic + overtime
    tax, ni, pension = (
        gross * rng.randrange(6, 16) // 100,
        gross * rng.randrange(3, 8) // 100,
        gross * 5 // 100,
    )
    net = gross - tax - ni - pension
    done = rng.randrange(3, periods)
    code = {"monthly": "M", "weekly": "W", "four_weekly": "W4-", "fortnightly": "W2-"}[frequency]
    style = STYLES[i % len(STYLES)]
    page = Sheet(style)
    page.add(
        (
            t(0.07, org.name, True, size=style.point + 3),
            rt(0.93, "PAY ADVICE", True, size=style.point + 2),
        )
    )
    page.add((t(0.07, org.address, size=SMALL),)).rule().gap()
    _, _, lines = person(rng)
    ni_no = (
        f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}"
    )
    for left, right in (
        (("Employee", lines[0]), ("Pay date", when(date))),
        (("Works no.", digits(rng, 5)), ("Tax period", f"{code}{done:02d}")),
        (("NI number", ni_no), ("Pay frequency", FREQUENCY_SHOWN[frequency][0])),
        (
            ("Tax code", "1257L"),
            ("Department", rng.choice(("Production", "Dock Operations", "Transport"))),
        ),
    ):
        page.add(
            (
                t(0.07, left[0], size=SMALL + 1),
                t(0.22, left[1]),
                t(0.55, right[0], size=SMALL + 1),
                t(0.71, right[1]),
            )
        )
    page.gap()
    ytd = done
    pays = [("Basic pay", basic), ("Overtime", overtime)]
    cuts = [("PAYE tax", tax), ("National Insurance", ni), ("Pension (5%)", pension)]
    head = (
        t(0.07, "Description", True, size=SMALL + 0.5),
        rt(0.66, "This period £", True, size=SMALL + 0.5),
        rt(0.9, "Year to date £", True, size=SMALL + 0.5),
    )
    if i % 2 == 0:
        top = len(page.rows)
        page.add(head)
        for name, value in pays:
            page.add((t(0.07, name), rt(0.66, bare(value)), rt(0.9, bare(value * ytd))))
        page.add(
            (
                t(0.07, "Total gross pay", True),
                rt(0.66, bare(gross), True),
                rt(0.9, bare(gross * ytd), True),
            )
        ).gap()
        for name, value in cuts:
            page.add((t(0.07, name), rt(0.66, bare(value)), rt(0.9, bare(value * ytd))))
        page.add(
            (
                t(0.07, "Total deductions", True),
                rt(0.66, bare(tax + ni + pension), True),
                rt(0.9, bare((tax + ni + pension) * ytd), True),
            )
        )
        page.rects.append(Rect(top, len(page.rows) - 1, 0.06, 0.93))
        page.gap()
        page.box([(t(0.5, "NET PAY", True), rt(0.9, money(net), True))], 0.48, 0.93)
    else:
        top = len(page.rows)
        page.add(
            (
                t(0.07, "Payments", True, size=SMALL + 0.5),
                rt(0.3, "Period", True, size=SMALL + 0.5),
                rt(0.45, "To date", True, size=SMALL + 0.5),
                t(0.52, "Deductions", True, size=SMALL + 0.5),
                rt(0.77, "Period", True, size=SMALL + 0.5),
                rt(0.92, "To date", True, size=SMALL + 0.5),
            )
        )
        for n in range(3):
            row: list[PrintCell] = []
            if n < len(pays):
                row += [
                    t(0.07, pays[n][0]),
                    rt(0.3, bare(pays[n][1])),
                    rt(0.45, bare(pays[n][1] * ytd)),
                ]
            row += [
                t(0.52, cuts[n][0], size=SMALL + 1),
                rt(0.77, bare(cuts[n][1])),
                rt(0.92, bare(cuts[n][1] * ytd)),
            ]
            page.add(tuple(row))
        page.rects.append(Rect(top, len(page.rows) - 1, 0.06, 0.935))
        page.gap()
        page.add(
            (
                t(0.07, "Gross pay", size=SMALL + 1),
                rt(0.3, bare(gross), True),
                rt(0.45, bare(gross * ytd)),
                t(0.52, "Net pay", True),
                rt(0.92, bare(net), True),
            )
        )
        page.add(
            (
                t(0.07, "Taxable pay to date", size=SMALL + 1),
                rt(0.45, bare((gross - pension) * ytd)),
            )
        )
    page.gap()
    page.para(
        f"Paid by credit transfer on {when(date)}. Please keep this advice for your records.",
        x=0.07,
    )
    _footer(page, org, 1, 1)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """A current account with a running balance; a two-page one on the odd documents."""
    date, when = dated(rng), rng.choice(DATE_SHAPES)
    style = STYLES[(i + 1) % len(STYLES)]
    start = later(date, -30)
    running = rng.randrange(5_000, 180_000)
    items = [("BGC WAGES", 0, rng.randrange(60_000, 200_000)), ("DD YARE ENERGY", rng.randrange(4_000, 12_000), 0),
             ("CARD TESCO EXPRESS", rng.randrange(800, 6_000), 0), ("SO RENT WITHAM VALE", rng.randrange(40_000, 70_000), 0),
             ("CASH ATM KINGS LYNN", 2_000, 0), ("DD COUNCIL TAX", rng.randrange(9_000, 16_000), 0),
             ("FPI REFUND", 0, rng.randrange(500, 3_000)), ("CARD BOOTS", rng.randrange(300, 2_500), 0)]  # fmt: skip
    sheets: list[Sheet] = []
    org = BANK
    page = Sheet(style)
    _letterhead(page, org, style)
    _, _, lines = person(rng)
    page.add(*((t(0.07, x),) for x in lines)).gap()
    page.add(
        (
            t(0.07, "Statement date", size=SMALL + 1),
            t(0.3, when(date), True),
            t(0.62, "Sort code", size=SMALL + 1),
            t(0.76, f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}"),
        )
    )
    page.add(
        (
            t(0.07, "Period", size=SMALL + 1),
            t(0.3, f"{dashed(start)} to {dashed(date)}"),
            t(0.62, "Account no.", size=SMALL + 1),
            t(0.76, digits(rng, 8)),
        )
    )
    page.gap()
    head = (t(0.07, "Date", True, size=SMALL + 0.5), t(0.2, "Description", True, size=SMALL + 0.5), rt(0.62, "Paid out £", True, size=SMALL + 0.5),
            rt(0.76, "Paid in £", True, size=SMALL + 0.5), rt(0.92, "Balance £", True, size=SMALL + 0.5))  # fmt: skip
    page.add(head).rule()
    page.add(
        (t(0.07, f"{start:%d %b}"), t(0.2, "BALANCE BROUGHT FORWARD"), rt(0.92, bare(running)))
    )
    split = 4 if i % 2 else len(items)
    for n, (what, out, into) in enumerate(items):
        if n == split:
            page.gap()
            page.add((rt(0.93, "continued overleaf", size=SMALL),))
            _footer(page, org, 1, 2)
            sheets.append(page)
            page = Sheet(style)
            _letterhead(page, org, style)
            page.add(
                (
                    t(0.07, "Statement (continued)", True),
                    rt(0.93, f"Account ending {digits(rng, 4)}", size=SMALL),
                )
            ).gap()
            page.add(head).rule()
        running += into - out
        day = later(start, 3 + n * 3)
        page.add(
            (
                t(0.07, f"{day:%d %b}"),
                t(0.2, what),
                rt(0.62, bare(out) if out else ""),
                rt(0.76, bare(into) if into else ""),
                rt(0.92, bare(running) + ("" if running >= 0 else " OD")),
            )
        )
    page.rule()
    page.add((t(0.2, "BALANCE CARRIED FORWARD", True), rt(0.92, bare(running), True))).gap()
    page.para(
        "Anglian Counties Bank is covered by the Financial Services Compensation Scheme. Please tell us about any transaction you do not recognise.",
        x=0.07,
        size=SMALL + 1,
    )
    _footer(page, org, len(sheets) + 1, len(sheets) + 1)
    sheets.append(page)
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=sheets, style=style
    )


def benefit(rng: random.Random, i: int) -> Doc:
    """A Universal Credit statement for an assessment period (monthly, even), or a Pension
    Credit award in sentences (weekly or four-weekly, odd)."""
    date, sh = dated(rng), shapes(rng)
    style = STYLES[(i + 2) % len(STYLES)]
    if i % 2 == 0:
        standard, housing = rng.choice((31_189, 39_392, 49_116)), rng.randrange(30_000, 75_000)
        child = rng.choice((0, 29_281, 33_950))
        earnings = rng.randrange(0, 60_000)
        cut = rng.randrange(0, 4_000)
        paid = standard + housing + child - earnings * 55 // 100 - cut
        start = later(date, -37)
        page = Sheet(style)
        page.add(
            (
                t(0.07, "Universal Credit", True, size=style.point + 5),
                rt(0.93, UC.name, size=SMALL + 1),
            )
        )
        page.add(
            (
                t(0.07, "Your statement", size=style.point + 1),
                rt(0.93, f"Statement date: {sh.when(date)}", size=SMALL + 1),
            )
        ).rule().gap()
        page.para(
            f"Assessment period {ordinal_long(start)} to {ordinal_long(later(start, 30))}. We will pay you {sh.amount(paid)} on {sh.when(later(date, 2))}. Universal Credit is paid monthly into your bank account.",
            x=0.07,
            right=0.93,
        ).gap()
        page.add((t(0.07, "Your Universal Credit", True),)).rule(0.07, 0.93)
        for name, value in (
            ("Standard allowance", standard),
            ("Housing element", housing),
            ("Child element", child),
        ):
            if value:
                page.add((t(0.09, name), rt(0.9, sh.amount(value))))
        page.add(
            (
                t(0.09, "Total entitlement", True),
                rt(0.9, sh.amount(standard + housing + child), True),
            )
        ).gap()
        page.add((t(0.07, "What we take off", True),)).rule(0.07, 0.93)
        page.add(
            (
                t(0.09, f"Earnings: {sh.amount(earnings)} take-home pay, 55% taper"),
                rt(0.9, "-" + sh.amount(earnings * 55 // 100)),
            )
        )
        page.add((t(0.09, "Advance repayment"), rt(0.9, "-" + sh.amount(cut)))).gap()
        page.box(
            [
                (
                    t(0.09, "Total payment for this assessment period", True),
                    rt(0.9, sh.amount(paid), True),
                )
            ],
            0.07,
            0.93,
            fill=230,
        ).gap()
        page.para(
            "Report any change in your circumstances straight away through your online account, or you could be overpaid.",
            x=0.07,
            right=0.93,
        )
        _footer(page, UC, 1, 1)
        truth = Truth(
            document_class=C.BENEFIT_AWARD,
            payer_name=UC.name,
            income_pence=paid,
            letter_date=date,
            frequency="monthly",
        )
        return Doc(truth=truth, sheets=[page], style=style)
    frequency = ("four_weekly", "weekly")[(i // 2) % 2]
    weekly = rng.randrange(3_000, 9_000)
    paid = weekly * (4 if frequency == "four_weekly" else 1)
    every = FREQUENCY_SHOWN[frequency][1]
    letter = Letter(
        org=PENSION, title="Pension Credit: we have worked out your award", date=date, sh=sh,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=PENSION.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label="National Insurance number", ref=f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}",
        glance=[],
        paras=(f"Thank you for your claim for Pension Credit. {PENSION.name} has worked out that you are entitled to Pension Credit of {sh.amount(weekly)} a week from {sh.when(later(date, 12))}.",
               f"We will pay you {sh.amount(paid)} {every}, in arrears, into the account you gave us.",
               "You must tell us straight away about any change in your income, savings or who lives with you."),
    )  # fmt: skip
    return compose(rng, i, ("sentences", "sentences"), letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: a surgery's appointment e-mail, or a choir's concert letter."""
    sh, date = shapes(rng), dated(rng)
    when = later(date, 9 + rng.randrange(20))
    if i % 2 == 0:
        letter = Letter(
            org=SURGERY, title="Appointment reminder", date=date, sh=sh, truth=Truth(document_class=C.OTHER),
            ref_label="NHS number", ref=f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 4)}", glance=[],
            paras=(f"This is a reminder of your appointment with the practice nurse on {sh.when(when)} at {rng.randrange(9, 17)}:{rng.choice(('00', '20', '40'))}.",
                   "Please arrive five minutes early. If you cannot attend, please let us know so that we can offer the appointment to someone else."),
        )  # fmt: skip
        return compose(rng, i, ("email", "email"), letter)
    letter = Letter(
        org=CHOIR, title="Our winter concert", date=date, sh=sh, truth=Truth(document_class=C.OTHER),
        ref_label="Member no.", ref=digits(rng, 4), glance=[],
        paras=(f"Our winter concert will be held in St Nicholas' Church on {sh.when(when)} at 7.30pm, with carols for everyone to join in.",
               "Tickets are free for members; please bring a friend and a plate of mince pies if you can."),
    )  # fmt: skip
    return compose(rng, i, ("sentences", "sentences"), letter)


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
class TSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_t(per_class: int = 4, *, seed: int = 9417) -> list[TSample]:
    """``per_class`` documents of every class, held out, family ``<class>:T``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, TSample)


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, t_text, t_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class TScan:
    dpi: int
    skew: float
    """Degrees; 1-3 either way."""
    photocopy: bool = False
    """Mottled grey paper (drawn from the page's seed), grey-black ink and a dark edge
    where the copier's lid was open."""
    noise: float = 0.0
    blur: float = 0.0


SCANS = (
    TScan(dpi=200, skew=1.6, photocopy=True),
    TScan(dpi=300, skew=-2.4, noise=0.0006),
    TScan(dpi=240, skew=2.9, photocopy=True, blur=0.5),
)


def render(sample: TSample, n: int, scan: TScan, seed: int = 0) -> Image.Image:
    width, height = page_size(sample, scan.dpi)
    if scan.photocopy:
        small = (width // 8 + 1, height // 8 + 1)
        grain = random.Random(seed).randbytes(small[0] * small[1])  # noqa: S311 - paper grain
        mottle = Image.frombytes("L", small, grain).resize(
            (width, height), Image.Resampling.BILINEAR
        )
        image = mottle.point(lambda v: 196 + (v - 128) // 11)
        ink = 38
    else:
        image = Image.new("L", (width, height), 252)
        ink = 18
    pen = ImageDraw.Draw(image)
    if scan.photocopy:
        pen.rectangle((0, 0, max(2, scan.dpi // 12), height), fill=70)
    tops, heights = PRINT.rows(sample, n, scan.dpi)
    body = round(sample.style.point / 72 * scan.dpi)
    line = max(1, scan.dpi // 120)
    for rect in sample.rects[n] if sample.rects else ():
        y0 = tops[rect.first] - round(0.2 * body)
        y1 = tops[rect.last] + heights[rect.last] - round(0.2 * body)
        box = (round(rect.x0 * width), y0, round(rect.x1 * width), y1)
        if rect.fill is not None and not scan.photocopy:
            pen.rectangle(box, fill=rect.fill)
        if rect.outline:
            pen.rectangle(box, outline=ink, width=line)
    for rule in sample.rules[n] if sample.rules else ():
        y = tops[rule.row] - round(0.1 * body) if rule.row < len(tops) else tops[-1] + heights[-1]
        x0, x1 = round(rule.x0 * width), round(rule.x1 * width)
        if rule.dashed:
            step = scan.dpi // 15
            for x in range(x0, x1, 2 * step):
                pen.line((x, y, min(x + step, x1), y), fill=ink, width=line)
        else:
            pen.line((x0, y, x1, y), fill=ink, width=line)
    for p in PRINT.layout(sample, n, scan.dpi):
        pen.text((p.left, p.top), p.cell.text, fill=ink, font=p.font)
    if scan.noise:
        speckle(image, scan.noise, seed)
    if scan.blur:
        image = image.filter(ImageFilter.GaussianBlur(scan.blur))
    return image.rotate(
        scan.skew,
        resample=Image.Resampling.BICUBIC,
        expand=True,
        fillcolor=40 if scan.photocopy else 255,
    )


def t_scanned(sample: TSample, index: int) -> tuple[bytes, str, TScan]:
    """Printed and scanned one of three ways: multi-page ones as one PDF; single pages as
    PNG (every other one without its resolution) or, one in three, as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 17 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or index % 3 == 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "TSample",
    "build_t",
    "in_words",
    "page_size",
    "printed_forms",
    "render",
    "t_pages",
    "t_scanned",
    "t_text",
    "values_in_text",
]
