"""Held-out family I (``corpus_blind_i.py``), written blind in a nineteenth hand (its
organisations and wording new to A-Z, G, E and F): the family itself (every class, ground
truth printed, deterministic, laid out on the page, each setting as it says) and that it is
never trained on, and the reader measured on it (blind: aggregates only) on perfect text as
the product reads (the shipped classifier and field ranker). The OCR sample is in
tests/integration/ocr/test_blind_family_i_ocr.py; the figures are in benchmarks/OCR.md
("Family I"). Two documents a class keep this module to a few seconds; the benchmark reads
four."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import inspect
import io
import re
from importlib import import_module

import pytest
from PIL import Image, ImageStat
from tests.unit.documents.blind_families import (
    DEBT,
    YIELDS,
    amounts_pence,
    assert_never_trained_on,
    assert_words_on_page,
    digest_under_another_hash_seed,
    floor_params,
    meets_floor,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_i, ranker
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_i import (
    DATE_SHAPES,
    MARGIN_X,
    SCANS,
    TEMPLATES,
    ISample,
    IScan,
    build_i,
    i_pages,
    i_scanned,
    i_text,
    page_size,
    plain,
    render,
    values_in_text,
)
from cma_adapters.rules_assistant.corpus_print import PrintCell
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass
EARLIER = ("corpus", "corpus_families", "corpus_blind", "corpus_blind_m", "corpus_blind_n",
           "corpus_blind_o", "corpus_blind_p", "corpus_blind_q", "corpus_blind_r",
           "corpus_blind_s", "corpus_blind_t", "corpus_blind_u", "corpus_blind_v",
           "corpus_blind_w", "corpus_blind_x", "corpus_blind_y", "corpus_blind_z",
           "corpus_blind_g", "corpus_blind_e", "corpus_blind_f", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E and F (and the statements corpus); the blind
ones' sources are only searched by the new-words test, never read by I's author."""


@pytest.fixture(scope="module")
def family() -> list[ISample]:
    return build_i(2)


@pytest.fixture(scope="module")
def every() -> list[ISample]:
    return build_i(4)


