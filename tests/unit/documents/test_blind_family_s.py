"""Family S (``corpus_blind_s.py``), written blind in an eighth hand (its organisations
and wording new to A-R) and measured blind once after round 10; seen since round 11, which
read its misses and trains on it as a read family (``read_families``): the family itself
(every class, ground truth printed, deterministic, laid out on the page) and the reader
measured on it on perfect text, as the product reads (the shipped classifier and field
ranker). The OCR sample is in tests/integration/ocr/test_blind_family_s_ocr.py; the
figures are in benchmarks/OCR.md ("Round 11"). Being seen, S's figures here are
training-side figures. Two documents a class keep this module to a few seconds; the
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
)

from cma_adapters.rules_assistant import (
    classifier,
    corpus,
    corpus_blind_s,
    ranker,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_s import (
    SCANS,
    TEMPLATES,
    SSample,
    build_s,
    page_size,
    render,
    s_pages,
    s_scanned,
    s_text,
    values_in_text,
)
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass
EARLIER = ("corpus", "corpus_families", "corpus_blind", "corpus_blind_m", "corpus_blind_n",
           "corpus_blind_o", "corpus_blind_p", "corpus_blind_q", "corpus_blind_r",
           "statements_corpus")  # fmt: skip
"""The modules of families A-K and L-R (and the statements corpus)."""


@pytest.fixture(scope="module")
def family() -> list[SSample]:
    return build_s(2)


@pytest.fixture(scope="module")
def texts(family: list[SSample]) -> dict[str, str]:
    return {s.name: s_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[SSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: s_pages(s) for s in family}


def test_every_class_has_family_s_with_the_fields_it_yields(
    family: list[SSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in family} == set(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":S")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    assert any(s.style.landscape for s in family)  # the statements with a tear-off slip
    assert any(len(s.pages) == 3 for s in build_s(4))  # the facts on the last of three pages
    assert any("Please tear off" in texts[s.name] for s in family)
    assert any(" / Date" in texts[s.name] and "Cyngor" in texts[s.name] for s in family)  # Welsh
    assert any(" DR" in texts[s.name] and " CR" in texts[s.name] for s in family)
    assert {s.style.face for s in family} == {"civic", "legal", "ledger"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_a_multi_page_letter_states_its_facts_on_the_last_page_only(
    family: list[SSample],
) -> None:
    for sample in build_s(4):
        if len(sample.pages) < 2:
            continue
        text = s_text(sample).split("\f")
        for name in ("account_reference", "balance_pence", "income_pence"):
            value = getattr(sample.truth, name)
            if value is None:
                continue
            shown = corpus.Truth(document_class=C.OTHER, **{name: value})
            assert values_in_text(shown, text[-1]) == (1, 1), (sample.name, name)
            for page in text[:-1]:
                assert values_in_text(shown, page) == (0, 1), (sample.name, name)


def phrases() -> list[str]:
    """S's own wording: every title (English and Welsh) and every label as written in
    ``corpus_blind_s`` (the constant strings of two words or more)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_s))):
        if isinstance(node, ast.keyword) and node.arg in ("title", "title_cy", "date_label"):
            found += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Fact":
            found += [a.value for a in node.args[:1] if isinstance(a, ast.Constant)]
            found += [a.value for a in node.args[2:3] if isinstance(a, ast.Constant)]
    return [p for p in found if isinstance(p, str) and len(p.split()) >= 2]


