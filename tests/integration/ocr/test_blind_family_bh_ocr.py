"""Family BH (written blind) smudged with charcoal from a campfire grill, marked with pine
resin and needles, or wet with water off a flysheet, read by real Tesseract and the reader as
the product ships it (the learned field ranker on): eight documents over BH's three scans
and its six settings (a collection agency's letter on pitch marker posts, charcoal, as
colour JPEG with its resolution; a money claim on a site map's key, resin, as colour PNG
without its resolution; glasshouse growers' wage advice, wet, as PDF; a judgment on peg
bags, two pages, charcoal, as PDF; the council's reminder on a campfire sign, resin, as
PNG with its resolution; a fine on shower tokens, wet; mortgage arrears on a windbreak,
charcoal; a Universal Credit award on peg bags, resin). A two-page document's pages are
read together, as the benchmark and the product read them (its text the pages' apart by
form feeds). The benchmark's ``benchmarks/intake_accuracy.py --family bh --ocr-bh 19``
reads one document of every class; the figures are in benchmarks/OCR.md ("Family BH")."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from tests.integration.ocr.blind_read import TYPES
from tests.unit.documents.blind_families import floor_params, meets_floor

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.rules_assistant.corpus import Score, score
from cma_adapters.rules_assistant.corpus_blind_bh import bh_scanned, build_bh, values_in_text
from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.model import DocumentClass

C = DocumentClass
FIELDS_HERE = (
    "creditor_name", "account_reference", "balance_pence", "letter_date",
    "deadline_date", "court_claim_number", "served_date", "payer_name", "income_pence",
    "gross_pence", "frequency",
)  # fmt: skip
# (class, variant, scan index): index % 3 picks corpus_blind_bh.SCANS (0: charcoal, colour
# JPEG with its resolution; 1: pine resin, colour PNG with its resolution at even indexes;
# 2: flysheet water, greyscale PDF); a two-page document is a greyscale PDF whatever its scan.
CHOSEN = (
    (C.CREDITOR_LETTER, 0, 0),
    (C.COURT_CLAIM_N1, 1, 1),
    (C.PAYSLIP, 0, 2),
    (C.COUNTY_COURT_JUDGMENT, 1, 3),
    (C.COUNCIL_TAX, 1, 4),
    (C.MAGISTRATES_FINE, 0, 5),
    (C.MORTGAGE_ARREARS, 1, 6),
    (C.BENEFIT_AWARD, 0, 7),
)
FIRST = (
    "class 8/8; creditor 4/6, reference 6/6, balance 6/6, letter date 7/8, deadline 5/5, "
    "claim no. 2/2, served 1/1, payer 2/2, income 2/2, gross 1/1, frequency 2/2; true values "
    "verbatim in the OCR text 39 of 41, 11 pages read (branch corpusbh off 6ba4e5b5, shipped "
    "field ranker)"
)
MEASURED: dict[str, tuple[int, int]] = {
    "document_class": (8, 8), "creditor_name": (4, 6), "account_reference": (6, 6),
    "balance_pence": (6, 6), "letter_date": (7, 8), "deadline_date": (5, 5),
    "court_claim_number": (2, 2), "served_date": (1, 1), "payer_name": (2, 2),
    "income_pence": (2, 2), "gross_pence": (1, 1), "frequency": (2, 2),
}  # fmt: skip
"""(correct, total) of each field at the first measurement: the floors below."""
VERBATIM = 39
"""True values found verbatim in the OCR text (of 41) at the first measurement."""
UNMET = frozenset({"creditor_name", "letter_date"})
"""The issue's floors this sample did not meet at the first measurement, blind (strict
xfails); every other is a plain assertion."""


async def _read(family: list[Any]) -> tuple[Score, int, int, int]:
    """Each chosen document scanned, every page read by Tesseract and the pages read
    together by the reader: the score, the true values verbatim in the OCR text, of how
    many, and the pages read."""
    by = {(s.truth.document_class, int(s.name[-1])): s for s in family}
    extractor, assistant = TesseractTextExtractor(), RuleBasedAssistant(field_ranker="shipped")
    pairs = []
    found = total = pages_read = 0
    for cls, variant, index in CHOSEN:
        sample = by[cls, variant]
        data, fmt, _ = bh_scanned(sample, index)
        pages = await extractor.extract(data, TYPES[fmt])
        assert len(pages) == len(sample.pages), sample.name
        assert all(p.words for p in pages), sample.name
        text = "\f".join(p.text for p in pages)
        got = values_in_text(sample.truth, text)
        found, total, pages_read = found + got[0], total + got[1], pages_read + len(pages)
        pairs.append((sample, await assistant.classify_and_extract(text, pages)))
    return score(pairs), found, total, pages_read


@pytest.fixture(scope="module")
def read() -> tuple[Score, int, int, int]:
    return asyncio.run(_read(build_bh(2)))


def test_ocr_reads_the_values(read: tuple[Score, int, int, int]) -> None:
    """Tesseract's text holds the true values at least as often as at the first
    measurement, and a two-page document's both pages are read."""
    result, found, total, pages_read = read
    print("\n" + result.table(f"family BH (blind), OCR sample of {len(CHOSEN)}"))
    print(f"true values verbatim in the OCR text: {found} of {total}; pages read: {pages_read}")
    assert pages_read > len(CHOSEN)
    assert found >= VERBATIM


def test_ocr_sample_is_read_at_least_as_well_as_first_measured(
    read: tuple[Score, int, int, int],
) -> None:
    """Every field's count at least what it was at the first measurement (a fall fails; a
    rise is welcome: raise the floor)."""
    result = read[0]
    for field, (hits, total) in MEASURED.items():
        assert result.totals[field] == total, field
        assert result.hits[field] >= hits, (field, result.hits[field], hits)


@pytest.mark.parametrize(
    "field",
    floor_params(
        ("document_class", *FIELDS_HERE), UNMET, f"BH after OCR under the issue's floor: {FIRST}"
    ),
)
def test_ocr_sample_meets_the_floor(read: tuple[Score, int, int, int], field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the sample states."""
    assert meets_floor(read[0].accuracy(field), field), field
