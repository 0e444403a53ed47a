"""Family AE (written blind; seen since round 26, which read its misses) printed in grey ink
through a laser's halftone screen, photographed and sent through a messaging app, or
scanned in sixteen greys, and read by real Tesseract and the reader as the product ships it
(the learned field ranker on): two of these seven single-page documents over AE's three scans (a
Kingsferry card letter with its facts in a sidebar, halftoned, as greyscale PNG with its
resolution; an enforcement notice as a fax cover sheet, messaged, as colour JPEG; an
umbrella company's payslip in sixteen greys, as PNG; a claim form on a landscape page,
halftoned, as PNG without its resolution; a judgment whose facts come in a P.S., messaged;
an electricity bill as a statement of account with its header band, in sixteen greys; a
Carer's Allowance letter with a banded table, halftoned). ``benchmarks/intake_accuracy.py
--family ae --ocr-ae 19`` reads one document of every class; the figures are in
benchmarks/OCR.md ("Family AE", "Round 26"). Being seen, AE's figures here are
training-side figures.

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from seven): the court claim (N1) (scan 3) and county court judgment (scan 4); the
creditor letter (scan 0) and payslip (scan 2) were dropped (the read families' cut, chosen
as test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_ae import ae_scanned, build_ae, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_ae.SCANS (0: grey ink through a
# halftone screen, greyscale PNG, with its resolution at even indexes; 1: a phone photo
# through a messaging app, colour JPEG; 2: sixteen greys with sharpening halos, greyscale
# PNG); all single pages.
CHOSEN = (
    (C.COURT_CLAIM_N1, 1, 3),
    (C.COUNTY_COURT_JUDGMENT, 0, 4),
)
FIRST = (
    "class 7/7; creditor 5/5, reference 5/5, balance 4/5, letter date 5/7, deadline 3/5, "
    "claim no. 2/2, served 0/1, payer 2/2, income 2/2, gross 1/1, frequency 2/2; true values "
    "verbatim in the OCR text 35 of 37 (branch corpusae off 5ca6cad = main's round-23 "
    "reader, shipped field ranker 2026-12-05.23)"
)
ROUND_26 = (
    "class 7/7; creditor 5/5, reference 5/5, balance 5/5, letter date 7/7, deadline 5/5, "
    "claim no. 2/2, served 1/1, payer 2/2, income 2/2, gross 1/1, frequency 2/2; true values "
    "verbatim in the OCR text 35 of 37 (rules of round 26, models 2026-12-05.25 and .26)"
)
"""As shipped after round 26, which read AE's misses (training-side): the balance, the
letter date, the deadline and the served date meet their floors (plain assertions; dates
printed with points round the month's name, a header band over a statement's entries)."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (court claim (N1), county "
    "court judgment; dropped: creditor letter, payslip), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 2/2, reference 2/2, balance 2/2, letter date 2/2, "
    "deadline 2/2, claim no. 2/2, served 1/1; true values verbatim in the OCR text 11 of 13"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: none); the figures above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_ae(2), CHOSEN, ae_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family AE (seen since round 26), OCR sample of {len(CHOSEN)}"))
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
    """Seen since round 26, so a regression check of a training-side figure, no longer a
    strict xfail: ROUND_26 on this sample (blind, first measurement: FIRST). The issue's
    floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
