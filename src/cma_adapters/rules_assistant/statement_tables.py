"""A bank statement's transaction table read from a page's words (a scan, a phone photo,
a print from online banking, a PDF's text layer).

The table is found by its header row: a date column and at least one money column
(paid out / money out / debit / withdrawals, paid in / money in / credit / deposits, one
signed amount or value, a balance), however the bank words and aligns them; a page
without a header (page 2 of a statement, a header the OCR lost) keeps the previous page's
columns. Each row is read word by word, so a description that runs into an amount (one
OCR cell) still gives both:

* the date leads the row ("04 Dec", "04/12/2026", "Mon 04 Dec", "04-Dec", "4 Dec 2026");
  a date without a year takes the year that puts it on or before the statement's end (the
  latest full date printed on it, else the letter date), so a statement over New Year
  is read across it; a row without a date but with an amount is another payment on the
  day above (banks print the date once a day);
* each amount goes to the header column it lines up with (left edges, right edges or
  centres: banks right-align money under left- or right-aligned headings); the balance
  column is the running balance, not a payment;
* the direction is the column's (out or in), else the amount's own mark ("DR"/"CR", a
  minus before or after, brackets), else the running balance's change, else (a signed
  column whose payments out are marked) money in;
* a row with neither date nor amount, inside the description column, continues the
  description above (banks print the payee and the reference on two lines);
* balances brought or carried forward, opening and closing balances and totals are no
  payments.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import statistics
from collections.abc import Sequence

from attrs import frozen

from cma_adapters.rules_assistant.layout import Layout, union
from cma_adapters.rules_assistant.lookalike import ROW_DATE_LETTERS, as_figures
from cma_adapters.rules_assistant.values import DATE, ENGLISH_MONTHS, date_of
from cma_core.documents.model import Box, Word
from cma_core.documents.transactions import Transaction

_WEEKDAY = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?,?$", re.I)
# A row's date without a year (the statement's end gives it): "04 Dec", "4th-Dec", "Dec 4",
# "04/12". A date with its year is ``values.DATE``'s (round 57).
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s.\-/]*([A-Za-z]{3,9})\.?$")
_MONTH_DAY = re.compile(r"^([A-Za-z]{3,9})\.?\s*(\d{1,2})(?:st|nd|rd|th)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})$")
# A full date anywhere in a line: the statement's period or date ("1 November 2026 to
# 30 November 2026", "17/04/2026", "ended 9 April 2025").
_FULL_DATE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?[\s.\-/]+([A-Za-z]{3,9}|\d{1,2})\.?[\s.\-/,]+(\d{4})\b"
    r"|\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,\s*(\d{4})\b"
)

_AMOUNT = re.compile(
    r"^(?P<lead>[-−–(+]|\(?£|[-−+]£)?\s?£?(?P<n>\d{1,3}(?:[,.]\d{3})+|\d+)[.,:·](?P<p>\d\d)"
    r"(?P<trail>\)|-|−|–)?(?:\s?(?P<mark>DR|CR|Dr|Cr|D|C|OD))?$"
)
_MARK = re.compile(r"^(?:DR|CR|Dr|Cr|D|C|OD|-|−)$")

# Column headings (lower case, "£" and brackets dropped), longest first within a kind.
_HEADS = {
    "balance": ("running balance", "balance"),
    "out": (
        "paid out", "money out", "payments out", "debit amount", "debits", "debit",
        "withdrawals", "withdrawal", "withdrawn", "payments", "out", "spent",
    ),
    "in": (
        "paid in", "money in", "payments in", "credit amount", "credits", "credit",
        "deposits", "deposit", "deposited", "receipts", "in", "received",
    ),
    "amount": ("transaction amount", "amount", "value"),
    "date": ("transaction date", "posting date", "date", "posted", "day"),
    "type": ("payment type", "transaction type", "type"),
    "description": (
        "transaction details", "payment details", "description", "details", "narrative",
        "particulars", "transaction", "payee", "reference", "memo", "what for",
    ),
}  # fmt: skip
_NOT_A_PAYMENT = re.compile(
    r"\b(?:balance\s+(?:brought|carried|b/?f|c/?f|forward|at|from|on)|(?:brought|carried)\s+"
    r"forward|(?:opening|closing|start|end|starting|ending|previous|new)\s+balance|b/f|c/f)\b",
    re.I,
)
# An undated row of totals ("Totals for the month", "Total payments out"): a dated one may
# be a payment to a payee called so ("TOTAL GAS & POWER").
_TOTALS = re.compile(r"^\W*(?:sub-?)?totals?\b", re.I)


@frozen
class Column:
    kind: str
    left: int
    right: int

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2

    def distance(self, box: Box) -> float:
        return min(
            abs(box.left - self.left),
            abs(box.right - self.right),
            abs((box.left + box.right) / 2 - self.centre),
        )


@frozen
class _Row:
    """One table row as read: its date (``None``: none printed), description words, the
    payment's amount with its direction (``None``: not said), the balance if printed."""

    date: dt.date | None
    words: tuple[Word, ...]
    pence: int | None
    sign: int | None
    balance: int | None
    box: Box | None
    page: int
    payment: bool = True
    """False for a balance brought or carried forward (its balance still counts)."""
    column: int = -1
    """The money column of the amount, if that column does not say its direction."""


