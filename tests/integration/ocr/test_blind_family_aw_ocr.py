"""Family AW (written blind, read since round 42) spotted with black mould from a damp home,
scribbled on in crayon by a child, or marked with grease spots, read by real Tesseract and
the reader as the product ships it (the learned field ranker on): two of these eight
documents over AW's three scans and its six settings (a collection agency's letter on a
chessboard, mouldy, as colour JPEG with its resolution; a money claim in a comic strip,
crayoned, as colour PNG without its resolution; a car parts plant's payslip, greasy, as
PDF; a statutory demand on stepping stones, mouldy; the council's reminder on a stack of
books, crayoned, as PNG with its resolution; a fine on a Gantt chart, greasy; a Carer's
Allowance overpayment on a train, mouldy; the credit union's statement, crayoned). Every AW
document is one page; the benchmark's ``benchmarks/intake_accuracy.py --family aw --ocr-aw
19`` reads one document of every class; the figures are in benchmarks/OCR.md ("Family AW",
and "Round 42", which read AW's misses: every figure on AW since is a training-side
figure).

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from eight): the court claim (N1) (scan 1) and statutory demand (scan 3); the
creditor letter (scan 0) and payslip (scan 2) were dropped (the read families' cut, chosen
as test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_aw import aw_scanned, build_aw, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_aw.SCANS (0: black mould, colour
# JPEG with its resolution; 1: a child's crayon, colour PNG with its resolution at even
# indexes; 2: grease spots, greyscale PDF).
CHOSEN = (
    (C.COURT_CLAIM_N1, 1, 1),
    (C.STATUTORY_DEMAND, 0, 3),
)
FIRST = (
    "class 8/8; creditor 5/6, reference 6/6, balance 6/6, letter date 7/8, deadline 6/6, "
    "claim no. 1/1, served 1/1, payer 1/1, income 1/1, gross 1/1, frequency 1/1; true values "
    "verbatim in the OCR text 36 of 38 (branch corpusaw off 580d3b3c, shipped field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (2, 2), "creditor_name": (1, 2), "account_reference": (2, 2),
    "balance_pence": (2, 2), "letter_date": (2, 2), "deadline_date": (2, 2),
    "court_claim_number": (1, 1), "served_date": (1, 1),
}  # fmt: skip
"""(correct, total) of each field on the 2 documents read since 2026-12-07
(CUT_2026_12_07), on main's reader then: the floors below."""
VERBATIM = 12
"""True values found verbatim in the OCR text (of 12) on the 2 documents read since
2026-12-07."""
UNMET = frozenset({"creditor_name", "letter_date"})
"""The issue's floors this sample did not meet at the first measurement, blind (strict
xfails; since round 42 ``STILL_UNMET``)."""
ROUND_42 = (
    "class 8/8, every field at its floor but the creditor 5/6 and the letter date 7/8, as at "
    "the first measurement (rules of round 42, models 2026-12-06.34)"
)
"""After round 42, which read AW's misses (training-side): this sample's misses are OCR's
(benchmarks/OCR.md "Round 42")."""
STILL_UNMET = frozenset({"creditor_name"})
"""The floors not met on the four (strict xfails); every other is a plain assertion (on the
eight, after the round that read the family: creditor name, letter date). The same on
the two read since the second cut (CUT_2026_12_07)."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (court claim (N1), "
    "statutory demand; dropped: creditor letter, payslip), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 1/2, reference 2/2, balance 2/2, letter date 2/2, "
    "deadline 2/2, claim no. 1/1, served 1/1; true values verbatim in the OCR text 12 of 12"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: creditor_name); the figures above were measured on the full
sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_aw(2), CHOSEN, aw_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as in VERBATIM's run of the two
    documents read since 2026-12-07."""
    result, found, total = read
    print("\n" + result.table(f"family AW (seen since round 42), OCR sample of {len(CHOSEN)}"))
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
        f"AW after OCR, after round 42 under the issue's floor: {ROUND_42}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
