"""Document intake on the layout-family corpus: accuracy per field (seen and held-out
families), the classifier's confusion matrix, the text gained by passing the DPI to
Tesseract, and per-document latency for 1 and for 20 documents at once.

Run: ``OMP_THREAD_LIMIT=1 .venv/bin/python benchmarks/ocr_intake.py [--per-family 1]
[--dpi-pages 12] [--skip-accuracy]``
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

import pytesseract

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.rules_assistant.corpus import (
    SCANS_HELD,
    Sample,
    build_corpus,
    render_page,
    scanned,
    score,
)
from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.files import ContentType

TYPES = {"png": ContentType.PNG, "jpeg": ContentType.JPEG, "pdf": ContentType.PDF}


async def read_all(samples: list[Sample]) -> list[tuple[Sample, object, float]]:
    """Every sample scanned, OCR'd and read, concurrently; with each one's latency."""
    extractor = TesseractTextExtractor()
    assistant = RuleBasedAssistant()
    # Printing and scanning the corpus is not part of the intake: done before the clock.
    files = [scanned(sample, index) for index, sample in enumerate(samples)]
    started = time.perf_counter()

    async def one(index: int, sample: Sample) -> tuple[Sample, object, float]:
        data, fmt, _ = files[index]
        pages = await extractor.extract(data, TYPES[fmt])
        text = "\f".join(p.text for p in pages)
        extraction = await assistant.classify_and_extract(text, pages)
        return sample, extraction, time.perf_counter() - started

    return list(await asyncio.gather(*(one(i, s) for i, s in enumerate(samples))))


def accuracy(per_family: int) -> None:
    for held in (False, True):
        samples = build_corpus(per_family, seed=7, held_out=held)
        started = time.perf_counter()
        results = asyncio.run(read_all(samples))
        took = time.perf_counter() - started
        result = score([(s, e) for s, e, _ in results])  # type: ignore[misc]
        name = "held-out" if held else "seen"
        print(result.table(f"\n{name} families, OCR, {len(samples)} documents, {took:.0f} s"))
        if held:
            print("\nconfusion (held-out, OCR): expected -> read as")
            for cls, row in sorted(result.confusion.items()):
                print(f"  {cls}: " + ", ".join(f"{k} {v}" for k, v in sorted(row.items())))
            for miss in result.misses:
                print("  miss:", miss)


def dpi_gain(pages: int) -> None:
    """Share of the values each page states found verbatim in the OCR text, with and
    without ``--dpi`` (300-dpi scans saved without resolution metadata)."""
    samples = build_corpus(1, seed=11, held_out=True)[:pages]
    found = {True: 0, False: 0}
    total = 0
    for sample in samples:
        image = render_page(sample.pages[0], SCANS_HELD[1])
        values = [
            v
            for v in (
                sample.truth.creditor_name,
                sample.truth.account_reference,
                sample.truth.court_claim_number,
            )
            if v
        ]
        total += len(values)
        for with_dpi in (True, False):
            config = "--psm 3" + (" --dpi 300" if with_dpi else "")
            text = pytesseract.image_to_string(image.convert("L"), config=config)
            found[with_dpi] += sum(v in text for v in values)
    print(f"\nDPI: values found verbatim in {pages} pages (300 dpi, no metadata):")
    print(f"  with --dpi 300 : {found[True]}/{total}")
    print(f"  without        : {found[False]}/{total}")


def latency() -> None:
    samples = build_corpus(1, seed=13, held_out=True)
    for count in (1, 20):
        batch = (samples * 2)[:count]
        results = asyncio.run(read_all(batch))
        times = sorted(t for _, _, t in results)
        print(
            f"\nlatency upload->suggestions (extract + read), {count} at once: "
            f"median {statistics.median(times):.1f} s, first {times[0]:.1f} s, "
            f"last {times[-1]:.1f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-family", type=int, default=1)
    parser.add_argument("--dpi-pages", type=int, default=12)
    parser.add_argument("--skip-accuracy", action="store_true")
    parser.add_argument("--skip-dpi", action="store_true")
    args = parser.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    if not args.skip_accuracy:
        accuracy(args.per_family)
    if not args.skip_dpi:
        dpi_gain(args.dpi_pages)
    latency()


if __name__ == "__main__":
    main()
