# ruff: noqa: E501, S311  (data and patterns read better unwrapped; the RNG draws test data)
"""A generated corpus of UK debt-advice paperwork in several layout families per class.

Each class has two *seen* families (``A`` and ``B``: the label lexicon and the classifier
are built from these) and one *held-out* family (``H``), written separately, before any
tuning, in another hand: other wording, other label names in another order, another
layout (labels above values in a two-column grid, header beside the title, fields
continued on page 2). Accuracy floors are measured on ``H`` only; nothing is tuned on it.

A ``Sample`` is a document as pages of positioned cells. It can be

* rendered to images (``render_pages``/``encode``): DejaVu faces, 150–300 dpi, with scan
  effects (skew, speckle, blur, grey paper, JPEG), PNG/JPEG/multi-page PDF; or
* laid out as words with exact boxes and as text (``sample_words``/``sample_text``), the
  "perfect OCR" view used to train the classifier and to test the reader without
  Tesseract.

Names, references and amounts are drawn from a seeded RNG; the held-out family draws
creditors from its own pool, so no creditor name is shared with the seen families.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import random
from collections.abc import Callable, Sequence
from functools import cache

import attrs
from attrs import frozen
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from cma_core.documents.model import Box, DocumentClass, Extraction, PageSource, PageText, Word

C = DocumentClass
FIELDS = (
    "creditor_name",
    "original_creditor",
    "account_reference",
    "balance_pence",
    "letter_date",
    "deadline_date",
    "court_claim_number",
    "payer_name",
    "income_pence",
    "gross_pence",
    "frequency",
    "served_date",
)


@frozen(kw_only=True)
class Truth:
    document_class: DocumentClass
    creditor_name: str | None = None
    original_creditor: str | None = None
    account_reference: str | None = None
    balance_pence: int | None = None
    letter_date: dt.date | None = None
    deadline_date: dt.date | None = None
    court_claim_number: str | None = None
    payer_name: str | None = None
    income_pence: int | None = None
    gross_pence: int | None = None
    frequency: str | None = None
    served_date: dt.date | None = None


def values_found(
    truth: Truth, text: str, forms: Callable[[str, object], Sequence[str]]
) -> tuple[int, int]:
    """How many of the true values (every field but the class) appear in ``text`` in one
    of the ``forms`` a family prints them in, of how many: case and line breaks ignored."""
    flat = " ".join(text.split()).casefold()
    found = total = 0
    for name in FIELDS:
        value = getattr(truth, name)
        if value is not None:
            total += 1
            found += any(form.casefold() in flat for form in forms(name, value))
    return found, total


@frozen
class Cell:
    x: float
    """Left edge as a share of the page width."""
    text: str
    bold: bool = False


Row = tuple[Cell, ...]
Page = list[Row]


@frozen(kw_only=True)
class Sample:
    name: str
    family: str
    held_out: bool
    truth: Truth
    pages: tuple[Page, ...]


# -- values -------------------------------------------------------------------------

SEEN_CREDITORS = (
    "Acme Loans Ltd", "Northgate Bank PLC", "Brightside Finance Ltd", "Lowell Portfolio I Ltd",
    "Cabot Financial Ltd", "Harbour Capital Ltd", "Vanquis Cards Ltd", "Moorland Credit Ltd",
)  # fmt: skip
HELD_CREDITORS = (
    "Kestrel Lending Limited", "Ashdown Consumer Finance Ltd", "Pennine Funding Group",
    "Calder Card Services Ltd", "Tamar Retail Credit Ltd", "Solway Capital Limited",
)  # fmt: skip
AGENTS = ("Marston Holdings Ltd", "Moorcroft Debt Recovery Ltd", "Wescot Credit Services Ltd")
HELD_AGENTS = ("Fenwick Recoveries Ltd", "Orwell Collections Limited")
COUNCILS = ("Bradford Council", "Leeds City Council", "Kirklees Council", "Calderdale Council")
HELD_COUNCILS = ("Rother District Council", "Mendip Borough Council")
LANDLORDS = ("Riverside Housing Association", "Greenfield Homes Ltd")
HELD_LANDLORDS = ("Weaver Vale Housing Trust",)
LENDERS = ("Northgate Building Society", "Halden Mortgages PLC")
HELD_LENDERS = ("Severn Home Loans Limited",)
SUPPLIERS = ("Brightside Energy Ltd", "Yorkshire Water", "Pennant Power Ltd")
HELD_SUPPLIERS = ("Wessex Gas and Electric Ltd", "Dee Valley Water Services")
RETAILERS = ("Klarna Bank AB", "JD Williams Catalogue Ltd", "Laybuy Finance Ltd")
HELD_RETAILERS = ("Studio Retail Credit Ltd", "Clearpay Finance Limited")
EMPLOYERS = ("Northern Care Homes Ltd", "Tesco Stores Ltd", "Bradford Council")
HELD_EMPLOYERS = ("Aire Valley Logistics Ltd", "St Luke's Hospice Trust")
PEOPLE = ("Jane Smith", "Mohammed Khan", "Sarah O'Neill", "David Jones", "Aisha Begum")
FREQUENCIES = ("weekly", "fortnightly", "four_weekly", "monthly")
FREQUENCY_WORDS = {
    "weekly": ("Weekly", "Week", "every week"),
    "fortnightly": ("Fortnightly", "2 weekly", "every two weeks"),
    "four_weekly": ("4-weekly", "Four weekly", "every four weeks"),
    "monthly": ("Monthly", "Month", "every month"),
}


def money(pence: int) -> str:
    return f"£{pence // 100:,}.{pence % 100:02d}"


def long_date(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def ordinal_date(date: dt.date, month: str = "%B") -> str:
    """ "3rd December 2026" (``month="%b"``: "3rd Dec 2026")."""
    day = date.day
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix} {date.strftime(month)} {date.year}"


def short_date(date: dt.date) -> str:
    return f"{date:%d/%m/%Y}"


def abbr_date(date: dt.date) -> str:
    return f"{date.day:02d} {calendar.month_abbr[date.month]} {date.year}"


def _reference(rng: random.Random) -> str:
    style = rng.randrange(4)
    digits = "".join(rng.choice("0123456789") for _ in range(8))
    if style == 0:
        return f"{rng.choice('ABCDEFGHJKLMNPRSTW')}{rng.choice('ABCDEFGHJKLMNPRSTW')}-{digits}"
    if style == 1:
        return digits + digits[:2]
    if style == 2:
        return f"{rng.choice('ABCDEFGHJKLMNPRSTW')}{digits[:6]}/{digits[6:]}"
    return f"{rng.choice('ABCDEFGHJKLMNPRSTW')}{rng.choice('ABCDEFGHJKLMNPRSTW')}{digits[:7]}"


def _claim_number(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return (
        f"{rng.choice('KLMFGH')}{rng.randrange(10)}{rng.choice(letters)}{rng.choice(letters)}"
        f"{rng.randrange(1000, 9999)}"
    )


@frozen(kw_only=True)
class Facts:
    """Every value a template may print, drawn once per sample."""

    creditor: str
    agent: str
    original: str
    council: str
    person: str
    reference: str
    claim: str
    balance: int
    instalment: int
    letter_date: dt.date
    deadline: dt.date
    body_date: dt.date
    payer: str
    net: int
    gross: int
    frequency: str


def draw_facts(rng: random.Random, held_out: bool, pool: Sequence[str]) -> Facts:
    letter = dt.date(2025, 1, 6) + dt.timedelta(days=rng.randrange(600))
    creditor = rng.choice(pool)
    originals = [c for c in (HELD_CREDITORS if held_out else SEEN_CREDITORS) if c != creditor]
    balance = rng.randrange(15_000, 950_000)
    gross = rng.randrange(90_000, 320_000)
    return Facts(
        creditor=creditor,
        agent=rng.choice(HELD_AGENTS if held_out else AGENTS),
        original=rng.choice(originals),
        council=rng.choice(HELD_COUNCILS if held_out else COUNCILS),
        person=rng.choice(PEOPLE),
        reference=_reference(rng),
        claim=_claim_number(rng),
        balance=balance,
        instalment=max(balance // rng.choice((10, 12, 24)), 1_000),
        letter_date=letter,
        deadline=letter + dt.timedelta(days=rng.choice((7, 14, 21, 28, 30))),
        body_date=letter - dt.timedelta(days=rng.randrange(20, 90)),
        payer=rng.choice(pool),
        net=gross - rng.randrange(10_000, gross // 4),
        gross=gross,
        frequency=rng.choice(FREQUENCIES),
    )


# -- families -------------------------------------------------------------------------
#
# A family is a function (facts, rng) -> (truth, pages). ``L`` is shorthand for a left
# cell, ``kv`` for "Label: value" in one cell, ``table`` for label and value in two columns.


def L(text: str, x: float = 0.08, bold: bool = False) -> Row:
    return (Cell(x, text, bold),)


def kv(label: str, value: str, x: float = 0.08) -> Row:
    return (Cell(x, f"{label}: {value}"),)


def table(label: str, value: str, x: float = 0.08, at: float = 0.42) -> Row:
    return (Cell(x, label), Cell(at, value))


def grid(pairs: Sequence[tuple[str, str]], xs: Sequence[float] = (0.08, 0.52)) -> list[Row]:
    """Held-out style: labels above their values, two boxes a row."""
    rows: list[Row] = []
    for i in range(0, len(pairs), len(xs)):
        chunk = pairs[i : i + len(xs)]
        rows.append(tuple(Cell(x, label, True) for x, (label, _) in zip(xs, chunk, strict=False)))
        rows.append(tuple(Cell(x, value) for x, (_, value) in zip(xs, chunk, strict=False)))
        rows.append(())
    return rows


BLANK: Row = ()
PAY_BOX_SEEN = [
    L("How to pay", bold=True),
    L("Bank transfer to sort code 30-96-26, account number 12345678,"),
    L("quoting your reference. Lines are open 8am to 8pm."),
]
PAY_BOX_HELD = [
    (Cell(0.08, "Paying us", True),),
    (Cell(0.08, "Sort code"), Cell(0.3, "40-11-62"), Cell(0.52, "Account no."), Cell(0.72, "71530094")),
    L("Use your customer reference so we can match your payment."),
]  # fmt: skip

Built = tuple[Truth, list[Page]]
Family = Callable[[Facts, random.Random], Built]


def debt_truth(cls: DocumentClass, f: Facts, **extra: object) -> Truth:
    values: dict[str, object] = {
        "creditor_name": f.creditor,
        "account_reference": f.reference,
        "balance_pence": f.balance,
        "letter_date": f.letter_date,
        "deadline_date": f.deadline,
    }
    values.update(extra)
    return Truth(document_class=cls, **values)  # type: ignore[arg-type]


def seen_a(
    cls: DocumentClass,
    title: str,
    body: Sequence[str],
    *,
    ref_label: str = "Account number",
    balance_label: str = "Outstanding balance",
    deadline_label: str = "Pay by",
    letterhead: str | None = None,
    extra_rows: Sequence[Row] = (),
    deadline: bool = True,
) -> Family:
    """Seen family A: letterhead, "Label: value" lines, prose, a how-to-pay box."""

    def build(f: Facts, rng: random.Random) -> Built:
        head = letterhead.format(**_fmt(f)) if letterhead else f.creditor
        rows: Page = [
            L(head, bold=True),
            L("Customer Services, PO Box 4021, Leeds LS1 4BX"),
            BLANK,
            kv("Date", long_date(f.letter_date)),
            kv(ref_label, f.reference),
            *_format_rows(extra_rows, f),
            BLANK,
            L(title.format(**_fmt(f)), bold=True),
            BLANK,
            *(L(line.format(**_fmt(f))) for line in body),
            BLANK,
            kv(balance_label, money(f.balance)),
            *([kv(deadline_label, long_date(f.deadline))] if deadline else []),
            BLANK,
            *PAY_BOX_SEEN,
        ]
        return debt_truth(cls, f, deadline_date=f.deadline if deadline else None), [rows]

    return build


def seen_b(
    cls: DocumentClass,
    title: str,
    body: Sequence[str],
    *,
    ref_label: str = "Our reference",
    balance_label: str = "Total amount due",
    deadline_label: str = "Payment due date",
    letterhead: str | None = None,
    extra_rows: Sequence[Row] = (),
    deadline: bool = True,
) -> Family:
    """Seen family B: letterhead right, undated-label date right, a label/value table."""

    def build(f: Facts, rng: random.Random) -> Built:
        head = letterhead.format(**_fmt(f)) if letterhead else f.creditor
        rows: Page = [
            L(head, x=0.55, bold=True),
            L("2 Station Road, Bradford BD1 1AA", x=0.55),
            BLANK,
            L(f.person, x=0.08),
            L("14 Mill Lane, Halifax HX1 2QQ", x=0.08),
            BLANK,
            L(abbr_date(f.letter_date), x=0.62),
            BLANK,
            L(title.format(**_fmt(f)), bold=True),
            BLANK,
            table(ref_label, f.reference),
            *_format_rows(extra_rows, f),
            table(balance_label, money(f.balance)),
            *([table(deadline_label, short_date(f.deadline))] if deadline else []),
            BLANK,
            *(L(line.format(**_fmt(f))) for line in body),
            BLANK,
            *PAY_BOX_SEEN,
        ]
        return debt_truth(cls, f, deadline_date=f.deadline if deadline else None), [rows]

    return build


def held(
    cls: DocumentClass,
    title: str,
    body: Sequence[str],
    pairs: Callable[[Facts], Sequence[tuple[str, str]]],
    *,
    letterhead: str | None = None,
    two_pages: bool = False,
    deadline: bool = True,
    truth_extra: Callable[[Facts], dict[str, object]] | None = None,
) -> Family:
    """Held-out family H: letterhead and title side by side, prose first, then a grid of
    boxes with the label above the value (on page 2 when ``two_pages``)."""

    def build(f: Facts, rng: random.Random) -> Built:
        head = letterhead.format(**_fmt(f)) if letterhead else f.creditor
        top: Page = [
            (Cell(0.08, head, True), Cell(0.6, title.format(**_fmt(f)), True)),
            (Cell(0.08, "Freepost RTXK-4410, Darlington DL1 9ZZ"),),
            BLANK,
            L(f"Dear {f.person}"),
            BLANK,
            *(L(line.format(**_fmt(f))) for line in body),
            BLANK,
        ]
        boxes = grid(pairs(f))
        extra = truth_extra(f) if truth_extra else {}
        truth = debt_truth(cls, f, deadline_date=f.deadline if deadline else None, **extra)
        if two_pages:
            second: Page = [
                L(f"{head} - continued", bold=True),
                BLANK,
                *boxes,
                *PAY_BOX_HELD,
            ]
            return truth, [[*top, L("Please turn over for your account details.")], second]
        return truth, [top + boxes + PAY_BOX_HELD]

    return build


def _format_rows(rows: Sequence[Row], f: Facts) -> list[Row]:
    values = _fmt(f)
    return [tuple(Cell(c.x, c.text.format(**values), c.bold) for c in row) for row in rows]


def _fmt(f: Facts) -> dict[str, str]:
    return {
        "creditor": f.creditor,
        "agent": f.agent,
        "original": f.original,
        "council": f.council,
        "person": f.person,
        "reference": f.reference,
        "claim": f.claim,
        "balance": money(f.balance),
        "instalment": money(f.instalment),
        "letter_date": long_date(f.letter_date),
        "deadline": long_date(f.deadline),
        "body_date": long_date(f.body_date),
        "payer": f.payer,
        "net": money(f.net),
        "gross": money(f.gross),
    }


# -- the classes ----------------------------------------------------------------------
# Each entry: class, creditor pool (seen, held-out), family A, family B, held-out family H.


def _income_seen_a(cls: DocumentClass, title: str, lines: Sequence[str]) -> Family:
    def build(f: Facts, rng: random.Random) -> Built:
        fa = FREQUENCY_WORDS[f.frequency][0]
        rows: Page = [
            L(title, bold=True),
            kv("Employer" if cls is C.PAYSLIP else "Paid by", f.payer),
            kv("Pay date" if cls is C.PAYSLIP else "Date", long_date(f.letter_date)),
            kv("Pay frequency", fa),
            BLANK,
            *(L(line.format(**_fmt(f))) for line in lines),
            BLANK,
            kv("Gross pay", money(f.gross)) if cls is C.PAYSLIP else BLANK,
            kv("Net pay" if cls is C.PAYSLIP else "Total payment", money(f.net)),
        ]
        return _income_truth(cls, f), [rows]

    return build


def _income_seen_b(cls: DocumentClass, title: str, lines: Sequence[str]) -> Family:
    def build(f: Facts, rng: random.Random) -> Built:
        rows: Page = [
            L(f.payer, x=0.55, bold=True),
            L(title, x=0.55),
            BLANK,
            table("Date paid" if cls is C.PAYSLIP else "Payment date", short_date(f.letter_date)),
            table("Pay period", FREQUENCY_WORDS[f.frequency][1]),
            BLANK,
            *(L(line.format(**_fmt(f))) for line in lines),
            BLANK,
            table("Total gross pay", money(f.gross)) if cls is C.PAYSLIP else BLANK,
            table("Net payment" if cls is C.PAYSLIP else "Amount you will get", money(f.net)),
        ]
        return _income_truth(cls, f), [rows]

    return build


def _income_held(cls: DocumentClass, title: str, lines: Sequence[str]) -> Family:
    def build(f: Facts, rng: random.Random) -> Built:
        words = FREQUENCY_WORDS[f.frequency][2]
        pairs = (
            [
                ("Company", f.payer),
                ("Payment made on", abbr_date(f.letter_date)),
                ("Earnings before deductions", money(f.gross)),
                ("Take-home pay", money(f.net)),
            ]
            if cls is C.PAYSLIP
            else [
                ("Paying office", f.payer),
                ("Paid on", abbr_date(f.letter_date)),
                ("Your payment", money(f.net)),
                ("How often", words.capitalize()),
            ]
        )
        page: Page = [
            (Cell(0.08, title, True), Cell(0.6, f"Paid {words}")),
            BLANK,
            *(L(line.format(**_fmt(f))) for line in lines),
            BLANK,
            *grid(pairs),
        ]
        return _income_truth(cls, f), [page]

    return build


def _income_truth(cls: DocumentClass, f: Facts) -> Truth:
    return Truth(
        document_class=cls,
        payer_name=f.payer,
        letter_date=f.letter_date,
        income_pence=f.net,
        gross_pence=f.gross if cls is C.PAYSLIP else None,
        frequency=f.frequency,
    )


def _statement(held_out: bool, variant: int) -> Family:
    def build(f: Facts, rng: random.Random) -> Built:
        rows: Page = [L(f.payer if held_out else "Northgate Bank", bold=True)]
        if held_out:
            rows += [
                (Cell(0.08, "Your account summary", True), Cell(0.6, f"Issued {abbr_date(f.letter_date)}")),
                (Cell(0.08, "Paid in"), Cell(0.3, "Paid out"), Cell(0.52, "What you have now")),
                (Cell(0.08, money(f.net)), Cell(0.3, money(f.gross)), Cell(0.52, money(f.instalment))),
                BLANK,
                (Cell(0.08, "Posted"), Cell(0.22, "Details"), Cell(0.62, "Out"), Cell(0.76, "In")),
            ]  # fmt: skip
        else:
            rows += [
                L("Current Account Statement"),
                kv("Statement date", long_date(f.letter_date))
                if variant == 0
                else table("Statement date", short_date(f.letter_date)),
                L("Sort code 20-45-77   Account number 31926658"),
                BLANK,
                (
                    Cell(0.08, "Date"),
                    Cell(0.2, "Description"),
                    Cell(0.6, "Money out"),
                    Cell(0.74, "Money in"),
                    Cell(0.86, "Balance"),
                ),
                (Cell(0.08, "01 Mar"), Cell(0.2, "Balance brought forward"), Cell(0.86, "£210.14")),
            ]
        day = f.letter_date - dt.timedelta(days=28)
        for label, amount, out in (
            ("DIRECT DEBIT COUNCIL TAX", 14200, True),
            ("UNIVERSAL CREDIT", 81240, False),
            ("CARD PAYMENT TESCO STORES", 6418, True),
            ("DD BRIGHTSIDE ENERGY", 9500, True),
            ("STO LANDLORD RENT", 52500, True),
            ("CARD PAYMENT SHELL FUEL", 3520, True),
        ):
            day += dt.timedelta(days=rng.randrange(1, 5))
            when = f"{day.day:02d} {calendar.month_abbr[day.month]}"
            col = (0.6 if not held_out else 0.62) if out else (0.74 if not held_out else 0.76)
            rows.append(
                (
                    Cell(0.08, when),
                    Cell(0.2 if not held_out else 0.22, label),
                    Cell(col, money(amount)),
                )
            )
        rows += [BLANK, L("Closing balance £816.36" if not held_out else "End balance £816.36")]
        return Truth(document_class=C.BANK_STATEMENT, letter_date=f.letter_date), [rows]

    return build


def _other(variant: int) -> Family:
    texts = (
        [
            "Riverside Community Centre",
            "Summer newsletter",
            "",
            "Our garden club meets on Tuesdays at 10am in the hall.",
            "New members are always welcome; bring gloves and a flask.",
            "The cafe is open every weekday and volunteers are needed.",
        ],
        [
            "Halifax Medical Practice",
            "Appointment confirmation",
            "",
            "Your appointment with the practice nurse is confirmed.",
            "Please arrive ten minutes early and bring a list of medicines.",
            "To cancel, call reception at least a day before.",
        ],
        [
            "Greenway Primary School",
            "Notes from the head teacher",
            "",
            "The spring fair raised enough for new library books.",
            "Parents evening follows the half-term break; slots are online.",
            "Thank you to everyone who baked for the stall.",
        ],
    )[variant]

    def build(f: Facts, rng: random.Random) -> Built:
        return Truth(document_class=C.OTHER), [
            [L(t, bold=i < 2) if t else BLANK for i, t in enumerate(texts)]
        ]

    return build


def _pairs(*spec: tuple[str, str]) -> Callable[[Facts], Sequence[tuple[str, str]]]:
    def make(f: Facts) -> Sequence[tuple[str, str]]:
        values = {
            "ref": f.reference,
            "balance": money(f.balance),
            "deadline": abbr_date(f.deadline),
            "date": abbr_date(f.letter_date),
            "creditor": f.creditor,
            "original": f.original,
            "claim": f.claim,
            "person": f.person,
            "instalment": money(f.instalment),
        }
        return [(label, values[key]) for label, key in spec]

    return make


# ``class: (seen pool, held-out pool, [A, B], H)``
def families() -> dict[DocumentClass, tuple[Sequence[str], Sequence[str], list[Family], Family]]:
    cl, held_pool = SEEN_CREDITORS, HELD_CREDITORS
    return {
        C.CREDITOR_LETTER: (cl, held_pool, [
            seen_a(C.CREDITOR_LETTER, "Your account is in arrears", [
                "We have not received your last three monthly payments since {body_date}.",
                "Please pay the arrears of {instalment} or call us to agree a payment plan."]),
            seen_b(C.CREDITOR_LETTER, "DEFAULT NOTICE under section 87(1) Consumer Credit Act 1974", [
                "You have failed to keep to the terms of your credit agreement.",
                "To remedy the breach you must pay the arrears of {instalment} by the due date.",
                "If you do not, we may terminate the agreement."], balance_label="Total outstanding balance"),
        ], held(C.CREDITOR_LETTER, "FINAL DEMAND", [
            "Despite our reminders, your loan remains unpaid and is now overdue.",
            "Unless the full sum is cleared we will pass the matter to a debt collector,",
            "which may affect your credit rating. Your last payment reached us on {body_date}."],
            _pairs(("Customer ref", "ref"), ("Letter date", "date"), ("Sum owing", "balance"), ("Settle by", "deadline")),
            two_pages=True)),
        C.COURT_CLAIM_N1: (cl, held_pool, [
            _claim_a(), _claim_b()], _claim_held()),
        C.COUNTY_COURT_JUDGMENT: (cl, held_pool, [_ccj_a(), _ccj_b()], _ccj_held()),
        C.ENFORCEMENT_AGENT_NOTICE: (COUNCILS, HELD_COUNCILS, [
            seen_a(C.ENFORCEMENT_AGENT_NOTICE, "NOTICE OF ENFORCEMENT", [
                "Taking Control of Goods Regulations 2013. A liability order was granted against you.",
                "This matter is with an enforcement agent at the compliance stage.",
                "Enforcement fee included. Liability order amount {instalment}."],
                letterhead="{agent}", ref_label="Our reference",
                extra_rows=[kv("On behalf of", "{creditor}")], balance_label="Balance outstanding"),
            seen_b(C.ENFORCEMENT_AGENT_NOTICE, "Enforcement agent notice - compliance stage", [
                "A warrant of control has been issued. Pay by the date shown to stop a visit",
                "by an enforcement agent to take control of goods."],
                letterhead="{agent}", extra_rows=[table("Our client", "{creditor}")]),
        ], held(C.ENFORCEMENT_AGENT_NOTICE, "Bailiff action: 7 clear days", [
            "The council has instructed us, as certificated enforcement agents, to recover",
            "the sum below under the Taking Control of Goods Regulations 2013.",
            "If it is not cleared an agent will attend your address to remove goods."],
            _pairs(("Instructing authority", "creditor"), ("Case no", "ref"), ("Notice date", "date"),
                   ("Now payable", "balance"), ("Avoid a visit by paying before", "deadline")),
            letterhead="{agent}")),
        C.STATUTORY_DEMAND: (cl, held_pool, [
            seen_a(C.STATUTORY_DEMAND, "STATUTORY DEMAND under section 268(1)(a) Insolvency Act 1986", [
                "The creditor claims that you owe the sum shown. If you do not pay or secure the",
                "debt within 21 days the creditor may present a bankruptcy petition.",
                "You may apply to the court to set aside this demand within 18 days of service."],
                ref_label="Reference number", balance_label="Amount of debt", deadline=False,
                extra_rows=[kv("Creditor", "{creditor}")]),
            seen_b(C.STATUTORY_DEMAND, "Statutory demand (Form SD1) Insolvency Rules 2016", [
                "Bankruptcy petition may follow if unpaid 21 days after service.",
                "To set aside the demand apply to court within 18 days."],
                deadline=False, extra_rows=[table("Creditor's name", "{creditor}")]),
        ], held(C.STATUTORY_DEMAND, "Demand for payment of a debt (individual)", [
            "WARNING: this is an important document. If you wish to dispute it you must act",
            "within 18 days of the day it was served on you, or you may be made bankrupt",
            "under the Insolvency Act 1986."],
            _pairs(("Name of creditor", "creditor"), ("Demand dated", "date"), ("Particulars ref", "ref"), ("Total sum demanded", "balance")),
            deadline=False)),
        C.COUNCIL_TAX: (COUNCILS, HELD_COUNCILS, [
            seen_a(C.COUNCIL_TAX, "COUNCIL TAX REMINDER NOTICE", [
                "You have not paid your instalments as they fell due. Property band: C.",
                "If you do not pay you will lose the right to pay by instalments",
                "and we may apply for a liability order. Instalment {instalment}."],
                ref_label="Council tax account number", balance_label="Amount due now"),
            seen_b(C.COUNCIL_TAX, "Council Tax final notice", [
                "The right to pay by instalments has been lost. The billing authority",
                "will seek a liability order at the magistrates' court."],
                ref_label="Account reference", balance_label="Balance to pay"),
        ], held(C.COUNCIL_TAX, "Missed payment - Council Tax 2025/26", [
            "Our records show the instalment due on {body_date} was not received.",
            "Bring your account up to date now or the whole year's charge becomes due."],
            _pairs(("Liable person", "person"), ("Taxpayer ref", "ref"), ("Issued", "date"),
                   ("Arrears to clear", "balance"), ("Clear the arrears within 7 days, by", "deadline")),
            letterhead="{creditor}")),
        C.UTILITY_BILL: (SUPPLIERS, HELD_SUPPLIERS, [
            seen_a(C.UTILITY_BILL, "Your energy bill", [
                "Electricity used this quarter: 812 kWh. Unit rate 24.50p per kWh,",
                "standing charge 53.35p per day. Meter reading: 04512 (actual)."],
                balance_label="Total amount due", deadline_label="Payment due date"),
            seen_b(C.UTILITY_BILL, "Your quarterly bill", [
                "Gas used: 2,310 kWh at 6.2p per kWh. Standing charge 31.43p per day.",
                "Your tariff: Standard Variable."], balance_label="This bill"),
        ], held(C.UTILITY_BILL, "Statement of charges", [
            "Thanks for being a customer. This statement covers your supply from {body_date}.",
            "Readings: previous 30112, present 30894 (estimated). Charges include VAT at 5%."],
            _pairs(("Supply number", "ref"), ("Statement issued", "date"), ("Charges this period", "balance"), ("Collected on or after", "deadline")))),
        C.UTILITY_ARREARS: (SUPPLIERS, HELD_SUPPLIERS, [
            seen_a(C.UTILITY_ARREARS, "Energy arrears - final demand", [
                "Your energy account is in arrears. We may apply for a warrant to fit",
                "a prepayment meter. Payment plan from {instalment} a month is possible."],
                balance_label="Arrears"),
            seen_b(C.UTILITY_ARREARS, "Water charges: final reminder before recovery action", [
                "Your water and sewerage charges are unpaid. We cannot disconnect your supply",
                "but we may pass the debt to a collection agency."], balance_label="Amount overdue"),
        ], held(C.UTILITY_ARREARS, "We still haven't been paid", [
            "Your gas and electricity account has fallen behind and the debt is growing.",
            "Contact us about the Priority Services Register or a repayment arrangement."],
            _pairs(("Customer no.", "ref"), ("Date", "date"), ("Debt on your energy account", "balance"), ("Pay this by", "deadline")))),
        C.MAGISTRATES_FINE: (("HMCTS Fines Collection Unit",), ("Magistrates' Court Accounts Office",), [
            seen_a(C.MAGISTRATES_FINE, "Notice of fine - Magistrates' Court", [
                "You were fined by the magistrates' court on {body_date}. The collection order",
                "allows payment of {instalment} per week. Failure to pay may lead to warrant."],
                ref_label="Account number", balance_label="Balance of fine"),
            seen_b(C.MAGISTRATES_FINE, "Collection order - fine, compensation and costs", [
                "A fines officer may apply a deduction from benefits order or attachment",
                "of earnings order if you do not pay."], ref_label="Fine account", balance_label="Amount outstanding"),
        ], held(C.MAGISTRATES_FINE, "Further steps notice", [
            "HM Courts & Tribunals Service. Your court-imposed financial penalty",
            "is in default. Bailiffs may be instructed and your fine increased by 50%."],
            _pairs(("Defendant", "person"), ("Penalty account", "ref"), ("Issued on", "date"), ("Unpaid amount", "balance"), ("Pay in full by", "deadline")))),
        C.NOTICE_OF_ASSIGNMENT: (cl, held_pool, [_assign_a(), _assign_b()], _assign_held()),
        C.OVERPAYMENT: (("HM Revenue and Customs", "Department for Work and Pensions"), ("DWP Debt Management", "HMRC Tax Credit Office"), [
            seen_a(C.OVERPAYMENT, "Tax credits overpayment - notice to pay", [
                "We paid you more tax credits than you were entitled to for 2023-24.",
                "You can ask us to look at the overpayment again (dispute) within 3 months."],
                ref_label="Reference", balance_label="Overpayment to repay"),
            seen_b(C.OVERPAYMENT, "Benefit overpayment - you need to pay back", [
                "You have been overpaid Universal Credit. Recovery will be by deduction from",
                "your benefit at {instalment} a month unless you contact us."], ref_label="Debt reference", balance_label="Amount overpaid"),
        ], held(C.OVERPAYMENT, "Money you owe us", [
            "We have decided you were paid benefit you were not entitled to between",
            "{body_date} and the date of this letter. This is recoverable."],
            _pairs(("Our ref", "ref"), ("Decision date", "date"), ("Recoverable amount", "balance"), ("Please reply by", "deadline")))),
        C.MORTGAGE_ARREARS: (LENDERS, HELD_LENDERS, [
            seen_a(C.MORTGAGE_ARREARS, "Mortgage arrears", [
                "Your mortgage account is in arrears. Monthly payment {instalment}.",
                "Under the pre-action protocol for possession claims we must try to agree",
                "a plan before we can apply to court."], ref_label="Mortgage account", balance_label="Arrears balance"),
            seen_b(C.MORTGAGE_ARREARS, "Your mortgage payments", [
                "We have not received your mortgage payment. Please contact us to discuss",
                "your circumstances; repossession is always a last resort."], balance_label="Total arrears"),
        ], held(C.MORTGAGE_ARREARS, "Important: missed home loan payments", [
            "Your secured loan on your home has missed payments and your home may be at",
            "risk. We will not start possession proceedings before talking to you."],
            _pairs(("Loan account", "ref"), ("Letter date", "date"), ("Shortfall to date", "balance"), ("Monthly repayment", "instalment"), ("Call us before", "deadline")),
            two_pages=True)),
        C.RENT_ARREARS: (LANDLORDS, HELD_LANDLORDS, [
            seen_a(C.RENT_ARREARS, "Rent arrears", [
                "Your rent account is in arrears. Weekly rent {instalment}. Notice seeking",
                "possession may be served if the arrears are not cleared."],
                ref_label="Tenancy reference", balance_label="Rent arrears"),
            seen_b(C.RENT_ARREARS, "Your rent account", [
                "Your tenancy agreement requires rent to be paid in advance. Housing benefit",
                "or universal credit housing costs may help."], ref_label="Rent account", balance_label="Arrears owed"),
        ], held(C.RENT_ARREARS, "Money owed on your home", [
            "Your landlord account is behind. Speak to your housing officer about a plan",
            "to repay; we may take court action for possession."],
            _pairs(("Tenant", "person"), ("Property account no.", "ref"), ("Sent", "date"), ("Amount behind", "balance"), ("Contact your officer by", "deadline")))),
        C.BNPL_CATALOGUE_ARREARS: (RETAILERS, HELD_RETAILERS, [
            seen_a(C.BNPL_CATALOGUE_ARREARS, "Missed payment on your buy now pay later plan", [
                "You missed your instalment of {instalment}. Late fees may be added and",
                "your account may be paused."], ref_label="Order number", balance_label="Balance remaining"),
            seen_b(C.BNPL_CATALOGUE_ARREARS, "Catalogue account arrears", [
                "Your shopping account is overdue. Your credit limit has been suspended",
                "until the arrears are paid."], ref_label="Customer account", balance_label="Arrears"),
        ], held(C.BNPL_CATALOGUE_ARREARS, "Your pay-in-3 plan is behind", [
            "We tried to take a scheduled payment and it failed. Your spending is paused.",
            "Your purchase from our partner store remains unpaid."],
            _pairs(("Purchase ID", "ref"), ("Email date", "date"), ("Still to pay", "balance"), ("Next attempt", "deadline")))),
        C.LETTER_OF_CLAIM: (cl, held_pool, [
            seen_a(C.LETTER_OF_CLAIM, "LETTER OF CLAIM", [
                "Pre-Action Protocol for Debt Claims. Enclosed: information sheet,",
                "reply form and financial statement. You must reply within 30 days",
                "or we may start court proceedings without further notice."], balance_label="Amount of debt", deadline=False),
            seen_b(C.LETTER_OF_CLAIM, "Letter before claim", [
                "In accordance with the Practice Direction - Pre-Action Conduct and the",
                "Pre-Action Protocol for Debt Claims, please complete the reply form."],
                balance_label="Debt outstanding", deadline=False),
        ], held(C.LETTER_OF_CLAIM, "Notice before court action", [
            "We intend to issue a claim in the County Court to recover this debt.",
            "Under the protocol you have 30 days to reply using the form enclosed;",
            "you may ask for more time to get debt advice."],
            _pairs(("Account ref", "ref"), ("Written on", "date"), ("Balance claimed", "balance")), deadline=False, two_pages=True)),
        C.PAYSLIP: (EMPLOYERS, HELD_EMPLOYERS, [
            _income_seen_a(C.PAYSLIP, "PAYSLIP", ["Tax code 1257L   NI number QQ123456C", "Income tax £160.40   National Insurance £71.92", "Pension £55.36"]),
            _income_seen_b(C.PAYSLIP, "Pay advice", ["Employee number 40213 Tax code 1257L", "PAYE tax £182.00  NI £64.10", "Year to date gross £5,535.60"]),
        ], _income_held(C.PAYSLIP, "Earnings statement", ["Staff no 7781   Code 1257L", "Deductions: tax £140.20, NIC £55.00, pension £40.10"])),
        C.BENEFIT_AWARD: (("Department for Work and Pensions",), ("DWP Universal Credit Service Centre",), [
            _income_seen_a(C.BENEFIT_AWARD, "Universal Credit award notice", ["Assessment period 5 February to 4 March", "Standard allowance £393.45", "Housing element £650.00"]),
            _income_seen_b(C.BENEFIT_AWARD, "Your Universal Credit statement", ["Standard allowance £400.14", "Child element £287.92", "Deductions £61.20"]),
        ], _income_held(C.BENEFIT_AWARD, "Payment notice", ["Your benefit entitlement has been worked out", "Personal Independence Payment daily living component", "Employment and Support Allowance included"])),
        C.BANK_STATEMENT: (("Northgate Bank",), ("Humber Savings Bank",), [_statement(False, 0), _statement(False, 1)], _statement(True, 0)),
        C.OTHER: (("-",), ("-",), [_other(0), _other(1)], _other(2)),
    }  # fmt: skip


def _claim_a() -> Family:
    def build(f: Facts, rng: random.Random) -> Built:
        rows: Page = [
            L("Claim Form (N1)", bold=True),
            L("In the County Court Business Centre"),
            BLANK,
            kv("Claim number", f.claim),
            kv("Issue date", long_date(f.letter_date)),
            BLANK,
            kv("Claimant", f.creditor),
            kv("Defendant", f.person),
            BLANK,
            L("Brief details of claim"),
            L(f"The claim is for money owed under account {f.reference}"),
            BLANK,
            kv("Amount claimed", money(f.balance - 11500)),
            kv("Court fee", "£115.00"),
            kv("Total amount", money(f.balance)),
        ]
        return _claim_truth(f, C.COURT_CLAIM_N1), [rows]

    return build


def _claim_b() -> Family:
    def build(f: Facts, rng: random.Random) -> Built:
        rows: Page = [
            (Cell(0.08, "Claim Form", True), Cell(0.55, "In the County Court Money Claims Centre")),
            BLANK,
            table("Claimant's name and address", f.creditor),
            table("Defendant's name and address", f.person),
            BLANK,
            table("Claim no.", f.claim, x=0.55, at=0.72),
            table("Issue date", short_date(f.letter_date), x=0.55, at=0.72),
            BLANK,
            L("Particulars of claim"),
            L(f"The claimant claims the balance of account {f.reference}"),
            BLANK,
            table("Amount claimed", money(f.balance - 8000)),
            table("Court fee", "£80.00"),
            table("Total amount", money(f.balance)),
        ]
        return _claim_truth(f, C.COURT_CLAIM_N1), [rows]

    return build


def _claim_held() -> Family:
    def build(f: Facts, rng: random.Random) -> Built:
        p1: Page = [
            (Cell(0.08, "Money claim", True), Cell(0.55, "County Court Business Centre")),
            BLANK,
            (Cell(0.08, "Claimant", True), Cell(0.52, "Defendant", True)),
            (Cell(0.08, f.creditor), Cell(0.52, f.person)),
            BLANK,
            L("What the claim is about", bold=True),
            L(
                f"Unpaid credit facility, reference {f.reference}, defaulted {long_date(f.body_date)}."
            ),
            L("You have 14 days after service to respond (see notes for the defendant)."),
            BLANK,
            L("See the next page for claim details and the sum claimed."),
        ]
        p2: Page = [
            *grid([("Claim ref", f.claim), ("Date of issue", abbr_date(f.letter_date)),
                   ("Sum claimed", money(f.balance - 10500)), ("Issue fee", "£105.00"),
                   ("Total claimed", money(f.balance)), ("Claimant's reference", f.reference)]),
        ]  # fmt: skip
        return _claim_truth(f, C.COURT_CLAIM_N1), [p1, p2]

    return build


def _claim_truth(f: Facts, cls: DocumentClass, **extra: object) -> Truth:
    values: dict[str, object] = {
        "creditor_name": f.creditor,
        "account_reference": f.reference,
        "balance_pence": f.balance,
        "letter_date": f.letter_date,
        "court_claim_number": f.claim,
    }
    values.update(extra)
    return Truth(document_class=cls, **values)  # type: ignore[arg-type]


def _ccj_a() -> Family:
    def build(f: Facts, rng: random.Random) -> Built:
        rows: Page = [
            L("Judgment for claimant (in default)", bold=True),
            L("In the County Court Business Centre"),
            BLANK,
            kv("Claim number", f.claim),
            kv("Date", long_date(f.letter_date)),
            kv("Claimant", f.creditor),
            kv("Defendant", f.person),
            BLANK,
            L("You have not replied to the claim form. It is ordered that you must pay"),
            L(f"the claimant {money(f.balance)} for debt and interest to date and costs,"),
            L(f"by instalments of {money(f.instalment)} per month."),
            kv("Claimant's reference", f.reference),
            BLANK,
            L("The judgment will be entered on the Register of Judgments."),
        ]
        return _claim_truth(f, C.COUNTY_COURT_JUDGMENT, balance_pence=f.balance), [rows]

    return build


def _ccj_b() -> Family:
    def build(f: Facts, rng: random.Random) -> Built:
        rows: Page = [
            (Cell(0.08, "Judgment on admission", True), Cell(0.55, "County Court Money Claims Centre")),
            BLANK,
            table("Claim no.", f.claim),
            table("Claimant", f.creditor),
            table("Claimant's ref", f.reference),
            L(abbr_date(f.letter_date), x=0.62),
            BLANK,
            L("The defendant having admitted the claim, judgment is entered for the claimant."),
            table("Total judgment debt", money(f.balance)),
            table("Payable at", f"{money(f.instalment)} per month"),
            L("A county court judgment may affect your ability to get credit."),
        ]  # fmt: skip
        return _claim_truth(f, C.COUNTY_COURT_JUDGMENT), [rows]

    return build


def _ccj_held() -> Family:
    def build(f: Facts, rng: random.Random) -> Built:
        rows: Page = [
            (Cell(0.08, "County Court at Leeds", True), Cell(0.55, "ORDER: Judgment", True)),
            BLANK,
            L("The court has decided this case. Judgment has been given against you"),
            L("because no defence was filed. Payments go to the claimant, not the court."),
            L("If you pay in full within one month the entry is removed from the register."),
            BLANK,
            *grid([("Case number", f.claim), ("Order made on", abbr_date(f.letter_date)),
                   ("Judgment creditor", f.creditor), ("Debtor", f.person),
                   ("Judgment sum", money(f.balance)), ("Instalments", money(f.instalment)),
                   ("Creditor ref", f.reference)]),
        ]  # fmt: skip
        return _claim_truth(f, C.COUNTY_COURT_JUDGMENT), [rows]

    return build


def _assign_truth(f: Facts) -> Truth:
    return Truth(
        document_class=C.NOTICE_OF_ASSIGNMENT,
        creditor_name=f.creditor,
        original_creditor=f.original,
        account_reference=f.reference,
        balance_pence=f.balance,
        letter_date=f.letter_date,
    )


def _assign_a() -> Family:
    def build(f: Facts, rng: random.Random) -> Built:
        rows: Page = [
            L(f.creditor, bold=True),
            BLANK,
            kv("Date", long_date(f.letter_date)),
            kv("New account number", f.reference),
            BLANK,
            L("NOTICE OF ASSIGNMENT", bold=True),
            L("We write to tell you that your account has been sold and assigned to us."),
            kv("Original creditor", f.original),
            kv("Balance transferred", money(f.balance)),
            L("From now on please make all payments to us and not the original creditor."),
            BLANK,
            *PAY_BOX_SEEN,
        ]
        return _assign_truth(f), [rows]

    return build


def _assign_b() -> Family:
    def build(f: Facts, rng: random.Random) -> Built:
        rows: Page = [
            L(f.original, x=0.55, bold=True),
            L(abbr_date(f.letter_date), x=0.62),
            BLANK,
            L("Notice of assignment of debt", bold=True),
            L("Your agreement has been transferred. The new owner of the debt is"),
            table("New creditor", f.creditor),
            table("Your reference", f.reference),
            table("Balance", money(f.balance)),
            L("The terms of your agreement are unchanged. Section 136 Law of Property Act 1925."),
        ]
        return _assign_truth(f), [rows]

    return build


def _assign_held() -> Family:
    def build(f: Facts, rng: random.Random) -> Built:
        rows: Page = [
            (Cell(0.08, f.creditor, True), Cell(0.55, "Welcome letter", True)),
            BLANK,
            L(f"Dear {f.person}"),
            L("We have bought your debt and we are now the legal owner. Your balance and"),
            L("terms stay the same. Any arrangement you had will continue with us."),
            BLANK,
            *grid([("Previously owed to", f.original), ("Date sent", abbr_date(f.letter_date)),
                   ("Amount we have bought", money(f.balance)), ("Reference with us", f.reference)]),
            *PAY_BOX_HELD,
        ]  # fmt: skip
        return _assign_truth(f), [rows]

    return build


# -- the corpus -----------------------------------------------------------------------


SEEN_FAMILIES = "ABCD"
HELD_FAMILIES = "HK"


def build_corpus(
    per_family: int = 3,
    *,
    seed: int = 14,
    held_out: bool | None = None,
    only: str | None = None,
) -> list[Sample]:
    """``per_family`` samples of every family (``held_out``: only those, or only seen;
    ``only``: the family letters to keep, e.g. ``"K"``)."""
    from cma_adapters.rules_assistant.corpus_families import held_extra, seen_extra

    out: list[Sample] = []
    rng = random.Random(seed)
    more_seen, more_held = seen_extra(), held_extra()
    for cls, (seen_pool, held_pool, seen, held_family) in families().items():
        for name, family, is_held in (
            *(
                (f"{cls.value}:{SEEN_FAMILIES[i]}", fam, False)
                for i, fam in enumerate([*seen, *more_seen[cls]])
            ),
            (f"{cls.value}:H", held_family, True),
            (f"{cls.value}:K", more_held[cls], True),
        ):
            if held_out is not None and held_out != is_held:
                continue
            if only is not None and name.rsplit(":", 1)[1] not in only:
                continue
            for i in range(per_family):
                facts = draw_facts(rng, is_held, held_pool if is_held else seen_pool)
                truth, pages = family(facts, rng)
                out.append(
                    Sample(
                        name=f"{name}{i}",
                        family=name,
                        held_out=is_held,
                        truth=truth,
                        pages=tuple(pages),
                    )
                )
    return out


# -- layout: words with exact boxes, text, images ----------------------------------------

FACES = {
    "sans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "serif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "condensed": "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf",
    "serif-condensed": "/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf",
}
A4_INCHES = (8.27, 11.69)


@cache
def _length(font: ImageFont.FreeTypeFont, text: str) -> float:
    """The text's advance in ``font`` (fonts are cached, so are their measures)."""
    return font.getlength(text)


