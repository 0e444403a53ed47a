"""Family Q (written blind; seen since round 10, which read its misses) printed,
scanned and read by real Tesseract: two of these four single-page documents, one for each of Q's
scans (a card issuer's questions-and-answers
letter with a remittance slip, the back of the sheet showing through, at 200 dpi, slightly
skewed, as PNG without its resolution; a council's reminder whose labels are a ledger's
column headers, at 300 dpi with a highlighter band and a book-scanner's gutter, as PNG
with its resolution; a freight firm's payslip set right to left, faxed at 150 dpi, as
PDF; a benefit award in sentences only, an amount circled in pen, at 275 dpi, as PNG with
its resolution).
``benchmarks/intake_accuracy.py --family q --ocr-q 19`` reads one document of every
class; the figures are in benchmarks/OCR.md ("Family Q").

Since 2026-12-07 it reads two of the four it read until then: the creditor letter (scan 0)
and payslip (scan 2); the council tax (scan 1) and benefit award (scan 3) were dropped (the
read families' cut, chosen as test_read_family_coverage.py says). The floors below are the
two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.rules_assistant.corpus import Score, score
from cma_adapters.rules_assistant.corpus_blind_q import QSample, build_q, q_scanned, values_in_text
from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.files import ContentType
from cma_core.documents.model import DocumentClass

C = DocumentClass
TYPES = {"png": ContentType.PNG, "pdf": ContentType.PDF}
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "payer_name", "income_pence", "gross_pence", "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 4 picks corpus_blind_q.SCANS (0: 200 dpi, show-through,
# skewed; 1: 300 dpi, a highlighter band and a gutter on grey paper; 2: 150 dpi, faxed, skewed;
# 3: 275 dpi, an amount circled in pen, softened, speckled); index % 3 == 2 makes a PDF, even
# indexes a PNG without its resolution.
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.PAYSLIP, 1, 2),
)

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (creditor letter, "
    "payslip; dropped: council tax, benefit award), measured on them on main's reader "
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
    family = {(s.truth.document_class, int(s.name[-1])): s for s in build_q(2)}
    extractor, assistant = TesseractTextExtractor(), RuleBasedAssistant(field_ranker="shipped")
    pairs = []
    found = total = 0
    for cls, variant, index in CHOSEN:
        sample: QSample = family[cls, variant]
        assert len(sample.pages) == 1, sample.name
        data, fmt, _ = q_scanned(sample, index)
        pages = await extractor.extract(data, TYPES[fmt])
        assert len(pages) == 1, sample.name
        assert pages[0].words, sample.name
        text = pages[0].text
        got = values_in_text(sample.truth, text)
        found, total = found + got[0], total + got[1]
        pairs.append((sample, await assistant.classify_and_extract(text, pages)))
    return score(pairs), found, total


def test_ocr_reads_the_values_and_the_classes(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values (measured 19 of 19 on the four documents read
    until 2026-12-07, main at ed29420; 10 of 10 on the two read since: CUT_2026_12_07): the
    gap on Q, as on L-P, is mostly the reader's. Class measured 4 of 4, then 2 of 2."""
    result, found, total = read
    print("\n" + result.table(f"family Q (seen since round 10), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= 0.85 * total
    assert (result.accuracy("document_class") or 0) >= 0.75


def test_ocr_sample_is_read_above_a_collapse_floor(read: tuple[Score, int, int]) -> None:
    """The fields the sample states, all together: 14 of 19 right at the first measurement
    (main at ed29420); a floor at half catches a collapse, not a small loss."""
    result, _, _ = read
    fields = [f for f in FIELDS_HERE if result.totals[f]]
    assert sum(result.hits[f] for f in fields) >= 0.5 * sum(result.totals[f] for f in fields)


def test_ocr_sample_meets_the_field_floors(read: tuple[Score, int, int]) -> None:
    """Met since round 11 (a benefit's paying Centre is read as the payer), so a plain
    assertion, no longer a strict xfail: as shipped (rules + classifier and field ranker
    2026-12-04.11) every field it checks is right on the 4 documents read until 2026-12-07
    (and on the two read since); after round 10 the
    payer was 1/2."""
    result, _, _ = read
    for field in FIELDS_HERE:
        share = result.accuracy(field)
        assert share is None or share >= 0.9, field
