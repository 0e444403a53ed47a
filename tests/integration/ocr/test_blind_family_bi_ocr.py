"""Held-out family BI (written blind) strewn with washing powder granules, marked by dryer
lint, or stained by a fabric conditioner spill, read by real Tesseract and the reader as
the product ships it (the learned field ranker on): eight documents over BI's three scans
and its six settings (a recovery firm's letter on dry-cleaning tags, granule-strewn, as
colour JPEG with its resolution; a money claim on an ironing board, two pages, linty, as
PDF; a needle and spring works' pay statement, spilt on, as PDF; a default judgment on a
care label, granule-strewn; the council's reminder on the coin-op price board, linty, as
PNG without its resolution; a fine on hangers, spilt on; a Carer's Allowance overpayment
on the washing machines, linty, as PNG with its resolution; mortgage arrears on an
ironing board, granule-strewn). Each is read with every page
(``tests/integration/ocr/blind_read.read_chosen``). The benchmark's
``benchmarks/intake_accuracy.py --family bi --ocr-bi 19`` reads one document of every
class; the figures are in benchmarks/OCR.md ("Family BI")."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_bi import bi_scanned, build_bi, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date",
    "deadline_date", "court_claim_number", "served_date", "payer_name", "income_pence",
    "gross_pence", "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_bi.SCANS (0: washing powder
# granules, colour JPEG with its resolution; 1: dryer lint, greyscale PNG with its
# resolution at odd indexes; 2: a fabric conditioner spill, colour PDF); two-page documents
# are PDF whatever the scan.
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.COURT_CLAIM_N1, 1, 1),
    (C.PAYSLIP, 0, 2),
    (C.COUNTY_COURT_JUDGMENT, 0, 3),
    (C.COUNCIL_TAX, 0, 4),
    (C.MAGISTRATES_FINE, 1, 5),
    (C.MORTGAGE_ARREARS, 1, 6),
    (C.OVERPAYMENT, 0, 7),
)
FIRST = (
    "class 8/8; creditor 7/7, reference 7/7, balance 7/7, letter date 6/8, deadline 6/6, "
    "claim no. 1/2, served 1/1, payer 1/1, income 1/1, gross 1/1, frequency 1/1; true values "
    "verbatim in the OCR text 37 of 42 (branch corpusbi off cc3104e3, shipped field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (8, 8), "creditor_name": (7, 7), "account_reference": (7, 7),
    "balance_pence": (7, 7), "letter_date": (6, 8), "deadline_date": (6, 6),
    "court_claim_number": (1, 2), "served_date": (1, 1), "payer_name": (1, 1),
    "income_pence": (1, 1), "gross_pence": (1, 1), "frequency": (1, 1),
}  # fmt: skip
"""(correct, total) of each field at the first measurement: the floors below."""
VERBATIM = 37
"""True values found verbatim in the OCR text (of 42) at the first measurement."""
UNMET = frozenset({"letter_date", "court_claim_number"})
"""The issue's floors this sample did not meet at the first measurement (strict xfails)."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_bi(2), CHOSEN, bi_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as at the first
    measurement."""
    result, found, total = read
    print("\n" + result.table(f"held-out family BI, OCR sample of {len(CHOSEN)}"))
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
        f"BI blind, after OCR, first measurement under the issue's floor: {FIRST}",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
