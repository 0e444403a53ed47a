"""Family P (``corpus_blind_p.py``), written blind in a fifth hand and measured blind once
(round 8); seen since round 10, which read its misses and trains on it as a read family
(``read_families``): the family itself (every class, ground truth printed, deterministic,
laid out on the page) and the reader measured on it on perfect text. The OCR sample is in
tests/integration/ocr/test_blind_family_p_ocr.py; the figures are in benchmarks/OCR.md
("Round 10"). Being seen, P's figures here are training-side figures: they say nothing of
how the reader generalises. Two documents a class (one of each template) keep this module
to a few seconds; the benchmark reads four."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from tests.unit.documents.blind_families import (
    DEBT,
    YIELDS,
    assert_only_read_family,
    assert_words_on_page,
    digest_under_another_hash_seed,
)

from cma_adapters.rules_assistant import (
    classifier,
    ranker,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_p import (
    SCANS,
    TEMPLATES,
    PSample,
    build_p,
    p_pages,
    p_scanned,
    p_text,
    page_size,
    render,
    values_in_text,
)
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass


@pytest.fixture(scope="module")
def family() -> list[PSample]:
    return build_p(2)


@pytest.fixture(scope="module")
def texts(family: list[PSample]) -> dict[str, str]:
    return {s.name: p_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[PSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: p_pages(s) for s in family}


def test_every_class_has_family_p_with_the_fields_it_yields(
    family: list[PSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in family} == set(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":P")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    assert any(len(s.pages) == 2 for s in family)
    assert sum(s.flipped for s in family) == 1
    # condensed serif and extra-light sans bodies, no earlier family's
    assert {s.style.face for s in family} == {"cserif", "xlight"}
    assert {s.style.point for s in family} == {8.0, 11.5}
    # the hard fields the issue names, on several classes each
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.original_creditor}) >= 3
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 10


def test_every_true_value_is_printed_on_the_document(
    family: list[PSample], texts: dict[str, str]
) -> None:
    for sample in build_p(4):
        for text in (p_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[PSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_and_encode(family: list[PSample]) -> None:
    flipped = next(s for s in family if s.flipped)
    image = render(flipped, 0, SCANS[1])
    assert image.size == page_size(flipped, SCANS[1].dpi)
    # upside down: the letterhead (the page's first ink) is at the foot of the image
    inked = np.flatnonzero(np.asarray(image).min(axis=1) < 150)
    assert inked[-1] > image.size[1] * 0.9
    for scan in SCANS:  # every effect renders, at about the page's size
        page = render(flipped, 0, scan)
        assert abs(page.size[0] - page_size(flipped, scan.dpi)[0]) < scan.dpi // 5
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = p_scanned(two, 0)
    assert fmt == "pdf"
    assert data.startswith(b"%PDF")
    single = next(s for s in family if len(s.pages) == 1 and not s.flipped)
    data, fmt, _ = p_scanned(single, 0)
    assert fmt == "png"
    assert data.startswith(b"\x89PNG")
    data, fmt, _ = p_scanned(single, 2)
    assert fmt == "pdf"


def digest() -> str:
    samples = build_p(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{p_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert (
        digest_under_another_hash_seed("tests.unit.documents.test_blind_family_p", "3141")
        == digest()
    )


def test_family_p_is_trained_on_only_as_a_read_family() -> None:
    """P is seen since round 10 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert_only_read_family("corpus_blind_p", "P")


# -- the reader on P (seen since round 10, benchmarks/OCR.md) --------------------------------

TARGET_FIELDS = (
    "creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date",
    "deadline_date", "court_claim_number", "payer_name", "income_pence", "gross_pence",
    "frequency", "served_date",
)  # fmt: skip


@pytest.fixture(scope="module")
def p_score(
    family: list[PSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [
            (s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
            for s in family
        ]
    )


def test_family_p_is_classified(p_score: Score) -> None:
    """Met at the first measurement (main at round 7), after round 8 and after round 10:
    38 of 38; on 76 documents 76."""
    print("\n" + p_score.table("held-out family P (written blind), perfect text"))
    assert (p_score.accuracy("document_class") or 0) >= 0.95


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="P is seen since round 10 (its misses read, trained on as a read family): as "
    "shipped (rules + classifier and field ranker 2026-12-04.10), 38 documents: creditor 97% "
    "(29/30), original creditor 100% (5/5), reference 100% (30/30), balance 100% (30/30), "
    "letter date 100% (36/36), deadline 96% (27/28), claim no. 100% (4/4), served 100% (2/2), "
    "income, gross, frequency 100%, payer 50% (2/4: the benefit office that pays, not the "
    "department above it); the issue's floor is 90% per field (76 documents: "
    "benchmarks/OCR.md, 'Round 10')",
)
def test_family_p_meets_the_field_floors(p_score: Score) -> None:
    for field in TARGET_FIELDS:
        assert (p_score.accuracy(field) or 0) >= 0.9, field
