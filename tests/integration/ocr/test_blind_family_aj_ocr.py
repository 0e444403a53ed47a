"""Family AJ (written blind, read since round 32) torn across and taped back together,
photographed through a smudged lens or faded by the sun on a windowsill, read by real
Tesseract and the reader as the product ships it (the learned field ranker on): two of
these seven single-page documents over AJ's three scans (a card company's pie chart, taped,
as greyscale PNG; an enforcement agents' receipt-book leaf, through the smudged lens, as
JPEG; a heritage railway's wages slip, sun-faded, as colour PNG with its resolution; a
money claim set as a statute with marginal notes, taped; a water company's pie chart,
through the smudged lens; a statutory demand set as a statute, sun-faded, as PNG without
its resolution; a War Widow's Pension status table, taped). ``benchmarks/intake_accuracy.py
--family aj --ocr-aj 19`` reads one document of every class; the figures are in
benchmarks/OCR.md ("Family AJ", and "Round 32", which read AJ's misses: every figure on AJ
since is a training-side figure).

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from seven): the enforcement agent notice (scan 1) and court claim (N1) (scan 3);
the creditor letter (scan 0) and payslip (scan 2) were dropped (the read families' cut,
chosen as test_read_family_coverage.py says). The floors below are the two's
(CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_aj import aj_scanned, build_aj, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_aj.SCANS (0: torn and taped,
# greyscale PNG; 1: a smudged lens, colour JPEG; 2: sun-faded, colour PNG with its
# resolution at even indexes); all single pages.
CHOSEN = (
    (C.ENFORCEMENT_AGENT_NOTICE, 0, 1),
    (C.COURT_CLAIM_N1, 0, 3),
)
FIRST = (
    "class 7/7; creditor 5/5, reference 5/5, balance 5/5, letter date 7/7, deadline 5/5, "
    "claim no. 1/1, served 0/1, payer 2/2, income 2/2, gross 1/1, frequency 2/2; true values "
    "verbatim in the OCR text 36 of 36 (branch corpusaj off 6282a03 = main's round-28 "
    "reader, shipped field ranker 2026-12-05.28)"
)
ROUND_32 = "every floor met, the served date 1/1 (rules of round 32, models 2026-12-05.31 and .33)"
"""After round 32, which read AJ's misses (training-side): the served date, a strict xfail
at the first measurement, meets its floor (a plain assertion: the date "the claim is
treated as served", a marginal note wrapped over two lines, is the served date)."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (enforcement agent "
    "notice, court claim (N1); dropped: creditor letter, payslip), measured on them on main's "
    "reader (1c340525): class 2/2; creditor 2/2, reference 2/2, balance 2/2, letter date 2/2, "
    "deadline 2/2, claim no. 1/1, served 1/1; true values verbatim in the OCR text 12 of 12"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_aj(2), CHOSEN, aj_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family AJ (seen since round 32), OCR sample of {len(CHOSEN)}"))
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
    """Seen since round 32: a regression check of a training-side figure (ROUND_32; blind,
    first measurement: FIRST). The issue's floors: 95% for the class, 90% for each field
    the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
