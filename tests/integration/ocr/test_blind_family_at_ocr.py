"""Family AT (written blind, read since round 41) half through a strip-cut shredder, printed
on an overhead-projector transparency scanned with the lid up, or dripped on by a candle,
read by real Tesseract and the reader as the product ships it (the learned field ranker
on): two of these eight documents over AT's three scans (a recovery firm's boarding pass,
shredded, as a greyscale PNG with its resolution; a money claim's crossword, on film, as
colour JPEG; a care firm's pay statement, waxed, as PDF; a statutory demand on a departure
board, shredded, as PNG without its resolution; the borough's council tax as a recipe card,
on film; an energy bill on a seed packet's back, waxed; a judgment in a tide table,
shredded; the credit union's statement, on film; no sold debt, so no original creditor
here). Every AT document is one page; the benchmark's ``benchmarks/intake_accuracy.py
--family at --ocr-at 19`` reads one document of every class; the figures are in
benchmarks/OCR.md ("Family AT", and "Round 41", which read AT's misses: every figure on AT
since is a training-side figure).

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from eight): the court claim (N1) (scan 1) and county court judgment (scan 6); the
creditor letter (scan 0) and payslip (scan 2) were dropped (the read families' cut, chosen
as test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_at import at_scanned, build_at, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_at.SCANS (0: half through a
# strip-cut shredder, greyscale PNG with its resolution at even indexes; 1: an overhead-
# projector transparency scanned lid up, colour JPEG; 2: candle-wax drips, greyscale PDF).
CHOSEN = (
    (C.COURT_CLAIM_N1, 0, 1),
    (C.COUNTY_COURT_JUDGMENT, 0, 6),
)
FIRST = (
    "class 8/8; creditor 6/6, reference 4/6, balance 5/6, letter date 7/8, deadline 6/6, "
    "claim no. 2/2, served 1/1, payer 1/1, income 1/1, gross 1/1, frequency 0/1; true values "
    "verbatim in the OCR text 39 of 39 (branch corpusat off 276e88e0, shipped field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (2, 2), "creditor_name": (2, 2), "account_reference": (1, 2),
    "balance_pence": (2, 2), "letter_date": (2, 2), "deadline_date": (2, 2),
    "court_claim_number": (2, 2), "served_date": (1, 1),
}  # fmt: skip
"""(correct, total) of each field on the 2 documents read since 2026-12-07
(CUT_2026_12_07), on main's reader then: the floors below."""
VERBATIM = 13
"""True values found verbatim in the OCR text (of 13) on the 2 documents read since
2026-12-07."""
UNMET = frozenset({"account_reference", "balance_pence", "frequency"})
"""The issue's floors this sample did not meet at the first measurement, blind (strict
xfails until round 41; the letter date too at the first measurement, met since round 40;
since round 41, only those still unmet: ``STILL_UNMET``)."""
ROUND_41 = (
    "class 8/8, every field at its floor but the reference 5/6; balance 6/6, frequency 1/1 "
    "(rules of round 41, models 2026-12-06.34)"
)
"""After round 41, which read AT's misses (training-side): the balance and the frequency
meet their floors; the reference does not (benchmarks/OCR.md "Round 41")."""
STILL_UNMET = frozenset({"account_reference"})
"""The floors still not met after round 41 (strict xfails); every other is a plain
assertion."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (court claim (N1), county "
    "court judgment; dropped: creditor letter, payslip), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 2/2, reference 1/2, balance 2/2, letter date 2/2, "
    "deadline 2/2, claim no. 2/2, served 1/1; true values verbatim in the OCR text 13 of 13"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: account_reference); the figures above were measured on the full
sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_at(2), CHOSEN, at_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as in VERBATIM's run of the two
    documents read since 2026-12-07."""
    result, found, total = read
    print("\n" + result.table(f"family AT (seen since round 41), OCR sample of {len(CHOSEN)}"))
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
        f"AT after OCR, after round 41 under the issue's floor: {ROUND_41}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
