"""Family M (written blind; read since round 6) printed, scanned and read by real Tesseract:
two of these four documents, six pages (a two-page collection-bureau letter at 150 dpi,
skewed and speckled, as PDF; a monospaced payslip at 220 dpi in faint ink, skewed, as PNG
without its resolution; a judgment at 300 dpi, blurred, with a fold, as PNG; a two-page 8.5
pt bank statement at 150 dpi as PDF). ``benchmarks/intake_accuracy.py --family m --ocr-m
19`` reads one document of every class; the figures are in benchmarks/OCR.md. Round 6 of
the reader read M's misses, so the floors here are regression checks, not a measure of how
the reader generalises.

Since 2026-12-07 it reads two of the four it read until then: the creditor letter (scan 0)
and bank statement (scan 4); the payslip (scan 2) and county court judgment (scan 5) were
dropped (the read families' cut, chosen as test_read_family_coverage.py says). The floors
below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.rules_assistant.corpus import Score, score
from cma_adapters.rules_assistant.corpus_blind_m import (
    MSample,
    build_m,
    m_scanned,
    values_in_text,
)
from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.files import ContentType
from cma_core.documents.model import DocumentClass

C = DocumentClass
TYPES = {"png": ContentType.PNG, "pdf": ContentType.PDF}
FIELDS_HERE = (
    "creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date",
    "deadline_date",
)  # fmt: skip
# (class, variant, scan index): index % 4 picks corpus_blind_m.SCANS (0: 150 dpi skewed and
# speckled, 1: 300 dpi blurred with a fold, 2: 220 dpi faint and skewed, 3: 180 dpi with a
# fold and holes); m_scanned makes multi-page documents PDF.
CHOSEN = (
    (C.CREDITOR_LETTER, 1, 0),
    (C.BANK_STATEMENT, 0, 4),
)

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (creditor letter, bank "
    "statement; dropped: payslip, county court judgment), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 1/1, original creditor 1/1, reference 1/1, balance 1/1, "
    "letter date 2/2, deadline 1/1; true values verbatim in the OCR text 6 of 7"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_sample())


async def read_sample() -> tuple[Score, int, int]:
    family = {(s.truth.document_class, int(s.name[-1])): s for s in build_m(2)}
    extractor, assistant = TesseractTextExtractor(), RuleBasedAssistant()
    pairs = []
    found = total = 0
    for cls, variant, index in CHOSEN:
        sample: MSample = family[cls, variant]
        data, fmt, _ = m_scanned(sample, index)
        pages = await extractor.extract(data, TYPES[fmt])
        assert len(pages) == len(sample.pages), sample.name
        assert all(p.words for p in pages), sample.name
        text = "\f".join(p.text for p in pages)
        got = values_in_text(sample.truth, text)
        found, total = found + got[0], total + got[1]
        pairs.append((sample, await assistant.classify_and_extract(text, pages)))
    return score(pairs), found, total


def test_ocr_reads_the_values_and_the_classes(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values (measured 15 of 17 on the four documents read
    until 2026-12-07, 6 of 7 on the two read since (CUT_2026_12_07): "plc" read "ple" and a
    claim number split at a space, which the reader now reads as such misreadings)."""
    result, found, total = read
    print("\n" + result.table(f"family M (read since round 6), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= 0.85 * total
    assert (result.accuracy("document_class") or 0) >= 0.95


def test_ocr_sample_meets_the_field_floors(read: tuple[Score, int, int]) -> None:
    """Met after round 6 (every field on the 4 documents read until 2026-12-07, and on
    the two read since: CUT_2026_12_07), which *read* M's misses: a
    regression check, not a blind figure. Blind, at the first measurement: creditor 0/2,
    original creditor 0/1, reference 1/2, letter date 2/4, deadline 0/1, claim no. 0/1,
    payer 0/1, income 0/1, gross 0/1; balance 2/2, frequency 1/1 (19 documents:
    benchmarks/OCR.md)."""
    result, _, _ = read
    for field in FIELDS_HERE:
        share = result.accuracy(field)
        assert share is None or share >= 0.9, field
