"""Counts only: after OCR, is each missed value on the page's text at all? (round 59)

For each family's cached scans (``ocr_reread.py --scan``: Tesseract run once), the shipped
reader and ranker read the OCR text as ``ocr_candidates.reading`` does; every field it gets
wrong is counted by two questions, never printed:

* is the true value in the OCR text — verbatim (as the family's ``values_in_text`` counts
  it), with only its letters and figures, or not at all (Tesseract misread or dropped it)?
* does the same document's perfect text (its exact words and boxes) read it right, and is
  the true value among the OCR reading's candidates for the field?

A miss whose value is verbatim in the OCR text, read right on perfect text, is the
reader's to mend after OCR (the text holds it); a miss whose value is not in the text is
Tesseract's. Only counts are printed, so a blind family may be measured without its
misses being seen (the held-out families' caches are read by this script, never opened by
a person).

    python benchmarks/ocr_miss_presence.py --cache /work/ocr-cache-blind --count 76 \\
        --families y,i,ah,bh,bi,bj,bk
"""

from __future__ import annotations

import argparse
import collections
import pickle
from pathlib import Path

from benchmarks import intake_accuracy as ia
from benchmarks.ocr_candidates import in_text, reading
from cma_adapters.rules_assistant.corpus import FIELDS, normalise_value


def _same(field: str, a: object, b: object) -> bool:
    return bool(normalise_value(field, a) == normalise_value(field, b))


def count(key: str, cache: Path, n: int) -> collections.Counter[tuple[str, str]]:
    """``(field, kind)`` → how many, for one family's cached scans."""
    family = ia.PRINTED[key]
    texts = pickle.loads((cache / f"{key}.pkl").read_bytes())  # our own cache
    samples = ia.ocr_chosen(family, n)
    out: collections.Counter[tuple[str, str]] = collections.Counter()
    for sample, (text, pages) in zip(samples, texts, strict=True):
        _, chosen, found = reading(text, pages)
        perfect = None
        for field in FIELDS:
            expected = getattr(sample.truth, field)
            if expected is None:
                continue
            out[field, "values"] += 1
            if _same(field, chosen.get(field), expected):
                continue
            if perfect is None:
                perfect = reading(family.text(sample), family.pages(sample))[1]
            where = in_text(family, field, expected, text)
            right_on_perfect = _same(field, perfect.get(field), expected)
            candidate = any(_same(field, c.value, expected) for c in found.get(field, []))
            out[field, "misses"] += 1
            out[field, f"in text: {where}"] += 1
            if where == "verbatim" and right_on_perfect:
                out[field, "verbatim, right on perfect text"] += 1
                out[field, "  of them a candidate after OCR"] += candidate
            if not right_on_perfect:
                out[field, "wrong on perfect text too"] += 1
    return out


KINDS = (
    "values", "misses", "in text: verbatim", "in text: letters and figures", "in text: no",
    "wrong on perfect text too", "verbatim, right on perfect text",
    "  of them a candidate after OCR",
)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--families", required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--count", type=int, default=19)
    args = parser.parse_args()
    keys = [k for k in args.families.split(",") if k]
    total: collections.Counter[tuple[str, str]] = collections.Counter()
    for key in keys:
        got = count(key, args.cache, args.count)
        total += got
        misses = sum(v for (_, kind), v in got.items() if kind == "misses")
        absent = sum(v for (_, kind), v in got.items() if kind == "in text: no")
        print(f"{key}: {misses} misses, {absent} of them not in the OCR text")
    fields = [f for f in FIELDS if total[f, "values"]]
    print(f"\n{len(keys)} families ({','.join(keys)}), {args.count} scans each, after OCR")
    print(f"{'':36}" + "".join(f"{f[:12]:>13}" for f in fields))
    for kind in KINDS:
        print(f"{kind:36}" + "".join(f"{total[f, kind]:>13}" for f in fields))


if __name__ == "__main__":
    main()
