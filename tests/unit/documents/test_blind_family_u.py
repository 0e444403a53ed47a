"""Family U (``corpus_blind_u.py``), written blind in a tenth hand (its organisations and
wording new to A-T) and measured blind once on round 11 (and by the lead on round 12);
seen since round 13, which read its misses and trains on it as a read family
(``read_families``): the family itself (every class, ground truth printed, deterministic,
laid out on the page) and the reader measured on it on perfect text, as the product reads
(the shipped classifier and field ranker). The OCR sample is in
tests/integration/ocr/test_blind_family_u_ocr.py; the figures are in benchmarks/OCR.md
("Family U", "Round 13"). Being seen, U's figures here are training-side figures. Two
documents a class keep this module to a few seconds; the benchmark reads four."""

from __future__ import annotations

import ast
import hashlib
import inspect
import re
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

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_u, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_u import (
    DATE_SHAPES,
    SCANS,
    TEMPLATES,
    USample,
    build_u,
    gbp,
    page_size,
    render,
    u_pages,
    u_scanned,
    u_text,
    values_in_text,
)
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass
EARLIER = ("corpus", "corpus_families", "corpus_blind", "corpus_blind_m", "corpus_blind_n",
           "corpus_blind_o", "corpus_blind_p", "corpus_blind_q", "corpus_blind_r",
           "corpus_blind_s", "corpus_blind_t", "statements_corpus")  # fmt: skip
"""The modules of families A-K and L-T (and the statements corpus)."""


@pytest.fixture(scope="module")
def family() -> list[USample]:
    return build_u(2)


