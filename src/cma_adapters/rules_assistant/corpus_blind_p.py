# ruff: noqa: E501, S311  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``P``, written blind: a fifth measure of how the reader
generalises, in a fifth hand (after ``L``, ``M``, ``N`` and ``O``).

``P`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Cell``/``Page``, ``Sample``, ``score``, ``sample_text``, ``normalise_value``),
families A-K, L, M, N and O (only to avoid repeating their layouts, organisations and
wording, and to follow their ground-truth conventions), O's tests and the reporting code
of ``benchmarks/intake_accuracy.py`` -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``layout.py``, ``classifier.py``, ``statements.py``, ``label_learning.py``,
``read_families.py``, the Tesseract extractor), its reading tests, nor any list or
description of the reader's misses. It is never used to write rules, to train or calibrate
the classifier (``build_corpus`` never yields it), nor to choose models: it is measured,
and only the aggregate figures go into benchmarks/OCR.md. Its individual misses are not
written down anywhere; whoever reads them to change the reader makes ``P`` no longer blind
and must say so there. The page machinery (cells, rows, boxes, rules, footers laid out in
a face's own metrics) is O's (itself N's), with P's own faces, layouts and scan effects.

What differs from A-D, H, K, L, M, N and O:

* who writes: every one of the 19 classes, from organisations no earlier family names
  (a card lender and a personal-loan lender, a debt purchaser, a collection agency, a firm
  of solicitors, a civil enforcement company, two district/borough councils, an energy
  supplier, a water company, a building society, a housing association, a split-payment
  firm and a catalogue, a magistrates' court, an individual's plant-hire company, two
  employers, a bank, a Jobcentre Plus award and a debt-advice charity);
* layouts, each class in at least two (``i`` even / odd; the creditor letter in four, a
  lender's and a collection agency's), 40 templates in all:
  - a **summary panel**: the key facts in a bordered, shaded box at the *foot* of the page,
    "label  value" pairs in two columns inside it, the letter's prose above;
  - a **two-column letter**: prose in the left column, the account facts in the right
    column as rows of a label in small capitals (smaller upper case) over nothing -- the
    value to the right on the same row, no colon;
  - a **split table**: a ruled table whose header row ends page 1 and whose values row
    starts page 2 (a two-page PDF);
  - a page scanned **upside down** (fed in turned through 180 degrees: one template);
* labels in another register: "What you owe us now", "What you need to pay",
  "Reference to quote", "Printed on", "Pay by", "Case number", "Take-home", "Before
  deductions", "Paid every";
* faces: DejaVu Serif Condensed (its bold as a condensed heading face) and DejaVu Sans
  ExtraLight for the body with DejaVu Sans Condensed Bold headings (no face an earlier
  family sets its body in); 8 pt and 11.5 pt bodies, 15-19 pt condensed bold headings;
* dates as "Monday 3rd March 2026", "03-Mar-26", "3 Mar. 2026", "2026/03/03" and
  "3 March 2026"; amounts as "£1,234.56", "£1,234" (whole pounds, only where the pence
  are 0), "1,234.56 (GBP)" and "£ 1,234.56" (a space after the sign);
* scans at 150, 200, 250 and 300 dpi: a coffee-ring stain, a staple's shadow in the top
  left corner, perspective skew (a phone photo of the page), low-contrast grey print on
  grey paper; PNG with and without its resolution, and multi-page PDF.

Ground truth follows L's, M's, N's and O's conventions: ``creditor_name`` is whoever is
owed now (an agency's or a solicitor's client, the claimant, the assignee of a sold debt,
the council or the court behind an enforcement agent), ``original_creditor`` the creditor
a sold debt began with where the document names it, ``account_reference`` the account with
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
    PrintCell,
    Printer,
    PrintSheet,
    Rect,
    build_printed,
    t,
)
from cma_core.documents.model import DocumentClass

FAMILY = "P"

# -- values: P's own pools (no name shared with A-D, H, K, L, M, N or O) ----------------------

LENDERS = ("Coldharbour Card Finance Ltd", "Pendeen Personal Loans plc")
PURCHASERS = ("Brendon Hills Receivables Ltd",)
AGENCIES = ("Ouse Valley Collections Ltd",)
SOLICITORS = ("Polgrain Hext Solicitors",)
AGENTS = ("Severnside Civil Enforcement Ltd",)
COUNCILS = ("Mid Devon District Council", "Rushcliffe Borough Council")
ENERGY = ("Brightwater Home Energy Ltd",)
WATER = ("Lune Estuary Water plc",)
MORTGAGES = ("Saddleworth Permanent Building Society",)
LANDLORDS = ("Tynedale Rural Homes",)
BNPL = ("Snapsplit Pay Ltd",)
CATALOGUES = ("Marlowe Direct Catalogues Ltd",)
FINE_COURTS = ("Ipswich Magistrates' Court",)
PLANT_HIRE = "Bellwether Plant Hire Ltd"
EMPLOYERS = ("Fowey Joinery Ltd", "Glenrothes Bakery Co Ltd")
BANKS = ("Greyfriars Bank plc",)
CHARITY = "Lantern Debt Advice Trust"
PEOPLE = (
    ("Mr", "Tomasz", "Nowicki"),
    ("Ms", "Aisha", "Okonjo"),
    ("Mrs", "Bronwen", "Penhaligon"),
    ("Mr", "Declan", "Fitzpatrick"),
)
ADDRESSES = (
    ("22 Tanyard Lane", "Tiverton", "EX16 6PL"),
    ("Flat 4, Granary Court", "West Bridgford", "NG2 5GT"),
    ("9 Quarry Row", "Redruth", "TR15 2AS"),
    ("61 Mill Brow", "Hexham", "NE46 3QJ"),
)
COURTS = ("Bodmin", "Carlisle")


# -- date and money shapes ---------------------------------------------------------------------


def weekday_long(date: dt.date) -> str:
    """Monday 3rd March 2026"""
    return f"{date:%A} {ordinal_date(date)}"


def dash_short(date: dt.date) -> str:
    """03-Mar-26"""
    return f"{date:%d-%b-%y}"


def abbr_dot(date: dt.date) -> str:
    """3 Mar. 2026 (no dot after May)"""
    month = f"{date:%b}" + ("" if date.month == 5 else ".")
    return f"{date.day} {month} {date.year}"


def iso_slash(date: dt.date) -> str:
    """2026/03/03"""
    return f"{date:%Y/%m/%d}"


def plain(date: dt.date) -> str:
    """3 March 2026"""
    return f"{date.day} {date:%B %Y}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (
    weekday_long,
    dash_short,
    abbr_dot,
    iso_slash,
    plain,
)


def whole(pence: int) -> str:
    """£1,234 where the pence are 0, else £1,234.56."""
    return f"£{pence // 100:,}" if pence % 100 == 0 else money(pence)


def gbp(pence: int) -> str:
    """1,234.56 (GBP)"""
    return f"{money(pence)[1:]} (GBP)"


def spaced(pence: int) -> str:
    """£ 1,234.56"""
    return "£ " + money(pence)[1:]


MONEY_SHAPES: tuple[Callable[[int], str], ...] = (money, whole, gbp, spaced)

FREQUENCY_SHOWN = {
    "weekly": ("every week", "weekly"),
    "fortnightly": ("every two weeks", "fortnightly"),
    "four_weekly": ("every four weeks", "four-weekly"),
    "monthly": ("every month", "monthly"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways P prints a true value (to check it is on the page, or in an OCR text)."""
    if isinstance(value, dt.date):
        return tuple(shape(value) for shape in DATE_SHAPES)
    if isinstance(value, int):
        return (*(shape(value) for shape in MONEY_SHAPES), money(value)[1:])
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


# -- cells, sheets and documents (the printed page is corpus_print's; P's faces and panels) ----

SMALL = 7.0


@frozen
class Rule:
    """A horizontal line above row ``row`` from ``x0`` to ``x1``."""

    row: int
    x0: float
    x1: float


@frozen
class Style:
    face: str = "cserif"
    point: float = 10.0
    landscape: bool = False


_DV = "/usr/share/fonts/truetype/dejavu/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "cserif": {
        (False, False): _DV + "DejaVuSerifCondensed.ttf",
        (True, False): _DV + "DejaVuSerifCondensed-Bold.ttf",
        (False, True): _DV + "DejaVuSerifCondensed-Italic.ttf",
        (True, True): _DV + "DejaVuSerifCondensed-BoldItalic.ttf",
    },
    "xlight": {
        (False, False): _DV + "DejaVuSans-ExtraLight.ttf",
        (True, False): _DV + "DejaVuSansCondensed-Bold.ttf",
        (False, True): _DV + "DejaVuSansCondensed-Oblique.ttf",
        (True, True): _DV + "DejaVuSansCondensed-BoldOblique.ttf",
    },
}
"""DejaVu Serif Condensed (a condensed bold heading face), and DejaVu Sans ExtraLight for
the body with DejaVu Sans Condensed Bold for headings and values set bold."""


FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)
"""Each face's file per (bold, italic) is a whole path."""
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

    def head(self, name: str, line: str, *, size: float = 17.0) -> Sheet:
        """A letterhead in the condensed bold heading face, an address line small under it,
        a rule across the page."""
        self.rows.append((t(0.07, name, True, size=size),))
        self.rows.append((t(0.07, line, size=SMALL),))
        self.rule(0.07, 0.93)
        return self

    def panel(self, title: str, pairs: Sequence[tuple[str, str]], *rest: Row) -> Sheet:
        """The key facts in a bordered, shaded summary panel at the foot of the page:
        "label  value" pairs two to a row, then ``rest`` (small print) under the panel."""
        self.foot = len(self.rows)
        rows: list[Row] = [(t(0.09, title, True),)]
        for n in range(0, len(pairs), 2):
            row: list[PrintCell] = []
            for (label, value), x in zip(pairs[n : n + 2], (0.09, 0.52), strict=False):
                row += [t(x, label, size=SMALL), t(x + 0.17, value, True)]
            rows.append(tuple(row))
        self.box(rows, 0.07, 0.93, fill=232)
        self.rows.extend(rest)
        return self

    def columns(self, left: Sequence[Row], pairs: Sequence[tuple[str, str]]) -> Sheet:
        """Two columns: ``left`` (prose set to 0.54 of the width) beside the account facts,
        a label in small capitals and its value on the same row, no colon."""
        right: list[Row] = []
        for label, value in pairs:
            right += [(t(0.565, label.upper(), size=6.0), t(0.725, value, True, size=8.0)), ()]
        for n in range(max(len(left), len(right))):
            a = left[n] if n < len(left) else ()
            b = right[n] if n < len(right) else ()
            self.rows.append((*a, *b))
        return self

    def table(self, labels: Sequence[str], xs: Sequence[float]) -> Sheet:
        """A ruled table's header row (its values may be on the next page)."""
        self.rule(0.07, 0.93)
        self.rows.append(
            tuple(t(x, label, True, size=SMALL) for x, label in zip(xs, labels, strict=True))
        )
        self.rule(0.07, 0.93)
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
    flipped: bool = False
    """Scanned upside down (the page fed in turned through 180 degrees)."""


Template = Callable[[random.Random, int], Doc]
"""``(rng, i)``: the i-th document of its class (variants alternate on ``i``)."""


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))


def amount(rng: random.Random, pence: int) -> str:
    return rng.choice(MONEY_SHAPES)(pence)


def when(rng: random.Random, date: dt.date) -> str:
    return rng.choice(DATE_SHAPES)(date)


def balance(rng: random.Random, low: int = 12_000, high: int = 480_000) -> int:
    """Some balances are whole pounds (so "£1,234" is a true print of them)."""
    pence = rng.randrange(low, high)
    return pence - pence % 100 if rng.random() < 0.3 else pence


def dated(rng: random.Random) -> dt.date:
    return dt.date(2025, 3, 3) + dt.timedelta(days=rng.randrange(640))


def person(rng: random.Random) -> tuple[str, str, list[Row]]:
    """The addressee: (full name, "Dear ..." line, address rows)."""
    title, first, surname = rng.choice(PEOPLE)
    lines = (f"{title} {first} {surname}", *rng.choice(ADDRESSES))
    return f"{title} {first} {surname}", f"Dear {title} {surname}", [(t(0.09, x),) for x in lines]


STYLES = (Style(face="cserif", point=8.0), Style(face="xlight", point=11.5))
"""8 pt DejaVu Serif Condensed; 11.5 pt DejaVu Sans ExtraLight."""


def company_line(rng: random.Random, name: str) -> Row:
    return (
        t(
            0.07,
            f"{name} is registered in England and Wales, number {digits(rng, 8)}. Calls may be recorded.",
            size=6.5,
        ),
    )


def compose(
    rng: random.Random,
    i: int,
    *,
    kinds: tuple[str, str],
    sender: str,
    address: str,
    title: str,
    paras: Sequence[str],
    facts: Sequence[tuple[str, str]],
    truth: Truth,
    flipped: bool = False,
    court: bool = False,
    greet: bool = True,
) -> Doc:
    """One letter in the layout ``kinds[i % 2]``: "panel" (the facts in a summary panel at
    the foot), "columns" (prose left, the facts right in small capitals) or "split" (a
    table whose header row ends page 1 and whose values start page 2)."""
    kind = kinds[i % 2]
    style = STYLES[(i // 2 + len(title)) % 2]
    _, dear, rows = person(rng)
    if court:
        dear = "To the defendant"
    foot: Row = (
        (t(0.07, "Court forms and guidance: www.gov.uk/make-court-claim-for-money", size=6.5),)
        if court
        else company_line(rng, sender)
    )
    page = Sheet(style)
    page.head(sender, address, size=19.0 if style.point < 9 else 15.0).gap()
    page.add(*rows).gap()
    page.add((t(0.09, title, True, size=style.point + 3),)).gap()
    if kind == "columns":
        left: list[Row] = [(t(0.09, dear + ","),), ()] if greet else []
        for text in paras:
            left += [*page.wrapped(text, 0.09, 0.54), ()]
        page.columns(left, facts)
        page.footer(foot)
        return Doc(truth=truth, sheets=[page], style=style, flipped=flipped)
    if greet:
        page.para(dear + ",", x=0.09).gap()
    for text in paras:
        page.para(text, x=0.09, right=0.91).gap()
    if kind == "panel":
        page.panel("At a glance", facts, foot)
        return Doc(truth=truth, sheets=[page], style=style, flipped=flipped)
    xs = [0.09 + n * 0.84 / len(facts) for n in range(len(facts))]
    page.para("The details of your account are set out overleaf.", x=0.09).gap()
    page.table([label for label, _ in facts], xs)
    page.footer((t(0.85, "over", size=SMALL, italic=True),))
    back = Sheet(style)
    back.add((t(0.07, f"{sender}  -  page 2 of 2", size=SMALL),)).gap()
    back.add(tuple(t(x, value, size=SMALL + 1) for x, (_, value) in zip(xs, facts, strict=True)))
    back.rule(0.07, 0.93)
    back.gap().para(
        "Please keep this letter. If you are worried about money, free independent advice is available from a debt advice charity.",
        x=0.09,
    )
    back.footer(foot)
    return Doc(truth=truth, sheets=[page, back], style=style)


def debt(
    cls: DocumentClass, creditor: str, ref: str, owed: int, date: dt.date, **extra: object
) -> Truth:
    values: dict[str, object] = {
        "creditor_name": creditor,
        "account_reference": ref,
        "balance_pence": owed,
        "letter_date": date,
    }
    values.update(extra)
    return Truth(document_class=cls, **values)  # type: ignore[arg-type]


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A card lender or a personal-loan lender: "your account is behind" (even ``i``), or a
    collection agency's letter for a debt purchaser (odd ``i``)."""
    lender = LENDERS[i % 2]
    ref, owed, date = (
        f"{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 4)}",
        balance(rng),
        dated(rng),
    )
    by = date + dt.timedelta(days=14)
    if i % 2 == 1:
        return agency_letter(rng, i // 2, ref, owed, date, by)
    return compose(
        rng,
        i // 2,
        kinds=("panel", "columns"),
        sender=lender,
        address="PO Box 4410, Plymouth PL1 9QX",
        title="Your account is behind with its payments",
        paras=(
            f"We have not had the payments we expected on your account and it is now behind. Please pay what you owe us now, or call us to agree an affordable plan, by {when(rng, by)}.",
            "If we do not hear from you we may register the missed payments with credit reference agencies.",
        ),
        facts=[
            ("Reference to quote", ref),
            ("What you owe us now", amount(rng, owed)),
            ("Printed on", when(rng, date)),
            ("Pay by", when(rng, by)),
        ],
        truth=debt(C.CREDITOR_LETTER, lender, ref, owed, date, deadline_date=by),
    )


def agency_letter(
    rng: random.Random, i: int, ref: str, owed: int, date: dt.date, by: dt.date
) -> Doc:
    """A collection agency for a debt purchaser (who is owed), the debt first a lender's;
    the agency's own file number is a distractor."""
    agency, buyer, lender = AGENCIES[0], PURCHASERS[0], LENDERS[i % 2]
    return compose(
        rng,
        i,
        kinds=("split", "columns"),
        sender=agency,
        address="Collections Department, Skeldergate, York YO1 6DH",
        title=f"We are collecting for {buyer}",
        paras=(
            f"{buyer} has asked us to collect the balance of your account, which it bought from {lender}. Our file number is OVC{digits(rng, 6)}, but please quote the reference to quote below when you pay.",
            f"Please pay in full, or contact us to agree payments, by {when(rng, by)}.",
        ),
        facts=[
            ("Reference to quote", ref),
            ("Balance due", amount(rng, owed)),
            ("Printed on", when(rng, date)),
            ("Pay by", when(rng, by)),
        ],
        truth=debt(
            C.CREDITOR_LETTER, buyer, ref, owed, date, deadline_date=by, original_creditor=lender
        ),
    )


def claim_form(rng: random.Random, i: int) -> Doc:
    """A money claim: the claimant a lender, a "deemed served" date printed."""
    lender = LENDERS[(i + 1) % 2]
    ref, owed, date = f"PPL{digits(rng, 7)}", balance(rng, 60_000, 900_000), dated(rng)
    served = date + dt.timedelta(days=5)
    by = served + dt.timedelta(days=14)
    claim = f"{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 5)}"
    court = rng.choice(COURTS)
    return compose(
        rng,
        i,
        kinds=("columns", "split"),
        sender=f"In the County Court at {court}",
        address="Claim form (money claim) - County Court Business Centre",
        title=f"Claim against you by {lender}",
        court=True,
        paras=(
            f"The claimant, {lender}, claims the sum below for money lent under a loan agreement, with interest and the court fee.",
            "You must respond within 14 days of the date this claim is deemed served, using the response pack. If you do not, judgment may be entered against you.",
        ),
        facts=[
            ("Claim number", claim),
            ("Account with claimant", ref),
            ("Total amount", amount(rng, owed)),
            ("Printed on", when(rng, date)),
            ("Deemed served", when(rng, served)),
            ("Respond by", when(rng, by)),
        ],
        truth=debt(
            C.COURT_CLAIM_N1,
            lender,
            ref,
            owed,
            date,
            court_claim_number=claim,
            served_date=served,
            deadline_date=by,
        ),
    )


def judgment(rng: random.Random, i: int) -> Doc:
    """A judgment in default for a debt purchaser."""
    buyer = PURCHASERS[0]
    ref, owed, date = f"BHR-{digits(rng, 8)}", balance(rng, 40_000, 700_000), dated(rng)
    by = date + dt.timedelta(days=28)
    claim = f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 3)}"
    return compose(
        rng,
        i,
        kinds=("panel", "split"),
        sender=f"In the County Court at {rng.choice(COURTS)}",
        address="Judgment for claimant (in default)",
        title=f"Judgment for {buyer}",
        court=True,
        paras=(
            f"You have not replied to the claim, so judgment has been entered against you for {buyer}, which bought the debt from {LENDERS[i % 2]}. You must pay the claimant the total below by the date shown. Send payments to the claimant, not to the court.",
            "If you do not pay, the claimant may ask the court to enforce the judgment.",
        ),
        facts=[
            ("Case number", claim),
            ("Claimant's reference", ref),
            ("Total to pay", amount(rng, owed)),
            ("Judgment dated", when(rng, date)),
            ("Pay in full by", when(rng, by)),
        ],
        truth=debt(
            C.COUNTY_COURT_JUDGMENT,
            buyer,
            ref,
            owed,
            date,
            court_claim_number=claim,
            deadline_date=by,
            original_creditor=LENDERS[i % 2],
        ),
    )


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """An enforcement company's notice for a council: the agent's case number is quoted."""
    council = COUNCILS[i % 2]
    case, owed, date = f"SCE{digits(rng, 7)}", balance(rng, 30_000, 260_000), dated(rng)
    by = date + dt.timedelta(days=7)
    return compose(
        rng,
        i,
        kinds=("columns", "panel"),
        sender=AGENTS[0],
        address="Unit 3, Portway Trade Park, Avonmouth BS11 9WB",
        title="Notice of enforcement",
        paras=(
            f"{council} has passed us a liability order for unpaid council tax (their account {digits(rng, 9)}). Fees have been added under the Taking Control of Goods regulations.",
            "Unless the full amount is paid, an enforcement agent may visit your home to take control of goods.",
        ),
        facts=[
            ("Case number", case),
            ("Acting for", council.split(" District")[0].split(" Borough")[0]),
            ("What you need to pay", amount(rng, owed)),
            ("Printed on", when(rng, date)),
            ("Pay by", when(rng, by)),
        ],
        truth=debt(C.ENFORCEMENT_AGENT_NOTICE, council, case, owed, date, deadline_date=by),
    )


def statutory_demand(rng: random.Random, i: int) -> Doc:
    """A plant-hire company's statutory demand for unpaid hire."""
    ref, owed, date = f"HIRE/{digits(rng, 5)}", balance(rng, 500_000, 2_400_000), dated(rng)
    by = date + dt.timedelta(days=21)
    return compose(
        rng,
        i,
        kinds=("split", "columns"),
        sender=PLANT_HIRE,
        address="Yard 2, Kingsway, Gloucester GL2 2AT",
        title="Statutory demand (debt for a liquidated sum)",
        paras=(
            f"{PLANT_HIRE} says that you owe it the sum below for equipment hire, which is payable now and which you have not paid.",
            "If you do not pay, secure or compound the debt within 21 days of service, a bankruptcy petition may be presented against you.",
        ),
        facts=[
            ("Hire account", ref),
            ("Sum demanded", amount(rng, owed)),
            ("Printed on", when(rng, date)),
            ("Settle by", when(rng, by)),
        ],
        truth=debt(C.STATUTORY_DEMAND, PLANT_HIRE, ref, owed, date, deadline_date=by),
    )


def council_tax(rng: random.Random, i: int) -> Doc:
    council = COUNCILS[(i + 1) % 2]
    ref, owed, date = f"{digits(rng, 9)}", balance(rng, 9_000, 180_000), dated(rng)
    by = date + dt.timedelta(days=7)
    return compose(
        rng,
        i,
        kinds=("panel", "columns"),
        sender=council,
        address="Council Tax, Civic Centre, PO Box 71",
        title="Council Tax: you have missed an instalment",
        paras=(
            f"Our records show an instalment has not been paid. Please pay what you need to pay by {when(rng, by)}, or you will lose the right to pay by instalments and the whole year's charge will fall due.",
        ),
        facts=[
            ("Reference to quote", ref),
            ("What you need to pay", amount(rng, owed)),
            ("Printed on", when(rng, date)),
            ("Pay by", when(rng, by)),
        ],
        truth=debt(C.COUNCIL_TAX, council, ref, owed, date, deadline_date=by),
    )


def utility_bill(rng: random.Random, i: int) -> Doc:
    water = WATER[0]
    ref, owed, date = f"{digits(rng, 10)}", balance(rng, 4_000, 90_000), dated(rng)
    by = date + dt.timedelta(days=14)
    return compose(
        rng,
        i,
        kinds=("split", "panel"),
        sender=water,
        address="Customer Centre, Caton Road, Lancaster LA1 3PE",
        title="Your water and sewerage bill",
        paras=(
            f"This bill covers your water supply and sewerage charges for the period to {plain(date - dt.timedelta(days=3))}, based on a meter reading.",
            "You can spread the cost with a payment plan. Ask us about our social tariff if money is tight.",
        ),
        facts=[
            ("Customer number", ref),
            ("Total to pay", amount(rng, owed)),
            ("Bill date", when(rng, date)),
            ("Pay by", when(rng, by)),
        ],
        truth=debt(C.UTILITY_BILL, water, ref, owed, date, deadline_date=by),
    )


def utility_arrears(rng: random.Random, i: int) -> Doc:
    energy = ENERGY[0]
    ref, owed, date = f"BHE{digits(rng, 8)}", balance(rng, 20_000, 300_000), dated(rng)
    by = date + dt.timedelta(days=10)
    return compose(
        rng,
        i,
        kinds=("columns", "panel"),
        sender=energy,
        address="Brightwater House, Quay Street, Bristol BS1 4EE",
        title="Your energy account is in arrears",
        paras=(
            "Your gas and electricity account is in arrears because we have not been paid for energy you have used.",
            "If we cannot agree a plan with you, we may fit a prepayment meter or pass the debt to a collection agency.",
        ),
        facts=[
            ("Account", ref),
            ("Arrears", amount(rng, owed)),
            ("Printed on", when(rng, date)),
            ("Contact us by", when(rng, by)),
        ],
        truth=debt(C.UTILITY_ARREARS, energy, ref, owed, date, deadline_date=by),
    )


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    court = FINE_COURTS[0]
    ref, owed, date = (
        f"{digits(rng, 2)}/{digits(rng, 5)}/{digits(rng, 2)}",
        balance(rng, 10_000, 150_000),
        dated(rng),
    )
    by = date + dt.timedelta(days=14)
    return compose(
        rng,
        i,
        kinds=("panel", "split"),
        sender=court,
        address="HM Courts & Tribunals Service, Elm Street, Ipswich IP1 2AP",
        title="Fine: your payment is overdue",
        paras=(
            "The court ordered you to pay a fine, costs and a victim surcharge. The balance below is overdue.",
            "If it is not paid the court may increase it by half, take it from your wages or benefits, or issue a warrant.",
        ),
        facts=[
            ("Account number", ref),
            ("Balance overdue", amount(rng, owed)),
            ("Printed on", when(rng, date)),
            ("Pay by", when(rng, by)),
        ],
        truth=debt(C.MAGISTRATES_FINE, court, ref, owed, date, deadline_date=by),
    )


def assignment(rng: random.Random, i: int) -> Doc:
    buyer, lender = PURCHASERS[0], LENDERS[i % 2]
    ref, owed, date = f"BH{digits(rng, 9)}", balance(rng), dated(rng)
    return compose(
        rng,
        i,
        kinds=("columns", "split"),
        sender=buyer,
        address="Brendon House, Fore Street, Taunton TA1 1HX",
        title="We now own your account",
        paras=(
            f"{lender} has sold and assigned your account to us. From the date of this notice you owe the balance to {buyer}, not to {lender}.",
            "Your terms have not changed. Please make your payments to us, quoting our reference.",
        ),
        facts=[
            ("Reference to quote", ref),
            ("Balance assigned", amount(rng, owed)),
            ("First lender", lender.split(" Ltd")[0].split(" plc")[0]),
            ("Printed on", when(rng, date)),
        ],
        truth=debt(C.NOTICE_OF_ASSIGNMENT, buyer, ref, owed, date, original_creditor=lender),
    )


def overpayment(rng: random.Random, i: int) -> Doc:
    council = COUNCILS[i % 2]
    ref, owed, date = f"OP{digits(rng, 7)}", balance(rng, 15_000, 350_000), dated(rng)
    by = date + dt.timedelta(days=21)
    return compose(
        rng,
        i,
        kinds=("split", "panel"),
        sender=council,
        address="Benefits Service, Council Offices",
        title="Housing Benefit overpayment: invoice",
        paras=(
            "We paid you more Housing Benefit than you were entitled to because your earnings went up. This overpayment is recoverable.",
            "If you cannot pay in full, contact us to agree instalments. You can ask us to look at the decision again within one month.",
        ),
        facts=[
            ("Invoice number", ref),
            ("Amount overpaid", amount(rng, owed)),
            ("Issued", when(rng, date)),
            ("Pay by", when(rng, by)),
        ],
        truth=debt(C.OVERPAYMENT, council, ref, owed, date, deadline_date=by),
    )


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    society = MORTGAGES[0]
    ref, owed, date = f"{digits(rng, 8)}/01", balance(rng, 50_000, 900_000), dated(rng)
    by = date + dt.timedelta(days=14)
    total = rng.randrange(6_000_000, 18_000_000)
    return compose(
        rng,
        i,
        kinds=("panel", "columns"),
        sender=society,
        address="Head Office, High Street, Uppermill OL3 6HR",
        title="Your mortgage payments are in arrears",
        paras=(
            f"Your mortgage is in arrears. The whole mortgage still to repay is {money(total)}; the arrears are the missed payments shown in the summary.",
            "Please contact us so we can discuss what you can afford. We will only take possession of your home as a last resort.",
        ),
        facts=[
            ("Mortgage account", ref),
            ("Arrears now", amount(rng, owed)),
            ("Printed on", when(rng, date)),
            ("Please call by", when(rng, by)),
        ],
        truth=debt(C.MORTGAGE_ARREARS, society, ref, owed, date, deadline_date=by),
    )


def rent_arrears(rng: random.Random, i: int) -> Doc:
    """A housing association's arrears letter; the first one is scanned upside down."""
    landlord = LANDLORDS[0]
    ref, owed, date = f"TRH/{digits(rng, 6)}", balance(rng, 20_000, 320_000), dated(rng)
    by = date + dt.timedelta(days=7)
    return compose(
        rng,
        i,
        kinds=("columns", "panel"),
        sender=landlord,
        address="Tenancy Services, Priestpopple, Hexham NE46 1PS",
        title="Your rent account is in arrears",
        paras=(
            "Your rent account is behind. Rent is due every Monday in advance. Please clear the arrears, or agree a plan with your housing officer.",
            "If you claim Universal Credit, tell us and we can help you apply for the housing costs element.",
        ),
        facts=[
            ("Tenancy reference", ref),
            ("Rent arrears", amount(rng, owed)),
            ("Printed on", when(rng, date)),
            ("Contact us by", when(rng, by)),
        ],
        truth=debt(C.RENT_ARREARS, landlord, ref, owed, date, deadline_date=by),
        flipped=i == 0,
    )


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    firm = (BNPL + CATALOGUES)[i % 2]
    ref, owed, date = f"{letters(rng, 3)}{digits(rng, 6)}", balance(rng, 3_000, 120_000), dated(rng)
    by = date + dt.timedelta(days=7)
    return compose(
        rng,
        i,
        kinds=("panel", "split"),
        sender=firm,
        address="Customer Care, PO Box 880, Leeds LS1 4BN",
        title="You have missed a payment",
        paras=(
            "Your last payment did not go through and your account is now overdue. A late fee may be added if it is not paid.",
            "You cannot make new purchases with us until it is paid.",
        ),
        facts=[
            ("Order reference", ref),
            ("Overdue balance", amount(rng, owed)),
            ("Printed on", when(rng, date)),
            ("Pay by", when(rng, by)),
        ],
        truth=debt(C.BNPL_CATALOGUE_ARREARS, firm, ref, owed, date, deadline_date=by),
    )


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    """Solicitors for a lender (the client is owed; the firm's own reference is not the
    account)."""
    lender = LENDERS[i % 2]
    ref, owed, date = (
        f"{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 4)}",
        balance(rng, 80_000, 900_000),
        dated(rng),
    )
    by = date + dt.timedelta(days=30)
    return compose(
        rng,
        i,
        kinds=("columns", "split"),
        sender=SOLICITORS[0],
        address="4 Lemon Quay, Truro TR1 2LW",
        title="Letter of claim",
        paras=(
            f"We act for {lender}, who say you owe them the sum shown under your credit agreement. This letter is sent under the Pre-Action Protocol for Debt Claims. Our file is PH/{digits(rng, 4)}.",
            "Please complete the enclosed reply form. If you do not reply in time our client may start court proceedings.",
        ),
        facts=[
            ("Our client", lender.split(" Ltd")[0].split(" plc")[0]),
            ("Account with client", ref),
            ("Sum claimed", amount(rng, owed)),
            ("Printed on", when(rng, date)),
            ("Reply by", when(rng, by)),
        ],
        truth=debt(C.LETTER_OF_CLAIM, lender, ref, owed, date, deadline_date=by),
    )


def payslip(rng: random.Random, i: int) -> Doc:
    employer = EMPLOYERS[i % 2]
    frequency = ("weekly", "monthly")[i % 2]
    gross = (
        rng.randrange(40_000, 90_000) if frequency == "weekly" else rng.randrange(160_000, 380_000)
    )
    net = gross - rng.randrange(gross // 8, gross // 4)
    date = dated(rng)
    return compose(
        rng,
        i,
        kinds=("panel", "columns"),
        sender=employer,
        address="Payroll - private and confidential",
        title=f"What we paid you: {FREQUENCY_SHOWN[frequency][1]} pay",
        paras=(
            f"Employee {digits(rng, 5)}, tax code 1257L. Deductions this period: income tax, National Insurance and pension.",
        ),
        facts=[
            ("Paid on", when(rng, date)),
            ("Paid every", FREQUENCY_SHOWN[frequency][0].split(" ", 1)[1]),
            ("Before deductions", money(gross)),
            ("Take-home", money(net)),
        ],
        greet=False,
        truth=Truth(
            document_class=C.PAYSLIP,
            payer_name=employer,
            income_pence=net,
            gross_pence=gross,
            letter_date=date,
            frequency=frequency,
        ),
    )


def bank_statement(rng: random.Random, i: int) -> Doc:
    bank = BANKS[0]
    date = dated(rng)
    opening = rng.randrange(2_000, 150_000)
    return compose(
        rng,
        i,
        kinds=("split", "columns"),
        sender=bank,
        address="Current account statement",
        title="Your current account statement",
        paras=(
            f"Sort code {digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}, account {digits(rng, 8)}. Card payment SNAPMART {money(rng.randrange(500, 9_000))}; direct debit COUNCIL TAX {money(rng.randrange(9_000, 20_000))}; wages in {money(rng.randrange(90_000, 200_000))}.",
        ),
        facts=[
            ("Statement date", when(rng, date)),
            ("Opening balance", money(opening)),
            ("Sheet", str(rng.randrange(20, 140))),
        ],
        greet=False,
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date),
    )


def benefit(rng: random.Random, i: int) -> Doc:
    payer = "Jobcentre Plus"
    date = dated(rng)
    every = rng.randrange(16_000, 18_000)
    return compose(
        rng,
        i,
        kinds=("columns", "panel"),
        sender=payer,
        address="Department for Work and Pensions, Benefit Centre, Wolverhampton WV98 1AA",
        title="New Style Jobseeker's Allowance: your award",
        paras=(
            "You are entitled to New Style Jobseeker's Allowance. We pay it into your account in arrears. You must keep to your Claimant Commitment.",
        ),
        facts=[
            ("Decision made", when(rng, date)),
            ("Amount each payment", money(every)),
            ("Paid every", "two weeks"),
        ],
        truth=Truth(
            document_class=C.BENEFIT_AWARD,
            payer_name=payer,
            income_pence=every,
            letter_date=date,
            frequency="fortnightly",
        ),
    )


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: a debt-advice charity's appointment letter or a bank's new-card note."""
    date = dated(rng)
    if i % 2 == 0:
        return compose(
            rng,
            i,
            kinds=("panel", "panel"),
            sender=CHARITY,
            address="Free, confidential debt advice - registered charity",
            title="Your appointment",
            paras=(
                f"Thank you for contacting us. Your appointment with an adviser is on {plain(date + dt.timedelta(days=9))} at 2pm. Please bring your letters, bank statements and payslips.",
            ),
            facts=[("Adviser", "Kate Lumley"), ("Room", "2")],
            truth=Truth(document_class=C.OTHER),
        )
    return compose(
        rng,
        i,
        kinds=("columns", "columns"),
        sender=BANKS[0],
        address="Card Services",
        title="Your new debit card is on its way",
        paras=(
            "Your old card expires soon, so we have sent you a new one. Your PIN has not changed. Nothing is owed and there is nothing to pay.",
        ),
        facts=[
            ("Card ending", digits(rng, 4)),
            ("Expires", f"{rng.randrange(1, 13):02d}/{rng.randrange(28, 31)}"),
        ],
        truth=Truth(document_class=C.OTHER),
    )


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


# -- the family --------------------------------------------------------------------------------


@frozen(kw_only=True)
class PSample(Sample):
    """A sample of family P: its style, boxes, rules and footers per page, and whether it is
    scanned upside down."""

    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()
    flipped: bool = False


def build_p(per_class: int = 4, *, seed: int = 5017) -> list[PSample]:
    """``per_class`` documents of every class, held out, family ``<class>:P``."""
    return build_printed(
        TEMPLATES, FAMILY, per_class, seed, PSample, flipped=lambda doc: doc.flipped
    )


# -- layout: words with exact boxes, text, images --------------------------------------------------


PRINT = Printer(_font, _measure)
"""The printed page (``corpus_print``, shared with the other families) in P's faces."""
page_size = PRINT.page_size
layout = PRINT.layout
_rows = PRINT.rows
p_words = PRINT.words
p_page_text = PRINT.page_text
p_text = PRINT.text
p_pages = PRINT.pages


@frozen(kw_only=True)
class PScan(Scan):
    """How P is printed and scanned: besides ``Scan``'s effects (dpi, skew, speckle, blur,
    paper grey), the ink's grey level, a coffee-ring stain, a staple's shadow in the top
    left corner and perspective skew (a phone photo of the page, ``tilt`` its strength)."""

    ink: int = 20
    ring: bool = False
    staple: bool = False
    tilt: float = 0.0


SCANS = (
    PScan(dpi=200, ring=True, rotate=0.4),
    PScan(dpi=300, ink=110, paper=200),
    PScan(dpi=150, staple=True, noise=0.0006, rotate=-0.6),
    PScan(dpi=250, tilt=0.025, blur=0.4),
)
"""200 dpi with a coffee-ring stain, slightly skewed; 300 dpi, low-contrast grey print on
grey paper; 150 dpi with a staple's shadow, speckled and skewed; 250 dpi photographed at an
angle (perspective skew), softened."""


def _ring(image: Image.Image, seed: int) -> Image.Image:
    """A coffee-ring stain: a grey ring, darker at its rim, somewhere on the page."""
    width, height = image.size
    rng = random.Random(seed)
    r = round(width * rng.uniform(0.09, 0.13))
    cx, cy = round(width * rng.uniform(0.3, 0.75)), round(height * rng.uniform(0.3, 0.7))
    shade = Image.new("L", (width, height), 255)
    pen = ImageDraw.Draw(shade)
    pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=235, outline=150, width=max(2, r // 25))
    return ImageChops.multiply(image, shade.filter(ImageFilter.GaussianBlur(max(1, r // 60))))


def _staple(image: Image.Image) -> Image.Image:
    """A staple through the top left corner and its shadow."""
    width, _ = image.size
    shade = Image.new("L", image.size, 255)
    pen = ImageDraw.Draw(shade)
    x, y, length = round(width * 0.025), round(width * 0.03), round(width * 0.05)
    pen.line((x + 3, y + length + 3, x + length + 3, y + 3), fill=120, width=max(3, width // 250))
    shade = shade.filter(ImageFilter.GaussianBlur(3))
    pen = ImageDraw.Draw(shade)
    pen.line((x, y + length, x + length, y), fill=40, width=max(2, width // 400))
    return ImageChops.multiply(image, shade)


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the 8 perspective coefficients)."""
    n = len(b)
    m = [[*row, rhs] for row, rhs in zip(a, b, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                m[r] = [x - f * y for x, y in zip(m[r], m[col], strict=True)]
    return [m[r][n] / m[r][r] for r in range(n)]


def _perspective(image: Image.Image, tilt: float, paper: int) -> Image.Image:
    """The page photographed from below its top edge: the top narrower than the foot."""
    width, height = image.size
    dx = tilt * width
    src = [(0.0, 0.0), (float(width), 0.0), (float(width), float(height)), (0.0, float(height))]
    dst = [(dx, dx / 2), (width - dx, 0.0), (float(width), float(height)), (0.0, height - dx / 3)]
    rows: list[list[float]] = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y])
        rows.append([0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y])
    coeffs = _solve(rows, [c for point in src for c in point])
    return image.transform(
        (width, height),
        Image.Transform.PERSPECTIVE,
        tuple(coeffs),
        resample=Image.Resampling.BICUBIC,
        fillcolor=paper,
    )


def render(sample: PSample, n: int, scan: PScan, seed: int = 0) -> Image.Image:
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
        fill = None if rect.fill is None else min(rect.fill, scan.paper)
        pen.rectangle(
            (x0, y0, x1, y1), fill=fill, outline=scan.ink if rect.outline else None, width=line
        )
    for rule in sample.rules[n] if sample.rules else ():
        y = tops[rule.row] - round(0.25 * body) if rule.row < len(tops) else tops[-1] + heights[-1]
        x0, x1 = round(rule.x0 * width), round(rule.x1 * width)
        pen.line((x0, y, x1, y), fill=scan.ink, width=line)
    for p in layout(sample, n, scan.dpi):
        pen.text((p.left, p.top), p.cell.text, fill=scan.ink, font=p.font)
    if scan.ring:
        image = _ring(image, seed)
    if scan.staple and n == 0:
        image = _staple(image)
    if scan.noise:
        rng = random.Random(seed)
        pixels = image.load()
        assert pixels is not None
        for _ in range(int(width * height * scan.noise)):
            pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 90))
    if scan.tilt:
        image = _perspective(image, scan.tilt, scan.paper)
    if scan.blur:
        image = image.filter(ImageFilter.GaussianBlur(scan.blur))
    if scan.rotate:
        image = image.rotate(
            scan.rotate, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=scan.paper
        )
    if sample.flipped:
        image = image.transpose(Image.Transpose.ROTATE_180)
    return image


def p_scanned(sample: PSample, index: int) -> tuple[bytes, str, PScan]:
    """The sample printed and scanned one of four ways: multi-page ones as one PDF; single
    pages as PNG (every other one without its resolution) or, one in three, as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 17 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or index % 3 == 2:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "PSample",
    "build_p",
    "p_pages",
    "p_scanned",
    "p_text",
    "p_words",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
