"""What the read families' OCR tests read, all together (no OCR: the documents' truths only).

On 2026-12-07 each read family's OCR module was cut to fewer documents to keep the suite
under its time budget (four or three to two, eight to three; benchmarks/OCR.md, "Read
families' OCR tests cut to fewer documents"). One family's sample is small, so what they
guard is kept across the families: every document class some read family read before the
cut is still read by at least three of them (or by every one that read it, if fewer), and
every field some module measured is still measured by at least five modules (or by every
one that measured it). A field is measured where a chosen document states it (its truth);
each module's ``FIELDS_HERE`` (and ``MEASURED``) must name exactly those fields, so none is
scored but unchecked, and none is checked on a sample that never states it.

How each family's documents were chosen: each document of its old sample was read once on
its own (real Tesseract, main's reader at 1c340525); each family keeps its hardest scan
(most pages, then lowest dpi, then fewest values verbatim in the OCR text) and the document
stating the most fields, where the coverage above allows. Each module's floors are its
kept documents', from those runs (its ``CUT_2026_12_07``); its earlier figures (``FIRST``,
the rounds') were measured on the larger sample.

The held-out families' modules are not cut: only their ``len(CHOSEN)`` is read here."""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import Any

import pytest

from cma_adapters.rules_assistant.corpus import FIELDS
from cma_core.documents.model import DocumentClass

READ_FAMILIES = (
    "e", "f", "g", "j", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "z", "aa",
    "ab", "ac", "ad", "ae", "af", "ag", "ai", "aj", "ak", "al", "an", "ao", "ap", "aq", "ar",
    "as", "at", "au", "av", "aw", "ax", "ay", "az", "ba", "bb", "bc", "bd", "be", "bf", "bg",
)  # fmt: skip
HELD_OUT_CHOSEN = {"y": 6, "i": 6, "ah": 7, "bh": 8, "bi": 8, "bj": 8, "bk": 8}
"""The held-out families' OCR modules read every document they read before the cut."""

CLASSES_BEFORE = {
    "bank_statement": 3, "benefit_award": 8, "bnpl_catalogue_arrears": 1, "council_tax": 16,
    "county_court_judgment": 14, "court_claim_n1": 30, "creditor_letter": 48,
    "enforcement_agent_notice": 8, "magistrates_fine": 6, "mortgage_arrears": 5,
    "notice_of_assignment": 17, "payslip": 47, "rent_arrears": 2, "statutory_demand": 8,
    "utility_arrears": 4, "utility_bill": 3,
}  # fmt: skip
"""Per class, how many read families' CHOSEN held it before the cut (2026-12-07)."""
FIELDS_BEFORE = {
    "creditor_name": 48, "original_creditor": 18, "account_reference": 48,
    "balance_pence": 48, "letter_date": 48, "deadline_date": 48, "court_claim_number": 34,
    "served_date": 30, "payer_name": 47, "income_pence": 47, "gross_pence": 47,
    "frequency": 47,
}  # fmt: skip
"""Per field, how many read families' modules measured it before the cut (a chosen document
stated it)."""
CLASS_MIN, FIELD_MIN = 3, 5


def _module(family: str) -> ModuleType:
    return importlib.import_module(f"tests.integration.ocr.test_blind_family_{family}_ocr")


def _stated(family: str, chosen: Sequence[tuple[DocumentClass, int, int]]) -> set[str]:
    """The fields the chosen documents state, from the family's truths (no OCR)."""
    corpus = importlib.import_module(f"cma_adapters.rules_assistant.corpus_blind_{family}")
    built: Any = getattr(corpus, f"build_{family}")(2)
    by = {(s.truth.document_class, int(s.name[-1])): s for s in built}
    return {
        field
        for cls, variant, _ in chosen
        for field in FIELDS
        if getattr(by[cls, variant].truth, field) is not None
    }


def shortfalls(classes: Mapping[str, set[str]], fields: Mapping[str, set[str]]) -> list[str]:
    """Each class and field read by fewer read families than the rule asks: ``classes``
    and ``fields`` map a family to the classes its CHOSEN holds and the fields it
    measures."""
    by_class = Counter(c for held in classes.values() for c in held)
    by_field = Counter(f for held in fields.values() for f in held)
    short = [
        f"class {c}: {by_class[c]} families (before {n})"
        for c, n in CLASSES_BEFORE.items()
        if by_class[c] < min(CLASS_MIN, n)
    ]
    short += [
        f"field {f}: {by_field[f]} modules (before {n})"
        for f, n in FIELDS_BEFORE.items()
        if by_field[f] < min(FIELD_MIN, n)
    ]
    return short


@pytest.fixture(scope="module")
def read_now() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    classes: dict[str, set[str]] = {}
    fields: dict[str, set[str]] = {}
    for family in READ_FAMILIES:
        module = _module(family)
        classes[family] = {cls.value for cls, _, _ in module.CHOSEN}
        fields[family] = _stated(family, module.CHOSEN)
    return classes, fields


def test_every_module_checks_exactly_the_fields_its_documents_state(
    read_now: tuple[dict[str, set[str]], dict[str, set[str]]],
) -> None:
    _, fields = read_now
    for family in READ_FAMILIES:
        module = _module(family)
        assert set(module.FIELDS_HERE) == fields[family], family
        measured = getattr(module, "MEASURED", None)
        if measured is not None:
            assert set(measured) == {"document_class", *fields[family]}, family


def test_the_read_families_together_keep_every_class_and_field_covered(
    read_now: tuple[dict[str, set[str]], dict[str, set[str]]],
) -> None:
    classes, fields = read_now
    assert {c for held in classes.values() for c in held} <= set(CLASSES_BEFORE)
    assert shortfalls(classes, fields) == []


def test_cutting_a_class_or_a_field_to_one_family_is_caught(
    read_now: tuple[dict[str, set[str]], dict[str, set[str]]],
) -> None:
    """The rule itself can fail: a class kept by one family only, or a field measured by
    one module only, is reported."""
    classes, fields = read_now
    for cls in ("court_claim_n1", "bank_statement"):
        holders = sorted(f for f, held in classes.items() if cls in held)
        cut = {f: held - {cls} if f != holders[0] else held for f, held in classes.items()}
        assert any(s.startswith(f"class {cls}:") for s in shortfalls(cut, fields)), cls
    holders = sorted(f for f, held in fields.items() if "served_date" in held)
    cut_fields = {
        f: held - {"served_date"} if f != holders[0] else held for f, held in fields.items()
    }
    assert any(s.startswith("field served_date:") for s in shortfalls(classes, cut_fields))


@pytest.mark.parametrize(("family", "length"), sorted(HELD_OUT_CHOSEN.items()))
def test_the_held_out_families_read_what_they_read(family: str, length: int) -> None:
    assert len(_module(family).CHOSEN) == length, family
