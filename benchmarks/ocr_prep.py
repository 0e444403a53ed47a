"""What the page handed to Tesseract does to the reading of read families' scans (round 49b).

Each family's ``--ocr-<f> N`` scans (the same ones as ``intake_accuracy.family_ocr``) are
read by ``TesseractTextExtractor`` once as ``main`` prepares pages (``base``) and once per
variant of the preparation named in ``--variants`` (``maxrgb``, ``lift``, ``paper``: below;
``shipped``: the extractor's own ``_prepare``); a variant replaces the extractor's page
preparation (``extractor._prepare``) and, with ``--every``, is also applied to pages the
direct path would have sent as uploaded (every page decoded here then). Only the documents
a variant can change are read (without ``--every``: images decoded here, i.e. not 8-bit
grey, not PDFs), so the figures are on those documents: values verbatim in the OCR text
and the field table (shipped field ranker), per family and summed. A variant that changes
the reading rather than the page is a module switch in ``SWITCHES`` (round 49b's re-read
of faint print was one; not kept, so none now).

``--spread`` prints each document's paper spread (``_spread``); ``--gates 30,40`` adds,
from the cached readings, ``paper`` only where that spread is over each gate.
Readings are cached in ``--cache`` (``<f>-<colour|every>[-<count>]-<variant>.pkl``: the
scans chosen differ by ``--count``) for the next run.
Never run it on a blind family: it refuses one. Results: ``results-ocrprep-*.txt``.

Run: ``PYTHONPATH=src:. python benchmarks/ocr_prep.py --families z,ap --variants paper``
"""

from __future__ import annotations

import argparse
import asyncio
import io
import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image

from benchmarks import intake_accuracy as ia
from cma_adapters.rules_assistant import ranker
from cma_adapters.tesseract import extractor as ex

SHIPPED_PREPARE = ex._prepare


MAIN_PREPARE = SHIPPED_PREPARE
"""The baseline every variant is read against: the checked-out ``src``'s own preparation
(alpha flattened, Pillow's luma; round 49b shipped no change to it). It was a copy of
``extractor._prepare`` while the branch changed that function."""


VARIANTS: dict[str, Callable[[Image.Image], Image.Image]] = {}


def variant(name: str) -> Callable[[Callable[[Image.Image], Image.Image]], Any]:
    def add(fn: Callable[[Image.Image], Image.Image]) -> Any:
        VARIANTS[name] = fn
        return fn

    return add


def _from_src(name: str) -> Callable[[Image.Image], Image.Image]:
    """A preparation in ``src``: ``shipped`` is the extractor's own (this branch's)."""
    return SHIPPED_PREPARE if name == "shipped" else getattr(ex, name)  # type: ignore[no-any-return]


def changeable(data: bytes, fmt: str, every: bool) -> bool:
    if every:
        return True
    if fmt == "pdf":
        return False
    with Image.open(io.BytesIO(data)) as image:
        return image.mode not in ("L", "1")


# Variants that change the extractor's reading, not the page it is given: each a switch
# in ``src`` (off for ``base``, as on ``main``; on for the variant), pages sent as usual.
SWITCHES: dict[str, tuple[Any, str]] = {}  # (round 49b's "faint" was one: not kept)