@pytest.fixture(scope="module")
def texts(family: list[ISample]) -> dict[str, str]:
    return {s.name: i_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[ISample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: i_pages(s) for s in family}


def test_every_class_has_family_i_with_the_fields_it_yields(
    family: list[ISample], every: list[ISample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":I")
        for field in YIELDS.get(sample.truth.document_class, DEBT):
            assert getattr(sample.truth, field) is not None, (sample.name, field)
        if sample.truth.document_class is C.OTHER:
            assert not values_in_text(sample.truth, texts[sample.name])[1]
    # each class in two settings: its two documents are laid out differently
    for cls in DocumentClass:
        first, second = (s for s in family if s.truth.document_class is cls)
        shape = [[len(r) for r in p] for p in first.pages]
        assert shape != [[len(r) for r in p] for p in second.pages], cls
    text = "\n".join(texts.values())
    assert "please read overleaf" in text  # the leaflet's back
    assert "At a glance" in text
    assert "Your account in figures" in text  # figures first
    assert "With compliments" in text  # the compliments slip
    assert " · " in text  # the run-on strip
    assert re.search(r"\.{20,}", text)  # the dot leaders
    assert "Your pay in figures" in text
    assert "Carried forward" in text
    assert re.search(r"\b\d\d-[A-Z][a-z]{2}-\d{4}\b", text)
    assert re.search(r"\b\d{1,2}/\d{1,2}/\d{4}\b", text)
    assert any(len(s.pages) == 2 for s in family)
    assert {s.style.face for s in family} == {"bookman", "gothic", "dejavu"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == ["4 December 2026", "04-Dec-2026", "4/12/2026"]
    assert DATE_SHAPES[2](dt.date(2026, 1, 9)) == "9/1/2026"
    assert plain(123_456) == "1,234.56"


def test_a_statement_carries_its_running_balance(every: list[ISample]) -> None:
    """Every transaction row's balance is the last one's plus or minus its amount, from
    the balance brought forward to the one carried forward (the last row)."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        lines = i_text(sample).splitlines()
        rows = [
            line
            for line in lines
            if re.match(r"\d\d [A-Z][a-z]{2}\s", line) and amounts_pence(line)
        ]
        assert "Brought forward" in rows[0], sample.name
        assert "Carried forward" in rows[-1], sample.name
        running = amounts_pence(rows[0])[-1]
        for row in rows[1:-1]:
            change, after = amounts_pence(row)
            assert after in (running - change, running + change), sample.name
            running = after
        assert amounts_pence(rows[-1])[-1] == running, sample.name
    assert seen == 4


def _cells(sample: ISample) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[0]]


def test_the_margin_notes_repeat_the_figures_beside_a_narrow_column(every: list[ISample]) -> None:
    """On the leaflet's back the letter keeps left of the notes, and every true value but
    the writer's name is in its margin notes (small italic labels, bold values)."""
    seen = 0
    for sample in every:
        rows = _cells(sample)
        if not any(c.text == "At a glance" for row in rows for c in row):
            continue
        seen += 1
        notes = " ".join(c.text for row in rows for c in row if c.x == MARGIN_X)
        found, total = values_in_text(sample.truth, notes)
        assert found >= total - 1, sample.name  # all but the writer (its letterhead)
        foot = sample.feet[0] or len(rows)
        start = next(
            n for n, row in enumerate(rows) if any(c.text.startswith("Dear ") for c in row)
        )
        for row in rows[start:foot]:
            assert all(c.x < MARGIN_X for c in row if c.x != MARGIN_X), sample.name
    assert seen >= 10


def test_labels_below_sit_under_their_values_on_a_rule(every: list[ISample]) -> None:
    """The signature-line form: a row of bold values, a rule under each, and a row of small
    labels at the same x under them."""
    seen = 0
    for sample in every:
        rows = _cells(sample)
        if "Date of this notice" not in " ".join(c.text for row in rows for c in row):
            continue
        seen += 1
        n = next(
            k for k, row in enumerate(rows) if any(c.text == "Date of this notice" for c in row)
        )
        values, labels = rows[n - 1], rows[n]
        assert [c.x for c in values] == [c.x for c in labels], sample.name
        assert all(c.bold for c in values)
        assert all(c.size < sample.style.point for c in labels)
        assert {r.row for r in sample.rules[0]} >= {n}, sample.name
    assert seen >= 10


def test_figures_come_first_and_leaders_join_labels_to_values(every: list[ISample]) -> None:
    kinds = dict.fromkeys(("figures", "leaders", "slip", "runon"), 0)
    for sample in every:
        rows = _cells(sample)
        text = i_text(sample)
        if "in figures" in text:
            kinds["figures"] += 1
            listed = [r for r in rows if len(r) == 2 and r[0].align == "right" and r[0].bold]
            assert len(listed) >= 2, sample.name
            assert not any(c.text.endswith(":") for r in listed for c in r), sample.name
        if re.search(r"\.{20,}", text):
            kinds["leaders"] += 1
            led = [r for r in rows if len(r) == 3 and set(r[1].text) == {"."}]
            assert len(led) >= 4, sample.name
            assert all(r[2].align == "right" for r in led), sample.name
        if "With compliments" in text:
            kinds["slip"] += 1
            assert len(rows) < 30, sample.name  # the top third: the rest of the sheet blank
        if " · " in text:
            kinds["runon"] += 1
            assert sample.rects[0], sample.name
            assert sample.rects[0][0].fill is not None, sample.name
    assert min(kinds.values()) >= 8, kinds


def phrases() -> tuple[list[str], list[str]]:
    """I's own wording as written in ``corpus_blind_i`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_i))):
        if isinstance(node, ast.keyword) and node.arg == "title":
            titles += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword) and node.arg == "ref_label":
            labels += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword | ast.Assign) and isinstance(node.value, ast.List):
            for pair in node.value.elts:
                if isinstance(pair, ast.Tuple) and len(pair.elts) == 2:
                    labels += [e.value for e in pair.elts[:1] if isinstance(e, ast.Constant)]
    return (
        [p for p in titles if isinstance(p, str) and len(p.split()) >= 2],
        sorted({p for p in labels if isinstance(p, str) and len(p.split()) >= 2}),
    )


STATE = ("Department for Work and Pensions",)
"""Public bodies every family may name: not I's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_i_is_in_an_earlier_family() -> None:
    """I is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Z, G, E and F, nor most of its labels
    (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    i = corpus_blind_i
    orgs = [o for o in vars(i).values() if isinstance(o, i.Org)]
    orgs += [o for v in vars(i).values() if isinstance(v, tuple) for o in v if isinstance(o, i.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in i.PEOPLE),
        *(street for street, _, _ in i.ADDRESSES),
        "Your account in figures", "please read overleaf", "Your pay in figures",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 3, shared


def test_every_true_value_is_printed_on_the_document(every: list[ISample]) -> None:
    for sample in every:
        for text in (i_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[ISample], every: list[ISample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: i_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[ISample]) -> None:
    single = next(s for s in family if len(s.pages) == 1)
    width, _ = page_size(single, SCANS[0].dpi)
    pink = render(single, 0, SCANS[0], seed=3)
    assert pink.mode == "L"  # scanned in greyscale
    assert pink.size[0] > width  # turned
    assert 200 < ImageStat.Stat(pink).median[0] < 240  # pink paper reads as a light grey
    ghost = render(single, 0, SCANS[1])
    plain_scan = corpus_blind_i._draw(single, 0, IScan(dpi=300, skew=-0.3))
    assert ghost.mode == "L"
    assert ImageStat.Stat(ghost).mean[0] < ImageStat.Stat(plain_scan.convert("L")).mean[0]
    lid = render(single, 0, SCANS[2])
    w, h = page_size(single, SCANS[2].dpi)
    assert lid.width > w * 1.05
    assert lid.height > h * 1.05
    assert ImageStat.Stat(lid.crop((0, 0, 8, 8))).mean[0] < 30
    middle = (lid.width // 2, lid.height // 2, lid.width // 2 + 20, lid.height // 2 + 20)
    assert ImageStat.Stat(lid.crop(middle)).mean[0] > 150
    data, fmt, _ = i_scanned(single, 0)
    assert fmt == "png"
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = i_scanned(single, 3)
    assert Image.open(io.BytesIO(data)).info["dpi"][0] == pytest.approx(200, abs=1)
    data, fmt, _ = i_scanned(single, 1)
    assert fmt == "tiff"
    assert Image.open(io.BytesIO(data)).info["compression"] == "tiff_lzw"
    data, fmt, _ = i_scanned(single, 2)
    assert fmt == "jpeg"
    assert data[:3] == b"\xff\xd8\xff"
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = i_scanned(two, 1)
    assert fmt == "pdf"
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2


def digest() -> str:
    samples = build_i(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{i_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_i") == digest()


def test_family_i_is_never_used_to_train_or_calibrate() -> None:
    assert_never_trained_on("corpus_blind_i", "I")


# -- the reader on I (measured once, blind, benchmarks/OCR.md) --------------------------------


@pytest.fixture(scope="module")
def i_score(
    family: list[ISample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 100% (30/30), original creditor 2/2, reference 97% (29/30), "
    "balance 100% (30/30), letter date 97% (35/36), deadline 96% (23/24), claim no. 4/4, "
    "payer 4/4, income 4/4, gross 2/2, frequency 4/4, served 2/2 (branch corpusi off "
    "ea3738d = main's round-18 reader, shipped classifier and field ranker 2026-12-05.18; "
    "on 76 documents: benchmarks/OCR.md, 'Family I')"
)
"""The first measurement (38 documents here): every floor met, so no strict xfail."""
UNMET: frozenset[str] = frozenset()
"""The floors not met at the first measurement (none on these 38)."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.6, "balance_pence": 0.6, "letter_date": 0.6}
"""Well under the first measurement of the fields that every debt letter states: a
collapse, not a small loss."""


def test_family_i_is_read_above_a_collapse_floor(i_score: Score) -> None:
    print("\n" + i_score.table("held-out family I (written blind), perfect text"))
    assert i_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (i_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize(
    "field",
    floor_params(TARGETS, UNMET, f"I blind, first measurement under the issue's floor: {FIRST}"),
)
def test_family_i_meets_the_floor(i_score: Score, field: str) -> None:
    """The issue's floors: 95% for the class, 90% for each field the documents state."""
    assert meets_floor(i_score.accuracy(field), field), field
