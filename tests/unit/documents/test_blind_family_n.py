"""Family N (``corpus_blind_n.py``), written blind in a third hand: the family itself
(every class, ground truth printed, deterministic, laid out on the page) and the reader
measured on it on perfect text. The OCR sample is in
tests/integration/ocr/test_blind_family_n_ocr.py; the figures are in benchmarks/OCR.md.

N was blind until round 7 of the reader, which read its misses to fix them by kind: from
then on N is a training-side figure like H, K, L and M, and its floors below are
regression checks, not a measure of how the reader generalises (that is the next blind
family's). Two documents a class (one of each template) keep this module to a few
seconds; the benchmark reads four."""

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
from cma_adapters.rules_assistant.corpus_blind_n import (
    SCANS,
    TEMPLATES,
    NSample,
    build_n,
    n_pages,
    n_scanned,
    n_text,
    page_size,
    render,
    values_in_text,
)
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass


@pytest.fixture(scope="module")
def family() -> list[NSample]:
    return build_n(2)


@pytest.fixture(scope="module")
def texts(family: list[NSample]) -> dict[str, str]:
    return {s.name: n_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[NSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: n_pages(s) for s in family}


def test_every_class_has_family_n_with_the_fields_it_yields(
    family: list[NSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in family} == set(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":N")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    assert any(len(s.pages) == 2 for s in family)
    assert any(s.style.landscape for s in family)
    assert {s.style.face for s in family} == {"sans", "narrow", "condensed"}
    # the hard fields the issue names, on several classes each
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.original_creditor}) >= 3
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 10


def test_every_true_value_is_printed_on_the_document(
    family: list[NSample], texts: dict[str, str]
) -> None:
    for sample in family:
        for text in (texts[sample.name], sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[NSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_and_encode(family: list[NSample]) -> None:
    landscape = next(s for s in family if s.style.landscape)
    image = render(landscape, 0, SCANS[1])
    width, height = page_size(landscape, SCANS[1].dpi)
    assert image.size == (width, height)
    assert width > height
    two = next(s for s in family if len(s.pages) == 2 and not s.style.landscape)
    data, fmt, _ = n_scanned(two, 1)
    assert fmt == "pdf"
    assert data.startswith(b"%PDF")
    single = next(s for s in family if len(s.pages) == 1 and not s.style.landscape)
    data, fmt, _ = n_scanned(single, 5)
    assert fmt == "png"
    assert data.startswith(b"\x89PNG")


def digest() -> str:
    samples = build_n(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{n_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert (
        digest_under_another_hash_seed("tests.unit.documents.test_blind_family_n", "2718")
        == digest()
    )


def test_family_n_is_trained_on_only_as_a_read_family() -> None:
    """N was read in round 7, so since round 7 the classifier is trained on it
    (``read_families``, with seeds apart from the benchmark's); cross-validation and
    calibration still read ``build_corpus`` only, which never yields N, and no other
    reading, learning or training module imports the family (tests/unit/documents/
    test_read_families.py checks the same for any family still blind)."""
    assert_only_read_family("corpus_blind_n", "N")


# -- the reader on N (benchmarks/OCR.md; N's misses were read in round 7) -----------------

TARGET_FIELDS = (
    "creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date",
    "deadline_date", "court_claim_number", "payer_name", "income_pence", "gross_pence",
    "frequency", "served_date",
)  # fmt: skip


@pytest.fixture(scope="module")
def n_score(
    family: list[NSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model = classifier.shipped()
    return score([(s, extract(texts[s.name], pages[s.name], model)) for s in family])


def test_family_n_is_classified(n_score: Score) -> None:
    """Met after round 7 (38/38 here, 76/76 in the benchmark), which *read* N's misses: a
    regression check, not a blind figure. Blind, N was at 89% on these 38 documents (91%
    on 76) at its first measurement and after round 6: benefit awards and a paid-off
    loan's letter read as creditor letters, an agent's letter for a debt buyer as a
    notice of assignment, a catalogue letter as a creditor letter."""
    print("\n" + n_score.table("family N (read since round 7), perfect text"))
    assert (n_score.accuracy("document_class") or 0) >= 0.95


@pytest.mark.parametrize("field", TARGET_FIELDS)
def test_family_n_meets_the_field_floor(n_score: Score, field: str) -> None:
    """Met after round 7 (every field 100% on these 38 documents and on the benchmark's
    76), which *read* N's misses to find their kinds: from then on N is a training-side
    figure and says nothing of how the reader generalises. Blind, after round 6, on these
    38 (first measurement in brackets): creditor 97% (100), original creditor 100% (67),
    reference 90% (87), balance 77% (73), letter date 97% (78), deadline 89% (72), claim
    no. 100% (100), payer 50% (50), income 75% (50), gross 100% (100), frequency 75% (75),
    served 100% (100)."""
    assert (n_score.accuracy(field) or 0) >= 0.9, field
