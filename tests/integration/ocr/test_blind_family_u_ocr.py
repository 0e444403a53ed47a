"""Family U (written blind; seen since round 13, which read its misses and trains on it)
printed, scanned and read by real Tesseract and the reader as the product ships it (the
learned field ranker on): two of these six single-page documents
over U's three scans (a card issuer's letter under a boxed IMPORTANT summary, faded toner
at 150 dpi with a fold, skewed 0.7 degrees, as PNG without its resolution; a council tax
notice set landscape with tick boxes, black and white at 300 dpi with dust, skewed 1.3
degrees, as PDF; a portrait payslip with cumulative figures, a soft 180 dpi scan of a
hole-punched sheet on cream paper skewed 1.9 degrees, as PNG without its resolution; a
water company's one-page statement of account, faded and folded at 150 dpi, as PNG with
its resolution; a debt buyer's window letter, black and white at 300 dpi, as PDF; a PIP
award in a window letter, hole-punched at 180 dpi, as PNG with its resolution).
``benchmarks/intake_accuracy.py --family u --ocr-u 19`` reads one document of every
class; the figures are in benchmarks/OCR.md ("Family U", "Round 13").

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
from cma_adapters.rules_assistant.corpus_blind_u import build_u, u_scanned, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_u.SCANS (0: 150 dpi faded
# toner with a fold, -0.7 degrees; 1: 300 dpi black and white with dust, 1.3 degrees; 2:
# 180 dpi hole-punched cream paper, softened, -1.9 degrees); index % 3 == 1 makes a PDF,
# other even indexes a PNG without its resolution, odd ones a PNG with it.
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.COUNCIL_TAX, 1, 1),
)
FIRST = (
    "class 6/6; creditor 3/4, original creditor 1/1, reference 4/4, balance 4/4, letter date "
    "5/6, deadline 3/3, payer 2/2, income 2/2, gross 1/1, frequency 1/2; true values verbatim "
    "in the OCR text 27 of 29 (branch corpusu at 2986b4d off 400b69f, shipped field ranker)"
)
ROUND_13 = (
    "class 6/6; creditor 3/4, original creditor 1/1, reference 4/4, balance 4/4, letter date "
    "5/6, deadline 3/3, payer 2/2, income 2/2, gross 1/1, frequency 2/2; true values verbatim "
    "in the OCR text 27 of 29 (branch reader13: rules + classifier and field ranker "
    "2026-12-04.13)"
)
"""As shipped after round 13, U seen (a training-side figure). At the first measurement
(FIRST, blind) creditor, letter date and frequency were under the floor here; round 13
(which read U's misses) meets frequency. The two left are letters Tesseract changed: a
council's letterhead read with a "B" for its "D" and a table rule after it (the footer
names it right), and an award's date whose month lost two letters ("23 Janua" / "2025
(Thu)") (benchmarks/OCR.md, "Round 13"). Round 16 reads the creditor (a name OCR read
twice, one letter apart: the spelling Tesseract was surer of); the date is left."""
UNMET: frozenset[str] = frozenset()
"""The floors this sample does not meet yet (strict xfails below): none on the four since
2026-12-07 (the award's date, under the floor on the six, is no longer read here). None on
the two read since the second cut either (CUT_2026_12_07)."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (creditor letter, council"
    " tax; dropped: payslip, notice of assignment), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 2/2, reference 2/2, balance 2/2, letter date 2/2, "
    "deadline 2/2; true values verbatim in the OCR text 10 of 10"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_u(2), CHOSEN, u_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family U (seen since round 13), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= 0.85 * total


def test_ocr_sample_is_read_above_a_collapse_floor(read: tuple[Score, int, int]) -> None:
    """The fields the sample states, all together: 26 of 29 right at the first
    measurement; a floor at a half catches a collapse, not a small loss."""
    result, _, _ = read
    fields = [f for f in FIELDS_HERE if result.totals[f]]
    assert sum(result.hits[f] for f in fields) >= sum(result.totals[f] for f in fields) / 2


@pytest.mark.parametrize(
    "field",
    floor_params(
        ("document_class", *FIELDS_HERE),
        UNMET,
        f"U after OCR (seen since round 13), under the issue's floor: {ROUND_13}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states (a
    regression check of a seen family; the two fields under it are strict xfails)."""
    assert meets_floor(read[0].accuracy(field), field), field
