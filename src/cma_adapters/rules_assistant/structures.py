"""Values found by the page's structure rather than a label: table rows marked as
totals, running balances and the column a figure sums, a timeline's dated steps, quoted
e-mails, headings that name whose details follow, paired references, unlabelled dates,
the letterhead and the registered name. Moved out of ``fields.py``."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator, Sequence

import attrs

from cma_adapters.rules_assistant.fields_kinds import (
    beside_deadline,
    carried_over,
    in_the_court,
    is_figure,
    registered_name,
    sort_code_beside,
    without_rule,
)
from cma_adapters.rules_assistant.layout import (
    Cell,
    Layout,
    cell_below,
    norm_words,
)
from cma_adapters.rules_assistant.values import (
    AGENT_WORDS,
    COURT,
    DATE,
    MONEY,
    NAME_PARTICLES,
    ORGANISATION,
    Candidate,
    date_of,
    glossed_names,
    parse_date,
    parse_money,
    parse_name,
    parse_named_payer,
    parse_reference,
    without_channel,
)

# A court heading puts the party's role after its name: "Hexham Finance plc    Claimant".
_ROLE_AFTER = re.compile(
    r"^(?:claimant|creditor|judgment creditor|petitioning creditor|landlord|lender|pursuer"
    r"|plaintiff)s?$",  # (a Northern Irish court's "Plaintiff", round 38)
    re.I,
)


def role_after_name(layouts: Sequence[Layout]) -> list[Candidate]:
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            if len(row) < 2 or not _ROLE_AFTER.match(row[-1].text.strip(" .:")):
                continue
            name = parse_name(row[0].text)
            if name is not None:
                out.append(
                    Candidate(
                        field="creditor_name", value=name, shown=row[0].text, page=layout.page,
                        box=row[0].box, label=row[-1].text, role="creditor", score=3.5,
                        order=(layout.page, r),
                    )
                )  # fmt: skip
    return out


def row_of(layouts: Sequence[Layout], c: Candidate) -> tuple[int, int] | None:
    """``(page, row)`` of the row a candidate's value is printed on."""
    if c.box is None:
        return None
    for layout in layouts:
        if layout.page != c.page:
            continue
        for r, row in enumerate(layout.rows):
            if any(cell.box.top <= c.box.top + 1 and c.box.top < cell.box.bottom for cell in row):
                return (layout.page, r)
    return None


def starred_rows(layouts: Sequence[Layout]) -> dict[tuple[int, int], float]:
    """A table of several accounts, orders or steps in which a mark ("*") picks the row
    the letter is about (a footnote says which): values in the marked row +2.0, in the
    other rows of the same table -1.5."""
    out: dict[tuple[int, int], float] = {}
    for layout in layouts:
        marked = [
            r for r in layout.marked
            if len(layout.rows[r]) > 1 and re.search(r"\d", layout.rows[r][0].text)
        ]  # fmt: skip
        if not marked or len(marked) > 2:
            continue
        for r in marked:
            width = len(layout.rows[r])
            out[(layout.page, r)] = 2.0
            for step in (-1, 1):
                other = r + step
                while 0 <= other < len(layout.rows):
                    row = layout.rows[other]
                    if (
                        abs(len(row) - width) > 1
                        or len(row) < 2
                        or not re.search(r"\d", row[0].text + row[-1].text)
                    ):
                        break
                    out.setdefault((layout.page, other), -1.5)
                    other += step
    return out


def starred_values(
    layouts: Sequence[Layout], starred: dict[tuple[int, int], float]
) -> list[Candidate]:
    """The marked row's reference and amount, whatever its columns are headed."""
    out = []
    for layout in layouts:
        for r in layout.marked:
            if starred.get((layout.page, r), 0.0) <= 0:
                continue
            row = layout.rows[r]
            for field, parse in (
                ("account_reference", parse_reference),
                ("balance_pence", parse_money),
            ):
                for cell in row:
                    if field == "balance_pence" and not MONEY.search(cell.text):
                        continue
                    if field == "account_reference" and (
                        DATE.search(cell.text) or MONEY.search(cell.text)
                    ):
                        continue
                    value = parse(cell.text)
                    if value is None:
                        continue
                    out.append(
                        Candidate(
                            field=field, value=value, shown=cell.text, page=layout.page,
                            box=cell.box, label=None, role="the marked row", score=1.0,
                            order=(layout.page, r),
                        )
                    )  # fmt: skip
                    break
    return out


_RUNNING_TOTAL = re.compile(
    r"^(?:year to date|ytd|to date|totals? to date|tax year to date)\b", re.I
)


def running_total_rows(layouts: Sequence[Layout]) -> dict[tuple[int, int], set[str]]:
    """Rows a table labels as running totals ("Year to date"): no single period's pay.
    (With the texts of the row's cells.)"""
    return {
        (layout.page, r): {c.text for c in row}
        for layout in layouts
        for r, row in enumerate(layout.rows)
        if row and _RUNNING_TOTAL.match(row[0].text.strip())
    }


# A step of a timeline: its date, then what happens ("25 May 26   Last day to pay").
_STEP_IS_DEADLINE = re.compile(
    r"\b(?:last (?:day|date)|deadline|(?:pay(?:ment)?|sum|balance|amount)s?(?: \w+)? (?:due|by)"
    r"|due(?: in full)?|respond|reply|pay (?:or|in full|by))\b",
    re.I,
)


_STEP_IS_LATER = re.compile(
    r"\b(?:may|will|could|might) (?:ask|apply|start|take|issue|pass|send|instruct|begin)\b", re.I
)


# A step that is the letter itself, being written or sent: "This letter", "We wrote this
# letter", "This notice was sent", "Date of this reminder" (round 21)
_THIS_PAPER = r"(?:this|the present) (?:letter|notice|reminder|bill|statement|demand|invoice)"
_STEP_IS_LETTER = re.compile(
    r"(?:(?:we|i) (?:wrote|sent|posted|issued|printed)(?: (?:to )?you)? "
    + _THIS_PAPER
    + r"|"
    + _THIS_PAPER
    + r"(?: (?:was|is|has been))?(?: (?:written|sent|dated|issued|posted"
    r"|printed)(?: to you)?)?|date of " + _THIS_PAPER + r")\.?",
    re.I,
)


_WEEKDAY = re.compile(r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.I)


