# ruff: noqa: E501, S311  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``O``, written blind: a fourth measure of how the reader
generalises, in a fourth hand (after ``L``, ``M`` and ``N``).

``O`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Cell``/``Page``, ``Sample``, ``score``, ``sample_text``), families A-K, L, M and
N (only to avoid repeating their layouts, organisations and wording, and to follow their
ground-truth conventions), N's tests and the reporting code of
``benchmarks/intake_accuracy.py`` -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``layout.py``, ``classifier.py``, ``statements.py``, ``label_learning.py``,
the Tesseract extractor), its reading tests, nor any list or description of the reader's
misses. It is never used to write rules, to train or calibrate the classifier
(``build_corpus`` never yields it), nor to choose models: it is measured, and only the
aggregate figures go into benchmarks/OCR.md. Its individual misses are not written down
anywhere; whoever reads them to change the reader makes ``O`` no longer blind and must say
so there. The page machinery (cells, rows, boxes, rules, footers laid out in a face's own
metrics) is N's, with O's own faces, boxes and scan effects.

**O is no longer blind.** Round 8 of the reader (issue 14) read O's misses
(``benchmarks/intake_accuracy.py --family o --misses``, and ``--ocr-o 19 --misses``) to fix
them by kind, as round 7 did for ``N``: from then on ``O`` is a training-side figure like
H, K, L, M and N and says nothing of how the reader generalises; it is a read family
(``read_families``), so the next ``cma assistant train`` trains on it (the shipped artefact
``2026-12-03.6`` predates it; benchmarks/OCR.md, "Round 8"). What is said above of how
``O`` was written still holds; "never used to write rules, to train" held until round 8.

What differs from A-D, H, K, L, M and N:

* who writes: a credit-card issuer's arrears letter with a header band of account details,
  a debt purchaser's two-page "settlement options" letter, a county court claim with the
  court's box in the right-hand margin and a claim production centre's monospaced print,
  a judgment on admission and a monospaced "notice of judgment", a council-tax enforcement
  agent's "notice after visit" and a fines warrant agent's notice, an individual's
  statutory demand, a council-tax reminder (pence in their own column) and a "liability
  order granted" letter, a water bill (scanned turned through 90 degrees) and a dual-fuel
  statement with "(1,234.56)" credits, an energy supplier's prepayment-warrant warning and
  a water company's "passed to collections" letter, a magistrates' "notice of fine", a
  joint "goodbye and hello" assignment letter with two letterheads and a purchaser's
  monospaced "welcome" notice, a council's Housing Benefit overpayment invoice and a
  Department for Communities overpayment letter, a building society's arrears letter with
  a right-hand margin box and a second-charge lender's monospaced arrears statement, a
  council landlord's stage-2 letter and a housing co-operative's rent account (pence in
  their own column), a pay-later reminder printed from an e-mail and a home-shopping
  arrears letter, a letter of claim with "Our ref / Your ref" pairs and a reply form, a
  bureau payslip in a monospaced face and an umbrella company's payslip with a header band,
  a credit union statement with "CR" balances and an online-banking statement print, a
  War Pension award from Veterans UK and a Department for Communities award, a money-advice
  charity's appointment letter and a card issuer's balance-transfer offer (nothing owed);
* layouts: header bands across the top (a ruled table, labels small above the values), a
  ruled box in the right-hand margin beside the body, logo-like letterheads of large type,
  two letterheads side by side, e-mail headers ("From:", "Sent:", "Subject:"), dotted
  leaders in monospaced print ("Amount claimed ........ 1234.56"), the balance only in a
  payment-plan table on page 2, references printed in groups ("AB12 3456 7890") or
  broken over two lines, "Our ref / Your ref" pairs, labels worded "Sum outstanding",
  "Amount in arrears", "Balance to clear", footers with company registration and VAT
  numbers (distractors);
* faces: Liberation Serif, Liberation Mono, DejaVu Serif and DejaVu Sans (no face N used);
  9-11 pt body, 20-26 pt letterhead blocks, 7 pt small print;
* dates as "3rd Mar 2026", "03/03/2026", "Mar 3, 2026", "3.3.2026", "03 MAR 2026" and
  "3rd March 2026"; amounts as "£1,234.56", "£1234.56", "1234.56" under a "£" heading,
  pounds and pence in their own columns ("1,234 | 56"), "1234.56CR" and "(1,234.56)";
* scans at 150, 200, 225 and 300 dpi: JPEG artefacts (a JPEG round trip saved as PNG),
  faint print, a fold shadow across the page, a page turned through 90 degrees (one
  template), slight skew; PNG with and without its resolution, and multi-page PDF.

Ground truth follows L's, M's and N's conventions: ``creditor_name`` is whoever is owed now
(an agency's or a solicitor's client, the claimant, the assignee of a sold debt, the
council or the court behind an enforcement agent), ``original_creditor`` the creditor a
sold debt began with where the document names it, ``account_reference`` the account with
the creditor named (an agency's own reference is a distractor), except on an enforcement
notice, where the agent's case reference is what must be quoted; ``balance_pence`` what is
owed now (arrears on a mortgage or rent letter, the total on a claim, judgment, demand or
summons); ``letter_date`` the document's own date (a payslip's pay date, a statement's
date); ``deadline_date`` and ``served_date`` only where such a date is printed. Payslips
give the employer, net and gross pay, pay date and frequency; benefit letters the payer,
the amount paid each time, the date and the frequency; a bank statement its date.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import random
from collections.abc import Callable, Sequence

from attrs import frozen
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from cma_adapters.rules_assistant.corpus import (
    FIELDS,
    C,
    Row,
    Sample,
    Scan,
    Truth,
    encode_pages,
    money,
    ordinal_date,
)
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

FAMILY = "O"

# -- values: O's own pools (no name shared with A-D, H, K, L, M or N) ------------------------

LENDERS = (
    "Allendale Mutual Finance Ltd",
    "Bramcote Consumer Credit plc",
    "Lyndhurst Card Services Ltd",
)
PURCHASERS = ("Stonebridge Portfolio Investments Ltd", "Kilbride Asset Recovery plc")
AGENCIES = ("Tyneside Account Solutions Ltd", "Fosseway Debt Collection Ltd")
SOLICITORS = ("Pryce Okafor Solicitors", "Menzies Rudd LLP")
AGENTS = ("Ribble Valley Enforcement Ltd", "Mercia Warrant Services Ltd")
COUNCILS = ("Babergh District Council", "Fenland District Council", "Broxtowe Borough Council")
ENERGY = ("Kestle Energy Supply Ltd", "Harlech Gas & Power Ltd")
WATER = ("Wensum Water plc", "Teme Valley Water Ltd")
MORTGAGES = ("Haworth Building Society",)
SECOND_CHARGE = ("Haltwhistle Secured Loans Ltd",)
COOPS = ("Ashburton Housing Co-operative Ltd",)
BNPL = ("Kindly Pay Later Ltd", "Parcelo Pay Ltd")
CATALOGUES = ("Hebden Home Shopping Ltd",)
FINE_COURTS = ("Norwich Magistrates' Court", "Cardiff Magistrates' Court")
EMPLOYERS = (
    "Wolds Veterinary Group Ltd",
    "Saltmarsh Cleaning Services Ltd",
    "Orford Print Works Ltd",
)
UMBRELLAS = ("Quayside Umbrella Services Ltd",)
BANKS = ("Beacon Hill Credit Union", "Saltaire Savings Bank plc")
CHARITY = "Weavers Money Advice Trust"
PEOPLE = (
    ("Mr", "Piotr", "Kaminski"),
    ("Ms", "Grace", "Adeyemi"),
    ("Mrs", "Helen", "MacLeod"),
    ("Mr", "Imran", "Siddiqui"),
    ("Miss", "Chloe", "Harrington"),
)
ADDRESSES = (
    ("14 Maltings Way", "Thetford", "IP24 1AB"),
    ("Flat 9, Ropewalk House", "Whitby", "YO21 3PU"),
    ("3 Orchard Close", "Wisbech", "PE13 2RT"),
    ("52 Beeston Road", "Nottingham", "NG9 1FT"),
    ("7 Pen-y-Bryn", "Bala", "LL23 7SD"),
)
COURTS = ("Norwich", "Cambridge", "Nottingham", "Peterborough")


# -- date and money shapes -------------------------------------------------------------------


def ord_abbr(date: dt.date) -> str:
    """3rd Mar 2026"""
    return ordinal_date(date, "%b")


def ord_long(date: dt.date) -> str:
    """3rd March 2026"""
    return ordinal_date(date)


def slash(date: dt.date) -> str:
    """03/03/2026"""
    return f"{date:%d/%m/%Y}"


def us(date: dt.date) -> str:
    """Mar 3, 2026"""
    return f"{date:%b} {date.day}, {date.year}"


def dotted(date: dt.date) -> str:
    """3.3.2026"""
    return f"{date.day}.{date.month}.{date.year}"


def upper(date: dt.date) -> str:
    """03 MAR 2026"""
    return f"{date:%d} {date:%b}".upper() + f" {date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (ord_abbr, ord_long, slash, us, dotted, upper)


def bare(pence: int) -> str:
    """1234.56 (under a "£" heading, or in a monospaced print)."""
    return f"{pence // 100}.{pence % 100:02d}"


def pounds(pence: int) -> str:
    """£1234.56"""
    return "£" + bare(pence)


def pounds_pence(pence: int) -> tuple[str, str]:
    """("1,234", "56"): pounds and pence in their own columns."""
    return f"{pence // 100:,}", f"{pence % 100:02d}"


def cr(pence: int) -> str:
    """1234.56CR (in credit, on a statement)"""
    return bare(pence) + "CR"


def paren(pence: int) -> str:
    """(1,234.56): a credit or a payment"""
    return f"({money(pence)[1:]})"


MONEY_SHAPES: tuple[Callable[[int], str], ...] = (money, pounds, bare)

FREQUENCY_SHOWN = {
    "weekly": ("weekly", "each week", "WEEKLY"),
    "fortnightly": ("fortnightly", "every 2 weeks", "FORTNIGHTLY"),
    "four_weekly": ("four weekly", "every four weeks", "4 WEEKLY"),
    "monthly": ("monthly", "calendar monthly", "MONTHLY"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways O prints a true value (to check it is on the page, or in an OCR text)."""
    if isinstance(value, dt.date):
        return tuple(shape(value) for shape in DATE_SHAPES)
    if isinstance(value, int):
        whole, pence = pounds_pence(value)
        return (*(shape(value) for shape in MONEY_SHAPES), f"{whole} {pence}")
    if field == "frequency":
        return FREQUENCY_SHOWN[str(value)]
    text = str(value)
    return (text, text.replace(" ", ""))


def values_in_text(truth: Truth, text: str) -> tuple[int, int]:
    """How many of the true values (every field but the class) appear in ``text``, of how
    many: case and line breaks ignored."""
    flat = " ".join(text.split()).casefold()
    found = total = 0
    for field in FIELDS:
        value = getattr(truth, field)
        if value is not None:
            total += 1
            found += any(form.casefold() in flat for form in printed_forms(field, value))
    return found, total


# -- cells, sheets and documents (the printed page is corpus_print's; O's faces and boxes) -----

SMALL = 7.0


@frozen
class Rule:
    """A horizontal line above row ``row`` from ``x0`` to ``x1``."""

    row: int
    x0: float
    x1: float


@frozen
class Style:
    face: str = "serif"
    point: float = 10.0
    landscape: bool = False


FACES = {
    "serif": "/usr/share/fonts/truetype/liberation/LiberationSerif-{}.ttf",
    "mono": "/usr/share/fonts/truetype/liberation/LiberationMono-{}.ttf",
    "dvserif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif{}.ttf",
    "dvsans": "/usr/share/fonts/truetype/dejavu/DejaVuSans{}.ttf",
}
"""Liberation Serif, Liberation Mono, DejaVu Serif and DejaVu Sans (none of them N's)."""
_LIBERATION = {
    (False, False): "Regular",
    (True, False): "Bold",
    (False, True): "Italic",
    (True, True): "BoldItalic",
}
_STYLES = {
    "serif": _LIBERATION,
    "mono": _LIBERATION,
    "dvserif": {
        (False, False): "",
        (True, False): "-Bold",
        (False, True): "-Italic",
        (True, True): "-BoldItalic",
    },
    "dvsans": {
        (False, False): "",
        (True, False): "-Bold",
        (False, True): "-Oblique",
        (True, True): "-BoldOblique",
    },
}


FONTS = Faces(FACES, _STYLES)
_font = FONTS.font
_measure = FONTS.measure
_length = FONTS.length


class Sheet(PrintSheet):
    """One page being written: rows, boxes, rules, and where the footer block starts."""

    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []

    def rule(self, x0: float = 0.05, x1: float = 0.95) -> Sheet:
        self.rules.append(Rule(len(self.rows), x0, x1))
        return self

    def band(
        self, pairs: Sequence[tuple[str, str]], xs: Sequence[float], *, right: float = 0.95
    ) -> Sheet:
        """A header band: one ruled table across the page, the labels small above the
        values, a rule between the columns."""
        first = len(self.rows)
        self.rows.append(
            tuple(t(x + 0.008, label, size=SMALL) for x, (label, _) in zip(xs, pairs, strict=True))
        )
        self.rows.append(
            tuple(t(x + 0.008, value, True) for x, (_, value) in zip(xs, pairs, strict=True))
        )
        for a, b in itertools.pairwise([*xs, right]):
            self.rects.append(Rect(first, first + 1, a, b))
        return self

    def margin(
        self,
        body: Sequence[Row],
        pairs: Sequence[tuple[str, str]],
        *,
        x0: float = 0.68,
        x1: float = 0.95,
        title: str = "",
    ) -> Sheet:
        """A ruled box in the right-hand margin beside the body: a small label over each
        value, row by row beside the body's rows."""
        box: list[Row] = [(t(x0 + 0.012, title, True, size=SMALL),)] if title else []
        for label, value in pairs:
            box += [(t(x0 + 0.012, label, size=SMALL),), (t(x0 + 0.012, value, True),)]
        first = len(self.rows)
        for n in range(max(len(body), len(box))):
            a = body[n] if n < len(body) else ()
            b = box[n] if n < len(box) else ()
            self.rows.append((*a, *b))
        self.rects.append(Rect(first, first + len(box) - 1, x0, x1))
        return self

    def leaders(
        self, label: str, value: str, *, x: float = 0.08, width: int = 44, bold: bool = False
    ) -> Sheet:
        """Monospaced "label ........ value" (dotted leaders to a fixed column)."""
        self.rows.append(
            (t(x, f"{label} ".ljust(width - len(value) - 1, ".") + f" {value}", bold),)
        )
        return self

    def logo(self, name: str, tagline: str, *, x: float = 0.06, size: float = 24.0) -> Sheet:
        """A letterhead of large type (a logo-like block) and a small tagline under it."""
        self.rows.append((t(x, name, True, size=size),))
        self.rows.append((t(x, tagline, size=SMALL, italic=True),))
        return self

    def footer(self, *rows: Row) -> Sheet:
        self.foot = len(self.rows)
        self.rows.extend(rows)
        return self


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style
    turned: bool = False
    """Scanned turned through 90 degrees (the page fed in sideways)."""


Template = Callable[[random.Random, int], Doc]
"""``(rng, i)``: the i-th document of its class (variants alternate on ``i``)."""


@frozen(kw_only=True)
class Draw:
    creditor: str
    writer: str
    original: str
    title: str
    first: str
    surname: str
    address: tuple[str, str, str]
    ref: str
    writer_ref: str
    claim: str
    balance: int
    letter_date: dt.date
    deadline: dt.date
    earlier: dt.date

    @property
    def person(self) -> str:
        return f"{self.title} {self.first} {self.surname}"

    @property
    def dear(self) -> str:
        return f"Dear {self.title} {self.surname}"


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))


REFERENCES: dict[str, Callable[[random.Random], str]] = {
    "grouped": lambda r: f"{letters(r, 2)}{digits(r, 2)} {digits(r, 4)} {digits(r, 4)}",
    "purchaser": lambda r: f"{letters(r, 1)}{digits(r, 8)}/{digits(r, 1)}",
    "council": lambda r: f"{digits(r, 4)} {digits(r, 4)} {digits(r, 2)}",
    "water": lambda r: f"{digits(r, 3)} {digits(r, 3)} {digits(r, 3)}",
    "energy": lambda r: f"{letters(r, 1)}{digits(r, 3)}-{digits(r, 4)}-{digits(r, 3)}",
    "mortgage": lambda r: digits(r, 10),
    "second": lambda r: f"SC{digits(r, 7)}",
    "rent": lambda r: f"{digits(r, 6)}/{digits(r, 2)}",
    "coop": lambda r: f"T{digits(r, 4)}-{letters(r, 1)}",
    "ea": lambda r: f"{letters(r, 3)}-{digits(r, 6)}",
    "fine": lambda r: f"{letters(r, 1)}{digits(r, 2)}/{digits(r, 6)}",
    "hb": lambda r: f"HB{digits(r, 7)}",
    "dfc": lambda r: f"{digits(r, 3)}-{digits(r, 6)}-{letters(r, 1)}",
    "order": lambda r: f"{letters(r, 2)}{digits(r, 9)}",
    "catalogue": lambda r: f"{digits(r, 3)} {digits(r, 3)} {letters(r, 2)}",
}
"""O's reference shapes: groups of digits with spaces, slashes, a prefix of letters."""


def claim_number(rng: random.Random) -> str:
    """A money-claims shape "2QT41870" or a hearing-centre shape "F12YX345"."""
    if rng.random() < 0.5:
        return f"{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 5)}"
    return f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 3)}"


def draw(
    rng: random.Random,
    creditors: Sequence[str],
    *,
    writers: Sequence[str] = AGENCIES,
    originals: Sequence[str] = LENDERS,
    ref: str = "grouped",
    low: int = 9_000,
    high: int = 640_000,
    days: Sequence[int] = (7, 14, 21, 28),
) -> Draw:
    letter = dt.date(2025, 2, 10) + dt.timedelta(days=rng.randrange(660))
    title, first, surname = rng.choice(PEOPLE)
    writer = rng.choice(writers)
    creditor = rng.choice(creditors)
    original = rng.choice([o for o in originals if o != creditor])
    return Draw(
        creditor=creditor,
        writer=writer,
        original=original,
        title=title,
        first=first,
        surname=surname,
        address=rng.choice(ADDRESSES),
        ref=REFERENCES[ref](rng),
        writer_ref=f"{''.join(w[0] for w in writer.split()[:2]).upper()}/{digits(rng, 5)}/{letters(rng, 2)}",
        claim=claim_number(rng),
        balance=rng.randrange(low, high),
        letter_date=letter,
        deadline=letter + dt.timedelta(days=rng.choice(days)),
        earlier=letter - dt.timedelta(days=rng.randrange(40, 400)),
    )


def debt(cls: DocumentClass, d: Draw, **extra: object) -> Truth:
    values: dict[str, object] = {
        "creditor_name": d.creditor,
        "account_reference": d.ref,
        "balance_pence": d.balance,
        "letter_date": d.letter_date,
    }
    values.update(extra)
    return Truth(document_class=cls, **values)  # type: ignore[arg-type]


def addressee(d: Draw, x: float = 0.08) -> list[Row]:
    return [(t(x, line),) for line in (d.person, *d.address)]


def registered(rng: random.Random, name: str, vat: bool = True) -> Row:
    """A footer of distractors: the company number, the VAT number."""
    text = f"{name}. Registered in England and Wales, company no. {digits(rng, 8)}."
    if vat:
        text += f" VAT registration no. GB {digits(rng, 3)} {digits(rng, 4)} {digits(rng, 2)}."
    return (t(0.06, text, size=SMALL),)


def shape_of(rng: random.Random, *shapes: Callable[[dt.date], str]) -> Callable[[dt.date], str]:
    return rng.choice(list(shapes))


def sort_code(rng: random.Random) -> str:
    return f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}"


def logo_word(name: str) -> str:
    """The first word of a name in capitals, spaced out: a letterhead's logo block."""
    return " ".join(name.split()[0].upper())


# -- creditors and agencies -------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    return _card_arrears(rng) if i % 2 == 0 else _settlement_options(rng)


def _card_arrears(rng: random.Random) -> Doc:
    """A card issuer's arrears letter: a logo block, a header band of account details
    (labels small above the values) across the top, the deadline in the body, a footer of
    company and VAT numbers."""
    style = Style(face="serif", point=10.5)
    d = draw(rng, LENDERS, ref="grouped", days=(10, 14))
    shape = shape_of(rng, ord_abbr, slash, us)
    arrears = max(d.balance // rng.choice((6, 9, 12)), 2_500)
    page = Sheet(style)
    page.logo(logo_word(d.creditor), f"{d.creditor}  -  Customer Support Team", size=24.0)
    page.add((t(0.6, "PO Box 3390, Newcastle upon Tyne NE99 1DW", size=SMALL),)).gap()
    page.band(
        [
            ("Card account", d.ref),
            ("Customer no.", digits(rng, 8)),
            ("Date", shape(d.letter_date)),
            ("Sum outstanding", money(d.balance)),
        ],
        (0.05, 0.29, 0.49, 0.7),
    )
    page.gap().add(*addressee(d, 0.08)).gap()
    page.add((t(0.08, d.dear + ","),)).gap()
    page.add((t(0.08, "We have not received your last three payments", True, size=12.0),)).gap()
    page.para(
        f"Your card account is {money(arrears)} behind with its minimum payments. We want to help you get back on track, and the sooner we hear from you the more we can do."
    )
    page.gap().para(
        f"Please pay the amount behind, or call us to agree a plan you can afford, by {shape(d.deadline)}. If we do not hear from you we may send you a default notice and report the missed payments to the credit reference agencies."
    )
    page.gap().para(
        "You can call us on 0191 496 0873 (8am to 8pm weekdays). Free, confidential debt advice is available from National Debtline on 0808 808 4000."
    )
    page.gap().add(
        (t(0.08, "Yours sincerely,"),), (), (t(0.08, "Collections Manager", italic=True),)
    )
    page.footer(registered(rng, d.creditor))
    return Doc(
        truth=debt(C.CREDITOR_LETTER, d, deadline_date=d.deadline), sheets=[page], style=style
    )


def _settlement_options(rng: random.Random) -> Doc:
    """A collection agency's two-page "settlement options" letter for a debt purchaser: the
    references as "Our ref / Your ref" pairs, the balance only in the payment-plan table on
    page 2."""
    style = Style(face="dvserif", point=9.5)
    d = draw(rng, PURCHASERS, ref="purchaser", days=(14, 21))
    shape = shape_of(rng, dotted, ord_long, upper)
    one = Sheet(style)
    one.logo(d.writer.split()[0].upper(), d.writer, size=20.0)
    one.add(
        (
            t(
                0.06,
                "Unit 4, Quayside Court, Newcastle upon Tyne NE1 3JE   Tel 0191 640 2218",
                size=SMALL,
            ),
        )
    ).rule().gap()
    one.add(*addressee(d, 0.06)).gap()
    one.add((t(0.6, "Our ref / Your ref", size=SMALL),))
    one.add((t(0.6, f"{d.writer_ref} / {d.ref}", True),))
    one.add((t(0.6, f"Date: {shape(d.letter_date)}"),)).gap()
    one.add((t(0.06, "A chance to settle your account", True, size=12.0),)).gap()
    one.para(
        f"{d.dear}. We are writing on behalf of our client {d.creditor}, which bought your account from {d.original}. Our client has asked us to offer you some ways to clear it, including a discount for a lump sum.",
        x=0.06,
        right=0.94,
    )
    one.gap().para(
        f"Please look at the options on the next page and tell us which suits you by {shape(d.deadline)}. If none does, call us and we will look at what you can afford. Please quote our reference.",
        x=0.06,
        right=0.94,
    )
    one.gap().para(
        "If you are struggling, free help is available from the Money Advice Service's successor MoneyHelper, or from a local advice centre.",
        x=0.06,
        right=0.94,
    )
    one.footer(
        registered(rng, d.writer, vat=False),
        (t(0.06, "Continued overleaf", size=SMALL, italic=True),),
    )
    two = Sheet(style)
    two.add((t(0.06, "Your payment options", True, size=12.0),)).gap()
    two.add(
        (
            t(0.06, "Option", True),
            t(0.34, "What you pay", True),
            t(0.58, "How", True),
            t(0.78, "Discount", True),
        )
    )
    two.rule(0.06, 0.94)
    lump = d.balance * 7 // 10
    two.add(
        (
            t(0.06, "Balance to clear"),
            t(0.34, money(d.balance)),
            t(0.58, "in full"),
            t(0.78, "none"),
        )
    )
    two.add((t(0.06, "Lump sum"), t(0.34, money(lump)), t(0.58, "one payment"), t(0.78, "30%")))
    two.add(
        (
            t(0.06, "Plan over 12 months"),
            t(0.34, money(d.balance // 12)),
            t(0.58, "monthly"),
            t(0.78, "none"),
        )
    )
    two.add(
        (
            t(0.06, "Plan over 36 months"),
            t(0.34, money(d.balance // 36)),
            t(0.58, "monthly"),
            t(0.78, "none"),
        )
    )
    two.rule(0.06, 0.94).gap()
    two.para(
        f"Pay by bank transfer to sort code {sort_code(rng)}, account {digits(rng, 8)}, quoting {d.writer_ref}. A discount is only given once the lump sum has reached us.",
        x=0.06,
        right=0.94,
    )
    truth = debt(C.CREDITOR_LETTER, d, original_creditor=d.original, deadline_date=d.deadline)
    return Doc(truth=truth, sheets=[one, two], style=style)


# -- courts -----------------------------------------------------------------------------------


def court_fee(pence: int) -> int:
    for limit, fee in ((30_000, 3_500), (50_000, 5_000), (100_000, 7_000), (150_000, 8_000), (300_000, 11_500), (500_000, 20_500)):  # fmt: skip
        if pence <= limit:
            return fee
    return max(pence * 5 // 100, 45_500)


def claim_form(rng: random.Random, i: int) -> Doc:
    return _claim_margin(rng, sold=i % 4 == 0) if i % 2 == 0 else _claim_print(rng)


def _claim_margin(rng: random.Random, *, sold: bool) -> Doc:
    """A claim form with the court's box in the right-hand margin (claim number, issue
    date) and the sums in a second margin box lower down."""
    style = Style(face="serif", point=10.0)
    d = draw(
        rng,
        PURCHASERS if sold else LENDERS,
        writers=SOLICITORS,
        ref="grouped",
        low=40_000,
        high=900_000,
    )
    fee = court_fee(d.balance)
    costs = 8_000
    total = d.balance + fee + costs
    shape = shape_of(rng, ord_abbr, dotted, slash)
    page = Sheet(style)
    page.add((t(0.06, "Claim Form", True, size=22.0),))
    page.add((t(0.06, "In the County Court Money Claims Centre", italic=True),)).gap()
    body: list[Row] = [
        (t(0.06, "Claimant", True),),
        (t(0.06, d.creditor),),
        (t(0.06, f"c/o {d.writer}"),),
        (),
    ]
    body += [(t(0.06, "Defendant", True),), *addressee(d, 0.06), ()]
    page.margin(
        body,
        [
            ("Claim no.", d.claim),
            ("Issue date", shape(d.letter_date)),
            ("Fee account no.", f"PBA{digits(rng, 7)}"),
        ],
        title="For court use only",
    )
    page.gap().add((t(0.06, "Brief details of claim", True),))
    origin = (
        f" The agreement was made with {d.original} and assigned to the Claimant, who gave notice of the assignment."
        if sold
        else ""
    )
    page.para(
        f"The Claimant claims the sum due under a credit agreement, account {d.ref}, which the Defendant failed to pay after a default notice was served.{origin}",
        x=0.06,
        right=0.64,
    )
    page.gap()
    sums = [
        ("Amount claimed", money(d.balance)),
        ("Court fee", money(fee)),
        ("Legal representative's costs", money(costs)),
        ("Total amount", money(total)),
    ]
    rows: list[Row] = [(t(0.06, "Value", True),)]
    rows += page.wrapped(
        f"The Claimant expects to recover not more than {money(total)}.", 0.06, 0.64
    )
    page.margin(rows, sums)
    page.gap().para(
        "You must respond within 14 days of service. Read the notes on the response pack. If you do nothing, judgment may be entered against you.",
        x=0.06,
        right=0.94,
        size=8.5,
    )
    page.footer(
        (t(0.06, f"Claimant's legal representative: {d.writer}, ref {d.writer_ref}", size=SMALL),)
    )
    truth = Truth(
        document_class=C.COURT_CLAIM_N1,
        creditor_name=d.creditor,
        original_creditor=d.original if sold else None,
        account_reference=d.ref,
        balance_pence=total,
        letter_date=d.letter_date,
        court_claim_number=d.claim,
    )
    return Doc(truth=truth, sheets=[page], style=style)


def _claim_print(rng: random.Random) -> Doc:
    """A claim production centre's monospaced print-out: dotted leaders to the values, the
    date of service printed, the sums as bare figures."""
    style = Style(face="mono", point=9.5)
    d = draw(rng, LENDERS, writers=SOLICITORS, ref="grouped", low=30_000, high=600_000)
    fee = court_fee(d.balance)
    costs = 5_000 if d.balance < 50_000 else 8_000
    total = d.balance + fee + costs
    served = d.letter_date + dt.timedelta(days=5)
    page = Sheet(style)
    page.add((t(0.08, "COUNTY COURT - CLAIM PRODUCTION CENTRE", True),))
    page.add((t(0.08, "4TH FLOOR, 1 STATION APPROACH, SALFORD M5 0BY"),)).rule(0.08, 0.92).gap()
    page.leaders("CLAIM NUMBER", d.claim, bold=True)
    page.leaders("ISSUE DATE", upper(d.letter_date))
    page.leaders("DATE OF SERVICE", upper(served)).gap()
    page.add(
        (t(0.08, "CLAIMANT"),),
        (t(0.12, d.creditor.upper()),),
        (t(0.12, f"REP: {d.writer.upper()}"),),
    ).gap()
    page.add(
        (t(0.08, "DEFENDANT"),), *[(t(0.12, line.upper()),) for line in (d.person, *d.address)]
    ).gap()
    page.add((t(0.08, "PARTICULARS OF CLAIM"),))
    page.para(
        f"THE CLAIMANT CLAIMS THE BALANCE OF ACCOUNT {d.ref} UNDER A REGULATED CREDIT AGREEMENT. A DEFAULT NOTICE WAS SERVED AND NOT COMPLIED WITH. THE CLAIMANT ALSO CLAIMS COSTS.",
        x=0.12,
        right=0.92,
    )
    page.gap()
    page.leaders("AMOUNT CLAIMED", bare(d.balance))
    page.leaders("COURT FEE", bare(fee))
    page.leaders("LEGAL REP COSTS", bare(costs))
    page.leaders("TOTAL AMOUNT", bare(total), bold=True).gap()
    page.para(
        "THE DEFENDANT HAS 14 DAYS FROM THE DATE OF SERVICE TO PAY THE TOTAL AMOUNT, OR TO FILE AN ADMISSION, A DEFENCE OR AN ACKNOWLEDGMENT OF SERVICE.",
        x=0.08,
        right=0.92,
        size=8.5,
    )
    page.footer(
        (
            t(
                0.08,
                f"PRINTED {upper(d.letter_date)}  BATCH {digits(rng, 6)}  CLAIMANT REF {d.writer_ref}",
                size=SMALL,
            ),
        )
    )
    truth = Truth(
        document_class=C.COURT_CLAIM_N1,
        creditor_name=d.creditor,
        account_reference=d.ref,
        balance_pence=total,
        letter_date=d.letter_date,
        court_claim_number=d.claim,
        served_date=served,
    )
    return Doc(truth=truth, sheets=[page], style=style)


def judgment(rng: random.Random, i: int) -> Doc:
    return _admission(rng) if i % 2 == 0 else _judgment_print(rng)


def _admission(rng: random.Random) -> Doc:
    """A judgment on admission: a large court heading, a header band, the sums in a table
    with the part paid in brackets and "Total now due" at the foot."""
    style = Style(face="dvserif", point=9.5)
    d = draw(rng, LENDERS, writers=SOLICITORS, ref="grouped", low=40_000, high=700_000)
    court = rng.choice(COURTS)
    interest, fee, paid = d.balance // 20, court_fee(d.balance), rng.choice((0, 5_000, 10_000))
    principal = d.balance - interest - fee + paid
    shape = shape_of(rng, ord_long, dotted, us)
    page = Sheet(style)
    page.add((ct(0.5, f"IN THE COUNTY COURT AT {court.upper()}", True, size=16.0),))
    page.add((ct(0.5, "Judgment for claimant on admission", italic=True),)).gap()
    page.band(
        [
            ("Claim number", d.claim),
            ("Date of judgment", shape(d.letter_date)),
            ("Claimant's reference", d.ref),
        ],
        (0.06, 0.36, 0.62),
        right=0.94,
    )
    page.gap().add((t(0.06, "Claimant", True), t(0.5, "Defendant", True)))
    page.add((t(0.06, d.creditor), t(0.5, d.person)))
    page.add((t(0.06, f"by {d.writer}"), t(0.5, d.address[0]))).gap()
    page.para(
        "The defendant has admitted the claim. It is ordered that the defendant pay the claimant the amount below, by the instalments shown.",
        x=0.06,
        right=0.94,
    )
    page.gap()
    for label, value in (
        ("Amount of claim", money(principal)),
        ("Interest", money(interest)),
        ("Court fee", money(fee)),
        ("Less paid", paren(paid)),
    ):
        page.add((t(0.3, label), rt(0.8, value)))
    page.rule(0.3, 0.8).add((t(0.3, "Total now due", True), rt(0.8, money(d.balance), True))).gap()
    page.para(
        f"Payment: {money(max(d.balance // 24, 2_000))} a month, the first payment to reach the claimant on or before {shape(d.deadline)}. Pay the claimant, not the court.",
        x=0.06,
        right=0.94,
    )
    page.gap().para(
        "If you do not pay, the claimant can ask the court to enforce the judgment. This judgment will be entered on the Register of Judgments, Orders and Fines unless paid in full within one month.",
        x=0.06,
        right=0.94,
        size=8.5,
    )
    page.footer((t(0.06, "Judgment on admission  -  form N30(2)", size=SMALL),))
    truth = Truth(
        document_class=C.COUNTY_COURT_JUDGMENT,
        creditor_name=d.creditor,
        account_reference=d.ref,
        balance_pence=d.balance,
        letter_date=d.letter_date,
        court_claim_number=d.claim,
    )
    return Doc(truth=truth, sheets=[page], style=style)


def _judgment_print(rng: random.Random) -> Doc:
    """A monospaced "notice of judgment" print for a sold debt: leaders to the values, the
    original creditor in the particulars."""
    style = Style(face="mono", point=9.5)
    d = draw(rng, PURCHASERS, writers=SOLICITORS, ref="purchaser", low=30_000, high=500_000)
    costs = 7_000
    total = d.balance + costs
    page = Sheet(style)
    page.add(
        (t(0.08, "NOTICE OF JUDGMENT - IN DEFAULT", True),),
        (t(0.08, "COUNTY COURT BUSINESS CENTRE"),),
    ).rule(0.08, 0.92).gap()
    page.leaders("CLAIM NO", d.claim, bold=True)
    page.leaders("JUDGMENT DATE", upper(d.letter_date)).gap()
    page.add((t(0.08, "CLAIMANT:"), t(0.3, d.creditor.upper())))
    page.add((t(0.08, "DEFENDANT:"), t(0.3, d.person.upper()))).gap()
    page.para(
        f"PARTICULARS: BALANCE OF ACCOUNT {d.ref} ORIGINALLY WITH {d.original.upper()}, ASSIGNED TO THE CLAIMANT.",
        x=0.08,
        right=0.92,
    )
    page.gap().add((t(0.08, "JUDGMENT IS ENTERED FOR THE CLAIMANT."),)).gap()
    page.leaders("JUDGMENT SUM", bare(d.balance))
    page.leaders("FIXED COSTS", bare(costs))
    page.leaders("TOTAL PAYABLE", bare(total), bold=True).gap()
    page.leaders("PAYMENT", "FORTHWITH")
    page.gap().para(
        "PAYMENT MUST BE MADE TO THE CLAIMANT OR THE CLAIMANT'S REPRESENTATIVE, NOT TO THE COURT. IF THE TOTAL IS PAID WITHIN 30 DAYS THE JUDGMENT WILL NOT STAY ON THE REGISTER.",
        x=0.08,
        right=0.92,
        size=8.5,
    )
    truth = Truth(
        document_class=C.COUNTY_COURT_JUDGMENT,
        creditor_name=d.creditor,
        original_creditor=d.original,
        account_reference=d.ref,
        balance_pence=total,
        letter_date=d.letter_date,
        court_claim_number=d.claim,
    )
    return Doc(truth=truth, sheets=[page], style=style)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    """A statutory demand on two pages: the demand with the amount in a right-hand margin
    box and the date as "3.3.2026" at the foot of page 2, after the notes."""
    style = Style(face="serif", point=10.0)
    sold = i % 2 == 0
    d = draw(
        rng,
        PURCHASERS if sold else LENDERS,
        writers=SOLICITORS,
        ref="grouped",
        low=500_000,
        high=2_000_000,
    )
    shape = shape_of(rng, dotted, ord_long, slash)
    one = Sheet(style)
    one.add((ct(0.5, "Statutory Demand", True, size=20.0),))
    one.add(
        (
            ct(
                0.5,
                "Section 268(1)(a) Insolvency Act 1986  -  debt payable immediately",
                italic=True,
                size=9.0,
            ),
        )
    ).gap()
    body: list[Row] = [(t(0.06, "To"),), *addressee(d, 0.1), ()]
    body += [(t(0.06, "From the creditor"),), (t(0.1, d.creditor, True),), ()]
    one.margin(body, [("Amount of debt", money(d.balance)), ("Agreement", d.ref)], x0=0.64)
    one.gap().add((t(0.06, "Particulars of debt", True),))
    origin = (
        f", under an agreement made with {d.original} and assigned to the creditor on {shape(d.earlier)}"
        if sold
        else f", under an agreement made on {shape(d.earlier)}"
    )
    one.para(
        f"The debtor owes the creditor {money(d.balance)}{origin}. The agreement was terminated after the debtor failed to comply with a default notice.",
        x=0.06,
        right=0.94,
    )
    one.gap().para(
        "The creditor demands that you pay the above debt or secure or compound for it to the creditor's satisfaction. If you do not, within 21 days of service, the creditor may present a bankruptcy petition against you.",
        x=0.06,
        right=0.94,
    )
    one.footer((rt(0.94, "Page 1 of 2", size=SMALL),))
    two = Sheet(style)
    two.add((t(0.06, "Notes for the debtor", True, size=12.0),)).gap()
    for text in (
        "Please read this demand carefully. If you do not understand it, take legal advice or contact a debt advice service at once.",
        "If you wish to apply to have the demand set aside, you must do so within 18 days of its service on you.",
        f"Any communication about this demand should be sent to {d.writer}, 2 Tombland, Norwich NR3 1HA, quoting {d.writer_ref}.",
    ):
        two.para(text, x=0.06, right=0.94).gap()
    two.add((t(0.06, f"Signed for the creditor by {d.writer}"),))
    two.add((t(0.06, f"Date: {shape(d.letter_date)}"),))
    two.footer((rt(0.94, "Page 2 of 2", size=SMALL),))
    extra: dict[str, object] = {"original_creditor": d.original} if sold else {}
    return Doc(truth=debt(C.STATUTORY_DEMAND, d, **extra), sheets=[one, two], style=style)


# -- enforcement and fines ---------------------------------------------------------------------


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    return _after_visit(rng) if i % 2 == 0 else _fine_warrant(rng)


def _after_visit(rng: random.Random) -> Doc:
    """A council-tax enforcement agent's "notice after visit": a logo block, the case
    details in a right-hand margin box beside the body, "Balance to clear"."""
    style = Style(face="dvsans", point=9.0)
    d = draw(rng, COUNCILS, writers=AGENTS, ref="ea", low=35_000, high=280_000, days=(3, 5, 7))
    shape = shape_of(rng, ord_abbr, slash, upper)
    visited = d.letter_date - dt.timedelta(days=1)
    page = Sheet(style)
    page.logo(logo_word(d.writer), f"{d.writer}  -  certificated enforcement agents", size=22.0)
    page.gap()
    body: list[Row] = [*addressee(d, 0.06), (), (t(0.06, "WE CALLED TODAY", True, size=13.0),), ()]
    body += page.wrapped(
        f"An enforcement agent called at your home on {shape(visited)} about unpaid council tax owed to {d.creditor}. No one was available, or you did not let us in.",
        0.06,
        0.64,
    )
    body += [()]
    body += page.wrapped(
        f"To stop further action you must pay the balance shown, or call us to agree a payment plan, by {shape(d.deadline)}. If you do not, we will call again and may take control of your goods. Further fees will be added.",
        0.06,
        0.64,
    )
    page.margin(
        body,
        [
            ("Our case reference", d.ref),
            (
                "Client",
                d.creditor.replace(" District Council", " DC").replace(" Borough Council", " BC"),
            ),
            ("Council tax account", REFERENCES["council"](rng)),
            ("Date of notice", shape(d.letter_date)),
            ("Balance to clear", money(d.balance)),
        ],
        x0=0.67,
    )
    page.gap().add((t(0.06, "Fees added so far", True),))
    page.add(
        (t(0.06, "Compliance stage"), rt(0.5, "£75.00")),
        (t(0.06, "Enforcement stage"), rt(0.5, "£235.00")),
    ).gap()
    page.para(
        "Pay 24 hours a day at our website or on 01254 880 612, quoting our case reference. Paying the council direct will not stop the fees.",
        x=0.06,
        right=0.94,
        size=8.5,
    )
    page.footer(registered(rng, d.writer))
    truth = Truth(
        document_class=C.ENFORCEMENT_AGENT_NOTICE,
        creditor_name=d.creditor,
        account_reference=d.ref,
        balance_pence=d.balance,
        letter_date=d.letter_date,
        deadline_date=d.deadline,
    )
    return Doc(truth=truth, sheets=[page], style=style)


def _fine_warrant(rng: random.Random) -> Doc:
    """A warrant agent's notice of enforcement for a magistrates' fine: a header band of
    references, the court named as the creditor."""
    style = Style(face="serif", point=10.0)
    d = draw(rng, FINE_COURTS, writers=AGENTS, ref="ea", low=15_000, high=150_000, days=(7,))
    shape = shape_of(rng, us, dotted, ord_long)
    court_ref = REFERENCES["fine"](rng)
    page = Sheet(style)
    page.add(
        (t(0.06, d.writer, True, size=16.0),),
        (
            t(
                0.06,
                "Warrants of control for HM Courts & Tribunals Service",
                size=SMALL,
                italic=True,
            ),
        ),
    ).gap()
    page.band(
        [
            ("Our reference", d.ref),
            ("Court account", court_ref),
            ("Date", shape(d.letter_date)),
            ("Amount due", money(d.balance)),
        ],
        (0.05, 0.3, 0.53, 0.73),
    )
    page.gap().add(*addressee(d, 0.08)).gap()
    page.add((t(0.08, "NOTICE OF ENFORCEMENT", True, size=12.0),)).gap()
    page.para(
        f"{d.creditor} has issued a warrant of control because your fine has not been paid. The warrant has been passed to us to enforce. The amount due includes the compliance fee."
    )
    page.gap().para(
        f"You must pay the amount due by {shape(d.deadline)}. If you do not, an enforcement agent will visit your home and may take control of goods to sell. You may also be brought back before the court."
    )
    page.gap().para(
        "Quote our reference when you pay or call us on 0121 496 0340. The court cannot take payment once a warrant has been issued."
    )
    page.footer(registered(rng, d.writer))
    return Doc(
        truth=debt(C.ENFORCEMENT_AGENT_NOTICE, d, deadline_date=d.deadline),
        sheets=[page],
        style=style,
    )


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    """A notice of fine and collection order: a header band, the fine's parts in a table,
    "Balance outstanding" at the foot, the date to pay in a sentence."""
    style = Style(face="dvserif" if i % 2 else "serif", point=9.5)
    d = draw(rng, FINE_COURTS, ref="fine", low=12_000, high=120_000, days=(14, 28))
    shape = shape_of(rng, ord_abbr, slash, us)
    costs, surcharge = 8_500, max(d.balance // 10, 2_000)
    fine = d.balance - costs - surcharge
    page = Sheet(style)
    page.add(
        (ct(0.5, d.creditor, True, size=18.0),),
        (ct(0.5, "Notice of fine and collection order", italic=True),),
    ).gap()
    page.band(
        [
            ("Account number", d.ref),
            ("Date of hearing", shape(d.earlier)),
            ("Date of notice", shape(d.letter_date)),
        ],
        (0.06, 0.37, 0.66),
        right=0.94,
    )
    page.gap().add(*addressee(d, 0.08)).gap()
    page.para(
        "The court dealt with your case and ordered you to pay the sums below. A collection order has been made."
    )
    page.gap()
    for label, value in (
        ("Fine", money(fine)),
        ("Prosecution costs", money(costs)),
        ("Victim surcharge", money(surcharge)),
        ("Payments received", paren(0)),
    ):
        page.add((t(0.2, label), rt(0.75, value)))
    page.rule(0.2, 0.75).add(
        (t(0.2, "Balance outstanding", True), rt(0.75, money(d.balance), True))
    ).gap()
    page.para(
        f"The full amount must be paid by {shape(d.deadline)}. If it is not, a fines officer may order deductions from your wages or benefits, or issue a warrant to enforcement agents, and the amount may be increased by half."
    )
    page.gap().para(
        "Pay online at www.gov.uk/pay-court-fine-online with your account number.", size=8.5
    )
    return Doc(
        truth=debt(C.MAGISTRATES_FINE, d, deadline_date=d.deadline), sheets=[page], style=style
    )


# -- council tax -------------------------------------------------------------------------------


def council_tax(rng: random.Random, i: int) -> Doc:
    return _reminder(rng) if i % 2 == 0 else _liability(rng)


def _pence_row(
    label: str,
    pence: int,
    bold: bool = False,
    *,
    x: float = 0.1,
    pounds_at: float = 0.72,
    pence_at: float = 0.8,
) -> Row:
    """A table row with pounds and pence in their own right-aligned columns."""
    whole, part = pounds_pence(pence)
    return (t(x, label, bold), rt(pounds_at, whole, bold), rt(pence_at, part, bold))


def _reminder(rng: random.Random) -> Doc:
    """A council-tax reminder: a header band with the pay-by date, the account in a table
    with pounds and pence in their own columns, "Amount now due" at the foot."""
    style = Style(face="dvsans", point=9.0)
    d = draw(rng, COUNCILS, ref="council", low=12_000, high=90_000, days=(7,))
    shape = shape_of(rng, slash, upper, ord_abbr)
    annual = rng.randrange(160_000, 290_000)
    year = d.letter_date.year if d.letter_date.month > 3 else d.letter_date.year - 1
    page = Sheet(style)
    page.logo(d.creditor.split()[0].upper(), d.creditor + "  -  Revenues Service", size=22.0)
    page.gap()
    page.band(
        [
            ("Account reference", d.ref),
            ("Date of notice", shape(d.letter_date)),
            ("Band", rng.choice("ABCD")),
            ("Pay by", shape(d.deadline)),
        ],
        (0.05, 0.3, 0.53, 0.68),
    )
    page.gap().add(*addressee(d, 0.08)).gap()
    page.add((t(0.08, "COUNCIL TAX REMINDER NOTICE", True, size=12.0),)).gap()
    page.para(
        f"Your council tax instalments for {year}/{str(year + 1)[2:]} have not been paid as they fell due. Please pay the amount now due by the date above."
    )
    page.gap().add((t(0.1, "Your account", True), rt(0.72, "£", True), rt(0.8, "p", True))).rule(
        0.1, 0.8
    )
    paid = annual // 10 * rng.randrange(1, 4)
    page.add(_pence_row(f"Annual charge {year}/{str(year + 1)[2:]}", annual))
    page.add(_pence_row("Instalments due to date", paid + d.balance))
    page.add(_pence_row("Less payments received", paid))
    page.rule(0.1, 0.8).add(_pence_row("Amount now due", d.balance, True)).gap()
    page.para(
        "If you pay the amount now due by the date shown you may carry on paying by instalments. If you do not, you will lose that right and the whole of the annual charge will become payable, and we may apply to the magistrates' court for a liability order.",
        size=8.5,
    )
    page.footer((t(0.06, f"{d.creditor}, Council Offices. Calls may be recorded.", size=SMALL),))
    return Doc(truth=debt(C.COUNCIL_TAX, d, deadline_date=d.deadline), sheets=[page], style=style)


def _liability(rng: random.Random) -> Doc:
    """A "liability order granted" letter printed in a monospaced face, the sums with dotted
    leaders, the reference in groups."""
    style = Style(face="mono", point=9.5)
    d = draw(rng, COUNCILS, ref="council", low=30_000, high=260_000, days=(14,))
    shape = shape_of(rng, upper, slash)
    costs = rng.choice((7_000, 8_500, 9_500))
    page = Sheet(style)
    page.add((t(0.08, d.creditor.upper(), True),), (t(0.08, "COUNCIL TAX RECOVERY SECTION"),)).rule(
        0.08, 0.92
    ).gap()
    page.add(*[(t(0.08, line.upper()),) for line in (d.person, *d.address)]).gap()
    page.leaders("ACCOUNT REF", d.ref)
    page.leaders("DATE", shape(d.letter_date)).gap()
    page.add((t(0.08, "LIABILITY ORDER GRANTED", True),)).gap()
    page.para(
        f"ON {shape(d.earlier)} THE MAGISTRATES' COURT MADE A LIABILITY ORDER AGAINST YOU FOR THE COUNCIL TAX SHOWN BELOW AND THE COSTS OF OBTAINING IT.",
        x=0.08,
        right=0.92,
    )
    page.gap()
    page.leaders("COUNCIL TAX", bare(d.balance - costs))
    page.leaders("COSTS", bare(costs))
    page.leaders("BALANCE OUTSTANDING", bare(d.balance), bold=True).gap()
    page.para(
        f"PAY THE BALANCE OUTSTANDING OR CONTACT US TO MAKE AN ARRANGEMENT BY {shape(d.deadline)}. IF YOU DO NOT, WE MAY PASS THE DEBT TO ENFORCEMENT AGENTS OR ASK YOUR EMPLOYER TO MAKE DEDUCTIONS FROM YOUR EARNINGS.",
        x=0.08,
        right=0.92,
    )
    return Doc(truth=debt(C.COUNCIL_TAX, d, deadline_date=d.deadline), sheets=[page], style=style)


# -- utilities ---------------------------------------------------------------------------------


def utility_bill(rng: random.Random, i: int) -> Doc:
    return _water_bill(rng) if i % 2 == 0 else _dual_fuel(rng)


def _water_bill(rng: random.Random) -> Doc:
    """A water bill with its summary in a right-hand margin box; scanned turned through 90
    degrees (fed in sideways)."""
    style = Style(face="serif", point=10.0)
    d = draw(rng, WATER, ref="water", low=8_000, high=70_000, days=(21, 28))
    shape = shape_of(rng, ord_abbr, dotted)
    water, sewer = d.balance * 45 // 100, d.balance - d.balance * 45 // 100
    page = Sheet(style)
    page.logo(logo_word(d.creditor), f"{d.creditor}  -  your water and sewerage bill", size=22.0)
    page.gap()
    body: list[Row] = [
        *addressee(d, 0.06),
        (),
        (t(0.06, "Your bill for this year", True, size=12.0),),
        (),
    ]
    body += page.wrapped(
        "This bill covers your water supply and sewerage services for the charging year. You pay it in full or by instalments.",
        0.06,
        0.62,
    )
    page.margin(
        body,
        [
            ("Customer number", d.ref),
            ("Bill date", shape(d.letter_date)),
            ("Amount due", money(d.balance)),
            ("Please pay by", shape(d.deadline)),
        ],
        x0=0.66,
    )
    page.gap().add((t(0.06, "Charges", True), rt(0.9, "£", True))).rule(0.06, 0.9)
    page.add((t(0.06, "Water supply (unmetered)"), rt(0.9, bare(water))))
    page.add((t(0.06, "Sewerage"), rt(0.9, bare(sewer))))
    page.rule(0.06, 0.9).add(
        (t(0.06, "Total for the year", True), rt(0.9, bare(d.balance), True))
    ).gap()
    page.para(
        "Pay by Direct Debit and spread the cost over 10 or 12 months. If you are finding it hard to pay, ask about our social tariff.",
        x=0.06,
        right=0.9,
        size=8.5,
    )
    page.footer(registered(rng, d.creditor))
    return Doc(
        truth=debt(C.UTILITY_BILL, d, deadline_date=d.deadline),
        sheets=[page],
        style=style,
        turned=True,
    )


def _dual_fuel(rng: random.Random) -> Doc:
    """A dual-fuel statement: a header band with the amount to pay, the charges with the
    payments received in brackets."""
    style = Style(face="dvsans", point=9.0)
    d = draw(rng, ENERGY, ref="energy", low=9_000, high=80_000, days=(14,))
    shape = shape_of(rng, us, slash, upper)
    paid = rng.randrange(5_000, 30_000)
    gas, elec = (d.balance + paid) * 4 // 10, (d.balance + paid) - (d.balance + paid) * 4 // 10
    page = Sheet(style)
    page.add(
        (t(0.05, d.creditor, True, size=16.0), rt(0.95, "Your energy statement", size=11.0))
    ).gap()
    page.band(
        [
            ("Account", d.ref),
            ("Statement date", shape(d.letter_date)),
            ("Amount to pay", money(d.balance)),
            ("Due date", shape(d.deadline)),
        ],
        (0.05, 0.29, 0.52, 0.74),
    )
    page.gap().add(*addressee(d, 0.06)).gap()
    page.add((t(0.06, "What you owe", True),)).rule(0.06, 0.94)
    page.add((t(0.06, "Electricity used this quarter"), rt(0.94, money(elec))))
    page.add((t(0.06, "Gas used this quarter"), rt(0.94, money(gas))))
    page.add((t(0.06, "Payments received, thank you"), rt(0.94, paren(paid))))
    page.rule(0.06, 0.94).add(
        (t(0.06, "Amount to pay", True), rt(0.94, money(d.balance), True))
    ).gap()
    page.para(
        "Figures in brackets are payments or credits. We will take the amount to pay by Direct Debit on the due date.",
        x=0.06,
        right=0.94,
        size=8.5,
    )
    page.footer(registered(rng, d.creditor))
    return Doc(truth=debt(C.UTILITY_BILL, d, deadline_date=d.deadline), sheets=[page], style=style)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    return _warrant_warning(rng) if i % 2 == 0 else _water_collections(rng)


def _warrant_warning(rng: random.Random) -> Doc:
    """An energy supplier's warning that it may apply for a warrant to fit a prepayment
    meter: the arrears in a right-hand margin box, the date to act in the body."""
    style = Style(face="dvserif", point=9.5)
    d = draw(rng, ENERGY, ref="energy", low=20_000, high=260_000, days=(7, 10))
    shape = shape_of(rng, ord_long, us, dotted)
    page = Sheet(style)
    page.add((t(0.06, d.creditor, True, size=16.0),)).rule().gap()
    body: list[Row] = [
        *addressee(d, 0.06),
        (),
        (t(0.06, "We may apply for a warrant", True, size=12.0),),
        (),
    ]
    body += page.wrapped(
        f"{d.dear}, you have not paid for the energy you have used and your account is in arrears. We have written to you before and have not been able to agree a way for you to pay.",
        0.06,
        0.62,
    )
    body += [()]
    body += page.wrapped(
        f"If you do not pay the arrears or contact us by {shape(d.deadline)}, we may apply to the magistrates' court for a warrant to enter your home and fit a prepayment meter.",
        0.06,
        0.62,
    )
    page.margin(
        body,
        [
            ("Account", d.ref),
            ("Date", shape(d.letter_date)),
            ("Amount in arrears", money(d.balance)),
        ],
        x0=0.66,
        title="YOUR ACCOUNT",
    )
    page.gap().para(
        "If anyone in your home is disabled, seriously ill, elderly or has young children, tell us: we will not fit a prepayment meter where it would not be safe. Free advice: Citizens Advice consumer service.",
        x=0.06,
        right=0.94,
        size=8.5,
    )
    page.footer(registered(rng, d.creditor))
    return Doc(
        truth=debt(C.UTILITY_ARREARS, d, deadline_date=d.deadline), sheets=[page], style=style
    )


def _water_collections(rng: random.Random) -> Doc:
    """A water company's "passed to collections" letter: the account number broken over two
    lines above the address, "Amount in arrears" in pounds and pence columns."""
    style = Style(face="dvsans", point=9.5)
    d = draw(rng, WATER, ref="water", low=15_000, high=180_000)
    shape = shape_of(rng, slash, ord_abbr)
    first, rest = d.ref[:7], d.ref[8:]
    page = Sheet(style)
    page.logo(logo_word(d.creditor), d.creditor, size=20.0)
    page.gap().add(
        (t(0.06, "Account number", size=SMALL),), (t(0.06, first, True),), (t(0.06, rest, True),)
    ).gap()
    page.add(*addressee(d, 0.06)).gap()
    page.add((t(0.06, shape(d.letter_date)),)).gap()
    page.add(
        (t(0.06, "Your account has been passed to our collections team", True, size=11.5),)
    ).gap()
    page.para(
        f"{d.dear}, we have not had a payment towards your water charges for some time. Please pay the amount in arrears, or set up a payment plan, by {shape(d.deadline)}.",
        x=0.06,
        right=0.94,
    )
    page.gap().add((t(0.1, "Charges", True), rt(0.72, "£", True), rt(0.8, "p", True))).rule(
        0.1, 0.8
    )
    page.add(_pence_row("Unpaid charges", d.balance - 1_500))
    page.add(_pence_row("Late payment charge", 1_500))
    page.rule(0.1, 0.8).add(_pence_row("Amount in arrears", d.balance, True)).gap()
    page.para(
        "We cannot cut off your water supply, but we can ask the county court for a judgment against you. If you get certain benefits you may be able to pay through them.",
        x=0.06,
        right=0.94,
        size=8.5,
    )
    page.footer(registered(rng, d.creditor))
    return Doc(
        truth=debt(C.UTILITY_ARREARS, d, deadline_date=d.deadline), sheets=[page], style=style
    )


# -- sold debts and government -----------------------------------------------------------------


def assignment(rng: random.Random, i: int) -> Doc:
    return _goodbye_hello(rng) if i % 2 == 0 else _welcome_print(rng)


def _goodbye_hello(rng: random.Random) -> Doc:
    """A joint "goodbye and hello" letter: the old and the new creditor's letterheads side by
    side, a header band with the new account number, the old one as a distractor."""
    style = Style(face="dvserif", point=9.5)
    d = draw(rng, PURCHASERS, ref="purchaser", low=15_000, high=450_000)
    shape = shape_of(rng, ord_abbr, us, slash)
    page = Sheet(style)
    page.add(
        (
            t(0.05, d.original.split()[0], True, size=18.0),
            rt(0.95, d.creditor.split()[0], True, size=18.0),
        )
    )
    page.add((t(0.05, d.original, size=SMALL), rt(0.95, d.creditor, size=SMALL))).rule().gap()
    page.add((ct(0.5, "Joint notice of assignment", True, size=13.0),)).gap()
    page.band(
        [
            ("New account number", d.ref),
            ("Old account number", REFERENCES["grouped"](rng)),
            ("Date", shape(d.letter_date)),
            ("Balance", money(d.balance)),
        ],
        (0.05, 0.3, 0.55, 0.74),
    )
    page.gap().add(*addressee(d, 0.08)).gap()
    page.para(
        f"{d.dear}, this is a joint letter from {d.original} and {d.creditor}. {d.original} has sold and assigned your account to {d.creditor}, with all of its rights under your agreement, on {shape(d.earlier)}."
    )
    page.gap().para(
        f"From now on, {d.creditor} owns the debt and you should make all payments to them, quoting your new account number. Your balance and terms have not changed."
    )
    page.gap().add((t(0.08, f"Signed for {d.original}"), t(0.52, f"Signed for {d.creditor}")))
    page.footer(registered(rng, d.creditor, vat=False))
    return Doc(
        truth=debt(C.NOTICE_OF_ASSIGNMENT, d, original_creditor=d.original),
        sheets=[page],
        style=style,
    )


def _welcome_print(rng: random.Random) -> Doc:
    """A purchaser's monospaced "welcome" notice: leaders to the values."""
    style = Style(face="mono", point=9.5)
    d = draw(rng, PURCHASERS, ref="purchaser", low=10_000, high=300_000)
    page = Sheet(style)
    page.add(
        (t(0.08, d.creditor.upper(), True),),
        (t(0.08, "CUSTOMER SERVICES  PO BOX 1207  DUNDEE DD1 9YY"),),
    ).rule(0.08, 0.92).gap()
    page.add(*[(t(0.08, line.upper()),) for line in (d.person, *d.address)]).gap()
    page.add(
        (t(0.08, "NOTICE OF ASSIGNMENT - WELCOME TO " + d.creditor.split()[0].upper(), True),)
    ).gap()
    page.leaders("DATE OF THIS NOTICE", upper(d.letter_date))
    page.leaders("YOUR NEW REFERENCE", d.ref, bold=True)
    page.leaders("PREVIOUS CREDITOR", d.original.upper())
    page.leaders("DATE ASSIGNED", upper(d.earlier))
    page.leaders("CURRENT BALANCE", bare(d.balance), bold=True).gap()
    page.para(
        f"YOUR ACCOUNT WITH {d.original.upper()} HAS BEEN ASSIGNED TO US. PLEASE PAY US FROM NOW ON AND QUOTE YOUR NEW REFERENCE. IF YOU HAD A PAYMENT PLAN IT CAN CONTINUE.",
        x=0.08,
        right=0.92,
    )
    return Doc(
        truth=debt(C.NOTICE_OF_ASSIGNMENT, d, original_creditor=d.original),
        sheets=[page],
        style=style,
    )


def overpayment(rng: random.Random, i: int) -> Doc:
    return _hb_invoice(rng) if i % 2 == 0 else _dfc_overpayment(rng)


def _hb_invoice(rng: random.Random) -> Doc:
    """A council's Housing Benefit overpayment invoice: the invoice details in a right-hand
    margin box, the period and reason in the body, the VAT number in the footer."""
    style = Style(face="serif", point=10.0)
    d = draw(rng, COUNCILS, ref="hb", low=20_000, high=420_000, days=(21, 28))
    shape = shape_of(rng, dotted, ord_abbr, slash)
    page = Sheet(style)
    page.logo(d.creditor.split()[0].upper(), d.creditor + "  -  Benefits Overpayments", size=22.0)
    page.gap()
    body: list[Row] = [
        *addressee(d, 0.06),
        (),
        (t(0.06, "INVOICE", True, size=14.0),),
        (t(0.06, "Housing Benefit overpayment", italic=True),),
        (),
    ]
    body += page.wrapped(
        f"You were paid Housing Benefit you were not entitled to from {shape(d.earlier)}, because your household income went up and we were not told in time.",
        0.06,
        0.6,
    )
    page.margin(
        body,
        [
            ("Invoice number", d.ref),
            ("Invoice date", shape(d.letter_date)),
            ("Amount due", money(d.balance)),
            ("Due date", shape(d.deadline)),
        ],
        x0=0.64,
    )
    page.gap().para(
        "You must repay the amount due by the due date. If you cannot, contact us to agree instalments. If you still get Housing Benefit we may take the overpayment from it. You have one month to ask us to look at the decision again.",
        x=0.06,
        right=0.94,
    )
    page.footer(registered(rng, d.creditor))
    return Doc(truth=debt(C.OVERPAYMENT, d, deadline_date=d.deadline), sheets=[page], style=style)


def _dfc_overpayment(rng: random.Random) -> Doc:
    """The Department for Communities' overpayment letter (Northern Ireland): a header band,
    the amount in a sentence, no date to pay by."""
    style = Style(face="dvsans", point=9.5)
    d = draw(rng, ("Department for Communities",), ref="dfc", low=15_000, high=300_000)
    shape = shape_of(rng, ord_long, upper, us)
    page = Sheet(style)
    page.add(
        (t(0.05, "Department for Communities", True, size=17.0),),
        (t(0.05, "Debt Recovery  -  Causeway Exchange, Belfast BT2 7EG", size=SMALL),),
    ).gap()
    page.band(
        [
            ("Debt reference", d.ref),
            ("Date", shape(d.letter_date)),
            ("Benefit", "Carer's Allowance"),
        ],
        (0.05, 0.35, 0.6),
    )
    page.gap().add(*addressee(d, 0.08)).gap()
    page.add((t(0.08, "You have been overpaid", True, size=12.0),)).gap()
    page.para(
        f"We have decided that you were overpaid Carer's Allowance between {shape(d.earlier)} and {shape(d.letter_date - dt.timedelta(days=14))} because your earnings were above the limit. The overpayment you must repay is {money(d.balance)}."
    )
    page.gap().para(
        "We will write to you separately about how to repay. If you think the decision is wrong you can ask us to reconsider it within one month of the date of this letter."
    )
    return Doc(truth=debt(C.OVERPAYMENT, d), sheets=[page], style=style)


# -- homes -------------------------------------------------------------------------------------


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    return _bs_margin(rng) if i % 2 == 0 else _second_charge(rng)


def _bs_margin(rng: random.Random) -> Doc:
    """A building society's arrears letter: the mortgage details in a right-hand margin box
    with the whole balance as a distractor beside the arrears."""
    style = Style(face="serif", point=10.0)
    d = draw(rng, MORTGAGES, ref="mortgage", low=60_000, high=900_000, days=(14,))
    shape = shape_of(rng, ord_abbr, slash, dotted)
    page = Sheet(style)
    page.logo(d.creditor.split()[0].upper(), d.creditor + "  -  Mortgage Support", size=24.0)
    page.gap()
    body: list[Row] = [*addressee(d, 0.06), (), (t(0.06, d.dear + ","),), ()]
    body += page.wrapped(
        f"Your mortgage payments have fallen behind and your account is in arrears of {money(d.balance)}. We know this can be a worrying time and we want to work with you.",
        0.06,
        0.62,
    )
    body += [()]
    body += page.wrapped(
        f"Please call our Mortgage Support team by {shape(d.deadline)} so that we can talk about your circumstances and the options open to you.",
        0.06,
        0.62,
    )
    page.margin(
        body,
        [
            ("Mortgage account", d.ref),
            ("Date", shape(d.letter_date)),
            ("Monthly payment", money(rng.randrange(45_000, 140_000))),
            ("Amount in arrears", money(d.balance)),
            ("Mortgage balance", money(rng.randrange(6_000_000, 22_000_000))),
        ],
        x0=0.66,
    )
    page.gap().para(
        "We will not start possession proceedings while we are talking to you about a realistic plan. Free advice is available from Shelter and from local advice centres.",
        x=0.06,
        right=0.94,
        size=8.5,
    )
    page.footer(
        (
            t(
                0.06,
                f"{d.creditor} is a member of the Building Societies Association. FRN {digits(rng, 6)}.",
                size=SMALL,
            ),
        )
    )
    return Doc(
        truth=debt(C.MORTGAGE_ARREARS, d, deadline_date=d.deadline), sheets=[page], style=style
    )


def _second_charge(rng: random.Random) -> Doc:
    """A second-charge lender's monospaced arrears statement: the months as rows, the
    arrears in a running column, "ARREARS NOW" at the foot."""
    style = Style(face="mono", point=9.0)
    d = draw(rng, SECOND_CHARGE, ref="second", low=30_000, high=300_000, days=(10, 14))
    monthly = max(d.balance // 4, 15_000)
    page = Sheet(style)
    page.add(
        (t(0.08, d.creditor.upper(), True),), (t(0.08, "SECURED LOAN ARREARS STATEMENT"),)
    ).rule(0.08, 0.92).gap()
    page.add(*[(t(0.08, line.upper()),) for line in (d.person, *d.address)]).gap()
    page.leaders("LOAN ACCOUNT", d.ref, bold=True)
    page.leaders("STATEMENT DATE", slash(d.letter_date)).gap()
    page.add((t(0.08, "MONTH"), rt(0.5, "DUE"), rt(0.7, "PAID"), rt(0.9, "ARREARS"))).rule(
        0.08, 0.92
    )
    running = d.balance - 3 * (monthly - monthly // 2)
    month = d.letter_date.replace(day=1)
    for n in range(3):
        when = (month - dt.timedelta(days=31 * (3 - n))).replace(day=1)
        running += monthly - monthly // 2
        page.add(
            (
                t(0.08, f"{when:%b %Y}".upper()),
                rt(0.5, bare(monthly)),
                rt(0.7, bare(monthly // 2)),
                rt(0.9, bare(running)),
            )
        )
    page.rule(0.08, 0.92).leaders("ARREARS NOW", bare(d.balance), bold=True).gap()
    page.para(
        f"PLEASE PAY THE ARREARS, OR CALL US TO AGREE A PLAN, BY {slash(d.deadline)}. YOUR HOME MAY BE REPOSSESSED IF YOU DO NOT KEEP UP REPAYMENTS ON A LOAN SECURED ON IT.",
        x=0.08,
        right=0.92,
    )
    return Doc(
        truth=debt(C.MORTGAGE_ARREARS, d, deadline_date=d.deadline), sheets=[page], style=style
    )


def rent_arrears(rng: random.Random, i: int) -> Doc:
    return _council_stage2(rng) if i % 2 == 0 else _coop_account(rng)


def _council_stage2(rng: random.Random) -> Doc:
    """A council landlord's stage-2 arrears letter: a header band, "Amount in arrears", the
    weekly rent as a distractor."""
    style = Style(face="dvsans", point=9.5)
    d = draw(rng, COUNCILS, ref="rent", low=20_000, high=320_000, days=(7, 14))
    shape = shape_of(rng, us, ord_long, dotted)
    page = Sheet(style)
    page.add(
        (t(0.05, d.creditor, True, size=16.0),),
        (t(0.05, "Housing Services  -  Income Team", size=SMALL),),
    ).gap()
    page.band(
        [
            ("Rent account", d.ref),
            ("Date", shape(d.letter_date)),
            ("Weekly rent", money(rng.randrange(8_500, 14_000))),
            ("Amount in arrears", money(d.balance)),
        ],
        (0.05, 0.27, 0.48, 0.68),
    )
    page.gap().add(*addressee(d, 0.08)).gap()
    page.add((t(0.08, "Rent arrears  -  second letter", True, size=12.0),)).gap()
    page.para(
        f"{d.dear}, we wrote to you recently about the rent owing on your home. We have not received a payment or heard from you. Please pay the arrears or contact your Income Officer by {shape(d.deadline)}."
    )
    page.gap().para(
        "If you do not, we may serve a notice seeking possession, which is the first step towards asking the court to end your tenancy. If you claim Universal Credit, tell us, as the housing costs may be paid to us direct."
    )
    return Doc(truth=debt(C.RENT_ARREARS, d, deadline_date=d.deadline), sheets=[page], style=style)


def _coop_account(rng: random.Random) -> Doc:
    """A housing co-operative's rent account: charges and payments in pounds and pence
    columns, "Balance owed" at the foot, no date to pay by."""
    style = Style(face="serif", point=10.0)
    d = draw(rng, COOPS, ref="coop", low=15_000, high=160_000)
    shape = shape_of(rng, ord_abbr, slash)
    rent = rng.randrange(9_000, 13_500)
    page = Sheet(style)
    page.logo("A S H B U R T O N", d.creditor, size=22.0)
    page.gap().add(*addressee(d, 0.08)).gap()
    page.add((t(0.08, "Tenancy"), t(0.3, d.ref, True)))
    page.add((t(0.08, "Statement"), t(0.3, shape(d.letter_date)))).gap()
    page.add((t(0.08, "Your rent account", True, size=12.0),)).gap()
    page.add(
        (t(0.1, "Week", True), t(0.3, "Entry", True), rt(0.72, "£", True), rt(0.8, "p", True))
    ).rule(0.1, 0.8)
    start = d.balance - 4 * rent + 2 * rent
    page.add(_pence_row("Brought forward", start))
    when = d.letter_date - dt.timedelta(days=28)
    for n in range(4):
        page.add(
            (
                t(0.1, f"{(when + dt.timedelta(days=7 * n)):%d/%m}"),
                *_pence_row("Rent charged", rent, x=0.3),
            )
        )
        if n % 2:
            page.add(
                (
                    t(0.1, f"{(when + dt.timedelta(days=7 * n + 2)):%d/%m}"),
                    *_pence_row("Payment", rent, x=0.3),
                )
            )
    page.rule(0.1, 0.8).add(_pence_row("Balance owed", d.balance, True)).gap()
    page.para(
        "Please speak to the co-op's treasurer if you are having difficulty paying your rent. Members in arrears cannot vote at general meetings.",
        size=8.5,
    )
    return Doc(truth=debt(C.RENT_ARREARS, d), sheets=[page], style=style)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    return _email(rng) if i % 2 == 0 else _home_shopping(rng)


def _email(rng: random.Random) -> Doc:
    """A pay-later reminder printed from an e-mail: "From:", "Sent:", "Subject:" lines, the
    sums in a sentence and a short table."""
    style = Style(face="dvsans", point=9.5)
    d = draw(rng, BNPL, ref="order", low=3_000, high=90_000, days=(3, 5, 7))
    missed = max(d.balance // 4, 1_000)
    domain = d.creditor.split()[0].lower()
    page = Sheet(style)
    page.add((t(0.06, f"From:  {d.creditor} <help@{domain}.co.uk>"),))
    page.add((t(0.06, f"Sent:  {us(d.letter_date)} 09:{rng.randrange(10, 59)}"),))
    page.add((t(0.06, f"To:  {d.first.lower()}.{d.surname.lower()}@examplemail.co.uk"),))
    page.add((t(0.06, f"Subject:  Your payment is overdue - order {d.ref}", True),)).rule().gap()
    page.add((t(0.06, f"Hi {d.first},"),)).gap()
    page.para(
        f"We tried to take your payment of {money(missed)} but it didn't go through. Your order {d.ref} is now overdue and we've paused your account.",
        x=0.06,
        right=0.94,
    )
    page.gap()
    page.add((t(0.1, "Missed payment"), rt(0.6, money(missed))))
    page.add((t(0.1, "Late fee"), rt(0.6, "£6.00")))
    page.add((t(0.1, "Total outstanding", True), rt(0.6, money(d.balance), True))).gap()
    page.para(
        f"Please pay what's overdue in the app by {us(d.deadline)}. If you can't, reply to this email and we'll look at a plan. If nothing is paid we may pass the account to a debt collection agency.",
        x=0.06,
        right=0.94,
    )
    page.gap().add((t(0.06, f"The {d.creditor.split()[0]} team"),))
    page.footer(
        (
            t(
                0.06,
                f"{d.creditor} is authorised and regulated by the Financial Conduct Authority. Company no. {digits(rng, 8)}.",
                size=SMALL,
            ),
        )
    )
    return Doc(
        truth=debt(C.BNPL_CATALOGUE_ARREARS, d, deadline_date=d.deadline),
        sheets=[page],
        style=style,
    )


def _home_shopping(rng: random.Random) -> Doc:
    """A home-shopping catalogue's arrears letter: the account in a right-hand margin box
    with the credit limit and the arrears as distractors beside "Total balance"."""
    style = Style(face="dvserif", point=9.5)
    d = draw(rng, CATALOGUES, ref="catalogue", low=8_000, high=150_000, days=(10, 14))
    shape = shape_of(rng, ord_abbr, dotted, upper)
    arrears = max(d.balance // 5, 1_500)
    page = Sheet(style)
    page.logo(logo_word(d.creditor), d.creditor, size=20.0)
    page.gap()
    body: list[Row] = [
        *addressee(d, 0.06),
        (),
        (t(0.06, "Your account is in arrears", True, size=12.0),),
        (),
    ]
    body += page.wrapped(
        f"{d.dear}, we have not received the payments due on your shopping account and it is {money(arrears)} in arrears. Please bring it up to date by {shape(d.deadline)}.",
        0.06,
        0.62,
    )
    body += [()]
    body += page.wrapped(
        "Until the arrears are paid you will not be able to place new orders. If we do not hear from you, we may end your agreement and ask you to pay the total balance.",
        0.06,
        0.62,
    )
    page.margin(
        body,
        [
            ("Account number", d.ref),
            ("Date", shape(d.letter_date)),
            ("Credit limit", money(rng.randrange(50_000, 250_000, 5_000))),
            ("Arrears", money(arrears)),
            ("Total balance", money(d.balance)),
        ],
        x0=0.66,
    )
    page.footer(registered(rng, d.creditor))
    return Doc(
        truth=debt(C.BNPL_CATALOGUE_ARREARS, d, deadline_date=d.deadline),
        sheets=[page],
        style=style,
    )


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    """A solicitor's letter of claim under the pre-action protocol: "Our ref / Your ref"
    pairs, the debt in a small table, a reply form on page 2."""
    style = Style(face="serif", point=10.0)
    sold = i % 2 == 1
    d = draw(
        rng,
        PURCHASERS if sold else LENDERS,
        writers=SOLICITORS,
        ref="grouped",
        low=50_000,
        high=800_000,
        days=(30,),
    )
    shape = shape_of(rng, ord_long, dotted, us)
    interest = d.balance // 25
    one = Sheet(style)
    one.add(
        (t(0.06, d.writer, True, size=18.0),),
        (t(0.06, "Solicitors  -  2 Tombland, Norwich NR3 1HA  -  DX 5210 Norwich", size=SMALL),),
    ).rule().gap()
    one.add((t(0.06, d.person), t(0.6, f"Our ref: {d.writer_ref}")))
    one.add((t(0.06, d.address[0]), t(0.6, f"Your ref: {d.ref}")))
    one.add((t(0.06, d.address[1]), t(0.6, f"Date: {shape(d.letter_date)}")))
    one.add((t(0.06, d.address[2]),)).gap()
    one.add((t(0.06, "LETTER OF CLAIM", True, size=12.0),)).gap()
    origin = (
        f" The account was opened with {d.original} and has since been assigned to our client."
        if sold
        else ""
    )
    one.para(
        f"{d.dear}. We act for {d.creditor}.{origin} This letter is sent under the Pre-Action Protocol for Debt Claims.",
        x=0.06,
        right=0.94,
    )
    one.gap()
    one.add((t(0.1, "Principal"), rt(0.7, money(d.balance - interest))))
    one.add((t(0.1, "Contractual interest"), rt(0.7, money(interest))))
    one.add((t(0.1, "Sum now owed", True), rt(0.7, money(d.balance), True))).gap()
    one.para(
        f"Please pay the sum now owed, or complete and return the reply form, by {shape(d.deadline)}. If we do not hear from you by then our client may start court proceedings without further notice.",
        x=0.06,
        right=0.94,
    )
    one.gap().para(
        "Enclosed: Information Sheet, Reply Form, Financial Statement. You should seek debt advice, for example from StepChange or Citizens Advice.",
        x=0.06,
        right=0.94,
        size=8.5,
    )
    one.footer(
        (
            t(
                0.06,
                f"{d.writer} is authorised and regulated by the Solicitors Regulation Authority, SRA no. {digits(rng, 6)}.",
                size=SMALL,
            ),
        )
    )
    two = Sheet(style)
    two.add((t(0.06, "REPLY FORM", True, size=14.0),)).gap()
    two.add((t(0.06, f"To {d.writer}, quoting {d.writer_ref}"),)).gap()
    for text in (
        "I agree I owe the debt and will pay it",
        "I agree I owe the debt but need time to pay",
        "I dispute the debt, for the reasons below",
        "I need more information or documents",
    ):
        row = len(two.rows)
        two.add((t(0.1, text),))
        two.rects.append(Rect(row, row, 0.06, 0.085))
    two.gap().add(
        (
            t(
                0.06,
                "Name ....................................   Signed ....................................",
            ),
        )
    )
    extra: dict[str, object] = {"original_creditor": d.original} if sold else {}
    return Doc(
        truth=debt(C.LETTER_OF_CLAIM, d, deadline_date=d.deadline, **extra),
        sheets=[one, two],
        style=style,
    )


# -- income ------------------------------------------------------------------------------------

PERIODS = {"weekly": 52, "fortnightly": 26, "four_weekly": 13, "monthly": 12}


def _pay(rng: random.Random, frequency: str) -> tuple[int, int, int, int, int]:
    """(gross, tax, NI, pension, net) for one pay period."""
    yearly = rng.randrange(14_000_00, 41_000_00)
    gross = yearly // PERIODS[frequency]
    allowance = 12_570_00 // PERIODS[frequency]
    tax = max(gross - allowance, 0) // 5
    ni = max(gross - allowance, 0) * 8 // 100
    pension = gross * 3 // 100
    return gross, tax, ni, pension, gross - tax - ni - pension


def payslip(rng: random.Random, i: int) -> Doc:
    frequency = ("monthly", "weekly", "four_weekly", "fortnightly")[i % 4]
    return _bureau_payslip(rng, frequency) if i % 2 == 0 else _umbrella_payslip(rng, frequency)


def _bureau_payslip(rng: random.Random, frequency: str) -> Doc:
    """A payroll bureau's pre-printed payslip in a monospaced face: payments and deductions
    side by side as bare figures, the totals in a ruled box at the foot."""
    style = Style(face="mono", point=9.0)
    employer = rng.choice(EMPLOYERS)
    pay_date = dt.date(2025, 4, 1) + dt.timedelta(days=rng.randrange(580))
    gross, tax, ni, pension, net = _pay(rng, frequency)
    _title, first, surname = rng.choice(PEOPLE)
    page = Sheet(style)
    page.add(
        (t(0.06, employer.upper(), True),), (t(0.06, "PAYROLL BY ORFORD BUREAU SERVICES"),)
    ).rule(0.06, 0.94)
    page.add(
        (t(0.06, f"EMPLOYEE: {surname.upper()} {first[0]}"), t(0.5, f"PAY DATE: {slash(pay_date)}"))
    )
    page.add(
        (
            t(0.06, f"EMP NO: {digits(rng, 5)}"),
            t(0.5, f"PAY PERIOD: {FREQUENCY_SHOWN[frequency][2]}"),
        )
    )
    page.add(
        (t(0.06, "TAX CODE: 1257L"), t(0.5, f"NI NO: {letters(rng, 2)}{digits(rng, 6)}C"))
    ).rule(0.06, 0.94)
    page.add(
        (
            t(0.06, "PAYMENTS", True),
            rt(0.44, "AMOUNT", True),
            t(0.5, "DEDUCTIONS", True),
            rt(0.94, "AMOUNT", True),
        )
    )
    hours = rng.randrange(16, 40)
    page.add(
        (
            t(0.06, f"BASIC {hours} HRS"),
            rt(0.44, bare(gross)),
            t(0.5, "PAYE TAX"),
            rt(0.94, bare(tax)),
        )
    )
    page.add((t(0.5, "NAT INS"), rt(0.94, bare(ni))))
    page.add((t(0.5, "PENSION"), rt(0.94, bare(pension)))).gap()
    first_row = len(page.rows)
    page.add(
        (
            t(0.08, "TOTAL GROSS PAY"),
            rt(0.44, bare(gross)),
            t(0.5, "TOTAL DEDUCTIONS"),
            rt(0.92, bare(tax + ni + pension)),
        )
    )
    page.add((t(0.5, "NET PAY", True), rt(0.92, bare(net), True)))
    page.rects.append(Rect(first_row, first_row + 1, 0.06, 0.94))
    page.gap().add(
        (t(0.06, f"YTD GROSS {bare(gross * rng.randrange(2, 11))}   YTD TAX {bare(tax * 5)}"),)
    )
    page.gap().add((t(0.06, "PAID BY BACS. PLEASE KEEP THIS PAYSLIP.", size=8.0),))
    truth = Truth(
        document_class=C.PAYSLIP,
        payer_name=employer,
        letter_date=pay_date,
        income_pence=net,
        gross_pence=gross,
        frequency=frequency,
    )
    return Doc(truth=truth, sheets=[page], style=style)


def _umbrella_payslip(rng: random.Random, frequency: str) -> Doc:
    """An umbrella company's payslip: a header band (employer, pay date, frequency, tax
    code), the assignment income as a distractor, "Net pay" at the foot of a table."""
    style = Style(face="dvserif", point=9.5)
    employer = rng.choice(UMBRELLAS)
    pay_date = dt.date(2025, 4, 1) + dt.timedelta(days=rng.randrange(580))
    gross, tax, ni, pension, net = _pay(rng, frequency)
    shape = shape_of(rng, ord_abbr, us, dotted)
    _title, first, surname = rng.choice(PEOPLE)
    margin = rng.randrange(2_000, 3_500)
    page = Sheet(style)
    page.add((t(0.05, "Payslip", True, size=20.0), rt(0.95, f"{first} {surname}", True))).gap()
    page.band(
        [
            ("Employer", employer),
            ("Pay date", shape(pay_date)),
            ("Paid", FREQUENCY_SHOWN[frequency][0]),
        ],
        (0.05, 0.5, 0.74),
    )
    page.gap()
    page.add(
        (t(0.08, "Assignment income received"), rt(0.9, money(gross + margin + gross * 13 // 100)))
    )
    page.add(
        (
            t(0.08, "Less umbrella margin and employer's costs"),
            rt(0.9, paren(margin + gross * 13 // 100)),
        )
    )
    page.rule(0.08, 0.9)
    page.add((t(0.08, "Gross pay", True), rt(0.9, money(gross), True)))
    page.add((t(0.08, "Income tax"), rt(0.9, paren(tax))))
    page.add((t(0.08, "Employee National Insurance"), rt(0.9, paren(ni))))
    page.add((t(0.08, "Pension (salary sacrifice not applied)"), rt(0.9, paren(pension))))
    page.rule(0.08, 0.9).add((t(0.08, "Net pay", True), rt(0.9, money(net), True))).gap()
    page.para(
        "Figures in brackets are deductions. Your holiday pay is included in your gross pay.",
        x=0.08,
        right=0.9,
        size=8.5,
    )
    page.footer(registered(rng, employer, vat=False))
    truth = Truth(
        document_class=C.PAYSLIP,
        payer_name=employer,
        letter_date=pay_date,
        income_pence=net,
        gross_pence=gross,
        frequency=frequency,
    )
    return Doc(truth=truth, sheets=[page], style=style)


def bank_statement(rng: random.Random, i: int) -> Doc:
    return _credit_union(rng) if i % 2 == 0 else _online_statement(rng)


_ITEMS = (
    ("WAGES", 61_200),
    ("ELECTRIC DD", -7_400),
    ("RENT SO", -52_000),
    ("CARD COOP FOOD", -3_415),
    ("TV LICENCE DD", -1_450),
    ("CASH ATM", -4_000),
    ("CHILD BENEFIT", 10_220),
    ("PHONE DD", -1_899),
    ("CARD PETROL", -3_500),
    ("COUNCIL TAX DD", -14_300),
    ("TRANSFER FROM SAVINGS", 5_000),
    ("CARD PHARMACY", -830),
)


def _credit_union(rng: random.Random) -> Doc:
    """A credit union statement: a header band with the statement date, the balance column
    as "1234.56CR"."""
    style = Style(face="dvsans", point=9.0)
    bank = BANKS[0]
    d = draw(rng, (bank,))
    shape = shape_of(rng, ord_abbr, slash, upper)
    start = d.letter_date - dt.timedelta(days=28)
    page = Sheet(style)
    page.logo("B E A C O N   H I L L", bank + "  -  members' current account", size=20.0)
    page.gap()
    page.band(
        [
            ("Member number", digits(rng, 6)),
            ("Statement date", shape(d.letter_date)),
            ("Period from", slash(start)),
            ("Sheet", str(rng.randrange(2, 40))),
        ],
        (0.05, 0.28, 0.52, 0.74),
    )
    page.gap().add(*addressee(d, 0.08)).gap()
    page.add(
        (
            t(0.06, "Date", True),
            t(0.18, "Details", True),
            rt(0.6, "Out", True),
            rt(0.76, "In", True),
            rt(0.94, "Balance", True),
        )
    ).rule(0.06, 0.94)
    balance = rng.randrange(10_000, 60_000)
    page.add((t(0.06, start.strftime("%d/%m")), t(0.18, "OPENING BALANCE"), rt(0.94, cr(balance))))
    day = start
    for text, amount in _ITEMS:
        day += dt.timedelta(days=2)
        balance += amount
        shown = cr(balance) if balance >= 0 else bare(-balance) + "DR"
        money_cell = rt(0.6, bare(-amount)) if amount < 0 else rt(0.76, bare(amount))
        page.add((t(0.06, day.strftime("%d/%m")), t(0.18, text), money_cell, rt(0.94, shown)))
    page.rule(0.06, 0.94).gap()
    page.para(
        "CR: in credit. Your savings and loans are shown on a separate statement. Beacon Hill Credit Union is authorised by the PRA and regulated by the FCA and the PRA.",
        x=0.06,
        right=0.94,
        size=8.0,
    )
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=d.letter_date),
        sheets=[page],
        style=style,
    )


def _online_statement(rng: random.Random) -> Doc:
    """An online-banking statement printed over two pages: money out in brackets, the
    statement date in the heading block, the closing balance on page 2."""
    style = Style(face="serif", point=9.5)
    bank = BANKS[1]
    d = draw(rng, (bank,))
    shape = shape_of(rng, us, ord_long, dotted)
    start = d.letter_date - dt.timedelta(days=30)
    one = Sheet(style)
    one.add(
        (t(0.05, bank, True, size=16.0),),
        (t(0.05, "Online Banking  -  statement view", size=SMALL),),
    ).gap()
    one.add((t(0.05, d.person), t(0.56, "Statement date"), rt(0.94, shape(d.letter_date))))
    one.add((t(0.05, d.address[0]), t(0.56, "Sort code"), rt(0.94, sort_code(rng))))
    one.add(
        (
            t(0.05, f"{d.address[1]} {d.address[2]}"),
            t(0.56, "Account number"),
            rt(0.94, digits(rng, 8)),
        )
    ).gap()
    one.add(
        (
            t(0.05, "Date", True),
            t(0.2, "Transaction", True),
            rt(0.72, "Amount", True),
            rt(0.94, "Balance", True),
        )
    ).rule()
    balance = rng.randrange(20_000, 90_000)
    rows: list[Row] = []
    day = start
    for text, amount in _ITEMS:
        day += dt.timedelta(days=2)
        balance += amount
        amount_text = paren(-amount) if amount < 0 else money(amount)[1:]
        rows.append(
            (
                t(0.05, us(day)),
                t(0.2, text.title()),
                rt(0.72, amount_text),
                rt(0.94, money(abs(balance))[1:]),
            )
        )
    one.add(*rows[:7])
    one.footer((rt(0.94, "Page 1 of 2", size=SMALL),))
    two = Sheet(style)
    two.add((t(0.05, "Transactions (continued)", True),)).gap()
    two.add(
        (
            t(0.05, "Date", True),
            t(0.2, "Transaction", True),
            rt(0.72, "Amount", True),
            rt(0.94, "Balance", True),
        )
    ).rule()
    two.add(*rows[7:]).rule()
    two.add((t(0.2, "Closing balance", True), rt(0.94, money(abs(balance))[1:], True))).gap()
    two.para("Amounts in brackets are payments out of your account.", x=0.05, right=0.94, size=8.0)
    two.footer((rt(0.94, "Page 2 of 2", size=SMALL),))
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=d.letter_date),
        sheets=[one, two],
        style=style,
    )


def benefit(rng: random.Random, i: int) -> Doc:
    return _war_pension(rng) if i % 2 == 0 else _dfc_award(rng)


def _war_pension(rng: random.Random) -> Doc:
    """A War Pension award from Veterans UK: the award in a right-hand margin box, paid
    every four weeks, the weekly rate as a distractor."""
    style = Style(face="serif", point=10.0)
    payer = "Veterans UK"
    weekly = rng.randrange(40_00, 260_00)
    paid = weekly * 4
    letter = dt.date(2025, 4, 14) + dt.timedelta(days=rng.randrange(520))
    shape = shape_of(rng, ord_long, dotted, slash)
    d = draw(rng, (payer,))
    page = Sheet(style)
    page.logo(
        "VETERANS UK", "Ministry of Defence  -  Norcross, Thornton-Cleveleys FY5 3WP", size=24.0
    )
    page.gap()
    body: list[Row] = [
        *addressee(d, 0.06),
        (),
        (t(0.06, "Your War Pension award", True, size=12.0),),
        (),
    ]
    body += page.wrapped(
        f"We have decided your claim. Your War Pension is {money(weekly)} a week. It will be paid into your bank account every four weeks, in arrears: {money(paid)} each time.",
        0.06,
        0.62,
    )
    body += [()]
    body += page.wrapped(
        "Tell us straight away if your address or bank details change.", 0.06, 0.62
    )
    page.margin(
        body,
        [
            ("Date of letter", shape(letter)),
            ("Service number", f"{digits(rng, 8)}"),
            ("Weekly rate", money(weekly)),
            ("Paid every 4 weeks", money(paid)),
        ],
        x0=0.66,
    )
    page.gap().para(
        "War Pensions are not taxable and do not count as income for most means-tested benefits. If you disagree with this decision you can ask for a mandatory reconsideration.",
        x=0.06,
        right=0.94,
        size=8.5,
    )
    truth = Truth(
        document_class=C.BENEFIT_AWARD,
        payer_name=payer,
        letter_date=letter,
        income_pence=paid,
        frequency="four_weekly",
    )
    return Doc(truth=truth, sheets=[page], style=style)


def _dfc_award(rng: random.Random) -> Doc:
    """A Department for Communities award (Northern Ireland): a header band, the amount
    paid each week in a sentence and in a small table."""
    style = Style(face="dvsans", point=9.5)
    payer = "Department for Communities"
    weekly = rng.randrange(70_00, 120_00)
    letter = dt.date(2025, 4, 14) + dt.timedelta(days=rng.randrange(520))
    shape = shape_of(rng, us, upper, ord_abbr)
    d = draw(rng, (payer,))
    page = Sheet(style)
    page.add(
        (t(0.05, payer, True, size=17.0),),
        (
            t(
                0.05,
                "Carer's Allowance Unit  -  Level 6, Lighthouse Building, Belfast BT3 9DT",
                size=SMALL,
            ),
        ),
    ).gap()
    page.band(
        [
            ("Date", shape(letter)),
            (
                "National Insurance number",
                f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} A",
            ),
            ("Phone", "0800 587 0912"),
        ],
        (0.05, 0.3, 0.68),
    )
    page.gap().add(*addressee(d, 0.08)).gap()
    page.add((t(0.08, "Carer's Allowance: our decision", True, size=12.0),)).gap()
    page.para(
        f"You are entitled to Carer's Allowance from {shape(letter - dt.timedelta(days=21))}. We will pay you {money(weekly)} each week, into your account, on a Monday."
    )
    page.gap().add(
        (t(0.1, "Carer's Allowance"), rt(0.6, money(weekly))), (t(0.1, "Paid"), rt(0.6, "weekly"))
    ).gap()
    page.para(
        "You must tell us at once about any change in your earnings or in the care you give. If you are paid too much you may have to pay it back.",
        size=8.5,
    )
    truth = Truth(
        document_class=C.BENEFIT_AWARD,
        payer_name=payer,
        letter_date=letter,
        income_pence=weekly,
        frequency="weekly",
    )
    return Doc(truth=truth, sheets=[page], style=style)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: a money-advice charity's appointment letter (dates, a reference, no
    debt) or a card issuer's balance-transfer offer (a credit limit, rates, no arrears)."""
    d = draw(rng, LENDERS)
    if i % 2 == 0:
        style = Style(face="dvserif", point=10.0)
        when = d.letter_date + dt.timedelta(days=rng.randrange(4, 15))
        page = Sheet(style)
        page.logo("W E A V E R S", CHARITY + "  -  free, independent, confidential", size=22.0)
        page.gap().add(*addressee(d, 0.08)).gap()
        page.add((t(0.08, ord_long(d.letter_date)),)).gap()
        page.add((t(0.08, "Your appointment with a money adviser", True, size=12.0),)).gap()
        page.para(
            f"{d.dear}, thank you for contacting us. Your appointment is on {ord_long(when)} at 10.30am at our Market Street office. It will take about an hour."
        )
        page.gap().para(
            "Please bring any letters from the people you owe money to, your last three months' bank statements, payslips or benefit letters, and your household bills. Our help is free."
        )
        page.footer(
            (
                t(
                    0.06,
                    f"{CHARITY} is a registered charity no. {digits(rng, 7)} and is authorised by the FCA.",
                    size=SMALL,
                ),
            )
        )
        return Doc(truth=Truth(document_class=C.OTHER), sheets=[page], style=style)
    style = Style(face="dvsans", point=9.5)
    page = Sheet(style)
    page.logo(logo_word(d.creditor), d.creditor, size=22.0)
    page.gap().add(*addressee(d, 0.08)).gap()
    page.add((t(0.08, "0% on balance transfers for 24 months", True, size=13.0),)).gap()
    page.para(
        f"{d.dear}, as a valued customer you can move balances from other cards to your card with us and pay no interest on them for 24 months. A fee of 2.9% applies."
    )
    page.gap().add(
        (t(0.1, "Your credit limit"), rt(0.6, money(rng.randrange(100_000, 600_000, 50_000))))
    )
    page.add((t(0.1, "Representative APR"), rt(0.6, "24.9% variable"))).gap()
    page.para(
        "This offer is not a demand for payment and nothing is owed because of it. You do not need to do anything if you do not want to use it.",
        size=8.5,
    )
    page.footer(registered(rng, d.creditor))
    return Doc(truth=Truth(document_class=C.OTHER), sheets=[page], style=style)


TEMPLATES: tuple[tuple[DocumentClass, Template], ...] = (
    (C.CREDITOR_LETTER, creditor_letter),
    (C.COURT_CLAIM_N1, claim_form),
    (C.COUNTY_COURT_JUDGMENT, judgment),
    (C.ENFORCEMENT_AGENT_NOTICE, enforcement_notice),
    (C.STATUTORY_DEMAND, statutory_demand),
    (C.COUNCIL_TAX, council_tax),
    (C.UTILITY_BILL, utility_bill),
    (C.UTILITY_ARREARS, utility_arrears),
    (C.MAGISTRATES_FINE, magistrates_fine),
    (C.NOTICE_OF_ASSIGNMENT, assignment),
    (C.OVERPAYMENT, overpayment),
    (C.MORTGAGE_ARREARS, mortgage_arrears),
    (C.RENT_ARREARS, rent_arrears),
    (C.BNPL_CATALOGUE_ARREARS, bnpl_catalogue),
    (C.LETTER_OF_CLAIM, letter_of_claim),
    (C.PAYSLIP, payslip),
    (C.BANK_STATEMENT, bank_statement),
    (C.BENEFIT_AWARD, benefit),
    (C.OTHER, other),
)
"""Every class, in a fixed order (never a set: the order decides the draws)."""


# -- the family ----------------------------------------------------------------------------------


@frozen(kw_only=True)
class OSample(Sample):
    """A sample of family O: its style, boxes, rules and footers per page, and whether it is
    scanned turned through 90 degrees."""

    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()
    turned: bool = False


def build_o(per_class: int = 4, *, seed: int = 4015) -> list[OSample]:
    """``per_class`` documents of every class, held out, family ``<class>:O``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, OSample, turned=lambda doc: doc.turned)


# -- layout: words with exact boxes, text, images --------------------------------------------------


PRINT = Printer(_font, _measure)
"""The printed page (``corpus_print``, shared with the other families) in O's faces."""
page_size = PRINT.page_size
layout = PRINT.layout
_rows = PRINT.rows
o_words = PRINT.words
o_page_text = PRINT.page_text
o_text = PRINT.text
o_pages = PRINT.pages


@frozen(kw_only=True)
class OScan(Scan):
    """How O is printed and scanned: besides ``Scan``'s effects (dpi, skew, speckle, blur,
    grey paper), the ink's grey level (faint print), a fold shadow across the page and a
    JPEG round trip at ``jpeg`` quality before the page is saved as PNG or PDF."""

    ink: int = 25
    fold: bool = False
    jpeg: int = 0


SCANS = (
    OScan(dpi=225, jpeg=30, rotate=0.3),
    OScan(dpi=300, ink=105, paper=244),
    OScan(dpi=150, fold=True, noise=0.0008, rotate=-0.5),
    OScan(dpi=200, jpeg=45, ink=70, fold=True, blur=0.5),
)
"""225 dpi through a JPEG at quality 30, slightly skewed; 300 dpi in faint grey print on
off-white paper; 150 dpi with a fold shadow, speckled and skewed; 200 dpi in grey ink
through a JPEG at quality 45 with a fold shadow, softened."""


def _fold(image: Image.Image, seed: int) -> Image.Image:
    """A fold shadow: a dark band across the page a third of the way down, darkest on the
    crease, fading over a few millimetres either side."""
    width, height = image.size
    crease = round(height * (0.3 + 0.08 * random.Random(seed).random()))
    spread = max(4, height // 60)
    shade = Image.new("L", (width, height), 255)
    pen = ImageDraw.Draw(shade)
    for dy in range(-spread, spread + 1):
        level = 255 - (spread - abs(dy)) * 95 // spread
        pen.line((0, crease + dy, width, crease + dy), fill=level)
    return ImageChops.multiply(image, shade)


def render(sample: OSample, n: int, scan: OScan, seed: int = 0) -> Image.Image:
    width, height = page_size(sample, scan.dpi)
    image = Image.new("L", (width, height), scan.paper)
    pen = ImageDraw.Draw(image)
    tops, heights = _rows(sample, n, scan.dpi)
    body = round(sample.style.point / 72 * scan.dpi)
    line = max(1, scan.dpi // 120)
    for rect in sample.rects[n] if sample.rects else ():
        x0, x1 = round(rect.x0 * width), round(rect.x1 * width)
        y0 = tops[rect.first] - round(0.25 * body)
        y1 = tops[rect.last] + heights[rect.last] - round(0.2 * body)
        pen.rectangle(
            (x0, y0, x1, y1), fill=rect.fill, outline=scan.ink if rect.outline else None, width=line
        )
    for rule in sample.rules[n] if sample.rules else ():
        y = tops[rule.row] - round(0.25 * body) if rule.row < len(tops) else tops[-1] + heights[-1]
        x0, x1 = round(rule.x0 * width), round(rule.x1 * width)
        pen.line((x0, y, x1, y), fill=scan.ink, width=line)
    for p in layout(sample, n, scan.dpi):
        pen.text((p.left, p.top), p.cell.text, fill=scan.ink, font=p.font)
    if scan.fold:
        image = _fold(image, seed)
    if scan.noise:
        rng = random.Random(seed)
        pixels = image.load()
        assert pixels is not None
        for _ in range(int(width * height * scan.noise)):
            pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 90))
    if scan.blur:
        image = image.filter(ImageFilter.GaussianBlur(scan.blur))
    if scan.rotate:
        image = image.rotate(
            scan.rotate, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=scan.paper
        )
    if sample.turned:
        image = image.transpose(Image.Transpose.ROTATE_90)
    if scan.jpeg:
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=scan.jpeg)
        image = Image.open(io.BytesIO(out.getvalue())).convert("L")
    return image


def o_scanned(sample: OSample, index: int) -> tuple[bytes, str, OScan]:
    """The sample printed and scanned one of four ways: multi-page ones as one PDF; single
    pages as PNG (every other one without its resolution) or, one in three, as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 13 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or index % 3 == 2:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "OSample",
    "build_o",
    "o_pages",
    "o_scanned",
    "o_text",
    "o_words",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
