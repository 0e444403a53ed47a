"""The read families' misses after OCR, one line each, and which are a figure read as
another figure (round 58).

Reads ``ocr_reread.py --scan``'s cache of each family's ``--ocr-<f> 19`` scans with the
shipped reader and ranker (``ocr_candidates.reading``) and prints every miss of the
creditor, reference, claim number, balance, letter date and deadline. A reference or claim
number whose letters and figures have the true value's length and differ from it only in
figures is marked ``f4f(n)`` (n figures), with how often each form is in the OCR text and the
OCR words that hold either (with Tesseract's confidence): what a vote between the page's
readings of one value could mend. Ends with the count of misses by field.

    python benchmarks/ocr_miss_kinds.py --cache /work/ocr-cache

Only read families (a blind family's cache is skipped, never read).
"""

from __future__ import annotations

import argparse
import collections
import pickle
import re
from pathlib import Path

from benchmarks import intake_accuracy as ia
from benchmarks.ocr_candidates import reading
from cma_adapters.rules_assistant.corpus import normalise_value

FIELDS = (
    "account_reference",
    "court_claim_number",
    "creditor_name",
    "letter_date",
    "balance_pence",
    "deadline_date",
)


def _alnum(s: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", s)


def figures_differ(truth: str, read: str) -> int | None:
    """How many figures ``read`` has in place of ``truth``'s, where those are its only
    differences (letters and figures compared, same length); else None."""
    a, b = _alnum(truth), _alnum(read)
    if len(a) != len(b) or a == b:
        return None
    pairs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(pairs) if all(x.isdigit() and y.isdigit() for x, y in pairs) else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, required=True)
    args = parser.parse_args()
    kinds: collections.Counter[str] = collections.Counter()
    for pkl in sorted(args.cache.glob("*.pkl")):
        family = ia.PRINTED[pkl.stem]
        if family.blind:
            continue
        texts = pickle.loads(pkl.read_bytes())  # our own cache
        samples = ia.ocr_chosen(family, len(texts))
        for i, (sample, (text, pages)) in enumerate(zip(samples, texts, strict=True)):
            _, chosen, _ = reading(text, pages)
            for field in FIELDS:
                expected, got = getattr(sample.truth, field), chosen.get(field)
                if expected is None or normalise_value(field, got) == normalise_value(
                    field, expected
                ):
                    continue
                kinds[field] += 1
                where = f"{pkl.stem}#{i} {sample.name} {field}"
                n = figures_differ(expected, got) if isinstance(got, str) else None
                if n is None:
                    print(f"{where} exp {expected!r} got {got!r}")
                    continue
                kinds[f"{field}, a figure for a figure"] += 1
                forms = (_alnum(expected), _alnum(got))
                words = [
                    (w.text, round(w.confidence, 2))
                    for p in pages
                    for w in p.words or ()
                    if _alnum(w.text) in forms
                    or (len(_alnum(w.text)) >= 4 and any(f.endswith(_alnum(w.text)) for f in forms))
                ]
                print(
                    f"{where} f4f({n}) exp {expected!r} got {got!r} text: exp "
                    f"x{text.count(expected)} got x{text.count(got)} words {words}"
                )
    print(dict(kinds))


if __name__ == "__main__":
    main()
