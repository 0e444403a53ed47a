"""Reading a page by geometry: words → rows of cells, and values found beside or under
their labels.

A *row* is the words whose (deskewed) vertical centres line up across the page; a
*cell* is a run of words in a row without a wide gap (a column of a table, one side of a
two-column header). A label's value is, in order of preference, the rest of its own cell
("Claim number: K1AB2345"), the next cell to the right on the same row, or the cell
just below that starts in the same column. Pages without word boxes (a PDF's text
layer) get boxes from the text's own character columns, so the same reading applies.
"""

from __future__ import annotations

import functools
import itertools
import re
import statistics
from collections.abc import Iterable, Sequence

import attrs
from attrs import frozen

from cma_adapters.rules_assistant.label_parts import has_own_label, label_starts
from cma_adapters.rules_assistant.lookalike import KEY_LETTERS, as_figures
from cma_core.documents.model import Box, PageText, Word


@frozen(kw_only=True)
class Cell:
    page: int
    row: int
    """Index of the row on its page."""
    words: tuple[Word, ...]

    # (read for every label pattern of every field: worked out once a cell)
    @functools.cached_property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @functools.cached_property
    def box(self) -> Box:
        return union(w.box for w in self.words)

    @property
    def left(self) -> int:
        return self.box.left  # (the words' union: the leftmost word's left edge)

    @property
    def right(self) -> int:
        return self.box.right


@frozen(kw_only=True)
class Layout:
    page: int
    rows: tuple[tuple[Cell, ...], ...]
    width: int
    height: int
    line_height: float
    row_tops: tuple[float, ...]
    # Rows opened by a lone mark ("*" — a speck to the words, so not a cell): in a table
    # of several accounts the mark picks the one the letter is about.
    marked: tuple[int, ...] = ()

    def cells(self) -> Iterable[Cell]:
        for row in self.rows:
            yield from row


def union(boxes: Iterable[Box]) -> Box:
    items = list(boxes)
    left = min(b.left for b in items)
    top = min(b.top for b in items)
    right = max(b.right for b in items)
    bottom = max(b.bottom for b in items)
    return Box(left=left, top=top, width=right - left, height=bottom - top)


def text_words(text: str) -> tuple[list[Word], tuple[int, int]]:
    """Words with boxes from character columns (10 px a character, 20 px a line)."""
    words: list[Word] = []
    lines = text.split("\n")
    for number, line in enumerate(lines):
        for match in re.finditer(r"\S+", line):
            words.append(
                Word(
                    text=match.group(),
                    box=Box(
                        left=match.start() * 10,
                        top=number * 20,
                        width=len(match.group()) * 10,
                        height=12,
                    ),
                    line=number + 1,
                )
            )
    width = max((len(line) for line in lines), default=1) * 10
    return words, (max(width, 800), max(len(lines), 1) * 20)


def page_layout(page: PageText) -> Layout:
    if page.words:
        # Specks and rules read as "»", "_", "©": not words. A "|" is kept for now: within
        # a cell it is a misread "I" ("Lowell Portfolio | Ltd"), see ``_cells``.
        # An "&" is a word of a name ("Wold Gas & Power Limited"), not a speck.
        # A run of asterisks masks a card number's digits ("4929 **** **** 1234"): kept.
        words: Sequence[Word] = [w for w in page.words if _kept(w)]
        dropped = [w for w in page.words if not _kept(w)]
        width, height = page.size or (
            max(w.box.right for w in words),
            max(w.box.bottom for w in words),
        )
    else:
        words, (width, height) = text_words(page.text)
        dropped = []
    if not words:
        return Layout(
            page=page.number, rows=(), width=width, height=height, line_height=12.0, row_tops=()
        )
    height_px = statistics.median(w.box.height for w in words) or 1.0
    words = _dropped_capitals(words, height_px)  # (round 39)
    slope = _skew(words)
    lines = _lines(words, slope, height_px)
    rows = _line_numbers(_rows(lines, slope, height_px), height_px)  # (round 27)
    rows = [_overprinted(row) for row in rows]  # (round 47)
    rows = [_superseded(words) for words in _two_up(rows, height_px)]  # (round 28)
    rows = _then_and_now(rows, height_px)  # (round 30)
    cells_rows: list[tuple[Cell, ...]] = []
    tops: list[float] = []
    for index, row_words in enumerate(rows):
        row_words = _join_combs(row_words, dropped, height_px)
        row_words = _separators_between_figures(row_words, dropped, height_px)
        row_words = _tails_rejoined(row_words)  # (round 36)
        cells_rows.append(tuple(_cells(page.number, index, row_words, height_px)))
        tops.append(min(_centre(w, slope) for w in row_words))
    cells_rows = _pounds_and_pence(cells_rows)
    cells_rows = _groups_run_on(cells_rows, height_px)
    cells_rows, tops = _wrapped_labels(cells_rows, tops, height_px)  # (round 32)
    cells_rows, tops = _wrapped_names(cells_rows, tops, height_px)  # (round 40)
    return Layout(
        page=page.number,
        rows=tuple(cells_rows),
        width=width,
        height=height,
        line_height=height_px,
        row_tops=tuple(tops),
        marked=_marked(cells_rows, dropped, slope, height_px),
    )


# A section's or an item's number printed alone between a label and its value
# ("Claim number | 2. | K1AB2345"), or last in the label's cell ("Claimant 4.")
_SECTION_NUMBER = re.compile(r"\(?\d{1,2}[.)]")
# (alone in its cell, its point may be read as a comma after OCR: "3,")
_SECTION_ALONE = re.compile(r"\(?\d{1,2}[.),]")


def _label_part(cell: Cell) -> tuple[Word, ...] | None:
    """The words of a label cell (words without figures, six at most, not a sentence's
    end), past a section's number printed last in it; None for any other cell."""
    words = cell.words
    if len(words) > 1 and _SECTION_NUMBER.fullmatch(words[-1].text):
        words = words[:-1]
    text = " ".join(w.text for w in words)
    if len(words) > 6 or re.search(r"\d|£|[.:;!?]$", text) or not re.search(r"[A-Za-z]", text):
        return None
    return words


def _past_section_number(words: Sequence[Word]) -> Sequence[Word]:
    """A value's words past a section's number printed first in its cell ("4. A Name
    Ltd." beside its label, the numbered sections of a notice set like an Act, round
    32)."""
    if len(words) > 1 and _SECTION_NUMBER.fullmatch(words[0].text):
        return words[1:]
    return words


def _split_at_section(cell: Cell) -> list[Cell]:
    """A label, a section's number and its value run together in one cell (a long label
    leaves no wide gap: "Firm we write for 4. A Name Ltd."): the label's cell, then the
    value's with its number (round 32). Only where what comes before the number is a
    label (``_label_part``)."""
    words = cell.words
    for k in range(1, len(words) - 1):
        if _SECTION_NUMBER.fullmatch(words[k].text):
            head = attrs.evolve(cell, words=words[:k])
            if _label_part(head) is None or len(words[:k]) != len(_label_part(head) or ()):
                return [cell]
            return [head, attrs.evolve(cell, words=words[k:])]
    return [cell]


def _wrapped_labels(
    rows: list[tuple[Cell, ...]], tops: list[float], height: float
) -> tuple[list[tuple[Cell, ...]], list[float]]:
    """A label wrapped in a narrow column of its own (a marginal note beside a value, a
    table's first column): "Amount claimed with the | £5.00" over "court fee and costs",
    the next line starting in lower case at the label's left edge, within a line's pitch,
    and not beside a value of its own in the label's value column. The lines read as one
    label ("Amount claimed with the court fee and costs"), in the row of the value beside
    it (round 32). Only a label beside a value (a figure in the cell next to it, either
    side, or a section's number ending the label's cell) gathers its lines: a paragraph's
    lines are one cell each, and stay as they are."""
    out = [[part for cell in row for part in _split_at_section(cell)] for row in rows]
    emptied: set[int] = set()  # (rows whose lines joined a label above: dropped if empty)
    for r in range(len(out) - 1):
        for i, cell in enumerate(out[r]):
            words = _label_part(cell)
            if words is None:
                continue
            # (the cells either side, past specks: OCR reads a section's number "oo")
            right = [o for o in out[r][i + 1 :] if not _SPECKS.fullmatch(o.text)][:1]
            left = [o for o in out[r][:i] if not _SPECKS.fullmatch(o.text)][-1:]
            beside = left + right
            numbered = len(words) < len(cell.words)  # ("Claimant 4. | A Name Ltd")
            if not beside or not (numbered or any(re.search(r"\d", b.text) for b in beside)):
                continue
            added: list[Word] = []
            last = r
            for nr in range(r + 1, min(r + 4, len(out))):
                if tops[nr] - tops[last] > 2.4 * height:
                    break
                # (or at its right edge, a column of labels set flush right against their
                # values: "Letter before action" over "dated", round 40)
                j = next(
                    (
                        j
                        for j, o in enumerate(out[nr])
                        if abs(o.left - cell.left) <= 0.5 * height
                        or (abs(o.right - cell.right) <= 0.5 * height and o.left > cell.left)
                    ),
                    None,
                )
                if j is None:
                    break
                below = out[nr][j]
                first = next((ch for ch in below.text if ch.isalpha()), "")
                # (a value of its own in the label's value column, either side: the line
                # is a label of its own, "£91.68 | rent a week" under "£2006.03 | rent
                # behind")
                own = [o for o in out[nr][j + 1 :] if not _SPECKS.fullmatch(o.text)][:1] + [
                    o for o in out[nr][:j] if not _SPECKS.fullmatch(o.text)
                ][-1:]
                if (
                    not first.islower()
                    or len(below.words) > 4
                    or re.search(r"\d|£", below.text)
                    or any(
                        abs(o.left - b.left) <= height or abs(o.right - b.right) <= height
                        for o in own
                        for b in beside
                    )
                ):
                    break
                added += below.words
                del out[nr][j]
                emptied.add(nr)
                last = nr
            if added:
                tail = cell.words[len(words) :]
                out[r][i] = attrs.evolve(cell, words=(*words, *added, *tail))
    kept = [k for k, row in enumerate(out) if row or k not in emptied]
    return (
        [tuple(attrs.evolve(c, row=n) for c in out[k]) for n, k in enumerate(kept)],
        [tops[k] for k in kept],
    )


