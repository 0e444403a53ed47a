"""Family N (written blind; read since round 7) printed, scanned and read by real Tesseract:
two of these three single-page documents (a bank's default notice with a shaded sidebar and
a giro slip at 200 dpi, skewed, speckled and unevenly lit, as PNG without its resolution; a
landscape payslip photocopied at 150 dpi with a toner streak, as PDF; a council-tax final
notice at 240 dpi in faint ink, as PNG). ``benchmarks/intake_accuracy.py --family n --ocr-n
19`` reads one document of every class; the figures are in benchmarks/OCR.md. Round 7 of
the reader read N's misses, so the floors here are regression checks, not a measure of how
the reader generalises.

Since 2026-12-07 it reads two of the three it read until then: the creditor letter (scan 0)
and payslip (scan 1); the council tax (scan 3) was dropped (the read families' cut, chosen
as test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.rules_assistant.corpus import Score, score
from cma_adapters.rules_assistant.corpus_blind_n import NSample, build_n, n_scanned, values_in_text
from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.files import ContentType
from cma_core.documents.model import DocumentClass

C = DocumentClass
TYPES = {"png": ContentType.PNG, "pdf": ContentType.PDF}
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "payer_name", "income_pence", "gross_pence", "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 4 picks corpus_blind_n.SCANS (0: 200 dpi skewed,
# speckled, uneven light; 1: 150 dpi photocopy with a streak; 2: 300 dpi blurred grey;
# 3: 240 dpi faint, uneven light, a streak); index % 3 == 1 makes a PDF, even indexes a PNG
# without its resolution.
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.PAYSLIP, 0, 1),
)

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (creditor letter, "
    "payslip; dropped: council tax), measured on them on main's reader (1c340525): class 2/2; "
    "creditor 1/1, reference 1/1, balance 1/1, letter date 2/2, deadline 1/1, payer 1/1, "
    "income 1/1, gross 1/1, frequency 1/1; true values verbatim in the OCR text 9 of 10"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_sample())


async def read_sample() -> tuple[Score, int, int]:
    family = {(s.truth.document_class, int(s.name[-1])): s for s in build_n(2)}
    extractor, assistant = TesseractTextExtractor(), RuleBasedAssistant()
    pairs = []
    found = total = 0
    for cls, variant, index in CHOSEN:
        sample: NSample = family[cls, variant]
        assert len(sample.pages) == 1, sample.name
        data, fmt, _ = n_scanned(sample, index)
        pages = await extractor.extract(data, TYPES[fmt])
        assert len(pages) == 1, sample.name
        assert pages[0].words, sample.name
        text = pages[0].text
        got = values_in_text(sample.truth, text)
        found, total = found + got[0], total + got[1]
        pairs.append((sample, await assistant.classify_and_extract(text, pages)))
    return score(pairs), found, total


def test_ocr_reads_the_values_and_the_classes(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values (measured 14 of 15 on the three documents read
    until 2026-12-07, 9 of 10 on the two read since: CUT_2026_12_07)."""
    result, found, total = read
    print("\n" + result.table(f"family N (read since round 7), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= 0.85 * total
    assert (result.accuracy("document_class") or 0) >= 0.95


def test_ocr_sample_meets_the_field_floors(read: tuple[Score, int, int]) -> None:
    """Met after round 7, which read N's misses (a regression check). Blind, at the first
    measurement and after round 6: reference 1/2, balance 0/2, deadline 1/2."""
    result, _, _ = read
    for field in FIELDS_HERE:
        share = result.accuracy(field)
        assert share is None or share >= 0.9, field
