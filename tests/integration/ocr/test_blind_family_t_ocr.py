"""Family T (written blind; seen since round 12, which read its misses and trains on it)
printed, scanned and read by real Tesseract and the reader as the product ships it (the
learned field ranker on): two of these four single-page documents
over T's three scans (a card issuer's e-mail printout with a quoted reply, a grey
photocopy at 200 dpi skewed 1.6 degrees, as PNG without its resolution; a council tax
reminder with a sidebar and reply slip, skewed 2.4 degrees and speckled at 300 dpi, as
PDF; a payslip with year-to-date columns, a softened grey photocopy at 240 dpi skewed 2.9
degrees, as PNG without its resolution; a catalogue's sentence letter, a grey photocopy
at 200 dpi, as PNG with its resolution).
``benchmarks/intake_accuracy.py --family t --ocr-t 19`` reads one document of every
class; the figures are in benchmarks/OCR.md ("Family T", "Round 12").

Since 2026-12-07 it reads two of the four it read until then: the creditor letter (scan 0)
and catalogue (BNPL) arrears letter (scan 3); the council tax (scan 1) and payslip (scan 2)
were dropped (the read families' cut, chosen as test_read_family_coverage.py says). The
floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_t import build_t, t_scanned, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_t.SCANS (0: 200 dpi grey
# photocopy, 1.6 degrees; 1: 300 dpi white, -2.4 degrees, speckled; 2: 240 dpi grey
# photocopy, softened, 2.9 degrees); index % 3 == 1 makes a PDF, even indexes a PNG
# without its resolution.
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.BNPL_CATALOGUE_ARREARS, 1, 3),
)
FIRST = (
    "class 4/4; creditor 2/3, reference 3/3, balance 2/3, letter date 4/4, deadline 3/3, payer "
    "1/1, income 1/1, gross 1/1, frequency 1/1; true values verbatim in the OCR text 20 of 20 "
    "(branch corpust off 0f6cf23, shipped field ranker)"
)
ROUND_12 = (
    "class 4/4; creditor 3/3, reference 3/3, balance 3/3, letter date 4/4, deadline 3/3, payer "
    "1/1, income 1/1, gross 1/1, frequency 1/1; true values verbatim in the OCR text 20 of 20 "
    "(branch reader12: rules + classifier and field ranker 2026-12-04.12)"
)
"""As shipped after round 12, T seen (a training-side figure). At the first measurement
(FIRST, blind) creditor and balance were under the floor; round 11 (merged after T was
written, never shown it) met balance here, round 12 (which read T's misses) creditor."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (creditor letter, bnpl "
    "catalogue arrears; dropped: council tax, payslip), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 2/2, reference 2/2, balance 2/2, letter date 2/2, "
    "deadline 2/2; true values verbatim in the OCR text 10 of 10"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_t(2), CHOSEN, t_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family T (seen since round 12), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= 0.85 * total


def test_ocr_sample_is_read_above_a_collapse_floor(read: tuple[Score, int, int]) -> None:
    """The fields the sample states, all together: 18 of 20 right at the first measurement;
    a floor at a half catches a collapse, not a small loss."""
    result, _, _ = read
    fields = [f for f in FIELDS_HERE if result.totals[f]]
    assert sum(result.hits[f] for f in fields) >= sum(result.totals[f] for f in fields) / 2


@pytest.mark.parametrize("field", ["document_class", *FIELDS_HERE])
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states (met by
    every field since round 12: ROUND_12; a regression check of a seen family)."""
    assert meets_floor(read[0].accuracy(field), field), field