def _step_date(text: str) -> re.Match[str] | None:
    """The date a timeline's step cell holds alone (past a bullet, and a weekday before
    it: "Sat, 17 Oct 2026", round 16)."""
    text = text.strip(" •·-")
    return DATE.fullmatch(text[m.end() :] if (m := _WEEKDAY.match(text)) else text)


def dated_steps(layouts: Sequence[Layout]) -> list[Candidate]:
    """A date alone in its cell, with what happens on it in the cell to its right: a
    deadline's, or the letter's own ("We wrote this letter", round 21)."""
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            for i, cell in enumerate(row[:-1]):
                m = _step_date(cell.text)
                if m is None:
                    continue
                said = row[i + 1].text
                if DATE.search(said) or MONEY.search(said):
                    continue
                date = date_of(m)
                if date is not None and _STEP_IS_LETTER.fullmatch(said.strip()):
                    # (the step that is the letter itself: its date, round 21)
                    out.append(
                        Candidate(
                            field="letter_date", value=date, shown=m.group(), page=layout.page,
                            box=cell.box, label=said, role="a step of a timeline", score=3.0,
                            order=(layout.page, r),
                        )
                    )  # fmt: skip
                    continue
                if not _STEP_IS_DEADLINE.search(said) or _STEP_IS_LATER.search(said):
                    continue
                if date is None:
                    continue
                out.append(
                    Candidate(
                        field="deadline_date", value=date, shown=m.group(), page=layout.page,
                        box=cell.box, label=said, role="a step of a timeline", score=3.0,
                        order=(layout.page, r),
                    )
                )  # fmt: skip
    return out


def later_steps(layouts: Sequence[Layout]) -> set[dt.date]:
    """The dates of a timeline's steps that are no deadline (round 16): a date alone in
    its cell with what happens on it to its right, where that says neither what to pay
    or answer by (``dated_steps``' deadlines) nor a sum or another date — "This letter",
    "We will write to you again if we have not heard from you", "We may serve a notice".
    What the writer may do next is no date the client must keep."""
    out: set[dt.date] = set()
    for layout in layouts:
        for row in layout.rows:
            for i, cell in enumerate(row[:-1]):
                m = _step_date(cell.text)
                said = row[i + 1].text
                if m is None or DATE.search(said) or MONEY.search(said):
                    continue
                if _STEP_IS_DEADLINE.search(said) and not _STEP_IS_LATER.search(said):
                    continue
                date = date_of(m)
                if date is not None:
                    out.add(date)
    return out


# A running balance's column: "Balance", "Running balance", "Balance (£)", "Balance £".
_BALANCE_HEAD = re.compile(r"(?:running\s+)?balance(?:\s*\(?£\)?)?", re.I)


def running_balance(layouts: Sequence[Layout]) -> list[Candidate]:
    """A statement of account: a table whose header row names a "Balance" column beside
    other columns (date, details, debit, credit), its rows a running balance. What is owed
    is the column's last figure, whatever the rows above (brought forward, payments) say."""
    out = []
    rows: list[str] = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            if len(row) < 3:
                continue
            heads = [c for c in row if _BALANCE_HEAD.fullmatch(without_rule(c.text))]
            if len(heads) != 1 or any(MONEY.search(c.text) for c in row):
                continue
            head = heads[0]
            tol = 2 * layout.line_height
            last: tuple[int, Cell] | None = None
            for below in range(r + 1, len(layout.rows)):
                hit = next(
                    (
                        c for c in layout.rows[below]
                        if c.left < head.right + tol and c.right > head.left - tol
                        and MONEY.search(c.text) and is_figure(c.text)
                    ),
                    None,
                )  # fmt: skip
                if hit is None:
                    if last is not None and below - last[0] > 1:
                        break
                    continue
                last = (below, hit)
            if last is None or last[0] == r + 1:
                continue  # one row is no running balance
            value = parse_money(last[1].text)
            if value is None:
                continue
            out.append(
                Candidate(
                    field="balance_pence", value=value, shown=last[1].text.strip(),
                    page=layout.page, box=last[1].box, label=head.text,
                    role="last figure of a running balance", score=3.5,
                    order=(layout.page, last[0]),
                )
            )  # fmt: skip
            rows.append(" ".join(c.text for c in layout.rows[last[0]]))
    # A table carried over to the next sheet: its last figure on the earlier page is an
    # interim balance ("Carried to next sheet 862.62"), the later page's is owed (round 13).
    return [
        attrs.evolve(c, score=1.0, role="balance carried to the next page")
        if carried_over(row, any(o.page > c.page for o in out))
        else c
        for c, row in zip(out, rows, strict=True)
    ]


# The start of a message quoted below an e-mail ("-----Original Message-----", "On 3 May
# 2026, X wrote:", a line opened by ">"): what it says was said before, by someone else.
_QUOTE_START = re.compile(
    r"^(?:-{2,}\s*(?:original message|forwarded message)|>|on .{4,80} wrote:?\s*$)", re.I
)


def quote_rows(layouts: Sequence[Layout]) -> dict[int, float]:
    """Per page, the top of the first line that opens a quoted message."""
    out: dict[int, float] = {}
    for layout in layouts:
        for row in layout.rows:
            # (the whole row: "On …, X" and "<x@y> wrote:" may be two cells, round 12)
            if row and _QUOTE_START.match(" ".join(c.text for c in row).strip()):
                # (the row's words may sit a little above its top: a taller cell beside)
                out[layout.page] = min(c.box.top for c in row)
                break
    return out


def in_quote(quoted: dict[int, float], c: Candidate) -> bool:
    top = quoted.get(c.page)
    return top is not None and c.box is not None and c.box.top >= top - 1


def sums_the_column(layouts: Sequence[Layout], c: Candidate) -> bool:
    """The amount is the sum of two or more amounts printed just above it in its column
    (the bottom line of a table of charges): a total, whatever its label calls it."""
    if c.box is None or not isinstance(c.value, int):
        return False
    layout = next((lay for lay in layouts if lay.page == c.page), None)
    if layout is None:
        return False
    tol = 2 * layout.line_height
    column: dict[int, int] = {}
    for r, row in enumerate(layout.rows):
        for cell in row:
            if (
                cell.box.top < c.box.top - layout.line_height / 2
                and abs(cell.right - c.box.right) <= tol
            ):
                pence = parse_money(cell.text) if MONEY.search(cell.text) else None
                if pence is not None:
                    column[r] = pence
    run: list[int] = []
    rows = sorted(column, reverse=True)
    for i, r in enumerate(rows):
        if i and rows[i - 1] - r > 2:
            break  # (the column above is a run of rows, not the whole page)
        run.append(column[r])
        if len(run) >= 2 and sum(run) == c.value:
            return True
    return False


