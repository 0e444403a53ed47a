"""Family AC (written blind; seen since round 25, which read its misses) copied,
photographed or scanned, and read by real Tesseract and the reader as the product ships it
(the learned field ranker on): two of these seven
documents over AC's three scans (a Hitchin card company's letter with its facts in a
left-hand sidebar, copied from a copy, as LZW TIFF; an enforcement notice with its facts in
a strip across the foot, photographed with the flash on recycled paper, as JPEG; a Great
Missenden pay envelope from a flatbed with dusty glass, as PNG with its resolution; a claim
form printed landscape, copied from a copy; a judgment mail-merged, flash photo; a housing
association's rent letter with its strip from the dusty flatbed, as PNG without its
resolution; a pay-in-four firm's sidebar letter, copied from a copy). ``benchmarks/
intake_accuracy.py --family ac --ocr-ac 19`` reads one document of every class; the figures
are in benchmarks/OCR.md ("Family AC", "Round 25"). Being seen, AC's figures here are
training-side figures.

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from seven): the court claim (N1) (scan 3) and county court judgment (scan 4); the
creditor letter (scan 0) and payslip (scan 2) were dropped (the read families' cut, chosen
as test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_ac import ac_scanned, build_ac, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_ac.SCANS (0: a photocopy of a
# photocopy, greyscale LZW TIFF; 1: a flash photo on recycled paper, colour JPEG; 2: a
# flatbed with dusty glass, greyscale PNG, with its resolution at even indexes); all
# single pages.
CHOSEN = (
    (C.COURT_CLAIM_N1, 1, 3),
    (C.COUNTY_COURT_JUDGMENT, 0, 4),
)
FIRST = (
    "class 7/7; creditor 6/6, reference 6/6, balance 6/6, letter date 4/7, deadline 3/5, "
    "claim no. 2/2, served 1/1, payer 1/1, income 0/1, gross 1/1, frequency 1/1; true values "
    "verbatim in the OCR text 37 of 37 (branch corpusac off ec86984 = main's round-21 "
    "reader, shipped field ranker 2026-12-05.21)"
)
ROUND_25 = (
    "class 7/7; creditor 6/6, reference 6/6, balance 6/6, letter date 7/7, deadline 5/5, "
    "claim no. 2/2, served 1/1, payer 1/1, income 1/1, gross 1/1, frequency 1/1; true values "
    "verbatim in the OCR text 37 of 37 (rules of round 25, models 2026-12-05.23 and .25)"
)
"""As shipped after round 25, which read AC's misses (training-side): the letter date, the
deadline and the income meet their floors (plain assertions; dates printed as eight figures
run together, a pay envelope's grid of boxes)."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (court claim (N1), county "
    "court judgment; dropped: creditor letter, payslip), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 2/2, reference 2/2, balance 2/2, letter date 2/2, "
    "deadline 2/2, claim no. 2/2, served 1/1; true values verbatim in the OCR text 13 of 13"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_ac(2), CHOSEN, ac_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family AC (seen since round 25), OCR sample of {len(CHOSEN)}"))
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
    """Seen since round 25, so a regression check of a training-side figure, no longer a
    strict xfail: ROUND_25 on this sample (blind, first measurement: FIRST). The issue's
    floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