async def read_one(data: bytes, fmt: str, prepare: Any, every: bool) -> tuple[str, Any]:
    types = ia.scan_content_types()
    switched = SWITCHES.get(prepare) if isinstance(prepare, str) else None
    for module, flag in SWITCHES.values():
        setattr(module, flag, False)
    if switched:
        setattr(switched[0], switched[1], True)
    else:
        ex._prepare = prepare
    try:
        extractor = ex.TesseractTextExtractor(direct=not every or switched is not None)
        pages = await extractor.extract(data, types[fmt])
    finally:
        ex._prepare = SHIPPED_PREPARE
        for module, flag in SWITCHES.values():
            setattr(module, flag, False)
    return "\f".join(p.text for p in pages), pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--families", required=True)
    parser.add_argument("--variants", default="")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/ocrprep-cache"))
    parser.add_argument("--count", type=int, default=19)
    parser.add_argument("--every", action="store_true")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--spread", action="store_true", help="each document's paper spread")
    parser.add_argument(
        "--gates",
        default="",
        help="also paper only where the page's spread is over each of these (from the cache)",
    )
    parser.add_argument("--quiet", action="store_true", help="sums only, no family table")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    names = [v for v in args.variants.split(",") if v]
    gates = [int(g) for g in args.gates.split(",") if g]
    for name in names:
        if name in SWITCHES:
            VARIANTS[name] = name  # type: ignore[assignment]
        elif name not in VARIANTS:
            VARIANTS[name] = _from_src(name)
    ia.RANKER[0] = ranker.shipped()
    reader = ia.assistant()
    sums: dict[str, dict[str, list[int]]] = {}
    verbatim_sums: dict[str, list[int]] = {}
    docs_sum = [0, 0]
    for key in filter(None, args.families.split(",")):
        family = ia.PRINTED[key]
        if family.blind:
            raise SystemExit(f"{key} is a blind family: not read here")
        started = time.perf_counter()
        samples = ia.ocr_chosen(family, args.count)
        tag = ("every" if args.every else "colour") + ("" if args.count == 19 else f"-{args.count}")
        base_file = args.cache / f"{key}-{tag}-base.pkl"
        base: dict[int, tuple[str, Any]] = (
            pickle.loads(base_file.read_bytes()) if base_file.exists() else {}
        )
        chosen: list[tuple[int, Any, bytes, str]] = []
        for index, sample in enumerate(samples):
            data, fmt, _ = family.scanned(sample, index)
            if changeable(data, fmt, args.every):
                chosen.append((index, sample, data, fmt))
        docs_sum[0] += len(chosen)
        docs_sum[1] += len(samples)
        readings: dict[str, list[tuple[str, Any]]] = {}
        for name in ["base", *names]:
            out = []
            for index, _sample, data, fmt in chosen:
                if name == "base":
                    if index not in base:
                        base[index] = asyncio.run(read_one(data, fmt, MAIN_PREPARE, False))
                    out.append(base[index])
                else:
                    vfile = args.cache / f"{key}-{tag}-{name}.pkl"
                    cached = pickle.loads(vfile.read_bytes()) if vfile.exists() else {}
                    if index not in cached:
                        cached[index] = asyncio.run(read_one(data, fmt, VARIANTS[name], args.every))
                        vfile.write_bytes(pickle.dumps(cached))
                    out.append(cached[index])
            readings[name] = out
        base_file.write_bytes(pickle.dumps(base))
        if args.spread:
            print(f"{key} spreads: " + ", ".join(
                f"{i}:{_spread(d, f)}" for i, _s, d, f in chosen
            ))  # fmt: skip
        print(f"{key}: {len(chosen)} of {len(samples)} documents read "
              f"({time.perf_counter() - started:.0f} s)", flush=True)  # fmt: skip
        if gates and "paper" in readings:
            spreads = [int(_spread(d, f)) for _i, _s, d, f in chosen]
            for gate in gates:
                readings[f"gate{gate}"] = [
                    p if spread > gate else b
                    for b, p, spread in zip(
                        readings["base"], readings["paper"], spreads, strict=True
                    )
                ]
        for name, texts in readings.items():
            found = [0, 0]
            pairs = []
            for (_i, sample, _d, _f), (text, pages) in zip(chosen, texts, strict=True):
                a, b = family.values_in_text(sample.truth, text)
                found[0] += a
                found[1] += b
                pairs.append((sample, asyncio.run(reader.classify_and_extract(text, pages))))
            got = verbatim_sums.setdefault(name, [0, 0])
            got[0] += found[0]
            got[1] += found[1]
            if not pairs:
                continue
            result = ia.score(pairs)
            table = sums.setdefault(name, {})
            for field, total in result.totals.items():
                if total:
                    cell = table.setdefault(field, [0, 0])
                    cell[0] += result.hits[field]
                    cell[1] += total
            if not args.quiet:
                print(f"  {name}: verbatim {found[0]} of {found[1]}; " + ", ".join(
                    f"{f} {result.hits[f]}/{t}" for f, t in result.totals.items() if t
                ))  # fmt: skip
                if args.misses:
                    for miss in result.misses:
                        print("    miss:", miss)
    print(f"\nsummed over {args.families} ({docs_sum[0]} of {docs_sum[1]} documents read)")
    fields = list(sums.get("base", {}))
    print(f"{'field':<22}" + "".join(f"{n:>14}" for n in sums))
    for field in fields:
        print(f"{field:<22}" + "".join(
            f"{sums[n].get(field, [0, 0])[0]:>9}/{sums[n].get(field, [0, 0])[1]:<4}" for n in sums
        ))  # fmt: skip
    print(f"{'verbatim':<22}" + "".join(
        f"{v[0]:>9}/{v[1]:<4}" for v in verbatim_sums.values()
    ))  # fmt: skip


