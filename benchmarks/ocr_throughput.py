"""OCR throughput: the CMA pipeline (TesseractTextExtractor) vs the bare ``tesseract`` CLI.

Both read the same generated PNG pages with the same concurrency (one Tesseract process
per core, ``OMP_THREAD_LIMIT=1``). The ratio is what the pipeline's extra work costs:
decoding and greyscaling with Pillow, pytesseract's temp files, and TSV output (needed
for per-word confidence) instead of plain text.

``--read`` adds a third side: the pipeline and then the reading the worker does with each
document's pages (``RuleBasedAssistant.classify_and_extract``: the classifier, the word-box
layout and every field's candidates), so the ratio covers the whole intake, not only the
text. The reading runs on the event loop, as in the worker, while other pages' Tesseract
processes run.

``--decoded`` adds the pipeline with the direct path off (every page decoded, prepared and
sent to Tesseract as a PackBits TIFF), to show what handing pages over as uploaded saves.
``--json FILE`` writes every round's figures, not only the best.

Run: ``.venv/bin/python benchmarks/ocr_throughput.py [--pages 24] [--repeat 2] [--read]
[--decoded] [--json FILE] [--colour even|uneven]``
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
from PIL import Image
from tests.integration.ocr.corpus import TEMPLATES, encode, render

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.files import ContentType


def make_pages(count: int, colour: str = "") -> list[bytes]:
    pages = [
        render(TEMPLATES[i % len(TEMPLATES)][0](TEMPLATES[i % len(TEMPLATES)][1]))
        for i in range(count)
    ]
    if colour:
        pages = [tinted(page, uneven=colour == "uneven") for page in pages]
    return [encode(page, ContentType.PNG) for page in pages]


def tinted(page: Image.Image, *, uneven: bool) -> Image.Image:
    """The grey page as a colour scan (round 49b): on cream paper (``--colour even``), or
    also under a translucent blue splash over its lower half (``--colour uneven``). Both
    are decoded and made grey by the extractor (never sent as uploaded): what a colour
    page's preparation costs against bare ``tesseract`` reading the same PNG."""
    grey = np.asarray(page, np.float32) / 255
    rgb = grey[..., None] * np.array([250, 248, 240], np.float32)
    if uneven:
        height, width = grey.shape
        yy, xx = np.mgrid[0:height, 0:width]
        under = (xx - width / 2) ** 2 + ((yy - height * 0.7) * 1.5) ** 2 < (width * 0.4) ** 2
        rgb[under] *= np.array([0.45, 0.55, 0.85], np.float32)
    return Image.fromarray(rgb.astype(np.uint8), "RGB")


def cpu_seconds() -> float:
    """CPU time of this process (all its threads) and of its finished children (the
    Tesseract processes both sides start): what a page costs whatever else the machine is
    doing, where wall time on a shared machine is mostly the other jobs' noise."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of ``run()``."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    run()
    return time.perf_counter() - wall, cpu_seconds() - cpu


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


async def pipeline(pages: list[bytes], workers: int, *, direct: bool = True) -> float:
    extractor = TesseractTextExtractor(max_concurrency=workers, direct=direct)
    started = time.perf_counter()
    await asyncio.gather(*(extractor.extract(p, ContentType.PNG) for p in pages))
    return time.perf_counter() - started


async def pipeline_and_read(
    pages: list[bytes], workers: int, assistant: RuleBasedAssistant
) -> tuple[float, float]:
    """Seconds for every page's text and reading, and the reading's own CPU seconds. The
    assistant is made once (its classifier loaded), as a worker process does."""
    extractor = TesseractTextExtractor(max_concurrency=workers)
    reading = 0.0

    async def one(page: bytes) -> None:
        nonlocal reading
        texts = await extractor.extract(page, ContentType.PNG)
        began = time.process_time()
        await assistant.classify_and_extract("\f".join(t.text for t in texts), texts)
        reading += time.process_time() - began

    started = time.perf_counter()
    await asyncio.gather(*(one(p) for p in pages))
    return time.perf_counter() - started, reading


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--read", action="store_true", help="also time pipeline + reading")
    parser.add_argument("--decoded", action="store_true", help="also the pipeline, no direct path")
    parser.add_argument("--json", type=Path, help="write every round's figures here")
    parser.add_argument(
        "--colour", choices=("even", "uneven"), help="colour pages (round 49b): see tinted()"
    )
    args = parser.parse_args()
    load_before = os.getloadavg()
    workers = os.cpu_count() or 1
    pages = make_pages(args.pages, args.colour or "")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, data in enumerate(pages):
            path = Path(tmp) / f"page-{i}.png"
            path.write_bytes(data)
            paths.append(path)
        sides: dict[str, list[tuple[float, float]]] = {
            "bare": [],
            "pipeline": [],
            "decoded": [],
            "read": [],
        }
        read_cpu: list[float] = []
        assistant = RuleBasedAssistant(field_ranker="shipped")  # as an install reads
        for _ in range(args.repeat):  # interleaved, best of N, to damp machine noise
            sides["bare"].append(timed(lambda: bare(paths, workers)))
            sides["pipeline"].append(timed(lambda: asyncio.run(pipeline(pages, workers))))
            if args.decoded:
                sides["decoded"].append(
                    timed(lambda: asyncio.run(pipeline(pages, workers, direct=False)))
                )
            if args.read:
                sides["read"].append(
                    timed(
                        lambda: read_cpu.append(
                            asyncio.run(pipeline_and_read(pages, workers, assistant))[1]
                        )
                    )
                )
    load_after = os.getloadavg()
    print(f"load average: before {load_before}, after {load_after}")
    kind = f"{args.colour} colour" if args.colour else "grey"
    print(f"pages={args.pages} workers={workers} (1240x1754 {kind} PNG, 150 dpi A4)")
    b = min(sides["bare"])
    bc = min(c for _, c in sides["bare"])
    names = {
        "bare": "bare tesseract CLI",
        "pipeline": "CMA pipeline",
        "decoded": "pipeline, decoded",
        "read": "pipeline + reading",
    }
    for side, runs in sides.items():
        if not runs:
            continue
        wall, cpu_s = min(w for w, _ in runs), min(c for _, c in runs)
        print(
            f"{names[side]:<19}: {wall:6.2f} s wall ({args.pages / wall:5.2f} pages/s), "
            f"{cpu_s:6.2f} CPU s ({cpu_s / args.pages * 1000:5.0f} ms a page)"
        )
        if side != "bare":
            print(f"  / bare: wall throughput {b[0] / wall:.2f}, CPU efficiency {bc / cpu_s:.2f}")
    if read_cpu:
        print(f"  reading's own CPU: {min(read_cpu) / args.pages * 1000:.1f} ms a page")
    rounds = [  # per round, each side's CPU efficiency against that round's bare side
        {
            side: {
                "wall": runs[i][0],
                "cpu": runs[i][1],
                "cpu_efficiency": sides["bare"][i][1] / runs[i][1],
            }
            for side, runs in sides.items()
            if runs
        }
        for i in range(args.repeat)
    ]
    for i, row in enumerate(rounds, 1):
        print(
            f"  round {i}: "
            + ", ".join(f"{k} {v['cpu_efficiency']:.2f}" for k, v in row.items() if k != "bare")
        )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "pages": args.pages,
                    "workers": workers,
                    "load_before": load_before,
                    "load_after": load_after,
                    "rounds": rounds,
                },
                indent=1,
            )
        )


if __name__ == "__main__":
    main()
