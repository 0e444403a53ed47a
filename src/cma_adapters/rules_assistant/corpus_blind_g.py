# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``G``, written blind: a sixteenth measure of how the reader
generalises, in a sixteenth hand (after ``L`` to ``Z``; the alphabet ran out, and ``G`` is
a letter the corpus's own families A-D, H and K never took).

``G`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``,
``values_found``, ``FIELDS``), the shared page engine (``corpus_print``), family Z's module
and tests (for their conventions), the shared test helpers
(``tests/unit/documents/blind_families.py``, ``tests/integration/ocr/blind_read.py``), the
registration code of ``benchmarks/intake_accuracy.py`` and ``benchmarks/openai_accuracy.py``
and, by their docstrings and by grep only, families A-Z (to avoid their settings,
organisations, wording, faces and scan effects) -- **not** the reader's rules
(``assistant.py``, ``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``,
``prose.py``, ``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``label_learning.py``, ``read_families.py``, ``ranker.py``,
``ranker_training.py``, the Tesseract extractor), its reading tests, nor any section of
benchmarks/OCR.md but its title. It is never used to write rules, to train or calibrate
the classifier or the field ranker (``build_corpus`` never yields it), nor to choose
models: it is measured, and only the aggregate figures go into benchmarks/OCR.md. Whoever
reads its individual misses to change the reader makes ``G`` no longer blind and must say
so there.

**G is no longer blind since round 17** (branch ``reader17``): its misses were read, by
kind, to change the reader, and it is a read family (``read_families.READ``) that the
classifier and the field ranker are trained on, with seeds of its own. Every figure on G
from then on is a training-side figure (benchmarks/OCR.md, "Round 17").

What differs from A-Z:

* who writes: bodies and firms of London and the South East (the Thames estuary, the Lea
  valley, the Wandle, the Surrey hills, the Colne and the Wey), none named by A-Z: a card
  company in Croydon and a personal lender in Enfield, a vehicle lender suing in the
  County Court at Romford, a scaffolder's judgment from the County Court at Guildford,
  Thameside Borough Council and its enforcement agents in Grays, a builders' merchant's
  statutory demand in Purfleet, Wandle Valley and Colne Valley councils, an energy
  supplier on the Greenwich peninsula, a water company of the Mole and the Wey, Lea Valley
  magistrates, a Hertford lender and the Docklands debt buyer it sold to, Colne Valley's
  Housing Benefit overpayments, a building society on the Wey Navigation, a Lea Bridge
  housing association, a Walthamstow catalogue and a pay-in-four firm in Shoreditch,
  solicitors in Reigate for a Dorking roofer, stevedores at Tilbury and a garden centre
  under Box Hill as employers, a bank of the Thames estuary, Maternity Allowance and
  Bereavement Support Payment, an allotment society and a sailing-barge club;
* six ways of setting a document, each class in two of them (``i`` even / odd):
  - **watermark**: a letter on plain A4 with a large pale word across the body ("FINAL
    NOTICE", "COPY", "DUPLICATE") in letters spaced out, between the paragraphs;
  - **mailer**: a sealed tri-fold self-mailer, perforated down both edges ("Pull here to
    open"), the page in three panels between fold lines: the address panel, the message,
    and a shaded "Your account" panel with the facts;
  - **definitions**: a solicitor's style of numbered paragraphs, the facts given only in
    an interpretation clause ('"the Debt" means £1,234.56;') and referred to by their
    defined terms afterwards;
  - **portal**: a page of the writer's online account printed from a browser (the print
    date and page title on top, the address and page count at the foot), with the site's
    navigation, a breadcrumb, "Signed in as", the facts in tiles (a label above each
    value) and a list of messages;
  - **direct debit**: the letter above a cut line and a Direct Debit Instruction (the
    service user number in boxes, the reference, blanks for the bank's details and the
    Direct Debit Guarantee);
  - **scan to pay**: the letter with a "Pay in seconds" block (a square code and the
    payment string under it, "GBP 1234.56 REF ...") and "Other ways to pay" (a sort code,
    an account number and the reference to quote);
  payslips printed from an HR portal or in a sealed mailer; bank statements printed from
  online banking or re-issued with "DUPLICATE" across them; Maternity Allowance and
  Bereavement Support Payment letters;
* faces: no face on the machine is new after A-Z, so G pairs faces no family paired: URW
  Bookman Light bodies under Nimbus Sans Bold headings, C059 bodies under Carlito Bold
  headings and Nimbus Sans Narrow bodies under P052 Bold headings, 9.5 to 10.5 pt;
* dates as "4 December 2026", "04/12/2026", "4 Dec 2026" and "Friday 4 December 2026",
  one shape a document, and the one unusual shape "04-DEC-2026" on the portal printouts;
  amounts as "£1,234.56" and, in tables and payment strings, "1,234.56" / "1234.56";
* scans new to the families: a phone photo under warm indoor light (an orange cast, a
  lamp's hot spot and the far corner in shadow, JPEG without a resolution), a photocopy
  reduced to 70% and enlarged back (soft, grey, a copier's halo; PNG) and a faint,
  dot-matrix-like low-contrast print at 200 dpi (every glyph broken into dots, the ribbon
  running dry in bands; PDF).

Ground truth follows L's to Z's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference, on a claim form and a judgment the claimant's reference);
``balance_pence`` what is owed now; ``letter_date`` the document's own date (a portal
page's print date); ``deadline_date`` and ``served_date`` only where printed. Payslips
give the employer, net and gross pay, pay date and frequency; benefit letters the payer,
the amount paid each time, the date and the frequency; a bank statement its date.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Callable, Sequence

from attrs import field, frozen
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from cma_adapters.rules_assistant.corpus import (
    C,
    Row,
    Sample,
    Truth,
    encode_pages,
    money,
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

FAMILY = "G"

PEOPLE = (
    ("Ms", "Priya", "Okonjo-Hart"),
    ("Mr", "Tomasz", "Adeyemi-Clarke"),
    ("Mrs", "Bernadette", "Foley-Nash"),
    ("Mr", "Kwame", "Ashdown-Pryce"),
)
ADDRESSES = (
    ("27 Ravensbourne Gardens", "London", "SE6 4RT"),
    ("Flat 5, 140 Lea Bridge Road", "London", "E10 7JN"),
    ("8 Coldharbour Lane", "Dorking", "RH4 3BN"),
    ("61 Moulsham Street", "Chelmsford", "CM2 0JA"),
)

# -- date and money shapes -------------------------------------------------------------------


def day_month(date: dt.date) -> str:
    """4 December 2026"""
    return f"{date.day} {date:%B} {date.year}"


def slashed(date: dt.date) -> str:
    """04/12/2026"""
    return f"{date:%d}/{date:%m}/{date.year}"


def short_month(date: dt.date) -> str:
    """4 Dec 2026"""
    return f"{date.day} {date:%b} {date.year}"


def weekday(date: dt.date) -> str:
    """Friday 4 December 2026"""
    return f"{date:%A} {date.day} {date:%B} {date.year}"


def system(date: dt.date) -> str:
    """04-DEC-2026 (the portal printouts)"""
    return f"{date:%d}-{date:%b}-{date.year}".upper()


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (
    day_month,
    slashed,
    short_month,
    weekday,
    system,
)
UK_SHAPES = DATE_SHAPES[:4]


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def bare(pence: int) -> str:
    """1234.56 (a payment string)"""
    return f"{pence // 100}.{pence % 100:02d}"


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Weekly", "every week"),
    "fortnightly": ("Fortnightly", "every two weeks"),
    "four_weekly": ("Four-weekly", "every four weeks"),
    "monthly": ("Monthly", "every month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways G prints a true value (to check it is on the page, or in an OCR text)."""
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
WATERMARK = 34.0
"""The watermark word's size (points): drawn pale on a scan."""
_CX = "/usr/share/fonts/truetype/crosextra/"
_URW = "/usr/share/fonts/opentype/urw-base35/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "bookman": {
        (False, False): _URW + "URWBookman-Light.otf",
        (True, False): _URW + "NimbusSans-Bold.otf",
        (False, True): _URW + "URWBookman-LightItalic.otf",
        (True, True): _URW + "NimbusSans-BoldItalic.otf",
    },
    "schoolbook": {
        (False, False): _URW + "C059-Roman.otf",
        (True, False): _CX + "Carlito-Bold.ttf",
        (False, True): _URW + "C059-Italic.otf",
        (True, True): _CX + "Carlito-BoldItalic.ttf",
    },
    "narrow": {
        (False, False): _URW + "NimbusSansNarrow-Regular.otf",
        (True, False): _URW + "P052-Bold.otf",
        (False, True): _URW + "NimbusSansNarrow-Oblique.otf",
        (True, True): _URW + "P052-BoldItalic.otf",
    },
}
"""Each body face under headings of another family: URW Bookman Light under Nimbus Sans
Bold, C059 under Carlito Bold, Nimbus Sans Narrow under P052 Bold (``fonts-urw-base35``,
``fonts-crosextra-carlito``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "bookman"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("bookman", 9.5), Style("schoolbook", 10.5), Style("narrow", 10.0))


@frozen
class Code:
    """A square payment code over rows ``first``..``last``, from ``x0`` (its side the rows'
    height)."""

    first: int
    last: int
    x0: float
    seed: int


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []
        self.codes: list[Code] = []
        self.perforated = False

    def rule(self, x0: float = 0.08, x1: float = 0.92, *, dashed: bool = False) -> Sheet:
        """A rule over the next row added."""
        self.rules.append(Rule(len(self.rows), x0, x1, dashed))
        return self


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def balance(rng: random.Random, low: int = 6_000, high: int = 690_000) -> int:
    return rng.randrange(low, high)


def dated(rng: random.Random) -> dt.date:
    """A working day (a letter is printed Monday to Friday)."""
    date = dt.date(2025, 2, 3) + dt.timedelta(days=rng.randrange(670))
    return date - dt.timedelta(days=max(0, date.weekday() - 4))


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The line at the foot of every page ("" for a public body)."""
    team: str = "Customer Accounts"
    site: str = ""
    """The online account's address (the portal printouts)."""


Fact = tuple[str, str, str]
"""(label, value, defined term)."""


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the facts
    (label, shaped value, the term a definitions clause gives it; the sum owed first
    where there is one); ``paras`` the prose, stating every fact in a sentence; ``owed``
    the sum owed (the payment code and the mailer print it); ``mark`` the watermark's
    word."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[Fact]
    paras: Sequence[str]
    owed: int = 0
    mark: str = "FINAL NOTICE"
    signed: str = field(default="")


def person(rng: random.Random) -> tuple[tuple[str, str, str], list[str]]:
    """((title, first name, surname), address lines)."""
    title, first, surname = rng.choice(PEOPLE)
    return (title, first, surname), [f"{title} {first} {surname}", *rng.choice(ADDRESSES)]


def _foot(page: Sheet, org: Org, n: int, of: int) -> None:
    page.foot = len(page.rows)
    text = org.registered or f"{org.name}, {org.street}, {org.town}"
    rows = page.wrapped(text, 0.08, 0.78, size=SMALL - 1)
    page.add((*rows[0], rt(0.92, f"Page {n} of {of}", size=SMALL - 1)), *rows[1:])


def _address(page: Sheet, rng: random.Random, x: float = 0.08) -> str:
    (title, _, surname), lines = person(rng)
    page.add(*((t(x, line),) for line in lines)).gap()
    return f"{title} {surname}"


def _prose(page: Sheet, paras: Sequence[str], x: float = 0.08, right: float = 0.92) -> None:
    for text in paras:
        page.para(text, x=x, right=right).gap()


def _head(page: Sheet, org: Org, style: Style) -> None:
    """The name on the left, the address and telephone set right beside it."""
    page.add((t(0.08, org.name, True, size=style.point + 3), rt(0.92, org.street, size=SMALL)))
    page.add((rt(0.92, org.town, size=SMALL),), (rt(0.92, f"Tel {org.phone}", size=SMALL),))


def spaced(word: str) -> str:
    """F I N A L   N O T I C E: a watermark's letters spaced out."""
    return "   ".join(" ".join(part) for part in word.split())


# -- the six settings ---------------------------------------------------------------------------


def _watermark(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A letter on plain A4 with a large pale word across the body."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.rule().gap()
    salutation = _address(page, rng)
    page.add((t(0.08, f"{letter.ref_label}: {letter.ref}"), rt(0.92, letter.when(letter.date))))
    page.gap()
    page.add((t(0.08, f"Dear {salutation}"),)).gap()
    page.add((t(0.08, letter.title, True),)).gap()
    _prose(page, letter.paras[:1])
    page.add((ct(0.5, spaced(letter.mark), True, size=WATERMARK),))
    for label, value, _ in letter.facts:
        page.add((t(0.12, label), t(0.6, value, True)))
    page.gap()
    _prose(page, letter.paras[1:])
    page.add((t(0.08, "Yours sincerely"),)).gap()
    page.add((t(0.08, letter.signed or org.team, True),), (t(0.08, org.name, size=SMALL + 1),))
    _foot(page, org, 1, 1)
    return [page]


def _mailer(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A sealed tri-fold self-mailer: perforated edges, three panels between fold lines
    (the address, the message, a shaded panel of facts)."""
    org = letter.org
    page = Sheet(style)
    page.perforated = True
    size = SMALL + 0.5
    page.add(
        (t(0.06, "<< Pull here to open", size=size), rt(0.94, "Pull here to open >>", size=size))
    )
    page.add(
        (ct(0.5, "PRIVATE AND CONFIDENTIAL - TO BE OPENED BY THE ADDRESSEE ONLY", True, size=size),)
    ).gap()
    page.add(
        (t(0.1, f"If undelivered please return to: {org.street}, {org.town}", size=SMALL),)
    ).gap()
    (title, _, surname), lines = person(rng)
    page.add(*((t(0.14, line),) for line in lines))
    page.gap(2)
    page.rule(0.04, 0.96, dashed=True)
    page.add((ct(0.5, "fold", italic=True, size=SMALL - 1),))
    page.add((t(0.08, org.name, True, size=style.point + 2), rt(0.92, letter.when(letter.date))))
    page.add((t(0.08, f"{letter.ref_label}: {letter.ref}", size=size),)).gap()
    page.add((t(0.08, letter.title, True),)).gap()
    page.add((t(0.08, f"Dear {title} {surname},"),)).gap()
    _prose(page, letter.paras)
    page.add((t(0.08, letter.signed or org.team, True),)).gap()
    page.rule(0.04, 0.96, dashed=True)
    page.add((ct(0.5, "fold", italic=True, size=SMALL - 1),))
    rows: list[Row] = [(t(0.1, "Your account", True),)]
    rows += [(t(0.1, label), rt(0.88, value, True)) for label, value, _ in letter.facts]
    page.box(rows, 0.08, 0.92, fill=228)
    page.gap()
    page.add((t(0.08, f"Questions? Call {org.phone}.", size=size),))
    _foot(page, org, 1, 1)
    return [page]


def _definitions(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Numbered paragraphs; the facts only in an interpretation clause, referred to by
    their terms afterwards."""
    org = letter.org
    page = Sheet(style)
    page.add((ct(0.5, org.name.upper(), True, size=style.point + 2),))
    page.add((ct(0.5, f"{org.street}, {org.town}  ·  {org.phone}", size=SMALL),)).rule().gap()
    salutation = _address(page, rng)
    page.add((t(0.08, "Date:"), t(0.22, letter.when(letter.date))))
    page.gap()
    page.add((t(0.08, f"Dear {salutation}"),)).gap()
    page.add((t(0.08, letter.title.upper(), True),)).gap()
    page.add((t(0.08, "1.", True), t(0.12, "Interpretation", True)))
    page.para("In this letter the following words have the meanings given to them:", x=0.12)
    terms = [
        (f"the {letter.ref_label.title()}", letter.ref),
        *((term, value) for _, value, term in letter.facts),
    ]
    for n, (term, value) in enumerate(terms):
        end = "." if n == len(terms) - 1 else ";"
        rows = page.wrapped(f'"{term}" means {value}{end}', 0.18, 0.92)
        page.add((t(0.12, f"({'abcdefghij'[n]})"), *rows[0]), *rows[1:])
    page.gap()
    for n, text in enumerate(defined(letter.paras, terms), start=2):
        rows = page.wrapped(text, 0.12, 0.92)
        page.add((t(0.08, f"{n}.", True), *rows[0]), *rows[1:])
        page.gap()
    page.add((t(0.08, "Yours faithfully"),)).gap()
    page.add((t(0.08, letter.signed or org.name, True),))
    _foot(page, org, 1, 1)
    return [page]


def defined(paras: Sequence[str], terms: Sequence[tuple[str, str]]) -> list[str]:
    """The paragraphs with every defined value replaced by its term (the longest values
    first, so that a sum inside a longer value is not split)."""
    out = []
    for text in paras:
        for term, value in sorted(terms, key=lambda tv: -len(tv[1])):
            text = text.replace(value, term)
        out.append(text)
    return out


def _portal(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A page of the online account printed from a browser."""
    org = letter.org
    page = Sheet(style)
    stamp = f"{letter.date:%d/%m/%Y}, {rng.randrange(8, 20):02d}:{rng.randrange(60):02d}"
    size = SMALL
    page.add((t(0.05, stamp, size=size), ct(0.5, f"{letter.title} | {org.name}", size=size)))
    page.gap()
    page.add((t(0.08, org.name, True, size=style.point + 2),))
    page.add(
        (
            t(0.08, "Home     My account     Payments     Messages     Help", size=SMALL + 1),
            rt(0.92, "Sign out", size=SMALL + 1),
        )
    )
    page.rule().gap()
    page.add((t(0.08, f"Home  >  My account  >  {letter.title}", size=SMALL + 0.5),)).gap()
    page.add((t(0.08, letter.title, True, size=style.point + 4),))
    (title, first, surname), _ = person(rng)
    page.add(
        (
            t(0.08, f"Signed in as {title} {first} {surname}", size=SMALL + 1),
            rt(0.92, f"Account summary at {system(letter.date)}", size=SMALL + 1),
        )
    )
    page.gap()
    tiles = [(letter.ref_label, letter.ref), *((label, value) for label, value, _ in letter.facts)]
    xs = (0.08, 0.38, 0.68)
    for start in range(0, len(tiles), 3):
        row = tiles[start : start + 3]
        first_row = len(page.rows)
        page.add(
            tuple(t(x + 0.015, label, size=SMALL) for x, (label, _) in zip(xs, row, strict=False))
        )
        page.add(tuple(t(x + 0.015, value, True) for x, (_, value) in zip(xs, row, strict=False)))
        for x, _ in zip(xs, row, strict=False):
            page.rects.append(Rect(first_row, first_row + 1, x, x + 0.27, True, 240))
        page.gap()
    page.add((t(0.08, "What you need to know", True),))
    _prose(page, letter.paras)
    page.add((t(0.08, "Messages", True),)).rule(0.08, 0.92)
    page.add((t(0.08, "Date", True, size=SMALL + 1), t(0.28, "Subject", True, size=SMALL + 1)))
    page.add((t(0.08, system(letter.date), size=SMALL + 1), t(0.28, letter.title, size=SMALL + 1)))
    page.add(
        (
            t(0.08, system(later(letter.date, -28)), size=SMALL + 1),
            t(0.28, "Your account details have been updated", size=SMALL + 1),
        )
    )
    page.foot = len(page.rows)
    page.add(
        (
            t(
                0.05,
                f"© {letter.date.year} {org.name}. Cookies  |  Accessibility  |  Privacy",
                size=SMALL - 0.5,
            ),
        )
    )
    page.add(
        (
            t(0.05, f"https://{org.site}/my-account/summary", size=SMALL - 0.5),
            rt(0.95, "1/1", size=SMALL - 0.5),
        )
    )
    return [page]


def _direct_debit(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The letter above a cut line and a Direct Debit Instruction."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    salutation = _address(page, rng)
    page.add((t(0.08, letter.when(letter.date)),))
    page.add((t(0.08, f"{letter.ref_label}: {letter.ref}", True),)).gap()
    page.add((t(0.08, letter.title, True),))
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras[:2])
    for label, value, _ in letter.facts:
        page.add((t(0.08, label), t(0.56, value, True)))
    page.gap()
    _prose(page, letter.paras[2:])
    page.add((t(0.08, "Yours sincerely,  " + (letter.signed or org.team)),))
    page.rule(0.04, 0.96, dashed=True)
    size = SMALL + 0.5
    page.add((ct(0.5, "cut here and return the instruction below", italic=True, size=SMALL - 0.5),))
    page.add(
        (
            t(
                0.08,
                "Instruction to your bank or building society to pay by Direct Debit",
                True,
                size=size + 1,
            ),
        )
    )
    page.para(
        f"Please fill in the whole form and send it to: {org.name}, {org.street}, {org.town}",
        x=0.08,
        right=0.88,
        size=size,
    )
    first = len(page.rows)
    sun = digits(rng, 6)
    page.add((t(0.1, "Service user number", size=size), t(0.5, "   ".join(sun), True, size=size)))
    page.add((t(0.1, "Reference", size=size), t(0.5, letter.ref, True, size=size)))
    page.add(
        (
            t(0.1, "Name(s) of account holder(s)", size=size),
            t(0.5, "....................................................", size=size),
        )
    )
    page.add(
        (
            t(0.1, "Bank/building society account number", size=size),
            t(0.5, "[   ][   ][   ][   ][   ][   ][   ][   ]", size=size),
        )
    )
    page.add(
        (
            t(0.1, "Branch sort code", size=size),
            t(0.5, "[   ][   ] - [   ][   ] - [   ][   ]", size=size),
        )
    )
    page.add(
        (
            t(0.1, "Signature(s) ..................................", size=size),
            t(0.5, "Date ......../......../............", size=size),
        )
    )
    page.rects.append(Rect(first, len(page.rows) - 1, 0.08, 0.92))
    page.para(
        "Instruction to your bank or building society: please pay "
        f"{org.name} Direct Debits from the account detailed in this Instruction subject to the "
        "safeguards assured by the Direct Debit Guarantee.",
        x=0.08,
        right=0.88,
        size=SMALL,
    )
    page.para(
        "The Direct Debit Guarantee: if an error is made in the payment of your Direct Debit you are entitled to a full and immediate refund from your bank.",
        x=0.08,
        right=0.88,
        size=SMALL,
    )
    _foot(page, org, 1, 1)
    return [page]


def pay_string(org: Org, ref: str, owed: int) -> str:
    """What a payment code holds, printed under it."""
    short = "".join(w[0] for w in org.name.split() if w[0].isupper())
    return f"GBP {bare(owed)}  REF {ref.replace(' ', '')}  TO {short}"


def _scan_to_pay(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The letter with a "Pay in seconds" block (a square code, the payment string) and
    other ways to pay."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.rule().gap()
    salutation = _address(page, rng)
    page.add((t(0.08, f"Date: {letter.when(letter.date)}"),))
    page.add((t(0.08, f"{letter.ref_label}: {letter.ref}"),)).gap()
    page.add((t(0.08, letter.title, True),)).gap()
    page.add((t(0.08, f"Dear {salutation}"),)).gap()
    _prose(page, letter.paras)
    for label, value, _ in letter.facts:
        page.add((t(0.08, label), rt(0.7, value, True)))
    page.gap()
    size = SMALL + 1
    first = len(page.rows)
    page.add((t(0.27, "Pay in seconds", True),))
    page.add(
        (t(0.27, "Scan the code with your banking app: the amount and the reference", size=size),)
    )
    page.add((t(0.27, "are filled in for you.", size=size),))
    page.add((t(0.27, pay_string(org, letter.ref, letter.owed), size=size),))
    page.codes.append(Code(first, len(page.rows) - 1, 0.08, int(digits(rng, 6))))
    page.gap()
    page.add((t(0.08, "Other ways to pay", True),))
    sort = f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}"
    page.add(
        (
            t(0.08, "Bank transfer", size=size),
            t(
                0.3,
                f"Sort code {sort}   Account no. {digits(rng, 8)}   Reference {letter.ref}",
                size=size,
            ),
        )
    )
    page.add(
        (t(0.08, "By phone", size=size), t(0.3, f"{org.phone} (24-hour automated line)", size=size))
    )
    page.gap()
    page.add((t(0.08, "Yours sincerely"),), (t(0.08, letter.signed or org.team, True),))
    _foot(page, org, 1, 1)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "watermark": _watermark,
    "mailer": _mailer,
    "definitions": _definitions,
    "portal": _portal,
    "debit": _direct_debit,
    "pay": _scan_to_pay,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.ref)) % len(STYLES)]
    sheets = KINDS[kinds[i % 2]](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    return rng.choice(UK_SHAPES)


# -- organisations (none named by A-Z) ----------------------------------------------------------


def _co(name: str, number: str, office: str, extra: str = "") -> str:
    return f"{name}. Registered in England and Wales, company no. {number}. Registered office: {office}.{extra}"


FCA = " Authorised and regulated by the Financial Conduct Authority."
CARD = Org("Thameside Card Services Ltd", "PO Box 4410", "Croydon CR9 1WT", "0330 024 6610",
           _co("Thameside Card Services Ltd", "10772431", "Wellesley Road, Croydon CR0 2AG", FCA), "Card Services", "my.thamesidecard.co.uk")  # fmt: skip
LOANS = Org("Lea Valley Personal Finance Ltd", "Southbury Road", "Enfield EN1 1YQ", "020 8150 3382",
            _co("Lea Valley Personal Finance Ltd", "11629057", "Southbury Road, Enfield EN1 1YQ", FCA), "Collections", "online.leavalleyfinance.co.uk")  # fmt: skip
CLAIMANT = Org("Wandle Motor Finance Ltd", "Merton High Street", "London SW19 1DN", "020 8012 7745",
               _co("Wandle Motor Finance Ltd", "09442817", "Merton High Street, London SW19 1DN", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court at Romford", "Civil Section, Main Road", "Romford RM1 3BH", "0300 123 5577",
                  "HM Courts and Tribunals Service. Always quote the claim number.", "Civil Section")  # fmt: skip
SCAFFOLD = Org("Hog's Back Scaffolding Ltd", "Runfold Lane", "Farnham GU10 1PL", "01252 780 412",
               _co("Hog's Back Scaffolding Ltd", "07115983", "Runfold Lane, Farnham GU10 1PL"))  # fmt: skip
JUDGMENT_COURT = Org("County Court at Guildford", "Mary Road", "Guildford GU1 4PS", "0300 123 5577",
                     "HM Courts and Tribunals Service. Payments go to the claimant, not to the court.", "Court Office")  # fmt: skip
THAMESIDE = Org("Thameside Borough Council", "Revenues, Civic Offices, New Road", "Grays RM17 6SL", "01375 650 220",
                team="Revenues Service", site="myaccount.thameside.gov.uk")  # fmt: skip
ENFORCER = Org("Chafford Enforcement Services Ltd", "PO Box 3391", "Grays RM16 9DG", "01375 881 404",
               _co("Chafford Enforcement Services Ltd", "12775310", "London Road, Grays RM17 5YB", " Certificated enforcement agents."), "Compliance Team")  # fmt: skip
MERCHANT = Org("Purfleet Builders' Merchants Ltd", "London Road", "Purfleet RM19 1QY", "01708 862 509",
               _co("Purfleet Builders' Merchants Ltd", "04830226", "London Road, Purfleet RM19 1QY"), "Credit Department")  # fmt: skip
COUNCILS = (
    Org("Wandle Valley Borough Council", "Council Tax, Town Hall, Garratt Lane", "London SW18 4DU", "020 8871 6620", team="Council Tax Service", site="my.wandlevalley.gov.uk"),
    Org("Colne Valley District Council", "Council Tax, Rickmansworth Road", "Watford WD17 3EX", "01923 776 310", team="Council Tax Service", site="myaccount.colnevalley.gov.uk"),
)  # fmt: skip
ENERGY = Org("Greenwich Peninsula Energy Ltd", "PO Box 7718", "London SE10 0QF", "0800 048 5521",
             _co("Greenwich Peninsula Energy Ltd", "13305942", "Millennium Way, London SE10 0BE"), "Customer Billing", "account.gpenergy.co.uk")  # fmt: skip
WATER = Org("Mole and Wey Water Ltd", "Leatherhead Road", "Chessington KT9 2NY", "0800 316 4420",
            _co("Mole and Wey Water Ltd", "03977162", "Leatherhead Road, Chessington KT9 2NY"), "Income Recovery", "my.moleandwey.co.uk")  # fmt: skip
MAGISTRATES = Org("Lea Valley Magistrates' Court", "Fines Office, Old Street", "Hackney Wick E9 5EN", "0300 790 6655",
                  "HM Courts and Tribunals Service - London collection and compliance.", "Fines Office")  # fmt: skip
LENDER = Org("Ware and Hertford Loans Ltd", "Fore Street", "Hertford SG14 1BZ", "01992 503 118",
             _co("Ware and Hertford Loans Ltd", "08236640", "Fore Street, Hertford SG14 1BZ", FCA))  # fmt: skip
BUYER = Org("Docklands Receivables Ltd", "PO Box 66021", "London E14 9WP", "020 3318 2240",
            _co("Docklands Receivables Ltd", "14410583", "Marsh Wall, London E14 9TP", FCA), "Account Management", "portal.docklandsreceivables.co.uk")  # fmt: skip
COLNE = COUNCILS[1]
COLNE_HB = Org("Colne Valley District Council", "Benefit Overpayments, Rickmansworth Road", "Watford WD17 3EX", "01923 776 450",
               team="Overpayments Team", site="myaccount.colnevalley.gov.uk")  # fmt: skip
SOCIETY = Org("Wey Navigation Building Society", "PO Box 209", "Guildford GU1 9AX", "0345 121 7780",
              "Wey Navigation Building Society, Millmead, Guildford GU1 3XJ, is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 205517).", "Mortgage Help", "online.weynavigation.co.uk")  # fmt: skip
HOMES = Org("Lea Bridge Homes", "Rent Team, Church Road", "London E10 7BQ", "020 8556 9031",
            "Lea Bridge Homes is a registered provider of social housing (L4419) and a charitable community benefit society.", "Rent Team", "myhome.leabridgehomes.org.uk")  # fmt: skip
CATALOGUE = Org("Walthamstow Home Shopping Ltd", "Hoe Street", "London E17 4QH", "0345 071 2288",
                _co("Walthamstow Home Shopping Ltd", "06118237", "Hoe Street, London E17 4QH", FCA), "Accounts Team", "myaccount.walthamstowshopping.co.uk")  # fmt: skip
BNPL = Org("Quartered Pay Ltd", "Rivington Street", "London EC2A 3DT", "020 3890 4410",
           _co("Quartered Pay Ltd", "15330642", "Rivington Street, London EC2A 3DT", FCA), "Customer Support", "app.quarteredpay.co.uk")  # fmt: skip
ROOFER = Org("Ranmore Slate and Tile Ltd", "Station Road", "Dorking RH4 1HF", "01306 740 218",
             _co("Ranmore Slate and Tile Ltd", "08813370", "Station Road, Dorking RH4 1HF"))  # fmt: skip
SOLICITORS = Org("Colley Hill Solicitors LLP", "Debt Recovery, Bell Street", "Reigate RH2 7AN", "01737 220 614",
                 "Colley Hill Solicitors LLP (OC418827), Bell Street, Reigate RH2 7AN, is authorised and regulated by the Solicitors Regulation Authority (no. 651203).", "Debt Recovery")  # fmt: skip
EMPLOYERS = (
    Org("Tilbury Riverside Stevedores Ltd", "Payroll, Ferry Road", "Tilbury RM18 7NG", "01375 852 990",
        _co("Tilbury Riverside Stevedores Ltd", "03662145", "Ferry Road, Tilbury RM18 7NG"), "Payroll", "hr.tilburystevedores.co.uk"),
    Org("Box Hill Garden Centre Ltd", "Wages Office, London Road", "Dorking RH5 6BY", "01306 884 412",
        _co("Box Hill Garden Centre Ltd", "02847719", "London Road, Dorking RH5 6BY"), "Wages Office", "people.boxhillgardens.co.uk"),
)  # fmt: skip
BANK = Org("Thames Estuary Bank plc", "Statements, High Street", "Southend-on-Sea SS1 1JF", "0345 600 3381",
           _co("Thames Estuary Bank plc", "01873306", "High Street, Southend-on-Sea SS1 1JF", " Eligible deposits are protected by the FSCS."), "Statements", "online.thamesestuarybank.co.uk")  # fmt: skip
MATERNITY = Org("Department for Work and Pensions", "Maternity Allowance, Freepost DWP MA", "Wolverhampton WV98 2YZ", "0800 169 0283",
                "Maternity Allowance is paid by the Department for Work and Pensions.", "Maternity Allowance Centre", "www.gov.uk/maternity-allowance")  # fmt: skip
BEREAVEMENT = Org("Department for Work and Pensions", "Bereavement Service, Freepost DWP BSP", "Wolverhampton WV98 2GT", "0800 151 2012",
                  "Bereavement Support Payment is paid by the Department for Work and Pensions.", "Bereavement Service", "www.gov.uk/bereavement-support-payment")  # fmt: skip
ALLOTMENTS = Org("Wandle Meadows Allotment Society", "c/o The Trading Hut, Budge Lane", "Mitcham CR4 4AR", "07700 900 418",
                 "Wandle Meadows Allotment Society is run by its members.", "Lettings Secretary", "wandlemeadows.org.uk")  # fmt: skip
BARGE = Org("Leigh Spritsail Barge Club", "The Quay, Old Leigh", "Leigh-on-Sea SS9 2ER", "07700 900 731",
            "Leigh Spritsail Barge Club is a registered charity (no. 1098833).", "Crew Secretary", "leighbargeclub.org.uk")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A Croydon card company (watermark) or an Enfield lender (scan to pay)."""
    kinds = ("watermark", "pay")
    when = _when(rng)
    date, owed = dated(rng), balance(rng)
    org = CARD if i % 2 == 0 else LOANS
    ref = (
        f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}"
        if i % 2 == 0
        else f"LVF{digits(rng, 7)}"
    )
    by = later(date, 14)
    letter = Letter(
        org=org, title="We need to hear from you about your arrears", date=date, when=when,
        truth=owes(C.CREDITOR_LETTER, org.name, ref, owed, date, deadline_date=by),
        ref_label="Loan agreement ref" if i % 2 else "Card account ref", ref=ref, owed=owed,
        facts=[("Arrears standing on the account", pounds(owed), "the Arrears"), ("Ring or write to us by", when(by), "the Contact Date")],
        paras=("Your recent payments have been missed and your account is now in arrears.",
               f"The arrears outstanding are {pounds(owed)}. Please pay this amount, or contact us to agree a repayment plan, by {when(by)}.",
               "If we do not hear from you we may issue a default notice and report the account to the credit reference agencies. Free and impartial debt advice is available from MoneyHelper."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 3)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("definitions", "watermark")
    when = _when(rng)
    date = dated(rng)
    claimed = balance(rng, 90_000, 1_200_000)
    fee, costs = rng.choice((11_500, 20_500, 45_500)), rng.choice((8_000, 10_000, 11_000))
    total = claimed + fee + costs
    ref, claim = f"WMF-{digits(rng, 6)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="Notice that a money claim has been issued", date=date, when=when, mark="COPY",
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Claim number", ref=claim, owed=total,
        facts=[("Total sum on the claim", pounds(total), "the Total Claimed"), ("Claimant", CLAIMANT.name, "the Claimant"),
               ("Claimant's file ref", ref, "the Claimant's Reference"), ("Debt before fee and costs", pounds(claimed), "the Debt"),
               ("Fee the court charged at issue", pounds(fee), "the Court Fee"), ("Costs fixed by the court rules", pounds(costs), "the Costs"),
               ("Service is deemed on", when(served), "the Date of Service"), ("Last day to answer the court", when(by), "the Response Date")],
        paras=(f"{CLAIMANT.name} (reference {ref}) has issued a claim against you for money owed under a hire purchase agreement.",
               f"The debt is {pounds(claimed)}. With the court fee of {pounds(fee)} and costs of {pounds(costs)} the total claimed is {pounds(total)}.",
               f"The claim is deemed served on {when(served)}. If you do not respond by {when(by)} the claimant may ask for judgment to be entered against you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("mailer", "definitions")
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 45_000, 1_250_000)
    ref, claim = f"HBS{digits(rng, 5)}", _claim_no(rng)
    monthly, by = rng.choice((2_500, 5_000, 10_000)), later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    how = (f"to pay {pounds(owed)} to the claimant by {when(by)}" if extra
           else f"to pay {pounds(owed)} to the claimant by instalments of {pounds(monthly)} a month")  # fmt: skip
    facts: list[Fact] = [("Judgment debt to pay", pounds(owed), "the Judgment Sum"), ("Claimant", SCAFFOLD.name, "the Claimant"),
                         ("Claimant's file ref", ref, "the Claimant's Reference")]  # fmt: skip
    facts.append(
        ("Whole sum payable by", when(by), "the Payment Date")
        if extra
        else ("Instalment due monthly", pounds(monthly), "the Instalment")
    )
    letter = Letter(
        org=JUDGMENT_COURT, title="The court has entered judgment against you", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, SCAFFOLD.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Claim number", ref=claim, facts=facts, owed=owed,
        paras=(f"You did not reply to the claim brought by {SCAFFOLD.name} (reference {ref}), and judgment has been entered against you.",
               f"The court orders you {how}.",
               "If you pay in full within one month of the judgment it will be removed from the Register of Judgments, Orders and Fines."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kinds = ("watermark", "pay")
    when = _when(rng)
    date = dated(rng)
    order = balance(rng, 20_000, 250_000)
    owed = order + 7_500
    case, by = f"CES/{digits(rng, 7)}", later(date, 7)
    letter = Letter(
        org=ENFORCER, title="Enforcement agents instructed: council tax", date=date, when=when,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, THAMESIDE.name, case, owed, date, deadline_date=by),
        ref_label="Case ref with the agents", ref=case, owed=owed,
        facts=[("Owed altogether now", pounds(owed), "the Balance"), ("Acting on the instructions of", THAMESIDE.name, "the Council"),
               ("Order sum owed to the council", pounds(order), "the Order Sum"), ("Compliance fee now added", pounds(7_500), "the Fee"),
               ("Clear everything by", when(by), "the Final Date")],
        paras=(f"{THAMESIDE.name} has passed us a liability order for unpaid council tax and asked us to collect it.",
               f"The liability order is for {pounds(order)}; the compliance fee of {pounds(7_500)} has been added and the balance is now {pounds(owed)}.",
               f"Pay the balance, or call us to agree an arrangement, by {when(by)}. Otherwise an enforcement agent may visit and more fees will be added."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("definitions", "watermark")
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 520_000, 2_600_000)
    ref, by = f"PBM{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=MERCHANT, title="Statutory demand (section 268(1)(a) Insolvency Act 1986)", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, MERCHANT.name, ref, owed, date, deadline_date=by),
        ref_label="Trade ledger no.", ref=ref, owed=owed, mark="STATUTORY DEMAND",
        facts=[("Debt you must pay or secure", pounds(owed), "the Debt"), ("Pay, secure or compound by", when(by), "the Period End")],
        paras=("Building materials were supplied to you on a trade account, and the invoices remain unpaid.",
               f"The creditor demands that you pay {pounds(owed)}, or secure or compound for it to its satisfaction, by {when(by)}.",
               "If you do not, the creditor may present a bankruptcy petition. You may apply to the court to set this demand aside within 18 days of service."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("debit", "mailer")
    org = COUNCILS[i % 2]
    when = _when(rng)
    date = dated(rng)
    ref, by = f"{digits(rng, 9)}", later(date, 7)
    owed = rng.randrange(9_000, 24_000) + rng.randrange(9_000, 24_000)
    letter = Letter(
        org=org, title="Reminder: Council Tax instalments missed", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Council Tax payer no.", ref=ref, owed=owed,
        facts=[("Instalments missed to date", pounds(owed), "the Overdue Sum"), ("Pay these by", when(by), "the Reminder Date")],
        paras=("The instalments of Council Tax due on your account have not been paid.",
               f"The overdue instalments come to {pounds(owed)}. Please pay by {when(by)} and you can keep paying by instalments.",
               "Paying by Direct Debit means you will not miss an instalment again. If you do not pay, we may apply for a summons and costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("pay", "portal")
    when = _when(rng)
    date = dated(rng)
    ref, by = f"{digits(rng, 10)}", later(date, 14)
    owed = balance(rng, 4_500, 60_000)
    letter = Letter(
        org=ENERGY, title="Your gas and electricity bill this quarter", date=date, when=when,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Energy customer ref", ref=ref, owed=owed,
        facts=[("Value of this bill", pounds(owed), "the Bill"), ("Money to reach us by", when(by), "the Due Date")],
        paras=("This bill is for the gas and electricity used at your home since your last bill.",
               f"The amount of this bill is {pounds(owed)}, due by {when(by)}.",
               "If you are finding it hard to pay, talk to us about a payment plan or the Warmer Homes grants."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("debit", "watermark")
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 11_000, 150_000)
    ref, by = f"MW{digits(rng, 3)}-{digits(rng, 6)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Your water charges are overdue", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Water supply ref", ref=ref, owed=owed,
        facts=[("Water and sewerage owed", pounds(owed), "the Overdue Charges"), ("Pay or ring us by", when(by), "the Reply Date")],
        paras=("We have written before about the water charges on your account, which are still unpaid.",
               f"Your overdue charges are {pounds(owed)}. Please pay, or contact us by {when(by)} to spread the cost or ask about our social tariff.",
               "If we do not hear from you we may pass the debt to a collection agency, which may affect your credit rating."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("mailer", "pay")
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 8_000, 170_000)
    ref, by = f"{digits(rng, 2)}/{digits(rng, 6)}/{letters(rng, 1)}", later(date, 14)
    letter = Letter(
        org=MAGISTRATES, title="Reminder: your fine is overdue", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Collection order ref", ref=ref, owed=owed,
        facts=[("Owing on the fine", pounds(owed), "the Balance"), ("Clear the balance by", when(by), "the Date")],
        paras=("The court ordered you to pay a fine, prosecution costs and a victim surcharge, and your payments have stopped.",
               f"The balance of the fine is {pounds(owed)}. Please pay it, or contact the fines office, by {when(by)}.",
               "If you do not, the court may deduct the money from your wages or benefits or pass your account to enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("definitions", "portal")
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 26_000, 780_000)
    ref, old = f"DR{digits(rng, 8)}", f"WHL-{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="Your loan now belongs to us: notice of assignment", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="Docklands account ref", ref=ref, owed=owed,
        facts=[("Balance carried over at sale", pounds(owed), "the Assigned Balance"), ("Lender before the sale", LENDER.name, "the Assignor"),
               ("Old loan ref", old, "the Loan")],
        paras=(f"{LENDER.name} has assigned its rights under your loan agreement {old} to us. The money is now owed to us.",
               f"The balance assigned is {pounds(owed)}. We will not add interest or charges.",
               "Please quote your new account number when you pay or contact us. Any payment plan you had will carry on."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("debit", "mailer")
    when = _when(rng)
    date = dated(rng)
    weeks, weekly = rng.randrange(6, 40), rng.randrange(1_800, 9_500)
    owed = weeks * weekly
    ref, by = f"HBOP{digits(rng, 6)}", later(date, 21)
    letter = Letter(
        org=COLNE_HB, title="Housing Benefit paid in error: invoice", date=date, when=when,
        truth=owes(C.OVERPAYMENT, COLNE_HB.name, ref, owed, date, deadline_date=by),
        ref_label="Overpayment claim ref", ref=ref, owed=owed,
        facts=[("Benefit to pay back", pounds(owed), "the Overpayment"), ("Pay or set up a repayment plan by", when(by), "the Due Date")],
        paras=(f"Your Housing Benefit was reassessed when your hours at work went up, and you were paid too much for {weeks} weeks.",
               f"The overpayment to repay is {pounds(owed)}. Please pay it, or agree a repayment plan, by {when(by)}.",
               "You can ask us to look at the decision again, or appeal, within one month of the date of this invoice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("portal", "debit")
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 60_000, 900_000)
    monthly = rng.randrange(42_000, 160_000)
    ref = f"{digits(rng, 8)}-{digits(rng, 2)}"
    letter = Letter(
        org=SOCIETY, title="Your mortgage is running behind", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Mortgage roll number", ref=ref, owed=owed,
        facts=[("Arrears", pounds(owed), "the Arrears"), ("Monthly sum under the mortgage", pounds(monthly), "the Monthly Payment")],
        paras=("Your mortgage payments have fallen behind. We want to help you get back on track.",
               f"The arrears on your mortgage are {pounds(owed)}; your contractual monthly payment is {pounds(monthly)}.",
               "Please call our Mortgage Help team to talk about a plan. We will only ever take possession of your home as a last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("pay", "portal")
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 9_000, 320_000)
    weekly = rng.randrange(9_500, 19_500)
    ref = f"LBH/{digits(rng, 5)}"
    letter = Letter(
        org=HOMES, title="Your rent account needs attention", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Tenancy payment ref", ref=ref, owed=owed,
        facts=[("Arrears on the rent at today", pounds(owed), "the Arrears"), ("Rent charge per week", pounds(weekly), "the Weekly Rent")],
        paras=("Your rent has not been paid in full for some weeks.",
               f"Your rent arrears are {pounds(owed)} and your weekly rent is {pounds(weekly)}. Please contact the Rent Team to agree how you will clear them.",
               "If your Universal Credit or your income has changed, tell us. We can refer you to free money advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("portal", "debit")
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 2_500, 140_000)
    by = later(date, 10)
    if i % 2 == 0:
        org, ref, title = (
            BNPL,
            f"QP-{letters(rng, 3)}{digits(rng, 5)}",
            "Missed instalments on your order",
        )
        first = "We could not take the last two instalments for your order from your card."
    else:
        org, ref, title = (
            CATALOGUE,
            f"{digits(rng, 4)}-{digits(rng, 5)}",
            "Your shopping account is overdue",
        )
        first = "Payments on your shopping account are overdue, so we have paused new orders."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Order or account ref", ref=ref, owed=owed,
        facts=[("Missed instalments outstanding", pounds(owed), "the Overdue Amount"), ("Bring the plan up to date by", when(by), "the Catch-up Date")],
        paras=(first,
               f"The overdue amount is {pounds(owed)}. Please pay it by {when(by)} to avoid late fees and a report to the credit reference agencies.",
               "If you are struggling, tell us and we will pause collection for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("definitions", "pay")
    when = _when(rng)
    date = dated(rng)
    owed = balance(rng, 60_000, 1_400_000)
    ref, by = f"RST{digits(rng, 5)}", later(date, 30)
    letter = Letter(
        org=SOLICITORS, title="Letter of claim: unpaid roofing invoice", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, ROOFER.name, ref, owed, date, deadline_date=by),
        ref_label="Client's ledger ref", ref=ref, owed=owed, signed="Colley Hill Solicitors LLP",
        facts=[("Total our client is owed", pounds(owed), "the Sum Claimed"), ("We represent", ROOFER.name, "our Client"), ("Your reply is due by", when(by), "the Reply Date")],
        paras=(f"We act for {ROOFER.name}, which retiled the roof of your property and invoiced you when the work was done.",
               f"Our client claims {pounds(owed)}. Under the Pre-Action Protocol for Debt Claims please complete the enclosed reply form and send it to us by {when(by)}.",
               "If you do not reply, our client may issue court proceedings without further notice and claim interest and costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def payslip(rng: random.Random, i: int) -> Doc:
    """Printed from an HR portal (even) or in a sealed payslip mailer (odd)."""
    org, date = EMPLOYERS[i % 2], dated(rng)
    when = _when(rng)
    frequency = ("weekly", "monthly", "fortnightly", "four_weekly")[i % 4]
    scale = {"weekly": 1, "fortnightly": 2, "four_weekly": 4, "monthly": 4.33}[frequency]
    hours = round(37.5 * scale, 2)
    rate = rng.randrange(1_200, 2_100)
    basic = round(hours * rate)
    extra = rng.randrange(0, 8_500)
    gross = basic + extra
    tax, ni, pension = gross * 12 // 100, gross * 6 // 100, gross * 4 // 100
    net = gross - tax - ni - pension
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    style = STYLES[(i + 2) % len(STYLES)]
    page = Sheet(style)
    size = SMALL + 1.5
    lines = [("Basic pay", basic), ("Overtime", extra), ("Gross pay", gross), ("Income tax", tax), ("National Insurance", ni),
             ("Pension", pension), ("Net pay", net)]  # fmt: skip
    if i % 2 == 0:
        stamp = f"{date:%d/%m/%Y}, {rng.randrange(8, 20):02d}:{rng.randrange(60):02d}"
        page.add(
            (t(0.05, stamp, size=SMALL), ct(0.5, f"Payslip | {org.name} people portal", size=SMALL))
        )
        page.gap()
        page.add((t(0.08, org.name, True, size=style.point + 2),))
        page.add(
            (
                t(0.08, "Home     My pay     Holidays     Documents", size=SMALL + 1),
                rt(0.92, "Sign out", size=SMALL + 1),
            )
        ).rule().gap()
        page.add((t(0.08, "Home  >  My pay  >  Payslips", size=SMALL + 0.5),)).gap()
        page.add((t(0.08, f"Payslip for {first} {surname}", True, size=style.point + 3),))
        page.add((t(0.08, f"Pay date {system(date)}", size=size), t(0.4, f"Pay frequency: {FREQUENCY_SHOWN[frequency][0]}", size=size),
                  rt(0.92, f"Employee no. {digits(rng, 6)}", size=size)))  # fmt: skip
        page.gap()
        top = len(page.rows)
        for label, pence in lines:
            page.add(
                (
                    t(0.1, label, label in ("Gross pay", "Net pay"), size=size),
                    rt(0.6, plain(pence), label in ("Gross pay", "Net pay"), size=size),
                )
            )
        page.rects.append(Rect(top, len(page.rows) - 1, 0.08, 0.62, True, 242))
        page.gap()
        page.para(
            f"Your net pay of {pounds(net)} was paid into your bank account on {when(date)}.",
            x=0.08,
        )
        page.foot = len(page.rows)
        page.add(
            (
                t(0.05, f"https://{org.site}/pay/payslips", size=SMALL - 0.5),
                rt(0.95, "1/1", size=SMALL - 0.5),
            )
        )
    else:
        page.perforated = True
        page.add(
            (
                t(0.06, "<< Pull here to open", size=SMALL),
                rt(0.94, "Pull here to open >>", size=SMALL),
            )
        )
        page.add((ct(0.5, "PRIVATE AND CONFIDENTIAL - PAYSLIP", True, size=SMALL + 0.5),)).gap()
        page.add(
            (t(0.14, f"{first} {surname}"),),
            (t(0.14, f"Works no. {digits(rng, 5)}"),),
            (t(0.14, org.name),),
        )
        page.gap(2)
        page.rule(0.04, 0.96, dashed=True)
        page.add((ct(0.5, "fold", italic=True, size=SMALL - 1),))
        page.add(
            (
                t(0.08, org.name, True, size=style.point + 1),
                rt(0.92, f"Pay date {when(date)}", size=size),
            )
        )
        page.add(
            (
                t(0.08, f"{first} {surname}", size=size),
                rt(0.92, f"Paid {FREQUENCY_SHOWN[frequency][1]}", size=size),
            )
        ).gap()
        page.add(
            (
                t(0.1, "Payments", True, size=size),
                rt(0.45, "Amount", True, size=size),
                t(0.55, "Deductions", True, size=size),
                rt(0.9, "Amount", True, size=size),
            )
        )
        for (a, pa), (b, pb) in zip(lines[:3], lines[3:6], strict=True):
            page.add(
                (
                    t(0.1, a, size=size),
                    rt(0.45, plain(pa), size=size),
                    t(0.55, b, size=size),
                    rt(0.9, plain(pb), size=size),
                )
            )
        page.gap()
        page.rule(0.04, 0.96, dashed=True)
        page.add((ct(0.5, "fold", italic=True, size=SMALL - 1),))
        page.box(
            [
                (t(0.1, "Total gross pay", True), rt(0.88, pounds(gross), True)),
                (t(0.1, "Net pay this period", True), rt(0.88, pounds(net), True)),
            ],
            0.08,
            0.92,
            fill=228,
        )
        _foot(page, org, 1, 1)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """Printed from online banking (even) or a re-issued duplicate (odd: two pages when
    ``i`` is 3)."""
    date = dated(rng)
    when = _when(rng)
    style = STYLES[i % len(STYLES)]
    start = later(date, -30)
    opening = rng.randrange(4_000, 150_000)
    items = [("TILBURY RIVERSIDE WAGES", 0, rng.randrange(90_000, 210_000)), ("DD GREENWICH PENINSULA EN", rng.randrange(5_000, 15_000), 0),
             ("CARD LAKESIDE THURROCK", rng.randrange(900, 7_000), 0), ("SO LEA BRIDGE HOMES", rng.randrange(40_000, 72_000), 0),
             ("CASH GRAYS HIGH ST", 2_000, 0), ("DD THAMESIDE BC CTAX", rng.randrange(9_000, 17_000), 0),
             ("FP FROM P OKONJO-HART", 0, rng.randrange(1_500, 9_000)), ("CARD OYSTER TFL TRAVEL", rng.randrange(300, 1_800), 0),
             ("DD WALTHAMSTOW HOME SH", rng.randrange(2_500, 8_500), 0), ("DD MOLE AND WEY WATER", rng.randrange(2_800, 7_500), 0)]  # fmt: skip
    size = SMALL + 1
    head = (t(0.08, "Date", True, size=size), t(0.2, "Description", True, size=size), rt(0.6, "Paid out", True, size=size),
            rt(0.75, "Paid in", True, size=size), rt(0.92, "Balance", True, size=size))  # fmt: skip
    sort, account = f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}", digits(rng, 8)
    sheets: list[Sheet] = []
    page = Sheet(style)
    if i % 2 == 0:
        stamp = f"{date:%d/%m/%Y}, {rng.randrange(8, 20):02d}:{rng.randrange(60):02d}"
        page.add((t(0.05, stamp, size=SMALL), ct(0.5, f"Statements | {BANK.name}", size=SMALL)))
        page.gap()
        page.add((t(0.08, BANK.name, True, size=style.point + 2),))
        page.add(
            (
                t(0.08, "Accounts     Payments     Statements     Help", size=SMALL + 1),
                rt(0.92, "Log off", size=SMALL + 1),
            )
        ).rule().gap()
        page.add((t(0.08, f"Current account {sort} {account}", True),))
        page.add((t(0.08, f"Statement to {system(date)}", size=size),)).gap()
    else:
        _head(page, BANK, style)
        page.rule().gap()
        _address(page, rng)
        page.add(
            (
                t(0.08, "Current account statement (duplicate)", True),
                rt(0.92, f"Statement date {when(date)}"),
            )
        )
        page.add((t(0.08, f"Sort code {sort}   Account number {account}", size=size),)).gap()
        page.add((ct(0.5, spaced("DUPLICATE"), True, size=WATERMARK),))
    page.add(head).rule(0.08, 0.92)
    page.add(
        (
            t(0.08, f"{start:%d %b}", size=size),
            t(0.2, "Balance brought forward", size=size),
            rt(0.92, plain(opening), size=size),
        )
    )
    running = opening
    split = 6 if i == 3 else len(items)
    for n, (what, out, into) in enumerate(items):
        if n == split:
            _foot(page, BANK, 1, 2)
            sheets.append(page)
            page = Sheet(style)
            page.add(
                (
                    t(0.08, f"{BANK.name}  -  statement continued", True, size=size),
                    rt(0.92, f"Account {account}  -  page 2", size=size),
                )
            )
            page.gap()
            page.add(head).rule(0.08, 0.92)
        running += into - out
        day = later(start, 2 + n * 3)
        page.add((t(0.08, f"{day:%d %b}", size=size), t(0.2, what, size=size), rt(0.6, plain(out) if out else "", size=size),
                  rt(0.75, plain(into) if into else "", size=size), rt(0.92, plain(running), size=size)))  # fmt: skip
    page.rule(0.08, 0.92)
    page.add(
        (t(0.2, "Closing balance", True, size=size), rt(0.92, plain(running), True, size=size))
    ).gap()
    if i % 2 == 0:
        page.foot = len(page.rows)
        page.add(
            (
                t(0.05, f"https://{BANK.site}/accounts/statements", size=SMALL - 0.5),
                rt(0.95, "1/1", size=SMALL - 0.5),
            )
        )
    else:
        page.para(
            "This duplicate replaces nothing: your original statement still stands.",
            x=0.08,
            size=SMALL + 0.5,
        )
        _foot(page, BANK, len(sheets) + 1, len(sheets) + 1)
    sheets.append(page)
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=sheets, style=style
    )


def benefit(rng: random.Random, i: int) -> Doc:
    """Maternity Allowance (even: mailer) or Bereavement Support Payment (odd: portal)."""
    kinds = ("mailer", "portal")
    when = _when(rng)
    date = dated(rng)
    if i % 2 == 0:
        frequency = ("fortnightly", "four_weekly")[(i // 2) % 2]
        weekly = rng.choice((18_722, 17_248, 15_640))
        paid = weekly * (2 if frequency == "fortnightly" else 4)
        org, title, what = MATERNITY, "Your Maternity Allowance", "Maternity Allowance"
        ref_label, ref = (
            "National Insurance number",
            f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}",
        )
    else:
        frequency = "monthly"
        paid = rng.choice((35_000, 10_000))
        org, title, what = (
            BEREAVEMENT,
            "Your Bereavement Support Payment",
            "Bereavement Support Payment",
        )
        ref_label, ref = "BSP claim ref", f"BSP{digits(rng, 7)}"
    facts: list[Fact] = [
        ("Sum we pay you each time", pounds(paid), "the Payment"),
        ("Payment frequency set at", FREQUENCY_SHOWN[frequency][0], "the Frequency"),
    ]
    paras = (f"We have decided that you can get {what} from {when(later(date, -16))}.",
             f"We will pay you {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]} into the account you gave us.",
             "Tell us straight away if your circumstances change, for example if you go back to work or move abroad.")  # fmt: skip
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label=ref_label, ref=ref, facts=facts, paras=paras,
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: an allotment offer (watermark "COPY"), a barge club's crew list
    (portal)."""
    kinds = ("watermark", "portal")
    when = _when(rng)
    date = dated(rng)
    on = later(date, 12 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=ALLOTMENTS, title="An allotment plot is ready for you", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Waiting list no.", ref=digits(rng, 4), mark="COPY",
            facts=[("Plot", f"{rng.randrange(1, 90)}B, Budge Lane", "the Plot"), ("Viewing day", when(on), "the Viewing Day")],
            paras=(f"Good news: you have reached the top of the waiting list. Come and see your plot on {when(on)}.",
                   "Bring stout shoes; the committee will show you the water troughs and the trading hut."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=BARGE, title="You are on the crew list", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Crew member no.", ref=digits(rng, 5),
            facts=[("First sail", when(on), "the First Sail"), ("Muster point", "The Quay, Old Leigh, 8 am", "the Meeting Place")],
            paras=(f"Welcome aboard. Your first sail as crew is on {when(on)}, tide permitting.",
                   "Wear soft-soled shoes and bring waterproofs; lifejackets are provided."),
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
class GSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()
    codes: tuple[tuple[Code, ...], ...] = ()
    perforated: tuple[bool, ...] = ()


def build_g(per_class: int = 4, *, seed: int = 1931) -> list[GSample]:
    """``per_class`` documents of every class, held out, family ``<class>:G``."""
    return build_printed(
        TEMPLATES, FAMILY, per_class, seed, GSample,
        codes=lambda doc: tuple(tuple(s.codes) for s in doc.sheets),
        perforated=lambda doc: tuple(s.perforated for s in doc.sheets),
    )  # fmt: skip


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, g_text, g_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class GScan:
    dpi: int
    skew: float
    """Degrees."""
    photo: bool = False
    """A phone photo under warm indoor light: an orange cast, a lamp's hot spot, the far
    corner in shadow (JPEG without a resolution)."""
    reduced: bool = False
    """A photocopy reduced to 70% and enlarged back: soft and grey, with a copier's halo."""
    dotted: bool = False
    """A faint dot-matrix-like print: glyphs broken into dots, low contrast, the ribbon
    running dry in bands."""


SCANS = (
    GScan(dpi=220, skew=1.6, photo=True),
    GScan(dpi=300, skew=-0.5, reduced=True),
    GScan(dpi=200, skew=0.4, dotted=True),
)

INK = (24, 24, 28)
PALE = (205, 205, 205)
"""The watermark's grey."""


def _qr(pen: ImageDraw.ImageDraw, box: tuple[int, int, int, int], seed: int) -> None:
    """A square payment code: finder squares in three corners, modules drawn at random."""
    x0, y0, x1, _ = box
    n = 25
    cell = max(1, (x1 - x0) // n)
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    for r in range(n):
        for c in range(n):
            finder = ((r < 7 or r >= n - 7) and c < 7) or (r < 7 and c >= n - 7)
            if finder:
                rr, cc = r % (n - 7) if r >= n - 7 else r, c % (n - 7) if c >= n - 7 else c
                on = rr in (0, 6) or cc in (0, 6) or (2 <= rr <= 4 and 2 <= cc <= 4)
            else:
                on = rng.random() < 0.5
            if on:
                pen.rectangle(
                    (
                        x0 + c * cell,
                        y0 + r * cell,
                        x0 + (c + 1) * cell - 1,
                        y0 + (r + 1) * cell - 1,
                    ),
                    fill=INK,
                )


def _draw(sample: GSample, n: int, scan: GScan) -> Image.Image:
    width, height = page_size(sample, scan.dpi)
    image = Image.new("RGB", (width, height), (252, 252, 250))
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, scan.dpi)
    body = round(sample.style.point / 72 * scan.dpi)
    line = max(1, scan.dpi // 120)

    def row_y(row: int) -> int:
        return tops[row] - round(0.1 * body) if row < len(tops) else tops[-1] + heights[-1]

    for rect in sample.rects[n] if sample.rects else ():
        y0 = tops[rect.first] - round(0.2 * body)
        y1 = tops[rect.last] + heights[rect.last] - round(0.2 * body)
        box = (round(rect.x0 * width), y0, round(rect.x1 * width), y1)
        if rect.fill is not None:
            pen.rectangle(box, fill=(rect.fill, rect.fill, rect.fill))
        if rect.outline:
            pen.rectangle(box, outline=INK, width=line)
    for rule in sample.rules[n] if sample.rules else ():
        y = row_y(rule.row)
        x0, x1 = round(rule.x0 * width), round(rule.x1 * width)
        step = scan.dpi // 25 if rule.dashed else x1 - x0
        for x in range(x0, x1, max(1, step)):
            end = min(x1, x + step // 2) if rule.dashed else x1
            pen.line((x, y, end, y), fill=INK, width=line)
    for code in sample.codes[n] if sample.codes else ():
        y0 = tops[code.first]
        y1 = tops[code.last] + heights[code.last]
        side = y1 - y0
        x0 = round(code.x0 * width)
        _qr(pen, (x0, y0, x0 + side, y1), code.seed)
    if sample.perforated and sample.perforated[n]:
        for x in (round(0.018 * width), round(0.982 * width)):
            for y in range(0, height, scan.dpi // 12):
                pen.ellipse((x - 2, y, x + 2, y + 4), fill=(150, 150, 150))
    watermark = round(WATERMARK / 72 * scan.dpi)
    for p in PRINT.layout(sample, n, scan.dpi):
        pen.text(
            (p.left, p.top), p.cell.text, fill=PALE if p.size >= watermark else INK, font=p.font
        )
    return image


def _photo(image: Image.Image, scan: GScan) -> Image.Image:
    """Warm indoor light: an orange cast, a hot spot top left, the far corner in shadow."""
    width, height = image.size
    small = Image.new("L", (64, 64))
    pixels = small.load()
    assert pixels is not None
    for y in range(64):
        for x in range(64):
            d = ((x - 14) ** 2 + (y - 10) ** 2) ** 0.5
            pixels[x, y] = max(0, min(255, round(255 - d * 2.1)))
    light = small.resize((width, height), Image.Resampling.BICUBIC)
    warm = Image.merge(
        "RGB",
        (
            light.point(lambda v: 150 + v * 105 // 255),
            light.point(lambda v: 112 + v * 98 // 255),
            light.point(lambda v: 64 + v * 80 // 255),
        ),
    )
    image = ImageChops.multiply(image, warm)
    image = image.rotate(
        scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(70, 52, 36)
    )
    return image.filter(ImageFilter.GaussianBlur(0.7))


def _reduced(image: Image.Image) -> Image.Image:
    """Copied at 70% and enlarged back: detail lost, grey, the copier's halo at the edge."""
    width, height = image.size
    grey = image.convert("L")
    small = grey.resize((round(width * 0.7), round(height * 0.7)), Image.Resampling.BILINEAR)
    back = small.resize((width, height), Image.Resampling.BILINEAR)
    back = back.point(lambda v: 40 + v * 190 // 255)  # toner never black, paper grey
    pen = ImageDraw.Draw(back)
    edge = round(width * 0.012)
    pen.rectangle((0, 0, width - 1, height - 1), outline=95, width=edge)
    return back.filter(ImageFilter.GaussianBlur(0.5))


DOT_GAP, DOT_INK, DOT_BLUR = 60, 150, 0.6
"""How much ink falls between the dots, how dark the ribbon prints, how soft."""


def _dotted(image: Image.Image, seed: int) -> Image.Image:
    """Each glyph broken into dots on a grid, faint, with paler bands where the ribbon ran
    dry."""
    width, height = image.size
    grey = image.convert("L")
    mask = Image.new("L", (3, 3), 255)
    for x, y in ((2, 0), (2, 1), (2, 2), (0, 2), (1, 2)):
        mask.putpixel((x, y), DOT_GAP)
    strip = Image.new("L", (width, 3), 0)
    for x in range(0, width, 3):
        strip.paste(mask, (x, 0))
    screen = Image.new("L", (width, height), 0)
    for y in range(0, height, 3):
        screen.paste(strip, (0, y))
    ink = ImageChops.invert(grey)
    dots = ImageChops.multiply(ink, screen)
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    fade = Image.new("L", (width, height), 255)
    pen = ImageDraw.Draw(fade)
    for _ in range(5):
        top = rng.randrange(height)
        pen.rectangle(
            (0, top, width, top + rng.randrange(scan_band(height), scan_band(height) * 3)), fill=170
        )
    dots = ImageChops.multiply(dots, fade)
    faint = dots.point(lambda v: 236 - v * DOT_INK // 255)
    return faint.filter(ImageFilter.GaussianBlur(DOT_BLUR))


def scan_band(height: int) -> int:
    return max(4, height // 120)


def render(sample: GSample, n: int, scan: GScan, seed: int = 0) -> Image.Image:
    image = _draw(sample, n, scan)
    if scan.photo:
        return _photo(image, scan)
    image = _reduced(image) if scan.reduced else _dotted(image, seed)
    # (turned while grey, then made colour: its three equal channels turn as the grey does,
    # so the same pixels as turning the colour page, for a third of the work)
    turned = image.rotate(scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=238)
    return turned.convert("RGB")


def g_scanned(sample: GSample, index: int) -> tuple[bytes, str, GScan]:
    """Printed and scanned one of three ways: the phone photo as JPEG without its
    resolution (its first page; PDF when two), the reduced photocopy as PNG (with its
    resolution at odd indexes) or PDF when it has two pages, the dot-matrix print as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 41 + n) for n in range(len(sample.pages))]
    if scan.dotted or len(images) > 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    if scan.photo:
        buffer = io.BytesIO()
        images[0].save(buffer, format="JPEG", quality=82)
        return buffer.getvalue(), "jpeg", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "GSample",
    "GScan",
    "build_g",
    "g_pages",
    "g_scanned",
    "g_text",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
