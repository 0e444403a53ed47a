"""Family AC (``corpus_blind_ac.py``), written blind in a twenty-third hand (its
organisations and wording new to A-Z, G, E, F, I, J, AA and AB) and measured blind on rounds
21 to 24; seen since round 25, which read its misses and trains on it as a read family
(``read_families``): the family itself (every class, ground truth printed, deterministic,
laid out on the page, each setting as it says) and the reader measured on it on perfect
text, as the product reads (the shipped classifier and field ranker). The OCR sample is in
tests/integration/ocr/test_blind_family_ac_ocr.py; the figures are in benchmarks/OCR.md
("Family AC", "Round 25"). Being seen, AC's figures here are training-side figures. Two
documents a class keep this module to a few seconds; the benchmark reads four."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import inspect
import io
import re
from importlib import import_module

import numpy as np
import pytest
from PIL import Image
from tests.unit.documents.blind_families import (
    DEBT,
    YIELDS,
    assert_only_read_family,
    assert_words_on_page,
    digest_under_another_hash_seed,
    meets_floor,
)

from cma_adapters.rules_assistant import (
    classifier,
    corpus,
    corpus_blind_ac,
    ranker,
    read_families,
)
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Score, sample_text, score
from cma_adapters.rules_assistant.corpus_blind_ac import (
    DATE_SHAPES,
    LARGE,
    SCANS,
    TEMPLATES,
    ACSample,
    ac_pages,
    ac_scanned,
    ac_text,
    build_ac,
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
           "corpus_blind_j", "corpus_blind_aa", "corpus_blind_ab", "statements_corpus")  # fmt: skip
"""The modules of families A-K, L-Z, G, E, F, I, J, AA and AB (and the statements corpus);
the blind ones' sources are only searched by the new-words test, never read by AC's author
(but AA's and AB's, read for their conventions as the task allowed)."""


@pytest.fixture(scope="module")
def family() -> list[ACSample]:
    return build_ac(2)


@pytest.fixture(scope="module")
def every() -> list[ACSample]:
    return build_ac(4)


@pytest.fixture(scope="module")
def texts(family: list[ACSample]) -> dict[str, str]:
    return {s.name: ac_text(s) for s in family}


@pytest.fixture(scope="module")
def pages(family: list[ACSample]) -> dict[str, tuple[PageText, ...]]:
    return {s.name: ac_pages(s) for s in family}


def test_every_class_has_family_ac_with_the_fields_it_yields(
    family: list[ACSample], every: list[ACSample], texts: dict[str, str]
) -> None:
    assert sorted(cls.value for cls, _ in TEMPLATES) == sorted(c.value for c in DocumentClass)
    assert {s.truth.document_class for s in every} == set(DocumentClass)
    assert len(every) == 4 * len(DocumentClass)
    for sample in family:
        assert sample.held_out
        assert sample.family.endswith(":AC")
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
    assert "The essentials" in text  # the sidebar
    assert "Keep this strip" in text  # the strip
    assert "CONTINUATION SHEET" in text  # the continuation sheet
    assert "Sheet 2 of 2" in text
    assert "LARGE PRINT" in text  # large print
    assert re.search(r"Template [A-Z]{3}-\d\d rev \d", text)  # the mail-merge
    assert "The key details" in text  # landscape
    assert "PAY ENVELOPE" in text
    assert "BALANCE CARRIED FORWARD" in text
    assert re.search(r"\b20\d{6}\b", text)
    assert re.search(r"\b[A-Z][a-z]+day \d\d\.\d\d\.\d{4}\b", text)
    assert re.search(r"\b\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) \d{4}\b", text)
    assert {s.style.face for s in family} == {"narrow", "opensans", "c059"}
    assert any(s.style.landscape for s in family)
    assert any(s.style.point == LARGE for s in family)
    assert sum(s.truth.served_date is not None for s in family) >= 1
    assert sum(s.truth.original_creditor is not None for s in family) >= 1
    assert len({s.truth.document_class for s in family if s.truth.deadline_date}) >= 8


def test_date_and_money_shapes() -> None:
    day = dt.date(2026, 12, 4)
    assert [shape(day) for shape in DATE_SHAPES] == ["20261204", "Friday 04.12.2026", "4 dec 2026"]
    assert DATE_SHAPES[1](dt.date(2026, 1, 22)) == "Thursday 22.01.2026"
    assert DATE_SHAPES[2](dt.date(2025, 9, 3)) == "3 sep 2025"
    assert DATE_SHAPES[0](dt.date(2025, 9, 3)) == "20250903"
    assert plain(123_456) == "1,234.56"


def _amount(text: str) -> int:
    m = re.fullmatch(r"([+-]?)([\d,]+)\.(\d\d)( OD)?", text)
    assert m, text
    value = int(m[2].replace(",", "")) * 100 + int(m[3])
    return -value if m[1] == "-" or m[4] else value


def _cells(sample: ACSample, n: int = 0) -> list[list[PrintCell]]:
    return [[c for c in row if isinstance(c, PrintCell)] for row in sample.pages[n]]


def test_a_statement_carries_its_running_balance(every: list[ACSample]) -> None:
    """Every transaction row's balance (OD when overdrawn) is the last one's plus its signed
    amount, from the balance brought forward to the one carried forward; the boxes at the
    top (half the statements) agree."""
    seen = boxed = 0
    for sample in every:
        if sample.truth.document_class is not C.BANK_STATEMENT:
            continue
        seen += 1
        rows = [r for r in _cells(sample) if r and re.fullmatch(r"\d\d/\d\d", r[0].text)]
        assert rows[0][1].text == "BALANCE BROUGHT FORWARD", sample.name
        assert rows[-1][1].text == "BALANCE CARRIED FORWARD", sample.name
        running = _amount(rows[0][-1].text)
        for row in rows[1:-1]:
            running += _amount(row[2].text)
            assert _amount(row[3].text) == running, sample.name
        assert _amount(rows[-1][-1].text) == running, sample.name
        tops = [r for r in _cells(sample) if len(r) == 2 and r[0].text == "Brought forward"]
        if tops:
            boxed += 1
            row = _cells(sample)[_cells(sample).index(tops[0]) + 1]
            assert _amount(row[0].text) == _amount(rows[0][-1].text), sample.name
            assert _amount(row[1].text) == running, sample.name
    assert seen == 4
    assert boxed == 2


def test_each_setting_puts_its_facts_where_it_says(every: list[ACSample]) -> None:
    """The sidebar's facts sit left of the letter; the strip's in the footer block; the
    continuation sheet numbers its particulars 1, 2, 3 ...; large print is 16 pt over two
    pages; merged values are in the italic (monospaced) slot on shading; landscape pages
    are wider than tall."""
    seen = dict.fromkeys(("sidebar", "strip", "continuation", "large", "merge", "landscape"), 0)
    for sample in every:
        text = ac_text(sample)
        ref = sample.truth.account_reference
        if "The essentials" in text:
            seen["sidebar"] += 1
            if ref and sample.truth.document_class not in (C.ENFORCEMENT_AGENT_NOTICE,):
                cells = [c for r in _cells(sample) for c in r if c.text == ref]
                assert cells, sample.name
                assert all(c.x < 0.33 for c in cells), sample.name
                assert all(c.bold for c in cells), sample.name
        if "Keep this strip" in text:
            seen["strip"] += 1
            foot = sample.feet[0]
            assert foot is not None
            strip = " ".join(c.text for r in _cells(sample)[foot:] for c in r)
            if sample.truth.letter_date is not None:
                assert any(s(sample.truth.letter_date) in strip for s in DATE_SHAPES), sample.name
        if "CONTINUATION SHEET" in text:
            seen["continuation"] += 1
            assert len(sample.pages) == 2
            numbers = [
                int(r[0].text[:-1])
                for r in _cells(sample, 1)
                if r and re.fullmatch(r"\d+\.", r[0].text)
            ]
            assert numbers == list(range(1, len(numbers) + 1)), sample.name
            assert len(numbers) >= 4
        if "LARGE PRINT" in text:
            seen["large"] += 1
            assert sample.style.point == LARGE, sample.name
            assert len(sample.pages) == 2, sample.name
        if re.search(r"Template [A-Z]{3}-\d\d rev \d", text):
            seen["merge"] += 1
            merged = [c for r in _cells(sample) for c in r if c.italic]
            assert len(merged) >= 6, sample.name
            if sample.truth.letter_date is not None:
                shapes = {s(sample.truth.letter_date) for s in DATE_SHAPES}
                assert any(c.text in shapes for c in merged), sample.name
        if "The key details" in text:
            seen["landscape"] += 1
            width, height = page_size(sample, 100)
            assert width > height, sample.name
    assert min(seen.values()) >= 8, seen


def phrases() -> tuple[list[str], list[str]]:
    """AC's own wording as written in ``corpus_blind_ac`` (the constant strings of two words
    or more): its titles, and its labels (references' and the facts')."""
    titles: list[str] = []
    labels: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(corpus_blind_ac))):
        if isinstance(node, ast.keyword) and node.arg == "title":
            titles += [node.value.value] if isinstance(node.value, ast.Constant) else []
        if isinstance(node, ast.keyword) and node.arg in ("ref_label", "date_label"):
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
"""Public bodies every family may name: not AC's own."""


