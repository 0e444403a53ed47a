"""Counts only: does the pipeline's OCR text hold the true values as often as bare
``tesseract`` run on the same scan files? (round 59)

For each family's cached scans (``ocr_reread.py --scan``: the pipeline's text), the scan is
made again (the corpus is deterministic: the same bytes) and given as uploaded to bare
``tesseract FILE stdout`` (its defaults: page segmentation 3, resolution from the file).
PDFs are left out (bare Tesseract does not read them). For each field the family states,
the true value is looked for in both texts as the family's ``values_in_text`` does; only
counts are printed, so a blind family may be measured without its values being seen.

    python benchmarks/ocr_bare_presence.py --cache /work/ocr-cache-blind --count 76 \\
        --families y,i,ah,bh,bi,bj,bk
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import os
import pickle
import subprocess
import tempfile
import types
from pathlib import Path

from benchmarks import intake_accuracy as ia
from cma_adapters.rules_assistant.corpus import FIELDS

SUFFIX = {"png": ".png", "jpeg": ".jpg", "tiff": ".tif"}


def bare(data: bytes, suffix: str) -> str:
    with tempfile.NamedTemporaryFile(suffix=suffix) as f:
        f.write(data)
        f.flush()
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        out = subprocess.run(
            ["tesseract", f.name, "stdout"], capture_output=True, check=True, env=env
        )
    return out.stdout.decode("utf-8", "replace")


def present(family: object, field: str, value: object, text: str) -> bool:
    truth = types.SimpleNamespace(**(dict.fromkeys(FIELDS) | {field: value}))
    return bool(family.values_in_text(truth, text)[0])  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--families", required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--count", type=int, default=19)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    # field -> [values, pipeline, bare, pipeline only, bare only]
    counts: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0, 0])
    skipped = 0
    pool = concurrent.futures.ThreadPoolExecutor(args.workers)
    for key in filter(None, args.families.split(",")):
        family = ia.PRINTED[key]
        texts = pickle.loads((args.cache / f"{key}.pkl").read_bytes())  # our own cache
        samples = ia.ocr_chosen(family, args.count)
        jobs = []
        for index, (sample, (text, _)) in enumerate(zip(samples, texts, strict=True)):
            data, fmt, _ = family.scanned(sample, index)
            if fmt not in SUFFIX:
                skipped += 1
                continue
            jobs.append((sample, text, pool.submit(bare, data, SUFFIX[fmt])))
        for sample, text, job in jobs:
            plain = job.result()
            for field in FIELDS:
                value = getattr(sample.truth, field)
                if value is None:
                    continue
                a, b = present(family, field, value, text), present(family, field, value, plain)
                row = counts[field]
                row[0] += 1
                row[1] += a
                row[2] += b
                row[3] += a and not b
                row[4] += b and not a
        print(f"{key}: {len(jobs)} scans read by bare tesseract", flush=True)
    print(f"\n{skipped} PDF scans left out")
    widths = (8, 10, 8, 11, 11)
    heads = ("values", "pipeline", "bare", "only pipe", "only bare")
    print(f"{'field':<22}" + "".join(f"{h:>{w}}" for h, w in zip(heads, widths, strict=True)))
    total = [0] * 5
    for field in FIELDS:
        if field in counts:
            row = counts[field]
            total = [x + y for x, y in zip(total, row, strict=True)]
            print(f"{field:<22}" + "".join(f"{v:>{w}}" for v, w in zip(row, widths, strict=True)))
    print(f"{'all':<22}" + "".join(f"{v:>{w}}" for v, w in zip(total, widths, strict=True)))


if __name__ == "__main__":
    main()