@cache
def _font(face: str, size: int, bold: bool) -> ImageFont.FreeTypeFont:
    path = FACES[face]
    if bold:
        path = path.replace(".ttf", "-Bold.ttf")
    return ImageFont.truetype(path, size)


def page_words(
    page: Page, *, dpi: int = 150, face: str = "sans", point: float = 10.5
) -> tuple[list[Word], tuple[int, int]]:
    """The page's words with their exact boxes at ``dpi`` (what a perfect OCR reads)."""
    width, height = int(A4_INCHES[0] * dpi), int(A4_INCHES[1] * dpi)
    size = round(point / 72 * dpi)
    y = round(0.06 * height)
    words: list[Word] = []
    for row in page:
        for cell in row:
            font = _font(face, size, cell.bold)
            x = cell.x * width
            for token in cell.text.split():
                length = _length(font, token)
                words.append(
                    Word(
                        text=token, box=Box(left=round(x), top=y, width=round(length), height=size)
                    )
                )
                x += length + _length(font, " ")
        y += round(size * 1.55)
    return words, (width, height)


def sample_pages(sample: Sample, *, dpi: int = 150, face: str = "sans") -> tuple[PageText, ...]:
    """The sample as the extractor would return it from a perfect read."""
    out = []
    for number, page in enumerate(sample.pages, 1):
        words, size = page_words(page, dpi=dpi, face=face)
        out.append(
            PageText(
                number=number,
                text=page_text(page),
                confidence=1.0,
                source=PageSource.OCR,
                words=tuple(words),
                size=size,
            )
        )
    return tuple(out)


