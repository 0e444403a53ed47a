"""Family AU (written blind, read since round 41) scanned with a rubber band lying on the
glass, photographed in sunlight through a window or scanned with handwriting pressed into
the page, read by real Tesseract and the reader as the product ships it (the learned field
ranker on): two of these eight documents over AU's three scans, one in each of its six
settings (a card issuer's arrears notice on keycaps, with the band, as a colour PNG with
its resolution; a money claim on a scoreboard, in sunlight, as colour JPEG; a ferry
company's pay statement, pressed, as PDF; a statutory demand round a clock face, with the
band, as PNG without its resolution; the city's council tax on playing cards, in sunlight;
a fine on periodic tiles, pressed; a sold phone debt on shelf-edge labels, with the band;
the bank's weekly statement, in sunlight). Every AU document is one page; the benchmark's
``benchmarks/intake_accuracy.py --family au --ocr-au 19`` reads one document of every
class; the figures are in benchmarks/OCR.md ("Family AU", and "Round 41", which read AU's
misses: every figure on AU since is a training-side figure).

Since 2026-12-07 it reads two of the four it read until then (after a first cut that
morning, from eight): the court claim (N1) (scan 1) and notice of assignment (scan 6); the
creditor letter (scan 0) and payslip (scan 2) were dropped (the read families' cut, chosen
as test_read_family_coverage.py says). The floors below are the two's (CUT_2026_12_07)."""

from __future__ import annotations

import asyncio

import pytest
from tests.integration.ocr.blind_read import read_chosen
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant.corpus import Score
from cma_adapters.rules_assistant.corpus_blind_au import au_scanned, build_au, values_in_text
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date",
    "deadline_date", "court_claim_number", "served_date",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_au.SCANS (0: a rubber band on
# the scanner glass, colour PNG with its resolution at even indexes; 1: a phone photo in
# sunlight with glazing-bar shadows, colour JPEG; 2: handwriting pressed into the page under
# raking light, greyscale PDF).
CHOSEN = (
    (C.COURT_CLAIM_N1, 1, 1),
    (C.NOTICE_OF_ASSIGNMENT, 0, 6),
)
FIRST = (
    "class 8/8; creditor 5/6, original creditor 0/1, reference 3/6, balance 4/6, letter date "
    "7/8, deadline 4/5, claim no. 0/1, served 1/1, payer 1/1, income 0/1, gross 1/1, "
    "frequency 1/1; true values verbatim in the OCR text 31 of 38 (branch corpusau off "
    "276e88e0, shipped field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (2, 2), "creditor_name": (2, 2), "original_creditor": (1, 1),
    "account_reference": (1, 2), "balance_pence": (2, 2), "letter_date": (1, 2),
    "deadline_date": (1, 1), "court_claim_number": (0, 1), "served_date": (1, 1),
}  # fmt: skip
"""(correct, total) of each field on the 2 documents read since 2026-12-07
(CUT_2026_12_07), on main's reader then: the floors below."""
VERBATIM = 9
"""True values found verbatim in the OCR text (of 12) on the 2 documents read since
2026-12-07."""
UNMET = frozenset(
    {"creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date",
     "deadline_date", "court_claim_number", "income_pence"}
)  # fmt: skip
"""The issue's floors this sample did not meet at the first measurement, blind (strict xfails
until round 41; since round 41, only those still unmet: ``STILL_UNMET``)."""
ROUND_41 = (
    "class 8/8; original creditor 1/1, income 1/1 now at their floors; creditor 5/6, reference "
    "4/6, balance 5/6, letter date 7/8, deadline 4/5, claim no. 0/1 still under them (rules of "
    "round 41, models 2026-12-06.34)"
)
"""After round 41, which read AU's misses (training-side): the original creditor and the
income meet their floors; six fields do not (OCR's losses on AU's scans, benchmarks/OCR.md
"Round 41")."""
STILL_UNMET = frozenset({"account_reference", "court_claim_number", "letter_date"})
"""The floors not met on the four (strict xfails); every other is a plain assertion (on the
eight, after the round that read the family: account reference, balance pence, court claim
number, creditor name, deadline date, letter date). The same three on the two read since
the second cut (CUT_2026_12_07)."""

CUT_2026_12_07 = (
    "cut to 2 documents on 2026-12-07 to keep the suite under budget (court claim (N1), notice "
    "of assignment; dropped: creditor letter, payslip), measured on them on main's reader "
    "(1c340525): class 2/2; creditor 2/2, original creditor 1/1, reference 1/2, balance 2/2, "
    "letter date 1/2, deadline 1/1, claim no. 0/1, served 1/1; true values verbatim in the OCR"
    " text 9 of 12"
)
"""The sample read since 2026-12-07: the floors and figures below are this subset's (under
the issue's floor on it: account_reference, court_claim_number, letter_date); the figures
above were measured on the full sample."""


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int]:
    return asyncio.run(read_chosen(build_au(2), CHOSEN, au_scanned, values_in_text))


def test_ocr_reads_the_values(read: tuple[Score, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as in VERBATIM's run of the two
    documents read since 2026-12-07."""
    result, found, total = read
    print("\n" + result.table(f"family AU (seen since round 41), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}")
    assert found >= VERBATIM


def test_ocr_sample_is_read_at_least_as_well_as_first_measured(
    read: tuple[Score, int, int],
) -> None:
    """Every field's count at least what it was in MEASURED's run of the two documents read
    since 2026-12-07 (a fall fails; a rise is welcome: raise the floor)."""
    result, _, _ = read
    for field, (hits, total) in MEASURED.items():
        assert result.totals[field] == total, field
        assert result.hits[field] >= hits, (field, result.hits[field], hits)


@pytest.mark.parametrize(
    "field",
    floor_params(
        ("document_class", *FIELDS_HERE),
        STILL_UNMET,
        f"AU after OCR, after round 41 under the issue's floor: {ROUND_41}"
        f" (since 2026-12-07, on the 2 documents read: {CUT_2026_12_07})",
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