def _amount_cells(layout: Layout) -> list[tuple[int, Cell, int]]:
    """The page's cells that are an amount and nothing else: (row, cell, pence)."""
    out = []
    for r, row in enumerate(layout.rows):
        for cell in row:
            m = MONEY.search(cell.text)
            # (a payment taken off in the same column: "-17.76")
            if m is None or m.group().strip() != cell.text.strip().rstrip(".").lstrip("-−"):
                continue
            pence = parse_money(cell.text)
            if pence is not None:
                out.append((r, cell, pence))
    return out


def _column_sums(layout: Layout) -> list[tuple[int, frozenset[int], frozenset[int]]]:
    """What runs of amounts down a column add up to: (the sum, the ids of the cells
    summed, the ids of every cell of their column's run), for every run of two or more
    amounts one under another (rows at most two apart), right-aligned with each other, no
    nil amount among them."""
    cells = _amount_cells(layout)
    tol = 2 * layout.line_height
    sums: dict[frozenset[int], tuple[int, frozenset[int]]] = {}
    for _, anchor, _ in cells:
        column = sorted(
            (r, id(cell), pence)
            for r, cell, pence in cells
            if abs(cell.box.left + cell.box.width - anchor.box.left - anchor.box.width) <= tol
        )
        runs: list[list[tuple[int, int, int]]] = []
        for item in column:
            if runs and item[0] - runs[-1][-1][0] <= 2:
                runs[-1].append(item)
            else:
                runs.append([item])
        for run in runs:
            whole = frozenset(k for _, k, _ in run)
            for i in range(len(run)):
                for j in range(i + 2, min(len(run), i + 12) + 1):
                    part = run[i:j]
                    if any(p == 0 for _, _, p in part):
                        continue
                    sums[frozenset(k for _, k, _ in part)] = (sum(p for _, _, p in part), whole)
    return [(total, ids, whole) for ids, (total, whole) in sums.items()]


def _cell_of(layout: Layout, c: Candidate) -> Cell | None:
    if c.box is None:
        return None
    x = c.box.left + c.box.width / 2
    y = c.box.top + c.box.height / 2
    for cell in layout.cells():
        b = cell.box
        if b.left <= x <= b.left + b.width and b.top <= y <= b.top + b.height:
            return cell
    return None


# What is left of a debt after what was paid: "Left to pay", "Still to pay", "Remaining
# balance", "Balance to go" (round 27)
_REMAINS = re.compile(r"\b(?:left|remaining|remains|still|yet|to go)\b", re.I)


def remainders(found: Sequence[Candidate], layouts: Sequence[Layout]) -> dict[object, float]:
    """A whole and what is left of it: where an amount labelled as what remains ("Left to
    pay £1,577.71") and another amount printed on its page ("941.08", what was paid) add
    up to a third amount read as the sum owed ("Total to repay 2,518.79"), the third is
    what was owed before the payments (-2) and the remainder what is owed now (+1): the
    figures say which is the debt, whatever the labels call the whole (round 27). An
    amount the page does not split so is left alone. Returns the change per value."""
    remaining = [
        c
        for c in found
        if isinstance(c.value, int) and c.value > 0 and c.label and _REMAINS.search(c.label)
    ]
    if not remaining:
        return {}
    printed: dict[int, set[int]] = {}
    for layout in layouts:
        for cell in layout.cells():
            for m in MONEY.finditer(cell.text):
                value = parse_money(m.group())
                if isinstance(value, int) and value > 0:
                    printed.setdefault(layout.page, set()).add(value)
    change: dict[object, float] = {}
    for left in remaining:
        assert isinstance(left.value, int)
        amounts = printed.get(left.page, set())
        for whole in found:
            if (
                isinstance(whole.value, int)
                and whole.page == left.page
                and whole.value > left.value
                and whole.value - left.value in amounts
                and not (whole.label and _REMAINS.search(whole.label))
            ):
                change[whole.value] = -2.0
                change[left.value] = max(change.get(left.value, 0.0), 1.0)
    return change


def printed_sum(layouts: Sequence[Layout], c: Candidate) -> float:
    """An amount that a run of amounts down a column of the same page adds up to, printed
    apart from every column of amounts (a statement's header band or a letter's box giving
    the sum owed over a table of its entries), is a total: +1; an amount inside such a
    run, when what the run adds up to is printed so, is one of its parts, not the sum
    owed: -1.5 (round 26: whatever the labels call them, the figures say which is the
    whole). A column whose first line is the sum of those under it (an amount, what was
    paid off it, what is left) is left alone: its sum is in the column."""
    if not isinstance(c.value, int) or c.value <= 0:
        return 0.0
    layout = next((lay for lay in layouts if lay.page == c.page), None)
    if layout is None:
        return 0.0
    own = _cell_of(layout, c)
    if own is None:
        return 0.0
    sums = _column_sums(layout)
    if not sums:
        return 0.0
    # (the whole stands apart from every column of amounts: a figure of another table's
    # column, "63.00" due beside "31.50" paid twice, adds up by chance)
    tabled = set().union(*(whole for _, _, whole in sums))
    if id(own) not in tabled and any(total == c.value for total, _, _ in sums):
        return 1.0
    printed = [
        (id(cell), pence)
        for cell in layout.cells()
        for m in MONEY.finditer(cell.text)
        if (pence := parse_money(m.group())) is not None
    ]
    for total, ids, _ in sums:
        if id(own) in ids and any(p == total and k not in tabled for k, p in printed):
            return -1.5
    return 0.0


# A heading that names whose details follow ("This demand is served on you by the
# creditor:", "Claimant's details") puts a bare "Name" label below it in that role.
_ROLE_HEADING = re.compile(
    r"\b(?:creditor|claimant|lender|landlord|owed to|payable to|new owner|assignee)\b(?:'s)?"
    r"(?: details)?\s*:?\s*$",
    re.I,
)