def page_text(page: Page) -> str:
    lines = []
    for row in page:
        line = ""
        for cell in row:
            if line:
                line += " " * max(3, int(cell.x * 100) - len(line))
            line += cell.text
        lines.append(line.rstrip())
    return "\n".join(lines)


def sample_text(sample: Sample) -> str:
    return "\f".join(page_text(p) for p in sample.pages)


@frozen(kw_only=True)
class Scan:
    """How a page is printed and scanned."""

    dpi: int = 150
    face: str = "sans"
    rotate: float = 0.0
    noise: float = 0.0
    blur: float = 0.0
    paper: int = 255


SCANS_SEEN = (
    Scan(dpi=150, face="sans"),
    Scan(dpi=200, face="serif", rotate=0.8, noise=0.001),
    Scan(dpi=300, face="sans", rotate=-1.0, blur=0.6, paper=238),
)
SCANS_HELD = (
    Scan(dpi=200, face="condensed", rotate=-0.7, noise=0.0015),
    Scan(dpi=300, face="serif-condensed", blur=0.7, paper=232),
    Scan(dpi=150, face="serif", rotate=1.2),
)


def speckle(image: Image.Image, share: float, seed: int, shades: tuple[int, ...] = (0, 90)) -> None:
    """Dust and toner specks: ``share`` of the pixels, drawn from ``seed``, set to one of
    ``shades`` (in place)."""
    rng = random.Random(seed)
    pixels = image.load()
    assert pixels is not None
    width, height = image.size
    for _ in range(int(width * height * share)):
        pixels[rng.randrange(width), rng.randrange(height)] = rng.choice(shades)


