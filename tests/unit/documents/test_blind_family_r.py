"""Family R (``corpus_blind_r.py``), written blind in a seventh hand (its organisations and
wording new to A-Q) and measured blind once; seen since round 10, which read its misses
and trains on it as a read family (``read_families``): the family itself (every class,
ground truth printed, deterministic, laid out on the page) and the reader measured on it on
perfect text, as the product reads (the shipped classifier and field ranker). The OCR
sample is in tests/integration/ocr/test_blind_family_r_ocr.py; the figures are in
benchmarks/OCR.md ("Round 10"). Being seen, R's figures here are training-side figures.
Two documents a class keep this module to a few seconds; the benchmark reads four."""

from __future__ import annotations

import ast
import hashlib
import inspect
from importlib import import_module

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
    corpus,
    corpus_blind_r,
    ranker,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_r import (
    SCANS,
    TEMPLATES,
    RSample,
    build_r,
    page_size,
    r_pages,
    r_scanned,
    r_text,
    render,
    values_in_text,
)
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass
EARLIER = ("corpus", "corpus_families", "corpus_blind", "corpus_blind_m", "corpus_blind_n",
           "corpus_blind_o", "corpus_blind_p", "corpus_blind_q", "statements_corpus")  # fmt: skip
"""The modules of families A-K and L-Q (and the statements corpus)."""


@pytest.fixture(scope="module")
def family() -> list[RSample]:
    return build_r(2)


@pytest.fixture(scope="module")
def texts(family: list[RSample]) -> dict[str, str]:
    return {s.name: r_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[RSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: r_pages(s) for s in family}


def test_every_class_has_family_r_with_the_fields_it_yields(
    family: list[RSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in family} == set(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":R")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two templates: its two documents are set differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        assert [len(r) for r in first.pages[-1]] != [len(r) for r in second.pages[-1]], cls
    assert any(len(s.pages) == 2 for s in family)  # a cover sheet, then the facts
    assert any(len(texts[s.name].split("From:")) > 1 for s in family)  # e-mail printouts
    assert any(" - account " in texts[s.name] for s in family)  # the reference in "Re:"
    # italic narrow sans, italic condensed serif and extra-light sans bodies
    assert {s.style.face for s in family} == {"nitalic", "cserif", "light"}
    assert {s.style.point for s in family} == {9.0, 10.0, 11.0}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def phrases() -> list[str]:
    """R's own wording: every title and every label of a reference or balance as written
    in ``corpus_blind_r`` (the constant strings of two words or more)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_r))):
        if isinstance(node, ast.keyword) and node.arg in ("title", "ref_label", "owed_label"):
            found += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "debt_doc":
            title = node.args[5]
            found += [title.value] if isinstance(title, ast.Constant) else []
    return [p for p in found if isinstance(p, str) and len(p.split()) >= 2]


def test_no_organisation_label_or_title_of_r_is_in_an_earlier_family() -> None:
    """R is written in new words: none of its organisations, people, streets, labels or
    titles appears in the modules of A-Q."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    r = corpus_blind_r
    orgs = [v for v in vars(r).values() if isinstance(v, r.Org)]
    orgs += [o for v in vars(r).values() if isinstance(v, tuple) for o in v if isinstance(o, r.Org)]
    names = [
        *(o.name for o in orgs),
        *(f"{first} {surname}" for _, first, surname in r.PEOPLE),
        *(street for street, _, _ in r.ADDRESSES),
        "Printed from webmail for", "The last figure in the balance column",
    ]  # fmt: skip
    assert len(orgs) >= 20
    wording = phrases()
    assert len(wording) > 25
    for name in [*names, *wording]:
        assert not [n for n, s in zip(EARLIER, sources, strict=True) if name.casefold() in s], name


def test_every_true_value_is_printed_on_the_document() -> None:
    for sample in build_r(4):
        for text in (r_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_a_statement_of_account_ends_on_the_balance_owed(texts: dict[str, str]) -> None:
    ends = [(s, texts[s.name]) for s in build_r(2) if "balance column" in texts[s.name]]
    assert ends
    for sample, text in ends:
        if sample.truth.balance_pence is not None:
            last = [line for line in text.splitlines() if line.strip()][-3]
            assert values_in_text(
                corpus.Truth(document_class=C.OTHER, balance_pence=sample.truth.balance_pence),
                last,
            ) == (1, 1), sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[RSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_and_encode(family: list[RSample]) -> None:
    single = next(s for s in family if len(s.pages) == 1)
    for scan in SCANS:  # every effect renders, at about the page's size
        page = render(single, 0, scan)
        assert abs(page.size[0] - page_size(single, scan.dpi)[0]) < scan.dpi // 5
    torn = render(single, 0, SCANS[2])  # the top right corner torn off, dark behind
    assert torn.getpixel((torn.width - torn.width // 25, torn.width // 40)) < 100  # type: ignore[operator]
    data, fmt, _ = r_scanned(single, 0)
    assert fmt == "png"
    assert data.startswith(b"\x89PNG")
    data, fmt, _ = r_scanned(single, 1)
    assert fmt == "pdf"
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = r_scanned(two, 0)
    assert fmt == "pdf"
    assert data.startswith(b"%PDF")


def digest() -> str:
    samples = build_r(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{r_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert (
        digest_under_another_hash_seed("tests.unit.documents.test_blind_family_r", "2718")
        == digest()
    )


def test_family_r_is_trained_on_only_as_a_read_family() -> None:
    """R is seen since round 10 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert_only_read_family("corpus_blind_r", "R")


# -- the reader on R (seen since round 10, benchmarks/OCR.md) --------------------------------


@pytest.fixture(scope="module")
def r_score(
    family: list[RSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


TARGET_FIELDS = (
    "creditor_name", "original_creditor", "account_reference", "balance_pence", "letter_date",
    "deadline_date", "court_claim_number", "payer_name", "income_pence", "gross_pence",
    "frequency", "served_date",
)  # fmt: skip
FLOORS = {
    "document_class": 0.9, "creditor_name": 0.85, "account_reference": 0.85,
    "balance_pence": 0.85, "letter_date": 0.85, "deadline_date": 0.85,
}  # fmt: skip
"""Under round 10's measurement (every field 100% on these 38 documents): they catch a
collapse or a clear loss, not one document. The fields with four documents or fewer here
have no floor."""
FIRST = (
    "class 84% (32/38), creditor 73% (22/30), original creditor 50% (1/2), reference 80% "
    "(24/30), balance 47% (14/30), letter date 89% (32/36), deadline 88% (14/16), claim no. 0% "
    "(0/4), payer 75% (3/4), income 100% (4/4), gross 100% (2/2), frequency 100% (4/4), served "
    "0% (0/2) (blind, main after the merge, field ranker 2026-12-04.2)"
)


def test_family_r_is_read_above_a_collapse_floor(r_score: Score) -> None:
    print("\n" + r_score.table("family R (seen since round 10), perfect text"))
    for field, floor in FLOORS.items():
        assert (r_score.accuracy(field) or 0) >= floor, field


def test_family_r_meets_the_field_floors(r_score: Score) -> None:
    """Seen since round 10 (its misses read, trained on as a read family), so a
    regression check of a training-side figure, no longer a strict xfail: as shipped
    (rules + classifier and field ranker 2026-12-04.10), every field 100% on these 38
    documents (first measurement, blind: FIRST)."""
    for field in TARGET_FIELDS:
        assert (r_score.accuracy(field) or 0) >= 0.9, field
