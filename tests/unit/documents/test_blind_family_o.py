"""Held-out family O (``corpus_blind_o.py``), written blind in a fourth hand: the family
itself (every class, ground truth printed, deterministic, laid out on the page, never
trained on) and the reader measured on it on perfect text. The OCR sample is in
tests/integration/ocr/test_blind_family_o_ocr.py; the figures are in benchmarks/OCR.md.

O was blind until round 8, which read its misses (``intake_accuracy.py --family o
--misses``) to fix them by kind: O is no longer blind, and the floors below are regression
checks at the figures reached, no longer a blind measurement. Two documents a class (one of
each template) keep this module to a few seconds; the benchmark reads four."""

from __future__ import annotations

import hashlib

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
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_o import (
    SCANS,
    TEMPLATES,
    OSample,
    build_o,
    o_pages,
    o_scanned,
    o_text,
    page_size,
    render,
    values_in_text,
)
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass


@pytest.fixture(scope="module")
def family() -> list[OSample]:
    return build_o(2)


@pytest.fixture(scope="module")
def texts(family: list[OSample]) -> dict[str, str]:
    return {s.name: o_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[OSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: o_pages(s) for s in family}


def test_every_class_has_family_o_with_the_fields_it_yields(
    family: list[OSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in family} == set(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":O")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    assert any(len(s.pages) == 2 for s in family)
    assert sum(s.turned for s in family) == 1
    # serif and monospaced faces, none of N's
    assert {s.style.face for s in family} == {"serif", "mono", "dvserif", "dvsans"}
    # the hard fields the issue names, on several classes each
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.original_creditor}) >= 3
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 10


def test_every_true_value_is_printed_on_the_document(
    family: list[OSample], texts: dict[str, str]
) -> None:
    for sample in build_o(4):
        for text in (o_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[OSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_and_encode(family: list[OSample]) -> None:
    turned = next(s for s in family if s.turned)
    image = render(turned, 0, SCANS[1])
    width, height = page_size(turned, SCANS[1].dpi)
    assert image.size == (height, width)  # fed in sideways
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = o_scanned(two, 0)
    assert fmt == "pdf"
    assert data.startswith(b"%PDF")
    single = next(s for s in family if len(s.pages) == 1 and not s.turned)
    data, fmt, _ = o_scanned(single, 0)
    assert fmt == "png"
    assert data.startswith(b"\x89PNG")
    data, fmt, _ = o_scanned(single, 2)
    assert fmt == "pdf"


def digest() -> str:
    samples = build_o(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{o_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert (
        digest_under_another_hash_seed("tests.unit.documents.test_blind_family_o", "3141")
        == digest()
    )


def test_family_o_is_trained_on_only_as_a_read_family() -> None:
    """O was read in round 8, so from then on the classifier's training reads it
    (``read_families``, with seeds apart from the benchmark's); cross-validation and
    calibration still read ``build_corpus`` only, which never yields O (at any size, seen or
    held out), and no other reading, learning or training module imports the family."""
    assert_only_read_family("corpus_blind_o", "O")


# -- the reader on O (benchmarks/OCR.md; O's misses were read in round 8) --------------------

TARGET_FIELDS = (
    "creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date",
    "deadline_date", "court_claim_number", "payer_name", "income_pence", "gross_pence",
    "frequency", "served_date",
)  # fmt: skip


@pytest.fixture(scope="module")
def o_score(
    family: list[OSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model = classifier.shipped()
    return score([(s, extract(texts[s.name], pages[s.name], model)) for s in family])


def test_family_o_is_classified(o_score: Score) -> None:
    """Met at the first measurement (round 6): 37 of 38 (97%); on 76 documents 75 (99%)
    after round 7; 38/38 (76/76) after round 8, which read O's misses (a letter that says it
    asks for nothing is other: benchmarks/OCR.md, "Round 8"). A regression check."""
    print("\n" + o_score.table("family O (read since round 8), perfect text"))
    assert (o_score.accuracy("document_class") or 0) == 1.0


def test_family_o_meets_the_field_floors(o_score: Score) -> None:
    """Blind (round 6, these 38 documents): creditor 77%, original creditor 71%, reference
    50%, balance 87%, letter date 89%, deadline 85%, claim no., payer and income 75%. After
    round 8, which read O's misses: every field 100% here (and on the benchmark's 76). A
    regression check, not a blind figure."""
    for field in TARGET_FIELDS:
        assert (o_score.accuracy(field) or 0) >= 0.95, field
    assert (o_score.accuracy("account_reference") or 0) == 1.0
