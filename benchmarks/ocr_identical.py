"""Same output before and after a speed change: the OCR extractor's words and the reading's
fields, page by page, document by document.

``--dump FILE`` runs ``TesseractTextExtractor`` and then the rules reader
(``RuleBasedAssistant``, the shipped field ranker, as an install reads) over a fixed set:

* the throughput benchmark's pages (``ocr_throughput.make_pages``, ``--pages``);
* ``--scans`` scans of each of ``--families`` (read families only: ``read_families.READ``;
  each made by the family's own ``<x>_scanned`` helper, as ``intake_accuracy.py --ocr-<x>``
  makes them: PNG, JPEG, TIFF and PDF, 150-300 dpi);
* with ``--text N``, N documents a class of every read family on perfect text (their words'
  exact boxes, ``read_families.read_samples``): the reading alone, no OCR.

and writes, for each page, its text, confidence, source, size and every word (text, box,
confidence, line), and for each document the whole ``Extraction`` (its ``repr``: every field,
every evidence box, every confidence as Python prints the float). ``--compare A B`` says
whether two dumps are identical, or names each page or document that differs.

Run it twice, once with the code before (an archive of main's ``src`` first on
``PYTHONPATH``) and once after, then compare::

    git -C /work/main archive main src | tar -x -C /tmp/before
    PYTHONPATH=/tmp/before/src:. python benchmarks/ocr_identical.py --dump /tmp/before.json
    PYTHONPATH=src:. python benchmarks/ocr_identical.py --dump /tmp/after.json
    python benchmarks/ocr_identical.py --compare /tmp/before.json /tmp/after.json
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FAMILIES = "m,s,v,aa,af,al,an,ao"
_TYPES = {"png": "PNG", "jpeg": "JPEG", "tiff": "TIFF", "pdf": "PDF"}


def _page(page: Any) -> dict[str, Any]:
    return {
        "number": page.number,
        "text": page.text,
        "confidence": repr(page.confidence),
        "source": str(page.source),
        "size": list(page.size) if page.size else None,
        "words": [
            [
                w.text,
                w.box.left,
                w.box.top,
                w.box.width,
                w.box.height,
                repr(w.confidence),
                w.line,
            ]
            for w in page.words
        ],
    }


def _inputs(args: argparse.Namespace) -> list[tuple[str, bytes, str]]:
    """(id, bytes, content type name) of every document OCR'd."""
    from benchmarks.ocr_throughput import make_pages
    from cma_adapters.rules_assistant.read_families import READ

    out = [(f"throughput-{i}", data, "PNG") for i, data in enumerate(make_pages(args.pages))]
    for key in (k.strip().lower() for k in args.families.split(",") if k.strip()):
        if key.upper() not in READ or key == "l":
            raise SystemExit(f"family {key!r} is not a read family (or is L): refused")
        module = importlib.import_module(f"cma_adapters.rules_assistant.corpus_blind_{key}")
        build, scanned = getattr(module, f"build_{key}"), getattr(module, f"{key}_scanned")
        every = build(max(1, -(-args.scans // 19)))  # as intake_accuracy.family_ocr
        per = len(every) // 19
        chosen = [every[c * per + r] for r in range(per) for c in range(19)][: args.scans]
        for index, sample in enumerate(chosen):
            data, fmt, _ = scanned(sample, index)
            out.append((f"{key}-{index}", data, _TYPES[fmt]))
    return out


async def _run(args: argparse.Namespace) -> dict[str, Any]:
    from cma_adapters.rules_assistant import RuleBasedAssistant
    from cma_adapters.rules_assistant.read_families import read_samples
    from cma_adapters.tesseract import TesseractTextExtractor
    from cma_core.documents.files import ContentType

    extractor = TesseractTextExtractor()
    reader = RuleBasedAssistant(field_ranker="shipped")
    out: dict[str, Any] = {}
    for name, data, kind in _inputs(args):
        pages = await extractor.extract(data, ContentType[kind])
        text = "\f".join(p.text for p in pages)
        extraction = await reader.classify_and_extract(text, pages)
        out[name] = {"pages": [_page(p) for p in pages], "extraction": repr(extraction)}
    if args.text:
        for i, (_, text, pages, letter) in enumerate(read_samples(args.text, seed=4242)):
            extraction = await reader.classify_and_extract(text, pages)
            out[f"text-{letter}-{i}"] = {"pages": [], "extraction": repr(extraction)}
    return out


def compare(before: dict[str, Any], after: dict[str, Any]) -> int:
    """Print what differs; the number of documents that do."""
    differ = 0
    pages = words = 0
    for name in sorted(set(before) | set(after)):
        a, b = before.get(name), after.get(name)
        if a is None or b is None:
            print(f"{name}: only in {'after' if a is None else 'before'}")
            differ += 1
            continue
        pages += len(a["pages"])
        words += sum(len(p["words"]) for p in a["pages"])
        bad = [
            f"page {p['number']}" for p, q in zip(a["pages"], b["pages"], strict=False) if p != q
        ]
        if len(a["pages"]) != len(b["pages"]):
            bad.append(f"{len(a['pages'])} pages before, {len(b['pages'])} after")
        if a["extraction"] != b["extraction"]:
            bad.append(f"extraction: {a['extraction']!r} -> {b['extraction']!r}")
        if bad:
            differ += 1
            print(f"{name}: " + "; ".join(bad))
    same = len(set(before) & set(after)) - differ
    print(
        f"identical: {same} of {len(set(before) | set(after))} documents "
        f"({pages} OCR pages, {words} words compared; {differ} differ)"
    )
    return differ


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path)
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--families", default=FAMILIES)
    parser.add_argument("--scans", type=int, default=19)
    parser.add_argument("--text", type=int, default=0, help="documents a class, perfect text")
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(p.read_text()) for p in args.compare)
        raise SystemExit(1 if compare(before, after) else 0)
    if not args.dump:
        parser.error("--dump FILE or --compare A B")
    import cma_adapters

    started = time.perf_counter()
    out = asyncio.run(_run(args))
    args.dump.write_text(json.dumps(out))
    print(
        f"{len(out)} documents from {Path(cma_adapters.__file__).parents[1]} "
        f"in {time.perf_counter() - started:.0f} s -> {args.dump}"
    )


if __name__ == "__main__":
    main()