# The words that end a company's name in law: a line of a name that ends so closes it.
_LEGAL_END = re.compile(r"\b(?:Ltd|Limited|LLP|PLC|Plc|plc|LLC|CIC)\.?$")
# A line that may be the rest of a name: capitalised words (and the small words between).
_NAME_LINE = re.compile(r"[A-Z][\w'&.-]*(?: (?:[A-Z][\w'&.-]*|&|and|of|the|for))*")


def _wrapped_names(
    rows: list[tuple[Cell, ...]], tops: list[float], height: float
) -> tuple[list[tuple[Cell, ...]], list[float]]:
    """A name beside its label wrapped onto the next line in its own column ("Claimant |
    X Guarantor" over "Loans Ltd", "Claimant (the pursuer) | X Personal" over "Finance
    Ltd"): the line under the name (its left edge, within a line's pitch, nothing of its own
    under the label; capitalised words, three at most, no figure) joins it where it ends
    the name as a company's does (Ltd, LLP, PLC) or the whole name is printed elsewhere on
    the page (round 40). Only a value right of a label cell (``_label_part``) of words; or
    one of a row of values under their labels (a grid's, a form's boxes), the line under it
    alone on its own line and set under it flush left or centred (round 41: "Milnrow
    Personal" over "Finance Ltd" in a box)."""
    out = [list(row) for row in rows]
    emptied: set[int] = set()
    for r in range(len(out) - 1):
        for i in range(len(out[r])):
            label, cell = out[r][i - 1] if i else None, out[r][i]
            beside = label is not None and _label_part(label) is not None
            if not beside and len(out[r]) < 2:
                continue
            if re.search(r"[\d£:@]", cell.text):
                continue
            if not _NAME_LINE.fullmatch(cell.text.strip()) or len(cell.words) > 5:
                continue
            nr = r + 1
            if tops[nr] - tops[r] > 2.4 * height:
                continue
            if beside:
                j = next(
                    (j for j, o in enumerate(out[nr]) if abs(o.left - cell.left) <= 0.5 * height),
                    None,
                )
                if j is None or any(label and o.right > label.left for o in out[nr][:j]):
                    continue
            else:
                centre = (cell.left + cell.right) / 2
                if len(out[nr]) != 1 or not (
                    abs(out[nr][0].left - cell.left) <= 0.5 * height
                    or abs((out[nr][0].left + out[nr][0].right) / 2 - centre) <= 0.5 * height
                ):
                    continue
                j = 0
            below = out[nr][j]
            line = below.text.strip()
            if not _NAME_LINE.fullmatch(line) or len(below.words) > 3:
                continue
            whole = " ".join(f"{cell.text} {line}".split()).casefold()
            elsewhere = " | ".join(
                " ".join(o.text.split())
                for row in out
                for o in row
                if o is not cell and o is not below
            ).casefold()
            if not (_LEGAL_END.search(line) or whole in elsewhere):
                continue
            out[r][i] = attrs.evolve(cell, words=(*cell.words, *below.words))
            del out[nr][j]
            emptied.add(nr)
    kept = [k for k, row in enumerate(out) if row or k not in emptied]
    return (
        [tuple(attrs.evolve(c, row=n) for c in out[k]) for n, k in enumerate(kept)],
        [tops[k] for k in kept],
    )


def _marked(
    rows: Sequence[tuple[Cell, ...]], dropped: Sequence[Word], slope: float, height: float
) -> tuple[int, ...]:
    """The rows a lone "*" opens: the mark on the row's line, left of its first cell."""
    out = []
    for word in dropped:
        if word.text not in ("*", "★", "✱", "∗"):
            continue
        centre = _centre(word, slope)
        for r, row in enumerate(rows):
            if not row or word.box.right > row[0].left:
                continue
            if any(abs(_centre(w, slope) - centre) <= height * 0.6 for w in row[0].words):
                out.append(r)
                break
    return tuple(sorted(set(out)))


_POUNDS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


_SUPERSEDING = re.compile(
    r"\(?(?:amended|revised|corrected|updated|re-?issued|replaced|new|now)\)?[.,;:]?", re.I
)
_WEEKDAY = re.compile(r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?", re.I)


def _value_kind(words: Sequence[Word]) -> str | None:
    # (values reads cells, so it imports this module: its patterns are fetched late)
    from cma_adapters.rules_assistant.values import DATE, MONEY

    text = " ".join(w.text for w in words)
    if MONEY.fullmatch(text):
        return "money"
    if DATE.fullmatch(text):
        return "date"
    return None


def _overprinted(words: list[Word]) -> list[Word]:
    """A row without the marks OCR read as words over other words: a shadow, a fold, a
    strip of tape or plastic across a line is read as a word ("Be", "Sg", "agp") whose box
    lies over a word Tesseract read on a line of its own, and read far surer. Two words of
    print never share a place on a row, so the unsure one (confidence under 0.6, the other
    0.8 or more, of another of Tesseract's lines) whose box covers at least half of the
    other's width or half of its own goes (round 47)."""
    sure = [w for w in words if w.confidence >= 0.8]
    if len(sure) == len(words) or not sure:
        return words

    def over(mark: Word, word: Word) -> bool:
        if mark.line == word.line or not mark.line:
            return False
        shared = min(mark.box.right, word.box.right) - max(mark.box.left, word.box.left)
        return shared > 0.5 * min(mark.box.width, word.box.width)

    return [w for w in words if w.confidence >= 0.6 or not any(over(w, other) for other in sure)]


def _superseded(words: list[Word]) -> list[Word]:
    """A figure corrected in place (a re-issued letter, an amended form): the line prints
    the earlier value, then the new one marked as such ("£1,200.00  £1,260.50 (amended)",
    "3 May 2026  17 May 2026 (revised)"), the earlier one often struck through, which a
    page's text does not show. The marked value is the line's; the earlier value of the
    same kind just before it is no longer anything's and goes, with the mark. A marked
    value with no earlier one of its kind before it keeps its line as it is (round 28)."""
    for m in range(2, len(words)):
        mark = words[m].text
        if not (mark.startswith("(") and _SUPERSEDING.fullmatch(mark)):
            continue
        new = next((k for k in range(min(5, m), 0, -1) if _value_kind(words[m - k : m])), 0)
        if not new:
            continue
        kind = _value_kind(words[m - new : m])
        end = m - new
        if kind == "date" and end > 0 and _WEEKDAY.fullmatch(words[end - 1].text):
            end -= 1  # (the new date's weekday stays with it)
        old = next(
            (j for j in range(min(5, end), 0, -1) if _value_kind(words[end - j : end]) == kind),
            0,
        )
        if not old:
            continue
        start = end - old
        if start > 0 and _WEEKDAY.fullmatch(words[start - 1].text) and kind == "date":
            start -= 1
        return _superseded([*words[:start], *words[end:m], *words[m + 1 :]])
    return words


# A column heading that names an earlier time than the page's own: "At our last letter",
# "Last statement", "Previously", "Then", "Was", "Before" ...
_THEN_HEADING = re.compile(
    r"(?:(?:at|in|on|from|as at|as of) )?(?:(?:our|my|the|your) )?"
    r"(?:last|previous|earlier|prior|old)"
    r"(?: (?:letter|statement|bill|notice|reminder|review|time|month|quarter|year|reading))?"
    r"|(?:when we|as we) last wrote|then|before|previously|earlier|was|were",
    re.I,
)
# ... and the heading of the column beside it that names the page's own time: "Now",
# "Today", "Current", "This letter", "As at today", "Is".
_NOW_HEADING = re.compile(
    r"(?:(?:as (?:at|of)|at|on) )?(?:now|today|current(?:ly)?|latest"
    r"|this (?:letter|statement|bill|notice|reminder|review|month|quarter|year))|is|are|is now",
    re.I,
)


def _groups(words: Sequence[Word], height: float) -> list[list[Word]]:
    """A row's words in runs without a gap wider than two characters' worth."""
    out: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.box.left):
        if out and word.box.left - out[-1][-1].box.right <= 1.5 * height:
            out[-1].append(word)
        else:
            out.append([word])
    return out


def _then_and_now(rows: list[list[Word]], height: float) -> list[list[Word]]:
    """A table that sets each figure beside what it was at an earlier time ("Then and
    now": a column headed "At our last letter", "Last statement" or "Previously" beside
    one headed "Now", "Today" or "Current"): the earlier column is history, the other the
    page's own figures. The earlier column's words go, its heading with them, on the
    heading's row and on each row of the table under it (rows no further apart than two
    and a half lines, each with a value in either column, or a cell of its own after a
    label), so each label has one value: its figure now (round 30)."""
    out = [list(words) for words in rows]
    for r, words in enumerate(rows):
        groups = _groups(words, height)
        if not 2 <= len(groups) <= 3:
            continue
        texts = [" ".join(w.text for w in g).strip(" :") for g in groups]
        then = next((k for k, t in enumerate(texts) if _THEN_HEADING.fullmatch(t)), None)
        now = next((k for k, t in enumerate(texts) if _NOW_HEADING.fullmatch(t)), None)
        if then is None or now is None or abs(then - now) != 1:
            continue
        old, new = _box_of(groups[then]), _box_of(groups[now])
        if old.left < new.left:  # (the earlier column first, as usual)
            low, high = old.left - 2 * height, (old.right + new.left) / 2
        else:
            low, high = (new.right + old.left) / 2, old.right + 2 * height
        columns = (old.left, new.left, old.right, new.right)
        table = []
        last_top = min(w.box.top for w in words)
        for k in range(r + 1, len(rows)):
            below = rows[k]
            top = min(w.box.top for w in below)
            at_a_column = any(
                abs(w.box.left - columns[0]) <= height
                or abs(w.box.left - columns[1]) <= height
                or abs(w.box.right - columns[2]) <= height
                or abs(w.box.right - columns[3]) <= height
                for w in below
            )
            if top - last_top > 2.5 * height or not at_a_column:
                break
            if len(_groups(below, height)) < 2 and not (
                abs(_box_of(below).left - columns[0]) <= height
                or abs(_box_of(below).left - columns[1]) <= height
            ):
                break
            table.append(k)
            last_top = top
        if not table:
            continue
        for k in (r, *table):
            out[k] = [w for w in out[k] if not low <= (w.box.left + w.box.right) / 2 <= high]
        return [words for words in out if words]
    return rows


