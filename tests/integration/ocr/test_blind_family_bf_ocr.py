"""Family BF (written blind, read since round 49) with engine coolant run down it, pitted by
an angle grinder's sparks, or sooted by an exhaust, read by real Tesseract and the reader
as the product ships it (the learned field ranker on): three of these eight one-page
documents over BF's three scans and its six settings (a collection agency's letter on a job
card, coolant-stained, as colour JPEG with its resolution; a motor factor's statutory
demand on a parts invoice on a spike, spark-pitted, as colour PNG without its resolution; a
car repair centre's payslip, sooted, as PDF; a default judgment in a tool chest's drawers,
coolant-stained; the council's reminder on key tags, spark-pitted, as PNG with its
resolution; a car finance arrears letter in a windscreen disc holder, sooted; water arrears
on an MOT certificate, coolant-stained; a Personal Independence Payment award on a job
card, spark-pitted). BF's two-page documents (the money claim, odd statutory demands, even
mortgage letters) are read after OCR by the benchmark, ``benchmarks/intake_accuracy.py
--family bf --ocr-bf 19`` (one document of every class); the figures are in
benchmarks/OCR.md ("Family BF", and "Round 49", which read BF's misses: every figure on BF
since is a training-side figure).

Since 2026-12-07 it reads three of the eight it read until then: the county court judgment
(scan 3), council tax (scan 4) and benefit award (scan 7); the creditor letter (scan 0),
statutory demand (scan 1), payslip (scan 2), creditor letter (scan 5) and utility arrears
(scan 6) were dropped (the read families' cut, chosen as test_read_family_coverage.py says).
The floors below are the three's (CUT_2026_12_07)."""

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
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "payer_name", "income_pence", "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_bf.SCANS (0: coolant, colour
# JPEG with its resolution; 1: grinder sparks, colour PNG with its resolution at even
# indexes; 2: exhaust soot, greyscale PDF).
CHOSEN = (
    (C.COUNTY_COURT_JUDGMENT, 0, 3),
    (C.COUNCIL_TAX, 0, 4),
    (C.BENEFIT_AWARD, 1, 7),
)
FIRST = (
    "class 8/8; creditor 4/6, reference 6/6, balance 6/6, letter date 7/8, deadline 6/6, "
    "claim no. 0/1, payer 2/2, income 1/2, gross 0/1, frequency 1/2; true values verbatim in "
    "the OCR text 35 of 40 (branch corpusbf off a96bff88, shipped field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (3, 3), "creditor_name": (2, 2), "account_reference": (2, 2),
    "balance_pence": (2, 2), "letter_date": (3, 3), "deadline_date": (2, 2),
    "court_claim_number": (0, 1), "payer_name": (1, 1), "income_pence": (1, 1),
    "frequency": (1, 1),
}  # fmt: skip
"""(correct, total) of each field on the 3 documents read since 2026-12-07
(CUT_2026_12_07), on main's reader then: the floors below."""
VERBATIM = 14
"""True values found verbatim in the OCR text (of 15) on the 3 documents read since
2026-12-07."""
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
STILL_UNMET = frozenset({"court_claim_number"})
"""The floors still not met after round 49 (strict xfails); every other is a plain
assertion. Since the cut to 3 documents (2026-12-07, CUT_2026_12_07), the set is the
subset's: court_claim_number."""

CUT_2026_12_07 = (
    "cut to 3 documents on 2026-12-07 to keep the suite under budget (county court judgment, "
    "council tax, benefit award; dropped: creditor letter, statutory demand, payslip, creditor"
    " letter, utility arrears), measured on them on main's reader (1c340525): class 3/3; "
    "creditor 2/2, reference 2/2, balance 2/2, letter date 3/3, deadline 2/2, claim no. 0/1, "
    "payer 1/1, income 1/1, frequency 1/1; true values verbatim in the OCR text 14 of 15"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: court_claim_number); the figures above were measured on the full
sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_bf(2), CHOSEN, bf_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as in VERBATIM's run of the
    three documents read since 2026-12-07."""
    result, found, total = read
    print("\n" + result.table(f"family BF (seen since round 49), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= VERBATIM


def test_ocr_sample_is_read_at_least_as_well_as_first_measured(
    read: tuple[Score, int, int],
) -> None:
    """Every field's count at least what it was in MEASURED's run of the three documents read
    since 2026-12-07 (a fall fails; a rise is welcome: raise the floor)."""
    result, _, _ = read
    for field, (hits, total) in MEASURED.items():
        assert result.totals[field] == total, field
        assert result.hits[field] >= hits, (field, result.hits[field], hits)


@pytest.mark.parametrize(
    "field",
    floor_params(
        ("document_class", *FIELDS_HERE),
        STILL_UNMET,
        f"BF after OCR, after round 49 under the issue's floor: {ROUND_49}"
        f" (since 2026-12-07, on the 3 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
