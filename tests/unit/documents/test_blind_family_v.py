"""Family V (``corpus_blind_v.py``), written blind in an eleventh hand (its organisations
and wording new to A-U) and measured blind on round 12 (and by the lead on round 13); seen
since round 14, which read its misses and trains on it as a read family
(``read_families``): the family itself (every class, ground truth printed, deterministic,
laid out on the page) and the reader measured on it on perfect text, as the product reads
(the shipped classifier and field ranker). The OCR sample is in
tests/integration/ocr/test_blind_family_v_ocr.py; the figures are in benchmarks/OCR.md
("Family V", "Round 14"). Being seen, V's figures here are training-side figures. Two
documents a class keep this module to a few seconds; the benchmark reads four."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import inspect
import re
from importlib import import_module

import pytest
from PIL import ImageStat
from tests.unit.documents.blind_families import (
    DEBT,
    YIELDS,
    assert_only_read_family,
    assert_words_on_page,
    digest_under_another_hash_seed,
    meets_floor,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_v, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_v import (
    DATE_SHAPES,
    SCANS,
    TEMPLATES,
    VSample,
    build_v,
    minus,
    page_size,
    render,
    starred,
    v_pages,
    v_scanned,
    v_text,
    values_in_text,
)
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass
EARLIER = ("corpus", "corpus_families", "corpus_blind", "corpus_blind_m", "corpus_blind_n",
           "corpus_blind_o", "corpus_blind_p", "corpus_blind_q", "corpus_blind_r",
           "corpus_blind_s", "corpus_blind_t", "corpus_blind_u", "statements_corpus")  # fmt: skip
"""The modules of families A-K and L-U (and the statements corpus)."""


@pytest.fixture(scope="module")
def family() -> list[VSample]:
    return build_v(2)


@pytest.fixture(scope="module")
def texts(family: list[VSample]) -> dict[str, str]:
    return {s.name: v_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[VSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: v_pages(s) for s in family}


def test_every_class_has_family_v_with_the_fields_it_yields(
    family: list[VSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in build_v(4)} == set(DocumentClass)
    assert len(build_v(4)) >= 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":V")
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
    assert "Key facts" in every
    assert "Key to the boxes" in every  # numbered boxes
    assert "COMPUTER PRINTED" in every  # the dot-matrix page
    assert re.search(r"[A-Z ]+ \.{5,}", every)  # its dot leaders
    assert "£***" in every
    assert "P.S. " in every
    assert "REMINDER" in every  # the half-sheet postcard
    assert "IT IS ORDERED THAT" in every
    assert "- and -" in every
    assert "NOTICE" in every
    assert "ACCOUNT SUMMARY" in every
    assert "Previous balance" in every
    assert re.search(r"\d\.\d\d-\n", every)  # a credit with a trailing minus
    assert "Please turn over" in every
    assert "YEAR TO DATE" in every
    assert "What the boxes show" in every
    assert any(len(s.pages) == 2 for s in family)
    assert any(s.style.half for s in family)
    assert any(s.style.sprockets for s in family)
    assert {s.style.face for s in family} == {"bookman", "palatino", "narrow", "mono"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == [
        "4-12-2026", "04/12/26", "Fri 4th Dec 2026", "4 December, 2026",
    ]  # fmt: skip
    assert [DATE_SHAPES[2](dt.date(2026, 12, n)) for n in (1, 2, 3, 11, 12, 13, 21, 22, 23)] == [
        "Tue 1st Dec 2026", "Wed 2nd Dec 2026", "Thu 3rd Dec 2026", "Fri 11th Dec 2026",
        "Sat 12th Dec 2026", "Sun 13th Dec 2026", "Mon 21st Dec 2026", "Tue 22nd Dec 2026",
        "Wed 23rd Dec 2026",
    ]  # fmt: skip
    assert starred(123_456) == "£***1,234.56"
    assert minus(5) == "0.05-"


def test_an_account_summary_over_two_pages_keeps_what_is_owed_on_page_2() -> None:
    """The letter on page 1 (its date and the reference, none of the sums), the summary,
    the new balance and the date to act by on page 2; the previous balance is never what
    is owed."""
    seen = 0
    for sample in build_v(4):
        if len(sample.pages) != 2 or sample.truth.document_class is C.BANK_STATEMENT:
            continue
        seen += 1
        first, second = v_text(sample).split("\f")
        owed = corpus.Truth(document_class=C.OTHER, balance_pence=sample.truth.balance_pence)
        assert values_in_text(owed, first) == (0, 1), sample.name
        assert values_in_text(owed, second) == (1, 1), sample.name
        dated = corpus.Truth(document_class=C.OTHER, letter_date=sample.truth.letter_date)
        assert values_in_text(dated, first) == (1, 1), sample.name
        if sample.truth.deadline_date:
            by = corpus.Truth(document_class=C.OTHER, deadline_date=sample.truth.deadline_date)
            assert values_in_text(by, first) == (0, 1), sample.name
            assert values_in_text(by, second) == (1, 1), sample.name
        assert first.splitlines()[:2] == second.splitlines()[:2], sample.name  # the header
        previous = re.search(r"Previous balance +([\d,]+\.\d\d)", second)
        new = re.search(r"New balance +([\d,]+\.\d\d)", second)
        assert previous, sample.name
        assert new, sample.name
        assert new[1] == f"{sample.truth.balance_pence / 100:,.2f}" != previous[1], sample.name
    assert seen >= 6


def test_a_postscript_never_carries_what_is_owed() -> None:
    seen = 0
    for sample in build_v(4):
        text = v_text(sample)
        if "P.S. " not in text:
            continue
        seen += 1
        ps = text.split("P.S. ", 1)[1]
        assert re.search(r"£\**[\d,]+\.\d\d", ps), sample.name
        owed = corpus.Truth(document_class=C.OTHER, balance_pence=sample.truth.balance_pence)
        assert values_in_text(owed, ps) == (0, 1), sample.name
    assert seen >= 6


def phrases() -> tuple[list[str], list[str]]:
    """V's own wording as written in ``corpus_blind_v`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_v))):
        if isinstance(node, ast.keyword) and node.arg == "title":
            titles += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword) and node.arg in ("ref_label", "owed_label"):
            labels += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword | ast.Assign) and isinstance(node.value, ast.List):
            for pair in node.value.elts:
                if isinstance(pair, ast.Tuple) and len(pair.elts) == 2:
                    labels += [e.value for e in pair.elts[:1] if isinstance(e, ast.Constant)]
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions", "HM Revenue and Customs", "The Pension Service")
"""Public bodies every family may name: not V's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_v_is_in_an_earlier_family() -> None:
    """V is written in new words: none of its organisations (but the DWP, HMRC and the
    Pension Service), people, streets or titles appears in the modules of A-U, nor most of
    its labels (real letters share the plainest ones: "Claim number", "Weekly rent")."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    v = corpus_blind_v
    orgs = [o for o in vars(v).values() if isinstance(o, v.Org)]
    orgs += [o for x in vars(v).values() if isinstance(x, tuple) for o in x if isinstance(o, v.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in v.PEOPLE),
        *(street for street, _, _ in v.ADDRESSES),
        "Key to the boxes", "What the boxes show", "COMPUTER PRINTED, NO SIGNATURE NEEDED",
        "Please turn over for your account summary", "by the court without a hearing",
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
    for sample in build_v(4):
        for text in (v_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[VSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(build_v(4), {s.name: v_pages(s) for s in build_v(4)}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[VSample]) -> None:
    single = next(s for s in family if len(s.pages) == 1 and not s.style.half)
    for scan in SCANS:  # every effect renders; the turn widens the page
        page = render(single, 0, scan)
        width, height = page_size(single, scan.dpi)
        assert page.size[0] > width + height * 0.003
        assert scan.dpi in (200, 204, 240)
    half = next(s for s in family if s.style.half)
    width, height = page_size(half, 200)
    assert width > height
    assert height < page_size(single, 200)[1] * 0.6
    ringed = render(single, 0, SCANS[0], seed=3)  # the ring moves with the seed
    assert ringed.tobytes() == render(single, 0, SCANS[0], seed=3).tobytes()
    assert ringed.tobytes() != render(single, 0, SCANS[0], seed=4).tobytes()
    photo = render(single, 0, SCANS[1])
    w, h = photo.size
    left, right = photo.crop((0, 0, w // 3, h)), photo.crop((2 * w // 3, 0, w, h))
    light = ImageStat.Stat(left).mean[0], ImageStat.Stat(right).mean[0]
    assert abs(light[0] - light[1]) > 5  # light falls off across the photo
    fax = render(single, 0, SCANS[2])
    assert [n for n, count in enumerate(fax.histogram()) if count] == [0, 255]
    top = fax.crop((0, 0, fax.size[0], round(0.035 * fax.size[1])))
    assert top.getextrema()[0] == 0  # the fax header line
    sprocketed = next(s for s in family if s.style.sprockets and len(s.pages) == 1)
    margin = render(sprocketed, 0, SCANS[0]).crop((0, 0, round(0.03 * 8.27 * 200), 400))
    assert margin.getextrema()[0] < 100  # type: ignore[operator,index]  # a sprocket hole
    data, fmt, _ = v_scanned(single, 1)
    assert fmt == "jpeg"
    assert data.startswith(b"\xff\xd8\xff")
    data, fmt, _ = v_scanned(single, 3)
    assert fmt == "png"
    assert data.startswith(b"\x89PNG")
    data, fmt, _ = v_scanned(single, 2)
    assert fmt == "pdf"
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = v_scanned(two, 0)
    assert fmt == "pdf"
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2


def digest() -> str:
    samples = build_v(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{v_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_v") == digest()


def test_family_v_is_trained_on_only_as_a_read_family() -> None:
    """V is seen since round 14 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "V" in read_families.READ
    assert "corpus_blind_v" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_v", "V")


# -- the reader on V (seen since round 14, benchmarks/OCR.md) --------------------------------


@pytest.fixture(scope="module")
def v_score(
    family: list[VSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 83% (25/30), original creditor 1/2, reference 87% (26/30), "
    "balance 100% (30/30), letter date 94% (34/36), deadline 91% (21/23), claim no. 4/4, "
    "payer 4/4, income 3/4, gross 2/2, frequency 4/4, served 2/2 (branch corpusv off e3ee8e0 "
    "= main's round-12 reader, shipped classifier and field ranker 2026-12-04.12; on 76 "
    "documents: benchmarks/OCR.md, 'Family V')"
)
"""The first measurement (38 documents here), blind."""
ROUND_14 = "every field and the class 100% (38/38 classes)"
"""As shipped after round 14 (rules + classifier and field ranker 2026-12-04.14)."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.6, "account_reference": 0.65, "income_pence": 0.5}
"""Well under the first measurement of the fields under their floor: a collapse, not a
small loss."""


def test_family_v_is_read_above_a_collapse_floor(v_score: Score) -> None:
    print("\n" + v_score.table("family V (seen since round 14), perfect text"))
    assert v_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (v_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_v_meets_the_floor(v_score: Score, field: str) -> None:
    """Seen since round 14 (its misses read, trained on as a read family), so a
    regression check of a training-side figure, no longer a strict xfail: as shipped,
    ROUND_14 on these 38 documents (blind, first measurement: FIRST; creditor, original
    creditor, reference and income were under the floor). The issue's floors: 95% for the
    class, 90% for each field the documents state."""
    assert meets_floor(v_score.accuracy(field), field), field
