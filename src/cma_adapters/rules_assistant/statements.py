"""Bank statements: transactions read from CSV and OFX exports and from a statement's
page, categorised into SFS lines by a learned model.

* CSV: the standard library's ``csv`` (dialect sniffed: comma, semicolon, tab), the
  header row found by its column names (date; description/details/narrative/payee;
  amount, or paid out / paid in, debit / credit), UK dates.
* OFX 1.x (SGML) and 2.x (XML): ``ofxtools``.
* A page (image or PDF, read by OCR): rows that start with a date and hold an amount,
  the amount's sign from the column it sits under ("out"/"debit"/"withdrawn" or
  "in"/"credit"/"deposited").

The categoriser is the document classifier's machinery (TF-IDF over words and characters
+ logistic regression, JSON artefact) trained on generated transactions
(``statements_corpus``); its text is the direction and the description ("out DD
BRIGHTSIDE ENERGY"), so money in and money out with similar names are told apart.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from pathlib import Path

from cma_adapters.rules_assistant import classifier, statement_tables
from cma_adapters.rules_assistant.layout import Layout
from cma_adapters.rules_assistant.values import ENGLISH_MONTHS
from cma_core.budgets.catalogue import LINES_BY_KEY, Section
from cma_core.documents.transactions import Transaction, payee_key

ARTEFACT = "transaction_categoriser.json"

_DATE_HEAD = re.compile(r"^(?:transaction |posting |posted |value )?(?:date|posted|day)$", re.I)
_DESC_HEAD = re.compile(
    r"^(?:transaction )?(?:description|details|narrative|payee|memo|name|what for|reference)"
    r"(?: / reference)?$",
    re.I,
)
_AMOUNT_HEAD = re.compile(r"^(?:amount|value|amount \(gbp\)|amount gbp)$", re.I)
_OUT_HEAD = re.compile(
    r"(?:paid out|money out|debit|withdrawn|withdrawals?|payments? out|^out$)", re.I
)
_IN_HEAD = re.compile(r"(?:paid in|money in|credit|deposited|deposits?|payments? in|^in$)", re.I)


def parse_day(text: str, year: int | None = None) -> dt.date | None:
    """A statement date: 03/04/2026, 2026-04-03, 03-04-26, 3 Apr 2026, 03 Apr, 03/04."""
    text = text.strip()
    for pattern, order in (
        (r"(\d{4})-(\d{1,2})-(\d{1,2})", "ymd"),
        (r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})", "dmy"),
        (r"(\d{1,2})\s*([A-Za-z]{3})[a-z]*\.?\s*(\d{2,4})?", "dMy"),
        (r"(\d{1,2})/(\d{1,2})", "dm"),
    ):
        m = re.fullmatch(pattern, text)
        if not m:
            continue
        try:
            if order == "ymd":
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            if order == "dmy":
                y = int(m[3])
                return dt.date(y + 2000 if y < 100 else y, int(m[2]), int(m[1]))
            if order == "dMy":
                month = ENGLISH_MONTHS.get(m[2].lower())
                given = int(m[3]) if m[3] else year
                if month is None or given is None:
                    return None
                return dt.date(given + 2000 if given < 100 else given, month, int(m[1]))
            if year is None:
                return None
            return dt.date(year, int(m[2]), int(m[1]))
        except ValueError:
            return None
    return None


def _pence(text: str) -> int | None:
    raw = re.sub(r"[£\s]|GBP", "", text or "")
    if re.fullmatch(r"[-(+]?\d+(?:\.\d{3})*,\d\d\)?", raw):
        raw = raw.replace(".", "").replace(",", ".")  # a decimal comma (1.234,56)
    cleaned = raw.replace(",", "")
    negative = cleaned.startswith("-") or (cleaned.startswith("(") and cleaned.endswith(")"))
    cleaned = cleaned.strip("-()+")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    pence = int((value * 100).to_integral_value())
    return -pence if negative else pence


def parse_csv(data: bytes) -> list[Transaction]:
    """Transactions from a bank's CSV export (``ValueError`` if no header is found)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    for h, header in enumerate(rows):
        names = [c.strip() for c in header]
        date = _column(names, _DATE_HEAD)
        desc = _column(names, _DESC_HEAD)
        if date is None or desc is None:
            continue
        amount, out, into = (
            _column(names, _AMOUNT_HEAD),
            _column(names, _OUT_HEAD),
            _column(names, _IN_HEAD),
        )
        if amount is None and out is None and into is None:
            continue
        return _csv_rows(rows[h + 1 :], date, desc, amount, out, into)
    raise ValueError("no header row with a date, a description and an amount")


