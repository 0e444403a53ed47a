"""Family AZ (written blind, read since round 44) sprinkled with glitter from the craft table,
strewn with pencil shavings, or smeared with a glue stick, read by real Tesseract and the
reader as the product ships it (the learned field ranker on): three of these eight
documents over AZ's three scans and its six settings from a school (a collection agency's
letter on a seating plan, glittered, as colour JPEG with its resolution; a money claim in
the office pigeonholes, with shavings, as colour PNG without its resolution; a lock maker's
wage slip, glued, as PDF; a council tax enforcement notice on a hopscotch court, glittered;
the council's reminder on the wall bars, with shavings, as PNG with its resolution; a water
company's arrears letter on coat hooks, glued; a notice of assignment on paint pots,
glittered; the credit union's statement, with shavings). Every AZ document is one page; the
benchmark's ``benchmarks/intake_accuracy.py --family az --ocr-az 19`` reads one document of
every class; the figures are in benchmarks/OCR.md ("Family AZ", and "Round 44", which read
AZ's misses: every figure on AZ since is a training-side figure).

Since 2026-12-07 it reads three of the eight it read until then: the council tax (scan 4),
utility arrears (scan 5) and bank statement (scan 7); the creditor letter (scan 0), court
claim (N1) (scan 1), payslip (scan 2), enforcement agent notice (scan 3) and notice of
assignment (scan 6) were dropped (the read families' cut, chosen as
test_read_family_coverage.py says). The floors below are the three's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_az import az_scanned, build_az, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_az.SCANS (0: glitter, colour
# JPEG with its resolution; 1: pencil shavings, colour PNG with its resolution at even
# indexes; 2: glue-stick smears, greyscale PDF).
CHOSEN = (
    (C.COUNCIL_TAX, 1, 4),
    (C.UTILITY_ARREARS, 0, 5),
    (C.BANK_STATEMENT, 1, 7),
)
FIRST = (
    "class 7/8; creditor 3/6, original creditor 1/1, reference 3/6, balance 4/6, letter date "
    "5/8, deadline 4/5, claim no. 1/1, served 1/1, payer 1/1, income 1/1, gross 1/1, "
    "frequency 1/1; true values verbatim in the OCR text 32 of 38 (branch corpusaz off "
    "4958731f, shipped field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (3, 3), "creditor_name": (2, 2), "account_reference": (1, 2),
    "balance_pence": (2, 2), "letter_date": (2, 3), "deadline_date": (2, 2),
}  # fmt: skip
"""(correct, total) of each field on the 3 documents read since 2026-12-07
(CUT_2026_12_07), on main's reader then: the floors below."""
VERBATIM = 9
"""True values found verbatim in the OCR text (of 11) on the 3 documents read since
2026-12-07."""
UNMET = frozenset(
    {"document_class", "creditor_name", "account_reference", "balance_pence", "letter_date",
     "deadline_date"}
)  # fmt: skip
"""The issue's floors this sample did not meet at the first measurement, blind (strict
xfails until round 44; since round 44, only those still unmet: ``STILL_UNMET``)."""
ROUND_44 = (
    "class 8/8, balance 6/6, letter date 5 -> 7/8; creditor 3/6, reference 3/6, letter date "
    "7/8 and deadline 4/5 under their floors (rules of round 44, models 2026-12-06.34)"
)
"""After round 44, which read AZ's misses (training-side): the class and the balance meet
their floors; the creditor, the reference, the letter date and the deadline do not
(benchmarks/OCR.md "Round 44")."""
STILL_UNMET = frozenset({"account_reference", "letter_date"})
"""The floors still not met after round 44 (strict xfails); every other is a plain
assertion. Since the cut to 3 documents (2026-12-07, CUT_2026_12_07), the set is the
subset's: account_reference, letter_date."""

CUT_2026_12_07 = (
    "cut to 3 documents on 2026-12-07 to keep the suite under budget (council tax, utility "
    "arrears, bank statement; dropped: creditor letter, court claim (N1), payslip, enforcement "
    "agent notice, notice of assignment), measured on them on main's reader (1c340525): class "
    "3/3; creditor 2/2, reference 1/2, balance 2/2, letter date 2/3, deadline 2/2; true values"
    " verbatim in the OCR text 9 of 11"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: account_reference, letter_date); the figures above were measured
on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_az(2), CHOSEN, az_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as in VERBATIM's run of the
    three documents read since 2026-12-07."""
    result, found, total = read
    print("\n" + result.table(f"family AZ (seen since round 44), OCR sample of {len(CHOSEN)}"))
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
        f"AZ after OCR, after round 44 under the issue's floor: {ROUND_44}"
        f" (since 2026-12-07, on the 3 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
