"""A learned candidate ranker per field (issue 14): which of a document's values is its
balance, its letter date, its creditor.

The rules (``fields.read_fields``) find a value by the label wording they know; a layout
written in other words loses it. Here every value *of the field's kind* on the page is a
candidate — every amount, date, reference-like token, claim number and organisation
name in the layout's cells — together with every value the rules proposed. Each
candidate is described by features that do not depend on one family's template:

* the words around it: before it in its cell (``l:``), in the cell to its left
  (``c:``), in the cell above it (``a:``), after it in its cell (``n:``), at the end of
  the previous row when it opens a row (``p:``), the word nearest before it (``k:``),
  and any of the first three (``w:``) — lower-cased words and word pairs, each word one
  of the vocabulary's (``vocabulary``): no figure, name or address of a letter is ever
  a feature, so none can be in the artefact;
* where it is: the share of the page across and down, the first page, a label to its
  left, alone in its cell, how often it is printed;
* what it is: an amount's rank among the document's amounts, a total of the column
  above it; a date's order among the document's dates and its distance from the first
  date read; a reference's length and make-up; a name's legal form and place in the
  letterhead; the document's class;
* optionally what the rules thought of it (``rule*``): proposed, its score, its rank,
  chosen.

One logistic regression per field (``ranker_training``, scikit-learn) scores each
candidate; the highest is chosen and the rest are kept, ranked, as the adviser's
alternatives. The artefact is JSON (feature -> weight per field), read with the standard
library; ``extract`` uses it only when given one (``fields_model``), which the assistant
does only when ``cma assistant train --field-ranker`` has written one (none is shipped:
the ranker did not beat the rules in cross-validation, benchmarks/OCR.md): without it the
reader is the rules alone.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
from attrs import frozen

from cma_adapters.rules_assistant.fields_kinds import (
    TEL_BEFORE,
    clock_time,
    phone_shaped,
    sort_code_beside,
)
from cma_adapters.rules_assistant.layout import Cell, Layout, norm_words, union
from cma_adapters.rules_assistant.prose import deemed_served_days
from cma_adapters.rules_assistant.structures import (
    in_quote,
    later_steps,
    quote_rows,
    sums_the_column,
)
from cma_adapters.rules_assistant.values import (
    AGENT_WORDS,
    CLAIM,
    DATE,
    MONEY,
    REFERENCE,
    Candidate,
    date_of,
    month_and_year,
    parse_name,
    pence_of,
)
from cma_core.documents.model import Box, DocumentClass

FORMAT = "cma-field-ranker"
ARTEFACT = "field_ranker.json"
ROLE = "ranked by kind"
# The field -> the kind of value it holds (what ``occurrences`` looks for).
KINDS: dict[str, str] = {
    "creditor_name": "name",
    "account_reference": "reference",
    "balance_pence": "money",
    "letter_date": "date",
    "deadline_date": "date",
    "court_claim_number": "claim",
    "payer_name": "name",
    "income_pence": "money",
    "gross_pence": "money",
    "served_date": "date",
}
_LEGAL = re.compile(r"\b(?:ltd|limited|plc|llp)\b", re.I)


@frozen(kw_only=True)
class Model:
    """Per field: the features' weights and the intercept of its logistic regression."""

    version: str
    weights: dict[str, dict[str, float]]
    intercept: dict[str, float]
    report: dict[str, Any]
    uses_rules: bool = True
    """Blended: the rules' scores are features and the rules' candidates are candidates.
    Else the ranker alone: only the values found by kind, and no feature of the rules."""
    stated: dict[str, dict[str, float]] = attrs.field(factory=dict)
    """Per document class and field: the share of the training documents of that class
    that state the field (``fills``)."""

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(self.weights)

    @property
    def vocabulary(self) -> frozenset[str]:
        """The words its features use (the only ones worth reading at run time)."""
        return _vocabulary_of(self)

    def probability(self, field: str, features: Mapping[str, float]) -> float:
        weights = self.weights[field]
        z = self.intercept[field] + sum(weights.get(f, 0.0) * v for f, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


_VOCABULARIES: dict[int, frozenset[str]] = {}


def _vocabulary_of(model: Model) -> frozenset[str]:
    key = id(model.weights)
    if key not in _VOCABULARIES:
        words = set()
        for weights in model.weights.values():
            for feature in weights:
                tag, _, rest = feature.partition(":")
                if len(tag) == 1:
                    words.update(rest.split("_"))
        _VOCABULARIES[key] = frozenset(words)
    return _VOCABULARIES[key]


def to_json(model: Model) -> str:
    body = {
        "format": FORMAT,
        "version": model.version,
        "weights": model.weights,
        "intercept": model.intercept,
        "report": model.report,
        "uses_rules": model.uses_rules,
        "stated": model.stated,
    }
    return json.dumps(body, separators=(",", ":"), sort_keys=True)


def from_json(text: str) -> Model:
    body = json.loads(text)
    if body.get("format") != FORMAT:
        raise ValueError("not a field ranker artefact")
    return Model(
        version=str(body["version"]),
        weights={f: {k: float(v) for k, v in w.items()} for f, w in body["weights"].items()},
        intercept={f: float(v) for f, v in body["intercept"].items()},
        report=dict(body.get("report", {})),
        uses_rules=bool(body.get("uses_rules", True)),
        stated={
            c: {f: float(v) for f, v in row.items()} for c, row in body.get("stated", {}).items()
        },
    )


@cache
def shipped() -> Model | None:
    """The ranker shipped with the package (trained on the seen families by
    ``cma assistant train --field-ranker blended``; ``None`` if absent)."""
    path = resources.files("cma_adapters.rules_assistant").joinpath(ARTEFACT)
    if not path.is_file():
        return None
    return from_json(path.read_text(encoding="utf-8"))


def load(path: Path) -> Model | None:
    """The artefact at ``path``; ``None`` if there is none or it is not a ranker's (the
    reader is then the rules alone)."""
    try:
        return from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError):
        return None