def _spread(data: bytes, fmt: str) -> str:
    """How uneven the first page's paper is: the grey levels between the 5th and 95th
    percentile of the luma of its paper's map (the brightest of each block, as ``_paper``
    maps it; blocks the page's edge cuts left out). The gate ``--gates`` tries."""
    import numpy as np

    with Image.open(io.BytesIO(data)) as image:
        image.load()
        pixels = np.asarray(_rgb(image))
    height, width, _ = pixels.shape
    step = max(8, min(height, width) // 60)
    rows, cols = height // step, width // step
    body = pixels[: rows * step, : cols * step]
    blocks = body.reshape(rows, step, cols * step * 3).max(axis=1)
    blocks = blocks.reshape(rows, cols, step, 3).max(axis=2)
    luma = blocks @ np.array([0.299, 0.587, 0.114])
    low, high = np.percentile(luma, [5, 95])
    return str(round(float(high - low)))


# -- candidate preparations ------------------------------------------------------------


def _rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, "white")
        image = Image.alpha_composite(white, rgba)
    return image.convert("RGB")


@variant("maxrgb")
def _maxrgb(image: Image.Image) -> Image.Image:
    """The brightest channel: a chromatic stain is bright in one channel at least."""
    if image.mode in ("L", "1"):
        return MAIN_PREPARE(image)
    import numpy as np

    a = np.asarray(_rgb(image))
    return Image.fromarray(a.max(axis=2))


@variant("lift")
def _lift(image: Image.Image) -> Image.Image:
    """Luma lifted by the pixel's chroma (max - min channel): grey ink stays, a tint goes."""
    if image.mode in ("L", "1"):
        return MAIN_PREPARE(image)
    import numpy as np

    rgb = _rgb(image)
    a = np.asarray(rgb).astype(np.int16)
    luma = np.asarray(rgb.convert("L")).astype(np.int16)
    chroma = a.max(axis=2) - a.min(axis=2)
    return Image.fromarray(np.minimum(luma + chroma, 255).astype(np.uint8))


@variant("paper")
def _paper(image: Image.Image) -> Image.Image:
    """Each channel divided by the paper's local colour (the brightest of each ~1/8 inch
    block, then of its neighbours), then luma: a tinted patch of paper becomes white, ink
    on it stays dark, coloured print on white paper keeps its luma."""
    if image.mode in ("L", "1"):
        return MAIN_PREPARE(image)
    import numpy as np

    rgb = _rgb(image)
    a = np.asarray(rgb)
    h, w, _ = a.shape
    step = max(8, min(h, w) // 60)
    hh, ww = -(-h // step), -(-w // step)
    padded = np.full((hh * step, ww * step, 3), 255, np.uint8)
    padded[:h, :w] = a
    blocks = padded.reshape(hh, step, ww, step, 3).max(axis=(1, 3))
    # brightest of the 3x3 neighbourhood: a block covered by print still finds paper
    grown = blocks.copy()
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            grown = np.maximum(grown, np.roll(np.roll(blocks, dy, 0), dx, 1))
    small = Image.fromarray(grown)
    paper = np.asarray(small.resize((w, h), Image.Resampling.BILINEAR)).astype(np.float32)
    out = np.clip(a.astype(np.float32) * 255.0 / np.maximum(paper, 1.0), 0, 255)
    norm = Image.fromarray(out.astype(np.uint8))
    return norm.convert("L")


if __name__ == "__main__":
    main()
