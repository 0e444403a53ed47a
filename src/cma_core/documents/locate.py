"""Where on the page a value an assistant read is printed, for an assistant that reads
text only and says nothing of position (the OpenAI adapter: a chat model is sent the
text, never the word boxes).

The adviser checks every suggestion against the page (``FieldEvidence``: page and box);
without a box a value would have to be hunted for. Given the values and the pages' word
boxes, each value is looked for as printed: the first run of words in reading order (a
run may wrap to the next line) whose letters and figures spell it (a name, a reference, a
claim number), whose amount is the value (``£1,234.56``, ``£1 234.56``, ``GBP 1,234.56``,
``£***1,234.56``, ``£1,234·56``, pence in a column of their own), or whose date is the
value in any of the usual printed shapes (``4 December 2026``, ``the 4th day of December
2026``, ``04/12/2026``, ``04.12.26``, ``December 4, 2026``, ``2026-12-04``,
``4.XII.2026``). A value printed nowhere keeps no box, which the console says ("not
located on the page").

Nothing here reads a field: it finds what was already read, so it adds no guess. Nor does
``read_confidences``, which says how sure the OCR was of the words each value was read
from, whichever assistant chose it, so that the console can ask the adviser to check a
value the scan made hard to read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence

from attrs import evolve

from cma_core.documents.model import (
    Box,
    Extraction,
    FieldEvidence,
    PageSource,
    PageText,
    Word,
    evidence_value,
)

#: The fields an ``Extraction`` may hold, in the order the console lists them.
_TEXT_FIELDS = (
    "creditor_name",
    "original_creditor",
    "account_reference",
    "court_claim_number",
    "payer_name",
)
_MONEY_FIELDS = ("balance_pence", "income_pence", "gross_pence")
_DATE_FIELDS = ("letter_date", "deadline_date", "served_date")

#: The longest run of words a value is looked for in (a long firm's name, a date with a
#: weekday, an amount split by OCR).
_MOST_WORDS = 8

_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
_FILLERS = frozenset({"day", "of", "the"})
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_AMOUNT = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:[.·-](\d{1,2}))?$")
_COLUMNS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+) (\d{2})$")

_Match = Callable[[Sequence[Word]], bool]


def locate_evidence(extraction: Extraction, pages: Sequence[PageText]) -> tuple[FieldEvidence, ...]:
    """One chosen ``FieldEvidence`` per value ``extraction`` holds, boxed where the value
    is printed on ``pages`` (by their words), or with no box if it is printed nowhere (or
    the pages carry no words)."""
    lines = [(page.number, line) for page in pages for line in page_lines(page.words)]
    first_page = pages[0].number if pages else 1
    out: list[FieldEvidence] = []
    for field, value in _values(extraction):
        found = _find(field, value, lines)
        page, box = found if found is not None else (first_page, None)
        out.append(
            FieldEvidence(field=field, value=evidence_value(value), page=page, box=box, chosen=True)
        )
    return tuple(out)


def read_confidences(
    evidence: Sequence[FieldEvidence], pages: Sequence[PageText]
) -> tuple[FieldEvidence, ...]:
    """``evidence`` with each boxed value's ``read_confidence``: the least OCR confidence
    of the words whose centre is in its box on an OCR'd page, counting only words with two
    or more letters or figures (a stray mark or a lone "£" read unsurely says nothing of
    the value). A value on a text layer, unboxed, or over no such word keeps ``None``."""
    by_number = {p.number: p for p in pages if p.source is PageSource.OCR and p.words}
    out = []
    for e in evidence:
        page = by_number.get(e.page)
        sure = None if page is None or e.box is None else _least_sure(page.words, e.box)
        out.append(e if sure == e.read_confidence else evolve(e, read_confidence=sure))
    return tuple(out)


def _least_sure(words: Sequence[Word], box: Box) -> float | None:
    inside = [
        w.confidence
        for w in words
        if box.left <= w.box.left + w.box.width / 2 <= box.right
        and box.top <= w.box.top + w.box.height / 2 <= box.bottom
        and len(_NOT_WORD.sub("", w.text.lower())) >= 2
    ]
    return round(min(inside), 2) if inside else None


def _values(extraction: Extraction) -> Iterator[tuple[str, object]]:
    for field in (*_TEXT_FIELDS, *_MONEY_FIELDS, *_DATE_FIELDS):
        value = getattr(extraction, field)
        if value is not None and value != "":
            yield field, value
    if extraction.frequency:
        yield "frequency", extraction.frequency


def _find(
    field: str, value: object, lines: Sequence[tuple[int, Sequence[Word]]]
) -> tuple[int, Box] | None:
    if isinstance(value, dt.date):
        wanted = _date_keys(value)
        return _first(lines, lambda run: _date_key(run) in wanted)
    if isinstance(value, int):
        return _first(lines, lambda run: _amount(run) == value)
    if field == "frequency":
        return None  # a period is seldom printed as such ("per month", "4-weekly"…)
    key = _letters_and_figures(str(value))
    if not key:
        return None
    return _first(lines, lambda run: _letters_and_figures("".join(w.text for w in run)) == key)


def _first(lines: Sequence[tuple[int, Sequence[Word]]], matches: _Match) -> tuple[int, Box] | None:
    """The first run of words in reading order that ``matches``, the shortest from where
    it starts. A run may go on from one line's end to the next line's start (a name
    wrapped in a sentence), never from one page to the next."""
    pages: dict[int, list[Word]] = {}
    for page, words in lines:
        pages.setdefault(page, []).extend(words)
    for page, words in pages.items():
        for start in range(len(words)):
            for size in range(1, min(_MOST_WORDS, len(words) - start) + 1):
                run = words[start : start + size]
                if matches(run):
                    return page, box_around(w.box for w in run)
    return None


def page_lines(words: Sequence[Word]) -> list[list[Word]]:
    """The page's words as lines, top to bottom, each left to right: by the extractor's
    line numbers where it gave them, else by words whose boxes share a middle height."""
    if not words:
        return []
    if any(w.line for w in words):
        by_line: dict[int, list[Word]] = {}
        for w in words:
            by_line.setdefault(w.line, []).append(w)
        groups = list(by_line.values())
    else:
        groups = []
        for w in sorted(words, key=lambda w: (w.box.top, w.box.left)):
            middle = w.box.top + w.box.height / 2
            for group in groups:
                last = group[-1].box
                if last.top <= middle <= last.bottom:
                    group.append(w)
                    break
            else:
                groups.append([w])
    lines = [sorted(g, key=lambda w: w.box.left) for g in groups]
    return sorted(lines, key=lambda line: (min(w.box.top for w in line), line[0].box.left))


def box_around(boxes: Iterator[Box]) -> Box:
    first = next(boxes)
    left, top, right, bottom = first.left, first.top, first.right, first.bottom
    for b in boxes:
        left, top = min(left, b.left), min(top, b.top)
        right, bottom = max(right, b.right), max(bottom, b.bottom)
    return Box(left=left, top=top, width=right - left, height=bottom - top)


def _letters_and_figures(text: str) -> str:
    return _NOT_WORD.sub("", text.lower())


def _amount(run: Sequence[Word]) -> int | None:
    """The amount a run of words prints (pence), if it is one: figures with at most a
    currency sign or code before them, thousands by commas (or split by a space), the
    point printed as ``.``, ``·`` or ``-`` (one figure after it is tens of pence), or the
    pence in a column of their own ("310   73")."""
    # "£***4,922.94": a cheque-writer's protected amount
    text = " ".join(w.text for w in run).replace("£", "").replace("*", "").strip()
    text = text.rstrip(".,;:)").lstrip("(")
    if text.upper().startswith("GBP"):
        text = text[3:].strip()
    columns = _COLUMNS.match(text)
    if columns is not None:
        return int(columns.group(1).replace(",", "")) * 100 + int(columns.group(2))
    text = text.replace(" ", "")
    m = _AMOUNT.match(text)
    if m is None or not (m.group(2) or "£" in run[0].text or "," in text):
        return None  # a bare whole number is a count or a year, not a sum
    pence = (m.group(2) or "0").ljust(2, "0")
    return int(m.group(1).replace(",", "")) * 100 + int(pence)


def _date_key(run: Sequence[Word]) -> str:
    """The run as a date reads: lower case, separators as spaces, no ordinal suffix, and
    no "day of" ("the 18th day of March 2026", "26th of January 2026")."""
    text = " ".join(w.text for w in run).lower()
    text = _ORDINAL.sub(r"\1", text)
    return " ".join(t for t in _NOT_WORD.sub(" ", text).split() if t not in _FILLERS)


def _date_keys(day: dt.date) -> frozenset[str]:
    """The date as the usual printed shapes read (lower case, separators as spaces)."""
    month = _MONTHS[day.month - 1]
    roman = _ROMAN[day.month - 1]  # "28.VIII.2025", as some forms print it
    names = {month, month[:3], roman, *({"sept"} if day.month == 9 else ())}
    days = {str(day.day), f"{day.day:02d}"}
    years = {str(day.year), f"{day.year % 100:02d}"}
    keys = set()
    for d in days:
        for y in years:
            keys.add(f"{d} {day.month:02d} {y}")
            keys.add(f"{d} {day.month} {y}")
        for name in names:
            keys.add(f"{d} {name} {day.year}")
            keys.add(f"{d} {name} {day.year % 100:02d}")
            keys.add(f"{name} {d} {day.year}")
    keys.add(f"{day.year} {day.month:02d} {day.day:02d}")  # ISO, as on statements
    return frozenset(keys)
