"""Family Q (``corpus_blind_q.py``), written blind in a sixth hand (its organisations and
wording new to A-P) and measured blind once; seen since round 10, which read its misses
and trains on it as a read family (``read_families``): the family itself (every class,
ground truth printed, deterministic, laid out on the page) and the reader measured on it on
perfect text, as the product reads (the shipped classifier and field ranker). The OCR
sample is in tests/integration/ocr/test_blind_family_q_ocr.py; the figures are in
benchmarks/OCR.md ("Round 10"). Being seen, Q's figures here are training-side figures.
Two documents a class keep this module to a few seconds; the benchmark reads four."""

from __future__ import annotations

import ast
import hashlib
import inspect
from importlib import import_module

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
    corpus_blind_q,
    ranker,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_q import (
    SCANS,
    TEMPLATES,
    QSample,
    build_q,
    page_size,
    q_pages,
    q_scanned,
    q_text,
    render,
    values_in_text,
)
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass
EARLIER = ("corpus", "corpus_families", "corpus_blind", "corpus_blind_m", "corpus_blind_n",
           "corpus_blind_o", "corpus_blind_p", "statements_corpus")  # fmt: skip
"""The modules of families A-K and L-P (and the statements corpus)."""


@pytest.fixture(scope="module")
def family() -> list[QSample]:
    return build_q(2)


@pytest.fixture(scope="module")
def texts(family: list[QSample]) -> dict[str, str]:
    return {s.name: q_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[QSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: q_pages(s) for s in family}


def test_every_class_has_family_q_with_the_fields_it_yields(
    family: list[QSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in family} == set(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":Q")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two templates: its two documents are set differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        assert [len(r) for r in first.pages[0]] != [len(r) for r in second.pages[0]], cls
    four = build_q(4)
    assert any(len(s.pages) == 2 for s in four)
    assert any(s.style.landscape for s in family)
    # italic serif, oblique sans and narrow bold bodies, no earlier family's
    assert {s.style.face for s in family} == {"iserif", "osans", "nbold"}
    assert {s.style.point for s in family} == {8.5, 9.5, 10.5}
    # the hard fields the issue names, on several classes each
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.original_creditor}) >= 3
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 10


def phrases() -> list[str]:
    """Q's own wording: every question, label and event of a ``Fact`` and every title,
    as written in ``corpus_blind_q`` (the constant strings of two words or more)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_q))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Fact":
            found += [a.value for a in node.args if isinstance(a, ast.Constant)]
        if isinstance(node, ast.keyword) and node.arg == "title":
            found += [node.value.value] if isinstance(node.value, ast.Constant) else []
    return [p for p in found if isinstance(p, str) and len(p.split()) >= 2]


def test_no_organisation_label_or_title_of_q_is_in_an_earlier_family() -> None:
    """Q is written in new words: none of its organisations, people, streets, questions,
    labels or titles appears in the modules of A-P."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    q = corpus_blind_q
    names = [
        *q.LENDERS, *q.PURCHASERS, *q.AGENCIES, *q.SOLICITORS, *q.AGENTS, *q.COUNCILS,
        *q.ENERGY, *q.WATER, *q.MORTGAGES, *q.LANDLORDS, *q.BNPL, *q.CATALOGUES,
        *q.FINE_COURTS, q.SCAFFOLDER, *q.EMPLOYERS, *q.BANKS, q.AA_UNIT, q.IIDB, q.LAW_CENTRE,
        *(f"{first} {surname}" for _, first, surname in q.PEOPLE),
        *(street for street, _, _ in q.ADDRESSES),
        "What happens and when", "Cut along the line and post this part back",
        "The line this letter is about",
    ]  # fmt: skip
    wording = phrases()
    assert len(wording) > 60
    for name in [*names, *wording]:
        assert not [n for n, s in zip(EARLIER, sources, strict=True) if name.casefold() in s], name


def test_every_true_value_is_printed_on_the_document() -> None:
    for sample in build_q(4):
        for text in (q_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[QSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_and_encode(family: list[QSample]) -> None:
    single = next(s for s in family if len(s.pages) == 1 and not s.style.landscape)
    for scan in SCANS:  # every effect renders, at about the page's size
        page = render(single, 0, scan)
        assert abs(page.size[0] - page_size(single, scan.dpi)[0]) < scan.dpi // 5
    fax = np.asarray(render(single, 0, SCANS[2]))
    rim = fax[fax.shape[0] // 4 : -fax.shape[0] // 4, fax.shape[1] // 4 : -fax.shape[1] // 4]
    assert np.isin(rim, (0, 255)).mean() > 0.9  # black and white (but for the skew's edges)
    wide = next(s for s in family if s.style.landscape)
    image = render(wide, 0, SCANS[0])
    assert image.size[0] > image.size[1]
    data, fmt, _ = q_scanned(single, 0)
    assert fmt == "png"
    assert data.startswith(b"\x89PNG")
    data, fmt, _ = q_scanned(single, 2)
    assert fmt == "pdf"
    two = next(s for s in build_q(4) if len(s.pages) == 2)
    data, fmt, _ = q_scanned(two, 0)
    assert fmt == "pdf"
    assert data.startswith(b"%PDF")


def digest() -> str:
    samples = build_q(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{q_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert (
        digest_under_another_hash_seed("tests.unit.documents.test_blind_family_q", "2718")
        == digest()
    )


def test_family_q_is_trained_on_only_as_a_read_family() -> None:
    """Q is seen since round 10 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert_only_read_family("corpus_blind_q", "Q")


# -- the reader on Q (seen since round 10, benchmarks/OCR.md) --------------------------------


@pytest.fixture(scope="module")
def q_score(
    family: list[QSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [
            (s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
            for s in family
        ]
    )


TARGET_FIELDS = (
    "creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date",
    "deadline_date", "court_claim_number", "payer_name", "income_pence", "gross_pence",
    "frequency", "served_date",
)  # fmt: skip
FLOORS = {
    "document_class": 0.9, "creditor_name": 0.8, "account_reference": 0.85,
    "balance_pence": 0.85, "letter_date": 0.85, "deadline_date": 0.8,
}  # fmt: skip
"""Under round 10's measurement (38 documents: class 100%, creditor 93%, reference 100%,
balance 100%, letter date 100%, deadline 96%; the first, blind, at ed29420: class 97%,
creditor 90%, reference 77%, balance 57%, letter date 78%, deadline 39%): they catch a
collapse or a clear loss, not one document. The fields with four documents or fewer here
have no floor."""


def test_family_q_is_read_above_a_collapse_floor(q_score: Score) -> None:
    print("\n" + q_score.table("family Q (seen since round 10), perfect text"))
    for field, floor in FLOORS.items():
        assert (q_score.accuracy(field) or 0) >= floor, field


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="Q is seen since round 10 (its misses read, trained on as a read family): as "
    "shipped (rules + classifier and field ranker 2026-12-04.10), 38 documents: class 100% "
    "(38/38), creditor 93% (28/30), original creditor 80% (4/5), reference 100% (30/30), "
    "balance 100% (30/30), letter date 100% (36/36), deadline 96% (27/28), claim no. 100% "
    "(4/4), served 100% (2/2), income 100% (4/4), payer 50% (2/4), gross 50% (1/2), frequency "
    "75% (3/4); the issue's floor is 90% per field (76 documents: benchmarks/OCR.md, "
    "'Round 10')",
)
def test_family_q_meets_the_field_floors(q_score: Score) -> None:
    for field in TARGET_FIELDS:
        assert (q_score.accuracy(field) or 0) >= 0.9, field
