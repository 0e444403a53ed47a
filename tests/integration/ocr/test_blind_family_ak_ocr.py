"""Family AK (written blind, read since round 33) photographed in a ring binder, scanned by a
phone app under flickering LED light or rained on, read by real Tesseract and the reader as
the product ships it (the learned field ranker on): two of these eight single-page
documents over AK's three scans (a card company's starburst letter, in the binder, as
colour JPEG; a money claim on a drop-out red form, under the flicker, as one-page PDF; a
holiday park's pay slip, rained on, as greyscale PNG with its resolution; a statutory
demand on the drop-out form, in the binder; a council tax reminder in English and Romanian
line by line, under the flicker; an energy bill with its T account, rained on, as PNG
without its resolution; a War Disablement Pension award in English and Romanian, in the
binder; an enforcement notice with its ready reckoner, under the flicker). AK's two-page
documents (the spill) are read by ``benchmarks/intake_accuracy.py --family ak --ocr-ak
19``, which reads one document of every class; the figures are in benchmarks/OCR.md
("Family AK", and "Round 33", which read AK's misses: every figure on AK since is a
training-side figure).

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from eight): the court claim (N1) (scan 1) and statutory demand (scan 3); the
creditor letter (scan 0) and payslip (scan 2) were dropped (the read families' cut, chosen
as test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_ak import ak_scanned, build_ak, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_ak.SCANS (0: in a ring binder,
# colour JPEG; 1: a phone app under flickering light, one-page PDF; 2: rained on,
# greyscale PNG with its resolution at even indexes); all single pages.
CHOSEN = (
    (C.COURT_CLAIM_N1, 0, 1),
    (C.STATUTORY_DEMAND, 1, 3),
)
FIRST = (
    "class 8/8; creditor 5/6, reference 6/6, balance 6/6, letter date 7/8, deadline 6/6, "
    "claim no. 1/1, served 1/1, payer 2/2, income 2/2, gross 1/1, frequency 2/2; true values "
    "verbatim in the OCR text 40 of 41 (branch corpusak off f7469ec = main's round-31 "
    "reader, shipped field ranker 2026-12-05.31)"
)
ROUND_33 = (
    "every floor met, the creditor 6/6 and the letter date 8/8 (rules of round 33, models "
    "2026-12-06.35; the letter date by the round's last rule, a nought read as 'O')"
)
"""After round 33, which read AK's misses (training-side): the creditor and the letter
date, strict xfails at the first measurement, meet their floors (plain assertions: a note
in brackets after a party's label makes no number's label of it; a padded day's nought
read as a letter O, "O01 OCT", is the day)."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (court claim (N1), "
    "statutory demand; dropped: creditor letter, payslip), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 2/2, reference 2/2, balance 2/2, letter date 2/2, "
    "deadline 2/2, claim no. 1/1, served 1/1; true values verbatim in the OCR text 12 of 12"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_ak(2), CHOSEN, ak_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family AK (seen since round 33), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= 0.8 * total


def test_ocr_sample_is_read_above_a_collapse_floor(read: tuple[Score, int, int]) -> None:
    """The fields the sample states, all together: a floor at a half catches a collapse,
    not a small loss."""
    result, _, _ = read
    fields = [f for f in FIELDS_HERE if result.totals[f]]
    assert sum(result.hits[f] for f in fields) >= sum(result.totals[f] for f in fields) / 2


@pytest.mark.parametrize("field", ["document_class", *FIELDS_HERE])
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """Seen since round 33: a regression check of a training-side figure (ROUND_33; blind,
    first measurement: FIRST). The issue's floors: 95% for the class, 90% for each field
    the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
