"""Family AN (written blind, read since round 38) faxed in standard mode, pleated in a laser
printer's fuser or photographed lying on another sheet, read by real Tesseract and the
reader as the product ships it (the learned field ranker on): two of these eight
single-page documents over AN's three scans (a card company's letter with its named
contact, faxed, as a group 3 TIFF; a simple procedure claim form filled in on screen,
pleated, as colour PNG without its resolution; a fish processor's wage packet, photographed
on another sheet, as colour JPEG; sheriff officers' charge on a filled-in form, faxed; a
council tax reminder from a mailing house, pleated, as PNG with its resolution; a heat and
light bill on labelled stationery, photographed; a Child Disability Payment award from a
mailing house, faxed; a statement grouped by day, pleated). AN's two-page documents (the
turned schedule) are read by ``benchmarks/intake_accuracy.py --family an --ocr-an 19``,
which reads one document of every class; the figures are in benchmarks/OCR.md ("Family AN",
and "Round 38", which read AN's misses: every figure on AN since is a training-side
figure).

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
from cma_adapters.rules_assistant.corpus_blind_an import an_scanned, build_an, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date", "payer_name", "income_pence", "gross_pence",
    "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_an.SCANS (0: a standard-mode
# fax, group 3 TIFF; 1: pleated in the fuser, colour PNG with its resolution at even
# indexes; 2: photographed lying on another sheet, colour JPEG); all single pages.
CHOSEN = (
    (C.COURT_CLAIM_N1, 0, 1),
    (C.PAYSLIP, 0, 2),
)
FIRST = (
    "class 7/8; creditor 3/5, reference 2/5, balance 5/5, letter date 8/8, deadline 5/5, "
    "claim no. 0/1, served 1/1, payer 2/2, income 1/2, gross 0/1, frequency 2/2; true values "
    "verbatim in the OCR text 32 of 37 (branch corpusan off bf89ba7c = main's round-36 "
    "reader, shipped field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (2, 2), "creditor_name": (1, 1), "account_reference": (0, 1),
    "balance_pence": (1, 1), "letter_date": (2, 2), "deadline_date": (1, 1),
    "court_claim_number": (1, 1), "served_date": (1, 1), "payer_name": (1, 1),
    "income_pence": (0, 1), "gross_pence": (0, 1), "frequency": (1, 1),
}  # fmt: skip
"""(correct, total) of each field on the 2 documents read since 2026-12-07
(CUT_2026_12_07), on main's reader then: the floors below."""
VERBATIM = 9
"""True values found verbatim in the OCR text (of 12) on the 2 documents read since
2026-12-07."""
UNMET = frozenset(
    {"document_class", "creditor_name", "account_reference", "court_claim_number",
     "income_pence", "gross_pence"}
)  # fmt: skip
"""The issue's floors this sample did not meet at the first measurement, blind (strict
xfails until round 38; since, only those still unmet: ``STILL_UNMET``)."""
ROUND_38 = (
    "class 8/8, creditor 5/5, claim no. 1/1; reference 3/5, income 1/2, gross 0/1 (rules of "
    "round 38, models 2026-12-06.34)"
)
"""After round 38, which read AN's misses (training-side): the class, the creditor and the
claim number meet their floors; the reference, the income and the gross do not (OCR
noise: a card number's label garbled, a nought read as a letter O, a wage packet's labels
and figures torn apart)."""
STILL_UNMET = frozenset({"account_reference", "income_pence", "gross_pence"})
"""The floors still not met after round 38 (strict xfails); every other is a plain
assertion."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (court claim (N1), payslip;"
    " dropped: creditor letter, enforcement agent notice), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 1/1, reference 0/1, balance 1/1, letter date 2/2, "
    "deadline 1/1, claim no. 1/1, served 1/1, payer 1/1, income 0/1, gross 0/1, frequency 1/1;"
    " true values verbatim in the OCR text 9 of 12"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: account_reference, gross_pence, income_pence); the figures above
were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_an(2), CHOSEN, an_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as in VERBATIM's run of the two
    documents read since 2026-12-07."""
    result, found, total = read
    print("\n" + result.table(f"family AN (seen since round 38), OCR sample of {len(CHOSEN)}"))
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
        f"AN after OCR, after round 38 under the issue's floor: {ROUND_38}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """Seen since round 38: a regression check of a training-side figure (ROUND_38; blind,
    first measurement: FIRST). The issue's floors: 95% for the class, 90% for each field
    the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
