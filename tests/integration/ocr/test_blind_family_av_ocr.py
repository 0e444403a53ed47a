"""Family AV (written blind, read since round 42) photographed with the sun in the lens,
photographed on a beach with a pebble holding it down, or taped to a wall with masking tape
at its corners, read by real Tesseract and the reader as the product ships it (the learned
field ranker on): two of these eight documents over AV's three scans, one at least in each
of its six settings (a collection agency's letter in beach huts, the sun in the lens, as
colour PNG with its resolution; a money claim on sticky notes, under a pebble, as colour
JPEG; a fish processor's pay advice, taped, as PDF; a statutory demand in a ship's log, the
sun in the lens, as PNG without its resolution; the council's council tax on film strips,
under a pebble; an enforcement notice on a menu board, taped; a bought doorstep loan in a
bus timetable, the sun in the lens; the credit union's savings ledger, under a pebble).
Every AV document is one page; the benchmark's ``benchmarks/intake_accuracy.py --family av
--ocr-av 19`` reads one document of every class; the figures are in benchmarks/OCR.md
("Family AV", and "Round 42", which read AV's misses: every figure on AV since is a
training-side figure).

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from eight): the court claim (N1) (scan 1) and notice of assignment (scan 6); the
creditor letter (scan 0) and payslip (scan 2) were dropped (the read families' cut, chosen
as test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_av import av_scanned, build_av, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date",
    "deadline_date", "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_av.SCANS (0: the sun in the
# lens, colour PNG with its resolution at even indexes; 1: a pebble on the page, colour
# JPEG; 2: masking tape at the corners, greyscale PDF).
CHOSEN = (
    (C.COURT_CLAIM_N1, 1, 1),
    (C.NOTICE_OF_ASSIGNMENT, 1, 6),
)
FIRST = (
    "class 7/8; creditor 5/6, original creditor 1/1, reference 6/6, balance 6/6, letter date "
    "5/8, deadline 5/5, claim no. 1/1, served 0/1, payer 1/1, income 1/1, gross 1/1, "
    "frequency 1/1; true values verbatim in the OCR text 36 of 38 (branch corpusav off "
    "580d3b3c, shipped field ranker)"
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
UNMET = frozenset({"document_class", "creditor_name", "letter_date", "served_date"})
"""The issue's floors this sample did not meet at the first measurement, blind (strict
xfails until round 42; since round 42, only those still unmet: ``STILL_UNMET``)."""
ROUND_42 = (
    "class 8/8, creditor 6/6, served 1/1, every field at its floor but the letter date 7/8 "
    "(rules of round 42, models 2026-12-06.34)"
)
"""After round 42, which read AV's misses (training-side): the class, the creditor and the
served date meet their floors; the letter date does not (benchmarks/OCR.md "Round 42")."""
STILL_UNMET: frozenset[str] = frozenset()
"""The floors not met on the four (strict xfails); every other is a plain assertion (on the
eight, after the round that read the family: letter date)."""

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
    return asyncio.run(read_chosen(build_av(2), CHOSEN, av_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as in VERBATIM's run of the two
    documents read since 2026-12-07."""
    result, found, total = read
    print("\n" + result.table(f"family AV (seen since round 42), OCR sample of {len(CHOSEN)}"))
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
        f"AV after OCR, after round 42 under the issue's floor: {ROUND_42}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
