"""Bank statement transactions: what a statement says the client's money does.

A ``Transaction`` comes from a CSV or OFX export or from a statement's page (adapters
read them); an assistant gives each a ``category``: an SFS budget line key
(``budgets.catalogue``), or ``DEBT_REPAYMENT`` (a payment to a creditor: not a budget
line, a debt to record), or ``NOT_BUDGETED`` (transfers, cash, refunds).

From the categorised list, ``recurring`` finds payments that repeat (same payee, similar
amount, a regular interval) and ``statement_lines`` turns the statement into one figure
per SFS line: a recurring payment's amount and frequency, else the line's total over the
statement's span as a monthly amount. Each becomes one suggestion the adviser accepts or
rejects line by line; a recurring payment to a creditor is suggested as a debt.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence

from attrs import frozen

from cma_core.budgets.frequency import Frequency
from cma_core.documents.model import Box

DEBT_REPAYMENT = "debt_repayment"
NOT_BUDGETED = "not_budgeted"

_PREFIXES = re.compile(
    r"^(?:(?:DD|D/D|DIRECT DEBIT|SO|S/O|STO|STANDING ORDER|FPO|FPI|FASTER PAYMENT(?:S)?"
    r"|BGC|BACS CREDIT|BACS|CR|DR|DEB|POS|VIS|VISA|BP|TFR|CARD PAYMENT(?: TO)?|CARD PURCHASE"
    r"|CONTACTLESS"
    r"|PAYMENT TO|PAYMENT FROM|BILL PAYMENT(?: TO)?|CHQ|ATM|CASH|CREDIT FROM"
    r"|RECEIPT(?: FROM)?|TRANSFER (?:TO|FROM)|TO|FROM"
    r"|ONLINE PAYMENT(?: TO)?|MOBILE PAYMENT(?: TO)?)\b[\s:.-]*)+",
    re.IGNORECASE,
)
# How the payment was made, written after the payee by some banks ("EDF ENERGY VIA
# MOBILE", "... ONLINE BANKING"): not part of the payee's name.
_CHANNEL = re.compile(
    r"\s+(?:VIA|BY|USING)\s+(?:MOBILE|APP|ONLINE|INTERNET|TELEPHONE|PHONE)\b.*"
    r"|\s+(?:MOBILE|ONLINE|INTERNET|TELEPHONE) BANKING\b.*"
    r"|\s+(?:CONTACTLESS|APPLE PAY|GOOGLE PAY)\b.*"
)


ABOUT_ONE_MONTH_DAYS = 35
"""Payments spanning at most this many days are one month's: a monthly statement's first
and last payments fall a few days inside its period."""


@frozen(kw_only=True)
class Transaction:
    date: dt.date
    description: str
    amount_pence: int
    """Signed: money in is positive, money out negative."""
    category: str | None = None
    confidence: float | None = None
    page: int | None = None
    box: Box | None = None

    @property
    def income(self) -> bool:
        return self.amount_pence > 0


@frozen(kw_only=True)
class Recurring:
    payee: str
    category: str
    amount_pence: int
    """Positive: the typical payment."""
    frequency: Frequency
    income: bool
    sources: tuple[Transaction, ...]
    """The transactions it was seen in, oldest first."""

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return tuple(t.date for t in self.sources)


@frozen(kw_only=True)
class StatementLine:
    """One suggestion's worth: an SFS line with its amount, or a debt to record."""

    category: str
    amount_pence: int
    frequency: Frequency
    income: bool
    payee: str | None
    """The payee, for a recurring payment (the creditor, for a debt)."""
    sources: tuple[Transaction, ...]
    """The statement's transactions it is made of, oldest first (where each was printed:
    the adviser checks the line against them)."""

    @property
    def transactions(self) -> int:
        """How many payments it is made of."""
        return len(self.sources)


def payee_key(description: str) -> str:
    """The payee in a statement line: payment-type prefixes, references, dates and card
    numbers dropped ("DD BRIGHTSIDE ENERGY REF 4471" -> "BRIGHTSIDE ENERGY")."""
    text = _PREFIXES.sub("", description.upper().strip())
    text = re.split(r"\b(?:REF|REFERENCE|ON \d+[A-Z]*|CD \d+|\d{2}[A-Z]{3}\d{0,2})\b", text)[0]
    text = _CHANNEL.split(text)[0]
    words = [w for w in re.findall(r"[A-Z&']+", text) if len(w) > 1 or w == "&"]
    return " ".join(words[:4])


def _frequency(dates: Sequence[dt.date]) -> Frequency | None:
    gaps = [(b - a).days for a, b in itertools.pairwise(dates)]
    if not gaps:
        return None
    gap = statistics.median(gaps)
    if 6 <= gap <= 8:
        return Frequency.WEEKLY
    if 13 <= gap <= 15:
        return Frequency.FORTNIGHTLY
    if 27 <= gap <= 32:
        if len(gaps) >= 2 and all(g == 28 for g in gaps):
            return Frequency.FOUR_WEEKLY
        return Frequency.MONTHLY
    return None