def parse_date(text: str, end: dt.date | None) -> dt.date | None:
    """A table's date: with its year, as a letter's dates are read (``values.DATE``, the
    whole of the text; round 57); without one, the year that puts it on or before ``end``
    (give or take a week: a payment posted after the period's last day)."""
    words = text.strip().split()
    if words and _WEEKDAY.match(words[0]):
        words = words[1:]
    text = _ocr_digits(" ".join(words))
    if whole := DATE.fullmatch(text):
        return date_of(whole)
    if end is None:
        return None
    if m := _NUMERIC.match(text):
        day, month = int(m[1]), int(m[2])
    elif m := _DAY_MONTH.match(text):
        day, month = int(m[1]), ENGLISH_MONTHS.get(m[2].lower(), 0)
    elif m := _MONTH_DAY.match(text):  # online banking's "Jun 21"
        day, month = int(m[2]), ENGLISH_MONTHS.get(m[1].lower(), 0)
    else:
        return None
    try:
        date = dt.date(end.year, month, day)
    except ValueError:
        return None
    if date > end + dt.timedelta(days=7):
        try:
            return date.replace(year=end.year - 1)
        except ValueError:
            return None  # (29 February, the year before a leap year's)
    return date


# A look-alike letter beside a figure (``ROW_DATE_LETTERS``: a nought or a one).
_ROW_DATE_LOOKALIKE = re.compile(
    rf"(?<=\d)[{re.escape(ROW_DATE_LETTERS)}]|[{re.escape(ROW_DATE_LETTERS)}](?=\d)"
)


def _ocr_digits(text: str) -> str:
    """Letters OCR reads for figures inside a date's numbers ("O4 Dec", "l5/03/2026")."""
    return _ROW_DATE_LOOKALIKE.sub(lambda m: as_figures(m.group(), ROW_DATE_LETTERS), text)


def amount(text: str) -> tuple[int, int | None] | None:
    """Pence and the direction the amount's own mark says (-1 out, 1 in, None unsaid)."""
    m = _AMOUNT.match(text.strip())
    if not m:
        return None
    pence = int(re.sub(r"\D", "", m["n"])) * 100 + int(m["p"])
    mark = (m["mark"] or "").upper()
    lead, trail = m["lead"] or "", m["trail"] or ""
    if mark in ("DR", "D", "OD") or trail in ("-", "−", "–") or lead[:1] in ("-", "−", "–", "("):
        return pence, -1
    if mark in ("CR", "C") or lead[:1] == "+":
        return pence, 1
    return pence, None


