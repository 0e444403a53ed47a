"""Family AO (written blind, read since round 38) fed askew through a sheet feeder with a
black backing, scanned dog-eared on a flatbed or photographed at night under a tungsten
bulb, read by real Tesseract and the reader as the product ships it (the learned field
ranker on): two of these eight single-page documents over AO's three scans (a credit
union's compliments slip, fed askew, as greyscale PNG with its resolution; an ordinary
civil bill's flow chart, dog-eared, as a deflate TIFF; a meat plant's pay advice,
photographed at night, as colour JPEG; the Enforcement of Judgments Office's flow chart,
fed askew, as PNG without its resolution; Land & Property Services' rates with payment
coupons, dog-eared; an electricity bill with its dial, photographed at night; a Jobseeker's
Allowance award worked out as a sum, fed askew; a bank statement with type codes,
dog-eared). AO's two-page documents (the court papers with their back sheet) are read by
``benchmarks/intake_accuracy.py --family ao --ocr-ao 19``, which reads one document of
every class; the figures are in benchmarks/OCR.md ("Family AO", and "Round 38", which read
AO's misses: every figure on AO since is a training-side figure).

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from eight): the court claim (N1) (scan 1) and payslip (scan 2); the creditor
letter (scan 0) and enforcement agent notice (scan 3) were dropped (the read families' cut,
chosen as test_read_family_coverage.py says). The floors below are the two's
(CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_ao import ao_scanned, build_ao, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date", "payer_name", "income_pence", "gross_pence",
    "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_ao.SCANS (0: a sheet feeder
# with a black backing, greyscale PNG with its resolution at even indexes; 1: dog-eared on
# a flatbed, deflate TIFF; 2: a night photo under a tungsten bulb, colour JPEG); all single
# pages.
CHOSEN = (
    (C.COURT_CLAIM_N1, 1, 1),
    (C.PAYSLIP, 0, 2),
)
FIRST = (
    "class 8/8; creditor 3/5, reference 4/5, balance 5/5, letter date 8/8, deadline 5/5, "
    "claim no. 0/1, served 1/1, payer 2/2, income 2/2, gross 1/1, frequency 2/2; true values "
    "verbatim in the OCR text 36 of 37 (branch corpusao off 63482f87 = main after AN's merge, "
    "shipped field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (2, 2), "creditor_name": (1, 1), "account_reference": (1, 1),
    "balance_pence": (1, 1), "letter_date": (2, 2), "deadline_date": (1, 1),
    "court_claim_number": (1, 1), "served_date": (1, 1), "payer_name": (1, 1),
    "income_pence": (1, 1), "gross_pence": (1, 1), "frequency": (1, 1),
}  # fmt: skip
"""(correct, total) of each field on the 2 documents read since 2026-12-07
(CUT_2026_12_07), on main's reader then: the floors below."""
VERBATIM = 12
"""True values found verbatim in the OCR text (of 12) on the 2 documents read since
2026-12-07."""
UNMET = frozenset({"creditor_name", "account_reference", "court_claim_number"})
"""The issue's floors this sample did not meet at the first measurement, blind (strict
xfails until round 38; since, only those still unmet: ``STILL_UNMET``)."""
ROUND_38 = (
    "class 8/8, reference 5/5, claim no. 1/1; creditor 4/5 (rules of round 38, models "
    "2026-12-06.34)"
)
"""After round 38, which read AO's misses (training-side): the reference and the claim
number meet their floors; the creditor does not (OCR noise: a letter of a credit union's
name misread)."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors still not met after round 38 (strict xfails); every other is a plain
assertion. Since the cut to 2 documents (2026-12-07, CUT_2026_12_07), the set is the
subset's: none."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (court claim (N1), payslip;"
    " dropped: creditor letter, enforcement agent notice), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 1/1, reference 1/1, balance 1/1, letter date 2/2, "
    "deadline 1/1, claim no. 1/1, served 1/1, payer 1/1, income 1/1, gross 1/1, frequency 1/1;"
    " true values verbatim in the OCR text 12 of 12"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_ao(2), CHOSEN, ao_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as in VERBATIM's run of the two
    documents read since 2026-12-07."""
    result, found, total = read
    print("\n" + result.table(f"family AO (seen since round 38), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= VERBATIM


def test_ocr_sample_is_read_at_least_as_well_as_first_measured(
    read: tuple[Score, int, int],
) -> None:
    """Every field's count at least what it was in MEASURED's run of the two documents read
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
        f"AO after OCR, after round 38 under the issue's floor: {ROUND_38}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """Seen since round 38: a regression check of a training-side figure (ROUND_38; blind,
    first measurement: FIRST). The issue's floors: 95% for the class, 90% for each field
    the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
