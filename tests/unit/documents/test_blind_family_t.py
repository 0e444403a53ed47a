"""Family T (``corpus_blind_t.py``), written blind in a ninth hand (its organisations and
wording new to A-S) and measured blind once after round 11; seen since round 12, which
read its misses and trains on it as a read family (``read_families``): the family itself
(every class, ground truth printed, deterministic, laid out on the page) and the reader
measured on it on perfect text, as the product reads (the shipped classifier and field
ranker). The OCR sample is in tests/integration/ocr/test_blind_family_t_ocr.py; the
figures are in benchmarks/OCR.md ("Family T", "Round 12"). Being seen, T's figures here
are training-side figures. Two documents a class keep this module to a few seconds; the
benchmark reads four."""

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
    meets_floor,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_t, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_t import (
    SCANS,
    TEMPLATES,
    TSample,
    build_t,
    in_words,
    page_size,
    render,
    t_pages,
    t_scanned,
    t_text,
    values_in_text,
)
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass
EARLIER = ("corpus", "corpus_families", "corpus_blind", "corpus_blind_m", "corpus_blind_n",
           "corpus_blind_o", "corpus_blind_p", "corpus_blind_q", "corpus_blind_r",
           "corpus_blind_s", "statements_corpus")  # fmt: skip
"""The modules of families A-K and L-S (and the statements corpus)."""


@pytest.fixture(scope="module")
def family() -> list[TSample]:
    return build_t(2)


