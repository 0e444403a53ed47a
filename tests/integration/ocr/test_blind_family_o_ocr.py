"""Family O (written blind; read since round 8, so no longer blind) printed, scanned and read
by real Tesseract: two of these three single-page documents (a card issuer's arrears letter
with a header band, through a JPEG at 225 dpi, slightly skewed, as PNG without its
resolution; a council-tax reminder with pounds and pence in their own columns, in faint
grey print at 300 dpi, as PNG with its resolution; a bureau payslip in a monospaced face at
150 dpi with a fold shadow, as PDF). ``benchmarks/intake_accuracy.py --family o --ocr-o
19`` reads one document of every class; the figures are in benchmarks/OCR.md. Round 8 read
O's misses: the floors below are regression checks, no longer a blind measurement.

Since 2026-12-07 it reads two of the three it read until then: the creditor letter (scan 0)
and payslip (scan 2); the council tax (scan 1) was dropped (the read families' cut, chosen
as test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.rules_assistant.corpus import Score, score
from cma_adapters.rules_assistant.corpus_blind_o import OSample, build_o, o_scanned, values_in_text
from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.files import ContentType
from cma_core.documents.model import DocumentClass

C = DocumentClass
TYPES = {"png": ContentType.PNG, "pdf": ContentType.PDF}
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "payer_name", "income_pence", "gross_pence", "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 4 picks corpus_blind_o.SCANS (0: 225 dpi through a
# JPEG, skewed; 1: 300 dpi faint print; 2: 150 dpi fold shadow, speckled, skewed; 3: 200 dpi
# grey ink through a JPEG, fold shadow, softened); index % 3 == 2 makes a PDF, even indexes a
# PNG without its resolution.
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.PAYSLIP, 0, 2),
)

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (creditor letter, "
    "payslip; dropped: council tax), measured on them on main's reader (1c340525): class 2/2; "
    "creditor 1/1, reference 1/1, balance 1/1, letter date 2/2, deadline 1/1, payer 1/1, "
    "income 1/1, gross 1/1, frequency 1/1; true values verbatim in the OCR text 10 of 10"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_sample())


async def read_sample() -> tuple[Score, int, int]:
    family = {(s.truth.document_class, int(s.name[-1])): s for s in build_o(2)}
    extractor, assistant = TesseractTextExtractor(), RuleBasedAssistant()
    pairs = []
    found = total = 0
    for cls, variant, index in CHOSEN:
        sample: OSample = family[cls, variant]
        assert len(sample.pages) == 1, sample.name
        assert not sample.turned, sample.name
        data, fmt, _ = o_scanned(sample, index)
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
    until 2026-12-07, 10 of 10 on the two read since: CUT_2026_12_07): the gap
    on O, as on L, M and N, is mostly the reader's."""
    result, found, total = read
    print("\n" + result.table(f"family O (read since round 8), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= 0.85 * total
    assert (result.accuracy("document_class") or 0) >= 0.95


def test_ocr_sample_meets_the_field_floors(read: tuple[Score, int, int]) -> None:
    """Blind (round 6, the 3 documents read until 2026-12-07): reference 0/2, balance 1/2,
    letter date 2/3, deadline 1/2. After round 8, which read O's misses: every field here
    100% (on 19 documents see benchmarks/OCR.md, "Round 8"). A regression check."""
    result, _, _ = read
    for field in FIELDS_HERE:
        share = result.accuracy(field)
        assert share is None or share >= 0.9, field
