"""Held-out family I (written blind) printed, scanned and read by real Tesseract and the
reader as the product ships it (the learned field ranker on): six single-page documents
over I's three scans (an Otmoor card company's letter on the back of a leaflet, its figures
in margin notes, red ink on pink paper scanned in greyscale, as PNG without its
resolution; a judgment from the County Court at Salisbury listed with dot leaders, through
a copier with a drum ghost, as LZW TIFF; a payslip of values over their labels, scanned
with the lid open, as JPEG; a water company's compliments slip, on pink paper, as PNG with
its resolution; a claim form of values over their labels, ghosted; a farm merchant's
statutory demand with its facts run on in a shaded strip, lid open).
``benchmarks/intake_accuracy.py --family i --ocr-i 19`` reads one document of every class;
the figures are in benchmarks/OCR.md ("Family I"). Only aggregate figures are printed: I's
individual misses are not written down."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_i import build_i, i_scanned, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date", "payer_name", "income_pence", "gross_pence",
    "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_i.SCANS (0: red ink on pink
# paper in greyscale, PNG, with its resolution at odd indexes; 1: a copier's drum ghost,
# LZW TIFF; 2: a flatbed with its lid open, JPEG).
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.COUNTY_COURT_JUDGMENT, 0, 1),
    (C.PAYSLIP, 0, 2),
    (C.UTILITY_ARREARS, 0, 3),
    (C.COURT_CLAIM_N1, 0, 4),
    (C.STATUTORY_DEMAND, 1, 5),
)
FIRST = (
    "class 6/6; creditor 4/5, reference 5/5, balance 5/5, letter date 5/6, deadline 4/5, "
    "claim no. 2/2, served 1/1, payer 1/1, income 1/1, gross 1/1, frequency 1/1; true values "
    "verbatim in the OCR text 33 of 33 (branch corpusi off ea3738d = main's round-18 reader, "
    "shipped field ranker 2026-12-05.18)"
)
UNMET = frozenset({"letter_date", "deadline_date"})
"""The floors this sample does not meet (strict xfails below). At the first measurement the
creditor too; met since round 38 (AN's and AO's kinds, not I's: I was not read)."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_i(2), CHOSEN, i_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"held-out family I (written blind), OCR sample of {len(CHOSEN)}"))
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
        f"I after OCR, first measurement under the issue's floor: {FIRST}",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
