"""``blind_read.read_chosen`` reads a document of several pages as the benchmark does: its
pages' text joined, every page's words given, so what is printed only on page 2 is read.
Family AN (read since round 38) has claim forms of two pages; real Tesseract."""

from __future__ import annotations

import asyncio

from tests.integration.ocr.blind_read import read_chosen

from cma_adapters.rules_assistant.corpus import Truth
from cma_adapters.rules_assistant.corpus_blind_an import an_scanned, build_an, values_in_text


def test_a_two_page_document_is_read_whole() -> None:
    family = build_an(2)
    two_pages = next(s for s in family if len(s.pages) > 1)
    cls, variant = two_pages.truth.document_class, int(two_pages.name[-1])
    seen: list[str] = []

    def counted(truth: Truth, text: str) -> tuple[int, int]:
        seen.append(text)
        return values_in_text(truth, text)

    chosen = [(cls, variant, 0)]
    result, found, total = asyncio.run(read_chosen(family, chosen, an_scanned, counted))
    # Both pages' text, in order, went to the reader and to the count of values.
    assert len(seen) == 1
    assert seen[0].count("\f") == len(two_pages.pages) - 1
    assert all(part.strip() for part in seen[0].split("\f"))
    # Page 2 holds values page 1 does not: the count over both pages is higher.
    first_page = seen[0].split("\f")[0]
    assert values_in_text(two_pages.truth, first_page)[0] < found <= total
    assert result.totals["document_class"] == 1
    assert result.hits["document_class"] == 1
