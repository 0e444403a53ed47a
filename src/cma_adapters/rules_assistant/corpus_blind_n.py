# ruff: noqa: E501, S311  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``N``, written blind: a third measure of how the reader
generalises, in another hand than ``L`` and ``M``.

``N`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Cell``/``Page``, ``Sample``, ``score``, ``sample_text``), families A-K, L and
M (only to avoid repeating their layouts, organisations and wording), M's tests and the
reporting code of ``benchmarks/intake_accuracy.py`` -- **not** the reader's rules
(``assistant.py``, ``fields.py``, ``layout.py``, ``classifier.py``, ``statements.py``,
``label_learning.py``), nor any list or description of the reader's misses. It is never
used to write rules, to train or calibrate the classifier (``build_corpus`` never yields
it), nor to choose models: it is measured, and the aggregate figures go into
benchmarks/OCR.md. Its individual misses are not written down anywhere; whoever reads them
to change the reader makes ``N`` no longer blind and must say so there.

**N is no longer blind.** Round 7 of the reader (issue 14) read N's misses
(``benchmarks/intake_accuracy.py --family n --misses``) to fix them by kind, as round 5
did for ``L`` and round 6 for ``M``: from then on ``N`` is a training-side figure like
H, K, L and M, says nothing of how the reader generalises, and the classifier is trained
on it with L and M (``read_families``; artefact ``2026-12-03.6``; benchmarks/OCR.md,
"Round 7"). What is said above of how ``N`` was written still holds; "never used to
write rules, to train" held until round 7.

What differs from A-D, H, K, L and M:

* who writes: a bank's s.87 default notice with a bank giro tear-off slip, a debt
  collection agency's "notice of intended legal action" for a debt purchaser, a county
  court N1 set out as a grid of boxes (the claim number in character boxes on half) and a
  bulk-centre print-out, a "judgment for claimant" as a two-column form and a judgment by
  determination, an enforcement agent's council-tax notice and a road-traffic warrant
  notice, a statutory demand by a company, a council-tax summons and a final notice, an
  energy final demand and a water arrears letter, HMRC tax credits and a DWP Universal
  Credit advance recovery letter, a building society's arrears letter, a housing
  association's letter and a landscape rent statement, a pay-later and a catalogue arrears
  letter, a letter of claim with its Reply Form, two payroll-software payslips (one
  landscape), a State Pension award and a Social Security Scotland award, a two-page bank
  statement, an account-settled letter and a repairs appointment (nothing owed);
* layouts: a shaded left-hand sidebar of account details in CAPITALS WITH COLONS beside the
  body, forms as grids of ruled boxes with the label small in the top-left corner of each
  box, character ("comb") boxes, landscape tables, tear-off slips below a dashed cut line,
  values before their labels ("£1,234.56 is now due", "1,234.56 DR  balance"), centred
  headings, italic labels, fields only on page 2;
* faces and sizes: Liberation Sans, Liberation Sans Narrow and DejaVu Sans Condensed (no
  serif and no monospaced face), 9-10.5 pt body, 13-15 pt headings, 7 pt small print;
* dates as "the 3rd of March 2026", "03.03.26", "2026-03-03", "03-03-2026", "3 MARCH
  2026", "Tuesday, 3 March 2026" and "3-Mar-2026"; amounts as "£1,234.56", "GBP 1234.56",
  "1,234.56 DR", "£1 234.56" and "1,234.56 GBP";
* scans at 150, 200, 240 and 300 dpi: photocopied (hard contrast), uneven light, skew,
  speckle, blur, a toner streak; PNG (with and without its resolution) and PDF.

Ground truth follows L's and M's conventions: ``creditor_name`` is whoever is owed now (an
agency's or a solicitor's client, the claimant, the assignee of a sold debt, the council
or the court behind an enforcement agent), ``original_creditor`` the creditor a sold debt
began with where the document names it, ``account_reference`` the account with the
creditor named (an agency's own reference is a distractor), except on an enforcement
notice, where the agent's case reference is what must be quoted; ``balance_pence`` what is
owed now (arrears on a mortgage or rent letter, the total on a claim, judgment, demand or
summons); ``letter_date`` the document's own date (a payslip's pay date, a statement's
date); ``deadline_date`` and ``served_date`` only where such a date is printed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Callable, Sequence

from attrs import frozen
from PIL import Image, ImageChops, ImageDraw, ImageFilter

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

FAMILY = "N"

# -- values: N's own pools (no name shared with A-D, H, K, L or M) --------------------------

LENDERS = (
    "Cheviot Personal Finance Ltd",
    "Portishead Bank plc",
    "Wrekin Loans Ltd",
    "Ochil Card Services Ltd",
)
PURCHASERS = (
    "Blackdown Credit Acquisitions Ltd",
    "Anglesey Debt Holdings Ltd",
    "Quantock Receivables plc",
)
AGENCIES = (
    "Purbeck Collections Ltd",
    "Malvern Recoveries Ltd",
    "Chiltern Credit Management Ltd",
)
SOLICITORS = ("Hartley Quayle Solicitors LLP", "Ashworth Bell & Co Solicitors")
AGENTS = ("Sedgemoor Enforcement Services Ltd", "Wyvern Civil Enforcement Ltd")
COUNCILS = (
    "Torridge District Council",
    "North Kesteven District Council",
    "Wyre Forest District Council",
    "Conwy County Borough Council",
)
ENERGY = ("Lanyon Energy Ltd", "Fernhill Power & Gas Ltd")
WATER = ("Usk Vale Water plc", "Stour Water Services Ltd")
HOUSING = ("Penwith Housing Association", "Charnwood Homes Trust")
MORTGAGES = ("Tamworth Building Society", "Carrick Home Loans plc")
BNPL = ("Paylo Instalments Ltd", "Zest Split Pay Ltd")
CATALOGUES = ("Wendover Home Catalogue Ltd", "Ludlow Direct Shopping Ltd")
FINE_COURTS = ("Leicester Magistrates' Court", "Bristol Magistrates' Court")
EMPLOYERS = (
    "Kinver Logistics Ltd",
    "Southwold Care Partnership Ltd",
    "Axminster Bakeries Ltd",
)
BANKS = ("Dunmore Bank plc", "Holyhead Building Society")
PEOPLE = (
    ("Ms", "Priya", "Chauhan"),
    ("Mr", "Callum", "Fraser"),
    ("Mrs", "Bernadette", "Quinn"),
    ("Mr", "Kwame", "Asante"),
    ("Miss", "Rhiannon", "Evans"),
)
ADDRESSES = (
    ("41 Bideford Road", "Barnstaple", "EX31 3AT"),
    ("Flat 2, 7 Castle Street", "Sleaford", "NG34 7QE"),
    ("116 Stourport Road", "Kidderminster", "DY11 7BH"),
    ("9 Ffordd Penrhyn", "Llandudno", "LL30 1PT"),
    ("27 Gravel Lane", "Penzance", "TR18 2QW"),
)
COURTS = ("Exeter", "Lincoln", "Worcester", "Llandudno")


# -- date and money shapes -------------------------------------------------------------------


def the_of(date: dt.date) -> str:
    """the 3rd of March 2026"""
    day, rest = ordinal_date(date).split(" ", 1)
    return f"the {day} of {rest}"


def dots(date: dt.date) -> str:
    """03.03.26"""
    return f"{date:%d.%m.%y}"


def iso(date: dt.date) -> str:
    return date.isoformat()


def dashes(date: dt.date) -> str:
    """03-03-2026"""
    return f"{date:%d-%m-%Y}"


def caps(date: dt.date) -> str:
    """3 MARCH 2026"""
    return f"{date.day} {date:%B}".upper() + f" {date.year}"


def weekday(date: dt.date) -> str:
    """Tuesday, 3 March 2026"""
    return f"{date:%A}, {date.day} {date:%B %Y}"


def hyphen_abbr(date: dt.date) -> str:
    """3-Mar-2026"""
    return f"{date.day}-{date:%b}-{date.year}"


def long(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (
    the_of, dots, iso, dashes, caps, weekday, hyphen_abbr, long,
)  # fmt: skip


def plain(pence: int) -> str:
    """1,234.56 (in a column headed "£", or before "DR"/"CR")."""
    return money(pence)[1:]


def gbp(pence: int) -> str:
    """GBP 1234.56"""
    return f"GBP {pence // 100}.{pence % 100:02d}"


def spaced(pence: int) -> str:
    """£1 234.56"""
    return "£" + plain(pence).replace(",", " ")


def dr(pence: int) -> str:
    """1,234.56 DR (owed, on an account statement)"""
    return f"{plain(pence)} DR"


def gbp_after(pence: int) -> str:
    """1,234.56 GBP"""
    return f"{plain(pence)} GBP"


MONEY_SHAPES: tuple[Callable[[int], str], ...] = (money, gbp, spaced, dr, gbp_after)

FREQUENCY_SHOWN = {
    "weekly": ("weekly", "every week"),
    "fortnightly": ("fortnightly", "every two weeks", "2-weekly"),
    "four_weekly": ("4-weekly", "every 4 weeks", "four-weekly"),
    "monthly": ("monthly", "every month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways N prints a true value (to check it is on the page, or in an OCR text)."""
    if isinstance(value, dt.date):
        return tuple(shape(value) for shape in DATE_SHAPES)
    if isinstance(value, int):
        return (*(shape(value) for shape in MONEY_SHAPES), plain(value))
    if field == "frequency":
        return FREQUENCY_SHOWN[str(value)]
    text = str(value)
    return (text, " ".join(text.replace(" ", "")))  # also one character a box


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


# -- cells, sheets and documents --------------------------------------------------------------

SMALL = 7.0


@frozen
class Rule:
    """A horizontal line above row ``row`` from ``x0`` to ``x1``; ``dashed``: a cut line."""

    row: int
    x0: float
    x1: float
    dashed: bool = False


@frozen
class Style:
    face: str = "sans"
    point: float = 10.0
    landscape: bool = False


FACES = {
    "sans": "/usr/share/fonts/truetype/liberation/LiberationSans-{}.ttf",
    "narrow": "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-{}.ttf",
    "condensed": "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed{}.ttf",
}
"""Liberation Sans, Liberation Sans Narrow and DejaVu Sans Condensed (no serif, no mono)."""
_STYLES = {
    "sans": {
        (False, False): "Regular",
        (True, False): "Bold",
        (False, True): "Italic",
        (True, True): "BoldItalic",
    },
    "narrow": {
        (False, False): "Regular",
        (True, False): "Bold",
        (False, True): "Italic",
        (True, True): "BoldItalic",
    },
    "condensed": {
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

    def side(
        self, left: Sequence[Row], right: Sequence[Row], *, x0: float = 0.05, x1: float = 0.31
    ) -> Sheet:
        """A shaded sidebar (``left``) beside the body (``right``), row by row."""
        first = len(self.rows)
        for n in range(max(len(left), len(right))):
            a = left[n] if n < len(left) else ()
            b = right[n] if n < len(right) else ()
            self.rows.append((*a, *b))
        last = first + len(left) - 1
        self.rects.append(Rect(first, last, x0, x1, outline=False, fill=222))
        return self

    def grid(
        self,
        boxes: Sequence[Sequence[tuple[str, str]]],
        xs: Sequence[float],
        *,
        right: float = 0.94,
    ) -> Sheet:
        """A form: each row of boxes is a small label line and a value line, every box ruled,
        the label in the box's top-left corner."""
        for line in boxes:
            first = len(self.rows)
            self.rows.append(
                tuple(
                    t(x + 0.008, label, size=SMALL) for x, (label, _) in zip(xs, line, strict=False)
                )
            )
            self.rows.append(
                tuple(t(x + 0.012, value, True) for x, (_, value) in zip(xs, line, strict=False))
            )
            edges = [*xs[: len(line)], right if len(line) == len(xs) else xs[len(line)]]
            for a, b in itertools.pairwise(edges):
                self.rects.append(Rect(first, first + 1, a, b))
        return self

    def comb(
        self, label: str, value: str, *, x: float, pitch: float = 0.028, label_x: float = 0.08
    ) -> Sheet:
        """``value`` one character a box (the label to the left)."""
        row = len(self.rows)
        cells: list[Cell] = [t(label_x, label)]
        for n, char in enumerate(value):
            left = x + n * pitch
            cells.append(ct(left + pitch / 2, char, True))
            self.rects.append(Rect(row, row, left, left + pitch))
        self.rows.append(tuple(cells))
        return self

    def cut(self, note: str) -> Sheet:
        """A dashed cut line across the page and the note under it."""
        self.rules.append(Rule(len(self.rows), 0.05, 0.95, dashed=True))
        self.rows.append((t(0.08, note, size=SMALL, italic=True),))
        return self

    def rule(self, x0: float = 0.05, x1: float = 0.95) -> Sheet:
        self.rules.append(Rule(len(self.rows), x0, x1))
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


def reference(rng: random.Random, style: str) -> str:
    if style == "loan":
        return f"{digits(rng, 4)}-{digits(rng, 6)}-{digits(rng, 2)}"
    if style == "card":
        return f"{digits(rng, 4)} XXXX XXXX {digits(rng, 4)}"
    if style == "purchaser":
        return f"{letters(rng, 3)}{digits(rng, 7)}"
    if style == "council":
        return f"{digits(rng, 2)}/{digits(rng, 7)}"
    if style == "energy":
        return f"{digits(rng, 3)}{letters(rng, 1)}{digits(rng, 6)}"
    if style == "water":
        return f"{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 2)}"
    if style == "mortgage":
        return f"{digits(rng, 8)}/{digits(rng, 3)}"
    if style == "tenancy":
        return f"{letters(rng, 2)}{digits(rng, 5)}-{digits(rng, 2)}"
    if style == "order":
        return f"{letters(rng, 2)}-{digits(rng, 4)}-{digits(rng, 4)}"
    if style == "ea":
        return f"{letters(rng, 2)}{digits(rng, 6)}"
    if style == "fine":
        return f"{digits(rng, 8)}/{digits(rng, 2)}"
    if style == "hmrc":
        return f"{letters(rng, 2)}{digits(rng, 6)}{rng.choice('ABCD')}/{digits(rng, 2)}"
    if style == "dwp":
        return f"{digits(rng, 9)}{letters(rng, 1)}"
    return f"{letters(rng, 1)}{digits(rng, 9)}"


def claim_number(rng: random.Random) -> str:
    """A hearing-centre shape "K3QZ41P7", or the county court "J0EX123" shape."""
    if rng.random() < 0.5:
        return f"{rng.choice('KLMN')}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 1)}"
    return f"{rng.choice('JKLN')}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 3)}"


def draw(
    rng: random.Random,
    creditors: Sequence[str],
    *,
    writers: Sequence[str] = AGENCIES,
    originals: Sequence[str] = LENDERS,
    ref: str = "loan",
    low: int = 12_000,
    high: int = 720_000,
    days: Sequence[int] = (7, 10, 14, 21, 28),
) -> Draw:
    letter = dt.date(2025, 3, 3) + dt.timedelta(days=rng.randrange(640))
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
        writer_ref=f"{writer.split()[0][:3].upper()}/{digits(rng, 7)}",
        claim=claim_number(rng),
        balance=rng.randrange(low, high),
        letter_date=letter,
        deadline=letter + dt.timedelta(days=rng.choice(days)),
        earlier=letter - dt.timedelta(days=rng.randrange(35, 420)),
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


def side_pairs(pairs: Sequence[tuple[str, str]], x: float = 0.065) -> list[Row]:
    """Sidebar entries: "LABEL:" in small capitals, the value in bold under it, a gap."""
    rows: list[Row] = []
    for label, value in pairs:
        rows += [(t(x, f"{label.upper()}:", size=SMALL),), (t(x, value, True),), ()]
    return rows


def fca(rng: random.Random) -> str:
    return f"Firm Reference Number {rng.randrange(300_000, 999_999)}"


def sort_code(rng: random.Random) -> str:
    return f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}"


def pick(
    rng: random.Random, shapes: Sequence[Callable[[dt.date], str]]
) -> Callable[[dt.date], str]:
    return rng.choice(list(shapes))


# -- creditors and agencies -------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    return _default_notice(rng) if i % 2 == 0 else _pre_litigation(rng)


def _default_notice(rng: random.Random) -> Doc:
    """A bank's default notice: a shaded sidebar of account details beside the statutory
    wording, the sums as "£... is now due" lines, a bank giro tear-off slip at the foot."""
    style = Style(face="sans", point=9.5)
    d = draw(rng, LENDERS, ref="loan", days=(15, 21, 28))
    arrears = max(d.balance // rng.choice((8, 11, 14)), 3_000)
    shape = pick(rng, (the_of, dots, caps))
    one = Sheet(style)
    one.add(
        (t(0.05, d.creditor, True, size=15.0), rt(0.95, "Personal Loans Recoveries", size=SMALL))
    )
    one.add((rt(0.95, "Floor 3, 1 Harbourside, Bristol BS1 5QQ", size=SMALL),)).gap()
    body: list[Row] = [*addressee(d, 0.36), ()]
    body += [(t(0.36, "DEFAULT NOTICE", True, size=13.0),)]
    body += one.wrapped(
        "Served under section 87(1) of the Consumer Credit Act 1974", 0.36, 0.95, italic=True
    )
    body += [()]
    body += one.wrapped(
        f"{d.dear}, this notice is about your fixed-sum loan agreement with us. You have not paid the monthly instalments due under the agreement and that is a breach of it. The sums set out below must be paid to remedy the breach.",
        0.36,
        0.95,
    )
    body += [()]
    body += [(t(0.36, f"{money(arrears)} is the amount of the arrears"),)]
    body += [(t(0.36, f"{shape(d.deadline)} is the date by which they must be paid"),)]
    body += [(t(0.36, f"{money(d.balance)} is now due under the agreement in total", True),)]
    body += [()]
    body += one.wrapped(
        "If the breach is remedied by the date shown no further action will be taken in respect of it. If it is not, we may end the agreement, demand earlier payment of the whole amount and report the default to credit reference agencies.",
        0.36,
        0.95,
    )
    side = side_pairs([
        ("Date of notice", shape(d.letter_date)),
        ("Loan account no", d.ref),
        ("Agreement dated", shape(d.earlier)),
        ("Monthly instalment", money(max(arrears // 3, 1_500))),
        ("Call us", "0117 496 0215"),
    ])  # fmt: skip
    one.side(side, body)
    one.gap()
    one.para(
        "IMPORTANT - YOU SHOULD READ THIS CAREFULLY. If you have difficulty paying any sum owing under the agreement you can apply to the court, which may make an order allowing you more time. Free advice: MoneyHelper 0800 011 3797.",
        x=0.05,
        right=0.95,
        size=8.0,
    )
    one.gap().cut("Please detach this slip and pay it in at any bank or post office")
    one.add((t(0.06, "bank giro credit", True, italic=True), rt(0.94, "£ ..............", True)))
    one.add((t(0.06, "Payee"), t(0.22, d.creditor), t(0.62, "Sort code"), t(0.74, sort_code(rng))))
    one.add((t(0.06, "Pay ref"), t(0.22, d.ref), t(0.62, "Account"), t(0.74, digits(rng, 8))))
    one.footer(
        (
            t(
                0.05,
                f"{d.creditor} is authorised by the Prudential Regulation Authority. {fca(rng)}.",
                size=SMALL,
            ),
        )
    )
    return Doc(
        truth=debt(C.CREDITOR_LETTER, d, deadline_date=d.deadline), sheets=[one], style=style
    )


def _pre_litigation(rng: random.Random) -> Doc:
    """A collection agency's "notice of intended legal action" for a debt purchaser: labels
    in capitals with colons, the agency's own reference first, the balance on page 2."""
    style = Style(face="condensed", point=9.5)
    d = draw(rng, PURCHASERS, ref="purchaser", days=(7, 10, 14))
    shape = pick(rng, (dashes, iso, weekday))
    one = Sheet(style)
    one.add((ct(0.5, d.writer.upper(), True, size=14.0),))
    one.add(
        (
            ct(
                0.5,
                "Debt Recovery Specialists  |  PO Box 771, Worcester WR1 9XY  |  0330 088 1452",
                size=SMALL,
            ),
        )
    ).rule().gap()
    one.add(*addressee(d)).gap()
    one.add((t(0.55, "OUR REF:"), t(0.7, d.writer_ref)))
    one.add((t(0.55, "CLIENT REF:"), t(0.7, d.ref)))
    one.add((t(0.55, "DATE:"), t(0.7, shape(d.letter_date)))).gap()
    one.add((ct(0.5, "NOTICE OF INTENDED LEGAL ACTION", True, size=12.0),)).gap()
    one.para(
        f"{d.dear}. We act for {d.creditor}, who bought your account from {d.original} and is now the legal owner of the debt."
    )
    one.gap().para(
        f"Our client has told us that unless the balance is paid, or an acceptable offer is made, by {shape(d.deadline)}, the account will be referred to its solicitors with a recommendation that a county court claim be issued without further notice."
    )
    one.gap().para(
        "A county court judgment could make it harder for you to get credit. Court fees and fixed costs would be added to the debt."
    )
    one.gap().para(
        "The full statement of the account and the ways to pay are on the back of this letter."
    )
    one.footer(
        (
            t(
                0.08,
                f"{d.writer} is authorised and regulated by the Financial Conduct Authority, {fca(rng)}.",
                size=SMALL,
            ),
        ),
        (rt(0.92, "PTO", size=SMALL),),
    )
    two = Sheet(style)
    two.add((t(0.08, "STATEMENT OF ACCOUNT", True, size=12.0),)).gap()
    two.add((t(0.08, "CREDITOR:"), t(0.4, d.creditor)))
    two.add((t(0.08, "ORIGINAL CREDITOR:"), t(0.4, d.original)))
    two.add((t(0.08, "ACCOUNT NUMBER:"), t(0.4, d.ref)))
    two.add((t(0.08, "DATE ASSIGNED:"), t(0.4, shape(d.earlier))))
    two.add((t(0.08, "BALANCE:"), t(0.4, gbp(d.balance), True))).gap()
    two.para(
        f"Pay online at www.{d.writer.split()[0].lower()}pay.co.uk quoting {d.writer_ref}, or by bank transfer to sort code {sort_code(rng)} account {digits(rng, 8)}."
    )
    two.gap().para(
        "If you dispute the debt, write to us with your reasons and we will put the account on hold for 30 days while we look into it. Free advice is available from StepChange Debt Charity on 0800 138 1111."
    )
    truth = debt(C.CREDITOR_LETTER, d, original_creditor=d.original, deadline_date=d.deadline)
    return Doc(truth=truth, sheets=[one, two], style=style)


# -- courts -----------------------------------------------------------------------------------


def fee_for(pence: int) -> int:
    for limit, fee in ((30_000, 3_500), (50_000, 5_000), (100_000, 7_000), (150_000, 8_000), (300_000, 11_500), (500_000, 20_500)):  # fmt: skip
        if pence <= limit:
            return fee
    return max(pence * 5 // 100, 45_500)


def claim_form(rng: random.Random, i: int) -> Doc:
    return _n1_grid(rng, comb=i % 4 == 0) if i % 2 == 0 else _n1_bulk(rng)


def _n1_grid(rng: random.Random, *, comb: bool) -> Doc:
    """An N1 as a grid of ruled boxes (label small in each box's corner); the claim number
    in character boxes on half; the sums and the account number on page 2."""
    style = Style(face="sans", point=10.0)
    d = draw(rng, LENDERS, writers=SOLICITORS, ref="card", low=60_000, high=1_500_000)
    court = rng.choice(COURTS)
    fee = fee_for(d.balance)
    costs = 8_000 if d.balance > 50_000 else 5_000
    interest = d.balance // rng.choice((18, 25, 40))
    total = d.balance + interest + fee + costs
    shape = pick(rng, (dots, caps, iso))
    one = Sheet(style)
    one.add(
        (t(0.06, "Claim form", True, size=15.0), rt(0.94, "In the County Court at " + court, True))
    )
    one.add((rt(0.94, "Form N1 (civil procedure rules Part 7)", size=SMALL),)).gap()
    if comb:
        one.comb("Claim no.", d.claim, x=0.62, label_x=0.5)
    else:
        one.grid([[("Claim no.", d.claim)]], (0.5,))
    one.grid(
        [[("Issue date", shape(d.letter_date)), ("Fee account no.", f"PBA{digits(rng, 7)}")]],
        (0.5, 0.72),
    )
    one.gap()
    one.grid([
        [("Claimant(s) name(s) and address(es)", d.creditor)],
        [("Defendant(s) name(s) and address(es)", f"{d.person}, {d.address[0]}, {d.address[1]} {d.address[2]}")],
        [("Brief details of claim", "Money owed under a credit card agreement regulated by the Consumer Credit Act 1974")],
        [("Value", f"The claimant expects to recover {money(total)}")],
    ], (0.06,))  # fmt: skip
    one.gap().para(
        "You must respond to this claim within 14 days of service. The court office is open between 10am and 4pm Monday to Friday. When corresponding with the court, please quote the claim number.",
        x=0.06,
        right=0.94,
        size=8.5,
    )
    one.footer(
        (t(0.06, "N1 Claim form (CPR Part 7)", size=SMALL), rt(0.94, "Page 1 of 2", size=SMALL))
    )
    two = Sheet(style)
    two.add(
        (t(0.06, "Particulars of Claim", True, size=13.0), rt(0.94, f"Claim no. {d.claim}")), ()
    ).rule(0.06, 0.94)
    for n, text in enumerate((
        f"The Claimant's claim is for the balance owing under a credit card agreement, account number {d.ref}, made between the Claimant and the Defendant on {shape(d.earlier - dt.timedelta(days=700))}.",
        f"The Defendant failed to make the payments required. A default notice was served under section 87(1) of the Consumer Credit Act 1974 and was not complied with. The agreement was terminated on {shape(d.earlier)}.",
        "The Claimant claims the sum below together with interest under section 69 of the County Courts Act 1984 at 8% a year, and costs.",
    ), 1):  # fmt: skip
        rows = two.wrapped(text, 0.1, 0.94)
        two.add((t(0.06, f"{n}."), *rows[0]), *rows[1:]).gap()
    two.box([
        (t(0.1, "Amount claimed"), rt(0.9, money(d.balance))),
        (t(0.1, "Interest to date"), rt(0.9, money(interest))),
        (t(0.1, "Court fee"), rt(0.9, money(fee))),
        (t(0.1, "Legal representative's costs"), rt(0.9, money(costs))),
        (t(0.1, "Total amount", True), rt(0.9, money(total), True)),
    ], 0.08, 0.92)  # fmt: skip
    two.gap().para(
        "I believe that the facts stated in these particulars of claim are true.",
        x=0.06,
        right=0.94,
    )
    two.add((t(0.06, f"Signed: {d.writer}, Claimant's legal representative"),))
    two.footer(
        (t(0.06, "N1 Claim form (CPR Part 7)", size=SMALL), rt(0.94, "Page 2 of 2", size=SMALL))
    )
    truth = Truth(
        document_class=C.COURT_CLAIM_N1,
        creditor_name=d.creditor,
        account_reference=d.ref,
        balance_pence=total,
        letter_date=d.letter_date,
        court_claim_number=d.claim,
    )
    return Doc(truth=truth, sheets=[one, two], style=style)


def _n1_bulk(rng: random.Random) -> Doc:
    """A bulk-centre claim print-out in a narrow face: the particulars first, the parties in
    two columns with their roles above, the sums as "GBP" figures, the date of service
    printed ("Deemed served")."""
    style = Style(face="narrow", point=10.0)
    sold = rng.random() < 0.5
    d = draw(
        rng,
        PURCHASERS if sold else LENDERS,
        writers=SOLICITORS,
        ref="purchaser",
        low=30_000,
        high=900_000,
    )
    fee = fee_for(d.balance)
    costs = 8_000 if d.balance > 50_000 else 5_000
    total = d.balance + fee + costs
    served = d.letter_date + dt.timedelta(days=5)
    shape = pick(rng, (dots, dashes, hyphen_abbr))
    page = Sheet(style)
    page.add(
        (
            t(0.07, "County Court Business Centre", True, size=13.0),
            rt(0.93, "Claim Form", True, size=13.0),
        )
    )
    page.add(
        (
            t(
                0.07,
                "St Katharine's House, 21-27 St Katharine's Street, Northampton NN1 2LH",
                size=SMALL,
            ),
        )
    ).rule(0.07, 0.93).gap()
    page.add(
        (
            t(0.07, "CLAIM NUMBER:"),
            t(0.27, d.claim, True),
            t(0.55, "ISSUED ON:"),
            t(0.72, shape(d.letter_date)),
        )
    )
    page.add((t(0.55, "DEEMED SERVED:"), t(0.72, shape(served)))).gap()
    page.add((t(0.07, "Claimant", italic=True), t(0.52, "Defendant", italic=True)))
    page.add((t(0.07, d.creditor, True), t(0.52, d.person, True)))
    page.add((t(0.07, f"c/o {d.writer}"), t(0.52, d.address[0])))
    page.add(
        (t(0.07, "Claimant's ref: " + d.writer_ref), t(0.52, f"{d.address[1]} {d.address[2]}"))
    ).gap()
    page.add((t(0.07, "PARTICULARS OF CLAIM", True),))
    origin = (
        f"originally with {d.original} and assigned to the Claimant on {shape(d.earlier)}"
        if sold
        else f"made on {shape(d.earlier)}"
    )
    page.para(
        f"The Defendant entered into a regulated loan agreement under account reference {d.ref}, {origin}. The Defendant failed to maintain the contractual payments and a default notice was served. The Claimant claims the outstanding balance.",
        x=0.07,
        right=0.93,
    )
    page.gap()
    page.add((t(0.55, "Amount claimed"), rt(0.93, gbp(d.balance))))
    page.add((t(0.55, "Court fee"), rt(0.93, gbp(fee))))
    page.add((t(0.55, "Solicitor's costs"), rt(0.93, gbp(costs))))
    page.rule(0.55, 0.93).add((t(0.55, "TOTAL AMOUNT", True), rt(0.93, gbp(total), True))).gap()
    page.para(
        "What you must do: you have 14 days from the date of service to pay, admit, or file a defence or acknowledgment of service. If you do nothing, judgment may be entered against you. Respond online at www.moneyclaims.service.gov.uk.",
        x=0.07,
        right=0.93,
        size=8.5,
    )
    page.footer(
        (
            t(0.07, "N1(CPC)", size=SMALL),
            rt(
                0.93, "Statement of truth signed by the Claimant's legal representative", size=SMALL
            ),
        )
    )
    truth = Truth(
        document_class=C.COURT_CLAIM_N1,
        creditor_name=d.creditor,
        original_creditor=d.original if sold else None,
        account_reference=d.ref,
        balance_pence=total,
        letter_date=d.letter_date,
        court_claim_number=d.claim,
        served_date=served,
    )
    return Doc(truth=truth, sheets=[page], style=style)


def judgment(rng: random.Random, i: int) -> Doc:
    return _judgment_form(rng) if i % 2 == 0 else _determination(rng)


def _judgment_form(rng: random.Random) -> Doc:
    """ "Judgment for Claimant" as a two-column form: Claimant and Defendant boxes side by
    side, the order in a centred block, the total only as "£... is the total"."""
    style = Style(face="condensed", point=10.0)
    d = draw(rng, LENDERS, writers=SOLICITORS, ref="loan", low=40_000, high=800_000)
    court = rng.choice(COURTS)
    costs = 5_000
    total = d.balance + costs
    shape = pick(rng, (the_of, dots, caps))
    page = Sheet(style)
    page.add((ct(0.5, f"In the County Court at {court}", True, size=12.0),)).gap()
    page.add(
        (ct(0.5, "JUDGMENT FOR CLAIMANT", True, size=15.0),),
        (ct(0.5, "(in default)", italic=True),),
    ).gap()
    page.grid([[("Claim Number", d.claim), ("Date", shape(d.letter_date))]], (0.5, 0.72))
    page.gap()
    page.grid(
        [
            [("Claimant (including ref.)", d.creditor), ("Defendant", d.person)],
            [("Ref", d.ref), ("Address", d.address[0])],
        ],
        (0.06, 0.5),
    )
    page.gap()
    page.para(
        "The defendant has not filed an acknowledgment of service or a defence to the claim, or the time for doing so has expired. It is ordered that judgment is entered for the claimant.",
        x=0.1,
        right=0.9,
    )
    page.gap()
    page.add((ct(0.5, f"{money(total)} is the total the defendant must pay", True),))
    page.add(
        (ct(0.5, f"(debt and interest {money(d.balance)}, costs {money(costs)})", size=8.5),)
    ).gap()
    page.para(
        f"The defendant must pay the claimant by monthly instalments of {money(max(total // 20, 2_500))}, the first payment to reach the claimant by {shape(d.deadline)}.",
        x=0.1,
        right=0.9,
    )
    page.gap().para(
        "Payments should be made to the claimant, not to the court, quoting the claimant's reference. If you do not pay, the claimant may ask the court to take enforcement action. The judgment will be registered on the Register of Judgments, Orders and Fines.",
        x=0.1,
        right=0.9,
        size=8.5,
    )
    page.footer((t(0.06, "N30(1) Judgment for claimant (in default)", size=SMALL),))
    truth = Truth(
        document_class=C.COUNTY_COURT_JUDGMENT,
        creditor_name=d.creditor,
        account_reference=d.ref,
        balance_pence=total,
        letter_date=d.letter_date,
        court_claim_number=d.claim,
    )
    return Doc(truth=truth, sheets=[page], style=style)


def _determination(rng: random.Random) -> Doc:
    """A judgment by determination in a sidebar layout: the case details in the shaded
    column, the order as numbered paragraphs, the remaining sum in words and figures."""
    style = Style(face="sans", point=9.5)
    d = draw(rng, PURCHASERS, writers=SOLICITORS, ref="purchaser", low=30_000, high=600_000)
    court = rng.choice(COURTS)
    paid = d.balance // rng.choice((10, 15, 30))
    shape = pick(rng, (the_of, iso, weekday))
    page = Sheet(style)
    page.add(
        (t(0.05, "County Court", True, size=15.0), rt(0.95, f"Hearing centre: {court}")), ()
    ).rule()
    side = side_pairs([
        ("Claim number", d.claim),
        ("Date of order", shape(d.letter_date)),
        ("Claimant", d.creditor),
        ("Claimant's ref", d.ref),
        ("Defendant", f"{d.first[0]} {d.surname}"),
    ])  # fmt: skip
    body: list[Row] = [(t(0.36, "Judgment by determination", True, size=12.0),), ()]
    for n, text in enumerate((
        "The defendant admitted the claim and asked for time to pay. The court has considered the defendant's statement of means and has decided the rate of payment.",
        f"The defendant must pay the claimant {money(d.balance)} (after {money(paid)} already paid).",
        f"The defendant must pay that sum by instalments of {money(max(d.balance // 24, 2_000))} a month, the first on or before {shape(d.deadline)}.",
        "If the defendant does not pay, the claimant may apply to enforce this judgment.",
    ), 1):  # fmt: skip
        rows = page.wrapped(text, 0.4, 0.95)
        body += [(t(0.36, f"{n}."), *rows[0]), *rows[1:], ()]
    page.side(side, body)
    page.gap().para(
        "If you want to ask the court to look at the rate of payment again, you must apply within 14 days of the date this order was served on you.",
        x=0.05,
        right=0.95,
        size=8.0,
    )
    page.footer((t(0.05, "N30(2) Judgment for claimant (after determination)", size=SMALL),))
    truth = Truth(
        document_class=C.COUNTY_COURT_JUDGMENT,
        creditor_name=d.creditor,
        account_reference=d.ref,
        balance_pence=d.balance,
        letter_date=d.letter_date,
        court_claim_number=d.claim,
    )
    return Doc(truth=truth, sheets=[page], style=style)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    """Form SD1 by a company: the notes for the debtor on page 1, the demand with the sum
    as "GBP" and "Dated the 3rd of ..." on page 2, labels in capitals with colons."""
    style = Style(face="narrow", point=10.0)
    d = draw(
        rng,
        LENDERS if i % 2 else PURCHASERS,
        writers=SOLICITORS,
        ref="loan",
        low=500_000,
        high=2_400_000,
    )
    shape = pick(rng, (the_of, caps, dashes))
    one = Sheet(style)
    one.add((ct(0.5, "Form SD1", size=SMALL),), (ct(0.5, "STATUTORY DEMAND", True, size=15.0),))
    one.add(
        (
            ct(
                0.5,
                "under section 268(1)(a) of the Insolvency Act 1986. Debt for liquidated sum payable immediately",
                italic=True,
            ),
        )
    ).gap()
    one.add((t(0.08, "NOTES FOR DEBTOR", True),))
    for text in (
        "If the Creditor is entitled to the debt by way of assignment, details of the original Creditor and any intermediary assignees should be given in the particulars of debt.",
        "If you wish to have this demand set aside you must make an application within 18 days from the date of its service on you.",
        "If you do not pay the debt or come to an arrangement within 21 days, the creditor may present a bankruptcy petition. Please read the demand and the notes carefully. Take legal advice at once.",
    ):
        rows = one.wrapped(text, 0.12, 0.92)
        one.add((t(0.08, "-"), *rows[0]), *rows[1:]).gap()
    one.footer((rt(0.92, "See over", size=SMALL),))
    two = Sheet(style)
    two.add((t(0.08, "DEMAND", True, size=13.0),)).gap()
    two.add((t(0.08, "TO:"), t(0.3, d.person)))
    two.add((t(0.08, "ADDRESS:"), t(0.3, ", ".join(d.address))))
    two.add((t(0.08, "CREDITOR:"), t(0.3, d.creditor)))
    two.add((t(0.08, "AGREEMENT NO:"), t(0.3, d.ref))).gap()
    two.para(
        f"This demand is served on you by the creditor. The creditor claims that you owe the sum of {gbp(d.balance)}, full particulars of which are set out below, and that it is payable immediately.",
        x=0.08,
        right=0.92,
    )
    two.gap().add((t(0.08, "PARTICULARS OF DEBT", True),))
    if i % 2:
        two.para(
            f"Balance due under loan agreement {d.ref} made on {shape(d.earlier)}, terminated after default.",
            x=0.08,
            right=0.92,
        )
        extra: dict[str, object] = {}
    else:
        two.para(
            f"Balance due under loan agreement {d.ref}, originally with {d.original} and assigned to the creditor on {shape(d.earlier)}. Notice of the assignment was given to the debtor.",
            x=0.08,
            right=0.92,
        )
        extra = {"original_creditor": d.original}
    two.gap().add((t(0.08, f"Dated {the_of(d.letter_date)}"),))
    two.add((t(0.08, f"Signed: {d.writer}, for the creditor"),)).gap()
    two.para(
        "Name and address of the person to whom any communication about this demand should be addressed: "
        + f"{d.writer}, 4 Cathedral Close, Exeter EX1 1EZ, quoting reference {d.writer_ref}.",
        x=0.08,
        right=0.92,
        size=8.5,
    )
    return Doc(truth=debt(C.STATUTORY_DEMAND, d, **extra), sheets=[one, two], style=style)


# -- enforcement and fines ---------------------------------------------------------------------


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    return _ea_council(rng) if i % 2 == 0 else _ea_traffic(rng)


def _ea_council(rng: random.Random) -> Doc:
    """A council-tax notice of enforcement: a shaded sidebar of case details, the sum as
    "£1 234.56 must be paid by ...", the fees in a small ruled table."""
    style = Style(face="sans", point=9.5)
    d = draw(rng, COUNCILS, writers=AGENTS, ref="ea", low=30_000, high=250_000)
    lo = d.balance - 7_500
    shape = pick(rng, (dots, caps, the_of))
    page = Sheet(style)
    page.add(
        (t(0.05, d.writer, True, size=14.0),),
        (
            t(
                0.05,
                "Certificated Enforcement Agents  -  Unit 5, Bridgwater Business Park, TA6 4DB",
                size=SMALL,
            ),
        ),
    ).rule().gap()
    side = side_pairs([
        ("Case reference", d.ref),
        ("Notice date", shape(d.letter_date)),
        ("Creditor", d.creditor),
        ("Council account", reference(rng, "council")),
        ("Liability order", shape(d.earlier)),
    ])  # fmt: skip
    body: list[Row] = [
        *addressee(d, 0.36),
        (),
        (t(0.36, "NOTICE OF ENFORCEMENT", True, size=13.0),),
    ]
    body += page.wrapped(
        "Schedule 12 Tribunals, Courts and Enforcement Act 2007 and the Taking Control of Goods Regulations 2013",
        0.36,
        0.95,
        size=8.0,
    )
    body += [()]
    body += page.wrapped(
        f"{d.creditor} has obtained a liability order against you for unpaid council tax and has passed it to us to enforce.",
        0.36,
        0.95,
    )
    body += [(), (t(0.36, f"{spaced(d.balance)} must be paid by {shape(d.deadline)}", True),), ()]
    body += page.wrapped(
        "If you do not pay in full, or agree an arrangement, by that date an enforcement agent may visit to take control of your goods and sell them. Further fees will be added.",
        0.36,
        0.95,
    )
    page.side(side, body)
    page.gap()
    page.box([
        (t(0.38, "Sum due under the liability order"), rt(0.93, spaced(lo))),
        (t(0.38, "Compliance fee"), rt(0.93, "£75.00")),
        (t(0.38, "Total to pay now", True), rt(0.93, spaced(d.balance), True)),
    ], 0.36, 0.95)  # fmt: skip
    page.gap().para(
        f"Pay by card on 01278 440 119 or online, quoting the case reference. Do not pay {d.creditor} direct: the council cannot stop this action.",
        x=0.36,
        right=0.95,
        size=8.5,
    )
    return Doc(
        truth=debt(C.ENFORCEMENT_AGENT_NOTICE, d, deadline_date=d.deadline),
        sheets=[page],
        style=style,
    )


def _ea_traffic(rng: random.Random) -> Doc:
    """A road-traffic warrant notice: the creditor is the council whose penalty charge was
    registered at the Traffic Enforcement Centre; the sums in a landscape table."""
    style = Style(face="narrow", point=10.0, landscape=True)
    d = draw(rng, COUNCILS, writers=AGENTS, ref="ea", low=15_000, high=90_000)
    shape = pick(rng, (iso, dots, weekday))
    pcn = f"{letters(rng, 2)}{digits(rng, 8)}"
    page = Sheet(style)
    page.add(
        (t(0.05, d.writer, True, size=14.0), rt(0.95, "NOTICE OF ENFORCEMENT", True, size=14.0))
    )
    page.add(
        (
            t(
                0.05,
                "Road Traffic Debts  -  Warrant of control issued by the Traffic Enforcement Centre",
                size=SMALL,
            ),
        )
    ).rule().gap()
    page.add((t(0.05, d.person), t(0.55, "OUR REFERENCE:"), t(0.72, d.ref, True)))
    page.add((t(0.05, d.address[0]), t(0.55, "DATE:"), t(0.72, shape(d.letter_date))))
    page.add(
        (t(0.05, f"{d.address[1]} {d.address[2]}"), t(0.55, "ON BEHALF OF:"), t(0.72, d.creditor))
    ).gap()
    page.add(
        (
            t(0.05, "PCN number", True),
            t(0.2, "Vehicle", True),
            t(0.32, "Contravention date", True),
            t(0.5, "Penalty", True),
            t(0.6, "TEC fee", True),
            t(0.7, "Compliance fee", True),
            rt(0.95, "Balance", True),
        )
    )
    page.rule()
    page.add(
        (
            t(0.05, pcn),
            t(0.2, f"{letters(rng, 2)}{digits(rng, 2)} {letters(rng, 3)}"),
            t(0.32, shape(d.earlier)),
            t(0.5, money(d.balance - 1_000 - 7_500)),
            t(0.6, "£10.00"),
            t(0.7, "£75.00"),
            rt(0.95, money(d.balance), True),
        )
    )
    page.rule().gap()
    page.para(
        f"The balance of {money(d.balance)} must be paid within 7 clear days, by {shape(d.deadline)}. If it is not, an enforcement agent will attend to take control of goods, which may include your vehicle, and a further fee of £235.00 will be added.",
        x=0.05,
        right=0.95,
    )
    page.gap().para(
        "To pay, call 0345 600 1882 or visit our website. Quote our reference, not the PCN number.",
        x=0.05,
        right=0.95,
    )
    return Doc(
        truth=debt(C.ENFORCEMENT_AGENT_NOTICE, d, deadline_date=d.deadline),
        sheets=[page],
        style=style,
    )


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    """A fines office's "further steps notice": capital labels with colons in two columns,
    the amount outstanding as "GBP", a deadline in the sentence."""
    style = Style(face="condensed", point=10.0)
    d = draw(rng, FINE_COURTS, ref="fine", low=8_000, high=160_000)
    shape = pick(rng, (dashes, caps, the_of))
    page = Sheet(style)
    page.add(
        (ct(0.5, d.creditor.upper(), True, size=13.0),),
        (ct(0.5, "Fines Office  -  PO Box 9304, Nottingham NG1 9LQ", size=SMALL),),
    ).gap()
    page.add(*addressee(d)).gap()
    page.add(
        (t(0.08, "ACCOUNT NO:"), t(0.27, d.ref), t(0.55, "DATE:"), t(0.68, shape(d.letter_date)))
    )
    page.add(
        (t(0.08, "OFFENCE:"), t(0.27, "TV licence"), t(0.55, "IMPOSED:"), t(0.68, shape(d.earlier)))
    ).gap()
    page.add((t(0.08, "FURTHER STEPS NOTICE", True, size=12.0),)).gap()
    page.para(
        f"You have not kept to the terms of the collection order. The amount of {gbp(d.balance)} is still outstanding on your account. You must pay it in full by {shape(d.deadline)}.",
        x=0.08,
        right=0.92,
    )
    page.gap().para(
        "If you do not pay, the fines officer may take any of the following steps without a further hearing: issue a warrant of control to enforcement agents, make an attachment of earnings order or a deduction from benefits order, or register the fine.",
        x=0.08,
        right=0.92,
    )
    page.gap().para(
        "Pay online at www.gov.uk/pay-court-fine-online quoting your account number, or call 0300 790 9901.",
        x=0.08,
        right=0.92,
    )
    return Doc(
        truth=debt(C.MAGISTRATES_FINE, d, deadline_date=d.deadline), sheets=[page], style=style
    )


# -- council tax -------------------------------------------------------------------------------


def _tax_year(date: dt.date) -> str:
    start = date.year if date.month >= 4 else date.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def council_tax(rng: random.Random, i: int) -> Doc:
    return _summons(rng) if i % 2 == 0 else _final_notice(rng)


def _summons(rng: random.Random) -> Doc:
    """A magistrates' court summons for a liability order, sent by the council: a grid of
    boxes (label in the corner), the hearing date and costs as distractors."""
    style = Style(face="sans", point=9.5)
    d = draw(rng, COUNCILS, ref="council", low=40_000, high=260_000)
    costs = rng.choice((7_000, 8_500, 9_000))
    total = d.balance
    owed = total - costs
    hearing = d.letter_date + dt.timedelta(days=rng.choice((16, 21, 23)))
    shape = pick(rng, (dots, the_of, weekday))
    page = Sheet(style)
    page.add(
        (t(0.06, d.creditor, True, size=14.0), rt(0.94, "Council Tax Recovery", size=SMALL)), ()
    ).gap()
    page.add(*addressee(d, 0.06)).gap()
    page.add(
        (ct(0.5, "SUMMONS", True, size=15.0),),
        (
            ct(
                0.5,
                f"to the Magistrates' Court - Council Tax {_tax_year(d.letter_date)}",
                italic=True,
            ),
        ),
    ).gap()
    page.grid([
        [("Account reference", d.ref), ("Date of issue", shape(d.letter_date)), ("Property band", rng.choice("ABCD"))],
        [("Council tax outstanding", money(owed)), ("Costs of issuing summons", money(costs)), ("Total payable", money(total))],
        [("Hearing date", shape(hearing)), ("Time", "10:00"), ("Court", "Magistrates' Court")],
    ], (0.06, 0.36, 0.66))  # fmt: skip
    page.gap()
    page.para(
        f"Complaint has been made by {d.creditor} that the council tax shown is due from you and has not been paid. You are summoned to appear at the hearing to show why you have not paid.",
        x=0.06,
        right=0.94,
    )
    page.gap().para(
        "If you pay the total payable in full before the hearing, including the costs, no further action will be taken and you need not attend. If a liability order is made, further costs will be added and the council may ask enforcement agents to collect the debt or make deductions from your wages or benefits.",
        x=0.06,
        right=0.94,
    )
    page.gap().para(
        "Money worries? Call the recovery team on 01237 428 812 as soon as possible.",
        x=0.06,
        right=0.94,
    )
    return Doc(truth=debt(C.COUNCIL_TAX, d), sheets=[page], style=style)


def _final_notice(rng: random.Random) -> Doc:
    """A council-tax final notice: a shaded sidebar of account details, "£... is now due"
    and the date in a sentence, the instalments lost."""
    style = Style(face="condensed", point=9.5)
    d = draw(rng, COUNCILS, ref="council", low=60_000, high=240_000, days=(7,))
    shape = pick(rng, (caps, dashes, hyphen_abbr))
    page = Sheet(style)
    page.add(
        (rt(0.95, d.creditor, True, size=14.0),),
        (rt(0.95, "Revenues Service, Civic Centre", size=SMALL),),
    ).gap(2)
    side = side_pairs([
        ("Account number", d.ref),
        ("Date", shape(d.letter_date)),
        ("Year", _tax_year(d.letter_date)),
        ("Annual charge", money(d.balance + rng.randrange(5_000, 40_000))),
        ("Paid so far", money(rng.randrange(5_000, 40_000))),
    ])  # fmt: skip
    body: list[Row] = [
        *addressee(d, 0.36),
        (),
        (t(0.36, "COUNCIL TAX - FINAL NOTICE", True, size=12.0),),
        (),
    ]
    body += page.wrapped(
        "We sent you a reminder but your instalments are still not up to date. You have now lost the right to pay by instalments.",
        0.36,
        0.95,
    )
    body += [(), (t(0.36, f"{money(d.balance)} is now due", True),), ()]
    body += page.wrapped(
        f"Please pay the whole of this amount by {shape(d.deadline)}. If you do not, we will apply to the magistrates' court for a summons without further notice and costs will be added.",
        0.36,
        0.95,
    )
    body += [()]
    body += page.wrapped(
        "If you are on a low income you may be able to get Council Tax Support. Call 01562 732 928.",
        0.36,
        0.95,
    )
    page.side(side, body)
    return Doc(truth=debt(C.COUNCIL_TAX, d, deadline_date=d.deadline), sheets=[page], style=style)


# -- utilities ---------------------------------------------------------------------------------


def utility_bill(rng: random.Random, i: int) -> Doc:
    """An electricity bill with its summary in a grid of boxes and the charges in a table:
    "1,234.56 DR" as the bill total; nothing overdue."""
    style = Style(face="sans", point=9.5)
    d = draw(rng, ENERGY, ref="energy", low=6_000, high=60_000, days=(14,))
    shape = pick(rng, (iso, dashes, dots))
    start = d.letter_date - dt.timedelta(days=91)
    units = rng.randrange(600, 1400)
    page = Sheet(style)
    page.add(
        (t(0.06, d.creditor, True, size=14.0), rt(0.94, "Your electricity bill", True, size=12.0))
    ).gap()
    page.add(*addressee(d, 0.06)).gap()
    page.grid([
        [("Account number", d.ref), ("Bill date", shape(d.letter_date)), ("Payment due", shape(d.deadline))],
        [("Period", f"{shape(start)} to {shape(d.letter_date)}"), ("Amount to pay", dr(d.balance)), ("Meter", f"S1 {digits(rng, 9)}")],
    ], (0.06, 0.42, 0.68))  # fmt: skip
    page.gap().add((t(0.06, "Your charges", True),)).rule(0.06, 0.94)
    page.add((t(0.06, f"Electricity {units} kWh at 24.86p"), rt(0.94, plain(units * 2486 // 100))))
    page.add((t(0.06, "Standing charge 91 days at 60.97p"), rt(0.94, plain(5548))))
    page.add((t(0.06, "VAT at 5%"), rt(0.94, plain(rng.randrange(400, 2500)))))
    page.add((t(0.06, "Balance from last bill"), rt(0.94, "0.00")))
    page.rule(0.06, 0.94).add((t(0.06, "Total", True), rt(0.94, dr(d.balance), True))).gap()
    page.para(
        "DR means you owe us this amount. We will collect it by Direct Debit on or after the payment due date. Compare tariffs: your current tariff is Flexible Variable.",
        x=0.06,
        right=0.94,
        size=8.5,
    )
    return Doc(truth=debt(C.UTILITY_BILL, d, deadline_date=d.deadline), sheets=[page], style=style)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    return _energy_final(rng) if i % 2 == 0 else _water_arrears(rng)


def _energy_final(rng: random.Random) -> Doc:
    """An energy supplier's final demand: the sum in large type centred, value-before-label
    lines, a prepayment-meter warning, account details in a sidebar on the right."""
    style = Style(face="narrow", point=10.5)
    d = draw(rng, ENERGY, ref="energy", low=20_000, high=280_000, days=(7, 14))
    shape = pick(rng, (the_of, caps, dashes))
    page = Sheet(style)
    page.add(
        (t(0.06, d.creditor, True, size=14.0),),
        (t(0.06, "Customer Accounts, Truro TR1 9ZE", size=SMALL),),
    ).gap()
    page.add(*addressee(d, 0.06)).gap()
    page.add((ct(0.5, "FINAL DEMAND", True, size=15.0),)).gap()
    page.add(
        (ct(0.5, gbp(d.balance), True, size=14.0),),
        (ct(0.5, "overdue on your gas and electricity account", italic=True),),
    ).gap()
    page.add((t(0.06, d.ref), t(0.3, "account number")))
    page.add((t(0.06, shape(d.letter_date)), t(0.3, "date of this letter")))
    page.add((t(0.06, shape(d.deadline)), t(0.3, "pay by"))).gap()
    page.para(
        f"{d.dear}, we have written to you before about the arrears on your account and have not received payment. If you do not pay, or contact us to agree a plan, we may apply to the magistrates' court for a warrant to enter your home and fit a prepayment meter.",
        x=0.06,
        right=0.94,
    )
    page.gap().para(
        "If you are struggling, we can help: payment plans, Fuel Direct from your benefits, or our hardship fund. Call 0800 048 7718.",
        x=0.06,
        right=0.94,
    )
    return Doc(
        truth=debt(C.UTILITY_ARREARS, d, deadline_date=d.deadline), sheets=[page], style=style
    )


def _water_arrears(rng: random.Random) -> Doc:
    """A water company's arrears letter: the account number in character boxes, the
    balance as "1,234.56 DR" in a statement table, no date to pay printed."""
    style = Style(face="sans", point=9.5)
    d = draw(rng, WATER, ref="water", low=15_000, high=160_000)
    shape = pick(rng, (dots, iso, weekday))
    page = Sheet(style)
    page.add((t(0.06, d.creditor, True, size=14.0), rt(0.94, shape(d.letter_date))))
    page.add((t(0.06, "Customer Services, PO Box 300, Newport NP20 1WW", size=SMALL),)).gap()
    page.add(*addressee(d, 0.06)).gap()
    page.comb("Your account number", d.ref, x=0.36, pitch=0.026, label_x=0.06)
    page.gap().add((t(0.06, "Your water account is in arrears", True, size=12.0),)).gap()
    page.para(
        f"{d.dear}, our records show that payments on your water and sewerage account have been missed. Please pay the balance below now, or call us to set up an affordable plan.",
        x=0.06,
        right=0.94,
    )
    page.gap()
    page.add((t(0.06, "Date", True), t(0.22, "Details", True), rt(0.94, "£", True)))
    page.rule(0.06, 0.94)
    page.add(
        (t(0.06, dots(d.earlier)), t(0.22, "Balance brought forward"), rt(0.94, dr(d.balance // 2)))
    )
    page.add(
        (
            t(0.06, dots(d.earlier + dt.timedelta(days=30))),
            t(0.22, "Annual charges 2025/26"),
            rt(0.94, plain(d.balance - d.balance // 2 + 4_000)),
        )
    )
    page.add(
        (
            t(0.06, dots(d.earlier + dt.timedelta(days=60))),
            t(0.22, "Payment received - thank you"),
            rt(0.94, "40.00 CR"),
        )
    )
    page.rule(0.06, 0.94).add(
        (t(0.22, "Balance now owed", True), rt(0.94, dr(d.balance), True))
    ).gap()
    page.para(
        "If you receive certain benefits you may qualify for our social tariff, which caps your bill. We may pass unpaid accounts to a debt collection agency or apply to the county court.",
        x=0.06,
        right=0.94,
        size=8.5,
    )
    return Doc(truth=debt(C.UTILITY_ARREARS, d), sheets=[page], style=style)


# -- sold debts, overpayments --------------------------------------------------------------------


def assignment(rng: random.Random, i: int) -> Doc:
    """A notice of assignment as a form: old and new creditor side by side in boxes, the
    balance "GBP", the date as ISO or "the 3rd of ..."; the new reference on page 2 on half."""
    style = Style(face="condensed", point=9.5)
    d = draw(rng, PURCHASERS, ref="purchaser", low=20_000, high=500_000)
    shape = pick(rng, (iso, the_of, caps))
    later = i % 2 == 1
    one = Sheet(style)
    one.add((t(0.06, d.creditor, True, size=14.0), rt(0.94, shape(d.letter_date))))
    one.add((t(0.06, "Customer Care, PO Box 5511, Lincoln LN1 9DD", size=SMALL),)).gap()
    one.add(*addressee(d, 0.06)).gap()
    one.add((t(0.06, "NOTICE OF ASSIGNMENT", True, size=13.0),)).gap()
    one.para(
        f"{d.dear}, we are writing to let you know that {d.original} has assigned (transferred) your account and all its rights under the agreement to {d.creditor}. This is a legal assignment under section 136 of the Law of Property Act 1925.",
        x=0.06,
        right=0.94,
    )
    one.gap()
    one.grid(
        [
            [("Previous creditor", d.original), ("New creditor", d.creditor)],
            [
                ("Previous account number", reference(rng, "loan")),
                ("Balance assigned", gbp(d.balance)),
            ],
        ],
        (0.06, 0.5),
    )
    one.gap().para(
        "Your terms and conditions have not changed. Any payment arrangement you had will continue. From now on please pay us, not the previous creditor.",
        x=0.06,
        right=0.94,
    )
    sheets = [one]
    if later:
        one.add((t(0.06, "Your new account number is on the next page."),))
        two = Sheet(style)
        two.add((t(0.06, "Paying us", True, size=12.0),)).gap()
        two.add((t(0.06, "NEW ACCOUNT NUMBER:"), t(0.36, d.ref, True)))
        two.add((t(0.06, "SORT CODE:"), t(0.36, sort_code(rng))))
        two.add((t(0.06, "ACCOUNT:"), t(0.36, digits(rng, 8)))).gap()
        two.para(
            "Call 0345 112 7719 Monday to Friday 8am to 6pm. We are authorised and regulated by the Financial Conduct Authority.",
            x=0.06,
            right=0.94,
        )
        sheets.append(two)
    else:
        one.add((t(0.06, "NEW ACCOUNT NUMBER:"), t(0.36, d.ref, True)))
    return Doc(
        truth=debt(C.NOTICE_OF_ASSIGNMENT, d, original_creditor=d.original),
        sheets=sheets,
        style=style,
    )


def overpayment(rng: random.Random, i: int) -> Doc:
    return _tax_credits(rng) if i % 2 == 0 else _uc_advance(rng)


def _tax_credits(rng: random.Random) -> Doc:
    """HMRC's tax credits overpayment statement: the award periods in a landscape table,
    the total "GBP", the date to pay in a sentence."""
    style = Style(face="sans", point=9.5, landscape=True)
    d = draw(rng, ("HM Revenue and Customs",), ref="hmrc", low=30_000, high=650_000, days=(30,))
    shape = pick(rng, (dots, caps, dashes))
    y = d.letter_date.year
    part = d.balance // 3
    page = Sheet(style)
    page.add(
        (
            t(0.05, "HM Revenue and Customs", True, size=14.0),
            rt(0.95, "Tax Credit Office, Preston PR1 4AT", size=SMALL),
        )
    )
    page.add((rt(0.95, f"Date: {shape(d.letter_date)}"),), (rt(0.95, f"Reference: {d.ref}"),)).gap()
    page.add((t(0.05, d.person), t(0.4, "Statement of tax credits overpayment", True, size=12.0)))
    page.add((t(0.05, d.address[0]),), (t(0.05, f"{d.address[1]} {d.address[2]}"),)).gap()
    page.add(
        (
            t(0.05, "Award period", True),
            t(0.3, "Paid", True),
            t(0.45, "Entitlement", True),
            t(0.62, "Overpaid", True),
            t(0.78, "Recovered", True),
        )
    )
    page.rule()
    for n, share in enumerate((part, part, d.balance - 2 * part)):
        page.add(
            (
                t(0.05, f"{y - 3 + n}-{y - 2 + n}"),
                t(0.3, plain(share * 3)),
                t(0.45, plain(share * 2)),
                t(0.62, plain(share)),
                t(0.78, "0.00"),
            )
        )
    page.rule().add((t(0.05, "Total overpayment", True), t(0.62, gbp(d.balance), True))).gap()
    page.para(
        f"You were paid more tax credits than you were entitled to. You must pay back the total overpayment. Please pay in full by {shape(d.deadline)} or contact us to agree a payment plan. If you think the overpayment is wrong you can ask us to look at it again within 30 days.",
        x=0.05,
        right=0.95,
    )
    page.gap().para(
        "Pay by bank transfer to HMRC Tax Credits, sort code 08-32-20, account 12001039, quoting your reference. Helpline 0345 302 1429.",
        x=0.05,
        right=0.95,
    )
    return Doc(truth=debt(C.OVERPAYMENT, d, deadline_date=d.deadline), sheets=[page], style=style)


def _uc_advance(rng: random.Random) -> Doc:
    """A DWP letter about recovering a Universal Credit advance and an overpayment: a
    sidebar of references, the sums as value-before-label lines, the deductions as a
    distractor; the total owed only on page 2."""
    style = Style(face="narrow", point=10.0)
    d = draw(rng, ("Department for Work and Pensions",), ref="dwp", low=20_000, high=320_000)
    shape = pick(rng, (the_of, iso, weekday))
    advance = d.balance // 3
    one = Sheet(style)
    one.add(
        (t(0.05, "Department for Work and Pensions", True, size=14.0),),
        (t(0.05, "Debt Management, Mail Handling Site A, Wolverhampton WV98 2BP", size=SMALL),),
    ).gap()
    side = side_pairs(
        [
            ("Our reference", d.ref),
            ("Date", shape(d.letter_date)),
            ("Phone", "0800 916 0647"),
            ("NI number", f"QQ {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} C"),
        ]
    )
    body: list[Row] = [*addressee(d, 0.36), (), (t(0.36, "Money you owe us", True, size=12.0),), ()]
    body += one.wrapped(
        f"{d.dear}, this letter is about money you owe from Universal Credit. It includes an advance paid to you on {shape(d.earlier)} and an overpayment of Universal Credit.",
        0.36,
        0.95,
    )
    body += [
        (),
        (t(0.36, f"{money(advance)}  advance"),),
        (t(0.36, f"{money(d.balance - advance)}  overpayment"),),
        (),
    ]
    body += one.wrapped(
        f"We will take {money(max(d.balance // 40, 1_000))} from each Universal Credit payment until the debt is repaid. You do not need to do anything.",
        0.36,
        0.95,
    )
    one.side(side, body)
    one.footer((rt(0.95, "Continued over", size=SMALL),))
    two = Sheet(style)
    two.add((t(0.05, "What you owe now", True, size=12.0),)).gap()
    two.add(
        (t(0.05, money(d.balance), True), t(0.25, "total you owe us (advance and overpayment)"))
    ).gap()
    two.para(
        "If you cannot afford the deductions, call us. We may be able to lower the amount we take. If you stop getting Universal Credit you must still repay the debt and we will write to you about how to do this.",
        x=0.05,
        right=0.95,
    )
    return Doc(truth=debt(C.OVERPAYMENT, d), sheets=[one, two], style=style)


# -- housing -----------------------------------------------------------------------------------


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    """A building society's arrears letter: the sidebar holds the mortgage account and the
    whole balance (a distractor); the arrears as "1,234.56 DR" and in a sentence."""
    style = Style(face="sans", point=9.5)
    d = draw(rng, MORTGAGES, ref="mortgage", low=60_000, high=900_000, days=(14, 21))
    whole = d.balance * rng.randrange(12, 40) + rng.randrange(0, 99_999)
    shape = pick(rng, (caps, dots, the_of))
    page = Sheet(style)
    page.add(
        (t(0.05, d.creditor, True, size=14.0), rt(0.95, "Financial Support Team", size=SMALL)), ()
    ).gap()
    side = side_pairs([
        ("Mortgage account", d.ref),
        ("Letter date", shape(d.letter_date)),
        ("Monthly payment", money(d.balance // rng.randrange(2, 6))),
        ("Mortgage balance", money(whole)),
        ("Arrears", dr(d.balance)),
    ])  # fmt: skip
    body: list[Row] = [
        *addressee(d, 0.36),
        (),
        (t(0.36, "Your mortgage payments are behind", True, size=12.0),),
        (),
    ]
    body += page.wrapped(
        f"{d.dear}, your mortgage is in arrears. The arrears now stand at {money(d.balance)}. We want to help you to keep your home.",
        0.36,
        0.95,
    )
    body += [()]
    body += page.wrapped(
        f"Please contact us by {shape(d.deadline)} so that we can talk about your situation and agree a way forward. If we do not hear from you we may have to consider legal action to recover the property, but repossession is always our last resort.",
        0.36,
        0.95,
    )
    body += [()]
    body += page.wrapped(
        "You can get free debt advice from Shelter on 0808 800 4444 or from MoneyHelper.",
        0.36,
        0.95,
    )
    page.side(side, body)
    page.gap().para(
        "The Pre-Action Protocol for Possession Claims based on Mortgage Arrears applies to your mortgage. Information about it is enclosed.",
        x=0.05,
        right=0.95,
        size=8.0,
    )
    return Doc(
        truth=debt(C.MORTGAGE_ARREARS, d, deadline_date=d.deadline), sheets=[page], style=style
    )


def rent_arrears(rng: random.Random, i: int) -> Doc:
    return _ha_letter(rng) if i % 2 == 0 else _rent_statement(rng)


def _ha_letter(rng: random.Random) -> Doc:
    """A housing association's arrears letter: the tenancy details as a grid of boxes, a
    Notice of Seeking Possession threatened; the weekly rent a distractor."""
    style = Style(face="condensed", point=10.0)
    d = draw(rng, HOUSING, ref="tenancy", low=20_000, high=320_000, days=(7, 14))
    weekly = rng.randrange(9_000, 16_000)
    shape = pick(rng, (dashes, weekday, caps))
    page = Sheet(style)
    page.add(
        (ct(0.5, d.creditor, True, size=14.0),),
        (ct(0.5, "Income Team  -  Trevithick House, Camborne TR14 8PD", size=SMALL),),
    ).gap()
    page.add(*addressee(d, 0.06)).gap()
    page.grid(
        [
            [
                ("Tenancy reference", d.ref),
                ("Date", shape(d.letter_date)),
                ("Weekly rent", money(weekly)),
            ],
            [
                ("Rent arrears", money(d.balance)),
                ("Housing officer", "K. Penrose"),
                ("Direct line", "01209 614 355"),
            ],
        ],
        (0.06, 0.38, 0.68),
    )
    page.gap().add((t(0.06, "Your rent account", True, size=12.0),)).gap()
    page.para(
        f"{d.dear}, your rent account is in arrears by {money(d.balance)}, which is more than {d.balance // weekly} weeks' rent. Rent is due every Monday in advance.",
        x=0.06,
        right=0.94,
    )
    page.gap().para(
        f"You must clear the arrears or agree a repayment plan with your housing officer by {shape(d.deadline)}. If you do not, we may serve a Notice of Seeking Possession, the first step towards asking the court to end your tenancy.",
        x=0.06,
        right=0.94,
    )
    page.gap().para(
        "If your income has changed you may be able to claim Universal Credit housing costs. Our money advice team can help you for free.",
        x=0.06,
        right=0.94,
    )
    return Doc(truth=debt(C.RENT_ARREARS, d, deadline_date=d.deadline), sheets=[page], style=style)


def _rent_statement(rng: random.Random) -> Doc:
    """A landscape rent statement: weekly charges and payments with a running balance in
    "DR" form, the arrears above the table as "£... owed"; no date to pay."""
    style = Style(face="narrow", point=9.5, landscape=True)
    d = draw(rng, HOUSING, ref="tenancy", low=30_000, high=200_000)
    shape = pick(rng, (iso, dots))
    weekly = rng.randrange(9_000, 15_000)
    page = Sheet(style)
    page.add((t(0.05, d.creditor, True, size=14.0), rt(0.95, "RENT STATEMENT", True, size=14.0)))
    page.add(
        (
            t(0.05, f"{d.person}, {', '.join(d.address)}"),
            rt(0.95, f"Statement date {shape(d.letter_date)}"),
        )
    ).gap()
    page.add(
        (
            t(0.05, "Tenancy ref"),
            t(0.16, d.ref, True),
            t(0.4, f"{money(d.balance)} owed on your rent account", True),
        )
    )
    page.gap().add(
        (
            t(0.05, "Week commencing", True),
            t(0.2, "Transaction", True),
            rt(0.55, "Rent charged", True),
            rt(0.7, "Paid", True),
            rt(0.88, "Balance", True),
        )
    )
    page.rule()
    balance = d.balance - 4 * weekly + 3 * 8_000
    day = d.letter_date - dt.timedelta(days=d.letter_date.weekday() + 28)
    rows: list[Row] = []
    for _ in range(4):
        balance += weekly
        rows.append(
            (
                t(0.05, shape(day)),
                t(0.2, "Rent and service charge"),
                rt(0.55, plain(weekly)),
                rt(0.7, ""),
                rt(0.88, dr(balance)),
            )
        )
        if len(rows) < 7:
            balance -= 8_000
            rows.append(
                (
                    t(0.05, shape(day + dt.timedelta(days=3))),
                    t(0.2, "Housing costs (UC)"),
                    rt(0.55, ""),
                    rt(0.7, plain(8_000)),
                    rt(0.88, dr(balance)),
                )
            )
        day += dt.timedelta(days=7)
    page.add(*[tuple(c for c in row if c.text) for row in rows[:7]])
    page.rule().gap()
    page.para(
        "DR means you owe rent. Please call your income officer on 0116 305 7210 to agree a plan to clear what you owe.",
        x=0.05,
        right=0.95,
    )
    return Doc(truth=debt(C.RENT_ARREARS, d), sheets=[page], style=style)


# -- pay-later and catalogue ---------------------------------------------------------------------


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    return _bnpl(rng) if i % 2 == 0 else _catalogue(rng)


def _bnpl(rng: random.Random) -> Doc:
    """A pay-later provider's arrears email printed out: plain blocks, the overdue amount
    in a bold centred line ("£... overdue"), the order reference a distractor."""
    style = Style(face="sans", point=10.0)
    d = draw(rng, BNPL, ref="order", low=4_000, high=90_000, days=(3, 5, 7))
    shape = pick(rng, (weekday, dashes, the_of))
    page = Sheet(style)
    page.add((t(0.08, d.creditor, True, size=15.0),)).rule(0.08, 0.92).gap()
    page.add(
        (t(0.08, f"Sent: {shape(d.letter_date)}", size=8.5),),
        (t(0.08, f"To: {d.first.lower()}.{d.surname.lower()}@example.co.uk", size=8.5),),
    ).gap()
    page.add((t(0.08, f"Hi {d.first},", True),)).gap()
    page.para(
        "Your last two instalments didn't go through and your Paylater account is now in arrears. We've paused your account, so you can't make new purchases until it's up to date."
    )
    page.gap().add((ct(0.5, f"{money(d.balance)} overdue", True, size=14.0),)).gap()
    page.add((t(0.08, "Account ID"), t(0.35, d.ref)))
    page.add(
        (
            t(0.08, "Order"),
            t(
                0.35,
                f"#{digits(rng, 9)} ({rng.choice(('Ashby Sports', 'Mere Home', 'Tideway Fashion'))})",
            ),
        )
    )
    page.add((t(0.08, "Pay by"), t(0.35, shape(d.deadline)))).gap()
    page.para(
        "If you can't pay, reply to this email or use the app to request a payment plan. We won't charge late fees while we agree a plan with you. Unpaid balances may be passed to a debt collection agency and reported to credit reference agencies."
    )
    page.footer(
        (
            t(
                0.08,
                f"{d.creditor} is authorised and regulated by the Financial Conduct Authority.",
                size=SMALL,
            ),
        )
    )
    return Doc(
        truth=debt(C.BNPL_CATALOGUE_ARREARS, d, deadline_date=d.deadline),
        sheets=[page],
        style=style,
    )


def _catalogue(rng: random.Random) -> Doc:
    """A home-shopping catalogue's arrears letter: the account summary as a box on the
    right, capital labels with colons, the arrears and the whole balance side by side."""
    style = Style(face="condensed", point=9.5)
    d = draw(rng, CATALOGUES, ref="purchaser", low=15_000, high=180_000, days=(10, 14))
    arrears = max(d.balance // rng.choice((5, 7, 9)), 1_500)
    shape = pick(rng, (caps, dots, iso))
    page = Sheet(style)
    page.add(
        (t(0.06, d.creditor, True, size=14.0),),
        (t(0.06, "Account Services, Ludlow SY8 1ZZ", size=SMALL),),
    ).gap()
    addr = addressee(d, 0.06)
    summary: list[Row] = [
        (t(0.56, "ACCOUNT NO:"), rt(0.93, d.ref, True)),
        (t(0.56, "DATE:"), rt(0.93, shape(d.letter_date))),
        (t(0.56, "ARREARS:"), rt(0.93, money(arrears))),
        (t(0.56, "BALANCE:"), rt(0.93, money(d.balance), True)),
    ]
    first = len(page.rows)
    for a, b in zip(addr, summary, strict=True):
        page.add((*a, *b))
    page.rects.append(Rect(first, first + 3, 0.54, 0.95))
    page.gap().add((t(0.06, "Your account is in arrears", True, size=12.0),)).gap()
    page.para(
        f"{d.dear}, you have missed payments on your shopping account and it is {money(arrears)} in arrears. The total balance of your account is {money(d.balance)}.",
        x=0.06,
        right=0.94,
    )
    page.gap().para(
        f"Please pay the arrears by {shape(d.deadline)}. If you don't, we may send you a default notice and the whole balance could become payable.",
        x=0.06,
        right=0.94,
    )
    page.gap().para(
        "You can pay on our website, by phone on 0344 811 2299, or at any PayPoint with the barcode below.",
        x=0.06,
        right=0.94,
    )
    page.add((t(0.06, f"PayPoint barcode {digits(rng, 19)}", size=SMALL),))
    return Doc(
        truth=debt(C.BNPL_CATALOGUE_ARREARS, d, deadline_date=d.deadline),
        sheets=[page],
        style=style,
    )


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    """A solicitor's letter of claim under the Pre-Action Protocol for Debt Claims, with its
    Reply Form on page 2 (as a grid of tick boxes); on half the debt was bought."""
    style = Style(face="sans", point=9.5)
    sold = i % 2 == 1
    d = draw(
        rng,
        PURCHASERS if sold else LENDERS,
        writers=SOLICITORS,
        ref="loan",
        low=40_000,
        high=900_000,
        days=(30,),
    )
    shape = pick(rng, (the_of, dots, caps))
    one = Sheet(style)
    one.add(
        (rt(0.94, d.writer, True, size=14.0),),
        (rt(0.94, "12 Friar Street, Worcester WR1 2LZ  |  DX 716210", size=SMALL),),
    ).gap()
    one.add(*addressee(d, 0.06)).gap()
    one.add(
        (t(0.06, "Our ref:"), t(0.2, d.writer_ref)),
        (t(0.06, "Date:"), t(0.2, shape(d.letter_date))),
    ).gap()
    one.add((t(0.06, "LETTER OF CLAIM", True, size=13.0),)).gap()
    who = f"{d.creditor}, to whom the debt was assigned by {d.original}" if sold else d.creditor
    one.para(
        f"{d.dear}, we act for {who}. Our client is owed {money(d.balance)} under account number {d.ref}. Interest is not being added.",
        x=0.06,
        right=0.94,
    )
    one.gap().para(
        f"This letter is sent under the Pre-Action Protocol for Debt Claims. Please complete the enclosed Reply Form and return it to us by {shape(d.deadline)}, that is within 30 days of the date of this letter. If you do not, our client may start court proceedings against you without further notice.",
        x=0.06,
        right=0.94,
    )
    one.gap().para(
        "An Information Sheet and a Financial Statement are enclosed. You are strongly advised to get free independent debt advice, for example from Citizens Advice or National Debtline.",
        x=0.06,
        right=0.94,
    )
    one.footer(
        (
            t(
                0.06,
                "Authorised and regulated by the Solicitors Regulation Authority (SRA no. 6"
                + digits(rng, 5)
                + ")",
                size=SMALL,
            ),
        )
    )
    two = Sheet(style)
    two.add(
        (ct(0.5, "REPLY FORM", True, size=13.0),),
        (ct(0.5, "You should fill in this form and return it to us", italic=True),),
    ).gap()
    two.grid(
        [
            [("Name", d.person), ("Our reference", d.writer_ref)],
            [("Creditor", d.creditor), ("Account number", d.ref)],
        ],
        (0.06, 0.5),
    )
    two.gap().add((t(0.06, "Section A - tick one box", True),))
    for text in (
        "I agree I owe the debt",
        "I agree I owe part of the debt",
        "I do not owe the debt",
        "I need more time to get advice",
    ):
        first = len(two.rows)
        two.add((t(0.1, text),))
        two.rects.append(Rect(first, first, 0.065, 0.085))
    two.gap().add(
        (t(0.06, "Section B - I would like to pay by instalments of £ ......... a month"),)
    )
    two.gap().add(
        (t(0.06, "Signed ....................................        Date ..................."),)
    )
    extra: dict[str, object] = {"original_creditor": d.original} if sold else {}
    return Doc(
        truth=debt(C.LETTER_OF_CLAIM, d, deadline_date=d.deadline, **extra),
        sheets=[one, two],
        style=style,
    )


# -- income ------------------------------------------------------------------------------------

PERIODS = {"weekly": 52, "fortnightly": 26, "four_weekly": 13, "monthly": 12}
SHOWN = {
    "weekly": "Weekly",
    "fortnightly": "Fortnightly",
    "four_weekly": "4-Weekly",
    "monthly": "Monthly",
}


def _pay(rng: random.Random, frequency: str) -> tuple[int, int, int, int, int]:
    """(gross, tax, NI, pension, net) for one pay period."""
    yearly = rng.randrange(15_000_00, 38_000_00)
    gross = yearly // PERIODS[frequency]
    tax = max(gross - 12_570_00 // PERIODS[frequency], 0) // 5
    ni = max(gross - 12_570_00 // PERIODS[frequency], 0) * 8 // 100
    pension = gross * 5 // 100
    return gross, tax, ni, pension, gross - tax - ni - pension


def payslip(rng: random.Random, i: int) -> Doc:
    frequency = ("weekly", "monthly", "fortnightly", "four_weekly")[i % 4]
    return _landscape_payslip(rng, frequency) if i % 2 == 0 else _portal_payslip(rng, frequency)


def _landscape_payslip(rng: random.Random, frequency: str) -> Doc:
    """Desktop payroll software: landscape, three panels (payments, deductions, this
    period) side by side, the employer and pay date in a top band of boxes."""
    style = Style(face="narrow", point=10.0, landscape=True)
    employer = rng.choice(EMPLOYERS)
    pay_date = dt.date(2025, 4, 4) + dt.timedelta(days=rng.randrange(560))
    gross, tax, ni, pension, net = _pay(rng, frequency)
    shape = pick(rng, (dots, dashes, iso))
    _title, first, surname = rng.choice(PEOPLE)
    page = Sheet(style)
    page.add((ct(0.5, "PAYSLIP", True, size=14.0),)).gap()
    page.grid(
        [
            [
                ("Employer", employer),
                ("Employee", f"{first} {surname}"),
                ("Pay date", shape(pay_date)),
                ("Pay frequency", SHOWN[frequency]),
            ]
        ],
        (0.04, 0.34, 0.58, 0.78),
        right=0.96,
    )
    page.grid(
        [
            [
                ("Works no.", digits(rng, 5)),
                ("NI number", f"TY{digits(rng, 6)}B"),
                ("Tax code", "1257L"),
                ("Tax period", str(rng.randrange(1, 13))),
            ]
        ],
        (0.04, 0.34, 0.58, 0.78),
        right=0.96,
    )
    page.gap()
    page.add((t(0.04, "Payments", True), t(0.36, "Deductions", True), t(0.68, "This period", True)))
    page.rule(0.04, 0.96)
    hours = rng.randrange(30, 40)
    page.add(
        (
            t(0.04, f"Basic pay {hours} hrs"),
            rt(0.3, plain(gross)),
            t(0.36, "PAYE tax"),
            rt(0.62, plain(tax)),
            t(0.68, "Total payments"),
            rt(0.96, plain(gross)),
        )
    )
    page.add(
        (
            t(0.36, "National Insurance"),
            rt(0.62, plain(ni)),
            t(0.68, "Total deductions"),
            rt(0.96, plain(tax + ni + pension)),
        )
    )
    page.add(
        (
            t(0.36, "Pension (employee)"),
            rt(0.62, plain(pension)),
            t(0.68, "NET PAY", True),
            rt(0.96, money(net), True),
        )
    )
    page.rule(0.04, 0.96).gap()
    ytd = gross * rng.randrange(3, 10)
    page.add(
        (
            t(0.04, "Year to date:"),
            t(0.16, f"Taxable pay {plain(ytd)}"),
            t(0.4, f"Tax {plain(tax * ytd // max(gross, 1))}"),
            t(0.58, f"NI {plain(ni * ytd // max(gross, 1))}"),
        )
    )
    page.gap().add((t(0.04, "Paid by BACS to account ****" + digits(rng, 4), size=8.5),))
    truth = Truth(
        document_class=C.PAYSLIP,
        payer_name=employer,
        letter_date=pay_date,
        income_pence=net,
        gross_pence=gross,
        frequency=frequency,
    )
    return Doc(truth=truth, sheets=[page], style=style)


def _portal_payslip(rng: random.Random, frequency: str) -> Doc:
    """An online payroll portal's payslip printed to PDF: the employer centred at the top,
    take-home pay in large type over "Take home pay", figures as "GBP"."""
    style = Style(face="sans", point=9.5)
    employer = rng.choice(EMPLOYERS)
    pay_date = dt.date(2025, 4, 4) + dt.timedelta(days=rng.randrange(560))
    gross, tax, ni, pension, net = _pay(rng, frequency)
    shape = pick(rng, (weekday, the_of, caps))
    _title, first, surname = rng.choice(PEOPLE)
    page = Sheet(style)
    page.add((ct(0.5, employer, True, size=14.0),), (ct(0.5, "Payslip", size=11.0),)).gap()
    page.add((t(0.1, f"{first} {surname}"), rt(0.9, f"Paid on {shape(pay_date)}")))
    page.add(
        (t(0.1, f"Employee ID {digits(rng, 6)}"), rt(0.9, f"Paid {FREQUENCY_SHOWN[frequency][0]}"))
    ).gap()
    page.add((ct(0.5, gbp(net), True, size=15.0),), (ct(0.5, "Take home pay", italic=True),)).gap()
    page.box([
        (t(0.12, "Gross pay", True), rt(0.88, gbp(gross), True)),
        (t(0.12, "Income Tax"), rt(0.88, f"-{gbp(tax)}")),
        (t(0.12, "National Insurance"), rt(0.88, f"-{gbp(ni)}")),
        (t(0.12, "Workplace pension"), rt(0.88, f"-{gbp(pension)}")),
    ], 0.1, 0.9)  # fmt: skip
    page.gap().add(
        (
            t(
                0.1,
                f"Tax code 1257L   NI category A   Holiday remaining {rng.randrange(2, 25)} days",
                size=8.5,
            ),
        )
    )
    page.gap().para(
        f"This payslip was generated by {employer}'s payroll portal. Keep it safe: you may need it to show your income.",
        x=0.1,
        right=0.9,
        size=8.5,
    )
    truth = Truth(
        document_class=C.PAYSLIP,
        payer_name=employer,
        letter_date=pay_date,
        income_pence=net,
        gross_pence=gross,
        frequency=frequency,
    )
    return Doc(truth=truth, sheets=[page], style=style)


def benefit(rng: random.Random, i: int) -> Doc:
    return _state_pension(rng) if i % 2 == 0 else _scotland(rng)


def _state_pension(rng: random.Random) -> Doc:
    """A State Pension award letter: a sidebar with the dates and references, the amount as
    "£... every 4 weeks" in a sentence, the weekly rate as a distractor."""
    style = Style(face="condensed", point=10.0)
    payer = "The Pension Service"
    weekly = rng.randrange(169_00, 230_00)
    paid = weekly * 4
    letter = dt.date(2025, 4, 7) + dt.timedelta(days=rng.randrange(500))
    shape = pick(rng, (the_of, caps, dots))
    d = draw(rng, (payer,))
    page = Sheet(style)
    page.add(
        (
            t(0.05, payer, True, size=15.0),
            rt(0.95, "Post Handling Site B, Wolverhampton WV99 1AN", size=SMALL),
        ),
        (),
    ).gap()
    side = side_pairs(
        [
            ("Date", shape(letter)),
            ("NI number", f"JC {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} D"),
            ("Phone", "0800 731 0469"),
        ]
    )
    body: list[Row] = [
        *addressee(d, 0.36),
        (),
        (t(0.36, "Your State Pension", True, size=12.0),),
        (),
    ]
    body += page.wrapped(
        f"{d.dear}, we have worked out how much State Pension you will get. Your weekly rate is {money(weekly)}.",
        0.36,
        0.95,
    )
    body += [()]
    body += page.wrapped(
        f"You will get {money(paid)} every 4 weeks, paid into your account in arrears. Your first payment will be on {shape(letter + dt.timedelta(days=rng.randrange(10, 30)))}.",
        0.36,
        0.95,
    )
    body += [()]
    body += page.wrapped(
        "You must tell us if you go abroad for more than 4 weeks or if your bank details change.",
        0.36,
        0.95,
    )
    page.side(side, body)
    truth = Truth(
        document_class=C.BENEFIT_AWARD,
        payer_name=payer,
        letter_date=letter,
        income_pence=paid,
        frequency="four_weekly",
    )
    return Doc(truth=truth, sheets=[page], style=style)


def _scotland(rng: random.Random) -> Doc:
    """A Social Security Scotland decision letter: centred headings, the award in a grid of
    boxes (label in the corner), the date as ISO or "the 3rd of ..."."""
    style = Style(face="sans", point=10.0)
    payer = "Social Security Scotland"
    letter = dt.date(2025, 4, 7) + dt.timedelta(days=rng.randrange(500))
    frequency = rng.choice(("four_weekly", "weekly"))
    amount = (
        rng.randrange(110_00, 420_00)
        if frequency == "four_weekly"
        else rng.randrange(30_00, 110_00)
    )
    what = rng.choice(("Adult Disability Payment", "Scottish Child Payment"))
    shape = pick(rng, (iso, the_of, dashes))
    d = draw(rng, (payer,))
    page = Sheet(style)
    page.add(
        (ct(0.5, payer, True, size=15.0),),
        (ct(0.5, "Tèarainteachd Shòisealta Alba  -  PO Box 10301, Dundee DD1 9FL", size=SMALL),),
    ).gap()
    page.add(*addressee(d, 0.08)).gap()
    page.add((ct(0.5, f"Decision on your {what}", True, size=12.0),)).gap()
    page.para(
        f"{d.dear}, we have made a decision on your application. You are entitled to {what}.",
        x=0.08,
        right=0.92,
    )
    page.gap()
    page.grid(
        [
            [
                ("Date of this letter", shape(letter)),
                ("Client reference", f"{digits(rng, 4)} {digits(rng, 4)}"),
            ],
            [("Amount", money(amount)), ("How often", FREQUENCY_SHOWN[frequency][1])],
        ],
        (0.08, 0.5),
        right=0.92,
    )
    page.gap().para(
        "Payments go into the bank account you told us about. If you disagree with this decision, you can ask us to look at it again within 42 days (a redetermination).",
        x=0.08,
        right=0.92,
    )
    truth = Truth(
        document_class=C.BENEFIT_AWARD,
        payer_name=payer,
        letter_date=letter,
        income_pence=amount,
        frequency=frequency,
    )
    return Doc(truth=truth, sheets=[page], style=style)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """Two pages: the statement date in a box of account details on page 1, the money in
    and out over both pages with "CR"/"DR" balances, the closing balance on page 2."""
    style = Style(face="narrow", point=9.0)
    bank = rng.choice(BANKS)
    d = draw(rng, (bank,))
    shape = pick(rng, (iso, dots, caps))
    start = d.letter_date - dt.timedelta(days=30)
    one = Sheet(style)
    one.add(
        (t(0.05, bank, True, size=14.0), rt(0.95, "Everyday Account statement", True, size=11.0)),
        (),
    ).gap()
    addr = addressee(d, 0.05)
    details: list[Row] = [
        (t(0.56, "Statement date"), rt(0.94, shape(d.letter_date))),
        (t(0.56, "Period"), rt(0.94, f"{dots(start)} - {dots(d.letter_date)}")),
        (t(0.56, "Sort code"), rt(0.94, sort_code(rng))),
        (t(0.56, "Account"), rt(0.94, digits(rng, 8))),
    ]
    first = len(one.rows)
    for a, b in zip(addr, details, strict=True):
        one.add((*a, *b))
    one.rects.append(Rect(first, first + 3, 0.54, 0.95))
    one.gap().add(
        (
            t(0.05, "Date", True),
            t(0.17, "Description", True),
            rt(0.66, "Paid out", True),
            rt(0.8, "Paid in", True),
            rt(0.95, "Balance", True),
        )
    )
    one.rule()
    balance = rng.randrange(5_000, 80_000)
    one.add(
        (t(0.05, dots(start)), t(0.17, "BALANCE BROUGHT FORWARD"), rt(0.95, f"{plain(balance)} CR"))
    )
    items = [("DD COUNCIL TAX", -15_400), ("UNIVERSAL CREDIT DWP", 68_230), ("POS TESCO EXTRA", -4_311), ("DD WATER", -3_800), ("SO RENT PENWITH HA", -48_000), ("POS FUEL SHELL", -3_000), ("FPI WAGES", 42_150), ("DD MOBILE", -2_200), ("ATM CASH", -2_000), ("POS ALDI", -2_875), ("DD TV LICENCE", -1_445), ("BANK TRANSFER", 5_000), ("POS BOOTS", -1_290), ("DD ENERGY", -9_500)]  # fmt: skip
    day = start
    rows: list[Row] = []
    for text, amount in items:
        day += dt.timedelta(days=2)
        balance += amount
        mark = f"{plain(abs(balance))} {'CR' if balance >= 0 else 'DR'}"
        money_cell = rt(0.66, plain(-amount)) if amount < 0 else rt(0.8, plain(amount))
        rows.append((t(0.05, dots(day)), t(0.17, text), money_cell, rt(0.95, mark)))
    one.add(*rows[:9])
    one.footer((t(0.05, "Continued on page 2", size=SMALL), rt(0.95, "Page 1 of 2", size=SMALL)))
    two = Sheet(style)
    two.add((t(0.05, f"{bank}  -  statement continued", True),)).gap()
    two.add(
        (
            t(0.05, "Date", True),
            t(0.17, "Description", True),
            rt(0.66, "Paid out", True),
            rt(0.8, "Paid in", True),
            rt(0.95, "Balance", True),
        )
    )
    two.rule().add(*rows[9:]).rule()
    two.add(
        (
            t(0.17, "BALANCE CARRIED FORWARD", True),
            rt(0.95, f"{plain(abs(balance))} {'CR' if balance >= 0 else 'DR'}", True),
        )
    ).gap()
    two.para(
        "CR means your account is in credit, DR means it is overdrawn. Your arranged overdraft limit is £250.00.",
        x=0.05,
        right=0.95,
        size=8.0,
    )
    two.footer((rt(0.95, "Page 2 of 2", size=SMALL),))
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=d.letter_date),
        sheets=[one, two],
        style=style,
    )


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: a lender's "account settled, nothing to pay" letter (a lender, a
    reference, a zero balance in the sidebar) or a housing association's repairs
    appointment (a tenancy reference, dates, no money)."""
    if i % 2 == 0:
        style = Style(face="sans", point=10.0)
        d = draw(rng, LENDERS)
        page = Sheet(style)
        page.add((t(0.05, d.creditor, True, size=15.0),), ()).gap()
        side = side_pairs([("Account", d.ref), ("Date", caps(d.letter_date)), ("Balance", "£0.00")])
        body: list[Row] = [
            *addressee(d, 0.36),
            (),
            (t(0.36, "Your loan is paid off", True, size=12.0),),
            (),
        ]
        body += page.wrapped(
            f"{d.dear}, thank you for your final payment. Your loan account is now closed and there is nothing more to pay. We will tell the credit reference agencies that the account was settled.",
            0.36,
            0.95,
        )
        body += [()]
        body += page.wrapped(
            "Please keep this letter as confirmation. You do not need to do anything else.",
            0.36,
            0.95,
        )
        page.side(side, body)
        return Doc(truth=Truth(document_class=C.OTHER), sheets=[page], style=style)
    style = Style(face="condensed", point=10.0)
    d = draw(rng, HOUSING, ref="tenancy")
    when = d.letter_date + dt.timedelta(days=rng.randrange(5, 20))
    page = Sheet(style)
    page.add(
        (ct(0.5, d.creditor, True, size=14.0),), (ct(0.5, "Repairs and Maintenance", size=SMALL),)
    ).gap()
    page.add(*addressee(d, 0.08)).gap()
    page.grid(
        [
            [("Job number", f"RM{digits(rng, 6)}"), ("Date", dashes(d.letter_date))],
            [("Appointment", f"{weekday(when)}, 8am - 1pm"), ("Trade", "Plumber")],
        ],
        (0.08, 0.5),
        right=0.92,
    )
    page.gap().add((t(0.08, "Your repair appointment", True, size=12.0),)).gap()
    page.para(
        f"{d.dear}, thank you for reporting a leak under your kitchen sink. A plumber will visit on the date above. Please make sure an adult is at home and the area under the sink is clear.",
        x=0.08,
        right=0.92,
    )
    page.gap().para(
        "If you need to change the appointment, call us on 01509 634 000. There is no charge for this repair.",
        x=0.08,
        right=0.92,
    )
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
class NSample(Sample):
    """A sample of family N: its style, boxes, rules and footers per page."""

    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_n(per_class: int = 4, *, seed: int = 3014) -> list[NSample]:
    """``per_class`` documents of every class, held out, family ``<class>:N``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, NSample)


# -- layout: words with exact boxes, text, images --------------------------------------------------


PRINT = Printer(_font, _measure)
"""The printed page (``corpus_print``, shared with the other families) in N's faces."""
page_size = PRINT.page_size
layout = PRINT.layout
_rows = PRINT.rows
n_words = PRINT.words
n_page_text = PRINT.page_text
n_text = PRINT.text
n_pages = PRINT.pages


@frozen(kw_only=True)
class NScan(Scan):
    """How N is printed and scanned: besides ``Scan``'s effects, a photocopier's hard
    contrast, uneven light across the page and a toner streak."""

    ink: int = 20
    photocopy: bool = False
    light: bool = False
    streak: bool = False


SCANS = (
    NScan(dpi=200, rotate=0.6, noise=0.001, light=True),
    NScan(dpi=150, photocopy=True, streak=True),
    NScan(dpi=300, blur=0.9, paper=236, rotate=-0.4),
    NScan(dpi=240, noise=0.0015, ink=55, light=True, streak=True),
)
"""Skewed speckled 200 dpi under uneven light; a 150 dpi photocopy with a toner streak;
blurred grey 300 dpi, skewed; speckled 240 in faint ink, uneven light and a streak."""


def render(sample: NSample, n: int, scan: NScan, seed: int = 0) -> Image.Image:
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
        if rule.dashed:
            step = round(0.08 * scan.dpi)
            for x in range(x0, x1, step):
                pen.line((x, y, min(x + step // 2, x1), y), fill=scan.ink, width=line)
        else:
            pen.line((x0, y, x1, y), fill=scan.ink, width=line)
    for p in layout(sample, n, scan.dpi):
        pen.text((p.left, p.top), p.cell.text, fill=scan.ink, font=p.font)
    if scan.streak:
        x = round(width * (0.2 + 0.6 * random.Random(seed).random()))
        pen.line((x, 0, x, height), fill=150, width=max(1, scan.dpi // 100))
    if scan.light:
        shade = (
            Image.linear_gradient("L").resize((width, height)).point(lambda v: 255 - v * 45 // 255)
        )
        image = ImageChops.multiply(image, shade)
    if scan.noise:
        rng = random.Random(seed)
        pixels = image.load()
        assert pixels is not None
        for _ in range(int(width * height * scan.noise)):
            pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 100))
    if scan.blur:
        image = image.filter(ImageFilter.GaussianBlur(scan.blur))
    if scan.photocopy:
        image = image.filter(ImageFilter.GaussianBlur(0.6)).point(lambda v: 0 if v < 150 else 255)
    if scan.rotate:
        image = image.rotate(
            scan.rotate, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=scan.paper
        )
    return image


def n_scanned(sample: NSample, index: int) -> tuple[bytes, str, NScan]:
    """The sample printed and scanned one of four ways: multi-page ones as one PDF; single
    pages as PDF or PNG (every other PNG without its resolution)."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 17 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or index % 3 == 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "NSample",
    "build_n",
    "n_pages",
    "n_scanned",
    "n_text",
    "n_words",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