def _column(names: Sequence[str], pattern: re.Pattern[str]) -> int | None:
    return next((i for i, n in enumerate(names) if pattern.search(n)), None)


def _csv_rows(
    rows: Sequence[Sequence[str]],
    date: int,
    desc: int,
    amount: int | None,
    out: int | None,
    into: int | None,
) -> list[Transaction]:
    found = []
    for row in rows:

        def cell(i: int | None, row: Sequence[str] = row) -> str:
            return row[i] if i is not None and i < len(row) else ""

        day = parse_day(cell(date))
        if day is None:
            continue
        if amount is not None:
            pence = _pence(cell(amount))
        else:
            paid_out, paid_in = _pence(cell(out)), _pence(cell(into))
            pence = (paid_in or 0) - abs(paid_out or 0) if (paid_out or paid_in) else None
        if pence is None or pence == 0:
            continue
        found.append(
            Transaction(date=day, description=" ".join(cell(desc).split()), amount_pence=pence)
        )
    return found


def parse_ofx(data: bytes) -> list[Transaction]:
    """Transactions from an OFX file (1.x SGML or 2.x XML), with ``ofxtools``."""
    from ofxtools.Parser import OFXTree

    tree = OFXTree()
    tree.parse(io.BytesIO(data))
    ofx = tree.convert()
    found = []
    for statement in ofx.statements:
        for t in statement.transactions:
            description = " ".join(x for x in (t.name, t.memo) if x)
            found.append(
                Transaction(
                    date=t.dtposted.date(),
                    description=" ".join(description.split()),
                    amount_pence=int((Decimal(t.trnamt) * 100).to_integral_value()),
                )
            )
    return found


def looks_like_ofx(data: bytes) -> bool:
    head = data[:2048].lstrip().upper()
    return head.startswith(b"OFXHEADER") or b"<OFX>" in head


def from_layouts(
    layouts: Sequence[Layout], year: int | None, *, letter: dt.date | None = None
) -> list[Transaction]:
    """A statement page's transaction table (``statement_tables``): dates without a year
    are placed on or before the statement's end (the latest full date on it, else
    ``letter``, else the end of ``year``)."""
    end = statement_tables.statement_end(layouts, letter)
    if end is None and year is not None:
        end = dt.date(year, 12, 31)
    return statement_tables.read_table(layouts, end)


# -- categorising -------------------------------------------------------------------------


# Merchant-name normaliser: banks' abbreviations spelt out, and the words that say what
# kind of business a payee is (as card schemes' merchant categories do), as ``sector_*``
# tokens. The model learns each sector's weight from the seen payees, so an unseen
# "X FOODS" or "Y PETROL" is read by its kind, not by a brand the model never saw.
_ABBREVIATIONS = {
    "MTG": "MORTGAGE", "BS": "BUILDING SOCIETY", "CTAX": "COUNCIL TAX", "CT": "COUNCIL TAX",
    "BC": "BOROUGH COUNCIL", "DC": "DISTRICT COUNCIL", "CC": "CITY COUNCIL",
    "INS": "INSURANCE", "ELEC": "ELECTRICITY", "ELECTRIC": "ELECTRICITY",
    "SP": "STATE PENSION", "CHB": "CHILD BENEFIT", "BEN": "BENEFIT", "TFR": "TRANSFER",
    "ASSOC": "ASSOCIATION", "SMKT": "SUPERMARKET", "SUPERMKT": "SUPERMARKET",
}  # fmt: skip
_SECTORS = {
    "grocery": r"SUPERMARKETS?|SUPERSTORES?|FOODS?|FOODSTORE|GROCER\w*|FOOD HALL|CONVENIENCE",
    "fuel": r"PETROL|FUEL|FILLING STATION|SERVICE STATION|FORECOURT|PARKING|CAR PARK",
    "energy": r"ENERGY|ELECTRICITY|POWER|GAS",
    "water": r"WATER|SEWERAGE",
    "lending": r"LENDING|LOANS?|FINANCE|FINANCIAL|CREDIT|CARDS?|CAPITAL|PORTFOLIO|CATALOGUE"
    r"|PAY LATER",
    "transport": r"BUS(?:ES)?|TRAINS?|RAIL(?:WAYS?)?|TICKETS?|COACH(?:ES)?|TRAMS?|TRAVEL",
    "insurance": r"INSURANCE|ASSURANCE|MOTOR",
    "housing": r"HOUSING|HOMES|RENT|LANDLORD|LETTINGS?|TENANCY",
    "mortgage": r"MORTGAGES?|HOME LOANS?|BUILDING SOCIETY",
    "council": r"COUNCIL(?! TAX)|BOROUGH|DISTRICT",
    "council_tax": r"COUNCIL TAX",
    "telecom": r"BROADBAND|INTERNET|FIBRE|TELECOMS?|TALK|MEDIA|DIGITAL|TV",
    "mobile": r"MOBILES?",
    "leisure": r"GYM|FITNESS|LEISURE|SPORTS?|CINEMA|STREAMING|SUBSCRIPTION|MEMBERSHIP|PLUS",
    "clothing": r"CLOTHING|CLOTHES|SHOES?|FOOTWEAR|FASHION",
    "wages": r"SALARY|WAGES|PAYROLL|PAY",
    "cash": r"ATM|CASH|WITHDRAWAL|NOTEMACHINE|SAVINGS",
}
_SECTOR_RES = {name: re.compile(rf"\b(?:{p})\b") for name, p in _SECTORS.items()}