# -- candidates by kind -------------------------------------------------------------


@frozen(kw_only=True)
class Occurrence:
    """One place a value of a kind is printed: its cell and where in the cell's text."""

    value: object
    layout: Layout
    row: int
    cell: Cell
    at: int
    end: int


def phoned(occ: Occurrence) -> bool:
    """Whether ``occ`` is printed as a telephone's number (``TEL_BEFORE``)."""
    return bool(TEL_BEFORE.search(occ.cell.text[: occ.at]))


# The number a company is registered under, after the words that say so: "registered in
# England and Wales (no. 01234567)", "Registered in Scotland, company SC123456", "Company
# number 01234567" — the writer's, never the client's account (round 54).
_REGISTERED_BEFORE = re.compile(
    # (not the client's "company account number", "customer reference with the company")
    r"\b(?:registered|registration|company|companies house|reg)\b"
    r"(?:(?!\b(?:account|customer|reference|ref)\b)[^.;:]){0,60}?"
    r"(?:\bno\b\.?|\bnumber\b|\bcompany\b)\s*[,.:]?\s*\(?\s*$",
    re.I,
)


def printed_in_a_phone(occ: Occurrence) -> bool:
    """Whether ``occ`` is a telephone's number, or part of one, by its figures: the run of
    figures and spaces it is printed in is ``phone_shaped`` ("900318" of "07700 900318")."""
    text = occ.cell.text
    start, end = occ.at, occ.end
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] == " "):
        start -= 1
    while end < len(text) and (text[end].isdigit() or text[end] == " "):
        end += 1
    return phone_shaped(text[start:end].strip())


def registered_number(occ: Occurrence) -> bool:
    """Whether ``occ`` is printed as a company's registered number (``_REGISTERED_BEFORE``)."""
    return bool(_REGISTERED_BEFORE.search(occ.cell.text[: occ.at]))


def key(field: str, value: object) -> object:
    """The value as two readings of it compare (as the corpus's scoring does)."""
    return _key(KINDS.get(field, ""), value)


def _key(kind: str, value: object) -> object:
    if isinstance(value, str):
        if kind in ("reference", "claim"):
            return "".join(c for c in value.upper() if c.isalnum())
        return " ".join(value.casefold().replace(".", "").split())
    return value


