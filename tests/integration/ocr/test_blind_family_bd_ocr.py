"""Family BD (written blind, read since round 47) scanned under a sheet of bubble wrap,
crossed by a sack truck's muddy tyre tracks, or sprayed with a sorting machine's
fluorescent bar code, read by real Tesseract and the reader as the product ships it (the
learned field ranker on): three of these eight documents over BD's three scans and its six
settings (a recovery firm's letter on a shipping label, under bubble wrap, as colour JPEG
with its resolution; a money claim on a postal order, tyre-tracked, as colour PNG without
its resolution; a parcel depot's pay statement, bar coded, as PDF; a statutory demand on
the queue display, under bubble wrap; the council's reminder on the weighing scales,
tyre-tracked, as PNG with its resolution; a fine on a delivery card, bar coded; mortgage
arrears on the conveyor, under bubble wrap; a Universal Credit letter on the scales,
tyre-tracked). Every BD document is one page; the benchmark's
``benchmarks/intake_accuracy.py --family bd --ocr-bd 19`` reads one document of every
class; the figures are in benchmarks/OCR.md ("Family BD", and "Round 47", which read BD's
misses: every figure on BD since is a training-side figure).

Since 2026-12-07 it reads three of the eight it read until then: the court claim (N1) (scan
1), statutory demand (scan 3) and magistrates fine (scan 5); the creditor letter (scan 0),
payslip (scan 2), council tax (scan 4), mortgage arrears (scan 6) and benefit award (scan 7)
were dropped (the read families' cut, chosen as test_read_family_coverage.py says). The
floors below are the three's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_bd import bd_scanned, build_bd, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_bd.SCANS (0: bubble wrap, colour
# JPEG with its resolution; 1: tyre tracks, colour PNG with its resolution at even indexes;
# 2: the sorting machine's bar code, greyscale PDF).
CHOSEN = (
    (C.COURT_CLAIM_N1, 1, 1),
    (C.STATUTORY_DEMAND, 1, 3),
    (C.MAGISTRATES_FINE, 0, 5),
)
FIRST = (
    "class 8/8; creditor 5/6, reference 4/6, balance 6/6, letter date 8/8, deadline 5/5, "
    "claim no. 1/1, served 1/1, payer 2/2, income 2/2, gross 1/1, frequency 2/2; true values "
    "verbatim in the OCR text 37 of 40 (branch corpusbd off 78b4fbb8, shipped field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (3, 3), "creditor_name": (3, 3), "account_reference": (2, 3),
    "balance_pence": (3, 3), "letter_date": (3, 3), "deadline_date": (3, 3),
    "court_claim_number": (1, 1), "served_date": (1, 1),
}  # fmt: skip
"""(correct, total) of each field on the 3 documents read since 2026-12-07
(CUT_2026_12_07), on main's reader then: the floors below."""
VERBATIM = 16
"""True values found verbatim in the OCR text (of 17) on the 3 documents read since
2026-12-07."""
UNMET = frozenset({"creditor_name", "account_reference"})
"""The issue's floors this sample did not meet at the first measurement, blind (strict
xfails until round 47; since round 47, only those still unmet: ``STILL_UNMET``)."""
ROUND_47 = (
    "creditor 6/6 (was 5/6), reference 5/6 (was 4/6), every other count as at the first "
    "measurement; the reference under its floor, a statutory demand's 'DSL93148' read by "
    "Tesseract as 'DSL92148' (rules of round 47, models 2026-12-06.34)"
)
"""After round 47, which read BD's misses (training-side): the creditor meets its floor; the
reference still does not (benchmarks/OCR.md "Round 47")."""
STILL_UNMET = frozenset({"account_reference"})
"""The floors still not met after round 47 (strict xfails); every other is a plain
assertion."""

CUT_2026_12_07 = (
    "cut to 3 documents on 2026-12-07 to keep the suite under budget (court claim (N1), "
    "statutory demand, magistrates fine; dropped: creditor letter, payslip, council tax, "
    "mortgage arrears, benefit award), measured on them on main's reader (1c340525): class "
    "3/3; creditor 3/3, reference 2/3, balance 3/3, letter date 3/3, deadline 3/3, claim no. "
    "1/1, served 1/1; true values verbatim in the OCR text 16 of 17"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: account_reference); the figures above were measured on the full
sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_bd(2), CHOSEN, bd_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as in VERBATIM's run of the
    three documents read since 2026-12-07."""
    result, found, total = read
    print("\n" + result.table(f"family BD (seen since round 47), OCR sample of {len(CHOSEN)}"))
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
        f"BD after OCR, after round 47 under the issue's floor: {ROUND_47}"
        f" (since 2026-12-07, on the 3 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
