# ruff: noqa: E501  (data reads better unwrapped)
"""Bank statements as printed pages, with their true transactions: the paper and phone
photos clients bring, in the layouts UK banks use, for measuring the statement reader on
scans (``benchmarks/statement_images.py``) and for tests.

The transactions are the categoriser corpus's *held-out* payees and description formats
(``statements_corpus.build_statement``), so categories are measured on payees the
categoriser never saw. Each layout turns them into pages of positioned cells
(``corpus.Page``), which ``corpus.sample_pages`` reads perfectly and ``corpus.render_page``
prints for Tesseract.

Two sets of layouts, written together before any change to the reader:

* ``DEV``: the layouts the fixes were worked out on (separate Paid out / Paid in columns
  with dates without a year, one signed Amount column, "DR"/"CR" markers, descriptions
  over two lines continued on page 2);
* ``HELD``: held out, measured in aggregate only (an online-banking print with its page
  furniture and Money in before Money out, a date printed once per day with a type-code
  column, trailing-minus amounts with weekday dates, a three-month statement with monthly
  sub-totals).
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections.abc import Callable, Sequence

from attrs import frozen
from PIL import Image, ImageChops, ImageFilter

from cma_adapters.rules_assistant.corpus import (
    Cell,
    Page,
    Row,
    Sample,
    Scan,
    Truth,
    _font,
    encode_pages,
    render_page,
)
from cma_adapters.rules_assistant.statements_corpus import build_statement
from cma_core.documents.model import DocumentClass
from cma_core.documents.transactions import Transaction

WIDTH_150 = int(8.27 * 150)
SIZE_150 = round(10.5 / 72 * 150)
ROWS_A_PAGE = 44


def width(text: str, bold: bool = False) -> float:
    """The text's width as a share of the page (DejaVu Sans, as ``page_words`` measures)."""
    return _font("sans", SIZE_150, bold).getlength(text) / WIDTH_150


def right(x: float, text: str, bold: bool = False) -> Cell:
    """A cell whose right edge is at ``x`` (amounts are right-aligned)."""
    return Cell(round(x - width(text, bold), 4), text, bold)


@frozen(kw_only=True)
class Statement:
    name: str
    layout: str
    held_out: bool
    months: int
    pages: tuple[Page, ...]
    transactions: tuple[Transaction, ...]
    """The true transactions, with their true category."""
    period: tuple[dt.date, dt.date]

    def sample(self) -> Sample:
        truth = Truth(document_class=DocumentClass.BANK_STATEMENT, letter_date=self.period[1])
        return Sample(
            name=self.name, family="stmt", held_out=self.held_out, truth=truth, pages=self.pages
        )


def money(pence: int) -> str:
    return f"{abs(pence) / 100:,.2f}"


def d_mon(day: dt.date) -> str:
    return f"{day.day:02d} {calendar.month_abbr[day.month]}"


