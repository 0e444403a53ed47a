# ruff: noqa: E501, S311  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``R``, written blind: a seventh measure of how the reader
generalises, in a seventh hand (after ``L``, ``M``, ``N``, ``O``, ``P`` and ``Q``).

``R`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Cell``/``Page``, ``Sample``, ``score``, ``sample_text``, ``normalise_value``),
the shared page engine (``corpus_print``), family Q's module (for its conventions and
interface) and, by grep only, families A-P (to avoid their organisations and wording), the
blind-family tests and the reporting code of ``benchmarks/intake_accuracy.py`` -- **not**
the reader's rules (``assistant.py``, ``fields.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``label_learning.py``, ``read_families.py``, ``ranker.py``,
``ranker_training.py``, the Tesseract extractor), its reading tests, nor any list or
description of the reader's misses (no existing section of benchmarks/OCR.md). It is never
used to write rules, to train or calibrate the classifier or the field ranker
(``build_corpus`` never yields it), nor to choose models: it is measured, and only the
aggregate figures go into benchmarks/OCR.md. Whoever reads its individual misses to change
the reader makes ``R`` no longer blind and must say so there.

What differs from A-Q:

* who writes: Scottish and Northern Irish bodies besides others, all new to the corpus
  (sheriff officers serving a charge for payment for a council, a sheriff court's simple
  procedure claim and decree for a Glasgow credit union, Land & Property Services' rates,
  the NI Housing Executive, the NI Social Security Agency, a Scottish fines enforcement
  officer and an NI magistrates' court, a Belfast card issuer and a Paisley debt buyer, a
  Dundee firm of solicitors, a gas supplier, a power company, a pay-later firm, a building
  society, a glazier's statutory demand, two employers, a bank and a money advice project);
* four kinds of document, each class in two of them (``i`` even / odd):
  - **e-mail printouts**: a mail client's header block (From / Sent / To / Subject), the
    message, and the facts as "label - value" lines, below them the customer's earlier
    message quoted with ``>`` (a distractor amount in it);
  - **statements of account**: a running-balance table (date, details, debit, credit,
    balance) whose LAST row's balance is what is owed now (earlier balances distractors);
  - **"Re:" letters**: the account reference only in the subject line ("Re: ... - account
    ..."), every other fact in sentences;
  - **cover sheets**: page 1 a postal/fax cover sheet with no facts (no date, no amount),
    the facts on page 2 with dotted leaders ("Amount now due ........ £ 1,234.50");
* faces: Liberation Sans Narrow *Italic* (regular weight), DejaVu Serif Condensed
  *Italic* and DejaVu Sans *ExtraLight* bodies (bold headings), 9, 10 and 11 pt;
* dates as "3rd Mar. 2026", "03-03-2026" (day first, dashes) and "Tuesday 3rd March 2026",
  one shape a document (an e-mail's "Sent" line adds a time: "03-03-2026 09:14");
  amounts as "£ 1,234.50" (a space after the sign) and "£1,234" where the pence are 0 (else
  "£1,234.50"), one shape a document;
* scans at 150, 225 and 300 dpi: the existing effects plus a **punched-hole** margin
  (two dark discs at the left edge), a **photocopier streak** (a grey vertical band) and a
  **torn-off corner** (the top right corner missing, dark behind).

Ground truth follows L's to Q's conventions: ``creditor_name`` is whoever is owed now (a
sheriff officer's, a debt buyer's agent's or a solicitor's client, the pursuer on a claim,
the assignee of a sold debt); ``original_creditor`` where a sold debt's first creditor is
named; ``account_reference`` the creditor's account number (a sheriff officer's own case
number is what must be quoted on a charge, so it is the reference there); ``balance_pence``
what is owed now (the last running balance on a statement of account; arrears on rent and
mortgage letters; the sum charged or decerned for); ``letter_date`` the document's own date
(an e-mail's Sent date, a payslip's pay date, a statement's date); ``deadline_date`` and
``served_date`` only where printed. Where a tear-off slip or a quoted e-mail shows another
amount, the body's figure is the truth.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence

from attrs import frozen
from PIL import Image, ImageDraw, ImageFilter

from cma_adapters.rules_assistant.corpus import FIELDS, C, Sample, Scan, Truth, encode_pages, money
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

FAMILY = "R"

PEOPLE = (
    ("Ms", "Siobhan", "Dorrian"),
    ("Mr", "Euan", "Lennox"),
    ("Mrs", "Grainne", "McIlwaine"),
    ("Mr", "Tomasz", "Wieczorek"),
)
ADDRESSES = (
    ("14 Ravenhill Parade", "Belfast", "BT6 8EE"),
    ("2/1, 37 Causeyside Street", "Paisley", "PA1 1YL"),
    ("9 Drumahoe Gardens", "Londonderry", "BT47 3QQ"),
    ("Flat 5, 61 Leith Walk", "Edinburgh", "EH6 8HS"),
)


# -- date and money shapes -----------------------------------------------------------------


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def ord_abbr(date: dt.date) -> str:
    """3rd Mar. 2026"""
    return f"{ordinal(date.day)} {date:%b}. {date.year}"


def dashed(date: dt.date) -> str:
    """03-03-2026"""
    return f"{date:%d-%m-%Y}"


def weekday_ord(date: dt.date) -> str:
    """Tuesday 3rd March 2026"""
    return f"{date:%A} {ordinal(date.day)} {date:%B %Y}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (ord_abbr, dashed, weekday_ord)


def spaced(pence: int) -> str:
    """£ 1,234.50"""
    return "£ " + money(pence)[1:]


def bare(pence: int) -> str:
    """£1,234 where the pence are 0, else £1,234.50"""
    return money(pence)[:-3] if pence % 100 == 0 else money(pence)


MONEY_SHAPES: tuple[Callable[[int], str], ...] = (spaced, bare)

FREQUENCY_SHOWN = {
    "weekly": ("every week",),
    "fortnightly": ("every second week",),
    "four_weekly": ("once every four weeks",),
    "monthly": ("once a month",),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways R prints a true value (to check it is on the page, or in an OCR text)."""
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


# -- faces and sheets -------------------------------------------------------------------------

SMALL = 7.5
_DV = "/usr/share/fonts/truetype/dejavu/"
_LB = "/usr/share/fonts/truetype/liberation/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "nitalic": {
        (False, False): _LB + "LiberationSansNarrow-Italic.ttf",
        (True, False): _LB + "LiberationSansNarrow-Bold.ttf",
        (False, True): _LB + "LiberationSansNarrow-Italic.ttf",
        (True, True): _LB + "LiberationSansNarrow-BoldItalic.ttf",
    },
    "cserif": {
        (False, False): _DV + "DejaVuSerifCondensed-Italic.ttf",
        (True, False): _DV + "DejaVuSerifCondensed-Bold.ttf",
        (False, True): _DV + "DejaVuSerifCondensed-Italic.ttf",
        (True, True): _DV + "DejaVuSerifCondensed-BoldItalic.ttf",
    },
    "light": {
        (False, False): _DV + "DejaVuSans-ExtraLight.ttf",
        (True, False): _DV + "DejaVuSans-Bold.ttf",
        (False, True): _DV + "DejaVuSans-ExtraLight.ttf",
        (True, True): _DV + "DejaVuSans-BoldOblique.ttf",
    },
}
"""Liberation Sans Narrow Italic, DejaVu Serif Condensed Italic and DejaVu Sans ExtraLight
bodies, each with a bold heading face."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "nitalic"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("nitalic", 11.0), Style("cserif", 9.0), Style("light", 10.0))


@frozen
class Rule:
    row: int
    x0: float
    x1: float
    dashed: bool = False


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []

    def rule(self, x0: float = 0.08, x1: float = 0.92) -> Sheet:
        self.rules.append(Rule(len(self.rows), x0, x1))
        return self

    def leaders(self, pairs: Sequence[tuple[str, str]]) -> Sheet:
        """Each label, a row of dots, the value set right."""
        for label, value in pairs:
            dots = "." * max(4, 44 - len(label) - len(value))
            self.rows.append((t(0.1, f"{label} {dots}"), rt(0.9, value, True)))
        return self


@frozen(kw_only=True)
class Doc:
    truth: Truth
    sheets: list[Sheet]
    style: Style


Template = Callable[[random.Random, int], Doc]


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def balance(rng: random.Random, low: int = 9_000, high: int = 520_000) -> int:
    """A third of balances are whole pounds (so "£1,234" occurs)."""
    pence = rng.randrange(low, high)
    return pence - pence % 100 if rng.random() < 0.33 else pence


def dated(rng: random.Random) -> dt.date:
    return dt.date(2025, 2, 3) + dt.timedelta(days=rng.randrange(680))


@frozen
class Shapes:
    when: Callable[[dt.date], str]
    amount: Callable[[int], str]


def shapes(rng: random.Random) -> Shapes:
    return Shapes(rng.choice(DATE_SHAPES), rng.choice(MONEY_SHAPES))


@frozen(kw_only=True)
class Letter:
    """What a template says. ``facts`` are (label, value) pairs already shaped; ``ref`` the
    reference a "Re:" letter puts in its subject line; ``said`` the facts as sentences (the
    "Re:" kind); ``owed`` is the balance a statement of account ends on."""

    sender: str
    address: str
    email: str
    title: str
    date: dt.date
    sh: Shapes
    truth: Truth
    facts: Sequence[tuple[str, str]] = ()
    said: Sequence[str] = ()
    intro: Sequence[str] = ()
    ref: str = ""
    owed: int | None = None
    quoted: str = ""


def person(rng: random.Random) -> tuple[str, str, list[str]]:
    title, first, surname = rng.choice(PEOPLE)
    return (
        f"{title} {surname}",
        f"{first.lower()}.{surname.lower()}@mailbox.example",
        [f"{title} {first} {surname}", *rng.choice(ADDRESSES)],
    )


def _email(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    sh = letter.sh
    name, mail, _ = person(rng)
    page = Sheet(style)
    page.add((t(0.06, f"Printed from webmail for {mail}", size=SMALL),)).rule(0.06, 0.94)
    header = [
        ("From:", f"{letter.sender} <{letter.email}>"),
        ("Sent:", f"{sh.when(letter.date)} {rng.randrange(8, 18):02d}:{rng.randrange(60):02d}"),
        ("To:", mail),
        ("Subject:", letter.title + (f" - {letter.ref}" if letter.ref else "")),
    ]
    page.add(*((t(0.08, k, True), t(0.2, v)) for k, v in header)).rule(0.06, 0.94).gap()
    page.para(f"Dear {name},", x=0.08).gap()
    for text in letter.intro:
        page.para(text, x=0.08).gap()
    page.add(*((t(0.1, f"{k} - {v}"),) for k, v in letter.facts)).gap()
    page.para(f"Kind regards,  {letter.sender}", x=0.08).gap()
    if letter.quoted:
        page.add((t(0.08, f"-----Original Message----- From: {mail}", size=SMALL),))
        for line in (f"> {letter.quoted}", "> Can you tell me what I owe and where to pay?"):
            page.add((t(0.08, line, size=SMALL),))
    page.foot = len(page.rows)
    page.add((t(0.06, "This e-mail and any attachment are confidential.", size=6.5),))
    return [page]


def _letterhead(rng: random.Random, style: Style, letter: Letter, page: Sheet) -> str:
    name, _, lines = person(rng)
    page.add((ct(0.5, letter.sender, True, size=style.point + 4),))
    page.add((ct(0.5, letter.address, size=SMALL),)).rule().gap()
    page.add(*((t(0.1, x),) for x in lines)).gap()
    page.add((t(0.1, letter.sh.when(letter.date)),)).gap()
    return name


def _statement(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A running-balance table ending on what is owed; the other facts in a box above."""
    sh, page = letter.sh, Sheet(style)
    _letterhead(rng, style, letter, page)
    page.add((t(0.1, letter.title, True, size=style.point + 1),)).gap()
    page.box([(t(0.12, k), t(0.45, v, True)) for k, v in letter.facts], 0.1, 0.9).gap()
    assert letter.owed is not None
    pay, charge = rng.randrange(1_000, 5_000), rng.randrange(300, 900)
    start = letter.owed + pay - charge
    moves = (-pay, charge)
    heads = ("Date", "Details", "Debit", "Credit", "Balance")
    xs = (0.09, 0.34, 0.58, 0.71, 0.83)
    page.rule().add(tuple(t(x, h, True, size=SMALL) for x, h in zip(xs, heads, strict=True))).rule()
    when = letter.date - dt.timedelta(days=70)
    running = start
    page.add(
        (
            t(xs[0], sh.when(when), size=SMALL),
            t(xs[1], "Brought forward", size=SMALL),
            t(xs[4], sh.amount(running), size=SMALL),
        )
    )
    for move in moves:
        when += dt.timedelta(days=30)
        running += move
        what, col = ("Payment, thank you", xs[3]) if move < 0 else ("Interest and fees", xs[2])
        page.add(
            (
                t(xs[0], sh.when(when), size=SMALL),
                t(xs[1], what, size=SMALL),
                t(col, sh.amount(abs(move)), size=SMALL),
                t(xs[4], sh.amount(running), size=SMALL),
            )
        )
    page.rule().gap()
    page.para("The last figure in the balance column is the amount you now owe us.", x=0.1).gap()
    page.foot = len(page.rows)
    page.add((t(0.08, f"{letter.sender}. {letter.address}", size=6.5),))
    return [page]


def _re_letter(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    page = Sheet(style)
    name = _letterhead(rng, style, letter, page)
    page.para(f"Dear {name}", x=0.1).gap()
    page.add((t(0.1, f"Re: {letter.title} - account {letter.ref}", True),)).gap()
    for text in (*letter.intro, *letter.said):
        page.para(text, x=0.1, right=0.9).gap()
    page.para("Yours sincerely,", x=0.1).gap(2)
    page.foot = len(page.rows)
    page.add((t(0.08, f"{letter.sender}. {letter.address}", size=6.5),))
    return [page]


def _cover(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """Page 1 a cover sheet with no facts; page 2 the facts with dotted leaders."""
    _, _, lines = person(rng)
    cover = Sheet(style)
    cover.add((ct(0.5, "COVER SHEET", True, size=style.point + 8),)).gap(2)
    cover.add((t(0.12, "For the attention of:", True),), *((t(0.4, x),) for x in lines)).gap()
    cover.add((t(0.12, "From:", True), t(0.4, letter.sender))).gap()
    cover.add((t(0.12, "Number of pages:", True), t(0.4, "2 including this sheet"))).gap(2)
    cover.para(
        "PRIVATE AND CONFIDENTIAL. If this has reached you in error please return it unopened.",
        x=0.12,
        right=0.88,
    )
    page = Sheet(style)
    _letterhead(rng, style, letter, page)
    page.add((t(0.1, letter.title, True, size=style.point + 1),)).gap()
    for text in letter.intro:
        page.para(text, x=0.1, right=0.9).gap()
    page.leaders(letter.facts).gap()
    page.foot = len(page.rows)
    page.add((t(0.08, f"{letter.sender}. {letter.address}", size=6.5),))
    return [cover, page]


KINDS = {"email": _email, "statement": _statement, "re": _re_letter, "cover": _cover}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.sender)) % len(STYLES)]
    return Doc(truth=letter.truth, sheets=KINDS[kinds[i % 2]](rng, style, letter), style=style)


# -- organisations (none named by A-Q) ----------------------------------------------------------


@frozen
class Org:
    name: str
    address: str
    email: str


CARD = Org(
    "Lagan Bridge Card Services Ltd",
    "Lanyon Quay, Belfast BT1 3LG",
    "collections@laganbridgecards.example",
)
BUYER = Org(
    "Gleniffer Debt Purchasing Ltd",
    "Abbey Mill Business Centre, Paisley PA1 1TJ",
    "accounts@gleniffer-dp.example",
)
SHERIFF_COURT = Org(
    "Paisley Sheriff Court", "St James Street, Paisley PA3 2HW", "paisley@courts.example"
)
PURSUER = Org(
    "Thistle Vale Credit Union Ltd", "22 Hope Street, Glasgow G2 6AB", "loans@thistlevalecu.example"
)
OFFICERS = Org(
    "Rennie Stirling Sheriff Officers",
    "Messengers-at-Arms, 5 Dean Street, Kilmarnock KA3 1DY",
    "enquiries@renniestirling.example",
)
COUNCILS = (
    Org(
        "Renfrewshire Council",
        "Council Tax Section, Cotton Street, Paisley PA1 1WB",
        "counciltax@renfrewshire-ct.example",
    ),
    Org(
        "Falkirk Council",
        "Revenues, Municipal Buildings, Falkirk FK1 5RS",
        "revenues@falkirk-ct.example",
    ),
)
LPS = Org(
    "Land & Property Services",
    "Rating Division, Lanyon Plaza, Belfast BT7 2JP",
    "rates@lps-ni.example",
)
GAS = Org(
    "Moyle Gas Supply Ltd", "Ballycastle Road, Coleraine BT52 2DY", "billing@moylegas.example"
)
POWER = Org(
    "Cairngorm Power Ltd",
    "Unit 4, Inverness Retail Park, Inverness IV2 3TW",
    "help@cairngormpower.example",
)
FINES = (
    Org(
        "Scottish Courts Fines Enforcement",
        "Fines Enforcement Officer, Ayr Sheriff Court, Wellington Square, Ayr KA7 1EE",
        "fines@scts-enf.example",
    ),
    Org(
        "Newry Magistrates' Court",
        "Courthouse, Downshire Road, Newry BT34 1DZ",
        "newry.fines@courts-ni.example",
    ),
)
DFC = Org(
    "Northern Ireland Social Security Agency",
    "Debt Management, Limavady BT49 0HA",
    "debt.management@dfc-ni.example",
)
BUILDING_SOCIETY = Org(
    "Ochil Hills Building Society",
    "Mortgage Support, 3 Dollar Road, Alloa FK10 1AA",
    "support@ochilhills.example",
)
NIHE = Org(
    "Northern Ireland Housing Executive",
    "2 Adelaide Street, Belfast BT2 8PB",
    "rent.arrears@nihe-rent.example",
)
PAY_LATER = Org(
    "Cliq Later Ltd", "Floor 3, 40 Bothwell Street, Glasgow G2 6NW", "payments@cliqlater.example"
)
SOLICITORS = Org(
    "Macrae Doig Solicitors",
    "Solicitors and Notaries, 11 Castle Street, Dundee DD1 3AF",
    "recoveries@macraedoig.example",
)
GLAZIER = Org(
    "Kelburn Glazing Ltd",
    "Kelburn Industrial Estate, Largs KA30 8BE",
    "office@kelburnglazing.example",
)
EMPLOYERS = (
    Org(
        "Strathkelvin Bakeries Ltd",
        "Payroll, Kirkintilloch G66 1XQ",
        "payroll@strathkelvin.example",
    ),
    Org(
        "Foyle Care Partnership",
        "Payroll, Strand Road, Londonderry BT48 7AB",
        "payroll@foylecare.example",
    ),
)
BANK = Org(
    "Bank of Mourne plc", "Customer Service, Kilkeel BT34 4AB", "statements@bankofmourne.example"
)
ADVICE = Org(
    "Govan Money Advice Project",
    "Free debt and benefits advice, 805 Govan Road, Glasgow G51 3JW",
    "advice@govanmoney.example",
)


def owes(
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


@frozen(kw_only=True)
class Debt:
    """A debt document's facts: its reference and balance with their labels, further
    facts, and (for a "Re:" letter) sentences with every fact but the reference."""

    ref_label: str
    ref: str
    owed_label: str
    owed: int
    more: Sequence[tuple[str, str]] = ()
    said: Sequence[str] = ()


def debt_doc(
    rng: random.Random,
    i: int,
    kinds: tuple[str, str],
    org: Org,
    title: str,
    date: dt.date,
    sh: Shapes,
    d: Debt,
    truth: Truth,
    intro: Sequence[str] = (),
    quoted: str = "",
) -> Doc:
    kind = kinds[i % 2]
    facts = [(d.ref_label, d.ref)]
    if kind != "statement":
        facts.append((d.owed_label, sh.amount(d.owed)))
    facts += d.more
    letter = Letter(
        sender=org.name,
        address=org.address,
        email=org.email,
        title=title,
        date=date,
        sh=sh,
        truth=truth,
        facts=facts,
        said=d.said,
        intro=intro,
        ref=d.ref if kind == "re" else "",
        owed=d.owed,
        quoted=quoted,
    )
    return compose(rng, i, kinds, letter)


def later(date: dt.date, days: int) -> dt.date:
    return date + dt.timedelta(days=days)


# -- the templates ------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """A Belfast card issuer: an e-mail (a smaller figure in the quoted message) or a
    statement of account ending on the balance."""
    sh, date, owed = shapes(rng), dated(rng), balance(rng)
    ref, by = f"LB-{digits(rng, 4)}-{digits(rng, 4)}", later(date, 21)
    d = Debt(
        ref_label="Lagan card no.",
        ref=ref,
        owed_label="Outstanding now",
        owed=owed,
        more=[("Please pay by", sh.when(by))],
    )
    return debt_doc(
        rng,
        i,
        ("email", "statement"),
        CARD,
        "Your overdue card account",
        date,
        sh,
        d,
        owes(C.CREDITOR_LETTER, CARD.name, ref, owed, date, deadline_date=by),
        intro=("Your card payments have fallen behind. Please contact us if you cannot pay.",),
        quoted=f"I paid {sh.amount(max(500, owed // 7))} last month.",
    )


def claim_form(rng: random.Random, i: int) -> Doc:
    """A simple procedure claim at a sheriff court for a credit union (the pursuer)."""
    sh, date, owed = shapes(rng), dated(rng), balance(rng)
    ref, claim = f"TV{digits(rng, 6)}", f"SP/PAI/{digits(rng, 4)}/{date:%y}"
    by = later(date, 28)
    d = Debt(
        ref_label="Pursuer's loan number",
        ref=ref,
        owed_label="Sum sued for",
        owed=owed,
        more=[("Case reference", claim), ("Last date for a Response Form", sh.when(by))],
        said=(
            f"{PURSUER.name} (the pursuer) has raised a simple procedure claim against you in {SHERIFF_COURT.name}, case reference {claim}.",
            f"The pursuer asks the court to order you to pay {sh.amount(owed)}. You must send a Response Form by {sh.when(by)}.",
        ),
    )
    return debt_doc(
        rng,
        i,
        ("re", "cover"),
        SHERIFF_COURT,
        "Simple Procedure: Claim Form served on you",
        date,
        sh,
        d,
        owes(
            C.COURT_CLAIM_N1,
            PURSUER.name,
            ref,
            owed,
            date,
            court_claim_number=claim,
            deadline_date=by,
        ),
        intro=(f"The pursuer is {PURSUER.name}.",),
    )


def judgment(rng: random.Random, i: int) -> Doc:
    """A sheriff court's decree for the credit union."""
    sh, date, owed = shapes(rng), dated(rng), balance(rng)
    ref, claim = f"TV{digits(rng, 6)}", f"SP/PAI/{digits(rng, 4)}/{date:%y}"
    d = Debt(
        ref_label="Pursuer's loan number",
        ref=ref,
        owed_label="Decree for the sum of",
        owed=owed,
        more=[("Case reference", claim), ("Pursuer", PURSUER.name)],
    )
    return debt_doc(
        rng,
        i,
        ("cover", "email"),
        SHERIFF_COURT,
        "Decree granted against you",
        date,
        sh,
        d,
        owes(C.COUNTY_COURT_JUDGMENT, PURSUER.name, ref, owed, date, court_claim_number=claim),
        intro=("The sheriff has granted decree. You can apply for a time to pay order.",),
    )


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    """Sheriff officers serving a charge for payment for a council: their case number is
    what must be quoted; the date of service printed."""
    council, sh, date, owed = COUNCILS[i % 2], shapes(rng), dated(rng), balance(rng)
    ref, served = f"RS{digits(rng, 7)}", later(date, 2)
    by = later(served, 14)
    d = Debt(
        ref_label="Our case number",
        ref=ref,
        owed_label="Total charged",
        owed=owed,
        more=[
            ("Creditor", council.name),
            ("Charge served on", sh.when(served)),
            ("Pay within 14 days, by", sh.when(by)),
        ],
        said=(
            f"On {sh.when(served)} we served on you a Charge for Payment on behalf of {council.name}.",
            f"The total charged is {sh.amount(owed)}. Unless it is paid by {sh.when(by)}, your wages or bank account may be arrested.",
        ),
    )
    return debt_doc(
        rng,
        i,
        ("cover", "re"),
        OFFICERS,
        "Charge for Payment",
        date,
        sh,
        d,
        owes(
            C.ENFORCEMENT_AGENT_NOTICE,
            council.name,
            ref,
            owed,
            date,
            served_date=served,
            deadline_date=by,
        ),
    )


def statutory_demand(rng: random.Random, i: int) -> Doc:
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 150_000, 900_000)
    ref, by = f"KG/INV/{digits(rng, 5)}", later(date, 21)
    d = Debt(
        ref_label="Unpaid invoice ref.",
        ref=ref,
        owed_label="Sum demanded of you",
        owed=owed,
        more=[("Pay or agree terms within 21 days, by", sh.when(by))],
        said=(
            f"{GLAZIER.name} demands payment of {sh.amount(owed)} for windows supplied and fitted.",
            f"If the debt is not paid or secured by {sh.when(by)}, we may apply for your sequestration (bankruptcy).",
        ),
    )
    return debt_doc(
        rng,
        i,
        ("re", "cover"),
        GLAZIER,
        "Statutory Demand for Payment of Debt",
        date,
        sh,
        d,
        owes(C.STATUTORY_DEMAND, GLAZIER.name, ref, owed, date, deadline_date=by),
    )


def council_tax(rng: random.Random, i: int) -> Doc:
    """Land & Property Services' rates or a Scottish council's council tax."""
    org = LPS if i % 2 else COUNCILS[1]
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 9_000, 180_000)
    ref = f"{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 3)}" if i % 2 else f"FC{digits(rng, 8)}"
    what = "Rates" if i % 2 else "Council Tax"
    d = Debt(ref_label=f"{what} account", ref=ref, owed_label="Unpaid for this year", owed=owed)
    return debt_doc(
        rng,
        i,
        ("statement", "email"),
        org,
        f"{what}: payments missed",
        date,
        sh,
        d,
        owes(C.COUNCIL_TAX, org.name, ref, owed, date),
        intro=(f"Your {what.lower()} instalments have not been paid.",),
    )


def utility_bill(rng: random.Random, i: int) -> Doc:
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 4_000, 60_000)
    ref, by = f"MG{digits(rng, 9)}", later(date, 14)
    d = Debt(
        ref_label="Gas customer number",
        ref=ref,
        owed_label="Moyle gas charges due",
        owed=owed,
        more=[("Payment due", sh.when(by)), ("Meter reading", f"{digits(rng, 5)} (actual)")],
    )
    return debt_doc(
        rng,
        i,
        ("statement", "cover"),
        GAS,
        "Your gas bill",
        date,
        sh,
        d,
        owes(C.UTILITY_BILL, GAS.name, ref, owed, date, deadline_date=by),
    )


def utility_arrears(rng: random.Random, i: int) -> Doc:
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 15_000, 250_000)
    ref = f"CP{digits(rng, 8)}"
    d = Debt(
        ref_label="Power supply account",
        ref=ref,
        owed_label="Unpaid electricity to date",
        owed=owed,
        said=(
            f"Your electricity account is {sh.amount(owed)} in arrears.",
            "We may fit a prepayment meter if we cannot agree a plan with you.",
        ),
    )
    return debt_doc(
        rng,
        i,
        ("email", "re"),
        POWER,
        "Electricity account in arrears",
        date,
        sh,
        d,
        owes(C.UTILITY_ARREARS, POWER.name, ref, owed, date),
        quoted="My meter reading is on the card.",
    )


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    org, sh, date, owed = FINES[i % 2], shapes(rng), dated(rng), balance(rng, 5_000, 90_000)
    ref, by = f"FE{digits(rng, 8)}", later(date, 14)
    d = Debt(
        ref_label="Fines enforcement no.",
        ref=ref,
        owed_label="Sum of the fine left to pay",
        owed=owed,
        more=[("Pay in full by", sh.when(by))],
        said=(
            f"The balance of your fine is {sh.amount(owed)} and must be paid in full by {sh.when(by)}.",
            "If it is not, a deduction from benefit or an arrestment of earnings may follow.",
        ),
    )
    return debt_doc(
        rng,
        i,
        ("re", "cover"),
        org,
        "Unpaid fine",
        date,
        sh,
        d,
        owes(C.MAGISTRATES_FINE, org.name, ref, owed, date, deadline_date=by),
    )


def assignment(rng: random.Random, i: int) -> Doc:
    """The Paisley debt buyer: the card issuer's debt is now theirs."""
    sh, date, owed = shapes(rng), dated(rng), balance(rng)
    ref = f"GDP{digits(rng, 7)}"
    d = Debt(
        ref_label="Your Gleniffer account no.",
        ref=ref,
        owed_label="Sum bought from your lender",
        owed=owed,
        more=[("Previous creditor", CARD.name)],
        said=(
            f"Your debt with {CARD.name} has been sold and assigned to {BUYER.name}.",
            f"The balance transferred to us is {sh.amount(owed)}. Please pay us from now on, not {CARD.name}.",
        ),
    )
    return debt_doc(
        rng,
        i,
        ("email", "re"),
        BUYER,
        "Notice that your debt has been assigned",
        date,
        sh,
        d,
        owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=CARD.name),
        quoted="Who are you? I have never had an account with you.",
    )


def overpayment(rng: random.Random, i: int) -> Doc:
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 20_000, 400_000)
    ref = f"DMS{digits(rng, 7)}"
    d = Debt(
        ref_label="Recovery case no.",
        ref=ref,
        owed_label="Overpaid Universal Credit to repay",
        owed=owed,
        said=(
            f"We have decided you were overpaid Universal Credit. You must repay {sh.amount(owed)}.",
            "We will take repayments from your benefit unless you contact us.",
        ),
    )
    return debt_doc(
        rng,
        i,
        ("re", "cover"),
        DFC,
        "Overpayment of Universal Credit",
        date,
        sh,
        d,
        owes(C.OVERPAYMENT, DFC.name, ref, owed, date),
    )


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 60_000, 900_000)
    ref = f"{digits(rng, 2)}/{digits(rng, 6)}"
    d = Debt(
        ref_label="Home loan account no.",
        ref=ref,
        owed_label="Arrears",
        owed=owed,
        more=[("Monthly payment", sh.amount(rng.randrange(40_000, 120_000)))],
    )
    return debt_doc(
        rng,
        i,
        ("statement", "email"),
        BUILDING_SOCIETY,
        "Mortgage arrears",
        date,
        sh,
        d,
        owes(C.MORTGAGE_ARREARS, BUILDING_SOCIETY.name, ref, owed, date),
        intro=("Your mortgage payments are behind.",),
    )


def rent_arrears(rng: random.Random, i: int) -> Doc:
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 20_000, 300_000)
    ref = f"HE{digits(rng, 8)}"
    d = Debt(
        ref_label="Housing Executive tenancy no.",
        ref=ref,
        owed_label="Rent unpaid to date",
        owed=owed,
        more=[("Weekly rent", sh.amount(rng.randrange(8_000, 16_000)))],
        said=(
            f"Your rent account is {sh.amount(owed)} in arrears.",
            "Please contact your Patch Manager to agree a repayment plan.",
        ),
    )
    return debt_doc(
        rng,
        i,
        ("statement", "re"),
        NIHE,
        "Your rent account is behind",
        date,
        sh,
        d,
        owes(C.RENT_ARREARS, NIHE.name, ref, owed, date),
    )


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    sh, date, owed = shapes(rng), dated(rng), balance(rng, 3_000, 90_000)
    ref, by = f"CQ-{digits(rng, 8)}", later(date, 7)
    d = Debt(
        ref_label="Cliq plan no.",
        ref=ref,
        owed_label="Instalments missed, total",
        owed=owed,
        more=[("Pay before", sh.when(by))],
    )
    return debt_doc(
        rng,
        i,
        ("email", "statement"),
        PAY_LATER,
        "Missed instalments on your plan",
        date,
        sh,
        d,
        owes(C.BNPL_CATALOGUE_ARREARS, PAY_LATER.name, ref, owed, date, deadline_date=by),
        quoted="The trainers were returned.",
    )


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    """Solicitors for the card issuer (who is owed); their own reference a distractor."""
    sh, date, owed = shapes(rng), dated(rng), balance(rng)
    ref, ours, by = (
        f"LB-{digits(rng, 4)}-{digits(rng, 4)}",
        f"MD/{digits(rng, 5)}/JK",
        later(date, 30),
    )
    d = Debt(
        ref_label="Client's account",
        ref=ref,
        owed_label="Sum due to our client",
        owed=owed,
        more=[("Our reference", ours), ("Client", CARD.name), ("Reply by", sh.when(by))],
        said=(
            f"We act for {CARD.name} (our reference {ours}). Our client says you owe {sh.amount(owed)}.",
            f"Unless you reply by {sh.when(by)}, our client may raise court proceedings without further notice.",
        ),
    )
    return debt_doc(
        rng,
        i,
        ("re", "cover"),
        SOLICITORS,
        "Letter before action",
        date,
        sh,
        d,
        owes(C.LETTER_OF_CLAIM, CARD.name, ref, owed, date, deadline_date=by),
    )


def payslip(rng: random.Random, i: int) -> Doc:
    """A payroll e-mail or a payslip behind a cover sheet."""
    org, sh, date = EMPLOYERS[i % 2], shapes(rng), dated(rng)
    frequency = ("weekly", "monthly", "fortnightly", "four_weekly")[i % 4]
    gross = rng.randrange(30_000, 300_000)
    net = gross - gross * rng.randrange(12, 28) // 100
    facts = [
        ("Pay date", sh.when(date)),
        ("You are paid", FREQUENCY_SHOWN[frequency][0]),
        ("Gross pay this period", sh.amount(gross)),
        ("Tax and NI", sh.amount(gross - net)),
        ("Net pay to your bank", sh.amount(net)),
    ]
    letter = Letter(
        sender=org.name,
        address=org.address,
        email=org.email,
        title="Your payslip",
        date=date,
        sh=sh,
        facts=facts,
        intro=("Your payslip for this period is below.",),
        truth=Truth(
            document_class=C.PAYSLIP,
            payer_name=org.name,
            income_pence=net,
            gross_pence=gross,
            letter_date=date,
            frequency=frequency,
        ),
    )
    return compose(rng, i, ("email", "cover"), letter)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """A statement of account from a bank (balances distractors) or behind a cover sheet."""
    sh, date = shapes(rng), dated(rng)
    closing = balance(rng, 1_000, 200_000)
    letter = Letter(
        sender=BANK.name,
        address=BANK.address,
        email=BANK.email,
        title="Statement of your everyday account",
        date=date,
        sh=sh,
        owed=closing,
        facts=[
            ("Sort code", f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}"),
            ("Account", digits(rng, 8)),
        ],
        intro=("Statement of your current account.",),
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date),
    )
    return compose(rng, i, ("statement", "cover"), letter)


def benefit(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    frequency = ("four_weekly", "weekly")[i % 2]
    amount = rng.randrange(8_000, 80_000)
    letter = Letter(
        sender=DFC.name,
        address="Personal Independence Payment Centre, Belfast BT1 9GQ",
        email="pip@dfc-ni.example",
        title="Personal Independence Payment: what you will get",
        date=date,
        sh=sh,
        ref=f"{digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} C",
        facts=[("Amount paid", sh.amount(amount)), ("Paid", FREQUENCY_SHOWN[frequency][0])],
        said=(
            f"We will pay you {sh.amount(amount)} {FREQUENCY_SHOWN[frequency][0]} into your bank account.",
        ),
        truth=Truth(
            document_class=C.BENEFIT_AWARD,
            payer_name=DFC.name,
            income_pence=amount,
            letter_date=date,
            frequency=frequency,
        ),
    )
    return compose(rng, i, ("re", "email"), letter)


def other(rng: random.Random, i: int) -> Doc:
    sh, date = shapes(rng), dated(rng)
    when = later(date, 6)
    letter = Letter(
        sender=ADVICE.name,
        address=ADVICE.address,
        email=ADVICE.email,
        title="Booking confirmed: money advice",
        date=date,
        sh=sh,
        ref=f"GMA{digits(rng, 4)}",
        facts=[
            ("Appointment", f"{sh.when(when)}, 2.15pm"),
            ("Bring", "your letters and bank statements"),
        ],
        said=(
            f"You have an appointment with a money adviser on {sh.when(when)} at 2.15pm. The advice is free.",
        ),
        truth=Truth(document_class=C.OTHER),
    )
    return compose(rng, i, ("email", "re"), letter)


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


# -- the family ---------------------------------------------------------------------------------


@frozen(kw_only=True)
class RSample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_r(per_class: int = 4, *, seed: int = 7411) -> list[RSample]:
    """``per_class`` documents of every class, held out, family ``<class>:R``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, RSample)


PRINT = Printer(FONTS.font, FONTS.measure)
page_size = PRINT.page_size
layout = PRINT.layout
_rows = PRINT.rows
r_words = PRINT.words
r_page_text = PRINT.page_text
r_text = PRINT.text
r_pages = PRINT.pages


@frozen(kw_only=True)
class RScan(Scan):
    """Besides ``Scan``'s effects: two punched holes in the left margin, a photocopier's
    grey vertical streak, and the top right corner torn off (dark behind)."""

    ink: int = 30
    holes: bool = False
    streak: bool = False
    torn: bool = False


SCANS = (
    RScan(dpi=225, holes=True, rotate=0.6, paper=248),
    RScan(dpi=150, streak=True, noise=0.0005),
    RScan(dpi=300, torn=True, blur=0.6, rotate=-0.3),
)


def render(sample: RSample, n: int, scan: RScan, seed: int = 0) -> Image.Image:
    width, height = page_size(sample, scan.dpi)
    image = Image.new("L", (width, height), scan.paper)
    pen = ImageDraw.Draw(image)
    tops, heights = _rows(sample, n, scan.dpi)
    body = round(sample.style.point / 72 * scan.dpi)
    line = max(1, scan.dpi // 110)
    for rect in sample.rects[n] if sample.rects else ():
        y0, y1 = tops[rect.first] - round(0.25 * body), tops[rect.last] + heights[rect.last]
        pen.rectangle(
            (round(rect.x0 * width), y0, round(rect.x1 * width), y1), outline=scan.ink, width=line
        )
    for rule in sample.rules[n] if sample.rules else ():
        y = tops[rule.row] - round(0.25 * body) if rule.row < len(tops) else tops[-1] + heights[-1]
        pen.line((round(rule.x0 * width), y, round(rule.x1 * width), y), fill=scan.ink, width=line)
    for p in layout(sample, n, scan.dpi):
        pen.text((p.left, p.top), p.cell.text, fill=scan.ink, font=p.font)
    if scan.holes:
        r, x = scan.dpi // 8, scan.dpi // 4
        for y in (height // 3, 2 * height // 3):
            pen.ellipse((x - r, y - r, x + r, y + r), fill=40)
    if scan.streak:
        x = width * random.Random(seed).randrange(55, 85) // 100
        pen.rectangle((x, 0, x + scan.dpi // 40, height), fill=190)
    if scan.torn:
        cut = width // 9
        pen.polygon([(width - cut, 0), (width, 0), (width, cut)], fill=35)
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


def r_scanned(sample: RSample, index: int) -> tuple[bytes, str, RScan]:
    """Printed and scanned one of three ways: multi-page ones as one PDF; single pages as
    PNG (every other one without its resolution) or, one in three, as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 17 + n) for n in range(len(sample.pages))]
    if len(images) > 1 or index % 3 == 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "RSample",
    "build_r",
    "page_size",
    "printed_forms",
    "r_pages",
    "r_scanned",
    "r_text",
    "r_words",
    "render",
    "values_in_text",
]