def _box_of(words: Sequence[Word]) -> Box:
    return union(w.box for w in words)


def _two_up(rows: list[list[Word]], height: float) -> list[list[Word]]:
    """Two copies of one letter printed side by side on a sheet (a customer's copy and the
    office's, a top copy and its duplicate): most lines of the page are one line printed
    twice, the second starting at the same place on each. Such a page is read as its left
    copy alone, so each label has one value and the right copy's words (the copy's
    caption, its second address) are read as nothing of the left's: a line's words right
    of where the second copy starts go. A page with fewer than four lines so repeated, or
    where they are under two lines in five of its lines of four words or more, is read as
    it is (round 28)."""
    starts = []
    for words in rows:
        n = len(words)
        half = n // 2
        if (
            n >= 4
            and n % 2 == 0
            and [w.text for w in words[:half]] == [w.text for w in words[half:]]
        ):
            starts.append(words[half].box.left)
    wide = sum(1 for words in rows if len(words) >= 4)
    if len(starts) < 4 or len(starts) * 5 < wide * 2:
        return rows
    split = statistics.median(starts)
    out = []
    for words in rows:
        kept = [w for w in words if w.box.left < split - height]
        if kept:
            out.append(kept)
    return out


_LINE_NUMBER = re.compile(r"\d{1,3}")
_MONTH_NAME = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)


def _line_numbers(rows: list[list[Word]], height: float) -> list[list[Word]]:
    """A page that numbers its lines down the left margin (a spreadsheet printed with its
    row numbers, a numbered form or pleading paper) prints no value in that margin: a
    line's first word that is only a whole number, in a run of five or more lines whose
    first numbers count up by one (a number OCR lost may be skipped) in one column, is the
    line's number and is taken out, with the rule printed beside the numbers ("|"), so the
    line's label starts its line ("7  Court case number" reads as "Court case number") and
    the number is no value or name of it; a line that held only its number goes. Where the
    lines are so numbered, a line above them that is only the column letters "A  B  C" (a
    sheet's column heading) goes too (round 27)."""
    numbered = [
        (r, int(words[0].text), words[0].box.right)
        for r, words in enumerate(rows)
        if words
        and _LINE_NUMBER.fullmatch(words[0].text)
        # (a day before its month's name is a date's: a statement's "02 Mar", "03 Mar")
        and not (len(words) > 1 and _MONTH_NAME.match(words[1].text))
    ]
    runs: list[list[tuple[int, int, int]]] = []
    for entry in numbered:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and 1 <= entry[1] - last[1] <= 2
            and entry[1] - last[1] <= entry[0] - last[0]
            and abs(entry[2] - last[2]) <= 2 * height
        ):
            runs[-1].append(entry)
        else:
            runs.append([entry])
    margin = {r for run in runs if len(run) >= 5 for r, _, _ in run}
    if not margin:
        return rows
    out = []
    for r, words in enumerate(rows):
        if r in margin:
            words = words[1:]
            if words and words[0].text == "|":
                words = words[1:]
        elif r < min(margin):
            letters = [w.text for w in words]
            if len(letters) >= 3 and letters == [chr(ord("A") + k) for k in range(len(letters))]:
                words = []
        if words:
            out.append(words)
    return out