def long(day: dt.date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


Layout = Callable[[random.Random, Sequence[Transaction], tuple[dt.date, dt.date]], list[Page]]


def _paginate(
    head: list[Row],
    table_head: list[Row],
    body: list[Row],
    foot: list[Row],
    *,
    continued: list[Row] | None = None,
) -> list[Page]:
    """Pages of at most ``ROWS_A_PAGE`` rows: the head on page 1, the table's header
    repeated on each page, ``continued`` (if any) at the top of later pages."""
    pages: list[Page] = []
    page: Page = [*head, *table_head]
    for row in body:
        if len(page) >= ROWS_A_PAGE:
            pages.append(page)
            page = [*(continued or []), *table_head]
        page.append(row)
    page += foot
    pages.append(page)
    return pages


def _split(description: str) -> tuple[str, str]:
    """A description as two printed lines: the payee, then its reference (if any)."""
    words = description.split()
    cut = next(
        (i for i, w in enumerate(words) if i >= 2 and any(ch.isdigit() for ch in w)), len(words)
    )
    if cut == len(words) and len(words) > 3:
        cut = 3
    return " ".join(words[:cut]), " ".join(words[cut:])


# -- development layouts (the fixes were worked out on these) -----------------------------


def paid_columns(
    rng: random.Random, txns: Sequence[Transaction], period: tuple[dt.date, dt.date]
) -> list[Page]:
    """Date (no year) | Description | Paid out | Paid in | Balance, right-aligned money,
    a brought-forward and a carried-forward line, the period in words at the top."""
    balance = rng.randrange(5_000, 90_000)
    head: list[Row] = [
        (Cell(0.08, "Northgate Bank", True),),
        (Cell(0.08, "Your Current Account statement"),),
        (Cell(0.08, f"{long(period[0])} to {long(period[1])}"),),
        (Cell(0.08, "Sort code 20-45-77"), Cell(0.45, "Account number 31926658")),
        (),
    ]
    table: list[Row] = [
        (
            Cell(0.08, "Date", True),
            Cell(0.19, "Description", True),
            right(0.66, "Paid out", True),
            right(0.78, "Paid in", True),
            right(0.92, "Balance", True),
        )
    ]
    body: list[Row] = [
        (
            Cell(0.08, d_mon(period[0])),
            Cell(0.19, "BALANCE BROUGHT FORWARD"),
            right(0.92, money(balance)),
        )
    ]
    for t in txns:
        balance += t.amount_pence
        col = 0.66 if t.amount_pence < 0 else 0.78
        body.append(
            (
                Cell(0.08, d_mon(t.date)),
                Cell(0.19, t.description[:38]),
                right(col, money(t.amount_pence)),
                right(0.92, money(balance)),
            )
        )
    foot: list[Row] = [
        (
            Cell(0.08, d_mon(period[1])),
            Cell(0.19, "BALANCE CARRIED FORWARD"),
            right(0.92, money(balance)),
        )
    ]
    return _paginate(head, table, body, foot)


def signed_amount(
    rng: random.Random, txns: Sequence[Transaction], period: tuple[dt.date, dt.date]
) -> list[Page]:
    """Date dd/mm/yyyy | Transaction details | Amount (minus for money out) | Balance."""
    balance = rng.randrange(5_000, 90_000)
    head: list[Row] = [
        (
            Cell(0.08, "Humber Savings Bank plc", True),
            Cell(0.62, f"Statement date {period[1]:%d/%m/%Y}"),
        ),
        (Cell(0.08, "Classic Account"),),
        (Cell(0.08, f"Statement period {period[0]:%d/%m/%Y} - {period[1]:%d/%m/%Y}"),),
        (),
    ]
    table: list[Row] = [
        (
            Cell(0.08, "Date", True),
            Cell(0.22, "Transaction details", True),
            right(0.76, "Amount", True),
            right(0.92, "Balance", True),
        )
    ]
    body: list[Row] = []
    for t in txns:
        balance += t.amount_pence
        sign = "-" if t.amount_pence < 0 else ""
        body.append(
            (
                Cell(0.08, f"{t.date:%d/%m/%Y}"),
                Cell(0.22, t.description[:36]),
                right(0.76, sign + money(t.amount_pence)),
                right(0.92, money(balance)),
            )
        )
    foot: list[Row] = [(), (Cell(0.08, f"Closing balance £{money(balance)}"),)]
    return _paginate(head, table, body, foot)


def dr_cr(
    rng: random.Random, txns: Sequence[Transaction], period: tuple[dt.date, dt.date]
) -> list[Page]:
    """Date (no year) | Details | Amount with DR or CR after it | Balance with CR/DR."""
    balance = rng.randrange(5_000, 40_000)
    head: list[Row] = [
        (Cell(0.08, "Pennine Mutual Bank", True),),
        (Cell(0.08, f"Statement for the period ended {long(period[1])}"),),
        (Cell(0.08, "Account 40-11-09 77120391"),),
        (),
    ]
    table: list[Row] = [
        (
            Cell(0.08, "Date", True),
            Cell(0.19, "Details", True),
            right(0.72, "Amount £", True),
            right(0.92, "Balance £", True),
        )
    ]
    body: list[Row] = [
        (
            Cell(0.08, d_mon(period[0])),
            Cell(0.19, "Opening balance"),
            right(0.92, money(balance) + " CR"),
        )
    ]
    for t in txns:
        balance += t.amount_pence
        mark = " DR" if t.amount_pence < 0 else " CR"
        body.append(
            (
                Cell(0.08, d_mon(t.date)),
                Cell(0.19, t.description[:38]),
                right(0.72, money(t.amount_pence) + mark),
                right(0.92, money(balance) + (" CR" if balance >= 0 else " DR")),
            )
        )
    foot: list[Row] = [
        (
            Cell(0.08, d_mon(period[1])),
            Cell(0.19, "Closing balance"),
            right(0.92, money(balance) + (" CR" if balance >= 0 else " DR")),
        )
    ]
    return _paginate(head, table, body, foot)


def two_lines(
    rng: random.Random, txns: Sequence[Transaction], period: tuple[dt.date, dt.date]
) -> list[Page]:
    """Date (no year) | Description over two lines (payee, then reference) | Money out |
    Money in | Balance; page 2 continues the table under "continued"."""
    balance = rng.randrange(5_000, 90_000)
    head: list[Row] = [
        (Cell(0.08, "Calder Building Society", True), Cell(0.6, "Page 1")),
        (Cell(0.08, "Easy Access Current Account"),),
        (Cell(0.08, f"Statement date: {long(period[1])}"),),
        (),
    ]
    table: list[Row] = [
        (
            Cell(0.08, "Date", True),
            Cell(0.19, "Description", True),
            right(0.66, "Money out", True),
            right(0.79, "Money in", True),
            right(0.93, "Balance", True),
        )
    ]
    body: list[Row] = [
        (
            Cell(0.08, d_mon(period[0])),
            Cell(0.19, "Balance brought forward"),
            right(0.93, money(balance)),
        )
    ]
    for t in txns:
        balance += t.amount_pence
        first, second = _split(t.description)
        col = 0.66 if t.amount_pence < 0 else 0.79
        body.append(
            (
                Cell(0.08, d_mon(t.date)),
                Cell(0.19, first),
                right(col, money(t.amount_pence)),
                right(0.93, money(balance)),
            )
        )
        if second:
            body.append((Cell(0.19, second),))
    foot: list[Row] = [
        (
            Cell(0.08, d_mon(period[1])),
            Cell(0.19, "Balance carried forward"),
            right(0.93, money(balance)),
        )
    ]
    return _paginate(
        head,
        table,
        body,
        foot,
        continued=[(Cell(0.08, "Calder Building Society", True), Cell(0.6, "continued")), ()],
    )


# -- held-out layouts (measured in aggregate only) ----------------------------------------


def online_print(
    rng: random.Random, txns: Sequence[Transaction], period: tuple[dt.date, dt.date]
) -> list[Page]:
    """Printed from online banking: the site's furniture around the table, Money in before
    Money out with (£) in the headers, a Type column, dates "4 Dec 2026", newest first."""
    balance = rng.randrange(5_000, 90_000)
    rows = []
    for t in txns:
        balance += t.amount_pence
        rows.append((t, balance))
    head: list[Row] = [
        (Cell(0.05, f"{period[1]:%d/%m/%Y}, 14:32"), Cell(0.55, "Online Banking - Statements")),
        (
            Cell(0.08, "Kestrel Bank", True),
            Cell(0.6, "Log off"),
            Cell(0.72, "Help"),
            Cell(0.8, "Contact us"),
        ),
        (Cell(0.08, "Home > Accounts > Current Account > Transactions"),),
        (Cell(0.08, "Current Account 11-22-33 44556677"),),
        (Cell(0.08, f"Showing transactions from {period[0]:%d %b %Y} to {period[1]:%d %b %Y}"),),
        (),
    ]
    table: list[Row] = [
        (
            Cell(0.06, "Date", True),
            Cell(0.18, "Description", True),
            Cell(0.55, "Type", True),
            right(0.72, "Money in (£)", True),
            right(0.84, "Money out (£)", True),
            right(0.96, "Balance (£)", True),
        )
    ]
    body: list[Row] = []
    for t, bal in reversed(rows):
        kind = "DEB" if t.amount_pence < 0 else "CR"
        col = 0.84 if t.amount_pence < 0 else 0.72
        body.append(
            (
                Cell(0.06, f"{t.date.day} {calendar.month_abbr[t.date.month]} {t.date.year}"),
                Cell(0.18, t.description[:32]),
                Cell(0.55, kind),
                right(col, money(t.amount_pence)),
                right(0.96, money(bal)),
            )
        )
    foot: list[Row] = [
        (),
        (
            Cell(0.05, "https://www.kestrelbank.co.uk/online/accounts/transactions"),
            Cell(0.8, "1/1"),
        ),
    ]
    return _paginate(
        head,
        table,
        body,
        foot,
        continued=[
            (Cell(0.05, f"{period[1]:%d/%m/%Y}, 14:32"), Cell(0.55, "Online Banking - Statements")),
            (),
        ],
    )


def once_a_day(
    rng: random.Random, txns: Sequence[Transaction], period: tuple[dt.date, dt.date]
) -> list[Page]:
    """The date printed once a day (later payments that day leave it blank), a payment
    type code column (DD, SO, DEB, BGC, FPI...), Withdrawals / Deposits / Balance, the
    balance only on a day's last line."""
    balance = rng.randrange(5_000, 90_000)
    head: list[Row] = [
        (Cell(0.08, "Ashdown & Weald Bank", True),),
        (
            Cell(0.08, "STATEMENT OF ACCOUNT"),
            Cell(0.55, f"Period: {period[0]:%d %b} - {period[1]:%d %b %Y}"),
        ),
        (Cell(0.08, "Mr J Smith"), Cell(0.55, "Account no. 55102938")),
        (),
    ]
    table: list[Row] = [
        (
            Cell(0.08, "Date", True),
            Cell(0.19, "Type", True),
            Cell(0.26, "Payment details", True),
            right(0.7, "Withdrawals", True),
            right(0.82, "Deposits", True),
            right(0.95, "Balance", True),
        )
    ]
    body: list[Row] = [
        (
            Cell(0.08, f"{period[0]:%d %b %y}"),
            Cell(0.26, "START BALANCE"),
            right(0.95, money(balance)),
        )
    ]
    for i, t in enumerate(txns):
        balance += t.amount_pence
        first = i == 0 or txns[i - 1].date != t.date
        last = i == len(txns) - 1 or txns[i + 1].date != t.date
        code = (
            t.description.split()[0]
            if t.description.split()[0] in ("DD", "SO", "POS", "BGC", "FPI")
            else ("DEB" if t.amount_pence < 0 else "CR")
        )
        col = 0.7 if t.amount_pence < 0 else 0.82
        row: list[Cell] = [Cell(0.08, f"{t.date:%d %b %y}")] if first else []
        row += [Cell(0.19, code), Cell(0.26, t.description[:34]), right(col, money(t.amount_pence))]
        if last:
            row.append(right(0.95, money(balance)))
        body.append(tuple(row))
    foot: list[Row] = [(Cell(0.26, "END BALANCE"), right(0.95, money(balance)))]
    return _paginate(head, table, body, foot)


def trailing_minus(
    rng: random.Random, txns: Sequence[Transaction], period: tuple[dt.date, dt.date]
) -> list[Page]:
    """Weekday dates ("Mon 04 Nov"), one amount column with a trailing minus for money
    out ("45.00-"), the balance in its own column."""
    balance = rng.randrange(5_000, 90_000)
    head: list[Row] = [
        (Cell(0.08, "Wold Valley Credit Union", True), Cell(0.6, f"Printed {period[1]:%d.%m.%Y}")),
        (Cell(0.08, f"Statement {calendar.month_name[period[1].month]} {period[1].year}"),),
        (),
    ]
    table: list[Row] = [
        (
            Cell(0.08, "Date", True),
            Cell(0.22, "Narrative", True),
            right(0.76, "Value", True),
            right(0.92, "Balance", True),
        )
    ]
    body: list[Row] = []
    for t in txns:
        balance += t.amount_pence
        value = money(t.amount_pence) + ("-" if t.amount_pence < 0 else "")
        body.append(
            (
                Cell(
                    0.08,
                    f"{calendar.day_abbr[t.date.weekday()]} {t.date:%d} {calendar.month_abbr[t.date.month]}",
                ),
                Cell(0.22, t.description[:36]),
                right(0.77, value),
                right(0.92, money(balance)),
            )
        )
    foot: list[Row] = [(), (Cell(0.22, "Balance at end of statement"), right(0.92, money(balance)))]
    return _paginate(head, table, body, foot)


def monthly_totals(
    rng: random.Random, txns: Sequence[Transaction], period: tuple[dt.date, dt.date]
) -> list[Page]:
    """Several months, each under its month's name with its own totals line; Debit /
    Credit columns; dates "04-Dec" without a year."""
    balance = rng.randrange(5_000, 90_000)
    head: list[Row] = [
        (Cell(0.08, "Severn & Tamar Bank", True),),
        (Cell(0.08, f"Account statement {period[0]:%d %B %Y} to {period[1]:%d %B %Y}"),),
        (),
    ]
    table: list[Row] = [
        (
            Cell(0.08, "Date", True),
            Cell(0.2, "Description", True),
            right(0.68, "Debit", True),
            right(0.8, "Credit", True),
            right(0.93, "Balance", True),
        )
    ]
    body: list[Row] = []
    month = None
    outs = ins = 0
    for t in txns:
        if (t.date.year, t.date.month) != month:
            if month is not None:
                body.append(
                    (
                        Cell(0.2, "Totals for the month"),
                        right(0.68, money(outs)),
                        right(0.8, money(ins)),
                    )
                )
                outs = ins = 0
            month = (t.date.year, t.date.month)
            body.append((Cell(0.08, f"{calendar.month_name[t.date.month]} {t.date.year}", True),))
        balance += t.amount_pence
        if t.amount_pence < 0:
            outs -= t.amount_pence
        else:
            ins += t.amount_pence
        col = 0.68 if t.amount_pence < 0 else 0.8
        body.append(
            (
                Cell(0.08, f"{t.date.day:02d}-{calendar.month_abbr[t.date.month]}"),
                Cell(0.2, t.description[:36]),
                right(col, money(t.amount_pence)),
                right(0.93, money(balance)),
            )
        )
    body.append(
        (Cell(0.2, "Totals for the month"), right(0.68, money(outs)), right(0.8, money(ins)))
    )
    return _paginate(head, table, body, [])


# -- second held-out set: written after the fixes, measured once in aggregate ---------------


def type_and_details(
    rng: random.Random, txns: Sequence[Transaction], period: tuple[dt.date, dt.date]
) -> list[Page]:
    """ "Payment type and details" under one heading (the type code first, the details
    after it), Paid out / Paid in / Balance, the date once a day, "BALANCE BROUGHT
    FORWARD" and "BALANCE CARRIED FORWARD" with the balance only on a day's last line."""
    balance = rng.randrange(5_000, 90_000)
    head: list[Row] = [
        (Cell(0.08, "Teme & Lugg Bank", True), Cell(0.6, "Your Statement")),
        (Cell(0.08, "Account Summary"), Cell(0.6, f"{period[0]:%d %B} to {period[1]:%d %B %Y}")),
        (),
    ]
    table: list[Row] = [
        (
            Cell(0.08, "Date", True),
            Cell(0.2, "Payment type and details", True),
            right(0.68, "Paid out", True),
            right(0.8, "Paid in", True),
            right(0.94, "Balance", True),
        )
    ]
    body: list[Row] = [
        (Cell(0.08, f"{period[0]:%d %b %y}"), Cell(0.2, "BALANCE BROUGHT FORWARD"),
         right(0.94, money(balance)))
    ]  # fmt: skip
    for i, t in enumerate(txns):
        balance += t.amount_pence
        first = i == 0 or txns[i - 1].date != t.date
        last = i == len(txns) - 1 or txns[i + 1].date != t.date
        code = (
            "DD"
            if t.description.startswith("DIRECT DEBIT")
            else ("VIS" if t.amount_pence < 0 else "CR")
        )
        row: list[Cell] = [Cell(0.08, f"{t.date:%d %b %y}")] if first else []
        col = 0.68 if t.amount_pence < 0 else 0.8
        row += [Cell(0.2, code), Cell(0.26, t.description[:30]), right(col, money(t.amount_pence))]
        if last:
            row.append(right(0.94, money(balance)))
        body.append(tuple(row))
    foot: list[Row] = [
        (
            Cell(0.08, f"{period[1]:%d %b %y}"),
            Cell(0.2, "BALANCE CARRIED FORWARD"),
            right(0.94, money(balance)),
        )
    ]
    return _paginate(head, table, body, foot)


def app_export(
    rng: random.Random, txns: Sequence[Transaction], period: tuple[dt.date, dt.date]
) -> list[Page]:
    """An app bank's PDF statement: "(GBP) Amount" with "+£" for money in and "-£" for
    money out, "(GBP) Balance" with "£", dates dd/mm/yyyy, the payee on one line and its
    reference on the next."""
    balance = rng.randrange(5_000, 90_000)
    head: list[Row] = [
        (Cell(0.08, "Wren", True), Cell(0.62, f"{period[0]:%d/%m/%Y} - {period[1]:%d/%m/%Y}")),
        (Cell(0.08, "Personal Account statement"),),
        (),
    ]
    table: list[Row] = [
        (
            Cell(0.08, "Date", True),
            Cell(0.24, "Description", True),
            right(0.76, "(GBP) Amount", True),
            right(0.93, "(GBP) Balance", True),
        )
    ]
    body: list[Row] = []
    for t in txns:
        balance += t.amount_pence
        sign = "+£" if t.amount_pence > 0 else "-£"
        first, second = _split(t.description)
        body.append(
            (
                Cell(0.08, f"{t.date:%d/%m/%Y}"),
                Cell(0.24, first),
                right(0.76, sign + money(t.amount_pence)),
                right(0.93, "£" + money(balance)),
            )
        )
        if second:
            body.append((Cell(0.24, second),))
    return _paginate(
        head, table, body, [(), (Cell(0.08, "Wren is a trading name of Wren Bank Ltd."),)]
    )


def pound_headings(
    rng: random.Random, txns: Sequence[Transaction], period: tuple[dt.date, dt.date]
) -> list[Page]:
    """Headings "£Out" / "£In" / "£Balance", dates "4 Dec 2026" (three words), an
    ordinal start in the heading ("from 4th November"), the balance only after money in."""
    balance = rng.randrange(5_000, 90_000)
    head: list[Row] = [
        (Cell(0.08, "Dunkery Building Society", True),),
        (
            Cell(
                0.08,
                f"FlexAccount statement from {period[0].day}th {period[0]:%B %Y} to {period[1]:%d %B %Y}",
            ),
        ),
        (),
    ]
    table: list[Row] = [
        (
            Cell(0.08, "Date", True),
            Cell(0.25, "Description", True),
            right(0.68, "£Out", True),
            right(0.8, "£In", True),
            right(0.94, "£Balance", True),
        )
    ]
    body: list[Row] = [(Cell(0.25, "Balance from statement 41"), right(0.94, money(balance)))]
    for t in txns:
        balance += t.amount_pence
        col = 0.68 if t.amount_pence < 0 else 0.8
        row: list[Cell] = [
            Cell(0.08, f"{t.date.day} {t.date:%b %Y}"),
            Cell(0.25, t.description[:34]),
            right(col, money(t.amount_pence)),
        ]
        if t.amount_pence > 0:
            row.append(right(0.94, money(balance)))
        body.append(tuple(row))
    return _paginate(
        head, table, body, [(Cell(0.25, "Balance to statement 42"), right(0.94, money(balance)))]
    )


HELD2: dict[str, Layout] = {
    "typedetails": type_and_details,
    "app": app_export,
    "pounds": pound_headings,
}


DEV: dict[str, Layout] = {
    "paid": paid_columns,
    "signed": signed_amount,
    "drcr": dr_cr,
    "twoline": two_lines,
}
HELD: dict[str, Layout] = {
    "online": online_print,
    "onceaday": once_a_day,
    "minus": trailing_minus,
    "monthly": monthly_totals,
}


def build(
    layouts: dict[str, Layout], *, per_layout: int, seed: int, held_out: bool
) -> list[Statement]:
    """``per_layout`` statements a layout: the first of each one month, the next two
    months (the categoriser corpus's statements span about two months)."""
    rng = random.Random(seed)
    out = []
    for name, layout in layouts.items():
        for i in range(per_layout):
            corpus = build_statement(rng, True, f"{name}-{i}")
            start = corpus.transactions[0].date
            months = 1 if i % 2 == 0 else 2
            end = start + dt.timedelta(days=29 if months == 1 else 59)
            txns = [t for t in corpus.transactions if t.date <= end]
            pages = layout(rng, txns, (start, end))
            out.append(
                Statement(
                    name=f"{name}-{i}",
                    layout=name,
                    held_out=held_out,
                    months=months,
                    pages=tuple(pages),
                    transactions=tuple(txns),
                    period=(start, end),
                )
            )
    return out


# -- printing ------------------------------------------------------------------------------

SCANS = (
    Scan(dpi=200, face="sans", rotate=0.6, noise=0.0008),
    Scan(dpi=300, face="serif", rotate=-0.8, blur=0.5, paper=240),
    Scan(dpi=150, face="condensed"),
)


def photographed(image: Image.Image, seed: int) -> Image.Image:
    """A phone photo of the page: seen slightly from one side (a keystone), lit unevenly
    (darker towards one corner), a little out of focus, a desk round the page."""
    rng = random.Random(seed)
    w, h = image.size
    dx, dy = int(w * rng.uniform(0.02, 0.04)), int(h * rng.uniform(0.01, 0.02))
    quad = (-dx, -dy, dx // 2, h + dy, w - dx // 3, h + dy // 2, w + dx, -dy // 2)
    page = image.transform(
        (w, h), Image.Transform.QUAD, quad, resample=Image.Resampling.BICUBIC, fillcolor=120
    )
    glow = Image.radial_gradient("L").resize((2 * w, 2 * h))  # dark at the rim
    left, top = rng.randrange(w // 4, 3 * w // 4), rng.randrange(h // 4, 3 * h // 4)
    shade = glow.crop((left, top, left + w, top + h)).point(lambda v: 255 - v // 3)
    out = ImageChops.multiply(page, shade)
    return out.filter(ImageFilter.GaussianBlur(0.9)).convert("RGB")


def printed(statement: Statement, index: int) -> tuple[bytes, str]:
    """The statement scanned one of three ways, or (every fourth) photographed: one-page
    statements as PNG or JPEG, longer ones as a PDF of the pages."""
    if index % 4 == 3:
        scan = Scan(dpi=200, face="sans")
        images = [
            photographed(render_page(p, scan, seed=index + n), seed=index + n)
            for n, p in enumerate(statement.pages)
        ]
        if len(images) == 1:
            return encode_pages(images, "jpeg", None), "jpeg"
        return encode_pages(images, "pdf", 200), "pdf"
    scan = SCANS[index % len(SCANS)]
    images = [render_page(p, scan, seed=index * 7 + n) for n, p in enumerate(statement.pages)]
    if len(images) > 1:
        return encode_pages(images, "pdf", scan.dpi), "pdf"
    return encode_pages(images, "png" if index % 2 else "jpeg", scan.dpi if index % 2 else None), (
        "png" if index % 2 else "jpeg"
    )
