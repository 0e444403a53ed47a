"""Family AI (written blind, read since round 29) scanned in two passes and stitched,
photographed with a pen lying across it or printed on recycled paper, read by real
Tesseract and the reader as the product ships it (the learned field ranker on): two of
these seven single-page documents over AI's three scans (a card company's balance chart,
stitched, as greyscale PNG; an enforcement agents' calling card, with a pen, as JPEG; a
racing stable's pay advice, recycled paper, as PNG with its resolution; a money claim's
hearing-bundle page, stitched; a water company's account notes, with a pen; a statutory
demand's hearing-bundle page, recycled paper, as PNG without its resolution; an Industrial
Death Benefit tracker, stitched). ``benchmarks/intake_accuracy.py --family ai --ocr-ai 19``
reads one document of every class; the figures are in benchmarks/OCR.md ("Family AI"; since
round 29, when its misses were read to change the reader, "Round 29": training-side
figures).

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from seven): the enforcement agent notice (scan 1) and court claim (N1) (scan 3);
the creditor letter (scan 0) and payslip (scan 2) were dropped (the read families' cut,
chosen as test_read_family_coverage.py says). The floors below are the two's
(CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_ai import ai_scanned, build_ai, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_ai.SCANS (0: two passes
# stitched, greyscale PNG; 1: a pen lying across the page, colour JPEG; 2: recycled paper,
# greyscale PNG with its resolution at even indexes); all single pages.
CHOSEN = (
    (C.ENFORCEMENT_AGENT_NOTICE, 0, 1),
    (C.COURT_CLAIM_N1, 0, 3),
)
FIRST = (
    "class 7/7; creditor 3/5, reference 5/5, balance 5/5, letter date 6/7, deadline 5/5, "
    "claim no. 1/1, served 1/1, payer 2/2, income 2/2, gross 1/1, frequency 2/2; true values "
    "verbatim in the OCR text 35 of 36 (branch corpusai off 95303a1 = main's round-26 "
    "reader, shipped field ranker 2026-12-05.26)"
)
UNMET: frozenset[str] = frozenset()
"""The floors this sample did not meet at the first measurement, blind (the creditor and
the letter date), are met since round 29, which read AI's misses (captions that name the
paper read as no name; a short year's apostrophe that OCR reads as a quote): plain
assertions now, regression checks of a training-side figure. ``floor_params`` keeps the
strict-xfail form for any floor not met."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (enforcement agent "
    "notice, court claim (N1); dropped: creditor letter, payslip), measured on them on main's "
    "reader (1c340525): class 2/2; creditor 2/2, reference 2/2, balance 2/2, letter date 2/2, "
    "deadline 2/2, claim no. 1/1, served 1/1; true values verbatim in the OCR text 12 of 12"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_ai(2), CHOSEN, ai_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family AI (seen since round 29), OCR sample of {len(CHOSEN)}"))
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
        f"AI after OCR, first measurement under the issue's floor: {FIRST}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
