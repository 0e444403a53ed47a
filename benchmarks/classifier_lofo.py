"""Leave-one-family-out accuracy of the document classifier (round 10, issue 14).

The shipped classifier is trained (``classifier.train_from_corpus``) on the generated
families A-D (with OCR noise and the class descriptions) and on the read families L-X,
G, Z, F, E, AA, AC, AE and AB (``read_families``; T since round 12, U since round 13, V
since round 14, W since round 15, X since round 16, G since round 17, Z since round 18, F
since round 19, E since round 20, AA since round 21, AC since round 25, AE since round 26, AB
since round 27). Here,
for each of those families in turn, a model is
trained the same way on all the others (the shipped model's C, the read families two fifths
of ``--per-family`` a class as the shipped recipe since round 12; no calibration, which does
not change the class chosen) and classifies the left-out family's benchmark documents (A-D:
seed 99, 4 a class; L-X, G, Z, F, E, AA, AC, AE and AB: their own default seeds, 4 a class). H and K
are never trained on: they are read by the model trained on everything (the shipped
recipe).

Optimistic where the left-out family shaped anything the folds share: the class
descriptions (``classifier.DESCRIPTIONS``) gained Scotland's and Northern Ireland's words
in round 10 after R was read, and every rule (``assistant.refine_class``) was written
against A-R. Run: ``.venv/bin/python benchmarks/classifier_lofo.py [--per-family 25]
[--json out] [--families S,A,...]`` (the folds to run, in that order; default every
family).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cma_adapters.rules_assistant import classifier, read_families
from cma_adapters.rules_assistant.corpus import build_corpus, sample_text


def _benchmark_docs() -> dict[str, list[tuple[str, str]]]:
    """The benchmark's documents per family, as ``(text, class)``."""
    families = read_families._families()
    out: dict[str, list[tuple[str, str]]] = {}
    for s in build_corpus(4, seed=99, held_out=False):
        out.setdefault(s.family[-1], []).append((sample_text(s), s.truth.document_class.value))
    for s in build_corpus(4, seed=99, held_out=True):
        out.setdefault(s.family[-1], []).append((sample_text(s), s.truth.document_class.value))
    for letter in read_families.READ:
        build, text, _ = families[letter]
        out[letter] = [(text(s), s.truth.document_class.value) for s in build(4)]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-family", type=int, default=25)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument(
        "--families", default="", help="the folds to run, in this order (e.g. S,A,B); default all"
    )
    args = parser.parse_args()
    shipped = classifier.shipped()
    assert shipped is not None
    c = float(shipped.report["c"])
    rng = random.Random(args.seed)
    seen = build_corpus(args.per_family, seed=args.seed, held_out=False)
    per_read = max(args.per_family * 2 // 5, 2)  # as classifier.train_from_corpus (round 12)
    train_rows: list[tuple[str, str, str]] = []  # (text, label, family)
    for s in seen:
        text = sample_text(s)
        for t in (text, classifier.ocr_noise(text, rng), classifier.ocr_noise(text, rng, 0.08)):
            train_rows.append((t, s.truth.document_class.value, s.family[-1]))
    for text, label, letter in read_families.read_texts(per_read, args.seed):
        for t in (text, classifier.ocr_noise(text, rng), classifier.ocr_noise(text, rng, 0.08)):
            train_rows.append((t, label, letter))
    described, labels = classifier._training_set([], rng)  # the class descriptions only
    docs = _benchmark_docs()
    table: dict[str, dict[str, object]] = {}
    every = sorted({f for _, _, f in train_rows})
    chosen = [f for f in args.families.split(",") if f in every] if args.families else every
    for family in chosen:
        started = time.process_time()
        kept = [(t, y) for t, y, f in train_rows if f != family]
        model = classifier.train(
            [t for t, _ in kept] + described, [y for _, y in kept] + labels,
            version="lofo", c=c,
        ).model  # fmt: skip
        right = 0
        confused: dict[str, int] = {}
        for text, label in docs[family]:
            got, _ = model.predict_label(text)
            right += got == label
            if got != label:
                key = f"{label} -> {got}"
                confused[key] = confused.get(key, 0) + 1
        table[family] = {
            "right": right,
            "total": len(docs[family]),
            "confused": confused,
            "cpu_s": round(time.process_time() - started, 1),
        }
        print(f"left out {family}: {right}/{len(docs[family])} "
              f"({right / len(docs[family]):.0%}) {confused}", flush=True)  # fmt: skip
        if args.json:  # (after every fold: a run cut short keeps what it measured)
            args.json.write_text(json.dumps({"c": c, "families": table}, indent=1), "utf-8")
    for family in ("H", "K"):
        right = sum(shipped.predict_label(t)[0] == y for t, y in docs[family])
        table[family] = {"right": right, "total": len(docs[family]), "never_trained_on": True}
        print(f"{family} (never trained on, shipped model): {right}/{len(docs[family])}")
    if args.json:
        args.json.write_text(json.dumps({"c": c, "families": table}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
