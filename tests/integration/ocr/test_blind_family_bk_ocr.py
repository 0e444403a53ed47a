"""Held-out family BK (written blind) smeared with raspberry jam, strewn with crumbs and
sesame seeds, or half under a sheet of baking parchment, read by real Tesseract and the
reader as the product ships it (the learned field ranker on): eight documents over BK's
three scans and its six settings (a collections firm's letter under the stall's canopy,
jam-smeared, as colour JPEG with its resolution; a money claim on a cooling rack, two
pages, crumbed, as PDF; the bakery's pay sheet, under parchment, as PDF; a default judgment
on doilies, jam-smeared; a gas bill on price tickets, crumbed, as greyscale PNG with its
resolution; a fine on the stall's sandwich board, under parchment; mortgage arrears on
bread bags, jam-smeared; a Pension Credit award on doilies, crumbed, as greyscale PNG
without its resolution). The benchmark's ``benchmarks/intake_accuracy.py --family bk
--ocr-bk 19`` reads one document of every class; the figures are in benchmarks/OCR.md
("Family BK")."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_bk import bk_scanned, build_bk, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date",
    "deadline_date", "court_claim_number", "served_date", "payer_name", "income_pence",
    "gross_pence", "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_bk.SCANS (0: raspberry jam,
# colour JPEG with its resolution; 1: crumbs and sesame seeds, greyscale PNG with its
# resolution at even indexes; 2: baking parchment, greyscale PDF); two-page documents are
# PDF whatever the scan.
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.COURT_CLAIM_N1, 1, 1),
    (C.PAYSLIP, 0, 2),
    (C.COUNTY_COURT_JUDGMENT, 0, 3),
    (C.UTILITY_BILL, 0, 4),
    (C.MAGISTRATES_FINE, 0, 5),
    (C.MORTGAGE_ARREARS, 0, 6),
    (C.BENEFIT_AWARD, 1, 7),
)
FIRST = (
    "class 8/8; creditor 5/6, reference 5/6, balance 6/6, letter date 2/8, deadline 2/5, "
    "claim no. 2/2, served 0/1, payer 2/2, income 2/2, gross 1/1, frequency 2/2; true values "
    "verbatim in the OCR text 38 of 41 (branch corpusbk off c14b4688, shipped field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (8, 8), "creditor_name": (5, 6), "account_reference": (5, 6),
    "balance_pence": (6, 6), "letter_date": (6, 8), "deadline_date": (5, 5),
    "court_claim_number": (2, 2), "served_date": (1, 1), "payer_name": (2, 2),
    "income_pence": (2, 2), "gross_pence": (1, 1), "frequency": (2, 2),
}  # fmt: skip
"""(correct, total) of each field at the first measurement, raised where round 55 reads more
(``ROUND_55``: letter date 2 -> 6, deadline 2 -> 5, served 0 -> 1): the floors below."""
ROUND_55 = (
    "round 55 (date shapes, a grid) reads letter date 6/8, deadline 5/5, served 1/1 here (19 "
    "scans: letter date 7 -> 13/18, deadline 8 -> 12/12); BK's date shapes were known to the "
    "lead and to round 55's helper before the round was written (benchmarks/OCR.md, 'Round 55 "
    "measured blind'), so these are weaker held-out figures than BK's others"
)
VERBATIM = 38
"""True values found verbatim in the OCR text (of 41) at the first measurement."""
UNMET = frozenset({"creditor_name", "account_reference", "letter_date"})
"""The issue's floors this sample does not meet (strict xfails): at the first measurement also
the deadline and the served date, which round 55 meets (``ROUND_55``); every other is a
plain assertion."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_bk(2), CHOSEN, bk_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as at the first
    measurement."""
    result, found, total = read
    print("\n" + result.table(f"held-out family BK, OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= VERBATIM


def test_ocr_sample_is_read_at_least_as_well_as_first_measured(
    read: tuple[Score, int, int],
) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails; a
    rise is welcome: raise the floor)."""
    result, _, _ = read
    for field, (hits, total) in MEASURED.items():
        assert result.totals[field] == total, field
        assert result.hits[field] >= hits, (field, result.hits[field], hits)


@pytest.mark.parametrize(
    "field",
    floor_params(
        ("document_class", *FIELDS_HERE),
        UNMET,
        f"BK blind after OCR, first measurement under the issue's floor: {FIRST}",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
