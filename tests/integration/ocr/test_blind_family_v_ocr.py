"""Family V (written blind; seen since round 14, which read its misses and trains on it)
printed, scanned and read by real Tesseract and the reader as the product ships it (the
learned field ranker on): two of these six single-page documents
over V's three scans (a card issuer's dot-matrix letter on continuous stationery with a
P.S., 200 dpi with a coffee ring, as PDF; a council tax reminder on a half sheet, a phone
photo at 240 dpi with a keystone, uneven light and a 2.4 degree turn, as JPEG without its
resolution; a numbered-box payslip faxed at 204 dpi with the fax header line, as PDF; a
water company's NOTICE with the sum in a banner, 200 dpi with a coffee ring, as PNG with
its resolution; a debt buyer's key-facts letter photographed, as JPEG; a Carer's
Allowance key-facts letter faxed, as PDF). ``benchmarks/intake_accuracy.py --family v
--ocr-v 19`` reads one document of every class; the figures are in benchmarks/OCR.md
("Family V", "Round 14").

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from six): the creditor letter (scan 0) and council tax (scan 1); the payslip (scan
2) and notice of assignment (scan 4) were dropped (the read families' cut, chosen as
test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_v import build_v, v_scanned, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_v.SCANS (0: 200 dpi with a
# coffee ring, 0.45 degrees; 1: a 240 dpi phone photo with a keystone and uneven light,
# -2.4 degrees, always JPEG without its resolution; 2: a 204 dpi fax, black and white with
# its header line, 0.3 degrees); index % 3 == 2 or index % 4 == 0 makes a PDF, other odd
# indexes a PNG with its resolution.
CHOSEN = (
    (C.CREDITOR_LETTER, 1, 0),
    (C.COUNCIL_TAX, 1, 1),
)
FIRST = (
    "class 6/6; creditor 3/4, original creditor 1/1, reference 3/4, balance 3/4, letter date "
    "6/6, deadline 3/3, payer 2/2, income 1/2, gross 1/1, frequency 2/2; true values verbatim "
    "in the OCR text 28 of 29 (branch corpusv off e3ee8e0 = main's round-12 reader, shipped "
    "field ranker)"
)
ROUND_14 = (
    "class 6/6; creditor 4/4, original creditor 1/1, reference 3/4, balance 4/4, letter date "
    "6/6, deadline 3/3, payer 2/2, income 2/2, gross 1/1, frequency 2/2; true values verbatim "
    "in the OCR text 28 of 29 (branch reader14: rules + classifier and field ranker "
    "2026-12-04.14)"
)
"""As shipped after round 14, V seen (a training-side figure). At the first measurement
(FIRST, blind) creditor, reference, balance and income were under the floor here; round 14
(which read V's misses) meets creditor, balance and income. The one left is text Tesseract
changed: the dot-matrix letter's reference read as "MCC—2255-83'/6-22" (a dash and a
figure misread) — not fixed (benchmarks/OCR.md, "Round 14")."""
UNMET = frozenset({"account_reference"})
"""The floors this sample does not meet yet (strict xfails below)."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (creditor letter, council"
    " tax; dropped: payslip, notice of assignment), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 2/2, reference 1/2, balance 2/2, letter date 2/2, "
    "deadline 2/2; true values verbatim in the OCR text 9 of 10"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: account_reference); the figures above were measured on the full
sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_v(2), CHOSEN, v_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family V (seen since round 14), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= 0.8 * total


def test_ocr_sample_is_read_above_a_collapse_floor(read: tuple[Score, int, int]) -> None:
    """The fields the sample states, all together: 25 of 29 right at the first
    measurement; a floor at a half catches a collapse, not a small loss."""
    result, _, _ = read
    fields = [f for f in FIELDS_HERE if result.totals[f]]
    assert sum(result.hits[f] for f in fields) >= sum(result.totals[f] for f in fields) / 2


@pytest.mark.parametrize(
    "field",
    floor_params(
        ("document_class", *FIELDS_HERE),
        UNMET,
        f"V after OCR (seen since round 14), under the issue's floor: {ROUND_14}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states (a
    regression check of a seen family; the field under it is a strict xfail)."""
    assert meets_floor(read[0].accuracy(field), field), field
