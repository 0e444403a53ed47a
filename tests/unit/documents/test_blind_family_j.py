"""Held-out family J (``corpus_blind_j.py``), written blind in a twentieth hand (its
organisations and wording new to A-Z, G, E, F and I): the family itself (every class, ground
truth printed, deterministic, laid out on the page, each setting as it says) and that it is
never trained on, and the reader measured on it (blind: aggregates only) on perfect text as
the product reads (the shipped classifier and field ranker). The OCR sample is in
tests/integration/ocr/test_blind_family_j_ocr.py; the figures are in benchmarks/OCR.md
("Family J"). Two documents a class keep this module to a few seconds; the benchmark reads
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
    assert_only_read_family,
    assert_words_on_page,
    digest_under_another_hash_seed,
    meets_floor,
)

from cma_adapters.rules_assistant import classifier, corpus, corpus_blind_j, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_j import (
    DATE_SHAPES,
    NOTE_X,
    ROLL,
    SCANS,
    TEMPLATES,
    JSample,
    JScan,
    build_j,
    j_pages,
    j_scanned,
    j_text,
    merge_code,
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
           "corpus_blind_g", "corpus_blind_e", "corpus_blind_f", "corpus_blind_i",
           "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F and I (and the statements corpus); the blind
ones' sources are only searched by the new-words test, never read by J's author (but I's,
read for its conventions as the task allowed)."""


@pytest.fixture(scope="module")
def family() -> list[JSample]:
    return build_j(2)


@pytest.fixture(scope="module")
def every() -> list[JSample]:
    return build_j(4)