def render_page(page: Page, scan: Scan, seed: int = 0) -> Image.Image:
    width, height = int(A4_INCHES[0] * scan.dpi), int(A4_INCHES[1] * scan.dpi)
    image = Image.new("L", (width, height), scan.paper)
    draw = ImageDraw.Draw(image)
    size = round(10.5 / 72 * scan.dpi)
    y = round(0.06 * height)
    for row in page:
        for cell in row:
            draw.text(
                (cell.x * width, y), cell.text, fill=20, font=_font(scan.face, size, cell.bold)
            )
        y += round(size * 1.55)
    if scan.noise:
        speckle(image, scan.noise, seed)
    if scan.blur:
        image = image.filter(ImageFilter.GaussianBlur(scan.blur))
    if scan.rotate:
        image = image.rotate(
            scan.rotate, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=scan.paper
        )
    return image


def encode_pages(images: Sequence[Image.Image], fmt: str, dpi: int | None) -> bytes:
    """PNG/JPEG (first page; ``dpi=None`` leaves the resolution out) or a multi-page PDF."""
    out = io.BytesIO()
    extra: dict[str, object] = {"dpi": (dpi, dpi)} if dpi else {}
    if fmt == "pdf":
        images[0].save(
            out, format="PDF", save_all=True, append_images=list(images[1:]), resolution=dpi or 150
        )
    elif fmt == "jpeg":
        images[0].save(out, format="JPEG", quality=75, **extra)
    else:
        # zlib's fastest level: the same pixels as the default level 6 in a file about a
        # sixth larger, and several times faster on a scan's noisy page (8.4 -> 1.2 s for
        # one of family AR's); the test suite encodes hundreds of these.
        images[0].save(out, format="PNG", compress_level=1, **extra)
    return out.getvalue()


