"""Family F (written blind; seen since round 19, which read its misses) printed, scanned
and read by real Tesseract and the reader as the product ships it (the learned field
ranker on): two of these six single-page documents
over F's three scans (a Clitheroe card company's letter named only on its bank giro credit
slip, photographed on a laptop screen, as JPEG; a judgment from the County Court at
Chester under a reversed-out band, crumpled and flattened, as PNG with its resolution; a
payslip typed on pre-printed pay-advice stationery through a copier's black-and-white mode,
as group-4 TIFF; an Easy Read council-tax reminder, photographed on a screen; a water
company's letter enclosing its text messages, crumpled, as PNG without its resolution; a
claim form typed on a pre-printed form, black-and-white).
``benchmarks/intake_accuracy.py --family f --ocr-f 19`` reads one document of every class;
the figures are in benchmarks/OCR.md ("Family F", "Round 19"). Being seen, F's figures here
are training-side figures.

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from six): the creditor letter (scan 0) and court claim (N1) (scan 5); the county
court judgment (scan 1) and payslip (scan 2) were dropped (the read families' cut, chosen as
test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_f import build_f, f_scanned, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_f.SCANS (0: a photo of a
# laptop screen, JPEG with its resolution; 1: crumpled and flattened, PNG, with its
# resolution at odd indexes; 2: a copier's 1-bit black-and-white mode, group-4 TIFF).
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.COURT_CLAIM_N1, 0, 5),
)
FIRST = (
    "class 6/6; creditor 3/5, reference 5/5, balance 4/5, letter date 5/6, deadline 5/5, "
    "claim no. 1/2, served 1/1, payer 1/1, income 1/1, gross 1/1, frequency 1/1; true values "
    "verbatim in the OCR text 31 of 33 (branch corpusf off 508b479 = main's round-17 reader, "
    "shipped field ranker 2026-12-05.17)"
)
ROUND_19 = (
    "class 6/6; creditor 4/5, reference 5/5, balance 4/5, letter date 6/6, deadline 5/5, "
    "claim no. 1/2, served, payer, income, gross and frequency 1/1; true values verbatim in "
    "the OCR text 31 of 33 (rules of round 19, models 2026-12-05.19)"
)
"""As shipped after round 19, which read F's misses (training-side)."""
UNMET = frozenset({"balance_pence", "court_claim_number"})
"""The floors this sample does not meet (strict xfails below): at the first measurement
the creditor, the balance, the letter date and the claim number; since round 19 (a log of
dated text messages no letter date) the letter date meets it (ROUND_19). Since the cut to
2 documents (2026-12-07, CUT_2026_12_07), the set is the subset's: balance_pence,
court_claim_number."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (creditor letter, court "
    "claim (N1); dropped: county court judgment, payslip), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 2/2, reference 2/2, balance 1/2, letter date 2/2, "
    "deadline 2/2, claim no. 0/1, served 1/1; true values verbatim in the OCR text 11 of 12"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: balance_pence, court_claim_number); the figures above were
measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_f(2), CHOSEN, f_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family F (seen since round 19), OCR sample of {len(CHOSEN)}"))
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
        f"F after OCR, under the issue's floor: {ROUND_19}; first measurement: {FIRST}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
