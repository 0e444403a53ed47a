"""Label words a centre's corrections teach the reader.

When an adviser corrects a field ("the reference is 44-1027/B, not the number you
read"), the value they give is printed somewhere on the document, and what is printed
before it, beside it or above it is the label that centre's letters use for the field
("Tenancy no", "Loan ref"). ``learn`` finds those labels in the corrected documents'
text; ``cma assistant train --centre`` writes them as the centre's ``field_labels.json``
beside its classifier, and the reader then takes the words as a label of that field —
for that centre's documents only.

No personal data goes into the artefact: a learned label is 1 to 4 words, each a word
of the shipped classifier's vocabulary (built from the generated corpus) or of the
reader's label vocabulary below, so a name, an address or a number on the letter is
never kept. The value itself is not kept either.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from cma_adapters.rules_assistant.layout import Cell, Layout, norm_words, page_layout
from cma_adapters.rules_assistant.values import parse_date, parse_money
from cma_core.documents.model import PageText

ARTEFACT = "field_labels.json"
VERSION = 1
FIELDS = (
    "creditor_name",
    "account_reference",
    "balance_pence",
    "letter_date",
    "deadline_date",
    "court_claim_number",
)
LABEL_WORDS = frozenset(
    """
    a account agreement amount and arrears balance before bill by card case catalogue
    charge claim clear client code contract creditor current customer date deadline debt
    due file finance for id instalment invoice issued lender letter licence loan matter
    member membership mortgage new no notice now number of on order our outstanding overdue
    owed owing owner paid pay payable payment period plan policy previous ref reference
    remaining rent reply respond schedule sent served service settle statement store sum
    tenancy the their to total unpaid until with your
    """.split()  # noqa: SIM905  (a word list reads better as words)
)
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "dear"})


def learn(
    values: Iterable[tuple[str, str, str]], vocabulary: Iterable[str] = ()
) -> dict[str, list[str]]:
    """``{field: [label, ...]}`` from ``(document text, field, value)`` triples: the
    label printed with each value, most often seen first."""
    known = LABEL_WORDS | {w for w in vocabulary if w.isalpha()}
    counts: dict[str, Counter[str]] = {}
    for text, field, value in values:
        if field not in FIELDS:
            continue
        label = label_of(text, field, value)
        if label and all(w in known for w in label.split()):
            counts.setdefault(field, Counter())[label] += 1
    return {
        f: [label for label, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))]
        for f, c in sorted(counts.items())
    }


def label_of(text: str, field: str, value: str) -> str | None:
    """The label printed with ``value`` in ``text``: the words before it in its cell, the
    cell to its left, or the cell just above it in its column."""
    for number, page in enumerate(text.split("\f"), 1):
        layout = page_layout(PageText(number=number, text=page, confidence=1.0))
        for r, row in enumerate(layout.rows):
            for c, cell in enumerate(row):
                at = _position(cell.text, field, value)
                if at is None:
                    continue
                for candidate in (
                    cell.text[:at],
                    row[c - 1].text if c else "",
                    _above(layout, r, cell),
                ):
                    label = _clean(candidate)
                    if label:
                        return label
    return None


def _position(text: str, field: str, value: str) -> int | None:
    """Where ``value`` starts in ``text`` (as the reader would parse it), if it is there."""
    if field == "balance_pence":
        for m in re.finditer(r"[£Ef]?\s?\d[\d,]*[.,]\d\d", text):
            if str(parse_money(m.group())) == value.strip():
                return m.start()
        return None
    if field in ("letter_date", "deadline_date"):
        for m in re.finditer(r"\d", text):
            if m.start() and text[m.start() - 1].isdigit():
                continue
            date = parse_date(text[m.start() :])
            if date is not None and date.isoformat() == value.strip():
                return m.start()
        return None
    at = text.casefold().find(" ".join(value.split()).casefold())
    return at if at >= 0 else None


def _above(layout: Layout, r: int, cell: Cell) -> str:
    for nr in range(r - 1, max(r - 3, -1), -1):
        for other in layout.rows[nr]:
            if abs(other.left - cell.left) <= 0.04 * layout.width:
                return other.text
    return ""


def _clean(text: str) -> str | None:
    words = norm_words(text)
    if not 1 <= len(words) <= 4 or any(w in _TITLES or not w.isalpha() for w in words):
        return None
    return " ".join(words)


def to_json(labels: Mapping[str, Sequence[str]]) -> str:
    return json.dumps({"version": VERSION, "labels": dict(labels)}, indent=1, sort_keys=True)


def load(path: Path) -> dict[str, tuple[str, ...]]:
    """The labels in ``path`` (``{}`` if there is no such file or it is not ours)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return {}
    labels = data.get("labels", {})
    return {
        f: tuple(str(x) for x in v)
        for f, v in labels.items()
        if f in FIELDS and isinstance(v, list)
    }
