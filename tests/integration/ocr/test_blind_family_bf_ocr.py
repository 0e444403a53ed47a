"""Family BF (written blind, read since round 49) with engine coolant run down it, pitted by
an angle grinder's sparks, or sooted by an exhaust, read by real Tesseract and the reader as the
product ships it (the learned field ranker on): eight one-page documents over BF's three
scans and its six settings (a collection agency's letter on a job card, coolant-stained, as
colour JPEG with its resolution; a motor factor's statutory demand on a parts invoice on a
spike, spark-pitted, as colour PNG without its resolution; a car repair centre's payslip,
sooted, as PDF; a default judgment in a tool chest's drawers, coolant-stained; the council's
reminder on key tags, spark-pitted, as PNG with its resolution; a car finance arrears
letter in a windscreen disc holder, sooted; water arrears on an MOT certificate,
coolant-stained; a Personal Independence Payment award on a job card, spark-pitted). BF's
two-page documents (the money claim, odd statutory demands, even mortgage letters) are
read after OCR by the benchmark, ``benchmarks/intake_accuracy.py --family bf --ocr-bf 19``
(one document of every class); the figures are in benchmarks/OCR.md ("Family BF", and
"Round 49", which read BF's misses: every figure on BF since is a training-side figure)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_bf import bf_scanned, build_bf, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date",
    "deadline_date", "court_claim_number", "served_date", "payer_name", "income_pence",
    "gross_pence", "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_bf.SCANS (0: coolant, colour
# JPEG with its resolution; 1: grinder sparks, colour PNG with its resolution at even
# indexes; 2: exhaust soot, greyscale PDF).
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.STATUTORY_DEMAND, 0, 1),
    (C.PAYSLIP, 0, 2),
    (C.COUNTY_COURT_JUDGMENT, 0, 3),
    (C.COUNCIL_TAX, 0, 4),
    (C.CREDITOR_LETTER, 1, 5),
    (C.UTILITY_ARREARS, 0, 6),
    (C.BENEFIT_AWARD, 1, 7),
)
FIRST = (
    "class 8/8; creditor 4/6, reference 6/6, balance 6/6, letter date 7/8, deadline 6/6, "
    "claim no. 0/1, payer 2/2, income 1/2, gross 0/1, frequency 1/2; true values verbatim in "
    "the OCR text 35 of 40 (branch corpusbf off a96bff88, shipped field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (8, 8), "creditor_name": (6, 6), "account_reference": (6, 6),
    "balance_pence": (6, 6), "letter_date": (7, 8), "deadline_date": (6, 6),
    "court_claim_number": (0, 1), "payer_name": (2, 2), "income_pence": (1, 2),
    "gross_pence": (0, 1), "frequency": (1, 2),
}  # fmt: skip
"""(correct, total) of each field at the first measurement, raised where round 49 reads
more (``ROUND_49``: creditor 4 -> 6): the floors below."""
VERBATIM = 35
"""True values found verbatim in the OCR text (of 40) at the first measurement."""
UNMET = frozenset(
    {
        "creditor_name",
        "letter_date",
        "court_claim_number",
        "income_pence",
        "gross_pence",
        "frequency",
    }
)
"""The issue's floors this sample did not meet at the first measurement, blind (strict
xfails until round 49; since round 49, only those still unmet: ``STILL_UNMET``)."""
ROUND_49 = (
    "creditor 6/6 (was 4/6), every other count as at the first measurement; letter date "
    "7/8, claim no. 0/1, income 1/2, gross 0/1 and frequency 1/2 under their floors: the "
    "sooted payslip's figures lost by OCR, the claim number's letters read as figures "
    "(rules of round 49, models 2026-12-06.34)"
)
"""After round 49, which read BF's misses (training-side): the creditor meets its floor; the
rest of the sample's unmet floors are scan damage (benchmarks/OCR.md "Round 49")."""
STILL_UNMET = frozenset(
    {"letter_date", "court_claim_number", "income_pence", "gross_pence", "frequency"}
)
"""The floors still not met after round 49 (strict xfails); every other is a plain
assertion."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_bf(2), CHOSEN, bf_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as at the first
    measurement."""
    result, found, total = read
    print("\n" + result.table(f"family BF (seen since round 49), OCR sample of {len(CHOSEN)}"))
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
        STILL_UNMET,
        f"BF after OCR, after round 49 under the issue's floor: {ROUND_49}",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
