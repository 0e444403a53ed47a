"""Family AF (written blind, read since round 30) as an old letter kept in a drawer, a
multifunction printer's "small file" scan or a phone photo in a dim room, read by real
Tesseract and the reader as the product ships it (the learned field ranker on): two of
these seven single-page documents over AF's three scans (a credit union's legacy print-out
in capitals with its facts in a text-drawn box, foxed, as colour PNG; an enforcement
agents' "Then and now" letter, halved by nearest-neighbour sampling, as greyscale PNG
without its resolution; a seafront cafe's hourly payslip, photographed in a dim room, as
JPEG; a judgment as a cloze form, foxed; an electricity bill with its three-column "What
this means for you" table, small file, as PNG with its resolution; a mortgage letter whose
facts are in its bold headline, in a dim room; an Armed Forces Independence Payment award
as a cloze form, foxed). ``benchmarks/intake_accuracy.py --family af --ocr-af 19`` reads
one document of every class; the figures are in benchmarks/OCR.md ("Family AF", and "Round
30", which read AF's misses: every figure on AF since is a training-side figure).

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from seven): the enforcement agent notice (scan 1) and county court judgment (scan
3); the creditor letter (scan 0) and payslip (scan 2) were dropped (the read families' cut,
chosen as test_read_family_coverage.py says). The floors below are the two's
(CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_af import af_scanned, build_af, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date", "deadline_date",
    "court_claim_number",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_af.SCANS (0: an old letter,
# yellowed and foxed, colour PNG; 1: a "small file" scan halved by nearest-neighbour
# sampling, greyscale PNG, with its resolution at even indexes; 2: a phone photo in a dim
# room, colour JPEG); all single pages.
CHOSEN = (
    (C.ENFORCEMENT_AGENT_NOTICE, 1, 1),
    (C.COUNTY_COURT_JUDGMENT, 0, 3),
)
FIRST = (
    "class 7/7; creditor 5/5, reference 4/5, balance 5/5, letter date 6/7, deadline 4/4, "
    "claim no. 0/1, payer 2/2, income 1/2, gross 1/1, frequency 2/2; true values verbatim in "
    "the OCR text 32 of 34 (branch corpusaf off caf19de = main's round-25 reader, shipped "
    "field ranker 2026-12-05.25)"
)
UNMET = frozenset({"court_claim_number"})
"""The floors this sample does not meet (strict xfails below): at the first measurement
(the reference too, and the balance since round 26's rules, main after its merge, models
2026-12-05.26; AF was never shown to round 26); after round 30, which read AF's misses,
the reference and the balance meet theirs (plain assertions): a "Then and now" table's
earlier column is history, and the claim's number named after "of" is no reference. On the
four since 2026-12-07 the letter date meets its floor too (a plain assertion: its miss on
the seven was on a document no longer read here). Since the cut to 2 documents
(2026-12-07, CUT_2026_12_07), the set is the subset's: court_claim_number."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (enforcement agent "
    "notice, county court judgment; dropped: creditor letter, payslip), measured on them on "
    "main's reader (1c340525): class 2/2; creditor 2/2, reference 2/2, balance 2/2, letter "
    "date 2/2, deadline 2/2, claim no. 0/1; true values verbatim in the OCR text 10 of 11"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: court_claim_number); the figures above were measured on the full
sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_af(2), CHOSEN, af_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds most true values verbatim, so most of any gap is the
    reader's."""
    result, found, total = read
    print("\n" + result.table(f"family AF (seen since round 30), OCR sample of {len(CHOSEN)}"))
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
        f"AF after OCR, under the issue's floor (after round 30): {FIRST}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
