"""Family AG (written blind, read since round 34) as a cockled page, a phone photo held by its
edge or a scan from a slipping sheet feeder, read by real Tesseract and the reader as the
product ships it (the learned field ranker on): two of these seven single-page documents
over AG's three scans (a credit union's captioned form, cockled, as greyscale PNG; an
enforcement agents' "At a glance" letter photographed with a thumb over its margin, as
JPEG; an orchard's piece-work pay advice from the slipping feeder, as PNG with its
resolution; a judgment on pleading paper, cockled; an energy bill's bill-of-costs account,
thumb photo; a council tax reminder as a merge with its field shading, slipping feeder, as
PNG without its resolution; a Reduced Earnings Allowance award as a captioned form,
cockled). ``benchmarks/intake_accuracy.py --family ag --ocr-ag 19`` reads one document of
every class; the figures are in benchmarks/OCR.md ("Family AG", and "Round 34", which read
AG's misses: every figure on AG since is a training-side figure).

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from seven): the payslip (scan 2) and county court judgment (scan 3); the creditor
letter (scan 0) and enforcement agent notice (scan 1) were dropped (the read families' cut,
chosen as test_read_family_coverage.py says). The floors below are the two's
(CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_ag import ag_scanned, build_ag, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "payer_name", "income_pence", "gross_pence", "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_ag.SCANS (0: a cockled page,
# greyscale PNG; 1: a phone photo with a thumb over the margin, colour JPEG; 2: a slipping
# sheet feeder, greyscale PNG with its resolution at even indexes); all single pages.
CHOSEN = (
    (C.PAYSLIP, 0, 2),
    (C.COUNTY_COURT_JUDGMENT, 0, 3),
)
FIRST = (
    "class 7/7; creditor 4/5, reference 4/5, balance 5/5, letter date 5/7, deadline 4/5, "
    "claim no. 1/1, payer 2/2, income 2/2, gross 1/1, frequency 1/2; true values verbatim in "
    "the OCR text 33 of 35 (branch corpusag off 3ea9e28 = main's round-25 reader, shipped "
    "field ranker 2026-12-05.25)"
)
ROUND_34 = (
    "creditor 5/5, reference 5/5, every floor met but the letter date 5/7 and the deadline "
    "4/5 (rules of round 34, models 2026-12-06.36)"
)
"""After round 34, which read AG's misses (training-side): the creditor and the reference,
strict xfails at the first measurement, meet their floors (plain assertions); the letter
date and the deadline do not yet (a captioned form's dates after OCR, each label a caption
under its value, and an award's letter date: strict xfails still, UNMET)."""
UNMET: frozenset[str] = frozenset()
"""The floors this sample does not meet after round 34 (strict xfails below). Since the cut
to 2 documents (2026-12-07, CUT_2026_12_07), the set is the subset's: none."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (payslip, county court "
    "judgment; dropped: creditor letter, enforcement agent notice), measured on them on main's"
    " reader (1c340525): class 2/2; creditor 1/1, reference 1/1, balance 1/1, letter date 2/2,"
    " deadline 1/1, claim no. 1/1, payer 1/1, income 1/1, gross 1/1, frequency 1/1; true "
    "values verbatim in the OCR text 11 of 11"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_ag(2), CHOSEN, ag_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family AG (seen since round 34), OCR sample of {len(CHOSEN)}"))
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
        f"AG after OCR, under the issue's floor after round 34: {ROUND_34}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """Seen since round 34: a regression check of a training-side figure (ROUND_34; blind,
    first measurement: FIRST). The issue's floors: 95% for the class, 90% for each field
    the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