def section_names(layouts: Sequence[Layout]) -> list[Candidate]:
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            heading = " ".join(c.text for c in row)
            if len(row) != 1 or not _ROLE_HEADING.search(heading):
                continue
            for nr in range(r + 1, min(r + 4, len(layout.rows))):
                cells = layout.rows[nr]
                words = norm_words(cells[0].text) if cells else []
                if not words or words[0] not in ("name", "names") or len(cells) < 2:
                    continue
                name = parse_name(cells[1].text) if len(words) <= 3 else None
                if name is not None:
                    out.append(
                        Candidate(
                            field="creditor_name", value=name, shown=cells[1].text,
                            page=layout.page, box=cells[1].box, label=f"{heading} {cells[0].text}",
                            role="creditor", score=3.5, order=(layout.page, nr),
                        )
                    )  # fmt: skip
                break
    return out


def unlabelled_dates(layouts: Sequence[Layout]) -> list[Candidate]:
    """A date alone in its cell near the top of page 1 (letters' own date), and, weaker,
    dates in the body (kept as alternatives). A cover sheet (a fax's, a court's) comes
    before the letter and holds no date: then the letter starts on the first page that
    does."""
    out = []
    first = next(
        (
            lay for lay in layouts
            if any(parse_date(c.text) for c in lay.cells())
        ),
        layouts[0] if layouts else None,
    )  # fmt: skip
    for layout in [first] if first is not None else []:
        for r, row in enumerate(layout.rows):
            for cell in row:
                date = parse_date(cell.text)
                if date is None:
                    continue
                if beside_deadline(layout, r, cell):
                    continue  # the value of a deadline's label, not the letter's (round 14)
                if sort_code_beside(layout, r, cell):
                    continue  # a sort code beside its label, not a date (round 15)
                words = len(cell.words)
                top = layout.row_tops[r] < 0.35 * layout.height
                alone = words <= 4
                score = 2.5 if (alone and top) else 0.3
                out.append(
                    Candidate(
                        field="letter_date",
                        value=date,
                        shown=cell.text if alone else date.isoformat(),
                        page=layout.page,
                        box=cell.box,
                        label=None,
                        role=None if alone and top else "date in the body",
                        score=score,
                        order=(layout.page, r),
                    )
                )
    return out


_PAIR_LABEL = re.compile(
    r"^(?P<a>(?:our|your|my|their|client'?s?|customer) ref(?:erence)?\.?)\s*(?:/\s*)?"
    r"(?P<b>(?:our|your|my|their|client'?s?|customer) ref(?:erence)?\.?)\s*:?$",
    re.I,
)


def paired_references(layouts: Sequence[Layout]) -> list[Candidate]:
    """Two references under one label, in the label's order: "Our ref / Your ref" over
    "AB/123 / C456/7" (or to its right). "Your ref" is the reference the reader's side
    gave — the client's account with the creditor the writer collects for."""
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            for c, cell in enumerate(row):
                m = _PAIR_LABEL.match(cell.text.strip())
                if m is None:
                    continue
                value_cell = row[c + 1] if c + 1 < len(row) else cell_below(layout, r, cell)
                if value_cell is None:
                    continue
                # (a "/" alone between them is a speck to the layout, and may be gone)
                parts = re.sub(r"\s+/\s+", " ", value_cell.text.strip()).split()
                if len(parts) != 2:
                    continue
                for label, part in zip((m.group("a"), m.group("b")), parts, strict=True):
                    value = parse_reference(part)
                    if value is None:
                        continue
                    ours = label.lower().startswith(("our", "my"))
                    out.append(
                        Candidate(
                            field="account_reference", value=value, shown=part,
                            page=layout.page, box=value_cell.box, label=label, role=None,
                            score=1.0 if ours else 3.0, order=(layout.page, r),
                        )
                    )  # fmt: skip
    return out


# A self-mailer's panel printed over the letter (round 17): the tear-off strip, the
# post's return address, the fold line. Under it the letter proper starts lower down.
_MAILER = re.compile(
    r"\b(?:if undelivered|undeliverable|to be opened by the addressee|pull (?:here )?to open"
    r"|tear (?:here|off|along)|open here)\b|^fold(?: here)?$",
    re.I,
)
_SALUTATION = re.compile(r"^dear\b", re.I)


def head_rows(layout: Layout) -> int:
    """How many rows of the page are its head (where the writer names itself): the top
    quarter; on a self-mailer (a mailer's panel in the top quarter) down to the
    salutation ("Dear …"), within the top two fifths."""
    top = next(
        (r for r, t in enumerate(layout.row_tops) if t > 0.25 * layout.height), len(layout.rows)
    )
    if not any(_MAILER.search(c.text) for row in layout.rows[:top] for c in row):
        return top
    for r in range(top, len(layout.rows)):
        if layout.row_tops[r] > 0.4 * layout.height:
            return r
        if any(_SALUTATION.match(c.text) for c in layout.rows[r]):
            return r
    return len(layout.rows)


def printed_lines(layout: Layout, rows: int) -> list[tuple[int, int, int, Cell]]:
    """The first ``rows`` rows as the lines they were printed on: ``(line, row, index in
    its row, cell)``, each line's cells from left to right. A row whose cells stand clear
    of every cell of the line above, beside them and not under them, and whose height
    overlaps that line's, is the same printed line split in two: a page curling off the
    glass lifts one end of the line ("X District Council ... Revenues, High Street": the
    right-hand end read a row above the name at the left), round 31."""
    lines: list[list[tuple[int, int, Cell]]] = []
    for r, row in enumerate(layout.rows[:rows]):
        cells = [(r, i, cell) for i, cell in enumerate(row)]
        last = lines[-1] if lines else None
        if last and cells:
            clear = all(
                c.box.right < o.box.left or o.box.right < c.box.left
                for _, _, c in cells
                for _, _, o in last
            )
            top = max(min(c.box.top for _, _, c in cells), min(o.box.top for _, _, o in last))
            bottom = min(
                max(c.box.bottom for _, _, c in cells), max(o.box.bottom for _, _, o in last)
            )
            if clear and top < bottom:
                last.extend(cells)
                continue
        lines.append(cells)
    return [
        (n, r, i, cell)
        for n, line in enumerate(lines)
        for r, i, cell in sorted(line, key=lambda x: x[2].box.left)
    ]


# The front of the envelope a letter came in, copied before it (round 35): where to return
# it undelivered, the postage paid, the envelope named.
_ENVELOPE = re.compile(
    r"\b(?:if undelivered|return to sender|postage paid|(?:first|second) class post|envelope)\b",
    re.I,
)


