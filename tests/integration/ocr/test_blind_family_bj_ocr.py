"""Held-out family BJ (written blind) smeared by a wet nose, chewed at an edge, or shadowed by
a cat's tail across the glass, read by real Tesseract and the reader as the product ships it
(the learned field ranker on): eight documents over BJ's three scans and its six settings
(a recovery firm's letter on kennel gates, nose-smeared, as colour JPEG with its
resolution; a money claim on bone-shaped ID tags, two pages, chewed, as PDF; a veterinary
centre's pay record under the tail, as PDF; a default judgment on the weighing scale's
printout, nose-smeared; the council's reminder on cattery pens, chewed, as PNG without its
resolution; a statutory demand on the appointment board under the tail; water arrears on a
vaccination record card, nose-smeared; a Carer's Allowance award on kennel gates, chewed,
as PNG with its resolution). The benchmark's ``benchmarks/intake_accuracy.py --family bj
--ocr-bj 19`` reads one document of every class; the figures are in benchmarks/OCR.md
("Family BJ")."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_bj import bj_scanned, build_bj, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date",
    "deadline_date", "court_claim_number", "served_date", "payer_name", "income_pence",
    "gross_pence", "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_bj.SCANS (0: a wet nose, colour
# JPEG with its resolution; 1: a chewed edge, colour PNG with its resolution at odd indexes;
# 2: a cat's tail, greyscale PDF); two-page documents are PDF whatever the scan.
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.COURT_CLAIM_N1, 1, 1),
    (C.PAYSLIP, 0, 2),
    (C.COUNTY_COURT_JUDGMENT, 0, 3),
    (C.COUNCIL_TAX, 0, 4),
    (C.STATUTORY_DEMAND, 0, 5),
    (C.UTILITY_ARREARS, 1, 6),
    (C.BENEFIT_AWARD, 1, 7),
)
FIRST = (
    "class 8/8; creditor 6/6, reference 5/6, balance 6/6, letter date 8/8, deadline 6/6, "
    "claim no. 2/2, served 1/1, payer 2/2, income 2/2, gross 1/1, frequency 2/2; true values "
    "verbatim in the OCR text 40 of 42 (branch corpusbj off cc3104e3, shipped field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (8, 8), "creditor_name": (6, 6), "account_reference": (5, 6),
    "balance_pence": (6, 6), "letter_date": (8, 8), "deadline_date": (6, 6),
    "court_claim_number": (2, 2), "served_date": (1, 1), "payer_name": (2, 2),
    "income_pence": (2, 2), "gross_pence": (1, 1), "frequency": (2, 2),
}  # fmt: skip
"""(correct, total) of each field at the first measurement: the floors below."""
VERBATIM = 40
"""True values found verbatim in the OCR text (of 42) at the first measurement."""
UNMET = frozenset({"account_reference"})
"""The issue's floors this sample did not meet at the first measurement (strict xfails)."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_bj(2), CHOSEN, bj_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as at the first
    measurement."""
    result, found, total = read
    print("\n" + result.table(f"held-out family BJ, OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= VERBATIM


def test_ocr_sample_is_read_at_least_as_well_as_first_measured(
    read: tuple[Score, int, int],
) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails; a
    rise is welcome: raise the floor)."""
    result, _, _ = read
    for field, (hits, total) in MEASURED.items():
        assert result.totals[field] == total, field
        assert result.hits[field] >= hits, (field, result.hits[field], hits)


@pytest.mark.parametrize(
    "field",
    floor_params(
        ("document_class", *FIELDS_HERE),
        UNMET,
        f"BJ blind, after OCR, first measurement under the issue's floor: {FIRST}",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
