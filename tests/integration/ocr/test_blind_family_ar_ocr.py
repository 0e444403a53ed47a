"""Family AR (written blind, read since round 40) scanned with a bulldog clip on its top edge,
scorched by an iron or splashed with bleach, read by real Tesseract and the reader as the
product ships it (the learned field ranker on): two of these eight documents over AR's
three scans (a car finance firm's arrears letter on a ladder, clipped, as a greyscale PNG
with its resolution; a money claim on a notepad sheet, scorched, as colour JPEG; a van
plant's pay statement, bleach-spotted, as PDF; a fine in dominoes, clipped, as PNG without
its resolution; the borough's council tax on a wheel, scorched; a council tax enforcement
agent's notice on a washing line, bleach-spotted; a pay later app's arrears in roundels,
clipped; a sold card debt on a washing line, scorched). Every AR document is one page; the
benchmark's ``benchmarks/intake_accuracy.py --family ar --ocr-ar 19`` reads one document of
every class; the figures are in benchmarks/OCR.md ("Family AR", and "Round 40", which read
AR's misses: every figure on AR since is a training-side figure).

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from eight): the court claim (N1) (scan 1) and notice of assignment (scan 7); the
creditor letter (scan 0) and payslip (scan 2) were dropped (the read families' cut, chosen
as test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_ar import ar_scanned, build_ar, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date",
    "deadline_date", "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_ar.SCANS (0: a bulldog clip on
# the top edge, greyscale PNG with its resolution at even indexes; 1: an iron's scorch,
# colour JPEG; 2: bleach spots on lines holding no true value, greyscale PDF).
CHOSEN = (
    (C.COURT_CLAIM_N1, 1, 1),
    (C.NOTICE_OF_ASSIGNMENT, 0, 7),
)
FIRST = (
    "class 8/8; creditor 7/7, original creditor 1/1, reference 7/7, balance 7/7, letter date "
    "8/8, deadline 6/6, claim no. 1/1, served 1/1, payer 1/1, income 1/1, gross 1/1, "
    "frequency 1/1; true values verbatim in the OCR text 42 of 42 (branch corpusar off "
    "0bad9fef, shipped field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (2, 2), "creditor_name": (2, 2), "original_creditor": (1, 1),
    "account_reference": (2, 2), "balance_pence": (2, 2), "letter_date": (2, 2),
    "deadline_date": (1, 1), "court_claim_number": (1, 1), "served_date": (1, 1),
}  # fmt: skip
"""(correct, total) of each field on the 2 documents read since 2026-12-07
(CUT_2026_12_07), on main's reader then: the floors below."""
VERBATIM = 12
"""True values found verbatim in the OCR text (of 12) on the 2 documents read since
2026-12-07."""
UNMET: frozenset[str] = frozenset()
"""The issue's floors this sample did not meet at the first measurement, blind (none)."""
ROUND_40 = "every floor met, as at the first measurement (rules of round 40, models 2026-12-06.34)"
"""After round 40, which read AR's misses (training-side)."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (court claim (N1), notice "
    "of assignment; dropped: creditor letter, payslip), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 2/2, original creditor 1/1, reference 2/2, balance 2/2, "
    "letter date 2/2, deadline 1/1, claim no. 1/1, served 1/1; true values verbatim in the OCR"
    " text 12 of 12"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_ar(2), CHOSEN, ar_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as in VERBATIM's run of the two
    documents read since 2026-12-07."""
    result, found, total = read
    print("\n" + result.table(f"family AR (seen since round 40), OCR sample of {len(CHOSEN)}"))
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
        UNMET,
        f"AR after OCR, after round 40 under the issue's floor: {ROUND_40} (first: {FIRST})"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
