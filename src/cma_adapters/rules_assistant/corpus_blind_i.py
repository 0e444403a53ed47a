# ruff: noqa: E501  (wording reads better unwrapped; the RNG draws test data)
"""Held-out layout family ``I``, written blind: a nineteenth measure of how the reader
generalises, in a nineteenth hand (after ``L`` to ``Z``, ``G``, ``E`` and ``F``; lettered
I because the corpus's own families never took I).

``I`` was written in one sitting by an author who had read only the corpus's interfaces
(``Truth``, ``Sample``, ``score``, ``sample_text``, ``money``, ``encode_pages``,
``values_found``, ``FIELDS``), the shared page engine (``corpus_print``), family Z's module
and tests (for their conventions), the shared test helpers
(``tests/unit/documents/blind_families.py``, ``tests/integration/ocr/blind_read.py``), the
reporting code of ``benchmarks/intake_accuracy.py`` and ``benchmarks/openai_accuracy.py``,
the "Family ..." sections of benchmarks/OCR.md, F's benchmark registration and its OCR and
measurement tests (as in the commits that added F, not its module) and, by grep only,
families A-Z, G, E and F (to avoid their regions, settings, faces and scan effects; Y's, E's
and F's sources only through the new-words test, which once found a title of I's in F's
module: that title was changed) -- **not** the reader's rules
(``assistant.py``, ``fields.py``, ``values.py``, ``labelled.py``, ``structures.py``,
``prose.py``, ``fields_kinds.py``, ``label_parts.py``, ``layout.py``, ``classifier.py``,
``statements.py``, ``label_learning.py``, ``read_families.py``, ``ranker.py``,
``ranker_training.py``, the Tesseract extractor, the locator, the creditor directory), its
reading tests, nor any account of its misses. It is never used to write rules, to train or
calibrate the classifier or the field ranker (``build_corpus`` never yields it), nor to
choose models: it is measured, and only the aggregate figures go into benchmarks/OCR.md.
Whoever reads its individual misses to change the reader makes ``I`` no longer blind and
must say so there.

What differs from A-Z, G, E and F:

* who writes: bodies and firms of the upper Thames valley, the Vale of White Horse, the
  Berkshire Downs and Salisbury Plain (Oxfordshire, West Berkshire and Wiltshire), none
  named by the earlier families: a card company on Otmoor and a Kennet credit union, a car
  lender suing in the County Court at Oxford, a scaffolding firm's judgment from the County
  Court at Salisbury, White Horse Vale council and its enforcement agents in Thatcham, a
  farm merchant's statutory demand in Banbury, Evenlode and Pewsey Vale councils, an energy
  supplier at Didcot, a water company of the Cherwell and the Windrush, Banbury
  magistrates, a Witney lender and the Marlborough debt buyer it sold to, Kennet Downs'
  Housing Benefit overpayments, a building society of Abingdon and Wantage, a Littlemore
  housing co-operative, a Cornmarket catalogue and a pay-later firm, Newbury solicitors
  for a Chalke Valley groundworks firm, an optics maker at Harwell and a Wantage bottler as
  employers, Godstow Bank, Pension Credit and Carer's Allowance, an allotment association
  and a carnival committee;
* six ways of setting a letter, each class in two of them (``i`` even / odd):
  - **margin**: a letter printed on the back of a leaflet (the leaflet's running head at
    the top), its text in a narrow column, the figures repeated in small italic margin
    notes down the right-hand side;
  - **below**: a form whose labels sit *under* their values, signature-line style (the
    value, a rule, the label in small type), two fields a row;
  - **figures**: "Your account in figures": each figure first, in bold, what it is after
    it in words ("£1,234.56  what you owe us today"), no colon;
  - **leaders**: the details as a contents-page list, each label joined to its value at
    the right margin by a row of dot leaders;
  - **slip**: a compliments slip (the top third of the page: the letterhead, "With
    compliments" and a short typed note with the figures), the rest of the sheet blank;
  - **run-on**: the facts run on in one shaded strip under the letterhead, separated by
    middle dots ("Account no. 123 · Owed £1,234.56 · Pay by ..."), the letter under it;
  payslips as a grid of values over their labels or a "your pay in figures" list; bank
  statements with "Paid out" and "Paid in" columns and a statement period, one page or two;
  a Pension Credit and a Carer's Allowance letter;
* faces no family paired: URW Bookman Light bodies under Liberation Sans Bold headings, URW
  Gothic Book under P052 Bold, DejaVu Serif Condensed under Caladea Bold, 9 to 10.5 pt;
* dates as "4 December 2026", "04-Dec-2026" and "4/12/2026" (no leading zero), one shape a
  document; amounts as "£1,234.56" and, in tables, "1,234.56";
* scans new to the families: a red-ink notice on pink paper scanned in greyscale (200 dpi,
  PNG), a copier's drum ghost (a faint second image of the page 2.2 cm lower; 300 dpi
  greyscale, LZW TIFF) and a flatbed scanned with its lid open (the sheet on black, its
  edges falling into shadow, turned 0.7 degrees; 150 dpi colour JPEG); two-page documents
  as PDF.

Ground truth follows L's to F's conventions: ``creditor_name`` is whoever is owed now (the
council behind an enforcement agent, a solicitor's client, the claimant, the assignee of a
sold debt); ``original_creditor`` where a sold debt's first creditor is named;
``account_reference`` the creditor's account number (on an enforcement notice the agent's
case reference, on a claim form and a judgment the claimant's reference); ``balance_pence``
what is owed now; ``letter_date`` the document's own date; ``deadline_date`` and
``served_date`` only where printed. Payslips give the employer, net and gross pay, pay
date and frequency; benefit letters the payer, the amount paid each time, the date and the
frequency; a bank statement its date.
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
    Cell,
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

FAMILY = "I"

PEOPLE = (
    ("Mrs", "Rosalind", "Venn-Ashdown"),
    ("Mr", "Tobias", "Quarrie-Lund"),
    ("Ms", "Delphine", "Okafor-Brize"),
    ("Mr", "Callum", "Whitlock-Ferne"),
)
ADDRESSES = (
    ("17 Sandford Lane", "Kennington, Oxford", "OX1 5RW"),
    ("Flat 6, 40 Bath Road", "Thatcham", "RG18 3AG"),
    ("3 Ock Mill Close", "Abingdon", "OX14 5SP"),
    ("22 Bouverie Avenue South", "Salisbury", "SP2 8EA"),
)

# -- date and money shapes -------------------------------------------------------------------


def day_month(date: dt.date) -> str:
    """4 December 2026"""
    return f"{date.day} {date:%B} {date.year}"


def hyphened(date: dt.date) -> str:
    """04-Dec-2026"""
    return f"{date:%d}-{date:%b}-{date.year}"


def bare_slashed(date: dt.date) -> str:
    """4/12/2026 (no leading zeros)"""
    return f"{date.day}/{date.month}/{date.year}"


DATE_SHAPES: tuple[Callable[[dt.date], str], ...] = (day_month, hyphened, bare_slashed)


def plain(pence: int) -> str:
    """1,234.56"""
    return money(pence)[1:]


def pounds(pence: int) -> str:
    return money(pence)


FREQUENCY_SHOWN = {
    "weekly": ("Every week", "each week"),
    "fortnightly": ("Every two weeks", "every fortnight"),
    "four_weekly": ("Every four weeks", "every 4 weeks"),
    "monthly": ("Every month", "once a month"),
}


def printed_forms(field: str, value: object) -> tuple[str, ...]:
    """The ways I prints a true value (to check it is on the page, or in an OCR text)."""
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
_CX = "/usr/share/fonts/truetype/crosextra/"
_URW = "/usr/share/fonts/opentype/urw-base35/"
_LIB = "/usr/share/fonts/truetype/liberation/"
_DJ = "/usr/share/fonts/truetype/dejavu/"
FACES: dict[str, dict[tuple[bool, bool], str]] = {
    "bookman": {
        (False, False): _URW + "URWBookman-Light.otf",
        (True, False): _LIB + "LiberationSans-Bold.ttf",
        (False, True): _URW + "URWBookman-LightItalic.otf",
        (True, True): _LIB + "LiberationSans-BoldItalic.ttf",
    },
    "gothic": {
        (False, False): _URW + "URWGothic-Book.otf",
        (True, False): _URW + "P052-Bold.otf",
        (False, True): _URW + "URWGothic-BookOblique.otf",
        (True, True): _URW + "P052-BoldItalic.otf",
    },
    "dejavu": {
        (False, False): _DJ + "DejaVuSerifCondensed.ttf",
        (True, False): _CX + "Caladea-Bold.ttf",
        (False, True): _DJ + "DejaVuSerifCondensed-Italic.ttf",
        (True, True): _CX + "Caladea-BoldItalic.ttf",
    },
}
"""Each body face under headings of another family: URW Bookman Light under Liberation
Sans Bold, URW Gothic Book under P052 Bold, DejaVu Serif Condensed under Caladea Bold
(``fonts-urw-base35``, ``fonts-liberation``, ``fonts-dejavu``, ``fonts-crosextra-*``)."""

FONTS = Faces(dict.fromkeys(FACES, "{}"), FACES)


@frozen
class Style:
    face: str = "bookman"
    point: float = 10.0
    landscape: bool = False


STYLES = (Style("bookman", 9.5), Style("gothic", 10.5), Style("dejavu", 9.0))


class Sheet(PrintSheet):
    faces = FONTS

    def __init__(self, style: Style) -> None:
        super().__init__(style)
        self.rules: list[Rule] = []

    def rule(self, x0: float = 0.08, x1: float = 0.92, *, dashed: bool = False) -> Sheet:
        """A rule under the last row added."""
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
    return dt.date(2025, 2, 3) + dt.timedelta(days=rng.randrange(660))


@frozen
class Org:
    name: str
    street: str
    town: str
    phone: str
    registered: str = ""
    """The line at the foot of every page ("" for a public body)."""
    team: str = "Customer Accounts"


@frozen(kw_only=True)
class Letter:
    """What a template says; the setting decides where each part goes.

    ``ref`` is the account reference (``ref_label`` names it); ``facts`` the labelled facts
    (already shaped; the sum owed first where there is one), each with the words the
    figures-first setting prints after it (``said``); ``paras`` the prose, stating every
    fact in a sentence."""

    org: Org
    title: str
    date: dt.date
    when: Callable[[dt.date], str]
    truth: Truth
    ref_label: str
    ref: str
    facts: Sequence[tuple[str, str]]
    said: Sequence[str] = ()
    """What each fact is, in words after its figure (the figures-first setting; the label,
    lower-cased, when not given)."""
    paras: Sequence[str]
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
    """The name centred, the address and telephone in one small centred line under it."""
    page.add((ct(0.5, org.name, True, size=style.point + 3),))
    page.add((ct(0.5, f"{org.street} - {org.town} - Tel. {org.phone}", size=SMALL),)).rule()


def _close(page: Sheet, letter: Letter) -> None:
    page.add((t(0.08, "Yours sincerely"),)).gap()
    page.add((t(0.08, letter.signed or letter.org.team, True),))


# -- the six settings ---------------------------------------------------------------------------


MARGIN_X = 0.7
"""Where the margin notes start (the letter's column ends at 0.64)."""


def _margin(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The back of a leaflet: its running head at the top, the letter in a narrow column,
    the figures repeated in small italic margin notes down the right-hand side."""
    org = letter.org
    page = Sheet(style)
    page.add((t(0.08, "Help with money worries  -  please read overleaf", italic=True, size=SMALL),
              rt(0.92, org.name, True, size=SMALL))).rule(0.08, 0.92, dashed=True).gap()  # fmt: skip
    page.add((t(0.08, org.name, True, size=style.point + 2),))
    page.add((t(0.08, f"{org.street}, {org.town}", size=SMALL),), (t(0.08, f"Tel. {org.phone}", size=SMALL),)).gap()  # fmt: skip
    salutation = _address(page, rng)
    page.add((t(0.08, letter.when(letter.date)),)).gap()
    page.add((t(0.08, letter.title, True),)).gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    top = len(page.rows)
    _prose(page, letter.paras, right=0.64)
    _close(page, letter)
    body = len(page.rows) - top
    notes: list[Cell] = [t(MARGIN_X, "At a glance", True, size=SMALL)]
    for label, value in [
        ("Dated", letter.when(letter.date)),
        (letter.ref_label, letter.ref),
        *letter.facts,
    ]:
        notes += [row[0] for row in page.wrapped(label, MARGIN_X, 0.93, size=SMALL, italic=True)]
        notes.append(t(MARGIN_X, value, True, size=SMALL))
    for n, note in enumerate(notes):
        if n < body:
            page.rows[top + n] = (*page.rows[top + n], note)
        else:
            page.add((note,))
    _foot(page, org, 1, 1)
    return [page]


def _below(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A form whose labels sit under their values, signature-line style: the value, a rule,
    the label in small type; two fields a row."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    salutation = _address(page, rng)
    page.add((t(0.08, letter.title, True, size=style.point + 1),)).gap()
    fields = [(letter.when(letter.date), "Date of this notice"), (letter.ref, letter.ref_label)]
    fields += [(value, label) for label, value in letter.facts]
    for n in range(0, len(fields), 2):
        pair = fields[n : n + 2]
        page.add(tuple(t(x, value, True) for x, (value, _) in zip((0.1, 0.54), pair, strict=False)))
        for x, _ in zip((0.1, 0.54), pair, strict=False):
            page.rule(x - 0.01, x + 0.37)
        page.add(
            tuple(t(x, label, size=SMALL) for x, (_, label) in zip((0.1, 0.54), pair, strict=False))
        )
        page.gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org, 1, 1)
    return [page]


def _figures(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """ "Your account in figures": each figure first, in bold, what it is after it in words,
    no colon."""
    org = letter.org
    page = Sheet(style)
    page.add((t(0.08, org.name, True, size=style.point + 2.5), rt(0.92, f"Tel. {org.phone}", size=SMALL)))  # fmt: skip
    page.add((t(0.08, f"{org.street}, {org.town}", size=SMALL),)).rule().gap()
    salutation = _address(page, rng)
    page.add((t(0.08, letter.when(letter.date)), rt(0.92, f"{letter.ref_label} {letter.ref}"))).gap()  # fmt: skip
    page.add((t(0.08, f"Dear {salutation}"),)).gap()
    page.add((t(0.08, letter.title, True),)).gap()
    _prose(page, letter.paras[:1])
    page.add((t(0.08, "Your account in figures", True),)).gap()
    said = list(letter.said) or [label.lower() for label, _ in letter.facts]
    for (_, value), words in zip(letter.facts, said, strict=False):
        page.add((rt(0.36, value, True), t(0.39, words)))
    page.gap()
    _prose(page, letter.paras[1:])
    _close(page, letter)
    _foot(page, org, 1, 1)
    return [page]


def _leaders(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The details as a contents-page list: each label joined to its value at the right
    margin by a row of dot leaders."""
    org = letter.org
    page = Sheet(style)
    page.add((t(0.08, org.name.upper(), True, size=style.point + 1.5),))
    page.add((t(0.08, f"{org.street}  /  {org.town}  /  {org.phone}", size=SMALL),)).gap(2)
    salutation = _address(page, rng)
    page.add((ct(0.5, letter.title, True, size=style.point + 1),)).gap()
    for label, value in [
        ("Date", letter.when(letter.date)),
        (letter.ref_label, letter.ref),
        *letter.facts,
    ]:
        end = 0.1 + page.faces.length(style, label, style.point) + 0.025
        start = 0.9 - page.faces.length(style, value, style.point, True) - 0.03
        dots = "." * 3
        while page.faces.length(style, dots + "....", style.point) < (start - end) * 0.88:
            dots += "...."
        page.add((t(0.1, label), t(end, dots), rt(0.9, value, True)))
    page.gap()
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org, 1, 1)
    return [page]


def _slip(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """A compliments slip: the letterhead, "With compliments" and a short typed note with
    the figures, across the top third of the sheet; the rest of it blank."""
    org = letter.org
    page = Sheet(style)
    page.add((t(0.08, org.name, True, size=style.point + 2), rt(0.92, "With compliments", italic=True, size=style.point + 4)))  # fmt: skip
    page.add((t(0.08, f"{org.street}, {org.town}", size=SMALL), rt(0.92, org.phone, size=SMALL))).rule().gap()  # fmt: skip
    (title, first, surname), _ = person(rng)
    page.add((t(0.08, f"To: {title} {first} {surname}"), rt(0.92, letter.when(letter.date)))).gap()  # fmt: skip
    page.add((t(0.08, f"{letter.title} - {letter.ref_label} {letter.ref}", True),))
    _prose(page, letter.paras[:2])
    for label, value in letter.facts:
        page.add((t(0.1, label), t(0.56, value, True)))
    page.gap()
    page.add((t(0.08, f"With regards, {letter.signed or org.team}", italic=True),))
    page.rule(0.04, 0.96, dashed=True)
    page.foot = len(page.rows)
    page.add(*page.wrapped(org.registered or org.name, 0.08, 0.92, size=SMALL - 1))
    return [page]


def _runon(rng: random.Random, style: Style, letter: Letter) -> list[Sheet]:
    """The facts run on in one shaded strip under the letterhead, separated by middle
    dots; the letter under it."""
    org = letter.org
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    parts = [f"{letter.ref_label} {letter.ref}", f"Dated {letter.when(letter.date)}"]
    parts += [f"{label} {value}" for label, value in letter.facts]
    strip = page.wrapped(" · ".join(parts), 0.1, 0.9, size=SMALL + 1)
    page.box(strip, 0.08, 0.92, fill=228, outline=False).gap()
    salutation = _address(page, rng)
    page.add((t(0.08, f"Dear {salutation},"),)).gap()
    page.add((t(0.08, letter.title, True),)).gap()
    _prose(page, letter.paras)
    _close(page, letter)
    _foot(page, org, 1, 1)
    return [page]


KINDS: dict[str, Callable[[random.Random, Style, Letter], list[Sheet]]] = {
    "margin": _margin,
    "below": _below,
    "figures": _figures,
    "leaders": _leaders,
    "slip": _slip,
    "runon": _runon,
}


def compose(rng: random.Random, i: int, kinds: tuple[str, str], letter: Letter) -> Doc:
    style = STYLES[(i + len(letter.ref)) % len(STYLES)]
    sheets = KINDS[kinds[i % 2]](rng, style, letter)
    return Doc(truth=letter.truth, sheets=sheets, style=style)


def _when(rng: random.Random) -> Callable[[dt.date], str]:
    """One shape a document."""
    return rng.choice(DATE_SHAPES)


# -- organisations (none named by A-Z, G, E or F) -----------------------------------------------


def _co(name: str, number: str, office: str, extra: str = "") -> str:
    return f"{name} is registered in England and Wales (company {number}); registered office {office}.{extra}"


FCA = " Authorised and regulated by the Financial Conduct Authority."
CARD = Org("Otmoor Card Finance Ltd", "PO Box 4417", "Oxford OX4 9ZD", "01865 730 418",
           _co("Otmoor Card Finance Ltd", "10992731", "Islip Road, Oxford OX3 9TL", FCA), "Card Collections")  # fmt: skip
UNION = Org("Kennet Valley Credit Union Ltd", "Market Place", "Newbury RG14 5BD", "01635 559 207",
            "Kennet Valley Credit Union Ltd is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 213870).", "Loans Office")  # fmt: skip
CLAIMANT = Org("Uffington Motor Finance Ltd", "Station Road", "Faringdon SN7 7BP", "01367 241 905",
               _co("Uffington Motor Finance Ltd", "09847126", "Station Road, Faringdon SN7 7BP", FCA))  # fmt: skip
CLAIM_COURT = Org("County Court at Oxford", "St Aldate's", "Oxford OX1 1TL", "0300 123 5577",
                  "HM Courts and Tribunals Service. Always quote the claim number.", "Court Office")  # fmt: skip
HIRE = Org("Thatcham Scaffold Hire Ltd", "Colthrop Lane", "Thatcham RG19 4NB", "01635 870 663",
           _co("Thatcham Scaffold Hire Ltd", "07641208", "Colthrop Lane, Thatcham RG19 4NB"))  # fmt: skip
JUDGMENT_COURT = Org("County Court at Salisbury", "Wilton Road", "Salisbury SP2 7EP", "0300 123 5577",
                     "HM Courts and Tribunals Service. Do not send payments to the court.", "Court Office")  # fmt: skip
VALE = Org("White Horse Vale District Council", "Revenues, Abbey House", "Wantage OX12 8AQ", "01235 422 610",
           team="Revenues and Benefits")  # fmt: skip
ENFORCER = Org("Colthrop Enforcement Services Ltd", "PO Box 901", "Thatcham RG19 9XQ", "01635 298 011",
               _co("Colthrop Enforcement Services Ltd", "12874305", "Crookham Hill, Thatcham RG19 8DA", " Our agents are certificated by the County Court."), "Compliance Office")  # fmt: skip
MERCHANT = Org("Banbury Agricultural Supplies Ltd", "Wildmere Road", "Banbury OX16 3JU", "01295 275 884",
               _co("Banbury Agricultural Supplies Ltd", "04418290", "Wildmere Road, Banbury OX16 3JU"), "Credit Office")  # fmt: skip
COUNCILS = (
    Org("Evenlode District Council", "Council Tax, Elmfield", "Witney OX28 1PB", "01993 861 330", team="Council Tax Office"),
    Org("Pewsey Vale District Council", "Council Tax, Bouverie Hall", "Pewsey SN9 5AX", "01672 569 402", team="Council Tax Office"),
)  # fmt: skip
ENERGY = Org("Didcot Power and Gas Ltd", "PO Box 8822", "Didcot OX11 9WE", "0800 048 7715",
             _co("Didcot Power and Gas Ltd", "11530964", "Milton Park, Didcot OX14 4RT"), "Customer Billing")  # fmt: skip
WATER = Org("Cherwell and Windrush Water Ltd", "Osney Mead", "Oxford OX2 0ES", "0800 031 6620",
            _co("Cherwell and Windrush Water Ltd", "03381477", "Osney Mead, Oxford OX2 0ES"), "Debt Recovery")  # fmt: skip
MAGISTRATES = Org("Banbury Magistrates' Court", "Fines Unit, Warwick Road", "Banbury OX16 2AW", "0300 790 6230",
                  "HM Courts and Tribunals Service - Thames Valley fines collection.", "Fines Unit")  # fmt: skip
LENDER = Org("Witney Home Credit Ltd", "High Street", "Witney OX28 6HA", "01993 702 558",
             _co("Witney Home Credit Ltd", "08126379", "High Street, Witney OX28 6HA", FCA))  # fmt: skip
BUYER = Org("Savernake Debt Purchase Ltd", "PO Box 3360", "Marlborough SN8 9DG", "01672 515 840",
            _co("Savernake Debt Purchase Ltd", "13065512", "Kingsbury Street, Marlborough SN8 1HZ", FCA), "Customer Accounts")  # fmt: skip
DOWNS = Org("Kennet Downs District Council", "Benefits, Browne House", "Devizes SN10 1EL", "01380 724 915",
            team="Overpayments Recovery")  # fmt: skip
SOCIETY = Org("Abingdon and Wantage Building Society", "PO Box 19", "Abingdon OX14 9AW", "01235 530 276",
              "Abingdon and Wantage Building Society, Stert Street, Abingdon OX14 3JF, is authorised by the Prudential Regulation Authority and regulated by the FCA and the PRA (FRN 206931).", "Mortgage Care")  # fmt: skip
HOMES = Org("Littlemore Housing Co-operative", "Rent Office, Sandford Road", "Oxford OX4 4PU", "01865 749 302",
            "Littlemore Housing Co-operative Ltd, a registered society (31877R) and a registered provider of social housing.", "Rent Office")  # fmt: skip
CATALOGUE = Org("Cornmarket Home Shopping Ltd", "Cornmarket Street", "Oxford OX1 3HB", "0345 072 9915",
                _co("Cornmarket Home Shopping Ltd", "05217744", "Cornmarket Street, Oxford OX1 3HB", FCA), "Account Support")  # fmt: skip
BNPL = Org("Splitwise Checkout Ltd", "Oxford Science Park", "Oxford OX4 4GA", "0203 880 4112",
           _co("Splitwise Checkout Ltd", "14883670", "Oxford Science Park, Oxford OX4 4GA", FCA), "Payments Team")  # fmt: skip
GROUNDWORKS = Org("Chalke Valley Groundworks Ltd", "Broad Chalke", "Salisbury SP5 5DN", "01722 780 319",
                  _co("Chalke Valley Groundworks Ltd", "08330261", "Broad Chalke, Salisbury SP5 5DN"))  # fmt: skip
SOLICITORS = Org("Lovegrove Harcourt Solicitors LLP", "Debt Recovery, Northbrook Street", "Newbury RG14 1AE", "01635 521 477",
                 "Lovegrove Harcourt Solicitors LLP (OC398812), Northbrook Street, Newbury RG14 1AE, is authorised and regulated by the Solicitors Regulation Authority (no. 629904).", "Debt Recovery")  # fmt: skip
EMPLOYERS = (
    Org("Harwell Precision Optics Ltd", "Payroll, Fermi Avenue", "Didcot OX11 0QX", "01235 567 204",
        _co("Harwell Precision Optics Ltd", "06177350", "Fermi Avenue, Didcot OX11 0QX"), "Payroll"),
    Org("Wantage Spring Water Bottlers Ltd", "Wages, Grove Road", "Wantage OX12 7BZ", "01235 771 560",
        _co("Wantage Spring Water Bottlers Ltd", "02995418", "Grove Road, Wantage OX12 7BZ"), "Wages"),
)  # fmt: skip
BANK = Org("Godstow Bank plc", "Statements, Beaumont Street", "Oxford OX1 2LN", "0345 602 7738",
           _co("Godstow Bank plc", "01765342", "Beaumont Street, Oxford OX1 2LN", " Your eligible deposits are protected by the FSCS."), "Statements")  # fmt: skip
PENSION = Org("Department for Work and Pensions", "Pension Service, Pension Credit", "Wolverhampton WV98 2BP", "0800 99 1234",
              "Pension Credit is paid by the Department for Work and Pensions.", "The Pension Service")  # fmt: skip
CARERS = Org("Department for Work and Pensions", "Carer's Allowance Unit", "Preston PR1 1HB", "0800 731 0297",
             "Carer's Allowance is paid by the Department for Work and Pensions.", "Carer's Allowance Unit")  # fmt: skip
ALLOTMENTS = Org("Ock Valley Allotment Association", "c/o 8 Mill Road", "Abingdon OX14 5NS", "07700 900 418",
                 "Ock Valley Allotment Association is run by volunteers.", "Plot Secretary")  # fmt: skip
CARNIVAL = Org("Pewsey Carnival Committee", "c/o The Bouverie Hall", "Pewsey SN9 5AX", "07700 900 733",
               "Pewsey Carnival Committee is a registered charity.", "Carnival Secretary")  # fmt: skip


# -- the templates --------------------------------------------------------------------------------


def creditor_letter(rng: random.Random, i: int) -> Doc:
    """An Otmoor card company (margin, even) or a Kennet credit union's loan (run-on, odd)."""
    kinds = ("margin", "runon")
    when, date, owed = _when(rng), dated(rng), balance(rng)
    by = later(date, 14)
    if i % 2 == 0:
        org, ref, label = (
            CARD,
            f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}",
            "Card number",
        )
        first = "Your card account is three payments behind, so we have stopped the card for now."
    else:
        org, ref, label = UNION, f"KVCU/{digits(rng, 5)}/L", "Loan account"
        first = (
            "The repayments on your credit union loan have not reached us for the last two months."
        )
    letter = Letter(
        org=org, title="Your arrears: please get in touch", date=date, when=when,
        truth=owes(C.CREDITOR_LETTER, org.name, ref, owed, date, deadline_date=by),
        ref_label=label, ref=ref,
        facts=[("Everything owed", pounds(owed)), ("Ring or write to us by", when(by))],
        paras=(first,
               f"The total you owe is {pounds(owed)}. Please pay it or ring us to agree a plan you can afford by {when(by)}.",
               "If you do not, we may end the agreement and record a default with the credit reference agencies. Free, confidential advice is available from MoneyHelper."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def _claim_no(rng: random.Random) -> str:
    return f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 2)}{digits(rng, 3)}"


def claim_form(rng: random.Random, i: int) -> Doc:
    kinds = ("below", "leaders")
    when, date = _when(rng), dated(rng)
    claimed = balance(rng, 110_000, 1_150_000)
    fee, costs = rng.choice((11_500, 20_500, 45_500)), rng.choice((8_000, 10_000, 11_000))
    total = claimed + fee + costs
    ref, claim = f"UMF{digits(rng, 7)}", _claim_no(rng)
    served, by = later(date, 5), later(date, 19)
    letter = Letter(
        org=CLAIM_COURT, title="Your money claim has been issued", date=date, when=when,
        truth=owes(C.COURT_CLAIM_N1, CLAIMANT.name, ref, total, date, court_claim_number=claim, served_date=served, deadline_date=by),
        ref_label="Claim no. (quote it)", ref=claim,
        facts=[("Amount claimed in total", pounds(total)), ("Claimant", CLAIMANT.name), ("Ref. the claimant gave", ref),
               ("Treated by the court as served", when(served)), ("Court must have your reply by", when(by))],
        paras=(f"{CLAIMANT.name} has started a claim against you for the money owed under a hire purchase agreement (its reference {ref}).",
               f"The debt is {pounds(claimed)}, the court fee {pounds(fee)} and the legal representative's costs {pounds(costs)}: {pounds(total)} in total.",
               f"The claim form is deemed served on {when(served)}. Your reply must reach the court by {when(by)}; otherwise the claimant may ask for judgment in default."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def judgment(rng: random.Random, i: int) -> Doc:
    kinds = ("leaders", "slip")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 40_000, 1_100_000)
    ref, claim = f"TSH{digits(rng, 5)}", _claim_no(rng)
    monthly, by = rng.choice((2_500, 5_000, 10_000)), later(date, 14)
    extra: dict[str, object] = {"deadline_date": by} if i % 4 < 2 else {}
    how = (f"pay {pounds(owed)} to the claimant by {when(by)}" if extra
           else f"pay {pounds(owed)} to the claimant at {pounds(monthly)} a month")  # fmt: skip
    facts = [
        ("Judgment total", pounds(owed)),
        ("Claimant", HIRE.name),
        ("Claimant's own ref.", ref),
    ]
    facts += (
        [("Pay in full by", when(by))] if extra else [("Instalments", f"{pounds(monthly)} a month")]
    )
    letter = Letter(
        org=JUDGMENT_COURT, title="No reply was filed, so the court has given judgment", date=date, when=when,
        truth=owes(C.COUNTY_COURT_JUDGMENT, HIRE.name, ref, owed, date, court_claim_number=claim, **extra),
        ref_label="Claim no. (quote it)", ref=claim, facts=facts,
        paras=(f"You did not reply to the claim by {HIRE.name} (its reference {ref}), and judgment has been entered for the claimant.",
               f"You must {how}.",
               "A judgment paid in full within a month of its date is not kept on the Register of Judgments, Orders and Fines."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def enforcement_notice(rng: random.Random, i: int) -> Doc:
    kinds = ("below", "margin")
    when, date = _when(rng), dated(rng)
    order = balance(rng, 25_000, 240_000)
    owed = order + 7_500
    case, by = f"CES{digits(rng, 6)}", later(date, 7)
    letter = Letter(
        org=ENFORCER, title="Your council tax liability order is now with us", date=date, when=when,
        truth=owes(C.ENFORCEMENT_AGENT_NOTICE, VALE.name, case, owed, date, deadline_date=by),
        ref_label="Enforcement case ref.", ref=case,
        facts=[("Balance, fee included", pounds(owed)), ("Creditor we collect for", VALE.name), ("Pay us by", when(by))],
        paras=(f"{VALE.name} holds a liability order for your unpaid council tax and has passed it to us to enforce.",
               f"The order was for {pounds(order)}; with the compliance fee of {pounds(7_500)} the balance to clear is {pounds(owed)}.",
               f"Pay it, or ring us to set up an arrangement, by {when(by)}. Otherwise an enforcement agent may call and the enforcement fee will be added."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def statutory_demand(rng: random.Random, i: int) -> Doc:
    kinds = ("leaders", "runon")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 500_000, 2_400_000)
    ref, by = f"BAS-{digits(rng, 5)}", later(date, 21)
    letter = Letter(
        org=MERCHANT, title="Statutory demand: farm supplies, payable now", date=date, when=when,
        truth=owes(C.STATUTORY_DEMAND, MERCHANT.name, ref, owed, date, deadline_date=by),
        ref_label="Trade account held", ref=ref,
        facts=[("Sum due under the demand", pounds(owed)), ("Last day to pay or secure it", when(by))],
        paras=("Seed, feed and fencing were sold to you on thirty-day terms and the invoices on your account remain unpaid.",
               f"The creditor demands that you pay {pounds(owed)}, or secure or compound for it to its satisfaction, by {when(by)}.",
               "If you do not, a bankruptcy petition may be presented against you. You can apply to the court to set this demand aside within 18 days of its service."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def council_tax(rng: random.Random, i: int) -> Doc:
    kinds = ("figures", "margin")
    org = COUNCILS[i % 2]
    when, date = _when(rng), dated(rng)
    ref, by = f"{digits(rng, 9)}", later(date, 7)
    owed = rng.randrange(9_000, 24_000) + rng.randrange(9_000, 24_000)
    letter = Letter(
        org=org, title="Council Tax: you are behind with this year's instalments", date=date, when=when,
        truth=owes(C.COUNCIL_TAX, org.name, ref, owed, date, deadline_date=by),
        ref_label="Council Tax bill no.", ref=ref,
        facts=[("Instalments behind", pounds(owed)), ("Pay in by", when(by))],
        said=("the instalments now overdue", "the day it must reach us"),
        paras=("We have not received the Council Tax instalments due on your account.",
               f"{pounds(owed)} is now overdue. If it reaches us by {when(by)} you can carry on paying by instalments.",
               "If not, the whole year's charge will fall due and we may apply to the magistrates' court for a liability order, with costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_bill(rng: random.Random, i: int) -> Doc:
    kinds = ("figures", "below")
    when, date = _when(rng), dated(rng)
    ref, by = f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 2)}", later(date, 14)
    owed = balance(rng, 4_500, 60_000)
    letter = Letter(
        org=ENERGY, title="Gas and electricity for the quarter: what you owe us", date=date, when=when,
        truth=owes(C.UTILITY_BILL, ENERGY.name, ref, owed, date, deadline_date=by),
        ref_label="Energy account (quote this)", ref=ref,
        facts=[("This quarter's bill", pounds(owed)), ("Pay this bill by", when(by))],
        said=("this bill, VAT at 5% included", "when we need the payment"),
        paras=("Here is your bill for the gas and electricity you used over the last quarter, with the standing charges.",
               f"This bill comes to {pounds(owed)}, including VAT at 5%. Please pay by {when(by)}.",
               "If you find it hard to pay, talk to us: we can agree a payment plan or check whether you qualify for help."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def utility_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("slip", "runon")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 12_000, 140_000)
    ref, by = f"CW{digits(rng, 8)}", later(date, 10)
    letter = Letter(
        org=WATER, title="Unpaid water and sewerage: please act", date=date, when=when,
        truth=owes(C.UTILITY_ARREARS, WATER.name, ref, owed, date, deadline_date=by),
        ref_label="Your water ref.", ref=ref,
        facts=[("Arrears", pounds(owed)), ("Please act by", when(by))],
        paras=(f"Your water and sewerage charges are {pounds(owed)} in arrears. Please pay, or call us to spread the cost, by {when(by)}.",
               "Ask about our social tariff if money is tight: if we do not hear from you, a collection agency may contact you."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def magistrates_fine(rng: random.Random, i: int) -> Doc:
    kinds = ("below", "figures")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 9_000, 160_000)
    ref, by = f"{digits(rng, 2)}/{digits(rng, 5)}/{digits(rng, 2)}", later(date, 14)
    letter = Letter(
        org=MAGISTRATES, title="Fine not paid: further steps", date=date, when=when,
        truth=owes(C.MAGISTRATES_FINE, MAGISTRATES.name, ref, owed, date, deadline_date=by),
        ref_label="Fines Unit account", ref=ref,
        facts=[("Fine still unpaid", pounds(owed)), ("Pay in by", when(by))],
        said=("left to pay on your fine", "the last day before further action"),
        paras=("The court fined you and ordered you to pay costs and a victim surcharge; the payments have stopped.",
               f"{pounds(owed)} is left to pay. Pay it, or contact the Fines Unit, by {when(by)}.",
               "Otherwise the court may take money from your wages or benefits, or send enforcement agents."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def assignment(rng: random.Random, i: int) -> Doc:
    kinds = ("margin", "slip")
    when, date = _when(rng), dated(rng)
    owed = balance(rng, 24_000, 760_000)
    ref, old = f"SDP{digits(rng, 8)}", f"WHC-{digits(rng, 6)}"
    letter = Letter(
        org=BUYER, title="Notice that your debt has been sold", date=date, when=when,
        truth=owes(C.NOTICE_OF_ASSIGNMENT, BUYER.name, ref, owed, date, original_creditor=LENDER.name),
        ref_label="Reference with us from now", ref=ref,
        facts=[("Balance as bought from the lender", pounds(owed)), ("Bought by us from", LENDER.name), ("Previous lender's ref.", old)],
        paras=(f"{LENDER.name} has sold and assigned your account {old} to us; you now owe the balance to us.",
               f"The balance transferred to us is {pounds(owed)}. We will not add interest.",
               "Please use your new reference when you pay or contact us; a payment arrangement you already have will carry on."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def overpayment(rng: random.Random, i: int) -> Doc:
    kinds = ("leaders", "figures")
    when, date = _when(rng), dated(rng)
    weeks, weekly = rng.randrange(6, 40), rng.randrange(1_800, 9_500)
    owed = weeks * weekly
    ref, by = f"HBO{digits(rng, 6)}", later(date, 21)
    letter = Letter(
        org=DOWNS, title="Invoice: Housing Benefit paid to you in error", date=date, when=when,
        truth=owes(C.OVERPAYMENT, DOWNS.name, ref, owed, date, deadline_date=by),
        ref_label="Overpayment invoice ref.", ref=ref,
        facts=[("Overpaid", pounds(owed)), ("Repay or arrange by", when(by))],
        said=("Housing Benefit overpaid to you", "the date to repay or agree a plan"),
        paras=(f"Your partner's pension started and you did not tell us, so Housing Benefit was overpaid for {weeks} weeks.",
               f"You were overpaid {pounds(owed)}. Please repay it, or ask us for a plan, by {when(by)}.",
               "You may ask for the decision to be looked at again, or appeal, within one month of this invoice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def mortgage_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("runon", "slip")
    when, date = _when(rng), dated(rng)
    owed, monthly = balance(rng, 55_000, 880_000), rng.randrange(45_000, 150_000)
    ref = f"AW{digits(rng, 8)}"
    letter = Letter(
        org=SOCIETY, title="Missed mortgage payments: let us help", date=date, when=when,
        truth=owes(C.MORTGAGE_ARREARS, SOCIETY.name, ref, owed, date),
        ref_label="Mortgage roll no.", ref=ref,
        facts=[("Arrears as at this letter", pounds(owed)), ("Payment each month", pounds(monthly))],
        paras=(f"Your mortgage is {pounds(owed)} in arrears; the monthly payment is {pounds(monthly)}.",
               "Please call Mortgage Care so that we can agree a plan together. Repossession is always our very last resort."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def rent_arrears(rng: random.Random, i: int) -> Doc:
    kinds = ("figures", "margin")
    when, date = _when(rng), dated(rng)
    owed, weekly = balance(rng, 9_000, 300_000), rng.randrange(9_000, 16_000)
    ref = f"LHC{digits(rng, 5)}"
    letter = Letter(
        org=HOMES, title="Rent owing on your co-operative tenancy", date=date, when=when,
        truth=owes(C.RENT_ARREARS, HOMES.name, ref, owed, date),
        ref_label="Tenancy account ref.", ref=ref,
        facts=[("Arrears", pounds(owed)), ("Rent charged weekly", pounds(weekly))],
        said=("rent arrears on your account", "your rent each week"),
        paras=("Your rent has not been paid in full for some weeks.",
               f"The arrears are {pounds(owed)} and your rent is {pounds(weekly)} a week. Please contact the Rent Office to agree how to clear them.",
               "If your Universal Credit or your work has changed, let us know; we can refer you for free money advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def bnpl_catalogue(rng: random.Random, i: int) -> Doc:
    kinds = ("slip", "below")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 2_500, 130_000), later(date, 10)
    if i % 2 == 0:
        org, ref, title = (
            BNPL,
            f"SC{letters(rng, 3)}{digits(rng, 5)}",
            "Missed instalments on your plan",
        )
        first = "We could not collect the last two instalments of your plan from your card."
    else:
        org, ref, title = (
            CATALOGUE,
            f"{digits(rng, 4)}-{digits(rng, 4)}",
            "Payments missed on your catalogue account",
        )
        first = "Your catalogue account has fallen behind, so new orders are on hold."
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=owes(C.BNPL_CATALOGUE_ARREARS, org.name, ref, owed, date, deadline_date=by),
        ref_label="Your plan or account ref.", ref=ref,
        facts=[("Instalments missed so far", pounds(owed)), ("Catch up on it by", when(by))],
        paras=(first,
               f"The overdue amount is {pounds(owed)}. Please pay it by {when(by)} to avoid a late fee and a report to the credit reference agencies.",
               "If you are struggling, tell us and we will pause collection for 30 days while you get free debt advice."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def letter_of_claim(rng: random.Random, i: int) -> Doc:
    kinds = ("runon", "leaders")
    when, date = _when(rng), dated(rng)
    owed, by = balance(rng, 60_000, 1_300_000), later(date, 30)
    ref = f"CVG{digits(rng, 4)}"
    letter = Letter(
        org=SOLICITORS, title="Letter of claim: drive and drainage works", date=date, when=when,
        truth=owes(C.LETTER_OF_CLAIM, GROUNDWORKS.name, ref, owed, date, deadline_date=by),
        ref_label="Client's ledger ref.", ref=ref, signed="Lovegrove Harcourt Solicitors LLP",
        facts=[("Our client's claim", pounds(owed)), ("We are instructed by", GROUNDWORKS.name), ("Your reply is due", when(by))],
        paras=(f"We act for {GROUNDWORKS.name}, which laid your drive and drainage and invoiced you on completion.",
               f"Our client claims {pounds(owed)}. Please complete the reply form and financial statement enclosed and return them to us by {when(by)}.",
               "If you do not reply, our client may issue court proceedings without further notice and claim interest and costs."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def payslip(rng: random.Random, i: int) -> Doc:
    """A grid of values over their labels (even) or "your pay in figures" (odd)."""
    org, date, when = EMPLOYERS[i % 2], dated(rng), _when(rng)
    frequency = ("monthly", "weekly", "four_weekly", "fortnightly")[i % 4]
    scale = {"weekly": 1, "fortnightly": 2, "four_weekly": 4, "monthly": 4.33}[frequency]
    hours = round(37.5 * scale, 2)
    rate = rng.randrange(1_200, 2_100)
    gross = round(hours * rate) + rng.randrange(0, 9_000)
    tax, ni, pension = gross * 13 // 100, gross * 6 // 100, gross * 4 // 100
    net = gross - tax - ni - pension
    _, first, surname = PEOPLE[i % len(PEOPLE)]
    style = STYLES[(i + 2) % len(STYLES)]
    page = Sheet(style)
    _head(page, org, style)
    page.gap()
    page.add((t(0.08, "Payslip", True, size=style.point + 1), rt(0.92, f"{first} {surname}"))).gap()
    if i % 2 == 0:
        grid = [(when(date), "Date paid"), (FREQUENCY_SHOWN[frequency][0], "Paid"), (digits(rng, 6), "Works no."),
                (plain(gross), "Gross for period"), (plain(tax), "Tax"), (plain(ni), "NI"),
                (plain(pension), "Pension"), (pounds(net), "Net to bank")]  # fmt: skip
        for n in range(0, len(grid), 3):
            row = grid[n : n + 3]
            xs = (0.1, 0.4, 0.7)
            page.add(tuple(t(x, value, True) for x, (value, _) in zip(xs, row, strict=False)))
            for x, _ in zip(xs, row, strict=False):
                page.rule(x - 0.01, x + 0.24)
            page.add(tuple(t(x, label, size=SMALL) for x, (_, label) in zip(xs, row, strict=False)))
            page.gap()
    else:
        page.add((t(0.08, "Your pay in figures", True),)).gap()
        for value, words in ((when(date), "the day this pay reached your bank"), (FREQUENCY_SHOWN[frequency][0], "how often you are paid"),
                             (pounds(gross), "gross pay before deductions"), (pounds(tax), "income tax (PAYE)"),
                             (pounds(ni), "National Insurance"), (pounds(pension), "workplace pension"), (pounds(net), "net pay paid to you")):  # fmt: skip
            page.add((rt(0.36, value, True), t(0.39, words)))
        page.gap()
    page.para(f"Net pay {pounds(net)}, from gross pay of {pounds(gross)}, paid {FREQUENCY_SHOWN[frequency][1]}.", x=0.08)  # fmt: skip
    _foot(page, org, 1, 1)
    truth = Truth(document_class=C.PAYSLIP, payer_name=org.name, income_pence=net, gross_pence=gross,
                  letter_date=date, frequency=frequency)  # fmt: skip
    return Doc(truth=truth, sheets=[page], style=style)


def bank_statement(rng: random.Random, i: int) -> Doc:
    """ "Paid out" and "Paid in" columns under a statement period; two pages on odd ones."""
    date, when = dated(rng), _when(rng)
    style = STYLES[i % len(STYLES)]
    start = later(date, -31)
    opening = rng.randrange(3_000, 140_000)
    items = [("HARWELL OPTICS SALARY", 0, rng.randrange(120_000, 240_000)), ("DD DIDCOT POWER GAS", rng.randrange(6_000, 16_000), 0),
             ("CARD CO-OP ABINGDON", rng.randrange(800, 6_500), 0), ("SO LITTLEMORE HOUSING", rng.randrange(45_000, 80_000), 0),
             ("ATM CORNMARKET ST", 4_000, 0), ("DD EVENLODE DC CTAX", rng.randrange(10_000, 18_000), 0),
             ("TFR FROM R VENN-ASHDOWN", 0, rng.randrange(2_000, 8_000)), ("CARD THAMES TRAVEL", rng.randrange(300, 1_500), 0),
             ("DD SPLITWISE CHECKOUT", rng.randrange(2_000, 7_500), 0), ("DD CHERWELL WINDRUSH WTR", rng.randrange(2_500, 7_000), 0)]  # fmt: skip
    size = SMALL + 1
    head = (t(0.08, "Date", True, size=size), t(0.2, "Details", True, size=size), rt(0.6, "Paid out", True, size=size),
            rt(0.75, "Paid in", True, size=size), rt(0.92, "Balance", True, size=size))  # fmt: skip
    sheets: list[Sheet] = []
    page = Sheet(style)
    _head(page, BANK, style)
    page.gap()
    _address(page, rng)
    sort, account = f"{digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}", digits(rng, 8)
    page.add((t(0.08, "Your Everyday account", True), rt(0.92, f"Statement issued {when(date)}")))
    page.add((t(0.08, f"Statement period {day_month(start)} to {day_month(later(date, -1))}", size=size),
              rt(0.92, f"Sort code {sort}  Account no. {account}", size=size))).gap()  # fmt: skip
    page.add(head).rule(0.08, 0.92)
    page.add((t(0.08, f"{start:%d %b}", size=size), t(0.2, "Brought forward", size=size), rt(0.92, plain(opening), size=size)))  # fmt: skip
    running = opening
    split = 6 if i % 2 else len(items)
    for n, (what, out, into) in enumerate(items):
        if n == split:
            _foot(page, BANK, 1, 2)
            sheets.append(page)
            page = Sheet(style)
            page.add((t(0.08, f"{BANK.name}  -  Everyday account {account}", True, size=size), rt(0.92, "continued", size=size))).rule()  # fmt: skip
            page.gap()
            page.add(head).rule(0.08, 0.92)
        running += into - out
        day = later(start, 2 + n * 3)
        page.add((t(0.08, f"{day:%d %b}", size=size), t(0.2, what, size=size), rt(0.6, plain(out) if out else "", size=size),
                  rt(0.75, plain(into) if into else "", size=size), rt(0.92, plain(running), size=size)))  # fmt: skip
    page.add((t(0.08, f"{later(date, -1):%d %b}", size=size), t(0.2, "Carried forward", True, size=size), rt(0.92, plain(running), True, size=size)))  # fmt: skip
    page.rule(0.08, 0.92).gap()
    page.para("Tell us at once about any payment on this statement you do not recognise.", x=0.08, size=SMALL + 0.5)  # fmt: skip
    _foot(page, BANK, len(sheets) + 1, len(sheets) + 1)
    sheets.append(page)
    return Doc(
        truth=Truth(document_class=C.BANK_STATEMENT, letter_date=date), sheets=sheets, style=style
    )


def benefit(rng: random.Random, i: int) -> Doc:
    """Pension Credit (even: figures) or Carer's Allowance (odd: below)."""
    kinds = ("figures", "below")
    when, date = _when(rng), dated(rng)
    if i % 2 == 0:
        frequency = ("weekly", "four_weekly")[(i // 2) % 2]
        weekly = rng.choice((4_580, 7_215, 3_960))
        org, title, ref_label, what = (
            PENSION,
            "Pension Credit: our decision",
            "National Insurance no.",
            "Pension Credit",
        )
        ref = f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}"
    else:
        frequency = ("weekly", "fortnightly")[(i // 2) % 2]
        weekly = 8_330
        org, title, ref_label, what = (
            CARERS,
            "Carer's Allowance: you are entitled",
            "Claim ref.",
            "Carer's Allowance",
        )
        ref = f"CA{digits(rng, 7)}"
    paid = weekly * {"weekly": 1, "fortnightly": 2, "four_weekly": 4}[frequency]
    letter = Letter(
        org=org, title=title, date=date, when=when,
        truth=Truth(document_class=C.BENEFIT_AWARD, payer_name=org.name, income_pence=paid, letter_date=date, frequency=frequency),
        ref_label=ref_label, ref=ref,
        facts=[("Payment", pounds(paid)), ("Paid", FREQUENCY_SHOWN[frequency][0])],
        said=(f"{what} paid into your account each time", "how often it is paid"),
        paras=(f"You are entitled to {what} from {when(later(date, -21))}.",
               f"We will pay {pounds(paid)} {FREQUENCY_SHOWN[frequency][1]} into your bank account.",
               "Tell us straight away if your circumstances change, for example if you go into hospital or your income changes."),
    )  # fmt: skip
    return compose(rng, i, kinds, letter)


def other(rng: random.Random, i: int) -> Doc:
    """Nothing owed: an allotment plot offer (margin), a carnival float entry (slip)."""
    kinds = ("margin", "slip")
    when, date = _when(rng), dated(rng)
    on = later(date, 10 + rng.randrange(40))
    if i % 2 == 0:
        letter = Letter(
            org=ALLOTMENTS, title="A plot is free for you", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Place on the list", ref=digits(rng, 3), facts=[("Plot", f"{rng.randrange(1, 60)}B, Mill Road site"), ("Show-round", when(on))],
            paras=(f"Good news: a half plot has come free and you are next on the waiting list. We can show you round on {when(on)}.",
                   "Please bring your own tools; water butts are filled from the mains on Saturdays."),
        )  # fmt: skip
    else:
        letter = Letter(
            org=CARNIVAL, title="Your float entry for the carnival procession", date=date, when=when, truth=Truth(document_class=C.OTHER),
            ref_label="Float no.", ref=digits(rng, 2), facts=[("Procession", when(on)), ("Assemble", "Pewsey Wharf, 6.30 pm")],
            paras=(f"Thank you for entering a float in the illuminated procession on {when(on)}.",
                   "Lights must run from a generator with a guard; marshals will check each float before it moves off."),
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
class ISample(Sample):
    style: Style = Style()
    rects: tuple[tuple[Rect, ...], ...] = ()
    rules: tuple[tuple[Rule, ...], ...] = ()
    feet: tuple[int | None, ...] = ()


def build_i(per_class: int = 4, *, seed: int = 2243) -> list[ISample]:
    """``per_class`` documents of every class, held out, family ``<class>:I``."""
    return build_printed(TEMPLATES, FAMILY, per_class, seed, ISample)


PRINT = Printer(FONTS.font, FONTS.measure)
page_size, i_text, i_pages = PRINT.page_size, PRINT.text, PRINT.pages


@frozen
class IScan:
    dpi: int
    skew: float
    """Degrees."""
    pink: bool = False
    """Red ink on pink paper, scanned in greyscale."""
    ghost: bool = False
    """A copier's drum ghost: a faint second image of the page lower down; greyscale."""
    lid: bool = False
    """A flatbed scanned with its lid open: the sheet on black, its edges in shadow."""


SCANS = (
    IScan(dpi=200, skew=0.4, pink=True),
    IScan(dpi=300, skew=-0.3, ghost=True),
    IScan(dpi=150, skew=0.7, lid=True),
)

INK = (30, 30, 30)
RED_INK = (150, 22, 34)
PINK = (250, 204, 214)
GHOST_CM = 2.2
"""How far below the page its ghost lies."""


def _draw(sample: ISample, n: int, scan: IScan) -> Image.Image:
    width, height = page_size(sample, scan.dpi)
    ink = RED_INK if scan.pink else INK
    image = Image.new("RGB", (width, height), PINK if scan.pink else (252, 252, 250))
    pen = ImageDraw.Draw(image)
    tops, heights = PRINT.rows(sample, n, scan.dpi)
    body = round(sample.style.point / 72 * scan.dpi)
    line = max(1, scan.dpi // 120)
    for rect in sample.rects[n] if sample.rects else ():
        y0 = tops[rect.first] - round(0.2 * body)
        y1 = tops[rect.last] + heights[rect.last] - round(0.2 * body)
        box = (round(rect.x0 * width), y0, round(rect.x1 * width), y1)
        if rect.fill is not None:
            shade = PINK if scan.pink else (rect.fill,) * 3
            pen.rectangle(box, fill=tuple(max(0, c - 22) for c in shade) if scan.pink else shade)
        if rect.outline:
            pen.rectangle(box, outline=ink, width=line)
    for rule in sample.rules[n] if sample.rules else ():
        y = tops[rule.row] - round(0.1 * body) if rule.row < len(tops) else tops[-1] + heights[-1]
        x0, x1 = round(rule.x0 * width), round(rule.x1 * width)
        step = scan.dpi // 25 if rule.dashed else x1 - x0
        for x in range(x0, x1, max(1, step)):
            end = min(x1, x + step // 2) if rule.dashed else x1
            pen.line((x, y, end, y), fill=ink, width=line)
    for p in PRINT.layout(sample, n, scan.dpi):
        pen.text((p.left, p.top), p.cell.text, fill=ink, font=p.font)
    return image


def render(sample: ISample, n: int, scan: IScan, seed: int = 0) -> Image.Image:
    image = _draw(sample, n, scan)
    width, height = image.size
    rng = random.Random(seed)  # noqa: S311 - draws a test image, not a secret
    if scan.pink:
        grey = image.convert("L").rotate(
            scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=238
        )
        noise = Image.effect_noise(grey.size, 9).point(lambda v: v - 128)
        return ImageChops.add(grey, noise, 1.0, 0)
    if scan.ghost:
        grey = image.convert("L")
        drop = round(GHOST_CM / 2.54 * scan.dpi)
        ghost = Image.new("L", grey.size, 255)
        ghost.paste(grey.crop((0, 0, width, height - drop)), (0, drop))
        faint = ghost.point(lambda v: 255 - round((255 - v) * 0.2))
        grey = ImageChops.darker(grey, faint.filter(ImageFilter.GaussianBlur(1.2)))
        return grey.rotate(scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=252)
    # the open lid: the sheet on the black of the scanner, its edges darkening
    shade = Image.new("L", (width, height), 255)
    pen = ImageDraw.Draw(shade)
    band = round(0.025 * width)
    for k in range(band):
        level = 150 + round(105 * k / band)
        pen.rectangle((k, k, width - 1 - k, height - 1 - k), outline=level)
    image = ImageChops.multiply(image, Image.merge("RGB", (shade, shade, shade)))
    image = image.rotate(
        scan.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(14, 14, 16)
    )
    border = round(0.04 * width) + rng.randrange(4)
    platen = Image.new("RGB", (image.width + 2 * border, image.height + 2 * border), (14, 14, 16))
    platen.paste(image, (border, border))
    return platen


def i_scanned(sample: ISample, index: int) -> tuple[bytes, str, IScan]:
    """Printed and scanned one of three ways: the pink paper as PNG (with its resolution at
    odd indexes), the drum ghost as LZW TIFF, the open lid as JPEG; two pages as PDF."""
    scan = SCANS[index % len(SCANS)]
    images = [render(sample, n, scan, seed=index * 41 + n) for n in range(len(sample.pages))]
    if len(images) > 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf", scan
    if scan.ghost:
        out = io.BytesIO()
        images[0].save(out, format="TIFF", compression="tiff_lzw", dpi=(scan.dpi, scan.dpi))
        return out.getvalue(), "tiff", scan
    if scan.lid:
        return encode_pages(images, "jpeg", scan.dpi), "jpeg", scan
    return encode_pages(images, "png", scan.dpi if index % 2 else None), "png", scan


__all__ = [
    "FAMILY",
    "SCANS",
    "TEMPLATES",
    "ISample",
    "IScan",
    "build_i",
    "i_pages",
    "i_scanned",
    "i_text",
    "page_size",
    "printed_forms",
    "render",
    "values_in_text",
]