def _values(kind: str, text: str) -> Iterable[tuple[object, int, int]]:
    """``(value, start, end)`` of every value of ``kind`` in a cell's text."""
    if kind == "money":
        dates = [m.span() for m in DATE.finditer(text)]
        for m in MONEY.finditer(text):
            if any(start <= m.start("n") < end for start, end in dates) or clock_time(m):
                continue
            pence = pence_of(m)
            minus = text[: m.start()].rstrip().endswith(("-", "−"))
            yield (-pence if minus else pence), m.start(), m.end()
    elif kind == "date":
        for m in DATE.finditer(text):
            date = date_of(m)
            if date is not None:
                yield date, m.start(), m.end()
    elif kind == "reference":
        for m in REFERENCE.finditer(text):
            value = m.group().strip("-/")
            if DATE.fullmatch(value) or re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", value):
                continue
            if month_and_year(value):
                continue  # "Jul-25": a date's month and year, its day apart (round 54)
            yield value.upper(), m.start(), m.end()
    elif kind == "claim":
        for m in CLAIM.finditer(text.upper()):
            yield m.group(), m.start(), m.end()
    else:
        for start in {0, text.find(":") + 1 if ":" in text else 0}:
            name = parse_name(text[start:])
            if name is not None:
                at = text.find(name, start)
                yield name, max(at, start), (max(at, start) + len(name))


def occurrences(layouts: Sequence[Layout], kind: str) -> list[Occurrence]:
    return [
        Occurrence(value=value, layout=layout, row=r, cell=cell, at=at, end=end)
        for layout in layouts
        for r, row in enumerate(layout.rows)
        for cell in row
        for value, at, end in _values(kind, cell.text)
        if kind != "date" or not sort_code_beside(layout, r, cell)  # (round 15)
    ]


# -- features -------------------------------------------------------------------------


def _raw(text: str) -> list[str]:
    return norm_words(text)


def _words(tag: str, words: Sequence[str], vocabulary: frozenset[str]) -> dict[str, float]:
    kept = [w if w.isalpha() and w in vocabulary else None for w in words]
    out = {f"{tag}:{w}": 1.0 for w in kept if w}
    out |= {f"{tag}:{a}_{b}": 1.0 for a, b in itertools.pairwise(kept) if a and b}
    return out


def _above(layout: Layout, r: int, cell: Cell) -> str:
    """The nearest cell in the two rows above that overlaps ``cell`` across the page."""
    for nr in range(r - 1, max(r - 3, -1), -1):
        if layout.row_tops[r] - layout.row_tops[nr] > 3.2 * layout.line_height:
            return ""
        for other in layout.rows[nr]:
            if other.left <= cell.right and other.right >= cell.left:
                return other.text
    return ""


def context(occ: Occurrence, vocabulary: frozenset[str]) -> dict[str, float]:
    """The words around one occurrence and where it is on its page."""
    layout, cell = occ.layout, occ.cell
    row = layout.rows[occ.row]
    index = row.index(cell)
    before = _raw(cell.text[: occ.at])[-6:]
    left = _raw(row[index - 1].text)[-6:] if index else []
    above = _raw(_above(layout, occ.row, cell))[:6]
    after = _raw(cell.text[occ.end :])[:3]
    previous = (
        _raw(" ".join(c.text for c in layout.rows[occ.row - 1]))[-6:]
        if occ.row and not before and not left
        else []
    )
    out: dict[str, float] = {}
    for tag, words in (("l", before), ("c", left), ("a", above), ("n", after), ("p", previous)):
        out |= _words(tag, words, vocabulary)
        out |= {f"w:{f[2:]}": 1.0 for f in _words("w", words, vocabulary) if tag in "lca"}
    nearest = [w for w in [*left, *before] if w.isalpha() and w in vocabulary]
    if nearest:
        out[f"k:{nearest[-1]}"] = 1.0
        out[f"f:{nearest[0]}"] = 1.0  # (the label's first word: "Total ...", "Date ...")
    out["has_label_left"] = float(bool(before or left))
    out["has_above"] = float(bool(above))
    out["alone"] = float(not before and not after)
    return out


def _place(occ: Occurrence) -> dict[str, float]:
    box = occ.cell.box
    y = box.top / max(occ.layout.height, 1)
    return {
        "at_y": y,
        "at_x": box.left / max(occ.layout.width, 1),
        "first_page": float(occ.layout.page == 1),
        "top": float(occ.layout.page == 1 and y < 0.2),
    }


