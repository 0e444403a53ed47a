"""Family BE (written blind, read since round 50) smeared with marmalade from a breakfast
tray, marked with shoe-polish finger prints, or lying under housekeeping lint, read by real
Tesseract and the reader as the product ships it (the learned field ranker on): three of
these eight documents over BE's three scans and its six settings (a recovery firm's letter
in key-card wallets, smeared, as colour JPEG with its resolution; a money claim on the key
rack, two pages, polished, as a two-page PDF; a garden centre's payslip under lint, as PDF;
a statutory demand on a breakfast door card, smeared; a notice of assignment on a door
hanger, polished, as PNG with its resolution; water arrears on a registration card, under
lint; mortgage arrears on a minibar price list, smeared; a Personal Independence Payment
award on a registration card, polished, as PNG without its resolution). The benchmark's
``benchmarks/intake_accuracy.py --family be --ocr-be 19`` reads one document of every
class; the figures are in benchmarks/OCR.md ("Family BE", and "Round 50", which read BE's
misses: every figure on BE since is a training-side figure).

Since 2026-12-07 it reads three of the eight it read until then: the court claim (N1) (scan
1), utility arrears (scan 5) and mortgage arrears (scan 6); the creditor letter (scan 0),
payslip (scan 2), statutory demand (scan 3), notice of assignment (scan 4) and benefit award
(scan 7) were dropped (the read families' cut, chosen as test_read_family_coverage.py says).
The floors below are the three's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_be import be_scanned, build_be, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_be.SCANS (0: marmalade, colour
# JPEG with its resolution; 1: shoe polish, colour PNG with its resolution at even indexes;
# 2: lint, greyscale PDF); a two-page document is a greyscale PDF whatever its scan.
CHOSEN = (
    (C.COURT_CLAIM_N1, 1, 1),
    (C.UTILITY_ARREARS, 1, 5),
    (C.MORTGAGE_ARREARS, 0, 6),
)
FIRST = (
    "class 8/8; creditor 5/6, original creditor 1/1, reference 5/6, balance 6/6, letter date "
    "8/8, deadline 3/4, claim no. 0/1, served 1/1, payer 2/2, income 2/2, gross 1/1, "
    "frequency 2/2; true values verbatim in the OCR text 37 of 40 (branch corpusbe off "
    "a96bff88, shipped field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (3, 3), "creditor_name": (3, 3), "account_reference": (2, 3),
    "balance_pence": (3, 3), "letter_date": (3, 3), "deadline_date": (1, 2),
    "court_claim_number": (0, 1), "served_date": (1, 1),
}  # fmt: skip
"""(correct, total) of each field on the 3 documents read since 2026-12-07
(CUT_2026_12_07), on main's reader then: the floors below."""
VERBATIM = 13
"""True values found verbatim in the OCR text (of 16) on the 3 documents read since
2026-12-07."""
UNMET = frozenset({"creditor_name", "account_reference", "deadline_date", "court_claim_number"})
"""The issue's floors this sample did not meet at the first measurement, blind (strict
xfails until round 50; since round 50, only those still unmet: ``STILL_UNMET``)."""
ROUND_50 = (
    "creditor 6/6 (was 5/6), every other count as at the first measurement; reference 5/6, "
    "deadline 3/4 and claim no. 0/1 under their floors (rules of round 50, models "
    "2026-12-06.34)"
)
"""After round 50, which read BE's misses (training-side): the creditor meets its floor; the
reference, the deadline (both garbled under the lint: scan damage) and the claim number
(its last figure read as an S on the second page) still do not (benchmarks/OCR.md "Round
50")."""
STILL_UNMET = frozenset({"account_reference", "deadline_date", "court_claim_number"})
"""The floors still not met after round 50 (strict xfails); every other is a plain
assertion."""

CUT_2026_12_07 = (
    "cut to 3 documents on 2026-12-07 to keep the suite under budget (court claim (N1), utility "
    "arrears, mortgage arrears; dropped: creditor letter, payslip, statutory demand, notice of"
    " assignment, benefit award), measured on them on main's reader (1c340525): class 3/3; "
    "creditor 3/3, reference 2/3, balance 3/3, letter date 3/3, deadline 1/2, claim no. 0/1, "
    "served 1/1; true values verbatim in the OCR text 13 of 16"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: account_reference, court_claim_number, deadline_date); the
figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_be(2), CHOSEN, be_scanned, values_in_text))


def test_a_two_page_scan_is_among_them() -> None:
    by = {(s.truth.document_class, int(s.name[-1])): s for s in build_be(2)}
    assert any(len(by[c, v].pages) == 2 for c, v, _ in CHOSEN)


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as in VERBATIM's run of the
    three documents read since 2026-12-07."""
    result, found, total = read
    print("\n" + result.table(f"family BE (seen since round 50), OCR sample of {len(CHOSEN)}"))
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
        f"BE after OCR, after round 50 under the issue's floor: {ROUND_50}"
        f" (since 2026-12-07, on the 3 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
