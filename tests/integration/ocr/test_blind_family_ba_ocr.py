"""Family BA (written blind, read since round 44) photographed under a stage lighting wash,
sprinkled with confetti from a show's finale, or spattered with red wine from the interval
bar, read by real Tesseract and the reader as the product ships it (the learned field
ranker on): three of these eight documents over BA's three scans and its six settings (a
collection agency's letter on a seating plan, under the stage light, as colour JPEG with
its resolution; a money claim on cinema tickets, with confetti, as colour PNG; a
warehouse's wage slip, wine-spattered, as PDF; a statutory demand on a cinema's letter
board, under the stage light, as JPEG without its resolution; the council's reminder as a
set list, with confetti; a fine in a programme open at its middle pages, wine-spattered; a
notice of assignment on a playbill, under the stage light; the credit union's statement,
with confetti). Every BA document is one page; the benchmark's
``benchmarks/intake_accuracy.py --family ba --ocr-ba 19`` reads one document of every
class; the figures are in benchmarks/OCR.md ("Family BA", and "Round 44", which read BA's
misses: every figure on BA since is a training-side figure).

Since 2026-12-07 it reads three of the eight it read until then: the court claim (N1) (scan
1), magistrates fine (scan 5) and bank statement (scan 7); the creditor letter (scan 0),
payslip (scan 2), statutory demand (scan 3), council tax (scan 4) and notice of assignment
(scan 6) were dropped (the read families' cut, chosen as test_read_family_coverage.py says).
The floors below are the three's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_ba import ba_scanned, build_ba, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_ba.SCANS (0: the stage
# lighting wash, colour JPEG, its resolution at even indexes; 1: confetti, colour PNG with
# its resolution; 2: red wine spatters, greyscale PDF).
CHOSEN = (
    (C.COURT_CLAIM_N1, 1, 1),
    (C.MAGISTRATES_FINE, 0, 5),
    (C.BANK_STATEMENT, 1, 7),
)
FIRST = (
    "class 8/8; creditor 6/6, original creditor 1/1, reference 6/6, balance 6/6, letter date "
    "7/8, deadline 5/5, claim no. 0/1, served 1/1, payer 1/1, income 1/1, gross 1/1, "
    "frequency 1/1; true values verbatim in the OCR text 36 of 38 (branch corpusba off "
    "4958731f, shipped field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (3, 3), "creditor_name": (2, 2), "account_reference": (2, 2),
    "balance_pence": (2, 2), "letter_date": (2, 3), "deadline_date": (2, 2),
    "court_claim_number": (0, 1), "served_date": (1, 1),
}  # fmt: skip
"""(correct, total) of each field on the 3 documents read since 2026-12-07
(CUT_2026_12_07), on main's reader then: the floors below."""
VERBATIM = 11
"""True values found verbatim in the OCR text (of 13) on the 3 documents read since
2026-12-07."""
UNMET = frozenset({"letter_date", "court_claim_number"})
"""The issue's floors this sample did not meet at the first measurement, blind (strict
xfails until round 44; since round 44, only those still unmet: ``STILL_UNMET``)."""
ROUND_44 = (
    "every count as at the first measurement; letter date 7/8 and claim no. 0/1 under their "
    "floors (rules of round 44, models 2026-12-06.34)"
)
"""After round 44, which read BA's misses (training-side): nothing moved on this sample;
the letter date and the claim number still do not meet their floors (benchmarks/OCR.md
"Round 44")."""
STILL_UNMET = frozenset({"letter_date", "court_claim_number"})
"""The floors still not met after round 44 (strict xfails); every other is a plain
assertion."""

CUT_2026_12_07 = (
    "cut to 3 documents on 2026-12-07 to keep the suite under budget (court claim (N1), "
    "magistrates fine, bank statement; dropped: creditor letter, payslip, statutory demand, "
    "council tax, notice of assignment), measured on them on main's reader (1c340525): class "
    "3/3; creditor 2/2, reference 2/2, balance 2/2, letter date 2/3, deadline 2/2, claim no. "
    "0/1, served 1/1; true values verbatim in the OCR text 11 of 13"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: court_claim_number, letter_date); the figures above were
measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_ba(2), CHOSEN, ba_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as in VERBATIM's run of the
    three documents read since 2026-12-07."""
    result, found, total = read
    print("\n" + result.table(f"family BA (seen since round 44), OCR sample of {len(CHOSEN)}"))
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
        f"BA after OCR, after round 44 under the issue's floor: {ROUND_44}"
        f" (since 2026-12-07, on the 3 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
