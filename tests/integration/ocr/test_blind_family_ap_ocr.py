"""Family AP (written blind, read since round 39) received as a fax over a noisy line, scanned
on pale green paper or photographed by a net-curtained window, read by real Tesseract and
the reader as the product ships it (the learned field ranker on): two of these eight
documents over AP's three scans (a credit union's folder-tab cards, faxed, as a one-bit PNG
with its resolution; a money claim under the court's date stamp, on green paper, as an LZW
TIFF; a flower farm's wages slip, photographed by the window, as colour JPEG; a chandlery's
statutory demand with its letterhead down a tinted spine, faxed, as PNG without its
resolution; the islands' council tax gathered by a brace, on green paper; a fine in four
window panes, photographed; a sold boat loan in three columns, faxed; a bank statement
grouped by day, on green paper). Every AP document is one page; the benchmark's
``benchmarks/intake_accuracy.py --family ap --ocr-ap 19`` reads one document of every
class; the figures are in benchmarks/OCR.md ("Family AP", and "Round 39", which read AP's
misses: every figure on AP since is a training-side figure).

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from eight): the court claim (N1) (scan 1) and payslip (scan 2); the creditor
letter (scan 0) and notice of assignment (scan 6) were dropped (the read families' cut,
chosen as test_read_family_coverage.py says). The floors below are the two's
(CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_ap import ap_scanned, build_ap, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date", "payer_name", "income_pence", "gross_pence",
    "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_ap.SCANS (0: a fax over a
# noisy line, one-bit PNG with its resolution at even indexes; 1: pale green paper,
# greyscale LZW TIFF; 2: a photo by a net-curtained window, colour JPEG).
CHOSEN = (
    (C.COURT_CLAIM_N1, 0, 1),
    (C.PAYSLIP, 0, 2),
)
FIRST = (
    "class 8/8; creditor 5/6, original creditor 1/1, reference 6/6, balance 5/6, letter date "
    "6/8, deadline 4/5, claim no. 1/1, served 1/1, payer 0/1, income 0/1, gross 0/1, "
    "frequency 0/1; true values verbatim in the OCR text 31 of 38 (branch corpusap off "
    "e34445c4, shipped field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (2, 2), "creditor_name": (1, 1), "account_reference": (1, 1),
    "balance_pence": (1, 1), "letter_date": (1, 2), "deadline_date": (1, 1),
    "court_claim_number": (1, 1), "served_date": (1, 1), "payer_name": (0, 1),
    "income_pence": (0, 1), "gross_pence": (0, 1), "frequency": (0, 1),
}  # fmt: skip
"""(correct, total) of each field on the 2 documents read since 2026-12-07
(CUT_2026_12_07), on main's reader then: the floors below."""
VERBATIM = 7
"""True values found verbatim in the OCR text (of 12) on the 2 documents read since
2026-12-07."""
UNMET = frozenset(
    {"creditor_name", "balance_pence", "letter_date", "deadline_date", "payer_name",
     "income_pence", "gross_pence", "frequency"}
)  # fmt: skip
"""The issue's floors this sample did not meet at the first measurement, blind (strict
xfails until round 39; since, only those still unmet: ``STILL_UNMET``)."""
ROUND_39 = (
    "class 8/8, creditor 6/6, reference 6/6, claim no. 1/1, served 1/1; balance 5/6, letter "
    "date 7/8, deadline 4/5, payer, income, gross and frequency 0/1 (rules of round 39, "
    "models 2026-12-06.34)"
)
"""After round 39, which read AP's misses (training-side): the creditor meets its floor; the
balance, the letter date, the deadline and the payslip's four fields do not (OCR noise:
the net curtain's lace shadow leaves the photographed fine's sum and dates and the
photographed wages slip's lines as fragments, no value in them to read)."""
STILL_UNMET = frozenset({"frequency", "gross_pence", "income_pence", "letter_date", "payer_name"})
"""The floors not met on the four (strict xfails); every other is a plain assertion (on the
eight, after the round that read the family: balance pence, deadline date, frequency, gross
pence, income pence, letter date, payer name). The same five on the two read since the
second cut (CUT_2026_12_07)."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (court claim (N1), payslip;"
    " dropped: creditor letter, notice of assignment), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 1/1, reference 1/1, balance 1/1, letter date 1/2, "
    "deadline 1/1, claim no. 1/1, served 1/1, payer 0/1, income 0/1, gross 0/1, frequency 0/1;"
    " true values verbatim in the OCR text 7 of 12"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: frequency, gross_pence, income_pence, letter_date, payer_name);
the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_ap(2), CHOSEN, ap_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as in VERBATIM's run of the two
    documents read since 2026-12-07."""
    result, found, total = read
    print("\n" + result.table(f"family AP (seen since round 39), OCR sample of {len(CHOSEN)}"))
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
        f"AP after OCR, after round 39 under the issue's floor: {ROUND_39}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """Seen since round 39: a regression check of a training-side figure (ROUND_39; blind,
    first measurement: FIRST). The issue's floors: 95% for the class, 90% for each field
    the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
