"""Read families' OCR scans, Tesseract run once, read by two versions of the reader (round 45).

``intake_accuracy.py --ocr-<f> 19`` scans and OCRs a family's documents every time it is
run, though the reader's rules never change what Tesseract reads. A before/after comparison
of the reader on many families' scans therefore pays for Tesseract once here:

* ``--scan m,o,q --cache DIR``: each family's ``--ocr-<f> N`` documents (the same ones, in
  the same order, scanned the same way as ``intake_accuracy.family_ocr``) read by
  Tesseract, their text and pages written to ``DIR/<f>.pkl``;
* ``--read m,o,q --cache DIR``: those texts read by the assistant (shipped field ranker, as
  ``--ranker shipped``), one table a family and the fields summed over the families; run it
  once with main's ``src`` on ``PYTHONPATH`` and once with the branch's. ``--misses`` prints
  the misses of read families only (a blind family's never).
"""

from __future__ import annotations

import argparse
import asyncio
import pickle
import time
from pathlib import Path
from typing import Any

from benchmarks import intake_accuracy as ia
from cma_adapters.rules_assistant import ranker


def scan(key: str, count: int, cache: Path) -> None:
    from cma_adapters.tesseract import TesseractTextExtractor

    types = ia.scan_content_types()
    family = ia.PRINTED[key]

    async def read_all() -> list[tuple[str, Any]]:
        extractor = TesseractTextExtractor()
        out = []
        for index, sample in enumerate(ia.ocr_chosen(family, count)):
            data, fmt, _ = family.scanned(sample, index)
            pages = await extractor.extract(data, types[fmt])
            out.append(("\f".join(p.text for p in pages), pages))
        return out

    started = time.perf_counter()
    texts = asyncio.run(read_all())
    (cache / f"{key}.pkl").write_bytes(pickle.dumps(texts))
    print(f"{key}: {len(texts)} scans read by Tesseract in {time.perf_counter() - started:.0f} s")


def read(key: str, count: int, cache: Path, misses: bool) -> Any:
    family = ia.PRINTED[key]
    texts = pickle.loads((cache / f"{key}.pkl").read_bytes())  # our own cache
    samples = ia.ocr_chosen(family, count)
    reader = ia.assistant()

    async def read_all() -> list[tuple[Any, Any]]:
        return [
            (s, await reader.classify_and_extract(t, p))
            for s, (t, p) in zip(samples, texts, strict=True)
        ]

    result = ia.score(asyncio.run(read_all()))
    print(result.table(f"{family.title} ({len(samples)} documents, OCR{ia._by()})"))
    if misses and not family.blind:
        for miss in result.misses:
            print("  miss:", miss)
    print()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scan", default="")
    parser.add_argument("--read", default="")
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--count", type=int, default=19)
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    for key in filter(None, args.scan.split(",")):
        scan(key, args.count, args.cache)
    keys = [k for k in args.read.split(",") if k]
    if not keys:
        return
    ia.RANKER[0] = ranker.shipped()
    totals: dict[str, list[int]] = {}
    for key in keys:
        result = read(key, args.count, args.cache, args.misses)
        for line in result.table("").splitlines()[2:]:
            if len(parts := line.split()) != 4 or not parts[3].endswith("%"):
                continue  # (a line past the table: what was invented)
            field, correct, total, _ = parts
            got = totals.setdefault(field, [0, 0])
            got[0] += int(correct)
            got[1] += int(total)
    print(f"all of {','.join(keys)} ({len(keys)} families, OCR, summed)")
    for field, (correct, total) in totals.items():
        print(f"{field:<22}{correct:>9}{total:>7}")


if __name__ == "__main__":
    main()
