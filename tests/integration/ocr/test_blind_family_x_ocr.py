"""Family X (written blind, seen since round 16: its misses read, trained on as a read family)
printed, scanned and read by real Tesseract and the reader as the product ships it (the
learned field ranker on): two of these six single-page documents over X's three scans (a
card issuer's letter quoting its earlier letters and calls, folded in three at 250 dpi, as
PNG without its resolution; Cardiff Council's bilingual council tax reminder, Welsh above
English, smeared by a sheet feeder at 180 dpi, as TIFF; a bilingual payslip from a carbon
copy at 300 dpi, as PDF; a water company's reminder with its sender, title and reference
white on a dark band, folded, as PNG with its resolution; a magistrates' court tick-box
form, smeared, as TIFF; a split-pay firm's payment plan from a carbon copy, as PDF).
``benchmarks/intake_accuracy.py --family x --ocr-x 19`` reads one document of every class;
the figures are in benchmarks/OCR.md ("Family X", "Round 16"). Being seen, X's figures here
are training-side figures.

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from six): the council tax (scan 1) and utility arrears (scan 3); the creditor
letter (scan 0) and payslip (scan 2) were dropped (the read families' cut, chosen as
test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_x import build_x, values_in_text, x_scanned
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_x.SCANS (0: 250 dpi folded in
# three, 0.6 degrees; 1: 180 dpi greyscale smeared by a sheet feeder, -0.35 degrees, always
# TIFF with its resolution; 2: a 300 dpi carbon copy, -0.9 degrees, always PDF); the
# folded scans are PNG, with their resolution at odd indexes.
CHOSEN = (
    (C.COUNCIL_TAX, 0, 1),
    (C.UTILITY_ARREARS, 0, 3),
)
FIRST = (
    "class 6/6; creditor 5/5, reference 4/5, balance 4/5, letter date 3/6, deadline 3/5, "
    "payer 1/1, income 1/1, gross 1/1, frequency 1/1; true values verbatim in the OCR text "
    "28 of 30 (branch corpusx off 37b6238 = main's round-13 reader, shipped field ranker "
    "2026-12-04.13)"
)
UNMET: frozenset[str] = frozenset()
"""The floors this sample does not meet (strict xfails below): none since round 15. At the
first measurement the reference, balance and both dates were under the floor; the
reference was read since round 14 (5/5), the balance and both dates since round 15
(which read W, not X; the expectations were updated without X's misses being looked
at). Round 16 read X's misses: from then on a regression check of a seen family."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (council tax, utility "
    "arrears; dropped: creditor letter, payslip), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 2/2, reference 2/2, balance 2/2, letter date 2/2, "
    "deadline 2/2; true values verbatim in the OCR text 9 of 10"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_x(2), CHOSEN, x_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family X (seen since round 16), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= 0.8 * total


def test_ocr_sample_is_read_above_a_collapse_floor(read: tuple[Score, int, int]) -> None:
    """The fields the sample states, all together: 23 of 30 right at the first
    measurement; a floor at a half catches a collapse, not a small loss."""
    result, _, _ = read
    fields = [f for f in FIELDS_HERE if result.totals[f]]
    assert sum(result.hits[f] for f in fields) >= sum(result.totals[f] for f in fields) / 2


@pytest.mark.parametrize(
    "field",
    floor_params(
        ("document_class", *FIELDS_HERE),
        UNMET,
        f"X after OCR, first measurement under the issue's floor: {FIRST}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