def scanned(sample: Sample, index: int) -> tuple[bytes, str, Scan]:
    """The sample printed and scanned one of three ways (multi-page samples as PDF)."""
    scans = SCANS_HELD if sample.held_out else SCANS_SEEN
    scan = scans[index % len(scans)]
    images = [render_page(p, scan, seed=index * 7 + n) for n, p in enumerate(sample.pages)]
    if len(images) > 1 or index % 3 == 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    if index % 3 == 2:
        return encode_pages(images, "jpeg", scan.dpi), "jpeg", scan
    # Every other PNG carries no resolution: the extractor must estimate it.
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


# -- scoring --------------------------------------------------------------------------

SCORED = ("document_class", *FIELDS)


def normalise_value(field: str, value: object) -> object:
    if isinstance(value, str):
        if field in ("account_reference", "court_claim_number"):
            return "".join(c for c in value.upper() if c.isalnum())
        return " ".join(value.casefold().replace(".", "").split())
    return value


@frozen(kw_only=True)
class Score:
    hits: dict[str, int]
    totals: dict[str, int]
    misses: list[str]
    confusion: dict[str, dict[str, int]]
    #: Per field, documents that do not state it but were read as if they did: a value
    #: made up (which the accuracy above cannot see: it counts only stated fields).
    invented: dict[str, int] = attrs.field(factory=dict)

    def accuracy(self, field: str) -> float | None:
        return self.hits[field] / self.totals[field] if self.totals[field] else None

    def table(self, title: str) -> str:
        lines = [f"{title}", f"{'field':<22}{'correct':>9}{'total':>7}{'accuracy':>10}"]
        for field in SCORED:
            if self.totals[field]:
                share = self.hits[field] / self.totals[field]
                lines.append(
                    f"{field:<22}{self.hits[field]:>9}{self.totals[field]:>7}{share:>10.0%}"
                )
        made_up = {f: n for f, n in self.invented.items() if n}
        if made_up:
            lines.append(
                "invented (read where the document states none): "
                + ", ".join(f"{f} {n}" for f, n in made_up.items())
            )
        return "\n".join(lines)


def score(pairs: Sequence[tuple[Sample, Extraction]]) -> Score:
    """Field by field: a field counts where the sample states it (and for the class
    always). ``object`` is an ``Extraction``."""
    hits = dict.fromkeys(SCORED, 0)
    totals = dict.fromkeys(SCORED, 0)
    misses: list[str] = []
    confusion: dict[str, dict[str, int]] = {}
    invented = dict.fromkeys(SCORED, 0)
    for sample, extraction in pairs:
        expected_class = sample.truth.document_class.value
        got_class = extraction.document_class.value
        confusion.setdefault(expected_class, {}).setdefault(got_class, 0)
        confusion[expected_class][got_class] += 1
        for field in SCORED:
            expected = getattr(sample.truth, field)
            got = getattr(extraction, field)
            if expected is None:
                invented[field] += got is not None
                continue
            totals[field] += 1
            if normalise_value(field, got) == normalise_value(field, expected):
                hits[field] += 1
            else:
                misses.append(f"{sample.name}: {field} expected {expected!r}, got {got!r}")
    return Score(hits=hits, totals=totals, misses=misses, confusion=confusion, invented=invented)
