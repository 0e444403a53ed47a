"""Family R (written blind; seen since round 10, which read its misses) printed,
scanned and read by real Tesseract and the reader as the product ships it (the learned
field ranker on): two of these four single-page documents
over R's three scans (a card issuer's e-mail printout, punched holes, at 225 dpi, skewed,
as PNG without its resolution; the Housing Executive's statement of account, a
photocopier streak, at 150 dpi, as PDF; a benefit e-mail, the corner torn off, at 300 dpi,
softened, as PNG without its resolution; a payroll e-mail, punched holes, at 225 dpi, as
PNG with its resolution).
``benchmarks/intake_accuracy.py --family r --ocr-r 19`` reads one document of every
class; the figures are in benchmarks/OCR.md ("Family R").

Since 2026-12-07 it reads two of the four it read until then: the creditor letter (scan 0)
and rent arrears (scan 1); the benefit award (scan 2) and payslip (scan 3) were dropped (the
read families' cut, chosen as test_read_family_coverage.py says). The floors below are the
two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.rules_assistant.corpus import Score, score
from cma_adapters.rules_assistant.corpus_blind_r import RSample, build_r, r_scanned, values_in_text
from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.files import ContentType
from cma_core.documents.model import DocumentClass

C = DocumentClass
TYPES = {"png": ContentType.PNG, "pdf": ContentType.PDF}
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_r.SCANS (0: 225 dpi, punched
# holes, skewed; 1: 150 dpi, a photocopier streak, speckled; 2: 300 dpi, a torn corner,
# softened); index % 3 == 1 makes a PDF, even indexes a PNG without its resolution.
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.RENT_ARREARS, 0, 1),
)

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (creditor letter, rent "
    "arrears; dropped: benefit award, payslip), measured on them on main's reader (1c340525): "
    "class 2/2; creditor 2/2, reference 2/2, balance 2/2, letter date 2/2, deadline 1/1; true "
    "values verbatim in the OCR text 9 of 9"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_sample())


async def read_sample() -> tuple[Score, int, int]:
    family = {(s.truth.document_class, int(s.name[-1])): s for s in build_r(2)}
    extractor, assistant = TesseractTextExtractor(), RuleBasedAssistant(field_ranker="shipped")
    pairs = []
    found = total = 0
    for cls, variant, index in CHOSEN:
        sample: RSample = family[cls, variant]
        assert len(sample.pages) == 1, sample.name
        data, fmt, _ = r_scanned(sample, index)
        pages = await extractor.extract(data, TYPES[fmt])
        assert len(pages) == 1, sample.name
        assert pages[0].words, sample.name
        text = pages[0].text
        got = values_in_text(sample.truth, text)
        found, total = found + got[0], total + got[1]
        pairs.append((sample, await assistant.classify_and_extract(text, pages)))
    return score(pairs), found, total


def test_ocr_reads_the_values_and_the_classes(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values (measured 18 of 18 on the four documents read
    until 2026-12-07 at the first measurement, branch corpusr off be51564; 9 of 9 on the two
    read since: CUT_2026_12_07): the gap on R, as on L-Q, is mostly the
    reader's. Class measured 4 of 4, then 2 of 2."""
    result, found, total = read
    print("\n" + result.table(f"family R (seen since round 10), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= 0.85 * total
    assert (result.accuracy("document_class") or 0) >= 0.75


def test_ocr_sample_is_read_above_a_collapse_floor(read: tuple[Score, int, int]) -> None:
    """The fields the sample states, all together: 16 of 18 right at the first
    measurement; a floor at half catches a collapse, not a small loss."""
    result, _, _ = read
    fields = [f for f in FIELDS_HERE if result.totals[f]]
    assert sum(result.hits[f] for f in fields) >= 0.5 * sum(result.totals[f] for f in fields)


def test_ocr_sample_meets_the_field_floors(read: tuple[Score, int, int]) -> None:
    """Every field at 90% or more on the four read until 2026-12-07 since the round-13 models
    (2026-12-04.13: balance 2/2, was 1/2 under 2026-12-04.10, a strict expected failure
    until then; first, blind: balance 1/2, payer 1/2; on 19 documents: benchmarks/OCR.md,
    'Round 10'); on the two read since too: CUT_2026_12_07)."""
    result, _, _ = read
    for field in FIELDS_HERE:
        share = result.accuracy(field)
        assert share is None or share >= 0.9, field
