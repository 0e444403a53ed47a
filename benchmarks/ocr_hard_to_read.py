"""How well "hard to read" marks the values the reader got wrong after OCR (round 58).

For every value the reader chose on a family's cached OCR (``ocr_reread.py --scan``'s
cache: text and word boxes of each ``--ocr-<f> 19`` scan), read by the shipped reader and
ranker, its evidence is given its ``read_confidence`` as the product does
(``locate.read_confidences``; values of a text-only assistant are boxed first, as
``service.with_evidence`` does), and counted as right or wrong against the truth, marked
hard to read (``FieldEvidence.hard_to_read``) or not. Only counts are printed, a table a
field and the total, so a held-out family can be measured without a value of it shown.

    python benchmarks/ocr_hard_to_read.py --cache /work/ocr-cache [--families m,o]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import pickle
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from benchmarks import intake_accuracy as ia
from cma_adapters.rules_assistant import ranker
from cma_adapters.rules_assistant.corpus import normalise_value
from cma_core.documents.locate import read_confidences
from cma_core.documents.model import HARD_TO_READ_BELOW
from cma_core.documents.service import with_evidence

FIELDS = (
    "creditor_name",
    "original_creditor",
    "account_reference",
    "court_claim_number",
    "balance_pence",
    "letter_date",
    "deadline_date",
    "served_date",
    "payer_name",
    "income_pence",
    "gross_pence",
)


def readings(cache: Path, keys: Iterable[str]) -> Iterator[tuple[Any, Any, list[Any]]]:
    """Each cached scan of the families ``keys`` read as the product reads it: its sample,
    the shipped reader's extraction and its evidence with ``read_confidence``."""
    ia.RANKER[0] = ranker.shipped()
    reader = ia.assistant()
    for key in keys:
        texts = pickle.loads((cache / f"{key}.pkl").read_bytes())  # our own cache
        samples = ia.ocr_chosen(ia.PRINTED[key], len(texts))

        async def read_all(texts: list[tuple[str, object]] = texts) -> list[object]:
            return [await reader.classify_and_extract(t, p) for t, p in texts]

        for sample, (_, pages), extraction in zip(
            samples, texts, asyncio.run(read_all()), strict=True
        ):
            extraction = with_evidence(extraction, pages)  # type: ignore[arg-type]
            yield sample, extraction, list(read_confidences(extraction.evidence, pages))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--families", default="", help="comma-separated; default: all cached")
    args = parser.parse_args()
    wanted = set(filter(None, args.families.split(",")))
    # field -> [right, right marked, wrong, wrong marked]
    counts: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    families = [p.stem for p in sorted(args.cache.glob("*.pkl")) if not wanted or p.stem in wanted]
    if families:
        for sample, extraction, evidence in readings(args.cache, families):
            chosen = {e.field: e for e in evidence if e.chosen}
            for field in FIELDS:
                got = getattr(extraction, field, None)
                if got is None:
                    continue
                expected = getattr(sample.truth, field)
                right = normalise_value(field, got) == normalise_value(field, expected)
                marked = field in chosen and chosen[field].hard_to_read
                row = counts[field]
                row[0 if right else 2] += 1
                row[1 if right else 3] += marked
    print(f"families: {','.join(families)}; hard to read below {HARD_TO_READ_BELOW}")
    print(f"{'field':<22}{'right':>7}{'marked':>8}{'wrong':>7}{'marked':>8}")
    total = [0, 0, 0, 0]
    for field in FIELDS:
        if field in counts:
            row = counts[field]
            total = [a + b for a, b in zip(total, row, strict=True)]
            print(f"{field:<22}{row[0]:>7}{row[1]:>8}{row[2]:>7}{row[3]:>8}")
    print(f"{'all':<22}{total[0]:>7}{total[1]:>8}{total[2]:>7}{total[3]:>8}")
    if total[0] and total[2]:
        print(
            f"marked: {total[3] / total[2]:.0%} of the wrong values, "
            f"{total[1] / total[0]:.1%} of the right ones"
        )


if __name__ == "__main__":
    main()
