"""Document reading accuracy on perfect text (the corpus's exact word boxes, no OCR),
per family group: seen (A-D, used for rules and training), held-out H and held-out K
(never used for either). Prints the per-field tables, the misses and the classifier's
confusion on the held-out families.

Run: ``.venv/bin/python benchmarks/intake_accuracy.py [--per-family 4] [--misses]``
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cma_adapters.rules_assistant import classifier
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import (
    Sample,
    build_corpus,
    sample_pages,
    sample_text,
    score,
)
from cma_core.documents.rules import CHECK_TYPE_BELOW


def reliability(model: classifier.Model | None, samples: list[Sample]) -> str:
    """Errors caught and correct documents flagged by each confidence threshold."""
    if model is None:
        return ""
    got = []
    for s in samples:
        cls, confidence, _ = model.predict(sample_text(s))
        got.append((cls is s.truth.document_class, confidence))
    wrong = sum(not ok for ok, _ in got)
    lines = [f"  calibration: {wrong} of {len(got)} classified wrong"]
    for threshold in (0.5, CHECK_TYPE_BELOW, 0.8, 0.9):
        caught = sum(not ok and c < threshold for ok, c in got)
        flagged = sum(ok and c < threshold for ok, c in got)
        lines.append(
            f"  below {threshold:.2f}: {caught}/{wrong} errors caught, "
            f"{flagged}/{len(got) - wrong} correct flagged"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-family", type=int, default=4)
    parser.add_argument("--seed", type=int, default=99)
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    model = classifier.shipped()
    for title, held, only in (
        ("seen A-D", False, None),
        ("held-out H", True, "H"),
        ("held-out K", True, "K"),
    ):
        samples = build_corpus(args.per_family, seed=args.seed, held_out=held, only=only)
        result = score([(s, extract(sample_text(s), sample_pages(s), model)) for s in samples])
        print(result.table(f"{title} ({len(samples)} documents, perfect text)"))
        if held:
            for expected, got in sorted(result.confusion.items()):
                wrong = {k: v for k, v in got.items() if k != expected}
                if wrong:
                    print(f"  confused: {expected} -> {wrong}")
            print(reliability(model, samples))
        if args.misses:
            for miss in result.misses:
                print("  miss:", miss)
        print()


if __name__ == "__main__":
    main()
