"""Family AL (written blind, read since round 35) photographed with a cheap phone lens,
scribbled on in blue biro or copied on a scratched copier glass, read by real Tesseract and
the reader as the product ships it (the learned field ranker on): two of these eight single-page
documents over AL's three scans (a card company's letter with its bar chart, through the
phone lens, as colour JPEG; a simple procedure claim with side-notes, scribbled on, as
colour PNG without its resolution; a salmon farm's crew pay slip, from the scratched glass,
as greyscale one-page PDF; sheriff officers' note of a telephone call, through the phone
lens; a council tax reminder on an index card, scribbled on, as PNG with its resolution; an
electricity bill with its pull-quote, from the scratched glass; a Pension Credit award on an
index card, through the phone lens; a debt buyer's notice with its pull-quote, scribbled
on). AL's two-page documents (the envelope) are read by ``benchmarks/intake_accuracy.py
--family al --ocr-al 19``, which reads one document of every class; the figures are in
benchmarks/OCR.md ("Family AL", and "Round 35", which read AL's misses: every figure on AL
since is a training-side figure).

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from eight): the creditor letter (scan 0) and court claim (N1) (scan 1); the
payslip (scan 2) and notice of assignment (scan 7) were dropped (the read families' cut,
chosen as test_read_family_coverage.py says). The floors below are the two's
(CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_al import al_scanned, build_al, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_al.SCANS (0: a cheap phone
# lens, colour JPEG; 1: scribbled on in biro, colour PNG with its resolution at even
# indexes; 2: a scratched copier glass, greyscale one-page PDF); all single pages.
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.COURT_CLAIM_N1, 0, 1),
)
FIRST = (
    "class 7/8; creditor 6/6, original creditor 1/1, reference 5/6, balance 6/6, letter date "
    "7/8, deadline 5/5, claim no. 0/1, served 1/1, payer 2/2, income 2/2, gross 0/1, frequency "
    "2/2; true values verbatim in the OCR text 40 of 41 (branch corpusal off 1ccbda2 = main's "
    "round-32 reader, shipped field ranker 2026-12-06.34)"
)
ROUND_35 = (
    "every floor met but the letter date 7/8 (rules of round 35, models 2026-12-06.34; the "
    "benchmark's 19 scans: every field 100% but one pay slip's income and gross)"
)
"""After round 35, which read AL's misses (training-side): the class, the reference, the
claim number and the gross, strict xfails at the first measurement, meet their floors
(plain assertions)."""
UNMET: frozenset[str] = frozenset()
"""Under the floor on the four: none. After round 35 the letter date was (a strict xfail on
the eight and on the first four): the sheriff officers' note of a call through the phone
lens, whose year Tesseract reads with a figure too many ("27 Mar, 20285"), an OCR-noise kind
not mended in round 35; that note (scan 3) is no longer among the four. None on the two
read since the second cut either (CUT_2026_12_07)."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (creditor letter, court "
    "claim (N1); dropped: payslip, notice of assignment), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 2/2, reference 2/2, balance 2/2, letter date 2/2, "
    "deadline 2/2, claim no. 1/1, served 1/1; true values verbatim in the OCR text 12 of 12"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_al(2), CHOSEN, al_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family AL (seen since round 35), OCR sample of {len(CHOSEN)}"))
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
        f"AL after OCR, under the issue's floor after round 35: {ROUND_35}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """Seen since round 35: a regression check of a training-side figure (ROUND_35; blind,
    first measurement: FIRST). The issue's floors: 95% for the class, 90% for each field
    the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
