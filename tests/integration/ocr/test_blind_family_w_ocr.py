"""Family W (written blind; seen since round 15, which read its misses and trains on it)
printed, scanned and read by real Tesseract and the reader as the product ships it (the
learned field ranker on): two of these six single-page documents over W's three scans (a
card issuer's letter with a table of all the customer's accounts, 330 dpi with a RECEIVED
stamp, as PNG with its resolution; a council tax reminder set as a two-column newsletter, a
175 dpi low-contrast photocopy of hatched security paper with a dark edge, as PDF; a
payslip as a landscape form of boxes, 260 dpi with ballpoint marks, as PNG without its
resolution; a water company's letter with a dated timeline, stamped, as PNG; a debt buyer's
monogram letter, photocopied, as PDF; a Personal Independence Payment letter with side
headings, pen-marked, as PNG). ``benchmarks/intake_accuracy.py --family w --ocr-w 19``
reads one document of every class; the figures are in benchmarks/OCR.md ("Family W", "Round
15").

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from six): the creditor letter (scan 0) and notice of assignment (scan 4); the
council tax (scan 1) and payslip (scan 2) were dropped (the read families' cut, chosen as
test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_w import build_w, values_in_text, w_scanned
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date",
    "deadline_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_w.SCANS (0: 330 dpi with a
# RECEIVED stamp, -0.8 degrees, PNG with its resolution; 1: a 175 dpi low-contrast
# photocopy of hatched paper with a dark edge, 0.5 degrees, PDF; 2: 260 dpi with ballpoint
# marks, 1.3 degrees, PNG without its resolution).
CHOSEN = (
    (C.CREDITOR_LETTER, 1, 0),
    (C.NOTICE_OF_ASSIGNMENT, 1, 4),
)
FIRST = (
    "class 6/6; creditor 3/4, original creditor 0/1, reference 3/4, balance 4/4, letter date "
    "2/6, deadline 1/3, payer 1/2, income 1/2, gross 0/1, frequency 2/2; true values verbatim "
    "in the OCR text 25 of 29 (branch corpusw off 37b6238 = main's round-13 reader, shipped "
    "field ranker 2026-12-04.13)"
)
ROUND_15 = (
    "class 6/6; creditor 4/4, original creditor 1/1, reference 4/4, balance 4/4, letter date "
    "6/6, deadline 3/3, payer 1/2, income 2/2, gross 0/1, frequency 2/2; true values verbatim "
    "in the OCR text 25 of 29 (branch reader15: rules + classifier and field ranker "
    "2026-12-04.15)"
)
"""As shipped after round 15, W seen (a training-side figure). At the first measurement
(FIRST, blind) creditor, reference, both dates, payer, income and gross were under the
floor here; round 15 (which read W's misses) meets creditor, reference, both dates and
income. Left then: the payslip's payer and gross after OCR (benchmarks/OCR.md, "Round
15"), both read since round 16 (ROUND_16)."""
ROUND_16 = (
    "class 6/6; every field right (payer 2/2: a logo's speck before the employer is no word "
    "of its name; gross 1/1: on the skewed scan the value a row lower than the next "
    "column's) (branch reader16: rules + classifier and field ranker 2026-12-05.16)"
)
UNMET: frozenset[str] = frozenset()
"""The floors this sample does not meet: none since round 16."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (creditor letter, notice "
    "of assignment; dropped: council tax, payslip), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 2/2, original creditor 1/1, reference 2/2, balance 2/2, "
    "letter date 2/2, deadline 1/1; true values verbatim in the OCR text 9 of 10"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_w(2), CHOSEN, w_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family W (seen since round 15), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= 0.8 * total


def test_ocr_sample_is_read_above_a_collapse_floor(read: tuple[Score, int, int]) -> None:
    """The fields the sample states, all together: 17 of 29 right at the first measurement;
    a floor at a third catches a collapse, not a small loss."""
    result, _, _ = read
    fields = [f for f in FIELDS_HERE if result.totals[f]]
    assert sum(result.hits[f] for f in fields) >= sum(result.totals[f] for f in fields) / 3


@pytest.mark.parametrize(
    "field",
    floor_params(
        ("document_class", *FIELDS_HERE),
        UNMET,
        f"W after OCR (seen since round 15), under the issue's floor: {ROUND_16}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
