"""Held-out family J (written blind) printed, photographed or scanned, and read by real
Tesseract and the reader as the product ships it (the learned field ranker on): two of these six
single-page documents over J's three scans (a Rockingham Forest card company's mail-merge
letter, its merge codes left in, photographed under a venetian blind's shadow, as JPEG; a
judgment from the County Court at Kettering as a kiosk's till roll, water-stained, as a
16-colour palette PNG with its resolution; a Corby payslip with its value column first
through a phone's wide lens, as deflate TIFF; a water company's letter with the reader's
handwritten notes on it, under the blind; a claim form re-issued with its earlier figures
struck through, water-stained, as PNG without its resolution; an enforcement notice printed
two-up, customer's and office copies side by side, through the wide lens).
``benchmarks/intake_accuracy.py --family j --ocr-j 19`` reads one document of every class;
the figures are in benchmarks/OCR.md ("Family J"). Only aggregate figures are printed: J's
individual misses are not written down.

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from six): the payslip (scan 2) and court claim (N1) (scan 4); the creditor letter
(scan 0) and county court judgment (scan 1) were dropped (the read families' cut, chosen as
test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_j import build_j, j_scanned, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date", "payer_name", "income_pence", "gross_pence",
    "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_j.SCANS (0: a venetian blind's
# shadow, colour JPEG; 1: a water stain, 16-colour palette PNG, with its resolution at odd
# indexes; 2: a wide lens's barrel distortion, greyscale deflate TIFF).
CHOSEN = (
    (C.PAYSLIP, 0, 2),
    (C.COURT_CLAIM_N1, 1, 4),
)
FIRST = (
    "class 6/6; creditor 5/5, reference 5/5, balance 5/5, letter date 6/6, deadline 5/5, "
    "claim no. 1/2, served 1/1, payer 1/1, income 1/1, gross 1/1, frequency 1/1; true values "
    "verbatim in the OCR text 32 of 33 (branch corpusj off 379343e = main's round-19 reader, "
    "shipped field ranker 2026-12-05.19)"
)
UNMET = frozenset({"court_claim_number"})
"""The floors this sample does not meet at the first measurement (strict xfails below)."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (payslip, court claim (N1);"
    " dropped: creditor letter, county court judgment), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 1/1, reference 1/1, balance 1/1, letter date 2/2, "
    "deadline 1/1, claim no. 0/1, served 1/1, payer 1/1, income 1/1, gross 1/1, frequency 1/1;"
    " true values verbatim in the OCR text 11 of 12"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: court_claim_number); the figures above were measured on the full
sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_j(2), CHOSEN, j_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"held-out family J (written blind), OCR sample of {len(CHOSEN)}"))
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
        f"J after OCR, first measurement under the issue's floor: {FIRST}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