def _pounds_and_pence(rows: list[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    """A table that prints pounds and pence in columns of their own (a header "£ ... p",
    then "1,016   03" on each row) gives each row one amount, "£1,016.03": the two-figure
    cell under the "p" header and the whole pounds just left of it are joined."""
    out = list(rows)
    header: tuple[Cell, Cell] | None = None
    for r, row in enumerate(rows):
        texts = [c.text for c in row]
        if "£" in texts and "p" in texts and texts.index("£") < texts.index("p"):
            header = (row[texts.index("£")], row[texts.index("p")])
            continue
        if header is None:
            continue
        pound, pence_head = header
        cells = list(row)
        for i in range(1, len(cells)):
            pence, pounds = cells[i], cells[i - 1]
            under_p = pence.left <= pence_head.right and pence.right >= pence_head.left
            near_pound = pounds.right >= pound.left - 2 * pound.box.width
            if (
                under_p
                and near_pound
                and re.fullmatch(r"\d\d", pence.text)
                and _POUNDS.fullmatch(pounds.text)
            ):
                word = Word(
                    text=f"£{pounds.text}.{pence.text}",
                    box=union((pounds.box, pence.box)),
                    line=pounds.words[0].line,
                    confidence=min(w.confidence for w in (*pounds.words, *pence.words)),
                )
                cells[i - 1 : i + 1] = [attrs.evolve(pounds, words=(word,))]
                out[r] = tuple(cells)
                break
    return out


_GROUPS = re.compile(r"(\d{2,5})(?: (\d{2,5}))+")


def _groups_run_on(rows: list[tuple[Cell, ...]], height: float) -> list[tuple[Cell, ...]]:
    """A number printed in groups that runs over a line ("314 154" / "933"): the next row
    holds only one more group of the same length, starting in the same column, so it is
    the rest of the number, joined to the cell above (and no value of its own)."""
    out = list(rows)
    for r in range(len(out) - 1):
        below = out[r + 1]
        if len(below) != 1 or not re.fullmatch(r"\d{2,5}", below[0].text):
            continue
        for i, cell in enumerate(out[r]):
            groups = cell.text.split(" ")
            if (
                _GROUPS.fullmatch(cell.text)
                and len({len(g) for g in groups}) == 1
                and len(below[0].text) == len(groups[0])
                and abs(below[0].left - cell.left) <= height
                and below[0].box.top - cell.box.bottom <= 1.5 * height
            ):
                joined = attrs.evolve(cell, words=(*cell.words, *below[0].words))
                out[r] = (*out[r][:i], joined, *out[r][i + 1 :])
                out[r + 1] = ()
                break
    return out


def _kept(word: Word) -> bool:
    return bool(re.search(r"[A-Za-z0-9£|&]", word.text) or re.fullmatch(r"[*•]{3,}", word.text))


def _centre(word: Word, slope: float) -> float:
    x = word.box.left + word.box.width / 2
    y = word.box.top + word.box.height / 2
    return y - slope * x


def _skew(words: Sequence[Word]) -> float:
    """Median slope of the extractor's lines (dy/dx), 0 without line numbers."""
    by_line: dict[int, list[Word]] = {}
    for word in words:
        if word.line:
            by_line.setdefault(word.line, []).append(word)
    slopes = []
    for line in by_line.values():
        if len(line) < 3:
            continue
        first, last = min(line, key=lambda w: w.box.left), max(line, key=lambda w: w.box.left)
        dx = last.box.left - first.box.left
        if dx > 0:
            slopes.append((last.box.bottom - first.box.bottom) / dx)
    return statistics.median(slopes) if slopes else 0.0


def _dropped_capitals(words: Sequence[Word], height: float) -> Sequence[Word]:
    """A large initial capital on a line of its own, the rest of its word opening the next
    line ("H" over "ornbeam Card …"): the capital joined to the word that goes on below it
    (round 39). A capital letter taller than the page's lines, nothing before it on its
    line nor just after it; the word below opens in small letters."""
    capitals = [
        w
        for w in words
        if len(w.text) == 1
        and w.text.isupper()
        and w.box.height >= 1.6 * height
        and not any(
            o is not w
            and abs(_mid(o) - _mid(w)) < 0.5 * w.box.height
            and (o.box.left < w.box.left or o.box.left - w.box.right < 6 * height)
            for o in words
        )
    ]
    if not capitals:
        return words
    joined: dict[int, Word] = {}
    gone: set[int] = set()
    for cap in capitals:
        below = [
            v
            for v in words
            if v is not cap
            and re.match(r"[a-z]{2}", v.text)
            and cap.box.top < v.box.top <= cap.box.bottom + max(2 * height, cap.box.height)
            and -height <= v.box.left - cap.box.left <= cap.box.width + 2 * height
            and id(v) not in joined
        ]
        if not below:
            continue
        word = min(below, key=lambda v: (v.box.top, v.box.left))
        box = Box(
            left=cap.box.left,
            top=word.box.top,
            width=max(word.box.right - cap.box.left, 1),
            height=word.box.height,
        )
        joined[id(word)] = attrs.evolve(word, text=cap.text + word.text, box=box)
        gone.add(id(cap))
    return [joined.get(id(w), w) for w in words if id(w) not in gone]


def _mid(word: Word) -> float:
    return word.box.top + word.box.height / 2


def _lines(words: Sequence[Word], slope: float, height: float) -> list[list[Word]]:
    if all(w.line for w in words):
        groups: dict[int, list[Word]] = {}
        for word in words:
            groups.setdefault(word.line, []).append(word)
        return list(groups.values())
    ordered = sorted(words, key=lambda w: _centre(w, slope))
    lines: list[list[Word]] = []
    for word in ordered:
        if lines and abs(_centre(word, slope) - _centre(lines[-1][-1], slope)) < 0.5 * height:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def _rows(lines: list[list[Word]], slope: float, height: float) -> list[list[Word]]:
    """Lines whose centres are within ~half a line of each other form one row."""
    keyed = sorted(lines, key=lambda ws: statistics.median(_centre(w, slope) for w in ws))
    rows: list[list[Word]] = []
    last = None
    for line in keyed:
        centre = statistics.median(_centre(w, slope) for w in line)
        if rows and last is not None and abs(centre - last) < 0.6 * height:
            rows[-1].extend(line)
        else:
            rows.append(list(line))
            last = centre
    return [sorted(r, key=lambda w: w.box.left) for r in rows]


def _join_combs(words: list[Word], dropped: Sequence[Word], height: float) -> list[Word]:
    """Characters printed one to a box (a form's "comb": "5 7 5 3 - 9 1 8 6 - 2 3") are
    one value: four or more one-character words at an even pitch are joined into one word,
    with any separator kept as a word of its own between them,
    with any separator ("-", "/") printed in a box between them (a box that holds only a
    separator is no word of the layout, so it is found among the ``dropped`` ones)."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        j = i
        if _one_char(words[i]) and i + 1 < len(words) and _one_char(words[i + 1]):
            pitch = words[i + 1].box.left - words[i].box.left
            if 0 < pitch <= 4 * height:
                while j + 1 < len(words) and _comb_char(words[j + 1]):
                    step = (words[j + 1].box.left - words[j].box.left) / pitch
                    if not (0.7 <= step <= 1.3 or 1.7 <= step <= 2.3):
                        break
                    j += 1
                while not _one_char(words[j]):
                    j -= 1  # (a run ends on a character, not a separator)
        if sum(_one_char(w) for w in words[i : j + 1]) < 4 or _counting(words[i : j + 1]):
            out.append(words[i])
            i += 1
            continue
        text = ""
        for k in range(i, j + 1):
            text += words[k].text
            if k < j:
                gap = [
                    d.text
                    for d in dropped
                    if words[k].box.right <= d.box.left
                    and d.box.right <= words[k + 1].box.left
                    and abs(d.box.top - words[k].box.top) <= height
                    and d.text in ("-", "/", "–")
                ]
                text += "-" if gap and gap[0] == "–" else gap[0] if gap else ""
        run = words[i : j + 1]
        out.append(Word(text=text, box=union(w.box for w in run), line=run[0].line,
                        confidence=min(w.confidence for w in run)))  # fmt: skip
        i = j + 1
    return out


_SEPARATOR = re.compile(r"[/.\-–]")


def _separators_between_figures(
    words: list[Word], dropped: Sequence[Word], height: float
) -> list[Word]:
    """A separator OCR read as a word of its own between two figures ("16 / 10 / 2026",
    a date spaced out) holds the figures together: a word that is only "/", "-", "–" or
    "." (dropped as a speck, having no letter or figure) is put back between a word ending
    in a figure and one starting with one when it stands on their line, close to both (as
    close as the words of a cell are), so the date is one cell, not three (round 16)."""
    if len(words) < 2 or not dropped:
        return words
    out = [words[0]]
    for left, right in itertools.pairwise(words):
        if left.text[-1:].isdigit() and right.text[:1].isdigit():
            between = [
                d
                for d in dropped
                if _SEPARATOR.fullmatch(d.text)
                and left.box.right <= d.box.left
                and d.box.right <= right.box.left
                and d.box.left - left.box.right < 1.3 * height
                and right.box.left - d.box.right < 1.3 * height
                and abs((d.box.top + d.box.height / 2) - (left.box.top + left.box.height / 2))
                <= height / 2
            ]
            out.extend(between[:1])
        out.append(right)
    return out


def _counting(run: Sequence[Word]) -> bool:
    """Figures that count up by one, "1  2  3  4  5  6" (a calendar's week, the points of
    a scale, numbered boxes' own numbers), are so many numbers, not one value printed a
    figure to a box: a comb's figures do not count (round 27)."""
    figures = [w.text for w in run if _one_char(w)]
    return all(f.isdigit() for f in figures) and all(
        int(b) == int(a) + 1 for a, b in itertools.pairwise(figures)
    )


def _tails_rejoined(words: list[Word]) -> list[Word]:
    """A word's last figure or two that Tesseract gave as a word of their own inside the
    word's box ("KT40581 7", the "7" boxed over the end of "KT40581"): one word again
    (round 36). Words apart, however close, stay apart."""
    out: list[Word] = []
    for word in words:
        last = out[-1] if out else None
        if (
            last is not None
            and re.fullmatch(r"[A-Za-z0-9]{1,2}", word.text)
            and re.search(r"\d", last.text + word.text)
            and re.fullmatch(r"[A-Za-z0-9/-]{3,}", last.text)
            and word.box.left < last.box.right - word.box.width / 2
            and word.box.right >= last.box.right - word.box.width / 4
        ):
            out[-1] = attrs.evolve(
                last,
                text=last.text + word.text,
                box=union((last.box, word.box)),
                confidence=min(last.confidence, word.confidence),
            )
            continue
        out.append(word)
    return out


def _one_char(word: Word) -> bool:
    return len(word.text) == 1 and word.text.isalnum()


def _comb_char(word: Word) -> bool:
    """A character of a comb, or a separator in a box of its own where it was kept (text
    without word boxes keeps every word)."""
    return _one_char(word) or word.text in ("-", "/")


_LEGAL_FORM = re.compile(r"(?:ltd|limited|plc|llp)\.?", re.I)
# What OCR makes of a dotted or ruled leader between a label and its value: "oe", "a", "t".
_SPECKS = re.compile(r"[^\d£]{1,3}")


def _cells(page: int, row: int, words: list[Word], height: float) -> list[Cell]:
    cells: list[list[Word]] = []
    for word in words:
        # (a gap is wide for the words either side of it: capitals and bold are taller)
        tall = max(height, word.box.height, cells[-1][-1].box.height) if cells else height
        if cells and word.box.left - cells[-1][-1].box.right < 1.3 * tall:
            cells[-1].append(word)
        elif cells and _LEGAL_FORM.fullmatch(word.text):
            cells[-1].append(word)  # "SKIPTON PRINT WORKS   LTD": a name's legal form
        else:
            cells.append([word])
    out = []
    for cell in cells:
        if not any(re.search(r"[A-Za-z0-9£&]", w.text) for w in cell):
            continue  # a lone "|" with wide gaps: a ruled line between columns
        cell = _edges_unspecked(cell)
        fixed = tuple(attrs.evolve(w, text="I") if w.text == "|" else w for w in cell)
        out.append(Cell(page=page, row=row, words=fixed))
    return out


def _leader_speck(cell: Cell) -> bool:
    """A speck of a dotted or stained leader that OCR read with a figure in it ("«4,",
    "~7;"): one short word, read with little confidence (under 0.5), marks around at
    most one figure, no pound sign. Only passed over before a further cell (round 36)."""
    if len(cell.words) != 1:
        return False
    word = cell.words[0]
    return (
        len(word.text) <= 3
        and word.confidence < 0.5
        and sum(ch.isdigit() for ch in word.text) <= 1
        and bool(re.search(r"[^\w£]", word.text))
        and "£" not in word.text
    )


def _edges_unspecked(cell: list[Word]) -> list[Word]:
    """A cell without the specks OCR reads at its edges (round 16): a "|" first or last is
    a ruled line or a logo's bar beside the words ("Mid Devon District Council |"), not an
    "I"; a single letter read with low confidence (under 0.5) first or last is a speck of
    a logo ("A | Lincoln Magistrates' Court"). Text without word boxes (confidence 1)
    keeps every word, and a cell is never emptied."""
    words = list(cell)

    def speck(word: Word) -> bool:
        return word.text == "|" or (
            len(word.text) == 1 and word.text.isalpha() and word.confidence < 0.5
        )

    while len(words) > 1 and speck(words[0]):
        words.pop(0)
    while len(words) > 1 and speck(words[-1]):
        words.pop()
    return words


# -- label → value ----------------------------------------------------------------------


@frozen(kw_only=True)
class Hit:
    """A value read against a label: its words, where, and how it was placed."""

    label: str
    words: tuple[Word, ...]
    page: int
    place: str
    """``same`` cell, ``right`` of the label, ``below`` it, ``above`` it (a strip of
    values with their labels printed underneath, see ``_under_its_value``), or ``left``
    of it (a value printed before its label, the label last on its row)."""
    context: str
    """The label cell's whole text (for roles and penalties)."""
    row_text: str
    before: str = ""
    """The end of the row above, when the label cell starts in lower case: the cell then
    continues a sentence ("Firm / reference number 106078") and is no label of its own."""
    near: str = ""
    """The rows just above and below the label's (what block the label sits in: a bank's
    "Sort code" beside an "Account" makes it the bank account to pay into)."""
    header: bool = False
    """A ``below`` value under a table's column header ("Amount £"): the value's own row
    has a label in a column the header row also has, so the value is that row's."""

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def box(self) -> Box:
        return union(w.box for w in self.words)


# Words of labels that OCR often runs together ("Outstandingsum", "Ourref", "Duedate"
# when the gap between them is narrow): a token made of two of them is read as both.
_GLUED = frozenset(
    re.findall(
        r"\w+",
        "our your ref reference account number no outstanding sum balance total amount due"
        " date payment payments received since net gross pay claim issue of to by now owed"
        " arrears customer agreement client period",
    )
)


def _unglue(token: str) -> list[str]:
    if len(token) < 5 or token in _GLUED or not token.isalpha():
        return [token]
    for i in range(2, len(token) - 1):
        if token[:i] in _GLUED and token[i:] in _GLUED:
            return [token[:i], token[i:]]
    return [token]


_MERGE_POSSESSIVE = re.compile(r"(?<=[a-z])_s(?=_|\W|$)")


def norm_words(text: str) -> list[str]:
    return list(_norm_words(text))


@functools.lru_cache(maxsize=16384)
def _norm_words(text: str) -> tuple[str, ...]:
    lowered = text.lower().replace("’", "'")
    # a mail-merge field's code is its label: "[COURT_S_CLAIM_NO]" reads "court's claim
    # no" (its underscores are spaces, and a lone "s" after one a possessive; round 28)
    lowered = _MERGE_POSSESSIVE.sub("'s", lowered)
    tokens = re.sub(r"[^a-z0-9' ]+", " ", lowered).split()
    return tuple(part for token in tokens for part in _unglue(token))


# A file's name as software prints it in a page's header or footer: "rent_account_88.xlsx",
# "Statement 2026-11.pdf". Its words are no label: "account" in it names no account
# (round 27).
FILE_NAME = re.compile(
    r"\S+(?: \S+){0,3}\.(?:xlsx|xlsm|xls|ods|csv|numbers|pdf|docx?|odt|rtf|txt|html?)", re.I
)


_CellStarts = tuple[tuple[tuple[tuple[int, str], ...] | None, ...], ...]
_LABEL_CELLS: dict[int, tuple[Layout, frozenset[int], tuple[str, ...], _CellStarts]] = {}


def _label_cells(layout: Layout) -> tuple[frozenset[int], tuple[str, ...], _CellStarts]:
    """What ``find_label_hits`` reads of a layout whatever the label (it is asked for some
    fifty labels a page): the rows printed value first, each row's text, and for each cell
    the text a label may start at, ``(skip, its words from there joined)`` for each of
    ``label_starts`` (None for a file's name). Made once a layout, not once a label: the
    same values in half the time, 1.6 -> 0.8 ms a page (round ocrfast39). Kept for the
    last layouts seen, by identity (a layout is frozen; the entry holds it, so its id is
    not reused while kept)."""
    kept = _LABEL_CELLS.get(id(layout))
    if kept is not None and kept[0] is layout:
        return kept[1], kept[2], kept[3]
    starts: list[tuple[tuple[tuple[int, str], ...] | None, ...]] = []
    for row in layout.rows:
        row_starts: list[tuple[tuple[int, str], ...] | None] = []
        for cell in row:
            if FILE_NAME.fullmatch(cell.text):
                row_starts.append(None)
                continue
            tokens = norm_words(cell.text)
            row_starts.append(
                tuple((skip, " ".join(tokens[skip:])) for skip in label_starts(cell.text))
            )
        starts.append(tuple(row_starts))
    row_texts = tuple(" | ".join(c.text for c in row) for row in layout.rows)
    if len(_LABEL_CELLS) >= 64:
        _LABEL_CELLS.clear()
    entry = (layout, values_first_rows(layout), row_texts, tuple(starts))
    _LABEL_CELLS[id(layout)] = entry
    return entry[1:]


def find_label_hits(layouts: Sequence[Layout], label: re.Pattern[str]) -> list[Hit]:
    """Every value read against a cell that *starts* with ``label`` (a pattern over the
    cell's lower-cased words joined by single spaces)."""
    hits: list[Hit] = []
    for layout in layouts:
        values_first, row_texts, cell_starts = _label_cells(layout)
        for r, row in enumerate(layout.rows):
            row_text = row_texts[r]
            for c, cell in enumerate(row):
                starts = cell_starts[r][c]
                if starts is None:
                    continue  # (a file's name, "county_account_2291.xlsx", no label: r27)
                match, used = None, 0
                # (past an item's number, or the second version of a two-language label)
                for skip, words in starts:
                    match = label.match(words)
                    if match:
                        used = skip + len(match.group().split())
                        break
                if not match:
                    continue
                near = " | ".join(
                    o.text
                    for k in (r - 1, r + 1)
                    if 0 <= k < len(layout.rows)
                    for o in layout.rows[k]
                )
                first = len(hits)
                rest = _after_tokens(cell.words, used)
                before = _continued(layout, r, cell)
                if r in values_first:
                    # a key-facts table printed value first, label second (round 14): the
                    # label's value is on its left, whatever it holds; what is below is the
                    # next row's value, and a value cell is no label
                    if c == 1:
                        hits.append(
                            _hit(match.group(), row[0].words, layout.page, "left", cell,
                                 row_text, before)
                        )  # fmt: skip
                        hits[first:] = [attrs.evolve(h, near=near) for h in hits[first:]]
                    continue
                if rest:
                    hits.append(
                        _hit(match.group(), rest, layout.page, "same", cell, row_text, before)
                    )
                # (past the specks OCR reads in a leader: "Total balance  oe  a  £3,878.73")
                # (and past a section's number printed alone between the label and its
                # value, "Claim number | 2. | K1AB2345", round 32)
                right = next(
                    (
                        k
                        for k in range(c + 1, len(row))
                        if not _SPECKS.fullmatch(row[k].text)
                        and not (k + 1 < len(row) and _SECTION_ALONE.fullmatch(row[k].text))
                        and not (k + 1 < len(row) and _leader_speck(row[k]))
                    ),
                    None,
                )
                if right is not None and _grid_value_row(layout, r, cell, row[right]):
                    right = None  # (the cell right of it is another heading's value)
                if (
                    right is not None
                    and r + 1 < len(layout.rows)
                    and layout.row_tops[r + 1] - layout.row_tops[r] <= 5.0 * layout.line_height
                    and _boxes_apart(row, layout.rows[r + 1], 0.04 * layout.width)
                    and all(re.search(r"[\d£]", v.text) for v in layout.rows[r + 1])
                ):
                    # (the next label of a row of boxes over a row of figures, each under its
                    # own label: the value is under, round 41)
                    right = None
                if (
                    right is not None
                    and _paragraph_line(layout, r, row[right])
                    and _below(layout, r, cell) is not None
                ):
                    # (a line of a paragraph in a column beside the labels, its value is
                    # under the label: round 43)
                    right = None
                if (
                    right is not None
                    and not re.search(r"\d", " ".join(w.text for w in rest))
                    and _captions_over_captions(layout, r)
                    and _under_its_value(layout, r, cell)
                    and _under_its_value(layout, r, row[right])
                ):
                    # (a grid of rows of captions, each under its own value: the cell right
                    # of one is the next caption, no value of it, round 44)
                    right = None
                if right is not None:
                    hits.append(
                        _hit(
                            match.group(),
                            _past_section_number(_split_date(row, right)),
                            layout.page,
                            "right",
                            cell,
                            row_text,
                            before,
                        )
                    )
                elif not re.search(r"\d", " ".join(w.text for w in rest)):
                    # "16-08-2026      pay by": a value printed before its label, the label
                    # last on its row (past specks, as to the right)
                    left = next(
                        (k for k in range(c - 1, -1, -1) if not _SPECKS.fullmatch(row[k].text)),
                        None,
                    )
                    # (not a sentence beside a figure that has its own label on its
                    # left: a third column explaining each row, "Label | £X | What
                    # this means for you", round 30)
                    if (
                        left is not None
                        and _value_like(row[left])
                        and not (left > 0 and _words_only(row[left - 1]))
                    ):
                        hits.append(
                            _hit(match.group(), row[left].words, layout.page, "left", cell,
                                 row_text, before)
                        )  # fmt: skip
                translated = (
                    _translated_label_value(layout, r, cell)
                    if right is None and not re.search(r"\d", " ".join(w.text for w in rest))
                    else None
                )
                if translated is not None:  # (and what is below, as for any label)
                    hits.append(
                        _hit(match.group(), translated.words, layout.page, "above", cell,
                             row_text, "")
                    )  # fmt: skip
                if not re.search(r"\d", " ".join(w.text for w in rest)) and _under_its_value(
                    layout, r, cell
                ):
                    above = _aligned(layout, r, cell, -1)
                    assert above is not None
                    hits.append(
                        _hit(match.group(), above.words, layout.page, "above", cell, row_text, "")
                    )
                    hits[first:] = [attrs.evolve(h, near=near) for h in hits[first:]]
                    continue  # what is below such a label is the next label's value
                below = _below(layout, r, cell)
                # (a cell below that opens with a label of its own, "Suggested payment:
                # £12.00", holds that label's value, not this one's: round 12)
                if below is not None and not has_own_label(below.text):
                    hit = _hit(
                        match.group(), below.words, layout.page, "below", cell, row_text, before
                    )
                    header = (
                        _under_header(layout, row, below)
                        or _heads_a_column(layout, row, below)
                        or _heads_a_ledger(layout, row, below)
                    )
                    hits.append(attrs.evolve(hit, header=header))
                    total = _column_total(layout, r, below) if header else None
                    if total is not None:  # (the column's total is its value, round 40)
                        hits.append(
                            _hit(match.group(), total.words, layout.page, "below", cell,
                                 row_text, before)
                        )  # fmt: skip
                hits[first:] = [attrs.evolve(h, near=near) for h in hits[first:]]
    return hits


# A day alone ("13", "4th"), and a month opening the next cell ("January 2025").
_DAY_ALONE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
_MONTH_FIRST = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{2,4})?\b", re.I
)


# A table's row that adds up its columns: "Totals", "Total", "Total for the period".
_TOTAL_ROW = re.compile(r"(?:sub-?)?totals?(?: for (?:the |this )?(?:period|month|week|year))?")


def _column_total(layout: Layout, r: int, first: Cell) -> Cell | None:
    """The figure in the row that adds up the column ``first`` opens (its first cell
    "Totals", the figure in ``first``'s column, the table's rows running on without a
    gap from the header's row ``r``): under a column header ("Earned" over a payslip's
    lines), the column's total is the value the header names, not its first line (round
    40)."""
    tolerance = 0.04 * layout.width
    last = r
    for nr in range(r + 1, min(r + 20, len(layout.rows))):
        if layout.row_tops[nr] - layout.row_tops[last] > 2.4 * layout.line_height:
            return None
        last = nr
        row = layout.rows[nr]
        if len(row) < 2 or not _TOTAL_ROW.fullmatch(row[0].text.strip(" :").lower()):
            continue
        return next(
            (
                o
                for o in row[1:]
                if re.search(r"\d", o.text)
                and (
                    abs(o.right - first.right) <= tolerance or abs(o.left - first.left) <= tolerance
                )
            ),
            None,
        )
    return None


def _words_only(cell: Cell) -> bool:
    """A cell of words without a figure: a label's, or a sentence's."""
    return bool(re.search(r"[A-Za-z]{2}", cell.text)) and not re.search(r"\d|£", cell.text)


def _split_date(row: Sequence[Cell], right: int) -> Sequence[Word]:
    """The words of the value right of a label; a date that a gap OCR saw between its day
    and its month split into two cells ("13 | January 2025") is one value (round 18)."""
    cell = row[right]
    after = row[right + 1] if right + 1 < len(row) else None
    # a pound sign printed in a cell of its own, the figure right-aligned after it in a
    # box or a column ("Balance  |  £  |  1,234.56", round 23)
    # (not pounds and pence in columns of their own, "£ | 1,234 | 56": see ``_pounds_and_pence``)
    if (
        after is not None
        and re.fullmatch(r"£|GBP", cell.text.strip())
        and (right + 2 >= len(row) or re.search(r"\d[.,·]\d\d\b", after.text))
    ):
        return [*cell.words, *after.words]
    if (
        after is not None
        and _DAY_ALONE.fullmatch(cell.text.strip())
        and _MONTH_FIRST.match(after.text.strip())
    ):
        return [*cell.words, *after.words]
    return cell.words


def values_first_rows(layout: Layout) -> frozenset[int]:
    """The rows of a key-facts table printed value first, label second ("MDR0209 |
    Account no.", "12 May 2026 | Date of this letter", "A Lender Ltd | Who lent it", round
    14): three or more rows in a run, each of two cells in the same two columns, the
    right-hand cells all words without figures (labels) and most left-hand ones holding a
    figure (values). A table printed the usual way round (labels on the left) has its
    figures on the right, and is left alone."""
    tolerance = 0.04 * layout.width
    out: set[int] = set()
    run: list[int] = []

    def close() -> None:
        if len(run) >= 3:
            figures = sum(bool(re.search(r"\d", layout.rows[k][0].text)) for k in run)
            if 2 * figures > len(run):
                out.update(run)
        run.clear()

    for r, row in enumerate(layout.rows):
        fits = (
            len(row) == 2
            and not re.search(r"\d|£", row[1].text)
            and bool(re.search(r"[A-Za-z]", row[1].text))
            and len(row[1].words) <= 8
        )
        if fits and run:
            last = layout.rows[run[-1]]
            fits = (
                abs(row[0].left - last[0].left) <= tolerance
                and abs(row[1].left - last[1].left) <= tolerance
                and layout.row_tops[r] - layout.row_tops[run[-1]] <= 2.5 * layout.line_height
            )
            if not fits:
                close()
                fits = True  # (this row may open a run of its own)
        if fits:
            run.append(r)
        else:
            close()
    close()
    return frozenset(out)


def _hit(
    label: str, words: Sequence[Word], page: int, place: str, cell: Cell, row: str, before: str
) -> Hit:
    return Hit(
        label=label,
        words=tuple(words),
        page=page,
        place=place,
        context=cell.text,
        row_text=row,
        before=before,
    )


def _continued(layout: Layout, r: int, cell: Cell) -> str:
    """The last cell of the row above when ``cell`` begins in lower case (it continues
    that sentence), else ""."""
    first = next((ch for ch in cell.text if ch.isalpha()), "")
    if not first.islower() or r == 0 or not layout.rows[r - 1]:
        return ""
    # (a line gap measured in the two lines' own type: a sentence in large bold type runs
    # on across a wider gap than the page's body text, round 30)
    taller = max(
        layout.line_height,
        min(
            statistics.median(w.box.height for w in layout.rows[r - 1][-1].words),
            statistics.median(w.box.height for w in cell.words),
        ),
    )
    if layout.row_tops[r] - layout.row_tops[r - 1] > 2.5 * taller:
        return ""
    return layout.rows[r - 1][-1].text


def _after_tokens(words: Sequence[Word], used: int) -> tuple[Word, ...]:
    """The cell's words after the first ``used`` label tokens (punctuation-only words such
    as a lone ":" do not count as tokens)."""
    seen = 0
    for i, word in enumerate(words):
        count = len(norm_words(word.text))
        if seen >= used and count:
            return tuple(words[i:])
        seen += count
    return ()


def _heads_a_column(layout: Layout, header_row: Sequence[Cell], value: Cell) -> bool:
    """Whether ``value`` is the first of a column of values under a table's header row
    ("Date | Time | Message" over a log of messages, each row dated): the header row has
    three cells or more and no figure, and a row within the next few lines holds another
    value of the same shape (figures and letters in the same runs: "2025-04-21" and
    "2025-05-10", "1 Mar" and "15 Mar") starting in the value's column. The value is then
    the first row's, one of many, not the one value of its header (the letter's own date
    is elsewhere); a header strip over one row of values ("Invoice | Dated | Claim" over
    "GD1 | 1 May | £5") has nothing of its shape under it (an address's "3 Orchard Close"
    under a reference is no second reference)."""
    if len(header_row) < 3 or any(re.search(r"\d", c.text) for c in header_row):
        return False
    tolerance = 0.04 * layout.width
    shape = _shape(value.text)
    for nr in range(value.row + 1, min(value.row + 4, len(layout.rows))):
        if layout.row_tops[nr] - layout.row_tops[value.row] > 4.5 * layout.line_height:
            return False
        for c in layout.rows[nr]:
            if abs(c.left - value.left) <= tolerance and _value_like(c) and _shape(c.text) == shape:
                return True
    return False


# A ledger's column headings: what each row of a statement or account history says it was.
_LEDGER_HEADING = re.compile(
    r"^(?:description|details|transaction(?: details| type)?|particulars|narrative"
    r"|type|item|activity|payee|reference|memo)$",
    re.I,
)


def _heads_a_ledger(layout: Layout, header_row: Sequence[Cell], value: Cell) -> bool:
    """Whether ``header_row`` heads a ledger of one row or more ("Date | Description |
    Amount" over "03/10/2026 | Payment received | £50.00", round 23): three or more cells
    without figures, one of them a ledger's heading (what each row was), and the value's
    own row starts with a figure and has cells under two or more of the headings. The value
    is that entry's (a payment's date, its amount), not the one value its heading names;
    ``_header_of_columns`` asks for a second such row, which a statement of one entry (a
    last payment, a single charge) has not."""
    if len(header_row) < 3 or any(re.search(r"\d", c.text) for c in header_row):
        return False
    if not any(_LEDGER_HEADING.match(c.text.strip().rstrip(":")) for c in header_row):
        return False
    row = layout.rows[value.row]
    if not re.search(r"\d", row[0].text):
        return False
    tolerance = 0.04 * layout.width
    heads = {
        h
        for c in row
        for h, head in enumerate(header_row)
        if abs(c.left - head.left) <= tolerance or abs(c.right - head.right) <= tolerance
    }
    return len(heads) >= 2


def _shape(text: str) -> str:
    """A value's shape: each run of figures a 9, each run of letters an a."""
    return re.sub(
        r"a+", "a", re.sub(r"9+", "9", re.sub(r"\d", "9", re.sub(r"[^\W\d_]", "a", text)))
    )


def _under_header(layout: Layout, header_row: Sequence[Cell], value: Cell) -> bool:
    """Whether ``value`` is the first row of a table under a column header ("Description |
    Amount £" over "Balance … | 1,177.25" and more such rows): its row and the next have
    a label in a column the header's row also has, and a figure in the value's column.
    The value then belongs to its own row's label, not to the column header. (An address
    block beside a sidebar's "Customer number" has no second row of figures.)"""
    tolerance = 0.04 * layout.width
    heads = [c.left for c in header_row if c.right < value.left]

    def table_row(index: int) -> bool:
        if index >= len(layout.rows):
            return False
        row = layout.rows[index]
        labelled = any(
            c.right < value.left
            and re.search(r"[A-Za-z]", c.text)
            and any(abs(c.left - h) <= tolerance for h in heads)
            for c in row
        )
        figure = any(
            abs(c.left - value.left) <= tolerance and re.search(r"\d", c.text) for c in row
        )
        return labelled and figure

    if table_row(value.row) and table_row(value.row + 1):
        return True
    return _header_of_columns(layout, header_row, value)


def _figure_first(row: Sequence[Cell]) -> bool:
    """Whether a row opens with a figure; a row OCR left no cell in has none (round 36)."""
    return bool(row) and bool(re.search(r"\d", row[0].text))


def _header_of_columns(layout: Layout, header_row: Sequence[Cell], value: Cell) -> bool:
    """Whether ``header_row`` heads a table's columns ("Date | Details | £" over rows of
    transactions): three or more cells without figures, and the value's row and the next
    each have cells under two or more of them. A value under such a header is the first
    row's, not the one the column's label names ("Date" over "17.01.26" is no letter
    date). Rows of a table start with a figure (a date, a number), not a label."""
    if len(header_row) < 3 or any(re.search(r"\d", c.text) for c in header_row):
        return False
    tolerance = 0.04 * layout.width

    def under(index: int) -> bool:
        if index >= len(layout.rows) or not _figure_first(layout.rows[index]):
            return False  # (a grid of label rows and value rows: the next row is labels)
        heads = {
            h
            for c in layout.rows[index]
            for h, head in enumerate(header_row)
            if abs(c.left - head.left) <= tolerance or abs(c.right - head.right) <= tolerance
        }
        return len(heads) >= 2

    return under(value.row) and under(value.row + 1)


# A span of time counted: "4 weeks", "28 days", "12 months".
_SPAN = re.compile(r"\b\d{1,3} (?:weeks?|days?|months?|years?)\b", re.I)


def _grid_value_row(layout: Layout, r: int, cell: Cell, right: Cell) -> bool:
    """Whether ``cell`` and ``right`` are two values of a grid of boxes, each under its own
    heading ("Pay cycle | Basic (150 h)" over "Paid monthly | 2,131.50", round 25): the row
    above, within a line's pitch, is three or more headings (words, a figure only in
    brackets) that head three or more of this row's cells column by column (one over
    ``cell``, another over ``right``), ``cell`` holds no figure and ``right`` does, and the
    row below puts no figure under ``right`` (a table whose rows go on reads each row's
    label with its figures)."""
    # (a count of weeks or days is no figure of a value's: "Paid every 4 weeks", round 41)
    if r == 0 or not re.search(r"\d", right.text) or re.search(r"\d", _SPAN.sub("", cell.text)):
        return False
    if layout.row_tops[r] - layout.row_tops[r - 1] > 2.4 * layout.line_height:
        return False
    tolerance = 0.04 * layout.width
    # (a heading is words, a figure only in brackets, "Basic (150 h)"; "MTF0093753156" or
    # "2,399.13 (GBP)" over a cell is a value of a row of labels and values)
    heads = list(layout.rows[r - 1])
    if len(heads) < 3 or not all(
        re.search(r"[A-Za-z]{3}", c.text) and not re.search(r"\d", re.sub(r"\([^)]*\)", "", c.text))
        for c in heads
    ):
        return False  # (a row of labels and values, "Paid on | 19 April 2026 | …", is no heading)

    def headed(value: Cell) -> bool:
        return any(abs(h.left - value.left) <= tolerance for h in heads)

    if not (headed(cell) and headed(right)) or sum(headed(c) for c in layout.rows[r]) < 3:
        return False
    if r + 1 < len(layout.rows) and (
        layout.row_tops[r + 1] - layout.row_tops[r] <= 2.4 * layout.line_height
    ):
        return not any(
            abs(o.left - right.left) <= tolerance and re.search(r"\d", o.text)
            for o in layout.rows[r + 1]
        )
    return True


def _lower_case_words(cell: Cell) -> bool:
    """Whether most words after the first begin in lower case, as a label's do ("Claim
    total with fee and costs"), not a name's ("Beacon Fuel & Power Ltd")."""
    rest = [w.text for w in cell.words[1:]]
    return bool(rest) and 2 * sum(t[:1].islower() for t in rest) > len(rest)


def _value_like(cell: Cell) -> bool:
    """A short cell with a figure in it: a value, not a label or a sentence."""
    return len(cell.words) <= 6 and bool(re.search(r"\d", cell.text))


def _label_like(cell: Cell, most: int = 5, rate: bool = False) -> bool:
    """Words without figures, short (``most`` words at most): a label, or a name (which
    only its place tells). ``rate``: a percentage is a label's word ("Arrears with the 8%
    addition", round 38)."""
    text = re.sub(r"\d{1,3}(?:\.\d{1,2})?\s?%", " ", cell.text) if rate else cell.text
    return (
        len(cell.words) <= most
        and not re.search(r"\d|£", text)
        and bool(re.search(r"[A-Za-z]", text))
    )


def _aligned(layout: Layout, r: int, cell: Cell, step: int) -> Cell | None:
    """The cell in the row just above (``step`` -1) or below (+1), within about a line's
    pitch, that starts in ``cell``'s column."""
    nr = r + step
    if not 0 <= nr < len(layout.rows):
        return None
    # (a row pitch is about 1.5-2 word heights; a blank line makes it 3 or more; a bold
    # net pay is taller than the page's body text)
    other = [w.box.height for c in layout.rows[nr] for w in c.words]
    tall = max(layout.line_height, *(w.box.height for w in cell.words), *other)
    if abs(layout.row_tops[nr] - layout.row_tops[r]) > 2.4 * tall:
        return None
    tolerance = 0.04 * layout.width
    # (a label under a right-aligned amount is often right-aligned too: "£388.49 / Net Pay")
    # (or centred under it, a short value over a long caption in a grid of tiles, round 46)
    middle = (cell.left + cell.right) / 2
    return next(
        (
            o
            for o in layout.rows[nr]
            if abs(o.left - cell.left) <= tolerance
            or abs(o.right - cell.right) <= tolerance
            or abs((o.left + o.right) / 2 - middle) <= tolerance / 2
        ),
        None,
    )


def _under_its_value(layout: Layout, r: int, cell: Cell, depth: int = 0) -> bool:
    """Whether the label ``cell`` is printed *under* its value, as on reference strips,
    payslips' signature strips and reply forms ("62133389 / Account reference"):

    * the label is short and has no value of its own (nothing in its cell, no figure to
      its right);
    * the cell just above, in its column, is short (a value, not a sentence), and is not
      itself the value of a label above *it* that reads downwards;
    * below the label there is no value, or only one that has a label of its own under
      it (the next pair of the strip)."""
    # (a caption may be long, worded as a label: "Whole sum claimed, with fee and costs" under
    # its sum, round 44)
    if depth > 6 or not _caption_like(cell):
        return False
    row = layout.rows[r]
    index = row.index(cell)
    if index + 1 < len(row) and re.search(r"\d", row[index + 1].text):
        return False  # "Claim no.    K1AB2345": the value is to the right
    above = _aligned(layout, r, cell, -1)
    if above is None or len(above.words) > 6 or len(layout.rows[r - 1]) < len(row):
        return False  # (a heading over a table's header row is no value strip)
    if re.fullmatch(r"[A-Za-z]{1,3}\.?", above.text.strip()):
        return False  # (a tile's symbol, "Id" over "Invoice drawn", is no value: round 41)
    if re.fullmatch(r"\D{1,3}", above.text.strip()) and not re.search(r"[£$€]", above.text):
        return False  # (nor a speck OCR read from a punched hole or a clip, "C)", "©": r43)
    over = _aligned(layout, r - 1, above, -1)
    if (
        over is not None
        # (a label over it may be long, "Claim total with fee and costs / £X / Claimant /
        # Y": £X is that label's, round 25; worded as a label, not a name in capitals)
        # (a rate in a long label is one of its words: "Arrears with the 8% addition",
        # round 38)
        and (
            _label_like(over) or (_label_like(over, most=8, rate=True) and _lower_case_words(over))
        )
        and not _under_its_value(layout, r - 2, over, depth + 1)
    ):
        return False  # "Account number / 12345678 / Balance": 12345678 is the first's
    below = _aligned(layout, r, cell, 1)
    if _label_like(above) and below is not None and _value_like(below):
        return False  # "For court use only / Claim no. / 1VT7…": words over, a figure under
    if below is None or len(below.words) > 6:
        return True
    under = _aligned(layout, r + 1, below, 1)
    return under is not None and _caption_like(under)


def _captions_over_captions(layout: Layout, r: int) -> bool:
    """Whether row ``r`` is a row of captions in a grid whose rows of values each sit over a
    row of captions: the row two above has as many cells, each in the same column, each
    worded as a caption (round 44). A table of labels beside their values ("Payment |
    £81.90", "How often | every week") has no such row."""
    row = layout.rows[r]
    if r < 2 or len(row) < 2 or len(layout.rows[r - 2]) != len(row):
        return False
    tolerance = 0.04 * layout.width
    return all(
        abs(o.left - c.left) <= tolerance and _caption_like(o)
        for o, c in zip(layout.rows[r - 2], row, strict=True)
    )


def _caption_like(cell: Cell) -> bool:
    """A label's words (``_label_like``), or up to eight worded as a label, most in small
    letters ("Sum of the judgment (fee and costs in)"), round 44."""
    return _label_like(cell) or (_label_like(cell, most=8) and _lower_case_words(cell))


_SMALL_WORD = re.compile(r"(?<!\S)[a-z][a-z'’,.:;]*(?!\S)")


def _paragraph_line(layout: Layout, r: int, cell: Cell) -> bool:
    """Whether ``cell`` is a line of a paragraph set in a column of its own beside a column
    of labels, each over its value (round 43: "Posted" over its date, and beside it "us to
    spread them out, by 12 October 2027.", the paragraph's line that ends on its deadline):
    three words or more in small letters, and a line of the same column, just above or
    below, starting at its left, of six or more."""
    if len(_SMALL_WORD.findall(cell.text)) < 3:
        return False
    tolerance = 0.02 * layout.width
    for k in (r - 1, r + 1):
        if not 0 <= k < len(layout.rows):
            continue
        if abs(layout.row_tops[k] - layout.row_tops[r]) > 2.0 * layout.line_height:
            continue
        for other in layout.rows[k]:
            if (
                abs(other.left - cell.left) <= tolerance
                and len(_SMALL_WORD.findall(other.text)) >= 6
            ):
                return True
    return False


def _below(layout: Layout, r: int, cell: Cell) -> Cell | None:
    """The cell in the next row, within 2.5 line heights, that starts in the label's
    column (its left edge within the label's width, or overlapping it)."""
    if r + 1 >= len(layout.rows):
        return None
    top = layout.row_tops[r]
    for nr in range(r + 1, min(r + 3, len(layout.rows))):
        if layout.row_tops[nr] - top > 3.2 * layout.line_height and not (
            nr == r + 1
            and layout.row_tops[nr] - top <= 5.0 * layout.line_height
            and _boxes_apart(layout.rows[r], layout.rows[nr], 0.04 * layout.width)
        ):
            return None
        tolerance = 0.04 * layout.width
        for other in layout.rows[nr]:
            if abs(other.left - cell.left) <= tolerance:
                return other
        # (a value set in from its heading, centred or right-aligned under it, as a grid
        # of boxes prints it: "Account number" over "   AF2281734", round 23; not the
        # first of a column of values, a table's, which the rows after go on)
        for other in layout.rows[nr]:
            if (
                cell.left < other.left < cell.right
                or abs(other.right - cell.right) <= tolerance
                or abs((other.left + other.right) / 2 - (cell.left + cell.right) / 2) <= tolerance
            ) and not _column_goes_on(layout, nr, other):
                return other
        tier = _in_its_tier(layout.rows[r], layout.rows[nr], cell)
        if tier is not None:
            return tier
        # (a grid of boxes, each value set anywhere in its label's box, right of where the
        # label's column starts: "Case no. at X" over "   R5NB636J" far to its right, r41)
        heads, values = layout.rows[r], layout.rows[nr]
        if cell in heads and _boxes_apart(heads, values, tolerance):
            return values[heads.index(cell)]
        # (a row of other columns' cells only, none over the label's: on a skewed scan a
        # column's values fall a row lower than the next column's, round 16)
        if any(o.left < cell.right and o.right > cell.left for o in layout.rows[nr]):
            return None
        # (a row of labels where another label wraps to a second line: the values are
        # under that line, so their distance counts from it, round 29)
        if _wraps_a_label(layout, r, nr):
            top = layout.row_tops[nr]
    return None


def _boxes_apart(heads: Sequence[Cell], values: Sequence[Cell], tolerance: float) -> bool:
    """A row of two or more labels (words, no figure) over a row of as many values, each
    value in its label's box (under the label, past the label before it, starting before
    the next): a grid of
    tall boxes whose values are set low in them, further below their labels than a line or
    three (round 41)."""
    if len(heads) < 2 or len(values) != len(heads):
        return False
    if any(
        re.search(r"\d", _SPAN.sub("", h.text)) or not re.search(r"[A-Za-z]{3}", h.text)
        for h in heads
    ):
        return False
    for i, (h, v) in enumerate(zip(heads, values, strict=True)):
        nxt = heads[i + 1].left if i + 1 < len(heads) else float("inf")
        before = heads[i - 1].right if i else float("-inf")
        # (set at its box's left, or centred under its label however wide)
        if not (before < v.left < nxt - tolerance and v.right > h.left):
            return False
    return True


def _in_its_tier(heads: Sequence[Cell], values: Sequence[Cell], cell: Cell) -> Cell | None:
    """The value of label ``cell`` in a tier of boxed cells (round 35): a row of two or more
    labels over a row of as many figures, each label at its box's left and its figure at
    the box's right, under none of them ("Basic | Allowance | Gross pay" over "596.84 |
    27.50 | 669.34", each figure right of its own label and left of the next label). The
    figure in the label's place, where every figure lies so."""
    if len(heads) < 2 or len(values) != len(heads) or cell not in heads:
        return None
    if any(re.search(r"\d", h.text) for h in heads) or not all(
        re.fullmatch(r"[£-]?\d[\d,]*\.\d\d", v.text.strip()) for v in values
    ):
        return None
    for i, (h, v) in enumerate(zip(heads, values, strict=True)):
        nxt = heads[i + 1].left if i + 1 < len(heads) else float("inf")
        if not (v.left >= h.left and v.right <= nxt):
            return None
    return values[heads.index(cell)]


def _wraps_a_label(layout: Layout, r: int, nr: int) -> bool:
    """Whether row ``nr`` holds only words that go on from labels of row ``r`` (several
    labels side by side): each cell starts where one of row ``r``'s cells does, holds no
    figure, and opens in lower case ("Amount of the | judgment")."""
    heads = layout.rows[r]
    tolerance = 0.01 * layout.width
    return len(heads) >= 2 and all(
        not re.search(r"\d", o.text)
        and o.text[:1].islower()
        and any(abs(o.left - h.left) <= tolerance for h in heads)
        for o in layout.rows[nr]
    )


def _column_goes_on(layout: Layout, r: int, cell: Cell) -> bool:
    """Whether the row after ``r`` holds a value-like cell in ``cell``'s column (the same
    left or right edge): ``cell`` is then a table column's first value."""
    if r + 1 >= len(layout.rows):
        return False
    if layout.row_tops[r + 1] - layout.row_tops[r] > 2.4 * layout.line_height:
        return False
    tolerance = 0.02 * layout.width
    return any(
        _value_like(o)
        and (abs(o.left - cell.left) <= tolerance or abs(o.right - cell.right) <= tolerance)
        for o in layout.rows[r + 1]
    )


def _translated_label_value(layout: Layout, r: int, cell: Cell) -> Cell | None:
    """A form in two languages that prints each label twice, the second language's under
    the first's, with one value right of the pair ("Cyflog gros   £684.36" over "Gross
    pay", round 16): the value of a label cell alone on its row is the one right of the
    label on the row just above when that row is a label (words without figures, starting
    where this one does) and one value, and nothing value-like is below this label (a
    label whose value is printed under it keeps it)."""
    if r == 0 or len(layout.rows[r]) != 1:
        return None
    above = layout.rows[r - 1]
    if len(above) != 2 or not _label_like(above[0]) or not _value_like(above[1]):
        return None
    if _note(above[1]):
        return None  # (a note written beside a signature, "paid £50 last wk": round 28)
    if abs(above[0].left - cell.left) > layout.line_height:
        return None
    if layout.row_tops[r] - layout.row_tops[r - 1] > 2.2 * layout.line_height:
        return None
    below = _below(layout, r, cell)
    if below is not None and _value_like(below):
        return None
    return above[1]


def _note(cell: Cell) -> bool:
    """A note in words around a figure, opening in lower case as a hand jots it in a
    margin ("paid £50 last wk", "rang 17/4", "said £40 ok?"): no printed value, which is
    a figure alone or after a capital (round 28)."""
    words = cell.words
    return (
        len(words) >= 2
        and words[0].text[:1].islower()
        and words[0].text.isalpha()
        and any(re.search(r"\d", w.text) for w in words[1:])
    )


def cell_below(layout: Layout, r: int, cell: Cell) -> Cell | None:
    """The cell just below ``cell`` (row ``r``) in its column, if any."""
    return _below(layout, r, cell)


def cell_above(layout: Layout, r: int, cell: Cell) -> Cell | None:
    """The cell just above ``cell`` (row ``r``), within a line's pitch, in its column."""
    return _aligned(layout, r, cell, -1)


def carry_headers(layouts: Sequence[Layout]) -> list[Layout]:
    """A table whose header row ends one page and whose row of values opens the next
    ("The details of your account are set out overleaf"): the values are copied under
    their header on the first page, column by column, so each is read below its label.
    (The page's own row stays where it is.)"""
    out = list(layouts)
    for i in range(len(out) - 1):
        page, nxt = out[i], out[i + 1]
        head = next(
            (
                r for r in range(len(page.rows) - 1, max(len(page.rows) - 4, -1), -1)
                if len(page.rows[r]) >= 3
                and not any(re.search(r"\d", c.text) for c in page.rows[r])
            ),
            None,
        )  # fmt: skip
        if head is None:
            continue
        header = page.rows[head]
        values = next(
            (
                row for row in nxt.rows[:3]
                if len(row) >= 3 and sum(bool(re.search(r"\d", c.text)) for c in row) >= 2
            ),
            None,
        )  # fmt: skip
        if values is None:
            continue
        tol = 3 * max(page.line_height, nxt.line_height)
        aligned = sum(any(abs(v.left - h.left) <= tol for h in header) for v in values)
        if aligned < max(2, (2 * len(values)) // 3):
            continue
        top = page.row_tops[head] + 1.8 * page.line_height
        shift = top - min(w.box.top for v in values for w in v.words)
        moved = tuple(
            attrs.evolve(
                v,
                page=page.page,
                row=head + 1,
                words=tuple(
                    attrs.evolve(w, box=attrs.evolve(w.box, top=round(w.box.top + shift)))
                    for w in v.words
                ),
            )
            for v in values
        )
        rows = (*page.rows[: head + 1], moved, *page.rows[head + 1 :])
        tops = (*page.row_tops[: head + 1], top, *page.row_tops[head + 1 :])
        marked = tuple(r + (r > head) for r in page.marked)
        out[i] = attrs.evolve(page, rows=rows, row_tops=tops, marked=marked)
    return out


def _key(cell: Cell | None) -> str | None:
    """A row's key in a table's first column ("01", "7"; OCR's "O1" and "l2" read as
    figures), or None."""
    if cell is None:
        return None
    text = as_figures(cell.text.strip(), KEY_LETTERS)
    if not _LINE_NUMBER.fullmatch(text):
        return None
    return text.lstrip("0") or "0"


def _table_cells(layout: Layout, head: int, column: Cell) -> list[tuple[int, Cell, Cell | None]]:
    """The rows of the table under header row ``head`` (each row within 2.5 line heights of
    the last): each row's cell under the heading ``column`` and its key cell (in the first
    heading's column), until a row with nothing under ``column``."""
    tolerance = 0.04 * layout.width
    first = layout.rows[head][0]
    out: list[tuple[int, Cell, Cell | None]] = []
    last = layout.row_tops[head]
    for r in range(head + 1, len(layout.rows)):
        if layout.row_tops[r] - last > 2.5 * layout.line_height:
            break
        under = next((c for c in layout.rows[r] if abs(c.left - column.left) <= tolerance), None)
        if under is None:
            break
        key = next(
            (
                c
                for c in layout.rows[r]
                if c.right <= under.left and abs(c.left - first.left) <= tolerance
            ),
            None,
        )
        out.append((r, under, key))
        last = layout.row_tops[r]
    return out


def _squeezed(cell: Cell, page: int, row: int, left: float, right: float, top: int) -> Cell:
    """``cell``'s words set between ``left`` and ``right`` on another page's row (their
    widths scaled to fit), at ``top``."""
    span = max(1, cell.right - cell.left)
    scale = max(0.05, min(1.0, (right - left) / span))
    words = tuple(
        attrs.evolve(
            w,
            box=Box(
                left=round(left + (w.box.left - cell.left) * scale),
                top=top,
                width=max(1, round(w.box.width * scale)),
                height=w.box.height,
            ),
        )
        for w in cell.words
    )
    return Cell(page=page, row=row, words=words)


def carry_row_labels(layouts: Sequence[Layout]) -> list[Layout]:
    """A table too wide for its paper, its *columns* run on to the next page ("columns D
    to F continue on page 2"): the next page repeats the first column's heading ("Line",
    "No.") over the same rows in the same order, with the other columns' headings new, so
    its values have no labels on their page. Each row's label (the first page's second
    column, words without figures in most rows) is set before that row's value on the
    next page, so each value is read beside its label. The rows are paired in order (OCR
    often loses the key column's small figures), and only where both pages have as many
    rows and no pair of keys disagrees (round 33)."""
    out = list(layouts)
    for j in range(1, len(out)):
        page, nxt = out[j - 1], out[j]
        for h1, head1 in enumerate(page.rows):
            if len(head1) < 2 or not all(_words_only(c) for c in head1):
                continue
            for h2, head2 in enumerate(nxt.rows):
                if (
                    len(head2) < 2
                    or not all(_words_only(c) for c in head2)
                    or norm_words(head2[0].text) != norm_words(head1[0].text)
                    or abs(head2[0].left / nxt.width - head1[0].left / page.width) > 0.04
                    or any(
                        norm_words(a.text) == norm_words(b.text)
                        for a in head1[1:]
                        for b in head2[1:]
                    )
                ):
                    continue
                labels = _table_cells(page, h1, head1[1])
                values = _table_cells(nxt, h2, head2[1])
                if len(labels) < 2 or len(labels) != len(values):
                    continue
                if 3 * sum(_label_like(c, most=8) for _, c, _ in labels) < 2 * len(labels):
                    continue
                if any(
                    _key(a) is not None and _key(b) is not None and _key(a) != _key(b)
                    for (_, _, a), (_, _, b) in zip(labels, values, strict=True)
                ):
                    continue
                rows = list(nxt.rows)
                for (_, label, _), (r, value, _) in zip(labels, values, strict=True):
                    if not _label_like(label, most=8):
                        continue
                    row = rows[r]
                    at = row.index(value)
                    start = max([head2[0].right, *(c.right for c in row[:at])])
                    gap = 0.3 * nxt.line_height
                    moved = _squeezed(
                        label, nxt.page, r, start + gap, value.left - gap, value.box.top
                    )
                    rows[r] = (*row[:at], moved, *row[at:])
                nxt = attrs.evolve(nxt, rows=tuple(rows))
                out[j] = nxt
                break
            else:
                continue
            break
    return out
