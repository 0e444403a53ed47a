"""Typed PDFs (a text layer, no scan): what reading their words by position gains.

A letter sent by e-mail is usually a PDF with a text layer, which the extractor reads
without OCR. Since 2026-12-04 it also gives every word its box (pypdfium2's character
boxes), so the reader places labels and values by position as it does on a scan; before,
such a page was text only and the reader laid it out line by line itself.

This benchmark prints each document of a family as a typed PDF — every word of its pages
(``<family>_pages``: the exact words and boxes) set at its place with fpdf2 in DejaVu Sans,
stretched to its box's width — reads it back through the real extractor
(``TesseractTextExtractor``: the text-layer path) and the reader as shipped, and scores
three ways, in the same run, on the same documents:

* ``perfect pages``: the family's own pages (the words and boxes it was written with);
* ``typed PDF, words``: the extractor's words and boxes from the PDF (the product now);
* ``typed PDF, text only``: the same PDF's text with the words dropped (the product before).

Also the extraction's CPU a page (text only vs with words), measured in the same run.
Only aggregate tables are printed (the blind families' misses never are).

Run: ``.venv/bin/python benchmarks/text_layer_accuracy.py [--family w,x] [--per-family 2]``
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.intake_accuracy import PRINTED
from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.rules_assistant.corpus import score
from cma_core.documents.files import ContentType
from cma_core.documents.model import PageText

DPI = 300
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def typed_pdf(pages: Sequence[PageText]) -> bytes:
    """The pages as a PDF whose text layer holds each word at its box (read at ``DPI``)."""
    from fpdf import FPDF

    pt = 72 / DPI
    pdf = FPDF(unit="pt")
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_auto_page_break(False)
    for page in pages:
        width, height = page.size or (2480, 3508)
        pdf.add_page(format=(width * pt, height * pt))
        for word in page.words:
            box = word.box
            size = max(box.height * pt * 0.8, 2.0)
            pdf.set_font("DejaVu", size=size)
            pdf.set_stretching(100)  # (the width measured includes the stretching set)
            natural = pdf.get_string_width(word.text) or 1.0
            pdf.set_stretching(max(10.0, min(400.0, box.width * pt / natural * 100)))
            # each word followed by a space, as a word processor writes it (a layer with no
            # spaces leaves the extractor to guess them from the gaps)
            pdf.text(box.left * pt, (box.top + box.height * 0.8) * pt, word.text + " ")
    return bytes(pdf.output())


async def run(keys: Sequence[str], per_family: int) -> None:
    from cma_adapters.tesseract import TesseractTextExtractor

    extractor, reader = TesseractTextExtractor(dpi=DPI), RuleBasedAssistant()
    for key in keys:
        family = PRINTED[key]
        samples = family.build(per_family)
        perfect, words, text_only = [], [], []
        seconds = [0.0, 0.0]
        pages_read = 0
        for sample in samples:
            pages = tuple(family.pages(sample))
            if not all(p.size and p.words for p in pages):
                continue
            perfect.append((sample, await reader.classify_and_extract(family.text(sample), pages)))
            data = typed_pdf(pages)
            started = time.process_time()
            read = await extractor.extract(data, ContentType.PDF)
            seconds[1] += time.process_time() - started
            pages_read += len(read)
            text = "\f".join(p.text for p in read)
            words.append((sample, await reader.classify_and_extract(text, read)))
            bare = tuple(attrs.evolve(p, words=(), size=None) for p in read)
            text_only.append((sample, await reader.classify_and_extract(text, bare)))
            # the text-only extraction, timed the same way (the path before: no boxes)
            started = time.process_time()
            read_text_only(data)
            seconds[0] += time.process_time() - started
        n = len(perfect)
        print(score(perfect).table(f"{family.title}: {n} documents, perfect pages"))
        print(score(words).table(f"{family.title}: {n} documents, typed PDF, words"))
        print(score(text_only).table(f"{family.title}: {n} documents, typed PDF, text only"))
        print(
            f"  extraction CPU a page: text only {seconds[0] / pages_read * 1000:.1f} ms, "
            f"with words {seconds[1] / pages_read * 1000:.1f} ms ({pages_read} pages)\n"
        )


def read_text_only(data: bytes) -> list[str]:
    """The text-layer read without the words (what the extractor did before)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        out = []
        for page in document:
            textpage = page.get_textpage()
            out.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
        return out
    finally:
        document.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--family", default="w,x", help="comma-separated keys of PRINTED")
    parser.add_argument("--per-family", type=int, default=2)
    args = parser.parse_args()
    asyncio.run(run(args.family.split(","), args.per_family))


if __name__ == "__main__":
    main()