def first_letter_page(layouts: Sequence[Layout]) -> Sequence[Layout]:
    """The page the letter's letterhead is on: page 1, or, where page 1 is a copy of the
    envelope the letter came in (``_ENVELOPE``, two of its words or more, on a short page),
    page 1 and the letter's own first page after it (round 35)."""
    if len(layouts) < 2 or len(layouts[0].rows) > 20:
        return layouts[:1]
    said = " ".join(c.text for row in layouts[0].rows for c in row)
    if len({m.group().lower() for m in _ENVELOPE.finditer(said)}) >= 2:
        return layouts[:2]
    return layouts[:1]


def _glossed(said: str, glossed: set[str]) -> bool:
    """Whether ``said`` is a name the letter glosses as a body, as printed or as OCR
    misread a letter or two of it in one of the two places ("Eilean" / "Ellean": the same
    words, nine in ten of their letters alike; round 38)."""
    return any(
        said == name
        or (
            len(said.split()) == len(name.split())
            and difflib.SequenceMatcher(None, said.casefold(), name.casefold()).ratio() >= 0.9
        )
        for name in glossed
    )


def _wrapped_name(
    layout: Layout, r: int, cell: Cell, said: str, name: str | None, letter: Sequence[Cell]
) -> str | None:
    """A letterhead's name wrapped onto the line under it in a narrow column ("X Chandlery
    and / Net Supplies Ltd", "X Homes Housing / Association"): the cell right under
    ``cell`` (the same left edge, the next row) joined to it, where the whole is a name
    longer than the first line's and the first line ends in a word that joins ("and", "&",
    "of") or the whole name is printed again elsewhere in the letter (its foot, its
    signature), round 39."""
    if r + 1 >= len(layout.rows):
        return None
    height = max(cell.box.height, 1)
    below = next(
        (
            c
            for c in layout.rows[r + 1]
            if abs(c.box.left - cell.box.left) <= height
            and 0 <= c.box.top - cell.box.bottom <= height
        ),
        None,
    )
    if below is None or re.search(r"[\d,:@]", below.text) or len(below.text.split()) > 4:
        return None
    whole = parse_name(f"{said.strip()} {below.text.strip()}")
    if whole is None or len(whole) <= len(name or "") or not whole.endswith(below.text.strip()):
        return None
    joins = re.search(r"(?:\band|&|\bof|\bfor)$", said.strip(), re.I)
    elsewhere = " ".join(
        " ".join(c.text for c in letter if c is not cell and c is not below).split()
    )
    return whole if joins or whole.casefold() in elsewhere.casefold() else None


def letterhead(layouts: Sequence[Layout], field: str = "creditor_name") -> list[Candidate]:
    """Organisation-like cells in the top quarter of page 1: the letterhead (on a
    self-mailer, the rows above the salutation: ``head_rows``), line by line as printed
    (``printed_lines``)."""
    out = []
    signed = {lay.rows[k][0].text.strip(" .").casefold() for lay, k in _under_sign_offs(layouts)}
    # (a name the letter glosses as a body, "X, the Y Council", round 38)
    letter = [c for lay in layouts for row in lay.rows for c in row]
    glossed = glossed_names("\n".join(c.text for c in letter))
    for layout in first_letter_page(layouts):
        head = head_rows(layout)
        subjects = _subjects(layout)
        for line, r, i, cell in printed_lines(layout, head):
            row = layout.rows[r]
            # An e-mail's sender: "From: X Ltd <help@x.co.uk>" is its letterhead (its
            # "From:" may stand in a cell of its own, the sender in the next: round 21).
            # (the channel the organisation speaks through is not a word of its name,
            # "X plc - Live Help": round 27)
            said = without_channel(_glued_specks_off(cell))  # (round 36)
            if i and re.fullmatch(r"from\s*:", row[i - 1].text.strip(), re.I):
                said = "From: " + said
            sender = re.match(r"from\s*:\s*([^<>:]+?)\s*(?:<[^<>]*@[^<>]*>)?\s*$",
                              said, re.I)  # fmt: skip
            # ("In the X Court" heads the court's own order: round 14)
            who = _past_desk(sender.group(1)) if sender else ""
            # (a sender "Rent Recovery, X Homes" whose first part signs the letter:
            # that is the desk or the person writing, the rest whom they write for,
            # round 26)
            desk, comma, rest = who.partition(",")
            if comma and rest.strip() and desk.strip().casefold() in signed:
                who = rest.strip()
            name = parse_name(who if sender else in_the_court(said))
            if not sender:
                name = _wrapped_name(layout, r, cell, said, name, letter) or name
            if name is None and not sender and _glossed(said.strip(" ."), glossed):
                name = said.strip(" .")
            words = len(who.split()) if sender else len(said.split())
            if name is None or words > 7 or (":" in said and not sender):
                continue
            if said.strip().casefold() in subjects:
                continue  # an e-mail's subject, printed again as its page's title (round 21)
            if re.search(r"\b(?:notice|letter|statement|reminder|demand|form)\b", name, re.I):
                continue
            agent = bool(AGENT_WORDS.search(name))
            court = bool(COURT.search(name))
            out.append(
                Candidate(
                    field=field,
                    value=name,
                    shown=name,
                    page=layout.page,
                    box=cell.box,
                    label=None,
                    role="court" if court else "collection agent" if agent else "letterhead",
                    score=_firm_score(1.6 - 0.1 * line, name),
                    order=(layout.page, line),
                )
            )
    return out


# A payslip's own words, which head it as often as its employer does: "Pay Advice",
# "Earnings Statement", "Employee Pay Slip" are no employer (round 22).
_SLIP_WORDS = re.compile(
    r"\b(?:pay|payslip|slip|advice|statement|earnings|wages?|salary|period|employee|name"
    r"|date|tax|week|month|payroll|private|confidential|personal|details|summary|year)\b",
    re.I,
)
_PERSON = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s|[A-Z]\.?\s)")
# What a small employer's plain name is made of, which a person's is not: a trade or a
# place of work ("Veterinary Practice", "Tea Rooms", "The Red Lion Inn"), "t/a", "&"
_TRADE = re.compile(
    r"\b(?:practice|surgery|school|ysgol|academy|college|nursery|inn|arms|hotel|tavern|pub"
    r"|restaurant|caf[eé]|tea rooms?|bakery|dairy|dairies|farms?|stables|kennels|garage|motors"
    r"|salon|studio|pharmacy|chemists?|dental|vets?|veterinary|clinic|care|home|church|club"
    r"|shop|stores?|market|mill|works|estates?|gardens?|hall|centre|kitchen|builders?"
    r"|plumbing|electrical|joinery|transport|haulage|cleaning|catering|t/a|&)(?=\W|$)",
    re.I,
)