def recurring(transactions: Sequence[Transaction]) -> list[Recurring]:
    """Payments to (or from) one payee at a regular interval with amounts within 20% of
    their median. A single payment is not recurring: one statement month shows a
    monthly bill once, so a lone categorised payment is kept by ``statement_lines``."""
    groups: dict[tuple[str, bool], list[Transaction]] = defaultdict(list)
    for t in transactions:
        key = payee_key(t.description)
        if key:
            groups[(key, t.income)].append(t)
    out = []
    for (payee, income), items in groups.items():
        items.sort(key=lambda t: t.date)
        amounts = [abs(t.amount_pence) for t in items]
        typical = int(statistics.median(amounts))
        if len(items) < 2 or any(abs(a - typical) > 0.2 * typical for a in amounts):
            continue
        frequency = _frequency([t.date for t in items])
        category = _majority([t.category for t in items])
        if frequency is None or category is None:
            continue
        out.append(
            Recurring(
                payee=payee,
                category=category,
                amount_pence=typical,
                frequency=frequency,
                income=income,
                sources=tuple(items),
            )
        )
    return out


def _majority(categories: Sequence[str | None]) -> str | None:
    known = [c for c in categories if c]
    return max(set(known), key=known.count) if known else None


def statement_lines(transactions: Sequence[Transaction]) -> list[StatementLine]:
    """One line per SFS category (and one debt per recurring creditor payment).

    Recurring payments give their own amount and frequency; the rest of a category's
    transactions are summed over the statement's span (at least four weeks) and given
    as a monthly amount; a statement whose payments span at most ``ABOUT_ONE_MONTH_DAYS``
    shows one month, so its totals are the monthly amounts (not stretched to 30.4 days).
    ``NOT_BUDGETED`` transactions and one-off payments to creditors
    give nothing."""
    if not transactions:
        return []
    repeats = recurring(transactions)
    covered = {(r.payee, r.income) for r in repeats}
    out = [
        StatementLine(
            category=r.category, amount_pence=r.amount_pence, frequency=r.frequency,
            income=r.income, payee=r.payee, sources=r.sources,
        )
        for r in repeats
        if r.category != NOT_BUDGETED
    ]  # fmt: skip
    dates = [t.date for t in transactions]
    span: float = max((max(dates) - min(dates)).days + 1, 28)
    if span <= ABOUT_ONE_MONTH_DAYS:
        span = 365.25 / 12  # one month's statement: its totals are the month's
    rest: dict[tuple[str, bool], list[Transaction]] = defaultdict(list)
    for t in transactions:
        if (payee_key(t.description), t.income) in covered or not t.category:
            continue
        if t.category in (NOT_BUDGETED, DEBT_REPAYMENT):
            continue
        rest[(t.category, t.income)].append(t)
    for (category, income), items in sorted(rest.items()):
        total = sum(abs(t.amount_pence) for t in items)
        out.append(
            StatementLine(
                category=category,
                amount_pence=round(total * 365.25 / 12 / span),
                frequency=Frequency.MONTHLY,
                income=income,
                payee=None,
                sources=tuple(sorted(items, key=lambda t: t.date)),
            )
        )
    return out


# A payment the client set up to recur: a direct debit or a standing order.
_SET_UP_TO_RECUR = re.compile(
    r"^\s*(?:DD|D/D|DDR|DIRECT DEBIT|SO|S/O|STO|STANDING ORDER)\b", re.IGNORECASE
)
# A payee whose name says it lends or collects money.
_CREDITOR_NAME = re.compile(
    r"\b(?:LENDING|LENDERS?|LOANS?|FINANCE|FINANCIAL|CREDIT|CARDS?|CAPITAL|PORTFOLIO"
    r"|CATALOGUE|PAY LATER|RECOVER(?:Y|IES)|COLLECTIONS?|BANK)\b"
)
ONCE_A_MONTH_SPAN_DAYS = 45
"""A statement whose payments span at most this many days shows a monthly payment once
(a longer one would show it twice)."""


def seen_once_debts(transactions: Sequence[Transaction]) -> list[StatementLine]:
    """Payments to creditors seen once on a statement covering about a month, that look
    regular: a direct debit or standing order, or to a payee whose name says it lends
    (``frequency`` monthly, ``transactions`` 1). A longer statement would have shown a
    regular payment again, so there a lone payment names no debt."""
    paid = [t for t in transactions if not t.income]
    if not paid:
        return []
    dates = [t.date for t in transactions]
    if (max(dates) - min(dates)).days + 1 > ONCE_A_MONTH_SPAN_DAYS:
        return []
    to_creditors = [t for t in paid if t.category == DEBT_REPAYMENT and payee_key(t.description)]
    times = Counter(payee_key(t.description) for t in paid)
    out = []
    for t in to_creditors:
        payee = payee_key(t.description)
        if times[payee] != 1:
            continue  # twice or more: ``recurring`` decides
        if _SET_UP_TO_RECUR.match(t.description) or _CREDITOR_NAME.search(payee):
            out.append(
                StatementLine(
                    category=DEBT_REPAYMENT, amount_pence=abs(t.amount_pence),
                    frequency=Frequency.MONTHLY, income=False, payee=payee, sources=(t,),
                )
            )  # fmt: skip
    return out