def _shape(kind: str, value: object, every: Sequence[object], first: object) -> dict[str, float]:
    """What the value is, among the document's values of its kind."""
    out: dict[str, float] = {}
    if kind == "money" and isinstance(value, int):
        amounts = sorted({v for v in every if isinstance(v, int) and v > 0}, reverse=True)
        rank = amounts.index(value) if value in amounts else len(amounts)
        out |= {"m_max": float(rank == 0), "m_rank": 1 / (1 + rank), "m_neg": float(value < 0)}
        out["m_size"] = math.log10(abs(value) / 100 + 1) / 5
    elif kind == "date" and isinstance(value, dt.date):
        dates = sorted({v for v in every if isinstance(v, dt.date)} | {value})
        at = dates.index(value)
        out |= {"d_earliest": float(at == 0), "d_latest": float(at == len(dates) - 1)}
        out["d_rank"] = at / max(len(dates) - 1, 1)
        out["d_first_read"] = float(value == first)
        if isinstance(first, dt.date):
            days = (value - first).days
            bucket = next(b for b, limit in _DAY_BUCKETS if days <= limit)
            out[f"d_after:{bucket}"] = 1.0
    elif isinstance(value, str) and kind in ("reference", "claim"):
        out[f"r_len:{_LENGTHS[min(len(value) // 4, 4)]}"] = 1.0
        out["r_alpha"] = float(bool(re.search(r"[A-Z]", value)))
        out["r_sep"] = float(bool(re.search(r"[/-]", value)))
        out["r_space"] = float(" " in value)
        out["r_digits"] = float(value.isdigit())
    elif isinstance(value, str):
        out["n_legal"] = float(bool(_LEGAL.search(value)))
        out["n_words"] = min(len(value.split()), 8) / 8
        for name, pattern in _NAME_KINDS.items():
            if pattern.search(value):
                out[f"n_{name}"] = 1.0
    return out


# What kind of body a name is, by the words any such name uses (not one firm's name).
_NAME_KINDS = {
    "agent": AGENT_WORDS,
    "court": re.compile(r"\bcourts?\b|\btribunal", re.I),
    "public": re.compile(
        r"\b(?:council|authority|borough|hmrc|dwp|department|agency|revenue|customs)\b", re.I
    ),
    "lender": re.compile(
        r"\b(?:bank|finance|financial|loans?|credit|lending|capital|building society"
        r"|mortgages?|cards?)\b",
        re.I,
    ),
    "solicitor": re.compile(r"\b(?:solicitors?|llp|law|legal)\b", re.I),
}


_LENGTHS = ("tiny", "short", "mid", "long", "huge")  # a reference's length, 4 a step
_DAY_BUCKETS = (
    ("before", -1), ("same", 0), ("week", 7), ("month", 31), ("quarter", 92), ("later", 10**6)
)  # fmt: skip


@frozen(kw_only=True)
class Scored:
    """A candidate value with its features and (once scored) its probability."""

    value: object
    features: dict[str, float]
    candidate: Candidate


def candidates(
    field: str,
    layouts: Sequence[Layout],
    found: Mapping[str, Sequence[Candidate]],
    chosen: Mapping[str, object],
    cls: DocumentClass,
    vocabulary: frozenset[str],
    cache: dict[str, dict[object, tuple[object, dict[str, float], Occurrence | None]]]
    | None = None,
) -> list[Scored]:
    """Every value of the field's kind in the layout and every value the rules proposed
    (or chose), one per value, with its features. ``cache``: the values found by kind, kept
    between the fields of one document (a date is read once for three date fields)."""
    kind = KINDS[field]
    cache = {} if cache is None else cache
    if kind not in cache:
        cache[kind] = _typed(layouts, kind, vocabulary)
    typed = cache[kind]
    rules: dict[object, tuple[int, Candidate]] = {}
    for c in found.get(field, []):
        rules.setdefault(key(field, c.value), (len(rules), c))
    picked = chosen.get(field)
    keys = [*typed, *(k for k in rules if k not in typed)]
    if picked is not None and key(field, picked) not in keys:
        keys.append(key(field, picked))
    every = [v for v, _, _ in typed.values()]
    out = []
    for k in keys:
        value, features, occ = typed.get(k, (None, {}, None))
        if kind == "reference" and occ is not None and k not in rules and phoned(occ):
            continue  # a telephone's number (round 46)
        if (
            kind == "reference"
            and k not in rules
            and (phone_shaped(value) or (occ is not None and printed_in_a_phone(occ)))
        ):
            continue  # a telephone's number by its figures, no words before it (round 54)
        if kind == "reference" and occ is not None and k not in rules and registered_number(occ):
            continue  # a company's registered number (round 54)
        if occ is None:
            value = rules[k][1].value if k in rules else picked
            features = _shape(kind, value, every, every[0] if every else None)
        features = {f"cls:{cls.value}": 1.0, **features}
        if kind == "name":  # who is owed depends on who writes: an agent for a council
            named = [f for f, v in features.items() if f.startswith("n_") and v == 1.0]
            features |= {f"{f}|{cls.value}": 1.0 for f in named}
        rank, rule = rules.get(k, (-1, None))
        if rule is not None:
            features["rule"] = 1.0
            features["rule_score"] = max(rule.score, 0.0) / 5
            features["rule_rank"] = 1 / (1 + rank)
        if picked is not None and key(field, picked) == k:
            features["rule_top"] = 1.0
        if rule is None:
            rule = _candidate(field, occ, 0.0) if occ else _bare(field, value)
        out.append(Scored(value=value, features=features, candidate=rule))
    return out


