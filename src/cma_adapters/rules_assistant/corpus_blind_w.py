# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``W``, written blind: a twelfth measure of how the reader
generalises, in a twelfth hand (after ``L`` to ``V``).

``W`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``,
``FIELDS``), the shared page engine (``corpus_print``), families U's and V's modules and
tests (for their conventions), the shared test helpers
(``tests/unit/documents/blind_families.py``, ``tests/integration/ocr/blind_read.py``), the
reporting code of ``benchmarks/intake_accuracy.py`` and ``benchmarks/openai_accuracy.py``,
``./dev`` (how fonts are installed) and, by grep only, families A-V (to avoid their
organisations, wording, date and money shapes and faces) -- **not** the reader's rules
(``assistant.py``, ``fields.py``, ``fields_kinds.py``, ``label_parts.py``, ``layout.py``,
``classifier.py``, ``statements.py``, ``label_learning.py``, ``read_families.py``,
``ranker.py``, ``ranker_training.py``, the Tesseract extractor), its reading tests, nor
any section of benchmarks/OCR.md but its title. It is never used to write rules, to train
or calibrate the classifier or the field ranker (``build_corpus`` never yields it), nor to
choose models: it is measured, and only the aggregate figures go into benchmarks/OCR.md.
Whoever reads its individual misses to change the reader makes ``W`` no longer blind and
must say so there.

**W is no longer blind since round 15** (branch ``reader15``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on W
from then on is a training-side figure (benchmarks/OCR.md, "Round 15").

What differs from A-V:

* who writes: bodies and firms of Yorkshire, the Humber and Lincolnshire, none named by
  A-V (a card issuer in York, a motor-finance claimant and the County Court at
  Scarborough, a plant-hire firm's judgment from the County Court at Doncaster, an
  enforcement company for North East Lincolnshire Council, a ship's stores supplier's
  statutory demand, two councils, an energy supplier and a water company of the Humber
  bank, Lincoln's magistrates, a personal lender and the debt buyer it sold to, a
  council's housing benefit overpayment, a Dales building society, a Goole housing
  association, a catalogue and a pay-in-three firm, solicitors for a roofer, a rolling
  mill and a harbour cafe as employers, a bank of the three Ridings, the DWP's Personal
  Independence Payment and Attendance Allowance, a rowing club and a library's friends);
* seven ways of setting a letter, each class in two of them (``i`` even / odd):
  - **monogram**: the writer named only in its monogram letterhead (its initials, large
    and spaced) and in the signature block; no company footer;
  - **accounts**: a table of every account the customer holds with the writer, only one
    of them in arrears (the others up to date, in credit or closed, with their own
    numbers and balances);
  - **form**: an A4 landscape form, its answers in ruled boxes three across under labels
    in small capitals, dates in the boxed-digit shape "04 12 2026";
  - **margin**: side headings in small capitals in a left-hand margin column, the letter
    and its figures in the wide column beside them;
  - **footnotes**: the letter in general words, the figures only in numbered notes in
    small print at the foot of the page;
  - **newsletter**: a masthead across the page, then the letter set in two columns of
    newspaper prose that runs down the left column and on into the right, the figures
    in a shaded "In brief" panel under both;
  - **timeline**: what has happened and what happens next in a dated table (reminders
    sent, this letter, the last day to act, the next step), the letter under it;
  payslips as a landscape boxed form or with side headings; bank statements with the
  balance in one of two columns (in credit, overdrawn), one page or two; a Personal
  Independence Payment and an Attendance Allowance letter;
* faces never used by A-V: Nimbus Roman and Nimbus Sans (``fonts-urw-base35``) and Open
  Sans Condensed, light and bold (``fonts-open-sans``), all already in ``./dev services``;
  9.5 to 11 pt bodies;
* dates as "4.XII.2026" (the month in Roman numerals), "04-12-26" and "Fri, 04 Dec 2026",
  one shape a document, or "04 12 2026" on a form; amounts as "£1,234.56" or, on the
  margin and monogram settings, with a raised decimal point ("£1,234·56");
* scans new to the families: 330 dpi with an advice centre's RECEIVED stamp across the
  top, a 175 dpi low-contrast photocopy of security-tinted paper (a fine diagonal hatch)
  with the copier's dark edge, and a 260 dpi scan with an adviser's ballpoint marks (a
  line underlined, a tick in the margin); PNG with and without its resolution, and PDF
  (every two-page document as one two-page PDF).

Ground truth follows L's to V's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference, on a claim form and a judgment the claimant's reference);
``balance_pence`` what is owed now (never another account's balance in the accounts
table, an instalment or a year-to-date figure); ``letter_date`` the document's own date (a
payslip's pay date, a statement's date; never a stamp's nor a timeline's earlier date);
``deadline_date`` and ``served_date`` only where printed. Payslips give the employer, net
and gross pay, pay date and frequency; benefit letters the payer, the amount paid each
time, the date and the frequency; a bank statement its date.
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

FAMILY = "W"

PEOPLE = (
    ("Mr", "Declan", "Ackroyd"),
    ("Mrs", "Halima", "Sutcliffe-Rahman"),
    ("Ms", "Kerry-Ann", "Brumby"),
    ("Mr", "Pawel", "Nowicki-Dale"),
)
ADDRESSES = (
    ("14 Staithes Lane", "Goole", "DN14 5QR"),
    ("Flat 3, Wickham Court", "Scunthorpe", "DN16 2HB"),
    ("27 Cliff Top Rise", "Withernsea", "HU19 2EP"),
    ("8 Fossdyke Walk", "Gainsborough", "DN21 1TY"),
)

# -- date and money shapes -------------------------------------------------------------------

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def roman_month(date: dt.date) -> str:
    """4.XII.2026"""
    return f"{date.day}.{ROMAN[date.month - 1]}.{date.year}"


def dashed_short(date: dt.date) -> str:
    """04-12-26"""
    return f"{date:%d-%m-%y}"


def day_comma(date: dt.date) -> str:
    """Fri, 04 Dec 2026"""
    return f"{date:%a}, {date:%d} {date:%b} {date.year}"


def boxed(date: dt.date) -> str:
    """04 12 2026 (a form's boxed digits: day, month, year)"""
    return f"{date:%d} {date:%m} {date.year}"


LETTER_DATES: tuple[Callable[[dt.date], str], ...] = (roman_month, dashed_short, day_comma)
DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (*LETTER_DATES, boxed)


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


def raised(pence: int) -> str:
    """£1,234·56 (a raised decimal point, as a traditional setter prints it)"""
    return money(pence).replace(".", "·")


FREQUENCY_SHOWN = {
    "weekly": ("Weekly", "each week"),
    "fortnightly": ("Fortnightly", "each fortnight"),
    "four_weekly": ("Four-weekly", "each four weeks"),
    "monthly": ("Calendar monthly", "each calendar month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways W prints a true value (to check it is on the page, or in an OCR text)."""
    if isinstance(value, dt.date):
        return tuple(shape(value) for shape in DATE_SHAPES)
    if isinstance(value, int):
        return (money(value), plain(value), raised(value), raised(value)[1:])
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
_OS = "/usr/share/fonts/truetype/open-sans/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "roman": {
        (False, False): _URW + "NimbusRoman-Regular.otf",
        (True, False): _URW + "NimbusRoman-Bold.otf",
        (False, True): _URW + "NimbusRoman-Italic.otf",
        (True, True): _URW + "NimbusRoman-BoldItalic.otf",
    },
    "sans": {
        (False, False): _URW + "NimbusSans-Regular.otf",
        (True, False): _URW + "NimbusSans-Bold.otf",
        (False, True): _URW + "NimbusSans-Italic.otf",
        (True, True): _URW + "NimbusSans-BoldItalic.otf",
    },
    "condensed": {
        (False, False): _OS + "OpenSans-CondLight.ttf",
        (True, False): _OS + "OpenSans-CondBold.ttf",
        (False, True): _OS + "OpenSans-CondLightItalic.ttf",
        (True, True): _OS + "OpenSans-CondBold.ttf",
    },
}
"""Nimbus Roman, Nimbus Sans (``fonts-urw-base35``), Open Sans Condensed Light and Bold
(``fonts-open-sans``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "roman"
    point: float = 10.5
    landscape: bool = False


STYLES = (Style("roman", 10.5), Style("sans", 9.5), Style("condensed", 11.0))


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


def balance(rng: random.Random, low: int = 8_500, high: int = 690_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    return dt.date(2025, 1, 13) + dt.timedelta(days=rng.randrange(690))


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The line at the foot of the page ("" for a public body)."""
    team: str = "Customer Accounts"
    signer: str = "A. Holmroyd"


@frozen
class Account:
    """Another account in the accounts table (never the one the letter is about)."""

    product: str
    number: str
    pence: int
    status: str


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the reference to quote (``ref_label`` names it); ``facts`` the labelled
    figures (already shaped; the label first); ``paras`` the prose: the first paragraph
    states none of the sums nor the date to act by, the others may; ``product`` names the
    account in the accounts table and ``others`` the customer's other accounts there;
    ``next_step`` what follows the date to act by on a timeline."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[tuple[str, str]]
    paras: Sequence[str]
    product: str = "Account"
    others: Sequence[Account] = ()
    next_step: str = "We may pass the account to our recovery team"


def person(rng: random.Random) -> tuple[str, list[str]]:
    """(salutation, address lines)."""
    title, first, surname = rng.choice(PEOPLE)
    return f"{title} {surname}", [f"{title} {first} {surname}", *rng.choice(ADDRESSES)]


def small_caps(text: str) -> str:
    return text.upper()


def _foot(page: Sheet, org: Org, n: int, of: int) -> None:
    page.foot = len(page.rows)
    page.rule()
    text = org.registered or f"{org.name} - {org.street} - {org.town}"
    rows = page.wrapped(text, 0.07, 0.8, size=SMALL - 1)
    page.add((*rows[0], rt(0.93, f"p. {n} of {of}", size=SMALL - 1)), *rows[1:])


def _letterhead(page: Sheet, org: Org, style: Style) -> None:
    """Name centred, the address and telephone centred under it, a rule."""
    page.add((ct(0.5, org.name, True, size=style.point + 3),))
    page.add((ct(0.5, f"{org.street} | {org.town} | telephone {org.phone}", size=SMALL),))
    page.rule(0.2, 0.8).gap()


def _address(page: Sheet, rng: random.Random, x: float = 0.09) -> str:
    salutation, lines = person(rng)
    page.add(*((t(x, line),) for line in lines)).gap()
    return salutation


def _sign(page: Sheet, org: Org, x: float = 0.07, name: bool = True) -> None:
    page.add((t(x, "Yours sincerely"),)).gap()
    page.add((t(x, org.signer, italic=True),))
    page.add((t(x, org.team if not name else f"{org.team}, {org.name}", size=SMALL + 1),))


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.07, right: float = 0.93) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _items(letter: Letter) -> list[tuple[str, str]]:
    return [(letter.ref_label, letter.ref), ("Date", letter.when(letter.date)), *letter.facts]


def initials(name: str) -> str:
    words = [
        w
        for w in name.replace("'s", "").split()
        if w not in ("Ltd", "plc", "LLP", "and", "of", "the")
    ]
    return " ".join(w[0] for w in words)


def _monogram(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The writer's initials as a large spaced monogram; its name only in the signature."""
    org = letter.org
    page = Sheet(style)
    page.add((t(0.07, initials(org.name), True, size=26), rt(0.93, org.street, size=SMALL)))
    page.add((rt(0.93, org.town, size=SMALL),), (rt(0.93, org.phone, size=SMALL),)).rule().gap()
    salutation = _address(page, rng)
    page.add(
        (
            t(0.07, f"{letter.ref_label}: {letter.ref}", size=SMALL + 1),
            rt(0.93, letter.when(letter.date)),
        )
    )
    page.gap()
    page.add((t(0.07, letter.title, True),)).gap()
    page.para(f"Dear {salutation}", x=0.07).gap()
    _prose(page, letter.paras[:1])
    for label, value in letter.facts:
        page.add((t(0.1, label), rt(0.75, value, True)))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org)
    page.foot = len(page.rows)
    page.add(
        (t(0.07, "Please quote the reference above whenever you contact us.", size=SMALL - 0.5),)
    )
    return [page]


def _accounts(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Every account the customer holds with the writer, only one in arrears."""
    org = letter.org
    page = Sheet(style)
    _letterhead(page, org, style)
    salutation = _address(page, rng)
    page.add((rt(0.93, letter.when(letter.date)),)).gap()
    page.add((t(0.07, letter.title, True),)).gap()
    page.para(f"Dear {salutation},", x=0.07).gap()
    _prose(page, letter.paras[:1])
    size = SMALL + 1
    page.add((t(0.07, "Your accounts with us", True),))
    top = len(page.rows)
    page.add((t(0.09, "Account", True, size=size), t(0.36, "Number", True, size=size),
              rt(0.7, "Balance", True, size=size), t(0.74, "Status", True, size=size)))  # fmt: skip
    owed = letter.truth.balance_pence or 0
    rows = [
        (letter.product, letter.ref, owed, "IN ARREARS"),
        *((a.product, a.number, a.pence, a.status) for a in letter.others),
    ]
    order = list(range(len(rows)))
    rng.shuffle(order)
    for n in order:
        product, number, pence, status = rows[n]
        bold = status == "IN ARREARS"
        page.add((t(0.09, product, bold, size=size), t(0.36, number, bold, size=size),
                  rt(0.7, plain(pence), bold, size=size), t(0.74, status, bold, size=size)))  # fmt: skip
    page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92))
    page.gap()
    page.para(
        f"This letter is about your {letter.product.lower()} only ({letter.ref_label.lower()} {letter.ref}).",
        x=0.07,
    ).gap()
    for label, value in letter.facts:
        page.add((t(0.1, label), rt(0.75, value, True)))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org, name=False)
    _foot(page, org, 1, 1)
    return [page]


def _form(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A4 landscape: a shaded title bar, answers in ruled boxes three across under labels
    in small capitals, the notes under them."""
    org = letter.org
    style = Style(style.face, min(style.point, 10.0), landscape=True)
    page = Sheet(style)
    page.box(
        [(t(0.06, org.name, True, size=style.point + 2), rt(0.94, small_caps(letter.title), True))],
        0.05,
        0.95,
        fill=215,
    )
    page.add((t(0.06, f"{org.street}, {org.town}. Telephone {org.phone}", size=SMALL),)).gap()
    _, lines = person(rng)
    items = [("Name", lines[0]), ("Address", f"{lines[1]}, {lines[2]} {lines[3]}"), *_items(letter)]
    for start in range(0, len(items), 3):
        chunk = items[start : start + 3]
        top = len(page.rows)
        page.add(
            tuple(
                t(0.07 + 0.3 * k, small_caps(label), size=SMALL - 0.5)
                for k, (label, _) in enumerate(chunk)
            )
        )
        page.add(tuple(t(0.07 + 0.3 * k, value, True) for k, (_, value) in enumerate(chunk)))
        for k in range(len(chunk)):
            page.rects.append(Rect(top, top + 1, 0.06 + 0.3 * k, 0.34 + 0.3 * k))
        page.gap()
    page.add((t(0.06, small_caps("Notes"), True, size=SMALL + 1),))
    for text in letter.paras:
        page.para(text, x=0.06, right=0.94, size=style.point - 0.5)
    page.foot = len(page.rows)
    page.rule(0.05, 0.95)
    page.add(
        (
            t(0.06, org.registered or f"{org.name}, {org.town}", size=SMALL - 1),
            rt(0.94, "Form W/1", size=SMALL - 1),
        )
    )
    return [page]


def _margin(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Side headings in small capitals in a left margin; the letter beside them."""
    org = letter.org
    page = Sheet(style)
    page.add((t(0.07, org.name, True, size=style.point + 2),))
    page.add((t(0.07, f"{org.street}, {org.town} - {org.phone}", size=SMALL),)).gap()
    salutation = _address(page, rng, x=0.3)
    left, right = 0.07, 0.3

    def side(heading: str, rows: Sequence[tuple[str, str]] = (), text: Sequence[str] = ()) -> None:
        first = True
        for label, value in rows:
            cells = [t(left, small_caps(heading), True, size=SMALL)] if first else []
            page.add((*cells, t(right, label), rt(0.93, value, True)))
            first = False
        for para in text:
            wrapped = page.wrapped(para, right, 0.93)
            if first:
                wrapped[0] = (t(left, small_caps(heading), True, size=SMALL), *wrapped[0])
                first = False
            page.add(*wrapped)
        page.gap()

    side("Reference", [(letter.ref_label, letter.ref)])
    side("Date", [("Date of this letter", letter.when(letter.date))])
    side("About", text=[letter.title])
    page.para(f"Dear {salutation},", x=right).gap()
    side("Background", text=letter.paras[:1])
    side("The figures", letter.facts)
    side("What to do", text=letter.paras[1:])
    page.add(
        (t(right, "Yours sincerely"),),
        (),
        (t(right, org.signer, italic=True),),
        (t(right, org.team, size=SMALL + 1),),
    )
    _foot(page, org, 1, 1)
    return [page]


def _footnotes(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The letter in general words; the figures in numbered notes at the foot."""
    org = letter.org
    page = Sheet(style)
    _letterhead(page, org, style)
    salutation = _address(page, rng)
    page.add(
        (t(0.07, "Our reference: see note 1", size=SMALL + 1), rt(0.93, letter.when(letter.date)))
    ).gap()
    page.add((t(0.07, letter.title, True),)).gap()
    page.para(f"Dear {salutation},", x=0.07).gap()
    _prose(page, letter.paras[:1])
    count = len(letter.facts) + 1
    page.para(
        f"The figures this letter is about are in the numbered notes at the foot of this page (notes 1 to {count}). Please read them carefully and keep this letter.",
        x=0.07,
    ).gap()
    page.para(
        "If anything in the notes looks wrong to you, tell us as soon as you can and we will check it.",
        x=0.07,
    ).gap()
    _sign(page, org, name=False)
    page.foot = len(page.rows)
    page.rule(0.07, 0.4)
    notes = [(letter.ref_label, letter.ref), *letter.facts]
    for n, (label, value) in enumerate(notes, 1):
        page.add((t(0.07, str(n), size=SMALL), t(0.1, f"{label}: {value}", size=SMALL)))
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    page.add(*page.wrapped(text, 0.07, 0.93, size=SMALL - 1))
    return [page]


def _newsletter(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A masthead, then the letter in two columns of running prose, the figures in a
    shaded panel under both."""
    org = letter.org
    page = Sheet(style)
    page.add((ct(0.5, org.name.upper(), True, size=style.point + 5),))
    page.rule()
    page.add(
        (
            t(0.07, org.team, size=SMALL),
            ct(0.5, f"{org.street}, {org.town}", size=SMALL),
            rt(0.93, letter.when(letter.date), size=SMALL),
        )
    )
    page.rule().gap()
    salutation = _address(page, rng)
    page.add((t(0.07, letter.title.upper(), True, size=style.point + 1),)).gap()
    size = style.point - 0.5
    flow: list[str] = []
    for text in (
        f"Dear {salutation},",
        *letter.paras,
        "Yours faithfully,",
        f"{org.signer}, {org.team}",
    ):
        flow += [str(row[0].text) for row in page.wrapped(text, 0.07, 0.48, size=size)] + [""]
    half = (len(flow) + 1) // 2
    columns = flow[:half], flow[half:]
    for n in range(half):
        cells = [t(0.07, columns[0][n], size=size)] if columns[0][n] else []
        if n < len(columns[1]) and columns[1][n]:
            cells.append(t(0.52, columns[1][n], size=size))
        page.add(tuple(cells))
    page.gap()
    panel: list[Row] = [(t(0.1, "In brief", True),)]
    panel += [
        (t(0.1, label, size=SMALL + 1), rt(0.9, value, True))
        for label, value in [(letter.ref_label, letter.ref), *letter.facts]
    ]
    page.box(panel, 0.08, 0.92, fill=222, outline=False)
    _foot(page, org, 1, 1)
    return [page]


def _timeline(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A dated table of what has happened and what happens next, the letter under it."""
    org = letter.org
    page = Sheet(style)
    _letterhead(page, org, style)
    salutation = _address(page, rng)
    page.add(
        (t(0.07, f"{letter.ref_label} {letter.ref}", True), rt(0.93, letter.when(letter.date)))
    ).gap()
    page.add((t(0.07, letter.title, True),)).gap()
    page.para(f"Dear {salutation},", x=0.07).gap()
    _prose(page, letter.paras[:1])
    by = letter.truth.deadline_date
    events = [
        (later(letter.date, -rng.randrange(30, 45)), "First reminder sent to you"),
        (later(letter.date, -rng.randrange(10, 20)), "Second reminder sent to you"),
        (letter.date, "This letter"),
    ]
    if by is not None:
        events.append((by, "Last day to pay or contact us"))
    events.append(
        (
            later(by or letter.date, rng.randrange(14, 28)),
            f"{letter.next_step} if we have not heard from you",
        )
    )
    page.add((t(0.07, "Where things stand", True),))
    top = len(page.rows)
    for day, what in events:
        page.add(
            (t(0.09, letter.when(day), what == "This letter"), t(0.36, what, what == "This letter"))
        )
    page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.92))
    page.gap()
    for label, value in letter.facts:
        page.add((t(0.1, label), rt(0.75, value, True)))
    page.gap()
    _prose(page, letter.paras[1:])
    _sign(page, org, name=False)
    _foot(page, org, 1, 1)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "monogram": _monogram,
    "accounts": _accounts,
    "form": _form,
    "margin": _margin,
    "footnotes": _footnotes,
    "newsletter": _newsletter,
    "timeline": _timeline,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.ref)) % len(STYLES)]
    sheets = KINDS[kinds[i % 2]](rng, style, letter)
    chosen = sheets[0].style
    assert isinstance(chosen, Style)
    return Doc(truth=letter.truth, sheets=sheets, style=chosen)


def _when(rng: random.Random, kind: str) -> Callable[[dt.date], str]:
    """A form's boxed digits; otherwise one of the letter shapes."""
    shape = rng.choice(LETTER_DATES)
    return boxed if kind == "form" else shape


def _amount(kind: str) -> Callable[[int], str]:
    """The margin and monogram settings print a raised decimal point."""
    return raised if kind in ("margin", "monogram") else pounds


# -- organisations (none named by A-V) ----------------------------------------------------------


def _co(name: str, number: str, office: str, extra: str = "") -> str:
    return f"Registered in England and Wales no. {number}. {name}, {office}.{extra}"


FCA = " Authorised and regulated by the Financial Conduct Authority."
CARD = Org("Minster Gate Card Services Ltd", "Piccadilly House, Piccadilly", "York YO1 9PQ", "0345 071 3386",
           _co("Minster Gate Card Services Ltd", "09412276", "Piccadilly, York YO1 9PQ", FCA), "Card Collections", "R. Lund")  # fmt: skip
CLAIMANT = Org("Spurn Head Motor Finance Ltd", "Wassand Street", "Hornsea HU18 1AL", "01964 530 772",
               _co("Spurn Head Motor Finance Ltd", "11230954", "Wassand Street, Hornsea HU18 1AL", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court at Scarborough", "Northway", "Scarborough YO12 7AE", "0300 123 5577",
                  "HM Courts and Tribunals Service. Quote the claim number when you write or call.", "Court Office", "Court Officer")  # fmt: skip
PLANT = Org("Askern Plant Hire Ltd", "Moss Road", "Askern DN6 0NE", "01302 700 918",
            _co("Askern Plant Hire Ltd", "06611390", "Moss Road, Askern DN6 0NE"))  # fmt: skip
JUDGMENT_COURT = Org("County Court at Doncaster", "College Road", "Doncaster DN1 3HS", "0300 123 5577",
                     "HM Courts and Tribunals Service. Payments are made to the claimant, never to the court.", "Court Office", "Court Officer")  # fmt: skip
NEL = Org("North East Lincolnshire Council", "Municipal Offices, Town Hall Square", "Grimsby DN31 1HU", "01472 313 131",
          team="Revenues and Recovery")  # fmt: skip
ENFORCER = Org("Trentside Enforcement Ltd", "Keadby Road", "Scunthorpe DN15 8XW", "01724 377 040",
               _co("Trentside Enforcement Ltd", "12058833", "Keadby Road, Scunthorpe DN15 8XW", " Certificated enforcement agents."), "Enforcement Office", "J. Tindall")  # fmt: skip
STORES = Org("Immingham Ship Stores Ltd", "Dock Office Road", "Immingham DN40 2LZ", "01469 571 604",
             _co("Immingham Ship Stores Ltd", "04790315", "Dock Office Road, Immingham DN40 2LZ"), "Credit Control", "M. Ellerby")  # fmt: skip
COUNCILS = (
    Org("City of Lincoln Council", "City Hall, Beaumont Fee", "Lincoln LN1 1DD", "01522 881 188", team="Local Taxation", signer="Revenues Manager"),
    Org("Harrogate Moor Borough Council", "Civic Offices, Knapping Mount", "Harrogate HG1 2AE", "01423 500 610", team="Local Taxation", signer="Revenues Manager"),
)  # fmt: skip
ENERGY = Org("Ferriby Sluice Energy Ltd", "Sluice Road", "South Ferriby DN18 6JH", "0800 690 1427",
             _co("Ferriby Sluice Energy Ltd", "13377240", "Sluice Road, South Ferriby DN18 6JH"), "Billing", "K. Wragg")  # fmt: skip
WATER = Org("Ancholme Valley Water Ltd", "Bridge Street", "Brigg DN20 8NQ", "0800 471 3390",
            _co("Ancholme Valley Water Ltd", "03917762", "Bridge Street, Brigg DN20 8NQ"), "Income Recovery", "P. Staniland")  # fmt: skip
MAGISTRATES = Org("Lincoln Magistrates' Court", "Fines Office, High Street", "Lincoln LN5 7PH", "0300 123 9044",
                  "HM Courts and Tribunals Service - Lincolnshire fines office.", "Fines Office", "Fines Officer")  # fmt: skip
LENDER = Org("Flamborough Personal Finance Ltd", "Tower Street", "Flamborough YO15 1PD", "01262 850 316",
             _co("Flamborough Personal Finance Ltd", "08860141", "Tower Street, Flamborough YO15 1PD", FCA))  # fmt: skip
BUYER = Org("Cleethorpes Credit Recoveries Ltd", "PO Box 4471", "Cleethorpes DN35 9WX", "0333 200 8158",
            _co("Cleethorpes Credit Recoveries Ltd", "14205576", "Alexandra Road, Cleethorpes DN35 8LQ", FCA), "Customer Team", "S. Coultas")  # fmt: skip
DONCASTER = Org("City of Doncaster Council", "Benefits, Civic Office, Waterdale", "Doncaster DN1 3BU", "01302 736 004",
                team="Benefit Overpayments", signer="Overpayments Officer")  # fmt: skip
SOCIETY = Org("Wensleydale Building Society", "Arrears Support, Market Place", "Hawes DL8 3QX", "01969 667 221",
              "Wensleydale Building Society is authorised by the Prudential Regulation Authority and regulated by the Financial Conduct Authority and the PRA.", "Arrears Support", "H. Metcalfe")  # fmt: skip
HOMES = Org("Goole Waterways Homes", "Rents Team, Aire Street", "Goole DN14 5QE", "01405 761 830",
            "Goole Waterways Homes, a registered society (no. 31177R) and registered provider of social housing.", "Rents Team", "T. Acaster")  # fmt: skip
CATALOGUE = Org("Bridlington Bay Home Shopping Ltd", "Quay Road", "Bridlington YO16 4JP", "0344 335 7719",
                _co("Bridlington Bay Home Shopping Ltd", "05093324", "Quay Road, Bridlington YO16 4JP", FCA), "Customer Accounts", "L. Pickering")  # fmt: skip
THRICE = Org("PayThrice Ltd", "Wellington Street", "Leeds LS1 4DL", "0113 496 0175",
             _co("PayThrice Ltd", "14873309", "Wellington Street, Leeds LS1 4DL", FCA), "Payments Help", "The PayThrice team")  # fmt: skip
ROOFER = Org("Pocklington Roofing Ltd", "Kilnwick Road", "Pocklington YO42 2JY", "01759 305 881",
             _co("Pocklington Roofing Ltd", "07347719", "Kilnwick Road, Pocklington YO42 2JY"))  # fmt: skip
SOLICITORS = Org("Hessle Foreshore Law LLP", "Litigation, The Weir", "Hessle HU13 0RU", "01482 640 552",
                 "Hessle Foreshore Law LLP (OC412906) is authorised and regulated by the Solicitors Regulation Authority.", "Litigation Department", "N. Rhodes")  # fmt: skip
EMPLOYERS = (
    Org("Scunthorpe Rolling Mill Services Ltd", "Payroll, Brigg Road", "Scunthorpe DN16 1XA", "01724 288 310",
        _co("Scunthorpe Rolling Mill Services Ltd", "02785514", "Brigg Road, Scunthorpe DN16 1XA"), "Payroll"),
    Org("Bridlington Harbour Cafes Ltd", "Pay Office, Harbour Road", "Bridlington YO15 2NR", "01262 601 447",
        _co("Bridlington Harbour Cafes Ltd", "10064428", "Harbour Road, Bridlington YO15 2NR"), "Pay Office"),
)  # fmt: skip
BANK = Org("Three Ridings Bank plc", "Statements, Parliament Street", "Harrogate HG1 2RL", "0345 762 0918",
           _co("Three Ridings Bank plc", "03184475", "Parliament Street, Harrogate HG1 2RL", " Deposits protected by the FSCS."), "Statements")  # fmt: skip
PIP = Org("Department for Work and Pensions", "Personal Independence Payment", "Wolverhampton WV98 2AH", "0800 121 4433",
          "Personal Independence Payment is paid by the Department for Work and Pensions.", "PIP Decision Maker", "Decision Maker")  # fmt: skip
ATTENDANCE = Org("Department for Work and Pensions", "Attendance Allowance Unit", "Wolverhampton WV98 2AD", "0800 731 0122",
                 "Attendance Allowance is paid by the Department for Work and Pensions.", "Attendance Allowance Unit", "Decision Maker")  # fmt: skip
ROWING = Org("Goole Riverside Rowing Club", "The Boathouse, Dutch River Side", "Goole DN14 6HY", "07700 900 512",
             team="Club Secretary", signer="E. Hebden")  # fmt: skip
LIBRARY = Org("Friends of Louth Library", "Northgate", "Louth LN11 0LY", "01507 604 339",
              team="Friends' Committee", signer="G. Tuplin")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def _other_accounts(rng: random.Random, products: Sequence[tuple[str, str]]) -> list[Account]:
    """(product, number prefix) for each other account: up to date, in credit or closed."""
    out = []
    for product, prefix in products:
        saving = any(word in product.lower() for word in ("saver", "gift"))
        status = rng.choice(("In credit", "Closed") if saving else ("Up to date", "Closed"))
        pence = 0 if status == "Closed" else rng.randrange(2_000, 300_000)
        out.append(Account(product, f"{prefix}{digits(rng, 6)}", pence, status))
    return out


def creditor_letter(rng: random.Random, i: int) -> Doc:
    kinds = ("monogram", "accounts")
    kind = kinds[i % 2]
    when, amt, date, owed = _when(rng, kind), _amount(kind), dated(rng), balance(rng)
    ref, by = f"MG{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 2)}", later(date, 16)
    letter = Letter(
        org=CARD, title="Arrears on your credit card", date=date, when=when,
        truth=owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
        ref_label="Minster Gate card no.", ref=ref, product="Credit card",
        others=_other_accounts(rng, (("Personal loan", "PL"), ("Instant saver", "IS"))),
        facts=[("Owed on the card today", amt(owed)), ("Please respond by", when(by))],
        paras=("We have not had a payment on your credit card for two months, and we have stopped new spending on it for now.",
               f"The amount owed on the card today is {amt(owed)}. Please pay it, or speak to us about a plan, by {when(by)}.",
               "If you do not, we may register a default with the credit reference agencies. You can get free and confidential advice from a debt advice charity."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 2)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("form", "margin")
    kind = kinds[i % 2]
    when, amt, date = _when(rng, kind), _amount(kind), dated(rng)
    claimed = balance(rng, 70_000, 1_050_000)
    fee, costs = rng.choice((8_000, 11_500, 20_500, 45_500)), rng.choice((5_000, 8_000, 11_000))
    total = claimed + fee + costs
    ref, claim = f"SHM-{digits(rng, 5)}-{letters(rng, 2)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="Claim form - claim for money", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Claim no.", ref=claim,
        facts=[("Claimant", CLAIMANT.name), ("Reference the claimant uses", ref), ("Amount of the claim", amt(claimed)), ("Fee paid to issue the claim", amt(fee)),
               ("Solicitor's costs on issue", amt(costs)), ("Total now claimed", amt(total)), ("Taken to be served on", when(served)), ("Reply to the court by", when(by))],
        paras=(f"{CLAIMANT.name} (its reference {ref}) has started a money claim against you in the County Court at Scarborough, claim no. {claim}.",
               f"The claimant says you owe {amt(claimed)} under a car finance agreement. With the court fee of {amt(fee)} and costs of {amt(costs)} it claims {amt(total)} in all.",
               f"This form is deemed served on {when(served)}. Reply to the court by {when(by)}, or the claimant may ask for judgment against you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("margin", "form")
    kind = kinds[i % 2]
    when, amt, date = _when(rng, kind), _amount(kind), dated(rng)
    owed = balance(rng, 35_000, 1_250_000)
    ref, claim = f"APH{digits(rng, 6)}", _claim_no(rng)
    monthly, by = rng.choice((3_000, 6_000, 9_000, 12_500)), later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 2 == 0 else {}
    pay = (f"You must pay {amt(owed)} to the claimant by {when(by)}." if i % 2 == 0
           else f"You must pay {amt(owed)} to the claimant at {amt(monthly)} a month, the first payment to arrive within 30 days.")  # fmt: skip
    facts = [
        ("Claimant", PLANT.name),
        ("Reference the claimant uses", ref),
        ("Sum the judgment is for", amt(owed)),
    ]
    facts += (
        [("Whole sum due by", when(by))]
        if i % 2 == 0
        else [("Instalments", f"{amt(monthly)} a month")]
    )
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment entered in default of reply", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, PLANT.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Claim no.", ref=claim, facts=facts,
        paras=(f"You did not reply to claim {claim}, so judgment has been entered for the claimant, {PLANT.name} (reference {ref}).",
               f"{pay} Send payments to the claimant, not to the court.",
               "If you do not pay, the claimant can ask the court to enforce the judgment, and it may be entered on the register of judgments."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kinds = ("footnotes", "monogram")
    kind = kinds[i % 2]
    when, amt, date = _when(rng, kind), _amount(kind), dated(rng)
    order = balance(rng, 20_000, 240_000)
    owed = order + 7_500
    case, by = f"TSE/{digits(rng, 7)}", later(date, 7)
    letter = Letter(
        org=ENFORCER, title="Notice of enforcement (council tax)", date=date, when=when,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, NEL.name, case, owed, date, deadline_date=by),
        ref_label="Trentside case no.", ref=case,
        facts=[("Council", NEL.name), ("Sum on the liability order", amt(order)), ("Fee added at compliance stage", amt(7_500)), ("Payable now, fees included", amt(owed)), ("Pay or ring us before", when(by))],
        paras=(f"{NEL.name} has passed us a liability order for unpaid council tax and told us to collect it. Our case reference is {case}.",
               f"With the compliance stage fee of {amt(7_500)}, {amt(owed)} is now payable. Pay it, or call us to agree a plan, before {when(by)}.",
               "If you do not, an enforcement agent may visit your home to take control of goods, and further fees will be added."),
        next_step="An enforcement agent may visit",
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("margin", "footnotes")
    kind = kinds[i % 2]
    when, amt, date = _when(rng, kind), _amount(kind), dated(rng)
    owed = balance(rng, 520_000, 2_600_000)
    ref, by = f"ISS {digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=STORES, title="Statutory demand for a debt payable now - Insolvency Act 1986, s.268(1)(a)", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, STORES.name, ref, owed, date, deadline_date=by),
        ref_label="Ship stores account", ref=ref,
        facts=[("Sum now demanded of you", amt(owed)), ("Last day to comply", when(by))],
        paras=(f"{STORES.name} supplied ship's stores and provisions to you on account {ref}. Its invoices have not been paid.",
               f"The creditor demands payment of {amt(owed)}, a debt due now. You must pay it, or secure or compound it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition. You can apply to the court to set this demand aside within 18 days of service; seek advice at once."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("newsletter", "form")
    kind = kinds[i % 2]
    org, when, amt, date = COUNCILS[i % 2], _when(rng, kind), _amount(kind), dated(rng)
    ref, by = f"{digits(rng, 4)}{letters(rng, 1)}{digits(rng, 5)}", later(date, 7)
    owed = balance(rng, 10_000, 62_000)
    letter = Letter(
        org=org, title="Council tax - first reminder for this year", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Taxpayer account no.", ref=ref,
        facts=[("Instalments overdue", amt(owed)), ("Instalments back on track by", when(by))],
        paras=("Your council tax instalments for this year are behind, so we are sending you this reminder.",
               f"Instalments of {amt(owed)} are overdue. If you bring your account up to date by {when(by)} you can carry on paying by instalments.",
               "If you do not, you will lose that right, the whole year's charge will fall due and we may ask the magistrates for a liability order, with costs."),
        next_step="We may apply for a summons",
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("newsletter", "footnotes")
    kind = kinds[i % 2]
    when, amt, date = _when(rng, kind), _amount(kind), dated(rng)
    owed = balance(rng, 3_500, 68_000)
    ref, by = f"FSE{digits(rng, 9)}", later(date, 14)
    units = rng.randrange(180, 1_400)
    letter = Letter(
        org=ENERGY, title="Energy bill for your home", date=date, when=when,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Energy customer no.", ref=ref,
        facts=[("Electricity units used this bill", f"{units} kWh"), ("Total of this bill", amt(owed)), ("Please pay this bill by", when(by))],
        paras=("This is your bill for the gas and electricity you have used at home since your last bill.",
               f"You used {units} kWh of electricity. The total of this bill is {amt(owed)}; please pay it by {when(by)}.",
               "Finding it hard to pay? Ring us: we can set up a payment plan and tell you about grants and the Priority Services Register."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("monogram", "timeline")
    kind = kinds[i % 2]
    when, amt, date = _when(rng, kind), _amount(kind), dated(rng)
    owed = balance(rng, 11_000, 135_000)
    ref, by = f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 4)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Water and sewerage charges still unpaid", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Ancholme account no.", ref=ref,
        facts=[("Water charges still owing", amt(owed)), ("Speak to us no later than", when(by))],
        paras=("We have written to you before about the water and sewerage charges for your home, and they are still unpaid.",
               f"Charges of {amt(owed)} are unpaid. Please pay, or contact us by {when(by)}; we can spread the cost or check whether a lower tariff applies.",
               "If we do not hear from you, we may pass your account to a collection agency or apply to the court."),
        next_step="We may pass the account to a collection agency",
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("form", "timeline")
    kind = kinds[i % 2]
    when, amt, date = _when(rng, kind), _amount(kind), dated(rng)
    owed = balance(rng, 8_000, 150_000)
    ref, by = f"{digits(rng, 3)}/{digits(rng, 6)}", later(date, 14)
    letter = Letter(
        org=MAGISTRATES, title="Final demand - fine in default", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Fines office account", ref=ref,
        facts=[("Outstanding fine, costs and surcharge", amt(owed)), ("Fine to be cleared by", when(by))],
        paras=("The court fined you and ordered you to pay costs and a victim surcharge. The instalments you were ordered to pay have stopped.",
               f"Outstanding fine, costs and surcharge: {amt(owed)}. Pay in full by {when(by)} or contact the fines office straight away.",
               "Otherwise the fines officer may make an attachment of earnings or benefits order, or pass a warrant to enforcement agents."),
        next_step="A warrant may be issued",
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("timeline", "monogram")
    kind = kinds[i % 2]
    when, amt, date = _when(rng, kind), _amount(kind), dated(rng)
    owed = balance(rng, 28_000, 800_000)
    ref, old = f"CCR{digits(rng, 8)}", f"FPF/{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="Notice that your loan has been assigned", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="New account no.", ref=ref,
        facts=[("Lender you borrowed from", LENDER.name), ("Original loan no.", old), ("Balance that passed to us", amt(owed))],
        paras=(f"Your loan from {LENDER.name} (loan no. {old}) has been sold and legally assigned to us. From now on you owe the balance to us.",
               f"The balance assigned to us is {amt(owed)}. No interest will be added and the terms of the loan are unchanged.",
               f"Please quote your new account no. {ref} when you pay or contact us. An arrangement you had with the lender can carry on with us."),
        next_step="We will write to you again",
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("footnotes", "form")
    kind = kinds[i % 2]
    when, amt, date = _when(rng, kind), _amount(kind), dated(rng)
    owed = balance(rng, 14_000, 440_000)
    ref, by = f"HBO{digits(rng, 7)}", later(date, 28)
    letter = Letter(
        org=DONCASTER, title="Housing benefit overpayment - invoice", date=date, when=when,
        truth=owes(C.OVERPAYMENT, DONCASTER.name, ref, owed, date, deadline_date=by),
        ref_label="Overpayment invoice", ref=ref,
        facts=[("Housing benefit paid in excess", amt(owed)), ("Pay or arrange by", when(by))],
        paras=("Your housing benefit has been looked at again, and for part of the time we paid it you were not entitled to all of it.",
               f"You were overpaid {amt(owed)} of housing benefit and must pay it back. Pay it, or arrange to pay by instalments, by {when(by)}.",
               "You can ask us to explain the decision, or appeal within one month. If you receive benefits we may take the overpayment from them."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("accounts", "margin")
    kind = kinds[i % 2]
    when, amt, date = _when(rng, kind), _amount(kind), dated(rng)
    owed = balance(rng, 50_000, 800_000)
    monthly = rng.randrange(42_000, 135_000)
    ref = f"{digits(rng, 2)}-{digits(rng, 7)}"
    letter = Letter(
        org=SOCIETY, title="Mortgage payments missed on your account", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Dales mortgage no.", ref=ref, product="Mortgage arrears",
        others=_other_accounts(rng, (("Mortgage balance", "MB"), ("Regular saver", "RS"))),
        facts=[("Monthly payment due under the mortgage", amt(monthly)), ("Payments missed so far, in total", amt(owed))],
        paras=("Some of your mortgage payments have been missed, and we would like to help you put things right before they build up further.",
               f"The arrears to date on your mortgage are {amt(owed)}, on top of your contractual monthly payment of {amt(monthly)}.",
               "Please contact our arrears support team to agree a plan. We will always treat taking possession of your home as a last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("timeline", "newsletter")
    kind = kinds[i % 2]
    when, amt, date = _when(rng, kind), _amount(kind), dated(rng)
    owed = balance(rng, 9_000, 290_000)
    weekly = rng.randrange(8_500, 15_500)
    ref = f"GWH/{digits(rng, 5)}"
    letter = Letter(
        org=HOMES, title="Rent behind on your tenancy", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Rent account no. (tenancy)", ref=ref,
        facts=[("Rent charged each week", amt(weekly)), ("Rent owing on the account", amt(owed))],
        paras=("Your rent has not been paid in full, and your rent account has fallen behind.",
               f"Your rent arrears are {amt(owed)}, with rent of {amt(weekly)} charged each week. Please get in touch with the rents team to agree how you will clear them.",
               "If your Universal Credit housing costs have changed, tell us. We can refer you for free, independent money advice."),
        next_step="We may serve a notice seeking possession",
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("accounts", "monogram")
    kind = kinds[i % 2]
    when, amt, date = _when(rng, kind), _amount(kind), dated(rng)
    owed = balance(rng, 2_500, 145_000)
    by = later(date, 12)
    if i % 2 == 0:
        org, ref, title, product = (
            CATALOGUE,
            f"BB{digits(rng, 7)}{letters(rng, 1)}",
            "Your catalogue account is overdue",
            "Shopping account",
        )
        first = (
            "A monthly payment on your shopping account was missed, so we have paused new orders."
        )
        others = _other_accounts(rng, (("Gift card", "GC"),))
    else:
        org, ref, title, product = (
            THRICE,
            f"P3-{digits(rng, 3)}-{digits(rng, 5)}",
            "Missed pay-in-three instalments",
            "Pay-in-three plan",
        )
        first = "We tried twice to take a pay-in-three instalment from your card, and both attempts failed."
        others = []
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Your account no. with us", ref=ref, product=product, others=others,
        facts=[("Overdue at today's date", amt(owed)), ("Clear the overdue sum by", when(by))],
        paras=(first,
               f"{amt(owed)} is overdue now. Please pay by {when(by)} so that no late fee is added and nothing goes on your credit file.",
               "If you cannot pay, let us know and we will hold fees for 30 days while you get advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("margin", "timeline")
    kind = kinds[i % 2]
    when, amt, date = _when(rng, kind), _amount(kind), dated(rng)
    owed = balance(rng, 55_000, 1_350_000)
    ref, ours, by = (
        f"PR{digits(rng, 5)}",
        f"HFL.{letters(rng, 3)}.{digits(rng, 4)}",
        later(date, 30),
    )
    letter = Letter(
        org=SOLICITORS, title="Letter of claim: unpaid roofing works", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, ROOFER.name, ref, owed, date, deadline_date=by),
        ref_label="Client invoice", ref=ref,
        facts=[("We act for", ROOFER.name), ("Hessle Foreshore ref.", ours), ("Sum our client claims", amt(owed)), ("Reply required by", when(by))],
        paras=(f"We are instructed by {ROOFER.name} about roofing works carried out at your property under invoice {ref}. Our reference is {ours}.",
               f"Our client claims {amt(owed)}. Following the Pre-Action Protocol for Debt Claims, please reply on the enclosed reply form by {when(by)}.",
               "If you do not reply, our client may start court proceedings without further notice and claim interest and costs. The information sheet and reply form are enclosed."),
        next_step="Our client may issue a claim",
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def payslip(rng: random.Random, i: int) -> Doc:
    """A landscape boxed form (even) or side headings in small capitals (odd)."""
    org, date = EMPLOYERS[i % 2], dated(rng)
    frequency = ("monthly", "weekly", "four_weekly", "fortnightly")[i % 4]
    scale = {"weekly": 1, "fortnightly": 2, "four_weekly": 4, "monthly": 4.33}[frequency]
    basic = int(rng.randrange(30_000, 56_000) * scale)
    extra = rng.randrange(0, 11_000)
    gross = basic + extra
    tax, ni, pension = gross * 12 // 100, gross * 5 // 100, gross * 3 // 100
    net = gross - tax - ni - pension
    period = rng.randrange(2, 12)
    name = PEOPLE[i % len(PEOPLE)]
    when: Callable[[dt.date], str] = boxed
    if i % 2 == 0:
        style = Style(STYLES[i % 3].face, 9.5, landscape=True)
        page = Sheet(style)
        page.box(
            [(t(0.06, org.name, True, size=12), rt(0.94, "PAY STATEMENT", True, size=12))],
            0.05,
            0.95,
            fill=215,
        )
        page.gap()
        items = [("Employee", f"{name[1]} {name[2]}"), ("Clock no.", digits(rng, 6)), ("Date paid into bank", when(date)),
                 ("Paid how often", FREQUENCY_SHOWN[frequency][0]), ("Tax code / period", f"1257L / {period}"), ("Basic hours pay", pounds(basic)),
                 ("Shift premium", pounds(extra)), ("Gross this pay", pounds(gross)), ("Tax (PAYE) this pay", pounds(tax)),
                 ("NIC (employee share)", pounds(ni)), ("Pension (net pay)", pounds(pension)), ("Take-home pay", pounds(net)),
                 ("Gross since April", pounds(gross * period)), ("Tax to date", pounds(tax * period)), ("Method of payment", "BACS")]  # fmt: skip
        for start in range(0, len(items), 3):
            chunk = items[start : start + 3]
            top = len(page.rows)
            page.add(
                tuple(
                    t(0.07 + 0.3 * k, small_caps(label), size=SMALL - 0.5)
                    for k, (label, _) in enumerate(chunk)
                )
            )
            page.add(tuple(t(0.07 + 0.3 * k, value, True) for k, (_, value) in enumerate(chunk)))
            for k in range(len(chunk)):
                page.rects.append(Rect(top, top + 1, 0.06 + 0.3 * k, 0.34 + 0.3 * k))
            page.gap()
        page.foot = len(page.rows)
        page.rule(0.05, 0.95)
        page.add((t(0.06, org.registered, size=SMALL - 1),))
    else:
        when = rng.choice(LETTER_DATES)
        style = STYLES[(i + 1) % 3]
        page = Sheet(style)
        page.add(
            (
                t(0.07, org.name, True, size=style.point + 2),
                rt(0.93, "Payslip", True, size=style.point + 2),
            )
        )
        page.add((t(0.07, f"{org.street}, {org.town}", size=SMALL),)).rule().gap()
        rows = [
            ("Employee", [(f"{name[1]} {name[2]}", f"No. {digits(rng, 5)}")]),
            (
                "Paid",
                [
                    ("Date of payment", when(date)),
                    ("How often", FREQUENCY_SHOWN[frequency][0]),
                    ("Tax period", str(period)),
                ],
            ),
            (
                "Earnings",
                [
                    ("Basic", raised(basic)),
                    ("Overtime and premiums", raised(extra)),
                    ("Total gross pay", raised(gross)),
                ],
            ),
            (
                "Deductions",
                [
                    ("Income tax", raised(tax)),
                    ("National Insurance", raised(ni)),
                    ("Pension", raised(pension)),
                ],
            ),
            ("Take-home", [("Take-home pay", raised(net))]),
            (
                "Since 6 April",
                [("Gross", raised(gross * period)), ("Income tax", raised(tax * period))],
            ),
        ]
        for heading, pairs in rows:
            for n, (label, value) in enumerate(pairs):
                cells = [t(0.07, small_caps(heading), True, size=SMALL)] if n == 0 else []
                page.add((*cells, t(0.3, label), rt(0.9, value, label == "Take-home pay")))
            page.gap()
        page.para(
            f"Your net pay of {raised(net)} was paid into your bank on {when(date)}. You are paid {FREQUENCY_SHOWN[frequency][1]}.",
            x=0.3,
        )
        _foot(page, org, 1, 1)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """Money out, money in and the balance in one of two columns (in credit, overdrawn);
    two pages on the odd documents."""
    date, when = dated(rng), rng.choice(LETTER_DATES)
    style = STYLES[(i + 2) % len(STYLES)]
    start = later(date, -31)
    running = rng.randrange(-25_000, 110_000)
    items = [("SALARY SCUNTHORPE RMS", 0, rng.randrange(70_000, 210_000)), ("DD FERRIBY SLUICE EN", rng.randrange(6_000, 13_000), 0),
             ("CARD MORRISONS GOOLE", rng.randrange(1_200, 7_000), 0), ("SO GOOLE WATERWAYS", rng.randrange(38_000, 68_000), 0),
             ("CASH HULL RD ATM", 3_000, 0), ("DD CITY OF LINCOLN", rng.randrange(8_000, 15_000), 0),
             ("TFR FROM H SUTCLIFFE", 0, rng.randrange(1_000, 9_000)), ("CARD GREGGS BRIGG", rng.randrange(250, 1_200), 0),
             ("DD BRIDLINGTON BAY", rng.randrange(2_500, 7_500), 0), ("DD ANCHOLME WATER", rng.randrange(2_200, 5_800), 0),
             ("CARD CO-OP WITHERNSEA", rng.randrange(900, 4_500), 0)]  # fmt: skip
    size = SMALL + 1
    head = (t(0.08, "Date", True, size=size), t(0.19, "Details", True, size=size), rt(0.56, "Money out", True, size=size),
            rt(0.68, "Money in", True, size=size), rt(0.81, "In credit", True, size=size), rt(0.93, "Overdrawn", True, size=size))  # fmt: skip

    def line(day: str, what: str, out: int, into: int, bal: int, bold: bool = False) -> Row:
        return (t(0.08, day, size=size), t(0.19, what, bold, size=size), rt(0.56, plain(out) if out else "", size=size),
                rt(0.68, plain(into) if into else "", size=size),
                rt(0.81 if bal >= 0 else 0.93, plain(abs(bal)), bold, size=size))  # fmt: skip

    def top(page: Sheet, n: int) -> None:
        page.add(
            (t(0.07, BANK.name, True, size=style.point + 2), rt(0.93, f"Sheet {n}", size=SMALL))
        )
        page.add((t(0.07, f"{BANK.street}, {BANK.town}", size=SMALL),)).rule().gap()

    sheets: list[Sheet] = []
    page = Sheet(style)
    top(page, 1)
    _, lines = person(rng)
    page.add(*((t(0.07, x),) for x in lines)).gap()
    page.add((t(0.07, "Current account statement", True), rt(0.93, f"Statement date {when(date)}")))
    page.add((t(0.07, f"Sort code {digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}   Account {digits(rng, 8)}", size=SMALL + 1),
              rt(0.93, f"Period {start:%d/%m} - {date:%d/%m}", size=SMALL + 1))).gap()  # fmt: skip
    page.add(head).rule()
    page.add(line(f"{start:%d %b}", "Opening balance", 0, 0, running))
    split = 6 if i % 2 else len(items)
    for n, (what, out, into) in enumerate(items):
        if n == split:
            page.add(line("", "Carried to sheet 2", 0, 0, running, True))
            _foot(page, BANK, 1, 2)
            sheets.append(page)
            page = Sheet(style)
            top(page, 2)
            page.add(head).rule()
            page.add(line("", "Brought from sheet 1", 0, 0, running, True))
        running += into - out
        page.add(line(f"{later(start, 2 + n * 3):%d %b}", what, out, into, running))
    page.rule()
    page.add(line("", "Closing balance", 0, 0, running, True)).gap()
    page.para(
        "A figure in the Overdrawn column is what you owe us on that day. Tell us straight away about any entry you do not recognise.",
        x=0.07,
        size=SMALL + 0.5,
    )
    _foot(page, BANK, len(sheets) + 1, len(sheets) + 1)
    sheets.append(page)
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=sheets, style=style
    )


def benefit(rng: random.Random, i: int) -> Doc:
    """Personal Independence Payment (even: margin) or Attendance Allowance (odd:
    footnotes)."""
    kinds = ("margin", "footnotes")
    kind = kinds[i % 2]
    when, amt, date = _when(rng, kind), _amount(kind), dated(rng)
    frequency = ("four_weekly", "weekly")[(i // 2) % 2]
    times = 4 if frequency == "four_weekly" else 1
    if i % 2 == 0:
        daily, mobility = rng.choice((7_370, 11_010)), rng.choice((2_910, 7_690))
        weekly = daily + mobility
        paid = weekly * times
        org, title = PIP, "Personal Independence Payment decision"
        facts = [("Daily living part, weekly", amt(daily)), ("Mobility part, weekly", amt(mobility)),
                 ("How often paid", FREQUENCY_SHOWN[frequency][0]), ("Paid to you each time", amt(paid))]  # fmt: skip
        paras = ("We have made a decision on your claim for Personal Independence Payment.",
                 f"You are entitled to the daily living part at {amt(daily)} a week and the mobility part at {amt(mobility)} a week. We will pay {amt(paid)} {FREQUENCY_SHOWN[frequency][1]}.",
                 "If you think this decision is wrong, you can ask us to look at it again within one month of the date of this letter.")  # fmt: skip
        ref_label, ref = (
            "National Insurance no.",
            f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}",
        )
    else:
        weekly = rng.choice((7_370, 11_010))
        paid = weekly * times
        org, title = ATTENDANCE, "Attendance Allowance - decision on your claim"
        facts = [
            ("Weekly rate awarded", amt(weekly)),
            ("Paid", FREQUENCY_SHOWN[frequency][0]),
            ("Every payment will be", amt(paid)),
        ]
        paras = ("Thank you for your claim for Attendance Allowance. We have decided that you are entitled to it.",
                 f"The weekly rate is {amt(weekly)}. We will pay you {amt(paid)} {FREQUENCY_SHOWN[frequency][1]}, straight into your account.",
                 "Tell us if your care needs change or if you go into hospital or a care home, as this can affect your allowance.")  # fmt: skip
        ref_label, ref = "Our reference", f"AA{digits(rng, 8)}"
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label=ref_label, ref=ref, facts=facts, paras=paras,
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: a rowing club's regatta call (newsletter), a library friends' book
    sale (timeline)."""
    kinds = ("newsletter", "timeline")
    kind = kinds[i % 2]
    when, date = _when(rng, kind), dated(rng)
    on = later(date, 10 + rng.randrange(25))
    if i % 2 == 0:
        letter = Letter(
            org=ROWING, title="Summer regatta - helpers wanted", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Club member no.", ref=digits(rng, 4), facts=[("Regatta day", when(on)), ("Where to meet", "The Boathouse")],
            paras=("The summer regatta is coming round again and we need members to marshal, time and make the teas.",
                   f"The regatta is on {when(on)}, starting at the boathouse at eight. Put your name on the list in the clubroom.",
                   "Juniors are welcome to help with a parent. Thank you to everyone who helped last year."),
            next_step="Regatta day",
        )  # fmt: skip
    else:
        letter = Letter(
            org=LIBRARY, title="Book sale - can you lend a hand?", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Friend no.", ref=digits(rng, 3), facts=[("Book sale", when(on)), ("Where", "Library foyer")],
            paras=("The Friends are holding their book sale to raise money for the children's reading corner.",
                   f"The sale is on {when(on)} in the library foyer. We need help setting up tables and sorting donations.",
                   "Donations of clean paperbacks can be left at the counter. Thank you for your support."),
            next_step="Book sale day",
        )  # fmt: skip
    return compose(rng, i, kinds, letter)


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
class WSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_w(per_class: int = 4, *, seed: int = 1517) -> list[WSample]:
    """``per_class`` documents of every class, held out, family ``<class>:W``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, WSample)


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, w_text, w_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class WScan:
    dpi: int
    skew: float
    """Degrees."""
    ink: int = 30
    paper: int = 248
    stamp: bool = False
    """An advice centre's RECEIVED stamp across the top of the first page."""
    hatch: bool = False
    """Security-tinted paper: a fine diagonal hatch behind the text."""
    edge: bool = False
    """The copier's dark edge down the left side."""
    pen: bool = False
    """An adviser's ballpoint: one line underlined, a tick in the margin."""
    noise: float = 0.0
    blur: float = 0.0


SCANS = (
    WScan(dpi=330, skew=-0.8, paper=242, stamp=True, noise=0.0003),
    WScan(dpi=175, skew=0.5, ink=88, paper=206, hatch=True, edge=True, noise=0.0008, blur=0.4),
    WScan(dpi=260, skew=1.3, pen=True, blur=0.3),
)


def _stamp(image: Image.Image, dpi: int, rng: random.Random) -> Image.Image:
    """A rubber stamp: a double-ruled box with RECEIVED and a date, turned, in mid grey."""
    w, h = round(2.1 * dpi), round(0.8 * dpi)
    mark = Image.new("L", (w, h), 0)
    pen = ImageDraw.Draw(mark)
    pen.rectangle((2, 2, w - 3, h - 3), outline=255, width=max(2, dpi // 60))
    pen.rectangle((dpi // 14, dpi // 14, w - dpi // 14, h - dpi // 14), outline=255, width=1)
    big = FONTS.font("sans", round(0.28 * dpi), True, False)
    small = FONTS.font("sans", round(0.14 * dpi), False, False)
    pen.text((w // 2, round(0.3 * h)), "RECEIVED", fill=255, font=big, anchor="mm")
    day = later(dt.date(2026, 1, 5), rng.randrange(300))
    pen.text(
        (w // 2, round(0.72 * h)),
        f"{day:%d %b %Y}".upper() + " - ADVICE CENTRE",
        fill=255,
        font=small,
        anchor="mm",
    )
    mark = mark.rotate(rng.uniform(-9, 9), expand=True, resample=Image.Resampling.BICUBIC)
    x = rng.randrange(image.size[0] // 2, image.size[0] - mark.size[0] - dpi // 4)
    y = rng.randrange(dpi // 5, dpi // 5 + dpi)
    layer = Image.new("L", image.size, 0)
    layer.paste(mark, (x, y))
    return Image.composite(
        Image.new("L", image.size, 118), image, layer.point(lambda v: v * 3 // 4)
    )


def render(sample: WSample, n: int, scan: WScan, seed: int = 0) -> Image.Image:
    width, height = page_size(sample, scan.dpi)
    image = Image.new("L", (width, height), scan.paper)
    pen = ImageDraw.Draw(image)
    if scan.hatch:
        step = max(4, scan.dpi // 14)
        for x in range(-height, width, step):
            pen.line((x, height, x + height, 0), fill=scan.paper - 22, width=1)
    tops, heights = PRINT.rows(sample, n, scan.dpi)
    body = round(sample.style.point / 72 * scan.dpi)
    line = max(1, scan.dpi // 110)
    for rect in sample.rects[n] if sample.rects else ():
        y0 = tops[rect.first] - round(0.2 * body)
        y1 = tops[rect.last] + heights[rect.last] - round(0.2 * body)
        box = (round(rect.x0 * width), y0, round(rect.x1 * width), y1)
        if rect.fill is not None:
            pen.rectangle(box, fill=min(rect.fill, scan.paper - 10))
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
    for p in PRINT.layout(sample, n, scan.dpi):
        pen.text((p.left, p.top), p.cell.text, fill=scan.ink, font=p.font)
    rng = random.Random(seed)  # noqa: S311 - where the marks fall
    if scan.pen:
        texts = [
            (p.left, p.top, p.size, p.length(p.cell.text))
            for p in PRINT.layout(sample, n, scan.dpi)
            if len(p.cell.text) > 12
        ]
        if texts:
            left, top, size, length = rng.choice(texts)
            y = top + round(size * 1.12)
            pen.line(
                (left - 4, y, left + round(length) + 6, y + rng.randrange(-3, 4)),
                fill=45,
                width=max(2, scan.dpi // 90),
            )
            tx, ty = round(0.025 * width), top + size // 2
            pen.line(
                (tx, ty, tx + size // 3, ty + size // 2, tx + size, ty - size // 2),
                fill=45,
                width=max(2, scan.dpi // 90),
            )
    if scan.stamp and n == 0:
        image = _stamp(image, scan.dpi, rng)
    if scan.edge:
        band = round(0.03 * width)
        edge = Image.linear_gradient("L").rotate(90).resize((band, height))
        image.paste(
            Image.composite(
                Image.new("L", (band, height), 40),
                image.crop((0, 0, band, height)),
                edge.point(lambda v: 255 - v),
            ),
            (0, 0),
        )
    if scan.noise:
        speckle(image, scan.noise, seed)
    if scan.blur:
        image = image.filter(ImageFilter.GaussianBlur(scan.blur))
    return image.rotate(
        scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=scan.paper
    )


def w_scanned(sample: WSample, index: int) -> tuple[bytes, str, WScan]:
    """Printed and scanned one of three ways: multi-page ones as one PDF; the photocopies
    as PDF; the others as PNG (the stamped ones with their resolution, the pen-marked
    ones without)."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 37 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or index % 3 == 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    return encode_pages(images, "png", scan.dpi if index % 3 == 0 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "WSample",
    "build_w",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
    "w_pages",
    "w_scanned",
    "w_text",
]
