# ruff: noqa: E501, S311  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``Q``, written blind: a sixth measure of how the reader
generalises, in a sixth hand (after ``L``, ``M``, ``N``, ``O`` and ``P``).

``Q`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Cell``/``Page``, ``Sample``, ``score``, ``sample_text``, ``normalise_value``),
the shared page engine (``corpus_print``), families A-K, L, M, N, O and P (only to avoid
repeating their layouts, organisations and wording, and to follow their ground-truth
conventions), the blind-family tests and the reporting code of
``benchmarks/intake_accuracy.py`` -- **not** the reader's rules (``assistant.py``,
``fields.py``, ``layout.py``, ``classifier.py``, ``statements.py``, ``label_learning.py``,
``read_families.py``, the Tesseract extractor), its reading tests, nor any list or
description of the reader's misses (no section of benchmarks/OCR.md). It is never used to
write rules, to train or calibrate the classifier (``build_corpus`` never yields it), nor
to choose models: it is measured, and only the aggregate figures go into
benchmarks/OCR.md. Its individual misses are not written down anywhere; whoever reads them
to change the reader makes ``Q`` no longer blind and must say so there.

What differs from A-D, H, K, L, M, N, O and P:

* who writes: every one of the 19 classes, from organisations no earlier family names (a
  card issuer and a personal-loan lender, a debt purchaser, a credit-management agency, a
  firm of solicitors (an LLP), an enforcement company, a district and a borough council, an
  energy supplier, a water company, a mutual building society, a housing association, a
  pay-later firm and a home-shopping catalogue, two magistrates' courts, a scaffolding
  company's statutory demand, a care home and a freight firm as employers, a bank, the
  Attendance Allowance Unit and an Industrial Injuries Disablement Benefit centre, a
  community law centre);
* layouts, each class in at least two (``i`` even / odd; the creditor letter in four), in
  five kinds no earlier family sets a whole document in:
  - **questions and answers**: plain-English letters whose facts sit under questions in
    bold ("Which account is this about?", "How much is overdue?", "When do I need to
    pay?"), no label at all;
  - a **ledger**: the labels are column headers over one row of values, or over several
    rows (several accounts, sub-accounts or orders) of which only the row marked ``*`` is
    the subject (the other rows are distractors), wide ones on a **landscape** page;
  - a **timeline**: "what happens and when", a bullet, a date and what happens on it (the
    letter's own date, the last day to pay, a later step that is a distractor);
  - **sentences only**: every fact in the prose, nothing labelled;
  - **right to left**: each value right-aligned, its label after it ("£1,234.56  what is
    overdue");
  - some with a **remittance slip** at the foot (values before their labels, its own
    suggested payment and the bank's details, both distractors), and two letters whose
    facts are all on page 2 ("the details are over the page");
* faces: Liberation Serif *Italic* (bold italic headings), DejaVu Sans *Oblique* (bold
  headings) and Liberation Sans Narrow *Bold* throughout (no family sets a body in an
  italic, oblique or bold face); 8.5, 9.5 and 10.5 pt bodies; the letterhead set right;
* dates as "03 March 2026", "Tue 3 Mar 2026", "03/Mar/2026", "3 March 26" and "3.3.26",
  one shape a document; amounts as "£1,234.56", "GBP1,234.56" (no space), "£1234.5"
  (no separator, a trailing 0 of the pence dropped, whole pounds bare: "£1234");
* scans at 150, 200, 275 and 300 dpi: show-through of the back of the sheet (mirrored,
  faint), a highlighter band over the first amount and a book-scanner's dark gutter, a fax
  (black and white, drop-out lines), an adviser's pen circle round an amount; PNG with and
  without its resolution, and multi-page PDF.

Ground truth follows L's to P's conventions: ``creditor_name`` is whoever is owed now (an
agency's or a solicitor's client, the claimant, the assignee of a sold debt, the council
or the court behind an enforcement agent), ``original_creditor`` the creditor a sold debt
began with where the document names it, ``account_reference`` the account with the
creditor named (an agency's or a solicitor's own reference is a distractor), except on an
enforcement notice, where the agent's case reference is what must be quoted;
``balance_pence`` what is owed now (arrears on a mortgage or rent letter, the total on a
claim, judgment, demand or summons, the overdue order on a pay-later letter);
``letter_date`` the document's own date (a payslip's pay date, a statement's date);
``deadline_date`` and ``served_date`` only where such a date is printed. Payslips give the
employer, net and gross pay, pay date and frequency; benefit letters the payer, the amount
paid each time, the date and the frequency; a bank statement its date.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence

from attrs import frozen
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from cma_adapters.rules_assistant.corpus import (
    FIELDS,
    C,
    Row,
    Sample,
    Scan,
    Truth,
    encode_pages,
    money,
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

FAMILY = "Q"

# -- values: Q's own pools (no name shared with A-D, H, K, L, M, N, O or P) --------------------

LENDERS = ("Guillemot Card Services Ltd", "Wenlock Edge Lending Ltd")
PURCHASERS = ("Marram Portfolio Recoveries Ltd",)
AGENCIES = ("Dunstanburgh Credit Management Ltd",)
SOLICITORS = ("Ashcombe Treloar LLP",)
AGENTS = ("Trent Vale Enforcement Services Ltd",)
COUNCILS = ("Wychavon District Council", "Tonbridge and Malling Borough Council")
ENERGY = ("Kinder Scout Energy Ltd",)
WATER = ("Axe Valley Water plc",)
MORTGAGES = ("Stourbridge Mutual Building Society",)
LANDLORDS = ("Otterburn Fold Housing Association",)
BNPL = ("Tillpay Ltd",)
CATALOGUES = ("Hartwell & Finch Home Shopping Ltd",)
FINE_COURTS = ("Grantham Magistrates' Court", "Dudley Magistrates' Court")
SCAFFOLDER = "Ridgeway Scaffolding Ltd"
EMPLOYERS = ("Bramley Orchard Care Ltd", "Avonside Freight Services Ltd")
BANKS = ("Helmsley Bank plc",)
AA_UNIT = "Attendance Allowance Unit"
IIDB = "Barnsley Industrial Injuries Disablement Benefit Centre"
LAW_CENTRE = "Riverbank Community Law Centre"
PEOPLE = (
    ("Mr", "Kwame", "Asante"),
    ("Miss", "Eleri", "Pughe"),
    ("Mrs", "Rukhsana", "Bibi"),
    ("Mr", "Callum", "McAteer"),
)
ADDRESSES = (
    ("3 Ropewalk Yard", "Evesham", "WR11 4BD"),
    ("Flat 12, Lime Kiln House", "Snodland", "ME6 5AX"),
    ("47 Pinfold Gate", "Grantham", "NG31 6JD"),
    ("8 Cooper's Close", "Axminster", "EX13 5QR"),
)
COURTS = ("Worcester", "Medway")


# -- date and money shapes (one of each a document) --------------------------------------------


def padded(date: dt.date) -> str:
    """03 March 2026"""
    return f"{date:%d %B %Y}"


def day_abbr(date: dt.date) -> str:
    """Tue 3 Mar 2026"""
    return f"{date:%a} {date.day} {date:%b %Y}"


def slash_abbr(date: dt.date) -> str:
    """03/Mar/2026"""
    return f"{date:%d/%b/%Y}"


def short_year(date: dt.date) -> str:
    """3 March 26"""
    return f"{date.day} {date:%B %y}"


def dots(date: dt.date) -> str:
    """3.3.26"""
    return f"{date.day}.{date.month}.{date:%y}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (padded, day_abbr, slash_abbr, short_year, dots)


def gbp(pence: int) -> str:
    """GBP1,234.56"""
    return "GBP" + money(pence)[1:]


def trimmed(pence: int) -> str:
    """£1234.5 (no separator, a trailing 0 of the pence dropped; whole pounds bare)."""
    pounds, rest = divmod(pence, 100)
    if rest == 0:
        return f"£{pounds}"
    return f"£{pounds}.{rest // 10}" if rest % 10 == 0 else f"£{pounds}.{rest:02d}"


MONEY_SHAPES: tuple[Callable[[int], str], ...] = (money, gbp, trimmed)

FREQUENCY_SHOWN = {
    "weekly": ("each week", "per week"),
    "fortnightly": ("every 2 weeks", "2-weekly"),
    "four_weekly": ("every 28 days", "4-weekly"),
    "monthly": ("each calendar month", "per calendar month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways Q prints a true value (to check it is on the page, or in an OCR text)."""
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
    for name in FIELDS:
        value = getattr(truth, name)
        if value is not None:
            total += 1
            found += any(form.casefold() in flat for form in printed_forms(name, value))
    return found, total


# -- faces, sheets and the ways Q sets its facts --------------------------------------------------

SMALL = 7.0

_DV = "/usr/share/fonts/truetype/dejavu/"
_LB = "/usr/share/fonts/truetype/liberation/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "iserif": {
        (False, False): _LB + "LiberationSerif-Italic.ttf",
        (True, False): _LB + "LiberationSerif-BoldItalic.ttf",
        (False, True): _LB + "LiberationSerif-Italic.ttf",
        (True, True): _LB + "LiberationSerif-BoldItalic.ttf",
    },
    "osans": {
        (False, False): _DV + "DejaVuSans-Oblique.ttf",
        (True, False): _DV + "DejaVuSans-Bold.ttf",
        (False, True): _DV + "DejaVuSans-Oblique.ttf",
        (True, True): _DV + "DejaVuSans-BoldOblique.ttf",
    },
    "nbold": {
        (False, False): _LB + "LiberationSansNarrow-Bold.ttf",
        (True, False): _LB + "LiberationSans-Bold.ttf",
        (False, True): _LB + "LiberationSansNarrow-BoldItalic.ttf",
        (True, True): _LB + "LiberationSans-BoldItalic.ttf",
    },
}
"""Liberation Serif Italic throughout; DejaVu Sans Oblique with DejaVu Sans Bold headings;
Liberation Sans Narrow Bold with Liberation Sans Bold headings."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)
"""Each face's file per (bold, italic) is a whole path."""


@frozen
class Style:
    face: str = "iserif"
    point: float = 10.5
    landscape: bool = False


STYLES = (Style("iserif", 10.5), Style("osans", 8.5), Style("nbold", 9.5))


@frozen
class Rule:
    """A line above row ``row`` from ``x0`` to ``x1``, dashed where a slip is cut off."""

    row: int
    x0: float
    x1: float
    dashed: bool = False


@frozen
class Fact:
    """One fact of a document, in every way Q can set it: asked (``question``), as a column
    header or label (``header``), and for a date what happens on it (``event``)."""

    question: str
    header: str
    raw: object
    kind: str = "text"
    """"ref", "money", "date" or "text": how it is printed and how a distractor row
    varies it."""
    event: str = ""


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []

    def rule(self, x0: float = 0.07, x1: float = 0.93, *, dashed: bool = False) -> Sheet:
        self.rules.append(Rule(len(self.rows), x0, x1, dashed))
        return self

    def head(self, name: str, address: str) -> Sheet:
        """The letterhead set right: the name large, the address small under it."""
        size = self.style.point + 5
        self.rows.append((rt(0.93, name, True, size=size),))
        self.rows.append((rt(0.93, address, size=SMALL),))
        return self

    def questions(self, pairs: Sequence[tuple[str, str]]) -> Sheet:
        """Each fact under its question, the answer indented."""
        for question, answer in pairs:
            self.rows.append((t(0.09, question, True),))
            self.rows.append((t(0.12, answer),))
            self.rows.append(())
        return self

    def ledger(
        self, headers: Sequence[str], rows: Sequence[Sequence[str]], mark: int | None
    ) -> Sheet:
        """Labels as column headers over ``rows``; ``mark`` is the subject row's index
        (starred), or ``None`` for a single row."""
        xs = [0.11 + n * 0.8 / len(headers) for n in range(len(headers))]
        self.rule()
        self.rows.append(tuple(t(x, h, True, size=SMALL) for x, h in zip(xs, headers, strict=True)))
        self.rule()
        for n, values in enumerate(rows):
            star = (t(0.08, "*", True),) if n == mark else ()
            self.rows.append((*star, *(t(x, v) for x, v in zip(xs, values, strict=True))))
        self.rule()
        return self

    def timeline(self, events: Sequence[tuple[str, str]]) -> Sheet:
        self.rows.append((t(0.09, "What happens and when", True, size=self.style.point + 1),))
        for when, what in events:
            self.rows.append((t(0.10, "\u2022"), t(0.12, when, True), t(0.33, what)))
        return self

    def backwards(self, pairs: Sequence[tuple[str, str]], at: float = 0.42) -> Sheet:
        """Right to left: each value set right against ``at``, its label after it."""
        for label, value in pairs:
            self.rows.append((rt(at, value, True), t(at + 0.03, label)))
        return self

    def slip(self, title: str, pairs: Sequence[tuple[str, str]], *rest: Row) -> Sheet:
        """A remittance slip at the foot of the page below a dashed cut line, its values
        set right before their labels, then ``rest``."""
        self.foot = len(self.rows)
        self.rows.append(
            (
                ct(
                    0.5,
                    "Cut along the line and post this part back with what you pay",
                    size=SMALL,
                    italic=True,
                ),
            )
        )
        self.rule(0.05, 0.95, dashed=True)
        self.rows.append(())
        rows: list[Row] = [(t(0.09, title, True),)]
        rows += [(rt(0.45, value, True), t(0.48, label, size=SMALL)) for label, value in pairs]
        self.box(rows, 0.07, 0.93)
        self.rows.extend(rest)
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


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))


def balance(rng: random.Random, low: int = 12_000, high: int = 480_000) -> int:
    """Some balances end in 0 pence or are whole pounds (so "£1234.5" and "£1234" occur)."""
    pence = rng.randrange(low, high)
    draw = rng.random()
    if draw < 0.2:
        return pence - pence % 100
    return pence - pence % 10 if draw < 0.45 else pence


def dated(rng: random.Random) -> dt.date:
    return dt.date(2025, 1, 6) + dt.timedelta(days=rng.randrange(700))


@frozen
class Shapes:
    """A document's one date shape and one money shape."""

    when: Callable[[dt.date], str]
    amount: Callable[[int], str]

    def show(self, fact: Fact) -> str:
        if fact.kind == "money":
            assert isinstance(fact.raw, int)
            return self.amount(fact.raw)
        if fact.kind == "date":
            assert isinstance(fact.raw, dt.date)
            return self.when(fact.raw)
        return str(fact.raw)


def shapes(rng: random.Random) -> Shapes:
    return Shapes(rng.choice(DATE_SHAPES), rng.choice(MONEY_SHAPES))


def person(rng: random.Random) -> tuple[str, list[Row]]:
    """The addressee: ("Dear ..." line, address rows)."""
    title, first, surname = rng.choice(PEOPLE)
    lines = (f"{title} {first[0]} {surname}", *rng.choice(ADDRESSES))
    return f"Dear {title} {surname}", [(t(0.09, x),) for x in lines]


def alike(rng: random.Random, fact: Fact, sh: Shapes) -> str:
    """A distractor row's value in the fact's column: another account, amount or date."""
    if fact.kind == "money":
        assert isinstance(fact.raw, int)
        return sh.amount(max(500, fact.raw + rng.randrange(-fact.raw // 2, fact.raw)))
    if fact.kind == "date":
        assert isinstance(fact.raw, dt.date)
        return sh.when(fact.raw + dt.timedelta(days=rng.choice((-41, -27, 19, 33))))
    if fact.kind == "ref":
        return "".join(rng.choice("0123456789") if c.isdigit() else c for c in str(fact.raw))
    return str(fact.raw)


@frozen(kw_only=True)
class Letter:
    """What a template says: who, to whom and about what, and its facts."""

    sender: str
    address: str
    title: str
    date: dt.date
    sh: Shapes
    truth: Truth
    intro: Sequence[str] = ()
    facts: Sequence[Fact] = ()
    said: Sequence[str] = ()
    """The facts as sentences (the "prose" kind)."""
    close: Sequence[str] = ()
    several: int = 0
    """Distractor rows in a ledger (other accounts, sub-accounts or orders)."""
    slip: Sequence[tuple[str, str]] = ()
    greet: bool = True
    small: str = ""


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    """The letter in the kind ``kinds[i % 2]``: "qa", "ledger", "timeline", "prose",
    "backwards" or "overleaf" (a covering page, the facts as questions on page 2)."""
    kind = kinds[i % 2]
    base = STYLES[(i + len(letter.title)) % len(STYLES)]
    wide = kind == "ledger" and len(letter.facts) + (letter.several > 0) >= 5
    style = Style(base.face, base.point, landscape=wide)
    sh = letter.sh
    dear, rows = person(rng)
    page = Sheet(style)
    page.head(letter.sender, letter.address).gap()
    page.add(*rows)
    page.add((rt(0.93, sh.when(letter.date)),)).gap()
    page.add((t(0.09, letter.title, True, size=style.point + 2),)).gap()
    if letter.greet:
        page.para(dear + ",", x=0.09).gap()
    for text in letter.intro:
        page.para(text, x=0.09, right=0.91).gap()
    pages = [page]
    shown = [(f, sh.show(f)) for f in letter.facts]
    if kind == "prose":
        for text in letter.said:
            page.para(text, x=0.09, right=0.91).gap()
    elif kind == "qa":
        page.questions([(f.question, v) for f, v in shown])
    elif kind == "backwards":
        page.backwards([(f.header.lower(), v) for f, v in shown]).gap()
    elif kind == "timeline":
        plain = [(f.header, v) for f, v in shown if f.kind != "date"]
        page.add(*((t(0.09, h, size=SMALL), t(0.33, v, True)) for h, v in plain)).gap()
        events = [(sh.when(letter.date), "The date of this letter")]
        events += [(v, f.event) for f, v in shown if f.kind == "date"]
        page.timeline(events).gap()
    elif kind == "ledger":
        subject = [v for _, v in shown]
        if letter.several:
            others = [[alike(rng, f, sh) for f in letter.facts] for _ in range(letter.several)]
            mark = rng.randrange(letter.several + 1)
            table = [*others[:mark], subject, *others[mark:]]
            page.ledger([f.header for f in letter.facts], table, mark)
            page.add(
                (
                    t(
                        0.09,
                        "* The line this letter is about. The others are shown for your information only.",
                        size=SMALL,
                    ),
                )
            )
        else:
            page.ledger([f.header for f in letter.facts], [subject], None)
        page.gap()
    else:  # overleaf: the facts are all on page 2
        page.para("The details you need are set out over the page.", x=0.09).gap()
        back = Sheet(style)
        back.add((t(0.07, f"{letter.sender}: page 2 of 2", size=SMALL),)).gap()
        back.questions([(f.question, v) for f, v in shown])
        pages.append(back)
    last = pages[-1]
    for text in letter.close:
        last.para(text, x=0.09, right=0.91).gap()
    small = (
        t(
            0.07,
            letter.small
            or f"{letter.sender}. Registered office as above, company number {digits(rng, 8)}.",
            size=6.5,
        ),
    )
    if letter.slip and kind != "overleaf":
        last.slip(f"Payment slip: {letter.sender}", letter.slip, small)
    else:
        last.footer(small)
    return Doc(truth=letter.truth, sheets=pages, style=style)


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


def bank_slip(rng: random.Random, ref: str, suggested: int, sh: Shapes) -> list[tuple[str, str]]:
    """A slip's lines: the reference, a suggested payment (a distractor), the bank's
    details (distractors) and a blank for the amount paid."""
    return [
        ("Quote", ref),
        ("We suggest", sh.amount(suggested)),
        ("Our sort code", f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}"),
        ("Our account", digits(rng, 8)),
        ("You are paying", "£ ............"),
    ]


# -- the templates ------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """Four templates: a card issuer's questions-and-answers letter, an agency's letter in
    sentences for a debt purchaser, a card issuer's ledger of several cards, an agency's
    timeline (``i % 4``)."""
    if i % 2:
        return agency_letter(rng, i // 2)
    lender = LENDERS[0]
    sh, date = shapes(rng), dated(rng)
    ref, owed = f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}", balance(rng)
    by = date + dt.timedelta(days=14)
    minimum = max(2_500, owed // 30)
    return compose(
        rng,
        i // 2,
        ("qa", "ledger"),
        Letter(
            sender=lender,
            address="Card Services, PO Box 7731, Swindon SN38 2ZT",
            title="Your card account is overdue",
            date=date,
            sh=sh,
            intro=(
                "We have not received the minimum payments due on your credit card, so your account is now overdue. We want to help you get back on track.",
            ),
            facts=[
                Fact("Which account is this about?", "Card (16 digits)", ref, "ref"),
                Fact("How much is overdue?", "Behind by", owed, "money"),
                Fact("What is the least I can pay each month?", "Lowest payment", minimum, "money"),
                Fact(
                    "When do I need to pay?",
                    "Last day to pay",
                    by,
                    "date",
                    "Last day to pay what is overdue",
                ),
            ],
            close=(
                "If you are struggling, free and impartial help is available from the Money and Pensions Service.",
            ),
            several=2,
            slip=bank_slip(rng, ref, minimum, sh) if i % 4 == 0 else (),
            truth=debt(C.CREDITOR_LETTER, lender, ref, owed, date, deadline_date=by),
        ),
    )


def agency_letter(rng: random.Random, i: int) -> Doc:
    """A credit-management agency collecting for a debt purchaser (who is owed) a debt first
    owed to a lender; the agency's own case number is a distractor."""
    agency, buyer, lender = AGENCIES[0], PURCHASERS[0], LENDERS[i % 2]
    sh, date = shapes(rng), dated(rng)
    ref, owed = f"WEL{digits(rng, 7)}", balance(rng)
    by = date + dt.timedelta(days=10)
    ours = f"DCM/{digits(rng, 6)}"
    return compose(
        rng,
        i,
        ("prose", "timeline"),
        Letter(
            sender=agency,
            address="Lindisfarne House, Quayside, Newcastle upon Tyne NE1 3DX",
            title=f"Your account with {buyer}",
            date=date,
            sh=sh,
            intro=(
                f"We are a debt collection agency. {buyer} owns your account, which it bought from {lender}, and has asked us to contact you about it. Our own case number is {ours}.",
            ),
            said=(
                f"The account number with {buyer} is {ref}. The balance you owe is {sh.amount(owed)}. Please pay it, or call us to agree a plan you can afford, no later than {sh.when(by)}.",
            ),
            facts=[
                Fact("", "Account with our client", ref, "ref"),
                Fact("", "Left outstanding", owed, "money"),
                Fact("", "", by, "date", "Please pay or call us by this date"),
                Fact(
                    "",
                    "",
                    by + dt.timedelta(days=28),
                    "date",
                    "We may recommend legal action to our client",
                ),
            ],
            close=(
                "If you are in financial difficulty, tell us: we will put your account on hold for 30 days while you get advice.",
            ),
            small=f"{agency} is authorised and regulated by the Financial Conduct Authority (FRN {digits(rng, 6)}).",
            truth=debt(
                C.CREDITOR_LETTER,
                buyer,
                ref,
                owed,
                date,
                deadline_date=by,
                original_creditor=lender,
            ),
        ),
    )


def claim_form(rng: random.Random, i: int) -> Doc:
    """A money claim by the loan lender: a deemed service date printed and the date to
    respond by."""
    lender = LENDERS[1]
    sh, date = shapes(rng), dated(rng)
    ref, owed = f"WEL{digits(rng, 7)}", balance(rng, 60_000, 900_000)
    served = date + dt.timedelta(days=5)
    by = served + dt.timedelta(days=14)
    claim = f"{letters(rng, 1)}{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 4)}"
    court = COURTS[i % 2]
    return compose(
        rng,
        i,
        ("ledger", "qa"),
        Letter(
            sender=f"In the County Court at {court}",
            address="Claim form (CPR Part 7): claim for a specified amount of money",
            title=f"{lender} v. you",
            date=date,
            sh=sh,
            greet=False,
            intro=(
                f"The claimant, {lender}, claims the amount below, which it says you owe under a personal loan agreement, with interest and the court fee.",
            ),
            facts=[
                Fact("What is the claim number?", "Court's number", claim, "ref"),
                Fact("What is the loan account?", "Loan agreement no.", ref, "ref"),
                Fact("How much is claimed in total?", "Whole claim", owed, "money"),
                Fact(
                    "When is the claim served?",
                    "Served (deemed)",
                    served,
                    "date",
                    "The claim is deemed served",
                ),
                Fact("When must I respond?", "Answer by", by, "date", "Last day to respond"),
            ],
            close=(
                "Respond using the forms in the response pack. If you do not respond, the claimant may ask for judgment against you.",
            ),
            small="Issued by the court. Help with the response pack: www.gov.uk/respond-money-claim",
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
        ),
    )


def judgment(rng: random.Random, i: int) -> Doc:
    """A judgment for the debt purchaser, the debt first the card issuer's."""
    buyer, lender = PURCHASERS[0], LENDERS[0]
    sh, date = shapes(rng), dated(rng)
    ref, owed = f"MPR-{digits(rng, 7)}", balance(rng, 40_000, 700_000)
    by = date + dt.timedelta(days=30)
    claim = f"{digits(rng, 3)}{letters(rng, 2)}{digits(rng, 3)}"
    return compose(
        rng,
        i,
        ("timeline", "prose"),
        Letter(
            sender=f"In the County Court at {COURTS[(i + 1) % 2]}",
            address="Judgment for the claimant (default)",
            title=f"Judgment: {buyer} (claimant)",
            date=date,
            sh=sh,
            greet=False,
            intro=(
                f"You did not respond to the claim, so judgment has been entered against you in favour of {buyer}, which bought the debt from {lender}. Pay the claimant, not the court.",
            ),
            said=(
                f"You must pay {sh.amount(owed)} to the claimant, quoting their reference {ref}, by {sh.when(by)}. The claim number is {claim}.",
            ),
            facts=[
                Fact("", "Court's number", claim, "ref"),
                Fact("", "Claimant's account no.", ref, "ref"),
                Fact("", "Sum of the judgment", owed, "money"),
                Fact("", "", by, "date", "Judgment sum due in full"),
            ],
            close=(
                "If you pay in full within one month of the judgment, you can ask for it to be removed from the register.",
            ),
            small="Court office: Monday to Friday, 10am to 4pm. Quote the claim number.",
            truth=debt(
                C.COUNTY_COURT_JUDGMENT,
                buyer,
                ref,
                owed,
                date,
                court_claim_number=claim,
                deadline_date=by,
                original_creditor=lender,
            ),
        ),
    )


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """An enforcement company for a council: its case reference is what must be quoted."""
    council = COUNCILS[i % 2]
    sh, date = shapes(rng), dated(rng)
    case, owed = f"TV{digits(rng, 8)}", balance(rng, 30_000, 260_000)
    by = date + dt.timedelta(days=7)
    return compose(
        rng,
        i,
        ("qa", "ledger"),
        Letter(
            sender=AGENTS[0],
            address="Enforcement House, Wilford Lane, Nottingham NG2 7QW",
            title="Notice of enforcement: council tax",
            date=date,
            sh=sh,
            intro=(
                f"{council} obtained a liability order against you for unpaid council tax and has instructed us to collect it. A compliance fee has been added.",
            ),
            facts=[
                Fact("What reference must I quote?", "Quote this case", case, "ref"),
                Fact("How much must I pay?", "Needed to settle", owed, "money"),
                Fact("By when?", "Clear it by", by, "date", "Pay in full or agree a plan by"),
            ],
            close=(
                "If you do not pay, an enforcement agent may visit to take control of your goods, and further fees will be added.",
            ),
            slip=bank_slip(rng, case, owed, sh) if i % 2 == 0 else (),
            truth=debt(C.ENFORCEMENT_AGENT_NOTICE, council, case, owed, date, deadline_date=by),
        ),
    )


def statutory_demand(rng: random.Random, i: int) -> Doc:
    """A scaffolding company's statutory demand for unpaid hire."""
    sh, date = shapes(rng), dated(rng)
    ref, owed = f"RS-INV-{digits(rng, 5)}", balance(rng, 500_000, 2_400_000)
    by = date + dt.timedelta(days=21)
    return compose(
        rng,
        i,
        ("prose", "ledger"),
        Letter(
            sender=SCAFFOLDER,
            address="Unit 9, Downs Road Industrial Estate, Wantage OX12 9FA",
            title="Statutory demand under section 268(1)(a) of the Insolvency Act 1986",
            date=date,
            sh=sh,
            greet=False,
            intro=(
                f"{SCAFFOLDER}, the creditor, demands that you pay the debt below, which is payable now, for scaffolding hire and erection.",
            ),
            said=(
                f"The debt is {sh.amount(owed)} under invoice {ref}. You must pay it, or secure or compound it to the creditor's satisfaction, by {sh.when(by)}.",
            ),
            facts=[
                Fact("", "Unpaid invoice", ref, "ref"),
                Fact("", "Sum due now", owed, "money"),
                Fact("", "Comply by", by, "date"),
            ],
            close=(
                "If you do not, the creditor may present a bankruptcy petition against you. You may apply to the court to set this demand aside within 18 days of service.",
            ),
            truth=debt(C.STATUTORY_DEMAND, SCAFFOLDER, ref, owed, date, deadline_date=by),
        ),
    )


def council_tax(rng: random.Random, i: int) -> Doc:
    council = COUNCILS[(i + 1) % 2]
    sh, date = shapes(rng), dated(rng)
    ref, owed = digits(rng, 10), balance(rng, 9_000, 180_000)
    by = date + dt.timedelta(days=7)
    return compose(
        rng,
        i,
        ("ledger", "timeline"),
        Letter(
            sender=council,
            address="Revenues Team, Council House, Gibbs Road",
            title="Council Tax: instalments missed",
            date=date,
            sh=sh,
            intro=("Your Council Tax instalments have not been paid as they fell due.",),
            facts=[
                Fact("", "CT account ref", ref, "ref"),
                Fact("", "Instalments missed", owed, "money"),
                Fact(
                    "", "Bring up to date by", by, "date", "The missed instalments must reach us by"
                ),
                Fact(
                    "",
                    "Magistrates' hearing",
                    by + dt.timedelta(days=35),
                    "date",
                    "Hearing for a liability order if unpaid",
                ),
            ],
            close=(
                "If you pay late you lose the right to pay by instalments and the rest of the year becomes due at once.",
            ),
            small=f"{council}. Council Tax enquiries: 0300 {digits(rng, 3)} {digits(rng, 4)}.",
            truth=debt(C.COUNCIL_TAX, council, ref, owed, date, deadline_date=by),
        ),
    )


def utility_bill(rng: random.Random, i: int) -> Doc:
    water = WATER[0]
    sh, date = shapes(rng), dated(rng)
    ref, owed = f"{digits(rng, 3)} {digits(rng, 4)} {digits(rng, 3)}", balance(rng, 4_000, 90_000)
    by = date + dt.timedelta(days=14)
    return compose(
        rng,
        i,
        ("backwards", "qa"),
        Letter(
            sender=water,
            address="Customer Centre, Weycroft Avenue, Axminster EX13 5HU",
            title="What your water has cost",
            date=date,
            sh=sh,
            intro=(
                f"This bill is for water and sewerage at your home for the six months to {padded(date - dt.timedelta(days=4))}, from meter readings.",
            ),
            facts=[
                Fact("What is my customer number?", "Water customer no.", ref, "ref"),
                Fact("How much is this bill?", "Amount of this bill", owed, "money"),
                Fact("When is it due?", "Payable by", by, "date"),
            ],
            close=("Struggling to pay? Ask about our help scheme, which can cut your bill.",),
            truth=debt(C.UTILITY_BILL, water, ref, owed, date, deadline_date=by),
        ),
    )


def utility_arrears(rng: random.Random, i: int) -> Doc:
    energy = ENERGY[0]
    sh, date = shapes(rng), dated(rng)
    ref, owed = f"KSE-{digits(rng, 4)}-{digits(rng, 4)}", balance(rng, 20_000, 300_000)
    by = date + dt.timedelta(days=14)
    return compose(
        rng,
        i,
        ("timeline", "prose"),
        Letter(
            sender=energy,
            address="Edale Road, Hope Valley S33 7ZP",
            title="Your energy account is behind",
            date=date,
            sh=sh,
            intro=(
                "We have not been paid for the gas and electricity you have used, and your account is in debt.",
            ),
            said=(
                f"Your account {ref} is {sh.amount(owed)} in arrears. Please pay, or call us to set up a payment plan, by {sh.when(by)}.",
            ),
            facts=[
                Fact("", "Gas & electric account", ref, "ref"),
                Fact("", "Behind by", owed, "money"),
                Fact("", "", by, "date", "Last day to pay or agree a plan"),
                Fact(
                    "",
                    "",
                    by + dt.timedelta(days=21),
                    "date",
                    "We may ask a court for a warrant to change your meter",
                ),
            ],
            close=(
                "If you are in vulnerable circumstances, please tell us so we can add you to our Priority Services Register.",
            ),
            truth=debt(C.UTILITY_ARREARS, energy, ref, owed, date, deadline_date=by),
        ),
    )


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    court = FINE_COURTS[i % 2]
    sh, date = shapes(rng), dated(rng)
    ref, owed = f"{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 6)}", balance(rng, 10_000, 150_000)
    by = date + dt.timedelta(days=10)
    return compose(
        rng,
        i,
        ("qa", "timeline"),
        Letter(
            sender=court,
            address="HM Courts & Tribunals Service, Fines Collection",
            title="Your fine is unpaid",
            date=date,
            sh=sh,
            intro=(
                "The court ordered you to pay a fine, prosecution costs and a victim surcharge. You have not paid as ordered.",
            ),
            facts=[
                Fact("What is my account number?", "Fines account ref", ref, "ref"),
                Fact("How much is unpaid?", "Left to pay", owed, "money"),
                Fact("When must I pay?", "Pay off by", by, "date", "The whole fine paid off by"),
            ],
            close=(
                "If you do not pay, the court can increase the fine by 50%, take it from your wages or benefits, or send enforcement agents.",
            ),
            slip=bank_slip(rng, ref, owed, sh) if i % 2 == 0 else (),
            small="HMCTS Fines Collection. Lines open 8am to 6pm.",
            truth=debt(C.MAGISTRATES_FINE, court, ref, owed, date, deadline_date=by),
        ),
    )


def assignment(rng: random.Random, i: int) -> Doc:
    buyer, lender = PURCHASERS[0], LENDERS[i % 2]
    sh, date = shapes(rng), dated(rng)
    ref, owed = f"MPR-{digits(rng, 7)}", balance(rng)
    old = f"{digits(rng, 10)}"
    return compose(
        rng,
        i,
        ("ledger", "prose"),
        Letter(
            sender=buyer,
            address="2 Dune Walk, Formby, Liverpool L37 2DT",
            title="Notice of assignment of your account",
            date=date,
            sh=sh,
            intro=(
                f"{lender} has assigned (sold) your account to {buyer}. You now owe the balance to us and should make all payments to us.",
            ),
            said=(
                f"Your new account number with us is {ref} (your old account number with {lender} was {old}). The balance assigned to us is {sh.amount(owed)}.",
            ),
            facts=[
                Fact("", "Our account no.", ref, "ref"),
                Fact("", "Old account no.", old, "ref"),
                Fact("", "Sum transferred to us", owed, "money"),
            ],
            close=(
                "The terms of your agreement have not changed. Any payments you send to the old lender will be passed to us.",
            ),
            truth=debt(C.NOTICE_OF_ASSIGNMENT, buyer, ref, owed, date, original_creditor=lender),
        ),
    )


def overpayment(rng: random.Random, i: int) -> Doc:
    """The Attendance Allowance Unit's overpayment decision (even ``i``) or a borough
    council's Housing Benefit overpayment invoice with a slip (odd)."""
    sh, date = shapes(rng), dated(rng)
    owed = balance(rng, 15_000, 350_000)
    by = date + dt.timedelta(days=28)
    if i % 2 == 0:
        ref = f"AA/{digits(rng, 8)}"
        return compose(
            rng,
            i,
            ("prose", "qa"),
            Letter(
                sender=AA_UNIT,
                address="Mail Handling Site A, Wolverhampton WV98 2AD",
                title="We paid you too much Attendance Allowance",
                date=date,
                sh=sh,
                intro=(
                    "We paid you Attendance Allowance while you were in hospital for more than 28 days, when it should have stopped. This overpayment can be recovered from you.",
                ),
                said=(
                    f"The overpayment is {sh.amount(owed)}. Your overpayment reference is {ref}. Please pay it, or contact us to agree repayments, by {sh.when(by)}.",
                ),
                facts=[
                    Fact("What is my reference?", "AA overpayment no.", ref, "ref"),
                    Fact("How much was overpaid?", "More than due", owed, "money"),
                    Fact("When should I pay?", "Repay by", by, "date"),
                ],
                close=(
                    "You can ask us to look at this decision again within one month of the date of this letter.",
                ),
                small="Department for Work and Pensions.",
                truth=debt(C.OVERPAYMENT, AA_UNIT, ref, owed, date, deadline_date=by),
            ),
        )
    council = COUNCILS[1]
    ref = f"HBOP{digits(rng, 6)}"
    return compose(
        rng,
        i,
        ("prose", "qa"),
        Letter(
            sender=council,
            address="Housing Benefit Section, Gibson Building, West Malling ME19 4LZ",
            title="Invoice: Housing Benefit overpaid",
            date=date,
            sh=sh,
            intro=(
                "Your Housing Benefit was reduced because your partner started work, but we had already paid it to you. The overpayment is recoverable.",
            ),
            said=(
                f"Invoice {ref} is for {sh.amount(owed)}. Please pay by {sh.when(by)}, or ask us to take it from your ongoing benefit.",
            ),
            facts=[
                Fact("What is the invoice number?", "HB invoice", ref, "ref"),
                Fact("How much is the invoice?", "Invoice total", owed, "money"),
                Fact("When should I pay?", "Repay by", by, "date"),
            ],
            slip=bank_slip(rng, ref, owed // 10, sh),
            small=f"{council}. Council offices open 9am to 5pm.",
            truth=debt(C.OVERPAYMENT, council, ref, owed, date, deadline_date=by),
        ),
    )


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    """A mutual's arrears letter: a ledger of the loan's sub-accounts (one in arrears, the
    subject), or a timeline of the steps towards possession."""
    society = MORTGAGES[0]
    sh, date = shapes(rng), dated(rng)
    base = digits(rng, 7)
    ref, owed = f"{base}-02", balance(rng, 50_000, 900_000)
    by = date + dt.timedelta(days=14)
    return compose(
        rng,
        i,
        ("ledger", "timeline"),
        Letter(
            sender=society,
            address="Mutual House, Hagley Road, Stourbridge DY8 1QT",
            title="Your mortgage: payments missed",
            date=date,
            sh=sh,
            intro=(
                f"Payments on your mortgage have been missed. The whole loan still to repay is {money(rng.randrange(6_000_000, 18_000_000))}; what you must pay now is the arrears.",
            ),
            facts=[
                Fact("", "Loan part", ref, "ref"),
                Fact("", "Missed so far", owed, "money"),
                Fact("", "Ring us by", by, "date", "Call us to discuss a plan by"),
            ],
            several=1 if i % 2 == 0 else 0,
            close=(
                "We will only ever take possession of your home as a last resort. Free advice is available from a debt adviser.",
            ),
            small=f"{society} is authorised by the Prudential Regulation Authority. Firm reference {digits(rng, 6)}.",
            truth=debt(C.MORTGAGE_ARREARS, society, ref, owed, date, deadline_date=by),
        ),
    )


def rent_arrears(rng: random.Random, i: int) -> Doc:
    landlord = LANDLORDS[0]
    sh, date = shapes(rng), dated(rng)
    ref, owed = f"OF{digits(rng, 5)}/{digits(rng, 2)}", balance(rng, 20_000, 320_000)
    by = date + dt.timedelta(days=7)
    weekly = rng.randrange(9_000, 16_000)
    return compose(
        rng,
        i,
        ("qa", "backwards"),
        Letter(
            sender=landlord,
            address="Income Team, Redesdale Court, Otterburn NE19 1NS",
            title="Rent: you are behind",
            date=date,
            sh=sh,
            intro=(
                "Your rent account shows that rent has not been paid in full. Rent is payable weekly in advance.",
            ),
            facts=[
                Fact("Which tenancy is this?", "Tenancy ref no.", ref, "ref"),
                Fact("How much rent is owed?", "Rent behind", owed, "money"),
                Fact("What is my weekly rent?", "Rent a week", weekly, "money"),
                Fact("When must I contact you?", "Speak to us by", by, "date"),
            ],
            close=(
                "If you receive Universal Credit, please tell your income officer so we can ask for the housing element to be paid to us.",
            ),
            slip=bank_slip(rng, ref, weekly, sh) if i % 2 == 0 else (),
            truth=debt(C.RENT_ARREARS, landlord, ref, owed, date, deadline_date=by),
        ),
    )


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    """A pay-later firm's ledger of orders (one overdue: the subject) or a home-shopping
    catalogue's timeline."""
    firm = (BNPL + CATALOGUES)[i % 2]
    sh, date = shapes(rng), dated(rng)
    ref, owed = f"{letters(rng, 2)}{digits(rng, 7)}", balance(rng, 3_000, 120_000)
    by = date + dt.timedelta(days=5)
    return compose(
        rng,
        i,
        ("ledger", "timeline"),
        Letter(
            sender=firm,
            address="Customer Support, 14 Wharf Street, Leeds LS2 7EQ",
            title="A payment is overdue",
            date=date,
            sh=sh,
            intro=(
                "We could not take your last instalment and your account is now overdue. You cannot place new orders until it is paid.",
            ),
            facts=[
                Fact("", "Purchase", ref, "ref"),
                Fact("", "Instalment not taken", owed, "money"),
                Fact("", "Clear by", by, "date", "Pay what is overdue by"),
            ],
            several=2,
            close=("A late fee may be charged if the overdue amount is not paid.",),
            truth=debt(C.BNPL_CATALOGUE_ARREARS, firm, ref, owed, date, deadline_date=by),
        ),
    )


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    """Solicitors for the card issuer: the client is owed; the firm's own reference is a
    distractor. The second template's facts are all on page 2."""
    lender = LENDERS[0]
    sh, date = shapes(rng), dated(rng)
    ref, owed = (
        f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}",
        balance(rng, 80_000, 900_000),
    )
    by = date + dt.timedelta(days=30)
    return compose(
        rng,
        i,
        ("prose", "overleaf"),
        Letter(
            sender=SOLICITORS[0],
            address="5 Cathedral Close, Exeter EX1 1EZ",
            title="Letter of claim (Pre-Action Protocol for Debt Claims)",
            date=date,
            sh=sh,
            intro=(
                f"We act for {lender}. Our reference is AT/{letters(rng, 2)}/{digits(rng, 5)}. Our client says you owe it money under a credit card agreement and has asked us to recover it.",
            ),
            said=(
                f"The card account is {ref} and the sum our client claims is {sh.amount(owed)}. Please reply using the enclosed reply form by {sh.when(by)}.",
            ),
            facts=[
                Fact("Who is owed?", "Our client (owed)", lender, "text"),
                Fact("Which account?", "Card agreement no.", ref, "ref"),
                Fact("How much does our client claim?", "Sum sought", owed, "money"),
                Fact("When must you reply?", "Reply form back by", by, "date"),
            ],
            close=(
                "If you do not reply, our client may start court proceedings against you without further notice. An information sheet and reply form are enclosed.",
            ),
            small=f"{SOLICITORS[0]} is authorised and regulated by the Solicitors Regulation Authority (SRA number {digits(rng, 6)}).",
            truth=debt(C.LETTER_OF_CLAIM, lender, ref, owed, date, deadline_date=by),
        ),
    )


def payslip(rng: random.Random, i: int) -> Doc:
    """A care home's weekly payslip as a ledger (this period and the year to date, a
    distractor) or a freight firm's monthly one set right to left."""
    employer = EMPLOYERS[i % 2]
    frequency = ("weekly", "monthly")[i % 2]
    sh, date = shapes(rng), dated(rng)
    gross = (
        rng.randrange(40_000, 90_000) if frequency == "weekly" else rng.randrange(160_000, 380_000)
    )
    net = gross - rng.randrange(gross // 8, gross // 4)
    truth = Truth(
        document_class=C.PAYSLIP,
        payer_name=employer,
        income_pence=net,
        gross_pence=gross,
        letter_date=date,
        frequency=frequency,
    )
    style = STYLES[i % len(STYLES)]
    page = Sheet(style)
    page.head(employer, "Payroll: private and confidential").gap()
    page.add(
        (
            t(
                0.09,
                f"Employee {digits(rng, 6)}   NI number {letters(rng, 2)}{digits(rng, 6)}{letters(rng, 1)}   tax code 1257L",
            ),
        )
    )
    page.add((t(0.09, f"Paid {FREQUENCY_SHOWN[frequency][0]}"),)).gap()
    if i % 2 == 0:
        weeks = rng.randrange(8, 40)
        page.ledger(
            ("", "Date paid", "Earned", "Taken off", "Paid to you"),
            [
                ("This period", sh.when(date), money(gross), money(gross - net), money(net)),
                (
                    "Year to date",
                    f"week {weeks}",
                    money(gross * weeks),
                    money((gross - net) * weeks),
                    money(net * weeks),
                ),
            ],
            None,
        )
    else:
        page.add((t(0.09, "Pay advice", True, size=page.style.point + 2),)).gap()
        page.backwards(
            [
                ("paid into your bank on", sh.when(date)),
                ("earned this month before tax", money(gross)),
                ("PAYE tax", money((gross - net) * 2 // 3)),
                ("NI contributions", money(gross - net - (gross - net) * 2 // 3)),
                ("paid into your bank", money(net)),
            ]
        )
    page.gap().para(
        "Please check this payslip and keep it safe. Ask the payroll office if anything is wrong.",
        x=0.09,
    )
    page.footer((t(0.07, f"{employer}. Registered in England and Wales.", size=6.5),))
    return Doc(truth=truth, sheets=[page], style=style)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """A current-account statement, the statement's date set right at the top: the
    transactions as a landscape ledger, or each amount first, set right, then its date and
    details."""
    bank = BANKS[0]
    sh, date = shapes(rng), dated(rng)
    style = STYLES[(i + 1) % len(STYLES)]
    style = Style(style.face, style.point, landscape=i % 2 == 0)
    page = Sheet(style)
    page.head(bank, "Current account statement").gap()
    page.add(
        (
            t(
                0.09,
                f"Sort code {digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}   Account {digits(rng, 8)}",
            ),
        )
    )
    page.add((rt(0.93, sh.when(date)),)).gap()
    start = date - dt.timedelta(days=30)
    page.para(f"Your transactions for the month ending {sh.when(date)}.", x=0.09).gap()
    running = rng.randrange(5_000, 120_000)
    rows: list[tuple[str, ...]] = [(sh.when(start), "Brought forward", "", "", money(running))]
    for n, (what, out) in enumerate(
        (("TESCO 2041", True), ("DD WYCHAVON", True), ("BGC WAGES", False), ("FUEL STN", True))
    ):
        pence = rng.randrange(900, 60_000) if out else rng.randrange(80_000, 200_000)
        running += -pence if out else pence
        rows.append(
            (
                sh.when(start + dt.timedelta(days=6 * n + 3)),
                what,
                money(pence) if out else "",
                "" if out else money(pence),
                money(running),
            )
        )
    if i % 2 == 0:
        page.ledger(("Date", "Details", "Paid out", "Paid in", "Balance"), rows, None)
    else:  # amounts first, set right (money out with a minus), then the date and details
        page.add(
            (
                rt(0.30, "Amount", True, size=SMALL),
                t(0.33, "Date", True, size=SMALL),
                t(0.55, "Details", True, size=SMALL),
            )
        )
        for when, what, paid_out, paid_in, _ in rows[1:]:
            page.add(
                (rt(0.30, f"-{paid_out}" if paid_out else paid_in), t(0.33, when), t(0.55, what))
            )
        page.gap().para(f"Opening balance {rows[0][4]}; closing balance {money(running)}.", x=0.09)
    page.gap().para("Your deposits are protected up to the FSCS limit.", x=0.09)
    page.footer((t(0.07, f"{bank}. Authorised by the Prudential Regulation Authority.", size=6.5),))
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=[page], style=style
    )


def benefit(rng: random.Random, i: int) -> Doc:
    """Attendance Allowance every 28 days (questions), or Industrial Injuries Disablement
    Benefit each week (sentences)."""
    sh, date = shapes(rng), dated(rng)
    payer, frequency = ((AA_UNIT, "four_weekly"), (IIDB, "weekly"))[i % 2]
    every = (
        rng.randrange(28_000, 44_000) if frequency == "four_weekly" else rng.randrange(4_000, 9_000)
    )
    shown = FREQUENCY_SHOWN[frequency][0]
    return compose(
        rng,
        i,
        ("qa", "prose"),
        Letter(
            sender=payer,
            address="Department for Work and Pensions",
            title="Decision on your claim",
            date=date,
            sh=sh,
            intro=("We have decided your claim. This letter tells you what we will pay you.",),
            said=(
                f"We will pay you {money(every)} {shown}, straight into your bank account, from the date of this letter.",
            ),
            facts=[
                Fact("How much will I get?", "Sum each time", money(every), "text"),
                Fact("How often?", "Paid at intervals", shown, "text"),
            ],
            close=(
                "You must tell us about any change in your circumstances, such as going into hospital or a care home.",
            ),
            small="If you disagree with this decision, ask us to look at it again within one month.",
            truth=Truth(
                document_class=C.BENEFIT_AWARD,
                payer_name=payer,
                income_pence=every,
                letter_date=date,
                frequency=frequency,
            ),
        ),
    )


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: a law centre's appointment letter (questions), or an energy supplier
    crediting the Warm Home Discount (sentences)."""
    sh, date = shapes(rng), dated(rng)
    if i % 2 == 0:
        return compose(
            rng,
            i,
            ("qa", "qa"),
            Letter(
                sender=LAW_CENTRE,
                address="Free legal advice: housing, debt and welfare benefits",
                title="Seeing an adviser",
                date=date,
                sh=sh,
                intro=(
                    "Thank you for contacting us. Please bring any letters about money you owe, your bank statements and proof of income.",
                ),
                facts=[
                    Fact(
                        "When is my appointment?",
                        "",
                        f"{sh.when(date + dt.timedelta(days=8))} at 10.30am",
                        "text",
                    ),
                    Fact("Who will I see?", "", "Priya Raman, debt caseworker", "text"),
                ],
                small="A registered charity. Our advice is free, confidential and independent.",
                truth=Truth(document_class=C.OTHER),
            ),
        )
    return compose(
        rng,
        i,
        ("prose", "prose"),
        Letter(
            sender=ENERGY[0],
            address="Edale Road, Hope Valley S33 7ZP",
            title="Good news: the Warm Home Discount",
            date=date,
            sh=sh,
            intro=("You are eligible for the Warm Home Discount this winter.",),
            said=(
                f"We have added a credit of {money(15_000)} to your electricity account. You do not need to do anything, and there is nothing to pay.",
            ),
            truth=Truth(document_class=C.OTHER),
        ),
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
class QSample(Sample):
    """A sample of family Q: its style, boxes, rules and footers per page."""

    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_q(per_class: int = 4, *, seed: int = 6029) -> list[QSample]:
    """``per_class`` documents of every class, held out, family ``<class>:Q``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, QSample)


# -- layout: words with exact boxes, text, images --------------------------------------------------

PRINT = Printer(FONTS.font, FONTS.measure)
"""The printed page (``corpus_print``, shared with the other families) in Q's faces."""
page_size = PRINT.page_size
layout = PRINT.layout
_rows = PRINT.rows
q_words = PRINT.words
q_page_text = PRINT.page_text
q_text = PRINT.text
q_pages = PRINT.pages


@frozen(kw_only=True)
class QScan(Scan):
    """How Q is printed and scanned: besides ``Scan``'s effects (dpi, skew, speckle, blur,
    paper grey), the ink's grey level, show-through of the back of the sheet, a highlighter
    band over the first amount, a book-scanner's dark gutter down the left edge, a fax
    (black and white with drop-out lines) and a pen circle round an amount."""

    ink: int = 25
    show_through: bool = False
    highlight: bool = False
    gutter: bool = False
    fax: bool = False
    circle: bool = False


SCANS = (
    QScan(dpi=200, show_through=True, rotate=0.5),
    QScan(dpi=300, highlight=True, gutter=True, paper=246),
    QScan(dpi=150, fax=True, rotate=-0.4),
    QScan(dpi=275, circle=True, blur=0.5, noise=0.0004),
)
"""200 dpi with the back of the sheet showing through, slightly skewed; 300 dpi with a
highlighter band and a dark gutter on grey paper; 150 dpi faxed, skewed the other way;
275 dpi with an amount circled in pen, softened and speckled."""


def _amount_box(sample: QSample, n: int, dpi: int) -> tuple[int, int, int, int] | None:
    """The first cell on the page that holds an amount, as (left, top, right, bottom)."""
    for p in layout(sample, n, dpi):
        if "£" in p.cell.text or "GBP" in p.cell.text:
            return p.left, p.top, p.left + round(p.length(p.cell.text)), p.top + p.size
    return None


def _show_through(image: Image.Image) -> Image.Image:
    """The back of the sheet (here: the page itself, mirrored) faintly through the paper."""
    back = ImageOps.mirror(image).point(lambda v: 255 - (255 - v) * 12 // 100)
    return ImageChops.multiply(image, back.filter(ImageFilter.GaussianBlur(1.5)))


def _gutter(image: Image.Image) -> Image.Image:
    """A book scanner's shadow: the left edge dark, fading out over 7% of the width."""
    width, height = image.size
    span = max(1, round(width * 0.07))
    ramp = Image.linear_gradient("L").rotate(90, expand=True).resize((span, height))
    shade = Image.new("L", image.size, 255)
    shade.paste(ramp.point(lambda v: 90 + v * 165 // 255), (0, 0))
    return ImageChops.multiply(image, shade)


def _fax(image: Image.Image, seed: int) -> Image.Image:
    """Black and white at a hard threshold, a few white drop-out lines across the page."""
    rng = random.Random(seed)
    image = image.point(lambda v: 0 if v < 140 else 255)
    pen = ImageDraw.Draw(image)
    width, height = image.size
    for _ in range(6):
        y = rng.randrange(height)
        pen.line((0, y, width, y), fill=255, width=1)
    return image


def render(sample: QSample, n: int, scan: QScan, seed: int = 0) -> Image.Image:
    width, height = page_size(sample, scan.dpi)
    image = Image.new("L", (width, height), scan.paper)
    pen = ImageDraw.Draw(image)
    tops, heights = _rows(sample, n, scan.dpi)
    body = round(sample.style.point / 72 * scan.dpi)
    line = max(1, scan.dpi // 120)
    for rect in sample.rects[n] if sample.rects else ():
        y0 = tops[rect.first] - round(0.25 * body)
        y1 = tops[rect.last] + heights[rect.last]
        pen.rectangle(
            (round(rect.x0 * width), y0, round(rect.x1 * width), y1), outline=scan.ink, width=line
        )
    for rule in sample.rules[n] if sample.rules else ():
        y = tops[rule.row] - round(0.25 * body) if rule.row < len(tops) else tops[-1] + heights[-1]
        x0, x1 = round(rule.x0 * width), round(rule.x1 * width)
        step = scan.dpi // 15 if rule.dashed else x1 - x0
        for x in range(x0, x1, step):
            pen.line(
                (x, y, min(x1, x + (step * 6 // 10 if rule.dashed else step)), y),
                fill=scan.ink,
                width=line,
            )
    amount = _amount_box(sample, n, scan.dpi)
    if scan.highlight and amount:
        left, top, right, bottom = amount
        band = Image.new("L", image.size, 255)
        ImageDraw.Draw(band).rectangle((left - 8, top - 4, right + 8, bottom + 6), fill=205)
        image = ImageChops.multiply(image, band)
        pen = ImageDraw.Draw(image)
    for p in layout(sample, n, scan.dpi):
        pen.text((p.left, p.top), p.cell.text, fill=scan.ink, font=p.font)
    if scan.circle and amount:
        left, top, right, bottom = amount
        pad = scan.dpi // 12
        pen.ellipse(
            (left - pad, top - pad // 2, right + pad, bottom + pad // 2),
            outline=70,
            width=max(2, scan.dpi // 100),
        )
    if scan.show_through:
        image = _show_through(image)
    if scan.gutter:
        image = _gutter(image)
    if scan.noise:
        rng = random.Random(seed)
        pixels = image.load()
        assert pixels is not None
        for _ in range(int(width * height * scan.noise)):
            pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 90))
    if scan.blur:
        image = image.filter(ImageFilter.GaussianBlur(scan.blur))
    if scan.fax:
        image = _fax(image, seed)
    if scan.rotate:
        image = image.rotate(
            scan.rotate, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=scan.paper
        )
    return image


def q_scanned(sample: QSample, index: int) -> tuple[bytes, str, QScan]:
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
    "QSample",
    "build_q",
    "page_size",
    "printed_forms",
    "q_pages",
    "q_scanned",
    "q_text",
    "q_words",
    "render",
    "values_in_text",
]
