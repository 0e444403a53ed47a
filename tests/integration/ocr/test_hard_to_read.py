"""Real Tesseract: a value printed where the scan is smudged is marked hard to read for the
adviser (``FieldEvidence.hard_to_read``), the same value printed cleanly is not
(``locate.read_confidences`` on the rule-based reader's evidence, as the documents service
sets it)."""

from __future__ import annotations

import asyncio

from tests.e2e.documents_fixtures import CREDITOR_LETTER, REFERENCE_AT, letter_png, smudged

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.files import ContentType
from cma_core.documents.locate import read_confidences
from cma_core.documents.model import FieldEvidence


def chosen(data: bytes) -> dict[str, FieldEvidence]:
    async def read() -> dict[str, FieldEvidence]:
        pages = await TesseractTextExtractor().extract(data, ContentType.PNG)
        text = "\f".join(p.text for p in pages)
        extraction = await RuleBasedAssistant().classify_and_extract(text, pages)
        return {e.field: e for e in read_confidences(extraction.evidence, pages) if e.chosen}

    return asyncio.run(read())


def test_a_value_the_scan_smudged_is_hard_to_read_and_the_rest_are_not() -> None:
    clean = chosen(letter_png(CREDITOR_LETTER))
    assert clean["account_reference"].value == "12345678"
    assert not any(e.hard_to_read for e in clean.values()), clean
    assert all(e.read_confidence is not None for e in clean.values() if e.box is not None)

    smudge = chosen(smudged(letter_png(CREDITOR_LETTER), REFERENCE_AT))
    reference = smudge["account_reference"]
    assert reference.hard_to_read, reference
    # Only the smudged value: the creditor and the balance are read as surely as before.
    assert not smudge["creditor_name"].hard_to_read
    assert not smudge["balance_pence"].hard_to_read