def plain_letterhead(layouts: Sequence[Layout]) -> list[Candidate]:
    """A payslip's first line that names its employer without an organisation's word
    ("Fellgate Veterinary Practice", "The Mardale Inn"): words that start with capitals and
    name a trade or a place of work, the first cell of a row in the page's top rows, not
    the slip's own words nor a person (a title or an initial first; the employee's name
    heads many slips); weaker than any labelled employer (round 22)."""
    out = []
    for layout in layouts[:1]:
        head = min(head_rows(layout), 3)
        for r, row in enumerate(layout.rows[:head]):
            if not row:  # a blank line of a text-only page
                continue
            cell = row[0]
            name = parse_named_payer(cell.text)
            if name is None or ":" in cell.text or len(cell.words) > 8:
                continue
            if _SLIP_WORDS.search(name) or _PERSON.match(name) or not _TRADE.search(name):
                continue
            out.append(
                Candidate(
                    field="payer_name",
                    value=name,
                    shown=name,
                    page=layout.page,
                    box=cell.box,
                    label=None,
                    role="letterhead",
                    score=1.0 - 0.1 * r,
                    order=(layout.page, r),
                )
            )
    return out


def _subjects(layout: Layout) -> set[str]:
    """An e-mail's subject lines ("Subject: Your account is overdue [AB123]"), casefolded,
    without the reference in brackets at their end (round 21)."""
    out = set()
    for row in layout.rows:
        said = " ".join(c.text for c in row).strip()
        m = re.match(r"subject\s*:\s*(.+?)\s*(?:\[[^\[\]]*\])?$", said, re.I)
        if m:
            out.add(m.group(1).casefold())
    return out


def subject_references(layouts: Sequence[Layout]) -> list[Candidate]:
    """A reference in brackets at the end of an e-mail's subject line ("Subject: Your
    account is overdue [AB 1234 5678]"), as a writer's system tags its messages (round 21)."""
    out = []
    for layout in layouts[:1]:
        for r, row in enumerate(layout.rows):
            said = " ".join(c.text for c in row).strip()
            m = re.match(r"subject\s*:.*?[\[(]\s*(?:ref(?:erence)?\.?\s*:?\s*)?([^\[\]()]{4,30}?)"
                         r"\s*[\])]$", said, re.I)  # fmt: skip
            if m is None:
                continue
            value = parse_reference(m.group(1))
            if value is None or re.sub(r"\s", "", value) != re.sub(r"\s", "", m.group(1)).upper():
                continue  # (the whole bracket is the reference, no words around it)
            out.append(
                Candidate(
                    field="account_reference", value=value, shown=m.group(1),
                    page=layout.page, box=row[-1].box, label="Subject", role=None,
                    score=2.0, order=(layout.page, r),
                )
            )  # fmt: skip
    return out


# A desk named before its organisation in an e-mail's sender: "Card Arrears Team Kinder
# Cards Ltd", "Pension Unit - Department for X" (round 21)
_DESK_FIRST = re.compile(
    r"(?:[A-Z][\w'&-]*\s+){1,4}?(?:Team|Desk|Section|Department|Unit|Office|Centre)\s+"
    r"(?:[-–—|]\s+)?(?=[A-Z])"
)


def _past_desk(name: str) -> str:
    """An e-mail sender's name past the desk that writes for it: "Customer Debt Team X
    Water plc" is X Water plc, where the rest names an organisation (round 21)."""
    m = _DESK_FIRST.match(name.strip())
    rest = name.strip()[m.end() :] if m else ""
    # (the rest a name of two words at least: "Post Office Ltd" is one organisation)
    return rest if m and len(rest.split()) >= 2 and ORGANISATION.search(rest) else name


def _firm_score(base: float, name: str) -> float:
    """A firm's name where a writer names itself (its letterhead, its registered name, its
    signature) scores ``base``, less in a collection agent's words (0.3) or a court's
    (1.5): the creditor is seldom either."""
    return base - (0.3 if AGENT_WORDS.search(name) else 0.0) - (1.5 if COURT.search(name) else 0.0)


def registered(layouts: Sequence[Layout]) -> list[Candidate]:
    """The writer's registered name, from the sentence a firm prints with it ("X Ltd is
    registered in England and Wales", "X is authorised by …"): as good as a letterhead
    (an agent's or a court's weaker, as there). Round 12."""
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            for cell in row:
                said = registered_name(cell.text)
                name = parse_name(said) if said else None
                if name is None:
                    continue
                out.append(
                    Candidate(
                        field="creditor_name", value=name, shown=name, page=layout.page,
                        box=cell.box, label=None, role="registered name",
                        score=_firm_score(1.4, name),
                        order=(layout.page, r),
                    )
                )  # fmt: skip
    return out


def _glued_specks_off(cell: Cell) -> str:
    """A cell's text without the colon or semicolon OCR read glued before a capitalised word
    inside it, where Tesseract was unsure of that word (under 0.7): a speck of a logo or
    a stain, not a label's colon (":Vale" in "Ambleside :Vale District Council", round 36).
    The cell's first word keeps its marks."""
    words = [
        re.sub(r"^[:;]+(?=[A-Z][a-z])", "", w.text) if k and w.confidence < 0.7 else w.text
        for k, w in enumerate(cell.words)
    ]
    return " ".join(words)


# Words that join the words of a name, printed in lower case ("Bank of X", "Y upon Tyne").
_JOINING = NAME_PARTICLES | {"in", "on", "at", "upon", "under", "by", "y", "&", "to", "with"}


def _split_word_joined(name: str, words: frozenset[str]) -> str:
    """A name in which OCR split one word in two with a space, its tail in lower case
    ("Elmswood Park side Council" for "Elmswood Parkside Council"), where the page prints
    the word whole elsewhere (``words``): the whole word; where OCR also lost a letter at
    the split ("Elmswood Pa kside Council"), a word of seven letters or more the page prints
    with that one letter more (round 36). A lower-case word that joins a name's words
    ("of", "upon") is no tail."""
    parts = name.split()
    for i in range(len(parts) - 1, 0, -1):
        head, tail = parts[i - 1], parts[i]
        if not (head[:1].isupper() and tail.isalpha() and tail.islower()):
            continue
        if tail in _JOINING or not head.isalpha():
            continue
        joined = head + tail
        whole = joined if joined in words else None
        if whole is None and len(joined) >= 6:
            whole = next(
                (
                    w
                    for w in sorted(words)
                    if len(w) == len(joined) + 1
                    and w[:1] == joined[:1]
                    and any(w[:k] + w[k + 1 :] == joined for k in range(len(head), len(w)))
                ),
                None,
            )
        if whole is not None:
            parts[i - 1 : i + 1] = [whole]
    return " ".join(parts)