def statement_end(layouts: Sequence[Layout], letter: dt.date | None) -> dt.date | None:
    """The latest full date printed on the statement (its period's end, the date it was
    printed), else the letter date."""
    found = []
    for layout in layouts:
        for row in layout.rows:
            line = " ".join(c.text for c in row)
            for m in _FULL_DATE.finditer(line):
                if m[4]:
                    day = parse_date(f"{m[5]} {m[4]} {m[6]}", None)
                else:
                    day = parse_date(f"{m[1]} {m[2]} {m[3]}", None)
                    if day is None and m[2].isdigit():
                        day = parse_date(f"{m[1]}/{m[2]}/{m[3]}", None)
                if day is not None:
                    found.append(day)
    if found:
        return max(found)
    return letter


def header_columns(words: Sequence[Word]) -> list[Column] | None:
    """The columns a header row names, if it names a date and some money column."""
    tokens = [(re.sub(r"[£()]|\bgbp\b", "", w.text.lower()).strip(" :.|"), w) for w in words]
    tokens = [(t, w) for t, w in tokens if t]
    columns: list[Column] = []
    i = named = 0
    while i < len(tokens):
        for size in (3, 2, 1):
            part = tokens[i : i + size]
            if len(part) < size or any(  # (a heading's words are close: "Paid out")
                b.box.left - a.box.right > 1.5 * max(a.box.height, 1)
                for (_, a), (_, b) in itertools.pairwise(part)
            ):
                continue
            phrase = " ".join(t for t, _ in part)
            kind = next((k for k, names in _HEADS.items() if phrase in names), None)
            if kind is not None:
                box = union(w.box for _, w in tokens[i : i + size])
                columns.append(Column(kind, box.left, box.right))
                i += size
                named += size
                break
        else:
            i += 1
    kinds = {c.kind for c in columns}
    # Headings, not a sentence that has "details" and "in" in it: most words name columns.
    if (
        kinds & {"date", "description"}
        and kinds & {"out", "in", "amount"}
        and named >= 0.6 * len(tokens)
        and not _amounts(words)
    ):
        return columns
    return None


def _row_words(layout: Layout, r: int) -> list[Word]:
    return sorted((w for c in layout.rows[r] for w in c.words), key=lambda w: w.box.left)


def _leading_date(words: Sequence[Word], end: dt.date | None) -> tuple[dt.date | None, int]:
    """The date the row starts with and how many words it takes."""
    for size in (4, 3, 2, 1):
        if len(words) < size:
            continue
        text = " ".join(w.text for w in words[:size])
        day = parse_date(text, end)
        if day is not None:
            return day, size
    return None, 0


def _date_in_column(
    words: Sequence[Word], columns: Sequence[Column], end: dt.date | None
) -> tuple[dt.date | None, list[Word]]:
    """A date that starts under the date column's heading, not first in its row, and the
    row's other words."""
    heads = [c for c in columns if c.kind == "date"]
    for i, word in enumerate(words):
        if i == 0 or not heads:
            continue
        head = heads[0]
        if not head.left - 2 * word.box.height <= word.box.left <= head.right + word.box.height:
            continue
        day, used = _leading_date(words[i:], end)
        if day is not None:
            return day, [*words[:i], *words[i + used :]]
    return None, list(words)


def _amounts(words: Sequence[Word]) -> list[tuple[int, int | None, Box, int]]:
    """The amounts among ``words``: (pence, mark, box, index of the first word), an
    amount's "£", "DR"/"CR" or trailing minus joined to it when OCR split them."""
    out = []
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            part = words[i : i + size]
            if len(part) < size:
                continue
            if size > 1 and any(
                b.box.left - a.box.right > 1.5 * max(a.box.height, 1)
                for a, b in itertools.pairwise(part)
            ):
                continue
            if size > 1 and not (part[0].text in ("£", "-", "−") or _MARK.match(part[-1].text)):
                continue
            read = amount(" ".join(w.text for w in part).replace("£ ", "£").replace("- ", "-"))
            if read is not None:
                out.append((read[0], read[1], union(w.box for w in part), i))
                i += size
                break
        else:
            i += 1
    return out


