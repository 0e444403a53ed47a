"""Family AD (written blind, read since round 31) curled on the glass, snapped with a scanning
app or scanned out of register, and read by real Tesseract and the reader as the product
ships it (the learned field ranker on): two of these seven single-page documents over AD's
three scans (a Brent Tor card company's letter with its facts as bullets, curling off the
glass, as greyscale JPEG; an enforcement notice with run-in heads through the scanning
app's black-and-white filter, as a one-page PDF; a Polson Bridge CIS statement from the
misregistered colour scanner, as PNG with its resolution; a claim form with an office-use
strip, curled; a judgment set as a centred notice, through the app; an energy bill with its
counterfoil at the top, misregistered, as PNG without its resolution; a child's Disability
Living Allowance letter with bullets, curled). ``benchmarks/intake_accuracy.py --family ad
--ocr-ad 19`` reads one document of every class; the figures are in benchmarks/OCR.md
("Family AD", and "Round 31", which read AD's misses: every figure on AD since is a
training-side figure).

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from seven): the court claim (N1) (scan 3) and county court judgment (scan 4); the
creditor letter (scan 0) and payslip (scan 2) were dropped (the read families' cut, chosen
as test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_ad import ad_scanned, build_ad, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_ad.SCANS (0: a page curling off
# the glass, greyscale JPEG; 1: a scanning app's black-and-white filter, one-page PDF; 2: a
# colour scanner out of register, PNG, with its resolution at even indexes); all single
# pages.
CHOSEN = (
    (C.COURT_CLAIM_N1, 1, 3),
    (C.COUNTY_COURT_JUDGMENT, 0, 4),
)
FIRST = (
    "class 7/7; creditor 5/5, reference 4/5, balance 4/5, letter date 6/7, deadline 5/5, "
    "claim no. 2/2, served 1/1, payer 2/2, income 2/2, gross 1/1, frequency 2/2; true values "
    "verbatim in the OCR text 36 of 37 (branch corpusad off 9991bf2 = main's round-22 "
    "reader, shipped field ranker 2026-12-05.22)"
)
UNMET = frozenset({"account_reference"})
"""The floors this sample does not meet (strict xfails below): at the first measurement
the letter date and the balance too, the balance met since round 25's rules (AC read; AD
never shown to it); after round 31, which read AD's misses, the letter date meets its floor
(a plain assertion) with round 31's rules."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (court claim (N1), county "
    "court judgment; dropped: creditor letter, payslip), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 2/2, reference 1/2, balance 2/2, letter date 2/2, "
    "deadline 2/2, claim no. 2/2, served 1/1; true values verbatim in the OCR text 13 of 13"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: account_reference); the figures above were measured on the full
sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_ad(2), CHOSEN, ad_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family AD (seen since round 31), OCR sample of {len(CHOSEN)}"))
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
        f"AD after OCR, under the issue's floor (after round 31): {FIRST}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