@pytest.fixture(scope="module")
def texts(family: list[TSample]) -> dict[str, str]:
    return {s.name: t_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[TSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: t_pages(s) for s in family}


def test_every_class_has_family_t_with_the_fields_it_yields(
    family: list[TSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in build_t(4)} == set(DocumentClass)
    assert len(build_t(4)) >= 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":T")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    every = "\n".join(texts.values())
    assert "Sent:" in every
    assert "wrote:" in every
    assert "\n>" in every
    assert "Your account at a glance" in every  # the sidebar
    assert "Reply slip" in every
    assert "Year to date" in every or "To date" in every  # payslips' YTD columns
    assert "Balance £" in every  # the statement's running balance
    assert "Assessment period" in every  # the Universal Credit statement
    assert " GBP" in every
    assert " pence (£" in every
    assert any(len(s.pages) == 2 for s in family)
    assert {s.style.face for s in family} == {"carlito", "caladea", "plain"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_amounts_in_words() -> None:
    assert in_words(123_456) == (
        "one thousand two hundred and thirty-four pounds and fifty-six pence (£1,234.56)"
    )
    assert in_words(1_000_000) == "ten thousand pounds (£10,000.00)"
    assert in_words(1_005_01) == "one thousand and five pounds and one pence (£1,005.01)"
    assert in_words(100) == "one pound (£1.00)"


def test_a_two_page_letter_keeps_its_sums_off_the_first_page() -> None:
    """Facts split across pages: the date and reference on page 1 (with the header), the
    sums on page 2, the same header and registration footer on both."""
    seen = 0
    for sample in build_t(4):
        if len(sample.pages) != 2 or sample.truth.document_class is C.BANK_STATEMENT:
            continue
        seen += 1
        first, second = t_text(sample).split("\f")
        owed = corpus.Truth(document_class=C.OTHER, balance_pence=sample.truth.balance_pence)
        assert values_in_text(owed, first) == (0, 1), sample.name
        assert values_in_text(owed, second) == (1, 1), sample.name
        dated = corpus.Truth(document_class=C.OTHER, letter_date=sample.truth.letter_date)
        assert values_in_text(dated, first) == (1, 1), sample.name
        assert first.splitlines()[:2] == second.splitlines()[:2], sample.name  # the header
        assert first.splitlines()[-1][:40] == second.splitlines()[-1][:40], sample.name
    assert seen >= 8


def phrases() -> tuple[list[str], list[str]]:
    """T's own wording as written in ``corpus_blind_t`` (the constant strings of two words
    or more): its titles, and its labels (references' and the sidebar's)."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_t))):
        if isinstance(node, ast.keyword) and node.arg == "title":
            titles += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword) and node.arg == "ref_label":
            labels += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword) and node.arg == "glance":
            for pair in getattr(node.value, "elts", ()):
                labels += [e.value for e in pair.elts[:1] if isinstance(e, ast.Constant)]
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions", "The Pension Service")
"""Public bodies every family may name (the DWP): not T's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_t_is_in_an_earlier_family() -> None:
    """T is written in new words: none of its organisations (but the DWP's), people,
    streets or titles appears in the modules of A-S, nor most of its labels (real letters
    share the plainest ones: "Account number", "Claim number", "Court fee")."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    t = corpus_blind_t
    orgs = [v for v in vars(t).values() if isinstance(v, t.Org)]
    orgs += [o for v in vars(t).values() if isinstance(v, tuple) for o in v if isinstance(o, t.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname, _ in t.PEOPLE),
        *(street for street, _, _ in t.ADDRESSES),
        "Reply slip - please detach", "about:blank",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 40
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 4, shared


def test_every_true_value_is_printed_on_the_document() -> None:
    for sample in build_t(4):
        for text in (t_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[TSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_skewed_and_encode(family: list[TSample]) -> None:
    single = next(s for s in family if len(s.pages) == 1)
    for scan in SCANS:  # every effect renders; the skew (1-3 degrees) widens the page
        page = render(single, 0, scan)
        width, height = page_size(single, scan.dpi)
        assert 1 <= abs(scan.skew) <= 3
        assert page.size[0] > width + height * 0.015
        assert scan.dpi in range(200, 301)
    again = render(single, 0, SCANS[0], seed=3)  # the same page from the same seed
    assert again.tobytes() == render(single, 0, SCANS[0], seed=3).tobytes()
    assert again.tobytes() != render(single, 0, SCANS[0], seed=4).tobytes()
    copy = render(single, 0, SCANS[0]).crop((400, 400, 600, 600))  # grey photocopy paper
    assert 150 < sum(i * n for i, n in enumerate(copy.histogram())) / (200 * 200) < 215
    clean = render(single, 0, SCANS[1]).crop((600, 1500, 800, 1700))
    assert max(clean.getextrema()) == 255  # type: ignore[operator]  # white paper
    data, fmt, _ = t_scanned(single, 0)
    assert fmt == "png"
    assert data.startswith(b"\x89PNG")
    data, fmt, _ = t_scanned(single, 1)
    assert fmt == "pdf"
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = t_scanned(two, 0)
    assert fmt == "pdf"
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2


def digest() -> str:
    samples = build_t(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{t_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_t") == digest()


def test_family_t_is_trained_on_only_as_a_read_family() -> None:
    """T is seen since round 12 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "T" in read_families.READ
    assert "corpus_blind_t" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_t", "T")


# -- the reader on T (seen since round 12, benchmarks/OCR.md) --------------------------------


@pytest.fixture(scope="module")
def t_score(
    family: list[TSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 80% (24/30), original creditor 2/2, reference 93% (28/30), "
    "balance 77% (23/30), letter date 100% (36/36), deadline 100% (23/23), claim no. 4/4, "
    "payer 4/4, income 4/4, gross 2/2, frequency 4/4, served 1/2 (branch corpust off 0f6cf23 = "
    "main's round-10 reader, shipped classifier and field ranker; on 76 documents: "
    "benchmarks/OCR.md, 'Family T')"
)
"""The first measurement (38 documents here), blind."""
ROUND_12 = "every field and the class 100% (38/38 classes)"
"""As shipped after round 12 (rules + classifier and field ranker 2026-12-04.12)."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.6, "balance_pence": 0.55}
"""Well under the first measurement of the fields under their floor: a collapse, not a
small loss."""


def test_family_t_is_read_above_a_collapse_floor(t_score: Score) -> None:
    print("\n" + t_score.table("family T (seen since round 12), perfect text"))
    assert t_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (t_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_t_meets_the_floor(t_score: Score, field: str) -> None:
    """Seen since round 12 (its misses read, trained on as a read family), so a
    regression check of a training-side figure, no longer a strict xfail: as shipped,
    ROUND_12 on these 38 documents (blind, first measurement: FIRST; creditor, balance and
    served date were under the floor). The issue's floors: 95% for the class, 90% for each
    field the documents state."""
    assert meets_floor(t_score.accuracy(field), field), field