def read_table(layouts: Sequence[Layout], end: dt.date | None) -> list[Transaction]:
    """The transactions of a statement's pages (see the module's docstring); without any
    header row (cropped off a photo, lost by OCR), with the columns its dated rows'
    amounts line up in (``guessed_columns``)."""
    found = _read_table(layouts, end, None)
    if found is not None:
        return found
    guessed = guessed_columns(layouts, end)
    return (_read_table(layouts, end, guessed) or []) if guessed else []


def guessed_columns(layouts: Sequence[Layout], end: dt.date | None) -> list[Column] | None:
    """A table's columns from its rows alone: the dates' column; when most dated rows
    end in two amounts, the last is the running balance; the others' right edges in one
    or two columns (of unknown direction: marks and the balance decide)."""
    dates: list[Box] = []
    balances: list[Box] = []
    others: list[Box] = []
    for layout in layouts:
        for r in range(len(layout.rows)):
            words = _row_words(layout, r)
            day, used = _leading_date(words, end)
            if day is None:
                continue
            found = [a for a in _amounts(words[used:]) if a[2].left > layout.width * 0.4]
            if not found:
                continue
            dates.append(union(w.box for w in words[:used]))
            if len(found) >= 2:
                balances.append(found[-1][2])
            others.append(found[0][2])
    if len(dates) < 3:
        return None
    columns = [_column("date", dates)]
    spread = max(layouts[0].width * 0.05, 20)
    if len(balances) * 2 >= len(dates):
        columns.append(_column("balance", balances))
        edge = columns[-1].right
        others = [b for b in others if abs(b.right - edge) > spread / 2]
    if not others:
        return None
    others.sort(key=lambda b: b.right)
    gaps = [(y.right - x.right, i) for i, (x, y) in enumerate(itertools.pairwise(others))]
    widest, at = max(gaps, default=(0, 0))
    groups = [others] if widest < spread else [others[: at + 1], others[at + 1 :]]
    columns += [_column("amount", group) for group in groups]
    return columns


def _column(kind: str, boxes: Sequence[Box]) -> Column:
    return Column(
        kind, min(b.left for b in boxes), round(statistics.median(b.right for b in boxes))
    )


def _read_table(
    layouts: Sequence[Layout], end: dt.date | None, given: list[Column] | None
) -> list[Transaction] | None:
    """``None`` if no header row was found (and no columns were ``given``)."""
    rows: list[_Row] = []
    columns: list[Column] | None = given
    seen_header = given is not None
    width = None
    for layout in layouts:
        if columns is not None and width and layout.width and layout.width != width:
            scale = layout.width / width
            columns = [
                Column(c.kind, round(c.left * scale), round(c.right * scale)) for c in columns
            ]
        width = layout.width
        last: int | None = None  # index in ``rows`` of this page's last transaction row
        for words in _page_rows(layout, end):
            if not words:
                continue
            found = header_columns(words)
            if found is not None:
                columns, last, seen_header = found, None, True
                continue
            if columns is None:
                continue
            row = _read_row(words, columns, end, layout.page)
            if row is None:
                last = None
                continue
            if row.pence is None and row.date is None and row.balance is None:
                if last is not None and _continues(words, columns):
                    previous = rows[last]
                    rows[last] = _Row(
                        previous.date, (*previous.words, *words), previous.pence,
                        previous.sign, previous.balance, previous.box, previous.page,
                    )  # fmt: skip
                else:
                    last = None
                continue
            rows.append(row)
            last = len(rows) - 1 if row.payment else None
    return _transactions(rows) if seen_header else None