def better_read(candidates: list[Candidate], layouts: Sequence[Layout]) -> list[Candidate]:
    """A name OCR read twice, one letter apart ("Burham Dales Borough Council" in the
    letterhead, "Durham Dales Borough Council" in the footer, round 16): each candidate
    takes the spelling whose differing word Tesseract was surer of, where the other
    spelling stands in the document with the name's other words. Words read without OCR
    (confidence 1) are never changed."""
    if not candidates:
        return candidates
    sure: dict[str, float] = {}
    for layout in layouts:
        for row in layout.rows:
            for cell in row:
                for w in cell.words:
                    text = w.text.strip(",.;:()")
                    sure[text] = max(sure.get(text, 0.0), w.confidence)
    if all(c >= 1.0 for c in sure.values()):
        return candidates
    flat = "\n".join(" ".join(c.text for c in row) for layout in layouts for row in layout.rows)
    whole = frozenset(w for w in sure if w.isalpha() and w[:1].isupper() and len(w) >= 4)
    out = []
    for candidate in candidates:
        value = candidate.value
        if isinstance(value, str):
            value = _split_word_joined(value, whole)  # (round 36)
            value = _better_spelt(value, sure, flat)
        out.append(candidate if value == candidate.value else attrs.evolve(candidate, value=value))
    return out


def _one_misread(a: str, b: str) -> bool:
    """Whether two words differ as OCR misreads one letter: one letter for another
    ("Burham", "Durham"), or "rn" read as "m" ("Bumley", "Burnley")."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return len(longer) == len(shorter) + 1 and any(
        longer[:i] + "m" + longer[i + 2 :] == shorter
        for i in range(len(longer) - 1)
        if longer[i : i + 2] == "rn"
    )


def _better_spelt(name: str, sure: dict[str, float], flat: str) -> str:
    parts = name.split()
    for i, part in enumerate(parts):
        if len(part) < 4 or not part.isalpha() or sure.get(part, 1.0) >= 1.0:
            continue
        for other, confidence in sure.items():
            if confidence > sure[part] and other.isalpha() and _one_misread(other, part):
                variant = " ".join([*parts[:i], other, *parts[i + 1 :]])
                if variant in flat:
                    return variant
    return name


# A letter's sign-off, before its signature block.
# (a bare "Regards," closes a letter as well: round 27)
_SIGN_OFF = re.compile(
    r"^(?:yours (?:sincerely|faithfully|truly)|with (?:kind|best) regards|kind regards"
    r"|regards,?$)",
    re.I,
)


_DEPARTMENT = re.compile(r"\b(?:office|section|department|unit|centre|services?|team)$", re.I)


# The signer's post, under the sign-off: "Court Manager", "Credit Controller", "Senior
# Collections Officer", "Head of Recoveries" — a job, not the organisation (round 46).
_POST = re.compile(
    r"\b(?:manager|officer|clerk|controller|administrator|supervisor|director|adviser|advisor"
    r"|executive|caseworker|co-?ordinator|specialist|representative|negotiator|assistant"
    r"|handler|secretary|accountant|cashier)$|^(?:head|chief|leader) of\b",
    re.I,
)


def signed_by(layouts: Sequence[Layout]) -> list[Candidate]:
    """The organisation named in the signature block (round 16): a few lines under the
    sign-off ("Yours sincerely"), a part of a line that is an organisation's name ("Income
    Recovery, Teme Valley Water Ltd"). Weaker than a letterhead: where OCR garbled the
    letterhead (a logo read as specks) it is the one place the writer is named."""
    out = []
    for layout, k in _under_sign_offs(layouts):
        cell = layout.rows[k][0]
        for part in re.split(r",\s*|\s{2,}|\s+\|\s+", cell.text):
            name = parse_name(part)
            # (the whole part, two words or more: "Council Tax Section" is a
            # department, not "Council")
            if name is None or name != part.strip(" .") or len(name.split()) < 2:
                continue
            if _DEPARTMENT.search(name):
                continue  # "Court Office", "Income Section": the writer's desk
            if _POST.search(name):
                continue  # "Court Manager", "Credit Controller": the signer's job (r46)
            if not ORGANISATION.search(name):
                continue
            out.append(
                Candidate(
                    field="creditor_name", value=name, shown=name, page=layout.page,
                    box=cell.box, label=None, role="signature",
                    score=_firm_score(1.2, name),
                    order=(layout.page, k),
                )
            )  # fmt: skip
    return out


# A desk of the writer that signs a letter: "Card Services Team", "Income Section".
_DESK = re.compile(r"^(?P<desk>.+?)\s+(?:team|department|section|unit|office|desk)$", re.I)


def signing_desks(layouts: Sequence[Layout]) -> set[str]:
    """The desks a letter is signed by (round 18): a line under the sign-off that names a
    team, a section or a department ("Yours faithfully, / Arrears Help Team"), as the
    desk's own words ("arrears help", casefolded). A letterhead of the same words is that
    desk's, not the organisation's name: the firm is named elsewhere (its registration in
    the footer, the signature)."""
    out = set()
    for layout, k in _under_sign_offs(layouts):
        m = _DESK.match(layout.rows[k][0].text.strip(" ."))
        if m:
            out.add(m.group("desk").casefold())
            # (and the desk named whole, "Fines Office", where a letterhead names it so)
            out.add(m.group().casefold())
    return out


def _under_sign_offs(layouts: Sequence[Layout]) -> Iterator[tuple[Layout, int]]:
    """Each row a few lines under a sign-off ("Yours sincerely"), up to the first blank
    row or eight lines down: ``(layout, row index)``, where a signature block names the
    writer and its desk."""
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            if not row or not _SIGN_OFF.match(row[0].text.strip()):
                continue
            top = layout.row_tops[r]
            for k in range(r + 1, min(r + 5, len(layout.rows))):
                if layout.row_tops[k] - top > 8 * layout.line_height or not layout.rows[k]:
                    break
                yield layout, k


# A monogram letterhead: the writer's initials, capitals spaced apart ("Q R T", or a single
# "Q"; the spaces may be lost: "QRT"), as the only words of a cell at the top of page 1
# (round 15).
_MONOGRAM = re.compile(r"[A-Z](?: ?[A-Z]){0,5}")
# Words a name's initials leave out: its legal form and the small words.
_NOT_INITIAL = frozenset({"ltd", "limited", "plc", "llp", "of", "the", "and", "&", "for"})


def initials(name: str) -> str:
    """A name's initials, its legal form and small words left out ("Quarry Road Tiling
    Ltd" is "QRT")."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _NOT_INITIAL]
    return "".join(w[0] for w in words if w[0].isupper())


