"""Reading low-resolution scans enlarged: the same scans read as they are and enlarged to
300 dpi first (``TesseractTextExtractor(upscale_below=...)``), alternated document by
document in one run, on the OCR samples of families already read (never a blind one).

For each family: the true values found verbatim in Tesseract's text, the fields read
right by the shipped reader (rules + field ranker), and Tesseract's CPU (its processes'
user + system time) for the images enlarged, against the same images read as they are.
Only images below the threshold change; PDFs are drawn at 300 dpi either way.

Run: ``.venv/bin/python benchmarks/ocr_upscale.py [--families m,o,p,q,r,s,u]
[--count 19] [--below 250]``
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from intake_accuracy import PRINTED, assistant  # type: ignore[import-not-found]

from cma_adapters.rules_assistant import ranker
from cma_adapters.rules_assistant.corpus import score
from cma_adapters.tesseract import TesseractTextExtractor
from cma_adapters.tesseract.extractor import image_dpi
from cma_core.documents.files import ContentType

TYPES = {
    "png": ContentType.PNG,
    "jpeg": ContentType.JPEG,
    "pdf": ContentType.PDF,
    "tiff": ContentType.TIFF,
}


def _children_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


async def _read(extractor: TesseractTextExtractor, data: bytes, fmt: str) -> tuple[Any, float]:
    before = _children_cpu()
    pages = await extractor.extract(data, TYPES[fmt])
    return pages, _children_cpu() - before


def _low(data: bytes, fmt: str, below: int) -> bool:
    """The scan is an image under ``below`` dpi (the only kind enlarging changes)."""
    if fmt == "pdf":
        return False
    import io

    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        return image_dpi(image.info.get("dpi"), image.size) < below


async def family(key: str, count: int, below: int) -> None:
    fam = PRINTED[key]
    if fam.blind:
        raise SystemExit(f"{key}: a blind family is never measured here")
    every = fam.build(max(1, -(-count // 19)))
    per = len(every) // 19
    chosen = [every[c * per + r] for r in range(per) for c in range(19)][:count]
    plain = TesseractTextExtractor(max_concurrency=1)
    enlarged = TesseractTextExtractor(max_concurrency=1, upscale_below=below)
    reader = assistant()
    rows: dict[str, list[Any]] = {"as scanned": [], "enlarged": []}
    verbatim = {"as scanned": [0, 0], "enlarged": [0, 0]}
    cpu = {"as scanned": 0.0, "enlarged": 0.0}
    low = 0
    for index, sample in enumerate(chosen):
        data, fmt, _ = fam.scanned(sample, index)
        if not _low(data, fmt, below):
            continue
        low += 1
        order = [("as scanned", plain), ("enlarged", enlarged)]
        if index % 2:
            order.reverse()  # neither always runs first (caches, load)
        for name, extractor in order:
            pages, took = await _read(extractor, data, fmt)
            cpu[name] += took
            text = "\f".join(p.text for p in pages)
            found = fam.values_in_text(sample.truth, text)
            verbatim[name][0] += found[0]
            verbatim[name][1] += found[1]
            rows[name].append((sample, await reader.classify_and_extract(text, pages)))
    print(f"== {fam.title}: {low} of {len(chosen)} scans under {below} dpi")
    if not low:
        return
    for name in ("as scanned", "enlarged"):
        result = score(rows[name])
        fields = sum(n for f, n in result.hits.items() if f != "document_class")
        total = sum(n for f, n in result.totals.items() if f != "document_class")
        print(
            f"  {name:<11} verbatim {verbatim[name][0]}/{verbatim[name][1]}, "
            f"fields {fields}/{total}, Tesseract CPU {cpu[name]:.1f} s"
        )
    ratio = cpu["enlarged"] / cpu["as scanned"] if cpu["as scanned"] else float("nan")
    print(f"  CPU enlarged / as scanned: {ratio:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--families", default="m,o,p,q,r,s,u")
    parser.add_argument("--count", type=int, default=19)
    parser.add_argument("--below", type=int, default=250)
    args = parser.parse_args()
    import intake_accuracy  # type: ignore[import-not-found]

    intake_accuracy.RANKER[0] = ranker.shipped()
    for key in args.families.split(","):
        asyncio.run(family(key.strip(), args.count, args.below))


if __name__ == "__main__":
    main()