def _page_rows(layout: Layout, end: dt.date | None) -> list[list[Word]]:
    """The page's rows of words, a row holding only a date joined to the undated row just
    above or below it (a photographed page's keystone lowers the date column by part of
    a line, and the date falls into a row of its own)."""
    rows = [_row_words(layout, r) for r in range(len(layout.rows))]
    tops = layout.row_tops
    for r, words in enumerate(rows):
        day, used = _leading_date(words, end)
        if day is None or used != len(words):
            continue
        near = [
            n
            for n in (r - 1, r + 1)
            if 0 <= n < len(rows)
            and rows[n]
            and _leading_date(rows[n], end)[0] is None
            and _amounts(rows[n])
            and len(tops) == len(rows)
            and abs(tops[n] - tops[r]) < 1.2 * layout.line_height
        ]
        if near:
            n = min(near, key=lambda n: abs(tops[n] - tops[r]))
            rows[n] = sorted([*words, *rows[n]], key=lambda w: w.box.left)
            rows[r] = []
    return rows


def _read_row(
    words: Sequence[Word], columns: Sequence[Column], end: dt.date | None, page: int
) -> _Row | None:
    """A row of the table, or ``None`` for a row that is no payment (a total, a balance
    carried forward, a heading)."""
    day, used = _leading_date(words, end)
    rest = list(words[used:])
    if day is None:  # the date in its column further along ("-£140.82  Mon 25 Aug 2025")
        day, rest = _date_in_column(words, columns, end)
    money_columns = [c for c in columns if c.kind in ("out", "in", "amount", "balance")]
    first_money = min(c.left for c in money_columns)
    dates = [c.right for c in columns if c.kind == "date"]
    description_left = min(
        (c.left for c in columns if c.kind == "description"), default=min(dates, default=0)
    )
    money_last = description_left < first_money  # (most banks: the money on the right)
    found = [
        a
        for a in _amounts(rest)
        if not money_last or a[2].right > description_left + (first_money - description_left) / 2
    ]
    text = " ".join(w.text for w in rest)
    if day is None and _TOTALS.search(text):
        return None
    if _NOT_A_PAYMENT.search(text):
        if (
            found
            and day is None
            and not any(
                min(money_columns, key=lambda c: c.distance(a[2])).kind == "balance" for a in found
            )
        ):
            return None  # a total: not a payment
        return _Row(day, (), None, None, _balance(found, money_columns), None, page, False)
    used_words = {j for a in found for j in range(a[3], a[3] + 1)}
    kept = [
        w
        for j, w in enumerate(rest)
        if j not in used_words
        and not any(a[2].left <= w.box.left < a[2].right for a in found)
        # (a figure misread in a money column is no word)
        and (w.box.left < first_money if money_last else w.box.left >= description_left - 4)
    ]
    # A payment-type column's code ("DD", "SO", "DEB") leads the description, as banks
    # write it when they have no such column.
    types = [c for c in columns if c.kind == "type"]
    # (a code is short and starts under its heading: a long description's last word that
    # reaches towards the column is no code)
    coded = [
        w
        for w in kept
        if len(w.text) <= 4
        and any(t.left - w.box.height <= w.box.left <= t.right for t in types)
        and min(columns, key=lambda c: c.distance(w.box)).kind == "type"
    ]
    description = tuple(coded + [w for w in kept if w not in coded])
    payment = None
    for pence, mark, box, _ in found:
        column = min(money_columns, key=lambda c: c.distance(box))
        if column.kind == "balance":
            continue
        sign = {"out": -1, "in": 1}.get(column.kind, mark)
        if sign is not None and column.kind in ("out", "in") and _other_way(columns, column, box):
            sign = -sign
        payment = (pence, sign, box, columns.index(column))
        break
    if payment is None:
        # No amount: a description's second line, or a payment whose amount OCR lost (its
        # running balance may still say it).
        balance = _balance(found, money_columns)
        return _Row(day, description, None, None, balance, None, page, bool(description))
    return _Row(
        day, description, payment[0], payment[1], _balance(found, money_columns), payment[2],
        page, column=payment[3],
    )  # fmt: skip


