# ruff: noqa: E501, S311  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``L``, written blind: the measure of how the reader generalises.

``L`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Cell``/``Page``, ``score``) and not the reader's rules (``fields.py``,
``layout.py``), from what UK debt-advice paperwork looks like. It is never used to write
rules, to train or calibrate the classifier (``build_corpus`` never yields it; the
training and calibration code reads ``build_corpus`` only), nor to choose models: it is
measured, and the figures go into benchmarks/OCR.md. Whoever reads its misses to fix the
reader makes it no longer blind and must say so there.

``L`` is no longer blind: round 5 of the reader read its misses, and since round 7
the classifier is trained on it too (``read_families``; benchmarks/OCR.md, "Round 7").

What differs from A-D, H and K:

* who writes: collection agencies ("Acting for", "Our client", "originally owed to"),
  solicitors, enforcement companies and joint assignor/assignee notices, besides
  creditors' own letters with a right-hand sidebar beside the body text;
* a two-column header: the addressee on the left, a reference grid on the right on the
  same lines ("Our ref", "Agreement number", "Customer number", an empty "Your ref");
* amounts in sentences and in tables, some tables without a pound sign ("Amount £"),
  distractors a real letter carries (the whole mortgage balance beside the arrears, the
  liability order beside the sum due, a weekly rate beside a four-weekly payment, a fee
  account number, an FCA firm number, a National Insurance number);
* dates as "3rd Dec 2026", "03.12.26", "3.12.2026", "03-Dec-26", "Thursday 3 December
  2026"; claim numbers in the CNBC ("H4QZ7K2P") and online ("123MC456") shapes;
* multi-page documents with the balance or the account number only on page 2 (a
  collection letter, an N1's particulars, an SD1's particulars of debt); a landscape bank
  statement in a monospaced face; Liberation faces (never DejaVu), 10 pt, scans at 150,
  200, 240 and 300 dpi, clean and with skew, speckle, blur and grey paper.

Ground truth (``Truth``): ``creditor_name`` is whoever is owed (an agency's or a
solicitor's client, the council behind an enforcement agent, the assignee of a sold
debt), ``original_creditor`` the creditor a sold debt began with where the letter names
it, ``account_reference`` the account with the creditor named (an agency's own reference
is a distractor), except on an enforcement notice, where the agent's case reference is
what the client must quote to stop a visit (as in A-K), ``balance_pence`` what is owed
now (arrears on a mortgage or rent letter, the total on a claim or judgment),
``deadline_date`` only where a date to act is printed.
"""

from __future__ import annotations

import datetime as dt
import random
import textwrap
from collections.abc import Callable, Sequence
from functools import cache

from attrs import frozen
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from cma_adapters.rules_assistant.corpus import (
    BLANK,
    FIELDS,
    C,
    Cell,
    Page,
    Row,
    Sample,
    Scan,
    Truth,
    encode_pages,
    money,
    ordinal_date,
    page_text,
)
from cma_core.documents.model import Box, DocumentClass, PageSource, PageText, Word

FAMILY = "L"

# -- values: L's own pools (no name shared with A-D, H or K) ----------------------------

LENDERS = (
    "Halewood Personal Finance Ltd",
    "Brecon Card Services plc",
    "Quayside Loans Limited",
    "Thornbury Credit plc",
    "Marlow Motor Finance Ltd",
)
PURCHASERS = (
    "Redwater Portfolio Ltd",
    "Ingleby Asset Purchase Limited",
    "Coniston Debt Investments Ltd",
)
AGENCIES = (
    "Castleton Credit Management Ltd",
    "Ribble Collection Services Ltd",
    "Aldgate Recoveries Limited",
)
SOLICITORS = ("Hartley Byrne Solicitors LLP", "Ashworth Kemp Legal LLP")
ENFORCERS = ("Penhale Enforcement Ltd", "Anchorage Enforcement Services Ltd")
COUNCILS = (
    "Tewkesbury Borough Council",
    "North Lincolnshire Council",
    "Torfaen County Borough Council",
)
ENERGY = ("Lumen Energy Supply Ltd", "Wold Gas & Power Limited")
WATER = ("Cotswold Vale Water plc",)
LANDLORDS = ("Hollins Park Housing Association", "Sefton Lane Homes Ltd")
MORTGAGES = ("Keswick Mortgage Company Ltd", "Caldew Building Society")
RETAILERS = ("Fairholme Home Shopping Ltd", "Peony Pay Later Ltd")
FINES = ("HMCTS National Compliance and Enforcement Service",)
OVERPAYERS = ("Department for Work & Pensions", "HM Revenue & Customs")
EMPLOYERS = (
    "Ouseburn Engineering Ltd",
    "Calder & Hebble Bakeries Ltd",
    "Wharfe Valley Care Partnership",
)
BANKS = ("Tideway Bank plc", "Fellside Building Society")
PEOPLE = (
    ("Mr", "Tomasz", "Nowak"),
    ("Ms", "Chloe", "Barker"),
    ("Mrs", "Priya", "Patel"),
    ("Mr", "Kwame", "Mensah"),
    ("Miss", "Emma", "Lloyd"),
)
ADDRESSES = (
    ("Flat 3, 28 Beck Side", "Ulverston", "LA12 7HT"),
    ("41 Cromer Street", "Grimsby", "DN32 9QE"),
    ("7 Heol y Nant", "Pontypool", "NP4 6AB"),
    ("112 Ashfield Road", "Stockport", "SK3 8LR"),
)
COURTS = ("Grimsby", "Cheltenham", "Cwmbran")


# -- date and money shapes ---------------------------------------------------------------


def ordinal(date: dt.date, month: str = "%b") -> str:
    return ordinal_date(date, month)


def dotted(date: dt.date) -> str:
    return f"{date:%d.%m.%y}"


def dotted_long(date: dt.date) -> str:
    return f"{date.day}.{date.month}.{date.year}"


def dashed(date: dt.date) -> str:
    return f"{date:%d-%b-%y}"


def weekday(date: dt.date) -> str:
    return f"{date:%A} {date.day} {date:%B %Y}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (
    ordinal, dotted, dotted_long, dashed, weekday, lambda d: ordinal(d, "%B"),
)  # fmt: skip


def plain(pence: int) -> str:
    """An amount in a column headed "£": no pound sign."""
    return money(pence)[1:]


FREQUENCY_SHOWN = {
    "weekly": ("weekly",),
    "fortnightly": ("fortnightly",),
    "four_weekly": ("four-weekly", "every 4 weeks"),
    "monthly": ("monthly",),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways L prints a true value (to check it is on the page, or in an OCR text)."""
    if isinstance(value, dt.date):
        return tuple(shape(value) for shape in DATE_SHAPES)
    if isinstance(value, int):
        return (money(value), plain(value))
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


# -- the facts one document prints -------------------------------------------------------


@frozen(kw_only=True)
class Draw:
    creditor: str
    writer: str
    """Who signs the letter when it is not the creditor (agency, solicitor, enforcer)."""
    original: str
    title: str
    first: str
    surname: str
    address: tuple[str, str, str]
    ref: str
    writer_ref: str
    claim: str
    balance: int
    instalment: int
    letter_date: dt.date
    deadline: dt.date
    body_date: dt.date

    @property
    def person(self) -> str:
        return f"{self.title} {self.first} {self.surname}"

    @property
    def dear(self) -> str:
        return f"Dear {self.title} {self.surname}"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _ref(rng: random.Random, style: int) -> str:
    letters = "ABCDEFGHJKMNPRSTUVWXY"
    if style == 0:  # lender agreement number
        return f"{rng.choice(letters)}{rng.choice(letters)}{rng.choice(letters)}{_digits(rng, 10)}"
    if style == 1:  # utility customer number in groups
        return f"{_digits(rng, 4)} {_digits(rng, 4)} {_digits(rng, 4)}"
    if style == 2:  # mortgage/tenancy with separators
        return f"{_digits(rng, 2)}-{_digits(rng, 3)}-{_digits(rng, 3)}/{_digits(rng, 2)}"
    if style == 3:  # council tax / fines: nine digits, sometimes a check letter
        return _digits(rng, 9) + rng.choice(("", "X", "K"))
    return f"CN{_digits(rng, 8)}"


def _claim(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return f"{rng.choice('FGHJK')}{rng.randrange(10)}QZ{rng.randrange(10)}{rng.choice('ABCDEHJKLMNPRTWXY')}{rng.randrange(10)}{rng.choice('ABCDEHJKLMNPRTWXY')}"
    return f"{rng.randrange(100, 999)}MC{rng.randrange(100, 999)}"


def draw(
    rng: random.Random,
    creditors: Sequence[str],
    *,
    writers: Sequence[str] = AGENCIES,
    ref_style: int = 0,
    low: int = 12_000,
    high: int = 780_000,
) -> Draw:
    letter = dt.date(2025, 3, 3) + dt.timedelta(days=rng.randrange(640))
    title, first, surname = rng.choice(PEOPLE)
    balance = rng.randrange(low, high)
    writer = rng.choice(writers)
    initials = "".join(w[0] for w in writer.split()[:2]).upper()
    return Draw(
        creditor=rng.choice(creditors),
        writer=writer,
        original=rng.choice(LENDERS),
        title=title,
        first=first,
        surname=surname,
        address=rng.choice(ADDRESSES),
        ref=_ref(rng, ref_style),
        writer_ref=f"{initials}/{_digits(rng, 7)}/{rng.choice(('JB', 'TK', 'SW'))}",
        claim=_claim(rng),
        balance=balance,
        instalment=max(balance // rng.choice((8, 12, 20)), 500),
        letter_date=letter,
        deadline=letter + dt.timedelta(days=rng.choice((7, 10, 14, 21, 28))),
        body_date=letter - dt.timedelta(days=rng.randrange(25, 200)),
    )


def wrap(text: str, width: int = 86) -> list[str]:
    return textwrap.wrap(text, width)


def para(text: str, x: float = 0.06, width: int = 86) -> list[Row]:
    return [(Cell(x, line),) for line in wrap(text, width)]


def debt(cls: DocumentClass, d: Draw, **extra: object) -> Truth:
    values: dict[str, object] = {
        "creditor_name": d.creditor,
        "account_reference": d.ref,
        "balance_pence": d.balance,
        "letter_date": d.letter_date,
    }
    values.update(extra)
    return Truth(document_class=cls, **values)  # type: ignore[arg-type]


@frozen(kw_only=True)
class Doc:
    truth: Truth
    pages: list[Page]
    landscape: bool = False
    face: str | None = None


Template = Callable[[random.Random, int], Doc]
"""``(rng, i)``: the i-th document of its class (variants alternate on ``i``)."""


def header_grid(
    d: Draw, pairs: Sequence[tuple[str, str]], *, at: float = 0.5, value: float = 0.68
) -> list[Row]:
    """The addressee on the left, the reference grid on the right, on the same lines."""
    left = [d.person, *d.address]
    rows: list[Row] = []
    for i in range(max(len(left), len(pairs))):
        row: list[Cell] = []
        if i < len(left):
            row.append(Cell(0.06, left[i]))
        if i < len(pairs):
            label, shown = pairs[i]
            row.append(Cell(at, label))
            if shown:
                row.append(Cell(value, shown))
        rows.append(tuple(row))
    return rows


def sidebar(left: Sequence[Row], side: Sequence[tuple[str, str]], *, x: float = 0.64) -> list[Row]:
    """Body rows on the left and a sidebar (label, then value, then a gap) beside them."""
    right: list[Cell | None] = []
    for label, shown in side:
        right += [Cell(x, label, True), Cell(x, shown), None]
    rows: list[Row] = []
    for i in range(max(len(left), len(right))):
        row = list(left[i]) if i < len(left) else []
        if i < len(right) and right[i] is not None:
            row.append(right[i])  # type: ignore[arg-type]
        rows.append(tuple(row))
    return rows


def pay_box(d: Draw, payee: str, quote: str) -> list[Row]:
    return [
        (Cell(0.06, "Ways to pay", True),),
        *para(
            f"Online at any time, or by debit card on 0330 094 1187. By bank transfer to {payee}, sort code 23-14-70, account 60441829, quoting {quote}."
        ),
    ]


# -- templates ---------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A collection agency for a lender or a debt purchaser; the statement on page 2."""
    sold = i % 2 == 1
    d = draw(rng, PURCHASERS if sold else LENDERS)
    paid = rng.randrange(0, d.balance // 5) // 100 * 100
    origin = f", originally owed to {d.original}," if sold else ""
    pairs = [("Our ref", d.writer_ref), ("Agreement number", d.ref), ("Acting for", d.creditor)]
    if sold:
        pairs.append(("Originally owed to", d.original))
    pairs.append(("Date", dotted(d.letter_date)))
    p1: Page = [
        (Cell(0.06, d.writer, True), Cell(0.62, "Tel 0161 496 0732")),
        (
            Cell(0.06, "Carrington House, Fishergate, Preston PR1 2XX"),
            Cell(0.62, "Mon-Fri 8am to 8pm"),
        ),
        BLANK,
        *header_grid(d, pairs),
        BLANK,
        (
            Cell(
                0.06,
                rng.choice(("Your account remains unpaid", "Notice of outstanding balance")),
                True,
            ),
        ),
        BLANK,
        (Cell(0.06, d.dear),),
        BLANK,
        *para(
            f"We have been instructed by our client, {d.creditor}, to collect the balance of your account{origin} which remains unpaid despite earlier requests."
        ),
        BLANK,
        *para(
            f"Please pay the outstanding sum shown overleaf in full, or contact us to agree an affordable repayment plan, by {ordinal(d.deadline)}. If we do not hear from you, our client may consider further action."
        ),
        BLANK,
        *para(
            "If you are struggling with your finances, free and impartial advice is available from MoneyHelper on 0800 138 7777."
        ),
        BLANK,
        (Cell(0.06, "Yours sincerely"),),
        BLANK,
        (Cell(0.06, "Customer Resolution Team"),),
        (Cell(0.06, "Continued overleaf"), Cell(0.8, "Page 1 of 2")),
    ]
    p2: Page = [
        (Cell(0.06, d.writer, True), Cell(0.8, "Page 2 of 2")),
        (Cell(0.06, f"Our ref {d.writer_ref}"),),
        BLANK,
        (Cell(0.06, "Statement of account", True),),
        (Cell(0.06, "Description", True), Cell(0.72, "Amount £", True)),
        (Cell(0.06, "Balance when passed to us"), Cell(0.72, plain(d.balance + paid))),
        (Cell(0.06, "Payments received since"), Cell(0.72, plain(paid))),
        (Cell(0.06, "Interest and charges added"), Cell(0.72, "0.00")),
        (Cell(0.06, "Outstanding sum", True), Cell(0.72, plain(d.balance), True)),
        BLANK,
        *pay_box(d, d.writer, d.writer_ref),
    ]
    extra = {"original_creditor": d.original} if sold else {}
    return Doc(truth=debt(C.CREDITOR_LETTER, d, deadline_date=d.deadline, **extra), pages=[p1, p2])


def utility_arrears(rng: random.Random, i: int) -> Doc:
    """An agency collecting a closed energy account's final bill."""
    d = draw(rng, ENERGY, ref_style=1, high=240_000)
    rows: Page = [
        (Cell(0.06, d.writer, True),),
        (Cell(0.06, "PO Box 5521, Burnley BB11 9DQ"),),
        BLANK,
        *header_grid(
            d,
            [
                ("Our ref", d.writer_ref),
                ("Client", d.creditor),
                ("Client ref", d.ref),
                ("Date", ordinal(d.letter_date)),
            ],
        ),
        BLANK,
        (Cell(0.06, "Unpaid gas and electricity account", True),),
        BLANK,
        (Cell(0.06, d.dear),),
        *para(
            f"{d.creditor} has passed us your gas and electricity account for collection. The final bill for your supply at your previous address is unpaid and the sum of {money(d.balance)} is now due."
        ),
        *para(
            f"Please pay this sum, or call us to set up a plan you can afford, by {ordinal(d.deadline, '%B')}. We can take into account your income and outgoings and any vulnerability."
        ),
        BLANK,
        (
            Cell(0.06, "Final bill period"),
            Cell(0.5, f"{dotted(d.body_date)} to {dotted(d.letter_date - dt.timedelta(days=14))}"),
        ),
        (Cell(0.06, "Sum due"), Cell(0.5, money(d.balance))),
        BLANK,
        *pay_box(d, d.writer, d.writer_ref),
    ]
    return Doc(truth=debt(C.UTILITY_ARREARS, d, deadline_date=d.deadline), pages=[rows])


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    """A solicitor's letter of claim under the Pre-Action Protocol for Debt Claims."""
    sold = i % 2 == 0
    d = draw(rng, PURCHASERS if sold else LENDERS, writers=SOLICITORS)
    interest = rng.randrange(0, d.balance // 10)
    origin = (
        f" The agreement was made with {d.original}, and was assigned to our client, who now owns the debt."
        if sold
        else ""
    )
    rows: Page = [
        (Cell(0.06, d.writer, True), Cell(0.62, "Solicitors")),
        (Cell(0.06, "2 Quay Street, Manchester M3 3HN"), Cell(0.62, "DX 14371 Manchester")),
        BLANK,
        *header_grid(
            d,
            [
                ("Our ref", f"HB/{d.ref[-6:]}/DC"),
                ("Your ref", ""),
                ("Date", weekday(d.letter_date)),
            ],
        ),
        BLANK,
        (Cell(0.06, "LETTER OF CLAIM", True),),
        (Cell(0.06, f"Our client: {d.creditor}"),),
        (Cell(0.06, f"Account number: {d.ref}"),),
        BLANK,
        (Cell(0.06, d.dear),),
        *para(
            f"We act for {d.creditor}.{origin} You owe our client {money(d.balance)}, made up of {money(d.balance - interest)} principal and {money(interest)} contractual interest, as shown in the enclosed statement of account."
        ),
        *para(
            "This letter is sent under the Pre-Action Protocol for Debt Claims. Please read the enclosed Information Sheet and complete and return the Reply Form within 30 days of the date of this letter. If you do not reply, our client may start court proceedings against you without further notice."
        ),
        *para(
            "If you need more time to get debt advice, tell us on the Reply Form and our client will not start proceedings while you seek it, as the Protocol provides."
        ),
        BLANK,
        (
            Cell(
                0.06,
                "Enclosures: Information Sheet, Reply Form, Financial Statement, statement of account",
            ),
        ),
        BLANK,
        (Cell(0.06, "Yours faithfully"),),
        (Cell(0.06, d.writer),),
        (
            Cell(
                0.06,
                "Authorised and regulated by the Solicitors Regulation Authority, SRA number 604418",
            ),
        ),
    ]
    extra = {"original_creditor": d.original} if sold else {}
    return Doc(truth=debt(C.LETTER_OF_CLAIM, d, **extra), pages=[rows])


def _letterhead(name: str, address: str, extra: str) -> list[Row]:
    return [(Cell(0.06, name, True), Cell(0.64, extra)), (Cell(0.06, address),), BLANK]


def _own_letter(
    cls: DocumentClass,
    d: Draw,
    *,
    address: str,
    contact: str,
    title: str,
    body: Sequence[str],
    side: Sequence[tuple[str, str]],
    deadline: bool,
    sign: str,
    footer: str,
) -> Doc:
    left: list[Row] = [
        (Cell(0.06, d.person),),
        *((Cell(0.06, line),) for line in d.address),
        BLANK,
        (Cell(0.06, title, True),),
        BLANK,
        (Cell(0.06, d.dear),),
    ]
    for text in body:
        left += [*para(text, width=52), BLANK]
    left += [(Cell(0.06, "Yours sincerely"),), BLANK, (Cell(0.06, sign),)]
    rows: Page = [
        *_letterhead(d.creditor, address, contact),
        *sidebar(left, side),
        BLANK,
        *para(footer, width=96),
    ]
    truth = debt(cls, d, deadline_date=d.deadline if deadline else None)
    return Doc(truth=truth, pages=[rows])


def council_tax(rng: random.Random, i: int) -> Doc:
    d = draw(rng, COUNCILS, ref_style=3, low=9_000, high=90_000)
    year = d.letter_date.year if d.letter_date.month >= 4 else d.letter_date.year - 1
    annual = d.balance * rng.choice((4, 5, 6)) + rng.randrange(100)
    band = rng.choice("ABCD")
    return _own_letter(
        C.COUNCIL_TAX,
        d,
        address="Revenues Section, Civic Offices, PO Box 81",
        contact="revenues@council.gov.uk",
        title=f"Council Tax {year}/{str(year + 1)[2:]} - Reminder Notice",
        body=[
            f"Our records show that the instalments due on your account up to {dotted(d.body_date)} have not been paid in full (property in band {band}).",
            f"To keep your right to pay by instalments you must pay {money(d.balance)} within 7 days, by {ordinal(d.deadline)}.",
            f"If you do not, the whole of the year's charge of {money(annual)} will become due and we may ask the magistrates' court for a liability order, which adds costs.",
        ],
        side=[
            ("Account reference", d.ref),
            ("Date of notice", dotted(d.letter_date)),
            ("Amount now due", money(d.balance)),
            ("Pay by", dotted(d.deadline)),
        ],
        deadline=True,
        sign="Revenues Manager",
        footer="If you are on a low income you may be able to get Council Tax Reduction. Ask us how.",
    )


def utility_bill(rng: random.Random, i: int) -> Doc:
    d = draw(rng, ENERGY, ref_style=1, low=4_000, high=60_000)
    previous = rng.randrange(3_000, 40_000)
    used = rng.randrange(400, 2200)
    return _own_letter(
        C.UTILITY_BILL,
        d,
        address="Customer Accounts, 9 Mill Wharf, Leeds LS10 1RR",
        contact="0800 048 6632",
        title="Your energy statement",
        body=[
            f"This statement covers your electricity from {dotted(d.body_date)} to {dotted(d.letter_date - dt.timedelta(days=1))}. You used {used} kWh (meter read by you).",
            f"We'll collect {money(d.balance)} by Direct Debit on or after {ordinal(d.deadline)}.",
            "Unit rate 24.86p per kWh; standing charge 53.68p per day; VAT at 5% included.",
        ],
        side=[
            ("Customer number", d.ref),
            ("Statement date", ordinal(d.letter_date)),
            ("Previous balance", money(previous)),
            ("Payments received", money(previous)),
            ("Amount to pay", money(d.balance)),
        ],
        deadline=True,
        sign="Customer Accounts",
        footer=f"{d.creditor} is registered in England and Wales, company number 09113784.",
    )


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    d = draw(rng, MORTGAGES, ref_style=2, low=40_000, high=900_000)
    whole = rng.randrange(6_000_000, 28_000_000)
    missed = max(d.balance // d.instalment, 1)
    return _own_letter(
        C.MORTGAGE_ARREARS,
        d,
        address="Mortgage Support, Lake Road, Keswick CA12 5DQ",
        contact="Financial Support 0345 600 2291",
        title="Your mortgage payments are behind",
        body=[
            f"We have not received your full monthly payment of {money(d.instalment)} for about {missed} months, and your mortgage is now {money(d.balance)} in arrears.",
            f"The outstanding balance of your mortgage is {money(whole)}. Please call us by {ordinal(d.deadline, '%B')} so that we can agree a plan together.",
            "Your home may be repossessed if you do not keep up repayments on your mortgage. We will follow the Pre-Action Protocol for possession claims before any court action.",
        ],
        side=[
            ("Mortgage account number", d.ref),
            ("Date", ordinal(d.letter_date)),
            ("Monthly payment", money(d.instalment)),
            ("Arrears", money(d.balance)),
        ],
        deadline=True,
        sign="Mortgage Support Team",
        footer=f"{d.creditor} is authorised by the Prudential Regulation Authority. Firm reference number 106078.",
    )


def rent_arrears(rng: random.Random, i: int) -> Doc:
    d = draw(rng, LANDLORDS, ref_style=2, low=20_000, high=300_000)
    weekly = rng.randrange(9_500, 16_500)
    return _own_letter(
        C.RENT_ARREARS,
        d,
        address="Income Team, 14 Park Parade, Bootle L20 3DE",
        contact="Income Officer 0151 496 0220",
        title="Rent arrears on your home",
        body=[
            f"Your rent account is {money(d.balance)} in arrears. Your rent of {money(weekly)} a week is due every Monday in advance.",
            f"Please contact your Income Officer by {weekday(d.deadline)} to agree how you will clear the arrears. We can help you claim Universal Credit housing costs or a Discretionary Housing Payment.",
            "If the arrears are not reduced we may serve a notice seeking possession of your home.",
        ],
        side=[
            ("Tenancy ref", d.ref),
            ("Date", dotted(d.letter_date)),
            ("Weekly rent", money(weekly)),
            ("Arrears on your rent account", money(d.balance)),
        ],
        deadline=True,
        sign="Income Officer",
        footer=f"{d.creditor} is a registered provider of social housing, no. L4471.",
    )


def overpayment(rng: random.Random, i: int) -> Doc:
    d = draw(rng, OVERPAYERS, ref_style=4, low=15_000, high=450_000)
    tax_credits = d.creditor.startswith("HM")
    what = "tax credits" if tax_credits else "Universal Credit"
    return _own_letter(
        C.OVERPAYMENT,
        d,
        address="Debt Management, Freepost DWP DM, BX9 1QW"
        if not tax_credits
        else "Tax Credit Office, BX9 1ER",
        contact="0800 916 0647",
        title=f"You have been overpaid {what}",
        body=[
            f"We have decided that you were paid {money(d.balance)} of {what} that you were not entitled to, between {dotted(d.body_date)} and {dotted(d.letter_date - dt.timedelta(days=30))}. This overpayment is recoverable.",
            f"Please contact us by {ordinal(d.deadline)} to agree how you will repay. If you do not, we may take deductions from your benefit or your earnings.",
            "If you think the decision is wrong you can ask for a mandatory reconsideration within one month of the date of this letter.",
        ],
        side=[
            ("Our reference", d.ref),
            ("Date", weekday(d.letter_date)),
            ("National Insurance number", "QQ 12 34 56 C"),
            ("Amount you owe", money(d.balance)),
        ],
        deadline=True,
        sign="Debt Management",
        footer="Calls to 0800 numbers are free from mobiles and landlines.",
    )


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    d = draw(rng, FINES, ref_style=3, low=8_000, high=150_000)
    weekly = rng.choice((500, 1000, 1500, 2000))
    return _own_letter(
        C.MAGISTRATES_FINE,
        d,
        address="Compliance and Enforcement, PO Box 10079, Nottingham NG2 9QD",
        contact="0300 790 9901",
        title="Your fine payments have stopped",
        body=[
            f"The payments under your collection order of {money(weekly)} a week have not been made. You must pay the outstanding {money(d.balance)} in full, or restart your payments, by {dotted_long(d.deadline)}.",
            "If you do not, the fines officer may increase your fine by 50%, ask for deductions from your benefits or earnings, or issue a warrant of control to enforcement agents.",
        ],
        side=[
            ("Account number", d.ref),
            ("Date", dotted(d.letter_date)),
            ("Instalment", money(weekly)),
            ("Outstanding", money(d.balance)),
        ],
        deadline=True,
        sign="Fines Officer",
        footer="HM Courts & Tribunals Service. Please quote your account number when you pay.",
    )


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    d = draw(rng, RETAILERS, ref_style=4, low=3_000, high=180_000)
    limit = rng.choice((50_000, 100_000, 150_000, 200_000))
    return _own_letter(
        C.BNPL_CATALOGUE_ARREARS,
        d,
        address="Customer Accounts, Chorley New Road, Bolton BL1 4SR",
        contact="0333 234 1190",
        title="Your account is in arrears",
        body=[
            "We haven't received the payments due on your shopping account, so new orders are on hold until the account is up to date.",
            f"Please pay the sum due of {money(d.balance)} by {dashed(d.deadline)}. Late payment fees of £12.00 may be added if you do not.",
            "If you are finding it difficult to pay, please talk to us. We will not add fees while we agree a plan.",
        ],
        side=[
            ("Customer number", d.ref),
            ("Statement date", dashed(d.letter_date)),
            ("Credit limit", money(limit)),
            ("Sum due", money(d.balance)),
        ],
        deadline=True,
        sign="Customer Accounts",
        footer=f"{d.creditor}, formerly {d.creditor.split()[0]} Direct Ltd. Authorised and regulated by the Financial Conduct Authority, FRN 661234.",
    )


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    d = draw(rng, COUNCILS, writers=ENFORCERS, low=20_000, high=240_000)
    order = d.balance - 7500
    court = rng.choice(COURTS)
    council_ref = _ref(rng, 3)
    rows: Page = [
        (Cell(0.06, d.writer, True), Cell(0.6, "NOTICE OF ENFORCEMENT", True)),
        (
            Cell(0.06, "Enforcement House, Aire Street, Leeds LS1 4PR"),
            Cell(0.6, "Taking Control of Goods"),
        ),
        (Cell(0.6, "Regulations 2013, regulation 7"),),
        BLANK,
        *header_grid(
            d,
            [
                ("Our ref", d.writer_ref),
                ("Client", d.creditor),
                ("Council tax account", council_ref),
                ("Date of issue", dotted(d.letter_date)),
                ("Liability order", dotted(d.body_date)),
            ],
            at=0.48,
            value=0.7,
        ),
        BLANK,
        (Cell(0.06, d.dear),),
        *para(
            f"{d.creditor} has instructed us to collect unpaid council tax under a liability order granted by {court} Magistrates' Court on {ordinal(d.body_date)}."
        ),
        *para(
            f"You have 7 clear days to pay. If you do not pay the sum due by {ordinal(d.deadline)}, an enforcement agent may visit to take control of your goods, and further fees will be added."
        ),
        BLANK,
        (Cell(0.06, "Amount of liability order"), Cell(0.72, money(order))),
        (Cell(0.06, "Compliance stage fee"), Cell(0.72, "£75.00")),
        (Cell(0.06, "Sum due", True), Cell(0.72, money(d.balance), True)),
        BLANK,
        *pay_box(d, d.writer, d.writer_ref),
    ]
    truth = debt(
        C.ENFORCEMENT_AGENT_NOTICE, d, account_reference=d.writer_ref, deadline_date=d.deadline
    )
    return Doc(truth=truth, pages=[rows])


def assignment(rng: random.Random, i: int) -> Doc:
    """A joint notice: assignor's and assignee's names side by side at the top."""
    d = draw(rng, PURCHASERS, ref_style=4)
    agreement = _ref(rng, 0)
    rows: Page = [
        (Cell(0.06, d.original, True), Cell(0.56, d.creditor, True)),
        (
            Cell(0.06, "Registered office: 1 Dock Road, Cardiff"),
            Cell(0.56, "PO Box 774, Sheffield S1 3ZZ"),
        ),
        BLANK,
        *header_grid(
            d,
            [
                ("Date", ordinal(d.letter_date, "%B")),
                ("Agreement number", agreement),
                ("Customer number", d.ref),
            ],
            at=0.52,
            value=0.72,
        ),
        BLANK,
        (Cell(0.06, "NOTICE OF ASSIGNMENT", True),),
        BLANK,
        (Cell(0.06, d.dear),),
        *para(
            f"{d.original} (the assignor) gives you notice that on {dotted(d.body_date)} it assigned to {d.creditor} (the assignee) all its rights, title and interest in your agreement, under section 136 of the Law of Property Act 1925."
        ),
        *para(
            f"The balance of your account at the date of assignment was {money(d.balance)}. From the date of this notice please make all payments to {d.creditor}, not to {d.original}. Your agreement continues on the same terms."
        ),
        BLANK,
        (Cell(0.06, f"Signed for {d.original}"), Cell(0.56, f"Signed for {d.creditor}")),
    ]
    truth = Truth(
        document_class=C.NOTICE_OF_ASSIGNMENT, creditor_name=d.creditor, original_creditor=d.original,
        account_reference=d.ref, balance_pence=d.balance, letter_date=d.letter_date,
    )  # fmt: skip
    return Doc(truth=truth, pages=[rows])


def _court_fee(pence: int) -> int:
    for limit, fee in (
        (30_000, 3_500),
        (50_000, 5_000),
        (100_000, 7_000),
        (150_000, 8_000),
        (300_000, 11_500),
        (500_000, 20_500),
    ):
        if pence <= limit:
            return fee
    return 45_500


def claim_form(rng: random.Random, i: int) -> Doc:
    """An N1 printed by the CNBC; the agreement number only in the particulars on page 2."""
    d = draw(rng, LENDERS + PURCHASERS, writers=SOLICITORS, low=30_000, high=900_000)
    claimed = d.balance
    fee = _court_fee(claimed)
    costs = 8_000 if claimed > 50_000 else 5_000
    total = claimed + fee + costs
    printed_service = i % 2 == 0
    served = d.letter_date + dt.timedelta(days=5 + (2 if d.letter_date.weekday() >= 3 else 0))
    grid_rows = [
        ("Claim no.", d.claim),
        ("Issue date", dotted_long(d.letter_date)),
        ("Fee Account no.", f"PBA00{_digits(rng, 5)}"),
    ]
    if printed_service:
        grid_rows.append(("Service date", dotted_long(served)))
    p1: Page = [
        (Cell(0.56, "Claim Form", True),),
        (Cell(0.56, "In the County Court Business Centre"),),
        BLANK,
        *((Cell(0.56, label), Cell(0.74, shown)) for label, shown in grid_rows),
        BLANK,
        (Cell(0.06, "Claimant(s) name(s) and address(es) including postcode", True),),
        (Cell(0.06, d.creditor),),
        (Cell(0.06, f"c/o {d.writer}, 2 Quay Street, Manchester M3 3HN"),),
        BLANK,
        (Cell(0.06, "Defendant(s) name and address(es) including postcode", True),),
        (Cell(0.06, d.person),),
        (Cell(0.06, ", ".join(d.address)),),
        BLANK,
        (Cell(0.06, "Brief details of claim", True),),
        *para(
            f"The Claimant's claim is for {money(claimed)} due under a regulated credit agreement. See the particulars of claim overleaf."
        ),
        BLANK,
        (Cell(0.06, "Value", True),),
        (
            Cell(
                0.06,
                f"The Claimant expects to recover not more than {'£10,000' if total <= 1_000_000 else '£25,000'}.",
            ),
        ),
        BLANK,
        (Cell(0.5, "Amount claimed"), Cell(0.8, money(claimed))),
        (Cell(0.5, "Court fee"), Cell(0.8, money(fee))),
        (Cell(0.5, "Legal representative's costs"), Cell(0.8, money(costs))),
        (Cell(0.5, "Total amount", True), Cell(0.8, money(total), True)),
    ]
    p2: Page = [
        (Cell(0.06, "Particulars of Claim", True), Cell(0.56, f"Claim no. {d.claim}")),
        BLANK,
        *para(
            f"1. By a regulated credit agreement numbered {d.ref} and made on {dotted(d.body_date)}, the Defendant agreed to repay credit advanced by the Claimant by monthly instalments."
        ),
        *para(
            "2. The Defendant failed to keep up the payments. A default notice under section 87(1) of the Consumer Credit Act 1974 was served and was not complied with, and the agreement was terminated."
        ),
        *para(
            f"3. The Claimant claims the balance due of {money(claimed)}, together with the court fee and costs."
        ),
        BLANK,
        (Cell(0.06, "Statement of truth", True),),
        *para(
            "The Claimant believes that the facts stated in these particulars of claim are true. Signed by the Claimant's legal representative."
        ),
        BLANK,
        *para(
            "You must respond within 14 days of service of this claim form: read the notes for defendant in the response pack."
        ),
    ]
    printed: dict[str, object] = {"served_date": served} if printed_service else {}
    truth = Truth(
        document_class=C.COURT_CLAIM_N1, creditor_name=d.creditor, account_reference=d.ref,
        balance_pence=total, letter_date=d.letter_date, court_claim_number=d.claim, **printed,  # type: ignore[arg-type]
    )  # fmt: skip
    return Doc(truth=truth, pages=[p1, p2])


def judgment(rng: random.Random, i: int) -> Doc:
    """An N30 judgment in default: the total in a sentence, a first-payment date that is
    not a deadline to respond."""
    d = draw(rng, LENDERS + PURCHASERS, low=30_000, high=700_000)
    costs = rng.choice((8_000, 11_500, 15_500))
    owed = d.balance - costs
    first = d.letter_date + dt.timedelta(days=30)
    rows: Page = [
        (
            Cell(0.06, "Judgment for Claimant", True),
            Cell(0.56, "In the County Court Business Centre"),
        ),
        (Cell(0.06, "(in default)"), Cell(0.56, "Claim Number"), Cell(0.76, d.claim)),
        (Cell(0.56, "Date"), Cell(0.76, ordinal(d.letter_date))),
        BLANK,
        (Cell(0.06, "Claimant"), Cell(0.26, d.creditor)),
        (Cell(0.06, "Claimant's Ref"), Cell(0.26, d.ref)),
        (Cell(0.06, "Defendant"), Cell(0.26, d.person)),
        BLANK,
        (Cell(0.06, "To the Defendant", True),),
        *para(
            f"You have not replied to the claim form. It is ordered that you must pay the claimant {money(owed)} for debt (and interest to the date of judgment) and {money(costs)} for costs, a total of {money(d.balance)}."
        ),
        *para(
            f"You must pay the claimant by instalments of {money(d.instalment)} a month, the first payment to reach the claimant by {dotted(first)}."
        ),
        BLANK,
        *para(
            f"Payments must be made to {d.creditor}, not to the court. If you pay the whole amount within one calendar month of the date of this judgment you can ask the court to remove the entry from the Register of Judgments, Orders and Fines (form N443)."
        ),
        *para(
            "If you cannot keep to this order, you can apply to the court on form N245 to pay by smaller instalments."
        ),
    ]
    truth = Truth(
        document_class=C.COUNTY_COURT_JUDGMENT, creditor_name=d.creditor, account_reference=d.ref,
        balance_pence=d.balance, letter_date=d.letter_date, court_claim_number=d.claim,
    )  # fmt: skip
    return Doc(truth=truth, pages=[rows])


def statutory_demand(rng: random.Random, i: int) -> Doc:
    """Form SD1: the sum in a sentence on page 1, the particulars of debt on page 2."""
    d = draw(rng, LENDERS + PURCHASERS, writers=SOLICITORS, low=500_000, high=2_400_000)
    interest = rng.randrange(0, d.balance // 8)
    p1: Page = [
        (Cell(0.06, "Form SD1", True), Cell(0.5, "Statutory Demand under section 268(1)(a)", True)),
        (Cell(0.5, "of the Insolvency Act 1986"),),
        (Cell(0.5, "Debt for liquidated sum payable immediately"),),
        BLANK,
        (Cell(0.06, "WARNING", True),),
        *para(
            "This is an important document. You should refer to the notes entitled 'How to comply with a statutory demand or have it set aside'. If you wish to have this demand set aside you must make an application within 18 days from its service on you. If you do not apply and do not comply within 21 days, you could be made bankrupt."
        ),
        BLANK,
        (Cell(0.06, "Demand", True),),
        (Cell(0.06, "To"), Cell(0.22, d.person)),
        (Cell(0.06, "Address"), Cell(0.22, ", ".join(d.address))),
        BLANK,
        (Cell(0.06, "This demand is served on you by the creditor:"),),
        (Cell(0.06, "Name"), Cell(0.22, d.creditor)),
        (Cell(0.06, "Address"), Cell(0.22, "c/o 2 Quay Street, Manchester M3 3HN")),
        BLANK,
        *para(
            f"The creditor claims that you owe the sum of {money(d.balance)}, full particulars of which are set out on page 2, and that it is payable immediately and, to the extent of the sum demanded, is unsecured."
        ),
        BLANK,
        (Cell(0.06, "Signature"), Cell(0.22, "J. R. Hartley")),
        (Cell(0.06, "Position"), Cell(0.22, f"Solicitor for the creditor, {d.writer}")),
        (Cell(0.06, "Dated"), Cell(0.22, ordinal(d.letter_date, "%B"))),
    ]
    p2: Page = [
        (Cell(0.06, "Particulars of Debt", True), Cell(0.7, "Page 2")),
        BLANK,
        *para(
            f"The debt is the balance due under a loan agreement, account number {d.ref}, which the debtor has failed to repay after the agreement was terminated on {dotted(d.body_date)}."
        ),
        BLANK,
        (Cell(0.08, "Principal sum"), Cell(0.7, money(d.balance - interest))),
        (Cell(0.08, "Contractual interest"), Cell(0.7, money(interest))),
        (Cell(0.08, "Total amount of debt", True), Cell(0.7, money(d.balance), True)),
        BLANK,
        *para("Interest is not claimed beyond the date of this demand. No charges are claimed."),
    ]
    return Doc(truth=debt(C.STATUTORY_DEMAND, d), pages=[p1, p2])


# -- income, statements and other -----------------------------------------------------------

CYCLES = {
    "weekly": (52, "Weekly"),
    "fortnightly": (26, "Fortnightly"),
    "four_weekly": (13, "Four-weekly"),
    "monthly": (12, "Monthly"),
}
HOURS = {"weekly": 75, "fortnightly": 150, "four_weekly": 300, "monthly": 325}  # half hours


def payslip(rng: random.Random, i: int) -> Doc:
    """A payroll payslip: payments and deductions side by side, amounts without "£"
    except the net pay; the frequency as the pay cycle."""
    d = draw(rng, EMPLOYERS)
    frequency = rng.choice(tuple(CYCLES))
    periods, cycle = CYCLES[frequency]
    rate = rng.choice((1222, 1250, 1344, 1476, 1610))
    basic = rate * HOURS[frequency] // 2
    overtime_hours = rng.choice((0, 0, 4, 8))
    overtime = overtime_hours * rate * 3 // 2
    gross = basic + overtime
    allowance = 1_257_000 // periods
    tax = max(0, (gross - allowance) * 20 // 100)
    ni = max(0, (gross - allowance) * 8 // 100)
    pension = gross * 5 // 100
    net = gross - tax - ni - pension
    start = dt.date(
        d.letter_date.year
        if d.letter_date >= dt.date(d.letter_date.year, 4, 6)
        else d.letter_date.year - 1,
        4,
        6,
    )
    week = (d.letter_date - start).days // 7 + 1
    period = (
        f"Month {(d.letter_date.month - 4) % 12 + 1}" if frequency == "monthly" else f"Week {week}"
    )
    rows: Page = [
        (Cell(0.06, d.creditor, True), Cell(0.62, "PAYSLIP", True)),
        BLANK,
        (
            Cell(0.06, "Employee"),
            Cell(0.22, f"{d.first} {d.surname}"),
            Cell(0.6, "Pay date"),
            Cell(0.76, dotted(d.letter_date)),
        ),
        (
            Cell(0.06, "Employee no."),
            Cell(0.22, _digits(rng, 6)),
            Cell(0.6, "Tax period"),
            Cell(0.76, period),
        ),
        (
            Cell(0.06, "NI number"),
            Cell(0.22, "QQ 12 34 56 C"),
            Cell(0.6, "Pay cycle"),
            Cell(0.76, cycle),
        ),
        (
            Cell(0.06, "Tax code"),
            Cell(0.22, "1257L"),
            Cell(0.6, "Department"),
            Cell(0.76, "Dispatch"),
        ),
        BLANK,
        (
            Cell(0.06, "Payments", True),
            Cell(0.3, "Hours"),
            Cell(0.4, "Rate"),
            Cell(0.5, "Amount"),
            Cell(0.62, "Deductions", True),
            Cell(0.84, "Amount"),
        ),
        (
            Cell(0.06, "Basic pay"),
            Cell(0.3, f"{HOURS[frequency] / 2:.2f}"),
            Cell(0.4, plain(rate)),
            Cell(0.5, plain(basic)),
            Cell(0.62, "PAYE tax"),
            Cell(0.84, plain(tax)),
        ),
        (
            Cell(0.06, "Overtime x1.5"),
            Cell(0.3, f"{overtime_hours:.2f}"),
            Cell(0.4, plain(rate * 3 // 2)),
            Cell(0.5, plain(overtime)),
            Cell(0.62, "National Insurance"),
            Cell(0.84, plain(ni)),
        ),
        (Cell(0.62, "Pension (employee)"), Cell(0.84, plain(pension))),
        BLANK,
        (
            Cell(0.06, "Total payments"),
            Cell(0.5, plain(gross)),
            Cell(0.62, "Total deductions"),
            Cell(0.84, plain(tax + ni + pension)),
        ),
        BLANK,
        (
            Cell(0.06, "Year to date", True),
            Cell(0.62, "NET PAY", True),
            Cell(0.84, money(net), True),
        ),
        (Cell(0.06, "Taxable pay"), Cell(0.3, plain(gross * max(week // (52 // periods), 1)))),
        (Cell(0.06, "Tax paid"), Cell(0.3, plain(tax * max(week // (52 // periods), 1)))),
        BLANK,
        (Cell(0.06, "Paid by BACS to account ending 4471"),),
    ]
    truth = Truth(
        document_class=C.PAYSLIP, payer_name=d.creditor, letter_date=d.letter_date,
        income_pence=net, gross_pence=gross, frequency=frequency,
    )  # fmt: skip
    return Doc(truth=truth, pages=[rows])


def benefit(rng: random.Random, i: int) -> Doc:
    """A Universal Credit statement (monthly) or a PIP award (paid every 4 weeks, with
    weekly rates printed beside it)."""
    d = draw(rng, ("Department for Work & Pensions",))
    if i % 2 == 1:
        standard = rng.choice((40_014, 31_629, 62_843))
        housing = rng.randrange(30_000, 80_000)
        earnings = rng.randrange(0, 40_000)
        deduction = rng.choice((0, 2_417, 6_105))
        paid = standard + housing - earnings - deduction
        start = d.letter_date - dt.timedelta(days=37)
        rows: Page = [
            (Cell(0.06, "Universal Credit", True), Cell(0.6, d.creditor)),
            (
                Cell(0.06, "Your statement"),
                Cell(0.6, "Payment date"),
                Cell(0.8, dotted(d.letter_date)),
            ),
            BLANK,
            *para(
                f"Assessment period {ordinal(start, '%B')} to {ordinal(start + dt.timedelta(days=30), '%B')}. Universal Credit is paid monthly."
            ),
            BLANK,
            (Cell(0.06, "Your Universal Credit", True), Cell(0.7, "£", True)),
            (Cell(0.06, "Standard allowance"), Cell(0.7, plain(standard))),
            (Cell(0.06, "Housing costs"), Cell(0.7, plain(housing))),
            (Cell(0.06, "Take-home pay (earnings)"), Cell(0.7, f"-{plain(earnings)}")),
            (Cell(0.06, "Advance repayment"), Cell(0.7, f"-{plain(deduction)}")),
            BLANK,
            (Cell(0.06, "We will pay you", True), Cell(0.7, money(paid), True)),
            *para(f"We will pay {money(paid)} into your account on {ordinal(d.letter_date)}."),
        ]
        truth = Truth(
            document_class=C.BENEFIT_AWARD,
            payer_name=d.creditor,
            letter_date=d.letter_date,
            income_pence=paid,
            frequency="monthly",
        )
        return Doc(truth=truth, pages=[rows])
    daily = rng.choice((7_340, 10_960))
    mobility = rng.choice((2_900, 7_650))
    paid = (daily + mobility) * 4
    first = d.letter_date + dt.timedelta(days=rng.randrange(5, 20))
    rows = [
        (Cell(0.06, d.creditor, True), Cell(0.62, "Personal Independence Payment")),
        (Cell(0.06, "PIP Centre, Post Handling Site B, Wolverhampton WV99 2AQ"),),
        BLANK,
        *header_grid(
            d,
            [
                ("Date of this letter", ordinal(d.letter_date)),
                ("National Insurance number", "QQ 12 34 56 C"),
            ],
            at=0.5,
            value=0.76,
        ),
        BLANK,
        (Cell(0.06, "Your Personal Independence Payment award", True),),
        *para(
            f"{d.dear}, we have looked at your claim and decided that you are entitled to Personal Independence Payment."
        ),
        (Cell(0.06, "Daily living component"), Cell(0.62, f"{money(daily)} a week")),
        (Cell(0.06, "Mobility component"), Cell(0.62, f"{money(mobility)} a week")),
        BLANK,
        *para(
            f"We will pay you {money(paid)} every 4 weeks into your bank account. Your first payment will be made on {dotted(first)}."
        ),
    ]
    truth = Truth(
        document_class=C.BENEFIT_AWARD,
        payer_name=d.creditor,
        letter_date=d.letter_date,
        income_pence=paid,
        frequency="four_weekly",
    )
    return Doc(truth=truth, pages=[rows])


def bank_statement(rng: random.Random, i: int) -> Doc:
    """A landscape statement in a monospaced face, with a running balance."""
    d = draw(rng, BANKS)
    balance = rng.randrange(-20_000, 90_000)
    day = d.letter_date - dt.timedelta(days=30)
    rows: Page = [
        (Cell(0.05, d.creditor, True), Cell(0.55, "Statement of account", True)),
        (Cell(0.05, d.person), Cell(0.55, "Sort code 77-41-09  Account 30418862")),
        (Cell(0.05, ", ".join(d.address)), Cell(0.55, f"Statement date: {ordinal(d.letter_date)}")),
        BLANK,
        (
            Cell(0.05, "Date", True),
            Cell(0.16, "Type", True),
            Cell(0.24, "Description", True),
            Cell(0.6, "Paid out", True),
            Cell(0.72, "Paid in", True),
            Cell(0.84, "Balance", True),
        ),
        (
            Cell(0.05, dashed(day)),
            Cell(0.24, "BALANCE BROUGHT FORWARD"),
            Cell(0.84, plain(abs(balance)) + (" OD" if balance < 0 else "")),
        ),
    ]
    for kind, payee, amount, out in (
        ("DD", "TEWKESBURY BC CTAX", 14_822, True), ("BP", "OUSEBURN ENG WAGES", 148_350, False),
        ("DEB", "LIDL GB GRIMSBY", 3_417, True), ("SO", "HOLLINS PARK HA RENT", 52_000, True),
        ("DD", "LUMEN ENERGY", 8_900, True), ("DEB", "PEONY PAY LATER", 2_750, True),
        ("FPI", "DWP UC", 41_233, False), ("DD", "COTSWOLD VALE WATER", 3_600, True),
    ):  # fmt: skip
        day += dt.timedelta(days=rng.randrange(1, 4))
        balance += -amount if out else amount
        rows.append((
            Cell(0.05, dashed(day)), Cell(0.16, kind), Cell(0.24, payee),
            Cell(0.6 if out else 0.72, plain(amount)),
            Cell(0.84, plain(abs(balance)) + (" OD" if balance < 0 else "")),
        ))  # fmt: skip
    rows += [
        BLANK,
        (
            Cell(
                0.05,
                "OD = overdrawn. Arranged overdraft limit £250.00. Interest rate 39.9% EAR variable.",
            ),
        ),
    ]
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=d.letter_date),
        pages=[rows],
        landscape=True,
        face="mono",
    )


def other(rng: random.Random, i: int) -> Doc:
    """A leisure-centre renewal: references, a date and a monthly fee, but not a debt."""
    d = draw(rng, ("Holme Valley Leisure Trust",), ref_style=4)
    left: list[Row] = [
        (Cell(0.06, d.person),),
        *((Cell(0.06, line),) for line in d.address),
        BLANK,
        (Cell(0.06, "Your membership renewal", True),),
        BLANK,
        (Cell(0.06, d.dear),),
        *para(
            "Thank you for being a member. Your Active Card gives you the gym, the pool and classes at all four of our centres.",
            width=52,
        ),
        BLANK,
        *para(
            "Your membership renews automatically next month. If you would like to change your plan, speak to reception or use the app.",
            width=52,
        ),
        BLANK,
        (Cell(0.06, "See you soon,"),),
        (Cell(0.06, "Membership Team"),),
    ]
    side = [
        ("Membership number", d.ref),
        ("Date", dotted(d.letter_date)),
        ("Monthly fee", "£24.99"),
    ]
    rows: Page = [
        *_letterhead(
            d.creditor, "Leisure Centre, Huddersfield Road, Holmfirth", "Open 6.30am to 10pm"
        ),
        *sidebar(left, side),
    ]
    return Doc(truth=Truth(document_class=C.OTHER), pages=[rows])


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
"""Every class once, in a fixed order (never a set: the order decides the draws)."""


# -- the family ------------------------------------------------------------------------


@frozen(kw_only=True)
class BlindSample(Sample):
    """A sample of family L: may be landscape and may ask for its own face."""

    landscape: bool = False
    face: str | None = None


def build_blind(per_class: int = 4, *, seed: int = 1214) -> list[BlindSample]:
    """``per_class`` documents of every class, held out, family ``<class>:L``."""
    rng = random.Random(seed)
    out: list[BlindSample] = []
    for cls, template in TEMPLATES:
        for i in range(per_class):
            doc = template(rng, i)
            assert doc.truth.document_class is cls
            out.append(
                BlindSample(
                    name=f"{cls.value}:{FAMILY}{i}",
                    family=f"{cls.value}:{FAMILY}",
                    held_out=True,
                    truth=doc.truth,
                    pages=tuple(doc.pages),
                    landscape=doc.landscape,
                    face=doc.face,
                )
            )
    return out


# -- layout: words with exact boxes, and images ---------------------------------------------

FACES = {
    "sans": "/usr/share/fonts/truetype/liberation/LiberationSans-{}.ttf",
    "serif": "/usr/share/fonts/truetype/liberation/LiberationSerif-{}.ttf",
    "narrow": "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-{}.ttf",
    "mono": "/usr/share/fonts/truetype/liberation/LiberationMono-{}.ttf",
}
"""Liberation faces (Debian ``fonts-liberation``); A-K are drawn in DejaVu."""
POINT = 10.0
LEADING = 1.5
A4 = (8.27, 11.69)


@cache
def _length(font: ImageFont.FreeTypeFont, text: str) -> float:
    """The text's advance in ``font`` (fonts are cached, so are their measures)."""
    return font.getlength(text)


@cache
def _font(face: str, size: int, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FACES[face].format("Bold" if bold else "Regular"), size)


def page_size(sample: BlindSample, dpi: int) -> tuple[int, int]:
    inches = (A4[1], A4[0]) if sample.landscape else A4
    return int(inches[0] * dpi), int(inches[1] * dpi)


def _layout(
    sample: BlindSample, page: Page, dpi: int, face: str
) -> list[tuple[Cell, int, int, int]]:
    """Each cell with its left, top and font size in pixels."""
    width, height = page_size(sample, dpi)
    size = round(POINT / 72 * dpi)
    y = round(0.05 * height)
    placed = []
    for row in page:
        for cell in row:
            placed.append((cell, round(cell.x * width), y, size))
        y += round(size * LEADING)
    return placed


def blind_words(
    sample: BlindSample, page: Page, *, dpi: int = 150, face: str | None = None
) -> list[Word]:
    """The page's words with their exact boxes (what a perfect OCR reads)."""
    face = sample.face or face or "sans"
    words: list[Word] = []
    for cell, left, top, size in _layout(sample, page, dpi, face):
        font = _font(face, size, cell.bold)
        x = float(left)
        for token in cell.text.split():
            length = _length(font, token)
            words.append(
                Word(text=token, box=Box(left=round(x), top=top, width=round(length), height=size))
            )
            x += length + _length(font, " ")
    return words


def blind_pages(sample: BlindSample, *, dpi: int = 150) -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    return tuple(
        PageText(
            number=number,
            text=page_text(page),
            confidence=1.0,
            source=PageSource.OCR,
            words=tuple(blind_words(sample, page, dpi=dpi)),
            size=page_size(sample, dpi),
        )
        for number, page in enumerate(sample.pages, 1)
    )


SCANS = (
    Scan(dpi=300, face="sans"),
    Scan(dpi=150, face="serif", rotate=0.6, noise=0.0012),
    Scan(dpi=200, face="narrow", rotate=-0.9, blur=0.5, paper=236),
    Scan(dpi=240, face="sans", noise=0.002, blur=0.4, paper=242),
)
"""Clean 300 dpi; skewed speckled 150; skewed blurred grey 200; speckled 240."""


def render(sample: BlindSample, page: Page, scan: Scan, seed: int = 0) -> Image.Image:
    face = sample.face or scan.face
    width, height = page_size(sample, scan.dpi)
    image = Image.new("L", (width, height), scan.paper)
    draw_on = ImageDraw.Draw(image)
    for cell, left, top, size in _layout(sample, page, scan.dpi, face):
        draw_on.text((left, top), cell.text, fill=25, font=_font(face, size, cell.bold))
    if scan.noise:
        rng = random.Random(seed)
        pixels = image.load()
        assert pixels is not None
        for _ in range(int(width * height * scan.noise)):
            pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 100))
    if scan.blur:
        image = image.filter(ImageFilter.GaussianBlur(scan.blur))
    if scan.rotate:
        image = image.rotate(
            scan.rotate, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=scan.paper
        )
    return image


def blind_scanned(sample: BlindSample, index: int) -> tuple[bytes, str, Scan]:
    """The sample printed and scanned one of four ways: multi-page ones as PDF, others as
    PDF, JPEG or PNG (every other PNG without its resolution)."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, p, scan, seed=index * 11 + n) for n, p in enumerate(sample.pages)]
    if len(images) > 1 or index % 3 == 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    if index % 3 == 2:
        return encode_pages(images, "jpeg", scan.dpi), "jpeg", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "TEMPLATES",
    "BlindSample",
    "blind_pages",
    "blind_scanned",
    "blind_words",
    "build_blind",
    "printed_forms",
    "values_in_text",
]