def _typed(
    layouts: Sequence[Layout], kind: str, vocabulary: frozenset[str]
) -> dict[object, tuple[object, dict[str, float], Occurrence | None]]:
    """Each value of ``kind`` in the layout (by its key): the value, the features that do
    not depend on the field or the rules, and its first occurrence in reading order."""
    occs = occurrences(layouts, kind)
    occs.sort(key=lambda o: (o.layout.page, o.row, o.cell.left, o.at))
    by_value: dict[object, list[Occurrence]] = {}
    for occ in occs:
        by_value.setdefault(_key(kind, occ.value), []).append(occ)
    every = [o.value for o in occs]
    out: dict[object, tuple[object, dict[str, float], Occurrence | None]] = {}
    for k, here in by_value.items():
        features: dict[str, float] = {}
        for occ in here:
            features |= context(occ, vocabulary)
        features |= _place(here[0])
        features["count"] = math.log1p(len(here)) / 2
        features["typed"] = 1.0
        if kind == "money" and sums_the_column(layouts, _candidate("", here[0], 0.0)):
            features["m_sums"] = 1.0
        features |= _shape(kind, here[0].value, every, every[0])
        out[k] = (here[0].value, features, here[0])
    return out


def _span_box(occ: Occurrence) -> Box:
    """The box of the words of the cell that hold ``occ``'s characters."""
    words, start = [], 0
    for word in occ.cell.words:
        end = start + len(word.text)
        if end > occ.at and start < occ.end:
            words.append(word)
        start = end + 1
    return union(w.box for w in (words or occ.cell.words))


def _candidate(field: str, occ: Occurrence, score: float) -> Candidate:
    box = _span_box(occ)
    row = occ.layout.rows[occ.row]
    index = row.index(occ.cell)
    label = occ.cell.text[: occ.at].strip() or (row[index - 1].text if index else None)
    return Candidate(
        field=field,
        value=occ.value,
        shown=occ.cell.text[occ.at : occ.end],
        page=occ.layout.page,
        box=box,
        label=label,
        role=ROLE,
        score=score,
        order=(occ.layout.page, box.top),
    )


def _bare(field: str, value: object) -> Candidate:
    return Candidate(
        field=field, value=value, shown=str(value), page=1, box=None, label=None, role=None,
        score=0.0,
    )  # fmt: skip


def without_rules(features: Mapping[str, float]) -> dict[str, float]:
    """The features that do not come from the rules (the ranker on its own)."""
    return {f: v for f, v in features.items() if not f.startswith("rule")}


def usable(model: Model, features: Mapping[str, float]) -> bool:
    """A candidate the model may choose: the ranker alone takes only values found by kind
    (a candidate only the rules proposed would tell it what the rules thought)."""
    return model.uses_rules or "typed" in features


#: The probability at which the model fills a field the rules left empty ...
FILL_AT = 0.5
#: ... whatever the probability, where nearly every document of the class states it.
ALWAYS_STATED = 0.95


def fills(model: Model, cls: DocumentClass, field: str, p: float, rules_chose: bool) -> bool:
    """Whether the model's best candidate (probability ``p``) is taken. Where the rules
    chose a value, always (the model re-ranks). Where they found none, the document may
    simply not state the field (an N1 with no served date, a payslip with no gross pay):
    the best candidate is then taken only if it is more likely right than wrong
    (``FILL_AT``), or if the class (nearly) always states the field (``ALWAYS_STATED`` of
    the training documents of the class did), so that the rules' silence is their miss on
    an unfamiliar layout, not the page's — a model trained where the rules are right is
    unsure of everything the rules miss, and its ranking is still worth more than nothing.
    The ranked candidates stay visible to the adviser either way."""
    if rules_chose or p >= FILL_AT:
        return True
    return model.stated.get(cls.value, {}).get(field, 0.0) >= ALWAYS_STATED


