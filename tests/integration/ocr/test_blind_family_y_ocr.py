"""Held-out family Y (written blind) printed, scanned and read by real Tesseract and the
reader as the product ships it (the learned field ranker on): six single-page documents
over Y's three scans (a card issuer's letter with its boxed summary at the foot, with a
crease shadow at 200 dpi, as PNG without its resolution; Leicester's council tax reminder
with its sum in a callout, streaked by toner at 240 dpi, as PDF; a pay advice with its net
in a box, a phone photo with perspective, as JPEG; an energy bill with its payment slip on
the right, creased, as PNG with its resolution; a magistrates' court form of numbered
questions, streaked, as PDF; a solicitors' letter of claim with "Our ref / Your ref", a
phone photo, as JPEG). ``benchmarks/intake_accuracy.py --family y --ocr-y 19`` reads one
document of every class; the figures are in benchmarks/OCR.md ("Family Y"). Only aggregate
figures are printed: Y's individual misses are not written down."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_y import build_y, values_in_text, y_scanned
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "payer_name", "income_pence", "gross_pence", "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_y.SCANS (0: 200 dpi with a
# crease shadow, 0.4 degrees, PNG, with its resolution at odd indexes; 1: 240 dpi
# greyscale with toner streaks, -0.5 degrees, always PDF; 2: a phone photo with
# perspective, 2.5 degrees, always JPEG).
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.COUNCIL_TAX, 0, 1),
    (C.PAYSLIP, 1, 2),
    (C.UTILITY_BILL, 0, 3),
    (C.MAGISTRATES_FINE, 0, 4),
    (C.LETTER_OF_CLAIM, 0, 5),
)
FIRST = (
    "class 6/6; creditor 5/5, reference 5/5, balance 5/5, letter date 6/6, deadline 5/5, "
    "payer 1/1, income 1/1, gross 1/1, frequency 1/1; true values verbatim in the OCR text "
    "30 of 30 (branch corpusy off 96766ad = main's round-14 reader, shipped field ranker "
    "2026-12-04.14)"
)
UNMET: frozenset[str] = frozenset()
"""The floors this sample does not meet at the first measurement (strict xfails below):
none; ``FIRST`` is kept for the xfail reason should a floor be added."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_y(2), CHOSEN, y_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"held-out family Y (written blind), OCR sample of {len(CHOSEN)}"))
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
        f"Y after OCR, first measurement under the issue's floor: {FIRST}",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
