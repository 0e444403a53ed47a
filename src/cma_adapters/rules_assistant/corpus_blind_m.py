# ruff: noqa: E501, S311  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``M``, written blind: a second measure of how the reader
generalises, in another hand than ``L``.

``M`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Cell``/``Page``, ``Sample``, ``score``, ``sample_text``), family ``L``
(``corpus_blind.py``, for its interface and to avoid repeating it), families A-K (only to
avoid repeating their layouts and wording) and the reporting code of
``benchmarks/intake_accuracy.py`` -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``layout.py``, ``classifier.py``, ``statements.py``), nor any list of the
reader's misses. It is never used to write rules, to train or calibrate the classifier
(``build_corpus`` never yields it), nor to choose models: it is measured, and the
aggregate figures go into benchmarks/OCR.md. Its individual misses are not written down
anywhere; whoever reads them to change the reader makes ``M`` no longer blind and must say
so there.

``M`` is no longer blind: round 6 of the reader read its misses, and since round 7
the classifier is trained on it too (``read_families``; benchmarks/OCR.md, "Round 7").

What differs from A-D, H, K and L:

* who writes: card issuers' default notices and arrears statements over three pages, a
  debt purchaser's letter sent through a collection bureau, High Court enforcement
  officers, a letting agent writing for a landlord, a payroll bureau issuing an
  employer's payslips, HMRC's Child Benefit Office, a water company's annual bill, a
  creditor's "we have sold your account" letter (the letterhead is the *old* creditor);
* layouts: ruled boxed tables with the amounts right-aligned against the column edge,
  labels printed *under* their values (the "signature strip" of a payslip, reference
  boxes), court headings with the role after the name ("... Claimant"), values only in
  sentences, header reference bands and footer reference blocks at the foot of every
  page, fields on page 2 or page 3 of three;
* faces and sizes: DejaVu Serif, Liberation Serif and DejaVu/Liberation Mono, several
  sizes on one page (14 pt headings, 10-11 pt body, 7.5 pt small print);
* dates as "3/12/26", "03 DEC 2026", "2026-12-03", "3rd of December 2026", "this 3rd day
  of December 2026", "3 Dec 26" and "Thu 03/12/2026"; amounts as "£1,234.56",
  "1,234.56", "1234.56", "£1234.56" and "GBP 1,234.56";
* distractors: several amounts (arrears beside balance, instalments, fees, YTD totals,
  weekly rates), several dates (agreement, default, hearing, first payment, period
  start), an agency's own reference beside the creditor's, bank details in "how to pay"
  boxes, telephone, FCA, company and VAT numbers, NI and NHS numbers, a payroll bureau
  beside the employer;
* scans at 150, 180, 220 and 300 dpi: skew, speckle, blur, grey paper, faint ink, a fold
  shadow and punch holes; PNG (with and without its resolution) and PDF.

Ground truth follows L's conventions: ``creditor_name`` is whoever is owed now (an
agency's or a solicitor's client, the claimant, the assignee of a sold debt, the landlord
a letting agent collects for, the council or judgment creditor behind an enforcement
agent), ``original_creditor`` the creditor a sold debt began with where the document names
it, ``account_reference`` the account with the creditor named (an agency's own reference
is a distractor), except on an enforcement notice, where the agent's case reference is
what must be quoted; ``balance_pence`` what is owed now (arrears on a mortgage or rent
letter, the total on a claim, judgment or demand, the year's charge on a council-tax
bill); ``letter_date`` the document's own date (a payslip's pay date, a statement's
date); ``deadline_date`` and ``served_date`` only where a date is printed.
"""

from __future__ import annotations

import datetime as dt
import random
import textwrap
from collections.abc import Callable, Sequence
from functools import cache

from attrs import frozen
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from cma_adapters.rules_assistant.corpus import (
    FIELDS,
    C,
    Cell,
    Row,
    Sample,
    Scan,
    Truth,
    encode_pages,
    money,
    ordinal_date,
)
from cma_core.documents.model import Box, DocumentClass, PageSource, PageText, Word

FAMILY = "M"

# -- values: M's own pools (no name shared with A-D, H, K or L) ---------------------------

LENDERS = (
    "Wansbeck Personal Loans Ltd",
    "Gadeside Card Services plc",
    "Hexham Finance plc",
    "Lindisfarne Motor Finance Ltd",
)
PURCHASERS = (
    "Trentham Receivables Ltd",
    "Oxbow Debt Acquisitions Ltd",
    "Calverley Portfolio Holdings Ltd",
)
AGENCIES = (
    "Dunstable Collection Bureau Ltd",
    "Kenmore Credit Control Ltd",
    "Swaledale Account Services Ltd",
)
SOLICITORS = ("Pemberton Grice Solicitors", "Ravensworth & Lowe LLP")
HCEOS = ("Redmire High Court Enforcement Ltd", "Tanfield Enforcement Agents Ltd")
COUNCILS = (
    "Cannock Chase District Council",
    "East Riding of Yorkshire Council",
    "Ceredigion County Council",
    "Redcar and Cleveland Borough Council",
)
ENERGY = ("Beacon Fuel & Power Ltd", "Saltburn Energy Supply Ltd")
WATER = ("Eden Valley Water Ltd", "Tees Water Services plc")
LANDLORDS = ("Harrowgate Estates Ltd", "Kingsmead Property Holdings Ltd")
LETTING_AGENTS = ("Beaumont Residential Lettings", "Castlegate Property Management")
HOUSING = ("Wansdyke Housing Group", "Brigantes Homes")
MORTGAGES = ("Fylde Coast Building Society", "Westmorland Home Finance plc")
BNPL = ("Sprout Instalments Ltd", "Kittiwake Pay Ltd")
CATALOGUES = ("Pendle Home Shopping Ltd", "Marsden Direct Catalogue Ltd")
FINES = ("HM Courts & Tribunals Service",)
EMPLOYERS = (
    "Tynemouth Community Care Ltd",
    "Holderness Foods Ltd",
    "Skipton Print Works Ltd",
)
BUREAUS = ("Airedale Payroll Bureau Ltd", "Tarn Payroll Services")
BANKS = ("Ribblesdale Bank plc", "Morecambe Bay Building Society")
PEOPLE = (
    ("Mr", "Daniel", "Okafor"),
    ("Mrs", "Helen", "Rowntree"),
    ("Ms", "Zofia", "Kowalczyk"),
    ("Mr", "Gareth", "Pritchard"),
    ("Miss", "Leanne", "Harper"),
)
ADDRESSES = (
    ("22 Ravensworth Terrace", "Gateshead", "NE8 4DL"),
    ("Flat 9, Milton Court", "Hull", "HU3 2QT"),
    ("5 Maes y Deri", "Aberystwyth", "SY23 1PL"),
    ("68 Wolverhampton Road", "Stafford", "ST17 4AW"),
    ("3 Skelton Close", "Redcar", "TS10 2HE"),
)
COURTS = ("Middlesbrough", "Stafford", "Kingston-upon-Hull", "Aberystwyth")


# -- date and money shapes -----------------------------------------------------------------


def slash_short(date: dt.date) -> str:
    """3/12/26"""
    return f"{date.day}/{date.month}/{date:%y}"


def upper_abbr(date: dt.date) -> str:
    """03 DEC 2026"""
    return f"{date:%d} {date:%b}".upper() + f" {date.year}"


def iso(date: dt.date) -> str:
    return date.isoformat()


def of_ordinal(date: dt.date) -> str:
    """3rd of December 2026"""
    day, rest = ordinal_date(date).split(" ", 1)
    return f"{day} of {rest}"


def legal(date: dt.date) -> str:
    """3rd day of December 2026 (after "Dated this")"""
    day, rest = ordinal_date(date).split(" ", 1)
    return f"{day} day of {rest}"


def short_abbr(date: dt.date) -> str:
    """3 Dec 26"""
    return f"{date.day} {date:%b %y}"


def day_slash(date: dt.date) -> str:
    """Thu 03/12/2026"""
    return f"{date:%a %d/%m/%Y}"


def long(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (
    slash_short, upper_abbr, iso, of_ordinal, legal, short_abbr, day_slash, long,
)  # fmt: skip


def plain(pence: int) -> str:
    """1,234.56 (in a column headed "£")."""
    return money(pence)[1:]


def bare(pence: int) -> str:
    """1234.56 (computer-printed, no separators)."""
    return f"{pence // 100}.{pence % 100:02d}"


def pounds_bare(pence: int) -> str:
    return "£" + bare(pence)


def gbp(pence: int) -> str:
    return "GBP " + plain(pence)


MONEY_SHAPES: tuple[Callable[[int], str], ...] = (money, plain, bare, pounds_bare, gbp)

FREQUENCY_SHOWN = {
    "weekly": ("weekly", "every week"),
    "fortnightly": ("fortnightly", "every 2 weeks", "two-weekly"),
    "four_weekly": ("4 weekly", "every 4 weeks", "four-weekly"),
    "monthly": ("monthly", "every month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways M prints a true value (to check it is on the page, or in an OCR text)."""
    if isinstance(value, dt.date):
        return tuple(shape(value) for shape in DATE_SHAPES)
    if isinstance(value, int):
        return tuple(shape(value) for shape in MONEY_SHAPES)
    if field == "frequency":
        return FREQUENCY_SHOWN[str(value)]
    return (str(value),)


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


# -- cells, sheets and documents -------------------------------------------------------------


@frozen
class MCell(Cell):
    """A cell that may be right-aligned or centred on ``x`` and may have its own size."""

    align: str = "left"
    """``left``: ``x`` is the left edge; ``right``: the right edge; ``centre``: the middle."""
    size: float = 0.0
    """Point size; 0 means the document's body size."""


def c(x: float, text: str, bold: bool = False, *, size: float = 0.0) -> MCell:
    return MCell(x, text, bold, "left", size)


def r(x: float, text: str, bold: bool = False, *, size: float = 0.0) -> MCell:
    """Right-aligned: ``x`` is where the text ends."""
    return MCell(x, text, bold, "right", size)


def mid(x: float, text: str, bold: bool = False, *, size: float = 0.0) -> MCell:
    return MCell(x, text, bold, "centre", size)


SMALL = 7.5
HEAD = 14.0


@frozen
class Frame:
    """A ruled box around rows ``first``..``last`` of a page, from ``x0`` to ``x1``, with
    vertical rules at ``cols`` and (``ruled``) a rule between every two rows."""

    first: int
    last: int
    x0: float
    x1: float
    cols: tuple[float, ...] = ()
    ruled: bool = True
    every: int = 1
    """Rule between every ``every`` rows (2: a value and its label share a box)."""


class Sheet:
    """One page being written: rows, ruled boxes and where the footer block starts."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.frames: list[Frame] = []
        self.foot: int | None = None

    def add(self, *rows: Row) -> Sheet:
        self.rows.extend(rows)
        return self

    def gap(self, n: int = 1) -> Sheet:
        self.rows.extend(() for _ in range(n))
        return self

    def para(self, text: str, *, x: float = 0.08, width: int = 88, size: float = 0.0) -> Sheet:
        for line in textwrap.wrap(text, width):
            self.rows.append((MCell(x, line, False, "left", size),))
        return self

    def boxed(
        self,
        rows: Sequence[Row],
        *,
        x0: float,
        x1: float,
        cols: Sequence[float] = (),
        ruled: bool = True,
        every: int = 1,
    ) -> Sheet:
        first = len(self.rows)
        self.rows.extend(rows)
        self.frames.append(Frame(first, len(self.rows) - 1, x0, x1, tuple(cols), ruled, every))
        return self

    def footer(self, *rows: Row) -> Sheet:
        """Rows set at the foot of the page (a reference block, the page number)."""
        self.foot = len(self.rows)
        self.rows.extend(rows)
        return self


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    face: str = "serif"
    point: float = 10.5


Template = Callable[[random.Random, int], Doc]
"""``(rng, i)``: the i-th document of its class (variants alternate on ``i``)."""


@frozen(kw_only=True)
class Draw:
    creditor: str
    writer: str
    """Who sends the document when it is not the creditor (agency, solicitor, agent)."""
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
    def upper_name(self) -> str:
        return f"{self.title.upper()} {self.first[0]} {self.surname.upper()}"

    @property
    def dear(self) -> str:
        return f"Dear {self.title} {self.surname},"


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def reference(rng: random.Random, style: str) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    if style == "card":  # 16 digits in fours
        return " ".join(digits(rng, 4) for _ in range(4))
    if style == "agreement":
        return f"{rng.choice(letters)}{rng.choice(letters)}/{digits(rng, 9)}"
    if style == "threes":
        return " ".join(digits(rng, 3) for _ in range(4))
    if style == "mortgage":
        return f"{digits(rng, 10)}-0{rng.randrange(1, 4)}"
    if style == "council":
        return rng.choice("5678") + digits(rng, 7)
    if style == "tenancy":
        return f"T/{digits(rng, 6)}/{rng.randrange(1, 9)}"
    if style == "app":
        return f"{rng.choice(letters)}{rng.choice(letters)}-{rng.choice(letters)}{digits(rng, 1)}{rng.choice(letters)}{digits(rng, 1)}-{digits(rng, 4)}"
    if style == "fours":
        return " ".join(digits(rng, 4) for _ in range(3))
    if style == "fine":
        return f"{digits(rng, 2)}{digits(rng, 6)}{rng.choice('ABCDEFGH')}"
    if style == "water":
        return f"{digits(rng, 3)} {digits(rng, 4)} {digits(rng, 3)}"
    return f"{rng.choice(letters)}{digits(rng, 8)}"


def claim_number(rng: random.Random) -> str:
    """A county court hearing centre's shape, "E00MA123" (or the online "M" shape)."""
    letters = "ABCDEFGHJKLMNPRSTUVWXY"
    if rng.random() < 0.7:
        return f"{rng.choice('EFGHJK')}{digits(rng, 2)}{rng.choice(letters)}{rng.choice(letters)}{digits(rng, 3)}"
    return f"{digits(rng, 2)}M{rng.choice(letters)}{digits(rng, 5)}"


def draw(
    rng: random.Random,
    creditors: Sequence[str],
    *,
    writers: Sequence[str] = AGENCIES,
    originals: Sequence[str] = LENDERS,
    ref: str = "agreement",
    low: int = 10_000,
    high: int = 650_000,
    days: Sequence[int] = (7, 14, 21, 28),
) -> Draw:
    letter = dt.date(2025, 2, 10) + dt.timedelta(days=rng.randrange(620))
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
        ref=reference(rng, ref),
        writer_ref=f"{''.join(w[0] for w in writer.split()[:2]).upper()}{digits(rng, 8)}",
        claim=claim_number(rng),
        balance=rng.randrange(low, high),
        letter_date=letter,
        deadline=letter + dt.timedelta(days=rng.choice(days)),
        earlier=letter - dt.timedelta(days=rng.randrange(30, 400)),
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


def addressee(d: Draw, x: float = 0.08, *, upper: bool = False) -> list[Row]:
    name = d.upper_name if upper else d.person
    lines = [name, *d.address]
    if upper:
        lines = [line.upper() for line in lines]
    return [(c(x, line),) for line in lines]


def under(
    pairs: Sequence[tuple[str, str]], xs: Sequence[float], *, bold: bool = False
) -> list[Row]:
    """Values on one line, their labels in small type on the line under them."""
    return [
        tuple(c(x, value, bold) for x, (_, value) in zip(xs, pairs, strict=True)),
        tuple(c(x, label, size=SMALL) for x, (label, _) in zip(xs, pairs, strict=True)),
    ]


def ref_footer(left: str, right: str) -> list[Row]:
    """The footer reference block every page of a long letter carries."""
    return [(c(0.08, left, size=SMALL), r(0.92, right, size=SMALL))]


def bank_box(payee: str, quote: str, sort_code: str, account: str) -> list[Row]:
    return [
        (c(0.1, "How to pay", True),),
        (c(0.1, "Bank transfer:"), c(0.32, f"{payee}")),
        (c(0.1, "Sort code"), c(0.32, sort_code), c(0.52, "Account no."), c(0.7, account)),
        (c(0.1, "Reference"), c(0.32, quote)),
        (c(0.1, "Card payments 0300 123 7761 (24 hours)"),),
    ]


def fca(rng: random.Random) -> str:
    return f"FRN {rng.randrange(600_000, 999_999)}"


def company_no(rng: random.Random) -> str:
    return f"{rng.randrange(1, 13):02d}{digits(rng, 6)}"


def nino(rng: random.Random) -> str:
    return f"{rng.choice(('JT', 'NR', 'PW', 'SK'))} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}"


def business_days(start: dt.date, n: int) -> dt.date:
    day = start
    while n:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


# -- templates: creditors and agencies ------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    if i % 2 == 0:
        return _default_notice(rng)
    return _bureau_letter(rng)


def _default_notice(rng: random.Random) -> Doc:
    """A card issuer's default notice over three pages: the reference band on page 1, what
    must be paid (arrears, by when, and the whole balance) in a ruled table on page 2."""
    d = draw(rng, LENDERS, days=(16, 21, 28))
    arrears = max(d.balance // rng.choice((9, 12, 15)), 2_500)
    limit = (d.balance // 50_000 + 1) * 50_000
    agreed = d.earlier - dt.timedelta(days=rng.randrange(400, 1500))
    one = Sheet()
    one.add(
        (c(0.08, d.creditor, True, size=HEAD),),
        (c(0.08, "Collections and Recoveries, PO Box 3310, Durham DH1 9TT", size=SMALL),),
    ).gap()
    one.boxed(
        under(
            [("Account number", d.ref), ("Date of notice", upper_abbr(d.letter_date)), ("Enquiries", "0345 071 9932")],
            (0.08, 0.42, 0.7),
        ),
        x0=0.06, x1=0.94, cols=(0.4, 0.68), ruled=False,
    )  # fmt: skip
    one.gap().add(*addressee(d, upper=True)).gap()
    one.add((c(0.08, "DEFAULT NOTICE", True, size=12.0),))
    one.add((c(0.08, "Served under section 87(1) of the Consumer Credit Act 1974", True),)).gap()
    one.para("IMPORTANT - YOU SHOULD READ THIS CAREFULLY", width=80).gap()
    one.para(
        f"This notice is served by {d.creditor} about your credit card agreement dated {slash_short(agreed)}. You have not made the minimum payments that the agreement requires, and this is a breach of the agreement.",
        width=80,
    ).gap()
    one.para(
        "The action you must take to put this right, and the date by which you must take it, are set out on the next page. If you take that action before the date shown, no further enforcement action will be taken in respect of the breach.",
        width=80,
    ).gap()
    one.para(
        "If you have difficulty paying any sum owing under the agreement or taking any other action required by this notice, you can apply to the court, which may make an order allowing you or any surety more time.",
        width=80,
    )
    one.footer((c(0.08, f"Account number {d.ref}", size=SMALL), r(0.92, "Page 1 of 3", size=SMALL)))
    two = Sheet()
    two.add((c(0.08, "What you must do", True, size=12.0),)).gap()
    two.boxed(
        [
            (c(0.1, "Arrears: minimum payments not made"), r(0.9, money(arrears))),
            (c(0.1, "Pay the arrears on or before"), r(0.9, upper_abbr(d.deadline))),
            (c(0.1, "Credit limit"), r(0.9, money(limit))),
            (c(0.1, "Total balance of your account", True), r(0.9, money(d.balance), True)),
        ],
        x0=0.08, x1=0.92, cols=(0.7,),
    )  # fmt: skip
    two.gap().para(
        f"If the arrears of {money(arrears)} are not paid by {upper_abbr(d.deadline)}, we intend to end the agreement. We may then demand the total balance, pass your account to a collection agency or sell it, and register the default with credit reference agencies.",
        width=80,
    ).gap()
    two.para(
        "Interest will continue to be charged at the rate in your agreement. A default sum of £12.00 has been added to your account because of this breach.",
        width=80,
    ).gap()
    two.add(*bank_box(d.creditor, d.ref, "40-47-84", digits(rng, 8)))
    two.footer((c(0.08, f"Account number {d.ref}", size=SMALL), r(0.92, "Page 2 of 3", size=SMALL)))
    three = Sheet()
    three.add((c(0.08, "Arrears information sheet", True, size=12.0),)).gap()
    for text in (
        "The Financial Conduct Authority has produced this information sheet because you are behind with your payments. It explains what you can do and where to go for free, confidential advice.",
        "Talk to us. We may be able to agree lower payments, freeze interest or give you time to get advice. Call 0345 071 9932, Monday to Friday 8am to 8pm.",
        "Free advice: MoneyHelper 0800 138 7777; StepChange Debt Charity 0800 138 1111; National Debtline 0808 808 4000; Citizens Advice 0800 144 8848.",
        f"{d.creditor} is authorised and regulated by the Financial Conduct Authority, {fca(rng)}. Registered in England and Wales, company number {company_no(rng)}.",
    ):
        three.para(text, width=80).gap()
    three.footer(
        (c(0.08, f"Account number {d.ref}", size=SMALL), r(0.92, "Page 3 of 3", size=SMALL))
    )
    return Doc(
        truth=debt(C.CREDITOR_LETTER, d, deadline_date=d.deadline),
        sheets=[one, two, three],
        face="serif",
        point=10.0,
    )


def _bureau_letter(rng: random.Random) -> Doc:
    """A collection bureau for a debt purchaser: letterhead and references right-aligned,
    the account set out in a ruled box, the bank details on page 2."""
    d = draw(rng, PURCHASERS, days=(10, 14, 21))
    plan = max(d.balance // 60 // 100 * 100, 500)
    one = Sheet()
    one.add(
        (r(0.92, d.writer, True, size=13.0),),
        (r(0.92, "Bureau House, 14 Pilgrim Street, Newcastle upon Tyne NE1 6QF", size=SMALL),),
        (r(0.92, "Telephone 0191 498 0634   Text 07700 900412", size=SMALL),),
    ).gap()
    one.add(*addressee(d, upper=True)).gap()
    one.add(
        (r(0.92, f"Our reference: {d.writer_ref}"),), (r(0.92, of_ordinal(d.letter_date)),)
    ).gap()
    one.add((c(0.08, f"Your {d.original} account, now owned by {d.creditor}", True),)).gap()
    one.add((c(0.08, d.dear),)).gap()
    one.para(
        f"Your account with {d.original} was sold to {d.creditor} on {slash_short(d.earlier)}. {d.creditor} has asked us to contact you about the balance that is still owed. The details are below.",
        width=90,
    ).gap()
    one.boxed(
        [
            (c(0.1, "Owner of the debt"), r(0.9, d.creditor)),
            (c(0.1, "Original lender"), r(0.9, d.original)),
            (c(0.1, "Account number with the owner"), r(0.9, d.ref)),
            (c(0.1, "Balance outstanding", True), r(0.9, money(d.balance), True)),
        ],
        x0=0.08, x1=0.92, cols=(0.46,),
    )  # fmt: skip
    one.gap().para(
        f"Please pay the balance in full, or call us to set up a plan, by {day_slash(d.deadline)}. Plans can start from {money(plan)} a month and we will not add interest or charges while you keep to a plan.",
        width=90,
    ).gap()
    one.para(
        "If you are worried about money, free help is available from StepChange (0800 138 1111) or National Debtline (0808 808 4000). Tell us if you are getting advice and we will hold your account for 30 days.",
        width=90,
    )
    one.footer(
        (
            c(
                0.08,
                f"{d.writer} is authorised and regulated by the Financial Conduct Authority, {fca(rng)}.",
                size=SMALL,
            ),
        ),
        (c(0.08, f"Our reference {d.writer_ref}", size=SMALL), r(0.92, "Page 1 of 2", size=SMALL)),
    )
    two = Sheet()
    two.add((c(0.08, "Making a payment", True, size=12.0),)).gap()
    two.add(*bank_box(d.writer, d.writer_ref, "20-61-58", digits(rng, 8))).gap()
    two.add((c(0.08, "Your rights", True, size=12.0),)).gap()
    two.para(
        f"We are collecting this debt for {d.creditor}. If you think you do not owe it, or not all of it, tell us why in writing and we will stop collection while we look into it. You can ask us for a copy of your agreement and a statement of account.",
        width=90,
    ).gap()
    two.para(
        "If you are unhappy with our service you can complain to us and then to the Financial Ombudsman Service, Exchange Tower, London E14 9SR, 0800 023 4567.",
        width=90,
    )
    two.footer(
        (c(0.08, f"Our reference {d.writer_ref}", size=SMALL), r(0.92, "Page 2 of 2", size=SMALL))
    )
    truth = debt(C.CREDITOR_LETTER, d, original_creditor=d.original, deadline_date=d.deadline)
    return Doc(truth=truth, sheets=[one, two], face="lserif", point=11.0)


# -- templates: courts ----------------------------------------------------------------------


def court_fee(pence: int) -> int:
    for limit, fee in ((30_000, 3_500), (50_000, 5_000), (100_000, 7_000), (150_000, 8_000),
                       (300_000, 11_500), (500_000, 20_500)):  # fmt: skip
        if pence <= limit:
            return fee
    return max(pence * 5 // 100, 45_500)


def parties(claimant: str, defendant: str, note: str) -> list[Row]:
    """A court heading: each name with its role after it, on the right."""
    return [
        (c(0.08, claimant, True), r(0.92, "Claimant")),
        (c(0.08, note, size=SMALL),),
        (mid(0.5, "- and -"),),
        (c(0.08, defendant, True), r(0.92, "Defendant")),
    ]


def claim_form(rng: random.Random, i: int) -> Doc:
    """An N1 issued by a local hearing centre: the claim number in a ruled box, the parties
    as a court heading, the account number only in the particulars (page 2), the sums and
    (on half) the printed date of deemed service on page 3."""
    sold = i % 2 == 0
    printed_service = i % 4 in (0, 3)
    d = draw(rng, PURCHASERS if sold else LENDERS, writers=SOLICITORS, low=40_000, high=1_800_000)
    court = rng.choice(COURTS)
    fee = court_fee(d.balance)
    costs = 8_000 if d.balance > 50_000 else 5_000
    total = d.balance + fee + costs
    served = business_days(d.letter_date, 2)
    one = Sheet()
    one.add((c(0.08, "Claim Form", True, size=HEAD), r(0.92, "N1", True, size=HEAD)))
    one.add(
        (
            c(
                0.08,
                "You may be able to issue your claim online, which may save time and money.",
                size=SMALL,
            ),
        )
    ).gap()
    one.boxed(
        [
            (c(0.58, f"In the County Court at {court}", True),),
            (c(0.58, "Claim no."), r(0.92, d.claim)),
            (c(0.58, "Fee Account no."), r(0.92, f"PBA{digits(rng, 7)}")),
            (c(0.58, "Issue date"), r(0.92, upper_abbr(d.letter_date))),
        ],
        x0=0.56, x1=0.94,
    )  # fmt: skip
    one.gap().add(
        *parties(d.creditor, d.person, f"c/o {d.writer}, 9 Albert Square, Manchester M2 5PE")
    ).gap()
    one.add((c(0.08, "Brief details of claim", True),))
    one.para(
        "The claim is for the balance due under an agreement regulated by the Consumer Credit Act 1974"
        + (", which was assigned to the Claimant." if sold else ".")
        + " The Defendant has failed to pay the sums due under the agreement.",
        width=92,
    ).gap()
    one.add((c(0.08, "Value", True),))
    one.para(
        f"The Claimant expects to recover not more than {'£10,000' if total <= 1_000_000 else '£25,000'}. Particulars of claim and the sums claimed follow.",
        width=92,
    ).gap()
    one.add((c(0.08, "Defendant's name and address for service including postcode", True),))
    one.add((c(0.08, d.person),), (c(0.08, ", ".join(d.address)),))
    one.footer(
        (
            c(0.08, "N1 Claim form (CPR Part 7)", size=SMALL),
            r(0.92, f"Claim no. {d.claim}   Page 1 of 3", size=SMALL),
        ),
    )
    two = Sheet()
    two.add((mid(0.5, "PARTICULARS OF CLAIM", True, size=12.0),)).gap()
    lender = d.original if sold else d.creditor
    paras = [
        f"1. The Claimant's claim is for the sum of {money(d.balance)} being the balance due under a fixed-sum loan agreement regulated by the Consumer Credit Act 1974 made between the Defendant and {lender} on {of_ordinal(d.earlier)} under account reference {d.ref}.",
    ]
    if sold:
        paras.append(
            f"2. By an assignment dated {slash_short(d.earlier + dt.timedelta(days=300))} the benefit of the agreement was assigned by {d.original} to the Claimant. Notice of the assignment was given to the Defendant."
        )
    paras += [
        f"{len(paras) + 1}. The Defendant failed to make the payments due. A default notice under section 87(1) of the Act was served and was not complied with, and the agreement was terminated.",
        f"{len(paras) + 2}. The Claimant does not claim interest. The Claimant claims {money(d.balance)}, the court fee and fixed costs.",
    ]
    for text in paras:
        two.para(text, width=92).gap()
    two.add((c(0.08, "Statement of truth", True),))
    two.para(
        "The Claimant believes that the facts stated in these particulars of claim are true. I am duly authorised by the Claimant to sign this statement.",
        width=92,
    ).gap()
    two.add((c(0.08, "Signed  R. Grice"), c(0.5, "Claimant's legal representative")))
    two.add((c(0.08, f"{d.writer}   Ref {d.writer_ref}"),))
    two.footer(
        (
            c(0.08, "N1 Claim form (CPR Part 7)", size=SMALL),
            r(0.92, f"Claim no. {d.claim}   Page 2 of 3", size=SMALL),
        )
    )
    three = Sheet()
    three.boxed(
        [
            (c(0.5, "Amount claimed"), r(0.92, money(d.balance))),
            (c(0.5, "Court fee"), r(0.92, money(fee))),
            (c(0.5, "Legal representative's costs"), r(0.92, money(costs))),
            (c(0.5, "Total amount", True), r(0.92, money(total), True)),
        ],
        x0=0.48, x1=0.94, cols=(0.76,),
    )  # fmt: skip
    three.gap()
    if printed_service:
        three.para(
            f"This claim form was issued on {upper_abbr(d.letter_date)} and posted by the court the same day. It is deemed served on {upper_abbr(served)}, the second business day after posting (CPR 6.14).",
            width=92,
        ).gap()
    three.para(
        "You must respond to this claim within 14 days of service of the particulars of claim, using the forms in the response pack: admit the claim (N9A), defend it (N9B) or acknowledge service (N9).",
        width=92,
    ).gap()
    three.add(
        (c(0.08, "Claimant's legal representative's address for documents and payments", True),)
    )
    three.add((c(0.08, f"{d.writer}, 9 Albert Square, Manchester M2 5PE"),))
    three.add((c(0.08, f"Telephone 0161 496 0551   DX 708 Manchester   Ref {d.writer_ref}"),))
    three.footer(
        (
            c(0.08, "N1 Claim form (CPR Part 7)", size=SMALL),
            r(0.92, f"Claim no. {d.claim}   Page 3 of 3", size=SMALL),
        )
    )
    extra: dict[str, object] = {"served_date": served} if printed_service else {}
    if sold:
        extra["original_creditor"] = d.original
    truth = Truth(
        document_class=C.COURT_CLAIM_N1, creditor_name=d.creditor, account_reference=d.ref,
        balance_pence=total, letter_date=d.letter_date, court_claim_number=d.claim, **extra,  # type: ignore[arg-type]
    )  # fmt: skip
    return Doc(truth=truth, sheets=[one, two, three], face="lserif", point=10.0)


def judgment(rng: random.Random, i: int) -> Doc:
    """A judgment on admission or by determination: a court heading, the order in numbered
    sentences (instalments, a first-payment date) and the sums in a ruled table."""
    d = draw(rng, LENDERS + PURCHASERS, low=40_000, high=900_000)
    court = rng.choice(COURTS)
    fee = court_fee(d.balance)
    costs = rng.choice((5_000, 8_000, 11_000))
    paid = rng.choice((0, 0, 2_000, 5_000))
    total = d.balance + fee + costs - paid
    instalment = max(total // rng.choice((24, 36, 48)) // 100 * 100, 1_000)
    first = d.letter_date + dt.timedelta(days=rng.choice((28, 30, 35)))
    kind = ("JUDGMENT ON ADMISSION", "JUDGMENT BY DETERMINATION")[i % 2]
    why = (
        "The defendant has admitted the claim and offered to pay by instalments, and the claimant has accepted the offer.",
        "The defendant admitted the claim. The claimant did not accept the defendant's offer of payment, and the court has decided the rate of payment.",
    )[i % 2]
    page = Sheet()
    page.boxed(
        [
            (c(0.52, f"In the County Court at {court}", True),),
            (c(0.52, "Claim Number"), r(0.92, d.claim)),
            (c(0.52, "Date"), r(0.92, upper_abbr(d.letter_date))),
        ],
        x0=0.5, x1=0.94,
    )  # fmt: skip
    page.gap().add((mid(0.5, kind, True, size=HEAD),)).gap()
    page.add(*parties(d.creditor, d.person, f"Claimant's reference {d.ref}")).gap()
    page.para(why, width=90).gap()
    page.add((c(0.08, "IT IS ORDERED THAT", True),))
    page.para(
        f"1. The defendant must pay the claimant {money(total)}, which includes the court fee and the claimant's costs.",
        width=90,
    )
    page.para(
        f"2. The defendant must pay that sum by monthly instalments of {money(instalment)}, the first instalment to reach the claimant by {of_ordinal(first)}.",
        width=90,
    ).gap()
    page.boxed(
        [
            (c(0.1, "Amount of claim"), r(0.9, money(d.balance))),
            (c(0.1, "Court fee"), r(0.9, money(fee))),
            (c(0.1, "Legal representative's costs"), r(0.9, money(costs))),
            (c(0.1, "Less paid since the claim was issued"), r(0.9, money(paid))),
            (c(0.1, "Amount payable under this judgment", True), r(0.9, money(total), True)),
        ],
        x0=0.08, x1=0.92, cols=(0.7,),
    )  # fmt: skip
    page.gap().para(
        "Payments must be made to the claimant, not to the court. If you do not pay as ordered, the claimant can ask the court to enforce the judgment, for example by a warrant of control or an attachment of earnings order.",
        width=90,
    ).gap()
    page.para(
        "This judgment will be entered on the Register of Judgments, Orders and Fines unless you pay the whole amount within one month of the date of this judgment. If you cannot keep to these payments you can apply to vary the order on form N245.",
        width=90,
    )
    page.footer(
        (
            c(0.08, "N30(2) Judgment for claimant", size=SMALL),
            r(
                0.92,
                "Address all communications to the Court Manager quoting the claim number",
                size=SMALL,
            ),
        ),
    )
    truth = Truth(
        document_class=C.COUNTY_COURT_JUDGMENT, creditor_name=d.creditor, account_reference=d.ref,
        balance_pence=total, letter_date=d.letter_date, court_claim_number=d.claim,
    )  # fmt: skip
    return Doc(truth=truth, sheets=[page], face="lserif", point=10.5)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    """A statutory demand over three pages: the warning notes, the demand (sum in a
    sentence, "Dated this 3rd day of ..."), the particulars of debt in a ruled table."""
    sold = i % 2 == 1
    d = draw(rng, PURCHASERS if sold else LENDERS, writers=SOLICITORS, low=520_000, high=3_000_000)
    interest = rng.randrange(0, d.balance // 9)
    one = Sheet()
    one.add((mid(0.5, "STATUTORY DEMAND", True, size=HEAD),))
    one.add(
        (
            mid(
                0.5,
                "under section 268(1)(a) of the Insolvency Act 1986 - debt for a liquidated sum payable immediately",
                size=SMALL,
            ),
        )
    ).gap()
    one.add((c(0.08, "Notes for the debtor", True, size=12.0),)).gap()
    for text in (
        "This is an important document. This demand must be dealt with within 21 days after its service upon you, or a bankruptcy petition may be presented against you.",
        "If you wish to have this demand set aside, you must apply to the court within 18 days from the date of service on you. Any application must be made to the court named in part B overleaf.",
        "Please read the demand and the notes carefully. If you are in any doubt about your position you should seek advice immediately from a solicitor, a debt adviser or your nearest Citizens Advice.",
        "To comply with this demand you must pay the debt, or secure or compound for it to the creditor's satisfaction. Contact the person named in part A to do so.",
    ):
        one.para(text, width=92).gap()
    one.footer(
        (
            c(0.08, f"Creditor's solicitors' reference {d.writer_ref}", size=SMALL),
            r(0.92, "1", size=SMALL),
        )
    )
    two = Sheet()
    two.add((c(0.08, "Demand", True, size=12.0),)).gap()
    two.add(
        (c(0.08, "To"), c(0.24, d.person)), (c(0.08, "Address"), c(0.24, ", ".join(d.address)))
    ).gap()
    two.para("This demand is served on you by the creditor:", width=92)
    two.add(
        (c(0.12, d.creditor, True),), (c(0.12, "Registered office: 1 Canal Wharf, Leeds LS11 5PS"),)
    ).gap()
    two.para(
        f"The creditor claims that you owe the sum of {money(d.balance)}, full particulars of which are set out on page 3, and that it is payable immediately and, to the extent of the sum demanded, is unsecured.",
        width=92,
    ).gap()
    two.para(
        "The creditor demands that you pay the above debt or secure or compound for it to the creditor's satisfaction.",
        width=92,
    ).gap()
    two.add((c(0.08, f"Dated this {legal(d.letter_date)}"),)).gap()
    two.add((c(0.08, "Signature"), c(0.3, "A. Grice")))
    two.add((c(0.08, "Name"), c(0.3, f"Adam Grice, solicitor, {d.writer}")))
    two.add((c(0.08, "Position"), c(0.3, "Solicitor acting for the creditor")))
    two.gap().add((c(0.08, "Part A", True),))
    two.para(
        f"The person to contact about this demand is Adam Grice of {d.writer}, 40 Park Row, Leeds LS1 5JL, telephone 0113 496 0772, reference {d.writer_ref}.",
        width=92,
    )
    two.footer(
        (
            c(0.08, f"Creditor's solicitors' reference {d.writer_ref}", size=SMALL),
            r(0.92, "2", size=SMALL),
        )
    )
    three = Sheet()
    three.add((c(0.08, "Particulars of debt", True, size=12.0),)).gap()
    origin = f" made with {d.original} and assigned to the creditor," if sold else ""
    three.para(
        f"The debt is the balance due under a loan agreement{origin} account number {d.ref}, entered into on {slash_short(d.earlier - dt.timedelta(days=700))}. The agreement was terminated on {slash_short(d.earlier)} after the debtor failed to comply with a default notice.",
        width=92,
    ).gap()
    three.boxed(
        [
            (c(0.1, "Balance when the agreement was terminated"), r(0.9, money(d.balance - interest))),
            (c(0.1, "Contractual interest to the date of this demand"), r(0.9, money(interest))),
            (c(0.1, "Total amount of the debt", True), r(0.9, money(d.balance), True)),
        ],
        x0=0.08, x1=0.92, cols=(0.68,),
    )  # fmt: skip
    three.gap().para(
        "No further interest or charges are claimed after the date of this demand.", width=92
    )
    three.footer(
        (
            c(0.08, f"Creditor's solicitors' reference {d.writer_ref}", size=SMALL),
            r(0.92, "3", size=SMALL),
        )
    )
    extra = {"original_creditor": d.original} if sold else {}
    return Doc(
        truth=debt(C.STATUTORY_DEMAND, d, **extra),
        sheets=[one, two, three],
        face="lserif",
        point=10.5,
    )


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """A notice of enforcement: a boxed strip with the case reference, date and pay-by
    date over their labels, the agent's address right-aligned, the sum in a ruled table."""
    council = i % 2 == 1
    d = draw(
        rng,
        COUNCILS if council else LENDERS + PURCHASERS,
        writers=HCEOS,
        low=30_000,
        high=420_000,
        days=(8, 9, 10),
    )
    court = rng.choice(COURTS)
    page = Sheet()
    page.add(
        (c(0.08, d.writer, True, size=12.0), r(0.92, "Unit 7, Teesside Trade Park", size=SMALL)),
        (r(0.92, "Stockton-on-Tees TS17 6QA   Tel 01642 495 118", size=SMALL),),
    ).gap()
    page.boxed(
        under(
            [("Case reference", d.writer_ref), ("Date of notice", upper_abbr(d.letter_date)), ("Pay by", upper_abbr(d.deadline))],
            (0.08, 0.4, 0.7),
            bold=True,
        ),
        x0=0.06, x1=0.94, cols=(0.38, 0.68), ruled=False,
    )  # fmt: skip
    page.gap().add((mid(0.5, "NOTICE OF ENFORCEMENT", True, size=HEAD),))
    page.add(
        (mid(0.5, "Taking Control of Goods Regulations 2013, regulation 7", size=SMALL),)
    ).gap()
    page.add(*addressee(d)).gap()
    if council:
        fees = 7_500
        order = d.balance - fees
        page.para(
            f"{d.creditor} obtained a liability order against you at {court} Magistrates' Court on {slash_short(d.earlier)} for unpaid council tax, account {reference(rng, 'council')}. The council has instructed us to recover the debt.",
            width=84,
        ).gap()
        rows = [
            (c(0.1, "Liability order amount"), r(0.9, money(order))),
            (c(0.1, "Compliance stage fee"), r(0.9, "£75.00")),
        ]
    else:
        fees = 7_500 + 7_800
        order = d.balance - fees
        page.para(
            f"A writ of control has been issued to recover the judgment debt you owe to {d.creditor} under claim number {d.claim}, transferred to the High Court for enforcement. A High Court Enforcement Officer has instructed us to act.",
            width=84,
        ).gap()
        rows = [
            (c(0.1, "Judgment debt and interest"), r(0.9, money(order))),
            (c(0.1, "Writ of control issue fee"), r(0.9, "£78.00")),
            (c(0.1, "Compliance stage fee"), r(0.9, "£75.00")),
        ]
    page.para(
        f"You must pay the total below by {day_slash(d.deadline)}. If you do not, an enforcement agent will visit your home to take control of your goods, and the enforcement stage fee will be added.",
        width=84,
    ).gap()
    page.boxed(
        [*rows, (c(0.1, "Total now due", True), r(0.9, money(d.balance), True))],
        x0=0.08,
        x1=0.92,
        cols=(0.7,),
    )
    page.gap().add(*bank_box(d.writer, d.writer_ref, "30-15-99", digits(rng, 8)))
    page.footer(
        (
            c(
                0.08,
                f"{d.writer}. Certificated enforcement agents. Please always quote your case reference {d.writer_ref}.",
                size=SMALL,
            ),
        ),
    )
    truth = debt(
        C.ENFORCEMENT_AGENT_NOTICE, d, account_reference=d.writer_ref, deadline_date=d.deadline
    )
    return Doc(truth=truth, sheets=[page], face="serif", point=10.0)


# -- templates: councils, utilities, fines, sold debts, overpayments ---------------------------


def _tax_year(date: dt.date) -> str:
    year = date.year if date.month >= 4 else date.year - 1
    return f"{year}/{str(year + 1)[2:]}"


def council_tax(rng: random.Random, i: int) -> Doc:
    if i % 2 == 0:
        return _council_bill(rng)
    return _council_final(rng)


def _council_bill(rng: random.Random) -> Doc:
    """The annual bill: the year's charge built up in a ruled table, then ten instalments
    (two across) that are not the sum owed."""
    d = draw(rng, COUNCILS, ref="council", low=90_000, high=320_000)
    police, fire, parish = d.balance * 13 // 100, d.balance * 5 // 100, d.balance * 3 // 100
    discount = rng.choice((0, 0, 1))
    gross = d.balance * 4 // 3 if discount else d.balance
    council_share = gross - police - fire - parish
    page = Sheet()
    page.add((c(0.08, d.creditor, True, size=13.0),))
    page.add(
        (
            c(0.08, "Revenues and Benefits, Civic Centre, PO Box 26", size=SMALL),
            r(0.92, f"Council Tax Bill {_tax_year(d.letter_date)}", True),
        )
    )
    page.gap()
    page.add(*addressee(d, upper=True)).gap()
    page.boxed(
        [
            *under([("Account reference", d.ref), ("Date of issue", slash_short(d.letter_date))], (0.1, 0.5)),
            *under([("Valuation band", rng.choice("ABCDE")), ("Property reference", digits(rng, 12))], (0.1, 0.5)),
        ],
        x0=0.08, x1=0.92, cols=(0.48,), ruled=True, every=2,
    )  # fmt: skip
    page.gap().add((c(0.08, "How your bill is worked out", True),))
    rows: list[Row] = [
        (c(0.1, d.creditor), r(0.9, plain(council_share))),
        (c(0.1, "Police and Crime Commissioner"), r(0.9, plain(police))),
        (c(0.1, "Fire and Rescue Authority"), r(0.9, plain(fire))),
        (c(0.1, "Parish or town council"), r(0.9, plain(parish))),
    ]
    if discount:
        rows.append(
            (c(0.1, "Less single person discount (25%)"), r(0.9, "-" + plain(gross - d.balance)))
        )
    rows.append(
        (
            c(0.1, f"Amount payable for {_tax_year(d.letter_date)}", True),
            r(0.9, money(d.balance), True),
        )
    )
    page.boxed([(c(0.1, "Charge", True), r(0.9, "£", True)), *rows], x0=0.08, x1=0.92, cols=(0.72,))
    page.gap().add((c(0.08, "Your instalments", True),))
    year = d.letter_date.year if d.letter_date.month >= 4 else d.letter_date.year - 1
    part = d.balance // 10
    dates = [dt.date(year + (m > 12), (m - 1) % 12 + 1, 1) for m in range(4, 14)]
    amounts = [d.balance - part * 9, *([part] * 9)]
    page.boxed(
        [
            (c(0.1, short_abbr(dates[k])), r(0.45, money(amounts[k])), c(0.55, short_abbr(dates[k + 5])), r(0.9, money(amounts[k + 5])))
            for k in range(5)
        ],
        x0=0.08, x1=0.92, cols=(0.5,), ruled=False,
    )  # fmt: skip
    page.gap().para(
        "You can ask to pay in 12 monthly instalments instead of 10. If you miss an instalment we will send you a reminder, and if it is not paid you may lose the right to pay by instalments.",
        width=86,
    )
    page.footer(
        (
            c(
                0.08,
                f"Pay by Direct Debit, or by bank transfer to sort code 40-22-18, account 71002345, quoting {d.ref}.",
                size=SMALL,
            ),
        ),
        (
            c(
                0.08,
                "Council Tax helpline 01482 395 440. Council Tax Reduction: ask us if your income is low.",
                size=SMALL,
            ),
        ),
    )
    return Doc(truth=debt(C.COUNCIL_TAX, d), sheets=[page], face="lserif", point=10.5)


def _council_final(rng: random.Random) -> Doc:
    """A final notice: a strip of values over their labels, the balance and the date to pay
    in a sentence, what was charged and paid in a ruled table."""
    d = draw(rng, COUNCILS, ref="council", low=40_000, high=240_000, days=(7, 8))
    paid = rng.randrange(0, d.balance // 2) // 100 * 100
    court = rng.choice(COURTS)
    page = Sheet()
    page.add(
        (r(0.92, d.creditor, True, size=13.0),),
        (r(0.92, "Council Tax Recovery, Town Hall", size=SMALL),),
    ).gap()
    page.add(*addressee(d)).gap()
    page.boxed(
        under(
            [("Council tax account", d.ref), ("Date", upper_abbr(d.letter_date)), ("Amount due", money(d.balance))],
            (0.1, 0.42, 0.7),
            bold=True,
        ),
        x0=0.08, x1=0.92, cols=(0.4, 0.68), ruled=False,
    )  # fmt: skip
    page.gap().add((mid(0.5, "FINAL NOTICE", True, size=HEAD),)).gap()
    page.add((c(0.08, d.dear),)).gap()
    page.para(
        f"We sent you a reminder on {slash_short(d.earlier)} but the instalments shown on it were not paid. You have now lost the right to pay your council tax for {_tax_year(d.letter_date)} by instalments.",
        width=84,
    ).gap()
    page.para(
        f"The full balance of {money(d.balance)} must be paid by {of_ordinal(d.deadline)}. If it is not, we will ask {court} Magistrates' Court for a liability order without further notice, and costs of £86.50 will be added when the summons is issued.",
        width=84,
    ).gap()
    page.boxed(
        [
            (c(0.1, f"Charge for {_tax_year(d.letter_date)}"), r(0.9, money(d.balance + paid))),
            (c(0.1, "Paid so far"), r(0.9, money(paid))),
            (c(0.1, "Balance to pay now", True), r(0.9, money(d.balance), True)),
        ],
        x0=0.08, x1=0.92, cols=(0.7,),
    )  # fmt: skip
    page.gap().para(
        "If you cannot pay, contact us straight away. If you are on a low income you may be able to get Council Tax Reduction.",
        width=84,
    )
    page.footer(
        (
            c(0.08, f"Council tax account {d.ref}", size=SMALL),
            r(0.92, "Telephone 01785 619 240", size=SMALL),
        )
    )
    return Doc(
        truth=debt(C.COUNCIL_TAX, d, deadline_date=d.deadline),
        sheets=[page],
        face="serif",
        point=10.5,
    )


def utility_bill(rng: random.Random, i: int) -> Doc:
    if i % 2 == 0:
        return _water_bill(rng)
    return _gas_bill(rng)


def _water_bill(rng: random.Random) -> Doc:
    """A water company's annual bill: the customer number and bill date right-aligned over
    their labels, the year's total in large type, the charges on page 2."""
    d = draw(rng, WATER, ref="water", low=28_000, high=95_000, days=(21, 28))
    instalment = d.balance // 9
    first = d.letter_date + dt.timedelta(days=rng.choice((14, 20)))
    one = Sheet()
    one.add((c(0.08, d.creditor, True, size=HEAD), r(0.92, d.ref, True)))
    one.add(
        (
            c(0.08, "Customer Centre, PO Box 6, Penrith CA11 0WW", size=SMALL),
            r(0.92, "Customer number", size=SMALL),
        )
    )
    one.add((r(0.92, short_abbr(d.letter_date), True),), (r(0.92, "Bill date", size=SMALL),)).gap()
    one.add(*addressee(d)).gap()
    one.add(
        (
            c(
                0.08,
                f"Your water and sewerage charges for {_tax_year(d.letter_date).replace('/', '-')}",
                True,
                size=12.0,
            ),
        )
    ).gap()
    one.add(
        (c(0.08, "Total charges for the year"), r(0.92, money(d.balance), True, size=HEAD))
    ).gap()
    one.para(
        f"Please pay the whole amount by {of_ordinal(d.deadline)}, or we can collect it in 9 monthly instalments of {money(instalment)} starting on {long(first)}. Call us on 0345 720 0611 to set this up.",
        width=88,
    ).gap()
    one.para(
        "If you are struggling to pay, you may be able to get help through our social tariff, which can reduce your bill by up to half. WaterSure caps the bill for some metered customers.",
        width=88,
    )
    one.footer(
        (c(0.08, f"Customer number {d.ref}", size=SMALL), r(0.92, "Please turn over", size=SMALL))
    )
    two = Sheet()
    two.add((c(0.08, "Your charges explained", True, size=12.0),)).gap()
    parts = [
        d.balance * 12 // 100,
        d.balance * 38 // 100,
        d.balance * 10 // 100,
        d.balance * 32 // 100,
    ]
    parts.append(d.balance - sum(parts))
    labels = ("Water supply - standing charge", "Water supply - volume (estimated 64 cubic metres)",
              "Sewerage - standing charge", "Sewerage - volume", "Surface water and highway drainage")  # fmt: skip
    two.boxed(
        [*((c(0.1, label), r(0.9, money(p))) for label, p in zip(labels, parts, strict=True)),
         (c(0.1, "Total charges", True), r(0.9, money(d.balance), True))],
        x0=0.08, x1=0.92, cols=(0.72,),
    )  # fmt: skip
    two.gap().add(*bank_box(d.creditor, d.ref, "60-02-13", digits(rng, 8)))
    two.footer(
        (c(0.08, f"Customer number {d.ref}", size=SMALL), r(0.92, "Page 2 of 2", size=SMALL))
    )
    return Doc(
        truth=debt(C.UTILITY_BILL, d, deadline_date=d.deadline),
        sheets=[one, two],
        face="lserif",
        point=10.5,
    )


def _gas_bill(rng: random.Random) -> Doc:
    """A gas bill: references as right-aligned values beside labels, meter readings and
    rates among the charges."""
    d = draw(rng, ENERGY, ref="threes", low=6_000, high=48_000, days=(14, 21))
    start = d.letter_date - dt.timedelta(days=rng.choice((30, 31, 92)))
    used = rng.randrange(1_200, 14_000)
    read_from = rng.randrange(10_000, 60_000)
    standing = (d.letter_date - start).days * 3165 // 100
    vat = d.balance * 5 // 105
    energy = d.balance - vat - standing
    page = Sheet()
    page.add(
        (c(0.08, d.creditor, True, size=HEAD),), (c(0.08, "Freepost BEACON ENERGY", size=SMALL),)
    ).gap()
    page.add(
        (c(0.08, d.person), c(0.56, "Account number"), r(0.92, d.ref)),
        (c(0.08, d.address[0]), c(0.56, "Bill date"), r(0.92, slash_short(d.letter_date))),
        (c(0.08, d.address[1]), c(0.56, "Bill number"), r(0.92, digits(rng, 9))),
        (c(0.08, d.address[2]), c(0.56, "Tariff"), r(0.92, "Standard Variable")),
    ).gap()
    page.add((c(0.08, "Your gas bill", True, size=HEAD),))
    page.add(
        (
            c(
                0.08,
                f"For the period {slash_short(start)} to {slash_short(d.letter_date - dt.timedelta(days=1))}",
            ),
        )
    ).gap()
    page.boxed(
        [
            (c(0.1, "Meter reading (actual)"), r(0.55, str(read_from + used)), c(0.6, "Previous (estimated)"), r(0.9, str(read_from))),
            (c(0.1, f"Gas used: {used:,} kWh"), r(0.9, money(energy))),
            (c(0.1, f"Standing charge {(d.letter_date - start).days} days at 31.65p"), r(0.9, money(standing))),
            (c(0.1, "VAT at 5%"), r(0.9, money(vat))),
            (c(0.1, "Total to pay", True), r(0.9, money(d.balance), True)),
        ],
        x0=0.08, x1=0.92,
    )  # fmt: skip
    page.gap().para(
        f"Please pay {money(d.balance)} by {slash_short(d.deadline)}. Paying by monthly Direct Debit could save you £75 a year.",
        width=84,
    ).gap()
    page.para(
        "Unit rate 6.29p per kWh. If you have a problem paying, call us on 0330 088 2195: we can agree a plan, and you can join our Priority Services Register.",
        width=84,
    )
    page.footer(
        (
            c(
                0.08,
                f"{d.creditor}. Registered in England and Wales no. {company_no(rng)}. VAT no. GB 283 4471 92.",
                size=SMALL,
            ),
        )
    )
    return Doc(
        truth=debt(C.UTILITY_BILL, d, deadline_date=d.deadline),
        sheets=[page],
        face="serif",
        point=10.0,
    )


def utility_arrears(rng: random.Random, i: int) -> Doc:
    if i % 2 == 0:
        return _warrant_warning(rng)
    return _water_agency(rng)


def _warrant_warning(rng: random.Random) -> Doc:
    """An energy supplier warns it will seek a warrant: the arrears in a sentence and in a
    short ruled table, an ISO date in the reference strip."""
    d = draw(rng, ENERGY, ref="threes", low=30_000, high=320_000, days=(10, 14))
    last = rng.randrange(1_000, 9_000)
    page = Sheet()
    page.add(
        (c(0.08, d.creditor, True, size=13.0), r(0.92, "Collections 0330 088 2196", size=SMALL))
    ).gap()
    page.boxed(
        under([("Account number", d.ref), ("Letter date", iso(d.letter_date)), ("Supply", "Electricity")], (0.1, 0.45, 0.72)),
        x0=0.08, x1=0.92, cols=(0.43, 0.7), ruled=False,
    )  # fmt: skip
    page.gap().add(*addressee(d)).gap()
    page.add(
        (c(0.08, "We may apply for a warrant to fit a prepayment meter", True, size=12.0),)
    ).gap()
    page.add((c(0.08, d.dear),))
    page.para(
        f"Your electricity account is {money(d.balance)} in arrears. We wrote to you on {slash_short(d.earlier)} and have tried to call you, but we have not been able to agree a way to clear what you owe.",
        width=84,
    ).gap()
    page.para(
        f"If you do not pay, or contact us to agree a plan, by {of_ordinal(d.deadline)}, we will apply to the magistrates' court for a warrant of entry. If a warrant is granted, court costs of up to £150 may be added to your account.",
        width=84,
    ).gap()
    page.boxed(
        [
            (c(0.1, "Last payment received"), r(0.6, slash_short(d.earlier - dt.timedelta(days=40))), r(0.9, money(last))),
            (c(0.1, "Amount you owe us", True), r(0.9, money(d.balance), True)),
        ],
        x0=0.08, x1=0.92,
    )  # fmt: skip
    page.gap().para(
        "We will not fit a prepayment meter if it would not be safe and reasonably practicable for you. Tell us if anyone in your home is disabled, has a long-term illness or is over 75.",
        width=84,
    )
    page.footer(
        (
            c(
                0.08,
                f"{d.creditor}. Registered office 2 Harbour Walk, Hartlepool TS24 0UX. Company no. {company_no(rng)}.",
                size=SMALL,
            ),
        )
    )
    return Doc(
        truth=debt(C.UTILITY_ARREARS, d, deadline_date=d.deadline),
        sheets=[page],
        face="serif",
        point=10.5,
    )


def _water_agency(rng: random.Random) -> Doc:
    """An agency collecting a water company's closed account, in a monospaced face: labels
    left and values right-aligned in the reference block, the sum on page 2."""
    d = draw(rng, WATER, ref="water", writers=AGENCIES, low=15_000, high=180_000, days=(14, 21))
    one = Sheet()
    one.add(
        (c(0.08, d.writer.upper(), True, size=12.0),),
        (c(0.08, f"ON BEHALF OF {d.creditor.upper()}"),),
    ).gap()
    one.add(
        (c(0.5, "Client"), r(0.92, d.creditor)),
        (c(0.5, "Client account no."), r(0.92, d.ref)),
        (c(0.5, "Our ref"), r(0.92, d.writer_ref)),
        (c(0.5, "Date"), r(0.92, short_abbr(d.letter_date))),
    ).gap()
    one.add(*addressee(d, upper=True)).gap()
    one.add((c(0.08, "UNPAID WATER CHARGES - FORMER ADDRESS", True),)).gap()
    one.para(
        f"{d.creditor} has asked us to collect the unpaid charges on the account for your former address. The charges are for water and sewerage services up to the date you moved out.",
        width=78,
    ).gap()
    one.para(
        f"Please pay the balance shown overleaf by {short_abbr(d.deadline)}, or call us on 0114 496 0827 to agree how you will pay. If you moved out earlier than our client's records show, send us proof and we will ask our client to check the account.",
        width=78,
    )
    one.footer(
        (c(0.08, f"Our ref {d.writer_ref}", size=SMALL), r(0.92, "Continued overleaf", size=SMALL))
    )
    two = Sheet()
    two.add((c(0.08, "ACCOUNT SUMMARY", True),)).gap()
    two.boxed(
        [
            (c(0.1, "Charges billed"), r(0.9, plain(d.balance + 2_500))),
            (c(0.1, "Payments received"), r(0.9, plain(2_500))),
            (c(0.1, "BALANCE DUE", True), r(0.9, money(d.balance), True)),
        ],
        x0=0.08, x1=0.92, cols=(0.7,),
    )  # fmt: skip
    two.gap().add(*bank_box(d.writer, d.writer_ref, "09-01-28", digits(rng, 8)))
    two.footer(
        (
            c(
                0.08,
                f"{d.writer} is authorised and regulated by the Financial Conduct Authority, {fca(rng)}.",
                size=SMALL,
            ),
        )
    )
    return Doc(
        truth=debt(C.UTILITY_ARREARS, d, deadline_date=d.deadline),
        sheets=[one, two],
        face="mono",
        point=9.0,
    )


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    """A collection order notice: the account number, date and case number over their
    labels, the sums imposed and paid in a ruled table, the date to pay in a sentence."""
    d = draw(rng, FINES, ref="fine", low=10_000, high=200_000, days=(14, 28))
    court = rng.choice(COURTS)
    surcharge = max(d.balance // 10 // 100 * 100, 2_000)
    costs = rng.choice((8_500, 12_000, 62_000))
    paid = 0 if i % 2 == 0 else rng.randrange(1, 6) * 1_000
    fine = d.balance + paid - surcharge - costs
    if fine < 2_000:
        costs = 4_000
        fine = d.balance + paid - surcharge - costs
    hearing = d.letter_date - dt.timedelta(days=rng.randrange(3, 40))
    weekly = rng.choice((500, 1_000, 2_000))
    page = Sheet()
    page.add(
        (c(0.08, d.creditor, True, size=13.0),),
        (c(0.08, f"{court} Magistrates' Court - Fines Collection", size=SMALL),),
    ).gap()
    page.boxed(
        under([("Account number", d.ref), ("Date", slash_short(d.letter_date)), ("Case number", f"{digits(rng, 11)}")], (0.1, 0.42, 0.68)),
        x0=0.08, x1=0.92, cols=(0.4, 0.66), ruled=False,
    )  # fmt: skip
    page.gap().add(*addressee(d)).gap()
    page.add(
        (
            mid(
                0.5,
                ("NOTICE OF FINE AND COLLECTION ORDER", "FURTHER STEPS NOTICE")[i % 2],
                True,
                size=12.0,
            ),
        )
    ).gap()
    if i % 2 == 0:
        page.para(
            f"On {of_ordinal(hearing)} the court ordered you to pay the sums below and made a collection order. You must pay {money(d.balance)} in full by {day_slash(d.deadline)}, or pay {money(weekly)} a week starting on that date.",
            width=84,
        ).gap()
    else:
        page.para(
            f"You have not paid as the court ordered on {of_ordinal(hearing)}. You must now pay the balance of {money(d.balance)} by {day_slash(d.deadline)}. If you do not, the fines officer may take further steps without telling you first.",
            width=84,
        ).gap()
    page.boxed(
        [
            (c(0.1, "Fine"), r(0.9, money(fine))),
            (c(0.1, "Victim surcharge"), r(0.9, money(surcharge))),
            (c(0.1, "Prosecution costs"), r(0.9, money(costs))),
            (c(0.1, "Paid"), r(0.9, money(paid))),
            (c(0.1, "Balance outstanding", True), r(0.9, money(d.balance), True)),
        ],
        x0=0.08, x1=0.92, cols=(0.7,),
    )  # fmt: skip
    page.gap().para(
        "The further steps include increasing the fine by 50%, taking money from your earnings or benefits, registering the fine so it affects your credit rating, and sending enforcement agents to take control of your goods.",
        width=84,
    ).gap()
    page.add(*bank_box("HMCTS Fines", d.ref, "08-33-00", "12398745"))
    page.footer(
        (
            c(
                0.08,
                "Pay online at www.gov.uk/pay-court-fine-online using your account number. Fines helpline 0300 790 9980.",
                size=SMALL,
            ),
        )
    )
    return Doc(
        truth=debt(C.MAGISTRATES_FINE, d, deadline_date=d.deadline),
        sheets=[page],
        face="lserif",
        point=10.5,
    )


def assignment(rng: random.Random, i: int) -> Doc:
    if i % 2 == 0:
        return _assignee_welcome(rng)
    return _assignor_goodbye(rng)


def _assignee_welcome(rng: random.Random) -> Doc:
    """The new owner's notice: new and previous account details in a ruled box of values
    over their labels; how to pay on page 2."""
    d = draw(rng, PURCHASERS, ref="long")
    old_ref = reference(rng, "card")
    one = Sheet()
    one.add(
        (r(0.92, d.creditor, True, size=13.0),),
        (r(0.92, "PO Box 4410, Stoke-on-Trent ST4 9FJ", size=SMALL),),
    ).gap()
    one.add(*addressee(d)).gap()
    one.add((r(0.92, of_ordinal(d.letter_date)),)).gap()
    one.add((c(0.08, f"Notice of assignment - your {d.original} account", True, size=12.0),)).gap()
    one.add((c(0.08, d.dear),))
    one.para(
        f"We are writing to tell you that {d.original} has assigned (transferred) its rights under your agreement to {d.creditor}. The assignment took effect on {slash_short(d.earlier)}. {d.original} will also write to you to confirm this.",
        width=84,
    ).gap()
    one.boxed(
        [
            *under([("Your new account number", d.ref), ("Balance transferred to us", money(d.balance))], (0.1, 0.52), bold=True),
            *under([("Previous account number", old_ref), ("Previous lender", d.original)], (0.1, 0.52)),
        ],
        x0=0.08, x1=0.92, cols=(0.5,), every=2,
    )  # fmt: skip
    one.gap().para(
        f"Please do not make any more payments to {d.original}. Your agreement continues on the same terms, and we will not add interest or charges to the balance.",
        width=84,
    )
    one.footer((c(0.08, f"Account number {d.ref}", size=SMALL), r(0.92, "Page 1 of 2", size=SMALL)))
    two = Sheet()
    two.add((c(0.08, "Paying us", True, size=12.0),)).gap()
    two.add(*bank_box(d.creditor, d.ref, "16-00-38", digits(rng, 8))).gap()
    two.para(
        f"{d.creditor} is authorised and regulated by the Financial Conduct Authority ({fca(rng)}) and registered in England and Wales, company number {company_no(rng)}.",
        width=84,
    )
    two.footer((c(0.08, f"Account number {d.ref}", size=SMALL), r(0.92, "Page 2 of 2", size=SMALL)))
    truth = debt(C.NOTICE_OF_ASSIGNMENT, d, original_creditor=d.original)
    return Doc(truth=truth, sheets=[one, two], face="serif", point=10.5)


def _assignor_goodbye(rng: random.Random) -> Doc:
    """The old lender's letter: its own letterhead and old account number at the top, the
    new owner and the new reference only in sentences."""
    d = draw(rng, PURCHASERS, ref="long")
    old_ref = reference(rng, "agreement")
    page = Sheet()
    page.add(
        (c(0.08, d.original, True, size=HEAD),),
        (c(0.08, "Customer Services, Quayside House, Sunderland SR1 3AD", size=SMALL),),
    ).gap()
    page.add(*addressee(d)).gap()
    page.add((r(0.92, f"Account number {old_ref}"),), (r(0.92, upper_abbr(d.letter_date)),)).gap()
    page.add((c(0.08, "We have sold your account", True, size=12.0),)).gap()
    page.add((c(0.08, d.dear),))
    page.para(
        f"We are writing to let you know that on {of_ordinal(d.earlier)} we sold and assigned your account to {d.creditor}, which now owns the debt. This letter is your notice of the assignment.",
        width=90,
    ).gap()
    page.para(
        f"The balance of your account on the date it was sold was {money(d.balance)}. From now on please pay {d.creditor}, not us. They will write to you with their payment details, and your account number with them is {d.ref}.",
        width=90,
    ).gap()
    page.para(
        "Any Direct Debit or standing order you had set up to pay us has been cancelled. If you had a payment plan, the new owner will honour it.",
        width=90,
    ).gap()
    page.add((c(0.08, "Yours sincerely"),)).gap().add((c(0.08, "Customer Services"),))
    page.footer(
        (
            c(
                0.08,
                f"{d.original} is authorised and regulated by the Financial Conduct Authority, {fca(rng)}.",
                size=SMALL,
            ),
        )
    )
    truth = debt(C.NOTICE_OF_ASSIGNMENT, d, original_creditor=d.original)
    return Doc(truth=truth, sheets=[page], face="lserif", point=11.0)


def overpayment(rng: random.Random, i: int) -> Doc:
    if i % 2 == 0:
        return _hmrc_notice(rng)
    return _dwp_debt(rng)


def _hmrc_notice(rng: random.Random) -> Doc:
    """HMRC's notice to pay a tax credits overpayment: a strip of values over labels, the
    sum in a sentence and in a ruled table, HMRC's bank details."""
    d = draw(rng, ("HM Revenue & Customs",), ref="fours", low=20_000, high=600_000, days=(30,))
    year = d.letter_date.year - 1
    recovered = rng.randrange(0, d.balance // 3) // 100 * 100
    page = Sheet()
    page.add((c(0.08, d.creditor, True, size=HEAD), r(0.92, "Phone 0300 200 3887", size=SMALL)))
    page.add((c(0.08, "Debt Management, HM Revenue and Customs, BX9 1DX", size=SMALL),)).gap()
    page.boxed(
        under([("Your reference", d.ref), ("Date", long(d.letter_date)), ("National Insurance number", nino(rng))], (0.1, 0.4, 0.65)),
        x0=0.08, x1=0.92, cols=(0.38, 0.63), ruled=False,
    )  # fmt: skip
    page.gap().add(*addressee(d)).gap()
    page.add((c(0.08, "Tax credits overpayment - you need to pay", True, size=12.0),)).gap()
    page.para(
        f"You were overpaid tax credits for the {year - 1}-{str(year)[2:]} tax year. Your tax credits award has ended, so we cannot take the overpayment back from future payments. You need to pay {money(d.balance)}.",
        width=86,
    ).gap()
    page.para(
        f"Please pay the full amount by {of_ordinal(d.deadline)}, or call us to agree a payment plan you can afford. If you do not, we may take the money through your tax code or ask a debt collection agency to collect it.",
        width=86,
    ).gap()
    page.boxed(
        [
            (c(0.1, f"Overpayment for {year - 1}-{str(year)[2:]}"), r(0.9, money(d.balance + recovered))),
            (c(0.1, "Already recovered"), r(0.9, money(recovered))),
            (c(0.1, "Amount you need to pay", True), r(0.9, money(d.balance), True)),
        ],
        x0=0.08, x1=0.92, cols=(0.7,),
    )  # fmt: skip
    page.gap().add(*bank_box("HMRC Tax Credits", d.ref, "08-32-20", "12001039"))
    page.footer(
        (
            c(
                0.08,
                "If you think the overpayment is wrong, you can dispute it within 3 months of this notice.",
                size=SMALL,
            ),
        )
    )
    return Doc(
        truth=debt(C.OVERPAYMENT, d, deadline_date=d.deadline),
        sheets=[page],
        face="lserif",
        point=10.5,
    )


def _dwp_debt(rng: random.Random) -> Doc:
    """DWP Debt Management: reference and date right-aligned, the deadline in a sentence on
    page 1, the debt statement (a ruled table) on page 2."""
    d = draw(
        rng,
        ("Department for Work and Pensions",),
        ref="fours",
        low=15_000,
        high=420_000,
        days=(14, 21, 28),
    )
    recovered = rng.randrange(0, d.balance // 2) // 100 * 100
    benefit = rng.choice(
        ("Employment and Support Allowance", "Jobseeker's Allowance", "Pension Credit")
    )
    one = Sheet()
    one.add(
        (c(0.08, d.creditor, True, size=13.0),),
        (c(0.08, "Debt Management", True),),
        (c(0.08, "Freepost DWP Debt Management", size=SMALL),),
    ).gap()
    one.add(*addressee(d)).gap()
    one.add(
        (r(0.92, f"Reference {d.ref}"),),
        (r(0.92, f"Date {day_slash(d.letter_date)}"),),
        (r(0.92, "Freephone 0800 916 0647"),),
    ).gap()
    one.add((c(0.08, "About the money you owe us", True, size=12.0),)).gap()
    one.add((c(0.08, d.dear),))
    one.para(
        f"We have taken over the recovery of an overpayment of {benefit}. The amount you still owe, and how we have worked it out, is on the next page.",
        width=82,
    ).gap()
    one.para(
        f"Please contact us by {of_ordinal(d.deadline)} to agree how you will repay. If we do not hear from you, we may ask your employer to take money from your earnings (a Direct Earnings Attachment) or take it from your benefit.",
        width=82,
    ).gap()
    one.para(
        "We will look at your income and outgoings before we agree a repayment rate.", width=82
    )
    one.footer((c(0.08, f"Reference {d.ref}", size=SMALL), r(0.92, "Page 1 of 2", size=SMALL)))
    two = Sheet()
    two.add((c(0.08, "Your debt statement", True, size=12.0),)).gap()
    two.boxed(
        [
            (c(0.1, f"Overpayment decision dated {slash_short(d.earlier)}"), r(0.9, money(d.balance + recovered))),
            (c(0.1, "Recovered from your benefit"), r(0.9, money(recovered))),
            (c(0.1, "Balance outstanding", True), r(0.9, money(d.balance), True)),
        ],
        x0=0.08, x1=0.92, cols=(0.7,),
    )  # fmt: skip
    two.gap().add(*bank_box("DWP Debt Management", d.ref, "60-70-80", "10025634"))
    two.footer((c(0.08, f"Reference {d.ref}", size=SMALL), r(0.92, "Page 2 of 2", size=SMALL)))
    return Doc(
        truth=debt(C.OVERPAYMENT, d, deadline_date=d.deadline),
        sheets=[one, two],
        face="serif",
        point=10.5,
    )


# -- templates: homes, shopping credit, letters of claim -------------------------------------


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    if i % 2 == 0:
        return _arrears_statement(rng)
    return _possession_warning(rng)


def _arrears_statement(rng: random.Random) -> Doc:
    """A lender's arrears statement: six months of payments due and received in a ruled
    table on page 2, the running arrears in the last column."""
    d = draw(rng, MORTGAGES, ref="mortgage")
    monthly = rng.randrange(45_000, 160_000)
    arrears = rng.randrange(0, monthly * 2)
    rows: list[Row] = [
        (
            c(0.1, "Month", True),
            r(0.45, "Due", True),
            r(0.65, "Received", True),
            r(0.9, "Arrears", True),
        )
    ]
    month = dt.date(d.letter_date.year, d.letter_date.month, 1)
    months = [month]
    for _ in range(5):
        months.insert(0, (months[0] - dt.timedelta(days=1)).replace(day=1))
    for when in months:
        received = rng.choice((monthly, monthly // 2, 0, monthly))
        arrears += monthly - received
        rows.append(
            (
                c(0.1, f"{when:%b %Y}"),
                r(0.45, plain(monthly)),
                r(0.65, plain(received)),
                r(0.9, plain(arrears)),
            )
        )
    balance = arrears
    whole = rng.randrange(6_000_000, 30_000_000)
    one = Sheet()
    one.add(
        (
            c(0.08, d.creditor, True, size=13.0),
            r(0.92, "Mortgage Support 0345 266 0710", size=SMALL),
        )
    )
    one.add((c(0.08, "Head Office, Church Street, Lytham FY8 5LH", size=SMALL),)).gap()
    one.add(*addressee(d)).gap()
    one.add(
        (c(0.08, "Mortgage account"), r(0.92, d.ref)),
        (c(0.08, "Date"), r(0.92, long(d.letter_date))),
    ).gap()
    one.add((c(0.08, "Your mortgage arrears", True, size=12.0),)).gap()
    one.add((c(0.08, d.dear),))
    one.para(
        "Your mortgage account is in arrears. The statement on the next page shows the payments that fell due and the payments we received over the last six months.",
        width=84,
    ).gap()
    one.para(
        "YOUR HOME MAY BE REPOSSESSED IF YOU DO NOT KEEP UP REPAYMENTS ON YOUR MORTGAGE. Please talk to us: we can look at changing your payments for a while, and we will not start court action while we are working with you.",
        width=74,
    )
    one.footer(
        (c(0.08, f"Mortgage account {d.ref}", size=SMALL), r(0.92, "Page 1 of 2", size=SMALL))
    )
    two = Sheet()
    two.add((c(0.08, "Statement of arrears", True, size=12.0),)).gap()
    two.boxed(rows, x0=0.08, x1=0.92, cols=(0.3, 0.5, 0.7))
    two.gap().boxed(
        [
            (c(0.1, "Arrears now", True), r(0.9, money(balance), True)),
            (c(0.1, "Monthly payment"), r(0.9, money(monthly))),
            (c(0.1, "Balance outstanding on your mortgage"), r(0.9, money(whole))),
            (c(0.1, "Arrears fees charged this year"), r(0.9, "£45.00")),
        ],
        x0=0.08, x1=0.92, cols=(0.7,),
    )  # fmt: skip
    two.footer(
        (
            c(
                0.08,
                f"{d.creditor} is authorised by the Prudential Regulation Authority. {fca(rng)}.",
                size=SMALL,
            ),
        )
    )
    truth = Truth(
        document_class=C.MORTGAGE_ARREARS, creditor_name=d.creditor, account_reference=d.ref,
        balance_pence=balance, letter_date=d.letter_date,
    )  # fmt: skip
    return Doc(truth=truth, sheets=[one, two], face="serif", point=10.5)


def _possession_warning(rng: random.Random) -> Doc:
    """A warning before possession proceedings: values over labels in a strip, the arrears
    as a number of months, the whole mortgage balance as a distractor."""
    d = draw(rng, MORTGAGES, ref="mortgage", low=150_000, high=1_200_000, days=(14, 15, 21))
    monthly = rng.randrange(45_000, 150_000)
    whole = rng.randrange(5_000_000, 25_000_000)
    page = Sheet()
    page.add(
        (c(0.08, d.creditor, True, size=HEAD),),
        (c(0.08, "Arrears Management, Kendal LA9 4BZ", size=SMALL),),
    ).gap()
    page.boxed(
        under([("Mortgage account", d.ref), ("Date", upper_abbr(d.letter_date)), ("Arrears", money(d.balance))], (0.1, 0.45, 0.7), bold=True),
        x0=0.08, x1=0.92, cols=(0.43, 0.68), ruled=False,
    )  # fmt: skip
    page.gap().add(*addressee(d)).gap()
    page.add((c(0.08, "Before we start possession proceedings", True, size=12.0),)).gap()
    page.add((c(0.08, d.dear),))
    page.para(
        f"Despite our letters, the arrears on your mortgage have risen to {money(d.balance)}, which is more than {max(d.balance // monthly, 1)} monthly payments of {money(monthly)}. The total balance outstanding on your mortgage is {money(whole)}.",
        width=88,
    ).gap()
    page.para(
        f"Unless you pay the arrears or agree an arrangement with us by {upper_abbr(d.deadline)}, we will instruct our solicitors to start possession proceedings. We will follow the Pre-Action Protocol for Possession Claims based on Mortgage Arrears.",
        width=88,
    ).gap()
    page.para(
        "You should get independent advice now. Shelter's helpline is 0808 800 4444, and your local council may be able to help if you are at risk of losing your home.",
        width=88,
    )
    page.footer((c(0.08, f"Mortgage account {d.ref}. Calls may be recorded.", size=SMALL),))
    return Doc(
        truth=debt(C.MORTGAGE_ARREARS, d, deadline_date=d.deadline),
        sheets=[page],
        face="lserif",
        point=10.5,
    )


def rent_arrears(rng: random.Random, i: int) -> Doc:
    if i % 2 == 0:
        return _letting_agent(rng)
    return _rent_statement(rng)


def _letting_agent(rng: random.Random) -> Doc:
    """A letting agent writes for the landlord, who is the creditor; the agent's client
    account is in the how-to-pay box, the deposit is a distractor."""
    d = draw(
        rng,
        LANDLORDS,
        writers=LETTING_AGENTS,
        ref="tenancy",
        low=30_000,
        high=420_000,
        days=(7, 10, 14),
    )
    rent = rng.randrange(55_000, 140_000)
    page = Sheet()
    page.add((c(0.08, d.writer, True, size=HEAD),))
    page.add(
        (
            c(
                0.08,
                "12 Bondgate, Darlington DL3 7JE. Propertymark member. Client money protection by Propertymark CMP.",
                size=SMALL,
            ),
        )
    ).gap()
    page.add((r(0.92, f"Tenancy reference: {d.ref}"),), (r(0.92, short_abbr(d.letter_date)),)).gap()
    page.add(*addressee(d)).gap()
    page.add((c(0.08, f"Re: {d.address[0]}, {d.address[1]} (the Property)", True),)).gap()
    page.add((c(0.08, "Rent arrears - formal reminder", True, size=12.0),)).gap()
    page.add((c(0.08, d.dear),))
    page.para(
        f"We act as managing agent for your landlord, {d.creditor}. Our records show that the rent account for the Property is in arrears by {money(d.balance)}. Your rent of {money(rent)} per calendar month is due on the 1st of each month.",
        width=84,
    ).gap()
    page.para(
        f"Please pay the arrears in full by {slash_short(d.deadline)}. If you cannot, contact us so that we can discuss it with your landlord. If the arrears are not cleared, your landlord may serve notice seeking possession of the Property.",
        width=84,
    ).gap()
    page.boxed(
        [
            (c(0.1, "Monthly rent"), r(0.9, money(rent))),
            (c(0.1, "Deposit held with the Deposit Protection Service"), r(0.9, money(rent * 5 // 4))),
            (c(0.1, "Rent arrears", True), r(0.9, money(d.balance), True)),
        ],
        x0=0.08, x1=0.92, cols=(0.7,),
    )  # fmt: skip
    page.gap().add(*bank_box(f"{d.writer} Client Account", d.ref, "20-86-11", digits(rng, 8)))
    page.footer(
        (c(0.08, f"{d.writer} collects rent for and on behalf of {d.creditor}.", size=SMALL),)
    )
    return Doc(
        truth=debt(C.RENT_ARREARS, d, deadline_date=d.deadline),
        sheets=[page],
        face="serif",
        point=10.0,
    )


def _rent_statement(rng: random.Random) -> Doc:
    """A housing association's rent statement in a monospaced face: weekly debits, housing
    payments and the running balance in a ruled table; the arrears in a sentence."""
    d = draw(rng, HOUSING, ref="tenancy", days=(10, 14))
    weekly = rng.randrange(9_000, 16_000)
    balance = rng.randrange(10_000, 80_000)
    day = d.letter_date - dt.timedelta(days=56)
    rows: list[Row] = [
        (
            c(0.1, "Date", True),
            c(0.24, "Details", True),
            r(0.64, "Debit", True),
            r(0.77, "Credit", True),
            r(0.9, "Balance", True),
        )
    ]
    for week in range(8):
        when = day + dt.timedelta(days=7 * week)
        balance += weekly
        rows.append(
            (
                c(0.1, slash_short(when)),
                c(0.24, f"Rent week {week + 1}"),
                r(0.64, plain(weekly)),
                r(0.9, plain(balance)),
            )
        )
        if week in (3, 7):
            uc = weekly * 4 - rng.randrange(0, weekly)
            balance -= uc
            rows.append(
                (
                    c(0.1, slash_short(when + dt.timedelta(days=2))),
                    c(0.24, "UC housing costs"),
                    r(0.77, plain(uc)),
                    r(0.9, plain(balance)),
                )
            )
    page = Sheet()
    page.add(
        (c(0.08, d.creditor.upper(), True, size=12.0),),
        (c(0.08, "Income Team, 3 Vicarage Lane, Bath BA2 3EU", size=SMALL),),
    ).gap()
    page.add((c(0.08, "RENT ACCOUNT STATEMENT", True),)).gap()
    page.add(
        (c(0.08, d.person), c(0.56, "Tenancy ref"), r(0.92, d.ref)),
        (c(0.08, d.address[0]), c(0.56, "Statement date"), r(0.92, upper_abbr(d.letter_date))),
        (c(0.08, d.address[1]), c(0.56, "Weekly rent"), r(0.92, money(weekly))),
        (c(0.08, d.address[2]),),
    ).gap()
    page.boxed(rows, x0=0.08, x1=0.92, cols=(0.22, 0.52, 0.66, 0.79))
    page.gap().para(
        f"Your rent account is {money(balance)} in arrears. Please pay this, or contact your Housing Officer to agree a plan, by {day_slash(d.deadline)}.",
        width=80,
    ).gap()
    page.para(
        "Pay at any Post Office or PayPoint with your rent card, by Direct Debit, or online.",
        width=80,
    )
    page.footer(
        (
            c(
                0.08,
                f"{d.creditor} is a registered provider of social housing. Tenancy ref {d.ref}.",
                size=SMALL,
            ),
        )
    )
    truth = Truth(
        document_class=C.RENT_ARREARS, creditor_name=d.creditor, account_reference=d.ref,
        balance_pence=balance, letter_date=d.letter_date, deadline_date=d.deadline,
    )  # fmt: skip
    return Doc(truth=truth, sheets=[page], face="mono", point=9.0)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    if i % 2 == 0:
        return _bnpl_missed(rng)
    return _catalogue_statement(rng)


def _bnpl_missed(rng: random.Random) -> Doc:
    """A pay-later provider's missed-payment notice: the overdue instalment and the whole
    balance side by side over their labels, the merchant and order number as distractors."""
    d = draw(rng, BNPL, ref="app", low=6_000, high=150_000, days=(7, 10))
    instalment = max(d.balance // rng.choice((3, 4, 6)), 1_000)
    merchant = rng.choice(("Northern Outdoor Gear", "Lakeland Sofa Co", "Haven Electricals"))
    page = Sheet()
    page.add((c(0.08, d.creditor, True, size=HEAD),)).gap()
    page.add((c(0.08, "You missed a payment - your account is in arrears", True, size=12.0),)).gap()
    page.add((c(0.08, f"Hi {d.first},"),))
    page.para(
        f"We tried to take your payment of {money(instalment)} for your order from {merchant} on {short_abbr(d.earlier)}, but it did not go through. We have tried again since and it has still not been paid.",
        width=84,
    ).gap()
    page.boxed(
        [
            *under([("Overdue now", money(instalment)), ("Total outstanding", money(d.balance)), ("Pay by", short_abbr(d.deadline))], (0.1, 0.4, 0.7), bold=True),
            *under([("Account ID", d.ref), ("Order number", f"{digits(rng, 3)}-{digits(rng, 7)}"), ("Sent", short_abbr(d.letter_date))], (0.1, 0.4, 0.7)),
        ],
        x0=0.08, x1=0.92, cols=(0.38, 0.68), every=2,
    )  # fmt: skip
    page.gap().para(
        "If you do not pay by then we will add a late fee of £6.00, pause your account and may pass it to a debt collection agency. We report missed payments to credit reference agencies, which could affect your ability to borrow.",
        width=84,
    ).gap()
    page.para(
        "Pay in the app or at our website. If you are finding things hard, tell us: we can move your payment date or set up a plan, and free help is at moneyhelper.org.uk.",
        width=84,
    )
    page.footer(
        (
            c(
                0.08,
                f"{d.creditor} is authorised and regulated by the Financial Conduct Authority ({fca(rng)}).",
                size=SMALL,
            ),
        ),
        (c(0.08, f"Registered in England and Wales no. {company_no(rng)}.", size=SMALL),),
    )
    return Doc(
        truth=debt(C.BNPL_CATALOGUE_ARREARS, d, deadline_date=d.deadline),
        sheets=[page],
        face="serif",
        point=10.5,
    )


def _catalogue_statement(rng: random.Random) -> Doc:
    """A catalogue account statement in a monospaced face: the movements in a ruled table,
    the arrears and the minimum payment as distractors beside the new balance."""
    d = draw(rng, CATALOGUES, ref="long", low=15_000, high=250_000, days=(18, 21, 25))
    previous = d.balance - rng.randrange(0, 6_000)
    goods = rng.randrange(0, 9_000)
    fee = 1_200
    interest = d.balance - previous - goods - fee
    payments = 0
    if interest < 0:
        payments = -interest + rng.randrange(100, 2_000)
        interest += payments
    arrears = rng.randrange(3_000, max(d.balance // 3, 4_000))
    minimum = arrears + rng.randrange(1_000, 3_000)
    page = Sheet()
    page.add((c(0.08, d.creditor.upper(), True, size=12.0), r(0.92, "MONTHLY STATEMENT", True)))
    page.add((c(0.08, "Customer Accounts, Burnley Road, Colne BB8 8DZ", size=SMALL),)).gap()
    page.add(*addressee(d, upper=True)).gap()
    page.boxed(
        under([("Account number", d.ref), ("Statement date", upper_abbr(d.letter_date)), ("Credit limit", money(rng.choice((40_000, 75_000, 100_000, 300_000))))], (0.1, 0.42, 0.7)),
        x0=0.08, x1=0.92, cols=(0.4, 0.68), ruled=False,
    )  # fmt: skip
    page.gap().boxed(
        [
            (c(0.1, "Previous balance"), r(0.9, plain(previous))),
            (c(0.1, "Goods purchased"), r(0.9, plain(goods))),
            (c(0.1, "Payments received"), r(0.9, "-" + plain(payments))),
            (c(0.1, "Interest charged"), r(0.9, plain(interest))),
            (c(0.1, "Late payment fee"), r(0.9, plain(fee))),
            (c(0.1, "NEW BALANCE", True), r(0.9, money(d.balance), True)),
        ],
        x0=0.08, x1=0.92, cols=(0.7,),
    )  # fmt: skip
    page.gap().para(
        f"YOUR ACCOUNT IS IN ARREARS BY {money(arrears)}. Please pay at least {money(minimum)}, which includes the arrears, by {upper_abbr(d.deadline)}. Further orders are on hold until the arrears are paid.",
        width=76,
    ).gap()
    page.para(
        "If you pay only the minimum each month it will take longer and cost you more to clear your balance.",
        width=76,
    )
    page.footer(
        (
            c(
                0.08,
                f"{d.creditor}. Authorised and regulated by the Financial Conduct Authority, {fca(rng)}.",
                size=SMALL,
            ),
        )
    )
    return Doc(
        truth=debt(C.BNPL_CATALOGUE_ARREARS, d, deadline_date=d.deadline),
        sheets=[page],
        face="mono",
        point=9.0,
    )


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    """A letter of claim over three pages: the letter, the Information Sheet, and the Reply
    Form with the account number and the sum over their labels. Half print the date to
    reply by; half say "within 30 days" only."""
    sold = i % 2 == 0
    dated = i % 4 in (0, 1)
    d = draw(
        rng,
        PURCHASERS if sold else LENDERS,
        writers=SOLICITORS,
        low=60_000,
        high=1_500_000,
        days=(30,),
    )
    interest = rng.randrange(0, d.balance // 8)
    one = Sheet()
    one.add((c(0.08, d.writer, True, size=13.0), r(0.92, "Solicitors", size=SMALL)))
    one.add(
        (c(0.08, "40 Park Row, Leeds LS1 5JL   DX 12066 Leeds   0113 496 0772", size=SMALL),)
    ).gap()
    one.add(
        (mid(0.5, "LETTER OF CLAIM", True, size=HEAD),),
        (mid(0.5, "Pre-Action Protocol for Debt Claims"),),
    ).gap()
    one.add((c(0.08, d.person), r(0.92, f"Our ref: {d.writer_ref}")))
    one.add((c(0.08, d.address[0]), r(0.92, f"Date: {slash_short(d.letter_date)}")))
    one.add((c(0.08, d.address[1]),), (c(0.08, d.address[2]),)).gap()
    one.add((c(0.08, d.dear),))
    one.para(
        f'We act for {d.creditor} ("our client") about the debt set out below, account number {d.ref}.'
        + (
            f" The agreement was made between you and {d.original} on {of_ordinal(d.earlier)} and was later assigned to our client."
            if sold
            else ""
        ),
        width=86,
    ).gap()
    one.para(
        f"The amount of the debt is {money(d.balance)}. This is made up of {money(d.balance - interest)} owed when the agreement was ended and {money(interest)} interest since then. A statement of account is enclosed.",
        width=86,
    ).gap()
    if dated:
        reply = f"Please complete and return the Reply Form by {of_ordinal(d.deadline)}, which is 30 days from the date of this letter."
    else:
        reply = (
            "Please complete and return the Reply Form within 30 days of the date of this letter."
        )
    one.para(
        reply
        + " If you do not reply, our client may start court proceedings against you. If you need more time to get debt advice, say so on the Reply Form.",
        width=86,
    ).gap()
    one.add((c(0.08, "Yours faithfully"),)).gap().add((c(0.08, d.writer),))
    one.footer(
        (
            c(
                0.08,
                f"Authorised and regulated by the Solicitors Regulation Authority, SRA no. {rng.randrange(500_000, 699_999)}.",
                size=SMALL,
            ),
            r(0.92, "1/3", size=SMALL),
        )
    )
    two = Sheet()
    two.add((c(0.08, "Information Sheet", True, size=12.0),)).gap()
    for text in (
        "You have received this information sheet because the creditor believes you owe them money. Read the letter of claim and this sheet carefully and get advice if you need it.",
        "Free independent advice is available from: StepChange Debt Charity 0800 138 1111; National Debtline 0808 808 4000; Citizens Advice 0800 144 8848; Business Debtline 0800 197 6026.",
        "You should use the Reply Form to say whether you agree that you owe the debt, whether you want time to pay, and whether you need any documents. If you need advice, the creditor should not start court proceedings for 30 days after receiving your Reply Form.",
        "If you do not reply within the time limit, the creditor can start court proceedings, which may lead to a County Court Judgment and further costs.",
    ):
        two.para(text, width=86).gap()
    two.footer((c(0.08, f"Our ref {d.writer_ref}", size=SMALL), r(0.92, "2/3", size=SMALL)))
    three = Sheet()
    three.add((c(0.08, "Reply Form", True, size=12.0),)).gap()
    three.boxed(
        [
            *under([("Creditor", d.creditor), ("Account number", d.ref)], (0.1, 0.55)),
            *under([("Amount claimed", money(d.balance)), ("Your name", d.person)], (0.1, 0.55)),
        ],
        x0=0.08, x1=0.92, cols=(0.53,), every=2,
    )  # fmt: skip
    three.gap()
    for option in ("[  ] I agree I owe the debt", "[  ] I agree I owe part of the debt", "[  ] I do not owe the debt",
                   "[  ] I need more time to get advice", "[  ] I enclose a financial statement"):  # fmt: skip
        three.add((c(0.1, option),))
    three.gap().para(
        "Send this form to the solicitors at the address above, or email it to claims@example.org.uk.",
        width=86,
    )
    three.footer((c(0.08, f"Our ref {d.writer_ref}", size=SMALL), r(0.92, "3/3", size=SMALL)))
    extra: dict[str, object] = {"original_creditor": d.original} if sold else {}
    if dated:
        extra["deadline_date"] = d.deadline
    return Doc(
        truth=debt(C.LETTER_OF_CLAIM, d, **extra),
        sheets=[one, two, three],
        face="lserif",
        point=11.0,
    )


# -- templates: income, statements, other ------------------------------------------------------

CYCLE = {
    "weekly": (52, "Weekly", "every week", 38),
    "fortnightly": (26, "Fortnightly", "every 2 weeks", 75),
    "four_weekly": (13, "4 Weekly", "every 4 weeks", 150),
    "monthly": (12, "Monthly", "every month", 163),
}
"""frequency: (periods a year, as a payroll prints it, in a sentence, basic hours)"""


def _pay(rng: random.Random, frequency: str) -> tuple[int, int, int, int, int, int, int]:
    periods, _, _, hours = CYCLE[frequency]
    rate = rng.choice((1_221, 1_260, 1_335, 1_410, 1_575))
    basic = rate * hours
    extra = rng.choice((0, rate * 4, rate * 8 * 3 // 2))
    gross = basic + extra
    free = 1_257_000 // periods
    tax = max(0, (gross - free) * 20 // 100)
    ni = max(0, (gross - free) * 8 // 100)
    pension = gross * 5 // 100
    return rate, basic, extra, gross, tax, ni, pension


def payslip(rng: random.Random, i: int) -> Doc:
    frequency = ("weekly", "four_weekly", "monthly", "fortnightly")[i % 4]
    if i % 2 == 0:
        return _sage_payslip(rng, frequency)
    return _bureau_payslip(rng, frequency)


def _sage_payslip(rng: random.Random, frequency: str) -> Doc:
    """A monospaced payslip: payments and deductions in ruled tables, then two strips of
    values over their labels (year-to-date figures, the pay date, the pay frequency) and
    the net pay over its label."""
    d = draw(rng, EMPLOYERS)
    periods, printed, _, hours = CYCLE[frequency]
    rate, basic, extra, gross, tax, ni, pension = _pay(rng, frequency)
    net = gross - tax - ni - pension
    done = rng.randrange(2, periods)
    page = Sheet()
    page.add(
        (c(0.08, d.creditor.upper(), True, size=12.0), r(0.92, "PAYSLIP", True, size=HEAD))
    ).gap()
    page.add(
        (
            c(0.08, f"{d.first} {d.surname}"),
            c(0.5, "Dept: Production"),
            r(0.92, f"Employee No. {digits(rng, 5)}"),
        )
    ).gap()
    page.boxed(
        [
            (c(0.1, "Payments", True), r(0.55, "Units", True), r(0.72, "Rate", True), r(0.9, "Amount", True)),
            (c(0.1, "Basic pay"), r(0.55, f"{hours:.2f}"), r(0.72, plain(rate)), r(0.9, plain(basic))),
            (c(0.1, "Overtime / extra hours"), r(0.55, f"{extra / rate:.2f}" if extra else "0.00"), r(0.72, plain(rate)), r(0.9, plain(extra))),
            (c(0.1, "Total payments", True), r(0.9, plain(gross), True)),
        ],
        x0=0.08, x1=0.92, cols=(0.42, 0.58, 0.75),
    )  # fmt: skip
    page.gap().boxed(
        [
            (c(0.1, "Deductions", True), r(0.9, "Amount", True)),
            (c(0.1, "PAYE tax"), r(0.9, plain(tax))),
            (c(0.1, "National Insurance"), r(0.9, plain(ni))),
            (c(0.1, "Pension (NEST)"), r(0.9, plain(pension))),
            (c(0.1, "Total deductions", True), r(0.9, plain(tax + ni + pension), True)),
        ],
        x0=0.08, x1=0.92, cols=(0.75,),
    )  # fmt: skip
    page.gap().boxed(
        [
            *under([("Gross TD", plain(gross * done)), ("Tax paid TD", plain(tax * done)), ("NI TD", plain(ni * done)), ("Pension TD", plain(pension * done))], (0.1, 0.32, 0.54, 0.74)),
            *under([("Pay date", slash_short(d.letter_date)), ("Tax code", "1257L"), ("NI number", nino(rng)), ("Pay frequency", printed)], (0.1, 0.32, 0.54, 0.74)),
        ],
        x0=0.08, x1=0.92, cols=(0.3, 0.52, 0.72), every=2,
    )  # fmt: skip
    page.gap().add((r(0.92, money(net), True, size=HEAD),), (r(0.92, "Net Pay", size=SMALL),))
    page.footer(
        (
            c(
                0.08,
                f"Paid by BACS to account ending {digits(rng, 4)}. Keep this payslip: you may need it to claim benefits.",
                size=SMALL,
            ),
        )
    )
    truth = Truth(
        document_class=C.PAYSLIP, payer_name=d.creditor, letter_date=d.letter_date,
        income_pence=net, gross_pence=gross, frequency=frequency,
    )  # fmt: skip
    return Doc(truth=truth, sheets=[page], face="mono", point=9.0)


def _bureau_payslip(rng: random.Random, frequency: str) -> Doc:
    """A pay advice issued by a payroll bureau for the employer: who pays and how often
    only in sentences, gross and net at the foot of a ruled table, the bureau and the PAYE
    references as distractors."""
    d = draw(rng, EMPLOYERS, writers=BUREAUS)
    periods, _, sentence, hours = CYCLE[frequency]
    rate, basic, extra, gross, tax, ni, pension = _pay(rng, frequency)
    net = gross - tax - ni - pension
    page = Sheet()
    page.add((c(0.08, f"Issued by {d.writer} on behalf of", size=SMALL),))
    page.add((c(0.08, d.creditor, True, size=HEAD),)).gap()
    page.para(
        f"Pay advice for {d.first} {d.surname}, employee number {digits(rng, 6)}. You are paid {sentence} by BACS; this payment was made on {of_ordinal(d.letter_date)}.",
        width=80,
    ).gap()
    page.boxed(
        [
            (c(0.1, f"Basic hours {hours} at {money(rate)}"), r(0.9, money(basic))),
            (c(0.1, "Weekend and night enhancements"), r(0.9, money(extra))),
            (c(0.1, "Gross pay", True), r(0.9, money(gross), True)),
            (c(0.1, "Income tax (code 1257L)"), r(0.9, money(tax))),
            (c(0.1, "National Insurance (category A)"), r(0.9, money(ni))),
            (c(0.1, "Workplace pension 5%"), r(0.9, money(pension))),
            (c(0.1, "Net pay", True), r(0.9, money(net), True)),
        ],
        x0=0.08, x1=0.92, cols=(0.7,),
    )  # fmt: skip
    page.gap().para(
        f"Taxable pay this year to date {money(gross * rng.randrange(2, periods))}. Holiday remaining: {rng.randrange(3, 25)} days.",
        width=80,
    )
    page.footer(
        (c(0.08, f"Payroll queries: {d.writer}, 01535 600 471.", size=SMALL),),
        (
            c(
                0.08,
                f"Employer PAYE reference 475/TA{digits(rng, 5)}   Accounts Office reference 475PA00{digits(rng, 6)}",
                size=SMALL,
            ),
        ),
    )
    truth = Truth(
        document_class=C.PAYSLIP, payer_name=d.creditor, letter_date=d.letter_date,
        income_pence=net, gross_pence=gross, frequency=frequency,
    )  # fmt: skip
    return Doc(truth=truth, sheets=[page], face="serif", point=9.5)


def benefit(rng: random.Random, i: int) -> Doc:
    """ESA every 2 weeks (DWP), Child Benefit every 4 weeks (HMRC), Carer's Allowance every
    week (DWP): the weekly rates beside the amount actually paid."""
    kind = i % 3
    if kind == 1:
        d = draw(rng, ("HM Revenue & Customs",))
        children = rng.choice((1, 2, 3))
        weekly = 2_605 + 1_725 * (children - 1)
        paid, frequency = weekly * 4, "four_weekly"
        page = Sheet()
        page.add(
            (c(0.08, d.creditor, True, size=HEAD),),
            (c(0.08, "Child Benefit Office, PO Box 1, Newcastle upon Tyne NE88 1AA", size=SMALL),),
        ).gap()
        page.boxed(
            under([("Child Benefit number", f"CHB{digits(rng, 8)} {rng.choice('ABC')}"), ("Date", slash_short(d.letter_date)), ("National Insurance number", nino(rng))], (0.1, 0.42, 0.64)),
            x0=0.08, x1=0.92, cols=(0.4, 0.62), ruled=False,
        )  # fmt: skip
        page.gap().add(*addressee(d)).gap()
        page.add((c(0.08, "Child Benefit award notice", True, size=12.0),)).gap()
        page.para(
            f"We have awarded you Child Benefit for {children} {'child' if children == 1 else 'children'} from {slash_short(d.earlier)}. We will pay {money(paid)} every 4 weeks into your bank or building society account, on a Monday or Tuesday.",
            width=86,
        ).gap()
        rows = [(c(0.1, "Eldest or only child"), r(0.9, "£26.05 a week"))]
        if children > 1:
            rows.append(
                (
                    c(0.1, f"Other children ({children - 1})"),
                    r(0.9, f"{money(1_725 * (children - 1))} a week"),
                )
            )
        rows += [
            (c(0.1, "Total each week"), r(0.9, money(weekly))),
            (c(0.1, "Paid every 4 weeks", True), r(0.9, money(paid), True)),
        ]
        page.boxed(rows, x0=0.08, x1=0.92, cols=(0.66,))
        page.gap().para(
            "If you or your partner have income over £60,000 a year, you may have to pay the High Income Child Benefit Charge. Tell us about any change in your family's circumstances.",
            width=86,
        )
        page.footer(
            (c(0.08, "Child Benefit helpline 0300 200 3100. Textphone 0300 200 3103.", size=SMALL),)
        )
        face, point = "lserif", 10.5
    else:
        d = draw(rng, ("Department for Work and Pensions",))
        if kind == 0:
            name, frequency, per = "Employment and Support Allowance", "fortnightly", 2
            parts = [("Personal allowance", 9_255), ("Support component", rng.choice((0, 4_760)))]
        else:
            name, frequency, per = "Carer's Allowance", "weekly", 1
            parts = [("Carer's Allowance", 8_330)]
        weekly = sum(p for _, p in parts)
        paid = weekly * per
        how = "every 2 weeks" if per == 2 else "every week"
        page = Sheet()
        page.add((c(0.08, d.creditor, True, size=13.0), r(0.92, name, size=SMALL)))
        page.add(
            (
                c(
                    0.08,
                    "Freepost DWP ESA 4" if per == 2 else "Carer's Allowance Unit, Freepost DWP CA",
                    size=SMALL,
                ),
            )
        ).gap()
        page.add(*addressee(d)).gap()
        page.add(
            (r(0.92, long(d.letter_date), True),), (r(0.92, "Date of this letter", size=SMALL),)
        ).gap()
        page.add((c(0.08, f"Your {name}", True, size=12.0),)).gap()
        page.add((c(0.08, d.dear),))
        page.para(
            f"We have worked out how much {name} you can get. From {of_ordinal(d.earlier)} you will get {money(weekly)} a week. We pay {how}, so you will get {money(paid)} {how} into your account ending {digits(rng, 4)}.",
            width=84,
        ).gap()
        page.boxed(
            [*((c(0.1, label), r(0.9, money(p))) for label, p in parts if p),
             (c(0.1, "Weekly amount"), r(0.9, money(weekly))),
             (c(0.1, f"Amount paid {how}", True), r(0.9, money(paid), True))],
            x0=0.08, x1=0.92, cols=(0.7,),
        )  # fmt: skip
        page.gap().para(
            "You must tell us straight away about any change in your circumstances, for example if you start work or your income goes up, or you may be overpaid.",
            width=84,
        )
        page.footer(
            (
                c(
                    0.08,
                    "If you think this decision is wrong, you can ask for a mandatory reconsideration within one month.",
                    size=SMALL,
                ),
            )
        )
        face, point = "serif", 10.5
    truth = Truth(
        document_class=C.BENEFIT_AWARD, payer_name=d.creditor, letter_date=d.letter_date,
        income_pence=paid, frequency=frequency,
    )  # fmt: skip
    return Doc(truth=truth, sheets=[page], face=face, point=point)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """A two-page statement in a monospaced face: sort code, account and statement date as
    right-aligned values, a summary strip, transactions ruled and continued on page 2."""
    d = draw(rng, BANKS)
    account = digits(rng, 8)
    start = d.letter_date - dt.timedelta(days=30)
    balance = rng.randrange(-15_000, 60_000)
    opening = balance
    payees = [
        ("DD", "CANNOCK CHASE DC CTAX", 13_900, True), ("BGC", "HOLDERNESS FOODS SAL", 131_255, False),
        ("POS", "CO-OP FOOD HULL", 2_284, True), ("SO", "HARROWGATE ESTATES", 65_000, True),
        ("DD", "BEACON FUEL POWER", 9_800, True), ("POS", "B&M STORES", 1_799, True),
        ("DD", "TEES WATER SERVICES", 3_850, True), ("FPI", "DWP CHB", 10_420, False),
        ("DD", "SPROUT INSTALMENTS", 3_125, True), ("ATM", "CASH LINK HULL", 4_000, True),
        ("POS", "TESCO EXPRESS", 1_463, True), ("DD", "VODAFONE", 2_400, True),
        ("BP", "J HARPER", 2_000, False), ("DD", "TV LICENCE MBP", 1_459, True),
        ("POS", "GREGGS", 395, True), ("DD", "PENDLE HOME SHOPPING", 2_500, True),
    ]  # fmt: skip
    head = (
        c(0.1, "Date", True),
        c(0.2, "Type", True),
        c(0.28, "Description", True),
        r(0.7, "Out", True),
        r(0.8, "In", True),
        r(0.92, "Balance", True),
    )
    rows: list[Row] = []
    day = start
    money_in = money_out = 0
    for kind, who, amount, out in payees:
        day += dt.timedelta(days=rng.randrange(1, 3))
        balance += -amount if out else amount
        money_out += amount if out else 0
        money_in += 0 if out else amount
        shown = plain(abs(balance)) + ("D" if balance < 0 else " ")
        rows.append((c(0.1, f"{day:%d %b}".upper()), c(0.2, kind), c(0.28, who),
                     r(0.7 if out else 0.8, plain(amount)), r(0.92, shown)))  # fmt: skip
    one = Sheet()
    one.add(
        (c(0.08, d.creditor, True, size=13.0), r(0.92, "Current Account Statement", True))
    ).gap()
    one.add(
        (c(0.08, d.upper_name), c(0.56, "Sort code"), r(0.92, "30-91-57")),
        (c(0.08, d.address[0].upper()), c(0.56, "Account number"), r(0.92, account)),
        (
            c(0.08, d.address[1].upper()),
            c(0.56, "Statement date"),
            r(0.92, upper_abbr(d.letter_date)),
        ),
        (c(0.08, d.address[2]), c(0.56, "Statement number"), r(0.92, str(rng.randrange(40, 200)))),
    ).gap()
    one.boxed(
        under([("Opening balance", money(abs(opening))), ("Money in", money(money_in)), ("Money out", money(money_out)), ("Closing balance", money(abs(balance)))], (0.1, 0.32, 0.54, 0.74)),
        x0=0.08, x1=0.92, cols=(0.3, 0.52, 0.72), ruled=False,
    )  # fmt: skip
    one.gap().add(
        (c(0.08, f"Your transactions {upper_abbr(start)} to {upper_abbr(d.letter_date)}", True),)
    )
    one.boxed([head, *rows[:10]], x0=0.08, x1=0.94, cols=(0.19, 0.27, 0.6, 0.72, 0.82))
    one.footer(
        (
            c(
                0.08,
                "D = overdrawn. Arranged overdraft limit £500. Overdraft interest 35.0% EAR variable.",
                size=SMALL,
            ),
        ),
        (
            c(0.08, f"Sort code 30-91-57 Account {account}", size=SMALL),
            r(0.92, "Page 1 of 2", size=SMALL),
        ),
    )
    two = Sheet()
    two.add((c(0.08, "Your transactions (continued)", True),)).gap()
    two.boxed([head, *rows[10:]], x0=0.08, x1=0.94, cols=(0.19, 0.27, 0.6, 0.72, 0.82))
    two.gap().add(
        (
            c(0.1, "Closing balance"),
            r(0.92, plain(abs(balance)) + ("D" if balance < 0 else " "), True),
        )
    )
    two.footer(
        (
            c(
                0.08,
                "Your eligible deposits are protected up to £85,000 by the Financial Services Compensation Scheme.",
                size=SMALL,
            ),
        ),
        (
            c(0.08, f"Sort code 30-91-57 Account {account}", size=SMALL),
            r(0.92, "Page 2 of 2", size=SMALL),
        ),
    )
    truth = Truth(document_class=C.BANK_STATEMENT, letter_date=d.letter_date)
    return Doc(truth=truth, sheets=[one, two], face="lmono", point=8.5)


def other(rng: random.Random, i: int) -> Doc:
    """Not a debt: an electoral registration enquiry from a council (a council name, a
    reference, a date to reply by) or a hospital appointment (an NHS number, a parking
    charge)."""
    d = draw(rng, COUNCILS)
    page = Sheet()
    if i % 2 == 0:
        page.add(
            (c(0.08, d.creditor, True, size=13.0),),
            (c(0.08, "Electoral Registration Office", size=SMALL),),
        ).gap()
        page.boxed(
            under([("Property reference", f"{digits(rng, 4)}-{digits(rng, 3)}"), ("Security code", f"{digits(rng, 4)} {digits(rng, 4)}"), ("Date", slash_short(d.letter_date))], (0.1, 0.42, 0.7)),
            x0=0.08, x1=0.92, cols=(0.4, 0.68), ruled=False,
        )  # fmt: skip
        page.gap().add(*addressee(d, upper=True)).gap()
        page.add(
            (c(0.08, "Household enquiry - is the information about your home right?", True),)
        ).gap()
        for text in (
            "We need to check who lives at your address and is eligible to vote. If the people named below are correct, you do not need to do anything.",
            "If anything has changed, please tell us online using the security code above, or by calling 0300 456 2218.",
            "Being registered to vote can help your credit rating. Registering is free.",
        ):
            page.para(text, width=84).gap()
        page.add((c(0.1, d.person), r(0.9, "Registered")))
        face, point = "lserif", 10.5
    else:
        hospital = "Tees Valley Hospitals NHS Foundation Trust"
        when = d.letter_date + dt.timedelta(days=rng.randrange(10, 40))
        page.add(
            (r(0.92, hospital, True, size=12.0),),
            (r(0.92, "Outpatient Appointments 01642 850 850", size=SMALL),),
        ).gap()
        page.add(*addressee(d)).gap()
        page.add(
            (c(0.08, "NHS number"), r(0.6, f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 4)}"))
        )
        page.add((c(0.08, "Hospital number"), r(0.6, f"J{digits(rng, 7)}")))
        page.add((c(0.08, "Date of letter"), r(0.6, slash_short(d.letter_date)))).gap()
        page.add((c(0.08, "Your outpatient appointment", True, size=12.0),)).gap()
        page.para(
            f"An appointment has been made for you in the Orthopaedic Clinic on {day_slash(when)} at 10:40. Please arrive 15 minutes early and bring a list of your medicines.",
            width=84,
        ).gap()
        page.para(
            "Car parking costs £3.50 for up to four hours; blue badge holders park free. If you cannot attend, please tell us so we can offer your appointment to someone else.",
            width=84,
        )
        face, point = "serif", 10.5
    page.footer((c(0.08, "Please keep this letter.", size=SMALL),))
    return Doc(truth=Truth(document_class=C.OTHER), sheets=[page], face=face, point=point)


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


# -- the family ------------------------------------------------------------------------------


@frozen(kw_only=True)
class MSample(Sample):
    """A sample of family M: its face and body size, ruled boxes and footers per page."""

    face: str = "serif"
    point: float = 10.5
    frames: tuple[tuple[Frame, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_m(per_class: int = 4, *, seed: int = 2614) -> list[MSample]:
    """``per_class`` documents of every class, held out, family ``<class>:M``."""
    rng = random.Random(seed)
    out: list[MSample] = []
    for cls, template in TEMPLATES:
        for i in range(per_class):
            doc = template(rng, i)
            assert doc.truth.document_class is cls
            out.append(
                MSample(
                    name=f"{cls.value}:{FAMILY}{i}",
                    family=f"{cls.value}:{FAMILY}",
                    held_out=True,
                    truth=doc.truth,
                    pages=tuple(list(s.rows) for s in doc.sheets),
                    face=doc.face,
                    point=doc.point,
                    frames=tuple(tuple(s.frames) for s in doc.sheets),
                    feet=tuple(s.foot for s in doc.sheets),
                )
            )
    return out


# -- layout: words with exact boxes, text, images ------------------------------------------------

FACES = {
    "serif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif{}.ttf",
    "lserif": "/usr/share/fonts/truetype/liberation/LiberationSerif-{}.ttf",
    "mono": "/usr/share/fonts/truetype/dejavu/DejaVuSansMono{}.ttf",
    "lmono": "/usr/share/fonts/truetype/liberation/LiberationMono-{}.ttf",
}
"""DejaVu Serif and Sans Mono, Liberation Serif and Mono (never a sans face)."""
LEADING = 1.6
A4 = (8.27, 11.69)
TOP, BOTTOM = 0.045, 0.955


@cache
def _font(face: str, size: int, bold: bool) -> ImageFont.FreeTypeFont:
    path = FACES[face]
    if face.startswith("l"):
        return ImageFont.truetype(path.format("Bold" if bold else "Regular"), size)
    return ImageFont.truetype(path.format("-Bold" if bold else ""), size)


@cache
def _length(font: ImageFont.FreeTypeFont, text: str) -> float:
    """The text's advance in ``font`` (fonts are cached, so are their measures: the same
    words recur across documents and layout is measured again for text and for boxes)."""
    return font.getlength(text)


def page_size(dpi: int) -> tuple[int, int]:
    return int(A4[0] * dpi), int(A4[1] * dpi)


@frozen
class Placed:
    cell: Cell
    left: int
    top: int
    size: int
    font: ImageFont.FreeTypeFont


def _size(sample: MSample, cell: Cell, dpi: int) -> int:
    point = cell.size if isinstance(cell, MCell) and cell.size else sample.point
    return round(point / 72 * dpi)


def _rows(sample: MSample, n: int, dpi: int) -> tuple[list[int], list[int]]:
    """Each row's top and height in pixels; the footer block sits at the foot of the page."""
    _, height = page_size(dpi)
    body = round(sample.point / 72 * dpi)
    page = sample.pages[n]
    heights = [
        round(max((_size(sample, cell, dpi) for cell in row), default=body) * LEADING)
        for row in page
    ]
    foot = sample.feet[n] if sample.feet else None
    tops: list[int] = []
    y = round(TOP * height)
    for i in range(len(page)):
        if i == foot:
            low = round(BOTTOM * height) - sum(heights[i:])
            if low < y:
                raise ValueError(f"{sample.name}: page {n + 1} runs into its footer")
            y = low
        tops.append(y)
        y += heights[i]
    if y > BOTTOM * height + 1:
        raise ValueError(f"{sample.name}: page {n + 1} runs off the page")
    return tops, heights


def layout(sample: MSample, n: int, dpi: int) -> list[Placed]:
    """Every cell of page ``n`` with its left edge, top and size in pixels."""
    width, _ = page_size(dpi)
    tops, _ = _rows(sample, n, dpi)
    placed: list[Placed] = []
    for row, top in zip(sample.pages[n], tops, strict=True):
        for cell in row:
            size = _size(sample, cell, dpi)
            font = _font(sample.face, size, cell.bold)
            length = _length(font, cell.text)
            align = cell.align if isinstance(cell, MCell) else "left"
            left = cell.x * width - {"left": 0.0, "right": length, "centre": length / 2}[align]
            placed.append(Placed(cell, round(left), top, size, font))
    return placed


def m_words(sample: MSample, n: int, *, dpi: int = 150) -> list[Word]:
    """Page ``n``'s words with their exact boxes (what a perfect OCR reads)."""
    words: list[Word] = []
    for p in layout(sample, n, dpi):
        x = float(p.left)
        for token in p.cell.text.split():
            length = _length(p.font, token)
            words.append(
                Word(
                    text=token,
                    box=Box(left=round(x), top=p.top, width=round(length), height=p.size),
                )
            )
            x += length + _length(p.font, " ")
    return words


def m_page_text(sample: MSample, n: int, *, dpi: int = 150) -> str:
    """Page ``n`` as text: one line a row, cells in their order across the page, set apart
    by spaces in proportion to the gap between them (as ``corpus.page_text`` does)."""
    width, _ = page_size(dpi)
    lines: list[str] = []
    by_top: dict[int, list[Placed]] = {}
    tops, _ = _rows(sample, n, dpi)
    for p in layout(sample, n, dpi):
        by_top.setdefault(p.top, []).append(p)
    for top in tops:
        line = ""
        for p in sorted(by_top.get(top, []), key=lambda p: p.left):
            if not p.cell.text:
                continue
            if line:
                line += " " * max(3, round(p.left / width * 100) - len(line))
            line += p.cell.text
        lines.append(line.rstrip())
    return "\n".join(lines)


def m_text(sample: MSample) -> str:
    return "\f".join(m_page_text(sample, n) for n in range(len(sample.pages)))


def m_pages(sample: MSample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return tuple(
        PageText(
            number=n + 1,
            text=m_page_text(sample, n, dpi=dpi),
            confidence=1.0,
            source=PageSource.OCR,
            words=tuple(m_words(sample, n, dpi=dpi)),
            size=page_size(dpi),
        )
        for n in range(len(sample.pages))
    )


@frozen(kw_only=True)
class MScan(Scan):
    """How M is printed and scanned: besides ``Scan``'s effects, faint ink, a fold shadow
    and two punch holes in the left margin."""

    ink: int = 25
    fold: bool = False
    holes: bool = False


SCANS = (
    MScan(dpi=150, rotate=-0.5, noise=0.0012, holes=True),
    MScan(dpi=300, blur=0.8, paper=230, fold=True),
    MScan(dpi=220, rotate=1.1, ink=70, paper=246),
    MScan(dpi=180, noise=0.0018, blur=0.5, fold=True, holes=True),
)
"""Skewed speckled 150 dpi with punch holes; blurred grey 300 with a fold; skewed faint
220; speckled blurred 180 with a fold and holes."""


def render(sample: MSample, n: int, scan: MScan, seed: int = 0) -> Image.Image:
    width, height = page_size(scan.dpi)
    image = Image.new("L", (width, height), scan.paper)
    pen = ImageDraw.Draw(image)
    tops, heights = _rows(sample, n, scan.dpi)
    body = round(sample.point / 72 * scan.dpi)
    line = max(1, scan.dpi // 110)
    for frame in sample.frames[n] if sample.frames else ():
        x0, x1 = round(frame.x0 * width), round(frame.x1 * width)
        y0 = tops[frame.first] - round(0.3 * body)
        y1 = tops[frame.last] + heights[frame.last] - round(0.15 * body)
        pen.rectangle((x0, y0, x1, y1), outline=scan.ink, width=line)
        for x in frame.cols:
            pen.line((round(x * width), y0, round(x * width), y1), fill=scan.ink, width=line)
        if frame.ruled:
            for k in range(frame.first + frame.every, frame.last + 1, frame.every):
                y = tops[k] - round(0.3 * body)
                pen.line((x0, y, x1, y), fill=scan.ink, width=line)
    for p in layout(sample, n, scan.dpi):
        pen.text((p.left, p.top), p.cell.text, fill=scan.ink, font=p.font)
    if scan.fold:
        shadow = Image.new("L", (width, height), 255)
        band = round(height / 3)
        fold = ImageDraw.Draw(shadow)
        for dy in range(-8, 9):
            fold.line((0, band + dy, width, band + dy), fill=255 - (9 - abs(dy)) * 7, width=1)
        image = ImageChops.multiply(image, shadow)
        pen = ImageDraw.Draw(image)
    if scan.holes:
        radius = round(0.12 * scan.dpi)
        for share in (0.3, 0.7):
            centre = (round(0.035 * width), round(share * height))
            pen.ellipse(
                (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius),
                fill=60,
            )
    if scan.noise:
        rng = random.Random(seed)
        pixels = image.load()
        assert pixels is not None
        for _ in range(int(width * height * scan.noise)):
            pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 110))
    if scan.blur:
        image = image.filter(ImageFilter.GaussianBlur(scan.blur))
    if scan.rotate:
        image = image.rotate(
            scan.rotate, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=scan.paper
        )
    return image


def m_scanned(sample: MSample, index: int) -> tuple[bytes, str, MScan]:
    """The sample printed and scanned one of four ways: multi-page ones as one PDF; single
    pages as PDF or PNG (every other PNG without its resolution)."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 13 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or index % 3 == 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "TEMPLATES",
    "MSample",
    "build_m",
    "m_pages",
    "m_scanned",
    "m_text",
    "m_words",
    "printed_forms",
    "values_in_text",
]