def rerank(
    model: Model,
    layouts: Sequence[Layout],
    found: dict[str, list[Candidate]],
    chosen: dict[str, object],
    cls: DocumentClass,
    wanted: Sequence[str],
) -> tuple[dict[str, object], dict[str, list[Candidate]]]:
    """``chosen`` and ``found`` with each field the model knows (and the class states)
    chosen by the model: its candidates ranked by probability, the best chosen. A
    deadline falls after the letter's date; the creditor is not the original creditor.

    Where the rules found nothing for a field, the model fills it only as ``fills``
    says; otherwise the field stays empty and the ranked candidates are kept as
    alternatives for the adviser."""
    chosen, found = dict(chosen), dict(found)
    vocabulary = model.vocabulary
    # (a value only a quoted earlier message states is not the letter's: round 12)
    quoted = quote_rows(layouts)
    # (nor is the day a sentence says the paper is deemed served its own date: a claim is
    # deemed served days after it is issued, round 46)
    deemed = deemed_served_days(found)
    cache: dict[str, dict[object, tuple[object, dict[str, float], Occurrence | None]]] = {}
    for field in wanted:
        if field not in model.weights:
            continue
        ranked = []
        for s in candidates(field, layouts, found, chosen, cls, vocabulary, cache):
            if not allowed(field, s.value, chosen) or not usable(model, s.features):
                continue
            if field == "letter_date" and s.value in deemed:
                continue
            if quoted and in_quote(quoted, s.candidate):
                continue
            p = model.probability(field, s.features)
            ranked.append(attrs.evolve(s.candidate, value=s.value, score=round(p, 4)))
        ranked.sort(key=lambda c: (-c.score, c.order))
        if not ranked:
            continue
        found[field] = ranked
        if (
            field == "deadline_date"
            and chosen.get(field) is None
            and ranked[0].value in later_steps(layouts)
        ):
            # (where the rules read no deadline, a timeline's later step — "We will write
            # to you again" — is not filled in as one: round 16)
            continue
        if fills(model, cls, field, ranked[0].score, chosen.get(field) is not None):
            chosen[field] = ranked[0].value
    if all(f in wanted and f in model.weights for f in _APART):
        _one_value_one_field(chosen, found)
    return chosen, found


#: Fields one value cannot hold both of: a claim's number is not its account's.
_APART = ("account_reference", "court_claim_number")


def _one_value_one_field(chosen: dict[str, object], found: Mapping[str, list[Candidate]]) -> None:
    """The account and the claim number chosen as one value, or one as a part of the other
    (the claim number's box lost by OCR, the account's value, or its head "AB120" of
    "AB120-4471", taken for it; or the account's lost, the claim number taken for it): the
    field whose ranked candidates give that value the lower probability is left empty —
    one of the two is wrong, and a wrong value costs the adviser more than an empty field
    (round 54)."""
    values = [chosen.get(f) for f in _APART]
    if not all(isinstance(v, str) for v in values):
        return
    a, b = (str(key("court_claim_number", v)) for v in values)
    if min(len(a), len(b)) < 6 or (a not in b and b not in a):
        return

    def likelihood(field: str) -> float:
        here = [c.score for c in found.get(field, []) if c.value == chosen[field]]
        return max(here, default=0.0)

    chosen[min(_APART, key=likelihood)] = None


def allowed(field: str, value: object, chosen: Mapping[str, object]) -> bool:
    """A deadline falls after the letter's date (and the letter's date is not the
    deadline the rules read), the creditor is not the original
    creditor, the account is not the court's claim number, and an amount owed or paid is
    more than nothing."""
    letter = chosen.get("letter_date")
    if field == "deadline_date" and isinstance(letter, dt.date):
        return isinstance(value, dt.date) and value > letter
    if field == "letter_date" and chosen.get("deadline_date") is not None:
        # (the date the rules read as the deadline is not the letter's too: round 16)
        return value != chosen["deadline_date"]
    if field == "creditor_name" and chosen.get("original_creditor") is not None:
        return key(field, value) != key(field, chosen["original_creditor"])
    if field == "account_reference" and chosen.get("court_claim_number") is not None:
        claim = chosen["court_claim_number"]
        return key("court_claim_number", value) != key("court_claim_number", claim)
    if field.endswith("_pence"):
        return isinstance(value, int) and value > 0
    return True