def in_earlier(phrase: str, sources: list[str]) -> list[str]:
    return [n for n, src in zip(EARLIER, sources, strict=True) if phrase.casefold() in src]


def test_no_organisation_person_or_title_of_ac_is_in_an_earlier_family() -> None:
    """AC is written in new words: none of its organisations (but the state's), people,
    streets or titles appears in the modules of A-Z, G, E, F, I, J, AA and AB, nor most of
    its labels (real letters share the plainest ones)."""
    sources = [
        inspect.getsource(import_module(f"cma_adapters.rules_assistant.{name}")).casefold()
        for name in EARLIER
    ]
    ac = corpus_blind_ac
    orgs = [o for o in vars(ac).values() if isinstance(o, ac.Org)]
    orgs += [
        o for v in vars(ac).values() if isinstance(v, tuple) for o in v if isinstance(o, ac.Org)
    ]
    names = [
        *(o.name for o in orgs if o.name not in STATE),
        *(f"{first} {surname}" for _, first, surname in ac.PEOPLE),
        *(street for street, _, _ in ac.ADDRESSES),
        "The essentials", "Keep this strip", "The key details", "PAY ENVELOPE",
    ]  # fmt: skip
    assert len(orgs) >= 25
    titles, labels = phrases()
    assert len(titles) >= 15
    for name in [*names, *titles]:
        assert not in_earlier(name, sources), name
    assert len(labels) > 20
    shared = [label for label in labels if in_earlier(label, sources)]
    assert len(shared) <= len(labels) // 3, shared


