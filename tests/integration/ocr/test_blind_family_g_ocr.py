"""Family G (written blind, seen since round 17: its misses read, trained on as a read family)
printed, scanned and read by real Tesseract and the reader as the product ships it (the
learned field ranker on): two of these six single-page documents over G's three scans (a
Croydon card company's letter with "FINAL NOTICE" across it, photographed by phone under
warm indoor light, as JPEG; an energy bill with a payment code, photocopied at 70% and
enlarged back, as PNG with its resolution; a payslip printed from an HR portal, in faint
dot-matrix-like print, as PDF; a Docklands debt buyer's notice of assignment whose facts
stand only in its definitions, photographed; a council-tax reminder in a sealed
self-mailer, photocopied, as PNG without its resolution; a water company's arrears letter
above a Direct Debit Instruction, in dot-matrix-like print).
``benchmarks/intake_accuracy.py --family g --ocr-g 19`` reads one document of every class;
the figures are in benchmarks/OCR.md ("Family G", "Round 17"). Being seen, G's figures here
are training-side figures.

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from six): the utility bill (scan 1) and payslip (scan 2); the creditor letter
(scan 0) and notice of assignment (scan 3) were dropped (the read families' cut, chosen as
test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_g import build_g, g_scanned, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "payer_name", "income_pence", "gross_pence", "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_g.SCANS (0: a phone photo
# under warm light, JPEG without a resolution; 1: a photocopy reduced to 70% and enlarged
# back, PNG, with its resolution at odd indexes; 2: a faint dot-matrix-like print, PDF).
CHOSEN = (
    (C.UTILITY_BILL, 0, 1),
    (C.PAYSLIP, 0, 2),
)
FIRST = (
    "class 6/6; creditor 4/5, original creditor 0/1, reference 5/5, balance 5/5, letter "
    "date 6/6, deadline 4/4, payer 1/1, income 0/1, gross 1/1, frequency 1/1; true values "
    "verbatim in the OCR text 30 of 30 (branch corpusg off 67da2eb = main's round-15 reader, "
    "shipped field ranker 2026-12-04.15)"
)
UNMET: frozenset[str] = frozenset()
"""The floors this sample does not meet (strict xfails below): none since round 17, which
read G's misses. At the first measurement the creditor (a council named only under a
self-mailer's panel), the original creditor (named only in a definitions clause) and the
income (a net pay whose 5 OCR read as "S") were under the floor. From then on a regression
check of a seen family."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (utility bill, payslip; "
    "dropped: creditor letter, notice of assignment), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 1/1, reference 1/1, balance 1/1, letter date 2/2, "
    "deadline 1/1, payer 1/1, income 1/1, gross 1/1, frequency 1/1; true values verbatim in "
    "the OCR text 10 of 10"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_g(2), CHOSEN, g_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family G (seen since round 17), OCR sample of {len(CHOSEN)}"))
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
        f"G after OCR, first measurement under the issue's floor: {FIRST}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
