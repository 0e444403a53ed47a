"""Held-out family L (written blind) printed, scanned and read by real Tesseract: a
handful of pages only (a two-page collection letter at 150 dpi as PDF, a council-tax
reminder at 200 dpi as JPEG, a payslip at 240 dpi as PNG, a landscape bank statement at
300 dpi as PNG without its resolution). ``benchmarks/intake_accuracy.py --ocr-l 19``
reads one document of every class; the figures are in benchmarks/OCR.md."""

from __future__ import annotations

import asyncio

import pytest

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.rules_assistant.corpus import Score, score
from cma_adapters.rules_assistant.corpus_blind import (
    BlindSample,
    blind_scanned,
    build_blind,
    values_in_text,
)
from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.files import ContentType
from cma_core.documents.model import DocumentClass

C = DocumentClass
TYPES = {"png": ContentType.PNG, "jpeg": ContentType.JPEG, "pdf": ContentType.PDF}
# (class, scan index): index 1 = 150 dpi PDF, 2 = 200 dpi JPEG, 3 = 240 dpi PNG with its
# resolution, 0 = 300 dpi PNG without it (corpus_blind.SCANS, blind_scanned).
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "payer_name", "income_pence", "gross_pence", "frequency",
)  # fmt: skip
CHOSEN = (
    (C.CREDITOR_LETTER, 1),
    (C.COUNCIL_TAX, 2),
    (C.PAYSLIP, 3),
    (C.BANK_STATEMENT, 0),
)


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_sample())


async def read_sample() -> tuple[Score, int, int]:
    family = build_blind(1)
    by_class = {s.truth.document_class: s for s in family}
    extractor, assistant = TesseractTextExtractor(), RuleBasedAssistant()
    pairs = []
    found = total = 0
    for cls, index in CHOSEN:
        sample: BlindSample = by_class[cls]
        data, fmt, _ = blind_scanned(sample, index)
        pages = await extractor.extract(data, TYPES[fmt])
        assert len(pages) == len(sample.pages), sample.name
        assert all(p.words for p in pages), sample.name
        text = "\f".join(p.text for p in pages)
        got = values_in_text(sample.truth, text)
        found, total = found + got[0], total + got[1]
        pairs.append((sample, await assistant.classify_and_extract(text, pages)))
    return score(pairs), found, total


def test_ocr_reads_the_values_and_the_classes(read: tuple[Score, int, int]) -> None:
    """The gap on L is mostly the reader's, not Tesseract's: the true values are in its
    text (measured 14 of 16: a "11.12.25" read as "10.12.25" on the 150-dpi speckled
    scan, the bold net pay on the 240-dpi one garbled)."""
    result, found, total = read
    print("\n" + result.table(f"held-out family L (written blind), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    for miss in result.misses:
        print("  miss:", miss)
    assert found >= 0.85 * total
    assert (result.accuracy("document_class") or 0) >= 0.95


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="L after OCR, this 4-document sample, is under the 90% floor on two fields, each "
    "an OCR misreading of a value then not in the text: letter date 3/4 ('11.12.25' read "
    "'10.12.25' on the 150-dpi speckled scan) and income 0/1 (the bold net pay garbled at 240 "
    "dpi); everything else 100%. On the 19-document sample after round 5: reference, balance, "
    "letter date, deadline 100%, creditor 93%, income 1/2, served 0/1 (benchmarks/OCR.md)",
)
def test_ocr_sample_meets_the_field_floors(read: tuple[Score, int, int]) -> None:
    result, _, _ = read
    for field in FIELDS_HERE:
        assert (result.accuracy(field) or 0) >= 0.9, field
