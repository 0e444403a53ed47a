# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``Y``, written blind: a fourteenth measure of how the reader
generalises, in a fourteenth hand (after ``L`` to ``X``).

``Y`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``,
``FIELDS``), the shared page engine (``corpus_print``), families W's and X's modules and
tests (for their conventions), the shared test helpers
(``tests/unit/documents/blind_families.py``, ``tests/integration/ocr/blind_read.py``), the
reporting code of ``benchmarks/intake_accuracy.py`` and ``benchmarks/openai_accuracy.py``,
``./dev`` (how fonts are installed) and, by grep only, families A-X (to avoid their
organisations, wording, date and money shapes and faces) -- **not** the reader's rules
(``assistant.py``, ``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``,
``prose.py``, ``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``label_learning.py``, ``read_families.py``, ``ranker.py``,
``ranker_training.py``, the Tesseract extractor), its reading tests, nor any section of
benchmarks/OCR.md but its title. It is never used to write rules, to train or calibrate
the classifier or the field ranker (``build_corpus`` never yields it), nor to choose
models: it is measured, and only the aggregate figures go into benchmarks/OCR.md. Whoever
reads its individual misses to change the reader makes ``Y`` no longer blind and must say
so there.

What differs from A-X:

* who writes: bodies and firms of the East Midlands and East Anglia (Nottingham,
  Leicester, Derby, Suffolk, Norfolk and Cambridgeshire; Lincolnshire is W's), none named
  by A-X: a card issuer in Sheringham, a motor lender suing in the County Court at
  Nottingham, a plant hire firm's judgment from the County Court at Leicester, Derby City
  Council and its enforcement agents in Ilkeston, a seed merchant's statutory demand in
  Soham, Leicester and Norwich city councils, an energy supplier in Mansfield, a water
  company in Ely's fens, Nottingham magistrates, a Bury St Edmunds lender and the Hucknall
  debt buyer it sold to, East Suffolk's Housing Benefit overpayments, a building society on
  the Cam, a Loughborough housing trust, a catalogue in the Lace Market and a split-pay
  firm in Derby, solicitors in Woodbridge for a glazier on the Deben, a crab company and a
  rail works as employers, a bank of the eastern shires, Carer's Allowance and Pension
  Credit, an allotment society and a regatta;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **summary**: the facts in a boxed "Summary of your account" at the foot of the page,
    below the signature;
  - **grid**: a court-style form whose answers sit in a grid of numbered questions (a
    number, the question and a boxed answer on each row);
  - **callout**: a reminder whose sum stands in a bubble-like callout beside the address,
    with a small tail under it;
  - **slip**: the letter in a narrow column with a detachable payment slip on the
    right-hand side (reference, sum and date to pay);
  - **two pages**: a letter over two pages whose reference is printed only in the
    running header of page 2;
  - **refs**: "Our ref" and "Your ref" lines, only one of them the account (a firm's own
    file reference beside it, or an empty "Your ref");
  payslips with payments and deductions side by side or a pay advice with its net in a
  box; bank statements whose last row is "Balance carried forward", one page or two (the
  second opening "Balance brought forward"); a Carer's Allowance and a Pension Credit
  letter;
* faces never used by A-X: Open Sans Light (with Open Sans Bold) and a heavier setting
  with Open Sans ExtraBold headings (``fonts-open-sans``), 9.5 to 10.5 pt bodies;
* dates as "Friday, 4th December 2026", "04.12.2026" on the forms and "4 DEC 2026", one
  shape a document; amounts as "£1,234.56" and, in tables, "1,234.56";
* scans new to the families: 200 dpi with the shadow of a crease down the page, 240 dpi
  greyscale with toner streaks, and a phone photo with perspective turned 2.5 degrees
  (JPEG); PNG, JPEG and multi-page PDF.

Ground truth follows L's to X's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference, on a claim form and a judgment the claimant's reference);
``balance_pence`` what is owed now; ``letter_date`` the document's own date;
``deadline_date`` and ``served_date`` only where printed. Payslips give the employer, net
and gross pay, pay date and frequency; benefit letters the payer, the amount paid each
time, the date and the frequency; a bank statement its date.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable, Sequence
from itertools import zip_longest

from attrs import field, frozen
from PIL import Image, ImageDraw

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

FAMILY = "Y"

PEOPLE = (
    ("Mr", "Lennox", "Pargetter"),
    ("Ms", "Imogen", "Starbuck-Hale"),
    ("Mrs", "Beata", "Wojcik-Orme"),
    ("Mr", "Kofi", "Ashworth-Bell"),
)
ADDRESSES = (
    ("22 Mapperley Rise", "Nottingham", "NG3 5QS"),
    ("Flat 9, 41 Narborough Road", "Leicester", "LE3 0LE"),
    ("5 Chaddesden Lane", "Derby", "DE21 6LP"),
    ("The Old Forge, Low Street", "Framlingham", "IP13 9BA"),
)

# -- date and money shapes -------------------------------------------------------------------


def _ordinal(day: int) -> str:
    return "th" if 10 < day % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def long_ordinal(date: dt.date) -> str:
    """Friday, 4th December 2026"""
    return f"{date:%A}, {date.day}{_ordinal(date.day)} {date:%B} {date.year}"


def dotted(date: dt.date) -> str:
    """04.12.2026 (a form's answer)"""
    return f"{date:%d}.{date:%m}.{date.year}"


def upper_short(date: dt.date) -> str:
    """4 DEC 2026"""
    return f"{date.day} {date:%b} {date.year}".upper()


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (long_ordinal, dotted, upper_short)


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Weekly", "every week"),
    "fortnightly": ("Fortnightly", "every two weeks"),
    "four_weekly": ("Four-weekly", "every 4 weeks"),
    "monthly": ("Monthly", "every month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways Y prints a true value (to check it is on the page, or in an OCR text)."""
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
_OS = "/usr/share/fonts/truetype/open-sans/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "light": {
        (False, False): _OS + "OpenSans-Light.ttf",
        (True, False): _OS + "OpenSans-Bold.ttf",
        (False, True): _OS + "OpenSans-LightItalic.ttf",
        (True, True): _OS + "OpenSans-BoldItalic.ttf",
    },
    "heavy": {
        (False, False): _OS + "OpenSans-Light.ttf",
        (True, False): _OS + "OpenSans-ExtraBold.ttf",
        (False, True): _OS + "OpenSans-LightItalic.ttf",
        (True, True): _OS + "OpenSans-ExtraBoldItalic.ttf",
    },
}
"""Open Sans Light with Open Sans Bold, or with Open Sans ExtraBold (``fonts-open-sans``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "light"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("light", 10.5), Style("heavy", 9.5), Style("light", 9.5))


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []

    def rule(self, x0: float = 0.07, x1: float = 0.93, *, dashed: bool = False) -> Sheet:
        """A rule under the last row added."""
        self.rules.append(Rule(len(self.rows), x0, x1, dashed))
        return self


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def balance(rng: random.Random, low: int = 7_000, high: int = 720_000) -> int:
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
    team: str = "Customer Support"


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``ours`` a firm's own file
    reference (the "Our ref" of the refs setting, when the account is "Your ref");
    ``facts`` the labelled facts (already shaped; the label first, the sum owed first of
    all where there is one); ``paras`` the prose, stating every fact in a sentence."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[tuple[str, str]]
    paras: Sequence[str]
    ours: str = ""
    signed: str = field(default="")


def person(rng: random.Random) -> tuple[str, list[str]]:
    """(salutation, address lines)."""
    title, first, surname = rng.choice(PEOPLE)
    return f"{title} {surname}", [f"{title} {first} {surname}", *rng.choice(ADDRESSES)]


def _foot(page: Sheet, org: Org, n: int, of: int) -> None:
    page.foot = len(page.rows)
    page.rule(0.07, 0.93, dashed=True)
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    rows = page.wrapped(text, 0.07, 0.78, size=SMALL - 1)
    page.add((*rows[0], rt(0.93, f"Page {n} of {of}", size=SMALL - 1)), *rows[1:])


def _letterhead(page: Sheet, org: Org, style: Style) -> None:
    """The name on the left, the address and telephone stacked on the right, a rule."""
    page.add((t(0.07, org.name, True, size=style.point + 3), rt(0.93, org.street, size=SMALL)))
    page.add((rt(0.93, org.town, size=SMALL),), (rt(0.93, f"Tel. {org.phone}", size=SMALL),))
    page.rule(0.07, 0.93)


def _address(page: Sheet, rng: random.Random, x: float = 0.07) -> str:
    salutation, lines = person(rng)
    page.add(*((t(x, line),) for line in lines)).gap()
    return salutation


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.07, right: float = 0.93) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _sign(page: Sheet, letter: Letter, x: float = 0.07) -> None:
    page.add((t(x, "Yours sincerely"),)).gap()
    page.add((t(x, letter.signed or letter.org.team, True),))


def _summary(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The facts in a boxed "Summary of your account" at the foot of the page."""
    page = Sheet(style)
    _letterhead(page, letter.org, style)
    page.gap()
    salutation = _address(page, rng)
    page.add((rt(0.93, letter.when(letter.date)),)).gap()
    page.add((t(0.07, letter.title, True),)).gap()
    page.para(f"Dear {salutation},", x=0.07).gap()
    _prose(page, letter.paras)
    _sign(page, letter)
    page.gap()
    size = SMALL + 1.5
    rows: list[Row] = [(t(0.1, "Summary of your account", True, size=size + 0.5),)]
    rows.append((t(0.1, letter.ref_label, size=size), rt(0.88, letter.ref, True, size=size)))
    rows.append((t(0.1, "Date of this letter", size=size), rt(0.88, letter.when(letter.date), True, size=size)))  # fmt: skip
    rows += [(t(0.1, label, size=size), rt(0.88, value, True, size=size)) for label, value in letter.facts]  # fmt: skip
    page.box([*rows, ()], 0.08, 0.9)
    _foot(page, letter.org, 1, 1)
    return [page]


def _grid(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A form whose answers sit in a grid of numbered questions."""
    org = letter.org
    page = Sheet(style)
    page.add((t(0.07, org.name, True, size=style.point + 1.5), rt(0.93, f"Ref. form {letters(rng, 1)}{digits(rng, 3)}", size=SMALL)))  # fmt: skip
    page.add((t(0.07, f"{org.street}, {org.town} - {org.phone}", size=SMALL),)).rule()
    page.add((ct(0.5, letter.title, True, size=style.point + 1),)).gap()
    salutation = _address(page, rng)
    page.add((t(0.07, "Answers to the numbered questions", True, size=SMALL + 1),))
    questions = [
        (letter.ref_label, letter.ref),
        ("This form was issued on", letter.when(letter.date)),
        *letter.facts,
    ]
    size = SMALL + 1.5
    for n, (question, answer) in enumerate(questions, 1):
        row = len(page.rows)
        page.add((t(0.085, str(n), True, size=size), t(0.13, question, size=size), t(0.6, answer, True, size=size)))  # fmt: skip
        page.rects.append(Rect(row, row, 0.07, 0.93))
        page.rects.append(Rect(row, row, 0.58, 0.93))
    page.gap()
    page.para(f"Notes for {salutation}", x=0.07).gap()
    _prose(page, letter.paras)
    page.add((t(0.07, f"Issued by the {org.team}"),))
    _foot(page, org, 1, 1)
    return [page]


def _callout(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A reminder whose sum stands in a bubble-like callout beside the address."""
    org = letter.org
    page = Sheet(style)
    page.add((ct(0.5, org.name.upper(), True, size=style.point + 2.5),))
    page.add((ct(0.5, f"{org.street} . {org.town} . {org.phone}", size=SMALL),)).gap()
    salutation, lines = person(rng)
    label, value = letter.facts[0]
    bubble = [(t(0.64, label, size=SMALL + 1),), (t(0.64, value, True, size=style.point + 3),),
              (t(0.64, f"as at {letter.when(letter.date)}", size=SMALL + 1),), ()]  # fmt: skip
    top = len(page.rows)
    for line, cell in zip_longest(lines, bubble):
        page.add(((t(0.07, line),) if line else ()) + (cell or ()))
    page.rects.append(Rect(top, top + len(bubble) - 1, 0.62, 0.93))
    page.gap()
    page.rects.append(Rect(len(page.rows) - 1, len(page.rows) - 1, 0.66, 0.672))  # its tail
    page.add((t(0.07, f"{letter.ref_label}: {letter.ref}"),)).gap()
    page.add((t(0.07, letter.title, True),)).gap()
    page.para(f"Dear {salutation},", x=0.07).gap()
    for label, value in letter.facts[1:]:
        page.add((t(0.1, label), t(0.55, value, True)))
    page.gap()
    _prose(page, letter.paras)
    _sign(page, letter)
    _foot(page, org, 1, 1)
    return [page]


def _slip(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The letter in a narrow column, a detachable payment slip on the right."""
    org = letter.org
    page = Sheet(style)
    _letterhead(page, org, style)
    page.gap()
    salutation = _address(page, rng)
    page.add((t(0.07, letter.when(letter.date)),)).gap()
    page.add((t(0.07, letter.title, True),)).gap()
    body: list[Row] = [(t(0.07, f"Dear {salutation},"),), ()]
    for text in letter.paras:
        body += [*page.wrapped(text, 0.07, 0.6), ()]
    size = SMALL + 1
    slip: list[Row] = [
        (t(0.67, "PAYMENT SLIP", True, size=size),),
        (t(0.67, "Cut off, send with payment", italic=True, size=SMALL),),
        (),
    ]
    slip += [(t(0.67, letter.ref_label, size=size),), (t(0.67, letter.ref, True, size=size),), ()]
    for label, value in letter.facts:
        slip += [(t(0.67, label, size=size),), (t(0.67, value, True, size=size),)]
    slip.append(())
    top = len(page.rows)
    for left, right in zip_longest(body, slip):
        page.add((left or ()) + (right or ()))
    page.rects.append(Rect(top, top + len(slip) - 1, 0.65, 0.94))
    page.gap()
    _sign(page, letter)
    _foot(page, org, 1, 1)
    return [page]


def _two_pages(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Two pages: the reference only in page 2's running header."""
    org = letter.org
    first = Sheet(style)
    _letterhead(first, org, style)
    first.gap()
    salutation = _address(first, rng)
    first.add((t(0.07, letter.when(letter.date)),)).gap()
    first.add((t(0.07, letter.title, True),)).gap()
    first.para(f"Dear {salutation},", x=0.07).gap()
    _prose(first, letter.paras[:2])
    first.add((rt(0.93, "continued overleaf", italic=True, size=SMALL),))
    _foot(first, org, 1, 2)
    second = Sheet(style)
    second.add((t(0.07, f"{salutation}  -  {letter.ref}", size=SMALL + 0.5), rt(0.93, f"{org.name}  -  2", size=SMALL + 0.5)))  # fmt: skip
    second.rule(0.07, 0.93).gap()
    second.add((t(0.07, "The details", True),))
    for label, value in letter.facts:
        second.add((t(0.1, label), t(0.55, value, True)))
    second.gap()
    _prose(second, letter.paras[2:])
    _sign(second, letter)
    _foot(second, org, 2, 2)
    return [first, second]


def _refs(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Lines for "Our ref" and "Your ref": only one of them the account."""
    org = letter.org
    page = Sheet(style)
    page.add((rt(0.93, org.name, True, size=style.point + 2),))
    page.add((rt(0.93, org.street, size=SMALL),), (rt(0.93, org.town, size=SMALL),), (rt(0.93, f"DX / Tel. {org.phone}", size=SMALL),))  # fmt: skip
    page.gap()
    salutation = _address(page, rng)
    if letter.ours:
        page.add(
            (t(0.07, "Our ref:"), t(0.2, letter.ours)), (t(0.07, "Your ref:"), t(0.2, letter.ref))
        )
    else:
        page.add((t(0.07, "Our ref:"), t(0.2, letter.ref)), (t(0.07, "Your ref:"),))
    page.add((t(0.07, "Date:"), t(0.2, letter.when(letter.date)))).gap()
    page.para(f"Dear {salutation}", x=0.07).gap()
    page.add((t(0.07, letter.title.upper(), True),)).gap()
    _prose(page, letter.paras)
    for label, value in letter.facts:
        page.add((t(0.1, label), rt(0.9, value, True)))
    page.gap()
    page.add((t(0.07, "Yours faithfully"),)).gap()
    page.add((t(0.07, letter.signed or org.name, True),))
    _foot(page, org, 1, 1)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "summary": _summary,
    "grid": _grid,
    "callout": _callout,
    "slip": _slip,
    "two_pages": _two_pages,
    "refs": _refs,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.ref)) % len(STYLES)]
    sheets = KINDS[kinds[i % 2]](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


def _when(rng: random.Random, i: int, kinds: tuple[str, str]) -> Callable[[dt.date], str]:
    """A form prints dotted dates; the rest one shape a document."""
    if kinds[i % 2] == "grid":
        return dotted
    return rng.choice((long_ordinal, upper_short, dotted))


# -- organisations (none named by A-X) ----------------------------------------------------------


def _co(name: str, number: str, office: str, extra: str = "") -> str:
    return f"{name} is a company registered in England (company number {number}), registered office {office}.{extra}"


FCA = " We are authorised and regulated by the Financial Conduct Authority."
CARD = Org("Sheringham Card Company Ltd", "Station Approach", "Sheringham NR26 8RA", "01263 448 910",
           _co("Sheringham Card Company Ltd", "10447218", "Station Approach, Sheringham NR26 8RA", FCA), "Card Recoveries")  # fmt: skip
CLAIMANT = Org("Trent Bridge Motor Finance Ltd", "Radcliffe Road", "Nottingham NG2 6AG", "0115 896 4402",
               _co("Trent Bridge Motor Finance Ltd", "11290364", "Radcliffe Road, Nottingham NG2 6AG", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court at Nottingham", "60 Canal Street", "Nottingham NG1 7EJ", "0300 123 5577",
                  "HM Courts and Tribunals Service. Always quote the claim number.", "County Court Office")  # fmt: skip
HIRE = Org("Soar Valley Plant Hire Ltd", "Meadow Lane", "Syston LE7 1NR", "0116 269 7730",
           _co("Soar Valley Plant Hire Ltd", "06612905", "Meadow Lane, Syston LE7 1NR"))  # fmt: skip
JUDGMENT_COURT = Org("County Court at Leicester", "90 Wellington Street", "Leicester LE1 6HG", "0300 123 5577",
                     "HM Courts and Tribunals Service. Do not send payments to the court.", "County Court Office")  # fmt: skip
DERBY = Org("Derby City Council", "Council Tax, The Council House, Corporation Street", "Derby DE1 2FS", "01332 640 111",
            team="Local Taxation")  # fmt: skip
ENFORCER = Org("Erewash Enforcement Services Ltd", "Bath Street", "Ilkeston DE7 8AH", "0115 944 2167",
               _co("Erewash Enforcement Services Ltd", "12774031", "Bath Street, Ilkeston DE7 8AH", " Our agents hold certificates under the Tribunals, Courts and Enforcement Act 2007."), "Enforcement Team")  # fmt: skip
MERCHANT = Org("Soham Seed and Grain Ltd", "Fordham Road", "Soham CB7 5AQ", "01353 722 804",
               _co("Soham Seed and Grain Ltd", "04418327", "Fordham Road, Soham CB7 5AQ"), "Sales Ledger")  # fmt: skip
COUNCILS = (
    Org("Leicester City Council", "Council Tax, York House, Granby Street", "Leicester LE1 6FB", "0116 454 1007", team="Council Tax Recovery"),
    Org("Norwich City Council", "Council Tax, City Hall, St Peters Street", "Norwich NR2 1NH", "0344 980 3333", team="Council Tax Recovery"),
)  # fmt: skip
ENERGY = Org("Sherwood Green Energy Ltd", "Rosemary Street", "Mansfield NG18 1QL", "0800 612 5590",
             _co("Sherwood Green Energy Ltd", "13309172", "Rosemary Street, Mansfield NG18 1QL"), "Account Services")  # fmt: skip
WATER = Org("Ouse Fen Water Ltd", "Lisle Lane", "Ely CB7 4AS", "0800 316 2274",
            _co("Ouse Fen Water Ltd", "05773610", "Lisle Lane, Ely CB7 4AS"), "Income Recovery")  # fmt: skip
MAGISTRATES = Org("Nottingham Magistrates' Court", "Collection and Compliance, Carrington Street", "Nottingham NG2 1EE", "0300 790 9901",
                  "HM Courts and Tribunals Service - East Midlands collection and compliance unit.", "Compliance Officer")  # fmt: skip
LENDER = Org("Abbeygate Personal Finance Ltd", "Abbeygate Street", "Bury St Edmunds IP33 1LW", "01284 731 690",
             _co("Abbeygate Personal Finance Ltd", "09365128", "Abbeygate Street, Bury St Edmunds IP33 1LW", FCA))  # fmt: skip
BUYER = Org("Hucknall Debt Recovery Ltd", "PO Box 7730", "Nottingham NG15 0XY", "0333 014 6628",
            _co("Hucknall Debt Recovery Ltd", "14218830", "Watnall Road, Hucknall NG15 6EP", FCA), "Customer Relations")  # fmt: skip
SUFFOLK = Org("East Suffolk Council", "Benefit Overpayments, Riverside, Canning Road", "Lowestoft NR33 0EQ", "0333 016 2000",
              team="Overpayment Recovery")  # fmt: skip
SOCIETY = Org("Cam Valley Building Society", "Arrears Support, Bridge Street", "Cambridge CB2 1UA", "01223 775 410",
              "Cam Valley Building Society is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 207713).", "Arrears Support")  # fmt: skip
HOMES = Org("Bradgate Homes Trust", "Income Team, Granby Street", "Loughborough LE11 3DU", "01509 660 215",
            "Bradgate Homes Trust is a registered provider of social housing (4587).", "Income Team")  # fmt: skip
CATALOGUE = Org("Lace Market Home Shopping Ltd", "Stoney Street", "Nottingham NG1 1LX", "0345 602 7719",
                _co("Lace Market Home Shopping Ltd", "07116642", "Stoney Street, Nottingham NG1 1LX", FCA), "Account Care")  # fmt: skip
SPLIT = Org("SpreadIt Pay Ltd", "Friar Gate", "Derby DE1 1FS", "01332 908 411",
            _co("SpreadIt Pay Ltd", "15002873", "Friar Gate, Derby DE1 1FS", FCA), "Help Team")  # fmt: skip
GLAZIER = Org("Deben Glazing Ltd", "Sun Lane", "Woodbridge IP12 1EG", "01394 380 522",
              _co("Deben Glazing Ltd", "06028193", "Sun Lane, Woodbridge IP12 1EG"))  # fmt: skip
SOLICITORS = Org("Pargeter Blyth LLP", "Dispute Resolution, Church Street", "Woodbridge IP12 1DS", "01394 612 870",
                 "Pargeter Blyth LLP (OC398812) is authorised and regulated by the Solicitors Regulation Authority (SRA no. 602214).", "Dispute Resolution")  # fmt: skip
EMPLOYERS = (
    Org("Sheringham Shellfish Co. Ltd", "Payroll, The Promenade", "Sheringham NR26 8LB", "01263 447 208",
        _co("Sheringham Shellfish Co. Ltd", "03382519", "The Promenade, Sheringham NR26 8LB"), "Payroll"),
    Org("Markeaton Rail Components Ltd", "Payroll, Ashbourne Road", "Derby DE22 3FS", "01332 771 635",
        _co("Markeaton Rail Components Ltd", "08843216", "Ashbourne Road, Derby DE22 3FS"), "Payroll Office"),
)  # fmt: skip
BANK = Org("Eastern Shires Bank plc", "Statements, Tavern Street", "Stowmarket IP14 1PH", "0345 977 3164",
           _co("Eastern Shires Bank plc", "02207719", "Tavern Street, Stowmarket IP14 1PH", " Eligible deposits are protected by the FSCS."), "Statements")  # fmt: skip
CARERS = Org("Department for Work and Pensions", "Carer's Allowance Unit", "Wolverhampton WV99 2AF", "0800 731 0297",
             "Carer's Allowance is paid by the Department for Work and Pensions.", "Carer's Allowance Unit")  # fmt: skip
PENSION = Org("The Pension Service", "Pension Credit Centre", "Wolverhampton WV98 1LU", "0800 991 234",
              "The Pension Service is part of the Department for Work and Pensions.", "Pension Credit Centre")  # fmt: skip
ALLOTMENTS = Org("Bulwell Hall Allotment Society", "The Pavilion, Hucknall Lane", "Nottingham NG6 8AJ", "07700 900 418",
                 team="Plot Secretary")  # fmt: skip
REGATTA = Org("Alde and Ore Summer Regatta", "The Moot Hall", "Aldeburgh IP15 5DS", "01728 455 092", team="Regatta Committee")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    kinds = ("summary", "slip")
    when = _when(rng, i, kinds)
    date, owed = dated(rng), balance(rng)
    ref, by = f"SCC{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 4)}", later(date, 14)
    letter = Letter(
        org=CARD, title="We need to hear from you about your card", date=date, when=when,
        truth=owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
        ref_label="Sheringham card account", ref=ref,
        facts=[("Outstanding card balance", pounds(owed)), ("Call Card Recoveries by", when(by))],
        paras=("Your last three card payments were missed, and the card has been stopped for new spending.",
               f"Your outstanding card balance is {pounds(owed)}. Please pay it, or call us to arrange a plan, by {when(by)}.",
               "If we do not hear from you we may close the account and record a default. Free, confidential debt advice is available."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 3)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("grid", "two_pages")
    when = _when(rng, i, kinds)
    date = dated(rng)
    claimed = balance(rng, 85_000, 1_150_000)
    fee, costs = rng.choice((10_500, 20_500, 35_500)), rng.choice((8_000, 10_000, 11_000))
    total = claimed + fee + costs
    ref, claim = f"TBMF{digits(rng, 7)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="Claim issued against you: what to do next", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Court claim no.", ref=claim,
        facts=[("Name of the claimant", CLAIMANT.name), ("Claimant's own account ref.", ref), ("Money claimed for the hire purchase debt", pounds(claimed)),
               ("Court issue fee", pounds(fee)), ("Claimant's solicitor's costs", pounds(costs)), ("Claim total with fee and costs", pounds(total)),
               ("Deemed served on", when(served)), ("Respond to the court no later than", when(by))],
        paras=(f"A claim has been issued against you in this court by {CLAIMANT.name} (its account reference {ref}).",
               f"The sum claimed is {pounds(claimed)} under a hire purchase agreement; with the issue fee of {pounds(fee)} and costs of {pounds(costs)} the total amount claimed is {pounds(total)}.",
               f"The date of service is {when(served)}. The last day to respond is {when(by)}; after that the claimant may ask the court for judgment."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("grid", "summary")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 40_000, 1_300_000)
    ref, claim = f"SVPH/{digits(rng, 5)}", _claim_no(rng)
    monthly, by = rng.choice((2_500, 5_000, 10_000)), later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    how = (f"to pay {pounds(owed)} to the claimant by {when(by)}" if extra
           else f"to pay {pounds(owed)} to the claimant by instalments of {pounds(monthly)} every month")  # fmt: skip
    facts = [("Total due under the judgment", pounds(owed)), ("Name of the claimant", HIRE.name), ("Claimant's own account ref.", ref)]  # fmt: skip
    facts += (
        [("Whole sum to be paid by", when(by))]
        if extra
        else [("Instalments each month", pounds(monthly))]
    )
    letter = Letter(
        org=JUDGMENT_COURT, title="Judgment in default for the claimant", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, HIRE.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Court claim no.", ref=claim, facts=facts,
        paras=(f"You did not reply to claim {claim} made by {HIRE.name} (account reference {ref}). Judgment has been entered for the claimant.",
               f"The court orders you {how}.",
               "If you do not pay within a month of this judgment it will be entered on the register, which lenders consult."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kinds = ("callout", "refs")
    when = _when(rng, i, kinds)
    date = dated(rng)
    order = balance(rng, 22_000, 260_000)
    owed = order + 7_500
    case, by = f"EES/{digits(rng, 6)}/{letters(rng, 2)}", later(date, 7)
    letter = Letter(
        org=ENFORCER, title="Notice of enforcement for council tax", date=date, when=when,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, DERBY.name, case, owed, date, deadline_date=by),
        ref_label="Enforcement case ref.", ref=case,
        facts=[("Now due including our fee", pounds(owed)), ("Liability order obtained by", DERBY.name), ("Sum on the liability order", pounds(order)),
               ("Compliance stage fee (fixed)", pounds(7_500)), ("Pay this notice by", when(by))],
        paras=(f"{DERBY.name} has passed us a liability order for unpaid council tax. Our case reference is {case}.",
               f"The liability order sum is {pounds(order)}. With the compliance fee of {pounds(7_500)} you now owe {pounds(owed)}.",
               f"Pay in full or contact us by {when(by)}. Otherwise an enforcement agent may visit your home and a further fee will be added."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("refs", "grid")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 540_000, 2_700_000)
    ref, by = f"SSG-{digits(rng, 6)}", later(date, 21)
    letter = Letter(
        org=MERCHANT, title="Statutory demand to an individual: debt payable immediately", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, MERCHANT.name, ref, owed, date, deadline_date=by),
        ref_label="Soham trade account", ref=ref,
        facts=[("Debt demanded by the creditor", pounds(owed)), ("Comply with this demand by", when(by))],
        paras=(f"{MERCHANT.name} sold seed and fertiliser to you on trade account {ref}; the invoices remain unpaid.",
               f"The creditor demands that you pay {pounds(owed)}, or secure or compound for it to the creditor's satisfaction, by {when(by)}.",
               "If you do not, a bankruptcy petition may be presented against you. You may apply to the court to set this demand aside within 18 days of service."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("callout", "summary")
    org = COUNCILS[i % 2]
    when = _when(rng, i, kinds)
    date = dated(rng)
    ref, by = f"{digits(rng, 9)}", later(date, 7)
    owed = balance(rng, 11_000, 68_000)
    letter = Letter(
        org=org, title="Reminder: your Council Tax instalments are late", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Council Tax account reference", ref=ref,
        facts=[("Instalments now overdue", pounds(owed)), ("Pay the amount overdue by", when(by))],
        paras=("Our records show that your Council Tax instalments have not been paid on time.",
               f"The amount overdue is {pounds(owed)}. Pay it by {when(by)} and you may keep paying by instalments.",
               "If you do not pay, you will lose that right and we may apply to the magistrates' court for a liability order, adding costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("slip", "summary")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 4_000, 58_000)
    ref, by = f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 4)}", later(date, 14)
    units = rng.randrange(180, 1_400)
    letter = Letter(
        org=ENERGY, title="Your dual fuel bill from Sherwood Green", date=date, when=when,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Sherwood Green account", ref=ref,
        facts=[("Sherwood Green bill amount", pounds(owed)), ("Please pay this bill by", when(by))],
        paras=(f"This bill is for the {units} kWh of gas and electricity used at your home since your last meter reading.",
               f"The amount of this bill is {pounds(owed)}. Please pay it by {when(by)}.",
               "If paying is hard, talk to us about a payment plan or the help our hardship fund offers."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("callout", "two_pages")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 12_000, 140_000)
    ref, by = f"OFW{digits(rng, 8)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Your Ouse Fen water charges are still unpaid", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Ouse Fen customer no.", ref=ref,
        facts=[("Unpaid water and sewerage charges to date", pounds(owed)), ("Talk to Income Recovery by", when(by))],
        paras=("We have written before about the water charges on your account, which are still unpaid.",
               f"Unpaid charges on your account come to {pounds(owed)}. Pay, or contact us by {when(by)} to spread the cost or apply for our social tariff.",
               "If we still hear nothing, we may pass your account to a debt collection agency, which can affect your credit rating."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("grid", "slip")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 9_000, 160_000)
    ref, by = f"{digits(rng, 2)}/{digits(rng, 5)}/{digits(rng, 2)}", later(date, 14)
    letter = Letter(
        org=MAGISTRATES, title="Notice of further steps on your court order", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Court order account no.", ref=ref,
        facts=[("Balance of the court order", pounds(owed)), ("Pay or call us before", when(by))],
        paras=("The court imposed a fine, costs and a victim surcharge, and your payments have stopped.",
               f"The balance of the court order is {pounds(owed)}. Pay or call us before {when(by)}.",
               "If you do not, we may take money from your wages or benefits, or pass the account to enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("two_pages", "refs")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 24_000, 760_000)
    ref, old = f"HDR{digits(rng, 9)}", f"APF-{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="Your Abbeygate loan has been sold to us", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="Hucknall account", ref=ref,
        facts=[("Balance Hucknall now holds", pounds(owed)), ("Lender who assigned the loan", LENDER.name), ("Previous loan no.", old)],
        paras=(f"{LENDER.name} has sold and assigned your loan, number {old}, to {BUYER.name}. From now on you owe the money to us.",
               f"The balance transferred to us is {pounds(owed)}. We will not add interest or charges.",
               "Please use your new Hucknall account number when you pay. Any payment plan you already have can carry on."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("summary", "callout")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 13_000, 440_000)
    ref, by = f"OP{digits(rng, 8)}", later(date, 28)
    letter = Letter(
        org=SUFFOLK, title="Invoice for overpaid Housing Benefit (East Suffolk)", date=date, when=when,
        truth=owes(C.OVERPAYMENT, SUFFOLK.name, ref, owed, date, deadline_date=by),
        ref_label="Overpayment invoice no.", ref=ref,
        facts=[("Overpayment to be repaid", pounds(owed)), ("Repay or arrange a plan by", when(by))],
        paras=("We have recalculated your Housing Benefit because your household income changed, and you were paid too much.",
               f"The overpayment to be repaid is {pounds(owed)}. Repay it, or arrange a plan with us, by {when(by)}.",
               "You may ask for a written explanation, or appeal against the decision, within one month of this invoice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("two_pages", "slip")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 55_000, 880_000)
    monthly = rng.randrange(45_000, 150_000)
    ref = f"{digits(rng, 8)}-{digits(rng, 3)}"
    letter = Letter(
        org=SOCIETY, title="We want to help with your mortgage arrears", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Cam Valley mortgage account", ref=ref,
        facts=[("Arrears on your Cam Valley mortgage", pounds(owed)), ("Monthly payment your mortgage deed sets", pounds(monthly))],
        paras=("We are writing because your mortgage payments have fallen behind, and we would like to help.",
               f"The arrears balance on your mortgage is {pounds(owed)}; your contractual monthly payment is {pounds(monthly)}.",
               "Please ring our Arrears Support team to agree an arrangement. Repossession is always a last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("slip", "callout")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 8_000, 330_000)
    weekly = rng.randrange(8_000, 16_000)
    ref = f"BHT/{digits(rng, 5)}"
    letter = Letter(
        org=HOMES, title="Your Bradgate rent account is behind", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Bradgate tenancy reference", ref=ref,
        facts=[("Rent arrears now", pounds(owed)), ("Your rent each week", pounds(weekly))],
        paras=("Your rent has not been paid in full for some weeks.",
               f"Rent arrears on your account are now {pounds(owed)}; your rent each week is {pounds(weekly)}. Please contact the Income Team to agree a plan.",
               "If your Universal Credit has changed, let us know. We can put you in touch with free money advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("callout", "slip")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 2_000, 150_000)
    by = later(date, 10)
    if i % 2 == 0:
        org, ref, title = CATALOGUE, f"LM{digits(rng, 8)}", "Your shopping account is past due"
        first = "Payments on your Lace Market account are past due, so we have paused new orders."
    else:
        org, ref, title = (
            SPLIT,
            f"SIP-{letters(rng, 3)}-{digits(rng, 5)}",
            "Your SpreadIt payments are late",
        )
        first = "We could not take the last two SpreadIt payments for your purchase from your card."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Home shopping account", ref=ref,
        facts=[("Past due amount", pounds(owed)), ("Bring the past due amount up to date by", when(by))],
        paras=(first,
               f"The past due amount is {pounds(owed)}. Bring your account up to date by {when(by)} to avoid late fees and a report to credit reference agencies.",
               "If you are finding things hard, tell us and we will pause the account for 30 days while you get advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("refs", "two_pages")
    when = _when(rng, i, kinds)
    date = dated(rng)
    owed = balance(rng, 65_000, 1_450_000)
    ref, ours, by = (
        f"DG-{digits(rng, 5)}",
        f"PB/{letters(rng, 2)}/{digits(rng, 5)}",
        later(date, 30),
    )
    letter = Letter(
        org=SOLICITORS, title="Letter of claim - unpaid glazing works", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, GLAZIER.name, ref, owed, date, deadline_date=by),
        ref_label="Deben Glazing invoice", ref=ref, ours=ours, signed="Pargeter Blyth LLP",
        facts=[("Deben Glazing's claim against you", pounds(owed)), ("Our client, the creditor", GLAZIER.name), ("Respond to us by", when(by))],
        paras=(f"We act for {GLAZIER.name}, which fitted new windows at your home and sent you its invoice on completion.",
               f"Our client claims {pounds(owed)}. Following the Pre-Action Protocol for Debt Claims, please complete the reply form enclosed and respond to us by {when(by)}.",
               "If you do not, our client may issue court proceedings without further notice and ask for interest and costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def payslip(rng: random.Random, i: int) -> Doc:
    """Payments and deductions side by side (even) or a pay advice with its net in a box (odd)."""
    org, date = EMPLOYERS[i % 2], dated(rng)
    when = rng.choice((long_ordinal, upper_short, dotted))
    frequency = ("monthly", "weekly", "four_weekly", "fortnightly")[i % 4]
    scale = {"weekly": 1, "fortnightly": 2, "four_weekly": 4, "monthly": 4.33}[frequency]
    basic = int(rng.randrange(32_000, 58_000) * scale)
    extra = rng.randrange(0, 9_000)
    gross = basic + extra
    tax, ni, pension = gross * 11 // 100, gross * 6 // 100, gross * 4 // 100
    net = gross - tax - ni - pension
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    style = STYLES[(i + 2) % len(STYLES)]
    page = Sheet(style)
    size = SMALL + 1.5
    if i % 2 == 0:
        page.add(
            (t(0.07, org.name, True, size=style.point + 2), rt(0.93, "STATEMENT OF WAGES", True))
        )
        page.add((t(0.07, f"{org.street}, {org.town}", size=SMALL),)).rule().gap()
        page.add(
            (
                t(0.07, f"Name: {first} {surname}", size=size),
                t(0.5, f"Works no. {digits(rng, 5)}", size=size),
            )
        )
        page.add((t(0.07, f"Pay date: {when(date)}", size=size), t(0.5, f"Pay period: {FREQUENCY_SHOWN[frequency][0]}", size=size))).gap()  # fmt: skip
        top = len(page.rows)
        page.add((t(0.08, "Payments", True, size=size), t(0.52, "Deductions", True, size=size)))
        pay = [("Basic pay", basic), ("Overtime", extra)]
        cut = [("Income tax", tax), ("National Insurance", ni), ("Pension", pension)]
        for left, right in zip_longest(pay, cut):
            row: Row = ()
            if left:
                row += (t(0.08, left[0], size=size), rt(0.46, plain(left[1]), size=size))
            if right:
                row += (t(0.52, right[0], size=size), rt(0.92, plain(right[1]), size=size))
            page.add(row)
        page.add((t(0.08, "Total payments", True, size=size), rt(0.46, plain(gross), True, size=size),
                  t(0.52, "Total deductions", True, size=size), rt(0.92, plain(tax + ni + pension), True, size=size)))  # fmt: skip
        page.rects.append(Rect(top, len(page.rows) - 1, 0.07, 0.48))
        page.rects.append(Rect(top, len(page.rows) - 1, 0.5, 0.93))
        page.gap()
        page.add((t(0.52, "NET PAY", True), rt(0.92, pounds(net), True))).gap()
        page.para(
            f"Gross pay this period {pounds(gross)}; net pay {pounds(net)}, paid {FREQUENCY_SHOWN[frequency][1]}.",
            x=0.07,
        )
    else:
        page.add((ct(0.5, org.name, True, size=style.point + 2),), (ct(0.5, "Pay advice - private and confidential", italic=True, size=SMALL + 1),))  # fmt: skip
        page.rule().gap()
        page.add((t(0.07, f"{first} {surname}"), rt(0.93, f"Paid {when(date)}")))
        page.add((t(0.07, f"NI no. {letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}", size=size),
                  rt(0.93, f"Frequency: {FREQUENCY_SHOWN[frequency][0]}", size=size))).gap()  # fmt: skip
        for label, value in (("Basic pay", basic), ("Overtime", extra), ("Gross pay", gross), ("Income tax", tax),
                             ("National Insurance", ni), ("Pension", pension)):  # fmt: skip
            page.add((t(0.1, label, size=size), rt(0.6, plain(value), size=size)))
        page.gap()
        page.box([(t(0.1, "Net pay", True), rt(0.6, pounds(net), True))], 0.08, 0.62)
        page.gap()
        page.para(f"{pounds(net)} has been paid into your bank account on {when(date)}.", x=0.07)
    _foot(page, org, 1, 1)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """Running balances whose last row is "Balance carried forward"; two pages on odd ones."""
    date = dated(rng)
    when = rng.choice((long_ordinal, upper_short, dotted))
    style = STYLES[i % len(STYLES)]
    start = later(date, -30)
    running = rng.randrange(5_000, 140_000)
    items = [("BGC MARKEATON RAIL", 0, rng.randrange(80_000, 200_000)), ("DD SHERWOOD GREEN ENERGY", rng.randrange(5_000, 14_000), 0),
             ("POS CO-OP FRAMLINGHAM", rng.randrange(700, 6_500), 0), ("SO BRADGATE HOMES", rng.randrange(38_000, 70_000), 0),
             ("ATM DERBY ST PETERS ST", 4_000, 0), ("DD LEICESTER CITY CNCL", rng.randrange(8_000, 16_000), 0),
             ("FPI K ASHWORTH-BELL", 0, rng.randrange(1_000, 8_000)), ("POS BOOTS NOTTINGHAM", rng.randrange(300, 1_500), 0),
             ("DD LACE MARKET HOME", rng.randrange(2_000, 8_000), 0), ("DD OUSE FEN WATER", rng.randrange(2_500, 7_000), 0)]  # fmt: skip
    size = SMALL + 1
    head = (t(0.08, "Date", True, size=size), t(0.2, "Details", True, size=size), rt(0.6, "Paid out", True, size=size),
            rt(0.74, "Paid in", True, size=size), rt(0.92, "Balance", True, size=size))  # fmt: skip
    sheets: list[Sheet] = []
    page = Sheet(style)
    _letterhead(page, BANK, style)
    page.gap()
    _address(page, rng)
    page.add((t(0.07, "Your current account statement", True), rt(0.93, when(date))))
    page.add((t(0.07, f"Sort code {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)}  Account no. {digits(rng, 8)}", size=size),
              rt(0.93, f"{start:%d %b} to {date:%d %b}", size=size))).gap()  # fmt: skip
    page.add(head).rule(0.07, 0.93)
    page.add((t(0.08, f"{start:%d %b}", size=size), t(0.2, "Balance brought forward", size=size), rt(0.92, plain(running), size=size)))  # fmt: skip
    split = 6 if i % 2 else len(items)
    for n, (what, out, into) in enumerate(items):
        if n == split:
            page.add((t(0.2, "Balance carried forward", True, size=size), rt(0.92, plain(running), True, size=size)))  # fmt: skip
            _foot(page, BANK, 1, 2)
            sheets.append(page)
            page = Sheet(style)
            page.add((t(0.07, BANK.name, True), rt(0.93, f"Statement of {when(date)} (continued)", size=size))).rule().gap()  # fmt: skip
            page.add(head).rule(0.07, 0.93)
            page.add(
                (t(0.2, "Balance brought forward", size=size), rt(0.92, plain(running), size=size))
            )
        running += into - out
        day = later(start, 2 + n * 3)
        page.add((t(0.08, f"{day:%d %b}", size=size), t(0.2, what, size=size), rt(0.6, plain(out) if out else "", size=size),
                  rt(0.74, plain(into) if into else "", size=size), rt(0.92, plain(running), size=size)))  # fmt: skip
    page.add((t(0.08, f"{date:%d %b}", size=size), t(0.2, "Balance carried forward", True, size=size), rt(0.92, plain(running), True, size=size)))  # fmt: skip
    page.rule(0.07, 0.93).gap()
    page.para(
        "Please check this statement and tell us at once about any entry you do not recognise.",
        x=0.07,
        size=SMALL + 0.5,
    )
    _foot(page, BANK, len(sheets) + 1, len(sheets) + 1)
    sheets.append(page)
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=sheets, style=style
    )


def benefit(rng: random.Random, i: int) -> Doc:
    """Carer's Allowance (even: summary) or Pension Credit (odd: two pages)."""
    kinds = ("summary", "two_pages")
    when = _when(rng, i, kinds)
    date = dated(rng)
    if i % 2 == 0:
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        paid = rng.choice((8_160, 8_315)) * (4 if frequency == "four_weekly" else 1)
        org, title, ref_label = CARERS, "Carer's Allowance: you are entitled", "NI number"
        ref = f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}"
        facts = [
            ("Carer's Allowance you get each time", pounds(paid)),
            ("How often it is paid", FREQUENCY_SHOWN[frequency][0]),
        ]
        paras = (f"You are entitled to Carer's Allowance from {when(later(date, -21))} for the care you give.",
                 f"We will pay you {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]}, into the account you gave us.",
                 "Tell us straight away if you stop caring, start work or your earnings go up.")  # fmt: skip
    else:
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        weekly = rng.randrange(2_500, 9_500)
        paid = weekly * (4 if frequency == "four_weekly" else 1)
        org, title, ref_label = PENSION, "Pension Credit: the amount you will get", "Our reference"
        ref = f"PC {digits(rng, 4)} {digits(rng, 4)}"
        facts = [
            ("Pension Credit paid to you each time", pounds(paid)),
            ("Pension Credit paid", FREQUENCY_SHOWN[frequency][0]),
        ]
        paras = ("We have worked out your Pension Credit using the income and savings you told us about.",
                 f"You will get {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]}, paid with your State Pension.",
                 "Tell us about any change in your income, savings or who lives with you.")  # fmt: skip
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label=ref_label, ref=ref, facts=facts, paras=paras,
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: an allotment society's plot letter (callout), a regatta (refs)."""
    kinds = ("callout", "refs")
    when = _when(rng, i, kinds)
    date = dated(rng)
    on = later(date, 14 + rng.randrange(30))
    if i % 2 == 0:
        letter = Letter(
            org=ALLOTMENTS, title="Plot inspections and the open day", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Plot", ref=f"{rng.choice('ABCD')}{digits(rng, 2)}", facts=[("Open day and plot inspection", when(on)), ("Meeting point on the day", "The Pavilion")],
            paras=(f"Plot inspections are on {when(on)}, the same day as our open day.",
                   "Please clear paths and label your water butts. Seed swap in the Pavilion from ten."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=REGATTA, title="Helping at the regatta this summer", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Helper no.", ref=digits(rng, 3), facts=[("Regatta and helpers' day", when(on)), ("Briefing", "The Moot Hall, 8 am")],
            paras=(f"Thank you for offering to help at the regatta on {when(on)}.",
                   "Briefing is in the Moot Hall at eight; bring a waterproof and sun cream."),
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
class YSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_y(per_class: int = 4, *, seed: int = 1721) -> list[YSample]:
    """``per_class`` documents of every class, held out, family ``<class>:Y``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, YSample)


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, y_text, y_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class YScan:
    dpi: int
    skew: float
    """Degrees."""
    ink: int = 25
    paper: int = 248
    crease: bool = False
    """The shadow of a crease down the page (a letter folded in half, scanned unflattened)."""
    streaks: bool = False
    """Toner streaks: faint grey lines down the page from a worn drum."""
    perspective: float = 0.0
    """A phone photo: the top of the page narrower than the bottom by this share."""
    noise: float = 0.0
    jpeg: bool = False


SCANS = (
    YScan(dpi=200, skew=0.4, crease=True, noise=0.0002),
    YScan(dpi=240, skew=-0.5, ink=50, paper=232, streaks=True),
    YScan(dpi=220, skew=2.5, ink=40, paper=226, perspective=0.03, noise=0.0003, jpeg=True),
)


def _draw(sample: YSample, n: int, scan: YScan) -> Image.Image:
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
        step = scan.dpi // 30 if rule.dashed else x1 - x0
        for x in range(x0, x1, max(1, step)):
            end = min(x1, x + step // 2) if rule.dashed else x1
            pen.line((x, y, end, y), fill=scan.ink, width=line)
    for p in PRINT.layout(sample, n, scan.dpi):
        pen.text((p.left, p.top), p.cell.text, fill=scan.ink, font=p.font)
    return image


def render(sample: YSample, n: int, scan: YScan, seed: int = 0) -> Image.Image:
    image = _draw(sample, n, scan)
    width, height = image.size
    if scan.crease:
        # A soft shadow a few millimetres wide down the middle, darkest at the fold.
        pen = ImageDraw.Draw(image)
        half = max(6, scan.dpi // 12)
        mid = width // 2 + scan.dpi // 20
        for dx in range(-half, half + 1):
            shade = round(45 * math.cos(dx / half * math.pi / 2))
            column = image.crop((mid + dx, 0, mid + dx + 1, height)).point(
                lambda v, s=shade: max(0, v - s)
            )
            image.paste(column, (mid + dx, 0))
        pen.line((mid + half // 2, 0, mid + half // 2, height), fill=255, width=1)
    if scan.streaks:
        rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
        pen = ImageDraw.Draw(image)
        for _ in range(5):
            x = rng.randrange(width)
            pen.line(
                (x, 0, x, height),
                fill=scan.paper - rng.randrange(35, 70),
                width=rng.choice((1, 2, 3)),
            )
    if scan.noise:
        speckle(image, scan.noise, seed)
    if scan.perspective:
        inset = round(width * scan.perspective)
        # Quad corners (upper left, lower left, lower right, upper right) in the source:
        # the top edge is taken wider than the bottom, so it prints narrower.
        image = image.transform(
            (width, height), Image.Transform.QUAD,
            (-inset, 0, 0, height, width, height, width + inset, 0),
            resample=Image.Resampling.BICUBIC, fillcolor=scan.paper - 30,
        )  # fmt: skip
    return image.rotate(
        scan.skew,
        resample=Image.Resampling.BICUBIC,
        expand=True,
        fillcolor=scan.paper - 30 if scan.jpeg else scan.paper,
    )


def y_scanned(sample: YSample, index: int) -> tuple[bytes, str, YScan]:
    """Printed and scanned one of three ways: multi-page ones as one PDF; the phone photos
    as JPEG; the others as PNG (every other one without its resolution) or, one in three,
    as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 41 + n) for n in range(len(sample.pages))]
    if len(images) > 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    if scan.jpeg:
        return encode_pages(images, "jpeg", scan.dpi), "jpeg", scan
    if index % 3 == 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "YSample",
    "YScan",
    "build_y",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
    "y_pages",
    "y_scanned",
    "y_text",
]
