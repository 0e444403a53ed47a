"""Family P (written blind; seen since round 10, which read its misses) printed, scanned and
read by real Tesseract: two of these three single-page documents (a card lender's letter
with its facts in a summary panel at the foot, at 200 dpi with a coffee-ring stain,
slightly skewed, as PNG without its resolution; an enforcement company's two-column notice
with small-capital labels, photographed at an angle at 250 dpi, as PNG with its resolution;
an employer's payslip in two columns at 150 dpi with a staple's shadow, speckled and
skewed, as PDF). ``benchmarks/intake_accuracy.py --family p --ocr-p 19`` reads one document
of every class; the figures are in benchmarks/OCR.md.

Since 2026-12-07 it reads two of the three it read until then: the creditor letter (scan 0)
and payslip (scan 2); the enforcement agent notice (scan 3) was dropped (the read families'
cut, chosen as test_read_family_coverage.py says). The floors below are the two's
(CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.rules_assistant.corpus import Score, score
from cma_adapters.rules_assistant.corpus_blind_p import PSample, build_p, p_scanned, values_in_text
from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.files import ContentType
from cma_core.documents.model import DocumentClass

C = DocumentClass
TYPES = {"png": ContentType.PNG, "pdf": ContentType.PDF}
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "payer_name", "income_pence", "gross_pence", "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 4 picks corpus_blind_p.SCANS (0: 200 dpi, a coffee
# ring, skewed; 1: 300 dpi, grey print on grey paper; 2: 150 dpi, a staple's shadow, speckled,
# skewed; 3: 250 dpi, perspective skew, softened); index % 3 == 2 makes a PDF, even indexes a
# PNG without its resolution.
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.PAYSLIP, 1, 2),
)

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (creditor letter, "
    "payslip; dropped: enforcement agent notice), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 1/1, reference 1/1, balance 1/1, letter date 2/2, "
    "deadline 1/1, payer 1/1, income 1/1, gross 1/1, frequency 1/1; true values verbatim in "
    "the OCR text 10 of 10"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_sample())


async def read_sample() -> tuple[Score, int, int]:
    family = {(s.truth.document_class, int(s.name[-1])): s for s in build_p(2)}
    extractor, assistant = TesseractTextExtractor(), RuleBasedAssistant(field_ranker="shipped")
    pairs = []
    found = total = 0
    for cls, variant, index in CHOSEN:
        sample: PSample = family[cls, variant]
        assert len(sample.pages) == 1, sample.name
        assert not sample.flipped, sample.name
        data, fmt, _ = p_scanned(sample, index)
        pages = await extractor.extract(data, TYPES[fmt])
        assert len(pages) == 1, sample.name
        assert pages[0].words, sample.name
        text = pages[0].text
        got = values_in_text(sample.truth, text)
        found, total = found + got[0], total + got[1]
        pairs.append((sample, await assistant.classify_and_extract(text, pages)))
    return score(pairs), found, total


def test_ocr_reads_the_values_and_the_classes(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values (measured 15 of 15 on the three documents read
    until 2026-12-07, main at round 7; 10 of 10 on the two read since: CUT_2026_12_07): the
    gap on P, as on L, M, N and O, is mostly the reader's."""
    result, found, total = read
    print("\n" + result.table(f"family P (seen since round 10), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= 0.85 * total
    assert (result.accuracy("document_class") or 0) >= 0.95


def test_ocr_sample_meets_the_field_floors(read: tuple[Score, int, int]) -> None:
    """P is seen since round 10 (its misses read, trained on as a read family). After OCR as
    shipped (rules + classifier and field ranker 2026-12-04.10), on the 3 documents read
    until 2026-12-07: payer 0/1 (the benefit office, not the department above it), every
    other field and the class right — a strict xfail until round 16, whose rules and models
    (2026-12-05.16) read the payer too (benchmarks/OCR.md, 'Round 16')."""
    result, _, _ = read
    for field in FIELDS_HERE:
        share = result.accuracy(field)
        assert share is None or share >= 0.9, field