def _other_way(columns: Sequence[Column], column: Column, box: Box) -> bool:
    """Whether an amount is the other way from the one direction the header names: the
    header read names money in but not out (or out but not in: a photo lost a heading)
    and the amount is not under it."""
    kinds = {c.kind for c in columns}
    if {"out", "in"} <= kinds or "amount" in kinds:
        return False
    margin = box.height
    return box.right < column.left - margin or box.left > column.right + margin


def _balance(
    found: Sequence[tuple[int, int | None, Box, int]], columns: Sequence[Column]
) -> int | None:
    for pence, mark, box, _ in found:
        if min(columns, key=lambda c: c.distance(box)).kind == "balance":
            return -pence if mark == -1 else pence
    return None


def _continues(words: Sequence[Word], columns: Sequence[Column]) -> bool:
    """Whether a row of words only, no date or amount, lies in the description column."""
    money = [c.left for c in columns if c.kind in ("out", "in", "amount", "balance")]
    dates = [c for c in columns if c.kind == "date"]
    start = min((c.right for c in dates), default=0)
    return words[0].box.left > start and words[-1].box.right < min(money) + 4 and len(words) <= 8


def _transactions(rows: Sequence[_Row]) -> list[Transaction]:
    """Rows to transactions: dates carried down to the day's later rows, directions from
    the running balance where the row does not say."""
    dated = [r.date for r in rows if r.date is not None]
    newest_first = len(dated) >= 2 and dated[0] > dated[-1]
    signs: list[int | None] = [r.sign for r in rows]
    amounts: list[int | None] = [r.pence for r in rows]
    for i, row in enumerate(rows):
        if row.balance is None or not row.payment or row.sign is not None:
            continue  # (the column or the amount's mark says: an overdrawn balance may not)
        j = i + 1 if newest_first else i - 1
        if not 0 <= j < len(rows) or rows[j].balance is None:
            continue
        change = row.balance - (rows[j].balance or 0)
        if row.pence is None and change and row.words:
            amounts[i] = abs(change)  # the amount OCR lost, from the balance's change
        if abs(change) == amounts[i]:
            signs[i] = 1 if change > 0 else -1
    # Two columns of unnamed direction (no header read): each column's direction is the
    # one the balance gives most of its payments (an overdrawn balance printed without
    # its minus reverses a few).
    votes: dict[int, list[int]] = {}
    for row, sign in zip(rows, signs, strict=True):
        if row.sign is None and row.column >= 0 and sign is not None:
            votes.setdefault(row.column, []).append(sign)
    majority = {}
    for column, got in votes.items():
        top = max((1, -1), key=got.count)
        if len(got) >= 3 and got.count(top) >= 0.8 * len(got):
            majority[column] = top
    columns = {row.column for row in rows if row.sign is None and row.column >= 0}
    if len(columns) == 2 and len(majority) == 1:  # two columns: the other is the other way
        [(known, way)] = majority.items()
        majority[(columns - {known}).pop()] = -way
    if len(set(majority.values())) == 2:
        signs = [
            majority.get(row.column, sign) if row.sign is None else sign
            for row, sign in zip(rows, signs, strict=True)
        ]
    marked_out = any(r.sign == -1 for r in rows if r.pence is not None)
    out = []
    day: dt.date | None = None
    for row, sign, pence in zip(rows, signs, amounts, strict=True):
        day = row.date or day
        if pence is None or day is None or pence == 0 or not row.payment:
            continue
        if sign is None:
            sign = 1 if marked_out else -1
        out.append(
            Transaction(
                date=day,
                description=" ".join(w.text for w in row.words),
                amount_pence=sign * pence,
                page=row.page,
                box=row.box,
            )
        )
    return out
