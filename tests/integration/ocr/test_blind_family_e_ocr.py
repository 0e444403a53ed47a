"""Family E (written blind; seen since round 20, which read its misses) printed, scanned
and read by real Tesseract and the reader as the product ships it (the learned field
ranker on): two of these six single-page documents
over E's three scans (a Stroud card company's letter with its key points numbered at the
top, scanned through a plastic pocket, as JPEG; a Weston Bay energy statement in two
landscape panels, fed off-centre with its right edge cut, as PNG with its resolution; a
grey-box payslip on a faded thermal fax, as PDF; a Digbeth debt buyer's notice of
assignment with a questions table, through a pocket; a Culm Valley council-tax reminder
with a payment history, clipped, as PNG without its resolution; an enforcement agent's
notice with a contact sidebar, on thermal fax paper).
``benchmarks/intake_accuracy.py --family e --ocr-e 19`` reads one document of every class;
the figures are in benchmarks/OCR.md ("Family E", "Round 20"). Being seen, E's figures here
are training-side figures.

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from six): the utility bill (scan 1) and payslip (scan 2); the creditor letter
(scan 0) and notice of assignment (scan 3) were dropped (the read families' cut, chosen as
test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_e import build_e, e_scanned, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "payer_name", "income_pence", "gross_pence", "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_e.SCANS (0: through a plastic
# pocket, JPEG without a resolution; 1: the right edge cut off, PNG, with its resolution at
# odd indexes; 2: a thermal fax faded unevenly, PDF).
CHOSEN = (
    (C.UTILITY_BILL, 0, 1),
    (C.PAYSLIP, 0, 2),
)
FIRST = (
    "class 6/6; creditor 5/5, original creditor 1/1, reference 5/5, balance 4/5, letter "
    "date 6/6, deadline 4/4, payer 1/1, income 1/1, gross 1/1, frequency 1/1; true values "
    "verbatim in the OCR text 30 of 30 (branch corpuse off 75c618f = main's round-16 reader, "
    "shipped field ranker 2026-12-05.16)"
)
ROUND_20 = (
    "class 6/6; creditor 5/5, original creditor 1/1, reference 5/5, balance 5/5, letter date "
    "6/6, deadline 4/4, payer 1/1, income 1/1, gross 1/1, frequency 1/1; true values verbatim "
    "in the OCR text 30 of 30 (rules of round 20, models 2026-12-05.20)"
)
"""As shipped after round 20, which read E's misses (training-side): every floor met. At
the first measurement the balance was under its floor (4/5)."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (utility bill, payslip; "
    "dropped: creditor letter, notice of assignment), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 1/1, reference 1/1, balance 1/1, letter date 2/2, "
    "deadline 1/1, payer 1/1, income 1/1, gross 1/1, frequency 1/1; true values verbatim in "
    "the OCR text 10 of 10"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_e(2), CHOSEN, e_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family E (seen since round 20), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= 0.8 * total


def test_ocr_sample_is_read_above_a_collapse_floor(read: tuple[Score, int, int]) -> None:
    """The fields the sample states, all together: a floor at a half catches a collapse,
    not a small loss."""
    result, _, _ = read
    fields = [f for f in FIELDS_HERE if result.totals[f]]
    assert sum(result.hits[f] for f in fields) >= sum(result.totals[f] for f in fields) / 2


@pytest.mark.parametrize("field", ["document_class", *FIELDS_HERE])
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """Seen since round 20, a regression check of a training-side figure, no longer a
    strict xfail: ROUND_20 (first measurement, blind: FIRST). The issue's floors: 95% for
    the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