def monogram(layouts: Sequence[Layout]) -> list[Candidate]:
    """The writer of a letter headed only by its monogram ("Q R T" at the top, no name):
    the organisation named elsewhere (its signature block, "Accounts Team, Quarry Road
    Tiling Ltd") whose initials the monogram spells. Round 15."""
    if not layouts:
        return []
    first = layouts[0]
    marks = {
        cell.text.replace(" ", "")
        for r, row in enumerate(first.rows)
        if first.row_tops[r] <= 0.25 * first.height
        for cell in row
        if _MONOGRAM.fullmatch(cell.text.strip())
    }
    if not marks:
        return []
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            for cell in row:
                for part in re.split(r",\s*|\s{2,}|\s+\|\s+", cell.text):
                    name = parse_name(part)
                    if name is None or not ORGANISATION.search(name):
                        continue
                    if initials(name) not in marks:
                        continue
                    agent = bool(AGENT_WORDS.search(name))
                    out.append(
                        Candidate(
                            field="creditor_name", value=name, shown=name, page=layout.page,
                            box=cell.box, label=None,
                            role="collection agent" if agent else "letterhead",
                            score=2.0 - (0.3 if agent else 0.0), order=(layout.page, r),
                        )
                    )  # fmt: skip
    return out


# The public bodies that pay benefits, as a benefit letter's footer or closing line names
# them: "Department for Work and Pensions, Carer's Allowance Unit, Preston".
_PUBLIC_PAYER = re.compile(
    r"^(?:the )?(?:department for work and pensions|dwp|hm revenue (?:and|&) customs|hmrc"
    r"|pension service|social security scotland|department for communities"
    r"|[a-z' -]{2,40} (?:city |county |borough |district )*council)\b",
    re.I,
)


def public_payer_lines(layouts: Sequence[Layout]) -> list[Candidate]:
    """A benefit letter whose paying body is named only below its heading (round 23): a
    line that opens with a public payer's name, anywhere on the page (its footer, its
    closing line, a return address): the name is the line's first part. Weaker than a
    letterhead or a label; for benefit letters only (a creditor's letter names a council
    or HMRC as a creditor, or a payee's department)."""
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            for cell in row:
                first = re.split(r",\s*|\s{2,}|\s+\|\s+|\.\s", cell.text.strip())[0]
                if not _PUBLIC_PAYER.match(first):
                    continue
                name = parse_name(first)
                if name is None or name != first.strip(" .") or len(name.split()) > 7:
                    continue
                out.append(
                    Candidate(
                        field="payer_name", value=name, shown=name, page=layout.page,
                        box=cell.box, label=None, role="named line",
                        score=0.8, order=(layout.page, r),
                    )
                )  # fmt: skip
    return out


# A payslip's two money columns, what is added and what is taken off ("Additions |
# Deductions", "Payments | Deductions", "Earnings | Stoppages"), and its row of totals
# under them ("Totals | 520.32 | 125.24"): the total under the first is the gross pay
# (round 33). In other words (round 43): what was paid beside what was held back ("Paid |
# Held back", "Paid | Withheld"), its totals named as the columns' ("Grand totals",
# "Totals of the columns").
_ADDED_HEADING = re.compile(
    r"(?:additions|payments|earnings|pay|gross pay|payments and allowances|earned|amounts? paid"
    r"|paid"
    # (or the columns named by direction alone: "In | Out", "Money in | Money out", "Plus |
    # Minus", "Credits | Debits", round 47)
    r"|(?:money |paid |pay )?in|plus|credits?|added)"
)
_TAKEN_HEADING = re.compile(
    r"(?:deductions|deducted|stoppages|taken off|(?:kept|held|taken) back|withheld"
    r"|(?:money |paid |pay )?out|minus|less|debits?|taken)"
)
_TOTALS_ROW = re.compile(
    r"(?:(?:column|grand) )?(?:totals?|sub ?totals?|totals? this (?:period|week|month))"
    r"|totals? (?:of|for) (?:the |each |both )?columns?"
)


def column_totals(layouts: Sequence[Layout]) -> list[Candidate]:
    """The gross pay as a payslip's row of totals gives it: the figure of a row opening
    with "Total(s)", within a page's table under a header row that heads one column with
    what is added (``_ADDED_HEADING``) and a later one with what is taken off
    (``_TAKEN_HEADING``), nearer the first column's centre than the second's."""
    out: list[Candidate] = []
    for layout in layouts:
        for h, head in enumerate(layout.rows):
            words = [" ".join(norm_words(c.text)) for c in head]
            added = next(
                (c for c, w in zip(head, words, strict=True) if _ADDED_HEADING.fullmatch(w)), None
            )
            taken = next(
                (c for c, w in zip(head, words, strict=True) if _TAKEN_HEADING.fullmatch(w)), None
            )
            if added is None or taken is None or added.left >= taken.left:
                continue
            centre = (added.left + added.right) / 2
            other = (taken.left + taken.right) / 2
            for r in range(h + 1, min(h + 30, len(layout.rows))):
                row = layout.rows[r]
                if len(row) < 2 or not _TOTALS_ROW.fullmatch(" ".join(norm_words(row[0].text))):
                    continue
                under = [
                    c
                    for c in row[1:]
                    if parse_money(c.text) is not None
                    and abs((c.left + c.right) / 2 - centre) < abs((c.left + c.right) / 2 - other)
                ]
                if under:
                    cell = min(under, key=lambda c: abs((c.left + c.right) / 2 - centre))
                    out.append(
                        Candidate(
                            field="gross_pence", value=parse_money(cell.text), shown=cell.text,
                            page=layout.page, box=cell.box, label=f"{row[0].text} ({added.text})",
                            role="the added column's total", score=3.5, order=(layout.page, r),
                        )
                    )  # fmt: skip
                break
    return out