@pytest.fixture(scope="module")
def texts(family: list[JSample]) -> dict[str, str]:
    return {s.name: j_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[JSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: j_pages(s) for s in family}


def test_every_class_has_family_j_with_the_fields_it_yields(
    family: list[JSample], every: list[JSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":J")
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
    assert "Dear [TITLE] [SURNAME]," in text  # the merge codes left in
    assert "[LEFT_OWING_AS_OF_TODAY]" in text
    assert "turn the page for your figures" in text
    assert "OFFICE COPY" in text  # two-up
    assert "(amended)" in text
    assert "THANK YOU - KEEP THIS RECEIPT" in text  # the till roll
    assert "keep for" in text  # the reader's notes
    assert "Money out" in text
    assert "Closing balance" in text
    assert re.search(r"\b\d\d\.\d\d\.\d{4}\b", text)
    assert re.search(r"\b[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4}\b", text)
    assert re.search(r"\b\d{1,2} [A-Z][a-z]{2}\. \d{4}\b", text)
    assert any(len(s.pages) == 2 for s in family)
    assert any(s.style.landscape for s in family)
    assert {s.style.face for s in family} == {"opensans", "carlito", "narrow"}
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == ["04.12.2026", "Fri, 4 Dec 2026", "4 Dec. 2026"]
    assert DATE_SHAPES[2](dt.date(2026, 1, 9)) == "9 Jan. 2026"
    assert plain(123_456) == "1,234.56"
    assert merge_code("Claimant's account ref.") == "[CLAIMANT_S_ACCOUNT_REF]"


def test_a_statement_carries_its_running_balance(every: list[JSample]) -> None:
    """Every transaction row's balance is the last one's plus or minus its amount, from
    the opening balance to the closing one (the last row)."""
    seen = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        lines = j_text(sample).splitlines()
        rows = [line for line in lines if re.match(r"\d\d/\d\d\s", line) and amounts_pence(line)]
        assert "Opening balance" in rows[0], sample.name
        assert "Closing balance" in rows[-1], sample.name
        running = amounts_pence(rows[0])[-1]
        for row in rows[1:-1]:
            change, after = amounts_pence(row)
            assert after in (running - change, running + change), sample.name
            running = after
        assert amounts_pence(rows[-1])[-1] == running, sample.name
    assert seen == 4


def _cells(sample: JSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_merge_codes_stand_before_every_value(every: list[JSample]) -> None:
    """In a merge letter every true value sits on a row after a bracketed code."""
    seen = 0
    for sample in every:
        rows = _cells(sample)
        coded = [r for r in rows if len(r) == 2 and re.fullmatch(r"\[[A-Z0-9_]+\]", r[0].text)]
        if not coded:
            continue
        seen += 1
        found, total = values_in_text(sample.truth, " ".join(r[1].text for r in coded))
        assert found >= total - 1, sample.name  # all but the writer (its letterhead)
    assert seen >= 10


def test_the_figures_of_an_overleaf_letter_are_on_page_two(every: list[JSample]) -> None:
    """Page one says nothing of the figures; page two opens with them in a shaded band."""
    seen = 0
    for sample in every:
        if "turn the page for your figures" not in j_text(sample):
            continue
        seen += 1
        first = j_text(sample).split("\f")[0]
        truth = sample.truth
        for name in ("account_reference", "balance_pence", "letter_date"):
            if (value := getattr(truth, name)) is not None:
                alone = corpus.Truth(document_class=truth.document_class, **{name: value})
                assert not values_in_text(alone, first)[0], sample.name
        band = sample.rects[1][0]
        assert band.first == 0, sample.name
        assert band.fill is not None, sample.name
        inside = " ".join(c.text for row in _cells(sample, 1)[: band.last + 1] for c in row)
        found, total = values_in_text(sample.truth, inside)
        assert found >= total - 1, sample.name
    assert seen >= 10


def test_two_up_repeats_every_row_on_the_right(every: list[JSample]) -> None:
    seen = 0
    for sample in every:
        if not sample.style.landscape:
            continue
        seen += 1
        rows = _cells(sample)
        body = rows[1 : sample.feet[0]]
        for row in body:
            half = len(row) // 2
            assert [c.text for c in row[:half]] == [c.text for c in row[half:]], sample.name
    assert seen >= 10


def test_notes_in_the_hand_and_struck_figures(every: list[JSample]) -> None:
    kinds = dict.fromkeys(("scrawl", "amended", "roll"), 0)
    for sample in every:
        rows = _cells(sample)
        text = j_text(sample)
        if "keep for" in text:
            kinds["scrawl"] += 1
            notes = [c for row in rows for c in row if c.x == NOTE_X]
            assert len(notes) == 4, sample.name
            assert all(c.italic for c in notes), sample.name
            start = next(
                n for n, row in enumerate(rows) if any(c.text.startswith("Dear ") for c in row)
            )
            letter = [c for row in rows[start : sample.feet[0]] for c in row if not c.italic]
            assert all(c.x < 0.67 for c in letter), sample.name
        if "(amended)" in text:
            kinds["amended"] += 1
            assert len(sample.strikes[0]) >= 2, sample.name
            for strike in sample.strikes[0]:
                assert "(amended)" in " ".join(c.text for c in rows[strike.row]), sample.name
        if "KEEP THIS RECEIPT" in text:
            kinds["roll"] += 1
            top = rows[: sample.feet[0]]
            inside = [ROLL[0] - 0.01 <= c.x <= ROLL[1] + 0.01 for r in top for c in r]
            centred = [c.align == "centre" for r in top for c in r]
            assert all(a or b for a, b in zip(inside, centred, strict=True)), sample.name
    assert min(kinds.values()) >= 10, kinds


def phrases() -> tuple[list[str], list[str]]:
    """J's own wording as written in ``corpus_blind_j`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_j))):
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
"""Public bodies every family may name: not J's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_j_is_in_an_earlier_family() -> None:
    """J is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Z, G, E, F and I, nor most of its labels
    (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    j = corpus_blind_j
    orgs = [o for o in vars(j).values() if isinstance(o, j.Org)]
    orgs += [o for v in vars(j).values() if isinstance(v, tuple) for o in v if isinstance(o, j.Org)]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in j.PEOPLE),
        *(street for street, _, _ in j.ADDRESSES),
        "Dear [TITLE] [SURNAME]", "turn the page for your figures", "THANK YOU - KEEP THIS RECEIPT",
        "OFFICE COPY - file",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 3, shared


def test_every_true_value_is_printed_on_the_document(every: list[JSample]) -> None:
    for sample in every:
        for text in (j_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[JSample], every: list[JSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: j_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[JSample]) -> None:
    single = next(s for s in family if len(s.pages) == 1 and not s.style.landscape)
    width, height = page_size(single, SCANS[0].dpi)
    blinds = render(single, 0, SCANS[0], seed=3)
    assert blinds.mode == "RGB"
    assert blinds.size[0] > width  # turned
    plain_page = corpus_blind_j._draw(single, 0, JScan(dpi=200, skew=0.6))
    # the shadow's bands: the paper's brightness swings down a column of the margin
    column = [blinds.getpixel((blinds.width // 30, y))[0] for y in range(height // 4, height // 2)]
    assert max(column) - min(column) > 25
    assert ImageStat.Stat(blinds).mean[0] < ImageStat.Stat(plain_page).mean[0] - 10
    stain = render(single, 0, SCANS[1], seed=3)
    assert stain.mode == "P"
    assert len(stain.getcolors()) <= 16
    rgb = stain.convert("RGB")
    assert any(r - b > 30 for _, (r, g, b) in rgb.getcolors(1 << 16))  # the brown
    barrel = render(single, 0, SCANS[2])
    assert barrel.mode == "L"
    data, fmt, _ = j_scanned(single, 0)
    assert fmt == "jpeg"
    assert data[:3] == b"\xff\xd8\xff"
    data, fmt, _ = j_scanned(single, 1)
    assert fmt == "png"
    assert "dpi" in Image.open(io.BytesIO(data)).info
    assert Image.open(io.BytesIO(data)).mode == "P"
    data, fmt, _ = j_scanned(single, 4)
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    data, fmt, _ = j_scanned(single, 2)
    assert fmt == "tiff"
    assert Image.open(io.BytesIO(data)).info["compression"] == "tiff_adobe_deflate"
    two = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = j_scanned(two, 1)
    assert fmt == "pdf"
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2


def test_the_wide_lens_bows_a_straight_rule() -> None:
    """A horizontal line near the top of the page dips towards the edges' middle: drawn
    from nearer the centre there, it lies further from the centre in the image."""
    page = Image.new("RGB", (600, 800), (255, 255, 255))
    page.paste((0, 0, 0), (0, 100, 600, 104))
    bowed = corpus_blind_j._barrel(page)
    ys_at = {x: [y for y in range(800) if bowed.getpixel((x, y)) < 128] for x in (20, 300)}
    assert ys_at[300]
    assert ys_at[20]
    assert min(ys_at[300]) < min(ys_at[20])


def digest() -> str:
    samples = build_j(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{j_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_j") == digest()


def test_family_j_is_trained_on_only_as_a_read_family() -> None:
    """J is seen since round 28 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "J" in read_families.READ
    assert "corpus_blind_j" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_j", "J")


# -- the reader on J (seen since round 28, benchmarks/OCR.md) ----------------------------------


@pytest.fixture(scope="module")
def j_score(
    family: list[JSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 90% (27/30), original creditor 2/2, reference 100% (30/30), "
    "balance 80% (24/30), letter date 86% (31/36), deadline 79% (19/24), claim no. 4/4, "
    "payer 4/4, income 4/4, gross 2/2, frequency 4/4, served 2/2 (branch corpusj off "
    "379343e = main's round-19 reader, shipped classifier and field ranker 2026-12-05.19; "
    "on 76 documents: benchmarks/OCR.md, 'Family J')"
)
"""The first measurement, blind (38 documents here)."""
ROUND_28 = (
    "class 38/38 and every field 100% (creditor 30/30, balance 30/30, letter date 36/36, "
    "deadline 24/24 ...): rules of round 28, models 2026-12-05.27 and .28"
)
"""As shipped after round 28, which read J's misses (training-side): the balance, the letter
date and the deadline meet their floors (plain assertions; figures corrected in place, two
copies side by side, merge codes for labels, a sum with its fee added, notes in the hand)."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.6, "balance_pence": 0.6, "letter_date": 0.6}
"""Well under the first measurement of the fields that every debt letter states: a
collapse, not a small loss."""


def test_family_j_is_read_above_a_collapse_floor(j_score: Score) -> None:
    print("\n" + j_score.table("family J (seen since round 28), perfect text"))
    assert j_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (j_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_j_meets_the_floor(j_score: Score, field: str) -> None:
    """Seen since round 28, so a regression check of a training-side figure, no longer a
    strict xfail: ROUND_28 (blind, first measurement: FIRST). The issue's floors: 95% for
    the class, 90% for each field the documents state."""
    assert meets_floor(j_score.accuracy(field), field), field