def test_no_organisation_label_or_title_of_s_is_in_an_earlier_family() -> None:
    """S is written in new words: none of its organisations, people, streets, labels or
    titles appears in the modules of A-R."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    s = corpus_blind_s
    orgs = [v for v in vars(s).values() if isinstance(v, s.Org)]
    orgs += [o for v in vars(s).values() if isinstance(v, tuple) for o in v if isinstance(o, s.Org)]
    names = [
        *(o.name for o in orgs), *(o.cy for o in orgs if o.cy),
        *(f"{first} {surname}" for _, first, surname in s.PEOPLE),
        *(street for street, _, _ in s.ADDRESSES),
        "Please tear off along the line", "Payment counterfoil",
        "set out in the summary on the last page",
    ]  # fmt: skip
    assert len(orgs) >= 20
    wording = phrases()
    assert len(wording) > 40
    for name in [*names, *wording]:
        found = [n for n, src in zip(EARLIER, sources, strict=True) if name.casefold() in src]
        assert not found, name


def test_every_true_value_is_printed_on_the_document() -> None:
    for sample in build_s(4):
        for text in (s_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[SSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_and_encode(family: list[SSample]) -> None:
    single = next(s for s in family if len(s.pages) == 1 and not s.style.landscape)
    wide = next(s for s in family if s.style.landscape)
    for scan in SCANS:  # every effect renders, at about the page's size
        page = render(single, 0, scan)
        assert abs(page.size[0] - page_size(single, scan.dpi)[0]) < scan.dpi // 5
    turned = render(wide, 0, SCANS[1])
    assert turned.size[0] > turned.size[1]  # landscape stays landscape
    fax = render(single, 0, SCANS[0])  # black and white only
    assert not sum(fax.histogram()[1:255])
    faint = render(single, 0, SCANS[1])  # grey ink on grey paper: no true black
    assert faint.getextrema()[0] > 60  # type: ignore[operator]
    data, fmt, _ = s_scanned(single, 0)
    assert fmt == "png"
    assert data.startswith(b"\x89PNG")
    data, fmt, _ = s_scanned(single, 1)
    assert fmt == "pdf"
    many = next(s for s in build_s(4) if len(s.pages) == 3)
    data, fmt, _ = s_scanned(many, 0)
    assert fmt == "pdf"
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 3


def digest() -> str:
    samples = build_s(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{s_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert (
        digest_under_another_hash_seed("tests.unit.documents.test_blind_family_s", "3141")
        == digest()
    )


def test_family_s_is_trained_on_only_as_a_read_family() -> None:
    """S is seen since round 11 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert_only_read_family("corpus_blind_s", "S")


# -- the reader on S (seen since round 11, benchmarks/OCR.md) --------------------------------


@pytest.fixture(scope="module")
def s_score(
    family: list[SSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
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
    "document_class": 0.75, "creditor_name": 0.6, "account_reference": 0.6,
    "balance_pence": 0.6, "letter_date": 0.75, "deadline_date": 0.7,
}  # fmt: skip
"""Well under the first measurement (FIRST below): they catch a collapse, not a small loss.
The fields with four documents or fewer here have no floor."""
FIRST = (
    "class 100% (38/38), creditor 83% (25/30), original creditor 50% (1/2), reference 83% "
    "(25/30), balance 83% (25/30), letter date 100% (36/36), deadline 95% (20/21), claim no. "
    "100% (4/4), payer 50% (2/4), income 100% (4/4), gross 100% (2/2), frequency 25% (1/4), "
    "served 0% (0/2) (branch corpuss off cd564ce, field ranker as shipped there)"
)
ROUND_10 = (
    "class 100%, creditor 83% (25/30), original creditor 1/2, reference 87% (26/30), balance "
    "83% (25/30), letter date 100%, deadline 100% (21/21), claim no. 4/4, payer 2/4, income "
    "4/4, gross 2/2, frequency 1/4, served 2/2 (main after round 10: classifier and field "
    "ranker 2026-12-04.10, which never saw S)"
)
ROUND_11 = "every field and the class 100% (38/38 classes)"


def test_family_s_is_read_above_a_collapse_floor(s_score: Score) -> None:
    print("\n" + s_score.table("family S (seen since round 11), perfect text"))
    for field, floor in FLOORS.items():
        assert (s_score.accuracy(field) or 0) >= floor, field


def test_family_s_meets_the_floors(s_score: Score) -> None:
    """Seen since round 11 (its misses read, trained on as a read family), so a
    regression check of a training-side figure, no longer a strict xfail: as shipped
    (rules + classifier and field ranker 2026-12-04.11), ROUND_11 on these 38 documents
    (blind: FIRST, then after round 10: ROUND_10). The issue's floors: 95% for the class,
    90% per field."""
    assert (s_score.accuracy("document_class") or 0) >= 0.95
    for field in TARGET_FIELDS:
        assert (s_score.accuracy(field) or 0) >= 0.9, field
