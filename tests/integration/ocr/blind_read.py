"""Scanning and reading a blind family's chosen documents with real Tesseract and the
reader as the product ships it (family T's OCR test uses it; earlier families' tests
still carry their own copies)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.rules_assistant.corpus import Score, Truth, score
from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.files import ContentType
from cma_core.documents.model import DocumentClass

TYPES = {
    "png": ContentType.PNG,
    "jpeg": ContentType.JPEG,
    "tiff": ContentType.TIFF,
    "pdf": ContentType.PDF,
}


async def read_chosen(
    family: Sequence[Any],
    chosen: Sequence[tuple[DocumentClass, int, int]],
    scanned: Callable[[Any, int], tuple[bytes, str, object]],
    values_in_text: Callable[[Truth, str], tuple[int, int]],
) -> tuple[Score, int, int]:
    """Each chosen (class, variant, scan index) document scanned, read by Tesseract and
    the reader: the score, and how many true values were verbatim in the OCR text, of how
    many. A document of several pages is read as the benchmark reads it
    (``intake_accuracy.family_ocr``): its pages' text joined by form feeds, every page's
    words given, so a fact on page 2 counts."""
    by: Mapping[tuple[DocumentClass, int], Any] = {
        (s.truth.document_class, int(s.name[-1])): s for s in family
    }
    extractor, assistant = TesseractTextExtractor(), RuleBasedAssistant(field_ranker="shipped")
    pairs = []
    found = total = 0
    for cls, variant, index in chosen:
        sample = by[cls, variant]
        data, fmt, _ = scanned(sample, index)
        pages = await extractor.extract(data, TYPES[fmt])
        assert len(pages) == len(sample.pages), sample.name
        assert all(page.words for page in pages), sample.name
        text = "\f".join(page.text for page in pages)
        got = values_in_text(sample.truth, text)
        found, total = found + got[0], total + got[1]
        pairs.append((sample, await assistant.classify_and_extract(text, pages)))
    return score(pairs), found, total
