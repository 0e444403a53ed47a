"""Held-out family T (written blind) printed, scanned and read by real Tesseract and the
reader as the product ships it (the learned field ranker on): four single-page documents
over T's three scans (a card issuer's e-mail printout with a quoted reply, a grey
photocopy at 200 dpi skewed 1.6 degrees, as PNG without its resolution; a council tax
reminder with a sidebar and reply slip, skewed 2.4 degrees and speckled at 300 dpi, as
PDF; a payslip with year-to-date columns, a softened grey photocopy at 240 dpi skewed 2.9
degrees, as PNG without its resolution; a catalogue's sentence letter, a grey photocopy
at 200 dpi, as PNG with its resolution).
``benchmarks/intake_accuracy.py --family t --ocr-t 19`` reads one document of every
class; the figures are in benchmarks/OCR.md ("Family T"). Only aggregate figures are
printed: T's individual misses are not written down."""

from __future__ import annotations

import asyncio

import pytest

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.rules_assistant.corpus import Score, score
from cma_adapters.rules_assistant.corpus_blind_t import TSample, build_t, t_scanned, values_in_text
from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.files import ContentType
from cma_core.documents.model import DocumentClass

C = DocumentClass
TYPES = {"png": ContentType.PNG, "pdf": ContentType.PDF}
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "payer_name", "income_pence", "gross_pence", "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_t.SCANS (0: 200 dpi grey
# photocopy, 1.6 degrees; 1: 300 dpi white, -2.4 degrees, speckled; 2: 240 dpi grey
# photocopy, softened, 2.9 degrees); index % 3 == 1 makes a PDF, even indexes a PNG
# without its resolution.
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.COUNCIL_TAX, 0, 1),
    (C.PAYSLIP, 0, 2),
    (C.BNPL_CATALOGUE_ARREARS, 1, 3),
)
FIRST = "see benchmarks/OCR.md, 'Family T'"
UNMET: frozenset[str] = frozenset()
"""The floors this sample did not meet at the first measurement (strict xfails below)."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_sample())


async def read_sample() -> tuple[Score, int, int]:
    family = {(s.truth.document_class, int(s.name[-1])): s for s in build_t(2)}
    extractor, assistant = TesseractTextExtractor(), RuleBasedAssistant(field_ranker="shipped")
    pairs = []
    found = total = 0
    for cls, variant, index in CHOSEN:
        sample: TSample = family[cls, variant]
        assert len(sample.pages) == 1, sample.name
        data, fmt, _ = t_scanned(sample, index)
        pages = await extractor.extract(data, TYPES[fmt])
        assert len(pages) == 1, sample.name
        assert pages[0].words, sample.name
        text = pages[0].text
        got = values_in_text(sample.truth, text)
        found, total = found + got[0], total + got[1]
        pairs.append((sample, await assistant.classify_and_extract(text, pages)))
    return score(pairs), found, total


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"held-out family T (written blind), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= 0.85 * total


@pytest.mark.parametrize(
    "field",
    [
        pytest.param(
            f,
            marks=pytest.mark.xfail(
                strict=True,
                raises=AssertionError,
                reason=f"T after OCR, first measurement under the issue's floor: {FIRST}",
            ),
        )
        if f in UNMET
        else f
        for f in ("document_class", *FIELDS_HERE)
    ],
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    result, _, _ = read
    share = result.accuracy(field)
    assert share is None or share >= (0.95 if field == "document_class" else 0.9), field
