"""OCR throughput: the CMA pipeline (TesseractTextExtractor) vs the bare ``tesseract`` CLI.

Both read the same generated PNG pages with the same concurrency (one Tesseract process
per core, ``OMP_THREAD_LIMIT=1``). The ratio is what the pipeline's extra work costs:
decoding and greyscaling with Pillow, pytesseract's temp files, and TSV output (needed
for per-word confidence) instead of plain text.

Run: ``.venv/bin/python benchmarks/ocr_throughput.py [--pages 24] [--repeat 2]``
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.integration.ocr.corpus import TEMPLATES, encode, render

from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.files import ContentType


def make_pages(count: int) -> list[bytes]:
    return [
        encode(
            render(TEMPLATES[i % len(TEMPLATES)][0](TEMPLATES[i % len(TEMPLATES)][1])),
            ContentType.PNG,
        )
        for i in range(count)
    ]


def bare(paths: list[Path], workers: int) -> float:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def run(path: Path) -> None:
        subprocess.run(
            ["tesseract", str(path), "-", "--psm", "3"],
            check=True,
            capture_output=True,
            env=env,
        )

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(run, paths))
    return time.perf_counter() - started


async def pipeline(pages: list[bytes], workers: int) -> float:
    extractor = TesseractTextExtractor(max_concurrency=workers)
    started = time.perf_counter()
    await asyncio.gather(*(extractor.extract(p, ContentType.PNG) for p in pages))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    workers = os.cpu_count() or 1
    pages = make_pages(args.pages)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, data in enumerate(pages):
            path = Path(tmp) / f"page-{i}.png"
            path.write_bytes(data)
            paths.append(path)
        bare_times, pipe_times = [], []
        for _ in range(args.repeat):  # interleaved, best of N, to damp machine noise
            bare_times.append(bare(paths, workers))
            pipe_times.append(asyncio.run(pipeline(pages, workers)))
    b, p = min(bare_times), min(pipe_times)
    print(f"pages={args.pages} workers={workers} (1240x1754 PNG, 150 dpi A4)")
    print(f"bare tesseract CLI : {b:6.2f} s  {args.pages / b:5.2f} pages/s")
    print(f"CMA pipeline       : {p:6.2f} s  {args.pages / p:5.2f} pages/s")
    print(f"pipeline / bare throughput ratio: {b / p:.2f}")


if __name__ == "__main__":
    main()
