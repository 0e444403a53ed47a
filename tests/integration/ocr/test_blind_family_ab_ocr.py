"""Family AB (written blind; seen since round 27, which read its misses) sent, printed or
copied, and read by real Tesseract and the reader as the product ships it (the learned
field ranker on): two of these seven single-page documents over AB's three scans (a
Beaulieu card company's web-chat transcript as a phone photo sent through a messaging app,
JPEG without its resolution; a judgment from the County Court at Southampton printed from a
spreadsheet, by an ink-jet with blocked nozzles, as colour PNG with its resolution; a
Gosport payslip with Earnings above Deductions and three boxed totals, printed two to a
sheet, as uncompressed TIFF; a water company's progress bar as a messaging-app photo; a
claim form's calendar from the ink-jet, as PNG without its resolution; a Housing Benefit
overpayment above a payment card, two to a sheet; a building society's checklist as a
messaging-app photo). ``benchmarks/intake_accuracy.py --family ab --ocr-ab 19`` reads one
document of every class; the figures are in benchmarks/OCR.md ("Family AB", "Round 27").
Being seen, AB's figures here are training-side figures.

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from seven): the creditor letter (scan 0) and court claim (N1) (scan 4); the county
court judgment (scan 1) and payslip (scan 2) were dropped (the read families' cut, chosen as
test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_ab import ab_scanned, build_ab, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_ab.SCANS (0: a phone photo sent
# through a messaging app, colour JPEG; 1: an ink-jet with blocked nozzles, colour PNG, with
# its resolution at odd indexes; 2: two to a sheet, greyscale uncompressed TIFF).
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.COURT_CLAIM_N1, 1, 4),
)
FIRST = (
    "class 7/7; creditor 6/6, reference 5/6, balance 5/6, letter date 6/7, deadline 4/5, "
    "claim no. 2/2, served 1/1, payer 1/1, income 1/1, gross 1/1, frequency 1/1; true values "
    "verbatim in the OCR text 35 of 37 (branch corpusab off 3b1eff9 = main's round-20 "
    "reader, shipped field ranker 2026-12-05.20)"
)
ROUND_27 = (
    "class 7/7 and every field the sample states at 100% (reference 6/6, balance 6/6, letter "
    "date 7/7; rules of round 27, models 2026-12-05.26 and .27)"
)
"""As shipped after round 27, which read AB's misses (training-side): the reference, the
balance and the letter date meet their floors (plain assertions)."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (creditor letter, court "
    "claim (N1); dropped: county court judgment, payslip), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 2/2, reference 2/2, balance 2/2, letter date 2/2, "
    "deadline 2/2, claim no. 1/1, served 1/1; true values verbatim in the OCR text 12 of 12"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_ab(2), CHOSEN, ab_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family AB (seen since round 27), OCR sample of {len(CHOSEN)}"))
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
    """Seen since round 27, so a regression check of a training-side figure, no longer a
    strict xfail: ROUND_27 on this sample (blind, first measurement: FIRST). The issue's
    floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
