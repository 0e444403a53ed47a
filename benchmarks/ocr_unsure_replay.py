"""(Needs round 53's extractor step, ``unsure.py``, which is not on this branch's last
commit: run it with ``src`` from commit e4e011dc, e.g. ``git archive e4e011dc src``.)

Round 53's last step replayed on cached readings: families' scans as the extractor with
``unsure.py`` reads them, without running Tesseract's first reading again.

The extractor's reading of a page is its first reading, its frames and unread lines read
again (``_read_again``), then its unsure value words read again (``_read_unsure``, round 53),
the last step on the page. ``ocr_reread.py --scan`` caches the pages as main's extractor
read them: every word with its box, confidence and line. So each cached page is turned back
into Tesseract's columns, checked (the text assembled from them must be the cached page's
text, character for character, and the page image the same size), and given with the page
image (rendered or decoded exactly as the extractor does) to the extractor's own
``_read_unsure``: what comes out is what ``ocr_reread.py --scan`` with this branch's
extractor writes (up to Tesseract's confidences' rounding to the cached word's float). A page
that fails the check is read from scratch by the branch's extractor (counted).

    ocr_unsure_replay.py --families z,an --before /work/ocr-cache --cache /tmp/ocrword-cache

writes ``<cache>/<f>.pkl`` in ``ocr_reread.py``'s format (read it with ``ocr_reread.py
--read``). Blind families are refused.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import pickle
import resource
import sys
import time
from pathlib import Path
from typing import Any

from PIL import Image

from benchmarks import intake_accuracy as ia
from cma_adapters.tesseract import TesseractTextExtractor
from cma_adapters.tesseract import extractor as ex
from cma_adapters.tesseract.direct import direct_size
from cma_core.documents.files import ContentType
from cma_core.documents.model import PageSource, PageText


def columns(page: PageText) -> dict[str, list[Any]]:
    """The page's words as Tesseract's TSV columns (words only: what ``_words`` kept)."""
    out: dict[str, list[Any]] = {
        k: []
        for k in ("level", "page_num", "block_num", "par_num", "line_num", "word_num",
                  "left", "top", "width", "height", "conf", "text")
    }  # fmt: skip
    for n, w in enumerate(page.words, 1):
        block, rest = divmod(w.line, 1_000_000)
        par, line = divmod(rest, 1_000)
        row = {"level": 5, "page_num": 1, "block_num": block, "par_num": par, "line_num": line,
               "word_num": n, "left": w.box.left, "top": w.box.top, "width": w.box.width,
               "height": w.box.height, "conf": w.confidence * 100, "text": w.text}  # fmt: skip
        for k, v in row.items():
            out[k].append(v)
    return out


def images(extractor: TesseractTextExtractor, data: bytes, kind: ContentType) -> list[Any]:
    """Each page's image as the extractor gives it to Tesseract (None: a text-layer page)."""
    if kind is ContentType.PDF:
        document = extractor._open_pdf(data)
        out = []
        for number in range(1, len(document) + 1):
            item = extractor._read_pdf_page(document, number)
            out.append(None if isinstance(item, PageText) else extractor._upright(item, 300))
        return out
    if extractor.direct and direct_size(data, kind) is not None:
        image = Image.open(io.BytesIO(data))
        image.load()
        return [image if image.mode == "L" else ex._prepare(image)]
    return [extractor._upright(frame, dpi) for frame, dpi in extractor._open_image(data)]


def replay(key: str, count: int, before: Path, cache: Path) -> None:
    family = ia.PRINTED[key]
    if family.blind:
        sys.exit(f"{key} is blind: refused")
    types = ia.scan_content_types()
    cached = pickle.loads((before / f"{key}.pkl").read_bytes())
    extractor = TesseractTextExtractor()
    out, fresh, changed = [], 0, 0
    spent = [0.0, 0]  # Tesseract's CPU seconds in the step, OCR pages replayed
    started = time.perf_counter()
    for index, sample in enumerate(ia.ocr_chosen(family, count)):
        data, fmt, _ = family.scanned(sample, index)
        _, pages = cached[index]
        seen = images(extractor, data, types[fmt])
        new_pages = []
        ok = len(seen) == len(pages)
        for page, image in zip(pages, seen, strict=False) if ok else ():
            if page.source is not PageSource.OCR or image is None:
                new_pages.append(page)
                continue
            result = columns(page)
            if image.size != page.size or ex._page_text(page.number, result, image.size).text != (
                page.text
            ):
                ok = False
                break
            cpu = _children_cpu()
            again = extractor._read_unsure(page.number, image, result)
            spent[0] += _children_cpu() - cpu
            spent[1] += 1
            new = ex._page_text(page.number, again, image.size)
            changed += sum(a.text != b.text for a, b in zip(page.words, new.words, strict=True))
            new_pages.append(new)
        if not ok:
            fresh += 1
            new_pages = list(asyncio.run(extractor.extract(data, types[fmt])))
        out.append(("\f".join(p.text for p in new_pages), tuple(new_pages)))
    (cache / f"{key}.pkl").write_bytes(pickle.dumps(out))
    took = time.perf_counter() - started
    print(f"{key}: {len(out)} scans, {changed} words read anew, {fresh} read from scratch, "
          f"{took:.0f} s; the step's Tesseract CPU {spent[0] * 1000 / max(1, spent[1]):.0f} ms"
          f" a page ({spent[1]} pages)")  # fmt: skip


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def narrow(key: str, before: Path, wide: Path, cache: Path) -> None:
    """``<cache>/<f>.pkl`` from a replay made with a wider ``_same_shape`` (``wide``): each
    word the wider rule changed is kept changed only if this ``src``'s rule takes it too
    (the second readings are the same: the stack does not depend on the rule, and each
    word's choice is its own). No Tesseract run."""
    from cma_adapters.tesseract.unsure import _same_shape

    first = pickle.loads((before / f"{key}.pkl").read_bytes())
    second = pickle.loads((wide / f"{key}.pkl").read_bytes())
    out, kept, dropped = [], 0, 0
    for (_, pages), (_, wide_pages) in zip(first, second, strict=True):
        new_pages = []
        for page, changed in zip(pages, wide_pages, strict=True):
            if page.source is not PageSource.OCR or page.words == changed.words:
                new_pages.append(changed)
                continue
            result = columns(page)
            for i, (a, b) in enumerate(zip(page.words, changed.words, strict=True)):
                if a.text != b.text:
                    if _same_shape(a.text, b.text):
                        result["text"][i], result["conf"][i] = b.text, b.confidence * 100
                        kept += 1
                    else:
                        dropped += 1
            new_pages.append(ex._page_text(page.number, result, page.size or (0, 0)))
        out.append(("\f".join(p.text for p in new_pages), tuple(new_pages)))
    (cache / f"{key}.pkl").write_bytes(pickle.dumps(out))
    print(f"{key}: {kept} words kept read anew, {dropped} taken back")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--families", required=True)
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--count", type=int, default=19)
    parser.add_argument("--narrow", type=Path, help="a wider rule's replay: see narrow()")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    for key in args.families.split(","):
        if ia.PRINTED[key].blind:
            sys.exit(f"{key} is blind: refused")
        if args.narrow:
            narrow(key, args.before, args.narrow, args.cache)
        else:
            replay(key, args.count, args.before, args.cache)


if __name__ == "__main__":
    main()