@pytest.fixture(scope="module")
def texts(family: list[USample]) -> dict[str, str]:
    return {s.name: u_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[USample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: u_pages(s) for s in family}


def test_every_class_has_family_u_with_the_fields_it_yields(
    family: list[USample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in build_u(4)} == set(DocumentClass)
    assert len(build_u(4)) >= 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":U")
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
    assert "If undelivered please return to:" in every  # the window letter
    assert "IMPORTANT - PLEASE READ" in every
    assert "STATEMENT OF YOUR ACCOUNT" in every  # the ledger
    assert "Carried to next sheet" in every
    assert "From previous sheet" in every
    assert re.search(r"\d,?\d*\.\d\d Dr\n", every)  # a ledger's balance column
    assert "Notice details" in every
    assert "(tick one box)" in every
    assert "To date" in every
    assert "Cumulative" in every
    assert " Cr" in every  # the bank statement's balance column
    assert "GBP " in every
    assert re.search(r"\b\d\dp\b", every)  # a pence-only figure
    assert re.search(r"\d+\.\d\dp (per kWh|a day)", every)
    assert any(len(s.pages) == 2 for s in family)
    assert any(s.style.landscape for s in family)
    assert {s.style.face for s in family} == {"gothic", "schoolbook", "opensans"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    import datetime as dt

    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == [
        "4/12/2026", "04 Dec 2026", "4 Dec '26", "4 December 2026 (Fri)",
    ]  # fmt: skip
    assert gbp(123_456) == "GBP 1,234.56"
    assert gbp(5) == "GBP 0.05"


def test_a_ledger_over_two_pages_keeps_what_is_owed_on_page_2() -> None:
    """The statement of account carried forward: the date and reference on page 1 (with
    the header and older balances), the closing balance and the date to act by on page 2,
    the same header and registration footer on both."""
    seen = 0
    for sample in build_u(4):
        if len(sample.pages) != 2 or sample.truth.document_class is C.BANK_STATEMENT:
            continue
        seen += 1
        first, second = u_text(sample).split("\f")
        owed = corpus.Truth(document_class=C.OTHER, balance_pence=sample.truth.balance_pence)
        assert values_in_text(owed, first) == (0, 1), sample.name
        assert values_in_text(owed, second) == (1, 1), sample.name
        dated = corpus.Truth(document_class=C.OTHER, letter_date=sample.truth.letter_date)
        assert values_in_text(dated, first) == (1, 1), sample.name
        if sample.truth.deadline_date:
            by = corpus.Truth(document_class=C.OTHER, deadline_date=sample.truth.deadline_date)
            assert values_in_text(by, first) == (0, 1), sample.name
            assert values_in_text(by, second) == (1, 1), sample.name
        assert first.splitlines()[:4] == second.splitlines()[:4], sample.name  # the header
        feet = [
            next(x for x in p.splitlines() if f"Page {n} of 2" in x)
            for n, p in ((1, first), (2, second))
        ]
        assert feet[0][:40] == feet[1][:40], sample.name
        # only the last row's balance is owed: the rows above it carry older balances
        balances = re.findall(r"([\d,]+\.\d\d) Dr", second)
        assert balances[-1] == f"{sample.truth.balance_pence / 100:,.2f}", sample.name
        assert len(re.findall(r"([\d,]+\.\d\d) Dr", first)) >= 3, sample.name
    assert seen >= 8


def phrases() -> tuple[list[str], list[str]]:
    """U's own wording as written in ``corpus_blind_u`` (the constant strings of two words
    or more): its titles, and its labels (references' and the summaries')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_u))):
        if isinstance(node, ast.keyword) and node.arg == "title":
            titles += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword) and node.arg == "ref_label":
            labels += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword) and node.arg == "summary":
            for pair in getattr(node.value, "elts", ()):
                labels += [e.value for e in pair.elts[:1] if isinstance(e, ast.Constant)]
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions", "HM Revenue and Customs")
"""Public bodies every family may name: not U's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_u_is_in_an_earlier_family() -> None:
    """U is written in new words: none of its organisations (but the DWP and HMRC),
    people, streets or titles appears in the modules of A-T, nor most of its labels (real
    letters share the plainest ones: "Court fee", "Claim no.")."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    u = corpus_blind_u
    orgs = [v for v in vars(u).values() if isinstance(v, u.Org)]
    orgs += [o for v in vars(u).values() if isinstance(v, tuple) for o in v if isinstance(o, u.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in u.PEOPLE),
        *(street for street, _, _ in u.ADDRESSES),
        "If undelivered please return to", "IMPORTANT - PLEASE READ", "Carried to next sheet",
        "From previous sheet", "Tell us what you will do",
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
    for sample in build_u(4):
        for text in (u_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[USample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_skewed_and_encode(family: list[USample]) -> None:
    single = next(s for s in family if len(s.pages) == 1 and not s.style.landscape)
    for scan in SCANS:  # every effect renders; the skew (0.7-1.9 degrees) widens the page
        page = render(single, 0, scan)
        width, height = page_size(single, scan.dpi)
        assert 0.7 <= abs(scan.skew) <= 1.9
        assert page.size[0] > width + height * 0.01
        assert scan.dpi in range(150, 301)
    wide = next(s for s in family if s.style.landscape)
    assert render(wide, 0, SCANS[0]).size[0] > render(wide, 0, SCANS[0]).size[1]
    again = render(single, 0, SCANS[0], seed=3)  # the crease moves with the seed
    assert again.tobytes() == render(single, 0, SCANS[0], seed=3).tobytes()
    assert again.tobytes() != render(single, 0, SCANS[0], seed=4).tobytes()
    black_white = render(single, 0, SCANS[1])
    assert [n for n, count in enumerate(black_white.histogram()) if count] == [0, 255]
    holed = render(single, 0, SCANS[2])
    h = holed.size[1]
    hole = holed.crop((0, h // 3 - 20, SCANS[2].dpi // 2, h // 3 + 20))
    assert hole.getextrema()[0] < 60  # type: ignore[operator,index]  # a punched hole
    data, fmt, _ = u_scanned(single, 0)
    assert fmt == "png"
    assert data.startswith(b"\x89PNG")
    data, fmt, _ = u_scanned(single, 1)
    assert fmt == "pdf"
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = u_scanned(two, 0)
    assert fmt == "pdf"
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2


def digest() -> str:
    samples = build_u(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{u_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_u") == digest()


def test_family_u_is_trained_on_only_as_a_read_family() -> None:
    """U is seen since round 13 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "U" in read_families.READ
    assert "corpus_blind_u" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_u", "U")


# -- the reader on U (seen since round 13, benchmarks/OCR.md) --------------------------------


@pytest.fixture(scope="module")
def u_score(
    family: list[USample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 100% (30/30), original creditor 2/2, reference 100% "
    "(30/30), balance 87% (26/30), letter date 100% (36/36), deadline 100% (23/23), claim no. "
    "4/4, payer 4/4, income 4/4, gross 2/2, frequency 3/4, served 2/2 (branch corpusu at "
    "2986b4d off 400b69f = main's round-11 reader, shipped classifier and field ranker; on 76 "
    "documents: benchmarks/OCR.md, 'Family U')"
)
"""The first measurement (38 documents here), blind."""
ROUND_13 = "every field and the class 100% (38/38 classes)"
"""As shipped after round 13 (rules + classifier and field ranker 2026-12-04.13)."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"balance_pence": 0.65, "frequency": 0.5}
"""Well under the first measurement of the fields under their floor: a collapse, not a
small loss."""


def test_family_u_is_read_above_a_collapse_floor(u_score: Score) -> None:
    print("\n" + u_score.table("family U (seen since round 13), perfect text"))
    assert u_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (u_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_u_meets_the_floor(u_score: Score, field: str) -> None:
    """Seen since round 13 (its misses read, trained on as a read family), so a
    regression check of a training-side figure, no longer a strict xfail: as shipped,
    ROUND_13 on these 38 documents (blind, first measurement: FIRST; balance and frequency
    were under the floor). The issue's floors: 95% for the class, 90% for each field the
    documents state."""
    assert meets_floor(u_score.accuracy(field), field), field
