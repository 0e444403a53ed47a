"""Training and judging the field ranker (``ranker``) on the families already read.

Training documents: the generated corpus's families A-D, H and K (``corpus.build_corpus``)
and the read families L, M, N and O (``read_families.read_samples``, drawn with seeds of
their own, not the benchmark's), each read on perfect text by the rules
(``assistant.read``). For each document and field the candidate whose value equals the
truth is the positive, the others negatives.

Everything is chosen by leave-one-family-out cross-validation over those families
(``lofo``: train on all but one family, read the left-out one): the regularisation,
whether the rules' own scores are features (*blended*) or not (*ranker*), and which
fields the ranker takes over from the rules. The rules were written against these very
families, so the blended figure is optimistic: the rule features are near perfect on
every family here, and may not be on a family no rule was written for.

The features' words are those of the vocabulary guard of ``label_learning``: the shipped
classifier's words (generated corpus only) and the reader's label words, so no figure,
name or address of a document is a feature.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from attrs import frozen

from cma_adapters.rules_assistant import classifier, label_learning, ranker
from cma_adapters.rules_assistant.assistant import FIELDS_BY_CLASS, Reading, read
from cma_core.documents.model import DocumentClass


@frozen(kw_only=True)
class Doc:
    """A training document as the rules read it, with its truth."""

    family: str
    truth: Any
    reading: Reading


@frozen(kw_only=True)
class Rows:
    """One document's candidates for one field: features, values, which is right
    (``None`` where the document does not state the field) and whether the rules' own
    choice was right."""

    field: str
    features: list[dict[str, float]]
    values: list[object]
    right: list[bool] | None
    rules_right: bool


@frozen(kw_only=True)
class DocRows:
    """A document's fields in the order they are chosen, and the rules' choices."""

    family: str
    document_class: DocumentClass
    fields: list[Rows]
    chosen: dict[str, object]


def vocabulary() -> frozenset[str]:
    """The words a feature may use (``label_learning``'s guard)."""
    model = classifier.shipped()
    words = {w for w in (model.vocabulary if model else {}) if w.isalpha()}
    return frozenset(words | label_learning.LABEL_WORDS)


def documents(per_family: int, seed: int, read_per_class: int, randomised: int = 0) -> list[Doc]:
    """The seen families' documents read by the rules (perfect text), and ``randomised``
    randomised pages (``ranker_random``, family ``RND``, drawn with ``seed``)."""
    from cma_adapters.rules_assistant.corpus import build_corpus, sample_pages, sample_text
    from cma_adapters.rules_assistant.read_families import read_samples

    m = classifier.shipped()
    out = [
        Doc(family=s.family[-1], truth=s.truth, reading=read(sample_text(s), sample_pages(s), m))
        for s in build_corpus(per_family, seed=seed)
    ]
    for sample, text, pages, letter in read_samples(read_per_class, seed):
        out.append(Doc(family=letter, truth=sample.truth, reading=read(text, pages, m)))
    return out + random_documents(randomised, seed)


def random_documents(count: int, seed: int) -> list[Doc]:
    """``count`` randomised pages (``ranker_random``) read by the rules (perfect text)."""
    from cma_adapters.rules_assistant.corpus import sample_pages, sample_text
    from cma_adapters.rules_assistant.ranker_random import FAMILY, build_random

    m = classifier.shipped()
    return [
        Doc(family=FAMILY, truth=s.truth, reading=read(sample_text(s), sample_pages(s), m))
        for s in build_random(count, seed=seed)
    ]


def rows(docs: Iterable[Doc], words: frozenset[str]) -> list[DocRows]:
    """Every document's candidates for every field of its class the ranker knows."""
    out = []
    for doc in docs:
        r = doc.reading
        fields = []
        for field in FIELDS_BY_CLASS[r.document_class]:
            if field not in ranker.KINDS:
                continue
            truth = getattr(doc.truth, field, None)
            found = ranker.candidates(field, r.layouts, r.found, r.chosen, r.document_class, words)
            want = ranker.key(field, truth)
            right = [ranker.key(field, s.value) == want for s in found]
            fields.append(
                Rows(
                    field=field,
                    features=[s.features for s in found],
                    values=[s.value for s in found],
                    right=None if truth is None else right,
                    rules_right=ranker.key(field, r.chosen.get(field)) == want,
                )
            )
        out.append(
            DocRows(
                family=doc.family,
                document_class=doc.truth.document_class,
                fields=fields,
                chosen=dict(r.chosen),
            )
        )
    return out


@frozen
class FieldRows:
    """One field's candidates over a set of documents, vectorised once: the feature names
    (sorted, as ``DictVectorizer`` names them), the sparse matrix, whether each row is the
    right value, and the family of each row's document."""

    names: Any
    matrix: Any
    labels: Any
    families: Any


def field_rows(
    data: Sequence[DocRows], *, rules: bool, random_fields: frozenset[str] | None = None
) -> dict[str, FieldRows]:
    """Every field's training rows over ``data``: the candidates of each document that
    states the field (the randomised pages (``ranker_random``) only for the
    ``random_fields``, every field if ``None``), without the rules' own scores unless
    ``rules``, and only values found by kind when not."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer

    from cma_adapters.rules_assistant.ranker_random import FAMILY

    stated = [
        (d.family, f)
        for d in data
        for f in d.fields
        if f.right is not None
        and (d.family != FAMILY or random_fields is None or f.field in random_fields)
    ]
    out: dict[str, FieldRows] = {}
    for field in sorted({f.field for _, f in stated}):
        kept = [
            (x if rules else ranker.without_rules(x), y, family)
            for family, f in stated
            if f.field == field
            for x, y in zip(f.features, f.right or [], strict=True)
            if rules or "typed" in x
        ]
        vectoriser = DictVectorizer()
        matrix = vectoriser.fit_transform([x for x, _, _ in kept])
        out[field] = FieldRows(
            names=vectoriser.get_feature_names_out(),
            matrix=matrix,
            labels=np.array([y for _, y, _ in kept], dtype=bool),
            families=np.array([family for _, _, family in kept], dtype=object),
        )
    return out


def fit(
    data: Sequence[DocRows],
    *,
    c: float,
    rules: bool,
    version: str = "cv",
    random_fields: frozenset[str] | None = None,
    rows: dict[str, FieldRows] | None = None,
    leave_out: str | None = None,
) -> ranker.Model:
    """One logistic regression per field over the candidates of ``data``. The randomised
    pages (``ranker_random``) train only the ``random_fields`` (every field if ``None``),
    and never the shares of documents that state a field (``stated_shares``: their
    proportions are made up).

    ``rows``: the fields' rows already vectorised over a larger set (``field_rows``), of
    which ``data`` is every document but those of family ``leave_out``; leave-one-family-out
    then selects rows instead of vectorising every fold again. A feature only the left-out
    family has is a column of zeros there: its weight stays 0 under the L2 penalty and is
    dropped with every weight under 1e-3, as if it had never been a column."""
    from sklearn.linear_model import LogisticRegression

    from cma_adapters.rules_assistant.ranker_random import FAMILY

    if rows is None:
        rows = field_rows(data, rules=rules, random_fields=random_fields)
    weights: dict[str, dict[str, float]] = {}
    intercept: dict[str, float] = {}
    for field, every in rows.items():
        keep = every.families != leave_out if leave_out is not None else slice(None)
        matrix, labels = every.matrix[keep], every.labels[keep]
        if len(set(labels.tolist())) < 2:
            continue
        model = LogisticRegression(C=c, max_iter=3000).fit(matrix, labels)
        weights[field] = {
            str(n): round(float(w), 4) for n, w in zip(every.names, model.coef_[0], strict=True)
            if abs(w) >= 1e-3
        }  # fmt: skip
        intercept[field] = round(float(model.intercept_[0]), 4)
    return ranker.Model(
        version=version,
        weights=weights,
        intercept=intercept,
        report={},
        uses_rules=rules,
        stated=stated_shares([d for d in data if d.family != FAMILY]),
    )


def stated_shares(data: Sequence[DocRows]) -> dict[str, dict[str, float]]:
    """Per class and field the ranker knows: the share of the documents of the class that
    state the field (``ranker.fills``)."""
    counts: dict[tuple[str, str], list[int]] = {}
    for doc in data:
        for f in doc.fields:
            seen = counts.setdefault((doc.document_class.value, f.field), [0, 0])
            seen[0] += f.right is not None
            seen[1] += 1
    out: dict[str, dict[str, float]] = {}
    for (cls, field), (stated, total) in sorted(counts.items()):
        out.setdefault(cls, {})[field] = round(stated / total, 4)
    return out


def picks(model: ranker.Model, doc: DocRows) -> dict[str, bool]:
    """For each field the document states: whether the reading with ``model`` is right,
    chosen as ``ranker.rerank`` chooses (fields in order, a deadline after the chosen
    letter date; the rules' choice where the model has no weights for the field)."""
    chosen = dict(doc.chosen)
    out = {}
    for f in doc.fields:
        allowed = [
            i
            for i, v in enumerate(f.values)
            if ranker.allowed(f.field, v, chosen) and ranker.usable(model, f.features[i])
        ]
        best = None
        rules_chose = doc.chosen.get(f.field) is not None
        if f.field in model.weights and allowed:
            p = {i: model.probability(f.field, f.features[i]) for i in allowed}
            top = max(allowed, key=lambda i: p[i])
            if ranker.fills(model, doc.document_class, f.field, p[top], rules_chose):
                best = top
                chosen[f.field] = f.values[best]
        if f.right is not None:
            out[f.field] = f.rules_right if best is None else f.right[best]
    return out


def lofo(
    data: Sequence[DocRows], *, c: float, rules: bool, random_fields: frozenset[str] | None = None
) -> dict[str, dict[str, tuple[int, int, int]]]:
    """Leave one family out: ``{family: {field: (rules right, model right, total)}}``,
    each family read by a model trained on all the others. The randomised pages
    (``ranker_random``) only train: they are never left out, so the means that choose
    the regularisation are the real families' alone."""
    from cma_adapters.rules_assistant.ranker_random import FAMILY

    table: dict[str, dict[str, tuple[int, int, int]]] = {}
    every = field_rows(data, rules=rules, random_fields=random_fields)
    for family in sorted({d.family for d in data} - {FAMILY}):
        rest = [d for d in data if d.family != family]
        model = fit(
            rest, c=c, rules=rules, random_fields=random_fields, rows=every, leave_out=family
        )
        for doc in (d for d in data if d.family == family):
            rules_right = {f.field: f.rules_right for f in doc.fields if f.right is not None}
            for field, ok in picks(model, doc).items():
                was = table.setdefault(family, {}).get(field, (0, 0, 0))
                table[family][field] = (was[0] + rules_right[field], was[1] + ok, was[2] + 1)
    return table


GRID = (0.3, 1.0, 3.0)
#: The fields the randomised pages train (round 24, benchmarks/OCR.md): trained on every
#: field they lost read families' references, balances and P's deadline as shipped; on
#: the creditor and the letter's date alone no read family moved.
RANDOM_FIELDS = frozenset({"creditor_name", "letter_date"})


def table_report(table: dict[str, dict[str, tuple[int, int, int]]]) -> dict[str, Any]:
    """Per field: the rules' and the model's share right on each left-out family, and the
    mean over the families (each family weighs the same)."""
    fields = sorted({f for row in table.values() for f in row})
    out: dict[str, Any] = {}
    for field in fields:
        fams = {fam: row[field] for fam, row in table.items() if field in row}
        out[field] = {
            "by_family": {
                fam: [round(r / n, 4), round(m / n, 4), n] for fam, (r, m, n) in fams.items()
            },
            "mean_rules": round(sum(r / n for r, _, n in fams.values()) / len(fams), 4),
            "mean_model": round(sum(m / n for _, m, n in fams.values()) / len(fams), 4),
        }
    return out


def _mean(table: dict[str, dict[str, tuple[int, int, int]]]) -> float:
    shares = [m / n for row in table.values() for _, m, n in row.values()]
    return sum(shares) / len(shares)


def train(
    *,
    version: str,
    per_family: int = 6,
    seed: int = 14,
    read_per_class: int = 6,
    rules: bool = True,
    c: float | None = None,
    randomised: int = 0,
    random_fields: frozenset[str] | None = RANDOM_FIELDS,
) -> ranker.Model:
    """The ranker trained on every seen family, its regularisation chosen by
    leave-one-family-out cross-validation (``GRID``, unless ``c`` is given), with the
    chosen model's left-out table in its report. ``randomised``: that many randomised
    pages (``ranker_random``) train too, the ``random_fields`` only (round 24)."""
    import time

    started = time.perf_counter()
    data = rows(documents(per_family, seed, read_per_class, randomised), vocabulary())
    tables = {
        x: lofo(data, c=x, rules=rules, random_fields=random_fields)
        for x in ((c,) if c is not None else GRID)
    }
    chosen = max(tables, key=lambda x: _mean(tables[x]))
    model = fit(data, c=chosen, rules=rules, version=version, random_fields=random_fields)
    report = {
        "c": chosen,
        "uses_rules": rules,
        "documents": len(data),
        "families": sorted({d.family for d in data}),
        "randomised": randomised,
        "random_fields": sorted(random_fields) if random_fields else "every field",
        "cv_mean_by_c": {str(x): round(_mean(t), 4) for x, t in tables.items()},
        "left_out": table_report(tables[chosen]),
        "seconds": round(time.perf_counter() - started, 1),
    }
    return attrs.evolve(model, report=report)


def held_out(model: ranker.Model | None, data: Sequence[DocRows]) -> dict[str, tuple[int, int]]:
    """Per field: how many of ``data``'s stated fields ``model`` reads right (the rules
    alone where ``model`` is ``None``), of how many."""
    out: dict[str, tuple[int, int]] = {}
    empty = ranker.Model(version="rules", weights={}, intercept={}, report={})
    for doc in data:
        for field, ok in picks(model or empty, doc).items():
            was = out.get(field, (0, 0))
            out[field] = (was[0] + ok, was[1] + 1)
    return out