def merchant_name(description: str) -> str:
    """The payee (``payee_key``) with banks' abbreviations spelt out."""
    key = payee_key(description) or description.upper()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in key.split())


def categoriser_text(description: str, income: bool) -> str:
    """Direction, payee and its sectors: the payment type, channel, references and dates
    are dropped (``payee_key``), so the model learns payees and kinds of business, not one
    bank's way of writing them."""
    name = merchant_name(description)
    sectors = [f"sector_{s}" for s, pattern in _SECTOR_RES.items() if pattern.search(name)]
    return " ".join([f"{'in' if income else 'out'} {name}", *sectors])


@cache
def shipped() -> classifier.Model | None:
    path = resources.files("cma_adapters.rules_assistant").joinpath(ARTEFACT)
    if not path.is_file():
        return None
    return classifier.from_json(path.read_text(encoding="utf-8"))


def load(path: Path | None) -> classifier.Model | None:
    return classifier.from_json(path.read_text(encoding="utf-8")) if path else shipped()


def categorise(
    transactions: Sequence[Transaction], model: classifier.Model | None
) -> list[Transaction]:
    """Each transaction with its category and the model's confidence (unchanged without
    a model)."""
    if model is None:
        return list(transactions)
    out = []
    for t in transactions:
        label, confidence = predict_category(model, t.description, t.income)
        out.append(
            Transaction(
                date=t.date, description=t.description, amount_pence=t.amount_pence,
                category=label, confidence=round(confidence, 4), page=t.page, box=t.box,
            )
        )  # fmt: skip
    return out


#: The categories money paid in may have: the budget's income lines, or none of the
#: budget's (a refund, a transfer between the client's own accounts).
INCOME_CATEGORIES = frozenset(
    {key for key, line in LINES_BY_KEY.items() if line.section is Section.INCOME} | {"not_budgeted"}
)


def predict_category(model: classifier.Model, description: str, income: bool) -> tuple[str, float]:
    """The category of a payment ``description`` and the model's probability of it, among
    the categories of its direction only: money paid in is income (or none of the
    budget's), money paid out is spending — the model alone may put a wage from an
    employer it never met on an expenditure line ("BGC HALDEN ENGINEERING" as mortgage).
    The probability is renormalised over the direction's categories."""
    probabilities = model.probabilities(categoriser_text(description, income))
    allowed = {
        c: p
        for c, p in probabilities.items()
        if (c in INCOME_CATEGORIES) == income or c == "not_budgeted"
    }
    if not allowed:  # a model with no category of this direction: as it says
        return model.predict_label(categoriser_text(description, income))
    best = max(allowed, key=lambda c: allowed[c])
    return best, allowed[best] / (sum(allowed.values()) or 1.0)


def train_categoriser(
    *,
    version: str,
    statements: int = 60,
    seed: int = 14,
    extra: Sequence[tuple[str, str]] = (),
    c: float = 4.0,
) -> classifier.TrainingResult:
    """Fit the categoriser on generated statements with the *seen* payees and formats
    (plus ``extra`` labelled ``(text, category)`` pairs, e.g. advisers' corrections) and
    report per-transaction accuracy on statements with *held-out* payees and formats."""
    from cma_adapters.rules_assistant.statements_corpus import build_statements, training_texts

    texts, labels = training_texts(build_statements(statements, seed=seed, held_out=False))
    corpus_size = len(texts)
    # An adviser's label counts three times a generated one; it adds no feature (no payee
    # name of a client's statement is written into the artefact).
    texts += [t for t, _ in extra for _ in range(3)]
    labels += [label for _, label in extra for _ in range(3)]
    held_texts, held_labels = training_texts(build_statements(20, seed=seed + 1, held_out=True))
    return classifier.train(
        texts, labels, held_texts=held_texts, held_labels=held_labels, version=version,
        max_features=4000, c=c, vocabulary_from=corpus_size if extra else None, features=2,
    )  # fmt: skip
