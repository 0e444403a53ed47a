"""Held-out family M (``corpus_blind_m.py``), written blind in another hand than L: the
family itself (every class, ground truth printed, deterministic, laid out on the page,
never trained on) and the reader measured on it on perfect text. The OCR sample is in
tests/integration/ocr/test_blind_family_m_ocr.py; the figures are in benchmarks/OCR.md.

Only aggregate figures are printed here: M's individual misses are not written down, so
that M stays blind for whoever changes the reader next."""

from __future__ import annotations

import hashlib
import inspect
import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cma_adapters.rules_assistant import assistant, classifier, corpus, statements
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, build_corpus, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_m import (
    SCANS,
    TEMPLATES,
    MSample,
    build_m,
    m_pages,
    m_scanned,
    m_text,
    page_size,
    render,
    values_in_text,
)
from cma_core.documents.model import DocumentClass

C = DocumentClass
DEBT = ("creditor_name", "account_reference", "balance_pence", "letter_date")
INCOME = ("payer_name", "income_pence", "letter_date", "frequency")
YIELDS: dict[DocumentClass, tuple[str, ...]] = {
    C.COURT_CLAIM_N1: (*DEBT, "court_claim_number"),
    C.COUNTY_COURT_JUDGMENT: (*DEBT, "court_claim_number"),
    C.NOTICE_OF_ASSIGNMENT: (*DEBT, "original_creditor"),
    C.PAYSLIP: (*INCOME, "gross_pence"),
    C.BENEFIT_AWARD: INCOME,
    C.BANK_STATEMENT: ("letter_date",),
    C.OTHER: (),
}


@pytest.fixture(scope="module")
def family() -> list[MSample]:
    return build_m(4)


def test_every_class_has_family_m_with_the_fields_it_yields(family: list[MSample]) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in family} == set(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":M")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, m_text(sample))[1]
    assert any(len(s.pages) == 3 for s in family)
    assert {s.face for s in family} == {"serif", "lserif", "mono", "lmono"}
    # fields the issue names as hard: a printed date of service, an original creditor
    # beside the creditor, a deadline, on more than one class each
    assert sum(s.truth.served_date is not None for s in family) >= 2
    assert len({s.truth.document_class for s in family if s.truth.original_creditor}) >= 4
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 10


def test_every_true_value_is_printed_on_the_document(family: list[MSample]) -> None:
    for sample in family:
        for text in (m_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(family: list[MSample]) -> None:
    width, height = page_size(150)
    for sample in family:
        for page in m_pages(sample):
            for word in page.words:
                assert word.box.left > width * 0.03, (sample.name, word.text)
                assert word.box.left + word.box.width < width * 0.97, (sample.name, word.text)
                assert word.box.top + word.box.height < height * 0.97, (sample.name, word.text)
            lines: dict[int, list[tuple[int, int]]] = {}
            for word in page.words:
                lines.setdefault(word.box.top, []).append(
                    (word.box.left, word.box.left + word.box.width)
                )
            for spans in lines.values():
                spans.sort()
                for (_, end), (start, _) in itertools.pairwise(spans):
                    assert end < start, sample.name


def test_pages_render_at_each_scan_resolution(family: list[MSample]) -> None:
    sample = next(s for s in family if len(s.pages) == 3)
    for scan in SCANS:
        image = render(sample, 1, scan)
        width, height = page_size(scan.dpi)
        assert image.size[0] >= width
        assert image.size[1] >= height
    data, fmt, scan = m_scanned(sample, 0)
    assert fmt == "pdf"
    assert data.startswith(b"%PDF")
    single = next(s for s in family if len(s.pages) == 1)
    data, fmt, scan = m_scanned(single, 3)
    assert fmt == "png"
    assert data.startswith(b"\x89PNG")


def digest() -> str:
    samples = build_m(2)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{m_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    code = "from tests.unit.documents.test_blind_family_m import digest; print(digest())"
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    other = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=Path(__file__).resolve().parents[3],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert other == digest()


def test_family_m_is_never_used_to_train_or_calibrate() -> None:
    """Training, cross-validation and calibration read ``build_corpus`` only; it never
    yields M, and no reading or training module imports the family."""
    assert not [s for s in build_corpus(1, seed=3) if s.family.endswith(":M")]
    for module in (classifier, statements, assistant, corpus):
        assert "corpus_blind_m" not in inspect.getsource(module), module.__name__
    from cma_entrypoints.cli import assistant as cli

    assert "corpus_blind_m" not in inspect.getsource(cli)


# -- the reader on M (measured once, before any change to the reader, benchmarks/OCR.md) ----

TARGET_FIELDS = (
    "creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date",
    "deadline_date", "court_claim_number", "payer_name", "income_pence", "gross_pence",
    "frequency", "served_date",
)  # fmt: skip


@pytest.fixture(scope="module")
def m_score(family: list[MSample]) -> Score:
    model = classifier.shipped()
    return score([(s, extract(m_text(s), m_pages(s), model)) for s in family])


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="M (76 documents, perfect text), first measurement and after reading round 5: "
    "class 93% (71/76), under the issue's 95% floor",
)
def test_family_m_is_classified(m_score: Score) -> None:
    print("\n" + m_score.table("held-out family M (written blind), perfect text"))
    assert (m_score.accuracy("document_class") or 0) >= 0.95


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="M (76 documents, perfect text) after reading round 5, blind (first measurement "
    "in brackets): creditor 58% (48), original creditor 17% (17), reference 63% (47), "
    "balance 87% (83), letter date 81% (51), deadline 74% (32), claim no. 100% (100), payer "
    "88% (88), income 62% (62), gross 100% (50), frequency 38% (38), served 100% (100); the "
    "issue's floor is 90% per field",
)
def test_family_m_meets_the_field_floors(m_score: Score) -> None:
    for field in TARGET_FIELDS:
        assert (m_score.accuracy(field) or 0) >= 0.9, field
