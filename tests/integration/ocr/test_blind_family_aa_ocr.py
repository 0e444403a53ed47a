"""Family AA (written blind; seen since round 21, which read its misses) printed, copied
or scanned, and read by real Tesseract and the reader as the product ships it (the learned
field ranker on): two of these seven
single-page documents over AA's three scans (a Kinder Edge card company's email printed
from web-mail, an earlier message quoted under it, as a blue carbon copy in JPEG; a
judgment from the County Court at Chesterfield in numbered paragraphs, the sum in words and
figures, fed skewed and cut by the scanner, as greyscale PNG with its resolution; a Hanley
payslip with Payments and Deductions side by side, printed low on toner, as PackBits TIFF;
a water company's aged-debt analysis as a carbon copy; a claim form as a timeline, fed
skewed, as PNG without its resolution; a Housing Benefit overpayment as a ledger with a
running balance, low on toner; a council tax reminder in English and Polish side by side as
a carbon copy). ``benchmarks/intake_accuracy.py --family aa --ocr-aa 19`` reads one
document of every class; the figures are in benchmarks/OCR.md ("Family AA", "Round 21").
Being seen, AA's figures here are training-side figures.

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from seven): the creditor letter (scan 0) and court claim (N1) (scan 4); the county
court judgment (scan 1) and payslip (scan 2) were dropped (the read families' cut, chosen as
test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_aa import aa_scanned, build_aa, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_aa.SCANS (0: a blue carbon
# copy, colour JPEG; 1: fed skewed and cut, greyscale PNG, with its resolution at odd
# indexes; 2: low on toner, greyscale PackBits TIFF).
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.COURT_CLAIM_N1, 1, 4),
)
FIRST = (
    "class 7/7; creditor 5/6, reference 4/6, balance 6/6, letter date 4/7, deadline 3/6, "
    "claim no. 2/2, served 0/1, payer 1/1, income 1/1, gross 1/1, frequency 1/1; true values "
    "verbatim in the OCR text 33 of 38 (branch corpusaa off 6e0552d = main's round-19 reader "
    "with the later additions, shipped field ranker 2026-12-05.19)"
)
ROUND_21 = (
    "class 7/7; creditor 6/6, reference 5/6, balance 6/6, letter date 7/7, deadline 5/6, "
    "claim no. 2/2, served 1/1, payer 1/1, income 1/1, gross 1/1, frequency 1/1; true values "
    "verbatim in the OCR text 33 of 38 (rules of round 21, models 2026-12-05.21)"
)
"""As shipped after round 21, which read AA's misses (training-side): the creditor, the
letter date and the served date now meet their floors (plain assertions). Two stay under
(strict xfails below), both Tesseract's: a Housing Benefit ledger's reference read with a
space inside it ("HBO/697 126": its first part is read), a carbon copy's Roman month "III"
read as "11" in the aged-debt table's deadline ("21-11-2026")."""
UNMET: frozenset[str] = frozenset()
"""The floors this sample does not meet after round 21 (strict xfails below): none on the
four since 2026-12-07 (the reference and the deadline, under the floor on the seven, were
missed on documents no longer read here). None on the two read since the second cut
either (CUT_2026_12_07)."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (creditor letter, court "
    "claim (N1); dropped: county court judgment, payslip), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 2/2, reference 2/2, balance 2/2, letter date 2/2, "
    "deadline 2/2, claim no. 1/1, served 1/1; true values verbatim in the OCR text 10 of 12"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_aa(2), CHOSEN, aa_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family AA (seen since round 21), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= 0.8 * total


def test_ocr_sample_is_read_above_a_collapse_floor(read: tuple[Score, int, int]) -> None:
    """The fields the sample states, all together: a floor at a half catches a collapse,
    not a small loss."""
    result, _, _ = read
    fields = [f for f in FIELDS_HERE if result.totals[f]]
    assert sum(result.hits[f] for f in fields) >= sum(result.totals[f] for f in fields) / 2


@pytest.mark.parametrize(
    "field",
    floor_params(
        ("document_class", *FIELDS_HERE),
        UNMET,
        f"AA after OCR, under the issue's floor after round 21 (OCR's): {ROUND_21}; first "
        f"measurement, blind: {FIRST}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """Seen since round 21, a regression check of a training-side figure: ROUND_21 (first
    measurement, blind: FIRST). The issue's floors: 95% for the class, 90% for each field
    the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
