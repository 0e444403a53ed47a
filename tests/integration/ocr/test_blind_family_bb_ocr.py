"""Family BB (written blind, read since round 45) splashed with iodine from a dressing
trolley, taped with strips of surgical paper tape, or marked by dried hand-sanitiser gel,
read by real Tesseract and the reader as the product ships it (the learned field ranker
on): three of these eight documents over BB's three scans and its six settings (a
collection agency's letter on wristbands, splashed, as colour JPEG with its resolution; a
money claim on an eye chart, taped, as colour PNG without its resolution; an airport
caterer's payslip, gel-marked, as PDF; a statutory demand in a pill organiser, splashed;
the council's reminder on appointment cards, taped, as PNG with its resolution; a fine on a
prescription form, gel-marked; mortgage arrears on an X-ray light box, splashed; a
Universal Credit award on appointment cards, taped). Every BB document is one page; the
benchmark's ``benchmarks/intake_accuracy.py --family bb --ocr-bb 19`` reads one document of
every class; the figures are in benchmarks/OCR.md ("Family BB", and "Round 45", which read
BB's misses: every figure on BB since is a training-side figure).

Since 2026-12-07 it reads three of the eight it read until then: the court claim (N1) (scan
1), mortgage arrears (scan 6) and benefit award (scan 7); the creditor letter (scan 0),
payslip (scan 2), statutory demand (scan 3), council tax (scan 4) and magistrates fine (scan
5) were dropped (the read families' cut, chosen as test_read_family_coverage.py says). The
floors below are the three's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_bb import bb_scanned, build_bb, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date", "payer_name", "income_pence", "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_bb.SCANS (0: iodine, colour JPEG
# with its resolution; 1: surgical tape, colour PNG with its resolution at even indexes;
# 2: sanitiser gel, greyscale PDF).
CHOSEN = (
    (C.COURT_CLAIM_N1, 1, 1),
    (C.MORTGAGE_ARREARS, 1, 6),
    (C.BENEFIT_AWARD, 0, 7),
)
FIRST = (
    "class 8/8; creditor 5/6, reference 6/6, balance 6/6, letter date 8/8, deadline 5/5, "
    "claim no. 0/1, served 1/1, payer 2/2, income 2/2, gross 1/1, frequency 2/2; true values "
    "verbatim in the OCR text 39 of 40 (branch corpusbb off f5404347, shipped field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (3, 3), "creditor_name": (2, 2), "account_reference": (2, 2),
    "balance_pence": (2, 2), "letter_date": (3, 3), "deadline_date": (1, 1),
    "court_claim_number": (0, 1), "served_date": (1, 1), "payer_name": (1, 1),
    "income_pence": (1, 1), "frequency": (1, 1),
}  # fmt: skip
"""(correct, total) of each field on the 3 documents read since 2026-12-07
(CUT_2026_12_07), on main's reader then: the floors below."""
VERBATIM = 14
"""True values found verbatim in the OCR text (of 15) on the 3 documents read since
2026-12-07."""
UNMET = frozenset({"creditor_name", "court_claim_number"})
"""The issue's floors this sample did not meet at the first measurement, blind (strict
xfails until round 45; since round 45, only those still unmet: ``STILL_UNMET``)."""
ROUND_45 = (
    "creditor 6/6 (was 5/6), every other count as at the first measurement; claim no. 0/1 "
    "under its floor (rules of round 45, models 2026-12-06.34)"
)
"""After round 45, which read BB's misses (training-side): the creditor meets its floor; the
claim number still does not (benchmarks/OCR.md "Round 45")."""
STILL_UNMET = frozenset({"court_claim_number"})
"""The floors still not met after round 45 (strict xfails); every other is a plain
assertion."""

CUT_2026_12_07 = (
    "cut to 3 documents on 2026-12-07 to keep the suite under budget (court claim (N1), mortgage"
    " arrears, benefit award; dropped: creditor letter, payslip, statutory demand, council "
    "tax, magistrates fine), measured on them on main's reader (1c340525): class 3/3; creditor"
    " 2/2, reference 2/2, balance 2/2, letter date 3/3, deadline 1/1, claim no. 0/1, served "
    "1/1, payer 1/1, income 1/1, frequency 1/1; true values verbatim in the OCR text 14 of 15"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: court_claim_number); the figures above were measured on the full
sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_bb(2), CHOSEN, bb_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as in VERBATIM's run of the
    three documents read since 2026-12-07."""
    result, found, total = read
    print("\n" + result.table(f"family BB (seen since round 45), OCR sample of {len(CHOSEN)}"))
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
        f"BB after OCR, after round 45 under the issue's floor: {ROUND_45}"
        f" (since 2026-12-07, on the 3 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
