"""Held-out family AH (written blind) scanned by a juddering flatbed, photographed
dog-eared or drawn in askew by a sheet feeder, read by real Tesseract and the reader as the
product ships it (the learned field ranker on): seven single-page documents over AH's three
scans (a card company's phone screenshot, juddering flatbed, as greyscale PNG; an
enforcement agents' record card, dog-eared, as JPEG; a granite quarry's wage slip, sheared
feed, as PNG with its resolution; a claim form's certificate, juddering flatbed; a water
company's flowchart, dog-eared; a statutory demand's disclosure copy with its redactions,
sheared feed, as PNG without its resolution; an Exceptionally Severe Disablement Allowance
screenshot, juddering flatbed). ``benchmarks/intake_accuracy.py --family ah --ocr-ah 19``
reads one document of every class; the figures are in benchmarks/OCR.md ("Family AH").
Only aggregate figures are printed: AH's individual misses are not written down."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_ah import ah_scanned, build_ah, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date", "payer_name", "income_pence", "gross_pence",
    "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_ah.SCANS (0: a juddering
# flatbed, greyscale PNG; 1: a dog-eared sheet, colour JPEG; 2: a sheared feed, greyscale
# PNG with its resolution at even indexes); all single pages.
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.ENFORCEMENT_AGENT_NOTICE, 1, 1),
    (C.PAYSLIP, 0, 2),
    (C.COURT_CLAIM_N1, 1, 3),
    (C.UTILITY_ARREARS, 0, 4),
    (C.STATUTORY_DEMAND, 1, 5),
    (C.BENEFIT_AWARD, 1, 6),
)
FIRST = (
    "class 7/7; creditor 5/5, reference 5/5, balance 5/5, letter date 6/7, deadline 5/5, "
    "claim no. 0/1, served 1/1, payer 2/2, income 2/2, gross 0/1, frequency 2/2; true values "
    "verbatim in the OCR text 34 of 36 (branch corpusah off 6360646 = main's round-26 "
    "reader, shipped field ranker 2026-12-05.26)"
)
UNMET = frozenset({"letter_date", "court_claim_number"})
"""The floors this sample does not meet at the first measurement (strict xfails below)."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_ah(2), CHOSEN, ah_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"held-out family AH (written blind), OCR sample of {len(CHOSEN)}"))
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
        f"AH after OCR, first measurement under the issue's floor: {FIRST}",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
