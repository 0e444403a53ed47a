"""Family Z (written blind, seen since round 18: its misses read, trained on as a read
family) printed, scanned and read by real Tesseract and the reader as the product ships it
(the learned field ranker on): two of these six single-page documents
over Z's three scans (a Wearside card company's "Dear Customer" letter, named only in its
footer, faxed at 150 dpi with banding, as PDF; an energy invoice with right-aligned labels
and VAT lines, a 300 dpi colour scan with a red stamp, as PNG with its resolution; a pay
advice of right-aligned labels from a scanner app, as JPEG; an Arizona-owned debt buyer's
notice of assignment in its house style, faxed; a fencing merchant's statutory demand with
an aged analysis, in colour, as PNG without its resolution; a court's notice of a claim with
its reply form and code line, from a scanner app). ``benchmarks/intake_accuracy.py --family
z --ocr-z 19`` reads one document of every class; the figures are in benchmarks/OCR.md
("Family Z", "Round 18"). Being seen, Z's figures here are training-side figures.

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from six): the creditor letter (scan 0) and utility bill (scan 1); the payslip
(scan 2) and notice of assignment (scan 3) were dropped (the read families' cut, chosen as
test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_z import build_z, values_in_text, z_scanned
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_z.SCANS (0: a 150 dpi fax with
# banding, always PDF; 1: a 300 dpi colour scan with a stamp, PNG, with its resolution at
# odd indexes; 2: a scanner app's 200 dpi JPEG with a sticky note).
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.UTILITY_BILL, 0, 1),
)
FIRST = (
    "class 6/6; creditor 4/5, original creditor 1/1, reference 5/5, balance 4/5, letter "
    "date 5/6, deadline 4/4, claim no. 1/1, served 1/1, payer, income, gross and frequency "
    "1/1; true values verbatim in the OCR text 30 of 32 (branch corpusz off 4807992 = main's "
    "round-15 reader, shipped field ranker 2026-12-04.15)"
)
ROUND_18 = (
    "creditor 4/5 (the firm's name in the fax's footer misspelt by Tesseract, one letter), "
    "balance 5/5, letter date 5/6 (an invoice's day misread by Tesseract, 11 as 14), every "
    "other field whole (rules of round 18, models 2026-12-05.18)"
)
"""As shipped after round 18, which read Z's misses (training-side)."""
UNMET = frozenset({"creditor_name", "letter_date"})
"""The floors this sample does not meet (strict xfails below): at the first measurement
the creditor, the balance and the letter date; since round 18 (a firm named only in its
registration read, a bill's "Total VAT" no amount due) the balance meets it, and the two
left are Tesseract's misreadings of the letters and figures themselves (ROUND_18)."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (creditor letter, utility"
    " bill; dropped: payslip, notice of assignment), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 1/2, reference 2/2, balance 2/2, letter date 1/2, "
    "deadline 2/2; true values verbatim in the OCR text 8 of 10"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: creditor_name, letter_date); the figures above were measured on
the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_z(2), CHOSEN, z_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family Z (seen since round 18), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= 0.8 * total


def test_ocr_sample_is_read_above_a_collapse_floor(read: tuple[Score, int, int]) -> None:
    """The fields the sample states, all together: a floor at a half catches a collapse,
    not a small loss."""
    result, _, _ = read
    fields = [f for f in FIELDS_HERE if result.totals[f]]
    assert sum(result.hits[f] for f in fields) >= sum(result.totals[f] for f in fields) / 2


@pytest.mark.parametrize(
    "field",
    floor_params(
        ("document_class", *FIELDS_HERE),
        UNMET,
        f"Z after OCR, under the issue's floor: {ROUND_18}; first measurement: {FIRST}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