def test_every_true_value_is_printed_on_the_document(every: list[ACSample]) -> None:
    for sample in every:
        for text in (ac_text(sample), sample_text(sample)):
            found, total = values_in_text(sample.truth, text)
            assert found == total, sample.name


def test_words_stay_on_the_page_and_cells_do_not_touch(
    family: list[ACSample], every: list[ACSample], pages: dict[str, tuple[PageText, ...]]
) -> None:
    assert_words_on_page(family, pages, page_size)
    assert_words_on_page(every, {s.name: ac_pages(s) for s in every}, page_size)


@pytest.mark.usefixtures("renders_once")
def test_pages_render_with_their_scan_effects_and_encode(family: list[ACSample]) -> None:
    single = next(s for s in family if len(s.pages) == 1 and not s.style.landscape)
    width, height = page_size(single, SCANS[0].dpi)
    copied = render(single, 0, SCANS[0], seed=3)
    assert copied.mode == "L"
    arr = np.asarray(copied)
    middle = arr[height // 4 : height * 3 // 4, width // 10 : width * 8 // 10]
    assert np.isin(middle, (18, 246)).mean() > 0.9  # pushed to black or white
    assert arr[height // 2, -width // 60 - 5 : -5].max() <= 60  # the lid's band
    flash = render(single, 0, SCANS[1], seed=3)
    assert flash.mode == "RGB"
    pix = np.asarray(flash, dtype=int)
    fw, fh = flash.size
    corner = pix[fh // 40 : fh // 12, fw // 40 : fw // 12].reshape(-1, 3)
    paper = corner[corner.sum(axis=1) > 450]
    assert len(paper)
    assert (paper[:, 1] - paper[:, 2]).mean() > 5  # green paper
    dusty = render(single, 0, SCANS[2], seed=3)
    assert dusty.mode == "L"
    cols = np.asarray(dusty, dtype=float)[: dusty.size[1] // 20 + 40].mean(axis=0)
    assert (cols < 170).sum() >= 1  # a line down the page, even in the top margin
    data, fmt, _ = ac_scanned(single, 0)
    assert fmt == "tiff"
    assert Image.open(io.BytesIO(data)).info["compression"] == "tiff_lzw"
    data, fmt, _ = ac_scanned(single, 1)
    assert fmt == "jpeg"
    assert data[:3] == b"\xff\xd8\xff"
    data, fmt, _ = ac_scanned(single, 2)
    assert fmt == "png"
    assert "dpi" in Image.open(io.BytesIO(data)).info
    data, fmt, _ = ac_scanned(single, 5)
    assert "dpi" not in Image.open(io.BytesIO(data)).info
    double = next(s for s in family if len(s.pages) == 2)
    data, fmt, _ = ac_scanned(double, 0)
    assert fmt == "pdf"


def test_the_flash_washes_out_a_hotspot() -> None:
    """A grey page comes out lighter near the hotspot than at the corners."""
    page = Image.new("RGB", (400, 560), (120, 120, 120))
    out = np.asarray(corpus_blind_ac._flash(page, __import__("random").Random(5), 0), dtype=float)
    h, w = out.shape[:2]
    assert out[int(h * 0.4), int(w * 0.6)].mean() > out[h // 20, w // 20].mean() + 40


def digest() -> str:
    samples = build_ac(1)
    return hashlib.sha256(
        "\n".join(f"{s.name}|{s.truth!r}|{ac_text(s)}" for s in samples).encode()
    ).hexdigest()


def test_the_same_family_under_any_hash_seed() -> None:
    assert digest_under_another_hash_seed("tests.unit.documents.test_blind_family_ac") == digest()


def test_family_ac_is_trained_on_only_as_a_read_family() -> None:
    """AC is seen since round 25 (its misses were read to change the reader, and it is a
    read family: ``read_families.READ``, drawn with seeds of its own, not the benchmark's).
    The generated corpus (the classifier's cross-validation and calibration) still never
    yields it, and only ``read_families`` names it among the reading, learning and training
    modules."""
    assert "AC" in read_families.READ
    assert "corpus_blind_ac" in inspect.getsource(read_families)
    assert_only_read_family("corpus_blind_ac", "AC")


# -- the reader on AC (seen since round 25, benchmarks/OCR.md) ---------------------------------


@pytest.fixture(scope="module")
def ac_score(
    family: list[ACSample], texts: dict[str, str], pages: dict[str, tuple[PageText, ...]]
) -> Score:
    model, fields_model = classifier.shipped(), ranker.shipped()
    return score(
        [(s, extract(texts[s.name], pages[s.name], model, fields_model=fields_model))
         for s in family]
    )  # fmt: skip


FIRST = (
    "class 100% (38/38), creditor 93% (28/30), original creditor 2/2, reference 93% (28/30), "
    "balance 100% (30/30), letter date 64% (23/36), deadline 62% (15/24), claim no. 4/4, "
    "payer 4/4, income 3/4, gross 2/2, frequency 4/4, served 1/2 (branch corpusac off "
    "ec86984 = main's round-21 reader, shipped classifier and field ranker 2026-12-05.21; "
    "on 76 documents: benchmarks/OCR.md, 'Family AC')"
)
"""The first measurement (38 documents here), blind."""
ROUND_25 = "every field and the class 100% (38/38 classes)"
"""As shipped after round 25 (its rules, with the classifier and field ranker 2026-12-05.23
and with 2026-12-05.25, trained with AC). Blind before (rounds 21 to 24): the letter date,
the deadline, the income and the served date under the floor (dates printed as eight
figures run together, "20261204"; a pay envelope's grid of boxes): benchmarks/OCR.md,
'Round 25'."""
TARGETS = ("document_class", *corpus.FIELDS)
COLLAPSE = {"creditor_name": 0.7, "balance_pence": 0.6, "letter_date": 0.45}
"""Well under the first measurement of the fields that every debt letter states (93%, 100%
and 64% here, blind): a collapse, not a small loss."""


def test_family_ac_is_read_above_a_collapse_floor(ac_score: Score) -> None:
    print("\n" + ac_score.table("family AC (seen since round 25), perfect text"))
    assert ac_score.totals["document_class"] == 2 * len(DocumentClass)
    for field, floor in COLLAPSE.items():
        assert (ac_score.accuracy(field) or 0) >= floor, field


@pytest.mark.parametrize("field", TARGETS)
def test_family_ac_meets_the_floor(ac_score: Score, field: str) -> None:
    """Seen since round 25 (its misses read, trained on as a read family), so a
    regression check of a training-side figure, no longer a strict xfail: as shipped,
    ROUND_25 on these 38 documents (blind, first measurement: FIRST). The issue's floors:
    95% for the class, 90% for each field the documents state."""
    assert meets_floor(ac_score.accuracy(field), field), field
